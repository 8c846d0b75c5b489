"""``symposium init`` (``symposium new event``, ``nox -s new -- event``): a new event in this repository.

From options or, on a terminal, from questions (each answer checked as the build checks the
value: an unknown time zone gets "did you mean"), it writes the event's values into ``conf.py``
(the block between ``# -- symposium init: the event (begin)`` and ``(end)``; the rest of the
file stays as it is), a home page with the event's name, days and the program, empty talk,
speaker and program pages, the logo and a social card with the new names. The old event stays
in git history: it refuses to run on uncommitted changes (or outside git) unless ``--force``.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..environment.config import EDITION, acronym_of
from ..model.identity import MONTHS, repository_of
from ..model.link_targets import is_web_address
from ..model.zones import zone_of
from .event_files import CARD, LOGOS, logo_svg, retitle_svg, social_card
from .import_pages import markdown_title
from .importing import RECORD

BEGIN = "# -- symposium init: the event (begin)"
END = "# -- symposium init: the event (end)"

Ask = Callable[[str], str]


class Refused(Exception):
    """Nothing is written; says why."""


@dataclass
class Field:
    option: str
    question: str
    required: bool = True
    check: Callable[[str], tuple[object, str]] = lambda text: (text.strip(), "")


def _text(text: str) -> tuple[object, str]:
    text = " ".join(text.split())
    return (text, "") if text else (None, "expected text")


def _date(text: str) -> tuple[object, str]:
    text = text.strip()
    try:
        return dt.date.fromisoformat(text).isoformat(), ""
    except ValueError:
        pass
    form = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if form and 1 <= int(form[2]) <= 12:  # an ISO date in form, not in the calendar
        year, month = int(form[1]), int(form[2])
        days = calendar.monthrange(year, month)[1]
        return None, (f"{text!r} is not a day of the calendar: {MONTHS[month - 1]} {year} has {days} days; "
                      f"expected a date such as {year}-{month:02d}-{days:02d}")
    if form:
        return None, f"{text!r} is not a day of the calendar: a year has 12 months; expected a date such as 2026-06-02"
    return None, f"{text!r} is not an ISO date; expected a date such as 2026-06-02"


def _zone(text: str) -> tuple[object, str]:
    # one table of abbreviations (JST -> Asia/Tokyo) with the build's warning for symposium_timezone
    return zone_of(text)


def _url(text: str) -> tuple[object, str]:
    url = text.strip()
    if not is_web_address(url):
        return None, f"{url!r} is not an http(s) address; expected one such as 'https://example.org/'"
    return url, ""


def _site_url(text: str) -> tuple[object, str]:
    url, problem = _url(text)
    return (url if url is None or str(url).endswith("/") else f"{url}/"), problem


def _acronym(text: str) -> tuple[object, str]:
    value, problem = _text(text)
    if value is not None and acronym_of(value) == "symposium" and "symposium" not in str(value).lower():
        return None, (f"{value!r} has fewer than 4 letters or digits; expected a short name such as 'BWW 2026' (the "
                      "calendars' and apps' identifiers are made of its letters and digits)")
    return value, problem


def _day_change(text: str) -> tuple[object, str]:
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text.strip())
    if not match or int(match[1]) > 12 or int(match[2]) > 59:
        return None, f"{text.strip()!r}: expected a time of the night such as '04:00'"
    return f"{int(match[1]):02d}:{match[2]}", ""


def _edition(text: str) -> tuple[object, str]:
    value = text.strip()
    if not EDITION.match(value):
        return None, f"{value!r}: expected letters, digits, '-' and '_', such as '2026' (a folder, a git tag)"
    return value, ""


def _names(text: str) -> tuple[object, str]:
    names = [" ".join(part.split()) for part in text.split(",") if part.strip()]
    if len(set(names)) != len(names):
        return None, f"{text.strip()!r} names one twice; expected distinct names separated by commas"
    return names, ""


FIELDS: dict[str, Field] = {
    "name": Field("--name", "The event's full name", check=_text),
    "acronym": Field("--acronym", "Its short name, as the site shows it (such as BWW 2026)", check=_acronym),
    "date": Field("--date", "Its (first) day, as 2026-06-02", check=_date),
    "end_date": Field("--end-date", "Its last day, for an event of several days (empty: one day)", False, _date),
    "timezone": Field("--timezone", "Its time zone (such as Europe/Berlin)", check=_zone),
    "venue": Field("--venue", "The venue, as 'Place, City, Country' (empty: none yet)", False, _text),
    "url": Field("--url", "The site's address (such as https://example.github.io/bww2026/)", check=_site_url),
    "repository": Field("--repository", "The repository's address (such as https://github.com/example/bww2026)",
                        check=_url),
}
#: options without a question: given, or left out
QUIET: dict[str, Callable[[str], tuple[object, str]]] = {
    "room": _text, "rooms": _names, "tracks": _names, "day_change": _day_change, "host": _text, "host_url": _url,
    "branch": _text, "edition": _edition,
}


@dataclass
class Values:
    given: dict[str, object] = field(default_factory=dict)

    def __getitem__(self, key: str) -> object:
        return self.given.get(key)


def collect(options: dict[str, str | None], ask: Ask | None, defaults: dict[str, str]) -> Values:
    """Each value checked; on a terminal a missing or bad one is asked again; else every problem at once."""
    values = Values()
    problems = []
    for key, spec in FIELDS.items():
        text = options.get(key)
        if text is None and key in defaults:
            text = defaults[key]
        if text is not None and text.strip():
            value, problem = spec.check(text)
            if not problem:
                values.given[key] = value
                continue
            if ask is None:
                problems.append(f"{spec.option} {problem}")
                continue
            print(f"  {problem}", file=sys.stderr)
        elif not spec.required and ask is None:
            continue
        elif ask is None:
            problems.append(f"{spec.option} is missing")
            continue
        while True:
            answer = ask(f"{spec.question}: ").strip()
            if not answer and not spec.required:
                break
            value, problem = spec.check(answer) if answer else (None, "expected an answer")
            if not problem:
                values.given[key] = value
                break
            print(f"  {problem}", file=sys.stderr)
    for key, check in QUIET.items():
        text = options.get(key)
        if text is not None and text.strip():
            value, problem = check(text)
            if problem:
                problems.append(f"--{key.replace('_', '-')} {problem}")
            else:
                values.given[key] = value
    end, first = values["end_date"], values["date"]
    if end is not None and first is not None and str(end) < str(first):
        problems.append(f"--end-date {end} is before --date {first}; expected the last day on or after the first")
    if problems:
        raise Refused("; ".join(problems) + ("" if ask else " (or run this in a terminal to be asked)"))
    return values


# -- git ------------------------------------------------------------------------------------------------


def _git(srcdir: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=srcdir, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def remote_defaults(srcdir: Path) -> dict[str, str]:
    """The repository and the site's address from the ``origin`` remote on GitHub, when there is one."""
    origin = (_git(srcdir, "remote", "get-url", "origin") or "").strip()
    found = repository_of(origin)
    if found is None or found[0] != "github.com":
        return {}
    owner, repo = found[1].split("/", 1)
    pages = f"https://{owner.lower()}.github.io/" + ("" if repo.lower() == f"{owner.lower()}.github.io" else f"{repo}/")
    return {"repository": f"https://github.com/{owner}/{repo}", "url": pages}


def check_clean(srcdir: Path) -> None:
    status = _git(srcdir, "status", "--porcelain", "--untracked-files=normal", "--", ".")
    if status is None:
        raise Refused("not in a git repository (or git is not installed): the old event would be lost, not kept in "
                      "git history; run it in a clone, or give --force")
    changed = [line[3:] for line in status.splitlines() if line.strip()]
    if changed:
        shown = ", ".join(changed[:5]) + (", ..." if len(changed) > 5 else "")
        raise Refused(f"{len(changed)} uncommitted change{'s' * (len(changed) != 1)} ({shown}): commit or stash "
                      "them first, so that the old event stays whole in git history; or give --force")


# -- the files ---------------------------------------------------------------------------------------------


def _py(value: object) -> str:
    return json.dumps(value, ensure_ascii=False) if value is not None else "None"


def conf_block(values: Values, today: dt.date) -> str:
    host = None
    if values["host"]:
        host = {"name": values["host"], **({"url": values["host_url"]} if values["host_url"] else {})}
    lines = [
        f"{BEGIN} {'-' * (95 - len(BEGIN))}",
        "# The event: its names, days, place, address and repository. Every page, export, link preview and",
        '# "Edit" link names the event from these values, and nothing else in this file or the pages types',
        "# them again. `python tools/symposium.py init` (`nox -s new -- event`) wrote this block and leaves the",
        "# rest of the file as it is (see CONTRIBUTING.md). The extension checks the values and derives the rest.",
        f"symposium_name = {_py(values['name'])}",
        "# the short name: logo alt text, page titles, the footer, the link previews",
        f"symposium_short_name = {_py(values['acronym'])}",
        "# the calendars' and the conference apps' identifiers are made from it: never change it once published",
        f"symposium_acronym = {_py(acronym_of(values['acronym']))}",
        f"symposium_date = {_py(values['date'])}",
        "# the edition's id in the series: its site is symposium_url + this + \"/\" (html_baseurl, below the",
        "# block), its git tag and its Read the Docs version are named so (CONTRIBUTING.md, \"Publishing a series\")",
        f"symposium_edition = {_py(values['edition'] or str(values['date'])[:4])}",
        f"symposium_end_date = {_py(values['end_date'])}  # the last day, for an event of several days",
        f"symposium_timezone = {_py(values['timezone'])}",
        f"symposium_venue = {_py(values['venue'] or '')}",
        f"symposium_room = {_py(values['room'] or '')}",
    ]
    if values["rooms"]:
        lines.append(f"symposium_rooms = {_py(values['rooms'])}  # the program's column order")
    if values["tracks"]:
        lines.append(f"symposium_tracks = {_py(values['tracks'])}")
    if values["day_change"]:
        lines.append(f"symposium_day_change = {_py(values['day_change'])}  # a talk at 00:30 belongs to the day before")
    lines += [
        f"symposium_colocated_with = {_py(host)}",
        "symposium_max_gap_minutes = 120",
        "# The program's change log and feed start the day after this event was started here: the earlier",
        "# history is another event's. Set it to the day the program is announced.",
        f"symposium_changes_since = {_py((today + dt.timedelta(days=1)).isoformat())}",
        "# The series' address (each edition's site is in its folder, symposium_url + symposium_edition + \"/\",",
        "# for calendars, conference apps and link previews; Read the Docs' canonical URL wins when it builds",
        "# the site), and where its sources live: every page's \"Edit on GitHub\" link opens its Markdown source there.",
        f"symposium_url = {_py(values['url'])}",
        f"repository_url = {_py(values['repository'])}",
        f"repository_branch = {_py(values['branch'] or 'main')}",
        f"{END} {'-' * (95 - len(END))}",
    ]
    return "\n".join(lines) + "\n"


def replace_block(conf: str, block: str) -> str:
    lines = conf.splitlines(keepends=True)
    begin = [i for i, line in enumerate(lines) if line.startswith(BEGIN)]
    end = [i for i, line in enumerate(lines) if line.startswith(END)]
    if len(begin) != 1 or len(end) != 1 or end[0] < begin[0]:
        raise Refused(f"conf.py has no one block between '{BEGIN}' and '{END}'; expected the event's values "
                      "between those two lines (see CONTRIBUTING.md), which init replaces")
    return "".join(lines[: begin[0]]) + block + "".join(lines[end[0] + 1:])


def several_rooms(values: Values) -> bool:
    """A conference of several rooms gets the grid page (``program/grid.md``): its rooms side by side."""
    return len(values["rooms"] or []) > 1


def home_page(values: Values) -> str:
    facts = []
    if values["venue"]:
        facts.append("{{ venue }}")
    if values["host"]:
        facts.append("Co-located with {{ host_link }}")
    lines = [
        # {{ dates }}: the event's day, or all its days ("March 12–13, 2027")
        "{.symposium-kicker}", "{{ short_name }} · {{ dates }}", "",
        "{.symposium-home-title}", f"# {markdown_title(str(values['name']))}", "",
    ]
    if facts:
        lines += ["{.symposium-facts}", "\\\n".join(facts), ""]
    lines += [
        "::::{container} symposium-actions", ":::{button-ref} program/index", ":color: primary", "See the program",
        ":::", "::::", "",
        "## Program at a glance", "", "```{program-table}", "```", "",
        # the header's navigation, as the AIExScale site's: the index pages, never every talk and speaker
        # (talks/index.md and speakers/index.md hold their folders' pages)
        "```{toctree}", ":hidden:", "", "program/index", *(["program/grid"] if several_rooms(values) else []),
        "talks/index", "speakers/index", "```", "",
    ]
    return "\n".join(lines)


#: each folder's pages in its index's hidden table of contents (a glob, so that new pages join it)
FOLDER_TOCTREE = "```{toctree}\n:hidden:\n:glob:\n\n*\n```\n"
PAGES = {
    "talks/index.md": "# Talks\n\n```{talk-list}\n```\n\n" + FOLDER_TOCTREE,
    "speakers/index.md": "# Speakers\n\n```{speaker-list}\n```\n\n" + FOLDER_TOCTREE,
    "program/index.md": (
        "# Program\n\n{{ short_name }}: the program, in the event's time ({{ dates }}). The talks' titles lead to their "
        "abstracts, and the speakers' names to their biographies.\n\n```{program-table}\n```\n\n"
        "```{program-downloads}\n```\n\n```{toctree}\n:hidden:\n\nchanges\n```\n"
    ),
    "program/changes.md": (
        "# Changes to the program\n\nWhat changed in the program, and why, from the site's repository: each change "
        "names the item, with the editors' note. Subscribe to the feed to hear of changes, or to the calendar, which "
        "follows them.\n\n```{program-changes}\n```\n"
    ),
}
#: the grid page, for an event of several rooms
GRID = "program/grid.md"
GRID_PAGE = "# Rooms side by side\n\nThe program, each day as a grid of its rooms.\n\n```{program-grid}\n```\n"
#: the program alone, for an <iframe> on the host conference's site (every build writes program/embed/)
EMBED = "program/embed.md"


def embed_page(values: Values) -> str:
    return (f"---\nembed: true\norphan: true\n---\n# {markdown_title(str(values['acronym']))} program\n\n"
            "```{program-table}\n```\n")


def event_pages(values: Values) -> dict[str, str]:
    """The new event's pages beside the home page, by path."""
    return {**PAGES, EMBED: embed_page(values), **({GRID: GRID_PAGE} if several_rooms(values) else {})}


def write_event(srcdir: Path, values: Values, today: dt.date) -> list[str]:
    """Write the new event; return what was removed (the old event's pages), for the summary."""
    conf = srcdir / "conf.py"
    text = replace_block(conf.read_text("utf-8"), conf_block(values, today))
    removed = []
    for folder in ("talks", "speakers", "program"):
        for page in sorted((srcdir / folder).rglob("*.md")):
            removed.append(page.relative_to(srcdir).as_posix())
            page.unlink()
    photos = srcdir / "_static" / "speakers"
    if photos.is_dir():
        removed.append("_static/speakers/")
        shutil.rmtree(photos)
    (srcdir / RECORD).unlink(missing_ok=True)
    conf.write_text(text, "utf-8")
    (srcdir / "index.md").write_text(home_page(values), "utf-8")
    pages = event_pages(values)
    for path, page in pages.items():
        (srcdir / path).parent.mkdir(parents=True, exist_ok=True)
        (srcdir / path).write_text(page, "utf-8")
    short = str(values["acronym"])
    for path, dark in zip(LOGOS, (False, True), strict=True):
        (srcdir / path).write_text(logo_svg(short, dark=dark), "utf-8")
    for path in ("_static/favicon.svg", "_static/banner.svg"):
        if (srcdir / path).is_file():
            (srcdir / path).write_text(retitle_svg((srcdir / path).read_text("utf-8"), short), "utf-8")
    (srcdir / CARD).write_bytes(social_card(short, str(values["name"]), str(values["date"]),
                                            str(values["end_date"]) if values["end_date"] else None,
                                            str(values["venue"] or ""), str(values["host"] or "")))
    return [path for path in removed if path not in pages]


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="symposium init",
        description="Start a new event in this repository: its values in conf.py's event block, a home page, empty "
                    "talk, speaker and program pages, the logo and the social card. Asks for missing values in a "
                    "terminal. Refuses to run on uncommitted changes (the old event stays in git history).",
    )
    for key, spec in FIELDS.items():
        parser.add_argument(spec.option, dest=key, help=spec.question + ("" if spec.required else " (optional)"))
    parser.add_argument("--room", help="the room of every item that names none (optional)")
    parser.add_argument("--rooms", help="a conference's rooms, separated by commas, in the program's column order")
    parser.add_argument("--tracks", help="a conference's tracks, separated by commas")
    parser.add_argument("--day-change", dest="day_change", help="when a day of the program ends, such as 04:00")
    parser.add_argument("--host", help="the conference the event is co-located with (its name)")
    parser.add_argument("--host-url", dest="host_url", help="its address")
    parser.add_argument("--edition", help="the edition's id in the series (default: the year of --date): its folder "
                                          "of the series' address, its git tag")
    parser.add_argument("--branch", help="the repository's branch for 'Edit' links (default: the current one, or main)")
    parser.add_argument("--srcdir", type=Path, default=Path("."), help="the site's source directory (default: .)")
    parser.add_argument("--force", action="store_true", help="run on uncommitted changes, or outside git")
    parser.add_argument("--no-input", action="store_true", help="never ask; refuse when a value is missing")
    return parser


def main(argv: Sequence[str] | None = None, *, ask: Ask | None = None, today: dt.date | None = None) -> int:
    args = parser().parse_args(argv)
    srcdir = args.srcdir
    if not (srcdir / "conf.py").is_file():
        print(f"symposium init: no conf.py in {srcdir.resolve()}", file=sys.stderr)
        return 2
    if ask is None and not args.no_input and sys.stdin.isatty():
        ask = input
    options = {key: getattr(args, key) for key in [*FIELDS, *QUIET]}
    try:
        if not args.force:
            check_clean(srcdir)
        replace_block((srcdir / "conf.py").read_text("utf-8"), "")  # the block is there, before any question
        if options["branch"] is None:
            branch = (_git(srcdir, "rev-parse", "--abbrev-ref", "HEAD") or "").strip()
            options["branch"] = branch if branch and branch != "HEAD" else None
        values = collect(options, None if args.no_input else ask, remote_defaults(srcdir))
        removed = write_event(srcdir, values, today or dt.date.today())
    except Refused as err:
        print(f"symposium init: {err}; nothing written", file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\nsymposium init: nothing written", file=sys.stderr)
        return 1
    except ImportError as err:  # Pillow, for the social card
        print(f"symposium init: {err.name or err}: not installed (pip install pillow); nothing written", file=sys.stderr)
        return 2
    from .check import check_site

    findings = check_site(srcdir)
    for finding in findings:
        print(finding.format(srcdir.resolve()), file=sys.stderr)
    print(f"Started {values['acronym']} ({values['name']}) in {srcdir.resolve()}:\n"
          f"  conf.py: the event's block; index.md, talks/, speakers/, program/: new pages; "
          f"{', '.join(LOGOS)}, {CARD}: the new names\n"
          f"  removed {len(removed)} page{'s' * (len(removed) != 1)} of the old event (git history keeps them)\n"
          "Next:\n"
          "  1. Import the program:  .venv/bin/nox -s import -- program.csv   (see docs/program-template.csv)\n"
          "     or add pages one by one: .venv/bin/nox -s new -- talk SLUG ...\n"
          "  2. Build: .venv/bin/nox -s docs (zero warnings), and commit.")
    return 1 if findings else 0
