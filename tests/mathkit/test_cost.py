"""Tests for mathkit.cost against the content spec, numpy/scipy/sklearn and sympy."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.optimize
import scipy.special
import scipy.stats
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import LinearRegression
from sklearn.metrics import log_loss, mean_absolute_error, mean_squared_error

from mathkit import cost
from mathkit.data import INITIAL_B, INITIAL_M, LEARNING_RATE, regression_xy
from tests.mathkit.oracles import partial_difference

X, Y = regression_xy()
finite = st.floats(-5, 5, allow_nan=False, allow_infinity=False)


# -- published figures (content spec 3c, 3d, 5c, 5d; Appendix A) ---------------------
def test_cost_example_matches_spec() -> None:
    ex = cost.cost_example()
    assert ex.errors == (5.0, -5.0)
    assert ex.error_sum == 0.0
    assert ex.mae == 5.0
    assert ex.mse == 25.0


def test_initial_cost_and_gradient() -> None:
    assert cost.regression_cost(INITIAL_B, INITIAL_M, X, Y) == pytest.approx(
        19.6755, abs=1e-4
    )
    gb, gm = cost.regression_gradient(INITIAL_B, INITIAL_M, X, Y)
    assert (gb, gm) == pytest.approx((6.265, 36.305), abs=1e-4)


def test_forward_pass_matches_notebook() -> None:
    expected = [0.1, 1.0, 1.9, 2.8, 3.7, 4.6, 5.5, 6.4]  # content spec 3c, step 1
    np.testing.assert_allclose(
        cost.forward(X, INITIAL_M, INITIAL_B), expected, atol=1e-12
    )


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_four_steps_one_update(dtype: str) -> None:
    r = cost.four_steps(INITIAL_B, INITIAL_M, X, Y, lr=LEARNING_RATE, dtype=dtype)
    assert r.cost == pytest.approx(19.6755, abs=1e-4)
    assert r.new_b == pytest.approx(0.0374, abs=1e-4)
    assert r.new_m == pytest.approx(0.5369, abs=1e-4)
    assert r.new_cost == pytest.approx(8.5722, abs=1e-4)


def test_single_point_i7() -> None:
    p = cost.single_point()
    assert (p.x, p.y) == (7.0, -1.37)
    assert p.y_hat == pytest.approx(6.4)
    assert p.error == pytest.approx(7.77)
    assert p.cost == pytest.approx(60.3729, abs=1e-9)
    assert p.grad_m == pytest.approx(108.78, abs=1e-9)
    assert p.grad_b == pytest.approx(15.54, abs=1e-9)


def test_single_point_against_sympy() -> None:
    m, b = sp.symbols("m b")
    c = (m * 7 + b - sp.Rational(-137, 100)) ** 2
    p = cost.single_point()
    at = {m: sp.Rational(9, 10), b: sp.Rational(1, 10)}
    assert p.cost == pytest.approx(float(c.subs(at)))
    assert p.grad_m == pytest.approx(float(sp.diff(c, m).subs(at)))
    assert p.grad_b == pytest.approx(float(sp.diff(c, b).subs(at)))


def test_batch_gradient_against_sympy() -> None:
    m, b = sp.symbols("m b")
    ys = [sp.nsimplify(v) for v in Y]
    c = sum((m * int(xi) + b - yi) ** 2 for xi, yi in zip(X, ys, strict=True)) / len(ys)
    at = {m: sp.Rational(9, 10), b: sp.Rational(1, 10)}
    gb, gm = cost.regression_gradient(0.1, 0.9, X, Y)
    assert gb == pytest.approx(float(sp.diff(c, b).subs(at)), rel=1e-12)
    assert gm == pytest.approx(float(sp.diff(c, m).subs(at)), rel=1e-12)


# -- oracles ------------------------------------------------------------------------------
def test_mse_mae_against_sklearn() -> None:
    y_hat = cost.forward(X, INITIAL_M, INITIAL_B)
    assert cost.mse(y_hat, Y) == pytest.approx(mean_squared_error(Y, y_hat))
    assert cost.mae(y_hat, Y) == pytest.approx(mean_absolute_error(Y, y_hat))


def test_least_squares_against_three_oracles() -> None:
    ls = cost.least_squares(X, Y)
    assert ls.b == pytest.approx(1.76, abs=1e-9)
    assert ls.m == pytest.approx(-0.4692857, abs=1e-7)
    design = np.column_stack([np.ones_like(X), X])
    (b_np, m_np), *_ = np.linalg.lstsq(design, Y, rcond=None)
    assert (ls.b, ls.m) == pytest.approx((b_np, m_np), abs=1e-12)
    model = LinearRegression().fit(X.reshape(-1, 1), Y)
    assert (ls.b, ls.m) == pytest.approx((model.intercept_, model.coef_[0]), abs=1e-12)
    lr = scipy.stats.linregress(X, Y)
    assert (ls.b, ls.m) == pytest.approx((lr.intercept, lr.slope), abs=1e-12)
    assert ls.cost == pytest.approx(0.019466, abs=1e-6)  # content spec 3c


def test_cost_grid_matches_pointwise() -> None:
    bs, ms = np.array([-1.0, 0.1, 2.0]), np.array([0.9, -0.5])
    grid = cost.cost_grid(bs, ms, X, Y)
    assert grid.shape == (2, 3)
    for j, m in enumerate(ms):
        for i, b in enumerate(bs):
            y_hat = m * X + b
            assert grid[j, i] == pytest.approx(mean_squared_error(Y, y_hat))
    np.testing.assert_allclose(cost.cost_along_m(ms, 2.0, X, Y), grid[:, 2])


def test_error_curves() -> None:
    assert cost.absolute_error(-3.0) == 3.0
    assert cost.squared_error(-3.0) == 9.0
    assert cost.quadratic_cost(6.4, -1.37) == pytest.approx(7.77**2)


# -- properties ----------------------------------------------------------------------------
@settings(max_examples=50)
@given(b=finite, m=finite)
def test_gradient_equals_central_differences(b: float, m: float) -> None:
    gb, gm = cost.regression_gradient(b, m, X, Y)

    def c(b_: float, m_: float) -> float:
        return cost.regression_cost(b_, m_, X, Y)

    num_b = partial_difference(c, (b, m), 0)
    num_m = partial_difference(c, (b, m), 1)
    assert gb == pytest.approx(num_b, abs=1e-5)
    assert gm == pytest.approx(num_m, abs=1e-5)


@settings(max_examples=50)
@given(b=finite, m=finite)
def test_least_squares_is_the_minimum(b: float, m: float) -> None:
    ls = cost.least_squares(X, Y)
    assert cost.regression_cost(b, m, X, Y) >= ls.cost - 1e-12


@settings(max_examples=50)
@given(st.lists(finite, min_size=1, max_size=10))
def test_mse_at_least_mae_squared(values: list[float]) -> None:
    y = np.zeros(len(values))
    assert cost.mse(values, y) >= cost.mae(values, y) ** 2 - 1e-12  # Jensen


# -- bad input -----------------------------------------------------------------------------
def test_bad_input_raises() -> None:
    with pytest.raises(ValueError, match="empty"):
        cost.mse([], [])
    with pytest.raises(ValueError, match="mismatched lengths"):
        cost.mae([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="NaN or inf"):
        cost.mse([np.nan], [1.0])
    with pytest.raises(ValueError, match="NaN or inf"):
        cost.regression_cost(0.0, 1.0, [np.inf, 1.0], [1.0, 2.0])
    with pytest.raises(ValueError, match="one-dimensional"):
        cost.errors([[1.0]], [[1.0]])
    with pytest.raises(ValueError, match="dtype"):
        cost.mse([1.0], [1.0], dtype="float16")
    with pytest.raises(ValueError, match="m must be finite"):
        cost.forward(X, np.nan, 0.0)
    with pytest.raises(ValueError, match="learning rate must be positive"):
        cost.four_steps(0.1, 0.9, X, Y, lr=0.0)
    with pytest.raises(ValueError, match="out of range"):
        cost.single_point(8)
    with pytest.raises(ValueError, match="must be an integer"):
        cost.single_point(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="all x values are equal"):
        cost.least_squares([1.0, 1.0], [2.0, 3.0])
    with pytest.raises(ValueError, match="at least two points"):
        cost.least_squares([1.0], [2.0])
    with pytest.raises(ValueError, match="delta must be finite"):
        cost.squared_error(float("inf"))


@pytest.mark.parametrize("level", [0.05, 1.0, 19.6755])
def test_cost_contour_points_lie_on_level(level: float) -> None:
    pts = cost.cost_contour(level, X, Y, samples=40)
    assert pts.shape == (40, 2)
    for b, m in pts:
        assert mean_squared_error(Y, m * X + b) == pytest.approx(level, rel=1e-9)
    np.testing.assert_allclose(pts[0], pts[-1])


def test_cost_contour_bad_level() -> None:
    with pytest.raises(ValueError, match="not above the minimum"):
        cost.cost_contour(0.01, X, Y)
    with pytest.raises(ValueError, match="samples must be"):
        cost.cost_contour(1.0, X, Y, samples=3)


# -- C(m) at fixed b, and cross-entropy (scene 3.4) -------------------------------------------
@pytest.mark.parametrize("b", [INITIAL_B, 1.76, -2.0])
def test_best_slope_against_sympy_and_lstsq(b: float) -> None:
    m = sp.symbols("m")
    ys = [sp.nsimplify(v) for v in Y]
    bb = sp.nsimplify(b)
    c = sum((m * int(xi) + bb - yi) ** 2 for xi, yi in zip(X, ys, strict=True))
    (m_star,) = sp.solve(sp.diff(c, m), m)
    assert cost.best_slope(b, X, Y) == pytest.approx(float(m_star), rel=1e-12)
    (m_np,), *_ = np.linalg.lstsq(X.reshape(-1, 1), Y - b, rcond=None)
    assert cost.best_slope(b, X, Y) == pytest.approx(m_np, rel=1e-12)


def test_best_slope_at_least_squares_b_is_the_fit() -> None:
    ls = cost.least_squares(X, Y)
    m_fit, _ = np.polyfit(X, Y, 1)
    assert cost.best_slope(ls.b, X, Y) == pytest.approx(m_fit, abs=1e-12)
    assert cost.best_slope(ls.b, X, Y) == pytest.approx(-0.4692857, abs=1e-7)
    got = scipy.optimize.minimize_scalar(
        lambda m: cost.regression_cost(ls.b, m, X, Y)
    ).x
    assert cost.best_slope(ls.b, X, Y) == pytest.approx(got, abs=1e-6)


def test_mirror_slope_has_the_same_cost() -> None:
    ls = cost.least_squares(X, Y)
    mirror = cost.mirror_slope(INITIAL_M, ls.b, X, Y)
    assert mirror == pytest.approx(2 * -0.4692857 - 0.9, abs=1e-6)
    assert cost.regression_cost(ls.b, mirror, X, Y) == pytest.approx(
        cost.regression_cost(ls.b, INITIAL_M, X, Y), rel=1e-12
    )


def test_best_slope_bad_input() -> None:
    with pytest.raises(ValueError, match="all x values are zero"):
        cost.best_slope(0.0, [0.0, 0.0], [1.0, 2.0])


@pytest.mark.parametrize("p", [0.01, 0.3, 0.5, 0.9, 0.999])
@pytest.mark.parametrize("y", [0, 1])
def test_cross_entropy_against_sklearn_log_loss(p: float, y: int) -> None:
    expected = log_loss([y], [p], labels=[0, 1])
    assert cost.cross_entropy(p, y) == pytest.approx(expected, rel=1e-12)


def test_cross_entropy_values_and_mean() -> None:
    assert cost.cross_entropy(0.5, 1) == pytest.approx(np.log(2), rel=1e-15)
    assert cost.cross_entropy(0.01, 1) == pytest.approx(4.60517, abs=1e-5)
    assert cost.cross_entropy(0.01, 0) == pytest.approx(0.0100503, abs=1e-7)
    p, y = [0.3, 0.5, 0.6, 0.9], [0, 1, 0, 1]
    assert cost.mean_cross_entropy(p, y) == pytest.approx(log_loss(y, p), rel=1e-12)
    assert cost.mean_cross_entropy(p, y) == pytest.approx(
        -np.mean(
            scipy.special.xlogy(y, p)
            + scipy.special.xlog1py(1 - np.array(y), -np.array(p))
        ),
        rel=1e-12,
    )


def test_cross_entropy_bad_input() -> None:
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        cost.cross_entropy(0.0, 1)
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        cost.cross_entropy(1.0, 0)
    with pytest.raises(ValueError, match="y must be 0 or 1"):
        cost.cross_entropy(0.5, 2)
    with pytest.raises(ValueError, match="y must be 0 or 1"):
        cost.mean_cross_entropy([0.5], [0.5])
