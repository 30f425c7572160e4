"""The method of exhaustion: regular polygons squeezing a circle, and the parabola segment.

Eudoxus' and Archimedes' method (content spec 1b/1c): a regular n-gon inscribed
in a circle of radius r is smaller than the circle and a circumscribed one is
larger, so their areas (or perimeters) bound pi from both sides, and the bounds
close in as n doubles. Archimedes (*Measurement of a Circle*) used perimeters of
96-gons to get 223/71 < pi < 22/7; in *Quadrature of the Parabola* he showed a
parabolic segment is 4/3 of its inscribed triangle.
Reference: T. L. Heath, *The Works of Archimedes* (1897); Stewart, *Calculus*, 5.1.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Final

EXHAUSTION_NS: Final[tuple[int, ...]] = (6, 12, 24, 48, 96)
"""The polygon side counts of the MethodOfExhaustion scene (content spec 1c [PROPOSED])."""
ARCHIMEDES_LOWER: Final = Fraction(223, 71)
"""3 10/71, Archimedes' lower bound for pi (content spec 1b)."""
ARCHIMEDES_UPPER: Final = Fraction(22, 7)
"""3 1/7, Archimedes' upper bound for pi (content spec 1b)."""
PARABOLA_CHORD: Final[tuple[float, float]] = (-1.0, 1.0)
"""y = x^2 under the chord on [-1, 1] (content spec 1c [PROPOSED])."""
PARABOLA_FUNCTION: Final = "x^2"
"""The parabola of ``parabola_segment`` and ``archimedes_stages`` (content spec 1c)."""


def _check(n: int, r: float) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise ValueError(f"n must be an integer number of sides, got {n!r}")
    if n < 3:
        raise ValueError(f"a polygon needs n >= 3 sides, got n = {n}")
    if not math.isfinite(r) or r <= 0:
        raise ValueError(f"radius r must be finite and positive, got {r!r}")


@dataclass(frozen=True, slots=True)
class PolygonBounds:
    """Areas and perimeters of the regular n-gons inscribed in and circumscribed about a circle."""

    n: int
    r: float
    inscribed_area: float
    circumscribed_area: float
    inscribed_perimeter: float
    circumscribed_perimeter: float

    @property
    def pi_area_bounds(self) -> tuple[float, float]:
        """(lower, upper) bounds for pi from the areas: A / r^2."""
        r2 = self.r * self.r
        return self.inscribed_area / r2, self.circumscribed_area / r2

    @property
    def pi_perimeter_bounds(self) -> tuple[float, float]:
        """(lower, upper) bounds for pi from the perimeters: P / (2r) (Archimedes)."""
        d = 2 * self.r
        return self.inscribed_perimeter / d, self.circumscribed_perimeter / d

    @property
    def area_gap(self) -> float:
        """Width of the area bracket around pi."""
        lo, hi = self.pi_area_bounds
        return hi - lo


def polygon_bounds(n: int, r: float = 1.0) -> PolygonBounds:
    """Regular n-gon areas and perimeters inside and around a circle of radius r.

    Formulas: inscribed area (n/2) r^2 sin(2 pi/n), circumscribed area
    n r^2 tan(pi/n); inscribed perimeter 2 n r sin(pi/n), circumscribed
    perimeter 2 n r tan(pi/n) (n isosceles triangles with apex angle 2 pi/n).

    Raises
    ------
    ValueError
        If n < 3, n is not an integer, or r is not finite and positive.
    """
    _check(n, r)
    t = math.pi / n
    return PolygonBounds(
        n=n,
        r=float(r),
        inscribed_area=0.5 * n * r * r * math.sin(2 * t),
        circumscribed_area=n * r * r * math.tan(t),
        inscribed_perimeter=2 * n * r * math.sin(t),
        circumscribed_perimeter=2 * n * r * math.tan(t),
    )


def exhaustion_sequence(
    ns: tuple[int, ...] = EXHAUSTION_NS, r: float = 1.0
) -> tuple[PolygonBounds, ...]:
    """``polygon_bounds`` for each n in ``ns`` (default 6, 12, 24, 48, 96).

    Raises
    ------
    ValueError
        If ``ns`` is empty or any n is invalid.
    """
    if len(ns) == 0:
        raise ValueError("ns is empty")
    return tuple(polygon_bounds(n, r) for n in ns)


def polygon_vertices(
    n: int,
    r: float = 1.0,
    *,
    circumscribed: bool = False,
    start_angle: float = math.pi / 2,
) -> tuple[tuple[float, float], ...]:
    """Vertices (x, y) of the regular n-gon for a circle of radius r at the origin.

    Formula: vertex k at angle start + 2 pi k / n and radius r (inscribed) or
    r / cos(pi/n) (circumscribed: then every edge touches the circle at its midpoint).

    Raises
    ------
    ValueError
        If n < 3 or r is not finite and positive.
    """
    _check(n, r)
    rho = r / math.cos(math.pi / n) if circumscribed else r
    return tuple(
        (
            rho * math.cos(start_angle + 2 * math.pi * k / n),
            rho * math.sin(start_angle + 2 * math.pi * k / n),
        )
        for k in range(n)
    )


@dataclass(frozen=True, slots=True)
class ParabolaSegment:
    """The region between y = x^2 and the chord from (a, a^2) to (b, b^2)."""

    a: float
    b: float
    segment_area: float
    triangle_area: float
    triangle: tuple[tuple[float, float], tuple[float, float], tuple[float, float]]

    @property
    def ratio(self) -> float:
        """segment / triangle; Archimedes: exactly 4/3."""
        return self.segment_area / self.triangle_area

    def chord(self, x: float) -> float:
        """The chord's height at x."""
        return (self.a + self.b) * x - self.a * self.b


def parabola_segment(
    a: float = PARABOLA_CHORD[0], b: float = PARABOLA_CHORD[1]
) -> ParabolaSegment:
    """Archimedes' parabola segment for y = x^2 on [a, b] and its inscribed triangle.

    Formulas: segment area = integral_a^b (chord - x^2) dx = (b - a)^3 / 6;
    the triangle with third vertex at the midpoint m = (a + b)/2 has area
    (b - a)^3 / 8; so the segment is 4/3 of the triangle (*Quadrature of the Parabola*, Prop. 17/24).

    Raises
    ------
    ValueError
        If a or b is not finite or a >= b (reversed or empty chord).
    """
    if not (math.isfinite(a) and math.isfinite(b)):
        raise ValueError(f"chord ends must be finite, got a={a!r}, b={b!r}")
    if a >= b:
        raise ValueError(
            f"chord ends are reversed or equal: need a < b, got a={a}, b={b}"
        )
    w = b - a
    m = (a + b) / 2
    return ParabolaSegment(
        a=float(a),
        b=float(b),
        segment_area=w**3 / 6,
        triangle_area=w**3 / 8,
        triangle=((a, a * a), (m, m * m), (b, b * b)),
    )


def archimedes_partial_sums(triangle_area: float, levels: int) -> tuple[float, ...]:
    """Partial sums T(1 + 1/4 + ... + 1/4^k), k = 0..levels-1, of Archimedes' triangles.

    Each new level adds twice as many triangles, each 1/8 of its parent, so 1/4 of
    the previous level's area; the geometric series sums to 4T/3.

    Raises
    ------
    ValueError
        If levels < 1 or triangle_area is not finite and positive.
    """
    if levels < 1:
        raise ValueError(f"levels must be at least 1, got {levels}")
    if not math.isfinite(triangle_area) or triangle_area <= 0:
        raise ValueError(
            f"triangle_area must be finite and positive, got {triangle_area!r}"
        )
    sums, total = [], 0.0
    for k in range(levels):
        total += triangle_area / 4**k
        sums.append(total)
    return tuple(sums)


ARCHIMEDES_QUARTER: Final = Fraction(1, 4)
"""Each stage of Archimedes' triangles adds this share of the previous stage's area."""

Triangle = tuple[tuple[float, float], tuple[float, float], tuple[float, float]]
"""Three (x, y) vertices."""


@dataclass(frozen=True, slots=True)
class TriangleStage:
    """One stage of Archimedes' triangles inside the parabola segment on [a, b].

    Stage k (from 0) has 2^k triangles, one in each gap the earlier stages left:
    on each of the 2^k equal parts [u, v] of [a, b], the triangle (u, u^2),
    (m, m^2), (v, v^2) with m the midpoint.
    """

    level: int
    triangles: tuple[Triangle, ...]
    area: float
    """This stage's triangles together."""
    total: float
    """All triangles of stages 0..level together."""
    share: Fraction
    """``area`` as an exact share of the first triangle: (1/4)^level."""
    total_share: Fraction
    """``total`` as an exact share of the first triangle: 1 + 1/4 + ... + (1/4)^level."""
    left_over: float
    """The segment's area not yet covered: segment area - ``total``."""


def archimedes_limit_share() -> Fraction:
    """The share of the first triangle that all stages together fill: 1/(1 - 1/4) = 4/3."""
    return 1 / (1 - ARCHIMEDES_QUARTER)


def archimedes_stages(
    levels: int, a: float = PARABOLA_CHORD[0], b: float = PARABOLA_CHORD[1]
) -> tuple[TriangleStage, ...]:
    """The first ``levels`` stages of triangles exhausting the segment of y = x^2 on [a, b].

    A triangle on a part of width h has area h^3/8 (as in ``parabola_segment``), so
    stage k adds 2^k (w/2^k)^3/8 = T/4^k for w = b - a and T = w^3/8; the totals
    are the partial sums of T(1 + 1/4 + 1/16 + ...) and tend to 4T/3, the segment.

    Raises
    ------
    ValueError
        If levels < 1 (or over 12: 4096 triangles), or the chord is invalid
        (see ``parabola_segment``).
    """
    if isinstance(levels, bool) or not isinstance(levels, int) or levels < 1:
        raise ValueError(f"levels must be an integer of at least 1, got {levels!r}")
    if levels > 12:
        raise ValueError(f"levels must be at most 12 (4096 triangles), got {levels}")
    seg = parabola_segment(a, b)
    w = seg.b - seg.a
    totals = archimedes_partial_sums(seg.triangle_area, levels)
    stages: list[TriangleStage] = []
    total_share = Fraction(0)
    xs = [seg.a, seg.b]  # the x of every vertex so far: each gap is a pair of them
    for k in range(levels):
        n = 2**k
        h = w / n
        tris: list[Triangle] = []
        grid = [xs[0]]
        for u, v in itertools.pairwise(xs):
            m = (u + v) / 2
            tris.append(((u, u * u), (m, m * m), (v, v * v)))
            grid += [m, v]
        xs = grid
        share = ARCHIMEDES_QUARTER**k
        total_share += share
        total = totals[k]
        stages.append(
            TriangleStage(
                level=k,
                triangles=tuple(tris),
                area=n * h**3 / 8,
                total=total,
                share=share,
                total_share=total_share,
                left_over=seg.segment_area - total,
            )
        )
    return tuple(stages)
