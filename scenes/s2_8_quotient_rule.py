"""2.8 The Quotient Rule.

Learning goal: differentiate a ratio as d/dx (w / z) = (z dw/dx - w dz/dx) / z^2,
work the course example x / (x^2 + 1) -> (1 - x^2) / (x^2 + 1)^2, see the answer
as the tangent slope on a graph (stops at the minimum and the maximum), and
revisit the limit example (x^2 - 1)/(x - 1): the numerator of its derivative is
(x - 1)^2, so the derivative is 1, the slope of the line x + 1 with a hole at
x = 1. Expressions and numbers come from ``mathkit.rules``; a variant gives its
own w and z.
"""

from __future__ import annotations

import dataclasses

import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Circle,
    Create,
    FadeIn,
    FadeOut,
    Mobject,
    VGroup,
    Write,
)

from mathkit.expr import latex
from mathkit.limits import factor_and_cancel
from mathkit.rules import (
    QUOTIENT_LIMIT_PARTS,
    QUOTIENT_PARTS,
    Differentiation,
    X,
    quotient_rule,
)
from scenes.common.math_text import expr_text
from scenes.common.mobjects import get_graph, get_text
from scenes.common.params import tag
from scenes.common.rules_parts import (
    RuleScene,
    get_fitted_working,
    get_part_fields,
    get_rule_axes,
    number_text,
)
from scenes.common.schemas_rules import QuotientRuleParams
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE


class QuotientRule(RuleScene):
    """Beats: title, rule, work, limit-example, check, summary.

    Parameters (``self.params``, :class:`scenes.common.schemas_rules.QuotientRuleParams`):
    the numerator ``w``, the denominator ``z`` and the x range.
    """

    params_schema = QuotientRuleParams
    rule = "quotient"
    f_numbers = (-0.6, 0.6)
    df_numbers = (-0.4, 1.2)
    intro = "Last of the combination rules: one function divided by another, {f}."
    rule_caption = (
        "The quotient rule: z times dw/dx, minus w times dz/dx, all over z squared. "
        "Mind the order: the minus sign makes it matter."
    )
    work_captions = (
        "Here w is {w} and z is {z}.",
        "dw/dx is {dw}, and dz/dx is {dz}.",
        "Simplify the top: the answer is {df}.",
    )
    summary_caption = (
        "Quotient rule: bottom times derivative of top, minus top times derivative "
        "of bottom, over the bottom squared. {f} gives {df}."
    )

    @property
    def is_course(self) -> bool:
        """Whether this is the course example (then the limit example follows)."""
        return (self.params.w, self.params.z) == QUOTIENT_PARTS

    def caption_fields(self, result: Differentiation) -> dict[str, str]:
        """Adds the top ``w``, the bottom ``z`` and their derivatives ``dw`` and ``dz``."""
        return {
            **super().caption_fields(result),
            **get_part_fields(self.params.w, self.params.z),
        }

    def stop_caption(self, result: Differentiation, x0: float) -> str:
        """Name a turning point (slope 0) as a minimum or a maximum."""
        t = result.tangent(x0)
        if abs(t.slope) < 1e-12:
            kind = "maximum" if result.df(x0 - 0.01) > 0 else "minimum"
            return (
                f"At x = {number_text(x0)} the curve has its {kind}: the tangent is"
                f" flat, and f' is {number_text(0)} there."
            )
        return super().stop_caption(result, x0)

    def after_work(
        self, result: Differentiation, title: Mobject, working: VGroup
    ) -> VGroup:
        """The course's limit example: numerator (x - 1)^2, slope 1, a line with a hole."""
        if not self.is_course:
            return working
        self.beat("limit-example")
        other = quotient_rule(*QUOTIENT_LIMIT_PARTS)
        numer, denom = sp.fraction(sp.together(other.derivative))
        step = dataclasses.replace(
            other.steps[0],
            result_latex=(
                rf"\frac{{{latex(sp.expand(numer))}}}{{{latex(denom)}}}"
                rf" = \frac{{{latex(sp.factor(numer))}}}{{{latex(denom)}}}"
                rf" = {latex(other.simplified)}"
            ),
        )
        heading = get_text(
            "The limit example, differentiated", size=SIZES.label, color=PALETTE.subtle
        )
        lines = get_fitted_working(step, 13.0, 3.6)
        group = VGroup(heading, lines).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.medium
        )
        self.play(FadeOut(working), FadeOut(self.rule_card))
        group.next_to(title, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        self.say(
            f"Remember the limit example, {expr_text(other.expr)}? "
            "The quotient rule works there too.",
            FadeIn(heading),
            Write(lines[0]),
        )
        self.say(
            f"The top multiplies out to {expr_text(sp.expand(numer))}, which is"
            f" {expr_text(sp.factor(numer))}: the same as the bottom.",
            Write(lines[1:]),
        )
        line_expr = factor_and_cancel(other.expr).cancelled
        hole = other.undefined_at[0]
        self.play(
            FadeOut(VGroup(heading, lines[:-1])),
            lines[-1]
            .animate.next_to(title, DOWN, buff=SPACE.large)
            .to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium),
        )
        group = VGroup(lines[-1])
        axes = get_rule_axes([-2, 3, 1], [-1, 4, 1], width=5.0, height=3.6)
        axes.next_to(title, DOWN, buff=SPACE.large).to_edge(
            RIGHT, buff=EDGE_BUFF + SPACE.medium
        )
        graph = get_graph(axes, other.f, x_range=[-1.9, hole - 0.02])
        graph2 = get_graph(axes, other.f, x_range=[hole + 0.02, 2.9])
        ring = Circle(radius=0.08, color=PALETTE.curve, stroke_width=3)
        ring.set_fill(PALETTE.background, opacity=1).move_to(
            axes.c2p(hole, float(line_expr.subs(X, hole)))
        )
        tag(VGroup(group, axes), "w", "z")
        self.say(
            f"So the derivative is {expr_text(other.simplified)} wherever it is defined:"
            f" the graph is the line {expr_text(line_expr)} with a hole at"
            f" x = {number_text(hole)}, and a line's slope is the same everywhere.",
            Create(axes),
            Create(graph),
            Create(graph2),
            FadeIn(ring),
        )
        self.play(FadeOut(VGroup(group, axes, graph, graph2, ring), shift=LEFT * 0.2))
        return VGroup()
