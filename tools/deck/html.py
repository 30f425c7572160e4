"""The HTML deck: ``<name>/index.html`` with reveal.js, the clips and the posters beside it.

The folder is self-contained (no network: it opens from ``file://``). reveal.js
comes from ``vendor/reveal.js/``, fetched and verified by tools/vendor_reveal.sh;
``deck.js`` and ``deck.css`` here add what reveal lacks for clips.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path
from typing import Final

from scenes.common.theme import PALETTE
from tools.cli import StepError
from tools.deck import Deck, Slide
from tools.paths import ROOT

HERE: Final = Path(__file__).resolve().parent
VENDOR: Final = ROOT / "vendor" / "reveal.js"
REVEAL_FILES: Final = (
    "LICENSE",
    "VERSION",
    "reveal.js",
    "reveal.css",
    "reset.css",
    "plugin/notes.js",
)


class VendorMissingError(StepError):
    """reveal.js has not been fetched (tools/vendor_reveal.sh); exit status 1."""


def check_vendor() -> None:
    """Raise VendorMissingError unless every reveal.js file the deck needs is there."""
    missing = [f for f in REVEAL_FILES if not (VENDOR / f).is_file()]
    if missing:
        raise VendorMissingError(
            f"reveal.js is not in {VENDOR} (missing {', '.join(missing)}):"
            " run `bash tools/vendor_reveal.sh` (make slides runs it)"
        )


def _section(slide: Slide) -> str:
    e = html.escape
    notes = f"<h3>{e(slide.scene_title)} · {e(slide.beat)}</h3><p>{e(slide.notes)}</p>"
    return (
        f'<section id="{e(slide.key)}" data-beat="{e(slide.beat)}">'
        f'<video class="clip" data-src="clips/{e(slide.key)}.mp4"'
        f' poster="posters/{e(slide.key)}.png" preload="auto" playsinline></video>'
        f'<aside class="notes">{notes}</aside></section>'
    )


def page(deck: Deck) -> str:
    """The text of index.html."""
    e = html.escape
    colours = (
        f"--deck-bg:{PALETTE.background};--deck-fg:{PALETTE.text};"
        f"--deck-subtle:{PALETTE.subtle};--deck-accent:{PALETTE.accent}"
    )
    size = json.dumps({"width": deck.width, "height": deck.height})
    sections = "\n".join(_section(s) for s in deck.slides)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(deck.title)}</title>
<link rel="stylesheet" href="reveal/reset.css">
<link rel="stylesheet" href="reveal/reveal.css">
<link rel="stylesheet" href="deck.css">
<style>:root{{{colours}}}</style>
</head><body>
<div class="reveal"><div class="slides">
{sections}
</div></div>
<script src="reveal/reveal.js"></script>
<script src="reveal/plugin/notes.js"></script>
<script src="deck.js"></script>
<script>Deck.start({size});</script>
</body></html>
"""


def write(deck: Deck, folder: Path) -> Path:
    """Fill ``folder`` (new, empty) with the deck; return its index.html."""
    check_vendor()
    for name in REVEAL_FILES:
        target = folder / "reveal" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(VENDOR / name, target)
    for name in ("deck.js", "deck.css"):
        shutil.copyfile(HERE / name, folder / name)
    (folder / "clips").mkdir()
    (folder / "posters").mkdir()
    for slide in deck.slides:
        shutil.copyfile(slide.clip, folder / "clips" / f"{slide.key}.mp4")
        shutil.copyfile(slide.poster, folder / "posters" / f"{slide.key}.png")
    index = folder / "index.html"
    index.write_text(page(deck), encoding="utf-8")
    return index
