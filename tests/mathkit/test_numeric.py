"""mathkit.numeric: the cached compiler, the finite-number check and the Tangent type."""

from __future__ import annotations

import math

import pytest

from mathkit import numeric
from mathkit.chain_rule import chain_rule
from mathkit.expr import parse, symbol
from mathkit.numeric import Tangent, compile_expr, finite

x = symbol("x")


def test_compile_expr_compiles_once_per_expression_and_backend() -> None:
    e = parse("x^3 - 2x")
    first = compile_expr(e, x, "math")
    assert compile_expr(e, x, "math") is first
    assert compile_expr(e, [x], "math") is first  # one variable, however given
    assert compile_expr(e, x, "numpy") is not first
    assert first(2.0) == pytest.approx(4.0)


def test_chain_rule_f_does_not_recompile_per_call() -> None:
    result = chain_rule("(3x + 1)^2")
    result.f(0.5)
    before = numeric._compiled.cache_info()
    for v in (0.1, 0.2, 0.3):
        result.f(v)
    after = numeric._compiled.cache_info()
    assert after.misses == before.misses
    assert after.hits == before.hits + 3


def test_compile_expr_rejects_an_unknown_backend() -> None:
    with pytest.raises(ValueError, match="backend must be one of"):
        compile_expr(x, x, "torch")  # type: ignore[arg-type]


def test_finite() -> None:
    assert finite("2.5", "h") == 2.5
    with pytest.raises(ValueError, match="h must be finite"):
        finite(math.inf, "h")
    with pytest.raises(ValueError, match="h must be finite"):
        finite(math.nan, "h")
    with pytest.raises(ValueError, match="h must be a real number"):
        finite("abc", "h")
    with pytest.raises(ValueError, match="h must be a real number"):
        finite(None, "h")


def test_tangent_line_through_its_point() -> None:
    t = Tangent(x=2.0, y=10.0, slope=6.0)
    assert t.intercept == -2.0
    assert t.at(2.0) == 10.0
    assert t.at(0.0) == t.intercept
    assert t.latex == "y = 6 x - 2"
    assert Tangent(-1.0, 1.0, 0.0).latex == "y = 1"
