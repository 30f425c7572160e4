"""Tests for mathkit.resources: the shipped file matches content spec 6g; bad files fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from mathkit.resources import DEFAULT_PATH, load_resources

GOOD = """
[[resource]]
kind = "book"
title = "A Book"
by = "Someone"
year = 2001
where = "Chapter 1"

[[next]]
title = "Optimization"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "resources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_file_has_the_spec_list() -> None:
    data = load_resources()
    titles = [r.title for r in data.resources]
    # content spec 6g: the four proposed resources plus the README's book
    assert titles[:4] == [
        "Mathematics for Machine Learning",
        "Deep Learning",
        "Essence of Calculus",
        "Calculus 1 and Multivariable Calculus",
    ]
    assert "Deep Learning Illustrated" in titles
    mml = data.resources[0]
    assert (mml.by, mml.year) == ("Deisenroth, Faisal & Ong", 2020)
    assert "Chapter 5" in mml.where
    gbc = data.resources[1]
    assert (gbc.year, "4" in gbc.where, "6.5" in gbc.where) == (2016, True, True)
    assert [s.title for s in data.next_subjects] == [
        "Probability & Information Theory",
        "Optimization",
    ]


def test_citation() -> None:
    data = load_resources()
    assert data.resources[0].citation == (
        "Deisenroth, Faisal & Ong, Mathematics for Machine Learning (2020)"
    )
    assert data.resources[2].citation == "3Blue1Brown, Essence of Calculus"


def test_good_minimal_file(tmp_path: Path) -> None:
    data = load_resources(write(tmp_path, GOOD))
    assert data.resources[0].note is None
    assert data.next_subjects[0].title == "Optimization"


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[[resource]\n", "not valid TOML"),
        (
            GOOD.replace('by = "Someone"\n', ""),
            r"resource #1 \('A Book'\): missing field",
        ),
        (GOOD.replace('kind = "book"', 'kind = "podcast"'), "kind 'podcast'"),
        (GOOD.replace("year = 2001", 'year = "2001"'), "'year' must be an integer"),
        (GOOD.replace("year = 2001", "year = 20"), "implausible year"),
        (
            GOOD.replace('title = "A Book"', 'title = ""'),
            "'title' must be a non-empty string",
        ),
        (
            GOOD.replace('where = "Chapter 1"', 'where = "Chapter 1"\nurl = "x"'),
            "unknown field",
        ),
        (GOOD.split("[[next]]")[0], r"needs at least one \[\[next\]\]"),
        (GOOD + "\n[extra]\na = 1\n", "unknown top-level"),
        ("resource = 3\nnext = 4\n", r"needs at least one \[\[resource\]\]"),
    ],
)
def test_malformed_files(tmp_path: Path, text: str, match: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ValueError, match=match) as info:
        load_resources(path)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not found"):
        load_resources(tmp_path / "nope.toml")


def test_default_path_is_in_assets() -> None:
    assert DEFAULT_PATH.parts[-3:] == ("assets", "data", "resources.toml")
