"""The course theme: palette, fonts and sizes. The only place colours are written.

Scenes and factories import from here; no hex literal appears anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Palette:
    """Colours of the course (dark theme, Catppuccin Mocha tones)."""

    background: str = "#1E1E2E"
    surface: str = "#313244"
    overlay: str = "#45475A"
    text: str = "#CDD6F4"
    subtle: str = "#A6ADC8"
    muted: str = "#9399B2"  # overlay2: 5.8:1 on the background (WCAG AA)
    curve: str = "#89B4FA"  # the function being studied
    tangent: str = "#F9E2AF"  # tangents, slopes, derivatives
    secant: str = "#A6E3A1"  # secants, approximations
    point: str = "#FAB387"  # marked points
    area: str = "#94E2D5"  # integrals, areas
    error: str = "#F38BA8"  # errors, costs, warnings
    accent: str = "#CBA6F7"  # highlights, inner functions
    positive: str = "#A6E3A1"
    negative: str = "#F38BA8"


PALETTE: Final = Palette()


@dataclass(frozen=True)
class Sizes:
    """Font sizes, chosen to read at 480p (frame 8 units = 480 px)."""

    title: int = 44
    heading: int = 36
    body: int = 32
    label: int = 28
    small: int = 24  # the smallest size any text may use
    tex: int = 48  # MathTex body formulas (TeX glyphs set smaller than Text)
    tex_large: int = 60  # the formula a beat is about
    tex_small: int = 38  # secondary formulas, table cells
    code: int = 22  # Code blocks (monospace reads smaller but is denser)
    tick: int = 28  # axis numbers (TeX digits 0.2 units = 12 px tall at 480p)
    axis_label: int = 38  # axis names in TeX: a lower-case x 0.18 units (at 28 it was 0.132, under the 0.16 floor)


SIZES: Final = Sizes()

MIN_TEXT_HEIGHT: Final = 0.16
"""Smallest height (scene units) a lower-case glyph may have: about 10 px at 480p."""

FONT: Final = "DejaVu Sans"
MONO_FONT: Final = "DejaVu Sans Mono"

EDGE_BUFF: Final = 0.35
"""Safe margin (scene units) that every visible mobject (text, cards, panels) keeps from the frame edge."""


@dataclass(frozen=True)
class Spacing:
    """Named layout tokens (scene units) for every ``buff=`` and gap: no literal spacing in scenes."""

    hair: float = 0.05  # a rule under a header, a glyph nudge
    tight: float = 0.1  # parts of one formula or readout
    snug: float = 0.15  # a tick number to its axis, cells of a grid, rows of a card
    small: float = 0.2  # label to its object, rows of a list
    medium: float = 0.35  # between related groups; the gap under the title
    large: float = 0.6  # between unrelated groups
    section: float = 1.0  # between the halves of a frame


SPACE: Final = Spacing()

SUBTITLE_ZONE: Final = 0.8
"""Height (scene units) at the bottom of the frame kept free for the player's subtitles
(margin included): the stage ends above it."""

TEX_TO_COLOR: Final[dict[str, str]] = {
    "u": PALETTE.accent,
    "f": PALETTE.curve,
}
