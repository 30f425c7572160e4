"""Render one title card: python -m tools.cards NUMBER QUALITY OUT.mp4 (used by tools.lessons)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tools import files, texcache
from tools.inputs import QUALITIES
from tools.paths import BUILD


def main(argv: list[str]) -> int:
    """Render the card for item NUMBER at QUALITY and move it to OUT."""
    number, quality, out = argv
    from manim import tempconfig

    from scenes.common.title_card import TitleCard

    texcache.install()

    q = QUALITIES[quality]
    media = BUILD / "cards" / q.folder / number
    os.environ["CARD_ITEM"] = number
    os.environ["VOICE"] = "none"  # cards are silent; lessons give them silent audio
    with tempconfig(
        {
            "quality": q.manim_name,
            "media_dir": str(media),
            "output_file": "card",
            "progress_bar": "none",
            "verbosity": "WARNING",
        }
    ):
        scene = TitleCard()
        scene.render()
        produced = Path(scene.renderer.file_writer.movie_file_path)
    files.copy(produced, Path(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
