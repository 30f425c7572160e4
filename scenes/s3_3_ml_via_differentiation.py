"""3.3 Machine Learning via Differentiation.

Learning goal: see a model learn by differentiation, in the course's PyTorch
loop. A line y_hat = m x + b is fitted to the 8-point clinical-trial data: each
epoch runs ``zero_grad`` (gradients accumulate otherwise), the forward pass, the
cost, ``C.backward()`` (autodiff) and ``optimizer.step()``. The first pass takes
the cost from 19.6755 to 8.5722; 1000 epochs more bring it to 0.0195, next to
the closed-form least-squares line. Every number comes from ``mathkit.cost``
and ``mathkit.optimize``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    ChangeDecimalToValue,
    Create,
    DashedVMobject,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    Succession,
    Transform,
    VGroup,
)

from mathkit.cost import forward, four_steps, least_squares
from mathkit.data import EPOCHS, INITIAL_B, INITIAL_M, LEARNING_RATE, regression_xy
from mathkit.optimize import regression_descent
from scenes.common.base import LectureScene
from scenes.common.graph_parts import (
    get_code_panel,
    get_line_highlight,
    torch_training_code,
)
from scenes.common.mobjects import get_card, get_tex, get_text
from scenes.common.numbers import fmt
from scenes.common.regression_parts import (
    get_cost_history,
    get_cost_history_axes,
    get_cost_readout,
    get_data_axes,
    get_data_scatter,
    get_readout,
    get_regression_line,
    get_residuals,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE, SUBTITLE_ZONE

TRAINING_SHOWN = (1, 2, 4, 9, 19, 49, 99, 199, 499, EPOCHS)
"""Epochs completed at which the training montage stops (layout of the montage only)."""

ZERO, FORWARD, COST, BACKWARD, STEP = 3, 4, 5, 6, 7
"""Lines of :func:`torch_training_code`: zero_grad and the four steps."""


class MLViaDifferentiation(LectureScene):
    """Beats: title, data, initial-line, loop, training, closed-form, summary."""

    def construct(self) -> None:
        x, y = regression_xy()
        first = four_steps(
            INITIAL_B, INITIAL_M, x, y, lr=LEARNING_RATE, dtype="float32"
        )
        trace = regression_descent(x, y, lr=LEARNING_RATE, dtype="float32")
        ols = least_squares(x, y)

        # -- title ---------------------------------------------------------------
        axes = get_data_axes(width=5.8, height=4.0)
        axes.to_edge(LEFT, buff=EDGE_BUFF + SPACE.small).to_edge(
            DOWN, buff=SUBTITLE_ZONE
        )
        dots = get_data_scatter(axes)
        title = self.opening(
            Create(axes),
            "Machine learning is mostly differentiation: "
            "a model improves by following the slope of its cost.",
        )

        # -- data ----------------------------------------------------------------
        self.beat("data")
        axis_note = get_text(
            "x: drug dosage (mL)    y: forgetfulness",
            size=SIZES.small,
            color=PALETTE.subtle,
        )
        axis_note.next_to(axes, UP, buff=SPACE.small).align_to(axes, LEFT)
        self.narrate(
            f"The course's clinical trial: {len(x)} patients, "
            "drug dosage against a forgetfulness score.",
            FadeIn(axis_note),
            LaggedStart(*[FadeIn(d, scale=1.6) for d in dots], lag_ratio=0.3),
            fill=True,
        )

        # -- initial line ----------------------------------------------------------
        self.beat("initial-line")
        line = get_regression_line(axes, first.m, first.b)
        code = get_code_panel(torch_training_code(LEARNING_RATE, EPOCHS))
        code.next_to(title, DOWN, buff=SPACE.medium).to_edge(RIGHT, buff=EDGE_BUFF)
        m_read = get_readout("m", first.m, color=PALETTE.curve)
        b_read = get_readout("b", first.b, color=PALETTE.curve)
        params = VGroup(m_read, b_read).arrange(RIGHT, buff=SPACE.large)
        params.next_to(code, DOWN, buff=SPACE.large).align_to(code, LEFT)
        self.narrate(
            f"The model is a line, y hat = m x + b. Start from a guess: "
            f"m = {fmt(first.m)} and b = {fmt(first.b)}. It rises while the data falls.",
            Create(line),
            FadeIn(params),
            fill=True,
        )

        # -- loop: one pass through the PyTorch training loop, line by line --------
        self.beat("loop")
        lines = code.code_lines
        bar = get_line_highlight(code, 0)
        bar_at = {i: get_line_highlight(code, i) for i in range(len(lines))}
        self.narrate(
            "The course trains it with this PyTorch loop. The optimizer, SGD, "
            f"holds m and b, with learning rate {fmt(first.lr)}.",
            FadeIn(code),
            FadeIn(bar),
            fill=True,
        )

        def note(text: str) -> VGroup:
            words = get_text(text, size=SIZES.small, color=PALETTE.accent)
            return words.next_to(code, DOWN, buff=SPACE.small).align_to(code, LEFT)

        step_note = note("reset: gradients start at 0")
        gm_read = get_readout(
            r"\texttt{m.grad}", 0.0, decimals=3, color=PALETTE.tangent
        )
        gb_read = get_readout(
            r"\texttt{b.grad}", 0.0, decimals=3, color=PALETTE.tangent
        )
        grads = VGroup(gm_read, gb_read).arrange(RIGHT, buff=SPACE.large)
        grads.next_to(params, DOWN, buff=SPACE.small).align_to(code, LEFT)
        cost = get_cost_readout(first.cost)
        cost.next_to(grads, DOWN, buff=SPACE.small).align_to(code, LEFT)
        self.narrate(
            "zero_grad comes first: backward adds into .grad, so without it the "
            "gradients of earlier epochs would pile up.",
            Transform(bar, bar_at[ZERO]),
            FadeIn(step_note),
            FadeIn(grads),
            fill=True,
        )
        residuals = get_residuals(axes, first.y_hat)
        self.narrate(
            "Step one, the forward pass: the line predicts y hat. "
            "The red dashes are its errors.",
            Transform(bar, bar_at[FORWARD]),
            Transform(step_note, note("1  forward pass")),
            Create(residuals),
            fill=True,
        )
        self.narrate(
            f"Step two, the cost: the mean of the squared errors, "
            f"C = {fmt(first.cost, 4)}.",
            Transform(bar, bar_at[COST]),
            Transform(step_note, note("2  cost: mean squared error")),
            FadeIn(cost),
        )
        self.narrate(
            f"Step three, C.backward(): autodiff fills m.grad with "
            f"{fmt(first.grad_m, 3)} and b.grad with {fmt(first.grad_b, 3)}.",
            Transform(bar, bar_at[BACKWARD]),
            Transform(step_note, note("3  gradient, by autodiff")),
            ChangeDecimalToValue(gm_read.number, first.grad_m),
            ChangeDecimalToValue(gb_read.number, first.grad_b),
            fill=True,
        )
        new_res = get_residuals(axes, forward(x, first.new_m, first.new_b))
        self.narrate(
            "Step four, optimizer.step(): m and b step against their gradients, "
            f"and the cost falls to {fmt(first.new_cost, 4)}.",
            Transform(bar, bar_at[STEP]),
            Transform(step_note, note("4  update: step against the gradient")),
            Transform(line, get_regression_line(axes, first.new_m, first.new_b)),
            Transform(residuals, new_res),
            ChangeDecimalToValue(m_read.number, first.new_m),
            ChangeDecimalToValue(b_read.number, first.new_b),
            ChangeDecimalToValue(cost.number, first.new_cost),
            fill=True,
        )

        # -- training: the loop runs on, the cost curve drops -------------------------
        self.beat("training")
        costs = trace.cost[1:]  # costs[e]: the cost at the start of epoch e
        history_axes = get_cost_history_axes(EPOCHS, costs, width=4.9, height=1.2)
        history_axes.next_to(code, DOWN, buff=SPACE.small).align_to(code, RIGHT)
        history_axes.shift(LEFT * SPACE.tight)
        epoch_read = get_readout(r"\text{epoch}", 0, decimals=0, color=PALETTE.text)
        history = get_cost_history(history_axes, costs[:1])
        top = VGroup(params.copy(), epoch_read).arrange(RIGHT, buff=SPACE.medium)
        top.next_to(axes, UP, buff=SPACE.small).align_to(axes, LEFT)
        epoch_read.move_to(top[1])
        self.play(
            FadeOut(residuals),
            FadeOut(grads),
            FadeOut(step_note),
            FadeOut(axis_note),
            params.animate.move_to(top[0]),
            Transform(bar, bar_at[ZERO]),
        )
        self.narrate(
            "Now the loop runs on, with the cost of each epoch on a log scale.",
            Create(history_axes),
            cost.animate.scale(0.85).move_to(
                history_axes.c2p(EPOCHS * 0.72, history_axes.y_range[1] - 0.4)
            ),
            FadeIn(epoch_read),
            FadeIn(history),
            fill=True,
        )
        cycle = [bar_at[i] for i in (ZERO, FORWARD, COST, BACKWARD, STEP)]
        self.caption(
            f"Watch the line swing into the data while the cost falls "
            f"from {fmt(costs[0], 4)} towards {fmt(trace.cost[-1], 4)}."
        )
        for done in TRAINING_SHOWN:
            state = done + 1  # trace index after the first step and ``done`` epochs
            self.play(
                Succession(*[Transform(bar, c) for c in cycle], run_time=0.9),
                Transform(
                    line, get_regression_line(axes, trace.m[state], trace.b[state])
                ),
                Transform(history, get_cost_history(history_axes, costs[: done + 1])),
                ChangeDecimalToValue(epoch_read.number, done),
                ChangeDecimalToValue(cost.number, trace.cost[state]),
                ChangeDecimalToValue(m_read.number, trace.m[state]),
                ChangeDecimalToValue(b_read.number, trace.b[state]),
                fill=True,
            )
        self.hold()
        self.narrate(
            f"After {EPOCHS} epochs the cost is {fmt(trace.cost[-1], 4)}: "
            "the line runs right through the points.",
            Indicate(cost, color=PALETTE.error),
            Indicate(line, color=PALETTE.curve),
            fill=True,
        )

        # -- closed form -----------------------------------------------------------------
        self.beat("closed-form")
        ols_line = DashedVMobject(
            get_regression_line(axes, ols.m, ols.b, color=PALETTE.secant),
            num_dashes=28,
        )
        table = VGroup(
            get_text("gradient descent (solid)", size=SIZES.small, color=PALETTE.curve),
            get_tex(
                rf"m = {fmt(trace.m[-1], 4)},\ b = {fmt(trace.b[-1], 4)}",
                size=SIZES.tex_small,
                color=PALETTE.curve,
            ),
            get_text(
                "least squares, exact (dashed)", size=SIZES.small, color=PALETTE.secant
            ),
            get_tex(
                rf"m = {fmt(ols.m, 4)},\ b = {fmt(ols.b, 4)}",
                size=SIZES.tex_small,
                color=PALETTE.secant,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        table[2:].shift(DOWN * SPACE.tight)
        compare = get_card(table)
        compare.move_to(code).align_to(code, RIGHT)
        self.play(
            FadeOut(history_axes),
            FadeOut(history),
            FadeOut(cost),
            FadeOut(epoch_read),
            FadeOut(bar),
            FadeOut(code),
        )
        self.narrate(
            "For a straight line there is also an exact answer, the least-squares "
            "solution. Gradient descent has all but reached it.",
            FadeIn(compare),
            Create(ols_line),
            fill=True,
        )

        # -- summary -----------------------------------------------------------------------
        self.beat("summary")
        bar = get_line_highlight(code, ZERO)
        self.play(FadeOut(compare), FadeIn(code))
        self.narrate(
            "Zero the gradients, forward pass, cost, backward, step: the same loop "
            "trains networks with millions of parameters.",
            FadeIn(bar),
            Succession(*[Transform(bar, c) for c in cycle[1:]]),
            fill=True,
            hold=1.0,
        )
        self.wait()
