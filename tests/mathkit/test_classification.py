"""Tests for mathkit.classification against scikit-learn, brute force and the content spec."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from sklearn import metrics

from mathkit.classification import (
    Confusion,
    area_pieces,
    auc_rank,
    auc_trapezoid,
    average_ranks,
    binormal_auc,
    classify,
    confusion,
    confusion_from_predictions,
    outcomes,
    pair_grid,
    ranked_pairs,
    roc_auc,
    roc_curve,
    score_histogram,
    synthetic_scores,
)
from mathkit.data import (
    HOTDOG_ROC_FPR,
    HOTDOG_ROC_TPR,
    HOTDOG_THRESHOLD,
    HOTDOG_Y,
    HOTDOG_Y_HAT,
)

# Content spec 6c: the per-threshold table (threshold, TP, FP, TN, FN, TPR, FPR),
# copied from the spec, with "> 0.9" as inf (sklearn's first threshold).
SPEC_TABLE = (
    (math.inf, 0, 0, 2, 2, 0.0, 0.0),
    (0.9, 1, 0, 2, 1, 0.5, 0.0),
    (0.6, 1, 1, 1, 1, 0.5, 0.5),
    (0.5, 2, 1, 1, 0, 1.0, 0.5),
    (0.3, 2, 2, 0, 0, 1.0, 1.0),
)


def brute_auc(y: list[int], s: list[float]) -> float:
    """O(pairs) oracle: mean over (positive, negative) pairs of 1 / 0.5 / 0."""
    pos = [si for yi, si in zip(y, s, strict=True) if yi == 1]
    neg = [si for yi, si in zip(y, s, strict=True) if yi == 0]
    total = 0.0
    for p in pos:
        for q in neg:
            total += 1.0 if p > q else 0.5 if p == q else 0.0
    return total / (len(pos) * len(neg))


# -- the hot-dog example (content spec 6a-6c, 6f) ---------------------------------------
def test_hotdog_threshold_predictions() -> None:
    # spec 6b: predictions [0, 1, 1, 1] at 0.5 (ŷ = 0.5 counts as hot dog: >=)
    assert classify(HOTDOG_Y_HAT, HOTDOG_THRESHOLD).tolist() == [0, 1, 1, 1]


def test_hotdog_confusion_at_half() -> None:
    c = confusion(HOTDOG_Y, HOTDOG_Y_HAT, HOTDOG_THRESHOLD)
    assert (c.tp, c.fp, c.tn, c.fn) == (2, 1, 1, 0)
    assert c.tpr == c.recall == 1.0
    assert c.fpr == 0.5
    assert c.tnr == 0.5
    assert c.precision == pytest.approx(float(Fraction(2, 3)))
    assert c.accuracy == 0.75


def test_hotdog_outcomes() -> None:
    # spec 6b: y = [0, 1, 0, 1], predictions [0, 1, 1, 1]
    pred = classify(HOTDOG_Y_HAT, HOTDOG_THRESHOLD)
    assert outcomes(HOTDOG_Y, pred) == ("tn", "tp", "fp", "tp")
    with pytest.raises(ValueError, match="mismatched lengths"):
        outcomes([0, 1], [1])


def test_hotdog_confusion_matches_sklearn() -> None:
    pred = classify(HOTDOG_Y_HAT, HOTDOG_THRESHOLD)
    c = confusion(HOTDOG_Y, HOTDOG_Y_HAT, HOTDOG_THRESHOLD)
    expected = metrics.confusion_matrix(HOTDOG_Y, pred, labels=[0, 1])
    assert np.array_equal(np.array(c.matrix()), expected)
    assert c.precision == pytest.approx(metrics.precision_score(HOTDOG_Y, pred))
    assert c.recall == pytest.approx(metrics.recall_score(HOTDOG_Y, pred))
    assert c.accuracy == pytest.approx(metrics.accuracy_score(HOTDOG_Y, pred))


def test_hotdog_roc_points_match_notebook_and_sklearn() -> None:
    curve = roc_curve(HOTDOG_Y, HOTDOG_Y_HAT)
    assert np.allclose(curve.fpr, HOTDOG_ROC_FPR)
    assert np.allclose(curve.tpr, HOTDOG_ROC_TPR)
    fpr, tpr, thr = metrics.roc_curve(HOTDOG_Y, HOTDOG_Y_HAT, drop_intermediate=False)
    assert np.allclose(curve.fpr, fpr)
    assert np.allclose(curve.tpr, tpr)
    assert np.array_equal(curve.thresholds[1:], thr[1:])
    assert math.isinf(curve.thresholds[0])


def test_hotdog_threshold_table_matches_spec() -> None:
    curve = roc_curve(HOTDOG_Y, HOTDOG_Y_HAT)
    assert len(curve) == len(SPEC_TABLE)
    for i, (t, tp, fp, tn, fn, tpr, fpr) in enumerate(SPEC_TABLE):
        c = curve.confusion_at(i)
        assert curve.thresholds[i] == t
        assert (c.tp, c.fp, c.tn, c.fn) == (tp, fp, tn, fn)
        assert (c.tpr, c.fpr) == (tpr, fpr)
        # the same counts by thresholding directly
        assert confusion(HOTDOG_Y, HOTDOG_Y_HAT, t) == c


def test_hotdog_auc_three_ways() -> None:
    # spec 6f: sklearn.metrics.auc on the notebook's points gives 0.75
    assert metrics.auc(HOTDOG_ROC_FPR, HOTDOG_ROC_TPR) == 0.75
    assert auc_trapezoid(HOTDOG_ROC_FPR, HOTDOG_ROC_TPR) == 0.75
    assert roc_auc(HOTDOG_Y, HOTDOG_Y_HAT) == 0.75
    assert auc_rank(HOTDOG_Y, HOTDOG_Y_HAT) == 0.75
    assert metrics.roc_auc_score(HOTDOG_Y, HOTDOG_Y_HAT) == 0.75


def test_hotdog_area_pieces_are_two_rectangles() -> None:
    # spec 6f: 0.5 x 0.5 at TPR 0.5 plus 0.5 x 1 at TPR 1 -> 0.25 + 0.5
    pieces = area_pieces(HOTDOG_ROC_FPR, HOTDOG_ROC_TPR)
    assert [(p.x0, p.x1, p.y0, p.y1) for p in pieces] == [
        (0.0, 0.5, 0.5, 0.5),
        (0.5, 1.0, 1.0, 1.0),
    ]
    assert all(p.is_rectangle for p in pieces)
    assert [p.area for p in pieces] == [0.25, 0.5]


def test_hotdog_pairs_three_of_four() -> None:
    pairs = ranked_pairs(HOTDOG_Y, HOTDOG_Y_HAT)
    # spec 6f: (0.5 vs 0.3), (0.5 vs 0.6), (0.9 vs 0.3), (0.9 vs 0.6)
    assert {(p.pos_score, p.neg_score) for p in pairs} == {
        (0.5, 0.3),
        (0.5, 0.6),
        (0.9, 0.3),
        (0.9, 0.6),
    }
    assert sum(p.credit for p in pairs) == 3
    assert next(p for p in pairs if p.credit == 0).neg_score == 0.6


# -- rates and zero division --------------------------------------------------------------
def test_zero_division_rates_are_zero_and_flagged() -> None:
    c = Confusion(tp=0, fp=0, tn=3, fn=0)  # no positives, none predicted positive
    assert (c.tpr, c.precision, c.fpr) == (0.0, 0.0, 0.0)
    assert c.accuracy == 1.0
    assert c.defined() == {
        "tpr": False,
        "fpr": True,
        "tnr": True,
        "precision": False,
        "accuracy": True,
    }
    # sklearn's zero_division=0 convention gives the same numbers
    y, pred = [0, 0, 0], [0, 0, 0]
    assert c == confusion_from_predictions(y, pred)
    assert metrics.precision_score(y, pred, zero_division=0) == c.precision
    assert metrics.recall_score(y, pred, zero_division=0) == c.tpr
    assert Confusion(0, 0, 0, 0).accuracy == 0.0


@settings(max_examples=50)
@given(
    st.lists(st.tuples(st.integers(0, 1), st.integers(0, 1)), min_size=1, max_size=40),
)
def test_confusion_matches_sklearn_random(pairs: list[tuple[int, int]]) -> None:
    y = [a for a, _ in pairs]
    pred = [b for _, b in pairs]
    c = confusion_from_predictions(y, pred)
    assert np.array_equal(
        np.array(c.matrix()), metrics.confusion_matrix(y, pred, labels=[0, 1])
    )
    precision, recall, _, _ = metrics.precision_recall_fscore_support(
        y, pred, average="binary", zero_division=0
    )
    assert c.precision == pytest.approx(precision)
    assert c.tpr == pytest.approx(recall)
    assert c.accuracy == pytest.approx(np.mean(np.array(y) == np.array(pred)))
    cells = outcomes(y, pred)
    assert (
        cells.count("tp"),
        cells.count("fp"),
        cells.count("tn"),
        cells.count("fn"),
    ) == (c.tp, c.fp, c.tn, c.fn)
    assert c.tnr + c.fpr == pytest.approx(1.0 if c.negatives else 0.0)


# -- ROC and AUC on random data with ties ---------------------------------------------------
labelled = st.lists(
    st.tuples(st.integers(0, 1), st.integers(0, 8).map(lambda k: k / 8)),
    min_size=2,
    max_size=60,
).filter(lambda xs: len({y for y, _ in xs}) == 2)


@settings(max_examples=50)
@given(labelled)
def test_roc_and_auc_match_sklearn_with_ties(data: list[tuple[int, float]]) -> None:
    y = [a for a, _ in data]
    s = [b for _, b in data]  # scores on a grid of 9 values: many ties
    curve = roc_curve(y, s)
    fpr, tpr, thr = metrics.roc_curve(y, s, drop_intermediate=False)
    assert np.allclose(curve.fpr, fpr)
    assert np.allclose(curve.tpr, tpr)
    assert np.array_equal(curve.thresholds[1:], thr[1:])
    trap = auc_trapezoid(curve.fpr, curve.tpr)
    rank = auc_rank(y, s)
    oracle = brute_auc(y, s)
    assert trap == pytest.approx(oracle, abs=1e-12)
    assert rank == pytest.approx(oracle, abs=1e-12)
    assert roc_auc(y, s) == pytest.approx(metrics.roc_auc_score(y, s), abs=1e-12)
    assert sum(p.area for p in area_pieces(curve.fpr, curve.tpr)) == pytest.approx(trap)
    pairs = ranked_pairs(y, s)
    assert sum(p.credit for p in pairs) / len(pairs) == pytest.approx(oracle)


@settings(max_examples=50)
@given(labelled)
def test_each_roc_point_equals_direct_thresholding(
    data: list[tuple[int, float]],
) -> None:
    y = [a for a, _ in data]
    s = [b for _, b in data]
    curve = roc_curve(y, s)
    assert curve.points()[0] == (0.0, 0.0)
    assert curve.points()[-1] == (1.0, 1.0)
    for i, t in enumerate(curve.thresholds):
        assert curve.confusion_at(i) == confusion(y, s, t)


@settings(max_examples=50)
@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=50))
def test_average_ranks_match_scipy(values: list[float]) -> None:
    assert np.allclose(average_ranks(values), stats.rankdata(values, method="average"))


@settings(max_examples=50)
@given(
    st.lists(st.floats(0, 1), min_size=2, max_size=30).map(sorted),
    st.lists(st.floats(0, 1), min_size=30, max_size=30),
)
def test_auc_trapezoid_matches_sklearn_auc(xs: list[float], ys: list[float]) -> None:
    ys = ys[: len(xs)]
    assert auc_trapezoid(xs, ys) == pytest.approx(metrics.auc(xs, ys), abs=1e-12)
    # decreasing x gives the same (positive) area, as in sklearn
    assert auc_trapezoid(xs[::-1], ys[::-1]) == pytest.approx(
        metrics.auc(xs, ys), abs=1e-12
    )


def test_perfect_and_inverted_classifiers() -> None:
    assert roc_auc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]) == 1.0
    assert auc_rank([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1]) == 0.0
    assert auc_rank([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]) == 0.5  # all ties: chance


# -- synthetic data ------------------------------------------------------------------------
def test_synthetic_is_seeded_and_balanced() -> None:
    y1, s1 = synthetic_scores(400, 7)
    y2, s2 = synthetic_scores(400, 7)
    _, s3 = synthetic_scores(400, 8)
    assert np.array_equal(y1, y2)
    assert np.array_equal(s1, s2)
    assert not np.array_equal(s1, s3)
    assert int(y1.sum()) == 200
    assert np.all((s1 > 0) & (s1 < 1))
    assert len(roc_curve(y1, s1)) == 401  # continuous scores: no ties


def test_synthetic_auc_near_binormal_theory() -> None:
    # binormal AUC = Phi(d / sqrt 2) (independent analytic reference via scipy)
    assert binormal_auc(1.5) == pytest.approx(stats.norm.cdf(1.5 / math.sqrt(2)))
    y, s = synthetic_scores(20_000, 1, separation=1.5)
    assert auc_rank(y, s) == pytest.approx(stats.norm.cdf(1.5 / math.sqrt(2)), abs=0.01)
    assert roc_auc(y, s) == pytest.approx(metrics.roc_auc_score(y, s), abs=1e-12)


# -- bad input ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("y", "s", "match"),
    [
        ([0, 1, 1], [0.1, 0.2], "mismatched lengths"),
        ([], [], "empty"),
        ([0, 1], [0.1, float("nan")], "finite"),
        ([0, 1], [0.1, float("inf")], "finite"),
        ([0, 2], [0.1, 0.2], "labels must be in"),
        ([0, -1], [0.1, 0.2], "labels must be in"),
        ([1, 1, 1], [0.1, 0.2, 0.3], "both classes"),
        ([0, 0], [0.1, 0.2], "both classes"),
        (["a", "b"], [0.1, 0.2], "labels must be numbers"),
        ([[0, 1]], [[0.1, 0.2]], "1-D"),
    ],
)
def test_roc_bad_input(y: list[int], s: list[float], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        roc_curve(y, s)
    with pytest.raises(ValueError, match=match):
        auc_rank(y, s)


def test_other_bad_input() -> None:
    with pytest.raises(ValueError, match="NaN"):
        classify([0.1], float("nan"))
    with pytest.raises(ValueError, match="mismatched lengths"):
        confusion([0, 1], [0.2], 0.5)
    with pytest.raises(ValueError, match="labels must be in"):
        confusion_from_predictions([0, 1], [0, 3])
    with pytest.raises(ValueError, match="monotonic"):
        auc_trapezoid([0, 1, 0.5], [0, 1, 1])
    with pytest.raises(ValueError, match="at least 2"):
        auc_trapezoid([0.0], [1.0])
    with pytest.raises(ValueError, match="mismatched lengths"):
        area_pieces([0, 1], [0, 1, 1])
    with pytest.raises(ValueError, match="at least 2"):
        synthetic_scores(1, 0)
    with pytest.raises(ValueError, match="integer"):
        synthetic_scores(10, 0.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="too many"):
        ranked_pairs([0] * 200 + [1] * 200, np.linspace(0, 1, 400))


def test_confusion_single_class_is_allowed() -> None:
    # a confusion matrix (unlike ROC) is defined with one class present
    c = confusion([1, 1], [0.2, 0.7], 0.5)
    assert (c.tp, c.fn, c.fpr, c.precision) == (1, 1, 0.0, 1.0)


# -- the pair grid: cells of the ROC square ----------------------------------------------
def _height_under(curve_x: np.ndarray, curve_y: np.ndarray, x: float) -> float:
    """Height of the ROC staircase at x (its upper envelope, for vertical steps)."""
    return float(np.interp(x, curve_x, curve_y, left=0.0, right=1.0))


def test_hotdog_pair_grid_is_three_of_four_cells() -> None:
    """Spec 6f: 3 of the 4 (hot dog, pizza) pairs are ranked right; the losing pair is
    the pizza at 0.6 (left column) against the hot dog at 0.5 (top row)."""
    cells = pair_grid(HOTDOG_Y, HOTDOG_Y_HAT)
    assert len(cells) == 4
    assert sum(c.credit for c in cells) / len(cells) == 0.75
    lost = [c for c in cells if c.credit == 0]
    assert [(c.col, c.row, c.pair.neg_score, c.pair.pos_score) for c in lost] == [
        (0, 1, 0.6, 0.5)
    ]
    assert lost[0].bounds == (0.0, 0.5, 0.5, 1.0)


@settings(max_examples=40, deadline=None)
@given(
    data=st.lists(
        st.tuples(st.integers(0, 1), st.integers(0, 20)), min_size=2, max_size=14
    ).filter(lambda d: 0 < sum(y for y, _ in d) < len(d))
)
def test_pair_grid_cells_tile_the_area_under_the_roc_curve(
    data: list[tuple[int, int]],
) -> None:
    """Oracle sklearn: the credits average to roc_auc_score; each winning cell's centre
    lies under the ROC staircase and each losing cell's above it (ties on it)."""
    y = np.array([d[0] for d in data])
    s = np.array([d[1] / 20 for d in data])
    cells = pair_grid(y, s)
    n_pos, n_neg = int(y.sum()), int(y.size - y.sum())
    assert len(cells) == n_pos * n_neg
    assert {(c.col, c.row) for c in cells} == {
        (i, j) for i in range(n_neg) for j in range(n_pos)
    }
    assert math.isclose(
        sum(c.credit for c in cells) / len(cells), metrics.roc_auc_score(y, s)
    )
    fpr, tpr, _ = metrics.roc_curve(y, s, drop_intermediate=False)
    for c in cells:
        x0, x1, y0, y1 = c.bounds
        height = _height_under(fpr, tpr, (x0 + x1) / 2)
        centre = (y0 + y1) / 2
        if c.credit == 1:
            assert centre < height
        elif c.credit == 0:
            assert centre > height


def test_score_histogram_counts_each_class_like_numpy() -> None:
    """Oracle numpy.histogram on each class; the piles hold every item; at a bin edge
    the share of each pile above it is the ROC point there (sklearn roc_curve)."""
    labels, scores = synthetic_scores(400, 7)
    h = score_histogram(labels, scores, bins=20)
    edges = np.linspace(scores.min(), scores.max(), 21)
    np.testing.assert_array_equal(h.edges, edges)
    np.testing.assert_array_equal(
        h.positives, np.histogram(scores[labels == 1], edges)[0]
    )
    np.testing.assert_array_equal(
        h.negatives, np.histogram(scores[labels == 0], edges)[0]
    )
    assert h.positives.sum() + h.negatives.sum() == 400
    t = float(h.edges[10])
    tpr, fpr = h.share_above(t)
    assert tpr == pytest.approx(np.mean(scores[labels == 1] >= t))
    assert fpr == pytest.approx(np.mean(scores[labels == 0] >= t))
    with pytest.raises(ValueError, match="bins"):
        score_histogram(labels, scores, bins=0)
