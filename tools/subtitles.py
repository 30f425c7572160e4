"""Subtitles: the one subtitle record, the readability limits, SRT/WebVTT files.

Scenes schedule their captions as :class:`Cue` records within these limits
(scenes/common/base.py imports them from here), the render writes SRT and
WebVTT with the functions below, and the quality gate checks cues with
:func:`check`. Standard library only, so it runs before the virtualenv exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from tools import files

MAX_LINE: Final = 42
"""Most characters on one subtitle line."""
MAX_LINES: Final = 2
"""Most lines in one subtitle."""
MAX_CPS: Final = 20.0
"""Fastest reading speed (characters a second) the gate allows."""
MAX_GAP: Final = 8.0
"""Longest stretch (s) without a subtitle the gate allows."""
TIMED_CPS: Final = 15.0
"""Characters a second a subtitle is timed for when a scene schedules it."""
MIN_SHOWN: Final = 1.5
"""Shortest time (s) a subtitle stays on screen."""

_TIME = re.compile(r"(\d+):(\d\d):(\d\d)[,.](\d{1,3})")


@dataclass(frozen=True, slots=True)
class Cue:
    """One subtitle: start and end in seconds, its text (lines joined by \\n), its beat."""

    start: float
    end: float
    text: str
    section: str = ""


def _seconds(stamp: str) -> float:
    m = _TIME.fullmatch(stamp.strip())
    if not m:
        raise ValueError(f"bad subtitle time stamp {stamp!r}")
    h, mi, s, ms = m.groups()
    return int(h) * 3600 + int(mi) * 60 + int(s) + int(ms.ljust(3, "0")) / 1000


def _stamp(seconds: float, sep: str) -> str:
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def parse_srt(text: str) -> list[Cue]:
    """Parse SRT text into cues (raises ValueError on a malformed block)."""
    cues = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.strip().splitlines()
        if not lines:
            continue
        if "-->" not in lines[0] and len(lines) > 1:
            lines = lines[1:]
        if "-->" not in lines[0]:
            raise ValueError(f"subtitle block has no time line: {block!r}")
        a, b = lines[0].split("-->")
        cues.append(Cue(_seconds(a), _seconds(b), "\n".join(lines[1:])))
    return cues


def compose_srt(cues: list[Cue]) -> str:
    """SRT text for ``cues``."""
    return "\n".join(
        f"{i}\n{_stamp(c.start, ',')} --> {_stamp(c.end, ',')}\n{c.text}\n"
        for i, c in enumerate(cues, 1)
    )


def compose_vtt(cues: list[Cue]) -> str:
    """WebVTT text for ``cues`` (what HTML5 players and learning platforms read)."""
    body = "\n".join(
        f"{_stamp(c.start, '.')} --> {_stamp(c.end, '.')}\n{c.text}\n" for c in cues
    )
    return "WEBVTT\n\n" + body


def srt_to_vtt(srt_path: Path, vtt_path: Path) -> None:
    """Write a WebVTT copy of an SRT file."""
    files.write_text(vtt_path, compose_vtt(parse_srt(srt_path.read_text("utf-8"))))


def check(cues: list[Cue], duration: float) -> list[str]:
    """Readability findings for subtitles covering a video of ``duration`` seconds.

    Checks: at most 2 lines of at most 42 characters; at most about 20
    characters a second; no stretch longer than 8 s without a subtitle
    (including the start and the end of the video); cues in order.
    """
    problems = []
    cursor = 0.0
    for i, cue in enumerate(sorted(cues, key=lambda c: c.start), 1):
        lines = cue.text.splitlines()
        where = (
            f"subtitle {i} at {cue.start:.1f}s ({cue.text.splitlines()[0][:30]!r}...)"
        )
        if len(lines) > MAX_LINES:
            problems.append(f"{where}: {len(lines)} lines (max {MAX_LINES})")
        for line in lines:
            if len(line) > MAX_LINE:
                problems.append(
                    f"{where}: line of {len(line)} characters (max {MAX_LINE})"
                )
        shown = cue.end - cue.start
        chars = len(" ".join(lines))
        if shown <= 0:
            problems.append(f"{where}: ends before it starts")
        elif chars / shown > MAX_CPS:
            problems.append(
                f"{where}: {chars / shown:.1f} characters/s (max {MAX_CPS:g}); show it longer"
            )
        if cue.start - cursor > MAX_GAP:
            problems.append(
                f"silent gap of {cue.start - cursor:.1f}s before {where} (max {MAX_GAP:g}s)"
            )
        cursor = max(cursor, cue.end)
    if duration - cursor > MAX_GAP:
        problems.append(
            f"silent gap of {duration - cursor:.1f}s at the end of the video (max {MAX_GAP:g}s)"
        )
    return problems
