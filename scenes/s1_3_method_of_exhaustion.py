"""1.3 The Method of Exhaustion.

Learning goal: see how the Greeks found a curved area by trapping it between
polygons with ever more sides (the idea behind integrals), and how zooming in
on a smooth curve makes it look straight (the idea behind derivatives). Polygon
areas come from ``mathkit.exhaustion``; the zoom windows and how much the curve
bends inside them come from ``mathkit.limits.zoom_views``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    ChangeDecimalToValue,
    Circle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    Transform,
    VGroup,
    Write,
)

from mathkit.data import RUNNING_FUNCTION
from mathkit.exhaustion import (
    ARCHIMEDES_LOWER,
    ARCHIMEDES_UPPER,
    exhaustion_sequence,
    polygon_bounds,
    polygon_vertices,
)
from mathkit.expr import latex, parse
from mathkit.limits import to_function, zoom_views
from scenes.common.base import LectureScene
from scenes.common.limits_parts import (
    get_bounds_line,
    get_bracket,
    get_polygon,
    get_readout,
)
from scenes.common.mobjects import (
    follow_number,
    get_axes,
    get_graph,
    get_table,
    get_tex,
    get_text,
    get_title,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

RADIUS = 2.15
"""Scene units per unit of the circle's radius (layout only)."""
RUNNING = RUNNING_FUNCTION


def _zoom_axes(x_range: tuple[float, float], y_range: tuple[float, float]):
    """Axes for one zoom window, four ticks per side (layout only)."""
    sx = (x_range[1] - x_range[0]) / 4
    sy = (y_range[1] - y_range[0]) / 4
    step_text = f"{min(sx, sy):g}"
    decimals = len(step_text.split(".")[1]) if "." in step_text else 0
    axes = get_axes(
        [x_range[0], x_range[1], sx],
        [y_range[0], y_range[1], sy],
        width=6.0,
        height=4.4,
        decimals=decimals,
        y_axis_config={"label_direction": RIGHT},
    )
    # the y numbers sit right of the axis, where the "x" label would collide with them
    axes.remove(axes.axis_labels)
    return axes


class MethodOfExhaustion(LectureScene):
    """Beats: title, circle, polygons, archimedes, zoom, summary."""

    def construct(self) -> None:
        seq = exhaustion_sequence()

        # -- title -----------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "The Method of Exhaustion", subtitle="Trapping a curve between polygons"
        )
        self.narrate(
            "How do you measure a curved shape with straight-edged tools? "
            "The Greeks exhausted it with polygons.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- circle --------------------------------------------------------------------
        self.beat("circle")
        circle = Circle(radius=RADIUS, color=PALETTE.curve, stroke_width=4)
        circle.next_to(title, DOWN, buff=0.85).to_edge(LEFT, buff=EDGE_BUFF + 0.9)
        center = circle.get_center()
        self.narrate(
            "A circle of radius one has area pi. But how big is pi?", Create(circle)
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
        table.next_to(title, DOWN, buff=0.5).to_edge(RIGHT, buff=EDGE_BUFF + 0.5)
        table.cells[0][1].set_color(PALETTE.secant)
        table.cells[0][2].set_color(PALETTE.error)
        lines = table[0]
        line = get_bounds_line([2.5, 3.5, 0.25], length=5.6)
        line.next_to(table, DOWN, buff=0.75).to_edge(RIGHT, buff=EDGE_BUFF + 0.3)
        pi_dot = Dot(line.n2p(3.141592653589793), color=PALETTE.tangent, radius=0.07)
        pi_label = get_tex(r"\pi", size=SIZES.tex_small, color=PALETTE.tangent)
        pi_label.next_to(pi_dot, UP, buff=0.3)

        first = seq[0]
        shapes = polys(first.n)
        bracket = get_bracket(line, *first.pi_area_bounds)
        self.narrate(
            f"Draw a regular {first.n}-sided polygon inside the circle and one outside it. "
            "The inside one is smaller than the circle, the outside one bigger.",
            Create(shapes[0]),
            Create(shapes[1]),
            run_time=2,
        )
        self.caption("So pi lies between their areas.")
        self.play(FadeIn(lines[0]), FadeIn(table[1]), FadeIn(lines[1]))
        self.play(Create(line), FadeIn(pi_dot), FadeIn(pi_label), FadeIn(bracket))
        self.hold()
        for k, b in enumerate(seq[1:], start=2):
            if k == 2:
                self.caption(
                    "Double the number of sides: both polygons hug the circle more closely."
                )
            elif k == len(seq):
                self.caption(
                    f"With {b.n} sides the polygons are hard to tell from the circle, "
                    "and pi is pinned between two numbers."
                )
            else:
                self.caption(f"{b.n} sides: the gap between the bounds shrinks again.")
            self.play(
                Transform(shapes, polys(b.n)),
                Transform(bracket, get_bracket(line, *b.pi_area_bounds)),
                FadeIn(lines[k]),
                run_time=1.5,
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
        arch_group = VGroup(arch_note, arch).arrange(DOWN, buff=0.25)
        arch_group.next_to(table, DOWN, buff=0.45).to_edge(RIGHT, buff=EDGE_BUFF + 0.3)
        self.caption(
            f"Archimedes did this by hand with {last.n}-gons, using their perimeters. "
            f"He proved pi lies between {ARCHIMEDES_LOWER.numerator} over "
            f"{ARCHIMEDES_LOWER.denominator} and {ARCHIMEDES_UPPER.numerator} over "
            f"{ARCHIMEDES_UPPER.denominator}."
        )
        self.play(FadeOut(VGroup(line, pi_dot, pi_label, bracket)))
        self.play(FadeIn(arch_group, shift=UP * 0.2))
        self.hold()
        self.narrate(
            "With infinitely many sides the polygons become the circle: "
            "this is the idea behind the integral.",
            Indicate(circle, color=PALETTE.area),
        )

        # -- zoom ---------------------------------------------------------------------------
        self.beat("zoom")
        self.play(*[FadeOut(m) for m in (circle, shapes, table, arch_group)])
        views = zoom_views(RUNNING)
        f = to_function(RUNNING)
        formula = get_tex(
            f"y = {latex(parse(RUNNING))}", size=SIZES.tex_small, color=PALETTE.curve
        )

        def frame(k: int) -> VGroup:
            v = views[k]
            axes = _zoom_axes(v.x_range, v.y_range)
            axes.next_to(title, DOWN, buff=0.55).to_edge(LEFT, buff=EDGE_BUFF + 0.5)
            curve = get_graph(axes, f, x_range=list(v.x_range))
            tangent = DashedLine(
                axes.c2p(
                    v.x_range[0], f(v.center) + v.slope * (v.x_range[0] - v.center)
                ),
                axes.c2p(
                    v.x_range[1], f(v.center) + v.slope * (v.x_range[1] - v.center)
                ),
                color=PALETTE.tangent,
                stroke_width=3,
            )
            dot = Dot(axes.c2p(v.center, f(v.center)), color=PALETTE.point, radius=0.08)
            return VGroup(axes, tangent, curve, dot)

        view = frame(0)
        formula.next_to(view[0], RIGHT, buff=0.6).align_to(view[0], UP)
        v0 = views[0]
        width_row = get_readout(
            "width:", v0.x_range[1] - v0.x_range[0], decimals=2, size=SIZES.label
        )
        bend_row = get_readout(
            "bend:",
            100 * v0.relative_deviation,
            unit="% of height",
            decimals=1,
            color=PALETTE.tangent,
            size=SIZES.label,
        )
        follow_number(width_row)
        follow_number(bend_row)
        readouts = VGroup(width_row, bend_row).arrange(
            DOWN, aligned_edge=LEFT, buff=0.35
        )
        readouts.next_to(formula, DOWN, buff=0.6, aligned_edge=LEFT)
        self.caption(
            "The same idea works for slopes. Take the course's running function "
            f"and its lowest point at x = {v0.center:g}."
        )
        self.play(Create(view[0]), Write(formula))
        self.play(Create(view[2]), FadeIn(view[3]))
        self.hold()
        self.narrate(
            "The dashed line is the tangent there. At this scale the curve clearly bends away from it.",
            Create(view[1]),
            FadeIn(readouts),
        )
        for k in range(1, len(views)):
            v = views[k]
            nxt = frame(k)
            self.caption(
                f"Zoom in to a window {v.x_range[1] - v.x_range[0]:g} wide: "
                f"the bend is now {100 * v.relative_deviation:g}% of the picture."
            )
            self.play(
                FadeOut(view, scale=1.8),
                FadeIn(nxt, scale=0.4),
                ChangeDecimalToValue(width_row.number, v.x_range[1] - v.x_range[0]),
                ChangeDecimalToValue(bend_row.number, 100 * v.relative_deviation),
                run_time=2,
            )
            view = nxt
            self.hold()
        self.narrate(
            "No part of the curve is truly straight, but close enough it looks straight, "
            "so a slope exists at every point.",
            Indicate(view[2], color=PALETTE.tangent),
        )

        # -- summary -------------------------------------------------------------------------
        self.beat("summary")
        self.play(FadeOut(view), FadeOut(readouts), FadeOut(formula))
        summary = VGroup(
            get_text(
                "More and more sides  →  the area (integrals)",
                size=SIZES.body,
                color=PALETTE.area,
            ),
            get_text(
                "Zoom in closer and closer  →  the slope (derivatives)",
                size=SIZES.body,
                color=PALETTE.tangent,
            ),
            get_text("Both are limits: the subject of this section.", size=SIZES.body),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.5)
        summary.next_to(title, DOWN, buff=0.9).to_edge(LEFT, buff=EDGE_BUFF + 0.6)
        self.narrate(
            "Infinitely many sides give areas; infinitely close zooms give slopes. "
            "Both are limits, the subject of this section.",
            FadeIn(summary, lag_ratio=0.4),
            run_time=2,
            hold=1.5,
        )
        self.wait()
