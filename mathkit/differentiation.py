"""Differentiation from first principles: difference quotients, secants, tangents.

The delta method of the course (content spec 2a/2b): the slope of the secant
through P = (x, f(x)) and Q = (x + dx, f(x + dx)) approaches the slope of the
tangent at P as dx -> 0, which defines the derivative

    dy/dx = lim_{dx -> 0} [f(x + dx) - f(x)] / dx.

Numeric functions use float64 in the same order of operations as the course
notebook (``notebooks/3-calculus-i.ipynb``), so they reproduce its printed floats;
exact derivatives come from sympy. References: Stewart, *Calculus*, sections 2.7
and 3.1; Burden & Faires, *Numerical Analysis*, section 4.1 (difference formulas).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sympy as sp

from mathkit.data import DIFFERENCE_QUOTIENT_DELTAS, RUNNING_FUNCTION
from mathkit.expr import latex, parse, symbol
from mathkit.numeric import Tangent, compile_expr, finite

X = symbol("x")
DX = sp.Symbol(r"\Delta x", real=True)
"""The increment Delta x as a sympy symbol (prints as ``\\Delta x``)."""

RealFunction = Callable[[float], float]
FunctionLike = str | Callable[[float], float]


def as_function(f: FunctionLike) -> RealFunction:
    """Turn an expression string in x (or a callable) into a float function.

    Strings are parsed with :func:`mathkit.expr.parse` and compiled with
    ``sympy.lambdify`` to plain Python arithmetic, so ``"x^2 + 2x + 2"`` is
    evaluated as ``x**2 + 2*x + 2`` exactly like the course notebook.

    Raises
    ------
    ValueError
        If ``f`` is neither a string nor callable, or the string does not parse.
    """
    if isinstance(f, str):
        expr = parse(f, ("x",))
        compiled = compile_expr(expr, X, "math")
        return lambda x: float(compiled(x))
    if callable(f):
        return f
    raise ValueError(
        f"f must be an expression string or a callable, got {type(f).__name__}"
    )


def _evaluate(f: RealFunction, x: float, what: str) -> float:
    y = float(f(x))
    if not math.isfinite(y):
        raise ValueError(f"f({x!r}) is not finite ({y!r}) while computing {what}")
    return y


def forward_difference(f: FunctionLike, x: float, h: float) -> float:
    """Forward difference quotient [f(x + h) - f(x)] / h.

    Truncation error O(h): for smooth f it equals f'(x) + h f''(x)/2 + O(h^2)
    (Burden & Faires section 4.1). Computed in float64 exactly as the course
    notebook's ``diff_demo`` does, so x = 2, h = 1e-6 on the running function gives
    its printed 6.000001000927568.

    Raises
    ------
    ValueError
        If x or h is not finite, h is zero, or f is not finite at x or x + h.
    """
    x = finite(x, "x")
    h = finite(h, "h")
    if h == 0.0:
        raise ValueError("step h must be non-zero")
    fn = as_function(f)
    return (
        _evaluate(fn, x + h, "a difference quotient")
        - _evaluate(fn, x, "a difference quotient")
    ) / h


def central_difference(f: FunctionLike, x: float, h: float) -> float:
    """Central difference quotient [f(x + h) - f(x - h)] / (2h).

    Truncation error O(h^2): f'(x) + h^2 f'''(x)/6 + O(h^4)
    (Burden & Faires section 4.1, three-point midpoint formula).

    Raises
    ------
    ValueError
        If x or h is not finite, h is not positive, or f is not finite at x +- h.
    """
    x = finite(x, "x")
    h = finite(h, "h")
    if h <= 0.0:
        raise ValueError(f"step h must be positive, got {h!r}")
    fn = as_function(f)
    return (
        _evaluate(fn, x + h, "a central difference")
        - _evaluate(fn, x - h, "a central difference")
    ) / (2.0 * h)


@dataclass(frozen=True, slots=True)
class SecantLine:
    """The secant through P = (x1, y1) and Q = (x2, y2) with its rise and run."""

    x1: float
    y1: float
    x2: float
    y2: float
    slope: float
    intercept: float

    @property
    def dx(self) -> float:
        """The run x2 - x1 (Delta x)."""
        return self.x2 - self.x1

    @property
    def dy(self) -> float:
        """The rise y2 - y1 (Delta y)."""
        return self.y2 - self.y1

    @property
    def line(self) -> Tangent:
        """The secant as a line through Q (same slope and intercept)."""
        return Tangent(self.x2, self.y2, self.slope)


def secant_line(f: FunctionLike, x1: float, x2: float) -> SecantLine:
    """The secant of f through P = (x1, f(x1)) and Q = (x2, f(x2)).

    m = (y2 - y1) / (x2 - x1) and b = y2 - m x2, in that order, as the course
    notebook computes them (content spec 2a): for the running function, P = (2, 10)
    and Q = (5, 37) give m = 9, b = -8.

    Raises
    ------
    ValueError
        If x1 or x2 is not finite, x1 == x2 (no secant), or f is not finite there.
    """
    x1 = finite(x1, "x1")
    x2 = finite(x2, "x2")
    if x1 == x2:
        raise ValueError("P and Q must have different x values for a secant")
    fn = as_function(f)
    y1 = _evaluate(fn, x1, "a secant")
    y2 = _evaluate(fn, x2, "a secant")
    m = (y2 - y1) / (x2 - x1)
    return SecantLine(x1=x1, y1=y1, x2=x2, y2=y2, slope=m, intercept=y2 - m * x2)


def derivative(expr: str, order: int = 1) -> sp.Expr:
    """The exact ``order``-th derivative d^n f / dx^n of an expression in x (sympy.diff).

    Raises
    ------
    ValueError
        If the expression does not parse or ``order`` is not a positive integer.
    """
    if not isinstance(order, int) or isinstance(order, bool) or order < 1:
        raise ValueError(f"order must be a positive integer, got {order!r}")
    return sp.expand(sp.diff(parse(expr, ("x",)), X, order))


def tangent_line(expr: str, x0: float) -> Tangent:
    """The tangent y = f'(x0) x + (f(x0) - f'(x0) x0) to f at x0.

    The slope is the exact derivative (sympy) evaluated at x0 (Stewart section 2.7):
    for the running function it is y = 6x - 2 at x = 2 and y = 1 at x = -1.

    Raises
    ------
    ValueError
        If the expression does not parse, x0 is not finite, or f or f' is not
        real and finite at x0.
    """
    x0 = finite(x0, "x0")
    f = parse(expr, ("x",))
    df = sp.expand(sp.diff(f, X))
    point = sp.nsimplify(x0)
    y0v, mv = sp.N(f.subs(X, point)), sp.N(df.subs(X, point))
    if not (y0v.is_real and mv.is_real) or not (y0v.is_finite and mv.is_finite):
        raise ValueError(f"f or f' is not real and finite at x0 = {x0!r}")
    y0, m = float(y0v), float(mv)
    return Tangent(x=x0, y=y0, slope=m)


@dataclass(frozen=True, slots=True)
class DeltaStep:
    """One step of the delta method: Q at distance dx from P and the secant PQ."""

    dx: float
    q_x: float
    q_y: float
    slope: float
    intercept: float


def delta_sequence(
    f: FunctionLike, x: float, dxs: Sequence[float]
) -> tuple[DeltaStep, ...]:
    """Q points x + dx approaching P = (x, f(x)), with the secant PQ for each dx.

    Each step is :func:`secant_line` (f, x, x + dx), so the slope is
    (f(x + dx) - f(x)) / ((x + dx) - x) as in the notebook's delta method: for
    the running function at x = 2, dx = 3, 0.1, 1e-6 give 9, 6.1, 6.000001000088901.

    Raises
    ------
    ValueError
        If ``dxs`` is empty or holds a zero or non-finite value.
    """
    if len(dxs) == 0:
        raise ValueError("dxs is empty: give at least one delta x")
    fn = as_function(f)
    steps = []
    for dx in dxs:
        d = finite(dx, "dx")
        if d == 0.0:
            raise ValueError("every delta x must be non-zero")
        s = secant_line(fn, x, x + d)
        steps.append(
            DeltaStep(dx=d, q_x=s.x2, q_y=s.y2, slope=s.slope, intercept=s.intercept)
        )
    return tuple(steps)


@dataclass(frozen=True, slots=True)
class QuotientRow:
    """One row of the difference-quotient table: delta and (f(x+delta) - f(x))/delta."""

    delta: float
    quotient: float


def difference_quotient_table(
    f: FunctionLike = RUNNING_FUNCTION,
    x: float = 2.0,
    deltas: Sequence[float] = DIFFERENCE_QUOTIENT_DELTAS,
) -> tuple[QuotientRow, ...]:
    """The notebook's table (f(x + d) - f(x)) / d for each d (content spec 2b).

    Forward difference, O(d), in float64 exactly as the notebook. For the running
    function at x = 2 it gives 7.0, 6.1, 6.01, ... 6.000001 (plus rounding noise);
    because f is quadratic each entry is f'(x) + d up to rounding.

    Raises
    ------
    ValueError
        If ``deltas`` is empty or holds a zero or non-finite value.
    """
    if len(deltas) == 0:
        raise ValueError("deltas is empty: give at least one delta")
    fn = as_function(f)
    return tuple(QuotientRow(float(d), forward_difference(fn, x, d)) for d in deltas)


@dataclass(frozen=True, slots=True)
class QuotientStep:
    """One line of the symbolic working, as a sympy expression and its LaTeX."""

    label: str
    expr: sp.Expr
    latex: str


def quotient_simplification(expr: str = RUNNING_FUNCTION) -> tuple[QuotientStep, ...]:
    """Simplify the difference quotient [f(x + dx) - f(x)] / dx and take dx -> 0.

    Steps (labels): ``definition`` [f(x+dx) - f(x)]/dx; ``substituted`` with f
    written out; ``expanded`` with the numerator expanded; ``cancelled`` after
    dividing by dx (for x^2 + 2x + 2: 2x + 2 + dx); ``limit`` with dx = 0
    (2x + 2). Works for polynomials, where dx cancels (Stewart section 3.1).

    Raises
    ------
    ValueError
        If the expression does not parse, is not a polynomial in x, or is constant.
    """
    f = parse(expr, ("x",))
    if not f.is_polynomial(X):
        raise ValueError(f"{expr!r} is not a polynomial in x")
    if not f.has(X):
        raise ValueError(f"{expr!r} is constant: its difference quotient is 0/dx")
    numerator = sp.expand(f.subs(X, X + DX) - f)
    cancelled = sp.expand(sp.cancel(numerator / DX))
    limit = sp.expand(cancelled.subs(DX, 0))

    marker = sp.Symbol("SHIFTMARK")
    shifted = latex(f.subs(X, marker)).replace(
        "SHIFTMARK", r"\left(x + \Delta x\right)"
    )
    f_latex = latex(f)
    f_paren = rf"\left({f_latex}\right)" if isinstance(f, sp.Add) else f_latex
    return (
        QuotientStep(
            "definition",
            (f.subs(X, X + DX) - f) / DX,
            r"\frac{f(x + \Delta x) - f(x)}{\Delta x}",
        ),
        QuotientStep(
            "substituted",
            (f.subs(X, X + DX) - f) / DX,
            rf"\frac{{{shifted} - {f_paren}}}{{\Delta x}}",
        ),
        QuotientStep(
            "expanded",
            numerator / DX,
            rf"\frac{{{_in_powers_of_dx(numerator)}}}{{\Delta x}}",
        ),
        QuotientStep("cancelled", cancelled, _in_powers_of_dx(cancelled)),
        QuotientStep("limit", limit, latex(limit)),
    )


def _in_powers_of_dx(poly: sp.Expr) -> str:
    """LaTeX of a polynomial in x and dx, ordered by power of dx, x before dx.

    ``2 x \\Delta x + 2 \\Delta x + \\Delta x^{2}`` rather than sympy's
    ``\\Delta x^{2} + 2 \\Delta x x + 2 \\Delta x``.
    """
    pieces: list[str] = []
    for power, coeff in sorted(sp.Poly(poly, DX).as_dict().items()):
        k = power[0]
        dx_tex = r"\Delta x" if k == 1 else rf"\Delta x^{{{k}}}"
        for term in sorted(
            sp.Add.make_args(sp.expand(coeff)),
            key=lambda t: -sp.degree(t, X),
        ):
            if k == 0:
                pieces.append(latex(term))
            elif term == 1:
                pieces.append(dx_tex)
            elif term == -1:
                pieces.append("-" + dx_tex)
            else:
                pieces.append(f"{latex(term)} {dx_tex}")
    return " + ".join(pieces).replace("+ -", "- ")


@dataclass(frozen=True, slots=True)
class DerivativeForms:
    """A function with its first and second derivatives (sympy and LaTeX)."""

    f: sp.Expr
    first: sp.Expr
    second: sp.Expr

    @property
    def f_latex(self) -> str:
        """LaTeX of f(x)."""
        return latex(self.f)

    @property
    def first_latex(self) -> str:
        """LaTeX of f'(x)."""
        return latex(self.first)

    @property
    def second_latex(self) -> str:
        """LaTeX of f''(x)."""
        return latex(self.second)

    def values(self, x0: float) -> tuple[float, float, float]:
        """(f(x0), f'(x0), f''(x0)) as floats."""
        x0 = finite(x0, "x0")
        point = sp.nsimplify(x0)
        return tuple(float(e.subs(X, point)) for e in (self.f, self.first, self.second))  # type: ignore[return-value]


def derivative_forms(expr: str = RUNNING_FUNCTION) -> DerivativeForms:
    """f, f' = df/dx and f'' = d^2 f/dx^2 of an expression in x (sympy.diff).

    For the running function x^2 + 2x + 2: f'(x) = 2x + 2 and f''(x) = 2.

    Raises
    ------
    ValueError
        If the expression does not parse.
    """
    f = parse(expr, ("x",))
    return DerivativeForms(f=f, first=derivative(expr, 1), second=derivative(expr, 2))


@dataclass(frozen=True, slots=True)
class Expansion:
    """The numerator f(x + dx) - f(x) written out term by term, before cancelling.

    ``shifted`` are the terms of f(x + dx) expanded, ``original`` those of
    -f(x); a term of ``shifted`` whose negative is in ``original`` cancels.
    """

    shifted: tuple[sp.Expr, ...]
    original: tuple[sp.Expr, ...]

    def cancelling(self) -> tuple[tuple[int, int], ...]:
        """Index pairs (i in shifted, j in original) of terms that cancel."""
        pairs = []
        used: set[int] = set()
        for i, t in enumerate(self.shifted):
            for j, u in enumerate(self.original):
                if j not in used and sp.expand(t + u) == 0:
                    pairs.append((i, j))
                    used.add(j)
                    break
        return tuple(pairs)

    def remaining(self) -> tuple[sp.Expr, ...]:
        """The terms left after cancelling (every one holds dx for a polynomial f)."""
        gone_i = {i for i, _ in self.cancelling()}
        gone_j = {j for _, j in self.cancelling()}
        return tuple(t for i, t in enumerate(self.shifted) if i not in gone_i) + tuple(
            u for j, u in enumerate(self.original) if j not in gone_j
        )


def difference_expansion(expr: str = RUNNING_FUNCTION) -> Expansion:
    """f(x + dx) expanded and -f(x), term by term (total degree, then x), for the algebra beat.

    Formula: f(x + dx) - f(x) = sum of the expanded terms of f(x + dx) minus the
    terms of f(x); for a polynomial every term of f(x) cancels one of f(x + dx)
    (the dx^0 part of the binomial expansion), so dx divides what is left.

    Raises
    ------
    ValueError
        If the expression is not a polynomial in x (as :func:`quotient_simplification`).
    """
    f = parse(expr, ("x",))
    if not f.is_polynomial(X):
        raise ValueError(f"{expr!r} is not a polynomial in x")
    shifted = sp.expand(f.subs(X, X + DX))

    def key(t: sp.Expr) -> tuple[int, int]:
        dx_deg, dd_deg = sp.Poly(t, X, DX).degree_list()
        return (-(dx_deg + dd_deg), -dx_deg)  # by total degree, then the power of x

    terms = sorted(sp.Add.make_args(shifted), key=key)
    original = [-t for t in sp.Add.make_args(sp.expand(f))]
    original.sort(key=lambda t: -sp.degree(t, X))
    return Expansion(tuple(terms), tuple(original))
