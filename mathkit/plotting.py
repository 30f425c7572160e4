"""Plot windows: axis ranges and tick steps from a function's values on a domain.

Scenes that take a user's function (variants, see ``scenes/common/params.py``)
size their axes here instead of using the course example's fixed ranges. Ticks
are "nice" steps 1, 2 or 5 times a power of ten (Heckbert, "Nice numbers for
graph labels", *Graphics Gems*, 1990), with a range that starts and ends on a tick.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

import numpy as np

AxisRange = tuple[float, float, float]
"""(start, end, tick step), as Manim's ``Axes`` takes it."""

NICE_MANTISSAS: Final = (1.0, 2.0, 5.0, 10.0)


def nice_step(span: float, ticks: int = 6) -> float:
    """The nice step (1, 2 or 5 x 10^k) that cuts ``span`` into about ``ticks`` parts.

    Raises
    ------
    ValueError
        If ``span`` is not finite and positive or ``ticks`` is below 1.
    """
    if not (math.isfinite(span) and span > 0):
        raise ValueError(f"span must be finite and positive, got {span!r}")
    if ticks < 1:
        raise ValueError(f"ticks must be at least 1, got {ticks!r}")
    raw = span / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    for m in NICE_MANTISSAS:
        if raw <= m * power * (1 + 1e-9):
            return m * power
    return 10.0 * power  # pragma: no cover - the loop ends at 10


def _snap(value: float, step: float) -> float:
    """Round away float noise: 0.30000000000000004 -> 0.3 for a step of 0.1."""
    places = max(0, -math.floor(math.log10(step)) + 1)
    return round(value, places)


def nice_range(lo: float, hi: float, *, ticks: int = 6) -> AxisRange:
    """A range covering [lo, hi] that starts and ends on a nice tick step.

    A degenerate interval (lo == hi) is widened by one unit each side (or 10 % of
    the value). Examples: (0.3, 37) -> (0, 40, 10); (-1.2, 2.9) -> (-2, 3, 1).

    Raises
    ------
    ValueError
        If either end is not finite or lo > hi.
    """
    if not (math.isfinite(lo) and math.isfinite(hi)):
        raise ValueError(f"range ends must be finite, got {lo!r}, {hi!r}")
    if lo > hi:
        raise ValueError(f"reversed range: {lo!r} > {hi!r}")
    if hi - lo < 1e-12 * max(1.0, abs(lo), abs(hi)):
        pad = max(1.0, 0.1 * abs(lo))
        lo, hi = lo - pad, hi + pad
    step = nice_step(hi - lo, ticks)
    start = math.floor(lo / step + 1e-9) * step
    end = math.ceil(hi / step - 1e-9) * step
    return (_snap(start, step), _snap(end, step), _snap(step, step))


def decimals_for(step: float) -> int:
    """Decimal places that show every tick of ``step`` exactly (1 -> 0, 0.5 -> 1, 0.25 -> 2)."""
    for places in range(0, 10):
        if abs(round(step, places) - step) < 1e-9 * max(1.0, abs(step)):
            return places
    return 10


@dataclass(frozen=True, slots=True)
class PlotWindow:
    """Axis ranges for a plot, and the x span where lines (secants, tangents) are drawn."""

    x_range: AxisRange
    y_range: AxisRange
    line_x: tuple[float, float]


def sample(
    f: Callable[[float], float], lo: float, hi: float, samples: int = 400
) -> tuple[np.ndarray, np.ndarray]:
    """(xs, f(xs)) on ``samples`` evenly spaced points of [lo, hi].

    Raises
    ------
    ValueError
        Naming the first x where f is undefined (a math error) or not finite.
    """
    xs = np.linspace(lo, hi, samples)
    ys = np.empty_like(xs)
    for i, x in enumerate(xs):
        ys[i] = value_at(f, float(x))
    return xs, ys


def value_at(f: Callable[[float], float], x: float) -> float:
    """f(x) as a finite float, or ValueError saying why not (undefined, complex, infinite)."""
    try:
        y = float(f(x))
    except OverflowError:
        raise ValueError(f"too large to compute (overflows) at x = {x:g}") from None
    except (ValueError, ZeroDivisionError, TypeError, ArithmeticError):
        raise ValueError(f"undefined at x = {x:g}") from None
    if not math.isfinite(y):
        raise ValueError(f"not finite at x = {x:g} (f = {y!r})")
    return y


def plot_window(
    f: Callable[[float], float],
    needed_x: Iterable[float],
    *,
    pad: float = 0.2,
    ticks: int = 7,
    samples: int = 400,
) -> PlotWindow:
    """Axes that show f around every x in ``needed_x``, with nice ticks.

    The x range covers the needed points plus ``pad`` of their spread (at least
    0.5) on each side; the y range covers f sampled on that whole x range. Lines
    are drawn over the padded span of the needed points, inside the axes.

    Raises
    ------
    ValueError
        If ``needed_x`` is empty or not finite, or f is undefined or not finite
        anywhere on the x range (the message names the x).
    """
    xs = [float(x) for x in needed_x]
    if not xs or not all(math.isfinite(x) for x in xs):
        raise ValueError("needed_x must hold at least one finite x")
    lo, hi = min(xs), max(xs)
    margin = max(0.5, pad * (hi - lo))
    x_range = nice_range(lo - margin, hi + margin, ticks=ticks)
    _, ys = sample(f, x_range[0], x_range[1], samples)
    y_lo, y_hi = float(ys.min()), float(ys.max())
    y_margin = 0.05 * max(y_hi - y_lo, 1e-9)
    y_range = nice_range(y_lo - y_margin, y_hi + y_margin, ticks=ticks - 1)
    line_margin = 0.5 * margin
    line_x = (
        max(x_range[0], lo - line_margin),
        min(x_range[1], hi + line_margin),
    )
    return PlotWindow(x_range, y_range, line_x)


JUMP_SAMPLES: Final = 4001
"""Samples :func:`first_jump` takes across the interval."""
JUMP_SHARE: Final = 0.25
"""A step between neighbouring samples above this share of f's spread is a suspect."""


def first_jump(
    f: Callable[[float], float],
    lo: float,
    hi: float,
    *,
    samples: int = JUMP_SAMPLES,
    share: float = JUMP_SHARE,
) -> float | None:
    """An x where f jumps on [lo, hi] (a pole such as 1/x, a step, an asymptote of tan), or None.

    With several jumps, the one with the largest step between samples is reported.

    Numeric and bounded (no symbolic solving, which can take unbounded time on
    nested functions): f is sampled at ``samples`` points; the largest step
    between neighbours, if above ``share`` of f's spread, is narrowed by 60
    bisections. A continuous function's step shrinks to nothing; a jump's does
    not. A point where f is undefined is reported by :func:`value_at` instead.

    Raises
    ------
    ValueError
        If f is undefined or not finite at a sample (from :func:`value_at`).
    """
    xs = np.linspace(lo, hi, samples)
    ys = np.array([value_at(f, float(x)) for x in xs])
    spread = float(ys.max() - ys.min())
    if spread <= 0.0:
        return None
    steps = np.abs(np.diff(ys))
    i = int(np.argmax(steps))
    if steps[i] <= share * spread:
        return None
    a, b = float(xs[i]), float(xs[i + 1])
    for _ in range(60):
        m = 0.5 * (a + b)
        if m in (a, b):
            break
        try:
            fa, fm, fb = value_at(f, a), value_at(f, m), value_at(f, b)
        except ValueError:
            return m
        if abs(fm - fa) >= abs(fb - fm):
            b = m
        else:
            a = m
    return 0.5 * (a + b) if abs(f(b) - f(a)) > 0.1 * steps[i] else None


def decade_range(values: Iterable[float]) -> tuple[int, int]:
    """(floor, ceil) of log10 over positive values: the decades a log axis must span.

    Raises
    ------
    ValueError
        If there are no values or any value is not finite and positive.
    """
    vals = [float(v) for v in values]
    if not vals or not all(math.isfinite(v) and v > 0 for v in vals):
        raise ValueError("log axis values must be finite and positive")
    lo = math.floor(math.log10(min(vals)))
    hi = math.ceil(math.log10(max(vals)))
    return (lo, hi if hi > lo else lo + 1)


__all__ = [
    "AxisRange",
    "PlotWindow",
    "decade_range",
    "decimals_for",
    "first_jump",
    "nice_range",
    "nice_step",
    "plot_window",
    "sample",
    "value_at",
]
