"""hand_over: leaving text is gone before new text is drawn; the play keeps its length."""

from __future__ import annotations

import pytest
from manim import Create, Dot, FadeIn, FadeOut, Line, Text

from scenes.common.handover import HANDOVER, Delayed, hand_over


def _timed(*anims, run_time: float):
    for a in anims:
        a.run_time = run_time
    return list(anims)


def test_text_leaving_and_text_entering_take_turns() -> None:
    old, new = Text("old"), Text("new")
    line = Line()
    out, into, draw = _timed(FadeOut(old), FadeIn(new), Create(line), run_time=3.0)
    played = hand_over([out, into, draw])
    assert played[0] is out
    assert out.get_run_time() == pytest.approx(HANDOVER)
    assert isinstance(played[1], Delayed)
    assert played[1].get_run_time() == pytest.approx(3.0)  # the play's length
    assert played[2] is draw
    assert draw.get_run_time() == 3.0
    # the entering text starts when the leaving one has gone
    [(_, start, end)] = played[1].anims_with_timings
    assert (start, end) == pytest.approx((HANDOVER, 3.0))


def test_a_short_play_splits_in_half() -> None:
    played = hand_over(_timed(FadeOut(Text("a")), FadeIn(Text("b")), run_time=0.8))
    assert played[0].get_run_time() == pytest.approx(0.4)
    [(_, start, _end)] = played[1].anims_with_timings
    assert start == pytest.approx(0.4)


def test_the_entering_text_is_transparent_until_its_turn() -> None:
    new = Text("new")
    [_, later] = hand_over(_timed(FadeOut(Text("old")), FadeIn(new), run_time=2.0))
    later.begin()
    later.interpolate(0.25)  # 0.5 s in: before HANDOVER
    assert max(m.get_fill_opacity() for m in new.family_members_with_points()) < 0.01
    later.interpolate(1.0)
    later.finish()
    assert min(m.get_fill_opacity() for m in new.family_members_with_points()) > 0.99


@pytest.mark.parametrize(
    "anims",
    [
        lambda: [FadeOut(Dot()), FadeIn(Text("b"))],  # nothing leaving holds text
        lambda: [FadeOut(Text("a")), FadeIn(Dot())],  # nothing coming holds text
        lambda: [FadeIn(Text("a")), FadeIn(Text("b"))],  # nothing leaves
    ],
)
def test_plays_without_text_handing_over_are_left_alone(anims) -> None:
    played = anims()
    before = [a.get_run_time() for a in played]
    after = hand_over(list(played))
    assert after == played
    assert [a.get_run_time() for a in after] == before
