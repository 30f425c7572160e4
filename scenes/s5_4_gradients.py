"""5.4 Gradients.

Learning goal: the gradient collects every partial derivative of the cost into
one vector, grad C = [dC/db, dC/dm]; on a contour map of C(b, m) it points
straight uphill, and its components say how strongly each parameter pushes the
cost. Worked on the course's batch regression at (b, m) = (0.1, 0.9), where
grad C = [6.265, 36.305]. Every number comes from ``mathkit.cost`` and ``mathkit.multivariate``.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Create,
    DashedLine,
    DashedVMobject,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    LaggedStart,
    Line,
    SurroundingRectangle,
    VGroup,
    Write,
)

from mathkit.cost import (
    cost_contour,
    least_squares,
    regression_cost,
    regression_gradient,
)
from mathkit.data import (
    INITIAL_B,
    INITIAL_M,
    REGRESSION_X,
    SINGLE_POINT_INDEX,
    regression_xy,
)
from mathkit.multivariate import single_point_chain
from scenes.common import numbers
from scenes.common.base import LectureScene
from scenes.common.mobjects import get_tex, get_text
from scenes.common.regression_parts import get_contours, get_edge_axes
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

MAP_B_RANGE = (-2, 5, 1)
"""[LAYOUT] b axis of the cost map (the start, the valley and its lowest point)."""
MAP_M_RANGE = (-1.5, 2.5, 0.5)
"""[LAYOUT] m axis of the cost map."""
CONTOUR_LEVELS = (0.3, 1.5, 4.0, 9.0, 30.0, 48.0)
"""Extra cost levels drawn as contours (layout only; the start's own level is added)."""
ARROW_LENGTH = 1.6
"""Screen length of the drawn gradient arrow (the true vector is far longer)."""


def fmt(value: float, places: int = 3) -> str:
    """This scene's numbers: three decimals unless told, trailing zeros dropped."""
    return numbers.fmt(value, places)


def _component_tags() -> tuple[str, str]:
    """The two component labels drawn on the map (their text names for the gate)."""
    g_b, g_m = regression_gradient(INITIAL_B, INITIAL_M, *regression_xy())
    return fmt(g_b, 2), fmt(g_m, 1)


class Gradients(LectureScene):
    """Beats: title, definition, batch, contours, arrow, reading, summary."""

    #: The component labels sit on the contour map by design (on a background stroke).
    allowed_overlaps = tuple(
        (f"MathTex '{tag}'", line)
        for tag in _component_tags()
        for line in ("VGroup", "Arrow", "Line")
    )

    def construct(self) -> None:
        single = single_point_chain()
        b0, m0 = INITIAL_B, INITIAL_M
        x, y = regression_xy()
        c0 = regression_cost(b0, m0, x, y)
        g_b, g_m = regression_gradient(b0, m0, x, y)
        ols = least_squares(x, y)

        # -- title: the cost map appears under the opening line -------------------------
        axes = get_edge_axes(
            MAP_B_RANGE,
            MAP_M_RANGE,
            width=6.3,
            height=3.6,
            x_label="b",
            y_label="m",
            decimals=1,
        )
        axes.to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium).to_edge(
            DOWN, buff=EDGE_BUFF + SPACE.large
        )
        levels = sorted({*CONTOUR_LEVELS, c0})
        contours = get_contours(
            axes, [cost_contour(c, x, y, samples=161) for c in levels]
        )
        self.opening(
            [Create(axes), Create(contours, lag_ratio=0.1)],
            "The cost of our regression depends on two parameters, the intercept b and "
            "the slope m. Here it is over every pair, as contour lines: each loop joins "
            "points of equal cost, around a long narrow valley.",
        )
        title = self.title
        lowest = Dot(axes.c2p(ols.b, ols.m), color=PALETTE.secant, radius=0.09)
        # the label sits above the plot box, a dashed leader down to the point:
        # no text on the contour lines
        low_text = get_text("lowest cost", size=SIZES.small, color=PALETTE.secant)
        low_text.move_to(
            [lowest.get_x(), axes.c2p(0, MAP_M_RANGE[1])[1] + SPACE.large, 0]
        )
        leader = DashedLine(
            low_text.get_bottom() + DOWN * SPACE.tight,
            lowest.get_top(),
            color=PALETTE.secant,
            stroke_width=2,
        )
        low_label = VGroup(low_text, leader)

        # -- definition: read off the map ---------------------------------------------------
        self.beat("definition")
        definition = get_tex(
            r"\nabla C = \begin{bmatrix} \partial C / \partial b \\"
            r" \partial C / \partial m \end{bmatrix}",
        )
        theta = get_tex(
            r"\theta = \begin{bmatrix} b \\ m \end{bmatrix}",
            size=SIZES.tex_small,
            color=PALETTE.accent,
        )
        top = VGroup(definition, theta).arrange(RIGHT, buff=SPACE.medium)
        # the right column starts clear of the map and its b label
        top.next_to(title, DOWN, buff=SPACE.large)
        top.align_to(axes.get_right() + RIGHT * SPACE.large, LEFT)
        self.narrate(
            "The gradient, written nabla C and read del C, stacks the partial derivatives "
            "of the cost with respect to every parameter: how steeply the map rises "
            "along b, and along m. The course puts b first.",
            Write(definition),
            FadeIn(theta),
            FadeIn(lowest, scale=1.5),
            FadeIn(low_label),
            fill=True,
        )
        single_tex = VGroup(
            get_text(
                f"one point (i = {SINGLE_POINT_INDEX}):",
                size=SIZES.small,
                color=PALETTE.subtle,
            ),
            get_tex(
                r"\nabla C = \begin{bmatrix} "
                rf"{fmt(single.gradient[0])} \\ {fmt(single.gradient[1])} \end{{bmatrix}}",
                size=SIZES.tex_small,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight)
        single_tex.next_to(top, DOWN, buff=SPACE.large).align_to(top, LEFT)
        self.narrate(
            f"For the single point of the last lesson it is {fmt(single.gradient[0])} "
            f"and {fmt(single.gradient[1])}.",
            FadeIn(single_tex, shift=UP * 0.2),
            fill=True,
        )

        # -- batch ----------------------------------------------------------------------------
        self.beat("batch")
        n = len(REGRESSION_X)
        formulas = VGroup(
            get_tex(
                r"\frac{\partial C}{\partial b} = \frac{2}{n}\sum_i (\hat y_i - y_i)",
                size=SIZES.tex_small,
            ),
            get_tex(
                r"\frac{\partial C}{\partial m} = \frac{2}{n}\sum_i (\hat y_i - y_i)\,x_i",
                size=SIZES.tex_small,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        formulas.next_to(top, DOWN, buff=SPACE.large).align_to(top, LEFT)
        self.narrate(
            f"For all {n} points, the cost is the mean squared error, and each partial is "
            "an average of the single-point partials.",
            FadeOut(single_tex),
            Write(formulas),
            fill=True,
        )
        side = get_tex(
            rf"\nabla C = \begin{{bmatrix}} {fmt(g_b)} \\ {fmt(g_m)} \end{{bmatrix}}",
            color=PALETTE.tangent,
        )
        side.next_to(title, DOWN, buff=SPACE.large).align_to(top, LEFT)
        start = Dot(axes.c2p(b0, m0), color=PALETTE.point, radius=0.09)
        start_level = get_contours(
            axes, [cost_contour(c0, x, y, samples=161)], color=PALETTE.tangent
        )
        self.narrate(
            f"At the starting guess b = {fmt(b0)}, m = {fmt(m0)}, the gradient is "
            f"{fmt(g_b)} and {fmt(g_m)}.",
            FadeOut(VGroup(definition, theta, formulas)),
            FadeIn(side),
            FadeIn(start, scale=1.5),
            fill=True,
        )

        # -- contours ----------------------------------------------------------------------------
        self.beat("contours")
        start_label = get_tex(
            rf"C({fmt(b0)}, {fmt(m0)}) = {fmt(c0, 4)}",
            size=SIZES.tex_small,
            color=PALETTE.point,
        )
        start_label.next_to(side, DOWN, buff=SPACE.medium).align_to(side, LEFT)
        self.narrate(
            f"Our starting guess sits high on the slope, on the contour where the cost is "
            f"{fmt(c0, 2)}.",
            Create(start_level),
            FadeIn(start_label),
            fill=True,
        )

        # -- arrow --------------------------------------------------------------------------------
        self.beat("arrow")
        grad = np.array([g_b, g_m])
        scale = ARROW_LENGTH / float(np.linalg.norm(grad))
        origin = axes.c2p(b0, m0)
        tip = origin + scale * np.array([grad[0], grad[1], 0.0])
        arrow = Arrow(origin, tip, buff=0, color=PALETTE.tangent, stroke_width=6)
        corner = origin + scale * np.array([grad[0], 0.0, 0.0])
        # the components as the legs of a right angle: thick, no tips, labelled
        b_part = Line(origin, corner, color=PALETTE.accent, stroke_width=9)
        m_part = Line(corner, tip, color=PALETTE.error, stroke_width=9)
        b_text, m_text = _component_tags()
        b_tag = get_tex(b_text, size=SIZES.tex_small, color=PALETTE.accent)
        b_tag.next_to(b_part, DOWN, buff=SPACE.small)
        m_tag = get_tex(m_text, size=SIZES.tex_small, color=PALETTE.error)
        m_tag.next_to(m_part, RIGHT, buff=SPACE.small)
        for tag in (b_tag, m_tag):
            tag.set_background_stroke(color=PALETTE.background, width=6)
        note = get_text(
            f"arrow drawn {1 / scale:.0f}× shorter",
            size=SIZES.small,
            color=PALETTE.subtle,
        )
        note.next_to(start_label, DOWN, buff=SPACE.small).align_to(side, LEFT)
        self.narrate(
            "Drawn at the start, the gradient points straight uphill, across the contour "
            "lines: the direction in which the cost grows fastest.",
            GrowArrow(arrow),
            FadeIn(note),
            fill=True,
        )

        # -- reading --------------------------------------------------------------------------------
        self.beat("reading")
        ratio = g_m / g_b
        reading = VGroup(
            get_tex(
                rf"\frac{{\partial C}}{{\partial m}} = {fmt(g_m)}",
                size=SIZES.tex_small,
                color=PALETTE.error,
            ),
            get_text("raise m: C rises fast", size=SIZES.small, color=PALETTE.text),
            get_tex(
                rf"\frac{{\partial C}}{{\partial b}} = {fmt(g_b)}",
                size=SIZES.tex_small,
                color=PALETTE.accent,
            ),
            get_text("raise b: C rises less", size=SIZES.small, color=PALETTE.text),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight)
        reading.next_to(note, DOWN, buff=SPACE.small).align_to(side, LEFT)
        self.narrate(
            f"Split into components, the m part is about {ratio:.0f} times the b part. "
            "Increasing m strongly increases the cost; increasing b increases it too, but less.",
            LaggedStart(
                Create(m_part),
                FadeIn(m_tag),
                FadeIn(reading[:2]),
                Create(b_part),
                FadeIn(b_tag),
                FadeIn(reading[2:]),
                lag_ratio=0.4,
            ),
            fill=True,
        )
        downhill = DashedVMobject(
            Arrow(
                origin,
                origin - (tip - origin),
                buff=0,
                color=PALETTE.secant,
                stroke_width=5,
            ),
            num_dashes=8,
        )
        self.narrate(
            "So to lower the cost, step the other way, against the gradient: "
            "the first step will mostly lower the slope m.",
            Create(downhill),
            Indicate(reading[0], color=PALETTE.error),
            fill=True,
        )
        self.narrate(
            "Notice that the downhill arrow does not point at the lowest cost: in this "
            "long, narrow valley it points across the valley, not along it. That is why "
            "descent, next lesson, first drops into the valley and then creeps along it.",
            Indicate(lowest, color=PALETTE.secant, scale_factor=1.8),
            fill=True,
        )

        # -- summary -----------------------------------------------------------------------------------
        self.beat("summary")
        box = SurroundingRectangle(side, color=PALETTE.tangent, buff=SPACE.tight)
        self.narrate(
            "The gradient is the vector of all partial derivatives: it says which way is "
            "uphill, and how steeply along each parameter.",
            Create(box),
            hold=1.5,
            fill=True,
        )
        self.wait()
