"""2.5 The Constant Multiple Rule.

Learning goal: a constant factor passes straight through the derivative,
d/dx (c y) = c dy/dx; work the course example 2x^4 -> 2 * 4x^3 = 8x^3 and see
that doubling a curve doubles every tangent slope. Expressions and numbers come
from ``mathkit.rules``.
"""

from __future__ import annotations

from mathkit.rules import CONSTANT_MULTIPLE_EXAMPLE
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
    intro = "What if a function is multiplied by a constant, like 2 times x to the fourth?"
    rule_caption = (
        "The constant multiple rule: the derivative of c times y is c times the "
        "derivative of y. The constant just comes along."
    )
    work_captions = (
        "Take y equal to x to the fourth, doubled. Pull the 2 out in front of the derivative.",
        "The power rule gives four x cubed for x to the fourth.",
        "Two times four x cubed is eight x cubed.",
    )
    sweep_caption = (
        "Stretching the curve by 2 doubles every slope: the tangent slope "
        "always matches 8x cubed below."
    )
    summary_caption = (
        "Constant multiple rule: keep the constant, differentiate the rest. "
        "Two x to the fourth gives eight x cubed."
    )
