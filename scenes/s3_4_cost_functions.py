"""3.4 Cost (or Loss) Functions.

Learning goal: a cost turns all of a model's errors into one number. Plain
errors can cancel (+5 and -5 sum to 0), so costs use absolute or squared
errors; the course prefers the mean squared error because its derivative is
smooth and it punishes large errors. All values come from ``mathkit.cost``.
"""

from __future__ import annotations

from functools import partial

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    Cross,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    SurroundingRectangle,
    VGroup,
    Write,
)

from mathkit.cost import (
    absolute_error,
    cost_example,
    forward,
    least_squares,
    mse,
    squared_error,
)
from mathkit.data import INITIAL_B, INITIAL_M, regression_xy
from scenes.common.base import LectureScene
from scenes.common.mobjects import (
    get_axes,
    get_card,
    get_clipped_graph,
    get_graph,
    get_tex,
    get_text,
    get_title,
)
from scenes.common.numbers import fmt
from scenes.common.regression_parts import (
    get_data_axes,
    get_data_scatter,
    get_legend,
    get_readout,
    get_regression_line,
    get_residuals,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

SMALL_ERROR = 0.5
LARGE_ERROR = 4.0
"""[PROPOSED] Two error sizes that show squaring shrinking small and growing large errors."""


_signed = partial(fmt, significant=6, sign=True)
"""A number with its sign always written (+5, -0.5)."""


class CostFunctions(LectureScene):
    """Beats: title, example, curves, mae-mse, why-square, regression, summary."""

    def construct(self) -> None:
        ex = cost_example()

        # -- title ---------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "Cost (or Loss) Functions", subtitle="One number for how wrong a model is"
        )
        self.narrate(
            "A cost, also called a loss, compares predictions y hat with the true "
            "labels y and returns a single number: how wrong the model is.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- example ---------------------------------------------------------------
        self.beat("example")
        header = [r"i", r"\hat y_i", r"y_i", r"\hat y_i - y_i"]
        body = [
            [str(i + 1), f"{yh:g}", f"{yy:g}", _signed(e)]
            for i, (yh, yy, e) in enumerate(zip(ex.y_hat, ex.y, ex.errors, strict=True))
        ]
        cells = [get_tex(h, size=SIZES.tex_small, color=PALETTE.subtle) for h in header]
        for row in body:
            cells += [get_tex(c, size=SIZES.tex_small) for c in row]
        table = VGroup(*cells).arrange_in_grid(
            rows=1 + len(body), cols=4, buff=(0.6, 0.3)
        )
        for k in range(len(body)):
            table[4 * (k + 1) + 3].set_color(PALETTE.error)
        table.next_to(title, DOWN, buff=0.7).to_edge(LEFT, buff=EDGE_BUFF + 0.5)
        self.narrate(
            f"Take two predictions: {ex.y_hat[0]:g} where the truth is {ex.y[0]:g}, "
            f"and {ex.y_hat[1]:g} where the truth is {ex.y[1]:g}.",
            FadeIn(table, lag_ratio=0.05),
        )
        total = get_tex(
            rf"\sum(\hat y_i - y_i) = {ex.error_sum:g}",
            size=SIZES.tex_small,
            color=PALETTE.error,
        )
        total.next_to(table, DOWN, buff=0.5).align_to(table, LEFT)
        fake = get_text("a perfect fit?", size=SIZES.small, color=PALETTE.subtle)
        fake.next_to(total, RIGHT, buff=0.4)
        self.caption(
            f"The errors are {_signed(ex.errors[0])} and {_signed(ex.errors[1])}. "
            f"Added up they give {ex.error_sum:g}, as if the model were perfect."
        )
        self.play(Write(total))
        self.play(FadeIn(fake))
        cross = Cross(fake, stroke_color=PALETTE.error, stroke_width=4)
        self.play(Create(cross))
        self.hold()

        # -- curves -------------------------------------------------------------------
        self.beat("curves")
        reach = abs(ex.errors[0]) + 0.5
        axes = get_axes(
            [-reach, reach, 1],
            [-1, 27, 5],
            width=5.4,
            height=4.4,
            x_label=r"\hat y - y",
            y_label="",
        )
        axes.to_edge(RIGHT, buff=EDGE_BUFF + 0.1).to_edge(DOWN, buff=EDGE_BUFF + 0.3)
        abs_curve = get_graph(axes, absolute_error, color=PALETTE.curve)
        sq_curve = get_clipped_graph(axes, squared_error, color=PALETTE.tangent)
        legend = get_legend([("Absolute", PALETTE.curve), ("Squared", PALETTE.tangent)])
        legend.arrange(RIGHT, buff=0.5).next_to(axes, UP, buff=0.3).align_to(
            axes, RIGHT
        )
        self.caption(
            "To stop errors cancelling, make them positive: "
            "take the absolute value, or square them."
        )
        self.play(Create(axes))
        self.play(Create(abs_curve), Create(sq_curve), FadeIn(legend))
        self.hold()
        marks = VGroup()
        for e, a, s in zip(ex.errors, ex.absolute, ex.squared, strict=True):
            marks.add(
                Dot(axes.c2p(e, a), color=PALETTE.curve, radius=0.08),
                Dot(axes.c2p(e, s), color=PALETTE.tangent, radius=0.08),
            )
        self.narrate(
            f"At an error of {abs(ex.errors[0]):g} the absolute error is "
            f"{ex.absolute[0]:g}, the squared error {ex.squared[0]:g}.",
            LaggedStart(*[FadeIn(d, scale=1.5) for d in marks], lag_ratio=0.2),
        )

        # -- mae vs mse ---------------------------------------------------------------------
        self.beat("mae-mse")
        mae_tex = get_tex(
            rf"\text{{MAE}} = \tfrac{{1}}{{n}}\sum|\hat y_i - y_i| = "
            rf"\tfrac{{{ex.absolute[0]:g} + {ex.absolute[1]:g}}}{{{len(ex.y)}}} = {ex.mae:g}",
            size=SIZES.tex_small,
            color=PALETTE.curve,
        )
        mse_tex = get_tex(
            rf"\text{{MSE}} = \tfrac{{1}}{{n}}\sum(\hat y_i - y_i)^2 = "
            rf"\tfrac{{{ex.squared[0]:g} + {ex.squared[1]:g}}}{{{len(ex.y)}}} = {ex.mse:g}",
            size=SIZES.tex_small,
            color=PALETTE.tangent,
        )
        means = VGroup(mae_tex, mse_tex).arrange(DOWN, aligned_edge=LEFT, buff=0.45)
        means.next_to(total, DOWN, buff=0.7).align_to(table, LEFT)
        self.play(FadeOut(fake), FadeOut(cross))
        self.caption(
            f"Average them. The mean absolute error is {ex.mae:g}; "
            f"the mean squared error is {ex.mse:g}."
        )
        self.play(Write(mae_tex))
        self.play(Write(mse_tex))
        self.hold()

        # -- why square ----------------------------------------------------------------------
        self.beat("why-square")
        self.play(
            FadeOut(table),
            FadeOut(total),
            FadeOut(marks),
            means.animate.next_to(title, DOWN, buff=0.6).to_edge(
                LEFT, buff=EDGE_BUFF + 0.5
            ),
        )
        reasons = VGroup(
            get_text("Why the square?", size=SIZES.label, color=PALETTE.accent),
            get_tex(
                r"\frac{d}{de}\,e^2 = 2e",
                r"\quad\text{smooth everywhere}",
                size=SIZES.tex_small,
            ),
            get_tex(
                r"\frac{d}{de}\,|e|",
                r"\quad\text{jumps at } e = 0",
                size=SIZES.tex_small,
            ),
            get_tex(
                rf"e = {SMALL_ERROR:g}:\ e^2 = {squared_error(SMALL_ERROR):g}"
                rf"\qquad e = {LARGE_ERROR:g}:\ e^2 = {squared_error(LARGE_ERROR):g}",
                size=SIZES.tex_small,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        reasons.next_to(means, DOWN, buff=0.6).align_to(means, LEFT)
        reasons[1][0].set_color(PALETTE.tangent)
        reasons[2][0].set_color(PALETTE.curve)
        self.narrate(
            "Why square? First, the squared error has a smooth derivative everywhere, "
            "so the gradient of the cost is easy to compute.",
            FadeIn(reasons[0]),
            Write(reasons[1]),
        )
        kink = Dot(axes.c2p(0, absolute_error(0.0)), color=PALETTE.error, radius=0.1)
        self.caption(
            "The absolute value has a sharp corner where the error vanishes: "
            "its slope jumps from negative to positive."
        )
        self.play(Write(reasons[2]), FadeIn(kink, scale=2))
        self.play(Indicate(kink, color=PALETTE.error))
        self.hold()
        small = Dot(
            axes.c2p(SMALL_ERROR, squared_error(SMALL_ERROR)), color=PALETTE.tangent
        )
        large = Dot(
            axes.c2p(LARGE_ERROR, squared_error(LARGE_ERROR)), color=PALETTE.tangent
        )
        self.narrate(
            f"Second, squaring tolerates small errors and punishes large ones: "
            f"{SMALL_ERROR:g} shrinks to {squared_error(SMALL_ERROR):g}, "
            f"but {LARGE_ERROR:g} grows to {squared_error(LARGE_ERROR):g}.",
            Write(reasons[3]),
            FadeIn(small, scale=2),
            FadeIn(large, scale=2),
        )

        # -- regression ------------------------------------------------------------------------
        self.beat("regression")
        self.play(
            *[
                FadeOut(m)
                for m in (
                    means,
                    reasons,
                    axes,
                    abs_curve,
                    sq_curve,
                    legend,
                    kink,
                    small,
                    large,
                )
            ]
        )
        x, y = regression_xy()
        y_hat = forward(x, INITIAL_M, INITIAL_B)
        data_axes = get_data_axes(width=6.0, height=4.6)
        data_axes.to_edge(LEFT, buff=EDGE_BUFF + 0.2).to_edge(
            DOWN, buff=EDGE_BUFF + 0.3
        )
        dots = get_data_scatter(data_axes)
        line = get_regression_line(data_axes, INITIAL_M, INITIAL_B)
        res = get_residuals(data_axes, y_hat)
        start_mse = mse(y_hat, y)
        formula = get_tex(r"C = \tfrac{1}{n}\sum_{i}(\hat y_i - y_i)^2", size=SIZES.tex)
        formula.next_to(title, DOWN, buff=0.8).to_edge(RIGHT, buff=EDGE_BUFF + 0.6)
        readout = get_readout("C", start_mse, color=PALETTE.error, size=SIZES.tex)
        readout.next_to(formula, DOWN, buff=0.5).align_to(formula, LEFT)
        self.caption(
            "Back to the regression line of the clinical trial. "
            f"Its cost is the mean of the {len(x)} squared errors."
        )
        self.play(Create(data_axes), FadeIn(dots), Create(line))
        self.play(Create(res), Write(formula))
        self.hold()
        self.narrate(
            f"For the first guess the MSE is {start_mse:.4f}.", FadeIn(readout)
        )
        best = least_squares(x, y)
        best_line = get_regression_line(data_axes, best.m, best.b, color=PALETTE.secant)
        best_res = get_residuals(data_axes, forward(x, best.m, best.b))
        best_read = get_readout("C", best.cost, color=PALETTE.secant, size=SIZES.tex)
        best_read.next_to(readout, DOWN, buff=0.4).align_to(readout, LEFT)
        note = get_text(
            "best line: smallest cost", size=SIZES.small, color=PALETTE.secant
        )
        note.next_to(best_read, DOWN, buff=0.3).align_to(best_read, LEFT)
        self.caption(
            f"The best line makes the cost as small as it can be: {best.cost:.4f}. "
            "Training means driving the cost down."
        )
        self.play(Create(best_line), FadeOut(res), Create(best_res))
        self.play(FadeIn(best_read), FadeIn(note))
        self.hold()

        # -- summary ------------------------------------------------------------------------------
        self.beat("summary")
        box = SurroundingRectangle(formula, color=PALETTE.tangent, buff=0.15)
        summary = get_card(get_text("one number to minimise", size=SIZES.label))
        summary.next_to(note, DOWN, buff=0.5).to_edge(RIGHT, buff=EDGE_BUFF + 0.1)
        self.narrate(
            "The mean squared error is the cost we will differentiate "
            "to train our models.",
            Create(box),
            FadeIn(summary, shift=UP * 0.2),
            hold=1.0,
        )
        self.wait()
