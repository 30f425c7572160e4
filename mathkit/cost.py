"""The course's regression: the line model, its costs, gradient, fit and cost surface.

The one regression module: the forward pass, MSE, MAE and quadratic cost, the
gradient, least squares, the cost on a grid and the cost's elliptical contours
(sections 3 and 5 both take them from here).

The model is the line y_hat = m x + b fitted to the clinical-trial data of
``mathkit.data`` (content spec 3c). Costs compare predictions y_hat with labels
y and return one number for "how wrong" the model is (content spec 3d). The
gradient is returned in the notebooks' order, b first: [dC/db, dC/dm]
(content spec 5d). Reference for the formulas: Goodfellow, Bengio & Courville,
*Deep Learning* (2016), section 5.1.4 (linear regression, MSE).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from mathkit.data import (
    COST_EXAMPLE_Y,
    COST_EXAMPLE_Y_HAT,
    INITIAL_B,
    INITIAL_M,
    SINGLE_POINT_INDEX,
    regression_xy,
)
from mathkit.numeric import finite

FloatArray = npt.NDArray[np.floating]
ArrayLike = Sequence[float] | npt.NDArray[np.floating]

DTYPES: Final[dict[str, type[np.floating[Any]]]] = {
    "float64": np.float64,
    "float32": np.float32,
}
"""Supported precisions; the notebooks ran torch in float32."""


def _dtype(dtype: str) -> type[np.floating]:
    if dtype not in DTYPES:
        raise ValueError(f"dtype must be one of {sorted(DTYPES)}, got {dtype!r}")
    return DTYPES[dtype]


def as_vector(values: ArrayLike, name: str, dtype: str = "float64") -> FloatArray:
    """Validate ``values`` as a non-empty finite 1-D array of the given dtype.

    Raises
    ------
    ValueError
        If the input is empty, not one-dimensional, or holds NaN or inf.
    """
    arr = np.asarray(values, dtype=_dtype(dtype))
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or inf")
    return arr


def _pair(
    y_hat: ArrayLike, y: ArrayLike, dtype: str = "float64"
) -> tuple[FloatArray, FloatArray]:
    a = as_vector(y_hat, "y_hat", dtype)
    b = as_vector(y, "y", dtype)
    if a.shape != b.shape:
        raise ValueError(
            f"mismatched lengths: y_hat has {a.size} values, y has {b.size}"
        )
    return a, b


def errors(y_hat: ArrayLike, y: ArrayLike) -> FloatArray:
    """Signed errors e_i = y_hat_i - y_i.

    Their plain sum can be 0 for a bad model (errors cancel), which is why costs
    square or take absolute values (content spec 3d).
    """
    a, b = _pair(y_hat, y)
    return a - b


def absolute_error(delta: float) -> float:
    """Absolute error |delta| of one prediction, delta = y_hat - y."""
    return abs(finite(delta, "delta"))


def squared_error(delta: float) -> float:
    """Squared (quadratic) error delta^2 of one prediction, delta = y_hat - y."""
    d = finite(delta, "delta")
    return d * d


def mae(y_hat: ArrayLike, y: ArrayLike) -> float:
    """Mean absolute error, MAE = (1/n) sum |y_hat_i - y_i|.

    Reference: Hastie, Tibshirani & Friedman, *Elements of Statistical
    Learning*, section 2.4 (loss functions).
    """
    a, b = _pair(y_hat, y)
    return float(np.mean(np.abs(a - b)))


def mse(y_hat: ArrayLike, y: ArrayLike, *, dtype: str = "float64") -> float:
    """Mean squared error, C = (1/n) sum (y_hat_i - y_i)^2 (content spec 3c).

    ``dtype="float32"`` reproduces the torch notebooks' single precision.
    """
    a, b = _pair(y_hat, y, dtype)
    return float(np.mean((a - b) ** 2))


def quadratic_cost(y_hat: float, y: float) -> float:
    """Quadratic cost of a single instance, C = (y_hat - y)^2 (content spec 5c)."""
    return squared_error(finite(y_hat, "y_hat") - finite(y, "y"))


def forward(x: ArrayLike, m: float, b: float, *, dtype: str = "float64") -> FloatArray:
    """Forward pass of the line model, y_hat_i = m x_i + b (content spec 3c, step 1)."""
    xs = as_vector(x, "x", dtype)
    t = _dtype(dtype)
    y_hat: FloatArray = xs * t(finite(m, "m")) + t(finite(b, "b"))
    return y_hat


def _xy(x: ArrayLike, y: ArrayLike, dtype: str) -> tuple[FloatArray, FloatArray]:
    xs = as_vector(x, "x", dtype)
    ys = as_vector(y, "y", dtype)
    if xs.shape != ys.shape:
        raise ValueError(f"mismatched lengths: x has {xs.size} values, y has {ys.size}")
    return xs, ys


def regression_cost(
    b: float, m: float, x: ArrayLike, y: ArrayLike, *, dtype: str = "float64"
) -> float:
    """MSE of the line y_hat = m x + b on data (x, y): C(b, m) = (1/n) sum (m x_i + b - y_i)^2."""
    xs, ys = _xy(x, y, dtype)
    return mse(forward(xs, m, b, dtype=dtype), ys, dtype=dtype)


def regression_gradient(
    b: float, m: float, x: ArrayLike, y: ArrayLike, *, dtype: str = "float64"
) -> tuple[float, float]:
    """Gradient of the regression MSE in the course's order, (dC/db, dC/dm).

    dC/db = (2/n) sum (y_hat_i - y_i) and dC/dm = (2/n) sum (y_hat_i - y_i) x_i
    (content spec 5d; derived by the chain rule C = mean(u^2), u = y_hat - y).
    """
    xs, ys = _xy(x, y, dtype)
    t = _dtype(dtype)
    e = forward(xs, m, b, dtype=dtype) - ys
    scale = t(2) / t(xs.size)
    return float(scale * np.sum(e)), float(scale * np.sum(e * xs))


@dataclass(frozen=True, slots=True)
class FourSteps:
    """One round of "machine learning in four easy steps" (content spec 3c).

    Gradient and parameters in the course's order, b first.
    """

    b: float
    m: float
    y_hat: tuple[float, ...]  # step 1: forward pass
    cost: float  # step 2: C
    grad_b: float  # step 3: dC/db
    grad_m: float  # step 3: dC/dm
    lr: float
    new_b: float  # step 4: b - lr dC/db
    new_m: float  # step 4: m - lr dC/dm
    new_cost: float  # C recomputed at the new parameters


def four_steps(
    b: float,
    m: float,
    x: ArrayLike,
    y: ArrayLike,
    *,
    lr: float,
    dtype: str = "float64",
) -> FourSteps:
    """Forward pass, cost, gradient and one gradient-descent update.

    theta' = theta - lr grad C with theta = [b, m] (content spec 5e).

    Raises
    ------
    ValueError
        For bad data (see :func:`regression_cost`) or a non-positive learning rate.
    """
    lr = finite(lr, "lr")
    if lr <= 0:
        raise ValueError(f"learning rate must be positive, got {lr}")
    xs, ys = _xy(x, y, dtype)
    gb, gm = regression_gradient(b, m, xs, ys, dtype=dtype)
    t = _dtype(dtype)
    nb = float(t(b) - t(lr) * t(gb))
    nm = float(t(m) - t(lr) * t(gm))
    return FourSteps(
        b=float(b),
        m=float(m),
        y_hat=tuple(float(v) for v in forward(xs, m, b, dtype=dtype)),
        cost=regression_cost(b, m, xs, ys, dtype=dtype),
        grad_b=gb,
        grad_m=gm,
        lr=lr,
        new_b=nb,
        new_m=nm,
        new_cost=regression_cost(nb, nm, xs, ys, dtype=dtype),
    )


@dataclass(frozen=True, slots=True)
class CostExample:
    """Signed, absolute and squared errors of a small example (content spec 3d)."""

    y_hat: tuple[float, ...]
    y: tuple[float, ...]
    errors: tuple[float, ...]
    error_sum: float
    absolute: tuple[float, ...]
    squared: tuple[float, ...]
    mae: float
    mse: float


def cost_example(
    y_hat: ArrayLike = COST_EXAMPLE_Y_HAT, y: ArrayLike = COST_EXAMPLE_Y
) -> CostExample:
    """Compare the error sum, MAE and MSE; defaults to the course's (7, 3) vs (2, 8).

    With the defaults the errors are +5 and -5 (sum 0), MAE = 5 and MSE = 25.
    """
    e = errors(y_hat, y)
    return CostExample(
        y_hat=tuple(float(v) for v in np.asarray(y_hat, dtype=np.float64)),
        y=tuple(float(v) for v in np.asarray(y, dtype=np.float64)),
        errors=tuple(float(v) for v in e),
        error_sum=float(np.sum(e)),
        absolute=tuple(float(v) for v in np.abs(e)),
        squared=tuple(float(v) for v in e**2),
        mae=mae(y_hat, y),
        mse=mse(y_hat, y),
    )


@dataclass(frozen=True, slots=True)
class SinglePoint:
    """Quadratic cost of one instance and its partial derivatives (content spec 5c).

    C = (y_hat - y)^2, dC/db = 2 (y_hat - y), dC/dm = 2 (y_hat - y) x.
    """

    index: int
    x: float
    y: float
    m: float
    b: float
    y_hat: float
    error: float
    cost: float
    grad_b: float
    grad_m: float


def single_point(
    index: int = SINGLE_POINT_INDEX,
    m: float = INITIAL_M,
    b: float = INITIAL_B,
    x: ArrayLike | None = None,
    y: ArrayLike | None = None,
) -> SinglePoint:
    """Quadratic cost of instance ``index`` of the data; defaults to the course's i = 7.

    Raises
    ------
    ValueError
        If ``index`` is out of range or the data is bad.
    """
    dx, dy = regression_xy()
    xs, ys = _xy(dx if x is None else x, dy if y is None else y, "float64")
    if isinstance(index, bool) or not isinstance(index, int | np.integer):
        raise ValueError(f"index must be an integer, got {index!r}")
    if not 0 <= index < xs.size:
        raise ValueError(f"index {index} out of range for {xs.size} instances")
    xi, yi = float(xs[index]), float(ys[index])
    m, b = finite(m, "m"), finite(b, "b")
    y_hat = m * xi + b
    err = y_hat - yi
    return SinglePoint(
        index=int(index),
        x=xi,
        y=yi,
        m=m,
        b=b,
        y_hat=y_hat,
        error=err,
        cost=err * err,
        grad_b=2 * err,
        grad_m=2 * err * xi,
    )


def cost_along_m(ms: ArrayLike, b: float, x: ArrayLike, y: ArrayLike) -> FloatArray:
    """C(m) at fixed b for each m in ``ms`` (a slice of the cost surface)."""
    grid = cost_grid([b], ms, x, y)
    return grid[:, 0]


def cost_grid(bs: ArrayLike, ms: ArrayLike, x: ArrayLike, y: ArrayLike) -> FloatArray:
    """MSE on a grid: ``out[j, i] = C(bs[i], ms[j])`` (rows follow m, columns b).

    Vectorised form of :func:`regression_cost`, for contour plots.
    """
    bv = as_vector(bs, "bs")
    mv = as_vector(ms, "ms")
    xs, ys = _xy(x, y, "float64")
    pred = mv[:, None, None] * xs[None, None, :] + bv[None, :, None]
    return np.asarray(np.mean((pred - ys) ** 2, axis=2), dtype=np.float64)


@dataclass(frozen=True, slots=True)
class LeastSquares:
    """Closed-form least-squares line y = m x + b and its MSE."""

    b: float
    m: float
    cost: float


def least_squares(x: ArrayLike, y: ArrayLike) -> LeastSquares:
    """Ordinary least squares by the normal equations.

    m = sum (x_i - x_bar)(y_i - y_bar) / sum (x_i - x_bar)^2, b = y_bar - m x_bar
    (Hastie et al., *ESL*, section 3.2). Content spec 3c: b = 1.76, m = -0.4692857.

    Raises
    ------
    ValueError
        For bad data, fewer than two points, or all x equal (no unique line).
    """
    xs, ys = _xy(x, y, "float64")
    if xs.size < 2:
        raise ValueError("least squares needs at least two points")
    dx = xs - xs.mean()
    sxx = float(np.sum(dx * dx))
    if sxx == 0.0:
        raise ValueError("all x values are equal: the slope is undetermined")
    m = float(np.sum(dx * (ys - ys.mean())) / sxx)
    b = float(ys.mean() - m * xs.mean())
    return LeastSquares(b=b, m=m, cost=regression_cost(b, m, xs, ys))


def cost_contour(
    level: float, x: ArrayLike, y: ArrayLike, *, samples: int = 200
) -> FloatArray:
    """Points (b, m) on the level set C(b, m) = ``level`` of the regression MSE.

    The MSE is quadratic in theta = [b, m]:
    C(theta) = C* + (theta - theta*)^T A (theta - theta*) with A = X^T X / n,
    X = [1, x] and theta* the least-squares fit, so each level set is an ellipse
    theta* + sqrt(level - C*) A^(-1/2) [cos t, sin t] (Boyd & Vandenberghe,
    *Convex Optimization*, A.5.5). Returns shape (samples, 2), columns b, m;
    the ellipse is closed (first point repeated at the end).

    Raises
    ------
    ValueError
        If ``level`` is not above the minimum cost or ``samples`` < 8.
    """
    if (
        isinstance(samples, bool)
        or not isinstance(samples, int | np.integer)
        or samples < 8
    ):
        raise ValueError(f"samples must be an integer >= 8, got {samples!r}")
    xs, ys = _xy(x, y, "float64")
    best = least_squares(xs, ys)
    lv = finite(level, "level")
    if lv <= best.cost:
        raise ValueError(f"level {lv} is not above the minimum cost {best.cost:.6g}")
    design = np.column_stack([np.ones_like(xs), xs])
    a = design.T @ design / xs.size
    vals, vecs = np.linalg.eigh(a)
    t = np.linspace(0.0, 2 * np.pi, int(samples))
    circle = np.stack([np.cos(t), np.sin(t)])
    offsets = vecs @ (circle / np.sqrt(vals)[:, None]) * np.sqrt(lv - best.cost)
    return np.asarray((offsets + np.array([[best.b], [best.m]])).T, dtype=np.float64)


def best_slope(b: float, x: ArrayLike, y: ArrayLike) -> float:
    """The slope m that minimises C(m) = (1/n) sum (m x_i + b - y_i)^2 at fixed b.

    C(m) is a parabola in m; dC/dm = (2/n) sum (m x_i + b - y_i) x_i = 0 gives
    m* = sum x_i (y_i - b) / sum x_i^2. At the least-squares b this is the
    least-squares slope (content spec 3c: b = 1.76, m = -0.4692857).

    Raises
    ------
    ValueError
        For bad data, or all x zero (C does not depend on m).
    """
    xs, ys = _xy(x, y, "float64")
    sxx = float(np.sum(xs * xs))
    if sxx == 0.0:
        raise ValueError("all x values are zero: the cost does not depend on m")
    return float(np.sum(xs * (ys - finite(b, "b"))) / sxx)


def mirror_slope(m: float, b: float, x: ArrayLike, y: ArrayLike) -> float:
    """The other slope with the same cost as ``m`` at fixed b: 2 m* - m.

    C(m) is a parabola symmetric about its minimum m* (:func:`best_slope`).
    """
    return 2 * best_slope(b, x, y) - finite(m, "m")


def cross_entropy(p: float, y: float) -> float:
    """Binary cross-entropy of one prediction: C = -[y log p + (1 - y) log(1 - p)].

    ``p`` is the predicted probability of class 1 and ``y`` the label (0 or 1):
    for y = 1 the cost is -log p, for y = 0 it is -log(1 - p); it grows without
    bound as a confident prediction is wrong (Goodfellow et al., *Deep
    Learning*, section 6.2.2.2; content spec 3d: the usual cost of deep-learning
    classifiers).

    Raises
    ------
    ValueError
        If p is not strictly between 0 and 1, or y is not 0 or 1.
    """
    pv = finite(p, "p")
    if not 0.0 < pv < 1.0:
        raise ValueError(f"p must be strictly between 0 and 1, got {pv}")
    if isinstance(y, bool) or y not in (0, 1):
        raise ValueError(f"y must be 0 or 1, got {y!r}")
    return -float(np.log(pv)) if y == 1 else -float(np.log1p(-pv))


def mean_cross_entropy(p: ArrayLike, y: ArrayLike) -> float:
    """Mean binary cross-entropy (log loss) of predictions ``p`` against labels ``y``."""
    ps, ys = _pair(p, y)
    costs = [cross_entropy(float(a), b) for a, b in zip(ps, ys, strict=True)]
    return float(np.mean(costs))
