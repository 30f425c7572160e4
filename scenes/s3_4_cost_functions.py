"""3.4 Cost (or Loss) Functions.

Learning goal: a cost turns all of a model's errors into one number. Plain
errors can cancel (+5 and -5 sum to 0), so costs use absolute or squared
errors; the course prefers the mean squared error because its derivative is
smooth and it punishes large errors. The regression's cost, as a function of
the slope m (b held), is a parabola whose lowest point is the best line; the
usual classifier cost is the cross-entropy. All values come from ``mathkit.cost``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Axes,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    LaggedStart,
    Mobject,
    NumberLine,
    SurroundingRectangle,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
)

from mathkit.cost import (
    absolute_error,
    best_slope,
    cost_example,
    cross_entropy,
    forward,
    least_squares,
    mirror_slope,
    mse,
    regression_cost,
    squared_error,
)
from mathkit.data import INITIAL_B, INITIAL_M, regression_xy
from mathkit.differentiation import central_difference
from mathkit.plotting import nice_range
from scenes.common import mobjects
from scenes.common.base import LectureScene
from scenes.common.mobjects import (
    get_axes,
    get_card,
    get_clipped_graph,
    get_graph,
    get_line_through,
    get_tex,
    get_text,
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
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE, SUBTITLE_ZONE

SMALL_ERROR = 0.5
LARGE_ERROR = 4.0
"""[PROPOSED] Two error sizes that show squaring shrinking small and growing large errors."""
SLOPE_STEP = 1e-6
"""Step of the central difference that gives the sliding tangents' slopes."""
SLOPE_TRACE_MIN = 1e-3
"""[LAYOUT] Shortest stretch of m (from the first guess) drawn as the traced C(m) curve."""
CONFIDENT_RIGHT = 0.9
"""[PROPOSED] A confident, right prediction p for the label y = 1."""
CONFIDENT_WRONG = 0.01
"""[PROPOSED] A confident, wrong prediction p for the label y = 1 (its cost blows up)."""


_signed = partial(fmt, significant=6, sign=True)
"""A number with its sign always written (+5, -0.5)."""


def _cost_plot(
    x_range: Sequence[float], y_range: Sequence[float], x_label: str
) -> Axes:
    """C against one parameter, in the right-hand slot the cost-curve and the
    cross-entropy beats share (one replaces the other there)."""
    axes = get_axes(
        x_range, y_range, width=5.6, height=4.2, x_label=x_label, y_label="C"
    )
    return axes.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.tight).to_edge(
        DOWN, buff=SUBTITLE_ZONE
    )


class CostFunctions(LectureScene):
    """Beats: title, example, curves, mae-mse, why-square, regression, cost-curve,
    cross-entropy, summary."""

    def construct(self) -> None:
        ex = cost_example()

        # -- title ---------------------------------------------------------------
        line = NumberLine(
            x_range=[0, 10, 1],
            length=6.0,
            color=PALETTE.muted,
            include_numbers=True,
            font_size=SIZES.small,
            decimal_number_config={"color": PALETTE.subtle, "num_decimal_places": 0},
        )
        marks = VGroup()
        arrows = VGroup()
        for k, (yh, yy, e) in enumerate(zip(ex.y_hat, ex.y, ex.errors, strict=True)):
            lift = UP * (0.55 + 0.55 * k)
            start, end = line.n2p(yy) + lift, line.n2p(yh) + lift
            marks.add(
                Dot(line.n2p(yy), color=PALETTE.secant),
                Dot(line.n2p(yh), color=PALETTE.curve),
            )
            arrow = Arrow(
                start, end, buff=0, color=PALETTE.error, stroke_width=4, tip_length=0.2
            )
            tag = get_tex(_signed(e), size=SIZES.tex_small, color=PALETTE.error)
            arrows.add(VGroup(arrow, tag.next_to(arrow, UP, buff=SPACE.tight)))
        key = VGroup(
            get_tex(r"\hat y", size=SIZES.tex_small, color=PALETTE.curve),
            get_text("prediction", size=SIZES.small, color=PALETTE.curve),
            get_tex("y", size=SIZES.tex_small, color=PALETTE.secant),
            get_text("truth", size=SIZES.small, color=PALETTE.secant),
        ).arrange(RIGHT, buff=SPACE.small)
        key.next_to(line, DOWN, buff=SPACE.large)
        picture = VGroup(line, marks, arrows, key)
        title = self.opening(
            [Create(line), FadeIn(marks), FadeIn(key)],
            "A cost, also called a loss, compares predictions y hat with the true "
            "labels y and returns a single number: how wrong the model is.",
        )
        picture.next_to(title, DOWN, buff=SPACE.large).to_edge(
            RIGHT, buff=EDGE_BUFF + SPACE.medium
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
            rows=1 + len(body), cols=4, buff=(SPACE.large, SPACE.medium)
        )
        for k in range(len(body)):
            table[4 * (k + 1) + 3].set_color(PALETTE.error)
        table.next_to(title, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        self.narrate(
            f"Take two predictions: {ex.y_hat[0]:g} where the truth is {ex.y[0]:g}, "
            f"and {ex.y_hat[1]:g} where the truth is {ex.y[1]:g}. Each error is "
            "e = y hat minus y.",
            FadeIn(table, lag_ratio=0.05),
            *[GrowArrow(a[0]) for a in arrows],
            *[FadeIn(a[1]) for a in arrows],
            fill=True,
        )
        total = get_tex(
            rf"\sum(\hat y_i - y_i) = {ex.error_sum:g}",
            size=SIZES.tex_small,
            color=PALETTE.error,
        )
        total.next_to(table, DOWN, buff=SPACE.large).align_to(table, LEFT)
        fake = get_text(
            "a perfect fit? No: both are off by " + fmt(abs(ex.errors[0])),
            size=SIZES.small,
            color=PALETTE.error,
        )
        fake.next_to(total, DOWN, buff=SPACE.small).align_to(total, LEFT)
        self.narrate(
            f"The errors are {_signed(ex.errors[0])} and {_signed(ex.errors[1])}. "
            f"Added up they give {ex.error_sum:g}, as if the model were perfect.",
            Write(total),
            Indicate(arrows, color=PALETTE.error),
            FadeIn(fake),
            lag_ratio=0.5,
            fill=True,
        )

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
        axes.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.tight).to_edge(
            DOWN, buff=SUBTITLE_ZONE
        )
        abs_curve = get_graph(axes, absolute_error, color=PALETTE.curve)
        sq_curve = get_clipped_graph(axes, squared_error, color=PALETTE.tangent)
        legend = get_legend([("Absolute", PALETTE.curve), ("Squared", PALETTE.tangent)])
        legend.arrange(RIGHT, buff=SPACE.large).next_to(
            axes, UP, buff=SPACE.small
        ).align_to(axes, RIGHT)
        self.narrate(
            "To stop errors cancelling, make them positive: "
            "take the absolute value, or square them.",
            FadeOut(picture),
            Create(axes),
            Create(abs_curve),
            Create(sq_curve),
            FadeIn(legend),
            lag_ratio=0.3,
            fill=True,
        )
        dots = VGroup()
        for e, a, s in zip(ex.errors, ex.absolute, ex.squared, strict=True):
            dots.add(
                Dot(axes.c2p(e, a), color=PALETTE.curve, radius=0.08),
                Dot(axes.c2p(e, s), color=PALETTE.tangent, radius=0.08),
            )
        self.narrate(
            f"At an error of {abs(ex.errors[0]):g} the absolute error is "
            f"{ex.absolute[0]:g}, the squared error {ex.squared[0]:g}.",
            LaggedStart(*[FadeIn(d, scale=1.5) for d in dots], lag_ratio=0.2),
            fill=True,
        )

        # -- mae vs mse ---------------------------------------------------------------------
        self.beat("mae-mse")
        mae_tex = get_tex(
            rf"\text{{MAE}} = \tfrac{{1}}{{n}}\sum|\hat y_i - y_i| = "
            rf"\frac{{{ex.absolute[0]:g} + {ex.absolute[1]:g}}}{{{len(ex.y)}}} = {ex.mae:g}",
            size=SIZES.tex_small,
            color=PALETTE.curve,
        )
        mse_tex = get_tex(
            rf"\text{{MSE}} = \tfrac{{1}}{{n}}\sum(\hat y_i - y_i)^2 = "
            rf"\frac{{{ex.squared[0]:g} + {ex.squared[1]:g}}}{{{len(ex.y)}}} = {ex.mse:g}",
            size=SIZES.tex_small,
            color=PALETTE.error,
        )
        means = VGroup(mae_tex, mse_tex).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.medium
        )
        means.next_to(total, DOWN, buff=SPACE.large).align_to(table, LEFT)
        self.play(FadeOut(fake))
        self.narrate(
            f"Average them. The mean absolute error is {ex.mae:g}; "
            f"the mean squared error is {ex.mse:g}.",
            Write(mae_tex),
            Write(mse_tex),
            lag_ratio=0.5,
            fill=True,
        )

        # -- why square ----------------------------------------------------------------------
        self.beat("why-square")
        self.play(
            FadeOut(table),
            FadeOut(total),
            FadeOut(dots),
            means.animate.next_to(title, DOWN, buff=SPACE.large).to_edge(
                LEFT, buff=EDGE_BUFF + SPACE.medium
            ),
        )
        e = ValueTracker(-LARGE_ERROR)
        h = SLOPE_STEP

        def slope_abs() -> float:
            return central_difference(absolute_error, e.get_value(), h)

        def slope_sq() -> float:
            return central_difference(squared_error, e.get_value(), h)

        def touching(f: Callable[[float], float], slope: float, color: str) -> Mobject:
            v = e.get_value()
            return get_line_through(
                axes, slope, f(v) - slope * v, [v - 1.0, v + 1.0], color=color
            )

        t_abs = always_redraw(
            lambda: touching(absolute_error, slope_abs(), PALETTE.curve)
        )
        t_sq = always_redraw(
            lambda: touching(squared_error, slope_sq(), PALETTE.tangent)
        )
        r_abs = mobjects.get_readout(
            "slope of |e|", slope_abs(), tex=False, color=PALETTE.curve, decimals=1
        )
        r_sq = mobjects.get_readout(
            "slope of e²", slope_sq(), tex=False, color=PALETTE.tangent, decimals=1
        )
        r_abs.number.add_updater(lambda n: n.set_value(slope_abs()))
        r_sq.number.add_updater(lambda n: n.set_value(slope_sq()))
        reasons = VGroup(
            get_text("Why the square?", size=SIZES.label, color=PALETTE.accent),
            r_sq,
            r_abs,
            get_tex(
                rf"e = {SMALL_ERROR:g}:\ e^2 = {squared_error(SMALL_ERROR):g}"
                rf"\qquad e = {LARGE_ERROR:g}:\ e^2 = {squared_error(LARGE_ERROR):g}",
                size=SIZES.tex_small,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        reasons.next_to(means, DOWN, buff=SPACE.large).align_to(means, LEFT)
        self.narrate(
            "Why square? Slide a tangent along both curves. The slope of e squared "
            "changes smoothly, passing through zero.",
            FadeIn(reasons[:3]),
            FadeIn(t_abs),
            FadeIn(t_sq),
            e.animate.set_value(-SMALL_ERROR),
            fill=True,
        )
        kink = Dot(axes.c2p(0, absolute_error(0.0)), color=PALETTE.error, radius=0.1)
        self.narrate(
            "The absolute value has a sharp corner where the error vanishes: "
            f"its slope jumps from {fmt(slope_abs())} straight to "
            f"{fmt(-slope_abs())}.",
            e.animate.set_value(SMALL_ERROR),
            FadeIn(kink, scale=2),
            fill=True,
        )
        self.narrate(
            "So the squared error has an easy gradient everywhere: "
            "the cost we can differentiate.",
            e.animate.set_value(LARGE_ERROR),
            fill=True,
        )
        for mob in (r_abs.number, r_sq.number):
            mob.clear_updaters()
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
            FadeOut(t_abs),
            FadeOut(t_sq),
            Write(reasons[3]),
            FadeIn(small, scale=2),
            FadeIn(large, scale=2),
            fill=True,
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
        data_axes.to_edge(LEFT, buff=EDGE_BUFF + SPACE.small).to_edge(
            DOWN, buff=SUBTITLE_ZONE
        )
        dots = get_data_scatter(data_axes)
        line = get_regression_line(data_axes, INITIAL_M, INITIAL_B)
        res = get_residuals(data_axes, y_hat)
        start_mse = mse(y_hat, y)
        formula = get_tex(r"C = \tfrac{1}{n}\sum_{i}(\hat y_i - y_i)^2", size=SIZES.tex)
        formula.next_to(title, DOWN, buff=SPACE.large).to_edge(
            RIGHT, buff=EDGE_BUFF + SPACE.large
        )
        readout = get_readout("C", start_mse, color=PALETTE.error, size=SIZES.tex)
        readout.next_to(formula, DOWN, buff=SPACE.large).align_to(formula, LEFT)
        self.caption(
            "Back to the regression line of the clinical trial. "
            f"Its cost is the mean of the {len(x)} squared errors."
        )
        self.play(
            Create(data_axes),
            FadeIn(dots),
            Create(line),
            Create(res),
            Write(formula),
            lag_ratio=0.3,
            run_time=self._fill_time(),
        )
        self.hold()
        self.narrate(
            f"For the first guess the MSE is {start_mse:.4f}.", FadeIn(readout)
        )
        best = least_squares(x, y)
        best_line = get_regression_line(data_axes, best.m, best.b, color=PALETTE.secant)
        best_res = get_residuals(data_axes, forward(x, best.m, best.b))
        best_read = get_readout("C", best.cost, color=PALETTE.error, size=SIZES.tex)
        best_read.next_to(readout, DOWN, buff=SPACE.medium).align_to(readout, LEFT)
        note = get_text(
            "best line: smallest cost", size=SIZES.small, color=PALETTE.secant
        )
        note.next_to(best_read, DOWN, buff=SPACE.small).align_to(best_read, LEFT)
        self.caption(
            f"The best line makes the cost as small as it can be: {best.cost:.4f}. "
            "Training means driving the cost down."
        )
        self.play(
            Create(best_line),
            FadeOut(res),
            Create(best_res),
            FadeIn(best_read),
            FadeIn(note),
            lag_ratio=0.3,
            run_time=self._fill_time(),
        )
        self.hold()

        # -- cost curve: C as a function of m ------------------------------------------------
        self.beat("cost-curve")
        held_b = best.b
        m_star = best_slope(held_b, x, y)
        m_far = mirror_slope(INITIAL_M, held_b, x, y)

        def c_of(m: float) -> float:
            return regression_cost(held_b, m, x, y)

        c_axes = _cost_plot(
            nice_range(m_far, INITIAL_M), nice_range(0.0, c_of(INITIAL_M)), "m"
        )
        slope = ValueTracker(INITIAL_M)
        turning = always_redraw(
            lambda: get_regression_line(data_axes, slope.get_value(), held_b)
        )

        def clipped_residuals() -> Mobject:
            # residuals end at the plot box when a steep line leaves it (layout only)
            y_lo, y_hi = data_axes.y_range[:2]
            pred = np.clip(forward(x, slope.get_value(), held_b), y_lo, y_hi)
            return get_residuals(data_axes, pred)

        turning_res = always_redraw(clipped_residuals)

        reached = [INITIAL_M]  # the lowest m the dot has reached: the curve stays drawn

        def traced() -> Mobject:
            reached[0] = min(reached[0], slope.get_value())
            if reached[0] > INITIAL_M - SLOPE_TRACE_MIN:
                return VMobject()
            return get_graph(
                c_axes, c_of, x_range=[reached[0], INITIAL_M], color=PALETTE.error
            )

        trace = always_redraw(traced)
        rider = always_redraw(
            lambda: Dot(
                c_axes.c2p(slope.get_value(), c_of(slope.get_value())),
                color=PALETTE.error,
                radius=0.09,
            )
        )
        r_b = get_readout("b", held_b, decimals=2, color=PALETTE.subtle)
        r_m = get_readout("m", INITIAL_M, color=PALETTE.curve)
        r_c = get_readout("C", c_of(INITIAL_M), color=PALETTE.error)
        r_m.number.add_updater(lambda n: n.set_value(slope.get_value()))
        r_c.number.add_updater(lambda n: n.set_value(c_of(slope.get_value())))
        knobs = VGroup(r_b, r_m, r_c).arrange(RIGHT, buff=SPACE.large)
        knobs.next_to(c_axes, UP, buff=SPACE.medium).align_to(c_axes, RIGHT)
        self.narrate(
            f"Now hold the intercept at the best line's b = {held_b:.2f} and change "
            f"only the slope m, starting from the first guess's {INITIAL_M:g}.",
            FadeOut(VGroup(formula, readout, best_read, note, best_line, best_res)),
            FadeOut(line),
            FadeIn(turning),
            FadeIn(turning_res),
            Create(c_axes),
            FadeIn(knobs),
            FadeIn(rider, scale=2),
            lag_ratio=0.2,
            fill=True,
        )
        self.add(trace)
        self.narrate(
            "As the line turns, each line's mean squared error becomes one point "
            "of a curve: the cost C as a function of m.",
            slope.animate.set_value(m_far),
            fill=True,
        )
        floor = DashedLine(
            c_axes.c2p(m_star, c_axes.y_range[0]),
            c_axes.c2p(m_star, c_axes.y_range[1]),
            color=PALETTE.secant,
            stroke_width=2,
        )
        self.narrate(
            f"It is a parabola, lowest at m = {m_star:.4f}: the best line again, "
            f"with cost {c_of(m_star):.4f}.",
            slope.animate.set_value(m_star),
            Create(floor),
            fill=True,
        )
        self.narrate(
            "This is the cost we will differentiate: at its lowest point "
            "the slope of C is zero.",
            Indicate(rider, color=PALETTE.secant, scale_factor=1.6),
            Indicate(r_c, color=PALETTE.error),
            lag_ratio=0.4,
            fill=True,
        )
        for mob in (r_m.number, r_c.number, turning, turning_res, trace, rider):
            mob.clear_updaters()

        # -- cross-entropy ------------------------------------------------------------------
        self.beat("cross-entropy")
        ce_tex = get_tex(
            r"C = -\left[\,y\log p + (1 - y)\log(1 - p)\,\right]",
            size=SIZES.tex_small,
            color=PALETTE.error,
        )
        ce_tex.next_to(title, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )

        def ce(label: int) -> Callable[[float], float]:
            def f(p: float) -> float:
                return cross_entropy(p, label) if 0.0 < p < 1.0 else float("inf")

            return f

        p_axes = _cost_plot(
            nice_range(0.0, 1.0),
            nice_range(0.0, cross_entropy(CONFIDENT_WRONG, 1)),
            "p",
        )
        ce_one = get_clipped_graph(p_axes, ce(1), color=PALETTE.curve)
        ce_zero = get_clipped_graph(p_axes, ce(0), color=PALETTE.tangent)
        ce_legend = get_legend([("y = 1", PALETTE.curve), ("y = 0", PALETTE.tangent)])
        ce_legend.arrange(RIGHT, buff=SPACE.large).next_to(
            p_axes, UP, buff=SPACE.small
        ).align_to(p_axes, RIGHT)
        prob = ValueTracker(CONFIDENT_RIGHT)
        p_dot = always_redraw(
            lambda: Dot(
                p_axes.c2p(prob.get_value(), cross_entropy(prob.get_value(), 1)),
                color=PALETTE.error,
                radius=0.09,
            )
        )
        r_p = get_readout("p", CONFIDENT_RIGHT, decimals=2, color=PALETTE.curve)
        r_ce = get_readout(
            "C", cross_entropy(CONFIDENT_RIGHT, 1), decimals=2, color=PALETTE.error
        )
        r_p.number.add_updater(lambda n: n.set_value(prob.get_value()))
        r_ce.number.add_updater(
            lambda n: n.set_value(cross_entropy(prob.get_value(), 1))
        )
        ce_reads = VGroup(
            get_tex("y = 1", size=SIZES.tex_small, color=PALETTE.curve), r_p, r_ce
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        ce_reads.next_to(ce_tex, DOWN, buff=SPACE.large).align_to(ce_tex, LEFT)
        self.play(
            FadeOut(
                VGroup(
                    data_axes,
                    dots,
                    turning,
                    turning_res,
                    c_axes,
                    trace,
                    rider,
                    knobs,
                    floor,
                )
            ),
        )
        self.narrate(
            "Classifiers predict a probability p that the label is 1. "
            "Their usual cost in deep learning is the cross-entropy.",
            Write(ce_tex),
            Create(p_axes),
            lag_ratio=0.3,
            fill=True,
        )
        self.narrate(
            "For a label y = 1 only minus log p is left: "
            f"close to zero when the model says p = {CONFIDENT_RIGHT:g}.",
            Create(ce_one),
            FadeIn(ce_legend[0]),
            FadeIn(ce_reads),
            FadeIn(p_dot, scale=2),
            lag_ratio=0.3,
            fill=True,
        )
        self.narrate(
            "But as that confident prediction turns wrong, the cost blows up: "
            f"at p = {CONFIDENT_WRONG:g} it is {cross_entropy(CONFIDENT_WRONG, 1):.2f}.",
            prob.animate.set_value(CONFIDENT_WRONG),
            fill=True,
        )
        for mob in (r_p.number, r_ce.number, p_dot):
            mob.clear_updaters()
        self.narrate(
            "For y = 0 the mirror curve, minus log of 1 minus p, "
            "punishes a confident p near 1 instead.",
            Create(ce_zero),
            FadeIn(ce_legend[1]),
            fill=True,
        )

        # -- summary ------------------------------------------------------------------------------
        self.beat("summary")
        formula.set_color(PALETTE.error)
        costs = VGroup(
            VGroup(
                get_text("regression", size=SIZES.label, color=PALETTE.subtle),
                formula.copy(),
            ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium),
            VGroup(
                get_text("classification", size=SIZES.label, color=PALETTE.subtle),
                ce_tex.copy().scale(SIZES.tex / SIZES.tex_small),
            ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.large)
        summary = get_card(get_text("one number to minimise", size=SIZES.label))
        self.stage(VGroup(costs, summary).arrange(DOWN, buff=SPACE.large))
        box = SurroundingRectangle(costs[0][1], color=PALETTE.error, buff=SPACE.small)
        self.play(
            FadeOut(VGroup(p_axes, ce_one, ce_zero, ce_legend, p_dot, ce_reads)),
            FadeOut(ce_tex),
        )
        self.narrate(
            "Either way, a cost is one number to minimise. The mean squared error "
            "is the cost we will differentiate to train our models.",
            FadeIn(costs, lag_ratio=0.3),
            Create(box),
            FadeIn(summary, shift=UP * 0.2),
            lag_ratio=0.3,
            fill=True,
        )
        self.wait()
