"""Render one scene into ``renders/<resolution>/``: ``make render SCENE=... QUALITY=...``.

Inputs come from the command line or the ``SCENE``/``QUALITY``/``FORMAT``
environment variables (the Makefile exports them, so no value is ever pasted
into a shell command) and are validated by tools.inputs before anything runs.
This module owns one render job: the Manim command line, where Manim writes,
and publishing the finished files. Manim renders into ``.build/``; only a
complete file is moved into ``renders/`` (atomic rename), so a failed or
interrupted render never leaves a half-written file there.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scenes import outline
from scenes.common.params import BEATS_FILE_ENV, STOP_AFTER_ENV, Variant, VariantError
from tools import audio, datafiles, files, media, provenance, subtitles, variants
from tools.cli import StepError, UsageError, command, run_child
from tools.inputs import (
    DEFAULT_QUALITY,
    FORMATS,
    QUALITIES,
    TRANSPARENT_FORMATS,
    Quality,
    resolve_format,
    resolve_quality,
    resolve_scene,
    resolve_section,
    truthy,
)
from tools.paths import BUILD, LOCKS, RENDERS, ROOT, show

__all__ = [
    "BUILD",
    "DEFAULT_QUALITY",
    "FORMATS",
    "QUALITIES",
    "RENDERS",
    "ROOT",
    "TRANSPARENT_FORMATS",
    "Job",
    "Quality",
    "RenderError",
    "UsageError",
    "provenance",
    "resolve_format",
    "resolve_quality",
    "resolve_scene",
    "run",
    "section_still",
]


class RenderError(StepError):
    """Manim failed; carries its exit status."""


@dataclass(frozen=True, slots=True)
class Job:
    """A validated render request."""

    item: outline.Item
    quality: Quality
    fmt: str = "mp4"
    transparent: bool = False
    last_frame: bool = False
    variant: Variant | None = None
    section: str | None = None
    """With a PNG: the frame at the end of this beat (the render stops there)."""

    @property
    def stem(self) -> str:
        """Output name: the scene, or ``Scene--variant`` (tools/variants.py)."""
        return variants.stem(self.item.scene, self.variant)

    @property
    def media_dir(self) -> Path:
        """Manim's working folder for this job (isolated per quality and format)."""
        return BUILD / "media" / self.tag / self.stem

    @property
    def tag(self) -> str:
        """Quality, format and alpha in one word (isolates caches and outputs)."""
        return f"{self.quality.folder}-{self.fmt}{'-alpha' if self.transparent else ''}"

    @property
    def destination(self) -> Path:
        """The finished file in ``renders/``."""
        alpha = "-alpha" if self.transparent else ""
        beat = f".{self.section}" if self.section else ""
        return self.out_dir / f"{self.stem}{alpha}{beat}.{self.fmt}"

    @property
    def out_dir(self) -> Path:
        """Where finished files land."""
        return RENDERS / self.quality.folder

    @property
    def digest(self) -> str:
        """The input hash this job's output must carry to be current."""
        return provenance.input_hash(
            self.item,
            quality=self.quality.name,
            fmt=self.tag,
            extra=variants.digest(self.variant)
            + (f"|section={self.section}" if self.section else ""),
        )

    @property
    def beats_file(self) -> Path:
        """Where the render lists the beats it began (a section still checks it)."""
        return self.media_dir / "beats.json"

    def environment(self) -> dict[str, str]:
        """The render subprocess's environment: the variant, and where to stop."""
        env = variants.env(self.variant)
        for key in (STOP_AFTER_ENV, BEATS_FILE_ENV):
            env.pop(key, None)
        if self.section:
            env[STOP_AFTER_ENV] = self.section
            env[BEATS_FILE_ENV] = str(self.beats_file)
        return env

    def command(self) -> list[str]:
        """The manim command line (a list: never passed through a shell).

        Manim runs through tools.texcache: the same command line, with the TeX
        cache shared by every scene and quality and locked per formula.
        """
        cmd = [
            sys.executable,
            "-m",
            "tools.texcache",
            "render",
            f"-q{self.quality.flag}",
            "--media_dir",
            str(self.media_dir),
            "--format",
            self.fmt,
        ]
        if self.transparent:
            cmd.append("--transparent")
        if not self.last_frame and self.fmt != "png":
            cmd.append("--save_sections")
        cmd += [str(self.item.path.relative_to(ROOT)), self.item.scene]
        return cmd


def _manim_output(job: Job) -> Path:
    """Where Manim writes the primary output for ``job``."""
    base = job.media_dir
    if job.last_frame or job.fmt == "png":
        name = f"{job.item.scene}_ManimCE_v{provenance.manim_version()}.png"
        return base / "images" / job.item.module / name
    return (
        base
        / "videos"
        / job.item.module
        / job.quality.folder
        / f"{job.item.scene}.{job.fmt}"
    )


Manim = Callable[[Job], int]
"""Runs Manim for a job and returns its exit status."""


def manim_subprocess(job: Job) -> int:
    """Run Manim for ``job`` in a child process (``python -m tools.texcache render ...``)."""
    return run_child(job.command(), cwd=ROOT, env=job.environment())


def run(job: Job, *, force: bool = True, manim: Manim = manim_subprocess) -> list[Path]:
    """Render ``job``; return the files placed in ``renders/``.

    Renders of the same scene, quality and format share Manim's working folder,
    so they take turns: a second one waits on a lock (and says so). With
    ``force=False`` an output that is current when the lock is ours is reused.
    """
    lock = LOCKS / f"{job.tag}-{job.stem}.lock"

    def waiting() -> None:
        print(
            f"waiting: another render of {job.item.scene} at {job.quality.name}"
            f" ({job.fmt}) is running (lock {show(lock)})",
            flush=True,
        )

    with files.locked(lock, waiting):
        if not force and provenance.is_current(job.destination, job.digest):
            print(f"up to date: {show(job.destination)} (FORCE=1 renders anyway)")
            return [job.destination]
        return _render(job, manim)


def _render(job: Job, manim: Manim) -> list[Path]:
    """Render ``job`` (the caller holds its lock)."""
    media.require("ffmpeg", "latex", "dvisvgm")
    problem = audio.preflight(job)  # narration: voice engine and recordings usable
    if problem:
        raise RenderError(problem, 2)
    produced = _manim_output(job)
    produced.unlink(missing_ok=True)  # never move a stale file from an earlier run
    # Manim names its partial movies by a hash of the animation and reuses a file of
    # that name without reading it; a render killed mid-write leaves a truncated one
    # that the next render would stitch in (av: "Invalid data found"). A marker says
    # that a render of this job was started and not finished: then its partials go.
    # It goes only once the job is published, so that a job stopped anywhere (also
    # after Manim, in the audio or the copying) counts as unfinished: the fault test
    # that truncates a partial after such a stop saw one stitched in under load.
    unfinished = job.media_dir / ".render-unfinished"
    partials = produced.parent / "partial_movie_files"
    if unfinished.exists():
        shutil.rmtree(partials, ignore_errors=True)
    # and whatever the marker says, a partial movie that does not play goes: a stop
    # the marker missed (seen once in a loaded test run) must not break the next render
    for partial in partials.glob("*/*.mp4"):
        if not media.playable(partial):
            partial.unlink(missing_ok=True)
    unfinished.parent.mkdir(parents=True, exist_ok=True)
    unfinished.touch()
    srt = produced.with_suffix(".srt")
    srt.unlink(missing_ok=True)
    job.beats_file.unlink(missing_ok=True)
    digest = job.digest
    if job.variant is not None:
        variants.gate(job.item, job.variant)  # before any frame is drawn
    print(
        f"rendering {job.item.number} {job.item.scene} at {job.quality.name}"
        f" ({job.quality.folder}, {job.fmt})",
        flush=True,
    )
    started = time.monotonic()
    status = manim(job)
    if status != 0:
        raise RenderError(
            f"manim failed with exit status {status} for {job.item.scene};"
            " see its output above. Nothing was written to renders/.",
            status,
        )
    if not produced.is_file():
        raise RenderError(f"manim reported success but wrote no {produced}", 1)
    if job.section:
        beats = json.loads(job.beats_file.read_text(encoding="utf-8"))
        if job.section not in beats:
            produced.unlink()
            raise _no_section(job, job.section, beats)
    dest = job.destination
    # Narration: loudness, section clips' audio, transcript (all still under .build/).
    sound_files = audio.finish(job, produced)
    with files.writing(job.out_dir):
        out = _publish(job, produced, srt, digest, sound_files)
    unfinished.unlink()
    elapsed = time.monotonic() - started
    extras = (
        f" (+ {len(out) - 1} files: subtitles, section clips, posters)"
        if len(out) > 1
        else ""
    )
    print(f"done in {elapsed:.0f}s: {show(dest)}{extras}")
    return out


def _publish(
    job: Job, produced: Path, srt: Path, digest: str, extras: list[Path]
) -> list[Path]:
    """Move a finished render into renders/: subtitles, section clips, the video.

    Every file is first written under a temporary name (the clips into a
    temporary folder); only when all of them are complete are they renamed into
    place, the video last, so a failure (a full disk) changes nothing in renders/.
    """
    dest = job.destination
    out = [dest]
    with contextlib.ExitStack() as stack:
        # Contexts close in reverse order: the video, entered first, lands last.
        files.copy_into(stack, produced, dest)
        if srt.is_file() and job.fmt != "png":
            vtt = srt.with_suffix(".vtt")
            subtitles.srt_to_vtt(srt, vtt)
            for src in (srt, vtt):
                files.copy_into(stack, src, dest.with_suffix(src.suffix))
                out.append(dest.with_suffix(src.suffix))
        for src in extras:  # e.g. the transcript
            files.copy_into(stack, src, dest.with_suffix(src.suffix))
            out.append(dest.with_suffix(src.suffix))
        if job.fmt == "mp4":
            out += _publish_sections(stack, produced.parent / "sections", job)
    provenance.write_manifest(
        dest, job.item, quality=job.quality.name, fmt=job.fmt, digest=digest, files=out
    )
    variants.annotate_manifest(dest, job.variant)
    return out


def section_still(
    item: outline.Item, quality: Quality, section: str, variant: Variant | None = None
) -> Path:
    """The last frame of beat ``section`` as ``renders/<res>/<Scene>.<section>.png``.

    If the scene's MP4 at this quality is current, its section clip's poster frame
    is taken (the very frame of the video). Otherwise only that frame is rendered:
    Manim skips to the end of the beat and stops there, seconds instead of the
    whole video.
    """
    video = Job(item, quality, variant=variant)
    if provenance.is_current(video.destination, video.digest):
        return _poster_still(video, section)
    job = Job(item, quality, "png", last_frame=True, variant=variant, section=section)
    out = run(job, force=False)
    print(f"wrote {show(job.destination)}")
    return out[0]


def _no_section(job: Job, section: str, beats: list[str]) -> UsageError:
    """The refusal of a section still for a beat the scene does not have."""
    return UsageError(
        f"scene {job.item.scene} has no section {section!r}. Sections: {', '.join(beats)}"
    )


def _poster_still(job: Job, section: str) -> Path:
    """The poster of ``section``'s clip of the current video ``job``, copied out."""
    folder = job.out_dir / "sections" / job.stem
    entries = json.loads((folder / "sections.json").read_text(encoding="utf-8"))
    names = [e["name"] for e in entries]
    if section not in names:
        raise _no_section(job, section, names)
    entry = entries[names.index(section)]
    poster = folder / Path(entry["video"]).with_suffix(".png").name
    dest = dataclasses.replace(job, fmt="png", section=section).destination
    files.copy(poster, dest)
    provenance.write_manifest(
        dest,
        job.item,
        quality=job.quality.name,
        fmt=f"png:{section}",
        digest=job.digest,
        files=[dest],
    )
    variants.annotate_manifest(dest, job.variant)
    print(f"wrote {show(dest)} (from the current video's section clip)")
    return dest


def _publish_sections(
    stack: contextlib.ExitStack[bool | None], folder: Path, job: Job
) -> list[Path]:
    """Stage the per-beat clips, their index and a poster frame each for renders/."""
    index = folder / f"{job.item.scene}.json"
    if not index.is_file():
        return []
    dest_dir = job.out_dir / "sections" / job.stem
    work = stack.enter_context(files.staged_dir(dest_dir))
    names: list[str] = []
    for entry in json.loads(index.read_text(encoding="utf-8")):
        clip = folder / entry["video"]
        if not clip.is_file():
            continue
        files.copy(clip, work / clip.name)
        names.append(clip.name)
        poster = f"{clip.stem}.png"
        if media.last_frame(clip, work / poster):
            names.append(poster)
    files.copy(index, work / "sections.json")
    return [dest_dir / "sections.json", *(dest_dir / n for n in names)]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options; each falls back to the environment variable of its name."""
    env = os.environ
    p = argparse.ArgumentParser(prog="make render", description=__doc__.splitlines()[0])
    p.add_argument(
        "--scene", default=env.get("SCENE"), help="scene class, e.g. ChainRule"
    )
    p.add_argument(
        "--quality",
        default=env.get("QUALITY"),
        help="low | medium | high (default) | production | 4k",
    )
    p.add_argument(
        "--format",
        default=env.get("FORMAT"),
        help="mp4 (default) | webm | mov | gif | png",
    )
    p.add_argument(
        "--transparent", action="store_true", default=truthy(env.get("TRANSPARENT"))
    )
    p.add_argument(
        "--still", action="store_true", help="write only the last frame as PNG"
    )
    p.add_argument(
        "--section",
        default=env.get("SECTION"),
        help="with --still: the last frame of this beat instead",
    )
    p.add_argument(
        "--force",
        action="store_true",
        default=truthy(env.get("FORCE")),
        help="render even if the output is current (FORCE=1)",
    )
    p.add_argument(
        "--check", action="store_true", help="validate the inputs and exit (no render)"
    )
    p.add_argument(
        "--variant",
        default=env.get("VARIANT"),
        help="a variant TOML: the scene with other parameters (tools/variants.py)",
    )
    return p.parse_args(argv)


@command()
def main(argv: list[str] | None = None) -> int:
    """Entry point: validate, render, report; exit 2 on bad input."""
    args = parse_args(argv)
    datafiles.check()
    try:
        if args.variant:
            args.scene = variants.scene_of(args.variant, args.scene)
        item = resolve_scene(args.scene)
        quality = resolve_quality(args.quality)
        fmt = "png" if args.still else resolve_format(args.format, args.transparent)
        section = resolve_section(args.section)
        if args.check:
            return 0
        variant = variants.load(args.variant, item.scene) if args.variant else None
        job = Job(item, quality, fmt, args.transparent, args.still, variant)
        if args.still and section:
            section_still(item, quality, section, variant)
        else:
            run(job, force=args.force)
    except VariantError as exc:  # a refused variant (bad parameter, layout gate)
        raise UsageError(str(exc)) from None
    return 0


if __name__ == "__main__":
    sys.exit(main())
