"""2.7 The Product Rule.

Learning goal: differentiate a product as d/dx (w z) = w dz/dx + z dw/dx; see
why on a growing rectangle (area w z: a nudge adds a strip w dz, a strip z dw
and a corner dw dz that vanishes in the limit); work the course example
(x^2 + 2x + 2)(x - 1) -> 3x^2 + 2x, cross-check it by multiplying out first,
and see on the graph that 3x^2 + 2x is the tangent slope. Expressions and
numbers come from ``mathkit.rules``; a variant gives its own factors w and z.
"""

from __future__ import annotations

from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    MathTex,
    Mobject,
    Rectangle,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    config,
)

from mathkit.rules import (
    Differentiation,
    X,
    differentiate,
    expand_then_differentiate,
)
from scenes.common.math_text import expr_text
from scenes.common.mobjects import get_tex, get_text
from scenes.common.params import tag
from scenes.common.rules_parts import RuleScene, get_part_fields, number_text
from scenes.common.schemas_rules import ProductRuleParams, rectangle_x
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

WIDTH, HEIGHT = 4.0, 2.4
"""On-screen sides of the rectangle w by z (the sides are labelled with their values)."""
GROWTH = 0.3
"""The larger side grows by this share of itself at the widest nudge."""


def _rect(width: float, height: float, color: str, opacity: float) -> Rectangle:
    return Rectangle(
        width=max(width, 1e-3),
        height=max(height, 1e-3),
        stroke_color=color,
        stroke_width=2,
        fill_color=color,
        fill_opacity=opacity,
    )


def _growth_tex(total: str, top: str, side: str, corner: str) -> MathTex:
    """``total = top + side + corner``, each part in its strip's colour."""
    tex = get_tex(total, "=", top, "+", side, "+", corner, size=SIZES.tex)
    tex[2].set_color(PALETTE.accent)
    tex[4].set_color(PALETTE.tangent)
    tex[6].set_color(PALETTE.muted)
    return tex


class ProductRule(RuleScene):
    """Beats: title, rule, why, work, check-expand, check, summary.

    Parameters (``self.params``, :class:`scenes.common.schemas_rules.ProductRuleParams`):
    the factors ``w`` and ``z`` and the x range.
    """

    params_schema = ProductRuleParams
    rule = "product"
    intro = "Now two functions multiplied together: {w} times {z}."
    rule_caption = (
        "The product rule: w times the derivative of z, plus z times the "
        "derivative of w. Each factor takes a turn being differentiated."
    )
    work_captions = (
        "Here w is {w} and z is {z}. Write out the rule.",
        "dz/dx is {dz} and dw/dx is {dw}.",
        "Multiply out and collect terms: {df}.",
    )
    summary_caption = (
        "Product rule: each factor in turn is differentiated while the other is"
        " kept. {f} gives {df}."
    )

    def caption_fields(self, result: Differentiation) -> dict[str, str]:
        """Adds the factors ``w`` and ``z`` and their derivatives ``dw`` and ``dz``."""
        p = self.params
        fields = {**super().caption_fields(result), **get_part_fields(p.w, p.z)}
        fields["f"] = f"({fields['w']})({fields['z']})"
        return fields

    def why_beat(self, result: Differentiation) -> None:
        """The growing rectangle: area w z, strips w dz and z dw, corner dw dz."""
        p = self.params
        x1 = rectangle_x(p)
        assert x1 is not None  # the schema refuses factors without such a point
        w, z = differentiate(p.w), differentiate(p.z)
        w1, z1, dw1, dz1 = w.f(x1), z.f(x1), w.df(x1), z.df(x1)
        rate_w, rate_z = dw1 / w1, dz1 / z1
        widest = GROWTH / max(rate_w, rate_z)
        nudge = ValueTracker(0.0)

        def sides() -> tuple[float, float]:
            d = nudge.get_value()
            return WIDTH * rate_w * d, HEIGHT * rate_z * d

        base = _rect(WIDTH, HEIGHT, PALETTE.curve, 0.35)
        base.next_to(
            VGroup(self.title, self.rule_card), DOWN, buff=SPACE.section
        ).to_edge(LEFT, buff=EDGE_BUFF + SPACE.section * 1.5)
        corner = base.get_corner(DL)

        def strip_right() -> Rectangle:  # z dw
            dw, _ = sides()
            return _rect(dw, HEIGHT, PALETTE.tangent, 0.55).move_to(
                corner + RIGHT * (WIDTH + dw / 2) + UP * HEIGHT / 2
            )

        def strip_top() -> Rectangle:  # w dz
            _, dz = sides()
            return _rect(WIDTH, dz, PALETTE.accent, 0.55).move_to(
                corner + RIGHT * WIDTH / 2 + UP * (HEIGHT + dz / 2)
            )

        def corner_piece() -> Rectangle:  # dw dz
            dw, dz = sides()
            return _rect(dw, dz, PALETTE.muted, 0.8).move_to(
                corner + RIGHT * (WIDTH + dw / 2) + UP * (HEIGHT + dz / 2)
            )

        right, top, tip = (
            always_redraw(strip_right),
            always_redraw(strip_top),
            always_redraw(corner_piece),
        )
        w_label = get_tex(f"w = {number_text(w1)}", size=SIZES.tex_small)
        w_label.next_to(base, DOWN, buff=SPACE.small)
        z_label = get_tex(f"z = {number_text(z1)}", size=SIZES.tex_small)
        z_label.next_to(base, LEFT, buff=SPACE.small)
        area = get_tex(r"w\,z", size=SIZES.tex_small).move_to(base)
        at = get_text(
            f"at x = {number_text(x1)}", size=SIZES.small, color=PALETTE.subtle
        )
        at.next_to(w_label, DOWN, buff=SPACE.snug)
        strip_labels = VGroup(
            get_tex(r"w\,dz", color=PALETTE.accent, size=SIZES.tex_small),
            get_tex(r"z\,dw", color=PALETTE.tangent, size=SIZES.tex_small),
        )
        growth = _growth_tex(r"d(wz)", r"w\,dz", r"z\,dw", r"dw\,dz")
        rule = _growth_tex(
            r"\frac{d(wz)}{dx}",
            r"w\,\frac{dz}{dx}",
            r"z\,\frac{dw}{dx}",
            r"dw\,\frac{dz}{dx}",
        )
        algebra = VGroup(growth, rule).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.medium
        )
        right_edge = config.frame_width / 2 - EDGE_BUFF - 0.2
        # the side strip at its widest, then its label, keep clear of the algebra
        side = (
            WIDTH * rate_w * widest + SPACE.tight + strip_labels[1].width + SPACE.medium
        )
        room = right_edge - (base.get_right()[0] + max(1.4, side))
        if algebra.width > room:
            algebra.scale_to_fit_width(room)
        algebra.align_to(base, UP).shift(RIGHT * (right_edge - algebra.get_right()[0]))
        tag(VGroup(base, w_label, z_label, at, algebra), "w", "z")
        self.say(
            f"Why? Picture the product as a rectangle. At x = {number_text(x1)} its"
            f" width is w = {number_text(w1)} and its height z = {number_text(z1)}:"
            " its area is w times z.",
            Create(base),
            FadeIn(VGroup(w_label, z_label, area, at)),
        )
        self.add(right, top, tip)
        self.say(
            "Nudge x by a little dx. The width grows by dw and the height by dz:"
            " a strip along the top, a strip down the side, and a tiny corner.",
            nudge.animate.set_value(widest),
        )
        strip_labels[0].next_to(top, UP, buff=SPACE.tight)
        strip_labels[1].next_to(right, RIGHT, buff=SPACE.tight)
        self.say(
            "The area grows by w times dz along the top, z times dw down the side,"
            " and the corner dw times dz.",
            FadeIn(strip_labels),
            Write(growth),
        )
        self.say(
            "Divide by dx: the growth rate of the area is w dz/dx, plus z dw/dx,"
            " plus the corner's share.",
            Write(rule),
        )
        self.say(
            "Now let dx shrink. The corner is a product of two small nudges, so it"
            " vanishes first: w dz/dx plus z dw/dx is left, the product rule.",
            FadeOut(strip_labels),
            nudge.animate.set_value(widest / 8),
            rule[5:].animate.set_opacity(0.25),
            growth[5:].animate.set_opacity(0.25),
        )
        self.play(
            FadeOut(VGroup(base, right, top, tip, w_label, z_label, area, at, algebra))
        )

    def after_work(
        self, result: Differentiation, title: Mobject, working: VGroup
    ) -> VGroup:
        """Check: multiply out first, then only power and sum rules are needed."""
        if not result.expr.is_polynomial(X):
            return working
        self.beat("check-expand")
        check = expand_then_differentiate(result)
        lines = VGroup(
            get_text(
                "Check: multiply out first", size=SIZES.label, color=PALETTE.subtle
            ),
            get_tex(rf"{result.expr_latex} = {check.expr_latex}"),
            get_tex(
                rf"\frac{{d}}{{dx}}\left({check.expr_latex}\right) = {check.result_latex}",
                color=PALETTE.tangent,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        self.play(FadeOut(working))
        lines.next_to(VGroup(title, self.rule_card), DOWN, buff=SPACE.large).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        if lines.width > 13.0:
            lines.scale_to_fit_width(13.0)
        tag(lines, "w", "z")
        self.say(
            "A check: multiply the factors out first. Then only the power and sum"
            " rules are needed.",
            FadeIn(lines[0]),
            Write(lines[1]),
        )
        self.say(
            f"Its derivative is the same, {expr_text(check.simplified)}.",
            Write(lines[2]),
        )
        self.play(FadeOut(lines, shift=LEFT * 0.2))
        return VGroup()
