"""Mobject factories for the multivariate scenes (section 5): surfaces, slices, diagrams.

Pure ``get_*`` functions: they turn numbers from :mod:`mathkit.multivariate`
into themed mobjects and never touch a scene.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from manim import (
    OUT,
    RIGHT,
    UP,
    Arrow,
    Axes,
    DashedLine,
    Dot,
    Mobject,
    ParametricFunction,
    Surface,
    ThreeDAxes,
    VGroup,
)

from mathkit.numeric import Tangent
from scenes import outline
from scenes.common.mobjects import get_card, get_tex, get_title
from scenes.common.theme import PALETTE, SIZES

SLICE_COLORS: tuple[str, ...] = (
    PALETTE.error,
    PALETTE.point,
    PALETTE.secant,
    PALETTE.area,
    PALETTE.accent,
)
"""Five tangent colours, in the notebook's order red, orange, green, (blue), purple."""


class FlatThreeDAxes(ThreeDAxes):
    """ThreeDAxes without Manim's sheen on the axis pieces.

    Manim gives every piece of a Cairo ThreeDAxes a lambda that recomputes the
    whole axis's edge centres at each draw (``_set_axis_shading``): 17 of 79 s
    of the 3-D scene's drawing run. The sheen it buys moves thin grey axis
    lines by at most 25 of 255 levels, which does not show; the pieces stay,
    so the surface still hides the axes behind it.
    """

    def _set_axis_shading(self) -> None:
        """No sheen (see the class docstring)."""


def get_surface_axes(
    xy_range: Sequence[float],
    z_range: Sequence[float],
    *,
    size: float = 5.0,
    height: float = 3.5,
) -> ThreeDAxes:
    """Themed 3-D axes without numbers or labels (3-D labels turn unreadable; use a legend)."""
    axes = FlatThreeDAxes(
        x_range=list(xy_range),
        y_range=list(xy_range),
        z_range=list(z_range),
        x_length=size,
        y_length=size,
        z_length=height,
        tips=False,
        axis_config={
            "color": PALETTE.muted,
            "stroke_width": 2,
            "include_numbers": False,
        },
    )
    return axes


def get_axis_tags(
    axes: ThreeDAxes, names: Sequence[str] = ("x", "y", "z")
) -> tuple[Mobject, ...]:
    """Letters at the positive ends of the three axes (add them as fixed-orientation
    mobjects, so that they face the camera wherever it turns)."""
    ends = (
        axes.c2p(axes.x_range[1], 0, 0) + RIGHT * 0.3,
        axes.c2p(0, axes.y_range[1], 0) + UP * 0.3,
        axes.c2p(0, 0, axes.z_range[1]) + OUT * 0.3,
    )
    return tuple(
        get_tex(name, size=SIZES.tex, color=PALETTE.subtle).move_to(end)
        for name, end in zip(names, ends, strict=True)
    )


def get_surface(
    axes: ThreeDAxes,
    f: Callable[[float, float], float],
    uv_range: Sequence[float],
    *,
    resolution: tuple[int, int] = (16, 16),
) -> Surface:
    """The graph z = f(x, y) over a square, checkerboarded in the curve colours."""
    lo, hi = uv_range[0], uv_range[1]
    surface = Surface(
        lambda u, v: axes.c2p(u, v, f(u, v)),
        u_range=(lo, hi),
        v_range=(lo, hi),
        resolution=resolution,
        fill_opacity=0.75,
        checkerboard_colors=[PALETTE.curve, PALETTE.overlay],
        stroke_color=PALETTE.background,
        stroke_width=0.5,
    )
    return surface


def get_space_curve(
    point: Callable[[float], Sequence[float]],
    t_range: Sequence[float],
    *,
    axes: ThreeDAxes,
    color: str,
) -> ParametricFunction:
    """A curve t -> (x, y, z) drawn on 3-D axes (a slice of a surface)."""
    return ParametricFunction(
        lambda t: axes.c2p(*point(t)),
        t_range=(t_range[0], t_range[1]),
        color=color,
        stroke_width=6,
    )


def get_slice_tangents(
    axes: Axes,
    tangents: Sequence[Tangent],
    *,
    half_width: float = 0.9,
    colors: Sequence[str] = SLICE_COLORS,
) -> VGroup:
    """Dashed tangent segments and contact dots, one colour per tangent.

    Each element is ``VGroup(line, dot)``; the line is z = slope * t + intercept
    over [t - half_width, t + half_width], cut where it would leave the axes'
    box (so no tangent runs over the tick labels or off the plot).
    """
    parts = []
    (x_lo, x_hi), (y_lo, y_hi) = axes.x_range[:2], axes.y_range[:2]
    for tan, color in zip(tangents, colors, strict=False):
        t0, t1 = max(x_lo, tan.x - half_width), min(x_hi, tan.x + half_width)
        if tan.slope != 0:
            ends = sorted(
                ((y_lo - tan.intercept) / tan.slope, (y_hi - tan.intercept) / tan.slope)
            )
            t0, t1 = max(t0, ends[0]), min(t1, ends[1])
        line = DashedLine(
            axes.c2p(t0, tan.slope * t0 + tan.intercept),
            axes.c2p(t1, tan.slope * t1 + tan.intercept),
            color=color,
            stroke_width=4,
            dash_length=0.12,
        )
        dot = Dot(axes.c2p(tan.x, tan.y), color=color, radius=0.08)
        parts.append(VGroup(line, dot))
    return VGroup(*parts)


def get_title_block(scene: str | type) -> VGroup:
    """The title block ``opening()`` will write for ``scene`` (from the outline).

    ``scene`` is a scene class (its bases are tried too: the pixel tests run a
    subclass) or its name. For laying out the first visual below the title
    before the opening plays it; the scene still writes it with ``self.opening``.
    """
    item = outline.item_for(scene)
    return get_title(item.screen_title, subtitle=item.subtitle)


def get_node(tex: str, *, color: str | None = None, size: int = SIZES.tex) -> VGroup:
    """A node of a dependency diagram: a formula on a card."""
    return get_card(
        get_tex(tex, size=size, color=color), color=color or PALETTE.overlay
    )


LINK_TIP = 0.2
"""Longest tip (scene units) of a diagram link: many links may meet at one node."""


def get_link(start: Mobject, end: Mobject, *, color: str | None = None) -> Arrow:
    """An arrow from one diagram node's edge to another's.

    Drawn between the two boundary points, so its tip is sized by the length on
    screen (at most a quarter of it, and LINK_TIP): a short link between close
    nodes keeps a small tip, clear of the labels beside it, and the tips of links
    meeting at one node do not pile up.
    """
    return Arrow(
        _boundary_toward(start, end.get_center()),
        _boundary_toward(end, start.get_center()),
        buff=0.0,
        color=color or PALETTE.muted,
        stroke_width=3,
        tip_length=LINK_TIP,
        max_tip_length_to_length_ratio=0.25,
    )


def _boundary_toward(mob: Mobject, target: np.ndarray) -> np.ndarray:
    """Point where the segment from the centre of ``mob`` to ``target`` leaves its box."""
    c = mob.get_center()
    d = target - c
    half = np.array([mob.width / 2 + 0.08, mob.height / 2 + 0.08, 1.0])
    scale = min(
        (half[i] / abs(d[i]) for i in range(2) if abs(d[i]) > 1e-9), default=0.0
    )
    return c + d * min(scale, 1.0)


__all__ = [
    "SLICE_COLORS",
    "UP",
    "get_axis_tags",
    "get_link",
    "get_node",
    "get_slice_tangents",
    "get_space_curve",
    "get_surface",
    "get_surface_axes",
    "get_title_block",
]
