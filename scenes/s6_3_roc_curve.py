"""6.3 The Receiver-Operating Characteristic (ROC) Curve.

Learning goal: sweep the threshold from above every score down to the lowest
score and plot, at each step, the true-positive rate against the false-positive
rate; a hit steps the curve up, a false alarm steps it right. The diagonal is
chance. With many items the steps blur into a smooth curve. Points, counts and
the synthetic data all come from ``mathkit.classification``.
"""

from __future__ import annotations

import math

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Create,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    Flash,
    Indicate,
    LaggedStart,
    Line,
    Transform,
    ValueTracker,
    VGroup,
    always_redraw,
    config,
    linear,
)

from mathkit.classification import auc_trapezoid, roc_curve, score_histogram
from mathkit.data import HOTDOG_Y, HOTDOG_Y_HAT
from mathkit.guard import thin_indices
from scenes.common.base import LectureScene
from scenes.common.classification_parts import (
    get_chance_line,
    get_counts_row,
    get_item,
    get_positive_zone,
    get_roc_axes,
    get_roc_point_label,
    get_roc_polyline,
    get_score_line,
    get_score_piles,
    get_threshold_handle,
    get_unit_square,
)
from scenes.common.mobjects import get_polyline, get_tex, get_text, overlap_share
from scenes.common.params import tag
from scenes.common.schemas import RocCurveParams
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE, SUBTITLE_ZONE

T_ABOVE = 0.97
"""Where the marker is drawn for the threshold "above every score" (layout only)."""
PILE_BINS = 20
"""Bins of the two score piles (histograms) beside the smooth curve."""
MAX_DRAWN_POINTS = 2000
"""Most corners of the drawn smooth curve (a 10^6-row variant is thinned to these)."""


def rates_tex(
    tp: int, fp: int, n_pos: int, n_neg: int, tpr: float, fpr: float
) -> VGroup:
    """The TPR and FPR working as two formulas (numbers from mathkit)."""
    return VGroup(
        get_tex(
            rf"\mathrm{{TPR}} = \frac{{{tp}}}{{{n_pos}}} = {tpr:g}",
            size=SIZES.tex_small,
        ),
        get_tex(
            rf"\mathrm{{FPR}} = \frac{{{fp}}}{{{n_neg}}} = {fpr:g}",
            size=SIZES.tex_small,
        ),
    ).arrange(RIGHT, buff=SPACE.large)


def threshold_tex(t: float, top_score: float) -> VGroup:
    """'t = 0.9', or 't > 0.9' for the first (infinite) threshold of the sweep."""
    text = rf"t > {top_score:g}" if math.isinf(t) else rf"t = {t:g}"
    return get_tex(text, size=SIZES.tex_small, color=PALETTE.tangent)


def _climb(auc: float) -> str:
    """How the point moves as the threshold slides down, from the area under the curve."""
    if auc >= 0.75:
        return (
            "the point climbs fast at first, while nearly every item let in is a"
            " positive, then bends to the right."
        )
    if auc >= 0.55:
        return "the point climbs faster than it moves right, bowing above the diagonal."
    if auc > 0.45:
        return "the point stays near the diagonal: these scores barely separate the classes."
    return "the point runs below the diagonal: these scores rank the classes backwards."


def _count_word(n: int) -> str:
    """'five' for 5 (the sweep's number of points), digits past ten."""
    words = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight")
    return words[n] if n < len(words) else str(n)


class RocCurve(LectureScene):
    """Beats: title, setup, sweep, chance, smooth, summary.

    Parameters (``self.params``, :class:`scenes.common.schemas.RocCurveParams`):
    the labels and scores of the smooth curve (a CSV in a variant).
    """

    params_schema = RocCurveParams

    def construct(self) -> None:
        p: RocCurveParams = self.params
        ys, scores = HOTDOG_Y, HOTDOG_Y_HAT
        curve = roc_curve(ys, scores)
        top_score = max(scores)

        # -- title -------------------------------------------------------------------
        axes = get_roc_axes(size=4.5)
        axes.to_edge(LEFT, buff=EDGE_BUFF + SPACE.large).to_edge(
            DOWN, buff=SUBTITLE_ZONE
        )
        square = get_unit_square(axes)
        self.opening(
            AnimationGroup(Create(axes), Create(square)),
            "The ROC curve shows a classifier at every threshold at once: "
            "true positive rate against false positive rate.",
        )

        # -- setup ---------------------------------------------------------------------
        self.beat("setup")
        line = get_score_line(length=5.6)
        line.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.large).set_y(0.7)
        items = VGroup(
            *[
                get_item(line, y, s, icon_width=0.5, stem=0.45, show_label=False)
                for y, s in zip(ys, scores, strict=True)
            ]
        )
        t = ValueTracker(T_ABOVE)
        top = items.get_top()[1] - line.get_center()[1] + SPACE.tight
        zone = always_redraw(lambda: get_positive_zone(line, t.get_value(), height=top))
        marker = always_redraw(
            lambda: get_threshold_handle(
                line, t.get_value(), up=top, down=SPACE.tight, label=False
            )
        )
        c0 = curve.confusion_at(0)
        t_tex = threshold_tex(curve.thresholds[0], top_score)
        counts = get_counts_row(c0)
        rates = rates_tex(c0.tp, c0.fp, curve.n_pos, curve.n_neg, c0.tpr, c0.fpr)
        readout = VGroup(t_tex, counts, rates).arrange(DOWN, buff=SPACE.medium)
        readout.next_to(line, DOWN, buff=SPACE.large)
        self.narrate(
            "On the left, axes for the curve: false positive rate across, true positive "
            "rate up. On the right, our four images and a threshold.",
            Create(line),
            FadeIn(items, lag_ratio=0.2),
            FadeIn(zone),
            Create(marker),
            FadeIn(readout),
            fill=True,
        )

        # -- sweep -----------------------------------------------------------------------
        self.beat("sweep")
        xy = curve.points()
        dot = Dot(axes.c2p(*xy[0]), radius=0.09, color=PALETTE.point)
        marks = VGroup(
            get_roc_point_label(
                axes, *xy[0], threshold_tex(curve.thresholds[0], top_score).tex_string
            )
        )
        self.narrate(
            f"Start above every score: nothing is called a hot dog, so TP = {c0.tp} and"
            f" FP = {c0.fp}. The curve starts at ({xy[0][0]:g}, {xy[0][1]:g}).",
            FadeIn(dot, scale=1.6),
            FadeIn(marks[0]),
            fill=True,
        )
        path = VGroup()
        for i in range(1, len(curve)):
            ti = float(curve.thresholds[i])
            ci, prev = curve.confusion_at(i), curve.confusion_at(i - 1)
            d_tp, d_fp = ci.tp - prev.tp, ci.fp - prev.fp
            who = [f"{s:g}" for s in scores if s == ti]
            if d_tp and not d_fp:
                what = "a hot dog is caught: TPR rises and the curve steps up"
            elif d_fp and not d_tp:
                what = "a pizza gets in, a false positive: FPR rises and the curve steps right"
            else:
                what = "hot dogs and pizzas cross together: the curve moves diagonally"
            said = self.caption(
                f"Lower the threshold to {ti:g}. The image scoring {', '.join(who)} "
                f"crosses; {what}."
            )
            new_t = threshold_tex(ti, top_score).move_to(t_tex)
            new_counts = get_counts_row(ci).move_to(counts)
            new_rates = rates_tex(
                ci.tp, ci.fp, curve.n_pos, curve.n_neg, ci.tpr, ci.fpr
            ).move_to(rates)
            step = max(1.0, (said - 0.5) / 3)  # three moves share the line
            self.play(t.animate.set_value(ti), Transform(t_tex, new_t), run_time=step)
            t.set_value(ti)
            segment = Line(
                axes.c2p(*xy[i - 1]),
                axes.c2p(*xy[i]),
                color=PALETTE.curve,
                stroke_width=5,
            )
            path.add(segment)
            mark = get_roc_point_label(axes, *xy[i], new_t.tex_string)
            marks.add(mark)
            self.play(
                Transform(counts, new_counts),
                Transform(rates, new_rates),
                run_time=step,
            )
            self.play(
                Create(segment),
                dot.animate.move_to(axes.c2p(*xy[i])),
                FadeIn(mark.label, shift=UP * 0.1),
                FadeIn(mark.dot),
                run_time=step,
            )
            self.hold()
        listed = ", ".join(f"({x:g}, {y:g})" for x, y in xy)
        self.caption(
            f"{_count_word(len(xy)).capitalize()} thresholds, {_count_word(len(xy))}"
            f" points, each marked with its threshold: {listed}."
        )
        self.add(path, dot)
        self.play(
            Flash(dot, color=PALETTE.point),
            LaggedStart(
                *[Indicate(m.label, color=PALETTE.point) for m in marks], lag_ratio=0.6
            ),
            run_time=self._fill_time(),
        )
        self.hold()

        # -- chance ------------------------------------------------------------------------
        self.beat("chance")
        chance = get_chance_line(axes)
        chance_note = get_text("chance", size=SIZES.small, color=PALETTE.subtle)
        # under the diagonal at 0.7, or further down it if the label would reach the
        # unit square's right edge (smaller axes for a variant's side panels)
        unit = axes.c2p(1, 0)[0] - axes.c2p(0, 0)[0]
        spot = min(0.7, 1 - (chance_note.width + 2 * SPACE.small) / unit)
        chance_note.next_to(axes.c2p(spot, spot), DOWN + RIGHT, buff=SPACE.hair)
        self.narrate(
            "A classifier that guesses catches hot dogs and pizzas at the same rate, "
            "so it walks up the diagonal. That dashed line is chance.",
            Create(chance),
            FadeIn(chance_note),
            fill=True,
        )
        perfect = get_polyline(
            axes, [0, 0, 1], [0, 1, 1], color=PALETTE.positive, stroke_width=3
        ).line
        perfect.set_stroke(opacity=0.6)
        perfect_note = get_text("perfect", size=SIZES.small, color=PALETTE.positive)
        perfect_note.next_to(axes.c2p(0.22, 1), DOWN, buff=SPACE.tight)
        self.caption(
            "Our curve stays on or above the diagonal: better than guessing, though "
            "not perfect. A perfect classifier would hug the top-left corner."
        )
        long = self._fill_time()
        self.play(path.animate.set_stroke(width=7), run_time=long / 3)
        self.play(
            path.animate.set_stroke(width=5),
            Create(perfect),
            FadeIn(perfect_note),
            run_time=2 * long / 3,
        )
        self.hold()

        # -- smooth ----------------------------------------------------------------------------
        self.beat("smooth")
        big = roc_curve(p.data.labels, p.data.scores)
        n_big = big.n_pos + big.n_neg
        hotdog = VGroup(path, dot, VGroup(*[m.dot for m in marks]))
        self.play(
            FadeOut(VGroup(line, items, readout)),
            FadeOut(zone),
            FadeOut(marker),
            FadeOut(VGroup(perfect, perfect_note)),
            FadeOut(VGroup(*[m.label for m in marks])),
            hotdog.animate.set_opacity(0.35),
        )
        self.remove(zone, marker)
        drawn = thin_indices(len(big), MAX_DRAWN_POINTS)
        smooth_curve = get_roc_polyline(
            axes, big.fpr[drawn], big.tpr[drawn], color=PALETTE.secant, stroke_width=4
        )
        course = p.is_course_data
        about = VGroup(
            get_text(
                f"{n_big} simulated images" if course else f"{n_big} scored items",
                size=SIZES.label,
                color=PALETTE.secant,
            ),
            get_text(
                f"{big.n_pos} hot dogs, {big.n_neg} not"
                if course
                else f"{big.n_pos} positives, {big.n_neg} negatives",
                size=SIZES.small,
                color=PALETTE.subtle,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        about.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.large).set_y(1.7)
        tag(about, "data")
        self.caption(
            f"With more images the steps shrink. Here are {n_big} images "
            "from a simulated classifier, one step per image."
            if course
            else f"With more items the steps shrink. Here are {n_big} items from your"
            f" own scores, {big.n_pos} positives and {big.n_neg} negatives,"
            " one step per distinct score."
        )
        self.play(FadeIn(about))
        self.play(Create(smooth_curve), run_time=self._fill_time(), rate_func=linear)
        self.hold()

        k = ValueTracker(1)
        last = len(big) - 1

        def index() -> int:
            return min(max(round(k.get_value()), 1), last)

        rider = always_redraw(
            lambda: Dot(
                axes.c2p(big.fpr[index()], big.tpr[index()]),
                radius=0.09,
                color=PALETTE.point,
            )
        )
        labels = VGroup(
            get_tex("t =", size=SIZES.tex_small, color=PALETTE.tangent),
            get_tex(r"\mathrm{TPR} =", size=SIZES.tex_small),
            get_tex(r"\mathrm{FPR} =", size=SIZES.tex_small),
        ).arrange(DOWN, aligned_edge=RIGHT, buff=SPACE.medium)
        values = VGroup(
            *[
                DecimalNumber(
                    0,
                    num_decimal_places=2,
                    font_size=SIZES.tex_small,
                    color=lab.get_color(),
                )
                for lab in labels
            ]
        )
        for lab, val in zip(labels, values, strict=True):
            val.next_to(lab, RIGHT, buff=SPACE.small)
        board = VGroup(labels, values).next_to(
            about, DOWN, buff=SPACE.medium, aligned_edge=LEFT
        )
        piles = get_score_piles(
            score_histogram(p.data.labels, p.data.scores, bins=PILE_BINS),
            width=4.6,
            height=1.9,
        )
        piles.next_to(board, DOWN, buff=SPACE.large).align_to(about, LEFT)
        overflow = piles.get_right()[0] - (config.frame_width / 2 - EDGE_BUFF)
        if overflow > 0:  # a variant's shorter text block starts further right
            piles.shift(LEFT * overflow)
        pile_names = VGroup(
            get_text(
                "positives" if not course else "hot dogs",
                size=SIZES.small,
                color=PALETTE.point,
            ),
            get_text(
                "negatives" if not course else "not",
                size=SIZES.small,
                color=PALETTE.accent,
            ),
        )
        pile_names[0].next_to(piles.axis, UP, buff=SPACE.tight).align_to(
            piles, RIGHT
        ).shift(UP * SPACE.large)
        pile_names[1].next_to(piles.axis, DOWN, buff=SPACE.tight).align_to(
            piles, RIGHT
        ).shift(DOWN * SPACE.large)
        for name, bars, side in (
            (pile_names[0], piles.ups, UP),
            (pile_names[1], piles.downs, DOWN),
        ):
            # tall bars at the right end: the name goes above (below) its pile
            if any(overlap_share(name, bar) > 0 for bar in bars):
                name.next_to(piles, side, buff=SPACE.tight).align_to(piles, RIGHT)
        cut = always_redraw(
            lambda: Line(
                [piles.x_of(float(big.thresholds[index()])), piles.get_top()[1], 0],
                [piles.x_of(float(big.thresholds[index()])), piles.get_bottom()[1], 0],
                color=PALETTE.tangent,
                stroke_width=4,
            )
        )
        tag(VGroup(piles, pile_names), "data")
        tag(board, "data")

        def refresh(group: VGroup) -> None:
            i = index()
            for val, v in zip(
                group, (big.thresholds[i], big.tpr[i], big.fpr[i]), strict=True
            ):
                val.set_value(float(v))

        values.add_updater(refresh)
        refresh(values)
        self.caption(
            "Slide the threshold down from the top score: the point climbs fast at "
            "first, while nearly every image let in is a hot dog, then bends to the right."
            if course
            else "Slide the threshold down from the top score: "
            + _climb(auc_trapezoid(big.fpr, big.tpr))
        )
        self.caption(
            "Below the numbers, the scores of each class: "
            + ("hot dogs" if course else "positives")
            + " pile up, the rest hang down, and the threshold lets through every"
            " score to its right."
        )
        self.play(
            FadeIn(rider), FadeIn(board), FadeIn(piles), FadeIn(pile_names), Create(cut)
        )
        self.play(
            k.animate.set_value(last), run_time=self._fill_time(), rate_func=linear
        )
        self.hold()
        values.clear_updaters()

        # -- summary --------------------------------------------------------------------------
        self.beat("summary")
        legend = VGroup(
            *[
                VGroup(
                    Line(LEFT * 0.25, RIGHT * 0.25, color=color, stroke_width=6),
                    get_text(text, size=SIZES.small, color=color),
                ).arrange(RIGHT, buff=SPACE.small)
                for color, text in (
                    (PALETTE.curve, f"{len(ys)} hot-dog images"),
                    (
                        PALETTE.secant,
                        f"{n_big} simulated images"
                        if course
                        else f"{n_big} scored items",
                    ),
                    (PALETTE.muted, "chance"),
                )
            ]
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        legend.next_to(about, DOWN, buff=SPACE.large, aligned_edge=LEFT)
        tag(legend, "data")
        self.narrate(
            "One curve, every threshold: the further it bows toward the top-left corner, "
            "the better the classifier. Next, we measure that with the area under it.",
            FadeOut(rider),
            FadeOut(board),
            FadeOut(VGroup(piles, pile_names, cut)),
            FadeIn(legend),
            hotdog.animate.set_opacity(1.0),
            hold=1.5,
        )
        self.wait()


__all__ = ["RocCurve"]
