"""Expressions as subtitle text: ``x⁴``, ``1 - x²``, ``(x² + 1)²``, never code strings.

The subtitles are also the voice script, so an expression is written the way
the screen shows it: descending powers with a positive term first (``1 - x²``,
not sympy's ``-x^2 + 1``), exponents as Unicode superscripts, no ``*`` or
``**``. :func:`scenes.common.narration.speakable` reads the superscripts as
words (``x²``: x squared). Numbers inside expressions go through
:func:`scenes.common.numbers.fmt`.
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.printing.str import StrPrinter  # type: ignore[import-untyped]

from mathkit.expr import plain
from scenes.common.narration import normalize, speakable
from scenes.common.numbers import fmt, superscript


class _SubtitlePrinter(StrPrinter):
    """sympy's str printer in the course's order, with superscript powers."""

    def _print_Add(self, expr: sp.Expr, order: str | None = None) -> str:
        terms = list(expr.as_ordered_terms(order="lex"))
        if terms[0].could_extract_minus_sign():
            positive = [t for t in terms if not t.could_extract_minus_sign()]
            if positive:  # 1 - x², not -x² + 1
                terms.remove(positive[0])
                terms.insert(0, positive[0])
        out = ""
        for term in terms:
            if term.could_extract_minus_sign():
                body = self._print(-term)
                out += f" - {body}" if out else f"-{body}"
            else:
                out += f" + {self._print(term)}" if out else self._print(term)
        return out

    def _print_Mul(self, expr: sp.Expr) -> str:
        if expr.could_extract_minus_sign():
            return "-" + self._print(-expr)
        numer, denom = sp.fraction(expr)
        if denom != 1:
            top, bottom = self._paren(numer), self._paren(denom)
            return f"{top}/{bottom}"
        coeff, rest = expr.as_coeff_Mul()
        factors = [self._paren(f) for f in sp.Mul.make_args(rest)]
        body = "·".join(factors) if len(factors) > 1 else factors[0]
        # 2x, 3(x + 1), x(x - 1): no sign between a number and a letter or bracket
        if len(factors) > 1 and all(
            f[:1].isalpha() or f[:1] == "(" for f in factors[1:]
        ):
            body = "".join(factors)
        if coeff == 1:
            return body
        return f"{self._print(coeff)}{body}"

    def _print_Pow(self, expr: sp.Expr, rational: bool = False) -> str:
        base, exp = expr.as_base_exp()
        if exp == sp.Rational(1, 2):
            return f"√{self._paren(base)}"
        if exp.is_Integer and exp < 0:
            return f"1/{self._paren(base ** (-exp))}"
        if exp.is_Integer:
            return f"{self._paren(base)}{superscript(int(exp))}"
        return f"{self._paren(base)} to the power {self._print(exp)}"

    def _print_Rational(self, expr: sp.Expr) -> str:
        return f"{expr.p}/{expr.q}"

    def _print_Float(self, expr: sp.Expr) -> str:
        return fmt(float(expr))

    def _paren(self, expr: sp.Expr) -> str:
        text = self._print(expr)
        compound = isinstance(expr, sp.Add) or (
            isinstance(expr, sp.Mul | sp.Rational) and not expr.is_Integer
        )
        if compound or text.startswith("-"):
            return f"({text})"
        return text


def expr_text(expr: sp.Expr) -> str:
    """``expr`` as subtitle text: ``375(x + 5)²``, ``1 - x²``, ``x/(x² + 1)``."""
    return _SubtitlePrinter().doprint(sp.sympify(expr))


def expr_words(expr: sp.Expr | str) -> str:
    """``expr`` in words, for a line the voice reads: ``x squared minus y squared``.

    Powers spoken (:func:`~scenes.common.narration.speakable`), ``+``/``-`` as plus
    and minus, ``/`` as over, a positive term first (``1 minus x squared``, not
    sympy's ``-x^2 + 1``), and no code strings (``x^2``, ``*``). A string is taken
    as already printed (``plain`` text or TeX read aloud).
    """
    text = plain(expr) if isinstance(expr, sp.Expr) else str(expr)
    if isinstance(expr, sp.Add) and text.startswith("-"):
        terms = [t for t in expr.as_ordered_terms() if not t.could_extract_minus_sign()]
        terms += [t for t in expr.as_ordered_terms() if t.could_extract_minus_sign()]
        if not terms[0].could_extract_minus_sign():
            text = plain(terms[0]) + "".join(
                f" - {plain(-t)}" if t.could_extract_minus_sign() else f" + {plain(t)}"
                for t in terms[1:]
            )
    text = speakable(text.replace("*", " "))
    text = re.sub(r"^-\s*", "minus ", text)
    text = text.replace(" + ", " plus ").replace(" - ", " minus ")
    text = re.sub(r"\s*/\s*", " over ", text)
    return normalize(text.replace("(-", "(minus "))


def tex_text(tex: str) -> str:
    """A monomial's LaTeX as subtitle text: ``\\pi r^{2} l`` -> ``pi r² l``.

    For formulas the scenes print in their own variable order (``ordered_latex``);
    the powers become superscripts, as :func:`expr_text` writes them.
    """
    text = re.sub(r"\^\{?(-?\d+)\}?", lambda m: superscript(int(m.group(1))), tex)
    return normalize(text.replace("\\pi", "pi ").replace("\\,", " "))
