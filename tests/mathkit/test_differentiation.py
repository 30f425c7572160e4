"""mathkit.differentiation against the course's published figures, sympy and analytic answers."""

from __future__ import annotations

import math

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from mathkit.data import (
    DELTA_DX_SMALL,
    DELTA_POINT_X,
    DELTA_Q_XS,
    DIFFERENCE_QUOTIENT_DELTAS,
    RUNNING_FUNCTION,
    VERTEX_X,
)
from mathkit.differentiation import (
    DX,
    X,
    as_function,
    central_difference,
    delta_sequence,
    derivative,
    derivative_forms,
    difference_quotient_table,
    forward_difference,
    quotient_simplification,
    secant_line,
    tangent_line,
)


def running(x: float) -> float:
    # Typed independently of mathkit, in the notebook's own form.
    return x**2 + 2 * x + 2


# -- content spec 2a: the delta method -------------------------------------------------


def test_running_function_published_values() -> None:
    f = as_function(RUNNING_FUNCTION)
    assert f(2) == 10
    assert f(5) == 37
    assert f(2.1) == pytest.approx(10.61, abs=1e-12)


def test_secant_through_5_37() -> None:
    s = secant_line(RUNNING_FUNCTION, DELTA_POINT_X, DELTA_Q_XS[0])
    assert (s.x1, s.y1, s.x2, s.y2) == (2, 10, 5, 37)
    assert s.slope == 9  # 27 / 3
    assert s.intercept == -8  # 37 - 45
    assert (s.dx, s.dy) == (3, 27)


def test_secant_through_2_1() -> None:
    s = secant_line(RUNNING_FUNCTION, DELTA_POINT_X, DELTA_Q_XS[1])
    assert s.y2 == pytest.approx(10.61)
    assert s.slope == pytest.approx(6.1, abs=1e-9)
    assert s.intercept == pytest.approx(-2.2, abs=1e-9)
    assert s.line.at(2.1) == pytest.approx(10.61)


def test_delta_sequence_reproduces_notebook_floats() -> None:
    steps = delta_sequence(RUNNING_FUNCTION, DELTA_POINT_X, (3.0, 0.1, DELTA_DX_SMALL))
    assert [s.slope for s in steps[:1]] == [9.0]
    assert steps[1].slope == pytest.approx(6.1, abs=1e-9)
    # Notebook output: x2 = 2.000001, y2 = 10.000006000001001, m = 6.000001000088901
    assert steps[2].q_x == pytest.approx(2.000001, abs=1e-15)
    assert steps[2].q_y == pytest.approx(10.000006000001001, abs=1e-12)
    assert steps[2].slope == pytest.approx(6.000001000088901, abs=1e-9)


def test_delta_method_at_vertex() -> None:
    (step,) = delta_sequence(RUNNING_FUNCTION, VERTEX_X, (DELTA_DX_SMALL,))
    # Notebook: Q = (-0.999999, 1.000000000001), m = 1.0000889e-06, b = 1.000001
    assert step.q_x == pytest.approx(-0.999999, abs=1e-15)
    assert step.q_y == pytest.approx(1.000000000001, abs=1e-14)
    assert step.slope == pytest.approx(1.0000889e-06, rel=1e-6)
    assert step.intercept == pytest.approx(1.000001, abs=1e-9)


def test_tangents_published() -> None:
    t = tangent_line(RUNNING_FUNCTION, 2.0)
    assert (t.slope, t.intercept, t.y) == (6.0, -2.0, 10.0)
    assert t.latex == "y = 6 x - 2"
    v = tangent_line(RUNNING_FUNCTION, VERTEX_X)
    assert (v.slope, v.intercept) == (0.0, 1.0)
    assert v.latex == "y = 1"


@pytest.mark.parametrize(
    ("expr", "x0"),
    [("sin(x)", 0.7), ("exp(x)*x", -0.3), ("sqrt(x)", 4.0), ("x^3 - x", 1.5)],
)
def test_tangent_slope_matches_sympy_and_central_difference(
    expr: str, x0: float
) -> None:
    t = tangent_line(expr, x0)
    x = sp.Symbol("x", real=True)
    ref = sp.diff(sp.sympify(expr.replace("^", "**"), locals={"x": x}), x)
    assert t.slope == pytest.approx(float(ref.subs(x, x0)), rel=1e-12)
    assert t.slope == pytest.approx(central_difference(expr, x0, 1e-5), rel=1e-7)
    assert t.intercept == pytest.approx(t.y - t.slope * x0)


# -- content spec 2b: the difference-quotient table ---------------------------------------


def test_table_at_2_matches_notebook() -> None:
    rows = difference_quotient_table(RUNNING_FUNCTION, 2.0, DIFFERENCE_QUOTIENT_DELTAS)
    assert [r.delta for r in rows] == list(DIFFERENCE_QUOTIENT_DELTAS)
    published = [7.0, 6.1, 6.01, 6.001, 6.0001, 6.00001, 6.000001]
    for row, value in zip(rows, published, strict=True):
        assert row.quotient == pytest.approx(value, abs=1e-8)
    # The notebook's printed float for delta = 1e-6 and its rounding noise at 1e-4.
    assert rows[-1].quotient == pytest.approx(6.000001000927568, abs=1e-9)
    assert rows[4].quotient == pytest.approx(6.000100000012054, abs=1e-9)


def test_table_at_vertex_matches_notebook() -> None:
    rows = difference_quotient_table(RUNNING_FUNCTION, VERTEX_X)
    published = [1.0, 0.1, 0.01, 0.001, 1e-4, 1e-5, 1.0000889e-6]
    for row, value in zip(rows, published, strict=True):
        assert row.quotient == pytest.approx(value, rel=1e-5)


def test_table_accepts_callable_and_matches_hand_formula() -> None:
    rows = difference_quotient_table(running, 3.0, (0.5, 0.25))
    assert [r.quotient for r in rows] == [
        (running(3.5) - running(3.0)) / 0.5,
        (running(3.25) - running(3.0)) / 0.25,
    ]


@settings(max_examples=50)
@given(
    a=st.floats(-5, 5).filter(lambda v: abs(v) > 1e-3),
    b=st.floats(-5, 5),
    c=st.floats(-5, 5),
    x=st.floats(-5, 5),
    dx=st.floats(1e-3, 1.0),
)
def test_forward_quotient_of_quadratic_is_derivative_plus_a_dx(
    a: float, b: float, c: float, x: float, dx: float
) -> None:
    def q(t: float) -> float:
        return a * t * t + b * t + c

    # [a(x+h)^2 + b(x+h) + c - (ax^2 + bx + c)] / h = 2ax + b + a h exactly.
    expected = 2 * a * x + b + a * dx
    assert forward_difference(q, x, dx) == pytest.approx(
        expected, abs=1e-8 * (1 + abs(expected)) / dx
    )


@settings(max_examples=50)
@given(x=st.floats(-3, 3), h=st.floats(1e-4, 1e-2))
def test_differences_approximate_cosine(x: float, h: float) -> None:
    assert forward_difference(math.sin, x, h) == pytest.approx(math.cos(x), abs=h)
    assert central_difference(math.sin, x, h) == pytest.approx(math.cos(x), abs=h * h)


def test_convergence_orders() -> None:
    def err_fwd(h: float) -> float:
        return abs(forward_difference(math.exp, 0.5, h) - math.exp(0.5))

    def err_cen(h: float) -> float:
        return abs(central_difference(math.exp, 0.5, h) - math.exp(0.5))

    # O(h): halving h halves the error; O(h^2): halving h quarters it.
    assert 1.8 < err_fwd(1e-2) / err_fwd(5e-3) < 2.2
    assert 3.5 < err_cen(1e-1) / err_cen(5e-2) < 4.5


# -- symbolic -----------------------------------------------------------------------------


def test_quotient_simplification_of_running_function() -> None:
    steps = {s.label: s for s in quotient_simplification(RUNNING_FUNCTION)}
    assert list(steps) == [
        "definition",
        "substituted",
        "expanded",
        "cancelled",
        "limit",
    ]
    x = sp.Symbol("x", real=True)
    h = sp.Symbol("h")
    assert sp.expand(steps["cancelled"].expr.subs(DX, h) - (2 * x + 2 + h)) == 0
    assert sp.expand(steps["limit"].expr - (2 * x + 2)) == 0
    assert steps["cancelled"].latex == r"2 x + 2 + \Delta x"
    assert steps["limit"].latex == "2 x + 2"
    assert (
        steps["expanded"].latex
        == r"\frac{2 x \Delta x + 2 \Delta x + \Delta x^{2}}{\Delta x}"
    )
    assert r"\left(x + \Delta x\right)^{2}" in steps["substituted"].latex
    # Every step is the same function of x and dx (checked at a sample point).
    at = {X: sp.Rational(3, 7), DX: sp.Rational(1, 5)}
    values = {sp.nsimplify(s.expr.subs(at)) for s in list(steps.values())[:4]}
    assert len(values) == 1


@pytest.mark.parametrize("expr", ["x^3 - x", "5x^4 + 2", "3x", "(x + 1)^2"])
def test_quotient_limit_is_sympy_derivative(expr: str) -> None:
    limit = quotient_simplification(expr)[-1].expr
    x = sp.Symbol("x", real=True)
    h = sp.Symbol("h")
    f = sp.sympify(
        expr.replace("^", "**").replace("5x", "5*x").replace("3x", "3*x"),
        locals={"x": x},
    )
    assert sp.simplify(limit - sp.diff(f, x)) == 0
    assert sp.simplify(limit - sp.limit((f.subs(x, x + h) - f) / h, h, 0)) == 0


def test_derivative_forms_of_running_function() -> None:
    forms = derivative_forms()
    x = sp.Symbol("x", real=True)
    f = x**2 + 2 * x + 2
    assert sp.expand(forms.first - sp.diff(f, x)) == 0
    assert forms.second == sp.diff(f, x, 2) == 2
    assert forms.first_latex == "2 x + 2"
    assert forms.second_latex == "2"
    assert forms.values(2.0) == (10.0, 6.0, 2.0)
    assert forms.values(-1.0) == (1.0, 0.0, 2.0)
    assert derivative("x^3", 3) == 6


# -- bad input ---------------------------------------------------------------------------


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="non-zero"):
        forward_difference(running, 1.0, 0.0)
    with pytest.raises(ValueError, match="positive"):
        central_difference(running, 1.0, -0.1)
    with pytest.raises(ValueError, match="finite"):
        forward_difference(running, math.nan, 0.1)
    with pytest.raises(ValueError, match="finite"):
        central_difference(running, 1.0, math.inf)
    with pytest.raises(ValueError, match="different x"):
        secant_line(RUNNING_FUNCTION, 2.0, 2.0)
    with pytest.raises(ValueError, match="empty"):
        delta_sequence(RUNNING_FUNCTION, 2.0, [])
    with pytest.raises(ValueError, match="non-zero"):
        delta_sequence(RUNNING_FUNCTION, 2.0, [0.1, 0.0])
    with pytest.raises(ValueError, match="empty"):
        difference_quotient_table(RUNNING_FUNCTION, 2.0, ())
    with pytest.raises(ValueError, match="unsupported syntax"):
        tangent_line("__import__('os')", 1.0)
    with pytest.raises(ValueError, match="empty"):
        as_function("  ")
    with pytest.raises(ValueError, match="callable"):
        as_function(3.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a polynomial"):
        quotient_simplification("sin(x)")
    with pytest.raises(ValueError, match="constant"):
        quotient_simplification("7")
    with pytest.raises(ValueError, match="positive integer"):
        derivative(RUNNING_FUNCTION, 0)
    with pytest.raises(ValueError, match="not real and finite"):
        tangent_line("sqrt(x)", -1.0)
    with pytest.raises(ValueError, match="not finite"):
        secant_line(lambda t: 1.0 / t if t else math.inf, 0.0, 1.0)


def test_difference_expansion_cancels_every_term_of_f() -> None:
    from mathkit.differentiation import DX, X, difference_expansion
    from mathkit.expr import parse

    for expr in ("x^2 + 2x + 2", "x^3 - 3x", "5x^4 - x + 7"):
        e = difference_expansion(expr)
        f = parse(expr)
        total = sp.expand(f.subs(X, X + DX) - f)
        assert sp.expand(sum(e.shifted) + sum(e.original) - total) == 0
        # every term of f(x) cancels, and what is left is divisible by dx
        assert len(e.cancelling()) == len(e.original)
        left = sp.expand(sum(e.remaining()))
        assert sp.expand(left - total) == 0
        assert all(t.has(DX) for t in e.remaining())
    running = difference_expansion("x^2 + 2x + 2")
    # (x + dx)^2 + 2(x + dx) + 2 in reading order
    assert running.shifted == (X**2, 2 * X * DX, DX**2, 2 * X, 2 * DX, 2)
    with pytest.raises(ValueError, match="polynomial"):
        difference_expansion("sin(x)")
