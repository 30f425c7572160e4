"""The course index: ``renders/<res>/index.json`` (and the page tools.index_page draws from it).

Lists every scene in the outline with its video, subtitles, poster, duration
and per-beat clips, and every lesson with its chapters, as paths relative to
``renders/<res>/``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scenes import outline
from tools import files, index_page, provenance
from tools.inputs import Quality
from tools.paths import RENDERS


def _clips(folder: Path, root: Path) -> list[dict[str, Any]]:
    index = folder / "sections.json"
    if not index.is_file():
        return []
    return [
        {
            "name": entry["name"],
            "video": str((folder / entry["video"]).relative_to(root)),
            "poster": str(
                (folder / entry["video"]).with_suffix(".png").relative_to(root)
            ),
            "duration": float(entry["duration"]),
        }
        for entry in json.loads(index.read_text(encoding="utf-8"))
    ]


def index_data(quality: Quality, lessons: list[Path]) -> dict[str, Any]:
    """The index of every scene, clip and lesson at ``quality``."""
    from tools.render import Job

    root = RENDERS / quality.folder
    scenes = []
    for item in outline.items():
        video = Job(item, quality).destination
        manifest = provenance.read_manifest(video) if video.is_file() else None
        clips = _clips(root / "sections" / item.scene, root) if manifest else []
        scenes.append(
            {
                "number": item.number,
                "title": item.title,
                "scene": item.scene,
                "video": str(video.relative_to(root)) if manifest else None,
                "subtitles": str(video.with_suffix(".vtt").relative_to(root))
                if manifest
                else None,
                "poster": clips[-1]["poster"] if clips else None,
                "duration": manifest.get("duration") if manifest else None,
                "clips": clips,
            }
        )
    return {
        "quality": quality.name,
        "resolution": quality.folder,
        "scenes": scenes,
        "lessons": [
            {
                "name": p.stem,
                "video": str(p.relative_to(root)),
                "chapters": str(p.with_suffix(".chapters.vtt").relative_to(root)),
            }
            for p in lessons
        ],
    }


def build_index(quality: Quality, lessons: list[Path]) -> Path:
    """Write index.json and index.html at ``quality``; return the page's path."""
    root = RENDERS / quality.folder
    data = index_data(quality, lessons)
    files.write_text(root / "index.json", json.dumps(data, indent=2) + "\n")
    return files.write_text(root / "index.html", index_page.render(data))
