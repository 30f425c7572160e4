"""Safe parsing of expression strings into sympy expressions, and their text forms.

``sympy.parse_expr`` runs ``eval`` on its input, so a string such as
``__import__('os').system(...)`` would execute. Here the string is parsed with
:mod:`ast` and only arithmetic, numbers, whitelisted names and whitelisted
functions are translated into sympy objects; anything else raises ``ValueError``.

An expression may come from a user (a scene variant), so it is also bounded, and
every bound is checked *before* the work it limits is done: sympy evaluates
``9^9^9^9`` exactly, which would not finish. A string over a bound raises a
``ValueError`` that names the bound, within a fraction of a second:

==================  ======================================================  =========
bound               what it limits                                          value
==================  ======================================================  =========
``MAX_LENGTH``      characters in the string                                500
``MAX_DEPTH``       nesting depth: brackets, powers, function calls and     20
                    alternations of + and * (``a + b + c`` is one level)
``MAX_LITERAL``     magnitude of a number written in the string             10^15
``MAX_EXPONENT``    magnitude of a numeric exponent, also after sympy       100
                    combines powers (``(x^60)^2`` has exponent 120)
``MAX_DIGITS``      decimal digits of an exact number the parser builds     1000
                    (``99^99`` has 198; its size is estimated first)
==================  ======================================================  =========

The same module owns the course's text forms of an expression: :func:`latex` for
formulas and :func:`plain` for subtitles.
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Callable, Iterable
from typing import Final

import sympy as sp

_FUNCTIONS: Final[dict[str, Callable[..., sp.Expr]]] = {
    "sin": sp.sin,
    "cos": sp.cos,
    "tan": sp.tan,
    "exp": sp.exp,
    "log": sp.log,
    "ln": sp.log,
    "sqrt": sp.sqrt,
    "tanh": sp.tanh,
    "abs": sp.Abs,
}
_CONSTANTS: Final[dict[str, sp.Expr]] = {"pi": sp.pi, "e": sp.E}
MAX_LENGTH: Final = 500
MAX_DEPTH: Final = 20
MAX_LITERAL: Final = 10**15
MAX_EXPONENT: Final = 100
MAX_DIGITS: Final = 1000
# Implicit multiplication: "5x", "2(x+1)", "(x+1)(x-1)", "(x+1)x". A digit followed
# by e/E and an exponent is a number literal ("1e-3"), not 1 times e.
_IMPLICIT_MUL = re.compile(
    r"(?<=\d)\s*(?=(?![eE][+-]?\d)[A-Za-z(])"
    r"|(?<=\))\s*(?=[A-Za-z0-9(])"
)


def symbol(name: str) -> sp.Symbol:
    """Real-valued sympy symbol (the course works over the reals)."""
    return sp.Symbol(name, real=True)


def parse(text: str, variables: Iterable[str] = ("x",)) -> sp.Expr:
    """Parse ``text`` such as ``"(5x + 25)^3"`` into a sympy expression.

    Accepts numbers, the named ``variables``, ``pi`` and ``e``, the operators
    ``+ - * / ** ^``, implicit multiplication after a number or ``)`` (``5x``,
    ``2(x+1)``) and the functions sin, cos, tan, exp, log/ln, sqrt, tanh, abs.

    Raises
    ------
    ValueError
        If the string is empty, not valid syntax, undefined everywhere (``1/0``),
        uses anything outside that
        whitelist (attributes, subscripts, unknown names, ...), or is over one of
        the bounds in the module docstring (the message names the bound).
    """
    if not isinstance(text, str):
        raise ValueError(f"expression must be a string, got {type(text).__name__}")
    src = text.strip()
    if not src:
        raise ValueError("expression is empty")
    if len(src) > MAX_LENGTH:
        raise ValueError(
            f"expression is too long: {len(src)} characters, at most {MAX_LENGTH}"
            " (MAX_LENGTH)"
        )
    src = _IMPLICIT_MUL.sub("*", src.replace("^", "**"))
    try:
        tree = ast.parse(src, mode="eval")
    except (SyntaxError, MemoryError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, SyntaxError) else "nested too deeply"
        raise ValueError(f"cannot parse expression {text!r}: {msg}") from None
    shown = text if len(text) <= 40 else text[:37] + "..."
    depth = _depth(tree.body)
    if depth > MAX_DEPTH:
        raise ValueError(
            f"expression {shown!r} is nested too deeply: depth {depth},"
            f" at most {MAX_DEPTH} (MAX_DEPTH)"
        )
    names = {v: symbol(v) for v in variables}
    result = sp.sympify(_convert(tree.body, names, shown))
    if result.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise ValueError(
            f"expression {shown!r} is undefined everywhere (it divides by zero)"
        )
    return result


def _group(node: ast.AST) -> str:
    """The precedence group of an operator node: a chain within one group is flat."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub):
        return "+"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult | ast.Div):
        return "*"
    return type(node).__name__


def _depth(root: ast.AST) -> int:
    """Nesting depth of ``root``, iteratively (no recursion on hostile input).

    Every node below an operator, call or unary sign adds one level, except that
    an operand of the same + or * group as its parent does not: ``x + x + x``
    and ``2*3*x`` have depth 1 however long they are.
    """
    deepest = 0
    stack: list[tuple[ast.AST, int]] = [(root, 0)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.operator | ast.unaryop | ast.expr_context):
                continue
            same = isinstance(node, ast.BinOp) and _group(child) == _group(node)
            flat = same and _group(node) in "+*"
            stack.append((child, level if flat else level + 1))
    return deepest


def _digits(value: sp.Rational) -> int:
    """Decimal digits of the larger of numerator and denominator (an upper bound)."""
    bits = max(int(value.p).bit_length(), int(value.q).bit_length())
    return math.floor(bits * math.log10(2)) + 1


def _too_big(exponent: sp.Expr) -> bool:
    """A numeric exponent over MAX_EXPONENT in magnitude (or not finite)."""
    return bool(
        exponent.is_Number
        and (exponent.is_finite is not True or abs(exponent) > MAX_EXPONENT)
    )


def _check_exponents(expr: sp.Expr, text: str) -> None:
    for power in expr.atoms(sp.Pow):
        exponent = power.exp
        if _too_big(exponent):
            raise ValueError(
                f"exponent {_short(exponent)} in {text!r} is too big:"
                f" at most {MAX_EXPONENT} in magnitude (MAX_EXPONENT)"
            )


def _check_size(value: sp.Expr, text: str) -> sp.Expr:
    if value.is_Rational and _digits(value) > MAX_DIGITS:
        raise ValueError(
            f"a number in {text!r} is too big: over {MAX_DIGITS} digits (MAX_DIGITS)"
        )
    _check_exponents(value, text)
    return value


def _power(base: sp.Expr, exponent: sp.Expr, text: str) -> sp.Expr:
    """base ** exponent, refused before sympy evaluates anything too big."""
    if _too_big(exponent):
        raise ValueError(
            f"exponent {_short(exponent)} in {text!r} is too big:"
            f" at most {MAX_EXPONENT} in magnitude (MAX_EXPONENT)"
        )
    if base.is_Rational and exponent.is_Number and base not in (0, 1, -1):
        estimate = abs(float(exponent)) * _digits(base)
        if estimate > MAX_DIGITS:
            raise ValueError(
                f"{_short(base)}^{_short(exponent)} in {text!r} is too big:"
                f" about {estimate:.0f} digits, at most {MAX_DIGITS} (MAX_DIGITS)"
            )
    return _check_size(base**exponent, text)


def _short(value: sp.Expr) -> str:
    """A number for an error message, abbreviated if it is long."""
    if value.is_Rational and _digits(value) > 30:
        return f"(a number of about {_digits(value)} digits)"
    return str(value)


def _convert(node: ast.AST, names: dict[str, sp.Symbol], text: str) -> sp.Expr:
    if (
        isinstance(node, ast.Constant)
        and isinstance(node.value, int | float)
        and not isinstance(node.value, bool)
    ):
        if not math.isfinite(node.value) or abs(node.value) > MAX_LITERAL:
            raise ValueError(
                f"number {ast.unparse(node)} in {text!r} is too big:"
                f" at most 10^{round(math.log10(MAX_LITERAL))} (MAX_LITERAL)"
            )
        return (
            sp.nsimplify(node.value)
            if isinstance(node.value, float)
            else sp.Integer(node.value)
        )
    if isinstance(node, ast.Name):
        if node.id in names:
            return names[node.id]
        if node.id in _CONSTANTS:
            return _CONSTANTS[node.id]
        allowed = ", ".join(sorted(names)) or "none"
        raise ValueError(
            f"unknown name {node.id!r} in {text!r} (variables allowed: {allowed})"
        )
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = _convert(node.operand, names, text)
        return -inner if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp):
        left = _convert(node.left, names, text)
        right = _convert(node.right, names, text)
        ops: dict[type, Callable[[sp.Expr, sp.Expr], sp.Expr]] = {
            ast.Add: lambda a, b: a + b,
            ast.Sub: lambda a, b: a - b,
            ast.Mult: lambda a, b: a * b,
            ast.Div: lambda a, b: a / b,
            ast.Pow: lambda a, b: _power(a, b, text),
        }
        for op_type, fn in ops.items():
            if isinstance(node.op, op_type):
                return _check_size(fn(left, right), text)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in _FUNCTIONS
        and not node.keywords
        and len(node.args) == 1
    ):
        return _FUNCTIONS[node.func.id](_convert(node.args[0], names, text))
    raise ValueError(
        f"unsupported syntax in expression {text!r}: {ast.unparse(node)!r}"
    )


def latex(expr: sp.Expr) -> str:
    """LaTeX for ``expr`` in the course's style (descending powers)."""
    text: str = sp.latex(expr, order="lex")
    return text


def plain(expr: sp.Expr) -> str:
    """``expr`` as plain text for subtitles: ``375(x + 5)^2``, ``3u^2``, ``16x^3 + 64x``."""
    text = sp.sstr(expr, order="lex")
    text = text.replace("**", "^")
    text = re.sub(r"(?<=[0-9A-Za-z)])\*(?=[A-Za-z(])", "", text)
    return text.replace("*", "·")
