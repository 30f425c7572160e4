"""The calculus timeline: eras and milestones loaded from ``assets/data/timeline.toml``.

The data file is the single source of the dates the HistoryTimeline scene
shows (content spec 1b). The loader validates it strictly and names the file
and the offending entry in every error, so a typo fails loudly instead of
drawing a milestone in the wrong place.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

TIMELINE_FILE: Final = (
    Path(__file__).resolve().parent.parent / "assets" / "data" / "timeline.toml"
)
"""The course's timeline data file."""

_EVENT_FIELDS: Final = {
    "id": str,
    "year": int,
    "date": str,
    "who": str,
    "short": str,
    "what": str,
    "say": str,
    "era": str,
}
_ERA_FIELDS: Final = {"id": str, "name": str, "start": int, "end": int}


@dataclass(frozen=True, slots=True)
class Era:
    """A band of the timeline: [start, end] in years (BC negative)."""

    id: str
    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    """One milestone. ``year`` places it (BC negative); ``date`` is the display text."""

    id: str
    year: int
    date: str
    who: str
    short: str  # the name used in lists ("Newton")
    what: str
    say: str  # the narration line, in speakable words
    era: str


@dataclass(frozen=True, slots=True)
class Timeline:
    """Eras in order and the events sorted by year."""

    eras: tuple[Era, ...]
    events: tuple[Event, ...]

    def events_in(self, era_id: str) -> tuple[Event, ...]:
        """The events of one era, in year order.

        Raises
        ------
        ValueError
            If ``era_id`` is not an era of the timeline.
        """
        if era_id not in {e.id for e in self.eras}:
            raise ValueError(f"unknown era {era_id!r}")
        return tuple(e for e in self.events if e.era == era_id)

    def event(self, event_id: str) -> Event:
        """The event with id ``event_id``.

        Raises
        ------
        ValueError
            If there is no such event.
        """
        for e in self.events:
            if e.id == event_id:
                return e
        raise ValueError(f"unknown event {event_id!r}")


def format_year(year: int) -> str:
    """Year as text: ``-287`` -> ``"287 BC"``, ``1665`` -> ``"1665"``, ``263`` -> ``"AD 263"`` below 1000.

    Raises
    ------
    ValueError
        If ``year`` is 0 (there is no year 0 in the BC/AD scheme) or not an int.
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise ValueError(f"year must be an int, got {year!r}")
    if year == 0:
        raise ValueError("there is no year 0 (1 BC is followed by AD 1)")
    if year < 0:
        return f"{-year} BC"
    return f"AD {year}" if year < 1000 else str(year)


def _fields(entry: Any, spec: dict[str, type], where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: expected a table, got {type(entry).__name__}")
    missing = [k for k in spec if k not in entry]
    if missing:
        raise ValueError(f"{where}: missing required field(s) {', '.join(missing)}")
    unknown = sorted(set(entry) - set(spec))
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {', '.join(unknown)}")
    for key, kind in spec.items():
        value = entry[key]
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise ValueError(
                f"{where}: field {key!r} must be an integer year (BC as negative), got {value!r}"
            )
        if kind is str and (not isinstance(value, str) or not value.strip()):
            raise ValueError(
                f"{where}: field {key!r} must be a non-empty string, got {value!r}"
            )
    return dict(entry)


def load_timeline(path: Path | str = TIMELINE_FILE) -> Timeline:
    """Load and validate a timeline TOML file.

    Format: ``[[era]]`` tables (id, name, start, end) and ``[[event]]`` tables
    (id, year, date, who, short, what, say, era). Years are ints, BC negative, never 0.
    Events must be sorted by year, ids unique, each event's era defined and its
    year inside that era; eras must be in order and not overlap.

    Raises
    ------
    ValueError
        Naming the file and the entry, for unreadable TOML, missing or
        mistyped fields, duplicate ids, unsorted events, or unknown eras.
    """
    p = Path(path)
    try:
        raw = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{p}: timeline file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{p}: invalid TOML: {exc}") from None
    unknown = sorted(set(raw) - {"era", "event"})
    if unknown:
        raise ValueError(f"{p}: unknown top-level key(s) {', '.join(unknown)}")
    raw_eras, raw_events = raw.get("era", []), raw.get("event", [])
    if not isinstance(raw_eras, list) or not raw_eras:
        raise ValueError(f"{p}: no [[era]] entries")
    if not isinstance(raw_events, list) or not raw_events:
        raise ValueError(f"{p}: no [[event]] entries")

    eras: list[Era] = []
    for i, entry in enumerate(raw_eras):
        label = entry.get("id", "?") if isinstance(entry, dict) else "?"
        where = f"{p}: era {i + 1} ({label})"
        era = Era(**_fields(entry, _ERA_FIELDS, where))
        if era.start >= era.end:
            raise ValueError(f"{where}: start {era.start} is not before end {era.end}")
        if any(e.id == era.id for e in eras):
            raise ValueError(f"{where}: duplicate era id {era.id!r}")
        if eras and era.start < eras[-1].end:
            raise ValueError(f"{where}: overlaps or precedes era {eras[-1].id!r}")
        eras.append(era)
    by_id = {e.id: e for e in eras}

    events: list[Event] = []
    for i, entry in enumerate(raw_events):
        label = entry.get("id", "?") if isinstance(entry, dict) else "?"
        where = f"{p}: event {i + 1} ({label})"
        ev = Event(**_fields(entry, _EVENT_FIELDS, where))
        if ev.year == 0:
            raise ValueError(f"{where}: year 0 does not exist (use -1 for 1 BC)")
        if any(e.id == ev.id for e in events):
            raise ValueError(f"{where}: duplicate event id {ev.id!r}")
        if ev.era not in by_id:
            raise ValueError(f"{where}: unknown era {ev.era!r}")
        era = by_id[ev.era]
        if not era.start <= ev.year <= era.end:
            raise ValueError(
                f"{where}: year {ev.year} is outside era {era.id!r} ({era.start} to {era.end})"
            )
        if events and ev.year < events[-1].year:
            raise ValueError(
                f"{where}: not in year order ({ev.year} comes after {events[-1].year})"
            )
        events.append(ev)
    return Timeline(tuple(eras), tuple(events))


def timeline_fraction(year: int, era: Era) -> float:
    """Position of ``year`` inside ``era`` as a fraction 0..1 (for placing a tick).

    Formula: (year - start) / (end - start).

    Raises
    ------
    ValueError
        If the year lies outside the era.
    """
    if not era.start <= year <= era.end:
        raise ValueError(
            f"year {year} is outside era {era.id!r} ({era.start} to {era.end})"
        )
    return (year - era.start) / (era.end - era.start)
