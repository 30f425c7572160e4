"""The course's own data sets and example constants, in one place.

Values are copied from the course notebooks (see ``../shared/course/content-spec.md``);
each constant names its source. Scenes and other mathkit modules import them from
here instead of retyping them.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

# -- Regression ("clinical trial"), content spec 3c [NB] --------------------------
REGRESSION_X: Final[tuple[float, ...]] = (0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0)
"""Drug dosage (mL), x_i for i = 0..7."""
REGRESSION_Y: Final[tuple[float, ...]] = (
    1.86,
    1.31,
    0.62,
    0.33,
    0.09,
    -0.67,
    -1.23,
    -1.37,
)
"""'Forgetfulness' score y_i, simulated from y = -0.5x + 2 + noise."""
INITIAL_M: Final = 0.9
"""The notebook's 'random' initial slope."""
INITIAL_B: Final = 0.1
"""The notebook's 'random' initial intercept."""
LEARNING_RATE: Final = 0.01
"""SGD learning rate of the regression notebooks."""
EPOCHS: Final = 1000
"""Training epochs of the regression notebook."""
SINGLE_POINT_INDEX: Final = 7
"""The instance used in the single-point regression notebook (x = 7, y = -1.37)."""
REGRESSION_X_RANGE: Final[tuple[float, float, float]] = (-0.5, 7.5, 1)
"""[LAYOUT] x axis of the regression data plots (the 8 dosages with half a step each side)."""
REGRESSION_Y_RANGE: Final[tuple[float, float, float]] = (-2, 7, 1)
"""[LAYOUT] y axis of the regression data plots (room for the error squares above)."""
DESCENT_B_RANGE: Final[tuple[float, float, float]] = (-0.4, 2.2, 0.5)
"""[LAYOUT] b axis of the gradient-descent map: the start, the path and the optimum."""
DESCENT_M_RANGE: Final[tuple[float, float, float]] = (-0.8, 1.1, 0.5)
"""[LAYOUT] m axis of the gradient-descent map."""


def regression_xy() -> tuple[FloatArray, FloatArray]:
    """The regression data as float64 arrays (fresh copies)."""
    return np.array(REGRESSION_X, dtype=np.float64), np.array(
        REGRESSION_Y, dtype=np.float64
    )


# -- Running function of Calculus I, content spec 1c/2a ---------------------------
RUNNING_FUNCTION: Final = "x^2 + 2x + 2"
"""f(x) = x^2 + 2x + 2, used from the limits demo through the delta method."""
DELTA_POINT_X: Final = 2.0
"""P = (2, f(2)) = (2, 10) in the delta method."""
DELTA_Q_XS: Final[tuple[float, ...]] = (5.0, 2.1)
"""The notebook's two explicit Q points: (5, 37) and (2.1, 10.61)."""
DELTA_DX_SMALL: Final = 1e-6
"""The notebook's last delta x."""
VERTEX_X: Final = -1.0
"""The vertex of the running function, where the slope is 0."""
DELTA_VERTEX_DXS: Final[tuple[float, ...]] = (1.0, 0.1, DELTA_DX_SMALL)
"""The delta x ladder of the delta method's exercise at the vertex."""
DELTA_X_RANGE: Final[tuple[float, float, float]] = (-3.0, 6.0, 1.0)
"""The delta method's x axis: shows the vertex (-1, 1) and Q = (5, 37)."""
DELTA_Y_RANGE: Final[tuple[float, float, float]] = (0.0, 42.0, 10.0)
"""The delta method's y axis."""
DELTA_LINE_X: Final[tuple[float, float]] = (-1.6, 5.6)
"""Where the delta method draws secants and tangents (clipped to the y range)."""
DIFFERENCE_QUOTIENT_DELTAS: Final[tuple[float, ...]] = (
    1.0,
    0.1,
    0.01,
    1e-3,
    1e-4,
    1e-5,
    1e-6,
)
"""The deltas of the notebook's difference-quotient table (2b)."""
ZOOM_WINDOWS: Final[tuple[tuple[tuple[float, float], tuple[float, float]], ...]] = (
    ((-2.0, 0.0), (0.0, 2.0)),
    ((-1.5, -0.5), (0.5, 1.5)),
    ((-1.1, -0.9), (0.9, 1.1)),
    ((-1.01, -0.99), (0.99, 1.01)),
)
"""The four zoom windows ((x range), (y range)) on the vertex (-1, 1), 1c [NB]."""

# -- AutoDiff motivating example, 3a/3b [NB] ---------------------------------------
AUTODIFF_X: Final = 5.0
"""y = x^2 at x = 5 gives dy/dx = 10 in PyTorch and TensorFlow."""

# -- Cost functions, 3d [NB, Optimization notebook] --------------------------------
COST_EXAMPLE_Y_HAT: Final[tuple[float, ...]] = (7.0, 3.0)
COST_EXAMPLE_Y: Final[tuple[float, ...]] = (2.0, 8.0)

# -- Partial derivatives, 5a [NB] ----------------------------------------------------
SADDLE: Final = "x^2 - y^2"
"""z = x^2 - y^2."""
SLICE_POINTS: Final[tuple[float, ...]] = (-2.0, -1.0, 0.0, 1.0, 2.0)
"""Where the notebook draws tangents on each slice."""
SADDLE_X_SLICE: Final = 2.0
"""The x value held fixed for the dz/dy slice."""
SADDLE_SQUARE: Final[tuple[float, float]] = (-2.0, 2.0)
"""The square -2 <= x, y <= 2 over which the saddle is drawn (the notebook's slice points)."""
SADDLE_EXERCISES: Final[tuple[tuple[float, float], ...]] = (
    (3.0, 0.0),
    (2.0, 3.0),
    (-2.0, -3.0),
)
CYLINDER: Final = "pi*r^2*l"
"""v = pi r^2 l."""
CYLINDER_POINT: Final[tuple[float, float]] = (3.0, 5.0)
"""(r, l) = (3 m, 5 m)."""

# -- Critical points, 5e/5g [NB, Optimization notebook] ------------------------------
CRITICAL_POINT_FUNCTIONS: Final[tuple[str, ...]] = (
    "x^2 + 3x + 4",
    "-x^2 + 3x + 4",
    "x^3 + 6",
)
"""A minimum, a maximum and an inflection point."""

# -- Binary classification, 6a-6c [PROPOSED reconstruction of the slides] ------------
HOTDOG_Y: Final[tuple[int, ...]] = (0, 1, 0, 1)
"""True labels: 1 = hot dog."""
HOTDOG_Y_HAT: Final[tuple[float, ...]] = (0.3, 0.5, 0.6, 0.9)
"""Predicted probabilities of 'hot dog'."""
HOTDOG_THRESHOLD: Final = 0.5
"""Predictions at or above the threshold are classed 1."""
HOTDOG_ROC_FPR: Final[tuple[float, ...]] = (0.0, 0.0, 0.5, 0.5, 1.0)
HOTDOG_ROC_TPR: Final[tuple[float, ...]] = (0.0, 0.5, 0.5, 1.0, 1.0)
"""The notebook's ROC points (6c/6f [NB])."""

# -- Integrals, 6d/6e [NB] -------------------------------------------------------------
INTEGRAL_EXAMPLES: Final[tuple[tuple[str, float, float], ...]] = (
    ("x/2", 1.0, 2.0),
    ("2x", 3.0, 4.0),
)
"""(integrand, a, b): integral of x/2 on [1, 2] = 0.75; of 2x on [3, 4] = 7."""
RIEMANN_NS: Final[tuple[int, ...]] = (4, 10, 100)
"""Rectangle counts for the Riemann-sum scene."""
