"""Partial derivatives, gradients and Hessians of the course's multivariate examples.

Covers content spec section 5 (Machine Learning Gradients):

* symbolic partial derivatives, gradients and Hessians of an expression string
  (parsed safely by :func:`mathkit.expr.parse`) and their values at a point;
* slices and tangents of the saddle z = x^2 - y^2 (5a);
* the cylinder v = pi r^2 l and its first and second partials (5a, 5g);
* the second-derivative test for critical points (5e, 5g);
* the partial-derivative chain rule through the single-point regression cost (5b, 5c).

The batch MSE cost surface C(b, m), its gradient and its contours (5d) belong to the
regression module, :mod:`mathkit.cost`.

References: Stewart, *Calculus: Early Transcendentals*, 8th ed., sections 14.3
(partial derivatives), 14.5 (chain rule), 14.6 (gradient) and 14.7 (second
derivatives test); Deisenroth, Faisal & Ong, *Mathematics for Machine Learning*,
chapter 5.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal

import numpy as np
import numpy.typing as npt
import sympy as sp

from mathkit.data import (
    CRITICAL_POINT_FUNCTIONS,
    CYLINDER,
    CYLINDER_POINT,
    INITIAL_B,
    INITIAL_M,
    REGRESSION_X,
    REGRESSION_Y,
    SADDLE,
    SADDLE_EXERCISES,
    SADDLE_X_SLICE,
    SINGLE_POINT_INDEX,
    SLICE_POINTS,
)
from mathkit.expr import latex, parse, symbol
from mathkit.numeric import Tangent, compile_expr, finite

FloatArray = npt.NDArray[np.float64]
Kind = Literal["minimum", "maximum", "saddle", "inconclusive"]

SADDLE_VARS: Final[tuple[str, str]] = ("x", "y")
"""Variables of the saddle z = x^2 - y^2 (content spec 5a)."""
CYLINDER_VARS: Final[tuple[str, str]] = ("r", "l")
"""Variables of the cylinder v = pi r^2 l (content spec 5a)."""
SADDLE_Y_SLICE: Final = 0.0
"""The y value held fixed for the dz/dx slice, z = x^2 (content spec 5a [NB])."""
_ZERO_TOL: Final = 1e-12


# -- validation helpers -------------------------------------------------------------
def _check_variables(variables: Sequence[str]) -> tuple[str, ...]:
    names = tuple(variables)
    if not names:
        raise ValueError("variables is empty: give at least one variable name")
    for name in names:
        if not isinstance(name, str) or not name.isidentifier():
            raise ValueError(f"variable name {name!r} is not a valid identifier")
    if len(set(names)) != len(names):
        raise ValueError(f"variables contain duplicates: {names}")
    return names


def _check_point(point: Sequence[float], n: int) -> tuple[float, ...]:
    values = tuple(float(v) for v in point)
    if len(values) != n:
        raise ValueError(
            f"point has {len(values)} coordinates but there are {n} variables"
        )
    if not all(np.isfinite(values)):
        raise ValueError(f"point must be finite, got {values}")
    return values


def _to_float(expr: sp.Expr) -> float:
    value = complex(sp.N(expr))
    if abs(value.imag) > 1e-12 or not np.isfinite(value.real):
        raise ValueError(
            f"expression does not evaluate to a finite real number: {expr}"
        )
    return float(value.real)


# -- symbolic partials, gradient, Hessian --------------------------------------------
@dataclass(frozen=True, slots=True)
class Partials:
    """A function of several variables and its first partial derivatives.

    ``derivatives[i]`` is the partial derivative with respect to ``variables[i]``.
    """

    expr: sp.Expr
    variables: tuple[sp.Symbol, ...]
    derivatives: tuple[sp.Expr, ...]

    def latex(self) -> tuple[str, ...]:
        """LaTeX of each partial derivative (course style)."""
        return tuple(latex(d) for d in self.derivatives)

    def value(self, point: Sequence[float]) -> float:
        """f(point)."""
        return evaluate_expr(self.expr, self.variables, point)

    def at(self, point: Sequence[float]) -> tuple[float, ...]:
        """The gradient (all partials) at ``point``."""
        return tuple(evaluate_expr(d, self.variables, point) for d in self.derivatives)

    def function(self) -> Callable[..., float]:
        """f as a fast float function of the variables (for plotting)."""
        fn = compile_expr(self.expr, self.variables, "numpy")
        return lambda *args: float(fn(*args))


def evaluate_expr(
    expr: sp.Expr, variables: Sequence[sp.Symbol], point: Sequence[float]
) -> float:
    """Value of a sympy expression at ``point`` (one coordinate per variable).

    Raises
    ------
    ValueError
        If ``point`` has the wrong length, is not finite, or the value is not a
        finite real number (e.g. a division by zero).
    """
    values = _check_point(point, len(variables))
    return _to_float(expr.subs(dict(zip(variables, values, strict=True))))


def partial_derivatives(expr: str, variables: Sequence[str]) -> Partials:
    """Symbolic partial derivatives of ``expr`` with respect to each variable.

    The partial derivative with respect to x_i holds the other variables fixed:
    df/dx_i = lim_{h->0} [f(..., x_i + h, ...) - f(..., x_i, ...)] / h
    (Stewart, section 14.3).

    Parameters
    ----------
    expr
        Expression string, e.g. ``"x^2 - y^2"`` or ``"pi*r^2*l"``.
    variables
        The variable names, in the order of the gradient.

    Raises
    ------
    ValueError
        For an empty, duplicated or invalid variable list or an unparseable expression.
    """
    names = _check_variables(variables)
    parsed = parse(expr, names)
    syms = tuple(symbol(n) for n in names)
    return Partials(parsed, syms, tuple(sp.diff(parsed, s) for s in syms))


def gradient(
    expr: str, variables: Sequence[str], point: Sequence[float]
) -> tuple[float, ...]:
    """The gradient grad f = [df/dx_1, ..., df/dx_n] evaluated at ``point``.

    Stewart, section 14.6. Raises ``ValueError`` as :func:`partial_derivatives`
    and :func:`evaluate_expr` do.
    """
    return partial_derivatives(expr, variables).at(point)


@dataclass(frozen=True, slots=True)
class Hessian:
    """The matrix of second partials H_ij = d^2 f / (dx_i dx_j)."""

    expr: sp.Expr
    variables: tuple[sp.Symbol, ...]
    matrix: tuple[tuple[sp.Expr, ...], ...]

    def latex(self) -> str:
        """LaTeX of the matrix as a ``bmatrix``."""
        rows = [" & ".join(latex(e) for e in row) for row in self.matrix]
        return r"\begin{bmatrix} " + r" \\ ".join(rows) + r" \end{bmatrix}"

    def at(self, point: Sequence[float]) -> tuple[tuple[float, ...], ...]:
        """The Hessian evaluated at ``point``."""
        return tuple(
            tuple(evaluate_expr(e, self.variables, point) for e in row)
            for row in self.matrix
        )

    def exact_at(self, point: Sequence[float]) -> tuple[tuple[sp.Expr, ...], ...]:
        """The Hessian at ``point`` as exact sympy values (e.g. ``6*pi``), for LaTeX."""
        values = _check_point(point, len(self.variables))
        subs = {v: sp.nsimplify(x) for v, x in zip(self.variables, values, strict=True)}
        return tuple(
            tuple(sp.simplify(e.subs(subs)) for e in row) for row in self.matrix
        )

    @property
    def is_symmetric(self) -> bool:
        """True when the mixed partials agree (Clairaut's theorem, Stewart 14.3)."""
        n = len(self.matrix)
        return all(
            sp.simplify(self.matrix[i][j] - self.matrix[j][i]) == 0
            for i in range(n)
            for j in range(i + 1, n)
        )


def hessian(expr: str, variables: Sequence[str]) -> Hessian:
    """Symbolic Hessian of ``expr``: H_ij = d/dx_j (df/dx_i).

    The Hessian is the Jacobian of the gradient (content spec 5g; Stewart 14.7).
    The mixed entries are computed in both orders, so :attr:`Hessian.is_symmetric`
    really checks the equality of mixed partials.
    """
    first = partial_derivatives(expr, variables)
    matrix = tuple(
        tuple(sp.diff(d, s) for s in first.variables) for d in first.derivatives
    )
    return Hessian(first.expr, first.variables, matrix)


def ordered_latex(expr: sp.Expr, order: Sequence[str]) -> str:
    """LaTeX of a monomial with its variables in the given order: ``\\pi r^{2} l``.

    sympy prints a product's factors alphabetically (``\\pi l r^{2}``); the course
    writes the cylinder as pi r^2 l. Numeric coefficient first, then constant
    factors such as pi, then the variables in ``order``. Anything that is not a
    single product falls back to :func:`mathkit.expr.latex`.
    """
    expr = sp.sympify(expr)
    if not isinstance(expr, sp.Mul | sp.Pow | sp.Symbol):
        return latex(expr)
    coeff, rest = expr.as_coeff_Mul()
    factors = sp.Mul.make_args(rest)
    if any(isinstance(f, sp.Add) for f in factors):
        return latex(expr)
    names = list(order)

    def key(f: sp.Expr) -> tuple[int, int]:
        base = f.base if isinstance(f, sp.Pow) else f
        name = str(base)
        return (1, names.index(name)) if name in names else (0, 0)

    parts = [latex(f) for f in sorted(factors, key=key)]
    head = "" if coeff == 1 else ("-" if coeff == -1 else latex(coeff) + " ")
    return head + " ".join(parts)


# -- the surface as a wireframe -------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Wireframe:
    """Grid lines of a surface z = f(x, y), as rows of (x, y, z) points.

    ``along_x[k]`` holds y at ``ys[k]`` with x running across the square;
    ``along_y[k]`` holds x at ``xs[k]`` with y running.
    """

    xs: FloatArray
    ys: FloatArray
    along_x: tuple[FloatArray, ...]
    along_y: tuple[FloatArray, ...]


def surface_wireframe(
    expr: str,
    variables: Sequence[str],
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    *,
    lines: int,
    samples: int,
) -> Wireframe:
    """``lines`` grid lines each way of z = ``expr`` over the rectangle, ``samples`` points each.

    Raises
    ------
    ValueError
        If a range is empty or not finite, ``lines`` < 2 or ``samples`` < 2, or
        the surface is not finite somewhere on the grid.
    """
    names = _check_variables(variables)
    if len(names) != 2:
        raise ValueError(f"a wireframe needs two variables, got {names}")
    if lines < 2 or samples < 2:
        raise ValueError(
            f"lines and samples must be at least 2, got {lines}, {samples}"
        )
    for name, (lo, hi) in zip(names, (x_range, y_range), strict=True):
        finite(lo, f"{name} start")
        finite(hi, f"{name} end")
        if not lo < hi:
            raise ValueError(f"{name} range must increase, got ({lo}, {hi})")
    fn = compile_expr(parse(expr, names), tuple(symbol(n) for n in names), "numpy")
    xs = np.linspace(*x_range, lines)
    ys = np.linspace(*y_range, lines)
    xt = np.linspace(*x_range, samples)
    yt = np.linspace(*y_range, samples)

    def row(x: FloatArray, y: FloatArray) -> FloatArray:
        with np.errstate(all="ignore"):
            z = np.broadcast_to(np.asarray(fn(x, y), dtype=float), x.shape)
        if not np.all(np.isfinite(z)):
            raise ValueError(f"z = {expr} is not finite on the grid")
        return np.column_stack([x, y, z])

    return Wireframe(
        xs,
        ys,
        tuple(row(xt, np.full_like(xt, y)) for y in ys),
        tuple(row(np.full_like(yt, x), yt) for x in xs),
    )


# -- slices and tangents ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Slice:
    """The curve z = f(...) with every variable but ``free`` held fixed."""

    expr: sp.Expr  # in the free variable only
    free: sp.Symbol
    fixed: tuple[tuple[str, float], ...]
    derivative: sp.Expr  # the partial derivative along the free variable

    def latex(self) -> str:
        """LaTeX of the slice, e.g. ``4 - y^{2}`` (a leading minus sign is avoided)."""
        text = latex(self.expr)
        return sp.latex(self.expr, order="rev-lex") if text.startswith("-") else text

    def function(self) -> Callable[[float], float]:
        """The slice as a float function of the free variable (for plotting)."""
        fn = compile_expr(self.expr, self.free, "numpy")
        return lambda t: float(fn(t))

    def tangent(self, t: float) -> Tangent:
        """Point and slope of the slice at ``t``."""
        finite(t, "t")
        return Tangent(
            float(t),
            _to_float(self.expr.subs(self.free, t)),
            _to_float(self.derivative.subs(self.free, t)),
        )

    def tangents(self, ts: Sequence[float]) -> tuple[Tangent, ...]:
        """Tangents at each of ``ts``."""
        if len(ts) == 0:
            raise ValueError("ts is empty: give at least one point")
        return tuple(self.tangent(t) for t in ts)

    def curvature(self, t: float) -> float:
        """The slice's second derivative at ``t``: its bending (> 0 up, < 0 down).

        It is the unmixed second partial along the free variable (Stewart 14.3).
        """
        finite(t, "t")
        return _to_float(sp.diff(self.derivative, self.free).subs(self.free, t))

    def points(
        self, variables: Sequence[str], ts: Sequence[float] | FloatArray
    ) -> FloatArray:
        """The slice as points on the surface: rows (v_1, ..., v_n, z), one per ``t``.

        Columns follow ``variables`` (the free one takes ``ts``, the fixed ones
        their values), then z: the curve the slicing plane cuts out of the surface.
        """
        names = _check_variables(variables)
        fixed = dict(self.fixed)
        if set(names) != set(fixed) | {self.free.name}:
            raise ValueError(
                f"variables {names} must be the slice's: {self.free.name} and {sorted(fixed)}"
            )
        t = np.asarray(ts, dtype=float)
        if t.ndim != 1 or t.size == 0 or not np.all(np.isfinite(t)):
            raise ValueError("ts must be a non-empty sequence of finite numbers")
        z = np.asarray(compile_expr(self.expr, self.free, "numpy")(t), dtype=float)
        cols = [t if n == self.free.name else np.full_like(t, fixed[n]) for n in names]
        return np.column_stack([*cols, np.broadcast_to(z, t.shape)])


def slice_of(
    expr: str, variables: Sequence[str], free: str, fixed: Mapping[str, float]
) -> Slice:
    """Hold all variables but ``free`` at the values in ``fixed``.

    The slope of the slice is the partial derivative along ``free`` (Stewart 14.3,
    the geometric interpretation of partial derivatives).

    Raises
    ------
    ValueError
        If ``free`` is not a variable, or ``fixed`` does not give exactly the other
        variables, or a fixed value is not finite.
    """
    names = _check_variables(variables)
    if free not in names:
        raise ValueError(f"free variable {free!r} is not one of {names}")
    others = {n for n in names if n != free}
    if set(fixed) != others:
        raise ValueError(
            f"fixed must give exactly the other variables {sorted(others)}, got {sorted(fixed)}"
        )
    for name, value in fixed.items():
        finite(value, name)
    parsed = parse(expr, names)
    subs = {symbol(n): float(v) for n, v in fixed.items()}
    sliced = sp.nsimplify(parsed.subs(subs))
    free_sym = symbol(free)
    return Slice(
        sliced,
        free_sym,
        tuple((n, float(v)) for n, v in fixed.items()),
        sp.diff(sliced, free_sym),
    )


def saddle_x_direction() -> Slice:
    """z = x^2 - y^2 with y held at 0: z = x^2, slope dz/dx = 2x (content spec 5a)."""
    return slice_of(SADDLE, SADDLE_VARS, "x", {"y": SADDLE_Y_SLICE})


def saddle_y_direction() -> Slice:
    """z = x^2 - y^2 with x held at 2: z = 4 - y^2, slope dz/dy = -2y (content spec 5a)."""
    return slice_of(SADDLE, SADDLE_VARS, "y", {"x": SADDLE_X_SLICE})


def saddle_slice_tangents() -> tuple[tuple[Tangent, ...], tuple[Tangent, ...]]:
    """The notebook's tangents at -2..2 on both saddle slices (content spec 5a).

    Returns (along x with y = 0: points (-2, 4)...(2, 4), slopes -4..4;
    along y with x = 2: points (-2, 0)...(2, 0), slopes 4..-4).
    """
    return (
        saddle_x_direction().tangents(SLICE_POINTS),
        saddle_y_direction().tangents(SLICE_POINTS),
    )


@dataclass(frozen=True, slots=True)
class PointPartials:
    """z and both partials of the saddle at (x, y): one row of the exercise table."""

    x: float
    y: float
    z: float
    dz_dx: float
    dz_dy: float


def point_partials(
    expr: str, variables: Sequence[str], points: Sequence[tuple[float, float]]
) -> tuple[PointPartials, ...]:
    """z and both partials of a function of two variables at each (x, y) in ``points``.

    Raises ``ValueError`` for an empty list, non-finite points, or a value that is
    not a finite real number (the function undefined there).
    """
    if len(points) == 0:
        raise ValueError("points is empty: give at least one (x, y)")
    p = partial_derivatives(expr, variables)
    if len(p.variables) != 2:
        raise ValueError(f"point_partials needs two variables, got {variables}")
    rows = []
    for point in points:
        x, y = _check_point(point, 2)
        dx, dy = p.at((x, y))
        rows.append(PointPartials(x, y, p.value((x, y)), dx, dy))
    return tuple(rows)


def saddle_exercises(
    points: Sequence[tuple[float, float]] = SADDLE_EXERCISES,
) -> tuple[PointPartials, ...]:
    """The pencil-and-paper table for z = x^2 - y^2 (content spec 5a).

    dz/dx = 2x and dz/dy = -2y. Raises ``ValueError`` for an empty list or
    non-finite points.
    """
    return point_partials(SADDLE, SADDLE_VARS, points)


# -- the cylinder -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CylinderPoint:
    """v = pi r^2 l and its first and second partials at (r, l)."""

    r: float
    l: float  # noqa: E741 - the course's name for the length
    v: float
    dv_dr: float
    dv_dl: float
    d2v_dr2: float
    d2v_dl2: float
    d2v_drdl: float  # d/dl (dv/dr)
    d2v_dldr: float  # d/dr (dv/dl)


def cylinder(
    r: float = CYLINDER_POINT[0],
    l: float = CYLINDER_POINT[1],  # noqa: E741 (the course names the length l)
) -> CylinderPoint:
    """Volume of a cylinder and its partials, via :func:`hessian` of ``pi*r^2*l``.

    dv/dr = 2 pi r l, dv/dl = pi r^2, d2v/dr2 = 2 pi l, d2v/dl2 = 0,
    d2v/drdl = d2v/dldr = 2 pi r (content spec 5a, 5g). At (3, 5):
    v = 141.3717, dv/dl = 28.2743, dv/dr = 94.2478, mixed = 6 pi = 18.850.

    Raises
    ------
    ValueError
        If r or l is not finite or not positive (a cylinder needs both > 0).
    """
    finite(r, "r"), finite(l, "l")
    if r <= 0 or l <= 0:
        raise ValueError(f"radius and length must be positive, got r={r}, l={l}")
    first = partial_derivatives(CYLINDER, CYLINDER_VARS)
    h = hessian(CYLINDER, CYLINDER_VARS).at((r, l))
    dv_dr, dv_dl = first.at((r, l))
    return CylinderPoint(
        r=float(r),
        l=float(l),
        v=first.value((r, l)),
        dv_dr=dv_dr,
        dv_dl=dv_dl,
        d2v_dr2=h[0][0],
        d2v_dl2=h[1][1],
        d2v_drdl=h[0][1],
        d2v_dldr=h[1][0],
    )


def mixed_difference(
    expr: str, variables: Sequence[str], point: Sequence[float], h: float
) -> float:
    """Forward-difference estimate of the mixed partial d2f/dx dy at ``point``.

    [f(x+h, y+h) - f(x+h, y) - f(x, y+h) + f(x, y)] / h^2: the change, per unit
    of y, of the slope along x (a slope of a slope). It is symmetric in x and y,
    so both orders give the same estimate, and for smooth f it tends to the mixed
    partial as h -> 0 with error O(h) (Burden & Faires, *Numerical Analysis*,
    section 4.1). Raises ``ValueError`` for h <= 0 or f undefined at a sample.
    """
    step = finite(h, "h")
    if step <= 0:
        raise ValueError(f"h must be positive, got {h}")
    p = partial_derivatives(expr, variables)
    if len(p.variables) != 2:
        raise ValueError(f"mixed_difference needs two variables, got {variables}")
    x, y = _check_point(point, 2)
    f = p.value
    return (
        f((x + step, y + step)) - f((x + step, y)) - f((x, y + step)) + f((x, y))
    ) / (step * step)


# -- second-derivative test ------------------------------------------------------------
def classify_hessian(h: Sequence[Sequence[float]]) -> Kind:
    """Second-derivative test for a critical point of f(x, y) (Stewart 14.7).

    With D = f_xx f_yy - f_xy^2: D > 0 and f_xx > 0 is a minimum, D > 0 and
    f_xx < 0 a maximum, D < 0 a saddle, D = 0 inconclusive.

    Raises
    ------
    ValueError
        If ``h`` is not a finite symmetric 2 x 2 matrix.
    """
    arr = np.asarray(h, dtype=np.float64)
    if arr.shape != (2, 2):
        raise ValueError(f"Hessian must be 2 x 2, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError("Hessian must be finite")
    if not np.isclose(arr[0, 1], arr[1, 0]):
        raise ValueError("Hessian must be symmetric (mixed partials equal)")
    scale = max(1.0, float(np.max(np.abs(arr))) ** 2)
    det = float(arr[0, 0] * arr[1, 1] - arr[0, 1] * arr[1, 0])
    if abs(det) <= _ZERO_TOL * scale:
        return "inconclusive"
    if det < 0:
        return "saddle"
    return "minimum" if arr[0, 0] > 0 else "maximum"


def classify_second_derivative(f2: float) -> Kind:
    """Single-variable second-derivative test: f'' > 0 min, f'' < 0 max, 0 inconclusive.

    Stewart, section 4.3. Raises ``ValueError`` for a non-finite value.
    """
    finite(f2, "second_derivative")
    if abs(f2) <= _ZERO_TOL:
        return "inconclusive"
    return "minimum" if f2 > 0 else "maximum"


@dataclass(frozen=True, slots=True)
class CriticalPoint:
    """A critical point f'(x) = 0 of a single-variable function."""

    expr: sp.Expr
    x: float
    y: float
    second_derivative: float
    test: Kind  # verdict of the second-derivative test
    kind: Literal["minimum", "maximum", "inflection"]  # by the higher-order test

    @property
    def d1_latex(self) -> str:
        """LaTeX of f'(x)."""
        return latex(sp.diff(self.expr, symbol("x")))

    @property
    def d2_latex(self) -> str:
        """LaTeX of f''(x)."""
        return latex(sp.diff(self.expr, symbol("x"), 2))


def critical_points(expr: str) -> tuple[CriticalPoint, ...]:
    """Real critical points of f(x), classified, in increasing x.

    Solves f'(x) = 0, applies the second-derivative test, and settles
    inconclusive cases with the higher-order derivative test: if the first
    non-zero derivative at x0 has order n, an even n gives a min (positive) or
    max (negative), an odd n a stationary inflection point (Stewart 4.3,
    the higher derivative test).

    Raises
    ------
    ValueError
        If the expression is unparseable or has no real critical point.
    """
    x = symbol("x")
    f = parse(expr, ("x",))
    d1 = sp.diff(f, x)
    roots = sorted(float(r) for r in sp.solve(sp.Eq(d1, 0), x) if r.is_real)
    if not roots:
        raise ValueError(f"{expr!r} has no real critical point")
    points = []
    for x0 in roots:
        f2 = _to_float(sp.diff(f, x, 2).subs(x, x0))
        kind: Literal["minimum", "maximum", "inflection"]
        order, value = 2, f2
        while abs(value) <= _ZERO_TOL and order < 12:
            order += 1
            value = _to_float(sp.diff(f, x, order).subs(x, x0))
        if abs(value) <= _ZERO_TOL or order % 2 == 1:
            kind = "inflection"
        else:
            kind = "minimum" if value > 0 else "maximum"
        points.append(
            CriticalPoint(
                f,
                x0,
                _to_float(f.subs(x, x0)),
                f2,
                classify_second_derivative(f2),
                kind,
            )
        )
    return tuple(points)


def course_critical_points() -> tuple[CriticalPoint, ...]:
    """The Optimization notebook's three examples (content spec 5e/5g).

    y = x^2 + 3x + 4: min at (-1.5, 1.75); y = -x^2 + 3x + 4: max at (1.5, 6.25);
    y = x^3 + 6: inflection at (0, 6), where y'' = 0 leaves the test inconclusive.
    """
    return tuple(critical_points(f)[0] for f in CRITICAL_POINT_FUNCTIONS)


# -- single-point cost chain ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ChainFactor:
    """One factor of the chain rule: its symbol, its formula and its value."""

    symbol_latex: str  # e.g. \frac{\partial C}{\partial \hat y}
    formula_latex: str  # e.g. 2(\hat y - y)
    value: float


@dataclass(frozen=True, slots=True)
class CostChain:
    """C = u^2, u = y_hat - y, y_hat = m x + b for one data point (content spec 5b/5c).

    dC/dm = dC/du * du/dy_hat * dy_hat/dm = 2(y_hat - y) * 1 * x,
    dC/db = dC/du * du/dy_hat * dy_hat/db = 2(y_hat - y) * 1 * 1.
    """

    x: float
    y: float
    m: float
    b: float
    y_hat: float
    u: float
    cost: float
    dc_du: ChainFactor
    du_dyhat: ChainFactor
    dc_dyhat: ChainFactor
    dyhat_dm: ChainFactor
    dyhat_db: ChainFactor
    dc_dm: ChainFactor
    dc_db: ChainFactor

    @property
    def gradient(self) -> tuple[float, float]:
        """[dC/db, dC/dm]: the course orders b first (content spec 5d)."""
        return (self.dc_db.value, self.dc_dm.value)


def single_point_chain(
    x: float = REGRESSION_X[SINGLE_POINT_INDEX],
    y: float = REGRESSION_Y[SINGLE_POINT_INDEX],
    m: float = INITIAL_M,
    b: float = INITIAL_B,
) -> CostChain:
    """The partial-derivative chain rule through the quadratic cost of one point.

    Each local derivative is taken symbolically with sympy on its own link
    (C(u) = u^2, u(y_hat) = y_hat - y, y_hat(m, b) = m x + b) and evaluated at the
    point; the products are the chain rule (Stewart 14.5). At i = 7 with
    m = 0.9, b = 0.1: y_hat = 6.4, C = 60.3729, dC/dm = 108.78, dC/db = 15.54.

    Raises ``ValueError`` for a non-finite input.
    """
    for name, value in (("x", x), ("y", y), ("m", m), ("b", b)):
        finite(value, name)
    sx, sy, sm, sb, su, syh = sp.symbols("x y m b u yhat", real=True)
    cost_u = su**2
    u_yhat = syh - sy
    yhat_mb = sm * sx + sb
    values = {sx: x, sy: y, sm: m, sb: b}
    y_hat = _to_float(yhat_mb.subs(values))
    u = _to_float(u_yhat.subs({syh: y_hat, sy: y}))
    d_c_du = _to_float(sp.diff(cost_u, su).subs(su, u))
    d_u_dyhat = _to_float(sp.diff(u_yhat, syh))
    d_yhat_dm = _to_float(sp.diff(yhat_mb, sm).subs(values))
    d_yhat_db = _to_float(sp.diff(yhat_mb, sb).subs(values))
    d_c_dyhat = d_c_du * d_u_dyhat
    pc, hat = r"\partial C", r"\hat y"
    return CostChain(
        x=float(x),
        y=float(y),
        m=float(m),
        b=float(b),
        y_hat=y_hat,
        u=u,
        cost=_to_float(cost_u.subs(su, u)),
        dc_du=ChainFactor(rf"\frac{{{pc}}}{{\partial u}}", "2u", d_c_du),
        du_dyhat=ChainFactor(rf"\frac{{\partial u}}{{\partial {hat}}}", "1", d_u_dyhat),
        dc_dyhat=ChainFactor(
            rf"\frac{{{pc}}}{{\partial {hat}}}", rf"2({hat} - y)", d_c_dyhat
        ),
        dyhat_dm=ChainFactor(rf"\frac{{\partial {hat}}}{{\partial m}}", "x", d_yhat_dm),
        dyhat_db=ChainFactor(rf"\frac{{\partial {hat}}}{{\partial b}}", "1", d_yhat_db),
        dc_dm=ChainFactor(
            rf"\frac{{{pc}}}{{\partial m}}", rf"2({hat} - y)\,x", d_c_dyhat * d_yhat_dm
        ),
        dc_db=ChainFactor(
            rf"\frac{{{pc}}}{{\partial b}}", rf"2({hat} - y)", d_c_dyhat * d_yhat_db
        ),
    )
