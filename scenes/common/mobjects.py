"""Mobject factories shared by every scene: titles, formulas, axes, readouts, tables, polylines.

``get_*`` functions return new mobjects and never touch a scene. Colours and
sizes come from the theme, so every scene looks like one course.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    Axes,
    DecimalNumber,
    Dot,
    Line,
    MathTex,
    Mobject,
    ParametricFunction,
    Rectangle,
    RoundedRectangle,
    Tex,
    Text,
    VGroup,
    VMobject,
    config,
)
from manim.utils.color import ParsableManimColor

from scenes.common.theme import EDGE_BUFF, FONT, PALETTE, SIZES, SPACE, SUBTITLE_ZONE

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
    group = VGroup(*parts).arrange(DOWN, aligned_edge=LEFT, buff=0.15)
    group.to_corner(UL, buff=EDGE_BUFF + SPACE.tight)
    rule = Line(LEFT, RIGHT, color=PALETTE.accent, stroke_width=3)
    rule.scale_to_fit_width(group.width).next_to(
        group, DOWN, buff=0.12, aligned_edge=LEFT
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
    mob: Mobject, top: Mobject | float | None = None, *, grow: bool = False
) -> Mobject:
    """Scale ``mob`` down (up too with ``grow``) and move it into the stage; return it.

    The stage is :func:`stage_box`: below ``top`` (the title, or another
    mobject), within the margins and above the subtitle zone. The group keeps
    its aspect ratio and is centred in the stage.
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


def get_card(
    mobject: VMobject, *, buff: float = 0.25, color: str | None = None
) -> VGroup:
    """``mobject`` on a rounded panel, for grouping related formulas."""
    panel = RoundedRectangle(
        corner_radius=0.15,
        width=mobject.width + 2 * buff,
        height=mobject.height + 2 * buff,
        stroke_color=color or PALETTE.overlay,
        stroke_width=2,
        fill_color=PALETTE.surface,
        fill_opacity=0.6,
    ).move_to(mobject)
    return VGroup(panel, mobject)


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
) -> Axes:
    """Themed axes with labels; number labels use the small text size.

    ``decimals`` defaults, per axis, to 0 for whole-number tick steps and 1 otherwise.
    """

    def places(r: Sequence[float]) -> int:
        if decimals is not None:
            return decimals
        return 0 if len(r) < 3 or float(r[2]).is_integer() else 1

    x_config = {
        "decimal_number_config": {
            "color": PALETTE.subtle,
            "num_decimal_places": places(x_range),
        }
    }
    y_config = {
        "decimal_number_config": {
            "color": PALETTE.subtle,
            "num_decimal_places": places(y_range),
        }
    }
    x_config.update(kwargs.pop("x_axis_config", {}))
    y_config.update(kwargs.pop("y_axis_config", {}))
    axes = Axes(
        x_range=list(x_range),
        y_range=list(y_range),
        x_length=width,
        y_length=height,
        tips=False,
        axis_config={
            "color": PALETTE.muted,
            "stroke_width": 2,
            "include_numbers": numbers,
            "font_size": SIZES.small,
        },
        x_axis_config=x_config,
        y_axis_config=y_config,
        **kwargs,
    )
    labels = axes.get_axis_labels(
        MathTex(x_label, font_size=SIZES.label, color=PALETTE.subtle),
        MathTex(y_label, font_size=SIZES.label, color=PALETTE.subtle),
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


def get_clipped_graph(
    axes: Axes,
    f: Callable[[float], float],
    *,
    color: str | None = None,
    samples: int = 200,
) -> ParametricFunction:
    """Plot ``f`` on ``axes`` only where it stays inside the y range (no overshoot)."""
    import numpy as np

    (x0, x1), (y0, y1) = axes.x_range[:2], axes.y_range[:2]
    xs = np.linspace(x0, x1, samples)
    inside = [x for x in xs if y0 <= f(x) <= y1]
    if not inside:
        raise ValueError("function never enters the axes' y range")
    return get_graph(axes, f, x_range=[min(inside), max(inside)], color=color)


def get_line_through(
    axes: Axes,
    slope: float,
    intercept: float,
    x_range: Sequence[float],
    *,
    color: str | None = None,
) -> Line:
    """The line y = slope * x + intercept between the two x values of ``x_range``."""
    x0, x1 = x_range[0], x_range[1]
    return Line(
        axes.c2p(x0, slope * x0 + intercept),
        axes.c2p(x1, slope * x1 + intercept),
        color=color or PALETTE.tangent,
        stroke_width=4,
    )


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

    ``tex`` sets the label as a formula followed by ``=`` (size ``SIZES.tex_small``),
    otherwise as course text (size ``SIZES.label``); ``size`` overrides the label's
    size, ``number_size`` the number's (default: ``size`` for a TeX label, else
    ``SIZES.tex_small``). ``unit`` adds a unit in the subtle colour after the number.
    With ``align`` the number sits on the label's baseline, raised by ``nudge``.
    ``number_config`` goes to the DecimalNumber (``group_with_commas``, ...).
    """
    col = color or PALETTE.text
    if tex:
        lab: VMobject = get_tex(
            label, "=", size=int(size or SIZES.tex_small), color=col
        )
    else:
        lab = get_text(label, size=int(size or SIZES.label), color=col)
    number = DecimalNumber(
        value,
        num_decimal_places=decimals,
        font_size=number_size or (size if tex and size else SIZES.tex_small),
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
        row.unit.add_updater(lambda u: u.next_to(row.number, RIGHT, buff=0.18))
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
    rule.next_to(lines[0], DOWN, buff=0.04)
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
        ).arrange(RIGHT, buff=0.2)
        for line in lines
    ]
    return VGroup(*rows).arrange(DOWN, aligned_edge=LEFT, buff=0.3)


__all__ = [
    "DOWN",
    "UP",
    "Floats",
    "Polyline",
    "Readout",
    "Table",
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
    "stage_box",
]
