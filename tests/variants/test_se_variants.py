"""Variants of the section-6 scenes (helper sE): classification data sets and hand integrals.

BinaryClassification, ConfusionMatrix and RocArea take a small labels-and-scores
CSV; IntegralsManually takes its two integrands and bounds. For each, the shipped
example (ordinary) and an extreme within the documented bounds go through the
layout gate (a dry run each, the costly part), and hostile inputs are refused,
naming the parameter, before any frame (cheap). Hypothesis draws random valid
inputs within the bounds for one classification scene and for the integrals.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from mathkit.guard import write_scores_csv
from scenes import outline
from scenes.common.params import VariantError, load_variant
from scenes.common.schemas_classification import MAX_ITEMS, MIN_SCORE_GAP
from tools import quality, variants

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = {
    "BinaryClassification": "binary-six.toml",
    "ConfusionMatrix": "confusion-six.toml",
    "RocArea": "rocarea-tie.toml",
    "IntegralsManually": "integrals-quadratic.toml",
}
COURSE_WORDS = {
    "BinaryClassification": ["0.3, 0.5, 0.6 and 0.9", "usual choice"],
    "ConfusionMatrix": ["t = 0.5"],
    "RocArea": ["hot-dog ROC curve", "0.75"],
    "IntegralsManually": ["course example", "x/2", "3/4"],
}
OWN_WORDS = {
    "BinaryClassification": ["0.15, 0.35, 0.45, 0.7, 0.8 and 0.92", "t = 0.4"],
    "ConfusionMatrix": ["t = 0.6"],
    "RocArea": ["your 5 scored items", "ties with"],
    "IntegralsManually": ["3x²", "x + 1", "trapezoid"],
}


def _gate(path: Path, media_dir: Path) -> None:
    v = load_variant(path)
    variants.gate(outline.by_scene(v.scene), v, media_dir=media_dir)


@pytest.mark.parametrize("scene", sorted(SHIPPED))
def test_the_shipped_examples_pass_the_gate_with_their_own_subtitles(
    media_dir: Path, scene: str
) -> None:
    v = load_variant(ROOT / "assets" / "variants" / SHIPPED[scene])
    assert v.scene == scene
    item = outline.by_scene(scene)
    assert item is not None
    report = quality.inspect_scene(item, params=v.params, media_dir=media_dir)
    assert report.findings == [], [str(f) for f in report.findings]
    said = " ".join(c.text for c in report.captions).replace("\n", " ")
    for word in OWN_WORDS[scene]:
        assert word in said, (word, said)
    for word in COURSE_WORDS[scene]:
        assert word not in said, (word, said)


def test_extremes_within_the_bounds_pass_the_gate(
    write_variant: Callable[..., Path], media_dir: Path, tmp_path: Path
) -> None:
    """The most items with the closest scores; the fewest; a wide integrand."""
    n = MAX_ITEMS
    scores = np.round(0.5 + MIN_SCORE_GAP * (np.arange(n) - n / 2), 2)
    write_scores_csv(tmp_path / "dense.csv", np.arange(n) % 2, scores)
    _gate(
        write_variant(
            "ConfusionMatrix", 'data = "dense.csv"\nthreshold = 0.5', name="dense"
        ),
        media_dir,
    )
    write_scores_csv(tmp_path / "two.csv", np.array([0, 1]), np.array([0.99, 0.01]))
    _gate(write_variant("RocArea", 'data = "two.csv"', name="two"), media_dir)
    _gate(
        write_variant(
            "IntegralsManually",
            'integrand = "x^2/1000 + 2"\na = -100\nb = 100\n'
            'second_integrand = "5x"\nsecond_a = 90\nsecond_b = 100',
            name="wide",
        ),
        media_dir,
    )


HOSTILE = [
    (
        "BinaryClassification",
        "one class",
        "label,score\n1,0.2\n1,0.7\n",
        "",
        "only one class",
    ),
    (
        "ConfusionMatrix",
        "NaN",
        "label,score\n0,0.2\n1,nan\n",
        "",
        "not a finite number",
    ),
    ("RocArea", "mismatched columns", "label,score\n0,0.2\n1,0.7,3\n", "", "fields"),
    (
        "BinaryClassification",
        "too many to draw",
        "label,score\n" + "".join(f"{i % 2},{(i + 1) / 10:.1f}\n" for i in range(7)),
        "",
        "at most 6",
    ),
    ("ConfusionMatrix", "icons overlap", "label,score\n0,0.5\n1,0.55\n", "", "overlap"),
    (
        "RocArea",
        "score out of range",
        "label,score\n0,0\n1,0.7\n",
        "",
        "strictly between",
    ),
    (
        "BinaryClassification",
        "long decimals",
        "label,score\n0,0.123\n1,0.7\n",
        "",
        "decimals",
    ),
    (
        "ConfusionMatrix",
        "threshold off the data",
        "label,score\n0,0.2\n1,0.7\n",
        "threshold = 0.9",
        "threshold",
    ),
]


@pytest.mark.parametrize(
    ("scene", "case", "csv", "extra", "words"), HOSTILE, ids=[h[1] for h in HOSTILE]
)
def test_hostile_data_is_refused_naming_the_parameter(
    write_variant: Callable[..., Path],
    tmp_path: Path,
    scene: str,
    case: str,
    csv: str,
    extra: str,
    words: str,
) -> None:
    (tmp_path / "bad.csv").write_text(csv, encoding="utf-8")
    with pytest.raises(VariantError) as info:
        load_variant(write_variant(scene, f'data = "bad.csv"\n{extra}', name="bad"))
    message = str(info.value)
    assert words in message, message
    param = "threshold" if extra else "data"
    assert f"parameter {param!r}" in message, message


def test_more_than_a_million_rows_is_refused_naming_the_parameter(
    write_variant: Callable[..., Path], tmp_path: Path
) -> None:
    rows = "".join(f"{i % 2},0.5\n" for i in range(10**6 + 1))
    (tmp_path / "huge.csv").write_text("label,score\n" + rows, encoding="utf-8")
    with pytest.raises(VariantError, match=r"parameter 'data'.*at most 1,000,000"):
        load_variant(write_variant("RocArea", 'data = "huge.csv"', name="huge"))


@pytest.mark.parametrize(
    ("params", "param", "words"),
    [
        ('integrand = "sin(x)"', "integrand", "power terms"),
        ('integrand = "x - 3"', "integrand", "negative"),
        ('integrand = "1/x"\na = -1\nb = 1', "integrand", "power"),
        ('integrand = "x^2"\na = 2\nb = 1', "b", "greater than"),
        ('integrand = "x"\nsecond_integrand = "x^(10^10^10)"', "second_integrand", ""),
        ('integrand = "x"\nx_range = [0, 1, 0.5]', "x_range", "computed"),
    ],
    ids=["not polynomial", "negative area", "1/x", "reversed", "huge power", "derived"],
)
def test_hostile_integrals_are_refused_naming_the_parameter(
    write_variant: Callable[..., Path], params: str, param: str, words: str
) -> None:
    with pytest.raises(VariantError) as info:
        load_variant(write_variant("IntegralsManually", params, name="bad"))
    message = str(info.value)
    assert f"parameter {param!r}" in message, message
    assert words in message, message


@settings(
    max_examples=1,  # each example is two full dry runs
    # No shrinking: each shrink step is another dry run; a failure prints its example.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    cents=st.lists(st.integers(5, 95), min_size=2, max_size=MAX_ITEMS, unique=True)
    .map(sorted)
    .filter(
        lambda c: all(b - a >= 100 * MIN_SCORE_GAP for a, b in itertools.pairwise(c))
    ),
    flips=st.lists(st.booleans(), min_size=MAX_ITEMS, max_size=MAX_ITEMS),
    coeffs=st.lists(st.integers(0, 4), min_size=3, max_size=3).filter(any),
    bounds=st.tuples(st.integers(0, 5), st.integers(1, 4)),
)
def test_random_valid_variants_pass_the_gate(
    write_variant: Callable[..., Path],
    media_dir: Path,
    tmp_path: Path,
    cents: list[int],
    flips: list[bool],
    coeffs: list[int],
    bounds: tuple[int, int],
) -> None:
    labels = np.array([int(f) for f in flips[: len(cents)]])
    labels[0], labels[-1] = 0, 1  # both classes
    write_scores_csv(tmp_path / "h.csv", labels, np.array(cents) / 100)
    threshold = cents[len(cents) // 2] / 100  # above the lowest score, at most the top
    _gate(
        write_variant(
            "BinaryClassification", f'data = "h.csv"\nthreshold = {threshold}', name="h"
        ),
        media_dir,
    )
    c2, c1, c0 = coeffs
    a, width = bounds
    _gate(
        write_variant(
            "IntegralsManually",
            f'integrand = "{c2}*x^2 + {c1}*x + {c0}"\na = {a}\nb = {a + width}',
            name="hi",
        ),
        media_dir,
    )
