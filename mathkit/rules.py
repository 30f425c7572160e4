"""Differentiation by rules, recording which rule applies at each step.

The rules of content spec 2d-2i (Stewart, *Calculus*, sections 3.1-3.4):

* constant          d/dx c = 0
* power             d/dx x^n = n x^(n-1)
* constant multiple d/dx (c y) = c dy/dx
* sum               d/dx (y + w) = dy/dx + dw/dx
* product           d/dx (w z) = w dz/dx + z dw/dx
* quotient          d/dx (w / z) = (z dw/dx - w dz/dx) / z^2
* chain             dy/dx = dy/du du/dx   (delegated to :mod:`mathkit.chain_rule`)

plus ``elementary`` for a table derivative of sin, cos, exp, log... applied to x itself.
:func:`differentiate` walks a parsed expression top-down and returns every step
with its LaTeX so a scene can show the working; :func:`product_rule` and
:func:`quotient_rule` do the same with the two factors in the order the course
writes them. The results also evaluate f and f' as floats and give tangent lines.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

import sympy as sp

from mathkit.chain_rule import chain_rule, decompose
from mathkit.data import DELTA_POINT_X, VERTEX_X
from mathkit.expr import latex, parse, symbol
from mathkit.numeric import Tangent, compile_expr

X = symbol("x")

RULE_NAMES: Final[tuple[str, ...]] = (
    "constant",
    "power",
    "constant multiple",
    "sum",
    "product",
    "quotient",
    "chain",
    "elementary",
)
"""Every rule name a :class:`RuleStep` can carry."""

RULE_STATEMENTS: Final[dict[str, str]] = {
    "constant": r"\frac{d}{dx} c = 0",
    "power": r"\frac{d}{dx} x^{n} = n x^{n-1}",
    "constant multiple": r"\frac{d}{dx}(c y) = c \frac{dy}{dx}",
    "sum": r"\frac{d}{dx}(y + w) = \frac{dy}{dx} + \frac{dw}{dx}",
    "product": r"\frac{d}{dx}(w z) = w \frac{dz}{dx} + z \frac{dw}{dx}",
    "quotient": r"\frac{d}{dx}\frac{w}{z} = \frac{z \dfrac{dw}{dx} - w \dfrac{dz}{dx}}{z^{2}}",
    "chain": r"\frac{dy}{dx} = \frac{dy}{du} \cdot \frac{du}{dx}",
}
"""Each rule as the course states it (content spec 2d-2i, table of rules)."""

# Course examples (content spec 2d-2i, table of rules and the extra exercise set).
CONSTANT_EXAMPLE: Final = "25"
POWER_EXAMPLE: Final = "x^4"
CONSTANT_MULTIPLE_EXAMPLE: Final = "2x^4"
SUM_EXAMPLE: Final = "x^2 + 2x + 2"
PRODUCT_FACTORS: Final[tuple[str, str]] = ("x^2 + 2x + 2", "x - 1")
QUOTIENT_PARTS: Final[tuple[str, str]] = ("x", "x^2 + 1")
QUOTIENT_LIMIT_PARTS: Final[tuple[str, str]] = ("x^2 - 1", "x - 1")


@dataclass(frozen=True, slots=True)
class RuleWindow:
    """Where a rule scene plots its course example: the x axis, the f and f' axes
    (start, end, step), and the x values its f/f' check stops at."""

    x_range: tuple[float, float, float]
    f_range: tuple[float, float, float]
    df_range: tuple[float, float, float]
    stops: tuple[float, ...]


COURSE_WINDOWS: Final[dict[str, RuleWindow]] = {
    "PowerRule": RuleWindow(
        (-1.5, 1.5, 0.5), (0.0, 5.0, 1.0), (-12.0, 12.0, 6.0), (-1.0, 1.0)
    ),
    "ConstantMultipleRule": RuleWindow(
        (-1.5, 1.5, 0.5), (0.0, 10.0, 2.0), (-24.0, 24.0, 12.0), (-1.0, 1.0)
    ),
    "SumRule": RuleWindow(
        (-3.0, 2.0, 1.0), (0.0, 12.0, 3.0), (-4.0, 6.0, 2.0), (DELTA_POINT_X, VERTEX_X)
    ),
    "ProductRule": RuleWindow(
        (-2.0, 1.5, 0.5), (-6.0, 4.0, 2.0), (-2.0, 10.0, 2.0), (-1.5, 1.0)
    ),
    "QuotientRule": RuleWindow(
        (-4.0, 4.0, 1.0), (-0.6, 0.6, 0.3), (-0.4, 1.2, 0.4), (-1.0, 1.0)
    ),
}
"""The rule scenes' plot windows for the course examples, chosen to hold each curve
(tests/mathkit/test_rules.py checks every f and f' stays inside its window). The
sum rule stops at the delta method's point and the parabola's vertex."""

CHAIN_CHECK_WINDOW: Final[
    tuple[tuple[float, float, float], tuple[float, float, float]]
] = (
    (-1.2, 0.9, 0.5),
    (0.0, 12.0, 2.0),
)
"""(x axis, y axis) of the ChainRule scene's tangent check on (3x + 1)^2 around x = 0.2."""


EXTRA_EXERCISES: Final[tuple[str, ...]] = (
    "2x^3 - 4x + 7",
    "x^-2",
    "sqrt(x)",
    "(x^2 + 1)^3",
)


@dataclass(frozen=True, slots=True)
class RuleStep:
    """One application of a rule.

    ``applied`` writes the rule out with the expression's parts and the inner
    derivatives still as d/dx operators; ``substituted`` has those derivatives
    worked out but not simplified; ``result`` is the simplified derivative.
    ``depth`` is 0 for the outermost step, 1 for its parts, and so on.
    """

    rule: str
    expr_latex: str
    applied_latex: str
    substituted_latex: str
    result_latex: str
    depth: int


@dataclass(frozen=True, slots=True)
class Differentiation:
    """The derivative of ``expr`` and the rules that produced it, top-down."""

    expr: sp.Expr
    expr_latex: str
    derivative: sp.Expr  # as the rules built it, unsimplified
    simplified: sp.Expr
    steps: tuple[RuleStep, ...]
    _f: Callable[[float], float] = field(repr=False, compare=False)
    _df: Callable[[float], float] = field(repr=False, compare=False)

    @property
    def rule(self) -> str:
        """The rule applied first (to the whole expression)."""
        return self.steps[0].rule

    @property
    def rules(self) -> tuple[str, ...]:
        """The rules of every step, in order."""
        return tuple(s.rule for s in self.steps)

    @property
    def result_latex(self) -> str:
        """LaTeX of the simplified derivative."""
        return _result_latex(self.simplified)

    @property
    def expanded(self) -> sp.Expr:
        """The derivative with every product multiplied out."""
        return sp.expand(self.simplified)

    @property
    def factored(self) -> sp.Expr:
        """The derivative factored over the rationals."""
        return sp.factor(self.simplified)

    @property
    def undefined_at(self) -> tuple[float, ...]:
        """Real x where the expression's denominator is zero, ascending."""
        denom = sp.fraction(sp.together(self.expr))[1]
        if not denom.has(X):
            return ()
        roots = sp.solveset(denom, X, domain=sp.S.Reals)
        if roots is sp.S.EmptySet:
            return ()
        if not isinstance(roots, sp.FiniteSet):
            raise ValueError(f"cannot list the zeros of the denominator {denom}")
        return tuple(sorted(float(r) for r in roots))

    def f(self, x: float) -> float:
        """f(x) as a float, for plotting."""
        return _call(self._f, x, "f")

    def df(self, x: float) -> float:
        """f'(x) as a float, for plotting."""
        return _call(self._df, x, "f'")

    def tangent(self, x0: float) -> Tangent:
        """Tangent at x0: slope m = f'(x0), intercept b = f(x0) - m x0."""
        y0 = self.f(x0)
        slope = self.df(x0)
        return Tangent(x=float(x0), y=y0, slope=slope)


def differentiate(text: str) -> Differentiation:
    """Differentiate ``text`` (parsed by :func:`mathkit.expr.parse`) rule by rule.

    The expression is split top-down: a constant, x^n, a constant times a term,
    a sum, a quotient (a factor with x in the denominator), a product, or a
    composite f(g(x)) (chain rule, Stewart section 3.4, via
    :func:`mathkit.chain_rule.chain_rule`).

    Raises
    ------
    ValueError
        If the expression does not parse, or uses a variable exponent such as 2^x.
    """
    expr = parse(text, ("x",))
    steps: list[RuleStep] = []
    derivative = _diff(expr, 0, steps)
    return _result(expr, latex(expr), derivative, steps)


def product_rule(w: str, z: str) -> Differentiation:
    """Differentiate w(x) z(x) by d/dx (w z) = w dz/dx + z dw/dx, keeping w first.

    Reference: Stewart, *Calculus*, section 3.2.

    Raises
    ------
    ValueError
        If either factor does not parse or does not depend on x (then the
        constant multiple rule applies, not the product rule).
    """
    w_expr, z_expr = _factor_pair(w, z, "factor")
    steps: list[RuleStep] = []
    derivative = _product(w_expr, z_expr, 0, steps)
    return _result(w_expr * z_expr, steps[0].expr_latex, derivative, steps)


def quotient_rule(numerator: str, denominator: str) -> Differentiation:
    """Differentiate w(x) / z(x) by (z dw/dx - w dz/dx) / z^2.

    Reference: Stewart, *Calculus*, section 3.2. The derivative is valid where
    z(x) != 0; at such points :meth:`Differentiation.f` raises ``ValueError``.

    Raises
    ------
    ValueError
        If a part does not parse, the denominator is identically zero, or the
        denominator does not depend on x.
    """
    w_expr, z_expr = _factor_pair(numerator, denominator, "quotient part")
    if sp.simplify(z_expr) == 0:
        raise ValueError("denominator is identically zero")
    steps: list[RuleStep] = []
    derivative = _quotient(w_expr, z_expr, 0, steps)
    return _result(w_expr / z_expr, steps[0].expr_latex, derivative, steps)


def expand_then_differentiate(result: Differentiation) -> Differentiation:
    """Multiply ``result.expr`` out first, then differentiate it by the rules.

    A cross-check of the product rule: for polynomial factors the expanded
    expression needs only the power, constant multiple, constant and sum rules,
    and d/dx (w z) must come out the same either way.
    """
    return differentiate(sp.sstr(sp.expand(result.expr)))


# -- the walk ----------------------------------------------------------------------


def _diff(expr: sp.Expr, depth: int, steps: list[RuleStep]) -> sp.Expr:
    """Append the steps for d/dx expr to ``steps`` and return the derivative."""
    if not expr.has(X):
        steps.append(RuleStep("constant", latex(expr), "0", "0", "0", depth))
        return sp.Integer(0)
    if expr == X or (isinstance(expr, sp.Pow) and expr.base == X):
        return _power(expr, depth, steps)
    if isinstance(expr, sp.Add):
        return _sum(expr, depth, steps)
    if isinstance(expr, sp.Mul):
        const, rest = expr.as_independent(X, as_Add=False)
        if const != 1:
            return _constant_multiple(const, rest, depth, steps)
        numer, denom = sp.fraction(expr)
        if denom.has(X):
            return _quotient(numer, denom, depth, steps)
        first, *others = expr.args
        return _product(first, sp.Mul(*others), depth, steps)
    if isinstance(expr, sp.Pow) and expr.exp.has(X):
        raise ValueError(
            f"variable exponent in {expr}: only constant powers are supported"
        )
    if isinstance(expr, sp.Function) and len(expr.args) == 1 and expr.args[0] == X:
        d = sp.diff(expr, X)
        steps.append(
            RuleStep("elementary", latex(expr), latex(d), latex(d), latex(d), depth)
        )
        return d
    return _chain(expr, depth, steps)


def _power(expr: sp.Expr, depth: int, steps: list[RuleStep]) -> sp.Expr:
    n = sp.Integer(1) if expr == X else expr.exp
    d = n * X ** (n - 1)
    n_tex = latex(n)
    applied = rf"{n_tex} x^{{{n_tex} - 1}}"
    steps.append(RuleStep("power", latex(expr), applied, applied, latex(d), depth))
    return d


def _sum(expr: sp.Expr, depth: int, steps: list[RuleStep]) -> sp.Expr:
    terms = expr.as_ordered_terms(order="lex")
    index = len(steps)
    steps.append(RuleStep("sum", "", "", "", "", depth))  # filled in below
    parts: list[tuple[sp.Expr, sp.Expr]] = []
    for term in terms:
        parts.append((term, _diff(term, depth + 1, steps)))
    derivative = sp.Add(*(d for _, d in parts))
    applied = _signed_join([(t, rf"\frac{{d}}{{dx}} {_paren(t)}") for t, _ in parts])
    substituted = _signed_join([(d, _paren(d)) for _, d in parts], keep_zero=True)
    steps[index] = RuleStep(
        "sum", latex(expr), applied, substituted, _result_latex(derivative), depth
    )
    return derivative


def _constant_multiple(
    const: sp.Expr, rest: sp.Expr, depth: int, steps: list[RuleStep]
) -> sp.Expr:
    index = len(steps)
    steps.append(RuleStep("constant multiple", "", "", "", "", depth))
    d_rest = _diff(rest, depth + 1, steps)
    derivative = const * d_rest
    c_tex = latex(const)
    steps[index] = RuleStep(
        "constant multiple",
        latex(const * rest),
        rf"{c_tex} \cdot \frac{{d}}{{dx}} {_paren(rest)}",
        rf"{c_tex} \cdot {_paren(d_rest)}",
        _result_latex(derivative),
        depth,
    )
    return derivative


def _product(w: sp.Expr, z: sp.Expr, depth: int, steps: list[RuleStep]) -> sp.Expr:
    index = len(steps)
    steps.append(RuleStep("product", "", "", "", "", depth))
    dw = _diff(w, depth + 1, steps)
    dz = _diff(z, depth + 1, steps)
    derivative = w * dz + z * dw
    w_tex, z_tex = _paren(w), _paren(z)
    steps[index] = RuleStep(
        "product",
        f"{w_tex} {z_tex}",
        rf"{w_tex} \frac{{d}}{{dx}} {z_tex} + {z_tex} \frac{{d}}{{dx}} {w_tex}",
        rf"{w_tex} \cdot {_paren(dz)} + {z_tex} \cdot {_paren(dw)}",
        _result_latex(derivative),
        depth,
    )
    return derivative


def _quotient(w: sp.Expr, z: sp.Expr, depth: int, steps: list[RuleStep]) -> sp.Expr:
    index = len(steps)
    steps.append(RuleStep("quotient", "", "", "", "", depth))
    dw = _diff(w, depth + 1, steps)
    dz = _diff(z, depth + 1, steps)
    derivative = (z * dw - w * dz) / z**2
    w_tex, z_tex = _paren(w), _paren(z)
    steps[index] = RuleStep(
        "quotient",
        rf"\frac{{{latex(w)}}}{{{latex(z)}}}",
        rf"\frac{{{z_tex} \frac{{d}}{{dx}} {w_tex} - {w_tex} \frac{{d}}{{dx}} {z_tex}}}"
        rf"{{{z_tex}^{{2}}}}",
        rf"\frac{{{z_tex} \cdot {_paren(dw)} - {w_tex} \cdot {_paren(dz)}}}"
        rf"{{{z_tex}^{{2}}}}",
        _result_latex(derivative),
        depth,
    )
    return derivative


def _chain(expr: sp.Expr, depth: int, steps: list[RuleStep]) -> sp.Expr:
    outer, inner = decompose(expr)
    result = chain_rule(outer=sp.sstr(outer), inner=sp.sstr(inner))
    if sp.simplify(result.composite - expr) != 0:  # guard the string round trip
        raise ValueError(f"cannot apply the chain rule to {expr}")
    index = len(steps)
    steps.append(RuleStep("chain", "", "", "", "", depth))
    d_inner = _diff(inner, depth + 1, steps)
    outer_tex = result.substituted_latex()
    derivative = result.d_outer.subs(symbol("u"), inner) * d_inner
    steps[index] = RuleStep(
        "chain",
        latex(expr),
        rf"{outer_tex} \cdot \frac{{d}}{{dx}} {_paren(inner)}",
        rf"{outer_tex} \cdot {_paren(d_inner)}",
        _result_latex(derivative),
        depth,
    )
    return derivative


# -- helpers -------------------------------------------------------------------------


def _result(
    expr: sp.Expr, expr_tex: str, derivative: sp.Expr, steps: list[RuleStep]
) -> Differentiation:
    return Differentiation(
        expr=expr,
        expr_latex=expr_tex,
        derivative=derivative,
        simplified=_simplify(derivative),
        steps=tuple(steps),
        _f=compile_expr(expr, X, "math"),
        _df=compile_expr(derivative, X, "math"),
    )


def _factor_pair(a: str, b: str, what: str) -> tuple[sp.Expr, sp.Expr]:
    a_expr, b_expr = parse(a, ("x",)), parse(b, ("x",))
    for text, e in ((a, a_expr), (b, b_expr)):
        if not e.has(X):
            raise ValueError(
                f"{what} {text!r} does not depend on x: use the constant multiple rule"
            )
    return a_expr, b_expr


def _simplify(expr: sp.Expr) -> sp.Expr:
    """Cancel common factors; numerator expanded, denominator factored."""
    numer, denom = sp.fraction(sp.cancel(sp.together(expr)))
    return sp.expand(numer) / sp.factor(denom)


def _result_latex(expr: sp.Expr) -> str:
    simple = _simplify(expr)
    numer, denom = sp.fraction(simple)
    if denom == 1 or not denom.has(X):
        return latex(simple)
    if isinstance(numer, sp.Add):
        order = "rev-lex" if numer.could_extract_minus_sign() else "lex"
        return rf"\frac{{{sp.latex(numer, order=order)}}}{{{latex(denom)}}}"
    if numer.could_extract_minus_sign():
        return rf"-\frac{{{latex(-numer)}}}{{{latex(denom)}}}"
    return rf"\frac{{{latex(numer)}}}{{{latex(denom)}}}"


def _paren(expr: sp.Expr) -> str:
    text = latex(expr)
    wrap = isinstance(expr, sp.Add) or expr.could_extract_minus_sign()
    return f"\\left({text}\\right)" if wrap else text


def _signed_join(items: list[tuple[sp.Expr, str]], *, keep_zero: bool = False) -> str:
    """Join terms with + and -, writing "- t" for terms with a leading minus sign."""
    out = ""
    for term, tex in items:
        if term == 0 and not keep_zero:
            continue
        if term.could_extract_minus_sign() and not isinstance(term, sp.Add):
            body = (
                tex.replace(_paren(term), _paren(-term))
                if tex != _paren(term)
                else _paren(-term)
            )
            out += f" - {body}" if out else f"-{body}"
        else:
            out += f" + {tex}" if out else tex
    return out


def _call(fn: Callable[[float], float], x: float, name: str) -> float:
    if not isinstance(x, int | float) or not math.isfinite(x):
        raise ValueError(f"x must be a finite real number, got {x!r}")
    try:
        value = complex(fn(float(x)))
    except (ZeroDivisionError, ValueError, OverflowError):
        raise ValueError(f"{name} is not defined at x = {x}") from None
    if value.imag != 0 or not math.isfinite(value.real):
        raise ValueError(f"{name} is not defined at x = {x}")
    return value.real


DX = symbol("dx")
"""The nudge Delta x of the power rule's expansion."""


def power_expansion(n: sp.Expr, terms: int = 3) -> tuple[sp.Expr, ...]:
    """The first ``terms`` terms of (x + dx)^n in rising powers of dx.

    The binomial theorem, C(n, k) x^(n-k) dx^k (Stewart, *Calculus*, section
    11.10): all n + 1 terms when n is a whole number (then at most n + 1 are
    returned), otherwise the start of the binomial series, valid for |dx| < |x|.
    Term 0 is x^n and term 1 is n x^(n-1) dx, the only one that survives
    ((x + dx)^n - x^n) / dx as dx -> 0: the power rule.
    """
    n = sp.sympify(n)
    if terms < 1:
        raise ValueError(f"terms must be at least 1, got {terms}")
    count = min(terms, int(n) + 1) if n.is_Integer and n >= 0 else terms
    return tuple(sp.binomial(n, k) * X ** (n - k) * DX**k for k in range(count))
