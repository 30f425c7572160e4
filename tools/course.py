"""Whole-course build: ``make course [QUALITY=low] [JOBS=2]``.

1. Renders every scene in the outline whose inputs changed since its last render
   at that quality (see tools.provenance), independent scenes in parallel, each
   in its own media and TeX folder; unchanged scenes are reused.
2. Builds lesson videos into ``renders/<res>/lessons/``: one MP4 per section and
   one for the whole course, in syllabus order, each item preceded by a title
   card, with chapter markers embedded in the MP4, a ``.chapters.vtt``, a plain
   ``.chapters.txt`` timestamp list for video-platform descriptions, and the
   items' subtitles merged and shifted (``.srt`` and ``.vtt``).
3. Writes ``renders/<res>/index.json`` and ``index.html``: every scene and its
   per-beat clips with posters, durations and subtitles, to browse and copy from.
4. Prints a summary table: per scene status, wall time, video seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from scenes import outline
from tools import audio, provenance, subtitles
from tools import chapters as platform
from tools.render import BUILD, RENDERS, ROOT, Job, Quality, UsageError, resolve_quality

CARD_CODE: Final = (ROOT / "scenes/common/title_card.py", ROOT / "tools/cards.py")


@dataclass
class Outcome:
    """What happened to one scene in this build."""

    item: outline.Item
    status: str  # reused | rendered | FAILED
    wall: float = 0.0
    video: float | None = None
    log: Path | None = None


def _jobs(value: str | None) -> int:
    if not value:
        return max(1, min(2, os.cpu_count() or 1))
    try:
        jobs = int(value)
    except ValueError:
        raise UsageError(f"JOBS must be a whole number, got {value!r}") from None
    if not 1 <= jobs <= 64:
        raise UsageError(f"JOBS must be between 1 and 64, got {jobs}")
    return jobs


def render_scene(item: outline.Item, quality: Quality) -> Outcome:
    """Render one scene through tools.render in a subprocess, logging to .build/logs/."""
    log = BUILD / "logs" / f"{item.scene}-{quality.folder}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with log.open("w") as fh:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "tools.render",
                "--scene",
                item.scene,
                "--quality",
                quality.name,
            ],
            cwd=ROOT,
            stdout=fh,
            stderr=subprocess.STDOUT,
            env={**os.environ, "FORMAT": "mp4", "TRANSPARENT": ""},
            check=False,
        )
    wall = time.monotonic() - started
    dest = Job(item, quality).destination
    if proc.returncode != 0:
        return Outcome(item, "FAILED", wall, None, log)
    manifest = provenance.read_manifest(dest) or {}
    return Outcome(item, "rendered", wall, manifest.get("duration"), log)


def build_scenes(
    quality: Quality, jobs: int, only: list[outline.Item] | None = None
) -> list[Outcome]:
    """Render what changed, reuse the rest; print one line per scene as it finishes."""
    items = only or outline.present()
    outcomes: dict[str, Outcome] = {}
    todo = []
    for item in items:
        job = Job(item, quality)
        digest = provenance.input_hash(item, quality=quality.name, fmt=job.tag)
        if provenance.is_current(job.destination, digest):
            manifest = provenance.read_manifest(job.destination) or {}
            outcomes[item.scene] = Outcome(
                item, "reused", 0.0, manifest.get("duration")
            )
        else:
            todo.append(item)
    print(
        f"{len(items)} scenes: {len(items) - len(todo)} up to date, {len(todo)} to render"
        f" at {quality.name} ({quality.folder}) with {jobs} job(s)",
        flush=True,
    )
    done = 0
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(render_scene, item, quality): item for item in todo}
        for future in as_completed(futures):
            out = future.result()
            outcomes[out.item.scene] = out
            done += 1
            video = f"{out.video:.1f}s of video" if out.video else "no video"
            print(
                f"[{done}/{len(todo)}] {out.status} {out.item.number} {out.item.scene}"
                f" in {out.wall:.0f}s ({video})",
                flush=True,
            )
            if out.status == "FAILED" and out.log:
                tail = out.log.read_text(errors="replace").splitlines()[-15:]
                print("    " + "\n    ".join(tail), flush=True)
    return [outcomes[i.scene] for i in items]


# -- lesson videos ----------------------------------------------------------------------
def _ffprobe_duration(path: Path) -> float:
    value = provenance.probe_duration(path)
    if value is None:
        raise RuntimeError(f"cannot read the duration of {path}")
    return value


def card(item: outline.Item, quality: Quality) -> Path:
    """The title card video for ``item`` at ``quality`` (rendered once, then cached)."""
    h = hashlib.sha256(
        f"{item.number}|{item.title}|{quality.name}|{provenance.manim_version()}".encode()
    )
    for path in (
        *CARD_CODE,
        ROOT / "scenes/outline.toml",
        ROOT / "scenes/common/theme.py",
    ):
        h.update(path.read_bytes())
    dest = BUILD / "cards" / quality.folder / f"{item.number}-{h.hexdigest()[:12]}.mp4"
    if not dest.is_file():
        subprocess.run(
            [sys.executable, "-m", "tools.cards", item.number, quality.name, str(dest)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    return dest


def _stamp(seconds: float) -> str:
    s = int(seconds)
    return (
        f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
        if s >= 3600
        else f"{s // 60:02d}:{s % 60:02d}"
    )


def build_lesson(
    name: str, title: str, items: list[outline.Item], quality: Quality
) -> Path | None:
    """Concatenate cards and scene videos into one MP4 with chapters and subtitles."""
    if not items:
        return None
    out_dir = Job(items[0], quality).out_dir / "lessons"
    segments: list[Path] = []
    chapters: list[tuple[float, float, str]] = []
    cues: list[subtitles.Cue] = []
    marks: list[tuple[float, str]] = []
    digest = hashlib.sha256(name.encode())
    cursor = 0.0
    for item in items:
        video = Job(item, quality).destination
        manifest = provenance.read_manifest(video)
        if manifest is None or not video.is_file():
            continue
        digest.update(manifest["input_hash"].encode())
        card_path = card(item, quality)
        digest.update(card_path.name.encode())
        start = cursor
        cursor += _ffprobe_duration(card_path)
        scene_start = cursor
        cursor += _ffprobe_duration(video)
        chapters.append((start, cursor, f"{item.number} {item.title}"))
        sections = video.parent / "sections" / item.scene / "sections.json"
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
    out_dir.mkdir(parents=True, exist_ok=True)
    dest = out_dir / f"{name}.mp4"
    key = digest.hexdigest()
    manifest = provenance.read_manifest(dest)
    if dest.is_file() and manifest and manifest.get("input_hash") == key:
        return dest
    work = BUILD / "lessons" / quality.folder
    work.mkdir(parents=True, exist_ok=True)
    listing = work / f"{name}.txt"
    listing.write_text(
        "".join(f"file '{p.resolve()}'\n" for p in segments), encoding="utf-8"
    )
    meta = work / f"{name}.ffmeta"
    lines = [";FFMETADATA1", f"title={title}"]
    for start, end, chapter in chapters:
        lines += [
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            f"START={round(start * 1000)}",
            f"END={round(end * 1000)}",
            f"title={chapter.replace('=', ' ')}",
        ]
    meta.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp = work / f"{name}.part.mp4"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "concat",
            "-safe",
            "0",
            "-i",
            str(listing),
            "-i",
            str(meta),
            "-map",
            "0:v",
            "-map_metadata",
            "1",
            "-map_chapters",
            "1",
            "-c",
            "copy",
            "-movflags",
            "+faststart",
            str(tmp),
        ],
        check=True,
    )
    audio.add_lesson_audio(tmp, segments)  # narration across the title cards
    os.replace(tmp, dest)
    audio.lesson_transcript(dest.with_suffix(".txt"), title, segments[1::2])
    (out_dir / f"{name}.srt").write_text(subtitles.compose_srt(cues), encoding="utf-8")
    (out_dir / f"{name}.vtt").write_text(subtitles.compose_vtt(cues), encoding="utf-8")
    chapter_cues = [subtitles.Cue(s, e, t) for s, e, t in chapters]
    (out_dir / f"{name}.chapters.vtt").write_text(
        subtitles.compose_vtt(chapter_cues), encoding="utf-8"
    )
    (out_dir / f"{name}.chapters.txt").write_text(
        "".join(f"{_stamp(s)} {t}\n" for s, _, t in chapters), encoding="utf-8"
    )
    data = {
        "lesson": name,
        "title": title,
        "quality": quality.name,
        "input_hash": key,
        "manim_version": provenance.manim_version(),
        "duration": provenance.probe_duration(dest),
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "chapters": [{"start": s, "end": e, "title": t} for s, e, t in chapters],
    }
    provenance.manifest_path(dest).write_text(
        json.dumps(data, indent=2) + "\n", encoding="utf-8"
    )
    return dest


def build_lessons(quality: Quality) -> list[Path]:
    """One lesson per section and one for the whole course."""
    made = []
    items = outline.present()
    for section in outline.sections():
        members = [i for i in items if i.section == section.number]
        path = build_lesson(
            f"section-{section.number}",
            f"{section.number} {section.title}",
            members,
            quality,
        )
        if path:
            made.append(path)
    whole = build_lesson(
        "course", "Machine Learning Foundations: Calculus", list(items), quality
    )
    if whole:
        made.append(whole)
    return made


# -- index -------------------------------------------------------------------------------
def build_index(quality: Quality, lessons: list[Path]) -> Path:
    """index.json and a static index.html of every scene, clip and lesson at ``quality``."""
    root = RENDERS / quality.folder
    scenes = []
    for item in outline.items():
        video = Job(item, quality).destination
        manifest = provenance.read_manifest(video) if video.is_file() else None
        clips = []
        sec_dir = root / "sections" / item.scene
        index = sec_dir / "sections.json"
        if manifest and index.is_file():
            for entry in json.loads(index.read_text(encoding="utf-8")):
                clip = sec_dir / entry["video"]
                clips.append(
                    {
                        "name": entry["name"],
                        "video": str(clip.relative_to(root)),
                        "poster": str(clip.with_suffix(".png").relative_to(root)),
                        "duration": float(entry["duration"]),
                    }
                )
        scenes.append(
            {
                "number": item.number,
                "title": item.title,
                "scene": item.scene,
                "video": str(video.relative_to(root)) if manifest else None,
                "subtitles": str(video.with_suffix(".vtt").relative_to(root))
                if manifest
                else None,
                "poster": clips[-1]["poster"] if clips else None,
                "duration": manifest.get("duration") if manifest else None,
                "clips": clips,
            }
        )
    data = {
        "quality": quality.name,
        "resolution": quality.folder,
        "scenes": scenes,
        "lessons": [
            {
                "name": p.stem,
                "video": str(p.relative_to(root)),
                "chapters": str(p.with_suffix(".chapters.vtt").relative_to(root)),
            }
            for p in lessons
        ],
    }
    (root / "index.json").write_text(
        json.dumps(data, indent=2) + "\n", encoding="utf-8"
    )
    (root / "index.html").write_text(_html(data), encoding="utf-8")
    return root / "index.html"


def _html(data: dict) -> str:
    e = html.escape
    rows = []
    for s in data["scenes"]:
        if not s["video"]:
            rows.append(
                f"<section><h2>{e(s['number'])} {e(s['title'])}</h2><p>not rendered</p></section>"
            )
            continue
        clips = "".join(
            f'<figure><a href="{e(c["video"])}"><img src="{e(c["poster"])}" alt="{e(c["name"])}" loading="lazy"></a>'
            f"<figcaption>{e(c['name'])} · {c['duration']:.1f}s</figcaption></figure>"
            for c in s["clips"]
        )
        rows.append(
            f"<section><h2>{e(s['number'])} {e(s['title'])} <code>{e(s['scene'])}</code></h2>"
            f'<video controls preload="none" poster="{e(s["poster"] or "")}" src="{e(s["video"])}">'
            f'<track kind="subtitles" srclang="en" label="English" src="{e(s["subtitles"])}" default></video>'
            f'<p>{s["duration"]:.1f}s · <a href="{e(s["video"])}">MP4</a> · <a href="{e(s["subtitles"])}">VTT</a></p>'
            f'<div class="clips">{clips}</div></section>'
        )
    lessons = "".join(
        f'<li><a href="{e(lesson["video"])}">{e(lesson["name"])}</a> (<a href="{e(lesson["chapters"])}">chapters</a>)</li>'
        for lesson in data["lessons"]
    )
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>ML Foundations: Calculus — renders {e(data["resolution"])}</title>
<style>body{{font-family:sans-serif;background:#1E1E2E;color:#CDD6F4;margin:2em}}a{{color:#89B4FA}}
video{{width:min(100%,854px)}}.clips{{display:flex;flex-wrap:wrap;gap:.5em}}figure{{margin:0;width:214px}}
img{{width:214px}}figcaption{{font-size:.8em}}section{{border-top:1px solid #45475A;padding:1em 0}}</style>
</head><body><h1>ML Foundations: Calculus — {e(data["resolution"])}</h1>
<h2>Lessons</h2><ul>{lessons}</ul>{"".join(rows)}</body></html>
"""


def summary(outcomes: list[Outcome], wall: float) -> str:
    """The end-of-build table."""
    lines = [f"{'N.M':<5} {'scene':<28} {'status':<9} {'wall':>7} {'video':>8}"]
    for o in outcomes:
        video = f"{o.video:.1f}s" if o.video else "-"
        lines.append(
            f"{o.item.number:<5} {o.item.scene:<28} {o.status:<9} {o.wall:>6.0f}s {video:>8}"
        )
    rendered = sum(o.status == "rendered" for o in outcomes)
    reused = sum(o.status == "reused" for o in outcomes)
    failed = sum(o.status == "FAILED" for o in outcomes)
    total = sum(o.video or 0 for o in outcomes)
    lines.append(
        f"{rendered} rendered, {reused} reused, {failed} failed;"
        f" {total / 60:.1f} min of video; built in {wall:.0f}s"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``make course``."""
    p = argparse.ArgumentParser(prog="make course")
    p.add_argument("--quality", default=os.environ.get("QUALITY") or "low")
    p.add_argument("--jobs", default=os.environ.get("JOBS"))
    p.add_argument(
        "--scenes",
        default=os.environ.get("SCENES"),
        help="comma-separated scene classes to build (default: every written scene)",
    )
    args = p.parse_args(argv)
    started = time.monotonic()
    try:
        if os.environ.get("VARIANT"):
            raise UsageError(
                "make course builds the course example; VARIANT renders one scene:"
                " make render VARIANT=... (or still, clip)"
            )
        quality = resolve_quality(args.quality)
        jobs = _jobs(args.jobs)
        only = None
        if args.scenes:
            from tools.render import resolve_scene

            only = [
                resolve_scene(name.strip())
                for name in args.scenes.split(",")
                if name.strip()
            ]
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    outcomes = build_scenes(quality, jobs, only)
    print("building lesson videos ...", flush=True)
    lessons = build_lessons(quality)
    index = build_index(quality, lessons)
    print(summary(outcomes, time.monotonic() - started))
    for lesson in lessons:
        print(
            f"lesson: {lesson.relative_to(ROOT) if lesson.is_relative_to(ROOT) else lesson}"
        )
    print(f"index: {index}")
    return 1 if any(o.status == "FAILED" for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
