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
from mathkit.expr import latex, parse, plain
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
)
from scenes.common.mobjects import get_card, get_tex, get_text, get_title
from scenes.common.numbers import fmt as _num
from scenes.common.numbers import line_equation
from scenes.common.params import tag
from scenes.common.schemas import DeltaMethodParams
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

FRACTION_WORDS = {
    -1: "a tenth",
    -2: "a hundredth",
    -3: "a thousandth",
    -6: "a millionth",
    -9: "a billionth",
}
"""Words for delta x = 10^k in the narration."""


def _words(dx: float) -> str:
    """', a millionth,' for 1e-6 (powers of ten with a name), else ''."""
    k = round(math.log10(dx))
    return (
        f", {FRACTION_WORDS[k]},"
        if abs(dx - 10.0**k) < 1e-12 * dx and k in FRACTION_WORDS
        else ""
    )


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
        fn = as_function(p.f)
        x_p = p.x0
        y_p = fn(x_p)
        span = p.line_x
        tangent = tangent_line(p.f, x_p)

        # -- title ---------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "The Delta Method", subtitle="Slopes of secants close in on a tangent"
        )
        self.narrate(
            "A curve has no single slope. The delta method finds its slope at one point"
            " using only the slopes of straight lines.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- curve -----------------------------------------------------------------
        self.beat("curve")
        axes = get_running_axes(x_range=p.x_range, y_range=p.y_range)
        axes.to_edge(RIGHT, buff=EDGE_BUFF + 0.15).to_edge(DOWN, buff=EDGE_BUFF + 0.1)
        tag(axes, "x_range", "y_range")
        tag(axes.x_axis, "x_range")
        tag(axes.y_axis, "y_range")
        curve = get_running_curve(axes, fn)
        formula = get_tex(rf"f(x) = {f_tex}", color=PALETTE.curve)
        formula.next_to(title, DOWN, buff=0.5).to_edge(LEFT, buff=EDGE_BUFF + 0.2)
        limit = axes.get_left()[0] - 0.3  # the left column ends before the axes
        _fit_left_of(formula, limit)
        tag(formula, "f")
        self.caption(
            f"Take the course's running function, f of x equals {RUNNING_FUNCTION}."
            if course
            else f"Take the function f of x equals {plain(f_expr)}."
        )
        self.play(Create(axes), Write(formula))
        self.play(Create(curve), run_time=1.5)
        self.hold()

        p_dot = get_point(axes, x_p, y_p)
        ticks = axis_numbers(axes)
        p_label = get_point_label(p_dot, "P", avoid=ticks)
        p_coords = get_tex(
            rf"P = ({x_p:g},\ {y_p:g})", size=SIZES.tex_small, color=PALETTE.point
        )
        p_coords.next_to(formula, DOWN, buff=0.4, aligned_edge=LEFT)
        tag(p_coords, "x0", "f")
        tag(p_label, "x0")
        self.narrate(
            f"We want the slope at P, where x = {x_p:g} and f({x_p:g}) = {y_p:g}.",
            FadeIn(p_dot, scale=1.5),
            FadeIn(p_label),
            Write(p_coords),
        )

        # -- far-secant --------------------------------------------------------------
        self.beat("far-secant")
        far = secant_line(fn, x_p, x_p + p.dx[0])
        far_group = get_secant_group(axes, far, span=span)
        legs = tag(get_leg_labels(far_group, avoid=[*ticks, p_label]), "dx")
        q_label = tag(
            get_point_label(far_group.q_dot, "Q", avoid=[*ticks, *legs, p_label]), "dx"
        )
        self.caption(
            f"Pick a second point Q on the curve, at x = {far.x2:g}, where f = {far.y2:g}."
            " The straight line through P and Q is a secant."
        )
        self.play(FadeIn(far_group.q_dot, scale=1.5), FadeIn(q_label))
        self.play(Create(far_group.line))
        self.hold()

        work = VGroup(
            get_tex(
                rf"m = \frac{{\Delta y}}{{\Delta x}} = \frac{{{_num(far.dy)}}}{{{_num(far.dx)}}}"
                rf" = {_num(far.slope)}",
                color=PALETTE.secant,
            ),
            get_tex(rf"b = y - m x = {_num(far.intercept)}", size=SIZES.tex_small),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        work.next_to(p_coords, DOWN, buff=0.5, aligned_edge=LEFT)
        _fit_left_of(work, limit)
        tag(work, "dx", "f")
        steep = (
            "far too steep"
            if far.slope > tangent.slope
            else "far too shallow"
            if far.slope < tangent.slope and far.slope >= 0
            else "far off"
        )
        self.caption(
            f"Its slope is rise over run: delta y = {_num(far.dy)} over delta x = {_num(far.dx)},"
            f" which is {_num(far.slope)}."
        )
        self.play(Create(far_group.legs), FadeIn(legs))
        self.play(Write(work[0]))
        self.hold()
        self.narrate(
            f"Through Q, the intercept is b = {_num(far.intercept)}. But a slope of"
            f" {_num(far.slope)} is {steep} for the curve at P.",
            Write(work[1]),
        )

        # -- near-secant -----------------------------------------------------------------
        self.beat("near-secant")
        near = secant_line(fn, x_p, x_p + p.dx[1])
        near_group = get_secant_group(axes, near, legs=False, span=span)
        near_work = VGroup(
            get_tex(
                rf"m = \frac{{{_num(near.dy, 2)}}}{{{_num(near.dx, 2)}}} = {_num(near.slope, 2)}",
                color=PALETTE.secant,
            ),
            get_tex(rf"b = {_num(near.intercept, 2)}", size=SIZES.tex_small),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        near_work.move_to(work, aligned_edge=UL)
        _fit_left_of(near_work, limit)
        tag(near_work, "dx", "f")
        q_near = get_tex(
            rf"Q = ({_num(near.x2, 2)},\ {_num(near.y2, 2)})",
            size=SIZES.tex_small,
            color=PALETTE.point,
        ).next_to(p_coords, RIGHT, buff=0.6)
        _fit_left_of(q_near, limit)
        tag(q_near, "dx", "x0")
        self.narrate(
            f"Move Q much closer: x = {_num(near.x2, 2)}, so Q = ({_num(near.x2, 2)}, {_num(near.y2, 2)})"
            f" and delta x is only {_num(near.dx, 2)}.",
            FadeOut(legs),
            FadeOut(q_label),
            FadeOut(far_group.legs),
            ReplacementTransform(far_group.line, near_group.line),
            ReplacementTransform(far_group.q_dot, near_group.q_dot),
            FadeIn(q_near),
        )
        self.narrate(
            f"Now the secant's slope is {_num(near.slope, 2)}: much closer to how steep the curve"
            " really is at P.",
            ReplacementTransform(work, near_work),
        )

        # -- slide ----------------------------------------------------------------------------
        self.beat("slide")
        log_dx = ValueTracker(math.log10(near.dx))
        live = get_tracked_secant(axes, x_p, log_dx, fn, span=span)
        readouts = get_tracked_readouts(x_p, log_dx, f=fn)
        readouts.next_to(p_coords, DOWN, buff=0.5, aligned_edge=LEFT)
        readout_card = tag(get_card(readouts, color=PALETTE.secant), "dx", "f")
        small = p.dx[2]
        self.remove(near_group.line, near_group.q_dot)
        self.add(live)
        self.narrate(
            "Keep going. Slide Q toward P and watch delta x and the slope m as they update.",
            FadeOut(near_work),
            FadeOut(q_near),
            FadeIn(readout_card),
        )
        self.narrate(
            f"By delta x = {small:g}{_words(small)} Q is almost on top of P,"
            f" and the slope has settled on {_num(secant_line(fn, x_p, x_p + small).slope, 5)}.",
            log_dx.animate.set_value(math.log10(small)),
            run_time=6,
            rate_func=linear,
        )

        # -- tangent --------------------------------------------------------------------------------
        self.beat("tangent")
        tangent_mob = get_tangent(axes, tangent, span=span)
        tangent_text = (
            tangent.latex if course else line_equation(tangent.slope, tangent.intercept)
        )
        tangent_tex = get_tex(tangent_text, color=PALETTE.tangent)
        slope_note = get_text(
            f"slope at P = {_num(tangent.slope)}",
            size=SIZES.label,
            color=PALETTE.tangent,
        )
        result = VGroup(tangent_tex, slope_note).arrange(
            DOWN, aligned_edge=LEFT, buff=0.3
        )
        result.next_to(readout_card, DOWN, buff=0.5, aligned_edge=LEFT)
        _fit_left_of(result, limit)
        tag(result, "f", "x0")
        live.clear_updaters()
        self.caption(
            f"In the limit the secant becomes the tangent line {tangent_text.replace(' ', '')},"
            f" which touches the curve at P with slope {_num(tangent.slope)}."
        )
        self.play(Create(tangent_mob), FadeOut(live))
        self.play(Write(tangent_tex), FadeIn(slope_note))
        self.play(Indicate(tangent_tex, color=PALETTE.tangent))
        self.hold()

        # -- vertex ----------------------------------------------------------------------------------
        self.beat("vertex")
        for m in readouts.submobjects:
            m.number.clear_updaters()
        self.play(
            *[
                FadeOut(m)
                for m in (readout_card, result, tangent_mob, p_dot, p_label, p_coords)
            ]
        )
        x_v = p.x_exercise
        y_v = fn(x_v)
        v_dot = get_point(axes, x_v, y_v)
        curvature = float(derivative(p.f, 2).subs(X, x_v)) if not course else 1.0
        v_label = tag(
            get_point_label(v_dot, "P", direction=UP, avoid=ticks),
            "x_exercise",
        )
        v_coords = get_tex(
            rf"P = ({x_v:g},\ {y_v:g})", size=SIZES.tex_small, color=PALETTE.point
        ).next_to(formula, DOWN, buff=0.4, aligned_edge=LEFT)
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
            f"Exercise: the same method at {where}, P = ({x_v:g}, {y_v:g}).",
            FadeIn(v_dot, scale=1.5),
            FadeIn(v_label),
            Write(v_coords),
        )

        steps = delta_sequence(fn, x_v, p.exercise_dx)
        ladder = get_slope_ladder([(s.dx, s.slope) for s in steps])
        ladder.next_to(v_coords, DOWN, buff=0.5, aligned_edge=LEFT)
        _fit_left_of(ladder, limit)
        tag(ladder, "exercise_dx", "f")
        trend = (
            "fall"
            if steps[-1].slope < steps[0].slope
            else "rise"
            if steps[-1].slope > steps[0].slope
            else "stay put"
        )
        self.caption(
            f"Shrink delta x from {_num(steps[0].dx)} to {_num(steps[1].dx)} to {steps[-1].dx:g}."
            f" The secant slopes {trend}: "
            + ", then ".join(_num(s.slope) for s in steps)
            + "."
        )
        secant_mob = None
        for step, row in zip(steps, ladder, strict=True):
            group = get_secant_group(
                axes, secant_line(fn, x_v, step.q_x), legs=False, span=span
            )
            if secant_mob is None:
                self.play(Create(group.line), FadeIn(group.q_dot), FadeIn(row))
            else:
                self.play(
                    ReplacementTransform(secant_mob.line, group.line),
                    ReplacementTransform(secant_mob.q_dot, group.q_dot),
                    FadeIn(row),
                )
            secant_mob = group
        self.hold()
        assert secant_mob is not None  # the ladder has three steps

        flat_mob = get_tangent(axes, flat, span=span)
        flat_text = flat.latex if course else line_equation(flat.slope, flat.intercept)
        flat_tex = get_tex(
            rf"m = {_num(flat.slope)}, \quad {flat_text}", color=PALETTE.tangent
        ).next_to(ladder, DOWN, buff=0.5, aligned_edge=LEFT)
        _fit_left_of(flat_tex, limit)
        tag(flat_tex, "x_exercise", "f")
        self.narrate(
            f"The slope goes to {_num(flat.slope)}: at the vertex the tangent is flat,"
            f" the horizontal line {flat_text.replace(' ', '')}."
            if course
            else f"The slope goes to {_num(flat.slope)}: at a turning point the tangent"
            f" is flat, the horizontal line {flat_text.replace(' ', '')}."
            if turning
            else f"The slopes settle on {_num(flat.slope)}: the tangent there is"
            f" {flat_text.replace(' ', '')}.",
            FadeOut(secant_mob.line),
            FadeOut(secant_mob.q_dot),
            Create(flat_mob),
            Write(flat_tex),
        )

        # -- summary ------------------------------------------------------------------------------------
        self.beat("summary")
        self.play(*[FadeOut(m) for m in (ladder, flat_tex, v_coords)])
        summary = VGroup(
            get_tex(
                rf"x = {x_p:g}:\ \text{{slope}}\ {_num(tangent.slope)}",
                color=PALETTE.tangent,
            ),
            get_tex(
                rf"x = {x_v:g}:\ \text{{slope}}\ {_num(flat.slope)}",
                color=PALETTE.tangent,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        summary_card = get_card(summary, color=PALETTE.tangent)
        summary_card.next_to(formula, DOWN, buff=0.6, aligned_edge=LEFT)
        _fit_left_of(summary_card, limit)
        tag(summary_card, "x0", "x_exercise", "f")
        self.add(tangent_mob, p_dot, p_label)
        self.narrate(
            "Delta method: shrink delta x until the secant's slope stops changing."
            f" Slope {_num(tangent.slope)} at x = {x_p:g} and slope {_num(flat.slope)} at"
            f" x = {x_v:g}. Next, a formula that gives the slope at any x.",
            FadeIn(summary_card),
            Create(tangent_mob),
            FadeIn(p_dot),
            FadeIn(p_label),
            hold=1.5,
        )
        self.wait()
