"""The shipped variants render as a user renders them: `make render VARIANT=...`, `make slides VARIANT=...`.

Issue 14's done-when: a fresh clone renders the three shipped examples (a cubic in
DeltaMethod, a sine integral in NumericIntegration, a 500-row CSV in RocCurve).
Each goes through the Makefile into a private renders folder at low quality with
the silent voice; the output carries the variant's name, its manifest records the
parameters, and the video is a real video (ffprobe). DeltaMethod's variant is
rendered once for two tests (``cubic``): ``make slides VARIANT=...`` builds its
deck (named after the variant, one slide per beat of its render) and
``make course VARIANT=...`` its lesson, each in a copy of that renders folder.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from test_variant_cli import ROOT, make

from tools import media

pytestmark = pytest.mark.render

SHIPPED = ROOT / "assets" / "variants"


def _variant(name: str) -> tuple[Path, dict]:
    path = SHIPPED / name
    return path, tomllib.loads(path.read_text(encoding="utf-8"))


def _check_output(renders: Path, spec: dict) -> Path:
    video = renders / "480p15" / f"{spec['scene']}--{spec['name']}.mp4"
    assert video.is_file(), sorted(p.name for p in (renders / "480p15").iterdir())
    assert (media.duration(video) or 0) > 10  # ffprobe
    manifest = json.loads(
        video.with_name(video.name + ".manifest.json").read_text(encoding="utf-8")
    )
    assert manifest["variant"]["name"] == spec["name"]
    given = manifest["variant"]["given"]
    for key, value in spec["params"].items():
        assert given[key] == value, key
    # the course example's own video is not touched by a variant
    assert not (renders / "480p15" / f"{spec['scene']}.mp4").exists()
    return video


@pytest.mark.parametrize("name", ["integral-sine.toml", "roc-500.toml"])
def test_make_render_of_a_shipped_variant(tmp_path: Path, name: str) -> None:
    path, spec = _variant(name)
    renders = tmp_path / "renders"
    proc = make(
        "render", f"VARIANT={path}", "QUALITY=low", "VOICE=none", renders=renders
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    _check_output(renders, spec)


@pytest.fixture
def cubic(
    once: Callable[[str, Callable[[Path], object]], tuple[Path, object]],
    tmp_path: Path,
) -> Path:
    """A renders folder holding ``make render`` of the cubic DeltaMethod variant
    (rendered once for the run; each test gets its own copy)."""
    path, _ = _variant("delta-cubic.toml")

    def build(renders: Path) -> int:
        proc = make(
            "render", f"VARIANT={path}", "QUALITY=low", "VOICE=none", renders=renders
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
        return proc.returncode

    shared, _ = once("delta-cubic-render", build)
    renders = tmp_path / "renders"
    shutil.copytree(shared, renders)
    return renders


def test_make_slides_of_a_shipped_variant(cubic: Path) -> None:
    path, spec = _variant("delta-cubic.toml")
    renders = cubic
    proc = make(
        "slides", f"VARIANT={path}", "QUALITY=low", "VOICE=none", renders=renders
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "video is current" in proc.stdout  # the deck is cut from the current render
    _check_output(renders, spec)
    stem = f"{spec['scene']}--{spec['name']}"
    deck = renders / "480p15" / "slides" / stem
    assert (deck / "index.html").is_file()
    assert (renders / "480p15" / "slides" / f"{stem}.pptx").is_file()
    beats = json.loads(
        (renders / "480p15" / "sections" / stem / "sections.json").read_text(
            encoding="utf-8"
        )
    )
    html = (deck / "index.html").read_text(encoding="utf-8")
    assert html.count("<section") >= len(beats) >= 3
    for beat in beats:
        assert f'id="{stem}-{beat["name"]}"' in html, beat["name"]


def test_make_course_of_a_shipped_variant_builds_its_lesson(cubic: Path) -> None:
    """The variant's lesson: its title card and the variant's video, with chapters
    and the variant's subtitles; the course's own lessons are not built."""
    path, spec = _variant("delta-cubic.toml")
    renders = cubic
    stem = f"{spec['scene']}--{spec['name']}"
    video = renders / "480p15" / f"{stem}.mp4"
    proc = make(
        "course",
        f"VARIANT={path}",
        "SCENES=DeltaMethod",  # no other scene of its section: the lesson is the variant
        "QUALITY=low",
        "VOICE=none",
        renders=renders,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "up to date" in proc.stdout  # the variant's render is reused
    lessons = renders / "480p15" / "lessons"
    lesson = lessons / f"section-2--{spec['name']}.mp4"
    assert sorted(p.name for p in lessons.glob("*.mp4")) == [lesson.name]
    card_and_video = media.duration(lesson) or 0
    assert card_and_video > (media.duration(video) or 0) > 10  # ffprobe
    chapters = json.loads(
        lesson.with_name(lesson.name + ".manifest.json").read_text(encoding="utf-8")
    )["chapters"]
    assert chapters[0]["start"] == 0
    assert chapters[-1]["end"] == pytest.approx(card_and_video, abs=0.5)
    srt = lesson.with_suffix(".srt").read_text(encoding="utf-8")
    assert srt.count(" --> ") == video.with_suffix(".srt").read_text(
        encoding="utf-8"
    ).count(" --> ")


def test_slides_refuse_a_variant_with_a_lesson_and_write_nothing(
    tmp_path: Path,
) -> None:
    path, _ = _variant("delta-cubic.toml")
    renders = tmp_path / "renders"
    proc = make("slides", f"VARIANT={path}", "LESSON=2", renders=renders)
    assert proc.returncode == 2, proc.stderr
    assert "a lesson deck builds the course example" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not renders.exists()


def test_slides_refuse_a_hostile_variant_and_write_nothing(
    write_variant, tmp_path: Path
) -> None:
    variant = write_variant("DeltaMethod", 'f = "9^9^9^9"', name="hostile")
    renders = tmp_path / "renders"
    proc = make("slides", f"VARIANT={variant}", "QUALITY=low", renders=renders)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("error: "), proc.stderr
    assert "parameter 'f'" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not renders.exists() or not any(p.is_file() for p in renders.rglob("*"))
