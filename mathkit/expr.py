"""Safe parsing of expression strings into sympy expressions.

``sympy.parse_expr`` runs ``eval`` on its input, so a string such as
``__import__('os').system(...)`` would execute. Here the string is parsed with
:mod:`ast` and only arithmetic, numbers, whitelisted names and whitelisted
functions are translated into sympy objects; anything else raises ``ValueError``.
"""

from __future__ import annotations

import ast
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
_MAX_LENGTH: Final = 500
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
        If the string is empty, too long, not valid syntax, or uses anything
        outside that whitelist (attributes, subscripts, unknown names, ...).
    """
    if not isinstance(text, str):
        raise ValueError(f"expression must be a string, got {type(text).__name__}")
    src = text.strip()
    if not src:
        raise ValueError("expression is empty")
    if len(src) > _MAX_LENGTH:
        raise ValueError(f"expression is longer than {_MAX_LENGTH} characters")
    src = _IMPLICIT_MUL.sub("*", src.replace("^", "**"))
    try:
        tree = ast.parse(src, mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"cannot parse expression {text!r}: {exc.msg}") from None
    names = {v: symbol(v) for v in variables}
    return sp.sympify(_convert(tree.body, names, text))


def _convert(node: ast.AST, names: dict[str, sp.Symbol], text: str) -> sp.Expr:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
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
            ast.Pow: lambda a, b: a**b,
        }
        for op_type, fn in ops.items():
            if isinstance(node.op, op_type):
                return fn(left, right)
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
    return sp.latex(expr, order="lex")


def plain(expr: sp.Expr) -> str:
    """``expr`` as plain text for subtitles: ``375(x + 5)^2``, ``3u^2``, ``16x^3 + 64x``."""
    text = sp.sstr(expr, order="lex")
    text = text.replace("**", "^")
    text = re.sub(r"(?<=[0-9A-Za-z)])\*(?=[A-Za-z(])", "", text)
    return text.replace("*", "·")
