"""Partial movies last exactly their frames (scenes.common.base.keep_segments_to_the_frame).

The stitched video's avg_frame_rate was 6159360/410623, not 15/1, when one partial's mp4
edit list rounded 80 frames (5333.3 ms) down to the millisecond. These tests encode real
segments with Manim's encoder and read them back with ffprobe.
"""

from __future__ import annotations

import json
import subprocess
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from manim._config.video_encoder import resolve_video_encoder
from manim.scene.video_segment_encoder import VideoSegmentEncoder

from scenes.common.base import keep_segments_to_the_frame, movie_timescale


@pytest.mark.parametrize(
    ("rate", "ticks"),
    [(15, 3000), (30, 3000), (60, 3000), (Fraction(30000, 1001), 30000)],
)
def test_movie_timescale_counts_whole_frames_and_milliseconds(rate, ticks) -> None:
    scale = movie_timescale(float(rate))
    assert scale == ticks
    frame = Fraction(1) / Fraction(rate)
    assert (frame * scale).denominator == 1
    assert (Fraction(1, 1000) * scale).denominator == 1


def _writer(extension: str) -> SimpleNamespace:
    output = SimpleNamespace(
        is_video=True, transparent=extension == ".mov", segment_extension=extension
    )
    spec = resolve_video_encoder(output, width=64, height=36, frame_rate=15)  # type: ignore[arg-type]
    return SimpleNamespace(
        _create_segment_encoder=lambda target: VideoSegmentEncoder(
            target=target, spec=spec
        )
    )


def _probe(path: Path) -> tuple[float, int, str]:
    out = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-select_streams",
            "v:0",
            "-count_frames",
            "-show_entries",
            "stream=duration,nb_read_frames",
            "-of",
            "json",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    stream = json.loads(out.stdout)["streams"][0]
    trace = subprocess.run(
        ["ffprobe", "-v", "trace", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    scale = next(
        line.split("=")[-1].strip()
        for line in trace.splitlines()
        if "time scale =" in line
    )
    return float(stream["duration"]), int(stream["nb_read_frames"]), scale


@pytest.mark.parametrize("extension", [".mp4", ".mov"])
def test_segment_lasts_its_frames(tmp_path: Path, extension: str) -> None:
    writer = _writer(extension)
    keep_segments_to_the_frame(writer)
    keep_segments_to_the_frame(writer)  # applied once, however often setup runs
    target = tmp_path / f"segment{extension}"
    encoder = writer._create_segment_encoder(target)
    rng = np.random.default_rng(0)
    for _ in range(80):  # 80 / 15 s = 5333.33 ms: not a whole number of milliseconds
        encoder.write_frame(rng.integers(0, 256, (36, 64, 4), dtype=np.uint8))
    encoder.finish()
    duration, frames, scale = _probe(target)
    assert frames == 80
    assert scale == str(movie_timescale(15))
    assert duration == pytest.approx(80 / 15, abs=1e-6)


def test_other_containers_are_left_alone(tmp_path: Path) -> None:
    writer = _writer(".webm")
    keep_segments_to_the_frame(writer)
    encoder = writer._create_segment_encoder(tmp_path / "segment.webm")
    assert "movie_timescale" not in encoder._container.options
    encoder.abort()
