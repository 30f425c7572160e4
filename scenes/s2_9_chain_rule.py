"""2.9 The Chain Rule.

Learning goal: differentiate a composite y = f(g(x)) as dy/dx = dy/du * du/dx,
see that the product is the slope of the tangent, and recognise the chain rule
as the engine of backpropagation. Every expression and number comes from
``mathkit.chain_rule``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    DR,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Create,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    ReplacementTransform,
    SurroundingRectangle,
    TransformMatchingTex,
    VGroup,
    Write,
)

from mathkit.chain_rule import COURSE_EXAMPLES, TANGENT_DEMO, chain_rule
from mathkit.expr import latex, plain
from scenes.common.base import LectureScene
from scenes.common.mobjects import (
    get_axes,
    get_card,
    get_clipped_graph,
    get_line_through,
    get_tex,
    get_text,
    get_title,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

U_COLORS = {"u": PALETTE.accent}


class ChainRule(LectureScene):
    """Beats: title, decompose, rule, work, tangent, backprop, summary."""

    example: str = COURSE_EXAMPLES[0]

    def construct(self) -> None:
        result = chain_rule(self.example)
        steps = {s.label: s.latex for s in result.steps()}

        # -- title -------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "The Chain Rule", subtitle="Differentiating a function of a function"
        )
        self.narrate(
            "The chain rule differentiates a function nested inside another function.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- decompose ---------------------------------------------------------
        self.beat("decompose")
        composite = get_tex(steps["composite"], size=SIZES.tex_large)
        composite.next_to(title, DOWN, buff=0.8).to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        self.narrate(
            f"Take the course example: y = {plain(result.composite)}.", Write(composite)
        )
        outer = get_tex(steps["outer"], colors=U_COLORS)
        inner = get_tex(steps["inner"], colors=U_COLORS)
        split = VGroup(outer, inner).arrange(RIGHT, buff=1.2)
        split.next_to(composite, DOWN, buff=0.6, aligned_edge=LEFT)
        outer_note = get_text("outer  f(u)", size=SIZES.small, color=PALETTE.subtle)
        inner_note = get_text("inner  u(x)", size=SIZES.small, color=PALETTE.subtle)
        outer_note.next_to(outer, DOWN, buff=0.2)
        inner_note.next_to(inner, DOWN, buff=0.2)
        self.caption(
            f"Name the inside u. The outer function is y = {plain(result.outer)};"
            f" the inner function is u = {plain(result.inner)}."
        )
        self.play(FadeIn(outer, shift=DOWN * 0.2), FadeIn(inner, shift=DOWN * 0.2))
        self.play(FadeIn(outer_note), FadeIn(inner_note))
        self.hold()

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
        rule_card.to_edge(RIGHT, buff=EDGE_BUFF + 0.4).align_to(composite, UP)
        self.narrate(
            "The chain rule: the derivative of y with respect to x is dy by du times du by dx.",
            FadeIn(rule_card[0]),
            Write(rule),
        )

        # -- work ------------------------------------------------------------------
        self.beat("work")
        d_outer = get_tex(steps["d_outer"], colors=U_COLORS)
        d_inner = get_tex(steps["d_inner"], colors=U_COLORS)
        derivs = VGroup(d_outer, d_inner).arrange(RIGHT, buff=1.2)
        derivs.move_to(split, aligned_edge=LEFT)
        self.narrate(
            f"Differentiate each piece: the outer gives {plain(result.d_outer)},"
            f" the inner gives {plain(result.d_inner)}.",
            ReplacementTransform(outer, d_outer),
            ReplacementTransform(inner, d_inner),
            FadeOut(outer_note),
            FadeOut(inner_note),
        )

        working = get_tex(steps["product"], colors=U_COLORS)
        working.next_to(derivs, DOWN, buff=0.8).align_to(composite, LEFT)
        self.narrate("Multiply them.", Write(working))
        for label, say in (
            ("substituted", "Put the inner function back in for u."),
            ("factored", f"Simplify: {plain(result.factored)}."),
        ):
            nxt = get_tex(steps[label]).move_to(working, aligned_edge=LEFT)
            self.narrate(say, TransformMatchingTex(working, nxt))
            working = nxt
        box = SurroundingRectangle(working, color=PALETTE.tangent, buff=0.12)
        self.play(Create(box))
        self.hold(1.0)

        # -- tangent ------------------------------------------------------------------
        self.beat("tangent")
        self.play(
            *[FadeOut(m) for m in (composite, derivs, rule_card, working, box)],
        )
        demo_expr, demo_x = TANGENT_DEMO
        demo = chain_rule(demo_expr)
        point = demo.evaluate(demo_x)
        demo_steps = {s.label: s.latex for s in demo.steps()}

        axes = get_axes([-1.2, 0.9, 0.5], [0, 12, 2], width=6.2, height=4.6)
        axes.to_edge(RIGHT, buff=EDGE_BUFF + 0.2).to_edge(DOWN, buff=EDGE_BUFF + 0.2)
        curve = get_clipped_graph(axes, demo.f)
        formula = get_tex(demo_steps["composite"])
        formula.next_to(title, DOWN, buff=0.4).to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        self.caption(
            f"Now check it on a graph with the course's other example, {plain(demo.composite)}."
        )
        self.play(Write(formula), Create(axes))
        self.play(Create(curve))
        self.hold()

        lines = VGroup(
            get_tex(
                rf"x = {point.x:g},\hspace{{1em}} u = 3x + 1 = {point.u:g}",
                colors=U_COLORS,
            ),
            get_tex(rf"\frac{{dy}}{{du}} = 2u = {point.dy_du:g}", colors=U_COLORS),
            get_tex(rf"\frac{{du}}{{dx}} = {point.du_dx:g}"),
            get_tex(
                rf"\frac{{dy}}{{dx}} = {point.dy_du:g} \cdot {point.du_dx:g} = {point.slope:g}",
                color=PALETTE.tangent,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        lines.next_to(formula, DOWN, buff=0.35, aligned_edge=LEFT)
        dot = Dot(axes.c2p(point.x, point.y), color=PALETTE.point, radius=0.08)
        self.narrate(
            f"At x = {point.x:g} the inner value is u = {point.u:g}.",
            FadeIn(dot, scale=1.5),
            Write(lines[0]),
        )
        self.caption(
            f"The outer slope is {plain(demo.d_outer)}, the inner slope is"
            f" {plain(demo.d_inner)}, and their product is the slope."
        )
        for line in lines[1:]:
            self.play(Write(line), run_time=0.9)
        self.hold()

        tangent = get_line_through(
            axes, point.slope, point.intercept, [point.x - 0.45, point.x + 0.45]
        )
        slope_label = VGroup(
            get_text("slope", size=SIZES.small, color=PALETTE.tangent),
            DecimalNumber(
                point.slope,
                num_decimal_places=1,
                font_size=SIZES.label,
                color=PALETTE.tangent,
            ),
        ).arrange(RIGHT, buff=0.15)
        slope_label.next_to(dot, DR, buff=0.3)
        self.caption(
            "The tangent drawn with that slope touches the curve exactly at the point."
        )
        self.play(Create(tangent), FadeIn(slope_label))
        self.play(Indicate(lines[3], color=PALETTE.tangent))
        self.hold()

        # -- backprop ---------------------------------------------------------------------
        self.beat("backprop")
        self.play(
            *[
                FadeOut(m)
                for m in (formula, lines, axes, curve, dot, tangent, slope_label)
            ]
        )
        names = [r"m", r"\hat y = mx + b", r"u = \hat y - y", r"C = u^2"]
        boxes = VGroup(*[get_card(get_tex(n, size=SIZES.tex_small)) for n in names])
        boxes.arrange(RIGHT, buff=0.7).scale_to_fit_width(12.2).move_to(UP * 0.6)
        arrows = VGroup(
            *[
                Arrow(
                    boxes[i].get_right(),
                    boxes[i + 1].get_left(),
                    buff=0.08,
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
        backprop.next_to(boxes, DOWN, buff=0.9)
        back_note = get_text(
            "Backpropagation applies the chain rule link by link, from C back to m.",
            size=SIZES.small,
            color=PALETTE.subtle,
        ).next_to(backprop, DOWN, buff=0.5)
        self.caption(
            "Backpropagation multiplies the local derivatives link by link, from the cost back to each parameter."
        )
        self.play(Write(backprop))
        self.play(FadeIn(back_note))
        self.hold()

        # -- summary ------------------------------------------------------------------------
        self.beat("summary")
        self.play(*[FadeOut(m) for m in (boxes, arrows, backprop, back_note)])
        answers = VGroup(
            *[
                get_tex(rf"\frac{{d}}{{dx}}{latex(r.composite)} = {latex(r.preferred)}")
                for r in map(chain_rule, COURSE_EXAMPLES)
            ]
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.45)
        answers.next_to(title, DOWN, buff=0.8).to_edge(LEFT, buff=EDGE_BUFF + 0.6)
        self.narrate(
            "The three chain-rule examples of the course, each an outer derivative times an inner one.",
            FadeIn(answers, lag_ratio=0.3),
            hold=1.5,
        )
        self.wait()
