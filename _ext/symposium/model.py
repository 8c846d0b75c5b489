"""The symposium's data: speakers, talks and program items, read and validated.

Pure Python: dataclasses and the functions that turn front-matter into them.
Every problem is returned as a :class:`Problem` with the line of the offending key,
never raised, so that one bad page cannot stop a build.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from .frontmatter import Path, Positions
from .times import EXPECTED_TIME, clock, parse_date, parse_time

#: Talk types and the label each shows when a talk gives no ``label``.
TALK_TYPES: dict[str, str] = {
    "keynote": "Keynote",
    "invited": "Invited Talk",
    "contributed": "Contributed Talk",
    "panel": "Panel",
    "discussion": "Discussion",
    "tutorial": "Tutorial",
    "lightning": "Lightning Talk",
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

    @property
    def dates(self) -> list[dt.date]:
        last = self.end_date or self.date
        return [self.date + dt.timedelta(days=n) for n in range((last - self.date).days + 1)]


@dataclass(frozen=True)
class PersonRef:
    """A speaker slug as written in a talk or item, with its line."""

    slug: str
    line: int


@dataclass(frozen=True)
class Link:
    title: str
    url: str


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

    @property
    def initials(self) -> str:
        words = [w for w in re.split(r"[\s\-]+", self.name) if w[:1].isalpha()]
        if not words:
            return "?"
        return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()

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
    start: dt.datetime  # aware, in the event's zone
    end: dt.datetime
    label: str = ""
    room: str = ""
    speakers: tuple[PersonRef, ...] = ()
    moderators: tuple[PersonRef, ...] = ()
    slides: str = ""
    video: str = ""
    links: tuple[Link, ...] = ()
    start_line: int = 1
    date_line: int = 1

    @property
    def type_label(self) -> str:
        return self.label or ITEM_TYPES.get(self.type, "")


# -- reading -----------------------------------------------------------------------------

SPEAKER_KEYS = {"name", "honorific", "affiliation", "position", "photo", "email", "links"}
TIMING_KEYS = {"start", "end", "duration", "date", "room", "speakers", "moderators"}
TALK_KEYS = {"type", "label", "slides", "video", "links"} | TIMING_KEYS
ITEM_KEYS = {"title", "type", "label", "slides", "video", "links"} | TIMING_KEYS
_SLUG = re.compile(r"^[a-z0-9][a-z0-9\-_.]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class _Reader:
    """Reads one mapping of front-matter, collecting problems instead of raising."""

    data: Mapping[str, Any]
    path: Path
    positions: Positions
    problems: list[Problem] = field(default_factory=list)

    def line(self, *keys: str | int) -> int:
        return self.positions.line((*self.path, *keys))

    def where(self, *keys: str | int) -> str:
        return ".".join(str(k) for k in (*self.path, *keys))

    def problem(self, subtype: str, message: str, *keys: str | int) -> None:
        self.problems.append(Problem(subtype, message, self.line(*keys)))

    def unknown_keys(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f"; expected one of: {', '.join(sorted(allowed))}"
                self.problem("frontmatter", f"unknown key {self.where(key)!r}{hint}", key)

    def string(self, key: str, *, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem("frontmatter", f"missing required key {self.where(key)!r}")
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem("frontmatter", f"{self.where(key)!r} should be text, got {_kind(value)}", key)
            return ""
        text = str(value).strip()
        if required and not text:
            self.problem("frontmatter", f"{self.where(key)!r} is empty; expected text", key)
        return text

    def strings(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        """A string or a list of strings."""
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem("frontmatter", f"missing required key {self.where(key)!r}")
            return ()
        if isinstance(value, str):
            return (value.strip(),) if value.strip() else ()
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(v.strip() for v in value if v.strip())
        self.problem("frontmatter", f"{self.where(key)!r} should be text or a list of texts, got {_kind(value)}", key)
        return ()

    def url(self, key: str) -> str:
        """An http(s) URL, or a file under ``_static/``."""
        text = self.string(key)
        if text and not _is_url(text) and not _is_project_path(text):
            self.problem("frontmatter", f"{self.where(key)!r} should be an http(s) URL or a file under _static/, got {text!r}", key)
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
            self.problem("frontmatter", f"{self.where(key)!r} should be a list of speaker slugs such as [ian-foster], got {_kind(value)}", key)
            return ()
        refs = []
        for slug, line in zip(value, lines, strict=True):
            if not isinstance(slug, str) or not _SLUG.match(slug):
                self.problems.append(Problem("frontmatter", f"{self.where(key)!r} holds {slug!r}; expected a speaker slug, the file name of a page in speakers/ such as 'ian-foster'", line))
                continue
            refs.append(PersonRef(slug, line))
        return tuple(refs)

    def named_links(self, key: str) -> tuple[Link, ...]:
        """``name: url`` pairs (a speaker's homepage, ORCID...)."""
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.problem("frontmatter", f"{self.where(key)!r} should map names to URLs, such as 'homepage: https://example.org/', got {_kind(value)}", key)
            return ()
        links = []
        for name, url in value.items():
            if not isinstance(url, str) or not _is_url(url):
                self.problem("frontmatter", f"{self.where(key, name)!r} should be an http(s) URL, got {url!r}", key, name)
                continue
            links.append(Link(str(name), url))
        return tuple(links)

    def titled_links(self, key: str) -> tuple[Link, ...]:
        """A list of ``{title, url}`` (a talk's further material)."""
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem("frontmatter", f"{self.where(key)!r} should be a list of {{title, url}}, got {_kind(value)}", key)
            return ()
        links = []
        for i, entry in enumerate(value):
            if not (isinstance(entry, dict) and isinstance(entry.get("title"), str) and isinstance(entry.get("url"), str)):
                self.problem("frontmatter", f"{self.where(key, i)!r} should be {{title: ..., url: https://...}}, got {entry!r}", key, i)
                continue
            if not (_is_url(entry["url"]) or _is_project_path(entry["url"])):
                self.problem("frontmatter", f"{self.where(key, i, 'url')!r} should be an http(s) URL or a file under _static/, got {entry['url']!r}", key, i, "url")
                continue
            links.append(Link(entry["title"], entry["url"]))
        return tuple(links)

    def choice(self, key: str, choices: Mapping[str, str]) -> str:
        value = self.string(key, required=True)
        if value and value not in choices:
            close = difflib.get_close_matches(value, list(choices), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            self.problem("frontmatter", f"unknown {self.where(key)} {value!r}; {hint}expected one of: {', '.join(choices)}", key)
            return ""
        return value

    def timing(self, event: Event) -> tuple[dt.datetime, dt.datetime] | None:
        """The start and end, aware in the event's zone, or ``None`` after a problem."""
        day = event.date
        if "date" in self.data:
            try:
                day = parse_date(self.data["date"])
            except ValueError as err:
                self.problem("frontmatter", f"{self.where('date')!r}: {err}", "date")
                return None
        start = self._moment("start", day, event)
        if start is None:
            return None
        if "end" in self.data:
            if "duration" in self.data:
                self.problem("frontmatter", f"give {self.where('end')!r} or {self.where('duration')!r}, not both", "duration")
            end = self._moment("end", start.date(), event)
        elif "duration" in self.data:
            minutes = self.data["duration"]
            if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
                self.problem("frontmatter", f"{self.where('duration')!r} should be a whole number of minutes such as 30, got {minutes!r}", "duration")
                return None
            end = start + dt.timedelta(minutes=minutes)
        else:
            self.problem("frontmatter", f"missing required key {self.where('end')!r} (or 'duration' in minutes)")
            return None
        if end is None:
            return None
        if end <= start:
            self.problem(
                "schedule",
                f"{self.where('end')!r} is {clock(end)}, not after the start {clock(start)}; "
                "expected an end after the start (a time after noon needs PM or 24-hour form)",
                "end" if "end" in self.data else "duration",
            )
            return None
        return start, end

    def _moment(self, key: str, day: dt.date, event: Event) -> dt.datetime | None:
        if key not in self.data:
            self.problem("frontmatter", f"missing required key {self.where(key)!r}; expected {EXPECTED_TIME}")
            return None
        try:
            value = parse_time(self.data[key], self.positions.raw((*self.path, key)))
        except ValueError as err:
            self.problem("frontmatter", f"{self.where(key)!r}: {err}", key)
            return None
        if isinstance(value, dt.datetime):
            if value.tzinfo is None:
                return value.replace(tzinfo=event.timezone)
            return value.astimezone(event.timezone)
        return dt.datetime.combine(day, value, tzinfo=event.timezone)


def _kind(value: object) -> str:
    names = {dict: "a mapping", list: "a list", bool: "true/false", int: "a number", float: "a number", str: "text"}
    return names.get(type(value), type(value).__name__) + (f" {value!r}" if not isinstance(value, (dict, list)) else "")


def _is_url(text: str) -> bool:
    return re.match(r"^https?://[^\s/]+", text) is not None


def _is_project_path(text: str) -> bool:
    """A file under ``_static/``, which every HTML build copies as it is."""
    return re.match(r"^_static/[\w\-./]+$", text) is not None and ".." not in text.split("/")


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
    affiliations = reader.strings("affiliation", required=True)
    email = reader.string("email")
    if email and not _EMAIL.match(email):
        reader.problem("frontmatter", f"'speaker.email' should be an address such as someone@example.org, got {email!r}", "email")
        email = ""
    speaker = Speaker(
        slug=slug,
        docname=docname,
        name=name,
        affiliations=affiliations,
        honorific=reader.string("honorific"),
        position=reader.string("position"),
        photo=reader.url("photo"),
        email=email,
        links=reader.named_links("links"),
        line=positions.line(("speaker",)),
    )
    return (speaker if name else None), reader.problems


def read_talk(docname: str, title: str, frontmatter: Mapping[str, Any], positions: Positions, event: Event) -> tuple[ProgramItem | None, list[Problem]]:
    """A talk from the ``talk:`` mapping of ``talks/<slug>.md``; its title is the page's heading."""
    reader, problems = _section(frontmatter, "talk", positions)
    if reader is None:
        return None, problems
    reader.unknown_keys(TALK_KEYS)
    if not title:
        reader.problem("frontmatter", "the talk has no title; expected a first heading such as '# The talk's title' below the front-matter")
    item = _item(reader, key=docname, docname=docname, has_page=True, title=title, types=TALK_TYPES, event=event)
    return item, reader.problems


def read_program_items(docname: str, frontmatter: Mapping[str, Any], positions: Positions, event: Event) -> tuple[list[ProgramItem], list[Problem]]:
    """Items without a page, from ``program: items:``."""
    program = frontmatter.get("program")
    where = positions.line(("program",))
    if not isinstance(program, dict) or not isinstance(program.get("items"), list):
        return [], [Problem("frontmatter", "'program' should hold 'items:', a list of {start, end, title, type}", where)]
    items, problems = [], []
    for key in program:
        if key != "items":
            problems.append(Problem("frontmatter", f"unknown key 'program.{key}'; expected 'items'", positions.line(("program", key))))
    for index, entry in enumerate(program["items"]):
        path = ("program", "items", index)
        if not isinstance(entry, dict):
            problems.append(Problem("frontmatter", f"'program.items.{index}' should be a mapping such as {{start: 8:30, end: 8:35, title: Welcome, type: opening}}, got {_kind(entry)}", positions.line(path)))
            continue
        reader = _Reader(entry, path, positions)
        reader.unknown_keys(ITEM_KEYS)
        title = reader.string("title", required=True)
        item = _item(reader, key=f"{docname}#{index}", docname=docname, has_page=False, title=title, types=ITEM_TYPES, event=event)
        problems += reader.problems
        if item is not None:
            items.append(item)
    return items, problems


def _item(reader: _Reader, *, key: str, docname: str, has_page: bool, title: str, types: Mapping[str, str], event: Event) -> ProgramItem | None:
    kind = reader.choice("type", types)
    label = reader.string("label")
    room = reader.string("room") or event.room
    speakers = reader.people("speakers")
    moderators = reader.people("moderators")
    slides = reader.url("slides")
    video = reader.url("video")
    links = reader.titled_links("links")
    timing = reader.timing(event)
    if timing is None:
        return None  # an item without a time has no place in the program
    return ProgramItem(
        key=key,
        docname=docname,
        has_page=has_page,
        title=title,
        # after a warning about the type, the item stays in the program, so that the
        # checks across pages still see its people and its time
        type=kind or "other",
        label=label,
        start=timing[0],
        end=timing[1],
        room=room,
        speakers=speakers,
        moderators=moderators,
        slides=slides,
        video=video,
        links=links,
        start_line=reader.line("start"),
        date_line=reader.line("date"),
    )


def sorted_program(items: list[ProgramItem]) -> list[ProgramItem]:
    return sorted(items, key=lambda i: (i.start, i.end, i.room, i.key))

