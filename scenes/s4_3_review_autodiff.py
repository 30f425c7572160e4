"""4.3 Review: AutoDiff: Automatic Differentiation.

Learning goal: recall in a minute what autodiff gives us: the exact derivative
of y = x^2 at x = 5 (10, as in PyTorch and TensorFlow), and the regression's
four steps, where one gradient step drops the cost from 19.6755 to 8.5722.
Values come from ``mathkit.optimize`` and ``mathkit.cost``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    Transform,
    VGroup,
    Write,
)

from mathkit.cost import forward, four_steps
from mathkit.data import AUTODIFF_X, INITIAL_B, INITIAL_M, LEARNING_RATE, regression_xy
from mathkit.expr import parse, plain
from mathkit.optimize import derivative_at, function_and_gradient
from scenes.common.base import LectureScene
from scenes.common.mobjects import (
    get_axes,
    get_clipped_graph,
    get_line_through,
    get_tex,
    get_text,
    get_title,
)
from scenes.common.regression_parts import (
    get_data_axes,
    get_data_scatter,
    get_four_steps_card,
    get_regression_line,
    get_residuals,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

SQUARE = "x^2"
"""The motivating function of the AutoDiff notebooks (content spec 3a/3b)."""


class ReviewAutoDiff(LectureScene):
    """Beats: title, square, regression, step, summary."""

    def construct(self) -> None:
        f, _ = function_and_gradient(SQUARE)
        slope = derivative_at(SQUARE, AUTODIFF_X)
        y0 = f([AUTODIFF_X])

        # -- title ---------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "Review: AutoDiff", subtitle="Automatic differentiation in one minute"
        )
        self.narrate(
            "A quick review of automatic differentiation, and what it does for "
            "machine learning.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- square -----------------------------------------------------------------
        self.beat("square")
        axes = get_axes([0, 7, 1], [0, 45, 10], width=5.6, height=4.2)
        axes.to_edge(RIGHT, buff=EDGE_BUFF + 0.2).to_edge(DOWN, buff=EDGE_BUFF + 0.3)
        curve = get_clipped_graph(axes, lambda v: f([v]))
        steps = VGroup(
            get_tex(rf"y = x^2,\quad x = {AUTODIFF_X:g}"),
            get_text(
                "x.requires_grad_();  y.backward()",
                size=SIZES.small,
                color=PALETTE.subtle,
            ),
            get_tex(rf"\frac{{dy}}{{dx}} = 2x = {slope:g}", color=PALETTE.tangent),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.4)
        steps.next_to(title, DOWN, buff=0.8).to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        dot = Dot(axes.c2p(AUTODIFF_X, y0), color=PALETTE.point)
        tangent = get_line_through(
            axes, slope, y0 - slope * AUTODIFF_X, [AUTODIFF_X - 1.3, AUTODIFF_X + 1.3]
        )
        self.caption(
            f"Autodiff records the forward pass, y = {plain(parse(SQUARE))} at x = {AUTODIFF_X:g}, "
            "then runs the chain rule backwards."
        )
        self.play(Write(steps[0]), Create(axes), Create(curve))
        self.play(FadeIn(steps[1]), FadeIn(dot, scale=1.5))
        self.hold()
        self.narrate(
            f"PyTorch and TensorFlow both return {slope:g}: "
            "exactly the slope of the tangent, with no rounding from a delta.",
            Write(steps[2]),
            Create(tangent),
        )

        # -- regression -----------------------------------------------------------------
        self.beat("regression")
        self.play(*[FadeOut(m) for m in (steps, axes, curve, dot, tangent)])
        x, y = regression_xy()
        r = four_steps(INITIAL_B, INITIAL_M, x, y, lr=LEARNING_RATE, dtype="float32")
        data_axes = get_data_axes(width=5.6, height=4.4)
        data_axes.to_edge(LEFT, buff=EDGE_BUFF + 0.2).to_edge(
            DOWN, buff=EDGE_BUFF + 0.3
        )
        dots = get_data_scatter(data_axes)
        line = get_regression_line(data_axes, r.m, r.b)
        res = get_residuals(data_axes, r.y_hat)
        card = get_four_steps_card(r)
        card.next_to(title, DOWN, buff=0.3).to_edge(RIGHT, buff=EDGE_BUFF)
        self.narrate(
            "The same machinery trains a model. On the clinical-trial data, "
            "a line makes its first guess.",
            Create(data_axes),
            FadeIn(dots),
            Create(line),
        )
        self.caption(
            f"Forward pass and cost: C = {r.cost:.4f}. Autodiff then gives the "
            f"gradient, {r.grad_b:.3f} for b and {r.grad_m:.3f} for m."
        )
        self.play(FadeIn(card[0]), FadeIn(card.rows[0]), Create(res))
        self.play(FadeIn(card.rows[1]))
        self.play(FadeIn(card.rows[2]))
        self.hold()

        # -- step --------------------------------------------------------------------------
        self.beat("step")
        self.caption(
            f"One gradient-descent step moves b and m downhill, and the cost "
            f"drops from {r.cost:.4f} to {r.new_cost:.4f}."
        )
        self.play(FadeIn(card.rows[3]))
        self.play(
            Transform(line, get_regression_line(data_axes, r.new_m, r.new_b)),
            Transform(res, get_residuals(data_axes, forward(x, r.new_m, r.new_b))),
        )
        drop = get_tex(rf"C:\ {r.cost:.4f} \to {r.new_cost:.4f}", color=PALETTE.error)
        drop.next_to(title, DOWN, buff=0.35).align_to(title, LEFT)
        self.play(Write(drop))
        self.play(Indicate(drop, color=PALETTE.error))
        self.hold()

        # -- summary ------------------------------------------------------------------------
        self.beat("summary")
        self.narrate(
            "Repeat the four steps and the line fits the data: "
            "that loop is all of training.",
            Indicate(card.rows, color=PALETTE.accent, scale_factor=1.03),
            hold=1.0,
        )
        self.wait()
