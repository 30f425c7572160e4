"""The recap thumbnails of 6.7 (scenes/common/recap_parts.py) against independent references.

Each picture is read back from its drawn points: the circle's polygons against the
analytic inscribed and circumscribed radii, the tangent's slope against sympy, the
ROC area against scikit-learn, and the gradient arrow against the contour it
starts on (perpendicular on screen, pointing away from the minimum).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from sklearn import metrics

from mathkit.classification import SYNTHETIC_N, SYNTHETIC_SEED, synthetic_scores
from mathkit.data import DELTA_POINT_X, DELTA_X_RANGE, DELTA_Y_RANGE
from mathkit.exhaustion import EXHAUSTION_NS
from scenes import outline
from scenes.common.mobjects import stage_box
from scenes.common.recap_parts import (
    THUMBNAILS,
    derivative_thumbnail,
    get_recap_tile,
    gradient_thumbnail,
    limits_thumbnail,
    roc_thumbnail,
)
from scenes.common.theme import MIN_TEXT_HEIGHT, SPACE

WIDTH, HEIGHT = 4.0, 1.6
SLACK = 0.05


def _corners(mob) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The distinct corner points (x, y) of a polyline or polygon."""
    pts = np.asarray(mob.get_anchors())[:, :2]
    keep = [pts[0]]
    for p in pts[1:]:
        if np.linalg.norm(p - keep[-1]) > 1e-9:
            keep.append(p)
    if len(keep) > 2 and np.linalg.norm(keep[-1] - keep[0]) < 1e-9:
        keep.pop()  # a closed path repeats its first corner
    return np.array(keep)


def _shoelace(pts: np.ndarray) -> float:
    x, y = pts[:, 0], pts[:, 1]
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


def test_one_thumbnail_per_outline_section() -> None:
    assert len(THUMBNAILS) == len(outline.sections())
    for build in THUMBNAILS:
        thumb = build(WIDTH, HEIGHT)
        # (clipped lines keep a hair of slack at the box's edges)
        assert thumb.width <= WIDTH + SLACK
        assert thumb.height <= HEIGHT + SLACK
        assert len(thumb.key.family_members_with_points()) > 0


def test_limits_polygons_inside_and_around_the_circle() -> None:
    thumb = limits_thumbnail(WIDTH, HEIGHT)
    circle = thumb.base[0]
    r = circle.width / 2
    centre = circle.get_center()[:2]
    inner, outer = thumb.key
    n = EXHAUSTION_NS[1]
    vin, vout = _corners(inner), _corners(outer)
    assert len(vin) == n
    # inscribed: every vertex on the circle; circumscribed: every edge touches it
    assert np.allclose(np.linalg.norm(vin - centre, axis=1), r, rtol=1e-6)
    mids = (vout + np.roll(vout, -1, axis=0)) / 2
    assert np.allclose(np.linalg.norm(mids - centre, axis=1), r, rtol=1e-6)
    assert np.allclose(
        np.linalg.norm(vout - centre, axis=1), r / math.cos(math.pi / n), rtol=1e-6
    )
    # the reveal starts from the course's first polygon pair
    first_inner = _corners(thumb.steps[0][0])
    assert len(first_inner) == EXHAUSTION_NS[0]


def test_derivative_tangent_has_the_sympy_slope() -> None:
    thumb = derivative_thumbnail(WIDTH, HEIGHT)
    box = thumb.base[0]
    sx = box.width / (DELTA_X_RANGE[1] - DELTA_X_RANGE[0])
    sy = box.height / (DELTA_Y_RANGE[1] - DELTA_Y_RANGE[0])
    ends = _corners(thumb.key[0])
    (x0, y0), (x1, y1) = ends[0], ends[-1]
    drawn = ((y1 - y0) / sy) / ((x1 - x0) / sx)
    x = sp.Symbol("x")
    exact = float(sp.diff(x**2 + 2 * x + 2, x).subs(x, DELTA_POINT_X))
    assert drawn == pytest.approx(exact, rel=1e-6)
    # the secants it starts from are steeper (Q right of P on a convex curve)
    for step in thumb.steps:
        e = _corners(step)
        slope = ((e[-1][1] - e[0][1]) / sy) / ((e[-1][0] - e[0][0]) / sx)
        assert slope > exact


def test_roc_area_is_sklearns_auc() -> None:
    thumb = roc_thumbnail(WIDTH, HEIGHT)
    square = thumb.base[0]
    area = thumb.key[0]
    labels, scores = synthetic_scores(SYNTHETIC_N, SYNTHETIC_SEED)
    expected = metrics.roc_auc_score(labels, scores)
    drawn = _shoelace(_corners(area)) / (square.width * square.height)
    assert drawn == pytest.approx(expected, abs=1e-6)


def test_gradient_arrow_crosses_its_contour_uphill() -> None:
    thumb = gradient_thumbnail(WIDTH, HEIGHT)
    inner, middle, _outer = thumb.base[0]
    dot, arrow = thumb.key
    start = dot.get_center()[:2]
    ring = _corners(middle)
    k = int(np.argmin(np.linalg.norm(ring - start, axis=1)))
    assert np.linalg.norm(ring[k] - start) < 0.02  # the start lies on this contour
    tangent = ring[(k + 1) % len(ring)] - ring[k - 1]
    tangent /= np.linalg.norm(tangent)
    direction = arrow.get_end()[:2] - arrow.get_start()[:2]
    direction /= np.linalg.norm(direction)
    assert abs(float(np.dot(tangent, direction))) < 0.03
    minimum = _corners(inner).mean(axis=0)
    assert float(np.dot(direction, start - minimum)) > 0


def test_recap_tile_caption_fits_under_its_thumbnail() -> None:
    # the scene's tile: a third of the stage's width, less the gaps
    left, right, _, _ = stage_box()
    width = (right - left - 2 * SPACE.medium) / 3
    title = max((s.title for s in outline.sections()), key=len)
    tile = get_recap_tile(2, title, THUMBNAILS[1], width=width, height=2.4)
    frame, thumb, caption = tile.frame, tile.thumb, tile.caption
    assert len(caption) == 2  # the longest title is split in two lines
    for part in (thumb, caption):
        assert part.get_left()[0] >= frame.get_left()[0]
        assert part.get_right()[0] <= frame.get_right()[0]
        assert part.get_bottom()[1] >= frame.get_bottom()[1]
        assert part.get_top()[1] <= frame.get_top()[1]
    assert thumb.get_bottom()[1] > caption.get_top()[1]
    assert min(line.height for line in caption) > MIN_TEXT_HEIGHT
