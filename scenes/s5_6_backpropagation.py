"""5.6 Backpropagation.

Learning goal: see backpropagation as the chain rule run backwards through a
computational graph. On the single-point regression cost (i = 7, m = 0.9,
b = 0.1) the forward pass gives 6.3, 6.4, 7.77 and 60.37; the backward pass
multiplies local derivatives edge by edge to give dC/db = 15.54 and
dC/dm = 108.78. The same procedure then runs on a tiny neural network. Every
value comes from ``mathkit.autodiff``.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DL,
    DOWN,
    DR,
    LEFT,
    RIGHT,
    UL,
    UP,
    UR,
    AnimationGroup,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    Mobject,
    ReplacementTransform,
    VGroup,
    Write,
    config,
)

from mathkit.autodiff import single_point_graph, tiny_network_graph
from mathkit.data import SINGLE_POINT_INDEX
from mathkit.multivariate import single_point_chain
from scenes.common import numbers
from scenes.common.base import LectureScene
from scenes.common.graph_parts import (
    fmt,
    get_comp_graph,
    get_edge_label,
    get_grad_tag,
    get_layered_diagram,
    get_legend,
    get_product_card,
    get_value_tag,
    make_flow_animation,
)
from scenes.common.math_text import expr_words
from scenes.common.mobjects import get_card, get_tex
from scenes.common.surface_parts import get_title_block
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

NAMES = {
    "x": "x",
    "m": "m",
    "b": "b",
    "y": "y",
    "mx": "mx",
    "y_hat": r"\hat y",
    "u": "u",
    "C": "C",
}
ROWS = {"m": 1, "b": 1, "y": 1}
COLUMNS = {"m": 0.5, "b": 1.5, "y": 2.5, "C": 4.3}
LEAVES = ("x", "m", "b", "y")
FORWARD = ("mx", "y_hat", "u", "C")
# the backward pass: (node whose gradient is found, the node it comes from)
BACKWARD = (("u", "C"), ("y_hat", "u"), ("b", "y_hat"), ("mx", "y_hat"), ("m", "mx"))
PARTIAL = {
    "u": r"\frac{\partial C}{\partial u}",
    "y_hat": r"\frac{\partial C}{\partial \hat y}",
    "b": r"\frac{\partial C}{\partial b}",
    "mx": r"\frac{\partial C}{\partial (mx)}",
    "m": r"\frac{\partial C}{\partial m}",
}
# label side of each weight arrow (layer, from, to): away from the arrow's slope
WEIGHT_SIDES = {(0, 0, 0): UL, (0, 0, 1): DL, (1, 0, 0): UR, (1, 1, 0): DR}
LOCAL_TEX = {("u", "C"): "2u", ("m", "mx"): "x"}
STAGGERED = ("y_hat",)
"""Bottom-row nodes whose gradient tag sits a row lower (the tags are wider than the gaps)."""
NET_NAMES = {"C": "C", "y_hat": r"\hat y", "h1": "h_1", "h2": "h_2", "x": "x"}
"""TeX names of the network's nodes, for the gradient tags."""


class BackpropGraph(LectureScene):
    """Beats: title, graph, forward, seed, backward, gradient, network, summary."""

    def construct(self) -> None:
        g = single_point_graph()

        # -- title: the graph builds under the opening line -----------------------
        drawing = get_comp_graph(
            g, NAMES, rows=ROWS, columns=COLUMNS, dx=2.8, dy=1.6, name_side=UR
        )
        block = get_title_block(type(self))
        drawing.next_to(block, DOWN, buff=SPACE.section).set_x(0)
        power = numbers.fmt(g["C"].param or 0.0)
        self.opening(
            [
                Create(drawing.edge_group),
                FadeIn(drawing.node_group),
                FadeIn(drawing.tag_group),
            ],
            "Backpropagation computes every gradient of a cost in one backward sweep. "
            "Watch it on the course's single-point regression: the cost, "
            f"{expr_words(f'(mx + b - y)^{power}')}, broken into steps: multiply by m, add b,"
            " subtract y, square.",
        )
        title = self.title

        # -- forward -------------------------------------------------------------
        self.beat("forward")
        leaf_tags = VGroup(
            *[
                get_value_tag(
                    g[k].value, drawing.node(k), direction=UP if k in ROWS else DOWN
                )
                for k in LEAVES
            ]
        )
        self.narrate(
            f"Point i = {SINGLE_POINT_INDEX} of the data: x = {fmt(g['x'].value)},"
            f" y = {fmt(g['y'].value)}; "
            f"the starting parameters are m = {fmt(g['m'].value)} and b = {fmt(g['b'].value)}.",
            FadeIn(leaf_tags, lag_ratio=0.2),
            fill=True,
        )
        values = {}
        self.caption(
            "Forward pass: each node computes its value from its inputs, left to right."
        )
        for k in FORWARD:
            tag = get_value_tag(g[k].value, drawing.node(k))
            values[k] = tag
            flows = [
                make_flow_animation(a, run_time=0.8) for _, a in drawing.edges_into(k)
            ]
            self.play(*flows, FadeIn(tag, shift=RIGHT * 0.15), run_time=0.8)
        self.hold()
        self.narrate(
            f"mx = {fmt(g['mx'].value)}, the prediction y-hat = {fmt(g['y_hat'].value)}, "
            f"the error u = {fmt(g['u'].value)}, and the cost C = {fmt(g['C'].value)}.",
            Indicate(values["C"], color=PALETTE.curve),
            fill=True,
        )

        # -- seed ----------------------------------------------------------------
        self.beat("seed")
        legend = get_legend().to_corner(DOWN + LEFT, buff=EDGE_BUFF + SPACE.large)
        grads = {"C": get_grad_tag(g["C"].grad, values["C"], wrt="C")}
        overflow = grads["C"].get_right()[0] - (config.frame_width / 2 - EDGE_BUFF)
        if overflow > 0:
            grads["C"].shift(LEFT * overflow)
        self.narrate(
            f"The backward pass starts at the cost: dC/dC = {fmt(g['C'].grad)}.",
            FadeIn(grads["C"], shift=UP * 0.2),
            FadeIn(legend),
            fill=True,
        )

        # -- backward -------------------------------------------------------------
        self.beat("backward")
        self.narrate(
            "Each node passes back the gradient it received, times its local "
            "derivative along each edge.",
            LaggedStart(
                *[make_flow_animation(a, backward=True) for a in drawing.edge_group],
                lag_ratio=0.3,
            ),
            fill=True,
        )
        card = None
        locals_shown = VGroup()
        for k, parent in BACKWARD:
            e = g.edge(k, parent)
            arrow = drawing.edge(e)
            node_info = g[k]
            local_text = fmt(e.local)
            if (k, parent) in LOCAL_TEX:
                local_text = rf"{LOCAL_TEX[(k, parent)]} = {local_text}"
            side = UP if k not in ROWS else self._normal(arrow)
            local = get_edge_label(local_text, arrow, side=side)
            locals_shown.add(local)
            new_card = get_product_card(
                PARTIAL[k], (fmt(e.upstream), fmt(e.local)), fmt(node_info.grad)
            )
            # top right, beside the title: the graph's tags fill the bottom
            new_card.to_corner(UP + RIGHT, buff=EDGE_BUFF + SPACE.tight)
            anchor = drawing.node(k) if k in ROWS else values[k]
            # the parameters' gradients beside their values (above them is the title)
            direction = RIGHT if k in ROWS else DOWN
            if k in ROWS:
                anchor = leaf_tags[LEAVES.index(k)]
            if k in ROWS:
                # two rows beside the value, clear of the next leaf and the title
                grads[k] = (
                    VGroup(
                        get_tex(
                            rf"\partial C/\partial {NAMES[k]}",
                            size=SIZES.tex_small,
                            color=PALETTE.tangent,
                        ),
                        get_tex(
                            rf"= {fmt(node_info.grad)}",
                            size=SIZES.tex_small,
                            color=PALETTE.tangent,
                        ),
                    )
                    .arrange(DOWN, aligned_edge=LEFT, buff=SPACE.hair)
                    .next_to(anchor, RIGHT, buff=SPACE.small)
                )
            else:
                grads[k] = get_grad_tag(
                    node_info.grad, anchor, direction=direction, wrt=NAMES[k]
                )
                if k in STAGGERED:  # a row lower than its neighbours' tags
                    grads[k].shift(DOWN * (grads[k].height + SPACE.tight))
            # the card and the caption change together
            self.narrate(
                self._say(k, e.upstream, e.local, node_info.grad),
                FadeIn(new_card)
                if card is None
                else ReplacementTransform(card, new_card),
                Write(local),
                make_flow_animation(arrow, backward=True),
                FadeIn(grads[k], shift=UP * 0.15),
                fill=True,
            )
            card = new_card

        # -- gradient -------------------------------------------------------------
        self.beat("gradient")
        grad_vec = get_tex(
            r"\nabla C = \begin{bmatrix} \partial C / \partial b \\ \partial C / \partial m"
            rf"\end{{bmatrix}} = \begin{{bmatrix}} {fmt(g['b'].grad)} \\ {fmt(g['m'].grad)}"
            r"\end{bmatrix}",
            size=SIZES.tex_small,
        )
        grad_card = get_card(grad_vec, color=PALETTE.tangent)
        grad_card.to_corner(UP + RIGHT, buff=EDGE_BUFF + SPACE.tight)
        chain = single_point_chain(
            g["x"].value, g["y"].value, g["m"].value, g["b"].value
        )
        db_tex, dm_tex = (
            f.formula_latex.replace(r"\hat y", "y-hat").replace(r"\,", " ")
            for f in (chain.dc_db, chain.dc_dm)
        )
        self.narrate(
            f"Together: the gradient, {fmt(g['b'].grad)} for b and {fmt(g['m'].grad)} "
            f"for m, the same numbers as the hand formulas {db_tex} and {dm_tex}.",
            LaggedStart(
                ReplacementTransform(card, grad_card),
                AnimationGroup(
                    Indicate(grads["m"], color=PALETTE.tangent),
                    Indicate(grads["b"], color=PALETTE.tangent),
                ),
                lag_ratio=1.0,
            ),
            fill=True,
        )
        self.narrate(
            "One forward pass and one backward pass gave every partial derivative at once.",
            *[make_flow_animation(a, backward=True) for a in drawing.edge_group],
            fill=True,
        )

        # -- network ---------------------------------------------------------------
        self.beat("network")
        self.play(
            *[
                FadeOut(m)
                for m in (
                    drawing,
                    leaf_tags,
                    locals_shown,
                    grad_card,
                    *values.values(),
                    *grads.values(),
                )
            ]
        )
        self._network(title, legend)

        # -- summary -----------------------------------------------------------------
        self.beat("summary")
        summary = get_tex(
            r"\frac{\partial C}{\partial w}",
            "=",
            r"\frac{\partial C}{\partial \text{node}}",
            r"\cdot",
            r"\frac{\partial \text{node}}{\partial w}",
            size=SIZES.tex_large,
        )
        summary.next_to(title, DOWN, buff=SPACE.section).set_x(0)
        self.narrate(
            "Backpropagation: a forward pass stores values, then the chain rule runs "
            "from the cost back to every parameter: the gradient at a node, times the "
            "node's local derivative.",
            Write(summary),
            fill=True,
            hold=1.5,
        )
        self.wait()

    @staticmethod
    def _normal(arrow: Mobject) -> np.ndarray:
        """The unit normal of an arrow on its upper side (labels beside it, not on it)."""
        d = arrow.get_end() - arrow.get_start()
        n = np.array([-d[1], d[0], 0.0])
        if n[1] < 0:
            n = -n
        return n / (np.linalg.norm(n) or 1.0)

    @staticmethod
    def _side(col: list[str], r: int) -> np.ndarray:
        """Tags go above the top neuron of a pair, below otherwise (clear of the arrows)."""
        return UP if len(col) == 2 and r == 0 else DOWN

    @staticmethod
    def _say(k: str, upstream: float, local: float, grad: float) -> str:
        names = {"u": "u", "y_hat": "y-hat", "b": "b", "mx": "mx", "m": "m"}
        return (
            f"Gradient at {names[k]}: {fmt(upstream)} times {fmt(local)} "
            f"gives {fmt(grad)}."
        )

    def _network(self, title, legend) -> None:
        net = tiny_network_graph()
        diagram = get_layered_diagram(
            [["x"], ["h_1", "h_2"], [r"\hat y"], ["C"]], dx=3.6, dy=2.7
        )
        diagram.next_to(title, DOWN, buff=SPACE.section).set_x(0)
        cells, arrows = diagram.cells, diagram.arrows
        self.narrate(
            "The same procedure runs on a neural network. Here one input, two sigmoid "
            "neurons and a linear output neuron, on the same data point.",
            FadeIn(diagram, lag_ratio=0.1),
            # the network's tags fill the bottom left: the key moves up
            legend.animate.to_corner(UP + RIGHT, buff=EDGE_BUFF + SPACE.tight),
            fill=True,
        )
        keys = [["x"], ["h1", "h2"], ["y_hat"], ["C"]]
        tags = VGroup()
        self.caption(
            "Forward: each neuron weights its inputs, adds a bias and applies its activation."
        )
        for c, col in enumerate(keys):
            layer_tags = [
                get_value_tag(net[k].value, cells[c][r], direction=self._side(col, r))
                for r, k in enumerate(col)
            ]
            tags.add(*layer_tags)
            flows = [
                make_flow_animation(a, run_time=0.7)
                for (cc, _, _), a in arrows.items()
                if cc == c - 1
            ]
            self.play(*flows, *[FadeIn(t) for t in layer_tags], run_time=0.7)
        self.hold()
        weight_keys = {
            (0, 0, 0): "h.w11",
            (0, 0, 1): "h.w21",
            (1, 0, 0): "out.w11",
            (1, 1, 0): "out.w12",
        }
        length = self.caption(
            "Backward, layer by layer: each neuron's gradient, and each weight's: the "
            "neuron's gradient, times the sigmoid's slope h times 1 minus h for a hidden "
            "neuron, times the weight's input."
        )
        per_layer = max(1.4, length / 3)
        g_tags = VGroup()
        for c in (3, 2, 1):
            layer = [
                get_grad_tag(
                    net[k].grad,
                    tags[sum(len(x) for x in keys[:c]) + r],
                    # y hat's tag beside its value: below it run the weight labels
                    direction=RIGHT if k == "y_hat" else self._side(keys[c], r),
                    wrt=NET_NAMES[k],
                )
                for r, k in enumerate(keys[c])
            ]
            w_labels = [
                get_edge_label(
                    rf"\partial C/\partial w = {fmt(net[w].grad)}",
                    arrows[key],
                    side=WEIGHT_SIDES[key],
                    at=0.6 if key[0] == 0 else 0.2,
                ).set_color(PALETTE.tangent)
                for key, w in weight_keys.items()
                if key[0] == c - 1
            ]
            flows = [
                make_flow_animation(a, backward=True, run_time=0.6 * per_layer)
                for (cc, _, _), a in arrows.items()
                if cc == c - 1
            ]
            self.play(*[FadeIn(t) for t in layer], run_time=0.4 * per_layer)
            self.play(*flows, *[FadeIn(w) for w in w_labels], run_time=0.6 * per_layer)
            g_tags.add(*layer, *w_labels)
        self.hold()
        self.narrate(
            "Gradient descent then nudges every weight against its gradient, exactly as "
            "it did for m and b.",
            Indicate(g_tags, color=PALETTE.tangent, scale_factor=1.05),
            fill=True,
        )
        self.play(FadeOut(diagram), FadeOut(tags), FadeOut(g_tags), FadeOut(legend))
