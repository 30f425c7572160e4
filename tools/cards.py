"""Render one title card: python -m tools.cards NUMBER QUALITY OUT.mp4 (used by tools.course)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from tools.render import BUILD, QUALITIES


def main(argv: list[str]) -> int:
    """Render the card for item NUMBER at QUALITY and move it to OUT."""
    number, quality, out = argv
    from manim import tempconfig

    from scenes.common.title_card import TitleCard

    q = QUALITIES[quality]
    media = BUILD / "cards" / q.folder / number
    os.environ["CARD_ITEM"] = number
    os.environ["VOICE"] = "none"  # cards are silent; lessons give them silent audio
    flags = {
        "l": "low_quality",
        "m": "medium_quality",
        "h": "high_quality",
        "p": "production_quality",
        "k": "fourk_quality",
    }
    with tempconfig(
        {
            "quality": flags[q.flag],
            "media_dir": str(media),
            "output_file": "card",
            "progress_bar": "none",
            "verbosity": "WARNING",
        }
    ):
        scene = TitleCard()
        scene.render()
        produced = Path(scene.renderer.file_writer.movie_file_path)
    dest = Path(out)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.part")
    shutil.copyfile(produced, tmp)
    tmp.replace(dest)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
