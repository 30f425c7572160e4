"""3.2 AutoDiff with TensorFlow 2.

Learning goal: compute the same derivative, dy/dx = 10 for y = x^2 at x = 5,
with TensorFlow 2's ``GradientTape`` (which records the forward pass and plays
it back in reverse), and compare the two libraries' code side by side. Every
value comes from ``mathkit.autodiff.square_graph``.
"""

from __future__ import annotations

from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    Line,
    VGroup,
    Write,
)

from mathkit.autodiff import square_graph
from mathkit.expr import plain
from mathkit.rules import differentiate
from scenes.common.base import LectureScene
from scenes.common.graph_parts import (
    fmt,
    get_code_and_graph,
    get_code_panel,
    get_edge_label,
    get_grad_tag,
    get_legend,
    get_output_line,
    get_value_tag,
    make_flow_animation,
    tf_code,
    tf_output,
    torch_code,
    torch_output,
)
from scenes.common.mobjects import get_heading, get_text, get_title
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

NAMES = {"x": "x", "y": "y"}


class AutoDiffTensorFlow(LectureScene):
    """Beats: title, variable, tape, gradient, result, compare."""

    def construct(self) -> None:
        g = square_graph()
        x, y = g["x"], g["y"]
        edge = g.edge("x", "y")
        power = y.param or 0.0
        local_rule = plain(differentiate(f"x^{fmt(power)}").simplified)  # d/dx x^n

        # -- title -------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "AutoDiff with TensorFlow 2",
            subtitle=f"the same y = x² at x = {fmt(x.value)}",
        )
        self.narrate(
            "TensorFlow 2 computes the same derivative. "
            "The code looks different, but the graph underneath is the same.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        layout = get_code_and_graph(tf_code(x.value, power), g, NAMES)
        layout.next_to(title, DOWN, buff=0.8).set_x(0)
        code, drawing = layout.code, layout.graph
        lines = code.code_lines
        x_node, y_node = drawing.node("x"), drawing.node("y")
        arrow = drawing.edge(edge)
        y_name = drawing.name_tags["y"]

        # -- variable ----------------------------------------------------------
        self.beat("variable")
        self.play(FadeIn(code.background), FadeIn(lines[0]))
        x_val = get_value_tag(x.value, x_node)
        self.caption(
            f"A tf.Variable holds x = {fmt(x.value)}: a trainable value, "
            "like a model parameter."
        )
        self.play(FadeIn(lines[1], shift=RIGHT * 0.2))
        self.play(FadeIn(x_node), FadeIn(x_val))
        self.hold()

        # -- tape --------------------------------------------------------------
        self.beat("tape")
        block = VGroup(lines[2], lines[3], lines[4])
        tape_box = Line(
            block.get_corner(UL),
            block.get_corner(DL),
            color=PALETTE.accent,
            stroke_width=5,
        ).next_to(block, LEFT, buff=0.12)
        self.caption(
            "Inside a GradientTape block, TensorFlow records each operation, "
            "like a tape recorder running during the forward pass."
        )
        self.play(FadeIn(lines[2], shift=RIGHT * 0.2))
        self.play(FadeIn(lines[3], shift=RIGHT * 0.2))
        self.hold()
        self.narrate(
            "watch(x) tells the tape to follow x. For a Variable that is automatic, "
            "but the course notebook calls it anyway.",
            Indicate(lines[3], color=PALETTE.accent, scale_factor=1.03),
        )
        y_val = get_value_tag(y.value, y_node)
        self.caption(f"Squaring x is recorded, and y becomes {fmt(y.value)}.")
        self.play(FadeIn(lines[4], shift=RIGHT * 0.2), Create(tape_box))
        self.play(GrowArrow(arrow), FadeIn(y_node), FadeIn(y_name))
        self.play(make_flow_animation(arrow), FadeIn(y_val, shift=RIGHT * 0.2))
        self.hold()

        # -- gradient ----------------------------------------------------------
        self.beat("gradient")
        y_grad = get_grad_tag(y.grad, y_val)
        legend = get_legend().to_corner(DOWN + RIGHT, buff=EDGE_BUFF + 0.15)
        local = get_edge_label(rf"2x = {fmt(edge.local)}", arrow, side=UP)
        x_grad = get_grad_tag(x.grad, x_val)
        self.caption(
            f"t.gradient(y, x) plays the tape backwards: start from {fmt(y.grad)} at y, "
            f"multiply by the local derivative {local_rule} = {fmt(edge.local)}."
        )
        self.play(FadeIn(lines[5], shift=RIGHT * 0.2))
        self.play(FadeIn(y_grad, shift=UP * 0.2), FadeIn(legend))
        self.play(Write(local))
        self.play(
            make_flow_animation(arrow, backward=True), FadeIn(x_grad, shift=LEFT * 0.2)
        )
        self.hold()

        # -- result ------------------------------------------------------------
        self.beat("result")
        out = get_output_line(tf_output(x.grad))
        out.next_to(code, DOWN, buff=0.4, aligned_edge=LEFT)
        self.caption(
            f"The answer is {x.grad:.1f}, a 32-bit float scalar tensor: "
            "exactly what PyTorch gave."
        )
        self.play(FadeIn(out, shift=UP * 0.2))
        self.play(Indicate(x_grad, color=PALETTE.tangent))
        self.hold()

        # -- compare -----------------------------------------------------------
        self.beat("compare")
        shown = (
            code,
            tape_box,
            x_node,
            y_node,
            arrow,
            y_name,
            x_val,
            y_val,
            y_grad,
            x_grad,
            local,
            legend,
            out,
        )
        self.play(*[FadeOut(m) for m in shown])
        columns = VGroup()
        for name, src, result in (
            ("PyTorch", torch_code(x.value, power), torch_output(x.grad)),
            ("TensorFlow 2", tf_code(x.value, power), f"numpy={x.grad:.1f}"),
        ):
            col = VGroup(
                get_heading(name),
                get_code_panel(src, size=20),
                get_output_line(result),
            ).arrange(DOWN, buff=0.35)
            col[1].align_to(col[0], LEFT)
            col[2].align_to(col[0], LEFT)
            columns.add(col)
        columns.arrange(RIGHT, buff=0.5, aligned_edge=UP)
        columns.next_to(title, DOWN, buff=0.6).set_x(0)
        self.narrate(
            "Side by side: the same derivative from two libraries.",
            FadeIn(columns[0], shift=RIGHT * 0.2),
            FadeIn(columns[1], shift=LEFT * 0.2),
        )
        note = VGroup(
            get_text(
                "PyTorch: tensors track their history; call backward()",
                size=SIZES.small,
                color=PALETTE.subtle,
            ),
            get_text(
                "TensorFlow: record on a tape, then ask it for the gradient",
                size=SIZES.small,
                color=PALETTE.subtle,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        note.next_to(columns, DOWN, buff=0.5)
        self.narrate(
            "PyTorch tracks gradients on the tensors themselves; TensorFlow records "
            "them on a tape you open explicitly.",
            FadeIn(note),
        )
        self.narrate(
            "The course notebook finds the PyTorch version more intuitive and Pythonic. "
            "Both apply the chain rule from the output back to the input.",
            Indicate(columns[0][0], color=PALETTE.accent),
            hold=1.5,
        )
        self.wait()
