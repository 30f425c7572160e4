"""Sound as published: the narration track of every render, lesson and transcript.

tools.render calls :func:`preflight` before Manim runs (the voice engine is
installed, every recording of the scene is usable) and :func:`finish` after
Manim has written the video and before anything is moved into ``renders/``:

* the scene's narration mix (written by the base scene beside the movie, see
  scenes.common.base) is padded to the video's length and normalised to
  -16 LUFS integrated, true peak <= -1.5 dBTP (ffmpeg ``loudnorm``, two passes:
  measure, then apply the measured values);
* it is muxed into the video with ``-c:v copy``: AAC 48 kHz for MP4 and MOV,
  Opus 48 kHz for WebM (``VOICE=none`` gets a silent track of the same kind);
* Manim's per-beat section clips are silent (ManimCE #3347): each gets the
  matching slice of the final audio (offsets from the durations in the
  sections index);
* a plain-text transcript ``renders/<res>/<Scene>.txt`` (one paragraph a beat).

For ``make course``, :func:`add_lesson_audio` carries the audio across title
cards (silence for the cards) and :func:`lesson_transcript` joins the scenes'
transcripts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from scenes.common import voice as voices
from tools import files, media
from tools.media import MediaError

if TYPE_CHECKING:
    from tools.render import Job

TARGET_LUFS: Final = -16.0
TARGET_TP: Final = -1.5
TARGET_LRA: Final = 11.0
ENCODER_MARGIN: Final = 0.5
"""dB of true-peak headroom kept for the lossy encoder's overshoot."""
PRE_LIMIT: Final = "alimiter=limit=0.35:attack=2:release=50:level=false"
"""Tame speech peaks (to -9 dBFS) first, so that loudnorm can apply one linear gain."""
PEAK_MARGIN: Final = 0.3
"""dB below the true-peak target a corrected encode aims at."""
RATE: Final = 48000
CODECS: Final[dict[str, list[str]]] = {
    "mp4": ["-c:a", "aac", "-b:a", "192k"],
    "mov": ["-c:a", "aac", "-b:a", "192k"],
    "webm": ["-c:a", "libopus", "-b:a", "96k"],
}
"""Audio encoder per container. ffmpeg's AAC at 128k overshot a line that starts the
video by up to 3.6 dB (a -2.2 dBTP master came out at +1.4 dBTP), and turning the
track down did not bring such a peak under -1.5 dBTP but left five scenes of the
course at -17.4 to -19.2 LUFS; at 192k the encoded peaks stay within 0.4 dB of the
master's."""


# -- before Manim ------------------------------------------------------------------------
def preflight(job: Job) -> str | None:
    """Why the render cannot have its narration (engine missing, bad recording), or None."""
    if job.last_frame or job.fmt in ("png", "gif"):
        return None
    try:
        voice = voices.from_env()
        if voice.uses_recordings:
            voices.check_recordings(job.item.scene)
    except voices.VoiceError as exc:
        return f"{exc}. Nothing was written to renders/."
    if voice.uses_recordings and voice.engine is None:
        print(
            f"note: VOICE={voice.name} found no synthetic voice for unrecorded lines"
            " (apt-get install espeak-ng); they stay silent, timed for reading",
            flush=True,
        )
    return None


# -- after Manim --------------------------------------------------------------------------
def loudnorm(src: Path, dest: Path) -> dict[str, Any]:
    """Normalise ``src`` to -16 LUFS / -1.5 dBTP into a 48 kHz WAV; return pass-1 stats."""
    spec = f"I={TARGET_LUFS:g}:TP={TARGET_TP - ENCODER_MARGIN:g}:LRA={TARGET_LRA:g}"
    proc = media.analyse(src, "-af", f"loudnorm={spec}:print_format=json")
    found = re.search(r"\{[^{}]*\"input_i\"[^{}]*\}", proc.stderr)
    if proc.returncode != 0 or not found:
        raise MediaError(f"loudness measurement failed for {src.name}")
    m: dict[str, Any] = json.loads(found.group(0))
    if m["input_i"] == "-inf":  # all silence (VOICE=none): no gain to apply
        media.convert(
            "-i", str(src), "-af", f"aresample={RATE}",
            "-ar", str(RATE), "-ac", "1", "-c:a", "pcm_s16le", str(dest),
        )  # fmt: skip
        return m
    measured = (
        f"measured_I={m['input_i']}:measured_TP={m['input_tp']}:"
        f"measured_LRA={m['input_lra']}:measured_thresh={m['input_thresh']}:"
        f"offset={m['target_offset']}:linear=true"
    )
    media.convert(
        "-i", str(src), "-af", f"loudnorm={spec}:{measured},aresample={RATE}",
        "-ar", str(RATE), "-ac", "1", "-c:a", "pcm_s16le", str(dest),
    )  # fmt: skip
    return m


def _master(mix: Path | None, length: float, work: Path) -> Path:
    """The final narration track: ``mix`` padded to ``length`` s and normalised."""
    raw = work.with_name(f"{work.name}.raw.wav")
    master = work.with_name(f"{work.name}.master.wav")
    if mix is None:
        media.convert(
            "-f", "lavfi", "-i", f"anullsrc=r={RATE}:cl=mono", "-t", f"{length:.6f}",
            "-c:a", "pcm_s16le", str(master),
        )  # fmt: skip
        return master
    media.convert(
        "-i", str(mix), "-af", f"{PRE_LIMIT},apad,atrim=end={length:.6f}", "-ar", str(RATE),
        "-ac", "1", "-c:a", "pcm_s16le", str(raw),
    )  # fmt: skip
    loudnorm(raw, master)
    raw.unlink(missing_ok=True)
    return master


def mux(
    video: Path,
    track: Path,
    fmt: str,
    start: float = 0.0,
    length: float | None = None,
    *,
    gain_db: float = 0.0,
) -> None:
    """Replace the audio of ``video`` by ``track`` (from ``start``, ``length`` s), video copied."""
    window = ["-ss", f"{start:.6f}"] + (["-t", f"{length:.6f}"] if length else [])
    gain = ["-af", f"volume={gain_db:.2f}dB"] if gain_db else []
    with files.atomic_path(video) as tmp:
        media.convert(
            "-i", str(video), *window, "-i", str(track), "-map", "0:v:0", "-map", "1:a:0",
            "-map_metadata", "0", "-map_chapters", "0", "-c:v", "copy", *gain, *CODECS[fmt],
            "-ar", str(RATE), "-ac", "1", "-shortest",
            *(["-movflags", "+faststart"] if fmt != "webm" else []), "-f", fmt, str(tmp),
        )  # fmt: skip


def true_peak(path: Path) -> float:
    """The true peak (dBTP) of the audio of ``path`` (ffmpeg ebur128)."""
    proc = media.analyse(path, "-map", "0:a:0", "-af", "ebur128=peak=true")
    found = re.search(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS", proc.stderr)
    if proc.returncode != 0 or not found:
        raise MediaError(f"cannot measure the true peak of {path.name}")
    return float(found.group(1)) if found.group(1) != "-inf" else float("-inf")


def mux_peak_safe(video: Path, track: Path, fmt: str) -> float:
    """:func:`mux`, then measure; if the encoder pushed the true peak over the target,
    encode again that many dB quieter. Returns the final true peak."""
    mux(video, track, fmt)
    peak = true_peak(video)
    if peak > TARGET_TP:
        mux(video, track, fmt, gain_db=TARGET_TP - PEAK_MARGIN - peak)
        peak = true_peak(video)
    return peak


def transcript(timeline: dict[str, Any], title: str) -> str:
    """Plain-text transcript: the title, then one paragraph of narration a beat."""
    paragraphs: list[list[str]] = []
    beat = None
    for line in timeline["lines"]:
        if line["beat"] != beat:
            paragraphs.append([])
            beat = line["beat"]
        paragraphs[-1].append(" ".join(line["text"].split()))
    return title + "\n\n" + "\n\n".join(" ".join(p) for p in paragraphs) + "\n"


def report(timeline: dict[str, Any], scene: str) -> list[str]:
    """What the voice did: sources, missing and stale recordings (printed by finish)."""
    lines = timeline["lines"]
    counts: dict[str, int] = {}
    for line in lines:
        counts[line["source"]] = counts.get(line["source"], 0) + 1
    out = [
        f"narration: {len(lines)} lines, voice {timeline['voice']} ("
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        + ")"
    ]
    if timeline.get("voice_name") not in ("recorded", "auto"):
        return out
    stale = [line for line in lines if line["stale"]]
    missing = [
        line for line in lines if line["source"] != "recorded" and not line["stale"]
    ]
    folder = voices.narration.narration_dir() / scene
    if missing and len(missing) == len(lines) and timeline["voice_name"] == "auto":
        out.append(
            f"no recordings in {folder}: every line uses the synthetic voice"
            f" (make script SCENE={scene} lists them)"
        )
    elif missing:
        out.append(f"missing recordings ({len(missing)}), synthetic voice used:")
        out += [f"  {line['id']}: {line['text'][:60]}" for line in missing]
    if stale:
        out.append(
            f"stale recordings ({len(stale)}): the line's text changed since it was"
            " recorded; synthetic voice used until it is re-recorded:"
        )
        out += [f"  {line['recording']}" for line in stale]
    return out


def finish(job: Job, produced: Path) -> list[Path]:
    """Give Manim's output its published sound; return the extra files to publish beside it.

    An ffmpeg failure becomes tools.render's RenderError (one ``error:`` line).
    """
    from tools.render import RenderError

    try:
        return _finish(job, produced)
    except MediaError as exc:
        raise RenderError(f"{exc}. Nothing was written to renders/.", 1) from None


def _finish(job: Job, produced: Path) -> list[Path]:
    if job.last_frame or job.fmt not in CODECS:
        return []
    timeline_path = produced.with_suffix(".narration.json")
    if not timeline_path.is_file():
        return []
    timeline = json.loads(timeline_path.read_text(encoding="utf-8"))
    for message in report(timeline, job.item.scene):
        print(message, flush=True)
    mix = produced.with_name(timeline["mix"]) if timeline.get("mix") else None
    length = media.stream_duration(produced)
    print(f"normalising the sound to {TARGET_LUFS:g} LUFS ...", flush=True)
    master = _master(mix, length, produced.with_suffix(".audio"))
    mux_peak_safe(produced, master, job.fmt)
    index = produced.parent / "sections" / f"{job.item.scene}.json"
    if index.is_file():
        cursor = 0.0
        for entry in json.loads(index.read_text(encoding="utf-8")):
            clip = index.parent / entry["video"]
            seconds = float(entry.get("duration") or media.stream_duration(clip))
            if clip.is_file():
                mux(clip, master, job.fmt, cursor, seconds)
            cursor += seconds
    text = transcript(timeline, f"{job.item.number} {job.item.title}")
    return [files.write_text(produced.with_suffix(".txt"), text)]


# -- lessons ------------------------------------------------------------------------------
def add_lesson_audio(video: Path, segments: list[Path]) -> None:
    """Give a concatenated lesson the audio of its segments (silence where they have none)."""
    from tools.paths import BUILD

    work = BUILD / "lesson-audio" / video.name
    work.mkdir(parents=True, exist_ok=True)
    pieces = []
    for i, segment in enumerate(segments):
        piece = work / f"{i:03d}.wav"
        length = media.stream_duration(segment)
        if media.has_audio(segment):
            media.convert(
                "-i", str(segment), "-map", "0:a:0", "-af", f"apad,atrim=end={length:.6f}",
                "-ar", str(RATE), "-ac", "1", "-c:a", "pcm_s16le", str(piece),
            )  # fmt: skip
        else:
            media.convert(
                "-f", "lavfi", "-i", f"anullsrc=r={RATE}:cl=mono", "-t", f"{length:.6f}",
                "-c:a", "pcm_s16le", str(piece),
            )  # fmt: skip
        pieces.append(piece)
    listing = work / "pieces.txt"
    listing.write_text(
        "".join(f"file '{p.resolve()}'\n" for p in pieces), encoding="utf-8"
    )
    track = work / "lesson.wav"
    media.convert(
        "-f", "concat", "-safe", "0", "-i", str(listing), "-c", "copy", str(track)
    )
    level = work / "lesson.norm.wav"
    try:
        # Scenes are at -16 LUFS; the cards' silence is gated out (and an
        # all-silent course, VOICE=none, is passed through by loudnorm).
        loudnorm(track, level)
        mux_peak_safe(video, level, "mp4")
    finally:
        for piece in [*pieces, listing, track, level]:
            piece.unlink(missing_ok=True)


def lesson_transcript(dest: Path, title: str, videos: list[Path]) -> Path:
    """The lesson's transcript: its title, then each scene's transcript in order."""
    parts = [title + "\n"]
    for video in videos:
        scene_text = video.with_suffix(".txt")
        if scene_text.is_file():
            parts.append(scene_text.read_text(encoding="utf-8"))
    return files.write_text(dest, "\n".join(parts))
