"""Variants of the section-5 scenes (issue 14): PartialDerivatives, Gradients, GradientDescent.

Hostile variants are refused by ``load_variant`` (no frame drawn, within a second),
naming the parameter. The shipped variants and extremes within the documented
bounds go through the layout gate (one dry run each) with subtitles built from
their own values. Hypothesis draws valid inputs: the schema's checks (cheap) for
many, the gate (a dry run) for two.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from mathkit.cost import regression_cost, regression_gradient
from mathkit.data import (
    INITIAL_B,
    INITIAL_M,
    REGRESSION_X,
    REGRESSION_Y,
    SADDLE,
    regression_xy,
)
from mathkit.expr import parse
from mathkit.guard import write_points_csv
from mathkit.multivariate import SADDLE_VARS, partial_derivatives
from mathkit.optimize import regression_lr_limit
from scenes import outline
from scenes.common.math_text import expr_words
from scenes.common.params import ParamError, VariantError, load_variant
from scenes.common.schemas_multivariate import (
    MAP_HALF_STEPS,
    MAP_STEPS,
    MAX_EPOCHS,
    MAX_POINTS,
    GradientDescentParams,
    GradientsParams,
    PartialDerivativesParams,
)
from scenes.s5_4_gradients import _Part, _reading, _scale_note, fmt
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
    ("Gradients", 'f = "1/x + y^2"\nx0 = 0\ny0 = 1', "'f'", "undefined at the point"),
    ("Gradients", 'f = "log(x*y)"\nx0 = -1\ny0 = 2', "'f'", "undefined at the point"),
    ("Gradients", 'f = "x^2 + x*y + 3*y^2"\nx0 = 0\ny0 = 0', "'x0'", "zero"),
    ("Gradients", 'f = "(x - 1)^2 + y^2"\nx0 = 1\ny0 = 0', "'x0'", "no arrow"),
    ("Gradients", 'f = "x + y"\npoint = [1, 2]', "'point'", "unknown"),
    ("Gradients", "x0 = 1", "'f'", "missing"),
    ("Gradients", 'f = "x + y"\nx_range = [0, 4, 1]', "'x_range'", "computed"),
    ("Gradients", 'f = "x + y"\nx0 = 11', "'x0'", "bounds"),
    ("Gradients", 'f = "x + z"', "'f'", ""),
    ("Gradients", 'f = "9^9^9^9 + y"', "'f'", ""),
    ("Gradients", 'f = "sqrt(1 - x^2 - y^2)"\nx0 = 0.3\ny0 = 0.2', "'f'", "undefined"),
    ("Gradients", 'f = "exp(5*x*y)"\nx0 = 3\ny0 = 3', "'f'", "at most"),
    ("Gradients", 'f = "x^4 + y^4"\nx0 = 9\ny0 = 9', "'f'", "at most"),
    ("Gradients", 'f = "x/10^5 + y/10^5"', "'f'", "rounds to 0"),
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
    if scene == "Gradients":  # refused by check alone, no dry run
        assert time.monotonic() - started < 1


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
    g = GradientsParams()
    assert g.is_course
    assert g.point == (INITIAL_B, INITIAL_M)
    assert g.complete(frozenset()) == g


# -- through the gate: shipped, extreme --------------------------------------------------
def _said(report: SceneReport) -> str:
    return " ".join(c.text for c in report.captions).replace("\n", " ")


def _course_gradient_numbers() -> list[str]:
    """What the course's Gradients says: its start, gradient and cost, as it writes them."""
    x, y = regression_xy()
    g_b, g_m = regression_gradient(INITIAL_B, INITIAL_M, x, y)
    cost = regression_cost(INITIAL_B, INITIAL_M, x, y)
    return [fmt(INITIAL_B), fmt(INITIAL_M), fmt(g_b), fmt(g_m), fmt(cost, 2)]


@pytest.mark.parametrize(
    "name", ["descent-24.toml", "partial-bowl.toml", "gradient-bowl.toml"]
)
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
    elif v.scene == "Gradients":
        fxy = partial_derivatives(p.f, SADDLE_VARS)
        gx, gy = fxy.at(p.point)
        assert expr_words(fxy.expr) in said, said
        for own in (
            f"x = {fmt(p.x0)}, y = {fmt(p.y0)}",
            f"{fmt(gx)} and {fmt(gy)}",
            f"f is {fmt(fxy.value(p.point), 2)}",
            expr_words(fxy.derivatives[0]),
            expr_words(fxy.derivatives[1]),
        ):
            assert own in said, (own, said)
        for course in _course_gradient_numbers():
            assert not re.search(rf"(?<![\d.]){re.escape(course)}(?![\d])", said), (
                course,
                said,
            )
        for word in (r"\bregression\b", r"\bcost\b", r"\bb\b", r"\bm\b", "valley"):
            assert not re.search(word, said), (word, said)
        assert "partials" in report.beats
        assert "batch" not in report.beats
    else:
        assert expr_words(parse(p.f, ("x", "y"))) in said, said
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


def test_extreme_gradients_pass_the_gate(
    write_variant: Callable[..., Path], media_dir: Path
) -> None:
    """The point at the bounds (-10, 10), f defined only on the smallest map (log x + 11
    on [-10.6, -9.4]), |f| about 1000, components of opposite signs six times apart."""
    path = write_variant(
        "Gradients", 'f = "50*log(x + 11) - y^3"\nx0 = -10\ny0 = 10', name="extreme"
    )
    p = load_variant(path).params
    assert p.x_range[2] == p.y_range[2] == MAP_STEPS[-1]
    _gate(path, media_dir)


def test_a_gradient_map_shrinks_until_f_is_defined_on_it() -> None:
    """log x at x0 = 1: undefined left of 0, so the 6- and 3-unit maps are refused."""
    p = GradientsParams(f="log(x) + y", x0=1, y0=0).complete(frozenset({"f", "x0"}))
    p.check()
    assert p.x_range == pytest.approx((0.4, 1.6, 0.2))
    assert p.y_range == pytest.approx((-0.6, 0.6, 0.2))


# -- the reading is built from the values -------------------------------------------------
def _parts(gx: float, gy: float) -> tuple[_Part, _Part]:
    return (_Part("x", gx, "x colour"), _Part("y", gy, "y colour"))


def test_the_reading_names_the_larger_component_and_the_signs() -> None:
    rows, line, downhill = _reading(_parts(4.0, 7.5))
    assert rows == ["raise y: f rises fast", "raise x: f rises less"]
    assert "the y part is about 1.9 times the x part" in line
    assert "increasing x increases it too, but less" in line
    assert downhill.endswith("the first step mostly decreases y.")
    rows, line, downhill = _reading(_parts(50.0, -300.0))
    assert rows == ["raise y: f falls fast", "raise x: f rises less"]
    assert "the y part is about 6 times" in line
    assert "Increasing y strongly decreases f" in line
    assert "increases it, but less strongly" in line
    assert downhill.endswith("the first step mostly increases y.")


def test_the_reading_of_a_level_or_balanced_gradient() -> None:
    rows, line, _ = _reading(_parts(0.0, -2.0))
    assert rows == ["raise y: f falls", "raise x: f stays level"]
    assert "lies along y" in line
    rows, line, downhill = _reading(_parts(1.0, -1.1))
    assert rows == ["raise y: f falls", "raise x: f rises about as fast"]
    assert "about the same size" in line
    assert "changes y and x about equally" in downhill


@pytest.mark.parametrize(
    ("ratio", "note"),
    [
        (23.03, "arrow drawn 23× shorter"),
        (3.84, "arrow drawn 3.8× shorter"),
        (1.02, "arrow drawn to scale"),
        (0.02, "arrow drawn 50× longer"),
    ],
)
def test_the_arrow_note_says_how_it_was_scaled(ratio: float, note: str) -> None:
    assert _scale_note(ratio) == note


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


@settings(max_examples=25, deadline=None, derandomize=True)
@given(c=quadratic, x0=st.integers(-9, 9), y0=st.integers(-9, 9))
def test_random_gradient_maps_are_square_around_the_point(
    c: list[int], x0: int, y0: int
) -> None:
    """A quadratic's map is square, equal steps, the point 2.5 steps inside (f is
    defined everywhere and |f| < 1400 on any map here, so the largest map is taken); a
    zero gradient (by hand: 2ax + by + d, bx + 2cy + e) is refused naming x0."""
    gx = 2 * c[0] * x0 + c[1] * y0 + c[3]
    gy = c[1] * x0 + 2 * c[2] * y0 + c[4]
    p = GradientsParams(f=_quadratic(c), x0=x0, y0=y0)
    if gx == gy == 0:
        with pytest.raises(ParamError, match=r"'x0'.*zero"):
            p.complete(frozenset({"f", "x0", "y0"})).check()
        return
    p = p.complete(frozenset({"f", "x0", "y0"}))
    p.check()
    (xa, xb, xs), (ya, yb, ys) = p.x_range, p.y_range
    assert xs == ys
    assert xb - xa == pytest.approx(yb - ya)
    assert xb - xa == pytest.approx(2 * MAP_HALF_STEPS * xs)
    assert xs == MAP_STEPS[0]
    for v, lo, hi in ((x0, xa, xb), (y0, ya, yb)):
        assert lo + 2.5 * xs - 1e-9 <= v <= hi - 2.5 * xs + 1e-9


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
