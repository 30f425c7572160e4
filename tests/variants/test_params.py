"""The variant loader (scenes/common/params.py) and the schemas (scenes/common/schemas.py).

No dry runs here: every case is refused or accepted by the loader alone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from mathkit.classification import SYNTHETIC_N, SYNTHETIC_SEED, synthetic_scores
from mathkit.data import (
    DELTA_DX_SMALL,
    DELTA_POINT_X,
    DELTA_Q_XS,
    INTEGRAL_EXAMPLES,
    RUNNING_FUNCTION,
    VERTEX_X,
)
from mathkit.integrate import ERROR_DEMO
from scenes.common.params import VariantError, load_variant, specs
from scenes.common.schemas import (
    SCHEMAS,
    DeltaMethodParams,
    NumericIntegrationParams,
    RocCurveParams,
)
from tools import example_scores, variants

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "assets" / "variants").glob("*.toml"))


def test_defaults_are_the_course_example() -> None:
    d = DeltaMethodParams()
    assert d.f == RUNNING_FUNCTION
    assert d.x0 == DELTA_POINT_X
    assert [d.x0 + dx for dx in d.dx[:2]] == list(DELTA_Q_XS)
    assert d.dx[2] == DELTA_DX_SMALL
    assert d.x_exercise == VERTEX_X
    n = NumericIntegrationParams()
    assert (n.integrand, n.a, n.b) == INTEGRAL_EXAMPLES[0]
    assert (n.second_integrand, n.second_a, n.second_b) == INTEGRAL_EXAMPLES[1]
    assert (n.test_integrand, n.test_a, n.test_b) == ERROR_DEMO
    labels, scores = synthetic_scores(SYNTHETIC_N, SYNTHETIC_SEED)
    r = RocCurveParams()
    assert np.array_equal(r.data.labels, labels)
    assert np.array_equal(r.data.scores, scores)


@pytest.mark.parametrize("schema", SCHEMAS.values(), ids=lambda s: s.scene)
def test_every_schema_field_is_described_and_its_defaults_pass_the_checks(
    schema: type,
) -> None:
    for spec in specs(schema):
        assert spec.description, spec.name
        assert spec.type, spec.name
    schema().check()
    assert [f.name for f in dataclasses.fields(schema)] == [
        s.name for s in specs(schema)
    ]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_variants_load(path: Path) -> None:
    v = load_variant(path)
    assert v.scene in SCHEMAS
    assert v.files[0] == path.resolve()


def test_the_shipped_variants_are_the_three_examples() -> None:
    loaded = {load_variant(p).scene: load_variant(p) for p in SHIPPED}
    assert "^3" in loaded["DeltaMethod"].params.f
    assert "sin" in loaded["NumericIntegration"].params.integrand
    assert len(loaded["RocCurve"].params.data) == 500


def test_the_shipped_csv_is_what_the_seeded_script_writes() -> None:
    labels, scores = example_scores.example_rows()
    table = load_variant(ROOT / "assets/variants/roc-500.toml").params.data
    assert table.labels.tolist() == labels.tolist()
    assert table.scores == pytest.approx(scores, abs=5e-7)


def test_a_variant_gets_axes_from_its_function(
    write_variant: Callable[..., Path],
) -> None:
    v = load_variant(write_variant("DeltaMethod", 'f = "x^3 - 3x"\nx_exercise = 1'))
    p = v.params
    assert p.x_range != DeltaMethodParams().x_range
    x_lo, x_hi, _ = p.x_range
    assert x_lo <= min(p.needed_x())
    assert max(p.needed_x()) <= x_hi
    assert p.y_range[0] <= -2.0  # the local minimum f(1) = -2 is on the axes
    assert p.line_x[0] >= x_lo
    assert p.line_x[1] <= x_hi


def test_a_constant_bound_expression(write_variant: Callable[..., Path]) -> None:
    v = load_variant(
        write_variant("NumericIntegration", 'integrand = "sin(x)"\na = 0\nb = "pi/2"')
    )
    assert v.params.b == pytest.approx(np.pi / 2)


HOSTILE = [
    # (scene, params TOML, extra top-level TOML, expected words in the message)
    ("DeltaMethod", 'f = "9^9^9^9"', "", ["'f'", "exponent"]),
    ("DeltaMethod", 'f = "10**10**10"', "", ["'f'", "exponent"]),
    ("DeltaMethod", 'f = "x^(10^10^10)"', "", ["'f'", "exponent"]),
    # the bounds are mathkit.expr's own (one set of limits), named in the message
    ("DeltaMethod", 'f = "' + "x+" * 250 + 'x"', "", ["'f'", "MAX_LENGTH"]),
    ("DeltaMethod", 'f = "' + "sin(" * 21 + "x" + ")" * 21 + '"', "", ["MAX_DEPTH"]),
    ("DeltaMethod", 'f = "10000000000000000 x"', "", ["'f'", "MAX_LITERAL"]),
    ("DeltaMethod", 'f = "(x^60)^2"', "", ["'f'", "MAX_EXPONENT"]),
    (
        "NumericIntegration",
        'integrand = "x"\nb = "9^9^9^9"',
        "",
        ["'b'", "MAX_EXPONENT"],
    ),
    ("DeltaMethod", "f = \"__import__('os')\"", "", ["'f'"]),
    ("DeltaMethod", 'f = "sqrt(x)"\nx0 = -2', "", ["'f'", "undefined"]),
    ("DeltaMethod", 'f = "1/x"', "", ["'f'", "x = 0"]),
    # sympy's continuous_domain never returns on this one: the check is numeric
    ("DeltaMethod", 'f = "tan(tan(tan(tan(x))))"', "", ["'f'", "not continuous"]),
    ("DeltaMethod", 'f = "exp(exp(exp(x)))"', "", ["'f'", "overflows"]),
    ("DeltaMethod", 'f = "log(x - 1)"', "", ["'f'"]),
    ("DeltaMethod", 'f = "exp(x^2)"', "", ["'f'", "at most 10000"]),
    ("DeltaMethod", 'f = "x^2"\nx0 = 11', "", ["'x0'", "bounds"]),
    ("DeltaMethod", 'f = "x^2"\nx0 = "two"', "", ["'x0'"]),
    ("DeltaMethod", 'f = "x^2"\nx0 = true', "", ["'x0'", "boolean"]),
    ("DeltaMethod", 'f = "x^2"\ndx = [1, 2, 3]', "", ["'dx'", "decrease"]),
    ("DeltaMethod", 'f = "x^2"\ndx = [1, 0.1]', "", ["'dx'", "3 numbers"]),
    ("DeltaMethod", 'f = "x^2"\ndx = 0.1', "", ["'dx'", "array"]),
    ("DeltaMethod", 'f = "x^2"\nslope = 3', "", ["'slope'", "unknown"]),
    ("DeltaMethod", 'f = "x^2"\nline_x = [0, 1]', "", ["'line_x'", "computed"]),
    ("DeltaMethod", "x0 = 1", "", ["'f'", "missing"]),
    ("DeltaMethod", "f = 3", "", ["'f'", "string"]),
    ("DeltaMethod", 'f = "x^2"', 'colour = "red"', ["'colour'"]),
    (
        "NumericIntegration",
        'integrand = "1/x"\na = -1\nb = 1',
        "",
        ["'integrand'", "x = 0"],
    ),
    ("NumericIntegration", 'integrand = "x"\na = 2\nb = 1', "", ["'b'", "greater"]),
    (
        "NumericIntegration",
        'integrand = "x"\ntest_integrand = "x^3"',
        "",
        ["'test_integrand'", "exactly"],
    ),
    ("NumericIntegration", 'integrand = "x"\nb = 1000', "", ["'b'", "bounds"]),
    ("RocCurve", 'data = "missing.csv"', "", ["'data'", "no file"]),
]


@pytest.mark.parametrize(
    ("scene", "params", "extra", "words"),
    HOSTILE,
    ids=[f"{s}-{p[:24]}" for s, p, _, _ in HOSTILE],
)
def test_hostile_variants_are_refused_naming_the_parameter(
    write_variant: Callable[..., Path],
    scene: str,
    params: str,
    extra: str,
    words: list[str],
) -> None:
    path = write_variant(scene, params, extra=extra)
    with pytest.raises(VariantError) as info:
        load_variant(path)
    message = str(info.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message


@pytest.mark.parametrize(
    ("csv", "words"),
    [
        ("label,score\n1,0.2\n1,0.9\n", ["only one class"]),
        ("label,score\n1,nan\n0,0.9\n", ["row 2", "finite"]),
        ("label,score\n1,0.2,7\n0,0.9\n", ["row 2 has 3 fields"]),
    ],
)
def test_hostile_csv_is_refused(
    write_variant: Callable[..., Path], tmp_path: Path, csv: str, words: list[str]
) -> None:
    (tmp_path / "d.csv").write_text(csv, encoding="utf-8")
    with pytest.raises(VariantError) as info:
        load_variant(write_variant("RocCurve", 'data = "d.csv"'))
    for word in ["'data'", *words]:
        assert word in str(info.value)


def test_a_csv_over_a_million_rows_is_refused(
    write_variant: Callable[..., Path], tmp_path: Path
) -> None:
    (tmp_path / "big.csv").write_bytes(b"label,score\n" + b"1,0.5\n" * (10**6 + 1))
    with pytest.raises(VariantError, match="rows"):
        load_variant(write_variant("RocCurve", 'data = "big.csv"'))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('name = "x"\n[params]\nf = "x"\n', ["missing key 'scene'"]),
        ('scene = "DeltaMethod"\n[params]\nf = "x"\n', ["missing key 'name'"]),
        ('scene = "DeltaMethod"\nname = "../etc"\n[params]\nf = "x"\n', ["'name'"]),
        (
            'scene = "DerivativeNotation"\nname = "a"\n[params]\n',
            ["takes no parameters"],
        ),
        ('scene = "DeltaMethod"\nname = "a"\nparams = 3\n', ["table"]),
        ("scene = [", ["not valid TOML"]),
    ],
)
def test_bad_variant_files_are_refused(
    tmp_path: Path, text: str, words: list[str]
) -> None:
    path = tmp_path / "v.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VariantError) as info:
        load_variant(path)
    for word in words:
        assert word in str(info.value)


def test_a_variant_of_another_scene_is_refused(
    write_variant: Callable[..., Path],
) -> None:
    with pytest.raises(VariantError, match="not of RocCurve"):
        load_variant(write_variant("DeltaMethod", 'f = "x"'), scene="RocCurve")


def test_the_digest_covers_the_variant_and_its_data(
    write_variant: Callable[..., Path], tmp_path: Path
) -> None:
    csv = tmp_path / "d.csv"
    csv.write_text("label,score\n1,0.9\n0,0.2\n", encoding="utf-8")
    v = load_variant(write_variant("RocCurve", 'data = "d.csv"'))
    before = variants.digest(v)
    csv.write_text("label,score\n1,0.9\n0,0.3\n", encoding="utf-8")
    assert variants.digest(load_variant(v.path)) != before
    assert variants.digest(None) == ""


def test_the_readme_reference_matches_the_schemas() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert variants.reference() in text, "run `make params-readme`"


def test_outputs_carry_the_variant_name() -> None:
    from scenes import outline
    from tools import render

    v = load_variant(ROOT / "assets/variants/delta-cubic.toml")
    item = outline.by_scene("DeltaMethod")
    low = render.QUALITIES["low"]
    job = render.Job(item, low, variant=v)
    assert job.destination.name == "DeltaMethod--cubic.mp4"
    assert job.media_dir != render.Job(item, low).media_dir
    assert render.Job(item, low, "gif", variant=v).destination.name == (
        "DeltaMethod--cubic.gif"
    )
    assert render.Job(item, low).destination.name == "DeltaMethod.mp4"


def test_the_manifest_records_the_parameters(tmp_path: Path) -> None:
    import json

    from scenes import outline
    from tools import provenance

    v = load_variant(ROOT / "assets/variants/roc-500.toml")
    out = tmp_path / "RocCurve--scores500.png"
    out.write_bytes(b"")
    item = outline.by_scene("RocCurve")
    provenance.write_manifest(
        out, item, quality="low", fmt="png", digest="d", files=[out]
    )
    variants.annotate_manifest(out, v)
    data = json.loads(provenance.manifest_path(out).read_text(encoding="utf-8"))
    assert data["input_hash"] == "d"
    assert data["variant"]["name"] == "scores500"
    assert data["variant"]["given"] == {"data": "roc-500-scores.csv"}
    assert data["variant"]["parameters"]["data"] == {
        "source": "roc-500-scores.csv",
        "rows": 500,
    }
    assert data["variant"]["files"][-1].endswith("roc-500-scores.csv")
