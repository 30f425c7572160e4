"""The gate must fail a deliberately broken scene, pointing at each problem."""

from __future__ import annotations

import sys
import types

import pytest
from manim import DOWN, RIGHT, FadeIn, Text

from scenes import outline
from scenes.common.base import LectureScene
from tools import quality


class BrokenScene(LectureScene):
    """Text off-frame, two labels stacked, a silent stretch, and a too-short run."""

    def construct(self) -> None:
        self.beat("only-beat")
        self.caption("The first subtitle.")
        off = (
            Text("pushed off the frame", font_size=36)
            .to_edge(RIGHT, buff=0)
            .shift(RIGHT * 2)
        )
        self.play(FadeIn(off))
        a = Text("label A", font_size=36)
        b = Text("label B", font_size=36).move_to(a).shift(DOWN * 0.05)
        tiny = Text("tiny", font_size=10).to_edge(DOWN)
        self.play(FadeIn(a), FadeIn(b), FadeIn(tiny))
        self.wait(10)  # no subtitle for 10 s
        self.caption("The last subtitle.")
        self.play(FadeIn(Text("end", font_size=36).to_edge(DOWN, buff=1)))


@pytest.fixture(scope="module")
def report() -> quality.SceneReport:
    module = types.ModuleType("scenes.s9_9_broken")
    module.__doc__ = "Not a syllabus item."
    module.BrokenScene = BrokenScene  # type: ignore[attr-defined]
    BrokenScene.__module__ = module.__name__
    sys.modules[module.__name__] = module
    try:
        item = outline.Item("9.9", "Broken", "BrokenScene", "s9_9_broken")
        return quality.inspect_scene(item)
    finally:
        del sys.modules[module.__name__]


def test_off_frame_text_is_found(report: quality.SceneReport) -> None:
    [finding] = report.by_check("layout-frame")
    assert "'pushed off the frame'" in finding.message
    assert "past the right margin" in finding.message
    assert finding.beat == "only-beat"


def test_stacked_labels_are_found(report: quality.SceneReport) -> None:
    [finding] = report.by_check("layout-overlap")
    assert "'label A'" in finding.message
    assert "'label B'" in finding.message
    assert "of the smaller" in finding.message


def test_small_text_is_found(report: quality.SceneReport) -> None:
    [finding] = report.by_check("layout-size")
    assert "'tiny'" in finding.message
    assert "font size 10" in finding.message


def test_subtitle_gap_is_found(report: quality.SceneReport) -> None:
    messages = [f.message for f in report.by_check("subtitles")]
    assert any("silent gap" in m for m in messages), messages


def test_structure_problems_are_found(report: quality.SceneReport) -> None:
    messages = " | ".join(f.message for f in report.by_check("structure"))
    assert "does not end with self.wait()" in messages
    assert "only 1 beat" in messages
    assert "docstring should start with the item number 9.9" in messages


def test_duration_limits_are_enforced(report: quality.SceneReport) -> None:
    # 10 s of wait plus a few animations: shorter than the 15 s minimum.
    assert report.duration < quality.MIN_DURATION
    assert report.by_check("duration")
