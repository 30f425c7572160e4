"""Untrusted CSVs (scores, data points): checked before numpy sees them; thinning for drawing.

A variant file (``scenes/common/params.py``) hands user data to mathkit. A
CSV is checked here structurally, with no timeout: on its bytes first
(a 10^7-row file is refused before it is read), then row by row. Expressions
need no second set of limits: :func:`mathkit.expr.parse` bounds every one it
reads (length, depth, literals, exponents, digits) before sympy evaluates it,
so ``9^9^9^9`` or ``x^(10^10^10)`` is refused at once wherever it comes from.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

MAX_ROWS: Final = 10**6
"""Most data rows in a scores CSV."""
MAX_CSV_BYTES: Final = 64 * 2**20
"""Largest scores CSV file (64 MiB, far above 10^6 rows of label,score)."""


# -- scores CSV --------------------------------------------------------------------------
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True, eq=False)
class ScoreTable:
    """Labels (0/1) and classifier scores read from a CSV, with where they came from."""

    labels: IntArray
    scores: FloatArray
    source: str

    def __len__(self) -> int:
        return int(self.labels.size)

    def __repr__(self) -> str:
        return f"ScoreTable({self.source!r}, {len(self)} rows)"


def read_columns_csv(
    path: Path, columns: Sequence[str], *, max_rows: int = MAX_ROWS
) -> dict[str, FloatArray]:
    """Read a CSV of finite numbers whose header names exactly ``columns`` (any order).

    Refused, with a message naming the row: a file over ``MAX_CSV_BYTES`` or with
    more than ``max_rows`` rows (both checked on the raw bytes, before parsing),
    text that is not UTF-8, a header other than ``columns``, a row whose number
    of fields differs from the header's, a value that is not a finite number
    (NaN, inf, text) and no data rows. Returns each column as a float array.

    Raises
    ------
    ValueError
        For every case above; OSError if the file cannot be read.
    """
    wanted = [c.lower() for c in columns]
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise ValueError(
            f"is {size / 2**20:.0f} MiB (at most {MAX_CSV_BYTES // 2**20} MiB)"
        )
    raw = path.read_bytes()
    lines = raw.count(b"\n") + (0 if raw.endswith(b"\n") or not raw else 1)
    if lines - 1 > max_rows:
        raise ValueError(f"has {lines - 1} rows (at most {max_rows:,})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("is not UTF-8 text") from None
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    names = ",".join(wanted)
    if sorted(header) != sorted(wanted):
        raise ValueError(
            f"must start with the header {names!r}, found {','.join(header)!r}"
        )
    index = {c: header.index(c) for c in wanted}
    values: dict[str, list[float]] = {c: [] for c in wanted}
    for row_no, row in enumerate(reader, start=2):
        if not row:
            continue
        if len(row) != len(wanted):
            raise ValueError(
                f"row {row_no} has {len(row)} fields, the header has"
                f" {len(wanted)} ({names})"
            )
        for c in wanted:
            cell = row[index[c]].strip()
            try:
                value = float(cell)
            except ValueError:
                raise ValueError(
                    f"row {row_no}: {c} {cell!r} is not a number"
                ) from None
            if not math.isfinite(value):
                raise ValueError(f"row {row_no}: {c} is {cell!r}, not a finite number")
            values[c].append(value)
    if not values[wanted[0]]:
        raise ValueError("has no data rows")
    return {c: np.asarray(v, dtype=np.float64) for c, v in values.items()}


def read_scores_csv(path: Path, *, max_rows: int = MAX_ROWS) -> ScoreTable:
    """Read a ``label,score`` CSV (header first; columns in either order).

    Refused, with a message naming the row: everything :func:`read_columns_csv`
    refuses, a label other than 0 or 1 and only one class.

    Raises
    ------
    ValueError
        For every case above; OSError if the file cannot be read.
    """
    cols = read_columns_csv(path, ("label", "score"), max_rows=max_rows)
    raw_labels, scores = cols["label"], cols["score"]
    bad = np.flatnonzero((raw_labels != 0) & (raw_labels != 1))
    if bad.size:
        row_no = int(bad[0]) + 2
        raise ValueError(
            f"row {row_no}: label must be 0 or 1, got {raw_labels[bad[0]]:g}"
        )
    labels = raw_labels.astype(np.int64)
    n_pos = int(labels.sum())
    if n_pos in (0, labels.size):
        only = "1 (positives)" if n_pos else "0 (negatives)"
        raise ValueError(
            f"has only one class: every label is {only}; a ROC curve needs both"
        )
    return ScoreTable(labels, scores, path.name)


@dataclass(frozen=True, slots=True, eq=False)
class PointTable:
    """(x, y) data points read from a CSV, with where they came from."""

    x: FloatArray
    y: FloatArray
    source: str

    def __len__(self) -> int:
        return int(self.x.size)

    def __repr__(self) -> str:
        return f"PointTable({self.source!r}, {len(self)} rows)"


def read_points_csv(
    path: Path, *, max_rows: int = MAX_ROWS, min_rows: int = 2
) -> PointTable:
    """Read an ``x,y`` CSV of data points (header first; columns in either order).

    Refused: everything :func:`read_columns_csv` refuses, fewer than ``min_rows``
    points and all x equal (a line through them has no slope).

    Raises
    ------
    ValueError
        For every case above; OSError if the file cannot be read.
    """
    cols = read_columns_csv(path, ("x", "y"), max_rows=max_rows)
    x, y = cols["x"], cols["y"]
    if x.size < min_rows:
        raise ValueError(f"has {x.size} data rows (at least {min_rows})")
    if float(np.ptp(x)) == 0.0:
        raise ValueError(f"has every x equal to {x[0]:g}: a line needs two x values")
    return PointTable(x, y, path.name)


def write_points_csv(path: Path, x: FloatArray, y: FloatArray) -> None:
    """Write ``x,y`` rows (6 significant digits), the format read above."""
    lines = ["x,y"] + [f"{a:.6g},{b:.6g}" for a, b in zip(x, y, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_scores_csv(path: Path, labels: IntArray, scores: FloatArray) -> None:
    """Write ``label,score`` rows (scores to 6 decimals), the format read above."""
    lines = ["label,score"]
    lines += [f"{int(y)},{s:.6f}" for y, s in zip(labels, scores, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def thin_indices(n: int, max_points: int) -> IntArray:
    """Indices 0..n-1 evenly thinned to at most ``max_points`` (first and last kept)."""
    if n <= max_points:
        return np.arange(n, dtype=np.int64)
    return np.unique(np.linspace(0, n - 1, max_points).round().astype(np.int64))


__all__ = [
    "MAX_ROWS",
    "PointTable",
    "ScoreTable",
    "read_columns_csv",
    "read_points_csv",
    "read_scores_csv",
    "thin_indices",
    "write_points_csv",
    "write_scores_csv",
]
