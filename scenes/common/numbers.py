"""Numbers as the course writes them, on screen and in subtitles: the one formatter.

:func:`fmt` turns a float from mathkit into text (``7``, ``-2.2``, ``6.000001``,
``18.850``, ``+5``); :func:`tex_sci` writes a very large or small number for
LaTeX as ``m \\times 10^{e}``; :func:`format_delta` writes a step Delta x;
:func:`superscript` writes an exponent in Unicode for plain text (10⁻³);
:func:`line_equation` writes a line ``y = mx + b`` with rounded coefficients;
:func:`pi_text` writes a number as Python would (``pi/2``, ``0.25``).
Scenes and factories format numbers only through these (no private copies).
"""

from __future__ import annotations

import math

import sympy as sp


def fmt(
    value: float,
    places: int = 6,
    *,
    significant: int | None = None,
    trim: bool = True,
    sign: bool = False,
) -> str:
    """``value`` rounded for display, without float noise.

    - ``places``: that many decimals, trailing zeros dropped (9.000000 -> 9,
      -2.2000 -> -2.2); with ``trim=False`` the zeros stay (18.850) but a whole
      number is still written without decimals (6);
    - ``significant``: that many significant digits instead (general format,
      1.9989999999999712 -> 1.999 with 4; a whole number is written in full);
    - ``sign``: always write the sign (+5, -0.5).

    A result that rounds to zero is written ``0``, never ``-0``.
    """
    plus = "+" if sign else ""
    if significant is not None and float(value).is_integer():
        text = f"{value:{plus}.0f}"
    elif significant is not None:
        text = f"{value:{plus}.{significant}g}"
    elif not trim:
        whole = float(value).is_integer()
        text = f"{value:{plus}.0f}" if whole else f"{value:{plus}.{places}f}"
    else:
        text = f"{value:{plus}.{places}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "+0", "") and not sign else text


def tex_sci(value: float) -> str:
    """TeX for a number: plain when moderate, ``m \\times 10^{e}`` when very large or small."""
    if value != 0 and not 1e-3 <= abs(value) < 1e4:
        mantissa, exponent = f"{value:e}".split("e")
        m = f"{float(mantissa):g}"
        power = rf"10^{{{int(exponent)}}}"
        return power if m == "1" else rf"{m} \times {power}"
    return f"{value:g}"


def format_delta(dx: float) -> str:
    """LaTeX for a delta x: ``10^{-6}`` for small powers of ten, ``0.1`` or ``3`` otherwise."""
    exponent = math.log10(abs(dx)) if dx else 0.0
    if dx > 0 and exponent <= -3 and abs(exponent - round(exponent)) < 1e-9:
        return rf"10^{{{round(exponent)}}}"
    return f"{dx:g}"


def superscript(k: int) -> str:
    """``k`` as Unicode superscript digits, for Text (``-3`` -> ``⁻³``)."""
    return str(k).translate(str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻"))


def line_equation(slope: float, intercept: float, places: int = 4) -> str:
    """``y = 1.0403x + 0.3012``: a line with coefficients rounded by :func:`fmt`.

    For a line whose numbers are not short (a variant's tangent); TeX and text
    alike. Zero terms are left out (``y = 2``, ``y = -x``). The exact form of a
    tangent with short numbers is ``mathkit.numeric.Tangent.latex``.
    """
    m, b = float(fmt(slope, places)), float(fmt(intercept, places))
    if m == 0:
        return f"y = {fmt(b, places)}"
    mx = "x" if m == 1 else "-x" if m == -1 else f"{fmt(m, places)}x"
    if b == 0:
        return f"y = {mx}"
    return f"y = {mx} {'+' if b > 0 else '-'} {fmt(abs(b), places)}"


def pi_text(value: float) -> str:
    """``value`` as Python source: ``pi/2`` for a simple multiple of pi, else ``1``, ``0.25``."""
    exact = sp.nsimplify(value, [sp.pi])
    return sp.sstr(exact) if exact.has(sp.pi) or exact.is_Integer else f"{value:g}"
