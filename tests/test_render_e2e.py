"""End to end: `make render SCENE=ChainRule QUALITY=low` as a user runs it.

Renders through the Makefile into a temporary RENDERS_DIR and checks the MP4
with ffprobe (duration, resolution, frame rate) and the subtitles beside it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from scenes import outline
from tools import quality
from tools.subtitles import parse_srt

ROOT = Path(__file__).resolve().parent.parent
# The render and the course build run once per test run (the `once` fixture), whichever
# xdist worker asks first; renders in other workers run alongside them (a per-scene
# lock in tools.render, a per-formula lock in the shared TeX cache, tools.texcache).
pytestmark = pytest.mark.render


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


def make(target: str, renders: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a make target as a user would, writing into ``renders``; it must succeed."""
    proc = subprocess.run(
        ["make", "--no-print-directory", target],
        cwd=ROOT,
        env={**os.environ, "RENDERS_DIR": str(renders), "QUALITY": "low", **env},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc


Once = Callable[[str, Callable[[Path], object]], tuple[Path, object]]


@pytest.fixture(scope="module")
def rendered(once: Once) -> Path:
    out, _ = once(
        "e2e-render", lambda out: make("render", out, SCENE="ChainRule").returncode
    )
    return out / "480p15"


def test_video_metadata(rendered: Path) -> None:
    meta = ffprobe(rendered / "ChainRule.mp4")
    video = next(s for s in meta["streams"] if s["codec_type"] == "video")
    assert (video["width"], video["height"]) == (854, 480)
    assert video["avg_frame_rate"] == "15/1"
    expected = quality.inspect_scene(outline.by_scene("ChainRule")).duration
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


def test_section_clips_have_posters(rendered: Path) -> None:
    folder = rendered / "sections" / "ChainRule"
    clips = sorted(folder.glob("*.mp4"))
    assert len(clips) == 7
    for clip in clips:
        assert clip.with_suffix(".png").stat().st_size > 1000


def test_manifest_proves_the_output_is_current(rendered: Path) -> None:
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
        proc = make("course", rendered.parent, SCENES="ChainRule")
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
    assert [c["tags"]["title"] for c in chapters] == ["2.9 The Chain Rule"]
    scene = float(ffprobe(rendered / "ChainRule.mp4")["format"]["duration"])
    total = float(ffprobe(lesson)["format"]["duration"])
    card = total - scene
    assert 2.0 < card < 6.0  # the title card comes first
    assert float(chapters[0]["end_time"]) == pytest.approx(total, abs=0.1)
    original = parse_srt((rendered / "ChainRule.srt").read_text())
    merged = parse_srt((rendered / "lessons" / "section-2.srt").read_text())
    assert len(merged) == len(original)
    assert merged[0].start == pytest.approx(original[0].start + card, abs=0.05)
    assert (
        rendered / "lessons" / "section-2.chapters.txt"
    ).read_text() == "00:00 2.9 The Chain Rule\n"
    assert (
        (rendered / "lessons" / "section-2.chapters.vtt")
        .read_text()
        .startswith("WEBVTT")
    )


def test_index_lists_scenes_and_clips(rendered: Path, course: object) -> None:
    index = json.loads((rendered / "index.json").read_text())
    assert len(index["scenes"]) == 35
    chain = next(s for s in index["scenes"] if s["scene"] == "ChainRule")
    assert chain["video"] == "ChainRule.mp4"
    assert len(chain["clips"]) == 7
    for clip in chain["clips"]:
        assert (rendered / clip["video"]).is_file()
        assert (rendered / clip["poster"]).is_file()
    html = (rendered / "index.html").read_text()
    assert "ChainRule.mp4" in html
    assert "<track" in html
    from scenes.common.theme import PALETTE

    assert f"background:{PALETTE.background}" in html  # colours from the theme


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
    scenes = ("PowerRule", "ConstantMultipleRule")
    _forget_partial_movies("PowerRule")
    make("course", renders, SCENES=",".join(scenes), JOBS="1")
    logs = [(ROOT / ".build" / "logs" / f"{s}-480p15.log").read_text() for s in scenes]
    workers = [re.search(r"render worker (\d+): scene (\d+)", log) for log in logs]
    assert all(workers), logs
    assert workers[0].group(1) == workers[1].group(1)  # type: ignore[union-attr]
    assert sorted(w.group(2) for w in workers) == ["1", "2"]  # type: ignore[union-attr]
    reference = tmp_path / "reference"
    _forget_partial_movies("PowerRule")
    make("render", reference, SCENE="PowerRule", FORCE="1")

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

    ours = frames(renders / "480p15" / "PowerRule.mp4")
    theirs = frames(reference / "480p15" / "PowerRule.mp4")
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
                str(renders / "480p15" / "PowerRule.mp4"),
                "-i",
                str(reference / "480p15" / "PowerRule.mp4"),
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
