"""Variants of the rule scenes (2.4-2.9): shipped, extreme, hostile, random (dry runs).

Each rule scene's shipped variant runs through the quality gate with its own
subtitles (none of the course example's expression); an extreme variant within
the bounds is clean; hostile ones are refused naming the parameter, before any
frame; hypothesis draws random polynomials for the sum rule.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from mathkit.expr import parse
from scenes import outline
from scenes.common.math_text import expr_text
from scenes.common.narration import speakable
from scenes.common.params import VariantError, load_variant
from tools import quality, variants

ROOT = Path(__file__).resolve().parents[2]

SHIPPED = {
    "power-cube.toml": ("x³", "x⁴"),
    "constant-multiple-sine.toml": ("3sin(x)", "2x⁴"),
    "sum-cubic.toml": ("x³ - 4x + 1", "x² + 2x + 2"),
    "product-x-sine.toml": ("x² + 1", "x² + 2x + 2"),
    "quotient-ratio.toml": ("x²/(x² + 1)", "limit example"),
    "chain-cube.toml": ("(2x + 1)³", "(5x + 25)"),
}


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_shipped_rule_variants_pass_the_gate_with_their_own_subtitles(
    media_dir: Path, name: str
) -> None:
    v = load_variant(ROOT / "assets" / "variants" / name)
    report = quality.inspect_scene(
        outline.by_scene(v.scene), params=v.params, media_dir=media_dir
    )
    assert report.findings == [], [str(f) for f in report.findings]
    said = " ".join(c.text for c in report.captions).replace("\n", " ")
    own, course = SHIPPED[name]
    assert own in said, (own, said)
    assert course not in said, (course, said)
    for code in ("**", "^", "*"):
        assert code not in said, (code, said)


def test_an_extreme_power_within_the_bounds_is_clean(
    write_variant: Callable[..., Path], media_dir: Path
) -> None:
    path = write_variant(
        "PowerRule", 'f = "x^8"\nx_range = [-1, 1, 0.5]\nconstant = -9999', name="eight"
    )
    v = load_variant(path)
    variants.gate(outline.by_scene(v.scene), v, media_dir=media_dir)


HOSTILE = [
    ("PowerRule", 'f = "x^2 + 1"', "'f' must be a power of x"),
    ("PowerRule", 'f = "x^-2"', "'f' is undefined at x = 0"),
    ("PowerRule", 'f = "x^9"', "|n| <= 8"),
    ("ConstantMultipleRule", 'f = "x^2"', "'f' must be a constant"),
    ("SumRule", 'f = "x^3"', "'f' must be a sum"),
    ("ProductRule", 'w = "3"\nz = "x"', "'w' = '3' does not depend on x"),
    ("ProductRule", 'w = "-x^2 - 1"\nz = "x"', "'w' and z must both be positive"),
    ("QuotientRule", 'w = "x"\nz = "x - 1"', "'z' is"),
    (
        "ChainRule",
        'composite = "x^2 + 1"',
        "'composite' = 'x^2 + 1' is not a composite",
    ),
    ("ChainRule", 'composite = "log(x)^2"\nx0 = -1', "'composite'"),
    ("SumRule", 'f = "exp(x^2) + x"\nx_range = [-9, 9, 3]', "at most 10000"),
]


@pytest.mark.parametrize(
    ("scene", "params", "message"),
    HOSTILE,
    ids=[f"{s}-{i}" for i, (s, _, _) in enumerate(HOSTILE)],
)
def test_hostile_rule_variants_are_refused_naming_the_parameter(
    write_variant: Callable[..., Path], scene: str, params: str, message: str
) -> None:
    with pytest.raises(VariantError) as info:
        load_variant(write_variant(scene, params, name="bad"))
    assert message in str(info.value)


@settings(
    max_examples=2,
    # No shrinking: each shrink step is another dry run; a failure prints its example.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    a=st.integers(-3, 3).filter(bool),
    b=st.integers(-5, 5),
    c=st.integers(-5, 5),
)
def test_random_sums_keep_the_gate_clean(
    write_variant: Callable[..., Path], media_dir: Path, a: int, b: int, c: int
) -> None:
    f = f"{a}x^3 + {b}x + {c}" if b else f"{a}x^3 + {c}x^2 + 1"
    v = load_variant(write_variant("SumRule", f'f = "{f}"', name="rand"))
    report = quality.inspect_scene(
        outline.by_scene("SumRule"), params=v.params, media_dir=media_dir
    )
    assert report.findings == [], [str(f) for f in report.findings]


def test_subtitle_text_is_positive_first_with_superscripts() -> None:
    assert expr_text(parse("(1 - x^2)/(x^2 + 1)^2")) == "(1 - x²)/(x² + 1)²"
    assert expr_text(parse("375(x + 5)^2")) == "375(x + 5)²"
    assert expr_text(parse("2x + 2")) == "2x + 2"
    assert speakable("f′(x) = 4x³") == "f prime(x) = 4x cubed"
