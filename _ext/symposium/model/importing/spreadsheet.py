"""A program from a spreadsheet's CSV: one row per talk or item, a header row first."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from ..entities import SLUG, Event, slugify
from ..fields import FIELDS
from ..hints import closest
from ..imported_text import clean_characters, imported_markdown
from ..link_targets import is_project_file, is_web_address
from ..text import squeeze
from ..times import parse_time
from .item_types import TYPE_WORDS, item_type, title_type
from .people import People, page_slugs, title_slug
from .program import ImportedItem, ImportedProgram, ImportedSession, ImportProblem, Where

#: honorifics written before a name in a spreadsheet ("Dr. Jane Doe")
HONORIFICS = ("Prof. Dr.", "Prof.", "Dr.", "Professor", "Dr")
#: each column the importer reads, and the headers that name it (matched in lower case): the
#: columns of the front-matter's keys (fields.py), and the pages' names
COLUMNS: dict[str, tuple[str, ...]] = {
    **{field.csv[0]: field.csv for field in FIELDS if field.csv},
    "slug": ("slug", "talk slug"),
    "speaker_slugs": ("speaker slug", "speaker slugs", "speaker id", "speaker ids"),
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
    people = People(program)
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
    page_slugs(program)
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


def _csv_row(cells: dict[str, str], where: Where, event: Event, people: People,
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


def _people_cell(text: str, affiliations_text: str, where: Where, people: People,
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


def _sessions(rows: dict[str, list[tuple[ImportedItem, Where, list[str]]]], event: Event, people: People,
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
