"""Pixel tests: every test here is marked ``graphical``; failures can be dumped as PNGs.

Run with ``--show_diff`` to write, for each failing frame, the frame we rendered,
the committed control frame and their difference to ``.build/frame-diffs/``
(Manim's own --show_diff needs matplotlib and a display; this works headless).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

_HERE = Path(__file__).parent
DIFF_DIR = _HERE.parent.parent / ".build" / "frame-diffs"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder, so ``-m "not graphical"`` is the fast loop."""
    for item in items:
        if _HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.graphical)


def write_diff_pngs(
    frame_number: int, frame: np.ndarray, expected: np.ndarray, name: str
) -> Path:
    """Write actual, control and |difference| PNGs for one frame; return their folder."""
    from PIL import Image

    out = DIFF_DIR / Path(name).stem
    out.mkdir(parents=True, exist_ok=True)
    diff = np.abs(frame.astype(np.int16) - expected.astype(np.int16)).astype(np.uint8)
    diff[..., 3] = 255
    # Amplify so that one-level differences show.
    visible = np.clip(diff[..., :3].astype(np.int32) * 8, 0, 255).astype(np.uint8)
    tag = "last" if frame_number < 0 else str(frame_number)
    Image.fromarray(frame[..., :3]).save(out / f"frame-{tag}-actual.png")
    Image.fromarray(expected[..., :3]).save(out / f"frame-{tag}-control.png")
    Image.fromarray(visible).save(out / f"frame-{tag}-diff.png")
    print(f"\npixel mismatch: wrote actual/control/diff PNGs to {out}")
    return out


@pytest.fixture(autouse=True)
def _headless_show_diff(monkeypatch: pytest.MonkeyPatch) -> None:
    from manim.utils.testing import _frames_testers

    monkeypatch.setattr(_frames_testers, "show_diff_helper", write_diff_pngs)
