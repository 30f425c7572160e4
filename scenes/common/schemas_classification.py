"""Parameters of the small-data classification scenes: 6.1, 6.2 and 6.6 (no manim import).

BinaryClassification, ConfusionMatrix and RocArea draw every item of their data
set (an icon on the score line, a cell of the pair grid), so a variant's CSV is
the RocCurve schema's ``label,score`` file (read by
:func:`mathkit.guard.read_scores_csv`: one class, NaN, mismatched columns and
more than 10^6 rows are refused there, naming the parameter), plus what drawing
each item needs: at most :data:`MAX_ITEMS` rows, scores strictly between 0 and 1
with at most two decimals (they are printed as they are), and, on a score line,
scores at least :data:`MIN_SCORE_GAP` apart so that the icons do not overlap.
Defaults are the course's four hot-dog images (``mathkit.data``).

They register themselves in :data:`scenes.common.schemas.SCHEMAS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Final

import numpy as np

from mathkit.data import HOTDOG_THRESHOLD, HOTDOG_Y, HOTDOG_Y_HAT
from mathkit.guard import ScoreTable
from scenes.common.params import ParamError, Schema, param

MAX_ITEMS: Final = 6
"""Most rows of a drawn data set (each is an icon on the frame)."""
MIN_SCORE_GAP: Final = 0.08
"""Least gap between two scores on a score line (an icon is about 0.077 wide)."""
SCORE_DECIMALS: Final = 2
"""Most decimals of a drawn score (scores are printed as they are)."""
COURSE_SOURCE: Final = "course"
"""The ``source`` of the default data set (the hot-dog images)."""


def course_scores() -> ScoreTable:
    """The course's four hot-dog images (content spec 6a)."""
    return ScoreTable(
        np.asarray(HOTDOG_Y, dtype=np.int64),
        np.asarray(HOTDOG_Y_HAT, dtype=np.float64),
        COURSE_SOURCE,
    )


def _data_param() -> ScoreTable:
    return param(
        description=(
            "labels (0/1) and scores: a CSV with the header label,score, both classes,"
            f" 2 to {MAX_ITEMS} rows (every item is drawn), scores in (0, 1) with at"
            f" most {SCORE_DECIMALS} decimals"
        ),
        kind="csv",
        required=True,
        factory=course_scores,
        shown=f"the course's hot-dog images: labels {list(HOTDOG_Y)}, scores {list(HOTDOG_Y_HAT)}",
    )


def check_drawn_scores(table: ScoreTable, *, min_gap: float | None) -> None:
    """Refuse, naming ``data``, a data set the scenes cannot draw item by item."""
    n = len(table)
    if n > MAX_ITEMS:
        raise ParamError(
            "data",
            f"has {n} rows: this scene draws every item, at most {MAX_ITEMS}"
            " (the RocCurve scene takes large files)",
        )
    scores = table.scores
    if np.any(scores <= 0) or np.any(scores >= 1):
        bad = float(scores[(scores <= 0) | (scores >= 1)][0])
        raise ParamError(
            "data", f"has the score {bad:g}: scores must lie strictly between 0 and 1"
        )
    rounded = np.round(scores, SCORE_DECIMALS)
    if np.any(np.abs(rounded - scores) > 1e-9):
        bad = float(scores[np.abs(rounded - scores) > 1e-9][0])
        raise ParamError(
            "data",
            f"has the score {bad!r}: at most {SCORE_DECIMALS} decimals (it is printed as is)",
        )
    if min_gap is not None:
        ordered = np.sort(scores)
        gaps = np.diff(ordered)
        if np.any(gaps < min_gap - 1e-9):
            i = int(np.argmax(gaps < min_gap - 1e-9))
            raise ParamError(
                "data",
                f"has the scores {ordered[i]:g} and {ordered[i + 1]:g}, closer than"
                f" {min_gap:g}: their icons would overlap on the score line",
            )


@dataclass(frozen=True, slots=True)
class _DrawnScores(Schema):
    """A small labelled data set drawn item by item."""

    min_gap: ClassVar[float | None] = MIN_SCORE_GAP

    data: ScoreTable = _data_param()  # noqa: RUF009 (a dataclasses.field)

    @property
    def is_course_data(self) -> bool:
        """Whether the data are the course's hot-dog images."""
        return self.data.source == COURSE_SOURCE

    def check(self) -> None:
        """Refuse data the scene cannot draw (see :func:`check_drawn_scores`)."""
        check_drawn_scores(self.data, min_gap=self.min_gap)


def _threshold_param() -> float:
    return param(
        HOTDOG_THRESHOLD,
        "the threshold t: a score at or above t is classed 1",
        kind="number",
        lo=0.05,
        hi=0.95,
    )


@dataclass(frozen=True, slots=True)
class _Thresholded(_DrawnScores):
    threshold: float = _threshold_param()

    def sweep_ends(self) -> tuple[float, float]:
        """Where the threshold is swept to: above every score, below every score."""
        scores = self.data.scores
        return (
            (float(scores.max()) + 1.0) / 2.0,
            float(scores.min()) / 2.0,
        )

    def check(self) -> None:
        """The data must be drawable and the threshold on the score line."""
        check_drawn_scores(self.data, min_gap=self.min_gap)
        lo, hi = float(self.data.scores.min()), float(self.data.scores.max())
        if not lo < self.threshold <= hi:
            raise ParamError(
                "threshold",
                f"is {self.threshold:g}: put it above the lowest score and at most the highest"
                f" ({lo:g} to {hi:g}), so that both classes are predicted",
            )
        if round(self.threshold, SCORE_DECIMALS) != self.threshold:
            raise ParamError(
                "threshold",
                f"is {self.threshold!r}: at most {SCORE_DECIMALS} decimals",
            )


@dataclass(frozen=True, slots=True)
class BinaryClassificationParams(_Thresholded):
    """6.1 Binary Classification."""

    scene: ClassVar[str] = "BinaryClassification"


@dataclass(frozen=True, slots=True)
class ConfusionMatrixParams(_Thresholded):
    """6.2 The Confusion Matrix."""

    scene: ClassVar[str] = "ConfusionMatrix"


@dataclass(frozen=True, slots=True)
class RocAreaParams(_DrawnScores):
    """6.6 Finding the Area Under the ROC Curve (ties allowed: no score line)."""

    scene: ClassVar[str] = "RocArea"
    min_gap: ClassVar[float | None] = None


CLASSIFICATION_SCHEMAS: Final = (
    BinaryClassificationParams,
    ConfusionMatrixParams,
    RocAreaParams,
)

from scenes.common.schemas import SCHEMAS  # noqa: E402 (after the classes)

SCHEMAS.update({s.scene: s for s in CLASSIFICATION_SCHEMAS})

__all__ = [
    "CLASSIFICATION_SCHEMAS",
    "MAX_ITEMS",
    "MIN_SCORE_GAP",
    "BinaryClassificationParams",
    "ConfusionMatrixParams",
    "RocAreaParams",
    "check_drawn_scores",
    "course_scores",
]
