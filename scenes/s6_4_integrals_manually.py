"""6.4 Calculating Integrals Manually.

Learning goal: read a definite integral as the area under a curve, watch left and
right Riemann sums of x/2 on [1, 2] close in on that area as the rectangles get
thinner, see why the midpoint rule is exact on a line (the bit each rectangle
misses equals the bit it adds), then get the exact area 3/4 from an
antiderivative by the power rule and land it on the shaded area; and do the
course's second example, the integral of 2x from 3 to 4 = 7, checked against the
trapezoid it is. Every number and every rectangle comes from ``mathkit.integrate``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
    LaggedStart,
    Line,
    Polygon,
    ReplacementTransform,
    Transform,
    VGroup,
    VMobject,
    Write,
)

from mathkit.data import RIEMANN_NS
from mathkit.expr import latex
from mathkit.integrate import (
    antiderivative,
    definite_integral,
    integrand_function,
    riemann_sum,
    trapezoid,
)
from mathkit.plotting import AxisRange, decimals_for
from scenes.common.base import LectureScene
from scenes.common.integral_parts import (
    get_midpoint_slivers,
    get_readout,
    get_riemann_bars,
    readable_axis_labels,
)
from scenes.common.math_text import expr_text
from scenes.common.mobjects import (
    get_axes,
    get_card,
    get_clipped_graph,
    get_tex,
    get_text,
    path_points,
    place_clear_of_points,
    stage_box,
)
from scenes.common.numbers import fmt
from scenes.common.params import tag
from scenes.common.schemas_integrals import IntegralsManuallyParams
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE, SUBTITLE_ZONE


def _num(value: float) -> str:
    """A sum for narration: at most 4 decimals, no float noise (0.7250000001 -> 0.725)."""
    return fmt(round(value, 4), significant=6)


GRAPH_W, GRAPH_H = 5.6, 3.8
"""Size of the plot: it sits on the left, then beside the working on the right."""


def _decimals(x_range: AxisRange, y_range: AxisRange) -> int | None:
    """Tick decimals for both axes, if a step needs two or more (else per axis)."""
    places = max(decimals_for(x_range[2]), decimals_for(y_range[2]))
    return places if places > 1 else None


def _flow(parts: list[str], room: float, *, size: int = SIZES.tex_small) -> VGroup:
    """The working steps as formulas set left to right, wrapping into rows ``room`` wide.

    Part i stays ``group[i]`` (for writing step by step); a continued row is indented.
    Nothing is scaled, so the formulas keep their size.
    """
    group = VGroup(*[get_tex(part, size=size) for part in parts])
    rows: list[list[VMobject]] = [[]]
    width = 0.0
    for mob in group:
        extra = mob.width + (SPACE.small if rows[-1] else 0.0)
        if rows[-1] and width + extra > room:
            rows.append([])
            width, extra = SPACE.large, mob.width
        rows[-1].append(mob)
        width += extra
    lines = VGroup(
        *[VGroup(*row).arrange(RIGHT, buff=SPACE.small) for row in rows]
    ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
    for line in lines[1:]:
        line.shift(RIGHT * SPACE.large)
    return group


def _place_clear_of_curve(
    label: VMobject, axes: Any, curve: VMobject, x_range: Sequence[float], top: float
) -> None:
    """Put ``label`` in a top corner of the plot (or top centre) the curve keeps out of.

    Top left under a rising curve, top right under a falling one, top centre over a
    valley such as a wide parabola; above the plot, at its right, if none is clear.
    """
    x0, x1 = float(x_range[0]), float(x_range[1])
    points = path_points([curve])
    rising = len(points) == 0 or points[0][1] <= points[-1][1]
    corners = [
        lambda m: m.next_to(axes.c2p(x0, top), RIGHT + DOWN, buff=SPACE.small),
        lambda m: m.next_to(axes.c2p(x1, top), LEFT + DOWN, buff=SPACE.small),
    ]
    place_clear_of_points(
        label,
        [
            *(corners if rising else corners[::-1]),
            lambda m: m.next_to(axes.c2p((x0 + x1) / 2, top), DOWN, buff=SPACE.small),
            lambda m: m.next_to(axes, UP, buff=SPACE.small).align_to(axes, RIGHT),
        ],
        points,
    )


def _is_linear(text: str) -> bool:
    """Whether every power term has power 0 or 1 (the midpoint rule is then exact)."""
    return all(t.power in (0, 1) for t in antiderivative(text).terms)


class IntegralsManually(LectureScene):
    """Beats: title, area, riemann, midpoint, power-rule, evaluate, second-example, summary.

    Parameters (``self.params``, :class:`scenes.common.schemas.IntegralsManuallyParams`):
    the two examples' integrands and bounds.
    """

    params_schema = IntegralsManuallyParams

    def construct(self) -> None:
        p: IntegralsManuallyParams = self.params
        text, a, b = p.integrand, p.a, p.b
        text2, a2, b2 = p.second_integrand, p.second_a, p.second_b
        course = p.is_course
        f = integrand_function(text)
        exact = definite_integral(text, a, b)
        steps = {s.label: s.latex for s in exact.steps()}
        fname = expr_text(exact.integrand)

        # -- title ----------------------------------------------------------------------
        axes = get_axes(
            p.x_range,
            p.y_range,
            width=GRAPH_W,
            height=GRAPH_H,
            decimals=_decimals(p.x_range, p.y_range),
        )
        readable_axis_labels(axes)
        axes.to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium).to_edge(
            DOWN, buff=SUBTITLE_ZONE + SPACE.tight
        )
        curve = get_clipped_graph(axes, lambda v: float(f(v)))
        curve_label = get_tex(
            f"y = {latex(exact.integrand)}", size=SIZES.tex_small, color=PALETTE.curve
        )
        _place_clear_of_curve(curve_label, axes, curve, p.x_range, p.y_range[1])
        tag(VGroup(axes, curve, curve_label), "integrand", "a", "b")
        self.opening(
            VGroup(axes, curve, curve_label),
            "An integral adds up the area under a curve. Let's compute one by hand.",
        )

        # -- area -----------------------------------------------------------------------
        self.beat("area")
        area = axes.get_area(curve, x_range=[a, b], color=PALETTE.area, opacity=0.45)
        question = get_tex(steps["integral"], "= ?", size=SIZES.tex)
        question.next_to(axes, RIGHT, buff=SPACE.large).align_to(axes, UP)
        tag(question, "integrand", "a", "b")
        self.narrate(
            ("The course example: the area" if course else "Your example: the area")
            + f" under y = {fname}, between x = {a:g} and x = {b:g}.",
            FadeIn(area),
            Write(question),
            fill=True,
        )

        # -- riemann --------------------------------------------------------------------
        self.beat("riemann")
        n0 = RIEMANN_NS[0]
        left = riemann_sum(text, a, b, n0, "left")
        right = riemann_sum(text, a, b, n0, "right")
        right_bars = get_riemann_bars(axes, right, color=PALETTE.secant, opacity=0.55)
        left_bars = get_riemann_bars(axes, left, color=PALETTE.area, opacity=0.85)
        n_readout = get_readout("rectangles  n =", n0, decimals=0)
        left_readout = get_readout("left sum", left.value, color=PALETTE.area)
        right_readout = get_readout("right sum", right.value, color=PALETTE.secant)
        readouts = VGroup(n_readout, left_readout, right_readout).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.medium
        )
        for row in readouts[1:]:
            row.number.align_to(n_readout.number, LEFT)
        panel = get_card(readouts, buff=SPACE.medium)
        panel.next_to(question, DOWN, buff=SPACE.large).align_to(question, LEFT)
        lo_word, hi_word = (
            ("under", "overshoot")
            if left.value <= right.value
            else ("over", "fall short")
        )
        self.narrate(
            f"Approximate it with {n0} rectangles. Left rectangles take their height at the"
            f" left edge and sit {lo_word} the curve.",
            FadeOut(area),
            FadeIn(left_bars, lag_ratio=0.15),
            FadeIn(panel[0]),
            FadeIn(n_readout),
            FadeIn(left_readout),
            fill=True,
        )
        lo, hi = sorted((left.value, right.value))
        self.narrate(
            f"Right rectangles {hi_word}. The true area lies between {_num(lo)}"
            f" and {_num(hi)}.",
            FadeIn(right_bars, lag_ratio=0.15),
            FadeIn(right_readout),
            fill=True,
        )
        self.bring_to_front(left_bars)

        for n in RIEMANN_NS[1:]:
            left = riemann_sum(text, a, b, n, "left")
            right = riemann_sum(text, a, b, n, "right")
            new_left = get_riemann_bars(axes, left, color=PALETTE.area, opacity=0.85)
            new_right = get_riemann_bars(
                axes, right, color=PALETTE.secant, opacity=0.55
            )
            self.narrate(
                f"With {n} thinner rectangles: left {_num(left.value)}, right {_num(right.value)}.",
                ReplacementTransform(left_bars, new_left),
                ReplacementTransform(right_bars, new_right),
                ChangeDecimalToValue(n_readout.number, n),
                ChangeDecimalToValue(left_readout.number, left.value),
                ChangeDecimalToValue(right_readout.number, right.value),
                fill=True,
            )
            self.bring_to_front(new_left)
            left_bars, right_bars = new_left, new_right
        self.narrate(
            f"The gap shrinks as the rectangles thin out: both sums close in on {_num(exact.value)}.",
            Indicate(panel, color=PALETTE.tangent, scale_factor=1.04),
            fill=True,
        )

        # -- midpoint -------------------------------------------------------------------
        self.beat("midpoint")
        mid = riemann_sum(text, a, b, n0, "midpoint")
        mid_bars = get_riemann_bars(axes, mid, color=PALETTE.tangent, opacity=0.35)
        slivers = get_midpoint_slivers(axes, lambda v: float(f(v)), mid)
        mid_readout = get_readout("midpoint sum", mid.value, color=PALETTE.tangent)
        mid_readout.move_to(left_readout, aligned_edge=LEFT)
        mid_readout.number.align_to(n_readout.number, LEFT)
        mid_panel = get_card(
            VGroup(n_readout.copy(), mid_readout.copy()), buff=SPACE.medium
        )
        key = VGroup(
            get_text("added", size=SIZES.small, color=PALETTE.secant),
            get_text("missed", size=SIZES.small, color=PALETTE.error),
        ).arrange(RIGHT, buff=SPACE.large)
        key.next_to(mid_panel, DOWN, buff=SPACE.medium).align_to(mid_panel, LEFT)
        self.narrate(
            f"Midpoint rectangles take their height at the middle of each slice. Here are {n0} of them.",
            FadeOut(left_bars),
            FadeOut(right_bars),
            FadeIn(mid_bars, lag_ratio=0.15),
            ChangeDecimalToValue(n_readout.number, n0),
            FadeOut(left_readout),
            FadeOut(right_readout),
            Transform(panel[0], mid_panel[0]),
            FadeIn(mid_readout),
            fill=True,
        )
        self.bring_to_front(curve)
        if _is_linear(text):
            said = (
                "On a straight line each rectangle adds a small triangle above the line"
                " and misses an equal one below it, so the midpoint sum is exact:"
                f" {_num(mid.value)}."
            )
        else:
            said = (
                "Each rectangle adds a sliver above the curve and misses one below it;"
                f" they nearly cancel, so the midpoint sum, {_num(mid.value)}, is close to"
                f" {_num(exact.value)}."
            )
        self.narrate(
            said,
            FadeIn(slivers.added, lag_ratio=0.2),
            FadeIn(slivers.missed, lag_ratio=0.2),
            FadeIn(key),
            fill=True,
        )

        # -- power rule -----------------------------------------------------------------
        self.beat("power-rule")
        graph = VGroup(axes, curve, curve_label)
        self.play(
            FadeOut(VGroup(mid_bars, slivers, key, panel[0], n_readout, mid_readout)),
            FadeOut(question),
        )
        self.play(graph.animate.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.small))
        area = axes.get_area(curve, x_range=[a, b], color=PALETTE.area, opacity=0.45)
        graph.add(area)
        self.play(FadeIn(area))
        rule = get_tex(r"\int x^n\,dx = \frac{x^{n+1}}{n+1} + C", size=SIZES.tex)
        rule_note = get_tex(
            r"\text{power rule}\ (n \neq -1)",
            size=SIZES.tex_small,
            color=PALETTE.subtle,
        )
        rule_group = VGroup(rule, rule_note).arrange(DOWN, buff=SPACE.small)
        rule_card = get_card(rule_group, color=PALETTE.tangent)
        rule_card.next_to(self.title, DOWN, buff=SPACE.medium).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        self.narrate(
            "For the exact area, undo differentiation: find a function whose derivative is"
            " the curve. The power rule for integrals raises the power by one and divides"
            " by the new power.",
            FadeIn(rule_card),
            fill=True,
        )
        first_anti = antiderivative(text)
        anti = first_anti.steps()
        gap = axes.get_left()[0] - SPACE.large
        room = gap - rule_card.get_left()[0]
        lines = _flow([s.latex for s in anti], room)
        lines.next_to(rule_card, DOWN, buff=SPACE.medium).align_to(rule_card, LEFT)
        floor = stage_box()[2]
        # A long antiderivative (a variant's sum of terms) does not fit under the
        # card: it takes the card's place, the rule having been read.
        card_gives_way = lines.get_bottom()[1] < floor
        if card_gives_way:
            lines.move_to(rule_card, aligned_edge=UP + LEFT)
            shown = [s.latex for s in anti]
            while lines.get_bottom()[1] < floor and len(shown) > 2:
                # the earliest intermediate step goes; the narration says it
                del shown[1]
                lines = _flow(shown, room).move_to(rule_card, aligned_edge=UP + LEFT)
        tag(lines, "integrand")
        coeffs = [t for t in first_anti.terms if abs(t.coeff) != 1]
        pulled = (
            f"Pull the constant {expr_text(coeffs[0].coeff)} out front, apply the power rule,"
            if len(first_anti.terms) == 1 and coeffs
            else "Split the sum, pull out the constants, apply the power rule,"
            if len(first_anti.terms) > 1
            else "Apply the power rule"
        )
        self.narrate(
            f"{pulled} and simplify: the antiderivative is {expr_text(first_anti.result)}.",
            *([FadeOut(rule_card)] if card_gives_way else []),
            LaggedStart(*[Write(part) for part in lines], lag_ratio=1.0),
            fill=True,
        )

        # -- evaluate -------------------------------------------------------------------
        self.beat("evaluate")
        working = _flow(
            [steps["integral"], steps["bracket"], steps["difference"], steps["value"]],
            room,
        )
        lifted = lines.copy().move_to(rule_card, aligned_edge=UP + LEFT)
        working.next_to(lifted, DOWN, buff=SPACE.large).align_to(rule_card, LEFT)
        tag(working, "integrand", "a", "b")
        if working.get_bottom()[1] < floor:
            # No room under the antiderivative: the bracket line repeats it, so the
            # evaluation takes its place.
            working.move_to(rule_card, aligned_edge=UP + LEFT)
            self.play(*([] if card_gives_way else [FadeOut(rule_card)]), FadeOut(lines))
            lines = VGroup()
        else:
            self.play(FadeOut(rule_card), Transform(lines, lifted))
        self.narrate(
            "The area is that antiderivative at the top bound minus at the bottom bound.",
            Write(working[0]),
            Write(working[1]),
            fill=True,
        )
        value = get_tex(latex(exact.exact), size=SIZES.tex, color=PALETTE.tangent)
        value.move_to(area.get_center())
        if value.width > 0.9 * area.width:
            value.next_to(area, UP, buff=SPACE.small)
        self.caption(
            f"That is {_num(float(exact.upper))} minus {_num(float(exact.lower))},"
            f" exactly {_num(exact.value)}: the shaded area, where the rectangles were heading."
        )
        whole = self._fill_time()
        self.play(
            LaggedStart(Write(working[2]), Write(working[3]), lag_ratio=0.6),
            run_time=whole / 2,
        )
        # then the value is flown from the working onto the area it measures
        flying = working[3].copy()
        flying.passing = True  # it crosses the working on purpose (the gate lets it)
        self.play(
            ReplacementTransform(flying, value),
            area.animate.set_fill(opacity=0.7),
            run_time=self._fill_time(),
        )
        self.hold()
        self.narrate(
            f"The antiderivative found the shaded area exactly: {_num(exact.value)}.",
            Indicate(value, color=PALETTE.tangent, scale_factor=1.3),
            Indicate(working[3], color=PALETTE.tangent),
            fill=True,
        )

        # -- second example --------------------------------------------------------------
        self.beat("second-example")
        second = definite_integral(text2, a2, b2)
        steps2 = [s.latex for s in second.steps()]
        second_anti = antiderivative(text2)
        anti2 = second_anti.steps()
        f2 = integrand_function(text2)
        x2, y2 = p.second_window()
        axes2 = get_axes(
            x2,
            y2,
            width=GRAPH_W,
            height=GRAPH_H,
            decimals=_decimals(x2, y2),
        )
        readable_axis_labels(axes2)
        axes2.move_to(axes.get_center())
        curve2 = get_clipped_graph(axes2, lambda v: float(f2(v)))
        area2 = axes2.get_area(
            curve2, x_range=[a2, b2], color=PALETTE.area, opacity=0.45
        )
        graph2 = VGroup(axes2, curve2, area2)
        tag(graph2, "second_integrand", "second_a", "second_b")
        self.play(
            FadeOut(VGroup(lines, working, value)),
            ReplacementTransform(graph, graph2),
        )
        anti2_lines = _flow([s.latex for s in anti2], room)
        anti2_lines.next_to(self.title, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        working2 = _flow(steps2, room)
        working2.next_to(anti2_lines, DOWN, buff=SPACE.large).align_to(
            anti2_lines, LEFT
        )
        tag(VGroup(anti2_lines, working2), "second_integrand", "second_a", "second_b")
        self.narrate(
            ("The course's second example: " if course else "Your second example: ")
            + f"{expr_text(second.integrand)} from {a2:g} to {b2:g}."
            f" By the power rule, its antiderivative is {expr_text(second_anti.result)}.",
            FadeIn(anti2_lines, lag_ratio=0.3),
            fill=True,
        )
        self.narrate(
            f"So the integral is {_num(float(second.upper))} minus"
            f" {_num(float(second.lower))}, which is {_num(second.value)}.",
            LaggedStart(*[Write(part) for part in working2], lag_ratio=1.0),
            fill=True,
        )
        if _is_linear(text2):
            ha, hb = float(f2(a2)), float(f2(b2))
            check = trapezoid(text2, a2, b2, 1)
            shape = Polygon(
                axes2.c2p(a2, 0),
                axes2.c2p(b2, 0),
                axes2.c2p(b2, hb),
                axes2.c2p(a2, ha),
                stroke_color=PALETTE.tangent,
                stroke_width=4,
                fill_opacity=0,
            )
            h_labels = VGroup(
                get_tex(_num(ha), size=SIZES.tex_small, color=PALETTE.tangent).next_to(
                    Line(axes2.c2p(a2, 0), axes2.c2p(a2, ha)), LEFT, buff=SPACE.tight
                ),
                get_tex(_num(hb), size=SIZES.tex_small, color=PALETTE.tangent).next_to(
                    Line(axes2.c2p(b2, 0), axes2.c2p(b2, hb)), RIGHT, buff=SPACE.tight
                ),
            )
            self.narrate(
                f"Check with the picture: the area is a trapezoid {_num(b2 - a2)} wide,"
                f" with heights {_num(ha)} and {_num(hb)}. Width times the average height"
                f" is {_num(check)}.",
                Create(shape),
                FadeIn(h_labels),
                Indicate(working2[-1], color=PALETTE.tangent),
                fill=True,
            )
            extra: VGroup = VGroup(shape, h_labels)
        else:
            extra = VGroup()
            self.narrate(
                f"That is the shaded area under the curve: {_num(second.value)}.",
                area2.animate.set_fill(opacity=0.7),
                Indicate(working2[-1], color=PALETTE.tangent),
                fill=True,
            )

        # -- summary ---------------------------------------------------------------------
        self.beat("summary")
        summary = VGroup(
            get_tex(steps["integral"], steps["value"], size=SIZES.tex),
            get_tex(steps2[0], steps2[-1], size=SIZES.tex),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        takeaway = get_tex(
            r"\text{Area} = F(b) - F(a)", size=SIZES.tex, color=PALETTE.tangent
        )
        takeaway_note = get_text(
            "for any antiderivative F", size=SIZES.small, color=PALETTE.subtle
        )
        block = VGroup(
            summary, VGroup(takeaway, takeaway_note).arrange(DOWN, buff=SPACE.small)
        ).arrange(DOWN, buff=SPACE.large, aligned_edge=LEFT)
        block.next_to(self.title, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        tag(block, "integrand", "a", "b", "second_integrand", "second_a", "second_b")
        self.play(FadeOut(anti2_lines), FadeOut(working2), FadeOut(extra))
        self.narrate(
            "Rectangles approximate the area; the antiderivative gives it exactly,"
            " as F of b minus F of a.",
            FadeIn(summary, lag_ratio=0.3),
            FadeIn(block[1], shift=UP * 0.2),
            fill=True,
            hold=1.5,
        )
        self.wait()


__all__ = ["IntegralsManually"]
