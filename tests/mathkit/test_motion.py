"""Tests for mathkit.motion: derivative by finite differences, area by scipy quad."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.integrate import quad

from mathkit.motion import COMMUTE, Journey
from tests.mathkit.oracles import H, central_difference


def test_phases_have_the_story_shape() -> None:
    j = COMMUTE
    times = j.tangent_times()
    assert [j.phase(t) for t in times] == [
        "pulling away",
        "cruising",
        "braking",
        "stopped",
        "speeding up",
    ]
    cruise, stop, accel = times[1], times[3], times[4]
    assert j.speed(stop) == 0.0
    assert j.speed(cruise) == 10.0
    assert j.acceleration(accel) == 4.0
    # the shop is off the axis: the car has driven before it stops
    assert j.distance(stop) == pytest.approx(30.0)


def test_speed_is_continuous_everywhere() -> None:
    j = COMMUTE
    for t in j.breaks[1:-1]:
        assert j.speed(t - 1e-9) == pytest.approx(j.speed(t + 1e-9), abs=1e-6)
        assert j.distance(t - 1e-9) == pytest.approx(j.distance(t + 1e-9), abs=1e-6)


@settings(max_examples=50)
@given(t=st.floats(H, 8 - H))
def test_speed_is_derivative_of_distance(t: float) -> None:
    # v is continuous, so d is C1: the central difference matches v everywhere
    # (to O(H) at a knot, where d'' jumps)
    central = central_difference(COMMUTE.distance, t, H)
    assert central == pytest.approx(COMMUTE.speed(t), abs=1e-4)


def _quad_speed(j: Journey, t0: float, t1: float) -> float:
    area, _ = quad(j.speed, t0, t1, points=list(j.breaks), limit=200)
    return area


def test_area_under_speed_equals_distance_whole_trip() -> None:
    j = COMMUTE
    total = _quad_speed(j, 0.0, j.t_end)
    # analytic: triangle 1*10/2 + rectangle 2*10 + triangle 1*10/2 + 0 + triangle 3*12/2
    assert total == pytest.approx(5 + 20 + 5 + 0 + 18)
    assert j.area_under_speed(0.0, j.t_end) == pytest.approx(total)
    assert j.distance_travelled(0.0, j.t_end) == pytest.approx(total)
    assert sum(j.phase_area(p) for p in j.phases) == pytest.approx(total)
    assert j.phase_area("cruising") == pytest.approx(20.0)


@settings(max_examples=50)
@given(a=st.floats(0, 8), b=st.floats(0, 8))
def test_area_matches_quad_anywhere(a: float, b: float) -> None:
    t0, t1 = sorted((a, b))
    j = COMMUTE
    ref = _quad_speed(j, t0, t1) if t1 > t0 else 0.0
    assert j.area_under_speed(t0, t1) == pytest.approx(ref, abs=1e-7)
    assert j.distance_travelled(t0, t1) == pytest.approx(ref, abs=1e-7)


def test_tangent_touches_curve() -> None:
    j = COMMUTE
    for t in j.tangent_times():
        tan = j.tangent(t)
        assert tan.at(t) == pytest.approx(j.distance(t))
        assert (tan.x, tan.y, tan.slope) == (t, j.distance(t), j.speed(t))


def test_top_speed_and_phase_span() -> None:
    assert COMMUTE.top_speed() == 12.0
    assert COMMUTE.phase_span("stopped") == (4.0, 5.0)
    with pytest.raises(ValueError, match="unknown phase"):
        COMMUTE.phase_span("flying")


@pytest.mark.parametrize("t", [-0.1, 8.5, math.nan, math.inf])
def test_time_outside_journey(t: float) -> None:
    with pytest.raises(ValueError, match=r"outside|finite"):
        COMMUTE.distance(t)


def test_reversed_bounds() -> None:
    with pytest.raises(ValueError, match="reversed"):
        COMMUTE.area_under_speed(5.0, 1.0)
    with pytest.raises(ValueError, match="reversed"):
        COMMUTE.distance_travelled(5.0, 1.0)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"knots": ((0.0, 0.0), (2.0, 1.0), (1.0, 0.0))}, "increase"),
        ({"knots": ((1.0, 0.0), (2.0, 1.0))}, "increase from 0"),
        ({"knots": ((0.0, 0.0), (1.0, -1.0))}, "negative"),
        ({"knots": ((0.0, 0.0), (1.0, math.nan))}, "finite"),
        ({"knots": ((0.0, 0.0),)}, "two knots"),
        ({"knots": ((0.0, 0.0), (1.0, 1.0)), "phases": ("a", "b")}, "phase names"),
    ],
)
def test_bad_journey(kwargs: dict, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Journey(**kwargs)
