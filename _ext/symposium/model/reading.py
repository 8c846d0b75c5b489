"""Front-matter read into records: a speaker's ``speaker:``, a talk's ``talk:``, and the
program's ``items:`` and ``sessions:``, each block by a :class:`.block_reader.BlockReader`.

Each read function returns what it could read and the problems it found (see
:mod:`.block_reader`); a block that gives no time to place it at is left out, and says so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any

from .block_reader import BlockReader, kind_of, left_out
from .entities import STATUSES, Event, ItemType, Problem, ProgramItem, Session, Speaker
from .fields import ITEM_KEYS, PROGRAM_KEYS, SESSION_KEYS, SPEAKER_KEYS, TALK_KEYS
from .frontmatter import Positions
from .hints import did_you_mean
from .languages import language_problem
from .limits import within_limit
from .media import embed_of, not_embeddable
from .names import family_and_given
from .text import squeeze
from .times import in_zone

#: the keys that give an item its time; a poster in a session may leave them all out
_GIVES_ITS_TIME = {"start", "end", "duration", "date"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _section(frontmatter: Mapping[str, Any], key: str, positions: Positions) -> tuple[BlockReader | None, list[Problem]]:
    value = frontmatter.get(key)
    if not isinstance(value, dict):
        shown = "nothing" if value is None else kind_of(value)
        return None, [Problem("frontmatter", f"{key!r} should be a mapping of keys such as 'name:' and 'start:', got {shown}", positions.line((key,)))]
    return BlockReader(value, (key,), positions), []


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
            problems.append(Problem("frontmatter", f"'program.{key}' should be a list, got {kind_of(program[key])}", positions.line(("program", key))))
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
             problems: list[Problem]) -> Iterator[tuple[int, BlockReader]]:
    """A reader for each mapping in ``program: <key>:``; anything else there is a problem."""
    entries = program.get(key)
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        path = ("program", key, index)
        if not isinstance(entry, dict):
            problems.append(Problem("frontmatter", left_out(f"'program.{key}.{index}' should be a mapping such as {example}, "
                                                            f"got {kind_of(entry)}", "the session" if key == "sessions" else "the item"), positions.line(path)))
            continue
        yield index, BlockReader(entry, path, positions)


STREAM_EXAMPLE = "https://stream.example.org/hall-a"


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


def _item(reader: BlockReader, *, key: str, docname: str, has_page: bool, title: str, types: Mapping[str, ItemType],
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


def _language_tag(reader: BlockReader) -> str:
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
