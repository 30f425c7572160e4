"""Gradient descent with the full trace: the regression of the course and any f.

Update rule theta' = theta - lr * grad C(theta) (Cauchy 1847; Goodfellow et al.,
*Deep Learning*, section 4.3). The regression works on theta = [b, m], the
notebooks' order (content spec 5d/5e). Traces keep every state so scenes can
replay the descent; row i is the state after i steps.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

import numpy as np
import numpy.typing as npt

from mathkit.cost import ArrayLike, _dtype, _xy, regression_cost, regression_gradient
from mathkit.data import EPOCHS, INITIAL_B, INITIAL_M, LEARNING_RATE, regression_xy
from mathkit.numeric import compile_expr, finite

FloatArray = npt.NDArray[np.float64]
Objective = Callable[[npt.ArrayLike], float]
Gradient = Callable[[FloatArray], FloatArray]
Verdict = Literal["converging", "slow", "diverging"]

NOTEBOOK_STEPS: Final = 1 + EPOCHS
"""Updates the regression notebook makes in total: the single step of the
"four easy steps" demo, then the 1000-epoch loop (content spec 3c). Its final
m = -0.4681258, b = 1.7542962 are the parameters after these 1001 updates."""

TABLE_ROUNDS: Final = 8
"""Rounds plotted one by one in *Gradient Descent from Scratch* (content spec 5e)."""

PARABOLA: Final = "x^2 + 3x + 4"
"""1-D cost for the learning-rate comparison: the Optimization notebook's minimum
example (content spec 5e extras), vertex (-1.5, 1.75), f'' = 2."""
PARABOLA_X0: Final = 0.0
"""[PROPOSED] Start of the learning-rate comparison."""
PARABOLA_STEPS: Final = 10
"""[PROPOSED] Steps per run: the divergent run stays within x in [-6, 3] (|x + 1.5| = 1.5 * 1.1^k)."""
PARABOLA_LRS: Final[tuple[float, ...]] = (0.05, 0.4, 1.05)
"""[PROPOSED] Too small, good and divergent rates for f'' = 2 (divergence for lr > 2/f'' = 1)."""


@dataclass(frozen=True, slots=True)
class DescentTrace:
    """Iterates of gradient descent; row i is the state after i steps.

    ``grads[i]`` is the gradient at ``xs[i]``, the one used for step i + 1.
    """

    xs: FloatArray  # shape (steps + 1, dim)
    fs: FloatArray  # shape (steps + 1,)
    grads: FloatArray  # shape (steps + 1, dim)
    lr: float

    @property
    def steps(self) -> int:
        """Number of updates made."""
        return int(self.xs.shape[0] - 1)


@dataclass(frozen=True, slots=True)
class RegressionTrace:
    """Gradient descent on the regression MSE; parameters in the order [b, m]."""

    b: FloatArray  # shape (steps + 1,)
    m: FloatArray
    cost: FloatArray
    grad_b: FloatArray
    grad_m: FloatArray
    lr: float
    dtype: str

    @property
    def steps(self) -> int:
        """Number of updates made."""
        return int(self.b.size - 1)

    def first_negative_grad_b(self) -> int:
        """First state index where dC/db < 0 (the notebook's plot 5, epoch 4).

        Raises
        ------
        ValueError
            If dC/db never turns negative in this trace.
        """
        idx = np.flatnonzero(self.grad_b < 0)
        if idx.size == 0:
            raise ValueError("dC/db never turns negative in this trace")
        return int(idx[0])


def _check_lr_steps(lr: float, steps: int) -> float:
    lr = float(lr)
    if not np.isfinite(lr) or lr <= 0:
        raise ValueError(f"learning rate must be positive and finite, got {lr}")
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer) or steps < 0:
        raise ValueError(f"steps must be a non-negative integer, got {steps!r}")
    return lr


def regression_descent(
    x: ArrayLike | None = None,
    y: ArrayLike | None = None,
    *,
    b0: float = INITIAL_B,
    m0: float = INITIAL_M,
    lr: float = LEARNING_RATE,
    steps: int = NOTEBOOK_STEPS,
    dtype: str = "float64",
) -> RegressionTrace:
    """Full-batch gradient descent on the regression MSE, keeping every state.

    b' = b - lr dC/db, m' = m - lr dC/dm with the analytic gradient of
    :func:`mathkit.cost.regression_gradient` (content spec 5e). Defaults are the
    course's data, start (b, m) = (0.1, 0.9), lr 0.01 and 1001 updates.
    ``dtype="float32"`` mimics the notebooks' torch tensors.

    Raises
    ------
    ValueError
        For bad data, a non-positive learning rate or negative steps.
    """
    lr = _check_lr_steps(lr, steps)
    dx, dy = regression_xy()
    xs, ys = _xy(dx if x is None else x, dy if y is None else y, dtype)
    t = _dtype(dtype)
    n = int(steps) + 1
    out = {k: np.empty(n, dtype=np.float64) for k in ("b", "m", "cost", "gb", "gm")}
    b, m, rate = t(b0), t(m0), t(lr)
    for i in range(n):
        gb, gm = regression_gradient(float(b), float(m), xs, ys, dtype=dtype)
        out["b"][i], out["m"][i] = float(b), float(m)
        out["cost"][i] = regression_cost(float(b), float(m), xs, ys, dtype=dtype)
        out["gb"][i], out["gm"][i] = gb, gm
        if not (np.isfinite(gb) and np.isfinite(gm)):
            raise ValueError(f"descent diverged to non-finite values at step {i}")
        b = t(b - rate * t(gb))
        m = t(m - rate * t(gm))
    return RegressionTrace(
        b=out["b"],
        m=out["m"],
        cost=out["cost"],
        grad_b=out["gb"],
        grad_m=out["gm"],
        lr=lr,
        dtype=dtype,
    )


def regression_lr_limit(x: ArrayLike, y: ArrayLike) -> float:
    """The largest stable learning rate of full-batch descent on the regression MSE.

    C(theta) is quadratic with constant Hessian H = (2/n) X^T X, X = [1, x]; a
    step theta' = theta - lr grad C multiplies the error along H's top eigenvector
    by (1 - lr lambda_max), so descent converges for lr < 2 / lambda_max and
    diverges above it (Nocedal & Wright, *Numerical Optimization*, section 3.3).

    Raises
    ------
    ValueError
        For bad data (see :func:`mathkit.cost.regression_cost`).
    """
    xs, _ = _xy(x, y, "float64")
    design = np.column_stack([np.ones_like(xs), xs])
    top = float(np.linalg.eigvalsh(2.0 * design.T @ design / xs.size)[-1])
    return 2.0 / top


def gradient_descent(
    f: Objective,
    grad: Gradient,
    x0: float | Sequence[float] | FloatArray,
    *,
    lr: float,
    steps: int,
) -> DescentTrace:
    """Gradient descent x' = x - lr grad f(x) for any differentiable f in 1-D or n-D.

    Stops early (keeping the states so far) if an iterate becomes non-finite, so
    divergent runs can still be drawn.

    Raises
    ------
    ValueError
        If x0 is empty or non-finite, ``grad`` returns the wrong shape, the
        learning rate is not positive or ``steps`` is negative.
    """
    lr = _check_lr_steps(lr, steps)
    x = np.atleast_1d(np.asarray(x0, dtype=np.float64)).copy()
    if x.ndim != 1 or x.size == 0:
        raise ValueError(
            f"x0 must be a scalar or a non-empty vector, got shape {x.shape}"
        )
    if not np.all(np.isfinite(x)):
        raise ValueError("x0 contains NaN or inf")
    xs, fs, gs = [], [], []
    for _ in range(int(steps) + 1):
        g = np.atleast_1d(np.asarray(grad(x), dtype=np.float64))
        if g.shape != x.shape:
            raise ValueError(f"grad returned shape {g.shape}, expected {x.shape}")
        fx = float(f(x))
        xs.append(x.copy())
        fs.append(fx)
        gs.append(g)
        nxt = x - lr * g
        if not (np.all(np.isfinite(nxt)) and np.isfinite(fx)):
            break
        x = nxt
    return DescentTrace(xs=np.array(xs), fs=np.array(fs), grads=np.array(gs), lr=lr)


def classify_run(trace: DescentTrace, *, tol: float = 0.05) -> Verdict:
    """Classify a descent run by how its gradient norm changed.

    "diverging" if the final gradient is larger than the first (or non-finite),
    "converging" if it shrank to at most ``tol`` times the first, else "slow".
    Near a minimum the gradient norm measures distance to it (for a quadratic
    exactly: |f'(x)| = f'' |x - x*|).

    Raises
    ------
    ValueError
        If ``tol`` is not in (0, 1) or the trace has no steps.
    """
    if not 0 < tol < 1:
        raise ValueError(f"tol must lie in (0, 1), got {tol}")
    if trace.steps < 1:
        raise ValueError("trace has no steps to classify")
    g0 = float(np.linalg.norm(trace.grads[0]))
    g1 = float(np.linalg.norm(trace.grads[-1]))
    if not np.isfinite(g1) or not np.isfinite(trace.fs[-1]) or g1 > g0:
        return "diverging"
    return "converging" if g1 <= tol * g0 else "slow"


@dataclass(frozen=True, slots=True)
class LearningRateRun:
    """One run of a learning-rate comparison and its verdict."""

    lr: float
    trace: DescentTrace
    verdict: Verdict


def compare_learning_rates(
    f: Objective,
    grad: Gradient,
    x0: float | Sequence[float] | FloatArray,
    lrs: Sequence[float],
    *,
    steps: int,
    tol: float = 0.05,
) -> tuple[LearningRateRun, ...]:
    """Run gradient descent from ``x0`` once per learning rate and classify each run.

    Raises
    ------
    ValueError
        If ``lrs`` is empty, or for any error of :func:`gradient_descent`.
    """
    if len(lrs) == 0:
        raise ValueError("lrs is empty")
    runs = []
    for lr in lrs:
        trace = gradient_descent(f, grad, x0, lr=lr, steps=steps)
        runs.append(LearningRateRun(float(lr), trace, classify_run(trace, tol=tol)))
    return tuple(runs)


def function_and_gradient(
    expr: str, variables: Sequence[str] = ("x",)
) -> tuple[Objective, Gradient]:
    """Numeric f and grad f of an expression string, differentiated by sympy.

    The string is parsed safely with :func:`mathkit.expr.parse`; the gradient is
    sympy's symbolic derivative, lambdified. ``f`` and ``grad`` take a vector
    with one entry per variable.
    """
    import sympy as sp

    from mathkit.expr import parse, symbol

    if len(variables) == 0:
        raise ValueError("variables is empty")
    e = parse(expr, tuple(variables))
    syms = [symbol(v) for v in variables]
    f_num = compile_expr(e, syms, "numpy")
    g_num = [compile_expr(sp.diff(e, s), syms, "numpy") for s in syms]

    def f(v: npt.ArrayLike) -> float:
        return float(f_num(*np.atleast_1d(v)))

    def g(v: FloatArray) -> FloatArray:
        args = np.atleast_1d(v)
        return np.array([float(gi(*args)) for gi in g_num], dtype=np.float64)

    return f, g


def derivative_at(expr: str, x0: float) -> float:
    """dy/dx of a 1-D expression string at x0, symbolically (e.g. x^2 at 5 gives 10)."""
    finite(x0, "x0")
    _, g = function_and_gradient(expr, ("x",))
    return float(g(np.array([float(x0)]))[0])
