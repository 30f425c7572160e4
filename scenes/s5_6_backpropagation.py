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
    MoveAlongPath,
    ReplacementTransform,
    Succession,
    Transform,
    VGroup,
    VMobject,
    Write,
    config,
)

from mathkit.autodiff import (
    neuron_step,
    product_places,
    single_point_graph,
    tiny_network_graph,
)
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
    get_token,
    get_value_tag,
    make_flow_animation,
)
from scenes.common.math_text import expr_words
from scenes.common.mobjects import get_card, get_tex, get_text
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
INNER_SIDES = {(0, 0, 0): DR, (0, 0, 1): UR, (1, 0, 0): DL, (1, 1, 0): UL}
"""The other side of each weight arrow (between the two arrows): the weight's value."""
WEIGHTS = {
    (0, 0, 0): ("h.w11", 1),
    (0, 0, 1): ("h.w21", 2),
    (1, 0, 0): ("out.w11", 3),
    (1, 1, 0): ("out.w12", 4),
}
"""Each arrow's weight in the network graph and its subscript on screen."""
BIASES = {(1, 0): ("h.b1", 1, DOWN), (1, 1): ("h.b2", 2, UP), (2, 0): ("out.b1", 3, UP)}
"""Each neuron's (column, row) bias, its subscript and side: on the inner side of a hidden
neuron (between the two, with the weights; its own row keeps the value and the gradient
only), above y hat."""
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
        # every tag names its partial (dC/d...): the key needs no nabla
        legend = get_legend(symbol=False).to_corner(
            DOWN + LEFT, buff=EDGE_BUFF + SPACE.large
        )
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
            # bottom right, under the u and C tags (beside the title it met the subtitle)
            new_card.to_corner(DOWN + RIGHT, buff=EDGE_BUFF + SPACE.tight)
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
        grad_card.to_corner(DOWN + RIGHT, buff=EDGE_BUFF + SPACE.tight)
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
        network, step_card = self._network(title, legend)

        # -- summary -----------------------------------------------------------------
        # the rule in general, where the worked step stood, under the whole network
        self.beat("summary")
        summary = get_tex(
            r"\frac{\partial C}{\partial w}",
            "=",
            r"\frac{\partial C}{\partial \text{node}}",
            r"\cdot",
            r"\frac{\partial \text{node}}{\partial w}",
            size=SIZES.tex_small,
        )
        summary_card = get_card(summary, buff=SPACE.tight).move_to(step_card)
        self.narrate(
            "Backpropagation: a forward pass stores values, then the chain rule runs "
            "from the cost back to every parameter: the gradient at a node, times the "
            "node's local derivative.",
            ReplacementTransform(step_card, summary_card),
            LaggedStart(
                *[
                    make_flow_animation(a, backward=True)
                    for a in reversed(list(network.arrows.values()))
                ],
                lag_ratio=0.25,
            ),
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

    def _network(self, title, legend) -> tuple[Mobject, Mobject]:
        """The 1-2-1 network: weights and biases, forward, backward with the
        sigma-prime step of h1 worked on a card. Returns the diagram and the card."""
        net = tiny_network_graph()
        diagram = get_layered_diagram(
            [["x"], ["h_1", "h_2"], [r"\hat y"], ["C"]], dx=3.6, dy=2.8
        )
        # one row of tags above h1 (value, then gradient beside it), clear of the title
        diagram.next_to(title, DOWN, buff=SPACE.large).set_x(0)
        cells, arrows = diagram.cells, diagram.arrows
        # the parameters: each weight beside its edge (between the two arrows; the
        # gradients go outside), each bias beside its neuron
        params = VGroup()
        for key, (w, sub) in WEIGHTS.items():
            params.add(
                get_edge_label(
                    rf"w_{sub} = {fmt(net[w].value)}",
                    arrows[key],
                    side=INNER_SIDES[key],
                    at=0.45 if key[0] == 0 else 0.6,
                )
            )
        for (c, r), (b, sub, side) in BIASES.items():
            params.add(
                get_tex(
                    rf"b_{sub} = {fmt(net[b].value)}",
                    size=SIZES.tex_small,
                    color=PALETTE.secant,
                ).next_to(
                    cells[c][r] if side is UP else cells[c][r].get_corner(side),
                    side,
                    buff=SPACE.tight,
                )
            )
        self.narrate(
            "The same procedure runs on a neural network. Here one input, two sigmoid "
            "neurons and a linear output neuron, on the same data point.",
            FadeIn(diagram, lag_ratio=0.1),
            # the network's tags fill the bottom: the key moves up
            legend.animate.to_corner(UP + RIGHT, buff=EDGE_BUFF + SPACE.tight),
            fill=True,
        )
        # the parameters' colour joins the key, under it
        key = get_text("weight, bias", size=SIZES.small, color=PALETTE.secant).next_to(
            legend, DOWN, aligned_edge=LEFT, buff=SPACE.small
        )
        said = ", ".join(f"w{sub} = {fmt(net[w].value)}" for w, sub in WEIGHTS.values())
        biases = ", ".join(
            f"b{sub} = {fmt(net[b].value)}" for b, sub, _ in BIASES.values()
        )
        self.narrate(
            f"Each edge carries a weight and each neuron a bias: {said}; {biases}.",
            FadeIn(key),
            LaggedStart(*[FadeIn(m, scale=0.8) for m in params], lag_ratio=0.3),
            fill=True,
        )
        keys = [["x"], ["h1", "h2"], ["y_hat"], ["C"]]
        tags = VGroup()
        h1 = neuron_step(net, "h1", "x")
        sign = "minus" if h1.b < 0 else "plus"
        forward = self.caption(
            "Forward: each neuron weights its input, adds its bias and applies its "
            f"activation: h1 = sigma({fmt(h1.w)} times {fmt(h1.x)} {sign} {fmt(abs(h1.b))})"
            f" = sigma({fmt(net['h1.z'].value)}) = {fmt(h1.h)}."
        )
        step = max(0.9, forward / len(keys))  # the flow fills the line
        for c, col in enumerate(keys):
            layer_tags = [
                get_value_tag(
                    net[k].value,
                    cells[c][r],
                    direction=LEFT if k == "x" else self._side(col, r),
                )
                for r, k in enumerate(col)
            ]
            tags.add(*layer_tags)
            flows = [
                make_flow_animation(a, run_time=step)
                for (cc, _, _), a in arrows.items()
                if cc == c - 1
            ]
            self.play(*flows, *[FadeIn(t) for t in layer_tags], run_time=step)
        self.hold()
        length = self.caption(
            "Backward, layer by layer: each neuron's gradient, then each weight's: "
            "the gradient times the weight's input."
        )
        per_layer = max(1.4, length / 2)
        g_tags = VGroup()
        w_labels: dict[tuple[int, int, int], Mobject] = {}
        for key, (w, sub) in WEIGHTS.items():
            w_labels[key] = get_edge_label(
                rf"\partial C/\partial w_{sub} = {fmt(net[w].grad)}",
                arrows[key],
                side=WEIGHT_SIDES[key],
                at=0.6 if key[0] == 0 else 0.2,
            ).set_color(PALETTE.tangent)
        layers = {}
        for c in (3, 2, 1):
            layers[c] = [
                get_grad_tag(
                    net[k].grad,
                    tags[sum(len(x) for x in keys[:c]) + r],
                    # beside the value: below y hat run the weight labels, and one
                    # row above h1 and below h2 leaves the bottom for the card
                    direction=DOWN if k == "C" else RIGHT,
                    wrt=NET_NAMES[k],
                )
                for r, k in enumerate(keys[c])
            ]
        for c in (3, 2):
            labels = [w_labels[k] for k in WEIGHTS if k[0] == c - 1]
            flows = [
                make_flow_animation(a, backward=True, run_time=0.6 * per_layer)
                for (cc, _, _), a in arrows.items()
                if cc == c - 1
            ]
            self.play(*[FadeIn(t) for t in layers[c]], run_time=0.4 * per_layer)
            self.play(*flows, *[FadeIn(w) for w in labels], run_time=0.6 * per_layer)
            g_tags.add(*layers[c], *labels)
        self.hold()

        # the hidden layer: h1's gradient goes through the sigmoid, then the edge
        h1_tag = layers[1][0]
        self.narrate(
            "The hidden neurons get theirs from y-hat: "
            f"{fmt(net['h1'].grad)} for h1 and {fmt(net['h2'].grad)} for h2.",
            *[FadeIn(t, shift=UP * 0.15) for t in layers[1]],
            *[
                make_flow_animation(a, backward=True)
                for (cc, _, _), a in arrows.items()
                if cc == 1
            ],
            fill=True,
        )
        g_tags.add(*layers[1])
        # decimals so the card's products multiply out as shown
        p_w = 2
        p_z = product_places([h1.dz, h1.x], h1.dw, p_w)
        p_h = product_places([h1.dh, h1.slope], h1.dz, p_z)
        dh, slope = fmt(h1.dh, p_h), fmt(h1.slope, p_h)
        dz, dw = fmt(h1.dz, p_z), fmt(h1.dw, p_w)
        rows = VGroup(
            get_tex(
                r"\partial C/\partial z_1",
                "=",
                r"\partial C/\partial h_1 \cdot h_1(1 - h_1)",
                "=",
                rf"{dh} \cdot {slope}",
                "=",
                dz,
                size=SIZES.tex_small,
            ),
            get_tex(
                r"\partial C/\partial w_1",
                "=",
                r"\partial C/\partial z_1 \cdot x",
                "=",
                rf"{dz} \cdot {fmt(h1.x)}",
                "=",
                dw,
                size=SIZES.tex_small,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.snug)
        for row in rows:
            row[-1].set_color(PALETTE.tangent)
        # the two rows' equals signs in one column
        rows[1].shift(RIGHT * (rows[0][1].get_x() - rows[1][1].get_x()))
        card = get_card(rows, buff=SPACE.tight)
        card[0].set_z_index(-1)  # the panel under the numbers that land on it
        card.to_edge(DOWN, buff=EDGE_BUFF + SPACE.hair)
        # the gradient as a token: through h1's sigmoid (times h(1 - h)), onto the card
        token = (
            get_token(fmt(h1.dh), color=PALETTE.tangent)
            .move_to(h1_tag)
            .align_to(h1_tag, RIGHT)
        )
        into = cells[1][0].get_left() + LEFT * SPACE.medium
        self.narrate(
            f"Inside h1 the sigmoid's slope is h1 times 1 minus h1, {slope}: so dC/dz1 = "
            f"{dh} times {slope} = {dz}.",
            FadeIn(card[0]),
            Succession(
                token.animate.move_to(cells[1][0]),
                Transform(token, get_token(dz, color=PALETTE.tangent).move_to(into)),
                ReplacementTransform(token, rows[0][-1]),
            ),
            Write(rows[0][:-1]),
            fill=True,
        )
        # then back along the edge from x: times the weight's input x
        arrow = arrows[(0, 0, 0)]
        path = VMobject().set_points_as_corners(
            [arrow.get_end(), arrow.point_from_proportion(0.6)]
        )
        carried = get_token(dz, color=PALETTE.tangent).move_to(arrow.get_end())
        self.narrate(
            f"Back along the edge, times the input x = {fmt(h1.x)}: dC/dw1 = {dz} "
            f"times {fmt(h1.x)} = {dw}. The bias adds with slope 1: dC/db1 = {dz}.",
            Succession(
                FadeIn(carried),
                MoveAlongPath(carried, path),
                ReplacementTransform(carried, w_labels[(0, 0, 0)]),
            ),
            make_flow_animation(arrow, backward=True),
            Write(rows[1]),
            fill=True,
        )
        h2 = neuron_step(net, "h2", "x")
        self.narrate(
            f"The same two steps for h2 give dC/dw2 = {fmt(h2.dw)}.",
            FadeIn(w_labels[(0, 0, 1)]),
            make_flow_animation(arrows[(0, 0, 1)], backward=True),
            Indicate(layers[1][1], color=PALETTE.tangent, scale_factor=1.05),
            fill=True,
        )
        g_tags.add(w_labels[(0, 0, 0)], w_labels[(0, 0, 1)])
        self.narrate(
            "Gradient descent then nudges every weight against its gradient, exactly as "
            "it did for m and b.",
            Indicate(g_tags, color=PALETTE.tangent, scale_factor=1.05),
            fill=True,
        )
        return diagram, card
