"""2.4 The Power Rule.

Learning goal: differentiate x^n as n x^(n-1) (and a constant as 0), see why
from the expansion of (x + dx)^n (only the n x^(n-1) dx term survives the
limit), work the course example x^4 -> 4x^3, and check on the graph that 4x^3
is the slope of the tangent to x^4. Expressions and numbers come from
``mathkit.rules``; a variant gives its own power (``make params SCENE=PowerRule``).
"""

from __future__ import annotations

import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    Mobject,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    config,
)

from mathkit.differentiation import forward_difference
from mathkit.numeric import Tangent
from mathkit.plotting import nice_range
from mathkit.rules import DX, Differentiation, X, differentiate, power_expansion
from scenes.common.math_text import expr_text
from scenes.common.mobjects import get_line_through, get_readout, get_tex
from scenes.common.params import tag
from scenes.common.rules_parts import (
    RuleScene,
    get_rule_axes,
    get_rule_card,
    get_tangent_segment,
    get_working,
    number_text,
)
from scenes.common.schemas_rules import PowerRuleParams
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

SHOWN_TERMS = 5
"""Most terms of (x + dx)^n written out (x^4 has five, all shown)."""


def _tex(expr: sp.Expr) -> str:
    return sp.latex(expr, order="lex", symbol_names={DX: r"\Delta x"})


def _term_tex(term: sp.Expr) -> str:
    """One term c x^m dx^k as ``c x^m \\Delta x^k`` (the x part first)."""
    x_part, k = term.as_independent(DX, as_Add=False)[0], sp.degree(term, DX)
    dx = "" if k == 0 else r"\Delta x" if k == 1 else rf"\Delta x^{{{k}}}"
    head = _tex(x_part)
    if x_part == 1 and dx:
        head = ""
    elif x_part == -1 and dx:
        head = "-"
    return f"{head} {dx}".strip()


def _sum_tex(terms: tuple[sp.Expr, ...] | list[sp.Expr]) -> str:
    """Terms joined with + and -, in the order given."""
    out = ""
    for term in terms:
        tex = _term_tex(term)
        if tex.startswith("-"):
            out += f" - {tex[1:].strip()}" if out else tex
        else:
            out += f" + {tex}" if out else tex
    return out


def _signed(tex: str) -> list[str]:
    """``["+", tex]``, or ``["-", tex without its minus]``: a term after another."""
    return ["-", tex[1:].strip()] if tex.startswith("-") else ["+", tex]


class PowerRule(RuleScene):
    """Beats: title, rule, constant-rule, why, work, check, summary.

    Parameters (``self.params``, :class:`scenes.common.schemas_rules.PowerRuleParams`):
    the power ``f`` = x^n, the constant rule's example, the x range.
    """

    params_schema = PowerRuleParams
    rule = "power"
    intro = (
        "With the delta method every derivative needs a limit. Rules let us skip"
        " the limit, and the first is the power rule, for powers such as {f}."
    )
    rule_caption = (
        "The derivative of x to the n is n times x to the n minus one: the power"
        " comes down in front and the exponent drops by one."
    )
    work_captions = (
        "For f(x) = {f}, n is {n}.",
        "So the derivative is {df}.",
    )
    summary_caption = (
        "Power rule: bring the exponent down and subtract one. {f} has derivative"
        " {df}, and it holds for every real n: even x itself, n = 1, has slope 1."
    )

    def caption_fields(self, result: Differentiation) -> dict[str, str]:
        """Adds ``n``, the example's exponent."""
        return {**super().caption_fields(result), "n": expr_text(self.params.exponent)}

    def extra_beat(self, title: Mobject, card: Mobject) -> None:
        """The constant rule first, on a graph: y = c is flat, its slope is 0."""
        self.beat("constant-rule")
        c = self.params.constant
        constant = differentiate(number_text(c))
        rule_card = get_rule_card("constant", size=SIZES.tex)
        example = get_working(constant.steps[0], size=SIZES.tex)[0]
        left = VGroup(rule_card, example).arrange(
            DOWN, buff=SPACE.large, aligned_edge=LEFT
        )
        left.next_to(VGroup(title, card), DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        y_range = nice_range(min(0.0, c), max(0.0, c), ticks=4)
        axes = get_rule_axes([-2, 2, 1], y_range, width=5.2, height=3.2, y_label="y")
        axes.next_to(left, RIGHT, buff=SPACE.section).align_to(left, UP)
        line = get_line_through(axes, 0.0, c, [-2, 2], color=PALETTE.curve)
        t = ValueTracker(-1.5)
        dot = always_redraw(
            lambda: Dot(axes.c2p(t.get_value(), c), color=PALETTE.point, radius=0.08)
        )
        flat = always_redraw(
            lambda: get_tangent_segment(axes, Tangent(t.get_value(), c, 0.0))
        )
        tag(VGroup(left, axes), "constant")
        self.say(
            "Even simpler is the constant rule. A constant never changes:"
            f" the graph of y = {number_text(c)} is a flat line.",
            FadeIn(rule_card),
            Create(axes),
            Create(line),
        )
        self.add(dot, flat)
        self.say(
            "Slide along it and the tangent stays flat: its slope is zero everywhere,"
            f" so the derivative of {number_text(c)} is {number_text(0)}.",
            t.animate.set_value(1.5),
            Write(example),
        )
        self.play(FadeOut(VGroup(left, axes, line, dot, flat)))

    def why_beat(self, result: Differentiation) -> None:
        """Why x^n -> n x^(n-1): expand (x + dx)^n; only n x^(n-1) dx survives."""
        n = self.params.exponent
        whole = n.is_Integer and 0 <= n < SHOWN_TERMS
        terms = power_expansion(n, SHOWN_TERMS if whole else 2)
        lead, rest = terms[:2], terms[2:]
        tail = "" if whole else r" + \cdots"
        top = get_tex(
            rf"(x + \Delta x)^{{{_tex(n)}}}",
            "=",
            _term_tex(lead[0]),
            *_signed(_term_tex(lead[1])),
            *(_signed(_sum_tex(rest) + tail) if rest else []),
        )
        top[4].set_color(PALETTE.tangent)
        quotient_rest = [sp.expand(t / DX) for t in rest]
        middle = get_tex(
            rf"\frac{{(x + \Delta x)^{{{_tex(n)}}} - {_tex(lead[0])}}}{{\Delta x}}",
            "=",
            _tex(sp.simplify(lead[1] / DX)),
            *(_signed(_sum_tex(quotient_rest) + tail) if rest else []),
        )
        middle[2].set_color(PALETTE.tangent)
        limit = get_tex(
            r"\Delta x \to 0:",
            _tex(sp.simplify(lead[1] / DX)),
            color=PALETTE.tangent,
        )
        lines = VGroup(top, middle, limit).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.medium
        )
        limit.align_to(middle[2], LEFT).shift(LEFT * (limit[1].get_x() - limit.get_x()))
        lines.next_to(
            VGroup(self.title, self.rule_card), DOWN, buff=SPACE.large
        ).to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium)
        if lines.width > config.frame_width - 2 * EDGE_BUFF:
            lines.scale_to_fit_width(config.frame_width - 2 * EDGE_BUFF)
        tag(lines, "f")
        self.say(
            "Why does the rule hold? Nudge x by a small delta x and multiply out"
            f" (x + delta x) to the power {expr_text(n)}.",
            Write(top),
        )
        self.say(
            f"Take away {expr_text(lead[0])} and divide by delta x. What is left is"
            f" {expr_text(sp.simplify(lead[1] / DX))}, plus terms that still hold a delta x.",
            Write(middle),
        )
        x_d = self.params.stops[-1]
        h = ValueTracker(1.0)
        rows = VGroup(
            get_readout(r"\Delta x", 1.0, decimals=3),
            get_readout(
                rf"\text{{slope of the secant at }} x = {number_text(x_d)}",
                forward_difference(result.f, x_d, 1.0),
                decimals=3,
                color=PALETTE.tangent,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        rows.next_to(lines, DOWN, buff=SPACE.large, aligned_edge=LEFT)
        rows[0].number.add_updater(lambda m: m.set_value(h.get_value()))
        rows[1].number.add_updater(
            lambda m: m.set_value(forward_difference(result.f, x_d, h.get_value()))
        )
        self.add(rows)
        exact = float(sp.simplify(lead[1] / DX).subs(X, x_d))
        fade = [FadeOut(middle[3:], shift=DOWN * 0.1)] if rest else []
        self.say(
            "Now let delta x shrink. Those terms shrink with it: the secant's slope"
            f" at x = {number_text(x_d)} settles on {number_text(exact)}.",
            h.animate.set_value(0.001).set_rate_func(lambda s: 1 - (1 - s) ** 3),
            *fade,
        )
        self.say(
            f"In the limit only {expr_text(sp.simplify(lead[1] / DX))} survives:"
            " the power came down, and the exponent dropped by one.",
            Write(limit),
            Indicate(middle[2], color=PALETTE.tangent),
        )
        for r in rows:
            r.number.clear_updaters()
        self.play(FadeOut(VGroup(top, middle[:3], limit)), FadeOut(rows))
