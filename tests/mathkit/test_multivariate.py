"""Tests for mathkit.multivariate against sympy, central differences, sklearn and the spec."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from mathkit import multivariate as mv
from tests.mathkit.oracles import partial_difference

FINITE = st.floats(min_value=-5, max_value=5, allow_nan=False, allow_infinity=False)
POSITIVE = st.floats(min_value=0.1, max_value=10, allow_nan=False, allow_infinity=False)


# -- symbolic partials against sympy.diff ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "sym_expr"),
    [
        ("x^2 - y^2", lambda x, y: x**2 - y**2),
        ("x*y^3 + sin(x)", lambda x, y: x * y**3 + sp.sin(x)),
        ("exp(x*y) / (1 + y^2)", lambda x, y: sp.exp(x * y) / (1 + y**2)),
    ],
)
def test_partials_match_sympy_diff(text, sym_expr):
    x, y = sp.symbols("x y", real=True)
    ref = sym_expr(x, y)
    p = mv.partial_derivatives(text, ("x", "y"))
    for d, var in zip(p.derivatives, (x, y), strict=True):
        assert sp.simplify(d - sp.diff(ref, var)) == 0
    h = mv.hessian(text, ("x", "y"))
    for i, vi in enumerate((x, y)):
        for j, vj in enumerate((x, y)):
            assert sp.simplify(h.matrix[i][j] - sp.diff(ref, vi, vj)) == 0
    assert h.is_symmetric


def test_y_cubed_has_zero_x_partial():
    # the slides' remark: d/dx of y^3 is 0 (content spec 5a)
    p = mv.partial_derivatives("x^2 + y^3", ("x", "y"))
    assert p.derivatives[0] == 2 * sp.Symbol("x", real=True)


@settings(max_examples=50)
@given(FINITE, FINITE)
def test_gradient_matches_central_differences(x0, y0):
    expr = "x^2*y - 3x*y^2 + sin(x + y)"

    def f(x, y):
        return x**2 * y - 3 * x * y**2 + math.sin(x + y)

    grad = mv.gradient(expr, ("x", "y"), (x0, y0))
    for i in range(2):
        assert grad[i] == pytest.approx(
            partial_difference(f, (x0, y0), i), rel=1e-6, abs=1e-6
        )


@settings(max_examples=30)
@given(FINITE, FINITE)
def test_hessian_matches_central_differences_of_gradient(x0, y0):
    expr = "x^3*y + y^2*x"
    p = mv.partial_derivatives(expr, ("x", "y"))
    h = mv.hessian(expr, ("x", "y")).at((x0, y0))
    for i in range(2):

        def gi(x, y, i=i):
            return p.at((x, y))[i]

        for j in range(2):
            assert h[i][j] == pytest.approx(
                partial_difference(gi, (x0, y0), j), rel=1e-5, abs=1e-5
            )


# -- saddle slices and table (content spec 5a) -------------------------------------------
def test_saddle_slices_match_notebook():
    along_x, along_y = mv.saddle_slice_tangents()
    assert [(t.x, t.y) for t in along_x] == [(-2, 4), (-1, 1), (0, 0), (1, 1), (2, 4)]
    assert [t.slope for t in along_x] == [-4, -2, 0, 2, 4]
    assert [(t.x, t.y) for t in along_y] == [(-2, 0), (-1, 3), (0, 4), (1, 3), (2, 0)]
    assert [t.slope for t in along_y] == [4, 2, 0, -2, -4]
    # tangent line through (x0, z0) with slope m: z = m x + (z0 - m x0)
    t = along_y[1]
    assert t.slope * t.x + t.intercept == pytest.approx(t.y)
    assert along_x[4].intercept == pytest.approx(4 - 4 * 2)


def test_slice_latex_and_function():
    assert mv.saddle_y_direction().latex() == "4 - y^{2}"
    assert mv.saddle_x_direction().latex() == "x^{2}"
    g = mv.saddle_y_direction().function()
    assert g(1.5) == pytest.approx(4 - 1.5**2)


@settings(max_examples=30)
@given(FINITE, FINITE)
def test_slice_slope_is_the_partial(x0, t):
    s = mv.slice_of(mv.SADDLE, ("x", "y"), "y", {"x": x0})
    tan = s.tangent(t)
    assert tan.y == pytest.approx(x0**2 - t**2, abs=1e-9)
    assert tan.slope == pytest.approx(
        partial_difference(lambda y: x0**2 - y**2, (t,), 0), abs=1e-6
    )


def test_exercise_table_matches_spec():
    rows = mv.saddle_exercises()
    got = [(r.z, r.dz_dx, r.dz_dy) for r in rows]
    assert got == [(9, 6, 0), (-5, 4, -6), (-5, -4, 6)]


# -- cylinder (content spec 5a, 5g) -------------------------------------------------------
def test_cylinder_matches_notebook():
    c = mv.cylinder()
    assert c.v == pytest.approx(141.3717, abs=5e-5)
    assert c.dv_dl == pytest.approx(28.2743, abs=5e-5)
    assert c.dv_dr == pytest.approx(94.2478, abs=5e-5)
    # v(3,6) - v(3,5) = 28.2743 exactly, since v is linear in l
    assert mv.cylinder(3, 6).v - c.v == pytest.approx(28.2743, abs=5e-5)
    # finite difference with dr = 1e-6 as in the notebook: 94.24779531741478
    assert (mv.cylinder(3 + 1e-6, 5).v - c.v) / 1e-6 == pytest.approx(94.2478, abs=1e-3)
    assert c.d2v_drdl == c.d2v_dldr == pytest.approx(6 * math.pi)
    assert f"{c.d2v_drdl:.3f}" == "18.850"
    assert c.d2v_dr2 == pytest.approx(10 * math.pi)
    assert c.d2v_dl2 == 0
    exact = mv.hessian(mv.CYLINDER, mv.CYLINDER_VARS).exact_at((3, 5))
    assert exact[0][1] == exact[1][0] == 6 * sp.pi
    assert exact[0][0] == 10 * sp.pi


@settings(max_examples=30)
@given(POSITIVE, POSITIVE)
def test_cylinder_against_central_differences(r, l):  # noqa: E741
    c = mv.cylinder(r, l)

    def v(r, l):  # noqa: E741
        return math.pi * r**2 * l

    assert c.dv_dr == pytest.approx(partial_difference(v, (r, l), 0), rel=1e-6)
    assert c.dv_dl == pytest.approx(partial_difference(v, (r, l), 1), rel=1e-6)


def test_ordered_latex_matches_course_form():
    p = mv.partial_derivatives(mv.CYLINDER, mv.CYLINDER_VARS)
    order = mv.CYLINDER_VARS
    assert mv.ordered_latex(p.expr, order) == r"\pi r^{2} l"
    assert mv.ordered_latex(p.derivatives[0], order) == r"2 \pi r l"
    assert mv.ordered_latex(p.derivatives[1], order) == r"\pi r^{2}"
    assert mv.ordered_latex(-p.expr, order) == r"-\pi r^{2} l"
    # a sum is left to sympy's printer; the expression itself is unchanged
    assert mv.ordered_latex(sp.sympify("x + 1"), order) == "x + 1"
    assert sp.latex(p.expr) == r"\pi l r^{2}"


# -- second-derivative test -----------------------------------------------------------------
def test_saddle_hessian_is_indefinite():
    h = mv.hessian(mv.SADDLE, ("x", "y"))
    assert h.at((0, 0)) == ((2, 0), (0, -2))
    assert h.latex() == r"\begin{bmatrix} 2 & 0 \\ 0 & -2 \end{bmatrix}"
    assert mv.classify_hessian(h.at((0, 0))) == "saddle"


@pytest.mark.parametrize(
    ("matrix", "kind"),
    [
        (((2, 0), (0, 2)), "minimum"),
        (((-2, 1), (1, -3)), "maximum"),
        (((1, 2), (2, 1)), "saddle"),
        (((1, 1), (1, 1)), "inconclusive"),
    ],
)
def test_classify_hessian_matches_eigenvalues(matrix, kind):
    eig = np.linalg.eigvalsh(np.array(matrix, dtype=float))
    expected = (
        "inconclusive"
        if np.any(np.isclose(eig, 0))
        else "minimum"
        if np.all(eig > 0)
        else "maximum"
        if np.all(eig < 0)
        else "saddle"
    )
    assert expected == kind
    assert mv.classify_hessian(matrix) == kind


def test_course_critical_points():
    pts = mv.course_critical_points()
    assert [(p.x, p.y) for p in pts] == [(-1.5, 1.75), (1.5, 6.25), (0, 6)]
    assert [p.second_derivative for p in pts] == [2, -2, 0]
    assert [p.test for p in pts] == ["minimum", "maximum", "inconclusive"]
    assert [p.kind for p in pts] == ["minimum", "maximum", "inflection"]
    # cross-check the locations with scipy's scalar minimiser
    from scipy.optimize import minimize_scalar

    assert minimize_scalar(lambda x: x**2 + 3 * x + 4).x == pytest.approx(
        -1.5, abs=1e-6
    )
    assert minimize_scalar(lambda x: x**2 - 3 * x - 4).x == pytest.approx(1.5, abs=1e-6)
    assert pts[2].d2_latex == "6 x"


def test_higher_order_test_on_x4():
    (p,) = mv.critical_points("x^4")
    assert (p.test, p.kind) == ("inconclusive", "minimum")


# -- single-point chain (content spec 5b/5c) -------------------------------------------------
def test_single_point_chain_matches_notebook():
    c = mv.single_point_chain()
    assert c.y_hat == pytest.approx(6.4)
    assert c.cost == pytest.approx(60.3729)
    assert c.dc_dm.value == pytest.approx(108.78)
    assert c.dc_db.value == pytest.approx(15.54)
    assert c.gradient == pytest.approx((15.54, 108.78))
    assert c.dc_dyhat.value * c.dyhat_dm.value == pytest.approx(c.dc_dm.value)


@settings(max_examples=50)
@given(FINITE, FINITE, FINITE, FINITE)
def test_single_point_chain_against_sympy(x0, y0, m0, b0):
    x, y, m, b = sp.symbols("x y m b", real=True)
    cost = (m * x + b - y) ** 2
    vals = {x: x0, y: y0, m: m0, b: b0}
    c = mv.single_point_chain(x0, y0, m0, b0)
    assert c.dc_dm.value == pytest.approx(float(sp.diff(cost, m).subs(vals)), abs=1e-9)
    assert c.dc_db.value == pytest.approx(float(sp.diff(cost, b).subs(vals)), abs=1e-9)


# -- bad input ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: mv.partial_derivatives("x^2", ()), "variables is empty"),
        (lambda: mv.partial_derivatives("x^2", ("x", "x")), "duplicates"),
        (lambda: mv.partial_derivatives("x^2", ("1x",)), "not a valid identifier"),
        (lambda: mv.partial_derivatives("x^2 + z", ("x", "y")), "unknown name"),
        (
            lambda: mv.partial_derivatives("__import__('os')", ("x",)),
            "unsupported syntax",
        ),
        (
            lambda: mv.gradient("x*y", ("x", "y"), (1.0,)),
            "1 coordinates but there are 2",
        ),
        (lambda: mv.gradient("x*y", ("x", "y"), (1.0, float("nan"))), "finite"),
        (lambda: mv.gradient("1/x", ("x",), (0.0,)), "finite real"),
        (lambda: mv.slice_of("x*y", ("x", "y"), "z", {"y": 0}), "free variable"),
        (lambda: mv.slice_of("x*y", ("x", "y"), "x", {}), "exactly the other"),
        (lambda: mv.saddle_y_direction().tangents(()), "ts is empty"),
        (lambda: mv.saddle_exercises(()), "points is empty"),
        (lambda: mv.cylinder(-3, 5), "must be positive"),
        (lambda: mv.cylinder(3, float("inf")), "l must be finite"),
        (lambda: mv.classify_hessian(((1, 2), (3, 4))), "symmetric"),
        (lambda: mv.classify_hessian(((1, 2, 3),)), "2 x 2"),
        (lambda: mv.classify_second_derivative(float("nan")), "finite"),
        (lambda: mv.critical_points("x + 1"), "no real critical point"),
        (lambda: mv.single_point_chain(float("nan"), 1, 1, 1), "x must be finite"),
    ],
)
def test_bad_input_raises(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_point_partials_match_sympy_and_the_saddle_table() -> None:
    rows = mv.point_partials("x*y^2 + sin(x)", ("x", "y"), [(1.0, 2.0), (0.0, -1.0)])
    x, y = sp.symbols("x y", real=True)
    f = x * y**2 + sp.sin(x)
    for r in rows:
        at = {x: r.x, y: r.y}
        assert r.z == pytest.approx(float(f.subs(at)))
        assert r.dz_dx == pytest.approx(float(sp.diff(f, x).subs(at)))
        assert r.dz_dy == pytest.approx(float(sp.diff(f, y).subs(at)))
    assert mv.saddle_exercises() == mv.point_partials(
        mv.SADDLE, mv.SADDLE_VARS, mv.SADDLE_EXERCISES
    )
    with pytest.raises(ValueError, match="finite"):
        mv.point_partials("1/x + y", ("x", "y"), [(0.0, 1.0)])


def test_mixed_difference_converges_to_the_mixed_partial_at_order_h() -> None:
    """For the cylinder the forward difference is exactly pi (2r + h): error pi h
    (to rounding, which grows like eps / h^2)."""
    r, length = 3.0, 5.0
    exact = 2 * math.pi * r
    for h in (1.0, 0.1, 0.01, 0.001):
        est = mv.mixed_difference(mv.CYLINDER, mv.CYLINDER_VARS, (r, length), h)
        assert est - exact == pytest.approx(math.pi * h, rel=1e-4)
    # symmetric: stepping the variables in the other order gives the same estimate
    swapped = mv.mixed_difference("pi*r^2*l", ("l", "r"), (length, r), 0.01)
    assert swapped == pytest.approx(
        mv.mixed_difference(mv.CYLINDER, mv.CYLINDER_VARS, (r, length), 0.01)
    )
    with pytest.raises(ValueError, match="positive"):
        mv.mixed_difference(mv.CYLINDER, mv.CYLINDER_VARS, (r, length), 0.0)


# -- the saddle's wireframe, slices on it and their curvatures (5g) -----------------
def test_wireframe_samples_the_surface():
    from mathkit.data import SADDLE, SADDLE_SQUARE

    w = mv.surface_wireframe(
        SADDLE, mv.SADDLE_VARS, SADDLE_SQUARE, SADDLE_SQUARE, lines=11, samples=9
    )
    assert len(w.along_x) == len(w.along_y) == 11
    np.testing.assert_allclose(w.xs, np.linspace(-2, 2, 11))
    for y, line in zip(w.ys, w.along_x, strict=True):
        assert line.shape == (9, 3)
        np.testing.assert_allclose(line[:, 1], y)
        np.testing.assert_allclose(line[:, 2], line[:, 0] ** 2 - y**2)
    for x, line in zip(w.xs, w.along_y, strict=True):
        np.testing.assert_allclose(line[:, 0], x)
        np.testing.assert_allclose(line[:, 2], x**2 - line[:, 1] ** 2)
    # the corners of the square: z = 0 on the diagonals
    assert w.along_x[0][0].tolist() == [-2, -2, 0]


def test_wireframe_refuses_bad_input():
    with pytest.raises(ValueError, match="increase"):
        mv.surface_wireframe("x*y", ("x", "y"), (1, 0), (0, 1), lines=3, samples=3)
    with pytest.raises(ValueError, match="at least 2"):
        mv.surface_wireframe("x*y", ("x", "y"), (0, 1), (0, 1), lines=1, samples=3)
    with pytest.raises(ValueError, match="not finite"):
        mv.surface_wireframe("1/x", ("x", "y"), (-1, 1), (0, 1), lines=3, samples=3)


@pytest.mark.parametrize(
    ("free", "fixed", "curv"), [("x", {"y": 0.0}, 2.0), ("y", {"x": 0.0}, -2.0)]
)
def test_saddle_slice_curvatures_are_the_hessian_diagonal(free, fixed, curv):
    from mathkit.data import SADDLE

    sl = mv.slice_of(SADDLE, mv.SADDLE_VARS, free, fixed)
    h = mv.hessian(SADDLE, mv.SADDLE_VARS).at((0.0, 0.0))
    k = mv.SADDLE_VARS.index(free)
    for t in (-1.5, 0.0, 2.0):
        assert sl.curvature(t) == curv == h[k][k]


def test_slice_curvature_matches_sympy_second_derivative():
    x = sp.Symbol("x", real=True)
    sl = mv.slice_of("x^3*y + sin(x)", ("x", "y"), "x", {"y": 2.0})
    ref = sp.diff(2 * x**3 + sp.sin(x), x, 2)
    for t in (-1.0, 0.3, 2.0):
        assert sl.curvature(t) == pytest.approx(float(ref.subs(x, t)), rel=1e-12)


def test_slice_points_lie_on_the_surface():
    sl = mv.slice_of("x^2 - y^2", ("x", "y"), "y", {"x": 0.5})
    pts = sl.points(("x", "y"), [-2.0, 0.0, 1.0])
    np.testing.assert_allclose(pts, [[0.5, -2, -3.75], [0.5, 0, 0.25], [0.5, 1, -0.75]])
    const = mv.slice_of("x^2 - y^2 + 3", ("x", "y"), "x", {"y": 2.0})
    np.testing.assert_allclose(const.points(("x", "y"), [1.0])[0], [1, 2, 0])
    with pytest.raises(ValueError, match="slice's"):
        sl.points(("x", "z"), [0.0])
    with pytest.raises(ValueError, match="finite"):
        sl.points(("x", "y"), [float("nan")])
