"""Numerical, symbolic and automatic differentiation agree where the course compares them.

Scenes 3.1 and 4.3 show the three methods side by side (content spec 3a, the
AutoDiff slide [3P-NOTES]): the delta method rounds, the rules and autodiff
are exact. References: sympy for the exact derivative; the float64 forward
difference is (f(x + h) - f(x)) / h = f'(x) + h f''(x)/2 + rounding.
"""

from __future__ import annotations

import pytest
import sympy as sp

from mathkit.autodiff import running_graph, square_graph
from mathkit.data import AUTODIFF_X, DELTA_DX_SMALL, DELTA_POINT_X, RUNNING_FUNCTION
from mathkit.differentiation import forward_difference
from mathkit.expr import parse
from mathkit.rules import differentiate


@pytest.mark.parametrize(
    ("expr", "x0", "graph"),
    [
        ("x^2", AUTODIFF_X, square_graph),
        (RUNNING_FUNCTION, DELTA_POINT_X, running_graph),
    ],
)
def test_three_methods(expr: str, x0: float, graph) -> None:  # type: ignore[no-untyped-def]
    f = parse(expr)
    (x,) = f.free_symbols
    exact = float(sp.diff(f, x).subs(x, x0))
    symbolic = differentiate(expr).simplified
    assert float(symbolic.subs(x, x0)) == exact
    g = graph(x0)
    assert g["x"].grad == exact  # autodiff: exact, no step
    assert g.output.value == float(f.subs(x, x0))
    numerical = forward_difference(expr, x0, DELTA_DX_SMALL)
    # the delta method is off by about h f''/2 = 1e-6 (f'' = 2), plus rounding
    assert numerical != exact
    assert numerical == pytest.approx(exact + DELTA_DX_SMALL, abs=1e-8)


def test_course_numbers() -> None:
    assert square_graph()["x"].grad == 10.0
    g = running_graph()
    assert (g.output.value, g["x"].grad) == (10.0, 6.0)
    assert (
        f"{forward_difference(RUNNING_FUNCTION, DELTA_POINT_X, DELTA_DX_SMALL):.6f}"
        == "6.000001"
    )
    assert f"{forward_difference('x^2', AUTODIFF_X, DELTA_DX_SMALL):.6f}" == "10.000001"
