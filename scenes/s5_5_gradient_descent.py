"""5.5 Gradient Descent.

Learning goal: see gradient descent as walking downhill on the cost surface
C(b, m). From (b, m) = (0.1, 0.9) with learning rate 0.01 each step moves
against the gradient; the fitted line updates with it. The table of rounds shows
dC/db turning negative in round 5, after which b rises while m keeps falling.
Finally, the learning rate decides between slow, good and divergent descent.
Every number comes from ``mathkit.optimize`` and ``mathkit.cost``.
"""

from __future__ import annotations

import numpy as np
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
    Indicate,
    LaggedStart,
    Star,
    SurroundingRectangle,
    Transform,
    VGroup,
    Write,
)

from mathkit.cost import cost_contour, least_squares
from mathkit.data import LEARNING_RATE, regression_xy
from mathkit.optimize import (
    PARABOLA,
    PARABOLA_LRS,
    PARABOLA_STEPS,
    PARABOLA_X0,
    TABLE_ROUNDS,
    compare_learning_rates,
    function_and_gradient,
    regression_descent,
)
from scenes.common.base import LectureScene
from scenes.common.mobjects import (
    get_axes,
    get_clipped_graph,
    get_polyline,
    get_tex,
    get_text,
    get_title,
)
from scenes.common.regression_parts import (
    get_contours,
    get_data_axes,
    get_data_scatter,
    get_descent_path,
    get_edge_axes,
    get_readout,
    get_regression_line,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

CONTOUR_STATES = (0, 1, 2, 3, 5, 8, 30, 120, 400)
"""Trace states whose cost levels are drawn as contours (layout choice)."""
VERDICT_COLORS = {
    "slow": PALETTE.tangent,
    "converging": PALETTE.positive,
    "diverging": PALETTE.negative,
}
VERDICT_WORDS = {
    "slow": "too small: slow",
    "converging": "good: converges",
    "diverging": "too large: diverges",
}


class GradientDescent(LectureScene):
    """Beats: title, landscape, descend, table, long-run, learning-rate, summary."""

    def construct(self) -> None:
        x, y = regression_xy()
        trace = regression_descent(x, y, lr=LEARNING_RATE, dtype="float32")
        ols = least_squares(x, y)
        k_neg = trace.first_negative_grad_b()

        # -- title ---------------------------------------------------------------
        self.beat("title")
        title = get_title("Gradient Descent", subtitle="Walking downhill on the cost")
        self.narrate(
            "The gradient points uphill on the cost. "
            "Gradient descent takes small steps the other way.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- landscape ----------------------------------------------------------------
        self.beat("landscape")
        plane = get_edge_axes(
            [-0.4, 2.2, 0.5],
            [-0.8, 1.1, 0.5],
            width=5.8,
            height=4.4,
            x_label="b",
            y_label="m",
        )
        plane.to_edge(LEFT, buff=EDGE_BUFF + 0.2).to_edge(DOWN, buff=EDGE_BUFF + 0.3)
        contours = get_contours(
            plane,
            [cost_contour(trace.cost[k], x, y, samples=400) for k in CONTOUR_STATES],
            color=PALETTE.muted,
            stroke_width=2,
        )
        minimum = Star(outer_radius=0.14, color=PALETTE.secant, fill_opacity=1)
        minimum.move_to(plane.c2p(ols.b, ols.m))
        start = Dot(
            plane.c2p(trace.b[0], trace.m[0]), color=PALETTE.tangent, radius=0.08
        )
        data = get_data_axes(width=5.0, height=3.1)
        data.to_edge(RIGHT, buff=EDGE_BUFF + 0.2).to_edge(UP, buff=EDGE_BUFF + 0.4)
        dots = get_data_scatter(data, radius=0.07)
        line = get_regression_line(data, trace.m[0], trace.b[0])
        self.caption(
            "On the left, every point is a choice of intercept b and slope m. "
            "Each ring joins choices with equal cost."
        )
        self.play(Create(plane))
        self.play(LaggedStart(*[Create(c) for c in contours], lag_ratio=0.15))
        self.hold()
        self.narrate(
            f"We start at b = {trace.b[0]:g}, m = {trace.m[0]:g}, the line on the "
            "right. The star marks the lowest cost.",
            FadeIn(start, scale=1.5),
            FadeIn(minimum),
            Create(data),
            FadeIn(dots),
            Create(line),
        )

        # -- descend ------------------------------------------------------------------
        self.beat("descend")
        rule = get_tex(
            r"\begin{bmatrix}b\\ m\end{bmatrix} \leftarrow "
            rf"\begin{{bmatrix}}b\\ m\end{{bmatrix}} - {trace.lr:g}\,\nabla C",
            size=SIZES.tex_small,
        )
        rule.next_to(data, DOWN, buff=0.25)
        rnd = get_readout(r"\text{round}\ ", 0, decimals=0)
        cost = get_readout("C", trace.cost[0], color=PALETTE.error)
        readouts = VGroup(rnd, cost).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        readouts.next_to(rule, DOWN, buff=0.3).align_to(data, LEFT)
        self.narrate(
            f"Each round: compute the gradient, multiply it by the learning rate "
            f"{trace.lr:g}, and step against it.",
            Write(rule),
            FadeIn(readouts),
        )
        path = get_descent_path(
            plane, trace.b[: TABLE_ROUNDS + 1], trace.m[: TABLE_ROUNDS + 1]
        )
        self.caption(
            "The first steps plunge almost straight down in m: the slope "
            "was the worst part of the guess."
        )
        for k in range(1, TABLE_ROUNDS + 1):
            self.play(
                Create(path.segments[k - 1]),
                FadeIn(path.dots[k]),
                Transform(line, get_regression_line(data, trace.m[k], trace.b[k])),
                ChangeDecimalToValue(rnd[1], k),
                ChangeDecimalToValue(cost[1], trace.cost[k]),
                run_time=0.9,
            )
        self.hold()

        # -- table --------------------------------------------------------------------
        self.beat("table")
        landscape = VGroup(
            plane, contours, minimum, start, path, data, dots, line, rule, readouts
        )
        self.play(FadeOut(landscape))
        heads = [
            r"\text{round}",
            "C",
            "m",
            r"\partial C/\partial m",
            "b",
            r"\partial C/\partial b",
        ]
        cells = [get_tex(h, size=SIZES.tex_small, color=PALETTE.subtle) for h in heads]
        for k in range(1, TABLE_ROUNDS + 1):
            vals = (
                trace.cost[k],
                trace.m[k],
                trace.grad_m[k],
                trace.b[k],
                trace.grad_b[k],
            )
            cells.append(get_tex(str(k), size=SIZES.tex_small))
            cells += [get_tex(f"{v:.3g}", size=SIZES.tex_small) for v in vals]
        table = VGroup(*cells).arrange_in_grid(
            rows=TABLE_ROUNDS + 1, cols=6, buff=(0.7, 0.16), col_alignments="rrrrrr"
        )
        table.next_to(title, DOWN, buff=0.35)
        table.set_x(0)
        for k in range(1, TABLE_ROUNDS + 1):
            cell = table[6 * k + 5]
            cell.set_color(
                PALETTE.negative if trace.grad_b[k] < 0 else PALETTE.positive
            )
        self.narrate(
            "The rounds as the notebook prints them: the cost falls quickly, "
            "m falls, and so does b at first.",
            FadeIn(table, lag_ratio=0.01),
        )
        row = VGroup(*table[6 * k_neg : 6 * k_neg + 6])
        box = SurroundingRectangle(row, color=PALETTE.error, buff=0.08)
        self.caption(
            f"In round {k_neg} the partial derivative for b turns negative. "
            "From then on descent raises b while it still lowers m."
        )
        self.play(Create(box))
        self.play(Indicate(table[6 * k_neg + 5], color=PALETTE.negative))
        self.hold()

        # -- long run -----------------------------------------------------------------
        self.beat("long-run")
        self.play(FadeOut(table), FadeOut(box))
        self.play(FadeIn(landscape))
        self.hold(0.3)
        long_path = get_polyline(
            plane,
            trace.b[TABLE_ROUNDS:],
            trace.m[TABLE_ROUNDS:],
            color=PALETTE.tangent,
            stroke_width=3,
        ).line
        end = Dot(
            plane.c2p(trace.b[-1], trace.m[-1]), color=PALETTE.tangent, radius=0.08
        )
        final = VGroup(
            get_readout("m", trace.m[-1], color=PALETTE.curve),
            get_readout("b", trace.b[-1], color=PALETTE.curve),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        self.caption(
            f"Then descent creeps along the narrow valley towards the star. "
            f"After {trace.steps} steps the cost is {trace.cost[-1]:.4f}."
        )
        self.play(
            Create(long_path),
            Transform(line, get_regression_line(data, trace.m[-1], trace.b[-1])),
            ChangeDecimalToValue(rnd[1], trace.steps),
            ChangeDecimalToValue(cost[1], trace.cost[-1]),
            run_time=4,
        )
        final.next_to(readouts, RIGHT, buff=0.5)  # after the round number has grown
        self.play(FadeIn(end), FadeIn(final))
        self.hold()
        self.narrate(
            f"It has nearly reached the least-squares optimum, m = {ols.m:.4f}, "
            f"b = {ols.b:.4f}.",
            Indicate(minimum, color=PALETTE.secant, scale_factor=1.6),
        )

        # -- learning rate --------------------------------------------------------------
        self.beat("learning-rate")
        self.play(FadeOut(landscape), FadeOut(long_path), FadeOut(end), FadeOut(final))
        f, g = function_and_gradient(PARABOLA)
        runs = compare_learning_rates(
            f, g, PARABOLA_X0, PARABOLA_LRS, steps=PARABOLA_STEPS
        )
        heading = get_tex(rf"C(x) = {PARABOLA}", size=SIZES.tex_small)
        heading.next_to(title, DOWN, buff=0.35).to_edge(LEFT, buff=EDGE_BUFF + 0.5)
        panels = VGroup()
        for run in runs:
            ax = get_axes(
                [-6, 3, 1],
                [0, 24, 4],
                width=3.8,
                height=2.9,
                numbers=False,
                x_label="x",
                y_label="C",
            )
            curve = get_clipped_graph(ax, lambda v: f(np.array([v])))
            steps = get_polyline(
                ax,
                run.trace.xs[:, 0],
                run.trace.fs,
                color=VERDICT_COLORS[run.verdict],
                stroke_width=3,
                dot_radius=0.05,
                segments=True,
            )
            zig, marks = steps.segments, steps.dots
            label = VGroup(
                get_tex(rf"\alpha = {run.lr:g}", size=SIZES.tex_small),
                get_text(
                    VERDICT_WORDS[run.verdict],
                    size=SIZES.small,
                    color=VERDICT_COLORS[run.verdict],
                ),
            ).arrange(DOWN, buff=0.15)
            label.next_to(ax, DOWN, buff=0.3)
            panel = VGroup(ax, curve, zig, marks, label)
            panel.zig, panel.marks = zig, marks
            panels.add(panel)
        panels.arrange(RIGHT, buff=0.5).next_to(heading, DOWN, buff=0.3)
        panels.set_x(0)
        self.caption(
            "How big should the steps be? Try three learning rates on a simple "
            f"parabola, {PARABOLA_STEPS} steps each from the same start."
        )
        self.play(Write(heading))
        self.play(*[FadeIn(VGroup(p[0], p[1])) for p in panels])
        self.hold()
        for p, say in zip(
            panels,
            (
                "Too small: every step is timid, and after all the steps the minimum is still far.",
                "Just right: it settles into the bottom in a few steps.",
                "Too large: each step overshoots further than the last, and descent diverges.",
            ),
            strict=True,
        ):
            self.caption(say)
            self.play(
                LaggedStart(*[FadeIn(d) for d in p.marks], lag_ratio=0.2),
                Create(p.zig),
                run_time=2,
            )
            self.play(FadeIn(p[4]))
            self.hold()

        # -- summary ----------------------------------------------------------------------
        self.beat("summary")
        note = get_text(
            "step = learning rate × gradient", size=SIZES.label, color=PALETTE.accent
        )
        note.next_to(heading, RIGHT, buff=1.0)
        self.narrate(
            "Gradient descent: follow the negative gradient, with a learning "
            "rate small enough to stay stable and large enough to arrive.",
            FadeIn(note, shift=UP * 0.2),
            hold=1.0,
        )
        self.wait()
