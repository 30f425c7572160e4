"""2.5 The Constant Multiple Rule.

Learning goal: a constant factor passes straight through the derivative,
d/dx (c y) = c dy/dx; work the course example 2x^4 -> 2 * 4x^3 = 8x^3 and see
that doubling a curve doubles every tangent slope. Expressions and numbers come
from ``mathkit.rules``.
"""

from __future__ import annotations

import sympy as sp

from mathkit.expr import plain
from mathkit.rules import CONSTANT_MULTIPLE_EXAMPLE, Differentiation, X, differentiate
from scenes.common.rules_parts import RuleScene


class ConstantMultipleRule(RuleScene):
    """Beats: title, rule, work, graph, summary."""

    rule = "constant multiple"
    title_text = "The Constant Multiple Rule"
    subtitle_text = "Constants factor out of a derivative"
    example = CONSTANT_MULTIPLE_EXAMPLE
    x_range = (-1.5, 1.5, 0.5)
    f_range = (0, 10, 2)
    df_range = (-24, 24, 12)
    sweep = (-1.3, 1.3, 1.0)
    intro = "What if a function is multiplied by a constant, like {c} times {rest}?"
    rule_caption = (
        "The constant multiple rule: the derivative of c times y is c times the "
        "derivative of y. The constant just comes along."
    )
    work_captions = (
        "Take y = {f}, that is {rest} times {c}. Pull the {c} out in front of the derivative.",
        "The power rule gives {d_rest} for {rest}.",
        "{c} times {d_rest} is {df}.",
    )
    sweep_caption = (
        "Stretching the curve by {c} multiplies every slope by {c}: the tangent slope "
        "always matches {df} below."
    )
    summary_caption = (
        "Constant multiple rule: keep the constant, differentiate the rest. "
        "{f} gives {df}."
    )

    def caption_fields(self, result: Differentiation) -> dict[str, str]:
        """Adds the constant ``c``, the ``rest`` it multiplies and ``d_rest``, its derivative."""
        c, rest = result.expr.as_independent(X, as_Add=False)
        return {
            **super().caption_fields(result),
            "c": plain(c),
            "rest": plain(rest),
            "d_rest": plain(differentiate(sp.sstr(rest)).simplified),
        }
