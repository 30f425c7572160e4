"""Computational-graph drawing: nodes, edges, forward values and gradient tags.

Pure ``get_*`` factories (no scene access, no ``play``). Numbers come from a
:class:`mathkit.autodiff.Graph`; the factories only format and place them.
Forward values use the curve colour, gradients the tangent (derivative) colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Animation,
    Arrow,
    Circle,
    Code,
    CurvedArrow,
    Mobject,
    RoundedRectangle,
    ShowPassingFlash,
    Text,
    VGroup,
    VMobject,
)

from mathkit.autodiff import Edge, Graph, NodeInfo
from scenes.common import numbers
from scenes.common.mobjects import get_card, get_tex, get_text
from scenes.common.theme import MONO_FONT, PALETTE, SIZES

OP_TEX: dict[str, str] = {
    "mul": r"\times",
    "add": "+",
    "sub": "-",
    "div": r"\div",
    "neg": "-",
    "exp": r"\exp",
    "log": r"\log",
    "sin": r"\sin",
    "cos": r"\cos",
    "tanh": r"\tanh",
    "sigmoid": r"\sigma",
}
"""TeX symbol drawn inside an operation node (``pow`` shows its exponent)."""

NODE_RADIUS = 0.36
LEAF_SIZE = (0.85, 0.7)


def fmt(value: float, places: int = 2) -> str:
    """A graph value: two decimals unless told, trailing zeros dropped (6.3, 60.37)."""
    return numbers.fmt(value, places)


def op_tex(node: NodeInfo) -> str:
    """The symbol of ``node``'s operation, e.g. ``\\times`` or ``(\\cdot)^{2}``."""
    if node.op == "pow":
        return rf"(\cdot)^{{{fmt(node.param or 0.0)}}}"
    return OP_TEX.get(node.op, node.op)


def get_leaf_node(tex: str, *, color: str | None = None) -> VGroup:
    """An input (leaf) of the graph: a rounded box with its name."""
    box = RoundedRectangle(
        corner_radius=0.12,
        width=LEAF_SIZE[0],
        height=LEAF_SIZE[1],
        stroke_color=color or PALETTE.curve,
        stroke_width=3,
        fill_color=PALETTE.surface,
        fill_opacity=1.0,
    )
    label = get_tex(tex, size=SIZES.tex_small, color=PALETTE.text)
    label.scale_to_fit_height(min(label.height, LEAF_SIZE[1] * 0.6)).move_to(box)
    group = VGroup(box, label)
    group.shape, group.label = box, label
    return group


def get_op_node(symbol: str, *, color: str | None = None) -> VGroup:
    """An operation of the graph: a circle with the operation's symbol."""
    circle = Circle(
        radius=NODE_RADIUS,
        stroke_color=color or PALETTE.accent,
        stroke_width=3,
        fill_color=PALETTE.surface,
        fill_opacity=1.0,
    )
    label = get_tex(symbol, size=SIZES.tex_small, color=PALETTE.text)
    if label.width > 1.5 * NODE_RADIUS:
        label.scale_to_fit_width(1.5 * NODE_RADIUS)
    label.move_to(circle)
    group = VGroup(circle, label)
    group.shape, group.label = circle, label
    return group


def get_edge(start: Mobject, end: Mobject, *, bend: float = 0.0) -> Arrow | CurvedArrow:
    """Arrow from node ``start`` to node ``end`` (curved when ``bend`` != 0)."""
    if bend:
        a = (
            start.get_center()
            + _unit(end.get_center() - start.get_center()) * NODE_RADIUS
        )
        b = (
            end.get_center()
            - _unit(end.get_center() - start.get_center()) * NODE_RADIUS
        )
        return CurvedArrow(
            a, b, angle=bend, color=PALETTE.muted, stroke_width=3, tip_length=0.18
        )
    return Arrow(
        start.get_center(),
        end.get_center(),
        buff=NODE_RADIUS + 0.04,
        color=PALETTE.muted,
        stroke_width=3,
        max_tip_length_to_length_ratio=0.2,
        tip_length=0.18,
    )


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n else v


def get_value_tag(
    value: float | str, node: Mobject, *, direction: np.ndarray = DOWN, places: int = 2
) -> Mobject:
    """A forward value next to ``node`` (curve colour)."""
    text = value if isinstance(value, str) else fmt(value, places)
    return get_tex(text, size=SIZES.tex_small, color=PALETTE.curve).next_to(
        node, direction, buff=0.15
    )


def get_grad_tag(
    value: float,
    node: Mobject,
    *,
    direction: np.ndarray = DOWN,
    places: int = 2,
    wrt: str | None = None,
) -> Mobject:
    """A gradient next to ``node`` in the derivative colour: ``nabla 15.54``, or with
    ``wrt`` (the node's TeX name) the partial it is, ``dC/d(wrt) = 15.54``."""
    text = (
        rf"\nabla\,{fmt(value, places)}"
        if wrt is None
        else rf"\partial C/\partial {wrt} = {fmt(value, places)}"
    )
    tag = get_tex(text, size=SIZES.tex_small, color=PALETTE.tangent)
    return tag.next_to(node, direction, buff=0.15)


def get_legend() -> VGroup:
    """Key for the tags: forward value (curve colour), gradient (tangent colour)."""
    value = get_text("value (forward)", size=SIZES.small, color=PALETTE.curve)
    grad = VGroup(
        get_tex(r"\nabla", size=SIZES.tex_small, color=PALETTE.tangent),
        get_text("gradient (backward)", size=SIZES.small, color=PALETTE.tangent),
    ).arrange(RIGHT, buff=0.15)
    return VGroup(value, grad).arrange(DOWN, aligned_edge=LEFT, buff=0.2)


def get_edge_label(
    text: str, edge: Mobject, *, side: np.ndarray = UP, at: float = 0.5
) -> Mobject:
    """A small label (a local derivative) beside ``edge``, ``at`` of the way along it."""
    label = get_tex(text, size=SIZES.tex_small, color=PALETTE.secant)
    return label.next_to(edge.point_from_proportion(at), side, buff=0.12)


class CompGraph(VGroup):
    """A drawn :class:`Graph`: ``nodes[label]`` and ``edges[(src, dst, slot)]``.

    Nodes are placed on a grid, ``layer`` columns left to right and ``rows``
    (label -> row, default 0) bottom to top; the whole drawing is centred.
    """

    def __init__(
        self,
        graph: Graph,
        names: Mapping[str, str],
        *,
        rows: Mapping[str, float] | None = None,
        columns: Mapping[str, float] | None = None,
        dx: float = 2.3,
        dy: float = 1.7,
        name_side: np.ndarray = UP,
    ) -> None:
        super().__init__()
        self.graph = graph
        rows = rows or {}
        columns = columns or {}
        self.nodes: dict[str, VGroup] = {}
        self.by_index: dict[int, VGroup] = {}
        self.name_tags: dict[str, Mobject] = {}
        node_group = VGroup()
        for n in graph.nodes:
            key = n.label or str(n.index)
            mob = (
                get_leaf_node(names.get(n.label, n.label))
                if n.is_leaf
                else get_op_node(op_tex(n))
            )
            col = columns.get(n.label, n.layer)
            mob.move_to(RIGHT * col * dx + UP * rows.get(n.label, 0) * dy)
            self.nodes[key] = mob
            self.by_index[n.index] = mob
            node_group.add(mob)
        edge_group = VGroup()
        self.edges: dict[tuple[int, int, int], Mobject] = {}
        for e in graph.edges:
            twins = [
                f for f in graph.edges if (f.source, f.target) == (e.source, e.target)
            ]
            bend = 0.0 if len(twins) == 1 else (0.6 if e.slot == 0 else -0.6)
            arrow = get_edge(
                self.by_index[e.source], self.by_index[e.target], bend=bend
            )
            self.edges[(e.source, e.target, e.slot)] = arrow
            edge_group.add(arrow)
        tag_group = VGroup()
        for n in graph.nodes:
            if not n.is_leaf and n.label in names:
                tag = get_tex(
                    names[n.label], size=SIZES.tex_small, color=PALETTE.subtle
                )
                tag.next_to(self.by_index[n.index], name_side, buff=0.08)
                self.name_tags[n.label] = tag
                tag_group.add(tag)
        self.node_group, self.edge_group, self.tag_group = (
            node_group,
            edge_group,
            tag_group,
        )
        self.add(edge_group, node_group, tag_group)
        self.move_to(ORIGIN)

    def node(self, label: str) -> VGroup:
        """The drawn node with this label."""
        return self.nodes[label]

    def edge(self, e: Edge) -> Mobject:
        """The drawn arrow of an :class:`Edge`."""
        return self.edges[(e.source, e.target, e.slot)]

    def edges_into(self, label: str) -> list[tuple[Edge, Mobject]]:
        """(edge, arrow) pairs ending at ``label``."""
        return [(e, self.edge(e)) for e in self.graph.edges_into(label)]


def get_comp_graph(
    graph: Graph,
    names: Mapping[str, str],
    *,
    rows: Mapping[str, float] | None = None,
    columns: Mapping[str, float] | None = None,
    dx: float = 2.3,
    dy: float = 1.7,
    name_side: np.ndarray = UP,
) -> CompGraph:
    """Draw ``graph``; ``names`` maps node labels to TeX (leaf names, op result names).

    Result names of operations sit on ``name_side`` of their node.
    """
    return CompGraph(
        graph, names, rows=rows, columns=columns, dx=dx, dy=dy, name_side=name_side
    )


def get_code_panel(code: str, *, size: int | None = None) -> Code:
    """Syntax-highlighted Python on a themed panel; ``panel.code_lines[i]`` is line i."""
    return Code(
        code_string=code,
        language="python",
        formatter_style="one-dark",
        add_line_numbers=False,
        background="rectangle",
        background_config={
            "fill_color": PALETTE.surface,
            "fill_opacity": 1.0,
            "stroke_color": PALETTE.overlay,
            "buff": 0.3,
            "corner_radius": 0.15,
        },
        paragraph_config={"font_size": size or SIZES.code, "font": MONO_FONT},
    )


def get_output_line(text: str) -> VGroup:
    """A printed result, as a terminal would show it (``>>> tensor(10.)``)."""
    prompt = get_text("Out:", size=SIZES.small, color=PALETTE.muted)
    out = Text(text, font=MONO_FONT, font_size=SIZES.label, color=PALETTE.tangent)
    return VGroup(prompt, out).arrange(RIGHT, buff=0.25)


def make_flow_animation(
    arrow: Mobject, *, backward: bool = False, run_time: float = 1.0
) -> Animation:
    """A flash running along ``arrow``: forward (values, curve colour) or backward
    (gradients, tangent colour, from head to tail)."""
    path = VMobject().set_points(arrow.points.copy())
    if backward:
        path.reverse_points()
    path.set_stroke(PALETTE.tangent if backward else PALETTE.curve, width=8)
    return ShowPassingFlash(path, time_width=0.6, run_time=run_time)


def torch_code(x0: float, power: float) -> str:
    """The course's PyTorch cells for y = x^power at x0 (content spec 3a)."""
    return "\n".join(
        (
            "import torch",
            f"x = torch.tensor({x0}).requires_grad_()",
            f"y = x**{fmt(power)}",
            "y.backward()",
            "x.grad",
        )
    )


def tf_code(x0: float, power: float) -> str:
    """The course's TensorFlow 2 cells for y = x^power at x0 (content spec 3b)."""
    return "\n".join(
        (
            "import tensorflow as tf",
            f"x = tf.Variable({x0})",
            "with tf.GradientTape() as t:",
            "    t.watch(x)",
            f"    y = x**{fmt(power)}",
            "t.gradient(y, x)",
        )
    )


def torch_output(grad: float) -> str:
    """How PyTorch prints a whole-number float gradient, e.g. ``tensor(10.)``."""
    return f"tensor({fmt(grad, 0)}.)"


def tf_output(grad: float) -> str:
    """How TensorFlow 2 shows a float32 scalar gradient."""
    return f"<tf.Tensor: shape=(), dtype=float32, numpy={grad:.1f}>"


def get_code_and_graph(
    code: str,
    graph: Graph,
    names: Mapping[str, str],
    *,
    rows: Mapping[str, float] | None = None,
    code_size: int = 24,
    graph_scale: float = 1.4,
    dx: float = 2.3,
) -> VGroup:
    """A code panel (left) and the graph it builds (right), side by side.

    Shared by the PyTorch and TensorFlow scenes. Parts: ``.code``, ``.graph``.
    """
    panel = get_code_panel(code, size=code_size)
    drawing = get_comp_graph(graph, names, rows=rows, dx=dx).scale(graph_scale)
    group = VGroup(panel, drawing).arrange(RIGHT, buff=0.8)
    group.code, group.graph = panel, drawing
    return group


class LayeredDiagram(VGroup):
    """Neuron columns: ``.cells[c][r]`` (a node) and ``.arrows[(c, r, r2)]``."""

    def __init__(
        self, cols: list[list[VGroup]], arrows: dict[tuple[int, int, int], Arrow]
    ) -> None:
        super().__init__(VGroup(*arrows.values()), *[VGroup(*col) for col in cols])
        self.cells, self.arrows = cols, arrows


def get_layered_diagram(
    columns: Sequence[Sequence[str]], *, dx: float = 2.6, dy: float = 1.6
) -> LayeredDiagram:
    """Neurons as leaf-style boxes in columns (a network drawn at the level of layers).

    ``columns`` lists TeX names per layer, top to bottom. The result has
    ``.cells[c][r]`` and ``.arrows[(c, r, r2)]`` for every pair of consecutive
    layers (fully connected).
    """
    cols: list[list[VGroup]] = []
    for c, names in enumerate(columns):
        nodes = [get_leaf_node(n, color=PALETTE.accent) for n in names]
        VGroup(*nodes).arrange(DOWN, buff=dy - LEAF_SIZE[1]).move_to(RIGHT * c * dx)
        cols.append(nodes)
    arrows: dict[tuple[int, int, int], Arrow] = {}
    for c in range(len(cols) - 1):
        for r, a in enumerate(cols[c]):
            for r2, b in enumerate(cols[c + 1]):
                arrows[(c, r, r2)] = Arrow(
                    a.get_right(),
                    b.get_left(),
                    buff=0.08,
                    color=PALETTE.muted,
                    stroke_width=3,
                    tip_length=0.18,
                )
    group = LayeredDiagram(cols, arrows)
    group.move_to(ORIGIN)
    return group


def get_product_card(lhs: str, factors: Sequence[str], result: str) -> VGroup:
    """Chain-rule product ``lhs = f1 . f2 = result`` on a card (tangent colour result)."""
    tex = get_tex(lhs, "=", r" \cdot ".join(factors), "=", result, size=SIZES.tex_small)
    tex[-1].set_color(PALETTE.tangent)
    return get_card(tex)


__all__ = [
    "LEFT",
    "CompGraph",
    "fmt",
    "get_code_and_graph",
    "get_code_panel",
    "get_comp_graph",
    "get_edge",
    "get_edge_label",
    "get_grad_tag",
    "get_layered_diagram",
    "get_leaf_node",
    "get_legend",
    "get_op_node",
    "get_output_line",
    "get_product_card",
    "get_value_tag",
    "make_flow_animation",
    "tf_code",
    "tf_output",
    "torch_code",
    "torch_output",
]
