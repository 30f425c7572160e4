"""6.4 Calculating Integrals Manually.

Learning goal: read a definite integral as the area under a curve, watch left and
right Riemann sums of x/2 on [1, 2] close in on that area as the rectangles get
thinner, then get the exact area 3/4 from an antiderivative by the power rule, and
do the course's second example, the integral of 2x from 3 to 4 = 7. Every number
and every rectangle comes from ``mathkit.integrate``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    ChangeDecimalToValue,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    ReplacementTransform,
    SurroundingRectangle,
    Transform,
    VGroup,
    Write,
)

from mathkit.data import INTEGRAL_EXAMPLES, RIEMANN_NS
from mathkit.expr import plain
from mathkit.integrate import (
    antiderivative,
    definite_integral,
    integrand_function,
    riemann_sum,
)
from scenes.common.base import LectureScene
from scenes.common.integral_parts import get_readout, get_riemann_bars
from scenes.common.mobjects import (
    get_axes,
    get_card,
    get_graph,
    get_tex,
    get_text,
    get_title,
)
from scenes.common.numbers import fmt
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES


def _num(value: float) -> str:
    """A sum for narration: at most 4 decimals, no float noise (0.7250000001 -> 0.725)."""
    return fmt(round(value, 4), significant=6)


class IntegralsManually(LectureScene):
    """Beats: title, area, riemann, midpoint, power-rule, evaluate, second-example, summary."""

    def construct(self) -> None:
        (text, a, b), (text2, a2, b2) = INTEGRAL_EXAMPLES
        f = integrand_function(text)
        exact = definite_integral(text, a, b)
        steps = {s.label: s.latex for s in exact.steps()}

        # -- title ----------------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "Calculating Integrals Manually", subtitle="Area under a curve, exactly"
        )
        self.narrate(
            "An integral adds up the area under a curve. Let's compute one by hand.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- area -----------------------------------------------------------------------
        self.beat("area")
        axes = get_axes(
            [0, 2.5, 0.5], [0, 1.25, 0.25], width=6.4, height=4.4, decimals=2
        )
        axes.to_edge(LEFT, buff=EDGE_BUFF + 0.3).to_edge(DOWN, buff=EDGE_BUFF + 0.2)
        curve = get_graph(axes, lambda v: float(f(v)), x_range=[0, 2.5])
        curve_label = get_tex(
            r"y = \frac{x}{2}", size=SIZES.tex_small, color=PALETTE.curve
        )
        curve_label.next_to(axes.c2p(2.5, float(f(2.5))), LEFT, buff=0.3).shift(
            UP * 0.35
        )
        area = axes.get_area(curve, x_range=[a, b], color=PALETTE.area, opacity=0.45)
        question = get_tex(steps["integral"], "= ?", size=SIZES.tex)
        question.next_to(axes, RIGHT, buff=0.7).align_to(axes, UP)
        self.caption(
            f"The course example: the area under y = {plain(exact.integrand)},"
            f" between x = {a:g} and x = {b:g}."
        )
        self.play(Create(axes), Create(curve), FadeIn(curve_label))
        self.play(FadeIn(area), Write(question))
        self.hold()

        # -- riemann --------------------------------------------------------------------
        self.beat("riemann")
        n0 = RIEMANN_NS[0]
        left = riemann_sum(text, a, b, n0, "left")
        right = riemann_sum(text, a, b, n0, "right")
        right_bars = get_riemann_bars(axes, right, color=PALETTE.secant, opacity=0.35)
        left_bars = get_riemann_bars(axes, left, color=PALETTE.area, opacity=0.75)
        n_readout = get_readout("rectangles  n =", n0, decimals=0)
        left_readout = get_readout("left sum", left.value, color=PALETTE.area)
        right_readout = get_readout("right sum", right.value, color=PALETTE.secant)
        readouts = VGroup(n_readout, left_readout, right_readout).arrange(
            DOWN, aligned_edge=LEFT, buff=0.35
        )
        for row in readouts[1:]:
            row.number.align_to(n_readout.number, LEFT)
        panel = get_card(readouts, buff=0.3)
        panel.next_to(question, DOWN, buff=0.6).align_to(question, LEFT)
        self.caption(
            f"Approximate it with {n0} rectangles. Left rectangles take their height at the"
            " left edge and sit under the line."
        )
        self.play(FadeOut(area), FadeIn(left_bars, lag_ratio=0.15))
        self.play(FadeIn(panel[0]), FadeIn(n_readout), FadeIn(left_readout))
        self.hold()
        self.caption(
            f"Right rectangles overshoot. The true area lies between {_num(left.value)}"
            f" and {_num(right.value)}."
        )
        self.play(FadeIn(right_bars, lag_ratio=0.15), FadeIn(right_readout))
        self.bring_to_front(left_bars)
        self.hold()

        for n in RIEMANN_NS[1:]:
            left = riemann_sum(text, a, b, n, "left")
            right = riemann_sum(text, a, b, n, "right")
            new_left = get_riemann_bars(axes, left, color=PALETTE.area, opacity=0.75)
            new_right = get_riemann_bars(
                axes, right, color=PALETTE.secant, opacity=0.35
            )
            self.caption(
                f"With {n} thinner rectangles: left {_num(left.value)}, right {_num(right.value)}."
            )
            self.play(
                ReplacementTransform(left_bars, new_left),
                ReplacementTransform(right_bars, new_right),
                ChangeDecimalToValue(n_readout.number, n),
                ChangeDecimalToValue(left_readout.number, left.value),
                ChangeDecimalToValue(right_readout.number, right.value),
                run_time=2,
            )
            self.bring_to_front(new_left)
            left_bars, right_bars = new_left, new_right
            self.hold()
        self.narrate(
            f"The gap shrinks as the rectangles thin out: both sums close in on {_num(exact.value)}.",
            Indicate(panel, color=PALETTE.tangent, scale_factor=1.04),
        )

        # -- midpoint -------------------------------------------------------------------
        self.beat("midpoint")
        mid = riemann_sum(text, a, b, n0, "midpoint")
        mid_bars = get_riemann_bars(axes, mid, color=PALETTE.tangent, opacity=0.6)
        mid_readout = get_readout("midpoint sum", mid.value, color=PALETTE.tangent)
        mid_readout.move_to(left_readout, aligned_edge=LEFT)
        mid_readout.number.align_to(n_readout.number, LEFT)
        mid_panel = get_card(VGroup(n_readout.copy(), mid_readout.copy()), buff=0.3)
        self.narrate(
            f"Midpoint rectangles, even just {n0} of them, hit it exactly: on a straight line"
            " the bit each one misses equals the bit it adds.",
            FadeOut(left_bars),
            FadeOut(right_bars),
            FadeIn(mid_bars, lag_ratio=0.15),
            ChangeDecimalToValue(n_readout.number, n0),
            FadeOut(left_readout),
            FadeOut(right_readout),
            Transform(panel[0], mid_panel[0]),
            FadeIn(mid_readout),
        )

        # -- power rule -----------------------------------------------------------------
        self.beat("power-rule")
        self.play(
            *[
                FadeOut(m)
                for m in (
                    axes,
                    curve,
                    curve_label,
                    mid_bars,
                    panel[0],
                    n_readout,
                    mid_readout,
                    question,
                )
            ]
        )
        rule = get_tex(r"\int x^n\,dx = \frac{x^{n+1}}{n+1} + C", size=SIZES.tex)
        rule_note = get_text(
            "power rule  (n ≠ −1)", size=SIZES.small, color=PALETTE.subtle
        )
        rule_group = VGroup(rule, rule_note).arrange(DOWN, buff=0.2)
        rule_card = get_card(rule_group, color=PALETTE.tangent)
        rule_card.next_to(title, DOWN, buff=0.4).to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        self.narrate(
            "For the exact area, undo differentiation. The power rule for integrals raises"
            " the power by one and divides by the new power.",
            FadeIn(rule_card),
        )
        first_anti = antiderivative(text)
        anti = first_anti.steps()
        lines = get_tex(*[s.latex for s in anti], size=SIZES.tex_small)
        lines.next_to(rule_card, DOWN, buff=0.5).align_to(rule_card, LEFT)
        self.caption(
            f"Pull the constant {plain(first_anti.terms[0].coeff)} out front, apply the power"
            f" rule to x, and simplify: the antiderivative is {plain(first_anti.result)}."
        )
        for part in lines:
            self.play(Write(part), run_time=1.0)
        self.hold()

        # -- evaluate -------------------------------------------------------------------
        self.beat("evaluate")
        working = get_tex(
            steps["integral"],
            steps["bracket"],
            steps["difference"],
            steps["value"],
            size=SIZES.tex,
        )
        working.next_to(lines, DOWN, buff=0.6).align_to(rule_card, LEFT)
        self.narrate(
            "Now evaluate it at the bounds and subtract: the top bound minus the bottom bound.",
            Write(working[0]),
            Write(working[1]),
        )
        self.caption(
            f"That is {_num(float(exact.upper))} minus {_num(float(exact.lower))},"
            f" exactly {_num(exact.value)}: where the rectangles were heading."
        )
        self.play(Write(working[2]))
        self.play(Write(working[3]))
        box = SurroundingRectangle(working[3][1:], color=PALETTE.tangent, buff=0.12)
        self.play(Create(box))
        self.hold()

        # -- second example --------------------------------------------------------------
        self.beat("second-example")
        self.play(*[FadeOut(m) for m in (lines, working, box, rule_card)])
        second = definite_integral(text2, a2, b2)
        steps2 = [s.latex for s in second.steps()]
        second_anti = antiderivative(text2)
        anti2 = second_anti.steps()
        anti2_lines = get_tex(*[s.latex for s in anti2], size=SIZES.tex_small)
        anti2_lines.next_to(title, DOWN, buff=0.9).to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        working2 = get_tex(*steps2, size=SIZES.tex)
        working2.next_to(anti2_lines, DOWN, buff=0.8).align_to(anti2_lines, LEFT)
        self.narrate(
            f"The course's second example: {text2} from {a2:g} to {b2:g}."
            f" By the power rule, the antiderivative of {text2} is {plain(second_anti.result)}.",
            FadeIn(anti2_lines, lag_ratio=0.3),
        )
        self.caption(
            f"So the integral is {_num(float(second.upper))} minus"
            f" {_num(float(second.lower))}, which is {_num(second.value)}."
        )
        for part in working2:
            self.play(Write(part), run_time=0.9)
        box2 = SurroundingRectangle(working2[-1][1:], color=PALETTE.tangent, buff=0.12)
        self.play(Create(box2))
        self.hold()

        # -- summary ---------------------------------------------------------------------
        self.beat("summary")
        self.play(FadeOut(anti2_lines), FadeOut(box2), FadeOut(working2))
        summary = VGroup(
            get_tex(steps["integral"], steps["value"], size=SIZES.tex),
            get_tex(steps2[0], steps2[-1], size=SIZES.tex),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.5)
        takeaway = get_text(
            "Area = F(b) − F(a), for any antiderivative F",
            size=SIZES.body,
            color=PALETTE.tangent,
        )
        block = VGroup(summary, takeaway).arrange(DOWN, buff=0.8)
        block.next_to(title, DOWN, buff=0.9)
        block.set_x(0)
        self.caption(
            "Rectangles approximate the area; the antiderivative gives it exactly,"
            " as F of b minus F of a."
        )
        self.play(FadeIn(summary, lag_ratio=0.3))
        self.play(FadeIn(takeaway, shift=UP * 0.2))
        self.hold(1.5)
        self.wait()
