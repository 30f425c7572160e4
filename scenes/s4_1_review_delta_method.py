"""4.1 The Delta Method (review).

Learning goal: recall, briskly, how the delta method finds a slope: on
f(x) = x^2 + 2x + 2 at P = (2, 10) the secant slopes 9 -> 6.1 -> 6.000001
converge to the tangent slope 6, which the formula f'(x) = 2x + 2 confirms.
Reuses the factories of ``scenes.common.delta_parts``; numbers from
``mathkit.differentiation``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Create,
    FadeIn,
    FadeOut,
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
from scenes.common.mobjects import get_card, get_tex, get_title
from scenes.common.numbers import fmt
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES


class ReviewDeltaMethod(LectureScene):
    """Beats: title, setup, secants, tangent, summary."""

    def construct(self) -> None:
        forms = derivative_forms(RUNNING_FUNCTION)
        x_p, y_p = DELTA_POINT_X, running(DELTA_POINT_X)
        dxs = (*(q - x_p for q in DELTA_Q_XS), DELTA_DX_SMALL)
        steps = delta_sequence(running, x_p, dxs)

        # -- title -----------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "Review: The Delta Method", subtitle="Secant slopes close in on the tangent"
        )
        self.narrate(
            "First, a quick review of the delta method from Calculus I.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- setup -------------------------------------------------------------------
        self.beat("setup")
        axes = get_running_axes(height=4.9)
        axes.to_edge(RIGHT, buff=EDGE_BUFF + 0.15).to_edge(DOWN, buff=EDGE_BUFF + 0.1)
        curve = get_running_curve(axes)
        formula = get_tex(rf"f(x) = {forms.f_latex}", color=PALETTE.curve)
        formula.next_to(title, DOWN, buff=0.5).to_edge(LEFT, buff=EDGE_BUFF + 0.2)
        p_dot = get_point(axes, x_p, y_p)
        p_label = get_point_label(p_dot, "P")
        p_coords = get_tex(
            rf"P = ({x_p:g},\ {y_p:g})", size=SIZES.tex_small, color=PALETTE.point
        )
        p_coords.next_to(formula, DOWN, buff=0.35, aligned_edge=LEFT)
        self.caption(
            f"The running function again, and the point P = ({x_p:g}, {y_p:g}) where we want the slope."
        )
        self.play(Create(axes), Write(formula), Create(curve))
        self.play(FadeIn(p_dot, scale=1.5), FadeIn(p_label), Write(p_coords))
        self.hold()

        # -- secants ----------------------------------------------------------------------
        self.beat("secants")
        ladder = get_slope_ladder([(s.dx, s.slope) for s in steps])
        ladder.next_to(p_coords, DOWN, buff=0.5, aligned_edge=LEFT)
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
                ).next_to(p_coords, RIGHT, buff=0.6)
                self.play(Create(group.line), FadeIn(group.q_dot))
                self.play(Create(legs), FadeIn(leg_labels), FadeIn(rise_run))
                self.play(FadeIn(row))
                self.wait(0.6)
                self.play(FadeOut(legs), FadeOut(leg_labels), FadeOut(rise_run))
            else:
                self.play(
                    ReplacementTransform(shown.line, group.line),
                    ReplacementTransform(shown.q_dot, group.q_dot),
                    FadeIn(row),
                )
            shown = group
            self.wait(0.6)
        self.hold()
        self.caption(
            "With delta x at "
            + ", ".join(f"{s.dx:g}" for s in steps[:-1])
            + f" and {steps[-1].dx:g}, the slopes are "
            + ", then ".join(fmt(s.slope) for s in steps)
            + f": they converge to {tangent_line(RUNNING_FUNCTION, x_p).slope:g}."
        )
        self.hold()

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
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        result_card = get_card(result, color=PALETTE.tangent)
        result_card.next_to(ladder, DOWN, buff=0.5, aligned_edge=LEFT)
        self.caption(
            f"The limit is the tangent, {tangent.latex.replace(' ', '')}. The derivative formula"
            f" {plain(forms.first)} gives the same slope, {tangent.slope:g}, in one step."
        )
        assert shown is not None  # the ladder has at least one step
        self.play(ReplacementTransform(shown.line, tangent_mob), FadeOut(shown.q_dot))
        self.play(FadeIn(result_card, shift=DOWN * 0.2))
        self.hold()

        # -- summary ---------------------------------------------------------------------------
        self.beat("summary")
        definition = get_card(
            get_tex(
                r"\frac{dy}{dx} = \lim_{\Delta x \to 0} \frac{f(x + \Delta x) - f(x)}{\Delta x}",
                size=SIZES.tex_small,
                color=PALETTE.tangent,
            ),
            color=PALETTE.tangent,
        ).move_to(ladder, aligned_edge=LEFT)
        self.narrate(
            "Written as one equation, that limit is the derivative: dy by dx is the limit of"
            " the difference quotient as delta x goes to zero.",
            FadeOut(ladder),
            FadeIn(definition),
        )
        self.caption(
            "Numerical slopes from shrinking secants, exact slopes from the derivative:"
            " both ideas carry straight into machine learning gradients."
        )
        self.hold(1.5)
        self.wait()
