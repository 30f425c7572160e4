"""4.3 Review: AutoDiff: Automatic Differentiation.

Learning goal: recall in a minute what autodiff gives us and where it sits: the
exact derivative of y = x^2 at x = 5 (10, in PyTorch and TensorFlow); the
regression's four steps, where one gradient step drops the cost from 19.6755
to 8.5722 and repeating them fits the line (m = -0.4681, b = 1.7543); and, on
the running function at x = 2, the three ways to a slope: the delta method
(6.000001, rounded), the rules (2x + 2 = 6) and autodiff (6, exact, from the
outermost function inward). Values come from ``mathkit.autodiff``,
``mathkit.optimize``, ``mathkit.cost`` and ``mathkit.differentiation``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    ChangeDecimalToValue,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Transform,
    VGroup,
    Write,
)

from mathkit.autodiff import running_graph, square_graph
from mathkit.cost import forward, four_steps
from mathkit.data import (
    DELTA_DX_SMALL,
    DELTA_POINT_X,
    EPOCHS,
    INITIAL_B,
    INITIAL_M,
    LEARNING_RATE,
    RUNNING_FUNCTION,
    regression_xy,
)
from mathkit.differentiation import derivative_forms, forward_difference
from mathkit.optimize import regression_descent
from scenes.common.base import LectureScene
from scenes.common.graph_parts import (
    get_code_panel,
    get_method_cards,
    get_output_line,
    torch_output,
)
from scenes.common.mobjects import (
    get_axes,
    get_clipped_graph,
    get_line_through,
    get_tex,
    get_text,
)
from scenes.common.numbers import fmt, format_delta
from scenes.common.regression_parts import (
    get_cost_readout,
    get_data_axes,
    get_data_scatter,
    get_four_steps_card,
    get_params_readout,
    get_regression_line,
    get_residuals,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE, SUBTITLE_ZONE

MONTAGE = (2, 5, 20, 100, 300)
"""Trace states the closing montage passes through before the last (layout only)."""


def review_code(x0: float) -> tuple[str, str]:
    """The two libraries' calls for y = x^2 at x0, as short as they go (spec 3a/3b)."""
    torch = "\n".join(
        (f"x = torch.tensor({x0}).requires_grad_()", "y = x**2;  y.backward();  x.grad")
    )
    tf = "\n".join(("with tf.GradientTape() as t: y = x**2", "t.gradient(y, x)"))
    return torch, tf


class ReviewAutoDiff(LectureScene):
    """Beats: title, square, regression, step, training, methods."""

    def construct(self) -> None:
        g = square_graph()
        x0, y0, slope = g["x"].value, g["y"].value, g["x"].grad

        axes = get_axes([0, 7, 1], [0, 50, 10], width=5.0, height=3.6)
        axes.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.small).to_edge(
            DOWN, buff=SUBTITLE_ZONE
        )
        curve = get_clipped_graph(axes, lambda v: v**2)

        # -- title ---------------------------------------------------------------
        title = self.opening(
            [Create(axes), Create(curve)],
            "A quick review of automatic differentiation, and what it does for "
            "machine learning.",
        )

        # -- square -----------------------------------------------------------------
        self.beat("square")
        code = VGroup()
        for name, src in zip(("PyTorch", "TensorFlow 2"), review_code(x0), strict=True):
            code.add(
                get_text(name, size=SIZES.small, color=PALETTE.subtle),
                get_code_panel(src),
            )
        code.arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        code[2].shift(DOWN * SPACE.small)
        code[3].shift(DOWN * SPACE.small)
        code.next_to(title, DOWN, buff=SPACE.medium).to_edge(LEFT, buff=EDGE_BUFF)
        if code.get_right()[0] > axes.get_left()[0] - SPACE.small:
            code.scale_to_fit_width(
                axes.get_left()[0] - SPACE.small - code.get_left()[0]
            )
        out = get_output_line(torch_output(slope))
        out.next_to(code, DOWN, buff=SPACE.medium).align_to(code, LEFT)
        dot = Dot(axes.c2p(x0, y0), color=PALETTE.point)
        tangent = get_line_through(axes, slope, y0 - slope * x0, [x0 - 1.2, x0 + 1.2])
        self.narrate(
            f"Autodiff records the forward pass, y = x squared at x = {fmt(x0)}, "
            "then runs the chain rule backwards.",
            FadeIn(code, shift=UP * SPACE.small),
            FadeIn(dot, scale=1.5),
            fill=True,
        )
        self.narrate(
            f"PyTorch and TensorFlow both return {fmt(slope)}: "
            "exactly the slope of the tangent, with no rounding from a delta.",
            FadeIn(out, shift=UP * SPACE.small),
            Create(tangent),
            fill=True,
        )

        # -- regression -----------------------------------------------------------------
        self.beat("regression")
        self.play(*[FadeOut(m) for m in (code, out, axes, curve, dot, tangent)])
        x, y = regression_xy()
        r = four_steps(INITIAL_B, INITIAL_M, x, y, lr=LEARNING_RATE, dtype="float32")
        trace = regression_descent(x, y, lr=LEARNING_RATE, dtype="float32")
        data_axes = get_data_axes(width=5.4, height=4.0)
        data_axes.to_edge(LEFT, buff=EDGE_BUFF + SPACE.small).to_edge(
            DOWN, buff=SUBTITLE_ZONE
        )
        dots = get_data_scatter(data_axes)
        line = get_regression_line(data_axes, r.m, r.b)
        res = get_residuals(data_axes, r.y_hat)
        card = get_four_steps_card(r)
        card.next_to(title, DOWN, buff=SPACE.small).to_edge(
            RIGHT, buff=EDGE_BUFF + SPACE.small
        )
        self.narrate(
            "The same machinery trains a model. On the clinical-trial data, "
            "a line makes its first guess.",
            Create(data_axes),
            FadeIn(dots),
            Create(line),
            fill=True,
        )
        cost = get_cost_readout(r.cost)
        params = get_params_readout(r.m, r.b)
        params.arrange(RIGHT, buff=SPACE.medium)
        readouts = VGroup(cost, params).arrange(RIGHT, buff=SPACE.medium)
        readouts.next_to(data_axes, UP, buff=SPACE.small).align_to(data_axes, LEFT)
        # the row ends clear of the card (it ran under the card's left edge)
        room = card.get_left()[0] - SPACE.small - readouts.get_left()[0]
        if readouts.width > room:
            readouts.scale_to_fit_width(room, about_edge=LEFT)
        self.narrate(
            f"Forward pass and cost: C = {fmt(r.cost, 4)}. Autodiff then gives the "
            f"gradient, {fmt(r.grad_b, 3)} for b and {fmt(r.grad_m, 3)} for m.",
            FadeIn(card[0]),
            FadeIn(card.rows[0]),
            Create(res),
            FadeIn(card.rows[1]),
            FadeIn(card.rows[2]),
            FadeIn(readouts),
            lag_ratio=0.3,
            fill=True,
        )

        # -- step --------------------------------------------------------------------------
        self.beat("step")
        self.narrate(
            f"One gradient-descent step moves b and m downhill, and the cost "
            f"drops from {fmt(r.cost, 4)} to {fmt(r.new_cost, 4)}.",
            FadeIn(card.rows[3]),
            Transform(line, get_regression_line(data_axes, r.new_m, r.new_b)),
            Transform(res, get_residuals(data_axes, forward(x, r.new_m, r.new_b))),
            ChangeDecimalToValue(cost.number, r.new_cost),
            ChangeDecimalToValue(params[0].number, r.new_m),
            ChangeDecimalToValue(params[1].number, r.new_b),
            fill=True,
        )

        # -- training ------------------------------------------------------------------------
        self.beat("training")
        self.caption(
            f"Repeat the four steps {EPOCHS} times and the line fits the data: "
            f"m = {fmt(trace.m[-1], 4)}, b = {fmt(trace.b[-1], 4)}."
        )
        self.play(FadeOut(res), FadeOut(card))
        for k in (*MONTAGE, trace.steps):
            self.play(
                Transform(line, get_regression_line(data_axes, trace.m[k], trace.b[k])),
                ChangeDecimalToValue(cost.number, trace.cost[k]),
                ChangeDecimalToValue(params[0].number, trace.m[k]),
                ChangeDecimalToValue(params[1].number, trace.b[k]),
                run_time=0.6,
            )
        self.hold()

        # -- methods: delta, rules, autodiff on the running function ---------------------------
        self.beat("methods")
        forms = derivative_forms(RUNNING_FUNCTION)
        run = running_graph(DELTA_POINT_X)
        numerical = forward_difference(RUNNING_FUNCTION, DELTA_POINT_X, DELTA_DX_SMALL)
        _, exact, _ = forms.values(DELTA_POINT_X)
        p = fmt(DELTA_POINT_X)
        cards = get_method_cards(
            (
                (
                    "delta (4.1)",
                    PALETTE.secant,
                    [
                        get_tex(
                            rf"\Delta x = {format_delta(DELTA_DX_SMALL)}",
                            size=SIZES.tex_small,
                        ),
                        get_tex(fmt(numerical, 6), color=PALETTE.secant),
                    ],
                    "numerical: rounded",
                ),
                (
                    "rules (4.2)",
                    PALETTE.accent,
                    [
                        get_tex(rf"f'(x) = {forms.first_latex}", size=SIZES.tex_small),
                        get_tex(fmt(exact), color=PALETTE.accent),
                    ],
                    "symbolic: exact",
                ),
                (
                    "autodiff (4.3)",
                    PALETTE.tangent,
                    [
                        get_tex(r"\texttt{f.backward()}", size=SIZES.tex_small),
                        get_tex(fmt(run["x"].grad), color=PALETTE.tangent),
                    ],
                    "automatic: exact, fast",
                ),
            )
        )
        heading = get_tex(
            rf"f(x) = {forms.f_latex}\quad \text{{at}}\ x = {p}", color=PALETTE.curve
        )
        close = self.stage(VGroup(heading, cards).arrange(DOWN, buff=SPACE.large))
        self.play(*[FadeOut(m) for m in (data_axes, dots, line, readouts)])
        self.narrate(
            f"Three ways to the slope of f at {p}. The delta method gives "
            f"{fmt(numerical, 6)}, close but rounded; the rules give exactly "
            f"{fmt(exact)}.",
            Write(close[0]),
            FadeIn(cards.cards[0], shift=UP * SPACE.small),
            FadeIn(cards.cards[1], shift=UP * SPACE.small),
            lag_ratio=0.4,
            fill=True,
        )
        self.narrate(
            f"Autodiff also gives exactly {fmt(run['x'].grad)}. It works from the "
            "outermost function inward, at a small multiple of the forward pass's cost.",
            FadeIn(cards.cards[2], shift=UP * SPACE.small),
            fill=True,
            hold=1.5,
        )
        self.wait()
