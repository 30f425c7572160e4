"""`make render VARIANT=...` as a user runs it: hostile variants are refused, nothing written.

Each case goes through the Makefile (its stdlib pre-check, then the render tool
in the virtualenv) with ``RENDERS_DIR`` pointed at a temporary folder, which must
stay empty. The last case is refused by the layout gate, after a dry run.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from test_variant_gate import WIDE_F

ROOT = Path(__file__).resolve().parents[2]


def make(*args: str, renders: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run make with a clean environment and a private renders folder."""
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SCENE", "QUALITY", "FORMAT", "VARIANT", "LECTURE_VARIANT"}
    }
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=ROOT,
        env={**base, "RENDERS_DIR": str(renders), **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


HOSTILE = [
    ("DeltaMethod", 'f = "9^9^9^9"', None, ["parameter 'f'", "exponent"]),
    ("DeltaMethod", 'f = "sqrt(x)"\nx0 = -2', None, ["parameter 'f'", "undefined"]),
    ("DeltaMethod", 'f = "x^2"\nsteps = 4', None, ["parameter 'steps'", "unknown"]),
    (
        "RocCurve",
        'data = "one.csv"',
        "label,score\n1,0.4\n1,0.8\n",
        ["parameter 'data'", "only one class"],
    ),
    (
        "RocCurve",
        'data = "nan.csv"',
        "label,score\n1,0.4\n0,nan\n",
        ["parameter 'data'", "row 3"],
    ),
    (
        "DeltaMethod",
        f'f = "{WIDE_F}"',
        None,
        # five long fractions: no readable size fits them beside the plot
        ["layout gate refuses", "layout-", "change parameter f"],
    ),
]


@pytest.mark.parametrize(
    ("scene", "params", "csv", "words"),
    HOSTILE,
    ids=["huge-power", "undefined", "unknown-key", "one-class", "nan", "layout"],
)
def test_make_render_refuses_a_hostile_variant_and_writes_nothing(
    write_variant: Callable[..., Path],
    tmp_path: Path,
    scene: str,
    params: str,
    csv: str | None,
    words: list[str],
) -> None:
    if csv is not None:
        name = params.split('"')[1]
        (tmp_path / name).write_text(csv, encoding="utf-8")
    variant = write_variant(scene, params, name="hostile")
    renders = tmp_path / "renders"
    proc = make("render", f"VARIANT={variant}", "QUALITY=low", renders=renders)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("error: "), proc.stderr
    for word in words:
        assert word in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert _files(renders) == []


def test_a_variant_for_another_scene_is_refused_by_the_precheck(
    write_variant: Callable[..., Path], tmp_path: Path
) -> None:
    variant = write_variant("RocCurve", 'data = "x.csv"')
    proc = make("render", "SCENE=DeltaMethod", f"VARIANT={variant}", renders=tmp_path)
    assert proc.returncode == 2
    assert "is a variant of RocCurve, not of DeltaMethod" in proc.stderr


@pytest.mark.parametrize("target", ["slides", "still"])
def test_every_command_refuses_a_variant_for_another_scene(
    target: str, write_variant: Callable[..., Path], tmp_path: Path
) -> None:
    """render, still and slides share one check (tools.variants.scene_of)."""
    variant = write_variant("RocCurve", 'data = "x.csv"')
    proc = make(target, "SCENE=DeltaMethod", f"VARIANT={variant}", renders=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert "is a variant of RocCurve, not of DeltaMethod" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_make_course_refuses_a_hostile_variant_and_writes_nothing(
    write_variant, tmp_path: Path
) -> None:
    variant = write_variant("DeltaMethod", 'f = "9^9^9^9"', name="hostile")
    renders = tmp_path / "renders"
    proc = make("course", f"VARIANT={variant}", renders=renders)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("error: "), proc.stderr
    assert "parameter 'f'" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert _files(renders) == []


def test_make_params_prints_the_schema(tmp_path: Path) -> None:
    proc = make("params", "SCENE=DeltaMethod", renders=tmp_path)
    assert proc.returncode == 0, proc.stderr
    for word in ("x0", "default: 2", "bounds: -10 to 10", "exercise_dx", "(required)"):
        assert word in proc.stdout
    bad = make("params", "SCENE=DerivativeNotation", renders=tmp_path)
    assert bad.returncode == 2
    assert "takes no parameters" in bad.stderr
