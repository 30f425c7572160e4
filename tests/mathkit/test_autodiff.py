"""Tests for mathkit.autodiff against sympy, central differences and the course figures."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from mathkit.autodiff import (
    Node,
    dense,
    loop_program,
    network_graph,
    single_point_graph,
    snapshot,
    square_graph,
    tiny_network_graph,
)
from tests.mathkit.oracles import central_difference

H = 1e-6
"""Central-difference step for these tests."""


# -- course figures (content spec 3a/3b, 5c/5f, Appendix A) ---------------------------
def test_square_graph_course_numbers() -> None:
    g = square_graph()
    assert g["y"].value == pytest.approx(25.0)
    assert g["x"].grad == pytest.approx(10.0)
    assert g.output.label == "y"
    assert g["y"].grad == 1.0


def test_single_point_forward_course_numbers() -> None:
    g = single_point_graph()
    assert g["mx"].value == pytest.approx(6.3)
    assert g["y_hat"].value == pytest.approx(6.4)
    assert g["u"].value == pytest.approx(7.77)
    assert g["C"].value == pytest.approx(60.3729)


def test_single_point_backward_course_numbers() -> None:
    g = single_point_graph()
    assert g["C"].grad == 1.0
    for label in ("u", "y_hat", "b", "mx"):
        assert g[label].grad == pytest.approx(15.54)
    assert g["m"].grad == pytest.approx(108.78)
    # the chain-rule product on the m edge: upstream 15.54 times local x = 7
    e = g.edge("m", "mx")
    assert e.local == pytest.approx(7.0)
    assert e.contribution == pytest.approx(108.78)


def test_single_point_matches_sympy() -> None:
    m, b, x, y = sp.symbols("m b x y")
    cost = (m * x + b - y) ** 2
    at = {m: 0.9, b: 0.1, x: 7, y: -1.37}
    g = single_point_graph()
    assert g["m"].grad == pytest.approx(float(sp.diff(cost, m).subs(at)))
    assert g["b"].grad == pytest.approx(float(sp.diff(cost, b).subs(at)))


def test_layers_for_layout() -> None:
    g = single_point_graph()
    assert [n.label for n in g.layers[-1]] == ["C"]
    assert g["m"].layer == 0
    assert g["mx"].layer == 1
    assert g["b"].layer == 1
    assert g["C"].depth == 4
    # topological: every input precedes its user
    for n in g.nodes:
        assert all(i < n.index for i in n.inputs)


# -- local derivatives against sympy.diff ---------------------------------------------------
_T = sp.Symbol("t")
UNARY = [
    ("exp", sp.exp(_T), lambda n: n.exp()),
    ("log", sp.log(_T), lambda n: n.log()),
    ("sin", sp.sin(_T), lambda n: n.sin()),
    ("cos", sp.cos(_T), lambda n: n.cos()),
    ("tanh", sp.tanh(_T), lambda n: n.tanh()),
    ("sigmoid", 1 / (1 + sp.exp(-_T)), lambda n: n.sigmoid()),
    ("neg", -_T, lambda n: -n),
    ("pow3", _T**3, lambda n: n**3),
    ("pow-half", _T ** sp.Rational(-1, 2), lambda n: n**-0.5),
]


@pytest.mark.parametrize(("name", "expr", "build"), UNARY, ids=[u[0] for u in UNARY])
@pytest.mark.parametrize("t0", [0.3, 1.7])
def test_unary_local_derivative_matches_sympy(name, expr, build, t0: float) -> None:
    out = build(Node(t0, "t"))
    assert out.value == pytest.approx(float(expr.subs(_T, t0)))
    assert out.local[0] == pytest.approx(float(sp.diff(expr, _T).subs(_T, t0)))


_A, _B = sp.symbols("a b")
BINARY = [
    ("add", _A + _B, lambda a, b: a + b),
    ("sub", _A - _B, lambda a, b: a - b),
    ("mul", _A * _B, lambda a, b: a * b),
    ("div", _A / _B, lambda a, b: a / b),
]


@pytest.mark.parametrize(("name", "expr", "build"), BINARY, ids=[b[0] for b in BINARY])
def test_binary_local_derivatives_match_sympy(name, expr, build) -> None:
    at = {_A: 1.3, _B: -0.7}
    out = build(Node(1.3, "a"), Node(-0.7, "b"))
    assert out.value == pytest.approx(float(expr.subs(at)))
    for d, sym in zip(out.local, (_A, _B), strict=True):
        assert d == pytest.approx(float(sp.diff(expr, sym).subs(at)))


def test_reflected_operators_with_constants() -> None:
    x = Node(2.0, "x")
    g = (3.0 - 1.0 / x + 2.0 * x + 1.0).backward()
    # d/dx (4 - 1/x + 2x) = 1/x^2 + 2
    assert g["x"].grad == pytest.approx(1 / 4 + 2)
    assert g.output.value == pytest.approx(3 - 0.5 + 4 + 1)


# -- accumulation -------------------------------------------------------------------------------
def test_reused_node_accumulates() -> None:
    x = Node(3.0, "x")
    g = x.mul(x, "y").backward()
    assert len(g.nodes) == 2  # x appears once
    assert g["x"].grad == pytest.approx(6.0)
    assert len(g.edges_into("y")) == 2
    assert sum(e.contribution for e in g.edges_into("y")) == pytest.approx(6.0)


def test_backward_twice_does_not_double() -> None:
    x = Node(3.0, "x")
    y = x * x * x
    y.backward()
    g = y.backward()
    assert g["x"].grad == pytest.approx(27.0)


# -- random compositions against central differences (hypothesis) -----------------------------------
SAFE_UNARY = ("sin", "cos", "tanh", "sigmoid", "exp_small", "square", "log1p_sq")


def _apply(op: str, v):
    """Apply op to a Node or to a float, identically."""
    if isinstance(v, Node):
        return {
            "sin": v.sin,
            "cos": v.cos,
            "tanh": v.tanh,
            "sigmoid": v.sigmoid,
            "exp_small": lambda: (v * 0.3).exp(),
            "square": lambda: v**2,
            "log1p_sq": lambda: (v * v + 1.0).log(),
        }[op]()
    return {
        "sin": math.sin,
        "cos": math.cos,
        "tanh": math.tanh,
        "sigmoid": lambda a: 1 / (1 + math.exp(-a)),
        "exp_small": lambda a: math.exp(0.3 * a),
        "square": lambda a: a**2,
        "log1p_sq": lambda a: math.log(a * a + 1.0),
    }[op](v)


@settings(max_examples=50)
@given(
    x0=st.floats(-2.0, 2.0),
    ops=st.lists(st.sampled_from(SAFE_UNARY), min_size=1, max_size=5),
    c=st.floats(0.5, 2.0),
)
def test_random_composition_matches_central_difference(
    x0: float, ops: list[str], c: float
) -> None:
    def f(x):
        v = x
        for op in ops:
            v = _apply(op, v)
        return v * c + x  # x reused: two paths to the input

    g = f(Node(x0, "x")).backward()
    assert g["x"].grad == pytest.approx(
        central_difference(f, x0, H), rel=1e-5, abs=1e-6
    )


@settings(max_examples=50)
@given(a=st.floats(0.2, 3.0), b=st.floats(0.2, 3.0))
def test_two_variable_gradient_matches_central_difference(a: float, b: float) -> None:
    def f(p, q):
        return (
            (p * q).sin() / (p + q) + (p / q).log()
            if isinstance(p, Node)
            else (math.sin(p * q) / (p + q) + math.log(p / q))
        )

    g = f(Node(a, "a"), Node(b, "b")).backward()
    assert g["a"].grad == pytest.approx(
        central_difference(lambda t: f(t, b), a, H), rel=1e-5, abs=1e-6
    )
    assert g["b"].grad == pytest.approx(
        central_difference(lambda t: f(a, t), b, H), rel=1e-5, abs=1e-6
    )


# -- tiny networks against finite differences ---------------------------------------------------------
def _numpy_net(x, layers, target):
    a = np.asarray(x, dtype=float)
    for w, b, act in layers:
        z = np.asarray(w) @ a + np.asarray(b)
        a = {
            "sigmoid": lambda t: 1 / (1 + np.exp(-t)),
            "tanh": np.tanh,
            "identity": lambda t: t,
        }[act](z)
    return float((a[0] - target) ** 2)


@settings(max_examples=20)
@given(seed=st.integers(0, 10_000))
def test_two_layer_network_gradients_match_finite_differences(seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=3)
    w1, b1 = rng.normal(size=(4, 3)), rng.normal(size=4)
    w2, b2 = rng.normal(size=(1, 4)), rng.normal(size=1)
    layers = [(w1, b1, "tanh"), (w2, b2, "identity")]
    g = network_graph(list(x), 0.5, layers)
    assert g["C"].value == pytest.approx(_numpy_net(x, layers, 0.5))
    for j in range(4):
        for i in range(3):

            def cost(t, j=j, i=i):
                w = w1.copy()
                w[j, i] = t
                return _numpy_net(x, [(w, b1, "tanh"), (w2, b2, "identity")], 0.5)

            assert g[f"h.w{j + 1}{i + 1}"].grad == pytest.approx(
                central_difference(cost, w1[j, i], H), rel=1e-4, abs=1e-7
            )
    for i in range(3):

        def cost_x(t, i=i):
            xx = x.copy()
            xx[i] = t
            return _numpy_net(xx, layers, 0.5)

        assert g[f"x{i + 1}"].grad == pytest.approx(
            central_difference(cost_x, x[i], H), rel=1e-4, abs=1e-7
        )


def test_tiny_network_output_bias_gradient_is_two_u() -> None:
    g = tiny_network_graph()
    # C = (y_hat - y)^2 with y_hat linear in out.b1: dC/db = 2 (y_hat - y)
    assert g["out.b1"].grad == pytest.approx(2 * (g["y_hat"].value - g["y"].value))
    assert {g["h1"].group, g["h2"].group} == {"h1", "h2"}


# -- the differentiable program --------------------------------------------------------------------------
def test_loop_program_trace_and_gradient() -> None:
    t = loop_program()
    assert t.branches == ("square", "halve", "square")
    g = t.graph
    assert [g[f"v{k}"].value for k in (1, 2, 3)] == pytest.approx(
        [2.25, 1.125, 1.265625]
    )
    # unrolled: v3 = ((x^2)/2)^2 = x^4 / 4, so dv3/dx = x^3 = 3.375 at 1.5
    assert g["x"].grad == pytest.approx(1.5**3)


@settings(max_examples=50)
@given(x0=st.floats(0.1, 3.0), steps=st.integers(1, 5))
def test_loop_program_matches_central_difference(x0: float, steps: int) -> None:
    def run(x: float) -> float:
        v = x
        for _ in range(steps):
            v = v * v if v < 2.0 else v / 2
        return v

    # skip points where a nearby input would flip a branch (the gradient is one-sided there)
    h = 1e-6
    trace = loop_program(x0, steps)
    if loop_program(x0 - h, steps).branches != trace.branches or (
        loop_program(x0 + h, steps).branches != trace.branches
    ):
        return
    assert trace.graph.output.value == pytest.approx(run(x0))
    assert trace.graph["x"].grad == pytest.approx(
        central_difference(run, x0, h), rel=1e-5, abs=1e-6
    )


# -- bad input ------------------------------------------------------------------------------------------------
def test_bad_input_raises() -> None:
    with pytest.raises(ValueError, match="log of non-positive"):
        Node(0.0).log()
    with pytest.raises(ValueError, match="log of non-positive"):
        Node(-1.0).log()
    with pytest.raises(ValueError, match="finite"):
        Node(float("nan"), "x")
    with pytest.raises(ValueError, match="finite"):
        Node(1.0) + float("inf")
    with pytest.raises(ValueError, match="division by zero"):
        Node(1.0) / 0.0
    with pytest.raises(ValueError, match="non-integer power"):
        Node(-2.0) ** 0.5
    with pytest.raises(ValueError, match="constant exponents"):
        Node(2.0) ** Node(2.0)
    with pytest.raises(ValueError, match="overflows"):
        Node(800.0).exp()
    with pytest.raises(ValueError, match="real number"):
        Node("abc")  # type: ignore[arg-type]


def test_dense_shape_errors() -> None:
    xs = [Node(1.0), Node(2.0)]
    with pytest.raises(ValueError, match="does not match 2 inputs"):
        dense(xs, np.ones((3, 3)), np.ones(3))
    with pytest.raises(ValueError, match="biases shape"):
        dense(xs, np.ones((3, 2)), np.ones(2))
    with pytest.raises(ValueError, match="at least one input"):
        dense([], np.ones((1, 0)), np.ones(1))
    with pytest.raises(ValueError, match="finite"):
        dense(xs, [[1.0, float("nan")]], [0.0])
    with pytest.raises(ValueError, match="unknown activation"):
        dense(xs, np.ones((1, 2)), np.ones(1), activation="relu6")
    with pytest.raises(ValueError, match="one output"):
        network_graph([1.0], 0.0, [(np.ones((2, 1)), np.ones(2), "tanh")])


def test_builder_errors() -> None:
    with pytest.raises(ValueError, match="outside"):
        single_point_graph(8)
    with pytest.raises(ValueError, match="steps must be positive"):
        loop_program(1.0, 0)
    g = snapshot(Node(1.0, "x") + Node(2.0, "x"))
    with pytest.raises(ValueError, match="2 nodes labelled 'x'"):
        g["x"]
    with pytest.raises(ValueError, match="no edge"):
        single_point_graph().edge("x", "C")


# -- the sigma-prime step of one hidden neuron (scene 5.6) --------------------------------
def _tiny_network_sympy():
    """C of the 1-2-1 network with the h1 weight and bias as symbols (sympy)."""
    from mathkit.autodiff import TINY_B1, TINY_B2, TINY_W1, TINY_W2
    from mathkit.data import REGRESSION_X, REGRESSION_Y, SINGLE_POINT_INDEX

    w, b, h = sp.symbols("w b h")
    x = sp.Float(REGRESSION_X[SINGLE_POINT_INDEX])
    y = sp.Float(REGRESSION_Y[SINGLE_POINT_INDEX])
    z1 = w * x + b
    h1 = 1 / (1 + sp.exp(-z1))
    h2 = 1 / (1 + sp.exp(-(TINY_W1[1][0] * x + TINY_B1[1])))
    y_hat = TINY_W2[0][0] * h + TINY_W2[0][1] * h2 + TINY_B2[0]
    cost_h = (y_hat - y) ** 2  # C as a function of h1's value
    cost = cost_h.subs(h, h1)
    point = {w: TINY_W1[0][0], b: TINY_B1[0]}
    return w, b, h, h1, cost_h, cost, point


def test_neuron_step_matches_sympy() -> None:
    from mathkit.autodiff import neuron_step

    w, b, h, h1, cost_h, cost, point = _tiny_network_sympy()
    s = neuron_step(tiny_network_graph(), "h1", "x")
    h_value = float(h1.subs(point))
    assert s.h == pytest.approx(h_value, rel=1e-12)
    assert s.dh == pytest.approx(float(sp.diff(cost_h, h).subs(h, h_value)), rel=1e-12)
    # sigma'(z) from sympy's derivative of the sigmoid, not from h(1 - h)
    assert s.slope == pytest.approx(float(sp.diff(h1, b).subs(point)), rel=1e-12)
    assert s.dz == pytest.approx(float(sp.diff(cost, b).subs(point)), rel=1e-12)
    assert s.db == s.dz
    assert s.dw == pytest.approx(float(sp.diff(cost, w).subs(point)), rel=1e-12)
    assert (s.x, s.w, s.b) == (7.0, 0.3, -1.0)
    # the chain the scene shows: dz = dh * h(1 - h), dw = dz * x
    assert s.dz == pytest.approx(s.dh * s.h * (1 - s.h), rel=1e-12)
    assert s.dw == pytest.approx(s.dz * s.x, rel=1e-12)


def test_neuron_step_second_neuron_and_errors() -> None:
    from mathkit.autodiff import neuron_step

    g = tiny_network_graph()
    s = neuron_step(g, "h2")
    assert s.dw == pytest.approx(g["h.w21"].grad)
    assert (s.w, s.b) == (-0.2, 0.5)
    with pytest.raises(ValueError, match="not a sigmoid"):
        neuron_step(g, "y_hat")
    with pytest.raises(ValueError, match="no single weight"):
        neuron_step(g, "h1", "y")


def test_product_places_course_chain() -> None:
    from mathkit.autodiff import neuron_step, product_places

    s = neuron_step(tiny_network_graph(), "h1")
    # dC/dw = 0.569 x 7 = 3.98 (0.57 x 7 = 3.99 would not check)
    assert product_places([s.dz, s.x], s.dw, 2) == 3
    assert round(round(s.dz, 2) * 7, 2) != round(s.dw, 2)
    assert round(round(s.dz, 3) * 7, 2) == round(s.dw, 2) == 3.98
    # dC/dz = 3.0348 x 0.1874 = 0.569
    assert product_places([s.dh, s.slope], s.dz, 3) == 4
    assert round(round(s.dh, 4) * round(s.slope, 4), 3) == round(s.dz, 3) == 0.569


def test_product_places_exact_and_refused() -> None:
    from mathkit.autodiff import product_places

    assert product_places([1.5, 2.0], 3.0, 2) == 2
    with pytest.raises(ValueError, match="do not multiply out"):
        product_places([1.0, 1.0], 2.0, 2)
