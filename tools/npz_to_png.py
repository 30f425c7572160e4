"""Turn pixel-test control data (.npz) into PNGs to review: python -m tools.npz_to_png FILE...

Writes ``<file>-frame<N>.png`` into ``.build/control-png/`` (after ManimCE's
scripts/extract_frames.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image

from tools.cli import UsageError, command
from tools.paths import BUILD, ROOT

OUT = BUILD / "control-png"


@command(interrupted="stopped")
def main(paths: list[str]) -> int:
    """Write one PNG per frame of each .npz given (default: all control data)."""
    files = [Path(p) for p in paths] or sorted(
        (ROOT / "tests/graphical/control_data").rglob("*.npz")
    )
    OUT.mkdir(parents=True, exist_ok=True)
    for path in files:
        if not path.is_file():
            raise UsageError(f"no such file {path}")
        with np.load(path) as data:
            frames = data["frame_data"]
        for i, frame in enumerate(frames):
            dest = OUT / f"{path.stem}-frame{i}.png"
            Image.fromarray(frame[..., :3].astype(np.uint8)).save(dest)
            print(dest)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
