"""Binary classification: thresholds, the confusion matrix, the ROC curve and its area.

A classifier outputs a score ``y_hat`` in [0, 1] per item; a threshold ``t``
turns it into a predicted class, 1 if ``y_hat >= t`` else 0 (content spec 6a).
Comparing predictions with the true labels ``y`` in {0, 1} gives the confusion
matrix (TP, FP, TN, FN) and its rates (Fawcett, "An introduction to ROC
analysis", *Pattern Recognition Letters* 27, 2006, section 2). Sweeping the
threshold from above the largest score down to the smallest traces the ROC
curve, one point per distinct score, exactly as
``sklearn.metrics.roc_curve(..., drop_intermediate=False)`` does (Fawcett 2006,
algorithm 1). The area under it is computed two ways that must agree:

* the trapezoid rule over the ROC points, ``sum (x[i+1]-x[i]) (y[i+1]+y[i]) / 2``
  (what ``sklearn.metrics.auc`` computes, content spec 6f);
* the Mann-Whitney U statistic, ``AUC = P(score of a random positive > score of
  a random negative)`` with ties counted 1/2 (Hanley & McNeil, *Radiology* 143,
  1982), computed from average ranks:
  ``AUC = (R_pos - n_pos (n_pos + 1) / 2) / (n_pos n_neg)``.

Both are O(n log n) (one sort); no pair loops. Zero divisions in the rates are
explicit: a rate whose denominator is zero is defined as 0.0 (the convention of
scikit-learn's ``zero_division=0``), and :class:`Confusion` says which rates were
defined that way through :meth:`Confusion.defined`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

MAX_LISTED_PAIRS: Final = 10_000
"""Most positive/negative pairs :func:`ranked_pairs` lists (it is for display)."""

SYNTHETIC_SEED: Final = 7
SYNTHETIC_N: Final = 400
SYNTHETIC_SEPARATION: Final = 1.5
"""[PROPOSED] The larger seeded data set of the RocCurve scene (content spec 6c
has only the 4-item hot-dog set; the scene adds a smooth curve for contrast)."""


# -- validation -------------------------------------------------------------------------
def _as_labels(y_true: Sequence[int] | npt.ArrayLike) -> IntArray:
    arr = np.asarray(y_true)
    if arr.ndim != 1:
        raise ValueError(f"labels must be a 1-D sequence, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError("empty input: no labels")
    if arr.dtype.kind not in "biuf":
        raise ValueError(f"labels must be numbers 0 or 1, got dtype {arr.dtype}")
    as_float = arr.astype(np.float64)
    if not np.all((as_float == 0.0) | (as_float == 1.0)):
        bad = sorted(
            {float(v) for v in as_float[(as_float != 0.0) & (as_float != 1.0)]}
        )
        raise ValueError(f"labels must be in {{0, 1}}, found {bad[:5]}")
    return as_float.astype(np.int64)


def _as_scores(y_score: Sequence[float] | npt.ArrayLike) -> FloatArray:
    arr = np.asarray(y_score)
    if arr.ndim != 1:
        raise ValueError(f"scores must be a 1-D sequence, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError("empty input: no scores")
    if arr.dtype.kind not in "biuf":
        raise ValueError(f"scores must be real numbers, got dtype {arr.dtype}")
    scores = arr.astype(np.float64)
    if not np.all(np.isfinite(scores)):
        raise ValueError("scores must be finite: found NaN or inf")
    return scores


def _as_pair(
    y_true: Sequence[int] | npt.ArrayLike, y_score: Sequence[float] | npt.ArrayLike
) -> tuple[IntArray, FloatArray]:
    labels = _as_labels(y_true)
    scores = _as_scores(y_score)
    if labels.size != scores.size:
        raise ValueError(
            f"mismatched lengths: {labels.size} labels but {scores.size} scores"
        )
    return labels, scores


def _as_threshold(t: float) -> float:
    try:
        value = float(t)
    except (TypeError, ValueError):
        raise ValueError(f"threshold must be a real number, got {t!r}") from None
    if math.isnan(value):
        raise ValueError("threshold must not be NaN")
    return value


def _ratio(num: int, den: int) -> float:
    """num / den, with 0.0 for a zero denominator (the documented convention)."""
    return num / den if den else 0.0


# -- thresholding and the confusion matrix ---------------------------------------------
def classify(y_score: Sequence[float] | npt.ArrayLike, threshold: float) -> IntArray:
    """Predicted classes: ``1 if y_hat >= threshold else 0`` (content spec 6a).

    Parameters
    ----------
    y_score : sequence of float
        Finite scores (predicted probabilities of class 1).
    threshold : float
        Decision threshold; ``inf`` classes everything 0, ``-inf`` everything 1.

    Returns
    -------
    numpy.ndarray of int64
        0/1 predictions, one per score.
    """
    scores = _as_scores(y_score)
    return (scores >= _as_threshold(threshold)).astype(np.int64)


@dataclass(frozen=True, slots=True)
class Confusion:
    """A 2 x 2 confusion matrix and the rates derived from it.

    Rates with a zero denominator are 0.0 (see :meth:`defined`).
    """

    tp: int
    fp: int
    tn: int
    fn: int

    @property
    def n(self) -> int:
        """Number of items, TP + FP + TN + FN."""
        return self.tp + self.fp + self.tn + self.fn

    @property
    def positives(self) -> int:
        """Actual positives P = TP + FN."""
        return self.tp + self.fn

    @property
    def negatives(self) -> int:
        """Actual negatives N = FP + TN."""
        return self.fp + self.tn

    @property
    def tpr(self) -> float:
        """True-positive rate (recall, sensitivity) TP / (TP + FN); 0.0 if P = 0."""
        return _ratio(self.tp, self.positives)

    recall = tpr

    @property
    def fpr(self) -> float:
        """False-positive rate FP / (FP + TN); 0.0 if N = 0."""
        return _ratio(self.fp, self.negatives)

    @property
    def tnr(self) -> float:
        """True-negative rate (specificity) TN / (TN + FP) = 1 - FPR; 0.0 if N = 0."""
        return _ratio(self.tn, self.negatives)

    @property
    def precision(self) -> float:
        """Precision TP / (TP + FP); 0.0 when nothing is predicted positive."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def accuracy(self) -> float:
        """Accuracy (TP + TN) / n; 0.0 for an empty matrix."""
        return _ratio(self.tp + self.tn, self.n)

    def defined(self) -> dict[str, bool]:
        """Which rates have a non-zero denominator (the others were set to 0.0)."""
        return {
            "tpr": self.positives > 0,
            "fpr": self.negatives > 0,
            "tnr": self.negatives > 0,
            "precision": self.tp + self.fp > 0,
            "accuracy": self.n > 0,
        }

    def matrix(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """Rows = actual (0, 1), columns = predicted (0, 1): ((TN, FP), (FN, TP)).

        The layout of ``sklearn.metrics.confusion_matrix(y, y_pred, labels=[0, 1])``.
        """
        return ((self.tn, self.fp), (self.fn, self.tp))


def confusion_from_predictions(
    y_true: Sequence[int] | npt.ArrayLike, y_pred: Sequence[int] | npt.ArrayLike
) -> Confusion:
    """Count TP, FP, TN, FN from labels and 0/1 predictions.

    TP = #(y=1, pred=1), FP = #(y=0, pred=1), TN = #(y=0, pred=0),
    FN = #(y=1, pred=0) (Fawcett 2006, fig. 1).
    """
    labels = _as_labels(y_true)
    preds = _as_labels(y_pred)
    if labels.size != preds.size:
        raise ValueError(
            f"mismatched lengths: {labels.size} labels but {preds.size} predictions"
        )
    tp = int(np.sum((labels == 1) & (preds == 1)))
    fp = int(np.sum((labels == 0) & (preds == 1)))
    tn = int(np.sum((labels == 0) & (preds == 0)))
    fn = int(np.sum((labels == 1) & (preds == 0)))
    return Confusion(tp, fp, tn, fn)


def outcomes(
    y_true: Sequence[int] | npt.ArrayLike, y_pred: Sequence[int] | npt.ArrayLike
) -> tuple[str, ...]:
    """The cell of each item: ``"tp"``, ``"fp"``, ``"tn"`` or ``"fn"``.

    True/false = prediction equals label; positive/negative = predicted class
    (Fawcett 2006, fig. 1). Counting them gives :func:`confusion_from_predictions`.
    """
    labels = _as_labels(y_true)
    preds = _as_labels(y_pred)
    if labels.size != preds.size:
        raise ValueError(
            f"mismatched lengths: {labels.size} labels but {preds.size} predictions"
        )
    return tuple(
        ("t" if p == y else "f") + ("p" if p == 1 else "n")
        for y, p in zip(labels.tolist(), preds.tolist(), strict=True)
    )


def confusion(
    y_true: Sequence[int] | npt.ArrayLike,
    y_score: Sequence[float] | npt.ArrayLike,
    threshold: float,
) -> Confusion:
    """The confusion matrix of ``classify(y_score, threshold)`` against ``y_true``."""
    labels, scores = _as_pair(y_true, y_score)
    return confusion_from_predictions(labels, classify(scores, threshold))


# -- the ROC curve ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RocCurve:
    """ROC points from a threshold sweep, one per distinct score plus (0, 0).

    ``thresholds[0]`` is ``inf`` (nothing classed positive); ``thresholds[i]`` for
    ``i >= 1`` is the i-th largest distinct score, and point i counts the items
    with score >= that threshold. Same arrays as
    ``sklearn.metrics.roc_curve(y, s, drop_intermediate=False)``.
    """

    thresholds: FloatArray
    tp: IntArray
    fp: IntArray
    n_pos: int
    n_neg: int

    @property
    def tpr(self) -> FloatArray:
        """True-positive rate at each threshold (y coordinates)."""
        return self.tp / self.n_pos

    @property
    def fpr(self) -> FloatArray:
        """False-positive rate at each threshold (x coordinates)."""
        return self.fp / self.n_neg

    def points(self) -> tuple[tuple[float, float], ...]:
        """(FPR, TPR) pairs in sweep order."""
        return tuple(zip(self.fpr.tolist(), self.tpr.tolist(), strict=True))

    def confusion_at(self, i: int) -> Confusion:
        """The confusion matrix at the i-th threshold of the sweep."""
        tp, fp = int(self.tp[i]), int(self.fp[i])
        return Confusion(tp=tp, fp=fp, tn=self.n_neg - fp, fn=self.n_pos - tp)

    def __len__(self) -> int:
        return int(self.thresholds.size)


def roc_curve(
    y_true: Sequence[int] | npt.ArrayLike, y_score: Sequence[float] | npt.ArrayLike
) -> RocCurve:
    """ROC curve by a threshold sweep over the distinct scores, O(n log n).

    Sort by score, descending; TP(t) and FP(t) are cumulative counts of
    positives and negatives up to the last item with score >= t. Tied scores
    give one point, so a tie between a positive and a negative is a diagonal
    step (Fawcett 2006, algorithm 1 and section 6).

    Raises
    ------
    ValueError
        Empty input, mismatched lengths, non-finite scores, labels outside
        {0, 1}, or only one class present (TPR or FPR would be undefined).
    """
    labels, scores = _as_pair(y_true, y_score)
    n_pos = int(labels.sum())
    n_neg = int(labels.size - n_pos)
    if n_pos == 0 or n_neg == 0:
        raise ValueError(
            "ROC needs both classes: found only "
            + ("negatives (label 0)" if n_pos == 0 else "positives (label 1)")
        )
    order = np.argsort(-scores, kind="mergesort")
    s_sorted = scores[order]
    y_sorted = labels[order]
    # last index of each run of equal scores
    last = np.r_[np.flatnonzero(np.diff(s_sorted)), s_sorted.size - 1]
    tps = np.cumsum(y_sorted)[last]
    fps = (last + 1) - tps
    return RocCurve(
        thresholds=np.r_[np.inf, s_sorted[last]].astype(np.float64),
        tp=np.r_[0, tps].astype(np.int64),
        fp=np.r_[0, fps].astype(np.int64),
        n_pos=n_pos,
        n_neg=n_neg,
    )


# -- the area ---------------------------------------------------------------------------
def auc_trapezoid(
    x: Sequence[float] | npt.ArrayLike, y: Sequence[float] | npt.ArrayLike
) -> float:
    """Area under a polyline by the trapezoid rule (``sklearn.metrics.auc``).

    ``sum_i (x[i+1] - x[i]) * (y[i] + y[i+1]) / 2``; ``x`` must be monotonic
    (non-decreasing, or non-increasing, in which case the sign is flipped so the
    area is positive), as on a ROC curve (content spec 6f).
    """
    xs = _as_scores(x)
    ys = _as_scores(y)
    if xs.size != ys.size:
        raise ValueError(
            f"mismatched lengths: {xs.size} x values but {ys.size} y values"
        )
    if xs.size < 2:
        raise ValueError("need at least 2 points for an area")
    dx = np.diff(xs)
    if np.all(dx >= 0):
        direction = 1.0
    elif np.all(dx <= 0):
        direction = -1.0
    else:
        raise ValueError("x must be monotonic (sorted) for the trapezoid rule")
    return float(direction * np.sum(dx * (ys[:-1] + ys[1:]) / 2.0))


def average_ranks(values: Sequence[float] | npt.ArrayLike) -> FloatArray:
    """1-based ranks with ties given their average rank, O(n log n).

    A run of equal values occupying sorted positions ``a+1 .. b`` all get
    ``(a + 1 + b) / 2`` (``scipy.stats.rankdata(method="average")``).
    """
    vals = _as_scores(values)
    _, inverse, counts = np.unique(vals, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    starts = ends - counts
    return ((starts + 1 + ends) / 2.0)[inverse].astype(np.float64)


def auc_rank(
    y_true: Sequence[int] | npt.ArrayLike, y_score: Sequence[float] | npt.ArrayLike
) -> float:
    """AUC as the Mann-Whitney probability that a positive outscores a negative.

    ``AUC = (R_pos - n_pos (n_pos + 1) / 2) / (n_pos n_neg)`` where ``R_pos`` is
    the sum of the average ranks of the positives; a tie counts 1/2 (Hanley &
    McNeil 1982). Equals the trapezoid area under :func:`roc_curve`.
    """
    labels, scores = _as_pair(y_true, y_score)
    n_pos = int(labels.sum())
    n_neg = int(labels.size - n_pos)
    if n_pos == 0 or n_neg == 0:
        raise ValueError("AUC needs both classes: found only one label value")
    r_pos = float(average_ranks(scores)[labels == 1].sum())
    return (r_pos - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


def roc_auc(
    y_true: Sequence[int] | npt.ArrayLike, y_score: Sequence[float] | npt.ArrayLike
) -> float:
    """Area under :func:`roc_curve` by :func:`auc_trapezoid`."""
    curve = roc_curve(y_true, y_score)
    return auc_trapezoid(curve.fpr, curve.tpr)


@dataclass(frozen=True, slots=True)
class AreaPiece:
    """One slice of the area under a ROC polyline between x0 and x1.

    A rectangle when ``y0 == y1`` (horizontal ROC step), else a trapezoid.
    """

    x0: float
    x1: float
    y0: float
    y1: float

    @property
    def width(self) -> float:
        """x1 - x0."""
        return self.x1 - self.x0

    @property
    def area(self) -> float:
        """Trapezoid area (x1 - x0) (y0 + y1) / 2."""
        return self.width * (self.y0 + self.y1) / 2.0

    @property
    def is_rectangle(self) -> bool:
        """True when the top edge is horizontal."""
        return self.y0 == self.y1


def area_pieces(
    x: Sequence[float] | npt.ArrayLike, y: Sequence[float] | npt.ArrayLike
) -> tuple[AreaPiece, ...]:
    """The trapezoid-rule area split into its non-empty slices, left to right.

    Vertical ROC segments (zero width) add no area and are skipped; the areas
    sum to :func:`auc_trapezoid`. For the hot-dog ROC: a 0.5 x 0.5 rectangle
    (0.25) and a 0.5 x 1 rectangle (0.5), total 0.75 (content spec 6f).
    """
    xs = _as_scores(x)
    ys = _as_scores(y)
    auc_trapezoid(xs, ys)  # same validation (lengths, monotonic x)
    if xs[-1] < xs[0]:
        xs, ys = xs[::-1], ys[::-1]
    return tuple(
        AreaPiece(float(xs[i]), float(xs[i + 1]), float(ys[i]), float(ys[i + 1]))
        for i in range(xs.size - 1)
        if xs[i + 1] > xs[i]
    )


@dataclass(frozen=True, slots=True)
class RankedPair:
    """One (positive, negative) pair and whether the positive scored higher."""

    pos: int  # index of the positive item
    neg: int  # index of the negative item
    pos_score: float
    neg_score: float

    @property
    def credit(self) -> float:
        """1 if the positive outscores the negative, 1/2 for a tie, else 0."""
        if self.pos_score > self.neg_score:
            return 1.0
        return 0.5 if self.pos_score == self.neg_score else 0.0


def ranked_pairs(
    y_true: Sequence[int] | npt.ArrayLike, y_score: Sequence[float] | npt.ArrayLike
) -> tuple[RankedPair, ...]:
    """Every (positive, negative) pair, for showing the rank view of the AUC.

    The mean credit of the pairs is the AUC (Hanley & McNeil 1982). The list is
    O(n_pos n_neg) long, so it is only for small display sets: more than
    ``MAX_LISTED_PAIRS`` pairs raises (use :func:`auc_rank` to compute the AUC).
    """
    labels, scores = _as_pair(y_true, y_score)
    pos = np.flatnonzero(labels == 1)
    neg = np.flatnonzero(labels == 0)
    if pos.size == 0 or neg.size == 0:
        raise ValueError("pairs need both classes: found only one label value")
    if pos.size * neg.size > MAX_LISTED_PAIRS:
        raise ValueError(
            f"{pos.size * neg.size} pairs is too many to list (max {MAX_LISTED_PAIRS})"
        )
    return tuple(
        RankedPair(int(p), int(q), float(scores[p]), float(scores[q]))
        for p in pos
        for q in neg
    )


@dataclass(frozen=True, slots=True)
class PairCell:
    """One (positive, negative) pair placed as a cell of the ROC unit square.

    Column ``col`` is the negative's place among the negatives by score, highest
    first (left); row ``row`` is the positive's place among the positives, highest
    first (bottom). The cell spans FPR ``col/n_neg`` to ``(col+1)/n_neg`` and TPR
    ``row/n_pos`` to ``(row+1)/n_pos``; it lies under the ROC curve exactly when the
    positive outscores the negative (credit 1), and the curve cuts it on its
    diagonal for a tie (credit 1/2), so the cells' credits sum to the area.
    """

    col: int
    row: int
    n_neg: int
    n_pos: int
    pair: RankedPair

    @property
    def credit(self) -> float:
        """The pair's credit: 1, 1/2 (a tie) or 0."""
        return self.pair.credit

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(x0, x1, y0, y1) of the cell on the unit square."""
        return (
            self.col / self.n_neg,
            (self.col + 1) / self.n_neg,
            self.row / self.n_pos,
            (self.row + 1) / self.n_pos,
        )


def pair_grid(
    y_true: Sequence[int] | npt.ArrayLike, y_score: Sequence[float] | npt.ArrayLike
) -> tuple[PairCell, ...]:
    """Every ranked pair as a cell of the ROC square, in column-then-row order.

    The picture behind ``AUC = P(positive outscores negative)`` (Hanley & McNeil
    1982; Fawcett 2006, section 7): with the negatives sorted by score down along
    FPR and the positives down along TPR, the ROC staircase is the boundary of the
    cells whose positive wins, so the area under it is the share of winning pairs.
    Ties between scores keep the input order (stable sort). Same limits as
    :func:`ranked_pairs`.
    """
    labels, scores = _as_pair(y_true, y_score)
    pairs = {(p.pos, p.neg): p for p in ranked_pairs(labels, scores)}
    pos = [int(i) for i in np.flatnonzero(labels == 1)]
    neg = [int(i) for i in np.flatnonzero(labels == 0)]
    pos.sort(key=lambda i: -scores[i])
    neg.sort(key=lambda i: -scores[i])
    return tuple(
        PairCell(col, row, len(neg), len(pos), pairs[(p, q)])
        for col, q in enumerate(neg)
        for row, p in enumerate(pos)
    )


@dataclass(frozen=True, slots=True)
class ScoreHistogram:
    """Counts of each class's scores in shared bins (for drawing the two score piles)."""

    edges: FloatArray  # bins + 1 edges, increasing
    positives: IntArray  # positives per bin
    negatives: IntArray  # negatives per bin

    def share_above(self, threshold: float) -> tuple[float, float]:
        """(TPR, FPR) of the bins whose lower edge is at or above ``threshold``.

        Bin-level approximation of the ROC point at ``threshold``, exact at edges.
        """
        keep = self.edges[:-1] >= threshold
        return (
            float(self.positives[keep].sum() / self.positives.sum()),
            float(self.negatives[keep].sum() / self.negatives.sum()),
        )


def score_histogram(
    y_true: Sequence[int] | npt.ArrayLike,
    y_score: Sequence[float] | npt.ArrayLike,
    bins: int = 20,
) -> ScoreHistogram:
    """Histogram of the positives' and the negatives' scores on shared equal bins.

    The bins span [min score, max score] (``numpy.histogram`` semantics: the last
    bin is closed), so the two piles can be drawn on one score axis and a sweeping
    threshold shows which parts of each pile it lets through (Fawcett 2006, fig. 1).
    """
    labels, scores = _as_pair(y_true, y_score)
    if isinstance(bins, bool) or not isinstance(bins, int) or bins < 1:
        raise ValueError(f"bins must be a positive integer, got {bins!r}")
    lo, hi = float(scores.min()), float(scores.max())
    if hi <= lo:
        hi = lo + 1.0
    edges = np.linspace(lo, hi, bins + 1)
    pos, _ = np.histogram(scores[labels == 1], bins=edges)
    neg, _ = np.histogram(scores[labels == 0], bins=edges)
    return ScoreHistogram(edges, pos.astype(np.int64), neg.astype(np.int64))


# -- synthetic data -----------------------------------------------------------------------
def synthetic_scores(
    n: int, seed: int, *, separation: float = SYNTHETIC_SEPARATION
) -> tuple[IntArray, FloatArray]:
    """A seeded binormal data set: half positives, half negatives, scores in (0, 1).

    Latent values are N(+separation/2, 1) for positives and N(-separation/2, 1)
    for negatives, mapped to probabilities by the logistic 1 / (1 + e^-z) (a
    monotone map, so the ROC is the binormal one). Its expected AUC is
    ``Phi(separation / sqrt(2))`` (Hanley 1988, *Medical Decision Making* 8).

    Parameters
    ----------
    n : int
        Number of items, at least 2 (``n // 2`` positives).
    seed : int
        Seed for ``numpy.random.default_rng``.
    separation : float
        Distance between the class means in standard deviations, finite.

    Returns
    -------
    (labels, scores)
        Labels in {0, 1} (positives first) and scores in (0, 1).
    """
    if isinstance(n, bool) or not isinstance(n, int | np.integer):
        raise ValueError(f"n must be an integer, got {n!r}")
    if n < 2:
        raise ValueError(f"n must be at least 2 (one item per class), got {n}")
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer):
        raise ValueError(f"seed must be an integer, got {seed!r}")
    if not math.isfinite(float(separation)):
        raise ValueError(f"separation must be finite, got {separation!r}")
    rng = np.random.default_rng(int(seed))
    n_pos = int(n) // 2
    n_neg = int(n) - n_pos
    z = np.r_[
        rng.normal(separation / 2.0, 1.0, n_pos),
        rng.normal(-separation / 2.0, 1.0, n_neg),
    ]
    labels = np.r_[np.ones(n_pos, dtype=np.int64), np.zeros(n_neg, dtype=np.int64)]
    return labels, (1.0 / (1.0 + np.exp(-z))).astype(np.float64)


def binormal_auc(separation: float) -> float:
    """Expected AUC of :func:`synthetic_scores`: Phi(separation / sqrt(2)).

    The difference of a positive and a negative latent value is
    N(separation, 2), positive with probability Phi(separation / sqrt 2).
    """
    if not math.isfinite(float(separation)):
        raise ValueError(f"separation must be finite, got {separation!r}")
    return 0.5 * (1.0 + math.erf(separation / 2.0))


__all__ = [
    "AreaPiece",
    "Confusion",
    "PairCell",
    "RankedPair",
    "RocCurve",
    "ScoreHistogram",
    "area_pieces",
    "auc_rank",
    "auc_trapezoid",
    "average_ranks",
    "binormal_auc",
    "classify",
    "confusion",
    "confusion_from_predictions",
    "outcomes",
    "pair_grid",
    "ranked_pairs",
    "roc_auc",
    "roc_curve",
    "score_histogram",
    "synthetic_scores",
]
