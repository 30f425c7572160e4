"""3.5 The Future: Differentiable Programming.

Learning goal: see that autodiff is not limited to formulas. An ordinary
program with a loop and an if, built from differentiable operations, records
the operations it actually runs; that unrolled graph can be differentiated by
the chain rule. PyTorch, TensorFlow 2 and JAX all work this way. Every value
comes from ``mathkit.autodiff.loop_program``.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    Mobject,
    SurroundingRectangle,
    Transform,
    VGroup,
)

from mathkit.autodiff import PROGRAM_STEPS, PROGRAM_THRESHOLD, loop_program
from scenes.common.base import LectureScene
from scenes.common.graph_parts import (
    fmt,
    get_code_panel,
    get_comp_graph,
    get_edge_label,
    get_grad_tag,
    get_output_line,
    get_value_tag,
    make_flow_animation,
)
from scenes.common.mobjects import (
    get_axes,
    get_card,
    get_line_through,
    get_polyline,
    get_tex,
    stage_box,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

BRANCH_LINE = {"square": 4, "halve": 6}
CHAIN_GROW = 1.5
"""At most this much larger once the code has gone (then as wide as the stage)."""
TEXT_GROW = 1.2
"""How much larger the chain's labels grow with it."""
PLOT_X = (0.6, 2.2)
"""[PROPOSED] Domain of the closing plot: it shows all four branch patterns."""


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


def library_code(x0: float) -> tuple[str, str]:
    """Calling PyTorch and JAX on ``f`` as written (the program above)."""
    torch = "\n".join(
        (f"x = torch.tensor({x0}, requires_grad=True)", "f(x).backward()", "x.grad")
    )
    jax = f"jax.grad(f)({x0})"
    return torch, jax


def torch_scalar(value: float) -> str:
    """How PyTorch prints a float32 scalar tensor: four decimals, ``tensor(3.3750)``."""
    return f"tensor({value:.4f})"


def jax_scalar(value: float) -> str:
    """How JAX prints the float32 scalar ``jax.grad`` returns for a Python float."""
    return f"Array({value:g}, dtype=float32, weak_type=True)"


def _outside(arrow: Mobject) -> np.ndarray:
    """The side of an edge its label goes on: away from the arc's twin (UP if straight)."""
    bulge = arrow.point_from_proportion(0.5) - (arrow.get_start() + arrow.get_end()) / 2
    return DOWN if bulge[1] < -1e-3 else UP


class DifferentiableProgramming(LectureScene):
    """Beats: title, program, unroll, backward, libraries, branches."""

    def construct(self) -> None:
        trace = loop_program()
        g = trace.graph
        steps = [f"v{k + 1}" for k in range(len(trace.branches))]
        x0 = g["x"].value

        code = get_code_panel(program_code(PROGRAM_STEPS, PROGRAM_THRESHOLD))
        names = {"x": "x", **{s: f"v_{s[1:]}" for s in steps}}
        drawing = get_comp_graph(
            g, names, rows={"2": 1}, columns={"2": 1.5}, dx=2.1, dy=1.5, twin_bend=1.3
        )
        # the constant 2 is part of the halving, not an input: draw it in the node
        for label, branch in zip(steps, trace.branches, strict=True):
            if branch == "halve":
                node = drawing.node(label)
                symbol = get_tex(r"\div 2", size=SIZES.tex_small, color=PALETTE.text)
                symbol.scale_to_fit_width(min(symbol.width, node.width * 0.75))
                node[1].become(symbol.move_to(node))
        const_edges = [
            a
            for e, a in ((e, drawing.edge(e)) for e in g.edges)
            if g.nodes[e.source].op == "const"
        ]

        # -- title -------------------------------------------------------------
        title = self.opening(
            FadeIn(code, shift=UP * SPACE.small),
            "Autodiff does not need a formula. It can differentiate a whole program, "
            "as long as each step is differentiable.",
        )
        # the code moves aside (in the program beat) to make room for the graph it runs
        placed = code.copy()
        VGroup(placed, drawing).arrange(RIGHT, buff=SPACE.large).next_to(
            title, DOWN, buff=SPACE.large
        ).set_x(0)

        # -- program -------------------------------------------------------------
        self.beat("program")
        self.play(code.animate.move_to(placed))
        self.narrate(
            f"Here is an ordinary Python function: a loop that runs {PROGRAM_STEPS} times, "
            f"and an if that squares v while it is below {fmt(PROGRAM_THRESHOLD)}, "
            "and halves it otherwise.",
            Indicate(code.code_lines[2], color=PALETTE.accent, scale_factor=1.03),
            Indicate(code.code_lines[3], color=PALETTE.accent, scale_factor=1.03),
            lag_ratio=0.5,
            fill=True,
        )

        # -- unroll --------------------------------------------------------------
        self.beat("unroll")
        x_node = drawing.node("x")
        x_val = get_value_tag(x0, x_node)
        self.narrate(
            f"Call it with x = {fmt(x0)}. As it runs, the library records "
            "only the operations that actually happen.",
            FadeIn(x_node),
            FadeIn(x_val),
            fill=True,
        )
        marker = None
        values = {"x": x_val}
        locals_ = VGroup()
        for k, (label, branch) in enumerate(zip(steps, trace.branches, strict=True)):
            line = code.code_lines[BRANCH_LINE[branch]]
            box = SurroundingRectangle(line, color=PALETTE.accent, buff=SPACE.hair)
            node = drawing.node(label)
            into = [
                (e, a) for e, a in drawing.edges_into(label) if a not in const_edges
            ]
            tag = get_value_tag(g[label].value, node, places=3)
            values[label] = tag
            prev = g[label].inputs[0]
            edge_labels = [
                get_edge_label(rf"\times {fmt(e.local, 3)}", a, side=_outside(a))
                for e, a in into
            ]
            locals_.add(*edge_labels)
            self.narrate(
                f"Pass {k + 1}: v = {fmt(g.nodes[prev].value, 3)} "
                + (
                    f"is below {fmt(PROGRAM_THRESHOLD)}, so square it"
                    if branch == "square"
                    else "is not below the threshold, so halve it"
                )
                + f": v = {fmt(g[label].value, 3)}.",
                Create(box) if marker is None else Transform(marker, box),
                *[Create(a) for _, a in into],
                FadeIn(node),
                FadeIn(drawing.name_tags[label]),
                *[make_flow_animation(a) for _, a in into],
                FadeIn(tag, shift=RIGHT * SPACE.small),
                *[FadeIn(t) for t in edge_labels],
                lag_ratio=0.15,
                fill=True,
            )
            marker = marker or box
        # the code is spent: the chain it left takes the stage, grown to read at 480p
        # (its text grows less than its spacing, so that the labels crowd less)
        shapes = VGroup(
            *[drawing.node(s) for s in ["x", *steps]],
            *[
                a
                for e, a in ((e, drawing.edge(e)) for e in g.edges)
                if a not in const_edges
            ],
        )
        texts = VGroup(
            *[drawing.name_tags[s] for s in steps], *values.values(), *locals_
        )
        chain = VGroup(shapes, texts)
        grown = chain.copy()
        left, right, _, _ = stage_box(title)
        grow = min(CHAIN_GROW, (right - left) / grown.width)
        text_grow = min(TEXT_GROW, grow)
        grown.scale(grow)
        for text in grown[1]:
            text.scale(text_grow / grow)
        grown.next_to(title, DOWN, buff=SPACE.large).set_x((left + right) / 2)
        self.narrate(
            "The loop and the if are gone: what is left is a straight chain.",
            FadeOut(marker),
            FadeOut(code, shift=LEFT * SPACE.small),
            Transform(chain, grown),
            fill=True,
        )
        self.remove(chain)
        self.add(*chain)  # its parts again, each the mobject the later beats name
        self.narrate(
            "Each edge carries its local derivative; a square uses v twice, so it has two.",
            # each label flashes in its own place (the group scaled as one would
            # push its outer labels onto the nodes)
            LaggedStart(
                *[
                    Indicate(m, color=PALETTE.secant, scale_factor=1.08)
                    for m in locals_
                ],
                lag_ratio=0.1,
            ),
            fill=True,
        )

        # -- backward --------------------------------------------------------------
        self.beat("backward")
        out = steps[-1]

        def grad_tag(label: str) -> Mobject:
            """The node's gradient under its value, at the grown chain's size."""
            tag = get_grad_tag(g[label].grad, values[label], places=3, name=r"\bar v")
            tag.scale(text_grow)
            return tag.next_to(values[label], DOWN, buff=SPACE.snug * text_grow)

        grads = [grad_tag(out)]
        self.narrate(
            f"Backward through the chain, starting from {fmt(g.output.grad)} at the "
            "output. Each step multiplies by the edge factors, and adds where two "
            "edges meet.",
            FadeIn(grads[0], shift=UP * SPACE.small),
            fill=True,
        )
        for label in reversed(["x", *steps[:-1]]):
            user = steps[steps.index(label) + 1] if label != "x" else steps[0]
            arrows = [
                a
                for e, a in drawing.edges_into(user)
                if g.nodes[e.source].label == label
            ]
            tag = grad_tag(label)
            grads.append(tag)
            self.play(
                *[make_flow_animation(a, backward=True) for a in arrows],
                FadeIn(tag, shift=LEFT * SPACE.small),
                run_time=1.2,
            )
        result = get_tex(
            r"\frac{df}{dx}\Big|_{x=" + fmt(x0) + "}",
            "=",
            fmt(g["x"].grad, 4),
            size=SIZES.tex,
        )
        result[-1].set_color(PALETTE.tangent)
        card = get_card(result, color=PALETTE.tangent)
        card.next_to(VGroup(*grads), DOWN, buff=SPACE.large).set_x(0)
        self.narrate(
            f"The gradient of the whole program at {fmt(x0)} is "
            f"{fmt(g['x'].grad, 4)}: both edges of each square add to it.",
            FadeIn(card, shift=UP * SPACE.small),
            fill=True,
        )

        # -- libraries: the same program in PyTorch and JAX ----------------------------
        self.beat("libraries")
        torch_src, jax_src = library_code(x0)
        panels = VGroup(
            get_code_panel(torch_src),
            get_output_line(torch_scalar(g["x"].grad)),
            get_code_panel(jax_src),
            get_output_line(jax_scalar(g["x"].grad)),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        panels[2].shift(DOWN * SPACE.small)
        panels[3].shift(DOWN * SPACE.small)
        self.play(
            *[FadeOut(m) for m in chain],
            card.animate.to_edge(RIGHT, buff=EDGE_BUFF).align_to(code, UP),
            *[FadeOut(m) for m in grads],
        )
        panels.next_to(title, DOWN, buff=SPACE.large).to_edge(LEFT, buff=EDGE_BUFF)
        self.narrate(
            "The libraries run this very function. PyTorch builds the graph as the "
            f"code runs and returns {fmt(g['x'].grad, 4)}; JAX's grad turns f into "
            "its derivative, with the same answer.",
            FadeIn(panels[:2], shift=LEFT * SPACE.small),
            FadeIn(panels[2:], shift=LEFT * SPACE.small),
            lag_ratio=0.5,
            fill=True,
        )

        # -- branches: f is piecewise, the gradient is that of the branch taken -------------
        self.beat("branches")
        xs = np.linspace(*PLOT_X, 361)
        runs = [loop_program(float(v)) for v in xs]
        ys = [r.graph.output.value for r in runs]
        axes = get_axes(
            [PLOT_X[0], PLOT_X[1], 0.5],
            [0, 4.5, 1],
            width=6.2,
            height=3.6,
            x_label="x",
            y_label="f(x)",
        )
        pieces = VGroup()
        start = 0
        for i in range(1, len(xs) + 1):
            if i == len(xs) or runs[i].branches != runs[start].branches:
                if i - start >= 2:
                    pieces.add(get_polyline(axes, xs[start:i], ys[start:i]).line)
                start = i
        dot = Dot(axes.c2p(x0, g.output.value), color=PALETTE.point)
        tangent = get_line_through(
            axes,
            g["x"].grad,
            g.output.value - g["x"].grad * x0,
            [x0 - 0.18, x0 + 0.18],
        )
        plot = VGroup(axes, pieces, dot, tangent)
        self.stage(plot)
        self.play(*[FadeOut(m) for m in (card, panels)])
        self.narrate(
            "Plot f: each branch pattern is a smooth piece, and the gradient at "
            f"{fmt(x0)} is the slope {fmt(g['x'].grad, 4)} of the piece it lands on.",
            Create(axes),
            Create(pieces),
            FadeIn(dot),
            Create(tangent),
            lag_ratio=0.3,
            fill=True,
        )
        self.narrate(
            "Where a branch switches, f jumps and has no derivative: autodiff "
            "reports the branch taken. Programs like this, simulators and renderers "
            "included, can be tuned by gradient descent.",
            Indicate(pieces, color=PALETTE.accent),
            fill=True,
            hold=1.5,
        )
        self.wait()
