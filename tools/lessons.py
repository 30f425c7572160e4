"""Lesson videos: title cards and scene videos joined per section and for the course.

Each lesson goes to ``renders/<res>/lessons/<name>.mp4`` with chapter markers in
the MP4, a ``.chapters.vtt``, a plain ``.chapters.txt`` timestamp list for
video-platform descriptions, and the items' subtitles merged and shifted
(``.srt`` and ``.vtt``). A lesson is rebuilt only when one of its scenes or
cards changed (its manifest holds the hash of them all).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Final

from scenes import outline
from scenes.common.params import Variant
from tools import audio, files, media, provenance, subtitles
from tools import chapters as platform
from tools.inputs import Quality
from tools.paths import BUILD, RENDERS, ROOT

CARD_CODE: Final = (ROOT / "scenes/common/title_card.py", ROOT / "tools/cards.py")
COURSE_TITLE: Final = "Machine Learning Foundations: Calculus"


def _duration(path: Path) -> float:
    value = media.duration(path)
    if value is None:
        raise media.MediaError(f"cannot read the duration of {path}")
    return value


def card(item: outline.Item, quality: Quality) -> Path:
    """The title card video for ``item`` at ``quality`` (rendered once, then cached)."""
    digest = files.sha256(
        f"{item.number}|{item.title}|{quality.name}|{provenance.manim_version()}",
        *CARD_CODE,
        ROOT / "scenes/outline.toml",
        ROOT / "scenes/common/theme.py",
    )
    dest = BUILD / "cards" / quality.folder / f"{item.number}-{digest[:12]}.mp4"
    if not dest.is_file():
        subprocess.run(
            [sys.executable, "-m", "tools.cards", item.number, quality.name, str(dest)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    return dest


def stamp(seconds: float) -> str:
    """``MM:SS`` (or ``H:MM:SS`` past an hour) for a chapter list."""
    s = int(seconds)
    return (
        f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
        if s >= 3600
        else f"{s // 60:02d}:{s % 60:02d}"
    )


def _ffmetadata(title: str, chapters: list[tuple[float, float, str]]) -> str:
    lines = [";FFMETADATA1", f"title={title}"]
    for start, end, chapter in chapters:
        lines += [
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            f"START={round(start * 1000)}",
            f"END={round(end * 1000)}",
            f"title={chapter.replace('=', ' ')}",
        ]
    return "\n".join(lines) + "\n"


def build_lesson(
    name: str,
    title: str,
    items: list[outline.Item],
    quality: Quality,
    variant: Variant | None = None,
) -> Path | None:
    """Concatenate cards and scene videos into one MP4 with chapters and subtitles.

    With ``variant``, its scene's video is the variant's render (``Scene--name``).
    """
    from tools.render import Job

    if not items:
        return None
    out_dir = RENDERS / quality.folder / "lessons"
    segments: list[Path] = []
    chapters: list[tuple[float, float, str]] = []
    cues: list[subtitles.Cue] = []
    marks: list[tuple[float, str]] = []
    parts: list[str] = [name]
    cursor = 0.0
    for item in items:
        own = variant if variant is not None and variant.scene == item.scene else None
        video = Job(item, quality, variant=own).destination
        manifest = provenance.read_manifest(video)
        if manifest is None or not video.is_file():
            continue
        card_path = card(item, quality)
        parts += [str(manifest["input_hash"]), card_path.name]
        start = cursor
        cursor += _duration(card_path)
        scene_start = cursor
        cursor += _duration(video)
        chapters.append((start, cursor, f"{item.number} {item.title}"))
        sections = video.parent / "sections" / video.stem / "sections.json"
        marks += platform.beat_marks(
            sections, scene_start, f"{item.number} {item.title}"
        )
        segments += [card_path, video]
        srt = video.with_suffix(".srt")
        if srt.is_file():
            for cue in subtitles.parse_srt(srt.read_text(encoding="utf-8")):
                cues.append(
                    subtitles.Cue(
                        cue.start + scene_start, cue.end + scene_start, cue.text
                    )
                )
    if not segments:
        return None
    chapters = platform.for_platforms(chapters, marks)
    dest = out_dir / f"{name}.mp4"
    key = files.sha256(*parts)
    manifest = provenance.read_manifest(dest)
    if dest.is_file() and manifest and manifest.get("input_hash") == key:
        return dest
    work = BUILD / "lessons" / quality.folder
    listing = files.write_text(
        work / f"{name}.txt",
        "".join(f"file '{p.resolve()}'\n" for p in segments),
    )
    meta = files.write_text(work / f"{name}.ffmeta", _ffmetadata(title, chapters))
    with files.atomic_path(dest) as tmp:
        media.concat(listing, meta, tmp)
        audio.add_lesson_audio(tmp, segments)  # narration across the title cards
    audio.lesson_transcript(dest.with_suffix(".txt"), title, segments[1::2])
    files.write_text(out_dir / f"{name}.srt", subtitles.compose_srt(cues))
    files.write_text(out_dir / f"{name}.vtt", subtitles.compose_vtt(cues))
    chapter_cues = [subtitles.Cue(s, e, t) for s, e, t in chapters]
    files.write_text(
        out_dir / f"{name}.chapters.vtt", subtitles.compose_vtt(chapter_cues)
    )
    files.write_text(
        out_dir / f"{name}.chapters.txt",
        "".join(f"{stamp(s)} {t}\n" for s, _, t in chapters),
    )
    provenance.write(
        dest,
        key,
        {
            "lesson": name,
            "title": title,
            "quality": quality.name,
            "chapters": [{"start": s, "end": e, "title": t} for s, e, t in chapters],
        },
    )
    return dest


def verdict(lesson: Path) -> str:
    """One line on a built lesson: its chapters and audio, or what platforms would refuse.

    The chapters are read back from the lesson's manifest and checked with the
    platforms' rules (first at 0:00, at least 3, each at least 10 s).
    """
    manifest = provenance.read_manifest(lesson) or {}
    listed = [
        (float(c["start"]), float(c["end"]), str(c["title"]))
        for c in manifest.get("chapters", [])
    ]
    found = platform.problems(listed)
    sound = "with audio" if media.has_audio(lesson) else "SILENT"
    if found:
        return (
            f"{len(listed)} chapters, {sound}; NOT accepted by platforms: "
            + "; ".join(found)
        )
    return f"{len(listed)} chapters (valid), {stamp(listed[-1][1])}, {sound}"


def build_lessons(quality: Quality) -> list[Path]:
    """One lesson per section and one for the whole course."""
    made = []
    items = outline.present()
    for section in outline.sections():
        members = list(outline.in_section(section.number))
        path = build_lesson(
            f"section-{section.number}",
            f"{section.number} {section.title}",
            members,
            quality,
        )
        if path:
            made.append(path)
    whole = build_lesson("course", COURSE_TITLE, list(items), quality)
    if whole:
        made.append(whole)
    return made


def build_variant_lesson(quality: Quality, variant: Variant) -> Path | None:
    """The lesson of the variant's section with the variant in its scene's place.

    ``lessons/section-<n>--<name>.mp4`` (the course's own lessons are untouched);
    the other scenes are the course example's videos, as ``make course`` made them.
    """
    item = outline.by_scene(variant.scene)
    if item is None:
        return None
    section = next(s for s in outline.sections() if s.number == item.section)
    members = list(outline.in_section(section.number))
    return build_lesson(
        f"section-{section.number}--{variant.name}",
        f"{section.number} {section.title} ({variant.name})",
        members,
        quality,
        variant,
    )
