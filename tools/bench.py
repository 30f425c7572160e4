"""Render benchmark: ``make bench [COURSE=1]`` (prints the figures of issue 16; not a test).

For a fixed set of representative scenes (a 2-D plot, equation transforms, a
graph, a 3-D surface) at low and high quality it renders from scratch (empty
media, TeX and partial-movie caches) and prints: video seconds, render seconds,
their ratio, and the ratio to the *encode floor*: the time ffmpeg takes to
encode the same frames again with Manim's codec settings (libx264, crf 23,
yuv420p), the cost no renderer can beat.

With ``--course`` (``COURSE=1``) it then measures, in this order: a whole-course
build at low quality with 2 jobs from an empty media folder (the shared TeX cache
is kept), against the summed encode floors of its scene videos; the same
``make course`` again with nothing changed; ``make render`` of a scene whose
video is current; and ``make test``. Every figure is printed beside its target
from issue 16, with wall and CPU time (user + system of the child processes) and
the machine's load average, since a shared machine makes wall time noisy.

Options: ``--qualities low,high``, ``--scenes A,B``, ``--course``,
``--course-jobs 2`` (``1,2`` adds the 1-job build), ``--no-tests``.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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
TARGET_HIGH_2D: Final = 1.5
"""Issue 16: a 2-D scene at high quality costs at most 1.5x its encode floor."""
TARGET_HIGH_3D: Final = 2.5
TARGET_COURSE: Final = 3.0
"""A low-quality course build with 2 jobs: at most 3x the summed encode floors."""
TARGET_UNCHANGED_COURSE: Final = 5.0
TARGET_UNCHANGED_RENDER: Final = 2.0
TARGET_TEST: Final = 240.0
CURRENT_SCENE: Final = "ChainRule"
"""The scene whose current video ``make render`` must return at once."""


@dataclass(frozen=True, slots=True)
class Run:
    """One timed command: wall seconds, CPU seconds of its processes, load before and after."""

    wall: float
    cpu: float
    load: tuple[float, float]
    status: int

    def __str__(self) -> str:
        return (
            f"{self.wall:.1f}s wall, {self.cpu:.1f}s CPU"
            f" (load {self.load[0]:.1f} -> {self.load[1]:.1f})"
        )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` from the repository root; its wall and CPU time and the load around it."""
    load = os.getloadavg()[0]
    cpu, started = _children_cpu(), time.monotonic()
    proc = subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    wall = time.monotonic() - started
    return Run(wall, _children_cpu() - cpu, (load, os.getloadavg()[0]), proc.returncode)


def machine() -> str:
    """The machine in one line: OS, CPU model, cores, memory, Python, manim, load."""
    model = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as fh:  # Linux only, like the project
        for line in fh:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    return (
        f"machine: {platform.node()}: {platform.platform()}, {model}, {os.cpu_count()} cores,"
        f" {memory:.0f} GiB, Python {platform.python_version()},"
        f" manim {provenance.manim_version()}; load average {load}"
    )


def encode_floor(video: Path) -> tuple[float, float]:
    """Seconds ffmpeg needs to encode the same frames again with Manim's settings.

    The rendered video is decoded and re-encoded (libx264, crf 23, yuv420p, as
    Manim encodes): the same number of frames at the same resolution with the
    same content, so the same encoding work. No renderer that has to produce
    these frames can finish faster. Returns (wall s, CPU s).
    """
    with tempfile.TemporaryDirectory() as tmp:
        cpu, started = _children_cpu(), time.monotonic()
        media.reencode(video, Path(tmp) / "floor.mp4")
        return time.monotonic() - started, _children_cpu() - cpu


def scratch() -> tempfile.TemporaryDirectory[str]:
    """A temporary folder under .build/ (made first: a fresh clone has none yet)."""
    BUILD.mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(dir=BUILD)


def render_fresh(scene: str, quality: str) -> tuple[Run, float, tuple[float, float]]:
    """Render from empty caches; return (the render's run, video s, encode floor)."""
    item = resolve_scene(scene)
    q = resolve_quality(quality)
    with scratch() as tmp:
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
        run = timed(cmd)
        if run.status != 0:
            raise SystemExit(f"error: rendering {scene} at {quality} failed")
        video = next(media_dir.rglob(f"{item.scene}.mp4"))
        seconds = media.duration(video) or 0.0
        return run, seconds, encode_floor(video)


def verdict(value: float, target: float) -> str:
    return f"target <= {target:g}: {'met' if value <= target else 'NOT met'}"


def bench_course(jobs: list[int], tests: bool) -> None:
    """The whole-course figures, then the unchanged course and render, then make test."""
    n = len(outline.present())
    with scratch() as tmp:
        renders = Path(tmp) / "renders"
        env = {**os.environ, "RENDERS_DIR": str(renders)}
        build = [sys.executable, "-m", "tools.course", "--quality", "low"]
        for count in sorted(jobs):
            shutil.rmtree(renders, ignore_errors=True)
            shutil.rmtree(BUILD / "media" / "480p15-mp4", ignore_errors=True)
            run = timed([*build, "--jobs", str(count)], env)
            print(
                f"whole course ({n} scenes, low quality, {count} job(s), empty media,"
                f" shared TeX cache kept): {run}, exit {run.status}",
                flush=True,
            )
        videos = sorted((renders / "480p15").glob("*.mp4"))
        pairs = [encode_floor(v) for v in videos]
        floor, floor_cpu = sum(w for w, _ in pairs), sum(c for _, c in pairs)
        seconds = sum(media.duration(v) or 0.0 for v in videos)
        print(
            f"  {len(videos)} scene videos, {seconds / 60:.1f} min; summed encode floors"
            f" {floor:.1f}s wall, {floor_cpu:.1f}s CPU; {max(jobs)}-job build / floors ="
            f" {run.wall / floor:.1f} wall, {run.cpu / floor_cpu:.1f} CPU"
            f" ({verdict(run.wall / floor, TARGET_COURSE)})",
            flush=True,
        )
        again = timed([*build, "--jobs", str(max(jobs))], env)
        print(
            f"unchanged make course: {again} ({verdict(again.wall, TARGET_UNCHANGED_COURSE)})",
            flush=True,
        )
        current = timed(
            ["make", "--no-print-directory", "render"],
            {**env, "SCENE": CURRENT_SCENE, "QUALITY": "low"},
        )
        print(
            f"make render of a current {CURRENT_SCENE}: {current}"
            f" ({verdict(current.wall, TARGET_UNCHANGED_RENDER)})",
            flush=True,
        )
    if tests:
        run = timed(["make", "--no-print-directory", "test"])
        print(
            f"make test: {run}, exit {run.status} ({verdict(run.wall, TARGET_TEST)})",
            flush=True,
        )


@command(interrupted="benchmark stopped")
def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    p = argparse.ArgumentParser(prog="make bench")
    p.add_argument("--qualities", default="low,high")
    p.add_argument("--scenes", default=",".join(s for s, _ in REPRESENTATIVE))
    p.add_argument(
        "--course", action="store_true", default=bool(os.environ.get("COURSE"))
    )
    p.add_argument("--course-jobs", default="2")
    p.add_argument("--no-tests", dest="tests", action="store_false")
    args = p.parse_args(argv)
    kinds = dict(REPRESENTATIVE)
    scenes = [
        resolve_scene(s.strip()).scene for s in args.scenes.split(",") if s.strip()
    ]
    qualities = [resolve_quality(q).name for q in args.qualities.split(",") if q]
    jobs = [int(j) for j in args.course_jobs.split(",") if j.strip()]
    print(machine(), flush=True)
    print(
        f"{'scene':<20} {'kind':<20} {'quality':<8} {'video s':>8} {'render s':>9}"
        f" {'CPU s':>7} {'render/video':>13} {'floor s':>8} {'render/floor':>13}"
        f" {'CPU/floor CPU':>14}  load"
    )
    for scene in scenes:
        for quality in qualities:
            run, seconds, (floor, floor_cpu) = render_fresh(scene, quality)
            ratio = run.wall / floor
            target = ""
            if quality == "high":
                limit = (
                    TARGET_HIGH_3D if "3-D" in kinds.get(scene, "") else TARGET_HIGH_2D
                )
                target = f"  ({verdict(ratio, limit)})"
            print(
                f"{scene:<20} {kinds.get(scene, '-'):<20} {quality:<8} {seconds:>8.1f}"
                f" {run.wall:>9.1f} {run.cpu:>7.1f} {run.wall / seconds:>13.2f}"
                f" {floor:>8.1f} {ratio:>13.1f} {run.cpu / floor_cpu:>14.1f}"
                f"  {run.load[0]:.1f}->{run.load[1]:.1f}{target}",
                flush=True,
            )
    if args.course:
        bench_course(jobs, args.tests)
    return 0


if __name__ == "__main__":
    sys.exit(main())
