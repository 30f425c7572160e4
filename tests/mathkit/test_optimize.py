"""Tests for mathkit.optimize against the content spec, analytic answers and scipy."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.optimize
from hypothesis import given, settings
from hypothesis import strategies as st

from mathkit import cost, optimize
from mathkit.data import regression_xy

X, Y = regression_xy()

# Content spec 5e: the eight plotted rounds (3 significant figures, float32 numpy).
SPEC_ROUNDS = [
    # cost, m, dC/dm, b, dC/db
    (8.57, 0.537, 23.2, 0.0374, 3.6),
    (4.08, 0.305, 14.8, 0.00137, 1.91),
    (2.25, 0.157, 9.49, -0.0177, 0.831),
    (1.51, 0.0625, 6.11, -0.026, 0.15),
    (1.20, 0.00137, 3.96, -0.0275, -0.28),
    (1.07, -0.0382, 2.59, -0.0247, -0.552),
    (1.01, -0.0642, 1.72, -0.0192, -0.723),
    (0.981, -0.0814, 1.17, -0.0119, -0.829),
]


@pytest.fixture(scope="module")
def trace32() -> optimize.RegressionTrace:
    return optimize.regression_descent(dtype="float32")


@pytest.fixture(scope="module")
def trace64() -> optimize.RegressionTrace:
    return optimize.regression_descent(dtype="float64")


def _sig3(v: float) -> float:
    return float(f"{v:.3g}")


def test_start_and_first_step(trace32: optimize.RegressionTrace) -> None:
    assert trace32.cost[0] == pytest.approx(19.6755, abs=1e-4)
    assert (trace32.grad_b[0], trace32.grad_m[0]) == pytest.approx(
        (6.265, 36.305), abs=1e-4
    )
    assert (trace32.b[1], trace32.m[1]) == pytest.approx((0.0374, 0.5369), abs=1e-4)
    assert trace32.cost[1] == pytest.approx(8.5722, abs=1e-4)


@pytest.mark.parametrize("k", range(1, 9))
def test_table_of_rounds(trace32: optimize.RegressionTrace, k: int) -> None:
    c, m, gm, b, gb = SPEC_ROUNDS[k - 1]
    assert _sig3(trace32.cost[k]) == pytest.approx(c)
    assert _sig3(trace32.m[k]) == pytest.approx(m)
    assert _sig3(trace32.grad_m[k]) == pytest.approx(gm)
    assert _sig3(trace32.b[k]) == pytest.approx(b)
    assert _sig3(trace32.grad_b[k]) == pytest.approx(gb)


def test_grad_b_turns_negative_at_plot_5(trace32: optimize.RegressionTrace) -> None:
    assert trace32.first_negative_grad_b() == 5  # plot 5 = epoch 4 of the loop


def test_final_values_float32(trace32: optimize.RegressionTrace) -> None:
    assert trace32.steps == 1001
    assert trace32.m[-1] == pytest.approx(-0.4681259, abs=1e-4)
    assert trace32.b[-1] == pytest.approx(1.7542962, abs=1e-4)
    assert trace32.cost[-1] == pytest.approx(0.0195, abs=1e-4)
    assert (trace32.grad_m[-2], trace32.grad_b[-2]) == pytest.approx(
        (0.000673, -0.00331), abs=2e-5
    )


def test_float64_close_to_float32(trace32, trace64) -> None:  # type: ignore[no-untyped-def]
    np.testing.assert_allclose(trace64.m, trace32.m, atol=1e-4)
    np.testing.assert_allclose(trace64.b, trace32.b, atol=1e-4)
    assert trace64.cost[-1] == pytest.approx(0.0195, abs=1e-4)


def test_converges_towards_ols() -> None:
    ls = cost.least_squares(X, Y)
    t = optimize.regression_descent(steps=20000, lr=0.05)
    assert (t.b[-1], t.m[-1]) == pytest.approx((ls.b, ls.m), abs=1e-8)


def test_generic_descent_2d_against_scipy() -> None:
    f = lambda v: cost.regression_cost(v[0], v[1], X, Y)  # noqa: E731
    g = lambda v: np.array(cost.regression_gradient(v[0], v[1], X, Y))  # noqa: E731
    t = optimize.gradient_descent(f, g, [0.1, 0.9], lr=0.05, steps=5000)
    ref = scipy.optimize.minimize(f, [0.1, 0.9], jac=g, method="BFGS", tol=1e-12)
    np.testing.assert_allclose(t.xs[-1], ref.x, atol=1e-6)
    # the generic routine reproduces the regression trace step for step
    r = optimize.regression_descent(steps=10)
    t2 = optimize.gradient_descent(f, g, [0.1, 0.9], lr=0.01, steps=10)
    np.testing.assert_allclose(t2.xs[:, 0], r.b, atol=1e-12)
    np.testing.assert_allclose(t2.xs[:, 1], r.m, atol=1e-12)
    np.testing.assert_allclose(t2.fs, r.cost, atol=1e-12)


def test_parabola_1d_analytic() -> None:
    # f = x^2 + 3x + 4: x_{k} + 1.5 = (1 - 2 lr)^k (x0 + 1.5)
    f, g = optimize.function_and_gradient(optimize.PARABOLA)
    t = optimize.gradient_descent(f, g, 2.0, lr=0.1, steps=12)
    k = np.arange(13)
    np.testing.assert_allclose(t.xs[:, 0], -1.5 + 0.8**k * 3.5, atol=1e-12)
    assert t.fs[0] == pytest.approx(14.0)
    assert t.grads[0, 0] == pytest.approx(7.0)


def test_learning_rate_comparison() -> None:
    f, g = optimize.function_and_gradient(optimize.PARABOLA)
    runs = optimize.compare_learning_rates(
        f, g, optimize.PARABOLA_X0, optimize.PARABOLA_LRS, steps=optimize.PARABOLA_STEPS
    )
    assert [r.verdict for r in runs] == ["slow", "converging", "diverging"]
    assert runs[1].trace.xs[-1, 0] == pytest.approx(-1.5, abs=1e-6)
    assert abs(runs[2].trace.xs[-1, 0] + 1.5) > abs(runs[2].trace.xs[0, 0] + 1.5)


def test_regression_lr_too_large_diverges() -> None:
    # largest Hessian eigenvalue of the MSE is ~36.2, so lr 0.06 > 2/36.2 diverges
    f = lambda v: cost.regression_cost(v[0], v[1], X, Y)  # noqa: E731
    g = lambda v: np.array(cost.regression_gradient(v[0], v[1], X, Y))  # noqa: E731
    run = optimize.compare_learning_rates(f, g, [0.1, 0.9], [0.06], steps=50)[0]
    assert run.verdict == "diverging"


def test_derivative_at() -> None:
    assert optimize.derivative_at("x^2", 5.0) == 10.0  # content spec 3a/3b


def test_divergent_run_stops_at_overflow() -> None:
    with np.errstate(over="ignore"):
        t = optimize.gradient_descent(
            lambda v: float(v[0] ** 2), lambda v: 2 * v, [1.0], lr=1e3, steps=500
        )
        assert optimize.classify_run(t) == "diverging"
    assert t.steps < 500


@settings(max_examples=50)
@given(
    b0=st.floats(-3, 3, allow_nan=False),
    m0=st.floats(-3, 3, allow_nan=False),
    lr=st.floats(1e-4, 0.02),
)
def test_small_lr_decreases_cost_monotonically(b0: float, m0: float, lr: float) -> None:
    t = optimize.regression_descent(b0=b0, m0=m0, lr=lr, steps=30)
    assert np.all(np.diff(t.cost) <= 1e-12)


@settings(max_examples=50)
@given(x0=st.floats(-10, 10, allow_nan=False), lr=st.floats(0.01, 0.99))
def test_stable_lr_on_parabola_never_increases(x0: float, lr: float) -> None:
    f, g = lambda v: float(v[0] ** 2), lambda v: 2 * v
    t = optimize.gradient_descent(f, g, x0, lr=lr, steps=20)
    assert np.all(np.diff(t.fs) <= 1e-12)


def test_bad_input_raises() -> None:
    f, g = lambda v: float(v[0] ** 2), lambda v: 2 * v
    with pytest.raises(ValueError, match="learning rate must be positive"):
        optimize.gradient_descent(f, g, 1.0, lr=-0.1, steps=3)
    with pytest.raises(ValueError, match="steps must be a non-negative integer"):
        optimize.gradient_descent(f, g, 1.0, lr=0.1, steps=-1)
    with pytest.raises(ValueError, match="x0 contains NaN"):
        optimize.gradient_descent(f, g, np.nan, lr=0.1, steps=3)
    with pytest.raises(ValueError, match="non-empty"):
        optimize.gradient_descent(f, g, [], lr=0.1, steps=3)
    with pytest.raises(ValueError, match="grad returned shape"):
        optimize.gradient_descent(
            f, lambda v: np.array([1.0, 2.0]), 1.0, lr=0.1, steps=3
        )
    with pytest.raises(ValueError, match="lrs is empty"):
        optimize.compare_learning_rates(f, g, 1.0, [], steps=3)
    with pytest.raises(ValueError, match="tol must lie"):
        optimize.classify_run(
            optimize.gradient_descent(f, g, 1.0, lr=0.1, steps=3), tol=2.0
        )
    with pytest.raises(ValueError, match="no steps"):
        optimize.classify_run(optimize.gradient_descent(f, g, 1.0, lr=0.1, steps=0))
    with pytest.raises(ValueError, match="mismatched lengths"):
        optimize.regression_descent([1.0, 2.0], [1.0], steps=2)
    with pytest.raises(ValueError, match="never turns negative"):
        optimize.regression_descent(steps=2).first_negative_grad_b()
    with pytest.raises(ValueError, match="unsupported syntax"):
        optimize.function_and_gradient("__import__('os')")


def test_regression_lr_limit_separates_converging_from_diverging() -> None:
    """2 / lambda_max of H = (2/n) X^T X: just below it the cost falls, just above it grows."""
    x, y = regression_xy()
    limit = optimize.regression_lr_limit(x, y)
    design = np.column_stack([np.ones_like(x), x])
    assert limit == pytest.approx(
        2 / max(np.linalg.eigvalsh(2 * design.T @ design / x.size))
    )
    below = optimize.regression_descent(x, y, lr=0.99 * limit, steps=400)
    assert below.cost[-1] < below.cost[0]
    above = optimize.regression_descent(x, y, lr=1.01 * limit, steps=400)
    assert above.cost[-1] > above.cost[0]
