"""The parameters of each parametric scene, declared once (no manim import).

Every default is the course example, taken from the ``mathkit`` constants the
scene used before it took parameters, so a render without a variant is the
course video (and matches the committed pixel control data). ``make params
SCENE=X`` prints these and ``tools/variants.py readme`` writes them into the
README. Each schema's ``check`` refuses, naming the parameter, what the scene
could not draw; ``complete`` sizes the axes for a variant's own function.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from dataclasses import dataclass
from typing import ClassVar, Final, Self

import numpy as np

from mathkit.classification import SYNTHETIC_N, SYNTHETIC_SEED, synthetic_scores
from mathkit.data import (
    DELTA_DX_SMALL,
    DELTA_LINE_X,
    DELTA_POINT_X,
    DELTA_Q_XS,
    DELTA_VERTEX_DXS,
    DELTA_X_RANGE,
    DELTA_Y_RANGE,
    INTEGRAL_EXAMPLES,
    RUNNING_FUNCTION,
    VERTEX_X,
)
from mathkit.differentiation import as_function, tangent_line
from mathkit.guard import ScoreTable
from mathkit.integrate import (
    ERROR_DEMO,
    ErrorTable,
    error_table,
    integrand_function,
    quad,
    reference_integral,
)
from mathkit.plotting import AxisRange, first_jump, plot_window, sample, value_at
from scenes.common.params import ParamError, Schema, param
from scenes.common.schemas_rules import RULE_SCHEMAS

MAX_ABS_F: Final = 1e4
"""Largest |f(x)| DeltaMethod plots (beyond it the tick labels do not fit)."""
MAX_TICKS: Final = 16
"""Most ticks on one axis of a variant."""


def _check_range(name: str, r: AxisRange) -> None:
    start, end, step = r
    if not (end > start and step > 0):
        raise ParamError(
            name,
            f"must be [start, end, step] with end > start and step > 0, got {list(r)}",
        )
    ticks = (end - start) / step
    if ticks > MAX_TICKS or ticks < 2:
        raise ParamError(
            name, f"has {ticks:.0f} ticks (2 to {MAX_TICKS}): change its step"
        )


def _decreasing(name: str, values: tuple[float, ...], smallest: float) -> None:
    if any(b >= a for a, b in itertools.pairwise(values)):
        raise ParamError(name, f"must decrease (Q approaches P), got {list(values)}")
    if values[-1] > smallest:
        raise ParamError(name, f"must end at or below {smallest:g}, got {values[-1]:g}")


MAX_ABS_X: Final = 10.0
"""Largest |x| of P and of the exercise point."""
DX_BOUNDS: Final = (1e-9, 6.0)
"""Smallest and largest delta x."""


def _x_point(default: float, description: str) -> float:
    """An x on the curve (P, the exercise point) within +-MAX_ABS_X."""
    return param(default, description, kind="number", lo=-MAX_ABS_X, hi=MAX_ABS_X)


def _dx_ladder(default: tuple[float, ...], description: str) -> tuple[float, ...]:
    """Three decreasing delta x values within DX_BOUNDS."""
    return param(
        default, description, kind="numbers", length=3, lo=DX_BOUNDS[0], hi=DX_BOUNDS[1]
    )


@dataclass(frozen=True, slots=True)
class DeltaMethodParams(Schema):
    """2.1 The Delta Method."""

    scene: ClassVar[str] = "DeltaMethod"

    f: str = param(
        RUNNING_FUNCTION,
        "the function f(x): defined, and |f| <= 10^4, on the plotted x range",
        kind="expr",
        required=True,
    )
    x0: float = _x_point(DELTA_POINT_X, "x of the point P where the slope is found")
    dx: tuple[float, ...] = _dx_ladder(
        (DELTA_Q_XS[0] - DELTA_POINT_X, DELTA_Q_XS[1] - DELTA_POINT_X, DELTA_DX_SMALL),
        "delta x of the far secant, the near secant, and where the slide stops (decreasing)",
    )
    x_exercise: float = _x_point(
        VERTEX_X, "x of the exercise point (the course: the vertex, slope 0)"
    )
    exercise_dx: tuple[float, ...] = _dx_ladder(
        DELTA_VERTEX_DXS,
        "the exercise's delta x ladder (decreasing)",
    )
    x_range: tuple[float, float, float] = param(
        DELTA_X_RANGE,
        "x axis; computed from the points when a variant does not set it",
        kind="range",
        lo=-100,
        hi=100,
    )
    y_range: tuple[float, float, float] = param(
        DELTA_Y_RANGE,
        "y axis; computed from f on the x axis when a variant does not set it",
        kind="range",
        lo=-MAX_ABS_F,
        hi=MAX_ABS_F,
    )
    line_x: tuple[float, ...] = param(
        DELTA_LINE_X,
        "where secants and tangents are drawn",
        kind="numbers",
        length=2,
        derived=True,
    )

    def needed_x(self) -> list[float]:
        """Every x the scene evaluates f at: P, the secants' Q, the exercise point."""
        return [
            self.x0,
            *(self.x0 + d for d in self.dx),
            self.x_exercise,
            *(self.x_exercise + d for d in self.exercise_dx),
        ]

    def _check_points(self) -> None:
        """f must be defined and finite at every point the scene evaluates."""
        _decreasing("dx", self.dx, 1e-2)
        _decreasing("exercise_dx", self.exercise_dx, 1e-2)
        fn = as_function(self.f)
        for x in self.needed_x():
            try:
                value_at(fn, x)
            except ValueError as exc:
                raise ParamError("f", f"is {exc}, where the scene needs it") from None

    def check(self) -> None:
        """f must be defined and finite where the scene evaluates and plots it."""
        self._check_points()
        fn = as_function(self.f)
        for name, x in (("x0", self.x0), ("x_exercise", self.x_exercise)):
            try:
                tangent_line(self.f, x)
            except (ValueError, TypeError) as exc:
                raise ParamError(
                    name, f"= {x:g}: f has no tangent there ({exc})"
                ) from None
        _check_range("x_range", self.x_range)
        _check_range("y_range", self.y_range)
        lo, hi = self.x_range[0], self.x_range[1]
        if min(self.needed_x()) < lo or max(self.needed_x()) > hi:
            raise ParamError(
                "x_range",
                f"{list(self.x_range)} must contain P, Q and the exercise points",
            )
        try:
            gap = first_jump(fn, lo, hi)
        except ValueError as exc:
            raise ParamError(
                "f", f"is {exc}, on the plotted x range [{lo:g}, {hi:g}]"
            ) from None
        if gap is not None:
            raise ParamError(
                "f",
                f"is undefined or not continuous at x = {gap:g}, on the plotted x range"
                f" [{lo:g}, {hi:g}]: choose f, x0 and the points so that f is smooth there",
            )
        try:
            _, ys = sample(fn, lo, hi)
        except ValueError as exc:
            raise ParamError(
                "f", f"is {exc}, on the plotted x range [{lo:g}, {hi:g}]"
            ) from None
        peak = float(np.max(np.abs(ys)))
        if peak > MAX_ABS_F:
            raise ParamError(
                "f",
                f"reaches |f| = {peak:.3g} on [{lo:g}, {hi:g}] (at most {MAX_ABS_F:g}): make it smaller there",
            )
        y_lo, y_hi = self.y_range[0], self.y_range[1]
        for x in (self.x0, self.x0 + self.dx[0], self.x_exercise):
            y = fn(x)
            if not y_lo <= y <= y_hi:
                raise ParamError(
                    "y_range", f"{list(self.y_range)} must contain f({x:g}) = {y:g}"
                )

    def complete(self, given: frozenset[str]) -> Self:
        """A variant that changes f or a point gets axes sized from f (mathkit.plotting)."""
        content = {"f", "x0", "dx", "x_exercise", "exercise_dx"}
        if not given & content and not given & {"x_range", "y_range"}:
            return self
        self._check_points()
        fn = as_function(self.f)
        try:
            if "x_range" in given:
                window = plot_window(fn, self.x_range[:2], pad=0.0)
                x_range = self.x_range
            else:
                window = plot_window(fn, self.needed_x())
                x_range = window.x_range
        except ValueError as exc:
            raise ParamError("f", f"is {exc}, on the plotted x range") from None
        y_range = self.y_range if "y_range" in given else window.y_range
        points = self.needed_x()
        margin = 0.15 * (x_range[1] - x_range[0])
        line_x = (
            max(x_range[0], min(points) - margin),
            min(x_range[1], max(points) + margin),
        )
        return dataclasses.replace(
            self, x_range=x_range, y_range=y_range, line_x=line_x
        )


MAX_ABS_BOUND: Final = 100.0


def _check_integrand(
    name: str, text: str, a: float, b: float, a_name: str, b_name: str
) -> None:
    if not a < b:
        raise ParamError(b_name, f"must be greater than {a_name} ({b:g} <= {a:g})")
    fn = integrand_function(text)
    try:
        with np.errstate(all="ignore"):  # non-finite values are reported
            gap = first_jump(lambda x: float(fn(np.asarray(x))), a, b)
    except ValueError as exc:
        raise ParamError(name, f"is {exc}, inside [{a:g}, {b:g}]") from None
    if gap is not None:
        raise ParamError(
            name,
            f"is undefined or not continuous at x = {gap:g}, inside [{a:g}, {b:g}]",
        )
    fn = integrand_function(text)
    xs = np.linspace(a, b, 201)
    with np.errstate(all="ignore"):
        try:
            ys = fn(xs)
        except (ValueError, TypeError, ZeroDivisionError, OverflowError):
            ys = np.array([math.nan])
    if not np.all(np.isfinite(ys)):
        bad = xs[~np.isfinite(ys)][0] if ys.shape == xs.shape else a
        raise ParamError(
            name, f"is undefined or infinite at x = {bad:g}, inside [{a:g}, {b:g}]"
        )
    if float(np.max(np.abs(ys))) > 1e6:
        raise ParamError(name, f"exceeds 10^6 in size on [{a:g}, {b:g}]")


def _bound_param(default: float, description: str) -> float:
    """An integration bound: a number (or constant expression) within +-MAX_ABS_BOUND."""
    return param(
        default, description, kind="number", lo=-MAX_ABS_BOUND, hi=MAX_ABS_BOUND
    )


@dataclass(frozen=True, slots=True)
class NumericIntegrationParams(Schema):
    """6.5 Numeric Integration with Python."""

    scene: ClassVar[str] = "NumericIntegration"

    integrand: str = param(
        INTEGRAL_EXAMPLES[0][0],
        "the first quad example's integrand",
        kind="expr",
        required=True,
    )
    a: float = _bound_param(
        INTEGRAL_EXAMPLES[0][1], 'its lower bound (a number or e.g. "pi/2")'
    )
    b: float = _bound_param(INTEGRAL_EXAMPLES[0][2], "its upper bound")
    second_integrand: str = param(
        INTEGRAL_EXAMPLES[1][0], "the second quad example's integrand", kind="expr"
    )
    second_a: float = _bound_param(INTEGRAL_EXAMPLES[1][1], "its lower bound")
    second_b: float = _bound_param(INTEGRAL_EXAMPLES[1][2], "its upper bound")
    test_integrand: str = param(
        ERROR_DEMO[0],
        "the integrand of the error-against-n test (not a cubic or lower: Simpson is exact there)",
        kind="expr",
    )
    test_a: float = _bound_param(ERROR_DEMO[1], "its lower bound")
    test_b: float = _bound_param(ERROR_DEMO[2], "its upper bound")

    @property
    def is_course_test(self) -> bool:
        """Whether the error test is the course's (sine on [0, pi], exact by sympy)."""
        return (self.test_integrand, self.test_a, self.test_b) == ERROR_DEMO

    def test_table(self) -> ErrorTable:
        """The trapezoid and Simpson errors of the test integral.

        The course's test uses sympy's exact value; a variant's uses a tight
        ``quad`` as the reference (any integrand, no symbolic integration).
        """
        exact = (
            None
            if self.is_course_test
            else reference_integral(self.test_integrand, self.test_a, self.test_b)
        )
        return error_table(self.test_integrand, self.test_a, self.test_b, exact=exact)

    def check(self) -> None:
        """Each integrand must be finite on its interval, and the test must show errors."""
        for prefix in ("", "second_"):
            name = f"{prefix}integrand" if prefix else "integrand"
            a_name, b_name = f"{prefix}a", f"{prefix}b"
            text, a, b = (
                getattr(self, name),
                getattr(self, a_name),
                getattr(self, b_name),
            )
            _check_integrand(name, text, a, b, a_name, b_name)
            result = quad(text, a, b)
            if not (math.isfinite(result.value) and math.isfinite(result.abserr)):
                raise ParamError(name, f"has no finite integral on [{a:g}, {b:g}]")
        _check_integrand(
            "test_integrand",
            self.test_integrand,
            self.test_a,
            self.test_b,
            "test_a",
            "test_b",
        )
        if self.is_course_test:
            return
        try:
            table = self.test_table()
        except ValueError as exc:
            raise ParamError("test_integrand", str(exc)) from None
        for rule, errors in (
            ("trapezoid", table.trapezoid),
            ("Simpson", table.simpson),
        ):
            if not np.all(errors > 1e-14):
                raise ParamError(
                    "test_integrand",
                    f"is integrated exactly by the {rule} rule at some n (errors reach 0):"
                    " a log plot of its errors needs a curvier integrand, such as exp(x) or sin(x)",
                )


def _course_scores() -> ScoreTable:
    labels, scores = synthetic_scores(SYNTHETIC_N, SYNTHETIC_SEED)
    return ScoreTable(labels, scores, "synthetic")


@dataclass(frozen=True, slots=True)
class RocCurveParams(Schema):
    """6.3 The ROC curve."""

    scene: ClassVar[str] = "RocCurve"

    data: ScoreTable = param(  # noqa: RUF009 (param returns a dataclasses.field)
        description="labels (0/1) and scores of the smooth curve: a CSV with the header label,score, up to 10^6 rows, both classes",
        kind="csv",
        required=True,
        factory=_course_scores,
        shown=f"synthetic: {SYNTHETIC_N} items, seed {SYNTHETIC_SEED} (mathkit.classification.synthetic_scores)",
    )

    @property
    def is_course_data(self) -> bool:
        """Whether the smooth curve is the course's simulated classifier."""
        return self.data.source == "synthetic"


_ALL: Final[tuple[type[Schema], ...]] = (
    DeltaMethodParams,
    NumericIntegrationParams,
    RocCurveParams,
    *RULE_SCHEMAS,
)
SCHEMAS: Final[dict[str, type[Schema]]] = {s.scene: s for s in _ALL}
"""Parametric scenes by class name."""

# Topic modules register their schemas in SCHEMAS themselves, at their end (so
# that either import order works); importing them here makes SCHEMAS complete.
import scenes.common.schemas_classification  # noqa: E402
import scenes.common.schemas_integrals  # noqa: E402, F401

__all__ = ["SCHEMAS", "DeltaMethodParams", "NumericIntegrationParams", "RocCurveParams"]

# Schemas of other topics register themselves here (their modules import this one).
from scenes.common import schemas_limits  # noqa: E402
from scenes.common.schemas_multivariate import SCHEMAS_MULTIVARIATE  # noqa: E402

SCHEMAS[schemas_limits.CalculatingLimitsParams.scene] = (
    schemas_limits.CalculatingLimitsParams
)
SCHEMAS.update({s.scene: s for s in SCHEMAS_MULTIVARIATE})
