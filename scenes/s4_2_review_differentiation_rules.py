"""4.2 Review: Differentiation with Rules.

Learning goal: recall, briskly, how the rules combine: x^2 + 2x + 2 -> 2x + 2 by
the sum rule, with the power, constant multiple and constant rules for the terms,
and (3x + 1)^2 -> 18x + 6 by the chain rule (the power rule on a function chain).
Working comes from ``mathkit.rules`` and ``mathkit.chain_rule``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    SurroundingRectangle,
    VGroup,
    Write,
)

from mathkit.chain_rule import COURSE_EXAMPLES, chain_rule
from mathkit.data import DELTA_POINT_X, RUNNING_FUNCTION
from mathkit.expr import latex
from mathkit.rules import differentiate
from scenes.common.base import LectureScene
from scenes.common.math_text import expr_text
from scenes.common.mobjects import get_card, get_tex
from scenes.common.numbers import fmt
from scenes.common.rules_parts import (
    get_rule_card,
    get_term_rules,
    get_working,
    term_rules_text,
)
from scenes.common.theme import EDGE_BUFF, PALETTE

U_COLORS = {"u": PALETTE.accent}


class ReviewDifferentiationRules(LectureScene):
    """Beats: title, sum-by-rules, chain, summary."""

    def construct(self) -> None:
        running = differentiate(RUNNING_FUNCTION)
        working = get_working(running.steps[0])
        working.move_to(UP * 0.8).to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        title = self.opening(
            working[0],
            "A quick review of the differentiation rules, on examples from the course."
            f" First, the running function {expr_text(running.expr)}: a sum, so the sum"
            " rule splits it into terms.",
        )

        # -- sum of terms ----------------------------------------------------------------
        self.beat("sum-by-rules")
        self.play(
            working[0]
            .animate.next_to(title, DOWN, buff=0.7)
            .to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        )
        working.next_to(title, DOWN, buff=0.7).to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        terms = get_term_rules(running.steps)
        terms.next_to(working, DOWN, buff=0.6).set_x(0)
        self.narrate(
            f"Each term has its own rule: {term_rules_text(running)}.",
            FadeIn(terms, lag_ratio=0.3),
            fill=True,
        )
        box = SurroundingRectangle(working.result[1:], color=PALETTE.tangent, buff=0.12)
        slope = running.tangent(DELTA_POINT_X)
        self.narrate(
            f"Add the pieces: the derivative is {expr_text(running.simplified)}. At"
            f" x = {fmt(slope.x)} it is {fmt(slope.slope)}, the tangent slope the delta"
            " method found in the last review.",
            Write(working[1:]),
            Create(box),
            fill=True,
        )

        # -- chain ---------------------------------------------------------------------------
        self.beat("chain")
        self.play(*[FadeOut(m) for m in (working, box, terms)])

        chain = chain_rule(COURSE_EXAMPLES[2])
        steps = {s.label: s.latex for s in chain.steps()}
        composite = get_tex(steps["composite"])
        split = VGroup(
            get_tex(steps["outer"], colors=U_COLORS),
            get_tex(steps["inner"], colors=U_COLORS),
        ).arrange(RIGHT, buff=1.0)
        derivs = VGroup(
            get_tex(steps["d_outer"], colors=U_COLORS),
            get_tex(steps["d_inner"], colors=U_COLORS),
        ).arrange(RIGHT, buff=1.0)
        product = get_tex(steps["substituted"], "=", latex(chain.expanded))
        answer = product[2].set_color(PALETTE.tangent)
        lines = VGroup(composite, split, derivs, product)
        lines.arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        lines.next_to(title, DOWN, buff=0.6).to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        chain_card = get_rule_card("chain").to_edge(RIGHT, buff=EDGE_BUFF + 0.1)
        chain_card.next_to(title, DOWN, buff=0.4).to_edge(RIGHT, buff=EDGE_BUFF + 0.1)
        self.caption(
            f"Second, a function chain: {expr_text(chain.composite)}. Call the inside u."
        )
        self.play(Write(composite), FadeIn(chain_card))
        self.play(FadeIn(split, shift=DOWN * 0.2))
        self.hold()
        self.caption(
            f"The chain rule multiplies the outer derivative, {expr_text(chain.d_outer)},"
            f" by the inner one, {expr_text(chain.d_inner)}."
        )
        self.play(FadeIn(derivs, shift=DOWN * 0.2))
        self.play(Write(product[0]))
        self.hold()
        self.caption(
            f"Multiply out: {expr_text(chain.expanded)}. This is the power rule on a function chain: "
            "bring the power down, then multiply by the inner derivative."
        )
        self.play(Write(product[1:]))
        answer_box = SurroundingRectangle(answer, color=PALETTE.tangent, buff=0.12)
        self.play(Create(answer_box))
        self.hold()

        # -- summary -------------------------------------------------------------------------
        self.beat("summary")
        self.play(FadeOut(lines), FadeOut(answer_box), FadeOut(chain_card))
        results = VGroup(
            get_card(
                get_tex(
                    rf"\frac{{d}}{{dx}}\left({running.expr_latex}\right)"
                    rf" = {running.result_latex}"
                )
            ),
            get_card(
                get_tex(
                    rf"\frac{{d}}{{dx}}{latex(chain.composite)}"
                    rf" = {latex(chain.expanded)}"
                )
            ),
        ).arrange(DOWN, buff=0.5)
        results.next_to(title, DOWN, buff=1.0).set_x(0)
        self.narrate(
            "Rules turn differentiation into bookkeeping: split the expression, "
            "apply one rule per piece, and combine. The same bookkeeping, done by "
            "a computer, is automatic differentiation, which comes next.",
            FadeIn(results, lag_ratio=0.3),
            hold=1.0,
        )
        self.wait()
