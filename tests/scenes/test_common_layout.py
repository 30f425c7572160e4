"""The shared layout API of scenes/common: spacing tokens, outline titles, opening, stage, fill.

The opening and ``narrate(fill=True)`` are checked on real tiny scenes run
under Manim's dry run (the gate's settings), with every play timed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from manim import (
    DL,
    Animation,
    Axes,
    Circle,
    Create,
    DecimalNumber,
    Line,
    Mobject,
    Rectangle,
    Square,
    Text,
    VGroup,
    Wait,
    config,
    tempconfig,
)

from scenes import outline
from scenes.common import limits_parts
from scenes.common.base import TITLE_SECONDS, LectureScene, LectureScene3D
from scenes.common.mobjects import (
    CLIP_SLACK,
    FRAME_RESERVE,
    PlotAxes,
    clip_to_axes,
    fit_to_stage,
    get_axes,
    get_card,
    get_clipped_graph,
    get_line_through,
    get_readout,
    get_title,
    stage_box,
    tick_values,
)
from scenes.common.theme import EDGE_BUFF, FONT, SIZES, SPACE, SUBTITLE_ZONE
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
    assert (
        confusion.subtitle == "Counting hits and mistakes"
    )  # added with 6.2's opening


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


def test_fit_to_stage_grows_at_most_as_asked_and_still_shrinks() -> None:
    small = Square(side_length=1)
    fit_to_stage(small, grow=True, most=1.5)
    assert small.height == pytest.approx(1.5)
    big = Rectangle(width=30, height=1)
    fit_to_stage(big, grow=True, most=1.5)  # the cap never stops it shrinking to fit
    left, right, _, _ = stage_box()
    assert big.width == pytest.approx(right - left)


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


# -- the plot frame ------------------------------------------------------------------


def inside(axes: PlotAxes, mob: Mobject, tol: float = CLIP_SLACK + 1e-6) -> bool:
    """Whether every point of ``mob``'s family lies in the plot box of ``axes``."""
    lo, hi = axes.box()
    pts = np.vstack([m.points for m in mob.family_members_with_points()])
    return bool(
        np.all(pts[:, 0] >= lo[0] - tol)
        and np.all(pts[:, 0] <= hi[0] + tol)
        and np.all(pts[:, 1] >= lo[1] - tol)
        and np.all(pts[:, 1] <= hi[1] + tol)
    )


def test_tick_values_thin_out_to_a_readable_step() -> None:
    assert tick_values(-1.5, 1.5, 0.5, 5.0, vertical=False) == [-1.0, 0.0, 1.0]
    assert tick_values(0, 5, 1, 3.0, vertical=True) == [0, 2, 4]
    assert tick_values(0, 4, 1, 5.0, vertical=False) == [0, 1, 2, 3, 4]
    # a range holding 0 ticks through 0, even when it does not start on the step
    assert tick_values(-3.5, 3.5, 1, 4.8, vertical=False) == [-2, 0, 2]
    assert tick_values(-1, 27, 5, 4.0, vertical=True) == [0, 10, 20]
    # a range that does not start on the step keeps Manim's ticks from its start
    assert tick_values(0.98, 1.02, 0.01, 6.0, vertical=False) == pytest.approx(
        [0.98, 0.99, 1.0, 1.01, 1.02]
    )


def test_axes_are_a_plot_frame_with_numbers_outside_the_box() -> None:
    axes = get_axes([-1.5, 1.5, 0.5], [-12, 12, 6], width=6, height=4, y_label="f'(x)")
    lo, hi = axes.box()
    # the frame lines are the box's bottom and left edges
    bottom, left = axes.frame
    assert bottom.get_start() == pytest.approx(lo)
    assert bottom.get_end()[1] == pytest.approx(lo[1])
    assert left.get_end()[0] == pytest.approx(lo[0])
    # Manim's origin lines are kept for the coordinates but not drawn
    assert axes.x_axis.get_stroke_width() == 0
    plain = Axes(
        x_range=[-1.5, 1.5, 0.5],
        y_range=[-12, 12, 6],
        x_length=6 - FRAME_RESERVE[0],
        y_length=4 - FRAME_RESERVE[1],
    )
    plain.move_to(axes.frame)
    assert axes.c2p(0.7, 3.0) - axes.c2p(0, 0) == pytest.approx(
        plain.c2p(0.7, 3.0) - plain.c2p(0, 0)
    )
    # numbers under the bottom edge and left of the left edge, ~12 px tall at 480p
    xs, ys = axes.x_axis.numbers, axes.y_axis.numbers
    assert [n.get_value() for n in xs] == [-1, 0, 1]
    assert [n.get_value() for n in ys] == [-12, -6, 0, 6, 12]
    assert all(n.get_top()[1] < lo[1] for n in xs)
    assert all(n.get_right()[0] < lo[0] for n in ys)
    px = config.pixel_height / config.frame_height * (480 / config.pixel_height)
    digit = xs[1].height * px
    assert 11 <= digit <= 13.5
    # box and numbers take about the width x height asked for
    drawn = VGroup(axes.frame, xs, ys)
    assert drawn.width == pytest.approx(6, abs=0.15)
    assert drawn.height == pytest.approx(4, abs=0.15)
    # labels outside the box: x right of it, y above it
    x_label, y_label = axes.axis_labels
    assert x_label.get_left()[0] > hi[0]
    assert y_label.get_bottom()[1] > hi[1]
    assert y_label.get_right()[0] <= lo[0] + 1e-6


def test_axes_keep_the_callers_numbers_and_exclusions() -> None:
    axes = get_axes(
        [0, 4, 1],
        [0, 10, 2],
        y_axis_config={"numbers_to_include": [0, 5, 10]},
        x_axis_config={"numbers_to_exclude": [0]},
    )
    assert [n.get_value() for n in axes.y_axis.numbers] == [0, 5, 10]
    assert [n.get_value() for n in axes.x_axis.numbers] == [1, 2, 3, 4]
    bare = get_axes([0, 4, 1], [0, 10, 2], numbers=False)
    assert len(bare.x_axis.numbers) == 0


def test_clipped_graph_and_lines_stay_in_the_plot_box() -> None:
    axes = get_axes([-2.5, 2.5, 1], [0, 3, 1])
    # (x^2 - 2)^2 leaves the box at both ends and over its middle hump (4 > 3)
    graph = get_clipped_graph(axes, lambda x: (x * x - 2) ** 2)
    assert inside(axes, graph)
    assert len(graph.get_subpaths()) == 2
    line = get_line_through(axes, 3.0, 1.0, [-5, 5])
    assert inside(axes, line)
    # the cut line still lies on y = 3x + 1, from y = 0 to y = 3
    (x0, y0), (_, y1) = (axes.p2c(line.get_start()), axes.p2c(line.get_end()))
    assert (y0, y1) == pytest.approx((0.0, 3.0), abs=0.01)
    assert y0 == pytest.approx(3 * x0 + 1, abs=1e-6)
    contour = clip_to_axes(axes, Circle(radius=2).move_to(axes.c2p(2.5, 3)))
    assert inside(axes, contour)
    assert contour.has_points()
    untouched = Line(axes.c2p(-1, 1), axes.c2p(1, 2))
    before = untouched.points.copy()
    clip_to_axes(axes, untouched)
    assert untouched.points == pytest.approx(before)


# -- readouts and cards ------------------------------------------------------------------


def test_text_readouts_set_their_digits_in_the_course_font() -> None:
    row = get_readout("slope = speed =", 20.0, tex=False, decimals=1)
    assert all(isinstance(d, Text) for d in row.number)
    assert {d.font for d in row.number} == {FONT}
    assert isinstance(row.label, Text)
    # as tall as the TeX digits the readout used to show
    tex_digits = DecimalNumber(20.0, num_decimal_places=1, font_size=SIZES.tex_small)
    assert row.number[0].height == pytest.approx(tex_digits[0].height, rel=0.05)
    row.number.set_value(31.5)
    assert all(isinstance(d, Text) for d in row.number)
    assert limits_parts.get_readout("speed", 12.0, unit="m/s").number[0].font == FONT
    formula = get_readout("C", 0.25)
    assert not any(isinstance(d, Text) for d in formula.number)


def test_cards_keep_the_frame_margin() -> None:
    body = Text("a card by the edge", font=FONT).to_corner(DL, buff=EDGE_BUFF)
    card = get_card(body, buff=0.3)
    half_w, half_h = config.frame_width / 2, config.frame_height / 2
    assert card.get_left()[0] == pytest.approx(-half_w + EDGE_BUFF)
    assert card.get_bottom()[1] == pytest.approx(-half_h + EDGE_BUFF)
    centred = get_card(Text("centred", font=FONT))
    assert centred.get_center() == pytest.approx(np.zeros(3), abs=1e-6)


def test_opening_in_a_3d_scene_fixes_the_title_in_the_frame(tmp_path: Path) -> None:
    def construct(self: LectureScene3D) -> None:
        self.opening(Square(), "A function of two inputs is a surface.")
        self.wait()

    cls = type("PartialDerivatives", (LectureScene3D,), {"construct": construct})
    with tempconfig({**DRY_RUN_CONFIG, "media_dir": str(tmp_path)}):
        scene = cls()
        scene.render()
    assert scene.title[0].text == "PartialDerivatives"
    assert set(scene.title.get_family()) <= set(
        scene.renderer.camera.fixed_in_frame_mobjects
    )
