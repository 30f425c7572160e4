"""The scene quality gate over every scene in the course outline.

Each scene runs once under ``dry_run`` with the layout lint attached
(tools.quality.inspect_scene). That one run checks: it constructs and plays;
after any animation no text is off-frame, overlapping, too small as drawn or
under WCAG AA contrast, no mobject is inside the EDGE_BUFF margin, no line runs
through a text; no still stretch over 4 s before the final hold and at most
30 % of the time still; subtitles cover it readably; its length is within 15 s - 4 min; it has beats; its module
docstring names its syllabus item; it ends with ``self.wait()``. Scenes added
to the outline later are picked up automatically. One test per scene, so that
pytest-xdist spreads the scenes over the workers. The dry run is the session's
shared one (the ``gate_report`` fixture, tests/conftest.py): other tests that
need a scene's gate report read the same run instead of dry-running it again.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scenes import outline
from tools import quality

PRESENT = outline.present()


@pytest.mark.parametrize("item", PRESENT, ids=[i.scene for i in PRESENT])
def test_scene_passes_the_quality_gate(
    item: outline.Item, gate_report: Callable[..., quality.SceneReport]
) -> None:
    report = gate_report(item)
    assert report.plays > 0, f"{item.scene} played no animation"
    assert quality.MIN_DURATION <= report.duration <= quality.MAX_DURATION, (
        f"{item.scene} lasts {report.duration:.1f}s"
    )
    problems = "\n".join(str(f) for f in report.findings)
    assert not report.findings, f"{len(report.findings)} finding(s):\n{problems}"


def test_every_written_module_defines_its_class() -> None:
    for item in PRESENT:
        assert item.load().__name__ == item.scene


def test_dry_run_without_drawing_reports_what_a_drawing_run_does(
    gate_report: Callable[..., quality.SceneReport],
) -> None:
    """The gate skips rasterising and the frames between plays (Manim's
    skip_animations); the geometry and the clock it reads must not depend on that.
    SumRule has readouts driven by updaters, the case skipping could change."""
    item = outline.by_scene("SumRule")
    assert item is not None
    fast = gate_report(item)  # the very run the gate test above checks
    drawn = quality.inspect_scene(item, rasterise=True)
    assert fast.duration == drawn.duration
    assert (fast.plays, fast.waits, fast.beats) == (
        drawn.plays,
        drawn.waits,
        drawn.beats,
    )
    assert [str(f) for f in fast.findings] == [str(f) for f in drawn.findings]
    assert [(c.start, c.end, c.text) for c in fast.captions] == [
        (c.start, c.end, c.text) for c in drawn.captions
    ]
