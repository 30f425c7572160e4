"""Slide decks: the model that both deck writers read (tools.deck.html, tools.deck.powerpoint).

A deck is an ordered list of slides, one per beat (and one per title card in a
lesson), each holding its clip, its poster frame (the clip's last frame) and its
speaker notes. ``tools.slides`` builds a deck from renders; this package only
describes and writes it.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tools.subtitles import Cue


@dataclass(frozen=True, slots=True)
class Slide:
    """One slide: a clip that plays to its last frame, with notes for the speaker."""

    key: str
    """Unique in the deck, safe in a file name and a URL fragment (``Scene-beat``)."""
    scene_title: str
    """``N.M Title`` of the syllabus item."""
    beat: str
    clip: Path
    poster: Path
    notes: str
    duration: float


@dataclass(frozen=True, slots=True)
class Deck:
    """What ``make slides`` writes: ``<name>/index.html`` and ``<name>.pptx``."""

    name: str
    title: str
    slides: tuple[Slide, ...]
    width: int
    height: int


def beat_notes(cues: Sequence[Cue], durations: Sequence[float]) -> list[str]:
    """The narration of each beat: every cue goes to the beat its midpoint falls in.

    ``durations`` are the beats' clip lengths in order (from sections.json); their
    running sums are the beat boundaries in the scene's timeline, so the split
    follows the subtitles whatever their timing.
    """
    if not durations:
        return []
    ends = list(itertools.accumulate(durations))
    notes: list[list[str]] = [[] for _ in durations]
    for cue in cues:
        beat = bisect.bisect_right(ends, (cue.start + cue.end) / 2)
        notes[min(beat, len(notes) - 1)].append(" ".join(cue.text.split()))
    return [" ".join(parts) for parts in notes]
