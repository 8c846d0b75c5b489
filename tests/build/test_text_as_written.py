"""Titles, names, tracks, rooms and abstracts leave the site as the contributor wrote them.

SmartQuotes is the typography of the page's own heading and text; the exports (calendars, the
apps' schedules, JSON-LD, citations) carry the characters of the source: straight quotes stay
straight, ``-->`` stays an arrow (on the page too), a no-break space stays one, and an abstract
keeps its paragraphs, list items and code on lines of their own. Names with an apostrophe or
quotes pass the heading check everywhere it is made: the build, ``symposium check``, ``symposium
new speaker`` and the import.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from helpers import (
    ROOTS,
    build_app,
    calendar,
    copy_root,
    events,
    jsonld,
    meta,
    parse_page,
    parse_warnings,
    run_tool,
    schedule_events,
)
from symposium.cli.check import check_site
from symposium.environment.markdown_pages import text_below_heading

TITLE = "I don't care: \"quoted\" A-->B <-- C, Workflows\u00a0AI"
NAME = "Amy O'Donnell"
TRACK = "AI\u00a0Workflows"
ROOM = "Room \"264\""
BODY = """A first paragraph that says "I don't" and A-->B,
on two lines, with `code -- spans` and a no-break space in AI\u00a0Workflows.

- a list item
- another, with `Vector<T>`
  - a nested one

1. numbered
2. twice

```
code block
  indented -- kept
```

> a quote

Last paragraph.
"""
#: the abstract as every export carries it: the source's characters and lines, Markdown's markup dropped
ABSTRACT = """A first paragraph that says "I don't" and A-->B, on two lines, with code -- spans and a no-break space in AI\u00a0Workflows.

- a list item
- another, with Vector<T>
  - a nested one

1. numbered
2. twice

code block
  indented -- kept

> a quote

Last paragraph."""

FILES = {
    "conf.py": (ROOTS / "test-minimal" / "conf.py").read_text("utf-8")
    + f"\nsymposium_tracks = [{TRACK!r}]\nsymposium_rooms = ['Room 1', {ROOM!r}]\n",
    "speakers/amy-odonnell.md": f"---\nspeaker:\n  name: {NAME}\n  affiliation: \"Pisa's \\\"Best\\\" Lab\"\n---\n# {NAME}\n\nBio.\n",
    "talks/quotes.md": (f"---\ntalk:\n  type: contributed\n  start: 10:30\n  end: 11:00\n  speakers: [amy-odonnell]\n"
                        f"  track: \"{TRACK}\"\n  room: '{ROOM}'\n---\n# {TITLE}\n\n{BODY}"),
}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    srcdir = copy_root("minimal", tmp_path_factory.mktemp("as-written") / "src")
    for path, text in FILES.items():
        (srcdir / path).write_text(text, "utf-8")
    return build_app(srcdir, "dirhtml")


def test_it_builds_without_a_warning(app):
    assert parse_warnings(app) == []


def test_the_calendars_carry_the_source_text(app):
    (event,) = [e for e in events(calendar(app)) if str(e["SUMMARY"]) == TITLE]
    assert str(event["DESCRIPTION"]).startswith(ABSTRACT + "\n\n")
    assert NAME in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]).startswith(ROOM)
    (talk_event,) = events(calendar(app, "talks/quotes.ics"))
    assert str(talk_event["SUMMARY"]) == TITLE


def test_the_apps_schedules_carry_the_source_text(app):
    out = Path(app.outdir)
    (event,) = [e for e in schedule_events(json.loads((out / "schedule.json").read_text("utf-8")))
                if e["slug"].endswith("quotes")]
    assert (event["title"], event["abstract"], event["track"], event["room"]) == (TITLE, ABSTRACT, TRACK, ROOM)
    assert [person["name"] for person in event["persons"]] == [NAME]
    xml = etree.parse(str(out / "schedule.xml"))
    (element,) = xml.xpath("//event[slug[contains(., 'quotes')]]")
    assert (element.findtext("title"), element.findtext("abstract"), element.findtext("track")) == (TITLE, ABSTRACT, TRACK)
    assert element.findtext("room") == ROOM
    assert element.xpath("persons/person/text()") == [NAME]


def test_json_ld_and_citations_carry_the_source_text(app):
    page = parse_page(app, "talks/quotes/index.html")
    data = jsonld(page)
    assert (data["name"], data["description"]) == (TITLE, ABSTRACT)
    assert [p["name"] for p in data["performer"]] == [NAME]
    assert meta(page, "citation_title") == [TITLE]
    assert meta(page, "citation_abstract") == [ABSTRACT]
    (csl,) = json.loads((Path(app.outdir) / "talks/quotes.csl.json").read_text("utf-8"))
    assert (csl["title"], csl["abstract"]) == (TITLE, ABSTRACT)
    assert csl["author"] == [{"family": "O'Donnell", "given": "Amy"}]


def test_the_page_keeps_its_typography_but_no_arrow_becomes_a_dash(app):
    page = parse_page(app, "talks/quotes/index.html")
    heading = page.xpath("//h1")[0].text_content().rstrip("#\u00b6")
    assert heading == "I don’t care: “quoted” A-->B <-- C, Workflows\u00a0AI"
    body = page.xpath("//h1/ancestor::section[1]")[0].text_content()
    assert "A-->B" in body and "\u2013>" not in body and "<\u2013" not in body
    assert "code -- spans" in body  # code is never typeset
    # the program, the talk list and the speaker's page list the title as written
    home = parse_page(app, "index.html")
    assert [title.text_content() for title in home.xpath("//*[contains(@class, 'symposium-title')]//bdi")
            if "care" in title.text_content()] == [TITLE, TITLE]  # the program and the talk list


def test_the_check_reads_the_abstract_as_the_build_does(app):
    source = FILES["talks/quotes.md"]
    assert text_below_heading(source).text == ABSTRACT


def test_names_with_quotes_pass_everywhere_the_heading_is_checked(tmp_path):
    srcdir = copy_root("minimal", tmp_path / "src")
    names = {"amy-odonnell": "Amy O'Donnell", "kevin-lhopital": "Kévin L'hôpital", "marc-prudhommeaux": "Marc Prud'hommeaux",
             "tommaso-bernabo": "Tommaso Bernabo'", "roman-storozhenko": 'Roman "Hedin" Storozhenko',
             "andrew-huang": "Andrew 'bunnie' Huang", "conan-obrien": "Conan O’Brien", "lea-dangelo": "Léa “Lili” D'Angelo"}
    # written by `symposium new speaker`, which quotes the YAML and checks the page before writing it
    for slug, name in names.items():
        done = run_tool(srcdir, "new", "speaker", slug, "--name", name, "--affiliation", "Example University")
        assert done.returncode == 0, done.stderr + done.stdout
    assert check_site(srcdir) == []
    app = build_app(srcdir, "dirhtml", warningiserror=True)
    assert parse_warnings(app) == []
    for slug, name in names.items():
        page = parse_page(app, f"speakers/{slug}/index.html")
        assert jsonld(page)["name"] == name


def test_a_name_and_its_heading_may_typeset_quotes_differently(tmp_path):
    srcdir = copy_root("minimal", tmp_path / "src")
    (srcdir / "speakers/amy.md").write_text("---\nspeaker:\n  name: Amy O'Donnell\n  affiliation: X\n---\n# Amy O’Donnell\n",
                                            "utf-8")
    assert check_site(srcdir) == []
    assert parse_warnings(build_app(srcdir, "html")) == []


def test_an_import_keeps_names_with_quotes_and_no_break_spaces(tmp_path):
    srcdir = copy_root("minimal", tmp_path / "src")
    rows = [["Title", "Speakers", "Date", "Start", "End", "Room", "Track", "Type", "Abstract"],
            [TITLE, "Amy O'Donnell (Pisa's Lab); Roman \"Hedin\" Storozhenko (KPI)", "2025-11-21", "10:30", "11:00",
             "Room 1", TRACK, "contributed", "It's \"quoted\",\nand A-->B."]]
    (srcdir / "program.csv").write_text("\n".join(",".join('"' + cell.replace('"', '""') + '"' for cell in row)
                                                  for row in rows) + "\n", "utf-8")
    done = run_tool(srcdir, "import", "program.csv")
    assert done.returncode == 0, done.stderr + done.stdout
    assert check_site(srcdir) == []
    app = build_app(srcdir, "dirhtml", warningiserror=True)
    (event,) = [e for e in schedule_events(json.loads((Path(app.outdir) / "schedule.json").read_text("utf-8")))
                if e["title"] == TITLE]
    assert (event["title"], event["track"]) == (TITLE, TRACK)
    assert [person["name"] for person in event["persons"]] == [NAME, 'Roman "Hedin" Storozhenko']
    assert event["abstract"] == "It's \"quoted\", and A-->B."


@pytest.mark.parametrize(("body", "description"), [
    # an abstract in raw HTML (as written by hand): its text, not the page's generated header
    ("<div><p>An <b>HTML</b> abstract &amp; more.</p></div>\n", "An HTML abstract & more."),
    ("", "A talk without text \u2013 Test Symposium 2025"),  # no text yet: the title and the event
])
def test_a_talk_is_never_described_by_its_header(tmp_path, body, description):
    srcdir = copy_root("minimal", tmp_path / "src")
    (srcdir / "talks/engines.md").write_text("---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n"
                                             f"  speakers: [charles-babbage]\n---\n# A talk without text\n\n{body}", "utf-8")
    app = build_app(srcdir, "dirhtml", confoverrides={"extensions": ["myst_parser", "sphinxext.opengraph", "symposium"]})
    page = parse_page(app, "talks/engines/index.html")
    assert meta(page, "description") == [description]
    assert meta(page, "og:description") == [description]
    (event,) = [e for e in events(calendar(app)) if str(e["SUMMARY"]) == "A talk without text"]
    assert str(event["DESCRIPTION"]).startswith(description if body else "Speaker: ")
