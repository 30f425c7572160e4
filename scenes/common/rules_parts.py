"""Shared parts of the differentiation-rule scenes (2.4-2.8 and the 4.2 review).

Factories (``get_*``) return new mobjects and never touch a scene. ``RuleScene``
is the common lecture: state the rule, work the course example step by step
(from :mod:`mathkit.rules`), then plot f above f' with a point sliding along f
whose tangent slope matches the value of f' below it. Each syllabus scene is a
small subclass that sets the class attributes and, if it needs one, adds its own
beat through :meth:`RuleScene.extra_beat`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    Axes,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    MathTex,
    Mobject,
    ParametricFunction,
    ReplacementTransform,
    SurroundingRectangle,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    config,
)

from mathkit.expr import parse, plain
from mathkit.numeric import Tangent
from mathkit.rules import (
    RULE_STATEMENTS,
    Differentiation,
    RuleStep,
    differentiate,
)
from scenes.common.base import LectureScene
from scenes.common.mobjects import (
    clip_to_axes,
    get_axes,
    get_card,
    get_clipped_graph,
    get_readout,
    get_tex,
    get_text,
    get_title,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

RULE_TITLES: dict[str, str] = {
    "constant": "Constant rule",
    "power": "Power rule",
    "constant multiple": "Constant multiple rule",
    "sum": "Sum rule",
    "product": "Product rule",
    "quotient": "Quotient rule",
    "chain": "Chain rule",
    "elementary": "Table derivative",
}
"""How each rule name of :mod:`mathkit.rules` is written on screen."""


# -- factories ------------------------------------------------------------------------


def get_rule_card(rule: str, *, size: int | None = None) -> VGroup:
    """The rule's name above its statement, on a card with a tangent-coloured edge."""
    name = get_text(RULE_TITLES[rule], size=SIZES.label, color=PALETTE.tangent)
    statement = get_tex(RULE_STATEMENTS[rule], size=size or SIZES.tex)
    body = VGroup(name, statement).arrange(DOWN, buff=0.3)
    return get_card(body, buff=0.3, color=PALETTE.tangent)


class Working(VGroup):
    """The lines of a rule's working; ``.result`` is the last line (the answer)."""

    def __init__(self, lines: list[MathTex]) -> None:
        super().__init__(*lines)
        self.result = lines[-1]


class FPrimePlots(VGroup):
    """f above f': ``.top`` and ``.bottom`` are the axes, ``.curve``, ``.dcurve`` the graphs."""

    def __init__(
        self,
        top: Axes,
        bottom: Axes,
        curve: ParametricFunction,
        dcurve: ParametricFunction,
    ) -> None:
        super().__init__(top, bottom)
        self.top, self.bottom = top, bottom
        self.curve, self.dcurve = curve, dcurve


def get_working(
    step: RuleStep, *, size: int | None = None, stacked: bool = False
) -> Working:
    """The working of one rule step, one line per stage, '=' signs aligned.

    Line 1 is ``d/dx expr = applied`` (with ``stacked``, ``d/dx expr`` alone and
    ``= applied`` under it); then ``= substituted`` (left out when it is the
    same as ``applied``) and ``= result``. Attribute ``result`` is the last line.
    """
    lhs = rf"\frac{{d}}{{dx}} {_wrap(step.expr_latex)}"
    rhs = [step.applied_latex, step.substituted_latex, step.result_latex]
    if step.substituted_latex == step.applied_latex:
        del rhs[1]
    if stacked:
        first = get_tex(lhs, size=size)
        lines = [first] + [get_tex("=", r, size=size) for r in rhs]
        group = Working(lines).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        for line in lines[1:]:
            line.shift(RIGHT * 0.6)
    else:
        first = get_tex(lhs, "=", rhs[0], size=size)
        lines = [first] + [get_tex("=", r, size=size) for r in rhs[1:]]
        group = Working(lines).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        for line in lines[1:]:
            line.align_to(first[1], LEFT)
    return group


def get_fitted_working(
    step: RuleStep, max_width: float, max_height: float = float("inf")
) -> Working:
    """The largest readable :func:`get_working` layout that fits the box given."""
    for size, stacked in (
        (SIZES.tex_large, False),
        (SIZES.tex, False),
        (SIZES.tex, True),
    ):
        working = get_working(step, size=size, stacked=stacked)
        if working.width <= max_width and working.height <= max_height:
            return working
    working = get_working(step, size=SIZES.tex)
    if working.width > max_width:
        working.scale_to_fit_width(max_width)
    if working.height > max_height:
        working.scale_to_fit_height(max_height)
    return working


def get_term_rules(steps: Sequence[RuleStep]) -> VGroup:
    """One small card per term of a sum: the term's derivative and the rule used.

    ``steps`` is a :class:`~mathkit.rules.Differentiation` step list whose first
    step is a sum; the cards follow the terms (the depth-1 steps) in order.
    """
    terms = [s for s in steps if s.depth == 1]
    cards = []
    for s in terms:
        formula = get_tex(
            rf"\frac{{d}}{{dx}} {_wrap(s.expr_latex)} = {s.result_latex}",
            size=SIZES.tex,
        )
        label = get_text(RULE_TITLES[s.rule], size=SIZES.small, color=PALETTE.accent)
        cards.append(get_card(VGroup(formula, label).arrange(DOWN, buff=0.2), buff=0.2))
    return VGroup(*cards).arrange(RIGHT, buff=0.35, aligned_edge=UP)


def get_f_and_fprime_plots(
    result: Differentiation,
    x_range: Sequence[float],
    f_range: Sequence[float],
    df_range: Sequence[float],
    *,
    width: float = 6.2,
    height: float = 2.5,
    f_numbers: Sequence[float] | None = None,
    df_numbers: Sequence[float] | None = None,
) -> FPrimePlots:
    """Axes with f on top and f' below, sharing the x range and aligned on x.

    The group has the attributes ``top``, ``bottom`` (the axes), ``curve`` and
    ``dcurve`` (the graphs). ``f_numbers``/``df_numbers`` restrict the y-axis
    numbers (to keep them off a curve that hugs the y axis).
    """

    def y_config(numbers: Sequence[float] | None) -> dict[str, Any]:
        return (
            {}
            if numbers is None
            else {"y_axis_config": {"numbers_to_include": list(numbers)}}
        )

    top = get_axes(
        x_range,
        f_range,
        width=width,
        height=height,
        y_label="f(x)",
        **y_config(f_numbers),
    )
    bottom = get_axes(
        x_range,
        df_range,
        width=width,
        height=height,
        y_label="f'(x)",
        **y_config(df_numbers),
    )
    # f' shares the x axis of f: its own x numbers would only sit on its curve
    bottom.x_axis.remove(bottom.x_axis.numbers)
    curve = get_clipped_graph(top, result.f, color=PALETTE.curve)
    dcurve = get_clipped_graph(bottom, result.df, color=PALETTE.tangent)
    top.add(curve)
    bottom.add(dcurve)
    group = FPrimePlots(top, bottom, curve, dcurve).arrange(DOWN, buff=0.45)
    bottom.shift(RIGHT * (top.c2p(x_range[0], 0)[0] - bottom.c2p(x_range[0], 0)[0]))
    return group


def get_tangent_segment(axes: Axes, tangent: Tangent, *, length: float = 1.8) -> Line:
    """A tangent segment of fixed on-screen ``length`` centred on the touching point."""
    line = Line(
        axes.c2p(tangent.x - 1, tangent.y - tangent.slope),
        axes.c2p(tangent.x + 1, tangent.y + tangent.slope),
        color=PALETTE.tangent,
        stroke_width=4,
    )
    return clip_to_axes(axes, line.set_length(length))


def get_function_pair(result: Differentiation) -> VGroup:
    """``f(x) = ...`` in the curve colour above ``f'(x) = ...`` in the tangent colour."""
    f_line = get_tex("f(x)", "=", result.expr_latex, color=PALETTE.curve)
    df_line = get_tex("f'(x)", "=", result.result_latex, color=PALETTE.tangent)
    group = VGroup(f_line, df_line).arrange(DOWN, aligned_edge=LEFT, buff=0.4)
    df_line.shift(RIGHT * (f_line[1].get_x() - df_line[1].get_x()))
    return group


def _wrap(tex: str) -> str:
    """Parenthesise LaTeX with a top-level + or - so d/dx applies to all of it."""
    depth, i = 0, 0
    while i < len(tex):
        if tex.startswith(r"\left(", i):
            depth, i = depth + 1, i + len(r"\left(")
            continue
        if tex.startswith(r"\right)", i):
            depth, i = depth - 1, i + len(r"\right)")
            continue
        ch = tex[i]
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth == 0 and ch in "+-" and i > 0:
            return rf"\left({tex}\right)"
        i += 1
    return tex


# -- caption text ---------------------------------------------------------------------


def join_words(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``: a list for a subtitle."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def sum_terms(result: Differentiation) -> list[tuple[str, str, str]]:
    """(term, its derivative, rule name) per term of a sum, as subtitle text.

    ``result`` is a :class:`~mathkit.rules.Differentiation` of a sum; the terms
    follow the working's order (its depth-1 steps), each differentiated by
    :func:`mathkit.rules.differentiate` and written with :func:`mathkit.expr.plain`.
    """
    terms = result.expr.as_ordered_terms(order="lex")
    rules = [s.rule for s in result.steps if s.depth == 1]
    return [
        (plain(t), plain(differentiate(sp.sstr(t)).simplified), rule)
        for t, rule in zip(terms, rules, strict=True)
    ]


def term_rules_text(result: Differentiation) -> str:
    """``the power rule for x^2, the constant multiple rule for 2x, ...`` for a sum."""
    return ", ".join(
        f"the {rule} rule for {term}" for term, _, rule in sum_terms(result)
    )


# -- the shared lecture ---------------------------------------------------------------


class RuleScene(LectureScene):
    """Beats: title, rule, [extra], work, graph, summary.

    Subclasses set the class attributes below; :meth:`differentiation` and
    :meth:`extra_beat` are the hooks. The caption attributes may name values of
    the worked example as ``{field}``; :meth:`caption_fields` fills them in.
    """

    rule: ClassVar[str] = "power"
    title_text: ClassVar[str] = ""
    subtitle_text: ClassVar[str] = ""
    example: ClassVar[str] = "x^4"
    x_range: ClassVar[tuple[float, float, float]] = (-1.5, 1.5, 0.5)
    f_range: ClassVar[tuple[float, float, float]] = (0, 5, 1)
    df_range: ClassVar[tuple[float, float, float]] = (-12, 12, 6)
    f_numbers: ClassVar[tuple[float, ...] | None] = None
    df_numbers: ClassVar[tuple[float, ...] | None] = None
    sweep: ClassVar[tuple[float, ...]] = (-1.3, 1.3)
    """x values the point visits, in order (the last is where it rests)."""
    intro: ClassVar[str] = ""
    rule_caption: ClassVar[str] = ""
    work_captions: ClassVar[tuple[str, ...]] = ()
    graph_caption: ClassVar[str] = (
        "On the graph: f on top, its derivative f' underneath, on the same x axis."
    )
    sweep_caption: ClassVar[str] = (
        "As the point slides along f, the slope of its tangent is exactly the value of f' below it."
    )
    summary_caption: ClassVar[str] = ""
    caption_values: dict[str, str]
    """The filled-in :meth:`caption_fields` of the worked example (set by :meth:`construct`)."""

    # -- hooks ----------------------------------------------------------------------------
    def caption_fields(self, result: Differentiation) -> dict[str, str]:
        """Subtitle text for the ``{field}`` names in the caption attributes.

        ``f`` is the example and ``df`` its simplified derivative, both written
        by :func:`mathkit.expr.plain`; subclasses add fields of their own.
        """
        return {"f": plain(result.expr), "df": plain(result.simplified)}

    def differentiation(self) -> Differentiation:
        """The worked example (default: :func:`mathkit.rules.differentiate`)."""
        return differentiate(self.example)

    def extra_beat(self, title: Mobject, card: Mobject) -> None:
        """A scene-specific beat after the rule is stated (default: none)."""

    def after_work(
        self, result: Differentiation, title: Mobject, working: VGroup
    ) -> VGroup:
        """A scene-specific beat after the working; return what is left on screen."""
        return working

    def rest_caption(self, result: Differentiation, x0: float) -> str:
        """Narration for where the point comes to rest."""
        t = result.tangent(x0)
        return (
            f"At x = {t.x:g}, the tangent has slope {t.slope:.3g}, and f' at x = {t.x:g}"
            f" is {result.df(x0):.3g}: the same number."
        )

    def corner_card(self, title: Mobject) -> VGroup:
        """The rule card at body size: top right beside the title, else under it."""
        card = get_rule_card(self.rule).to_corner(UR, buff=EDGE_BUFF + 0.05)
        if card.get_left()[0] < title.get_right()[0] + 0.4:
            card.next_to(title, DOWN, buff=0.3).to_edge(RIGHT, buff=EDGE_BUFF + 0.05)
        return card

    # -- the lecture ------------------------------------------------------------------------
    def construct(self) -> None:
        result = self.differentiation()
        self.caption_values = self.caption_fields(result)

        self.beat("title")
        title = get_title(self.title_text, subtitle=self.subtitle_text)
        self.narrate(self.fill(self.intro), Write(title[0]), FadeIn(title[1:]))

        self.beat("rule")
        card = get_rule_card(self.rule, size=SIZES.tex_large)
        card.next_to(title, DOWN, buff=0.9).set_x(0)
        self.narrate(self.fill(self.rule_caption), FadeIn(card[0]), Write(card[1]))
        small = self.corner_card(title)
        self.play(ReplacementTransform(card, small))
        card = self.rule_card = small

        self.extra_beat(title, card)

        self.beat("work")
        working = self.show_working(result.steps[0], title, card)
        self.wait(0.5)
        working = self.after_work(result, title, working)

        self.beat("graph")
        # after_work may already have cleared the working (empty group) and the card
        leftovers = [FadeOut(working)] if working.submobjects else []
        if card in self.mobjects:
            leftovers.append(FadeOut(card))
        if leftovers:
            self.play(*leftovers)
        self.show_graph(result, title)

        self.beat("summary")
        self.show_summary(result, title)
        self.wait()

    def fill(self, text: str) -> str:
        """A caption attribute with its ``{field}`` names replaced (see :meth:`caption_fields`)."""
        return text.format_map(self.caption_values)

    def show_working(self, step: RuleStep, title: VMobject, card: VMobject) -> VGroup:
        """Write the working line by line, one caption per line; box the answer."""
        above = VGroup(title, card)
        room = above.get_bottom()[1] + config.frame_height / 2 - EDGE_BUFF - 0.5
        working = get_fitted_working(
            step, config.frame_width - 2 * EDGE_BUFF - 1.0, room
        )
        working.next_to(above, DOWN, buff=0.5).to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        captions = list(self.work_captions) + [""] * len(working)
        for line, say in zip(working, captions, strict=False):
            if say:
                self.caption(self.fill(say))
            self.play(Write(line))
            self.hold()
        box = SurroundingRectangle(working.result[1:], color=PALETTE.tangent, buff=0.12)
        self.play(Create(box))
        working.add(box)
        return working

    def show_graph(self, result: Differentiation, title: Mobject) -> None:
        """f above f'; a point sweeps along f with its tangent and matching f' dot."""
        plots = get_f_and_fprime_plots(
            result,
            self.x_range,
            self.f_range,
            self.df_range,
            f_numbers=self.f_numbers,
            df_numbers=self.df_numbers,
        )
        room = title.get_bottom()[1] + config.frame_height / 2 - EDGE_BUFF - 0.3
        if plots.height > room:
            plots.scale_to_fit_height(room)
        plots.to_edge(RIGHT, buff=EDGE_BUFF).to_edge(DOWN, buff=EDGE_BUFF)
        pair = get_function_pair(result)
        pair.next_to(title, DOWN, buff=0.6).to_edge(LEFT, buff=EDGE_BUFF + 0.3)
        if pair.width > plots.get_left()[0] - pair.get_left()[0] - 0.3:
            pair.scale_to_fit_width(plots.get_left()[0] - pair.get_left()[0] - 0.3)
        self.caption(self.fill(self.graph_caption))
        self.play(FadeIn(pair, shift=DOWN * 0.2))
        self.play(Create(plots.top), Create(plots.bottom), run_time=2)
        self.hold()

        top, bottom = plots.top, plots.bottom
        t = ValueTracker(self.sweep[0])

        def tangent() -> Tangent:
            return result.tangent(t.get_value())

        dot = always_redraw(
            lambda: Dot(
                top.c2p(t.get_value(), result.f(t.get_value())),
                color=PALETTE.point,
                radius=0.08,
            )
        )
        segment = always_redraw(lambda: get_tangent_segment(top, tangent()))
        ddot = always_redraw(
            lambda: Dot(
                bottom.c2p(t.get_value(), result.df(t.get_value())),
                color=PALETTE.tangent,
                radius=0.08,
            )
        )
        link = always_redraw(
            lambda: DashedLine(
                dot.get_center(), ddot.get_center(), color=PALETTE.muted, stroke_width=2
            )
        )
        rows = [
            get_readout("x", t.get_value(), nudge=0.02),
            get_readout(
                r"\text{tangent slope}",
                tangent().slope,
                color=PALETTE.tangent,
                nudge=0.02,
            ),
            get_readout(
                "f'(x)", result.df(t.get_value()), color=PALETTE.tangent, nudge=0.02
            ),
        ]
        readouts = VGroup(*rows).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        readouts.next_to(pair, DOWN, buff=0.7, aligned_edge=LEFT)
        rows[0].number.add_updater(lambda m: m.set_value(t.get_value()))
        rows[1].number.add_updater(lambda m: m.set_value(tangent().slope))
        rows[2].number.add_updater(lambda m: m.set_value(result.df(t.get_value())))

        self.caption(self.fill(self.sweep_caption))
        self.add(link)
        self.play(FadeIn(dot), FadeIn(ddot), Create(segment), FadeIn(readouts))
        for x_next in self.sweep[1:]:
            self.play(t.animate.set_value(x_next), run_time=3.5)
        self.hold()
        self.narrate(
            self.rest_caption(result, self.sweep[-1]),
            Indicate(readouts[1:], color=PALETTE.tangent, scale_factor=1.1),
        )
        for r in rows:
            r.number.clear_updaters()
        self.play(
            *[FadeOut(m) for m in (pair, plots, dot, segment, ddot, link, readouts)]
        )

    def show_summary(self, result: Differentiation, title: Mobject) -> None:
        """The rule and the example's answer, side by side on cards."""
        card = get_rule_card(self.rule)
        answer = get_tex(
            rf"\frac{{d}}{{dx}} {_wrap(result.expr_latex)}", "=", result.result_latex
        )
        answer[2].set_color(PALETTE.tangent)
        group = VGroup(card, get_card(answer)).arrange(DOWN, buff=0.6)
        group.next_to(title, DOWN, buff=0.8).set_x(0)
        self.narrate(
            self.fill(self.summary_caption), FadeIn(group, lag_ratio=0.3), hold=1.0
        )


def get_part_fields(w: str, z: str) -> dict[str, str]:
    """Caption fields for a rule on two parts: ``w``, ``z`` and their derivatives."""
    return {
        "w": plain(parse(w)),
        "z": plain(parse(z)),
        "dw": plain(differentiate(w).simplified),
        "dz": plain(differentiate(z).simplified),
    }
