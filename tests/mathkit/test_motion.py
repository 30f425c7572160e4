"""Tests for mathkit.motion: derivative by finite differences, area by scipy quad."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.integrate import quad

from mathkit.motion import COMMUTE, Journey
from tests.mathkit.oracles import H, central_difference


def test_phases_have_the_story_shape() -> None:
    j = COMMUTE
    stop, cruise, accel = j.tangent_times()
    assert [j.phase(t) for t in (stop, cruise, accel)] == [
        "stopped",
        "cruise",
        "accelerating",
    ]
    assert j.speed(stop) == 0.0
    assert j.speed(cruise) == j.cruise_speed
    assert j.speed(accel) > j.cruise_speed


def test_distance_is_continuous_at_phase_changes() -> None:
    j = COMMUTE
    for t in (j.t_stop, j.t_cruise):
        assert j.distance(t - 1e-9) == pytest.approx(j.distance(t + 1e-9), abs=1e-6)


def test_speed_continuous_when_acceleration_starts() -> None:
    j = COMMUTE
    assert j.speed(j.t_cruise - 1e-9) == pytest.approx(
        j.speed(j.t_cruise + 1e-9), abs=1e-6
    )


@settings(max_examples=50)
@given(t=st.floats(0.01, 7.99))
def test_speed_is_derivative_of_distance(t: float) -> None:
    j = COMMUTE
    assume(min(abs(t - j.t_stop), abs(t - j.t_cruise)) >= 2 * H)  # not at a corner
    central = central_difference(j.distance, t, H)
    assert central == pytest.approx(j.speed(t), abs=1e-4)


def _quad_speed(j: Journey, t0: float, t1: float) -> float:
    area, _ = quad(j.speed, t0, t1, points=[j.t_stop, j.t_cruise], limit=200)
    return area


def test_area_under_speed_equals_distance_whole_trip() -> None:
    j = COMMUTE
    total = _quad_speed(j, 0.0, j.t_end)
    # analytic: 10 m/s for 3 s, then 10*3 + 4*3^2/2 = 48 m
    assert total == pytest.approx(78.0)
    assert j.area_under_speed(0.0, j.t_end) == pytest.approx(total)
    assert j.distance_travelled(0.0, j.t_end) == pytest.approx(total)


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
        ({"t_stop": 6.0}, "0 < t_stop"),
        ({"cruise_speed": 0.0}, "positive"),
        ({"acceleration": math.nan}, "finite"),
    ],
)
def test_bad_journey(kwargs: dict, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Journey(**kwargs)
