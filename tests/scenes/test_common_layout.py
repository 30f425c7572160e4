"""The shared layout API of scenes/common: spacing tokens, outline titles, opening, stage, fill.

The opening and ``narrate(fill=True)`` are checked on real tiny scenes run
under Manim's dry run (the gate's settings), with every play timed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from manim import (
    Animation,
    Circle,
    Create,
    Rectangle,
    Square,
    Text,
    VGroup,
    Wait,
    config,
    tempconfig,
)

from scenes import outline
from scenes.common.base import TITLE_SECONDS, LectureScene
from scenes.common.mobjects import fit_to_stage, get_title, stage_box
from scenes.common.theme import EDGE_BUFF, SPACE, SUBTITLE_ZONE
from tools.layout_lint import DRY_RUN_CONFIG

LINE = (
    "Over three centuries mathematicians found several ways to write a derivative,"
    " and you will meet all of them in machine learning papers."
)


class Timed(LectureScene):
    """A scene that records, per play, when it starts and ends and what it shows."""

    def setup(self) -> None:
        super().setup()
        self.plays: list[tuple[float, float, list[Animation]]] = []

    def play(self, *animations: Any, **kwargs: Any) -> None:
        start = self.time
        super().play(*animations, **kwargs)
        if not all(isinstance(a, Wait) for a in animations):  # wait() plays a Wait
            self.plays.append((start, self.time, list(animations)))


def run(name: str, body: Any, tmp_path: Path) -> Timed:
    """Dry-run a scene class called ``name`` (an outline scene) whose construct is ``body``."""
    cls = type(name, (Timed,), {"construct": body})
    with tempconfig({**DRY_RUN_CONFIG, "media_dir": str(tmp_path)}):
        scene = cls()
        scene.render()
    return scene


def frame() -> float:
    return 1 / DRY_RUN_CONFIG["frame_rate"]


def test_space_tokens_are_the_contract_values() -> None:
    assert (
        SPACE.hair,
        SPACE.tight,
        SPACE.small,
        SPACE.medium,
        SPACE.large,
        SPACE.section,
    ) == (0.05, 0.1, 0.2, 0.35, 0.6, 1.0)


def test_outline_carries_subtitles_and_screen_titles() -> None:
    notation = outline.by_scene("DerivativeNotation")
    assert notation is not None
    assert notation.subtitle == "Many ways to write one idea"
    assert notation.screen_title == notation.title == "Derivative Notation"
    roc = outline.by_scene("RocCurve")
    assert roc is not None
    assert roc.screen_title == "The ROC Curve"
    assert roc.title.startswith("The Receiver-Operating")
    confusion = outline.by_scene("ConfusionMatrix")
    assert confusion is not None
    assert confusion.subtitle is None


def test_outline_rejects_a_subtitle_that_is_not_text(tmp_path: Path) -> None:
    text = outline.OUTLINE_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "outline.toml"
    bad.write_text(
        text.replace('subtitle = "Many ways to write one idea"', "subtitle = 3", 1),
        encoding="utf-8",
    )
    with pytest.raises(outline.OutlineError, match="'subtitle' must be a non-empty"):
        outline.load(bad)


def test_title_underline_spans_the_title_block() -> None:
    group = get_title("Sum", subtitle="Differentiate term by term, always")
    title, subtitle, rule = group
    assert subtitle.width > title.width
    assert rule.width == pytest.approx(VGroup(title, subtitle).width, abs=1e-6)
    assert rule.get_left()[0] == pytest.approx(title.get_left()[0], abs=1e-6)
    alone = get_title("The Confusion Matrix")
    assert alone[-1].width == pytest.approx(alone[0].width, abs=1e-6)


def test_fit_to_stage_scales_down_into_the_area_below_the_title() -> None:
    title = get_title("Derivative Notation", subtitle="Many ways to write one idea")
    big = Rectangle(width=20, height=9)
    fit_to_stage(big, title)
    left, right, bottom, top = stage_box(title)
    assert top == pytest.approx(title.get_bottom()[1] - SPACE.medium)
    assert bottom == pytest.approx(-config.frame_height / 2 + SUBTITLE_ZONE)
    assert left == pytest.approx(-config.frame_width / 2 + EDGE_BUFF)
    assert big.get_top()[1] <= top + 1e-6
    assert big.get_bottom()[1] >= bottom - 1e-6
    assert big.get_left()[0] >= left - 1e-6
    assert big.get_right()[0] <= right + 1e-6
    assert big.width / big.height == pytest.approx(20 / 9)
    # touches one pair of sides: it was scaled no more than needed
    assert big.width == pytest.approx(right - left) or big.height == pytest.approx(
        top - bottom
    )


def test_fit_to_stage_grows_only_when_asked() -> None:
    small = Square(side_length=1)
    fit_to_stage(small)
    assert small.width == pytest.approx(1)
    fit_to_stage(small, grow=True)
    _, _, bottom, top = stage_box()
    assert small.height == pytest.approx(top - bottom)


def test_opening_writes_the_outline_title_then_shows_the_first_visual_under_the_line(
    tmp_path: Path,
) -> None:
    circle = Circle()

    def construct(self: Timed) -> None:
        self.returned = self.opening(circle, LINE)
        self.wait()

    scene = run("DerivativeNotation", construct, tmp_path)
    item = outline.by_scene("DerivativeNotation")
    assert item is not None
    title = scene.returned
    assert title is scene.title
    assert isinstance(title[0], Text)
    assert title[0].text == item.screen_title.replace(" ", "")
    assert title[1].text == (item.subtitle or "").replace(" ", "")
    # the opening line starts with the scene and is the only line
    assert [s.start for s in scene.spoken] == [0.0]
    line_end = scene.spoken[0].end
    assert line_end > 3.0
    (t0, t1, _), (f0, f1, anims) = scene.plays[:2]
    assert t0 == 0.0
    assert t1 == pytest.approx(TITLE_SECONDS, abs=frame())
    # the first visual appears right after the title and spans the rest of the line
    assert f0 == pytest.approx(t1)
    assert anims[0].mobject is circle
    assert f1 == pytest.approx(line_end, abs=frame())
    assert circle in scene.mobjects
    assert scene.current_beat == "title"


def test_opening_fills_outline_fields_and_refuses_missing_ones(tmp_path: Path) -> None:
    def construct(self: Timed) -> None:
        self.opening(
            Square(), "PyTorch differentiates what you write.", fields={"x": 3}
        )
        self.wait()

    scene = run("AutoDiffPyTorch", construct, tmp_path)
    assert "x=3," in scene.title[1].text

    def missing(self: Timed) -> None:
        self.opening(Square())

    with pytest.raises(ValueError, match="needs fields="):
        run("AutoDiffPyTorch", missing, tmp_path)

    with pytest.raises(ValueError, match="no outline item has scene = 'NotAScene'"):
        run("NotAScene", missing, tmp_path)


def test_narrate_fill_spans_the_spoken_line(tmp_path: Path) -> None:
    circle, square = Circle(), Square()

    def construct(self: Timed) -> None:
        self.beat("one")
        self.narrate(LINE, Create(circle), fill=True)
        self.narrate(LINE, Create(square))
        self.wait()

    scene = run("DerivativeNotation", construct, tmp_path)
    first, second = scene.spoken
    (a0, a1, _), (b0, b1, _) = scene.plays
    assert a0 == pytest.approx(first.start)
    assert a1 == pytest.approx(first.end, abs=frame())
    # without fill the animation keeps its own length (Create: 1 s)
    assert b0 == pytest.approx(second.start, abs=frame())
    assert b1 - b0 == pytest.approx(1.0, abs=frame())
    assert second.end - b1 > 2.0


def test_narrate_fill_refuses_a_run_time_too(tmp_path: Path) -> None:
    def construct(self: Timed) -> None:
        self.narrate(LINE, Create(Circle()), fill=True, run_time=2)

    with pytest.raises(TypeError, match="fill=True or run_time"):
        run("DerivativeNotation", construct, tmp_path)


def test_old_title_calls_still_run(tmp_path: Path) -> None:
    from manim import FadeIn, Write

    def construct(self: Timed) -> None:
        self.beat("title")
        title = get_title("Derivative Notation", subtitle="Many ways to write one idea")
        self.narrate(LINE, Write(title[0]), FadeIn(title[1:]))
        self.wait()

    scene = run("DerivativeNotation", construct, tmp_path)
    assert len(scene.plays) == 1
    assert scene.spoken[0].end > 3.0
