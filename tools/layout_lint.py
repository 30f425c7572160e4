"""The quality gate's engine: a dry run of one scene with the layout lint attached.

It owns the checks and their findings (layout, pacing, contrast, subtitles,
duration, structure); ``tools.quality`` is its command line and
``tests/scenes/test_scene_quality.py`` runs the same checks over every scene in
the course outline.

How the layout lint works: each scene's ``construct`` runs under Manim's
``dry_run`` (no video is written, the camera draws nothing) with ``play`` and
``wait`` wrapped, so that after every animation the mobjects on screen are
inspected, geometry only. The checks (the ``check`` names of the findings):

* ``layout-frame``: every text-like mobject (Text, MathTex, Tex, DecimalNumber,
  Code, ...) lies inside the frame, at least ``MARGIN`` from each edge;
* ``layout-margin``: every visible mobject (text, panels, cards, curves, axes,
  dots) keeps the theme's ``EDGE_BUFF`` from each edge;
* ``layout-overlap``: no text covers another by more than ``OVERLAP_FRACTION``
  of the smaller one's box (unless the scene lists the pair in
  ``allowed_overlaps``);
* ``layout-size``: font size at least ``MIN_FONT_SIZE`` and, as drawn (after
  any scaling of the text or a group holding it), glyphs at least the theme's
  ``MIN_TEXT_HEIGHT`` high (see :func:`drawn_height`);
* ``layout-crossing``: no curve or line (graphs, tangents, axis lines, contours,
  guides: stroked, unfilled mobjects), nor an arrow's tip, passes through a
  text's glyph boxes; a
  tick label and its own number line are exempt, other intended pairs go in
  ``allowed_overlaps`` as (text name, line name);
* ``layout-contrast``: every text's colour, as drawn (its opacity and the
  panels under it composited over the background), meets WCAG 2.1 AA: 4.5:1,
  3:1 for large text (see :func:`is_large_text`);
* ``layout-midway``: halfway through each animation, no two texts, one of them
  animated and both drawn at least ``MIDWAY_OPACITY`` opaque, overlap as
  ``layout-overlap`` counts it: a cross-fade of two texts in one place, or a
  label moving across another (the other checks look only after animations);
  the glyphs of one transforming mobject, and texts marked ``passing = True``
  (a value carried along an edge on purpose), are exempt;
* ``pacing-still``: no still stretch (only frozen ``wait``s, no animation and no
  updater running) longer than ``STILL_MAX`` seconds, other than the final hold;
* ``pacing-share``: at most ``STILL_SHARE`` of the scene's time is still.

3-D scenes are checked on their fixed-in-frame mobjects only (the rest would need
the camera's projection). Timing is the dry run's: the voice ``VOICE`` names
(``none``, reading speed, unless set); pacing findings say which.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np
from coloraide import Color

from scenes import outline
from scenes.common.theme import EDGE_BUFF, MIN_TEXT_HEIGHT, PALETTE
from tools import subtitles
from tools.paths import BUILD, TEX_CACHE

MARGIN: Final = 0.15
"""Least distance (scene units) between text and the frame edge (about 9 px at 480p)."""
OVERLAP_FRACTION: Final = 0.12
"""Largest share of the smaller text's bounding box another text may cover."""
OVERLAP_MIN: Final = 0.04
"""Overlaps thinner than this (scene units) in either direction are ignored."""
MIN_FONT_SIZE: Final = 20.0
"""Smallest font size (Manim units, 48 = default) that reads at 480p."""
PX_PER_UNIT: Final = 60.0
"""Pixels per scene unit at 480p (the frame is 8 units high)."""
MIDWAY_OPACITY: Final = 0.3
"""Texts drawn at least this opaque halfway through an animation count as legible."""
STILL_MAX: Final = 4.0
"""Longest still stretch (s) allowed before the final hold."""
STILL_SHARE: Final = 0.30
"""Largest share of a scene's time that may be still."""
CONTRAST_NORMAL: Final = 4.5
"""WCAG 2.1 AA contrast for normal text (success criterion 1.4.3)."""
CONTRAST_LARGE: Final = 3.0
"""WCAG 2.1 AA contrast for large text."""
LARGE_TEXT_PX: Final = 24.0
"""WCAG large text: 18 pt = 24 CSS px em, taking one 480p video pixel as one CSS px."""
LARGE_BOLD_TEXT_PX: Final = 18.66
"""WCAG large text, bold: 14 pt = 18.66 CSS px em."""
TEXT_EM_PER_FONT_SIZE: Final = 1 / 72
"""Em (scene units) of Manim's Text per font-size point: font_size 48 is 2/3 unit."""
TEX_EM_PER_FONT_SIZE: Final = 1 / 96
"""Em of MathTex/Tex/DecimalNumber per font-size point: font_size 48 is TeX's 1/2 unit."""
CROSSING_INSET: Final = 0.15
"""Share of a glyph box's width and height trimmed on each side before the crossing test."""
MIN_DURATION: Final = 15.0
MAX_DURATION: Final = 240.0
DRY_RUN_CONFIG: Final[dict[str, Any]] = {
    "dry_run": True,
    "disable_caching": True,
    "verbosity": "WARNING",
    "progress_bar": "none",
    "frame_rate": 15,  # the low-quality rate: same timings as `QUALITY=low`
    "pixel_height": 240,
    "pixel_width": 427,
}
FINAL_FRAME_SIZE: Final = (480, 854)
"""(height, width) of the final frame a dry run draws for the pixel tests (480p)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem the gate found, with where and by how much."""

    scene: str
    check: (
        str  # layout-* | pacing-* | subtitles | duration | structure (module docstring)
    )
    beat: str
    time: float
    message: str
    params: tuple[str, ...] = ()
    """Scene parameters the offending mobjects were drawn from (see params.tag)."""
    fix: str = ""
    """What to change, where the check can tell."""

    def __str__(self) -> str:
        where = f"{self.scene} [{self.beat} @ {self.time:.1f}s] {self.check}: {self.message}"
        return f"{where}; fix: {self.fix}" if self.fix else where


@dataclass(frozen=True, slots=True)
class Segment:
    """One ``play`` (or ``wait``) on the dry run's timeline."""

    start: float
    end: float
    still: bool
    """Only frozen waits: nothing moves (no animation, no updater)."""
    beat: str
    what: str
    """The animations played (for a still: ``wait``)."""


@dataclass
class SceneReport:
    """What a dry run of one scene found."""

    scene: str
    number: str
    duration: float = 0.0
    plays: int = 0
    waits: int = 0
    beats: list[str] = field(default_factory=list)
    captions: list[subtitles.Cue] = field(default_factory=list)
    ended_with_wait: bool = False
    timeline: list[Segment] = field(default_factory=list)
    voice: str = "none"
    findings: list[Finding] = field(default_factory=list)
    wall: float = 0.0
    final_frame: Any = None
    """With ``inspect_scene(final_frame=True)``: the last frame drawn at the pixel
    tests' size (FINAL_FRAME_SIZE), an RGBA uint8 array."""

    def by_check(self, prefix: str) -> list[Finding]:
        """Findings whose check name starts with ``prefix``."""
        return [f for f in self.findings if f.check.startswith(prefix)]


# -- text discovery -------------------------------------------------------------------
def _text_types() -> tuple[type[Any], ...]:
    from scenes.common.mobjects import TEXT_TYPES

    return TEXT_TYPES


def describe(mob: Any) -> str:
    """A short human name for a text mobject: its class and content."""
    for attr in ("original_text", "tex_string", "text"):
        value = getattr(mob, attr, None)
        if isinstance(value, str) and value.strip():
            content = " ".join(value.split())
            return f"{type(mob).__name__} {content[:40]!r}"
    if hasattr(mob, "number"):
        try:
            return f"{type(mob).__name__} {float(mob.number):g}"
        except (TypeError, ValueError):
            return f"{type(mob).__name__} {mob.number!r}"
    return type(mob).__name__


def _visible(mob: Any) -> bool:
    for sub in mob.get_family():
        if not sub.has_points():
            continue
        fill = sub.get_fill_opacity() if hasattr(sub, "get_fill_opacity") else 1.0
        stroke = sub.get_stroke_opacity() if hasattr(sub, "get_stroke_opacity") else 0.0
        width = sub.get_stroke_width() if hasattr(sub, "get_stroke_width") else 0.0
        if fill > 0.05 or (stroke > 0.05 and width > 0):
            return True
    return False


def iter_texts(mobjects: Iterable[Any]) -> Iterator[Any]:
    """The outermost visible text-like mobjects among ``mobjects`` and their families."""
    kinds = _text_types()
    seen: set[int] = set()

    def walk(mob: Any) -> Iterator[Any]:
        if id(mob) in seen:
            return
        seen.add(id(mob))
        if isinstance(mob, kinds):
            text: Any = mob
            if text.has_points() or text.submobjects:
                yield text
            return
        for sub in mob.submobjects:
            yield from walk(sub)

    for mob in mobjects:
        for text in walk(mob):
            if _visible(text) and text.width > 1e-3 and text.height > 1e-3:
                yield text


def _font_size(mob: Any) -> float | None:
    from manim import Code, Paragraph

    if isinstance(mob, Code | Paragraph):
        return None
    try:
        size = float(mob.font_size)
    except (AttributeError, TypeError, ValueError, ZeroDivisionError):
        return None
    return size if np.isfinite(size) else None


# -- what is on screen -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Placed:
    """A mobject on screen: its top-level mobject, number line and draw order."""

    mob: Any
    top: Any
    axis: int | None
    """``id`` of the NumberLine it belongs to (tick labels, ticks, the line itself)."""
    order: int


@dataclass(frozen=True, slots=True)
class FrameScan:
    """The visible texts and the other visible mobjects with points, in draw order."""

    texts: list[Placed]
    shapes: list[Placed]


def _opacities(mob: Any) -> tuple[float, float, float]:
    """A mobject's own fill opacity, stroke opacity and stroke width.

    Only vector mobjects and images are drawn; other mobjects with points
    (a ValueTracker keeps its value in its points) count as invisible.
    """
    from manim import ImageMobject, VMobject

    if isinstance(mob, VMobject):
        return (
            float(mob.get_fill_opacity()),
            float(mob.get_stroke_opacity()),
            float(mob.get_stroke_width()),
        )
    if isinstance(mob, ImageMobject):
        return 1.0, 0.0, 0.0
    return 0.0, 0.0, 0.0


def _is_line(mob: Any) -> bool:
    """A stroked, unfilled mobject: a curve, line, axis, contour or guide."""
    fill, stroke, width = _opacities(mob)
    return fill <= 0.05 and stroke > 0.05 and width > 0


def scan_frame(mobjects: Iterable[Any]) -> FrameScan:
    """Walk the scene's mobjects once: outermost visible texts, other visible parts."""
    from manim import NumberLine

    kinds = _text_types()
    texts: list[Placed] = []
    shapes: list[Placed] = []
    seen: set[int] = set()

    def walk(mob: Any, top: Any, axis: int | None) -> None:
        if id(mob) in seen:
            return
        seen.add(id(mob))
        if isinstance(mob, NumberLine):
            axis = id(mob)
        order = len(texts) + len(shapes)
        if isinstance(mob, kinds):
            if (
                (mob.has_points() or mob.submobjects)
                and _visible(mob)
                and mob.width > 1e-3
                and mob.height > 1e-3
            ):
                texts.append(Placed(mob, top, axis, order))
            return
        if mob.has_points():
            fill, stroke, width = _opacities(mob)
            if fill > 0.05 or (stroke > 0.05 and width > 0):
                shapes.append(Placed(mob, top, axis, order))
        for sub in mob.submobjects:
            walk(sub, top, axis)

    for mob in mobjects:
        walk(mob, mob, None)
    return FrameScan(texts, shapes)


def _box(mob: Any) -> tuple[np.ndarray, np.ndarray]:
    """Lower-left and upper-right corners (x, y) of a mobject's own points."""
    pts = np.asarray(mob.points)[:, :2]
    return pts.min(axis=0), pts.max(axis=0)


def name_of(mob: Any, top: Any | None = None) -> str:
    """A human name for any mobject: texts by content, others by class and what they hold."""
    if isinstance(mob, _text_types()):
        return describe(mob)
    name = type(mob).__name__
    if top is not None and top is not mob:
        outer = name_of(top)
        name = f"part of {outer}" if type(top) is type(mob) else f"{name} in {outer}"
    else:
        inner = next(iter_texts([mob]), None)
        if inner is not None:
            name = f"{name} holding {describe(inner)}"
    return name


def glyphs(text: Any) -> list[Any]:
    """The drawn parts of a text mobject (one per glyph; a Code block's lines only)."""
    from manim import Code

    parts: Any = text
    if isinstance(text, Code):
        parts = [p for p in (text.code_lines, getattr(text, "line_numbers", None)) if p]
    else:
        parts = [text]
    out: list[Any] = []
    for part in parts:
        out += [m for m in part.family_members_with_points() if len(m.points) >= 2]
    return out


def _glyph_boxes(text: Any) -> np.ndarray:
    """``(n, 4)`` array of glyph boxes: x0, y0, x1, y1."""
    boxes = [np.concatenate(_box(g)) for g in glyphs(text)]
    return np.array(boxes) if boxes else np.zeros((0, 4))


def _tex_types() -> tuple[type[Any], ...]:
    from manim import DecimalNumber, SingleStringMathTex

    return (SingleStringMathTex, DecimalNumber)


def _glyph_chars(text: Any) -> str:
    """The characters of ``text``'s glyphs in :func:`glyphs` order ("" if unknown).

    A Text has one glyph per non-space character. A Code block's glyphs are its
    code's non-space characters, then its line numbers (digits).
    """
    from manim import Code

    if isinstance(text, Code):
        html = getattr(text, "_code_html", None)
        code = "".join(html.get_text().split()) if html is not None else ""
        numbers = getattr(text, "line_numbers", None)
        count = len(numbers.family_members_with_points()) if numbers else 0
        return code + "0" * count
    return "".join(str(getattr(text, "original_text", "")).split())


def drawn_height(text: Any) -> float | None:
    """How high the text's small glyphs are drawn (scene units), after any scaling.

    The reference is the shortest glyph among the full-size ones: flat marks
    (minus, rules, bars: height under 0.4 x width) are left out, so are raised
    marks (primes, superscripts, accents: bottom more than half a glyph above
    the baseline), low marks (commas: top less than a third of a glyph above
    it) and marks under half the median glyph height (dots).
    For lower-case text that is the x-height, for digits the digit height, for
    capitals the cap height: what MIN_TEXT_HEIGHT bounds. In a Text only letters
    and digits count; a text set vertically (rotated) is measured across.
    """
    boxes = _glyph_boxes(text)
    chars = _glyph_chars(text)
    if chars and len(chars) == len(boxes):
        # One glyph per non-space character: measure letters and digits only
        # (bullets, arrows and punctuation are marks); none, nothing to check.
        boxes = boxes[[c.isalnum() for c in chars]]
    if not len(boxes):
        return None
    w = boxes[:, 2] - boxes[:, 0]
    h = boxes[:, 3] - boxes[:, 1]
    bottom = boxes[:, 1]
    centres = (boxes[:, :2] + boxes[:, 2:]) / 2
    stacked_tex = isinstance(
        text, _tex_types()
    )  # an accent over a letter, not rotation
    if (
        not stacked_tex
        and len(boxes) > 1
        and np.ptp(centres[:, 1]) > np.ptp(centres[:, 0])
    ):
        # Set vertically (a rotated axis title): glyph height runs along x.
        w, h, bottom = h, w, np.zeros(len(boxes))
    solid = h >= 0.4 * w
    if not solid.any():
        return None
    h, bottom = h[solid], bottom[solid]
    mid = float(np.median(h))
    base = float(np.median(bottom))
    top = bottom + h
    # raised marks (bottom well above the baseline) and low ones (a comma: its top
    # barely above the baseline) are not the glyph height
    h = h[(bottom <= base + 0.5 * mid) & (top > base + 0.3 * mid)]
    if not len(h):
        return None
    core = h[h >= 0.5 * float(np.median(h))]
    return float(core.min())


def _em_px(text: Any) -> float | None:
    """The text's em as drawn, in 480p pixels (from its font size, which tracks scaling)."""
    size = _font_size(text)
    if size is None:
        return None
    per = (
        TEX_EM_PER_FONT_SIZE
        if isinstance(text, _tex_types())
        else TEXT_EM_PER_FONT_SIZE
    )
    return size * per * PX_PER_UNIT


def is_large_text(text: Any) -> bool:
    """WCAG 2.1 large text: an em of 24 px or more, or 18.66 px or more in bold.

    WCAG's 18 pt / 14 pt bold are 24 / 18.66 CSS px. One CSS px is taken as one
    pixel of the 480p video (854 x 480 shown at its own size); one scene unit is
    60 px. Text's em is font_size / 72 units, TeX's font_size / 96.
    """
    em = _em_px(text)
    if em is None:
        return False
    bold = str(getattr(text, "weight", "NORMAL")).upper() in {
        "BOLD",
        "ULTRABOLD",
        "HEAVY",
        "ULTRAHEAVY",
    }
    return em >= (LARGE_BOLD_TEXT_PX if bold else LARGE_TEXT_PX) - 1e-6


# -- the checks ------------------------------------------------------------------------
def layout_findings(
    texts: list[Any],
    *,
    frame: tuple[float, float],
    allowed: Iterable[tuple[str, str]] = (),
    scene: str = "",
    beat: str = "",
    time_s: float = 0.0,
    groups: dict[int, str] | None = None,
) -> list[Finding]:
    """Check texts against the frame, each other and the minimum size.

    ``groups`` names texts that are reported together when too small (``id`` of
    the text to a group name, e.g. the tick labels of one number line).
    """
    half_w, half_h = frame[0] / 2, frame[1] / 2
    out: list[Finding] = []
    small: dict[str, list[tuple[float, str, Any]]] = {}
    boxes = []
    for mob in texts:
        lo, hi = (
            mob.get_corner(np.array([-1, -1, 0])),
            mob.get_corner(np.array([1, 1, 0])),
        )
        boxes.append((lo, hi))
        name = describe(mob)
        over = {
            "left": (-half_w + MARGIN) - lo[0],
            "right": hi[0] - (half_w - MARGIN),
            "bottom": (-half_h + MARGIN) - lo[1],
            "top": hi[1] - (half_h - MARGIN),
        }
        bad = {k: v for k, v in over.items() if v > 1e-3}
        if bad:
            sides = ", ".join(f"{v:.2f} past the {k} margin" for k, v in bad.items())
            out.append(
                Finding(
                    scene,
                    "layout-frame",
                    beat,
                    time_s,
                    f"{name} is {sides}",
                    getattr(mob, "variant_params", ()),
                )
            )
        size = _font_size(mob)
        drawn = drawn_height(mob)
        small_font = size is not None and size < MIN_FONT_SIZE - 0.5
        small_glyphs = drawn is not None and drawn < MIN_TEXT_HEIGHT - 1e-3
        if small_font or small_glyphs:
            font = f"font size {size:.0f}" if size is not None else "no font size"
            high = (
                f"glyphs drawn {drawn:.3f} units high ({drawn * PX_PER_UNIT:.1f} px)"
                if drawn is not None
                else "glyphs not measured"
            )
            key = (groups or {}).get(id(mob), f"#{id(mob)}")
            small.setdefault(key, []).append(
                (drawn if drawn is not None else 0.0, f"{name} has {font}, {high}", mob)
            )
    for key, items in small.items():
        items.sort(key=lambda x: x[0])
        _, worst, mob = items[0]
        if len(items) > 1:
            worst = f"{len(items)} {key}: the smallest, {worst}"
        out.append(
            Finding(
                scene,
                "layout-size",
                beat,
                time_s,
                f"{worst} (min font size {MIN_FONT_SIZE:.0f}, glyphs"
                f" {MIN_TEXT_HEIGHT} units = {MIN_TEXT_HEIGHT * PX_PER_UNIT:.1f} px"
                " to read at 480p)",
                getattr(mob, "variant_params", ()),
                fix="draw it larger (a SIZES size), or scale its group down less:"
                " the size that counts is the one after scaling",
            )
        )
    out += overlap_findings(
        texts, boxes, allowed=allowed, scene=scene, beat=beat, time_s=time_s
    )
    return out


def overlap_findings(
    texts: list[Any],
    boxes: list[tuple[np.ndarray, np.ndarray]] | None = None,
    *,
    allowed: Iterable[tuple[str, str]] = (),
    scene: str = "",
    beat: str = "",
    time_s: float = 0.0,
    check: str = "layout-overlap",
    lead: str = "",
    pairs: Callable[[Any, Any], bool] | None = None,
    fix: str = "",
) -> list[Finding]:
    """Pairs of texts whose boxes overlap by more than OVERLAP_FRACTION of the smaller.

    ``lead`` starts each message (the midway check says which animation it was);
    ``pairs``, if given, says which pairs of texts to check at all.
    """
    if boxes is None:
        boxes = [
            (t.get_corner(np.array([-1, -1, 0])), t.get_corner(np.array([1, 1, 0])))
            for t in texts
        ]
    out: list[Finding] = []
    allowed_pairs = [(a, b) for a, b in allowed]
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            (alo, ahi), (blo, bhi) = boxes[i], boxes[j]
            w = min(ahi[0], bhi[0]) - max(alo[0], blo[0])
            h = min(ahi[1], bhi[1]) - max(alo[1], blo[1])
            if w <= OVERLAP_MIN or h <= OVERLAP_MIN:
                continue
            area_a = (ahi[0] - alo[0]) * (ahi[1] - alo[1])
            area_b = (bhi[0] - blo[0]) * (bhi[1] - blo[1])
            share = w * h / max(min(area_a, area_b), 1e-9)
            if share <= OVERLAP_FRACTION:
                continue
            if pairs is not None and not pairs(texts[i], texts[j]):
                continue
            na, nb = describe(texts[i]), describe(texts[j])
            if any(
                (a in na and b in nb) or (a in nb and b in na) for a, b in allowed_pairs
            ):
                continue
            out.append(
                Finding(
                    scene,
                    check,
                    beat,
                    time_s,
                    f"{lead}{na} overlaps {nb} by {w:.2f} x {h:.2f} units "
                    f"({share:.0%} of the smaller)",
                    tuple(
                        dict.fromkeys(
                            getattr(texts[i], "variant_params", ())
                            + getattr(texts[j], "variant_params", ())
                        )
                    ),
                    fix=fix,
                )
            )
    return out


def _sides(
    lo: np.ndarray, hi: np.ndarray, half_w: float, half_h: float, buff: float
) -> dict[str, float]:
    """How far (scene units) a box reaches into the ``buff`` margin on each side."""
    return {
        "left": (-half_w + buff) - float(lo[0]),
        "right": float(hi[0]) - (half_w - buff),
        "bottom": (-half_h + buff) - float(lo[1]),
        "top": float(hi[1]) - (half_h - buff),
    }


def _placed_name(placed: Placed) -> str:
    """``name_of`` with a tick label's axes named too."""
    name = name_of(placed.mob, placed.top)
    if placed.axis is not None and isinstance(placed.mob, _text_types()):
        name = f"{name} (a tick label of {name_of(placed.top)})"
    return name


def margin_findings(
    scan: FrameScan,
    *,
    frame: tuple[float, float],
    scene: str = "",
    beat: str = "",
    time_s: float = 0.0,
) -> list[Finding]:
    """Every visible mobject keeps EDGE_BUFF from the frame edges (one finding per group)."""
    half_w, half_h = frame[0] / 2, frame[1] / 2
    worst: dict[int, tuple[float, str, Placed]] = {}
    for is_text, placed in [(True, t) for t in scan.texts] + [
        (False, p) for p in scan.shapes
    ]:
        mob = placed.mob
        if is_text:
            lo = mob.get_corner(np.array([-1, -1, 0]))[:2]
            hi = mob.get_corner(np.array([1, 1, 0]))[:2]
            if max(_sides(lo, hi, half_w, half_h, MARGIN).values()) > 1e-3:
                continue  # reported as layout-frame
        else:
            lo, hi = _box(mob)
            if hi[0] - lo[0] >= frame[0] - 1e-3 and hi[1] - lo[1] >= frame[1] - 1e-3:
                continue  # a full-frame backdrop
        side, over = max(
            _sides(lo, hi, half_w, half_h, EDGE_BUFF).items(), key=lambda kv: kv[1]
        )
        # One finding per group; a text is its own unless it is a tick label.
        key = id(mob) if is_text and placed.axis is None else id(placed.top)
        if over > 1e-3 and over > worst.get(key, (0.0, "", placed))[0]:
            worst[key] = (over, side, placed)
    out: list[Finding] = []
    for over, side, placed in worst.values():
        gap = EDGE_BUFF - over
        where = (
            f"{gap:.2f} from the {side} edge"
            if gap >= 0
            else f"{-gap:.2f} past the {side} edge"
        )
        out.append(
            Finding(
                scene,
                "layout-margin",
                beat,
                time_s,
                f"{_placed_name(placed)} is {where}"
                f" ({gap * PX_PER_UNIT:.0f} px; margin EDGE_BUFF = {EDGE_BUFF})",
                getattr(placed.top, "variant_params", ()),
                fix="fit the group with self.stage(...) / fit_to_stage(...), or place it"
                " with buff=EDGE_BUFF",
            )
        )
    return out


def _samples(mob: Any, per_curve: int = 8) -> tuple[np.ndarray, np.ndarray]:
    """A line mobject as straight segments (start, end): its cubic curves sampled."""
    pts = np.asarray(mob.points)[:, :2]
    n = len(pts) // 4
    if n == 0:
        return pts[:-1], pts[1:]
    p = pts[: 4 * n].reshape(n, 4, 2)
    t = np.linspace(0.0, 1.0, per_curve + 1)[None, :, None]
    u = 1 - t
    curve = (
        u**3 * p[:, None, 0]
        + 3 * u**2 * t * p[:, None, 1]
        + 3 * u * t**2 * p[:, None, 2]
        + t**3 * p[:, None, 3]
    )
    return curve[:, :-1].reshape(-1, 2), curve[:, 1:].reshape(-1, 2)


def _crossed(a: np.ndarray, b: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Which boxes (x0, y0, x1, y1) any segment a->b passes through (Liang-Barsky)."""
    d = b - a
    t0 = np.zeros((len(a), len(boxes)))
    t1 = np.ones((len(a), len(boxes)))
    for axis in (0, 1):
        lo, hi = boxes[None, :, axis], boxes[None, :, axis + 2]
        p, dd = a[:, axis : axis + 1], d[:, axis : axis + 1]
        flat = np.abs(dd) < 1e-12
        with np.errstate(divide="ignore", invalid="ignore"):
            ta = (lo - p) / np.where(flat, 1.0, dd)
            tb = (hi - p) / np.where(flat, 1.0, dd)
        inside = (p >= lo) & (p <= hi)
        tmin = np.where(flat, np.where(inside, -np.inf, np.inf), np.minimum(ta, tb))
        tmax = np.where(flat, np.where(inside, np.inf, -np.inf), np.maximum(ta, tb))
        t0 = np.maximum(t0, tmin)
        t1 = np.minimum(t1, tmax)
    return np.asarray((t0 <= t1).any(axis=0))


def _allowed(a: str, b: str, pairs: Iterable[tuple[str, str]]) -> bool:
    return any((x in a and y in b) or (x in b and y in a) for x, y in pairs)


def crossing_findings(
    scan: FrameScan,
    *,
    allowed: Iterable[tuple[str, str]] = (),
    scene: str = "",
    beat: str = "",
    time_s: float = 0.0,
) -> list[Finding]:
    """No curve, line or arrow tip runs through a text's glyph boxes (own number line exempt).

    An arrow's tip is filled, so it is no line; its outline is tested as one (a tip
    resting on a label is the same defect as the arrow's line through it).
    """
    from manim import ArrowTip

    lines = [p for p in scan.shapes if _is_line(p.mob) or isinstance(p.mob, ArrowTip)]
    if not lines or not scan.texts:
        return []
    pairs = list(allowed)
    line_boxes = [_box(p.mob) for p in lines]
    segments: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    crossings: dict[tuple[int, int], list[tuple[Placed, int, int]]] = {}
    out: list[Finding] = []
    for text in scan.texts:
        boxes = _glyph_boxes(text.mob)
        if not len(boxes):
            continue
        w, h = boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]
        inset = np.stack([w, h, -w, -h], axis=1) * CROSSING_INSET
        boxes = boxes + inset
        tlo, thi = boxes[:, :2].min(axis=0), boxes[:, 2:].max(axis=0)
        tname = describe(text.mob)
        for i, line in enumerate(lines):
            if line.axis is not None and line.axis == text.axis:
                continue  # a tick label beside its own axis and ticks
            llo, lhi = line_boxes[i]
            if (llo > thi).any() or (lhi < tlo).any():
                continue
            if i not in segments:
                segments[i] = _samples(line.mob)
            a, b = segments[i]
            near = ~(
                (np.minimum(a, b) > thi).any(axis=1)
                | (np.maximum(a, b) < tlo).any(axis=1)
            )
            if not near.any():
                continue
            hit = _crossed(a[near], b[near], boxes)
            if not hit.any():
                continue
            lname = name_of(line.mob, line.top)
            if _allowed(tname, lname, pairs):
                continue
            # Tick labels of one axes crossed by one line make one finding.
            key = (i, id(text.top) if text.axis is not None else id(text.mob))
            crossings.setdefault(key, []).append((text, int(hit.sum()), len(boxes)))
    for (i, _), hits in crossings.items():
        line = lines[i]
        lname = name_of(line.mob, line.top)
        text, crossed, total = max(hits, key=lambda h: h[1] / h[2])
        tname = describe(text.mob)
        if len(hits) > 1:
            labels = ", ".join(describe(h[0].mob).split(" ", 1)[-1] for h in hits[:6])
            what = f"{len(hits)} tick labels of {name_of(text.top)} ({labels})"
        else:
            what = f"{tname} ({crossed} of {total} glyphs)"
        out.append(
            Finding(
                scene,
                "layout-crossing",
                beat,
                time_s,
                f"{lname} crosses {what}",
                tuple(
                    dict.fromkeys(
                        getattr(text.top, "variant_params", ())
                        + getattr(line.top, "variant_params", ())
                    )
                ),
                fix="move the label off the line (next_to with a SPACE buff, clear of"
                " the data), clip the line to the plot box (clip_to_axes), or if it"
                f" is meant add ({tname!r}, {type(line.mob).__name__!r}) to"
                " allowed_overlaps",
            )
        )
    return out


def _palette_name(hex_colour: str) -> str:
    from dataclasses import fields

    for f in fields(PALETTE):
        if str(getattr(PALETTE, f.name)).upper() == hex_colour.upper():
            return f"PALETTE.{f.name}"
    return "not a palette colour"


def _rgb(colour: Any) -> np.ndarray:
    """sRGB (0..1) of a colour string or Manim colour."""
    c = Color(str(colour).lower()) if not isinstance(colour, np.ndarray) else None
    if c is None:
        return np.asarray(colour, dtype=float)[:3]
    return np.asarray(c.convert("srgb").coords(), dtype=float)


def _hex(rgb: np.ndarray) -> str:
    return (
        Color("srgb", [float(v) for v in np.clip(rgb, 0, 1)])
        .to_string(hex=True)
        .upper()
    )


_CONTRAST_CACHE: dict[tuple[float, ...], float] = {}


def contrast_ratio(fg: np.ndarray, bg: np.ndarray) -> float:
    """WCAG 2.1 contrast ratio of two opaque sRGB colours (coloraide's ``wcag21``)."""
    key = tuple(np.round(np.concatenate([fg, bg]), 4))
    if key not in _CONTRAST_CACHE:
        _CONTRAST_CACHE[key] = float(
            Color("srgb", [float(v) for v in fg]).contrast(
                Color("srgb", [float(v) for v in bg]), method="wcag21"
            )
        )
    return _CONTRAST_CACHE[key]


def _over(fg: np.ndarray, alpha: float, bg: np.ndarray) -> np.ndarray:
    """``fg`` at ``alpha`` over ``bg``, blended in sRGB as the renderer does."""
    return alpha * fg + (1 - alpha) * bg


def contrast_findings(
    scan: FrameScan,
    *,
    background: Any = PALETTE.background,
    scene: str = "",
    beat: str = "",
    time_s: float = 0.0,
) -> list[Finding]:
    """Every text's colour as drawn meets WCAG AA against what is under it."""
    from manim import Rectangle

    base = _rgb(background)
    panels = [
        p
        for p in scan.shapes
        if isinstance(p.mob, Rectangle) and _opacities(p.mob)[0] > 0.05
    ]
    out: list[Finding] = []
    for text in scan.texts:
        centre = text.mob.get_center()[:2]
        under, on = base, "the background"
        for panel in panels:
            lo, hi = _box(panel.mob)
            if (
                panel.order < text.order
                and (lo <= centre).all()
                and (centre <= hi).all()
            ):
                fill = panel.mob.get_fill_opacity()
                under = _over(_rgb(panel.mob.get_fill_color()), fill, under)
                on = f"a {type(panel.mob).__name__} panel ({_hex(under)})"
        need = CONTRAST_LARGE if is_large_text(text.mob) else CONTRAST_NORMAL
        worst: tuple[float, str, float] | None = None
        for glyph in glyphs(text.mob):
            lo, hi = _box(glyph)
            if hi[1] - lo[1] < 0.4 * (hi[0] - lo[0]):
                continue  # a rule or bar (e.g. TeX's \rule as a divider), not a letter
            rgbas = getattr(glyph, "fill_rgbas", None)
            if rgbas is None or not len(rgbas):
                continue
            rgba = np.asarray(rgbas[0], dtype=float)
            if rgba[3] <= 0.05:
                continue
            ratio = contrast_ratio(_over(rgba[:3], float(rgba[3]), under), under)
            if worst is None or ratio < worst[0]:
                worst = (ratio, _hex(rgba[:3]), float(rgba[3]))
        if worst is None or worst[0] >= need - 1e-6:
            continue
        ratio, colour, alpha = worst
        em = _em_px(text.mob)
        size = f"{em:.0f} px em" if em is not None else "unknown size"
        dimmed = f" at opacity {alpha:.2f}" if alpha < 0.999 else ""
        out.append(
            Finding(
                scene,
                "layout-contrast",
                beat,
                time_s,
                f"{describe(text.mob)} in {colour} ({_palette_name(colour)}){dimmed} on {on}"
                f" has contrast {ratio:.2f}:1, WCAG AA needs {need:g}:1"
                f" ({'large' if need == CONTRAST_LARGE else 'normal'} text, {size})",
                getattr(text.top, "variant_params", ()),
                fix="use a text colour that passes (PALETTE.text, subtle, or a semantic"
                " colour), do not dim text that must be read, or make it large",
            )
        )
    return out


def _caption_at(captions: list[subtitles.Cue], t: float) -> str:
    for cue in captions:
        if cue.start - 1e-6 <= t < cue.end:
            return " ".join(cue.text.split())
    return ""


def pacing_findings(scene: str, report: SceneReport) -> list[Finding]:
    """Still stretches over STILL_MAX s (not the final hold) and a still share over STILL_SHARE."""
    stretches: list[list[Segment]] = []
    for seg in report.timeline:
        if seg.end - seg.start <= 1e-9:
            continue
        if (
            seg.still
            and stretches
            and stretches[-1][-1].still
            and abs(stretches[-1][-1].end - seg.start) < 1e-6
        ):
            stretches[-1].append(seg)
        else:
            stretches.append([seg])
    timing = f"VOICE={report.voice}" + (
        " reading-speed timing" if report.voice == "none" else " timing"
    )
    out: list[Finding] = []
    duration = max(report.duration, 1e-9)
    tol = 0.5 / DRY_RUN_CONFIG["frame_rate"]
    still_runs = [run for run in stretches if run[0].still]
    previous: dict[int, str] = {}
    last_motion = "the start"
    for run in stretches:
        if run[0].still:
            previous[id(run[0])] = last_motion
        else:
            last_motion = run[-1].what
    for run in still_runs:
        start, end = run[0].start, run[-1].end
        if end >= report.duration - 1e-6 or end - start <= STILL_MAX + tol:
            continue  # the final hold, or short enough
        line = _caption_at(report.captions, start)
        said = f"; subtitle then: {line[:60]!r}" if line else "; no subtitle"
        out.append(
            Finding(
                scene,
                "pacing-still",
                run[0].beat,
                start,
                f"the frame is still for {end - start:.1f}s ({start:.1f}-{end:.1f}s, after"
                f" {previous[id(run[0])]}){said} ({timing}; max {STILL_MAX:g}s)",
                fix="put motion under the line (narrate(..., fill=True), a sweep, a trace,"
                " a build-up) or split the line",
            )
        )
    total = sum(run[-1].end - run[0].start for run in still_runs)
    if total / duration > STILL_SHARE + 1e-9:
        per_beat: dict[str, float] = {}
        for run in still_runs:
            for seg in run:
                per_beat[seg.beat] = per_beat.get(seg.beat, 0.0) + seg.end - seg.start
        beat = max(per_beat, key=lambda b: per_beat[b])
        longest = max(still_runs, key=lambda r: r[-1].end - r[0].start)
        out.append(
            Finding(
                scene,
                "pacing-share",
                beat,
                longest[0].start,
                f"{total / duration:.0%} of the scene is still ({total:.1f}s of"
                f" {report.duration:.1f}s, max {STILL_SHARE:.0%}); most in beat {beat!r}"
                f" ({per_beat[beat]:.1f}s), longest {longest[-1].end - longest[0].start:.1f}s"
                f" from {longest[0].start:.1f}s"
                f"{' (the final hold)' if longest[-1].end >= report.duration - 1e-6 else ''}"
                f" ({timing})",
                fix="animations should last as long as their line (narrate(..., fill=True));"
                " add motion under long lines",
            )
        )
    return out


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: dict[tuple[str, str], Finding] = {}
    for f in findings:
        seen.setdefault((f.check, f.message), f)
    return list(seen.values())


def tex_dir() -> Path:
    """The TeX folder of a dry run: the shared, locked cache of :mod:`tools.texcache`.

    :func:`tools.texcache.install` is called here, so every process that dry-runs a
    scene (the gate before ``make render VARIANT=...``, ``make script``, a test
    worker) compiles each formula once for the course, under the cache's lock, and
    the render that follows reuses it. (A folder per test worker, compiled without
    the lock, made the same formulas twice or three times in one test run.)
    """
    from tools import texcache

    texcache.install()
    return TEX_CACHE


def _rendered_clock(scene: Any, start: float) -> float:
    """The clock after the play just made, as a render would have moved it.

    Skipping, Manim adds the exact run time. Rendering, it adds ``1/fps`` per step
    of ``arange(0, run_time, 1/fps)``, or ``int(run_time * fps)`` frames at once
    for a static wait (``CairoRenderer.freeze_current_frame``); the same float
    additions here give the same clock to the last bit.
    """
    from manim import config

    dt = 1 / config.frame_rate
    t = start
    if scene.is_current_animation_frozen_frame():
        t += int(scene.duration / dt) * dt
    else:
        for _ in range(len(np.arange(0, scene.duration, dt))):
            t += dt
    return t


def _animated(anim: Any) -> list[Any]:
    """Every mobject ``anim`` animates, its parts included (groups of animations opened)."""
    from scenes.common.handover import leaves

    return [
        m
        for a in leaves(anim)
        if getattr(a, "mobject", None) is not None
        for m in a.mobject.get_family()
    ]


class _Halfway:
    """A play's time progression, skipping: half its run time, a look, then the end."""

    def __init__(self, bar: Any, run_time: float, look: Callable[[], None]) -> None:
        self.bar, self.run_time, self.look = bar, run_time, look

    def __iter__(self) -> Iterator[float]:
        yield self.run_time / 2
        self.look()
        yield self.run_time

    def close(self) -> None:
        self.bar.close()


def _draw_nothing(*_args: Any, **_kwargs: Any) -> None:
    """Stands in for ``Camera.capture_mobjects`` in the gate's dry runs."""


def _drawn_opacity(mob: Any) -> float:
    """The most opaque any drawn part of ``mob`` is (fill, or a stroke with width)."""
    most = 0.0
    for sub in mob.get_family():
        if sub.has_points():
            fill, stroke, width = _opacities(sub)
            most = max(most, fill, stroke if width > 0 else 0.0)
    return most


def midway_findings(
    scan: FrameScan,
    moving: set[int],
    *,
    what: str,
    morphs: Iterable[set[int]] = (),
    passing: set[int] | None = None,
    allowed: Iterable[tuple[str, str]] = (),
    scene: str = "",
    beat: str = "",
    time_s: float = 0.0,
) -> list[Finding]:
    """Texts overlapping halfway through an animation (``moving``: ids of its mobjects).

    A pair counts when one of the two is animated (a pair that stands still is
    the after-animation check's) and both are drawn at least MIDWAY_OPACITY
    opaque. Not counted: two parts of one mobject being transformed (``morphs``,
    each the ids of a Transform's mobject: its glyphs pass each other on the way)
    and a text marked ``passing`` (``passing``: a value carried along an edge,
    a copy flown to where it lands, on purpose).
    """
    groups = [set(m) for m in morphs]
    crossing = passing or set()
    texts = [t.mob for t in scan.texts if _drawn_opacity(t.mob) >= MIDWAY_OPACITY]

    def counts(a: Any, b: Any) -> bool:
        if id(a) not in moving and id(b) not in moving:
            return False
        if id(a) in crossing or id(b) in crossing:
            return False
        return not any(id(a) in g and id(b) in g for g in groups)

    return overlap_findings(
        texts,
        allowed=allowed,
        scene=scene,
        beat=beat,
        time_s=time_s,
        check="layout-midway",
        lead=f"halfway through {what}: ",
        pairs=counts,
        fix="let the old text leave before the new one comes (FadeOut, then FadeIn),"
        " Transform the one into the other, or mark a text carried on purpose"
        " passing = True",
    )


def inspect_scene(
    item: outline.Item,
    *,
    media_dir: Path | None = None,
    rasterise: bool = False,
    params: Any = None,
    final_frame: bool = False,
) -> SceneReport:
    """Dry-run one scene with the layout lint attached; check subtitles, duration, shape.

    The lint reads geometry, never pixels, so by default the camera draws nothing
    (``rasterise=False``): the scene runs three to four times faster with the same
    timings, beats and findings (tests/scenes/test_scene_quality.py checks that
    on one scene). ``final_frame`` draws the last frame for the pixel tests.
    ``params`` runs a parametric scene with a variant's parameters (tools/variants.py).
    ``final_frame`` draws the last frame, at FINAL_FRAME_SIZE, into
    ``report.final_frame`` once the scene has run: the pixel tests compare that frame,
    so one run of each scene serves both (tests/graphical/test_final_frames.py).
    Geometry is in scene units, so the frame size changes no finding.
    """
    from manim import ThreeDScene, Transform, config, tempconfig

    from scenes.common.handover import leaves

    report = SceneReport(item.scene, item.number)
    cls = item.load()
    # Per test worker: Manim's Text cache in <media>/texts is
    # written and deleted by whoever draws the same text, so workers must not share it.
    media = media_dir or BUILD / "quality" / os.environ.get(
        "PYTEST_XDIST_WORKER", "main"
    )
    settings = {
        **DRY_RUN_CONFIG,
        "media_dir": str(media),
        "tex_dir": str(tex_dir()),
    }
    if final_frame:
        settings["pixel_height"], settings["pixel_width"] = FINAL_FRAME_SIZE
    started = time.monotonic()
    with tempconfig(settings):
        # Without pixels, nothing needs the frames in between: each play jumps to
        # its end state (Manim's own skipping), and play() below keeps the clock
        # on whole frames, as a render at the dry run's frame rate counts it.
        scene = cls(skip_animations=not rasterise)
        if params is not None:
            scene.params = params
        if not rasterise:
            scene.renderer.camera.capture_mobjects = _draw_nothing
        frame = (config.frame_width, config.frame_height)
        allowed = getattr(scene, "allowed_overlaps", ())
        raw: list[Finding] = []
        last = {"call": ""}

        def on_screen() -> list[Any]:
            if isinstance(scene, ThreeDScene):
                fixed: set[Any] = getattr(
                    scene.camera, "fixed_in_frame_mobjects", set()
                )
                return [m for m in scene.mobjects if m in fixed]
            return list(scene.mobjects)

        def check() -> None:
            scan = scan_frame(on_screen())
            where: dict[str, Any] = {
                "scene": item.scene,
                "beat": getattr(scene, "current_beat", "?"),
                "time_s": float(scene.time),
            }
            texts = [t.mob for t in scan.texts]
            groups = {
                id(t.mob): f"tick labels of {name_of(t.top)}"
                for t in scan.texts
                if t.axis is not None
            }
            raw.extend(
                layout_findings(
                    texts, frame=frame, allowed=allowed, groups=groups, **where
                )
            )
            raw.extend(margin_findings(scan, frame=frame, **where))
            raw.extend(crossing_findings(scan, allowed=allowed, **where))
            raw.extend(contrast_findings(scan, **where))

        original_progression = scene._get_animation_time_progression

        def progression(animations: list[Any], duration: float) -> Any:
            """Skipping, Manim jumps to each play's end; stop halfway and look first."""
            bar = original_progression(animations, duration)
            if (
                not scene.renderer.skip_animations
                or duration <= 0
                or is_still(tuple(animations))
            ):
                return bar

            def halfway() -> None:
                moving = {id(m) for a in animations for m in _animated(a)}
                shown = on_screen()
                raw.extend(
                    midway_findings(
                        scan_frame(shown),
                        moving,
                        what=what(tuple(animations)),
                        morphs=[
                            {id(m) for m in t.mobject.get_family()}
                            for a in animations
                            for t in leaves(a)
                            if isinstance(t, Transform)
                        ],
                        passing={
                            id(m)
                            for top in shown
                            for x in top.get_family()
                            if getattr(x, "passing", False)
                            for m in x.get_family()
                        },
                        allowed=allowed,
                        scene=item.scene,
                        beat=getattr(scene, "current_beat", "?"),
                        time_s=float(scene.time) - duration / 2,
                    )
                )

            return _Halfway(bar, duration, halfway)

        scene._get_animation_time_progression = progression
        original_play, original_wait = scene.play, scene.wait

        def is_still(animations: tuple[Any, ...]) -> bool:
            from manim import Wait

            if not animations or not all(isinstance(a, Wait) for a in animations):
                return False
            for a in animations:
                if a.is_static_wait is None:
                    moving = (
                        scene.always_update_mobjects
                        or scene.updaters
                        or a.stop_condition is not None
                        or any(
                            m.has_time_based_updater()
                            for m in scene.get_mobject_family_members()
                        )
                    )
                    if moving:
                        return False
                elif not a.is_static_wait:
                    return False
            return True

        def what(animations: tuple[Any, ...]) -> str:
            names = []
            for a in animations[:2]:
                mob = getattr(a, "mobject", None)
                inner = f"({name_of(mob)})" if mob is not None else ""
                names.append(f"{type(a).__name__.lstrip('_')}{inner}")
            more = f" and {len(animations) - 2} more" if len(animations) > 2 else ""
            return ", ".join(names) + more

        def play(*args: Any, **kwargs: Any) -> None:
            start = float(scene.time)
            original_play(*args, **kwargs)
            if scene.renderer.skip_animations:
                scene.renderer.time = _rendered_clock(scene, start)
            report.timeline.append(
                Segment(
                    start,
                    float(scene.time),
                    is_still(args),
                    getattr(scene, "current_beat", "?"),
                    what(args),
                )
            )
            last["call"] = "play"
            check()

        def wait(*args: Any, **kwargs: Any) -> None:
            original_wait(*args, **kwargs)
            last["call"] = "wait"
            report.waits += 1

        scene.play = play
        scene.wait = wait
        beats: list[str] = []
        original_section = scene.next_section

        def next_section(name: str = "unnamed", *args: Any, **kwargs: Any) -> None:
            beats.append(name)
            original_section(name, *args, **kwargs)

        scene.next_section = next_section
        scene.render()
        check()
        if final_frame:
            camera = scene.renderer.camera
            camera.__dict__.pop("capture_mobjects", None)  # drawing again
            scene.renderer.update_frame(scene, ignore_skipping=True)
            report.final_frame = np.array(scene.renderer.get_frame(), dtype=np.uint8)
        report.duration = float(scene.time)
        report.plays = int(scene.renderer.num_plays)
        report.beats = beats
        report.ended_with_wait = last["call"] == "wait"
        report.captions = [
            subtitles.Cue(c.start, c.end, c.text)
            for c in getattr(scene, "captions", [])
        ]
        voice = getattr(scene, "voice", None)
        report.voice = getattr(voice, "name", "none")
    report.wall = time.monotonic() - started
    report.findings = _dedupe(raw)
    report.findings += pacing_findings(item.scene, report)
    report.findings += structure_findings(item, report)
    return report


def structure_findings(item: outline.Item, report: SceneReport) -> list[Finding]:
    """Subtitles, duration and the conventions every scene follows."""
    out: list[Finding] = []

    def add(check: str, message: str) -> None:
        out.append(Finding(item.scene, check, "-", report.duration, message))

    if not report.captions:
        add("subtitles", "no subtitles: narrate with self.caption(...)")
    for problem in subtitles.check(report.captions, report.duration):
        add("subtitles", problem)
    if report.duration < MIN_DURATION:
        add("duration", f"{report.duration:.1f}s is shorter than {MIN_DURATION:g}s")
    if report.duration > MAX_DURATION:
        add("duration", f"{report.duration:.1f}s is longer than {MAX_DURATION:g}s")
    if len(report.beats) < 2:
        add(
            "structure",
            f"only {len(report.beats)} beat(s): mark beats with self.beat(...)",
        )
    if not report.ended_with_wait:
        add("structure", "construct does not end with self.wait()")
    module = sys.modules[item.load().__module__]
    doc = (module.__doc__ or "").strip()
    if not doc.startswith(item.number):
        add(
            "structure",
            f"module docstring should start with the item number {item.number}",
        )
    return out
