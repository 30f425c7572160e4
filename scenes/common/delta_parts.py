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
    always_redraw,
)
from manim.typing import Vector3D

from mathkit.data import RUNNING_FUNCTION
from mathkit.differentiation import SecantLine, as_function, secant_line
from mathkit.numeric import Tangent
from scenes.common.mobjects import (
    get_axes,
    get_clipped_graph,
    get_line_through,
    get_readout,
    get_tex,
)
from scenes.common.numbers import fmt, format_delta
from scenes.common.theme import PALETTE, SIZES

RUNNING_X_RANGE: tuple[float, float, float] = (-3.0, 6.0, 1.0)
"""Axis range for the running function: shows the vertex (-1, 1) and Q = (5, 37)."""
RUNNING_Y_RANGE: tuple[float, float, float] = (0.0, 42.0, 10.0)
LINE_X_RANGE: tuple[float, float] = (-1.6, 5.6)
"""Where secant and tangent lines are drawn (clipped to the axes' y range)."""

running = as_function(RUNNING_FUNCTION)
"""f(x) = x^2 + 2x + 2 as a float function (from mathkit)."""


def get_running_axes(*, width: float = 6.8, height: float = 5.4) -> Axes:
    """Axes sized for the running function (not positioned)."""
    return get_axes(RUNNING_X_RANGE, RUNNING_Y_RANGE, width=width, height=height)


def get_running_curve(axes: Axes) -> Mobject:
    """The running function on ``axes``, clipped to the y range."""
    return get_clipped_graph(axes, running, samples=400)


def get_point(axes: Axes, x: float, y: float, *, color: str | None = None) -> Dot:
    """A marked point (P or Q) at data coordinates (x, y)."""
    return Dot(axes.c2p(x, y), radius=0.09, color=color or PALETTE.point).set_z_index(3)


def get_point_label(dot: Dot, tex: str, *, direction: Vector3D = UP + LEFT) -> MathTex:
    """A short label such as ``P`` beside ``dot``."""
    return get_tex(tex, size=SIZES.tex_small, color=PALETTE.point).next_to(
        dot, direction, buff=0.12
    )


def _clipped_x_range(axes: Axes, slope: float, intercept: float) -> tuple[float, float]:
    """Part of LINE_X_RANGE where y = slope x + intercept stays inside the axes."""
    x0, x1 = LINE_X_RANGE
    y0, y1 = axes.y_range[0], axes.y_range[1]
    if slope != 0:
        xa, xb = sorted(((y0 - intercept) / slope, (y1 - intercept) / slope))
        x0, x1 = max(x0, xa), min(x1, xb)
    return x0, x1


def get_line(axes: Axes, slope: float, intercept: float, *, color: str) -> Line:
    """The line y = slope x + intercept across the plot, clipped to the axes."""
    return get_line_through(
        axes, slope, intercept, _clipped_x_range(axes, slope, intercept), color=color
    )


class SecantGroup(VGroup):
    """A drawn secant: ``.line``, Q's dot ``.q_dot`` and the legs ``.legs`` (run, rise)."""

    def __init__(self, line: Line, legs: VGroup, q_dot: Dot) -> None:
        super().__init__(line, legs, q_dot)
        self.line, self.legs, self.q_dot = line, legs, q_dot


def get_secant_group(
    axes: Axes, secant: SecantLine, *, legs: bool = True
) -> SecantGroup:
    """Secant PQ with Q's dot and, optionally, the run (dx) and rise (dy) legs.

    Parts: ``group.line``, ``group.q_dot`` and ``group.legs`` (empty if not drawn).
    """
    line = get_line(axes, secant.slope, secant.intercept, color=PALETTE.secant)
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


def get_leg_labels(secant_group: SecantGroup) -> VGroup:
    """``Delta x`` under the run and ``Delta y`` beside the rise of a secant group."""
    run, rise = secant_group.legs
    dx = get_tex(r"\Delta x", size=SIZES.tex_small, color=PALETTE.subtle)
    dy = get_tex(r"\Delta y", size=SIZES.tex_small, color=PALETTE.subtle)
    dx.next_to(run, DOWN, buff=0.15)
    dy.next_to(rise, RIGHT, buff=0.15)
    return VGroup(dx, dy)


def get_tangent(axes: Axes, tangent: Tangent) -> Line:
    """The tangent line across the plot in the tangent colour."""
    return get_line(axes, tangent.slope, tangent.intercept, color=PALETTE.tangent)


def get_tracked_secant(axes: Axes, x_p: float, log_dx: ValueTracker) -> VGroup:
    """Secant through P = (x_p, f(x_p)) and Q at x_p + 10**log_dx, redrawn every frame.

    The slope and Q come from :func:`mathkit.differentiation.secant_line`.
    """

    def build() -> VGroup:
        s = secant_line(running, x_p, x_p + 10 ** log_dx.get_value())
        return get_secant_group(axes, s, legs=False)

    return always_redraw(build)


def get_tracked_readouts(
    x_p: float, log_dx: ValueTracker, *, decimals: int = 6
) -> VGroup:
    """Live ``Delta x`` and ``slope`` rows for the tracked secant (values from mathkit)."""

    def current() -> SecantLine:
        return secant_line(running, x_p, x_p + 10 ** log_dx.get_value())

    dx_row = get_readout(
        r"\Delta x", current().dx, decimals=decimals, color=PALETTE.subtle, buff=0.18
    )
    m_row = get_readout(
        r"m", current().slope, decimals=decimals, color=PALETTE.secant, buff=0.18
    )
    rows = VGroup(dx_row, m_row).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
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
        rows=len(slopes), cols=3, buff=(0.3, 0.3), col_alignments="lcl"
    )
    rows = VGroup(*[VGroup(*cells[3 * i : 3 * i + 3]) for i in range(len(slopes))])
    return rows


__all__ = [
    "format_delta",
    "get_leg_labels",
    "get_line",
    "get_point",
    "get_point_label",
    "get_running_axes",
    "get_running_curve",
    "get_secant_group",
    "get_slope_ladder",
    "get_tangent",
    "get_tracked_readouts",
    "get_tracked_secant",
    "running",
]
