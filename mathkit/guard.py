"""Untrusted scores CSVs: checked before numpy sees them; and thinning for drawing.

A variant file (``scenes/common/params.py``) hands user data to mathkit. A
scores CSV is checked here structurally, with no timeout: on its bytes first
(a 10^7-row file is refused before it is read), then row by row. Expressions
need no second set of limits: :func:`mathkit.expr.parse` bounds every one it
reads (length, depth, literals, exponents, digits) before sympy evaluates it,
so ``9^9^9^9`` or ``x^(10^10^10)`` is refused at once wherever it comes from.
"""

from __future__ import annotations

import csv
import io
import math
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


def read_scores_csv(path: Path, *, max_rows: int = MAX_ROWS) -> ScoreTable:
    """Read a ``label,score`` CSV (header first; columns in either order).

    Refused, with a message naming the row: a missing or other header, a row
    whose number of fields differs from the header's, a label other than 0 or 1,
    a score that is not a finite number (NaN, inf, text), no rows, only one class,
    more than ``max_rows`` rows or a file over ``MAX_CSV_BYTES``. The size checks
    run on the raw bytes first, so an oversized file is refused at once.

    Raises
    ------
    ValueError
        For every case above; OSError if the file cannot be read.
    """
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
    if sorted(header) != ["label", "score"]:
        raise ValueError(
            f"must start with the header 'label,score', found {','.join(header)!r}"
        )
    li, si = header.index("label"), header.index("score")
    labels: list[int] = []
    scores: list[float] = []
    for row_no, row in enumerate(reader, start=2):
        if not row:
            continue
        if len(row) != 2:
            raise ValueError(
                f"row {row_no} has {len(row)} fields, the header has 2 (label,score)"
            )
        lab, sc = row[li].strip(), row[si].strip()
        if lab not in ("0", "1"):
            raise ValueError(f"row {row_no}: label must be 0 or 1, got {lab!r}")
        try:
            value = float(sc)
        except ValueError:
            raise ValueError(f"row {row_no}: score {sc!r} is not a number") from None
        if not math.isfinite(value):
            raise ValueError(f"row {row_no}: score is {sc!r}, not a finite number")
        labels.append(int(lab))
        scores.append(value)
    if not labels:
        raise ValueError("has no data rows")
    n_pos = sum(labels)
    if n_pos in (0, len(labels)):
        only = "1 (positives)" if n_pos else "0 (negatives)"
        raise ValueError(
            f"has only one class: every label is {only}; a ROC curve needs both"
        )
    return ScoreTable(
        np.asarray(labels, dtype=np.int64),
        np.asarray(scores, dtype=np.float64),
        path.name,
    )


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
    "ScoreTable",
    "read_scores_csv",
    "thin_indices",
    "write_scores_csv",
]
