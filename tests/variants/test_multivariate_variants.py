"""Variants of the section-5 scenes (issue 14): PartialDerivatives and GradientDescent.

Hostile variants are refused by ``load_variant`` (no frame drawn, within a second),
naming the parameter. The shipped variants and extremes within the documented
bounds go through the layout gate (one dry run each) with subtitles built from
their own values. Hypothesis draws valid inputs: the schema's checks (cheap) for
many, the gate (a dry run) for two.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from mathkit.data import REGRESSION_X, REGRESSION_Y, SADDLE
from mathkit.expr import parse
from mathkit.guard import write_points_csv
from mathkit.optimize import regression_lr_limit
from scenes import outline
from scenes.common.params import VariantError, load_variant
from scenes.common.schemas_multivariate import (
    MAX_EPOCHS,
    MAX_POINTS,
    GradientDescentParams,
    PartialDerivativesParams,
)
from scenes.common.surface_parts import spoken
from tools import quality, variants
from tools.layout_lint import SceneReport

ROOT = Path(__file__).resolve().parents[2]


def _gate(path: Path, media_dir: Path) -> None:
    v = load_variant(path)
    variants.gate(outline.by_scene(v.scene), v, media_dir=media_dir)


def _points(tmp_path: Path, name: str, x: np.ndarray, y: np.ndarray) -> str:
    write_points_csv(tmp_path / name, x, y)
    return name


# -- hostile: refused by the loader, naming the parameter --------------------------------
HOSTILE = [
    ("GradientDescent", "lr = 0.2", "'lr'", "diverge"),
    ("GradientDescent", "lr = 0", "'lr'", "outside its bounds"),
    ("GradientDescent", 'lr = "nan"', "'lr'", ""),
    ("GradientDescent", "epochs = 10.5", "'epochs'", "whole number"),
    ("GradientDescent", f"epochs = {MAX_EPOCHS + 1}", "'epochs'", "bounds"),
    ("GradientDescent", "start = [0.1]", "'start'", "2 numbers"),
    ("GradientDescent", 'speed = "fast"', "speed", ""),
    ("GradientDescent", "start = [100, -100]", "'start'", "cost"),
    ("PartialDerivatives", 'f = "1/x + y"', "'f'", "undefined"),
    ("PartialDerivatives", 'f = "log(x*y)"', "'f'", ""),
    ("PartialDerivatives", 'f = "exp(3*x*y)"', "'f'", "at most"),
    ("PartialDerivatives", 'f = "9^9^9^9 + y"', "'f'", ""),
    ("PartialDerivatives", 'f = "x + z"', "'f'", ""),
    ("PartialDerivatives", 'f = "x^2"\nx0 = 11', "'x0'", "bounds"),
    (
        "PartialDerivatives",
        'f = "x*y"\npoints = [2, 1, 0, -1, -2]',
        "'points'",
        "increase",
    ),
]


@pytest.mark.parametrize(
    ("scene", "params", "name", "why"),
    HOSTILE,
    ids=[f"{s}-{i}" for i, (s, *_) in enumerate(HOSTILE)],
)
def test_hostile_variants_are_refused_naming_the_parameter(
    write_variant: Callable[..., Path], scene: str, params: str, name: str, why: str
) -> None:
    started = time.monotonic()
    with pytest.raises(VariantError) as info:
        load_variant(write_variant(scene, params, name="bad"))
    assert time.monotonic() - started < 5  # a refusal, not a long computation
    message = str(info.value)
    assert name in message, message
    assert why in message, message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("x,y\n1,nan\n2,3\n", "not a finite number"),
        ("x,y\n1,2,3\n2,3\n", "row 2 has 3 fields"),
        ("x\n1\n2\n", "header"),
        ("x,y\n1,2\n", "at least 2"),
        ("x,y\n1,2\n1,3\n", "every x equal"),
        ("x,y\n", "no data rows"),
    ],
)
def test_bad_descent_data_is_refused(
    write_variant: Callable[..., Path], tmp_path: Path, text: str, why: str
) -> None:
    (tmp_path / "d.csv").write_text(text, encoding="utf-8")
    with pytest.raises(VariantError, match="'data'") as info:
        load_variant(write_variant("GradientDescent", 'data = "d.csv"', name="bad"))
    assert why in str(info.value)


def test_too_many_descent_points_are_refused(
    write_variant: Callable[..., Path], tmp_path: Path
) -> None:
    x = np.arange(MAX_POINTS + 1, dtype=float) / MAX_POINTS
    name = _points(tmp_path, "many.csv", x, 1 - x)
    with pytest.raises(VariantError, match=f"at most {MAX_POINTS}"):
        load_variant(write_variant("GradientDescent", f'data = "{name}"', name="big"))


def test_the_divergence_limit_is_where_descent_starts_to_grow() -> None:
    """lr just under 2/lambda_max converges, just over it diverges (the refusal's limit)."""
    x, y = np.array(REGRESSION_X), np.array(REGRESSION_Y)
    limit = regression_lr_limit(x, y)
    assert GradientDescentParams(lr=0.98 * limit).check() is None
    with pytest.raises(ValueError, match="diverge"):
        GradientDescentParams(lr=1.02 * limit).check()


def test_the_defaults_are_the_course_example() -> None:
    assert GradientDescentParams().is_course
    assert PartialDerivativesParams().is_course
    assert PartialDerivativesParams().f == SADDLE
    # a course render: complete() leaves every derived axis alone
    same = PartialDerivativesParams().complete(frozenset())
    assert same == PartialDerivativesParams()


# -- through the gate: shipped, extreme --------------------------------------------------
def _said(report: SceneReport) -> str:
    return " ".join(c.text for c in report.captions).replace("\n", " ")


@pytest.mark.parametrize("name", ["descent-24.toml", "partial-bowl.toml"])
def test_the_shipped_variants_pass_the_gate_with_their_own_subtitles(
    media_dir: Path, name: str
) -> None:
    v = load_variant(ROOT / "assets" / "variants" / name)
    report = quality.inspect_scene(
        outline.by_scene(v.scene), params=v.params, media_dir=media_dir
    )
    assert report.findings == [], [str(f) for f in report.findings]
    said = _said(report)
    p = v.params
    if v.scene == "GradientDescent":
        for own in ("alpha = 0.02", "b = -1, m = 1.5", "400 epochs"):
            assert own in said, (own, said)
        assert "1000" not in said, said
    else:
        assert spoken(parse(p.f, ("x", "y"))) in said, said
        for course in ("saddle", "unchanged"):
            assert course not in said, (course, said)
        assert "depends on x" in said, said


def test_extreme_descent_passes_the_gate(
    write_variant: Callable[..., Path], media_dir: Path, tmp_path: Path
) -> None:
    """The fewest epochs (8), spread-out data, a start far from the fit and a round lr
    at about half the stability limit (0.0165 here)."""
    x = np.linspace(-5, 15, 40)
    y = 0.5 * x - 2 + np.sin(x)
    name = _points(tmp_path, "wide.csv", x, y)
    assert regression_lr_limit(x, y) > 2 * 0.008
    _gate(
        write_variant(
            "GradientDescent",
            f'data = "{name}"\nlr = 0.008\nstart = [1, -1]\nepochs = 8',
            name="extreme",
        ),
        media_dir,
    )


def test_extreme_partials_pass_the_gate(
    write_variant: Callable[..., Path], media_dir: Path
) -> None:
    """Tangent points spread to the bounds: the square grows to [-10.5, 10.5]."""
    _gate(
        write_variant(
            "PartialDerivatives",
            'f = "x*y/10 - sin(x)"\nx0 = -10\ny0 = 10\npoints = [-10, -4, 0, 3, 10]',
            name="extreme",
        ),
        media_dir,
    )


# -- hypothesis ---------------------------------------------------------------------------
quadratic = st.lists(st.integers(-3, 3), min_size=5, max_size=5).filter(any)


def _quadratic(c: list[int]) -> str:
    return f"{c[0]}*x^2 + {c[1]}*x*y + {c[2]}*y^2 + {c[3]}*x + {c[4]}*y"


@settings(max_examples=25, deadline=None, derandomize=True)
@given(c=quadratic, x0=st.integers(-4, 4), y0=st.integers(-4, 4))
def test_random_quadratic_surfaces_are_accepted_and_sized(
    c: list[int], x0: int, y0: int
) -> None:
    """Every valid quadratic gets a square holding its point and z axes holding f."""
    p = PartialDerivativesParams(f=_quadratic(c), x0=x0, y0=y0).complete(
        frozenset({"f", "x0", "y0"})
    )
    p.check()
    lo, hi = p.surface_range[:2]
    assert lo <= min(x0, y0)
    assert max(x0, y0) <= hi


@settings(
    max_examples=2,  # each example is a full dry run
    # No shrinking: each shrink step is another dry run; a failure prints its example.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    share=st.floats(0.05, 0.9),
    start=st.tuples(st.integers(-5, 5), st.integers(-5, 5)),
    epochs=st.integers(8, 300),
)
def test_random_descents_pass_the_gate(
    write_variant: Callable[..., Path],
    media_dir: Path,
    share: float,
    start: tuple[int, int],
    epochs: int,
) -> None:
    x, y = np.array(REGRESSION_X), np.array(REGRESSION_Y)
    lr = share * regression_lr_limit(x, y)
    _gate(
        write_variant(
            "GradientDescent",
            f"lr = {lr!r}\nstart = [{start[0]}, {start[1]}]\nepochs = {epochs}",
            name="h",
        ),
        media_dir,
    )
