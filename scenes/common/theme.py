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


SIZES: Final = Sizes()

MIN_TEXT_HEIGHT: Final = 0.16
"""Smallest height (scene units) a lower-case glyph may have: about 10 px at 480p."""

FONT: Final = "DejaVu Sans"
MONO_FONT: Final = "DejaVu Sans Mono"

EDGE_BUFF: Final = 0.35
"""Safe margin (scene units) that text keeps from the frame edge."""

TEX_TO_COLOR: Final[dict[str, str]] = {
    "u": PALETTE.accent,
    "f": PALETTE.curve,
}
