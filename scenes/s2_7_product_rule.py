"""2.7 The Product Rule.

Learning goal: differentiate a product as d/dx (w z) = w dz/dx + z dw/dx, work
the course example (x^2 + 2x + 2)(x - 1) -> 3x^2 + 2x, cross-check it by
multiplying out first, and see on the graph that 3x^2 + 2x is the tangent slope.
Expressions and numbers come from ``mathkit.rules``.
"""

from __future__ import annotations

from manim import DOWN, LEFT, FadeIn, FadeOut, Mobject, VGroup, Write

from mathkit.expr import plain
from mathkit.rules import (
    PRODUCT_FACTORS,
    Differentiation,
    expand_then_differentiate,
    product_rule,
)
from scenes.common.mobjects import get_tex, get_text
from scenes.common.rules_parts import RuleScene, get_part_fields
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES


class ProductRule(RuleScene):
    """Beats: title, rule, work, check, graph, summary."""

    rule = "product"
    title_text = "The Product Rule"
    subtitle_text = "Two factors, two terms"
    x_range = (-2, 1.5, 0.5)
    f_range = (-6, 4, 2)
    df_range = (-2, 10, 2)
    f_numbers = (-6, -4, 2, 4)
    sweep = (-1.9, 1.3, 0.0)
    intro = "Now two functions multiplied together: the running function times {z}."
    rule_caption = (
        "The product rule: w times the derivative of z, plus z times the "
        "derivative of w. Each factor takes a turn being differentiated."
    )
    work_captions = (
        "Let w be {w} and z be {z}. Write out the rule.",
        "dz/dx is {dz} and dw/dx is {dw}, by the sum rule.",
        "Multiply out and collect terms: {df}.",
    )
    sweep_caption = "On the graph the cubic's tangent slope matches {df} everywhere."
    summary_caption = (
        "Product rule: each factor in turn is differentiated while the other is kept."
    )

    def caption_fields(self, result: Differentiation) -> dict[str, str]:
        """Adds the factors ``w`` and ``z`` and their derivatives ``dw`` and ``dz``."""
        return {**super().caption_fields(result), **get_part_fields(*PRODUCT_FACTORS)}

    def differentiation(self) -> Differentiation:
        """The product in the course's order, w = x^2 + 2x + 2 first."""
        return product_rule(*PRODUCT_FACTORS)

    def after_work(
        self, result: Differentiation, title: Mobject, working: VGroup
    ) -> VGroup:
        """Check: multiply out first, then only power and sum rules are needed."""
        self.beat("check")
        check = expand_then_differentiate(result)
        lines = VGroup(
            get_text(
                "Check: multiply out first", size=SIZES.label, color=PALETTE.subtle
            ),
            get_tex(rf"{result.expr_latex} = {check.expr_latex}"),
            get_tex(
                rf"\frac{{d}}{{dx}}\left({check.expr_latex}\right) = {check.result_latex}",
                color=PALETTE.tangent,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        self.play(FadeOut(working))
        lines.next_to(VGroup(title, self.rule_card), DOWN, buff=0.5).to_edge(
            LEFT, buff=EDGE_BUFF + 0.4
        )
        self.narrate(
            "A check: multiply the factors out first. The product is a cubic, which "
            "needs only the power and sum rules.",
            FadeIn(lines[0]),
            Write(lines[1]),
        )
        self.narrate(
            f"Its derivative is the same, {plain(check.simplified)}.", Write(lines[2])
        )
        self.play(FadeOut(lines, shift=LEFT * 0.2))
        return VGroup()
