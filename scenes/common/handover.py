"""Hand-over: in one play, what leaves is gone before what enters is drawn.

A beat change often plays ``FadeOut(old), FadeIn(new)`` together. When both hold
text in the same place, the two cross-fade and read as one smudge for the whole
play (the reviews' "old and new detail lines cross-fade in the same place").
:func:`hand_over` retimes such a play without changing its length or its end:
the leaving animations finish in the first ``HANDOVER`` seconds (at most half
the play) and the other animations that hold text (text entering, or moved or
transformed into the space being cleared) run after that. Animations without
text (a curve drawn, a dot moved, a sweep) keep their timing.

:class:`scenes.common.base.LectureMixin` applies it to every play; the gate's
``layout-midway`` check (tools/layout_lint.py) finds the overlaps it cannot
prevent (a text moved across another, a transform onto a text).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from manim import Animation, AnimationGroup, Mobject

from scenes.common.mobjects import TEXT_TYPES

HANDOVER = 0.6
"""Longest time (s) the leaving animations of a hand-over take (at most half the play)."""


def _all(anim: Animation, test: str) -> bool:
    """``anim`` removes (``test="remover"``) or introduces its mobjects, all of them."""
    if isinstance(anim, AnimationGroup):
        return bool(anim.animations) and all(_all(a, test) for a in anim.animations)
    return anim.is_remover() if test == "remover" else anim.is_introducer()


def leaves(anim: Any) -> list[Any]:
    """``anim``, or the animations inside it (groups opened, to any depth)."""
    inner = getattr(anim, "animations", None)
    return [x for a in inner for x in leaves(a)] if inner else [anim]


def _mobjects(anim: Animation) -> list[Mobject]:
    return [a.mobject for a in leaves(anim) if getattr(a, "mobject", None) is not None]


def _holds_text(anims: Sequence[Animation]) -> bool:
    return any(
        isinstance(m, TEXT_TYPES)
        for a in anims
        for top in _mobjects(a)
        for m in top.get_family()
    )


class Delayed(AnimationGroup):
    """``anim``, started ``delay`` seconds into the play.

    Unlike ``Succession(Wait(delay), anim)`` it begins ``anim`` (and adds an
    introducer's mobject) with the play, as a bare ``anim`` would: an entering
    mobject is transparent, and in its own place in the draw order, until its turn.
    """

    def __init__(self, anim: Animation, delay: float) -> None:
        self.delay = delay
        super().__init__(anim, group=anim.mobject)
        self.introducer = anim.is_introducer()

    def build_animations_with_timings(self) -> None:
        super().build_animations_with_timings()
        self.anims_with_timings["start"] += self.delay
        self.anims_with_timings["end"] += self.delay


def hand_over(animations: list[Animation]) -> list[Animation]:
    """Retime a play in which text leaves while other text enters or moves.

    Leaving animations (all removers: FadeOut, Uncreate, ...) take the first
    ``h`` = min(HANDOVER, half the play) seconds; each other animation that holds
    text (FadeIn, Write, a Transform, ``.animate``) waits ``h``, then runs to the
    end of the play (:class:`Delayed`, so a lagged group's parts all keep their
    places in the new window, and the draw order is the play's own). The play's length and its last
    frame do not change. Returns the play's animations, retimed.
    """
    leaving = [a for a in animations if _all(a, "remover")]
    coming = [a for a in animations if a not in leaving and _holds_text([a])]
    if not leaving or not coming or not _holds_text(leaving):
        return animations
    total = max(a.get_run_time() for a in animations)
    if total <= 0:
        return animations
    cut = min(HANDOVER, total / 2)
    out = []
    for anim in animations:
        if anim in leaving:
            anim.run_time = cut
        elif anim in coming:
            anim.run_time = total - cut
            anim = Delayed(anim, cut)
        out.append(anim)
    return out
