"""6.5 Numeric Integration with Python.

Learning goal: integrate numerically with ``scipy.integrate.quad`` as the course
notebook does, read its output as (value, error estimate), and see why rules that
fit curves beat straight lines: on a log-log plot the trapezoid rule's error falls
like 1/n^2 and Simpson's like 1/n^4. The outputs shown are computed at render time
through ``mathkit.integrate``.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    AnimationGroup,
    Brace,
    ChangeDecimalToValue,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    ReplacementTransform,
    Succession,
    Text,
    VGroup,
    Write,
)

from mathkit.data import INTEGRAL_EXAMPLES
from mathkit.expr import latex, parse
from mathkit.integrate import (
    integrand_function,
    quad,
    rule_nodes,
    simpson_parabolas,
)
from mathkit.plotting import decade_range, decimals_for
from scenes.common.base import LectureScene
from scenes.common.integral_parts import (
    get_code_card,
    get_error_line,
    get_log_error_axes,
    get_simpson_pieces,
    get_trapezoids,
    readable_axis_labels,
)
from scenes.common.math_text import expr_text
from scenes.common.mobjects import (
    get_axes,
    get_card,
    get_graph,
    get_readout,
    get_tex,
    get_text,
)
from scenes.common.numbers import pi_text
from scenes.common.numbers import superscript as _sup
from scenes.common.params import tag
from scenes.common.schemas import NumericIntegrationParams
from scenes.common.schemas_integrals import window
from scenes.common.theme import (
    EDGE_BUFF,
    MONO_FONT,
    PALETTE,
    SIZES,
    SPACE,
    SUBTITLE_ZONE,
)


def _quad_code(name: str, integrand: str, a: float, b: float) -> str:
    """The notebook's cell: define the integrand, call quad on the bounds.

    Functions and pi the cell uses are imported from numpy (none for the course's
    own integrands, x/2 and 2x).
    """
    expr = parse(integrand)
    body = sp.sstr(expr)
    bounds = [pi_text(a), pi_text(b)]
    used = sorted(
        {type(f).__name__ for f in expr.atoms(sp.Function)}
        | ({"pi"} if expr.has(sp.pi) or any("pi" in t for t in bounds) else set())
        | ({"e"} if expr.has(sp.E) else set())
    )
    imports = f"from numpy import {', '.join(used)}\n" if used else ""
    return (
        f"{imports}from scipy.integrate import quad\n\n"
        f"def {name}(x):\n"
        f"    return {body}\n\n"
        f"quad({name}, {bounds[0]}, {bounds[1]})"
    )


def _output(value: float, abserr: float) -> VGroup:
    """``Out: (value, error)`` with the two numbers as separate parts for braces."""
    parts = [
        Text(s, font=MONO_FONT, font_size=SIZES.label, color=c)
        for s, c in (
            ("Out:", PALETTE.muted),
            ("(", PALETTE.text),
            (repr(value) + ",", PALETTE.tangent),
            (repr(abserr), PALETTE.error),
            (")", PALETTE.text),
        )
    ]
    group = VGroup(*parts).arrange(RIGHT, buff=SPACE.hair, aligned_edge=DOWN)
    VGroup(*parts[1:]).shift(RIGHT * 0.2)  # a space after "Out:"
    VGroup(*parts[3:]).shift(RIGHT * 0.2)  # and after the comma
    group.value, group.error = parts[2], parts[3]
    return group


def _wrap_output(out: VGroup) -> VGroup:
    """Put the error estimate of an :func:`_output` on a second row, under the value
    (for a variant's long numbers beside a plot)."""
    tail = VGroup(*out[3:])
    tail.next_to(out.value, DOWN, buff=SPACE.tight, aligned_edge=LEFT)
    return out


def _area_plot(text: str, a: float, b: float, *, width: float, height: float) -> VGroup:
    """Axes sized from the integrand on [a, b], its curve and the shaded area.

    Named parts: ``axes``, ``curve``, ``area``.
    """
    x_range, y_range = window(text, a, b)
    axes = get_axes(
        x_range,
        y_range,
        width=width,
        height=height,
        decimals=max(decimals_for(x_range[2]), decimals_for(y_range[2])),
    )
    readable_axis_labels(axes)
    f = integrand_function(text)
    curve = get_graph(axes, lambda v: float(f(v)), x_range=[a, b])
    area = axes.get_area(curve, x_range=[a, b], color=PALETTE.area, opacity=0.45)
    group = VGroup(axes, area, curve)
    group.axes, group.curve, group.area = axes, curve, area
    return group


class NumericIntegration(LectureScene):
    """Beats: title, quad, second-call, rules, errors, summary.

    Parameters (``self.params``, :class:`scenes.common.schemas.NumericIntegrationParams`):
    the two quad examples' integrands and bounds, and the error test's.
    """

    params_schema = NumericIntegrationParams

    def construct(self) -> None:
        p: NumericIntegrationParams = self.params
        # -- title -----------------------------------------------------------------------
        text, a, b = p.integrand, p.a, p.b
        plot = _area_plot(text, a, b, width=4.2, height=3.0)
        plot.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.small).to_edge(
            DOWN, buff=SUBTITLE_ZONE + SPACE.large
        )
        tag(plot, "integrand", "a", "b")
        self.opening(
            VGroup(plot.axes, plot.curve),
            "When there is no neat antiderivative, or you just want the number,"
            " integrate numerically.",
        )

        # -- quad ------------------------------------------------------------------------
        self.beat("quad")
        text2, a2, b2 = p.second_integrand, p.second_a, p.second_b
        course = (text, a, b) == INTEGRAL_EXAMPLES[0]
        first = quad(text, a, b)
        code = get_code_card(_quad_code("g", text, a, b))
        code.next_to(self.title, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        tag(code, "integrand", "a", "b")
        self.narrate(
            "SciPy's quad does it. Define the integrand as a Python function,"
            " then pass it with the two bounds.",
            FadeIn(code, shift=UP * 0.2),
            FadeIn(plot.area),
            fill=True,
        )
        out = _output(first.value, first.abserr)
        out.next_to(code, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        tag(out, "integrand", "a", "b")
        value_brace = Brace(out.value, DOWN, color=PALETTE.tangent)
        value_label = get_text("the integral", size=SIZES.small, color=PALETTE.tangent)
        value_label.next_to(value_brace, DOWN, buff=SPACE.tight)
        err_brace = Brace(out.error, DOWN, color=PALETTE.error)
        err_label = get_text("error estimate", size=SIZES.small, color=PALETTE.error)
        err_label.next_to(err_brace, DOWN, buff=SPACE.tight)
        self.caption(
            f"It returns a pair: the integral, {first.value:g}, the same value"
            " we found by hand..."
            if course
            else f"It returns a pair: first the integral of {expr_text(parse(text))}"
            f" from {pi_text(a)} to {pi_text(b)}, {first.value:g}..."
        )
        self.play(
            Succession(
                FadeIn(out, shift=RIGHT * 0.2),
                AnimationGroup(FadeIn(value_brace), FadeIn(value_label)),
                Indicate(out.value, color=PALETTE.tangent),
            ),
            run_time=self._fill_time(),
        )
        self.hold()
        exact_enough = first.abserr < 1e-10 * max(1.0, abs(first.value))
        self.narrate(
            f"...and an estimate of its absolute error, about {first.abserr:.0e}:"
            + (" essentially exact." if exact_enough else " small, but not zero."),
            FadeIn(err_brace),
            FadeIn(err_label),
            # a colour flash in place: grown, the long number would cover its neighbours
            Indicate(out.error, color=PALETTE.error, scale_factor=1),
            fill=True,
        )

        # -- second call -------------------------------------------------------------------
        self.beat("second-call")
        second = quad(text2, a2, b2)
        code2 = get_code_card(_quad_code("h", text2, a2, b2))
        code2.move_to(code, aligned_edge=UL)
        out2 = _output(second.value, second.abserr)
        out2.move_to(out, aligned_edge=LEFT)
        if code2.height != code.height:  # a variant's cell may have an import line
            out2.next_to(code2, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        tag(code2, "second_integrand", "second_a", "second_b")
        tag(out2, "second_integrand", "second_a", "second_b")
        second_tiny = second.abserr < 1e-10 * max(1.0, abs(second.value))
        self.caption(
            f"The second example, {expr_text(parse(text2))} from {pi_text(a2)} to {pi_text(b2)}, gives {second.value!r},"
            + (
                " again with a tiny error estimate."
                if second_tiny
                else f" with an error estimate of about {second.abserr:.0e}."
            )
        )
        self.play(
            FadeOut(code),
            FadeOut(out),
            *[FadeOut(m) for m in (value_brace, value_label, err_brace, err_label)],
        )
        plot2 = _area_plot(text2, a2, b2, width=4.2, height=3.0).move_to(plot)
        tag(plot2, "second_integrand", "second_a", "second_b")
        if out2.get_right()[0] > plot2.get_left()[0] - SPACE.medium:
            _wrap_output(out2)
        self.play(
            Succession(
                AnimationGroup(
                    FadeIn(code2, shift=UP * 0.2), ReplacementTransform(plot, plot2)
                ),
                FadeIn(out2, shift=RIGHT * 0.2),
                Indicate(out2.value, color=PALETTE.tangent),
            ),
            run_time=self._fill_time(),
        )
        self.hold()

        # -- rules -------------------------------------------------------------------------
        self.beat("rules")
        table = p.test_table()
        trap = VGroup(
            get_text(
                "Trapezoid rule: straight lines", size=SIZES.label, color=PALETTE.secant
            ),
            get_tex(
                r"T_n = h\left[\frac{f_0}{2} + f_1 + \dots + f_{n-1} + \frac{f_n}{2}\right]",
                size=SIZES.tex_small,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        simp = VGroup(
            get_text(
                "Simpson's rule: parabolas", size=SIZES.label, color=PALETTE.tangent
            ),
            get_tex(
                r"S_n = \frac{h}{3}\left[f_0 + 4f_1 + 2f_2 + \dots + 4f_{n-1} + f_n\right]",
                size=SIZES.tex_small,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        cards = VGroup(
            get_card(trap, color=PALETTE.secant), get_card(simp, color=PALETTE.tangent)
        )
        cards.arrange(DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        cards.next_to(self.title, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        test_plot = _area_plot(
            table.integrand, table.a, table.b, width=4.2, height=3.0
        ).move_to(plot2)
        test_plot.area.set_fill(opacity=0.0)
        tag(test_plot, "test_integrand", "test_a", "test_b")
        t_int, t_a, t_b = table.integrand, table.a, table.b
        exact_tex = get_tex(
            rf"\text{{exact}} = {table.exact:.6g}", size=SIZES.tex_small
        ).next_to(test_plot, UP, buff=SPACE.small)
        self.play(
            FadeOut(code2),
            FadeOut(out2),
            ReplacementTransform(plot2, test_plot),
            FadeIn(exact_tex),
        )
        err = get_readout(r"\text{error}", table.trapezoid[0], decimals=4)
        n_read = get_readout("n", table.ns[0], decimals=0)
        board = VGroup(n_read, err).arrange(RIGHT, buff=SPACE.large)
        board.next_to(cards, DOWN, buff=SPACE.large).align_to(cards, LEFT)
        tag(board, "test_integrand", "test_a", "test_b")
        n_trap = table.ns[:3]
        traps = [
            get_trapezoids(test_plot.axes, rule_nodes(t_int, t_a, t_b, n))
            for n in n_trap
        ]
        self.narrate(
            "Simple numeric rules sample the function at n + 1 points, h apart."
            f" The trapezoid rule joins them with straight lines: here n = {n_trap[0]}.",
            FadeIn(cards[0], shift=UP * 0.2),
            FadeIn(traps[0], lag_ratio=0.3),
            FadeIn(board),
            fill=True,
        )
        for k in range(1, len(n_trap)):
            self.narrate(
                f"Double to n = {n_trap[k]}: the straight tops hug the curve, and the error"
                f" falls from {table.trapezoid[k - 1]:.2g} to {table.trapezoid[k]:.2g}.",
                ReplacementTransform(traps[k - 1], traps[k]),
                ChangeDecimalToValue(n_read.number, n_trap[k]),
                ChangeDecimalToValue(err.number, table.trapezoid[k]),
                fill=True,
            )
        n_simp = table.ns[:2]
        parabolas = [
            get_simpson_pieces(
                test_plot.axes,
                rule_nodes(t_int, t_a, t_b, n),
                simpson_parabolas(t_int, t_a, t_b, n),
            )
            for n in n_simp
        ]
        err.number.set_color(PALETTE.tangent)
        self.narrate(
            "Simpson's rule fits a parabola through each three points, weighting the"
            f" middle one most. With n = {n_simp[0]}, one parabola, the error is already"
            f" {table.simpson[0]:.2g}.",
            FadeIn(cards[1], shift=UP * 0.2),
            FadeOut(traps[-1]),
            FadeIn(parabolas[0]),
            ChangeDecimalToValue(n_read.number, n_simp[0]),
            ChangeDecimalToValue(err.number, table.simpson[0]),
            fill=True,
        )
        self.narrate(
            f"With n = {n_simp[1]}, two parabolas, it drops to {table.simpson[1]:.2g}:"
            " curves fit a curve better than straight lines do.",
            ReplacementTransform(parabolas[0], parabolas[1]),
            ChangeDecimalToValue(n_read.number, n_simp[1]),
            ChangeDecimalToValue(err.number, table.simpson[1]),
            fill=True,
        )

        # -- errors ------------------------------------------------------------------------
        self.beat("errors")
        a_tex = latex(sp.nsimplify(table.a, [sp.pi]))
        b_tex = latex(sp.nsimplify(table.b, [sp.pi]))
        integrand_tex = latex(parse(table.integrand))
        test = get_tex(
            rf"\int_{{{a_tex}}}^{{{b_tex}}} {integrand_tex}\,dx = {table.exact:.6g}",
            size=SIZES.tex_small,
        )
        decades = decade_range(np.r_[table.trapezoid, table.simpson])
        axes = get_log_error_axes(table.ns, decades, width=6.4, height=4.2)
        tag(axes, "test_integrand", "test_a", "test_b")
        axes.to_edge(LEFT, buff=EDGE_BUFF + SPACE.large).to_edge(
            DOWN, buff=SUBTITLE_ZONE
        )
        trap_line = get_error_line(
            axes, table.ns, table.trapezoid, color=PALETTE.secant
        )
        simp_line = get_error_line(axes, table.ns, table.simpson, color=PALETTE.tangent)
        p_trap, p_simp = table.order("trapezoid"), table.order("simpson")
        r_trap = table.trapezoid[-2] / table.trapezoid[-1]
        r_simp = table.simpson[-2] / table.simpson[-1]
        legend = VGroup(
            get_text("trapezoid", size=SIZES.label, color=PALETTE.secant),
            get_tex(
                rf"\text{{error}} \propto n^{{-{p_trap:.2f}}}",
                size=SIZES.tex_small,
                color=PALETTE.secant,
            ),
            get_text(
                f"double n: error ÷ {r_trap:.1f}",
                size=SIZES.small,
                color=PALETTE.subtle,
            ),
            get_text("Simpson", size=SIZES.label, color=PALETTE.tangent),
            get_tex(
                rf"\text{{error}} \propto n^{{-{p_simp:.2f}}}",
                size=SIZES.tex_small,
                color=PALETTE.tangent,
            ),
            get_text(
                f"double n: error ÷ {r_simp:.1f}",
                size=SIZES.small,
                color=PALETTE.subtle,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        legend[3:].shift(DOWN * SPACE.medium)
        side = VGroup(test, legend).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.large)
        side.next_to(axes, RIGHT, buff=SPACE.large).align_to(axes, UP)
        tag(side, "test_integrand", "test_a", "test_b")
        self.play(FadeOut(VGroup(cards, board, parabolas[-1], test_plot, exact_tex)))
        self.narrate(
            f"How fast do they converge? Test on one arch of sine, whose area is exactly"
            f" {table.exact:.0f}, with n = {table.ns[0]} up to {table.ns[-1]}."
            if p.is_course_test
            else f"How fast do they converge? Test on {expr_text(parse(table.integrand))}"
            f" from {pi_text(table.a)} to {pi_text(table.b)}, whose area is {table.exact:.6g},"
            f" with n = {table.ns[0]} up to {table.ns[-1]}.",
            Create(axes),
            Write(test),
            fill=True,
        )
        self.caption(
            "Both axes are logarithmic, so an error that falls like a power of n is a"
            f" straight line. The trapezoid error falls like 1 over n to the {round(p_trap)}."
        )
        self.play(
            Succession(
                AnimationGroup(
                    Create(trap_line.line), FadeIn(trap_line.dots, lag_ratio=0.1)
                ),
                FadeIn(legend[:3]),
            ),
            run_time=self._fill_time(),
        )
        self.hold()
        self.caption(
            f"Simpson's falls like 1 over n to the {round(p_simp)}: doubling n cuts its error about"
            f" {r_simp:.0f} times, against about {r_trap:.0f} for the trapezoid."
        )
        self.play(
            Succession(
                AnimationGroup(
                    Create(simp_line.line), FadeIn(simp_line.dots, lag_ratio=0.1)
                ),
                FadeIn(legend[3:]),
            ),
            run_time=self._fill_time(),
        )
        self.hold()

        # -- summary ------------------------------------------------------------------------
        self.beat("summary")
        # the error plot stays and moves aside: the takeaways replace its legend,
        # each rule in its line's colour
        plot = VGroup(axes, trap_line, simp_line)
        self.play(FadeOut(side), plot.animate.to_edge(LEFT, buff=EDGE_BUFF))
        takeaways = (
            ("quad(f, a, b) returns", "the integral and", "an error estimate"),
            (f"trapezoid: error ∝ 1/n{_sup(round(p_trap))}",),
            (f"Simpson: error ∝ 1/n{_sup(round(p_simp))}",),
            ("quad: adaptive", "Gauss–Kronrod rules", "(QUADPACK)"),
        )
        colours = (PALETTE.text, PALETTE.secant, PALETTE.tangent, PALETTE.text)
        bullets = VGroup(
            *[
                VGroup(
                    Dot(radius=SPACE.hair * 1.4, color=PALETTE.subtle),
                    VGroup(
                        *[get_text(t, size=SIZES.label, color=c) for t in lines]
                    ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight),
                ).arrange(RIGHT, aligned_edge=UP, buff=SPACE.small)
                for lines, c in zip(takeaways, colours, strict=True)
            ]
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        for bullet in bullets:  # the dot beside the first row
            bullet[0].set_y(bullet[1][0].get_y())
        bullets.next_to(axes, RIGHT, buff=SPACE.medium).align_to(axes, UP)
        self.narrate(
            "In practice, call quad. It uses Gauss–Kronrod rules, which place their sample"
            " points cleverly, adds points where the error is large, and reports how far"
            " off it might be.",
            FadeIn(bullets, lag_ratio=0.3),
            run_time=2,
            hold=1.5,
        )
        self.wait()
