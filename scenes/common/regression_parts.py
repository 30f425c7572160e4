"""Mobject factories for the regression scenes (3.3, 3.4, 4.3, 5.3, 5.4, 5.5).

Pure ``get_*`` functions: they build mobjects from numbers that come from
``mathkit`` (data, costs, traces) and never touch a scene.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    DashedLine,
    Dot,
    Line,
    MathTex,
    Mobject,
    VGroup,
)

from mathkit.cost import FourSteps
from mathkit.data import (
    REGRESSION_X,
    REGRESSION_X_RANGE,
    REGRESSION_Y,
    REGRESSION_Y_RANGE,
)
from mathkit.plotting import decimals_for
from scenes.common import mobjects
from scenes.common.mobjects import (
    Floats,
    get_axes,
    get_card,
    get_polyline,
    get_tex,
    get_text,
)
from scenes.common.theme import PALETTE, SIZES, SPACE

DATA_X_RANGE = REGRESSION_X_RANGE
DATA_Y_RANGE = REGRESSION_Y_RANGE


def get_data_axes(
    *,
    width: float = 6.0,
    height: float = 4.4,
    y_range: Sequence[float] = DATA_Y_RANGE,
    x_range: Sequence[float] = DATA_X_RANGE,
) -> Axes:
    """Axes for the clinical-trial data: dosage x (mL) against forgetfulness y.

    The x numbers sit below the plot, not on the x axis at y = 0, so data points,
    lines and error segments below zero never cross them. ``x_range`` is for other
    data (a variant's); its tick digits follow the step.
    """
    axes = get_axes(
        x_range,
        y_range,
        width=width,
        height=height,
        x_label="x",
        y_label="y",
        x_axis_config={"include_numbers": False},
    )
    x0, x1, step = x_range
    places = decimals_for(step)
    first = np.ceil(x0 / step - 1e-9) * step
    ticks = VGroup(
        *[
            MathTex(
                f"{v + 0.0:.{places}f}", font_size=SIZES.small, color=PALETTE.subtle
            ).next_to(axes.c2p(v, y_range[0]), DOWN, buff=SPACE.snug)
            for v in np.arange(first, x1 + 1e-9, step)
        ]
    )
    axes.add(ticks)
    return axes


def get_edge_axes(
    x_range: Sequence[float],
    y_range: Sequence[float],
    *,
    width: float,
    height: float,
    x_label: str,
    y_label: str,
    decimals: int | None = 1,
) -> Axes:
    """Axes whose numbers sit along the bottom and left edges of the plot.

    For planes where curves (contours, paths) cross the middle: the plot frame of
    :func:`scenes.common.mobjects.get_axes` (axis lines and numbers on the box's
    outer edges), with ``decimals`` places on both axes (None: per axis, the
    fewest that write its ticks exactly).
    """
    return readable_labels(
        get_axes(
            x_range,
            y_range,
            width=width,
            height=height,
            x_label=x_label,
            y_label=y_label,
            decimals=decimals,
        )
    )


def readable_labels(axes: Axes, *, size: int = SIZES.tex_small) -> Axes:
    """Set the axes' two labels at ``size`` (at least), keeping them beside the box.

    A one-letter TeX label at ``SIZES.label`` has an x-height under the layout
    gate's 0.16 units; this grows it in place (the x label from its left edge,
    the y label from its bottom edge) and never shrinks one. Returns ``axes``.
    """
    labels = getattr(axes, "axis_labels", None)
    if labels is None:
        return axes
    for label, edge in zip(labels, (LEFT, DOWN), strict=False):
        if getattr(label, "font_size", size) >= size:
            continue
        anchor = label.get_edge_center(edge)
        label.font_size = size
        label.move_to(anchor, aligned_edge=edge)
    return axes


def get_data_scatter(
    axes: Axes,
    *,
    radius: float = 0.08,
    x: Floats = REGRESSION_X,
    y: Floats = REGRESSION_Y,
) -> VGroup:
    """Data points as dots on ``axes``: by default the 8 course points (content spec 3c)."""
    return VGroup(
        *[
            Dot(axes.c2p(a, b), radius=radius, color=PALETTE.point)
            for a, b in zip(x, y, strict=True)
        ]
    )


def get_regression_line(
    axes: Axes,
    m: float,
    b: float,
    *,
    color: str | None = None,
    x_range: Sequence[float] = (-0.3, 7.3),
) -> Line:
    """The model line y_hat = m x + b across the data, clipped to the axes' y range."""
    (y0, y1) = axes.y_range[:2]
    x_lo, x_hi = float(x_range[0]), float(x_range[1])
    if m != 0:
        # keep the drawn segment inside the plot (layout, not content)
        xs = sorted(((y0 - b) / m, (y1 - b) / m))
        x_lo, x_hi = max(x_lo, xs[0]), min(x_hi, xs[1])
    return Line(
        axes.c2p(x_lo, m * x_lo + b),
        axes.c2p(x_hi, m * x_hi + b),
        color=color or PALETTE.curve,
        stroke_width=4,
    )


def get_residuals(axes: Axes, y_hat: Floats, *, color: str | None = None) -> VGroup:
    """Vertical error segments from each data point to its prediction y_hat_i."""
    return VGroup(
        *[
            DashedLine(
                axes.c2p(x, y),
                axes.c2p(x, yh),
                color=color or PALETTE.error,
                stroke_width=3,
                dash_length=0.08,
            )
            for x, y, yh in zip(REGRESSION_X, REGRESSION_Y, y_hat, strict=True)
        ]
    )


get_readout = partial(
    mobjects.get_readout, decimals=4, buff=SPACE.snug, group_with_commas=False
)
"""A regression readout ``C = 19.6755``: four decimals, no thousands commas."""


def get_cost_readout(cost: float, *, decimals: int = 4) -> VGroup:
    """The cost ``C = value`` in the error colour."""
    return get_readout("C", cost, decimals=decimals, color=PALETTE.error)


def get_params_readout(m: float, b: float, *, decimals: int = 4) -> VGroup:
    """Two readouts, m and b, stacked."""
    return VGroup(
        get_readout("m", m, decimals=decimals, color=PALETTE.curve),
        get_readout("b", b, decimals=decimals, color=PALETTE.curve),
    ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)


def get_four_steps_card(r: FourSteps, *, size: int | None = None) -> VGroup:
    """The "four easy steps" with the round's values; rows are ``card.rows[0..3]``.

    1 forward pass, 2 cost, 3 gradient [dC/db, dC/dm], 4 update theta - lr grad C.
    """
    s = size or SIZES.tex_small
    heads = ["1  Forward pass", "2  Cost", "3  Gradient", "4  Update"]
    formulas = [
        get_tex(r"\hat y = mx + b", size=s),
        get_tex(
            rf"C = \tfrac{{1}}{{n}}\sum(\hat y_i - y_i)^2 = {r.cost:.4f}",
            size=s,
            color=PALETTE.error,
        ),
        get_tex(
            rf"\nabla C = \begin{{bmatrix}}\partial C/\partial b\\ \partial C/\partial m"
            rf"\end{{bmatrix}} = \begin{{bmatrix}}{r.grad_b:.3f}\\ {r.grad_m:.3f}\end{{bmatrix}}",
            size=s,
            color=PALETTE.tangent,
        ),
        get_tex(
            rf"\begin{{bmatrix}}b\\ m\end{{bmatrix}} \leftarrow "
            rf"\begin{{bmatrix}}b\\ m\end{{bmatrix}} - {r.lr:g}\,\nabla C = "
            rf"\begin{{bmatrix}}{r.new_b:.4f}\\ {r.new_m:.4f}\end{{bmatrix}}",
            size=s,
            color=PALETTE.secant,
        ),
    ]
    rows = VGroup(
        *[
            VGroup(get_text(h, size=SIZES.small, color=PALETTE.accent), f).arrange(
                DOWN, aligned_edge=LEFT, buff=SPACE.tight
            )
            for h, f in zip(heads, formulas, strict=True)
        ]
    ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
    card = get_card(rows)
    card.rows = rows
    return card


def get_contours(
    axes: Axes,
    contours: Sequence[np.ndarray],
    *,
    color: str | None = None,
    stroke_width: float = 3,
    gaps: Sequence[Mobject] = (),
) -> VGroup:
    """Level curves given as (b, m) points, one ``VGroup`` each, clipped to the axes.

    Each contour (e.g. :func:`mathkit.cost.cost_contour`, already closed) is drawn
    only inside the axes' ranges: points outside split it into separate pieces.
    ``gaps`` are labels placed on the map: the curves break around each one's box
    (grown by ``SPACE.tight``), as a map's contour labels sit in a gap of their line.
    """
    (x0, x1), (y0, y1) = axes.x_range[:2], axes.y_range[:2]
    holes = []
    for gap in gaps:
        lo = axes.p2c(gap.get_corner(DOWN + LEFT) - SPACE.tight * (RIGHT + UP))
        hi = axes.p2c(gap.get_corner(UP + RIGHT) + SPACE.tight * (RIGHT + UP))
        holes.append((lo[0], hi[0], lo[1], hi[1]))

    def shown(bx: float, my: float) -> bool:
        if not (x0 <= bx <= x1 and y0 <= my <= y1):
            return False
        return not any(a <= bx <= b and c <= my <= d for a, b, c, d in holes)

    group = VGroup()
    for points in contours:
        pieces: list[list[tuple[float, float]]] = [[]]
        for bx, my in points:
            if shown(bx, my):
                pieces[-1].append((bx, my))
            elif pieces[-1]:
                pieces.append([])
        level = VGroup()
        for piece in pieces:
            if len(piece) >= 2:
                bs, ms = zip(*piece, strict=True)
                level.add(
                    get_polyline(
                        axes, bs, ms, color=color, stroke_width=stroke_width
                    ).line
                )
        group.add(level)
    return group


def get_descent_path(
    axes: Axes,
    bs: Floats,
    ms: Floats,
    *,
    color: str | None = None,
    radius: float = 0.06,
) -> VGroup:
    """Dots at the visited (b, m) and segments between them (``.segments``, ``.dots``)."""
    return get_polyline(
        axes,
        bs,
        ms,
        color=color or PALETTE.tangent,
        stroke_width=3,
        dot_radius=radius,
        segments=True,
    )


def get_legend(entries: Sequence[tuple[str, str]]) -> VGroup:
    """A legend: one short coloured line and a label per (label, colour)."""
    rows = VGroup(
        *[
            VGroup(
                Line(LEFT * 0.25, RIGHT * 0.25, color=c, stroke_width=5),
                get_text(t, size=SIZES.small, color=PALETTE.text),
            ).arrange(RIGHT, buff=SPACE.small)
            for t, c in entries
        ]
    ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
    return rows


def get_cost_history_axes(
    epochs: int,
    costs: Floats,
    *,
    width: float = 5.0,
    height: float = 1.5,
) -> Axes:
    """Cost against epoch, the cost on a log scale (powers of ten from the data).

    The y axis runs in log10 units between the powers of ten around ``costs``;
    its ticks are labelled with the costs themselves (0.01, 0.1, 1, 10).
    ``axes.log_point(epoch, cost)`` maps a cost to the plot.
    """
    values = np.asarray(costs, dtype=np.float64)
    if values.size == 0 or np.any(values <= 0) or not np.all(np.isfinite(values)):
        raise ValueError("costs must be positive and finite for a log scale")
    lo = float(np.floor(np.log10(values.min())))
    hi = float(np.ceil(np.log10(values.max())))
    axes = get_axes(
        (0, epochs, epochs / 2),
        (lo, hi, 1),
        width=width,
        height=height,
        x_label=r"\text{epoch}",
        y_label="C",
        numbers=False,
    )
    labels = VGroup()
    for k in range(int(lo), int(hi) + 1):
        text = f"{10.0**k:g}"
        labels.add(
            MathTex(text, font_size=SIZES.small, color=PALETTE.subtle).next_to(
                axes.c2p(0, k), LEFT, buff=SPACE.snug
            )
        )
    for e in (0, epochs // 2, epochs):
        labels.add(
            MathTex(str(e), font_size=SIZES.small, color=PALETTE.subtle).next_to(
                axes.c2p(e, lo), DOWN, buff=SPACE.snug
            )
        )
    axes.add(labels)
    axes.log_point = lambda e, c: axes.c2p(e, float(np.log10(c)))
    return axes


def get_cost_history(
    axes: Axes, costs: Floats, *, color: str | None = None, stroke_width: float = 3
) -> VGroup:
    """The cost curve on :func:`get_cost_history_axes`: costs[i] at epoch i."""
    values = np.asarray(costs, dtype=np.float64)
    epochs = np.arange(values.size, dtype=np.float64)
    if values.size < 2:
        return VGroup(Dot(axes.log_point(0, values[0]), radius=0.04, color=color))
    return get_polyline(
        axes,
        epochs,
        np.log10(values),
        color=color or PALETTE.error,
        stroke_width=stroke_width,
    )
