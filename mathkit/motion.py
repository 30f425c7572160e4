"""A car's journey for WhatCalculusIs: distance d(t), speed v(t) = d'(t), and area = distance.

Content spec 1a [3P-NOTES/PROPOSED]: the d-vs-t curve is flat while the car is
stopped at a shop (speed 0), straight while it cruises (constant speed) and
steepening while it accelerates. The slope of d(t) is the speed (differential
calculus) and the area under v(t) is the distance travelled (integral calculus).

The speed is piecewise linear through the knots (t_i, v_i): it ramps smoothly
(no jumps), so d(t), its integral, is continuously differentiable and has a
tangent at every t. The course journey pulls away, cruises, brakes to a stop at
the shop (at a distance above zero), waits, then speeds up.

On [t_i, t_{i+1}] with s = t - t_i and a_i = (v_{i+1} - v_i)/(t_{i+1} - t_i):
v = v_i + a_i s and d = d_i + v_i s + a_i s^2/2, with d_0 = 0 and d_{i+1} the
area of the trapezoid under v on the segment. Reference: Stewart, *Calculus*,
2.7 (velocity as derivative) and 5.4 (net change theorem).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from mathkit.numeric import Tangent

PHASES = ("pulling away", "cruising", "braking", "stopped", "speeding up")
"""Phase names of the course journey, one per segment between knots."""


@dataclass(frozen=True, slots=True)
class Journey:
    """Motion with a piecewise-linear speed through ``knots`` ((t, v) pairs, t from 0).

    ``phases`` names each segment between consecutive knots.
    """

    knots: tuple[tuple[float, float], ...] = (
        (0.0, 0.0),
        (1.0, 10.0),
        (3.0, 10.0),
        (4.0, 0.0),
        (5.0, 0.0),
        (8.0, 12.0),
    )
    phases: tuple[str, ...] = PHASES

    def __post_init__(self) -> None:
        """Validate the knots: finite, times increasing from 0, speeds >= 0."""
        if len(self.knots) < 2:
            raise ValueError("a journey needs at least two knots")
        flat = [v for knot in self.knots for v in knot]
        if not all(math.isfinite(v) for v in flat):
            raise ValueError(f"journey knots must be finite, got {self.knots}")
        ts = [t for t, _ in self.knots]
        if ts[0] != 0.0 or any(b <= a for a, b in pairwise(ts)):
            raise ValueError(f"knot times must increase from 0, got {ts}")
        if any(v < 0 for _, v in self.knots):
            raise ValueError("speeds must not be negative")
        if len(self.phases) != len(self.knots) - 1:
            raise ValueError(
                f"{len(self.knots) - 1} segments need as many phase names,"
                f" got {len(self.phases)}"
            )

    @property
    def t_end(self) -> float:
        """When the journey ends (the last knot's time)."""
        return self.knots[-1][0]

    @property
    def breaks(self) -> tuple[float, ...]:
        """The knot times, where the acceleration changes (d is still smooth there)."""
        return tuple(t for t, _ in self.knots)

    def _check_t(self, t: float) -> None:
        if not math.isfinite(t):
            raise ValueError(f"t must be finite, got {t!r}")
        if not 0 <= t <= self.t_end:
            raise ValueError(f"t = {t} is outside the journey [0, {self.t_end}]")

    def _segment(self, t: float) -> int:
        """Index i of the segment [t_i, t_{i+1}] holding t (the last one at t_end)."""
        self._check_t(t)
        for i in range(len(self.knots) - 1):
            if t <= self.knots[i + 1][0]:
                return i
        return len(self.knots) - 2

    def _start_distances(self) -> list[float]:
        ds = [0.0]
        for (t0, v0), (t1, v1) in pairwise(self.knots):
            ds.append(ds[-1] + (t1 - t0) * (v0 + v1) / 2)
        return ds

    def phase(self, t: float) -> str:
        """The name of the phase at time t (the earlier one at a knot)."""
        return self.phases[self._segment(t)]

    def phase_span(self, name: str) -> tuple[float, float]:
        """(start, end) time of the phase called ``name``.

        Raises
        ------
        ValueError
            If there is no such phase.
        """
        if name not in self.phases:
            raise ValueError(f"unknown phase {name!r}")
        i = self.phases.index(name)
        return self.knots[i][0], self.knots[i + 1][0]

    def acceleration(self, t: float) -> float:
        """a(t) = v'(t) on the segment holding t."""
        i = self._segment(t)
        (t0, v0), (t1, v1) = self.knots[i], self.knots[i + 1]
        return (v1 - v0) / (t1 - t0)

    def speed(self, t: float) -> float:
        """v(t) = d'(t), linear between the knots.

        Raises
        ------
        ValueError
            If t is not finite or outside [0, t_end].
        """
        i = self._segment(t)
        t0, v0 = self.knots[i]
        return v0 + self.acceleration(t) * (t - t0)

    def distance(self, t: float) -> float:
        """d(t), metres from the start (see the module docstring for the formula).

        Raises
        ------
        ValueError
            If t is not finite or outside [0, t_end].
        """
        i = self._segment(t)
        t0, v0 = self.knots[i]
        s = t - t0
        return self._start_distances()[i] + v0 * s + 0.5 * self.acceleration(t) * s * s

    def tangent(self, t: float) -> Tangent:
        """The tangent to d at t: slope v(t), through (t, d(t))."""
        return Tangent(float(t), self.distance(t), self.speed(t))

    def area_under_speed(self, t0: float, t1: float) -> float:
        """Area under v between t0 and t1, summed as trapezoids between the knots.

        Formula: on each segment v is linear, so its area is the width times the
        mean of the end heights; by the net change theorem the sum is d(t1) - d(t0).

        Raises
        ------
        ValueError
            If t0 > t1 (reversed bounds) or either is outside the journey.
        """
        self._check_t(t0)
        self._check_t(t1)
        if t0 > t1:
            raise ValueError(f"reversed bounds: t0 = {t0} > t1 = {t1}")
        area = 0.0
        for (lo, _), (hi, _) in pairwise(self.knots):
            a, b = max(lo, t0), min(hi, t1)
            if b > a:
                area += (b - a) * (self.speed(a) + self.speed(b)) / 2
        return area

    def phase_area(self, name: str) -> float:
        """The area under v over one phase: the distance covered in it."""
        return self.area_under_speed(*self.phase_span(name))

    def distance_travelled(self, t0: float, t1: float) -> float:
        """d(t1) - d(t0).

        Raises
        ------
        ValueError
            If t0 > t1 or either is outside the journey.
        """
        if t0 > t1:
            raise ValueError(f"reversed bounds: t0 = {t0} > t1 = {t1}")
        return self.distance(t1) - self.distance(t0)

    def top_speed(self) -> float:
        """The highest speed of the journey (a knot's speed: v is piecewise linear)."""
        return max(v for _, v in self.knots)

    def tangent_times(self) -> tuple[float, ...]:
        """One time inside each phase where the scene reads the slope (phase midpoints)."""
        return tuple((a + b) / 2 for (a, _), (b, _) in pairwise(self.knots))


COMMUTE = Journey()
"""The journey of the WhatCalculusIs scene: 1 s pulling away to 10 m/s, 2 s cruising,
1 s braking to a stop at the shop, 1 s stopped, 3 s speeding up at 4 m/s^2 (48 m in all)."""
