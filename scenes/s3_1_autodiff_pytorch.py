"""3.1 AutoDiff with PyTorch.

Learning goal: read the course's four lines of PyTorch (``requires_grad_``,
``y = x**2``, ``y.backward()``, ``x.grad``) as building a computational graph,
running a forward pass (25) and a backward pass that returns dy/dx = 10 at x = 5.
Every value comes from ``mathkit.autodiff.square_graph``.
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
    Write,
)

from mathkit.autodiff import square_graph
from mathkit.expr import plain
from mathkit.rules import differentiate
from scenes.common.base import LectureScene
from scenes.common.graph_parts import (
    fmt,
    get_code_and_graph,
    get_edge_label,
    get_grad_tag,
    get_legend,
    get_output_line,
    get_value_tag,
    make_flow_animation,
    torch_code,
    torch_output,
)
from scenes.common.mobjects import get_bullets, get_card, get_tex, get_title
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

NAMES = {"x": "x", "y": "y"}


class AutoDiffPyTorch(LectureScene):
    """Beats: title, track, forward, backward, result, check, summary."""

    def construct(self) -> None:
        g = square_graph()
        x, y = g["x"], g["y"]
        edge = g.edge("x", "y")
        power = differentiate(f"x^{fmt(y.param or 0.0)}")  # y = x^n as the graph has it

        # -- title -------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "AutoDiff with PyTorch",
            subtitle=f"y = x² at x = {fmt(x.value)}, in four lines",
        )
        self.narrate(
            "PyTorch can differentiate any computation you write. "
            f"Here is the course's first example, y = {plain(power.expr)}.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        layout = get_code_and_graph(torch_code(x.value, y.param or 0.0), g, NAMES)
        layout.next_to(title, DOWN, buff=0.9).set_x(0)
        code, drawing = layout.code, layout.graph
        lines = code.code_lines
        x_node, y_node = drawing.node("x"), drawing.node("y")
        arrow = drawing.edge(edge)
        y_name = drawing.name_tags["y"]

        # -- track -------------------------------------------------------------
        self.beat("track")
        self.play(FadeIn(code.background), FadeIn(lines[0]))
        self.caption(f"Import torch, then make x a tensor holding {fmt(x.value)}.")
        self.play(FadeIn(lines[1], shift=RIGHT * 0.2))
        x_val = get_value_tag(x.value, x_node)
        self.play(FadeIn(x_node), FadeIn(x_val))
        self.hold()
        self.narrate(
            "requires_grad_ asks torch to record every operation on x: "
            "tracking spreads, contagiously, to everything computed from it.",
            Indicate(lines[1], color=PALETTE.accent, scale_factor=1.03),
        )

        # -- forward -----------------------------------------------------------
        self.beat("forward")
        self.caption("y = x**2 adds a squaring node to the graph: the forward pass.")
        self.play(FadeIn(lines[2], shift=RIGHT * 0.2))
        self.play(GrowArrow(arrow), FadeIn(y_node), FadeIn(y_name))
        y_val = get_value_tag(y.value, y_node)
        self.play(make_flow_animation(arrow), FadeIn(y_val, shift=RIGHT * 0.2))
        self.hold()
        self.narrate(
            f"The value {fmt(x.value)} flows forward and y becomes {fmt(y.value)}. "
            "Torch also remembers how y was made.",
            Indicate(y_val, color=PALETTE.curve),
        )

        # -- backward ----------------------------------------------------------
        self.beat("backward")
        self.caption(
            f"y.backward() runs the graph in reverse, starting from dy/dy = {fmt(y.grad)}."
        )
        self.play(FadeIn(lines[3], shift=RIGHT * 0.2))
        y_grad = get_grad_tag(y.grad, y_val)
        legend = get_legend().to_corner(DOWN + RIGHT, buff=EDGE_BUFF + 0.15)
        self.play(FadeIn(y_grad, shift=UP * 0.2), FadeIn(legend))
        self.hold()
        local = get_edge_label(rf"2x = {fmt(edge.local)}", arrow, side=UP)
        self.narrate(
            f"The squaring node knows its local derivative, {plain(power.simplified)},"
            f" which is {fmt(edge.local)} here.",
            Write(local),
        )
        x_grad = get_grad_tag(x.grad, x_val)
        self.narrate(
            f"Multiply the incoming {fmt(edge.upstream)} by {fmt(edge.local)}: "
            f"the gradient {fmt(x.grad)} lands on x.",
            make_flow_animation(arrow, backward=True),
            FadeIn(x_grad, shift=LEFT * 0.2),
        )

        # -- result ------------------------------------------------------------
        self.beat("result")
        out = get_output_line(torch_output(x.grad))
        out.next_to(code, DOWN, buff=0.35, aligned_edge=LEFT)
        self.caption(
            f"Reading x.grad prints the stored gradient: a tensor holding {fmt(x.grad)}."
        )
        self.play(FadeIn(lines[4], shift=RIGHT * 0.2))
        self.play(FadeIn(out, shift=UP * 0.2))
        self.play(Indicate(x_grad, color=PALETTE.tangent))
        self.hold()

        # -- check ---------------------------------------------------------------
        self.beat("check")
        check = get_tex(
            r"\frac{dy}{dx} = 2x",
            "=",
            rf"2 \cdot {fmt(x.value)}",
            "=",
            fmt(x.grad),
            size=SIZES.tex,
        )
        check[-1].set_color(PALETTE.tangent)
        card = get_card(check, color=PALETTE.tangent)
        card.next_to(out, DOWN, buff=0.5, aligned_edge=LEFT)
        self.caption(
            f"The power rule agrees: dy/dx = {plain(power.simplified)}, which is {fmt(x.grad)}"
            f" at x = {fmt(x.value)}."
        )
        self.play(FadeIn(card[0]), Write(check))
        box = SurroundingRectangle(out, color=PALETTE.tangent, buff=0.1)
        self.play(Create(box))
        self.hold()

        # -- summary -------------------------------------------------------------
        self.beat("summary")
        shown = (
            code,
            x_node,
            y_node,
            arrow,
            y_name,
            x_val,
            y_val,
            y_grad,
            x_grad,
            local,
            legend,
            out,
            card,
            box,
        )
        self.play(*[FadeOut(m) for m in shown])
        steps = get_bullets(
            (
                "requires_grad_(): record operations on x",
                "forward pass: compute y, build the graph",
                "backward(): chain rule from y back to x",
                "x.grad: read the gradient",
            )
        )
        steps.next_to(title, DOWN, buff=0.8).to_edge(LEFT, buff=EDGE_BUFF + 0.6)
        self.narrate(
            "So autodiff in PyTorch is: mark the inputs, compute forward, "
            "call backward, and read the gradient.",
            FadeIn(steps, lag_ratio=0.3),
            hold=1.5,
        )
        self.wait()
