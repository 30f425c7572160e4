"""6.2 The Confusion Matrix.

Learning goal: sort a classifier's predictions into a 2 x 2 table of actual
against predicted class (true positives, false positives, true negatives, false
negatives), see the counts shift as the threshold moves, and read the rates
built from them: TPR (recall), FPR, precision and accuracy. Data: the hot-dog
example (``mathkit.data``); counts and rates: ``mathkit.classification``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    ChangeDecimalToValue,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    Integer,
    LaggedStart,
    Succession,
    ValueTracker,
    VGroup,
    always_redraw,
    smooth,
)

from mathkit.classification import Confusion, classify, confusion, outcomes
from scenes.common.base import LectureScene
from scenes.common.classification_parts import (
    CELL_COLORS,
    CELL_TITLES,
    get_confusion_grid,
    get_item,
    get_positive_zone,
    get_score_line,
    get_threshold_handle,
)
from scenes.common.mobjects import get_card, get_tex, get_text
from scenes.common.numbers import fmt
from scenes.common.params import tag
from scenes.common.schemas_classification import ConfusionMatrixParams
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE, SUBTITLE_ZONE

NAMES = {
    "tp": "true positive",
    "fp": "false positive",
    "tn": "true negative",
    "fn": "false negative",
}


CELL_TEX_COLORS = {CELL_TITLES[k]: v for k, v in CELL_COLORS.items()}
"""TP, TN green and FP, FN pink in the formulas, as their cells."""


def rate_lines(c: Confusion) -> list[tuple[str, str, str]]:
    """(name, formula, working) for the four rates of ``c``; values from mathkit."""
    return [
        (
            "TPR",
            r"\frac{TP}{TP + FN}",
            rf"\frac{{{c.tp}}}{{{c.positives}}} {_eq(c.tpr)} {fmt(c.tpr, 2)}",
        ),
        (
            "FPR",
            r"\frac{FP}{FP + TN}",
            rf"\frac{{{c.fp}}}{{{c.negatives}}} {_eq(c.fpr)} {fmt(c.fpr, 2)}",
        ),
        (
            "precision",
            r"\frac{TP}{TP + FP}",
            rf"\frac{{{c.tp}}}{{{c.tp + c.fp}}} {_eq(c.precision)} {fmt(c.precision, 2)}",
        ),
        (
            "accuracy",
            r"\frac{TP + TN}{n}",
            rf"\frac{{{c.tp + c.tn}}}{{{c.n}}} {_eq(c.accuracy)} {fmt(c.accuracy, 2)}",
        ),
    ]


def _eq(value: float) -> str:
    """'=' when two decimals show ``value`` exactly, else an approximately-equal sign."""
    return "=" if float(fmt(value, 2)) == value else r"\approx"


class ConfusionMatrix(LectureScene):
    """Beats: title, setup, grid, fill, sweep, rates, summary."""

    #: The threshold sits on an item's score by design ("at or above"): its line
    #: runs through that item's label.
    allowed_overlaps = (("MathTex 'y=1'", "Line"), ("MathTex 'y=0'", "Line"))
    params_schema = ConfusionMatrixParams

    def construct(self) -> None:
        p: ConfusionMatrixParams = self.params
        ys = [int(v) for v in p.data.labels]
        scores = [float(v) for v in p.data.scores]
        t0 = p.threshold
        t_high, t_low = p.sweep_ends()
        conf = confusion(ys, scores, t0)

        # -- title -----------------------------------------------------------------
        empty = Confusion(0, 0, 0, 0)
        grid = get_confusion_grid(empty, cell=1.3)
        grid.to_edge(RIGHT, buff=EDGE_BUFF + SPACE.medium).to_edge(
            DOWN, buff=SUBTITLE_ZONE + SPACE.medium
        )
        self.opening(
            FadeIn(grid.headers),
            "A confusion matrix counts where a classifier is right, and where it is "
            "confused.",
        )

        # -- setup -----------------------------------------------------------------
        self.beat("setup")
        line = get_score_line(length=7.0)
        line.to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium).set_y(-0.9)
        axis_name = get_tex(
            r"\hat{y}", size=SIZES.tex_large, color=PALETTE.subtle
        ).next_to(line, RIGHT, buff=SPACE.small)
        items = VGroup(
            *[
                get_item(line, y, s, icon_width=0.5, stem=0.6)
                for y, s in zip(ys, scores, strict=True)
            ]
        )
        # neighbours' "y = ..." labels too close to share a row: stagger them
        ordered = sorted(items, key=lambda it: it.dot.get_center()[0])
        for prev, item in itertools.pairwise(ordered):
            gap = item.label.get_left()[0] - prev.label.get_right()[0]
            if (
                gap < SPACE.tight
                and abs(prev.label.get_y() - item.label.get_y()) < 1e-6
            ):
                item.label.shift(UP * (item.label.height + SPACE.tight))
        tag(items, "data")
        t = ValueTracker(t0)
        top = items.get_top()[1] - line.get_center()[1] + SPACE.tight
        zone = always_redraw(lambda: get_positive_zone(line, t.get_value(), height=top))
        handle = always_redraw(
            lambda: get_threshold_handle(line, t.get_value(), up=top, down=SPACE.tight)
        )
        self.narrate(
            f"Back to the images, classified with the threshold t = {t0:g}: "
            "scores in the shaded zone are called hot dogs.",
            Create(line),
            FadeIn(axis_name),
            FadeIn(items, lag_ratio=0.2),
            FadeIn(zone),
            Create(handle),
            fill=True,
        )

        # -- grid ------------------------------------------------------------------
        self.beat("grid")
        self.narrate(
            "Make a two by two table. Rows are the actual class, columns the "
            "predicted class.",
            LaggedStart(*[Create(c) for c in grid.cells.values()], lag_ratio=0.3),
            fill=True,
        )
        self.narrate(
            "The diagonal holds the hits: true positives and true negatives. "
            "Off the diagonal are the two kinds of mistake.",
            Succession(
                AnimationGroup(*[FadeIn(grid.titles[n]) for n in ("tp", "tn")]),
                AnimationGroup(*[FadeIn(grid.titles[n]) for n in ("fp", "fn")]),
                FadeIn(VGroup(*grid.counts.values())),
            ),
            fill=True,
        )

        # -- fill ------------------------------------------------------------------
        self.beat("fill")
        preds = classify(scores, t0)
        cells = outcomes(ys, preds)
        tally = dict.fromkeys(grid.counts, 0)
        order = sorted(range(len(scores)), key=lambda i: -scores[i])
        for i in order:
            name = cells[i]
            tally[name] += 1
            kind = "a hot dog" if ys[i] == 1 else "not a hot dog"
            said = "hot dog" if preds[i] == 1 else "not hot dog"
            flyer = items[i].icon.copy()
            grid.counts[name].set_value(tally[name] - 1)
            self.narrate(
                f"The image scoring {scores[i]:g} is {kind}, and the model says "
                f"{said}: a {NAMES[name]}.",
                Succession(
                    flyer.animate.scale(0.6).move_to(grid.cells[name]),
                    AnimationGroup(
                        FadeOut(flyer),
                        ChangeDecimalToValue(grid.counts[name], tally[name]),
                        Indicate(grid.counts[name], color=CELL_COLORS[name]),
                    ),
                ),
                fill=True,
            )
        assert tally == {"tp": conf.tp, "fp": conf.fp, "tn": conf.tn, "fn": conf.fn}

        # -- sweep -----------------------------------------------------------------
        self.beat("sweep")

        def live(name: str) -> Callable[[Integer], None]:
            def update(mob: Integer) -> None:
                mob.set_value(getattr(confusion(ys, scores, t.get_value()), name))

            return update

        for name, count in grid.counts.items():
            count.add_updater(live(name))
        sweep = (
            (
                "Move the threshold and the counts move with it. Above every score, nothing"
                " is called a hot dog: no false positives, but every hot dog missed.",
                t_high,
            ),
            (
                "Below every score, every hot dog is caught, but every pizza is a false alarm.",
                t_low,
            ),
            (f"Back to t = {t0:g}.", t0),
        )
        for said, target in sweep:
            self.narrate(said, t.animate.set_value(target), rate_func=smooth, fill=True)
            t.set_value(target)
        for count in grid.counts.values():
            count.clear_updaters()

        # -- rates -----------------------------------------------------------------
        self.beat("rates")
        rows = VGroup(
            *[
                VGroup(
                    get_text(name, size=SIZES.small, color=PALETTE.subtle),
                    get_tex(
                        rf"= {formula} = {working}",
                        size=SIZES.tex_small,
                        colors=CELL_TEX_COLORS,
                    ),
                ).arrange(RIGHT, buff=SPACE.small)
                for name, formula, working in rate_lines(conf)
            ]
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        card = get_card(rows, color=PALETTE.overlay)
        strip = VGroup(line, axis_name, items, zone, handle)
        self.play(
            FadeOut(strip),
            grid.animate.to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium),
        )
        card.next_to(grid, RIGHT, buff=SPACE.large).align_to(grid.cells["fp"], DOWN)
        calls = conf.tp + conf.fp
        explained = (
            (
                f"The true positive rate, or recall: of the {conf.positives} real hot dogs, "
                f"the model catches {conf.tp}. TPR = {fmt(conf.tpr, 2)}."
            ),
            (
                f"The false positive rate: of the {conf.negatives} other images, "
                f"{conf.fp} {'is' if conf.fp == 1 else 'are'} called a hot dog."
                f" FPR = {fmt(conf.fpr, 2)}."
            ),
            (
                f"Precision: of the {calls} images called hot dogs, "
                f"{conf.tp} really {'is one' if conf.tp == 1 else 'are'},"
                f" {'about ' if _eq(conf.precision) != '=' else ''}{fmt(conf.precision, 2)}."
            ),
            (
                f"Accuracy: {conf.tp + conf.tn} of the {conf.n} images are classed "
                f"correctly, {fmt(conf.accuracy, 2)}."
            ),
        )
        self.play(FadeIn(card[0]))
        for row, text in zip(rows, explained, strict=True):
            self.narrate(text, FadeIn(row, shift=RIGHT * 0.2), fill=True)

        # -- summary ---------------------------------------------------------------
        self.beat("summary")
        self.narrate(
            "TPR and FPR are the two rates the ROC curve tracks as the threshold moves.",
            Indicate(rows[0], color=PALETTE.tangent),
            Indicate(rows[1], color=PALETTE.tangent),
            hold=1.5,
        )
        self.wait()
