"""Render benchmark: ``make bench`` (prints a table; not a test).

For a fixed set of representative scenes (a 2-D plot, equation transforms, a
graph, a 3-D surface) at low and high quality it renders from scratch (empty
media, TeX and partial-movie caches) and prints: video seconds, render seconds,
their ratio, and the ratio to the *encode floor*: the time ffmpeg takes to
encode the same frames again with Manim's codec settings (libx264, crf 23,
yuv420p), the cost no renderer can beat. With ``--course`` it then times a
whole-course build at low quality with 1 job and with 2, each from empty caches.

Options: ``--qualities low,high``, ``--scenes A,B``, ``--course``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

from scenes import outline
from tools import media, provenance
from tools.cli import command
from tools.inputs import resolve_quality, resolve_scene
from tools.paths import BUILD, ROOT

REPRESENTATIVE: Final = (
    ("DeltaMethod", "2-D plot"),
    ("ChainRule", "equation transforms"),
    ("BackpropGraph", "graph"),
    ("PartialDerivatives", "3-D surface"),
)


def encode_floor(video: Path) -> float:
    """Seconds ffmpeg needs to encode the same frames again with Manim's settings.

    The rendered video is decoded and re-encoded (libx264, crf 23, yuv420p, as
    Manim encodes): the same number of frames at the same resolution with the
    same content, so the same encoding work. No renderer that has to produce
    these frames can finish faster.
    """
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        media.reencode(video, Path(tmp) / "floor.mp4")
        return time.monotonic() - started


def render_fresh(scene: str, quality: str) -> tuple[float, float, float]:
    """Render from empty caches; return (render s, video s, encode-floor s)."""
    item = resolve_scene(scene)
    q = resolve_quality(quality)
    with tempfile.TemporaryDirectory(dir=BUILD) as tmp:
        media_dir = Path(tmp) / "media"
        cmd = [
            sys.executable,
            "-m",
            "manim",
            "render",
            f"-q{q.flag}",
            "--disable_caching",
            "--progress_bar",
            "none",
            "--media_dir",
            str(media_dir),
            str(item.path.relative_to(ROOT)),
            item.scene,
        ]
        started = time.monotonic()
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        wall = time.monotonic() - started
        video = next(media_dir.rglob(f"{item.scene}.mp4"))
        seconds = media.duration(video) or 0.0
        return wall, seconds, encode_floor(video)


def course_wall(jobs: int) -> float:
    """Wall time of a whole-course build at low quality from empty caches."""
    with tempfile.TemporaryDirectory(dir=BUILD) as tmp:
        env = {**os.environ, "RENDERS_DIR": str(Path(tmp) / "renders")}
        shutil.rmtree(BUILD / "media" / "480p15-mp4", ignore_errors=True)
        started = time.monotonic()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "tools.course",
                "--quality",
                "low",
                "--jobs",
                str(jobs),
            ],
            cwd=ROOT,
            env=env,
            check=False,
            capture_output=True,
        )
        return time.monotonic() - started


@command(interrupted="benchmark stopped")
def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    p = argparse.ArgumentParser(prog="make bench")
    p.add_argument("--qualities", default="low,high")
    p.add_argument("--scenes", default=",".join(s for s, _ in REPRESENTATIVE))
    p.add_argument(
        "--course", action="store_true", default=bool(os.environ.get("COURSE"))
    )
    args = p.parse_args(argv)
    kinds = dict(REPRESENTATIVE)
    scenes = [
        resolve_scene(s.strip()).scene for s in args.scenes.split(",") if s.strip()
    ]
    qualities = [resolve_quality(q).name for q in args.qualities.split(",")]
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" manim {provenance.manim_version()}"
    )
    print(
        f"{'scene':<20} {'kind':<20} {'quality':<8} {'video s':>8} {'render s':>9}"
        f" {'render/video':>13} {'floor s':>8} {'render/floor':>13}"
    )
    for scene in scenes:
        for quality in qualities:
            wall, seconds, floor = render_fresh(scene, quality)
            print(
                f"{scene:<20} {kinds.get(scene, '-'):<20} {quality:<8} {seconds:>8.1f} {wall:>9.1f}"
                f" {wall / seconds:>13.2f} {floor:>8.1f} {wall / floor:>13.1f}",
                flush=True,
            )
    if args.course:
        n = len(outline.present())
        for jobs in (1, 2):
            print(
                f"whole course ({n} scenes, low quality, {jobs} job(s)): {course_wall(jobs):.0f}s",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
