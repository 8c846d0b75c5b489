"""The symposium's records: the catalogue of types and statuses, and the speakers, talks,
program items and sessions that front-matter is read into.

Pure Python. The records are read by :mod:`.reading` (through the block reader of
:mod:`.block_reader`), whose problems are :class:`Problem` values located at a key's line, never
raised, so that one bad page cannot stop a build.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from .names import family_and_given, initials
from .rooms import Room
from .translating import N_

#: Talk types and the label each shows when a talk gives no ``label`` (in English, marked for the
#: message catalog: pages show it in the site's language, ``rendering/words.label``).
TALK_TYPES: dict[str, str] = {
    "keynote": N_("Keynote"),
    "invited": N_("Invited Talk"),
    "contributed": N_("Contributed Talk"),
    "panel": N_("Panel"),
    "discussion": N_("Discussion"),
    "tutorial": N_("Tutorial"),
    "lightning": N_("Lightning Talk"),
    "poster": N_("Poster"),
    "demo": N_("Demo"),
}
#: Types of program items without a page of their own.
ITEM_TYPES: dict[str, str] = {
    **TALK_TYPES,
    "opening": N_("Opening"),
    "closing": N_("Closing"),
    "break": N_("Break"),
    "meal": N_("Meal"),
    "social": N_("Social"),
    "other": "",
}
#: The colour classes symposium.css knows (rows, grid cells and badges carry
#: ``symposium-row-<class>`` and ``symposium-badge-<class>``): the built-in types' own names. A
#: type that ``symposium_types`` adds borrows one of them. ``poster`` also makes a type a
#: poster's: it may have a ``board``, and posters of one session share its time and room.
COLOUR_CLASSES: tuple[str, ...] = tuple(ITEM_TYPES)
#: the colour class of posters
POSTER = "poster"


@dataclass(frozen=True)
class ItemType:
    """A value of ``type:``: the label an item of it shows (unless it gives its own
    ``label``), its colour class, and whether it is a talk type (its items have a page in
    ``talks/``) or a type of ``program: items:`` only."""

    label: str
    colour: str
    has_page: bool

    @property
    def poster(self) -> bool:
        return self.colour == POSTER


#: the types every site has; ``symposium_types`` in conf.py changes or adds to them
DEFAULT_TYPES: dict[str, ItemType] = {
    name: ItemType(label, name, name in TALK_TYPES) for name, label in ITEM_TYPES.items()
}
#: What ``status:`` may say of a talk or an item: scheduled (the default), cancelled (it stays
#: in the program, struck through, and calendars learn of it), tba (a slot whose talk is not
#: known yet). The text is what readers see beside the item.
STATUSES: dict[str, str] = {
    "scheduled": "",
    "cancelled": N_("Cancelled"),
    "tba": N_("To be announced"),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong, where it is, and what would be right."""

    subtype: str  # frontmatter | reference | schedule | config
    message: str
    line: int
    docname: str | None = None


@dataclass(frozen=True)
class Event:
    """The symposium as a whole, from the ``symposium_*`` config values."""

    date: dt.date
    timezone: ZoneInfo
    room: str = ""
    venue: str = ""
    end_date: dt.date | None = None
    max_gap: dt.timedelta = dt.timedelta(hours=2)
    #: the longest item that is not a mistake (``duration: 30:00`` is 1800 minutes to YAML)
    max_item: dt.timedelta = dt.timedelta(hours=12)
    #: the rooms and tracks, in display order, when ``conf.py`` lists them (typos are caught)
    rooms: tuple[str, ...] = ()
    tracks: tuple[str, ...] = ()
    #: when one day of the program ends (frab's ``day_change``): at "04:00", a talk at
    #: 00:30 belongs to the day before
    day_change: dt.time = dt.time(0)
    #: every value ``type:`` may take (symposium_types merged into DEFAULT_TYPES)
    types: Mapping[str, ItemType] = field(default_factory=lambda: dict(DEFAULT_TYPES), hash=False)
    #: what ``symposium_rooms`` says of each room beside its name (description, map, stream...)
    room_records: tuple[Room, ...] = ()
    #: the venue's latitude and longitude (``symposium_venue_geo``)
    venue_geo: tuple[float, float] | None = None

    @property
    def talk_types(self) -> dict[str, ItemType]:
        """The types of talks (pages in ``talks/``)."""
        return {name: kind for name, kind in self.types.items() if kind.has_page}

    def room_record(self, name: str) -> Room | None:
        """The record of the room ``name``, when ``symposium_rooms`` lists it."""
        return next((room for room in self.room_records if room.name == name), None)

    @property
    def dates(self) -> list[dt.date]:
        last = self.end_date or self.date
        return [self.date + dt.timedelta(days=n) for n in range((last - self.date).days + 1)]

    @property
    def several_days(self) -> bool:
        return (self.end_date or self.date) != self.date

    def program_day(self, moment: dt.datetime) -> dt.date:
        """The day of the program that ``moment`` (on the event's wall clock) belongs to."""
        return (moment.replace(tzinfo=None) - dt.timedelta(hours=self.day_change.hour, minutes=self.day_change.minute)).date()


@dataclass(frozen=True)
class PersonRef:
    """A speaker slug as written in a talk or item, with its line."""

    slug: str
    line: int


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    line: int = 1  # of its URL in the front-matter, for linkcheck's report


@dataclass(frozen=True)
class Speaker:
    slug: str
    docname: str
    name: str
    affiliations: tuple[str, ...]
    honorific: str = ""
    position: str = ""
    photo: str = ""
    email: str = ""
    links: tuple[Link, ...] = ()
    line: int = 1
    photo_line: int = 1
    name_line: int = 1
    #: the words of ``name`` that are the family name, when they are not its last word
    family_name: str = ""
    #: what speaker lists sort by, when not the family name (``sort_name: Gogh``)
    sort_name: str = ""

    @property
    def family_and_given(self) -> tuple[str, str]:
        """``("Ferreira da Silva", "Rafael")``: the family name and the given names, as citations
        write a person ("Family, Given"). The family name is ``family_name`` when given (at the
        start or the end of ``name``), else the last word of ``name`` (the first of a name in
        Chinese, Japanese or Korean script; see :mod:`symposium.model.names`)."""
        family, given = family_and_given(self.name, self.family_name)
        return family, given or ""

    @property
    def initials(self) -> str:
        """What the generated avatar shows (``GH``; ``山`` for 山田 太郎; ``""``: an icon), see
        :func:`symposium.model.names.initials`."""
        return initials(self.name, self.family_name)

    @property
    def affiliation(self) -> str:
        return "; ".join(self.affiliations)


@dataclass(frozen=True)
class ProgramItem:
    """A talk (it has a page) or an item of the program without one."""

    key: str  # the talk's docname, or "<docname>#<index>" for an item
    docname: str  # the page that defines it
    has_page: bool
    title: str
    type: str
    # Aware, on the event's wall clock with each moment's own fixed UTC offset
    # (times.in_zone), so that comparisons and differences are between instants.
    start: dt.datetime
    end: dt.datetime
    label: str = ""
    room: str = ""
    speakers: tuple[PersonRef, ...] = ()
    moderators: tuple[PersonRef, ...] = ()
    slides: str = ""
    video: str = ""
    links: tuple[Link, ...] = ()
    #: the id of the session it belongs to, and its own track (a session may give one)
    session: str = ""
    track: str = ""
    #: whether the item gives its own date and room, or takes its session's
    own_date: bool = False
    own_room: bool = False
    #: false for a poster that gives no time: it takes its session's (start and end are a
    #: stand-in until it is joined to the session, see sessions.join_session)
    own_time: bool = True
    start_line: int = 1
    end_line: int = 1  # of 'end', or of 'duration'
    date_line: int = 1
    room_line: int = 1
    session_line: int = 1
    slides_line: int = 1
    video_line: int = 1
    #: a talk's abstract as plain text (its page's text below the heading), as the copies
    #: outside the page carry it: at most ``limits.TEXT_LIMIT`` characters (``limits.within_limit``)
    abstract: str = ""
    #: one of STATUSES
    status: str = "scheduled"
    status_line: int = 1
    #: false for a talk that must not be recorded (``recording: false``)
    recording: bool = True
    recording_line: int = 1
    #: the BCP 47 tag of the language an item is given in (``language: de``); "" for the site's
    language: str = ""
    #: a poster's board, as written (``12``, ``P-12``); only posters have one
    board: str = ""
    board_line: int = 1
    #: its type's label, colour and kind as the site configures them (None: the default's)
    kind: ItemType | None = None
    #: where it is streamed, when it (or its session) says so; else its room's stream
    #: (``rooms.stream_of``)
    stream: str = ""
    stream_line: int = 1
    #: true after a warning about its time: it is published at the time as best the data gives
    #: it (an end that cannot be read: at its start, without an end), and the checks across
    #: pages leave its time be, so that one mistake is one warning
    time_doubted: bool = False

    @property
    def type_info(self) -> ItemType:
        return self.kind or DEFAULT_TYPES.get(self.type) or DEFAULT_TYPES["other"]

    @property
    def poster(self) -> bool:
        return self.type_info.poster

    @property
    def ends(self) -> bool:
        """Whether its end is known: an item whose end could not be read has ``end == start``."""
        return self.end > self.start

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def status_label(self) -> str:
        """"Cancelled", "To be announced", or "" for a scheduled item."""
        return STATUSES.get(self.status, "")

    @property
    def type_label(self) -> str:
        return self.label or self.type_info.label

    @property
    def colour(self) -> str:
        """The colour class of its type (see COLOUR_CLASSES)."""
        return self.type_info.colour

    @property
    def slug(self) -> str:
        """What names the item for good: a talk's page slug, else its day, time and title.

        Calendars and apps key on identifiers made from it, so it must not change when
        other items come or go (an index in a list would).
        """
        if self.has_page:
            return self.docname.rsplit("/", 1)[-1]
        # the room too: a break at one time in each of several rooms is several items
        where = f"-{slugify(self.room)}" if self.room else ""
        return f"{self.start:%Y%m%d-%H%M}-{slugify(self.title)}{where}"


@dataclass(frozen=True)
class Session:
    """A block of the program in one room, with chairs, that talks join with ``session:``."""

    id: str
    docname: str
    title: str
    start: dt.datetime  # as ProgramItem's
    end: dt.datetime
    room: str = ""
    chairs: tuple[PersonRef, ...] = ()
    track: str = ""
    line: int = 1  # of its 'id'
    start_line: int = 1
    #: where its talks are streamed, unless a talk names its own
    stream: str = ""


#: A slug: a page's file name and the key other pages use for it; it is also its URL.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EXPECTED_SLUG = "lower-case letters and digits, words joined by '-', such as 'jane-doe'"


def sorted_program(items: list[ProgramItem]) -> list[ProgramItem]:
    """In time order; posters that share a slot, by board."""
    return sorted(items, key=lambda i: (i.start, i.end, i.room, board_order(i.board), i.key))


def board_order(board: str) -> tuple[tuple[int, int | str], ...]:
    """How boards sort: as people count, ``P-2`` before ``P-10``, ``3`` before ``12``."""
    return tuple((0, int(part)) if part.isdigit() else (1, part.casefold())
                 for part in re.findall(r"\d+|[^\d\W_]+", board))


def slugify(text: str) -> str:
    """``Jane Doe`` -> ``jane-doe``: text as a slug (see :data:`SLUG`)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "item"
