"""4.1 The Delta Method (review).

Learning goal: recall, briskly, how the delta method finds a slope: on
f(x) = x^2 + 2x + 2 at P = (2, 10) the secant slopes 9 -> 6.1 -> 6.000001
converge to the tangent slope 6, which the formula f'(x) = 2x + 2 confirms.
Reuses the factories of ``scenes.common.delta_parts``; numbers from
``mathkit.differentiation``.
"""

from __future__ import annotations

import math

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    ReplacementTransform,
    VGroup,
    Write,
)

from mathkit.data import DELTA_DX_SMALL, DELTA_POINT_X, DELTA_Q_XS, RUNNING_FUNCTION
from mathkit.differentiation import (
    delta_sequence,
    derivative_forms,
    secant_line,
    tangent_line,
)
from mathkit.expr import plain
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
    running,
)
from scenes.common.mobjects import get_card, get_tex
from scenes.common.numbers import fmt, line_equation
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE, SUBTITLE_ZONE


def spoken_delta(dx: float) -> str:
    """A step as a subtitle says it: "one millionth" for 10^-6, else plain (0.1)."""
    names = {-3: "one thousandth", -6: "one millionth", -9: "one billionth"}
    exponent = round(math.log10(dx)) if dx > 0 else 0
    if dx > 0 and abs(math.log10(dx) - exponent) < 1e-9 and exponent in names:
        return names[exponent]
    return fmt(dx)


class ReviewDeltaMethod(LectureScene):
    """Beats: title, setup, secants, tangent, summary."""

    def construct(self) -> None:
        forms = derivative_forms(RUNNING_FUNCTION)
        x_p, y_p = DELTA_POINT_X, running(DELTA_POINT_X)
        dxs = (*(q - x_p for q in DELTA_Q_XS), DELTA_DX_SMALL)
        steps = delta_sequence(running, x_p, dxs)

        # -- title -----------------------------------------------------------------
        axes = get_running_axes(height=4.6)
        axes.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.small).to_edge(
            DOWN, buff=SUBTITLE_ZONE
        )
        curve = get_running_curve(axes)
        title = self.opening(
            [Create(axes), Create(curve)],
            "First, a quick review of the delta method from Calculus I.",
        )

        # -- setup -------------------------------------------------------------------
        self.beat("setup")
        formula = get_tex(rf"f(x) = {forms.f_latex}", color=PALETTE.curve)
        formula.next_to(title, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.small
        )
        p_dot = get_point(axes, x_p, y_p)
        p_label = get_point_label(p_dot, "P")
        p_coords = get_tex(
            rf"P = ({x_p:g},\ {y_p:g})", size=SIZES.tex_small, color=PALETTE.point
        )
        p_coords.next_to(formula, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        self.caption(
            f"The running function again, and the point P = ({x_p:g}, {y_p:g}) where we want the slope."
        )
        self.play(
            Write(formula),
            FadeIn(p_dot, scale=1.5),
            FadeIn(p_label),
            Write(p_coords),
            lag_ratio=0.3,
            run_time=self._fill_time(),
        )
        self.hold()

        # -- secants ----------------------------------------------------------------------
        self.beat("secants")
        ladder = get_slope_ladder([(s.dx, s.slope) for s in steps])
        ladder.next_to(p_coords, DOWN, buff=SPACE.large, aligned_edge=LEFT)
        self.caption(
            "Draw the secant to a second point Q and take its slope, rise over run."
            " Then move Q closer, and closer again."
        )
        shown = None
        for step, row in zip(steps, ladder, strict=True):
            group = get_secant_group(
                axes, secant_line(running, x_p, step.q_x), legs=False
            )
            if shown is None:
                first = secant_line(running, x_p, step.q_x)
                with_legs = get_secant_group(axes, first)
                legs, leg_labels = with_legs.legs, get_leg_labels(with_legs)
                rise_run = get_tex(
                    rf"m = \frac{{\Delta y}}{{\Delta x}} = \frac{{{first.dy:g}}}{{{first.dx:g}}}",
                    size=SIZES.tex_small,
                    color=PALETTE.secant,
                ).next_to(p_coords, RIGHT, buff=SPACE.large)
                q_label = get_point_label(group.q_dot, "Q")
                self.play(Create(group.line), FadeIn(group.q_dot), FadeIn(q_label))
                self.play(Create(legs), FadeIn(leg_labels), FadeIn(rise_run))
                self.play(FadeIn(row))
                self.wait(0.6)
                self.play(FadeOut(legs), FadeOut(leg_labels), FadeOut(rise_run))
            else:
                self.play(
                    ReplacementTransform(shown.line, group.line),
                    ReplacementTransform(shown.q_dot, group.q_dot),
                    FadeOut(q_label),
                    FadeIn(row),
                    run_time=1.5,
                )
            shown = group
            self.wait(0.6)
        self.narrate(
            "With delta x at "
            + ", ".join(f"{s.dx:g}" for s in steps[:-1])
            + f" and {spoken_delta(steps[-1].dx)}, the slopes are "
            + ", then ".join(fmt(s.slope) for s in steps)
            + f": they converge to {tangent_line(RUNNING_FUNCTION, x_p).slope:g}.",
            LaggedStart(
                *[Indicate(row, color=PALETTE.secant) for row in ladder], lag_ratio=0.6
            ),
            fill=True,
        )

        # -- tangent ------------------------------------------------------------------------
        self.beat("tangent")
        tangent = tangent_line(RUNNING_FUNCTION, x_p)
        tangent_mob = get_tangent(axes, tangent)
        result = VGroup(
            get_tex(tangent.latex, color=PALETTE.tangent),
            get_tex(
                rf"f'(x) = {forms.first_latex},\quad f'({x_p:g}) = {tangent.slope:g}",
                size=SIZES.tex_small,
                color=PALETTE.tangent,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        result_card = get_card(result, color=PALETTE.tangent)
        result_card.next_to(ladder, DOWN, buff=SPACE.small, aligned_edge=LEFT)
        self.caption(
            f"The limit is the tangent, {line_equation(tangent.slope, tangent.intercept)}. The derivative formula"
            f" {plain(forms.first)} gives the same slope, {tangent.slope:g}, in one step."
        )
        assert shown is not None  # the ladder has at least one step
        self.play(
            ReplacementTransform(shown.line, tangent_mob),
            shown.q_dot.animate.move_to(p_dot),
            FadeIn(result_card, shift=DOWN * SPACE.small),
            lag_ratio=0.3,
            run_time=self._fill_time(),
        )
        self.play(FadeOut(shown.q_dot), run_time=0.3)
        self.hold()

        # -- summary ---------------------------------------------------------------------------
        self.beat("summary")
        definition = get_card(
            get_tex(
                r"\frac{dy}{dx} = \lim_{\Delta x \to 0} \frac{f(x + \Delta x) - f(x)}{\Delta x}",
                size=SIZES.tex,
                color=PALETTE.tangent,
            ),
            color=PALETTE.tangent,
        ).move_to(ladder, aligned_edge=LEFT)
        room = axes.get_left()[0] - SPACE.tight - definition.get_left()[0]
        if definition.width > room:
            definition.scale_to_fit_width(room).align_to(ladder, LEFT)
        self.narrate(
            "Written as one equation, that limit is the derivative: dy by dx is the limit of"
            " the difference quotient as delta x goes to zero.",
            FadeOut(ladder),
            FadeIn(definition),
            fill=True,
        )
        self.narrate(
            "Numerical slopes from shrinking secants, exact slopes from the derivative:"
            " both ideas carry straight into machine learning gradients.",
            Indicate(tangent_mob, color=PALETTE.tangent),
            Indicate(result_card, color=PALETTE.tangent),
            fill=True,
            hold=1.5,
        )
        self.wait()
