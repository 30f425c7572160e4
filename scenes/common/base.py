"""``LectureScene``: the base of every syllabus scene (theme and conventions, no content)."""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any, ClassVar, TypeAlias

from manim import (
    DOWN,
    Animation,
    FadeIn,
    LaggedStart,
    Mobject,
    Scene,
    ThreeDScene,
    VGroup,
    Write,
    config,
)
from manim.utils.exceptions import EndSceneEarlyException

from scenes import outline
from scenes.common import voice as voices
from scenes.common.handover import hand_over
from scenes.common.mobjects import fit_to_stage, get_title
from scenes.common.narration import (
    CAPTION_CPS,
    CAPTION_LINE,
    CAPTION_LINES,
    CAPTION_MIN,
    LINE_PAD,
    Line,
    reading_durations,
    split_caption,
    spoken_durations,
)
from scenes.common.params import BEATS_FILE_ENV, STOP_AFTER_ENV, Schema, current
from scenes.common.theme import PALETTE
from tools.subtitles import Cue as Caption

__all__ = [
    "CAPTION_CPS",
    "CAPTION_LINE",
    "CAPTION_LINES",
    "CAPTION_MIN",
    "Caption",
    "LectureMixin",
    "LectureScene",
    "LectureScene3D",
    "Spoken",
    "split_caption",
]


@dataclass(frozen=True, slots=True)
class Spoken:
    """One narration line as scheduled: when it is spoken and with what audio."""

    line: Line
    start: float
    end: float
    clip: voices.Clip


TITLE_SECONDS = 1.0
"""How long :meth:`LectureMixin.opening` takes to write the title block."""
MIN_FILL = 0.5
"""The shortest run time (s) ``narrate(..., fill=True)`` gives its animations."""

Opening: TypeAlias = Mobject | Animation | Sequence[Mobject | Animation] | None
"""What :meth:`LectureMixin.opening` shows under the opening line."""


def _as_animation(
    first: Mobject | Animation | Sequence[Mobject | Animation],
) -> Animation:
    """One animation for ``first``: mobjects fade in (groups part by part), in order."""
    if isinstance(first, Animation):
        return first
    if isinstance(first, Mobject):
        lag = 0.15 if len(first.submobjects) > 1 else 0.0
        return FadeIn(first, shift=0.15 * DOWN, lag_ratio=lag)
    parts = [_as_animation(f) for f in first]
    if not parts:
        raise ValueError("opening: the first visual is an empty sequence")
    return parts[0] if len(parts) == 1 else LaggedStart(*parts, lag_ratio=0.6)


def _whole_frames(seconds: float) -> float:
    """``seconds`` rounded up to whole frames (Manim truncates a wait to whole frames)."""
    frames = math.ceil(seconds * config.frame_rate - 1e-6)
    return (frames + 1e-3) / config.frame_rate


def movie_timescale(frame_rate: float) -> int:
    """The mp4 movie clock (ticks per second) in which every frame boundary falls on
    a tick, and so does every millisecond: lcm(1000, the frame rate's numerator)."""
    return math.lcm(1000, Fraction(frame_rate).limit_denominator(1001).numerator)


def keep_segments_to_the_frame(writer: Any) -> None:
    """Make the writer's partial movies last exactly their frames.

    An mp4 states its length in its edit list, counted in the movie clock, which
    is 1000 ticks a second by default. 80 frames at 15 fps are 5333.3 ms; libav
    rounds that to 5333 or 5334 depending on how x264 reordered the last frames,
    and the concat that stitches the partials takes each partial's length from
    its edit list. One partial rounded down put every later frame 0.3 ms early
    (ChainRule: avg_frame_rate 6159360/410623, not 15/1). A movie clock in
    which each frame is a whole number of ticks leaves nothing to round. The
    option is set on each segment's container before its first packet, when
    its header is written.
    """
    create = getattr(writer, "_create_segment_encoder", None)
    if create is None or getattr(create, "keeps_frames", False):
        return
    ticks = str(movie_timescale(config.frame_rate))

    def create_exact(target: Path) -> Any:
        encoder = create(target)
        container = getattr(encoder, "_container", None)
        if container is not None and container.format.name in ("mp4", "mov"):
            container.options.setdefault("movie_timescale", ticks)
        return encoder

    create_exact.keeps_frames = True  # type: ignore[attr-defined]
    writer._create_segment_encoder = create_exact


class LectureMixin:
    """Theme, narration and beats shared by 2-D and 3-D lecture scenes.

    Narration is declared line by line, once: :meth:`narrate` speaks a line and
    plays animations while it is spoken, then holds until the line ends.
    :meth:`caption` and :meth:`hold` are the same model split in two (declare
    the line now, wait for its end later). Each line gets its audio from the
    voice ``VOICE=`` names (see scenes.common.voice): with a voice, a line lasts
    as long as its audio (plus a short pad) and its subtitles start and end
    with it; with ``none``, subtitles are timed for reading. Beats are marked
    with :meth:`beat`, a thin wrapper of ``next_section`` that first lets the
    current line finish, so that no line is cut off by the end of its beat.
    """

    #: Pairs of mobject names whose overlap is intended (see the layout lint).
    allowed_overlaps: ClassVar[tuple[tuple[str, str], ...]] = ()
    #: The scene's parameter schema (scenes/common/schemas.py), if it takes variants.
    params_schema: ClassVar[type[Schema] | None] = None

    @property
    def params(self) -> Any:
        """The scene's parameters: the variant's (``$LECTURE_VARIANT``), else the defaults."""
        if self.__dict__.get("_params") is None and self.params_schema is not None:
            self.__dict__["_params"] = current(
                self.params_schema.scene, self.params_schema
            )
        return self.__dict__.get("_params")

    @params.setter
    def params(self, value: Schema) -> None:
        self.__dict__["_params"] = value

    def setup(self) -> None:
        """Apply the theme and choose the voice."""
        super().setup()  # type: ignore[misc]
        self.camera.background_color = PALETTE.background  # type: ignore[attr-defined]
        self.captions: list[Caption] = []
        self.spoken: list[Spoken] = []
        self.current_beat = "start"
        self._begun: list[str] = []  # the beats begun, in order
        self._caption_until = 0.0
        self._beat_lines: dict[str, int] = {}
        self.voice = voices.from_env()
        keep_segments_to_the_frame(self.renderer.file_writer)  # type: ignore[attr-defined]
        if self.voice.name != "none":
            # A play Manim takes from its partial-movie cache advances the clock by
            # its nominal run time, not by the frames in the cached file: the voice
            # would drift from the picture. Uncached, the clock counts frames.
            config.disable_caching = True

    # -- beats ------------------------------------------------------------------
    def beat(self, name: str, **kwargs: Any) -> None:
        """Start a new beat: a named section (``--save_sections`` clip, chapter)."""
        remaining = self._caption_until - self.time  # type: ignore[attr-defined]
        if remaining >= 1 / config.frame_rate:
            self.wait(_whole_frames(remaining))  # type: ignore[attr-defined]
        if self._begun and os.environ.get(STOP_AFTER_ENV) == self.current_beat:
            raise EndSceneEarlyException()  # a section still: Manim saves this frame
        self._begun.append(name)
        self.current_beat = name
        self.next_section(name, **kwargs)  # type: ignore[attr-defined]

    def compile_animations(self, *args: Any, **kwargs: Any) -> list[Animation]:
        """Manim's animations for a play, with leaving text gone before new text comes
        (:func:`scenes.common.handover.hand_over`)."""
        return hand_over(super().compile_animations(*args, **kwargs))  # type: ignore[misc]

    # -- narration --------------------------------------------------------------
    def narrate(
        self,
        text: str,
        *animations: Animation,
        fill: bool = False,
        hold: float = 0.5,
        **play_kwargs: Any,
    ) -> float:
        """Speak ``text``, play ``animations`` meanwhile, then hold until it ends.

        With ``fill`` the animations last as long as the line is spoken (its pad
        excluded; at least ``MIN_FILL`` s), so the motion runs under the
        narration; ``run_time`` may then not be given. ``hold`` is the least time
        (s) to wait after the animations; ``play_kwargs`` go to ``play``
        (``run_time``, ``lag_ratio``, ...). Returns the line's length.
        """
        if fill and "run_time" in play_kwargs:
            raise TypeError("narrate: give either fill=True or run_time, not both")
        length = self.caption(text)
        if animations:
            if fill:
                play_kwargs["run_time"] = self._fill_time()
            self.play(*animations, **play_kwargs)  # type: ignore[attr-defined]
        self.hold(hold)
        return length

    def _fill_time(self) -> float:
        """Seconds from now until the current line has been spoken (pad excluded)."""
        end = self.spoken[-1].end if self.spoken else self.time  # type: ignore[attr-defined]
        return max(MIN_FILL, end - self.time)  # type: ignore[attr-defined]

    # -- opening and stage ----------------------------------------------------------
    def opening(
        self,
        first: Opening = None,
        line: str | None = None,
        *,
        fields: Mapping[str, object] | None = None,
        **play_kwargs: Any,
    ) -> VGroup:
        """Write the title block from the outline, then show ``first`` under ``line``.

        The title and subtitle come from the outline item whose ``scene`` is this
        class's name (``subtitle`` may name ``{fields}``, filled from ``fields``).
        ``line`` starts at once; the title is written in ``TITLE_SECONDS``, then
        ``first`` (mobjects fade in, part by part; animations play) appears for the
        rest of the line, so the frame is never the title alone while the
        narration teaches. Without ``line``, ``first`` takes one second. Starts
        the beat ``title`` unless the scene has started a beat. ``play_kwargs`` go
        to the play of ``first``. In a 3-D scene the title is fixed in the frame
        (``first`` is the caller's to fix). Returns the title group, also
        ``self.title``.
        """
        name = type(self).__name__
        try:
            item = outline.item_for(type(self))
        except ValueError as exc:
            raise ValueError(f"opening: {exc}") from None
        subtitle = item.subtitle
        if subtitle is not None:
            try:
                subtitle = subtitle.format_map(dict(fields or {}))
            except (KeyError, ValueError, IndexError) as exc:
                raise ValueError(
                    f"opening: {name}'s outline subtitle {item.subtitle!r} needs"
                    f" fields=: {exc}"
                ) from None
        title = get_title(item.screen_title, subtitle=subtitle)
        self.title = title
        if isinstance(self, ThreeDScene):  # the title stays put when the camera turns
            self.add_fixed_in_frame_mobjects(title)
            self.remove(title)
        if self.current_beat == "start":
            self.beat("title")
        if line is not None:
            self.caption(line)
        self.play(  # type: ignore[attr-defined]
            Write(title[0]), FadeIn(title[1:]), run_time=TITLE_SECONDS
        )
        if first is not None:
            if line is not None and "run_time" not in play_kwargs:
                play_kwargs["run_time"] = self._fill_time()
            self.play(_as_animation(first), **play_kwargs)  # type: ignore[attr-defined]
        if line is not None:
            self.hold(0.5)
        return title

    def stage(
        self,
        mob: Mobject,
        *,
        top: Mobject | None = None,
        grow: bool = False,
        most: float | None = None,
    ) -> Mobject:
        """Fit ``mob`` into the stage below ``top`` (default: the title); return it.

        Scales down (up too with ``grow``) and centres ``mob`` in the area below
        ``top`` (or ``self.title`` after :meth:`opening`, else the frame's top
        margin), within the frame margins and above the subtitle zone
        (:func:`scenes.common.mobjects.fit_to_stage`; ``most`` caps the growth).
        """
        above = top if top is not None else getattr(self, "title", None)
        return fit_to_stage(mob, above, grow=grow, most=most)

    def caption(self, text: str) -> float:
        """Declare a line of narration spoken from now (or when the last one ends).

        Long text is split into consecutive subtitles of at most two lines of 42
        characters. With a voice, they share the line's audio time by length;
        without, each is shown for ``len / 15`` seconds (at least 1.5 s).
        Returns the line's spoken (or reading) time.
        """
        beat = self.current_beat
        index = self._beat_lines[beat] = self._beat_lines.get(beat, 0) + 1
        line = Line(type(self).__name__, beat, index, text)
        clip = self.voice.clip(line)
        chunks = split_caption(text)
        if clip.path is None:
            durations, pad = reading_durations(chunks), 0.0
        else:
            durations, pad = spoken_durations(chunks, clip.duration), LINE_PAD
        start = max(self.time, self._caption_until)  # type: ignore[attr-defined]
        offset = start - self.time  # type: ignore[attr-defined]
        total = 0.0
        for chunk, duration in zip(chunks, durations, strict=True):
            self.add_subcaption(chunk, duration=duration, offset=offset + total)  # type: ignore[attr-defined]
            self.captions.append(
                Caption(start + total, start + total + duration, chunk, beat)
            )
            total += duration
        if clip.path is not None and self._writes_video():
            self._add_sound(str(clip.path), offset)
        self.spoken.append(Spoken(line, start, start + total, clip))
        self._caption_until = start + total + pad
        return total

    def hold(self, minimum: float = 0.5) -> None:
        """Wait until the current line has been spoken or read (at least ``minimum`` s)."""
        remaining = self._caption_until - self.time  # type: ignore[attr-defined]
        self.wait(_whole_frames(max(minimum, remaining)))  # type: ignore[attr-defined]

    def _add_sound(self, path: str, offset: float) -> None:
        """``add_sound``, also right after an animation Manim took from its cache.

        A cached ``play`` leaves the renderer's ``skip_animations`` set until the
        next ``play``, and ``add_sound`` drops sounds while it is set: the line
        would be silent in every re-render. Restore the real skipping status
        (sections or ``-n`` ranges) around the call.
        """
        renderer = self.renderer  # type: ignore[attr-defined]
        cached = renderer.skip_animations
        renderer.skip_animations = getattr(renderer, "_original_skipping_status", False)
        renderer.update_skipping_status()
        try:
            self.add_sound(path, time_offset=offset)  # type: ignore[attr-defined]
        finally:
            renderer.skip_animations = cached

    def _writes_video(self) -> bool:
        """Whether this run writes a video (not a dry run, a still or a pixel test)."""
        writer = getattr(getattr(self, "renderer", None), "file_writer", None)
        spec = getattr(writer, "output_spec", None)
        return not config.dry_run and bool(getattr(spec, "is_video", False))

    def tear_down(self) -> None:
        """Write the narration timeline (and its audio mix) beside the movie file, and
        the beats begun where ``$LECTURE_BEATS_FILE`` asks (also after an early end)."""
        super().tear_down()  # type: ignore[misc]
        beats_file = os.environ.get(BEATS_FILE_ENV)
        if beats_file:
            Path(beats_file).write_text(json.dumps(self._begun), encoding="utf-8")
        if not self._writes_video():
            return
        writer = self.renderer.file_writer  # type: ignore[attr-defined]
        movie = getattr(writer, "movie_file_path", None)
        if not movie:
            return
        base = Path(movie)
        mix = base.with_suffix(".narration.wav")
        mix.unlink(missing_ok=True)
        if getattr(writer, "includes_sound", False):
            writer.audio_segment.export(str(mix), format="wav")
        timeline = {
            "scene": type(self).__name__,
            "voice": self.voice.identity(),
            "voice_name": self.voice.name,
            "mix": mix.name if mix.is_file() else None,
            "lines": [
                {
                    **asdict(s.line),
                    "id": s.line.id,
                    "text_hash": s.line.text_hash,
                    "start": round(s.start, 4),
                    "end": round(s.end, 4),
                    "source": s.clip.source,
                    "recording": str(s.clip.recording) if s.clip.recording else None,
                    "stale": s.clip.stale,
                }
                for s in self.spoken
            ],
        }
        base.with_suffix(".narration.json").write_text(
            json.dumps(timeline, indent=2) + "\n", encoding="utf-8"
        )


class LectureScene(LectureMixin, Scene):
    """Base for every 2-D syllabus scene."""


class LectureScene3D(LectureMixin, ThreeDScene):
    """Base for syllabus scenes with 3-D surfaces."""
