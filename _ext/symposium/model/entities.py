"""The symposium's data: speakers, talks and program items, read and validated.

Pure Python: dataclasses and the functions that turn front-matter into them.
Every problem is returned as a :class:`Problem` with the line of the offending key,
never raised, so that one bad page cannot stop a build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from .frontmatter import Path, Positions
from .hints import closest, did_you_mean
from .languages import language_problem
from .limits import within_limit
from .link_targets import is_project_file, is_web_address, why_not_a_project_file
from .media import embed_of, not_embeddable
from .names import family_and_given, initials
from .rooms import Room
from .text import squeeze
from .times import EXPECTED_TIME, clock, duration_text, in_zone, parse_date, parse_time, wall_clock

#: Talk types and the label each shows when a talk gives no ``label``.
TALK_TYPES: dict[str, str] = {
    "keynote": "Keynote",
    "invited": "Invited Talk",
    "contributed": "Contributed Talk",
    "panel": "Panel",
    "discussion": "Discussion",
    "tutorial": "Tutorial",
    "lightning": "Lightning Talk",
    "poster": "Poster",
    "demo": "Demo",
}
#: Types of program items without a page of their own.
ITEM_TYPES: dict[str, str] = {
    **TALK_TYPES,
    "opening": "Opening",
    "closing": "Closing",
    "break": "Break",
    "meal": "Meal",
    "social": "Social",
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
    "cancelled": "Cancelled",
    "tba": "To be announced",
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

    @property
    def talk_types(self) -> dict[str, ItemType]:
        """The types of talks (pages in ``talks/``)."""
        return {name: kind for name, kind in self.types.items() if kind.has_page}
    #: what ``symposium_rooms`` says of each room beside its name (description, map, stream...)
    room_records: tuple[Room, ...] = ()
    #: the venue's latitude and longitude (``symposium_venue_geo``)
    venue_geo: tuple[float, float] | None = None

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

    @property
    def type_info(self) -> ItemType:
        return self.kind or DEFAULT_TYPES.get(self.type) or DEFAULT_TYPES["other"]

    @property
    def poster(self) -> bool:
        return self.type_info.poster
    #: where it is streamed, when it (or its session) says so; else its room's stream
    #: (``rooms.stream_of``)
    stream: str = ""
    stream_line: int = 1
    #: true after a warning about its time: it is published at the time as best the data gives
    #: it (an end that cannot be read: at its start, without an end), and the checks across
    #: pages leave its time be, so that one mistake is one warning
    time_doubted: bool = False

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


# -- reading -----------------------------------------------------------------------------

SPEAKER_KEYS = {"name", "family_name", "sort_name", "honorific", "affiliation", "position", "photo", "email", "links"}
TIMING_KEYS = {"start", "end", "duration", "date", "room", "speakers", "moderators"}
TALK_KEYS = {"type", "label", "board", "slides", "video", "recording", "links", "session", "track", "status",
             "language", "stream"} | TIMING_KEYS
ITEM_KEYS = {"title", "abstract", "type", "label", "board", "slides", "video", "recording", "links", "session", "track",
             "status", "language", "stream"} | TIMING_KEYS
SESSION_KEYS = {"id", "title", "date", "start", "end", "duration", "room", "chairs", "track", "stream"}
#: the keys that give an item its time; a poster in a session may leave them all out
_GIVES_ITS_TIME = {"start", "end", "duration", "date"}
PROGRAM_KEYS = {"items", "sessions"}
#: A slug: a page's file name and the key other pages use for it; it is also its URL.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EXPECTED_SLUG = "lower-case letters and digits, words joined by '-', such as 'jane-doe'"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class _Reader:
    """Reads one mapping of front-matter, collecting problems instead of raising."""

    data: Mapping[str, Any]
    path: Path
    positions: Positions
    problems: list[Problem] = field(default_factory=list)
    #: set by :meth:`timing` after a problem with the time that the item survives: it is
    #: published at the time as best the data gives it, and the checks across pages leave it be
    time_doubted: bool = False

    def line(self, *keys: str | int) -> int:
        return self.positions.line((*self.path, *keys))

    def where(self, *keys: str | int) -> str:
        return ".".join(str(k) for k in (*self.path, *keys))

    def problem(self, subtype: str, message: str, *keys: str | int) -> None:
        self.problems.append(Problem(subtype, message, self.line(*keys)))

    def unknown_keys(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                match = closest(key, sorted(allowed))
                hint = f"; did you mean {match!r}?" if match else f"; expected one of: {', '.join(sorted(allowed))}"
                self.problem("frontmatter", f"unknown key {self.where(key)!r}{hint}", key)

    def text_as_written(self, value: object, *keys: str | int) -> str:
        """A scalar as text, as the contributor wrote it.

        YAML 1.1 turns ``0264`` into 180 (octal), ``1:05`` into 65 (base 60) and ``yes``
        into true; a text field keeps the characters of the file instead.
        """
        if isinstance(value, str):
            return value.strip()
        raw = self.positions.raw((*self.path, *keys))
        return (raw if raw is not None else str(value)).strip()

    def string(self, key: str, *, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem("frontmatter", f"missing required key {self.where(key)!r}")
            return ""
        if isinstance(value, (dict, list)):
            self.problem("frontmatter", f"{self.where(key)!r} should be text, got {_kind(value)}", key)
            return ""
        text = self.text_as_written(value, key)
        if required and not text:
            self.problem("frontmatter", f"{self.where(key)!r} is empty; expected text", key)
        return text

    def strings(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        """A string or a list of strings; an empty one is missing."""
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem("frontmatter", f"missing required key {self.where(key)!r}")
            return ()
        entries = [(value, (key,))] if not isinstance(value, list) else [(v, (key, i)) for i, v in enumerate(value)]
        if any(v is None or isinstance(v, (dict, list)) for v, _ in entries):
            self.problem("frontmatter", f"{self.where(key)!r} should be text or a list of texts, got {_kind(value)}", key)
            return ()
        texts = tuple(text for v, keys in entries if (text := self.text_as_written(v, *keys)))
        if required and not texts:
            self.problem("frontmatter", f"{self.where(key)!r} is empty; expected text or a list of texts", key)
        return texts

    def url(self, key: str) -> str:
        """An http(s) URL, or a file under ``_static/``."""
        text = self.string(key)
        if text and not is_web_address(text) and not is_project_file(text):
            self.problem("frontmatter", f"{self.where(key)!r} should be an http(s) URL or a file under _static/, got {text!r}", key)
            return ""
        return text

    def web_address(self, key: str, example: str) -> str:
        """An http(s) URL, never a project file (a stream, say)."""
        text = self.string(key)
        if text and not is_web_address(text):
            self.problem("frontmatter", f"{self.where(key)!r} should be an http(s) URL such as {example!r}, got {text!r}", key)
            return ""
        return text

    def project_file(self, key: str, example: str) -> str:
        """A file under ``_static/``, never a web address: pages must not make a visitor's
        browser contact another site, and the site must read offline."""
        text = self.string(key)
        if text and is_web_address(text):
            self.problem(
                "frontmatter",
                f"{self.where(key)!r} is a web address ({text}); expected a file in the project such as "
                f"{example!r}: a file from another site makes every visitor's browser contact it, and the "
                "site no longer works offline (save the file, if you may publish it, under _static/)",
                key,
            )
            return ""
        if text and not is_project_file(text):
            self.problem("frontmatter", f"{self.where(key)!r} is {text!r}: {why_not_a_project_file(text)}; expected a "
                                        f"file under _static/ such as {example!r}", key)
            return ""
        return text

    def people(self, key: str) -> tuple[PersonRef, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):  # a single slug is a list of one
            value, lines = [value], [self.line(key)]
        elif isinstance(value, list):
            lines = [self.line(key, i) for i in range(len(value))]
        else:
            self.problem("frontmatter", f"{self.where(key)!r} should be a list of speaker slugs such as [jane-doe], got {_kind(value)}", key)
            return ()
        refs: dict[str, PersonRef] = {}
        for slug, line in zip(value, lines, strict=True):
            if not isinstance(slug, str) or not SLUG.match(slug):
                self.problems.append(Problem("frontmatter", f"{self.where(key)!r} holds {slug!r}; expected a speaker slug, the file name of a page in speakers/ such as 'jane-doe'", line))
                continue
            if slug in refs:
                self.problems.append(Problem(
                    "frontmatter",
                    f"{self.where(key)!r} names {slug!r} twice (lines {refs[slug].line} and {line}); expected each person once",
                    line,
                ))
                continue
            refs[slug] = PersonRef(slug, line)
        return tuple(refs.values())

    def _optional(self, key: str, kind: type, expected: str) -> Any:
        """The value of an optional key when it is a ``kind``; ``None`` when it is absent, or
        (with a problem saying what was expected) of another type."""
        value = self.data.get(key)
        if value is not None and not isinstance(value, kind):
            self.problem("frontmatter", f"{self.where(key)!r} should {expected}, got {_kind(value)}", key)
            return None
        return value

    def named_links(self, key: str) -> tuple[Link, ...]:
        """``name: url`` pairs (a speaker's homepage, ORCID...)."""
        value = self._optional(key, dict, "map names to URLs, such as 'homepage: https://example.org/'")
        if value is None:
            return ()
        links = []
        for name, url in value.items():
            if not isinstance(url, str) or not is_web_address(url):
                self.problem("frontmatter", f"{self.where(key, name)!r} should be an http(s) URL, got {url!r}", key, name)
                continue
            links.append(Link(str(name), url, self.line(key, name)))
        return tuple(links)

    def titled_links(self, key: str) -> tuple[Link, ...]:
        """A list of ``{title, url}`` (a talk's further material)."""
        value = self._optional(key, list, "be a list of {title, url}")
        if value is None:
            return ()
        links = []
        for i, entry in enumerate(value):
            if not (isinstance(entry, dict) and isinstance(entry.get("title"), str) and isinstance(entry.get("url"), str)):
                self.problem("frontmatter", f"{self.where(key, i)!r} should be {{title: ..., url: https://...}}, got {entry!r}", key, i)
                continue
            if not (is_web_address(entry["url"]) or is_project_file(entry["url"])):
                self.problem("frontmatter", f"{self.where(key, i, 'url')!r} should be an http(s) URL or a file under _static/, got {entry['url']!r}", key, i, "url")
                continue
            links.append(Link(entry["title"], entry["url"], self.line(key, i, "url")))
        return tuple(links)

    def flag(self, key: str, default: bool, meaning: str) -> bool:
        """``true`` or ``false``; YAML's ``yes``/``no`` are read as such, text such as ``"false"`` is not."""
        value = self._optional(key, bool, f"be true or false ({meaning})")
        return default if value is None else value

    def listed(self, key: str, listed: tuple[str, ...], config_name: str) -> str:
        """Text that, when ``conf.py`` lists the values (rooms, tracks), must be one of them."""
        value = self.string(key)
        if value and listed and value not in listed:
            hint = did_you_mean(value, listed, cutoff=0.5)
            self.problem("frontmatter", f"{self.where(key)!r} is {value!r}, which is not in {config_name}; {hint}"
                         f"expected one of: {', '.join(listed)}", key)
        return value  # as written, so that the checks of rooms and times still see it

    def choice(self, key: str, choices: Mapping[str, str]) -> str:
        value = self.string(key, required=True)
        if value and value not in choices:
            hint = did_you_mean(value, choices)
            self.problem("frontmatter", f"unknown {self.where(key)} {value!r}; {hint}expected one of: {', '.join(choices)}", key)
            return ""
        return value

    def type_of(self, types: Mapping[str, ItemType], event: Event) -> str:
        """``type``: one of ``types``. A type of ``program: items:`` on a talk page is told so,
        and any unknown type is told where types are added (``symposium_types``)."""
        value = self.string("type", required=True)
        if not value or value in types:
            return value
        elsewhere = event.types.get(value)
        if elsewhere is not None and not elsewhere.has_page:
            self.problem("frontmatter", f"{self.where('type')} {value!r} is a type of the program's entries without "
                         f"a page (symposium_types gives it 'page': False); expected a talk type: {', '.join(types)}, "
                         "or the entry under 'program: items:'", "type")
            return ""
        hint = did_you_mean(value, types)
        self.problem("frontmatter", f"unknown {self.where('type')} {value!r}; {hint}expected one of: {', '.join(types)} "
                     "(conf.py's symposium_types adds more)", "type")
        return ""

    def board(self, kind: ItemType | None) -> str:
        """A poster's ``board`` (a number or a label such as ``P-12``); on anything else, a problem."""
        if "board" not in self.data:
            return ""
        text = self.string("board", required=True)
        if text and kind is not None and not kind.poster:
            self.problem("frontmatter", f"{self.where('board')!r} is {text!r}, but only a poster has a board and this "
                         f"is {self.where('type')} {self.data.get('type')!r}; expected 'type: poster' (or a type "
                         "whose symposium_types class is 'poster'), or no board", "board")
            return ""
        return text

    def timing(self, event: Event, *, keep_start: bool = False,
               what: str = "the item") -> tuple[dt.datetime, dt.datetime] | None:
        """The start and end (see ``ProgramItem``), or ``None`` after a problem.

        With ``keep_start``, an item whose start can be read stays in the program whatever is
        wrong with its end: at its start, without an end (``end == start``), and the problem says
        so. Warnings explain; they never remove an item. Only an item without a start (or a day)
        is left out, and its problem says that too.
        """
        before = len(self.problems)
        try:
            timing = self._timing(event, keep_start)
        except OverflowError:  # a date such as 9999-12-31 leaves the calendar in UTC
            self.problem("schedule", f"{self.where('date')!r} is too far from the symposium; expected a date of the event", "date")
            timing = None
        if timing is None:
            self.problems[before:] = [dataclasses.replace(p, message=left_out(p.message, what))
                                      for p in self.problems[before:]]
        elif len(self.problems) > before:
            self.time_doubted = True
        return timing

    def _timing(self, event: Event, keep_start: bool) -> tuple[dt.datetime, dt.datetime] | None:
        day = event.date
        if "date" in self.data:
            try:
                day = parse_date(self.data["date"])
            except ValueError as err:
                self.problem("frontmatter", f"{self.where('date')!r}: {err}", "date")
                return None
        before = len(self.problems)
        start = self._moment("start", day, event)
        if start is None:
            return None
        start_doubted, before = len(self.problems) > before, len(self.problems)
        end = self._end(start, event)
        if end is None:
            if not keep_start:
                return None
            found = self.problems[before:]
            del self.problems[before:]
            if start_doubted:  # a wrong start makes the end look wrong too: one mistake, one warning
                found = [p for p in found if p.subtype != "schedule"] or [self.problems.pop()]
            self.problems += [dataclasses.replace(p, message=f"{p.message}; {_WITHOUT_AN_END}") for p in found]
            return start, start
        return start, end

    def _end(self, start: dt.datetime, event: Event) -> dt.datetime | None:
        """The end, after ``start`` and at most ``symposium_max_item_minutes`` later, or ``None``
        after a problem. It may fall after the change of day: an item belongs to the day of the
        program in which it starts (a night's set from 01:00 to 10:00 is the evening's)."""
        if "end" in self.data:
            if "duration" in self.data:
                self.problem("frontmatter", f"give {self.where('end')!r} or {self.where('duration')!r}, not both", "duration")
            end_key = "end"
            end = self._moment("end", start.date(), event)
            if end is not None and end <= start and self._into_the_night(start, end, event):
                end = self._moment("end", start.date() + dt.timedelta(days=1), event)
        elif "duration" in self.data:
            end_key = "duration"
            minutes = self._minutes(event)
            end = None if minutes is None else in_zone(start + dt.timedelta(minutes=minutes), event.timezone)
        else:
            self.problem("frontmatter", f"missing required key {self.where('end')!r} (or 'duration' in minutes)")
            return None
        if end is None:
            return None
        if end <= start:
            self.problem("schedule", self._end_before_start(start, end, event), end_key)
            return None
        if end - start > event.max_item:
            self._too_long(duration_text(end - start), event, end_key)
            return None
        return end

    def _end_before_start(self, start: dt.datetime, end: dt.datetime, event: Event) -> str:
        """Why an end is not after its start: an AM/PM slip, most likely."""
        said = f"{self.where('end')!r} is {clock(end)}, not after the start {clock(start)}"
        return f"{said}; expected an end after the start (a time after noon needs PM or 24-hour form)"

    def _into_the_night(self, start: dt.datetime, end: dt.datetime, event: Event) -> bool:
        """An end written as a time of day that is not after the start, and that is the next
        morning: before the day changes, or an evening item's end after midnight (``23:00`` to
        ``10:00``; a morning's end after the evening start would last over 12 hours)."""
        written = self.data.get("end")
        if isinstance(written, (dt.datetime, dt.date)) or "T" in str(written):
            return False
        return end.time() < event.day_change or (start.hour >= 12 and end.hour < 12)

    def _too_long(self, length: str, event: Event, key: str) -> None:
        self.problem(
            "schedule",
            f"the item lasts {length}; expected at most {duration_text(event.max_item)} "
            "(symposium_max_item_minutes): check its end, or its start",
            key,
        )

    def _minutes(self, event: Event) -> int | None:
        """``duration``, in whole minutes."""
        minutes = self.data["duration"]
        raw = self.positions.raw((*self.path, "duration"))
        if isinstance(minutes, int) and raw is not None and ":" in raw:
            self.problem(
                "frontmatter",
                f"{self.where('duration')!r} is {raw}, which YAML reads as {minutes} minutes; "
                "expected a whole number of minutes such as 30 (or an 'end' time)",
                "duration",
            )
            return None
        if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
            shown = raw if raw is not None else repr(minutes)
            self.problem("frontmatter", f"{self.where('duration')!r} should be a whole number of minutes such as 30, got {shown}", "duration")
            return None
        if minutes * 60 > event.max_item.total_seconds():  # before any arithmetic: 10**13 minutes overflow
            self._too_long(f"{minutes} minutes", event, "duration")
            return None
        return minutes

    def _moment(self, key: str, day: dt.date, event: Event) -> dt.datetime | None:
        """``start`` or ``end`` on ``day`` (unless it names its own), or ``None`` after a problem."""
        if key not in self.data:
            self.problem("frontmatter", f"missing required key {self.where(key)!r}; expected {EXPECTED_TIME}")
            return None
        try:
            value = parse_time(self.data[key], self.positions.raw((*self.path, key)))
        except ValueError as err:
            text = str(err)
            self.problem("frontmatter", f"{self.where(key)!r} {text}" if text.startswith("is ") else f"{self.where(key)!r}: {text}", key)
            return None
        zone = event.timezone
        if not isinstance(value, dt.datetime):
            moment, note = wall_clock(day, value, zone)
        elif value.tzinfo is None:
            moment, note = wall_clock(value.date(), value.time(), zone)
        else:
            moment, note = in_zone(value, zone), ""
            offset = value.utcoffset()
            if offset not in (moment.utcoffset(), dt.timedelta()):
                self.problem(
                    "schedule",
                    f"{self.where(key)!r} {value.isoformat(timespec='minutes')} carries the offset UTC{value:%z}, "
                    f"but the symposium's times are in {zone.key} (UTC{moment:%z} then, when it is "
                    f"{clock(moment)} on {moment:%Y-%m-%d}); expected an event-local time such as "
                    f"{clock(value, meridiem=False)}, or the offset {moment.isoformat()[-6:]} "
                    f"(until then it is published at the instant written, {clock(moment)})",
                    key,
                )
        if moment is None:
            # read with the offset of the hour after the change: 2:30 on a night that skips from
            # 2:00 to 3:00 is 1:30 before it, an hour before 3:30 as the clocks meant it
            when = dt.datetime.combine(value.date(), value.time()) if isinstance(value, dt.datetime) else dt.datetime.combine(day, value)
            moment = in_zone(when.replace(tzinfo=zone, fold=1).astimezone(dt.UTC), zone)
            self.problem("schedule", f"{self.where(key)!r}: {note}; expected a time that exists that day "
                                     f"(until then it is read as {clock(moment)})", key)
            note = ""
        if note:
            self.problem("schedule", f"{self.where(key)!r}: {note}", key)
        if key == "start" and "date" in self.data and isinstance(value, dt.datetime) and moment.date() != day:
            self.problem(
                "schedule",
                f"{self.where('date')!r} is {day.isoformat()}, but {self.where(key)!r} names {moment:%Y-%m-%d}; "
                "expected one day (leave 'date' out when the start gives it)",
                "date",
            )
        return moment


#: what becomes of an item whose end cannot be read (the problem says so)
_WITHOUT_AN_END = "until then the item is listed at its start, without an end"


def left_out(message: str, what: str = "the item") -> str:
    """A problem's message, saying that ``what`` is left out of the program and the exports:
    "…; the item is left out of the program and the exports: expected …"."""
    said = f"{what} is left out of the program and the exports"
    head, found, tail = message.partition("expected ")
    return f"{head}{said}: {found}{tail}" if found else f"{message}; {said}"


def _kind(value: object) -> str:
    names = {dict: "a mapping", list: "a list", bool: "true/false", int: "a number", float: "a number", str: "text"}
    return names.get(type(value), type(value).__name__) + (f" {value!r}" if not isinstance(value, (dict, list)) else "")


def _section(frontmatter: Mapping[str, Any], key: str, positions: Positions) -> tuple[_Reader | None, list[Problem]]:
    value = frontmatter.get(key)
    if not isinstance(value, dict):
        shown = "nothing" if value is None else _kind(value)
        return None, [Problem("frontmatter", f"{key!r} should be a mapping of keys such as 'name:' and 'start:', got {shown}", positions.line((key,)))]
    return _Reader(value, (key,), positions), []


def read_speaker(slug: str, docname: str, frontmatter: Mapping[str, Any], positions: Positions) -> tuple[Speaker | None, list[Problem]]:
    """A speaker from the ``speaker:`` mapping of ``speakers/<slug>.md``."""
    reader, problems = _section(frontmatter, "speaker", positions)
    if reader is None:
        return None, problems
    reader.unknown_keys(SPEAKER_KEYS)
    name = reader.string("name", required=True)
    # `affiliation: []` says there is none to give (an imported schedule's speaker); a missing key is a mistake
    affiliations = () if reader.data.get("affiliation") == [] else reader.strings("affiliation", required=True)
    email = reader.string("email")
    if email and not _EMAIL.match(email):
        reader.problem("frontmatter", f"'speaker.email' should be an address such as someone@example.org, got {email!r}", "email")
        email = ""
    family_name = squeeze(reader.string("family_name"))
    if family_name and name and family_and_given(name, family_name)[1] is None:
        reader.problem(
            "frontmatter",
            f"'speaker.family_name' is {family_name!r}, which neither begins nor ends the name {name!r}; expected "
            "the words of 'name' that are the family name, such as 'van der Berg' for 'Anna van der Berg'",
            "family_name")
        family_name = ""
    speaker = Speaker(
        slug=slug,
        docname=docname,
        name=name,
        family_name=family_name,
        sort_name=squeeze(reader.string("sort_name")),
        affiliations=affiliations,
        honorific=reader.string("honorific"),
        position=reader.string("position"),
        photo=reader.project_file("photo", f"_static/speakers/{slug}.jpg"),
        email=email,
        links=reader.named_links("links"),
        line=positions.line(("speaker",)),
        photo_line=positions.line(("speaker", "photo")),
        name_line=positions.line(("speaker", "name")),
    )
    return (speaker if name else None), reader.problems


def read_talk(docname: str, title: str, frontmatter: Mapping[str, Any], positions: Positions, event: Event,
              abstract: str = "") -> tuple[ProgramItem | None, list[Problem]]:
    """A talk from the ``talk:`` mapping of ``talks/<slug>.md``; its title is the page's heading."""
    reader, problems = _section(frontmatter, "talk", positions)
    if reader is None:  # no time to place it at
        return None, [dataclasses.replace(p, message=left_out(p.message, "the talk")) for p in problems]
    reader.unknown_keys(TALK_KEYS)
    if not title.strip():
        reader.problem("frontmatter", "the talk has no title; expected a first heading such as '# The talk's title' below the front-matter")
    item = _item(reader, key=docname, docname=docname, has_page=True, title=title.strip(), types=event.talk_types, event=event)
    if item is not None and abstract:
        # what calendars, apps and citations carry; the page shows it whole (see limits.py)
        item = dataclasses.replace(item, abstract=within_limit(abstract))
    return item, reader.problems


def read_program_items(docname: str, frontmatter: Mapping[str, Any], positions: Positions, event: Event) -> tuple[list[ProgramItem], list[Problem]]:
    """Items without a page, from ``program: items:``."""
    program = frontmatter.get("program")
    where = positions.line(("program",))
    if not isinstance(program, dict) or not any(isinstance(program.get(key), list) for key in PROGRAM_KEYS):
        return [], [Problem("frontmatter", "'program' should hold 'items:' (a list of {start, end, title, type}) "
                            "or 'sessions:' (a list of {id, title, start, end, room, chairs})", where)]
    items, problems = [], []
    for key in program:
        if key not in PROGRAM_KEYS:
            hint = did_you_mean(key, sorted(PROGRAM_KEYS))
            problems.append(Problem("frontmatter", f"unknown key 'program.{key}'; {hint}expected 'items' or 'sessions'", positions.line(("program", key))))
        elif not isinstance(program[key], list):
            problems.append(Problem("frontmatter", f"'program.{key}' should be a list, got {_kind(program[key])}", positions.line(("program", key))))
    for index, reader in _entries(program, "items", "{start: 8:30, end: 8:35, title: Welcome, type: opening}", positions, problems):
        reader.unknown_keys(ITEM_KEYS)
        # a slot to be announced may have no title yet; any other item is known by its title,
        # a cancelled one above all (readers must learn what was cancelled)
        status = reader.data.get("status")
        if status == "cancelled" and not reader.data.get("title"):
            reader.problem("frontmatter", f"{reader.where('title')!r} is missing on a cancelled item; expected the "
                           "title it had, so that readers learn what was cancelled", "status")
            title = "Cancelled item"
        else:
            title = reader.string("title", required=status != "tba") or STATUSES["tba"]
        item = _item(reader, key=f"{docname}#{index}", docname=docname, has_page=False, title=title, types=event.types, event=event)
        # an item without a page may say what it is (an imported schedule's abstract): calendars and apps carry it
        abstract = reader.string("abstract")
        if item is not None and abstract:
            item = dataclasses.replace(item, abstract=within_limit(abstract))
        problems += reader.problems
        if item is not None:
            items.append(item)
    return items, problems


def _entries(program: Mapping[str, Any], key: str, example: str, positions: Positions,
             problems: list[Problem]) -> Iterator[tuple[int, _Reader]]:
    """A reader for each mapping in ``program: <key>:``; anything else there is a problem."""
    entries = program.get(key)
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        path = ("program", key, index)
        if not isinstance(entry, dict):
            problems.append(Problem("frontmatter", left_out(f"'program.{key}.{index}' should be a mapping such as {example}, "
                                                            f"got {_kind(entry)}", "the session" if key == "sessions" else "the item"), positions.line(path)))
            continue
        yield index, _Reader(entry, path, positions)


STREAM_EXAMPLE = "https://stream.example.org/hall-a"


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


def read_sessions(docname: str, frontmatter: Mapping[str, Any], positions: Positions, event: Event) -> tuple[list[Session], list[Problem]]:
    """Sessions from ``program: sessions:`` (its shape is reported by :func:`read_program_items`)."""
    sessions: list[Session] = []
    problems: list[Problem] = []
    program = frontmatter.get("program")
    example = "{id: s1, title: ..., start: 9:30, end: 11:00, room: Hall A}"
    for _, reader in _entries(program if isinstance(program, dict) else {}, "sessions", example, positions, problems):
        reader.unknown_keys(SESSION_KEYS)
        session_id = reader.string("id", required=True)
        title = reader.string("title", required=True)
        room = reader.listed("room", event.rooms, "symposium_rooms") or event.room
        track = reader.listed("track", event.tracks, "symposium_tracks")
        stream = reader.web_address("stream", STREAM_EXAMPLE)
        chairs = reader.people("chairs")
        timing = reader.timing(event, what="the session")
        problems += reader.problems
        if timing is None or not session_id:
            continue
        sessions.append(Session(
            id=session_id, docname=docname, title=title or session_id, start=timing[0], end=timing[1], room=room,
            chairs=chairs, track=track, line=reader.line("id"), start_line=reader.line("start"), stream=stream,
        ))
    return sessions, problems


def _item(reader: _Reader, *, key: str, docname: str, has_page: bool, title: str, types: Mapping[str, ItemType],
          event: Event) -> ProgramItem | None:
    kind = reader.type_of(types, event)
    board = reader.board(types.get(kind))
    status = (reader.choice("status", STATUSES) or "scheduled") if "status" in reader.data else "scheduled"
    label = reader.string("label")
    room = reader.listed("room", event.rooms, "symposium_rooms") or event.room
    track = reader.listed("track", event.tracks, "symposium_tracks")
    session = reader.string("session")
    speakers = reader.people("speakers")
    moderators = reader.people("moderators")
    speaking = {ref.slug: ref for ref in speakers}
    for ref in moderators:
        if ref.slug in speaking:
            reader.problems.append(Problem(
                "frontmatter",
                f"{ref.slug!r} is both a speaker (line {speaking[ref.slug].line}) and a moderator of {title or 'this item'!r}; "
                "expected each person in one role: remove them from 'speakers' or from 'moderators'",
                ref.line,
            ))
    slides = reader.url("slides")
    video = reader.url("video")
    if video and has_page and embed_of(video) is None:
        reader.problem("media", not_embeddable(reader.where("video"), video), "video")
    recording = reader.flag("recording", True, "false for a talk that must not be recorded")
    stream = reader.web_address("stream", STREAM_EXAMPLE)
    links = reader.titled_links("links")
    language = _language_tag(reader)
    own_time = not (kind and types[kind].poster and session and not _GIVES_ITS_TIME & reader.data.keys())
    timing = reader.timing(event, keep_start=True) if own_time else _session_time_to_come(event)
    if timing is None:
        return None  # an item without a start has no place in the program (its problem says so)
    return ProgramItem(
        key=key,
        docname=docname,
        has_page=has_page,
        title=title,
        # after a warning about the type, the item stays in the program, so that the
        # checks across pages still see its people and its time
        type=kind or "other",
        kind=types.get(kind or "other", event.types.get("other")),
        label=label,
        board=board,
        board_line=reader.line("board"),
        start=timing[0],
        end=timing[1],
        room=room,
        speakers=speakers,
        moderators=moderators,
        slides=slides,
        video=video,
        links=links,
        session=session,
        track=track,
        own_date="date" in reader.data or _names_its_day(reader.data.get("start")),
        own_room="room" in reader.data,
        own_time=own_time,
        start_line=reader.line("start"),
        end_line=reader.line("end" if "end" in reader.data else "duration"),
        date_line=reader.line("date"),
        room_line=reader.line("room"),
        session_line=reader.line("session"),
        slides_line=reader.line("slides"),
        video_line=reader.line("video"),
        status=status,
        status_line=reader.line("status"),
        recording=recording,
        recording_line=reader.line("recording"),
        language=language,
        stream=stream,
        stream_line=reader.line("stream"),
        time_doubted=reader.time_doubted,
    )


def _session_time_to_come(event: Event) -> tuple[dt.datetime, dt.datetime]:
    """A stand-in for the time of a poster that takes its session's, until it is joined to it."""
    start = in_zone(dt.datetime.combine(event.date, dt.time(0), event.timezone), event.timezone)
    return start, start + dt.timedelta(minutes=1)


def _language_tag(reader: _Reader) -> str:
    """``language: de``: the tag as written, or "" (the site's language) with a problem when it is
    no tag of a language CLDR knows (``jp``: did you mean 'ja'?)."""
    tag = reader.string("language")
    problem = language_problem(tag) if tag else None
    if problem:
        reader.problem("frontmatter", f"{reader.where('language')!r} is {tag!r}, {problem}", "language")
        return ""
    return tag


def _names_its_day(start: object) -> bool:
    """``start: 2025-11-21T09:00`` gives its own date, as ``date:`` does."""
    return isinstance(start, dt.datetime) or (isinstance(start, str) and bool(re.match(r"\s*\d{4}-\d", start)))


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
