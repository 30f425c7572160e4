"""Tests for mathkit.limits against sympy.limit, plain Python floats and the content spec."""

from __future__ import annotations

import math

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from mathkit import limits as lim
from mathkit.data import ZOOM_WINDOWS

x = sp.Symbol("x", real=True)


def test_substitution_gives_37() -> None:
    # content spec 1d.1: purple dashed lines at x = 5 and y = 37
    assert lim.substitute(*lim.SUBSTITUTION_EXAMPLE) == 37.0


def test_substitution_fails_at_hole() -> None:
    with pytest.raises(ValueError, match="undefined"):
        lim.substitute("(x^2 - 1)/(x - 1)", 1.0)
    with pytest.raises(ValueError, match="finite"):
        lim.substitute("x", math.inf)


def test_hole_values_match_notebook_floats() -> None:
    # the notebook evaluates the Python expression (x**2 - 1)/(x - 1) in floats
    rows = lim.evaluate_at(lim.HOLE_EXAMPLE[0], (*lim.HOLE_XS, 2.0))
    for row in rows:
        assert row.fx == (row.x**2 - 1) / (row.x - 1)
    by_x = {r.x: r.fx for r in rows}
    assert by_x[2.0] == 3.0
    assert by_x[0.9] == pytest.approx(1.9)
    assert by_x[1.1] == pytest.approx(2.1)
    assert str(by_x[0.999]).startswith("1.998999")
    assert str(by_x[1.001]).startswith("2.000999")


def test_sinc_values_match_spec() -> None:
    rows = {r.x: r.fx for r in lim.evaluate_at(*[lim.SINC_EXAMPLE[0]], lim.SINC_XS)}
    assert rows[0.1] == rows[-0.1] == 0.9983341664682815
    assert rows[0.001] == rows[-0.001] == 0.9999998333333416


def test_reciprocal_values_match_spec() -> None:
    rows = lim.evaluate_at(lim.RECIPROCAL, lim.RECIPROCAL_XS)
    assert [r.fx for r in rows] == [0.025, 2.5e-05]


def test_approach_table_sides_and_order() -> None:
    t = lim.approach_table("(x^2 - 1)/(x - 1)", 1.0, (0.001, 0.1, 0.01))
    assert [r.x for r in t.left] == pytest.approx([0.9, 0.99, 0.999])
    assert [r.x for r in t.right] == pytest.approx([1.1, 1.01, 1.001])
    # analytic: f(x) = x + 1 away from the hole
    for r in (*t.left, *t.right):
        assert r.fx == pytest.approx(r.x + 1, abs=1e-9)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"steps": ()}, "empty"),
        ({"steps": (0.1, -0.01)}, "positive"),
        ({"steps": (math.nan,)}, "positive"),
        ({"point": math.inf}, "finite"),
    ],
)
def test_approach_table_bad_input(kwargs: dict, match: str) -> None:
    args = {"expr": "x", "point": 0.0, "steps": (0.1,)} | kwargs
    with pytest.raises(ValueError, match=match):
        lim.approach_table(**args)


def test_evaluate_at_bad_input() -> None:
    with pytest.raises(ValueError, match="empty"):
        lim.evaluate_at("x", ())
    with pytest.raises(ValueError, match="NaN"):
        lim.evaluate_at("x", (math.nan,))


@pytest.mark.parametrize(
    ("expr", "point", "expected"),
    [
        ("(x^2 - 1)/(x - 1)", 1.0, 2),
        ("sin(x)/x", 0.0, 1),
        ("25/x", "oo", 0),
        ("x^2 + 2x + 2", 5.0, 37),
    ],
)
def test_course_limits(expr: str, point: lim.Point, expected: int) -> None:
    r = lim.limit(expr, point)
    assert r.exists
    assert r.finite
    assert r.value == expected


def test_exercise_answers_match_spec_and_sympy() -> None:
    answers = lim.exercise_answers()
    assert [a.value for a in answers[:4]] == [1, -10, 6, 0]
    dne = answers[4]
    assert not dne.exists
    assert dne.value_text() == "does not exist"
    assert (dne.left, dne.right) == (-sp.oo, sp.oo)
    # independent oracle: sympy.limit on hand-built expressions
    oracle = [
        sp.limit((x**2 - 1) / (x - 1), x, 0),
        sp.limit((x**2 - 25) / (x + 5), x, -5),
        sp.limit((x**2 - 2 * x - 8) / (x - 4), x, 4),
        sp.limit(25 / x, x, -sp.oo),
    ]
    assert [a.value for a in answers[:4]] == oracle
    assert sp.limit(25 / x, x, 0, dir="-") == -sp.oo
    assert sp.limit(25 / x, x, 0, dir="+") == sp.oo


def test_one_sided_at_infinity() -> None:
    pos = lim.limit("25/x", "oo")
    neg = lim.limit("25/x", "-oo")
    assert pos.right is None
    assert pos.left == 0
    assert neg.left is None
    assert neg.right == 0
    assert "does not exist" in lim.limit("25/x", 0.0).latex()
    assert lim.limit("25/x", "oo").latex().endswith("= 0")


def test_typo_exercise_does_not_exist() -> None:
    # content spec 1d.5: the early typo x^2 + 25 gives -oo / +oo at -5
    r = lim.limit("(x^2 + 25)/(x + 5)", -5.0)
    assert (r.left, r.right, r.value) == (-sp.oo, sp.oo, None)


def test_same_infinite_sides_exist_but_not_finite() -> None:
    r = lim.limit("1/x^2", 0.0)
    assert r.exists
    assert not r.finite
    assert r.value == sp.oo


def test_oscillation_does_not_exist() -> None:
    assert not lim.limit("sin(1/x)", 0.0).exists


@pytest.mark.parametrize("bad", ["infinite", "x", True, math.nan])
def test_bad_limit_point(bad: object) -> None:
    with pytest.raises(ValueError, match="limit point"):
        lim.limit("x", bad)  # type: ignore[arg-type]


def test_bad_expression_rejected() -> None:
    with pytest.raises(ValueError, match="unknown name"):
        lim.limit("__import__", 0.0)


def test_factor_and_cancel() -> None:
    c = lim.factor_and_cancel("(x^2 - 1)/(x - 1)")
    assert sp.expand(c.numerator - (x + 1) * (x - 1)) == 0
    assert c.cancelled == x + 1
    assert "x + 1" in c.cancelled_latex
    assert lim.factor_and_cancel("(x^2 - 2x - 8)/(x - 4)").cancelled == x + 2
    with pytest.raises(ValueError, match="no denominator"):
        lim.factor_and_cancel("x^2 + 1")


@settings(max_examples=50)
@given(
    a=st.integers(-20, 20),
    b=st.integers(-20, 20),
)
def test_removable_hole_limit_property(a: int, b: int) -> None:
    # (x - a)(x - b)/(x - a) -> a - b at x = a (analytic answer)
    r = lim.limit(f"(x - ({a}))*(x - ({b}))/(x - ({a}))", float(a))
    assert r.value == a - b


@settings(max_examples=50)
@given(c=st.floats(-5, 5, allow_nan=False), h=st.floats(1e-3, 1.0))
def test_approach_table_sides_are_symmetric(c: float, h: float) -> None:
    t = lim.approach_table("x^3", c, (h,))
    assert t.left[0].x < c < t.right[0].x
    assert t.left[0].fx == pytest.approx((c - h) ** 3, rel=1e-9, abs=1e-12)


def test_zoom_views_shrink_like_h_squared() -> None:
    views = lim.zoom_views()
    assert len(views) == len(ZOOM_WINDOWS) == 4
    for v in views:
        assert v.center == pytest.approx(-1.0)
        assert v.slope == pytest.approx(0.0, abs=1e-12)
        h = (v.x_range[1] - v.x_range[0]) / 2
        # analytic: f(x) - 1 = (x + 1)^2 so the largest gap is h^2 at the window edges
        assert v.max_deviation == pytest.approx(h * h, rel=1e-9)
    rel = [v.relative_deviation for v in views]
    assert rel == sorted(rel, reverse=True)
    assert rel[-1] < 0.01


def test_zoom_views_bad_windows() -> None:
    with pytest.raises(ValueError, match="empty"):
        lim.zoom_views(windows=())
    with pytest.raises(ValueError, match="reversed"):
        lim.zoom_views(windows=(((0.0, -1.0), (0.0, 1.0)),))
    with pytest.raises(ValueError, match="samples"):
        lim.zoom_views(samples=1)


def test_to_function_skips_division_by_zero() -> None:
    f = lim.to_function("(x^2 - 1)/(x - 1)")
    assert math.isnan(f(1.0))
    assert f(3.0) == 4.0


def test_latex_wraps_sums_in_parentheses() -> None:
    text = lim.limit("x^2 + 2x + 2", 5.0).latex()
    assert r"\left(" in text
    assert text.endswith("= 37")


def test_epsilon_delta_matches_the_analytic_window() -> None:
    from mathkit.limits import epsilon_delta

    # f = x^2 + 2x + 2 at 0, L = 2: f - 2 = x^2 + 2x = +-eps at x = -1 + sqrt(1 +- eps);
    # the nearer crossing is on the right, -1 + sqrt(1 + eps)
    for eps in (0.5, 0.1):
        band = epsilon_delta("x^2 + 2x + 2", 0.0, eps)
        assert band.limit == pytest.approx(2.0)
        assert band.delta == pytest.approx(-1 + math.sqrt(1 + eps), rel=1e-9)
    # a removable hole: (x^2 - 1)/(x - 1) = x + 1 near 1, so delta = eps exactly
    assert epsilon_delta("(x^2 - 1)/(x - 1)", 1.0, 0.25).delta == pytest.approx(0.25)


def test_epsilon_delta_refuses_what_has_no_band() -> None:
    from mathkit.limits import epsilon_delta

    with pytest.raises(ValueError, match="does not exist or is infinite"):
        epsilon_delta("25/x", 0.0, 0.5)
    with pytest.raises(ValueError, match="positive"):
        epsilon_delta("x", 0.0, 0.0)
    with pytest.raises(ValueError, match="stays within"):
        epsilon_delta("sin(x)/1000", 0.0, 0.5)


def test_the_common_factor_is_what_cancels() -> None:
    from mathkit.limits import X, factor_and_cancel

    x = X

    c = factor_and_cancel("(x^2 - 1)/(x - 1)")
    assert c.cancels
    assert sp.expand(c.common - (x - 1)) == 0
    num, den = c.rest()
    assert sp.expand(num - (x + 1)) == 0
    assert den == 1
    c = factor_and_cancel("(x^2 - 2x - 8)/(x - 4)")
    assert sp.expand(c.common - (x - 4)) == 0
    # the rest multiplied back by the common factor is the function again
    num, den = c.rest()
    assert (
        sp.simplify(c.common * num / (c.common * den) - (x**2 - 2 * x - 8) / (x - 4))
        == 0
    )
    assert not factor_and_cancel("sin(x)/x").cancels
