"""Limits: approach tables, symbolic one- and two-sided limits, and the zoom demo.

The course (content spec 1c/1d) finds limits three ways: direct substitution,
approaching the point numerically from both sides, and algebra (factoring).
Symbolic limits use ``sympy.limit`` one side at a time, so a two-sided limit
whose sides disagree is reported as "does not exist" together with both
one-sided values (lim_{x->0} 25/x: -oo from the left, +oo from the right).
Reference: Stewart, *Calculus*, sections 2.2-2.3 (limits) and 2.6 (limits at infinity).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import sympy as sp

from mathkit.data import ZOOM_WINDOWS
from mathkit.expr import latex, parse, symbol
from mathkit.numeric import compile_expr, finite

X = symbol("x")

Point = float | str
"""A limit point: a real number, or ``"oo"`` / ``"-oo"`` for plus/minus infinity."""

# -- course examples (content spec 1d) -------------------------------------------
SUBSTITUTION_EXAMPLE: Final[tuple[str, float]] = ("x^2 + 2x + 2", 5.0)
"""lim_{x->5} (x^2 + 2x + 2) = 37 by direct substitution (1d.1 [NB-plot])."""
HOLE_EXAMPLE: Final[tuple[str, float]] = ("(x^2 - 1)/(x - 1)", 1.0)
"""lim_{x->1} (x^2 - 1)/(x - 1) = 2; the line y = x + 1 with a hole at (1, 2) (1d.2 [NB])."""
HOLE_XS: Final[tuple[float, ...]] = (0.9, 0.999, 1.001, 1.1)
"""The x values the notebook evaluates near 1 (1d.2 [NB]); f(2) = 3 is also printed."""
SINC_EXAMPLE: Final[tuple[str, float]] = ("sin(x)/x", 0.0)
"""lim_{x->0} sin x / x = 1 (1d.3 [NB])."""
SINC_XS: Final[tuple[float, ...]] = (-0.1, -0.001, 0.001, 0.1)
"""The x values the notebook evaluates near 0 (1d.3 [NB])."""
RECIPROCAL: Final = "25/x"
"""lim_{x->oo} 25/x = 0; at 0 it does not exist (1d.4, exercise 5)."""
RECIPROCAL_XS: Final[tuple[float, ...]] = (1e3, 1e6)
"""25/1e3 = 0.025 and 25/1e6 = 2.5e-05 (1d.4 [NB])."""
EXERCISES: Final[tuple[tuple[str, Point], ...]] = (
    ("(x^2 - 1)/(x - 1)", 0.0),
    ("(x^2 - 25)/(x + 5)", -5.0),
    ("(x^2 - 2x - 8)/(x - 4)", 4.0),
    ("25/x", "-oo"),
    ("25/x", 0.0),
)
"""The notebook's five limit exercises (1d.5); answers 1, -10, 6, 0, does not exist."""


def _point(point: Point) -> sp.Expr:
    """Convert a limit point to sympy (number, ``"oo"`` or ``"-oo"``)."""
    if isinstance(point, str):
        key = point.strip().lower()
        if key in ("oo", "+oo", "inf", "+inf", "infinity"):
            return sp.oo
        if key in ("-oo", "-inf", "-infinity"):
            return -sp.oo
        raise ValueError(f"limit point must be a number, 'oo' or '-oo', got {point!r}")
    if isinstance(point, bool) or not isinstance(point, int | float):
        raise ValueError(f"limit point must be a number, got {type(point).__name__}")
    if math.isnan(point):
        raise ValueError("limit point is NaN")
    if math.isinf(point):
        return sp.oo if point > 0 else -sp.oo
    return sp.nsimplify(point)


def _expr(expr: str | sp.Expr) -> sp.Expr:
    return parse(expr) if isinstance(expr, str) else sp.sympify(expr)


def to_function(expr: str | sp.Expr) -> Callable[[float], float]:
    """Return f(x) as a plain float function (IEEE arithmetic, like the notebook).

    Division by zero gives ``nan``/``inf`` instead of raising, so a plot can skip it.
    """
    f = compile_expr(_expr(expr), X, "numpy")

    def call(x: float) -> float:
        with np.errstate(divide="ignore", invalid="ignore"):
            return float(f(np.float64(x)))

    return call


def substitute(expr: str | sp.Expr, x0: float) -> float:
    """Direct substitution: the value f(x0), valid as the limit when f is continuous at x0.

    Formula: lim_{x->x0} f(x) = f(x0) for f continuous at x0 (Stewart 2.5).

    Raises
    ------
    ValueError
        If x0 is not finite or f(x0) is undefined (e.g. 0/0 at a hole).
    """
    x0 = finite(x0, "x0")
    value = _expr(expr).subs(X, sp.nsimplify(x0))
    if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo) or not value.is_finite:
        raise ValueError(
            f"f({x0:g}) is undefined for {expr}: direct substitution fails"
        )
    return float(value)


@dataclass(frozen=True, slots=True)
class ApproachRow:
    """One row of an approach table: x and f(x) in float arithmetic."""

    x: float
    fx: float


@dataclass(frozen=True, slots=True)
class ApproachTable:
    """f evaluated ever closer to ``point`` from the left and from the right."""

    expr: str
    point: float
    left: tuple[ApproachRow, ...]  # x < point, far to near
    right: tuple[ApproachRow, ...]  # x > point, far to near


def approach_table(
    expr: str, point: float, steps: Sequence[float] = (0.1, 0.01, 0.001)
) -> ApproachTable:
    """Evaluate f at point - h and point + h for each step h (largest first).

    Formula: the rows (a - h, f(a - h)) and (a + h, f(a + h)); as h -> 0 they
    approach the one-sided limits (Stewart 2.2, "guessing a limit from values").

    Raises
    ------
    ValueError
        If ``steps`` is empty, or a step is not finite and positive, or the
        point is not finite.
    """
    point = finite(point, "point")
    if len(steps) == 0:
        raise ValueError("steps is empty")
    if any(not math.isfinite(h) or h <= 0 for h in steps):
        raise ValueError(f"steps must be finite and positive, got {tuple(steps)}")
    f = to_function(expr)
    hs = sorted(steps, reverse=True)
    left = tuple(ApproachRow(point - h, f(point - h)) for h in hs)
    right = tuple(ApproachRow(point + h, f(point + h)) for h in hs)
    return ApproachTable(expr, float(point), left, right)


def evaluate_at(expr: str, xs: Sequence[float]) -> tuple[ApproachRow, ...]:
    """Evaluate f at given x values (the notebook's printed calls), in float arithmetic.

    Raises
    ------
    ValueError
        If ``xs`` is empty or contains NaN.
    """
    if len(xs) == 0:
        raise ValueError("xs is empty")
    if any(math.isnan(x) for x in xs):
        raise ValueError("xs contains NaN")
    f = to_function(expr)
    return tuple(ApproachRow(float(x), f(x)) for x in xs)


@dataclass(frozen=True, slots=True)
class LimitResult:
    """A limit with both one-sided values.

    ``left``/``right`` are None at x -> +oo / -oo, where only one side exists.
    ``value`` is the two-sided limit, or None when it does not exist.
    """

    expr: sp.Expr
    point: sp.Expr
    left: sp.Expr | None
    right: sp.Expr | None
    value: sp.Expr | None

    @property
    def exists(self) -> bool:
        """Whether the (two-sided) limit exists, possibly as +oo or -oo."""
        return self.value is not None

    @property
    def finite(self) -> bool:
        """Whether the limit exists and is a finite number."""
        return self.value is not None and bool(self.value.is_finite)

    @property
    def number(self) -> float:
        """The limit as a float.

        Raises
        ------
        ValueError
            If the limit does not exist or is not finite.
        """
        if self.value is None or not self.value.is_finite:
            raise ValueError(f"the limit of {self.expr} is not a finite number")
        return float(self.value)

    def latex(self) -> str:
        """The limit statement, e.g. ``\\lim_{x \\to 1} ... = 2`` or "does not exist"."""
        body = latex(self.expr)
        if isinstance(self.expr, sp.Add):
            body = rf"\left({body}\right)"
        target = rf"\lim_{{x \to {sp.latex(self.point)}}} {body}"
        if self.value is None:
            return target + r" \text{ does not exist}"
        return f"{target} = {sp.latex(self.value)}"

    def value_text(self) -> str:
        """The answer as short plain text: a number, ``inf`` words, or "does not exist"."""
        if self.value is None:
            return "does not exist"
        return _text(self.value)


def _text(v: sp.Expr) -> str:
    if v == sp.oo:
        return "+∞"
    if v == -sp.oo:
        return "−∞"
    return f"{float(v):g}"


def one_sided_text(v: sp.Expr | None) -> str:
    """Plain text of a one-sided value (``+∞``, ``−∞`` or a number); "-" if absent."""
    return "-" if v is None else _text(v)


def limit(expr: str | sp.Expr, point: Point) -> LimitResult:
    """The limit of f(x) as x -> point, with both one-sided limits.

    Formula: lim_{x->a} f(x) = L iff lim_{x->a-} f(x) = lim_{x->a+} f(x) = L
    (Stewart 2.3). At +/-oo only the one available side is computed. Values come
    from ``sympy.limit``; a side that sympy cannot determine (an oscillation such
    as sin(1/x), returned as ``AccumBounds``) counts as not existing.

    Raises
    ------
    ValueError
        For a malformed expression or limit point.
    """
    f = _expr(expr)
    a = _point(point)
    if a == sp.oo:
        left, right = _side(f, a, "-"), None
        value = left
    elif a == -sp.oo:
        left, right = None, _side(f, a, "+")
        value = right
    else:
        left, right = _side(f, a, "-"), _side(f, a, "+")
        value = (
            left if (left is not None and right is not None and left == right) else None
        )
    return LimitResult(expr=f, point=a, left=left, right=right, value=value)


def _side(f: sp.Expr, a: sp.Expr, direction: str) -> sp.Expr | None:
    v = sp.limit(f, X, a, dir=direction)
    if isinstance(v, sp.AccumBounds) or v.has(sp.zoo, sp.nan, sp.AccumBounds):
        return None
    return sp.nsimplify(v) if v.is_Float else v


def exercise_answers() -> tuple[LimitResult, ...]:
    """The limits of the course's five exercises (1d.5), in order."""
    return tuple(limit(e, p) for e, p in EXERCISES)


@dataclass(frozen=True, slots=True)
class Cancellation:
    """A rational function written factored, and with the common factor cancelled."""

    numerator: sp.Expr  # factored
    denominator: sp.Expr  # factored
    cancelled: sp.Expr

    @property
    def factored_latex(self) -> str:
        """LaTeX of numerator/denominator, each factored."""
        return rf"\frac{{{latex(self.numerator)}}}{{{latex(self.denominator)}}}"

    @property
    def cancelled_latex(self) -> str:
        """LaTeX of the cancelled form."""
        return latex(self.cancelled)

    @property
    def common(self) -> sp.Expr:
        """The factor numerator and denominator share (1 when nothing cancels)."""
        return sp.factor(sp.gcd(self.numerator, self.denominator))

    @property
    def cancels(self) -> bool:
        """Whether a factor in x cancels."""
        return bool(self.common.has(X))

    def rest(self) -> tuple[sp.Expr, sp.Expr]:
        """Numerator and denominator with the common factor divided out (factored)."""
        c = self.common
        return sp.factor(sp.cancel(self.numerator / c)), sp.factor(
            sp.cancel(self.denominator / c)
        )


def factor_and_cancel(expr: str | sp.Expr) -> Cancellation:
    """Factor numerator and denominator and cancel the common factor.

    Formula: p(x)/q(x) = (x - a) r(x) / ((x - a) s(x)) = r(x)/s(x) for x != a,
    so the limit at a is r(a)/s(a) (Stewart 2.3, example 3).

    Raises
    ------
    ValueError
        If the expression has no denominator depending on x.
    """
    f = sp.together(_expr(expr))
    num, den = sp.fraction(f)
    if not den.has(X):
        raise ValueError(f"{expr} has no denominator in x to cancel")
    return Cancellation(sp.factor(num), sp.factor(den), sp.cancel(f))


# -- zooming in: a smooth curve looks straight up close (content spec 1c) ---------
@dataclass(frozen=True, slots=True)
class ZoomView:
    """One zoom window and how far the curve strays from its tangent inside it."""

    x_range: tuple[float, float]
    y_range: tuple[float, float]
    center: float
    slope: float  # of the tangent at the window's centre
    max_deviation: float  # max |f(x) - tangent(x)| over the window
    relative_deviation: float  # max_deviation / window height


def zoom_views(
    expr: str = "x^2 + 2x + 2",
    windows: Sequence[tuple[tuple[float, float], tuple[float, float]]] = ZOOM_WINDOWS,
    samples: int = 2001,
) -> tuple[ZoomView, ...]:
    """Measure how far the curve departs from its tangent in each zoom window.

    Formula: dev = max_{x in window} |f(x) - (f(c) + f'(c)(x - c))| with c the
    window's centre, sampled at ``samples`` points; divided by the window height
    it is the fraction of the picture by which the curve is visibly bent. For
    a smooth f it shrinks like (half-width)^2 (Taylor: f''(c) h^2 / 2).

    Raises
    ------
    ValueError
        If ``windows`` is empty, a range is reversed/empty, or samples < 2.
    """
    if len(windows) == 0:
        raise ValueError("windows is empty")
    if samples < 2:
        raise ValueError(f"samples must be at least 2, got {samples}")
    f_expr = _expr(expr)
    f = compile_expr(f_expr, X, "numpy")
    df = compile_expr(sp.diff(f_expr, X), X, "numpy")
    views = []
    for (x0, x1), (y0, y1) in windows:
        if not (x0 < x1 and y0 < y1):
            raise ValueError(f"zoom window {(x0, x1)}, {(y0, y1)} is empty or reversed")
        c = (x0 + x1) / 2
        slope = float(df(c))
        xs = np.linspace(x0, x1, samples)
        dev = float(np.max(np.abs(f(xs) - (float(f(c)) + slope * (xs - c)))))
        views.append(ZoomView((x0, x1), (y0, y1), c, slope, dev, dev / (y1 - y0)))
    return tuple(views)


# -- the epsilon-delta definition (content spec 1b, Weierstrass) -------------------
@dataclass(frozen=True, slots=True)
class EpsilonDelta:
    """For a limit L of f at a and a band half-height eps, the widest window delta."""

    a: float
    limit: float
    epsilon: float
    delta: float  # |x - a| < delta keeps |f(x) - L| < eps (to the sampling resolution)


def epsilon_delta(
    expr: str | sp.Expr,
    a: float,
    epsilon: float,
    *,
    span: float = 10.0,
    samples: int = 200_001,
) -> EpsilonDelta:
    """The largest symmetric delta for which f stays inside the band L +- epsilon.

    Formula: delta = min |x - a| over the sampled x in [a - span, a + span] with
    |f(x) - L| >= epsilon (L = lim_{x->a} f from :func:`limit`); the grid is
    refined by bisection on the first crossing each side, so for a continuous f
    delta is exact to float precision. Stewart 2.4 (the precise definition).

    Raises
    ------
    ValueError
        If epsilon or span is not positive, the limit does not exist or is
        infinite, or f never leaves the band within ``span``.
    """
    if not (math.isfinite(epsilon) and epsilon > 0):
        raise ValueError(f"epsilon must be finite and positive, got {epsilon!r}")
    if not (math.isfinite(span) and span > 0):
        raise ValueError(f"span must be finite and positive, got {span!r}")
    result = limit(expr, a)
    if not result.finite:
        raise ValueError(f"the limit of {expr} at {a:g} does not exist or is infinite")
    big = result.number
    f = compile_expr(_expr(expr), X, "numpy")

    def outside(x: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            y = np.asarray(f(x), dtype=float) * np.ones_like(x)
        inside: np.ndarray = np.isfinite(y) & (np.abs(y - big) < epsilon)
        return ~inside

    hs = np.linspace(0.0, span, samples)[1:]
    step = hs[0]
    best = math.inf
    for sign in (1.0, -1.0):
        out = np.flatnonzero(outside(a + sign * hs))
        if out.size == 0:
            continue
        hi = float(hs[out[0]])
        lo = hi - step
        for _ in range(60):
            mid = np.array([(lo + hi) / 2])
            if outside(a + sign * mid)[0]:
                hi = float(mid[0])
            else:
                lo = float(mid[0])
        best = min(best, hi)
    if not math.isfinite(best):
        raise ValueError(
            f"{expr} stays within {epsilon:g} of its limit on all of +-{span:g}"
        )
    return EpsilonDelta(float(a), float(big), float(epsilon), float(best))
