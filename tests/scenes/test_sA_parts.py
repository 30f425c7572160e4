"""Pure helpers of the sA scene parts: spread timeline dots, the era strip."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from mathkit.history import load_timeline
from scenes.common.limits_parts import MIN_TICK_GAP, get_era_strip, spread_positions


@settings(max_examples=40, deadline=None)
@given(xs=st.lists(st.floats(0, 10), min_size=1, max_size=8))
def test_spread_positions_keeps_order_gap_and_bounds(xs: list[float]) -> None:
    xs = sorted(xs)
    gap = 0.2
    out = spread_positions(xs, gap, 0.0, 10.0)
    assert len(out) == len(xs)
    assert all(b - a >= gap - 1e-9 for a, b in itertools.pairwise(out))
    assert all(-1e-9 <= x <= 10 + 1e-9 for x in out)
    # a dot moves only as far as its crowded neighbours force it
    assert max(abs(a - b) for a, b in zip(out, xs, strict=True)) <= gap * len(xs)


def test_every_era_strip_has_separate_dots_and_names() -> None:
    t = load_timeline()
    for era in t.eras:
        strip = get_era_strip(era, t.events_in(era.id))
        xs = [d.get_x() for d in strip.ticks]
        assert all(b - a >= MIN_TICK_GAP - 1e-9 for a, b in itertools.pairwise(xs))
        labels = list(strip.labels)
        # no leader runs through another event's name
        for i, leader in enumerate(strip.leaders):
            for j, label in enumerate(labels):
                if i != j and label.get_bottom()[1] < leader.get_top()[1]:
                    assert not (
                        label.get_left()[0] <= leader.get_x() <= label.get_right()[0]
                    ), (era.id, i, j)
        for i, a in enumerate(labels):
            # each name sits right above its own dot, inside the band's width
            assert a.get_left()[0] >= strip.band.get_left()[0] - 1e-6
            assert a.get_right()[0] <= strip.band.get_right()[0] + 1e-6
            assert a.get_bottom()[1] > strip.band.get_top()[1]
            for b in labels[i + 1 :]:
                apart_x = abs(a.get_x() - b.get_x()) >= (a.width + b.width) / 2
                apart_y = abs(a.get_y() - b.get_y()) >= (a.height + b.height) / 2
                assert apart_x or apart_y, (era.id, a.text, b.text)
