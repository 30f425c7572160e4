"""The static ``index.html`` page drawn from the course index data (tools.course_index).

Its colours come from the course theme (scenes/common/theme.py), the one place
colours are written.
"""

from __future__ import annotations

import html
from typing import Any

from scenes.common.theme import PALETTE


def _style() -> str:
    p = PALETTE
    return (
        f"body{{font-family:sans-serif;background:{p.background};color:{p.text};margin:2em}}"
        f"a{{color:{p.curve}}}\n"
        "video{width:min(100%,854px)}.clips{display:flex;flex-wrap:wrap;gap:.5em}"
        "figure{margin:0;width:214px}\n"
        "img{width:214px}figcaption{font-size:.8em}"
        f"section{{border-top:1px solid {p.overlay};padding:1em 0}}"
    )


def _scene(s: dict[str, Any]) -> str:
    e = html.escape
    if not s["video"]:
        return f"<section><h2>{e(s['number'])} {e(s['title'])}</h2><p>not rendered</p></section>"
    clips = "".join(
        f'<figure><a href="{e(c["video"])}"><img src="{e(c["poster"])}" alt="{e(c["name"])}" loading="lazy"></a>'
        f"<figcaption>{e(c['name'])} · {c['duration']:.1f}s</figcaption></figure>"
        for c in s["clips"]
    )
    return (
        f"<section><h2>{e(s['number'])} {e(s['title'])} <code>{e(s['scene'])}</code></h2>"
        f'<video controls preload="none" poster="{e(s["poster"] or "")}" src="{e(s["video"])}">'
        f'<track kind="subtitles" srclang="en" label="English" src="{e(s["subtitles"])}" default></video>'
        f'<p>{s["duration"]:.1f}s · <a href="{e(s["video"])}">MP4</a> · <a href="{e(s["subtitles"])}">VTT</a></p>'
        f'<div class="clips">{clips}</div></section>'
    )


def render(data: dict[str, Any]) -> str:
    """The HTML page for the index ``data``."""
    e = html.escape
    lessons = "".join(
        f'<li><a href="{e(lesson["video"])}">{e(lesson["name"])}</a> (<a href="{e(lesson["chapters"])}">chapters</a>)</li>'
        for lesson in data["lessons"]
    )
    rows = "".join(_scene(s) for s in data["scenes"])
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>ML Foundations: Calculus — renders {e(data["resolution"])}</title>
<style>{_style()}</style>
</head><body><h1>ML Foundations: Calculus — {e(data["resolution"])}</h1>
<h2>Lessons</h2><ul>{lessons}</ul>{rows}</body></html>
"""
