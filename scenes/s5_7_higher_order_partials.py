"""5.7 Higher-Order Partial Derivatives.

Learning goal: differentiate a partial derivative again to get second-order
partials; read the unmixed ones as curvature along a slice, see that the mixed
ones agree (Clairaut), collect them in the Hessian, and use the sign of the
second derivative to classify critical points. Worked on the saddle
z = x^2 - y^2, the cylinder v = pi r^2 l and the course's three critical-point
examples. Every number comes from ``mathkit.multivariate``.
"""

from __future__ import annotations

from functools import partial

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    ReplacementTransform,
    SurroundingRectangle,
    Transform,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    Write,
)

from mathkit.data import (
    CRITICAL_POINT_FUNCTIONS,
    CYLINDER,
    CYLINDER_POINT,
    SADDLE,
    SADDLE_SQUARE,
)
from mathkit.differentiation import derivative
from mathkit.expr import latex
from mathkit.multivariate import (
    CYLINDER_VARS,
    SADDLE_VARS,
    Slice,
    classify_hessian,
    course_critical_points,
    cylinder,
    hessian,
    mixed_difference,
    ordered_latex,
    partial_derivatives,
    slice_of,
    surface_wireframe,
)
from mathkit.projection import axonometric
from scenes.common.base import LectureScene
from scenes.common.math_text import expr_words, tex_text
from scenes.common.mobjects import (
    get_axes,
    get_card,
    get_clipped_graph,
    get_line_through,
    get_table,
    get_tex,
    get_text,
    stage_box,
)
from scenes.common.numbers import fmt
from scenes.common.regression_parts import readable_labels
from scenes.common.surface_parts import get_link, get_node, get_title_block
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

TREE_GAP = 1.0
"""[LAYOUT] Half the gap between the two first partials of the tree."""
FD_STEPS = (1.0, 0.1, 0.01, 0.001)
"""[LAYOUT] Steps h of the finite-difference table of the mixed partial."""

VIEW = (-58.0, 22.0)
"""[LAYOUT] Azimuth and elevation (degrees) of the saddle picture's fixed view."""
SWING = 24.0
"""[LAYOUT] How far (degrees) the view turns and back while the test is spoken."""
Z_SQUASH = 0.42
"""[LAYOUT] Vertical squash of the picture: z runs over twice the square's width."""
GRID = (11, 41)
"""[LAYOUT] Grid lines each way, and points along each, of the wireframe."""

D2 = r"\partial^2"


_num = partial(fmt, places=3, trim=False)
"""Whole numbers without decimals, else three decimals (18.850)."""


class SaddlePicture:
    """z = x^2 - y^2 drawn flat: a light wireframe and its two slices, projected.

    The grid and slices come from ``mathkit.multivariate``, the view from
    ``mathkit.projection.axonometric``. :meth:`draw` gives the picture from an
    azimuth, scaled and placed as the picture from ``VIEW`` fits ``box``, so a
    turned view stays where the fixed one was.
    """

    def __init__(self, slices: tuple[Slice, ...], colors: tuple[str, ...]) -> None:
        wire = surface_wireframe(
            SADDLE,
            SADDLE_VARS,
            SADDLE_SQUARE,
            SADDLE_SQUARE,
            lines=GRID[0],
            samples=GRID[1],
        )
        self.lines = (*wire.along_x, *wire.along_y)
        ts = np.linspace(*SADDLE_SQUARE, GRID[1])
        self.curves = tuple(sl.points(SADDLE_VARS, ts) for sl in slices)
        self.colors = colors
        self.factor, self.offset = 1.0, np.zeros(3)

    def fit(self, box: tuple[float, float, float, float]) -> SaddlePicture:
        """Scale and place the fixed view inside ``(left, right, bottom, top)``."""
        left, right, bottom, top = box
        raw = self._raw(VIEW[0])
        self.factor = min((right - left) / raw.width, (top - bottom) / raw.height)
        centre = np.array([(left + right) / 2, (bottom + top) / 2, 0.0])
        self.offset = centre - raw.get_center() * self.factor
        return self

    def _raw(self, azimuth: float) -> VGroup:
        def path(points: np.ndarray) -> tuple[VMobject, float]:
            uvd = axonometric(points, azimuth, VIEW[1], scale=(1.0, 1.0, Z_SQUASH))
            flat = np.column_stack([uvd[:, 0], uvd[:, 1], np.zeros(len(uvd))])
            return VMobject().set_points_as_corners(flat), float(uvd[:, 2].mean())

        drawn = [path(line) for line in self.lines]
        depths = [d for _, d in drawn]
        lo, hi = min(depths), max(depths)
        mesh = VGroup()
        for mob, d in drawn:  # nearer lines brighter: a depth cue without hidden lines
            near = (d - lo) / (hi - lo) if hi > lo else 1.0
            mob.set_stroke(PALETTE.muted, width=1.5, opacity=0.3 + 0.5 * near)
            mesh.add(mob)
        curves = VGroup()
        for pts, color in zip(self.curves, self.colors, strict=True):
            curves.add(path(pts)[0].set_stroke(color, width=5))
        return VGroup(mesh, curves)

    def draw(self, azimuth: float = VIEW[0]) -> VGroup:
        """The picture from ``azimuth``: ``[mesh, slices]``, placed by :meth:`fit`."""
        return (
            self._raw(azimuth).scale(self.factor, about_point=ORIGIN).shift(self.offset)
        )


class HigherOrderPartials(LectureScene):
    """Beats: title, second-partials, curvature, mixed, test, summary."""

    @staticmethod
    def _second(i: int, j: int) -> str:
        """TeX of H_ij = d/dx_i (dz/dx_j) for the saddle's variables."""
        a, b = SADDLE_VARS[i], SADDLE_VARS[j]
        if a == b:
            return rf"\frac{{{D2} z}}{{\partial {a}^2}}"
        return rf"\frac{{{D2} z}}{{\partial {a}\,\partial {b}}}"

    def construct(self) -> None:
        saddle = partial_derivatives(SADDLE, SADDLE_VARS)
        h_saddle = hessian(SADDLE, SADDLE_VARS)
        origin = (0.0, 0.0)
        h0 = h_saddle.at(origin)
        verdict = classify_hessian(h0)

        # -- title: z and its first partials under the opening line -----------------
        block = get_title_block(type(self))
        dz = (r"\frac{\partial z}{\partial x}", r"\frac{\partial z}{\partial y}")
        root = get_node(rf"z = {latex(saddle.expr)}")
        firsts = VGroup(
            *[get_node(rf"{dz[i]} = {latex(saddle.derivatives[i])}") for i in range(2)]
        ).arrange(RIGHT, buff=TREE_GAP * 2)
        hm = h_saddle.matrix
        # the branch under dz/dx_j holds d/dx_i (dz/dx_j) = H_ij: column j of H
        leaves = VGroup()
        leaf_of: dict[tuple[int, int], VGroup] = {}
        for j in range(2):
            for i in range(2):
                node = get_node(
                    rf"{self._second(i, j)} = {latex(hm[i][j])}",
                    size=SIZES.tex_small,
                    color=PALETTE.tangent if i == j else PALETTE.accent,
                )
                leaf_of[(i, j)] = node
                leaves.add(node)
        leaves.arrange(RIGHT, buff=SPACE.medium)
        tree = VGroup(root, firsts, leaves).arrange(DOWN, buff=SPACE.large)
        for j in range(2):
            pair = VGroup(leaf_of[(0, j)], leaf_of[(1, j)])
            firsts[j].set_x(pair.get_x())
        tree.next_to(block, DOWN, buff=SPACE.medium).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        links_1 = VGroup(*[get_link(root, f) for f in firsts])
        links_2 = VGroup(
            *[get_link(firsts[j], leaf_of[(i, j)]) for j in range(2) for i in range(2)]
        )
        by = VGroup(
            *[
                get_tex(
                    rf"\partial/\partial {SADDLE_VARS[i]}",
                    size=SIZES.tex_small,
                    color=PALETTE.subtle,
                ).next_to(
                    links_2[2 * j + i].get_center(),
                    LEFT if i == 0 else RIGHT,
                    buff=SPACE.small,  # clear of the slanted link
                )
                for j in range(2)
                for i in range(2)
            ]
        )
        self.opening(
            [FadeIn(root), Create(links_1), FadeIn(firsts, lag_ratio=0.3)],
            "A partial derivative is itself a function, so we can differentiate it again. "
            f"Take the saddle z = {expr_words(saddle.expr)}: its first partials are"
            f" {expr_words(saddle.derivatives[0])} and {expr_words(saddle.derivatives[1])}.",
        )
        title = self.title

        # -- second-partials -----------------------------------------------------------------
        self.beat("second-partials")
        self.narrate(
            "Differentiate each again, by x or by y: every first partial has two "
            f"children. The unmixed second partials are {expr_words(hm[0][0])} and "
            f"{expr_words(hm[1][1])}; the mixed ones, one derivative by each variable, are"
            f" both {expr_words(hm[0][1])}.",
            Create(links_2),
            FadeIn(by),
            FadeIn(leaves, lag_ratio=0.25),
            fill=True,
        )
        convention = get_tex(
            r"H_{ij} = \frac{\partial}{\partial x_i}\frac{\partial z}{\partial x_j}",
            size=SIZES.tex_small,
            color=PALETTE.subtle,
        )
        # one part per entry (the & and \\ parts draw nothing): hess[1], hess[7] are the diagonal
        hess = get_tex(
            r"H = \begin{bmatrix}",
            latex(hm[0][0]),
            "&",
            latex(hm[0][1]),
            r"\\",
            latex(hm[1][0]),
            "&",
            latex(hm[1][1]),
            r"\end{bmatrix}",
            size=SIZES.tex_large,
        )
        diagonal = (hess[1], hess[7])
        side = VGroup(hess, convention).arrange(DOWN, buff=SPACE.medium)
        side.next_to(tree, RIGHT, buff=SPACE.section).align_to(tree, UP)
        if side.get_right()[0] > 7.1 - EDGE_BUFF:
            side.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.small)
        copies = VGroup(*[leaf_of[(i, j)].copy() for i in range(2) for j in range(2)])
        copies.passing = (
            True  # the leaves fly over the tree into the matrix, on purpose
        )
        self.narrate(
            "Arranged in a matrix they form the Hessian, the Jacobian of the gradient. "
            "Row i, column j holds the derivative by x i of the partial by x j: each "
            "first partial's branch fills one column.",
            ReplacementTransform(copies, hess),
            FadeIn(convention),
            fill=True,
        )

        # -- curvature ------------------------------------------------------------------------
        self.beat("curvature")
        self.play(
            FadeOut(VGroup(root, firsts, leaves, links_1, links_2, by, convention)),
            hess.animate.scale(0.8)
            .next_to(title, DOWN, buff=SPACE.medium)
            .to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium),
        )
        along_x = slice_of(SADDLE, SADDLE_VARS, "x", {"y": origin[1]})
        along_y = slice_of(SADDLE, SADDLE_VARS, "y", {"x": origin[0]})
        colors = (PALETTE.tangent, PALETTE.point)
        bends = tuple(sl.curvature(0.0) for sl in (along_x, along_y))
        plots = VGroup()
        for sl, var, value, color in (
            (along_x, "x", bends[0], colors[0]),
            (along_y, "y", bends[1], colors[1]),
        ):
            axes = get_axes(
                [-2.5, 2.5, 1],
                [-5, 5, 5],
                width=3.6,
                height=1.3,
                x_label=var,
                y_label="z",
            )
            readable_labels(axes)
            graph = get_clipped_graph(axes, sl.function(), color=color)
            fixed_name, fixed_value = sl.fixed[0]
            label = get_tex(
                rf"{fixed_name} = {_num(fixed_value)}:\ z = {sl.latex()}",
                size=SIZES.tex_small,
                color=color,
            )
            curv = get_tex(  # the value its own part: it flies into H
                rf"\frac{{{D2} z}}{{\partial {var}^2}} =",
                _num(value),
                size=SIZES.tex_small,
                color=color,
            )
            word = get_text(
                "curves up" if value > 0 else "curves down",
                size=SIZES.small,
                color=color,
            )
            label.next_to(axes, UP, buff=SPACE.small)
            VGroup(curv, word).arrange(
                DOWN, aligned_edge=LEFT, buff=SPACE.small
            ).next_to(axes, RIGHT, buff=SPACE.medium)
            plots.add(VGroup(axes, graph, label, curv, word))
        # the stage in two columns: H and the saddle on the left, the slices on the right
        left, right, bottom, top = stage_box(title)
        plots.arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        plots.next_to([right, top, 0], DL, buff=0).shift(DOWN * SPACE.tight)
        split = plots.get_left()[0] - SPACE.medium
        picture = SaddlePicture((along_x, along_y), colors)
        picture.fit((left, split, bottom, hess.get_bottom()[1] - SPACE.medium))
        saddle_pic = picture.draw()
        mesh, on_surface = saddle_pic
        self.narrate(
            f"Curvature is easiest to see on the surface itself: here is z = "
            f"{expr_words(saddle.expr)} over the square, as a light wire grid.",
            Create(mesh, lag_ratio=0.08),
            fill=True,
        )
        for k, (sl, value, bend) in enumerate(
            ((along_x, bends[0], "up"), (along_y, bends[1], "down"))
        ):
            lead = (
                "An unmixed second partial is the curvature of a slice. Along x"
                if k == 0
                else "Along y"
            )
            lifted = on_surface[k].copy()
            self.narrate(
                f"{lead} the slice z = {expr_words(sl.expr)} bends {bend}: lift it off"
                f" the surface and its second derivative is {_num(value)}.",
                LaggedStart(
                    Create(on_surface[k]),
                    FadeIn(plots[k][0]),
                    FadeIn(plots[k][2]),
                    ReplacementTransform(lifted, plots[k][1]),
                    FadeIn(plots[k][3:]),
                    lag_ratio=0.35,
                ),
                fill=True,
            )
        self.narrate(
            f"Those two curvatures, {_num(bends[0])} and {expr_words(_num(bends[1]))}, "
            "are the diagonal of H.",
            LaggedStart(
                *[
                    Transform(
                        plots[k][3][1].copy(),
                        diagonal[k].copy().set_color(colors[k]),
                        remover=True,
                    )
                    for k in range(2)
                ],
                *[
                    d.animate.set_color(c)
                    for d, c in zip(diagonal, colors, strict=True)
                ],
                lag_ratio=0.3,
            ),
            fill=True,
        )
        det = h0[0][0] * h0[1][1] - h0[0][1] * h0[1][0]
        test2d = get_tex(
            rf"D = \det H = {_num(det)} {'<' if det < 0 else '>'} 0",
            size=SIZES.tex_small,
        )
        verdict_text = get_text(
            f"a {verdict} at the origin", size=SIZES.small, color=PALETTE.accent
        )
        test_row = VGroup(test2d, verdict_text).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.small
        )
        test_row.next_to(hess, RIGHT, buff=SPACE.medium)
        if test_row.get_right()[0] > split:
            test_row.scale_to_fit_width(split - test_row.get_left()[0])

        self.remove(mesh, *on_surface)  # the same lines, now as one picture that turns
        self.add(saddle_pic)

        def turn(mob: VGroup, alpha: float) -> None:
            # there and back: the saddle turns so both bends are seen from the side
            mob.become(picture.draw(VIEW[0] + SWING * np.sin(np.pi * alpha)))

        self.narrate(
            f"Up in one direction and down in the other: the origin is a {verdict}. "
            "The two-variable test takes D, the determinant of H: it multiplies the two "
            "curvatures and subtracts the square of the mixed partial; a negative D "
            "means a saddle.",
            LaggedStart(Write(test2d), FadeIn(verdict_text), lag_ratio=0.6),
            UpdateFromAlphaFunc(saddle_pic, turn),
            fill=True,
        )
        self.hold()

        # -- mixed ------------------------------------------------------------------------------
        self.beat("mixed")
        self.play(FadeOut(VGroup(hess, plots, test_row, saddle_pic)))
        vol = partial_derivatives(CYLINDER, CYLINDER_VARS)
        h_cyl = hessian(CYLINDER, CYLINDER_VARS)
        exact = h_cyl.exact_at(CYLINDER_POINT)
        cyl = cylinder(*CYLINDER_POINT)
        order = CYLINDER_VARS

        def ol(expr: object) -> str:
            return ordered_latex(expr, order)

        v_tex = get_tex(rf"v = {ol(vol.expr)}", size=SIZES.tex_large)
        left = VGroup(
            get_tex(rf"\frac{{\partial v}}{{\partial r}} = {ol(vol.derivatives[0])}"),
            get_tex(
                rf"\frac{{\partial}}{{\partial l}}\frac{{\partial v}}{{\partial r}} = {ol(h_cyl.matrix[0][1])}",
                color=PALETTE.accent,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        right = VGroup(
            get_tex(rf"\frac{{\partial v}}{{\partial l}} = {ol(vol.derivatives[1])}"),
            get_tex(
                rf"\frac{{\partial}}{{\partial r}}\frac{{\partial v}}{{\partial l}} = {ol(h_cyl.matrix[1][0])}",
                color=PALETTE.accent,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        cols = VGroup(left, right).arrange(RIGHT, buff=SPACE.section)
        VGroup(v_tex, cols).arrange(RIGHT, buff=SPACE.section).next_to(
            title, DOWN, buff=SPACE.large
        ).set_x(0)
        self.narrate(
            "For smooth functions, mixed partials do not depend on the order (Clairaut's "
            f"theorem). For the cylinder, v = {tex_text(ol(vol.expr))}, "
            "differentiate by r then l, or by l then r.",
            LaggedStart(Write(v_tex), FadeIn(left[0]), FadeIn(right[0]), lag_ratio=0.5),
            fill=True,
        )
        self.narrate(
            f"Both orders give the same answer, {tex_text(ol(h_cyl.matrix[0][1]))}.",
            LaggedStart(Write(left[1]), Write(right[1]), lag_ratio=0.5),
            fill=True,
        )
        at = get_tex(
            rf"r = {_num(cyl.r)}:\quad"
            rf"\frac{{{D2} v}}{{\partial l\,\partial r}} = \frac{{{D2} v}}{{\partial r\,\partial l}}"
            rf" = {latex(exact[0][1])} \approx {_num(cyl.d2v_drdl)}",
            color=PALETTE.tangent,
        )
        unmixed = get_tex(
            rf"\frac{{{D2} v}}{{\partial r^2}} = {ol(h_cyl.matrix[0][0])} = {latex(exact[0][0])}"
            rf" \approx {_num(cyl.d2v_dr2)},\qquad"
            rf"\frac{{{D2} v}}{{\partial l^2}} = {_num(cyl.d2v_dl2)}",
            size=SIZES.tex_small,
        )
        VGroup(at, unmixed).arrange(DOWN, buff=SPACE.medium).next_to(
            cols, DOWN, buff=SPACE.medium
        )
        self.narrate(
            f"At r = {_num(cyl.r)} both mixed partials are {tex_text(latex(exact[0][1]))},"
            f" about {_num(cyl.d2v_drdl)}. The unmixed ones are {tex_text(ol(h_cyl.matrix[0][0]))},"
            f" which is {tex_text(latex(exact[0][0]))} at l = {_num(cyl.l)}, and {_num(cyl.d2v_dl2)}.",
            LaggedStart(Write(at), FadeIn(unmixed, shift=UP * 0.2), lag_ratio=0.5),
            fill=True,
        )
        # slope of a slope, numerically: the table of forward differences converging
        self.play(
            FadeOut(VGroup(v_tex, cols, unmixed)),
            at.animate.next_to(title, DOWN, buff=SPACE.large).set_x(0),
        )
        estimates = [
            mixed_difference(CYLINDER, CYLINDER_VARS, CYLINDER_POINT, h)
            for h in FD_STEPS
        ]
        table = get_table(
            ["h", r"\text{estimate}", r"\text{error}"],
            [
                [fmt(h, 6), _num(e), fmt(e - cyl.d2v_drdl, 4)]
                for h, e in zip(FD_STEPS, estimates, strict=True)
            ],
            size=SIZES.tex,
            highlight_last=True,
        )
        table.next_to(at, DOWN, buff=SPACE.large).set_x(0)
        self.narrate(
            "A slope of a slope, measured: step r by h and see how the slope along r "
            f"changes when l grows by h. With h = {fmt(FD_STEPS[0], 6)} the estimate is "
            f"{_num(estimates[0])}; as h shrinks it closes in on "
            f"{tex_text(latex(exact[0][1]))}, {_num(cyl.d2v_drdl)}, whichever variable "
            "is stepped first.",
            LaggedStart(
                FadeIn(table.rows[0]),
                Create(table.rule),
                *[FadeIn(r, shift=UP * 0.1) for r in table.rows[1:]],
                lag_ratio=0.3,
            ),
            fill=True,
        )

        # -- test ----------------------------------------------------------------------------------
        self.beat("test")
        self.play(FadeOut(VGroup(at, table)))
        points = course_critical_points()
        panels = VGroup()
        for fn_text, cp, color in zip(
            CRITICAL_POINT_FUNCTIONS,
            points,
            (PALETTE.secant, PALETTE.error, PALETTE.accent),
            strict=True,
        ):
            axes = get_axes([-4, 4, 2], [0, 12, 4], width=3.7, height=2.5)
            readable_labels(axes)
            f = partial_derivatives(fn_text, ("x",)).function()
            graph = get_clipped_graph(axes, f)
            flat = get_line_through(
                axes, 0.0, cp.y, [cp.x - 1.3, cp.x + 1.3], color=PALETTE.tangent
            )
            dot = Dot(axes.c2p(cp.x, cp.y), color=PALETTE.point, radius=0.08)
            head = get_tex(rf"y = {latex(cp.expr)}", size=SIZES.tex_small)
            head.next_to(axes, UP, buff=SPACE.small)
            d2 = get_tex(rf"y'' = {cp.d2_latex}", size=SIZES.tex)
            at_pt = get_tex(
                rf"y''({cp.x:g}) = {cp.second_derivative:g}",
                size=SIZES.tex,
                color=color,
            )
            word = get_text(
                cp.kind if cp.test == cp.kind else f"{cp.test}: {cp.kind}",
                size=SIZES.small,
                color=color,
            )
            VGroup(d2, at_pt, word).arrange(DOWN, buff=SPACE.small).next_to(
                axes, DOWN, buff=SPACE.small
            )
            panels.add(VGroup(axes, graph, flat, dot, head, d2, at_pt, word))
        panels.arrange(RIGHT, buff=SPACE.medium).next_to(title, DOWN, buff=SPACE.medium)
        panels.set_x(0)
        self.narrate(
            "Second derivatives also classify critical points, where the first derivative is 0 "
            "and the tangent is flat. Here are the course's three examples.",
            LaggedStart(
                *[
                    a
                    for q in panels
                    for a in (FadeIn(q[0]), FadeIn(q[4]), Create(q[1]), Create(q[2]))
                ],
                *[FadeIn(q[3], scale=1.5) for q in panels],
                lag_ratio=0.1,
            ),
            fill=True,
        )
        explanations = (
            f"For {expr_words(points[0].expr)}, the second derivative is {points[0].second_derivative:g}, "
            f"positive: the curve bends up, so ({points[0].x:g}, {points[0].y:g}) is a minimum.",
            f"For {expr_words(points[1].expr)} it is {points[1].second_derivative:g}, "
            f"negative: the curve bends down, a maximum at ({points[1].x:g}, {points[1].y:g}).",
            f"For {expr_words(points[2].expr)} it is {expr_words(derivative(CRITICAL_POINT_FUNCTIONS[2], 2))},"
            f" which is {points[2].second_derivative:g} at x = {points[2].x:g}: "
            "the test is inconclusive. The curve keeps rising through the flat spot, "
            "an inflection point, which the course calls a saddle point: as on the "
            "saddle surface, neither a minimum nor a maximum.",
        )
        for panel, say in zip(panels, explanations, strict=True):
            self.narrate(
                say,
                LaggedStart(
                    FadeIn(panel[5:], shift=UP * 0.15),
                    Indicate(panel[3], scale_factor=1.8),
                    Indicate(panel[7]),
                    lag_ratio=0.4,
                ),
                fill=True,
            )

        # -- summary ---------------------------------------------------------------------------------
        self.beat("summary")
        self.play(FadeOut(panels))
        left, right, bottom, top = stage_box(title)
        h_final = hess.copy().scale(1.25)
        for d, c in zip((h_final[1], h_final[7]), colors, strict=True):
            d.set_color(c)
        summary = VGroup(
            get_text("Second partial: a partial, again", size=SIZES.label),
            get_text("Unmixed: curvature of a slice", size=SIZES.label),
            get_text("Mixed: the same in either order", size=SIZES.label),
            get_text("H collects them for optimisers", size=SIZES.label),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        card = get_card(summary, buff=SPACE.medium)
        column = VGroup(h_final, card).arrange(DOWN, buff=SPACE.large)
        column.next_to([right, (bottom + top) / 2, 0], LEFT, buff=0)
        # the saddle takes the rest of the stage, left of H and the card
        final = SaddlePicture((along_x, along_y), colors).fit(
            (left, column.get_left()[0] - SPACE.large, bottom, top)
        )
        again = final.draw()
        self.caption(
            "In short: second partials measure curvature, mixed partials commute, "
            "and the Hessian collects them for optimisers that use curvature."
        )
        self.play(
            LaggedStart(
                Create(again[0], lag_ratio=0.05),
                Create(again[1]),
                FadeIn(h_final),
                FadeIn(card[0]),
                FadeIn(summary, lag_ratio=0.3),
                lag_ratio=0.3,
            ),
            run_time=3,
        )
        box = SurroundingRectangle(summary[3], color=PALETTE.accent, buff=SPACE.tight)
        self.play(Create(box))
        self.hold(1.5)
        self.wait()
