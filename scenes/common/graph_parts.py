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
    MoveAlongPath,
    Rectangle,
    RoundedRectangle,
    ShowPassingFlash,
    Text,
    VGroup,
    VMobject,
)

from mathkit.autodiff import Edge, Graph, NodeInfo
from scenes.common import numbers
from scenes.common.mobjects import get_card, get_tex, get_text
from scenes.common.theme import MONO_FONT, PALETTE, SIZES, SPACE

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
        buff=NODE_RADIUS + SPACE.hair,
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
        node, direction, buff=SPACE.snug
    )


def get_grad_tag(
    value: float,
    node: Mobject,
    *,
    direction: np.ndarray = DOWN,
    places: int = 2,
    name: str | None = None,
    wrt: str | None = None,
) -> Mobject:
    """A gradient next to ``node`` in the derivative colour.

    With ``name`` (TeX, e.g. ``\\texttt{x.grad}`` or ``\\frac{dy}{dy}``) it reads
    ``name = value``; with ``wrt`` (the node's TeX name) the partial it is,
    ``dC/d(wrt) = value``; with neither, the older ``\\nabla value``.
    """
    if name is not None:
        text = rf"{name} = {fmt(value, places)}"
    elif wrt is not None:
        text = rf"\partial C/\partial {wrt} = {fmt(value, places)}"
    else:
        text = rf"\nabla\,{fmt(value, places)}"
    tag = get_tex(text, size=SIZES.tex_small, color=PALETTE.tangent)
    return tag.next_to(node, direction, buff=SPACE.snug)


def get_legend(*, symbol: bool = True) -> VGroup:
    """Key for the tags: forward value (curve colour), gradient (tangent colour).

    ``symbol=False`` leaves out the nabla (for tags that name their gradient).
    """
    value = get_text("value (forward)", size=SIZES.small, color=PALETTE.curve)
    words = get_text("gradient (backward)", size=SIZES.small, color=PALETTE.tangent)
    grad = (
        VGroup(
            get_tex(r"\nabla", size=SIZES.tex_small, color=PALETTE.tangent), words
        ).arrange(RIGHT, buff=SPACE.snug)
        if symbol
        else VGroup(words)
    )
    return VGroup(value, grad).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)


def get_edge_label(
    text: str, edge: Mobject, *, side: np.ndarray = UP, at: float = 0.5
) -> Mobject:
    """A small label (a local derivative) beside ``edge``, ``at`` of the way along it."""
    label = get_tex(text, size=SIZES.tex_small, color=PALETTE.secant)
    return label.next_to(edge.point_from_proportion(at), side, buff=SPACE.tight)


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
        twin_bend: float = 0.6,
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
            bend = (
                0.0 if len(twins) == 1 else (twin_bend if e.slot == 0 else -twin_bend)
            )
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
                tag.next_to(self.by_index[n.index], name_side, buff=SPACE.tight)
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
    twin_bend: float = 0.6,
) -> CompGraph:
    """Draw ``graph``; ``names`` maps node labels to TeX (leaf names, op result names).

    Result names of operations sit on ``name_side`` of their node. An input used
    twice (``v * v``) gets two arcs bent by +-``twin_bend`` (radians).
    """
    return CompGraph(
        graph,
        names,
        rows=rows,
        columns=columns,
        dx=dx,
        dy=dy,
        name_side=name_side,
        twin_bend=twin_bend,
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
    return VGroup(prompt, out).arrange(RIGHT, buff=SPACE.small)


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
    names: Mapping[str, str] | None = None,
    *,
    rows: Mapping[str, float] | None = None,
    code_size: int = 24,
    graph_scale: float = 1.4,
    dx: float = 2.3,
) -> VGroup:
    """A code panel (left) and the graph it builds (right), side by side.

    Shared by the PyTorch and TensorFlow scenes. Parts: ``.code``, ``.graph``.
    Without ``names`` every node is named by its own label (x, y).
    """
    if names is None:
        names = {n.label: n.label for n in graph.nodes if n.label}
    panel = get_code_panel(code, size=code_size)
    drawing = get_comp_graph(graph, names, rows=rows, dx=dx).scale(graph_scale)
    group = VGroup(panel, drawing).arrange(RIGHT, buff=SPACE.large)
    group.code, group.graph = panel, drawing
    return group


def get_line_highlight(
    panel: Code, index: int, *, color: str | None = None, opacity: float = 0.22
) -> Rectangle:
    """A bar behind line ``index`` of a code panel (the line being run).

    It spans the panel's background and is one line pitch high; it sits behind
    the code (z-index), so ``Transform`` it onto :func:`get_line_highlight` of
    another line to step through a program.
    """
    lines = panel.code_lines
    if not 0 <= index < len(lines):
        raise ValueError(f"line {index} outside 0..{len(lines) - 1}")
    centres = [float(line.get_center()[1]) for line in lines]
    pitch = abs(centres[0] - centres[1]) if len(lines) > 1 else lines[0].height
    background = panel.background
    bar = Rectangle(
        width=background.width - 0.16,
        height=pitch,
        stroke_width=0,
        fill_color=color or PALETTE.accent,
        fill_opacity=opacity,
    )
    bar.move_to([background.get_center()[0], centres[index], 0.0])
    background.set_z_index(-2)
    bar.set_z_index(-1)
    return bar


def get_token(text: str, *, color: str | None = None) -> Mobject:
    """A number that travels along the graph's edges (value forward, gradient back).

    Marked ``passing``: on its way it crosses labels on purpose, and the gate's
    halfway look (tools/layout_lint.py, ``layout-midway``) lets it.
    """
    token = get_tex(text, size=SIZES.tex_small, color=color or PALETTE.curve)
    token.passing = True
    return token


def make_travel(
    token: Mobject, arrow: Mobject, *, backward: bool = False, run_time: float = 1.0
) -> Animation:
    """Move ``token`` along ``arrow`` (head to tail when ``backward``)."""
    path = VMobject().set_points(arrow.points.copy())
    if backward:
        path.reverse_points()
    return MoveAlongPath(token, path, run_time=run_time)


def torch_training_code(lr: float, epochs: int) -> str:
    """The training loop of the course's *Regression in PyTorch* notebook (spec 3c).

    Line 0-1 make the optimizer, 2 starts the loop, 3 ``zero_grad``, 4-7 the four
    steps (forward pass, cost, ``backward``, ``step``).
    """
    return "\n".join(
        (
            "optimizer = torch.optim.SGD(",
            f"    [m, b], lr={lr:g})",
            f"for epoch in range({epochs}):",
            "    optimizer.zero_grad()",
            "    yhat = regression(x, m, b)",
            "    C = mse(yhat, y)",
            "    C.backward()",
            "    optimizer.step()",
        )
    )


def get_method_cards(
    entries: Sequence[tuple[str, str, Sequence[Mobject], str]], *, width: float = 3.9
) -> VGroup:
    """Numerical vs symbolic vs automatic differentiation: one card per method.

    Each entry is (heading, colour, body mobjects stacked under the heading,
    verdict); the cards are equally wide, top-aligned and side by side. Parts:
    ``.cards[i]``, ``.headings[i]``, ``.bodies[i]`` and ``.verdicts[i]``.
    """
    cards, headings, bodies, verdicts = VGroup(), VGroup(), VGroup(), VGroup()
    for heading, color, body, verdict in entries:
        head = get_text(heading, size=SIZES.label, color=color)
        if head.width > width - 0.4:
            head.scale_to_fit_width(width - 0.4)
        stack = VGroup(*body).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        if stack.width > width - 0.4:
            stack.scale_to_fit_width(width - 0.4)
        words = get_text(verdict, size=SIZES.small, color=PALETTE.subtle)
        if words.width > width - 0.4:
            words.scale_to_fit_width(width - 0.4)
        inner = VGroup(head, stack, words).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.medium
        )
        panel = RoundedRectangle(
            corner_radius=0.15,
            width=width,
            height=inner.height + 0.5,
            stroke_color=color,
            stroke_width=2,
            fill_color=PALETTE.surface,
            fill_opacity=0.6,
        )
        inner.move_to(panel).align_to(panel, LEFT).shift(RIGHT * 0.2)
        cards.add(VGroup(panel, inner))
        headings.add(head)
        bodies.add(stack)
        verdicts.add(words)
    top = max(c.height for c in cards)
    for card in cards:
        card[0].stretch_to_fit_height(top).align_to(card[1], UP).shift(UP * 0.25)
    cards.arrange(RIGHT, buff=SPACE.medium, aligned_edge=UP)
    cards.cards, cards.headings, cards.bodies, cards.verdicts = (
        list(cards),
        headings,
        bodies,
        verdicts,
    )
    return cards


class Tape(VGroup):
    """A tape of recorded operations: ``.strip`` (the empty tape) and ``.cells[i]``."""

    def __init__(self, strip: VGroup, cells: VGroup) -> None:
        super().__init__(strip, cells)
        self.strip, self.cells = strip, cells


def get_tape(records: Sequence[str], *, cell_width: float = 2.6) -> Tape:
    """A film-like strip with one cell per recorded operation (TeX in each cell).

    The strip (with sprocket holes along both edges) is drawn empty, so that the
    cells can be written onto it one by one as the forward pass runs.
    """
    cells = VGroup()
    for text in records:
        label = get_tex(text, size=SIZES.tex_small, color=PALETTE.curve)
        if label.width > cell_width - 0.3:
            label.scale_to_fit_width(cell_width - 0.3)
        box = RoundedRectangle(
            corner_radius=0.1,
            width=cell_width,
            height=0.9,
            stroke_color=PALETTE.curve,
            stroke_width=2,
            fill_color=PALETTE.surface,
            fill_opacity=1.0,
        )
        cells.add(VGroup(box, label.move_to(box)))
    cells.arrange(RIGHT, buff=SPACE.small)
    body = RoundedRectangle(
        corner_radius=0.12,
        width=cells.width + 0.5,
        height=1.5,
        stroke_color=PALETTE.overlay,
        stroke_width=2,
        fill_color=PALETTE.background,
        fill_opacity=1.0,
    ).move_to(cells)
    holes = VGroup()
    count = max(2, int(body.width / 0.35))
    for k in range(count):
        xk = body.get_left()[0] + (k + 0.5) * body.width / count
        for yk in (body.get_top()[1] - 0.15, body.get_bottom()[1] + 0.15):
            holes.add(
                RoundedRectangle(
                    corner_radius=0.03,
                    width=0.14,
                    height=0.1,
                    stroke_width=0,
                    fill_color=PALETTE.overlay,
                    fill_opacity=1.0,
                ).move_to([xk, yk, 0.0])
            )
    return Tape(VGroup(body, holes), cells)


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
                    buff=SPACE.tight,
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
    "Tape",
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
    "get_line_highlight",
    "get_method_cards",
    "get_op_node",
    "get_output_line",
    "get_product_card",
    "get_tape",
    "get_token",
    "get_value_tag",
    "make_flow_animation",
    "make_travel",
    "tf_code",
    "tf_output",
    "torch_code",
    "torch_output",
    "torch_training_code",
]
