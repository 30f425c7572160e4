"""The gate's issue-15 checks: a scene that plants each defect, and its clean twin.

``PlantedScene`` commits, one beat each: tick digits shrunk with their group
(font size still 20, glyphs under MIN_TEXT_HEIGHT), a card inside the frame
margin, a mean line through a tick label and a label riding on that line, text
dimmed below WCAG AA, a label slid across a reading, a 5 s still stretch and a mostly still scene.
``CleanScene`` draws the same things the intended way. The gate must report
each planted defect, naming its beat and mobject, and nothing in the twin.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator

import pytest
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Axes,
    Create,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    MathTex,
    Text,
    Transform,
    VGroup,
)

from scenes import outline
from scenes.common.base import LectureScene
from scenes.common.mobjects import get_card
from scenes.common.theme import EDGE_BUFF, MIN_TEXT_HEIGHT, PALETTE, SIZES
from tools import quality
from tools.layout_lint import STILL_MAX, STILL_SHARE

SHRINK = 0.85
"""How much the planted group is scaled down: font size 24 -> 20.4, still >= 20."""
FAINT = 0.5
"""Opacity of the dimmed text: PALETTE.text at 0.5 is about 3.9:1 on the background."""
FAINTER = 0.3
"""About 2.3:1: fails even for large text."""


def _axes(x_range: list[float]) -> Axes:
    return Axes(
        x_range=x_range,
        y_range=x_range,
        x_length=4,
        y_length=3,
        tips=False,
        axis_config={"include_numbers": True, "font_size": SIZES.label},
    )


class PlantedScene(LectureScene):
    """Every defect class of issue 15 once, each in its own beat."""

    def construct(self) -> None:
        self.beat("shrunk")
        ticks = VGroup(
            DecimalNumber(1.5, num_decimal_places=1, font_size=SIZES.small)
        ).scale(SHRINK)
        self.play(FadeIn(ticks))
        self.play(FadeOut(ticks))

        self.beat("edge")
        card = get_card(Text("card", font_size=SIZES.body)).to_edge(RIGHT, buff=0.2)
        self.play(FadeIn(card))
        self.play(FadeOut(card))

        self.beat("crossing")
        axes = _axes([-2, 2, 1])  # the y axis runs through the middle of the data
        mean = axes.plot(lambda _x: 1.0, color=PALETTE.tangent)
        rider = Text("mean", font_size=SIZES.label).move_to(axes.c2p(1.2, 1.0))
        self.play(Create(axes), Create(mean), FadeIn(rider))
        self.play(FadeOut(axes), FadeOut(mean), FadeOut(rider))
        # an arrow whose tip rests on a label: the tip is filled, the line stops short
        target = Text("target", font_size=SIZES.label).shift(DOWN * 2)
        pointer = Arrow(
            target.get_left() + LEFT * 2, target.get_left() + RIGHT * 0.2, buff=0
        )
        self.play(FadeIn(target), Create(pointer))
        self.play(FadeOut(target), FadeOut(pointer))

        self.beat("contrast")
        faint = Text("faint", font_size=SIZES.small, color=PALETTE.text)
        fainter = Text("fainter", font_size=SIZES.heading, color=PALETTE.text)
        VGroup(faint, fainter).arrange(RIGHT)
        faint.set_opacity(FAINT)
        fainter.set_opacity(FAINTER)
        self.play(FadeIn(faint), FadeIn(fainter))
        self.play(FadeOut(faint), FadeOut(fainter))

        self.beat("passing")
        fixed = Text("fixed reading", font_size=SIZES.body)
        rider = Text("rider", font_size=SIZES.body).next_to(fixed, LEFT)
        self.play(FadeIn(fixed), FadeIn(rider))
        # the rider slides across the reading: clear of it before and after
        self.play(rider.animate.next_to(fixed, RIGHT))
        self.play(FadeOut(fixed), FadeOut(rider))

        self.beat("still")
        self.caption("Nothing moves while this line is read.")
        self.play(FadeIn(Text("still", font_size=SIZES.body)))
        self.wait(STILL_MAX + 1)
        self.play(FadeIn(Dot()))
        self.wait(STILL_MAX + 2)  # the final hold: not a still-stretch finding


class CleanScene(LectureScene):
    """The same content, drawn the intended way."""

    def construct(self) -> None:
        self.beat("shrunk")
        ticks = VGroup(
            DecimalNumber(1.5, num_decimal_places=1, font_size=SIZES.label)
        ).scale(SHRINK)
        self.play(FadeIn(ticks))
        self.play(FadeOut(ticks))

        self.beat("edge")
        card = get_card(Text("card", font_size=SIZES.body))
        card.to_edge(RIGHT, buff=EDGE_BUFF)
        self.play(FadeIn(card))
        self.play(FadeOut(card))

        self.beat("crossing")
        axes = _axes([0, 4, 1]).to_edge(LEFT, buff=1)  # axes on the plot's edges
        mean = axes.plot(lambda _x: 1.0, color=PALETTE.tangent)
        label = Text("mean", font_size=SIZES.label)
        label.next_to(axes.c2p(3.0, 1.0), UP, buff=0.2)
        self.play(Create(axes), Create(mean), FadeIn(label))
        self.play(FadeOut(axes), FadeOut(mean), FadeOut(label))

        self.beat("contrast")
        clear = Text("clear", font_size=SIZES.small, color=PALETTE.subtle)
        large = Text("large", font_size=SIZES.heading, color=PALETTE.text)
        VGroup(clear, large).arrange(RIGHT)
        large.set_opacity(FAINT)  # 3.9:1 passes for large text
        # A divider drawn with TeX in a panel colour is a rule, not text to read.
        divider = MathTex(r"\rule{3cm}{0.4pt}", color=PALETTE.overlay)
        divider.next_to(clear, DOWN)
        self.play(FadeIn(clear), FadeIn(large), FadeIn(divider))
        self.play(FadeOut(clear), FadeOut(large), FadeOut(divider))

        self.beat("passing")
        fixed = Text("fixed reading", font_size=SIZES.body)
        rider = Text("rider", font_size=SIZES.body).next_to(fixed, DOWN)
        rider.align_to(fixed, LEFT)
        self.play(FadeIn(fixed), FadeIn(rider))
        self.play(rider.animate.align_to(fixed, RIGHT))  # under it, not across it
        token = Text("7", font_size=SIZES.body).next_to(fixed, LEFT)
        token.passing = True  # a value carried across on purpose
        self.play(token.animate.next_to(fixed, RIGHT))
        self.remove(token)
        # One play fades the reading out and a new one in, in the same place:
        # LectureScene hands over (the old one leaves first), so nothing overlaps.
        new = Text("new reading", font_size=SIZES.body).move_to(fixed)
        self.play(FadeOut(fixed), FadeIn(new))
        newer = Text("newest reading", font_size=SIZES.body).move_to(new)
        self.play(Transform(new, newer))  # one text morphs: nothing overlaps
        self.play(FadeOut(new), FadeOut(rider))

        self.beat("still")
        dot = Dot()
        dot.add_updater(lambda m, dt: m.shift(RIGHT * 0.2 * dt))
        self.add(dot)
        self.wait(STILL_MAX + 1)  # an updater runs: motion, not a still frame
        dot.clear_updaters()
        self.wait(1)


def _inspect(cls: type[LectureScene], name: str) -> quality.SceneReport:
    short = f"s9_8_{name}"
    module = types.ModuleType(f"scenes.{short}")
    module.__doc__ = "9.8 Planted defects for the gate."
    setattr(module, cls.__name__, cls)
    cls.__module__ = module.__name__
    sys.modules[module.__name__] = module
    try:
        item = outline.Item("9.8", name, cls.__name__, short)
        return quality.inspect_scene(item)
    finally:
        del sys.modules[module.__name__]


@pytest.fixture(scope="module")
def planted() -> quality.SceneReport:
    return _inspect(PlantedScene, "planted")


@pytest.fixture(scope="module")
def clean() -> quality.SceneReport:
    return _inspect(CleanScene, "clean")


def _only(report: quality.SceneReport, check: str) -> Iterator[quality.Finding]:
    return iter(f for f in report.findings if f.check == check)


def test_size_is_checked_as_drawn(planted: quality.SceneReport) -> None:
    [finding] = _only(planted, "layout-size")
    assert finding.beat == "shrunk"
    assert "DecimalNumber 1.5" in finding.message
    # The font size alone (20.4) passes the old rule; the drawn digits do not.
    assert "font size 20," in finding.message
    drawn = float(finding.message.split("glyphs drawn ")[1].split()[0])
    assert drawn < MIN_TEXT_HEIGHT
    assert "after scaling" in finding.fix


def test_margins_apply_to_panels(planted: quality.SceneReport) -> None:
    [finding] = _only(planted, "layout-margin")
    assert finding.beat == "edge"
    assert "RoundedRectangle in VGroup holding Text 'card'" in finding.message
    assert "from the right edge" in finding.message
    assert f"EDGE_BUFF = {EDGE_BUFF}" in finding.message


def test_lines_through_text_are_found(planted: quality.SceneReport) -> None:
    findings = list(_only(planted, "layout-crossing"))
    assert {f.beat for f in findings} == {"crossing"}
    crossed = sorted(f.message.split(" crosses ")[1].split(" (")[0] for f in findings)
    # The mean line runs through the y axis's "1" and under the label riding it;
    # no tick label is reported against its own axis line. The arrow's tip rests
    # on its target.
    assert crossed == ["DecimalNumber 1", "Text 'mean'", "Text 'target'"]
    starts = sorted(f.message.split(" crosses ")[0] for f in findings)
    assert starts == ["ArrowTriangleFilledTip in Arrow"] + ["ParametricFunction"] * 2
    assert all("allowed_overlaps" in f.fix for f in findings)


def test_allowed_overlaps_cover_an_intended_crossing() -> None:
    class Intended(PlantedScene):
        allowed_overlaps = (("Text 'mean'", "ParametricFunction"),)

    report = _inspect(Intended, "intended")
    crossed = [f.message for f in report.findings if f.check == "layout-crossing"]
    assert len(crossed) == 2
    assert "DecimalNumber 1" in crossed[0]
    assert "Text 'target'" in crossed[1]


def test_low_contrast_text_is_found(planted: quality.SceneReport) -> None:
    findings = sorted(_only(planted, "layout-contrast"), key=lambda f: f.message)
    assert [f.beat for f in findings] == ["contrast", "contrast"]
    faint, fainter = findings
    assert "Text 'faint'" in faint.message
    assert f"at opacity {FAINT:.2f}" in faint.message
    assert "needs 4.5:1 (normal text" in faint.message
    assert "Text 'fainter'" in fainter.message
    assert "needs 3:1 (large text" in fainter.message


def test_a_text_moved_across_another_is_found_halfway(
    planted: quality.SceneReport,
) -> None:
    # Before and after the slide the two are apart: only a look halfway sees it.
    assert not list(_only(planted, "layout-overlap"))
    [finding] = _only(planted, "layout-midway")
    assert finding.beat == "passing"
    assert finding.message.startswith("halfway through MethodAnimation(Text 'rider')")
    assert "Text 'fixed reading' overlaps Text 'rider'" in finding.message
    assert "FadeOut, then FadeIn" in finding.fix
    # halfway through the second of the beat's three 1 s plays
    start = next(s.start for s in planted.timeline if s.beat == "passing")
    assert finding.time == pytest.approx(start + 1.5, abs=0.1)


def test_still_stretches_are_found(planted: quality.SceneReport) -> None:
    [finding] = _only(planted, "pacing-still")
    assert finding.beat == "still"
    assert f"still for {STILL_MAX + 1:.1f}s" in finding.message
    assert "after FadeIn(Text 'still')" in finding.message
    assert "Nothing moves while this line is read." in finding.message
    assert f"VOICE={planted.voice}" in finding.message
    # The final hold is longer still, but it is not a finding.
    assert finding.time < planted.duration - (STILL_MAX + 2)


def test_a_mostly_still_scene_is_found(planted: quality.SceneReport) -> None:
    [finding] = _only(planted, "pacing-share")
    share = float(finding.message.split("%")[0]) / 100
    assert share > STILL_SHARE
    assert "most in beat 'still'" in finding.message


def test_the_clean_twin_passes_every_new_check(clean: quality.SceneReport) -> None:
    new = {
        "layout-size",
        "layout-margin",
        "layout-crossing",
        "layout-contrast",
        "pacing-still",
        "pacing-share",
        "layout-midway",
    }
    assert clean.plays > 5
    assert [str(f) for f in clean.findings if f.check in new] == []
