"""Independent numeric references the mathkit tests compare against.

This module owns the central-difference oracle, written once:
[f(x + h) - f(x - h)] / (2h), accurate to O(h^2) (Burden & Faires, *Numerical
Analysis*, section 4.1), and the same along one coordinate of a function of
several variables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

H = 1e-5
"""Default step: small enough for O(h^2) accuracy, large enough against rounding."""


def central_difference(f: Callable[[float], float], x: float, h: float = H) -> float:
    """Central difference of ``f`` at ``x``: [f(x + h) - f(x - h)] / (2h)."""
    return (f(x + h) - f(x - h)) / (2 * h)


def partial_difference(
    f: Callable[..., float], point: Sequence[float], i: int, h: float = H
) -> float:
    """Central difference of ``f(*point)`` along coordinate ``i``."""
    head, tail = list(point[:i]), list(point[i + 1 :])
    return central_difference(lambda t: f(*head, t, *tail), point[i], h)
