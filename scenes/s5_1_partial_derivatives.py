"""5.1 Partial Derivatives of Multivariate Functions.

Learning goal: a function of two inputs is a surface; its partial derivative
with respect to one input is the slope of the slice where the other input is
held fixed. Worked on the course's saddle z = x^2 - y^2 (slices lifted off the
surface into 2-D plots, tangents, the exercise table) and the cylinder volume
v = pi r^2 l at r = 3, l = 5, grown by a slab (dv/dl) and a shell (dv/dr). Every
number comes from ``mathkit.multivariate``.

A variant (issue 14, :class:`scenes.common.schemas_multivariate.PartialDerivativesParams`)
sets f(x, y), the point (x0, y0) whose slices are lifted and the tangent points;
the axes and the narration follow its values. The cylinder stays the course's.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import sympy as sp
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
    LaggedStart,
    Line,
    Rectangle,
    ReplacementTransform,
    SurroundingRectangle,
    VGroup,
    VMobject,
    Write,
)

from mathkit.data import CYLINDER, SADDLE_EXERCISES
from mathkit.expr import latex
from mathkit.multivariate import (
    CYLINDER_VARS,
    SADDLE_VARS,
    Slice,
    cylinder,
    ordered_latex,
    partial_derivatives,
    point_partials,
    slice_of,
)
from mathkit.numeric import Tangent
from scenes.common.base import LectureScene3D
from scenes.common.math_text import expr_words, tex_text
from scenes.common.mobjects import (
    get_axes,
    get_clipped_graph,
    get_table,
    get_tex,
    get_text,
)
from scenes.common.numbers import fmt
from scenes.common.regression_parts import readable_labels
from scenes.common.schemas_multivariate import PartialDerivativesParams
from scenes.common.surface_parts import (
    SLICE_COLORS,
    get_axis_tags,
    get_slice_tangents,
    get_space_curve,
    get_surface,
    get_surface_axes,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

_num = partial(fmt, significant=4)
"""Up to 4 significant digits (a whole number without decimals)."""


FRONT = (90 * DEGREES, -90 * DEGREES)
"""Camera (phi, theta) looking along +y: x to the right, z up (the slice along x)."""
SIDE = (90 * DEGREES, 0.0)
"""Camera (phi, theta) looking along -x: y to the right, z up (the slice along y)."""
VIEW = (65 * DEGREES, -55 * DEGREES)
"""The camera of the surface beat."""


class PartialDerivatives(LectureScene3D):
    """Beats: title, surface, x-slice, y-slice, exercises, cylinder, summary.

    Parameters (``self.params``, :class:`PartialDerivativesParams`): f, x0, y0, points.
    """

    params_schema = PartialDerivativesParams

    def construct(self) -> None:
        p: PartialDerivativesParams = self.params
        fxy = partial_derivatives(p.f, SADDLE_VARS)
        z_of = fxy.function()
        x_slice = slice_of(p.f, SADDLE_VARS, "x", {"y": p.y0})
        y_slice = slice_of(p.f, SADDLE_VARS, "y", {"x": p.x0})
        lo, hi = p.surface_range[0], p.surface_range[1]

        # -- title (flat camera), then the surface -------------------------------------
        self.opening()
        title = self.title
        self.add_fixed_in_frame_mobjects(title)
        self.beat("surface")
        self.set_camera_orientation(phi=VIEW[0], theta=VIEW[1], zoom=1.0)
        axes3d = get_surface_axes(p.surface_range, p.z_range, size=5.0, height=3.3)
        axes3d.shift(DOWN * SPACE.medium)
        tags = get_axis_tags(axes3d)
        surface = get_surface(axes3d, z_of, [lo, hi])
        formula = get_tex(rf"z = {latex(fxy.expr)}", size=SIZES.tex_large)
        formula.to_corner(RIGHT + UP, buff=EDGE_BUFF + SPACE.medium)
        self.add_fixed_in_frame_mobjects(formula)
        self.remove(formula)
        self.add_fixed_orientation_mobjects(*tags)
        self.remove(*tags)
        self.narrate(
            "A function of two inputs is a surface: above each point (x, y) of the "
            f"floor sits the height z = {expr_words(fxy.expr)}"
            + (". The course's example is a saddle." if p.is_course else "."),
            Write(formula),
            Create(axes3d),
            *[FadeIn(t) for t in tags],
            Create(surface),
            fill=True,
        )
        self.begin_ambient_camera_rotation(rate=0.12)
        along_x = get_space_curve(
            lambda t: (t, p.y0, x_slice.function()(t)),
            [lo, hi],
            axes=axes3d,
            color=PALETTE.tangent,
        )
        along_y = get_space_curve(
            lambda t: (p.x0, t, y_slice.function()(t)),
            [lo, hi],
            axes=axes3d,
            color=PALETTE.point,
        )
        legend = VGroup(
            get_tex(
                rf"y = {_num(p.y0)}:\ z = {x_slice.latex()}",
                size=SIZES.tex_small,
                color=PALETTE.tangent,
            ),
            get_tex(
                rf"x = {_num(p.x0)}:\ z = {y_slice.latex()}",
                size=SIZES.tex_small,
                color=PALETTE.point,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        legend.next_to(formula, DOWN, buff=SPACE.large).align_to(formula, RIGHT)
        self.add_fixed_in_frame_mobjects(legend)
        self.remove(legend)
        self.narrate(
            "A partial derivative changes one input and holds the other fixed. "
            f"Holding y at {_num(p.y0)} cuts the surface along the yellow curve; "
            f"holding x at {_num(p.x0)} cuts it along the orange one.",
            LaggedStart(
                Create(along_x),
                FadeIn(legend[0]),
                Create(along_y),
                FadeIn(legend[1]),
                lag_ratio=0.5,
            ),
            fill=True,
        )
        self.stop_ambient_camera_rotation()

        # -- x-slice: look along y, lift the yellow curve off the surface ---------------
        self.beat("x-slice")
        scene3d = VGroup(axes3d, surface, along_y)
        self.caption(
            "Look along the y axis, and the yellow slice is an ordinary curve of x."
        )
        self.move_camera(
            phi=FRONT[0],
            theta=FRONT[1],
            added_anims=[surface.animate.set_fill(opacity=0.25), FadeOut(legend)],
            run_time=2.5,
        )
        axes, curve, lifted = self._lift(
            along_x, x_slice, p.slice_axis, p.x_slice_z, "x", scene3d, tags, title
        )
        head = get_tex(rf"y = {_num(p.y0)}:\quad z = {x_slice.latex()}")
        rule = get_tex(
            r"\frac{\partial z}{\partial x}",
            "=",
            latex(fxy.derivatives[0]),
            size=SIZES.tex_large,
        )
        head.next_to(title, DOWN, buff=SPACE.large).to_edge(
            RIGHT, buff=EDGE_BUFF + SPACE.large
        )
        rule.next_to(head, DOWN, buff=SPACE.medium)
        self.narrate(
            f"Lift it off the surface: with y held at {_num(p.y0)} it is"
            f" z = {expr_words(x_slice.expr)}.",
            ReplacementTransform(lifted, curve),
            Create(axes),
            Write(head),
            fill=True,
            hold=0.3,
        )
        tans_x = x_slice.tangents(p.points)
        tangents = get_slice_tangents(axes, tans_x)
        readout = self._slope_rows("x", tans_x)
        readout.next_to(rule, DOWN, buff=SPACE.medium)
        d_x = fxy.derivatives[0]
        const = (
            "The y terms are constants, so they vanish"
            if not d_x.has(sp.Symbol("y", real=True))
            else "y stays in it as a fixed number"
        )
        self.narrate(
            "Its slope is the partial derivative of z with respect to x: "
            f"{const}, and the partial is {expr_words(d_x)}.",
            Write(rule),
            fill=True,
        )
        self.caption(
            f"At x from {_num(tans_x[0].x)} to {_num(tans_x[-1].x)} the tangents have"
            f" slopes {_num(tans_x[0].slope)} to {_num(tans_x[-1].slope)}."
        )
        for tan, row in zip(tangents, readout, strict=True):
            self.play(
                Create(tan[0]), FadeIn(tan[1], scale=1.5), FadeIn(row), run_time=0.8
            )
        self.hold()

        # -- y-slice: look along x, lift the orange curve --------------------------------
        self.beat("y-slice")
        self.play(FadeOut(VGroup(axes, curve, tangents, readout, head, rule)))
        self.set_camera_orientation(phi=VIEW[0], theta=VIEW[1])
        axes3d = get_surface_axes(p.surface_range, p.z_range, size=5.0, height=3.3)
        axes3d.shift(DOWN * SPACE.medium)
        tags = get_axis_tags(axes3d)
        surface = get_surface(axes3d, z_of, [lo, hi])
        along_y = get_space_curve(
            lambda t: (p.x0, t, y_slice.function()(t)),
            [lo, hi],
            axes=axes3d,
            color=PALETTE.point,
        )
        scene3d = VGroup(axes3d, surface)
        self.add(axes3d, surface, along_y)
        self.add_fixed_orientation_mobjects(*tags)
        self.caption(
            f"Now hold x at {_num(p.x0)} and move along y: look along the x axis."
        )
        self.move_camera(
            phi=SIDE[0],
            theta=SIDE[1],
            added_anims=[surface.animate.set_fill(opacity=0.25)],
            run_time=2.5,
        )
        axes_y, curve_y, lifted_y = self._lift(
            along_y, y_slice, p.slice_axis, p.y_slice_z, "y", scene3d, tags, title
        )
        head_y = get_tex(rf"x = {_num(p.x0)}:\quad z = {y_slice.latex()}")
        head_y.move_to(head, aligned_edge=RIGHT)
        rule_y = get_tex(
            r"\frac{\partial z}{\partial y}",
            "=",
            latex(fxy.derivatives[1]),
            size=SIZES.tex_large,
        ).move_to(rule)
        self.narrate(
            f"Lift the orange slice off: z = {expr_words(y_slice.expr)}.",
            ReplacementTransform(lifted_y, curve_y),
            Create(axes_y),
            Write(head_y),
            fill=True,
            hold=0.3,
        )
        other_x = 0.0 if p.x0 != 0 else 1.0
        other = slice_of(p.f, SADDLE_VARS, "y", {"x": other_x})
        compare = get_clipped_graph(axes_y, other.function(), color=PALETTE.subtle)
        compare.set_stroke(width=3)
        compare_tag = get_tex(
            rf"x = {_num(other_x)}", size=SIZES.tex_small, color=PALETTE.subtle
        )
        peak = max(p.slice_axis[0], min(p.slice_axis[1], 0.0))
        compare_tag.next_to(
            axes_y.c2p(peak, other.function()(peak)), DOWN, buff=SPACE.small
        )
        mixed = sp.diff(fxy.derivatives[1], sp.Symbol("x", real=True))
        self.narrate(
            f"Beside it, grey, the slice at x = {_num(other_x)}. "
            + (
                "Changing x moves the curve up or down but leaves its slopes along y"
                " unchanged."
                if mixed == 0
                else "Changing x changes the curve's slopes along y too: the partial"
                " with respect to y depends on x."
            ),
            Create(compare),
            FadeIn(compare_tag),
            fill=True,
        )
        tans_y = y_slice.tangents(p.points)
        tangents_y = get_slice_tangents(axes_y, tans_y)
        readout_y = self._slope_rows("y", tans_y).next_to(
            rule_y, DOWN, buff=SPACE.medium
        )
        self.narrate(
            f"The partial with respect to y is {expr_words(fxy.derivatives[1])}.",
            Write(rule_y),
            fill=True,
        )
        self.caption(
            f"So the slopes run from {_num(tans_y[0].slope)} to {_num(tans_y[-1].slope)}."
        )
        for tan, row in zip(tangents_y, readout_y, strict=True):
            self.play(
                Create(tan[0]), FadeIn(tan[1], scale=1.5), FadeIn(row), run_time=0.8
            )
        self.hold()

        # -- exercises ------------------------------------------------------------------
        self.beat("exercises")
        self.play(
            FadeOut(
                VGroup(axes_y, curve_y, tangents_y, readout_y, head_y, rule_y, compare),
                compare_tag,
            )
        )
        rows = point_partials(p.f, SADDLE_VARS, SADDLE_EXERCISES)
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
            row_buff=SPACE.medium,
        )
        table.next_to(title, DOWN, buff=SPACE.large).set_x(0)
        recipe = get_tex(
            rf"z = {latex(fxy.expr)},\quad"
            rf"\frac{{\partial z}}{{\partial x}} = {latex(fxy.derivatives[0])},\quad"
            rf"\frac{{\partial z}}{{\partial y}} = {latex(fxy.derivatives[1])}",
            size=SIZES.tex_small,
            color=PALETTE.subtle,
        ).next_to(table, DOWN, buff=SPACE.large)
        own = mixed == 0
        self.narrate(
            "Pencil and paper: evaluate z and both partials at "
            f"{len(rows)} points."
            + (
                " For this function each partial needs only its own input; that is"
                " not true in general, as the next example shows."
                if own
                else ""
            ),
            LaggedStart(
                FadeIn(table.rows[0]),
                Create(table.rule),
                FadeIn(recipe),
                *[FadeIn(row, shift=RIGHT * 0.2) for row in table.rows[1:]],
                lag_ratio=0.3,
            ),
            fill=True,
        )

        # -- cylinder ---------------------------------------------------------------------
        self.beat("cylinder")
        self.play(FadeOut(table), FadeOut(recipe), FadeOut(formula))
        cyl = cylinder()
        vol = partial_derivatives(CYLINDER, CYLINDER_VARS)
        drawing = self._cylinder_drawing()
        # laid out with its slab and shell, which appear later
        VGroup(drawing, drawing.slab, drawing.shell).next_to(
            title, DOWN, buff=SPACE.large
        ).to_edge(LEFT, buff=EDGE_BUFF + SPACE.section)
        v_tex = get_tex(
            rf"v = {ordered_latex(vol.expr, CYLINDER_VARS)}", size=SIZES.tex_large
        )
        self.narrate(
            "A second example from the course: the volume of a cylinder, "
            f"v = {tex_text(ordered_latex(vol.expr, CYLINDER_VARS))}, with radius r and length l.",
            FadeIn(drawing),
            Write(v_tex),
            fill=True,
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
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        block = VGroup(v_tex, lines).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.large)
        block.next_to(drawing, RIGHT, buff=SPACE.section).align_to(drawing, UP)
        if block.get_right()[0] > 7.1 - EDGE_BUFF:
            block.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.small)
        self.narrate(
            f"At r = {_num(cyl.r)} metres and l = {_num(cyl.l)} metres the volume is "
            f"{cyl.v:.2f} cubic metres.",
            Write(lines[0]),
            fill=True,
        )
        slab = drawing.slab
        self.narrate(
            "Lengthen the can a little and a slab of the same disc is added on top: "
            f"{tex_text(ordered_latex(vol.derivatives[1], CYLINDER_VARS))}, "
            f"{cyl.dv_dl:.2f} cubic metres per metre of length, at every length.",
            FadeIn(slab),
            Write(lines[1]),
            Indicate(drawing.length_mark, color=PALETTE.tangent),
            fill=True,
        )
        shell = drawing.shell
        self.narrate(
            "Widen it instead and a thin shell wraps the side: its area times the "
            f"extra radius, {tex_text(ordered_latex(vol.derivatives[0], CYLINDER_VARS))},"
            f" {cyl.dv_dr:.2f} per metre of radius. It depends on l as well as r, and"
            " it grows as r grows.",
            FadeIn(shell),
            Write(lines[2]),
            Indicate(drawing.radius_mark, color=PALETTE.point),
            fill=True,
        )

        # -- summary ------------------------------------------------------------------------
        self.beat("summary")
        box = SurroundingRectangle(lines[1:], color=PALETTE.accent, buff=SPACE.small)
        self.narrate(
            "A partial derivative is an ordinary derivative taken along one input "
            "while every other input is held constant.",
            Create(box),
            hold=1.0,
            fill=True,
        )
        self.wait()

    def _lift(
        self,
        space_curve: VMobject,
        sl: Slice,
        t_range: Sequence[float],
        z_range: Sequence[float],
        var: str,
        scene3d: VGroup,
        tags: Sequence[VMobject],
        title: VGroup,
    ) -> tuple[VGroup, VMobject, VMobject]:
        """The slice as seen now (a flat copy), the 2-D axes and curve it lifts into.

        The copy has the projected points of ``space_curve``; the 3-D objects are
        removed and the camera reset to the flat view, so that the 2-D plot and
        the copy are ordinary mobjects.
        """
        self.camera.reset_rotation_matrix()
        flat = self.camera.project_points(space_curve.points.copy())
        flat[:, 2] = 0.0
        lifted = VMobject(stroke_color=space_curve.get_stroke_color(), stroke_width=6)
        lifted.set_points(flat)
        self.add_fixed_in_frame_mobjects(lifted)
        self.play(FadeOut(scene3d), FadeOut(space_curve), *[FadeOut(t) for t in tags])
        self.set_camera_orientation(phi=0, theta=-PI / 2, zoom=1.0)
        axes = get_axes(
            t_range, z_range, width=6.2, height=4.4, x_label=var, y_label="z"
        )
        readable_labels(axes)
        axes.to_edge(LEFT, buff=EDGE_BUFF + SPACE.small).next_to(
            title, DOWN, buff=SPACE.medium
        )
        axes.to_edge(LEFT, buff=EDGE_BUFF + SPACE.small)
        curve = get_clipped_graph(axes, sl.function(), color=lifted.get_stroke_color())
        return axes, curve, lifted

    @staticmethod
    def _slope_rows(var: str, tans: Sequence[Tangent]) -> VGroup:
        rows = VGroup(
            *[
                get_tex(
                    rf"{var} = {_num(t.x)}:\ \text{{slope}} = {{{_num(t.slope)}}}",
                    size=SIZES.tex_small,
                    color=color,
                )
                for t, color in zip(tans, SLICE_COLORS, strict=False)
            ]
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        return rows

    @staticmethod
    def _cylinder_drawing() -> VGroup:
        """A schematic can: two ellipses and two sides, r and l marked; a slab and a shell."""
        height, width = 3.0, 2.4
        top = Ellipse(width=width, height=0.7, color=PALETTE.curve, stroke_width=4)
        bottom = top.copy().shift(DOWN * height)
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
        # below the radius line, inside the top ellipse (clear of its stroke)
        r_label = get_tex("r", size=SIZES.tex_small, color=PALETTE.point)
        r_label.next_to(radius, DOWN, buff=SPACE.hair).shift(LEFT * 0.2)
        length = DashedLine(
            right.get_start() + RIGHT * 0.4,
            right.get_end() + RIGHT * 0.4,
            color=PALETTE.tangent,
            stroke_width=4,
        )
        l_label = get_tex("l", size=SIZES.tex_small, color=PALETTE.tangent).next_to(
            length, RIGHT, buff=SPACE.small
        )
        slab_h = 0.3
        slab = VGroup(
            Rectangle(width=width, height=slab_h, stroke_width=0)
            .set_fill(PALETTE.tangent, opacity=0.45)
            .move_to(top.get_center() + UP * slab_h / 2),
            top.copy().shift(UP * slab_h).set_stroke(PALETTE.tangent, width=3),
        )
        shell_w = 0.18
        shell = VGroup(
            *[
                Rectangle(width=shell_w, height=height, stroke_width=0)
                .set_fill(PALETTE.point, opacity=0.55)
                .move_to((top.get_center() + bottom.get_center()) / 2)
                .shift(side * (width / 2 + shell_w / 2))
                for side in (LEFT, RIGHT)
            ]
        )
        drawing = VGroup(body, radius, r_label, length, l_label)
        drawing.radius_mark = VGroup(radius, r_label)
        drawing.length_mark = VGroup(length, l_label)
        note = get_text("a cylinder", size=SIZES.small, color=PALETTE.subtle)
        note.next_to(body, DOWN, buff=SPACE.medium)
        drawing.add(note)
        drawing.slab = slab
        drawing.shell = shell
        return drawing
