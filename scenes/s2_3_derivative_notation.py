"""2.3 Derivative Notation.

Learning goal: read the common ways of writing a derivative (Leibniz's dy/dx and
d/dx f(x), Lagrange's f'(x) and y', Euler's Df, Newton's dotted y for time
derivatives) and their second-order forms, and see that they all name the same
thing: for f(x) = x^2 + 2x + 2, every first-order form is 2x + 2 and every
second-order form is 2 (derivatives from ``mathkit.differentiation``).
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    FadeIn,
    FadeOut,
    Indicate,
    VGroup,
    Write,
)

from mathkit.data import DELTA_POINT_X, RUNNING_FUNCTION
from mathkit.differentiation import derivative_forms
from mathkit.expr import plain
from scenes.common.base import LectureScene
from scenes.common.mobjects import get_card, get_tex, get_text, get_title
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

FIRST = PALETTE.tangent
SECOND = PALETTE.accent

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
        "Newton puts a dot over y. It is kept for derivatives with respect to time:"
        " if y is a position, y dot is its velocity.",
    ),
)
"""(name, first-order LaTeX, second-order LaTeX, narration) per notation."""


class DerivativeNotation(LectureScene):
    """Beats: title, function, leibniz, lagrange, euler, newton, second-order, values, summary."""

    def construct(self) -> None:
        forms = derivative_forms(RUNNING_FUNCTION)
        f0, d1, d2 = forms.values(DELTA_POINT_X)

        # -- title ----------------------------------------------------------------
        self.beat("title")
        title = get_title("Derivative Notation", subtitle="Many ways to write one idea")
        self.narrate(
            "Over three centuries mathematicians found several ways to write a derivative."
            " You will meet all of them in machine learning papers.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- function --------------------------------------------------------------
        self.beat("function")
        function = get_tex(rf"y = f(x) = {forms.f_latex}", color=PALETTE.curve)
        function.next_to(title, DOWN, buff=0.45).to_edge(LEFT, buff=EDGE_BUFF + 0.3)
        self.narrate(
            f"We keep one function throughout, the running example y = f(x) = {plain(forms.f)}.",
            Write(function),
        )

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
                get_tex(second, color=SECOND),
            )
        cells.arrange_in_grid(
            rows=len(NOTATIONS) + 1, cols=3, buff=(1.1, 0.22), col_alignments="lcc"
        )
        cells.next_to(function, DOWN, buff=0.45).set_x(0)
        rows = [VGroup(*cells[3 * i : 3 * i + 3]) for i in range(len(NOTATIONS) + 1)]

        # -- one beat per notation (first derivative only) ---------------------------------
        self.play(FadeIn(VGroup(header[1])))
        for (name, _, _, say), row in zip(NOTATIONS, rows[1:], strict=True):
            self.beat(name.lower())
            self.narrate(say, FadeIn(row[0], shift=RIGHT * 0.2), Write(row[1]))

        # -- second-order -------------------------------------------------------------------
        self.beat("second-order")
        self.caption(
            "Differentiate twice for the second derivative, the slope of the slope: d squared y"
            " by dx squared, f double prime, D squared f, and y with two dots."
        )
        self.play(FadeIn(header[2]))
        for row in rows[1:]:
            self.play(Write(row[2]), run_time=0.8)
        self.hold()

        # -- values ---------------------------------------------------------------------------
        self.beat("values")
        self.play(FadeOut(cells))
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
            DOWN, aligned_edge=LEFT, buff=0.6
        )
        lines.next_to(function, DOWN, buff=0.7).align_to(function, LEFT)
        self.caption(
            f"Newton's dots are for time. For our function of x, every other first-order form names the same thing, {plain(forms.first)}."
        )
        self.play(Write(first_line))
        self.play(Indicate(first_line[2], color=FIRST))
        self.hold()
        self.narrate(
            f"And every second-order form is {plain(forms.second)}: the slope grows by"
            f" {plain(forms.second)} for each step in x.",
            Write(second_line),
        )

        at = VGroup(
            get_tex(
                rf"f({DELTA_POINT_X:g}) = {f0:g}",
                size=SIZES.tex_small,
                color=PALETTE.curve,
            ),
            get_tex(
                rf"f'({DELTA_POINT_X:g}) = {d1:g}", size=SIZES.tex_small, color=FIRST
            ),
            get_tex(
                rf"f''({DELTA_POINT_X:g}) = {d2:g}", size=SIZES.tex_small, color=SECOND
            ),
        ).arrange(RIGHT, buff=0.9)
        at_card = get_card(at)
        at_card.next_to(lines, DOWN, buff=0.7).set_x(0)
        self.narrate(
            f"Evaluated at x = {DELTA_POINT_X:g}: the height is {f0:g}, the slope is {d1:g}, the"
            f" slope we found with the delta method, and the second derivative is {d2:g}.",
            FadeIn(at_card, shift=DOWN * 0.2),
        )

        # -- summary -------------------------------------------------------------------------------
        self.beat("summary")
        self.narrate(
            "Different notations, one idea. This course mostly uses Leibniz's dy by dx, and f prime"
            " when the function has a name.",
            Indicate(first_line[0], color=FIRST, scale_factor=1.05),
            hold=1.5,
        )
        self.wait()
