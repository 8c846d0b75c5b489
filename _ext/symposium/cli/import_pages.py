"""The pages ``symposium import`` writes (``importing.py``), and the pages as they are.

A talk, a speaker and the program's block are written as a person writes them (the front-matter
of CONTRIBUTING.md), one key a line, values in YAML that reads back as the file's very text. A
page that is there already is read back into its front-matter blocks and keys, so that importing
again changes only what the import wrote (:func:`render`, with the import's record of each page).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import yaml

from ..model.entities import Event
from ..model.importing.program import ImportedItem, ImportedSession, ImportedSpeaker, Where
from ..model.pages import PROGRAM_DIR
from .new_page import yaml_quoted, yaml_scalar

PROGRAM_PAGE = f"{PROGRAM_DIR}index.md"
#: what a speaker page says while the imported file gives no affiliation (frab and pretalx give none):
#: none, said so (the build reads `affiliation: []` as "none given"; a missing key stays a mistake)
UNKNOWN_AFFILIATION = "[]"
UNKNOWN_AFFILIATION_LINE = f"affiliation: {UNKNOWN_AFFILIATION}".ljust(40) + " # the imported file gives none: add it when you know it"


# -- YAML as the site's pages write it -----------------------------------------------------------------


def flow_scalar(text: str) -> str:
    """A value inside ``{...}`` or ``[...]``: plain when it reads back as itself there, else quoted."""
    plain = yaml_scalar(text)
    if plain.startswith('"') or (not re.search(r"[,\[\]{}:#&*!|>'\"%@`?]", plain) and _reads_back_in_flow(plain)):
        return plain
    return yaml_quoted(text.strip())


def _reads_back_in_flow(plain: str) -> bool:
    try:
        return (yaml.safe_load(f"{{t: {plain}, u: v}}") == {"t": plain, "u": "v"}
                and yaml.safe_load(f"[{plain}, v]") == [plain, "v"])
    except yaml.YAMLError:
        return False


def _time(value: dt.time) -> str:
    return f"{value.hour}:{value.minute:02d}"


def _flow_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(flow_scalar(value) for value in values) + "]"


def markdown_title(title: str) -> str:
    """A title as a Markdown heading's text that reads back as the same plain text."""
    escaped = re.sub(r"([\\`*_\[\]<>{}$|])", r"\\\1", title)
    return re.sub(r"#$", r"\\#", escaped)


# -- what the import writes ------------------------------------------------------------------------------


@dataclass
class Page:
    """A page the import writes: its front-matter block's keys (each as its YAML lines), title and text."""

    path: str
    block: str  # talk | speaker | program
    keys: dict[str, list[str]]
    title: str = ""
    body: str = ""
    where: Where | None = None
    identity: str = ""
    #: the line of each item and session in the program block, relative to the block's first line
    entry_lines: dict[int, Where] = field(default_factory=dict)
    #: keys whose value stands in for what the file does not give: a value the page has wins
    soft: set[str] = field(default_factory=set)


def _timing(item: ImportedItem | ImportedSession, keys: dict[str, list[str]], event: Event,
            session: ImportedSession | None = None) -> None:
    day = item.date or event.date
    if day != (session.date if session else event.date):
        keys["date"] = [f"date: {day.isoformat()}"]
    keys["start"] = [f"start: {_time(item.start)}"]
    if getattr(item, "end", None) is not None:
        keys["end"] = [f"end: {_time(item.end)}"]
    else:
        keys["duration"] = [f"duration: {item.duration}"]


def talk_page(item: ImportedItem, path: str, event: Event, sessions: dict[str, ImportedSession]) -> Page:
    keys: dict[str, list[str]] = {"type": [f"type: {item.type}"]}
    session = sessions.get(item.session)
    _timing(item, keys, event, session)
    if item.room and item.room != (session.room if session else event.room):
        keys["room"] = [f"room: {yaml_scalar(item.room)}"]
    if session:
        keys["session"] = [f"session: {yaml_scalar(session.id)}"]
    if item.track and item.track != (session.track if session else ""):
        keys["track"] = [f"track: {yaml_scalar(item.track)}"]
    if item.speakers:
        keys["speakers"] = [f"speakers: {_flow_list(item.speakers)}"]
    if item.moderators:
        keys["moderators"] = [f"moderators: {_flow_list(item.moderators)}"]
    for key in ("slides", "video", "language", "status", "board"):
        if value := getattr(item, key):
            keys[key] = [f"{key}: {yaml_scalar(value)}"]
    if item.links:
        keys["links"] = ["links:"] + [f"  - {{title: {flow_scalar(title)}, url: {flow_scalar(url)}}}"
                                      for title, url in item.links]
    return Page(path, "talk", keys, item.title, item.abstract, item.where, item.identity)


def speaker_page(speaker: ImportedSpeaker, path: str) -> Page:
    keys: dict[str, list[str]] = {"name": [f"name: {yaml_scalar(speaker.name)}"]}
    if speaker.honorific:
        keys["honorific"] = [f"honorific: {yaml_scalar(speaker.honorific)}"]
    if not speaker.affiliations:
        keys["affiliation"] = [UNKNOWN_AFFILIATION_LINE]
    elif len(speaker.affiliations) == 1:
        keys["affiliation"] = [f"affiliation: {yaml_scalar(speaker.affiliations[0])}"]
    else:
        keys["affiliation"] = [f"affiliation: {_flow_list(speaker.affiliations)}"]
    if speaker.links:
        keys["links"] = ["links:"] + [f"  {yaml_scalar(name)}: {yaml_scalar(url)}" for name, url in speaker.links.items()]
    identity = f"person:{speaker.identity}" if speaker.identity else f"person:{speaker.slug}"
    page = Page(path, "speaker", keys, speaker.name, speaker.biography, speaker.where, identity)
    if not speaker.affiliations:
        page.soft.add("affiliation")
    return page


def program_block(items: list[ImportedItem], sessions: list[ImportedSession], event: Event) -> Page:
    """``program:`` with ``sessions:`` and ``items:``, one entry a line, as program/index.md writes them."""
    lines: list[str] = []
    entries: dict[int, Where] = {}
    if sessions:
        lines.append("  sessions:")
        for session in sessions:
            keys: dict[str, list[str]] = {"id": [f"id: {flow_scalar(session.id)}"],
                                          "title": [f"title: {flow_scalar(session.title)}"]}
            keys["date"] = [f"date: {session.date.isoformat()}"]
            keys["start"], keys["end"] = [f"start: {_time(session.start)}"], [f"end: {_time(session.end)}"]
            if session.room:
                keys["room"] = [f"room: {flow_scalar(session.room)}"]
            if session.chairs:
                keys["chairs"] = [f"chairs: {_flow_list(session.chairs)}"]
            if session.track:
                keys["track"] = [f"track: {flow_scalar(session.track)}"]
            entries[len(lines) + 1] = session.where
            lines.append("    - {" + ", ".join(value[0] for value in keys.values()) + "}")
    if items:
        lines.append("  items:")
        for item in items:
            keys = {}
            day = item.date or event.date
            if day != event.date or event.several_days:
                keys["date"] = [f"date: {day.isoformat()}"]
            keys["start"] = [f"start: {_time(item.start)}"]
            keys["end" if item.end is not None else "duration"] = [
                f"end: {_time(item.end)}" if item.end is not None else f"duration: {item.duration}"]
            keys["title"] = [f"title: {flow_scalar(item.title)}"]
            keys["type"] = [f"type: {item.type}"]
            if item.room and item.room != event.room:
                keys["room"] = [f"room: {flow_scalar(item.room)}"]
            if item.session:
                keys["session"] = [f"session: {flow_scalar(item.session)}"]
            if item.track:
                keys["track"] = [f"track: {flow_scalar(item.track)}"]
            for key in ("speakers", "moderators"):
                if getattr(item, key):
                    keys[key] = [f"{key}: {_flow_list(getattr(item, key))}"]
            for key in ("slides", "video", "language", "status", "board"):
                if value := getattr(item, key):
                    keys[key] = [f"{key}: {flow_scalar(value)}"]
            if item.abstract:  # an item without a page keeps what the file says of it
                keys["abstract"] = [f"abstract: {yaml_quoted(item.abstract)}"]
            if item.links:
                keys["links"] = ["links: [" + ", ".join(f"{{title: {flow_scalar(t)}, url: {flow_scalar(u)}}}"
                                                          for t, u in item.links) + "]"]
            entries[len(lines) + 1] = item.where
            lines.append("    - {" + ", ".join(value[0] for value in keys.values()) + "}")
    page = Page(PROGRAM_PAGE, "program", {"program": ["program:", *lines]} if lines else {})
    page.entry_lines = entries
    return page


# -- pages as they are ------------------------------------------------------------------------------------


@dataclass
class Existing:
    """A page as it is on disk: its front-matter's top-level blocks (raw lines), its block's keys, title, text."""

    top: list[tuple[str | None, list[str]]]
    keys: dict[str, list[str]]
    title: str
    body: str


def _top_blocks(lines: list[str]) -> list[tuple[str | None, list[str]]]:
    """Front-matter lines cut at each top-level key; comments and blank lines go with the key after them."""
    blocks: list[tuple[str | None, list[str]]] = []
    pending: list[str] = []
    for line in lines:
        match = re.match(r"^([^\s#][^:]*):", line)
        if match:
            blocks.append((match[1].strip(), [*pending, line]))
            pending = []
        elif blocks and line.startswith((" ", "\t")) and line.strip():
            blocks[-1][1].extend([*pending, line])
            pending = []
        else:
            pending.append(line)
    if pending:
        blocks.append((None, pending))
    return blocks


def _keys_of(block_lines: list[str]) -> dict[str, list[str]]:
    """A block's keys (``talk:``'s ``start``...), each with its lines, dedented by two spaces."""
    keys: dict[str, list[str]] = {}
    current: str | None = None
    for line in block_lines[1:]:
        match = re.match(r"^  ([A-Za-z_][\w-]*):", line)
        if match:
            current = match[1]
            keys[current] = [line[2:]]
        elif current is not None:
            keys[current].append(line[2:] if line.startswith("  ") else line)
    return keys


def read_existing(text: str, block: str) -> Existing:
    lines = text.splitlines()
    front: list[str] = []
    rest = lines
    if lines and lines[0].strip() == "---":
        closing = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), None)
        if closing is not None:
            front, rest = lines[1:closing], lines[closing + 1:]
    top = _top_blocks(front)
    keys = next((_keys_of(lines_) for key, lines_ in top if key == block), {})
    title, body_at = "", 0
    for index, line in enumerate(rest):
        if line.startswith("# "):
            title, body_at = line[2:].strip(), index + 1
            break
    body = "\n".join(rest[body_at:] if title else rest).strip()
    return Existing(top, keys, title, body)


def digest(text: str) -> str:
    return hashlib.sha256(text.strip().encode()).hexdigest()[:16]


def _front_matter(top: list[tuple[str | None, list[str]]]) -> str:
    lines = [line for _, block in top for line in block]
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n" if lines else ""


def render(page: Page, existing: Existing | None, record: dict | None) -> tuple[str, list[str]]:
    """The page's text, and what it kept of the page as it is (hand edits), in words."""
    kept: list[str] = []
    keys = dict(page.keys)
    written_before = set(record.get("keys", {})) if record else set()
    if existing is not None and record is not None:
        for key, lines in existing.keys.items():
            if key in page.soft:
                keys[key] = lines  # the file says nothing of it: the page's value stays
            elif key not in keys and key not in written_before:
                keys[key] = lines  # added by hand: kept
            elif key in keys and key in written_before and lines != record["keys"][key] and lines != keys[key]:
                kept.append(f"'{page.block}.{key}' was edited by hand; it now says what the file says")
    block_lines = [f"{page.block}:"] + [f"  {line}" for lines in keys.values() for line in lines]
    top = [(key, lines) for key, lines in existing.top if key != page.block] if existing else []
    if page.block == "program":
        program = [(page.block, page.keys["program"])] if page.keys else []
        return _front_matter(program + top) + ("\n".join(_body_lines(existing)) + "\n" if existing else ""), kept
    body = page.body
    if existing is not None and record is not None and digest(existing.body) != record.get("body"):
        body = existing.body
        if digest(existing.body) != digest(page.body):
            kept.append("its text below the title was edited by hand: kept as it is")
    text = _front_matter([(page.block, block_lines), *top]) + f"# {markdown_title(page.title)}\n"
    return text + (f"\n{body.strip()}\n" if body.strip() else ""), kept


def _body_lines(existing: Existing | None) -> list[str]:
    """The program page below its front-matter, as it is."""
    if existing is None:
        return ["# Program", "", "```{program-table}", "```"]
    lines = [f"# {existing.title}"] if existing.title else []
    return [*lines, "", existing.body] if existing.body else lines
