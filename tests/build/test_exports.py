"""The exports of small test roots, read back with real parsers: identifiers, hostile titles, builders.

The real site's exports are checked in tests/site/test_site_exports.py.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import etree, html

from helpers import ROOTS, build_app, calendar, events, parse_page, parse_warnings, schedule_events, select_one

# -- stable and reproducible ------------------------------------------------------------------------


LATE_TALK = "---\ntalk:\n  type: lightning\n  start: 10:30\n  end: 10:40\n  speakers: [ada-lovelace]\n---\n# Late\n"


def identifiers(app) -> dict[str, tuple[str, str, int]]:
    """title -> (UID, guid, id)."""
    uids = {str(e["SUMMARY"]): str(e["UID"]) for e in events(calendar(app))}
    data = json.loads((Path(app.outdir) / "schedule.json").read_text("utf-8"))
    return {e["title"]: (uids[e["title"]], e["guid"], e["id"]) for e in schedule_events(data)}


def test_identifiers_survive_rebuilds_and_new_items(tmp_path):
    first_src, second_src = tmp_path / "one", tmp_path / "two"
    shutil.copytree(ROOTS / "test-minimal", first_src)
    shutil.copytree(ROOTS / "test-minimal", second_src)
    (second_src / "talks/late.md").write_text(LATE_TALK, "utf-8")
    (second_src / "program/index.md").write_text(
        (second_src / "program/index.md").read_text("utf-8").replace(
            "speakers: [ada-lovelace]}", "speakers: [ada-lovelace]}\n    - {start: 10:40, end: 11:00, title: Break, type: break}"),
        "utf-8")
    builds = []
    for srcdir in (first_src, first_src, second_src):
        app = build_app(srcdir, "dirhtml")
        assert parse_warnings(app) == []
        builds.append(identifiers(app))
    assert builds[0] == builds[1]
    assert set(builds[2]) == {*builds[0], "Late", "Break"}
    assert {title: builds[2][title] for title in builds[0]} == builds[0]


# -- what would break an export, and builders without exports --------------------------------------------


HOSTILE_TITLE = "</script><b>\"x\" & 'y'"


def test_a_hostile_title_comes_out_intact_in_every_export(build):
    app = build({"talks/engines.md": f"---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n---\n# {HOSTILE_TITLE}\n\nAbstract.\n"},
                buildername="dirhtml")
    assert [w.type for w in parse_warnings(app)] == ["symposium.frontmatter"]  # raw HTML in a title: shown as text
    out = Path(app.outdir)
    assert str(events(calendar(app, "talks/engines.ics"))[0]["SUMMARY"]) == HOSTILE_TITLE
    assert HOSTILE_TITLE in [str(e["SUMMARY"]) for e in events(calendar(app))]
    assert HOSTILE_TITLE in [e["title"] for e in schedule_events(json.loads((out / "schedule.json").read_text("utf-8")))]
    assert HOSTILE_TITLE in [e.findtext("title") for e in etree.parse(str(out / "schedule.xml")).iter("event")]
    for page in out.rglob("*.html"):
        assert not html.parse(str(page)).getroot().xpath("//b"), page


def test_two_items_with_one_identifier_are_a_located_warning(build):
    app = build({"program/index.md": (
        "---\nprogram:\n  items:\n"
        "    - {start: 9:00, end: 9:10, title: Welcome, type: opening, room: Hall A}\n"
        "    - {start: 9:00, end: 9:10, title: Welcome, type: opening, room: Hall B}\n"
        "    - {start: 9:00, end: 9:10, title: Welcome, type: opening, room: Hall B}\n"
        "---\n# Program\n\n```{program-table}\n```\n")})
    found = [w for w in parse_warnings(app) if w.type == "symposium.export"]
    assert [(w.path, w.line) for w in found] == [("program/index.md", 6)]
    assert "the same identifier" in found[0].message and "line 5" in found[0].message


def test_a_title_that_is_only_markup_is_no_title(build):
    app = build({"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n---\n# ![](missing.png)\n"})
    assert any("the talk has no title" in w.message for w in parse_warnings(app))


@pytest.mark.parametrize("buildername", ["singlehtml", "text"])
def test_builders_without_exports_write_none_and_link_none(built, buildername):
    app = built("minimal", buildername)
    out = Path(app.outdir)
    assert not (out / "program.ics").exists() and not (out / "schedule.json").exists()
    text = "".join(p.read_text("utf-8") for p in out.rglob("*") if p.suffix in {".html", ".txt"})
    assert "Engines of Thought" in text  # the pages, written without the links
    assert "Add to calendar" not in text and "Download the program" not in text


def test_without_html_baseurl_one_warning_and_no_exports(built):
    app = built("minimal", "html", html_baseurl="")
    found = parse_warnings(app)
    assert [w.type for w in found] == ["symposium.config"] and "html_baseurl" in found[0].message
    assert not (Path(app.outdir) / "program.ics").exists()
    assert "Add to calendar" not in (Path(app.outdir) / "talks/engines.html").read_text("utf-8")


def test_the_html_builder_names_calendars_beside_its_pages(built):
    app = built("minimal", "html")
    out = Path(app.outdir)
    link = select_one(parse_page(app, "talks/engines.html"), '//a[contains(@class, "symposium-calendar-link")]')
    assert link.get("href") == "engines.ics" and (out / "talks/engines.ics").is_file()
    assert str(events(calendar(app, "talks/engines.ics"))[0]["URL"]) == "https://symposium.example.org/talks/engines.html"
