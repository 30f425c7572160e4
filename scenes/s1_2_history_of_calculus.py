"""1.2 A Brief History of Calculus.

Learning goal: place the ideas of calculus in time, from the Greek method of
exhaustion through Newton and Leibniz and the 19th-century rigour of limits to
reverse-mode differentiation and backpropagation. Every date, name and era
comes from ``assets/data/timeline.toml`` via ``mathkit.history``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Indicate,
    Mobject,
    VGroup,
    Write,
)

from mathkit.history import load_timeline
from scenes.common.base import LectureScene
from scenes.common.limits_parts import get_era_page
from scenes.common.mobjects import get_heading, get_text, get_title
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES

ERA_COLORS = (PALETTE.accent, PALETTE.curve, PALETTE.tangent, PALETTE.area)
"""Band colour of each era page, in era order."""

ERA_INTROS = {
    "antiquity": "The story starts in ancient Greece and China, with areas found by exhaustion.",
    "infinitesimals": "In the seventeenth century, infinitely small pieces turned this into a calculus.",
    "rigour": "The nineteenth century replaced infinitely small quantities with limits.",
    "machine-learning": "In the twentieth century calculus became the engine of machine learning.",
}
"""Spoken introduction of each era page (no dates: those come from the data file)."""


def _detail(text: str) -> VGroup:
    """An event's description, split over two lines at '; ' if it is too wide."""
    lines = [text]
    line = get_text(text, size=SIZES.body)
    if line.width > 12.5 and "; " in text:
        lines = text.split("; ", 1)
    return VGroup(*[get_text(t, size=SIZES.body) for t in lines]).arrange(
        DOWN, buff=0.15
    )


class HistoryTimeline(LectureScene):
    """Beats: title, one page per era (antiquity, infinitesimals, rigour, machine-learning), summary."""

    def construct(self) -> None:
        timeline = load_timeline()

        # -- title ----------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "A Brief History of Calculus", subtitle="From exhaustion to backpropagation"
        )
        self.narrate(
            "Calculus took more than two thousand years to build. Here are its milestones.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- one page per era ----------------------------------------------------------
        for era, color in zip(timeline.eras, ERA_COLORS, strict=True):
            self.beat(era.id)
            events = timeline.events_in(era.id)
            heading = get_heading(era.name).set_color(color)
            heading.next_to(title, DOWN, buff=0.45).to_edge(LEFT, buff=EDGE_BUFF + 0.1)
            page = get_era_page(era, events, color=color)
            page.next_to(heading, DOWN, buff=0.25).set_x(0)
            self.caption(ERA_INTROS[era.id])
            self.play(FadeIn(heading, shift=UP * 0.2))
            self.play(GrowFromCenter(page.band), FadeIn(page[1]), FadeIn(page[2]))
            self.hold()
            detail: Mobject | None = None
            for k, ev in enumerate(events):
                new_detail = _detail(ev.what)
                new_detail.next_to(page, DOWN, buff=0.4)
                if new_detail.get_bottom()[1] < -4 + EDGE_BUFF:
                    new_detail.to_edge(DOWN, buff=EDGE_BUFF)
                self.caption(f"{ev.who}, {ev.date}: {ev.what}.")
                anims = [
                    FadeIn(page.ticks[k], scale=2),
                    Create(page.leaders[k]),
                    FadeIn(page.cards[k], shift=(UP if k % 2 == 0 else DOWN) * 0.2),
                    FadeIn(new_detail),
                ]
                if detail is not None:
                    anims.append(FadeOut(detail))
                self.play(*anims)
                self.play(Indicate(page.cards[k][1], color=color, scale_factor=1.05))
                detail = new_detail
                self.hold()
            self.play(
                FadeOut(page), FadeOut(heading), *([FadeOut(detail)] if detail else [])
            )

        # -- summary -------------------------------------------------------------------
        self.beat("summary")
        first, last = timeline.events[0], timeline.events[-1]
        rows = VGroup(
            *[
                VGroup(
                    get_text(era.name, size=SIZES.body, color=color),
                    get_text(
                        ", ".join(e.short for e in timeline.events_in(era.id)),
                        size=SIZES.small,
                        color=PALETTE.subtle,
                    ),
                ).arrange(DOWN, aligned_edge=LEFT, buff=0.12)
                for era, color in zip(timeline.eras, ERA_COLORS, strict=True)
            ]
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        rows.next_to(title, DOWN, buff=0.6).to_edge(LEFT, buff=EDGE_BUFF + 0.6)
        self.narrate(
            f"From {first.who} ({first.date}) to {last.who} ({last.date}): "
            "the same idea of slopes and areas, made ever more precise.",
            FadeIn(rows, lag_ratio=0.3),
            run_time=2,
            hold=1.5,
        )
        self.wait()
