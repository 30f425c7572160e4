"""Mobject factories for the delta method (2.1, 2.2, 2.3, 4.1): curve, secants, readouts.

Pure ``get_*`` functions: they build mobjects from numbers computed in
``mathkit.differentiation`` and never touch a scene. Colours: the function in the
curve colour, secants in the secant colour, tangents and slopes in the tangent
colour, P and Q in the point colour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    DashedLine,
    DecimalNumber,
    Dot,
    Line,
    MathTex,
    Mobject,
    ValueTracker,
    VGroup,
    VMobject,
    always_redraw,
)
from manim.typing import Vector3D

from mathkit.data import DELTA_LINE_X, DELTA_X_RANGE, DELTA_Y_RANGE, RUNNING_FUNCTION
from mathkit.differentiation import RealFunction, SecantLine, as_function, secant_line
from mathkit.numeric import Tangent
from mathkit.plotting import decimals_for
from scenes.common.mobjects import (
    box_gap,
    clear_of_points,
    get_axes,
    get_clipped_graph,
    get_line_through,
    get_readout,
    get_tex,
    overlap_share,
    path_points,
)
from scenes.common.numbers import fmt, format_delta
from scenes.common.theme import PALETTE, SIZES, SPACE

RUNNING_X_RANGE: tuple[float, float, float] = DELTA_X_RANGE
"""Axis range for the running function: shows the vertex (-1, 1) and Q = (5, 37)."""
RUNNING_Y_RANGE: tuple[float, float, float] = DELTA_Y_RANGE
LINE_X_RANGE: tuple[float, float] = DELTA_LINE_X
"""Where secant and tangent lines are drawn (clipped to the axes' y range)."""

running = as_function(RUNNING_FUNCTION)
"""f(x) = x^2 + 2x + 2 as a float function (from mathkit)."""


def readable_axis_labels(axes: Axes) -> Axes:
    """Scale the axis labels (x, y, t, ...) of ``axes`` up to ``SIZES.tex_small``, in place.

    ``get_axes`` sets them at ``SIZES.label``, where a lower-case TeX letter is
    drawn under the gate's smallest readable glyph (0.16 units at 480p).
    """
    for label in getattr(axes, "axis_labels", []):
        label.scale(SIZES.tex_small / SIZES.label)
    return axes


def get_running_axes(
    *,
    width: float = 6.8,
    height: float = 5.4,
    x_range: Sequence[float] = RUNNING_X_RANGE,
    y_range: Sequence[float] = RUNNING_Y_RANGE,
    readable_labels: bool = False,
) -> Axes:
    """Axes sized for the running function, or for ``x_range``/``y_range`` (not positioned).

    Tick labels show as many decimals as the tick step needs; ``readable_labels``
    scales the axis labels up (:func:`readable_axis_labels`).
    """
    if tuple(x_range) == RUNNING_X_RANGE and tuple(y_range) == RUNNING_Y_RANGE:
        axes = get_axes(RUNNING_X_RANGE, RUNNING_Y_RANGE, width=width, height=height)
        return readable_axis_labels(axes) if readable_labels else axes
    axes = get_axes(
        x_range,
        y_range,
        width=width,
        height=height,
        x_axis_config={
            "decimal_number_config": {
                "color": PALETTE.subtle,
                "num_decimal_places": decimals_for(x_range[2]),
            }
        },
        y_axis_config={
            "decimal_number_config": {
                "color": PALETTE.subtle,
                "num_decimal_places": decimals_for(y_range[2]),
            }
        },
    )
    return readable_axis_labels(axes) if readable_labels else axes


def get_running_curve(axes: Axes, f: RealFunction = running) -> Mobject:
    """The running function (or ``f``) on ``axes``, clipped to the y range."""
    return get_clipped_graph(axes, f, samples=400)


def get_point(axes: Axes, x: float, y: float, *, color: str | None = None) -> Dot:
    """A marked point (P or Q) at data coordinates (x, y)."""
    return Dot(axes.c2p(x, y), radius=0.09, color=color or PALETTE.point).set_z_index(3)


OVERLAP_LIMIT = 0.12
"""Share of the smaller box two labels may cover (the layout gate's limit)."""
FALLBACK_DIRECTIONS = (UP + LEFT, UP + RIGHT, DOWN + RIGHT, DOWN + LEFT, UP, DOWN)


def place_clear(
    label: Mobject,
    anchor: Mobject,
    directions: Sequence[Vector3D],
    avoid: Sequence[Mobject],
    *,
    buff: float = 0.12,
    lines: Sequence[Mobject] = (),
    apart: Sequence[Mobject] = (),
) -> Mobject:
    """Put ``label`` next to ``anchor`` in the first direction where it overlaps none
    of ``avoid`` by more than the layout gate allows, no curve or line of ``lines``
    runs through it and it keeps a ``SPACE.small`` gap from each of ``apart``
    (other short labels it must not read into); failing that, the direction that
    meets the most of these, in that order (the first of equals)."""
    points = path_points(lines)
    best: tuple[tuple[bool, bool, bool], Vector3D] | None = None
    for direction in directions:
        label.next_to(anchor, direction, buff=buff)
        score = (
            all(overlap_share(label, m) <= OVERLAP_LIMIT for m in avoid),
            clear_of_points(label, points, pad=0.0),
            all(box_gap(label, m) >= SPACE.small for m in apart),
        )
        if all(score):
            return label
        if best is None or score > best[0]:  # the gate's checks first, then the gap
            best = (score, direction)
    assert best is not None
    return label.next_to(anchor, best[1], buff=buff)


def get_point_label(
    dot: Dot,
    tex: str,
    *,
    direction: Vector3D = UP + LEFT,
    avoid: Sequence[Mobject] = (),
    lines: Sequence[Mobject] = (),
    apart: Sequence[Mobject] = (),
) -> MathTex:
    """A short label such as ``P`` beside ``dot``, clear of the mobjects in ``avoid``,
    off the curves and lines in ``lines`` and a gap away from the labels in ``apart``."""
    label = get_tex(tex, size=SIZES.tex_small, color=PALETTE.point)
    directions = [direction, *(d for d in FALLBACK_DIRECTIONS if d is not direction)]
    place_clear(label, dot, directions, avoid, lines=lines, apart=apart)
    return label


def axis_numbers(axes: Axes) -> list[Mobject]:
    """The tick labels of both axes (for labels to keep clear of)."""
    return [
        n for axis in (axes.x_axis, axes.y_axis) for n in getattr(axis, "numbers", [])
    ]


def _clipped_x_range(
    axes: Axes, slope: float, intercept: float, span: Sequence[float] = LINE_X_RANGE
) -> tuple[float, float]:
    """Part of ``span`` (LINE_X_RANGE) where y = slope x + intercept stays inside the axes."""
    x0, x1 = span
    y0, y1 = axes.y_range[0], axes.y_range[1]
    if slope != 0:
        xa, xb = sorted(((y0 - intercept) / slope, (y1 - intercept) / slope))
        x0, x1 = max(x0, xa), min(x1, xb)
    return x0, x1


def get_line(
    axes: Axes,
    slope: float,
    intercept: float,
    *,
    color: str,
    span: Sequence[float] = LINE_X_RANGE,
) -> Line:
    """The line y = slope x + intercept across ``span``, clipped to the axes."""
    return get_line_through(
        axes,
        slope,
        intercept,
        _clipped_x_range(axes, slope, intercept, span),
        color=color,
    )


class SecantGroup(VGroup):
    """A drawn secant: ``.line``, Q's dot ``.q_dot`` and the legs ``.legs`` (run, rise)."""

    def __init__(self, line: Line, legs: VGroup, q_dot: Dot) -> None:
        super().__init__(line, legs, q_dot)
        self.line, self.legs, self.q_dot = line, legs, q_dot


def get_secant_group(
    axes: Axes,
    secant: SecantLine,
    *,
    legs: bool = True,
    span: Sequence[float] = LINE_X_RANGE,
) -> SecantGroup:
    """Secant PQ with Q's dot and, optionally, the run (dx) and rise (dy) legs.

    Parts: ``group.line``, ``group.q_dot`` and ``group.legs`` (empty if not drawn).
    """
    line = get_line(
        axes, secant.slope, secant.intercept, color=PALETTE.secant, span=span
    )
    q_dot = get_point(axes, secant.x2, secant.y2)
    leg_group = VGroup()
    if legs:
        corner = axes.c2p(secant.x2, secant.y1)
        leg_group.add(
            DashedLine(
                axes.c2p(secant.x1, secant.y1),
                corner,
                color=PALETTE.subtle,
                stroke_width=3,
            ),
            DashedLine(
                corner,
                axes.c2p(secant.x2, secant.y2),
                color=PALETTE.subtle,
                stroke_width=3,
            ),
        )
    return SecantGroup(line, leg_group, q_dot)


def get_leg_labels(
    secant_group: SecantGroup,
    *,
    avoid: Sequence[Mobject] = (),
    lines: Sequence[Mobject] = (),
    apart: Sequence[Mobject] = (),
) -> VGroup:
    """``Delta x`` under the run and ``Delta y`` beside the rise of a secant group
    (over the run, left of the rise, when that keeps them clear of ``avoid``, of
    the curves in ``lines`` and a gap away from the labels in ``apart``; the
    secant itself is always avoided)."""
    run, rise = secant_group.legs
    dx = get_tex(r"\Delta x", size=SIZES.tex_small, color=PALETTE.subtle)
    dy = get_tex(r"\Delta y", size=SIZES.tex_small, color=PALETTE.subtle)
    crossing = [*lines, secant_group.line]
    place_clear(
        dx,
        run,
        (DOWN, UP, DOWN + RIGHT, UP + LEFT),
        avoid,
        buff=SPACE.snug,
        lines=crossing,
        apart=apart,
    )
    place_clear(
        dy,
        rise,
        (RIGHT, LEFT, RIGHT + DOWN, LEFT + DOWN, RIGHT + UP, LEFT + UP),
        [*avoid, dx],
        buff=SPACE.snug,
        lines=crossing,
        apart=[*apart, dx],
    )
    return VGroup(dx, dy)


def get_tangent(
    axes: Axes, tangent: Tangent, *, span: Sequence[float] = LINE_X_RANGE
) -> Line:
    """The tangent line across the plot in the tangent colour."""
    return get_line(
        axes, tangent.slope, tangent.intercept, color=PALETTE.tangent, span=span
    )


def get_tracked_secant(
    axes: Axes,
    x_p: float,
    log_dx: ValueTracker,
    f: RealFunction = running,
    *,
    span: Sequence[float] = LINE_X_RANGE,
) -> VGroup:
    """Secant through P = (x_p, f(x_p)) and Q at x_p + 10**log_dx, redrawn every frame.

    The slope and Q come from :func:`mathkit.differentiation.secant_line`.
    """

    def build() -> VGroup:
        s = secant_line(f, x_p, x_p + 10 ** log_dx.get_value())
        return get_secant_group(axes, s, legs=False, span=span)

    return always_redraw(build)


def get_tracked_readouts(
    x_p: float,
    log_dx: ValueTracker,
    *,
    decimals: int = 6,
    f: RealFunction = running,
) -> VGroup:
    """Live ``Delta x`` and ``slope`` rows for the tracked secant (values from mathkit)."""

    def current() -> SecantLine:
        return secant_line(f, x_p, x_p + 10 ** log_dx.get_value())

    dx_row = get_readout(
        r"\Delta x",
        current().dx,
        decimals=decimals,
        color=PALETTE.subtle,
        buff=SPACE.small,
    )
    m_row = get_readout(
        r"m", current().slope, decimals=decimals, color=PALETTE.secant, buff=SPACE.small
    )
    rows = VGroup(dx_row, m_row).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
    updaters: list[tuple[DecimalNumber, Callable[[SecantLine], float]]] = [
        (dx_row.number, lambda s: s.dx),
        (m_row.number, lambda s: s.slope),
    ]
    for number, pick in updaters:
        number.add_updater(lambda n, pick=pick: n.set_value(pick(current())))
    return rows


def get_slope_ladder(
    slopes: Sequence[tuple[float, float]], *, decimals: int = 6
) -> VGroup:
    """A grid of rows ``Delta x = d  =>  m = slope`` (one per step), columns aligned."""
    cells = VGroup()
    for dx, m in slopes:
        value = fmt(m, decimals)
        cells.add(
            get_tex(
                rf"\Delta x = {format_delta(dx)}",
                size=SIZES.tex_small,
                color=PALETTE.subtle,
            ),
            get_tex(r"\Rightarrow", size=SIZES.tex_small, color=PALETTE.muted),
            get_tex(rf"m = {value}", size=SIZES.tex_small, color=PALETTE.secant),
        )
    cells.arrange_in_grid(
        rows=len(slopes),
        cols=3,
        buff=(SPACE.medium, SPACE.medium),
        col_alignments="lcl",
    )
    rows = VGroup(*[VGroup(*cells[3 * i : 3 * i + 3]) for i in range(len(slopes))])
    return rows


__all__ = [
    "SecantGroup",
    "Strike",
    "axis_numbers",
    "get_leg_labels",
    "get_line",
    "get_point",
    "get_point_label",
    "get_running_axes",
    "get_running_curve",
    "get_secant_group",
    "get_slope_ladder",
    "get_stacked_fraction",
    "get_strikes",
    "get_tangent",
    "get_tracked_readouts",
    "get_tracked_secant",
    "get_window_box",
    "get_window_view",
    "overlap_share",
    "place_clear",
    "readable_axis_labels",
    "running",
]


def get_window_box(*, width: float = 3.2, height: float = 2.2) -> Axes:
    """A fixed frame (no numbers) for :func:`get_window_view`, in unit coordinates."""
    box = get_axes([0, 1, 0.5], [0, 1, 0.5], width=width, height=height, numbers=False)
    if getattr(box, "axis_labels", None) is not None:
        box.remove(box.axis_labels)
    return box


def get_window_view(
    box: Axes,
    f: RealFunction,
    center: tuple[float, float],
    half: tuple[float, float],
    *,
    lines: Sequence[tuple[float, float, str]] = (),
    dashed: bool = False,
    dots: Sequence[tuple[float, float, str]] = (),
    samples: int = 121,
) -> VGroup:
    """What f looks like in the data window centre +- half, drawn inside the fixed ``box``.

    ``lines`` are (slope, intercept, colour) lines across the window (dashed with
    ``dashed``), ``dots`` (x, y, colour) points; everything outside the window is
    cut off, so the frame stays put while the window (a zoom) changes.
    Parts: ``view.curve``, ``view.lines``, ``view.dots``.
    """
    (cx, cy), (hx, hy) = center, half

    def to_box(x: float, y: float) -> Vector3D:
        return box.c2p((x - cx + hx) / (2 * hx), (y - cy + hy) / (2 * hy))

    xs = [cx - hx + 2 * hx * k / (samples - 1) for k in range(samples)]
    pts = [to_box(x, f(x)) for x in xs if abs(f(x) - cy) <= hy]
    curve = VMobject(color=PALETTE.curve, stroke_width=4)
    if len(pts) >= 2:
        curve.set_points_smoothly(pts)
    drawn = VGroup()
    for slope, intercept, color in lines:
        ends = []
        for x in (cx - hx, cx + hx):
            ends.append((x, slope * x + intercept))
        # cut the line to the window's y range
        (xa, ya), (xb, yb) = ends
        if slope != 0:
            lo_x = (cy - hy - intercept) / slope
            hi_x = (cy + hy - intercept) / slope
            x_lo, x_hi = sorted((lo_x, hi_x))
            xa, xb = max(xa, x_lo), min(xb, x_hi)
            ya, yb = slope * xa + intercept, slope * xb + intercept
        kind = DashedLine if dashed else Line
        drawn.add(kind(to_box(xa, ya), to_box(xb, yb), color=color, stroke_width=3))
    marks = VGroup(
        *[
            Dot(to_box(x, y), radius=0.07, color=color)
            for x, y, color in dots
            if abs(x - cx) <= hx and abs(y - cy) <= hy
        ]
    )
    view = VGroup(drawn, curve, marks)
    view.curve, view.lines, view.dots = curve, drawn, marks
    return view


def get_stacked_fraction(top: Mobject, bottom: Mobject) -> VGroup:
    """``top`` over ``bottom`` with a bar: a fraction built from parts, so that single
    terms of it can be struck out (TeX cannot split a ``\\frac`` into parts).

    Parts: ``frac.top``, ``frac.bar``, ``frac.bottom``.
    """
    width = max(top.width, bottom.width) + SPACE.small
    bar = Line(LEFT * width / 2, RIGHT * width / 2, color=PALETTE.text, stroke_width=2)
    top.next_to(bar, UP, buff=SPACE.tight)
    bottom.next_to(bar, DOWN, buff=SPACE.tight)
    frac = VGroup(top, bar, bottom)
    frac.top, frac.bar, frac.bottom = top, bar, bottom
    return frac


class Strike(Line):
    """A line struck through a cancelled term: meant to cross it (the layout gate's
    crossing check is told so with ``allowed_overlaps = (("MathTex", "Strike"),)``)."""


def get_strikes(parts: Sequence[Mobject], *, color: str | None = None) -> VGroup:
    """One diagonal :class:`Strike` across each of ``parts`` where they are now."""
    return VGroup(
        *[
            Strike(
                m.get_corner(DOWN + LEFT),
                m.get_corner(UP + RIGHT),
                color=color or PALETTE.error,
                stroke_width=4,
            )
            for m in parts
        ]
    )
