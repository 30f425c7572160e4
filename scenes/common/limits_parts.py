"""Mobject factories for section 1 (limits): readout preset, polygons, timeline pages.

Pure ``get_*`` functions: they build mobjects from data computed in ``mathkit``
and never touch a scene. Colours and sizes come from the theme.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
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
    NumberLine,
    Polygon,
    Rectangle,
    VGroup,
)

from mathkit.history import Era, Event, format_year, timeline_fraction
from scenes.common import mobjects
from scenes.common.mobjects import (
    Readout,
    get_card,
    get_graph,
    get_text,
)
from scenes.common.theme import PALETTE, SIZES


def get_readout(
    label: str,
    value: float,
    *,
    unit: str = "",
    decimals: int = 1,
    color: str | None = None,
    size: int | None = None,
) -> Readout:
    """``label value unit`` in one row of text, the number half as big again."""
    size = size or SIZES.body
    return mobjects.get_readout(
        label,
        value,
        tex=False,
        unit=unit or " ",
        decimals=decimals,
        color=color,
        size=size,
        number_size=size * 1.5,
        buff=0.18,
    )


def get_piecewise_graph(
    axes: Axes,
    pieces: Sequence[tuple[Callable[[float], float], float, float]],
    *,
    color: str | None = None,
    step: float | None = None,
) -> VGroup:
    """One graph per (f, x0, x1) piece, so jumps are not joined by a false segment.

    ``step`` sets the sampling step (use a small one for steep curves like 25/x).
    """
    return VGroup(
        *[
            get_graph(
                axes, f, x_range=[a, b] if step is None else [a, b, step], color=color
            )
            for f, a, b in pieces
        ]
    )


def get_hole(axes: Axes, x: float, y: float, *, color: str | None = None) -> Dot:
    """An open circle marking a point missing from a graph."""
    return Dot(
        axes.c2p(x, y),
        radius=0.09,
        fill_color=PALETTE.background,
        fill_opacity=1,
        stroke_color=color or PALETTE.curve,
        stroke_width=4,
    )


def get_guides(axes: Axes, x: float, y: float, *, color: str | None = None) -> VGroup:
    """Dashed lines at x = x and y = y across the axes (the notebook's purple guides)."""
    (x0, x1), (y0, y1) = axes.x_range[:2], axes.y_range[:2]
    col = color or PALETTE.accent
    return VGroup(
        DashedLine(axes.c2p(x, y0), axes.c2p(x, y1), color=col, stroke_width=3),
        DashedLine(axes.c2p(x0, y), axes.c2p(x1, y), color=col, stroke_width=3),
    )


def get_polygon(
    vertices: Sequence[tuple[float, float]],
    *,
    scale: float,
    color: str,
    fill_opacity: float = 0.15,
) -> Polygon:
    """A polygon from mathkit vertices (unit coordinates scaled to scene units)."""
    pts = [(scale * x, scale * y, 0.0) for x, y in vertices]
    return Polygon(
        *pts, color=color, stroke_width=3, fill_color=color, fill_opacity=fill_opacity
    )


def get_era_page(
    era: Era, events: Sequence[Event], *, width: float = 12.6, color: str | None = None
) -> VGroup:
    """One page of the timeline: an era band with a tick and a card per event.

    Cards alternate above and below the band and are spread evenly along it
    (a leader line joins each card to its tick at the true position), so
    labels never collide however close the years are.
    ``page.band``, ``page.ticks``, ``page.cards``, ``page.leaders`` name the parts.
    """
    band = Rectangle(
        width=width,
        height=0.34,
        stroke_width=2,
        stroke_color=color or PALETTE.overlay,
        fill_color=color or PALETTE.surface,
        fill_opacity=0.35,
    )
    start = get_text(format_year(era.start), size=SIZES.small, color=PALETTE.muted)
    end = get_text(format_year(era.end), size=SIZES.small, color=PALETTE.muted)
    start.next_to(band, DOWN, buff=0.12).align_to(band, LEFT)
    end.next_to(band, DOWN, buff=0.12).align_to(band, RIGHT)
    ticks, cards, leaders = VGroup(), VGroup(), VGroup()
    n = len(events)
    slot = width / max(n, 1)
    for i, ev in enumerate(events):
        frac = timeline_fraction(ev.year, era)
        x = band.get_left()[0] + frac * width
        tick = Dot(
            np.array([x, band.get_center()[1], 0]), radius=0.09, color=PALETTE.point
        )
        body = VGroup(
            get_text(ev.date, size=SIZES.small, color=PALETTE.tangent),
            get_text(ev.who, size=SIZES.small, color=PALETTE.text),
        ).arrange(DOWN, buff=0.1)
        card = get_card(body, buff=0.15)
        if card.width > slot * 1.9:
            card.scale_to_fit_width(slot * 1.9)
        above = i % 2 == 0
        card.move_to(np.array([band.get_left()[0] + slot * (i + 0.5), 0, 0]))
        card.next_to(band, UP if above else DOWN, buff=0.6 if above else 0.65)
        card.set_x(band.get_left()[0] + slot * (i + 0.5))
        if card.get_left()[0] < band.get_left()[0]:
            card.align_to(band, LEFT)
        if card.get_right()[0] > band.get_right()[0]:
            card.align_to(band, RIGHT)
        anchor = card.get_bottom() if above else card.get_top()
        leader = Line(tick.get_center(), anchor, color=PALETTE.muted, stroke_width=2)
        ticks.add(tick)
        cards.add(card)
        leaders.add(leader)
    page = VGroup(band, start, end, leaders, ticks, cards)
    page.band, page.ticks, page.cards, page.leaders = band, ticks, cards, leaders
    return page


def get_bounds_line(
    x_range: Sequence[float], *, length: float = 5.5, decimals: int = 2
) -> NumberLine:
    """A themed number line for showing an interval of bounds (numbers below)."""
    return NumberLine(
        x_range=list(x_range),
        length=length,
        color=PALETTE.muted,
        include_numbers=True,
        font_size=SIZES.small,
        decimal_number_config={"num_decimal_places": decimals, "color": PALETTE.subtle},
    )


def get_bracket(
    line: NumberLine, lo: float, hi: float, *, color: str | None = None
) -> VGroup:
    """The interval [lo, hi] drawn on ``line``: a thick bar with end caps."""
    col = color or PALETTE.area
    a, b = line.n2p(lo), line.n2p(hi)
    bar = Line(a, b, color=col, stroke_width=10, stroke_opacity=0.6)
    caps = VGroup(
        *[
            Line(p + UP * 0.22, p + DOWN * 0.22, color=col, stroke_width=4)
            for p in (a, b)
        ]
    )
    return VGroup(bar, caps)


def get_tex_readout(
    label: str,
    value: float,
    *,
    unit: str | None = None,
    decimals: int = 1,
    color: str | None = None,
    size: int | None = None,
) -> Readout:
    """``label value unit`` set entirely in TeX (one font for label, digits and unit).

    ``label`` and ``unit`` are TeX; the number is a DecimalNumber whose unit
    follows it as it changes. ``.label``, ``.number``, ``.unit`` (None) name the parts.
    """
    col = color or PALETTE.text
    size = size or SIZES.tex_small
    lab = mobjects.get_tex(label, size=size, color=col)
    number = DecimalNumber(
        value,
        num_decimal_places=decimals,
        font_size=size,
        color=col,
        unit=None if unit is None else rf"\,{unit}",
    )
    row = Readout(lab, number, None, buff=0.18)
    number.align_to(lab, DOWN)
    return row
