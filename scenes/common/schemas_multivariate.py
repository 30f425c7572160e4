"""Parameters of the multivariate scenes (section 5), declared once (no manim import).

* :class:`PartialDerivativesParams` (5.1): a surface z = f(x, y), the point whose
  two slices the scene lifts off it, and where the slice tangents are drawn.
* :class:`GradientsParams` (5.4): a function f(x, y) and the point where its gradient
  is drawn on a contour map (the default is the course's regression cost).
* :class:`GradientDescentParams` (5.5): the learning rate, the start (b, m), the
  epochs and the (x, y) data of the regression that descent fits.

As in :mod:`scenes.common.schemas`, every default is the course example (so a
render without a variant matches the committed pixel control data), ``check``
refuses, naming the parameter, what the scene could not draw, and ``complete``
sizes the axes from the variant's own function or data.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from dataclasses import dataclass
from typing import ClassVar, Final, Self

import numpy as np

from mathkit.cost import least_squares, regression_cost
from mathkit.data import (
    DESCENT_B_RANGE,
    DESCENT_M_RANGE,
    EPOCHS,
    INITIAL_B,
    INITIAL_M,
    LEARNING_RATE,
    REGRESSION_X,
    REGRESSION_X_RANGE,
    REGRESSION_Y,
    REGRESSION_Y_RANGE,
    SADDLE,
    SADDLE_EXERCISES,
    SADDLE_X_SLICE,
    SLICE_POINTS,
)
from mathkit.guard import PointTable
from mathkit.multivariate import (
    SADDLE_VARS,
    SADDLE_Y_SLICE,
    partial_derivatives,
    point_partials,
    slice_of,
)
from mathkit.optimize import TABLE_ROUNDS, regression_descent, regression_lr_limit
from mathkit.plotting import AxisRange, nice_range
from scenes.common.params import ParamError, Schema, param

# -- 5.1 Partial derivatives ------------------------------------------------------------
SURFACE_RANGE: Final[AxisRange] = (-2.5, 2.5, 1)
"""[LAYOUT] The course's square of the saddle: x and y over [-2.5, 2.5]."""
SURFACE_Z_RANGE: Final[AxisRange] = (-6.5, 6.5, 2)
"""[LAYOUT] The course's z axis of the 3-D saddle."""
SLICE_AXIS: Final[AxisRange] = (-3, 3, 1)
"""[LAYOUT] Horizontal axis of the lifted 2-D slices."""
X_SLICE_Z: Final[AxisRange] = (-1, 9, 2)
"""[LAYOUT] z axis of the course's x-slice z = x^2."""
Y_SLICE_Z: Final[AxisRange] = (-5, 5, 1)
"""[LAYOUT] z axis of the course's y-slice z = 4 - y^2."""
MAX_ABS_XY: Final = 10.0
"""Largest |x|, |y| of the point and the tangent points."""
MAX_ABS_Z: Final = 1e3
"""Largest |f| on the plotted square (beyond it the z ticks do not fit)."""
SURFACE_GRID: Final = 41
"""Samples per side where f must be finite on the plotted square."""
TANGENT_HALF_WIDTH: Final = 0.9
"""Half the x span of each drawn slice tangent (scenes.common.surface_parts)."""


def _check_ranges(schema: Schema, names: tuple[str, ...]) -> None:
    """Each named axis range must be increasing with 2 to MAX_TICKS ticks."""
    # imported here: scenes.common.schemas registers this module's schemas at its end
    from scenes.common.schemas import _check_range

    for name in names:
        _check_range(name, getattr(schema, name))


def _finite_grid(
    f: object,
    lo: float,
    hi: float,
    y_window: tuple[float, float] | None = None,
    *,
    fix: str = "choose f or the points so that f is finite there",
) -> np.ndarray:
    """f on a SURFACE_GRID x SURFACE_GRID grid of [lo, hi]^2, or of [lo, hi] x
    ``y_window`` (ParamError naming f, and how to ``fix`` it, if it is not finite)."""
    y_lo, y_hi = (lo, hi) if y_window is None else y_window
    where = (
        f"square [{lo:g}, {hi:g}]^2"
        if y_window is None
        else f"map [{lo:g}, {hi:g}] x [{y_lo:g}, {y_hi:g}]"
    )
    xs, ys = np.linspace(lo, hi, SURFACE_GRID), np.linspace(y_lo, y_hi, SURFACE_GRID)
    values = np.empty((xs.size, ys.size))
    for i, x in enumerate(xs):
        for j, y in enumerate(ys):
            try:
                with np.errstate(all="ignore"):  # a NaN is reported below, by name
                    values[i, j] = float(f(x, y))  # type: ignore[operator]
            except (ValueError, ZeroDivisionError, OverflowError, TypeError):
                values[i, j] = np.nan
            if not np.isfinite(values[i, j]):
                raise ParamError(
                    "f",
                    f"is undefined or infinite at (x, y) = ({x:.3g}, {y:.3g}), on the"
                    f" plotted {where}: {fix}",
                )
    return values


@dataclass(frozen=True, slots=True)
class PartialDerivativesParams(Schema):
    """5.1 Partial Derivatives of Multivariate Functions."""

    scene: ClassVar[str] = "PartialDerivatives"

    f: str = param(
        SADDLE,
        "the surface z = f(x, y): finite, and at most 10^3 in size, on the plotted square",
        kind="expr",
        required=True,
        variables=SADDLE_VARS,
    )
    x0: float = param(
        SADDLE_X_SLICE,
        "the x held fixed for the slice along y",
        kind="number",
        lo=-MAX_ABS_XY,
        hi=MAX_ABS_XY,
    )
    y0: float = param(
        SADDLE_Y_SLICE,
        "the y held fixed for the slice along x",
        kind="number",
        lo=-MAX_ABS_XY,
        hi=MAX_ABS_XY,
    )
    points: tuple[float, ...] = param(
        SLICE_POINTS,
        "where the tangents are drawn on both slices (5 increasing values)",
        kind="numbers",
        length=len(SLICE_POINTS),
        lo=-MAX_ABS_XY,
        hi=MAX_ABS_XY,
    )
    surface_range: tuple[float, float, float] = param(
        SURFACE_RANGE, "x and y of the surface", kind="range", derived=True
    )
    z_range: tuple[float, float, float] = param(
        SURFACE_Z_RANGE, "z axis of the surface", kind="range", derived=True
    )
    slice_axis: tuple[float, float, float] = param(
        SLICE_AXIS, "horizontal axis of both slices", kind="range", derived=True
    )
    x_slice_z: tuple[float, float, float] = param(
        X_SLICE_Z, "z axis of the slice along x", kind="range", derived=True
    )
    y_slice_z: tuple[float, float, float] = param(
        Y_SLICE_Z, "z axis of the slice along y", kind="range", derived=True
    )

    @property
    def is_course(self) -> bool:
        """Whether this is the course's saddle (its narration may say so)."""
        return self.f == SADDLE

    def _check_points(self) -> None:
        if any(b <= a for a, b in itertools.pairwise(self.points)):
            raise ParamError("points", f"must increase, got {list(self.points)}")
        try:
            fn = partial_derivatives(self.f, SADDLE_VARS)
        except ValueError as exc:
            raise ParamError("f", f"is not usable: {exc}") from None
        for free, fixed, other in (("x", "y0", self.y0), ("y", "x0", self.x0)):
            for t in self.points:
                point = (t, other) if free == "x" else (other, t)
                try:
                    fn.value(point)
                    fn.at(point)
                except ValueError:
                    raise ParamError(
                        "f",
                        f"or its slope along {free} is undefined at (x, y) ="
                        f" ({point[0]:g}, {point[1]:g}), a tangent point of the slice"
                        f" {fixed} = {other:g}: change f, {fixed} or points",
                    ) from None
        try:
            point_partials(self.f, SADDLE_VARS, SADDLE_EXERCISES)
        except ValueError:
            shown = ", ".join(f"({x:g}, {y:g})" for x, y in SADDLE_EXERCISES)
            raise ParamError(
                "f", f"is undefined at one of the exercise points {shown}"
            ) from None

    def _slices(self) -> tuple[object, object]:
        along_x = slice_of(self.f, SADDLE_VARS, "x", {"y": self.y0})
        along_y = slice_of(self.f, SADDLE_VARS, "y", {"x": self.x0})
        return along_x, along_y

    def check(self) -> None:
        """f finite on the square, slopes defined at the tangent points, ranges fit."""
        self._check_points()
        lo, hi = self.surface_range[0], self.surface_range[1]
        for name, v in (("x0", self.x0), ("y0", self.y0)):
            if not lo <= v <= hi:
                raise ParamError(
                    name, f"= {v:g} lies outside the plotted square [{lo:g}, {hi:g}]"
                )
        fn = partial_derivatives(self.f, SADDLE_VARS).function()
        values = _finite_grid(fn, lo, hi)
        peak = float(np.max(np.abs(values)))
        if peak > MAX_ABS_Z:
            raise ParamError(
                "f",
                f"reaches |f| = {peak:.3g} on [{lo:g}, {hi:g}]^2 (at most"
                f" {MAX_ABS_Z:g}): make it smaller there",
            )
        _check_ranges(
            self, ("surface_range", "z_range", "slice_axis", "x_slice_z", "y_slice_z")
        )

    def complete(self, given: frozenset[str]) -> Self:
        """A variant gets its square from the points and its z axes from f."""
        if not given & {"f", "x0", "y0", "points"}:
            return self
        self._check_points()
        reach = max(abs(v) for v in (*self.points, self.x0, self.y0))
        half = float(np.ceil((reach + 0.5) * 2) / 2)
        square = (-half, half, float(nice_range(-half, half, ticks=5)[2]))
        fn = partial_derivatives(self.f, SADDLE_VARS).function()
        values = _finite_grid(fn, -half, half)
        z_range = nice_range(float(values.min()), float(values.max()), ticks=6)
        axis = nice_range(-half - TANGENT_HALF_WIDTH / 2, half + TANGENT_HALF_WIDTH / 2)
        along_x, along_y = self._slices()
        ranges = []
        for sl in (along_x, along_y):
            f1 = sl.function()  # type: ignore[attr-defined]
            ts = np.linspace(axis[0], axis[1], 201)
            zs = [f1(t) for t in ts]
            ranges.append(nice_range(min(zs), max(zs), ticks=6))
        return dataclasses.replace(
            self,
            surface_range=square,
            z_range=z_range,
            slice_axis=axis,
            x_slice_z=ranges[0],
            y_slice_z=ranges[1],
        )


# -- 5.4 Gradients --------------------------------------------------------------------------
GRADIENT_B_RANGE: Final[AxisRange] = (-2, 5, 1)
"""[LAYOUT] b axis of the course's cost map (the start, the valley and its lowest point)."""
GRADIENT_M_RANGE: Final[AxisRange] = (-1.5, 2.5, 0.5)
"""[LAYOUT] m axis of the course's cost map."""
MAP_HALF_STEPS: Final = 3
"""[LAYOUT] A variant's map runs this many tick steps each side of the point's tick:
the point is at least 2.5 steps (5/12 of the map) from every edge, room for the
gradient arrow and its opposite drawn from it."""
MAP_STEPS: Final = (1.0, 0.5, 0.2)
"""Tick steps of a variant's map, tried in turn (maps 6, 3 and 1.2 units wide) until
f is finite and at most MAX_ABS_F on it."""
MAX_ABS_F: Final = 1e4
"""Largest |f| on a variant's map, and largest gradient component at its point."""
SHOWN_GRADIENT: Final = 5e-4
"""Smallest largest gradient component at a variant's point (the scene writes three
decimals: below this, both would read 0)."""
ZERO_GRADIENT: Final = 1e-9
"""A gradient is zero when its length times the map's width is at most this share
of f's spread on the map (rounding, not a direction)."""


def _map_ranges(x0: float, y0: float, step: float) -> tuple[AxisRange, AxisRange]:
    """Equal square ranges, MAP_HALF_STEPS steps each side of the tick nearest the point."""
    out = []
    for v in (x0, y0):
        centre = round(v / step) * step
        half = MAP_HALF_STEPS * step
        out.append((round(centre - half, 10), round(centre + half, 10), step))
    return out[0], out[1]


@dataclass(frozen=True, slots=True)
class GradientsParams(Schema):
    """5.4 Gradients."""

    scene: ClassVar[str] = "Gradients"

    f: str = param(
        "",
        "the function f(x, y) whose gradient is drawn: finite, and at most 10^4 in"
        " size, on the map around the point",
        kind="expr",
        required=True,
        variables=SADDLE_VARS,
        shown="the course's regression cost C(b, m) on its 8 points (mathkit.cost)",
    )
    x0: float = param(
        INITIAL_B,
        "x of the point where the gradient is drawn (the course: b of the starting guess)",
        kind="number",
        lo=-MAX_ABS_XY,
        hi=MAX_ABS_XY,
    )
    y0: float = param(
        INITIAL_M,
        "y of the point; the gradient there must not be zero (the course: m of the"
        " starting guess)",
        kind="number",
        lo=-MAX_ABS_XY,
        hi=MAX_ABS_XY,
    )
    x_range: tuple[float, float, float] = param(
        GRADIENT_B_RANGE,
        "horizontal axis of the contour map (the course: b); a variant's map is"
        " square around its point, 6, 3 or 1.2 wide as f allows, equal units on both axes",
        kind="range",
        derived=True,
    )
    y_range: tuple[float, float, float] = param(
        GRADIENT_M_RANGE,
        "vertical axis of the contour map (the course: m)",
        kind="range",
        derived=True,
    )

    @property
    def is_course(self) -> bool:
        """Whether f is the course's regression cost (the scene's regression beats)."""
        return self.f == ""

    @property
    def point(self) -> tuple[float, float]:
        """(x0, y0)."""
        return (self.x0, self.y0)

    def _at_point(self) -> tuple[float, tuple[float, ...]]:
        """f and its gradient at the point (ParamError naming f if undefined there)."""
        try:
            fn = partial_derivatives(self.f, SADDLE_VARS)
        except ValueError as exc:
            raise ParamError("f", f"is not usable: {exc}") from None
        try:
            value, grad = fn.value(self.point), fn.at(self.point)
        except ValueError:
            raise ParamError(
                "f",
                f"or its gradient is undefined at the point (x0, y0) = ({self.x0:g},"
                f" {self.y0:g}): choose f or the point so that both are finite there",
            ) from None
        big = max(abs(value), *(abs(g) for g in grad))
        if big > MAX_ABS_F:
            raise ParamError(
                "f",
                f"reaches {big:.3g} at the point (x0, y0) = ({self.x0:g}, {self.y0:g})"
                f" in value or slope (at most {MAX_ABS_F:g}): make it smaller there",
            )
        return value, grad

    def _values_on(self, x_range: AxisRange, y_range: AxisRange) -> np.ndarray:
        """f on the map (ParamError naming f if it is undefined or too large there)."""
        values = _finite_grid(
            partial_derivatives(self.f, SADDLE_VARS).function(),
            x_range[0],
            x_range[1],
            (y_range[0], y_range[1]),
            fix="choose f or the point so that f is finite around it",
        )
        peak = float(np.max(np.abs(values)))
        if peak > MAX_ABS_F:
            raise ParamError(
                "f",
                f"reaches |f| = {peak:.3g} on the map [{x_range[0]:g}, {x_range[1]:g}]"
                f" x [{y_range[0]:g}, {y_range[1]:g}] (at most {MAX_ABS_F:g}):"
                " make it smaller around the point",
            )
        return values

    def _map(self) -> tuple[AxisRange, AxisRange]:
        """The largest map of MAP_STEPS on which f is finite and at most MAX_ABS_F."""
        refusal = ParamError("f", "has no map")  # replaced by each window's reason
        for step in MAP_STEPS:
            x_range, y_range = _map_ranges(self.x0, self.y0, step)
            try:
                self._values_on(x_range, y_range)
            except ParamError as exc:
                refusal = exc  # the smallest map's reason is the one reported
                continue
            return x_range, y_range
        raise refusal

    def check(self) -> None:
        """f and its gradient finite at the point, the gradient not zero, f finite on the map."""
        _check_ranges(self, ("x_range", "y_range"))
        if self.is_course:
            return
        _, grad = self._at_point()
        for name, v, (lo, hi, _) in (
            ("x0", self.x0, self.x_range),
            ("y0", self.y0, self.y_range),
        ):
            if not lo <= v <= hi:
                raise ParamError(
                    name, f"= {v:g} lies outside the map's range [{lo:g}, {hi:g}]"
                )
        values = self._values_on(self.x_range, self.y_range)
        spread = float(values.max() - values.min())
        width = self.x_range[1] - self.x_range[0]
        if math.hypot(*grad) * width <= ZERO_GRADIENT * max(spread, 1.0):
            raise ParamError(
                "x0",
                f"and y0 put the point at ({self.x0:g}, {self.y0:g}), where the gradient"
                " of f is zero (a critical point: f is level there in every direction),"
                " so there is no arrow to draw: choose another point or another f",
            )
        if max(abs(g) for g in grad) < SHOWN_GRADIENT:
            shown = ", ".join(f"{g:.3g}" for g in grad)
            raise ParamError(
                "f",
                f"has the gradient [{shown}] at the point, which rounds to 0 at the"
                " scene's three decimals: scale f up or choose a steeper point",
            )

    def complete(self, given: frozenset[str]) -> Self:
        """A variant gets a square map with equal units around its point, sized by f."""
        if not given & {"f", "x0", "y0"}:
            return self
        self._at_point()
        x_range, y_range = self._map()
        return dataclasses.replace(self, x_range=x_range, y_range=y_range)


# -- 5.5 Gradient descent -----------------------------------------------------------------
MAX_POINTS: Final = 500
"""Most data points GradientDescent fits (each is drawn as a dot)."""
MAX_EPOCHS: Final = 5000
"""Most epochs (the whole trace is kept and replayed)."""
MAX_ABS_START: Final = 100.0
"""Largest |b|, |m| of the start."""
MAX_START_COST: Final = 1e4
"""Largest cost at the start (beyond it the readouts and the cost plot do not fit)."""


def _course_points() -> PointTable:
    """The course's 8 clinical-trial points (content spec 3c)."""
    return PointTable(
        np.array(REGRESSION_X, dtype=np.float64),
        np.array(REGRESSION_Y, dtype=np.float64),
        "course",
    )


@dataclass(frozen=True, slots=True)
class GradientDescentParams(Schema):
    """5.5 Gradient Descent."""

    scene: ClassVar[str] = "GradientDescent"

    lr: float = param(
        LEARNING_RATE,
        "the learning rate: positive, and below the data's stability limit 2/lambda_max",
        kind="number",
        lo=1e-6,
        hi=10.0,
    )
    start: tuple[float, ...] = param(
        (INITIAL_B, INITIAL_M),
        "the starting guess [b, m]: intercept, slope",
        kind="numbers",
        length=2,
        lo=-MAX_ABS_START,
        hi=MAX_ABS_START,
    )
    epochs: float = param(
        EPOCHS,
        f"training epochs after the first step (a whole number, at least {TABLE_ROUNDS})",
        kind="number",
        lo=TABLE_ROUNDS,
        hi=MAX_EPOCHS,
    )
    data: PointTable = param(  # noqa: RUF009 (param returns a dataclasses.field)
        description=f"the data points: a CSV with the header x,y, 2 to {MAX_POINTS} rows, not all x equal",
        kind="csv",
        columns=("x", "y"),
        factory=_course_points,
        shown="the course's 8 clinical-trial points (content spec 3c)",
    )
    b_range: tuple[float, float, float] = param(
        DESCENT_B_RANGE, "b axis of the cost map", kind="range", derived=True
    )
    m_range: tuple[float, float, float] = param(
        DESCENT_M_RANGE, "m axis of the cost map", kind="range", derived=True
    )
    x_range: tuple[float, float, float] = param(
        REGRESSION_X_RANGE, "x axis of the data plot", kind="range", derived=True
    )
    y_range: tuple[float, float, float] = param(
        REGRESSION_Y_RANGE, "y axis of the data plot", kind="range", derived=True
    )

    @property
    def is_course(self) -> bool:
        """Whether every parameter is the course's (the narration may say 'the notebook')."""
        return self.data.source == "course" and (
            self.lr,
            self.start,
            self.epochs,
        ) == (LEARNING_RATE, (INITIAL_B, INITIAL_M), EPOCHS)

    @property
    def steps(self) -> int:
        """Updates made: one demo step, then the epochs (as the notebook does)."""
        return 1 + int(self.epochs)

    def _check_descent(self) -> None:
        if self.epochs != int(self.epochs):
            raise ParamError("epochs", f"must be a whole number, got {self.epochs:g}")
        n = len(self.data)
        if n > MAX_POINTS:
            raise ParamError(
                "data", f"has {n} points (at most {MAX_POINTS}: each is drawn)"
            )
        x, y = self.data.x, self.data.y
        start_cost = regression_cost(self.start[0], self.start[1], x, y)
        if start_cost > MAX_START_COST:
            raise ParamError(
                "start",
                f"{list(self.start)} has cost C = {start_cost:.3g} on this data (at most"
                f" {MAX_START_COST:g}: the readouts and the cost plot cannot show it):"
                " start nearer the data's line",
            )
        limit = regression_lr_limit(x, y)
        if self.lr >= limit:
            raise ParamError(
                "lr",
                f"= {self.lr:g} makes descent diverge on this data (each step"
                f" overshoots further, off the plot): use lr below {limit:.3g}",
            )
        try:
            regression_descent(
                x, y, b0=self.start[0], m0=self.start[1], lr=self.lr, steps=self.steps
            )
        except ValueError as exc:
            raise ParamError("lr", f"= {self.lr:g}: {exc}") from None

    def check(self) -> None:
        """lr below the stability limit, a whole number of epochs, data the plot can show."""
        self._check_descent()
        _check_ranges(self, ("b_range", "m_range", "x_range", "y_range"))

    def complete(self, given: frozenset[str]) -> Self:
        """A variant gets its cost map from the path and optimum, its data axes from the data."""
        if not given & {"lr", "start", "epochs", "data"}:
            return self
        self._check_descent()
        x, y = self.data.x, self.data.y
        trace = regression_descent(
            x, y, b0=self.start[0], m0=self.start[1], lr=self.lr, steps=self.steps
        )
        best = least_squares(x, y)
        bs = [*trace.b, best.b]
        ms = [*trace.m, best.m]
        b_range = _padded(min(bs), max(bs), ticks=5)
        m_range = _padded(min(ms), max(ms), ticks=4)
        x_range = _padded(float(x.min()), float(x.max()), ticks=7)
        # the data and the fitted line; the first guess's line is clipped to the plot
        fitted = trace.m[-1] * np.array(x_range[:2]) + trace.b[-1]
        ys = [float(y.min()), float(y.max()), *fitted]
        y_range = _padded(min(ys), max(ys), ticks=6)
        if regression_cost(best.b, best.m, x, y) >= trace.cost[0]:
            raise ParamError(
                "start", "is already the least-squares fit: nothing to descend"
            )
        return dataclasses.replace(
            self, b_range=b_range, m_range=m_range, x_range=x_range, y_range=y_range
        )


def _padded(lo: float, hi: float, *, ticks: int) -> AxisRange:
    """A nice range over [lo, hi] with 8 % of the span spare each side."""
    pad = 0.08 * max(hi - lo, 1e-9)
    return nice_range(lo - pad, hi + pad, ticks=ticks)


SCHEMAS_MULTIVARIATE: Final[tuple[type[Schema], ...]] = (
    PartialDerivativesParams,
    GradientsParams,
    GradientDescentParams,
)
"""The section-5 schemas, registered in :data:`scenes.common.schemas.SCHEMAS`."""

__all__ = [
    "SCHEMAS_MULTIVARIATE",
    "GradientDescentParams",
    "GradientsParams",
    "PartialDerivativesParams",
]
