"""Checks on untrusted input before any computation runs on it.

A variant file (``scenes/common/params.py``) hands user text to mathkit. These
checks are structural and need no timeout: they look at the syntax tree of an
expression, or at the bytes of a CSV file, and refuse what could hang or exhaust
memory (``9^9^9^9``, ``10**10**10``, ``x^(10^10^10)``, a 10^7-row file) before
sympy or numpy sees it.
"""

from __future__ import annotations

import ast
import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

from mathkit.expr import _IMPLICIT_MUL

MAX_EXPRESSION_LENGTH: Final = 120
"""Characters in one expression."""
MAX_NODES: Final = 80
"""Nodes in its syntax tree (numbers, names, operators, calls)."""
MAX_DEPTH: Final = 12
"""Nesting depth of its syntax tree."""
MAX_LITERAL: Final = 10**6
"""Largest number literal, in absolute value."""
MAX_EXPONENT: Final = 12
"""Largest number literal inside an exponent, in absolute value."""
MAX_POWER_NESTING: Final = 2
"""Most powers stacked inside one another's base: ((x^2)^3)^4 has 3."""

MAX_ROWS: Final = 10**6
"""Most data rows in a scores CSV."""
MAX_CSV_BYTES: Final = 64 * 2**20
"""Largest scores CSV file (64 MiB, far above 10^6 rows of label,score)."""


def check_expression(text: object) -> str:
    """Refuse an expression that is too long, too deep or has huge numbers; return it.

    Applies the same rewriting as :func:`mathkit.expr.parse` (``^`` is a power,
    ``5x`` is ``5*x``) and walks the tree: at most ``MAX_NODES`` nodes and
    ``MAX_DEPTH`` levels, number literals up to ``MAX_LITERAL``, and inside an
    exponent no further power and no literal above ``MAX_EXPONENT``. Powers may
    sit in each other's base at most ``MAX_POWER_NESTING`` deep.

    Raises
    ------
    ValueError
        Saying what is too big (the caller adds the parameter's name).
    """
    if not isinstance(text, str):
        raise ValueError(f"must be a string, got {type(text).__name__}")
    src = text.strip()
    if not src:
        raise ValueError("is empty")
    if len(src) > MAX_EXPRESSION_LENGTH:
        raise ValueError(
            f"is {len(src)} characters long (at most {MAX_EXPRESSION_LENGTH})"
        )
    rewritten = _IMPLICIT_MUL.sub("*", src.replace("^", "**"))
    try:
        tree = ast.parse(rewritten, mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"is not a valid expression ({exc.msg})") from None
    nodes = sum(1 for _ in ast.walk(tree))
    if nodes > MAX_NODES:
        raise ValueError(f"has {nodes} syntax nodes (at most {MAX_NODES})")
    _walk(tree.body, depth=1, in_exponent=False, base_powers=0)
    return src


def _walk(node: ast.AST, *, depth: int, in_exponent: bool, base_powers: int) -> None:
    if depth > MAX_DEPTH:
        raise ValueError(f"is nested more than {MAX_DEPTH} levels deep")
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"has an unsupported literal {value!r}")
        if not math.isfinite(float(value)) or abs(value) > MAX_LITERAL:
            raise ValueError(f"has the number {value!r} (at most {MAX_LITERAL:g})")
        if in_exponent and abs(value) > MAX_EXPONENT:
            raise ValueError(
                f"has the exponent {value!r} (exponents at most {MAX_EXPONENT})"
            )
        return
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        if in_exponent:
            raise ValueError("has a power inside an exponent (such as 9^9^9)")
        if base_powers + 1 > MAX_POWER_NESTING:
            raise ValueError(
                f"stacks more than {MAX_POWER_NESTING} powers (such as ((9^9)^9)^9)"
            )
        _walk(
            node.left, depth=depth + 1, in_exponent=False, base_powers=base_powers + 1
        )
        _walk(
            node.right, depth=depth + 1, in_exponent=True, base_powers=base_powers + 1
        )
        return
    for child in ast.iter_child_nodes(node):
        _walk(child, depth=depth + 1, in_exponent=in_exponent, base_powers=base_powers)


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
    "MAX_EXPRESSION_LENGTH",
    "MAX_ROWS",
    "ScoreTable",
    "check_expression",
    "read_scores_csv",
    "thin_indices",
    "write_scores_csv",
]
