"""Tests for mathkit.exhaustion: shoelace areas, scipy quadrature and Archimedes' bounds."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.integrate import quad

from mathkit import exhaustion as ex


def _shoelace(pts: tuple[tuple[float, float], ...]) -> float:
    xs, ys = np.array(pts).T
    return 0.5 * abs(float(np.dot(xs, np.roll(ys, -1)) - np.dot(ys, np.roll(xs, -1))))


def _perimeter(pts: tuple[tuple[float, float], ...]) -> float:
    a = np.array(pts)
    return float(np.sum(np.linalg.norm(a - np.roll(a, -1, axis=0), axis=1)))


def test_96_gon_area_bounds_match_spec() -> None:
    b = ex.polygon_bounds(96)
    lo, hi = b.pi_area_bounds
    # content spec 1c: 3.13935 < pi < 3.14271
    assert round(lo, 5) == 3.13935
    assert round(hi, 5) == 3.14271
    assert lo < math.pi < hi


def test_archimedes_perimeter_bounds_are_inside_his_fractions() -> None:
    # what the 96-gon perimeters give is tighter than Archimedes' rounded fractions:
    # 223/71 < 96 sin(pi/96) < pi < 96 tan(pi/96) < 22/7
    lo, hi = ex.polygon_bounds(96).pi_perimeter_bounds
    assert Fraction(223, 71) == ex.ARCHIMEDES_LOWER
    assert Fraction(22, 7) == ex.ARCHIMEDES_UPPER
    assert float(ex.ARCHIMEDES_LOWER) < lo < math.pi < hi < float(ex.ARCHIMEDES_UPPER)


def test_hexagon_exact() -> None:
    b = ex.polygon_bounds(6, r=2.0)
    assert b.inscribed_area == pytest.approx(
        6 * math.sqrt(3)
    )  # 6 equilateral triangles of side 2
    assert b.inscribed_perimeter == pytest.approx(12.0)
    assert b.circumscribed_area == pytest.approx(8 * math.sqrt(3))


def test_sequence_closes_in_on_pi() -> None:
    seq = ex.exhaustion_sequence()
    assert [b.n for b in seq] == [6, 12, 24, 48, 96]
    gaps = [b.area_gap for b in seq]
    assert gaps == sorted(gaps, reverse=True)
    for b in seq:
        lo, hi = b.pi_area_bounds
        assert lo < math.pi < hi


@settings(max_examples=50)
@given(n=st.integers(3, 400), r=st.floats(0.1, 10.0))
def test_areas_and_perimeters_match_vertices(n: int, r: float) -> None:
    b = ex.polygon_bounds(n, r)
    inner = ex.polygon_vertices(n, r)
    outer = ex.polygon_vertices(n, r, circumscribed=True)
    assert len(inner) == len(outer) == n
    assert _shoelace(inner) == pytest.approx(b.inscribed_area, rel=1e-9)
    assert _shoelace(outer) == pytest.approx(b.circumscribed_area, rel=1e-9)
    assert _perimeter(inner) == pytest.approx(b.inscribed_perimeter, rel=1e-9)
    assert _perimeter(outer) == pytest.approx(b.circumscribed_perimeter, rel=1e-9)
    assert b.inscribed_area < math.pi * r * r < b.circumscribed_area


def test_circumscribed_edges_touch_circle() -> None:
    pts = np.array(ex.polygon_vertices(12, 1.5, circumscribed=True))
    mids = (pts + np.roll(pts, -1, axis=0)) / 2
    assert np.allclose(np.linalg.norm(mids, axis=1), 1.5)


@pytest.mark.parametrize(
    ("n", "r", "match"),
    [
        (2, 1.0, "n >= 3"),
        (0, 1.0, "n >= 3"),
        (6, 0.0, "positive"),
        (6, math.nan, "positive"),
        (6.0, 1.0, "integer"),
    ],
)
def test_bad_polygon_input(n: int, r: float, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        ex.polygon_bounds(n, r)
    with pytest.raises(ValueError, match=match):
        ex.polygon_vertices(n, r)


def test_empty_sequence() -> None:
    with pytest.raises(ValueError, match="empty"):
        ex.exhaustion_sequence(())


def test_parabola_segment_against_quad() -> None:
    seg = ex.parabola_segment()
    area, _ = quad(lambda t: seg.chord(t) - t * t, seg.a, seg.b)
    assert seg.segment_area == pytest.approx(area)
    assert seg.segment_area == pytest.approx(4 / 3)
    assert seg.triangle_area == pytest.approx(1.0)
    assert seg.ratio == pytest.approx(4 / 3)
    assert _shoelace(seg.triangle) == pytest.approx(seg.triangle_area)


@settings(max_examples=50)
@given(a=st.floats(-5, 5), w=st.floats(0.05, 5))
def test_parabola_ratio_always_four_thirds(a: float, w: float) -> None:
    seg = ex.parabola_segment(a, a + w)
    area, _ = quad(lambda t: seg.chord(t) - t * t, seg.a, seg.b)
    assert seg.segment_area == pytest.approx(area, rel=1e-7)
    assert _shoelace(seg.triangle) == pytest.approx(seg.triangle_area, rel=1e-7)
    assert seg.ratio == pytest.approx(4 / 3)


def test_parabola_bad_chord() -> None:
    with pytest.raises(ValueError, match="reversed"):
        ex.parabola_segment(1.0, -1.0)
    with pytest.raises(ValueError, match="finite"):
        ex.parabola_segment(-math.inf, 1.0)


def test_archimedes_series_tends_to_four_thirds() -> None:
    sums = ex.archimedes_partial_sums(1.0, 12)
    assert sums[:3] == pytest.approx([1.0, 1.25, 1.3125])
    assert sums[-1] == pytest.approx(4 / 3, abs=1e-6)
    with pytest.raises(ValueError, match="levels"):
        ex.archimedes_partial_sums(1.0, 0)
    with pytest.raises(ValueError, match="triangle_area"):
        ex.archimedes_partial_sums(-1.0, 3)


def test_archimedes_stages_against_sympy() -> None:
    """Exact shares and totals against sympy's series and integral (course chord [-1, 1])."""
    import sympy as sp

    x, j = sp.symbols("x j")
    seg = ex.parabola_segment()
    stages = ex.archimedes_stages(6)
    exact_segment = sp.integrate(1 - x**2, (x, -1, 1))  # chord y = 1 over y = x^2
    exact_triangle = sp.Polygon((-1, 1), (0, 0), (1, 1)).area
    assert abs(exact_triangle) == 1
    assert sp.sympify(ex.PARABOLA_FUNCTION.replace("^", "**")) == x**2
    for s in stages:
        k = s.level
        assert sp.Rational(s.share) == sp.Rational(1, 4) ** k
        assert sp.Rational(s.total_share) == sp.summation(
            sp.Rational(1, 4) ** j, (j, 0, k)
        )
        assert s.total == pytest.approx(float(s.total_share) * seg.triangle_area)
        assert s.left_over == pytest.approx(float(exact_segment) - s.total)
    limit = sp.summation(sp.Rational(1, 4) ** j, (j, 0, sp.oo))
    assert sp.Rational(ex.archimedes_limit_share()) == limit
    assert limit == exact_segment / abs(exact_triangle)
    assert [s.total for s in stages] == pytest.approx(
        list(ex.archimedes_partial_sums(seg.triangle_area, 6))
    )


@settings(max_examples=25)
@given(a=st.floats(-3, 3), w=st.floats(0.1, 4), levels=st.integers(1, 6))
def test_archimedes_stages_tile_the_segment(a: float, w: float, levels: int) -> None:
    """Shoelace areas, vertices on the parabola, each stage in the last one's gaps, and
    the uncovered area equal to scipy's integral between the polyline and the parabola."""
    stages = ex.archimedes_stages(levels, a, a + w)
    first = _shoelace(stages[0].triangles[0])
    seen = {a, a + w}
    for s in stages:
        assert len(s.triangles) == 2**s.level
        assert sum(_shoelace(t) for t in s.triangles) == pytest.approx(s.area)
        assert s.area == pytest.approx(first / 4**s.level, rel=1e-9)
        for t in s.triangles:
            for px, py in t:
                assert py == pytest.approx(px * px)
            # the base is two vertices already drawn: the triangle fills a gap
            assert t[0][0] in seen
            assert t[2][0] in seen
        seen |= {t[1][0] for t in s.triangles}
        xs = sorted(seen)
        gap = sum(  # between the polyline through the vertices and the parabola
            quad(lambda t, u=u, v=v: u * u + (u + v) * (t - u) - t * t, u, v)[0]
            for u, v in itertools.pairwise(xs)
        )
        assert s.left_over == pytest.approx(gap, rel=1e-6, abs=1e-12)


def test_archimedes_stages_refuse_bad_levels() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        ex.archimedes_stages(0)
    with pytest.raises(ValueError, match="at most 12"):
        ex.archimedes_stages(13)
    with pytest.raises(ValueError, match="reversed"):
        ex.archimedes_stages(2, 1.0, -1.0)
