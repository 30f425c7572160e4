"""2.3 Derivative Notation.

Learning goal: read the common ways of writing a derivative (Leibniz's dy/dx and
d/dx f(x), Lagrange's f'(x) and y', Euler's Df, Newton's dotted y for time
derivatives) and their second-order forms, and see that they all name the same
thing: for f(x) = x^2 + 2x + 2, every first-order form is 2x + 2 and every
second-order form is 2 (derivatives from ``mathkit.differentiation``). Delta y
over delta x becomes dy/dx as the secant becomes the tangent; d/dx is an
operator that, applied twice, gives the second derivative.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    ReplacementTransform,
    RoundedRectangle,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
)

from mathkit.data import DELTA_POINT_X, RUNNING_FUNCTION
from mathkit.differentiation import (
    as_function,
    derivative_forms,
    secant_line,
    tangent_line,
)
from mathkit.plotting import plot_window
from scenes.common.base import LectureScene
from scenes.common.delta_parts import (
    get_point,
    get_running_axes,
    get_running_curve,
)
from scenes.common.handover import HANDOVER
from scenes.common.limits_parts import get_tex_readout, title_bottom
from scenes.common.math_text import expr_words
from scenes.common.mobjects import get_card, get_line_through, get_tex, get_text
from scenes.common.numbers import fmt as _num
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE, SUBTITLE_ZONE

FIRST = PALETTE.tangent
SECOND = PALETTE.accent
TABLE_GROW = 1.4
"""The notation table grows into the stage, at most this much (its text stays body-sized)."""
MACHINE_GROW = 1.7
"""The d/dx machine row grows into the stage, at most this much."""

NOTATIONS: tuple[tuple[str, str, str, str], ...] = (
    (
        "Leibniz",
        r"\frac{dy}{dx},\quad \frac{d}{dx}f(x)",
        r"\frac{d^2y}{dx^2}",
        "Leibniz writes the derivative as a ratio of tiny changes, dy over dx. Read d by dx"
        " of f as an operator: take f, return its derivative.",
    ),
    (
        "Lagrange",
        r"f'(x),\quad y'",
        r"f''(x),\quad y''",
        "Lagrange's prime notation is the shortest: f prime of x, or y prime.",
    ),
    (
        "Euler",
        r"Df",
        r"D^2 f",
        "Euler writes D for the operation of differentiating, so D f is the derivative of f.",
    ),
    (
        "Newton",
        r"\dot{y} = \frac{dy}{dt}",
        r"\ddot{y} = \frac{d^2y}{dt^2}",
        "Newton puts a dot over y. It is kept for derivatives with respect to time,"
        " mostly in physics: if y is a position, y dot is its velocity.",
    ),
)
"""(name, first-order LaTeX, second-order LaTeX, narration) per notation."""


class DerivativeNotation(LectureScene):
    """Beats: title, function, leibniz, lagrange, euler, newton, second-order, values, summary."""

    # In the d/dx machine a function's copy passes under the opaque operator box.
    allowed_overlaps = (("x + 2'", "{d}{dx}'"),)

    def construct(self) -> None:
        forms = derivative_forms(RUNNING_FUNCTION)
        f0, d1, d2 = forms.values(DELTA_POINT_X)
        fn = as_function(RUNNING_FUNCTION)
        top = title_bottom(type(self))
        x0 = DELTA_POINT_X

        # a small graph: the secant at x0 turns into the tangent as delta x shrinks
        window = plot_window(fn, [x0 - 1.5, x0 + 1.5])
        axes = get_running_axes(
            x_range=window.x_range,
            y_range=window.y_range,
            width=4.6,
            height=3.4,
            readable_labels=True,
        )
        axes.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.small).to_edge(
            DOWN, buff=SUBTITLE_ZONE + SPACE.small
        )
        curve = get_running_curve(axes, fn)

        # -- title ----------------------------------------------------------------
        self.opening(
            [Create(axes), Create(curve)],
            "There are several ways to write a derivative.",
        )

        # -- function --------------------------------------------------------------
        self.beat("function")
        function = get_tex(rf"y = f(x) = {forms.f_latex}", color=PALETTE.curve)
        function.move_to([0, top - SPACE.medium, 0], aligned_edge=UP).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        self.narrate(
            f"We keep one function: y = {expr_words(forms.f)}.",
            Write(function),
            fill=True,
        )

        # -- from delta to d: the secant's slope becomes the tangent's -----------------------
        self.beat("delta-to-d")
        dx = ValueTracker(1.0)
        tangent = tangent_line(RUNNING_FUNCTION, x0)

        def secant() -> VGroup:
            s = secant_line(fn, x0, x0 + dx.get_value())
            return VGroup(
                get_line_through(
                    axes, s.slope, s.intercept, window.line_x, color=PALETTE.secant
                ),
                get_point(axes, s.x2, s.y2),
            )

        live = always_redraw(secant)
        p_dot = get_point(axes, x0, f0)
        ratio = get_tex(
            r"\frac{\Delta y}{\Delta x}", size=SIZES.tex_large, color=PALETTE.secant
        )
        ratio.next_to(function, DOWN, buff=SPACE.large).align_to(function, LEFT).shift(
            RIGHT * SPACE.section
        )
        leibniz = get_tex(
            r"\frac{dy}{dx}", size=SIZES.tex_large, color=PALETTE.tangent
        ).move_to(ratio)
        slope_row = get_tex_readout(r"\text{slope} =", 3.0 + d1 - 3.0, decimals=3)
        slope_row.number.add_updater(
            lambda n: n.set_value(secant_line(fn, x0, x0 + dx.get_value()).slope)
        )
        slope_row.next_to(ratio, RIGHT, buff=SPACE.large)
        self.narrate(
            "A secant's slope is delta y over delta x: a ratio of two real changes.",
            FadeIn(p_dot),
            FadeIn(live),
            Write(ratio),
            FadeIn(slope_row),
            fill=True,
        )
        tangent_mob = get_line_through(
            axes, tangent.slope, tangent.intercept, window.line_x, color=PALETTE.tangent
        )
        self.narrate(
            "Let delta x shrink to nothing. The deltas become d's: dy over dx is the"
            f" slope of the tangent, {_num(d1)} here.",
            dx.animate.set_value(1e-3),
            ReplacementTransform(ratio, leibniz),
            fill=True,
        )
        slope_row.number.clear_updaters()
        live.clear_updaters()
        self.play(FadeOut(live), Create(tangent_mob), run_time=0.8)

        header = [
            get_text("", size=SIZES.label),
            get_text("first derivative", size=SIZES.label, color=FIRST),
            get_text("second derivative", size=SIZES.label, color=SECOND),
        ]
        cells = VGroup(*header)
        for name, first, second, _ in NOTATIONS:
            cells.add(
                get_text(name, size=SIZES.body, color=PALETTE.text),
                get_tex(first, color=FIRST),
                # a fraction's lowered exponent (dx^2) needs the larger size to read at 480p
                get_tex(
                    second,
                    color=SECOND,
                    size=SIZES.tex_large if r"\frac" in second else None,
                ),
            )
        cells.arrange_in_grid(
            rows=len(NOTATIONS) + 1,
            cols=3,
            buff=(SPACE.section, SPACE.tight),
            col_alignments="lcc",
        )
        self.stage(cells, grow=True, most=TABLE_GROW)
        rows = [VGroup(*cells[3 * i : 3 * i + 3]) for i in range(len(NOTATIONS) + 1)]

        # -- one beat per notation (first derivative only) ---------------------------------
        for k, ((name, _, _, say), row) in enumerate(
            zip(NOTATIONS, rows[1:], strict=True)
        ):
            self.beat(name.lower())
            extra = (
                [
                    FadeOut(VGroup(axes, curve, tangent_mob, p_dot, slope_row)),
                    FadeOut(leibniz),
                    FadeOut(function),
                    FadeIn(header[1]),
                ]
                if k == 0
                else []
            )
            self.narrate(
                say, *extra, FadeIn(row[0], shift=RIGHT * 0.2), Write(row[1]), fill=True
            )

        # -- second-order: d/dx as an operator, applied twice ------------------------------
        self.beat("second-order")
        size = SIZES.tex_small

        def operator() -> VGroup:
            box = RoundedRectangle(
                corner_radius=0.12,
                width=1.3,
                height=0.95,
                stroke_color=PALETTE.accent,
                fill_color=PALETTE.surface,
                fill_opacity=1,
            )
            return VGroup(
                box, get_tex(r"\frac{d}{dx}", size=size, color=PALETTE.accent)
            )

        chain = VGroup(
            get_tex(forms.f_latex, size=size, color=PALETTE.curve),
            operator(),
            get_tex(forms.first_latex, size=size, color=FIRST),
            operator(),
            get_tex(forms.second_latex, size=size, color=SECOND),
        ).arrange(RIGHT, buff=SPACE.section)
        arrows = VGroup(
            *[
                Arrow(
                    chain[k].get_right(),
                    chain[k + 1].get_left(),
                    buff=SPACE.tight,
                    color=PALETTE.muted,
                    stroke_width=3,
                )
                for k in range(len(chain) - 1)
            ]
        )
        machine = VGroup(chain, arrows)
        self.stage(machine, top=function, grow=True, most=MACHINE_GROW)
        self.narrate(
            "Read d by dx as a machine: put a function in, and its derivative comes out.",
            FadeOut(cells),
            FadeIn(function),
            FadeIn(chain[0]),
            FadeIn(chain[1]),
            Create(arrows[0]),
            fill=True,
        )

        def through(source: VGroup, box: VGroup, out: VGroup) -> ReplacementTransform:
            """A copy of ``source`` goes into the machine and comes out as ``out``:
            drawn under the opaque box, it is hidden while inside it."""
            copy = source.copy()
            self.add(copy)
            self.add(box)  # on top of the copy
            return ReplacementTransform(copy, out)

        self.narrate(
            f"In goes {expr_words(forms.f)}; out comes {expr_words(forms.first)}.",
            Create(arrows[1]),
            through(chain[0], chain[1], chain[2]),
            fill=True,
        )
        self.caption(
            "Feed that back in and out comes the second derivative, the slope of the"
            f" slope: {expr_words(forms.second)}."
        )
        self.play(FadeIn(chain[3]), Create(arrows[2]), run_time=HANDOVER)
        self.play(
            Create(arrows[3]),
            through(chain[2], chain[3], chain[4]),
            run_time=self._fill_time(),
        )
        self.hold()
        self.narrate(
            "Each notation has its second-order form: d squared y by dx squared,"
            " f double prime, D squared f, and y with two dots.",
            FadeOut(machine),
            FadeOut(function),
            FadeIn(VGroup(header[1], *[VGroup(r[0], r[1]) for r in rows[1:]])),
            FadeIn(header[2]),
            *[Write(row[2]) for row in rows[1:]],
            fill=True,
        )

        # -- values ---------------------------------------------------------------------------
        self.beat("values")
        first_line = get_tex(
            r"\frac{dy}{dx} = \frac{d}{dx}f(x) = f'(x) = y' = Df",
            "=",
            forms.first_latex,
            color=FIRST,
        )
        second_line = get_tex(
            r"\frac{d^2y}{dx^2} = f''(x) = y'' = D^2 f",
            "=",
            forms.second_latex,
            color=SECOND,
        )
        lines = VGroup(first_line, second_line).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.large
        )
        lines.next_to(function, DOWN, buff=SPACE.large).align_to(function, LEFT)
        self.narrate(
            "Newton's dots are for time. For our function of x, every other first-order"
            f" form names the same thing, {expr_words(forms.first)}.",
            FadeOut(cells),
            FadeIn(function),
            Write(first_line),
            fill=True,
        )
        # after the Write: an Indicate in the same play would undo the Write of its part
        self.play(Indicate(first_line[2], color=FIRST))
        self.narrate(
            f"And every second-order form is {expr_words(forms.second)}: the slope grows by"
            f" {expr_words(forms.second)} for each step in x.",
            Write(second_line),
            fill=True,
        )

        at = VGroup(
            get_tex(
                rf"f({_num(x0)}) = {_num(f0)}",
                size=SIZES.tex_small,
                color=PALETTE.curve,
            ),
            get_tex(rf"f'({_num(x0)}) = {_num(d1)}", size=SIZES.tex_small, color=FIRST),
            get_tex(
                rf"f''({_num(x0)}) = {_num(d2)}", size=SIZES.tex_small, color=SECOND
            ),
        ).arrange(RIGHT, buff=SPACE.large + SPACE.medium)
        at_card = get_card(at)
        at_card.next_to(lines, DOWN, buff=SPACE.large).set_x(0)
        self.narrate(
            f"Evaluated at x = {_num(x0)}: the height is {_num(f0)}, the slope is {_num(d1)},"
            " the slope we found with the delta method, and the second derivative is"
            f" {_num(d2)}.",
            FadeIn(at_card, shift=DOWN * 0.2),
            fill=True,
        )

        # -- summary -------------------------------------------------------------------------------
        self.beat("summary")
        self.narrate(
            "Different notations, one idea. This course mostly uses Leibniz's dy by dx, and f prime"
            " when the function has a name.",
            Indicate(first_line[0], color=FIRST, scale_factor=1.05),
            fill=True,
            hold=1.5,
        )
        self.wait()
