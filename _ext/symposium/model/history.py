"""The program's history: what each version of the program changed, in readers' words.

A *version* is the program as one commit of the repository has it (front-matter only, as
``symposium check`` reads it), reduced to what readers see of each item: its title, time,
room, session, speakers and status (:class:`ItemState`). Comparing each version with the one
before gives the changes (:class:`Change`): items added, removed, cancelled or restored, moved
in time, room or session, retitled, with other speakers; speakers renamed. From them come the
change log and its feed, the "Updated" marks, and each calendar event's ``SEQUENCE``.

Pure Python: ``environment/git_history.py`` reads the versions from git.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any

from .entities import STATUSES, ProgramItem
from .local_times import TimeFormatter
from .translating import Say, english

#: what a calendar's SEQUENCE counts (RFC 5545: a change to the time, place, summary or status)
SIGNIFICANT = frozenset({"added", "time", "room", "title", "cancelled", "restored", "announced"})


@dataclass(frozen=True)
class ItemState:
    """What readers see of one item in one version of the program."""

    slug: str
    title: str
    docname: str
    has_page: bool
    start: str  # ISO 8601 with the offset, on the event's wall clock
    end: str
    room: str = ""
    session: str = ""
    status: str = "scheduled"
    speakers: tuple[str, ...] = ()  # slugs, in order

    @property
    def start_time(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.start)

    @property
    def end_time(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.end)


@dataclass(frozen=True)
class ProgramState:
    """One version of the program: its items, the names of its speakers and the titles of its sessions."""

    items: Mapping[str, ItemState] = field(default_factory=dict)
    speakers: Mapping[str, str] = field(default_factory=dict)  # slug -> name
    sessions: Mapping[str, str] = field(default_factory=dict)  # id -> title

    def to_json(self) -> dict[str, Any]:
        return {"items": {slug: asdict(state) for slug, state in sorted(self.items.items())},
                "speakers": dict(sorted(self.speakers.items())), "sessions": dict(sorted(self.sessions.items()))}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ProgramState:
        items = {slug: ItemState(**{**state, "speakers": tuple(state["speakers"])})
                 for slug, state in data["items"].items()}
        return cls(items=items, speakers=dict(data["speakers"]), sessions=dict(data["sessions"]))


def item_state(item: ProgramItem) -> ItemState:
    """What readers see of an item (joined to its session)."""
    return ItemState(
        slug=item.slug, title=item.title, docname=item.docname, has_page=item.has_page,
        start=item.start.isoformat(), end=item.end.isoformat(), room=item.room, session=item.session,
        status=item.status, speakers=tuple(dict.fromkeys(ref.slug for ref in (*item.speakers, *item.moderators))),
    )


@dataclass(frozen=True)
class Change:
    """What one version changed of one item (``kind="item"``) or one speaker (``kind="speaker"``)."""

    kind: str
    slug: str
    title: str  # the item's title in this version (its last title when it was removed), or the speaker's name
    docname: str
    has_page: bool
    facets: tuple[str, ...]  # added, removed, cancelled, restored, announced, time, room, session, title, speakers, renamed
    words: tuple[str, ...]  # one sentence per facet, as readers read them
    #: the start before a move in time (ISO 8601), for JSON-LD's ``previousStartDate``
    was_start: str = ""

    @property
    def significant(self) -> bool:
        return bool(SIGNIFICANT.intersection(self.facets))

    @property
    def text(self) -> str:
        return "; ".join(self.words)


@dataclass(frozen=True)
class Version:
    """A commit that changed the program, with what it changed."""

    commit: str
    date: str  # ISO 8601, UTC: when it was committed
    author: str
    subject: str
    merge: bool
    changes: tuple[Change, ...] = ()
    #: the program came from nothing: the first version with a program, or the first after one
    #: that had none (a new event after ``symposium init``). Its items are the baseline, not news
    announces: bool = False

    @property
    def when(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.date)

    @property
    def short(self) -> str:
        return self.commit[:7]

    @property
    def note(self) -> str:
        """The commit's subject, which says why; a merge's says only which branch came in."""
        return "" if self.merge else self.subject

    def to_json(self) -> dict[str, Any]:
        return {**{k: v for k, v in asdict(self).items() if k != "changes"},
                "changes": [asdict(change) for change in self.changes]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Version:
        changes = tuple(Change(**{**c, "facets": tuple(c["facets"]), "words": tuple(c["words"])})
                        for c in data["changes"])
        return cls(**{**{k: v for k, v in data.items() if k != "changes"}, "changes": changes})


def compare(before: ProgramState, after: ProgramState, candidates: Iterable[str] | None = None,
            times: TimeFormatter | None = None, say: Say = english) -> tuple[Change, ...]:
    """What changed from ``before`` to ``after``, items in the order of ``after``'s program, then
    items removed, then speakers renamed. ``candidates``: the only items that may have changed
    (the reader of a commit knows them), else all. ``times`` writes the dates and times (the
    site's language and clock; English by default); ``say`` translates the sentences (the
    extension's catalog, which this Sphinx-free module cannot import; English by default), each
    written as one message with ``{placeholders}``, so that a language may order its words."""
    times = times or TimeFormatter("en")
    changes = []
    slugs = after.items.keys() if candidates is None else [s for s in candidates if s in after.items]
    differ = [(slug, after.items[slug]) for slug in slugs if before.items.get(slug) != after.items[slug]]
    for slug, now in sorted(differ, key=lambda pair: (pair[1].start, pair[1].room, pair[0])):
        was = before.items.get(slug)
        facets, words = _item_changes(was, now, before, after, times, say)
        if facets:
            moved_from = was.start if was is not None and was.start != now.start else ""
            changes.append(Change("item", slug, now.title, now.docname, now.has_page, tuple(facets), tuple(words),
                                  moved_from))
    olds = before.items.keys() if candidates is None else [s for s in candidates if s in before.items]
    gone = [(slug, before.items[slug]) for slug in olds if slug not in after.items]
    for slug, was in sorted(gone, key=lambda pair: (pair[1].start, pair[0])):
        if slug not in after.items:
            changes.append(Change("item", slug, was.title, was.docname, was.has_page, ("removed",),
                                  (say("Removed from the program"),)))
    for slug, name in sorted(after.speakers.items()):
        old = before.speakers.get(slug)
        if old is not None and old != name:
            changes.append(Change("speaker", slug, name, f"speakers/{slug}", True, ("renamed",),
                                  (say("Renamed from {name}").format(name=old),)))
    return tuple(changes)


def _item_changes(was: ItemState | None, now: ItemState, before: ProgramState,
                  after: ProgramState, times: TimeFormatter, say: Say) -> tuple[list[str], list[str]]:
    if was is None:
        what = say("New talk: {when}") if now.has_page else say("New in the program: {when}")
        return ["added"], [what.format(when=_when(now, times)) + (f", {now.room}" if now.room else "")]
    facets, words = [], []
    if was.status != now.status:
        if now.status == "cancelled":
            facets.append("cancelled")
            words.append(say("Cancelled"))
        elif was.status == "cancelled":
            facets.append("restored")
            words.append(say("No longer cancelled"))
        elif was.status == "tba":
            facets.append("announced")
            words.append(say("Announced"))
        else:
            facets.append("announced")
            words.append(say(STATUSES[now.status]) if STATUSES[now.status] else say("Scheduled"))
    if was.title != now.title:
        facets.append("title")
        words.append(say("Title was \u201c{title}\u201d").format(title=was.title))
    if (was.start, was.end) != (now.start, now.end):
        facets.append("time")
        words.append(_moved(was, now, times, say))
    if was.room != now.room:
        facets.append("room")
        words.append(say("Now in {room} (was {old})").format(room=now.room, old=was.room) if was.room and now.room
                     else say("Now in {room}").format(room=now.room) if now.room
                     else say("No longer in {room}").format(room=was.room))
    if was.session != now.session:
        facets.append("session")
        title = after.sessions.get(now.session, now.session)
        words.append(say("Now in the session \u201c{title}\u201d").format(title=title) if now.session
                     else say("No longer in a session"))
    if was.speakers != now.speakers:
        facets.append("speakers")
        words.append(_people_changed(was, now, before, after, say))
    return facets, words


def _when(state: ItemState, times: TimeFormatter) -> str:
    start, end = state.start_time, state.end_time
    return times.day_and_time(times.long_date(start.date()), times.clock_range(start, end))


def _moved(was: ItemState, now: ItemState, times: TimeFormatter, say: Say) -> str:
    """"Moved from 10:30–11:00 AM to 11:00–11:30 AM", with the dates when the day changed."""
    old_start, new_start = was.start_time, now.start_time
    if old_start.date() != new_start.date():
        return say("Moved from {old} to {new}").format(old=_when(was, times), new=_when(now, times))
    if was.start == now.start:
        return say("Now ends at {end} (was {old})").format(end=times.clock_time(now.end_time),
                                                            old=times.clock_time(was.end_time))
    return say("Moved from {old} to {new}").format(old=times.clock_range(old_start, was.end_time),
                                                   new=times.clock_range(new_start, now.end_time))


def _people_changed(was: ItemState, now: ItemState, before: ProgramState, after: ProgramState, say: Say) -> str:
    def names(slugs: Iterable[str], state: ProgramState) -> str:
        return ", ".join(state.speakers.get(slug, slug) for slug in slugs)
    joined = [s for s in now.speakers if s not in was.speakers]
    left = [s for s in was.speakers if s not in now.speakers]
    if joined and left:
        return say("Now with {joined} and without {left}").format(joined=names(joined, after), left=names(left, before))
    if joined:
        return say("Now with {names}").format(names=names(joined, after))
    if left:
        return say("Now without {names}").format(names=names(left, before))
    return say("Speakers in another order")


@dataclass(frozen=True)
class History:
    """The versions of the program, oldest first: each commit that changed it, from the first
    that had a program (whose items are the baseline, not news)."""

    versions: tuple[Version, ...] = ()
    #: the day from which changes are news (``symposium_changes_since``), if set
    since: dt.date | None = None
    #: the event's zone: a change's day is the event's day (``since`` too), as the change log groups them
    zone: dt.tzinfo = dt.UTC

    def day_of(self, version: Version) -> dt.date:
        """The day of a version on the event's clock."""
        return version.when.astimezone(self.zone).date()

    @cached_property
    def current(self) -> tuple[Version, ...]:
        """The versions of the program as it is now: from its announcement (the latest version
        that gave a program to none: what came before was drafting, or another event)."""
        start = max((i for i, v in enumerate(self.versions) if v.announces or i == 0), default=0)
        return self.versions[start:]

    @property
    def announcement(self) -> Version | None:
        return self.current[0] if self.current else None

    @cached_property
    def published(self) -> tuple[Version, ...]:
        """The versions readers are told of: after the announcement, from ``since``, with changes."""
        shown = [v for v in self.current[1:] if v.changes]
        if self.since is not None:
            shown = [v for v in shown if self.day_of(v) >= self.since]
        return tuple(shown)

    @cached_property
    def news_since(self) -> dt.date | None:
        """The day from which the change log tells: ``since``, or the day of the announcement if later."""
        announced = self.day_of(self.announcement) if self.announcement else None
        days = [day for day in (self.since, announced) if day is not None]
        return max(days) if days else None

    @cached_property
    def latest(self) -> Version | None:
        """The version that made the program as it is: its last change, published or not."""
        with_changes = [v for v in self.current if v.changes or v is self.current[0]]
        return with_changes[-1] if with_changes else None

    @cached_property
    def updated_in_latest(self) -> dict[str, Change]:
        """The items the latest published version changed (their "Updated" mark)."""
        published = self.published
        if not published or published[-1] != self.latest:
            return {}
        return {c.slug: c for c in published[-1].changes if c.kind == "item" and "removed" not in c.facets}

    @cached_property
    def revisions(self) -> dict[str, tuple[int, dt.datetime]]:
        """Each item's ``SEQUENCE`` (how many versions changed its time, place, title or status
        after it first appeared) and the date of its last such change (or of its appearance)."""
        found: dict[str, tuple[int, dt.datetime]] = {}
        for version in self.versions:
            for change in version.changes:
                if change.kind != "item" or not change.significant:
                    continue
                if "added" in change.facets or change.slug not in found:
                    # new, or back after being removed: a calendar may still hold it, so its
                    # sequence goes on from where it was
                    count = found[change.slug][0] + 1 if change.slug in found else 0
                    found[change.slug] = (count, version.when)
                else:
                    found[change.slug] = (found[change.slug][0] + 1, version.when)
        return found

    @cached_property
    def previous_starts(self) -> dict[str, list[str]]:
        """The starts each item had before the published versions moved it, oldest first."""
        found: dict[str, list[str]] = {}
        for version in self.published:
            for change in version.changes:
                if change.was_start and change.was_start not in found.setdefault(change.slug, []):
                    found[change.slug].append(change.was_start)
        return {slug: starts for slug, starts in found.items() if starts}

    @cached_property
    def last_changed(self) -> dt.datetime | None:
        latest = self.latest
        return latest.when if latest else None

    def version_name(self) -> str:
        """The program's version as apps show it: the date and short commit of its last change."""
        latest = self.latest
        return f"{latest.when:%Y-%m-%d} ({latest.short})" if latest else ""


def shown(history: History) -> dict[str, Any]:
    """What the pages show of the history, as digests: ``site`` for what every listing and the
    change log show (the published versions, the last change), ``items`` per item for what its
    own page shows (its "Updated" mark, its revision, its previous starts). Two builds whose
    ``shown`` agree wrote the same pages."""
    def digest(value: object) -> str:
        return hashlib.sha256(repr(value).encode()).hexdigest()[:16]

    site = digest(([v.to_json() for v in history.published], history.last_changed, history.version_name(),
                   history.news_since))
    slugs = {*history.updated_in_latest, *history.revisions, *history.previous_starts}
    items = {slug: digest((history.updated_in_latest.get(slug), history.revisions.get(slug),
                           history.previous_starts.get(slug),
                           # the note of an updated item names the version
                           history.latest.commit if history.latest and slug in history.updated_in_latest else ""))
             for slug in sorted(slugs)}
    return {"site": site, "items": items}
