"""Level curves f(x, y) = c of any function of two variables on a window, as polylines.

A contour map draws a function of two inputs as its level curves, the sets where
f takes one value (Stewart, *Calculus: Early Transcendentals*, 8th ed., section
14.1). The course's regression cost has elliptical level sets in closed form
(:func:`mathkit.cost.cost_contour`); any other f is sampled on a grid and its
level curves traced by marching squares (Lorensen & Cline, SIGGRAPH 1987), here
contourpy, matplotlib's contour engine: in each grid cell a level curve is a
straight segment between the points where linear interpolation along the cell's
edges meets the level.

* :func:`sample_grid`: f on an evenly spaced grid of a window (NaN where f is
  undefined, infinite or complex; those cells draw no curve);
* :func:`level_curves`: the curves of each level, each a list of (x, y) polylines;
* :func:`level_values`: levels to draw: quantiles of f on the window (so the
  curves spread over the map) plus given levels (the value at a point).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

import contourpy
import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
Window = tuple[float, float]
"""(start, end) of one axis of the window."""

GRID_SAMPLES: Final = 121
"""Samples per side of the grid a contour map is traced on."""
MAX_SAMPLES: Final = 1001
"""Most samples per side (a million values at most)."""
MAX_LEVELS: Final = 50
"""Most levels one call traces."""


@dataclass(frozen=True, slots=True)
class Grid:
    """f on a grid: ``values[j, i] = f(xs[i], ys[j])`` (rows follow y), NaN where undefined."""

    xs: FloatArray
    ys: FloatArray
    values: FloatArray

    @property
    def finite(self) -> FloatArray:
        """The finite values, flattened."""
        return self.values[np.isfinite(self.values)]


def _window(window: Sequence[float], name: str) -> Window:
    if len(window) < 2:
        raise ValueError(f"{name} must be (start, end), got {window!r}")
    lo, hi = float(window[0]), float(window[1])
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        raise ValueError(f"{name} must be finite with start < end, got {window!r}")
    return lo, hi


def _real(values: object, shape: tuple[int, ...]) -> FloatArray:
    """``values`` as a float array of ``shape``: complex and infinite entries NaN."""
    arr = np.asarray(values)
    if np.iscomplexobj(arr):
        tiny = np.abs(arr.imag) <= 1e-12 * np.maximum(1.0, np.abs(arr.real))
        arr = np.where(tiny, arr.real, np.nan)
    try:
        out = np.broadcast_to(np.asarray(arr, dtype=np.float64), shape).copy()
    except (TypeError, ValueError):
        raise ValueError("f must return a real number at each (x, y)") from None
    out[~np.isfinite(out)] = np.nan
    return out


def _pointwise(f: Callable[..., object], xx: FloatArray, yy: FloatArray) -> FloatArray:
    """f evaluated one (x, y) at a time: NaN where it raises a math error."""
    out = np.empty(xx.shape)
    for index, x in np.ndenumerate(xx):
        try:
            out[index] = _real(f(float(x), float(yy[index])), ())
        except (ValueError, TypeError, ArithmeticError):
            out[index] = np.nan
    return out


def sample_grid(
    f: Callable[..., object],
    x_window: Sequence[float],
    y_window: Sequence[float],
    *,
    samples: int = GRID_SAMPLES,
) -> Grid:
    """f on ``samples`` x ``samples`` evenly spaced points of the window, ends included.

    ``f(x, y)`` is called once with 2-D numpy arrays (as ``mathkit.numeric.compile_expr``
    with the numpy backend compiles an expression); a function that raises on
    arrays is evaluated point by point instead. Undefined, infinite and complex
    values are NaN.

    Raises
    ------
    ValueError
        If a window is not finite and increasing, or ``samples`` is not an integer
        from 3 to ``MAX_SAMPLES``.
    """
    x_lo, x_hi = _window(x_window, "x_window")
    y_lo, y_hi = _window(y_window, "y_window")
    if (
        isinstance(samples, bool)
        or not isinstance(samples, int | np.integer)
        or not 3 <= samples <= MAX_SAMPLES
    ):
        raise ValueError(
            f"samples must be an integer from 3 to {MAX_SAMPLES}, got {samples!r}"
        )
    xs = np.linspace(x_lo, x_hi, int(samples))
    ys = np.linspace(y_lo, y_hi, int(samples))
    xx, yy = np.meshgrid(xs, ys)
    with np.errstate(all="ignore"):
        try:
            values = _real(f(xx, yy), xx.shape)
        except (ValueError, TypeError, ArithmeticError):
            values = _pointwise(f, xx, yy)
    return Grid(xs, ys, values)


def level_curves(
    grid: Grid, levels: Sequence[float]
) -> tuple[tuple[FloatArray, ...], ...]:
    """The level curves f = c of each level c, traced on ``grid``.

    Returns one tuple per level (in the order given) of polylines, each an
    (N, 2) array of (x, y) points inside the grid's window; a closed curve
    repeats its first point at the end. A level outside f's values on the grid
    has no curve (an empty tuple). Cells with an undefined value draw none.

    Raises
    ------
    ValueError
        If a level is not finite, or there are more than ``MAX_LEVELS`` levels.
    """
    wanted = [float(c) for c in levels]
    if len(wanted) > MAX_LEVELS:
        raise ValueError(f"at most {MAX_LEVELS} levels, got {len(wanted)}")
    if not all(math.isfinite(c) for c in wanted):
        raise ValueError(f"levels must be finite, got {list(levels)!r}")
    gen = contourpy.contour_generator(
        grid.xs, grid.ys, grid.values, line_type=contourpy.LineType.Separate
    )
    out = []
    for c in wanted:
        lines = gen.lines(c)
        out.append(
            tuple(
                np.asarray(line, dtype=np.float64) for line in lines if len(line) >= 2
            )
        )
    return tuple(out)


def level_values(
    grid: Grid, count: int, *, through: Sequence[float] = ()
) -> tuple[float, ...]:
    """Levels for a contour map: ``count`` quantiles of f on the grid, plus ``through``.

    The quantiles at (k + 1/2)/count, k = 0 .. count-1, spread the curves over the
    map by area (a level every 1/count of the window). A quantile closer than
    half that share to a level of ``through`` (e.g. f at a marked point) is left
    out, so that no two curves nearly coincide. Returns increasing, distinct
    levels strictly between f's least and greatest value on the grid (a level
    there would draw a single point); a ``through`` level outside is dropped.

    Raises
    ------
    ValueError
        If ``count`` is not from 1 to ``MAX_LEVELS``, a ``through`` level is not
        finite, or f has fewer than two distinct finite values on the grid.
    """
    if (
        isinstance(count, bool)
        or not isinstance(count, int)
        or not 1 <= count <= MAX_LEVELS
    ):
        raise ValueError(
            f"count must be an integer from 1 to {MAX_LEVELS}, got {count!r}"
        )
    marks = [float(c) for c in through]
    if not all(math.isfinite(c) for c in marks):
        raise ValueError(f"through levels must be finite, got {list(through)!r}")
    values = np.sort(grid.finite)
    if values.size < 2 or values[0] == values[-1]:
        raise ValueError("f takes fewer than two values on the grid: no level curves")
    lo, hi = float(values[0]), float(values[-1])
    shares = (np.arange(count) + 0.5) / count
    ranks = [float(np.searchsorted(values, c)) / values.size for c in marks]
    kept = [
        float(q)
        for s, q in zip(shares, np.quantile(values, shares), strict=True)
        if all(abs(s - r) >= 0.5 / count for r in ranks)
    ]
    levels = sorted({c for c in (*kept, *marks) if lo < c < hi})
    return tuple(levels)


__all__ = [
    "GRID_SAMPLES",
    "Grid",
    "level_curves",
    "level_values",
    "sample_grid",
]
