"""Variant parameters of section 1 (limits): CalculatingLimits' expression and point.

Declared once, like scenes/common/schemas.py (which registers this schema in SCHEMAS);
defaults are the course example (``mathkit.limits.HOLE_EXAMPLE``), so a render
without a variant is the course video. ``check`` refuses, naming the parameter,
a function or point the scene cannot show: the limit must exist and be finite,
and f must be defined and continuous on the plotted window except at the point.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import ClassVar, Final, Self

import numpy as np

from mathkit.limits import HOLE_EXAMPLE, limit, one_sided_text, to_function
from mathkit.plotting import AxisRange, first_jump, nice_range, sample
from scenes.common.params import ParamError, Schema, param

# scenes.common.schemas imports this module to register it: no import back.
MAX_ABS_F: Final = 1e4
"""Largest |f(x)| the worked limit plots (beyond it the tick labels do not fit)."""

MAX_ABS_POINT: Final = 10.0
"""Largest |a| of the limit point."""
HALF_WIDTH: Final = 2.0
"""The plot shows x within a +- HALF_WIDTH (before rounding to nice ticks)."""
GAP: Final = 1e-3
"""How far from a the graph stops each side (the hole or dot sits at a itself)."""


def _pieces(expr: str, a: float, x_range: AxisRange) -> tuple[np.ndarray, ...]:
    """f sampled left and right of a on the x range (each side checked for jumps)."""
    f = to_function(expr)
    out = []
    for lo, hi in ((x_range[0], a - GAP), (a + GAP, x_range[1])):
        if hi <= lo:
            continue
        try:
            gap = first_jump(f, lo, hi, samples=801)
            _, ys = sample(f, lo, hi, 200)
        except ValueError as exc:
            raise ParamError(
                "f",
                f"is {exc}, on the plotted x range [{x_range[0]:g}, {x_range[1]:g}]",
            ) from None
        if gap is not None:
            raise ParamError(
                "f",
                f"jumps at x = {gap:g}, on the plotted x range [{x_range[0]:g},"
                f" {x_range[1]:g}]: the scene draws f as one curve each side of a",
            )
        out.append(ys)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class CalculatingLimitsParams(Schema):
    """1.4 Calculating Limits: the worked limit (graph, approach table, factoring)."""

    scene: ClassVar[str] = "CalculatingLimits"

    f: str = param(
        HOLE_EXAMPLE[0],
        "the function f(x) whose limit at a is found (the course: a 0/0 hole)",
        kind="expr",
        required=True,
    )
    a: float = param(
        HOLE_EXAMPLE[1],
        "the point x approaches: the limit there must exist and be finite",
        kind="number",
        lo=-MAX_ABS_POINT,
        hi=MAX_ABS_POINT,
    )
    x_range: tuple[float, float, float] = param(
        (-1.0, 5.0, 1.0),
        "x axis; computed from a when a variant does not set it",
        kind="range",
        lo=-100,
        hi=100,
        derived=True,
    )
    y_range: tuple[float, float, float] = param(
        (-1.0, 5.0, 1.0),
        "y axis; computed from f on the x axis when a variant does not set it",
        kind="range",
        lo=-MAX_ABS_F,
        hi=MAX_ABS_F,
        derived=True,
    )

    @property
    def is_course(self) -> bool:
        """Whether this is the course example (x^2 - 1)/(x - 1) at 1."""
        return (self.f, self.a) == HOLE_EXAMPLE

    def _limit_value(self) -> float:
        try:
            result = limit(self.f, self.a)
        except (ValueError, TypeError, NotImplementedError) as exc:
            raise ParamError(
                "f", f"has no limit sympy can find at a = {self.a:g} ({exc})"
            ) from None
        if not result.exists:
            raise ParamError(
                "a",
                f"= {self.a:g}: the limit of f there does not exist (from the left"
                f" {one_sided_text(result.left)}, from the right {one_sided_text(result.right)});"
                " the scene shows a limit that exists: choose another a or f",
            )
        if not result.finite:
            raise ParamError(
                "a",
                f"= {self.a:g}: the limit of f there is {result.value_text()}, not a number"
                " the scene can mark: choose another a or f",
            )
        return result.number

    def check(self) -> None:
        """The limit at a exists and is finite; f is drawable on the window."""
        big = self._limit_value()
        if abs(big) > MAX_ABS_F:
            raise ParamError("f", f"has limit {big:.3g} at a (at most {MAX_ABS_F:g})")
        lo, hi = self.x_range[0], self.x_range[1]
        if not lo < self.a < hi:
            raise ParamError(
                "x_range", f"{list(self.x_range)} must contain a = {self.a:g}"
            )
        ys = np.concatenate(_pieces(self.f, self.a, self.x_range))
        peak = float(np.max(np.abs(ys)))
        if peak > MAX_ABS_F:
            raise ParamError(
                "f",
                f"reaches |f| = {peak:.3g} near a (at most {MAX_ABS_F:g}): make it smaller there",
            )
        f = to_function(self.f)
        for h in (0.1, 0.01, 0.001):
            for x in (self.a - h, self.a + h):
                if not math.isfinite(f(x)):
                    raise ParamError("f", f"is undefined at x = {x:g}, next to a")

    def complete(self, given: frozenset[str]) -> Self:
        """A variant that changes f or a gets axes sized from f around a."""
        if not given & {"f", "a"}:
            return self
        big = self._limit_value()
        x_range = nice_range(self.a - HALF_WIDTH, self.a + HALF_WIDTH, ticks=4)
        ys = np.concatenate(_pieces(self.f, self.a, x_range))
        y_lo, y_hi = min(float(ys.min()), big), max(float(ys.max()), big)
        margin = 0.08 * max(y_hi - y_lo, 1e-9)
        y_range = nice_range(y_lo - margin, y_hi + margin, ticks=4)
        return dataclasses.replace(self, x_range=x_range, y_range=y_range)


__all__ = ["CalculatingLimitsParams"]
