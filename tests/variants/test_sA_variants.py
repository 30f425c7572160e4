"""Variants of scene group sA (CalculatingLimits) through the quality gate.

The ordinary variant is the shipped limits-cubic.toml; an extreme one sits at
the edge of the documented bounds (|a| = 10); hostile ones (a limit that does
not exist or is infinite, a function that jumps on the plot) are refused by the
schema before any frame, naming the parameter. Hypothesis draws random
removable holes (x^2 - c^2)/(x - c) and the gate must stay clean. Each gate
case is one dry run, so there are few of them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from mathkit.expr import parse
from mathkit.limits import HOLE_EXAMPLE, limit
from scenes import outline
from scenes.common.math_text import expr_words
from scenes.common.params import VariantError, load_variant
from tools import quality, variants

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_limits_variant_passes_with_its_own_subtitles(
    media_dir: Path,
) -> None:
    v = load_variant(ROOT / "assets" / "variants" / "limits-cubic.toml")
    report = quality.inspect_scene(
        outline.by_scene(v.scene), params=v.params, media_dir=media_dir
    )
    assert report.findings == [], [str(f) for f in report.findings]
    said = " ".join(c.text for c in report.captions).replace("\n", " ")
    value = limit(v.params.f, v.params.a).value_text()
    assert expr_words(parse(v.params.f)) in said
    assert f"the limit is {value}" in said
    # the course example's hole is not mentioned
    assert "x squared minus 1, over x minus 1" not in said
    assert f"approaches {HOLE_EXAMPLE[1]:g}." not in said


def test_an_extreme_point_within_the_bounds_passes(
    write_variant: Callable[..., Path], media_dir: Path
) -> None:
    path = write_variant(
        "CalculatingLimits", 'f = "(x^2 - 100)/(x + 10)"\na = -10', name="edge"
    )
    v = load_variant(path)
    variants.gate(outline.by_scene(v.scene), v, media_dir=media_dir)


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ('f = "25/x"\na = 0', ["'a'", "does not exist", "−∞", "+∞"]),
        ('f = "1/x^2"\na = 0', ["'a'", "+∞"]),
        ('f = "abs(x)/x"\na = 0', ["'a'", "does not exist"]),
        ('f = "(x^2 - 1)/(x - 1)"\na = 11', ["'a'"]),
        ('f = "(x^2 - 1)/(x - 1) + 1/(x - 2)"\na = 1', ["'f'", "jumps"]),
        ('f = "9^9^9^9"\na = 1', ["'f'", "exponent"]),
    ],
    ids=["two-sides", "infinite", "jump-at-a", "out-of-bounds", "jump-on-plot", "huge"],
)
def test_hostile_limits_are_refused_naming_the_parameter(
    write_variant: Callable[..., Path], params: str, words: list[str]
) -> None:
    with pytest.raises(VariantError) as info:
        load_variant(write_variant("CalculatingLimits", params, name="bad"))
    message = str(info.value)
    for word in words:
        assert word in message, (word, message)


@settings(
    max_examples=2,  # each example is a full dry run
    # No shrinking: each shrink step is another dry run; a failure prints its example.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(c=st.integers(-6, 6))
def test_random_removable_holes_pass_the_gate(
    write_variant: Callable[..., Path], media_dir: Path, c: int
) -> None:
    f = f"(x^2 - {c * c})/(x - ({c}))"
    v = load_variant(
        write_variant("CalculatingLimits", f'f = "{f}"\na = {c}', name="h")
    )
    assert limit(v.params.f, v.params.a).number == pytest.approx(2 * c)
    variants.gate(outline.by_scene(v.scene), v, media_dir=media_dir)
