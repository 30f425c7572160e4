"""Benchmark: mathkit ROC/AUC on 10^6 scores beside scikit-learn (not a test).

Run: ``.venv/bin/python -m tools.bench_roc [n]``. Prints wall-clock seconds (best
of 3) for the ROC sweep, the trapezoid AUC and the rank AUC, next to
``sklearn.metrics.roc_curve`` and ``roc_auc_score`` on the same data, and checks
that the AUC values agree.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from sklearn import metrics

from mathkit.classification import auc_rank, auc_trapezoid, roc_auc, roc_curve


def best_of(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """Fastest of ``repeat`` runs (seconds) and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main(n: int = 1_000_000) -> None:
    """Time both implementations on ``n`` seeded scores with ties."""
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, n)
    # rounded to 4 places so there are many tied scores, as in real classifiers
    s = np.round(rng.normal(0.0, 1.0, n) + 0.8 * y, 4)
    rows = [
        (
            "roc_curve",
            lambda: roc_curve(y, s),
            lambda: metrics.roc_curve(y, s, drop_intermediate=False),
        ),
        (
            "auc (trapezoid over ROC)",
            lambda: roc_auc(y, s),
            lambda: metrics.roc_auc_score(y, s),
        ),
        (
            "auc (rank / Mann-Whitney)",
            lambda: auc_rank(y, s),
            lambda: metrics.roc_auc_score(y, s),
        ),
    ]
    print(f"n = {n:,} scores, {len(np.unique(s)):,} distinct")
    print(f"{'':28s}{'mathkit (s)':>12s}{'sklearn (s)':>13s}")
    for name, ours, theirs in rows:
        t_ours, _ = best_of(ours)
        t_theirs, _ = best_of(theirs)
        print(f"{name:28s}{t_ours:12.3f}{t_theirs:13.3f}")
    curve = roc_curve(y, s)
    values = {
        "mathkit trapezoid": auc_trapezoid(curve.fpr, curve.tpr),
        "mathkit rank": auc_rank(y, s),
        "sklearn roc_auc_score": metrics.roc_auc_score(y, s),
    }
    for name, v in values.items():
        print(f"{name:28s}{v:.12f}")
    spread = max(values.values()) - min(values.values())
    print(f"max disagreement {spread:.2e}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
