"""Mobject factories for the integrals scenes (6.4, 6.5, 6.7).

Pure ``get_*`` functions: they turn ``mathkit.integrate`` / ``mathkit.resources``
results into mobjects and never touch a scene.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Axes,
    MathTex,
    Polygon,
    Text,
    VGroup,
)

from mathkit.integrate import RiemannSum, RuleNodes
from mathkit.resources import NextSubject, Resource
from scenes.common import mobjects
from scenes.common.mobjects import (
    Floats,
    Polyline,
    get_axes,
    get_card,
    get_polyline,
    get_text,
)
from scenes.common.theme import MONO_FONT, PALETTE, SIZES, SPACE


def get_riemann_bars(
    axes: Axes,
    rs: RiemannSum,
    *,
    color: str | None = None,
    opacity: float = 0.55,
) -> VGroup:
    """The rectangles of a Riemann sum, placed from the sum's own edges and heights."""
    stroke = 2.0 if rs.n <= 12 else 0.6
    bars = VGroup(
        *[
            Polygon(
                axes.c2p(left, 0),
                axes.c2p(left + rs.width, 0),
                axes.c2p(left + rs.width, h),
                axes.c2p(left, h),
                stroke_color=PALETTE.background,
                stroke_width=stroke,
                fill_color=color or PALETTE.area,
                fill_opacity=opacity,
            )
            for left, h in zip(rs.lefts, rs.heights, strict=True)
        ]
    )
    return bars


def get_code_card(code: str, *, size: int = SIZES.small) -> VGroup:
    """Python source as monospace text lines on a card (``card.code_lines[i]`` is line i).

    Plain text, not manim's ``Code``: its glyphs are measured and sized like any
    course text (the ``Code`` block's small glyphs fall under the size floor).
    Lines sit on a fixed pitch, indents in character widths; blank lines keep
    their place.
    """
    probe = Text("Mg", font=MONO_FONT, font_size=size)
    pitch = probe.height * 1.45
    char = Text("M" * 10, font=MONO_FONT, font_size=size).width / 10
    lines = VGroup()
    for row, text in enumerate(code.splitlines()):
        if not text.strip():
            continue
        line = Text(text.strip(), font=MONO_FONT, font_size=size, color=PALETTE.text)
        indent = len(text) - len(text.lstrip())
        line.move_to([indent * char, -row * pitch, 0], aligned_edge=LEFT)
        lines.add(line)
    card = get_card(lines, buff=SPACE.medium)
    card.code_lines = lines
    return card


def readable_axis_labels(axes: Axes, *, size: int = SIZES.tex_small) -> Axes:
    """Grow the axes' name labels (x, y, n, error) to ``size`` if drawn smaller.

    A lower-case TeX glyph at the label size is under the gate's size floor; the
    label keeps its place. Returns ``axes``.
    """
    for label in getattr(axes, "axis_labels", ()):
        if label.font_size < size:
            label.scale(size / label.font_size)
    return axes


def get_midpoint_slivers(
    axes: Axes,
    f: Callable[[float], float],
    rs: RiemannSum,
    *,
    added: str | None = None,
    missed: str | None = None,
    opacity: float = 0.85,
) -> VGroup:
    """Where each midpoint rectangle differs from the curve, in two colours.

    On each half of a rectangle, the region between its top (height f(midpoint))
    and the curve: ``added`` where the rectangle rises above the curve (area it
    counts but should not), ``missed`` where the curve rises above it. Named parts:
    ``added`` and ``missed`` (VGroups).
    """
    add_group, miss_group = VGroup(), VGroup()
    for left, mid, h in zip(rs.lefts, rs.samples, rs.heights, strict=True):
        for x0, x1 in ((left, mid), (mid, left + rs.width)):
            xs = np.linspace(x0, x1, 12)
            top = [axes.c2p(x, float(f(x))) for x in xs]
            bottom = [axes.c2p(x, float(h)) for x in xs[::-1]]
            above = float(f((x0 + x1) / 2)) > h
            color = (missed or PALETTE.error) if above else (added or PALETTE.secant)
            region = Polygon(
                *top,
                *bottom,
                stroke_width=0,
                fill_color=color,
                fill_opacity=opacity,
            )
            (miss_group if above else add_group).add(region)
    group = VGroup(add_group, miss_group)
    group.added, group.missed = add_group, miss_group
    return group


def get_trapezoids(
    axes: Axes, nodes: RuleNodes, *, color: str | None = None, opacity: float = 0.45
) -> VGroup:
    """The trapezoid rule's panels: straight tops joining neighbouring samples."""
    col = color or PALETTE.secant
    return VGroup(
        *[
            Polygon(
                axes.c2p(x0, 0),
                axes.c2p(x1, 0),
                axes.c2p(x1, y1),
                axes.c2p(x0, y0),
                stroke_color=col,
                stroke_width=2,
                fill_color=col,
                fill_opacity=opacity,
            )
            for x0, x1, y0, y1 in zip(
                nodes.xs[:-1], nodes.xs[1:], nodes.ys[:-1], nodes.ys[1:], strict=True
            )
        ]
    )


def get_simpson_pieces(
    axes: Axes,
    nodes: RuleNodes,
    coeffs: np.ndarray,
    *,
    color: str | None = None,
    opacity: float = 0.45,
) -> VGroup:
    """Simpson's fitted parabolas over each pair of panels, filled down to the axis."""
    col = color or PALETTE.tangent
    pieces = VGroup()
    for k, row in enumerate(coeffs):
        xs = np.linspace(nodes.xs[2 * k], nodes.xs[2 * k + 2], 24)
        ys = np.polyval(row, xs)
        pieces.add(
            Polygon(
                axes.c2p(xs[0], 0),
                *[axes.c2p(x, y) for x, y in zip(xs, ys, strict=True)],
                axes.c2p(xs[-1], 0),
                stroke_color=col,
                stroke_width=2,
                fill_color=col,
                fill_opacity=opacity,
            )
        )
    return pieces


get_readout = partial(
    mobjects.get_readout, tex=False, decimals=4, buff=SPACE.small, align=False
)
"""``left sum  0.6875``: a text label and a live number (``.number``)."""


def get_log_error_axes(
    ns: Sequence[int],
    y_exponents: tuple[int, int],
    *,
    width: float = 6.4,
    height: float = 4.4,
) -> Axes:
    """Axes for error against n on log scales (log2 n across, log10 error up).

    Tick labels read as n (2, 4, ..., 256) and as powers of ten every two decades.
    Internally the coordinates are shifted so that the axes cross at the bottom
    left; place data with :func:`log_error_point` (``axes.log_origin`` holds the shift).
    """
    lo, hi = y_exponents
    x_lo, x_hi = int(np.log2(min(ns))), int(np.log2(max(ns)))
    x0 = x_lo - 1  # whole-number shift keeps the ticks on the powers of two
    axes = get_axes(
        [0, x_hi - x0 + 1, 1],
        [0, hi - lo, 1],
        width=width,
        height=height,
        numbers=False,
        x_label="n",
        y_label=r"\text{error}",
    )
    readable_axis_labels(axes)
    axes.log_origin = (x0, lo)
    for k in range(x_lo, x_hi + 1):
        label = MathTex(str(2**k), font_size=SIZES.tex_small, color=PALETTE.subtle)
        label.next_to(axes.c2p(k - x0, 0), DOWN, buff=SPACE.snug)
        axes.add(label)
    for e in range(lo, hi + 1, 2):
        label = MathTex(f"10^{{{e}}}", font_size=SIZES.tex_small, color=PALETTE.subtle)
        label.next_to(axes.c2p(0, e - lo), LEFT, buff=SPACE.tight)
        axes.add(label)
    return axes


def log_error_point(axes: Axes, n: float, error: float) -> np.ndarray:
    """Scene point of (n, error) on :func:`get_log_error_axes` axes."""
    x0, y0 = cast("tuple[float, float]", axes.log_origin)
    return axes.c2p(np.log2(n) - x0, np.log10(error) - y0)


def get_error_line(
    axes: Axes, ns: Sequence[int], errors: Floats, *, color: str
) -> Polyline:
    """A polyline with dots through (n, error) on log axes; parts ``.line`` and ``.dots``."""
    x0, y0 = cast("tuple[float, float]", axes.log_origin)
    xs = [float(np.log2(n) - x0) for n in ns]
    ys = [float(np.log10(e) - y0) for e in errors]
    return get_polyline(axes, xs, ys, color=color, stroke_width=4, dot_radius=0.06)


KIND_LABELS = {"book": "BOOK", "video": "VIDEO", "course": "COURSE"}
KIND_COLORS = {"book": PALETTE.curve, "video": PALETTE.error, "course": PALETTE.secant}


def get_resource_row(
    resource: Resource, *, width: float = 12.6, tag_width: float | None = None
) -> VGroup:
    """One resource as a card: a kind tag, the title line and a 'by . where' line.

    With ``tag_width`` the tag sits in a column that wide, so that the titles of
    several rows start at one x. Named parts: ``tag``, ``lines``.
    """
    tag = get_text(
        KIND_LABELS[resource.kind], size=SIZES.small, color=KIND_COLORS[resource.kind]
    )
    title = get_text(resource.title, size=SIZES.body)
    year = f" ({resource.year})" if resource.year is not None else ""
    detail = get_text(
        f"{resource.by}{year}  ·  {resource.where}",
        size=SIZES.small,
        color=PALETTE.subtle,
    )
    lines = VGroup(title, detail).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight)
    body = VGroup(tag, lines).arrange(RIGHT, buff=SPACE.medium)
    tag.align_to(title, DOWN)
    if tag_width is not None:  # a fixed tag column: titles start at one x
        lines.shift(
            RIGHT * (tag.get_left()[0] + tag_width + 0.35 - lines.get_left()[0])
        )
    if body.width > width:
        raise ValueError(f"resource line too wide for the card: {resource.title!r}")
    body.tag, body.lines = tag, lines
    return body


def kind_tag_width() -> float:
    """Width of the widest kind tag (BOOK, VIDEO, COURSE): the tag column's width."""
    return max(
        get_text(label, size=SIZES.small).width for label in KIND_LABELS.values()
    )


def get_chips(
    texts: Sequence[str], *, color: str | None = None, buff: float = 0.2
) -> VGroup:
    """Text chips of one width (the widest text's), text left-aligned on each."""
    labels = [get_text(t, size=SIZES.small) for t in texts]
    width = max(label.width for label in labels)
    chips = VGroup()
    for label in labels:
        card = get_card(label, buff=buff, color=color)
        card[0].stretch_to_fit_width(width + 2 * buff)
        label.align_to(card[0], LEFT).shift(RIGHT * buff)
        chips.add(card)
    return chips


def get_next_subject(
    subject: NextSubject, *, color: str | None = None, width: float | None = None
) -> VGroup:
    """A next subject of the series on a card, with its note underneath.

    With ``width`` the card is that wide (the text stays centred), so that several
    cards line up.
    """
    parts = [get_text(subject.title, size=SIZES.heading, color=color or PALETTE.text)]
    if subject.note:
        parts.append(get_text(subject.note, size=SIZES.small, color=PALETTE.subtle))
    card = get_card(
        VGroup(*parts).arrange(DOWN, buff=SPACE.snug), buff=SPACE.medium, color=color
    )
    if width is not None and width > card[0].width:
        card[0].stretch_to_fit_width(width)
    return card
