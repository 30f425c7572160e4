"""5.2 The Partial-Derivative Chain Rule.

Learning goal: when a cost depends on a parameter through a chain of
functions, its partial derivative is the product of the local derivatives along
the chain. Worked on the course's single-point regression cost C = u^2,
u = y_hat - y, y_hat = m x + b at data point i = 7, where dC/dm = 108.78 and
dC/db = 15.54; then the batch, where m reaches the cost along one path per
data point and the partial sums the products of every path (dC/dm = 36.305).
Every number comes from ``mathkit.multivariate`` and ``mathkit.cost``.
"""

from __future__ import annotations

from functools import partial

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    LaggedStart,
    TransformMatchingTex,
    VGroup,
    Write,
)

from mathkit.cost import forward, regression_gradient
from mathkit.data import SINGLE_POINT_INDEX, regression_xy
from mathkit.multivariate import CostChain, single_point_chain
from scenes.common import numbers
from scenes.common.base import LectureScene
from scenes.common.mobjects import get_card, get_tex, get_text
from scenes.common.surface_parts import get_link, get_node, get_title_block
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

HAT = r"\hat y"


fmt = partial(numbers.fmt, places=4)
"""At most four decimals, trailing zeros dropped: 60.3729, 108.78, 6.4."""


def said(tex: str) -> str:
    """A chain factor's LaTeX formula as subtitle text: ``2(y hat - y)``."""
    return tex.replace(HAT, "y hat").replace(r"\,", " ").replace(" - ", " minus ")


def _signed_sum(values: list[float]) -> str:
    """``a + b - c`` in TeX, two decimals each (no ``+ -``)."""
    parts = [numbers.fmt(values[0], 2)]
    for v in values[1:]:
        parts.append(("- " if v < 0 else "+ ") + numbers.fmt(abs(v), 2))
    return " ".join(parts)


class PartialChainRule(LectureScene):
    """Beats: title, chain, local, rule-m, rule-b, numbers, gradient."""

    def construct(self) -> None:
        ch: CostChain = single_point_chain()

        # -- title: the chain builds under the opening line ------------------------------
        m_node = get_node("m", color=PALETTE.accent)
        x_node = get_node("x")
        b_node = get_node("b", color=PALETTE.accent)
        inputs = VGroup(m_node, x_node, b_node).arrange(DOWN, buff=SPACE.small)
        yhat_node = get_node(rf"{HAT} = mx + b", color=PALETTE.curve)
        u_node = get_node(rf"u = {HAT} - y", color=PALETTE.curve)
        y_node = get_node("y")
        c_node = get_node("C = u^2", color=PALETTE.error)
        diagram = VGroup(inputs, yhat_node, u_node, c_node).arrange(
            RIGHT, buff=SPACE.section
        )
        y_node.next_to(u_node, DOWN, buff=SPACE.large)
        diagram.add(y_node)
        block = get_title_block(type(self))
        diagram.next_to(block, DOWN, buff=SPACE.large).set_x(0)
        links = {
            "m": get_link(m_node, yhat_node),
            "x": get_link(x_node, yhat_node),
            "b": get_link(b_node, yhat_node),
            "yhat": get_link(yhat_node, u_node),
            "y": get_link(y_node, u_node),
            "u": get_link(u_node, c_node),
        }
        self.opening(
            [
                FadeIn(inputs, lag_ratio=0.2),
                GrowArrow(links["m"]),
                GrowArrow(links["x"]),
                GrowArrow(links["b"]),
                FadeIn(yhat_node),
                GrowArrow(links["yhat"]),
                FadeIn(y_node),
                GrowArrow(links["y"]),
                FadeIn(u_node),
                GrowArrow(links["u"]),
                FadeIn(c_node),
            ],
            "The cost of a model depends on its parameters through a chain of functions. "
            "For one data point: the prediction y hat is m x plus b, the error u is "
            "y hat minus y, and the cost C is u squared.",
        )
        title = self.title

        # -- chain ---------------------------------------------------------------------
        self.beat("chain")
        params = get_text("parameters", size=SIZES.small, color=PALETTE.accent)
        params.next_to(inputs, LEFT, buff=SPACE.small)
        if params.get_left()[0] < -7.1 + EDGE_BUFF:
            params.next_to(inputs, UP, buff=SPACE.small).align_to(inputs, LEFT)
        self.narrate(
            "The parameters m and b are what training adjusts; x and y are fixed data. "
            "So C depends on m and b only through y hat. The chain rule works for "
            "partial derivatives too.",
            FadeIn(params),
            Indicate(m_node),
            Indicate(b_node),
            fill=True,
        )

        # -- local: each derivative on its own edge -------------------------------------------
        self.beat("local")
        factor = {
            "u": ch.dc_du,
            "yhat": ch.du_dyhat,
            "m": ch.dyhat_dm,
            "b": ch.dyhat_db,
        }
        local = {}
        for key, f in factor.items():
            tag = get_tex(f.formula_latex, size=SIZES.tex_small, color=PALETTE.tangent)
            tag.set_background_stroke(color=PALETTE.background, width=6)
            arrow = links[key]
            side = DOWN if key == "b" else UP
            tag.next_to(arrow.point_from_proportion(0.5), side, buff=SPACE.tight)
            local[key] = tag
        length = self.caption(
            f"Each link has its own simple derivative, written on its edge: "
            f"{said(ch.dc_du.formula_latex)} for the square, "
            f"{said(ch.du_dyhat.formula_latex)} for the subtraction, "
            f"{said(ch.dyhat_dm.formula_latex)} for m and "
            f"{said(ch.dyhat_db.formula_latex)} for b."
        )
        for key in ("u", "yhat", "m", "b"):
            self.play(
                FadeIn(local[key], shift=UP * 0.15),
                Indicate(links[key], color=PALETTE.tangent),
                run_time=max(0.9, length / 4 - 0.2),
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
        rule.next_to(diagram, DOWN, buff=SPACE.large).set_x(0)
        path_m = VGroup(links["u"], links["yhat"], links["m"])
        self.narrate(
            "To reach m from C, multiply the local derivatives along the path: "
            "C to u, u to y hat, y hat to m.",
            Write(rule),
            path_m.animate.set_color(PALETTE.tangent).set_stroke(width=6),
            *[Indicate(local[k], color=PALETTE.tangent) for k in ("u", "yhat", "m")],
            fill=True,
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
            fill=True,
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
        results = VGroup(result_m.copy(), result_b).arrange(RIGHT, buff=SPACE.section)
        if results.width > 13.4 - 2 * EDGE_BUFF:
            results.arrange(DOWN, buff=SPACE.medium)
        results.move_to(rule).set_x(0)
        self.narrate(
            "The path to b shares every link except the last, whose derivative is"
            f" {said(ch.dyhat_db.formula_latex)}. So the partial with respect to b is just"
            f" {said(ch.dc_db.formula_latex)}.",
            LaggedStart(
                AnimationGroup(
                    result_m.animate.move_to(results[0]),
                    links["m"].animate.set_color(PALETTE.muted).set_stroke(width=3),
                    links["b"].animate.set_color(PALETTE.tangent).set_stroke(width=6),
                ),
                Write(result_b),
                lag_ratio=1.0,
            ),
            fill=True,
        )

        # -- numbers ---------------------------------------------------------------------------
        self.beat("numbers")
        self.play(FadeOut(params))
        written = VGroup(
            get_tex(fmt(ch.m), size=SIZES.tex_small, color=PALETTE.accent).next_to(
                m_node, LEFT, buff=SPACE.tight
            ),
            get_tex(fmt(ch.x), size=SIZES.tex_small).next_to(
                x_node, LEFT, buff=SPACE.tight
            ),
            get_tex(fmt(ch.b), size=SIZES.tex_small, color=PALETTE.accent).next_to(
                b_node, LEFT, buff=SPACE.tight
            ),
            get_tex(fmt(ch.y), size=SIZES.tex_small).next_to(
                y_node, LEFT, buff=SPACE.tight
            ),
            get_tex(
                rf"= {fmt(ch.y_hat)}", size=SIZES.tex_small, color=PALETTE.curve
            ).next_to(yhat_node, DOWN, buff=SPACE.tight),
            get_tex(
                rf"= {fmt(ch.u)}", size=SIZES.tex_small, color=PALETTE.curve
            ).next_to(u_node, UP, buff=SPACE.tight),
            get_tex(
                rf"= {fmt(ch.cost)}", size=SIZES.tex_small, color=PALETTE.error
            ).next_to(c_node, DOWN, buff=SPACE.tight),
        )
        self.narrate(
            f"The course's point i = {SINGLE_POINT_INDEX}: x = {fmt(ch.x)}, y = {fmt(ch.y)}, "
            f"with m = {fmt(ch.m)} and b = {fmt(ch.b)}. The forward pass writes "
            f"y hat = {fmt(ch.y_hat)}, u = {fmt(ch.u)} and a cost of {fmt(ch.cost)} "
            "into the chain.",
            FadeIn(written, lag_ratio=0.3),
            fill=True,
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
        num_group = VGroup(num_m, num_b).arrange(RIGHT, buff=SPACE.section)
        if num_group.width > 13.4 - 2 * EDGE_BUFF:
            num_group.arrange(DOWN, buff=SPACE.medium)
        num_group.move_to(results)
        self.narrate(
            f"Backward, {said(ch.dc_du.formula_latex)} = {fmt(ch.dc_du.value)}."
            f" Times x = {fmt(ch.x)} gives {fmt(ch.dc_dm.value)} for m;"
            f" times {fmt(ch.dyhat_db.value)} gives {fmt(ch.dc_db.value)} for b: "
            "the same values autodiff reports.",
            LaggedStart(
                AnimationGroup(FadeOut(result_m), FadeOut(result_b)),
                Write(num_m),
                Write(num_b),
                lag_ratio=1.0,
            ),
            fill=True,
        )

        # -- many paths: m reaches the batch cost through every prediction -----------------
        self.beat("many-paths")
        xs, ys = regression_xy()
        n = len(xs)
        y_hats = forward(xs, ch.m, ch.b)
        terms = [
            2 / n * (yh - yv) * xv for yh, yv, xv in zip(y_hats, ys, xs, strict=True)
        ]
        batch_b, batch_m = regression_gradient(ch.b, ch.m, xs, ys)
        self.play(FadeOut(VGroup(diagram, *links.values(), *local.values(), written)))
        self.play(FadeOut(num_group))
        m_root = get_node("m", color=PALETTE.accent)
        # plain labels, not cards: eight of them fit the stage's height at full size
        preds = VGroup(
            *[get_tex(rf"{HAT}_{{{i}}}", color=PALETTE.curve) for i in range(n)]
        ).arrange(DOWN, buff=SPACE.tight)
        cost = get_node(r"C = \frac{1}{n}\sum_i u_i^2", color=PALETTE.error)
        tree = VGroup(m_root, preds, cost).arrange(RIGHT, buff=SPACE.section * 2)
        tree.next_to(title, DOWN, buff=SPACE.medium).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.large
        )
        ins = VGroup(*[get_link(m_root, q) for q in preds])
        outs = VGroup(*[get_link(q, cost) for q in preds])
        general = get_tex(
            r"\frac{\partial C}{\partial m} = \sum_i "
            r"\frac{\partial C}{\partial \hat y_i}\,\frac{\partial \hat y_i}{\partial m}",
            size=SIZES.tex_small,
        )
        general.next_to(tree, RIGHT, buff=SPACE.large).align_to(tree, UP)
        self.narrate(
            f"Now the whole batch. The slope m feeds all {n} predictions, and each one "
            "feeds the cost: there are many paths from m to C. A partial derivative "
            "adds up the products along every path.",
            FadeIn(m_root),
            Create(ins, lag_ratio=0.1),
            FadeIn(preds, lag_ratio=0.1),
            Create(outs, lag_ratio=0.1),
            FadeIn(cost),
            Write(general),
            fill=True,
        )
        sum_tex = get_tex(
            _signed_sum(terms),
            size=SIZES.tex_small,
            color=PALETTE.tangent,
        )
        room = 7.1 - EDGE_BUFF - general.get_left()[0]
        if sum_tex.width > room:  # eight products do not fit: the general term
            sum_tex = get_tex(
                r"\sum_i \frac{2}{n}(\hat y_i - y_i)\,x_i",
                size=SIZES.tex,
                color=PALETTE.tangent,
            )
        total = get_tex(
            rf"= {numbers.fmt(batch_m, 3)}", size=SIZES.tex, color=PALETTE.tangent
        )
        VGroup(sum_tex, total).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.small
        ).next_to(general, DOWN, buff=SPACE.large).align_to(general, LEFT)
        length = self.caption(
            "Each path's product is 2 over n, times that point's error, times its x. "
            "Light them one by one and sum."
        )
        for i in range(n):
            self.play(
                ins[i].animate.set_color(PALETTE.tangent),
                outs[i].animate.set_color(PALETTE.tangent),
                Indicate(preds[i], color=PALETTE.tangent, scale_factor=1.1),
                run_time=max(0.45, (length - 1.0) / n),
            )
        self.play(Write(sum_tex))
        self.hold()
        self.narrate(
            f"The sum is {numbers.fmt(batch_m, 3)}: the batch gradient for m, and b's is "
            f"{numbers.fmt(batch_b, 3)} the same way. The next lesson collects them.",
            Write(total),
            fill=True,
        )

        # -- gradient ---------------------------------------------------------------------------
        self.beat("gradient")
        grad = get_tex(
            r"\nabla C = \begin{bmatrix} \partial C/\partial b \\ \partial C/\partial m \end{bmatrix}"
            rf" = \begin{{bmatrix}} {fmt(ch.gradient[0])} \\ {fmt(ch.gradient[1])} \end{{bmatrix}}",
        )
        card = get_card(grad, color=PALETTE.tangent)
        # the single point's chain comes back with its numbers, both paths lit, and
        # its two partials collected under it: the picture the gradient comes from
        card.next_to(diagram, DOWN, buff=SPACE.medium).set_x(0)
        self.play(FadeOut(VGroup(tree, ins, outs, general, sum_tex, total)))
        for key in ("m", "b"):
            links[key].set_color(PALETTE.tangent).set_stroke(width=6)
        recap = VGroup(diagram, *links.values(), *local.values(), written)
        self.narrate(
            "Back to the single point. Its two paths give two partials; collected "
            "into one vector, b first as in the course, they are the gradient of "
            "the cost: the subject of the next lesson.",
            FadeIn(recap, lag_ratio=0.05),
            FadeIn(card[0]),
            Write(grad),
            fill=True,
            hold=1.5,
        )
        self.wait()
