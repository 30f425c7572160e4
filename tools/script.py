"""The recording script: ``make script [SCENE=X]`` (every scene without SCENE).

For each beat of a scene, every narration line's id, its text, its estimated
duration (the voice ``VOICE`` names would take; reading time without one) and
the file to record it to, ``assets/narration/<Scene>/<id>.wav`` (``.flac``,
``.mp3`` and ``.m4a`` are accepted too). Printed, and written as Markdown to
``renders/script/<Scene>.md``. Lines already recorded are marked, stale ones
(text changed since recording) flagged; a recording without its text-hash
file ``<id>.txt`` is stamped with the current text (it is taken to be a
recording of this script). The lines come from a dry run of the scene.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from scenes import outline
from scenes.common import narration
from scenes.common import voice as voices
from tools import files, layout_lint
from tools.cli import UsageError, command
from tools.inputs import resolve_scene
from tools.paths import BUILD, RENDERS, show

if TYPE_CHECKING:
    from scenes.common.base import Spoken


def spoken_lines(item: outline.Item) -> list[Spoken]:
    """The scene's narration as scheduled (``scenes.common.base.Spoken``), by a dry run.

    Only the lines and their durations count here, so the run draws nothing and
    skips the frames between plays, as the layout gate's does.
    """
    from manim import tempconfig

    settings = {
        **layout_lint.DRY_RUN_CONFIG,
        "media_dir": str(BUILD / "quality"),
        "tex_dir": str(layout_lint.tex_dir()),
    }
    with tempconfig(settings):
        scene = item.load()(skip_animations=True)
        scene.render()
        return list(scene.spoken)


def script(item: outline.Item) -> str:
    """The recording script of one scene as Markdown (stamping unstamped recordings)."""
    spoken = spoken_lines(item)
    out = [f"# {item.number} {item.title} ({item.scene})", ""]
    total = 0.0
    beat = None
    used: set[Path] = set()
    for s in spoken:
        line = s.line
        if line.beat != beat:
            beat = line.beat
            out += ["", f"## {beat}", ""]
        found = narration.find_recording(item.scene, line.id)
        status = "to record"
        if found is not None:
            used.add(found)
            if narration.recorded_hash(found) is None:
                narration.stamp(found, line)
                status = f"recorded ({found.suffix[1:]}, text hash stamped now)"
            elif narration.is_stale(found, line):
                status = "STALE: text changed since recorded, record again"
            else:
                status = f"recorded ({found.suffix[1:]})"
        seconds = s.end - s.start
        total += seconds
        target = found or narration.recording_target(item.scene, line.id)
        out += [
            f"- **{line.id}** ({seconds:.1f}s, {status}) `{show(target)}`",
            f"  {narration.normalize(line.text)}",
        ]
    extra = [p for p in narration.recordings(item.scene) if p not in used]
    if extra:
        out += ["", "## recordings that match no line", ""]
        out += [f"- `{show(p)}`" for p in extra]
    out.insert(1, "")
    out.insert(
        2,
        f"{len(spoken)} lines, about {total:.0f}s spoken. Record each line to its file"
        " (WAV, FLAC, MP3 or M4A; at most 30 s).",
    )
    return "\n".join(out) + "\n"


@command(interrupted="the scripts written so far are kept")
def main(argv: list[str] | None = None) -> int:
    """Entry point for ``make script``."""
    p = argparse.ArgumentParser(prog="make script")
    p.add_argument("--scene", default=os.environ.get("SCENE"))
    args = p.parse_args(argv)
    try:
        voices.from_env()
    except voices.VoiceError as exc:
        raise UsageError(str(exc)) from None
    items = [resolve_scene(args.scene)] if args.scene else outline.present()
    folder = RENDERS / "script"
    folder.mkdir(parents=True, exist_ok=True)
    for n, item in enumerate(items, 1):
        if len(items) > 1:
            print(f"[{n}/{len(items)}] {item.scene}", file=sys.stderr, flush=True)
        text = script(item)
        dest = folder / f"{item.scene}.md"
        files.write_text(dest, text)
        print(text)
        print(f"wrote {show(dest)}\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
