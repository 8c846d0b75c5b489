"""What part of the data a listing page shows, so that an edit rewrites only the listings it reaches.

A page per day, per room or per track of a large conference shows a small part of the
program: an edit to one talk must rewrite that talk's day and room pages and the pages
that list everything, not every listing of the site. Each listing records its scopes
when it is read; each page with data records the *facets* of what it holds (the day,
room, track and session of each item and session, and the speaker it defines). A
change reaches a listing when a facet before or after the change falls in one of the
listing's scopes. Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .selection import Selection

#: (program day as ISO date, room, track, session id) of an item or a session
Facet = tuple[str, str, str, str]


@dataclass(frozen=True)
class ProgramScope:
    """A ``{program-table}`` or ``{talk-list}`` with its selection: the items it keeps, with
    their sessions and the names of their people."""

    selection: Selection

    def reached_by(self, facets: Iterable[Facet], speaker_slugs: Iterable[str]) -> bool:
        s = self.selection
        return any((not s.day or day == s.day) and (not s.room or room == s.room)
                   and (not s.track or track == s.track) and (not s.session or session == s.session)
                   for day, room, track, session in facets)


@dataclass(frozen=True)
class SpeakerScope:
    """A ``{speaker-list}``: the cards of ``only`` (every speaker when empty)."""

    only: frozenset[str] = frozenset()

    def reached_by(self, facets: Iterable[Facet], speaker_slugs: Iterable[str]) -> bool:
        slugs = set(speaker_slugs)
        return bool(slugs) and (not self.only or bool(self.only & slugs))


@dataclass(frozen=True)
class EverythingScope:
    """The home page: its JSON-LD describes the whole program, whatever its listings show."""

    def reached_by(self, facets: Iterable[Facet], speaker_slugs: Iterable[str]) -> bool:
        return True


Scope = ProgramScope | SpeakerScope | EverythingScope

EVERYTHING = EverythingScope()


def listings_reached(listings: dict[str, frozenset[Scope]], facets: set[Facet], speaker_slugs: set[str]) -> set[str]:
    """The listing pages that show something of a change with these facets and speakers.

    ``facets`` are those of the changed items and sessions, and of the items that name a
    changed speaker (their rows show the speaker's name); ``speaker_slugs`` the speakers
    whose own page changed.
    """
    if not facets and not speaker_slugs:
        return set()
    return {docname for docname, scopes in listings.items()
            if any(scope.reached_by(facets, speaker_slugs) for scope in scopes)}
