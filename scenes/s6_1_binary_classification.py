"""6.1 Binary Classification.

Learning goal: a binary classifier turns a score y-hat in [0, 1] into a class
with a threshold t (y-hat >= t means class 1, "hot dog"); moving t changes which
items are called hot dogs, and so which mistakes the classifier makes. The data
are the course's four hot-dog images (``mathkit.data``); every prediction comes
from ``mathkit.classification.classify``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    DecimalNumber,
    FadeIn,
    FadeOut,
    GrowFromPoint,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    linear,
    smooth,
)

from mathkit.classification import classify, confusion
from mathkit.data import HOTDOG_THRESHOLD, HOTDOG_Y, HOTDOG_Y_HAT
from scenes.common.base import LectureScene
from scenes.common.classification_parts import (
    class_color,
    get_item,
    get_item_icon,
    get_positive_zone,
    get_prediction_badge,
    get_score_line,
    get_threshold_marker,
    get_verdict_mark,
)
from scenes.common.mobjects import get_tex, get_text, get_title
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

T_HIGH = 0.95
T_LOW = 0.1
"""Where the threshold is swept to (layout: above every score, below every score)."""


class BinaryClassification(LectureScene):
    """Beats: title, labels, scores, threshold, sweep, verdict, summary."""

    def construct(self) -> None:
        ys, scores, t0 = HOTDOG_Y, HOTDOG_Y_HAT, HOTDOG_THRESHOLD

        # -- title ---------------------------------------------------------------
        self.beat("title")
        title = get_title("Binary Classification", subtitle="Hot dog or not hot dog?")
        self.narrate(
            "A binary classifier sorts each input into one of two classes. "
            "The course's example: is this image a hot dog, or not?",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- labels ----------------------------------------------------------------
        self.beat("labels")
        legend = VGroup(
            *[
                VGroup(
                    get_item_icon(label, width=1.6),
                    get_tex(f"y = {label}", color=class_color(label)),
                    get_text(name, size=SIZES.body, color=PALETTE.subtle),
                ).arrange(DOWN, buff=0.3)
                for label, name in ((1, "hot dog"), (0, "not hot dog"))
            ]
        ).arrange(RIGHT, buff=2.5)
        self.narrate(
            "Every image has a true label y: 1 for a hot dog, 0 for anything else, "
            "like this slice of pizza.",
            FadeIn(legend, lag_ratio=0.4),
        )
        self.play(FadeOut(legend))

        # -- scores ----------------------------------------------------------------
        self.beat("scores")
        line = get_score_line(length=11.0).shift(DOWN * 0.5)
        axis_name = get_tex(r"\hat y", color=PALETTE.subtle).next_to(
            line, RIGHT, buff=0.3
        )
        items = VGroup(*[get_item(line, y, s) for y, s in zip(ys, scores, strict=True)])
        listed = ", ".join(f"{s:g}" for s in scores)
        self.caption(
            "The model outputs a score y-hat between 0 and 1: how sure it is that the "
            f"image is a hot dog. Our four images score {listed}."
        )
        self.play(Create(line), Write(axis_name))
        for item in items:
            self.play(
                GrowFromPoint(VGroup(item.stem, item.dot), item.dot.get_center()),
                FadeIn(VGroup(item.icon, item.label), shift=DOWN * 0.2),
                run_time=0.8,
            )
        self.hold()
        self.caption(
            "The scores are not perfectly sorted: a pizza outscores one of the hot dogs."
        )
        self.hold()

        # -- threshold ---------------------------------------------------------------
        self.beat("threshold")
        t = ValueTracker(t0)
        top = items[0].label.get_top()[1] - line.get_center()[1] + 0.1
        zone = always_redraw(lambda: get_positive_zone(line, t.get_value(), height=top))
        marker = always_redraw(
            lambda: get_threshold_marker(line, t.get_value(), up=0.6, down=0.12)
        )
        badge_y = line.get_center()[1] - 1.55

        templates = (get_prediction_badge(0), get_prediction_badge(1))

        def badges() -> VGroup:
            preds = classify(scores, t.get_value())
            return VGroup(
                *[
                    templates[int(p)].copy().move_to([line.n2p(s)[0], badge_y, 0])
                    for p, s in zip(preds, scores, strict=True)
                ]
            )

        badge_row = always_redraw(badges)
        row_name = get_text("predicted", size=SIZES.small, color=PALETTE.subtle)
        row_name.to_edge(LEFT, buff=EDGE_BUFF + 0.1).set_y(badge_y)

        threshold_label = VGroup(
            get_tex("t =", size=SIZES.tex_small, color=PALETTE.tangent),
            DecimalNumber(
                t0,
                num_decimal_places=2,
                font_size=SIZES.tex_small,
                color=PALETTE.tangent,
            ),
        ).arrange(RIGHT, buff=0.15)

        def follow(label: VGroup) -> None:
            label[1].set_value(t.get_value())
            label.next_to(line.n2p(t.get_value()), DOWN, buff=0.55)

        threshold_label.add_updater(follow)
        follow(threshold_label)
        self.caption(
            "To decide, choose a threshold t. A score at or above t is classed 1, "
            "hot dog; a score below t is classed 0."
        )
        self.play(FadeIn(zone), Create(marker), FadeIn(threshold_label))
        self.play(FadeIn(badge_row, lag_ratio=0.3), FadeIn(row_name))
        self.hold()
        self.caption(
            f"At t = {t0:g} the image scoring exactly {t0:g} counts as a hot dog: "
            "the rule is 'at or above'."
        )
        self.hold()

        # -- sweep -------------------------------------------------------------------
        self.beat("sweep")
        self.caption(
            "Raise the threshold and the classifier grows cautious: above every score, "
            "nothing is called a hot dog."
        )
        self.play(t.animate.set_value(T_HIGH), run_time=3.0, rate_func=smooth)
        t.set_value(T_HIGH)
        self.hold()
        self.caption(
            "Lower it and it grows eager: below every score, everything is a hot dog."
        )
        self.play(t.animate.set_value(T_LOW), run_time=4.0, rate_func=linear)
        t.set_value(T_LOW)
        self.hold()
        self.caption(f"Settle on the usual choice, t = {t0:g}.")
        self.play(t.animate.set_value(t0), run_time=2.5, rate_func=smooth)
        t.set_value(t0)
        self.hold()

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
                get_verdict_mark(bool(p == y)).next_to(current[i], DOWN, buff=0.2)
                for i, (p, y) in enumerate(zip(preds, ys, strict=True))
            ]
        )
        wrong = [i for i, (p, y) in enumerate(zip(preds, ys, strict=True)) if p != y]
        right = conf.tp + conf.tn
        self.caption(
            f"Compare with the true labels: {right} of {conf.n} are right. The pizza "
            f"scoring {scores[wrong[0]]:g} is called a hot dog: a false alarm."
        )
        self.play(FadeOut(threshold_label))
        self.play(FadeIn(marks, lag_ratio=0.3, scale=1.4), run_time=1.5)
        self.hold()

        # -- summary -------------------------------------------------------------------
        self.beat("summary")
        summary = get_text(
            "Each threshold makes different mistakes.",
            size=SIZES.body,
            color=PALETTE.text,
        )
        summary.to_edge(DOWN, buff=EDGE_BUFF + 0.05)
        self.play(FadeIn(summary, shift=UP * 0.2))
        self.caption(
            "Every threshold trades one kind of mistake for another. Next, we count "
            "those mistakes in a confusion matrix."
        )
        self.hold(1.5)
        self.wait()
