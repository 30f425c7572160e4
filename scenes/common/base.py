"""``LectureScene``: the base of every syllabus scene (theme and conventions, no content)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any, ClassVar, Final

from manim import Scene, ThreeDScene

from scenes.common.params import Schema, current
from scenes.common.theme import PALETTE

CAPTION_LINE: Final = 42
"""Most characters on one subtitle line."""
CAPTION_LINES: Final = 2
"""Most lines in one subtitle."""
CAPTION_CPS: Final = 15.0
"""Characters a second a subtitle is timed for (the gate allows up to 20)."""
CAPTION_MIN: Final = 1.5
"""Shortest time (s) a subtitle stays on screen."""


@dataclass(frozen=True, slots=True)
class Caption:
    """One subtitle as the scene scheduled it."""

    start: float
    end: float
    text: str
    section: str


def split_caption(text: str) -> list[str]:
    """Split narration into subtitles of at most 2 lines of 42 characters."""
    lines = textwrap.wrap(" ".join(text.split()), CAPTION_LINE)
    return [
        "\n".join(lines[i : i + CAPTION_LINES])
        for i in range(0, len(lines), CAPTION_LINES)
    ]


class LectureMixin:
    """Theme, subtitles and beats shared by 2-D and 3-D lecture scenes.

    Narration goes through :meth:`caption`, which splits it into readable
    subtitles and times them by reading speed; :meth:`hold` then waits until the
    viewer has had time to read them. Beats are marked with :meth:`beat`, a thin
    wrapper of ``next_section`` that also records the beat name for the layout lint.
    """

    #: Pairs of mobject names whose overlap is intended (see the layout lint).
    allowed_overlaps: ClassVar[tuple[tuple[str, str], ...]] = ()
    #: The scene's parameter schema (scenes/common/schemas.py), if it takes variants.
    params_schema: ClassVar[type[Schema] | None] = None

    @property
    def params(self) -> Any:
        """The scene's parameters: the variant's (``$LECTURE_VARIANT``), else the defaults."""
        if self.__dict__.get("_params") is None and self.params_schema is not None:
            self.__dict__["_params"] = current(
                self.params_schema.scene, self.params_schema
            )
        return self.__dict__.get("_params")

    @params.setter
    def params(self, value: Schema) -> None:
        self.__dict__["_params"] = value

    def setup(self) -> None:  # type: ignore[override]
        """Apply the theme."""
        super().setup()  # type: ignore[misc]
        self.camera.background_color = PALETTE.background  # type: ignore[attr-defined]
        self.captions: list[Caption] = []
        self.current_beat = "start"
        self._caption_until = 0.0

    # -- beats ------------------------------------------------------------------
    def beat(self, name: str, **kwargs: Any) -> None:
        """Start a new beat: a named section (``--save_sections`` clip, chapter)."""
        self.current_beat = name
        self.next_section(name, **kwargs)  # type: ignore[attr-defined]

    # -- subtitles --------------------------------------------------------------
    def caption(self, text: str) -> float:
        """Schedule ``text`` as subtitles starting now; return their total duration.

        Long text is split into consecutive subtitles of at most two lines of 42
        characters, each shown for ``len / 15`` seconds (at least 1.5 s).
        """
        start = max(self.time, self._caption_until)  # type: ignore[attr-defined]
        offset = start - self.time  # type: ignore[attr-defined]
        total = 0.0
        for chunk in split_caption(text):
            duration = max(CAPTION_MIN, len(chunk.replace("\n", " ")) / CAPTION_CPS)
            self.add_subcaption(chunk, duration=duration, offset=offset + total)  # type: ignore[attr-defined]
            self.captions.append(
                Caption(
                    start + total, start + total + duration, chunk, self.current_beat
                )
            )
            total += duration
        self._caption_until = start + total
        return total

    def hold(self, minimum: float = 0.5) -> None:
        """Wait until the current subtitles have been read (at least ``minimum`` s)."""
        remaining = self._caption_until - self.time  # type: ignore[attr-defined]
        self.wait(max(minimum, remaining))  # type: ignore[attr-defined]


class LectureScene(LectureMixin, Scene):
    """Base for every 2-D syllabus scene."""


class LectureScene3D(LectureMixin, ThreeDScene):
    """Base for syllabus scenes with 3-D surfaces."""
