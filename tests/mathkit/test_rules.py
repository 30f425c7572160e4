"""Tests for mathkit.rules: course examples against sympy.diff and the content spec."""

from __future__ import annotations

import math

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from mathkit.expr import parse
from mathkit.rules import (
    CONSTANT_EXAMPLE,
    CONSTANT_MULTIPLE_EXAMPLE,
    EXTRA_EXERCISES,
    POWER_EXAMPLE,
    PRODUCT_FACTORS,
    QUOTIENT_LIMIT_PARTS,
    QUOTIENT_PARTS,
    RULE_NAMES,
    SUM_EXAMPLE,
    differentiate,
    expand_then_differentiate,
    product_rule,
    quotient_rule,
)
from tests.mathkit.oracles import central_difference

x = sp.Symbol("x", real=True)

# (expression, course answer written independently from the content spec, first rule)
COURSE_ANSWERS = [
    ("25", sp.Integer(0), "constant"),
    ("x^4", 4 * x**3, "power"),
    ("2x^4", 8 * x**3, "constant multiple"),
    ("x^2 + 2x + 2", 2 * x + 2, "sum"),
    ("(x^2 + 2x + 2)(x - 1)", 3 * x**2 + 2 * x, "product"),
    ("x/(x^2 + 1)", (1 - x**2) / (x**2 + 1) ** 2, "quotient"),
    ("(x^2 - 1)/(x - 1)", sp.Integer(1), "quotient"),
    ("2x^3 - 4x + 7", 6 * x**2 - 4, "sum"),
    ("x^-2", -2 * x**-3, "power"),
    ("sqrt(x)", 1 / (2 * sp.sqrt(x)), "power"),
    ("(x^2 + 1)^3", 6 * x * (x**2 + 1) ** 2, "chain"),
    ("(3x + 1)^2", 18 * x + 6, "chain"),
]


@pytest.mark.parametrize(("text", "answer", "rule"), COURSE_ANSWERS)
def test_course_examples_match_spec_and_sympy(
    text: str, answer: sp.Expr, rule: str
) -> None:
    result = differentiate(text)
    reference = sp.diff(parse(text), x)
    assert sp.simplify(result.simplified - answer) == 0
    assert sp.simplify(result.derivative - reference) == 0
    assert result.rule == rule


def test_module_constants_are_the_course_examples() -> None:
    assert differentiate(CONSTANT_EXAMPLE).simplified == 0
    assert sp.expand(differentiate(POWER_EXAMPLE).simplified - 4 * x**3) == 0
    assert (
        sp.expand(differentiate(CONSTANT_MULTIPLE_EXAMPLE).simplified - 8 * x**3) == 0
    )
    assert sp.expand(differentiate(SUM_EXAMPLE).simplified - (2 * x + 2)) == 0
    assert len(EXTRA_EXERCISES) == 4


def test_sum_example_matches_delta_method_slopes() -> None:
    # content spec 2a: slope 6 at x = 2 and 0 at the vertex x = -1 (delta method)
    result = differentiate(SUM_EXAMPLE)
    assert result.df(2.0) == pytest.approx(6.0)
    assert result.df(-1.0) == pytest.approx(0.0, abs=1e-12)
    assert result.f(2.0) == pytest.approx(10.0)
    tangent = result.tangent(2.0)
    assert (tangent.slope, tangent.intercept) == pytest.approx(
        (6.0, -2.0)
    )  # y = 6x - 2


def test_sum_records_power_constant_multiple_and_constant() -> None:
    rules = differentiate(SUM_EXAMPLE).rules
    assert rules[0] == "sum"
    assert {"power", "constant multiple", "constant"} <= set(rules)
    assert set(rules) <= set(RULE_NAMES)


def test_product_rule_keeps_course_order_and_answer() -> None:
    result = product_rule(*PRODUCT_FACTORS)
    assert result.rule == "product"
    assert sp.expand(result.simplified - (3 * x**2 + 2 * x)) == 0
    step = result.steps[0]
    assert step.expr_latex.startswith(r"\left(x^{2} + 2 x + 2\right)")
    # w dz/dx + z dw/dx with w = x^2 + 2x + 2, z = x - 1
    assert step.substituted_latex.endswith(
        r"\left(x - 1\right) \cdot \left(2 x + 2\right)"
    )
    assert step.result_latex == "3 x^{2} + 2 x"
    assert "sum" in result.rules[1:]


def test_expand_then_differentiate_agrees_with_product_rule() -> None:
    result = product_rule(*PRODUCT_FACTORS)
    check = expand_then_differentiate(result)
    # (x^2 + 2x + 2)(x - 1) = x^3 + x^2 - 2, multiplied out by hand
    assert sp.expand(check.expr - (x**3 + x**2 - 2)) == 0
    assert "product" not in check.rules
    assert sp.expand(check.simplified - result.simplified) == 0


def test_quotient_rule_answers_and_latex() -> None:
    result = quotient_rule(*QUOTIENT_PARTS)
    assert result.rule == "quotient"
    assert sp.simplify(result.simplified - (1 - x**2) / (x**2 + 1) ** 2) == 0
    assert result.result_latex == r"\frac{1 - x^{2}}{\left(x^{2} + 1\right)^{2}}"
    limit = quotient_rule(*QUOTIENT_LIMIT_PARTS)
    assert limit.simplified == 1
    # (x^2 - 1)/(x - 1) is undefined at x = 1 (the limit example of 1d)
    with pytest.raises(ValueError, match="not defined"):
        limit.f(1.0)
    assert limit.df(3.0) == pytest.approx(1.0)
    assert limit.undefined_at == (1.0,)
    assert result.undefined_at == ()  # x^2 + 1 has no real zeros
    assert differentiate("1/(x^2 - 4)").undefined_at == (
        -2.0,
        2.0,
    )  # x^2 - 4 = (x-2)(x+2)


def test_chain_step_delegates_and_records_inner_rules() -> None:
    result = differentiate("(5x + 25)^3")
    assert result.rule == "chain"
    assert sp.expand(result.simplified - 375 * (x + 5) ** 2) == 0
    assert result.rules[1] == "sum"  # du/dx worked out by the sum rule
    assert sp.factor(differentiate("(x^2 + 1)^3").factored) == sp.factor(
        6 * x * (x**2 + 1) ** 2
    )


def test_steps_latex_is_nonempty() -> None:
    for text, _, _ in COURSE_ANSWERS:
        for step in differentiate(text).steps:
            assert step.expr_latex
            assert step.applied_latex
            assert step.result_latex


def test_tangent_of_quotient_against_scipy_free_analytic_value() -> None:
    # f(x) = x/(x^2+1): f(0) = 0, f'(0) = 1; f'(1) = 0 (maximum of f)
    result = quotient_rule(*QUOTIENT_PARTS)
    t0 = result.tangent(0.0)
    assert (t0.y, t0.slope, t0.intercept) == pytest.approx((0.0, 1.0, 0.0))
    assert result.df(1.0) == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "empty"),
        ("x +", "cannot parse"),
        ("__import__('os')", "unsupported|unknown"),
        ("y^2", "unknown name"),
        ("2^x", "variable exponent"),
    ],
)
def test_bad_expressions_raise(text: str, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        differentiate(text)


def test_bad_factors_and_points_raise() -> None:
    with pytest.raises(ValueError, match="does not depend on x"):
        product_rule("3", "x")
    with pytest.raises(ValueError, match="does not depend on x"):
        quotient_rule("x", "2")
    with pytest.raises(ValueError, match="identically zero"):
        quotient_rule("x", "(x + 1)^2 - x^2 - 2x - 1")
    result = differentiate("sqrt(x)")
    with pytest.raises(ValueError, match="not defined"):
        result.f(-1.0)
    with pytest.raises(ValueError, match="finite"):
        result.df(math.nan)
    with pytest.raises(ValueError, match="finite"):
        result.tangent(math.inf)


coefficients = st.lists(st.integers(min_value=-9, max_value=9), min_size=1, max_size=6)


def _poly_text(coeffs: list[int]) -> str:
    return " + ".join(f"({c})*x^{k}" for k, c in enumerate(coeffs))


@settings(max_examples=50)
@given(coeffs=coefficients)
def test_random_polynomials_match_sympy(coeffs: list[int]) -> None:
    text = _poly_text(coeffs)
    reference = sp.diff(sum(c * x**k for k, c in enumerate(coeffs)), x)
    assert sp.expand(differentiate(text).simplified - reference) == 0


@settings(max_examples=50)
@given(
    coeffs=coefficients,
    x0=st.floats(min_value=-3, max_value=3, allow_nan=False, allow_infinity=False),
)
def test_random_polynomials_match_central_difference(
    coeffs: list[int], x0: float
) -> None:
    result = differentiate(_poly_text(coeffs))
    numeric = central_difference(result.f, x0)
    assert result.df(x0) == pytest.approx(numeric, rel=1e-6, abs=1e-4)


@settings(max_examples=25)
@given(
    a=st.lists(st.integers(min_value=-5, max_value=5), min_size=2, max_size=3),
    b=st.lists(st.integers(min_value=-5, max_value=5), min_size=2, max_size=3),
)
def test_random_products_and_quotients_match_sympy(a: list[int], b: list[int]) -> None:
    w, z = _poly_text(a), _poly_text(b)
    w_expr, z_expr = parse(w), parse(z)
    if not w_expr.has(x) or not z_expr.has(x):
        with pytest.raises(ValueError, match="does not depend on x"):
            product_rule(w, z)
        return
    prod = product_rule(w, z)
    assert prod.rule == "product"
    assert sp.expand(prod.simplified - sp.diff(w_expr * z_expr, x)) == 0
    quot = quotient_rule(w, z)
    assert quot.rule == "quotient"
    assert sp.cancel(quot.simplified - sp.diff(w_expr / z_expr, x)) == 0


X_SYM = sp.Symbol("x")
COURSE_CURVES = {
    # sympy, not mathkit.expr: an independent reading of each course example
    "PowerRule": X_SYM**4,
    "ConstantMultipleRule": 2 * X_SYM**4,
    "SumRule": X_SYM**2 + 2 * X_SYM + 2,
    "ProductRule": (X_SYM**2 + 2 * X_SYM + 2) * (X_SYM - 1),
    "QuotientRule": X_SYM / (X_SYM**2 + 1),
}


@pytest.mark.parametrize("scene", sorted(COURSE_CURVES))
def test_each_rule_window_shows_its_check_points_and_ticks_that_divide_it(
    scene: str,
) -> None:
    """The f/f' check stops inside the x axis, and f and f' there inside their axes."""
    from mathkit.rules import COURSE_WINDOWS

    w = COURSE_WINDOWS[scene]
    f = COURSE_CURVES[scene]
    df = sp.diff(f, X_SYM)
    for lo, hi, step in (w.x_range, w.f_range, w.df_range):
        assert lo < hi
        assert step > 0
        assert math.isclose((hi - lo) / step, round((hi - lo) / step), abs_tol=1e-9)
    for x in w.stops:
        assert w.x_range[0] <= x <= w.x_range[1]
        for expr, (lo, hi, _) in ((f, w.f_range), (df, w.df_range)):
            value = float(expr.subs(X_SYM, x))
            assert lo <= value <= hi, (scene, str(expr), x, value)


def test_the_chain_check_window_holds_the_tangent_point() -> None:
    from mathkit.chain_rule import TANGENT_DEMO
    from mathkit.rules import CHAIN_CHECK_WINDOW

    (xlo, xhi, _), (ylo, yhi, _) = CHAIN_CHECK_WINDOW
    x0 = TANGENT_DEMO[1]
    assert xlo < x0 < xhi
    assert ylo <= float(((3 * X_SYM + 1) ** 2).subs(X_SYM, x0)) <= yhi
