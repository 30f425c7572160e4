"""The chain rule: split a composite y = f(g(x)) and differentiate it step by step.

dy/dx = dy/du * du/dx with u = g(x) (Stewart, *Calculus*, section 3.4). Every
step is returned as a sympy expression and as LaTeX so a scene can show the
working; tests check the result against ``sympy.diff`` and central differences.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from mathkit.expr import latex, parse, symbol
from mathkit.numeric import Tangent, compile_expr

X = symbol("x")
U = symbol("u")


@dataclass(frozen=True, slots=True)
class ChainStep:
    """One line of the working: a label and its LaTeX."""

    label: str
    latex: str


@dataclass(frozen=True, slots=True)
class ChainRuleResult:
    """The chain-rule decomposition of ``composite`` = outer(inner(x))."""

    composite: sp.Expr
    outer: sp.Expr  # f(u)
    inner: sp.Expr  # u(x)
    d_outer: sp.Expr  # f'(u), in u
    d_inner: sp.Expr  # u'(x)
    product: sp.Expr  # f'(u(x)) * u'(x), unsimplified
    expanded: sp.Expr
    factored: sp.Expr

    @property
    def derivative(self) -> sp.Expr:
        """dy/dx in simplest (expanded) form."""
        return self.expanded

    @property
    def preferred(self) -> sp.Expr:
        """The form the course writes the answer in.

        Factored when that is a constant times one power, as in 375(x + 5)^2;
        expanded otherwise, as in 16x^3 + 64x and 18x + 6.
        """
        return (
            self.factored if self.factored.as_coeff_Mul()[1].is_Pow else self.expanded
        )

    def steps(self) -> tuple[ChainStep, ...]:
        """The working, one LaTeX line per step."""
        return (
            ChainStep("composite", f"y = {latex(self.composite)}"),
            ChainStep("outer", f"y = {latex(self.outer)}"),
            ChainStep("inner", f"u = {latex(self.inner)}"),
            ChainStep("d_outer", rf"\frac{{dy}}{{du}} = {latex(self.d_outer)}"),
            ChainStep("d_inner", rf"\frac{{du}}{{dx}} = {latex(self.d_inner)}"),
            ChainStep(
                "product",
                rf"\frac{{dy}}{{dx}} = {latex(self.d_outer)} \cdot {latex(self.d_inner)}",
            ),
            ChainStep(
                "substituted",
                rf"\frac{{dy}}{{dx}} = {self.substituted_latex()}"
                rf" \cdot {_paren(self.d_inner)}",
            ),
            ChainStep("factored", rf"\frac{{dy}}{{dx}} = {latex(self.factored)}"),
            ChainStep("expanded", rf"\frac{{dy}}{{dx}} = {latex(self.expanded)}"),
        )

    def substituted_latex(self) -> str:
        """LaTeX of f'(u) with u written out as the inner function, unsimplified."""
        marker = sp.Symbol("INNERMARK")
        return latex(self.d_outer.subs(U, marker)).replace(
            "INNERMARK", _paren(self.inner)
        )

    def evaluate(self, x0: float) -> ChainPoint:
        """Values of the decomposition at x = x0 (exact where sympy can)."""
        if not sp.sympify(x0).is_real:
            raise ValueError(f"x0 must be a real number, got {x0!r}")
        u0 = self.inner.subs(X, x0)
        dy_du = float(self.d_outer.subs(U, u0))
        du_dx = float(self.d_inner.subs(X, x0))
        return ChainPoint(
            x=float(x0),
            y=float(self.composite.subs(X, x0)),
            slope=dy_du * du_dx,
            u=float(u0),
            dy_du=dy_du,
            du_dx=du_dx,
        )

    def f(self, x: float) -> float:
        """y(x) as a float, for plotting."""
        return float(compile_expr(self.composite, X, "scipy")(x))


@dataclass(frozen=True, slots=True)
class ChainPoint(Tangent):
    """The chain rule at one point: the tangent there, slope dy/dx = dy/du * du/dx."""

    u: float
    dy_du: float
    du_dx: float


def _paren(expr: sp.Expr) -> str:
    text = latex(expr)
    return f"\\left({text}\\right)" if isinstance(expr, sp.Add) else text


def decompose(composite: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    """Split ``composite`` into (outer in u, inner in x) at its outermost operation.

    A power g(x)**n gives (u**n, g); a function h(g(x)) gives (h(u), g); a
    constant times such a term keeps the constant on the outer function.
    """
    expr = sp.sympify(composite)
    coeff, rest = expr.as_coeff_Mul()
    if isinstance(rest, sp.Pow) and not rest.exp.has(X) and rest.base.has(X):
        return coeff * U**rest.exp, rest.base
    if isinstance(rest, sp.Function) and len(rest.args) == 1 and rest.args[0].has(X):
        return coeff * rest.func(U), rest.args[0]
    raise ValueError(
        f"{composite} is not a composite f(g(x)) with one outer power or function;"
        " pass outer= and inner= explicitly"
    )


def chain_rule(
    composite: str | None = None, *, outer: str | None = None, inner: str | None = None
) -> ChainRuleResult:
    """Differentiate a composite by the chain rule, keeping every step.

    Give either ``composite`` (e.g. ``"(5x + 25)^3"``), decomposed automatically
    at its outermost operation, or both ``outer`` (in ``u``) and ``inner`` (in ``x``).

    Raises
    ------
    ValueError
        For malformed expressions, or a composite that cannot be decomposed.
    """
    if composite is not None:
        if outer is not None or inner is not None:
            raise ValueError("give either composite or outer and inner, not both")
        whole = parse(composite, ("x",))
        f_u, g_x = decompose(whole)
    else:
        if outer is None or inner is None:
            raise ValueError("give a composite, or both outer and inner")
        f_u, g_x = parse(outer, ("u",)), parse(inner, ("x",))
        whole = f_u.subs(U, g_x)
    if not g_x.has(X):
        raise ValueError(f"inner function {g_x} does not depend on x")
    d_outer = sp.diff(f_u, U)
    d_inner = sp.diff(g_x, X)
    product = sp.Mul(d_outer.subs(U, g_x), d_inner, evaluate=False)
    return ChainRuleResult(
        composite=whole,
        outer=f_u,
        inner=g_x,
        d_outer=d_outer,
        d_inner=d_inner,
        product=product,
        expanded=sp.expand(d_outer.subs(U, g_x) * d_inner),
        factored=sp.factor(d_outer.subs(U, g_x) * d_inner),
    )


COURSE_EXAMPLES: tuple[str, ...] = ("(5x + 25)^3", "(2x^2 + 8)^2", "(3x + 1)^2")
"""The chain-rule examples of the course (content spec, table of rules)."""

TANGENT_DEMO: tuple[str, float] = ("(3x + 1)^2", 0.2)
"""Composite and point where the ChainRule scene draws its tangent.

(3x + 1)^2 is the course's "power rule on a function chain" example; at x = 0.2
the chain-rule product 2u * 3 = 2(1.6) * 3 = 9.6 is a slope that reads clearly.
"""
