"""2.8 The Quotient Rule.

Learning goal: differentiate a ratio as d/dx (w / z) = (z dw/dx - w dz/dx) / z^2,
work the course example x / (x^2 + 1) -> (1 - x^2) / (x^2 + 1)^2, see the answer
as the tangent slope on a graph, and revisit the limit example
(x^2 - 1)/(x - 1), whose derivative is 1 for x != 1. Expressions and numbers
come from ``mathkit.rules``.
"""

from __future__ import annotations

from manim import DOWN, LEFT, FadeIn, FadeOut, Mobject, VGroup, Write

from mathkit.expr import plain
from mathkit.limits import factor_and_cancel
from mathkit.rules import (
    QUOTIENT_LIMIT_PARTS,
    QUOTIENT_PARTS,
    Differentiation,
    quotient_rule,
)
from scenes.common.mobjects import get_text
from scenes.common.rules_parts import RuleScene, get_fitted_working, get_part_fields
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES


class QuotientRule(RuleScene):
    """Beats: title, rule, work, limit-example, graph, summary."""

    rule = "quotient"
    title_text = "The Quotient Rule"
    subtitle_text = "Low d-high minus high d-low"
    x_range = (-4, 4, 1)
    f_range = (-0.6, 0.6, 0.3)
    df_range = (-0.4, 1.2, 0.4)
    f_numbers = (-0.6, 0.6)
    df_numbers = (-0.4, 1.2)
    sweep = (-3.6, 3.6, 1.0)
    intro = "Last of the combination rules: one function divided by another."
    rule_caption = (
        "The quotient rule: z times dw/dx, minus w times dz/dx, all over z squared. "
        "Mind the order: the minus sign makes it matter."
    )
    work_captions = (
        "The example: {f}. Here w is {w} and z is {z}.",
        "dw/dx is {dw}, and dz/dx is {dz}.",
        "Simplify the top: the answer is {df}.",
    )
    sweep_caption = (
        "The curve rises, peaks, and falls; the derivative below is positive, "
        "zero, then negative to match."
    )
    summary_caption = (
        "Quotient rule: bottom times derivative of top, minus top times derivative "
        "of bottom, over the bottom squared."
    )

    def caption_fields(self, result: Differentiation) -> dict[str, str]:
        """Adds the top ``w``, the bottom ``z`` and their derivatives ``dw`` and ``dz``."""
        return {**super().caption_fields(result), **get_part_fields(*QUOTIENT_PARTS)}

    def differentiation(self) -> Differentiation:
        """The course example with w = x and z = x^2 + 1."""
        return quotient_rule(*QUOTIENT_PARTS)

    def after_work(
        self, result: Differentiation, title: Mobject, working: VGroup
    ) -> VGroup:
        """The limit example (x^2 - 1)/(x - 1): derivative 1 where x != 1."""
        self.beat("limit-example")
        other = quotient_rule(*QUOTIENT_LIMIT_PARTS)
        heading = get_text(
            "The limit example, differentiated", size=SIZES.label, color=PALETTE.subtle
        )
        lines = get_fitted_working(other.steps[0], 12.0, 3.9)
        group = VGroup(heading, lines).arrange(DOWN, aligned_edge=LEFT, buff=0.4)
        self.play(FadeOut(working), FadeOut(self.rule_card))
        group.next_to(title, DOWN, buff=0.5).to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        self.caption(
            f"Remember the limit example, {plain(other.expr)}? "
            "The quotient rule works there too."
        )
        self.play(FadeIn(heading), Write(lines[0]))
        self.play(Write(lines[1:]))
        self.hold()
        holes = ", ".join(f"x = {x:g}" for x in other.undefined_at)
        note = get_text(
            f"slope {other.simplified} everywhere except {holes}, where f is undefined",
            size=SIZES.small,
            color=PALETTE.tangent,
        ).next_to(group, DOWN, buff=0.5, aligned_edge=LEFT)
        slope = plain(other.simplified)
        self.narrate(
            f"It simplifies to {slope}: the graph is the line"
            f" {plain(factor_and_cancel(other.expr).cancelled)} with a hole at {holes}, "
            f"so its slope is {slope} wherever it is defined.",
            FadeIn(note),
        )
        self.play(FadeOut(group, shift=LEFT * 0.2), FadeOut(note))
        return VGroup()
