"""5.3 Quadratic Cost.

Learning goal: the quadratic cost of one instance is its error squared, literally
the area of a square whose side is the error. For the course's point i = 7
(y_hat = 6.4, y = -1.37) that is 7.77^2 = 60.3729; as a function of m it is a
parabola whose tangent slope at m = 0.9 is dC/dm = 108.78. Averaging the
quadratic cost over the batch gives the MSE. Values from ``mathkit.cost``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowFromEdge,
    Indicate,
    LaggedStart,
    Line,
    Rectangle,
    Square,
    VGroup,
    Write,
)

from mathkit.cost import forward, mse, single_point
from mathkit.data import INITIAL_B, INITIAL_M, regression_xy
from mathkit.multivariate import single_point_chain
from scenes.common.base import LectureScene
from scenes.common.mobjects import (
    get_axes,
    get_clipped_graph,
    get_line_through,
    get_tex,
    get_text,
    get_title,
)
from scenes.common.regression_parts import (
    get_data_axes,
    get_data_scatter,
    get_regression_line,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES


class QuadraticCost(LectureScene):
    """Beats: title, point, square, cost-of-m, gradient, batch, summary."""

    def construct(self) -> None:
        p = single_point()
        x, y = regression_xy()

        # -- title ---------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "Quadratic Cost", subtitle="The squared error of one instance"
        )
        self.narrate(
            "Before averaging over a batch, look at the cost of a single "
            "instance: the quadratic cost.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- point -------------------------------------------------------------------
        self.beat("point")
        axes = get_data_axes(width=4.2, height=3.8)
        axes.to_edge(LEFT, buff=EDGE_BUFF).to_edge(DOWN, buff=EDGE_BUFF + 0.3)
        dots = get_data_scatter(axes)
        line = get_regression_line(axes, p.m, p.b)
        self.narrate(
            f"Our clinical-trial data and the first guess, m = {p.m:g}, b = {p.b:g}.",
            Create(axes),
            FadeIn(dots),
            Create(line),
        )
        truth = Dot(axes.c2p(p.x, p.y), color=PALETTE.point, radius=0.11)
        pred = Dot(axes.c2p(p.x, p.y_hat), color=PALETTE.curve, radius=0.11)
        err = Line(
            axes.c2p(p.x, p.y),
            axes.c2p(p.x, p.y_hat),
            color=PALETTE.error,
            stroke_width=5,
        )
        facts = VGroup(
            get_tex(
                rf"i = {p.index}:\quad x = {p.x:g},\ y = {p.y:g}", size=SIZES.tex_small
            ),
            get_tex(
                rf"\hat y = mx + b = {p.m:g}\cdot{p.x:g} + {p.b:g} = {p.y_hat:g}",
                size=SIZES.tex_small,
                color=PALETTE.curve,
            ),
            get_tex(
                rf"\hat y - y = {p.error:.2f}",
                size=SIZES.tex_small,
                color=PALETTE.error,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        facts.next_to(title, DOWN, buff=0.6).to_edge(RIGHT, buff=EDGE_BUFF + 0.2)
        self.caption(
            f"Take instance i = {p.index}: dosage {p.x:g}, true score {p.y:g}. "
            f"The line predicts {p.y_hat:g}."
        )
        self.play(
            Indicate(dots[p.index], scale_factor=1.6), FadeIn(truth), Write(facts[0])
        )
        self.play(FadeIn(pred), Write(facts[1]))
        self.hold()
        self.narrate(
            f"The error is the vertical gap, y hat minus y: {p.error:.2f}.",
            Create(err),
            Write(facts[2]),
        )

        # -- square -------------------------------------------------------------------------
        self.beat("square")
        side = err.get_length()
        square = Square(
            side_length=side,
            color=PALETTE.error,
            stroke_width=3,
            fill_color=PALETTE.error,
            fill_opacity=0.25,
        )
        square.next_to(err, RIGHT, buff=0)
        area = get_tex(
            rf"C = {p.error:.2f}^2", size=SIZES.tex_small, color=PALETTE.text
        )
        area_value = get_tex(
            rf"= {p.cost:.4f}", size=SIZES.tex_small, color=PALETTE.text
        )
        VGroup(area, area_value).arrange(DOWN, buff=0.2).move_to(square)
        cost_def = get_tex(r"C = (\hat y - y)^2", size=SIZES.tex, color=PALETTE.error)
        cost_def.next_to(facts, DOWN, buff=0.5).align_to(facts, LEFT)
        self.caption(
            "Quadratic cost squares the error. Picture it as a square "
            "whose side is the error."
        )
        self.play(Write(cost_def))
        self.play(GrowFromEdge(square, LEFT))
        self.hold()
        self.narrate(
            f"Its area is the cost: {p.error:.2f} squared is {p.cost:.4f}. "
            "Big errors make big squares.",
            Write(area),
            Write(area_value),
        )

        # -- cost as a function of m ---------------------------------------------------------
        self.beat("cost-of-m")
        self.play(
            *[
                FadeOut(m)
                for m in (
                    axes,
                    dots,
                    line,
                    truth,
                    pred,
                    err,
                    square,
                    area,
                    area_value,
                    facts,
                )
            ],
            cost_def.animate.next_to(title, DOWN, buff=0.6).to_edge(
                LEFT, buff=EDGE_BUFF + 0.4
            ),
        )
        c_axes = get_axes(
            [-0.6, 1.3, 0.5],
            [0, 90, 20],
            width=6.0,
            height=4.4,
            x_label="m",
            y_label="C",
        )
        c_axes.to_edge(RIGHT, buff=EDGE_BUFF + 0.2).to_edge(DOWN, buff=EDGE_BUFF + 0.3)

        def cost_of_m(m: float) -> float:
            return single_point(p.index, m=m, b=p.b).cost

        parabola = get_clipped_graph(c_axes, cost_of_m, color=PALETTE.error)
        expand = get_tex(
            rf"C(m) = (m\cdot {p.x:g} + {p.b:g} - ({p.y:g}))^2", size=SIZES.tex_small
        )
        expand.next_to(cost_def, DOWN, buff=0.45).align_to(cost_def, LEFT)
        self.caption(
            f"Hold b at {p.b:g} and let the slope m vary: "
            "the cost of this one point is a parabola in m."
        )
        self.play(Write(expand), Create(c_axes))
        self.play(Create(parabola))
        self.hold()
        here = Dot(c_axes.c2p(p.m, p.cost), color=PALETTE.point, radius=0.09)
        tangent = get_line_through(
            c_axes, p.grad_m, p.cost - p.grad_m * p.m, [p.m - 0.3, p.m + 0.25]
        )
        dm = get_tex(
            rf"\frac{{\partial C}}{{\partial m}} = 2(\hat y - y)\,x = {p.grad_m:.2f}",
            size=SIZES.tex_small,
            color=PALETTE.tangent,
        )
        dm.next_to(expand, DOWN, buff=0.5).align_to(expand, LEFT)
        dc_dm = single_point_chain(p.x, p.y, p.m, p.b).dc_dm.formula_latex
        dc_dm = dc_dm.replace(r"\hat y", "y hat").replace(r"\,", " ")
        self.caption(
            f"At m = {p.m:g} the cost is {p.cost:.2f}, and the tangent's slope is "
            f"the partial derivative: {dc_dm}, {p.grad_m:.2f}."
        )
        self.play(FadeIn(here, scale=1.5))
        self.play(Create(tangent), Write(dm))
        self.hold()

        # -- gradient ---------------------------------------------------------------------------
        self.beat("gradient")
        db = get_tex(
            rf"\frac{{\partial C}}{{\partial b}} = 2(\hat y - y) = {p.grad_b:.2f}",
            size=SIZES.tex_small,
            color=PALETTE.tangent,
        )
        db.next_to(dm, DOWN, buff=0.4).align_to(dm, LEFT)
        grad = get_tex(
            rf"\nabla C = \begin{{bmatrix}}{p.grad_b:.2f}\\ {p.grad_m:.2f}\end{{bmatrix}}",
            size=SIZES.tex_small,
        )
        grad.next_to(db, DOWN, buff=0.4).align_to(db, LEFT)
        self.caption(
            f"The same chain rule with respect to b gives {p.grad_b:.2f}. "
            "Together, b first, they form the gradient."
        )
        self.play(Write(db))
        self.play(Write(grad))
        self.hold()
        self.narrate(
            "Both are positive and large: lowering m shrinks this point's cost fastest.",
            Indicate(dm, color=PALETTE.tangent),
        )

        # -- batch ---------------------------------------------------------------------------------
        self.beat("batch")
        self.play(
            *[
                FadeOut(m)
                for m in (c_axes, parabola, here, tangent, expand, dm, db, grad)
            ]
        )
        costs = [single_point(i).cost for i in range(len(x))]
        batch = mse(forward(x, INITIAL_M, INITIAL_B), y)
        b_axes = get_axes(
            [-0.5, len(x) - 0.5, 1],
            [0, 70, 10],
            width=6.4,
            height=4.4,
            x_label="i",
            y_label="C_i",
        )
        b_axes.to_edge(RIGHT, buff=EDGE_BUFF + 0.2).to_edge(DOWN, buff=EDGE_BUFF + 0.3)
        bars = VGroup()
        for i, c in enumerate(costs):
            lo, hi = b_axes.c2p(i - 0.3, 0), b_axes.c2p(i + 0.3, c)
            bar = Rectangle(
                width=hi[0] - lo[0],
                height=max(hi[1] - lo[1], 0.01),
                stroke_width=2,
                color=PALETTE.error,
                fill_color=PALETTE.error,
                fill_opacity=0.5,
            )
            bar.move_to(b_axes.c2p(i, c / 2))
            bars.add(bar)
        mean_line = DashedLine(
            b_axes.c2p(-0.5, batch),
            b_axes.c2p(len(x) - 0.5, batch),
            color=PALETTE.tangent,
            stroke_width=3,
        )
        mse_tex = get_tex(
            r"C = \frac{1}{n}\sum_{i=0}^{n-1}(\hat y_i - y_i)^2", size=SIZES.tex_small
        )
        mse_tex.next_to(cost_def, DOWN, buff=0.5).align_to(cost_def, LEFT)
        mse_val = get_tex(
            rf"= {batch:.4f}", size=SIZES.tex_small, color=PALETTE.tangent
        )
        mse_val.next_to(mse_tex, DOWN, buff=0.3).align_to(mse_tex, LEFT)
        self.caption(
            f"Every instance has its own quadratic cost; point {p.index} is the "
            "tallest bar because its error is the biggest."
        )
        self.play(Create(b_axes))
        self.play(LaggedStart(*[GrowFromEdge(b, DOWN) for b in bars], lag_ratio=0.15))
        self.hold()
        self.caption(
            f"Averaged over all {len(x)} instances they give the mean squared "
            f"error of the batch, {batch:.4f}."
        )
        self.play(Write(mse_tex), Create(mean_line))
        self.play(Write(mse_val))
        self.hold()

        # -- summary ---------------------------------------------------------------------------------
        self.beat("summary")
        note = VGroup(
            get_text("one point: a square", size=SIZES.small, color=PALETTE.subtle),
            get_text("the batch: their mean", size=SIZES.small, color=PALETTE.subtle),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        note.next_to(mse_val, DOWN, buff=0.6).align_to(mse_val, LEFT)
        self.narrate(
            "Quadratic cost for one point, its mean for the batch: "
            "the next step is the batch gradient.",
            FadeIn(note, shift=UP * 0.2),
            hold=1.0,
        )
        self.wait()
