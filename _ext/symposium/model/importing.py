"""A program from elsewhere: a spreadsheet's CSV, or a frab/pretalx schedule (XML or JSON).

Each is read into one :class:`ImportedProgram` (talks, items without a page, sessions and
speakers, each with the place in the file it came from), which ``symposium import``
(``cli/importing.py``) writes as pages. Values are read as the site reads front-matter
(:func:`symposium.model.times.parse_time`, the talk and item types, slugs by
:func:`symposium.model.entities.slugify`); every mistake is an :class:`ImportProblem` located
at the file's line (``program.csv:14: end 10:00 is before start 10:30``), never an exception.
Nothing here knows about Sphinx or writes a file.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree
from xml.parsers import expat

from .entities import ITEM_TYPES, SLUG, TALK_TYPES, Event, slugify
from .hints import closest
from .imported_text import clean_characters, clean_line, imported_markdown
from .link_targets import is_project_file, is_web_address
from .text import squeeze
from .times import clock, in_zone, parse_time

#: the longest slug made of a title: the first words up to this many characters
SLUG_LENGTH = 48
#: honorifics written before a name in a spreadsheet ("Dr. Jane Doe")
HONORIFICS = ("Prof. Dr.", "Prof.", "Dr.", "Professor", "Dr")


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


# -- types ----------------------------------------------------------------------------------------

#: what spreadsheets, frab (FOSDEM, the congresses) and pretalx call the site's types; conf.py's
#: ``symposium_types`` comes first (a type named there, or by its label, is kept as it is)
TYPE_WORDS: dict[str, str] = {
    # talks
    "talk": "contributed", "talks": "contributed", "paper": "contributed", "presentation": "contributed",
    "lecture": "contributed", "contributed talk": "contributed", "vortrag": "contributed", "short talk": "contributed",
    "long talk": "contributed", "devroom": "contributed", "maintrack": "contributed", "main track": "contributed",
    "junior": "tutorial", "conference talk": "contributed", "session": "contributed", "ponencia": "contributed",
    "charla": "contributed", "exposé": "contributed", "conférence": "contributed", "communication": "contributed",
    "invited talk": "invited", "keynote talk": "keynote", "keynote speech": "keynote", "keynotes": "keynote",
    "plenary": "keynote", "lightning talk": "lightning", "lightningtalk": "lightning", "lightning": "lightning",
    "lightning talks": "lightning", "lightning_talk": "lightning", "kurzvortrag": "lightning",
    "workshop": "tutorial", "hands-on": "tutorial", "training": "tutorial", "tutorial": "tutorial",
    "certification": "tutorial", "atelier": "tutorial", "taller": "tutorial",
    "panel discussion": "panel", "podium": "panel", "podiumsdiskussion": "panel", "mesa redonda": "panel",
    "table ronde": "panel", "bof": "discussion", "birds of a feather": "discussion", "meeting": "discussion",
    "q&a": "discussion", "fishbowl": "discussion", "round table": "discussion",
    # items without a page
    "welcome": "opening", "opening remarks": "opening", "opening ceremony": "opening", "begrüßung": "opening",
    "closing remarks": "closing", "closing ceremony": "closing", "abschluss": "closing",
    "reception": "social", "party": "social", "concert": "social", "djset": "social", "dj set": "social",
    "performance": "social", "social event": "social", "film": "other", "movie": "other", "contest": "other",
    "poster session": "other", "other": "other", "misc": "other", "sonstiges": "other",
}
#: breaks and meals, as programs in the common languages name them (a type or a whole title)
BREAK_WORDS = ("break", "coffee break", "coffee", "tea break", "pause", "short break", "kaffeepause", "kaffee",
               "pause café", "pause-café", "pausa", "pausa café", "pausa caffè", "pausa cafe", "koffiepauze",
               "pauze", "przerwa", "przerwa kawowa", "fika", "kaffepaus", "休憩", "コーヒーブレイク", "茶歇",
               "휴식", "перерыв", "кофе-брейк")
MEAL_WORDS = ("lunch", "lunch break", "dinner", "breakfast", "meal", "mittagspause", "mittagessen", "abendessen",
              "frühstück", "déjeuner", "pause déjeuner", "dîner", "petit-déjeuner", "almuerzo", "comida", "cena",
              "desayuno", "pranzo", "pausa pranzo", "lunchpauze", "obiad", "lunsj", "昼食", "昼休み", "ランチ",
              "午餐", "점심", "обед", "conference dinner", "banquet", "gala dinner")
TYPE_WORDS |= dict.fromkeys(BREAK_WORDS, "break") | dict.fromkeys(MEAL_WORDS, "meal")
#: titles that say what an item is, whatever its type says
TITLE_TYPES = {**dict.fromkeys(BREAK_WORDS, "break"), **dict.fromkeys(MEAL_WORDS, "meal"),
               "welcome": "opening", "opening": "opening", "closing": "closing", "closing remarks": "closing",
               "opening remarks": "opening", "reception": "social"}


def _type_word(text: str) -> str:
    """``Talk 30 min + 10min Q&A`` -> ``talk``: lower case, and a pretalx type's length left out."""
    word = " ".join(text.lower().replace("_", " ").split())
    return re.sub(r"\s*[(\[]?\d[\d\s]*(?:min\w*|h\b|hours?|minuten)?.*$", "", word).strip(" -–:,(") or word


def item_type(text: str, types: Mapping[str, Any] | None = None) -> str | None:
    """The site's type for a type as a spreadsheet, frab or pretalx writes it; ``None`` for an unknown one.

    ``types`` (the event's, with conf.py's ``symposium_types``) come first, by name or label."""
    word = " ".join(text.lower().replace("_", " ").split())
    for name, kind in (types or {}).items():
        if word in (name.lower(), str(getattr(kind, "label", "")).lower()):
            return name
    if word in ITEM_TYPES:
        return word
    if found := TYPE_WORDS.get(word) or TYPE_WORDS.get(word.rstrip("s")):
        return found
    short = _type_word(text)
    return TYPE_WORDS.get(short) or TYPE_WORDS.get(short.rstrip("s")) or (short if short in ITEM_TYPES else None)


def title_type(title: str) -> str | None:
    """``Kaffeepause``, ``Coffee Break ☕``, ``Almuerzo``: what a title alone says an item is."""
    word = " ".join(re.sub(r"[^\w\s&'-]+", " ", title.lower()).split())
    return TITLE_TYPES.get(word)


# -- slugs ------------------------------------------------------------------------------------------


def _slug(text: str, fallback: str) -> str:
    """The site's slug of ``text``; for a text without a Latin letter or digit (``王伟``), ``fallback-<digest>``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    if not re.search(r"[A-Za-z0-9]", ascii_text):
        return f"{fallback}-{hashlib.sha256(' '.join(text.split()).encode()).hexdigest()[:8]}"
    return slugify(text)


def title_slug(title: str) -> str:
    """A page's slug from its title: the site's slug rule, cut after whole words."""
    slug = _slug(title, "talk")
    if len(slug) <= SLUG_LENGTH:
        return slug
    cut = slug[:SLUG_LENGTH + 1].rsplit("-", 1)[0]
    return cut or slug[:SLUG_LENGTH]


def person_key(name: str) -> str:
    """What matches one person across rows: the name as a slug (case, accents and spaces aside)."""
    return _slug(name, "speaker")


def _same_text(a: str, b: str) -> bool:
    """One affiliation written two ways (``Analytical Society`` and ``analytical  society``); texts
    without Latin letters (``東京大学``, ``理化学研究所``) are the same only when they are, but for spaces."""
    def norm(text: str) -> str:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]+", "", ascii_text.lower())
    if not norm(a) or not norm(b):
        return "".join(a.casefold().split()) == "".join(b.casefold().split())
    return norm(a) == norm(b)


class _People:
    """Speakers across rows: by the file's id for a person when it has one, else by name; one page
    each, the first spelling kept, the others noted."""

    def __init__(self, program: ImportedProgram) -> None:
        self.program = program
        self.by_identity: dict[str, str] = {}  # the file's id -> the speaker's key

    def add(self, name: str, affiliations: list[str], where: Where, *, slug: str = "", honorific: str = "",
            biography: str = "", links: Mapping[str, str] | None = None, unknown_affiliation: bool = False,
            identity: str = "") -> str:
        name = squeeze(name)
        speakers = self.program.speakers
        if identity:
            key = self.by_identity.get(identity)
            if key is None:
                # a person of their own: a name another id has already gets the id in its slug
                base = slug if slug and SLUG.match(slug) else person_key(name)
                key = base
                if key in speakers:
                    suffix = slugify(identity.rsplit(":", 1)[-1]) or "2"
                    key, n = f"{base}-{suffix}", 2
                    while key in speakers:
                        key, n = f"{base}-{suffix}-{n}", n + 1
                    self.program.notes.append(ImportProblem(
                        where, f"{name!r} (id {identity.rsplit(':', 1)[-1]}) is another person than {speakers[base].name!r} "
                        f"of {speakers[base].where} (another id): two pages, speakers/{base}.md and speakers/{key}.md",
                        "same name"))
                self.by_identity[identity] = key
        else:
            key = slug if slug and SLUG.match(slug) else person_key(name)
        speaker = speakers.get(key)
        if speaker is None:
            compact = "".join(name.casefold().split())
            twin = next((s for s in speakers.values() if s.name != name and "".join(s.name.casefold().split()) == compact
                         and person_key(s.name) != person_key(name)), None)
            if twin is not None:
                self.program.notes.append(ImportProblem(
                    where, f"{name!r} and {twin.name!r} (of {twin.where}) differ only in spaces: two speakers; if they "
                    "are one person, write the name one way", "spacing"))
            speaker = speakers[key] = ImportedSpeaker(
                slug=key, name=name, where=where, honorific=honorific, biography=biography,
                links=dict(links or {}), affiliation_unknown=unknown_affiliation, identity=identity)
        elif speaker.name != name:
            self.program.notes.append(ImportProblem(
                where, f"{name!r} is taken for {speaker.name!r} of {speaker.where} (one person, one page: "
                f"speakers/{key}.md); the page keeps the first spelling", "spelling"))
        speaker.honorific = speaker.honorific or honorific
        speaker.biography = speaker.biography or biography
        for label, url in (links or {}).items():
            speaker.links.setdefault(label, url)
        if affiliations and (not speaker.affiliations or speaker.affiliation_unknown):
            kept: list[str] = []
            for affiliation in affiliations:  # all of them (Lab A; Lab B), each once
                if not any(_same_text(a, affiliation) for a in kept):
                    kept.append(affiliation)
            speaker.affiliations, speaker.affiliation_unknown = kept, False
        elif affiliations:
            for affiliation in affiliations:
                known = [a for a in speaker.affiliations if _same_text(a, affiliation)]
                if known and known[0] == affiliation:
                    continue
                if known:
                    self.program.notes.append(ImportProblem(
                        where, f"{name!r}: affiliation {affiliation!r} is {known[0]!r} written another way; kept "
                        f"{known[0]!r} (from {speaker.where})", "affiliation spelling"))
                    continue
                self.program.notes.append(ImportProblem(
                    where, f"{name!r}: affiliation {affiliation!r} is not among {speaker.affiliations!r} (from "
                    f"{speaker.where}); kept those: edit speakers/{key}.md if it is right too", "affiliation"))
        return key


# -- CSV ------------------------------------------------------------------------------------------

#: each column the importer reads, and the headers that name it (matched in lower case)
COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "talk", "talk title", "paper title", "item"),
    "speakers": ("speakers", "speaker", "speaker(s)", "presenter", "presenters", "authors", "author"),
    "affiliations": ("affiliations", "affiliation", "affiliation(s)", "institution", "institutions",
                     "organisation", "organization"),
    "date": ("date", "day"),
    "start": ("start", "start time", "begin", "from", "time"),
    "end": ("end", "end time", "until", "to"),
    "duration": ("duration", "duration (min)", "duration (minutes)", "length", "minutes", "min"),
    "room": ("room", "location", "hall"),
    "session": ("session", "session title"),
    "chairs": ("chair", "chairs", "session chair", "session chairs"),
    "track": ("track",),
    "type": ("type", "kind", "format", "category"),
    "abstract": ("abstract", "description", "summary"),
    "moderators": ("moderators", "moderator"),
    "slides": ("slides",),
    "video": ("video", "recording"),
    "slug": ("slug", "talk slug"),
    "speaker_slugs": ("speaker slug", "speaker slugs", "speaker id", "speaker ids"),
    "language": ("language", "lang", "sprache", "langue", "idioma"),
    "status": ("status",),
    "board": ("board", "poster board", "board number"),
}
#: what the status column may say, and the site's word for it
STATUS_WORDS = {"scheduled": "scheduled", "confirmed": "scheduled", "accepted": "scheduled", "": "scheduled",
                "cancelled": "cancelled", "canceled": "cancelled", "withdrawn": "cancelled", "abgesagt": "cancelled",
                "annulé": "cancelled", "tba": "tba", "tbd": "tba", "to be announced": "tba"}
REQUIRED_COLUMNS = ("title", "start")
EXPECTED_DATE = "a date such as 2026-06-02 (or 2026/06/02, 02.06.2026)"


def _header_name(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").strip().strip(":").lower().split())


def read_csv(data: bytes, path: str, event: Event) -> ImportedProgram:
    """A program from a spreadsheet's CSV: one row per talk or item, a header row first.

    UTF-8 with or without a BOM; ``,``, ``;`` (Excel in much of Europe) or a tab between cells;
    any line ending.
    """
    program = ImportedProgram()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        program.problems.append(ImportProblem(Where(path, line), f"byte 0x{data[err.start]:02x} is not UTF-8; "
                                              "expected the file saved as 'CSV UTF-8'"))
        return program
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns: dict[str, int] | None = None
    width = 0
    people = _People(program)
    sessions: dict[str, list[tuple[ImportedItem, Where, list[str]]]] = {}
    while True:
        # a row may span lines (a quoted abstract with line breaks): it is located at its first
        where = Where(path, reader.line_num + 1)
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            program.problems.append(ImportProblem(where, f"not a CSV row ({err}); expected cells separated by "
                                                  f"{delimiter!r}, a quote closed on the row where it opens"))
            break
        if not any(cell.strip() for cell in row):
            continue
        if columns is None:
            columns = _columns(row, where, program)
            width = len(row)
            if program.problems:
                return program
            continue
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            program.problems.append(ImportProblem(where, f"{len(row)} cells, and the header names {width}; expected "
                                                  f"a value holding {delimiter!r} in quotes (\"a, b\")"))
            continue
        cells = {name: (clean_characters(row[i]).strip() if i < len(row) else "") for name, i in columns.items()}
        item = _csv_row(cells, where, event, people, program)
        if item is not None:
            program.items.append(item)
            if item.session:
                sessions.setdefault(item.session, []).append((item, where, _names(cells.get("chairs", ""))))
    if columns is None:
        program.problems.append(ImportProblem(Where(path, 1), "the file is empty; expected a header row "
                                              "(title, speakers, date, start, end, room...) and a row per talk"))
        return program
    program.sessions = _sessions(sessions, event, people, program)
    _one_identity_each(program)
    _page_slugs(program)
    return program


def _one_identity_each(program: ImportedProgram) -> None:
    """A slug the file gives twice is a problem (told at both rows); a title given twice is two talks."""
    first: dict[str, ImportedItem] = {}
    counts: dict[str, int] = {}
    for item in program.items:
        if item.identity.startswith("slug:") and item.identity in first:
            program.problems.append(ImportProblem(item.where, f"slug {item.slug!r} is row {first[item.identity].where.line}'s "
                                                  "too; expected one slug per talk (or none: the title makes one)"))
            continue
        first.setdefault(item.identity, item)
        if item.identity.startswith("title:"):
            counts[item.identity] = counts.get(item.identity, 0) + 1
            if counts[item.identity] > 1:
                item.identity += f"#{counts[item.identity]}"


def _columns(header: list[str], where: Where, program: ImportedProgram) -> dict[str, int]:
    names = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = _header_name(cell)
        if not name:
            continue
        column = names.get(name)
        if column is None:
            match = closest(name, names, cutoff=0.75)
            if match:
                program.problems.append(ImportProblem(where, f"column {cell.strip()!r} is not one the import reads; "
                                                      f"did you mean {match!r}?"))
            else:
                program.notes.append(ImportProblem(where, f"column {cell.strip()!r} is left out (the import reads "
                                                   f"{', '.join(COLUMNS)})"))
            continue
        if column in found:
            program.problems.append(ImportProblem(where, f"two columns give the {column} ({header[found[column]]!r} "
                                                  f"and {cell.strip()!r}); expected one"))
            continue
        found[column] = index
    missing = [column for column in REQUIRED_COLUMNS if column not in found]
    if "end" not in found and "duration" not in found:
        missing.append("end (or duration)")
    if missing:
        program.problems.append(ImportProblem(where, f"no column for the {', '.join(missing)}; expected a header row "
                                              f"naming at least title, start and end or duration (found: "
                                              f"{', '.join(cell.strip() for cell in header if cell.strip()) or 'nothing'})"))
    return found


def _csv_row(cells: dict[str, str], where: Where, event: Event, people: _People,
             program: ImportedProgram) -> ImportedItem | None:
    problems = program.problems
    before = len(problems)

    def bad(message: str) -> None:
        problems.append(ImportProblem(where, message))

    title = squeeze(cells.get("title", ""))
    type_text = cells.get("type", "")
    kind = item_type(type_text, event.types) if type_text else None
    if type_text and kind is None:
        hint = closest(type_text.lower(), [*event.types, *TYPE_WORDS])
        bad(f"type {type_text!r} is not one the site knows; {f'did you mean {hint!r}? ' if hint else ''}"
            f"expected one of: {', '.join(event.types)} (conf.py's symposium_types adds more)")
    if kind is None:
        kind = title_type(title) or "contributed"
    status = STATUS_WORDS.get(cells.get("status", "").strip().lower())
    if status is None:
        bad(f"status {cells['status']!r} is not one the site knows; expected scheduled, cancelled or tba")
    if not title:
        bad("the title is empty; expected the talk's or the item's title")
    day = _csv_date(cells.get("date", ""), where, problems)
    start = _csv_time(cells.get("start", ""), "start", where, problems)
    end = _csv_time(cells["end"], "end", where, problems) if cells.get("end") else None
    duration = _csv_minutes(cells["duration"], where, problems) if cells.get("duration") and end is None else None
    if start is not None and not cells.get("end") and not cells.get("duration"):
        bad("there is neither an end nor a duration; expected an end such as 10:30 or a duration in minutes")
    if start is not None and end is not None:
        if end == start:
            bad(f"end {cells['end']} is the start {cells['start']}; expected an end after the start")
        elif end < start and not end < event.day_change:
            bad(f"end {cells['end']} is before start {cells['start']}; expected an end after the start (a time "
                "after noon needs PM or 24-hour form)")
    for key in ("slides", "video"):
        value = cells.get(key, "")
        if value and not is_web_address(value) and not is_project_file(value):
            bad(f"{key} {value!r} is not an http(s) URL or a file under _static/")
    speakers = _people_cell(cells.get("speakers", ""), cells.get("affiliations", ""), where, people, program,
                            cells.get("speaker_slugs", ""))
    page = kind in event.types and event.types[kind].has_page
    if not speakers and page and not cells.get("speakers", "").strip():
        program.notes.append(ImportProblem(where, f"{title!r}: the speakers cell is empty; the talk is imported "
                                           "without speakers", "no speaker"))
    moderators = _people_cell(cells.get("moderators", ""), "", where, people, program)
    slug = cells.get("slug", "")
    if slug and not SLUG.match(slug):
        bad(f"slug {slug!r} is not a slug; expected lower-case letters and digits, words joined by '-', such as "
            f"{title_slug(slug)!r}")
    if len(problems) > before or start is None:
        return None
    return ImportedItem(
        title=title, type=kind, where=where, identity=f"slug:{slug}" if slug else f"title:{title_slug(title)}",
        start=start, date=day, end=end, duration=duration, room=squeeze(cells.get("room", "")),
        session=squeeze(cells.get("session", "")), track=squeeze(cells.get("track", "")),
        speakers=speakers, moderators=[m for m in moderators if m not in speakers],
        abstract=imported_markdown(cells.get("abstract", "")),
        slides=cells.get("slides", ""), video=cells.get("video", ""), slug=slug,
        language=cells.get("language", ""), status="" if status == "scheduled" else (status or ""),
        board=cells.get("board", ""), page=page,
    )


def _csv_date(text: str, where: Where, problems: list[ImportProblem]) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    if match := re.fullmatch(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[ T]0?0:00(?::00)?)?", text):
        year, _, month, day = match.groups()
        year, month, day = int(year), int(month), int(day)
    elif match := re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text):
        year, month, day = map(int, match.groups())
    elif match := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
        day, month, year = map(int, match.groups())
    else:
        problems.append(ImportProblem(where, f"date {text!r} is not a date the import reads; expected {EXPECTED_DATE}"))
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        problems.append(ImportProblem(where, f"date {text!r} is not a day of the calendar; expected {EXPECTED_DATE}"))
        return None


def _csv_time(text: str, column: str, where: Where, problems: list[ImportProblem]) -> dt.time | None:
    text = text.strip()
    if not text:
        problems.append(ImportProblem(where, f"the {column} is empty; expected a time such as 9:30 or 14:05"))
        return None
    written = re.sub(r"^(\d{1,2})[.h](\d{2})$", r"\1:\2", text)  # 9.30 and 9h30, as spreadsheets in Europe write them
    try:
        value = parse_time(written)
    except ValueError as err:
        problems.append(ImportProblem(where, f"{column} {text!r}: {str(err).removeprefix('is ')}"))
        return None
    if isinstance(value, dt.datetime):
        problems.append(ImportProblem(where, f"{column} {text!r} names a day; expected a time of day such as 9:30, "
                                      "and the day in the date column"))
        return None
    return value.replace(second=0)


def _csv_minutes(text: str, where: Where, problems: list[ImportProblem]) -> int | None:
    text = text.strip().lower().removesuffix("min").removesuffix("minutes").strip()
    if match := re.fullmatch(r"(\d{1,2}):(\d{2})", text):
        minutes = int(match[1]) * 60 + int(match[2])
    elif text.isdigit():
        minutes = int(text)
    else:
        problems.append(ImportProblem(where, f"duration {text!r} is not a number of minutes; expected 30 (or 0:30)"))
        return None
    if minutes <= 0:
        problems.append(ImportProblem(where, f"duration {text!r}: expected a positive number of minutes"))
        return None
    return minutes


def _split_outside_parentheses(text: str, separators: str = ";\n") -> list[str]:
    parts, depth, current = [], 0, []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        if char in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def _names(text: str) -> list[str]:
    return _split_outside_parentheses(text)


def _people_cell(text: str, affiliations_text: str, where: Where, people: _People,
                 program: ImportedProgram, slugs_text: str = "") -> list[str]:
    """``Jane Doe (Example University); John Roe (Lab A; Lab B)``, or names with an affiliation column
    (``Example University; Lab A``: one per person in order, or one for all), and with a speaker slug
    column (``jane-doe; john-roe``: one per person in order) the pages' slugs."""
    names = _split_outside_parentheses(text)
    column = _split_outside_parentheses(affiliations_text)
    own_slugs = _split_outside_parentheses(slugs_text, ";,\n")
    if column and len(column) not in (1, len(names)):
        program.problems.append(ImportProblem(where, f"{len(names)} speakers and {len(column)} affiliations; expected "
                                              "one affiliation per speaker, in order (or one for all)"))
        return []
    if own_slugs and len(own_slugs) != len(names):
        program.problems.append(ImportProblem(where, f"{len(names)} speakers and {len(own_slugs)} speaker slugs; "
                                              "expected one slug per speaker, in order"))
        return []
    for own in own_slugs:
        if not SLUG.match(own):
            program.problems.append(ImportProblem(where, f"speaker slug {own!r} is not a slug; expected lower-case "
                                                  f"letters and digits, words joined by '-', such as {slugify(own)!r}"))
            return []
    slugs = []
    for index, entry in enumerate(names):
        match = re.fullmatch(r"(?P<name>[^()]+?)\s*\((?P<aff>.*)\)", entry)
        name = match["name"] if match else entry
        affiliations = _split_outside_parentheses(match["aff"]) if match else []
        if not affiliations and column:
            affiliations = _split_outside_parentheses(column[index if len(column) > 1 else 0], ";")
        honorific = ""
        for prefix in HONORIFICS:
            if name.startswith(prefix + " "):
                honorific, name = prefix, name[len(prefix):].strip()
                break
        if not name.strip(" .,-"):
            program.problems.append(ImportProblem(where, f"{entry!r} is not a name; expected a name such as "
                                                  "'Jane Doe (Example University)'"))
            continue
        own = own_slugs[index] if own_slugs else ""
        slug = people.add(name, affiliations, where, honorific=honorific, slug=own, identity=f"slug:{own}" if own else "")
        if slug in slugs:
            program.problems.append(ImportProblem(where, f"{name!r} is named twice in one row; expected each person once"))
            continue
        slugs.append(slug)
    return slugs


def _sessions(rows: dict[str, list[tuple[ImportedItem, Where, list[str]]]], event: Event, people: _People,
              program: ImportedProgram) -> list[ImportedSession]:
    """A session per name in the session column: from its first talk's start to its last talk's end."""
    sessions = []
    used: set[str] = set()
    for title, members in rows.items():
        first_item, where, _ = members[0]
        days = {item.date or event.date for item, _, _ in members}
        rooms = {item.room for item, _, _ in members}
        if len(days) > 1 or len(rooms) > 1:
            spread = " and ".join(sorted(map(str, days))) if len(days) > 1 else " and ".join(sorted(repr(r) for r in rooms))
            program.problems.append(ImportProblem(where, f"session {title!r} is on {spread}; expected one day and one "
                                                  "room per session (or another session name)"))
            continue
        starts = [item.start for item, _, _ in members]
        ends = [_end_time(item) for item, _, _ in members]
        tracks = {item.track for item, _, _ in members}
        chairs: list[str] = []
        for _, row_where, names in members:
            for name in names:
                slug = _people_cell(name, "", row_where, people, program)
                chairs += [s for s in slug if s not in chairs]
        ident = title_slug(title)
        ident = (ident[:25].rsplit("-", 1)[0] if len(ident) > 24 else ident) or "session"
        base, n = ident, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        session = ImportedSession(id=ident, title=title, where=where, date=first_item.date or event.date,
                                  start=min(starts), end=max(ends, key=lambda t: (t < event.day_change, t)),
                                  room=rooms.pop(), track=tracks.pop() if len(tracks) == 1 else "", chairs=chairs)
        sessions.append(session)
        for item, _, _ in members:
            item.session = session.id
    return sessions


def _end_time(item: ImportedItem) -> dt.time:
    if item.end is not None:
        return item.end
    moment = dt.datetime.combine(dt.date(2000, 1, 1), item.start) + dt.timedelta(minutes=item.duration or 0)
    return moment.time()


def _page_slugs(program: ImportedProgram) -> None:
    """Each talk's slug: the one the file gives, else its title's; a second talk of one title gets ``-2``."""
    taken: set[str] = set()
    for item in program.items:
        if not item.has_page:
            continue
        base = item.slug or title_slug(item.title)
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        item.slug = slug


# -- frab and pretalx ----------------------------------------------------------------------------------


def read_schedule(data: bytes, path: str, event: Event) -> ImportedProgram:
    """A program from a frab schedule as frab, pretalx and this site write it (``schedule.xml`` or
    ``schedule.json``): its days, rooms, tracks, persons and links."""
    text = data.decode("utf-8-sig", errors="replace").lstrip()
    if text.startswith("{"):
        return _FrabReader(path, event).from_json(text)
    return _FrabReader(path, event).from_xml(data)


class _FrabReader:
    def __init__(self, path: str, event: Event) -> None:
        self.path, self.event = path, event
        self.program = ImportedProgram()
        self.people = _People(self.program)
        #: biographies (and names) of a ``<persons>`` block, by the person's id
        self.biographies: dict[str, tuple[str, str]] = {}
        #: events whose <date> and <start> say two times: (where, what)
        self.contradictions: list[tuple[Where, str]] = []

    def problem(self, where: Where, message: str) -> None:
        self.program.problems.append(ImportProblem(where, message))

    # -- JSON: {"schedule": {"conference": {"days": [{"rooms": {name: [event...]}}]}}}

    def from_json(self, text: str) -> ImportedProgram:
        try:
            data = json.loads(text)
        except ValueError as err:
            line = getattr(err, "lineno", None)
            self.problem(Where(self.path, line), f"not JSON ({getattr(err, 'msg', err)}); expected a frab schedule.json")
            return self.program
        conference = data.get("schedule", {}).get("conference") if isinstance(data, dict) else None
        if not isinstance(conference, dict) or not isinstance(conference.get("days"), list):
            self.problem(Where(self.path, 1), "no 'schedule': {'conference': {'days': [...]}}; expected a frab "
                         "schedule.json as frab and pretalx export it")
            return self.program
        self.program.timezone = str(conference.get("time_zone_name") or "")
        if not self.same_zone(Where(self.path, None, "schedule.conference.time_zone_name")):
            return self.program
        self.day_boundaries([(day.get("date"), day.get("day_start") or day.get("start"), day.get("day_end") or day.get("end"))
                             for day in conference["days"] if isinstance(day, dict)],
                            conference.get("day_change"), Where(self.path, None, "schedule.conference.days[0].day_end"))
        for d, day in enumerate(conference["days"]):
            rooms = day.get("rooms") if isinstance(day, dict) else None
            for room, events in (rooms or {}).items():
                for e, entry in enumerate(events if isinstance(events, list) else []):
                    where = Where(self.path, None, f"days[{d}].rooms[{room!r}][{e}]")
                    if not isinstance(entry, dict):
                        self.problem(where, "expected an event (a mapping)")
                        continue
                    persons = []
                    for person in entry.get("persons") or []:
                        if isinstance(person, dict):
                            ident = person.get("code") or person.get("guid") or person.get("id")
                            persons.append((str(person.get("public_name") or person.get("name") or ""),
                                            str(person.get("url") or ""), str(person.get("biography") or ""),
                                            f"id:{ident}" if ident not in (None, "") else ""))
                        elif isinstance(person, str):
                            persons += [(name, "", "", "") for name in _name_list(person)]
                    links = [(str(link.get("title") or ""), str(link.get("url") or ""), str(link.get("type") or ""))
                             for link in entry.get("links") or [] if isinstance(link, dict)]
                    self.event_(where, {key: entry.get(key) for key in (
                        "guid", "id", "date", "start", "duration", "title", "type", "track", "abstract",
                        "description", "url", "slug")} | {"room": entry.get("room") or room}, persons, links)
        self.finish()
        return self.program

    # -- XML: <schedule><day><room><event>...

    def from_xml(self, data: bytes) -> ImportedProgram:
        try:
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError as err:
            self.problem(Where(self.path, err.position[0]), f"not XML ({err}); expected a frab schedule.xml")
            return self.program
        if root.tag != "schedule":
            self.problem(Where(self.path, 1), f"the root element is <{root.tag}>; expected <schedule>, as frab and "
                         "pretalx export it")
            return self.program
        conference = root.find("conference")
        if conference is not None:
            self.program.timezone = (conference.findtext("time_zone_name") or "").strip()
        if not self.same_zone(Where(self.path, (_lines_of(data, "time_zone_name") or [1])[0])):
            return self.program
        self.day_boundaries([(day.get("date"), day.get("start"), day.get("end")) for day in root.iter("day")],
                            conference.findtext("day_change") if conference is not None else None,
                            Where(self.path, (_lines_of(data, "day") or [None])[0]))
        for block in root.findall("persons"):  # a <persons> block of the whole schedule: biographies by id
            for person in block.iterfind("person"):
                ident = person.get("id") or person.get("guid") or ""
                name = next((person.findtext(key) for key in ("public_name", "full_public_name", "name")
                             if (person.findtext(key) or "").strip()), "") or (person.text or "")
                biography = next((person.findtext(key) for key in ("biography", "abstract", "description")
                                  if (person.findtext(key) or "").strip()), "")
                if ident:
                    self.biographies[f"id:{ident}"] = (name.strip(), biography or "")
        lines = iter(_lines_of(data, "event"))  # ElementTree keeps no lines: expat's, in document order
        for day in root.iter("day"):
            for room in day.iter("room"):
                for entry in room.iter("event"):
                    where = Where(self.path, next(lines, None))
                    values: dict[str, Any] = {key: entry.findtext(key) for key in (
                        "date", "start", "duration", "title", "type", "track", "abstract", "description", "url",
                        "slug", "room")}
                    values |= {"guid": entry.get("guid"), "id": entry.get("id")}
                    values["room"] = values["room"] or room.get("name") or ""
                    persons = []
                    for p in entry.iterfind("persons/person"):
                        ident = p.get("id") or p.get("guid") or ""
                        name = p.findtext("name") or p.findtext("public_name") or p.text or ""
                        biography = p.findtext("biography") or ""
                        if ident:
                            persons.append((name, "", biography, f"id:{ident}"))
                        else:  # a hand-made file's "A, B": two people
                            persons += [(one, "", biography, "") for one in _name_list(name)]
                    links = [((link.text or ""), link.get("href") or "", link.get("type") or "")
                             for link in entry.iterfind("links/link")]
                    self.event_(where, values, persons, links)
        self.finish()
        return self.program

    def same_zone(self, where: Where) -> bool:
        """A schedule in another zone than the site's would move every time: said once, nothing read."""
        zone = self.program.timezone
        if zone and zone != self.event.timezone.key:
            self.problem(where, f"the schedule's time zone is {zone}, and conf.py's symposium_timezone is "
                         f"{self.event.timezone.key}; expected one zone: set symposium_timezone = {zone!r} (or "
                         f"`symposium init --timezone {zone}`)")
            return False
        return True

    def day_boundaries(self, days: list[tuple[Any, Any, Any]], day_change: Any, where: Where) -> None:
        """When the file's days end (``<day start=... end=...>``, pretalx's ``day_end``, frab's
        ``day_change``): the time of the night that closes a day, as symposium_day_change says it."""
        zone = self.event.timezone
        found: list[dt.time] = []
        starts: list[dt.time] = []
        for date, start, end in days:
            try:
                day = dt.date.fromisoformat(str(date)[:10]) if date else None
                begin = dt.datetime.fromisoformat(str(start)) if start else None
                close = dt.datetime.fromisoformat(str(end)) if end else None
            except ValueError:
                continue
            if close is not None and close.tzinfo is not None:
                close = in_zone(close, zone).replace(tzinfo=None)
            if begin is not None and begin.tzinfo is not None:
                begin = in_zone(begin, zone).replace(tzinfo=None)
            if begin is not None and (day is None or begin.date() == day):
                starts.append(begin.time())
            if close is not None and day is not None and close.date() > day:
                if close.minute == 59:  # 03:59 is the last minute of a day that ends at 04:00
                    close += dt.timedelta(minutes=1)
                found.append(close.time().replace(second=0, microsecond=0))
        if not found and day_change:
            with contextlib.suppress(ValueError):
                found.append(dt.time.fromisoformat(str(day_change).strip()[:5].rjust(5, "0")))
        change = max(found, default=dt.time(0))
        if starts:
            change = min(change, min(starts))
        change = min(change, dt.time(12))
        if change != dt.time(0):
            self.program.day_change, self.program.day_change_where = change, where

    # -- one event, from either

    def event_(self, where: Where, values: Mapping[str, Any], persons: list[tuple[str, str, str, str]],
               links: list[tuple[str, str, str]]) -> None:
        def text(key: str) -> str:
            value = values.get(key)
            return clean_line(str(value)) if value is not None else ""

        title = text("title")
        if not title:
            self.problem(where, "an event without a title; expected <title>")
            return
        when = self._moment(text("date"), text("start"), where, title)
        minutes = self._duration(text("duration"), where, title)
        if when is None or minutes is None:
            return
        type_text = text("type")
        kind = title_type(title) or (item_type(type_text, self.event.types) if type_text else None)
        if kind is None:
            kind = "contributed"
            if type_text:
                self.program.notes.append(ImportProblem(where, f"{title!r}: type {type_text!r} is read as {kind!r} "
                                                        "(symposium_types in conf.py may name it)", "type"))
        speakers = []
        for name, url, biography, ident in persons:
            known_name, known_biography = self.biographies.get(ident, ("", "")) if ident else ("", "")
            name = clean_line(name) or clean_line(known_name)
            if not name:
                continue
            slug = self.people.add(name, [], where, slug=_last_slug(url, "speakers"),
                                   biography=imported_markdown(biography or known_biography),
                                   unknown_affiliation=True, identity=ident)
            if slug in speakers:
                self.program.notes.append(ImportProblem(where, f"{title!r}: {name!r} is listed twice; the talk names "
                                                        "them once", "listed twice"))
            else:
                speakers.append(slug)
        url = text("url")
        item = ImportedItem(
            title=title, type=kind, where=where, start=when.time(), date=when.date(), duration=minutes,
            identity=f"guid:{text('guid')}" if text("guid") else f"title:{title_slug(title)}@{when:%Y%m%d%H%M}",
            room=text("room"), track=text("track"), speakers=speakers,
            abstract=_paragraphs(values.get("abstract"), values.get("description")),
            slug=_last_slug(url, "talks"),
            page=self.event.types[kind].has_page if kind in self.event.types else kind in TALK_TYPES,
        )
        for label, href, kind_of_link in links:
            label = clean_line(label)
            if not href or href == url or (kind_of_link == "web" and label == "Talk page"):
                continue
            if not is_web_address(href):
                self.program.notes.append(ImportProblem(where, f"{title!r}: link {href!r} is not an http(s) URL; left out"))
            elif kind_of_link == "slides" and not item.slides:
                item.slides = href
            elif kind_of_link in {"media", "video"} and not item.video:
                item.video = href
            else:
                item.links.append((label or href, href))
        self.program.items.append(item)

    def _moment(self, date: str, start: str, where: Where, title: str) -> dt.datetime | None:
        """The event's start on the site's clock: frab's ``date`` is an ISO moment with its offset."""
        zone = self.event.timezone
        try:
            moment = dt.datetime.fromisoformat(date)
        except ValueError:
            self.problem(where, f"{title!r}: date {date!r} is not an ISO date and time; expected "
                         "2026-06-02T09:30:00+02:00")
            return None
        if moment.tzinfo is None:
            if start and re.fullmatch(r"\d{1,2}:\d{2}", start) and moment.time() == dt.time(0):
                hours, minutes = map(int, start.split(":"))
                moment = moment.replace(hour=hours, minute=minutes)
            return moment
        local = in_zone(moment, zone)
        own = re.fullmatch(r"(\d{1,2}):(\d{2})(?::00)?", start)
        said = dt.time(int(own[1]), int(own[2])) if own else None
        if (said is not None and said == local.time().replace(second=0)) or local.utcoffset() == moment.utcoffset():
            return local.replace(tzinfo=None)
        if said is not None and said == moment.time().replace(second=0):
            self.contradictions.append((where, f"<date> {date} is {clock(local)} in {zone.key}, <start> says "
                                               f"{clock(said)}"))
            return None
        if local.utcoffset() != moment.utcoffset():
            self.problem(where, f"{title!r} starts at {moment.isoformat()}, which is {clock(local)} on "
                         f"{local:%Y-%m-%d} in {zone.key} (symposium_timezone); expected a schedule of an event in "
                         f"{zone.key} (or set symposium_timezone to the schedule's zone"
                         f"{f', {self.program.timezone}' if self.program.timezone else ''})")
            return None
        return local.replace(tzinfo=None)

    def _duration(self, text: str, where: Where, title: str) -> int | None:
        match = re.fullmatch(r"(?:(\d+):)?(\d{1,2}):(\d{2})", text)
        if not match:
            self.problem(where, f"{title!r}: duration {text!r} is not HH:MM; expected 00:45")
            return None
        days, hours, minutes = int(match[1] or 0), int(match[2]), int(match[3])
        total = days * 24 * 60 + hours * 60 + minutes  # HH:MM, or DD:HH:MM
        if total <= 0:
            self.problem(where, f"{title!r}: duration {text!r}; expected a positive length")
            return None
        return total

    def finish(self) -> None:
        if self.contradictions:
            (first, what), count = self.contradictions[0], len(self.contradictions)
            more = ", ".join(f"line {where.line}" if where.line else where.pointer for where, _ in self.contradictions[1:4])
            self.problem(first, (
                f"the file says two times for {count} event{'s' * (count != 1)}: {what} (the offset of <date> "
                f"and the clock of <start> disagree{f'; also at {more}' if more else ''}"
                f"{', ...' if count > 4 else ''}); expected one instant: if <start> is the local time, give <date> "
                f"the offset of {self.event.timezone.key} (or leave it out); if <date> is right, <start> should say its "
                "local time"))
        _page_slugs(self.program)


def _lines_of(data: bytes, tag: str) -> list[int]:
    """The line of each start tag ``tag``, in document order."""
    lines: list[int] = []
    parser = expat.ParserCreate()
    parser.StartElementHandler = lambda name, attrs: lines.append(parser.CurrentLineNumber) if name == tag else None
    with contextlib.suppress(expat.ExpatError):
        parser.Parse(data, True)
    return lines


def _name_list(text: str) -> list[str]:
    """``Dr. Sebastian Tramp, Andreas Heinecke`` (one person element for two, as hand-made files
    write it): each name."""
    return [name.strip() for name in re.split(r"\s*[,;]\s*|\s+(?:and|und|&)\s+", text) if name.strip()]


def _last_slug(url: str, folder: str) -> str:
    """``https://example.org/talks/learning-graphs/`` -> ``learning-graphs`` (this site's own addresses)."""
    match = re.search(rf"/{folder}/([^/?#]+?)(?:\.html)?/?(?:[?#].*)?$", url or "")
    return match[1] if match and SLUG.match(match[1]) else ""


def _paragraphs(*texts: object) -> str:
    """A frab event's abstract and description (each once), as safe Markdown (:mod:`.imported_text`)."""
    found: list[str] = []
    for text in texts:
        markdown = imported_markdown(text) if isinstance(text, str) else ""
        if markdown and markdown not in found:
            found.append(markdown)
    return "\n\n".join(found)


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
