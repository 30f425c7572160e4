"""mathkit.chain_rule against sympy.diff, central differences and the course's answers."""

from __future__ import annotations

import math

import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from mathkit.chain_rule import COURSE_EXAMPLES, TANGENT_DEMO, X, chain_rule, decompose
from mathkit.expr import parse
from tests.mathkit.oracles import central_difference

# The course's published answers (content spec, table of rules), typed from the
# spec rather than from our output.
COURSE_ANSWERS = {
    "(5x + 25)^3": "375*(x + 5)^2",
    "(2x^2 + 8)^2": "16*x^3 + 64*x",
    "(3x + 1)^2": "18*x + 6",
}


@pytest.mark.parametrize("example", COURSE_EXAMPLES)
def test_course_examples_match_published_answers(example: str) -> None:
    result = chain_rule(example)
    assert sp.simplify(result.expanded - parse(COURSE_ANSWERS[example])) == 0
    assert sp.simplify(result.factored - parse(COURSE_ANSWERS[example])) == 0


@pytest.mark.parametrize("example", COURSE_EXAMPLES)
def test_derivative_equals_sympy_diff(example: str) -> None:
    result = chain_rule(example)
    assert sp.simplify(result.derivative - sp.diff(parse(example), X)) == 0


def test_decomposition_of_first_example() -> None:
    result = chain_rule("(5x + 25)^3")
    u = sp.Symbol("u", real=True)
    assert result.outer == u**3
    assert sp.expand(result.inner - (5 * X + 25)) == 0
    assert result.d_outer == 3 * u**2
    assert result.d_inner == 5


def test_preferred_form_is_the_courses() -> None:
    # The course writes 375(x+5)^2 factored but 16x^3 + 64x and 18x + 6 expanded.
    forms = [chain_rule(e).preferred for e in COURSE_EXAMPLES]
    assert forms[0].is_Mul
    assert any(a.is_Pow for a in forms[0].args)
    assert forms[1].is_Add
    assert forms[2].is_Add


def test_steps_latex_contain_each_piece() -> None:
    steps = {s.label: s.latex for s in chain_rule("(2x^2 + 8)^2").steps()}
    assert steps["outer"] == "y = u^{2}"
    assert steps["d_inner"].endswith("4 x")
    assert r"\left(2 x^{2} + 8\right)" in steps["substituted"]
    assert steps["expanded"].endswith("16 x^{3} + 64 x")


def test_outer_and_inner_given_explicitly() -> None:
    result = chain_rule(outer="sin(u)", inner="x^2")
    assert sp.simplify(result.derivative - 2 * X * sp.cos(X**2)) == 0


def test_tangent_demo_slope_is_the_chain_product() -> None:
    expr, x0 = TANGENT_DEMO
    point = chain_rule(expr).evaluate(x0)
    # (3x + 1)^2 at 0.2: u = 1.6, dy/du = 2u = 3.2, du/dx = 3, so slope 9.6 (by hand).
    assert point.u == pytest.approx(1.6)
    assert point.dy_du == pytest.approx(3.2)
    assert point.du_dx == pytest.approx(3.0)
    assert point.slope == pytest.approx(9.6)
    assert point.intercept == pytest.approx(1.6**2 - 9.6 * 0.2)


@given(
    a=st.integers(-5, 5).filter(bool),
    b=st.integers(-5, 5),
    n=st.integers(2, 4),
    x0=st.floats(-2, 2, allow_nan=False),
)
def test_slope_matches_central_difference(a: int, b: int, n: int, x0: float) -> None:
    result = chain_rule(f"({a}x + {b})^{n}")
    numeric = central_difference(result.f, x0)
    assert result.evaluate(x0).slope == pytest.approx(numeric, rel=1e-6, abs=1e-6)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("(5x + 25", "cannot parse"),
        ("__import__('os').system('true')", "unsupported syntax"),
        ("(x + y)^2", "unknown name 'y'"),
        ("x.real", "unsupported syntax"),
    ],
)
def test_malformed_expression_raises(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        chain_rule(text)


def test_not_a_composite_raises() -> None:
    with pytest.raises(ValueError, match="not a composite"):
        decompose(parse("x^2 + 1"))


def test_argument_combinations_are_checked() -> None:
    with pytest.raises(ValueError, match="not both"):
        chain_rule("(x+1)^2", outer="u^2", inner="x+1")
    with pytest.raises(ValueError, match="both outer and inner"):
        chain_rule(outer="u^2")
    with pytest.raises(ValueError, match="does not depend on x"):
        chain_rule(outer="u^2", inner="3")


def test_evaluate_rejects_non_real() -> None:
    with pytest.raises(ValueError, match="real number"):
        chain_rule("(3x + 1)^2").evaluate(math.nan)
