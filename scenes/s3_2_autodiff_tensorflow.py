"""3.2 AutoDiff with TensorFlow 2.

Learning goal: compute the same derivative, dy/dx = 10 for y = x^2 at x = 5,
with TensorFlow 2's ``GradientTape``: the tape records each operation of the
forward pass as it runs, and ``t.gradient`` plays the recording backwards,
multiplying local derivatives from the output to the input. Then compare the
two libraries' code. Every value comes from ``mathkit.autodiff.square_graph``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Dot,
    FadeIn,
    FadeOut,
    Flash,
    Indicate,
    ReplacementTransform,
    Succession,
    Text,
    Triangle,
    VGroup,
    Write,
)

from mathkit.autodiff import square_graph
from mathkit.expr import plain
from mathkit.rules import differentiate
from scenes.common.base import LectureScene
from scenes.common.graph_parts import (
    fmt,
    get_code_panel,
    get_output_line,
    get_tape,
    get_token,
    tf_code,
    tf_output,
    torch_code,
    torch_output,
)
from scenes.common.mobjects import get_heading, get_text
from scenes.common.theme import MONO_FONT, PALETTE, SIZES, SPACE


class AutoDiffTensorFlow(LectureScene):
    """Beats: title, variable, tape, gradient, result, compare."""

    def construct(self) -> None:
        g = square_graph()
        x, y = g["x"], g["y"]
        edge = g.edge("x", "y")
        power = y.param or 0.0
        local_rule = plain(differentiate(f"x^{fmt(power)}").simplified)  # d/dx x^n

        code = get_code_panel(tf_code(x.value, power))
        lines = code.code_lines

        # -- title -------------------------------------------------------------
        title = self.opening(
            [FadeIn(code.background), FadeIn(lines[0])],
            "TensorFlow 2 computes the same derivative, with a different idea: "
            "a tape that records the computation.",
            fields={"x": fmt(x.value)},
        )
        code.next_to(title, DOWN, buff=SPACE.medium).align_to(title, LEFT)

        tape = get_tape(
            [
                rf"x = {fmt(x.value)}",
                rf"y = x^{{{fmt(power)}}} = {fmt(y.value)}",
            ],
            cell_width=3.6,
        )
        tape.next_to(code, DOWN, buff=SPACE.large).set_x(0)
        rec = VGroup(
            Dot(radius=0.08, color=PALETTE.error),
            get_text("REC", size=SIZES.small, color=PALETTE.error),
        ).arrange(RIGHT, buff=SPACE.tight)
        rec.next_to(tape, UP, buff=SPACE.small).align_to(tape, LEFT)

        # -- variable ----------------------------------------------------------
        self.beat("variable")
        self.narrate(
            f"A tf.Variable holds x = {fmt(x.value)}: a trainable value, "
            "like a model parameter.",
            FadeIn(lines[1], shift=RIGHT * SPACE.small),
            FadeIn(tape.strip),
            fill=True,
        )

        # -- tape --------------------------------------------------------------
        self.beat("tape")
        self.narrate(
            "Opening a GradientTape starts the recorder. Every operation on x "
            "from here on is written to the tape.",
            FadeIn(lines[2], shift=RIGHT * SPACE.small),
            FadeIn(rec),
            Flash(rec[0], color=PALETTE.error),
            fill=True,
        )
        self.narrate(
            "watch x tells the tape to follow x. For a Variable that is automatic, "
            "but the course notebook calls it anyway.",
            FadeIn(lines[3], shift=RIGHT * SPACE.small),
            FadeIn(tape.cells[0], shift=RIGHT * SPACE.small),
            fill=True,
        )
        self.narrate(
            f"Squaring x is recorded as the next cell, and y becomes {fmt(y.value)}. "
            "The block ends, and the recording stops.",
            FadeIn(lines[4], shift=RIGHT * SPACE.small),
            FadeIn(tape.cells[1], shift=RIGHT * SPACE.small),
            Succession(Indicate(rec), FadeOut(rec)),
            fill=True,
        )

        # -- gradient ----------------------------------------------------------
        self.beat("gradient")
        head = Triangle(color=PALETTE.tangent, fill_opacity=1.0).scale(0.14)
        head.rotate(-1.5708).next_to(tape.cells[1], DOWN, buff=SPACE.small)
        start = get_token(rf"\tfrac{{dy}}{{dy}} = {fmt(y.grad)}", color=PALETTE.tangent)
        start.next_to(head, DOWN, buff=SPACE.small)
        self.narrate(
            "t.gradient(y, x) plays the tape backwards, from the last cell to the "
            f"first. It starts at y with dy by dy = {fmt(y.grad)}.",
            FadeIn(lines[5], shift=RIGHT * SPACE.small),
            FadeIn(head),
            FadeIn(start),
            fill=True,
        )
        local = get_token(
            rf"\times\, {local_rule} = {fmt(edge.local)}", color=PALETTE.secant
        ).next_to(tape.cells[1], UP, buff=SPACE.small)
        result = get_token(
            rf"\tfrac{{dy}}{{dx}} = {fmt(edge.upstream)} \times {fmt(edge.local)}"
            rf" = {fmt(x.grad)}",
            color=PALETTE.tangent,
        )
        result.next_to(tape.cells[0], DOWN, buff=SPACE.large)
        self.narrate(
            f"Rewinding through the squaring cell multiplies by its local "
            f"derivative, {local_rule} = {fmt(edge.local)}, and lands on x: "
            f"dy by dx = {fmt(x.grad)}.",
            Write(local),
            head.animate.next_to(tape.cells[0], DOWN, buff=SPACE.small),
            ReplacementTransform(start, result),
            fill=True,
        )

        # -- result ------------------------------------------------------------
        self.beat("result")
        out = get_output_line(tf_output(x.grad))
        out.next_to(code, DOWN, buff=SPACE.large).align_to(code, LEFT)
        self.play(
            FadeOut(tape),
            FadeOut(head),
            FadeOut(local),
            result.animate.next_to(code, RIGHT, buff=SPACE.large),
        )
        self.narrate(
            f"The answer comes back as a 32-bit float tensor holding {fmt(x.grad)}: "
            "exactly what PyTorch gave.",
            FadeIn(out, shift=UP * SPACE.small),
            Indicate(result, color=PALETTE.tangent),
            Indicate(out[1], color=PALETTE.tangent),
            fill=True,
        )

        # -- compare -----------------------------------------------------------
        self.beat("compare")
        shown = (code, result, out)
        self.play(*[FadeOut(m) for m in shown])
        heads = VGroup(get_heading("PyTorch"), get_heading("TensorFlow 2"))
        panels = VGroup(
            get_code_panel(torch_code(x.value, power)),
            get_code_panel(tf_code(x.value, power)),
        ).arrange(RIGHT, buff=SPACE.large, aligned_edge=UP)
        outs = VGroup(
            get_output_line(torch_output(x.grad)),
            get_output_line(tf_output(x.grad)),
        )
        for h, p in zip(heads, panels, strict=True):
            h.next_to(p, UP, buff=SPACE.small).align_to(p, LEFT)
        # both headings start with a capital: align their tops, not their descenders
        heads[1].align_to(heads[0], UP)
        outs[0].next_to(panels, DOWN, buff=SPACE.medium).align_to(panels[0], LEFT)
        # TensorFlow's long repr runs leftwards under both panels
        outs[1].next_to(outs[0], DOWN, buff=SPACE.small).align_to(panels[1], RIGHT)
        columns = self.stage(VGroup(heads, panels, outs))
        self.narrate(
            "Side by side, the same derivative from two libraries, each printed "
            "its own way.",
            FadeIn(VGroup(heads[0], panels[0], outs[0]), shift=RIGHT * SPACE.small),
            FadeIn(VGroup(heads[1], panels[1], outs[1]), shift=LEFT * SPACE.small),
            fill=True,
        )
        note = Text(
            "torch: tensors remember their history  |  tf: a tape records operations",
            font=MONO_FONT,
            font_size=SIZES.small,
            color=PALETTE.subtle,
        )
        if note.width > columns.width:
            note.scale_to_fit_width(columns.width)
        note.next_to(columns, DOWN, buff=SPACE.medium)
        self.narrate(
            "PyTorch keeps the history on the tensors themselves; TensorFlow records "
            "the operations on a tape you open explicitly. The notebook finds "
            "PyTorch the more Pythonic.",
            FadeIn(note),
            Indicate(heads[0], color=PALETTE.accent),
            fill=True,
            hold=1.5,
        )
        self.wait()
