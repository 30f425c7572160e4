"""Provenance: what a render was made from, written beside every output.

A manifest ``<output>.manifest.json`` records the scene, quality, format, the
hash of every input (scene module, shared scene code, mathkit, assets, the
outline, manim.cfg, the tools modules scenes import, and the manim version), the video's
duration, the creation time and the output's own size, mtime and SHA-256.
``make render`` and ``make course`` re-render a scene only when the input hash
changes or the output is no longer the file the manifest describes (deleted,
edited or replaced); a missing, corrupt or truncated manifest means "not current".
This module is the only manifest writer (scenes and lesson videos alike).
"""

from __future__ import annotations

import ast
import functools
import json
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, Final

from scenes import outline
from scenes.common import narration, voice
from tools import files, media
from tools.paths import ROOT

SHARED_INPUTS: Final = (
    "scenes/outline.toml",
    "scenes/common/theme.py",
    "scenes/common/base.py",
    "assets/**/*",
    "manim.cfg",
)
"""Inputs of every scene, besides the project modules it imports."""
PROJECT_PACKAGES: Final = ("scenes", "mathkit", "tools")


def _module_file(name: str) -> Path | None:
    base = ROOT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path) -> set[str]:
    """Project modules imported by the file at ``path`` (absolute imports)."""
    stat = path.stat()
    return set(_parsed_imports(path, stat.st_mtime_ns, stat.st_size))


@functools.cache
def _parsed_imports(path: Path, mtime_ns: int, size: int) -> frozenset[str]:
    """:func:`_imports` of one version of a file, parsed once per process.

    Every scene imports the same shared modules: parsing them again for each of
    the 35 scenes made an unchanged ``make course`` spend 3 s in ``ast``. The
    key holds the file's mtime and size, so an edited file is parsed again.
    """
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return frozenset(n for n in names if n.split(".")[0] in PROJECT_PACKAGES)


def scene_sources(item: outline.Item) -> list[Path]:
    """The scene module and every project module it imports, transitively."""
    seen: set[Path] = set()
    todo = [item.path]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in _imports(path):
            parts = name.split(".")
            # Importing a.b.c runs the __init__ of a and a.b too.
            for depth in range(1, len(parts) + 1):
                found = _module_file(".".join(parts[:depth]))
                if found is not None and found not in seen:
                    todo.append(found)
    return sorted(seen)


RENDER_SETTINGS: Final = "v3"
"""Bump when tools.render changes what a render produces (forces re-renders)."""


def manim_version() -> str:
    """The installed manim version (part of every hash)."""
    try:
        return metadata.version("manim")
    except metadata.PackageNotFoundError:
        return "not-installed"


def _files(item: outline.Item) -> list[Path]:
    found = set(scene_sources(item))
    for pattern in SHARED_INPUTS:
        found.update(
            p
            for p in ROOT.glob(pattern)
            if p.is_file()
            and "__pycache__" not in p.parts
            and narration.narration_dir() not in p.parents
        )
    return sorted(found)


def input_hash(
    item: outline.Item, *, quality: str, fmt: str = "mp4", extra: str = ""
) -> str:
    """SHA-256 over the scene's inputs, the manim version and the render settings."""
    # The voice and this scene's recordings (assets/narration is per scene).
    prefix = (
        f"{manim_version()}|{RENDER_SETTINGS}|{quality}|{fmt}|{extra}"
        f"|{voice.fingerprint(item.scene)}"
    )
    return files.sha256_files(ROOT, _files(item), prefix)


def manifest_path(output: Path) -> Path:
    """Where the manifest of ``output`` lives."""
    return output.with_name(output.name + ".manifest.json")


def _fingerprint(output: Path) -> dict[str, Any]:
    stat = output.stat()
    return {
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "sha256": files.sha256(output),
    }


def write(output: Path, digest: str, fields: dict[str, Any]) -> Path:
    """Write the manifest of ``output`` (atomically): ``fields`` plus what every manifest holds."""
    data: dict[str, Any] = {
        **fields,
        "input_hash": digest,
        "manim_version": manim_version(),
        "duration": media.duration(output),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "output": _fingerprint(output),
    }
    return files.write_text(manifest_path(output), json.dumps(data, indent=2) + "\n")


def write_manifest(
    output: Path,
    item: outline.Item,
    *,
    quality: str,
    fmt: str,
    digest: str,
    files: list[Path],
) -> Path:
    """Write the manifest of a scene render beside ``output`` and return its path."""
    fields = {
        "scene": item.scene,
        "number": item.number,
        "title": item.title,
        "quality": quality,
        "format": fmt,
        "files": [p.name for p in files],
    }
    return write(output, digest, fields)


def read_manifest(output: Path) -> dict[str, Any] | None:
    """The manifest of ``output``, or None if missing, unreadable, corrupt or truncated."""
    try:
        data = json.loads(manifest_path(output).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _unchanged(output: Path, recorded: object) -> bool:
    """Whether ``output`` is still the file the manifest describes."""
    if not isinstance(recorded, dict):
        return False
    try:
        stat = output.stat()
    except OSError:
        return False
    if stat.st_size != recorded.get("size"):
        return False
    if stat.st_mtime_ns == recorded.get("mtime_ns"):
        return True
    return bool(files.sha256(output) == recorded.get("sha256"))


def is_current(output: Path, digest: str) -> bool:
    """Whether ``output`` exists, is the file its manifest describes, and was made from these inputs."""
    manifest = read_manifest(output)
    return (
        manifest is not None
        and manifest.get("input_hash") == digest
        and output.is_file()
        and _unchanged(output, manifest.get("output"))
    )
