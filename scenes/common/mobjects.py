"""Mobject factories shared by every scene: titles, formulas, axes, readouts.

``get_*`` functions return new mobjects and never touch a scene. Colours and
sizes come from the theme, so every scene looks like one course.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    Axes,
    Line,
    MathTex,
    Mobject,
    RoundedRectangle,
    Tex,
    Text,
    VGroup,
)

from scenes.common.theme import EDGE_BUFF, FONT, PALETTE, SIZES


def get_title(text: str, *, subtitle: str | None = None) -> VGroup:
    """Scene title at the top left with an underline; optional smaller subtitle."""
    title = Text(
        text, font=FONT, font_size=SIZES.title, color=PALETTE.text, weight="BOLD"
    )
    parts: list[Mobject] = [title]
    if subtitle:
        parts.append(
            Text(subtitle, font=FONT, font_size=SIZES.label, color=PALETTE.subtle)
        )
    group = VGroup(*parts).arrange(DOWN, aligned_edge=LEFT, buff=0.15)
    group.to_corner(UL, buff=EDGE_BUFF + 0.1)
    rule = Line(LEFT, RIGHT, color=PALETTE.accent, stroke_width=3)
    rule.scale_to_fit_width(title.width).next_to(
        group, DOWN, buff=0.12, aligned_edge=LEFT
    )
    group.add(rule)
    return group


def get_heading(text: str) -> Text:
    """Section heading text in the theme (not positioned)."""
    return Text(text, font=FONT, font_size=SIZES.heading, color=PALETTE.text)


def get_text(text: str, *, size: int | None = None, color: str | None = None) -> Text:
    """Body text in the course font."""
    return Text(
        text, font=FONT, font_size=size or SIZES.body, color=color or PALETTE.text
    )


def get_tex(
    *parts: str,
    size: int | None = None,
    color: str | None = None,
    colors: dict[str, str] | None = None,
) -> MathTex:
    """A formula in the theme; ``colors`` maps substrings to palette colours."""
    tex = MathTex(
        *parts,
        font_size=size or SIZES.tex,
        color=color or PALETTE.text,
        tex_to_color_map=colors or {},
    )
    return tex


def get_plain_tex(
    text: str, *, size: int | None = None, color: str | None = None
) -> Tex:
    """Text set by LaTeX (mixes words and inline maths)."""
    return Tex(text, font_size=size or SIZES.tex, color=color or PALETTE.text)


def get_card(
    mobject: Mobject, *, buff: float = 0.25, color: str | None = None
) -> VGroup:
    """``mobject`` on a rounded panel, for grouping related formulas."""
    panel = RoundedRectangle(
        corner_radius=0.15,
        width=mobject.width + 2 * buff,
        height=mobject.height + 2 * buff,
        stroke_color=color or PALETTE.overlay,
        stroke_width=2,
        fill_color=PALETTE.surface,
        fill_opacity=0.6,
    ).move_to(mobject)
    return VGroup(panel, mobject)


def get_axes(
    x_range: Sequence[float],
    y_range: Sequence[float],
    *,
    width: float = 6.0,
    height: float = 4.0,
    x_label: str = "x",
    y_label: str = "y",
    numbers: bool = True,
    decimals: int | None = None,
    **kwargs: Any,
) -> Axes:
    """Themed axes with labels; number labels use the small text size.

    ``decimals`` defaults, per axis, to 0 for whole-number tick steps and 1 otherwise.
    """

    def places(r: Sequence[float]) -> int:
        if decimals is not None:
            return decimals
        return 0 if len(r) < 3 or float(r[2]).is_integer() else 1

    x_config = {
        "decimal_number_config": {
            "color": PALETTE.subtle,
            "num_decimal_places": places(x_range),
        }
    }
    y_config = {
        "decimal_number_config": {
            "color": PALETTE.subtle,
            "num_decimal_places": places(y_range),
        }
    }
    x_config.update(kwargs.pop("x_axis_config", {}))
    y_config.update(kwargs.pop("y_axis_config", {}))
    axes = Axes(
        x_range=list(x_range),
        y_range=list(y_range),
        x_length=width,
        y_length=height,
        tips=False,
        axis_config={
            "color": PALETTE.muted,
            "stroke_width": 2,
            "include_numbers": numbers,
            "font_size": SIZES.small,
        },
        x_axis_config=x_config,
        y_axis_config=y_config,
        **kwargs,
    )
    labels = axes.get_axis_labels(
        MathTex(x_label, font_size=SIZES.label, color=PALETTE.subtle),
        MathTex(y_label, font_size=SIZES.label, color=PALETTE.subtle),
    )
    axes.add(labels)
    axes.axis_labels = labels  # type: ignore[attr-defined]
    return axes


def get_graph(
    axes: Axes,
    f: Callable[[float], float],
    *,
    x_range: Sequence[float] | None = None,
    color: str | None = None,
    stroke_width: float = 4,
) -> Mobject:
    """Plot ``f`` on ``axes`` in the curve colour."""
    kwargs: dict[str, Any] = {
        "color": color or PALETTE.curve,
        "stroke_width": stroke_width,
    }
    if x_range is not None:
        kwargs["x_range"] = list(x_range)
    return axes.plot(f, **kwargs)


def get_clipped_graph(
    axes: Axes,
    f: Callable[[float], float],
    *,
    color: str | None = None,
    samples: int = 200,
) -> Mobject:
    """Plot ``f`` on ``axes`` only where it stays inside the y range (no overshoot)."""
    import numpy as np

    (x0, x1), (y0, y1) = axes.x_range[:2], axes.y_range[:2]
    xs = np.linspace(x0, x1, samples)
    inside = [x for x in xs if y0 <= f(x) <= y1]
    if not inside:
        raise ValueError("function never enters the axes' y range")
    return get_graph(axes, f, x_range=[min(inside), max(inside)], color=color)


def get_line_through(
    axes: Axes,
    slope: float,
    intercept: float,
    x_range: Sequence[float],
    *,
    color: str | None = None,
) -> Line:
    """The line y = slope * x + intercept between the two x values of ``x_range``."""
    x0, x1 = x_range[0], x_range[1]
    return Line(
        axes.c2p(x0, slope * x0 + intercept),
        axes.c2p(x1, slope * x1 + intercept),
        color=color or PALETTE.tangent,
        stroke_width=4,
    )


def get_bullets(lines: Sequence[str], *, size: int | None = None) -> VGroup:
    """A left-aligned list of short lines with bullets."""
    rows = [
        VGroup(
            Text("•", font=FONT, font_size=size or SIZES.body, color=PALETTE.accent),
            Text(line, font=FONT, font_size=size or SIZES.body, color=PALETTE.text),
        ).arrange(RIGHT, buff=0.2)
        for line in lines
    ]
    return VGroup(*rows).arrange(DOWN, aligned_edge=LEFT, buff=0.3)


__all__ = [
    "DOWN",
    "UP",
    "get_axes",
    "get_bullets",
    "get_card",
    "get_graph",
    "get_heading",
    "get_line_through",
    "get_plain_tex",
    "get_tex",
    "get_text",
    "get_title",
]
