"""Tests for mathkit.level_sets against level curves known in closed form.

x^2 + y^2 = r^2 is the circle of radius r; x^2/a^2 + y^2/b^2 = 1 the ellipse with
semi-axes a and b; log x = 0 the line x = 1. Marching squares interpolates
linearly along the cells' edges, so a traced point is off the true curve by
O(h^2) for a grid spacing h (here h = 1/30 and the tolerance 2e-3).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from mathkit import level_sets as ls

TOL = 2e-3


def _circle(x, y):
    return x**2 + y**2


def _points(curves: tuple[np.ndarray, ...]) -> np.ndarray:
    return np.vstack(curves)


@pytest.mark.parametrize("r", [0.5, 1.0, 1.7])
def test_circles_have_every_point_at_radius_r(r: float) -> None:
    grid = ls.sample_grid(_circle, (-2, 2), (-2, 2))
    (curves,) = ls.level_curves(grid, [r * r])
    assert len(curves) == 1  # one closed loop
    loop = curves[0]
    assert np.allclose(loop[0], loop[-1])
    assert np.abs(np.hypot(loop[:, 0], loop[:, 1]) - r).max() < TOL
    # the whole way round: no gap in angle wider than a few grid cells
    angles = np.sort(np.arctan2(loop[:, 1], loop[:, 0]))
    gaps = np.diff(np.concatenate([angles, angles[:1] + 2 * math.pi]))
    assert gaps.max() < 4 * (4 / 120) / r


def test_an_ellipse_has_its_semi_axes() -> None:
    """x^2/4 + y^2 = 1: semi-axes 2 along x and 1 along y."""
    grid = ls.sample_grid(lambda x, y: x**2 / 4 + y**2, (-3, 3), (-2, 2), samples=241)
    (curves,) = ls.level_curves(grid, [1.0])
    pts = _points(curves)
    assert np.abs(np.sqrt(pts[:, 0] ** 2 / 4 + pts[:, 1] ** 2) - 1).max() < TOL
    assert np.abs(pts[:, 0]).max() == pytest.approx(2, abs=TOL)
    assert np.abs(pts[:, 1]).max() == pytest.approx(1, abs=TOL)


def test_a_tilted_ellipse_lies_on_its_quadratic_form() -> None:
    """x^2 + xy + 3y^2 = 2: its widest x is sqrt(2 / (1 - 1/12)) (where d/dy = 0)."""
    grid = ls.sample_grid(lambda x, y: x**2 + x * y + 3 * y**2, (-2, 2), (-2, 2))
    (curves,) = ls.level_curves(grid, [2.0])
    pts = _points(curves)
    x, y = pts[:, 0], pts[:, 1]
    assert np.abs(x**2 + x * y + 3 * y**2 - 2).max() < 5 * TOL
    assert np.abs(x).max() == pytest.approx(math.sqrt(2 / (1 - 1 / 12)), abs=TOL)


def test_a_level_outside_the_values_has_no_curve() -> None:
    grid = ls.sample_grid(_circle, (-2, 2), (-2, 2))
    above, below, inside = ls.level_curves(grid, [100.0, -1.0, 1.0])
    assert above == ()
    assert below == ()
    assert len(inside) == 1


def test_a_circle_larger_than_the_window_is_four_arcs_inside_it() -> None:
    grid = ls.sample_grid(_circle, (-2, 2), (-2, 2))
    (curves,) = ls.level_curves(grid, [2.5**2])
    assert len(curves) == 4  # one arc across each corner
    pts = _points(curves)
    assert np.all(np.abs(pts) <= 2 + 1e-12)
    assert np.abs(np.hypot(pts[:, 0], pts[:, 1]) - 2.5).max() < TOL


def test_undefined_cells_draw_nothing() -> None:
    """log x is undefined for x <= 0: its level 0 is the line x = 1, and nothing left of 0."""
    grid = ls.sample_grid(lambda x, y: np.log(x) + 0 * y, (-1, 2), (-1, 1))
    assert np.isnan(grid.values[:, grid.xs <= 0]).all()
    zero, low = ls.level_curves(grid, [0.0, -3.0])
    pts = _points(zero)
    assert np.abs(pts[:, 0] - 1).max() < TOL
    assert pts[:, 1].min() == pytest.approx(-1)
    assert pts[:, 1].max() == pytest.approx(1)
    assert all(np.all(c[:, 0] > 0) for c in low)


def test_a_function_of_floats_only_is_sampled_point_by_point() -> None:
    grid = ls.sample_grid(
        lambda x, y: math.sqrt(x * x + y * y), (-1, 1), (0, 2), samples=5
    )
    assert grid.values[0, 0] == pytest.approx(1.0)  # (x, y) = (-1, 0)
    assert grid.values[-1, -1] == pytest.approx(math.sqrt(5))
    assert grid.xs.tolist() == [-1, -0.5, 0, 0.5, 1]


def test_complex_and_infinite_values_are_undefined() -> None:
    grid = ls.sample_grid(
        lambda x, y: np.sqrt(x + 0j) + 1 / y, (-1, 1), (-1, 1), samples=3
    )
    assert np.isnan(grid.values[:, 0]).all()  # sqrt(-1) is complex
    assert np.isnan(grid.values[1, :]).all()  # 1/0
    assert grid.values[2, 2] == pytest.approx(2.0)


def test_a_constant_is_broadcast_to_the_grid() -> None:
    grid = ls.sample_grid(lambda x, y: 3.0, (0, 1), (0, 1), samples=4)
    assert grid.values.shape == (4, 4)
    assert np.all(grid.values == 3.0)
    with pytest.raises(ValueError, match="fewer than two values"):
        ls.level_values(grid, 4)


def test_level_values_are_quantiles_plus_the_marked_level() -> None:
    """For f = x on [0, 1] the quantiles at (k + 1/2)/4 are 1/8, 3/8, 5/8, 7/8."""
    grid = ls.sample_grid(lambda x, y: x + 0 * y, (0, 1), (0, 1), samples=401)
    assert ls.level_values(grid, 4) == pytest.approx([0.125, 0.375, 0.625, 0.875])
    # 0.4 replaces the quantile 0.375 (closer than 1/8), the others stay
    assert ls.level_values(grid, 4, through=[0.4]) == pytest.approx(
        [0.125, 0.4, 0.625, 0.875]
    )
    # a level at f's largest value draws a single point: dropped
    assert 1.0 not in ls.level_values(grid, 4, through=[1.0])


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: ls.sample_grid(_circle, (1, 1), (0, 1)), "x_window"),
        (lambda: ls.sample_grid(_circle, (0, 1), (0, float("nan"))), "y_window"),
        (lambda: ls.sample_grid(_circle, (0, 1), (0, 1), samples=2), "samples"),
        (lambda: ls.sample_grid(_circle, (0, 1), (0, 1), samples=10**4), "samples"),
        (
            lambda: ls.level_curves(
                ls.sample_grid(_circle, (0, 1), (0, 1)), [math.inf]
            ),
            "finite",
        ),
        (lambda: ls.level_values(ls.sample_grid(_circle, (0, 1), (0, 1)), 0), "count"),
        (
            lambda: ls.level_values(
                ls.sample_grid(_circle, (0, 1), (0, 1)), 3, through=[math.nan]
            ),
            "finite",
        ),
    ],
)
def test_bad_input_is_refused(call, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()
