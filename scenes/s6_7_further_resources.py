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
    Arrow,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    VGroup,
    Write,
)

from mathkit.resources import load_resources
from scenes import outline
from scenes.common.base import LectureScene
from scenes.common.integral_parts import get_next_subject, get_resource_row
from scenes.common.mobjects import get_card, get_text, get_title
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES


class FurtherResources(LectureScene):
    """Beats: title, recap, resources, next-subjects, farewell."""

    def construct(self) -> None:
        data = load_resources()

        # -- title -----------------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "Resources for Further Study", subtitle="Where to go from here"
        )
        self.narrate(
            "You have reached the end of the calculus course. Well done!",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- recap -----------------------------------------------------------------------
        self.beat("recap")
        sections = outline.sections()
        chips = VGroup(
            *[
                get_card(
                    get_text(f"{s.number}  {s.title}", size=SIZES.small),
                    buff=0.2,
                    color=PALETTE.accent,
                )
                for s in sections
            ]
        )
        chips.arrange_in_grid(
            rows=(len(sections) + 1) // 2, cols=2, buff=(0.4, 0.3), col_alignments="ll"
        )
        chips.next_to(title, DOWN, buff=0.7).set_x(0)
        self.narrate(
            f"In {len(sections)} sections we went from limits and derivatives, through"
            " automatic differentiation and gradients, to integrals.",
            FadeIn(chips, lag_ratio=0.2),
            run_time=2.5,
        )

        # -- resources ---------------------------------------------------------------------
        self.beat("resources")
        rows = VGroup(*[get_resource_row(r) for r in data.resources])
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.32)
        rows.next_to(title, DOWN, buff=0.55).to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        self.play(FadeOut(chips, shift=DOWN * 0.2))
        says = {
            "book": "To go deeper, read",
            "video": "To see it animated, watch",
            "course": "To practise, try",
        }
        for resource, row in zip(data.resources, rows, strict=True):
            lead = says[resource.kind]
            self.narrate(
                f"{lead} {resource.citation}: {resource.where}.",
                FadeIn(row, shift=RIGHT * 0.3),
            )

        # -- next subjects -----------------------------------------------------------------
        self.beat("next-subjects")
        self.play(FadeOut(rows, shift=UP * 0.2))
        here = get_card(
            get_text("Calculus", size=SIZES.heading, color=PALETTE.area),
            buff=0.3,
            color=PALETTE.area,
        )
        nexts = VGroup(
            *[get_next_subject(s, color=PALETTE.accent) for s in data.next_subjects]
        ).arrange(DOWN, buff=0.6, aligned_edge=LEFT)
        chain = VGroup(here, nexts).arrange(RIGHT, buff=1.6)
        chain.next_to(title, DOWN, buff=0.9).set_x(0)
        arrows = VGroup(
            *[
                Arrow(
                    here.get_right(),
                    card.get_left(),
                    buff=0.15,
                    color=PALETTE.muted,
                    stroke_width=4,
                )
                for card in nexts
            ]
        )
        heading = get_text(
            "Next in the ML Foundations series", size=SIZES.label, color=PALETTE.subtle
        )
        heading.next_to(nexts, UP, buff=0.35).align_to(nexts, LEFT)
        names = " and ".join(s.title for s in data.next_subjects)
        self.caption(f"The series continues with {names}.")
        self.play(FadeIn(here))
        self.play(*[GrowArrow(a) for a in arrows], FadeIn(heading))
        self.play(FadeIn(nexts, lag_ratio=0.4, shift=LEFT * 0.2))
        self.hold()
        self.caption(
            "The derivatives and gradients you learned here drive every optimiser you will meet"
            " there."
        )
        self.hold()

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
        ).arrange(DOWN, buff=0.15)
        block = VGroup(thanks, wish).arrange(DOWN, buff=0.5).move_to(DOWN * 0.3)
        backdrop = get_card(block, buff=0.45, color=PALETTE.accent)[0]
        self.caption(
            "Thank you for learning calculus with us. Keep asking how things change,"
            " and how much they add up to."
        )
        self.play(Create(backdrop), Write(thanks))
        self.play(FadeIn(wish, shift=UP * 0.2))
        self.hold(2.0)
        self.play(FadeOut(VGroup(backdrop, thanks, wish, title)), run_time=1.5)
        self.wait()
