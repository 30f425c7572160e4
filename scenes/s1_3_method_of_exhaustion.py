"""1.3 The Method of Exhaustion.

Learning goal: see how the Greeks found a curved area by trapping it between
polygons with ever more sides, and Archimedes' parabola segment by ever smaller
triangles (the idea behind integrals), and how zooming in on a smooth curve makes
it look straight (the idea behind derivatives). Polygon areas and the triangle
stages come from ``mathkit.exhaustion``; the zoom windows and how much the curve
bends inside them come from ``mathkit.limits.zoom_views``.
"""

from __future__ import annotations

import math
from fractions import Fraction

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Circle,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    MoveToTarget,
    Polygon,
    Transform,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    config,
)

from mathkit.data import RUNNING_FUNCTION
from mathkit.exhaustion import (
    ARCHIMEDES_LOWER,
    ARCHIMEDES_QUARTER,
    ARCHIMEDES_UPPER,
    PARABOLA_FUNCTION,
    archimedes_limit_share,
    archimedes_stages,
    exhaustion_sequence,
    parabola_segment,
    polygon_bounds,
    polygon_vertices,
)
from mathkit.expr import latex, parse
from mathkit.limits import to_function, zoom_views
from mathkit.plotting import decimals_for, nice_range
from scenes.common.base import LectureScene
from scenes.common.delta_parts import (
    get_window_box,
    get_window_view,
    readable_axis_labels,
)
from scenes.common.limits_parts import (
    get_bounds_line,
    get_bracket,
    get_polygon,
    get_tex_readout,
    title_bottom,
)
from scenes.common.math_text import expr_words
from scenes.common.mobjects import (
    get_axes,
    get_graph,
    get_table,
    get_tex,
    get_text,
)
from scenes.common.numbers import fmt
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

RADIUS = 2.15
"""Scene units per unit of the circle's radius (layout only)."""
RUNNING = RUNNING_FUNCTION
STAGES = 5
"""How many stages of Archimedes' triangles are drawn (1 + 2 + 4 + 8 + 16 triangles)."""
STAGE_COLORS = (
    PALETTE.secant,
    PALETTE.tangent,
    PALETTE.point,
    PALETTE.accent,
    PALETTE.error,
)


def frac_tex(q: Fraction) -> str:
    """An exact share as TeX: 1 stays 1, 1/4 becomes \\tfrac{1}{4}."""
    if q.denominator == 1:
        return f"{q.numerator}"
    return rf"\tfrac{{{q.numerator}}}{{{q.denominator}}}"


def frac_words(q: Fraction) -> str:
    """An exact share as the voice says it: 4/3 is "4 thirds", 1/4 "a quarter"."""
    names = {2: "half", 3: "third", 4: "quarter"}
    name = names.get(q.denominator, f"{q.denominator}th")
    if q.numerator == 1:
        return f"a {name}"
    return f"{q.numerator} {name}s"


class MethodOfExhaustion(LectureScene):
    """Beats: title, circle, polygons, archimedes, parabola, zoom, summary."""

    def construct(self) -> None:
        seq = exhaustion_sequence()

        # -- title -----------------------------------------------------------------
        circle = Circle(radius=RADIUS, color=PALETTE.curve, stroke_width=4)
        top = title_bottom(type(self))
        circle.move_to([0, top - SPACE.large - RADIUS, 0]).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.section
        )
        center = circle.get_center()
        title = self.opening(
            Create(circle),
            "How do you measure a curved shape with straight-edged tools?"
            " The Greeks exhausted it with polygons.",
        )

        # -- circle --------------------------------------------------------------------
        self.beat("circle")
        self.narrate(
            "A circle of radius one has area pi. But how big is pi?",
            Indicate(circle, color=PALETTE.curve, scale_factor=1.05),
            fill=True,
        )

        # -- polygons ---------------------------------------------------------------------
        self.beat("polygons")

        def polys(n: int) -> VGroup:
            inner = get_polygon(
                polygon_vertices(n),
                scale=RADIUS,
                color=PALETTE.secant,
                fill_opacity=0.25,
            )
            outer = get_polygon(
                polygon_vertices(n, circumscribed=True),
                scale=RADIUS,
                color=PALETTE.error,
                fill_opacity=0.0,
            )
            return VGroup(inner, outer).shift(center)

        header = [r"n", r"\text{inside}", r"\text{outside}"]
        rows = [
            [f"{b.n}", f"{b.pi_area_bounds[0]:.5f}", f"{b.pi_area_bounds[1]:.5f}"]
            for b in seq
        ]
        table = get_table(header, rows)
        table.next_to(title, DOWN, buff=SPACE.medium).to_edge(
            RIGHT, buff=EDGE_BUFF + SPACE.medium
        )
        table.cells[0][1].set_color(PALETTE.secant)
        table.cells[0][2].set_color(PALETTE.error)
        lines = table[0]

        def bounds_line(lo: float, hi: float) -> VGroup:
            """The number line zoomed on [lo, hi], with pi and the bracket on it."""
            pad = 0.6 * (hi - lo)
            r = nice_range(lo - pad, hi + pad, ticks=3)
            nl = get_bounds_line(r, length=5.6, decimals=decimals_for(r[2]))
            nl.next_to(table, DOWN, buff=SPACE.large + SPACE.snug)
            nl.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.medium)
            dot = Dot(nl.n2p(math.pi), color=PALETTE.tangent, radius=0.07)
            label = get_tex(r"\pi", size=SIZES.tex_small, color=PALETTE.tangent)
            label.next_to(dot, UP, buff=SPACE.medium)
            return VGroup(nl, get_bracket(nl, lo, hi), dot, label)

        first = seq[0]
        shapes = polys(first.n)
        line = bounds_line(*first.pi_area_bounds)
        self.narrate(
            f"Draw a regular {first.n}-sided polygon inside the circle and one outside it. "
            "The inside one is smaller than the circle, the outside one bigger.",
            Create(shapes[0]),
            Create(shapes[1]),
            fill=True,
        )
        self.narrate(
            "So pi lies between their areas.",
            FadeIn(lines[0]),
            FadeIn(table[1]),
            FadeIn(lines[1]),
            Create(line),
            fill=True,
        )
        for k, b in enumerate(seq[1:], start=2):
            if k == 2:
                say = "Double the number of sides: both polygons hug the circle more closely."
            elif k == len(seq):
                say = (
                    f"With {b.n} sides the polygons are hard to tell from the circle, "
                    "and pi is pinned between two numbers."
                )
            else:
                say = f"{b.n} sides: the gap shrinks again, so zoom the number line in."
            length = self.caption(say)
            share = max(2.0, length - 0.5)
            self.play(
                Transform(shapes, polys(b.n)),
                FadeIn(lines[k]),
                run_time=0.55 * share,
            )
            self.play(
                Transform(line, bounds_line(*b.pi_area_bounds)), run_time=0.45 * share
            )
            self.hold()
        self.play(Indicate(lines[len(seq)], color=PALETTE.tangent))
        self.hold(0.5)

        # -- archimedes ---------------------------------------------------------------------
        self.beat("archimedes")
        last = polygon_bounds(seq[-1].n)
        p_lo, p_hi = last.pi_perimeter_bounds
        arch = get_tex(
            rf"\frac{{{ARCHIMEDES_LOWER.numerator}}}{{{ARCHIMEDES_LOWER.denominator}}}"
            rf" < {p_lo:.5f} < \pi < {p_hi:.5f} < "
            rf"\frac{{{ARCHIMEDES_UPPER.numerator}}}{{{ARCHIMEDES_UPPER.denominator}}}",
            size=SIZES.tex_small,
        )
        arch_note = get_text(
            f"Archimedes, perimeters of {last.n}-gons",
            size=SIZES.small,
            color=PALETTE.subtle,
        )
        arch_group = VGroup(arch_note, arch).arrange(DOWN, buff=SPACE.small)
        arch_group.next_to(table, DOWN, buff=SPACE.medium).to_edge(
            RIGHT, buff=EDGE_BUFF + SPACE.small
        )
        self.narrate(
            f"Archimedes did this by hand with {last.n}-gons, using their perimeters. "
            f"He proved pi lies between {ARCHIMEDES_LOWER.numerator} over "
            f"{ARCHIMEDES_LOWER.denominator} and {ARCHIMEDES_UPPER.numerator} over "
            f"{ARCHIMEDES_UPPER.denominator}.",
            LaggedStart(FadeOut(line), FadeIn(arch_note), Write(arch), lag_ratio=0.3),
            fill=True,
        )
        self.narrate(
            "With infinitely many sides the polygons become the circle: "
            "this is the idea behind the integral.",
            Indicate(circle, color=PALETTE.area),
            fill=True,
        )

        # -- parabola -----------------------------------------------------------------------
        self.beat("parabola")
        self.play(*[FadeOut(m) for m in (circle, shapes, table, arch_group)])
        seg = parabola_segment()
        stages = archimedes_stages(STAGES, seg.a, seg.b)
        limit = archimedes_limit_share()
        ys = [y for _, y in seg.triangle]
        p_axes = readable_axis_labels(
            get_axes(
                nice_range(seg.a, seg.b, ticks=4),
                nice_range(min(ys), max(ys), ticks=2),
                width=5.6,
                height=4.6,
            )
        )
        p_axes.next_to(title, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        parabola = get_graph(
            p_axes, to_function(PARABOLA_FUNCTION), x_range=[seg.a, seg.b, 0.01]
        )
        chord = get_graph(
            p_axes, seg.chord, x_range=[seg.a, seg.b], color=PALETTE.subtle
        )
        shade = p_axes.get_area(
            parabola,
            x_range=[seg.a, seg.b],
            bounded_graph=chord,
            color=PALETTE.area,
            opacity=0.25,
        )
        layers = VGroup(
            *[
                VGroup(
                    *[
                        Polygon(
                            *[p_axes.c2p(x, y) for x, y in tri],
                            color=STAGE_COLORS[s.level % len(STAGE_COLORS)],
                            stroke_width=2,
                            fill_opacity=0.55,
                        )
                        for tri in s.triangles
                    ]
                )
                for s in stages
            ]
        )
        source = get_text(
            "Archimedes, Quadrature of the Parabola",
            size=SIZES.small,
            color=PALETTE.subtle,
        )
        t_row = get_tex_readout(
            r"\text{first triangle } T =",
            seg.triangle_area,
            decimals=2,
            color=STAGE_COLORS[0],
        )
        total = ValueTracker(stages[0].total)
        total_row = get_tex_readout(
            r"\text{triangles so far} =",
            stages[0].total,
            decimals=4,
            color=PALETTE.area,
        )
        left_row = get_tex_readout(
            r"\text{left over} =",
            stages[0].left_over,
            decimals=4,
            color=PALETTE.error,
        )
        total_row.number.add_updater(lambda n: n.set_value(total.get_value()))
        left_row.number.add_updater(
            lambda n: n.set_value(seg.segment_area - total.get_value())
        )
        terms = [
            ("T" if s.share == 1 else rf"+ {frac_tex(s.share)}\,T") for s in stages
        ]
        series = get_tex(*terms, r"+ \cdots", size=SIZES.tex_small)
        for k in range(len(stages)):
            series[k].set_color(STAGE_COLORS[k % len(STAGE_COLORS)])
        result = get_tex(
            rf"= {frac_tex(limit)}\,T = \text{{the segment}}",
            size=SIZES.tex_small,
            color=PALETTE.area,
        )
        side = VGroup(source, t_row, total_row, left_row, series, result).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.medium
        )
        side.next_to(p_axes, RIGHT, buff=SPACE.large).align_to(p_axes, UP)
        room = config.frame_width / 2 - EDGE_BUFF - side.get_left()[0]
        if side.width > room:
            side.scale_to_fit_width(room, about_edge=LEFT)
        self.narrate(
            "Archimedes squared a curved region too: the piece of the parabola"
            f" y = {expr_words(parse(PARABOLA_FUNCTION))} cut off by a straight chord.",
            Create(p_axes),
            Create(parabola),
            Create(chord),
            FadeIn(source),
            fill=True,
        )
        self.narrate(
            "Inside it, put the biggest triangle that fits, its tip at the bottom."
            f" Call its area T: here T is {fmt(seg.triangle_area)}.",
            FadeIn(shade),
            LaggedStart(FadeIn(layers[0]), FadeIn(t_row), lag_ratio=0.5),
            fill=True,
        )
        self.narrate(
            "Two curved gaps are left over. Exhaust them.",
            FadeIn(series[0]),
            FadeIn(total_row),
            FadeIn(left_row),
            fill=True,
        )
        quarter = frac_words(ARCHIMEDES_QUARTER)
        for s in stages[1:]:
            n = len(s.triangles)
            if s.level == 1:
                say = (
                    f"In each gap, the same kind of triangle: these {n} add"
                    f" {quarter} of T."
                )
            elif s.level == 2:
                say = f"{n} smaller gaps, {n} triangles: {quarter} of the last stage again."
            elif s.level == len(stages) - 1:
                say = (
                    f"Then {n}. The gaps are almost gone, and the total closes in on"
                    f" {frac_words(limit)} of T."
                )
            else:
                say = f"{n} more, each stage {quarter} of the one before."
            self.narrate(
                say,
                LaggedStart(*[FadeIn(t) for t in layers[s.level]], lag_ratio=0.15),
                FadeIn(series[s.level]),
                total.animate.set_value(s.total),
                fill=True,
            )
        self.narrate(
            f"So the segment is exactly {frac_words(limit)} of its first triangle:"
            f" {stages[0].share} plus {quarter} plus {quarter} of {quarter}, and so on forever."
            " Piling up ever smaller pieces is what an integral does.",
            FadeIn(series[-1]),
            Write(result),
            total.animate.set_value(seg.segment_area),
            fill=True,
        )
        total_row.number.clear_updaters()
        left_row.number.clear_updaters()
        para = VGroup(p_axes, shade, layers, parabola, chord)

        # -- zoom ---------------------------------------------------------------------------
        self.beat("zoom")
        self.play(*[FadeOut(m) for m in (para, side)])
        views = zoom_views(RUNNING)
        f = to_function(RUNNING)
        formula = get_tex(
            f"y = {latex(parse(RUNNING))}", size=SIZES.tex_small, color=PALETTE.curve
        )
        v0 = views[0]
        cx, cy = v0.center, f(v0.center)
        half = [(v.x_range[1] - v.x_range[0]) / 2 for v in views]
        # one fixed frame; the data window inside it shrinks continuously about P
        box = get_window_box(width=6.0, height=4.4)
        box.next_to(title, DOWN, buff=SPACE.medium).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.large
        )
        zoom = ValueTracker(math.log10(half[0]))
        tangent_at = (v0.slope, cy - v0.slope * cx, PALETTE.tangent)

        def picture() -> VGroup:
            h = 10 ** zoom.get_value()
            return get_window_view(
                box,
                f,
                (cx, cy),
                (h, h),
                lines=[tangent_at],
                dashed=True,
                dots=[(cx, cy, PALETTE.point)],
            )

        still = picture()
        view = always_redraw(picture)
        centre = VGroup(
            get_tex(f"x = {cx:g}", size=SIZES.tex_small, color=PALETTE.subtle).next_to(
                box.c2p(0.5, 0), DOWN, buff=SPACE.small
            ),
        )
        formula.next_to(box, RIGHT, buff=SPACE.large).align_to(box, UP)
        width_row = get_tex_readout(r"\text{window width} =", 2 * half[0], decimals=2)
        bend_row = get_tex_readout(
            r"\text{bend} =",
            100 * v0.relative_deviation,
            unit=r"\%",
            decimals=1,
            color=PALETTE.tangent,
        )

        def bend_now() -> float:
            h = 10 ** zoom.get_value()
            w = zoom_views(
                RUNNING, (((cx - h, cx + h), (cy - h, cy + h)),), samples=201
            )
            return 100 * w[0].relative_deviation

        width_row.number.add_updater(lambda n: n.set_value(2 * 10 ** zoom.get_value()))
        bend_row.number.add_updater(lambda n: n.set_value(bend_now()))
        readouts = VGroup(width_row, bend_row).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.medium
        )
        readouts.next_to(formula, DOWN, buff=SPACE.large, aligned_edge=LEFT)
        notes = VGroup(
            *[
                get_text(t, size=SIZES.small, color=PALETTE.subtle)
                for t in (
                    "bend: the curve's largest gap",
                    "from the tangent, as a share",
                    "of the window's height",
                )
            ]
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight)
        notes.next_to(readouts, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        self.narrate(
            "The same idea works for slopes. Take the course's running function"
            f" and its lowest point, at x = {cx:g}.",
            Create(box),
            Write(formula),
            FadeIn(still.curve),
            FadeIn(still.dots),
            FadeIn(centre),
            fill=True,
        )
        self.narrate(
            "The dashed line is the tangent there. At this scale the curve clearly"
            " bends away from it.",
            Create(still.lines),
            FadeIn(readouts),
            FadeIn(notes),
            fill=True,
        )
        self.remove(still.curve, still.dots, still.lines)
        self.add(view)
        for k in range(1, len(views)):
            v = views[k]
            self.narrate(
                f"Zoom in to a window {2 * half[k]:g} wide: the bend is now"
                f" {100 * v.relative_deviation:g} percent of the picture.",
                zoom.animate.set_value(math.log10(half[k])),
                fill=True,
            )
        self.narrate(
            "No part of the curve is truly straight. But a smooth curve, close enough,"
            " looks straight: so it has a slope at every point.",
            Indicate(formula, color=PALETTE.tangent),
            Indicate(bend_row, color=PALETTE.tangent),
            fill=True,
        )
        width_row.number.clear_updaters()
        bend_row.number.clear_updaters()
        view.clear_updaters()

        # -- summary -------------------------------------------------------------------------
        self.beat("summary")
        # the two pictures side by side, each over its formula and its branch
        zoom_pic = VGroup(box, view)
        for m in (zoom_pic, formula, bend_row):
            m.generate_target()
        left_col = VGroup(
            para,
            get_tex(
                *[t for t in terms[:3]],
                r"+ \cdots",
                rf"= {frac_tex(limit)}\,T",
                size=SIZES.tex_small,
                color=PALETTE.area,
            ),
            get_text(
                "Integrals: more pieces  →  area",
                size=SIZES.label,
                color=PALETTE.area,
            ),
        )
        right_col = VGroup(
            zoom_pic.target,
            VGroup(formula.target, bend_row.target).arrange(RIGHT, buff=SPACE.large),
            get_text(
                "Derivatives: closer zooms  →  slope",
                size=SIZES.label,
                color=PALETTE.tangent,
            ),
        )
        # the recap picture is a reminder: its tick numbers would read too small
        for part in (p_axes.x_axis, p_axes.y_axis):
            part.remove(part.numbers)
        p_axes.remove(p_axes.axis_labels)
        for col in (left_col, right_col):
            col[0].scale_to_fit_height(2.9)
            col.arrange(DOWN, buff=SPACE.small)
        bottom = get_text(
            "Both are limits: the subject of this section.", size=SIZES.body
        )
        recap = VGroup(
            VGroup(left_col, right_col).arrange(
                RIGHT, buff=SPACE.section, aligned_edge=UP
            ),
            bottom,
        ).arrange(DOWN, buff=SPACE.medium)
        self.stage(recap)
        self.play(FadeOut(readouts[0]), FadeOut(notes), FadeOut(centre), run_time=0.6)
        self.narrate(
            "Side by side: ever more triangles exhaust the parabola's segment and"
            f" give its area, {frac_words(limit)} of T. That is the integral.",
            # the zoom picture moves right first, then the triangles come in where it was
            LaggedStart(
                AnimationGroup(
                    MoveToTarget(zoom_pic),
                    MoveToTarget(formula),
                    MoveToTarget(bend_row),
                ),
                AnimationGroup(FadeIn(para), FadeIn(left_col[1:])),
                lag_ratio=1.0,
            ),
            fill=True,
        )
        self.narrate(
            "Ever closer zooms straighten the curve and give its slope."
            " That is the derivative.",
            FadeIn(right_col[2]),
            Indicate(bend_row, color=PALETTE.tangent),
            fill=True,
        )
        self.narrate(
            "Infinitely many pieces give areas; infinitely close zooms give slopes. "
            "Both are limits, the subject of this section.",
            FadeIn(bottom, shift=UP * 0.2),
            hold=1.5,
            fill=True,
        )
        self.wait()
