"""Write the shipped 500-row scores CSV of the RocCurve example variant (seeded).

``python -m tools.example_scores`` regenerates ``assets/variants/roc-500-scores.csv``
from :func:`mathkit.classification.synthetic_scores` (a weaker classifier than
the course's, separation 1.0, seed 2026) with the rows shuffled by the same
seed; tests/variants checks that the committed file is exactly this output.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Final

import numpy as np

from mathkit.classification import synthetic_scores
from mathkit.guard import write_scores_csv

ROOT: Final = Path(__file__).resolve().parent.parent
CSV: Final = ROOT / "assets" / "variants" / "roc-500-scores.csv"
ROWS: Final = 500
SEED: Final = 2026
SEPARATION: Final = 1.0


def example_rows() -> tuple[np.ndarray, np.ndarray]:
    """The example's labels and scores, in file order."""
    labels, scores = synthetic_scores(ROWS, SEED, separation=SEPARATION)
    order = np.random.default_rng(SEED).permutation(ROWS)
    return labels[order], scores[order]


def main() -> int:
    """Write the CSV atomically and say where."""
    labels, scores = example_rows()
    tmp = CSV.with_name(f".{CSV.name}.part")
    write_scores_csv(tmp, labels, scores)
    tmp.replace(CSV)
    print(f"wrote {CSV.relative_to(ROOT)} ({ROWS} rows, seed {SEED})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
