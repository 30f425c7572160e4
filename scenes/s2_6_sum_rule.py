"""2.6 The Sum Rule.

Learning goal: differentiate a sum term by term, d/dx (y + w) = dy/dx + dw/dx,
using the course's running function x^2 + 2x + 2 -> 2x + 2 (each term by the
power, constant multiple or constant rule), and check the answer against the
delta method's slopes: 6 at x = 2 and 0 at x = -1. Numbers come from ``mathkit.rules``.
"""

from __future__ import annotations

from manim import DOWN, FadeIn, FadeOut, Mobject

from mathkit.data import DELTA_POINT_X, RUNNING_FUNCTION, VERTEX_X
from mathkit.rules import Differentiation, differentiate
from scenes.common.rules_parts import (
    RuleScene,
    get_term_rules,
    join_words,
    sum_terms,
    term_rules_text,
)


class SumRule(RuleScene):
    """Beats: title, rule, term-rules, work, graph, summary."""

    rule = "sum"
    title_text = "The Sum Rule"
    subtitle_text = "Differentiate term by term"
    example = RUNNING_FUNCTION
    x_range = (-3, 2, 1)
    f_range = (0, 12, 3)
    df_range = (-4, 6, 2)
    sweep = (-2.8, DELTA_POINT_X, VERTEX_X)
    intro = "Back to the course's running function, {f}. It is a sum of three terms."
    rule_caption = (
        "The sum rule: the derivative of a sum is the sum of the derivatives."
    )
    work_captions = (
        "So differentiate each of the three terms on its own.",
        "The terms give {term_derivatives}.",
        "Add them up: the derivative is {df}.",
    )
    sweep_caption = (
        "Slide the point along the parabola. The tangent's slope always equals "
        "{df} on the lower plot."
    )
    summary_caption = (
        "Sum rule: differentiate term by term and add. "
        "The running function's derivative is {df}."
    )

    def caption_fields(self, result: Differentiation) -> dict[str, str]:
        """Adds ``term_derivatives``, the derivative of each term in turn."""
        derivatives = [d for _, d, _ in sum_terms(result)]
        return {
            **super().caption_fields(result),
            "term_derivatives": join_words(derivatives),
        }

    def extra_beat(self, title: Mobject, card: Mobject) -> None:
        """Which rule each term of x^2 + 2x + 2 needs."""
        self.beat("term-rules")
        result = differentiate(self.example)
        cards = get_term_rules(result.steps)
        cards.next_to(card, DOWN, buff=0.8).set_x(0)
        self.narrate(
            f"Each term needs a rule we already know: {term_rules_text(result)}.",
            FadeIn(cards, lag_ratio=0.3),
        )
        self.play(FadeOut(cards))

    def rest_caption(self, result: Differentiation, x0: float) -> str:
        """Tie back to the delta method's slopes at x = 2 and x = -1."""
        at_p = result.tangent(DELTA_POINT_X)
        at_v = result.tangent(VERTEX_X)
        return (
            f"The delta method found slope {at_p.slope:g} at x = {at_p.x:g} and "
            f"{abs(at_v.slope):g} at the vertex x = {at_v.x:g}. The rule agrees at both."
        )
