"""Variants through the layout gate (dry runs, no frames): ordinary, extreme, hostile.

Each parametric scene runs with a few variants through tools.quality.inspect_scene,
the same gate ``make render VARIANT=...`` runs before drawing. Ordinary variants
and extremes within the documented bounds must be clean; a variant that pushes
text off-frame or onto other text is refused with the parameter to change.
Hypothesis draws random cubics within the bounds for DeltaMethod.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from mathkit.data import DELTA_POINT_X, RUNNING_FUNCTION
from mathkit.differentiation import tangent_line
from mathkit.expr import parse, plain
from mathkit.guard import write_scores_csv
from scenes import outline
from scenes.common.math_text import expr_words
from scenes.common.numbers import line_equation
from scenes.common.params import Variant, VariantError, load_variant
from tools import quality, variants

ROOT = Path(__file__).resolve().parents[2]


def _gate(path: Path, media_dir: Path) -> None:
    v = load_variant(path)
    variants.gate(outline.by_scene(v.scene), v, media_dir=media_dir)


# Each case is one dry run (the costly part): the ordinary DeltaMethod variant (a
# cubic) is the shipped delta-cubic.toml, a transcendental f is WIDE_F below, random
# cubics are drawn by hypothesis at the end.
CLEAN = [
    (
        "DeltaMethod",
        "extreme",
        'f = "x^2/10 - 8x"\nx0 = -10\ndx = [6, 0.001, 1e-9]\nx_exercise = 10\n'
        "exercise_dx = [6, 0.5, 0.01]",
    ),
    (
        "NumericIntegration",
        "extreme",
        'integrand = "x^4/1000"\na = -30\nb = 30\nsecond_integrand = "exp(-x^2)"\n'
        'second_a = -100\nsecond_b = 100\ntest_integrand = "cos(x)/(2 + x)"\ntest_a = -1\n'
        "test_b = 100",
    ),
]


@pytest.mark.parametrize(
    ("scene", "label", "params"), CLEAN, ids=[f"{s}-{k}" for s, k, _ in CLEAN]
)
def test_variants_within_the_bounds_pass_the_gate(
    write_variant: Callable[..., Path],
    media_dir: Path,
    scene: str,
    label: str,
    params: str,
) -> None:
    _gate(write_variant(scene, params, name=label), media_dir)


def _own_and_course_words(v: Variant) -> tuple[list[str], list[str]]:
    """Words the variant's subtitles must contain, and the course example's they must not."""
    p = v.params
    if v.scene == "DeltaMethod":
        t = tangent_line(p.f, p.x0)
        own = [expr_words(parse(p.f)), line_equation(t.slope, t.intercept)]
        course = tangent_line(RUNNING_FUNCTION, DELTA_POINT_X).latex
        return own, [course, "running function", "bottom of the curve"]
    if v.scene == "NumericIntegration":
        return [plain(parse(p.integrand)), plain(parse(p.test_integrand))], [
            "found by hand",
            "one arch of sine",
        ]
    return [f"{len(p.data)} items"], ["simulated", "every image let in"]


@pytest.mark.parametrize(
    "name", ["delta-cubic.toml", "integral-sine.toml", "roc-500.toml"]
)
def test_the_shipped_variants_pass_the_gate_with_their_own_subtitles(
    media_dir: Path, name: str
) -> None:
    """One dry run per shipped variant: no layout finding (what variants.gate refuses
    on) and subtitles built from the variant's values, none of the course example's."""
    v = load_variant(ROOT / "assets" / "variants" / name)
    report = quality.inspect_scene(
        outline.by_scene(v.scene), params=v.params, media_dir=media_dir
    )
    assert report.findings == [], [str(f) for f in report.findings]
    said = " ".join(c.text for c in report.captions).replace("\n", " ")
    own, course = _own_and_course_words(v)
    for word in own:
        assert word in said, (word, said)
    for word in course:
        assert word not in said, (word, said)


def test_roc_extremes_pass_the_gate(
    write_variant: Callable[..., Path], media_dir: Path, tmp_path: Path
) -> None:
    write_scores_csv(tmp_path / "two.csv", np.array([1, 0]), np.array([0.9, 0.1]))
    _gate(write_variant("RocCurve", 'data = "two.csv"', name="two"), media_dir)
    rng = np.random.default_rng(3)
    n = 100_000
    write_scores_csv(tmp_path / "big.csv", rng.integers(0, 2, n), rng.random(n))
    _gate(write_variant("RocCurve", 'data = "big.csv"', name="big"), media_dir)


WIDE_F = (
    "999999*sin(x)/777778 + 888887*cos(x)/666667 + 555553*tanh(x)/444447"
    " + 333331*x/222227 + 111113*x^2/987653"
)
"""Too wide to read beside the plot even at the smallest readable size."""
LONG_INTEGRAND = "sqrt(1 + x^2) + tanh(x)*cos(3*x) + exp(-x/5)*sin(7*x) + abs(x - 1)/3"


def test_a_transcendental_formula_passes(
    write_variant: Callable[..., Path], media_dir: Path
) -> None:
    """sin, cos and tanh in f: the labels keep off a wavy curve and its secants."""
    _gate(
        write_variant("DeltaMethod", 'f = "sin(x) + cos(x)/2 + tanh(x)"', name="trig"),
        media_dir,
    )


def test_a_variant_that_breaks_the_layout_is_refused_naming_the_parameter(
    write_variant: Callable[..., Path], media_dir: Path
) -> None:
    """A DeltaMethod variant whose formula is too wide to read (WIDE_F) is refused
    the same way, naming f, through ``make render`` in
    tests/variants/test_variant_cli.py (its "layout" case): one dry run, not two."""
    with pytest.raises(VariantError) as info:
        _gate(
            write_variant(
                "NumericIntegration", f'integrand = "{LONG_INTEGRAND}"', name="bad"
            ),
            media_dir,
        )
    message = str(info.value)
    assert "layout gate refuses" in message
    assert "layout-" in message
    assert "change parameter integrand" in message


@settings(
    max_examples=2,  # each example is a full dry run (about 10 s on a loaded machine)
    # No shrinking: each shrink step is another dry run; a failure prints its example.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    coeffs=st.lists(st.integers(-3, 3), min_size=4, max_size=4).filter(
        lambda c: any(c[:3])
    ),
    x0=st.integers(-6, 6).map(lambda k: k / 2),
    x_exercise=st.integers(-6, 6).map(lambda k: k / 2),
)
def test_random_cubics_pass_the_gate(
    write_variant: Callable[..., Path],
    media_dir: Path,
    coeffs: list[int],
    x0: float,
    x_exercise: float,
) -> None:
    a, b, c, d = coeffs
    f = f"{a}*x^3 + {b}*x^2 + {c}*x + {d}"
    _gate(
        write_variant(
            "DeltaMethod", f'f = "{f}"\nx0 = {x0}\nx_exercise = {x_exercise}', name="h"
        ),
        media_dir,
    )
