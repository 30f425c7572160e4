"""5.4 Gradients.

Learning goal: the gradient collects every partial derivative of the cost into
one vector, grad C = [dC/db, dC/dm]; on a contour map of C(b, m) it points
straight uphill, and its components say how strongly each parameter pushes the
cost. Worked on the course's batch regression at (b, m) = (0.1, 0.9), where
grad C = [6.265, 36.305]. Every number comes from ``mathkit.cost`` and ``mathkit.multivariate``.

A variant (issue 14, :class:`scenes.common.schemas_multivariate.GradientsParams`)
sets f(x, y) and the point: the map (equal units on x and y, so that the arrow
crosses the contours at right angles as it does in the plane) holds f's level
curves (``mathkit.level_sets``), a beat shows f's own partials in place of the
regression's batch formulas, and every line is built from the variant's values.
The course's "lowest cost" mark stays the course's.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    MathTex,
    Mobject,
    SurroundingRectangle,
    VGroup,
    Write,
    config,
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
from mathkit.expr import latex
from mathkit.level_sets import level_curves, level_values, sample_grid
from mathkit.multivariate import SADDLE_VARS, partial_derivatives, single_point_chain
from mathkit.numeric import compile_expr
from mathkit.plotting import decimals_for
from scenes.common import numbers
from scenes.common.base import LectureScene
from scenes.common.math_text import expr_words
from scenes.common.mobjects import (
    FRAME_RESERVE,
    get_tex,
    get_text,
    path_points,
    place_clear_of_points,
    stage_box,
)
from scenes.common.params import tag
from scenes.common.regression_parts import get_contours, get_edge_axes
from scenes.common.schemas_multivariate import GradientsParams
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

CONTOUR_LEVELS = (0.3, 1.5, 4.0, 9.0, 30.0, 48.0)
"""Extra cost levels drawn as contours (layout only; the start's own level is added)."""
ARROW_LENGTH = 1.6
"""Screen length of the drawn gradient arrow (the true vector is far longer)."""
MAP_SIDE = 4.3
"""[LAYOUT] Side of a variant's square plot box (its map has equal units on x and y)."""
VARIANT_LEVELS = 7
"""[LAYOUT] Quantile levels of f drawn on a variant's map (the point's level is added)."""
TAG_SHARES = (0.5, 0.25, 0.75, 0.0, 1.0)
"""[LAYOUT] Where along a leg its value label may sit (share of the leg's length)."""
SAME_SIZE = 1.25
"""Components within this ratio of each other are read as "about the same size"."""
TO_SCALE = 0.05
"""An arrow within this share of the vector's true screen length is "drawn to scale"."""


def fmt(value: float, places: int = 3) -> str:
    """This scene's numbers: three decimals unless told, trailing zeros dropped."""
    return numbers.fmt(value, places)


def _times(ratio: float) -> str:
    """A ratio for a note or a line: whole from 10 up, else one decimal."""
    return fmt(ratio, 0 if ratio >= 10 else 1)


def _scale_note(ratio: float) -> str:
    """How the drawn arrow compares with the vector (``ratio`` = true / drawn length)."""
    if abs(ratio - 1) <= TO_SCALE:
        return "arrow drawn to scale"
    if ratio > 1:
        return f"arrow drawn {_times(ratio)}× shorter"
    return f"arrow drawn {_times(1 / ratio)}× longer"


def _component_tags() -> tuple[str, str]:
    """The two component labels drawn on the course's map (their text names for the gate)."""
    g_b, g_m = regression_gradient(INITIAL_B, INITIAL_M, *regression_xy())
    return fmt(g_b, 2), fmt(g_m, 1)


@dataclass(frozen=True, slots=True)
class _Part:
    """One gradient component as the reading tells it."""

    var: str  # "x" or "y" (the course: "b" or "m")
    value: float
    color: str

    @property
    def rises(self) -> bool:
        return self.value > 0

    @property
    def level(self) -> bool:
        """Zero at the scene's three decimals."""
        return fmt(self.value) == "0"


def _by_size(parts: tuple[_Part, _Part]) -> tuple[_Part, _Part]:
    """The larger component first (the x one if they are equal)."""
    a, b = parts
    return (b, a) if abs(b.value) > abs(a.value) else (a, b)


def _reading(parts: tuple[_Part, _Part]) -> tuple[list[str], str, str]:
    """A variant's reading: the row texts (larger part first), the line, the downhill line.

    Built from the values alone: which component is larger, by how much, and the
    signs (raising an input may lower f).
    """
    big, small = _by_size(parts)
    ratio = abs(big.value) / abs(small.value) if not small.level else float("inf")
    same = ratio <= SAME_SIZE

    def row(p: _Part, strength: str) -> str:
        if p.level:
            return f"raise {p.var}: f stays level"
        return f"raise {p.var}: f {'rises' if p.rises else 'falls'}{strength}"

    def grows(p: _Part) -> str:
        return "increases" if p.rises else "decreases"

    if small.level:
        rows = [row(big, ""), row(small, "")]
        line = (
            f"Split into components, the gradient lies along {big.var}: increasing "
            f"{big.var} {grows(big)} f, and a small step along {small.var} leaves it "
            "level."
        )
    elif same:
        rows = [row(big, ""), row(small, " about as fast")]
        line = (
            f"Split into components, the {big.var} and {small.var} parts are about the "
            f"same size: increasing {big.var} {grows(big)} f, and increasing "
            f"{small.var} {grows(small)} it about as fast."
        )
    else:
        rows = [row(big, " fast"), row(small, " less")]
        other = (
            "it too, but less" if big.rises == small.rises else "it, but less strongly"
        )
        line = (
            f"Split into components, the {big.var} part is about {_times(ratio)} times "
            f"the {small.var} part in size. Increasing {big.var} strongly {grows(big)} "
            f"f; increasing {small.var} {grows(small)} {other}."
        )
    step = "increases" if big.value < 0 else "decreases"
    if same:
        mostly = f"the first step changes {big.var} and {small.var} about equally"
    else:
        mostly = f"the first step mostly {step} {big.var}"
    downhill = f"So to lower f, step the other way, against the gradient: {mostly}."
    return rows, line, downhill


class Gradients(LectureScene):
    """Beats: title, definition, batch (a variant: partials), contours, arrow, reading, summary.

    Parameters (``self.params``, :class:`GradientsParams`): f, x0, y0; a variant's
    map comes from its point and f's values.
    """

    params_schema = GradientsParams

    #: The course's component labels sit on its contour map by design (on a
    #: background stroke); a variant's are placed clear of every line.
    allowed_overlaps = tuple(
        (f"MathTex '{tag}'", line)
        for tag in _component_tags()
        for line in ("VGroup", "Arrow", "Line")
    )

    def construct(self) -> None:
        p: GradientsParams = self.params
        course = p.is_course
        x0, y0 = p.point
        if course:
            x, y = regression_xy()
            value = regression_cost(x0, y0, x, y)
            gx, gy = regression_gradient(x0, y0, x, y)
            name, (vx, vy) = "C", ("b", "m")
        else:
            fxy = partial_derivatives(p.f, SADDLE_VARS)
            value = fxy.value(p.point)
            gx, gy = fxy.at(p.point)
            name, (vx, vy) = "f", SADDLE_VARS

        # -- title: the map appears under the opening line --------------------------------
        if course:
            axes = get_edge_axes(
                p.x_range,
                p.y_range,
                width=6.3,
                height=3.6,
                x_label="b",
                y_label="m",
                decimals=1,
            )
        else:
            # a square box for a square window: one unit is as long on both axes
            axes = get_edge_axes(
                p.x_range,
                p.y_range,
                width=MAP_SIDE + FRAME_RESERVE[0],
                height=MAP_SIDE + FRAME_RESERVE[1],
                x_label=vx,
                y_label=vy,
                decimals=decimals_for(p.x_range[2]),
            )
        axes.to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium).to_edge(
            DOWN, buff=EDGE_BUFF + SPACE.large
        )
        column = axes.get_right() + RIGHT * SPACE.large  # the right column's left edge
        if course:
            levels = sorted({*CONTOUR_LEVELS, value})
            contours = get_contours(
                axes, [cost_contour(c, x, y, samples=161) for c in levels]
            )
            start_level = get_contours(
                axes, [cost_contour(value, x, y, samples=161)], color=PALETTE.tangent
            )
            self.opening(
                [Create(axes), Create(contours, lag_ratio=0.1)],
                "The cost of our regression depends on two parameters, the intercept b "
                "and the slope m. Here it is over every pair, as contour lines: each "
                "loop joins points of equal cost, around a long narrow valley.",
            )
            formula = None
        else:
            grid = sample_grid(
                compile_expr(fxy.expr, fxy.variables, "numpy"),
                p.x_range[:2],
                p.y_range[:2],
            )
            levels = list(level_values(grid, VARIANT_LEVELS, through=[value]))
            curves = level_curves(grid, levels)
            own = levels.index(value) if value in levels else None
            pieces = [c for i, lv in enumerate(curves) if i != own for c in lv]
            own_pieces = list(curves[own]) if own is not None else []
            contours = get_contours(axes, pieces)
            start_level = get_contours(axes, own_pieces, color=PALETTE.tangent)
            self.opening(
                [Create(axes), Create(contours, lag_ratio=0.1)],
                "Take a function f of two inputs, x and y. Here it is over the plane as "
                "contour lines: each curve joins points where f has the same value.",
            )
            formula = self._fit(get_tex(rf"f(x, y) = {latex(fxy.expr)}"), column)
            tag(formula, "f")
            formula.next_to(self.title, DOWN, buff=SPACE.large).align_to(column, LEFT)
            self.narrate(
                f"This one is f of x and y = {expr_words(fxy.expr)}.",
                Write(formula),
                fill=True,
            )
        title = self.title
        lowest = None
        low_label = None
        if course:
            ols = least_squares(x, y)
            lowest = Dot(axes.c2p(ols.b, ols.m), color=PALETTE.secant, radius=0.09)
            # the label sits above the plot box, a dashed leader down to the point:
            # no text on the contour lines
            low_text = get_text("lowest cost", size=SIZES.small, color=PALETTE.secant)
            low_text.move_to(
                [lowest.get_x(), axes.c2p(0, p.y_range[1])[1] + SPACE.large, 0]
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
            rf"\nabla {name} = \begin{{bmatrix}} \partial {name} / \partial {vx} \\"
            rf" \partial {name} / \partial {vy} \end{{bmatrix}}",
        )
        if course:
            theta = get_tex(
                r"\theta = \begin{bmatrix} b \\ m \end{bmatrix}",
                size=SIZES.tex_small,
                color=PALETTE.accent,
            )
            top = VGroup(definition, theta).arrange(RIGHT, buff=SPACE.medium)
            # the right column starts clear of the map and its b label
            top.next_to(title, DOWN, buff=SPACE.large)
            top.align_to(column, LEFT)
            self.narrate(
                "The gradient, written nabla C and read del C, stacks the partial "
                "derivatives of the cost with respect to every parameter: how steeply "
                "the map rises along b, and along m. The course puts b first.",
                Write(definition),
                FadeIn(theta),
                FadeIn(lowest, scale=1.5),
                FadeIn(low_label),
                fill=True,
            )
            single = single_point_chain()
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
        else:
            top = definition
            top.next_to(formula, DOWN, buff=SPACE.medium).align_to(column, LEFT)
            self.narrate(
                "The gradient, written nabla f and read del f, stacks the partial "
                "derivatives of f with respect to each input: how steeply the map rises "
                "along x, and along y.",
                Write(definition),
                fill=True,
            )

        # -- batch (a variant: f's own partials) ----------------------------------------------
        side = get_tex(
            rf"\nabla {name}"
            + ("" if course else f"({fmt(x0)}, {fmt(y0)})")
            + rf" = \begin{{bmatrix}} {fmt(gx)} \\ {fmt(gy)} \end{{bmatrix}}",
            color=PALETTE.tangent,
        )
        start = Dot(axes.c2p(x0, y0), color=PALETTE.point, radius=0.09)
        if course:
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
            side.next_to(title, DOWN, buff=SPACE.large).align_to(top, LEFT)
            self.narrate(
                f"At the starting guess b = {fmt(x0)}, m = {fmt(y0)}, the gradient is "
                f"{fmt(gx)} and {fmt(gy)}.",
                FadeOut(VGroup(definition, theta, formulas)),
                FadeIn(side),
                FadeIn(start, scale=1.5),
                fill=True,
            )
        else:
            self.beat("partials")
            dx, dy = fxy.derivatives
            formulas = VGroup(
                get_tex(
                    rf"\frac{{\partial f}}{{\partial x}} = {latex(dx)}",
                    size=SIZES.tex_small,
                ),
                get_tex(
                    rf"\frac{{\partial f}}{{\partial y}} = {latex(dy)}",
                    size=SIZES.tex_small,
                ),
            ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
            self._fit(formulas, column)
            # in the definition's place: each row is one entry of it, worked out
            formulas.next_to(formula, DOWN, buff=SPACE.medium).align_to(column, LEFT)
            low = stage_box()[2]  # tall partials shrink to end above the subtitles
            if formulas.get_bottom()[1] < low:
                formulas.scale(
                    (formulas.get_top()[1] - low) / formulas.height,
                    about_edge=UP + LEFT,
                )
            tag(formulas, "f")
            self.narrate(
                "Each partial holds the other input fixed: for this f, the partial with "
                f"respect to x is {expr_words(dx)}, and with respect to y it is {expr_words(dy)}.",
                FadeOut(definition),
                Write(formulas),
                fill=True,
            )
            side.next_to(title, DOWN, buff=SPACE.large).align_to(column, LEFT)
            self.narrate(
                f"At the point x = {fmt(x0)}, y = {fmt(y0)}, they are {fmt(gx)} and "
                f"{fmt(gy)}: that is the gradient there.",
                FadeOut(VGroup(formula, formulas)),
                FadeIn(side),
                FadeIn(start, scale=1.5),
                fill=True,
            )

        # -- contours ----------------------------------------------------------------------------
        self.beat("contours")
        start_label = get_tex(
            rf"{name}({fmt(x0)}, {fmt(y0)}) = {fmt(value, 4)}",
            size=SIZES.tex_small,
            color=PALETTE.point,
        )
        start_label.next_to(side, DOWN, buff=SPACE.medium).align_to(side, LEFT)
        # a variant's numbers: the gate names these parameters for what they draw
        tag(VGroup(axes, side, start, start_label), "f", "x0", "y0")
        self.narrate(
            "Our starting guess sits high on the slope, on the contour where the cost is "
            f"{fmt(value, 2)}."
            if course
            else "The point sits on the highlighted contour, where f is "
            f"{fmt(value, 2)}.",
            Create(start_level),
            FadeIn(start_label),
            fill=True,
        )

        # -- arrow --------------------------------------------------------------------------------
        self.beat("arrow")
        origin = axes.c2p(x0, y0)
        # The gradient as drawn on the map's own axes: its direction there, and the
        # note gives its true length on them (the course once divided by scene units,
        # "23x" where on the map's units it is 18x).
        vector = np.asarray(axes.c2p(x0 + gx, y0 + gy)) - origin
        scale = ARROW_LENGTH / float(np.linalg.norm(vector))
        tip = origin + scale * vector
        arrow = Arrow(origin, tip, buff=0, color=PALETTE.tangent, stroke_width=6)
        corner = origin + scale * np.array([vector[0], 0.0, 0.0])
        # the components as the legs of a right angle: thick, no tips, labelled
        x_part = Line(origin, corner, color=PALETTE.accent, stroke_width=9)
        y_part = Line(corner, tip, color=PALETTE.error, stroke_width=9)
        note = get_text(_scale_note(1 / scale), size=SIZES.small, color=PALETTE.subtle)
        note.next_to(start_label, DOWN, buff=SPACE.small).align_to(side, LEFT)
        self.narrate(
            (
                "Drawn at the start, the gradient points straight uphill, across the "
                "contour lines: the direction in which the cost grows fastest."
                if course
                else "Drawn at the point, the gradient points straight uphill, across "
                "the contour lines: the direction in which f grows fastest."
            ),
            GrowArrow(arrow),
            FadeIn(note),
            fill=True,
        )

        # -- reading --------------------------------------------------------------------------------
        self.beat("reading")
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
        parts = (_Part(vx, gx, PALETTE.accent), _Part(vy, gy, PALETTE.error))
        if course:
            ratio = gy / gx
            order = (parts[1], parts[0])
            texts = ["raise m: C rises fast", "raise b: C rises less"]
            line = (
                f"Split into components, the m part is about {ratio:.0f} times the b "
                "part. Increasing m strongly increases the cost; increasing b "
                "increases it too, but less."
            )
            downhill_line = (
                "So to lower the cost, step the other way, against the gradient: "
                "the first step will mostly lower the slope m."
            )
            x_text, y_text = _component_tags()
        else:
            order = _by_size(parts)
            texts, line, downhill_line = _reading(parts)
            x_text, y_text = fmt(gx, 2), fmt(gy, 2)
        x_tag = get_tex(x_text, size=SIZES.tex_small, color=PALETTE.accent)
        y_tag = get_tex(y_text, size=SIZES.tex_small, color=PALETTE.error)
        for label in (x_tag, y_tag):
            label.set_background_stroke(color=PALETTE.background, width=6)
        if course:
            x_tag.next_to(x_part, DOWN, buff=SPACE.small)
            y_tag.next_to(y_part, RIGHT, buff=SPACE.small)
            tags = {vx: x_tag, vy: y_tag}
        else:
            # each label beside its leg, clear of every line if it can be; else clear
            # of the arrows, legs and axes, with the contours broken around it
            solid = VGroup(axes, arrow, downhill, start, x_part, y_part)
            solid_points = path_points(solid.family_members_with_points())
            curve_points = path_points(
                VGroup(contours, start_level).family_members_with_points()
            )
            every = np.vstack([solid_points, curve_points])
            tags, gaps = {}, []
            for part, label, leg, sides in (
                (parts[0], x_tag, x_part, (DOWN, UP)),
                (parts[1], y_tag, y_part, (RIGHT, LEFT)),
            ):
                if part.level:
                    continue  # no leg to label
                if self._place_clear(label, leg, sides, every):
                    tags[part.var] = label
                elif self._place_clear(label, leg, sides, solid_points):
                    tags[part.var] = label
                    gaps.append(label)
            if gaps:
                broken = get_contours(axes, pieces, gaps=gaps)
                broken_start = get_contours(
                    axes, own_pieces, color=PALETTE.tangent, gaps=gaps
                )
                self.remove(contours, start_level)
                self.bring_to_back(broken, broken_start)
                contours, start_level = broken, broken_start
        legs = {vx: x_part, vy: y_part}
        reading = VGroup()
        for part, text in zip(order, texts, strict=True):
            reading.add(
                get_tex(
                    rf"\frac{{\partial {name}}}{{\partial {part.var}}} = {fmt(part.value)}",
                    size=SIZES.tex_small,
                    color=part.color,
                ),
                get_text(text, size=SIZES.small, color=PALETTE.text),
            )
        reading.arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight)
        reading.next_to(note, DOWN, buff=SPACE.small).align_to(side, LEFT)
        tag(VGroup(note, reading, x_tag, y_tag), "f", "x0", "y0")
        shown = []
        for k, part in enumerate(order):
            if not part.level:
                shown.append(Create(legs[part.var]))
            if part.var in tags:
                shown.append(FadeIn(tags[part.var]))
            shown.append(FadeIn(reading[2 * k : 2 * k + 2]))
        self.narrate(line, LaggedStart(*shown, lag_ratio=0.4), fill=True)
        self.narrate(
            downhill_line,
            Create(downhill),
            Indicate(reading[0], color=order[0].color),
            fill=True,
        )
        if course:
            self.narrate(
                "Notice that the downhill arrow does not point at the lowest cost: in "
                "this long, narrow valley it points across the valley, not along it. "
                "That is why descent, next lesson, first drops into the valley and then "
                "creeps along it.",
                Indicate(lowest, color=PALETTE.secant, scale_factor=1.8),
                fill=True,
            )

        # -- summary -----------------------------------------------------------------------------------
        self.beat("summary")
        box = SurroundingRectangle(side, color=PALETTE.tangent, buff=SPACE.tight)
        self.narrate(
            "The gradient is the vector of all partial derivatives: it says which way is "
            "uphill, and how steeply along each "
            + ("parameter." if course else "input."),
            Create(box),
            hold=1.5,
            fill=True,
        )
        self.wait()

    @staticmethod
    def _fit(mob: Mobject, column: np.ndarray) -> Mobject:
        """Shrink ``mob`` (never grow it) to the width of the right column."""
        room = config.frame_width / 2 - EDGE_BUFF - float(column[0])
        if mob.width > room:
            mob.scale_to_fit_width(room)
        return mob

    @staticmethod
    def _place_clear(
        label: MathTex,
        leg: Line,
        sides: tuple[np.ndarray, np.ndarray],
        points: np.ndarray,
    ) -> bool:
        """Put ``label`` by ``leg`` where it is clear of ``points``; False if nowhere.

        Tried in turn: each of ``sides`` of the leg at its middle, then nearer
        either end, then a step further out; last, beyond either end of the leg.
        """
        spots = [
            (leg.point_from_proportion(share), side, buff)
            for buff in (SPACE.small, SPACE.medium)
            for side in sides
            for share in TAG_SHARES
        ]
        along = leg.get_end() - leg.get_start()
        if np.linalg.norm(along) > 0:
            ahead = along / np.linalg.norm(along)
            spots += [(leg.get_end(), ahead, SPACE.small)]
            spots += [(leg.get_start(), -ahead, SPACE.small)]
        placements = [
            lambda m, at=at, side=side, buff=buff: m.next_to(at, side, buff=buff)
            for at, side, buff in spots
        ]
        return place_clear_of_points(label, placements, points)
