"""Parameters of the differentiation-rule scenes (2.4-2.9), declared once (no manim import).

Each default is the course example from :mod:`mathkit.rules` and
:mod:`mathkit.chain_rule`, so a render without a variant is the course video.
A variant gives its own function (PowerRule, ConstantMultipleRule, SumRule),
its two parts (ProductRule, QuotientRule: ``w`` and ``z``) or its composite
(ChainRule). ``check`` refuses, naming the parameter, a function that does not
fit the rule (a "product" that is not one), one undefined or infinite on the
plotted x range, or one too large to plot; ``complete`` sizes the f and f'
axes from the function's values (:mod:`mathkit.plotting`) and picks the x
where the tangent check stops.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import ClassVar, Final, Self

import numpy as np
import sympy as sp

from mathkit.chain_rule import COURSE_EXAMPLES, TANGENT_DEMO, chain_rule, decompose
from mathkit.data import RUNNING_FUNCTION
from mathkit.expr import parse
from mathkit.plotting import (
    AxisRange,
    first_jump,
    nice_range,
    nice_step,
    sample,
    value_at,
)
from mathkit.rules import (
    CHAIN_CHECK_WINDOW,
    CONSTANT_EXAMPLE,
    CONSTANT_MULTIPLE_EXAMPLE,
    COURSE_WINDOWS,
    POWER_EXAMPLE,
    PRODUCT_FACTORS,
    QUOTIENT_PARTS,
    Differentiation,
    X,
    differentiate,
    product_rule,
    quotient_rule,
)
from scenes.common.params import ParamError, Schema, param

MAX_ABS_VALUE: Final = 1e4
"""Largest |f| or |f'| a rule scene plots (beyond it the tick labels do not fit)."""
MAX_TICKS: Final = 12
"""Most ticks on one axis of a rule scene."""
MAX_POWER: Final = 8
"""Largest |n| of the power rule's x^n (the (x + dx)^n expansion stays one line)."""
MAX_ABS_X: Final = 50.0
"""Largest |x| of a plotted range."""


def _x_range(default: AxisRange) -> AxisRange:
    return param(
        default,
        "x axis [start, end, step]: f and f' must be defined and finite on all of it",
        kind="range",
        lo=-MAX_ABS_X,
        hi=MAX_ABS_X,
    )


def _derived_range(default: AxisRange, what: str) -> AxisRange:
    return param(
        default,
        f"{what} axis, sized from the function on the x range",
        kind="range",
        derived=True,
    )


def _stops(default: tuple[float, ...]) -> tuple[float, ...]:
    return param(
        default,
        "x where the tangent check stops (computed for a variant)",
        kind="numbers",
        length=2,
        derived=True,
    )


def _values(
    name: str, fn: object, lo: float, hi: float, fix: str = "x_range"
) -> np.ndarray:  # f sampled on the range, or ParamError naming ``name``
    try:
        gap = first_jump(fn, lo, hi, samples=801)  # type: ignore[arg-type]
        _, ys = sample(fn, lo, hi, 201)  # type: ignore[arg-type]
    except ValueError as exc:
        raise ParamError(
            name, f"is {exc}, on the plotted x range [{lo:g}, {hi:g}]: change {fix}"
        ) from None
    if gap is not None:
        raise ParamError(
            name,
            f"is not continuous at x = {gap:g}, on the plotted x range [{lo:g}, {hi:g}]:"
            f" change {fix}",
        )
    peak = float(np.max(np.abs(ys)))
    if peak > MAX_ABS_VALUE:
        raise ParamError(
            name,
            f"reaches {peak:.3g} on [{lo:g}, {hi:g}] (at most {MAX_ABS_VALUE:g}):"
            f" change it or {fix}",
        )
    return ys


def _axis_for(ys: np.ndarray) -> AxisRange:
    lo, hi = float(ys.min()), float(ys.max())
    pad = 0.08 * max(hi - lo, 1e-9)
    return nice_range(lo - pad, hi + pad, ticks=4)


def _check_ticks(name: str, r: AxisRange) -> None:
    start, end, step = r
    if not (end > start and step > 0):
        raise ParamError(name, f"must have end > start and step > 0, got {list(r)}")
    ticks = (end - start) / step
    if ticks > MAX_TICKS or ticks < 2:
        raise ParamError(
            name, f"has {ticks:.0f} ticks (2 to {MAX_TICKS}): change its step"
        )


def _nice_stops(x_range: AxisRange) -> tuple[float, float]:
    """Two x at about 30 % and 75 % of the range, rounded to a nice step."""
    lo, hi = x_range[0], x_range[1]
    step = nice_step(hi - lo, 20)
    pick = [round((lo + share * (hi - lo)) / step) * step for share in (0.3, 0.75)]
    return (float(f"{pick[0]:.10g}"), float(f"{pick[1]:.10g}"))


@dataclass(frozen=True, slots=True)
class _RuleParams(Schema):
    """Shared by the five rule scenes: axes and stops from :meth:`result`."""

    main: ClassVar[str] = "f"
    """The parameter a refusal about the function names."""

    def result(self) -> Differentiation:
        """The worked example ``f``, differentiated by the rules (mathkit.rules)."""
        return differentiate(self.f)  # type: ignore[attr-defined]

    def _result(self) -> Differentiation:
        try:
            return self.result()
        except ValueError as exc:
            raise ParamError(self.main, f"does not fit the rule: {exc}") from None

    def fit(self) -> None:
        """Refuse a function that does not fit the scene's rule (ParamError)."""

    def check(self) -> None:
        """The function fits the rule and is finite on the x range; axes are readable."""
        self.fit()
        result = self._result()
        x_range = self.x_range  # type: ignore[attr-defined]
        _check_ticks("x_range", x_range)
        lo, hi = x_range[0], x_range[1]
        f_values = _values(self.main, result.f, lo, hi)
        _values(f"{self.main} (its derivative)", result.df, lo, hi)
        for name in ("f_range", "df_range"):
            _check_ticks(name, getattr(self, name))
        if float(f_values.max() - f_values.min()) < 1e-9:
            raise ParamError(self.main, "is constant on the x range: nothing to slope")
        for x in self.stops:  # type: ignore[attr-defined]
            if not lo <= x <= hi:
                raise ParamError("x_range", f"must contain the check point x = {x:g}")
            value_at(result.df, x)

    def complete(self, given: frozenset[str]) -> Self:
        """A variant's own function gets axes sized from it and its own stops."""
        if not given:
            return self
        self.fit()
        result = self._result()
        x_range = self.x_range  # type: ignore[attr-defined]
        _check_ticks("x_range", x_range)
        lo, hi = x_range[0], x_range[1]
        f_values = _values(self.main, result.f, lo, hi)
        df_values = _values(f"{self.main} (its derivative)", result.df, lo, hi)
        return dataclasses.replace(  # type: ignore[call-arg]  # the subclasses' fields
            self,
            f_range=_axis_for(f_values),
            df_range=_axis_for(df_values),
            stops=_nice_stops(x_range),
        )


def _parsed(name: str, text: str) -> sp.Expr:
    try:
        return parse(text, ("x",))
    except ValueError as exc:  # pragma: no cover - convert() parsed it already
        raise ParamError(name, str(exc)) from None


@dataclass(frozen=True, slots=True)
class PowerRuleParams(_RuleParams):
    """2.4 The Power Rule."""

    scene: ClassVar[str] = "PowerRule"

    f: str = param(
        POWER_EXAMPLE,
        f"a power of x, x^n, with n a nonzero number, |n| <= {MAX_POWER}",
        kind="expr",
        required=True,
    )
    constant: float = param(
        float(CONSTANT_EXAMPLE),
        "the constant rule's example (its derivative is 0)",
        kind="number",
        lo=-1e4,
        hi=1e4,
    )
    x_range: tuple[float, float, float] = _x_range(COURSE_WINDOWS["PowerRule"].x_range)
    f_range: tuple[float, float, float] = _derived_range(
        COURSE_WINDOWS["PowerRule"].f_range, "f"
    )
    df_range: tuple[float, float, float] = _derived_range(
        COURSE_WINDOWS["PowerRule"].df_range, "f'"
    )
    stops: tuple[float, ...] = _stops(COURSE_WINDOWS["PowerRule"].stops)

    @property
    def exponent(self) -> sp.Expr:
        """n of x^n."""
        expr = _parsed("f", self.f)
        return sp.Integer(1) if expr == X else expr.as_base_exp()[1]

    def fit(self) -> None:
        """f must be x^n with a constant n."""
        expr = _parsed("f", self.f)
        base, n = expr.as_base_exp()
        if base != X or n.has(X) or not n.is_number or not n.is_real:
            raise ParamError(
                "f", f"must be a power of x, x^n with n a number, got {self.f!r}"
            )
        if n == 0 or abs(float(n)) > MAX_POWER:
            raise ParamError(
                "f", f"has n = {n}: the power must be nonzero with |n| <= {MAX_POWER}"
            )


@dataclass(frozen=True, slots=True)
class ConstantMultipleRuleParams(_RuleParams):
    """2.5 The Constant Multiple Rule."""

    scene: ClassVar[str] = "ConstantMultipleRule"

    f: str = param(
        CONSTANT_MULTIPLE_EXAMPLE,
        "c times a function of x, such as 3x^2 or 5sin(x) (c a number other than 0 and 1)",
        kind="expr",
        required=True,
    )
    x_range: tuple[float, float, float] = _x_range(
        COURSE_WINDOWS["ConstantMultipleRule"].x_range
    )
    f_range: tuple[float, float, float] = _derived_range(
        COURSE_WINDOWS["ConstantMultipleRule"].f_range, "f"
    )
    df_range: tuple[float, float, float] = _derived_range(
        COURSE_WINDOWS["ConstantMultipleRule"].df_range, "f'"
    )
    stops: tuple[float, ...] = _stops(COURSE_WINDOWS["ConstantMultipleRule"].stops)

    def parts(self) -> tuple[sp.Expr, sp.Expr]:
        """(c, the function c multiplies)."""
        c, rest = _parsed("f", self.f).as_independent(X, as_Add=False)
        return c, rest

    def fit(self) -> None:
        """f must be a constant c != 0, 1 times a function of x."""
        c, rest = self.parts()
        if c in (0, 1) or not rest.has(X) or not c.is_real:
            raise ParamError(
                "f",
                f"must be a constant (not 0 or 1) times a function of x, such as 3x^2;"
                f" got {self.f!r}",
            )


@dataclass(frozen=True, slots=True)
class SumRuleParams(_RuleParams):
    """2.6 The Sum Rule."""

    scene: ClassVar[str] = "SumRule"

    f: str = param(
        RUNNING_FUNCTION,
        "a sum of two to four terms in x, such as x^3 - 4x + 1",
        kind="expr",
        required=True,
    )
    x_range: tuple[float, float, float] = _x_range(COURSE_WINDOWS["SumRule"].x_range)
    f_range: tuple[float, float, float] = _derived_range(
        COURSE_WINDOWS["SumRule"].f_range, "f"
    )
    df_range: tuple[float, float, float] = _derived_range(
        COURSE_WINDOWS["SumRule"].df_range, "f'"
    )
    stops: tuple[float, ...] = _stops(COURSE_WINDOWS["SumRule"].stops)

    def fit(self) -> None:
        """f must be a sum of 2 to 4 terms."""
        expr = _parsed("f", self.f)
        if not isinstance(expr, sp.Add):
            raise ParamError("f", f"must be a sum of terms, got {self.f!r}")
        if not 2 <= len(expr.args) <= 4:
            raise ParamError(
                "f", f"has {len(expr.args)} terms: the scene shows 2 to 4 side by side"
            )


def _part(name: str, text: str, what: str) -> sp.Expr:
    expr = _parsed(name, text)
    if not expr.has(X):
        raise ParamError(
            name,
            f"= {text!r} does not depend on x: {what}; use the constant multiple rule",
        )
    return expr


@dataclass(frozen=True, slots=True)
class ProductRuleParams(_RuleParams):
    """2.7 The Product Rule."""

    scene: ClassVar[str] = "ProductRule"
    main: ClassVar[str] = "w"

    w: str = param(
        PRODUCT_FACTORS[0],
        "the first factor w(x) (must depend on x)",
        kind="expr",
        required=True,
    )
    z: str = param(
        PRODUCT_FACTORS[1],
        "the second factor z(x) (must depend on x)",
        kind="expr",
        required=True,
    )
    x_range: tuple[float, float, float] = _x_range(
        COURSE_WINDOWS["ProductRule"].x_range
    )
    f_range: tuple[float, float, float] = _derived_range(
        COURSE_WINDOWS["ProductRule"].f_range, "f"
    )
    df_range: tuple[float, float, float] = _derived_range(
        COURSE_WINDOWS["ProductRule"].df_range, "f'"
    )
    stops: tuple[float, ...] = _stops(COURSE_WINDOWS["ProductRule"].stops)

    def fit(self) -> None:
        """Both factors depend on x, and the rectangle has a point to grow from."""
        w = _part("w", self.w, "then w z is not a product of two functions")
        z = _part("z", self.z, "then w z is not a product of two functions")
        if rectangle_x(self) is None:
            raise ParamError(
                "w",
                "and z must both be positive and increasing somewhere on x_range"
                " (the growing rectangle needs sides w and z that grow)",
            )
        del w, z

    def result(self) -> Differentiation:
        """w z by the product rule, w first."""
        return product_rule(self.w, self.z)


def rectangle_x(p: ProductRuleParams) -> float | None:
    """An x on the range where w, z, w' and z' are all positive (the rectangle grows).

    The largest such x on a grid of the x range's ticks and half ticks (the
    course: x = 1.5, where w = 7.25 and z = 0.5).
    """
    dw = differentiate(p.w)
    dz = differentiate(p.z)
    start, end, step = p.x_range
    grid = np.arange(start, end + step / 4, step / 2)
    for x in grid[::-1]:
        try:
            values = (dw.f(x), dz.f(x), dw.df(x), dz.df(x))
        except ValueError:
            continue
        if all(math.isfinite(v) and v > 0 for v in values):
            return float(x)
    return None


@dataclass(frozen=True, slots=True)
class QuotientRuleParams(_RuleParams):
    """2.8 The Quotient Rule."""

    scene: ClassVar[str] = "QuotientRule"
    main: ClassVar[str] = "z"

    w: str = param(QUOTIENT_PARTS[0], "the numerator w(x)", kind="expr", required=True)
    z: str = param(
        QUOTIENT_PARTS[1],
        "the denominator z(x): depends on x and is never 0 on x_range",
        kind="expr",
        required=True,
    )
    x_range: tuple[float, float, float] = _x_range(
        COURSE_WINDOWS["QuotientRule"].x_range
    )
    f_range: tuple[float, float, float] = _derived_range(
        COURSE_WINDOWS["QuotientRule"].f_range, "f"
    )
    df_range: tuple[float, float, float] = _derived_range(
        COURSE_WINDOWS["QuotientRule"].df_range, "f'"
    )
    stops: tuple[float, ...] = _stops(COURSE_WINDOWS["QuotientRule"].stops)

    def fit(self) -> None:
        """Both parts depend on x."""
        _part(
            "w",
            self.w,
            "then w / z is a constant times 1/z, not a quotient of two functions",
        )
        z = _part("z", self.z, "then w / z is a constant multiple, not a quotient")
        if sp.simplify(z) == 0:  # pragma: no cover - has(X) excludes it
            raise ParamError("z", "is identically zero")

    def result(self) -> Differentiation:
        """w / z by the quotient rule."""
        return quotient_rule(self.w, self.z)


@dataclass(frozen=True, slots=True)
class ChainRuleParams(Schema):
    """2.9 The Chain Rule."""

    scene: ClassVar[str] = "ChainRule"

    composite: str = param(
        COURSE_EXAMPLES[0],
        "the composite f(g(x)) worked out: a power or function of an inner function,"
        " such as (x^2 + 1)^3 or sin(3x)",
        kind="expr",
        required=True,
    )
    x0: float = param(
        TANGENT_DEMO[1],
        "where the rates are multiplied and the tangent is checked",
        kind="number",
        lo=-MAX_ABS_X,
        hi=MAX_ABS_X,
    )
    check_composite: str = param(
        TANGENT_DEMO[0],
        "the composite of the tangent check (a variant: its composite)",
        kind="expr",
        derived=True,
    )
    x_range: tuple[float, float, float] = param(
        CHAIN_CHECK_WINDOW[0],
        "x axis of the tangent check, around x0",
        kind="range",
        derived=True,
    )
    y_range: tuple[float, float, float] = param(
        CHAIN_CHECK_WINDOW[1],
        "y axis of the tangent check, sized from the composite",
        kind="range",
        derived=True,
    )

    @property
    def is_course(self) -> bool:
        """Whether this is the course example (three worked composites in the summary)."""
        return self.composite == COURSE_EXAMPLES[0]

    def check(self) -> None:
        """The composite decomposes, is finite at x0 and around it, and has a slope there."""
        try:
            decompose(_parsed("composite", self.composite))
            result = chain_rule(self.check_composite)
            point = result.evaluate(self.x0)
        except (ValueError, TypeError, ZeroDivisionError) as exc:
            raise ParamError(
                "composite", f"cannot be used at x0 = {self.x0:g}: {exc}"
            ) from None
        values = (point.y, point.u, point.dy_du, point.du_dx, point.slope)
        if not all(math.isfinite(v) for v in values):
            raise ParamError(
                "composite", f"is undefined or infinite at x0 = {self.x0:g}"
            )
        if any(abs(v) > MAX_ABS_VALUE for v in values):
            raise ParamError(
                "composite",
                f"has values over {MAX_ABS_VALUE:g} at x0 = {self.x0:g}: choose a smaller x0",
            )
        _values("composite", result.f, self.x_range[0], self.x_range[1], "x0")
        _check_ticks("y_range", self.y_range)

    def complete(self, given: frozenset[str]) -> Self:
        """A variant's composite is also its tangent check, on axes sized around x0."""
        if not given:
            return self
        try:
            decompose(_parsed("composite", self.composite))
            result = chain_rule(self.composite)
        except ValueError:
            raise ParamError(
                "composite",
                f"= {self.composite!r} is not a composite f(g(x)): give a power or a"
                " function of an inner function, such as (x^2 + 1)^3 or sin(3x)",
            ) from None
        lo, hi = self.x0 - 1.0, self.x0 + 1.0
        x_range = nice_range(lo, hi, ticks=4)
        ys = _values("composite", result.f, x_range[0], x_range[1], "x0")
        return dataclasses.replace(
            self,
            check_composite=self.composite,
            x_range=x_range,
            y_range=_axis_for(ys),
        )


RULE_SCHEMAS: Final[tuple[type[Schema], ...]] = (
    PowerRuleParams,
    ConstantMultipleRuleParams,
    SumRuleParams,
    ProductRuleParams,
    QuotientRuleParams,
    ChainRuleParams,
)
"""The rule scenes' schemas (registered in ``scenes.common.schemas.SCHEMAS``)."""

__all__ = [
    "RULE_SCHEMAS",
    "ChainRuleParams",
    "ConstantMultipleRuleParams",
    "PowerRuleParams",
    "ProductRuleParams",
    "QuotientRuleParams",
    "SumRuleParams",
    "rectangle_x",
]
