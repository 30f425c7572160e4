"""2.6 The Sum Rule.

Learning goal: differentiate a sum term by term, d/dx (y + w) = dy/dx + dw/dx,
using the course's running function x^2 + 2x + 2 -> 2x + 2 (each term by the
power, constant multiple or constant rule); see the slopes of the terms add up
at one x; and check the answer against the delta method's slopes: 6 at x = 2
and 0 at x = -1. Numbers come from ``mathkit.rules``; a variant gives its own sum.
"""

from __future__ import annotations

import sympy as sp
from manim import (
    DOWN,
    RIGHT,
    UP,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    VGroup,
    Write,
)

from mathkit.data import DELTA_POINT_X, RUNNING_FUNCTION, VERTEX_X
from mathkit.plotting import nice_range, sample
from mathkit.rules import Differentiation, differentiate
from scenes.common.mobjects import get_clipped_graph, get_tex, get_text
from scenes.common.params import tag
from scenes.common.rules_parts import (
    RuleScene,
    get_rule_axes,
    get_tangent_segment,
    join_words,
    number_text,
    sum_term_exprs,
    sum_terms,
    term_rules_text,
)
from scenes.common.schemas_rules import SumRuleParams
from scenes.common.theme import PALETTE, SIZES, SPACE


class SumRule(RuleScene):
    """Beats: title, rule, why, work, check, summary.

    Parameters (``self.params``, :class:`scenes.common.schemas_rules.SumRuleParams`):
    the sum ``f`` and the x range.
    """

    params_schema = SumRuleParams
    rule = "sum"
    intro = "Take a sum of terms, {f}."
    rule_caption = (
        "The sum rule: the derivative of a sum is the sum of the derivatives."
    )
    work_captions = (
        "So differentiate each term on its own.",
        "The terms give {term_derivatives}.",
        "Add them up: the derivative is {df}.",
    )
    summary_caption = "Sum rule: differentiate term by term and add. {f} gives {df}."

    @property
    def is_course(self) -> bool:
        """Whether this is the course's running function (the delta method's example)."""
        return self.params.f == RUNNING_FUNCTION

    def caption_fields(self, result: Differentiation) -> dict[str, str]:
        """Adds ``term_derivatives``, the derivative of each term in turn."""
        derivatives = [d for _, d, _ in sum_terms(result)]
        return {
            **super().caption_fields(result),
            "term_derivatives": join_words(derivatives),
        }

    def fill(self, text: str) -> str:
        """The course's running function is named as such."""
        out = super().fill(text)
        if self.is_course and text == self.intro:
            out = out.replace(
                "Take a sum of terms,", "Back to the course's running function,"
            )
        return out

    def why_beat(self, result: Differentiation) -> None:
        """One small plot per term, each with its tangent at one x: the slopes add."""
        p = self.params
        x0 = p.stops[0]
        terms = sum_term_exprs(result)
        parts = [differentiate(sp.sstr(t)) for t in terms]
        width = min(3.6, (13.0 - 0.4 * (len(terms) - 1)) / len(terms))
        panels = []
        for part in parts:
            _, ys = sample(part.f, p.x_range[0], p.x_range[1], 100)
            lo, hi = float(ys.min()), float(ys.max())
            pad = max(0.5, 0.1 * (hi - lo))
            axes = get_rule_axes(
                p.x_range,
                nice_range(lo - pad, hi + pad, ticks=3),
                width=width,
                height=2.0,
                y_label="y",
            )
            curve = get_clipped_graph(axes, part.f, color=PALETTE.curve)
            tangent = part.tangent(x0)
            seg = get_tangent_segment(axes, tangent, length=1.2)
            dot = Dot(axes.c2p(x0, tangent.y), color=PALETTE.point, radius=0.07)
            name = get_tex(part.expr_latex, color=PALETTE.curve, size=SIZES.tex_small)
            name.next_to(axes, UP, buff=SPACE.snug)
            slope = get_tex(
                rf"\text{{slope }} {number_text(tangent.slope)}",
                color=PALETTE.tangent,
                size=SIZES.tex_small,
            ).next_to(axes, DOWN, buff=SPACE.medium)
            panels.append(VGroup(name, axes, curve, seg, dot, slope))
        row = VGroup(*panels).arrange(RIGHT, buff=SPACE.medium, aligned_edge=UP)
        row.next_to(VGroup(self.title, self.rule_card), DOWN, buff=SPACE.medium).set_x(
            0
        )
        slopes = [part.tangent(x0).slope for part in parts]
        total = result.tangent(x0).slope
        addition = get_tex(
            " + ".join(f"{number_text(s)}" for s in slopes).replace("+ -", "- "),
            "=",
            number_text(total),
            color=PALETTE.tangent,
        )
        note = get_text(
            f"the slope of the sum at x = {number_text(x0)}",
            size=SIZES.small,
            color=PALETTE.subtle,
        )
        bottom = VGroup(addition, note).arrange(RIGHT, buff=SPACE.medium)
        bottom.next_to(row, DOWN, buff=SPACE.small)
        tag(VGroup(row, bottom), "f", "x_range")
        self.say(
            f"Each term needs a rule we already know: {term_rules_text(result)}.",
            *[FadeIn(panel[:3]) for panel in panels],
        )
        self.say(
            f"At x = {number_text(x0)} the terms' slopes are"
            f" {join_words([number_text(s) for s in slopes])}.",
            *[Create(panel[3]) for panel in panels],
            *[FadeIn(panel[4:]) for panel in panels],
        )
        self.say(
            f"Add them: {number_text(total)}, the slope of the whole sum there."
            " Slopes of the parts add up to the slope of the sum.",
            Write(addition),
            FadeIn(note),
        )
        self.play(FadeOut(VGroup(row, bottom)))

    def stop_caption(self, result: Differentiation, x0: float) -> str:
        """For the course: the delta method's slopes at x = 2 and at the vertex x = -1."""
        t = result.tangent(x0)
        if self.is_course and x0 == DELTA_POINT_X:
            return (
                f"At x = {number_text(t.x)} the tangent's slope is {number_text(t.slope)},"
                " the slope the delta method found there, and f' agrees."
            )
        if self.is_course and x0 == VERTEX_X:
            return (
                f"At the vertex, x = {number_text(t.x)}, the tangent is flat: slope"
                f" {number_text(abs(t.slope))}, as the delta method found, and f' is"
                f" {number_text(abs(result.df(x0)))} there."
            )
        return super().stop_caption(result, x0)
