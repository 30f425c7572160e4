"""2.2 The Differentiation Equation.

Learning goal: turn the delta method into the definition of the derivative,
dy/dx = lim_{dx -> 0} [f(x + dx) - f(x)] / dx; watch the difference quotient of
f(x) = x^2 + 2x + 2 at x = 2 approach 6 as dx shrinks from 1 to 10^-6; and
simplify the quotient by algebra to 2x + 2 + dx -> 2x + 2. Every number and
formula comes from ``mathkit.differentiation``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    ReplacementTransform,
    SurroundingRectangle,
    VGroup,
    Write,
)

from mathkit.data import (
    DELTA_POINT_X,
    DIFFERENCE_QUOTIENT_DELTAS,
    RUNNING_FUNCTION,
    VERTEX_X,
)
from mathkit.differentiation import (
    derivative_forms,
    difference_quotient_table,
    quotient_simplification,
)
from mathkit.expr import plain
from scenes.common.base import LectureScene
from scenes.common.mobjects import get_card, get_tex, get_text, get_title
from scenes.common.numbers import fmt as _num
from scenes.common.numbers import format_delta
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

QUOTIENT = r"\frac{f(x + \Delta x) - f(x)}{\Delta x}"
DEFINITION = rf"\frac{{dy}}{{dx}} = \lim_{{\Delta x \to 0}} {QUOTIENT}"


class DifferentiationEquation(LectureScene):
    """Beats: title, build, table, algebra, check, summary."""

    def construct(self) -> None:
        steps = {s.label: s.latex for s in quotient_simplification(RUNNING_FUNCTION)}
        forms = derivative_forms(RUNNING_FUNCTION)
        x0 = DELTA_POINT_X

        # -- title ------------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "The Differentiation Equation", subtitle="The delta method as one formula"
        )
        self.narrate(
            "The delta method worked, but it took several steps. Let's write it as a single"
            " equation that works at any x.",
            Write(title[0]),
            FadeIn(title[1:]),
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
        chain.next_to(title, DOWN, buff=0.9).to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        self.narrate(
            "The secant's slope m is the rise over the run: delta y over delta x.",
            Write(chain[:3]),
        )
        self.narrate(
            "The rise is the second point's height minus the first: y2 minus y1.",
            Write(chain[3:5]),
        )
        self.narrate(
            "The first point is (x, f(x)). The second is delta x further along, so y2 is"
            " f(x + delta x).",
            Write(chain[5:]),
        )

        definition = get_tex(DEFINITION, size=SIZES.tex_large, color=PALETTE.tangent)
        definition_card = get_card(definition, color=PALETTE.tangent)
        definition_card.next_to(chain, DOWN, buff=0.9).set_x(0)
        self.narrate(
            "Then let delta x shrink to zero. The limit of that quotient is the derivative,"
            " dy by dx: the differentiation equation.",
            FadeIn(definition_card[0]),
            Write(definition),
        )

        # -- table ----------------------------------------------------------------------
        self.beat("table")
        small_card = get_card(
            get_tex(DEFINITION, size=SIZES.tex_small, color=PALETTE.tangent),
            color=PALETTE.tangent,
        )
        small_card.next_to(title, DOWN, buff=0.45).to_edge(LEFT, buff=EDGE_BUFF + 0.1)
        self.play(FadeOut(chain), ReplacementTransform(definition_card, small_card))

        rows = difference_quotient_table(
            RUNNING_FUNCTION, x0, DIFFERENCE_QUOTIENT_DELTAS
        )
        slope_at = forms.values(x0)[1]
        header = [
            get_tex(r"\Delta x", size=SIZES.tex, color=PALETTE.subtle),
            get_tex(
                rf"\frac{{f({x0:g} + \Delta x) - f({x0:g})}}{{\Delta x}}",
                size=SIZES.tex,
                color=PALETTE.secant,
            ),
            get_tex(
                rf"{_num(slope_at)} + \Delta x", size=SIZES.tex, color=PALETTE.subtle
            ),
        ]
        cells = VGroup(*header)
        for row in rows:
            cells.add(
                get_tex(format_delta(row.delta), size=SIZES.tex, color=PALETTE.subtle),
                get_tex(_num(row.quotient), size=SIZES.tex, color=PALETTE.secant),
                get_tex(
                    _num(slope_at + row.delta), size=SIZES.tex, color=PALETTE.subtle
                ),
            )
        cells.arrange_in_grid(
            rows=len(rows) + 1, cols=3, buff=(0.45, 0.12), col_alignments="rrr"
        )
        cells.to_edge(RIGHT, buff=EDGE_BUFF + 0.2).align_to(small_card, UP)
        rule = get_tex(r"\rule{9cm}{0.4pt}", color=PALETTE.overlay)
        rule.scale_to_fit_width(cells.width).next_to(VGroup(*header), DOWN, buff=0.08)
        rule.set_x(cells.get_x())
        self.caption(
            f"Now try it with numbers, at x = {x0:g}, for delta x from {_num(rows[0].delta)}"
            f" down to {rows[-1].delta:g},"
            " exactly as the course notebook does."
        )
        self.play(FadeIn(VGroup(*header[:2])), Create(rule))
        for i in range(len(rows)):
            self.play(
                FadeIn(VGroup(*cells[3 * (i + 1) : 3 * (i + 1) + 2])), run_time=0.45
            )
        self.hold()
        self.narrate(
            f"The quotient closes in on {_num(slope_at)}, the slope we found with secants. And"
            f" look at the pattern: every entry is {_num(slope_at)} plus delta x.",
            FadeIn(header[2]),
            *[FadeIn(cells[3 * (i + 1) + 2]) for i in range(len(rows))],
        )
        noise = VGroup(
            get_text("the float64 result for", size=SIZES.small, color=PALETTE.subtle),
            get_tex(
                rf"\Delta x = {format_delta(rows[-1].delta)}",
                size=SIZES.tex_small,
                color=PALETTE.subtle,
            ),
            get_tex(
                repr(rows[-1].quotient), size=SIZES.tex_small, color=PALETTE.secant
            ),
            get_text("(rounding noise)", size=SIZES.small, color=PALETTE.subtle),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        noise.next_to(small_card, DOWN, buff=0.6, aligned_edge=LEFT)
        self.narrate(
            "The computer's last value carries a little rounding noise, since it divides two"
            " nearly equal numbers by a tiny one.",
            FadeIn(noise),
        )

        # -- algebra ----------------------------------------------------------------------
        self.beat("algebra")
        self.play(FadeOut(VGroup(cells, rule, noise, small_card)))
        lhs = get_tex(QUOTIENT)
        lhs.next_to(title, DOWN, buff=0.5).to_edge(LEFT, buff=EDGE_BUFF + 0.3)
        rhs = get_tex("=", steps["substituted"])
        rhs.next_to(lhs, DOWN, buff=0.3, aligned_edge=LEFT).shift(RIGHT * 0.5)
        self.caption(
            "Algebra explains that pattern. Write out f(x + delta x) and f(x) for our function."
        )
        self.play(Write(lhs))
        self.play(Write(rhs))
        self.hold()
        for label, say in (
            (
                "expanded",
                "Expand the top. The "
                + " and the ".join(
                    plain(t) for t in forms.f.as_ordered_terms(order="lex")
                )
                + " all cancel.",
            ),
            (
                "cancelled",
                "Every term left has a delta x, so divide it out: "
                + steps["cancelled"].replace(r"\Delta x", "delta x")
                + ".",
            ),
        ):
            nxt = get_tex("=", steps[label]).move_to(rhs, aligned_edge=LEFT)
            self.caption(say)
            self.play(ReplacementTransform(rhs, nxt))
            rhs = nxt
            self.hold()

        limit = get_tex(
            r"\frac{dy}{dx}",
            "=",
            rf"\lim_{{\Delta x \to 0}} \left({steps['cancelled']}\right)",
            "=",
            steps["limit"],
        )
        limit[0].set_color(PALETTE.tangent)
        limit[4].set_color(PALETTE.tangent)
        limit.next_to(rhs, DOWN, buff=0.5).align_to(lhs, LEFT)
        box = SurroundingRectangle(limit[4], color=PALETTE.tangent, buff=0.12)
        self.caption(
            f"Now let delta x go to zero. Only {steps['limit'].replace(' ', '')} is left:"
            " the derivative, at every x at once."
        )
        self.play(Write(limit))
        self.play(Create(box))
        self.hold()

        # -- check ---------------------------------------------------------------------------
        self.beat("check")
        checks = VGroup(
            *[
                get_tex(
                    rf"f'({x:g}) = {forms.first_latex.replace('x', f'({x:g})')}"
                    rf" = {_num(forms.values(x)[1])}",
                    size=SIZES.tex_small,
                    color=PALETTE.tangent,
                )
                for x in (x0, VERTEX_X)
            ]
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        checks.next_to(limit, DOWN, buff=0.45, aligned_edge=LEFT).shift(RIGHT * 0.5)
        note = get_text(
            "same as the delta method", size=SIZES.label, color=PALETTE.subtle
        )
        note.next_to(checks, RIGHT, buff=0.8)
        self.caption(
            f"Check: at x = {x0:g} it gives {_num(forms.values(x0)[1])}, and at the vertex,"
            f" x = {VERTEX_X:g}, it gives {_num(forms.values(VERTEX_X)[1])}."
            " The same answers the secants gave."
        )
        self.play(FadeIn(checks, lag_ratio=0.4))
        self.play(FadeIn(note, shift=LEFT * 0.2))
        self.hold()

        # -- summary ------------------------------------------------------------------------------
        self.beat("summary")
        final = get_card(
            VGroup(
                get_tex(DEFINITION, color=PALETTE.tangent),
                get_tex(
                    rf"f(x) = {forms.f_latex} \;\Rightarrow\; f'(x) = {forms.first_latex}"
                ),
            ).arrange(DOWN, buff=0.5),
            color=PALETTE.tangent,
        )
        final.next_to(title, DOWN, buff=0.8).set_x(0)
        self.caption(
            "The differentiation equation is the delta method taken to its limit. Next we will"
            " meet the different ways to write a derivative."
        )
        self.play(FadeOut(VGroup(checks, note, lhs, rhs, limit, box)))
        self.play(FadeIn(final, shift=UP * 0.2))
        self.hold(1.5)
        self.wait()


__all__ = ["DifferentiationEquation"]
