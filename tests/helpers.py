"""What several test modules share: paths, builds, reading built pages, and tables of cases.

Fixtures live in conftest.py; this module holds plain functions and data. pyproject.toml puts
``tests/`` and ``_ext/`` on ``sys.path`` (``pythonpath``), so a test module imports it as
``from helpers import ...``; no test module imports another.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path
from textwrap import dedent, indent
from typing import ClassVar
from weakref import WeakKeyDictionary
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import icalendar
import pytest
from lxml import html
from sphinx.application import Sphinx
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from symposium.model.entities import Event
from symposium.model.frontmatter import read_frontmatter
from symposium.model.reading import read_program_items, read_talk

REPO = Path(__file__).resolve().parent.parent
ROOTS = REPO / "tests" / "roots"
SHARED = REPO.parent / "shared"
VALIDATORS = SHARED / "validators"
#: `python tools/symposium.py` is `python -m symposium` with _ext/ on the path, as the nox sessions run it
TOOL = REPO / "tools" / "symposium.py"
#: what the real site is made of (everything else in the repository is tooling)
SITE_CONTENT = ("conf.py", "index.md", "program", "speakers", "talks", "_static", "_ext")
CONTRIBUTING = REPO / "CONTRIBUTING.md"


def contributing_section(heading: str) -> str:
    """The text of CONTRIBUTING.md under ``## heading``, up to the next heading of that level."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", CONTRIBUTING.read_text(), re.S | re.M)
    assert match, f"CONTRIBUTING.md has no section '## {heading}'"
    return match.group(1)


CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


# -- the real site's program, as its pages under program/, talks/ and speakers/ give it ----------------

PROGRAM = [
    # (start, end, title, page or None, speakers, moderators)
    ("08:30", "08:35", "Welcome", None, ["orcun-yildiz", "loic-pottier"], []),
    ("08:35", "09:30", "Trillion-Parameter Foundation Models as Discovery Accelerators: Toward a Scientific Discovery Platform",
     "keynote-tbd", ["ian-foster"], []),
    ("09:30", "10:00", "How Complex AI Workflows Are Driving the Future of HPC Architectures?", "invited-talk-1", ["debbie-bard"], []),
    ("10:00", "10:30", "Break", None, [], []),
    ("10:30", "11:00", "AI-Ready Scientific Workflows at Scale: Bridging Data, Infrastructure, and Automation",
     "invited-talk-2", ["rafael-ferreira-da-silva"], []),
    ("11:00", "11:30", "Intelligent Workflows at Scale: AI-Driven Exploration of Cosmological Simulations",
     "invited-talk-3", ["katrin-heitmann"], []),
    ("11:30", "12:20", "Moderated Discussion", "moderated-discussion",
     ["ian-foster", "debbie-bard", "rafael-ferreira-da-silva", "katrin-heitmann"], ["orcun-yildiz", "loic-pottier"]),
    ("12:20", "12:30", "Closing remarks", None, ["orcun-yildiz", "loic-pottier"], []),
]
SPEAKERS = ["ian-foster", "debbie-bard", "rafael-ferreira-da-silva", "katrin-heitmann", "orcun-yildiz", "loic-pottier"]
TALKS = ["keynote-tbd", "invited-talk-1", "invited-talk-2", "invited-talk-3", "moderated-discussion"]


# -- sources ----------------------------------------------------------------------------------------


def copy_site(target: Path) -> Path:
    """A copy of the real site's sources (not its tooling) in ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_CONTENT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


def copy_root(testroot: str, target: Path) -> Path:
    """A copy of ``tests/roots/test-<testroot>``, or of the real site for ``"site"``."""
    if testroot == "site":
        return copy_site(target)
    shutil.copytree(ROOTS / f"test-{testroot}", target, dirs_exist_ok=True)
    return target


def edit_source(path: Path, text: str | None) -> None:
    """Write ``text`` into a source (``None`` deletes it) so that the next incremental build sees the edit.

    Its time is set 5 s ahead: newer than the last build, however fast the machine.
    """
    if text is None:
        path.unlink()
        return
    path.write_text(text, encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))


def write_files(root: Path, files: dict[str, str | bytes | None]) -> None:
    """Write each file (text as UTF-8, or bytes); ``None`` deletes it."""
    for name, text in files.items():
        path = root / name
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")


# -- served on the loopback ------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    #: how long to wait before answering a path (a slow network), by path: seconds, or a
    #: ``threading.Event`` that the test sets when the answer may go (no race with the clock)
    delays: ClassVar[dict[str, float | threading.Event]] = {}

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        delay = self.delays.get(self.path.split("?")[0], 0)
        if isinstance(delay, threading.Event):
            delay.wait(120)  # a test that forgot to set it: not forever
        else:
            time.sleep(delay)
        return super().send_head()


class _Server(ThreadingHTTPServer):
    # a browser may hold a connection open without a request: closing must not wait for it
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # not a browser that hung up (a reload)
            super().handle_error(request, client_address)


def serve(directory: Path, delays: dict[str, float | threading.Event] | None = None) -> Iterator[str]:
    """The files of ``directory`` on a free port of the loopback, while the generator runs;
    ``delays`` (which the caller may change meanwhile) slows the answers to some paths."""
    handler = type("Handler", (_QuietHandler,), {"delays": delays if delays is not None else {}})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


# -- builds -------------------------------------------------------------------------------------------


@dataclass
class PagesOfABuild:
    read: set[str] = field(default_factory=set)  # docnames Sphinx read (parsed) in this build
    written: set[str] = field(default_factory=set)  # docnames it wrote (resolved and written out)


_PAGES: WeakKeyDictionary[Sphinx, PagesOfABuild] = WeakKeyDictionary()


def record_pages(app: Sphinx) -> None:
    """Record the pages ``app`` reads and writes, by Sphinx's events (call before ``app.build()``).

    Sphinx emits ``env-before-read-docs`` with the docnames it will read, and ``doctree-resolved``
    in the main process for each page it writes, with any number of processes.
    """
    pages = _PAGES[app] = PagesOfABuild()

    def reading(app: Sphinx, env, docnames: list[str]) -> None:
        pages.read.update(docnames)

    def writing(app: Sphinx, doctree, docname: str) -> None:
        pages.written.add(docname)

    # last, after the extension has left out the pages it cannot read
    app.connect("env-before-read-docs", reading, priority=999)
    app.connect("doctree-resolved", writing)


#: what differs between any two builds whatever the extension does: Sphinx's own records, and the
#: order inside its search index
NOT_COMPARED = {".buildinfo", ".buildinfo.bak", "searchindex.js"}


def outputs(outdir: Path) -> dict[str, bytes]:
    """Every file of the output folder, by its path: the file list and every byte."""
    return {path.relative_to(outdir).as_posix(): path.read_bytes() for path in sorted(outdir.rglob("*"))
            if path.is_file() and path.name not in NOT_COMPARED and ".doctrees" not in path.parts}


def read_pages(app: Sphinx) -> set[str]:
    """The docnames the build of ``app`` read (see ``record_pages``)."""
    return _PAGES[app].read


def written_pages(app: Sphinx) -> set[str]:
    """The docnames the build of ``app`` wrote (see ``record_pages``)."""
    return _PAGES[app].written


def build_app(srcdir: Path, buildername: str = "dirhtml", *, fresh: bool = True, **kwargs) -> SphinxTestApp:
    """Build ``srcdir`` as sphinx-build would (a fresh environment unless ``fresh=False``), pages recorded."""
    app = SphinxTestApp(buildername, srcdir=srcdir, freshenv=fresh, status=StringIO(), warning=StringIO(), **kwargs)
    record_pages(app)
    try:
        app.build()
    finally:
        app.cleanup()  # unregister its nodes, so that the next build starts clean
    return app


@dataclass(frozen=True)
class BuildWarning:
    path: str  # relative to the source directory
    line: int | None
    message: str
    type: str  # "symposium.frontmatter", ...


_WARNING = re.compile(r"^(?:(?P<where>.*?): )?WARNING: (?P<message>.*?)(?: \[(?P<type>[\w.]+)\])?$")


def parse_warnings(app: SphinxTestApp) -> list[BuildWarning]:
    found = []
    for text in strip_colors(app.warning.getvalue()).splitlines():
        match = _WARNING.match(text)
        if not match:
            continue
        path, line = match["where"] or "", None
        if re.search(r":\d+$", path):
            path, number = path.rsplit(":", 1)
            line = int(number)
        path = path.removeprefix(str(app.srcdir)).lstrip("/")
        found.append(BuildWarning(path, line, match["message"], match["type"] or ""))
    return found


def symposium_warnings(app: SphinxTestApp) -> list[BuildWarning]:
    """The warnings of the extension's own types (not Sphinx's or MyST's)."""
    return [w for w in parse_warnings(app) if w.type.startswith("symposium")]


# -- built pages --------------------------------------------------------------------------------------


def parse_page(app: SphinxTestApp, page: str):
    """The lxml root of a built page, by its path in the output directory."""
    return html.parse(str(Path(app.outdir) / page)).getroot()


def select(node, xpath: str) -> list:
    """What ``xpath`` selects in ``node``; a selector that matches nothing fails the test."""
    found = node.xpath(xpath)
    assert found, f"nothing matches {xpath}"
    return found


def select_one(node, xpath: str):
    """The one element ``xpath`` selects in ``node``."""
    found = node.xpath(xpath)
    assert len(found) == 1, f"{len(found)} elements match {xpath}, expected one"
    return found[0]


def words(node) -> str:
    """The text of an lxml element, whitespace collapsed, as a reader sees it."""
    return " ".join(node.text_content().split())


def jsonld(doc) -> dict:
    """The page's one JSON-LD block, which must sit in the head."""
    block = select_one(doc, '//script[@type="application/ld+json"]')
    assert block.getparent().tag == "head"
    return json.loads(block.text)


def meta(doc, key: str) -> list[str]:
    return doc.xpath(f'//head/meta[@property="{key}" or @name="{key}"]/@content')


# -- exports ---------------------------------------------------------------------------------------------


def calendar(app: SphinxTestApp, path: str = "program.ics") -> icalendar.Calendar:
    raw = (Path(app.outdir) / path).read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b""), "RFC 5545 lines end in CRLF"
    return icalendar.Calendar.from_ical(raw)


def events(cal: icalendar.Calendar) -> list[icalendar.Event]:
    return list(cal.walk("VEVENT"))


def validate_schedules(outdir: Path) -> dict:
    """``schedule.json`` and ``schedule.xml`` of a build, each against c3voc's schema (JSON schema, XSD); the JSON's data."""
    import jsonschema
    from lxml import etree

    data = json.loads((outdir / "schedule.json").read_text("utf-8"))
    schema = json.loads((VALIDATORS / "c3voc-schedule.schema.json").read_text("utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(data)
    xsd = etree.XMLSchema(etree.parse(str(VALIDATORS / "c3voc-schedule.xml.xsd")))
    assert xsd.validate(etree.parse(str(outdir / "schedule.xml"))), xsd.error_log
    return data


def schedule_events(data: dict) -> list[dict]:
    return [event for day in data["schedule"]["conference"]["days"] for room in day["rooms"].values() for event in room]


# -- the model, without Sphinx ----------------------------------------------------------------------------

CHICAGO = ZoneInfo("America/Chicago")
EVENT = Event(date=dt.date(2025, 11, 21), timezone=CHICAGO, room="Room 264")


def frontmatter_of(text: str):
    """The data and the positions of a page's front-matter (dedented)."""
    matter = read_frontmatter(dedent(text).lstrip())
    assert matter is not None
    return matter.data, matter.positions


def talk(body: str, title: str = "A talk", event: Event = EVENT):
    """A talk read from the keys of its ``talk:`` block (line 3 is the first key)."""
    data, where = frontmatter_of("---\ntalk:\n" + indent(dedent(body), "  ") + "---\n# A talk\n")
    return read_talk("talks/a-talk", title, data, where, event)


def program(text: str, event: Event = EVENT):
    """The items of a ``program:`` block that has no problem."""
    data, where = frontmatter_of(text)
    items, problems = read_program_items("program/index", data, where, event)
    assert problems == []
    return items


def at(problems) -> list[tuple[str, int]]:
    return [(p.subtype, p.line) for p in problems]


# -- the command line and nox --------------------------------------------------------------------------


def run_tool(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python tools/symposium.py ARGS` in ``cwd``."""
    return subprocess.run([sys.executable, str(TOOL), *args], cwd=cwd, capture_output=True, text=True,
                          input=stdin, timeout=120)


def run_nox_command(name: str, cwd: Path, *posargs: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run in ``cwd`` the command that `nox -s NAME -- POSARGS` runs (its one ``session.run`` in noxfile.py).

    With this Python, which has what the session installs; its script is found in the repository.
    """
    (command,) = nox_session(name, *posargs).runs
    program, script, *args = command
    assert program == "python", command
    return subprocess.run([sys.executable, str(REPO / script), *args], cwd=cwd, capture_output=True, text=True,
                          input=stdin, timeout=120)


@dataclass
class NoxSession:
    """What a session of noxfile.py does when it runs: what it installs and the commands it runs."""

    posargs: list[str]
    installs: list[tuple[str, ...]] = field(default_factory=list)
    runs: list[tuple[str, ...]] = field(default_factory=list)

    def install(self, *args: str, **kwargs) -> None:
        self.installs.append(args)

    def run(self, *args: str, **kwargs) -> None:
        self.runs.append(args)

    def log(self, *args, **kwargs) -> None:
        pass


def nox_session(name: str, *posargs: str) -> NoxSession:
    """Run the session ``name`` of noxfile.py with ``posargs``, recording instead of doing.

    noxfile.py is executed as nox executes it, with a stand-in for the ``nox`` module (the tests
    run where nox is not installed).
    """
    stand_in = types.ModuleType("nox")
    sessions = {}

    def session(function=None, *, name: str | None = None, **options):
        """``@nox.session`` and ``@nox.session(name="bench-history")``: each session under its name."""
        if function is None:
            return lambda function: session(function, name=name)
        return sessions.setdefault(name or function.__name__, function)

    stand_in.session = session
    stand_in.options = types.SimpleNamespace()
    stand_in.Session = NoxSession
    saved = sys.modules.get("nox")
    sys.modules["nox"] = stand_in
    try:
        namespace = {"__file__": str(REPO / "noxfile.py"), "__name__": "noxfile"}
        exec(compile((REPO / "noxfile.py").read_text("utf-8"), "noxfile.py", "exec"), namespace)
    finally:
        if saved is None:
            del sys.modules["nox"]
        else:
            sys.modules["nox"] = saved
    # nothing is removed for real: the sessions find `shutil` in the noxfile's globals
    namespace["shutil"] = types.SimpleNamespace(rmtree=lambda *args, **kwargs: None)
    session = NoxSession(list(posargs))
    sessions[name](session)
    return session


# -- front-matter mistakes: each is one located warning of the build, and of `symposium check` ---------

ADA_TALK = """\
---
talk:
  type: invited
  start: 9:10
  end: 10:00
  speakers:
    - ada-lovelace
    - ada-lovelance
---
# Engines of Thought
"""


def talk_page(timing: str) -> str:
    """The minimal root's keynote, with its timing keys as given (indented by two spaces)."""
    return f"---\ntalk:\n  type: keynote\n  {timing}\n---\n# Engines of Thought\n"


#: on tests/roots/test-minimal: files -> (type, path, line, words of the message)
CASES = {
    "unknown speaker slug": (
        {"talks/engines.md": ADA_TALK},
        "symposium.reference", "talks/engines.md", 8, "did you mean 'ada-lovelace'",
    ),
    "unknown moderator slug": (
        {"talks/notes.md": "---\ntalk:\n  type: discussion\n  start: 10:00\n  end: 10:30\n  moderators: [nobody]\n---\n# Notes\n"},
        "symposium.reference", "talks/notes.md", 6, "unknown moderator 'nobody'",
    ),
    "unknown talk type": (
        {"talks/engines.md": "---\ntalk:\n  type: keynot\n  start: 9:10\n  end: 10:00\n---\n# Engines\n"},
        "symposium.frontmatter", "talks/engines.md", 3, "did you mean 'keynote'",
    ),
    "missing required key": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  end: 10:00\n---\n# Engines\n"},
        "symposium.frontmatter", "talks/engines.md", 2, "missing required key 'talk.start'",
    ),
    "a time that is not a time": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: ten past nine\n  end: 10:00\n---\n# Engines\n"},
        "symposium.frontmatter", "talks/engines.md", 4, "expected a time such as 8:35",
    ),
    "an end before its start": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 9:00\n---\n# Engines\n"},
        "symposium.schedule", "talks/engines.md", 5, "not after the start",
    ),
    "overlapping items in one room": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:15\n---\n# Engines\n"},
        # the edited page is named, with the line of the time to check
        "symposium.schedule", "talks/notes.md", 4,
        "starts before the end of 'Engines' (9:10–10:15 AM) in Room 1; expected items in one room one after "
        "another: check its start, or the end of 'Engines' (talks/engines, line 5)",
    ),
    "a page under talks/ without talk front-matter": (
        {"talks/stray.md": "# A stray page\n"},
        "symposium.frontmatter", "talks/stray.md", 1, "needs 'talk:' front-matter",
    ),
    "a page under speakers/ without speaker front-matter": (
        {"speakers/stray.md": "# X\n"},
        "symposium.frontmatter", "speakers/stray.md", 1, "needs 'speaker:' front-matter",
    ),
    "a page under speakers/ with its block misspelt": (
        {"speakers/stray.md": "---\nspeakr:\n  name: X\n---\n# X\n"},
        "symposium.frontmatter", "speakers/stray.md", 2, "'speakr', which the site does not read; did you mean 'speaker'?",
    ),
    "a gap in the day that cannot be meant (12:20 AM)": (
        {"program/index.md": (
            "---\nprogram:\n  items:\n"
            "    - {start: 9:00, end: 9:10, title: Welcome, type: opening}\n"
            "    - {start: '12:20 AM', end: '12:30 AM', title: Closing remarks, type: closing}\n"
            "---\n# Program\n"
        )},
        "symposium.schedule", "program/index.md", 5, "Did you mean 12:20 PM?",
    ),
    "a value of the wrong type": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: {where: Society}\n---\n# Charles Babbage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 4, "should be text or a list of texts",
    ),
    "an unknown key": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n  speaker: [ada-lovelace]\n---\n# Engines\n"},
        "symposium.frontmatter", "talks/engines.md", 6, "did you mean 'speakers'",
    ),
    "a talk without a title": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n---\nJust text.\n"},
        "symposium.frontmatter", "talks/engines.md", 2, "expected a first heading",
    ),
    "an item outside the event's day": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  date: 2025-11-20\n  start: 9:10\n  end: 10:00\n---\n# Engines\n"},
        "symposium.schedule", "talks/engines.md", 4, "outside the symposium",
    ),
    "a speaker photo that is not there": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: Society\n  photo: _static/cb.jpg\n---\n# Charles Babbage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 5, "not a file in the project",
    ),
    "a slug used twice": (
        {"speakers/old/ada-lovelace.md": "---\nspeaker:\n  name: Ada\n  affiliation: X\n---\n# Ada\n"},
        "symposium.reference", "speakers/old/ada-lovelace.md", 2, "one page per slug",
    ),
    "speaker-list naming an unknown slug": (
        {"index.md": "# T\n\n```{speaker-list}\n:only: ada-lovelace grace-hopper\n```\n\n```{toctree}\n:glob:\n\nprogram/index\nspeakers/*\ntalks/*\n```\n"},
        "symposium.reference", "index.md", 3, "'grace-hopper'",
    ),
    # -- silent wrong data: each now one located warning on the item that is wrong --------------
    "a key written twice": (
        {"talks/engines.md": talk_page("start: 9:10\n  start: 9:20\n  end: 10:00")},
        "symposium.frontmatter", "talks/engines.md", 5, "'talk.start' is written twice, on lines 4 and 5",
    ),
    "a second talk: block": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n---\n# Engines of Thought\n"},
        "symposium.frontmatter", "talks/engines.md", 6, "'talk' is written twice, on lines 2 and 6",
    ),
    "duration: 30:00 (1800 minutes to YAML)": (
        {"talks/engines.md": talk_page("start: 9:10\n  duration: 30:00")},
        "symposium.frontmatter", "talks/engines.md", 5, "reads as 1800 minutes",
    ),
    "an end on the next day, beyond symposium_max_item_minutes": (
        {"talks/engines.md": talk_page("start: 9:10\n  end: 2025-11-22T10:00")},
        "symposium.schedule", "talks/engines.md", 5, "lasts 24 h 50 min; expected at most 12 h",
    ),
    "a duration far beyond a day": (
        {"talks/engines.md": talk_page("start: 9:10\n  duration: 5000000000")},
        "symposium.schedule", "talks/engines.md", 5, "lasts 5000000000 minutes; expected at most 12 h",
    ),
    "an end on the wrong side of the day (10:00 PM)": (
        {"talks/engines.md": talk_page("start: 9:10\n  end: 10:00 PM")},
        "symposium.schedule", "talks/engines.md", 5, "lasts 12 h 50 min",
    ),
    "a date at the end of the calendar (9999-12-31)": (
        {"talks/engines.md": talk_page("date: 9999-12-31\n  start: 23:30\n  duration: 60")},
        "symposium.schedule", "talks/engines.md", 4, "too far from the symposium",
    ),
    "an end that overlaps the rest of the morning is blamed once, on its end": (
        {"talks/engines.md": talk_page("start: 9:10\n  end: 8:00 PM"),
         "talks/late.md": "---\ntalk:\n  type: lightning\n  start: 10:30\n  end: 10:40\n---\n# Late\n"},
        "symposium.schedule", "talks/engines.md", 5, "overlaps 'Notes on the Engine' (10:00–10:30 AM), 'Late' (10:30–10:40 AM)",
    ),
    "the same speaker twice on one item": (
        {"talks/engines.md": talk_page("start: 9:10\n  end: 10:00\n  speakers:\n    - charles-babbage\n    - charles-babbage")},
        "symposium.frontmatter", "talks/engines.md", 8, "names 'charles-babbage' twice (lines 7 and 8)",
    ),
    "a speaker heading that is not the name": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: Society\n---\n# Charles Babage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 6, "is not the speaker's name 'Charles Babbage'",
    ),
    "an empty affiliation": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: ''\n---\n# Charles Babbage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 4, "'speaker.affiliation' is empty",
    ),
    # (`affiliation: []` says there is none to give, as an imported schedule's speakers say it)
    "a list of empty affiliations": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: ['']\n---\n# Charles Babbage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 4, "'speaker.affiliation' is empty",
    ),
    "a talk file name that is not a slug": (
        {"talks/Late-Talk.md": "---\ntalk:\n  type: lightning\n  start: 10:30\n  end: 10:40\n---\n# Late\n"},
        "symposium.frontmatter", "talks/Late-Talk.md", 1, "rename the file to late-talk.md",
    ),
    "a speaker file name with a space": (
        {"speakers/grace hopper.md": "---\nspeaker:\n  name: Grace Hopper\n  affiliation: Navy\n---\n# Grace Hopper\n"},
        "symposium.frontmatter", "speakers/grace hopper.md", 1, "rename the file to grace-hopper.md",
    ),
    "a photo from another site": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: Society\n  photo: https://example.org/cb.jpg\n---\n# Charles Babbage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 5, "is a web address",
    ),
    "a start that is a date without a time": (
        {"talks/engines.md": talk_page('start: "2025-11-21"\n  end: 10:00')},
        "symposium.frontmatter", "talks/engines.md", 4, "is the date 2025-11-21 without a time of day",
    ),
    "a date that contradicts an ISO start": (
        {"talks/engines.md": talk_page("date: 2025-11-20\n  start: 2025-11-21T09:10\n  end: 10:00")},
        "symposium.schedule", "talks/engines.md", 4, "'talk.date' is 2025-11-20, but 'talk.start' names 2025-11-21",
    ),
    "an offset that contradicts the event's zone": (
        {"talks/engines.md": talk_page("start: 2025-11-21T09:10:00+09:00\n  end: 10:00")},
        "symposium.schedule", "talks/engines.md", 4, "carries the offset UTC+0900, but the symposium's times are in America/Chicago",
    ),
    # -- front-matter the build would drop without a word ------------------------------------------
    "a talk key above talk: (as Jekyll and Hugo write the date)": (
        {"talks/engines.md": "---\ndate: 2025-11-21\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n---\n# Engines of Thought\n"},
        "symposium.frontmatter", "talks/engines.md", 2, "'date' is a talk key: indent it under 'talk:'",
    ),
    "speakers: indented one level too little": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\nspeakers: [charles-babbage]\n---\n# Engines of Thought\n"},
        "symposium.frontmatter", "talks/engines.md", 6, "'speakers' is a talk key: indent it under 'talk:'",
    ),
    "a speaker key below the speaker: block": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: Society\nphoto: _static/cb.png\n---\n# Charles Babbage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 5, "'photo' is a speaker key: indent it under 'speaker:'",
    ),
    "an entry's key at the top of a program page": (
        {"program/index.md": "---\nprogram:\n  items:\n    - {title: Break, type: break, start: 10:30, end: 10:40}\nroom: Room 1\n---\n# Program\n\n```{program-table}\n```\n"},
        "symposium.frontmatter", "program/index.md", 5, "'room' is a key of an entry of 'program: items:' or 'program: sessions:'",
    ),
    "a misspelt block name": (
        {"talks/engines.md": "---\ntalks:\n  type: keynote\n  start: 9:10\n  end: 10:00\n---\n# Engines of Thought\n"},
        "symposium.frontmatter", "talks/engines.md", 2, "unknown top-level key 'talks', which the site does not read; did you mean 'talk'?",
    ),
    "a speaker who also moderates the same talk": (
        {"talks/notes.md": "---\ntalk:\n  type: discussion\n  start: \"10:00 AM\"\n  duration: 30\n"
                           "  speakers: [ada-lovelace, charles-babbage]\n  moderators: [charles-babbage]\n---\n# Notes on the Engine\n"},
        "symposium.frontmatter", "talks/notes.md", 7, "'charles-babbage' is both a speaker (line 6) and a moderator of 'Notes on the Engine'",
    ),
    "a tab after a value (libyaml takes it, MyST does not)": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\t\n  start: 9:10\n  end: 10:00\n---\n# Engines of Thought\n"},
        "symposium.frontmatter", "talks/engines.md", 3, "a tab at character 16 of this line",
    ),
    "a tab before a comment": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10 \t# the first slot\n  end: 10:00\n---\n# Engines of Thought\n"},
        "symposium.frontmatter", "talks/engines.md", 4, "a tab at character 15 of this line",
    ),
    "a tab after a colon": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start:\t9:10\n  end: 10:00\n---\n# Engines of Thought\n"},
        "symposium.frontmatter", "talks/engines.md", 4, "a tab at character 9 of this line",
    ),
    "a photo path with a space": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: Society\n  photo: _static/my photo.jpg\n---\n# Charles Babbage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 5, "it holds a space, which a web address cannot carry",
    ),
    "a missing photo where the suggestion would put it": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: Society\n  photo: _static/speakers/charles-babbage.jpg\n---\n# Charles Babbage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 5, "is not a file in the project; expected the file there: add it, or correct the path",
    ),
    "a misspelt slug in speaker-list's :only:": (
        {"index.md": "# T\n\n```{speaker-list}\n:only: ada-lovelase\n```\n\n```{toctree}\n:glob:\n\nprogram/index\nspeakers/*\ntalks/*\n```\n"},
        "symposium.reference", "index.md", 3, "names 'ada-lovelase', which has no page in speakers/; did you mean 'ada-lovelace'?",
    ),
    "a key indented one space too far": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n   start: 9:10\n  end: 10:00\n---\n# Engines of Thought\n"},
        "symposium.frontmatter", "talks/engines.md", 4,
        "this line is indented by 3 spaces and the key above it by 2 spaces: the keys of one block line up; expected 2 spaces",
    ),
    "a key indented one space too little": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n start: 9:10\n  end: 10:00\n---\n# Engines of Thought\n"},
        "symposium.frontmatter", "talks/engines.md", 4, "indented by 1 space and the key above it by 2 spaces",
    ),
    # -- messages in the contributor's words ------------------------------------------------------
    "front-matter below a blank line": (
        {"talks/engines.md": "\n" + talk_page("start: 9:10\n  end: 10:00")},
        "symposium.frontmatter", "talks/engines.md", 2, "expected its opening '---' on the very first line",
    ),
    "front-matter without its closing ---": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n# Engines of Thought\n"},
        "symposium.frontmatter", "talks/engines.md", 1, "has no closing '---'",
    ),
    "a time with a dot (9.30)": (
        {"talks/engines.md": talk_page("start: 9.10\n  end: 10:00")},
        "symposium.frontmatter", "talks/engines.md", 4, "got the number 9.10 (hours and minutes take ':'",
    ),
    "a time with 60 seconds": (
        {"talks/engines.md": talk_page("start: 9:10:60\n  end: 10:00")},
        "symposium.frontmatter", "talks/engines.md", 4, "'9:10:60': there is no such time of day",
    ),
    "an empty start": (
        {"talks/engines.md": talk_page("start:\n  end: 10:00")},
        "symposium.frontmatter", "talks/engines.md", 4, "'talk.start' is empty; the item is left out of the program and the exports: expected a time",
    ),
    "a tab in the indentation": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n\tstart: 9:10\n  end: 10:00\n---\n# Engines of Thought\n"},
        "symposium.frontmatter", "talks/engines.md", 4, "indented with a tab; expected spaces",
    ),
    "a status that is not one of the words": (
        {"talks/engines.md": talk_page("start: 9:10\n  end: 10:00\n  status: canceled")},
        "symposium.frontmatter", "talks/engines.md", 6,
        "unknown talk.status 'canceled'; did you mean 'cancelled'? expected one of: scheduled, cancelled, tba",
    ),
    "a cancelled item without its title": (
        {"program/index.md": "---\nprogram:\n  items:\n    - {start: 9:00, end: 9:10, title: Welcome, type: opening}\n"
                             "    - {start: 10:30, end: 10:45, type: break, status: cancelled}\n---\n# Program\n"},
        "symposium.frontmatter", "program/index.md", 5, "missing on a cancelled item; expected the title it had",
    ),
    # -- slides, video and recording ------------------------------------------------------------------
    "a talk's video on a host the page cannot show as a player": (
        {"talks/engines.md": talk_page("start: 9:10\n  end: 10:00\n  video: https://example.org/engines")},
        "symposium.media", "talks/engines.md", 6,
        "'talk.video' (https://example.org/engines) is on example.org, which the site cannot show as a player: "
        "the talk page will give it as a plain link",
    ),
    "a talk's video that is a file but not a video": (
        {"talks/engines.md": talk_page("start: 9:10\n  end: 10:00\n  video: _static/engines.pdf")},
        "symposium.media", "talks/engines.md", 6, "is not a video file the browser plays",
    ),
    "recording: that is not true or false": (
        {"talks/engines.md": talk_page('start: 9:10\n  end: 10:00\n  recording: "no"')},
        "symposium.frontmatter", "talks/engines.md", 6,
        "'talk.recording' should be true or false (false for a talk that must not be recorded), got text 'no'",
    ),
    "a board on a talk that is not a poster": (
        {"talks/engines.md": talk_page("start: 9:10\n  end: 10:00\n  board: 12")},
        "symposium.frontmatter", "talks/engines.md", 6,
        "'talk.board' is '12', but only a poster has a board and this is talk.type 'keynote'; expected 'type: poster'",
    ),
    "a type of the entries without a page on a talk": (
        {"talks/engines.md": "---\ntalk:\n  type: break\n  start: 9:10\n  end: 10:00\n---\n# Engines\n"},
        "symposium.frontmatter", "talks/engines.md", 3,
        "talk.type 'break' is a type of the program's entries without a page",
    ),
    "a poster misspelt as a type": (
        {"talks/engines.md": "---\ntalk:\n  type: posters\n  start: 9:10\n  end: 10:00\n---\n# Engines\n"},
        "symposium.frontmatter", "talks/engines.md", 3,
        "did you mean 'poster'? expected one of: keynote, invited, contributed, panel, discussion, tutorial, lightning, "
        "poster, demo (conf.py's symposium_types adds more)",
    ),
    "a poster without a time in a session no page defines": (
        {"talks/poster.md": "---\ntalk:\n  type: poster\n  session: posters\n  board: 1\n---\n# A Poster\n"},
        "symposium.reference", "talks/poster.md", 4, "names session 'posters', which no page defines",
    ),
    "a talk's language that is a country's code": (
        {"talks/engines.md": talk_page("start: 9:10\n  end: 10:00\n  language: jp")},
        "symposium.frontmatter", "talks/engines.md", 6,
        "'talk.language' is 'jp', which is not a language that the Unicode CLDR knows ('JP' is the code of the "
        "region Japan, whose likely language is Japanese); did you mean 'ja'? expected a BCP 47 tag",
    ),
    "a talk's language that is not a language tag": (
        {"talks/engines.md": talk_page("start: 9:10\n  end: 10:00\n  language: de_DE")},
        "symposium.frontmatter", "talks/engines.md", 6,
        "'talk.language' is 'de_DE', which is not a language tag (written with '-': 'de-DE'); expected a BCP 47 tag",
    ),
    "program items of the wrong shape": (
        {"program/index.md": "---\nprogram:\n  items:\n    - Welcome at 9\n---\n# Program\n"},
        "symposium.frontmatter", "program/index.md", 4, "should be a mapping",
    ),
    "an abstract over the limit": (
        # after an HTML comment and a target, markup the count leaves out: 39 + 2 + 25 ("- one item", a line, "- another item") + 2 + 10,999 characters
        {"talks/engines.md": talk_page("start: 9:10\n  end: 10:00") + "\n<!-- a note -->\n\n(abstract)=\n"
         "A *first* paragraph with `code` and [a link](https://example.org).\n\n- one item\n- another item\n\n"
         + ("word " * 2200).strip() + "\n"},
        "symposium.export", "talks/engines.md", 12, "the abstract is 11,067 characters; the page shows it whole",
    ),
}

#: on tests/roots/test-conference (sessions, rooms, tracks): files -> (type, path, line, words of the message)
CONFERENCE_CASES = {
    "a talk after midnight dated by the evening before it": (
        {"talks/late-one.md": "---\ntalk:\n  type: contributed\n  date: 2026-06-02\n  start: 0:10\n  end: 0:40\n"
                              "  room: Room 1\n---\n# Late One\n"},
        "symposium.schedule", "talks/late-one.md", 4,
        "'Late One' at 12:10 AM on 2026-06-02 belongs to the program of 2026-06-01, outside the symposium "
        "(2026-06-02 to 2026-06-04): after midnight the date is the calendar's, and a time before 4:00 AM "
        "(symposium_day_change) closes the day before; expected 'date: 2026-06-03' for the night after 2026-06-02",
    ),
    "a talk naming an unknown session": (
        {"talks/data-lakes.md": "---\ntalk:\n  type: invited\n  session: s33\n  start: 14:00\n  end: 14:45\n---\n# Data Lakes\n"},
        "symposium.reference", "talks/data-lakes.md", 4, "names session 's33', which no page defines in 'program: sessions:'; did you mean 's3'?",
    ),
    "a talk outside its session's time": (
        {"talks/data-lakes.md": "---\ntalk:\n  type: invited\n  session: s3\n  start: 15:00\n  end: 16:00\n---\n# Data Lakes\n"},
        "symposium.schedule", "talks/data-lakes.md", 5, "is outside its session 's3' (2:00–3:30 PM)",
    ),
    "a talk in another room than its session": (
        {"talks/data-lakes.md": "---\ntalk:\n  type: invited\n  session: s3\n  room: Room 2\n  start: 14:00\n  end: 14:45\n---\n# Data Lakes\n"},
        "symposium.schedule", "talks/data-lakes.md", 5, "is in 'Room 2', but its session 's3' is in 'Room 1'",
    ),
    "a room that is not in symposium_rooms": (
        {"talks/data-lakes.md": "---\ntalk:\n  type: invited\n  room: Hal A\n  date: 2026-06-03\n  start: 16:00\n  end: 16:45\n---\n# Data Lakes\n"},
        "symposium.frontmatter", "talks/data-lakes.md", 4, "'talk.room' is 'Hal A', which is not in symposium_rooms; did you mean 'Hall A'?",
    ),
    "a stream that is not a web address": (
        {"talks/data-lakes.md": "---\ntalk:\n  type: invited\n  session: s3\n  stream: rtmp://live.example.org/s3\n"
                                "  start: 14:00\n  end: 14:45\n---\n# Data Lakes\n"},
        "symposium.frontmatter", "talks/data-lakes.md", 5,
        "'talk.stream' should be an http(s) URL such as 'https://stream.example.org/hall-a', got 'rtmp://live.example.org/s3'",
    ),
    "a session's stream that is not a web address": (
        {"program/day-2.md": "---\nprogram:\n  sessions:\n    - id: s9\n      title: Late\n      date: 2026-06-03\n"
                             "      start: 18:00\n      end: 19:00\n      room: Room 2\n      stream: hall-b\n---\n# Day 2\n"},
        "symposium.frontmatter", "program/day-2.md", 10, "'program.sessions.0.stream' should be an http(s) URL",
    ),
    "a track that is not in symposium_tracks": (
        {"talks/data-lakes.md": "---\ntalk:\n  type: invited\n  session: s3\n  track: A.I.\n  start: 14:00\n  end: 14:45\n---\n# Data Lakes\n"},
        "symposium.frontmatter", "talks/data-lakes.md", 5, "not in symposium_tracks",
    ),
    "two posters on one board of a session": (
        {"program/posters.md": "---\nprogram:\n  sessions:\n    - {id: p1, title: Posters, date: 2026-06-04, start: 14:00, "
                               "end: 15:00, room: Room 1}\n---\n# Posters\n",
         "talks/poster-one.md": "---\ntalk:\n  type: poster\n  session: p1\n  board: 5\n---\n# Poster One\n",
         "talks/poster-two.md": "---\ntalk:\n  type: poster\n  session: p1\n  board: 5\n---\n# Poster Two\n"},
        "symposium.schedule", "talks/poster-two.md", 5,
        "'Poster Two' is on board 5 of session 'p1', as is 'Poster One' (talks/poster-one, line 5); expected one poster per board",
    ),
    "posters at one time in one room outside a session": (
        {"talks/poster-one.md": "---\ntalk:\n  type: poster\n  date: 2026-06-04\n  room: Room 1\n  start: 14:00\n  end: 15:00\n---\n# Poster One\n",
         "talks/poster-two.md": "---\ntalk:\n  type: poster\n  date: 2026-06-04\n  room: Room 1\n  start: 14:00\n  end: 15:00\n---\n# Poster Two\n"},
        "symposium.schedule", "talks/poster-two.md", 7, "posters that share a room and a time belong to one session",
    ),
    "a speaker in two places at once": (
        {"talks/data-lakes.md": "---\ntalk:\n  type: invited\n  date: 2026-06-02\n  room: Room 1\n  start: 10:30\n  end: 11:15\n  speakers: [alan-turing]\n---\n# Data Lakes\n"},
        "symposium.schedule", "talks/data-lakes.md", 8, "'alan-turing' is in two places at once: 'Data Lakes'",
    ),
}


# -- khal, a calendar program (Debian's khal), for what a calendar does with the exports ----------------


def khal_in(folder: Path) -> Callable[..., str]:
    """``khal`` with a calendar ``conference`` of its own in ``folder`` (Europe/Berlin, 24-hour
    times): ``khal("import", "--batch", "-a", "conference", path)``, ``khal("list", ...)``."""
    store = folder / "calendar"
    store.mkdir()
    config = folder / "khal.conf"
    config.write_text(f"[calendars]\n[[conference]]\npath = {store}\ntype = calendar\n[locale]\n"
                      "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
                      "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
                      "local_timezone = Europe/Berlin\ndefault_timezone = Europe/Berlin\n", "utf-8")
    env = {**os.environ, "XDG_DATA_HOME": str(folder / "data"), "XDG_CONFIG_HOME": str(folder / "config")}

    def khal(*args: str) -> str:
        return subprocess.run(["khal", "-c", str(config), *args], env=env, check=True, capture_output=True,
                              text=True).stdout

    return khal


# -- what submitters type, and an event to import it into (tests/build/test_import_text.py, tests/browser/) --

SCHEDULES = REPO / "tests" / "data" / "schedules"
CONF = ("project = 'Imported'\nextensions = ['myst_parser', 'symposium']\nexclude_patterns = ['_build']\n"
        "html_baseurl = 'https://imported.example.org/'\nsymposium_date = '{date}'\nsymposium_end_date = '{end}'\n"
        "symposium_timezone = '{zone}'\n{extra}")
#: the site's own MyST extensions: what an abstract could reach for
MYST = "myst_enable_extensions = ['colon_fence', 'substitution', 'attrs_inline', 'attrs_block', 'dollarmath']\n"


def fresh_event(target: Path, date: str, end: str, zone: str, extra: str = "") -> Path:
    """An event with no talk, speaker or program item yet (as `symposium init` leaves it)."""
    (target / "program").mkdir(parents=True)
    (target / "conf.py").write_text(CONF.format(date=date, end=end, zone=zone, extra=MYST + extra))
    (target / "index.md").write_text("# An empty event\n\n```{program-table}\n```\n\n```{toctree}\n:glob:\n\n"
                                     "program/*\nspeakers/*\ntalks/*\n```\n")
    (target / "program" / "index.md").write_text("# Program\n\n```{program-table}\n```\n")
    return target


HOSTILE_ABSTRACT = (
    "Ordinary words first.\n\n<script>alert('abstract')</script>\n\n<img src=x onerror=alert(1)> "
    "<dialog open>Dialogue stays as text</dialog> \"><svg onload=alert(2)>\n\n"
    "[click](javascript:alert(3)) <a href=\"javascript:alert(4)\">jslink</a>\n\n"
    "```{raw} html\n<script>alert(5)</script>\n```\n\n```{eval-rst}\n.. raw:: html\n\n   <b>rst</b>\n```\n\n"
    "```{include} /etc/passwd\n```\n\n:::{raw} html\n<script>alert(6)</script>\n:::\n\n"
    "{raw}`<b>x</b>` {doc}`index` {{ project }} $x^2$\n\n### A heading\n\n# Another\n\n"
    "% a comment\n(target)=\n+++\n\n                    indented by twenty spaces\n\x00\x07 control \u202eoverride"
)
HOSTILE_MARKDOWN = ("Ordinary words first.\n\n<script>alert('abstract')</script>\n\n```{raw} html\n<script>alert(5)</script>\n"
                    "```\n\n:::{raw} html\n<script>alert(6)</script>\n:::\n\n{raw}`x` {doc}`index` {{ project }} $x^2$\n\n"
                    "### A heading\n\n- one\n  - two\n\n% a comment\n(target)=\n+++\n\n"
                    "                    indented by twenty spaces\n\x00\x07 control \u202eoverride")
#: titles and names YAML could misread (the heading's comparison of names with quotes is not tested here)
TITLES = ["Session: a talk #1", "'Quoted' and \"double\"", "- leading dash", "!important & *star* %percent @at",
          "`backticks` {braces} $dollar", "Tab\there and a: colon", "? question", "[bracket] | pipe > more"]


def hostile_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Title", "Speakers", "Start", "End", "Room", "Track", "Session", "Abstract"])
    for n, title in enumerate(TITLES):
        abstract = HOSTILE_ABSTRACT if n % 2 == 0 else HOSTILE_MARKDOWN
        writer.writerow([title, f"Ada Lovelace{n} (Lab #{n}: 'x')", f"{9 + n}:00", f"{9 + n}:30",
                         "Room: 'A' #1", "Track & *one*", "Session 1: \"AI\"", abstract])
    return out.getvalue().encode()


def hostile_xml() -> bytes:
    schedule = ElementTree.Element("schedule")
    conference = ElementTree.SubElement(schedule, "conference")
    ElementTree.SubElement(conference, "time_zone_name").text = "Europe/Berlin"
    day = ElementTree.SubElement(schedule, "day", index="1", date="2026-03-12")
    room = ElementTree.SubElement(day, "room", name="Hall: 'A' #1")
    for n, title in enumerate(TITLES):
        event = ElementTree.SubElement(room, "event", guid=f"0000000{n}-0000-4000-8000-000000000000", id=str(n + 1))
        for key, value in (("date", f"2026-03-12T{9 + n:02d}:00:00+01:00"), ("start", f"{9 + n:02d}:00"),
                           ("duration", "00:30"), ("room", "Hall: 'A' #1"), ("title", title), ("type", "talk"),
                           ("track", "Track & *one*"), ("abstract", HOSTILE_ABSTRACT), ("description", HOSTILE_MARKDOWN)):
            ElementTree.SubElement(event, key).text = re.sub("[\x00-\x08]", "", value)  # what XML 1.0 allows
        persons = ElementTree.SubElement(event, "persons")
        ElementTree.SubElement(persons, "person", id=str(n)).text = f"Ada Lovelace{n}"
    return ElementTree.tostring(schedule, encoding="utf-8", xml_declaration=True)


def hostile_json() -> bytes:
    events = [{"guid": f"0000000{n}-0000-4000-8000-000000000000", "id": n + 1, "date": f"2026-03-12T{9 + n:02d}:00:00+01:00",
               "start": f"{9 + n:02d}:00", "duration": "00:30", "room": "Hall: 'A' #1", "title": title, "type": "Talk",
               "track": "Track & *one*", "abstract": HOSTILE_MARKDOWN, "description": HOSTILE_ABSTRACT,
               "persons": [{"public_name": f"Ada Lovelace{n}", "biography": HOSTILE_ABSTRACT}]}
              for n, title in enumerate(TITLES)]
    data = {"schedule": {"conference": {"time_zone_name": "Europe/Berlin",
                                        "days": [{"date": "2026-03-12", "rooms": {"Hall: 'A' #1": events}}]}}}
    return json.dumps(data).encode()


# -- a day of many rooms (tests/browser/test_grid_browser.py) -------------------------------------------


def choose_rooms(page, *rooms: str) -> None:
    """On a page with a grid, show only ``rooms`` with the toolbar's room chooser (all of them without any)."""
    summary = page.locator(".symposium-rooms > summary")
    summary.click()
    page.get_by_role("button", name="No rooms" if rooms else "All rooms").click()
    for room in rooms:
        page.get_by_role("checkbox", name=room, exact=True).check()
    summary.click()


#: titles as conferences have them, with long words that a narrow column must not break mid-word
GRID_TITLES = [
    "Introduction to optimisations of hyperparameter search",
    "Internationalisation of documentation toolchains",
    "Reproducibility of containerised workflows on supercomputers",
    "Characterising interoperability between schedulers",
    "Observability for microservices: lessons from production",
    "Decentralised authentication with verifiable credentials",
    "Accelerating bioinformatics pipelines on heterogeneous hardware",
    "Energy-efficient inference at the edge",
    "Multidimensional visualisation of simulation outputs",
    "Property-based testing of distributed databases",
    "Incrementally parallelised compilers, a retrospective",
    "Why your continuous integration is slow",
]
#: buildings and rooms as a university campus names them (FOSDEM's, for one)
_BUILDINGS = ["H", "K", "UA", "UB", "UD", "AW", "J"]
_HALLS = ["Janson", "Auditorium Maximum", "Salle des Conférences", "Lecture Theatre"]


def grid_rooms(count: int) -> list[str]:
    """``count`` rooms: a few halls with names of words, then numbered rooms of several buildings."""
    halls = _HALLS[:count]
    numbered = [f"{_BUILDINGS[n % len(_BUILDINGS)]}.{1 + n // 20}.{100 + 3 * n}" for n in range(count - len(halls))]
    return halls + numbered


def many_rooms_site(rooms: int) -> dict[str, str]:
    """The files of a one-day event in ``rooms`` rooms, as the real site is themed: a talk per room
    and slot, from 9:00 to 17:00 with an hour for lunch from 12:30, each room's slots of its own
    length (so the grid's rows are many, as a large conference's are), a few talks with pages and
    speakers, the rest items of the program page (cheap to build). ``program/grid.md`` is the grid."""
    names = grid_rooms(rooms)
    speakers = ["ada-lovelace", "grace-hopper", "alan-turing"]
    files = {
        "conf.py": "\n".join([
            "extensions = ['myst_parser', 'symposium']",
            "exclude_patterns = ['_build']",
            "project = 'Many Rooms 2026'",
            "html_baseurl = 'https://rooms.example.org/'",
            "symposium_date = '2026-02-01'",
            "symposium_timezone = 'Europe/Brussels'",
            f"symposium_rooms = {names!r}",
            "symposium_max_gap_minutes = 600",
            # as the real site's conf.py: the theme without sidebars
            "html_theme = 'pydata_sphinx_theme'",
            "html_title = project",
            "html_sidebars = {'**': []}",
            "html_theme_options = {'secondary_sidebar_items': [], 'show_prev_next': False,"
            " 'navbar_end': ['theme-switcher']}",
            "",
        ]),
        "index.md": "# Many Rooms 2026\n\n```{toctree}\n:glob:\n\nprogram/*\nspeakers/*\ntalks/*\n```\n",
        "program/grid.md": "# Rooms side by side\n\n```{program-grid}\n```\n",
    }
    for slug in speakers:
        name = slug.replace("-", " ").title()
        files[f"speakers/{slug}.md"] = f"---\nspeaker:\n  name: {name}\n  affiliation: Example University\n---\n# {name}\n"
    items = []
    for n, room in enumerate(names):
        length = (25, 30, 40, 45, 50)[n % 5]
        for half, (begin, end) in enumerate(((9 * 60, 12 * 60 + 30), (13 * 60 + 30, 17 * 60))):
            start = begin + 5 * (n % 3)
            slot = 0
            while start + length <= end:
                title = GRID_TITLES[(n + 2 * slot + 5 * half) % len(GRID_TITLES)]
                when = f"start: {start // 60}:{start % 60:02d}, duration: {length}"
                if n < len(speakers) and half == 0 and slot == 0:  # a talk with a page, by a speaker
                    files[f"talks/talk-{n}.md"] = (f"---\ntalk:\n  type: invited\n  {when.replace(', ', chr(10) + '  ')}\n"
                                                   f"  room: \"{room}\"\n  speakers: [{speakers[n]}]\n---\n# {title}\n")
                else:
                    people = f", speakers: [{speakers[n]}]" if n < len(speakers) else ""
                    items.append(f"    - {{{when}, title: \"{title}\", type: contributed, room: \"{room}\"{people}}}")
                start += length + 10
                slot += 1
    files["program/index.md"] = "---\nprogram:\n  items:\n" + "\n".join(items) + "\n---\n# Program\n\nThe items of the grid.\n"
    return files
