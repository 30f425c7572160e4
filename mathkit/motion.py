"""A car's journey for WhatCalculusIs: distance d(t), speed v(t) = d'(t), and area = distance.

Content spec 1a [3P-NOTES/PROPOSED]: the d-vs-t curve is flat while the car is
stopped at a shop (speed 0), straight while it cruises (constant speed) and
steepening while it accelerates. The slope of d(t) is the speed (differential
calculus) and the area under v(t) is the distance travelled (integral calculus).

Phases (t in seconds, d in metres):

* stopped  0 <= t <= t_stop:   d = 0,                       v = 0
* cruise   t_stop < t <= t_cruise: d = v0 (t - t_stop),     v = v0
* speed up t_cruise < t <= t_end:  d = d1 + v0 s + a s^2/2, v = v0 + a s  (s = t - t_cruise)

d is continuous everywhere; v is continuous except the jump 0 -> v0 when the
car pulls away (an idealised instant start), so d has a corner at t_stop.
Reference: Stewart, *Calculus*, 2.7 (velocity as derivative) and 5.4 (net change theorem).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from mathkit.numeric import Tangent


@dataclass(frozen=True, slots=True)
class Journey:
    """Piecewise motion: stopped, then constant speed, then constant acceleration."""

    t_stop: float = 2.0
    t_cruise: float = 5.0
    t_end: float = 8.0
    cruise_speed: float = 10.0  # m/s
    acceleration: float = 4.0  # m/s^2

    def __post_init__(self) -> None:
        """Validate the phase times and rates."""
        values = (
            self.t_stop,
            self.t_cruise,
            self.t_end,
            self.cruise_speed,
            self.acceleration,
        )
        if not all(math.isfinite(v) for v in values):
            raise ValueError(f"journey parameters must be finite, got {values}")
        if not 0 < self.t_stop < self.t_cruise < self.t_end:
            raise ValueError(
                "phase times must satisfy 0 < t_stop < t_cruise < t_end, got "
                f"{self.t_stop}, {self.t_cruise}, {self.t_end}"
            )
        if self.cruise_speed <= 0 or self.acceleration <= 0:
            raise ValueError("cruise_speed and acceleration must be positive")

    def _check_t(self, t: float) -> None:
        if not math.isfinite(t):
            raise ValueError(f"t must be finite, got {t!r}")
        if not 0 <= t <= self.t_end:
            raise ValueError(f"t = {t} is outside the journey [0, {self.t_end}]")

    @property
    def cruise_distance(self) -> float:
        """Distance covered by the end of the cruise: v0 (t_cruise - t_stop)."""
        return self.cruise_speed * (self.t_cruise - self.t_stop)

    def phase(self, t: float) -> str:
        """``"stopped"``, ``"cruise"`` or ``"accelerating"`` at time t."""
        self._check_t(t)
        if t <= self.t_stop:
            return "stopped"
        return "cruise" if t <= self.t_cruise else "accelerating"

    def distance(self, t: float) -> float:
        """d(t), metres from the shop (see the module docstring for the formula).

        Raises
        ------
        ValueError
            If t is not finite or outside [0, t_end].
        """
        self._check_t(t)
        if t <= self.t_stop:
            return 0.0
        if t <= self.t_cruise:
            return self.cruise_speed * (t - self.t_stop)
        s = t - self.t_cruise
        return (
            self.cruise_distance
            + self.cruise_speed * s
            + 0.5 * self.acceleration * s * s
        )

    def speed(self, t: float) -> float:
        """v(t) = d'(t) (right-hand derivative at the corner t_stop).

        Raises
        ------
        ValueError
            If t is not finite or outside [0, t_end].
        """
        self._check_t(t)
        if t < self.t_stop:
            return 0.0
        if t <= self.t_cruise:
            return self.cruise_speed
        return self.cruise_speed + self.acceleration * (t - self.t_cruise)

    def tangent(self, t: float) -> Tangent:
        """The tangent to d at t: slope v(t), through (t, d(t))."""
        return Tangent(float(t), self.distance(t), self.speed(t))

    def area_under_speed(self, t0: float, t1: float) -> float:
        """Area under v between t0 and t1, summed phase by phase (rectangles and trapezoids).

        Formula: the integral of a piecewise-linear v is the sum over phases of
        (width) x (mean of the end heights); by the net change theorem it
        equals d(t1) - d(t0).

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
        for lo, hi in (
            (0.0, self.t_stop),
            (self.t_stop, self.t_cruise),
            (self.t_cruise, self.t_end),
        ):
            a, b = max(lo, t0), min(hi, t1)
            if b > a:
                v_a = self._phase_speed(lo, a)
                v_b = self._phase_speed(lo, b)
                area += (b - a) * (v_a + v_b) / 2
        return area

    def _phase_speed(self, phase_start: float, t: float) -> float:
        # speed inside the phase that starts at phase_start (left limit at the jump)
        if phase_start == 0.0:
            return 0.0
        if phase_start == self.t_stop:
            return self.cruise_speed
        return self.cruise_speed + self.acceleration * (t - self.t_cruise)

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

    def tangent_times(self) -> tuple[float, float, float]:
        """One time inside each phase where the scene reads the slope (phase midpoints)."""
        return (
            self.t_stop / 2,
            (self.t_stop + self.t_cruise) / 2,
            (self.t_cruise + self.t_end) / 2,
        )


COMMUTE = Journey()
"""The journey of the WhatCalculusIs scene: 2 s stopped, 3 s at 10 m/s, 3 s accelerating at 4 m/s^2."""
