"""6.2 The Confusion Matrix.

Learning goal: sort a classifier's predictions into a 2 x 2 table of actual
against predicted class (true positives, false positives, true negatives, false
negatives), see the counts shift as the threshold moves, and read the rates
built from them: TPR (recall), FPR, precision and accuracy. Data: the hot-dog
example (``mathkit.data``); counts and rates: ``mathkit.classification``.
"""

from __future__ import annotations

from collections.abc import Callable

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    DecimalNumber,
    FadeIn,
    FadeOut,
    Indicate,
    Integer,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    smooth,
)

from mathkit.classification import Confusion, classify, confusion, outcomes
from mathkit.data import HOTDOG_THRESHOLD, HOTDOG_Y, HOTDOG_Y_HAT
from scenes.common.base import LectureScene
from scenes.common.classification_parts import (
    CELL_COLORS,
    get_confusion_grid,
    get_item,
    get_positive_zone,
    get_score_line,
    get_threshold_marker,
)
from scenes.common.mobjects import get_card, get_tex, get_text, get_title
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

T_HIGH = 0.95
T_LOW = 0.1
"""Sweep targets (layout: above every score, below every score)."""

NAMES = {
    "tp": "true positive",
    "fp": "false positive",
    "tn": "true negative",
    "fn": "false negative",
}


def rate_lines(c: Confusion) -> list[tuple[str, str, str]]:
    """(name, formula, working) for the four rates of ``c``; values from mathkit."""
    return [
        (
            "TPR",
            r"\frac{TP}{TP + FN}",
            rf"\frac{{{c.tp}}}{{{c.positives}}} = {c.tpr:.2g}",
        ),
        (
            "FPR",
            r"\frac{FP}{FP + TN}",
            rf"\frac{{{c.fp}}}{{{c.negatives}}} = {c.fpr:.2g}",
        ),
        (
            "precision",
            r"\frac{TP}{TP + FP}",
            rf"\frac{{{c.tp}}}{{{c.tp + c.fp}}} \approx {c.precision:.2f}",
        ),
        (
            "accuracy",
            r"\frac{TP + TN}{n}",
            rf"\frac{{{c.tp + c.tn}}}{{{c.n}}} = {c.accuracy:.2f}",
        ),
    ]


class ConfusionMatrix(LectureScene):
    """Beats: title, setup, grid, fill, sweep, rates, summary."""

    def construct(self) -> None:
        ys, scores, t0 = HOTDOG_Y, HOTDOG_Y_HAT, HOTDOG_THRESHOLD
        conf = confusion(ys, scores, t0)

        # -- title -----------------------------------------------------------------
        self.beat("title")
        title = get_title("The Confusion Matrix")
        self.narrate(
            "A confusion matrix counts where a classifier is right, and where it is "
            "confused.",
            Write(title),
        )

        # -- setup -----------------------------------------------------------------
        self.beat("setup")
        line = get_score_line(length=10.0).move_to(UP * 0.75 + LEFT * 0.4)
        axis_name = get_tex(r"\hat y", color=PALETTE.subtle).next_to(
            line, RIGHT, buff=0.3
        )
        items = VGroup(
            *[
                get_item(line, y, s, icon_width=0.7, stem=0.7)
                for y, s in zip(ys, scores, strict=True)
            ]
        )
        t = ValueTracker(t0)
        top = items[0].label.get_top()[1] - line.get_center()[1] + 0.1
        zone = always_redraw(lambda: get_positive_zone(line, t.get_value(), height=top))
        marker = always_redraw(
            lambda: get_threshold_marker(line, t.get_value(), up=0.5, down=0.12)
        )
        t_label = VGroup(
            get_tex("t =", color=PALETTE.tangent),
            DecimalNumber(
                t0, num_decimal_places=2, font_size=SIZES.tex, color=PALETTE.tangent
            ),
        ).arrange(RIGHT, buff=0.15)

        def follow(label: VGroup) -> None:
            label[1].set_value(t.get_value())

        t_label.next_to(line, DOWN, buff=1.5).align_to(line, RIGHT)
        t_label.add_updater(follow)
        follow(t_label)
        self.caption(
            f"Back to the four images, classified with the threshold t = {t0:g}: "
            "scores in the shaded zone are called hot dogs."
        )
        self.play(Create(line), FadeIn(axis_name), FadeIn(items, lag_ratio=0.2))
        self.play(FadeIn(zone), Create(marker), FadeIn(t_label))
        self.hold()

        # -- grid ------------------------------------------------------------------
        self.beat("grid")
        empty = Confusion(0, 0, 0, 0)
        grid = get_confusion_grid(empty, cell=1.3)
        grid.to_edge(DOWN, buff=EDGE_BUFF + 0.05).set_x(-1.5)
        self.narrate(
            "Make a two by two table. Rows are the actual class, columns the "
            "predicted class.",
            FadeIn(grid.headers),
            *[Create(c) for c in grid.cells.values()],
        )
        self.caption(
            "The diagonal holds the hits: true positives and true negatives. "
            "Off the diagonal are the two kinds of mistake."
        )
        self.play(
            *[FadeIn(grid.titles[n]) for n in ("tp", "tn")],
        )
        self.play(*[FadeIn(grid.titles[n]) for n in ("fp", "fn")])
        self.play(FadeIn(VGroup(*grid.counts.values())))
        self.hold()

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
            self.caption(
                f"The image scoring {scores[i]:g} is {kind}, and the model says "
                f"{said}: a {NAMES[name]}."
            )
            flyer = items[i].icon.copy()
            self.play(flyer.animate.scale(0.6).move_to(grid.cells[name]), run_time=1.0)
            grid.counts[name].set_value(tally[name])
            self.play(
                FadeOut(flyer),
                Indicate(grid.counts[name], color=CELL_COLORS[name]),
                run_time=0.8,
            )
            self.hold()
        assert tally == {"tp": conf.tp, "fp": conf.fp, "tn": conf.tn, "fn": conf.fn}

        # -- sweep -----------------------------------------------------------------
        self.beat("sweep")

        def live(name: str) -> Callable[[Integer], None]:
            def update(mob: Integer) -> None:
                mob.set_value(getattr(confusion(ys, scores, t.get_value()), name))

            return update

        for name, count in grid.counts.items():
            count.add_updater(live(name))
        self.caption(
            "Move the threshold and the counts move with it. Above every score, "
            "nothing is called a hot dog: no false positives, but every hot dog missed."
        )
        self.play(t.animate.set_value(T_HIGH), run_time=3.0, rate_func=smooth)
        t.set_value(T_HIGH)
        self.hold()
        self.caption(
            "Below every score, every hot dog is caught, but every pizza is a false alarm."
        )
        self.play(t.animate.set_value(T_LOW), run_time=4.0, rate_func=smooth)
        t.set_value(T_LOW)
        self.hold()
        self.caption(f"Back to t = {t0:g}.")
        self.play(t.animate.set_value(t0), run_time=2.5, rate_func=smooth)
        t.set_value(t0)
        self.hold()
        for count in grid.counts.values():
            count.clear_updaters()

        # -- rates -----------------------------------------------------------------
        self.beat("rates")
        rows = VGroup(
            *[
                VGroup(
                    get_text(name, size=SIZES.small, color=PALETTE.subtle),
                    get_tex(rf"= {formula} = {working}", size=SIZES.tex_small),
                ).arrange(RIGHT, buff=0.2)
                for name, formula, working in rate_lines(conf)
            ]
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        card = get_card(rows, color=PALETTE.overlay)
        strip = VGroup(line, axis_name, items, zone, marker, t_label)
        self.play(
            FadeOut(strip), grid.animate.to_edge(LEFT, buff=EDGE_BUFF + 0.3).set_y(-0.5)
        )
        card.next_to(grid, RIGHT, buff=0.7).align_to(grid.cells["fp"], DOWN)
        explained = (
            (
                f"The true positive rate, or recall: of the {conf.positives} real hot dogs, "
                f"the model catches {conf.tp}. TPR = {conf.tpr:g}."
            ),
            (
                f"The false positive rate: of the {conf.negatives} other images, "
                f"{conf.fp} is called a hot dog. FPR = {conf.fpr:g}."
            ),
            (
                f"Precision: of the {conf.tp + conf.fp} images called hot dogs, "
                f"{conf.tp} really are, about {conf.precision:.2f}."
            ),
            (
                f"Accuracy: {conf.tp + conf.tn} of the {conf.n} images are classed "
                f"correctly, {conf.accuracy:g}."
            ),
        )
        self.play(FadeIn(card[0]))
        for row, text in zip(rows, explained, strict=True):
            self.narrate(text, FadeIn(row, shift=RIGHT * 0.2))

        # -- summary ---------------------------------------------------------------
        self.beat("summary")
        self.narrate(
            "TPR and FPR are the two rates the ROC curve tracks as the threshold moves.",
            Indicate(rows[0], color=PALETTE.tangent),
            Indicate(rows[1], color=PALETTE.tangent),
            hold=1.5,
        )
        self.wait()
