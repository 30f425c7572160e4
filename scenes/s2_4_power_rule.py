"""2.4 The Power Rule.

Learning goal: differentiate x^n as n x^(n-1) (and a constant as 0), work the
course example x^4 -> 4x^3, and see on the graph that 4x^3 is the slope of the
tangent to x^4 at every point. Expressions and numbers come from ``mathkit.rules``.
"""

from __future__ import annotations

from manim import DOWN, FadeIn, FadeOut, Mobject, VGroup, Write

from mathkit.expr import plain
from mathkit.rules import (
    CONSTANT_EXAMPLE,
    POWER_EXAMPLE,
    Differentiation,
    differentiate,
)
from scenes.common.rules_parts import RuleScene, get_rule_card, get_working
from scenes.common.theme import SIZES


class PowerRule(RuleScene):
    """Beats: title, rule, constant-rule, work, graph, summary."""

    rule = "power"
    title_text = "The Power Rule"
    subtitle_text = "Bring the power down, lower it by one"
    example = POWER_EXAMPLE
    x_range = (-1.5, 1.5, 0.5)
    f_range = (0, 5, 1)
    df_range = (-12, 12, 6)
    sweep = (-1.3, 1.3, 1.0)
    intro = (
        "With the delta method every derivative needs a limit. "
        "Rules let us skip the limit; the first is the power rule."
    )
    rule_caption = (
        "The derivative of x to the n is n times x to the n minus one: "
        "the power comes down in front and the exponent drops by one."
    )
    work_captions = (
        "The course example: y = {f}. Here n is {n}.",
        "So the derivative is {df}.",
    )
    summary_caption = (
        "Power rule: bring the exponent down and subtract one. {f} has derivative {df}."
    )

    def caption_fields(self, result: Differentiation) -> dict[str, str]:
        """Adds ``n``, the example's exponent."""
        return {
            **super().caption_fields(result),
            "n": plain(result.expr.as_base_exp()[1]),
        }

    def extra_beat(self, title: Mobject, card: Mobject) -> None:
        """The constant rule first: d/dx 25 = 0."""
        self.beat("constant-rule")
        constant = get_rule_card("constant", size=SIZES.tex)
        constant_result = differentiate(CONSTANT_EXAMPLE)
        step = constant_result.steps[0]
        example = get_working(step)[0]
        group = VGroup(constant, example).arrange(DOWN, buff=0.6)
        group.next_to(title, DOWN, buff=0.9).set_x(0)
        self.narrate(
            "Even simpler is the constant rule. A constant never changes, "
            "so its graph is flat and its slope is zero.",
            FadeIn(constant),
        )
        self.narrate(
            f"The course example: the derivative of {plain(constant_result.expr)}"
            f" is {plain(constant_result.simplified)}.",
            Write(example),
        )
        self.play(FadeOut(group))
