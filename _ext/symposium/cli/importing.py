"""``symposium import FILE``: talk, speaker and program pages from a spreadsheet or a frab/pretalx schedule.

The file is read by :mod:`symposium.model.importing` (a CSV of one row per talk or item;
``schedule.xml`` or ``schedule.json`` as frab and pretalx export them). The pages it gives are
written as a person writes them (:mod:`.import_pages`) and checked first with
the build's own checks (:func:`.check.check_site`, over the site as it is plus the new pages):
every problem is told at the file's row, and nothing is written until there is none.

Importing again updates what it wrote. ``.symposium-import.json`` at the site's root records,
for each page it wrote, the front-matter keys it wrote and a digest of the text below the
title: a key the file gives is set to the file's value (a hand edit of it is listed), a key
added by hand is kept, and an abstract or biography edited by hand is never replaced (listed
too). A page the import did not write is never overwritten. ``--dry-run`` says what would
change and writes nothing.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import difflib
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.errors import ConfigError

from ..environment.build_records import load_record, save_record
from ..environment.config import event_of
from ..model.entities import Event
from ..model.frontmatter import FrontmatterSyntaxError, read_frontmatter
from ..model.importing.frab import read_schedule
from ..model.importing.people import person_key
from ..model.importing.program import ImportedProgram, ImportProblem, Where, describe
from ..model.importing.spreadsheet import read_csv
from ..model.local_times import TimeFormatter
from ..model.pages import LARGE_PROGRAM, PROGRAM_DIR, SPEAKERS_DIR, TALKS_DIR
from .import_pages import (
    PROGRAM_PAGE,
    UNKNOWN_AFFILIATION_LINE,
    Page,
    digest,
    program_block,
    read_existing,
    render,
    speaker_page,
    talk_page,
)

RECORD = ".symposium-import.json"
CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
SCHEDULE_SUFFIXES = {".xml", ".json"}


class Refused(Exception):
    """Nothing is written; the message says why (one line per problem)."""


# -- the plan --------------------------------------------------------------------------------------------


@dataclass
class Plan:
    label: str
    program: ImportedProgram
    texts: dict[str, str] = field(default_factory=dict)  # path -> the text to write
    status: dict[str, str] = field(default_factory=dict)  # path -> new | updated | unchanged
    kept: dict[str, list[str]] = field(default_factory=dict)  # path -> hand edits kept, in words
    reused: list[str] = field(default_factory=list)  # speaker pages that are there already, not the import's
    gone: list[str] = field(default_factory=list)  # pages of an earlier import that the file no longer has
    record: dict = field(default_factory=dict)
    where: dict[str, Where] = field(default_factory=dict)  # path -> the row of its talk or speaker
    #: conf.py's values the file brings (symposium_day_change, symposium_rooms), as conf.py will say them
    overrides: dict[str, object] = field(default_factory=dict)
    #: why each of them (``fosdem.xml:94: the file's days end at 09:00``)
    override_reasons: dict[str, str] = field(default_factory=dict)
    #: conf.py's text with them, when it changes
    conf_text: str | None = None
    #: what the file says of the event that conf.py says otherwise (told, not changed)
    conf_notes: list[str] = field(default_factory=list)
    program_lines: dict[int, Where] = field(default_factory=dict)  # line of program/index.md -> row


def read_file(path: Path, event: Event, label: str) -> ImportedProgram:
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix in SCHEDULE_SUFFIXES:
        return read_schedule(data, label, event)
    if suffix in {".xlsx", ".xls", ".ods", ".numbers"}:
        raise Refused(f"{label}: a spreadsheet file; expected it saved as CSV (File > Save As > 'CSV UTF-8')")
    if suffix not in CSV_SUFFIXES:
        raise Refused(f"{label}: expected a .csv file (a spreadsheet saved as CSV), or a frab/pretalx "
                      "schedule.xml or schedule.json")
    return read_csv(data, label, event)


def _existing_speakers(srcdir: Path) -> dict[str, str]:
    """Each speaker page's name, matched as the import matches names: ``person_key`` -> slug."""
    found: dict[str, str] = {}
    for path in sorted((srcdir / SPEAKERS_DIR).glob("*.md")):
        if path.stem == "index":
            continue
        try:
            matter = read_frontmatter(path.read_text("utf-8"))
        except (FrontmatterSyntaxError, UnicodeDecodeError, OSError):
            continue
        speaker = matter.data.get("speaker") if matter else None
        if isinstance(speaker, dict) and isinstance(speaker.get("name"), str):
            found.setdefault(person_key(speaker["name"]), path.stem)
    return found


def plan(path: Path, srcdir: Path, label: str) -> Plan:
    from .check import read_config

    config, _ = read_config(srcdir)
    event = event_of(config)
    program = read_file(path, event, label)
    result = Plan(label, program)
    _day_change(result, srcdir, event)
    _rooms(result, srcdir)
    pages_before: dict[str, dict] = load_record(srcdir / RECORD, {}).get("pages", {})
    if not isinstance(pages_before, dict):
        pages_before = {}
    by_identity = {entry.get("identity"): page for page, entry in pages_before.items() if entry.get("identity")}
    problems = program.problems

    # speakers: one page each; a page that is there already (by slug or by name) serves
    named = _existing_speakers(srcdir)
    slugs: dict[str, str] = {}
    pages: list[Page] = []
    names: dict[str, int] = {}
    for speaker in program.speakers.values():
        names[person_key(speaker.name)] = names.get(person_key(speaker.name), 0) + 1
    for slug, speaker in program.speakers.items():
        own = by_identity.get(f"person:{speaker.identity}" if speaker.identity else f"person:{slug}")
        by_name = named.get(person_key(speaker.name)) if names[person_key(speaker.name)] == 1 else None
        final = own.removeprefix(SPEAKERS_DIR).removesuffix(".md") if own else (by_name or slug)
        slugs[slug] = final
        target = f"{SPEAKERS_DIR}{final}.md"
        if (srcdir / target).exists() and target not in pages_before:
            result.reused.append(target)
            continue
        pages.append(speaker_page(speaker, target))
    sessions = {session.id: session for session in program.sessions}
    for session in program.sessions:
        session.chairs = [slugs.get(s, s) for s in session.chairs]
    taken: set[str] = set()
    for item in program.items:
        item.speakers = [slugs.get(s, s) for s in item.speakers]
        item.moderators = [slugs.get(s, s) for s in item.moderators]
        if not item.has_page:
            continue
        target = by_identity.get(item.identity)
        if target is None:
            # a page of this name that no import wrote, or another talk's: the next free slug
            base, n = f"{TALKS_DIR}{item.slug}", 2
            target = f"{base}.md"
            while target in taken or ((srcdir / target).exists() and target not in pages_before) or (
                    target in pages_before and pages_before[target].get("identity") != item.identity):
                target, n = f"{base}-{n}.md", n + 1
        taken.add(target)
        pages.append(talk_page(item, target, event, sessions))
    others = [item for item in program.items if not item.has_page]
    program_page = program_block(others, program.sessions, event)
    written_program = pages_before.get(PROGRAM_PAGE)
    existing_program = srcdir / PROGRAM_PAGE
    if program_page.keys or written_program:
        current = read_existing(existing_program.read_text("utf-8"), "program") if existing_program.is_file() else None
        current_block = next((lines for key, lines in current.top if key == "program"), []) if current else []
        if current_block and not written_program:
            problems.append(ImportProblem(Where(PROGRAM_PAGE, 2), (
                f"holds 'program:' items or sessions that no import wrote, and {label} has items without a page "
                "or sessions to write there; expected them in one place: move them into the file and import "
                "again (or delete them from the page)")))
        else:
            pages.append(program_page)

    result.record = {"file": label, "pages": {}}
    for page in pages:
        target = srcdir / page.path
        existing = read_existing(target.read_text("utf-8"), page.block) if target.is_file() else None
        record = pages_before.get(page.path)
        text, kept = render(page, existing, record)
        current = target.read_text("utf-8") if target.is_file() else None
        result.status[page.path] = "new" if current is None else ("unchanged" if current == text else "updated")
        result.texts[page.path] = text
        if kept:
            result.kept[page.path] = kept
        if page.where is not None:
            result.where[page.path] = page.where
        # what the import wrote, not what the page says: a text kept from a hand edit stays a hand edit
        entry: dict = {"keys": {key: lines for key, lines in page.keys.items()}, "body": digest(page.body)}
        if page.identity:
            entry["identity"] = page.identity
        result.record["pages"][page.path] = entry
        if page.block == "program":
            result.program_lines = {line + 1: where for line, where in page.entry_lines.items()}
    _day_pages(result, srcdir, config, event)
    result.gone = sorted(page for page in pages_before if page not in result.texts and (srcdir / page).is_file())
    for page in result.gone:  # still the import's: a later import that has it again updates it
        result.record["pages"][page] = pages_before[page]
    return result


def _day_change(plan_: Plan, srcdir: Path, event: Event) -> None:
    """The file's day boundaries: written to conf.py's symposium_day_change when conf.py sets none,
    told when it sets another."""
    change = plan_.program.day_change
    if change is None or change == event.day_change:
        return
    said = f"{change.hour:02d}:{change.minute:02d}"
    if _assigned(_conf_text(plan_, srcdir), "symposium_day_change"):
        plan_.conf_notes.append(
            f"{plan_.program.day_change_where}: the file's days end at {said}, and conf.py says symposium_day_change = "
            f"{event.day_change:%H:%M}; kept conf.py's (set symposium_day_change = {said!r} for the file's days)")
        return
    _set_in_conf(plan_, srcdir, "symposium_day_change", said, f"a day of the program ends at {said}, as "
                 f"{plan_.label} says ({plan_.program.day_change_where})")
    plan_.override_reasons["symposium_day_change"] = f"{plan_.program.day_change_where}: the file's days end at {said}"


def _rooms(plan_: Plan, srcdir: Path) -> None:
    """A schedule of several rooms: their order, as the file gives them, written to conf.py's
    symposium_rooms when conf.py sets none, and the grid page (``program/grid.md``, as ``symposium
    init --rooms`` writes it) in the home page's navigation, unless the site has one."""
    from .init import GRID, GRID_PAGE

    rooms = list(dict.fromkeys(item.room for item in plan_.program.items if item.room))
    rooms += [room for room in dict.fromkeys(s.room for s in plan_.program.sessions if s.room) if room not in rooms]
    if len(rooms) < 2 or _assigned(_conf_text(plan_, srcdir), "symposium_rooms"):
        return
    _set_in_conf(plan_, srcdir, "symposium_rooms", rooms, f"the program's columns, in {plan_.label}'s order")
    plan_.override_reasons["symposium_rooms"] = f"{plan_.label}: its {len(rooms)} rooms, in its order"
    if (srcdir / GRID).exists() or len(plan_.program.items) > LARGE_PROGRAM:
        return  # a large program's day pages are grids already (_day_pages)
    plan_.texts[GRID], plan_.status[GRID] = GRID_PAGE, "new"
    home = srcdir / "index.md"
    text = home.read_text("utf-8") if home.is_file() else ""
    # after the program in the home page's table of contents (the header's navigation), as init writes it
    linked = re.sub(r"(?m)^(program/index[ \t]*\n)(?![\s\S]*^program/grid[ \t]*$)", r"\1program/grid\n", text, count=1)
    if linked != text:
        plan_.texts["index.md"], plan_.status["index.md"] = linked, "updated"
    else:  # no table of contents to join: a page of its own, linked from nowhere but the program's links
        plan_.texts[GRID] = f"---\norphan: true\n---\n{GRID_PAGE}"


#: the program listing that a large program's day pages replace on the home and program pages
_WHOLE_PROGRAM = re.compile(r"(?m)^(`{3,}|:{3,})\{program-(?:table|grid)\}[ \t]*\n\1[ \t]*$")


def _day_pages(plan_: Plan, srcdir: Path, config, event: Event) -> None:
    """A program of more than ``LARGE_PROGRAM`` items: a page per day of the program
    (``program/<day>.md``, its rooms side by side where it has several), and the home and program
    pages' whole-program listing becomes the days at a glance (``{program-days}``), which links them.
    A page that is there already is kept."""
    items = plan_.program.items
    if len(items) <= LARGE_PROGRAM:
        return
    change = plan_.program.day_change if "symposium_day_change" in plan_.overrides else event.day_change
    rooms: dict[dt.date, set[str]] = {}
    for item in items:
        moment = dt.datetime.combine(item.date or event.date, item.start)
        day = (moment - dt.timedelta(hours=change.hour, minutes=change.minute)).date()
        rooms.setdefault(day, set()).add(item.room)
    times = TimeFormatter(config.language, config.symposium_clock)
    names = []
    for day in sorted(rooms):
        path, listing = f"{PROGRAM_DIR}{day.isoformat()}.md", "program-grid" if len(rooms[day] - {""}) > 1 else "program-table"
        names.append(path.removesuffix(".md").removeprefix(PROGRAM_DIR))
        if (srcdir / path).exists():
            continue
        plan_.texts[path] = f"# {times.long_date(day)}\n\n```{{{listing}}}\n:day: {day.isoformat()}\n```\n"
        plan_.status[path] = "new"
    for page in ("index.md", PROGRAM_PAGE):
        text = plan_.texts.get(page) or ((srcdir / page).read_text("utf-8") if (srcdir / page).is_file() else "")
        glance = _WHOLE_PROGRAM.sub(r"\1{program-days}\n\1", text)
        if page == PROGRAM_PAGE:
            # the day pages in the program page's (hidden) table of contents, first: the header's navigation
            glance = re.sub(r"(?m)^(`{3,})\{toctree\}\n((?::[^\n]*\n)*)\n?", lambda m: m.group(0).rstrip("\n") + "\n\n"
                            + "".join(f"{name}\n" for name in names), glance, count=1)
            if not any(f"\n{name}\n" in glance for name in names):  # no table of contents to join: its own
                glance = glance.rstrip("\n") + "\n\n```{toctree}\n:hidden:\n\n" + "".join(f"{name}\n" for name in names) + "```\n"
        if glance != text:
            plan_.texts[page] = glance
            plan_.status[page] = "new" if not (srcdir / page).is_file() else "updated"


def _conf_text(plan_: Plan, srcdir: Path) -> str:
    return plan_.conf_text if plan_.conf_text is not None else (srcdir / "conf.py").read_text("utf-8")


def _assigned(conf_text: str, name: str) -> bool:
    return any(isinstance(node, ast.Assign) and any(getattr(target, "id", "") == name for target in node.targets)
               for node in ast.parse(conf_text).body)


def _set_in_conf(plan_: Plan, srcdir: Path, name: str, value: object, why: str) -> None:
    """``name = value`` in conf.py's text, after the event's time zone (the event block), with why."""
    text = _conf_text(plan_, srcdir)
    lines = text.splitlines(keepends=True)
    after = max((node.end_lineno or 0 for node in ast.parse(text).body if isinstance(node, ast.Assign) and any(
        getattr(target, "id", "") in {"symposium_timezone", *plan_.overrides} for target in node.targets)),
        default=len(lines))
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    line = f"# {why}\n{name} = {value!r}\n" if isinstance(value, list) else f"{name} = {value!r}  # {why}\n"
    plan_.conf_text = "".join([*lines[:after], line, *lines[after:]])
    plan_.overrides[name] = value


# -- checked as the build checks -----------------------------------------------------------------------------


def check(plan_: Plan, srcdir: Path) -> list[str]:
    """The build's findings that the new pages bring, each at the file's row it comes from."""
    from .check import check_site

    before = set(check_site(srcdir, overrides=plan_.overrides))
    after = check_site(srcdir, extra=plan_.texts, overrides=plan_.overrides)
    messages = []
    for finding in after:
        if finding in before:
            continue
        where = plan_.where.get(finding.path)
        if finding.path == PROGRAM_PAGE and finding.line is not None:
            # the program block is the front-matter's first: line 1 is '---', 2 'program:'
            where = plan_.program_lines.get(finding.line - 1) or where
        place = f"{finding.path}:{finding.line}" if finding.line is not None else finding.path
        if where is None:
            messages.append(finding.format())
        else:
            messages.append(f"{where}: {finding.message} (in {place}) [symposium.{finding.subtype}]")
    return messages


def write(plan_: Plan, srcdir: Path) -> None:
    if plan_.conf_text is not None:
        (srcdir / "conf.py").write_text(plan_.conf_text, encoding="utf-8")
    for path, text in plan_.texts.items():
        if plan_.status[path] == "unchanged":
            continue
        target = srcdir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    save_record(srcdir / RECORD, plan_.record, indent=1, ensure_ascii=False, sort_keys=True, end="\n")


def report(plan_: Plan, srcdir: Path, *, dry_run: bool) -> str:
    would = "would be " if dry_run else ""
    lines = [f"{plan_.label}: {describe(plan_.program)}"]
    lines += [f"  note: {note}" for note in summarised(plan_.program.notes)]
    for name, value in plan_.overrides.items():
        lines.append(f"conf.py: {name} = {value!r} {would}written ({plan_.override_reasons[name]})")
    lines += [f"  note: {note}" for note in plan_.conf_notes]
    for status in ("new", "updated"):
        paths = [path for path, said in plan_.status.items() if said == status]
        if not paths:
            continue
        lines.append(f"{status.capitalize()} ({len(paths)}), {would or ''}written:" if dry_run
                     else f"{status.capitalize()} ({len(paths)}):")
        for path in paths:
            lines.append(f"  {path}")
            if dry_run and status == "updated":
                old = (srcdir / path).read_text("utf-8").splitlines()
                diff = difflib.unified_diff(old, plan_.texts[path].splitlines(), lineterm="", n=0)
                lines += [f"      {line}" for line in list(diff)[2:] if not line.startswith("@@")]
    unchanged = sum(said == "unchanged" for said in plan_.status.values())
    if unchanged:
        lines.append(f"Unchanged: {unchanged} page{'s' * (unchanged != 1)}")
    if plan_.kept:
        lines.append("Edited by hand, and left as it is:")
        lines += [f"  {path}: {what}" for path, whats in plan_.kept.items() for what in whats]
    if plan_.reused:
        lines.append("Speakers who have a page already (left as it is): " + ", ".join(plan_.reused))
    if plan_.gone:
        lines.append(f"Written by an earlier import and not in {plan_.label} any more (left as they are; delete "
                     "them, or give a talk 'status: cancelled'):")
        lines += [f"  {path}" for path in plan_.gone]
    unknown = [path for path, text in plan_.texts.items() if UNKNOWN_AFFILIATION_LINE in text]
    if unknown:
        shown = ", ".join(unknown[:5]) + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
        lines.append(f"The file gives no affiliation for {len(unknown)} speaker{'s' * (len(unknown) != 1)}; their "
                     f"pages say 'affiliation: []' (none is shown) until you add it: {shown}")
    if dry_run:
        lines.append("Nothing written (--dry-run).")
    return "\n".join(lines)


#: notes of one kind beyond this many are told on one line, with the first rows
SHOWN_NOTES = 3


def summarised(notes: Sequence[ImportProblem]) -> list[str]:
    """Each note as it is, or, for a kind of more than :data:`SHOWN_NOTES`, one line: the count and the first."""
    kinds: dict[str, list[ImportProblem]] = {}
    for note in notes:
        kinds.setdefault(note.kind or note.message, []).append(note)
    lines = []
    for kind, found in kinds.items():
        if len(found) <= SHOWN_NOTES or not found[0].kind:
            lines += [str(note) for note in found]
            continue
        firsts = "; ".join(str(note) for note in found[:SHOWN_NOTES])
        lines.append(f"{len(found)} notes of one kind ({kind}), the first: {firsts}; ...")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="symposium import",
        description="Write talk, speaker and program pages from a spreadsheet's CSV or a frab/pretalx "
                    "schedule.xml/.json, checked as the build checks them; importing again updates them and keeps "
                    "abstracts and biographies edited by hand. Nothing is written while any row has a problem.",
    )
    parser.add_argument("file", type=Path, help="program.csv (one row per talk or item), schedule.xml or schedule.json")
    parser.add_argument("--srcdir", type=Path, default=Path("."), help="the site's source directory (default: .)")
    parser.add_argument("-n", "--dry-run", action="store_true", help="say what would change; write nothing")
    args = parser.parse_args(argv)
    srcdir = args.srcdir
    label = str(args.file)
    if not (srcdir / "conf.py").is_file():
        print(f"symposium import: no conf.py in {srcdir.resolve()}", file=sys.stderr)
        return 2
    if not args.file.is_file():
        print(f"symposium import: {label}: no such file", file=sys.stderr)
        return 2
    try:
        result = plan(args.file, srcdir, label)
        problems = [str(problem) for problem in result.program.problems]
        # what the build will warn about, all at once with the rows that cannot be read: the import
        # writes the program as the file says it (an organiser cannot edit the official schedule)
        findings = check(result, srcdir)
    except Refused as err:
        print(f"symposium import: {err}", file=sys.stderr)
        return 1
    except ConfigError as err:
        print(f"symposium import: conf.py: {str(err).splitlines()[0]}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"symposium import: {err.filename or label}: {err.strerror}", file=sys.stderr)
        return 2
    if problems:
        print("\n".join(problems + findings), file=sys.stderr)
        for note in summarised(result.program.notes):
            print(f"note: {note}", file=sys.stderr)
        print(f"symposium import: {len(problems)} row{'s' * (len(problems) != 1)} of {label} cannot be read"
              + (f" (and the build would warn {len(findings)} time{'s' * (len(findings) != 1)})" if findings else "")
              + "; nothing written", file=sys.stderr)
        return 1
    if not args.dry_run:
        write(result, srcdir)
    print(report(result, srcdir, dry_run=args.dry_run))
    if findings:
        print("\n".join(findings), file=sys.stderr)
        print(f"symposium import: imported as {label} says it; the build will warn {len(findings)} "
              f"time{'s' * (len(findings) != 1)}, as above (each is in {label}: fix it there, or in the pages)",
              file=sys.stderr)
    return 0
