"""tools.subtitles: SRT/WebVTT round trip and the readability checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenes.common.base import split_caption
from tools.subtitles import Cue, check, compose_srt, compose_vtt, parse_srt, srt_to_vtt

SRT = """1
00:00:00,000 --> 00:00:04,800
The chain rule differentiates a function
nested inside another function.

2
00:01:04,800 --> 00:01:09,133
Take the course example.
"""


def test_parse_srt() -> None:
    cues = parse_srt(SRT)
    assert cues[0] == Cue(
        0.0,
        4.8,
        "The chain rule differentiates a function\nnested inside another function.",
    )
    assert cues[1].start == pytest.approx(64.8)
    assert cues[1].end == pytest.approx(69.133)


def test_round_trip_and_vtt(tmp_path: Path) -> None:
    cues = parse_srt(SRT)
    assert parse_srt(compose_srt(cues)) == cues
    vtt = compose_vtt(cues)
    assert vtt.startswith("WEBVTT\n\n00:00:00.000 --> 00:00:04.800\n")
    src = tmp_path / "a.srt"
    src.write_text(SRT)
    srt_to_vtt(src, tmp_path / "a.vtt")
    assert "00:01:04.800 --> 00:01:09.133" in (tmp_path / "a.vtt").read_text()


def test_malformed_srt_raises() -> None:
    with pytest.raises(ValueError, match="time"):
        parse_srt("1\nno times here\ntext\n")


def test_check_accepts_good_subtitles() -> None:
    cues = [
        Cue(0, 4, "Hello there."),
        Cue(4, 9, "Two lines\nof text."),
        Cue(12, 16, "End."),
    ]
    assert check(cues, duration=20) == []


@pytest.mark.parametrize(
    ("cues", "duration", "fragment"),
    [
        ([Cue(0, 3, "a\nb\nc")], 3, "3 lines"),
        ([Cue(0, 9, "x" * 43)], 9, "line of 43 characters"),
        ([Cue(0, 1, "x" * 40)], 1, "characters/s"),
        ([Cue(0, 2, "one"), Cue(11, 13, "two")], 13, "silent gap of 9.0s"),
        ([Cue(0, 2, "one")], 12, "at the end of the video"),
        ([Cue(9, 11, "late")], 11, "silent gap of 9.0s before"),
    ],
)
def test_check_reports_each_problem(
    cues: list[Cue], duration: float, fragment: str
) -> None:
    problems = check(cues, duration)
    assert any(fragment in p for p in problems), problems


def test_split_caption_respects_limits() -> None:
    text = " ".join(["word"] * 60)
    chunks = split_caption(text)
    assert len(chunks) > 1
    for chunk in chunks:
        lines = chunk.splitlines()
        assert len(lines) <= 2
        assert all(len(line) <= 42 for line in lines)
    assert " ".join(" ".join(c.splitlines()) for c in chunks) == text
