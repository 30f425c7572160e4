"""Whole-course build, the orchestration: ``make course [QUALITY=low] [JOBS=2]``.

``make course VARIANT=file.toml`` builds the variant's lesson instead: the other
scenes of its section as the course has them (rendered if needed, else reused),
the variant's scene as the variant, joined into ``lessons/section-<n>--<name>.mp4``
with its chapters and subtitles. The course's own lessons are not touched.

1. Renders every scene in the outline whose inputs changed since its last render
   at that quality (see tools.provenance), ``JOBS`` scenes at a time on as many
   long-lived worker processes (tools.render_worker: manim is imported once per
   worker, not once per scene); unchanged scenes are reused.
2. Builds the lesson videos (tools.lessons).
3. Writes ``renders/<res>/index.json`` and ``index.html`` (tools.course_index).
4. Prints a summary table: per scene status, wall time, video seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import queue
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from scenes import outline
from scenes.common.params import Variant, VariantError
from tools import datafiles, provenance, variants
from tools.cli import UsageError, command, forget, spawn, stop_children
from tools.course_index import build_index
from tools.inputs import (
    Quality,
    resolve_jobs,
    resolve_quality,
    resolve_scene,
    resolve_scenes,
)
from tools.lessons import build_lessons, build_variant_lesson, verdict
from tools.paths import BUILD, ROOT, show
from tools.render import Job
from tools.render import run as render_job


@dataclass
class Outcome:
    """What happened to one scene in this build."""

    item: outline.Item
    status: str  # reused | rendered | FAILED
    wall: float = 0.0
    video: float | None = None
    log: Path | None = None


WORKER_LOG: Final = BUILD / "logs" / "workers.log"


class Worker:
    """One ``python -m tools.render_worker`` process: renders scenes one after another."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None

    def render(self, item: outline.Item, quality: Quality) -> Outcome:
        """Render ``item`` in this worker (started on first use, restarted if it died)."""
        log = BUILD / "logs" / f"{item.scene}-{quality.folder}.log"
        started = time.monotonic()
        status = self._ask(
            {"scene": item.scene, "quality": quality.name, "log": str(log)}
        )
        wall = time.monotonic() - started
        if status != 0:
            return Outcome(item, "FAILED", wall, None, log)
        manifest = provenance.read_manifest(Job(item, quality).destination) or {}
        return Outcome(item, "rendered", wall, manifest.get("duration"), log)

    def _ask(self, request: dict[str, str]) -> int:
        if self.proc is None or self.proc.poll() is not None:
            # Each scene's output goes to its own log; anything the worker says
            # outside a scene goes to workers.log (never onto the course's terminal).
            WORKER_LOG.parent.mkdir(parents=True, exist_ok=True)
            with WORKER_LOG.open("ab") as log:
                self.proc = spawn(
                    [sys.executable, "-m", "tools.render_worker"],
                    cwd=ROOT,
                    env={**os.environ, "FORMAT": "mp4", "TRANSPARENT": ""},
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=log,
                )
        if self.proc is None or self.proc.stdin is None or self.proc.stdout is None:
            return 130  # stopping: no new worker
        try:
            self.proc.stdin.write((json.dumps(request) + "\n").encode())
            self.proc.stdin.flush()
            reply = self.proc.stdout.readline()
        except OSError:
            reply = b""
        if not reply:  # the worker died (killed, crashed): the scene failed
            self.close()
            return 1
        return int(json.loads(reply)["status"])

    def close(self) -> None:
        """End the worker process."""
        if self.proc is None:
            return
        if self.proc.stdin is not None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
        self.proc.wait()
        forget(self.proc)
        self.proc = None


def build_scenes(
    quality: Quality, jobs: int, only: list[outline.Item] | None = None
) -> list[Outcome]:
    """Render what changed, reuse the rest; print one line per scene as it finishes."""
    items = only or outline.present()
    outcomes: dict[str, Outcome] = {}
    todo = []
    for item in items:
        job = Job(item, quality)
        if provenance.is_current(job.destination, job.digest):
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
    workers: queue.SimpleQueue[Worker] = queue.SimpleQueue()
    for _ in range(min(jobs, len(todo))):
        workers.put(Worker())

    def render_scene(item: outline.Item) -> Outcome:
        worker = workers.get()  # at most `jobs` scenes at once, one per worker
        try:
            return worker.render(item, quality)
        finally:
            workers.put(worker)

    pool = ThreadPoolExecutor(max_workers=jobs)
    futures = {pool.submit(render_scene, item): item for item in todo}
    try:
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
    except BaseException:
        # Ctrl-C or SIGTERM: stop the renders running now, start no more.
        pool.shutdown(wait=False, cancel_futures=True)
        stop_children()
        raise
    pool.shutdown()
    while not workers.empty():
        workers.get().close()
    return [outcomes[i.scene] for i in items]


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


def _variant(path: str | None) -> Variant | None:
    """The variant named by VARIANT, validated (UsageError naming what is wrong)."""
    if not path:
        return None
    try:
        item = resolve_scene(variants.scene_of(path))
        return variants.load(path, item.scene)
    except VariantError as exc:
        raise UsageError(str(exc)) from None


def _variant_lesson(
    variant: Variant,
    quality: Quality,
    jobs: int,
    only: list[outline.Item] | None,
    started: float,
) -> int:
    """``make course VARIANT=...``: the variant's lesson (see the module docstring)."""
    item = resolve_scene(variant.scene)
    members = outline.in_section(item.section)
    others = [i for i in (only or members) if i.scene != item.scene]
    outcomes = build_scenes(quality, jobs, others) if others else []
    print(f"the variant {variant.name!r} of {item.scene} ...", flush=True)
    try:
        render_job(Job(item, quality, variant=variant), force=False)
    except VariantError as exc:  # refused by the layout gate: nothing written
        raise UsageError(str(exc)) from None
    print("building the lesson video ...", flush=True)
    lesson = build_variant_lesson(quality, variant)
    if outcomes:
        print(summary(outcomes, time.monotonic() - started))
    if lesson is not None:
        print(f"lesson: {show(lesson)}: {verdict(lesson)}")
    return 1 if any(o.status == "FAILED" for o in outcomes) else 0


@command(interrupted="finished scenes are kept; run `make course` again to resume")
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
    datafiles.check()
    variant = _variant(os.environ.get("VARIANT"))
    quality = resolve_quality(args.quality)
    jobs = resolve_jobs(args.jobs)
    only = resolve_scenes(args.scenes) if args.scenes else None
    if variant is not None:
        return _variant_lesson(variant, quality, jobs, only, started)
    outcomes = build_scenes(quality, jobs, only)
    print("building lesson videos ...", flush=True)
    lessons = build_lessons(quality)
    index = build_index(quality, lessons)
    print(summary(outcomes, time.monotonic() - started))
    for lesson in lessons:
        print(f"lesson: {show(lesson)}: {verdict(lesson)}")
    print(f"index: {index}")
    return 1 if any(o.status == "FAILED" for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
