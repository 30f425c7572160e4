"""The quality gate's engine: a dry run of one scene with the layout lint attached.

It owns the checks and their findings (layout, subtitles, duration, structure);
``tools.quality`` is its command line and ``tests/scenes/test_scene_quality.py``
runs the same checks over every scene in the course outline.

How the layout lint works: each scene's ``construct`` runs under Manim's
``dry_run`` (no video is written) with ``play`` and ``wait`` wrapped, so that
after every animation the mobjects on screen are inspected. Every text-like
mobject (Text, MathTex, Tex, DecimalNumber, Code, ...) must

* lie inside the frame, at least ``MARGIN`` from each edge;
* not overlap another text-like mobject by more than ``OVERLAP_FRACTION`` of the
  smaller one's bounding box (unless the scene lists the pair in
  ``allowed_overlaps``);
* have a font size of at least ``MIN_FONT_SIZE`` (what still reads at 480p).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np

from scenes import outline
from tools import subtitles
from tools.paths import BUILD

MARGIN: Final = 0.15
"""Least distance (scene units) between text and the frame edge (about 9 px at 480p)."""
OVERLAP_FRACTION: Final = 0.12
"""Largest share of the smaller text's bounding box another text may cover."""
OVERLAP_MIN: Final = 0.04
"""Overlaps thinner than this (scene units) in either direction are ignored."""
MIN_FONT_SIZE: Final = 20.0
"""Smallest font size (Manim units, 48 = default) that reads at 480p."""
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


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem the gate found, with where and by how much."""

    scene: str
    check: str  # layout-frame | layout-overlap | layout-size | subtitles | duration | structure
    beat: str
    time: float
    message: str
    params: tuple[str, ...] = ()
    """Scene parameters the offending mobjects were drawn from (see params.tag)."""

    def __str__(self) -> str:
        return f"{self.scene} [{self.beat} @ {self.time:.1f}s] {self.check}: {self.message}"


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
    findings: list[Finding] = field(default_factory=list)
    wall: float = 0.0

    def by_check(self, prefix: str) -> list[Finding]:
        """Findings whose check name starts with ``prefix``."""
        return [f for f in self.findings if f.check.startswith(prefix)]


# -- text discovery -------------------------------------------------------------------
def _text_types() -> tuple[type, ...]:
    from manim import (
        Code,
        DecimalNumber,
        MarkupText,
        Paragraph,
        SingleStringMathTex,
        Text,
    )

    return (Text, MarkupText, Paragraph, SingleStringMathTex, DecimalNumber, Code)


def describe(mob: Any) -> str:
    """A short human name for a text mobject: its class and content."""
    for attr in ("original_text", "tex_string", "text"):
        value = getattr(mob, attr, None)
        if isinstance(value, str) and value.strip():
            content = " ".join(value.split())
            return f"{type(mob).__name__} {content[:40]!r}"
    if hasattr(mob, "number"):
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


# -- the checks ------------------------------------------------------------------------
def layout_findings(
    texts: list[Any],
    *,
    frame: tuple[float, float],
    allowed: Iterable[tuple[str, str]] = (),
    scene: str = "",
    beat: str = "",
    time_s: float = 0.0,
) -> list[Finding]:
    """Check texts against the frame, each other and the minimum size."""
    half_w, half_h = frame[0] / 2, frame[1] / 2
    out: list[Finding] = []
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
        if size is not None and size < MIN_FONT_SIZE - 0.5:
            out.append(
                Finding(
                    scene,
                    "layout-size",
                    beat,
                    time_s,
                    f"{name} has font size {size:.0f} (min {MIN_FONT_SIZE:.0f} to read at 480p)",
                )
            )
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
            na, nb = describe(texts[i]), describe(texts[j])
            if any(
                (a in na and b in nb) or (a in nb and b in na) for a, b in allowed_pairs
            ):
                continue
            out.append(
                Finding(
                    scene,
                    "layout-overlap",
                    beat,
                    time_s,
                    f"{na} overlaps {nb} by {w:.2f} x {h:.2f} units "
                    f"({share:.0%} of the smaller)",
                    tuple(
                        dict.fromkeys(
                            getattr(texts[i], "variant_params", ())
                            + getattr(texts[j], "variant_params", ())
                        )
                    ),
                )
            )
    return out


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: dict[tuple[str, str], Finding] = {}
    for f in findings:
        seen.setdefault((f.check, f.message), f)
    return list(seen.values())


def tex_dir() -> Path:
    """A TeX cache per process group: parallel test workers must not share one.

    Two processes compiling the same formula into the same file race (dvisvgm
    then reads a half-written DVI), so each pytest-xdist worker gets its own.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return BUILD / "tex" / worker


def _draw_nothing(*_args: Any, **_kwargs: Any) -> None:
    """Stands in for ``Camera.capture_mobjects`` in the gate's dry runs."""


def inspect_scene(
    item: outline.Item,
    *,
    media_dir: Path | None = None,
    rasterise: bool = False,
    params: Any = None,
) -> SceneReport:
    """Dry-run one scene with the layout lint attached; check subtitles, duration, shape.

    The lint reads geometry, never pixels, so by default the camera draws nothing
    (``rasterise=False``): the scene runs three to four times faster with the same
    timings, beats and findings (tests/scenes/test_scene_quality.py checks that
    on one scene). The pixel tests in tests/graphical still draw every final frame.
    ``params`` runs a parametric scene with a variant's parameters (tools/variants.py).
    """
    from manim import ThreeDScene, config, tempconfig

    report = SceneReport(item.scene, item.number)
    cls = item.load()
    # Per test worker, as the TeX folder: Manim's Text cache in <media>/texts is
    # written and deleted by whoever draws the same text, so workers must not share it.
    media = media_dir or BUILD / "quality" / os.environ.get(
        "PYTEST_XDIST_WORKER", "main"
    )
    settings = {
        **DRY_RUN_CONFIG,
        "media_dir": str(media),
        "tex_dir": str(tex_dir()),
    }
    started = time.monotonic()
    with tempconfig(settings):
        scene = cls()
        if params is not None:
            scene.params = params
        if not rasterise:
            scene.renderer.camera.capture_mobjects = _draw_nothing
        frame = (config.frame_width, config.frame_height)
        allowed = getattr(scene, "allowed_overlaps", ())
        raw: list[Finding] = []
        last = {"call": ""}

        def visible_texts() -> list[Any]:
            if isinstance(scene, ThreeDScene):
                fixed: set[Any] = getattr(
                    scene.camera, "fixed_in_frame_mobjects", set()
                )
                return list(iter_texts([m for m in scene.mobjects if m in fixed]))
            return list(iter_texts(scene.mobjects))

        def check() -> None:
            raw.extend(
                layout_findings(
                    visible_texts(),
                    frame=frame,
                    allowed=allowed,
                    scene=item.scene,
                    beat=getattr(scene, "current_beat", "?"),
                    time_s=float(scene.time),
                )
            )

        original_play, original_wait = scene.play, scene.wait

        def play(*args: Any, **kwargs: Any) -> None:
            original_play(*args, **kwargs)
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
        report.duration = float(scene.time)
        report.plays = int(scene.renderer.num_plays)
        report.beats = beats
        report.ended_with_wait = last["call"] == "wait"
        report.captions = [
            subtitles.Cue(c.start, c.end, c.text)
            for c in getattr(scene, "captions", [])
        ]
    report.wall = time.monotonic() - started
    report.findings = _dedupe(raw)
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
