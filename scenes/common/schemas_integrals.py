"""Parameters of 6.4 IntegralsManually (no manim import).

The scene integrates by hand, so each integrand must be a sum of power terms
c x^n (the power rule of :func:`mathkit.integrate.antiderivative`), finite on its
interval (the NumericIntegration checks, reused from :mod:`scenes.common.schemas`)
and not negative there: the scene reads the integral as the area under the curve
and fills it. Axis ranges for a variant come from the integrand's values on the
interval (:func:`mathkit.plotting.nice_range`).

It registers itself in :data:`scenes.common.schemas.SCHEMAS`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import ClassVar, Final, Self

import numpy as np

from mathkit.data import INTEGRAL_EXAMPLES
from mathkit.integrate import antiderivative, integrand_function
from mathkit.plotting import AxisRange, nice_range
from scenes.common.params import ParamError, Schema, param
from scenes.common.schemas import _bound_param, _check_integrand, _check_range

COURSE_X_RANGE: Final[AxisRange] = (0.0, 2.5, 0.5)
COURSE_Y_RANGE: Final[AxisRange] = (0.0, 1.25, 0.25)
"""The course example's axes (x/2 on [1, 2], with room left of the interval)."""
AXIS_TICKS: Final = 5
"""About this many ticks on each axis of a variant."""


def _poly_integrand(default: str, description: str, *, required: bool = False) -> str:
    return param(default, description, kind="expr", required=required)


def _check_area(
    name: str, text: str, a: float, b: float, a_name: str, b_name: str
) -> None:
    """Power terms only, finite on [a, b], and not negative there."""
    try:
        antiderivative(text)
    except ValueError as exc:
        raise ParamError(
            name,
            f"must be a sum of power terms c x^n (integrated by the power rule): {exc}",
        ) from None
    _check_integrand(name, text, a, b, a_name, b_name)
    xs = np.linspace(a, b, 201)
    with np.errstate(all="ignore"):
        ys = integrand_function(text)(xs)
    if np.any(ys < -1e-12):
        bad = float(xs[ys < -1e-12][0])
        raise ParamError(
            name,
            f"is negative at x = {bad:g}: the scene fills the area under the curve,"
            f" so it must be >= 0 on [{a:g}, {b:g}]",
        )


def window(text: str, a: float, b: float) -> tuple[AxisRange, AxisRange]:
    """Axes for the area under ``text`` on [a, b], from the integrand's values.

    x runs from 0 (when a is between 0 and one interval width) or a little before
    a, to a quarter of the span past b; y covers 0 and f on [a, b].
    """
    span = b - a
    lo = 0.0 if 0.0 <= a <= span else a - 0.1 * span
    x_range = nice_range(lo, b + 0.25 * (b - lo), ticks=AXIS_TICKS)
    xs = np.linspace(a, b, 201)
    with np.errstate(all="ignore"):
        ys = integrand_function(text)(xs)
    y_lo, y_hi = float(np.nanmin(ys)), float(np.nanmax(ys))
    y_range = nice_range(
        min(0.0, 1.15 * y_lo), max(0.0, 1.15 * y_hi, 1e-6), ticks=AXIS_TICKS
    )
    return x_range, y_range


@dataclass(frozen=True, slots=True)
class IntegralsManuallyParams(Schema):
    """6.4 Calculating Integrals Manually."""

    scene: ClassVar[str] = "IntegralsManually"

    integrand: str = _poly_integrand(
        INTEGRAL_EXAMPLES[0][0],
        "the first example's integrand: a sum of power terms c x^n, >= 0 on [a, b]",
        required=True,
    )
    a: float = _bound_param(INTEGRAL_EXAMPLES[0][1], "its lower bound")
    b: float = _bound_param(INTEGRAL_EXAMPLES[0][2], "its upper bound")
    second_integrand: str = _poly_integrand(
        INTEGRAL_EXAMPLES[1][0],
        "the second example's integrand (same rules)",
    )
    second_a: float = _bound_param(INTEGRAL_EXAMPLES[1][1], "its lower bound")
    second_b: float = _bound_param(INTEGRAL_EXAMPLES[1][2], "its upper bound")
    x_range: tuple[float, float, float] = param(
        COURSE_X_RANGE,
        "x axis of the first example; computed from the bounds",
        kind="range",
        derived=True,
    )
    y_range: tuple[float, float, float] = param(
        COURSE_Y_RANGE,
        "y axis of the first example; computed from the integrand on [a, b]",
        kind="range",
        derived=True,
    )

    @property
    def is_course(self) -> bool:
        """Whether both examples are the course's."""
        return (
            (self.integrand, self.a, self.b),
            (self.second_integrand, self.second_a, self.second_b),
        ) == INTEGRAL_EXAMPLES

    def second_window(self) -> tuple[AxisRange, AxisRange]:
        """Axes of the second example."""
        return window(self.second_integrand, self.second_a, self.second_b)

    def check(self) -> None:
        """Each integrand: power terms, finite and >= 0 on its interval."""
        _check_area("integrand", self.integrand, self.a, self.b, "a", "b")
        _check_area(
            "second_integrand",
            self.second_integrand,
            self.second_a,
            self.second_b,
            "second_a",
            "second_b",
        )
        _check_range("x_range", self.x_range)
        _check_range("y_range", self.y_range)

    def complete(self, given: frozenset[str]) -> Self:
        """A variant's first example gets axes sized from its integrand."""
        if not given & {"integrand", "a", "b"}:
            return self
        _check_area("integrand", self.integrand, self.a, self.b, "a", "b")
        try:
            x_range, y_range = window(self.integrand, self.a, self.b)
        except ValueError as exc:
            raise ParamError("integrand", f"cannot be plotted: {exc}") from None
        return dataclasses.replace(self, x_range=x_range, y_range=y_range)


from scenes.common.schemas import SCHEMAS  # noqa: E402 (after the classes)

SCHEMAS.update({s.scene: s for s in (IntegralsManuallyParams,)})

__all__ = ["IntegralsManuallyParams", "window"]
