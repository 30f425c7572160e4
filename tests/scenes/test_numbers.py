"""scenes.common.numbers: the one number formatter, against the forms the course prints."""

from __future__ import annotations

import math
from typing import Any

import pytest

from scenes.common.numbers import (
    fmt,
    format_delta,
    line_equation,
    pi_text,
    superscript,
    tex_sci,
)


@pytest.mark.parametrize(
    ("value", "kwargs", "text"),
    [
        (9.0, {}, "9"),
        (-2.2, {}, "-2.2"),
        (6.000001000088901, {}, "6.000001"),
        (100.0, {"places": 0}, "100"),  # no zeros stripped from a whole number
        (-1e-9, {}, "0"),  # never "-0"
        (60.3729, {"places": 2}, "60.37"),
        (18.85, {"places": 3, "trim": False}, "18.850"),
        (6.0, {"places": 3, "trim": False}, "6"),
        (1.9989999999999712, {"significant": 4}, "1.999"),
        (12345.0, {"significant": 4}, "12345"),
        (5.0, {"significant": 6, "sign": True}, "+5"),
        (-0.5, {"significant": 6, "sign": True}, "-0.5"),
    ],
)
def test_fmt(value: float, kwargs: dict[str, Any], text: str) -> None:
    assert fmt(value, **kwargs) == text


def test_tex_sci_and_format_delta() -> None:
    assert tex_sci(2.5e-7) == r"2.5 \times 10^{-7}"
    assert tex_sci(1e6) == "10^{6}"
    assert tex_sci(12.5) == "12.5"
    assert format_delta(1e-6) == "10^{-6}"
    assert format_delta(0.1) == "0.1"
    assert superscript(4) == "⁴"
    assert superscript(-3) == "⁻³"


@pytest.mark.parametrize(
    ("slope", "intercept", "text"),
    [
        (
            math.cos(1) + 0.5,
            math.sin(1) + 0.5 - (math.cos(1) + 0.5),
            "y = 1.0403x + 0.3012",
        ),
        (9.0, -16.0, "y = 9x - 16"),
        (1e-13, 2.0, "y = 2"),
        (-1.0, 0.0, "y = -x"),
        (1.0, -0.5, "y = x - 0.5"),
    ],
)
def test_line_equation(slope: float, intercept: float, text: str) -> None:
    assert line_equation(slope, intercept) == text


def test_pi_text_writes_python() -> None:
    assert [pi_text(v) for v in (math.pi / 2, math.pi, 0.25, 3.0, -1.0)] == [
        "pi/2",
        "pi",
        "0.25",
        "3",
        "-1",
    ]
