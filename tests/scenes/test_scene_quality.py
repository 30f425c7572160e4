"""The scene quality gate over every scene in the course outline.

Each scene runs once under ``dry_run`` with the layout lint attached
(tools.quality.inspect_scene); that one run checks: it constructs and plays,
no text off-frame, overlapping or too small after any animation, subtitles
cover it readably, its length is within 15 s - 4 min, it has beats, its module
docstring names its syllabus item, and it ends with ``self.wait()``. Scenes added
to the outline later are picked up automatically.
"""

from __future__ import annotations

import pytest

from scenes import outline
from tools import quality

PRESENT = outline.present()


@pytest.fixture(scope="module", params=PRESENT, ids=[i.scene for i in PRESENT])
def report(request: pytest.FixtureRequest) -> quality.SceneReport:
    return quality.inspect_scene(request.param)


def _fmt(findings: list[quality.Finding]) -> str:
    return "\n".join(str(f) for f in findings)


def test_constructs_and_plays(report: quality.SceneReport) -> None:
    assert report.plays > 0


def test_layout(report: quality.SceneReport) -> None:
    found = report.by_check("layout")
    assert not found, "\n" + _fmt(found)


def test_subtitles(report: quality.SceneReport) -> None:
    found = report.by_check("subtitles")
    assert not found, "\n" + _fmt(found)


def test_duration(report: quality.SceneReport) -> None:
    assert quality.MIN_DURATION <= report.duration <= quality.MAX_DURATION, (
        f"{report.scene} lasts {report.duration:.1f}s"
    )


def test_structure(report: quality.SceneReport) -> None:
    found = report.by_check("structure")
    assert not found, "\n" + _fmt(found)


def test_every_item_has_a_scene_or_is_listed_as_missing() -> None:
    # Guards the outline itself: every written module defines its class.
    for item in PRESENT:
        cls = item.load()
        assert cls.__name__ == item.scene
