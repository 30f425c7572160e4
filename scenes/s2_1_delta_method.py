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

from mathkit.data import (
    DELTA_DX_SMALL,
    DELTA_POINT_X,
    DELTA_Q_XS,
    RUNNING_FUNCTION,
    VERTEX_X,
)
from mathkit.differentiation import delta_sequence, secant_line, tangent_line
from mathkit.expr import latex, parse
from scenes.common.base import LectureScene
from scenes.common.delta_parts import (
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
    running,
)
from scenes.common.mobjects import get_card, get_tex, get_text, get_title
from scenes.common.numbers import fmt as _num
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES


class DeltaMethod(LectureScene):
    """Beats: title, curve, far-secant, near-secant, slide, tangent, vertex, summary."""

    def construct(self) -> None:
        f_tex = latex(parse(RUNNING_FUNCTION))
        x_p = DELTA_POINT_X
        y_p = running(x_p)

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
        axes = get_running_axes()
        axes.to_edge(RIGHT, buff=EDGE_BUFF + 0.15).to_edge(DOWN, buff=EDGE_BUFF + 0.1)
        curve = get_running_curve(axes)
        formula = get_tex(rf"f(x) = {f_tex}", color=PALETTE.curve)
        formula.next_to(title, DOWN, buff=0.5).to_edge(LEFT, buff=EDGE_BUFF + 0.2)
        self.caption(
            f"Take the course's running function, f of x equals {RUNNING_FUNCTION}."
        )
        self.play(Create(axes), Write(formula))
        self.play(Create(curve), run_time=1.5)
        self.hold()

        p_dot = get_point(axes, x_p, y_p)
        p_label = get_point_label(p_dot, "P")
        p_coords = get_tex(
            rf"P = ({x_p:g},\ {y_p:g})", size=SIZES.tex_small, color=PALETTE.point
        )
        p_coords.next_to(formula, DOWN, buff=0.4, aligned_edge=LEFT)
        self.narrate(
            f"We want the slope at P, where x = {x_p:g} and f({x_p:g}) = {y_p:g}.",
            FadeIn(p_dot, scale=1.5),
            FadeIn(p_label),
            Write(p_coords),
        )

        # -- far-secant --------------------------------------------------------------
        self.beat("far-secant")
        far = secant_line(running, x_p, DELTA_Q_XS[0])
        far_group = get_secant_group(axes, far)
        legs = get_leg_labels(far_group)
        q_label = get_point_label(far_group.q_dot, "Q")
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
        self.caption(
            f"Its slope is rise over run: delta y = {_num(far.dy)} over delta x = {_num(far.dx)},"
            f" which is {_num(far.slope)}."
        )
        self.play(Create(far_group.legs), FadeIn(legs))
        self.play(Write(work[0]))
        self.hold()
        self.narrate(
            f"Through Q, the intercept is b = {_num(far.intercept)}. But a slope of"
            f" {_num(far.slope)} is far too steep for the curve at P.",
            Write(work[1]),
        )

        # -- near-secant -----------------------------------------------------------------
        self.beat("near-secant")
        near = secant_line(running, x_p, DELTA_Q_XS[1])
        near_group = get_secant_group(axes, near, legs=False)
        near_work = VGroup(
            get_tex(
                rf"m = \frac{{{_num(near.dy, 2)}}}{{{_num(near.dx, 2)}}} = {_num(near.slope, 2)}",
                color=PALETTE.secant,
            ),
            get_tex(rf"b = {_num(near.intercept, 2)}", size=SIZES.tex_small),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        near_work.move_to(work, aligned_edge=UL)
        q_near = get_tex(
            rf"Q = ({_num(near.x2, 2)},\ {_num(near.y2, 2)})",
            size=SIZES.tex_small,
            color=PALETTE.point,
        ).next_to(p_coords, RIGHT, buff=0.6)
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
        live = get_tracked_secant(axes, x_p, log_dx)
        readouts = get_tracked_readouts(x_p, log_dx)
        readouts.next_to(p_coords, DOWN, buff=0.5, aligned_edge=LEFT)
        readout_card = get_card(readouts, color=PALETTE.secant)
        self.remove(near_group.line, near_group.q_dot)
        self.add(live)
        self.narrate(
            "Keep going. Slide Q toward P and watch delta x and the slope m as they update.",
            FadeOut(near_work),
            FadeOut(q_near),
            FadeIn(readout_card),
        )
        self.narrate(
            f"By delta x = {DELTA_DX_SMALL:g}, a millionth, Q is almost on top of P,"
            f" and the slope has settled on {_num(secant_line(running, x_p, x_p + DELTA_DX_SMALL).slope, 5)}.",
            log_dx.animate.set_value(math.log10(DELTA_DX_SMALL)),
            run_time=6,
            rate_func=linear,
        )

        # -- tangent --------------------------------------------------------------------------------
        self.beat("tangent")
        tangent = tangent_line(RUNNING_FUNCTION, x_p)
        tangent_mob = get_tangent(axes, tangent)
        tangent_tex = get_tex(tangent.latex, color=PALETTE.tangent)
        slope_note = get_text(
            f"slope at P = {_num(tangent.slope)}",
            size=SIZES.label,
            color=PALETTE.tangent,
        )
        result = VGroup(tangent_tex, slope_note).arrange(
            DOWN, aligned_edge=LEFT, buff=0.3
        )
        result.next_to(readout_card, DOWN, buff=0.5, aligned_edge=LEFT)
        live.clear_updaters()
        self.caption(
            f"In the limit the secant becomes the tangent line {tangent.latex.replace(' ', '')},"
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
        y_v = running(VERTEX_X)
        v_dot = get_point(axes, VERTEX_X, y_v)
        v_label = get_point_label(v_dot, "P", direction=UP)
        v_coords = get_tex(
            rf"P = ({VERTEX_X:g},\ {y_v:g})", size=SIZES.tex_small, color=PALETTE.point
        ).next_to(formula, DOWN, buff=0.4, aligned_edge=LEFT)
        self.narrate(
            f"Exercise: the same method at the bottom of the curve, P = ({VERTEX_X:g}, {y_v:g}).",
            FadeIn(v_dot, scale=1.5),
            FadeIn(v_label),
            Write(v_coords),
        )

        steps = delta_sequence(running, VERTEX_X, (1.0, 0.1, DELTA_DX_SMALL))
        ladder = get_slope_ladder([(s.dx, s.slope) for s in steps])
        ladder.next_to(v_coords, DOWN, buff=0.5, aligned_edge=LEFT)
        self.caption(
            f"Shrink delta x from {_num(steps[0].dx)} to {_num(steps[1].dx)} to {steps[-1].dx:g}."
            " The secant slopes fall: "
            + ", then ".join(_num(s.slope) for s in steps)
            + "."
        )
        secant_mob = None
        for step, row in zip(steps, ladder, strict=True):
            group = get_secant_group(
                axes, secant_line(running, VERTEX_X, step.q_x), legs=False
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

        flat = tangent_line(RUNNING_FUNCTION, VERTEX_X)
        flat_mob = get_tangent(axes, flat)
        flat_tex = get_tex(
            rf"m = {_num(flat.slope)}, \quad {flat.latex}", color=PALETTE.tangent
        ).next_to(ladder, DOWN, buff=0.5, aligned_edge=LEFT)
        self.narrate(
            f"The slope goes to {_num(flat.slope)}: at the vertex the tangent is flat,"
            f" the horizontal line {flat.latex.replace(' ', '')}.",
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
                rf"x = {VERTEX_X:g}:\ \text{{slope}}\ {_num(flat.slope)}",
                color=PALETTE.tangent,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        summary_card = get_card(summary, color=PALETTE.tangent)
        summary_card.next_to(formula, DOWN, buff=0.6, aligned_edge=LEFT)
        self.add(tangent_mob, p_dot, p_label)
        self.narrate(
            "Delta method: shrink delta x until the secant's slope stops changing."
            f" Slope {_num(tangent.slope)} at x = {x_p:g} and slope {_num(flat.slope)} at"
            f" x = {VERTEX_X:g}. Next, a formula that gives the slope at any x.",
            FadeIn(summary_card),
            Create(tangent_mob),
            FadeIn(p_dot),
            FadeIn(p_label),
            hold=1.5,
        )
        self.wait()
