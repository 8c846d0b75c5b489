"""Checks across pages: references between talks and speakers, and the day's timetable.

Pure Python: takes the model's speakers and items and returns problems, each on the
page and line of the key that is most likely wrong.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping

from .model import Event, Problem, ProgramItem, Speaker, sorted_program
from .store import owners_by_slug
from .times import clock, clock_range, duration_text


def check_slugs(speaker_pages: Mapping[str, str], speakers: Mapping[str, Speaker]) -> list[Problem]:
    """One page per speaker slug, wherever the pages sit under ``speakers/``.

    ``speaker_pages`` maps the docname of every speaker page to its slug, ``speakers``
    the docnames of the valid ones to their speaker. The page that owns a slug is the
    one the site links to (:func:`~.store.slug_owner_key`); every other page with the
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


def check_references(items: Iterable[ProgramItem], slugs_with_pages: Collection[str]) -> list[Problem]:
    """Every speaker and moderator slug names a page in ``speakers/``.

    A page that exists but whose ``speaker:`` block is not valid counts as a page: its
    own warnings say what to fix, and every talk that names it would only repeat them.
    """
    problems = []
    for item in items:
        for role, refs in (("speaker", item.speakers), ("moderator", item.moderators)):
            for ref in refs:
                if ref.slug in slugs_with_pages:
                    continue
                close = difflib.get_close_matches(ref.slug, sorted(slugs_with_pages), n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                problems.append(Problem(
                    "reference",
                    f"unknown {role} {ref.slug!r}: there is no page speakers/{ref.slug}.md; {hint}"
                    "expected the file name of a speaker page",
                    ref.line, item.docname,
                ))
    return problems


def check_timetable(items: Iterable[ProgramItem], event: Event) -> list[Problem]:
    """Items on the event's days, no overlaps in a room, no gap in a day that cannot be meant."""
    program = sorted_program(list(items))
    problems = []
    days = event.dates
    for item in program:
        if item.start.date() not in days:
            expected = " to ".join(sorted({f"{days[0]:%Y-%m-%d}", f"{days[-1]:%Y-%m-%d}"}))
            problems.append(Problem(
                "schedule",
                f"{item.title!r} is on {item.start:%Y-%m-%d}, outside the symposium ({expected}); "
                "expected a date of the event (or leave 'date' out)",
                item.date_line, item.docname,
            ))
    by_room: dict[tuple[dt.date, str], list[ProgramItem]] = defaultdict(list)
    by_day: dict[dt.date, list[ProgramItem]] = defaultdict(list)
    for item in program:
        by_room[item.start.date(), item.room].append(item)
        by_day[item.start.date()].append(item)
    for (_, room), in_room in by_room.items():
        latest = in_room[0]
        for item in in_room[1:]:
            if item.start < latest.end:
                where = f" in {room}" if room else ""
                problems.append(Problem(
                    "schedule",
                    f"{item.title!r} ({clock_range(item.start, item.end)}) overlaps {latest.title!r} "
                    f"({clock_range(latest.start, latest.end)}){where}; expected items in one room one after another",
                    item.start_line, item.docname,
                ))
            if item.end > latest.end:
                latest = item
    for day_items in by_day.values():
        problems += _gaps(day_items, event.max_gap)
    return problems


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
