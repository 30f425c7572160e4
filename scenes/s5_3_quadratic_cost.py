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
    AnimationGroup,
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
)
from scenes.common.regression_parts import (
    DATA_X_RANGE,
    DATA_Y_RANGE,
    get_data_axes,
    get_data_scatter,
    get_regression_line,
    readable_labels,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

SQUARE_AXES_HEIGHT = 3.6
"""[LAYOUT] Height of the data plot; its width follows from equal units on both axes."""
SQUARE_ROOM = 0.7
"""[LAYOUT] x units left of the plot's right end beyond the error's square."""
RUN_M = 0.2
"""[LAYOUT] The run of the rise-over-run triangle on the tangent, in units of m."""


class QuadraticCost(LectureScene):
    """Beats: title, point, square, cost-of-m, gradient, batch, summary."""

    def construct(self) -> None:
        p = single_point()
        x, y = regression_xy()

        # -- title: the data and the first guess under the opening line ----------------
        # equal units on both axes, wide enough for the error's square right of x_7:
        # its area on screen is the cost in the data's own units
        y_lo, y_hi = DATA_Y_RANGE[0], DATA_Y_RANGE[1]
        x_hi = p.x + abs(p.error) + SQUARE_ROOM
        unit = SQUARE_AXES_HEIGHT / (y_hi - y_lo)
        axes = get_data_axes(
            width=unit * (x_hi - DATA_X_RANGE[0]),
            height=SQUARE_AXES_HEIGHT,
            x_range=(DATA_X_RANGE[0], x_hi, DATA_X_RANGE[2]),
        )
        readable_labels(axes)
        axes.to_edge(LEFT, buff=EDGE_BUFF).to_edge(DOWN, buff=EDGE_BUFF + SPACE.large)
        dots = get_data_scatter(axes)
        line = get_regression_line(axes, p.m, p.b)
        self.opening(
            [Create(axes), FadeIn(dots), Create(line)],
            "Before averaging over a batch, look at the cost of a single instance, "
            f"on our clinical-trial data and the first guess, m = {p.m:g}, b = {p.b:g}.",
        )
        title = self.title

        # -- point -------------------------------------------------------------------
        self.beat("point")
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
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        facts.next_to(title, DOWN, buff=SPACE.large).to_edge(
            RIGHT, buff=EDGE_BUFF + SPACE.small
        )
        self.narrate(
            f"Take instance i = {p.index}: dosage {p.x:g}, true score {p.y:g}. "
            f"The line predicts {p.y_hat:g}.",
            LaggedStart(
                AnimationGroup(
                    Indicate(dots[p.index], scale_factor=1.6),
                    FadeIn(truth),
                    Write(facts[0]),
                ),
                AnimationGroup(FadeIn(pred), Write(facts[1])),
                lag_ratio=1.0,
            ),
            fill=True,
        )
        self.narrate(
            f"The error is the vertical gap, y hat minus y: {p.error:.2f}.",
            Create(err),
            Write(facts[2]),
            fill=True,
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
        VGroup(area, area_value).arrange(DOWN, buff=SPACE.small).move_to(square)
        cost_def = get_tex(r"C = (\hat y - y)^2", size=SIZES.tex, color=PALETTE.error)
        cost_def.next_to(facts, DOWN, buff=SPACE.large).align_to(facts, LEFT)
        self.narrate(
            "Quadratic cost squares the error. Picture it as a square "
            "whose side is the error.",
            LaggedStart(Write(cost_def), GrowFromEdge(square, LEFT), lag_ratio=1.0),
            fill=True,
        )
        self.narrate(
            f"Its area is the cost: {p.error:.2f} squared is {p.cost:.4f}. "
            "Big errors make big squares.",
            Write(area),
            Write(area_value),
            fill=True,
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
            cost_def.animate.next_to(title, DOWN, buff=SPACE.large).to_edge(
                LEFT, buff=EDGE_BUFF + SPACE.medium
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
        readable_labels(c_axes)
        c_axes.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.small).to_edge(
            DOWN, buff=EDGE_BUFF + SPACE.large
        )

        def cost_of_m(m: float) -> float:
            return single_point(p.index, m=m, b=p.b).cost

        parabola = get_clipped_graph(c_axes, cost_of_m, color=PALETTE.error)
        expand = get_tex(
            rf"C(m) = (m\cdot {p.x:g} + {p.b:g} - ({p.y:g}))^2", size=SIZES.tex_small
        )
        expand.next_to(cost_def, DOWN, buff=SPACE.medium).align_to(cost_def, LEFT)
        self.narrate(
            f"Hold b at {p.b:g} and let the slope m vary: "
            "the cost of this one point is a parabola in m.",
            LaggedStart(
                AnimationGroup(Write(expand), Create(c_axes)),
                Create(parabola),
                lag_ratio=1.0,
            ),
            fill=True,
        )
        here = Dot(c_axes.c2p(p.m, p.cost), color=PALETTE.point, radius=0.09)
        tangent = get_line_through(
            c_axes,
            p.grad_m,
            p.cost - p.grad_m * p.m,
            [p.m - 0.3, p.m + 0.25],
            color=PALETTE.accent,
        ).set_stroke(width=7)
        # rise over run: a step RUN_M along m climbs grad_m * RUN_M along C
        rise = p.grad_m * RUN_M
        corner = c_axes.c2p(p.m + RUN_M, p.cost)
        run_leg = Line(c_axes.c2p(p.m, p.cost), corner, color=PALETTE.text)
        rise_leg = Line(
            corner, c_axes.c2p(p.m + RUN_M, p.cost + rise), color=PALETTE.text
        )
        run_tag = get_tex(f"{RUN_M:g}", size=SIZES.tex_small).next_to(
            run_leg, DOWN, buff=SPACE.tight
        )
        rise_tag = get_tex(f"{rise:.2f}", size=SIZES.tex_small).next_to(
            rise_leg, RIGHT, buff=SPACE.tight
        )
        triangle = VGroup(run_leg, rise_leg, run_tag, rise_tag)
        dm = get_tex(
            rf"\frac{{\partial C}}{{\partial m}} = 2(\hat y - y)\,x = {p.grad_m:.2f}",
            size=SIZES.tex_small,
            color=PALETTE.tangent,
        )
        dm.next_to(expand, DOWN, buff=SPACE.large).align_to(expand, LEFT)
        dc_dm = single_point_chain(p.x, p.y, p.m, p.b).dc_dm.formula_latex
        dc_dm = dc_dm.replace(r"\hat y", "y hat").replace(r"\,", " ")
        self.narrate(
            f"At m = {p.m:g} the cost is {p.cost:.2f}, and the tangent's slope is "
            f"the partial derivative: {dc_dm}, {p.grad_m:.2f}.",
            LaggedStart(
                FadeIn(here, scale=1.5),
                AnimationGroup(Create(tangent), Write(dm)),
                lag_ratio=1.0,
            ),
            fill=True,
        )
        self.narrate(
            f"Read the slope off the tangent: {RUN_M:g} along m, and it climbs "
            f"{rise:.2f}: {rise:.2f} divided by {RUN_M:g} is {p.grad_m:.2f}.",
            LaggedStart(
                Create(run_leg),
                FadeIn(run_tag),
                Create(rise_leg),
                FadeIn(rise_tag),
                lag_ratio=0.5,
            ),
            fill=True,
        )

        # -- gradient ---------------------------------------------------------------------------
        self.beat("gradient")
        db = get_tex(
            rf"\frac{{\partial C}}{{\partial b}} = 2(\hat y - y) = {p.grad_b:.2f}",
            size=SIZES.tex_small,
            color=PALETTE.tangent,
        )
        db.next_to(dm, DOWN, buff=SPACE.medium).align_to(dm, LEFT)
        grad = get_tex(
            r"\nabla C = \begin{bmatrix}\partial C/\partial b\\ \partial C/\partial m"
            rf"\end{{bmatrix}} = \begin{{bmatrix}}{p.grad_b:.2f}\\ {p.grad_m:.2f}\end{{bmatrix}}",
            size=SIZES.tex_small,
        )
        grad.next_to(db, DOWN, buff=SPACE.medium).align_to(db, LEFT)
        self.narrate(
            f"The same chain rule with respect to b gives {p.grad_b:.2f}. "
            "Together, b first, they form the gradient.",
            LaggedStart(Write(db), Write(grad), lag_ratio=1.0),
            fill=True,
        )
        self.narrate(
            "Both are positive and large: lowering m shrinks this point's cost fastest.",
            Indicate(dm, color=PALETTE.tangent),
            fill=True,
        )

        # -- batch ---------------------------------------------------------------------------------
        self.beat("batch")
        self.play(
            *[
                FadeOut(m)
                for m in (
                    c_axes,
                    parabola,
                    here,
                    tangent,
                    triangle,
                    expand,
                    dm,
                    db,
                    grad,
                )
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
        readable_labels(b_axes)
        b_axes.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.small).to_edge(
            DOWN, buff=EDGE_BUFF + SPACE.large
        )
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
        mse_tex.next_to(cost_def, DOWN, buff=SPACE.large).align_to(cost_def, LEFT)
        mse_val = get_tex(
            rf"= {batch:.4f}", size=SIZES.tex_small, color=PALETTE.tangent
        )
        mse_val.next_to(mse_tex, DOWN, buff=SPACE.medium).align_to(mse_tex, LEFT)
        mean_tag = get_tex(f"{batch:.2f}", size=SIZES.tex_small, color=PALETTE.tangent)
        # above the line's left end, over the short bars (clear of the tall ones)
        mean_tag.next_to(mean_line.get_start(), UP + RIGHT, buff=SPACE.tight)
        self.narrate(
            f"Every instance has its own quadratic cost; point {p.index} is the "
            "tallest bar because its error is the biggest.",
            LaggedStart(
                Create(b_axes),
                LaggedStart(*[GrowFromEdge(b, DOWN) for b in bars], lag_ratio=0.15),
                lag_ratio=1.0,
            ),
            fill=True,
        )
        self.narrate(
            f"Averaged over all {len(x)} instances they give the mean squared "
            f"error of the batch, {batch:.4f}.",
            LaggedStart(
                AnimationGroup(Write(mse_tex), Create(mean_line), FadeIn(mean_tag)),
                Write(mse_val),
                lag_ratio=1.0,
            ),
            fill=True,
        )

        # -- summary ---------------------------------------------------------------------------------
        self.beat("summary")
        note = VGroup(
            get_text("one point: a square", size=SIZES.small, color=PALETTE.subtle),
            get_text("the batch: their mean", size=SIZES.small, color=PALETTE.subtle),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight)
        note.next_to(mse_val, DOWN, buff=SPACE.large).align_to(mse_val, LEFT)
        self.narrate(
            "Quadratic cost for one point, its mean for the batch: "
            "the next step is the batch gradient.",
            FadeIn(note, shift=UP * 0.2),
            hold=1.0,
            fill=True,
        )
        self.wait()
