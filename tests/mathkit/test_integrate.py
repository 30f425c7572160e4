"""Tests for mathkit.integrate against sympy, scipy, analytic answers and the course figures."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate as sci

from mathkit.data import INTEGRAL_EXAMPLES, RIEMANN_NS
from mathkit.integrate import (
    ERROR_DEMO,
    antiderivative,
    definite_integral,
    error_table,
    exact_integral,
    integrand_function,
    quad,
    riemann_sum,
    simpson,
    trapezoid,
)

x = sp.Symbol("x", real=True)

# Content spec 6d: left and right sums of x/2 on [1, 2] for n = 4, 10, 100 [COMPUTED].
SPEC_LEFT = (0.6875, 0.725, 0.7475)
SPEC_RIGHT = (0.8125, 0.775, 0.7525)
# Content spec 6e / Appendix A: quad values printed by the notebook [NB].
SPEC_QUAD = (0.75, 7.0)

finite = st.floats(-5, 5, allow_nan=False)


# -- symbolic ------------------------------------------------------------------------------
def test_course_examples_match_spec_working() -> None:
    half = definite_integral(*INTEGRAL_EXAMPLES[0])
    assert half.exact == sp.Rational(3, 4)
    assert [s.latex for s in half.steps()][1:] == [
        r"= \left[\frac{x^{2}}{4}\right]_{1}^{2}",
        r"= 1 - \frac{1}{4}",
        r"= \frac{3}{4}",
    ]
    double = definite_integral(*INTEGRAL_EXAMPLES[1])
    assert (double.upper, double.lower, double.exact) == (16, 9, 7)
    assert double.steps()[1].latex == r"= \left[x^{2}\right]_{3}^{4}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x/2", x**2 / 4),
        ("2x", x**2),
        ("3x^2 - 4x + 1", x**3 - 2 * x**2 + x),
        ("5", 5 * x),
        ("x^(-2) + sqrt(x)", -1 / x + sp.Rational(2, 3) * x ** sp.Rational(3, 2)),
    ],
)
def test_antiderivative_matches_sympy(text: str, expected: sp.Expr) -> None:
    result = antiderivative(text).result
    assert sp.simplify(result - expected) == 0
    # independent check: differentiating gives the integrand back, and sympy agrees up to C
    assert sp.simplify(sp.diff(result, x) - sp.diff(expected, x)) == 0
    ref = sp.integrate(sp.diff(expected, x), x)
    assert sp.diff(sp.simplify(result - ref), x).simplify() == 0


def test_antiderivative_steps_show_rules() -> None:
    steps = {s.label: s.latex for s in antiderivative("3x^2 - 4x + 1").steps()}
    assert steps["sum"] == r"= \int 3 x^{2}\,dx - \int 4 x\,dx + \int 1\,dx"
    assert steps["constant"].startswith(r"= 3 \int x^{2}\,dx - 4 \int x\,dx")
    assert r"\frac{x^{3}}{3}" in steps["power"]
    assert steps["result"] == "= x^{3} - 2 x^{2} + x + C"


@pytest.mark.parametrize(
    ("text", "a", "b"), [("x/2", 1, 2), ("2x", 3, 4), ("x^3 - x", -2, 3), ("7", 0, 0.5)]
)
def test_definite_matches_sympy(text: str, a: float, b: float) -> None:
    expr = {"x/2": x / 2, "2x": 2 * x, "x^3 - x": x**3 - x, "7": sp.Integer(7)}[text]
    ref = sp.integrate(expr, (x, sp.nsimplify(a), sp.nsimplify(b)))
    assert definite_integral(text, a, b).exact == ref


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("1/x", "power -1"),
        ("sin(x)", "not a constant times a power"),
        ("2^x", "not a constant times a power"),
        ("x +* 2", "cannot parse"),
        ("y", "unknown name"),
    ],
)
def test_antiderivative_rejects(text: str, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        antiderivative(text)


# -- Riemann sums -------------------------------------------------------------------------------
def test_riemann_sums_match_spec() -> None:
    text, a, b = INTEGRAL_EXAMPLES[0]
    for n, left, right in zip(RIEMANN_NS, SPEC_LEFT, SPEC_RIGHT, strict=True):
        assert riemann_sum(text, a, b, n, "left").value == pytest.approx(
            left, abs=1e-12
        )
        assert riemann_sum(text, a, b, n, "right").value == pytest.approx(
            right, abs=1e-12
        )


def test_riemann_rectangles_geometry() -> None:
    rs = riemann_sum("x/2", 1, 2, 4, "right")
    np.testing.assert_allclose(rs.lefts, [1, 1.25, 1.5, 1.75])
    np.testing.assert_allclose(rs.samples, [1.25, 1.5, 1.75, 2])
    np.testing.assert_allclose(rs.heights, np.array([1.25, 1.5, 1.75, 2]) / 2)
    assert rs.width == 0.25


@settings(max_examples=50)
@given(
    m=st.integers(-20, 20),
    c=st.integers(-20, 20),
    a=finite,
    w=st.floats(0, 5),
    n=st.integers(1, 50),
)
def test_midpoint_exact_for_linear(m: int, c: int, a: float, w: float, n: int) -> None:
    b = a + w
    text = f"{m}*x + {c}"
    exact = m * (b**2 - a**2) / 2 + c * (b - a)
    assert riemann_sum(text, a, b, n, "midpoint").value == pytest.approx(
        exact, abs=1e-9
    )


@settings(max_examples=50)
@given(n=st.integers(1, 200))
def test_left_right_bracket_increasing(n: int) -> None:
    # x/2 increases, so left sums under- and right sums over-estimate; gap = (f(b)-f(a)) dx
    left = riemann_sum("x/2", 1, 2, n, "left").value
    right = riemann_sum("x/2", 1, 2, n, "right").value
    assert left <= 0.75 <= right
    assert right - left == pytest.approx(0.5 / n)


# -- trapezoid and Simpson --------------------------------------------------------------------------
@pytest.mark.parametrize("n", [2, 6, 40])
@pytest.mark.parametrize("text", ["sin(x)", "exp(x)", "x^3 - 2x"])
def test_rules_match_scipy(text: str, n: int) -> None:
    xs = np.linspace(0.3, 2.1, n + 1)
    ys = {"sin(x)": np.sin, "exp(x)": np.exp, "x^3 - 2x": lambda v: v**3 - 2 * v}[text](
        xs
    )
    assert trapezoid(text, 0.3, 2.1, n) == pytest.approx(
        sci.trapezoid(ys, xs), rel=1e-12
    )
    assert simpson(text, 0.3, 2.1, n) == pytest.approx(sci.simpson(ys, x=xs), rel=1e-12)


def test_simpson_exact_for_cubics() -> None:
    assert simpson("x^3 - 2x + 1", -1, 2, 2) == pytest.approx(float(sp.Rational(15, 4)))


def test_error_table_orders() -> None:
    table = error_table()
    assert table.exact == pytest.approx(2.0, abs=1e-14)  # one arch of sine
    assert 1.9 < table.order("trapezoid") < 2.1
    assert 3.8 < table.order("simpson") < 4.2
    assert np.all(table.simpson < table.trapezoid)


@settings(max_examples=50)
@given(
    # first and fourth derivatives keep one sign: leading error terms never cancel
    text=st.sampled_from(["exp(x)", "exp(-x/2)", "1/(1 + x)", "sqrt(x + 1)"]),
    a=st.floats(0, 1),
    w=st.floats(0.5, 2),
    n=st.integers(4, 16).map(lambda k: 2 * k),
)
def test_halving_h_divides_error(text: str, a: float, w: float, n: int) -> None:
    b = a + w
    exact, _ = sci.quad(
        lambda v: float(integrand_function(text)(np.asarray(v))),
        a,
        b,
        epsabs=1e-13,
        epsrel=1e-13,
        limit=200,
    )
    t1, t2 = (abs(trapezoid(text, a, b, k) - exact) for k in (n, 2 * n))
    s1, s2 = (abs(simpson(text, a, b, k) - exact) for k in (n, 2 * n))
    if t2 > 1e-11:
        assert 3.0 < t1 / t2 < 5.0
    if s2 > 1e-11:
        assert 10.0 < s1 / s2 < 22.0


def test_exact_integral_matches_quad() -> None:
    for text, a, b in [ERROR_DEMO, ("exp(x)", 0.0, 1.0)]:
        ref, _ = sci.quad(
            lambda v, t=text: float(integrand_function(t)(np.asarray(v))), a, b
        )
        assert exact_integral(text, a, b) == pytest.approx(ref, rel=1e-12)
    assert exact_integral("exp(x)", 0, 1) == pytest.approx(math.e - 1)


# -- quad ---------------------------------------------------------------------------------------------
def test_quad_matches_notebook() -> None:
    for (text, a, b), expected in zip(INTEGRAL_EXAMPLES, SPEC_QUAD, strict=True):
        result = quad(text, a, b)
        assert result.value == pytest.approx(expected, rel=1e-14)
        assert 0 <= result.abserr < 1e-10


# -- bad input ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: riemann_sum("x", 0, 1, 0), "positive"),
        (lambda: riemann_sum("x", 0, 1, -3), "positive"),
        (lambda: riemann_sum("x", 0, 1, 2.5), "integer"),
        (lambda: riemann_sum("x", 0, 1, 4, "top"), "unknown Riemann rule"),
        (lambda: riemann_sum("x", 2, 1, 4), "reversed bounds"),
        (lambda: trapezoid("x", float("nan"), 1, 4), "finite"),
        (lambda: trapezoid("x", 0, float("inf"), 4), "finite"),
        (lambda: simpson("x", 0, 1, 3), "even"),
        (lambda: simpson("x", 0, 1, 0), "positive"),
        (lambda: quad("x", 1, 0), "reversed bounds"),
        (lambda: quad("import os", 0, 1), "cannot parse"),
        (lambda: definite_integral("x", 3, 1), "reversed bounds"),
        (lambda: trapezoid("1/x", 0, 1, 4), "not finite at x = 0"),
        (lambda: error_table(ns=()), "empty"),
        (lambda: error_table(ns=(2, 3)), "even"),
    ],
)
def test_bad_input(call, match: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=match):
        call()


# -- the rules as pictures ------------------------------------------------------------------
@pytest.mark.parametrize("n", [2, 4, 8])
def test_the_drawn_trapezoids_and_parabolas_add_up_to_the_rules(n: int) -> None:
    """The pictures are the rules: trapezoid areas sum to T_n, the fitted parabolas pass
    through the nodes and integrate (scipy.integrate.simpson as oracle) to S_n."""
    from scipy import integrate as si

    from mathkit.integrate import rule_nodes, simpson, simpson_parabolas, trapezoid

    nodes = rule_nodes("sin(x)", 0.0, math.pi, n)
    assert nodes.xs.size == n + 1
    np.testing.assert_allclose(nodes.ys, np.sin(nodes.xs), atol=1e-15)
    assert math.isclose(
        nodes.trapezoid_areas().sum(), trapezoid("sin(x)", 0, math.pi, n)
    )
    coeffs = simpson_parabolas("sin(x)", 0.0, math.pi, n)
    total = 0.0
    for k, row in enumerate(coeffs):
        xs = nodes.xs[2 * k : 2 * k + 3]
        np.testing.assert_allclose(
            np.polyval(row, xs), nodes.ys[2 * k : 2 * k + 3], atol=1e-12
        )
        anti = np.polyint(row)
        total += np.polyval(anti, xs[-1]) - np.polyval(anti, xs[0])
    assert math.isclose(total, simpson("sin(x)", 0, math.pi, n), rel_tol=1e-12)
    assert math.isclose(total, si.simpson(nodes.ys, x=nodes.xs), rel_tol=1e-12)
    with pytest.raises(ValueError, match="even"):
        simpson_parabolas("sin(x)", 0.0, math.pi, 3)
