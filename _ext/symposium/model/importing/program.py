"""What an imported file gives: talks, items without a page, sessions and speakers, each with
the place in the file it came from, and what is wrong with the file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..entities import TALK_TYPES


@dataclass(frozen=True)
class Where:
    """A place in the imported file: a line (CSV row, XML element) or a path in JSON."""

    path: str
    line: int | None = None
    pointer: str = ""

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}"
        return f"{self.path}: {self.pointer}" if self.pointer else self.path


@dataclass(frozen=True)
class ImportProblem:
    where: Where
    message: str
    #: what kind of note it is (``type``, ``link``...): notes of one kind are told on one line
    kind: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class ImportedSpeaker:
    slug: str
    name: str
    where: Where
    affiliations: list[str] = field(default_factory=list)
    honorific: str = ""
    biography: str = ""
    links: dict[str, str] = field(default_factory=dict)
    #: the file gives no affiliation (frab and pretalx have none): the page says so until edited
    affiliation_unknown: bool = False
    #: what names the person in the file (a frab person id, a pretalx code, a CSV speaker slug)
    identity: str = ""


@dataclass
class ImportedItem:
    """A talk (``has_page``) or an item of the program without a page."""

    title: str
    type: str
    where: Where
    #: what names it in the file for good (a frab guid, a CSV slug or title): the same page next time
    identity: str
    start: dt.time
    date: dt.date | None = None
    end: dt.time | None = None
    duration: int | None = None
    room: str = ""
    session: str = ""
    track: str = ""
    speakers: list[str] = field(default_factory=list)
    moderators: list[str] = field(default_factory=list)
    abstract: str = ""
    slides: str = ""
    video: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)
    slug: str = ""  # of its page (talks), or wanted by the file (a CSV slug column, a frab talk URL)
    language: str = ""
    status: str = ""
    board: str = ""
    #: whether its type is a talk type (a page in talks/); None: a built-in type's own
    page: bool | None = None

    @property
    def has_page(self) -> bool:
        return self.page if self.page is not None else self.type in TALK_TYPES


@dataclass
class ImportedSession:
    id: str
    title: str
    where: Where
    date: dt.date
    start: dt.time
    end: dt.time
    room: str = ""
    track: str = ""
    chairs: list[str] = field(default_factory=list)


@dataclass
class ImportedProgram:
    items: list[ImportedItem] = field(default_factory=list)
    speakers: dict[str, ImportedSpeaker] = field(default_factory=dict)
    sessions: list[ImportedSession] = field(default_factory=list)
    #: what is wrong: nothing is written while there is any
    problems: list[ImportProblem] = field(default_factory=list)
    #: what the importer decided that a person should know (a second spelling of an affiliation)
    notes: list[ImportProblem] = field(default_factory=list)
    #: the file's time zone, when it says (frab's time_zone_name)
    timezone: str = ""
    #: when the file's days end (frab's ``<day end=...>`` and ``day_change``, pretalx's ``day_end``)
    day_change: dt.time | None = None
    #: where it says so
    day_change_where: Where | None = None


def describe(program: ImportedProgram) -> str:
    """``12 talks, 3 items without a page, 2 sessions, 14 speakers``."""
    talks = sum(item.has_page for item in program.items)
    parts = [f"{talks} talk{'s' * (talks != 1)}"]
    if others := len(program.items) - talks:
        parts.append(f"{others} item{'s' * (others != 1)} without a page")
    if program.sessions:
        parts.append(f"{len(program.sessions)} session{'s' * (len(program.sessions) != 1)}")
    parts.append(f"{len(program.speakers)} speaker{'s' * (len(program.speakers) != 1)}")
    return ", ".join(parts)
