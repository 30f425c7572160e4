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
    Indicate,
    SurroundingRectangle,
    VGroup,
    Write,
)

from mathkit.chain_rule import COURSE_EXAMPLES, chain_rule
from mathkit.data import DELTA_POINT_X, RUNNING_FUNCTION
from mathkit.expr import latex
from mathkit.rules import (
    PRODUCT_FACTORS,
    QUOTIENT_PARTS,
    differentiate,
    product_rule,
    quotient_rule,
)
from scenes.common.base import LectureScene
from scenes.common.math_text import expr_text
from scenes.common.mobjects import get_card, get_tex, get_text
from scenes.common.numbers import fmt
from scenes.common.rules_parts import (
    RULE_TITLES,
    get_rule_card,
    get_term_rules,
    get_working,
    term_rules_text,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

U_COLORS = {"u": PALETTE.accent}


class ReviewDifferentiationRules(LectureScene):
    """Beats: title, sum-by-rules, chain, summary."""

    def construct(self) -> None:
        running = differentiate(RUNNING_FUNCTION)
        working = get_working(running.steps[0])
        working.move_to(UP * 0.8).to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium)
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
            .animate.next_to(title, DOWN, buff=SPACE.large)
            .to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium)
        )
        working.next_to(title, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        terms = get_term_rules(running.steps)
        terms.next_to(working, DOWN, buff=SPACE.large).set_x(0)
        self.narrate(
            f"Each term has its own rule: {term_rules_text(running)}.",
            FadeIn(terms, lag_ratio=0.3),
            fill=True,
        )
        box = SurroundingRectangle(
            working.result[1:], color=PALETTE.tangent, buff=SPACE.tight
        )
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
        ).arrange(RIGHT, buff=SPACE.section)
        derivs = VGroup(
            get_tex(steps["d_outer"], colors=U_COLORS),
            get_tex(steps["d_inner"], colors=U_COLORS),
        ).arrange(RIGHT, buff=SPACE.section)
        product = get_tex(steps["substituted"], "=", latex(chain.expanded))
        answer = product[2].set_color(PALETTE.tangent)
        lines = VGroup(composite, split, derivs, product)
        lines.arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        lines.next_to(title, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        chain_card = get_rule_card("chain").to_edge(RIGHT, buff=EDGE_BUFF + SPACE.tight)
        chain_card.next_to(title, DOWN, buff=SPACE.medium).to_edge(
            RIGHT, buff=EDGE_BUFF + SPACE.tight
        )
        self.narrate(
            f"Second, a function chain: {expr_text(chain.composite)}. Call the inside u.",
            Write(composite),
            FadeIn(chain_card),
            FadeIn(split, shift=DOWN * 0.2),
            fill=True,
            lag_ratio=0.4,
        )
        self.narrate(
            f"The chain rule multiplies the outer derivative, {expr_text(chain.d_outer)},"
            f" by the inner one, {expr_text(chain.d_inner)}.",
            FadeIn(derivs, shift=DOWN * 0.2),
            Write(product[0]),
            fill=True,
            lag_ratio=0.5,
        )
        answer_box = SurroundingRectangle(
            answer, color=PALETTE.tangent, buff=SPACE.snug
        )
        self.narrate(
            f"Multiply out: {expr_text(chain.expanded)}. This is the power rule on a"
            " function chain: bring the power down, then multiply by the inner derivative.",
            Write(product[1:]),
            Create(answer_box),
            fill=True,
            lag_ratio=0.6,
        )

        # -- summary -------------------------------------------------------------------------
        self.beat("summary")
        self.play(FadeOut(lines), FadeOut(answer_box), FadeOut(chain_card))
        product_ex = product_rule(*PRODUCT_FACTORS)
        quotient_ex = quotient_rule(*QUOTIENT_PARTS)
        entries = [
            (
                "sum",
                rf"\frac{{d}}{{dx}}\left({running.expr_latex}\right)",
                running.result_latex,
            ),
            (
                "product",
                rf"\frac{{d}}{{dx}}{product_ex.expr_latex}",
                product_ex.result_latex,
            ),
            (
                "quotient",
                rf"\frac{{d}}{{dx}}{quotient_ex.expr_latex}",
                quotient_ex.result_latex,
            ),
            (
                "chain",
                rf"\frac{{d}}{{dx}}{latex(chain.composite)}",
                latex(chain.expanded),
            ),
        ]
        cards = []
        for rule, lhs, rhs in entries:
            name = get_text(RULE_TITLES[rule], size=SIZES.small, color=PALETTE.tangent)
            formula = get_tex(lhs, "=", rhs, size=SIZES.tex_small)
            formula[2].set_color(PALETTE.tangent)
            cards.append(
                get_card(VGroup(name, formula).arrange(DOWN, buff=SPACE.small))
            )
        results = VGroup(*cards).arrange_in_grid(
            rows=2, cols=2, buff=(SPACE.medium, SPACE.medium)
        )
        self.stage(
            results, grow=True
        )  # the four results fill the stage, not its top half
        self.narrate(
            "Every rule of the course on one card each: sum, product, quotient and chain."
            f" The product gives {expr_text(product_ex.simplified)}, the quotient"
            f" {expr_text(quotient_ex.simplified)}.",
            FadeIn(results, lag_ratio=0.4),
            fill=True,
        )
        self.narrate(
            "Rules turn differentiation into bookkeeping: split the expression, "
            "apply one rule per piece, and combine. The same bookkeeping, done by "
            "a computer, is automatic differentiation, which comes next.",
            *[
                Indicate(card, color=PALETTE.tangent, scale_factor=1.03)
                for card in cards
            ],
            fill=True,
            lag_ratio=0.5,
            hold=1.0,
        )
        self.wait()
