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


def _literal_spacing(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, source) of every ``buff`` keyword whose value adds a number of its own.

    Spacing is a theme token (``SPACE.small``, ``EDGE_BUFF``); zero (touching) and
    multiples of a token (``SPACE.section * 2``) are not literal spacing.
    """

    def numbers(node: ast.AST) -> list[ast.Constant]:
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult | ast.Div):
            return []  # a multiple of a token
        if isinstance(node, ast.Subscript):
            return numbers(node.value)
        if isinstance(node, ast.Constant):
            value = node.value
            spacing = isinstance(value, int | float) and not isinstance(value, bool)
            return [node] if spacing and value != 0 else []
        return [c for child in ast.iter_child_nodes(node) for c in numbers(child)]

    return [
        (node.value.lineno, ast.unparse(node.value))
        for node in ast.walk(tree)
        if isinstance(node, ast.keyword)
        and node.arg is not None
        and "buff" in node.arg
        and numbers(node.value)
    ]


@pytest.mark.parametrize(
    "path", sorted((ROOT / "scenes").rglob("*.py")), ids=lambda p: p.name
)
def test_spacing_comes_from_the_theme_tokens(path: Path) -> None:
    assert _literal_spacing(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_the_spacing_rule_finds_literal_buffs() -> None:
    source = (
        "a.next_to(b, buff=0.3)\n"
        "a.to_edge(LEFT, buff=EDGE_BUFF + 0.4)\n"
        "g.arrange_in_grid(buff=(0.3, SPACE.small))\n"
        "a.next_to(b, buff=SPACE.small)\n"
        "a.next_to(b, buff=0)\n"
        "a.next_to(b, buff=SPACE.section * 2)\n"
    )
    assert [line for line, _ in _literal_spacing(ast.parse(source))] == [1, 2, 3]
