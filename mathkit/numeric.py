"""The numeric building blocks every mathkit module shares.

This module owns three small things, so that each exists once:

- :func:`compile_expr`: a sympy expression compiled to a Python function with
  ``sympy.lambdify``, once per (expression, variables, backend) and cached;
- :func:`finite`: the "must be a finite real number" check on one input value;
- :class:`Tangent`: a straight line through a point (x, y) with a slope, the type
  of every tangent (and secant line) mathkit returns.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import sympy as sp

from mathkit.expr import latex, symbol

Backend = Literal["math", "numpy", "scipy"]
"""``"math"``: plain Python floats (the course notebook's arithmetic);
``"numpy"``: array-aware; ``"scipy"``: sympy's default (scipy, then numpy)."""

_MODULES: dict[str, tuple[str, ...]] = {
    "math": ("math",),
    "numpy": ("numpy",),
    "scipy": ("scipy", "numpy"),
}


def compile_expr(
    expr: sp.Expr,
    variables: sp.Symbol | Sequence[sp.Symbol],
    backend: Backend = "numpy",
) -> Callable[..., Any]:
    """``expr`` as a Python function of ``variables`` (``sympy.lambdify``), cached.

    The same expression, variables and backend return the same compiled function,
    so a function called per frame or per sample is compiled only once.

    Raises
    ------
    ValueError
        If ``backend`` is not one of ``math``, ``numpy``, ``scipy``.
    """
    if backend not in _MODULES:
        raise ValueError(f"backend must be one of {sorted(_MODULES)}, got {backend!r}")
    key = (variables,) if isinstance(variables, sp.Symbol) else tuple(variables)
    return _compiled(sp.sympify(expr), key, backend)


@lru_cache(maxsize=512)
def _compiled(
    expr: sp.Expr, variables: tuple[sp.Symbol, ...], backend: str
) -> Callable[..., Any]:
    args: sp.Symbol | tuple[sp.Symbol, ...] = (
        variables[0] if len(variables) == 1 else variables
    )
    fn: Callable[..., Any] = sp.lambdify(args, expr, list(_MODULES[backend]))
    return fn


def finite(value: object, name: str) -> float:
    """``value`` as a float, checked to be a finite real number.

    Raises
    ------
    ValueError
        ``"<name> must be a real number"`` if it is not a number,
        ``"<name> must be finite"`` if it is NaN or infinite.
    """
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a real number, got {value!r}") from None
    if not math.isfinite(v):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return v


@dataclass(frozen=True, slots=True)
class Tangent:
    """The straight line through (x, y) with ``slope``: y' = slope * x' + intercept.

    Every tangent mathkit returns (to a curve, a slice of a surface, a journey)
    and every secant's line is one of these.
    """

    x: float
    y: float
    slope: float

    @property
    def intercept(self) -> float:
        """y - slope * x: where the line crosses the vertical axis."""
        return self.y - self.slope * self.x

    def at(self, x: float) -> float:
        """The line's value at ``x``."""
        return self.slope * x + self.intercept

    @property
    def latex(self) -> str:
        """``y = m x + b`` in LaTeX, with zero terms left out (y = 6x - 2, y = 1)."""
        x = symbol("x")
        return "y = " + latex(
            sp.nsimplify(self.slope) * x + sp.nsimplify(self.intercept)
        )
