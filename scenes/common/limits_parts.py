"""Mobject factories for section 1 (limits): readouts, polygons, timeline strips and era sketches.

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
    Arrow,
    Axes,
    Circle,
    DashedLine,
    DecimalNumber,
    Dot,
    Line,
    MathTex,
    NumberLine,
    Polygon,
    Rectangle,
    VGroup,
    rotate_vector,
)

from mathkit.exhaustion import polygon_vertices
from mathkit.history import Era, Event, format_year, timeline_fraction
from mathkit.limits import EpsilonDelta
from scenes import outline
from scenes.common import mobjects
from scenes.common.delta_parts import get_stacked_fraction, get_strikes
from scenes.common.mobjects import (
    Readout,
    get_graph,
    get_text,
)
from scenes.common.theme import PALETTE, SIZES, SPACE


def readable_limits(tex: str) -> str:
    """``tex`` with every limit's subscript set at full size (``x \\to 1`` under lim).

    TeX sets the subscript of ``\\lim`` in script style, about 70 % of the
    formula's size: at 480p that is under the course's smallest readable glyph.
    """
    return tex.replace(r"\lim_{", r"\lim_{\textstyle ")


def title_bottom(scene: str | type) -> float:
    """The y of the bottom of a scene's title block as ``LectureMixin.opening`` draws it.

    ``scene`` is the scene's name or class (a subclass, as the pixel tests run,
    finds its outline item through its bases). For laying out the first visual
    before the opening writes the title.
    """
    item = outline.item_for(scene)
    return float(
        mobjects.get_title(item.screen_title, subtitle=item.subtitle).get_bottom()[1]
    )


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
        buff=SPACE.small,
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
    """Dashed guides from the axes to the point (x, y): up from the x axis, across from the y axis.

    They end at the point, so they never cross the tick labels on the far side.
    """
    (x0, x1), (y0, y1) = axes.x_range[:2], axes.y_range[:2]
    # start just inside the plot box, clear of the tick numbers on its edges
    x0, y0 = x0 + 0.02 * (x1 - x0), y0 + 0.02 * (y1 - y0)
    col = color or PALETTE.accent
    return VGroup(
        DashedLine(axes.c2p(x, y0), axes.c2p(x, y), color=col, stroke_width=3),
        DashedLine(axes.c2p(x0, y), axes.c2p(x, y), color=col, stroke_width=3),
    )


class FactoredFraction(VGroup):
    """``(common)(rest) / (common)(rest)``: parts ``.top``, ``.bar``, ``.bottom`` and
    ``.common`` (the two common factors); :meth:`get_strikes` cancels them."""

    def get_strikes(self) -> VGroup:
        """One diagonal across each common factor, where it is now."""
        return get_strikes(list(self.common))


def get_factored_fraction(
    common: str, num_rest: str, den_rest: str, *, size: int | None = None
) -> FactoredFraction:
    """A fraction set from parts so the common factor can be struck out (TeX pieces).

    ``den_rest`` ``"1"`` is left out of the bottom.
    """
    size = size or SIZES.tex_small

    def factor(tex: str) -> MathTex:
        return mobjects.get_tex(rf"\left({tex}\right)", size=size)

    top_c, bottom_c = factor(common), factor(common)
    top = VGroup(top_c, *([factor(num_rest)] if num_rest != "1" else []))
    bottom = VGroup(bottom_c, *([factor(den_rest)] if den_rest != "1" else []))
    for row in (top, bottom):
        row.arrange(RIGHT, buff=SPACE.hair)
    frac = get_stacked_fraction(top, bottom)
    group = FactoredFraction(*frac)
    group.top, group.bar, group.bottom = frac.top, frac.bar, frac.bottom
    group.common = VGroup(top_c, bottom_c)
    return group


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


MIN_TICK_GAP = 0.22
"""Least distance (scene units) between two event dots on an era band."""


def spread_positions(
    xs: Sequence[float], gap: float, lo: float, hi: float
) -> list[float]:
    """``xs`` (sorted) moved apart as little as possible so neighbours are ``gap`` apart,
    kept inside [lo, hi] (layout only: two years a year apart get two visible dots)."""
    out = [min(max(x, lo), hi) for x in xs]
    for i in range(1, len(out)):
        out[i] = max(out[i], out[i - 1] + gap)
    if out and out[-1] > hi:
        out[-1] = hi
        for i in range(len(out) - 2, -1, -1):
            out[i] = min(out[i], out[i + 1] - gap)
    return out


class EraStrip(VGroup):
    """An era band with a dot per event and the events' names on two rows above it.

    Parts: ``.band``, ``.ticks`` (dots), ``.labels`` (names), ``.leaders`` (short
    vertical lines from each name down to its dot), ``.ends`` (start and end years).
    """

    def __init__(
        self,
        band: Rectangle,
        ends: VGroup,
        ticks: VGroup,
        labels: VGroup,
        leaders: VGroup,
    ) -> None:
        super().__init__(band, ends, leaders, ticks, labels)
        self.band, self.ends, self.ticks = band, ends, ticks
        self.labels, self.leaders = labels, leaders


def get_era_strip(
    era: Era, events: Sequence[Event], *, width: float = 12.6, color: str | None = None
) -> EraStrip:
    """One era of the timeline: a band, a dot at each event's year, names above.

    Names alternate between two rows right above their dot (the dot is never
    far from its name); dots closer than ``MIN_TICK_GAP`` are spread apart.
    """
    band = Rectangle(
        width=width,
        height=0.3,
        stroke_width=2,
        stroke_color=color or PALETTE.overlay,
        fill_color=color or PALETTE.surface,
        fill_opacity=0.35,
    )
    ends = VGroup(
        get_text(format_year(era.start), size=SIZES.small, color=PALETTE.subtle),
        get_text(format_year(era.end), size=SIZES.small, color=PALETTE.subtle),
    )
    ends[0].next_to(band, DOWN, buff=SPACE.tight).align_to(band, LEFT)
    ends[1].next_to(band, DOWN, buff=SPACE.tight).align_to(band, RIGHT)
    left = band.get_left()[0]
    xs = spread_positions(
        [left + timeline_fraction(ev.year, era) * width for ev in events],
        MIN_TICK_GAP,
        left + 0.1,
        left + width - 0.1,
    )
    y = band.get_center()[1]
    ticks, labels, leaders = VGroup(), VGroup(), VGroup()
    for i, (ev, x) in enumerate(zip(events, xs, strict=True)):
        tick = Dot(np.array([x, y, 0]), radius=0.08, color=PALETTE.point)
        name = ev.short[0].upper() + ev.short[1:]
        label = get_text(name, size=SIZES.small, color=PALETTE.text)
        rise = SPACE.small if i % 2 == 0 else SPACE.small + 0.5
        label.move_to(np.array([x, band.get_top()[1] + rise + label.height / 2, 0]))
        if label.get_left()[0] < left:
            label.align_to(band, LEFT)
        if label.get_right()[0] > left + width:
            label.align_to(band, RIGHT)
        leader = Line(
            np.array([x, band.get_top()[1], 0]),
            np.array([x, label.get_bottom()[1] - SPACE.hair, 0]),
            color=PALETTE.muted,
            stroke_width=2,
        )
        ticks.add(tick)
        labels.add(label)
        leaders.add(leader)
    # a long leader (upper row) must not run through a name on the lower row
    for i, leader in enumerate(leaders):
        if i % 2 == 0:
            continue
        x = leader.get_x()
        for label in labels[::2]:
            if (
                label.get_left()[0] - SPACE.tight
                < x
                < label.get_right()[0] + SPACE.tight
            ):
                if label.get_x() >= x:
                    label.shift(RIGHT * (x + SPACE.tight - label.get_left()[0]))
                else:
                    label.shift(LEFT * (label.get_right()[0] - (x - SPACE.tight)))
    return EraStrip(band, ends, ticks, labels, leaders)


def get_circle_sketch(
    n: int, *, radius: float = 1.1, color: str | None = None
) -> VGroup:
    """Antiquity: a circle with its inscribed regular n-gon (vertices from mathkit)."""
    circle = Circle(radius=radius, color=PALETTE.curve, stroke_width=3)
    poly = get_polygon(
        polygon_vertices(n),
        scale=radius,
        color=color or PALETTE.secant,
        fill_opacity=0.2,
    )
    return VGroup(circle, poly)


def get_slices_sketch(
    f: Callable[[float], float],
    x_range: tuple[float, float],
    n: int,
    *,
    width: float = 3.0,
) -> VGroup:
    """Kepler and Cavalieri: the region under f cut into n thin slices (no numbers)."""
    axes = Axes(
        x_range=[x_range[0], x_range[1], x_range[1] - x_range[0]],
        y_range=[0, max(f(x) for x in np.linspace(*x_range, 50)) * 1.1, 1],
        x_length=width,
        y_length=width * 0.55,
        tips=False,
        axis_config={"color": PALETTE.muted, "stroke_width": 2, "include_ticks": False},
    )
    curve = axes.plot(f, x_range=list(x_range), color=PALETTE.curve, stroke_width=3)
    slices = axes.get_riemann_rectangles(
        curve,
        x_range=list(x_range),
        dx=(x_range[1] - x_range[0]) / n,
        color=PALETTE.area,
        fill_opacity=0.45,
        stroke_width=1,
        stroke_color=PALETTE.background,
    )
    group = VGroup(axes, slices, curve)
    group.axes, group.slices, group.curve = axes, slices, curve
    return group


def get_notations_sketch() -> VGroup:
    """Newton and Leibniz: the two notations for one derivative, side by side.

    ``sketch[0]`` is Newton's (formula, name), ``sketch[1]`` Leibniz's.
    """
    formulas = VGroup(
        mobjects.get_tex(r"\dot{y}", size=SIZES.tex_large, color=PALETTE.tangent),
        mobjects.get_tex(r"\frac{dy}{dx}", size=SIZES.tex_large, color=PALETTE.tangent),
    ).arrange(RIGHT, buff=SPACE.section + SPACE.large)
    names = VGroup(
        *[
            get_text(name, size=SIZES.small, color=PALETTE.subtle).next_to(
                formula, DOWN, buff=SPACE.small
            )
            for name, formula in zip(("Newton", "Leibniz"), formulas, strict=True)
        ]
    )
    low = min(n.get_y() for n in names)
    for n in names:
        n.set_y(low)
    return VGroup(*[VGroup(f, n) for f, n in zip(formulas, names, strict=True)])


def get_epsilon_sketch(
    f: Callable[[float], float],
    band: EpsilonDelta,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    *,
    width: float = 3.2,
) -> VGroup:
    """Weierstrass: the curve, the band L +- epsilon and the window a +- delta.

    Parts: ``.axes``, ``.curve``, ``.eps_band``, ``.delta_band``, ``.point``.
    """
    axes = Axes(
        x_range=[*x_range, x_range[1] - x_range[0]],
        y_range=[*y_range, y_range[1] - y_range[0]],
        x_length=width,
        y_length=width * 0.75,
        tips=False,
        axis_config={"color": PALETTE.muted, "stroke_width": 2, "include_ticks": False},
    )
    curve = axes.plot(f, x_range=list(x_range), color=PALETTE.curve, stroke_width=3)
    lo, hi = band.limit - band.epsilon, band.limit + band.epsilon
    eps_band = Polygon(
        axes.c2p(x_range[0], lo),
        axes.c2p(x_range[1], lo),
        axes.c2p(x_range[1], hi),
        axes.c2p(x_range[0], hi),
        stroke_width=0,
        fill_color=PALETTE.tangent,
        fill_opacity=0.25,
    )
    a, d = band.a, band.delta
    delta_band = Polygon(
        axes.c2p(a - d, y_range[0]),
        axes.c2p(a + d, y_range[0]),
        axes.c2p(a + d, y_range[1]),
        axes.c2p(a - d, y_range[1]),
        stroke_width=0,
        fill_color=PALETTE.secant,
        fill_opacity=0.25,
    )
    point = Dot(axes.c2p(a, band.limit), radius=0.07, color=PALETTE.point)
    group = VGroup(axes, eps_band, delta_band, curve, point)
    group.axes, group.curve, group.point = axes, curve, point
    group.eps_band, group.delta_band = eps_band, delta_band
    return group


def get_compute_graph() -> VGroup:
    """Linnainmaa and backprop: a tiny graph x, w -> times -> plus b -> loss.

    Parts: ``.nodes`` (x, w, times, b, plus, L), ``.forward`` (arrows along the
    computation) and ``.backward`` (the same edges reversed, for the gradients).
    """
    labels = ("x", "w", r"\times", "b", "+", "L")
    nodes = VGroup(
        *[
            VGroup(
                Circle(radius=0.3, color=PALETTE.overlay, stroke_width=2).set_fill(
                    PALETTE.surface, 1
                ),
                mobjects.get_tex(t, size=SIZES.tex_small),
            )
            for t in labels
        ]
    )
    place = {
        0: (-1.6, 0.6),
        1: (-1.6, -0.6),
        2: (-0.4, 0.0),
        3: (-0.4, -1.2),
        4: (0.8, -0.4),
        5: (1.9, -0.4),
    }
    for k, (x, y) in place.items():
        nodes[k].move_to(np.array([x, y, 0]))
    edges = ((0, 2), (1, 2), (2, 4), (3, 4), (4, 5))

    def arrow(a: int, b: int, color: str) -> Arrow:
        return Arrow(
            nodes[a].get_center(),
            nodes[b].get_center(),
            buff=SPACE.medium,
            stroke_width=3,
            color=color,
            max_tip_length_to_length_ratio=0.2,
        )

    forward = VGroup(*[arrow(a, b, PALETTE.muted) for a, b in edges])
    backward = VGroup(*[arrow(b, a, PALETTE.error) for a, b in reversed(edges)])
    for back in backward:
        back.shift(0.12 * rotate_vector(back.get_unit_vector(), np.pi / 2))
    group = VGroup(forward, backward, nodes)
    group.nodes, group.forward, group.backward = nodes, forward, backward
    return group


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
    row = Readout(lab, number, None, buff=SPACE.small)
    number.align_to(lab, DOWN)
    return row
