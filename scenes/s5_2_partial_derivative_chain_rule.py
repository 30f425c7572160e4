"""5.2 The Partial-Derivative Chain Rule.

Learning goal: when a cost depends on a parameter through a chain of
functions, its partial derivative is the product of the local derivatives along
the chain. Worked on the course's single-point regression cost C = u^2,
u = y_hat - y, y_hat = m x + b at data point i = 7, where dC/dm = 108.78 and
dC/db = 15.54. Every number comes from ``mathkit.multivariate``.
"""

from __future__ import annotations

from functools import partial

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    SurroundingRectangle,
    TransformMatchingTex,
    VGroup,
    Write,
)

from mathkit.data import SINGLE_POINT_INDEX
from mathkit.multivariate import CostChain, single_point_chain
from scenes.common import numbers
from scenes.common.base import LectureScene
from scenes.common.mobjects import get_card, get_tex, get_text, get_title
from scenes.common.surface_parts import get_link, get_node
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

HAT = r"\hat y"


fmt = partial(numbers.fmt, places=4)
"""At most four decimals, trailing zeros dropped: 60.3729, 108.78, 6.4."""


def said(tex: str) -> str:
    """A chain factor's LaTeX formula as subtitle text: ``2(y hat - y)``."""
    return tex.replace(HAT, "y hat").replace(r"\,", " ")


class PartialChainRule(LectureScene):
    """Beats: title, chain, local, rule-m, rule-b, numbers, gradient."""

    def construct(self) -> None:
        ch: CostChain = single_point_chain()

        # -- title ---------------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "The Partial-Derivative Chain Rule",
            subtitle="Through the cost of one point",
        )
        self.narrate(
            "The cost of a model depends on its parameters through a chain of functions. "
            "The chain rule works for partial derivatives too.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- chain ---------------------------------------------------------------------
        self.beat("chain")
        m_node = get_node("m", color=PALETTE.accent)
        x_node = get_node("x")
        b_node = get_node("b", color=PALETTE.accent)
        inputs = VGroup(m_node, x_node, b_node).arrange(DOWN, buff=0.2)
        yhat_node = get_node(rf"{HAT} = mx + b", color=PALETTE.curve)
        u_node = get_node(rf"u = {HAT} - y", color=PALETTE.curve)
        y_node = get_node("y")
        c_node = get_node("C = u^2", color=PALETTE.error)
        diagram = VGroup(inputs, yhat_node, u_node, c_node).arrange(RIGHT, buff=1.3)
        y_node.next_to(u_node, DOWN, buff=0.45)
        diagram.add(y_node)
        diagram.next_to(title, DOWN, buff=0.3).set_x(0)
        links = {
            "m": get_link(m_node, yhat_node),
            "x": get_link(x_node, yhat_node),
            "b": get_link(b_node, yhat_node),
            "yhat": get_link(yhat_node, u_node),
            "y": get_link(y_node, u_node),
            "u": get_link(u_node, c_node),
        }
        self.caption(
            "For one data point the chain is: the prediction y hat equals m x plus b; "
            "the error u is y hat minus y; the cost C is u squared."
        )
        self.play(FadeIn(inputs, lag_ratio=0.2))
        self.play(GrowArrow(links["m"]), GrowArrow(links["x"]), GrowArrow(links["b"]))
        self.play(FadeIn(yhat_node))
        self.play(GrowArrow(links["yhat"]), FadeIn(y_node), GrowArrow(links["y"]))
        self.play(FadeIn(u_node))
        self.play(GrowArrow(links["u"]), FadeIn(c_node))
        self.hold()
        params = get_text("parameters", size=SIZES.small, color=PALETTE.accent)
        params.next_to(inputs, LEFT, buff=0.25)
        if params.get_left()[0] < -7.1 + EDGE_BUFF:
            params.next_to(inputs, DOWN, buff=0.2)
        self.narrate(
            "The parameters m and b are what training adjusts; x and y are fixed data. "
            "So C depends on m and b only through y hat.",
            FadeIn(params),
            Indicate(m_node),
            Indicate(b_node),
        )

        # -- local ----------------------------------------------------------------------
        self.beat("local")
        local = {
            "u": get_tex(
                rf"{ch.dc_du.symbol_latex} = {ch.dc_du.formula_latex}",
                size=SIZES.tex_small,
                color=PALETTE.tangent,
            ),
            "yhat": get_tex(
                rf"{ch.du_dyhat.symbol_latex} = {ch.du_dyhat.formula_latex}",
                size=SIZES.tex_small,
                color=PALETTE.tangent,
            ),
            "m": get_tex(
                rf"{ch.dyhat_dm.symbol_latex} = {ch.dyhat_dm.formula_latex}",
                size=SIZES.tex_small,
                color=PALETTE.tangent,
            ),
            "b": get_tex(
                rf"{ch.dyhat_db.symbol_latex} = {ch.dyhat_db.formula_latex}",
                size=SIZES.tex_small,
                color=PALETTE.tangent,
            ),
        }
        local_row = VGroup(local["m"], local["b"], local["yhat"], local["u"])
        local_row.arrange(RIGHT, buff=0.8).next_to(diagram, DOWN, buff=0.35).set_x(0)
        self.caption(
            f"Each link has its own simple derivative: {said(ch.dc_du.formula_latex)} for the"
            f" square, {said(ch.du_dyhat.formula_latex)} for the subtraction,"
            f" {said(ch.dyhat_dm.formula_latex)} for m and {said(ch.dyhat_db.formula_latex)} for b."
        )
        for key in ("u", "yhat", "m", "b"):
            self.play(
                FadeIn(local[key], shift=UP * 0.15),
                Indicate(links[key], color=PALETTE.tangent),
                run_time=0.9,
            )
        self.hold()

        # -- rule-m -----------------------------------------------------------------------
        self.beat("rule-m")
        rule = get_tex(
            ch.dc_dm.symbol_latex,
            "=",
            ch.dc_du.symbol_latex,
            r"\cdot",
            ch.du_dyhat.symbol_latex,
            r"\cdot",
            ch.dyhat_dm.symbol_latex,
        )
        rule.next_to(local_row, DOWN, buff=0.35).set_x(0)
        self.narrate(
            "To reach m from C, multiply the local derivatives along the path: "
            "C to u, u to y hat, y hat to m.",
            Write(rule),
        )
        product = get_tex(
            ch.dc_dm.symbol_latex,
            "=",
            ch.dc_du.formula_latex,
            r"\cdot",
            ch.du_dyhat.formula_latex,
            r"\cdot",
            ch.dyhat_dm.formula_latex,
        ).move_to(rule)
        result_m = get_tex(ch.dc_dm.symbol_latex, "=", ch.dc_dm.formula_latex).move_to(
            rule
        )
        self.narrate(
            "Put in the local derivatives and write u as y hat minus y.",
            TransformMatchingTex(rule, product),
            hold=1.0,
        )
        self.play(TransformMatchingTex(product, result_m))
        self.hold()

        # -- rule-b -------------------------------------------------------------------------
        self.beat("rule-b")
        result_b = get_tex(
            ch.dc_db.symbol_latex,
            "=",
            ch.dc_dyhat.symbol_latex,
            r"\cdot",
            ch.dyhat_db.symbol_latex,
            "=",
            rf"{ch.dc_db.formula_latex} \cdot 1",
        )
        results = VGroup(result_m.copy(), result_b).arrange(RIGHT, buff=1.0)
        if results.width > 13.4 - 2 * EDGE_BUFF:
            results.arrange(DOWN, buff=0.35)
        results.move_to(rule).set_x(0)
        self.caption(
            "The path to b shares every link except the last, whose derivative is"
            f" {said(ch.dyhat_db.formula_latex)}. So the partial with respect to b is just"
            f" {said(ch.dc_db.formula_latex)}."
        )
        self.play(result_m.animate.move_to(results[0]))
        self.play(Write(result_b))
        self.hold()

        # -- numbers ---------------------------------------------------------------------------
        self.beat("numbers")
        self.play(FadeOut(local_row), FadeOut(params))
        forward = VGroup(
            get_tex(rf"x = {fmt(ch.x)},\ y = {fmt(ch.y)}", size=SIZES.tex_small),
            get_tex(
                rf"m = {fmt(ch.m)},\ b = {fmt(ch.b)}",
                size=SIZES.tex_small,
                color=PALETTE.accent,
            ),
            get_tex(
                rf"{HAT} = {fmt(ch.y_hat)}", size=SIZES.tex_small, color=PALETTE.curve
            ),
            get_tex(rf"u = {fmt(ch.u)}", size=SIZES.tex_small, color=PALETTE.curve),
            get_tex(rf"C = {fmt(ch.cost)}", size=SIZES.tex_small, color=PALETTE.error),
        )
        VGroup(forward[0], forward[1]).arrange(RIGHT, buff=0.6)
        forward_row = VGroup(*forward).arrange(RIGHT, buff=0.55)
        forward_row.move_to(local_row)
        self.narrate(
            f"The course's point i = {SINGLE_POINT_INDEX}: x = {fmt(ch.x)}, y = {fmt(ch.y)}, "
            f"with m = {fmt(ch.m)} and b = {fmt(ch.b)}. The forward pass gives "
            f"y hat = {fmt(ch.y_hat)}, u = {fmt(ch.u)} and a cost of {fmt(ch.cost)}.",
            FadeIn(forward_row, lag_ratio=0.3),
            run_time=2,
        )
        num_m = get_tex(
            ch.dc_dm.symbol_latex,
            "=",
            rf"2({fmt(ch.u)}) \cdot {fmt(ch.x)}",
            "=",
            fmt(ch.dc_dm.value),
            color=PALETTE.tangent,
        )
        num_b = get_tex(
            ch.dc_db.symbol_latex,
            "=",
            rf"2({fmt(ch.u)}) \cdot 1",
            "=",
            fmt(ch.dc_db.value),
            color=PALETTE.tangent,
        )
        numbers = VGroup(num_m, num_b).arrange(RIGHT, buff=1.0)
        if numbers.width > 13.4 - 2 * EDGE_BUFF:
            numbers.arrange(DOWN, buff=0.35)
        numbers.move_to(results)
        self.caption(
            f"Backward, {said(ch.dc_du.formula_latex)} = {fmt(ch.dc_du.value)}."
            f" Times x = {fmt(ch.x)} gives {fmt(ch.dc_dm.value)} for m;"
            f" times {fmt(ch.dyhat_db.value)} gives {fmt(ch.dc_db.value)} for b: "
            "the same values autodiff reports."
        )
        self.play(FadeOut(result_m), FadeOut(result_b))
        self.play(Write(num_m))
        self.play(Write(num_b))
        self.hold()

        # -- gradient ---------------------------------------------------------------------------
        self.beat("gradient")
        grad = get_tex(
            r"\nabla C = \begin{bmatrix} \partial C/\partial b \\ \partial C/\partial m \end{bmatrix}"
            rf" = \begin{{bmatrix}} {fmt(ch.gradient[0])} \\ {fmt(ch.gradient[1])} \end{{bmatrix}}",
        )
        card = get_card(grad, color=PALETTE.tangent)
        card.next_to(diagram, DOWN, buff=0.4).set_x(0)
        self.caption(
            "Collected into one vector, b first as in the course, these partials are "
            "the gradient of the cost: the subject of the next lesson."
        )
        self.play(FadeOut(VGroup(numbers, forward_row)))
        self.play(FadeIn(card[0]), Write(grad))
        box = SurroundingRectangle(c_node, color=PALETTE.error, buff=0.08)
        self.play(Create(box))
        self.hold(1.5)
        self.wait()
