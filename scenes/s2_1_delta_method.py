"""2.1 The Delta Method.

Learning goal: find the slope of a curve at a point P as the limit of the slopes
of secants PQ while Q slides toward P. On f(x) = x^2 + 2x + 2 at P = (2, 10) the
secant slopes go 9 -> 6.1 -> 6.000001, so the tangent is y = 6x - 2; at the vertex
x = -1 the slope is 0. Every number comes from ``mathkit.differentiation``.
"""

from __future__ import annotations

import math

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    ReplacementTransform,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    config,
    linear,
)

from mathkit.data import RUNNING_FUNCTION
from mathkit.differentiation import (
    X,
    as_function,
    delta_sequence,
    derivative,
    secant_line,
    tangent_line,
)
from mathkit.expr import latex, parse
from mathkit.plotting import plot_window
from scenes.common.base import LectureScene
from scenes.common.delta_parts import (
    axis_numbers,
    get_leg_labels,
    get_point,
    get_point_label,
    get_running_axes,
    get_running_curve,
    get_secant_group,
    get_slope_ladder,
    get_tangent,
    get_tracked_readouts,
    get_tracked_secant,
    get_window_box,
    get_window_view,
)
from scenes.common.limits_parts import title_bottom
from scenes.common.math_text import expr_words
from scenes.common.mobjects import get_card, get_tex, get_text
from scenes.common.numbers import fmt as _num
from scenes.common.numbers import line_equation
from scenes.common.params import tag
from scenes.common.schemas import DeltaMethodParams
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE, SUBTITLE_ZONE

FRACTION_WORDS = {
    -1: "a tenth",
    -2: "a hundredth",
    -3: "a thousandth",
    -6: "a millionth",
    -9: "a billionth",
}
"""Words for delta x = 10^k in the narration."""


def _dx_words(dx: float) -> str:
    """delta x in words: 'a millionth' for 1e-6, '10 to the minus 8', or '0.5'."""
    k = round(math.log10(dx))
    if abs(dx - 10.0**k) < 1e-12 * dx:
        if k in FRACTION_WORDS:
            return FRACTION_WORDS[k]
        if k < 0:
            return f"10 to the minus {-k}"
    return _num(dx)


def _fit_left_of(mob: VGroup, right: float) -> VGroup:
    """Scale ``mob`` down about its left edge so it ends before x = ``right``.

    Never below the smallest readable size (SIZES.small) of its smallest text, so
    a variant whose formulas still do not fit is left for the layout gate to refuse.
    """
    if mob.get_right()[0] <= right:
        return mob
    sizes = [
        float(m.font_size)
        for m in mob.get_family()
        if isinstance(getattr(type(m), "font_size", None), property)
    ]
    floor = SIZES.small / min(sizes) if sizes else 0.5
    left = mob.get_left()[0]
    mob.scale(max((right - left) / mob.width, min(floor, 1.0)), about_edge=LEFT)
    return mob


class DeltaMethod(LectureScene):
    """Beats: title, curve, far-secant, near-secant, slide, tangent, vertex, summary.

    Parameters (``self.params``, :class:`scenes.common.schemas.DeltaMethodParams`):
    the function, the point P, the delta x sequence and the exercise point.
    """

    params_schema = DeltaMethodParams

    def construct(self) -> None:
        p: DeltaMethodParams = self.params
        course = p.f == RUNNING_FUNCTION
        f_expr = parse(p.f)
        f_tex = latex(f_expr)
        f_words = expr_words(f_expr)
        fn = as_function(p.f)
        x_p = p.x0
        y_p = fn(x_p)
        span = p.line_x
        tangent = tangent_line(p.f, x_p)

        # -- title and curve -----------------------------------------------------------
        top = title_bottom(type(self))
        axes = get_running_axes(
            x_range=p.x_range, y_range=p.y_range, height=4.9, readable_labels=True
        )
        axes.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.small).to_edge(
            DOWN, buff=SUBTITLE_ZONE
        )
        tag(axes, "x_range", "y_range")
        tag(axes.x_axis, "x_range")
        tag(axes.y_axis, "y_range")
        curve = get_running_curve(axes, fn)
        self.opening(
            [Create(axes), Create(curve)],
            "A curve has no single slope. The delta method finds its slope at one point"
            " using only the slopes of straight lines.",
        )
        self.beat("curve")
        limit = (
            axes.get_left()[0] - SPACE.medium
        )  # the left column ends before the axes
        formula = get_tex(rf"f(x) = {f_tex}", color=PALETTE.curve)
        formula.move_to([0, top - SPACE.medium, 0], aligned_edge=UP).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.small
        )
        _fit_left_of(formula, limit)
        tag(formula, "f")
        self.narrate(
            f"Take the course's running function, f of x equals {f_words}."
            if course
            else f"Take the function f of x equals {f_words}.",
            Write(formula),
            fill=True,
        )

        p_dot = get_point(axes, x_p, y_p)
        ticks = axis_numbers(axes)
        p_label = get_point_label(p_dot, "P", avoid=ticks, lines=[curve])
        p_coords = get_tex(
            rf"P = ({x_p:g},\ {y_p:g})", size=SIZES.tex_small, color=PALETTE.point
        )
        p_coords.next_to(formula, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        tag(p_coords, "x0", "f")
        tag(p_label, "x0")
        self.narrate(
            f"We want the slope at P, where x = {x_p:g} and f({x_p:g}) = {y_p:g}.",
            FadeIn(p_dot, scale=1.5),
            FadeIn(p_label),
            Write(p_coords),
            fill=True,
        )

        # -- far-secant --------------------------------------------------------------
        self.beat("far-secant")
        far = secant_line(fn, x_p, x_p + p.dx[0])
        far_group = get_secant_group(axes, far, span=span)
        legs = tag(
            get_leg_labels(
                far_group,
                avoid=[*ticks, p_label],
                lines=[curve],
                apart=[p_label],
            ),
            "dx",
        )
        q_label = tag(
            get_point_label(
                far_group.q_dot,
                "Q",
                avoid=[*ticks, *legs, p_label],
                lines=[curve, far_group.line, *far_group.legs],
                apart=[*legs, p_label],
            ),
            "dx",
        )
        self.narrate(
            f"Pick a second point Q on the curve, at x = {_num(far.x2)}, where f ="
            f" {_num(far.y2)}. The straight line through P and Q is a secant.",
            FadeIn(far_group.q_dot, scale=1.5),
            FadeIn(q_label),
            Create(far_group.line),
            fill=True,
        )

        work = VGroup(
            get_tex(
                rf"m = \frac{{\Delta y}}{{\Delta x}} = \frac{{{_num(far.dy)}}}{{{_num(far.dx)}}}"
                rf" = {_num(far.slope)}",
                color=PALETTE.secant,
            ),
            get_tex(rf"b = y - m x = {_num(far.intercept)}", size=SIZES.tex_small),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        work.next_to(p_coords, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        for row in work:  # each row only as much as it needs
            _fit_left_of(row, limit)
        tag(work, "dx", "f")
        steep = (
            "far too steep"
            if far.slope > tangent.slope
            else "far too shallow"
            if far.slope < tangent.slope and far.slope >= 0
            else "far off"
        )
        self.narrate(
            f"Its slope is rise over run: delta y = {_num(far.dy)} over delta x = {_num(far.dx)},"
            f" which is {_num(far.slope)}.",
            Create(far_group.legs),
            FadeIn(legs),
            Write(work[0]),
            fill=True,
        )
        self.narrate(
            f"Through Q, the intercept is b = {_num(far.intercept)}. But a slope of"
            f" {_num(far.slope)} is {steep} for the curve at P.",
            Write(work[1]),
            fill=True,
        )

        # -- near-secant -----------------------------------------------------------------
        self.beat("near-secant")
        near = secant_line(fn, x_p, x_p + p.dx[1])
        near_work = VGroup(
            get_tex(
                rf"m = \frac{{{_num(near.dy, 2)}}}{{{_num(near.dx, 2)}}} = {_num(near.slope, 2)}",
                color=PALETTE.secant,
            ),
            get_tex(rf"b = {_num(near.intercept, 2)}", size=SIZES.tex_small),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        near_work.move_to(work, aligned_edge=UL)
        _fit_left_of(near_work, limit)
        tag(near_work, "dx", "f")
        q_near = get_tex(
            rf"Q = ({_num(near.x2, 2)},\ {_num(near.y2, 2)})",
            size=SIZES.tex_small,
            color=PALETTE.point,
        ).next_to(p_coords, RIGHT, buff=SPACE.large)
        _fit_left_of(q_near, limit)
        tag(q_near, "dx", "x0")
        # Q slides continuously along the curve: delta x on a log scale
        log_dx = ValueTracker(math.log10(far.dx))
        live = get_tracked_secant(axes, x_p, log_dx, fn, span=span)
        self.remove(far_group.line, far_group.q_dot)
        self.add(live)
        self.narrate(
            f"Slide Q along the curve towards P, down to x = {_num(near.x2, 2)}. The"
            " secant turns as it goes.",
            FadeOut(legs),
            FadeOut(q_label),
            FadeOut(far_group.legs),
            log_dx.animate.set_value(math.log10(near.dx)),
            fill=True,
        )
        self.narrate(
            f"Now Q = ({_num(near.x2, 2)}, {_num(near.y2, 2)}), delta x is only"
            f" {_num(near.dx, 2)}, and the slope is {_num(near.slope, 2)}: much closer"
            " to how steep the curve really is at P.",
            FadeIn(q_near),
            ReplacementTransform(work, near_work),
            fill=True,
        )

        # -- slide ----------------------------------------------------------------------------
        self.beat("slide")
        readouts = get_tracked_readouts(x_p, log_dx, f=fn)
        readouts.next_to(p_coords, DOWN, buff=SPACE.large, aligned_edge=LEFT)
        readout_card = tag(get_card(readouts, color=PALETTE.secant), "dx", "f")
        readout_card.align_to(formula, LEFT)
        small = p.dx[2]
        # a close-up of P that zooms with delta x: Q stays in view however near
        # as tall as the column leaves above the bottom margin (a variant's taller
        # formula pushes the card down), at most the course's 2.1
        room = (
            readout_card.get_bottom()[1]
            - SPACE.medium
            - (-config.frame_height / 2 + EDGE_BUFF)
        )
        box = tag(get_window_box(width=3.4, height=min(2.1, max(room, 1.2))), "dx")
        box.next_to(readout_card, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        box_note = get_text("close-up of P", size=SIZES.small, color=PALETTE.subtle)
        box_note.next_to(box, RIGHT, buff=SPACE.small).align_to(box, UP)
        slope_p = tangent.slope

        def closeup() -> VGroup:
            s_now = secant_line(fn, x_p, x_p + 10 ** log_dx.get_value())
            h = 2.5 * s_now.dx
            return get_window_view(
                box,
                fn,
                (x_p, y_p),
                (h, h * max(1.0, abs(slope_p)) * 0.9),
                lines=[(s_now.slope, s_now.intercept, PALETTE.secant)],
                dots=[(x_p, y_p, PALETTE.point), (s_now.x2, s_now.y2, PALETTE.point)],
            )

        zoom = always_redraw(closeup)
        self.narrate(
            "Keep going. Watch delta x and the slope m as Q closes in, with a close-up"
            " of P that zooms in as delta x shrinks.",
            FadeOut(near_work),
            FadeOut(q_near),
            FadeIn(readout_card),
            Create(box),
            FadeIn(box_note),
            FadeIn(zoom),
            fill=True,
        )
        self.narrate(
            "Q slides on towards P. In the close-up the curve looks straighter and"
            " straighter, and the secant lies along it.",
            log_dx.animate.set_value(math.log10(small)),
            fill=True,
            rate_func=linear,
        )
        settled = secant_line(fn, x_p, x_p + small).slope
        self.narrate(
            f"By delta x = {_dx_words(small)}, Q is almost on top of P,"
            f" and the slope has settled on {_num(settled, 5)}.",
            Indicate(readouts[1], color=PALETTE.secant),
            fill=True,
        )

        # -- tangent --------------------------------------------------------------------------------
        self.beat("tangent")
        tangent_mob = get_tangent(axes, tangent, span=span)
        tangent_text = (
            tangent.latex if course else line_equation(tangent.slope, tangent.intercept)
        )
        tangent_tex = get_tex(tangent_text, color=PALETTE.tangent)
        slope_note = get_tex(
            rf"\text{{slope at }} P = {_num(tangent.slope)}",
            size=SIZES.tex_small,
            color=PALETTE.tangent,
        )
        result = VGroup(tangent_tex, slope_note).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.small
        )
        result.next_to(readout_card, DOWN, buff=SPACE.large, aligned_edge=LEFT)
        _fit_left_of(result, limit)
        tag(result, "f", "x0")
        live.clear_updaters()
        zoom.clear_updaters()
        self.narrate(
            "In the limit the secant becomes the tangent line"
            f" {line_equation(tangent.slope, tangent.intercept)},"
            f" which touches the curve at P with slope {_num(tangent.slope)}.",
            FadeOut(zoom),
            FadeOut(box),
            FadeOut(box_note),
            FadeOut(live),
            Create(tangent_mob),
            Write(tangent_tex),
            FadeIn(slope_note),
            fill=True,
        )

        # -- vertex ----------------------------------------------------------------------------------
        self.beat("vertex")
        for m in readouts.submobjects:
            m.number.clear_updaters()
        x_v = p.x_exercise
        y_v = fn(x_v)
        # the exercise gets its own axes, zoomed on the exercise point and its secants
        lo_x, hi_x = p.x_range[0], p.x_range[1]
        needed = [x_v - p.exercise_dx[0], *(x_v + d for d in p.exercise_dx)]
        window = plot_window(
            fn, [max(lo_x, x) if x < x_v else min(hi_x, x) for x in needed]
        )
        v_axes = get_running_axes(
            x_range=window.x_range,
            y_range=window.y_range,
            height=4.9,
            readable_labels=True,
        )
        v_axes.move_to(axes)
        tag(v_axes, "x_exercise", "exercise_dx")
        v_curve = get_running_curve(v_axes, fn)
        v_span = window.line_x
        v_ticks = axis_numbers(v_axes)
        v_dot = get_point(v_axes, x_v, y_v)
        curvature = float(derivative(p.f, 2).subs(X, x_v)) if not course else 1.0
        v_label = tag(
            get_point_label(v_dot, "P", direction=UP, avoid=v_ticks, lines=[v_curve]),
            "x_exercise",
        )
        v_coords = get_tex(
            rf"P = ({_num(x_v)},\ {_num(y_v)})",
            size=SIZES.tex_small,
            color=PALETTE.point,
        ).next_to(formula, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        tag(v_coords, "x_exercise", "f")
        flat = tangent_line(p.f, x_v)
        turning = abs(flat.slope) < 1e-12
        where = (
            "the bottom of the curve"
            if course
            else "a low point of the curve"
            if turning and curvature > 0
            else "a high point of the curve"
            if turning and curvature < 0
            else "a second point"
        )
        self.narrate(
            f"Exercise: the same method at {where}, P = ({_num(x_v)}, {_num(y_v)})."
            " Zoom the axes in around it.",
            *[
                FadeOut(m)
                for m in (readout_card, result, tangent_mob, p_dot, p_label, p_coords)
            ],
            ReplacementTransform(axes, v_axes),
            ReplacementTransform(curve, v_curve),
            FadeIn(v_dot, scale=1.5),
            FadeIn(v_label),
            Write(v_coords),
            fill=True,
        )

        steps = delta_sequence(fn, x_v, p.exercise_dx)
        ladder = get_slope_ladder([(s.dx, s.slope) for s in steps])
        ladder.next_to(v_coords, DOWN, buff=SPACE.large, aligned_edge=LEFT)
        _fit_left_of(ladder, limit)
        tag(ladder, "exercise_dx", "f")
        trend = (
            "fall"
            if steps[-1].slope < steps[0].slope
            else "rise"
            if steps[-1].slope > steps[0].slope
            else "stay put"
        )
        length = self.caption(
            f"Shrink delta x from {_num(steps[0].dx)} to {_num(steps[1].dx)} to"
            f" {_dx_words(steps[-1].dx)}. The secant slopes {trend}: "
            + ", then ".join(_num(s.slope) for s in steps)
            + "."
        )
        secant_mob = None
        each = max(1.0, (length - 0.5) / len(steps))
        for step, row in zip(steps, ladder, strict=True):
            group = get_secant_group(
                v_axes, secant_line(fn, x_v, step.q_x), legs=False, span=v_span
            )
            if secant_mob is None:
                self.play(
                    Create(group.line), FadeIn(group.q_dot), FadeIn(row), run_time=each
                )
            else:
                self.play(
                    ReplacementTransform(secant_mob.line, group.line),
                    ReplacementTransform(secant_mob.q_dot, group.q_dot),
                    FadeIn(row),
                    run_time=each,
                )
            secant_mob = group
        self.hold()
        assert secant_mob is not None  # the ladder has three steps

        flat_mob = get_tangent(v_axes, flat, span=v_span)
        flat_text = flat.latex if course else line_equation(flat.slope, flat.intercept)
        flat_words = line_equation(flat.slope, flat.intercept)
        flat_tex = get_tex(
            rf"m = {_num(flat.slope)}, \quad {flat_text}", color=PALETTE.tangent
        ).next_to(ladder, DOWN, buff=SPACE.large, aligned_edge=LEFT)
        if flat_tex.get_right()[0] > limit:  # a variant's longer line: two rows
            flat_tex = (
                VGroup(
                    get_tex(rf"m = {_num(flat.slope)},", color=PALETTE.tangent),
                    get_tex(flat_text, color=PALETTE.tangent),
                )
                .arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
                .next_to(ladder, DOWN, buff=SPACE.large, aligned_edge=LEFT)
            )
        _fit_left_of(flat_tex, limit)
        tag(flat_tex, "x_exercise", "f")
        self.narrate(
            f"The slope goes to {_num(flat.slope)}: at the vertex the tangent is flat,"
            f" the horizontal line {flat_words}."
            if course
            else f"The slope goes to {_num(flat.slope)}: at a turning point the tangent"
            f" is flat, the horizontal line {flat_words}."
            if turning
            else f"The slopes settle on {_num(flat.slope)}: the tangent there is"
            f" {flat_words}.",
            FadeOut(secant_mob.line),
            FadeOut(secant_mob.q_dot),
            Create(flat_mob),
            Write(flat_tex),
            fill=True,
        )

        # -- summary ------------------------------------------------------------------------------------
        self.beat("summary")
        summary = VGroup(
            get_tex(
                rf"x = {_num(x_p)}:\ \text{{slope}}\ {_num(tangent.slope)}",
                color=PALETTE.tangent,
            ),
            get_tex(
                rf"x = {_num(x_v)}:\ \text{{slope}}\ {_num(flat.slope)}",
                color=PALETTE.tangent,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        summary_card = get_card(summary, color=PALETTE.tangent)
        summary_card.next_to(formula, DOWN, buff=SPACE.large, aligned_edge=LEFT)
        _fit_left_of(summary_card, limit)
        tag(summary_card, "x0", "x_exercise", "f")
        main_axes = get_running_axes(
            x_range=p.x_range, y_range=p.y_range, height=4.9, readable_labels=True
        ).move_to(v_axes)
        main_curve = get_running_curve(main_axes, fn)
        tangent_back = get_tangent(main_axes, tangent, span=span)
        flat_back = get_tangent(main_axes, flat, span=span)
        dots_back = VGroup(
            get_point(main_axes, x_p, y_p), get_point(main_axes, x_v, y_v)
        )
        self.narrate(
            "Delta method: shrink delta x until the secant's slope stops changing."
            f" Slope {_num(tangent.slope)} at x = {_num(x_p)} and slope {_num(flat.slope)}"
            f" at x = {_num(x_v)}. Next, a formula that gives the slope at any x.",
            FadeOut(VGroup(ladder, flat_tex, v_coords, v_dot, v_label)),
            ReplacementTransform(v_axes, main_axes),
            ReplacementTransform(v_curve, main_curve),
            ReplacementTransform(flat_mob, flat_back),
            Create(tangent_back),
            FadeIn(dots_back),
            FadeIn(summary_card),
            fill=True,
            hold=1.5,
        )
        self.wait()
