"""2.9 The Chain Rule.

Learning goal: differentiate a composite y = f(g(x)) as dy/dx = dy/du * du/dx,
see that the product is the slope of the tangent, and recognise the chain rule
as the engine of backpropagation. Every expression and number comes from
``mathkit.chain_rule``.
"""

from __future__ import annotations

import math

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    Mobject,
    NumberLine,
    ReplacementTransform,
    SurroundingRectangle,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    config,
)

from mathkit.chain_rule import (
    COURSE_EXAMPLES,
    ChainPoint,
    ChainRuleResult,
    U,
    chain_rule,
)
from mathkit.expr import latex
from mathkit.plotting import decimals_for, nice_step
from scenes.common.base import LectureScene
from scenes.common.math_text import expr_text
from scenes.common.mobjects import (
    get_card,
    get_clipped_graph,
    get_line_through,
    get_readout,
    get_tex,
    get_text,
)
from scenes.common.numbers import fmt
from scenes.common.params import tag
from scenes.common.rules_parts import get_rule_axes
from scenes.common.schemas_rules import ChainRuleParams
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

U_COLORS = {"u": PALETTE.accent}
NUDGE_SHARE = 0.3
"""The nudge dx, as a share of the largest of 1, |du/dx| and |dy/dx| (it stays on screen)."""


class ChainRule(LectureScene):
    """Beats: title, decompose, rule, work, tangent, nudge, backprop, summary.

    Parameters (``self.params``, :class:`scenes.common.schemas_rules.ChainRuleParams`):
    the ``composite`` worked out and ``x0``, where the rates are multiplied.
    """

    params_schema = ChainRuleParams

    def construct(self) -> None:
        p: ChainRuleParams = self.params
        result = chain_rule(p.composite)
        steps = {s.label: s.latex for s in result.steps()}

        # -- title -------------------------------------------------------------
        composite = get_tex(steps["composite"], size=SIZES.tex_large)
        composite.move_to(UP * 1.2).to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium)
        title = self.opening(
            composite,
            "The chain rule differentiates a function nested inside another, such as"
            f" y = {expr_text(result.composite)}.",
        )
        self.beat("decompose")
        self.play(
            composite.animate.next_to(title, DOWN, buff=SPACE.large).to_edge(
                LEFT, buff=EDGE_BUFF + SPACE.medium
            )
        )
        outer = get_tex(steps["outer"], colors=U_COLORS)
        inner = get_tex(steps["inner"], colors=U_COLORS)
        split = VGroup(outer, inner).arrange(RIGHT, buff=SPACE.section)
        split.next_to(composite, DOWN, buff=SPACE.large, aligned_edge=LEFT)
        outer_note = get_text("outer  f(u)", size=SIZES.small, color=PALETTE.subtle)
        inner_note = get_text("inner  u(x)", size=SIZES.small, color=PALETTE.subtle)
        outer_note.next_to(outer, DOWN, buff=SPACE.small)
        inner_note.next_to(inner, DOWN, buff=SPACE.small)
        self.narrate(
            f"Name the inside u. The outer function is y = {expr_text(result.outer)};"
            f" the inner function is u = {expr_text(result.inner)}.",
            FadeIn(outer, shift=DOWN * 0.2),
            FadeIn(inner, shift=DOWN * 0.2),
            FadeIn(outer_note),
            FadeIn(inner_note),
            fill=True,
        )

        # -- rule ----------------------------------------------------------------
        self.beat("rule")
        rule = get_tex(
            r"\frac{dy}{dx}",
            "=",
            r"\frac{dy}{du}",
            r"\cdot",
            r"\frac{du}{dx}",
            size=SIZES.tex_large,
        )
        rule_card = get_card(rule, color=PALETTE.tangent)
        rule_card.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.medium).align_to(composite, UP)
        self.narrate(
            "The chain rule: the derivative of y with respect to x is dy by du times du by dx.",
            FadeIn(rule_card[0]),
            Write(rule),
            fill=True,
        )

        # -- work ------------------------------------------------------------------
        self.beat("work")
        d_outer = get_tex(steps["d_outer"], colors=U_COLORS)
        d_inner = get_tex(steps["d_inner"], colors=U_COLORS)
        derivs = VGroup(d_outer, d_inner).arrange(RIGHT, buff=SPACE.section)
        derivs.move_to(split, aligned_edge=LEFT)
        self.narrate(
            f"Differentiate each piece: the outer gives {expr_text(result.d_outer)},"
            f" the inner gives {expr_text(result.d_inner)}.",
            ReplacementTransform(outer, d_outer),
            ReplacementTransform(inner, d_inner),
            FadeOut(outer_note),
            FadeOut(inner_note),
            fill=True,
        )

        stack = VGroup(
            get_tex(steps["product"], colors=U_COLORS, size=SIZES.tex_small),
            get_tex(steps["substituted"], size=SIZES.tex_small),
            *[get_tex(line, size=SIZES.tex_small) for line in result_lines(result)],
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        self.play(
            FadeOut(composite),
            derivs.animate.align_to(composite, UP),
        )
        stack.next_to(derivs, DOWN, buff=SPACE.medium).align_to(derivs, LEFT)
        if stack.get_bottom()[1] < EDGE_BUFF + 0.6 - config.frame_height / 2:
            # too tall: the simplification steps go side by side
            stack[3:].arrange(RIGHT, buff=SPACE.large).next_to(
                stack[2], RIGHT, buff=SPACE.large
            )
        self.narrate(
            "Multiply them: dy by du times du by dx.", Write(stack[0]), fill=True
        )
        self.narrate(
            "Put the inner function back in for u.", Write(stack[1]), fill=True
        )
        self.narrate(
            f"Simplify: {expr_text(result.preferred)}. This is the power rule on a"
            " function chain: bring the power down, then multiply by the inner derivative.",
            Write(stack[2:]),
            fill=True,
        )
        working = stack[-1]
        box = SurroundingRectangle(working, color=PALETTE.tangent, buff=SPACE.tight)
        self.play(Create(box))
        derivs = VGroup(derivs, stack)

        # -- tangent ------------------------------------------------------------------
        self.beat("tangent")
        self.play(
            *[FadeOut(m) for m in (derivs, rule_card, working, box)],
        )
        demo = chain_rule(p.check_composite)
        point = demo.evaluate(p.x0)
        demo_steps = {s.label: s.latex for s in demo.steps()}

        axes = get_rule_axes(p.x_range, p.y_range, width=6.2, height=4.4)
        axes.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.small).to_edge(
            DOWN, buff=EDGE_BUFF + SPACE.small
        )
        curve = get_clipped_graph(axes, demo.f)
        formula = get_tex(demo_steps["composite"])
        formula.next_to(title, DOWN, buff=SPACE.medium).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        self.caption(
            f"Now check it on a graph with the course's other example, {expr_text(demo.composite)}."
            if p.is_course
            else f"Now check it on the graph of {expr_text(demo.composite)}."
        )
        self.play(Write(formula), Create(axes))
        self.play(Create(curve))
        self.hold()

        n3 = lambda v: fmt(v, 3)  # noqa: E731
        lines = VGroup(
            get_tex(
                rf"x = {n3(point.x)},\hspace{{1em}} u = {latex(demo.inner)} = {n3(point.u)}",
                colors=U_COLORS,
            ),
            get_tex(
                rf"\frac{{dy}}{{du}} = {latex(demo.d_outer)} = {n3(point.dy_du)}",
                colors=U_COLORS,
            ),
            get_tex(rf"\frac{{du}}{{dx}} = {n3(point.du_dx)}"),
            get_tex(
                rf"\frac{{dy}}{{dx}} = {n3(point.dy_du)} \cdot {n3(point.du_dx)}"
                rf" = {n3(point.slope)}",
                color=PALETTE.tangent,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        lines.next_to(formula, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        tag(VGroup(formula, lines, axes), "composite", "x0")
        dot = Dot(axes.c2p(point.x, point.y), color=PALETTE.point, radius=0.08)
        self.narrate(
            f"At x = {n3(point.x)} the inner value is u = {n3(point.u)}.",
            FadeIn(dot, scale=1.5),
            Write(lines[0]),
            fill=True,
        )
        self.narrate(
            f"The outer slope is {expr_text(demo.d_outer)}, the inner slope is"
            f" {expr_text(demo.d_inner)}, and their product is the slope.",
            *[Write(line) for line in lines[1:]],
            fill=True,
            lag_ratio=0.6,
        )
        span = 0.22 * (p.x_range[1] - p.x_range[0])
        tangent = get_line_through(
            axes, point.slope, point.intercept, [point.x - span, point.x + span]
        )
        slope_label = get_readout(
            r"\text{slope}", point.slope, decimals=2, color=PALETTE.tangent
        )
        slope_label.next_to(axes, UP, buff=SPACE.snug).align_to(axes, RIGHT)
        self.narrate(
            "The tangent drawn with that slope touches the curve exactly at the point.",
            Create(tangent),
            FadeIn(slope_label),
            Indicate(lines[3], color=PALETTE.tangent),
            fill=True,
        )

        # -- nudge: rates multiply along a chain of number lines -----------------------
        self.beat("nudge")
        self.play(
            *[
                FadeOut(m)
                for m in (formula, lines, axes, curve, dot, tangent, slope_label)
            ]
        )
        self.show_nudge(demo, point)

        # -- backprop ---------------------------------------------------------------------
        self.beat("backprop")
        names = [r"m", r"\hat y = mx + b", r"u = \hat y - y", r"C = u^2"]
        boxes = VGroup(*[get_card(get_tex(n, size=SIZES.tex_small)) for n in names])
        boxes.arrange(RIGHT, buff=SPACE.large).scale_to_fit_width(12.2).move_to(
            UP * 0.6
        )
        arrows = VGroup(
            *[
                Arrow(
                    boxes[i].get_right(),
                    boxes[i + 1].get_left(),
                    buff=SPACE.tight,
                    color=PALETTE.muted,
                    stroke_width=3,
                )
                for i in range(len(boxes) - 1)
            ]
        )
        self.narrate(
            "Why it matters in machine learning: a model's cost is a chain of nested functions.",
            FadeIn(boxes, lag_ratio=0.2),
            Create(arrows),
            fill=True,
        )
        backprop = get_tex(
            r"\frac{\partial C}{\partial m}",
            "=",
            r"\frac{\partial C}{\partial u}",
            r"\cdot",
            r"\frac{\partial u}{\partial \hat y}",
            r"\cdot",
            r"\frac{\partial \hat y}{\partial m}",
            size=SIZES.tex_large,
        )
        backprop.next_to(boxes, DOWN, buff=SPACE.section)
        back_note = get_text(
            "Backpropagation applies the chain rule link by link, from C back to m.",
            size=SIZES.small,
            color=PALETTE.subtle,
        ).next_to(backprop, DOWN, buff=SPACE.large)
        self.narrate(
            "Backpropagation multiplies the local derivatives link by link, from the"
            " cost back to each parameter. The curly d marks a partial derivative,"
            " the subject of section 5.",
            Write(backprop),
            FadeIn(back_note),
            fill=True,
            lag_ratio=0.5,
        )

        # -- summary ------------------------------------------------------------------------
        self.beat("summary")
        self.play(*[FadeOut(m) for m in (boxes, arrows, backprop, back_note)])
        examples = COURSE_EXAMPLES if p.is_course else (p.composite,)
        answers = VGroup(
            *[
                get_tex(rf"\frac{{d}}{{dx}}{latex(r.composite)} = {latex(r.preferred)}")
                for r in map(chain_rule, examples)
            ]
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        answers.next_to(title, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.large
        )
        tag(answers, "composite")
        self.narrate(
            "The three chain-rule examples of the course, each an outer derivative"
            " times an inner one."
            if p.is_course
            else "The chain rule: the outer derivative, at the inner function, times"
            " the inner derivative.",
            FadeIn(answers, lag_ratio=0.3),
            hold=1.5,
            fill=True,
        )
        self.wait()

    def show_nudge(self, demo: ChainRuleResult, point: ChainPoint) -> None:
        """Three number lines x, u, y: a nudge dx becomes du = u' dx, then dy = y' du."""
        du_dx, dy_du = point.du_dx, point.dy_du
        dx = NUDGE_SHARE / max(1.0, abs(du_dx), abs(du_dx * dy_du))
        values = [(point.x, dx), (point.u, du_dx * dx), (point.y, dy_du * du_dx * dx)]
        rows = VGroup()
        for name, (value, nudge) in zip(("x", "u", "y"), values, strict=True):
            half = max(4 * abs(nudge), 1e-3)
            step = nice_step(2 * half, 4)
            lo = math.floor((value - half) / step) * step
            hi = math.ceil((value + half) / step) * step
            line = NumberLine(
                x_range=[lo, hi, step],
                length=8.5,
                color=PALETTE.muted,
                include_numbers=True,
                decimal_number_config={
                    "num_decimal_places": decimals_for(step),
                    "color": PALETTE.subtle,
                },
                font_size=SIZES.small,
            )
            label = get_tex(name, colors=U_COLORS, size=SIZES.tex)
            rows.add(VGroup(label, line).arrange(RIGHT, buff=SPACE.medium))
        rows.arrange(DOWN, buff=SPACE.large, aligned_edge=RIGHT)
        rows.next_to(self.title, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        tag(rows, "composite", "x0")
        lines = [row[1] for row in rows]
        t = ValueTracker(0.0)

        def marker(i: int, moved: bool) -> Mobject:
            value, nudge = values[i]
            x = value + (nudge * t.get_value() if moved else 0.0)
            color = PALETTE.tangent if moved else PALETTE.point
            return Dot(lines[i].n2p(x), color=color, radius=0.08)

        dots = VGroup(*[marker(i, False) for i in range(3)])
        moving = [always_redraw(lambda i=i: marker(i, True)) for i in range(3)]
        rates = VGroup(
            get_tex(
                rf"du = {fmt(du_dx, 3)}\,dx", colors=U_COLORS, size=SIZES.tex_small
            ),
            get_tex(
                rf"dy = {fmt(dy_du, 3)}\,du = {fmt(dy_du * du_dx, 3)}\,dx",
                colors=U_COLORS,
                size=SIZES.tex_small,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.large)
        rates.arrange(RIGHT, buff=SPACE.section).next_to(
            rows, DOWN, buff=SPACE.large
        ).set_x(0)
        tag(rates, "composite", "x0")
        self.narrate(
            "Why do the rates multiply? Put x, u and y on three number lines, at"
            f" x = {fmt(point.x, 3)}, u = {fmt(point.u, 3)} and y = {fmt(point.y, 3)}.",
            Create(rows),
            FadeIn(dots),
            fill=True,
        )
        self.add(*moving)
        self.narrate(
            f"Nudge x a little. u moves {fmt(du_dx, 3)} times as far, because"
            f" du/dx is {fmt(du_dx, 3)}; and y moves {fmt(dy_du, 3)} times as far as u.",
            t.animate.set_value(1.0),
            FadeIn(rates[0]),
            fill=True,
        )
        self.narrate(
            f"So y moves {fmt(dy_du, 3)} times {fmt(du_dx, 3)}, that is"
            f" {fmt(dy_du * du_dx, 3)} times as far as x: the slope, a product of rates.",
            FadeIn(rates[1]),
            t.animate.set_value(0.5),
            fill=True,
        )
        self.play(FadeOut(VGroup(rows, dots, *moving, rates)))


def result_lines(result: ChainRuleResult) -> list[str]:
    """The simplification after the substitution, one line per step.

    For a power of an inner function with a common factor (5x + 25 = 5(x + 5)),
    the factor's power is shown before it is multiplied in (15 * 5^2 = 375).
    """
    lines = []
    product = result.d_outer.subs(U, result.inner) * result.d_inner
    lines.append(rf"\frac{{dy}}{{dx}} = {latex(product)}")
    content, primitive = result.inner.as_content_primitive()
    base, k = result.d_outer.as_coeff_Mul()[1].as_base_exp()
    if content != 1 and base == U and k.is_Integer and k > 1:
        coeff = product.as_coeff_Mul()[0]
        lines.append(
            rf"\frac{{dy}}{{dx}} = {latex(coeff)} \cdot {latex(content)}^{{{latex(k)}}}"
            rf" {latex(primitive**k)}"
        )
    final = rf"\frac{{dy}}{{dx}} = {latex(result.preferred)}"
    if final != lines[-1]:
        lines.append(final)
    return lines
