"""6.1 Binary Classification.

Learning goal: a binary classifier turns a score y-hat in [0, 1] into a class
with a threshold t (y-hat >= t means class 1, "hot dog"); moving t changes which
items are called hot dogs, and so which mistakes the classifier makes. The data
are the course's four hot-dog images (``mathkit.data``) or a variant's CSV; every
prediction and count comes from ``mathkit.classification``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    GrowFromPoint,
    LaggedStart,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    smooth,
)

from mathkit.classification import auc_rank, classify, confusion
from scenes.common.base import LectureScene
from scenes.common.classification_parts import (
    class_color,
    get_item,
    get_item_icon,
    get_positive_zone,
    get_prediction_badge,
    get_score_line,
    get_threshold_handle,
    get_verdict_mark,
    get_zone_label,
)
from scenes.common.mobjects import get_tex, get_text
from scenes.common.params import tag
from scenes.common.schemas_classification import BinaryClassificationParams
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE


def _listing(values: list[float]) -> str:
    """0.3, 0.5, 0.6 and 0.9."""
    words = [f"{v:g}" for v in values]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _count(n: int, one: str, many: str) -> str:
    """'1 image', '3 images'."""
    return f"{n} {one if n == 1 else many}"


class BinaryClassification(LectureScene):
    """Beats: title, labels, scores, threshold, sweep, verdict, summary.

    Parameters (``self.params``, :class:`scenes.common.schemas.BinaryClassificationParams`):
    the labels and scores (a small CSV in a variant) and the threshold.
    """

    #: The threshold sits on an item's score by design ("at or above"): its line
    #: runs through that item's label.
    allowed_overlaps = (("MathTex 'y=1'", "Line"), ("MathTex 'y=0'", "Line"))
    params_schema = BinaryClassificationParams

    def construct(self) -> None:
        p: BinaryClassificationParams = self.params
        ys = [int(v) for v in p.data.labels]
        scores = [float(v) for v in p.data.scores]
        t0 = p.threshold
        t_high, t_low = p.sweep_ends()
        n = len(ys)

        # -- title ---------------------------------------------------------------
        legend = VGroup(
            *[
                VGroup(
                    get_item_icon(label, width=1.6),
                    get_tex(f"y = {label}", color=class_color(label)),
                    get_text(name, size=SIZES.body, color=PALETTE.subtle),
                ).arrange(DOWN, buff=SPACE.medium)
                for label, name in ((1, "hot dog"), (0, "not hot dog"))
            ]
        ).arrange(RIGHT, buff=SPACE.section * 2.5)
        legend.shift(DOWN * SPACE.medium)
        self.opening(
            LaggedStart(*[FadeIn(g, shift=UP * 0.2) for g in legend], lag_ratio=0.5),
            "A binary classifier sorts each input into one of two classes. "
            "The course's example: is this image a hot dog, or not?",
        )

        # -- labels ----------------------------------------------------------------
        self.beat("labels")
        self.narrate(
            "Every image has a true label y: 1 for a hot dog, 0 for anything else, "
            "like this slice of pizza.",
            *[g[1].animate.scale(1.25) for g in legend],
            fill=True,
        )
        self.play(FadeOut(legend))

        # -- scores ----------------------------------------------------------------
        self.beat("scores")
        line = get_score_line(length=11.0).shift(DOWN * SPACE.section)
        axis_name = get_tex(
            r"\hat{y}", size=SIZES.tex_large, color=PALETTE.subtle
        ).next_to(line, RIGHT, buff=SPACE.medium)
        items = VGroup(*[get_item(line, y, s) for y, s in zip(ys, scores, strict=True)])
        tag(items, "data")
        self.narrate(
            "The model outputs a score y-hat between 0 and 1: how sure it is that the "
            f"image is a hot dog. Our {_count(n, 'image', 'images')} score"
            f" {_listing(scores)}.",
            Create(line),
            Write(axis_name),
            LaggedStart(
                *[
                    LaggedStart(
                        GrowFromPoint(VGroup(it.stem, it.dot), it.dot.get_center()),
                        FadeIn(VGroup(it.icon, it.label), shift=DOWN * 0.2),
                        lag_ratio=0.5,
                    )
                    for it in items
                ],
                lag_ratio=0.6,
            ),
            fill=True,
        )
        unsorted = auc_rank(ys, scores) < 1.0
        self.narrate(
            "The scores are not perfectly sorted: a pizza outscores a hot dog."
            if unsorted
            else "These scores are perfectly sorted: every hot dog outscores every pizza.",
            *[it.icon.animate.scale(1.1) for it in items],
            fill=True,
        )

        # -- threshold ---------------------------------------------------------------
        self.beat("threshold")
        t = ValueTracker(t0)
        top = items.get_top()[1] - line.get_center()[1] + SPACE.tight
        band = get_zone_label(get_positive_zone(line, 0.5)).height + SPACE.small
        top += band  # a band above the items for the zone's name
        zone = always_redraw(lambda: get_positive_zone(line, t.get_value(), height=top))
        handle = always_redraw(
            lambda: get_threshold_handle(line, t.get_value(), up=top, down=SPACE.medium)
        )
        zone_label = get_zone_label(get_positive_zone(line, 0.0, height=top))
        span = (zone_label.get_left()[0] - SPACE.small, zone_label.get_right()[0])

        def hide_under_handle(label: VMobject) -> None:
            """The zone's name steps aside (fades) while the threshold line is on it."""
            x = line.n2p(t.get_value())[0]
            label.set_opacity(0.0 if span[0] <= x <= span[1] else 1.0)

        badge_y = line.get_center()[1] - 1.2

        templates = (get_prediction_badge(0), get_prediction_badge(1))

        def badges() -> VGroup:
            preds = classify(scores, t.get_value())
            return VGroup(
                *[
                    templates[int(q)].copy().move_to([line.n2p(s)[0], badge_y, 0])
                    for q, s in zip(preds, scores, strict=True)
                ]
            )

        badge_row = always_redraw(badges)
        row_name = get_text("predicted", size=SIZES.small, color=PALETTE.subtle)
        row_name.to_edge(LEFT, buff=EDGE_BUFF + SPACE.tight).set_y(badge_y)

        def tally() -> VGroup:
            c = confusion(ys, scores, t.get_value())
            return (
                VGroup(
                    get_text(
                        f"called hot dog: {c.tp + c.fp} of {c.n}",
                        size=SIZES.small,
                        color=PALETTE.point,
                    ),
                    get_text(
                        f"right: {c.tp + c.tn} of {c.n}",
                        size=SIZES.small,
                        color=PALETTE.positive,
                    ),
                )
                .arrange(RIGHT, buff=SPACE.large)
                .set_x(line.get_x())  # under the badge row
                .set_y(badge_y - templates[0].height / 2 - SPACE.medium, direction=UP)
            )

        counts = always_redraw(tally)
        zone_label.add_updater(hide_under_handle)
        self.add(zone_label)
        self.narrate(
            "To decide, choose a threshold t. A score at or above t is classed 1, "
            "hot dog; a score below t is classed 0.",
            FadeIn(zone),
            Create(handle),
            FadeIn(badge_row, lag_ratio=0.3),
            FadeIn(row_name),
            fill=True,
        )
        exact = [s for s in scores if s == t0]
        self.narrate(
            f"At t = {t0:g} the image scoring exactly {t0:g} counts as a hot dog: "
            "the rule is 'at or above'."
            if exact
            else f"At t = {t0:g}, {_count(sum(s >= t0 for s in scores), 'image is', 'images are')}"
            " at or above the threshold: those are called hot dogs.",
            FadeIn(counts),
            fill=True,
        )

        # -- sweep -------------------------------------------------------------------
        self.beat("sweep")
        sweep = (
            (
                "Raise the threshold and the classifier grows cautious: above every score, "
                "nothing is called a hot dog.",
                t_high,
            ),
            (
                "Lower it and it grows eager: below every score, everything is a hot dog.",
                t_low,
            ),
            (
                f"Settle on the usual choice, t = {t0:g}."
                if p.is_course_data
                else f"Settle on t = {t0:g}.",
                t0,
            ),
        )
        for said, target in sweep:
            self.narrate(said, t.animate.set_value(target), rate_func=smooth, fill=True)
            t.set_value(target)

        # -- verdict -------------------------------------------------------------------
        self.beat("verdict")
        conf = confusion(ys, scores, t0)
        preds = classify(scores, t0)
        current = badge_row.copy()
        badge_row.clear_updaters()
        self.remove(badge_row)
        self.add(current)
        marks = VGroup(
            *[
                get_verdict_mark(bool(q == y)).next_to(
                    current[i], RIGHT, buff=SPACE.tight
                )
                for i, (q, y) in enumerate(zip(preds, ys, strict=True))
            ]
        )
        alarms = [
            s for s, q, y in zip(scores, preds, ys, strict=True) if q == 1 and y == 0
        ]
        misses = [
            s for s, q, y in zip(scores, preds, ys, strict=True) if q == 0 and y == 1
        ]
        verdict = [
            f"Compare with the true labels: {conf.tp + conf.tn} of {conf.n} are right."
        ]
        if alarms:
            verdict.append(
                f"The pizza scoring {_listing(alarms)} is called a hot dog: a false alarm."
                if len(alarms) == 1
                else f"The pizzas scoring {_listing(alarms)} are called hot dogs: false alarms."
            )
        if misses:
            verdict.append(
                f"The hot dog scoring {_listing(misses)} is missed."
                if len(misses) == 1
                else f"The hot dogs scoring {_listing(misses)} are missed."
            )
        self.narrate(
            " ".join(verdict),
            FadeIn(marks, lag_ratio=0.3, scale=1.4),
            fill=True,
        )

        # -- summary -------------------------------------------------------------------
        self.beat("summary")
        summary = get_text(
            "Each threshold makes different mistakes.",
            size=SIZES.body,
            color=PALETTE.text,
        )
        summary.move_to(counts)
        counts.clear_updaters()
        self.narrate(
            "Every threshold trades one kind of mistake for another. Next, we count "
            "those mistakes in a confusion matrix.",
            FadeOut(counts, shift=UP * 0.2),
            FadeIn(summary, shift=UP * 0.2),
            hold=1.5,
        )
        self.wait()


__all__ = ["BinaryClassification"]
