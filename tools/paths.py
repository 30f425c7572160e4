"""Where things live: the repository root, the ``.build`` scratch tree and ``renders/``.

Every tool takes these paths from here (no module works out the root itself).
``RENDERS_DIR`` in the environment moves ``renders/`` (tests and benchmarks use it).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
"""The repository root (manim.cfg is read from here)."""
BUILD: Final = ROOT / ".build"
"""Scratch space: Manim's working folders, TeX cache, logs, cards, locks."""
RENDERS: Final = Path(os.environ.get("RENDERS_DIR") or ROOT / "renders").resolve()
"""Where finished files go (``RENDERS_DIR`` overrides it, e.g. for tests)."""
TEX_CACHE: Final = BUILD / "tex"
"""The TeX cache shared by every scene and quality (see tools.texcache)."""
LOCKS: Final = BUILD / "locks"
"""Lock files that serialise concurrent renders of the same output."""


def show(path: Path) -> str:
    """``path`` relative to the repository root when it is inside it."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)
