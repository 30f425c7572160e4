"""5.7 Higher-Order Partial Derivatives.

Learning goal: differentiate a partial derivative again to get second-order
partials; read the unmixed ones as curvature along a slice, see that the mixed
ones agree (Clairaut), collect them in the Hessian, and use the sign of the
second derivative to classify critical points. Worked on the saddle
z = x^2 - y^2, the cylinder v = pi r^2 l and the course's three critical-point
examples. Every number comes from ``mathkit.multivariate``.
"""

from __future__ import annotations

import re
from functools import partial

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    SurroundingRectangle,
    VGroup,
    Write,
)

from mathkit.data import CRITICAL_POINT_FUNCTIONS, CYLINDER, CYLINDER_POINT, SADDLE
from mathkit.differentiation import derivative
from mathkit.expr import latex, plain
from mathkit.multivariate import (
    CYLINDER_VARS,
    SADDLE_VARS,
    classify_hessian,
    course_critical_points,
    cylinder,
    hessian,
    ordered_latex,
    partial_derivatives,
    slice_of,
)
from scenes.common.base import LectureScene
from scenes.common.mobjects import (
    get_axes,
    get_card,
    get_clipped_graph,
    get_line_through,
    get_tex,
    get_text,
    get_title,
)
from scenes.common.numbers import fmt
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

D2 = r"\partial^2"


_num = partial(fmt, places=3, trim=False)
"""Whole numbers without decimals, else three decimals (18.850)."""


def _spoken(tex: str) -> str:
    """Subtitle text for a monomial's LaTeX: ``pi r^2 l``, ``6 pi``."""
    return re.sub(r"\^\{(\w+)\}", r"^\1", tex).replace("\\pi", "pi")


class HigherOrderPartials(LectureScene):
    """Beats: title, second-partials, curvature, mixed, test, summary."""

    def construct(self) -> None:
        saddle = partial_derivatives(SADDLE, SADDLE_VARS)
        h_saddle = hessian(SADDLE, SADDLE_VARS)
        origin = (0.0, 0.0)
        h0 = h_saddle.at(origin)
        verdict = classify_hessian(h0)

        # -- title --------------------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "Higher-Order Partial Derivatives", subtitle="Curvature and critical points"
        )
        self.narrate(
            "A partial derivative is itself a function, so we can differentiate it again.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- second-partials -----------------------------------------------------------------
        self.beat("second-partials")
        z_tex = get_tex(rf"z = {latex(saddle.expr)}", size=SIZES.tex_large)
        z_tex.next_to(title, DOWN, buff=0.5).set_x(0)
        first = VGroup(
            get_tex(
                rf"\frac{{\partial z}}{{\partial x}} = {latex(saddle.derivatives[0])}"
            ),
            get_tex(
                rf"\frac{{\partial z}}{{\partial y}} = {latex(saddle.derivatives[1])}"
            ),
        ).arrange(RIGHT, buff=2.0)
        first.next_to(z_tex, DOWN, buff=0.45)
        names = (("x", "x"), ("x", "y"), ("y", "x"), ("y", "y"))

        def second_name(a: str, b: str) -> str:
            if a == b:
                return rf"\frac{{{D2} z}}{{\partial {a}^2}}"
            return rf"\frac{{{D2} z}}{{\partial {b}\,\partial {a}}}"

        entries = [h_saddle.matrix[i][j] for i in range(2) for j in range(2)]
        second = VGroup(
            *[
                get_tex(
                    rf"{second_name(a, b)} = {latex(e)}",
                    size=SIZES.tex_small,
                    color=PALETTE.tangent if a == b else PALETTE.accent,
                )
                for (a, b), e in zip(names, entries, strict=True)
            ]
        ).arrange_in_grid(rows=2, cols=2, buff=(2.2, 0.35))
        second.next_to(first, DOWN, buff=0.5)
        self.caption(
            f"Take the saddle z = {plain(saddle.expr)}. Its first partials are"
            f" {plain(saddle.derivatives[0])} and {plain(saddle.derivatives[1])}."
        )
        self.play(Write(z_tex))
        self.play(FadeIn(first, shift=DOWN * 0.2))
        self.hold()
        hm = h_saddle.matrix
        self.narrate(
            f"Differentiate each again, by x or by y. The unmixed second partials are {plain(hm[0][0])}"
            f" and {plain(hm[1][1])}; the mixed ones, one derivative by each variable, are both"
            f" {plain(hm[0][1])}.",
            FadeIn(second, lag_ratio=0.25),
            run_time=2,
        )
        hess = get_tex(rf"H = {h_saddle.latex()}", size=SIZES.tex_large)
        VGroup(second, hess).arrange(RIGHT, buff=1.2).next_to(
            first, DOWN, buff=0.5
        ).set_x(0)
        self.narrate(
            "Arranged in a matrix they form the Hessian, the Jacobian of the gradient.",
            Write(hess),
        )

        # -- curvature ------------------------------------------------------------------------
        self.beat("curvature")
        self.play(
            FadeOut(VGroup(first, second, z_tex)),
            hess.animate.scale(0.8)
            .next_to(title, DOWN, buff=0.4)
            .to_edge(LEFT, buff=EDGE_BUFF + 0.4),
        )
        along_x = slice_of(SADDLE, SADDLE_VARS, "x", {"y": origin[1]})
        along_y = slice_of(SADDLE, SADDLE_VARS, "y", {"x": origin[0]})
        plots = VGroup()
        for sl, var, value, color in (
            (along_x, "x", h0[0][0], PALETTE.tangent),
            (along_y, "y", h0[1][1], PALETTE.point),
        ):
            axes = get_axes(
                [-2.5, 2.5, 1],
                [-5, 5, 5],
                width=4.4,
                height=1.9,
                x_label=var,
                y_label="z",
            )
            graph = get_clipped_graph(axes, sl.function(), color=color)
            fixed_name, fixed_value = sl.fixed[0]
            label = get_tex(
                rf"{fixed_name} = {_num(fixed_value)}:\ z = {sl.latex()}",
                size=SIZES.tex_small,
                color=color,
            )
            curv = get_tex(
                rf"\frac{{{D2} z}}{{\partial {var}^2}} = {_num(value)}",
                size=SIZES.tex_small,
                color=color,
            )
            word = get_text(
                "curves up" if value > 0 else "curves down",
                size=SIZES.small,
                color=color,
            )
            label.next_to(axes, UP, buff=0.15)
            VGroup(curv, word).arrange(RIGHT, buff=0.3).next_to(axes, DOWN, buff=0.2)
            plots.add(VGroup(axes, graph, label, curv, word))
        plots.arrange(RIGHT, buff=1.2).to_edge(DOWN, buff=EDGE_BUFF + 0.1)
        self.caption(
            "An unmixed second partial is the curvature of a slice. Along x the slice "
            f"z = {plain(along_x.expr)} bends up, with second derivative {_num(h0[0][0])}."
        )
        self.play(FadeIn(plots[0][0]), FadeIn(plots[0][2]))
        self.play(Create(plots[0][1]), FadeIn(plots[0][3:]))
        self.hold()
        self.caption(
            f"Along y the slice z = {plain(along_y.expr)} bends down, with second derivative"
            f" {_num(h0[1][1])}."
        )
        self.play(FadeIn(plots[1][0]), FadeIn(plots[1][2]))
        self.play(Create(plots[1][1]), FadeIn(plots[1][3:]))
        self.hold()
        det = h0[0][0] * h0[1][1] - h0[0][1] * h0[1][0]
        test2d = get_tex(
            rf"D = f_{{xx}} f_{{yy}} - f_{{xy}}^2 = {_num(det)} {'<' if det < 0 else '>'} 0",
            size=SIZES.tex_small,
        )
        verdict_text = get_text(
            f"a {verdict} at the origin", size=SIZES.body, color=PALETTE.accent
        )
        test_row = VGroup(test2d, verdict_text).arrange(
            DOWN, aligned_edge=LEFT, buff=0.25
        )
        test_row.next_to(hess, RIGHT, buff=0.9)
        self.caption(
            f"Up in one direction and down in the other: the origin is a {verdict}. "
            "The two-variable test multiplies the curvatures; a negative result means a saddle."
        )
        self.play(Write(test2d))
        self.play(FadeIn(verdict_text))
        self.hold()

        # -- mixed ------------------------------------------------------------------------------
        self.beat("mixed")
        self.play(FadeOut(VGroup(hess, plots, test_row)))
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
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        right = VGroup(
            get_tex(rf"\frac{{\partial v}}{{\partial l}} = {ol(vol.derivatives[1])}"),
            get_tex(
                rf"\frac{{\partial}}{{\partial r}}\frac{{\partial v}}{{\partial l}} = {ol(h_cyl.matrix[1][0])}",
                color=PALETTE.accent,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        cols = VGroup(left, right).arrange(RIGHT, buff=1.2)
        VGroup(v_tex, cols).arrange(RIGHT, buff=1.0).next_to(
            title, DOWN, buff=0.5
        ).set_x(0)
        self.caption(
            f"Mixed partials do not depend on the order. For the cylinder, v = {_spoken(ol(vol.expr))}, "
            "differentiate by r then l, or by l then r."
        )
        self.play(Write(v_tex))
        self.play(FadeIn(left[0]), FadeIn(right[0]))
        self.hold()
        self.caption(
            f"Both orders give the same answer, {_spoken(ol(h_cyl.matrix[0][1]))}."
        )
        self.play(Write(left[1]))
        self.play(Write(right[1]))
        self.hold()
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
        VGroup(at, unmixed).arrange(DOWN, buff=0.4).next_to(cols, DOWN, buff=0.45)
        self.caption(
            f"At r = {_num(cyl.r)} both mixed partials are {_spoken(latex(exact[0][1]))},"
            f" about {_num(cyl.d2v_drdl)}. The unmixed ones are {_spoken(ol(h_cyl.matrix[0][0]))},"
            f" which is {_spoken(latex(exact[0][0]))} at l = {_num(cyl.l)}, and {_num(cyl.d2v_dl2)}."
        )
        self.play(Write(at))
        self.play(FadeIn(unmixed, shift=UP * 0.2))
        self.hold()

        # -- test ----------------------------------------------------------------------------------
        self.beat("test")
        self.play(FadeOut(VGroup(v_tex, cols, at, unmixed)))
        points = course_critical_points()
        panels = VGroup()
        for fn_text, cp, color in zip(
            CRITICAL_POINT_FUNCTIONS,
            points,
            (PALETTE.secant, PALETTE.error, PALETTE.accent),
            strict=True,
        ):
            axes = get_axes([-4, 4, 2], [0, 12, 4], width=3.7, height=2.5)
            f = partial_derivatives(fn_text, ("x",)).function()
            graph = get_clipped_graph(axes, f)
            flat = get_line_through(
                axes, 0.0, cp.y, [cp.x - 1.3, cp.x + 1.3], color=PALETTE.tangent
            )
            dot = Dot(axes.c2p(cp.x, cp.y), color=PALETTE.point, radius=0.08)
            head = get_tex(rf"y = {latex(cp.expr)}", size=SIZES.tex_small)
            head.next_to(axes, UP, buff=0.2)
            d2 = get_tex(rf"y'' = {cp.d2_latex}", size=SIZES.tex_small)
            at_pt = get_tex(
                rf"y''({cp.x:g}) = {cp.second_derivative:g}",
                size=SIZES.tex_small,
                color=color,
            )
            word = get_text(
                cp.kind if cp.test == cp.kind else f"{cp.test}: {cp.kind}",
                size=SIZES.small,
                color=color,
            )
            VGroup(d2, at_pt, word).arrange(DOWN, buff=0.2).next_to(
                axes, DOWN, buff=0.3
            )
            panels.add(VGroup(axes, graph, flat, dot, head, d2, at_pt, word))
        panels.arrange(RIGHT, buff=0.6).next_to(title, DOWN, buff=0.4)
        if panels.width > 14.2 - 2 * EDGE_BUFF:
            panels.scale_to_fit_width(14.2 - 2 * EDGE_BUFF)
        panels.set_x(0)
        self.caption(
            "Second derivatives also classify critical points, where the first derivative is 0 "
            "and the tangent is flat. Here are the course's three examples."
        )
        for panel in panels:
            self.play(
                FadeIn(panel[0]), FadeIn(panel[4]), Create(panel[1]), run_time=1.0
            )
        self.play(
            *[Create(p[2]) for p in panels], *[FadeIn(p[3], scale=1.5) for p in panels]
        )
        self.hold()
        explanations = (
            f"For {plain(points[0].expr)}, the second derivative is {points[0].second_derivative:g}, "
            f"positive: the curve bends up, so ({points[0].x:g}, {points[0].y:g}) is a minimum.",
            f"For {plain(points[1].expr)} it is {points[1].second_derivative:g}, "
            f"negative: the curve bends down, a maximum at ({points[1].x:g}, {points[1].y:g}).",
            f"For {plain(points[2].expr)} it is {plain(derivative(CRITICAL_POINT_FUNCTIONS[2], 2))},"
            f" which is {points[2].second_derivative:g} at x = {points[2].x:g}: "
            "the test is inconclusive. The curve keeps rising through the flat spot, "
            "an inflection point.",
        )
        for panel, say in zip(panels, explanations, strict=True):
            self.caption(say)
            self.play(FadeIn(panel[5:], shift=UP * 0.15))
            self.play(Indicate(panel[7]))
            self.hold()

        # -- summary ---------------------------------------------------------------------------------
        self.beat("summary")
        self.play(FadeOut(panels))
        summary = VGroup(
            get_text("Second partials: differentiate a partial again", size=SIZES.body),
            get_text("Unmixed ones measure curvature along a slice", size=SIZES.body),
            get_text("Mixed ones agree, whatever the order", size=SIZES.body),
            get_text(
                "Together they form the Hessian, used by fancier optimisers",
                size=SIZES.body,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.4)
        card = get_card(summary, buff=0.4)
        card.next_to(title, DOWN, buff=0.8).set_x(0)
        self.caption(
            "In short: second partials measure curvature, mixed partials commute, "
            "and the Hessian collects them for optimisers that use curvature."
        )
        self.play(FadeIn(card[0]), FadeIn(summary, lag_ratio=0.3), run_time=2)
        box = SurroundingRectangle(summary[3], color=PALETTE.accent, buff=0.1)
        self.play(Create(box))
        self.hold(1.5)
        self.wait()
