"""Tests for mathkit.history: the course timeline file and malformed files in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathkit.history import (
    Era,
    format_year,
    load_timeline,
    timeline_fraction,
)

ERA = """
[[era]]
id = "old"
name = "Old"
start = -500
end = 600
"""


def _event(id_: str = "a", year: str = "-300", era: str = "old", **extra: str) -> str:
    fields = {
        "id": f'"{id_}"',
        "year": year,
        "date": '"c. 300 BC"',
        "who": '"Someone"',
        "short": '"One"',
        "what": '"Something"',
        "say": '"Someone did something."',
        "era": f'"{era}"',
    } | extra
    return (
        "\n[[event]]\n"
        + "\n".join(f"{k} = {v}" for k, v in fields.items() if v is not None)
        + "\n"
    )


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "timeline.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_course_timeline_has_the_milestones() -> None:
    t = load_timeline()
    ids = [e.id for e in t.events]
    for needed in (
        "eudoxus",
        "archimedes",
        "liu-hui",
        "zu-chongzhi",
        "kepler",
        "cavalieri",
        "fermat",
        "newton",
        "leibniz",
        "priority-dispute",
        "cauchy",
        "riemann",
        "weierstrass",
        "linnainmaa",
        "backprop",
    ):
        assert needed in ids
    years = [e.year for e in t.events]
    assert years == sorted(years)
    # content spec 1b dates
    assert t.event("archimedes").year == -287
    assert t.event("newton").year == 1665
    assert t.event("leibniz").year == 1675
    assert t.event("cauchy").year == 1821
    assert t.event("riemann").year == 1854
    assert t.event("linnainmaa").year == 1970
    assert t.event("backprop").year == 1986
    assert "1684" in t.event("leibniz").what
    assert sum(len(t.events_in(e.id)) for e in t.eras) == len(t.events)


def test_valid_minimal_file(tmp_path: Path) -> None:
    t = load_timeline(_write(tmp_path, ERA + _event("a", "-300") + _event("b", "100")))
    assert [e.id for e in t.events] == ["a", "b"]
    assert t.eras == (Era("old", "Old", -500, 600),)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        (ERA + _event(who=None), r"event 1 \(a\): missing required field\(s\) who"),
        (
            ERA + _event(year='"300 BC"'),
            r"event 1 \(a\): field 'year' must be an integer",
        ),
        (ERA + _event(year="-300.5"), "must be an integer"),
        (ERA + _event(year="true"), "must be an integer"),
        (ERA + _event(year="0"), "year 0"),
        (
            ERA + _event("a", "100") + _event("b", "-100"),
            r"event 2 \(b\): not in year order",
        ),
        (ERA + _event("a") + _event("a"), r"event 2 \(a\): duplicate event id"),
        (ERA + _event(era="new"), "unknown era 'new'"),
        (ERA + _event(year="900"), "outside era 'old'"),
        (ERA + _event(what='""'), "non-empty string"),
        (ERA + _event(colour='"red"'), "unknown field"),
        (ERA, r"no \[\[event\]\]"),
        (_event(), r"no \[\[era\]\]"),
        (ERA + "year = [", "invalid TOML"),
        (ERA.replace("end = 600", "end = -600") + _event(), r"era 1 \(old\): start"),
        (ERA + ERA + _event(), "duplicate era id|overlaps"),
    ],
)
def test_malformed_files_name_file_and_entry(
    tmp_path: Path, text: str, match: str
) -> None:
    p = _write(tmp_path, text)
    with pytest.raises(ValueError, match=match) as info:
        load_timeline(p)
    assert str(p) in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not found"):
        load_timeline(tmp_path / "nope.toml")


def test_lookup_errors() -> None:
    t = load_timeline()
    with pytest.raises(ValueError, match="unknown era"):
        t.events_in("bronze-age")
    with pytest.raises(ValueError, match="unknown event"):
        t.event("euler")


@pytest.mark.parametrize(
    ("year", "text"), [(-287, "287 BC"), (263, "AD 263"), (1665, "1665")]
)
def test_format_year(year: int, text: str) -> None:
    assert format_year(year) == text


def test_format_year_zero() -> None:
    with pytest.raises(ValueError, match="no year 0"):
        format_year(0)


@settings(max_examples=50)
@given(start=st.integers(-3000, 2000), width=st.integers(1, 3000), data=st.data())
def test_fraction_is_monotone_and_in_unit_interval(
    start: int, width: int, data: st.DataObject
) -> None:
    era = Era("e", "E", start, start + width)
    a = data.draw(st.integers(start, start + width))
    b = data.draw(st.integers(a, start + width))
    fa, fb = timeline_fraction(a, era), timeline_fraction(b, era)
    assert 0.0 <= fa <= fb <= 1.0
    assert fa == pytest.approx((a - start) / width)


def test_fraction_outside_era() -> None:
    with pytest.raises(ValueError, match="outside era"):
        timeline_fraction(2001, Era("e", "E", 1950, 2000))


def test_spoken_lines_are_speakable_and_agree_with_the_data() -> None:
    """The narration per event: no data-file shorthand, numbers as the sources give them."""
    from mathkit.exhaustion import ARCHIMEDES_LOWER, ARCHIMEDES_UPPER

    t = load_timeline()
    for e in t.events:
        assert e.say.endswith("."), e.id
        for shorthand in ("<", "≈", "3 10/71", "ẏ", "–", "/"):
            assert shorthand not in e.say, (e.id, shorthand)
    arch = t.event("archimedes").say
    lo, hi = ARCHIMEDES_LOWER, ARCHIMEDES_UPPER
    assert f"{lo.numerator} over {lo.denominator}" in arch
    assert f"{hi.numerator} over {hi.denominator}" in arch
    for ev in ("kepler", "cauchy", "riemann", "linnainmaa", "backprop"):
        assert str(t.event(ev).year) in t.event(ev).say
    assert "1684" in t.event("leibniz").say
    # the 1712 dispute sits on a page whose name covers it
    era = next(e for e in t.eras if e.id == t.event("priority-dispute").era)
    assert str(era.start) in era.name
    assert str(era.end) in era.name
