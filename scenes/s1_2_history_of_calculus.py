"""1.2 A Brief History of Calculus.

Learning goal: place the ideas of calculus in time, from the Greek method of
exhaustion through Newton and Leibniz and the 19th-century rigour of limits to
reverse-mode differentiation and backpropagation. Every date, name, era and
spoken line comes from ``assets/data/timeline.toml`` via ``mathkit.history``;
each era has one small picture of its idea (polygons, slices, the two
notations, an epsilon-delta band, a compute graph).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Animation,
    Create,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Indicate,
    LaggedStart,
    Mobject,
    Transform,
    VGroup,
)

from mathkit.data import RUNNING_FUNCTION
from mathkit.exhaustion import EXHAUSTION_NS
from mathkit.history import Event, load_timeline
from mathkit.limits import epsilon_delta, to_function
from scenes.common.base import LectureScene
from scenes.common.limits_parts import (
    get_circle_sketch,
    get_compute_graph,
    get_epsilon_sketch,
    get_era_strip,
    get_notations_sketch,
    get_slices_sketch,
    title_bottom,
)
from scenes.common.mobjects import get_card, get_heading, get_text, stage_box
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

ERA_COLORS = (PALETTE.accent, PALETTE.curve, PALETTE.tangent, PALETTE.area)
"""Band colour of each era page, in era order."""

ERA_INTROS = {
    "antiquity": "The story starts in ancient Greece and China, with areas found by exhaustion.",
    "infinitesimals": "From 1600 on, infinitely small pieces turned this into a calculus.",
    "rigour": "The nineteenth century replaced infinitely small quantities with limits.",
    "machine-learning": "In the twentieth century calculus became the engine of machine learning.",
}
"""Spoken introduction of each era page."""

EPSILON = 0.5
"""Half-height of the Weierstrass band in the sketch (layout of a picture, not a result)."""


def _detail(ev: Event) -> VGroup:
    """The event's card text: date, who, and what (split at '; ' when long)."""
    parts = ev.what.split("; ") if len(ev.what) > 44 else [ev.what]
    return VGroup(
        get_text(ev.date, size=SIZES.label, color=PALETTE.tangent),
        get_text(ev.who, size=SIZES.body, color=PALETTE.text),
        *[get_text(p, size=SIZES.label, color=PALETTE.subtle) for p in parts],
    ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight)


class HistoryTimeline(LectureScene):
    """Beats: title, one page per era (antiquity, infinitesimals, rigour, machine-learning), summary."""

    def construct(self) -> None:
        timeline = load_timeline()
        left, right, bottom, _ = stage_box()
        top = title_bottom(type(self)) - SPACE.medium

        strips = [
            get_era_strip(era, timeline.events_in(era.id), color=color)
            for era, color in zip(timeline.eras, ERA_COLORS, strict=True)
        ]
        headings = [
            get_heading(era.name).set_color(color)
            for era, color in zip(timeline.eras, ERA_COLORS, strict=True)
        ]
        for heading, strip in zip(headings, strips, strict=True):
            heading.move_to([left + SPACE.tight, top, 0], aligned_edge=UP + LEFT)
            strip.next_to(heading, DOWN, buff=SPACE.small).set_x(0)
        panel_top = min(s.ends.get_bottom()[1] for s in strips) - SPACE.medium
        sketch_box = (right - 4.6, panel_top, bottom)

        def place_detail(mob: Mobject) -> Mobject:
            return mob.move_to(
                [left + SPACE.medium, panel_top, 0], aligned_edge=UP + LEFT
            )

        def place_sketch(mob: Mobject) -> Mobject:
            """Fill the picture box (bottom right), up or down, keeping the aspect."""
            x0, y_top, y_bottom = sketch_box
            factor = min((y_top - y_bottom) / mob.height, (right - x0) / mob.width)
            mob.scale(factor)
            return mob.move_to([(x0 + right) / 2, (y_top + y_bottom) / 2, 0])

        # -- title ----------------------------------------------------------------
        self.opening(
            [headings[0], GrowFromCenter(strips[0].band), FadeIn(strips[0].ends)],
            "Calculus took more than two thousand years to build. Here are its milestones.",
        )

        # -- one page per era ----------------------------------------------------------
        f = to_function(RUNNING_FUNCTION)
        band = epsilon_delta(RUNNING_FUNCTION, 0.0, EPSILON)

        def sketch_steps(
            era_id: str,
        ) -> list[Callable[[Any], tuple[Mobject, list[Animation]]]]:
            """Per event of the era: how its picture appears or changes."""
            steps: list[Callable[[Any], tuple[Mobject, list[Animation]]]] = []
            if era_id == "antiquity":
                for k in range(4):

                    def step(old: Any, k: int = k) -> tuple[Mobject, list[Animation]]:
                        if k == 0:
                            new = place_sketch(get_circle_sketch(EXHAUSTION_NS[0]))
                            return new, [Create(new[0]), Create(new[1])]
                        if k == 1:
                            new = place_sketch(get_circle_sketch(EXHAUSTION_NS[-1]))
                            return old, [Transform(old, new)]
                        return old, [Indicate(old[1], color=PALETTE.secant)]

                    steps.append(step)
            elif era_id == "infinitesimals":
                for k in range(6):

                    def step(old: Any, k: int = k) -> tuple[Mobject, list[Animation]]:
                        if k == 0:
                            new = place_sketch(
                                get_slices_sketch(_barrel, (-1.0, 1.0), 6)
                            )
                            return new, [
                                Create(new.axes),
                                Create(new.curve),
                                FadeIn(new.slices),
                            ]
                        if k == 1:
                            new = place_sketch(
                                get_slices_sketch(_barrel, (-1.0, 1.0), 24)
                            )
                            return old, [Transform(old.slices, new.slices)]
                        if k == 2:
                            return old, [Indicate(old.curve, color=PALETTE.tangent)]
                        if k == 3:
                            notes = place_sketch(get_notations_sketch())
                            return notes, [
                                FadeOut(old),
                                FadeIn(notes[0], shift=UP * 0.2),
                            ]
                        if k == 4:
                            return old, [FadeIn(old[1], shift=UP * 0.2)]
                        return old, [Indicate(old[0][0]), Indicate(old[1][0])]

                    steps.append(step)
            elif era_id == "rigour":
                for k in range(3):

                    def step(old: Any, k: int = k) -> tuple[Mobject, list[Animation]]:
                        if k == 0:
                            new = place_sketch(
                                get_epsilon_sketch(f, band, (-2.2, 1.0), (0.0, 5.0))
                            )
                            return new, [
                                Create(new.axes),
                                Create(new.curve),
                                FadeIn(new.point, scale=2),
                            ]
                        if k == 1:
                            slices = old.axes.get_riemann_rectangles(
                                old.curve,
                                x_range=[-2.0, 0.8],
                                dx=0.2,
                                color=PALETTE.area,
                                fill_opacity=0.35,
                                stroke_width=1,
                                stroke_color=PALETTE.background,
                            )
                            old.add_to_back(slices)
                            old.slices = slices
                            return old, [FadeIn(slices, lag_ratio=0.1)]
                        return old, [
                            FadeOut(old.slices),
                            FadeIn(old.eps_band),
                            FadeIn(old.delta_band),
                        ]

                    steps.append(step)
            else:
                for k in range(2):

                    def step(old: Any, k: int = k) -> tuple[Mobject, list[Animation]]:
                        if k == 0:
                            graph = place_sketch(get_compute_graph())
                            return graph, [
                                FadeIn(graph.nodes, lag_ratio=0.15),
                                Create(graph.forward, lag_ratio=0.3),
                            ]
                        return old, [Create(old.backward, lag_ratio=0.3)]

                    steps.append(step)
            return steps

        for i, (era, color) in enumerate(zip(timeline.eras, ERA_COLORS, strict=True)):
            strip, heading = strips[i], headings[i]
            self.beat(era.id)
            if i == 0:
                self.narrate(
                    ERA_INTROS[era.id], Indicate(heading, color=color), fill=True
                )
            else:
                self.narrate(
                    ERA_INTROS[era.id],
                    FadeIn(heading, shift=UP * 0.2),
                    GrowFromCenter(strip.band),
                    FadeIn(strip.ends),
                    fill=True,
                )
            events = timeline.events_in(era.id)
            detail: Mobject | None = None
            sketch: Mobject | None = None
            for k, (ev, step) in enumerate(
                zip(events, sketch_steps(era.id), strict=True)
            ):
                new_detail = place_detail(get_card(_detail(ev), color=color))
                sketch, sketch_anims = step(sketch)
                length = self.caption(ev.say)
                if detail is not None:
                    self.play(FadeOut(detail), run_time=0.4)
                self.play(
                    FadeIn(strip.ticks[k], scale=2),
                    Create(strip.leaders[k]),
                    FadeIn(strip.labels[k], shift=DOWN * 0.15),
                    FadeIn(new_detail, shift=RIGHT * 0.2),
                    run_time=1.0,
                )
                # the era's picture changes while the line is spoken
                self.play(*sketch_anims, run_time=max(1.0, length - 2.6))
                self.play(Indicate(strip.labels[k], color=color, scale_factor=1.1))
                detail = new_detail
                self.hold()
            self.play(
                FadeOut(strip), FadeOut(heading), FadeOut(detail), FadeOut(sketch)
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
                        size=SIZES.label,
                        color=PALETTE.text,
                    ),
                ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight)
                for era, color in zip(timeline.eras, ERA_COLORS, strict=True)
            ]
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        self.stage(rows)
        rows.to_edge(LEFT, buff=EDGE_BUFF + SPACE.large)
        self.narrate(
            f"From {first.short} to {last.short}: the same idea of slopes and areas,"
            " made ever more precise.",
            LaggedStart(*[FadeIn(r, shift=RIGHT * 0.2) for r in rows], lag_ratio=0.5),
            fill=True,
            hold=1.5,
        )
        self.wait()


def _barrel(x: float) -> float:
    """The profile of Kepler's barrel in the sketch: a flattened arch (layout only)."""
    return 1.0 - 0.35 * x * x


def _sides(sketch: Mobject) -> int:
    """How many vertices the sketch's polygon has."""
    return len(sketch[1].get_vertices())
