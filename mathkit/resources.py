"""The resources-for-further-study list and the series' next subjects, from a TOML file.

The data lives in ``assets/data/resources.toml`` (content spec 6g) so the course
creator can edit it without touching code; :func:`load_resources` validates every
entry and names the file and entry in its error messages.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

DEFAULT_PATH: Final = (
    Path(__file__).resolve().parents[1] / "assets" / "data" / "resources.toml"
)
KINDS: Final = ("book", "video", "course")

_RESOURCE_REQUIRED: Final = ("kind", "title", "by", "where")
_RESOURCE_OPTIONAL: Final = ("year", "note")
_NEXT_REQUIRED: Final = ("title",)
_NEXT_OPTIONAL: Final = ("note",)


@dataclass(frozen=True, slots=True)
class Resource:
    """One book, video series or course to study next."""

    kind: str
    title: str
    by: str
    where: str
    year: int | None = None
    note: str | None = None

    @property
    def citation(self) -> str:
        """'by, title (year)': the short form a closing card shows."""
        year = f" ({self.year})" if self.year is not None else ""
        return f"{self.by}, {self.title}{year}"


@dataclass(frozen=True, slots=True)
class NextSubject:
    """A subject that follows this course in the series."""

    title: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything the closing card shows."""

    resources: tuple[Resource, ...]
    next_subjects: tuple[NextSubject, ...]


def load_resources(path: str | Path = DEFAULT_PATH) -> Resources:
    """Read and validate the resources TOML file.

    The file holds ``[[resource]]`` tables (kind, title, by, where; optional year,
    note) and ``[[next]]`` tables (title; optional note); both lists must be
    non-empty. TOML v1.0.0 (https://toml.io) read by :mod:`tomllib`.

    Raises
    ------
    ValueError
        If the file is missing or not valid TOML, a list is missing or empty, or
        an entry has a missing, unknown, empty or wrongly typed field (the
        message names the file and the entry).
    """
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{p}: resources file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{p}: not valid TOML: {exc}") from None
    unknown = set(data) - {"resource", "next"}
    if unknown:
        raise ValueError(f"{p}: unknown top-level keys {sorted(unknown)}")
    resources = tuple(
        Resource(
            **_entry(p, "resource", i, raw, _RESOURCE_REQUIRED, _RESOURCE_OPTIONAL)
        )
        for i, raw in enumerate(_table_list(p, data, "resource"))
    )
    for i, r in enumerate(resources):
        if r.kind not in KINDS:
            raise ValueError(
                f"{p}: resource #{i + 1} ({r.title!r}): kind {r.kind!r} is not one of {KINDS}"
            )
        if r.year is not None and not 1600 <= r.year <= 2100:
            raise ValueError(
                f"{p}: resource #{i + 1} ({r.title!r}): implausible year {r.year}"
            )
    subjects = tuple(
        NextSubject(**_entry(p, "next", i, raw, _NEXT_REQUIRED, _NEXT_OPTIONAL))
        for i, raw in enumerate(_table_list(p, data, "next"))
    )
    return Resources(resources, subjects)


def _table_list(p: Path, data: dict[str, Any], key: str) -> list[Any]:
    tables = data.get(key)
    if not isinstance(tables, list) or not tables:
        raise ValueError(f"{p}: needs at least one [[{key}]] table")
    return tables


def _entry(
    p: Path,
    key: str,
    index: int,
    raw: Any,
    required: tuple[str, ...],
    optional: tuple[str, ...],
) -> dict[str, Any]:
    where = f"{p}: {key} #{index + 1}"
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: is not a table")
    if isinstance(raw.get("title"), str):
        where += f" ({raw['title']!r})"
    missing = [f for f in required if f not in raw]
    if missing:
        raise ValueError(f"{where}: missing field(s) {missing}")
    unknown = sorted(set(raw) - set(required) - set(optional))
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {unknown}")
    for field, value in raw.items():
        if field == "year":
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(
                    f"{where}: field 'year' must be an integer, got {value!r}"
                )
        elif not isinstance(value, str) or not value.strip():
            raise ValueError(f"{where}: field {field!r} must be a non-empty string")
    return dict(raw)
