"""Integrals: by hand with the power rule, and numerically by rectangles and quadrature.

Symbolic part: the antiderivative of a sum of power terms c x^n by the sum,
constant-multiple and power rules, with one LaTeX line per step, and definite
integrals by the fundamental theorem of calculus, [F(x)]_a^b = F(b) - F(a)
(Stewart, *Calculus*, sections 5.3-5.4).

Numeric part: left, right and midpoint Riemann sums (with the rectangles for
drawing), the composite trapezoid rule (error O(1/n^2)) and composite Simpson
rule (error O(1/n^4)) (Burden & Faires, *Numerical Analysis*, section 4.4), and a
thin wrapper of :func:`scipy.integrate.quad`, the call the course notebook makes.

Integrands are expression strings in ``x`` parsed by :func:`mathkit.expr.parse`.
"""

from __future__ import annotations

import functools
import math
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

import numpy as np
import numpy.typing as npt
import sympy as sp
from scipy import integrate as sp_integrate

from mathkit.expr import latex, parse, symbol
from mathkit.numeric import compile_expr

FloatArray = npt.NDArray[np.float64]
RiemannRule = Literal["left", "right", "midpoint"]

X: Final = symbol("x")

ERROR_DEMO: Final[tuple[str, float, float]] = ("sin(x)", 0.0, math.pi)
"""Non-polynomial test integrand for the error-vs-n plot: one arch of sine, area 2.

[PROPOSED] for the NumericIntegration scene (the course's own integrands are
linear, so every rule beyond left/right sums is exact on them).
"""
ERROR_DEMO_NS: Final[tuple[int, ...]] = (2, 4, 8, 16, 32, 64, 128, 256)
"""Even panel counts (Simpson needs even n) for the error table, doubling each time."""


# -- validation -------------------------------------------------------------------------
def _check_bounds(a: float, b: float) -> tuple[float, float]:
    try:
        fa, fb = float(a), float(b)
    except (TypeError, ValueError):
        raise ValueError(f"bounds must be real numbers, got a={a!r}, b={b!r}") from None
    if not (math.isfinite(fa) and math.isfinite(fb)):
        raise ValueError(f"bounds must be finite numbers, got a={a!r}, b={b!r}")
    if fa > fb:
        raise ValueError(f"reversed bounds: a={a!r} is greater than b={b!r}")
    return fa, fb


def _check_n(n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, int | np.integer):
        raise ValueError(f"n must be an integer, got {n!r}")
    if n <= 0:
        raise ValueError(f"n must be a positive number of intervals, got {n}")
    return int(n)


def _parse_integrand(integrand: str) -> sp.Expr:
    expr = parse(integrand, ("x",))
    if expr.free_symbols - {X}:
        raise ValueError(f"integrand {integrand!r} may only depend on x")
    return expr


@functools.lru_cache(maxsize=128)
def integrand_function(integrand: str) -> Callable[[npt.ArrayLike], FloatArray]:
    """Vectorised numpy function f(x) of an expression string in ``x`` (cached).

    Raises
    ------
    ValueError
        If the string cannot be parsed (see :func:`mathkit.expr.parse`).
    """
    expr = _parse_integrand(integrand)
    raw = compile_expr(expr, X, "numpy")

    def f(values: npt.ArrayLike) -> FloatArray:
        xs = np.asarray(values, dtype=np.float64)
        return np.broadcast_to(np.asarray(raw(xs), dtype=np.float64), xs.shape).copy()

    return f


def _values(
    f: Callable[[npt.ArrayLike], FloatArray], xs: FloatArray, integrand: str
) -> FloatArray:
    with np.errstate(all="ignore"):  # non-finite values are reported below
        ys = f(xs)
    if not np.all(np.isfinite(ys)):
        bad = xs[~np.isfinite(ys)][0]
        raise ValueError(f"integrand {integrand!r} is not finite at x = {bad:g}")
    return ys


# -- symbolic: power rule ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class IntegralStep:
    """One line of the working: a label and its LaTeX."""

    label: str
    latex: str


@dataclass(frozen=True, slots=True)
class PowerTerm:
    """A term c x^n of the integrand and its antiderivative c x^(n+1)/(n+1)."""

    coeff: sp.Expr
    power: sp.Expr

    @property
    def antiderivative(self) -> sp.Expr:
        """c x^(n+1) / (n+1) (power rule for integrals, n != -1)."""
        return self.coeff * X ** (self.power + 1) / (self.power + 1)

    @property
    def term(self) -> sp.Expr:
        """c x^n."""
        return self.coeff * X**self.power


@dataclass(frozen=True, slots=True)
class Antiderivative:
    """The indefinite integral of a sum of power terms, with its working."""

    integrand: sp.Expr
    terms: tuple[PowerTerm, ...]
    result: sp.Expr  # F(x) without the constant C

    def steps(self) -> tuple[IntegralStep, ...]:
        """The working: integrand, sum rule, constant-multiple rule, power rule, result."""
        out = [IntegralStep("integrand", rf"\int {_paren(self.integrand)}\,dx")]
        if len(self.terms) > 1:
            out.append(
                IntegralStep(
                    "sum",
                    "= "
                    + _signed(
                        (t.coeff, rf"\int {latex(abs(t.coeff) * X**t.power)}\,dx")
                        for t in self.terms
                    ),
                )
            )
        if any(abs(t.coeff) != 1 for t in self.terms):
            out.append(
                IntegralStep(
                    "constant",
                    "= "
                    + _signed(
                        (
                            t.coeff,
                            _coeff_prefix(t.coeff)
                            + rf"\int {_power_latex(t.power)}\,dx",
                        )
                        for t in self.terms
                    ),
                )
            )
        out.append(
            IntegralStep(
                "power",
                "= "
                + _signed(
                    (
                        t.coeff,
                        _coeff_prefix(t.coeff, cdot=True) + _power_rule_latex(t.power),
                    )
                    for t in self.terms
                )
                + " + C",
            )
        )
        result = IntegralStep("result", f"= {latex(self.result)} + C")
        if result.latex != out[-1].latex:
            out.append(result)
        return tuple(out)


def _paren(expr: sp.Expr) -> str:
    text = latex(expr)
    return rf"\left({text}\right)" if isinstance(expr, sp.Add) else text


def _signed(parts: Iterable[tuple[sp.Expr, str]]) -> str:
    """Join (coefficient, text of |term|) pairs with + and - signs."""
    out = ""
    for i, (coeff, text) in enumerate(parts):
        negative = bool(coeff.is_negative)
        if i == 0:
            out = ("-" if negative else "") + text
        else:
            out += (" - " if negative else " + ") + text
    return out


def _coeff_prefix(c: sp.Expr, *, cdot: bool = False) -> str:
    """|c| written before a term (nothing for 1); the sign goes to :func:`_signed`."""
    c = abs(c)
    if c == 1:
        return ""
    text = latex(c)
    return text + (r" \cdot " if cdot else " ")


def _power_latex(n: sp.Expr) -> str:
    if n == 0:
        return "1"
    return "x" if n == 1 else f"x^{{{latex(n)}}}"


def _power_rule_latex(n: sp.Expr) -> str:
    """x^(n+1)/(n+1) written out before simplifying (x for n = 0)."""
    if n == 0:
        return "x"
    return rf"\frac{{x^{{{latex(n + 1)}}}}}{{{latex(n + 1)}}}"


def antiderivative(integrand: str) -> Antiderivative:
    """Indefinite integral of a sum of terms c x^n by the power rule.

    int c x^n dx = c x^(n+1)/(n+1) + C for n != -1, applied term by term (sum
    and constant-multiple rules); Stewart, *Calculus*, section 5.4, table 1.

    Parameters
    ----------
    integrand
        Expression in ``x`` such as ``"x/2"``, ``"2x"`` or ``"3x^2 - 4x + 1"``.

    Raises
    ------
    ValueError
        If the string is unparseable, a term is not a constant times a power of
        x, or a term is c/x (power -1, whose antiderivative is a logarithm).
    """
    expr = sp.expand(_parse_integrand(integrand))
    terms: list[PowerTerm] = []
    for term in sp.Add.make_args(expr):
        coeff, power = term.as_coeff_exponent(X)
        if coeff.has(X) or power.has(X) or not power.is_real:
            raise ValueError(
                f"term {term} of {integrand!r} is not a constant times a power of x"
            )
        if power == -1:
            raise ValueError(
                f"term {term} of {integrand!r} has power -1: the power rule does not apply"
            )
        terms.append(PowerTerm(sp.nsimplify(coeff), sp.nsimplify(power)))
    terms.sort(key=lambda t: -float(t.power))
    result = sp.Add(*(t.antiderivative for t in terms))
    return Antiderivative(integrand=expr, terms=tuple(terms), result=result)


@dataclass(frozen=True, slots=True)
class DefiniteIntegral:
    """int_a^b f(x) dx = F(b) - F(a), exact, with its working."""

    integrand: sp.Expr
    a: sp.Expr
    b: sp.Expr
    antiderivative: sp.Expr
    upper: sp.Expr  # F(b)
    lower: sp.Expr  # F(a)

    @property
    def exact(self) -> sp.Expr:
        """F(b) - F(a) as an exact sympy number."""
        return sp.nsimplify(self.upper - self.lower)

    @property
    def value(self) -> float:
        """F(b) - F(a) as a float."""
        return float(self.exact)

    def steps(self) -> tuple[IntegralStep, ...]:
        """Integral, bracket [F(x)]_a^b, F(b) - F(a) with numbers, exact value."""
        a, b = latex(self.a), latex(self.b)
        lower = latex(self.lower)
        if self.lower.is_negative:
            lower = rf"\left({lower}\right)"
        return (
            IntegralStep(
                "integral", rf"\int_{{{a}}}^{{{b}}} {_paren(self.integrand)}\,dx"
            ),
            IntegralStep(
                "bracket",
                rf"= \left[{latex(self.antiderivative)}\right]_{{{a}}}^{{{b}}}",
            ),
            IntegralStep("difference", f"= {latex(self.upper)} - {lower}"),
            IntegralStep("value", f"= {latex(self.exact)}"),
        )


def definite_integral(integrand: str, a: float, b: float) -> DefiniteIntegral:
    """Exact definite integral by the fundamental theorem: [F(x)]_a^b = F(b) - F(a).

    F is the power-rule antiderivative of :func:`antiderivative`; Stewart,
    *Calculus*, section 5.3. The course examples: int_1^2 x/2 dx = [x^2/4]_1^2 =
    1 - 1/4 = 3/4 and int_3^4 2x dx = [x^2]_3^4 = 16 - 9 = 7.

    Raises
    ------
    ValueError
        For an unparseable or non-polynomial integrand, non-finite bounds or a > b.
    """
    fa, fb = _check_bounds(a, b)
    anti = antiderivative(integrand)
    sa, sb = sp.nsimplify(fa), sp.nsimplify(fb)
    return DefiniteIntegral(
        integrand=anti.integrand,
        a=sa,
        b=sb,
        antiderivative=anti.result,
        upper=sp.nsimplify(anti.result.subs(X, sb)),
        lower=sp.nsimplify(anti.result.subs(X, sa)),
    )


# -- numeric: Riemann sums ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RiemannSum:
    """A Riemann sum with n equal rectangles, ready to draw.

    Rectangle i spans [lefts[i], lefts[i] + width] and has height heights[i] =
    f(samples[i]); the sum is width * sum(heights).
    """

    rule: RiemannRule
    a: float
    b: float
    n: int
    width: float
    lefts: FloatArray
    samples: FloatArray
    heights: FloatArray

    @property
    def value(self) -> float:
        """The sum: dx * sum of the heights."""
        return float(self.width * np.sum(self.heights))


def riemann_sum(
    integrand: str, a: float, b: float, n: int, rule: RiemannRule = "left"
) -> RiemannSum:
    """Left, right or midpoint Riemann sum with n equal subintervals.

    S_n = dx * sum_{i=0}^{n-1} f(x_i*), dx = (b - a)/n, with x_i* = a + i dx
    (left), a + (i+1) dx (right) or a + (i + 1/2) dx (midpoint). Left and right
    sums converge as O(1/n); the midpoint rule as O(1/n^2) and is exact for linear
    f (Stewart, *Calculus*, sections 5.1-5.2).

    Raises
    ------
    ValueError
        For an unknown rule, n <= 0, non-finite or reversed bounds, an
        unparseable integrand or one that is not finite at a sample point.
    """
    n = _check_n(n)
    fa, fb = _check_bounds(a, b)
    offsets = {"left": 0.0, "right": 1.0, "midpoint": 0.5}
    if rule not in offsets:
        raise ValueError(f"unknown Riemann rule {rule!r}: use left, right or midpoint")
    f = integrand_function(integrand)
    width = (fb - fa) / n
    idx = np.arange(n, dtype=np.float64)
    lefts = fa + idx * width
    samples = fa + (idx + offsets[rule]) * width
    heights = _values(f, samples, integrand)
    return RiemannSum(rule, fa, fb, n, width, lefts, samples, heights)


# -- numeric: trapezoid and Simpson ---------------------------------------------------------
def _grid(integrand: str, a: float, b: float, n: int) -> tuple[FloatArray, float]:
    n = _check_n(n)
    fa, fb = _check_bounds(a, b)
    xs = np.linspace(fa, fb, n + 1)
    return _values(integrand_function(integrand), xs, integrand), (fb - fa) / n


def trapezoid(integrand: str, a: float, b: float, n: int) -> float:
    """Composite trapezoid rule with n panels.

    T_n = h [f(x_0)/2 + f(x_1) + ... + f(x_{n-1}) + f(x_n)/2], h = (b - a)/n;
    error -(b-a) h^2 f''(xi)/12 = O(1/n^2) (Burden & Faires, section 4.4).

    Raises
    ------
    ValueError
        For n <= 0, non-finite or reversed bounds or a bad integrand.
    """
    ys, h = _grid(integrand, a, b, n)
    return float(h * (np.sum(ys) - (ys[0] + ys[-1]) / 2))


def simpson(integrand: str, a: float, b: float, n: int) -> float:
    """Composite Simpson rule with an even number n of panels.

    S_n = h/3 [f_0 + 4 f_1 + 2 f_2 + 4 f_3 + ... + 4 f_{n-1} + f_n], h = (b - a)/n;
    error -(b-a) h^4 f''''(xi)/180 = O(1/n^4) (Burden & Faires, section 4.4).

    Raises
    ------
    ValueError
        For odd n, n <= 0, non-finite or reversed bounds or a bad integrand.
    """
    n = _check_n(n)
    if n % 2:
        raise ValueError(f"Simpson's rule needs an even number of intervals n, got {n}")
    ys, h = _grid(integrand, a, b, n)
    return float(
        h / 3 * (ys[0] + ys[-1] + 4 * np.sum(ys[1:-1:2]) + 2 * np.sum(ys[2:-1:2]))
    )


def exact_integral(integrand: str, a: float, b: float) -> float:
    """int_a^b f(x) dx by sympy's symbolic integration, as a float.

    Raises
    ------
    ValueError
        For a bad integrand or bounds, or when sympy finds no closed form.
    """
    fa, fb = _check_bounds(a, b)
    expr = _parse_integrand(integrand)
    value = sp.integrate(
        expr, (X, sp.nsimplify(fa, [sp.pi]), sp.nsimplify(fb, [sp.pi]))
    )
    if value.has(sp.Integral):
        raise ValueError(f"no closed form for the integral of {integrand!r}")
    return float(value)


@dataclass(frozen=True, slots=True)
class ErrorTable:
    """Absolute errors of the trapezoid and Simpson rules for each n."""

    integrand: str
    a: float
    b: float
    exact: float
    ns: tuple[int, ...]
    trapezoid: FloatArray  # |T_n - exact|
    simpson: FloatArray  # |S_n - exact|

    def order(self, rule: Literal["trapezoid", "simpson"]) -> float:
        """Observed order p of error ~ C n^-p: minus the log-log least-squares slope."""
        errors = self.trapezoid if rule == "trapezoid" else self.simpson
        slope = np.polyfit(
            np.log(np.asarray(self.ns, dtype=np.float64)), np.log(errors), 1
        )[0]
        return float(-slope)


def error_table(
    integrand: str = ERROR_DEMO[0],
    a: float = ERROR_DEMO[1],
    b: float = ERROR_DEMO[2],
    ns: Sequence[int] = ERROR_DEMO_NS,
    *,
    exact: float | None = None,
) -> ErrorTable:
    """Errors |T_n - I| and |S_n - I| against the exact integral I, for a log-log plot.

    Trapezoid errors fall as O(1/n^2) (halving h divides them by ~4), Simpson
    errors as O(1/n^4) (by ~16); Burden & Faires, section 4.4. I is sympy's
    closed form unless ``exact`` gives it (e.g. :func:`reference_integral`).

    Raises
    ------
    ValueError
        If ns is empty or holds an odd or non-positive n, or for bad input as in
        :func:`simpson`.
    """
    if len(ns) == 0:
        raise ValueError("ns is empty: give at least one even n")
    checked = tuple(_check_n(n) for n in ns)
    if exact is None:
        exact = exact_integral(integrand, a, b)
    trap = np.array([abs(trapezoid(integrand, a, b, n) - exact) for n in checked])
    simp = np.array([abs(simpson(integrand, a, b, n) - exact) for n in checked])
    return ErrorTable(integrand, float(a), float(b), exact, checked, trap, simp)


# -- numeric: scipy quad --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class QuadResult:
    """What ``scipy.integrate.quad`` returns: the value and an absolute-error estimate."""

    value: float
    abserr: float


def quad(integrand: str, a: float, b: float) -> QuadResult:
    """Adaptive Gauss-Kronrod quadrature by ``scipy.integrate.quad`` (QUADPACK QAGS).

    The course notebook: quad(g, 1, 2) with g(x) = x/2 gives (0.75, ~8e-15) and
    quad(h, 3, 4) with h(x) = 2x gives (7.0, ~8e-14). Piessens et al., *QUADPACK*
    (1983).

    Raises
    ------
    ValueError
        For an unparseable integrand or non-finite or reversed bounds.
    """
    fa, fb = _check_bounds(a, b)
    f = integrand_function(integrand)

    def scalar(x: float) -> float:
        return float(f(np.asarray(x, dtype=np.float64)))

    value, abserr = sp_integrate.quad(scalar, fa, fb)
    return QuadResult(float(value), float(abserr))


REFERENCE_TOLERANCE: Final = 1e-13
"""Relative accuracy :func:`reference_integral` demands of quad."""


def reference_integral(integrand: str, a: float, b: float) -> float:
    """int_a^b f(x) dx by a tight ``quad`` (epsabs = epsrel = 1e-14, 200 subintervals).

    The reference value for error tables of integrands without a closed form
    (or whose symbolic integral would take sympy too long).

    Raises
    ------
    ValueError
        For a bad integrand or bounds, or if quad's error estimate exceeds
        ``REFERENCE_TOLERANCE`` relative to the value.
    """
    fa, fb = _check_bounds(a, b)
    f = integrand_function(integrand)

    def scalar(x: float) -> float:
        return float(f(np.asarray(x, dtype=np.float64)))

    with (
        warnings.catch_warnings()
    ):  # quad warns when 1e-14 is out of reach; checked below
        warnings.simplefilter("ignore", sp_integrate.IntegrationWarning)
        value, abserr = sp_integrate.quad(
            scalar, fa, fb, epsabs=1e-14, epsrel=1e-14, limit=200
        )
    if not (
        math.isfinite(value) and abserr <= REFERENCE_TOLERANCE * max(1.0, abs(value))
    ):
        raise ValueError(
            f"quad cannot integrate {integrand!r} on [{fa:g}, {fb:g}] accurately"
            f" enough for a reference (error estimate {abserr:.1e})"
        )
    return float(value)


# -- the rules as pictures: nodes and fitted parabolas -------------------------------------
@dataclass(frozen=True, slots=True)
class RuleNodes:
    """The n + 1 sample points x_0 .. x_n (h apart) and f there: the trapezoids' corners."""

    xs: FloatArray
    ys: FloatArray
    h: float

    def trapezoid_areas(self) -> FloatArray:
        """Area of each panel's trapezoid, h (f_i + f_{i+1}) / 2; they sum to T_n."""
        return self.h * (self.ys[:-1] + self.ys[1:]) / 2


def rule_nodes(integrand: str, a: float, b: float, n: int) -> RuleNodes:
    """The nodes of the composite trapezoid and Simpson rules with n panels.

    Raises
    ------
    ValueError
        As :func:`trapezoid`.
    """
    ys, h = _grid(integrand, a, b, n)
    return RuleNodes(np.linspace(float(a), float(b), _check_n(n) + 1), ys, h)


def simpson_parabolas(integrand: str, a: float, b: float, n: int) -> FloatArray:
    """Coefficients (c2, c1, c0) of the parabola Simpson's rule fits to each panel pair.

    Row k interpolates (x_2k, f_2k), (x_2k+1, f_2k+1), (x_2k+2, f_2k+2) exactly;
    the integral of row k over [x_2k, x_2k+2] is (h/3)(f_2k + 4 f_2k+1 + f_2k+2),
    so their sum is :func:`simpson` (Burden & Faires, section 4.3). Shape (n/2, 3).

    Raises
    ------
    ValueError
        As :func:`simpson` (n must be even).
    """
    n = _check_n(n)
    if n % 2:
        raise ValueError(f"Simpson's rule needs an even number of intervals n, got {n}")
    nodes = rule_nodes(integrand, a, b, n)
    rows = [
        np.polyfit(nodes.xs[2 * k : 2 * k + 3], nodes.ys[2 * k : 2 * k + 3], 2)
        for k in range(n // 2)
    ]
    return np.asarray(rows, dtype=np.float64)
