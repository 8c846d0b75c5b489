"""What every export says about the site: its name, addresses, place and the people.

Built once per build from the config and the store (``writer.py``), then read by the
iCalendar and frab modules, which know nothing of Sphinx.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..model.entities import Event, ProgramItem, Session, Speaker
from ..model.link_targets import file_url
from ..model.rooms import stream_of
from ..model.translating import Say, SayPlural, english, english_plural


@dataclass(frozen=True)
class ExportSite:
    title: str  # the short name, such as "AIExScale 2025"
    full_name: str  # the long one, for calendars that show a description
    acronym: str
    event: Event
    base_url: str  # the site's root, absolute, with its trailing slash
    #: absolute URL of a talk's page, or of the program page for an item without one
    item_url: Callable[[ProgramItem], str]
    speaker_url: Callable[[Speaker], str]
    speakers: Mapping[str, Speaker]
    sessions: Mapping[str, Session]
    #: when the exports were made: SOURCE_DATE_EPOCH, so that two builds give the same bytes
    stamp: dt.datetime
    #: from the repository's history: each item's revision (SEQUENCE) and the date of its last
    #: change, and the program's version ("2025-11-18 (abc1234)"); empty without a history
    revisions: Mapping[str, tuple[int, dt.datetime]] = field(default_factory=dict)
    version: str = ""
    #: the event's DOI (``symposium_doi``), ``""`` without one
    doi: str = ""
    #: the site's language (BCP 47): a talk's when it does not say its own
    language: str = "en"
    #: the exports' words in the site's language: the catalog's ``_`` and ``ngettext``, given by
    #: the build (``site_data.py``); the English words without one
    say: Say = english
    say_plural: SayPlural = english_plural
    #: each item's VEVENT, serialized once per build (ics.py): the same bytes in program.ics, the
    #: talk's file and each of its speakers' calendars
    calendar_events: dict[str, tuple[bytes, frozenset[str]]] = field(default_factory=dict, compare=False, repr=False)

    def people(self, item: ProgramItem) -> list[Speaker]:
        """The item's speakers, then its moderators, each once; unknown slugs are left out."""
        seen: dict[str, Speaker] = {}
        for ref in (*item.speakers, *item.moderators):
            speaker = self.speakers.get(ref.slug)
            if speaker is not None:
                seen.setdefault(ref.slug, speaker)
        return list(seen.values())

    def track(self, item: ProgramItem) -> str | None:
        """The item's track; else its session's title, which the apps can group by."""
        session = self.sessions.get(item.session) if item.session else None
        return item.track or (session.title if session else None)

    def room(self, item: ProgramItem) -> str:
        """The room, or the venue's first part when no room is known."""
        return item.room or self.event.venue.split(",")[0].strip() or self.title

    def location(self, item: ProgramItem) -> str:
        """Room (with its description) and venue, as one line: some calendar apps drop an event
        without a location."""
        return ", ".join(part for part in (self.room_with_description(item.room), self.event.venue) if part) or self.title

    def room_with_description(self, room: str) -> str:
        """"Hall A (Ground floor, Building 1)", or the room's name without a description."""
        record = self.event.room_record(room)
        return f"{room} ({record.description})" if room and record is not None and record.description else room

    def stream(self, item: ProgramItem) -> str:
        """Where the item is streamed (``rooms.stream_of``), ``""`` when it is not."""
        return stream_of(item, self.event)

    def file_url(self, path: str) -> str:
        """An absolute URL: a web address as it is, a project file under the site's root."""
        return file_url(self.base_url, path)
