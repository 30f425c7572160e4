"""Mobject factories for the binary-classification scenes (6.1, 6.2, 6.3, 6.6).

Pure ``get_*`` functions: they draw the hot-dog items, the score line with its
threshold, the confusion matrix, ROC axes and the area under a ROC polyline from
numbers that come from :mod:`mathkit.classification`; they never touch a scene.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    Axes,
    Circle,
    DashedLine,
    Dot,
    Integer,
    Line,
    NumberLine,
    Polygon,
    Rectangle,
    RoundedRectangle,
    Text,
    Triangle,
    VGroup,
    VMobject,
)

from mathkit.classification import AreaPiece, Confusion, PairCell, ScoreHistogram
from scenes.common.mobjects import (
    Floats,
    get_axes,
    get_card,
    get_polyline,
    get_tex,
    get_text,
)
from scenes.common.theme import PALETTE, SIZES, SPACE

HOTDOG_COLOR = PALETTE.point
"""Class 1 (hot dog)."""
OTHER_COLOR = PALETTE.accent
"""Class 0 (not hot dog)."""


def class_color(label: int) -> str:
    """Palette colour of a class: hot dog (1) or not hot dog (0)."""
    return HOTDOG_COLOR if label == 1 else OTHER_COLOR


# -- items ---------------------------------------------------------------------------
def get_hotdog_icon(*, width: float = 0.85) -> VGroup:
    """A hot dog: a sausage in a bun (simple shapes, no image asset)."""
    bun = RoundedRectangle(
        corner_radius=0.28,
        width=1.2,
        height=0.56,
        stroke_width=0,
        fill_color=PALETTE.tangent,
        fill_opacity=1.0,
    )
    sausage = (
        RoundedRectangle(
            corner_radius=0.14,
            width=1.45,
            height=0.28,
            stroke_width=0,
            fill_color=HOTDOG_COLOR,
            fill_opacity=1.0,
        )
        .move_to(bun)
        .shift(UP * 0.1)
    )
    mustard = VMobject(stroke_color=PALETTE.tangent, stroke_width=3)
    mustard.set_points_smoothly(
        [
            sausage.get_left()
            + RIGHT * (0.2 + 0.21 * i)
            + UP * (0.05 if i % 2 else -0.05)
            for i in range(6)
        ]
    )
    icon = VGroup(bun, sausage, mustard)
    icon.scale_to_fit_width(width)
    return icon


def get_other_icon(*, width: float = 0.85) -> VGroup:
    """Not a hot dog: a pizza slice."""
    slice_ = Triangle(stroke_width=0, fill_color=OTHER_COLOR, fill_opacity=1.0)
    slice_.rotate(PI)  # point down
    crust = Line(
        slice_.get_corner(UP + LEFT),
        slice_.get_corner(UP + RIGHT),
        stroke_color=PALETTE.tangent,
        stroke_width=8,
    )
    toppings = VGroup(
        *[
            Circle(
                radius=0.12, stroke_width=0, fill_color=PALETTE.error, fill_opacity=1.0
            ).move_to(slice_.get_center() + shift)
            for shift in (UP * 0.2 + LEFT * 0.25, UP * 0.15 + RIGHT * 0.3, DOWN * 0.3)
        ]
    )
    icon = VGroup(slice_, crust, toppings)
    icon.scale_to_fit_width(width * 0.75)
    return icon


def get_item_icon(label: int, *, width: float = 0.85) -> VGroup:
    """The icon of an item whose true class is ``label`` (at most ``width`` wide)."""
    return get_hotdog_icon(width=width) if label == 1 else get_other_icon(width=width)


def get_score_line(*, length: float = 11.0, numbers: bool = True) -> NumberLine:
    """The score axis 0 to 1 with ticks every 0.1 (number labels at 0.1 steps)."""
    return NumberLine(
        x_range=[0, 1, 0.1],
        length=length,
        color=PALETTE.muted,
        stroke_width=2,
        include_numbers=numbers,
        font_size=SIZES.body,
        decimal_number_config={"num_decimal_places": 1, "color": PALETTE.subtle},
    )


def get_item(
    line: NumberLine,
    label: int,
    score: float,
    *,
    icon_width: float = 0.85,
    stem: float = 1.0,
    show_label: bool = True,
) -> VGroup:
    """An item standing on ``line`` at its score: dot, stem, icon and "y = label".

    Named parts: ``dot``, ``stem``, ``icon``, ``label``.
    """
    dot = Dot(line.n2p(score), radius=0.07, color=class_color(label))
    top = dot.get_center() + UP * stem
    stem_line = Line(dot.get_center(), top, color=PALETTE.overlay, stroke_width=2)
    icon = get_item_icon(label, width=icon_width).next_to(top, UP, buff=SPACE.tight)
    parts = [stem_line, dot, icon]
    tag = get_tex(f"y={label}", size=SIZES.tex_small, color=class_color(label))
    # every item's label at one height, above the taller of the two icons
    tallest = max(get_item_icon(k, width=icon_width).height for k in (0, 1))
    tag.move_to(top + UP * (0.08 + tallest + 0.12), aligned_edge=DOWN)
    if show_label:
        parts.append(tag)
    group = VGroup(*parts)
    group.dot, group.stem, group.icon, group.label = dot, stem_line, icon, tag
    return group


def get_verdict_mark(correct: bool) -> Text:
    """A tick (correct) or a cross (wrong) in the positive/negative colour."""
    color = PALETTE.positive if correct else PALETTE.negative
    return get_text("✓" if correct else "✗", size=SIZES.body, color=color)


def get_prediction_badge(pred: int, *, radius: float = 0.26) -> VGroup:
    """A disc with the predicted class 0 or 1, coloured by that class."""
    color = class_color(pred)
    disc = Circle(
        radius=radius,
        stroke_color=color,
        stroke_width=3,
        fill_color=color,
        fill_opacity=0.25,
    )
    digit = get_tex(str(pred), size=SIZES.tex_small, color=PALETTE.text).move_to(disc)
    return VGroup(disc, digit)


def get_threshold_marker(
    line: NumberLine, t: float, *, up: float = 0.6, down: float = 0.6
) -> DashedLine:
    """A vertical dashed line through the score line at threshold ``t``."""
    x = line.n2p(min(max(t, 0.0), 1.0))
    return DashedLine(
        x + DOWN * down,
        x + UP * up,
        color=PALETTE.tangent,
        stroke_width=3,
        dash_length=0.12,
    )


def get_threshold_handle(
    line: NumberLine,
    t: float,
    *,
    up: float = 2.0,
    down: float = 0.3,
    decimals: int = 2,
    label: bool = True,
) -> VGroup:
    """The threshold as a full-height line with a handle and "t = 0.50" on it.

    A solid line from ``down`` below the score line to ``up`` above it, a
    triangular handle at its foot and, if ``label``, the value above the top.
    Named parts: ``line``, ``handle``, ``label`` (``None`` without one).
    """
    x = line.n2p(min(max(t, 0.0), 1.0))
    bar = Line(x + DOWN * down, x + UP * up, color=PALETTE.tangent, stroke_width=4)
    handle = Triangle(
        stroke_width=0, fill_color=PALETTE.tangent, fill_opacity=1.0
    ).scale(0.14)
    handle.move_to(bar.get_start(), aligned_edge=UP)
    parts: list[VMobject] = [bar, handle]
    tag = None
    if label:
        tag = get_tex(
            f"t = {t:.{decimals}f}", size=SIZES.tex_small, color=PALETTE.tangent
        ).next_to(bar, UP, buff=SPACE.tight)
        parts.append(tag)
    group = VGroup(*parts)
    group.line, group.handle, group.label = bar, handle, tag
    return group


def get_zone_label(zone: Rectangle, *, text: str = "predicted: hot dog") -> Text:
    """The name of the shaded zone, inside its top right corner."""
    label = get_text(text, size=SIZES.small, color=HOTDOG_COLOR)
    label.move_to(zone.get_corner(UP + RIGHT), aligned_edge=UP + RIGHT).shift(
        DOWN * 0.08 + LEFT * 0.1
    )
    return label


def get_positive_zone(line: NumberLine, t: float, *, height: float = 2.4) -> Rectangle:
    """The shaded region of scores >= ``t`` (classed 1), above the line."""
    t = min(max(t, 0.0), 1.0)
    left, right = line.n2p(t), line.n2p(1.0)
    width = max(right[0] - left[0], 1e-3)
    zone = Rectangle(
        width=width,
        height=height,
        stroke_width=0,
        fill_color=HOTDOG_COLOR,
        fill_opacity=0.12,
    )
    zone.move_to(left, aligned_edge=LEFT + DOWN)
    return zone


# -- the confusion matrix -----------------------------------------------------------------
CELL_NAMES = (("tp", "fn"), ("fp", "tn"))
"""Grid layout: rows actual 1 / 0, columns predicted 1 / 0."""
CELL_TITLES = {"tp": "TP", "fn": "FN", "fp": "FP", "tn": "TN"}
CELL_COLORS = {
    "tp": PALETTE.positive,
    "tn": PALETTE.positive,
    "fp": PALETTE.negative,
    "fn": PALETTE.negative,
}


def get_count(value: int, color: str) -> Integer:
    """A cell count in the label size."""
    return Integer(value, font_size=SIZES.tex, color=color)


class ConfusionGrid(VGroup):
    """The drawn confusion matrix; its named parts are dicts keyed "tp", "fn", "fp", "tn"."""

    def __init__(
        self,
        grid: VGroup,
        cells: dict[str, RoundedRectangle],
        titles: dict[str, Text],
        counts: dict[str, Integer],
        headers: VGroup,
    ) -> None:
        super().__init__(grid, *titles.values(), *counts.values(), headers)
        self.cells, self.titles, self.counts = cells, titles, counts
        self.headers = headers


def get_confusion_grid(conf: Confusion, *, cell: float = 1.7) -> ConfusionGrid:
    """The 2 x 2 confusion matrix with headers; rows actual, columns predicted.

    Named parts: ``cells[name]`` (the square), ``titles[name]`` ("TP" ...),
    ``counts[name]`` (an :class:`Integer`), ``headers``.
    """
    values = {"tp": conf.tp, "fn": conf.fn, "fp": conf.fp, "tn": conf.tn}
    cells: dict[str, RoundedRectangle] = {}
    titles: dict[str, Text] = {}
    counts: dict[str, Integer] = {}
    rows = []
    for row in CELL_NAMES:
        squares = []
        for name in row:
            sq = RoundedRectangle(
                corner_radius=0.12,
                width=cell,
                height=cell,
                stroke_color=CELL_COLORS[name],
                stroke_width=3,
                fill_color=PALETTE.surface,
                fill_opacity=0.6,
            )
            squares.append(sq)
            cells[name] = sq
        rows.append(VGroup(*squares).arrange(RIGHT, buff=SPACE.snug))
    grid = VGroup(*rows).arrange(DOWN, buff=SPACE.snug)
    for name, sq in cells.items():
        title = get_text(CELL_TITLES[name], size=SIZES.label, color=CELL_COLORS[name])
        title.move_to(sq).shift(UP * cell * 0.24)
        count = (
            get_count(values[name], PALETTE.text).move_to(sq).shift(DOWN * cell * 0.14)
        )
        titles[name], counts[name] = title, count
    pred_head = VGroup(
        get_text("hot dog", size=SIZES.small, color=HOTDOG_COLOR).next_to(
            cells["tp"], UP, buff=SPACE.snug
        ),
        get_text("not", size=SIZES.small, color=OTHER_COLOR).next_to(
            cells["fn"], UP, buff=SPACE.snug
        ),
    )
    pred_title = get_text("predicted", size=SIZES.small, color=PALETTE.subtle)
    pred_title.next_to(pred_head, UP, buff=SPACE.tight)
    act_head = VGroup(
        get_text("hot dog", size=SIZES.small, color=HOTDOG_COLOR).next_to(
            cells["tp"], LEFT, buff=SPACE.small
        ),
        get_text("not", size=SIZES.small, color=OTHER_COLOR).next_to(
            cells["fp"], LEFT, buff=SPACE.small
        ),
    )
    act_head[1].align_to(act_head[0], RIGHT)
    act_title = get_text("actual", size=SIZES.small, color=PALETTE.subtle)
    # set level (a rotated word reads poorly at 480p), above the row headers
    act_title.next_to(act_head, UP, buff=SPACE.tight).align_to(act_head, RIGHT)
    act_title.set_y(pred_title.get_y())
    headers = VGroup(pred_head, pred_title, act_head, act_title)
    return ConfusionGrid(grid, cells, titles, counts, headers)


# -- ROC axes and curves ------------------------------------------------------------------
def get_roc_axes(*, size: float = 5.0) -> Axes:
    """Square unit axes: FPR across, TPR up, ticks every 0.25 (numbers at 0.5 steps)."""
    axes = get_axes(
        [0, 1, 0.5],
        [0, 1, 0.5],
        width=size,
        height=size,
        x_label=r"\mathrm{FPR}",
        y_label=r"\mathrm{TPR}",
    )
    return axes


def get_chance_line(axes: Axes) -> DashedLine:
    """The diagonal TPR = FPR of a classifier that guesses."""
    return DashedLine(
        axes.c2p(0, 0),
        axes.c2p(1, 1),
        color=PALETTE.muted,
        stroke_width=3,
        dash_length=0.15,
    )


def get_roc_polyline(
    axes: Axes,
    fpr: Floats,
    tpr: Floats,
    *,
    color: str | None = None,
    stroke_width: float = 5,
) -> VMobject:
    """The ROC curve through the points (fpr[i], tpr[i]) as straight segments."""
    return get_polyline(axes, fpr, tpr, color=color, stroke_width=stroke_width).line


def get_unit_square(axes: Axes, *, color: str | None = None) -> Polygon:
    """The frame of the ROC unit square (so that the (1, 1) corner does not float)."""
    return Polygon(
        axes.c2p(0, 0),
        axes.c2p(1, 0),
        axes.c2p(1, 1),
        axes.c2p(0, 1),
        stroke_color=color or PALETTE.overlay,
        stroke_width=2,
        fill_opacity=0.0,
    )


def get_roc_dots(
    axes: Axes, fpr: Floats, tpr: Floats, *, radius: float = 0.08
) -> VGroup:
    """One dot per ROC point."""
    return VGroup(
        *[
            Dot(axes.c2p(x, y), radius=radius, color=PALETTE.point)
            for x, y in zip(fpr, tpr, strict=True)
        ]
    )


def get_area_piece(
    axes: Axes, piece: AreaPiece, *, color: str | None = None, opacity: float = 0.45
) -> Polygon:
    """The slice of area under a ROC segment: a filled rectangle or trapezoid."""
    return Polygon(
        axes.c2p(piece.x0, 0),
        axes.c2p(piece.x1, 0),
        axes.c2p(piece.x1, piece.y1),
        axes.c2p(piece.x0, piece.y0),
        stroke_color=color or PALETTE.area,
        stroke_width=2,
        fill_color=color or PALETTE.area,
        fill_opacity=opacity,
    )


class PairGrid(VGroup):
    """The ranked pairs as cells of the ROC square; see :func:`get_pair_grid`."""

    def __init__(
        self,
        lines: VGroup,
        fills: dict[tuple[int, int], VMobject],
        columns: VGroup,
        rows: VGroup,
    ) -> None:
        super().__init__(lines, columns, rows)
        self.lines, self.fills, self.columns, self.rows = lines, fills, columns, rows


def get_pair_grid(
    axes: Axes,
    cells: tuple[PairCell, ...],
    *,
    icon_width: float = 0.42,
) -> PairGrid:
    """Grid lines of the pair cells on the ROC square, each column's negative above
    the square and each row's positive right of it (icon and score), and one fill
    per cell (not added): a full square for a win, the lower-right triangle for a
    tie, an outlined square for a loss.

    Named parts: ``lines``, ``fills[(col, row)]``, ``columns[col]``, ``rows[row]``.
    """
    n_neg, n_pos = cells[0].n_neg, cells[0].n_pos
    lines = VGroup(
        *[
            DashedLine(
                axes.c2p(i / n_neg, 0),
                axes.c2p(i / n_neg, 1),
                color=PALETTE.overlay,
                stroke_width=2,
                dash_length=0.08,
            )
            for i in range(1, n_neg)
        ],
        *[
            DashedLine(
                axes.c2p(0, j / n_pos),
                axes.c2p(1, j / n_pos),
                color=PALETTE.overlay,
                stroke_width=2,
                dash_length=0.08,
            )
            for j in range(1, n_pos)
        ],
    )
    fills: dict[tuple[int, int], VMobject] = {}
    neg_scores: dict[int, float] = {}
    pos_scores: dict[int, float] = {}
    for cell in cells:
        x0, x1, y0, y1 = cell.bounds
        neg_scores[cell.col], pos_scores[cell.row] = (
            cell.pair.neg_score,
            cell.pair.pos_score,
        )
        corners = [
            axes.c2p(x0, y0),
            axes.c2p(x1, y0),
            axes.c2p(x1, y1),
            axes.c2p(x0, y1),
        ]
        if cell.credit == 1:
            shape: VMobject = Polygon(
                *corners,
                stroke_color=PALETTE.positive,
                stroke_width=2,
                fill_color=PALETTE.positive,
                fill_opacity=0.55,
            )
        elif cell.credit == 0:
            shape = Polygon(
                *corners,
                stroke_color=PALETTE.negative,
                stroke_width=4,
                fill_opacity=0.0,
            )
        else:
            shape = Polygon(
                corners[0],
                corners[1],
                corners[2],
                stroke_color=PALETTE.positive,
                stroke_width=2,
                fill_color=PALETTE.positive,
                fill_opacity=0.55,
            )
        fills[(cell.col, cell.row)] = shape
    top = axes.c2p(0, 1)[1]
    right = axes.c2p(1, 0)[0]
    columns = VGroup()
    for col in range(n_neg):
        x = axes.c2p((col + 0.5) / n_neg, 0)[0]
        head = VGroup(
            get_item_icon(0, width=icon_width),
            get_tex(f"{neg_scores[col]:g}", size=SIZES.tex_small, color=OTHER_COLOR),
        ).arrange(RIGHT, buff=SPACE.tight)
        head.move_to([x, top + 0.12 + head.height / 2, 0])
        columns.add(head)
    rows = VGroup()
    for row in range(n_pos):
        y = axes.c2p(0, (row + 0.5) / n_pos)[1]
        head = VGroup(
            get_item_icon(1, width=icon_width),
            get_tex(f"{pos_scores[row]:g}", size=SIZES.tex_small, color=HOTDOG_COLOR),
        ).arrange(RIGHT, buff=SPACE.tight)
        head.move_to([right + 0.15 + head.width / 2, y, 0])
        rows.add(head)
    return PairGrid(lines, fills, columns, rows)


def get_roc_point_label(
    axes: Axes, x: float, y: float, text: str, *, color: str | None = None
) -> VGroup:
    """A ROC point's dot and its threshold label, set inside the square, clear of the curve."""
    dot = Dot(axes.c2p(x, y), radius=0.08, color=color or PALETTE.point)
    label = get_tex(text, size=SIZES.tex_small, color=color or PALETTE.point)
    # inside the square, below and right of the point (a staircase climbs up and
    # right from it); the start above it, the end above the corner
    direction = DOWN + RIGHT
    if y <= 0.0:
        direction = UP + RIGHT
    elif x >= 1.0:
        direction = UP
    label.next_to(dot, direction, buff=SPACE.hair)
    if y <= 0.0:
        # the start's label lies along the x axis, slid right until it is under
        # the chance diagonal (y = x): its top-left corner below the line
        left, top = axes.p2c(label.get_corner(UP + LEFT))[:2]
        unit = axes.c2p(1, 0)[0] - axes.c2p(0, 0)[0]
        gap = (top - left) + 0.04
        if gap > 0:
            label.shift(RIGHT * gap * unit)
    group = VGroup(dot, label)
    group.dot, group.label = dot, label
    return group


class ScorePiles(VGroup):
    """Two score histograms on one axis; see :func:`get_score_piles`."""

    def __init__(
        self, axis: Line, ups: VGroup, downs: VGroup, lo: float, hi: float
    ) -> None:
        super().__init__(axis, ups, downs)
        self.axis, self.ups, self.downs = axis, ups, downs
        self._lo, self._hi = lo, hi

    def x_of(self, score: float) -> float:
        """Scene x of a score on the piles' axis (clamped to it)."""
        frac = (min(max(score, self._lo), self._hi) - self._lo) / (self._hi - self._lo)
        start, end = self.axis.get_start()[0], self.axis.get_end()[0]
        return float(start + frac * (end - start))


def get_score_piles(
    hist: ScoreHistogram, *, width: float = 5.0, height: float = 2.4
) -> ScorePiles:
    """The positives' scores piled up and the negatives' hung down from one score axis.

    Bar heights are counts (from :func:`mathkit.classification.score_histogram`),
    scaled so that the taller pile fills half of ``height``. Named parts: ``axis``,
    ``ups`` (positives, hot-dog colour), ``downs`` (negatives); ``x_of(score)``.
    """
    lo, hi = float(hist.edges[0]), float(hist.edges[-1])
    axis = Line(
        LEFT * width / 2, RIGHT * width / 2, color=PALETTE.muted, stroke_width=2
    )
    peak = max(int(hist.positives.max()), int(hist.negatives.max()), 1)
    unit = (height / 2) / peak
    bar_w = width / (hist.edges.size - 1)
    ups, downs = VGroup(), VGroup()
    for i, (p, n) in enumerate(zip(hist.positives, hist.negatives, strict=True)):
        x = -width / 2 + (i + 0.5) * bar_w
        for count, group, color, sign in (
            (int(p), ups, HOTDOG_COLOR, 1),
            (int(n), downs, OTHER_COLOR, -1),
        ):
            if count == 0:
                continue
            bar = Rectangle(
                width=bar_w * 0.9,
                height=count * unit,
                stroke_width=0,
                fill_color=color,
                fill_opacity=0.75,
            )
            bar.move_to([x, sign * count * unit / 2, 0])
            group.add(bar)
    return ScorePiles(axis, ups, downs, lo, hi)


def get_counts_row(conf: Confusion) -> VGroup:
    """One line "TP 2  FP 1  TN 1  FN 0" with each count in its cell colour."""
    parts = []
    for name in ("tp", "fp", "tn", "fn"):
        parts.append(
            VGroup(
                get_text(CELL_TITLES[name], size=SIZES.small, color=CELL_COLORS[name]),
                Integer(
                    getattr(conf, name), font_size=SIZES.tex_small, color=PALETTE.text
                ),
            ).arrange(RIGHT, buff=SPACE.snug)
        )
    return VGroup(*parts).arrange(RIGHT, buff=SPACE.medium)


def get_formula_card(*lines: str, color: str | None = None) -> VGroup:
    """Formulas stacked left-aligned on a card."""
    tex = VGroup(*[get_tex(line, size=SIZES.tex_small) for line in lines])
    tex.arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
    return get_card(tex, color=color)


__all__ = [
    "class_color",
    "get_area_piece",
    "get_chance_line",
    "get_confusion_grid",
    "get_counts_row",
    "get_formula_card",
    "get_hotdog_icon",
    "get_item",
    "get_item_icon",
    "get_other_icon",
    "get_pair_grid",
    "get_positive_zone",
    "get_prediction_badge",
    "get_roc_axes",
    "get_roc_dots",
    "get_roc_point_label",
    "get_roc_polyline",
    "get_score_line",
    "get_score_piles",
    "get_threshold_handle",
    "get_threshold_marker",
    "get_unit_square",
    "get_verdict_mark",
    "get_zone_label",
]
