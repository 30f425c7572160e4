"""`make render` / `make still` / `make list` as a user runs them: bad input and the outline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scenes import outline
from tools import render

ROOT = Path(__file__).resolve().parent.parent


def make(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run make in the repo with a clean SCENE/QUALITY environment."""
    base = {
        k: v for k, v in os.environ.items() if k not in {"SCENE", "QUALITY", "FORMAT"}
    }
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_unknown_scene_names_close_matches() -> None:
    proc = make("render", "SCENE=ChainRul")
    assert proc.returncode != 0
    assert "unknown scene 'ChainRul'" in proc.stderr
    assert "Did you mean: ChainRule" in proc.stderr
    assert "make list" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_missing_scene_lists_choices() -> None:
    proc = make("render")
    assert proc.returncode != 0
    assert "no scene given" in proc.stderr
    assert "ChainRule" in proc.stderr


def test_bad_quality_lists_choices() -> None:
    proc = make("render", "SCENE=ChainRule", "QUALITY=ultra")
    assert proc.returncode != 0
    assert "unknown quality 'ultra'" in proc.stderr
    for q in ("low", "medium", "high", "production", "4k"):
        assert q in proc.stderr
    assert "Traceback" not in proc.stderr


def test_shell_metacharacters_are_just_a_bad_name(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    proc = make("render", f"SCENE=x; touch {marker}", "QUALITY=$(touch {marker})")
    assert proc.returncode != 0
    assert "unknown scene" in proc.stderr
    assert not marker.exists()


def test_bad_clip_format_and_transparency() -> None:
    proc = make("clip", "SCENE=ChainRule", "FORMAT=avi")
    assert proc.returncode != 0
    assert "unknown format 'avi'" in proc.stderr
    proc = make("clip", "SCENE=ChainRule", "FORMAT=mp4", "TRANSPARENT=1")
    assert proc.returncode != 0
    assert "transparent output needs webm, mov" in proc.stderr


def test_unwritten_scene_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    ghost = outline.Item("9.9", "Ghost", "GhostScene", "s9_9_ghost")
    monkeypatch.setattr(outline, "by_scene", lambda name: ghost)
    with pytest.raises(render.UsageError, match="not written yet"):
        render.resolve_scene("GhostScene")


def test_quality_presets_map_to_manim_flags() -> None:
    assert {q.name: (q.flag, q.folder) for q in render.QUALITIES.values()} == {
        "low": ("l", "480p15"),
        "medium": ("m", "720p30"),
        "high": ("h", "1080p60"),
        "production": ("p", "1440p60"),
        "4k": ("k", "2160p60"),
    }
    assert render.resolve_quality(None).name == "high"
    assert render.resolve_quality(" LOW ").name == "low"


def test_command_is_a_list_with_validated_values() -> None:
    job = render.Job(render.resolve_scene("ChainRule"), render.resolve_quality("low"))
    cmd = job.command()
    assert cmd[:4] == [sys.executable, "-m", "tools.texcache", "render"]
    assert "-ql" in cmd
    assert cmd[-1] == "ChainRule"
    assert cmd[-2] == "scenes/s2_9_chain_rule.py"


def test_make_list_prints_every_item_in_order() -> None:
    proc = make("list")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    items = outline.items()
    assert len(lines) == len(items) == 35
    for line, item in zip(lines, items, strict=True):
        number, scene, title = line.split("\t")[:3]
        assert (number, scene, title) == (item.number, item.scene, item.title)
        assert line.endswith("[no scene yet]") != item.exists


SYLLABUS = ROOT / "tests" / "data" / "syllabus.md"
"""The syllabus table, kept in the repo (copied from the course spec)."""


def _syllabus_rows(path: Path) -> list[tuple[str, str, str]]:
    rows = [
        [c.strip().strip("`") for c in line.strip("|").split("|")]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("| ") and line[2].isdigit()
    ]
    return [(r[0], r[1], r[2]) for r in rows]


def test_outline_matches_the_syllabus() -> None:
    rows = _syllabus_rows(SYLLABUS)
    assert len(rows) == 35
    assert rows == [(i.number, i.title, i.scene) for i in outline.items()]


def test_syllabus_copy_matches_the_course_spec() -> None:
    spec = ROOT.parent / "shared" / "course" / "syllabus.md"
    if not spec.is_file():
        pytest.skip(
            f"{spec} is not beside this clone (the in-repo copy is checked above)"
        )
    assert _syllabus_rows(SYLLABUS) == _syllabus_rows(spec)


def test_malformed_outline_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "outline.toml"
    bad.write_text('[[item]]\nnumber = "1.1"\n')
    with pytest.raises(outline.OutlineError, match="malformed"):
        outline.load(bad)
    bad.write_text("[[item]\n")
    with pytest.raises(outline.OutlineError, match="cannot read"):
        outline.load(bad)
