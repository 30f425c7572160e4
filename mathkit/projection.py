"""A fixed axonometric (orthographic) view of 3-D points, for drawing surfaces in 2-D.

A camera far away in the direction given by an azimuth (about the z axis, from the
x axis) and an elevation (above the x-y plane) sees a point p at screen
coordinates u = p . right, v = p . up, and at depth p . toward (larger is nearer).
The three vectors are the columns of the rotation R_z(azimuth + 90 deg)
R_x(90 deg - elevation): an orthonormal, right-handed frame, so lengths along
the screen are true lengths times the cosine of their tilt, never distorted by
perspective. With azimuth -90 deg the x axis points right on screen and z up.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


def view_basis(azimuth: float, elevation: float) -> FloatArray:
    """Rows right, up and toward (the camera) for the view, angles in degrees."""
    for name, value in (("azimuth", azimuth), ("elevation", elevation)):
        if not math.isfinite(value):
            raise ValueError(f"{name} must be finite, got {value!r}")
    if not -90.0 <= elevation <= 90.0:
        raise ValueError(f"elevation must be within -90 to 90 degrees, got {elevation}")
    th, ph = math.radians(azimuth), math.radians(elevation)
    return np.array(
        [
            [-math.sin(th), math.cos(th), 0.0],
            [-math.sin(ph) * math.cos(th), -math.sin(ph) * math.sin(th), math.cos(ph)],
            [math.cos(ph) * math.cos(th), math.cos(ph) * math.sin(th), math.sin(ph)],
        ]
    )


def axonometric(
    points: FloatArray | Sequence[Sequence[float]],
    azimuth: float,
    elevation: float,
    *,
    scale: Sequence[float] = (1.0, 1.0, 1.0),
) -> FloatArray:
    """Rows (u, v, depth) of ``points`` (rows x, y, z) seen from the view.

    ``scale`` stretches x, y and z first (a surface's z may need squashing to fit).

    Raises
    ------
    ValueError
        If ``points`` is not an (n, 3) array of finite numbers or an angle is bad.
    """
    p = np.asarray(points, dtype=float)
    if p.ndim != 2 or p.shape[1] != 3 or not np.all(np.isfinite(p)):
        raise ValueError("points must be an (n, 3) array of finite numbers")
    s = np.asarray(scale, dtype=float)
    if s.shape != (3,) or not np.all(np.isfinite(s)):
        raise ValueError(f"scale must be three finite numbers, got {scale!r}")
    out: FloatArray = (p * s) @ view_basis(azimuth, elevation).T
    return out
