"""The course outline: the 35 syllabus items, read from ``scenes/outline.toml``.

This module imports no manim, so ``make list`` and input validation stay fast.
"""

from __future__ import annotations

import importlib
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

OUTLINE_FILE = Path(__file__).with_name("outline.toml")
SCENES_DIR = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class Section:
    """One course section (N in N.M)."""

    number: int
    title: str
    part: str


@dataclass(frozen=True, slots=True)
class Item:
    """One syllabus item: one scene class in one module."""

    number: str
    title: str
    scene: str
    module: str

    @property
    def section(self) -> int:
        """Section number N of item N.M."""
        return int(self.number.split(".")[0])

    @property
    def path(self) -> Path:
        """Path of the scene module's file."""
        return SCENES_DIR / f"{self.module}.py"

    @property
    def exists(self) -> bool:
        """Whether the module file has been written yet."""
        return self.path.is_file()

    def load(self) -> type:
        """Import the module and return the scene class."""
        mod = importlib.import_module(f"scenes.{self.module}")
        return getattr(mod, self.scene)


class OutlineError(ValueError):
    """The outline file is malformed."""


@cache
def load(path: Path = OUTLINE_FILE) -> tuple[tuple[Section, ...], tuple[Item, ...]]:
    """Parse and validate the outline file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise OutlineError(f"cannot read course outline {path}: {exc}") from exc
    try:
        sections = tuple(
            Section(int(s["number"]), str(s["title"]), str(s["part"]))
            for s in data["section"]
        )
        items = tuple(
            Item(str(i["number"]), str(i["title"]), str(i["scene"]), str(i["module"]))
            for i in data["item"]
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise OutlineError(f"course outline {path} is malformed: {exc!r}") from exc
    seen: set[str] = set()
    for item in items:
        for key in (item.number, item.scene, item.module):
            if key in seen:
                raise OutlineError(f"course outline {path}: duplicate entry {key!r}")
            seen.add(key)
        if item.section not in {s.number for s in sections}:
            raise OutlineError(f"item {item.number} names an unknown section")
    return sections, items


def sections() -> tuple[Section, ...]:
    """All sections in order."""
    return load()[0]


def items() -> tuple[Item, ...]:
    """All syllabus items in order."""
    return load()[1]


def present() -> tuple[Item, ...]:
    """Items whose scene module has been written."""
    return tuple(i for i in items() if i.exists)


def by_scene(name: str) -> Item | None:
    """The item whose scene class is ``name``, or None."""
    return next((i for i in items() if i.scene == name), None)
