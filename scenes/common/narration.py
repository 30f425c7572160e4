"""The narration model: every line a scene speaks, with a stable id and a text hash.

No manim here, so the recording script, the voices and the tests can use it
without rendering. A :class:`Line` is declared once through the base scene
(``self.narrate(...)`` or ``self.caption(...)``); its subtitles, its audio, the
recording script and the timing all come from it.

* id: ``<beat>-<index>`` (index counts from 1 inside the beat), unique in a scene
  and stable as long as the beat keeps its name and the line its place;
* text hash: SHA-256 of the whitespace-normalised text (first 16 hex digits),
  stored beside a recording so that a changed line shows up as stale.

Subtitle chunking and the reading-speed timing (``VOICE=none``) live here too.
"""

from __future__ import annotations

import os
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from tools.files import sha256, write_text
from tools.paths import ROOT

# Subtitle limits have one home, tools.subtitles (the gate checks them there).
from tools.subtitles import MAX_LINE as CAPTION_LINE
from tools.subtitles import MAX_LINES as CAPTION_LINES
from tools.subtitles import MIN_SHOWN as CAPTION_MIN
from tools.subtitles import TIMED_CPS as CAPTION_CPS

LINE_PAD: Final = 0.25
"""Silence (s) after a spoken line before the next one may start."""
RECORDING_EXTS: Final = (".wav", ".flac", ".mp3", ".m4a")
"""Accepted recording formats, in the order they are looked for."""


def normalize(text: str) -> str:
    """``text`` with runs of whitespace collapsed (what is hashed and spoken)."""
    return " ".join(text.split())


_POWER = re.compile(r"\^\{?(-?\w+)\}?")
_POWER_WORDS = {"2": "squared", "3": "cubed"}


_SUPERSCRIPT = re.compile("[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_FROM_SUPERSCRIPT = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def speakable(text: str) -> str:
    """What a synthetic voice reads for ``text``: powers spoken (``x^2``, ``x²``: x squared)."""
    text = _SUPERSCRIPT.sub(
        lambda m: "^" + m.group(0).translate(_FROM_SUPERSCRIPT), text
    )
    text = text.replace("√", "root ").replace("′", " prime")
    spoken = _POWER.sub(
        lambda m: " " + _POWER_WORDS.get(m.group(1), f"to the power {m.group(1)}"),
        text,
    )
    return normalize(spoken)


def text_hash(text: str) -> str:
    """The hash stored beside a recording of ``text``."""
    return sha256(normalize(text), sep=b"")[:16]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of narration as a scene declares it."""

    scene: str
    beat: str
    index: int
    text: str

    @property
    def id(self) -> str:
        """``<beat>-<index>``: the line's name in scripts and recording files."""
        return f"{self.beat}-{self.index:02d}"

    @property
    def text_hash(self) -> str:
        """Hash of the normalised text."""
        return text_hash(self.text)


def split_caption(text: str) -> list[str]:
    """Split narration into subtitles of at most 2 lines of 42 characters."""
    lines = textwrap.wrap(normalize(text), CAPTION_LINE)
    return [
        "\n".join(lines[i : i + CAPTION_LINES])
        for i in range(0, len(lines), CAPTION_LINES)
    ]


def _chars(chunk: str) -> int:
    return len(chunk.replace("\n", " "))


def reading_durations(chunks: list[str]) -> list[float]:
    """Seconds each subtitle chunk is shown when nothing is spoken (reading speed)."""
    return [max(CAPTION_MIN, _chars(c) / CAPTION_CPS) for c in chunks]


def spoken_durations(chunks: list[str], total: float) -> list[float]:
    """Share ``total`` seconds of speech among the chunks by their length."""
    weights = [_chars(c) for c in chunks]
    whole = sum(weights) or 1
    return [total * w / whole for w in weights]


def reading_time(text: str) -> float:
    """How long ``text`` is shown without a voice: an estimate for the script."""
    return sum(reading_durations(split_caption(text)))


# -- recordings ------------------------------------------------------------------------
def narration_dir() -> Path:
    """Where recordings live: ``assets/narration`` (``NARRATION_DIR`` overrides it)."""
    return Path(os.environ.get("NARRATION_DIR") or ROOT / "assets" / "narration")


def recording_target(scene: str, line_id: str) -> Path:
    """The file to record line ``line_id`` of ``scene`` to (WAV; see RECORDING_EXTS)."""
    return narration_dir() / scene / f"{line_id}.wav"


def find_recording(scene: str, line_id: str) -> Path | None:
    """The recording of a line if there is one, in any accepted format."""
    base = narration_dir() / scene / line_id
    for ext in RECORDING_EXTS:
        path = base.with_suffix(ext)
        if path.is_file():
            return path
    return None


def recordings(scene: str) -> list[Path]:
    """Every recording file of ``scene``."""
    folder = narration_dir() / scene
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in RECORDING_EXTS)


def sidecar(recording: Path) -> Path:
    """The text-hash file beside a recording: ``<id>.txt``."""
    return recording.with_suffix(".txt")


def recorded_hash(recording: Path) -> str | None:
    """The text hash stored beside ``recording`` (first word of the sidecar), if any."""
    try:
        first = sidecar(recording).read_text(encoding="utf-8").split(maxsplit=1)
    except OSError:
        return None
    return first[0] if first else None


def stamp(recording: Path, line: Line) -> Path:
    """Write the sidecar of ``recording``: the line's hash, then its text."""
    return write_text(sidecar(recording), f"{line.text_hash}\n{normalize(line.text)}\n")


def is_stale(recording: Path, line: Line) -> bool:
    """Whether the line's text changed since ``recording`` was stamped."""
    stored = recorded_hash(recording)
    return stored is not None and stored != line.text_hash
