"""2.5 The Constant Multiple Rule.

Learning goal: a constant factor passes straight through the derivative,
d/dx (c y) = c dy/dx; see it as a vertical stretch (x^4 beside 2x^4 on the same
axes: every height doubles, so every tangent slope doubles), then work the
course example 2x^4 -> 2 * 4x^3 = 8x^3. Expressions and numbers come from
``mathkit.rules``; a variant gives its own c times a function.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    UP,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    ReplacementTransform,
    VGroup,
    config,
)

from mathkit.plotting import nice_range, sample
from mathkit.rules import Differentiation, differentiate
from scenes.common.math_text import expr_text
from scenes.common.mobjects import get_clipped_graph, get_readout, get_tex
from scenes.common.params import tag
from scenes.common.rules_parts import (
    RuleScene,
    get_rule_axes,
    get_tangent_segment,
    number_text,
)
from scenes.common.schemas_rules import ConstantMultipleRuleParams
from scenes.common.theme import EDGE_BUFF, PALETTE, SPACE


class ConstantMultipleRule(RuleScene):
    """Beats: title, rule, why, work, check, summary.

    Parameters (``self.params``,
    :class:`scenes.common.schemas_rules.ConstantMultipleRuleParams`): ``f`` = c
    times a function of x, and the x range.
    """

    params_schema = ConstantMultipleRuleParams
    rule = "constant multiple"
    intro = (
        "What if a function is multiplied by a constant, like {f}: {c} times {rest}?"
    )
    rule_caption = (
        "The constant multiple rule: the derivative of c times y is c times the "
        "derivative of y. The constant just comes along."
    )
    work_captions = (
        "Pull the {c} out in front of the derivative.",
        "The derivative of {rest} is {d_rest}.",
        "{c} times {d_rest} is {df}.",
    )
    graph_caption = "A last check: the tangent to {f} against {df} below."
    summary_caption = (
        "Constant multiple rule: keep the constant, differentiate the rest. "
        "{f} gives {df}."
    )

    def caption_fields(self, result: Differentiation) -> dict[str, str]:
        """Adds the constant ``c``, the ``rest`` it multiplies and ``d_rest``, its derivative."""
        c, rest = self.params.parts()
        return {
            **super().caption_fields(result),
            "c": expr_text(c),
            "rest": expr_text(rest),
            "d_rest": expr_text(differentiate(sp.sstr(rest)).simplified),
        }

    def why_beat(self, result: Differentiation) -> None:
        """The rest and c times it on one set of axes: a vertical stretch by c."""
        p = self.params
        c, rest_expr = p.parts()
        rest = differentiate(sp.sstr(rest_expr))
        lo, hi = p.x_range[0], p.x_range[1]
        _, ys = sample(rest.f, lo, hi, 200)
        both = np.concatenate([ys, float(c) * ys])
        pad = 0.05 * float(both.max() - both.min())
        y_range = nice_range(float(both.min()) - pad, float(both.max()) + pad, ticks=4)
        above = VGroup(self.title, self.rule_card)
        room = above.get_bottom()[1] + config.frame_height / 2 - EDGE_BUFF - 1.4
        axes = get_rule_axes(p.x_range, y_range, width=6.4, height=min(4.4, room))
        axes.next_to(above, DOWN, buff=SPACE.medium).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.large
        )
        g = get_clipped_graph(axes, rest.f, color=PALETTE.curve)
        cg = get_clipped_graph(axes, result.f, color=PALETTE.accent)
        ghost = g.copy().set_stroke(opacity=0.45)
        x0 = p.stops[-1]
        t_rest, t_cf = rest.tangent(x0), result.tangent(x0)
        seg = get_tangent_segment(axes, t_rest)
        seg_c = get_tangent_segment(axes, t_cf)
        dot = Dot(axes.c2p(x0, t_rest.y), color=PALETTE.point, radius=0.08)
        dot_c = Dot(axes.c2p(x0, t_cf.y), color=PALETTE.point, radius=0.08)
        label = get_tex(f"y = {rest.expr_latex}", color=PALETTE.curve)
        label_c = get_tex(f"y = {result.expr_latex}", color=PALETTE.accent)
        rows = VGroup(
            label,
            get_readout(
                rf"\text{{slope at }} x = {number_text(x0)}",
                t_rest.slope,
                decimals=2,
                color=PALETTE.tangent,
            ),
            label_c,
            get_readout(
                rf"\text{{slope at }} x = {number_text(x0)}",
                t_cf.slope,
                decimals=2,
                color=PALETTE.tangent,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        rows[2].shift(DOWN * 0.25)
        rows.next_to(axes, buff=SPACE.large).align_to(axes, UP)
        tag(VGroup(axes, rows), "f", "x_range")
        self.say(
            f"Draw {expr_text(rest_expr)} first, with its tangent at x = {number_text(x0)}:"
            f" slope {number_text(t_rest.slope)}.",
            Create(axes),
            Create(g),
            FadeIn(dot),
            Create(seg),
            FadeIn(rows[:2]),
        )
        self.add(ghost)
        self.say(
            f"Now multiply by {expr_text(c)}. Every height is {expr_text(c)} times as"
            " tall: the curve is stretched vertically.",
            ReplacementTransform(g, cg),
            ReplacementTransform(dot, dot_c),
            ReplacementTransform(seg, seg_c),
            FadeIn(rows[2:]),
        )
        self.say(
            f"Every rise is stretched by {expr_text(c)} too, but the run is not, so"
            f" every slope is {expr_text(c)} times as steep:"
            f" {number_text(t_rest.slope)} becomes {number_text(t_cf.slope)}.",
            rows[3].animate.set_color(PALETTE.tangent).scale(1.1),
        )
        self.play(FadeOut(VGroup(axes, ghost, cg, dot_c, seg_c, rows)))
