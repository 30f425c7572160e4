"""3.5 The Future: Differentiable Programming.

Learning goal: see that autodiff is not limited to formulas. An ordinary
program with a loop and an if, built from differentiable operations, records
the operations it actually runs; that unrolled graph can be differentiated by
the chain rule. PyTorch, TensorFlow 2 and JAX all work this way. Every value
comes from ``mathkit.autodiff.loop_program``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    SurroundingRectangle,
    Transform,
    VGroup,
    Write,
)

from mathkit.autodiff import PROGRAM_STEPS, PROGRAM_THRESHOLD, loop_program
from scenes.common.base import LectureScene
from scenes.common.graph_parts import (
    fmt,
    get_code_panel,
    get_comp_graph,
    get_grad_tag,
    get_legend,
    get_value_tag,
    make_flow_animation,
)
from scenes.common.mobjects import get_bullets, get_card, get_tex, get_title
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

BRANCH_LINE = {"square": 4, "halve": 6}


def program_code(steps: int, threshold: float) -> str:
    """The loop-and-branch program that :func:`mathkit.autodiff.loop_program` runs."""
    return "\n".join(
        (
            f"def f(x, steps={steps}):",
            "    v = x",
            "    for k in range(steps):",
            f"        if v < {fmt(threshold)}:",
            "            v = v * v",
            "        else:",
            "            v = v / 2",
            "    return v",
        )
    )


class DifferentiableProgramming(LectureScene):
    """Beats: title, program, unroll, backward, frameworks."""

    def construct(self) -> None:
        trace = loop_program()
        g = trace.graph
        steps = [f"v{k + 1}" for k in range(len(trace.branches))]

        # -- title -------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "Differentiable Programming",
            subtitle="the future: gradients through loops and branches",
        )
        self.narrate(
            "Autodiff does not need a formula. It can differentiate a whole program, "
            "as long as each step is differentiable.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- program -------------------------------------------------------------
        self.beat("program")
        code = get_code_panel(program_code(PROGRAM_STEPS, PROGRAM_THRESHOLD))
        names = {"x": "x", "2": "2", **{s: f"v_{s[1:]}" for s in steps}}
        drawing = get_comp_graph(
            g, names, rows={"2": 1}, columns={"2": 1.5}, dx=2.0, dy=1.5
        )
        VGroup(code, drawing).arrange(RIGHT, buff=0.8).next_to(
            title, DOWN, buff=0.7
        ).set_x(0)
        self.narrate(
            f"Here is an ordinary Python function: a loop that runs {PROGRAM_STEPS} times, "
            f"and an if that squares v while it is below {fmt(PROGRAM_THRESHOLD)}, "
            "and halves it otherwise.",
            FadeIn(code, shift=UP * 0.2),
        )

        # -- unroll --------------------------------------------------------------
        self.beat("unroll")
        x_node = drawing.node("x")
        x_val = get_value_tag(g["x"].value, x_node)
        self.narrate(
            f"Call it with x = {fmt(g['x'].value)}. As it runs, the library records "
            "only the operations that actually happen.",
            FadeIn(x_node),
            FadeIn(x_val),
        )
        marker = None
        values = {"x": x_val}
        for k, (label, branch) in enumerate(zip(steps, trace.branches, strict=True)):
            line = code.code_lines[BRANCH_LINE[branch]]
            box = SurroundingRectangle(line, color=PALETTE.accent, buff=0.05)
            node = drawing.node(label)
            into = drawing.edges_into(label)
            extra = [FadeIn(drawing.node("2"))] if branch == "halve" else []
            tag = get_value_tag(g[label].value, node, places=3)
            values[label] = tag
            prev = g[label].inputs[0]
            self.caption(
                f"Pass {k + 1}: v = {fmt(g.nodes[prev].value)} "
                + (
                    f"is below {fmt(PROGRAM_THRESHOLD)}, so square it"
                    if branch == "square"
                    else "is not below the threshold, so halve it"
                )
                + f": v = {fmt(g[label].value)}."
            )
            self.play(Create(box) if marker is None else Transform(marker, box))
            marker = marker or box
            self.play(
                *[
                    GrowArrow(a) if not hasattr(a, "angle") else Create(a)
                    for _, a in into
                ],
                FadeIn(node),
                FadeIn(drawing.name_tags[label]),
                *extra,
            )
            self.play(
                *[make_flow_animation(a, run_time=0.8) for _, a in into],
                FadeIn(tag, shift=RIGHT * 0.15),
                run_time=0.8,
            )
            self.hold()
        self.narrate(
            "The loop and the if are gone: what is left is a straight chain of "
            "differentiable operations, the unrolled graph.",
            FadeOut(marker),
            Indicate(drawing.node_group, color=PALETTE.accent, scale_factor=1.03),
        )

        # -- backward --------------------------------------------------------------
        self.beat("backward")
        legend = get_legend().to_corner(DOWN + RIGHT, buff=EDGE_BUFF + 0.1)
        self.caption(
            f"Backward through the chain, starting from {fmt(g.output.grad)} at the output."
        )
        out = steps[-1]
        grads = [get_grad_tag(g[out].grad, values[out], places=3)]
        self.play(FadeIn(grads[0]), FadeIn(legend))
        self.hold()
        for label in reversed(["x", *steps[:-1]]):
            user = steps[steps.index(label) + 1] if label != "x" else steps[0]
            arrows = [
                a
                for e, a in drawing.edges_into(user)
                if g.nodes[e.source].label == label
            ]
            tag = get_grad_tag(g[label].grad, values[label], places=3)
            grads.append(tag)
            self.play(
                *[make_flow_animation(a, backward=True) for a in arrows],
                FadeIn(tag, shift=LEFT * 0.15),
            )
        result = get_tex(
            r"\frac{df}{dx}\Big|_{x=" + fmt(g["x"].value) + "}",
            "=",
            fmt(g["x"].grad, 4),
            size=SIZES.tex,
        )
        result[-1].set_color(PALETTE.tangent)
        card = get_card(result, color=PALETTE.tangent)
        card.to_edge(DOWN, buff=EDGE_BUFF + 0.1).to_edge(LEFT, buff=EDGE_BUFF + 0.3)
        self.narrate(
            f"The gradient of the whole program at {fmt(g['x'].value)} is "
            f"{fmt(g['x'].grad, 4)}. The squaring used v twice, so both of its edges "
            "add to the gradient.",
            FadeIn(card, shift=UP * 0.2),
        )

        # -- frameworks ---------------------------------------------------------------
        self.beat("frameworks")
        self.play(
            *[
                FadeOut(m)
                for m in (code, drawing, legend, card, *values.values(), *grads)
            ]
        )
        bullets = get_bullets(
            (
                "PyTorch: the graph is built as the code runs",
                "TensorFlow 2: eager mode, and tf.function",
                "JAX: jax.grad(f) turns f into its derivative",
                "also: physics simulators, renderers, ODE solvers",
            )
        )
        bullets.next_to(title, DOWN, buff=0.8).to_edge(LEFT, buff=EDGE_BUFF + 0.6)
        self.narrate(
            "This is how today's libraries work: PyTorch builds the graph as your code "
            "runs, TensorFlow 2 does the same in eager mode, and JAX transforms functions.",
            FadeIn(bullets[:3], lag_ratio=0.3),
        )
        self.narrate(
            "Any program made of differentiable pieces can be tuned by gradient descent, "
            "even a simulator or a renderer. Yann LeCun put it in 2018: "
            "long live differentiable programming.",
            FadeIn(bullets[3]),
            hold=1.5,
        )
        self.wait()
