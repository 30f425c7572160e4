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

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    Animation,
    Axes,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
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

from mathkit.expr import parse
from mathkit.numeric import Tangent
from mathkit.rules import (
    RULE_STATEMENTS,
    Differentiation,
    RuleStep,
    differentiate,
)
from scenes.common.base import LectureScene
from scenes.common.math_text import expr_text
from scenes.common.mobjects import (
    clip_to_axes,
    fit_to_stage,
    get_axes,
    get_card,
    get_clipped_graph,
    get_readout,
    get_tex,
    get_text,
)
from scenes.common.numbers import fmt
from scenes.common.params import tag
from scenes.common.theme import EDGE_BUFF, MIN_TEXT_HEIGHT, PALETTE, SIZES, SPACE

LABEL_HEIGHT = MIN_TEXT_HEIGHT + 0.02
"""Least height of an axis label (a hair above the theme's minimum)."""

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
    body = VGroup(name, statement).arrange(DOWN, buff=SPACE.medium)
    return get_card(body, buff=SPACE.medium, color=PALETTE.tangent)


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
        group = Working(lines).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        for line in lines[1:]:
            line.shift(RIGHT * 0.6)
    else:
        first = get_tex(lhs, "=", rhs[0], size=size)
        lines = [first] + [get_tex("=", r, size=size) for r in rhs[1:]]
        group = Working(lines).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
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
        cards.append(
            get_card(
                VGroup(formula, label).arrange(DOWN, buff=SPACE.small), buff=SPACE.small
            )
        )
    return VGroup(*cards).arrange(RIGHT, buff=SPACE.medium, aligned_edge=UP)


def get_rule_axes(*args: Any, **kwargs: Any) -> Axes:
    """:func:`~scenes.common.mobjects.get_axes` with axis labels that read at 480p.

    A lone lower-case label such as ``x`` set at the label size is drawn about
    0.13 units high, under the theme's ``MIN_TEXT_HEIGHT``: it is enlarged in place.
    """
    axes = get_axes(*args, **kwargs)
    for label in getattr(axes, "axis_labels", []):
        if 0 < label.height < LABEL_HEIGHT:
            label.scale(LABEL_HEIGHT / label.height)
    return axes


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
    numbers. The two axes are aligned by data coordinates: x on the bottom axes
    is directly below the same x on the top axes (not by the left edge of the
    axis, which includes its tick labels).
    """

    def y_config(numbers: Sequence[float] | None) -> dict[str, Any]:
        return (
            {}
            if numbers is None
            else {"y_axis_config": {"numbers_to_include": list(numbers)}}
        )

    top = get_rule_axes(
        x_range,
        f_range,
        width=width,
        height=height,
        y_label="f(x)",
        **y_config(f_numbers),
    )
    bottom = get_rule_axes(
        x_range,
        df_range,
        width=width,
        height=height,
        y_label="f'(x)",
        **y_config(df_numbers),
    )
    # f' shares the x axis of f: its own x numbers would only repeat them
    bottom.x_axis.remove(bottom.x_axis.numbers)
    curve = get_clipped_graph(top, result.f, color=PALETTE.curve)
    dcurve = get_clipped_graph(bottom, result.df, color=PALETTE.tangent)
    top.add(curve)
    bottom.add(dcurve)
    group = FPrimePlots(top, bottom, curve, dcurve).arrange(DOWN, buff=SPACE.medium)
    x0 = x_range[0]
    bottom.shift(RIGHT * (top.c2p(x0, f_range[0])[0] - bottom.c2p(x0, df_range[0])[0]))
    return group


def get_fitted_plots(
    result: Differentiation,
    ranges: tuple[Sequence[float], Sequence[float], Sequence[float]],
    *,
    room: float,
    width: float = 6.2,
    **kwargs: Any,
) -> FPrimePlots:
    """:func:`get_f_and_fprime_plots` built to fit ``room`` units of height.

    Built at the size it is shown (never scaled afterwards), so its tick digits
    keep the theme's size.
    """
    height = 2.5
    plots = get_f_and_fprime_plots(
        result, *ranges, width=width, height=height, **kwargs
    )
    extra = plots.height - 2 * height
    if plots.height > room:
        height = max(1.2, (room - extra) / 2)
        plots = get_f_and_fprime_plots(
            result, *ranges, width=width, height=height, **kwargs
        )
    return plots


def plot_box(axes: Axes) -> tuple[np.ndarray, np.ndarray]:
    """The lower-left and upper-right corners of the axes' data box (scene units)."""
    (x0, x1), (y0, y1) = axes.x_range[:2], axes.y_range[:2]
    return np.array(axes.c2p(x0, y0)), np.array(axes.c2p(x1, y1))


def get_tangent_segment(axes: Axes, tangent: Tangent, *, length: float = 1.8) -> Line:
    """A tangent segment of on-screen ``length`` centred on the touching point,
    cut to the axes' data box (it never runs across the tick labels)."""
    p = np.array(axes.c2p(tangent.x, tangent.y))
    q = np.array(axes.c2p(tangent.x + 1, tangent.y + tangent.slope))
    direction = (q - p) / max(float(np.linalg.norm(q - p)), 1e-9)
    a, b = p - direction * length / 2, p + direction * length / 2
    return clip_to_axes(axes, Line(a, b, color=PALETTE.tangent, stroke_width=4))


def get_link(top: Axes, bottom: Axes, dot: Mobject, ddot: Mobject) -> VGroup:
    """The dashed "directly below" link from f's point to f''s, inside the two plot boxes.

    It is cut where it would cross the top plot's x tick labels (between the boxes).
    """
    x = dot.get_center()[0]
    top_floor = plot_box(top)[0][1]
    bottom_ceiling = plot_box(bottom)[1][1]
    parts = VGroup()
    for a, b in (
        (dot.get_center()[1], top_floor),
        (bottom_ceiling, ddot.get_center()[1]),
    ):
        if a - b > 0.05:
            parts.add(
                DashedLine([x, a, 0], [x, b, 0], color=PALETTE.muted, stroke_width=2)
            )
    return parts


def get_function_pair(result: Differentiation) -> VGroup:
    """``f(x) = ...`` in the curve colour above ``f'(x) = ...`` in the tangent colour."""
    f_line = get_tex("f(x)", "=", result.expr_latex, color=PALETTE.curve)
    df_line = get_tex("f'(x)", "=", result.result_latex, color=PALETTE.tangent)
    group = VGroup(f_line, df_line).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
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
    :func:`mathkit.rules.differentiate` and written by
    :func:`scenes.common.math_text.expr_text`.
    """
    return [
        (expr_text(t), expr_text(differentiate(sp.sstr(t)).simplified), rule)
        for t, rule in zip(sum_term_exprs(result), _term_rules(result), strict=True)
    ]


def sum_term_exprs(result: Differentiation) -> list[sp.Expr]:
    """The terms of a sum in the working's order."""
    return list(result.expr.as_ordered_terms(order="lex"))


def _term_rules(result: Differentiation) -> list[str]:
    return [s.rule for s in result.steps if s.depth == 1]


def term_rules_text(result: Differentiation) -> str:
    """``the power rule for x², the constant multiple rule for 2x, ...`` for a sum."""
    return ", ".join(
        f"the {rule} rule for {term}" for term, _, rule in sum_terms(result)
    )


def number_text(value: float) -> str:
    """A value for a subtitle: at most three decimals, no float noise."""
    return fmt(value, 3)


# -- the shared lecture ---------------------------------------------------------------


class RuleScene(LectureScene):
    """Beats: title, rule, why, work, check, summary.

    Subclasses set the class attributes below and ``params_schema`` (a schema of
    ``scenes.common.schemas_rules``, whose ``result()`` is the worked example);
    :meth:`why_beat` draws why the rule holds, :meth:`after_work` may add a beat
    after the working. The caption attributes may name values of the worked
    example as ``{field}``; :meth:`caption_fields` fills them in, so the
    narration is built from the variant's function.
    """

    rule: ClassVar[str] = "power"
    f_numbers: ClassVar[tuple[float, ...] | None] = None
    df_numbers: ClassVar[tuple[float, ...] | None] = None
    intro: ClassVar[str] = ""
    rule_caption: ClassVar[str] = ""
    work_captions: ClassVar[tuple[str, ...]] = ()
    graph_caption: ClassVar[str] = (
        "A last check on the graph: f on top, f' underneath, on the same x axis."
    )
    summary_caption: ClassVar[str] = ""
    caption_values: dict[str, str]
    """The filled-in :meth:`caption_fields` of the worked example (set by :meth:`construct`)."""

    # -- hooks ----------------------------------------------------------------------------
    def caption_fields(self, result: Differentiation) -> dict[str, str]:
        """Subtitle text for the ``{field}`` names in the caption attributes.

        ``f`` is the example and ``df`` its simplified derivative, both written
        by :func:`scenes.common.math_text.expr_text`; subclasses add their own.
        """
        return {"f": expr_text(result.expr), "df": expr_text(result.simplified)}

    def differentiation(self) -> Differentiation:
        """The worked example: the parameters' (a variant's, or the course's)."""
        result: Differentiation = self.params.result()
        return result

    def why_beat(self, result: Differentiation) -> None:
        """Draw why the rule holds (default: nothing). Leaves the frame as it found it."""

    def extra_beat(self, title: Mobject, card: Mobject) -> None:
        """A scene-specific beat before the why beat (default: none)."""

    def after_work(
        self, result: Differentiation, title: Mobject, working: VGroup
    ) -> VGroup:
        """A scene-specific beat after the working; return what is left on screen."""
        return working

    def stop_caption(self, result: Differentiation, x0: float) -> str:
        """Narration for a stop of the point on the graph."""
        t = result.tangent(x0)
        return (
            f"At x = {number_text(t.x)} the tangent's slope is {number_text(t.slope)},"
            f" and f' at {number_text(t.x)} is {number_text(result.df(x0))}: the same number."
        )

    def corner_card(self, title: Mobject) -> VGroup:
        """The rule card at body size: top right beside the title, else under it."""
        card = get_rule_card(self.rule).to_corner(UR, buff=EDGE_BUFF + SPACE.hair)
        if card.get_left()[0] < title.get_right()[0] + 0.4:
            card.next_to(title, DOWN, buff=SPACE.medium).to_edge(
                RIGHT, buff=EDGE_BUFF + SPACE.hair
            )
        return card

    # -- narration with motion ------------------------------------------------------------
    def say(self, text: str, *animations: Animation, **kwargs: Any) -> float:
        """Speak ``text`` while ``animations`` run for as long as it is spoken."""
        return self.narrate(text, *animations, fill=bool(animations), **kwargs)

    # -- the lecture ------------------------------------------------------------------------
    def construct(self) -> None:
        result = self.differentiation()
        self.caption_values = self.caption_fields(result)

        self.beat("title")
        example = get_tex("f(x)", "=", result.expr_latex, size=SIZES.tex_large)
        example[0].set_color(PALETTE.curve)
        example.move_to(UP * 0.6)
        title = self.opening(example, self.fill(self.intro))

        self.beat("rule")
        card = get_rule_card(self.rule, size=SIZES.tex_large)
        card.next_to(example, DOWN, buff=SPACE.large).set_x(0)
        if card.get_bottom()[1] < EDGE_BUFF + 0.3 - config.frame_height / 2:
            card = get_rule_card(self.rule, size=SIZES.tex)
            card.next_to(example, DOWN, buff=SPACE.large).set_x(0)
            if card.get_bottom()[1] < EDGE_BUFF - config.frame_height / 2:
                fit_to_stage(card, example)  # a tall rule under a tall example
        self.say(self.fill(self.rule_caption), FadeIn(card[0]), Write(card[1]))
        small = self.corner_card(title)
        self.play(ReplacementTransform(card, small), FadeOut(example))
        card = self.rule_card = small

        self.extra_beat(title, card)
        self.beat("why")
        self.why_beat(result)

        self.beat("work")
        working = self.show_working(result.steps[0], title, card)
        working = self.after_work(result, title, working)

        self.beat("check")
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
        room = above.get_bottom()[1] + config.frame_height / 2 - EDGE_BUFF - 0.9
        working = get_fitted_working(
            step, config.frame_width - 2 * EDGE_BUFF - 1.0, room
        )
        working.next_to(above, DOWN, buff=SPACE.medium).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        tag(working, *self.example_params())
        captions = list(self.work_captions) + [""] * len(working)
        for line, say in zip(working, captions, strict=False):
            if say:
                self.say(self.fill(say), Write(line))
            else:
                self.play(Write(line))
        box = SurroundingRectangle(
            working.result[1:], color=PALETTE.tangent, buff=SPACE.tight
        )
        self.play(Create(box))
        working.add(box)
        return working

    def example_params(self) -> tuple[str, ...]:
        """The parameters the worked example is drawn from (for the layout gate)."""
        schema = type(self.params)
        return tuple(
            name for name in ("f", "w", "z") if name in schema.__dataclass_fields__
        )

    def show_graph(self, result: Differentiation, title: Mobject) -> None:
        """f above f'; the point stops where the tangent slope is read against f'."""
        p = self.params
        room = title.get_bottom()[1] + config.frame_height / 2 - EDGE_BUFF - 0.3
        plots = get_fitted_plots(
            result,
            (p.x_range, p.f_range, p.df_range),
            room=room,
            f_numbers=self.f_numbers if p == type(p)() else None,
            df_numbers=self.df_numbers if p == type(p)() else None,
        )
        plots.to_edge(RIGHT, buff=EDGE_BUFF).to_edge(DOWN, buff=EDGE_BUFF)
        tag(plots, "x_range", *self.example_params())
        pair = get_function_pair(result)
        pair.next_to(title, DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        if pair.width > plots.get_left()[0] - pair.get_left()[0] - 0.3:
            pair.scale_to_fit_width(plots.get_left()[0] - pair.get_left()[0] - 0.3)
        tag(pair, *self.example_params())

        top, bottom = plots.top, plots.bottom
        stops = list(p.stops)
        start = p.x_range[0] + 0.1 * (p.x_range[1] - p.x_range[0])
        t = ValueTracker(start)

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
        link = always_redraw(lambda: get_link(top, bottom, dot, ddot))
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
        readouts = VGroup(*rows).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        readouts.next_to(pair, DOWN, buff=SPACE.large, aligned_edge=LEFT)
        rows[0].number.add_updater(lambda m: m.set_value(t.get_value()))
        rows[1].number.add_updater(lambda m: m.set_value(tangent().slope))
        rows[2].number.add_updater(lambda m: m.set_value(result.df(t.get_value())))

        self.say(
            self.fill(self.graph_caption),
            FadeIn(pair, shift=DOWN * 0.2),
            Create(plots.top),
            Create(plots.bottom),
        )
        self.add(link)
        self.play(FadeIn(dot), FadeIn(ddot), Create(segment), FadeIn(readouts))
        for x_stop in stops:
            self.say(self.stop_caption(result, x_stop), t.animate.set_value(x_stop))
        for r in rows:
            r.number.clear_updaters()
        for redrawn in (dot, segment, ddot, link):  # frozen while they fade: a redraw
            redrawn.clear_updaters()  # may change the family FadeOut interpolates
        self.play(
            *[FadeOut(m) for m in (pair, plots, dot, segment, ddot, link, readouts)]
        )

    def show_summary(self, result: Differentiation, title: Mobject) -> None:
        """The rule above the example's answer, at the size of a beat's main formula."""
        card = get_rule_card(self.rule, size=SIZES.tex_large)
        answer = get_tex(
            rf"\frac{{d}}{{dx}} {_wrap(result.expr_latex)}",
            "=",
            result.result_latex,
            size=SIZES.tex_large,
        )
        answer[2].set_color(PALETTE.tangent)
        group = VGroup(card, get_card(answer)).arrange(DOWN, buff=SPACE.large)
        self.stage(group)
        tag(group, *self.example_params())
        self.say(self.fill(self.summary_caption), FadeIn(group, lag_ratio=0.3))


def get_part_fields(w: str, z: str) -> dict[str, str]:
    """Caption fields for a rule on two parts: ``w``, ``z`` and their derivatives."""
    return {
        "w": expr_text(parse(w)),
        "z": expr_text(parse(z)),
        "dw": expr_text(differentiate(w).simplified),
        "dz": expr_text(differentiate(z).simplified),
    }
