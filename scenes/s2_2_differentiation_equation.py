"""2.2 The Differentiation Equation.

Learning goal: turn the delta method into the definition of the derivative,
dy/dx = lim_{dx -> 0} [f(x + dx) - f(x)] / dx, on the labelled secant picture
(x, x + dx, f(x), f(x + dx)); watch the difference quotient of
f(x) = x^2 + 2x + 2 at x = 2 approach 6 (and at x = -1 approach 0) as dx
shrinks from 1 to 10^-6; and simplify the quotient by algebra, striking out the
terms that cancel, to 2x + 2 + dx -> 2x + 2. Every number and formula comes
from ``mathkit.differentiation``.
"""

from __future__ import annotations

import math

import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Brace,
    Create,
    DashedLine,
    FadeIn,
    FadeOut,
    Indicate,
    SurroundingRectangle,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
)

from mathkit.data import (
    DELTA_POINT_X,
    DIFFERENCE_QUOTIENT_DELTAS,
    RUNNING_FUNCTION,
    VERTEX_X,
)
from mathkit.differentiation import (
    DX,
    as_function,
    derivative_forms,
    difference_expansion,
    difference_quotient_table,
    quotient_simplification,
    secant_line,
)
from mathkit.expr import latex
from mathkit.plotting import plot_window
from scenes.common.base import LectureScene
from scenes.common.delta_parts import (
    get_line,
    get_point,
    get_running_axes,
    get_running_curve,
    get_stacked_fraction,
    get_strikes,
)
from scenes.common.limits_parts import readable_limits, title_bottom
from scenes.common.math_text import expr_words
from scenes.common.mobjects import (
    get_card,
    get_table,
    get_tex,
    get_text,
)
from scenes.common.numbers import fmt as _num
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE, SUBTITLE_ZONE

QUOTIENT = r"\frac{f(x + \Delta x) - f(x)}{\Delta x}"
DEFINITION = readable_limits(rf"\frac{{dy}}{{dx}} = \lim_{{\Delta x \to 0}} {QUOTIENT}")


def _tex(expr: sp.Expr) -> str:
    """LaTeX with powers of delta x bracketed: (Delta x)^2, never Delta x^2."""
    return latex(expr).replace(r"\Delta x^{", r"\left(\Delta x\right)^{")


def _power(dx: float) -> str:
    """A delta x as a power of ten (10^0 ... 10^-6), the same notation in every row."""
    k = round(math.log10(dx))
    return rf"10^{{{k}}}" if abs(dx - 10.0**k) < 1e-12 * dx else _num(dx)


def _signed(terms: tuple[sp.Expr, ...], first: bool) -> list[str]:
    """Each term as TeX with its sign (no sign before the very first term)."""
    out = []
    for k, t in enumerate(terms):
        neg = t.could_extract_minus_sign()
        body = _tex(-t if neg else t)
        sign = "-" if neg else ("" if first and k == 0 else "+")
        out.append(f"{sign} {body}".strip())
    return out


class DifferentiationEquation(LectureScene):
    """Beats: title, build, table, algebra, check, summary."""

    allowed_overlaps = (("MathTex", "Strike"),)

    def construct(self) -> None:
        steps = {s.label: s.latex for s in quotient_simplification(RUNNING_FUNCTION)}
        forms = derivative_forms(RUNNING_FUNCTION)
        fn = as_function(RUNNING_FUNCTION)
        x0 = DELTA_POINT_X
        dx0 = DIFFERENCE_QUOTIENT_DELTAS[0]
        top = title_bottom(type(self))

        # the secant picture: P = (x, f(x)) and Q = (x + dx, f(x + dx))
        window = plot_window(fn, [VERTEX_X, x0 + dx0])
        axes = get_running_axes(
            x_range=window.x_range,
            y_range=window.y_range,
            width=5.6,
            height=3.7,
            readable_labels=True,
        )
        axes.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.medium).to_edge(
            DOWN, buff=SUBTITLE_ZONE
        )
        curve = get_running_curve(axes, fn)

        # -- title ------------------------------------------------------------------
        self.opening(
            [Create(axes), Create(curve)],
            "The delta method worked, but it took several steps. Let's write it as a single"
            " equation that works at any x.",
        )

        # -- build --------------------------------------------------------------------
        self.beat("build")
        chain = get_tex(
            r"m",
            "=",
            r"\frac{\Delta y}{\Delta x}",
            "=",
            r"\frac{y_2 - y_1}{\Delta x}",
            "=",
            QUOTIENT,
        )
        chain[0].set_color(PALETTE.secant)
        chain.move_to([0, top - SPACE.medium, 0], aligned_edge=UP).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        step = ValueTracker(dx0)

        def secant() -> VGroup:
            s = secant_line(fn, x0, x0 + step.get_value())
            line = get_line(
                axes, s.slope, s.intercept, color=PALETTE.secant, span=window.line_x
            )
            p_dot = get_point(axes, s.x1, s.y1)
            q_dot = get_point(axes, s.x2, s.y2)
            corner = axes.c2p(s.x2, s.y1)
            run = DashedLine(
                axes.c2p(s.x1, s.y1), corner, color=PALETTE.subtle, stroke_width=3
            )
            rise = DashedLine(
                corner, axes.c2p(s.x2, s.y2), color=PALETTE.subtle, stroke_width=3
            )
            return VGroup(line, run, rise, p_dot, q_dot)

        pic = secant()
        s0 = secant_line(fn, x0, x0 + dx0)
        # guides start just inside the plot box, clear of the tick numbers
        y_lo = axes.y_range[0] + 0.03 * (axes.y_range[1] - axes.y_range[0])
        x_lo = axes.x_range[0] + 0.03 * (axes.x_range[1] - axes.x_range[0])
        drops = VGroup(
            DashedLine(
                axes.c2p(s0.x1, y_lo),
                axes.c2p(s0.x1, s0.y1),
                color=PALETTE.muted,
                stroke_width=2,
            ),
            DashedLine(
                axes.c2p(s0.x2, y_lo),
                axes.c2p(s0.x2, s0.y2),
                color=PALETTE.muted,
                stroke_width=2,
            ),
            DashedLine(
                axes.c2p(x_lo, s0.y1),
                axes.c2p(s0.x1, s0.y1),
                color=PALETTE.muted,
                stroke_width=2,
            ),
            DashedLine(
                axes.c2p(x_lo, s0.y2),
                axes.c2p(s0.x2, s0.y2),
                color=PALETTE.muted,
                stroke_width=2,
            ),
        )
        size = SIZES.tex_small
        x_labels = VGroup(
            get_tex("x", size=size, color=PALETTE.point),
            get_tex(r"x + \Delta x", size=size, color=PALETTE.point),
        )
        y_labels = VGroup(
            get_tex("f(x)", size=size, color=PALETTE.point),
            get_tex(r"f(x + \Delta x)", size=size, color=PALETTE.point),
        )
        # labels inside the plot, by the guides (clear of the tick numbers outside)
        x_labels[0].next_to(axes.c2p(s0.x1, y_lo), UP + LEFT, buff=SPACE.tight)
        x_labels[1].next_to(axes.c2p(s0.x2, y_lo), UP + RIGHT, buff=SPACE.tight)
        for label, y in zip(y_labels, (s0.y1, s0.y2), strict=True):
            label.next_to(axes.c2p(x_lo, y), UP + RIGHT, buff=SPACE.tight)
        run_brace = Brace(pic[1], DOWN, buff=SPACE.hair, color=PALETTE.subtle)
        run_label = get_tex(r"\Delta x", size=size, color=PALETTE.subtle).next_to(
            run_brace, DOWN, buff=SPACE.hair
        )
        rise_label = get_tex(r"\Delta y", size=size, color=PALETTE.subtle).next_to(
            pic[2], RIGHT, buff=SPACE.tight
        )
        self.narrate(
            "The secant's slope m is the rise over the run: delta y over delta x.",
            Write(chain[:3]),
            Create(pic),
            FadeIn(run_brace),
            FadeIn(run_label),
            FadeIn(rise_label),
            fill=True,
        )
        self.narrate(
            "The rise is the second point's height minus the first: y2 minus y1.",
            Write(chain[3:5]),
            Create(drops[2:]),
            fill=True,
        )
        self.narrate(
            "The first point is at x, with height f(x). The second is delta x further"
            " along, so its height y2 is f(x + delta x).",
            Write(chain[5:]),
            Create(drops[:2]),
            FadeIn(x_labels, lag_ratio=0.5),
            FadeIn(y_labels, lag_ratio=0.5),
            fill=True,
        )

        definition = get_tex(DEFINITION, color=PALETTE.tangent)
        definition_card = get_card(definition, color=PALETTE.tangent)
        left_room = axes.get_left()[0] - SPACE.large - (-7.1 + EDGE_BUFF)
        if definition_card.width > left_room:
            definition_card.scale_to_fit_width(left_room)
        definition_card.next_to(chain, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        live = always_redraw(secant)
        self.remove(pic)
        self.add(live)
        self.narrate(
            "Then let delta x shrink to zero: the second point slides into the first, and"
            " the secant turns into the tangent. The limit of that quotient is the"
            " derivative, dy by dx: the differentiation equation.",
            FadeOut(
                VGroup(drops, x_labels, y_labels, run_brace, run_label, rise_label)
            ),
            FadeIn(definition_card[0]),
            Write(definition),
            step.animate.set_value(DIFFERENCE_QUOTIENT_DELTAS[2]),
            fill=True,
        )
        live.clear_updaters()

        # -- table ----------------------------------------------------------------------
        self.beat("table")
        rows_at = difference_quotient_table(
            RUNNING_FUNCTION, x0, DIFFERENCE_QUOTIENT_DELTAS
        )
        rows_v = difference_quotient_table(
            RUNNING_FUNCTION, VERTEX_X, DIFFERENCE_QUOTIENT_DELTAS
        )
        slope_at = forms.values(x0)[1]
        slope_v = forms.values(VERTEX_X)[1]
        header = [
            r"\Delta x",
            rf"\text{{at }} x = {_num(x0)}",
            rf"{_num(slope_at)} + \Delta x",
            rf"\text{{at }} x = {_num(VERTEX_X)}",
            rf"{_num(slope_v)} + \Delta x",
        ]
        body = [
            [
                _power(a.delta),
                _num(a.quotient),
                _num(slope_at + a.delta),
                _num(v.quotient),
                _num(slope_v + v.delta),
            ]
            for a, v in zip(rows_at, rows_v, strict=True)
        ]
        table = get_table(header, body, highlight_last=False)
        for r in range(len(body) + 1):
            table.cells[r][1].set_color(PALETTE.secant)
            table.cells[r][3].set_color(PALETTE.secant)
        self.stage(table)
        at_pattern = VGroup(*[table.cells[r][2] for r in range(len(body) + 1)])
        first_cols = VGroup(
            *[table.cells[r][c] for r in range(len(body) + 1) for c in (0, 1)]
        )
        vertex_cols = VGroup(
            *[table.cells[0][3]] + [table.cells[r][3] for r in range(1, len(body) + 1)]
        )
        self.narrate(
            f"Now try it with numbers, at x = {_num(x0)}, for delta x from 1 down to"
            " a millionth, exactly as the course notebook does.",
            FadeOut(chain),
            FadeOut(live),
            FadeOut(axes),
            FadeOut(curve),
            FadeOut(definition_card),
            Create(table.rule),
            FadeIn(first_cols, lag_ratio=0.08),
            fill=True,
        )
        self.narrate(
            f"The quotient closes in on {_num(slope_at)}, the slope we found with secants."
            f" And there is a pattern: every entry is {_num(slope_at)} plus delta x.",
            FadeIn(
                VGroup(
                    table.cells[0][2],
                    *[table.cells[r][2] for r in range(1, len(body) + 1)],
                ),
                lag_ratio=0.08,
            ),
            fill=True,
        )
        self.narrate(
            f"At the vertex, x = {_num(VERTEX_X)}, the quotient closes in on"
            f" {_num(slope_v)}, and every entry is {_num(slope_v)} plus delta x.",
            FadeIn(vertex_cols, lag_ratio=0.08),
            FadeIn(
                VGroup(
                    table.cells[0][4],
                    *[table.cells[r][4] for r in range(1, len(body) + 1)],
                ),
                lag_ratio=0.08,
            ),
            fill=True,
        )
        last = table.cells[len(body)][1]
        noise_box = SurroundingRectangle(last, color=PALETTE.error, buff=SPACE.hair)
        noise = VGroup(
            get_text("float64 gives", size=SIZES.small, color=PALETTE.subtle),
            get_tex(
                repr(rows_at[-1].quotient), size=SIZES.tex_small, color=PALETTE.error
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight)
        # in the room of the vertex columns, which make way for it
        vertex_part = VGroup(
            *[table.cells[r][c] for r in range(len(body) + 1) for c in (3, 4)]
        )
        noise.next_to(at_pattern, RIGHT, buff=SPACE.large)
        noise.align_to(table.cells[len(body)][2], DOWN)
        self.narrate(
            "The computer's last value carries a little rounding noise, since it divides two"
            " nearly equal numbers by a tiny one.",
            FadeOut(vertex_part),
            Create(noise_box),
            FadeIn(noise),
            Indicate(at_pattern, color=PALETTE.subtle, scale_factor=1.0),
            fill=True,
        )
        self.remove(*vertex_part)

        # -- algebra ----------------------------------------------------------------------
        self.beat("algebra")
        expansion = difference_expansion(RUNNING_FUNCTION)
        plus = _signed(expansion.shifted, True)
        minus = _signed(expansion.original, False)
        line0 = get_tex(QUOTIENT, "=", steps["substituted"], size=SIZES.tex_small)
        terms = get_tex(*plus, *minus, size=SIZES.tex_small)
        dx_tex = get_tex(r"\Delta x", size=SIZES.tex_small)
        frac1 = get_stacked_fraction(terms, dx_tex)
        line1 = VGroup(get_tex("=", size=SIZES.tex_small), frac1).arrange(
            RIGHT, buff=SPACE.small
        )
        remaining = expansion.remaining()
        frac2 = get_stacked_fraction(
            get_tex(*_signed(remaining, True), size=SIZES.tex_small),
            get_tex(r"\Delta x", size=SIZES.tex_small),
        )
        line2 = VGroup(get_tex("=", size=SIZES.tex_small), frac2).arrange(
            RIGHT, buff=SPACE.small
        )
        line3 = get_tex("=", steps["cancelled"], size=SIZES.tex_small)
        line4 = get_tex(
            r"\frac{dy}{dx}",
            "=",
            readable_limits(
                rf"\lim_{{\Delta x \to 0}} \left({steps['cancelled']}\right)"
            ),
            "=",
            steps["limit"],
            size=SIZES.tex_small,
        )
        line4[0].set_color(PALETTE.tangent)
        line4[4].set_color(PALETTE.tangent)
        algebra = VGroup(line0, line1, line2, line3, line4).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.medium
        )
        for line in (line1, line2, line3):
            line.shift(RIGHT * (line0[1].get_x() - line[0].get_x()))
        self.stage(algebra)
        algebra.to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium)
        pairs = expansion.cancelling()
        struck = get_strikes(
            [terms[i] for i, _ in pairs] + [terms[len(plus) + j] for _, j in pairs]
        )
        gone = " and the ".join(expr_words(expansion.shifted[i]) for i, _ in pairs)
        self.narrate(
            "Algebra explains that pattern. Write out f(x + delta x) and f(x) for our function.",
            FadeOut(VGroup(first_cols, at_pattern, table.rule, noise, noise_box)),
            Write(line0),
            fill=True,
        )
        self.narrate(
            "Expand the top, term by term.",
            FadeIn(line1[0]),
            FadeIn(frac1.bar),
            FadeIn(frac1.bottom),
            FadeIn(terms, lag_ratio=0.15),
            fill=True,
        )
        self.narrate(
            f"The {gone} each appear once with a plus and once with a minus: they cancel.",
            Create(struck, lag_ratio=0.3),
            fill=True,
        )
        self.narrate(
            "Every term left has a factor delta x, so divide it out: "
            + expr_words(sp.expand(sum(remaining) / DX)).replace(r"\Delta x", "delta x")
            + ".",
            FadeIn(line2, shift=DOWN * 0.2),
            FadeIn(line3, shift=DOWN * 0.2),
            fill=True,
        )
        box = SurroundingRectangle(line4[4], color=PALETTE.tangent, buff=SPACE.tight)
        self.narrate(
            f"Now let delta x go to zero. Only {expr_words(forms.first)} is left:"
            " the derivative, at every x at once.",
            Write(line4),
            Create(box),
            fill=True,
        )

        # -- check ---------------------------------------------------------------------------
        self.beat("check")
        checks = VGroup(
            *[
                get_tex(
                    rf"f'({_num(x)}) = {forms.first_latex.replace('x', f'({_num(x)})')}"
                    rf" = {_num(forms.values(x)[1])}",
                    size=SIZES.tex_small,
                    color=PALETTE.tangent,
                )
                for x in (x0, VERTEX_X)
            ]
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        note = get_text(
            "same as the table and the secants", size=SIZES.label, color=PALETTE.subtle
        )
        check_group = VGroup(checks, note).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.small
        )
        check_group.move_to(line0, aligned_edge=UP + LEFT)
        self.narrate(
            f"Check: at x = {_num(x0)} it gives {_num(forms.values(x0)[1])}, and at the vertex,"
            f" x = {_num(VERTEX_X)}, it gives {_num(forms.values(VERTEX_X)[1])}."
            " The same answers the table gave.",
            FadeOut(VGroup(line0, line1, line2, struck)),
            FadeIn(checks, lag_ratio=0.4),
            FadeIn(note, shift=LEFT * 0.2),
            fill=True,
        )

        # -- summary ------------------------------------------------------------------------------
        self.beat("summary")
        final = get_card(
            VGroup(
                get_tex(DEFINITION, color=PALETTE.tangent),
                get_tex(
                    rf"f(x) = {forms.f_latex} \;\Rightarrow\; f'(x) = {forms.first_latex}"
                ),
            ).arrange(DOWN, buff=SPACE.large),
            color=PALETTE.tangent,
        )
        self.stage(final)
        self.narrate(
            "The differentiation equation is the delta method taken to its limit. Next we will"
            " meet the different ways to write a derivative.",
            FadeOut(VGroup(line3, line4, box, check_group)),
            FadeIn(final, shift=UP * 0.2),
            fill=True,
            hold=1.5,
        )
        self.wait()


__all__ = ["DifferentiationEquation"]
