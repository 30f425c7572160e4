"""Slide decks of a scene or a lesson: ``make slides SCENE=X | LESSON=N [QUALITY=q]``.

Writes ``renders/<res>/slides/<name>/index.html`` (a reveal.js deck in a
self-contained folder with its clips and posters, for the browser, offline) and
``renders/<res>/slides/<name>.pptx`` (for PowerPoint, Keynote, Google Slides),
one slide per beat. ``<name>`` is the scene class, or ``lesson-N`` for syllabus
section N: all its scenes in order, each after its title card. A scene whose
video is not current is rendered first (tools.render). Both outputs are built in
a temporary folder beside them and moved into place at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from scenes import outline
from scenes.common.params import Variant, VariantError
from tools import files, media, provenance, render, variants
from tools.cli import StepError, command
from tools.deck import Deck, Slide, beat_notes
from tools.deck.html import check_vendor
from tools.paths import BUILD, RENDERS, show
from tools.render import Job, Quality, UsageError, resolve_quality
from tools.subtitles import parse_srt


@dataclass(frozen=True, slots=True)
class Target:
    """What to put in a deck: its name, title and items, and whether cards lead them."""

    name: str
    title: str
    items: tuple[outline.Item, ...]
    cards: bool
    variant: Variant | None = None


def _lessons() -> str:
    return ", ".join(f"{s.number} ({s.title})" for s in outline.sections())


def resolve_lesson(value: str) -> Target:
    """The lesson (syllabus section) numbered ``value``, or a UsageError listing them."""
    numbers = {str(s.number): s for s in outline.sections()}
    section = numbers.get(value.strip())
    if section is None:
        raise UsageError(f"unknown lesson {value!r}. Lessons: {_lessons()}")
    items = outline.in_section(section.number)
    if not items:
        raise UsageError(f"lesson {section.number} ({section.title}) has no scenes yet")
    return Target(
        f"lesson-{section.number}",
        f"{section.number} {section.title}",
        items,
        cards=True,
    )


def resolve_target(
    scene: str | None,
    lesson: str | None,
    variant: str | None = None,
    *,
    load: bool = True,
) -> Target:
    """The deck asked for by SCENE or LESSON (exactly one of them), or by VARIANT.

    A variant (tools/variants.py) names its scene, so SCENE may be left out; the
    deck is then ``<Scene>--<variant>``. A lesson deck takes no variant. With
    ``load=False`` (``--check``, run before the virtualenv exists) the variant's
    scene is checked but its parameters are not read.
    """
    scene, lesson = (scene or "").strip(), (lesson or "").strip()
    variant = (variant or "").strip() or None
    if variant and lesson:
        raise UsageError(
            "a lesson deck builds the course example; VARIANT makes one scene's deck:"
            " make slides VARIANT=file.toml"
        )
    if variant:
        try:
            scene = variants.scene_of(variant, scene)
        except VariantError as exc:
            raise UsageError(str(exc)) from None
    if scene and lesson:
        raise UsageError(
            f"give SCENE or LESSON, not both (got SCENE={scene}, LESSON={lesson})"
        )
    if lesson:
        return resolve_lesson(lesson)
    if not scene:
        raise UsageError(
            "no scene or lesson given. Use: make slides SCENE=<SceneClass>"
            " or make slides LESSON=<N>\n"
            "Scenes: " + ", ".join(i.scene for i in outline.present()) + "\n"
            f"Lessons: {_lessons()}"
        )
    try:
        item = render.resolve_scene(scene)
    except UsageError as exc:
        scenes = ", ".join(i.scene for i in outline.present())
        raise UsageError(f"{exc}\nScenes: {scenes}") from None
    loaded = variants.load(variant, item.scene) if variant and load else None
    return Target(
        variants.stem(item.scene, loaded),
        f"{item.number} {item.title}",
        (item,),
        cards=False,
        variant=loaded,
    )


def ensure_current(
    item: outline.Item, quality: Quality, variant: Variant | None = None
) -> None:
    """Render ``item`` through tools.render unless its video at ``quality`` is current."""
    job = Job(item, quality, variant=variant)
    if provenance.is_current(job.destination, job.digest):
        print(f"  {item.number} {item.scene}: video is current", flush=True)
    else:
        render.run(job)


def _key(*parts: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", "-".join(parts))


def scene_slides(
    item: outline.Item, quality: Quality, variant: Variant | None = None
) -> list[Slide]:
    """One slide per beat of a rendered scene, with its narration as notes."""
    job = Job(item, quality, variant=variant)
    folder = job.out_dir / "sections" / job.stem
    entries = json.loads((folder / "sections.json").read_text(encoding="utf-8"))
    srt = job.destination.with_suffix(".srt")
    cues = parse_srt(srt.read_text(encoding="utf-8")) if srt.is_file() else []
    durations = [float(e["duration"]) for e in entries]
    slides = []
    for entry, notes, seconds in zip(
        entries, beat_notes(cues, durations), durations, strict=True
    ):
        clip = folder / entry["video"]
        if not clip.is_file():
            continue
        slides.append(
            Slide(
                key=_key(job.stem, entry["name"]),
                scene_title=f"{item.number} {item.title}",
                beat=entry["name"],
                clip=clip,
                poster=clip.with_suffix(".png"),
                notes=notes,
                duration=seconds,
            )
        )
    return slides


def card_slide(item: outline.Item, quality: Quality) -> Slide:
    """The title card of ``item`` (tools.lessons.card, from tools.cards) held, not faded out."""
    from scenes.common.title_card import CARD_SECONDS, FADE_SECONDS
    from tools.lessons import card

    video = card(item, quality)
    held = BUILD / "slides" / "cards" / quality.folder / f"{video.stem}-held.mp4"
    poster = held.with_suffix(".png")
    if not (held.is_file() and poster.is_file()):
        with files.atomic_path(held) as tmp:
            media.convert(
                "-i",
                str(video),
                "-map",
                "0",
                "-t",
                f"{CARD_SECONDS - FADE_SECONDS}",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-f",
                "mp4",
                str(tmp),
            )
        if not media.last_frame(held, poster):
            raise media.MediaError(f"cannot take the last frame of {held}")
    return Slide(
        key=_key(item.scene, "card"),
        scene_title=f"{item.number} {item.title}",
        beat="title card",
        clip=held,
        poster=poster,
        notes=f"{item.number} {item.title}",
        duration=media.duration(held) or CARD_SECONDS - FADE_SECONDS,
    )


def plan(target: Target, quality: Quality) -> Deck:
    """Render what is not current and gather the slides of ``target``."""
    slides: list[Slide] = []
    for n, item in enumerate(target.items, 1):
        print(f"[{n}/{len(target.items)}] {item.number} {item.scene}", flush=True)
        ensure_current(item, quality, target.variant)
        if target.cards:
            slides.append(card_slide(item, quality))
        slides += scene_slides(item, quality, target.variant)
    from PIL import Image  # Pillow comes with manim

    with Image.open(slides[0].poster) as poster:
        width, height = poster.size
    return Deck(target.name, target.title, tuple(slides), width, height)


def publish(deck: Deck, out_dir: Path) -> tuple[Path, Path]:
    """Write both decks into a temporary folder in ``out_dir``, then move them into place."""
    from tools.deck import html, powerpoint  # python-pptx: only in the virtualenv

    folder, pptx = out_dir / deck.name, out_dir / f"{deck.name}.pptx"
    with contextlib.ExitStack() as stack:  # on success: the PPTX, then the folder
        work = stack.enter_context(files.staged_dir(folder))
        tmp = stack.enter_context(files.atomic_path(pptx))
        print(f"writing the HTML deck ({len(deck.slides)} slides)", flush=True)
        html.write(deck, work)
        print("writing the PPTX deck", flush=True)
        powerpoint.write(deck, tmp)
    return folder / "index.html", pptx


OPTIONS = (
    ("scene", "scene class, e.g. SumRule"),
    ("lesson", "syllabus section number, e.g. 2"),
    ("quality", "low | medium | high (default) | production | 4k"),
    ("variant", "a variant TOML: the scene with other parameters (tools/variants.py)"),
)
"""Options; each falls back to the environment variable of its name in capitals."""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line, with the Makefile's environment variables as defaults."""
    p = argparse.ArgumentParser(prog="make slides", description=__doc__.splitlines()[0])
    for name, text in OPTIONS:
        p.add_argument(f"--{name}", default=os.environ.get(name.upper()), help=text)
    p.add_argument("--check", action="store_true", help="validate the inputs and exit")
    return p.parse_args(argv)


@command(interrupted="nothing was written to renders/")
def main(argv: list[str] | None = None) -> int:
    """Entry point: validate, render what is missing, write both decks; exit 2 on bad input."""
    args = parse_args(argv)
    try:
        target = resolve_target(
            args.scene, args.lesson, args.variant, load=not args.check
        )
    except VariantError as exc:  # a refused variant (bad parameter, layout gate)
        raise UsageError(str(exc)) from None
    quality = resolve_quality(args.quality)
    if args.check:
        return 0
    check_vendor()
    started = time.monotonic()
    print(
        f"slides {target.name}: {len(target.items)} scene(s) at {quality.name}"
        f" ({quality.folder})",
        flush=True,
    )
    try:
        deck = plan(target, quality)
        index, pptx = publish(deck, RENDERS / quality.folder / "slides")
    except subprocess.CalledProcessError as exc:  # tools.cards, run by tools.lessons
        raise StepError(f"{exc.cmd[0]} failed (exit {exc.returncode})") from None
    except OSError as exc:  # e.g. a clip or poster missing from an earlier render
        raise StepError(str(exc)) from None
    print(
        f"done in {time.monotonic() - started:.0f}s: {len(deck.slides)} slides\n"
        f"  {show(index)}\n  {show(pptx)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
