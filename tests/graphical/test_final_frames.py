"""Final-frame pixel tests: one per scene in the course outline, made automatically.

Each test takes the last frame (854x480) of the scene's quality-gate dry run,
the session's one run of that scene (the ``gate_report`` fixture,
tests/conftest.py): the real scene class, its ``construct`` fast-forwarded with
Manim's ``skip_animations`` (as Manim's ``frames_comparison`` does), then its
last frame drawn. It is compared with ``control_data/scenes/<Scene>.npz``
by Manim's own frame tester (``frames_comparison``'s tolerances). A new scene
fails here until its control data is written deliberately with
``make snapshots SCENE=<Scene>`` and reviewed (``python -m tools.npz_to_png``).

One run per scene instead of two (a dry run for the gate, a second construct
for the pixels) halves the scene runs of ``make test``; the control data was
regenerated from these runs once, on purpose, and every frame looked at.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import cairo
import numpy as np
import pytest
from manim.utils.testing import frames_comparison as fc
from manim.utils.testing._frames_testers import _ControlDataWriter, _FramesTester

from scenes import outline
from tools import quality

CONTROL = Path(__file__).parent / "control_data" / "scenes"


def _make_test(item: outline.Item) -> Callable[..., None]:
    def test(
        gate_report: Callable[..., quality.SceneReport], request: pytest.FixtureRequest
    ) -> None:
        if cairo.cairo_version() < fc.MIN_CAIRO_VERSION:  # the policy of conftest.py
            pytest.skip(f"libcairo {cairo.cairo_version_string()} is too old")
        frame = gate_report(item).final_frame
        assert isinstance(frame, np.ndarray), "the dry run drew no final frame"
        path = CONTROL / f"{item.scene}.npz"
        if request.config.getoption("--set_test"):
            writer = _ControlDataWriter(path, size_frame=frame.shape[:2])
            with writer.testing():
                writer.check_frame(0, frame)
            return
        assert path.is_file(), (
            f"no control data for {item.scene}: write it with"
            f" make snapshots SCENE={item.scene}, then look at it"
        )
        tester = _FramesTester(path, show_diff=request.config.getoption("--show_diff"))
        with tester.testing():
            tester.check_frame(-1, frame)

    test.__name__ = f"test_{item.scene}"
    test.__qualname__ = test.__name__
    test.__doc__ = f"Last frame of {item.number} {item.scene}."
    return test


for _item in outline.present():
    globals()[f"test_{_item.scene}"] = _make_test(_item)
