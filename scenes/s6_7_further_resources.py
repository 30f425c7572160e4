"""6.7 Resources for Further Study.

Learning goal: leave the course knowing what it covered, where to study each idea
further (books, videos and courses from ``assets/data/resources.toml``), and which
subjects of the ML Foundations series come next. The closing card of the course.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Arrow,
    Circumscribe,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    LaggedStart,
    Succession,
    VGroup,
    Write,
)

from mathkit.resources import load_resources
from scenes import outline
from scenes.common.base import LectureScene
from scenes.common.integral_parts import (
    KIND_COLORS,
    KIND_LABELS,
    get_chips,
    get_next_subject,
    get_resource_row,
    kind_tag_width,
)
from scenes.common.mobjects import fit_to_stage, get_card, get_text, get_title
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE


class FurtherResources(LectureScene):
    """Beats: title, recap, resources, next-subjects, farewell."""

    def construct(self) -> None:
        data = load_resources()

        # -- title -----------------------------------------------------------------------
        sections = outline.sections()
        chips = get_chips(
            [f"{sec.number}  {sec.title}" for sec in sections], color=PALETTE.accent
        )
        chips.arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        item = outline.by_scene(FurtherResources.__name__)
        assert item is not None
        fit_to_stage(chips, get_title(item.screen_title, subtitle=item.subtitle))
        self.opening(
            FadeIn(chips, lag_ratio=0.2),
            "You have reached the end of the calculus course. Well done!",
        )

        # -- recap -----------------------------------------------------------------------
        self.beat("recap")
        self.narrate(
            f"In {len(sections)} sections we went from limits and derivatives, through"
            " automatic differentiation and gradients, to integrals.",
            LaggedStart(
                *[Indicate(c[0], color=PALETTE.tangent) for c in chips], lag_ratio=0.3
            ),
            fill=True,
        )

        # -- resources ---------------------------------------------------------------------
        self.beat("resources")
        order = {kind: i for i, kind in enumerate(KIND_LABELS)}
        resources = sorted(data.resources, key=lambda r: order[r.kind])
        column = kind_tag_width()
        rows = VGroup(*[get_resource_row(r, tag_width=column) for r in resources])
        rows.arrange(DOWN, aligned_edge=LEFT, buff=SPACE.medium)
        self.stage(rows)
        rows.to_edge(LEFT, buff=EDGE_BUFF + SPACE.medium)
        self.play(FadeOut(chips, shift=DOWN * 0.2))
        says = {
            "book": "To go deeper, read",
            "video": "To see it animated, watch",
            "course": "To practise, try",
        }
        for resource, row in zip(resources, rows, strict=True):
            lead = says[resource.kind]
            self.narrate(
                f"{lead} {resource.citation}: {resource.where}.",
                Succession(
                    FadeIn(row, shift=RIGHT * 0.3),
                    Circumscribe(row.lines[0], color=KIND_COLORS[resource.kind]),
                ),
                fill=True,
            )

        # -- next subjects -----------------------------------------------------------------
        self.beat("next-subjects")
        self.play(FadeOut(rows, shift=UP * 0.2))
        here = get_card(
            get_text("Calculus", size=SIZES.heading, color=PALETTE.area),
            buff=SPACE.medium,
            color=PALETTE.area,
        )
        widest = max(get_next_subject(s).width for s in data.next_subjects)
        nexts = VGroup(
            *[
                get_next_subject(s, color=PALETTE.accent, width=widest)
                for s in data.next_subjects
            ]
        ).arrange(DOWN, buff=SPACE.large, aligned_edge=LEFT)
        chain = VGroup(here, nexts).arrange(RIGHT, buff=SPACE.section * 1.5)
        chain.next_to(self.title, DOWN, buff=SPACE.section).set_x(0)
        arrows = VGroup(
            *[
                Arrow(
                    here.get_right(),
                    card.get_left(),
                    buff=SPACE.small,
                    color=PALETTE.muted,
                    stroke_width=4,
                )
                for card in nexts
            ]
        )
        heading = get_text(
            "Next in the ML Foundations series", size=SIZES.label, color=PALETTE.subtle
        )
        heading.next_to(nexts, UP, buff=SPACE.medium).align_to(nexts, LEFT)
        names = " and ".join(s.title for s in data.next_subjects)
        self.narrate(
            f"The series continues with {names}.",
            Succession(
                FadeIn(here),
                AnimationGroup(*[GrowArrow(a) for a in arrows], FadeIn(heading)),
                FadeIn(nexts, lag_ratio=0.4, shift=LEFT * 0.2),
            ),
            fill=True,
        )
        self.narrate(
            "The derivatives and gradients you learned here drive every optimiser you will"
            " meet there.",
            LaggedStart(
                *[Indicate(card, color=PALETTE.tangent) for card in nexts],
                lag_ratio=0.5,
            ),
            fill=True,
        )

        # -- farewell ----------------------------------------------------------------------
        self.beat("farewell")
        self.play(*[FadeOut(m) for m in (here, arrows, nexts, heading)])
        thanks = get_text(
            "Thank you for learning calculus with us!",
            size=SIZES.heading,
            color=PALETTE.text,
        )
        wish = VGroup(
            *[
                get_text(line, size=SIZES.body, color=PALETTE.tangent)
                for line in (
                    "Keep asking how things change,",
                    "and how much they add up to.",
                )
            ]
        ).arrange(DOWN, buff=SPACE.small)
        block = (
            VGroup(thanks, wish)
            .arrange(DOWN, buff=SPACE.large)
            .move_to(DOWN * SPACE.medium)
        )
        backdrop = get_card(block, buff=SPACE.medium, color=PALETTE.accent)[0]
        self.narrate(
            "Thank you for learning calculus with us. Keep asking how things change,"
            " and how much they add up to.",
            Succession(
                AnimationGroup(Create(backdrop), Write(thanks)),
                FadeIn(wish, shift=UP * 0.2),
            ),
            fill=True,
            hold=2.0,
        )
        self.wait()
