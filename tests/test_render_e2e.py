"""End to end: `make render SCENE=ChainRule QUALITY=low VOICE=espeak` as a user runs it.

Renders once, narrated by espeak-ng, through the Makefile into a temporary
RENDERS_DIR and checks the MP4 with ffprobe (duration, resolution, frame rate,
audio stream), the subtitles beside it against the speech ffmpeg's
``silencedetect`` finds, the loudness ``ebur128`` measures, the section clips'
audio, the transcript, and then the lesson `make course` builds from it.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from scenes import outline
from tools import chapters as platform
from tools import quality
from tools.subtitles import Cue, parse_srt

ROOT = Path(__file__).resolve().parent.parent
# The render and the course build run once per test run (the `once` fixture), whichever
# xdist worker asks first; renders in other workers run alongside them (a per-scene
# lock in tools.render, a per-formula lock in the shared TeX cache, tools.texcache).
pytestmark = pytest.mark.render
FRAME = 1 / 15  # one frame at low quality


def ffprobe(path: Path) -> dict:
    out = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-print_format",
            "json",
            "-show_streams",
            "-show_format",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def make(
    target: str, renders: Path, *, check: bool = True, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run a make target as a user would, writing into ``renders``; with ``check``
    (the default) it must succeed."""
    proc = subprocess.run(
        ["make", "--no-print-directory", target],
        cwd=ROOT,
        env={**os.environ, "RENDERS_DIR": str(renders), "QUALITY": "low", **env},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if check:
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc


Once = Callable[[str, Callable[[Path], object]], tuple[Path, object]]


@pytest.fixture(scope="module")
def rendered(once: Once) -> Path:
    out, _ = once(
        "e2e-render",
        lambda out: make("render", out, SCENE="ChainRule", VOICE="espeak").returncode,
    )
    return out / "480p15"


def test_video_metadata(
    rendered: Path,
    monkeypatch: pytest.MonkeyPatch,
    gate_report: Callable[..., quality.SceneReport],
) -> None:
    monkeypatch.setenv("VOICE", "espeak")
    meta = ffprobe(rendered / "ChainRule.mp4")
    video = next(s for s in meta["streams"] if s["codec_type"] == "video")
    assert (video["width"], video["height"]) == (854, 480)
    assert video["r_frame_rate"] == "15/1"
    # Every frame exactly 1/15 s: a partial movie whose mp4 edit list rounded its
    # length to the millisecond shifted all later frames (see keep_segments_to_the_frame).
    assert video["avg_frame_rate"] == "15/1"
    assert int(video["nb_frames"]) / 15 == pytest.approx(
        float(video["duration"]), abs=1e-6
    )
    for clip in sorted((rendered / "sections" / "ChainRule").glob("*.mp4")):
        streams = ffprobe(clip)["streams"]
        clip_video = next(s for s in streams if s["codec_type"] == "video")
        assert clip_video["avg_frame_rate"] == "15/1", clip.name
    expected = gate_report(outline.by_scene("ChainRule")).duration  # narrated dry run
    assert float(meta["format"]["duration"]) == pytest.approx(expected, abs=0.5)


def test_subtitles_beside_the_video(rendered: Path) -> None:
    cues = parse_srt((rendered / "ChainRule.srt").read_text())
    assert len(cues) >= 10
    assert cues[0].start == 0
    assert "chain rule" in cues[0].text.lower()
    vtt = (rendered / "ChainRule.vtt").read_text()
    assert vtt.startswith("WEBVTT")
    assert vtt.count("-->") == len(cues)


def test_sections_index_lists_the_beats(rendered: Path) -> None:
    sections = json.loads(
        (rendered / "sections" / "ChainRule" / "sections.json").read_text()
    )
    names = [s["name"] for s in sections]
    assert names[:3] == ["title", "decompose", "rule"]
    assert "backprop" in names


def test_no_partial_files_left(rendered: Path) -> None:
    assert not [p for p in rendered.rglob("*") if ".part" in p.name]


@pytest.fixture(scope="module")
def chain_beats(gate_report: Callable[..., quality.SceneReport]) -> list[str]:
    """ChainRule's beats as its dry run declares them (the render must have one clip each)."""
    beats = gate_report(outline.by_scene("ChainRule")).beats
    assert len(beats) >= 3
    return list(beats)


def test_section_clips_have_posters(rendered: Path, chain_beats: list[str]) -> None:
    folder = rendered / "sections" / "ChainRule"
    clips = sorted(folder.glob("*.mp4"))
    assert [c.stem.split("_", 2)[2] for c in clips] == chain_beats
    for clip in clips:
        poster = clip.with_suffix(".png")
        assert poster.stat().st_size > 1000
        assert poster.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", poster  # not a JPEG


def test_manifest_proves_the_output_is_current(
    rendered: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VOICE", "espeak")  # the voice is part of the hash
    from tools import provenance
    from tools.render import Job, resolve_quality

    item = outline.by_scene("ChainRule")
    manifest = json.loads((rendered / "ChainRule.mp4.manifest.json").read_text())
    job = Job(item, resolve_quality("low"))
    assert manifest["input_hash"] == provenance.input_hash(
        item, quality="low", fmt=job.tag
    )
    assert manifest["scene"] == "ChainRule"
    assert manifest["quality"] == "low"
    assert manifest["duration"] == pytest.approx(
        float(ffprobe(rendered / "ChainRule.mp4")["format"]["duration"]), abs=0.01
    )


@pytest.fixture(scope="module")
def course(rendered: Path, once: Once) -> subprocess.CompletedProcess[str]:
    """`make course` over the scene rendered above: it must reuse it, then build lessons."""

    def build(_: Path) -> dict[str, str]:
        proc = make("course", rendered.parent, SCENES="ChainRule", VOICE="espeak")
        return {"stdout": proc.stdout, "stderr": proc.stderr}

    _, result = once("e2e-course", build)
    assert isinstance(result, dict)
    return subprocess.CompletedProcess(
        ["make", "course"], 0, result["stdout"], result["stderr"]
    )


def test_course_reuses_a_current_render(
    course: subprocess.CompletedProcess[str],
) -> None:
    assert "0 rendered, 1 reused, 0 failed" in course.stdout
    assert "ChainRule" in course.stdout
    # each lesson's verdict, read back from what was written
    assert "lessons/section-2.mp4: " in course.stdout
    assert "NOT accepted" not in course.stdout


def test_lesson_has_chapters_and_shifted_subtitles(
    rendered: Path, course: object
) -> None:
    lesson = rendered / "lessons" / "section-2.mp4"
    chapters = json.loads(
        subprocess.run(
            [
                "ffprobe",
                "-v",
                "error",
                "-print_format",
                "json",
                "-show_chapters",
                str(lesson),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )["chapters"]
    # One item: chapters at its beats, merged to platform rules (0:00, >= 3, >= 10 s).
    listed = [
        (float(c["start_time"]), float(c["end_time"]), c["tags"]["title"])
        for c in chapters
    ]
    assert listed[0][2] == "2.9 The Chain Rule"
    assert platform.problems(listed) == []
    scene = float(ffprobe(rendered / "ChainRule.mp4")["format"]["duration"])
    total = float(ffprobe(lesson)["format"]["duration"])
    card = total - scene
    assert 2.0 < card < 6.0  # the title card comes first
    assert listed[-1][1] == pytest.approx(total, abs=0.1)
    original = parse_srt((rendered / "ChainRule.srt").read_text())
    merged = parse_srt((rendered / "lessons" / "section-2.srt").read_text())
    assert len(merged) == len(original)
    assert merged[0].start == pytest.approx(original[0].start + card, abs=0.05)
    stamps = (rendered / "lessons" / "section-2.chapters.txt").read_text().splitlines()
    assert stamps[0] == "00:00 2.9 The Chain Rule"
    assert len(stamps) == len(listed) >= 3
    assert (
        (rendered / "lessons" / "section-2.chapters.vtt")
        .read_text()
        .startswith("WEBVTT")
    )


def test_index_lists_scenes_and_clips(
    rendered: Path, course: object, chain_beats: list[str]
) -> None:
    index = json.loads((rendered / "index.json").read_text())
    assert len(index["scenes"]) == 35
    chain = next(s for s in index["scenes"] if s["scene"] == "ChainRule")
    assert chain["video"] == "ChainRule.mp4"
    assert len(chain["clips"]) == len(chain_beats)
    for clip in chain["clips"]:
        assert (rendered / clip["video"]).is_file()
        assert (rendered / clip["poster"]).is_file()
    html = (rendered / "index.html").read_text()
    assert "ChainRule.mp4" in html
    assert "<track" in html
    from scenes.common.theme import PALETTE

    assert f"background:{PALETTE.background}" in html  # colours from the theme


# -- narration ----------------------------------------------------------------------------
def audio_stream(path: Path) -> dict:
    return next(s for s in ffprobe(path)["streams"] if s["codec_type"] == "audio")


def speech(path: Path) -> list[tuple[float, float]]:
    """Stretches of sound (between silences of at least 0.2 s below -50 dB)."""
    err = subprocess.run(
        ["ffmpeg", "-nostats", "-i", str(path), "-af",
         "silencedetect=noise=-50dB:d=0.2", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    ).stderr  # fmt: skip
    edges = [float(v) for v in re.findall(r"silence_(?:start|end): (-?[\d.]+)", err)]
    total = float(ffprobe(path)["format"]["duration"])
    points = [0.0, *edges, total] if edges and edges[0] > 0 else [*edges[1:], total]
    return [
        (a, b) for a, b in zip(points[::2], points[1::2], strict=False) if b - a > 0.01
    ]


def spoken_lines(cues: list[Cue]) -> list[tuple[float, float]]:
    """(start, end) of each narration line: its subtitles follow one another without a gap."""
    lines: list[list[float]] = []
    for cue in cues:
        if lines and abs(cue.start - lines[-1][1]) < 1e-3:
            lines[-1][1] = cue.end
        else:
            lines.append([cue.start, cue.end])
    return [(a, b) for a, b in lines]


def test_mp4_has_aac_48k_audio(rendered: Path) -> None:
    stream = audio_stream(rendered / "ChainRule.mp4")
    assert stream["codec_name"] == "aac"
    assert stream["sample_rate"] == "48000"


def test_subtitles_start_and_end_with_the_speech(rendered: Path) -> None:
    """Every line's subtitles start and end within a frame of its audio; no speech between lines."""
    lines = spoken_lines(parse_srt((rendered / "ChainRule.srt").read_text()))
    sound = speech(rendered / "ChainRule.mp4")
    assert len(lines) >= 12
    for start, end in lines:
        assert min(abs(a - start) for a, _ in sound) < FRAME, (
            f"no speech starts at {start}"
        )
        assert min(abs(b - end) for _, b in sound) < FRAME, f"no speech ends at {end}"
    for a, b in sound:
        assert any(s - FRAME < a and b < e + FRAME for s, e in lines), (a, b)
    for (_, end), (nxt, _) in itertools.pairwise(lines):
        assert end < nxt  # lines never overlap


def test_no_line_is_cut_by_its_beat(rendered: Path) -> None:
    entries = json.loads(
        (rendered / "sections" / "ChainRule" / "sections.json").read_text()
    )
    bounds, cursor = [], 0.0
    for entry in entries:
        bounds.append((cursor, cursor + float(entry["duration"])))
        cursor += float(entry["duration"])
    for start, end in spoken_lines(parse_srt((rendered / "ChainRule.srt").read_text())):
        assert any(a - 1e-3 <= start and end <= b + 1e-3 for a, b in bounds), (
            start,
            end,
        )


def ebur128(path: Path) -> tuple[float, float]:
    err = subprocess.run(
        ["ffmpeg", "-nostats", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    ).stderr  # fmt: skip
    summary = err[err.rindex("Summary:") :]
    integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))
    peak = float(re.search(r"Peak:\s+(-?[\d.]+) dBFS", summary).group(1))
    return integrated, peak


def test_loudness_is_normalised(rendered: Path) -> None:
    integrated, true_peak = ebur128(rendered / "ChainRule.mp4")
    assert integrated == pytest.approx(-16.0, abs=1.0)
    assert true_peak <= -1.5


def test_a_line_that_opens_the_video_keeps_loudness_and_peak(tmp_path: Path) -> None:
    """The encoder must not overshoot on a line that starts at 0:00: correcting the
    peak by turning the whole track down would leave it under -17 LUFS (QuadraticCost's
    first line did both with AAC at 128k: -0.6 dBTP, then -17.4 LUFS)."""
    from scenes.common.voice import Espeak
    from tools import audio

    line = (
        "Before averaging over a batch, look at the cost of a single instance, on our"
        " clinical-trial data and the first guess, m = 0.9, b = 0.1."
    )
    clip = Espeak().clip(line)
    assert clip.path is not None
    length = clip.duration + 0.5
    master = audio._master(clip.path, length, tmp_path / "line.audio")
    video = tmp_path / "line.mp4"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"color=c=black:s=64x36:d={length}",
         "-c:v", "libx264", str(video)],
        check=True,
    )  # fmt: skip
    audio.mux_peak_safe(video, master, "mp4")
    integrated, true_peak = ebur128(video)
    assert true_peak <= audio.TARGET_TP
    assert integrated == pytest.approx(audio.TARGET_LUFS, abs=1.0)


def test_section_clips_have_their_slice_of_the_audio(rendered: Path) -> None:
    folder = rendered / "sections" / "ChainRule"
    clips = sorted(folder.glob("*.mp4"))
    total = 0.0
    for clip in clips:
        stream = audio_stream(clip)
        assert stream["codec_name"] == "aac"
        assert speech(clip), f"{clip.name} is silent"
        total += float(ffprobe(clip)["format"]["duration"])
    assert total == pytest.approx(
        float(ffprobe(rendered / "ChainRule.mp4")["format"]["duration"]), abs=0.2
    )


def test_transcript_beside_the_video(rendered: Path, chain_beats: list[str]) -> None:
    text = (rendered / "ChainRule.txt").read_text()
    assert text.startswith("2.9 The Chain Rule\n")
    assert "The chain rule differentiates a function" in text
    # title, then a paragraph a beat
    assert len(text.strip().split("\n\n")) == 1 + len(chain_beats)


def test_lesson_carries_audio_across_the_card(rendered: Path, course: object) -> None:
    lesson = rendered / "lessons" / "section-2.mp4"
    assert audio_stream(lesson)["sample_rate"] == "48000"
    sound = speech(lesson)
    first = parse_srt((rendered / "lessons" / "section-2.srt").read_text())[0]
    assert sound[0][0] == pytest.approx(
        first.start, abs=FRAME
    )  # silent card, then the voice
    integrated, true_peak = ebur128(lesson)
    assert integrated == pytest.approx(-16.0, abs=1.0)
    assert true_peak <= -1.5
    transcript = (rendered / "lessons" / "section-2.txt").read_text()
    assert "2.9 The Chain Rule" in transcript
    assert "The chain rule differentiates" in transcript


def _forget_partial_movies(scene: str) -> None:
    """Empty Manim's working folder of ``scene`` at low quality (under its render lock)."""
    from tools.files import locked

    with locked(ROOT / ".build" / "locks" / f"480p15-mp4-{scene}.lock"):
        shutil.rmtree(
            ROOT / ".build" / "media" / "480p15-mp4" / scene, ignore_errors=True
        )


def test_course_renders_several_scenes_per_worker(tmp_path: Path) -> None:
    """With JOBS=1 one worker process renders both scenes (manim imported once),
    and its video is the one `make render` makes, frame for frame (both from scratch)."""
    renders = tmp_path / "renders"
    # Scenes no other test renders: Manim reuses cached partial movies, and a video
    # assembled from cached partials need not match a fresh one bit for bit.
    scenes = ("ConstantMultipleRule", "QuotientRule")  # two short ones (67 s, 79 s)
    _forget_partial_movies("ConstantMultipleRule")
    make("course", renders, SCENES=",".join(scenes), JOBS="1")
    logs = [(ROOT / ".build" / "logs" / f"{s}-480p15.log").read_text() for s in scenes]
    workers = [re.search(r"render worker (\d+): scene (\d+)", log) for log in logs]
    assert all(workers), logs
    assert workers[0].group(1) == workers[1].group(1)  # type: ignore[union-attr]
    assert sorted(w.group(2) for w in workers) == ["1", "2"]  # type: ignore[union-attr]
    reference = tmp_path / "reference"
    _forget_partial_movies("ConstantMultipleRule")
    make("render", reference, SCENE="ConstantMultipleRule", FORCE="1")

    def frames(video: Path) -> list[str]:
        out = subprocess.run(
            ["ffmpeg", "-v", "error", "-i", str(video), "-f", "framemd5", "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return [
            line.split()[-1] for line in out.splitlines() if not line.startswith("#")
        ]

    ours = frames(renders / "480p15" / "ConstantMultipleRule.mp4")
    theirs = frames(reference / "480p15" / "ConstantMultipleRule.mp4")
    assert len(ours) > 100
    assert len(ours) == len(theirs)
    if ours != theirs:
        # Sequential runs match bit for bit; under a loaded parallel test run a few
        # frames have been seen to differ (cause not found). Accept encoder-level
        # noise only: every frame at least 30 dB PSNR (a wrong scene, frame or
        # setting gives 10-20 dB).
        summary = subprocess.run(
            [
                "ffmpeg",
                "-i",
                str(renders / "480p15" / "ConstantMultipleRule.mp4"),
                "-i",
                str(reference / "480p15" / "ConstantMultipleRule.mp4"),
                "-lavfi",
                "psnr",
                "-f",
                "null",
                "-",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stderr.splitlines()[-1]
        worst = re.search(r"min:(\S+)", summary)
        assert worst, summary
        differ = sum(a != b for a, b in zip(ours, theirs, strict=True))
        assert float(worst.group(1)) >= 30.0, f"{differ} frames differ: {summary}"


def test_section_still_without_a_video_renders_only_that_frame(
    rendered: Path, chain_beats: list[str], tmp_path: Path
) -> None:
    """`make still SECTION=...` with no current video stops the render at the end of
    the beat: no video is made, and the PNG is the video's frame at that moment
    (the poster of the beat's clip, up to the video's lossy encoding)."""
    import numpy as np
    from PIL import Image

    beat = chain_beats[2]
    renders = tmp_path / "renders"
    proc = make("still", renders, SCENE="ChainRule", SECTION=beat, VOICE="espeak")
    png = renders / "480p15" / f"ChainRule.{beat}.png"
    assert png.is_file(), proc.stdout[-2000:]
    assert "from the current video" not in proc.stdout
    assert not list((renders / "480p15").glob("*.mp4"))  # only the frame was drawn
    (poster,) = (rendered / "sections" / "ChainRule").glob(f"*_{beat}.png")
    ours = np.asarray(Image.open(png).convert("RGB"), dtype=np.float64)
    theirs = np.asarray(Image.open(poster).convert("RGB"), dtype=np.float64)
    assert ours.shape == theirs.shape
    mse = float(np.mean((ours - theirs) ** 2))
    psnr = 10 * np.log10(255**2 / max(mse, 1e-9))
    assert psnr > 30, psnr  # another beat's frame gives under 20 dB


def test_section_still_of_an_unknown_beat_names_the_beats_and_writes_nothing(
    chain_beats: list[str], tmp_path: Path
) -> None:
    renders = tmp_path / "renders"
    proc = make(
        "still", renders, check=False, SCENE="ChainRule", SECTION="no-such-beat"
    )
    assert proc.returncode == 2, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "has no section 'no-such-beat'" in proc.stderr
    assert all(b in proc.stderr for b in chain_beats), proc.stderr
    assert "Traceback" not in proc.stderr
    assert not renders.exists() or not any(p.is_file() for p in renders.rglob("*"))
