"""6.7 Resources for Further Study.

Learning goal: leave the course knowing what it covered (one picture per section,
drawn from that section's mathkit data by ``scenes/common/recap_parts.py``), where
to study each idea further (books, videos and courses from
``assets/data/resources.toml``), and which subjects of the ML Foundations series
come next. The closing card of the course.
"""

from __future__ import annotations

from collections.abc import Sequence

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
    Mobject,
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
    get_next_subject,
    get_resource_row,
    kind_tag_width,
)
from scenes.common.mobjects import get_card, get_text, get_title, stage_box
from scenes.common.recap_parts import THUMBNAILS, get_recap_tile
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

RECAP_LINES = (
    "polygons with more and more sides trapped the circle's area between them.",
    "secants through a point closed in on the tangent, whose slope is the derivative.",
    "a graph of simple steps carries values forward and gradients back.",
    "each function drawn over its derivative, matched point by point.",
    "on the cost's contour map the gradient points straight uphill.",
    "areas under curves, like the area under an ROC curve.",
)
"""What each section's recap line says after its title (one per outline section)."""
PULSE = 1.05
"""[LAYOUT] How much a next-subject card grows when it is pointed at (Indicate's 1.2 took
the right card over the frame edge)."""


class FurtherResources(LectureScene):
    """Beats: title, recap, resources, next-subjects, farewell."""

    def _recap_grid(self, sections: Sequence[outline.Section], top: Mobject) -> VGroup:
        """One tile per section in a 3 x 2 grid filling the stage under ``top``.

        Each tile shows its thumbnail's base; the key picture is taken out of the
        group (its ``reveal`` draws it in the recap)."""
        left, right, bottom, upper = stage_box(top)
        cols = (len(sections) + 1) // 2
        width = (right - left - (cols - 1) * SPACE.medium) / cols
        height = (upper - bottom - SPACE.medium) / 2
        tiles = VGroup(
            *[
                get_recap_tile(sec.number, sec.title, build, width=width, height=height)
                for sec, build in zip(sections, THUMBNAILS, strict=True)
            ]
        ).arrange_in_grid(rows=2, cols=cols, buff=SPACE.medium)
        tiles.move_to([(left + right) / 2, (upper + bottom) / 2, 0])
        for tile in tiles:
            tile.caption.set_color(PALETTE.subtle)
            tile.thumb.hide_key()
        return tiles

    def construct(self) -> None:
        data = load_resources()

        # -- title: the six sections as thumbnails ------------------------------------------
        sections = outline.sections()
        item = outline.by_scene(FurtherResources.__name__)
        assert item is not None
        tiles = self._recap_grid(
            sections, get_title(item.screen_title, subtitle=item.subtitle)
        )
        self.opening(
            FadeIn(tiles, lag_ratio=0.1),
            "You have reached the end of the calculus course. Well done! Here are its"
            f" {len(sections)} sections, one picture each.",
        )

        # -- recap: each tile lights up while its line recalls it ----------------------------
        self.beat("recap")
        glows = VGroup()
        for sec, tile, phrase in zip(sections, tiles, RECAP_LINES, strict=True):
            # an outline over the frame (no fill, so nothing drawn before is dimmed)
            glow = tile.frame.copy().set_fill(opacity=0).set_stroke(PALETTE.accent, 4)
            light = [Create(glow), tile.caption.animate.set_color(PALETTE.text)]
            if glows:
                light.append(FadeOut(glows[-1]))
            glows.add(glow)
            self.narrate(
                f"{sec.title}: {phrase}",
                AnimationGroup(*light, tile.thumb.reveal()),
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
        self.play(
            FadeOut(tiles, glows[-1], *[t.thumb.key for t in tiles], shift=DOWN * 0.2)
        )
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
                *[
                    Indicate(card, color=PALETTE.tangent, scale_factor=PULSE)
                    for card in nexts
                ],
                lag_ratio=0.5,
            ),
            fill=True,
        )

        # -- farewell: the thanks over the course's six pictures -----------------------------
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
        block = VGroup(thanks, wish).arrange(DOWN, buff=SPACE.large)
        left, right, bottom, upper = stage_box(self.title)
        block.move_to([(left + right) / 2, upper - SPACE.medium - block.height / 2, 0])
        backdrop = get_card(block, buff=SPACE.medium, color=PALETTE.accent)[0]
        strip_top = backdrop.get_bottom()[1] - SPACE.large
        count = len(sections)
        wide = (right - left - (count - 1) * SPACE.medium) / count
        strip = VGroup(
            *[
                get_recap_tile(
                    sec.number, None, build, width=wide, height=strip_top - bottom
                ).finish()
                for sec, build in zip(sections, THUMBNAILS, strict=True)
            ]
        ).arrange(RIGHT, buff=SPACE.medium)
        strip.move_to([(left + right) / 2, (strip_top + bottom) / 2, 0])
        self.narrate(
            "Thank you for learning calculus with us. Keep asking how things change,"
            " and how much they add up to.",
            Succession(
                AnimationGroup(Create(backdrop), Write(thanks)),
                FadeIn(wish, shift=UP * 0.2),
                FadeIn(strip, lag_ratio=0.15),
            ),
            fill=True,
            hold=2.0,
        )
        self.wait()
