"""1.4 Calculating Limits.

Learning goal: find a limit by direct substitution when the function is
continuous, by approaching the point from both sides when it is not defined
there, and by factoring; recognise limits at infinity and limits that do not
exist because the two one-sided limits differ. Every value comes from
``mathkit.limits`` (checked against ``sympy.limit`` and the notebook's outputs).
The worked limit (graph, approach table, factoring) takes a variant: the
function and the point (:class:`scenes.common.schemas_limits.CalculatingLimitsParams`).
"""

from __future__ import annotations

import math
from functools import partial
from typing import Any

import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circle,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    MathTex,
    Mobject,
    SurroundingRectangle,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    linear,
)

from mathkit.expr import latex, parse
from mathkit.limits import EXERCISES as EXERCISE_LIST
from mathkit.limits import (
    RECIPROCAL,
    RECIPROCAL_XS,
    SINC_EXAMPLE,
    SINC_XS,
    SUBSTITUTION_EXAMPLE,
    LimitResult,
    Point,
    approach_table,
    evaluate_at,
    exercise_answers,
    factor_and_cancel,
    limit,
    one_sided_text,
    substitute,
    to_function,
)
from scenes.common import mobjects
from scenes.common.base import LectureScene
from scenes.common.delta_parts import readable_axis_labels
from scenes.common.limits_parts import (
    get_factored_fraction,
    get_guides,
    get_hole,
    get_piecewise_graph,
    get_tex_readout,
    readable_limits,
    title_bottom,
)
from scenes.common.math_text import expr_words
from scenes.common.mobjects import (
    get_axes,
    get_clipped_graph,
    get_table,
    get_text,
)
from scenes.common.numbers import fmt
from scenes.common.numbers import tex_sci as sci
from scenes.common.params import tag
from scenes.common.schemas_limits import GAP, CalculatingLimitsParams
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

digits = partial(fmt, significant=10)
"""Ten significant digits, which hides float noise (1.9989999999999712 -> 1.999)."""


def get_tex(*parts: str, **kwargs: Any) -> MathTex:
    """``mobjects.get_tex`` with limit subscripts set at a readable size."""
    return mobjects.get_tex(*[readable_limits(p) for p in parts], **kwargs)


ORDINALS = ("one", "two", "three", "four", "five", "six")


def _inf(text: str) -> str:
    """TeX for a one-sided value text (+∞ / −∞ / number)."""
    return text.replace("+∞", r"+\infty").replace("−∞", r"-\infty")


def _spoken_inf(text: str) -> str:
    """Words for a one-sided value text."""
    return text.replace("+∞", "plus infinity").replace("−∞", "minus infinity")


def _working(expr: str, point: Point, result: LimitResult) -> str:
    """One line of working (TeX) for an exercise, from mathkit's values."""
    if isinstance(point, str):
        far = (-1.0 if point.startswith("-") else 1.0) * RECIPROCAL_XS[-1]
        row = evaluate_at(expr, [far])[0]
        return rf"f({sci(row.x)}) = {sci(row.fx)}"
    if not result.exists:
        return (
            rf"\text{{left }} {_inf(one_sided_text(result.left))},\quad"
            rf" \text{{right }} {_inf(one_sided_text(result.right))}"
        )
    try:
        value = substitute(expr, float(point))
        return rf"f({point:g}) = {fmt(value)}"
    except ValueError:
        canc = factor_and_cancel(expr)
        return rf"= \lim_{{x \to {point:g}}} ({canc.cancelled_latex}) = {result.value_text()}"


class CalculatingLimits(LectureScene):
    """Beats: title, substitution, hole, approach, factoring, sinc, infinity, does-not-exist, exercises.

    Parameters (``self.params``, :class:`~scenes.common.schemas_limits.CalculatingLimitsParams`):
    the function and the point of the worked limit (hole, approach, factoring).
    """

    params_schema = CalculatingLimitsParams
    allowed_overlaps = (("MathTex", "Strike"),)

    def _place_axes(self, axes: Mobject, top: float) -> None:
        axes.move_to([0, top - SPACE.medium, 0], aligned_edge=UP)
        axes.to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium)

    def _right_of(self, mob: Mobject, axes: Mobject) -> None:
        mob.next_to(axes, RIGHT, buff=SPACE.large).align_to(axes, UP)

    def construct(self) -> None:
        p: CalculatingLimitsParams = self.params
        top = title_bottom(type(self))

        # -- title and substitution --------------------------------------------------------
        expr, x0 = SUBSTITUTION_EXAMPLE
        y0 = substitute(expr, x0)
        lim0 = limit(expr, x0)
        axes = readable_axis_labels(
            get_axes([-5, 10, 5], [-10, 80, 20], width=5.8, height=4.6)
        )
        self._place_axes(axes, top)
        curve = get_clipped_graph(axes, to_function(expr))
        self.opening(
            [Create(axes), Create(curve)],
            "A limit asks what value f(x) approaches as x gets closer and closer to a point.",
        )
        self.beat("substitution")
        guides = get_guides(axes, x0, y0)
        dot = Dot(axes.c2p(x0, y0), color=PALETTE.point, radius=0.08)
        steps = VGroup(
            get_tex(lim0.latex().split("=")[0], "=", "?", size=SIZES.tex_small),
            get_tex(rf"= {x0:g}^2 + 2 \cdot {x0:g} + 2", size=SIZES.tex_small),
            get_tex(rf"= {fmt(y0)}", size=SIZES.tex_small, color=PALETTE.tangent),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        steps[0][2].set_opacity(0)
        self._right_of(steps, axes)
        course_words = expr_words(parse(expr))
        self.narrate(
            f"Start with the running function, {course_words}, as x approaches {x0:g}."
            " The curve has no gaps or jumps there: it is continuous.",
            Write(steps[0][:2]),
            FadeIn(dot, scale=1.5),
            fill=True,
        )
        self.narrate(
            f"So the limit is simply the value at x = {x0:g}. Substitute: {fmt(y0)}."
            " This is direct substitution.",
            Create(guides),
            FadeIn(steps[1]),
            FadeIn(steps[2]),
            fill=True,
        )
        self.play(*[FadeOut(m) for m in (axes, curve, guides, dot, steps)])

        # -- hole (the variant's limit) --------------------------------------------------
        self.beat("hole")
        h_expr, a = p.f, p.a
        h_lim = limit(h_expr, a)
        big = h_lim.number
        f = to_function(h_expr)
        axes = readable_axis_labels(
            get_axes(p.x_range, p.y_range, width=5.4, height=4.6)
        )
        self._place_axes(axes, top)
        tag(axes, "x_range", "y_range")
        lo, hi = p.x_range[0], p.x_range[1]
        graph = get_piecewise_graph(axes, [(f, lo, a - GAP), (f, a + GAP, hi)])
        try:
            value_at_a: float | None = substitute(h_expr, a)
        except ValueError:
            value_at_a = None
        hole = get_hole(axes, a, big)
        marks = VGroup(hole)
        if value_at_a is not None and value_at_a == big:
            marks = VGroup(Dot(axes.c2p(a, big), color=PALETTE.curve, radius=0.08))
        elif value_at_a is not None:
            marks.add(Dot(axes.c2p(a, value_at_a), color=PALETTE.curve, radius=0.08))
        guides = get_guides(axes, a, big)
        f_tex = latex(parse(h_expr))
        h_tex = tag(get_tex(rf"f(x) = {f_tex}", size=SIZES.tex_small), "f")
        status = (
            get_tex(
                rf"f({a:g}) = \frac{{0}}{{0}}",
                size=SIZES.tex_small,
                color=PALETTE.error,
            )
            if value_at_a is None
            else get_tex(rf"f({a:g}) = {fmt(value_at_a)}", size=SIZES.tex_small)
        )
        note = get_text(
            "undefined: division by zero"
            if value_at_a is None
            else "defined at the point",
            size=SIZES.small,
            color=PALETTE.error if value_at_a is None else PALETTE.subtle,
        )
        right = VGroup(h_tex, status, note).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.medium
        )
        self._right_of(right, axes)
        tag(right, "f", "a")
        f_words = expr_words(parse(h_expr))
        self.narrate(
            f"Now a harder one: {f_words}, as x approaches {a:g}.",
            Create(axes),
            Write(h_tex),
            Create(graph),
            fill=True,
        )
        self.narrate(
            f"At x = {a:g} itself we would divide zero by zero, so the graph has a hole there."
            if value_at_a is None
            else f"Here f({a:g}) is defined, but the limit asks about the values near {a:g},"
            " not at it.",
            FadeIn(status),
            FadeIn(note),
            FadeIn(marks, scale=1.5),
            fill=True,
        )

        # -- approach -------------------------------------------------------------------------
        self.beat("approach")
        table = approach_table(h_expr, a)
        rows_data = [*table.left, *reversed(table.right)]
        rows = [[f"{r.x:g}", digits(r.fx)] for r in rows_data]
        tab = get_table(["x", "f(x)"], rows, highlight_last=False)
        self._right_of(tab, axes)
        tag(tab, "f", "a")
        n_side = len(table.left)
        side_l = get_text("from the left", size=SIZES.small, color=PALETTE.secant)
        side_r = get_text("from the right", size=SIZES.small, color=PALETTE.accent)
        side_l.next_to(VGroup(*tab[0][1 : n_side + 1]), RIGHT, buff=SPACE.small)
        side_r.next_to(VGroup(*tab[0][n_side + 1 :]), RIGHT, buff=SPACE.small)
        trend_l = "creeps up" if table.left[-1].fx > table.left[0].fx else "creeps down"
        trend_r = "comes down" if table.right[-1].fx < table.right[0].fx else "comes up"
        walker = Dot(
            axes.c2p(table.left[0].x, table.left[0].fx),
            color=PALETTE.point,
            radius=0.07,
        )
        self.narrate(
            f"But we can get as close as we like. Try x values just below {a:g}:"
            f" f(x) {trend_l} towards {digits(big)}.",
            FadeOut(right),
            FadeIn(tab[0][0]),
            FadeIn(tab[1]),
            FadeIn(walker),
            fill=True,
        )
        length = self.caption(
            f"And from above {a:g}, f(x) {trend_r} towards {digits(big)}. Both sides agree."
        )
        for k, r in enumerate(table.left):
            self.play(
                FadeIn(tab[0][k + 1]),
                walker.animate.move_to(axes.c2p(r.x, r.fx)),
                run_time=0.7,
            )
        self.play(FadeIn(side_l), run_time=0.5)
        for k, r in enumerate(table.right):
            self.play(
                FadeIn(tab[0][2 * n_side - k]),
                walker.animate.move_to(axes.c2p(r.x, r.fx)),
                run_time=0.7,
            )
        self.play(FadeIn(side_r), Create(guides), run_time=max(0.5, length - 4.8))
        self.hold()
        answer = tag(
            get_tex(h_lim.latex(), size=SIZES.tex_small, color=PALETTE.tangent),
            "f",
            "a",
        )
        answer.next_to(tab, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        self.narrate(
            f"So the limit is {digits(big)}, even though f({a:g}) does not exist."
            if value_at_a is None
            else f"So the limit is {digits(big)}.",
            FadeOut(walker),
            FadeOut(side_l),
            FadeOut(side_r),
            Write(answer),
            Indicate(marks, color=PALETTE.tangent),
            fill=True,
        )

        # -- factoring ----------------------------------------------------------------------------
        try:  # a variant's f may have no denominator left once parsed (x^2/x is x)
            canc = factor_and_cancel(h_expr)
        except ValueError:
            canc = None
        if canc is not None and canc.cancels:
            self.beat("factoring")
            num_rest, den_rest = canc.rest()
            fraction = get_factored_fraction(
                latex(canc.common), latex(num_rest), latex(den_rest)
            )
            left_side = get_tex(rf"{f_tex} =", size=SIZES.tex_small)
            work0 = VGroup(left_side, fraction).arrange(RIGHT, buff=SPACE.small)
            cancelled = get_tex(
                rf"= {canc.cancelled_latex} \quad (x \neq {a:g})", size=SIZES.tex_small
            )
            final = get_tex(
                rf"\lim_{{x \to {a:g}}} \left({canc.cancelled_latex}\right) = {h_lim.value_text()}",
                size=SIZES.tex_small,
                color=PALETTE.tangent,
            )
            work = VGroup(work0, cancelled, final).arrange(
                DOWN, aligned_edge=LEFT, buff=SPACE.medium
            )
            self._right_of(work, axes)
            tag(work, "f", "a")
            common_words = expr_words(canc.common)
            strikes = fraction.get_strikes()
            self.narrate(
                "Algebra gets there faster: factor the top and the bottom."
                f" Both share the factor {common_words}.",
                FadeOut(tab),
                FadeOut(answer),
                Write(work0),
                fill=True,
            )
            self.narrate(
                f"Away from x = {a:g} that factor is not zero, so it cancels.",
                Create(strikes),
                FadeIn(cancelled, shift=DOWN * 0.2),
                fill=True,
            )
            self.narrate(
                f"What is left, {expr_words(canc.cancelled)}, is the graph with its hole filled."
                f" Substitute to get {h_lim.value_text()}.",
                FadeIn(final, shift=DOWN * 0.2),
                Indicate(graph, color=PALETTE.tangent),
                fill=True,
            )
            self.play(
                *[FadeOut(m) for m in (axes, graph, marks, guides, work, strikes)]
            )
        else:
            self.play(*[FadeOut(m) for m in (axes, graph, marks, guides, tab, answer)])

        # -- sinc -------------------------------------------------------------------------------
        self.beat("sinc")
        s_expr, s0 = SINC_EXAMPLE
        s_lim = limit(s_expr, s0)
        s_val = s_lim.number
        fs = to_function(s_expr)
        axes = readable_axis_labels(
            get_axes([-10, 10, 5], [-1, 2, 1], width=5.8, height=4.0)
        )
        self._place_axes(axes, top)
        graph = get_piecewise_graph(axes, [(fs, -10.0, -1e-3), (fs, 1e-3, 10.0)])
        hole = get_hole(axes, s0, s_val)
        s_rows = evaluate_at(s_expr, SINC_XS)
        s_tex = latex(parse(s_expr))
        s_tab = get_table(
            ["x", s_tex],
            [[f"{r.x:g}", digits(r.fx)] for r in s_rows],
            highlight_last=False,
        )
        s_answer = get_tex(s_lim.latex(), size=SIZES.tex_small, color=PALETTE.tangent)
        s_right = VGroup(s_tab, s_answer).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.large
        )
        self._right_of(s_right, axes)
        self.narrate(
            "Sine x over x at zero is another 0 over 0, and this time there is nothing to factor.",
            Create(axes),
            Create(graph),
            FadeIn(hole, scale=1.5),
            fill=True,
        )
        self.narrate(
            f"Approaching still works: from both sides the values close in on {fmt(s_val)}.",
            FadeIn(s_tab, lag_ratio=0.2),
            Write(s_answer),
            fill=True,
        )
        self.play(*[FadeOut(m) for m in (axes, graph, hole, s_right)])

        # -- infinity ----------------------------------------------------------------------------
        self.beat("infinity")
        fr = to_function(RECIPROCAL)
        y_top = 30.0
        axes = readable_axis_labels(
            get_axes([-10, 10, 5], [-y_top, y_top, 10], width=5.8, height=4.6)
        )
        self._place_axes(axes, top)
        cut = 25 / y_top  # where 25/x leaves the y range (layout only)
        branches = get_piecewise_graph(
            axes, [(fr, -10.0, -cut), (fr, cut, 10.0)], step=0.005
        )
        far = ValueTracker(0.0)  # log10 of x

        def runner() -> Dot:
            x = min(10 ** far.get_value(), axes.x_range[1])
            return Dot(axes.c2p(x, fr(x)), color=PALETTE.point, radius=0.08)

        run_dot = always_redraw(runner)
        x_row = get_tex_readout("x =", 1.0, decimals=0)
        y_row = get_tex_readout(
            r"\frac{25}{x} =", fr(1.0), decimals=6, color=PALETTE.tangent
        )
        x_row.number.add_updater(lambda n: n.set_value(10 ** far.get_value()))
        y_row.number.add_updater(lambda n: n.set_value(fr(10 ** far.get_value())))
        live = VGroup(x_row, y_row).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        inf_lim = limit(RECIPROCAL, "oo")
        ninf_lim = limit(RECIPROCAL, "-oo")
        inf_tex = VGroup(
            get_tex(inf_lim.latex(), size=SIZES.tex_small, color=PALETTE.tangent),
            get_tex(ninf_lim.latex(), size=SIZES.tex_small, color=PALETTE.tangent),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        r_right = VGroup(live, inf_tex).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.large
        )
        self._right_of(r_right, axes)
        biggest = RECIPROCAL_XS[-1]
        self.narrate(
            "Limits can also be taken at infinity. As x grows, 25 over x shrinks towards zero.",
            Create(axes),
            Create(branches),
            FadeIn(run_dot),
            FadeIn(live),
            fill=True,
        )
        self.narrate(
            "Follow a point out along the curve. Past the edge of the picture the numbers"
            f" keep going: at x = {fmt(biggest)}, 25 over x is {fmt(fr(biggest), 8)}.",
            far.animate.set_value(math.log10(biggest)),
            fill=True,
            rate_func=linear,
        )
        x_row.number.clear_updaters()
        y_row.number.clear_updaters()
        run_dot.clear_updaters()
        self.narrate(
            "It never reaches zero, but it gets as close as we like: the limit is"
            f" {inf_lim.value_text()}. The same happens towards minus infinity.",
            Write(inf_tex[0]),
            FadeIn(inf_tex[1]),
            fill=True,
        )

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
            ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        self._right_of(sides, axes)
        near = ValueTracker(-5.0)

        def approacher() -> Dot:
            x = near.get_value()
            return Dot(axes.c2p(x, fr(x)), color=PALETTE.point, radius=0.08)

        walker = always_redraw(approacher)
        self.narrate(
            "Near zero it is different. From the left, 25 over x plunges to"
            f" {_spoken_inf(one_sided_text(zero.left))}.",
            FadeOut(r_right),
            FadeOut(run_dot),
            FadeIn(walker),
            near.animate.set_value(-cut),
            FadeIn(sides[0]),
            fill=True,
        )
        near.set_value(5.0)
        self.narrate(
            f"From the right it shoots up to {_spoken_inf(one_sided_text(zero.right))}.",
            near.animate.set_value(cut),
            FadeIn(sides[1]),
            fill=True,
        )
        walker.clear_updaters()
        self.narrate(
            "The one-sided limits are different, so the limit at zero does not exist.",
            FadeIn(sides[2]),
            Indicate(branches, color=PALETTE.error),
            fill=True,
        )
        self.play(*[FadeOut(m) for m in (axes, branches, sides, walker)])

        # -- exercises --------------------------------------------------------------------------------
        self.beat("exercises")
        answers = exercise_answers()
        grid = VGroup()
        for k, ans in enumerate(answers):
            question = (
                ans.latex().split("=")[0]
                if ans.exists
                else ans.latex().replace(r" \text{ does not exist}", "")
            )
            grid.add(
                get_text(f"{k + 1}.", size=SIZES.body, color=PALETTE.subtle),
                get_tex(question, size=SIZES.tex_small),
                get_tex(
                    f"= {sp.latex(ans.value)}"
                    if ans.exists
                    else r"\text{does not exist}",
                    size=SIZES.tex_small,
                    color=PALETTE.tangent,
                ),
                get_tex(
                    _working(*EXERCISE_LIST[k], ans),
                    size=SIZES.tex_small,
                    color=PALETTE.subtle,
                ),
            )
        grid.arrange_in_grid(
            rows=len(answers),
            cols=4,
            buff=(SPACE.medium, SPACE.small),
            col_alignments="llll",
        )
        rows_ = [VGroup(*grid[4 * i : 4 * i + 4]) for i in range(len(answers))]
        self.stage(grid)
        grid.to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium)
        ring = Circle(radius=0.28, color=PALETTE.accent, stroke_width=5)
        try_it = VGroup(
            get_text("try it", size=SIZES.label, color=PALETTE.accent), ring
        ).arrange(RIGHT, buff=SPACE.small)
        explain = (
            "Exercise one is continuous at zero, so substitute: minus 1 over minus 1 is"
            f" {answers[0].value_text()}.",
            f"Two: factor the top as (x - 5)(x + 5), cancel, and substitute: {answers[1].value_text()}.",
            f"Three: factor the top as (x + 2)(x - 4), cancel, and the limit is {answers[2].value_text()}.",
            f"Four: at minus infinity, 25 over x goes to {answers[3].value_text()}.",
            "Five: at zero the two sides go to minus and plus infinity, so the limit does not exist.",
        )
        for k, (row, say) in enumerate(zip(rows_, explain, strict=True)):
            try_it.next_to(row[1], RIGHT, buff=SPACE.large)
            self.narrate(
                f"Exercise {ORDINALS[k]}. Pause the video and try it."
                if k == 0
                else f"Exercise {ORDINALS[k]}: try it.",
                FadeIn(row[0]),
                FadeIn(row[1], shift=RIGHT * 0.2),
                FadeIn(try_it),
                fill=True,
            )
            self.play(Create(ring), run_time=2.5, rate_func=linear)
            self.narrate(
                say,
                FadeOut(try_it),
                FadeIn(row[2]),
                FadeIn(row[3], shift=RIGHT * 0.2),
                fill=True,
            )
            ring = Circle(radius=0.28, color=PALETTE.accent, stroke_width=5).move_to(
                ring
            )
            try_it = VGroup(try_it[0], ring)
        box = SurroundingRectangle(rows_[-1], color=PALETTE.error, buff=SPACE.tight)
        self.narrate(
            "In short: substitute when you can, factor when you must, and check both sides.",
            Create(box),
            hold=1.5,
            fill=True,
        )
        self.wait()
