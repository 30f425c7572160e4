"""6.6 Finding the Area Under the ROC Curve.

Learning goal: summarise a ROC curve by the area under it (AUC), found from
points alone by the trapezoid rule (``sklearn.metrics.auc`` in the course
notebook): for the hot-dog curve a 0.5 x 0.5 rectangle plus a 0.5 x 1 rectangle,
0.25 + 0.5 = 0.75. Read the same number as the chance that a random hot dog
outscores a random non-hot-dog (3 of 4 pairs), and place it between chance (0.5)
and perfect (1.0). Every area and count comes from ``mathkit.classification``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    DrawBorderThenFill,
    FadeIn,
    FadeOut,
    Indicate,
    ReplacementTransform,
    SurroundingRectangle,
    Transform,
    VGroup,
    Write,
)

from mathkit.classification import (
    area_pieces,
    auc_rank,
    auc_trapezoid,
    ranked_pairs,
)
from mathkit.data import HOTDOG_ROC_FPR, HOTDOG_ROC_TPR, HOTDOG_Y, HOTDOG_Y_HAT
from scenes.common.base import LectureScene
from scenes.common.classification_parts import (
    get_area_piece,
    get_chance_line,
    get_item_icon,
    get_roc_axes,
    get_roc_dots,
    get_roc_polyline,
    get_verdict_mark,
)
from scenes.common.mobjects import get_card, get_tex, get_text, get_title
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

CHANCE_ROC = ((0.0, 1.0), (0.0, 1.0))
"""(FPR, TPR) of a guessing classifier: the diagonal."""
PERFECT_ROC = ((0.0, 0.0, 1.0), (0.0, 1.0, 1.0))
"""(FPR, TPR) of a perfect classifier: straight up, then across."""
PIECE_COLORS = (PALETTE.area, PALETTE.accent)


class RocArea(LectureScene):
    """Beats: title, curve, rectangles, trapezoid-rule, pairs, scale, summary."""

    def construct(self) -> None:
        fpr, tpr = HOTDOG_ROC_FPR, HOTDOG_ROC_TPR
        pieces = area_pieces(fpr, tpr)
        auc = auc_trapezoid(fpr, tpr)

        # -- title ---------------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "Area Under the ROC Curve", subtitle="AUC: one number for every threshold"
        )
        self.narrate(
            "A ROC curve shows every threshold. To compare classifiers we want one "
            "number: the area under the curve.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- curve ---------------------------------------------------------------------
        self.beat("curve")
        axes = get_roc_axes(size=4.5)
        axes.to_edge(LEFT, buff=EDGE_BUFF + 0.6).to_edge(DOWN, buff=EDGE_BUFF + 0.25)
        roc = get_roc_polyline(axes, fpr, tpr)
        dots = get_roc_dots(axes, fpr, tpr)
        listed = ", ".join(f"({x:g}, {y:g})" for x, y in zip(fpr, tpr, strict=True))
        self.caption(
            f"Here is the hot-dog ROC curve again, through {listed}. "
            "There is no formula, only points."
        )
        self.play(Create(axes))
        self.play(Create(roc), FadeIn(dots, lag_ratio=0.3), run_time=2.0)
        self.hold()

        # -- rectangles ------------------------------------------------------------------
        self.beat("rectangles")
        shapes = VGroup()
        area_labels = VGroup()
        work = VGroup()
        for k, piece in enumerate(pieces):
            color = PIECE_COLORS[k % len(PIECE_COLORS)]
            shape = get_area_piece(axes, piece, color=color)
            label = get_tex(f"{piece.area:g}", size=SIZES.tex_small).move_to(shape)
            kind = "rectangle" if piece.is_rectangle else "trapezoid"
            line = get_tex(
                rf"{piece.width:g} \times {piece.y0:g} = {piece.area:g}"
                if piece.is_rectangle
                else rf"{piece.width:g} \times \tfrac{{{piece.y0:g} + {piece.y1:g}}}{{2}}"
                rf" = {piece.area:g}",
                color=color,
            )
            shapes.add(shape)
            area_labels.add(label)
            work.add(line)
            self.caption(
                f"Between FPR {piece.x0:g} and {piece.x1:g} the curve sits at TPR "
                f"{piece.y0:g}: a {kind} {piece.width:g} wide and {piece.y0:g} tall, "
                f"area {piece.area:g}."
            )
            if k == 0:
                work.arrange(DOWN, aligned_edge=LEFT, buff=0.35)
                work.next_to(axes, RIGHT, buff=0.8).align_to(axes, UP).shift(DOWN * 0.3)
            else:
                line.next_to(work[k - 1], DOWN, buff=0.35, aligned_edge=LEFT)
            self.play(DrawBorderThenFill(shape), run_time=1.2)
            self.play(FadeIn(label), Write(line))
            self.hold()
        plus = " + ".join(f"{p.area:g}" for p in pieces)
        total = get_tex(rf"\mathrm{{AUC}} = {plus} = {auc:g}", color=PALETTE.tangent)
        total.next_to(work, DOWN, buff=0.5, aligned_edge=LEFT)
        self.caption(
            f"The vertical jumps have no width, so they add nothing. Total: {plus} = {auc:g}."
        )
        self.play(Write(total))
        self.play(Indicate(total, color=PALETTE.tangent))
        self.hold()

        # -- trapezoid rule ---------------------------------------------------------------
        self.beat("trapezoid-rule")
        rule = get_tex(
            r"\mathrm{AUC} = \sum_i (x_{i+1} - x_i)\,\frac{y_i + y_{i+1}}{2}",
            size=SIZES.tex_small,
        )
        code = get_text(
            f"sklearn.metrics.auc(xs, ys)  →  {auc:g}",
            size=SIZES.small,
            color=PALETTE.subtle,
        )
        panel = VGroup(rule, code).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        card = get_card(panel)
        card.next_to(total, DOWN, buff=0.5, aligned_edge=LEFT)
        self.narrate(
            "That is the trapezoid rule: each slice's width times its average height. "
            "The course notebook gets the same area from scikit-learn's auc function.",
            FadeIn(card, shift=UP * 0.2),
        )

        # -- pairs ----------------------------------------------------------------------------
        self.beat("pairs")
        self.play(
            FadeOut(VGroup(work, card)),
            total.animate.next_to(axes, RIGHT, buff=0.8)
            .align_to(axes, UP)
            .shift(DOWN * 0.3),
        )
        pairs = ranked_pairs(HOTDOG_Y, HOTDOG_Y_HAT)
        rank_auc = auc_rank(HOTDOG_Y, HOTDOG_Y_HAT)
        rows = VGroup()
        for pair in pairs:
            sign = ">" if pair.credit == 1 else "<" if pair.credit == 0 else "="
            rows.add(
                VGroup(
                    get_item_icon(1, width=0.8),
                    get_tex(f"{pair.pos_score:g}"),
                    get_tex(sign, color=PALETTE.subtle),
                    get_tex(f"{pair.neg_score:g}"),
                    get_item_icon(0, width=0.8),
                    get_verdict_mark(pair.credit == 1),
                ).arrange(RIGHT, buff=0.25)
            )
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        rows.next_to(total, DOWN, buff=0.5, aligned_edge=LEFT)
        n_pos, n_neg = sum(HOTDOG_Y), len(HOTDOG_Y) - sum(HOTDOG_Y)
        self.narrate(
            "The same number has a second meaning. Pair every hot dog with every "
            f"pizza: {n_pos} times {n_neg} is {len(pairs)} pairs.",
            FadeIn(
                VGroup(*[VGroup(r[0], r[1], r[3], r[4]) for r in rows]), lag_ratio=0.2
            ),
        )
        wins = sum(p.credit for p in pairs)
        self.narrate(
            f"In {wins:g} of the {len(pairs)} pairs the hot dog has the higher score. "
            f"Only the pizza at {next(p.neg_score for p in pairs if p.credit == 0):g} "
            "beats a hot dog.",
            *[FadeIn(VGroup(r[2], r[5])) for r in rows],
            run_time=1.2,
        )
        rank_line = get_tex(
            rf"P(\text{{hot dog}} > \text{{pizza}}) = \tfrac{{{wins:g}}}{{{len(pairs)}}}"
            rf" = {rank_auc:g}",
            size=SIZES.tex_small,
            color=PALETTE.tangent,
        )
        rank_line.next_to(rows, DOWN, buff=0.4, aligned_edge=LEFT)
        self.caption(
            f"So {wins:g} out of {len(pairs)}, {rank_auc:g}: exactly the area. The AUC is "
            "the chance that a random positive outscores a random negative."
        )
        self.play(Write(rank_line))
        self.play(
            Indicate(total, color=PALETTE.tangent),
            Indicate(rank_line, color=PALETTE.tangent),
        )
        self.hold()

        # -- scale -------------------------------------------------------------------------------
        self.beat("scale")
        self.play(FadeOut(VGroup(rows, rank_line)), FadeOut(area_labels))
        chance = get_chance_line(axes)
        chance_auc = auc_trapezoid(*CHANCE_ROC)
        perfect_auc = auc_trapezoid(*PERFECT_ROC)
        chance_area = VGroup(
            *[
                get_area_piece(axes, p, color=PALETTE.muted)
                for p in area_pieces(*CHANCE_ROC)
            ]
        )
        perfect_area = VGroup(
            *[
                get_area_piece(axes, p, color=PALETTE.positive)
                for p in area_pieces(*PERFECT_ROC)
            ]
        )
        scale = VGroup(
            get_tex(rf"\mathrm{{AUC}} = {chance_auc:g}", color=PALETTE.subtle),
            get_text("chance: guessing", size=SIZES.label, color=PALETTE.subtle),
            get_tex(rf"\mathrm{{AUC}} = {perfect_auc:g}", color=PALETTE.positive),
            get_text("perfect ranking", size=SIZES.label, color=PALETTE.subtle),
        )
        scale_rows = VGroup(
            VGroup(scale[0], scale[1]).arrange(RIGHT, buff=0.3),
            VGroup(scale[2], scale[3]).arrange(RIGHT, buff=0.3),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.4)
        scale_rows.next_to(total, DOWN, buff=0.6, aligned_edge=LEFT)
        ours = shapes.copy()
        self.caption(
            f"Is {auc:g} good? A classifier that guesses walks the diagonal, and the "
            f"triangle under it has area {chance_auc:g}: chance."
        )
        self.play(Create(chance), ReplacementTransform(shapes, chance_area))
        self.play(FadeIn(scale_rows[0]))
        self.hold()
        self.caption(
            "A perfect classifier ranks every hot dog above every pizza. Its curve goes "
            f"straight up, then across, and fills the whole square: {perfect_auc:g}."
        )
        self.play(Transform(chance_area, perfect_area))
        self.play(FadeIn(scale_rows[1]))
        self.hold()
        self.caption(
            f"Our hot-dog detector, at {auc:g}, sits between the two: better than "
            "guessing, with room to improve."
        )
        self.play(ReplacementTransform(chance_area, ours))
        box = SurroundingRectangle(total, color=PALETTE.tangent, buff=0.15)
        self.play(Create(box))
        self.hold()

        # -- summary -----------------------------------------------------------------------------
        self.beat("summary")
        self.narrate(
            f"The AUC condenses every threshold into one number, from {chance_auc:g} for"
            f" guessing to {perfect_auc:g} for a perfect ranking.",
            Indicate(scale_rows, color=PALETTE.tangent, scale_factor=1.05),
            hold=1.5,
        )
        self.wait()
