"""A small reverse-mode automatic-differentiation engine (micrograd-like).

Every :class:`Node` keeps its operation, its inputs, its forward value, the
local derivative along each input edge and, after :meth:`Node.backward`, the
accumulated gradient of the output with respect to it. :func:`snapshot` freezes
the graph into immutable :class:`Graph` records (topological order, layers for
layout, per-edge chain-rule products) that scenes draw and animate.

Reverse mode: a forward pass stores values and local derivatives; the backward
pass seeds dC/dC = 1 and, visiting nodes in reverse topological order, adds
``grad(target) * local(edge)`` to the gradient of each input (the chain rule,
summed over every path). Reference: Baydin et al., "Automatic Differentiation
in Machine Learning: a Survey", JMLR 18 (2018), section 3.2; Karpathy's
micrograd (2020).

The builders reproduce the course graphs: y = x^2 at x = 5 (content spec 3a/3b),
the single-point regression cost (5c/5f), a tiny neural network and a small
differentiable program with a loop and a branch (3e).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from mathkit.data import (
    AUTODIFF_X,
    DELTA_POINT_X,
    INITIAL_B,
    INITIAL_M,
    REGRESSION_X,
    REGRESSION_Y,
    SINGLE_POINT_INDEX,
)
from mathkit.numeric import finite

FloatArray = npt.NDArray[np.float64]

OPS: Final[tuple[str, ...]] = (
    "input",
    "const",
    "add",
    "sub",
    "mul",
    "div",
    "neg",
    "pow",
    "exp",
    "log",
    "sin",
    "cos",
    "tanh",
    "sigmoid",
)
"""Every operation a node can hold ("input" and "const" are leaves)."""


class Node:
    """One scalar value in a computational graph.

    Parameters
    ----------
    value
        Forward value (finite float).
    label
        Name used by scenes and look-ups (``"x"``, ``"y_hat"``...).
    group
        Optional tag (a layer or neuron name) for drawing the graph collapsed.

    Build graphs with the arithmetic operators (``+ - * / **`` with a constant
    exponent, unary ``-``) and the methods :meth:`exp`, :meth:`log`, :meth:`sin`,
    :meth:`cos`, :meth:`tanh`, :meth:`sigmoid`. Plain numbers mixed in become
    ``"const"`` leaves.
    """

    __slots__ = ("grad", "group", "inputs", "label", "local", "op", "param", "value")

    def __init__(
        self,
        value: float,
        label: str = "",
        *,
        group: str = "",
        op: str = "input",
        inputs: tuple[Node, ...] = (),
        local: tuple[float, ...] = (),
        param: float | None = None,
    ) -> None:
        if op not in OPS:
            raise ValueError(f"unknown operation {op!r}")
        if len(inputs) != len(local):
            raise ValueError("each input edge needs exactly one local derivative")
        self.value = finite(value, f"value of {label or op}")
        self.grad = 0.0
        self.op = op
        self.inputs = inputs
        self.local = tuple(finite(d, f"local derivative of {op}") for d in local)
        self.label = label
        self.group = group
        self.param = param

    def __repr__(self) -> str:
        return f"Node({self.label or self.op}={self.value:g}, grad={self.grad:g})"

    # -- construction helpers -------------------------------------------------
    @staticmethod
    def lift(other: Node | float) -> Node:
        """``other`` itself if it is a node, else a ``"const"`` leaf holding it."""
        if isinstance(other, Node):
            return other
        v = finite(other, "constant")
        return Node(v, f"{v:g}", op="const")

    def _unary(self, op: str, value: float, d: float, label: str) -> Node:
        return Node(value, label, op=op, inputs=(self,), local=(d,), group=self.group)

    # -- binary operators -----------------------------------------------------
    def add(self, other: Node | float, label: str = "") -> Node:
        """a + b; local derivatives (1, 1)."""
        o = Node.lift(other)
        return Node(
            self.value + o.value, label, op="add", inputs=(self, o), local=(1.0, 1.0)
        )

    def sub(self, other: Node | float, label: str = "") -> Node:
        """a - b; local derivatives (1, -1)."""
        o = Node.lift(other)
        return Node(
            self.value - o.value, label, op="sub", inputs=(self, o), local=(1.0, -1.0)
        )

    def mul(self, other: Node | float, label: str = "") -> Node:
        """a * b; local derivatives (b, a)."""
        o = Node.lift(other)
        return Node(
            self.value * o.value,
            label,
            op="mul",
            inputs=(self, o),
            local=(o.value, self.value),
        )

    def div(self, other: Node | float, label: str = "") -> Node:
        """a / b; local derivatives (1/b, -a/b^2). Raises for b = 0."""
        o = Node.lift(other)
        if o.value == 0.0:
            raise ValueError("division by zero")
        return Node(
            self.value / o.value,
            label,
            op="div",
            inputs=(self, o),
            local=(1.0 / o.value, -self.value / o.value**2),
        )

    def pow(self, exponent: float, label: str = "") -> Node:
        """a^n for a constant n; local derivative n a^(n-1).

        Raises for a non-integer n with a negative base, and for 0 to a
        negative power (the value or derivative is not real/finite).
        """
        n = finite(exponent, "exponent")
        a = self.value
        if a < 0 and not n.is_integer():
            raise ValueError(f"negative base {a:g} to non-integer power {n:g}")
        if a == 0 and n < 1 and n != 0:
            raise ValueError(f"0 to the power {n:g} has no finite derivative")
        d = 0.0 if n == 0 else n * a ** (n - 1)
        return Node(a**n, label, op="pow", inputs=(self,), local=(d,), param=n)

    __add__ = add
    __sub__ = sub
    __mul__ = mul
    __truediv__ = div

    def __radd__(self, other: float) -> Node:
        return Node.lift(other).add(self)

    def __rsub__(self, other: float) -> Node:
        return Node.lift(other).sub(self)

    def __rmul__(self, other: float) -> Node:
        return Node.lift(other).mul(self)

    def __rtruediv__(self, other: float) -> Node:
        return Node.lift(other).div(self)

    def __pow__(self, exponent: float) -> Node:
        if isinstance(exponent, Node):
            raise ValueError("only constant exponents are supported")
        return self.pow(exponent)

    def __neg__(self) -> Node:
        return self._unary("neg", -self.value, -1.0, "")

    # -- unary functions --------------------------------------------------------
    def exp(self, label: str = "") -> Node:
        """e^a; local derivative e^a."""
        if self.value > 700:
            raise ValueError(f"exp({self.value:g}) overflows")
        e = math.exp(self.value)
        return self._unary("exp", e, e, label)

    def log(self, label: str = "") -> Node:
        """ln a for a > 0; local derivative 1/a."""
        if self.value <= 0:
            raise ValueError(f"log of non-positive value {self.value:g}")
        return self._unary("log", math.log(self.value), 1.0 / self.value, label)

    def sin(self, label: str = "") -> Node:
        """sin a; local derivative cos a."""
        return self._unary("sin", math.sin(self.value), math.cos(self.value), label)

    def cos(self, label: str = "") -> Node:
        """cos a; local derivative -sin a."""
        return self._unary("cos", math.cos(self.value), -math.sin(self.value), label)

    def tanh(self, label: str = "") -> Node:
        """tanh a; local derivative 1 - tanh^2 a."""
        t = math.tanh(self.value)
        return self._unary("tanh", t, 1.0 - t * t, label)

    def sigmoid(self, label: str = "") -> Node:
        """s(a) = 1 / (1 + e^-a); local derivative s(a)(1 - s(a))."""
        a = self.value
        s = 1.0 / (1.0 + math.exp(-a)) if a >= 0 else math.exp(a) / (1.0 + math.exp(a))
        return self._unary("sigmoid", s, s * (1.0 - s), label)

    def named(self, label: str, group: str | None = None) -> Node:
        """Set this node's label (and group); returns the node for chaining."""
        self.label = label
        if group is not None:
            self.group = group
        return self

    # -- reverse pass -----------------------------------------------------------
    def backward(self) -> Graph:
        """Gradient of this node with respect to every node of its graph.

        Resets all gradients, seeds d(self)/d(self) = 1 and propagates in reverse
        topological order, accumulating over every path (a node used twice, as
        in x * x, receives both contributions). Returns :func:`snapshot`.
        """
        order = topological_order(self)
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            for parent, d in zip(node.inputs, node.local, strict=True):
                parent.grad += node.grad * d
        return snapshot(self)


def topological_order(output: Node) -> list[Node]:
    """Nodes the output depends on, inputs before the nodes that use them.

    Iterative depth-first post-order (Cormen et al., *Introduction to
    Algorithms*, 3rd ed., section 22.4); each node appears once.
    """
    order: list[Node] = []
    seen: set[int] = set()
    stack: list[tuple[Node, bool]] = [(output, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.append((node, True))
        for parent in reversed(node.inputs):
            if id(parent) not in seen:
                stack.append((parent, False))
    return order


# -- immutable snapshot ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class NodeInfo:
    """One node frozen after the backward pass.

    ``depth`` is the longest path from a leaf (leaves 0). ``layer`` is the
    column to draw it in: ``depth`` for operations, and for a leaf one less than
    the earliest node that uses it (so m sits just before "x m").
    """

    index: int
    label: str
    op: str
    value: float
    grad: float
    inputs: tuple[int, ...]
    local: tuple[float, ...]
    depth: int
    layer: int
    group: str
    param: float | None

    @property
    def is_leaf(self) -> bool:
        """True for inputs and constants."""
        return not self.inputs


@dataclass(frozen=True, slots=True)
class Edge:
    """Edge source -> target with its share of the chain rule.

    ``contribution = upstream * local`` is what this edge adds to the source's
    gradient, with ``upstream`` the target's gradient.
    """

    source: int
    target: int
    slot: int
    local: float
    upstream: float

    @property
    def contribution(self) -> float:
        """upstream * local: this path's term of d(output)/d(source)."""
        return self.upstream * self.local


@dataclass(frozen=True, slots=True)
class Graph:
    """A computational graph frozen after the backward pass (output last)."""

    nodes: tuple[NodeInfo, ...]

    @property
    def output(self) -> NodeInfo:
        """The node the gradients are taken of."""
        return self.nodes[-1]

    def __getitem__(self, label: str) -> NodeInfo:
        """The node with this label (ValueError if absent or ambiguous)."""
        found = [n for n in self.nodes if n.label == label]
        if len(found) != 1:
            raise ValueError(f"{len(found)} nodes labelled {label!r}")
        return found[0]

    @property
    def edges(self) -> tuple[Edge, ...]:
        """Every input edge, in topological order of the targets."""
        return tuple(
            Edge(src, n.index, slot, d, n.grad)
            for n in self.nodes
            for slot, (src, d) in enumerate(zip(n.inputs, n.local, strict=True))
        )

    def edges_into(self, label: str) -> tuple[Edge, ...]:
        """Edges whose target is the node labelled ``label``."""
        i = self[label].index
        return tuple(e for e in self.edges if e.target == i)

    def edge(self, source: str, target: str) -> Edge:
        """The (first) edge from node ``source`` to node ``target``."""
        s, t = self[source].index, self[target].index
        for e in self.edges:
            if e.source == s and e.target == t:
                return e
        raise ValueError(f"no edge {source!r} -> {target!r}")

    @property
    def layers(self) -> tuple[tuple[NodeInfo, ...], ...]:
        """Nodes grouped by ``layer``, left to right."""
        n_layers = max(n.layer for n in self.nodes) + 1
        return tuple(
            tuple(n for n in self.nodes if n.layer == k) for k in range(n_layers)
        )

    def backward_order(self) -> tuple[NodeInfo, ...]:
        """Nodes in the order the backward pass finalises them (output first)."""
        return tuple(reversed(self.nodes))


def snapshot(output: Node) -> Graph:
    """Freeze the graph of ``output`` (values, gradients, layout layers)."""
    order = topological_order(output)
    index = {id(n): i for i, n in enumerate(order)}
    depth: list[int] = []
    for n in order:
        depth.append(1 + max(depth[index[id(p)]] for p in n.inputs) if n.inputs else 0)
    users: dict[int, list[int]] = {}
    for i, n in enumerate(order):
        for p in n.inputs:
            users.setdefault(index[id(p)], []).append(i)
    layer = [
        max(0, min(depth[u] for u in users[i]) - 1)
        if not n.inputs and i in users
        else depth[i]
        for i, n in enumerate(order)
    ]
    return Graph(
        tuple(
            NodeInfo(
                index=i,
                label=n.label,
                op=n.op,
                value=n.value,
                grad=n.grad,
                inputs=tuple(index[id(p)] for p in n.inputs),
                local=n.local,
                depth=depth[i],
                layer=layer[i],
                group=n.group,
                param=n.param,
            )
            for i, n in enumerate(order)
        )
    )


# -- dense layers -------------------------------------------------------------------
Activation = Callable[[Node], Node]

ACTIVATIONS: Final[dict[str, Activation]] = {
    "sigmoid": Node.sigmoid,
    "tanh": Node.tanh,
    "identity": lambda n: n,
}


def dense(
    inputs: Sequence[Node],
    weights: npt.ArrayLike,
    biases: npt.ArrayLike,
    *,
    activation: str = "sigmoid",
    name: str = "h",
) -> list[Node]:
    """A dense layer of scalar nodes: a_j = act(sum_i W[j, i] x_i + b_j).

    ``weights`` has shape (n_out, n_in) and ``biases`` shape (n_out,). Weights
    and biases become input leaves labelled ``{name}.w{j}{i}`` / ``{name}.b{j}``;
    output j is labelled ``{name}{j}`` (1-based) and every node of neuron j is
    tagged with that group, so the layer can be drawn collapsed.
    Reference: Goodfellow, Bengio and Courville, *Deep Learning* (2016), 6.5.
    """
    w = np.asarray(weights, dtype=np.float64)
    b = np.asarray(biases, dtype=np.float64)
    if not inputs:
        raise ValueError("dense layer needs at least one input")
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}")
    if w.ndim != 2 or w.shape[1] != len(inputs):
        raise ValueError(f"weights shape {w.shape} does not match {len(inputs)} inputs")
    if b.shape != (w.shape[0],):
        raise ValueError(f"biases shape {b.shape} does not match {w.shape[0]} outputs")
    if not (np.all(np.isfinite(w)) and np.all(np.isfinite(b))):
        raise ValueError("weights and biases must be finite")
    outputs: list[Node] = []
    for j in range(w.shape[0]):
        group = f"{name}{j + 1}"
        total = Node(float(b[j]), f"{name}.b{j + 1}", group=group)
        for i, x in enumerate(inputs):
            wij = Node(float(w[j, i]), f"{name}.w{j + 1}{i + 1}", group=group)
            total = total.add(wij.mul(x).named("", group)).named("", group)
        total.named(f"{name}{j + 1}.z", group)
        outputs.append(ACTIVATIONS[activation](total).named(group, group))
    return outputs


# -- course graphs --------------------------------------------------------------------
def square_graph(x: float = AUTODIFF_X) -> Graph:
    """y = x^2 at x (course: x = 5 gives y = 25, dy/dx = 2x = 10; spec 3a/3b)."""
    xn = Node(x, "x")
    return xn.pow(2, "y").backward()


def running_graph(x: float = DELTA_POINT_X) -> Graph:
    """f(x) = x^2 + 2x + 2 (the running function, spec 2a/4) as a graph, at x.

    Nodes: ``x``, ``x2`` = x^2, ``2x``, ``s`` = x^2 + 2x and ``f`` = s + 2. At
    x = 2: f = 10 and df/dx = 2x + 2 = 6 (the tangent slope of the review, 4.1).
    """
    xn = Node(x, "x")
    square = xn.pow(2, "x2")
    double = xn.mul(2.0, "2x")
    return square.add(double, "s").add(2.0, "f").backward()


def single_point_graph(
    i: int = SINGLE_POINT_INDEX, m: float = INITIAL_M, b: float = INITIAL_B
) -> Graph:
    """Quadratic cost of one regression point, C = (m x_i + b - y_i)^2.

    Nodes: x, m -> ``mx`` (x) ; + b -> ``y_hat`` ; - y -> ``u`` ; ^2 -> ``C``.
    Course values at i = 7, m = 0.9, b = 0.1 (spec 5c/5f): mx = 6.3, y_hat = 6.4,
    u = 7.77, C = 60.3729; dC/du = 2u = 15.54 = dC/dy_hat = dC/db, dC/dm = 108.78.
    """
    if not 0 <= i < len(REGRESSION_X):
        raise ValueError(f"point index {i} outside 0..{len(REGRESSION_X) - 1}")
    xn = Node(REGRESSION_X[i], "x")
    mn = Node(m, "m")
    bn = Node(b, "b")
    yn = Node(REGRESSION_Y[i], "y")
    mx = mn.mul(xn, "mx")
    y_hat = mx.add(bn, "y_hat")
    u = y_hat.sub(yn, "u")
    return u.pow(2, "C").backward()


# A tiny 1-2-1 network on the same regression point [PROPOSED, spec 5f "extend to a
# layer"]: sigmoid hidden layer, linear output, quadratic cost. Weights are small
# made-up values so the sigmoids are not saturated at x = 7.
TINY_W1: Final[tuple[tuple[float, ...], ...]] = ((0.3,), (-0.2,))
TINY_B1: Final[tuple[float, ...]] = (-1.0, 0.5)
TINY_W2: Final[tuple[tuple[float, ...], ...]] = ((0.8, -0.6),)
TINY_B2: Final[tuple[float, ...]] = (0.1,)


def network_graph(
    x: Sequence[float],
    target: float,
    layers: Sequence[tuple[npt.ArrayLike, npt.ArrayLike, str]],
) -> Graph:
    """Quadratic cost of a small multilayer network, C = (a_L - target)^2.

    ``layers`` lists (W, b, activation) per layer; the last layer must have one
    output. Hidden neuron j is labelled ``h{j}`` with one hidden layer, else
    ``h{k}_{j}`` for layer k; the output is ``y_hat``; inputs are ``x`` (one) or
    ``x1, x2, ...``; the target is ``y`` and the cost is ``C``.
    """
    if not x:
        raise ValueError("network needs at least one input")
    if not layers:
        raise ValueError("network needs at least one layer")
    tgt = finite(target, "target")
    acts: list[Node] = [
        Node(v, f"x{i + 1}" if len(x) > 1 else "x", group="input")
        for i, v in enumerate(x)
    ]
    for k, (w, b, act) in enumerate(layers):
        last = k == len(layers) - 1
        hidden = "h" if len(layers) == 2 else f"h{k + 1}_"
        acts = dense(acts, w, b, activation=act, name="out" if last else hidden)
    if len(acts) != 1:
        raise ValueError(f"last layer must have one output, has {len(acts)}")
    y_hat = acts[0].named("y_hat")
    u = y_hat.sub(Node(tgt, "y", group="target"), "u")
    return u.pow(2, "C").backward()


def tiny_network_graph(i: int = SINGLE_POINT_INDEX) -> Graph:
    """The 1-2-1 sigmoid network (TINY_* weights) on regression point i."""
    if not 0 <= i < len(REGRESSION_X):
        raise ValueError(f"point index {i} outside 0..{len(REGRESSION_X) - 1}")
    return network_graph(
        [REGRESSION_X[i]],
        REGRESSION_Y[i],
        [(TINY_W1, TINY_B1, "sigmoid"), (TINY_W2, TINY_B2, "identity")],
    )


# -- a differentiable program -------------------------------------------------------------
PROGRAM_X: Final = 1.5
"""Input of the loop-and-branch program [PROPOSED, spec 3e]: x = 1.5."""
PROGRAM_STEPS: Final = 3
PROGRAM_THRESHOLD: Final = 2.0


@dataclass(frozen=True, slots=True)
class ProgramTrace:
    """The unrolled graph of :func:`loop_program` and the branch taken each step."""

    graph: Graph
    branches: tuple[str, ...]  # "square" or "halve", one per loop iteration


def loop_program(
    x: float = PROGRAM_X,
    steps: int = PROGRAM_STEPS,
    threshold: float = PROGRAM_THRESHOLD,
) -> ProgramTrace:
    """Run ``for k in range(steps): v = v*v if v < threshold else v/2`` on nodes.

    The branch is ordinary control flow; only the operations taken enter the
    graph, so the gradient is that of the unrolled straight-line program (the
    "define-by-run" idea of PyTorch; Baydin et al. 2018, section 4). At x = 1.5
    with 3 steps and threshold 2: 1.5 -> 2.25 -> 1.125 -> 1.265625 and
    dv3/dx = (2 * 1.125)(0.5)(2 * 1.5) = 3.375. Intermediate values are
    labelled v1, v2, ...; the last is also the output.
    """
    if steps < 1:
        raise ValueError(f"steps must be positive, got {steps}")
    thr = finite(threshold, "threshold")
    v = Node(x, "x")
    branches: list[str] = []
    for k in range(steps):
        if v.value < thr:
            v = v.mul(v, f"v{k + 1}")
            branches.append("square")
        else:
            v = v.div(2.0, f"v{k + 1}")
            branches.append("halve")
    return ProgramTrace(v.backward(), tuple(branches))


# -- one hidden neuron's backward step, for display -----------------------------------------
@dataclass(frozen=True, slots=True)
class NeuronStep:
    """The backward pass through one sigmoid neuron h = s(z), z = w x + ... + b.

    ``slope`` is the sigmoid's local derivative h (1 - h); ``dz = dh * slope``
    is dC/dz (also dC/db, the bias entering z with local derivative 1) and
    ``dw = dz * x`` is the gradient of the weight on input ``x``.
    """

    dh: float
    h: float
    slope: float
    dz: float
    x: float
    w: float
    b: float
    dw: float
    db: float


def neuron_step(graph: Graph, neuron: str = "h1", source: str = "x") -> NeuronStep:
    """The sigma-prime step of sigmoid neuron ``neuron`` and its weight from ``source``.

    Read from a :func:`network_graph` snapshot: the neuron ``h{j}`` (op sigmoid),
    its pre-activation ``h{j}.z``, its bias ``h.b{j}`` and the weight
    ``h.w{j}{i}`` on the input labelled ``source`` (the i-th input). Raises
    ValueError if the neuron is not a sigmoid or the weight is absent.
    """
    h = graph[neuron]
    if h.op != "sigmoid":
        raise ValueError(f"{neuron!r} is a {h.op} node, not a sigmoid neuron")
    z = graph[f"{neuron}.z"]
    j = neuron[1:]
    src = graph[source]
    weights = [
        n
        for n in graph.nodes
        if n.label.startswith(f"h.w{j}")
        and any(
            p.op == "mul" and set(p.inputs) == {n.index, src.index} for p in graph.nodes
        )
    ]
    if len(weights) != 1:
        raise ValueError(f"no single weight from {source!r} into {neuron!r}")
    w = weights[0]
    bias = graph[f"h.b{j}"]
    return NeuronStep(
        dh=h.grad,
        h=h.value,
        slope=h.local[0],
        dz=z.grad,
        x=src.value,
        w=w.value,
        b=bias.value,
        dw=w.grad,
        db=bias.grad,
    )


def product_places(
    factors: Sequence[float], product: float, places: int, *, most: int = 6
) -> int:
    """Fewest decimals (``places`` to ``most``) for ``factors`` so that, rounded,
    they multiply out to ``product`` rounded to ``places``.

    A chain shown on screen (3.035 x 0.1874 = 0.569) then checks by hand: the
    product of the shown factors, rounded to the shown result's decimals, is the
    shown result. Whole-number factors are exact at any precision. Raises
    ValueError if no precision up to ``most`` works.
    """
    target = round(finite(product, "product"), places)
    for q in range(places, most + 1):
        shown = math.prod(round(finite(f, "factor"), q) for f in factors)
        if round(shown, places) == target:
            return q
    raise ValueError(f"the factors do not multiply out to {target} at <= {most} places")
