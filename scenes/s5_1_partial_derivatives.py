"""5.1 Partial Derivatives of Multivariate Functions.

Learning goal: a function of two inputs is a surface; its partial derivative
with respect to one input is the slope of the slice where the other input is
held fixed. Worked on the course's saddle z = x^2 - y^2 (slices, tangents, the
exercise table) and the cylinder volume v = pi r^2 l at r = 3, l = 5. Every
number comes from ``mathkit.multivariate``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

from manim import (
    DEGREES,
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    Create,
    DashedLine,
    Ellipse,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    SurroundingRectangle,
    VGroup,
    Write,
)

from mathkit.data import CYLINDER, SADDLE, SADDLE_X_SLICE, SLICE_POINTS
from mathkit.expr import latex, plain
from mathkit.multivariate import (
    CYLINDER_VARS,
    SADDLE_VARS,
    cylinder,
    ordered_latex,
    partial_derivatives,
    saddle_exercises,
    saddle_x_direction,
    saddle_y_direction,
)
from mathkit.numeric import Tangent
from scenes.common.base import LectureScene3D
from scenes.common.mobjects import (
    get_axes,
    get_clipped_graph,
    get_table,
    get_tex,
    get_text,
    get_title,
)
from scenes.common.numbers import fmt
from scenes.common.surface_parts import (
    SLICE_COLORS,
    get_slice_tangents,
    get_space_curve,
    get_surface,
    get_surface_axes,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

_num = partial(fmt, significant=4)
"""Up to 4 significant digits (a whole number without decimals)."""


def _spoken(tex: str) -> str:
    """Subtitle text for a monomial's LaTeX from ``ordered_latex``: ``pi r^2 l``."""
    return re.sub(r"\^\{(\w+)\}", r"^\1", tex).replace("\\pi", "pi")


class PartialDerivatives(LectureScene3D):
    """Beats: surface, x-slice, y-slice, exercises, cylinder, summary."""

    def construct(self) -> None:
        saddle = partial_derivatives(SADDLE, SADDLE_VARS)
        z_of = saddle.function()
        x_slice, y_slice = saddle_x_direction(), saddle_y_direction()

        # -- surface (3-D) ------------------------------------------------------------
        self.beat("surface")
        title = get_title("Partial Derivatives", subtitle="One input at a time")
        self.add_fixed_in_frame_mobjects(title)
        self.set_camera_orientation(phi=65 * DEGREES, theta=-55 * DEGREES, zoom=1.0)
        axes3d = get_surface_axes([-2.5, 2.5, 1], [-6.5, 6.5, 2], size=5.0, height=3.6)
        surface = get_surface(axes3d, z_of, [-2.5, 2.5])
        formula = get_tex(rf"z = {latex(saddle.expr)}", size=SIZES.tex_large)
        formula.to_corner(RIGHT + UP, buff=EDGE_BUFF + 0.3)
        self.add_fixed_in_frame_mobjects(formula)
        self.remove(formula)
        self.caption(
            "A function of two inputs is a surface. The course's example is "
            f"z = {plain(saddle.expr)}: a saddle."
        )
        self.play(Write(title[0]), FadeIn(title[1:]), Write(formula))
        self.play(Create(axes3d), run_time=1.2)
        self.play(Create(surface), run_time=2)
        self.begin_ambient_camera_rotation(rate=0.22)
        self.hold()
        along_x = get_space_curve(
            lambda t: (t, x_slice.fixed[0][1], x_slice.function()(t)),
            [-2.5, 2.5],
            axes=axes3d,
            color=PALETTE.tangent,
        )
        along_y = get_space_curve(
            lambda t: (SADDLE_X_SLICE, t, y_slice.function()(t)),
            [-2.5, 2.5],
            axes=axes3d,
            color=PALETTE.point,
        )
        self.caption(
            "A partial derivative changes one input and holds the other fixed. "
            f"Holding y at {_num(x_slice.fixed[0][1])} cuts the surface along the yellow curve; "
            f"holding x at {_num(SADDLE_X_SLICE)} cuts it along the orange one."
        )
        legend = VGroup(
            get_tex(
                rf"y = {_num(x_slice.fixed[0][1])}:\ z = {x_slice.latex()}",
                size=SIZES.tex_small,
                color=PALETTE.tangent,
            ),
            get_tex(
                rf"x = {_num(SADDLE_X_SLICE)}:\ z = {y_slice.latex()}",
                size=SIZES.tex_small,
                color=PALETTE.point,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        legend.to_corner(RIGHT + DOWN, buff=EDGE_BUFF + 0.4)
        self.add_fixed_in_frame_mobjects(legend)
        self.remove(legend)
        self.play(Create(along_x), FadeIn(legend[0]), run_time=1.5)
        self.play(Create(along_y), FadeIn(legend[1]), run_time=1.5)
        self.hold()
        self.stop_ambient_camera_rotation()
        self.play(
            FadeOut(VGroup(axes3d, surface, along_x, along_y)),
            FadeOut(formula),
            FadeOut(legend),
        )
        self.set_camera_orientation(phi=0, theta=-PI / 2, zoom=1.0)

        # -- x-slice ------------------------------------------------------------------
        self.beat("x-slice")
        tans_x = x_slice.tangents(SLICE_POINTS)
        axes = get_axes(
            [-3, 3, 1], [-1, 9, 2], width=6.2, height=4.6, x_label="x", y_label="z"
        )
        axes.to_edge(LEFT, buff=EDGE_BUFF + 0.2).to_edge(DOWN, buff=EDGE_BUFF + 0.1)
        curve = get_clipped_graph(axes, x_slice.function())
        head = get_tex(rf"y = {_num(x_slice.fixed[0][1])}:\quad z = {x_slice.latex()}")
        rule = get_tex(
            r"\frac{\partial z}{\partial x}",
            "=",
            latex(saddle.derivatives[0]),
            size=SIZES.tex_large,
        )
        head.next_to(title, DOWN, buff=0.5).to_edge(RIGHT, buff=EDGE_BUFF + 0.6)
        rule.next_to(head, DOWN, buff=0.45)
        self.caption(
            f"Hold y at {_num(x_slice.fixed[0][1])} and the saddle becomes the parabola"
            f" z = {plain(x_slice.expr)}. "
            "Its slope is the partial derivative of z with respect to x."
        )
        self.play(Create(axes), Write(head))
        self.play(Create(curve))
        self.play(Write(rule))
        self.hold()
        tangents = get_slice_tangents(axes, tans_x)
        readout = self._slope_rows("x", tans_x)
        readout.next_to(rule, DOWN, buff=0.45)
        self.caption(
            f"The y terms are constants, so they vanish: the partial is {plain(saddle.derivatives[0])}. "
            f"At x from {_num(tans_x[0].x)} to {_num(tans_x[-1].x)} the tangents have slopes"
            f" {_num(tans_x[0].slope)} to {_num(tans_x[-1].slope)}."
        )
        for tan, row in zip(tangents, readout, strict=True):
            self.play(
                Create(tan[0]), FadeIn(tan[1], scale=1.5), FadeIn(row), run_time=0.8
            )
        self.hold()

        # -- y-slice ------------------------------------------------------------------
        self.beat("y-slice")
        tans_y = y_slice.tangents(SLICE_POINTS)
        axes_y = get_axes(
            [-3, 3, 1], [-5, 5, 1], width=6.2, height=4.6, x_label="y", y_label="z"
        )
        axes_y.move_to(axes)
        curve_y = get_clipped_graph(axes_y, y_slice.function())
        head_y = get_tex(rf"x = {_num(SADDLE_X_SLICE)}:\quad z = {y_slice.latex()}")
        head_y.move_to(head, aligned_edge=RIGHT)
        rule_y = get_tex(
            r"\frac{\partial z}{\partial y}",
            "=",
            latex(saddle.derivatives[1]),
            size=SIZES.tex_large,
        ).move_to(rule)
        self.caption(
            f"Now hold x at {_num(SADDLE_X_SLICE)} and move along y. The slice is"
            f" z = {plain(y_slice.expr)}: "
            "raising x lifts the curve but leaves the slopes along y unchanged."
        )
        self.play(FadeOut(VGroup(tangents, readout, curve)), FadeOut(axes))
        self.play(Create(axes_y), Write(head_y), FadeOut(head), FadeOut(rule))
        self.play(Create(curve_y))
        self.play(Write(rule_y))
        self.hold()
        tangents_y = get_slice_tangents(axes_y, tans_y)
        readout_y = self._slope_rows("y", tans_y).next_to(rule_y, DOWN, buff=0.45)
        self.caption(
            f"The partial with respect to y is {plain(saddle.derivatives[1])}, so the slopes run"
            f" from {_num(tans_y[0].slope)} down to {_num(tans_y[-1].slope)}."
        )
        for tan, row in zip(tangents_y, readout_y, strict=True):
            self.play(
                Create(tan[0]), FadeIn(tan[1], scale=1.5), FadeIn(row), run_time=0.8
            )
        self.hold()

        # -- exercises ------------------------------------------------------------------
        self.beat("exercises")
        self.play(
            FadeOut(VGroup(axes_y, curve_y, tangents_y, readout_y, head_y, rule_y))
        )
        rows = saddle_exercises()
        table = get_table(
            ["(x,\\,y)", "z", r"\partial z / \partial x", r"\partial z / \partial y"],
            [
                [
                    f"({_num(r.x)},\\,{_num(r.y)})",
                    _num(r.z),
                    _num(r.dz_dx),
                    _num(r.dz_dy),
                ]
                for r in rows
            ],
            size=SIZES.tex,
            highlight_last=False,
            col_pad=1.0,
            row_buff=0.3,
        )
        table.next_to(title, DOWN, buff=0.8).set_x(0)
        recipe = get_tex(
            rf"z = {latex(saddle.expr)},\quad"
            rf"\frac{{\partial z}}{{\partial x}} = {latex(saddle.derivatives[0])},\quad"
            rf"\frac{{\partial z}}{{\partial y}} = {latex(saddle.derivatives[1])}",
            size=SIZES.tex_small,
            color=PALETTE.subtle,
        ).next_to(table, DOWN, buff=0.6)
        self.narrate(
            "Pencil and paper: evaluate z and both partials at three points. "
            "Each partial only needs its own input.",
            FadeIn(table.rows[0]),
            Create(table.rule),
            FadeIn(recipe),
            hold=1.0,
        )
        for row in table.rows[1:]:
            self.play(FadeIn(row, shift=RIGHT * 0.2), run_time=0.8)
            self.wait(0.8)
        self.hold()

        # -- cylinder ---------------------------------------------------------------------
        self.beat("cylinder")
        self.play(FadeOut(table), FadeOut(recipe))
        cyl = cylinder()
        vol = partial_derivatives(CYLINDER, CYLINDER_VARS)
        drawing = self._cylinder_drawing()
        drawing.next_to(title, DOWN, buff=0.9).to_edge(LEFT, buff=EDGE_BUFF + 0.8)
        v_tex = get_tex(
            rf"v = {ordered_latex(vol.expr, CYLINDER_VARS)}", size=SIZES.tex_large
        )
        v_tex.next_to(title, DOWN, buff=0.7).to_edge(RIGHT, buff=EDGE_BUFF + 1.2)
        self.narrate(
            "A second example from the course: the volume of a cylinder, "
            f"v = {_spoken(ordered_latex(vol.expr, CYLINDER_VARS))}, with radius r and length l.",
            FadeIn(drawing),
            Write(v_tex),
        )
        lines = VGroup(
            get_tex(
                rf"r = {_num(cyl.r)},\ l = {_num(cyl.l)}:\quad v = {cyl.v:.4f}",
            ),
            get_tex(
                rf"\frac{{\partial v}}{{\partial l}} = {ordered_latex(vol.derivatives[1], CYLINDER_VARS)}"
                rf" = {cyl.dv_dl:.4f}",
                color=PALETTE.tangent,
            ),
            get_tex(
                rf"\frac{{\partial v}}{{\partial r}} = {ordered_latex(vol.derivatives[0], CYLINDER_VARS)}"
                rf" = {cyl.dv_dr:.4f}",
                color=PALETTE.point,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.4)
        lines.next_to(v_tex, DOWN, buff=0.55).align_to(v_tex, LEFT)
        if lines.get_right()[0] > 7.1 - EDGE_BUFF:
            lines.to_edge(RIGHT, buff=EDGE_BUFF + 0.2)
        self.narrate(
            f"At r = {_num(cyl.r)} metres and l = {_num(cyl.l)} metres the volume is "
            f"{cyl.v:.2f} cubic metres.",
            Write(lines[0]),
        )
        self.caption(
            f"Lengthening the can adds {_spoken(ordered_latex(vol.derivatives[1], CYLINDER_VARS))},"
            f" {cyl.dv_dl:.2f} cubic metres per metre: "
            "v is linear in l, so this rate holds at every length."
        )
        self.play(Write(lines[1]))
        self.play(Indicate(drawing.length_mark, color=PALETTE.tangent))
        self.hold()
        self.caption(
            f"Widening it adds {_spoken(ordered_latex(vol.derivatives[0], CYLINDER_VARS))},"
            f" {cyl.dv_dr:.2f} per metre of radius, at this point only: "
            "r appears in its own partial, so the rate changes as r grows."
        )
        self.play(Write(lines[2]))
        self.play(Indicate(drawing.radius_mark, color=PALETTE.point))
        self.hold()

        # -- summary ------------------------------------------------------------------------
        self.beat("summary")
        box = SurroundingRectangle(lines[1:], color=PALETTE.accent, buff=0.15)
        self.narrate(
            "A partial derivative is an ordinary derivative taken along one input "
            "while every other input is held constant.",
            Create(box),
            hold=1.0,
        )
        self.wait()

    @staticmethod
    def _slope_rows(var: str, tans: Sequence[Tangent]) -> VGroup:
        rows = VGroup(
            *[
                get_tex(
                    rf"{var} = {_num(t.x)}:\ \text{{slope}}\ {_num(t.slope)}",
                    size=SIZES.tex_small,
                    color=color,
                )
                for t, color in zip(tans, SLICE_COLORS, strict=False)
            ]
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.18)
        return rows

    @staticmethod
    def _cylinder_drawing() -> VGroup:
        """A schematic can: two ellipses and two sides, with r and l marked."""
        top = Ellipse(width=2.4, height=0.7, color=PALETTE.curve, stroke_width=4)
        bottom = top.copy().shift(DOWN * 3.0)
        left = Line(
            top.get_left(), bottom.get_left(), color=PALETTE.curve, stroke_width=4
        )
        right = Line(
            top.get_right(), bottom.get_right(), color=PALETTE.curve, stroke_width=4
        )
        body = VGroup(top, bottom, left, right)
        body.set_fill(PALETTE.surface, opacity=0.0)
        radius = Line(
            top.get_center(), top.get_right(), color=PALETTE.point, stroke_width=5
        )
        r_label = get_tex("r", size=SIZES.tex_small, color=PALETTE.point).next_to(
            radius, UP, buff=0.12
        )
        length = DashedLine(
            right.get_start() + RIGHT * 0.4,
            right.get_end() + RIGHT * 0.4,
            color=PALETTE.tangent,
            stroke_width=4,
        )
        l_label = get_tex("l", size=SIZES.tex_small, color=PALETTE.tangent).next_to(
            length, RIGHT, buff=0.15
        )
        drawing = VGroup(body, radius, r_label, length, l_label)
        drawing.radius_mark = VGroup(radius, r_label)
        drawing.length_mark = VGroup(length, l_label)
        note = get_text("a cylinder", size=SIZES.small, color=PALETTE.subtle)
        note.next_to(body, DOWN, buff=0.3)
        drawing.add(note)
        return drawing
