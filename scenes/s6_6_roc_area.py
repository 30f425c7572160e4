"""6.6 Finding the Area Under the ROC Curve.

Learning goal: summarise a ROC curve by the area under it (AUC), found from
points alone by the trapezoid rule (``sklearn.metrics.auc`` in the course
notebook): for the hot-dog curve a 0.5 x 0.5 rectangle plus a 0.5 x 1 rectangle,
0.25 + 0.5 = 0.75. Then prove the same number is the chance that a random hot dog
outscores a random non-hot-dog: the unit square is a grid of (pizza, hot dog)
pairs, and the cells under the curve are exactly the pairs ranked right (3 of 4).
Place it between chance (0.5) and perfect (1.0), and below 0.5 a classifier ranks
backwards. Every area, cell and count comes from ``mathkit.classification``.
"""

from __future__ import annotations

from fractions import Fraction

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
    Succession,
    SurroundingRectangle,
    Transform,
    VGroup,
    Write,
    config,
)

from mathkit.classification import (
    area_pieces,
    auc_rank,
    auc_trapezoid,
    pair_grid,
    roc_curve,
)
from scenes.common.base import LectureScene
from scenes.common.classification_parts import (
    get_area_piece,
    get_chance_line,
    get_pair_grid,
    get_roc_axes,
    get_roc_dots,
    get_roc_polyline,
)
from scenes.common.graph_parts import get_output_line
from scenes.common.integral_parts import get_code_card
from scenes.common.mobjects import get_tex, get_text
from scenes.common.numbers import fmt
from scenes.common.params import tag
from scenes.common.schemas_classification import RocAreaParams
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE, SUBTITLE_ZONE

CHANCE_ROC = ((0.0, 1.0), (0.0, 1.0))
"""(FPR, TPR) of a guessing classifier: the diagonal."""
PERFECT_ROC = ((0.0, 0.0, 1.0), (0.0, 1.0, 1.0))
"""(FPR, TPR) of a perfect classifier: straight up, then across."""
PIECE_COLORS = (PALETTE.area, PALETTE.accent)
CODE_SIZE = SIZES.code
"""The sklearn cell's monospace size: the smallest that keeps its glyphs readable."""


def _num(value: float) -> str:
    """A rate or area for screen and speech: at most 3 decimals (0.75, 0.333)."""
    return fmt(value, 3)


def _eq(value: float) -> str:
    """'=' when :func:`_num` is exact, else an approximately-equal sign (TeX)."""
    return "=" if float(_num(value)) == value else r"\approx"


def _literal(count: int, total: int) -> str:
    """A rate count/total as a Python literal for the sklearn cell: 0.5, or 1/3."""
    value = count / total
    short = f"{value:g}"
    if len(short) <= 5 and float(short) == value:
        return short
    frac = Fraction(count, total)
    return f"{frac.numerator}/{frac.denominator}"


def _sklearn_code(xs: list[str], ys: list[str]) -> str:
    """The notebook's call of sklearn.metrics.auc on the ROC points."""
    return (
        f"xs = [{', '.join(xs)}]\nys = [{', '.join(ys)}]\nsklearn.metrics.auc(xs, ys)"
    )


def _fitted_total(terms: list[str], result: str, room: float, size: int) -> VGroup:
    """AUC = t1 + t2 + ... = result, on as many left-aligned lines as ``room`` needs.

    The course's two pieces fit on one line; a variant with more pieces breaks the
    sum after the '=' and then halves it, so the line never runs off the frame (the
    last layout stands if even that is too wide).
    """
    plus = " + ".join(terms)
    if len(terms) == 1:
        layouts = [[rf"\mathrm{{AUC}} {result}"]]
    else:
        layouts = [
            [rf"\mathrm{{AUC}} = {plus} {result}"],
            [rf"\mathrm{{AUC}} = {plus}", result],
        ]
    if len(terms) > 2:
        half = (len(terms) + 1) // 2
        layouts.append(
            [
                rf"\mathrm{{AUC}} = {' + '.join(terms[:half])}",
                rf"+ {' + '.join(terms[half:])}",
                result,
            ]
        )
    for lines in layouts:
        group = VGroup(*(get_tex(t, color=PALETTE.tangent, size=size) for t in lines))
        group.arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        if group.width <= room:
            break
    return group


class RocArea(LectureScene):
    """Beats: title, curve, rectangles, trapezoid-rule, pairs, scale, summary.

    Parameters (``self.params``, :class:`scenes.common.schemas.RocAreaParams`):
    the labels and scores (a small CSV in a variant).
    """

    params_schema = RocAreaParams

    def construct(self) -> None:
        p: RocAreaParams = self.params
        labels, scores = p.data.labels, p.data.scores
        course = p.is_course_data
        pos_name, neg_name = (
            ("hot dog", "pizza") if course else ("positive", "negative")
        )
        curve = roc_curve(labels, scores)
        fpr, tpr = curve.fpr, curve.tpr
        pieces = area_pieces(fpr, tpr)
        auc = auc_trapezoid(fpr, tpr)

        # -- title ---------------------------------------------------------------------
        axes = get_roc_axes(size=4.5)
        axes.to_edge(LEFT, buff=EDGE_BUFF + SPACE.large).to_edge(
            DOWN, buff=SUBTITLE_ZONE
        )
        self.opening(
            Create(axes),
            "A ROC curve shows every threshold. To compare classifiers we want one "
            "number: the area under the curve.",
        )

        # -- curve ---------------------------------------------------------------------
        self.beat("curve")
        roc = get_roc_polyline(axes, fpr, tpr)
        dots = get_roc_dots(axes, fpr, tpr)
        tag(VGroup(roc, dots), "data")
        listed = ", ".join(f"({_num(x)}, {_num(y)})" for x, y in curve.points())
        self.narrate(
            (
                f"Here is the hot-dog ROC curve again, through {listed}. "
                if course
                else f"Here is the ROC curve of your {len(p.data)} scored items, through {listed}. "
            )
            + "There is no formula, only points.",
            Create(roc),
            FadeIn(dots, lag_ratio=0.3),
            fill=True,
        )

        # -- rectangles ------------------------------------------------------------------
        self.beat("rectangles")
        shapes = VGroup()
        area_labels = VGroup()
        work = VGroup()
        size = SIZES.tex if len(pieces) <= 3 else SIZES.tex_small
        for k, piece in enumerate(pieces):
            color = PIECE_COLORS[k % len(PIECE_COLORS)]
            shape = get_area_piece(axes, piece, color=color)
            label = get_tex(_num(piece.area), size=SIZES.tex_small).move_to(shape)
            too_small = (
                label.width > 0.9 * shape.width or label.height > 0.9 * shape.height
            )
            if too_small or not piece.is_rectangle:  # a sloped top would cross it
                label.set_opacity(0)  # too thin to label inside: the working says it
            w, y0, y1, a = (
                _num(v) for v in (piece.width, piece.y0, piece.y1, piece.area)
            )
            line = get_tex(
                rf"{w} \times {y0} {_eq(piece.area)} {a}"
                if piece.is_rectangle
                else rf"{w} \times \tfrac{{{y0} + {y1}}}{{2}} {_eq(piece.area)} {a}",
                color=color,
                size=size,
            )
            shapes.add(shape)
            area_labels.add(label)
            work.add(line)
            if k == 0:
                work.arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
                work.next_to(axes, RIGHT, buff=SPACE.large).align_to(axes, UP).shift(
                    DOWN * SPACE.medium
                )
            else:
                line.next_to(work[k - 1], DOWN, buff=SPACE.medium, aligned_edge=LEFT)
            where = (
                f"the curve sits at TPR {y0}: a rectangle {w} wide and {y0} tall"
                if piece.is_rectangle
                else f"the curve rises from TPR {y0} to {y1}: a trapezoid {w} wide"
            )
            self.narrate(
                f"Between FPR {_num(piece.x0)} and {_num(piece.x1)} {where}, area {a}.",
                DrawBorderThenFill(shape),
                FadeIn(label),
                Write(line),
                fill=True,
            )
        tag(VGroup(shapes, work), "data")
        plus = " + ".join(_num(pc.area) for pc in pieces)
        total = _fitted_total(
            [_num(pc.area) for pc in pieces],
            rf"{_eq(auc)} {_num(auc)}",
            room=config.frame_x_radius - EDGE_BUFF - work.get_left()[0],
            size=size,
        )
        total.next_to(work, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        tag(total, "data")
        self.narrate(
            f"The vertical jumps have no width, so they add nothing. Total: {plus}, "
            f"which is {_num(auc)}.",
            Succession(Write(total), Indicate(total, color=PALETTE.tangent)),
            fill=True,
        )

        # -- trapezoid rule ---------------------------------------------------------------
        self.beat("trapezoid-rule")
        rule = get_tex(
            r"\mathrm{AUC} = \sum_i (x_{i+1} - x_i)\,\frac{y_i + y_{i+1}}{2}",
            size=SIZES.tex_small,
        )
        xs = [_literal(int(v), curve.n_neg) for v in curve.fp]
        ys = [_literal(int(v), curve.n_pos) for v in curve.tp]
        code = get_code_card(_sklearn_code(xs, ys), size=CODE_SIZE)
        out = get_output_line(_num(auc) if float(_num(auc)) != auc else f"{auc!r}")
        panel = VGroup(rule, code, out).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.medium
        )
        tag(panel, "data")
        self.play(
            FadeOut(work),
            total.animate.next_to(axes, RIGHT, buff=SPACE.large).align_to(axes, UP),
        )
        panel.next_to(total, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        self.narrate(
            "That is the trapezoid rule: each slice's width times its average height.",
            FadeIn(rule, shift=UP * 0.2),
            fill=True,
        )
        self.narrate(
            "The course notebook passes the same points to scikit-learn's auc function,"
            f" and gets {_num(auc)}.",
            FadeIn(code, shift=UP * 0.2),
            FadeIn(out, shift=RIGHT * 0.2),
            fill=True,
        )

        # -- pairs ----------------------------------------------------------------------------
        self.beat("pairs")
        cells = pair_grid(labels, scores)
        grid = get_pair_grid(axes, cells, icon_width=0.5)
        tag(grid, "data")
        n_pos, n_neg = curve.n_pos, curve.n_neg
        rank_auc = auc_rank(labels, scores)
        wins = sum(c.credit for c in cells)
        self.play(
            FadeOut(panel),
            FadeOut(area_labels),
            shapes.animate.set_fill(opacity=0.12).set_stroke(opacity=0.3),
        )
        self.narrate(
            f"The same number has a second meaning. Cut the square into a grid: one"
            f" column for each {neg_name}, highest score first, and one row for each"
            f" {pos_name}. Every cell is a pair: {n_pos} times {n_neg} is {len(cells)}.",
            Create(grid.lines),
            FadeIn(grid.columns, lag_ratio=0.3),
            FadeIn(grid.rows, lag_ratio=0.3),
            fill=True,
        )
        count = VGroup(
            get_text("ranked right", size=SIZES.small, color=PALETTE.positive),
            get_tex(f"0 / {len(cells)}", size=SIZES.tex_small, color=PALETTE.positive),
        ).arrange(RIGHT, buff=SPACE.small)
        count.next_to(total, DOWN, buff=SPACE.medium, aligned_edge=LEFT).shift(
            RIGHT * SPACE.section
        )
        tag(count, "data")
        self.play(FadeIn(count))
        done = 0.0
        for col in range(n_neg):
            column = [c for c in cells if c.col == col]
            neg = column[0].pair.neg_score
            beaten = [c.pair.pos_score for c in column if c.credit == 1]
            beats = [c.pair.pos_score for c in column if c.credit == 0]
            ties = [c.pair.pos_score for c in column if c.credit == 0.5]
            said = [f"the {neg_name} at {neg:g}"]
            if beaten:
                said.append(
                    f"is outscored by the {pos_name} at {_and(beaten)}"
                    if len(beaten) == 1
                    else f"is outscored by the {pos_name}s at {_and(beaten)}"
                )
            if beats:
                said.append(f"{'but ' if beaten else ''}beats the one at {_and(beats)}")
            if ties:
                said.append(f"ties with {_and(ties)}, half a cell")
            line = " ".join(said)
            spoken_for = self.caption(line[0].upper() + line[1:] + ".")
            per_cell = max(0.8, (spoken_for - 0.5) / len(column))
            for c in column:
                done += c.credit
                new_count = get_tex(
                    f"{fmt(done, 1)} / {len(cells)}",
                    size=SIZES.tex_small,
                    color=PALETTE.positive,
                ).move_to(count[1], aligned_edge=LEFT)
                self.play(
                    Indicate(
                        grid.columns[c.col], color=PALETTE.tangent, scale_factor=1.15
                    ),
                    Indicate(
                        grid.rows[c.row], color=PALETTE.tangent, scale_factor=1.15
                    ),
                    FadeIn(grid.fills[(c.col, c.row)]),
                    Transform(count[1], new_count),
                    run_time=per_cell,
                )
            self.hold()
        rank_line = get_tex(
            rf"P(\text{{{pos_name}}} > \text{{{neg_name}}}) = \tfrac{{{fmt(wins, 1)}}}{{{len(cells)}}}"
            rf" {_eq(rank_auc)} {_num(rank_auc)}",
            size=SIZES.tex_small,
            color=PALETTE.tangent,
        )
        rank_line.next_to(count, DOWN, buff=SPACE.medium).align_to(total, LEFT)
        tag(rank_line, "data")
        self.narrate(
            f"The filled cells are exactly the area under the curve: {fmt(wins, 1)} of"
            f" {len(cells)} cells, {_num(rank_auc)}. The AUC is the chance that a random"
            f" {pos_name} outscores a random {neg_name}.",
            Write(rank_line),
            roc.animate.set_stroke(width=8),
            Indicate(total, color=PALETTE.tangent),
            fill=True,
        )

        # -- scale -------------------------------------------------------------------------------
        self.beat("scale")
        fills = VGroup(*grid.fills.values())
        self.play(
            FadeOut(VGroup(grid, fills, count, rank_line)),
            roc.animate.set_stroke(width=5),
            shapes.animate.set_fill(opacity=0.45).set_stroke(opacity=1.0),
        )
        chance = get_chance_line(axes)
        chance_auc = auc_trapezoid(*CHANCE_ROC)
        perfect_auc = auc_trapezoid(*PERFECT_ROC)
        chance_area = VGroup(
            *[
                get_area_piece(axes, pc, color=PALETTE.subtle, opacity=0.4)
                for pc in area_pieces(*CHANCE_ROC)
            ]
        )
        perfect_area = VGroup(
            *[
                get_area_piece(axes, pc, color=PALETTE.positive)
                for pc in area_pieces(*PERFECT_ROC)
            ]
        )
        perfect_curve = get_roc_polyline(
            axes, PERFECT_ROC[0], PERFECT_ROC[1], color=PALETTE.positive, stroke_width=7
        )
        scale_rows = VGroup(
            VGroup(
                get_tex(rf"\mathrm{{AUC}} = {chance_auc:g}", color=PALETTE.subtle),
                get_text("chance: guessing", size=SIZES.label, color=PALETTE.subtle),
            ).arrange(RIGHT, buff=SPACE.medium),
            VGroup(
                get_tex(rf"\mathrm{{AUC}} = {perfect_auc:g}", color=PALETTE.positive),
                get_text("perfect ranking", size=SIZES.label, color=PALETTE.subtle),
            ).arrange(RIGHT, buff=SPACE.medium),
            VGroup(
                get_tex(rf"\mathrm{{AUC}} < {chance_auc:g}", color=PALETTE.error),
                get_text("backwards: flip it", size=SIZES.label, color=PALETTE.subtle),
            ).arrange(RIGHT, buff=SPACE.medium),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        scale_rows.next_to(total, DOWN, buff=SPACE.large, aligned_edge=LEFT)
        ours = shapes.copy()
        self.narrate(
            f"Is {_num(auc)} good? A classifier that guesses walks the diagonal, and the "
            f"triangle under it has area {chance_auc:g}: chance.",
            Create(chance),
            ReplacementTransform(shapes, chance_area),
            FadeIn(scale_rows[0]),
            fill=True,
        )
        self.narrate(
            f"A perfect classifier ranks every {pos_name} above every {neg_name}. Its curve"
            f" goes straight up, then across, and fills the whole square: {perfect_auc:g}.",
            roc.animate.set_stroke(opacity=0.0),
            dots.animate.set_opacity(0.0),
            Transform(chance_area, perfect_area),
            Create(perfect_curve),
            FadeIn(scale_rows[1]),
            fill=True,
        )
        self.narrate(
            f"Below {chance_auc:g}, a classifier ranks backwards: flip its predictions"
            f" and its AUC becomes one minus the old one.",
            FadeIn(scale_rows[2]),
            fill=True,
        )
        if auc > chance_auc:
            verdict = (
                "sits between the two: better than guessing, with room to improve."
            )
        elif auc == chance_auc:
            verdict = "is no better than guessing."
        else:
            verdict = f"is below chance: flipped, it would score {_num(1 - auc)}."
        self.narrate(
            (
                f"Our hot-dog detector, at {_num(auc)}, "
                if course
                else f"Your classifier, at {_num(auc)}, "
            )
            + verdict,
            FadeOut(perfect_curve),
            roc.animate.set_stroke(opacity=1.0),
            dots.animate.set_opacity(1.0),
            ReplacementTransform(chance_area, ours),
            fill=True,
        )
        box = SurroundingRectangle(total, color=PALETTE.tangent, buff=SPACE.small)

        # -- summary -----------------------------------------------------------------------------
        self.beat("summary")
        self.narrate(
            f"The AUC condenses every threshold into one number, from {chance_auc:g} for"
            f" guessing to {perfect_auc:g} for a perfect ranking.",
            Create(box),
            Indicate(scale_rows[:2], color=PALETTE.tangent, scale_factor=1.05),
            hold=1.5,
            fill=True,
        )
        self.wait()


def _and(values: list[float]) -> str:
    """0.9, or 0.9 and 0.5, or 0.9, 0.7 and 0.5."""
    words = [f"{v:g}" for v in values]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


__all__ = ["RocArea"]
