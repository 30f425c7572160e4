"""Tests for mathkit.projection against scipy's rotations and analytic views."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial.transform import Rotation

from mathkit.projection import axonometric, view_basis

AZIMUTH = st.floats(min_value=-360, max_value=360, allow_nan=False)
ELEVATION = st.floats(min_value=-90, max_value=90, allow_nan=False)


@settings(max_examples=60)
@given(AZIMUTH, ELEVATION)
def test_basis_is_scipys_rotation(azimuth, elevation):
    # columns of R_z(az + 90) R_x(90 - el) (intrinsic z then x): right, up, toward
    ref = Rotation.from_euler(
        "ZX", [azimuth + 90, 90 - elevation], degrees=True
    ).as_matrix()
    np.testing.assert_allclose(view_basis(azimuth, elevation), ref.T, atol=1e-12)


@settings(max_examples=30)
@given(AZIMUTH, ELEVATION)
def test_basis_is_orthonormal_and_right_handed(azimuth, elevation):
    b = view_basis(azimuth, elevation)
    np.testing.assert_allclose(b @ b.T, np.eye(3), atol=1e-12)
    np.testing.assert_allclose(np.cross(b[0], b[1]), b[2], atol=1e-12)


def test_front_view_shows_x_right_and_z_up():
    # camera on the -y axis, level: x to the right, z up, y into the screen
    uvd = axonometric([[1, 0, 0], [0, 0, 1], [0, 1, 0]], -90, 0)
    np.testing.assert_allclose(uvd, [[1, 0, 0], [0, 1, 0], [0, 0, -1]], atol=1e-12)


def test_top_view_drops_z_into_depth():
    uvd = axonometric([[2, 3, 5]], -90, 90)
    np.testing.assert_allclose(uvd, [[2, 3, 5]], atol=1e-12)


def test_scale_stretches_before_projecting():
    p = np.array([[1.0, -2.0, 4.0]])
    np.testing.assert_allclose(
        axonometric(p, -60, 25, scale=(1, 1, 0.5)),
        axonometric(p * [1, 1, 0.5], -60, 25),
    )


@pytest.mark.parametrize(
    "points",
    [[[1, 2]], [[1, 2, float("nan")]], [1, 2, 3]],
    ids=["shape", "nan", "flat"],
)
def test_bad_points_are_refused(points):
    with pytest.raises(ValueError, match="points"):
        axonometric(points, 0, 0)


def test_bad_angles_are_refused():
    with pytest.raises(ValueError, match="elevation"):
        view_basis(0, 91)
    with pytest.raises(ValueError, match="azimuth"):
        view_basis(float("inf"), 0)
