"""Checks across pages: references between talks and speakers, and the day's timetable.

Pure Python: takes the model's speakers and items and returns problems, each on the
page and line of the key that is most likely wrong.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from .entities import Event, Problem, ProgramItem, Session, Speaker, sorted_program
from .hints import did_you_mean
from .pages import owners_by_slug
from .times import clock, clock_range, duration_text


def check_slugs(speaker_pages: Mapping[str, str], speakers: Mapping[str, Speaker]) -> list[Problem]:
    """One page per speaker slug, wherever the pages sit under ``speakers/``.

    ``speaker_pages`` maps the docname of every speaker page to its slug, ``speakers``
    the docnames of the valid ones to their speaker. The page that owns a slug is the
    one the site links to (:func:`~.pages.slug_owner_key`); every other page with the
    slug is told which page owns it.
    """
    owners = owners_by_slug(speaker_pages)
    problems = []
    for docname, slug in sorted(speaker_pages.items()):
        owner = owners[slug]
        if docname == owner:
            continue
        speaker = speakers.get(docname)
        problems.append(Problem(
            "reference",
            f"speaker slug {slug!r} belongs to {owner}, which the site links to; this page is not linked. "
            "Expected one page per slug: remove this page or rename one of the two",
            speaker.line if speaker else 1, docname,
        ))
    return problems


#: "did you mean" hints are worked out for this many unknown slugs at most: each compares
#: with every slug of the site, and a renamed folder can leave thousands dangling
MAX_HINTS = 50


def check_references(items: Iterable[ProgramItem], slugs_with_pages: Collection[str],
                     sessions: Iterable[Session] = ()) -> list[Problem]:
    """Every speaker, moderator and chair slug names a page in ``speakers/``.

    A page that exists but whose ``speaker:`` block is not valid counts as a page: its
    own warnings say what to fix, and every talk that names it would only repeat them.
    """
    known = sorted(slugs_with_pages)
    hints: dict[str, str] = {}

    def hint(slug: str) -> str:
        if slug not in hints and len(hints) < MAX_HINTS:
            hints[slug] = did_you_mean(slug, known)
        return hints.get(slug, "")

    problems = []
    named = [(item.docname, role, refs) for item in items
             for role, refs in (("speaker", item.speakers), ("moderator", item.moderators))]
    named += [(session.docname, "chair", session.chairs) for session in sessions]
    for docname, role, refs in named:
        for ref in refs:
            if ref.slug in slugs_with_pages:
                continue
            problems.append(Problem(
                "reference",
                f"unknown {role} {ref.slug!r}: there is no page speakers/{ref.slug}.md; {hint(ref.slug)}"
                "expected the file name of a speaker page",
                ref.line, docname,
            ))
    return problems


@dataclass(frozen=True, order=True)
class _Booking:
    """Where a person is from ``start`` to ``end``: an item, or a session they chair."""

    start: dt.datetime
    end: dt.datetime
    room: str
    what: str
    line: int
    docname: str
    session: str  # the session of an item, or the chaired session's id
    chairing: bool = False

    def same_session_as(self, other: _Booking) -> bool:
        """A chair speaking in their own session is in one place."""
        return self.chairing != other.chairing and bool(self.session) and self.session == other.session


def check_people(items: Iterable[ProgramItem], sessions: Iterable[Session]) -> list[Problem]:
    """Nobody in two places at once: a person's items and chaired sessions that overlap in
    different rooms (overlaps in one room are the timetable's), reported once per booking
    at the later one, on the line that names the person."""
    bookings: dict[str, list[_Booking]] = defaultdict(list)
    for item in items:
        if item.cancelled or item.time_doubted:  # free at that time; a time in doubt is warned about once
            continue
        for ref in dict.fromkeys((*item.speakers, *item.moderators)):
            bookings[ref.slug].append(_Booking(item.start, item.end, item.room, repr(item.title), ref.line,
                                               item.docname, item.session))
    for session in sessions:
        for ref in session.chairs:
            bookings[ref.slug].append(_Booking(session.start, session.end, session.room, f"session {session.title!r}",
                                               ref.line, session.docname, session.id, chairing=True))
    problems = []
    for slug, booked in bookings.items():
        booked.sort()
        for i, later in enumerate(booked):
            clash = next((earlier for earlier in booked[:i] if earlier.end > later.start
                          and earlier.room != later.room and not later.same_session_as(earlier)), None)
            if clash is None:
                continue
            problems.append(Problem(
                "schedule",
                f"{slug!r} is in two places at once: {later.what} ({clock_range(later.start, later.end)}, "
                f"{later.room or 'no room'}) and {clash.what} ({clock_range(clash.start, clash.end)}, "
                f"{clash.room or 'no room'}); expected one place at a time",
                later.line, later.docname,
            ))
    return problems


def check_timetable(items: Iterable[ProgramItem], event: Event) -> list[Problem]:
    """Items on the event's days, no overlaps in a room, no gap in a day that cannot be meant.

    An item whose time was warned about (``time_doubted``) is not weighed again: one mistake,
    one warning. An item may end after the change of day: it belongs to the day it starts in.
    """
    program = sorted_program([item for item in items if not item.time_doubted])
    problems = []
    days = event.dates
    for item in program:
        if event.program_day(item.start) not in days:
            problems.append(_off_the_days(item, event))
    # a cancelled item keeps its day, but no longer its room's time: the checks below ignore it
    program = [item for item in program if not item.cancelled]
    problems += _rooms_missing(program)
    # a room's items across the days: a night's set that runs past the change of day may run
    # into the next day's first item
    by_room: dict[str, list[ProgramItem]] = defaultdict(list)
    by_day: dict[dt.date, list[ProgramItem]] = defaultdict(list)
    room_of = _effective_rooms(program)
    for item in program:
        by_room[room_of(item)].append(item)
        by_day[event.program_day(item.start)].append(item)
    for room, in_room in by_room.items():
        problems += _overlaps(in_room, room)
    for day_items in by_day.values():
        problems += _gaps(day_items, event.max_gap)
    return problems


def _effective_rooms(program: list[ProgramItem]):
    """Where an item without a room is: the one room that the others name, if they name one.

    An item without a room is already in ``symposium_room``; when that is empty too and
    every named item is in one room, that room is the only reading the data allows.
    """
    named = {item.room for item in program if item.room}
    only = next(iter(named)) if len(named) == 1 else ""
    return lambda item: item.room or only


def _rooms_missing(program: list[ProgramItem]) -> list[Problem]:
    """Items without a room beside items in several rooms: nobody can tell where they are."""
    named = sorted({item.room for item in program if item.room})
    # an item naming a session takes its room from it (an unknown session is reported)
    without = [item for item in program if not item.room and not item.session]
    if len(named) < 2 or not without:
        return []
    first = without[0]
    others = f" and {len(without) - 1} other item{'s' if len(without) > 2 else ''}" if len(without) > 1 else ""
    return [Problem(
        "schedule",
        f"{first.title!r}{others} name no room, while the program uses {len(named)} rooms ({', '.join(named)}); "
        "expected a 'room' on each item, or symposium_room in conf.py for the room of items that give none",
        first.start_line, first.docname,
    )]


def _off_the_days(item: ProgramItem, event: Event) -> Problem:
    """An item outside the event's days; one after midnight is told how its date is read."""
    days = event.dates
    expected = " to ".join(sorted({f"{days[0]:%Y-%m-%d}", f"{days[-1]:%Y-%m-%d}"}))
    day = event.program_day(item.start)
    written = item.start.date()
    if written in days:  # before symposium_day_change: the night closes the day before
        night_after = written + dt.timedelta(days=1)
        return Problem(
            "schedule",
            f"{item.title!r} at {clock(item.start)} on {written:%Y-%m-%d} belongs to the program of {day:%Y-%m-%d}, "
            f"outside the symposium ({expected}): after midnight the date is the calendar's, and a time before "
            f"{clock(event.day_change)} (symposium_day_change) closes the day before; expected "
            f"'date: {night_after:%Y-%m-%d}' for the night after {written:%Y-%m-%d}",
            item.date_line, item.docname,
        )
    return Problem(
        "schedule",
        f"{item.title!r} is on {day:%Y-%m-%d}, outside the symposium ({expected}); "
        "expected a date of the event (or leave 'date' out)",
        item.date_line, item.docname,
    )


def _overlaps(in_room: list[ProgramItem], room: str) -> list[Problem]:
    """Items of one room that overlap, each reported once, on the item that is most likely wrong.

    One wrong time (``end: 8:00 PM`` on a morning talk) overlaps every item after it: the
    item with the most overlaps is blamed, once, and set aside; then the next, until no two
    overlap. Between two items only, one that holds the other whole is blamed (its end
    runs on); else the later one (it starts too early).
    """
    partners: dict[str, list[ProgramItem]] = defaultdict(list)
    by_key = {item.key: item for item in in_room}
    for i, item in enumerate(in_room):
        for later in in_room[i + 1:]:
            if later.start >= item.end:
                break
            if _on_boards_side_by_side(item, later):
                continue
            partners[item.key].append(later)
            partners[later.key].append(item)
    problems = []
    order = {item.key: i for i, item in enumerate(in_room)}
    while partners:
        key = max(partners, key=lambda k: (len(partners[k]), _holds(by_key[k], partners[k]), order[k]))
        blamed, others = by_key[key], sorted(partners.pop(key), key=lambda i: order[i.key])
        for other in others:
            partners[other.key].remove(blamed)
            if not partners[other.key]:
                del partners[other.key]
        problems.append(_overlap_problem(blamed, others, room))
    return sorted(problems, key=lambda p: (p.docname or "", p.line))


def _on_boards_side_by_side(one: ProgramItem, other: ProgramItem) -> bool:
    """Posters of one session share its time and its room: each stands on its own board."""
    return one.poster and other.poster and bool(one.session) and one.session == other.session


def _poster_hint(blamed: ProgramItem, others: list[ProgramItem]) -> str:
    if blamed.poster and all(o.poster for o in others):
        return ("; posters that share a room and a time belong to one session: give each the same 'session:' "
                "(an id of 'program: sessions:')")
    return ""


def _holds(item: ProgramItem, others: list[ProgramItem]) -> int:
    """How many of ``others`` lie wholly within ``item``'s time."""
    return sum(item.start <= o.start and o.end <= item.end for o in others)


def _overlap_problem(blamed: ProgramItem, others: list[ProgramItem], room: str) -> Problem:
    where = f" in {room}" if room else ""
    # An end that runs into the items after it is the end's fault; otherwise the start's.
    runs_on = all(o.start >= blamed.start for o in others)
    if len(others) == 1:
        # Between two items either may be the one just edited: name both, each where it is
        # written, so that the warning never sends anybody to the wrong page alone.
        other = others[0]
        if runs_on:
            fault, fix = "runs into", (f"check its end, or the start of {other.title!r} "
                                       f"({other.docname}, line {other.start_line})")
        else:
            fault, fix = "starts before the end of", (f"check its start, or the end of {other.title!r} "
                                                      f"({other.docname}, line {other.end_line})")
        return Problem(
            "schedule",
            f"{blamed.title!r} ({clock_range(blamed.start, blamed.end)}) {fault} {other.title!r} "
            f"({clock_range(other.start, other.end)}){where}; expected items in one room one after another: {fix}"
            f"{_poster_hint(blamed, others)}",
            blamed.end_line if runs_on else blamed.start_line, blamed.docname,
        )
    names = ", ".join(f"{o.title!r} ({clock_range(o.start, o.end)})" for o in others[:3])
    if len(others) > 3:
        names += f" and {len(others) - 3} more"
    return Problem(
        "schedule",
        f"{blamed.title!r} ({clock_range(blamed.start, blamed.end)}) overlaps {names}{where}; "
        f"expected items in one room one after another{': check its end' if runs_on else ''}"
        f"{_poster_hint(blamed, others)}",
        blamed.end_line if runs_on else blamed.start_line, blamed.docname,
    )


def _gaps(day: list[ProgramItem], max_gap: dt.timedelta) -> list[Problem]:
    """A gap longer than ``max_gap`` splits the day in two; find the item to blame.

    The typical cause is a time on the wrong side of noon, such as a closing written
    "12:20 AM" after a morning program: it sorts first, hours before everything else.
    """
    problems = []
    ends = [day[0].end]
    for item in day[1:]:
        ends.append(max(ends[-1], item.end))
    for i in range(1, len(day)):
        gap = day[i].start - ends[i - 1]
        if gap <= max_gap:
            continue
        before, after = day[:i], day[i:]
        early = (before[-1], after[0], _meridiem_hint(before[-1], after), "before the next item")
        late = (after[0], before[-1], _meridiem_hint(after[0], before), "after the previous item")
        # Blame the item that would fit on the other half of the day (a likely AM/PM
        # slip); when both or neither would, the side with fewer items.
        if bool(early[2]) != bool(late[2]):
            blamed, other, hint, side = early if early[2] else late
        else:
            blamed, other, hint, side = early if len(before) < len(after) else late
        problems.append(Problem(
            "schedule",
            f"{blamed.title!r} at {clock(blamed.start)} leaves a gap of {duration_text(gap)} {side} "
            f"({other.title!r} at {clock(other.start)}); expected the day's items within "
            f"{duration_text(max_gap)} of each other (symposium_max_gap_minutes).{hint}",
            blamed.start_line, blamed.docname,
        ))
    return problems


def _meridiem_hint(item: ProgramItem, rest: list[ProgramItem]) -> str:
    """Suggest the other half of the day when that brings the item nearer the rest."""
    first = min(i.start for i in rest)
    last = max(i.end for i in rest)

    def distance(moment: dt.datetime) -> dt.timedelta:
        return max(first - moment, moment - last, dt.timedelta())

    moved = item.start + dt.timedelta(hours=12 if item.start.hour < 12 else -12)
    if moved.date() == item.start.date() and distance(moved) < distance(item.start):
        return f" Did you mean {clock(moved)}?"
    return ""
