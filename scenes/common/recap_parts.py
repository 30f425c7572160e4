"""Recap thumbnails: the key picture of each course section, drawn small from mathkit.

Each builder draws one section's picture in a ``width`` x ``height`` box from the
same mathkit functions and course data as that section's scenes (no typed
coordinates): 1 polygons around a circle (``mathkit.exhaustion``), 2 secants
closing in on a tangent (``mathkit.differentiation``), 3 the running function's
computational graph (``mathkit.autodiff``), 4 a function over its derivative
(the review), 5 cost contours with the gradient (``mathkit.cost``), 6 an ROC curve
with its area (``mathkit.classification``). A :class:`Thumbnail` keeps apart what
is shown from the start (``base``) and the key picture its ``reveal`` draws, so a
recap can light up one section at a time. :func:`get_recap_tile` frames one
with its section number and title underneath.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
from manim import (
    DOWN,
    UP,
    Animation,
    AnimationGroup,
    Arrow,
    Axes,
    Circle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    GrowArrow,
    LaggedStart,
    Polygon,
    ReplacementTransform,
    RoundedRectangle,
    Succession,
    VGroup,
    VMobject,
)

from mathkit.autodiff import running_graph
from mathkit.classification import (
    SYNTHETIC_N,
    SYNTHETIC_SEED,
    roc_curve,
    synthetic_scores,
)
from mathkit.cost import (
    cost_contour,
    least_squares,
    regression_cost,
    regression_gradient,
)
from mathkit.data import (
    DELTA_LINE_X,
    DELTA_POINT_X,
    DELTA_Q_XS,
    DELTA_X_RANGE,
    DELTA_Y_RANGE,
    INITIAL_B,
    INITIAL_M,
    RUNNING_FUNCTION,
    regression_xy,
)
from mathkit.differentiation import as_function, secant_line, tangent_line
from mathkit.exhaustion import EXHAUSTION_NS, polygon_vertices
from scenes.common.mobjects import clip_to_axes, get_text
from scenes.common.theme import PALETTE, SIZES, SPACE

SAMPLES = 48
"""[LAYOUT] Points per drawn curve of a thumbnail."""
RINGS = (0.5, 1.0, 1.5)
"""[LAYOUT] Contour radii of the gradient thumbnail, as multiples of the start's ring
(levels C* + r^2 (C(start) - C*): the start lies on the middle one)."""
ARROW_SHARE = 0.3
"""[LAYOUT] Length of the drawn gradient, as a share of the thumbnail's height."""
CURVE_STROKE = 3
"""[LAYOUT] Stroke width of a thumbnail's lines (thinner than a full plot's)."""
NODE_SHARE = 0.75
"""[LAYOUT] Node radius of the graph thumbnail, as a share of the most its grid allows."""
DOT_RADIUS = 0.06
"""[LAYOUT] Radius of a thumbnail's marked points."""


class Thumbnail(VGroup):
    """A section's picture: ``base`` (shown from the start) and ``key`` (drawn by ``reveal``).

    The group holds both, and the ``steps`` the reveal passes through on its way to
    the key (a first polygon, the far secants), so that all of them move with the
    group when it is laid out. Before showing the group, a recap calls
    :meth:`hide_key` (the reveal brings key and steps in); a finished picture
    calls :meth:`finish` (the key stays, the steps go).
    """

    def __init__(
        self,
        base: VGroup,
        key: VGroup,
        reveal: Callable[[], Animation],
        steps: VGroup | None = None,
    ) -> None:
        self.base = base
        self.key = key
        self.steps = steps if steps is not None else VGroup()
        super().__init__(base, key, self.steps)
        self._reveal = reveal

    def hide_key(self) -> Thumbnail:
        """Take the key and the steps out of the group (shown by :meth:`reveal`)."""
        self.remove(self.key, self.steps)
        return self

    def finish(self) -> Thumbnail:
        """Take the steps out of the group: the finished picture, base and key."""
        self.remove(self.steps)
        return self

    def reveal(self) -> Animation:
        """The animation that draws the key picture (the key need not be in the scene)."""
        return self._reveal()


def _axes(x: Sequence[float], y: Sequence[float], width: float, height: float) -> Axes:
    """A bare coordinate box (never drawn) mapping the data window onto the thumbnail."""
    return Axes(
        x_range=[x[0], x[1], x[1] - x[0]],
        y_range=[y[0], y[1], y[1] - y[0]],
        x_length=width,
        y_length=height,
        tips=False,
        axis_config={"include_ticks": False},
    )


def _curve(axes: Axes, points: Sequence[tuple[float, float]], color: str) -> VMobject:
    """A polyline through data points, in thumbnail coordinates."""
    mob = VMobject(stroke_color=color, stroke_width=CURVE_STROKE)
    mob.set_points_as_corners([axes.c2p(px, py) for px, py in points])
    return mob


def _box(axes: Axes) -> VMobject:
    """The data window's outline, faint (where a plot frame would be)."""
    corners = [
        axes.c2p(axes.x_range[0], axes.y_range[0]),
        axes.c2p(axes.x_range[1], axes.y_range[0]),
        axes.c2p(axes.x_range[1], axes.y_range[1]),
        axes.c2p(axes.x_range[0], axes.y_range[1]),
    ]
    return Polygon(*corners, stroke_color=PALETTE.overlay, stroke_width=2)


def _sampled(
    f: Callable[[float], float], lo: float, hi: float
) -> list[tuple[float, float]]:
    return [(float(x), f(float(x))) for x in np.linspace(lo, hi, SAMPLES)]


def _window(values: Sequence[float]) -> tuple[float, float]:
    """The least and greatest of ``values``."""
    return min(values), max(values)


# -- 1 limits: polygons inside and outside a circle ------------------------------------
def limits_thumbnail(width: float, height: float) -> Thumbnail:
    """The method of exhaustion: the course's first and second polygons round a circle."""
    first, second = EXHAUSTION_NS[0], EXHAUSTION_NS[1]
    # the first outer polygon, the largest shape (radius r / cos(pi/n)), fits the box
    radius = min(width, height) / 2 * math.cos(math.pi / first)
    circle = Circle(
        radius=radius, stroke_color=PALETTE.curve, stroke_width=CURVE_STROKE
    )

    def pair(n: int) -> VGroup:
        inner = Polygon(
            *[(radius * x, radius * y, 0.0) for x, y in polygon_vertices(n)],
            stroke_color=PALETTE.secant,
            stroke_width=CURVE_STROKE,
            fill_color=PALETTE.secant,
            fill_opacity=0.25,
        )
        outer = Polygon(
            *[
                (radius * x, radius * y, 0.0)
                for x, y in polygon_vertices(n, circumscribed=True)
            ],
            stroke_color=PALETTE.error,
            stroke_width=CURVE_STROKE,
        )
        return VGroup(inner, outer)

    key = pair(second)
    start = pair(first)

    def reveal() -> Animation:
        return Succession(Create(start), ReplacementTransform(start, key))

    return Thumbnail(VGroup(circle), key, reveal, VGroup(start))


# -- 2 derivatives: secants through P turn into the tangent --------------------------
def derivative_thumbnail(width: float, height: float) -> Thumbnail:
    """The delta method on the running function: secants PQ, then the tangent at P."""
    f = as_function(RUNNING_FUNCTION)
    axes = _axes(DELTA_X_RANGE, DELTA_Y_RANGE, width, height)
    curve = clip_to_axes(
        axes, _curve(axes, _sampled(f, *DELTA_X_RANGE[:2]), PALETTE.curve)
    )
    lo, hi = DELTA_LINE_X

    def line(slope: float, x0: float, y0: float, color: str) -> VMobject:
        ends = [(x, y0 + slope * (x - x0)) for x in (lo, hi)]
        return clip_to_axes(axes, _curve(axes, ends, color))

    secants = [secant_line(f, DELTA_POINT_X, q) for q in DELTA_Q_XS]
    tangent = tangent_line(RUNNING_FUNCTION, DELTA_POINT_X)
    dot = Dot(axes.c2p(tangent.x, tangent.y), radius=DOT_RADIUS, color=PALETTE.point)
    key = VGroup(line(tangent.slope, tangent.x, tangent.y, PALETTE.tangent), dot)

    steps = [line(s.slope, s.x1, s.y1, PALETTE.secant) for s in secants]

    def reveal() -> Animation:
        moves: list[Animation] = [AnimationGroup(FadeIn(dot), Create(steps[0]))]
        for a, b in zip(steps, [*steps[1:], key[0]], strict=True):
            moves.append(ReplacementTransform(a, b))
        return Succession(*moves)

    return Thumbnail(VGroup(_box(axes), curve), key, reveal, VGroup(*steps))


# -- 3 automatic differentiation: a computational graph --------------------------------
def graph_thumbnail(width: float, height: float) -> Thumbnail:
    """The running function's graph (``running_graph``): nodes by layer, edges forward."""
    graph = running_graph()
    layers = graph.layers
    radius = NODE_SHARE * min(
        width / (2 * len(layers) + 1), height / (2 * max(map(len, layers)) + 1)
    )
    places: dict[int, np.ndarray] = {}
    for col, layer in enumerate(layers):
        x = -width / 2 + width * (col + 0.5) / len(layers)
        for row, node in enumerate(layer):
            y = height / 2 - height * (row + 0.5) / len(layer)
            places[node.index] = np.array([x, y, 0.0])
    nodes = VGroup(
        *[
            Circle(
                radius=radius,
                stroke_color=PALETTE.secant if n.is_leaf else PALETTE.accent,
                stroke_width=CURVE_STROKE,
                fill_color=PALETTE.surface,
                fill_opacity=1.0,
            ).move_to(places[n.index])
            for n in graph.nodes
        ]
    )
    edges = VGroup(
        *[
            Arrow(
                places[e.source],
                places[e.target],
                buff=radius,
                color=PALETTE.tangent,
                stroke_width=CURVE_STROKE,
                max_tip_length_to_length_ratio=0.3,
                tip_length=radius,
            )
            for e in graph.edges
        ]
    )

    def reveal() -> Animation:
        edges.set_color(PALETTE.muted)  # values go forward, then gradients come back
        forward = LaggedStart(*[GrowArrow(a) for a in edges], lag_ratio=0.5)
        backward = LaggedStart(
            *[a.animate.set_color(PALETTE.tangent) for a in reversed(edges)],
            lag_ratio=0.5,
        )
        return Succession(forward, backward)

    return Thumbnail(VGroup(nodes), edges, reveal)


# -- 4 review: a function above its derivative ----------------------------------------
def review_thumbnail(width: float, height: float) -> Thumbnail:
    """The running function over its derivative, linked at the delta method's point."""
    f = as_function(RUNNING_FUNCTION)
    lo, hi = DELTA_X_RANGE[:2]
    top_pts = _sampled(f, lo, hi)
    low_pts = [(x, tangent_line(RUNNING_FUNCTION, x).slope) for x, _ in top_pts]
    half = (height - SPACE.small) / 2
    top = _axes((lo, hi), _window([y for _, y in top_pts]), width, half)
    low = _axes((lo, hi), _window([y for _, y in low_pts]), width, half)
    VGroup(top, low).arrange(DOWN, buff=SPACE.small)
    f_curve = _curve(top, top_pts, PALETTE.curve)
    df_curve = _curve(low, low_pts, PALETTE.tangent)
    at = tangent_line(RUNNING_FUNCTION, DELTA_POINT_X)
    dot = Dot(top.c2p(at.x, at.y), radius=DOT_RADIUS, color=PALETTE.point)
    ddot = Dot(low.c2p(at.x, at.slope), radius=DOT_RADIUS, color=PALETTE.point)
    link = DashedLine(
        dot.get_center(), ddot.get_center(), color=PALETTE.muted, stroke_width=2
    )
    key = VGroup(df_curve, link, dot, ddot)

    def reveal() -> Animation:
        return Succession(Create(df_curve), FadeIn(dot), Create(link), FadeIn(ddot))

    return Thumbnail(VGroup(_box(top), f_curve, _box(low)), key, reveal)


# -- 5 gradients: cost contours and the gradient at the start ---------------------------
def gradient_thumbnail(width: float, height: float) -> Thumbnail:
    """The regression cost's contours round its minimum, and the gradient at the start."""
    x, y = regression_xy()
    best = least_squares(x, y)
    floor = regression_cost(best.b, best.m, x, y)
    start = regression_cost(INITIAL_B, INITIAL_M, x, y)
    rings = [cost_contour(floor + r * r * (start - floor), x, y) for r in RINGS]
    outer = rings[-1]
    axes = _axes(
        _window(outer[:, 0].tolist()), _window(outer[:, 1].tolist()), width, height
    )
    contours = VGroup(
        *[
            _curve(axes, [(float(b), float(m)) for b, m in ring], PALETTE.curve)
            for ring in rings
        ]
    )
    g_b, g_m = regression_gradient(INITIAL_B, INITIAL_M, x, y)
    origin = np.asarray(axes.c2p(INITIAL_B, INITIAL_M))
    unit_x = np.asarray(axes.c2p(1, 0)) - np.asarray(axes.c2p(0, 0))
    unit_y = np.asarray(axes.c2p(0, 1)) - np.asarray(axes.c2p(0, 0))
    # on screen the gradient is (dC/du, dC/dv) = (g_b / |u per b|, g_m / |v per m|)
    screen = np.array([g_b / unit_x[0], g_m / unit_y[1], 0.0])
    direction = screen / np.linalg.norm(screen)
    dot = Dot(origin, radius=DOT_RADIUS, color=PALETTE.point)
    arrow = Arrow(
        origin,
        origin + direction * ARROW_SHARE * height,
        buff=0,
        color=PALETTE.tangent,
        stroke_width=CURVE_STROKE + 1,
        max_tip_length_to_length_ratio=0.35,
    )
    key = VGroup(dot, arrow)

    def reveal() -> Animation:
        return Succession(FadeIn(dot), GrowArrow(arrow))

    return Thumbnail(VGroup(contours), key, reveal)


# -- 6 integrals: an ROC curve and the area under it -----------------------------------
def roc_thumbnail(width: float, height: float) -> Thumbnail:
    """The ROC curve of the course's synthetic scores, and its area (the AUC)."""
    curve = roc_curve(*synthetic_scores(SYNTHETIC_N, SYNTHETIC_SEED))
    side = min(width, height)
    axes = _axes((0, 1), (0, 1), side, side)
    pts = list(zip(curve.fpr.tolist(), curve.tpr.tolist(), strict=True))
    roc = _curve(axes, pts, PALETTE.tangent)
    area = Polygon(
        *[axes.c2p(px, py) for px, py in [*pts, (pts[-1][0], 0.0), (pts[0][0], 0.0)]],
        stroke_width=0,
        fill_color=PALETTE.area,
        fill_opacity=0.4,
    )
    chance = DashedLine(
        axes.c2p(0, 0), axes.c2p(1, 1), color=PALETTE.muted, stroke_width=2
    )
    key = VGroup(area, roc)

    def reveal() -> Animation:
        return Succession(Create(roc), FadeIn(area))

    return Thumbnail(VGroup(_box(axes), chance), key, reveal)


THUMBNAILS: tuple[Callable[[float, float], Thumbnail], ...] = (
    limits_thumbnail,
    derivative_thumbnail,
    graph_thumbnail,
    review_thumbnail,
    gradient_thumbnail,
    roc_thumbnail,
)
"""One builder per course section, in section order."""


class RecapTile(VGroup):
    """A framed thumbnail with its section number and title: ``frame``, ``thumb``, ``caption``."""

    def __init__(self, frame: RoundedRectangle, thumb: Thumbnail, caption: VGroup):
        super().__init__(frame, thumb, caption)
        self.frame = frame
        self.thumb = thumb
        self.caption = caption

    def finish(self) -> RecapTile:
        """The tile with its finished picture (see :meth:`Thumbnail.finish`)."""
        self.thumb.finish()
        return self


def _caption_lines(text: str, width: float) -> list[str]:
    """``text`` on one line, or split at the space that balances two lines, to fit ``width``."""
    if get_text(text, size=SIZES.small).width <= width:
        return [text]
    words = text.split(" ")
    splits = [(" ".join(words[:k]), " ".join(words[k:])) for k in range(1, len(words))]
    if not splits:
        return [text]
    head, tail = min(splits, key=lambda pair: max(len(pair[0]), len(pair[1])))
    return [head, tail]


def get_recap_tile(
    number: int,
    title: str | None,
    builder: Callable[[float, float], Thumbnail],
    *,
    width: float,
    height: float,
    color: str | None = None,
) -> RecapTile:
    """A ``width`` x ``height`` tile: the thumbnail, then "number  title" under it.

    A title too wide for the tile is split over two lines; without ``title`` only
    the number is written. The thumbnail takes the room the caption leaves.
    """
    pad = SPACE.snug
    head = f"{number}  {title}" if title else f"{number}"
    lines = _caption_lines(head, width - 2 * pad)
    caption = VGroup(
        *[get_text(line, size=SIZES.small, color=PALETTE.text) for line in lines]
    ).arrange(DOWN, buff=SPACE.hair)
    caption[0][: len(str(number))].set_color(color or PALETTE.accent)
    room = height - caption.height - 2 * pad - SPACE.small
    thumb = builder(width - 2 * pad, room)
    frame = RoundedRectangle(
        corner_radius=0.15,
        width=width,
        height=height,
        stroke_color=PALETTE.overlay,
        stroke_width=2,
        fill_color=PALETTE.surface,
        fill_opacity=0.6,
    )
    thumb.move_to(frame.get_top() + DOWN * (pad + room / 2))
    caption.move_to(frame.get_bottom() + UP * (pad + caption.height / 2))
    return RecapTile(frame, thumb, caption)
