"""The quality gate's command line: ``make lint-layout [SCENE=X]``, ``make plan``, ``make snapshots``.

The checks themselves live in tools.layout_lint (re-exported here for the tests)
and snapshot management in tools.snapshots.
"""

from __future__ import annotations

import argparse
import os
import sys

from scenes import outline
from tools.cli import command
from tools.inputs import resolve_scene
from tools.layout_lint import (
    MAX_DURATION,
    MIN_DURATION,
    Finding,
    SceneReport,
    inspect_scene,
    layout_findings,
    tex_dir,
)
from tools.snapshots import cmd_snapshots

__all__ = [
    "MAX_DURATION",
    "MIN_DURATION",
    "Finding",
    "SceneReport",
    "inspect_scene",
    "layout_findings",
    "main",
    "tex_dir",
]


# -- command line -----------------------------------------------------------------------
def _selected(name: str | None) -> list[outline.Item]:
    if name and name.strip() and name.strip().lower() != "all":
        return [resolve_scene(name)]
    return list(outline.present())


def cmd_layout(items: list[outline.Item]) -> int:
    """Print every finding; exit 1 if there are any."""
    total = 0
    for item in items:
        report = inspect_scene(item)
        status = "ok" if not report.findings else f"{len(report.findings)} finding(s)"
        print(
            f"{item.number} {item.scene}: {status} ({report.duration:.0f}s video,"
            f" {report.plays} animations, checked in {report.wall:.0f}s)",
            flush=True,
        )
        for f in report.findings:
            print(f"  - {f}")
        total += len(report.findings)
    return 1 if total else 0


def cmd_plan(items: list[outline.Item]) -> int:
    """Duration plan: each scene's length and animation count."""
    print("N.M\tscene\tduration\tanimations\tbeats\tstatus")
    bad = 0
    total = 0.0
    for item in items:
        r = inspect_scene(item)
        ok = MIN_DURATION <= r.duration <= MAX_DURATION
        bad += not ok
        total += r.duration
        status = "ok" if ok else f"FAIL (allowed {MIN_DURATION:g}-{MAX_DURATION:g}s)"
        print(
            f"{item.number}\t{item.scene}\t{r.duration:6.1f}s\t{r.plays}\t{len(r.beats)}\t{status}",
            flush=True,
        )
    missing = [i for i in outline.items() if not i.exists]
    print(
        f"# {len(items)} scenes, {total / 60:.1f} min of video; {len(missing)} not written yet"
    )
    return 1 if bad else 0


@command(interrupted="the gate was stopped")
def main(argv: list[str] | None = None) -> int:
    """Entry point for the Makefile targets."""
    p = argparse.ArgumentParser(prog="python -m tools.quality")
    p.add_argument("command", choices=["layout", "plan", "snapshots"])
    p.add_argument("--scene", default=os.environ.get("SCENE"))
    args = p.parse_args(argv)
    if args.command == "snapshots":
        return cmd_snapshots(args.scene)
    items = _selected(args.scene)
    if not items:
        print("no scenes written yet", file=sys.stderr)
        return 0
    return cmd_layout(items) if args.command == "layout" else cmd_plan(items)


if __name__ == "__main__":
    sys.exit(main())
