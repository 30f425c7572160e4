"""Provenance: what a render was made from, written beside every output.

A manifest ``<output>.manifest.json`` records the scene, quality, format, the
hash of every input (scene module, shared scene code, mathkit, assets, the
outline, manim.cfg, the render tool and the manim version), the video's
duration and the creation time. ``make course`` re-renders a scene only when
this hash changes, and the manifest proves an output is current.
"""

from __future__ import annotations

import ast
import hashlib
import json
import subprocess
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, Final

from scenes import outline
from scenes.common import narration, voice

ROOT: Final = Path(__file__).resolve().parent.parent
SHARED_INPUTS: Final = (
    "scenes/outline.toml",
    "scenes/common/theme.py",
    "scenes/common/base.py",
    "assets/**/*",
    "manim.cfg",
)
"""Inputs of every scene, besides the project modules it imports."""
PROJECT_PACKAGES: Final = ("scenes", "mathkit")


def _module_file(name: str) -> Path | None:
    base = ROOT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path) -> set[str]:
    """Project modules imported by the file at ``path`` (absolute imports)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {n for n in names if n.split(".")[0] in PROJECT_PACKAGES}


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


RENDER_SETTINGS: Final = "v2"
"""Bump when tools.render changes what a render produces (forces re-renders)."""


def manim_version() -> str:
    """The installed manim version (part of every hash)."""
    try:
        return metadata.version("manim")
    except metadata.PackageNotFoundError:
        return "not-installed"


def _files(item: outline.Item) -> list[Path]:
    files = set(scene_sources(item))
    for pattern in SHARED_INPUTS:
        files.update(
            p
            for p in ROOT.glob(pattern)
            if p.is_file()
            and "__pycache__" not in p.parts
            and narration.narration_dir() not in p.parents
        )
    return sorted(files)


def input_hash(
    item: outline.Item, *, quality: str, fmt: str = "mp4", extra: str = ""
) -> str:
    """SHA-256 over the scene's inputs, the manim version and the render settings."""
    h = hashlib.sha256()
    h.update(f"{manim_version()}|{RENDER_SETTINGS}|{quality}|{fmt}|{extra}".encode())
    # The voice and this scene's recordings (assets/narration is per scene).
    h.update(voice.fingerprint(item.scene).encode())
    for path in _files(item):
        h.update(str(path.relative_to(ROOT)).encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def manifest_path(output: Path) -> Path:
    """Where the manifest of ``output`` lives."""
    return output.with_name(output.name + ".manifest.json")


def probe_duration(path: Path) -> float | None:
    """Duration of a media file in seconds (ffprobe), or None for a still."""
    if path.suffix == ".png":
        return None
    out = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "format=duration",
            "-of",
            "csv=p=0",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return round(float(out.stdout.strip()), 3)
    except ValueError:
        return None


def write_manifest(
    output: Path,
    item: outline.Item,
    *,
    quality: str,
    fmt: str,
    digest: str,
    files: list[Path],
) -> Path:
    """Write the manifest beside ``output`` (atomically) and return its path."""
    data: dict[str, Any] = {
        "scene": item.scene,
        "number": item.number,
        "title": item.title,
        "quality": quality,
        "format": fmt,
        "input_hash": digest,
        "manim_version": manim_version(),
        "duration": probe_duration(output),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "files": [p.name for p in files],
    }
    dest = manifest_path(output)
    tmp = dest.with_name(f".{dest.name}.part")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    tmp.replace(dest)
    return dest


def read_manifest(output: Path) -> dict[str, Any] | None:
    """The manifest of ``output``, or None if missing or unreadable."""
    try:
        data: dict[str, Any] = json.loads(
            manifest_path(output).read_text(encoding="utf-8")
        )
    except (OSError, json.JSONDecodeError):
        return None
    return data


def is_current(output: Path, digest: str) -> bool:
    """Whether ``output`` exists and was made from exactly these inputs."""
    manifest = read_manifest(output)
    return (
        output.is_file()
        and manifest is not None
        and manifest.get("input_hash") == digest
    )
