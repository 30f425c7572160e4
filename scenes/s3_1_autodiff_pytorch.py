"""3.1 AutoDiff with PyTorch.

Learning goal: read the course's PyTorch lines (``requires_grad_``,
``y = x**2``, ``y.backward()``, ``x.grad``) as building a computational graph,
running a forward pass (5 becomes 25) and a backward pass that carries
dy/dy = 1 back along the edge, times the local derivative 2x = 10, into
``x.grad`` = 10: the slope of the tangent to y = x^2 at x = 5. Then place
autodiff among the three ways to differentiate (content spec 3a): numerical
(the delta method, rounded), symbolic (the rules) and automatic (exact).
Values from ``mathkit.autodiff``, ``mathkit.rules`` and
``mathkit.differentiation``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    ReplacementTransform,
    Succession,
    Write,
)

from mathkit.autodiff import square_graph
from mathkit.data import DELTA_DX_SMALL
from mathkit.differentiation import forward_difference
from mathkit.expr import plain
from mathkit.rules import differentiate
from scenes.common.base import LectureScene
from scenes.common.graph_parts import (
    fmt,
    get_code_and_graph,
    get_edge_label,
    get_grad_tag,
    get_method_cards,
    get_output_line,
    get_token,
    get_value_tag,
    make_flow_animation,
    make_travel,
    torch_code,
    torch_output,
)
from scenes.common.mobjects import (
    get_axes,
    get_clipped_graph,
    get_line_through,
    get_tex,
)
from scenes.common.numbers import format_delta
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE, SUBTITLE_ZONE

X_GRAD = r"\texttt{x.grad}"
"""How the scene names dy/dx: the attribute PyTorch stores it in."""


class AutoDiffPyTorch(LectureScene):
    """Beats: title, track, forward, backward, result, methods."""

    def construct(self) -> None:
        g = square_graph()
        x, y = g["x"], g["y"]
        edge = g.edge("x", "y")
        power = differentiate(f"x^{fmt(y.param or 0.0)}")  # y = x^n as the graph has it
        rule = plain(power.simplified)

        layout = get_code_and_graph(
            torch_code(x.value, y.param or 0.0), g, code_size=SIZES.code
        )
        code, drawing = layout.code, layout.graph
        lines = code.code_lines
        x_node, y_node = drawing.node("x"), drawing.node("y")
        arrow = drawing.edge(edge)

        # -- title -------------------------------------------------------------
        title = self.opening(
            [FadeIn(code.background), FadeIn(lines[0])],
            "PyTorch can differentiate any computation you write. Here is the "
            f"course's first example, y = {plain(power.expr)} at x = {fmt(x.value)}.",
            fields={"x": fmt(x.value)},
        )
        layout.next_to(title, DOWN, buff=SPACE.small).set_x(0)

        axes = get_axes([0, 7, 1], [0, 50, 10], width=4.4, height=2.1)
        axes.to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium).to_edge(
            DOWN, buff=SUBTITLE_ZONE
        )
        curve = get_clipped_graph(axes, lambda v: v**2)
        point = Dot(axes.c2p(x.value, y.value), color=PALETTE.point)

        # -- track -------------------------------------------------------------
        self.beat("track")
        x_val = get_value_tag(x.value, x_node)
        self.narrate(
            f"Make x a tensor holding {fmt(x.value)}, and call requires_grad_ on it.",
            FadeIn(lines[1], shift=RIGHT * SPACE.small),
            FadeIn(x_node),
            FadeIn(x_val),
            fill=True,
        )
        self.narrate(
            "That asks torch to record every operation on x: tracking spreads, "
            "contagiously, to everything computed from it.",
            Indicate(lines[1], color=PALETTE.accent, scale_factor=1.03),
            Indicate(x_node, color=PALETTE.accent),
            fill=True,
        )

        # -- forward -----------------------------------------------------------
        self.beat("forward")
        y_val = get_value_tag(y.value, y_node)
        token = get_token(fmt(x.value)).move_to(arrow.get_start())
        self.narrate(
            "y = x**2 adds a squaring node to the graph: the forward pass.",
            FadeIn(lines[2], shift=RIGHT * SPACE.small),
            GrowArrow(arrow),
            FadeIn(y_node),
            FadeIn(drawing.name_tags["y"]),
            Create(axes),
            fill=True,
        )
        self.narrate(
            f"The value {fmt(x.value)} flows forward and comes out squared: "
            f"y = {fmt(y.value)}, a point on the parabola.",
            Succession(
                FadeIn(token),
                make_travel(token, arrow),
                ReplacementTransform(token, y_val),
            ),
            Create(curve),
            FadeIn(point, scale=1.5),
            fill=True,
        )

        # -- backward ----------------------------------------------------------
        self.beat("backward")
        y_grad = get_grad_tag(y.grad, y_val, name=r"\tfrac{dy}{dy}")
        self.narrate(
            f"y.backward() runs the graph in reverse. It starts at the output "
            f"with dy by dy = {fmt(y.grad)}.",
            FadeIn(lines[3], shift=RIGHT * SPACE.small),
            FadeIn(y_grad, shift=UP * SPACE.small),
            fill=True,
        )
        local = get_edge_label(rf"2x = {fmt(edge.local)}", arrow, side=UP)
        self.narrate(
            f"The squaring node knows its local derivative, {rule}, "
            f"which is {fmt(edge.local)} here.",
            Write(local),
            make_flow_animation(arrow, backward=True),
            fill=True,
        )
        back = get_token(fmt(edge.upstream), color=PALETTE.tangent).move_to(
            arrow.get_end()
        )
        product = get_tex(
            rf"{fmt(edge.upstream)} \times {fmt(edge.local)}",
            size=SIZES.tex_small,
            color=PALETTE.tangent,
        ).next_to(x_val, DOWN, buff=SPACE.small)
        x_grad = get_grad_tag(x.grad, x_val, name=X_GRAD)
        self.narrate(
            f"Carry the {fmt(edge.upstream)} back along the edge and multiply by "
            f"{fmt(edge.local)}: x.grad = {fmt(x.grad)}.",
            Succession(
                FadeIn(back),
                make_travel(back, arrow, backward=True),
                ReplacementTransform(back, product),
                ReplacementTransform(product, x_grad),
            ),
            fill=True,
        )

        # -- result ------------------------------------------------------------
        self.beat("result")
        out = get_output_line(torch_output(x.grad))
        out.next_to(axes, RIGHT, buff=SPACE.section).align_to(axes, DOWN)
        out.shift(UP * (axes.height / 2))
        tangent = get_line_through(
            axes, x.grad, y.value - x.grad * x.value, [x.value - 1.2, x.value + 1.2]
        )
        check = get_tex(
            r"\frac{dy}{dx} = 2x = " + fmt(x.grad),
            size=SIZES.tex_small,
            color=PALETTE.tangent,
        ).next_to(out, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        self.narrate(
            f"Reading x.grad prints tensor of {fmt(x.grad)}: the slope of the "
            f"tangent to the parabola at x = {fmt(x.value)}.",
            FadeIn(lines[4], shift=RIGHT * SPACE.small),
            FadeIn(out, shift=UP * SPACE.small),
            Create(tangent),
            fill=True,
        )
        self.narrate(
            f"The power rule agrees: dy by dx = {rule}, which is {fmt(x.grad)}.",
            Write(check),
            Indicate(x_grad, color=PALETTE.tangent),
            fill=True,
        )
        self.narrate(
            "Two facts to keep: only leaf tensors such as x get a .grad, and "
            "backward adds into it, so training loops reset it first.",
            Indicate(x_node, color=PALETTE.accent),
            Indicate(x_grad, color=PALETTE.tangent),
            fill=True,
        )

        # -- methods: numerical vs symbolic vs automatic --------------------------
        self.beat("methods")
        numerical = forward_difference(plain(power.expr), x.value, DELTA_DX_SMALL)
        symbolic = float(
            power.simplified.subs(power.simplified.free_symbols.pop(), x.value)
        )
        h = format_delta(DELTA_DX_SMALL)
        cards = get_method_cards(
            (
                (
                    "numerical",
                    PALETTE.secant,
                    [
                        get_tex(
                            rf"\frac{{f({fmt(x.value)} + \Delta x) - f({fmt(x.value)})}}"
                            rf"{{\Delta x}}",
                            size=SIZES.tex_small,
                        ),
                        get_tex(rf"\Delta x = {h}", size=SIZES.tex_small),
                        get_tex(fmt(numerical, 6), color=PALETTE.secant),
                    ],
                    "delta method: rounded",
                ),
                (
                    "symbolic",
                    PALETTE.accent,
                    [
                        get_tex(
                            rf"\frac{{d}}{{dx}}\,x^2 = {rule}", size=SIZES.tex_small
                        ),
                        get_tex(rf"2 \cdot {fmt(x.value)}", size=SIZES.tex_small),
                        get_tex(fmt(symbolic), color=PALETTE.accent),
                    ],
                    "rules: exact, but swell",
                ),
                (
                    "automatic",
                    PALETTE.tangent,
                    [
                        get_tex(r"\texttt{y.backward()}", size=SIZES.tex_small),
                        get_tex(
                            rf"{fmt(edge.upstream)} \times {fmt(edge.local)}",
                            size=SIZES.tex_small,
                        ),
                        get_tex(fmt(x.grad), color=PALETTE.tangent),
                    ],
                    "autodiff: exact and fast",
                ),
            )
        )
        self.stage(cards, grow=True)
        shown = (code, drawing, x_val, y_val, y_grad, x_grad, local, axes, curve)
        self.play(
            *[FadeOut(m) for m in (*shown, point, tangent, out, check)],
        )
        self.narrate(
            f"Three ways to get this slope. Numerically, the delta method with a "
            f"step of one millionth gives {fmt(numerical, 6)}: close, but rounded.",
            FadeIn(cards.cards[0], shift=UP * SPACE.small),
            fill=True,
        )
        self.narrate(
            f"Symbolically, the rules give {rule}, exactly {fmt(symbolic)}, but "
            "for big programs the formulas swell.",
            FadeIn(cards.cards[1], shift=UP * SPACE.small),
            fill=True,
        )
        self.narrate(
            f"Automatically, backward gives exactly {fmt(x.grad)}, working from the "
            "outermost function inward, for about the cost of one forward pass.",
            FadeIn(cards.cards[2], shift=UP * SPACE.small),
            fill=True,
            hold=1.5,
        )
        self.wait()
