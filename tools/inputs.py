"""Validating user input: scene names, quality presets, formats, JOBS.

The Makefile passes SCENE, QUALITY, FORMAT, SECTION and JOBS as environment
variables; every tool turns them into values here, before anything runs, and
raises :class:`tools.cli.UsageError` with a helpful message for anything else.
The quality presets (Manim's flag, its config name and the folder) live here.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from typing import Final

from scenes import outline
from tools.cli import UsageError
from tools.paths import ROOT


@dataclass(frozen=True, slots=True)
class Quality:
    """A quality preset: Manim's -q flag, its config value and the folder it renders into."""

    name: str
    flag: str
    folder: str
    manim_name: str


QUALITIES: Final[dict[str, Quality]] = {
    q.name: q
    for q in (
        Quality("low", "l", "480p15", "low_quality"),
        Quality("medium", "m", "720p30", "medium_quality"),
        Quality("high", "h", "1080p60", "high_quality"),
        Quality("production", "p", "1440p60", "production_quality"),
        Quality("4k", "k", "2160p60", "fourk_quality"),
    )
}
DEFAULT_QUALITY: Final = "high"
FORMATS: Final = ("mp4", "webm", "mov", "gif", "png")
TRANSPARENT_FORMATS: Final = ("webm", "mov")
MAX_VALUE: Final = 200
"""Longest value accepted for any input (longer ones are refused unread)."""
MAX_JOBS: Final = 64


def _shown(value: str) -> str:
    """``value`` quoted for a message, shortened if very long."""
    return repr(value if len(value) <= 60 else value[:57] + "...")


def _checked(value: str, what: str) -> str:
    if len(value) > MAX_VALUE:
        raise UsageError(
            f"{what} is {len(value)} characters long (at most {MAX_VALUE})"
        )
    return value


def resolve_scene(name: str | None) -> outline.Item:
    """The outline item for scene class ``name``, or a UsageError that helps."""
    items = outline.items()
    if not name or not name.strip():
        raise UsageError(
            "no scene given. Use: make render SCENE=<SceneClass>\n"
            "Scenes: " + ", ".join(i.scene for i in outline.present()) + "\n"
            "Run `make list` to see every syllabus item."
        )
    name = _checked(name.strip(), "SCENE")
    item = outline.by_scene(name)
    if item is None:
        by_lower = {i.scene.lower(): i.scene for i in items}
        close = difflib.get_close_matches(name.lower(), list(by_lower), n=3, cutoff=0.5)
        hint = (
            "Did you mean: " + ", ".join(by_lower[c] for c in close) + "?\n"
            if close
            else ""
        )
        raise UsageError(
            f"unknown scene {_shown(name)}.\n{hint}Run `make list` to see all scenes."
        )
    if not item.exists:
        raise UsageError(
            f"scene {item.scene} ({item.number} {item.title}) is in the course outline"
            f" but not written yet (expected {item.path.relative_to(ROOT)})."
        )
    return item


def resolve_scenes(names: str) -> list[outline.Item]:
    """Comma-separated scene classes (``SCENES=A,B``) as outline items."""
    return [resolve_scene(n.strip()) for n in names.split(",") if n.strip()]


def resolve_quality(name: str | None) -> Quality:
    """The quality preset called ``name`` (default: high)."""
    key = _checked(name or DEFAULT_QUALITY, "QUALITY").strip().lower()
    if key not in QUALITIES:
        raise UsageError(
            f"unknown quality {_shown(name or '')}. Choose one of: "
            + ", ".join(f"{q.name} ({q.folder})" for q in QUALITIES.values())
        )
    return QUALITIES[key]


def resolve_format(name: str | None, transparent: bool) -> str:
    """The output format, checked against transparency."""
    fmt = _checked(name or "mp4", "FORMAT").strip().lower()
    if fmt not in FORMATS:
        raise UsageError(
            f"unknown format {_shown(name or '')}. Choose one of: {', '.join(FORMATS)}"
        )
    if transparent and fmt not in (*TRANSPARENT_FORMATS, "png"):
        raise UsageError(
            f"transparent output needs webm, mov or png, not {fmt} (mp4 and gif have no alpha)"
        )
    return fmt


def resolve_section(name: str | None) -> str | None:
    """A beat name for ``make still SECTION=...`` (checked against the scene later)."""
    if name is None or not name.strip():
        return None
    value = _checked(name.strip(), "SECTION")
    if not value.replace("-", "").replace("_", "").isalnum() or not value.isascii():
        raise UsageError(
            f"SECTION must be a beat name (letters, digits, - and _), got {_shown(value)}"
        )
    return value


def resolve_jobs(value: str | None) -> int:
    """Parallel jobs for ``make course`` (default: up to 2, the CPU count)."""
    if value is None or not value.strip():
        return max(1, min(2, os.cpu_count() or 1))
    value = _checked(value.strip(), "JOBS")
    try:
        jobs = int(value)
    except ValueError:
        raise UsageError(f"JOBS must be a whole number, got {_shown(value)}") from None
    if not 1 <= jobs <= MAX_JOBS:
        raise UsageError(f"JOBS must be between 1 and {MAX_JOBS}, got {jobs}")
    return jobs


def truthy(value: str | None) -> bool:
    """Whether an environment flag such as ``TRANSPARENT=1`` or ``FORCE=yes`` is on."""
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}
