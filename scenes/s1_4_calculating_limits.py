"""1.4 Calculating Limits.

Learning goal: find a limit by direct substitution when the function is
continuous, by approaching the point from both sides when it is not defined
there, and by factoring; recognise limits at infinity and limits that do not
exist because the two one-sided limits differ. Every value comes from
``mathkit.limits`` (checked against ``sympy.limit`` and the notebook's outputs).
"""

from __future__ import annotations

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

from mathkit.expr import latex, parse
from mathkit.limits import (
    HOLE_EXAMPLE,
    RECIPROCAL,
    RECIPROCAL_XS,
    SINC_EXAMPLE,
    SINC_XS,
    SUBSTITUTION_EXAMPLE,
    approach_table,
    evaluate_at,
    exercise_answers,
    factor_and_cancel,
    limit,
    one_sided_text,
    substitute,
    to_function,
)
from scenes.common.base import LectureScene
from scenes.common.limits_parts import (
    get_guides,
    get_hole,
    get_piecewise_graph,
)
from scenes.common.mobjects import (
    get_axes,
    get_clipped_graph,
    get_table,
    get_tex,
    get_text,
    get_title,
)
from scenes.common.numbers import fmt
from scenes.common.numbers import tex_sci as sci
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

digits = partial(fmt, significant=10)
"""Ten significant digits, which hides float noise (1.9989999999999712 -> 1.999)."""


class CalculatingLimits(LectureScene):
    """Beats: title, substitution, hole, approach, factoring, sinc, infinity, does-not-exist, exercises."""

    def _place_axes(self, axes, title) -> None:
        axes.next_to(title, DOWN, buff=0.5).to_edge(LEFT, buff=EDGE_BUFF + 0.35)

    def _right_of(self, mob, axes) -> None:
        mob.next_to(axes, RIGHT, buff=0.7).align_to(axes, UP)

    def construct(self) -> None:
        # -- title -------------------------------------------------------------------
        self.beat("title")
        title = get_title("Calculating Limits", subtitle="Substitute, approach, factor")
        self.narrate(
            "A limit asks what value f(x) approaches as x gets closer and closer to a point.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- substitution ----------------------------------------------------------------
        self.beat("substitution")
        expr, x0 = SUBSTITUTION_EXAMPLE
        y0 = substitute(expr, x0)
        lim0 = limit(expr, x0)
        axes = get_axes([-5, 10, 5], [-10, 80, 20], width=5.8, height=4.6)
        self._place_axes(axes, title)
        curve = get_clipped_graph(axes, to_function(expr))
        guides = get_guides(axes, x0, y0)
        dot = Dot(axes.c2p(x0, y0), color=PALETTE.point, radius=0.08)
        steps = VGroup(
            get_tex(lim0.latex().split("=")[0], "=", "?", size=SIZES.tex_small),
            get_tex(rf"= {x0:g}^2 + 2 \cdot {x0:g} + 2", size=SIZES.tex_small),
            get_tex(rf"= {y0:g}", size=SIZES.tex_small, color=PALETTE.tangent),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        steps[0][2].set_opacity(0)
        self._right_of(steps, axes)
        self.narrate(
            f"Start with the running function as x approaches {x0:g}. "
            "The curve has no gaps or jumps there: it is continuous.",
            Create(axes),
            Create(curve),
            Write(steps[0][:2]),
        )
        self.caption(
            f"So the limit is simply the value at x = {x0:g}. Substitute: {y0:g}. "
            "This is direct substitution."
        )
        self.play(Create(guides), FadeIn(dot, scale=1.5))
        self.play(FadeIn(steps[1]), FadeIn(steps[2]))
        self.hold()
        self.play(*[FadeOut(m) for m in (axes, curve, guides, dot, steps)])

        # -- hole --------------------------------------------------------------------------
        self.beat("hole")
        h_expr, a = HOLE_EXAMPLE
        h_lim = limit(h_expr, a)
        L = h_lim.number
        f = to_function(h_expr)
        axes = get_axes([-1, 5, 1], [-1, 5, 1], width=5.4, height=4.6)
        self._place_axes(axes, title)
        eps = 1e-3
        graph = get_piecewise_graph(axes, [(f, -1.0, a - eps), (f, a + eps, 4.0)])
        hole = get_hole(axes, a, L)
        guides = get_guides(axes, a, L)
        h_tex = get_tex(rf"f(x) = {latex(parse(h_expr))}", size=SIZES.tex_small)
        undefined = get_tex(
            rf"f({a:g}) = \frac{{0}}{{0}}", size=SIZES.tex_small, color=PALETTE.error
        )
        undefined_note = get_text(
            "undefined: division by zero", size=SIZES.small, color=PALETTE.error
        )
        right = VGroup(h_tex, undefined, undefined_note).arrange(
            DOWN, aligned_edge=LEFT, buff=0.35
        )
        self._right_of(right, axes)
        self.caption(
            f"Now a harder one: x squared minus 1, over x minus 1, as x approaches {a:g}."
        )
        self.play(Create(axes), Write(h_tex))
        self.play(Create(graph), run_time=1.5)
        self.hold()
        self.narrate(
            f"At x = {a:g} itself we would divide zero by zero, so the graph has a hole there.",
            FadeIn(undefined),
            FadeIn(undefined_note),
            FadeIn(hole, scale=1.5),
        )

        # -- approach -------------------------------------------------------------------------
        self.beat("approach")
        table = approach_table(h_expr, a)
        rows_data = [*table.left, *reversed(table.right)]
        rows = [[f"{r.x:g}", digits(r.fx)] for r in rows_data]
        tab = get_table(["x", "f(x)"], rows, highlight_last=False)
        self._right_of(tab, axes)
        tab.shift(DOWN * 0.1)
        side_l = get_text("from the left", size=SIZES.small, color=PALETTE.secant)
        side_r = get_text("from the right", size=SIZES.small, color=PALETTE.accent)
        side_l.next_to(VGroup(*tab[0][1:4]), RIGHT, buff=0.25)
        side_r.next_to(VGroup(*tab[0][4:7]), RIGHT, buff=0.25)
        self.caption(
            "But we can get as close as we like. Try x values just below 1: "
            "f(x) creeps up towards 2."
        )
        self.play(FadeOut(right), FadeIn(tab[0][0]), FadeIn(tab[1]))
        walker = Dot(color=PALETTE.point, radius=0.07)
        for k, r in enumerate(table.left):
            walker.move_to(axes.c2p(r.x, r.fx))
            anims = [FadeIn(tab[0][k + 1])]
            anims.append(
                FadeIn(walker)
                if k == 0
                else walker.animate.move_to(axes.c2p(r.x, r.fx))
            )
            self.play(*anims, run_time=0.8)
        self.play(FadeIn(side_l))
        self.hold()
        self.caption("And from above 1, f(x) comes down towards 2. Both sides agree.")
        for k, r in enumerate(table.right):
            self.play(
                FadeIn(tab[0][6 - k]),
                walker.animate.move_to(axes.c2p(r.x, r.fx)),
                run_time=0.8,
            )
        self.play(FadeIn(side_r), Create(guides))
        self.hold()
        answer = get_tex(h_lim.latex(), size=SIZES.tex_small, color=PALETTE.tangent)
        answer.next_to(tab, RIGHT, buff=0.5)
        self.caption(f"So the limit is {L:g}, even though f({a:g}) does not exist.")
        self.play(FadeOut(walker), FadeOut(side_l), FadeOut(side_r))
        self.play(Write(answer), Indicate(hole, color=PALETTE.tangent))
        self.hold()

        # -- factoring ----------------------------------------------------------------------------
        self.beat("factoring")
        canc = factor_and_cancel(h_expr)
        work = VGroup(
            get_tex(
                rf"{latex(parse(h_expr))} = {canc.factored_latex}", size=SIZES.tex_small
            ),
            get_tex(
                rf"= {canc.cancelled_latex} \quad (x \neq {a:g})", size=SIZES.tex_small
            ),
            get_tex(
                rf"\lim_{{x \to {a:g}}} ({canc.cancelled_latex}) = {L:g}",
                size=SIZES.tex_small,
                color=PALETTE.tangent,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.4)
        self._right_of(work, axes)
        self.caption(
            "Algebra gets there faster: factor the top as (x + 1)(x - 1) "
            "and cancel the common factor."
        )
        self.play(FadeOut(tab), FadeOut(answer))
        self.play(Write(work[0]))
        self.hold()
        self.caption(
            "What is left is the line y = x + 1, the graph with its hole. Substitute to get 2."
        )
        self.play(FadeIn(work[1]))
        self.play(FadeIn(work[2]))
        self.hold()
        self.play(*[FadeOut(m) for m in (axes, graph, hole, guides, work)])

        # -- sinc -------------------------------------------------------------------------------
        self.beat("sinc")
        s_expr, s0 = SINC_EXAMPLE
        s_lim = limit(s_expr, s0)
        s_val = s_lim.number
        fs = to_function(s_expr)
        axes = get_axes([-10, 10, 5], [-1, 2, 1], width=5.8, height=4.0)
        self._place_axes(axes, title)
        graph = get_piecewise_graph(axes, [(fs, -10.0, -1e-3), (fs, 1e-3, 10.0)])
        hole = get_hole(axes, s0, s_val)
        s_rows = evaluate_at(s_expr, SINC_XS)
        s_tab = get_table(
            ["x", r"\frac{\sin x}{x}"],
            [[f"{r.x:g}", digits(r.fx)] for r in s_rows],
            highlight_last=False,
        )
        s_answer = get_tex(s_lim.latex(), size=SIZES.tex_small, color=PALETTE.tangent)
        s_right = VGroup(s_tab, s_answer).arrange(DOWN, aligned_edge=LEFT, buff=0.5)
        self._right_of(s_right, axes)
        self.caption(
            "Sine x over x at zero is another 0 over 0, and this time there is nothing to factor."
        )
        self.play(Create(axes), Create(graph), run_time=1.5)
        self.play(FadeIn(hole, scale=1.5))
        self.hold()
        self.caption(
            "Approaching still works: from both sides the values close in on 1."
        )
        self.play(FadeIn(s_tab, lag_ratio=0.2), run_time=1.5)
        self.play(Write(s_answer))
        self.hold()
        self.play(*[FadeOut(m) for m in (axes, graph, hole, s_right)])

        # -- infinity ----------------------------------------------------------------------------
        self.beat("infinity")
        fr = to_function(RECIPROCAL)
        axes = get_axes([-10, 10, 5], [-300, 300, 100], width=5.8, height=4.6)
        self._place_axes(axes, title)
        cut = 25 / 300  # where 25/x leaves the y range (layout only)
        branches = get_piecewise_graph(
            axes, [(fr, -10.0, -cut), (fr, cut, 10.0)], step=0.005
        )
        r_rows = evaluate_at(RECIPROCAL, RECIPROCAL_XS)
        r_tab = get_table(
            ["x", r"\frac{25}{x}"],
            [[sci(r.x), sci(r.fx)] for r in r_rows],
            highlight_last=True,
        )
        inf_lim = limit(RECIPROCAL, "oo")
        ninf_lim = limit(RECIPROCAL, "-oo")
        inf_tex = VGroup(
            get_tex(inf_lim.latex(), size=SIZES.tex_small, color=PALETTE.tangent),
            get_tex(ninf_lim.latex(), size=SIZES.tex_small, color=PALETTE.tangent),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        r_right = VGroup(r_tab, inf_tex).arrange(DOWN, aligned_edge=LEFT, buff=0.5)
        self._right_of(r_right, axes)
        self.caption(
            "Limits can also be taken at infinity. As x grows, 25 over x shrinks towards zero."
        )
        self.play(Create(axes), Create(branches), run_time=1.5)
        self.play(FadeIn(r_tab, lag_ratio=0.2))
        self.hold()
        self.caption(
            f"It never reaches zero, but it gets as close as we like: the limit is {inf_lim.value_text()}. "
            f"The same happens towards minus infinity."
        )
        self.play(Write(inf_tex[0]))
        self.play(FadeIn(inf_tex[1]))
        self.hold()

        # -- does not exist ------------------------------------------------------------------------
        self.beat("does-not-exist")
        zero = limit(RECIPROCAL, 0.0)
        sides = VGroup(
            get_tex(
                rf"\lim_{{x \to 0^-}} \frac{{25}}{{x}} = {_inf(one_sided_text(zero.left))}",
                size=SIZES.tex_small,
                color=PALETTE.secant,
            ),
            get_tex(
                rf"\lim_{{x \to 0^+}} \frac{{25}}{{x}} = {_inf(one_sided_text(zero.right))}",
                size=SIZES.tex_small,
                color=PALETTE.accent,
            ),
            VGroup(
                get_text(
                    "The two sides disagree:", size=SIZES.label, color=PALETTE.error
                ),
                get_text(
                    f"the limit {zero.value_text()}",
                    size=SIZES.label,
                    color=PALETTE.error,
                ),
            ).arrange(DOWN, aligned_edge=LEFT, buff=0.15),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        self._right_of(sides, axes)
        self.caption(
            "Near zero it is different. From the left, 25 over x plunges to minus infinity."
        )
        self.play(FadeOut(r_right))
        self.play(FadeIn(sides[0]), Indicate(branches[0], color=PALETTE.secant))
        self.hold()
        self.narrate(
            "From the right it shoots up to plus infinity.",
            FadeIn(sides[1]),
            Indicate(branches[1], color=PALETTE.accent),
        )
        self.narrate(
            "The one-sided limits are different, so the limit at zero does not exist.",
            FadeIn(sides[2]),
        )
        self.play(*[FadeOut(m) for m in (axes, branches, sides)])

        # -- exercises --------------------------------------------------------------------------------
        self.beat("exercises")
        answers = exercise_answers()
        heading = get_text("Exercises", size=SIZES.heading, color=PALETTE.accent)
        heading.next_to(title, DOWN, buff=0.45).to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        lines = VGroup()
        for k, ans in enumerate(answers):
            tex = ans.latex()
            if not ans.exists:
                tex += (
                    rf" \ ({_inf(one_sided_text(ans.left))} \text{{ left}},"
                    rf" {_inf(one_sided_text(ans.right))} \text{{ right}})"
                )
            row = VGroup(
                get_text(f"{k + 1}.", size=SIZES.body, color=PALETTE.subtle),
                get_tex(tex, size=SIZES.tex_small),
            ).arrange(RIGHT, buff=0.3)
            lines.add(row)
        lines.arrange(DOWN, aligned_edge=LEFT, buff=0.16)
        lines.next_to(heading, DOWN, buff=0.3).align_to(heading, LEFT)
        if lines.height > 4.6:
            lines.scale_to_fit_height(4.6).next_to(heading, DOWN, buff=0.3).align_to(
                heading, LEFT
            )
        says = (
            "Exercise one: at zero the function is continuous, so substitute: "
            f"minus 1 over minus 1 is {answers[0].value_text()}.",
            f"Two: factor the top as (x - 5)(x + 5), cancel, and substitute: {answers[1].value_text()}.",
            f"Three: factor as (x + 2)(x - 4): the limit is {answers[2].value_text()}.",
            f"Four: at minus infinity, 25 over x goes to {answers[3].value_text()}.",
            "Five: at zero the two sides go to minus and plus infinity, so the limit does not exist.",
        )
        self.play(FadeIn(heading))
        for row, say in zip(lines, says, strict=True):
            self.narrate(say, FadeIn(row, shift=RIGHT * 0.2))
        box = SurroundingRectangle(lines[-1], color=PALETTE.error, buff=0.1)
        self.play(Create(box))
        self.caption(
            "In short: substitute when you can, factor when you must, and check both sides."
        )
        self.hold(1.5)
        self.wait()


def _inf(text: str) -> str:
    """TeX for a one-sided value text (+∞ / −∞ / number)."""
    return text.replace("+∞", r"+\infty").replace("−∞", r"-\infty")
