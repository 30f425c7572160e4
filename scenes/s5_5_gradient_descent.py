"""5.5 Gradient Descent.

Learning goal: see gradient descent as walking downhill on the cost surface
C(b, m). From (b, m) = (0.1, 0.9) with learning rate 0.01 each step moves
against the gradient; the fitted line updates with it. The table of rounds shows
dC/db turning negative in round 5, after which b rises while m keeps falling.
Finally, the learning rate decides between slow, good and divergent descent.
Every number comes from ``mathkit.optimize`` and ``mathkit.cost``.

A variant (issue 14, :class:`scenes.common.schemas_multivariate.GradientDescentParams`)
sets the learning rate, the start, the epochs and the data (an x,y CSV); the
map, the data plot and the narration follow its values.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    DR,
    LEFT,
    RIGHT,
    UL,
    UP,
    UR,
    Arrow,
    ChangeDecimalToValue,
    Circle,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    LaggedStart,
    Line,
    ReplacementTransform,
    Star,
    SurroundingRectangle,
    Transform,
    VGroup,
    Write,
)

from mathkit.cost import cost_contour, least_squares
from mathkit.data import EPOCHS
from mathkit.optimize import (
    PARABOLA,
    PARABOLA_LRS,
    PARABOLA_STEPS,
    PARABOLA_X0,
    TABLE_ROUNDS,
    RegressionTrace,
    compare_learning_rates,
    function_and_gradient,
    regression_descent,
)
from mathkit.plotting import decimals_for, nice_range, nice_step
from scenes.common.base import LectureScene
from scenes.common.mobjects import (
    get_axes,
    get_clipped_graph,
    get_polyline,
    get_tex,
    get_text,
    place_clear_of_points,
    polyline_points,
)
from scenes.common.numbers import fmt
from scenes.common.regression_parts import (
    get_contours,
    get_data_axes,
    get_data_scatter,
    get_descent_path,
    get_edge_axes,
    get_readout,
    get_regression_line,
    readable_labels,
)
from scenes.common.schemas_multivariate import GradientDescentParams
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

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


def _vec(a: float, b: float, places: int = 4) -> str:
    """A column vector [a; b] in TeX, numbers by :func:`fmt`."""
    return rf"\begin{{bmatrix}}{fmt(a, places)}\\ {fmt(b, places)}\end{{bmatrix}}"


def _levels(trace: RegressionTrace, floor: float) -> list[float]:
    """Contour levels: the costs of CONTOUR_STATES that the trace reaches, above the optimum."""
    levels: list[float] = []
    for k in CONTOUR_STATES:
        above = k <= trace.steps and trace.cost[k] > floor * (1 + 1e-6) + 1e-9
        if above and (not levels or trace.cost[k] < levels[-1] * (1 - 1e-3)):
            levels.append(float(trace.cost[k]))
    return levels


def _cost_axes(steps: int, top: float, *, width: float, height: float) -> VGroup:
    """Cost against round, numbers on the edges."""
    x_range = (0, steps, nice_step(steps, 4) if steps > TABLE_ROUNDS else 2)
    y_range = nice_range(0.0, top, ticks=3)
    return get_edge_axes(
        x_range,
        y_range,
        width=width,
        height=height,
        x_label="round",
        y_label="C",
        decimals=None,  # whole rounds; the cost with the decimals its ticks need
    )


class GradientDescent(LectureScene):
    """Beats: title, landscape, first-step, descend, table, long-run, learning-rate, summary.

    Parameters (``self.params``, :class:`GradientDescentParams`): lr, start,
    epochs, data; the axes come from the variant's path and data.
    """

    params_schema = GradientDescentParams

    def construct(self) -> None:
        p: GradientDescentParams = self.params
        x, y = p.data.x, p.data.y
        trace = regression_descent(
            x, y, b0=p.start[0], m0=p.start[1], lr=p.lr, steps=p.steps, dtype="float32"
        )
        ols = least_squares(x, y)
        try:
            k_neg: int | None = trace.first_negative_grad_b()
        except ValueError:
            k_neg = None
        lr = fmt(trace.lr, 6)

        # -- title: the map appears under the opening line ---------------------------
        plane = get_edge_axes(
            p.b_range,
            p.m_range,
            width=5.8,
            height=4.4,
            x_label="b",
            y_label="m",
            decimals=max(decimals_for(p.b_range[2]), decimals_for(p.m_range[2])),
        )
        plane.to_edge(LEFT, buff=EDGE_BUFF + SPACE.small).to_edge(
            DOWN, buff=EDGE_BUFF + SPACE.large
        )
        contours = get_contours(
            plane,
            [cost_contour(c, x, y, samples=400) for c in _levels(trace, ols.cost)],
            color=PALETTE.subtle,
            stroke_width=2,
        )
        self.opening(
            [
                Create(plane),
                LaggedStart(*[Create(c) for c in contours], lag_ratio=0.15),
            ],
            "The gradient points uphill on the cost. "
            "Gradient descent takes small steps the other way.",
        )
        title = self.title

        # -- landscape ----------------------------------------------------------------
        self.beat("landscape")
        minimum = Star(outer_radius=0.14, color=PALETTE.secant, fill_opacity=1)
        minimum.move_to(plane.c2p(ols.b, ols.m))
        start = Dot(
            plane.c2p(trace.b[0], trace.m[0]), color=PALETTE.tangent, radius=0.08
        )
        data = get_data_axes(
            width=5.0, height=2.2, x_range=p.x_range, y_range=p.y_range
        )
        readable_labels(data)
        data.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.small)
        data.next_to(title, DOWN, buff=SPACE.medium).align_to(
            data.copy().to_edge(RIGHT, buff=EDGE_BUFF + SPACE.small), RIGHT
        )
        dots = get_data_scatter(data, radius=0.06, x=x, y=y)
        span = (float(x.min()), float(x.max()))

        def model(k: int) -> Line:
            return get_regression_line(data, trace.m[k], trace.b[k], x_range=span)

        line = model(0)
        self.narrate(
            "On the left, every point is a choice of intercept b and slope m; each "
            "ring joins choices with equal cost. On the right, the data and the line "
            "of the current choice.",
            Create(data),
            FadeIn(dots, lag_ratio=0.1),
            fill=True,
        )
        self.narrate(
            f"We start at b = {fmt(trace.b[0], 4)}, m = {fmt(trace.m[0], 4)}. "
            "The star marks the lowest cost.",
            FadeIn(start, scale=1.5),
            Create(line),
            FadeIn(minimum),
            fill=True,
        )

        # -- first step: the arithmetic, and the step on the map ------------------------
        self.beat("first-step")
        g0 = (trace.grad_b[0], trace.grad_m[0])
        step = (trace.lr * g0[0], trace.lr * g0[1])
        rule = get_tex(
            r"\theta' = \theta - \alpha\,\nabla C,\quad \theta = "
            r"\begin{bmatrix}b\\ m\end{bmatrix}",
            size=SIZES.tex_small,
        )
        arithmetic = get_tex(
            rf"\theta' = {_vec(trace.b[0], trace.m[0])} - {lr}\,{_vec(*g0, 3)}",
            rf"= {_vec(trace.b[1], trace.m[1])}",
            size=SIZES.tex_small,
        )
        if arithmetic.width > data.width:  # a variant's longer numbers: two rows
            arithmetic[1].next_to(arithmetic[0], DOWN, buff=SPACE.small).align_to(
                arithmetic[0][2], LEFT
            )
        alpha_grad = get_tex(
            rf"\alpha\,\nabla C = {_vec(*step)}",
            size=SIZES.tex_small,
            color=PALETTE.secant,
        )
        work = VGroup(rule, arithmetic, alpha_grad).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.small
        )
        # the arithmetic takes the data plot's place for one step
        work.move_to(data).align_to(data, LEFT)
        self.narrate(
            f"One step: compute the gradient at the current guess, multiply it by the "
            f"learning rate alpha = {lr}, and subtract it.",
            FadeOut(VGroup(data, dots, line)),
            Write(rule),
            fill=True,
        )
        arrow = Arrow(
            plane.c2p(trace.b[0], trace.m[0]),
            plane.c2p(trace.b[1], trace.m[1]),
            buff=0,
            color=PALETTE.secant,
            stroke_width=5,
            max_tip_length_to_length_ratio=0.3,
        )
        self.narrate(
            f"The gradient here is {fmt(g0[0], 3)} for b and {fmt(g0[1], 3)} for m. "
            f"Times {lr} that is a step of {fmt(step[0], 4)} and {fmt(step[1], 4)}, "
            f"so the new guess is b = {fmt(trace.b[1], 4)}, m = {fmt(trace.m[1], 4)}.",
            Write(arithmetic),
            FadeIn(alpha_grad),
            GrowArrow(arrow),
            fill=True,
        )
        path = get_descent_path(
            plane, trace.b[: TABLE_ROUNDS + 1], trace.m[: TABLE_ROUNDS + 1]
        )
        self.narrate(
            "Minus alpha times the gradient is the arrow on the map, "
            "and the line on the data turns with it.",
            FadeOut(work),
            FadeIn(VGroup(data, dots, line)),
            FadeIn(path.dots[1]),
            fill=True,
        )
        self.play(Transform(line, model(1)))

        # -- descend: rounds 2 to 8, the cost beside the path ------------------------------
        self.beat("descend")
        cost_axes = _cost_axes(TABLE_ROUNDS, trace.cost[0], width=4.6, height=1.5)
        cost_axes.next_to(data, DOWN, buff=SPACE.medium + SPACE.small).align_to(
            data, RIGHT
        )
        cost_line = get_polyline(
            cost_axes,
            range(TABLE_ROUNDS + 1),
            trace.cost[: TABLE_ROUNDS + 1],
            color=PALETTE.error,
            stroke_width=3,
            dot_radius=0.04,
            segments=True,
        )
        rnd = get_readout(r"\text{round}\ ", 1, decimals=0)
        cost = get_readout("C", trace.cost[1], color=PALETTE.error)
        readouts = VGroup(rnd, cost).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight)
        # The long run redraws the cost on longer axes in the same place; the
        # readouts stay up for both plots, so they keep clear of both lines.
        long_axes = _cost_axes(trace.steps, trace.cost[0], width=4.6, height=1.5)
        long_axes.move_to(cost_axes)
        lines_drawn = np.vstack(
            [
                polyline_points([ax.c2p(k, trace.cost[k]) for k in range(last + 1)])
                for ax, last in ((cost_axes, TABLE_ROUNDS), (long_axes, trace.steps))
            ]
        )
        place_clear_of_points(
            readouts,
            [
                # a fast fall from the top left leaves the upper right empty
                lambda m: m.move_to(
                    cost_axes.c2p(TABLE_ROUNDS, trace.cost[0]), aligned_edge=UR
                ),
                # a slow one (a small learning rate) leaves the lower right
                lambda m: m.move_to(
                    cost_axes.c2p(TABLE_ROUNDS, 0.0), aligned_edge=DR
                ).shift(UP * SPACE.small),
                # neither (a slow fall through the middle): above the plot, at its
                # right, under the data plot
                lambda m: (
                    m.arrange(RIGHT, buff=SPACE.large)
                    .next_to(cost_axes, UP, buff=SPACE.tight)
                    .align_to(cost_axes, RIGHT)
                ),
            ],
            lines_drawn,
        )
        self.play(
            ReplacementTransform(arrow, path.segments[0]),
            Create(cost_axes),
            FadeIn(cost_line.dots[:2]),
            Create(cost_line.segments[0]),
            FadeIn(readouts),
        )
        first_m = trace.m[TABLE_ROUNDS] < trace.m[0] and abs(
            trace.m[TABLE_ROUNDS] - trace.m[0]
        ) > abs(trace.b[TABLE_ROUNDS] - trace.b[0])
        self.caption(
            "Repeat, round after round. "
            + (
                "The first steps plunge almost straight down in m: the slope was the "
                "worst part of the guess, and the cost below falls fast."
                if first_m
                else "The cost, below the data, falls with every round."
            )
        )
        for k in range(2, TABLE_ROUNDS + 1):
            self.play(
                Create(path.segments[k - 1]),
                FadeIn(path.dots[k]),
                Transform(line, model(k)),
                Create(cost_line.segments[k - 1]),
                FadeIn(cost_line.dots[k]),
                ChangeDecimalToValue(rnd[1], k),
                ChangeDecimalToValue(cost[1], trace.cost[k]),
                run_time=0.9,
            )
        self.hold()

        # -- table: built row by row beside the map ---------------------------------------
        self.beat("table")
        right = VGroup(data, dots, line, cost_axes, cost_line, readouts)
        heads = [
            "k",  # the round (narrow: the table fits beside the map)
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
            cells += [get_tex(f"{v:.3f}", size=SIZES.tex_small) for v in vals]
        table = VGroup(*cells).arrange_in_grid(
            rows=TABLE_ROUNDS + 1,
            cols=6,
            buff=(SPACE.tight + SPACE.hair, SPACE.small),
            col_alignments="rrrrrr",
        )
        table.next_to(title, DOWN, buff=SPACE.medium)
        table.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.tight)
        for k in range(1, TABLE_ROUNDS + 1):
            table[6 * k + 5].set_color(
                PALETTE.negative if trace.grad_b[k] < 0 else PALETTE.positive
            )
        ring = Circle(radius=0.16, color=PALETTE.text, stroke_width=3)
        ring.move_to(path.dots[1])
        self.play(FadeOut(right), FadeIn(VGroup(*table[:6])))
        length = self.caption(
            "The same rounds as numbers, round k in each row: each row is one dot on the map. "
            + (
                "The cost falls quickly, m falls, and so does b at first."
                if k_neg is not None
                else "The cost falls in every row."
            )
        )
        for k in range(1, TABLE_ROUNDS + 1):
            row = VGroup(*table[6 * k : 6 * k + 6])
            move = Create(ring) if k == 1 else ring.animate.move_to(path.dots[k])
            self.play(
                FadeIn(row, shift=LEFT * 0.2),
                move,
                run_time=max(0.7, length / TABLE_ROUNDS - 0.1),
            )
        self.hold()
        if k_neg is not None and k_neg <= TABLE_ROUNDS:
            row = VGroup(*table[6 * k_neg : 6 * k_neg + 6])
            box = SurroundingRectangle(row, color=PALETTE.error, buff=SPACE.hair)
            self.narrate(
                f"In round {k_neg} the partial derivative for b turns negative: "
                "from then on descent raises b while it still lowers m.",
                Create(box),
                ring.animate.move_to(path.dots[k_neg]),
                Indicate(table[6 * k_neg + 5], color=PALETTE.negative),
                fill=True,
            )
            table.add(box)

        # -- long run -----------------------------------------------------------------
        self.beat("long-run")
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
        short_cost = get_polyline(
            long_axes,
            range(TABLE_ROUNDS + 1),
            trace.cost[: TABLE_ROUNDS + 1],
            color=PALETTE.error,
            stroke_width=3,
        ).line
        self.play(
            FadeOut(table),
            FadeOut(ring),
            FadeIn(VGroup(data, dots, line, readouts)),
            FadeIn(long_axes),
            FadeIn(short_cost),
        )
        rest = get_polyline(
            long_axes,
            range(TABLE_ROUNDS, trace.steps + 1),
            trace.cost[TABLE_ROUNDS:],
            color=PALETTE.error,
            stroke_width=3,
        ).line
        epochs = int(p.epochs)
        final = VGroup(
            get_readout("m", trace.m[-1], color=PALETTE.curve),
            get_readout("b", trace.b[-1], color=PALETTE.curve),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight)
        # in the top corner the fitted line leaves free: right if it falls, left if it rises
        if trace.m[-1] <= 0:
            final.move_to(data.c2p(p.x_range[1], p.y_range[1]), aligned_edge=UR)
        else:
            final.move_to(data.c2p(p.x_range[0], p.y_range[1]), aligned_edge=UL)
        self.narrate(
            f"Then descent creeps along the valley towards the star. The course runs "
            f"{epochs} epochs after the first step: {trace.steps} steps in all, and "
            f"the cost ends at {fmt(trace.cost[-1], 4)}."
            if epochs == EPOCHS
            else f"Then descent creeps towards the star: {epochs} epochs after the "
            f"first step, {trace.steps} steps in all, and the cost ends at "
            f"{fmt(trace.cost[-1], 4)}.",
            Create(long_path),
            Create(rest),
            Transform(line, model(trace.steps)),
            ChangeDecimalToValue(rnd[1], trace.steps),
            ChangeDecimalToValue(cost[1], trace.cost[-1]),
            fill=True,
        )
        self.play(FadeIn(end), FadeIn(final))
        self.narrate(
            f"It has nearly reached the least-squares optimum, m = {fmt(ols.m, 4)}, "
            f"b = {fmt(ols.b, 4)}.",
            Indicate(minimum, color=PALETTE.secant, scale_factor=1.6),
            fill=True,
        )

        # -- learning rate --------------------------------------------------------------
        self.beat("learning-rate")
        landscape = VGroup(
            plane, contours, minimum, start, path, long_path, end, data, dots, line
        )
        self.play(
            FadeOut(landscape),
            FadeOut(VGroup(long_axes, short_cost, rest, readouts, final)),
        )
        f, g = function_and_gradient(PARABOLA)
        runs = compare_learning_rates(
            f, g, PARABOLA_X0, PARABOLA_LRS, steps=PARABOLA_STEPS
        )
        heading = get_tex(rf"C(x) = {PARABOLA}", size=SIZES.tex_small)
        heading.next_to(title, DOWN, buff=SPACE.medium).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.large
        )
        panels = VGroup()
        for run in runs:
            ax = get_axes(
                [-6, 3, 1],
                [0, 24, 4],
                width=3.5,
                height=2.7,
                numbers=False,
                x_label="x",
                y_label="C",
            )
            readable_labels(ax)
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
            ).arrange(DOWN, buff=SPACE.tight)
            label.next_to(ax, DOWN, buff=SPACE.small)
            panel = VGroup(ax, curve, zig, marks, label)
            panel.zig, panel.marks = zig, marks
            panels.add(panel)
        panels.arrange(RIGHT, buff=SPACE.medium).next_to(
            heading, DOWN, buff=SPACE.medium
        )
        panels.set_x(0)
        self.narrate(
            "How big should the steps be? Try three learning rates on a simple "
            f"parabola, {PARABOLA_STEPS} steps each from the same start.",
            Write(heading),
            *[FadeIn(VGroup(q[0], q[1])) for q in panels],
            fill=True,
        )
        for q, say in zip(
            panels,
            (
                "Too small: every step is timid, and after all the steps the minimum is still far.",
                "Just right: it settles into the bottom in a few steps.",
                "Too large: each step overshoots further than the last, and descent diverges.",
            ),
            strict=True,
        ):
            self.narrate(
                say,
                LaggedStart(*[FadeIn(d) for d in q.marks], lag_ratio=0.2),
                Create(q.zig),
                FadeIn(q[4]),
                fill=True,
            )

        # -- summary ----------------------------------------------------------------------
        self.beat("summary")
        note = get_text(
            "step = learning rate × gradient", size=SIZES.label, color=PALETTE.accent
        )
        note.next_to(heading, RIGHT, buff=SPACE.section)
        self.narrate(
            "Gradient descent: follow the negative gradient, with a learning "
            "rate small enough to stay stable and large enough to arrive.",
            FadeIn(note, shift=UP * 0.2),
            hold=1.0,
        )
        self.wait()
