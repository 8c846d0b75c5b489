"""Talks in sessions: what a talk takes from its session, and what cannot be right.

A talk says ``session: s1`` and takes the session's day and room unless it gives its
own, and its track unless it has one. Sessions may sit on any page of the site,
so this happens once every page is read, when the store derives its views. Pure Python.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping

from .block_reader import left_out
from .entities import Event, Problem, ProgramItem, Session
from .hints import did_you_mean
from .times import clock_range, in_zone, wall_clock


def sessions_by_id(sessions: Iterable[Session]) -> dict[str, Session]:
    """Each id's session: the first by page and place when an id is given twice (that is reported)."""
    found: dict[str, Session] = {}
    for session in sorted(sessions, key=lambda s: (s.docname, s.line)):
        found.setdefault(session.id, session)
    return found


def join_session(item: ProgramItem, session: Session | None, event: Event) -> ProgramItem:
    """The item with what it takes from its session: day, room, track and stream."""
    if session is None:
        return item
    changes: dict[str, object] = {}
    if not item.own_time:  # a poster on its board for the whole session
        changes["start"], changes["end"] = session.start, session.end
    if not item.own_room and session.room:
        changes["room"] = session.room
    if not item.track and session.track:
        changes["track"] = session.track
    if not item.stream and session.stream:
        changes["stream"] = session.stream
    days = (event.program_day(session.start) - event.program_day(item.start)).days
    if item.own_time and not item.own_date and days:
        changes["start"] = _days_later(item.start, days, event)
        changes["end"] = _days_later(item.end, days, event)
    return dataclasses.replace(item, **changes) if changes else item


def _days_later(moment: dt.datetime, days: int, event: Event) -> dt.datetime:
    """The same wall-clock time ``days`` later (an instant 24 h apart would move across a clock change)."""
    moved, _ = wall_clock(moment.date() + dt.timedelta(days=days), moment.time(), event.timezone)
    return moved or in_zone(moment + dt.timedelta(days=days), event.timezone)


def check_sessions(sessions: Iterable[Session], items: Iterable[ProgramItem], event: Event) -> list[Problem]:
    """Session ids given twice, talks naming no session, talks outside their session's time or room."""
    sessions = sorted(sessions, key=lambda s: (s.docname, s.line))
    problems = []
    first: dict[str, Session] = {}
    for session in sessions:
        if session.id in first:
            other = first[session.id]
            problems.append(Problem(
                "reference",
                f"session id {session.id!r} is given twice, here and in {other.docname} (line {other.line}); "
                "expected one id per session",
                session.line, session.docname,
            ))
            continue
        first[session.id] = session
        if event.program_day(session.start) not in event.dates:
            problems.append(Problem(
                "schedule",
                f"session {session.id!r} is on {event.program_day(session.start):%Y-%m-%d}, outside the event's days; "
                "expected a date of the event",
                session.start_line, session.docname,
            ))
    boards: dict[tuple[str, str], ProgramItem] = {}
    for item in items:
        if not item.session:
            continue
        if item.board and not item.cancelled:
            other = boards.setdefault((item.session, item.board), item)
            if other is not item:
                problems.append(Problem(
                    "schedule",
                    f"{item.title!r} is on board {item.board} of session {item.session!r}, as is {other.title!r} "
                    f"({other.docname}, line {other.board_line}); expected one poster per board",
                    item.board_line, item.docname,
                ))
        session = first.get(item.session)
        if session is None:
            hint = did_you_mean(item.session, first)
            message = (f"{item.title!r} names session {item.session!r}, which no page defines in 'program: sessions:'; "
                       f"{hint}expected the id of a session in 'program: sessions:'")
            # a poster that takes its session's time has none without it (see join_all)
            problems.append(Problem("reference", message if item.own_time else left_out(message, "the poster"),
                                    item.session_line, item.docname))
            continue
        if not item.time_doubted and (item.start < session.start or item.end > session.end):
            problems.append(Problem(
                "schedule",
                f"{item.title!r} ({_when(item, session)}) is outside its session {session.id!r} "
                f"({_when(session, item)}); expected a time within the session",
                item.start_line, item.docname,
            ))
        if item.own_room and session.room and item.room != session.room:
            problems.append(Problem(
                "schedule",
                f"{item.title!r} is in {item.room!r}, but its session {session.id!r} is in {session.room!r}; "
                "expected the session's room (leave 'room' out to take it)",
                item.room_line, item.docname,
            ))
    return problems


def _when(entry: ProgramItem | Session, other: ProgramItem | Session) -> str:
    """``9:00–9:30 AM``; with the date when the two differ in date, where the times alone would
    look right (a session in the wrong year)."""
    if entry.start.date() == other.start.date():
        return clock_range(entry.start, entry.end)
    return f"{entry.start:%Y-%m-%d}, {clock_range(entry.start, entry.end)}"


def join_all(items: Iterable[ProgramItem], sessions: Mapping[str, Session], event: Event | None) -> list[ProgramItem]:
    """The items as the program shows them; a poster that takes the time of a session that no
    page defines has no place in it (:func:`unplaced`, and the checks say why)."""
    if event is None:
        return list(items)
    return [join_session(item, sessions.get(item.session), event) for item in items
            if item.own_time or item.session in sessions]


def unplaced(items: Iterable[ProgramItem], sessions: Mapping[str, Session]) -> list[ProgramItem]:
    """The posters left out of the program by :func:`join_all`: still checked for their references."""
    return [item for item in items if not item.own_time and item.session not in sessions]
