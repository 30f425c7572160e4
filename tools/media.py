"""The one place the project runs ffmpeg and ffprobe, and checks external programs.

Every call passes an argument list (never a shell string). :func:`require`
turns a program missing from PATH into a one-line message naming the Debian
package that provides it; :func:`convert` turns a failed ffmpeg run into a
:class:`MediaError` ending with the tail of ffmpeg's own message. tools/ and
scenes.common (the voices) call ffmpeg and ffprobe only through here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any, Final

from tools import files

PACKAGES: Final[dict[str, str]] = {
    "ffmpeg": "ffmpeg",
    "ffprobe": "ffmpeg",
    "latex": "texlive-latex-base",
    "dvisvgm": "dvisvgm",
}
"""Programs a render needs, and the Debian package that installs each."""


class MissingProgramError(RuntimeError):
    """A program the render needs is not on PATH."""


class MediaError(RuntimeError):
    """ffmpeg failed on a file, or ffprobe could not read one (the message says which)."""

    def __init__(self, message: str, stderr: str = "") -> None:
        super().__init__(message)
        self.stderr = stderr
        """ffmpeg's full error output ("" when there was none)."""

    @property
    def last_line(self) -> str:
        """The last line ffmpeg printed ("?" when it printed nothing)."""
        lines = self.stderr.strip().splitlines()
        return lines[-1] if lines else "?"


def require(*programs: str) -> None:
    """Raise :class:`MissingProgramError` naming the package of the first one missing."""
    for name in programs:
        if shutil.which(name) is None:
            package = PACKAGES.get(name, name)
            raise MissingProgramError(
                f"{name} not found on PATH: install it with"
                f" `sudo apt-get install {package}` (or run `make setup`)"
            )


def ffmpeg(*args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    """Run ``ffmpeg -v error -y ARGS`` quietly (errors still reach stderr)."""
    require("ffmpeg")
    return subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=check)


def convert(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``ffmpeg -v error -nostdin -y ARGS`` with its output captured.

    A failure raises :class:`MediaError` ``ffmpeg failed: <last 300 characters
    of its message>``.
    """
    require("ffmpeg")
    proc = subprocess.run(
        ["ffmpeg", "-v", "error", "-nostdin", "-y", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip()
        raise MediaError(f"ffmpeg failed: {tail[-300:]}", tail)
    return proc


def analyse(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Decode ``path`` through ``args`` (e.g. ``-af ebur128``) into the null muxer.

    Measuring filters print their results on stderr at the default log level,
    so stderr is captured and returned with the exit status, unchecked: the
    caller parses it and says what a failure means for its file.
    """
    require("ffmpeg")
    cmd = ["ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-i", str(path), *args]
    return subprocess.run(
        [*cmd, "-f", "null", "-"],
        capture_output=True,
        text=True,
        check=False,
    )


def probe(path: Path, *entries: str) -> dict[str, Any]:
    """ffprobe's JSON for ``path`` (``entries`` e.g. "-show_streams", "-show_format")."""
    require("ffprobe")
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", *entries, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def duration(path: Path) -> float | None:
    """Duration of a media file in seconds (ms precision), or None for a still or a bad file."""
    if path.suffix == ".png":
        return None
    try:
        value = probe(path, "-show_entries", "format=duration")["format"]["duration"]
        return round(float(value), 3)
    except (subprocess.CalledProcessError, KeyError, TypeError, ValueError):
        return None


def stream_duration(path: Path, stream: str = "v:0") -> float:
    """Seconds of ``stream`` of ``path`` (else of the whole file), as ffprobe reads them.

    Unrounded; :class:`MediaError` ``cannot read the duration of PATH`` when
    neither is there.
    """
    try:
        data = probe(
            path,
            "-select_streams",
            stream,
            "-show_entries",
            "stream=duration:format=duration",
        )
    except (subprocess.CalledProcessError, json.JSONDecodeError):
        data = {}
    for entry in [*data.get("streams", []), data.get("format", {})]:
        try:
            return float(entry["duration"])
        except (KeyError, TypeError, ValueError):
            continue
    raise MediaError(f"cannot read the duration of {path}")


def has_audio(path: Path) -> bool:
    """Whether ``path`` has an audio stream (False for a file ffprobe cannot read)."""
    try:
        data = probe(path, "-select_streams", "a", "-show_entries", "stream=index")
    except (subprocess.CalledProcessError, json.JSONDecodeError):
        return False
    return bool(data.get("streams"))


def playable(path: Path) -> bool:
    """Whether ``path`` opens as a movie and every video packet demuxes (PyAV, in-process).

    A partial movie cut short by a kill has no index (``moov``) and fails at once;
    checking a complete one takes a few milliseconds.
    """
    import av

    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                return False
            for _packet in container.demux(container.streams.video[0]):
                pass
    except (av.error.FFmpegError, OSError, ValueError):
        return False
    return True


class _NoFrameError(Exception):
    pass


def last_frame(video: Path, png: Path) -> bool:
    """Write the last frame of ``video`` as ``png`` (atomically); whether it worked."""
    try:
        with files.atomic_path(png) as tmp:
            proc = ffmpeg(
                "-sseof",
                "-0.1",
                "-i",
                str(video),
                "-frames:v",
                "1",
                "-update",
                "1",
                "-c:v",
                "png",  # the temporary name has no suffix to choose the codec by
                "-f",
                "image2",
                str(tmp),
                check=False,
            )
            if proc.returncode != 0 or not tmp.is_file():
                raise _NoFrameError
    except _NoFrameError:
        return False
    return True


def concat(listing: Path, metadata: Path, dest: Path) -> None:
    """Join the files named in concat ``listing`` without re-encoding, with chapters."""
    ffmpeg(
        "-f",
        "concat",
        "-safe",
        "0",
        "-i",
        str(listing),
        "-i",
        str(metadata),
        "-map",
        "0:v",  # video only: tools.audio.add_lesson_audio lays the sound track
        "-map_metadata",
        "1",
        "-map_chapters",
        "1",
        "-c",
        "copy",
        "-movflags",
        "+faststart",
        "-f",
        "mp4",
        str(dest),
    )


def reencode(video: Path, dest: Path) -> None:
    """Decode ``video`` and encode it again as Manim does (libx264, crf 23, yuv420p)."""
    ffmpeg(
        "-i",
        str(video),
        "-c:v",
        "libx264",
        "-crf",
        "23",
        "-pix_fmt",
        "yuv420p",
        "-f",
        "mp4",
        str(dest),
    )
