"""Render one scene into ``renders/<resolution>/``: ``make render SCENE=... QUALITY=...``.

Inputs come from the command line or the ``SCENE``/``QUALITY``/``FORMAT``
environment variables (the Makefile exports them, so no value is ever pasted
into a shell command). Both are validated against the course outline and the
quality table before anything runs. Manim renders into ``.build/``; only a
complete file is moved into ``renders/`` (atomic rename), so a failed or
interrupted render never leaves a half-written file there.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from scenes import outline
from scenes.common.params import Variant, VariantError
from tools import audio, provenance, subtitles, variants

ROOT: Final = Path(__file__).resolve().parent.parent
RENDERS: Final = Path(os.environ.get("RENDERS_DIR") or ROOT / "renders").resolve()
"""Where finished files go (``RENDERS_DIR`` overrides it, e.g. for tests)."""
BUILD: Final = ROOT / ".build"


@dataclass(frozen=True, slots=True)
class Quality:
    """A quality preset: Manim's -q flag and the folder it renders into."""

    name: str
    flag: str
    folder: str


QUALITIES: Final[dict[str, Quality]] = {
    q.name: q
    for q in (
        Quality("low", "l", "480p15"),
        Quality("medium", "m", "720p30"),
        Quality("high", "h", "1080p60"),
        Quality("production", "p", "1440p60"),
        Quality("4k", "k", "2160p60"),
    )
}
DEFAULT_QUALITY: Final = "high"
FORMATS: Final = ("mp4", "webm", "mov", "gif", "png")
TRANSPARENT_FORMATS: Final = ("webm", "mov")


class UsageError(Exception):
    """Bad input from the user: printed as a message, exit status 2."""


def resolve_scene(name: str | None) -> outline.Item:
    """The outline item for scene class ``name``, or a UsageError that helps."""
    items = outline.items()
    if not name:
        raise UsageError(
            "no scene given. Use: make render SCENE=<SceneClass>\n"
            "Scenes: " + ", ".join(i.scene for i in outline.present()) + "\n"
            "Run `make list` to see every syllabus item."
        )
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
            f"unknown scene {name!r}.\n{hint}Run `make list` to see all scenes."
        )
    if not item.exists:
        raise UsageError(
            f"scene {item.scene} ({item.number} {item.title}) is in the course outline"
            f" but not written yet (expected {item.path.relative_to(ROOT)})."
        )
    return item


def resolve_quality(name: str | None) -> Quality:
    """The quality preset called ``name`` (default: high)."""
    key = (name or DEFAULT_QUALITY).strip().lower()
    if key not in QUALITIES:
        raise UsageError(
            f"unknown quality {name!r}. Choose one of: "
            + ", ".join(f"{q.name} ({q.folder})" for q in QUALITIES.values())
        )
    return QUALITIES[key]


def resolve_format(name: str | None, transparent: bool) -> str:
    """The output format, checked against transparency."""
    fmt = (name or "mp4").strip().lower()
    if fmt not in FORMATS:
        raise UsageError(
            f"unknown format {name!r}. Choose one of: {', '.join(FORMATS)}"
        )
    if transparent and fmt not in (*TRANSPARENT_FORMATS, "png"):
        raise UsageError(
            f"transparent output needs webm, mov or png, not {fmt} (mp4 and gif have no alpha)"
        )
    return fmt


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True, slots=True)
class Job:
    """A validated render request."""

    item: outline.Item
    quality: Quality
    fmt: str = "mp4"
    transparent: bool = False
    last_frame: bool = False
    variant: Variant | None = None

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
        return self.out_dir / f"{self.stem}{alpha}.{self.fmt}"

    @property
    def out_dir(self) -> Path:
        """Where finished files land."""
        return RENDERS / self.quality.folder

    def command(self) -> list[str]:
        """The manim command line (a list: never passed through a shell)."""
        cmd = [
            sys.executable,
            "-m",
            "manim",
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
        import manim

        name = f"{job.item.scene}_ManimCE_v{manim.__version__}.png"
        return base / "images" / job.item.module / name
    ext = job.fmt
    return (
        base
        / "videos"
        / job.item.module
        / job.quality.folder
        / f"{job.item.scene}.{ext}"
    )


def _atomic_copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.part-{os.getpid()}")
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dst)
    finally:
        tmp.unlink(missing_ok=True)


def run(job: Job) -> list[Path]:
    """Render ``job``; return the files placed in ``renders/``."""
    problem = audio.preflight(job)  # narration: voice engine and recordings usable
    if problem:
        raise RenderError(problem, 2)
    produced = _manim_output(job)
    produced.unlink(missing_ok=True)  # never move a stale file from an earlier run
    srt = produced.with_suffix(".srt")
    srt.unlink(missing_ok=True)
    digest = provenance.input_hash(
        job.item,
        quality=job.quality.name,
        fmt=job.tag,
        extra=variants.digest(job.variant),
    )
    if job.variant is not None:
        variants.gate(job.item, job.variant)  # before any frame is drawn
    cmd = job.command()
    print(
        f"rendering {job.item.number} {job.item.scene} at {job.quality.name}"
        f" ({job.quality.folder}, {job.fmt})",
        flush=True,
    )
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=ROOT, check=False, env=variants.env(job.variant))
    if proc.returncode != 0:
        raise RenderError(
            f"manim failed with exit status {proc.returncode} for {job.item.scene};"
            " see its output above. Nothing was written to renders/.",
            proc.returncode,
        )
    if not produced.is_file():
        raise RenderError(f"manim reported success but wrote no {produced}", 1)
    dest = job.destination
    # Narration: loudness, section clips' audio, transcript.
    out = [dest, *audio.finish(job, produced, dest)]
    if srt.is_file() and job.fmt != "png":
        _atomic_copy(srt, dest.with_suffix(".srt"))
        vtt_tmp = srt.with_suffix(".vtt")
        subtitles.srt_to_vtt(srt, vtt_tmp)
        _atomic_copy(vtt_tmp, dest.with_suffix(".vtt"))
        out += [dest.with_suffix(".srt"), dest.with_suffix(".vtt")]
    if job.fmt == "mp4":
        out += _publish_sections(produced.parent / "sections", job)
    _atomic_copy(produced, dest)  # the video last: its presence means "complete"
    provenance.write_manifest(
        dest, job.item, quality=job.quality.name, fmt=job.fmt, digest=digest, files=out
    )
    variants.annotate_manifest(dest, job.variant)
    elapsed = time.monotonic() - started
    extras = (
        f" (+ {len(out) - 1} files: subtitles, section clips, posters)"
        if len(out) > 1
        else ""
    )
    print(f"done in {elapsed:.0f}s: {_show(dest)}{extras}")
    return out


def section_still(
    item: outline.Item, quality: Quality, section: str, variant: Variant | None = None
) -> Path:
    """The last frame of beat ``section`` as ``renders/<res>/<Scene>.<section>.png``.

    Renders the scene first unless its MP4 at this quality is current.
    """
    job = Job(item, quality, variant=variant)
    digest = provenance.input_hash(
        item, quality=quality.name, fmt=job.tag, extra=variants.digest(variant)
    )
    if not provenance.is_current(job.destination, digest):
        run(job)
    folder = job.out_dir / "sections" / job.stem
    entries = json.loads((folder / "sections.json").read_text(encoding="utf-8"))
    names = [e["name"] for e in entries]
    if section not in names:
        raise UsageError(
            f"scene {item.scene} has no section {section!r}. Sections: {', '.join(names)}"
        )
    entry = entries[names.index(section)]
    poster = folder / Path(entry["video"]).with_suffix(".png").name
    dest = job.out_dir / f"{job.stem}.{section}.png"
    _atomic_copy(poster, dest)
    provenance.write_manifest(
        dest,
        item,
        quality=quality.name,
        fmt=f"png:{section}",
        digest=digest,
        files=[dest],
    )
    variants.annotate_manifest(dest, variant)
    print(f"wrote {_show(dest)}")
    return dest


def _publish_sections(folder: Path, job: Job) -> list[Path]:
    """Copy the per-beat clips, their index and a poster frame each into renders/."""
    index = folder / f"{job.item.scene}.json"
    if not index.is_file():
        return []
    dest_dir = job.out_dir / "sections" / job.stem
    if dest_dir.exists():
        shutil.rmtree(dest_dir)
    dest_dir.mkdir(parents=True)
    out = []
    for entry in json.loads(index.read_text(encoding="utf-8")):
        clip = folder / entry["video"]
        if not clip.is_file():
            continue
        _atomic_copy(clip, dest_dir / clip.name)
        poster = dest_dir / f"{clip.stem}.png"
        subprocess.run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-sseof",
                "-0.1",
                "-i",
                str(clip),
                "-frames:v",
                "1",
                "-update",
                "1",
                str(poster),
            ],
            check=False,
        )
        out += [dest_dir / clip.name] + ([poster] if poster.is_file() else [])
    _atomic_copy(index, dest_dir / "sections.json")
    return [dest_dir / "sections.json", *out]


def _show(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


class RenderError(Exception):
    """Manim failed; carries its exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


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
        "--transparent", action="store_true", default=_truthy(env.get("TRANSPARENT"))
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
        "--check", action="store_true", help="validate the inputs and exit (no render)"
    )
    p.add_argument(
        "--variant",
        default=env.get("VARIANT"),
        help="a variant TOML: the scene with other parameters (tools/variants.py)",
    )
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Entry point: validate, render, report; exit 2 on bad input."""
    args = parse_args(argv)
    try:
        if args.variant and not args.scene:
            args.scene = variants.peek(args.variant)[0]
        item = resolve_scene(args.scene)
        quality = resolve_quality(args.quality)
        fmt = "png" if args.still else resolve_format(args.format, args.transparent)
        if args.check:
            if args.variant and variants.peek(args.variant)[0] != item.scene:
                raise UsageError(
                    f"{args.variant} is a variant of {variants.peek(args.variant)[0]},"
                    f" not of {item.scene}"
                )
            return 0
        variant = variants.load(args.variant, item.scene) if args.variant else None
        job = Job(item, quality, fmt, args.transparent, args.still, variant)
        if args.still and args.section:
            section_still(item, quality, args.section.strip(), variant)
        else:
            run(job)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (outline.OutlineError, VariantError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except RenderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.status or 1
    except KeyboardInterrupt:
        print("interrupted: nothing was written to renders/", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
