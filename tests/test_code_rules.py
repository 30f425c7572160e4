"""Project rules that code review would otherwise have to catch."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scenes import outline

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    "path", sorted((ROOT / "mathkit").glob("*.py")), ids=lambda p: p.name
)
def test_mathkit_is_render_free(path: Path) -> None:
    assert "manim" not in _imports(path)


def test_ruff_is_clean() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "mathkit", "scenes", "tools", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-4000:]


HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")


@pytest.mark.parametrize("item", outline.present(), ids=lambda i: i.scene)
def test_scene_colours_come_from_the_theme(item: outline.Item) -> None:
    assert not HEX.findall(item.path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("item", outline.present(), ids=lambda i: i.scene)
def test_scene_uses_the_lecture_base_and_names_its_item(item: outline.Item) -> None:
    from scenes.common.base import LectureMixin

    cls = item.load()
    assert issubclass(cls, LectureMixin)
    tree = ast.parse(item.path.read_text(encoding="utf-8"))
    docstring = ast.get_docstring(tree) or ""
    assert docstring.startswith(item.number), "module docstring names the syllabus item"
