"""``make bench`` plumbing that a fresh clone meets (the figures themselves are not tested)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import bench


def test_scratch_folders_work_in_a_fresh_clone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh clone has no .build/ yet: the first bench row failed on it."""
    build = tmp_path / "clone" / ".build"
    monkeypatch.setattr(bench, "BUILD", build)
    with bench.scratch() as tmp:
        assert Path(tmp).parent == build
        assert Path(tmp).is_dir()
    assert not Path(tmp).exists()


@pytest.mark.parametrize(
    ("value", "target", "word"),
    [(1.4, 1.5, "met"), (1.5, 1.5, "met"), (2.1, 1.5, "NOT met")],
)
def test_each_figure_says_whether_its_target_is_met(
    value: float, target: float, word: str
) -> None:
    assert bench.verdict(value, target).endswith(f": {word}")
