"""The theme's text colours pass WCAG AA, and the gate's text measures are right.

WCAG 2.1 success criterion 1.4.3: text needs a contrast of 4.5:1 with what is
behind it, large text (18 pt, or 14 pt bold) 3:1. The gate converts the point
sizes to this course's 480p frame (tools.layout_lint.is_large_text); the
em-per-font-size constants it uses are pinned here against the fonts' own cap
heights (DejaVu Sans 1493/2048 em, Computer Modern 0.683 em).
"""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pytest
from manim import Code, DecimalNumber, MathTex, Text, VGroup

from scenes.common.mobjects import get_card
from scenes.common.theme import FONT, MIN_TEXT_HEIGHT, MONO_FONT, PALETTE, SIZES
from tools.layout_lint import (
    CONTRAST_NORMAL,
    LARGE_BOLD_TEXT_PX,
    LARGE_TEXT_PX,
    PX_PER_UNIT,
    TEX_EM_PER_FONT_SIZE,
    TEXT_EM_PER_FONT_SIZE,
    _over,
    _rgb,
    contrast_ratio,
    drawn_height,
    is_large_text,
)

PANELS = {"background", "surface", "overlay"}
"""Fills, not text colours; every other palette colour may colour a label."""
TEXT_COLOURS = [f.name for f in fields(PALETTE) if f.name not in PANELS]
DEJAVU_CAP = 1493 / 2048
CM_CAP = 0.683


def _card_fill() -> np.ndarray:
    panel = get_card(Text("x"))[0]
    return _over(
        _rgb(panel.get_fill_color()), panel.get_fill_opacity(), _rgb(PALETTE.background)
    )


def test_contrast_matches_the_wcag_examples() -> None:
    white, black = np.ones(3), np.zeros(3)
    assert contrast_ratio(white, black) == pytest.approx(21.0)
    assert contrast_ratio(black, black) == pytest.approx(1.0)
    # #767676 on white is the classic lightest grey that passes 4.5:1.
    assert contrast_ratio(_rgb("#767676"), white) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("name", TEXT_COLOURS)
def test_text_colour_passes_on_the_background(name: str) -> None:
    ratio = contrast_ratio(_rgb(getattr(PALETTE, name)), _rgb(PALETTE.background))
    assert ratio >= CONTRAST_NORMAL, f"PALETTE.{name}: {ratio:.2f}:1"


@pytest.mark.parametrize("name", TEXT_COLOURS)
def test_text_colour_passes_on_a_card(name: str) -> None:
    ratio = contrast_ratio(_rgb(getattr(PALETTE, name)), _card_fill())
    assert ratio >= CONTRAST_NORMAL, f"PALETTE.{name} on a card: {ratio:.2f}:1"


def test_em_constants_match_the_fonts() -> None:
    size = SIZES.tex
    text_cap = Text("H", font=FONT, font_size=size).height
    assert text_cap == pytest.approx(
        DEJAVU_CAP * size * TEXT_EM_PER_FONT_SIZE, rel=0.03
    )
    tex_cap = MathTex("H", font_size=size).height
    assert tex_cap == pytest.approx(CM_CAP * size * TEX_EM_PER_FONT_SIZE, rel=0.03)


def test_large_text_follows_wcag_in_480p_pixels() -> None:
    # 24 px em (18 pt) for regular text, 18.66 px (14 pt) for bold.
    regular = LARGE_TEXT_PX / (TEXT_EM_PER_FONT_SIZE * PX_PER_UNIT)
    bold = LARGE_BOLD_TEXT_PX / (TEXT_EM_PER_FONT_SIZE * PX_PER_UNIT)
    assert is_large_text(Text("a", font=FONT, font_size=regular + 0.5))
    assert not is_large_text(Text("a", font=FONT, font_size=regular - 0.5))
    assert is_large_text(Text("a", font=FONT, font_size=bold + 0.5, weight="BOLD"))
    assert not is_large_text(Text("a", font=FONT, font_size=bold - 0.5, weight="BOLD"))
    assert is_large_text(Text("T", font=FONT, font_size=SIZES.title, weight="BOLD"))
    assert not is_large_text(Text("a", font=FONT, font_size=SIZES.small))
    # TeX sets smaller: a formula at the Text's size is not large.
    assert not is_large_text(MathTex("a", font_size=regular + 0.5))
    # Scaling counts: the size as drawn decides.
    assert not is_large_text(
        VGroup(Text("a", font=FONT, font_size=regular + 2)).scale(0.5)[0]
    )


def test_drawn_height_follows_scaling() -> None:
    digits = DecimalNumber(1.5, num_decimal_places=1, font_size=SIZES.small)
    before = drawn_height(digits)
    assert before is not None
    assert before >= MIN_TEXT_HEIGHT
    VGroup(digits).scale(0.85)
    after = drawn_height(digits)
    assert after == pytest.approx(before * 0.85)
    assert after < MIN_TEXT_HEIGHT


def test_drawn_height_ignores_primes_and_dots() -> None:
    plain, primed = MathTex("f(x)"), MathTex("f'(x)")
    assert drawn_height(primed) == pytest.approx(drawn_height(plain))
    # The digits, not the decimal point or the minus sign.
    digits = drawn_height(DecimalNumber(-1.5, num_decimal_places=1))
    assert digits == pytest.approx(drawn_height(DecimalNumber(15)), rel=0.05)
    # Lower-case text: the x-height.
    assert drawn_height(Text("Hello", font=FONT)) == pytest.approx(
        drawn_height(Text("eo", font=FONT)), rel=0.02
    )


def test_drawn_height_of_an_accented_letter_is_the_letter() -> None:
    # \hat y: the hat sits above the y; that is an accent, not text set vertically.
    hat = MathTex(r"\hat y", font_size=SIZES.tex_small)
    assert drawn_height(hat) == pytest.approx(
        drawn_height(MathTex("y", font_size=SIZES.tex_small)), rel=0.02
    )


def test_drawn_height_of_code_measures_its_letters() -> None:
    # A Code block's commas and "=" are marks, as in a Text: its letters are measured.
    source = "x = torch.tensor(5.0, requires_grad=True)\ny = x**2"
    code = Code(
        code_string=source,
        language="python",
        add_line_numbers=True,
        paragraph_config={"font": MONO_FONT, "font_size": SIZES.code},
    )
    letters = Text("x torch", font=MONO_FONT, font_size=SIZES.code)
    assert drawn_height(code) == pytest.approx(drawn_height(letters), rel=0.02)
    assert drawn_height(code) >= MIN_TEXT_HEIGHT


def test_drawn_height_measures_letters_not_marks() -> None:
    # A bullet or an arrow is a mark: a lone bullet has nothing to measure.
    assert drawn_height(Text("•", font=FONT, font_size=SIZES.body)) is None
    arrow = Text("auc → 0.75", font=FONT, font_size=SIZES.small)
    assert drawn_height(arrow) == pytest.approx(
        drawn_height(Text("auc 0.75", font=FONT, font_size=SIZES.small))
    )


def test_drawn_height_of_rotated_text_is_measured_across() -> None:
    flat = Text("actual", font=FONT, font_size=SIZES.label)
    upright = drawn_height(flat)
    assert drawn_height(flat.copy().rotate(np.pi / 2)) == pytest.approx(upright)
    small = Text("actual", font=FONT, font_size=SIZES.label).scale(0.5)
    assert drawn_height(small.rotate(np.pi / 2)) < MIN_TEXT_HEIGHT


def test_drawn_height_ignores_a_comma() -> None:
    # A comma hangs below the baseline and is about as tall as an x: a mark, not text
    # (DeltaMethod's "m = -1, y = -x - 2" was measured by its comma).
    with_comma = MathTex(r"m = -1, \quad y = -x - 2")
    assert drawn_height(with_comma) == pytest.approx(
        drawn_height(MathTex("m = -1")), rel=0.02
    )
