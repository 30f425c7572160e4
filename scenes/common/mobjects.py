"""Mobject factories shared by every scene: titles, formulas, axes, readouts, tables, polylines.

``get_*`` functions return new mobjects and never touch a scene. Colours and
sizes come from the theme, so every scene looks like one course.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import cache, partial
from itertools import pairwise
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    Axes,
    Code,
    DecimalNumber,
    Dot,
    Line,
    MarkupText,
    MathTex,
    Mobject,
    Paragraph,
    ParametricFunction,
    Rectangle,
    RoundedRectangle,
    SingleStringMathTex,
    Tex,
    Text,
    VGroup,
    VMobject,
    config,
)
from manim.utils.color import ParsableManimColor

from scenes.common.theme import EDGE_BUFF, FONT, PALETTE, SIZES, SPACE, SUBTITLE_ZONE

TEXT_TYPES: tuple[type[Mobject], ...] = (
    Text,
    MarkupText,
    Paragraph,
    SingleStringMathTex,
    DecimalNumber,
    Code,
)
"""The mobjects that are text to read (MathTex and Tex are SingleStringMathTex
subclasses): what the hand-over moves and what the gate measures."""

Floats = Sequence[float] | npt.NDArray[np.floating[Any]]
"""Numbers from mathkit, as a sequence or a numpy array."""


def get_title(text: str, *, subtitle: str | None = None) -> VGroup:
    """Scene title at the top left, optional smaller subtitle, and an underline.

    Parts: ``[0]`` the title, then the subtitle (if any), last the underline,
    which spans the whole title block (the wider of title and subtitle).
    """
    title = Text(
        text, font=FONT, font_size=SIZES.title, color=PALETTE.text, weight="BOLD"
    )
    parts: list[VMobject] = [title]
    if subtitle:
        parts.append(
            Text(subtitle, font=FONT, font_size=SIZES.label, color=PALETTE.subtle)
        )
    group = VGroup(*parts).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.snug)
    group.to_corner(UL, buff=EDGE_BUFF + SPACE.tight)
    rule = Line(LEFT, RIGHT, color=PALETTE.accent, stroke_width=3)
    rule.scale_to_fit_width(group.width).next_to(
        group, DOWN, buff=SPACE.tight, aligned_edge=LEFT
    )
    group.add(rule)
    return group


def stage_box(top: Mobject | float | None = None) -> tuple[float, float, float, float]:
    """The stage as ``(left, right, bottom, top)`` in scene units.

    The area below ``top`` (a mobject, e.g. the title, or a y value; by default
    the frame's top margin), a ``SPACE.medium`` gap under it, within the frame
    margins (``EDGE_BUFF``) and above the subtitle zone (``SUBTITLE_ZONE``).
    """
    half_w, half_h = config.frame_width / 2, config.frame_height / 2
    if top is None:
        upper = half_h - EDGE_BUFF
    elif isinstance(top, Mobject):
        upper = top.get_bottom()[1] - SPACE.medium
    else:
        upper = float(top)
    lower = -half_h + SUBTITLE_ZONE
    return (-half_w + EDGE_BUFF, half_w - EDGE_BUFF, lower, upper)


def fit_to_stage(
    mob: Mobject,
    top: Mobject | float | None = None,
    *,
    grow: bool = False,
    most: float | None = None,
) -> Mobject:
    """Scale ``mob`` down (up too with ``grow``) and move it into the stage; return it.

    The stage is :func:`stage_box`: below ``top`` (the title, or another
    mobject), within the margins and above the subtitle zone. The group keeps
    its aspect ratio and is centred in the stage. ``most`` caps the growth (a
    short row would otherwise grow until its text is oversized).
    """
    left, right, bottom, upper = stage_box(top)
    width, height = right - left, upper - bottom
    if height <= 0:
        raise ValueError(f"no room for the stage below y = {upper:.2f}")
    if mob.width > 0 or mob.height > 0:
        factor = min(
            width / mob.width if mob.width > 0 else np.inf,
            height / mob.height if mob.height > 0 else np.inf,
        )
        if factor > 1 and most is not None:
            factor = max(1.0, min(factor, most))
        if factor < 1 or grow:
            mob.scale(factor)
    mob.move_to([(left + right) / 2, (upper + bottom) / 2, 0])
    return mob


def get_heading(text: str) -> Text:
    """Section heading text in the theme (not positioned)."""
    return Text(text, font=FONT, font_size=SIZES.heading, color=PALETTE.text)


def get_text(text: str, *, size: int | None = None, color: str | None = None) -> Text:
    """Body text in the course font."""
    return Text(
        text, font=FONT, font_size=size or SIZES.body, color=color or PALETTE.text
    )


def get_tex(
    *parts: str,
    size: int | None = None,
    color: str | None = None,
    colors: dict[str, str] | None = None,
) -> MathTex:
    """A formula in the theme; ``colors`` maps substrings to palette colours."""
    color_map: dict[str, ParsableManimColor] = dict(colors or {})
    tex = MathTex(
        *parts,
        font_size=size or SIZES.tex,
        color=color or PALETTE.text,
        tex_to_color_map=color_map,
    )
    return tex


def get_plain_tex(
    text: str, *, size: int | None = None, color: str | None = None
) -> Tex:
    """Text set by LaTeX (mixes words and inline maths)."""
    return Tex(text, font_size=size or SIZES.tex, color=color or PALETTE.text)


def keep_in_frame(mob: Mobject, *, margin: float = EDGE_BUFF) -> Mobject:
    """Shift ``mob`` the least needed to keep it ``margin`` inside the frame; return it.

    A mobject wider or taller than the frame less its margins is centred on that
    axis instead (scale it down first, e.g. with :func:`fit_to_stage`).
    """
    half_w, half_h = config.frame_width / 2 - margin, config.frame_height / 2 - margin
    shift = np.zeros(3)
    for k, half in ((0, half_w), (1, half_h)):
        low, high = mob.get_corner(DOWN + LEFT)[k], mob.get_corner(UP + RIGHT)[k]
        if high - low > 2 * half:
            shift[k] = -(low + high) / 2
        elif low < -half:
            shift[k] = -half - low
        elif high > half:
            shift[k] = half - high
    if np.any(shift):
        mob.shift(shift)
    return mob


def polyline_points(
    vertices: Sequence[Sequence[float]], per_segment: int = 16
) -> np.ndarray:
    """Points along the straight segments joining ``vertices`` (scene coordinates)."""
    v = np.asarray(vertices, dtype=np.float64)
    if len(v) < 2:
        return v.reshape(-1, 3)
    t = np.linspace(0.0, 1.0, per_segment, endpoint=False)[:, None]
    inner = [a + t * (b - a) for a, b in pairwise(v)]
    return np.vstack([*inner, v[-1:]])


def overlap_share(a: Mobject, b: Mobject) -> float:
    """How much of the smaller bounding box of ``a`` and ``b`` they share (0 to 1)."""
    (alo, ahi), (blo, bhi) = (
        (m.get_corner(DOWN + LEFT), m.get_corner(UP + RIGHT)) for m in (a, b)
    )
    w = min(ahi[0], bhi[0]) - max(alo[0], blo[0])
    h = min(ahi[1], bhi[1]) - max(alo[1], blo[1])
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min(a.width * a.height, b.width * b.height)
    return w * h / max(smaller, 1e-9)


def box_gap(a: Mobject, b: Mobject) -> float:
    """The clear distance between the boxes of ``a`` and ``b`` (0 when they touch)."""
    (alo, ahi), (blo, bhi) = (
        (m.get_corner(DOWN + LEFT), m.get_corner(UP + RIGHT)) for m in (a, b)
    )
    dx = max(blo[0] - ahi[0], alo[0] - bhi[0], 0.0)
    dy = max(blo[1] - ahi[1], alo[1] - bhi[1], 0.0)
    return float(np.hypot(dx, dy))


def path_points(mobs: Sequence[Mobject], per_segment: int = 8) -> np.ndarray:
    """Points along the drawn paths of ``mobs`` (N x 3), not only at their anchors and
    handles: a Line has four points, and a label between them would be missed."""
    found = [polyline_points(m.get_all_points(), per_segment) for m in mobs]
    return np.vstack([a for a in found if len(a)] or [np.zeros((0, 3))])


def clear_of_points(
    mob: Mobject, points: np.ndarray, *, pad: float = SPACE.tight
) -> bool:
    """Whether no point of ``points`` (N x 3) falls in ``mob``'s box grown by ``pad``."""
    if len(points) == 0:
        return True
    lo = mob.get_corner(DOWN + LEFT)[:2] - pad
    hi = mob.get_corner(UP + RIGHT)[:2] + pad
    inside = np.all((points[:, :2] >= lo) & (points[:, :2] <= hi), axis=1)
    return not bool(np.any(inside))


def place_clear_of_points(
    mob: Mobject,
    placements: Sequence[Callable[[Mobject], object]],
    points: np.ndarray,
    *,
    pad: float = SPACE.tight,
) -> bool:
    """Apply the first of ``placements`` that leaves ``mob`` clear of ``points``.

    Each placement moves ``mob`` (e.g. ``lambda m: m.next_to(...)``). If none is
    clear, the last one stays (make it the safe fallback) and this returns False.
    """
    for place in placements:
        place(mob)
        if clear_of_points(mob, points, pad=pad):
            return True
    return False


def get_card(
    mobject: VMobject, *, buff: float = 0.25, color: str | None = None
) -> VGroup:
    """``mobject`` on a rounded panel, for grouping related formulas.

    The panel keeps the frame margin (``EDGE_BUFF``) as text does: a card made
    around a mobject already placed near an edge is moved in by the panel's
    padding (:func:`keep_in_frame`).
    """
    panel = RoundedRectangle(
        corner_radius=0.15,
        width=mobject.width + 2 * buff,
        height=mobject.height + 2 * buff,
        stroke_color=color or PALETTE.overlay,
        stroke_width=2,
        fill_color=PALETTE.surface,
        fill_opacity=0.6,
    ).move_to(mobject)
    card = VGroup(panel, mobject)
    keep_in_frame(card)
    return card


TICK_LENGTH = 0.12
"""Length (scene units) of a tick on the plot frame, drawn outward."""
MAX_TICKS = (6, 5)
"""Most numbered ticks on the x and the y axis of a plot frame."""
FRAME_RESERVE = (0.65, 0.45)
"""Room (scene units) the y numbers take left of the box and the x numbers below it:
the box is that much smaller than ``width`` x ``height``, so a plot frame takes about
the room the old through-the-origin axes took."""
NICE_MULTIPLES = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
"""Multiples of the caller's tick step tried, in order, until the numbers read."""


def _places(values: Sequence[float]) -> int:
    """The fewest decimals (up to 4) that write every value in ``values`` exactly."""
    for d in range(5):
        if all(abs(v * 10**d - round(v * 10**d)) < 1e-6 for v in values):
            return d
    return 4


def tick_values(
    lo: float, hi: float, step: float, length: float, *, vertical: bool
) -> list[float]:
    """Numbered tick values for an axis from ``lo`` to ``hi`` drawn ``length`` long.

    Starts from the caller's ``step`` and takes the first multiple of it
    (``NICE_MULTIPLES``) that gives at most ``MAX_TICKS`` numbers spaced far
    enough apart to read (by the widest number across, by the digit height up).
    Ticks sit on multiples of the step (through 0) when ``lo`` is one or the
    range holds 0, else from ``lo`` (a zoom window) as Manim does.
    """
    span = hi - lo
    if step <= 0 or span <= 0:
        raise ValueError(f"axis range [{lo}, {hi}, {step}] is empty or has no step")
    on_grid = abs(lo / step - round(lo / step)) < 1e-6
    anchor = 0.0 if on_grid or lo <= 0 <= hi else lo
    most = MAX_TICKS[1 if vertical else 0]
    values: list[float] = []
    for m in NICE_MULTIPLES:
        s = step * m
        k0 = math.ceil((lo - anchor) / s - 1e-6)
        k1 = math.floor((hi - anchor) / s + 1e-6)
        values = [round(anchor + k * s, 10) for k in range(k0, k1 + 1)]
        places = _places(values)
        widest = max(len(f"{v:.{places}f}") for v in values) if values else 1
        need = 0.5 if vertical else 0.16 * widest + 0.3
        if len(values) <= most and length * s / span >= need:
            return values
    return values[:1]


class PlotAxes(Axes):
    """Axes drawn as a plot frame: lines, ticks and numbers on the left and bottom edges.

    Coordinates are Manim's (``c2p``, ``plot``, ``x_range`` ... unchanged); the
    number lines through the origin are kept for them but not drawn. Parts:
    ``.frame`` (the two edge lines), ``.x_axis.numbers``/``.y_axis.numbers``
    and ``.x_axis.ticks``/``.y_axis.ticks`` on the edges, ``.axis_labels``.
    """

    frame: VGroup
    axis_labels: VGroup

    def box(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """The plot box as its lower-left and upper-right corners (scene points)."""
        (x0, x1), (y0, y1) = self.x_range[:2], self.y_range[:2]
        return (
            np.asarray(self.c2p(x0, y0), dtype=float),
            np.asarray(self.c2p(x1, y1), dtype=float),
        )

    def get_x_axis_label(
        self,
        label: float | str | Mobject,
        *args: Any,
        buff: float = 0.15,
        **kwargs: Any,
    ) -> Mobject:
        """``label`` right of the box's lower-right corner (clear of the data)."""
        mob = self._label_mobject(label)
        (_, y0, _), (x1, _, _) = self.box()
        return mob.next_to(np.array([x1, y0, 0.0]), RIGHT, buff=buff)

    def get_y_axis_label(
        self,
        label: float | str | Mobject,
        *args: Any,
        buff: float = 0.15,
        **kwargs: Any,
    ) -> Mobject:
        """``label`` above the numbers column, ending at the box's upper-left corner.

        It stays left of the box, so no curve, tangent or guide inside the box
        can cross it.
        """
        mob = self._label_mobject(label)
        (x0, _, _), (_, y1, _) = self.box()
        corner = np.array([x0, y1, 0.0])
        mob.next_to(corner, UP, buff=buff)
        if mob.family_members_with_points():  # an empty label ("") has no edges
            mob.align_to(corner, RIGHT)
        return mob

    @staticmethod
    def _label_mobject(label: float | str | Mobject) -> Mobject:
        if isinstance(label, Mobject):
            return label
        return MathTex(str(label), font_size=SIZES.axis_label, color=PALETTE.subtle)

    def _draw_frame(
        self,
        x_values: Sequence[float] | None,
        y_values: Sequence[float] | None,
        x_places: int,
        y_places: int,
        color: ParsableManimColor,
        stroke_width: float,
    ) -> None:
        """Hide the origin lines; draw the edges, their outward ticks and numbers."""
        lo, hi = self.box()
        corner_r = np.array([hi[0], lo[1], 0.0])
        corner_t = np.array([lo[0], hi[1], 0.0])
        self.frame = VGroup(
            Line(lo, corner_r, color=color, stroke_width=stroke_width),
            Line(lo, corner_t, color=color, stroke_width=stroke_width),
        )
        for axis, values, places, edge, out in (
            (self.x_axis, x_values, x_places, corner_r - lo, DOWN),
            (self.y_axis, y_values, y_places, corner_t - lo, LEFT),
        ):
            axis.set_stroke(opacity=0, width=0, family=False)
            for part in ("ticks", "numbers"):
                old = getattr(axis, part, None)
                if old is not None:
                    axis.remove(old)
            vertical = out is LEFT
            rng = self.y_range if vertical else self.x_range
            points = [
                lo + edge * (v - rng[0]) / (rng[1] - rng[0]) for v in values or ()
            ]
            axis.ticks = VGroup(
                *[
                    Line(
                        p, p + out * TICK_LENGTH, color=color, stroke_width=stroke_width
                    )
                    for p in points
                ]
            )
            axis.numbers = VGroup(
                *[
                    DecimalNumber(
                        v,
                        **{
                            **axis.decimal_number_config,
                            "num_decimal_places": places,
                            "font_size": SIZES.tick,
                        },
                    ).next_to(p + out * TICK_LENGTH, out, buff=SPACE.tight)
                    for v, p in zip(values or (), points, strict=True)
                ]
            )
            axis.add(axis.ticks, axis.numbers)
        self.add(self.frame)


def get_axes(
    x_range: Sequence[float],
    y_range: Sequence[float],
    *,
    width: float = 6.0,
    height: float = 4.0,
    x_label: str = "x",
    y_label: str = "y",
    numbers: bool = True,
    decimals: int | None = None,
    **kwargs: Any,
) -> PlotAxes:
    """Themed axes drawn as a plot frame (:class:`PlotAxes`), with labels.

    The axis lines, ticks and numbers sit on the left and bottom edges of the
    plot box, outside the data; the numbers are ``SIZES.tick`` (digits about
    12 px tall at 480p). The tick step is the range's third value, or the first
    multiple of it that reads (:func:`tick_values`); ``numbers_to_include`` in
    ``x_axis_config``/``y_axis_config`` picks the numbers instead. The labels
    sit right of the box (x) and above it (y). ``decimals`` defaults, per axis,
    to the fewest that write every tick number. The box is ``width`` x ``height``
    less ``FRAME_RESERVE`` for the numbers (on an axis that shows them), so that
    the whole frame takes about ``width`` x ``height``.
    """
    x_config: dict[str, Any] = {"decimal_number_config": {"color": PALETTE.subtle}}
    y_config: dict[str, Any] = {"decimal_number_config": {"color": PALETTE.subtle}}
    x_config.update(kwargs.pop("x_axis_config", {}))
    y_config.update(kwargs.pop("y_axis_config", {}))
    chosen: list[list[float] | None] = []
    for config_, rng, length, vertical in (
        (x_config, x_range, width, False),
        (y_config, y_range, height, True),
    ):
        include = config_.pop("numbers_to_include", None)
        exclude = {round(float(v), 10) for v in config_.pop("numbers_to_exclude", [])}
        show = config_.pop("include_numbers", numbers)
        step = float(rng[2]) if len(rng) > 2 else 1.0
        values = (
            [float(v) for v in include]
            if include is not None
            else tick_values(
                float(rng[0]), float(rng[1]), step, length, vertical=vertical
            )
        )
        chosen.append(
            [v for v in values if round(v, 10) not in exclude] if show else None
        )
        config_.pop("label_direction", None)
    axes = PlotAxes(
        x_range=list(x_range),
        y_range=list(y_range),
        x_length=width - (FRAME_RESERVE[0] if chosen[1] is not None else 0.0),
        y_length=height - (FRAME_RESERVE[1] if chosen[0] is not None else 0.0),
        tips=False,
        axis_config={
            "color": PALETTE.muted,
            "stroke_width": 2,
            "include_numbers": False,
            "include_ticks": False,
            "font_size": SIZES.tick,
        },
        x_axis_config=x_config,
        y_axis_config=y_config,
        **kwargs,
    )
    x_values, y_values = chosen
    axes._draw_frame(
        x_values,
        y_values,
        decimals if decimals is not None else _places(x_values or [0]),
        decimals if decimals is not None else _places(y_values or [0]),
        PALETTE.muted,
        2,
    )
    labels = axes.get_axis_labels(
        MathTex(x_label, font_size=SIZES.axis_label, color=PALETTE.subtle),
        MathTex(y_label, font_size=SIZES.axis_label, color=PALETTE.subtle),
    )
    axes.add(labels)
    axes.axis_labels = labels
    return axes


def get_graph(
    axes: Axes,
    f: Callable[[float], float],
    *,
    x_range: Sequence[float] | None = None,
    color: str | None = None,
    stroke_width: float = 4,
) -> ParametricFunction:
    """Plot ``f`` on ``axes`` in the curve colour."""
    kwargs: dict[str, Any] = {
        "color": color or PALETTE.curve,
        "stroke_width": stroke_width,
    }
    if x_range is not None:
        kwargs["x_range"] = list(x_range)
    return axes.plot(f, **kwargs)


CLIP_SLACK = 0.01
"""How far (scene units, about half a pixel at 480p) a clipped path may pass the box."""


def _box_of(axes: Axes) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Lower-left and upper-right corners (scene points) of ``axes``' data ranges."""
    (x0, x1), (y0, y1) = axes.x_range[:2], axes.y_range[:2]
    a = np.asarray(axes.c2p(x0, y0), dtype=float)
    b = np.asarray(axes.c2p(x1, y1), dtype=float)
    return np.minimum(a, b), np.maximum(a, b)


def _clip_segment(
    p: npt.NDArray[np.float64],
    q: npt.NDArray[np.float64],
    lo: npt.NDArray[np.float64],
    hi: npt.NDArray[np.float64],
) -> tuple[float, float] | None:
    """Liang-Barsky: the parameter interval of p→q inside the box (x, y only), or None."""
    t0, t1 = 0.0, 1.0
    d = q - p
    for k in (0, 1):
        # p_k + t d_k >= lo_k and p_k + t d_k <= hi_k, written as P t <= Q
        for big_p, big_q in ((-d[k], p[k] - lo[k]), (d[k], hi[k] - p[k])):
            if abs(big_p) < 1e-12:
                if big_q < -1e-9:
                    return None
                continue
            r = big_q / big_p
            if big_p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
    if t0 > t1 + 1e-12:
        return None
    return t0, t1


def clip_to_axes(axes: Axes, mob: VMobject, *, samples: int = 12) -> VMobject:
    """Cut ``mob`` (a curve, line, tangent or contour) to the plot box of ``axes``, in place.

    Every path of ``mob`` and of its family is cut where it leaves the box
    spanned by the axes' x and y ranges: straight segments exactly, curved ones
    through ``samples`` points per Bezier piece. A path wholly inside is left as
    it is; one wholly outside is emptied. Returns ``mob`` (same class and style).
    """
    lo, hi = _box_of(axes)
    # a hair of slack, so that a curve resting on an edge (a minimum on y = y_min)
    # is not cut where its Bezier pieces overshoot by a fraction of a pixel
    lo, hi = lo - CLIP_SLACK, hi + CLIP_SLACK
    for part in mob.family_members_with_points():
        if not isinstance(part, VMobject):
            continue
        pts = part.points
        if len(pts) == 0:
            continue
        inside = np.all((pts[:, :2] >= lo[:2] - 1e-6) & (pts[:, :2] <= hi[:2] + 1e-6))
        if inside:
            continue
        pieces: list[list[npt.NDArray[np.float64]]] = []
        for path in part.get_subpaths():
            poly = _sample_path(path, samples)
            current: list[npt.NDArray[np.float64]] = []
            for p, q in pairwise(poly):
                span = _clip_segment(p, q, lo, hi)
                if span is None:
                    if current:
                        pieces.append(current)
                        current = []
                    continue
                a, b = p + span[0] * (q - p), p + span[1] * (q - p)
                if not current or np.linalg.norm(current[-1] - a) > 1e-6:
                    if current:
                        pieces.append(current)
                    current = [a]
                current.append(b)
                if span[1] < 1 - 1e-9:
                    pieces.append(current)
                    current = []
            if current:
                pieces.append(current)
        part.clear_points()
        for piece in pieces:
            if len(piece) >= 2:
                part.start_new_path(piece[0])
                part.add_points_as_corners(piece[1:])
    return mob


def _sample_path(
    path: npt.NDArray[np.float64], samples: int
) -> list[npt.NDArray[np.float64]]:
    """Points along one subpath of cubic Bezier pieces (straight pieces: their ends)."""
    out: list[npt.NDArray[np.float64]] = [path[0]]
    for i in range(0, len(path) - 3, 4):
        a, h1, h2, b = path[i : i + 4]
        straight = (
            np.linalg.norm(np.cross(b - a, h1 - a)) < 1e-9
            and np.linalg.norm(np.cross(b - a, h2 - a)) < 1e-9
        )
        if straight:
            out.append(b)
            continue
        for t in np.linspace(0, 1, samples + 1)[1:]:
            u = 1 - t
            out.append(u**3 * a + 3 * u * u * t * h1 + 3 * u * t * t * h2 + t**3 * b)
    return out


def get_clipped_graph(
    axes: Axes,
    f: Callable[[float], float],
    *,
    color: str | None = None,
    samples: int = 200,
) -> ParametricFunction:
    """Plot ``f`` on ``axes`` only where it stays inside the plot box (no overshoot).

    The graph runs from where ``f`` first enters the y range to where it last
    leaves it (found to a hair by bisection), and any stretch outside the box in
    between is cut (:func:`clip_to_axes`).
    """
    (x0, x1), (y0, y1) = axes.x_range[:2], axes.y_range[:2]
    xs = np.linspace(x0, x1, samples)

    def ok(x: float) -> bool:
        y = f(x)
        return bool(np.isfinite(y)) and y0 <= y <= y1

    flags = [ok(x) for x in xs]
    if not any(flags):
        raise ValueError("function never enters the axes' y range")
    first = flags.index(True)
    last = len(flags) - 1 - flags[::-1].index(True)

    def edge(inside: float, outside: float) -> float:
        for _ in range(40):
            mid = (inside + outside) / 2
            inside, outside = (mid, outside) if ok(mid) else (inside, mid)
        return inside

    a = xs[first] if first == 0 else edge(xs[first], xs[first - 1])
    b = xs[last] if last == len(xs) - 1 else edge(xs[last], xs[last + 1])
    graph = get_graph(axes, f, x_range=[a, b], color=color)
    if not all(flags[first : last + 1]):
        clip_to_axes(axes, graph)
    return graph


def get_line_through(
    axes: Axes,
    slope: float,
    intercept: float,
    x_range: Sequence[float],
    *,
    color: str | None = None,
) -> Line:
    """The line y = slope * x + intercept between the two x values of ``x_range``,
    cut to the plot box of ``axes``."""
    x0, x1 = x_range[0], x_range[1]
    line = Line(
        axes.c2p(x0, slope * x0 + intercept),
        axes.c2p(x1, slope * x1 + intercept),
        color=color or PALETTE.tangent,
        stroke_width=4,
    )
    clip_to_axes(axes, line)
    return line


class TextNumber(DecimalNumber):
    """A DecimalNumber in the course font (``Text`` digits, updaters and all).

    Manim caches each digit's mobject by its string alone, whatever the
    ``mob_class``, so a Text number would reuse TeX digits drawn earlier (and
    the reverse): this class keeps its own cache.
    """

    _digits: ClassVar[dict[str, VMobject]] = {}

    def __init__(self, number: float = 0, **kwargs: Any) -> None:
        kwargs.setdefault("mob_class", partial(Text, font=FONT))
        super().__init__(number, **kwargs)

    def _string_to_mob(
        self, string: str, mob_class: Any = None, **kwargs: Any
    ) -> VMobject:
        if string not in self._digits:
            self._digits[string] = (mob_class or self.mob_class)(string, **kwargs)
        mob = self._digits[string].copy()
        mob.font_size = self._font_size
        return mob


@cache
def _text_digit_scale() -> float:
    """Font size of course-font digits as tall as TeX digits of font size 1."""
    tex = DecimalNumber(0, num_decimal_places=0, font_size=48).height
    text = Text("0", font=FONT, font_size=48).height
    return float(tex / text)


class Readout(VGroup):
    """``label = number [unit]`` in one row.

    Parts: ``.label``, ``.number`` (a :class:`~manim.DecimalNumber`, for updaters
    and ``ChangeDecimalToValue``) and ``.unit`` (``None`` without a unit).
    """

    def __init__(
        self,
        label: VMobject,
        number: DecimalNumber,
        unit: VMobject | None = None,
        *,
        buff: float = 0.2,
    ) -> None:
        super().__init__(label, number, *([unit] if unit is not None else []))
        self.arrange(RIGHT, buff=buff)
        self.label = label
        self.number = number
        self.unit = unit


def get_readout(
    label: str,
    value: float,
    *,
    decimals: int = 2,
    color: str | None = None,
    tex: bool = True,
    size: float | None = None,
    number_size: float | None = None,
    unit: str | None = None,
    buff: float = 0.2,
    align: bool = True,
    nudge: float = 0.0,
    **number_config: Any,
) -> Readout:
    """A live number with its label: ``label = 0.69`` (TeX) or ``label 0.69`` (text).

    The course's one readout: label and digits are in one font. ``tex`` sets
    the label as a formula followed by ``=`` (size ``SIZES.tex_small``) and the
    number in TeX digits; otherwise the label is course text (size
    ``SIZES.label``) and the number is in the course font too (``Text`` digits,
    as tall as TeX digits of the same size would be). ``size`` overrides the
    label's size, ``number_size`` the number's (default: ``size`` for a TeX
    label, else ``SIZES.tex_small``). ``unit`` adds a unit in the subtle colour
    after the number. With ``align`` the number sits on the label's baseline,
    raised by ``nudge``. ``number_config`` goes to the DecimalNumber
    (``group_with_commas``, ...).
    """
    col = color or PALETTE.text
    font_size = number_size or (size if tex and size else SIZES.tex_small)
    if tex:
        lab: VMobject = get_tex(
            label, "=", size=int(size or SIZES.tex_small), color=col
        )
    else:
        lab = get_text(label, size=int(size or SIZES.label), color=col)
        font_size = font_size * _text_digit_scale()
    number = (DecimalNumber if tex else TextNumber)(
        value,
        num_decimal_places=decimals,
        font_size=font_size,
        color=col,
        **number_config,
    )
    unit_mob = (
        None
        if unit is None
        else get_text(unit, size=int(size or SIZES.label), color=PALETTE.subtle)
    )
    row = Readout(lab, number, unit_mob, buff=buff)
    if align:
        number.align_to(lab, DOWN).shift(UP * nudge)
    return row


def follow_number(row: Readout) -> Readout:
    """Add an updater keeping a readout's unit just right of its (changing) number."""
    if row.unit is not None:
        row.unit.add_updater(lambda u: u.next_to(row.number, RIGHT, buff=SPACE.small))
    return row


class Table(VGroup):
    """A table of formulas: ``.cells[r][c]`` (row 0 is the header), ``.rows[r]``
    (that row's cells in their column slots) and ``.rule`` under the header."""

    def __init__(
        self, rows: Sequence[VGroup], rule: Line, cells: list[list[MathTex]]
    ) -> None:
        super().__init__(VGroup(*rows), rule)
        self.rows = list(rows)
        self.rule = rule
        self.cells = cells


def get_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    size: int | None = None,
    highlight_last: bool = True,
    col_pad: float = 0.5,
    row_buff: float = 0.1,
) -> Table:
    """A table of MathTex cells with a rule under the header (the course's one table).

    Each column is as wide as its widest cell plus ``col_pad`` and every cell is
    centred in its slot; rows are at least 0.5 high and ``row_buff`` apart. The
    header is in the subtle colour, the last row (with ``highlight_last``) in the
    tangent colour.
    """
    size = size or SIZES.tex_small
    grid = [[get_tex(h, size=size, color=PALETTE.subtle) for h in header]]
    for i, row in enumerate(rows):
        last = highlight_last and i == len(rows) - 1
        grid.append(
            [
                get_tex(c, size=size, color=PALETTE.tangent if last else PALETTE.text)
                for c in row
            ]
        )
    widths = [max(r[c].width for r in grid) + col_pad for c in range(len(header))]
    lines = []
    for r in grid:
        height = max(0.5, max(cell.height for cell in r) + 0.15)
        slots = VGroup(
            *[Rectangle(width=w, height=height, stroke_opacity=0) for w in widths]
        ).arrange(RIGHT, buff=0)
        for cell, slot in zip(r, slots, strict=True):
            cell.move_to(slot)
        lines.append(VGroup(slots, *r))
    VGroup(*lines).arrange(DOWN, buff=row_buff)
    half = sum(widths) / 2
    rule = Line(LEFT * half, RIGHT * half, color=PALETTE.overlay, stroke_width=2)
    rule.next_to(lines[0], DOWN, buff=SPACE.hair)
    return Table(lines, rule, grid)


class Polyline(VGroup):
    """Points joined in order, on axes.

    Parts: ``.line``, what is drawn through the points (one path, or the group of
    segments); ``.segments``, one Line per step (empty unless asked for, e.g. to
    animate step by step); ``.dots``, a Dot on each point (empty without dots).
    """

    def __init__(self, line: VMobject, segments: VGroup, dots: VGroup) -> None:
        super().__init__(line, dots)
        self.line = line
        self.segments = segments
        self.dots = dots


def get_polyline(
    axes: Axes,
    xs: Floats,
    ys: Floats,
    *,
    color: str | None = None,
    stroke_width: float = 4,
    dot_radius: float | None = None,
    segments: bool = False,
) -> Polyline:
    """The course's one polyline: (xs[i], ys[i]) joined in order (``plot_line_graph``).

    ``dot_radius`` adds a dot on every point; ``segments`` draws one Line per step
    instead of one path.
    """
    col = color or PALETTE.curve
    graph = axes.plot_line_graph(
        xs,
        ys,
        line_color=col,
        add_vertex_dots=False,
        stroke_width=stroke_width,
    )
    points = [axes.c2p(x, y) for x, y in zip(xs, ys, strict=True)]
    dots = VGroup(
        *(
            []
            if dot_radius is None
            else [Dot(p, radius=dot_radius, color=col) for p in points]
        )
    )
    if not segments:
        return Polyline(graph["line_graph"], VGroup(), dots)
    steps = VGroup(
        *[Line(p, q, color=col, stroke_width=stroke_width) for p, q in pairwise(points)]
    )
    return Polyline(steps, steps, dots)


def get_bullets(lines: Sequence[str], *, size: int | None = None) -> VGroup:
    """A left-aligned list of short lines with bullets."""
    rows = [
        VGroup(
            Text("•", font=FONT, font_size=size or SIZES.body, color=PALETTE.accent),
            Text(line, font=FONT, font_size=size or SIZES.body, color=PALETTE.text),
        ).arrange(RIGHT, buff=SPACE.small)
        for line in lines
    ]
    return VGroup(*rows).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)


__all__ = [
    "DOWN",
    "TEXT_TYPES",
    "UP",
    "Floats",
    "PlotAxes",
    "Polyline",
    "Readout",
    "Table",
    "box_gap",
    "clear_of_points",
    "fit_to_stage",
    "follow_number",
    "get_axes",
    "get_bullets",
    "get_card",
    "get_graph",
    "get_heading",
    "get_line_through",
    "get_plain_tex",
    "get_polyline",
    "get_readout",
    "get_table",
    "get_tex",
    "get_text",
    "get_title",
    "keep_in_frame",
    "overlap_share",
    "path_points",
    "place_clear_of_points",
    "polyline_points",
    "stage_box",
    "tick_values",
]
