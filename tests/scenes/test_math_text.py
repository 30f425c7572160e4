"""Formulas as subtitles and as spoken words: one home (scenes/common/math_text.py).

The screen, the subtitle and the voice say the same formula in the same order:
a positive term first, powers as superscripts on screen and as words aloud, no
code strings (``x^2``, ``*``, ``1e-06``).
"""

from __future__ import annotations

import pytest
import sympy as sp

from mathkit.expr import parse
from scenes.common.math_text import expr_text, expr_words, tex_text


@pytest.mark.parametrize(
    ("expr", "words"),
    [
        ("x^2 + 2x + 2", "x squared plus 2x plus 2"),
        ("x^3 - 3x", "x cubed minus 3x"),
        ("(x^2 - 1)/(x - 1)", "(x squared minus 1) over (x minus 1)"),
        ("-x^4 + 1", "1 minus x to the power 4"),
        ("x^2 - y^2", "x squared minus y squared"),
        ("-2y", "minus 2y"),
    ],
)
def test_expr_words_reads_as_words(expr: str, words: str) -> None:
    said = expr_words(parse(expr, ("x", "y")))
    assert said == words
    assert "^" not in said
    assert "*" not in said


@pytest.mark.parametrize(
    ("expr", "text"),
    [
        ("3x^2", "3x²"),
        ("x^3/3", "x³/3"),
        ("-x^2 + 1", "1 - x²"),
        ("exp(-x^2)", "exp(-x²)"),  # integral_parts.spoken dropped this bracket
    ],
)
def test_expr_text_prints_as_the_screen_does(expr: str, text: str) -> None:
    assert expr_text(parse(expr)) == text


def test_tex_text_keeps_the_scenes_order_and_writes_powers_as_superscripts() -> None:
    r, length = sp.symbols("r l")
    assert tex_text(r"\pi r^{2} l") == "pi r² l"
    assert tex_text(r"2 \pi r l") == "2 pi r l"
    assert tex_text(sp.latex(6 * sp.pi)) == "6 pi"
    assert "^" not in tex_text(sp.latex(sp.pi * r**2 * length))
