"""Chapter lists that video platforms accept: first at 0:00, at least 3, each at least 10 s.

A lesson's chapters are its items (title card plus scene). A lesson of fewer
than three items is split at its scenes' beats instead (from each scene's
sections index), and any chapter shorter than 10 s is merged into its
neighbour, so that the list meets the rules YouTube and other platforms apply
to timestamp lists in descriptions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final

MIN_CHAPTERS: Final = 3
MIN_LENGTH: Final = 10.0

Chapter = tuple[float, float, str]


def beat_marks(
    sections_index: Path, scene_start: float, label: str
) -> list[tuple[float, str]]:
    """(time, title) of every beat after the first, shifted to where the scene starts."""
    try:
        entries = json.loads(sections_index.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return []
    marks = []
    cursor = scene_start
    for i, entry in enumerate(entries):
        if i:
            marks.append((cursor, f"{label}: {entry['name']}"))
        cursor += float(entry["duration"])
    return marks


def merge_short(chapters: list[Chapter]) -> list[Chapter]:
    """Merge chapters shorter than MIN_LENGTH into the one before (the first into the next)."""
    out: list[Chapter] = []
    for start, end, title in chapters:
        if out and (out[-1][1] - out[-1][0] < MIN_LENGTH or end - start < MIN_LENGTH):
            first, _, kept = out.pop()
            out.append((first, end, kept))
        else:
            out.append((start, end, title))
    return out


def for_platforms(
    chapters: list[Chapter], marks: list[tuple[float, str]]
) -> list[Chapter]:
    """``chapters`` (one per item), split at beat ``marks`` if too few, short ones merged."""
    if len(chapters) < MIN_CHAPTERS and marks:
        cuts = sorted([(s, t) for s, _, t in chapters] + marks)
        end = chapters[-1][1]
        chapters = [
            (start, cuts[i + 1][0] if i + 1 < len(cuts) else end, title)
            for i, (start, title) in enumerate(cuts)
        ]
    return merge_short(chapters)


def problems(chapters: list[Chapter]) -> list[str]:
    """What keeps ``chapters`` from being accepted by the platforms (empty: valid)."""
    out = []
    if not chapters or abs(chapters[0][0]) > 1e-6:
        out.append("the first chapter does not start at 0:00")
    if len(chapters) < MIN_CHAPTERS:
        out.append(
            f"{len(chapters)} chapter(s), platforms need at least {MIN_CHAPTERS}"
        )
    out += [
        f"chapter {title!r} lasts {end - start:.1f}s (min {MIN_LENGTH:g}s)"
        for start, end, title in chapters
        if end - start < MIN_LENGTH
    ]
    return out
