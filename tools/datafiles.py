"""Checking the course's data files before a render: the outline, the timeline, the resources.

``scenes/outline.toml``, ``assets/data/timeline.toml`` and
``assets/data/resources.toml`` are edited by hand. Their loaders (scenes.outline,
mathkit.history, mathkit.resources) name the file, the entry and the field of a
problem; this module adds the line, so a creator gets
``error: assets/data/timeline.toml, line 42, field 'year': ...`` from
``make render``/``make course`` (exit 2) instead of a traceback from inside Manim.
``python -m tools.datafiles [--outline P] [--timeline P] [--resources P]`` checks copies.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Final

from scenes import outline
from tools.cli import UsageError, command
from tools.paths import ROOT, show

TIMELINE: Final = ROOT / "assets" / "data" / "timeline.toml"
RESOURCES: Final = ROOT / "assets" / "data" / "resources.toml"

_TOML_LINE = re.compile(r"at line (\d+)")
_ENTRY = re.compile(r"\b(section|item|era|event|resource|next) #?(\d+)\b")
_FIELD = re.compile(r"field(?:\(s\))? \[?'?([A-Za-z_]+)")
_DUPLICATE = re.compile(r"duplicate (?:\w+ )*?(?:id|entry) '([^']+)'")


class DataFileError(UsageError):
    """A data file is malformed; the message names the file, the line and the field."""


def _header_lines(lines: list[str], key: str) -> list[int]:
    pattern = re.compile(rf"^\s*\[\[\s*{re.escape(key)}\s*\]\]")
    return [n for n, line in enumerate(lines, 1) if pattern.match(line)]


def locate(text: str, message: str) -> tuple[int | None, str | None]:
    """The line (1-based) and field a loader's ``message`` is about, as far as it says."""
    lines = text.splitlines()
    field_match = _FIELD.search(message)
    field = field_match.group(1) if field_match else None
    if m := _TOML_LINE.search(message):
        return int(m.group(1)), field
    if m := _DUPLICATE.search(message):
        value = m.group(1)
        hits = [n for n, line in enumerate(lines, 1) if f'"{value}"' in line]
        return (hits[1] if len(hits) > 1 else hits[0] if hits else None), field
    m = _ENTRY.search(message)
    if not m:
        return None, field
    headers = _header_lines(lines, m.group(1))
    index = int(m.group(2)) - 1
    if not 0 <= index < len(headers):
        return None, field
    start = headers[index]
    if field:
        for n in range(start, len(lines) + 1):
            line = lines[n - 1]
            if n > start and line.lstrip().startswith("["):
                break
            if re.match(rf"^\s*{re.escape(field)}\s*=", line):
                return n, field
    return start, field


def _error(path: Path, message: str) -> DataFileError:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return DataFileError(message)
    detail = (
        message.replace(f" {path}:", ":")
        .replace(f"{path}: ", "")
        .replace(f" {path}", "")
    )
    line, field = locate(text, detail)
    where = show(path)
    if line is not None:
        where += f", line {line}"
    if field is not None:
        where += f", field {field!r}"
    return DataFileError(f"{where}: {detail}")


def check(
    outline_file: Path = outline.OUTLINE_FILE,
    timeline: Path = TIMELINE,
    resources: Path = RESOURCES,
) -> None:
    """Load every data file; raise :class:`DataFileError` for the first problem."""
    from mathkit.history import load_timeline
    from mathkit.resources import load_resources

    try:
        outline.load(outline_file)
    except outline.OutlineError as exc:
        raise _error(outline_file, str(exc)) from None
    for path, loader in ((timeline, load_timeline), (resources, load_resources)):
        try:
            loader(path)
        except ValueError as exc:
            raise _error(path, str(exc)) from None


@command(interrupted="check stopped")
def main(argv: list[str] | None = None) -> int:
    """Check the data files (or copies of them); exit 2 naming file, line and field."""
    p = argparse.ArgumentParser(prog="python -m tools.datafiles")
    p.add_argument("--outline", type=Path, default=outline.OUTLINE_FILE)
    p.add_argument("--timeline", type=Path, default=TIMELINE)
    p.add_argument("--resources", type=Path, default=RESOURCES)
    args = p.parse_args(argv)
    check(args.outline, args.timeline, args.resources)
    print("data files ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
