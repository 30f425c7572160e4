"""The title card shown before each item in the lesson videos (not a syllabus scene).

``tools.course`` renders one card per item with ``python -m tools.cards``; the
item to show comes from the environment variable ``CARD_ITEM`` (an item number
from the course outline), so the card always matches the outline.
"""

from __future__ import annotations

import os

from manim import DOWN, FadeIn, FadeOut, Line, VGroup

from scenes import outline
from scenes.common.base import LectureScene
from scenes.common.mobjects import get_text
from scenes.common.theme import PALETTE, SIZES, SPACE

CARD_SECONDS = 3.0
"""How long a card stays on screen, fades included."""
FADE_SECONDS = 0.6
"""Each fade's length: the card shows in full from FADE_SECONDS to CARD_SECONDS - FADE_SECONDS."""


class TitleCard(LectureScene):
    """Part, section and item title, faded in and out."""

    def construct(self) -> None:
        number = os.environ.get("CARD_ITEM", "")
        item = next((i for i in outline.items() if i.number == number), None)
        if item is None:
            raise ValueError(
                f"CARD_ITEM={number!r} is not an item number in the outline"
            )
        section = next(s for s in outline.sections() if s.number == item.section)
        part = get_text(section.part, size=SIZES.label, color=PALETTE.subtle)
        sect = get_text(
            f"{section.number}  {section.title}", size=SIZES.body, color=PALETTE.accent
        )
        title = get_text(f"{item.number}  {item.title}", size=SIZES.title)
        if title.width > 12.5:
            title.scale_to_fit_width(12.5)
        rule = Line(color=PALETTE.accent, stroke_width=3).scale_to_fit_width(
            title.width
        )
        card = VGroup(part, sect, rule, title).arrange(DOWN, buff=SPACE.medium)
        self.beat("card")
        self.caption(f"{item.number} {item.title}")
        self.play(FadeIn(card, shift=DOWN * 0.2), run_time=FADE_SECONDS)
        self.wait(CARD_SECONDS - 2 * FADE_SECONDS)
        self.play(FadeOut(card), run_time=FADE_SECONDS)
        self.wait()
