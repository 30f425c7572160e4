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
OPTIONAL_ITEM_FIELDS = ("subtitle", "short_title")
"""Item fields the outline may leave out."""


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
    subtitle: str | None = None
    """The line under the title on screen (optional; may name ``{fields}`` the scene fills in)."""
    short_title: str | None = None
    """The title as the scene shows it, where the syllabus title is too long for the frame."""

    @property
    def screen_title(self) -> str:
        """The title the scene writes: ``short_title`` if given, else ``title``."""
        return self.short_title or self.title

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
        cls: type = getattr(mod, self.scene)
        return cls


class OutlineError(ValueError):
    """The outline file is malformed."""


@cache
def load(path: Path = OUTLINE_FILE) -> tuple[tuple[Section, ...], tuple[Item, ...]]:
    """Parse and validate the outline file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise OutlineError(f"cannot read course outline {path}: {exc}") from exc

    def table(key: str, i: int, raw: object, fields: tuple[str, ...]) -> list[str]:
        if not isinstance(raw, dict):
            raise OutlineError(
                f"course outline {path} is malformed: {key} {i}: not a table"
            )
        missing = [f for f in fields if f not in raw]
        if missing:
            raise OutlineError(
                f"course outline {path} is malformed: {key} {i}: missing field {missing[0]!r}"
            )
        return [str(raw[f]) for f in fields]

    try:
        raw_sections = [
            table("section", n, s, ("number", "title", "part"))
            for n, s in enumerate(data["section"], 1)
        ]
        raw_items = [
            table("item", n, i, ("number", "title", "scene", "module"))
            for n, i in enumerate(data["item"], 1)
        ]
    except (KeyError, TypeError) as exc:
        raise OutlineError(f"course outline {path} is malformed: {exc!r}") from exc
    sections = []
    for n, (number, title, part) in enumerate(raw_sections, 1):
        try:
            sections.append(Section(int(number), title, part))
        except ValueError:
            raise OutlineError(
                f"course outline {path} is malformed: section {n}: field 'number'"
                f" must be a whole number, got {number!r}"
            ) from None
    optional: list[dict[str, str | None]] = []
    for n, raw in enumerate(data["item"], 1):
        extra: dict[str, str | None] = {}
        for key in OPTIONAL_ITEM_FIELDS:
            value = raw.get(key)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise OutlineError(
                    f"course outline {path} is malformed: item {n}: field {key!r}"
                    " must be a non-empty string"
                )
            extra[key] = value
        optional.append(extra)
    items = tuple(
        Item(number, title, scene, module, extra["subtitle"], extra["short_title"])
        for (number, title, scene, module), extra in zip(
            raw_items, optional, strict=True
        )
    )
    seen: set[str] = set()
    for item in items:
        for key in (item.number, item.scene, item.module):
            if key in seen:
                raise OutlineError(f"course outline {path}: duplicate entry {key!r}")
            seen.add(key)
        if item.section not in {s.number for s in sections}:
            raise OutlineError(f"item {item.number} names an unknown section")
    return tuple(sections), items


def sections() -> tuple[Section, ...]:
    """All sections in order."""
    return load()[0]


def items() -> tuple[Item, ...]:
    """All syllabus items in order."""
    return load()[1]


def present() -> tuple[Item, ...]:
    """Items whose scene module has been written."""
    return tuple(i for i in items() if i.exists)


def in_section(number: int) -> tuple[Item, ...]:
    """The written items of section ``number``, in order."""
    return tuple(i for i in present() if i.section == number)


def by_scene(name: str) -> Item | None:
    """The item whose scene class is ``name``, or None."""
    return next((i for i in items() if i.scene == name), None)


def item_for(scene: str | type) -> Item:
    """The item of scene ``scene``: a class name, or a class whose bases are tried too
    (the pixel tests run a subclass of the scene); ValueError if there is none."""
    names = [scene] if isinstance(scene, str) else [c.__name__ for c in scene.__mro__]
    item = next((i for i in map(by_scene, names) if i is not None), None)
    if item is None:
        raise ValueError(f"no outline item has scene = {names[0]!r}")
    return item
