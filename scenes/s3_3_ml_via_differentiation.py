"""3.3 Machine Learning via Differentiation.

Learning goal: see a model learn by differentiation. A line y_hat = m x + b is
fitted to the course's 8-point clinical-trial data in four steps (forward pass,
cost, gradient, update); repeating them 1000 times drives the cost from 19.68 to
0.0195 and lands on the closed-form least-squares line. Every number comes
from ``mathkit.cost`` and ``mathkit.optimize``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    ChangeDecimalToValue,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    Transform,
    VGroup,
    Write,
)

from mathkit.cost import forward, four_steps, least_squares
from mathkit.data import EPOCHS, INITIAL_B, INITIAL_M, LEARNING_RATE, regression_xy
from mathkit.optimize import regression_descent
from scenes.common.base import LectureScene
from scenes.common.mobjects import get_card, get_tex, get_text, get_title
from scenes.common.regression_parts import (
    get_cost_readout,
    get_data_axes,
    get_data_scatter,
    get_four_steps_card,
    get_readout,
    get_regression_line,
    get_residuals,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

TRAINING_SHOWN = (2, 3, 5, 10, 20, 50, 100, 200, 500)
"""Epochs at which the training montage stops (layout of the montage only)."""


class MLViaDifferentiation(LectureScene):
    """Beats: title, data, initial-line, four-steps, training, closed-form, summary."""

    def construct(self) -> None:
        x, y = regression_xy()
        first = four_steps(
            INITIAL_B, INITIAL_M, x, y, lr=LEARNING_RATE, dtype="float32"
        )
        trace = regression_descent(x, y, lr=LEARNING_RATE, dtype="float32")
        ols = least_squares(x, y)

        # -- title ---------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "Machine Learning via Differentiation",
            subtitle="Fitting a line by following the gradient",
        )
        self.narrate(
            "Machine learning is mostly differentiation: "
            "a model improves by following the slope of its cost.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- data ----------------------------------------------------------------
        self.beat("data")
        axes = get_data_axes(width=6.0, height=4.0)
        axes.to_edge(LEFT, buff=EDGE_BUFF + 0.2).to_edge(DOWN, buff=EDGE_BUFF + 0.3)
        dots = get_data_scatter(axes)
        axis_note = get_text(
            "x: drug dosage (mL)    y: forgetfulness",
            size=SIZES.small,
            color=PALETTE.subtle,
        )
        axis_note.next_to(axes, UP, buff=0.25).align_to(axes, LEFT)
        self.caption(
            f"The course's clinical trial: {len(x)} patients, "
            "drug dosage against a forgetfulness score."
        )
        self.play(Create(axes), FadeIn(axis_note))
        self.play(LaggedStart(*[FadeIn(d, scale=1.6) for d in dots], lag_ratio=0.15))
        self.hold()

        # -- initial line ----------------------------------------------------------
        self.beat("initial-line")
        line = get_regression_line(axes, first.m, first.b)
        model = get_tex(rf"\hat y = {first.m:g}x + {first.b:g}", color=PALETTE.curve)
        model.next_to(axes, RIGHT, buff=0.6).align_to(axes, UP)
        self.narrate(
            f"The model is a line. Start from a guess: slope m = {first.m:g}, "
            f"intercept b = {first.b:g}. It rises while the data falls.",
            Create(line),
            Write(model),
        )

        # -- four steps --------------------------------------------------------------
        self.beat("four-steps")
        card = get_four_steps_card(first)
        card.next_to(title, DOWN, buff=0.3).to_edge(RIGHT, buff=EDGE_BUFF)
        rows = card.rows
        self.play(FadeOut(model), FadeIn(card[0]))
        residuals = get_residuals(axes, first.y_hat)
        self.narrate(
            "Step one, the forward pass: the line predicts y hat for every dosage. "
            "The red dashes are the errors.",
            FadeIn(rows[0]),
            Create(residuals),
        )
        self.narrate(
            f"Step two, the cost: the mean of the squared errors, C = {first.cost:.4f}.",
            FadeIn(rows[1]),
        )
        self.narrate(
            f"Step three, autodiff gives the gradient: dC/db = {first.grad_b:.3f} "
            f"and dC/dm = {first.grad_m:.3f}. Raising the slope hurts most.",
            FadeIn(rows[2]),
        )
        new_line = get_regression_line(axes, first.new_m, first.new_b)
        new_res = get_residuals(axes, forward(x, first.new_m, first.new_b))
        self.caption(
            f"Step four, gradient descent: step against the gradient with learning "
            f"rate {first.lr:g}. The cost falls to {first.new_cost:.4f}."
        )
        self.play(FadeIn(rows[3]))
        self.play(Transform(line, new_line), Transform(residuals, new_res))
        self.hold()

        # -- training ------------------------------------------------------------------
        self.beat("training")
        epoch = get_readout(r"\text{step}\ ", 1, decimals=0)
        cost = get_cost_readout(trace.cost[1])
        m_read = get_readout("m", trace.m[1], color=PALETTE.curve)
        b_read = get_readout("b", trace.b[1], color=PALETTE.curve)
        readouts = VGroup(epoch, cost, m_read, b_read).arrange(
            DOWN, aligned_edge=LEFT, buff=0.3
        )
        readouts.next_to(axes, RIGHT, buff=1.0).shift(UP * 0.3)
        loop = get_text("repeat steps 1-4", size=SIZES.label, color=PALETTE.accent)
        loop.next_to(readouts, UP, buff=0.5, aligned_edge=LEFT)
        self.play(FadeOut(card), FadeOut(residuals))
        self.narrate(
            "Now repeat the four steps: each epoch nudges m and b downhill on the cost.",
            FadeIn(loop),
            FadeIn(readouts),
            hold=0.5,
        )
        self.caption(
            f"Watch the line swing into the data while the cost falls "
            f"from {trace.cost[0]:.2f} towards {trace.cost[-1]:.4f}."
        )
        for k in (*TRAINING_SHOWN, trace.steps):
            self.play(
                Transform(line, get_regression_line(axes, trace.m[k], trace.b[k])),
                ChangeDecimalToValue(epoch[1], k),
                ChangeDecimalToValue(cost[1], trace.cost[k]),
                ChangeDecimalToValue(m_read[1], trace.m[k]),
                ChangeDecimalToValue(b_read[1], trace.b[k]),
                run_time=0.8,
            )
        self.hold()
        self.narrate(
            f"After the first step and {EPOCHS} epochs more, the cost is {trace.cost[-1]:.4f}: "
            "the line runs right through the points.",
            Indicate(cost, color=PALETTE.error),
        )

        # -- closed form -----------------------------------------------------------------
        self.beat("closed-form")
        table = VGroup(
            get_text("gradient descent", size=SIZES.small, color=PALETTE.tangent),
            get_tex(
                rf"m = {trace.m[-1]:.4f},\ b = {trace.b[-1]:.4f}", size=SIZES.tex_small
            ),
            get_text(
                "least squares (closed form)", size=SIZES.small, color=PALETTE.secant
            ),
            get_tex(rf"m = {ols.m:.4f},\ b = {ols.b:.4f}", size=SIZES.tex_small),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        table[2].shift(DOWN * 0.2)
        table[3].shift(DOWN * 0.2)
        compare = get_card(table)
        compare.next_to(axes, RIGHT, buff=0.6).to_edge(DOWN, buff=EDGE_BUFF + 0.4)
        ols_line = get_regression_line(axes, ols.m, ols.b, color=PALETTE.secant)
        self.play(
            FadeOut(loop),
            FadeOut(epoch),
            FadeOut(m_read),
            FadeOut(b_read),
            cost.animate.next_to(compare, UP, buff=0.5, aligned_edge=LEFT),
        )
        self.caption(
            "For a straight line there is also an exact answer, the least-squares "
            "solution. Gradient descent has all but reached it."
        )
        self.play(FadeIn(compare))
        self.play(Create(ols_line))
        self.hold()

        # -- summary -----------------------------------------------------------------------
        self.beat("summary")
        self.narrate(
            "Forward pass, cost, gradient, update: the same four steps train "
            "networks with millions of parameters.",
            Indicate(line, color=PALETTE.tangent),
            hold=1.0,
        )
        self.wait()
