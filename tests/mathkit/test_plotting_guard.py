"""mathkit.plotting (axis windows) and mathkit.guard (untrusted scores CSVs, thinning)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from mathkit.differentiation import as_function
from mathkit.guard import (
    MAX_ROWS,
    read_points_csv,
    read_scores_csv,
    thin_indices,
    write_points_csv,
    write_scores_csv,
)
from mathkit.integrate import error_table, exact_integral, reference_integral
from mathkit.plotting import (
    decade_range,
    decimals_for,
    first_jump,
    nice_range,
    nice_step,
    plot_window,
)


@pytest.mark.parametrize(
    ("span", "ticks", "step"),
    [(37.0, 6, 10.0), (9.0, 7, 2.0), (4.1, 5, 1.0), (0.35, 6, 0.1), (250.0, 6, 50.0)],
)
def test_nice_step_is_one_two_or_five_times_a_power_of_ten(
    span: float, ticks: int, step: float
) -> None:
    assert nice_step(span, ticks) == pytest.approx(step)


def test_nice_range_covers_the_interval_on_whole_ticks() -> None:
    assert nice_range(0.3, 37.0) == (0.0, 40.0, 10.0)
    assert nice_range(-1.2, 2.9) == (-2.0, 3.0, 1.0)
    lo, hi, step = nice_range(0.13, 0.41)
    assert lo <= 0.13
    assert hi >= 0.41
    assert (hi - lo) / step == pytest.approx(round((hi - lo) / step))
    assert nice_range(5.0, 5.0)[0] < 5.0 < nice_range(5.0, 5.0)[1]


def test_nice_range_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match="finite"):
        nice_range(0.0, math.inf)
    with pytest.raises(ValueError, match="reversed"):
        nice_range(2.0, 1.0)


def test_decimals_for_a_step() -> None:
    assert [decimals_for(s) for s in (10.0, 1.0, 0.5, 0.25, 0.1)] == [0, 0, 1, 2, 1]


def test_plot_window_shows_every_needed_point_and_the_curve() -> None:
    def f(x: float) -> float:
        return x**3 - 3 * x

    w = plot_window(f, [-1.0, 2.0, 3.0])
    (x0, x1, xs), (y0, y1, ys) = w.x_range, w.y_range
    assert x0 <= -1.0 - 0.5
    assert x1 >= 3.0 + 0.5
    grid = np.linspace(x0, x1, 1001)
    values = grid**3 - 3 * grid
    assert y0 <= values.min()
    assert y1 >= values.max()
    assert x0 <= w.line_x[0] < w.line_x[1] <= x1
    assert 2 <= (x1 - x0) / xs <= 16
    assert 2 <= (y1 - y0) / ys <= 16


def test_plot_window_names_where_f_is_undefined() -> None:
    with pytest.raises(ValueError, match="undefined at x = "):
        plot_window(lambda x: math.sqrt(x), [0.0, 1.0])


@pytest.mark.parametrize(
    ("text", "gaps"),
    [
        ("1/x", [0.0]),
        ("tan(x)", [-math.pi / 2, math.pi / 2]),
        ("1/(x^2 - 2)", [-math.sqrt(2), math.sqrt(2)]),
        ("abs(x)/x + x", [0.0]),
    ],
)
def test_first_jump_finds_poles_and_steps(text: str, gaps: list[float]) -> None:
    found = first_jump(as_function(text), -2.05, 3.0)  # no sample lands on a pole
    assert found is not None
    assert min(abs(found - g) for g in gaps) < 1e-6


def test_first_jump_reports_a_pole_on_a_sample_as_undefined() -> None:
    with pytest.raises(ValueError, match="undefined at x = 0"):
        first_jump(as_function("1/x"), -2.0, 2.0)


@pytest.mark.parametrize(
    "text", ["x^3 - 3x", "abs(x)", "exp(sin(x))/(1 + x^2)", "tanh(30x)", "sin(x)"]
)
def test_first_jump_is_none_for_continuous_functions(text: str) -> None:
    assert first_jump(as_function(text), -2.0, 3.0) is None


def test_first_jump_reports_a_domain_edge_as_undefined() -> None:
    with pytest.raises(ValueError, match="undefined"):
        first_jump(as_function("log(x)"), -2.0, 3.0)


def test_decade_range_matches_the_course_error_plot() -> None:
    table = error_table()
    assert decade_range(np.r_[table.trapezoid, table.simpson]) == (-10, 0)
    with pytest.raises(ValueError, match="positive"):
        decade_range([1e-3, 0.0])


def test_reference_integral_agrees_with_sympy() -> None:
    for text, a, b in (("sin(x)", 0.0, math.pi), ("exp(x)*sin(x)", 0.0, 2.0)):
        assert reference_integral(text, a, b) == pytest.approx(
            exact_integral(text, a, b), rel=1e-13
        )
    table = error_table("exp(x)", 0.0, 2.0, exact=reference_integral("exp(x)", 0, 2))
    assert table.order("simpson") == pytest.approx(4.0, abs=0.1)


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_scores_csv_round_trip(tmp_path: Path) -> None:
    labels = np.array([1, 0, 1, 0])
    scores = np.array([0.9, 0.2, 0.4, 0.6])
    path = tmp_path / "ok.csv"
    write_scores_csv(path, labels, scores)
    table = read_scores_csv(path)
    assert table.labels.tolist() == labels.tolist()
    assert table.scores.tolist() == pytest.approx(scores.tolist())
    swapped = _csv(tmp_path, "score,label\n0.5,1\n0.25,0\n")
    assert read_scores_csv(swapped).labels.tolist() == [1, 0]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("label,score\n1,0.5\n1,0.7\n", "only one class"),
        ("label,score\n1,nan\n0,0.7\n", "not a finite number"),
        ("label,score\n1,0.5,3\n0,0.7\n", "row 2 has 3 fields"),
        ("label,score\n1\n0,0.7\n", "row 2 has 1 fields"),
        ("label,score\n2,0.5\n0,0.7\n", "label must be 0 or 1"),
        ("label,score\n1,high\n0,0.7\n", "not a number"),
        ("y,p\n1,0.5\n0,0.7\n", "header"),
        ("label,score\n", "no data rows"),
    ],
)
def test_read_scores_csv_refuses_bad_data(tmp_path: Path, text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        read_scores_csv(_csv(tmp_path, text))


def test_read_scores_csv_refuses_more_than_a_million_rows(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"label,score\n" + b"1,0.5\n0,0.25\n" * (MAX_ROWS // 2 + 1))
    with pytest.raises(ValueError, match="rows"):
        read_scores_csv(path)


def test_thin_indices_keeps_the_ends() -> None:
    assert thin_indices(10, 20).tolist() == list(range(10))
    idx = thin_indices(10**6 + 1, 2000)
    assert idx[0] == 0
    assert idx[-1] == 10**6
    assert len(idx) <= 2000


def test_read_points_csv_round_trip_and_refusals(tmp_path: Path) -> None:
    x, y = np.array([0.0, 1.5, 3.0]), np.array([2.0, -1.25, 0.5])
    path = tmp_path / "p.csv"
    write_points_csv(path, x, y)
    table = read_points_csv(path)
    assert table.x.tolist() == x.tolist()
    assert table.y.tolist() == y.tolist()
    assert read_points_csv(_csv(tmp_path, "y,x\n1,0\n2,5\n")).x.tolist() == [0, 5]
    for text, why in [
        ("x,y\n1,inf\n2,3\n", "not a finite number"),
        ("x,y\n1\n2,3\n", "row 2 has 1 fields"),
        ("label,score\n1,0.5\n0,0.2\n", "header"),
        ("x,y\n4,1\n4,2\n", "every x equal"),
        ("x,y\n4,1\n", "at least 2"),
    ]:
        with pytest.raises(ValueError, match=why):
            read_points_csv(_csv(tmp_path, text))
