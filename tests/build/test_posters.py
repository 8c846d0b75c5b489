"""A poster session, a demo and the site's own types (tests/roots/test-posters)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import (
    ROOTS,
    VALIDATORS,
    build_app,
    calendar,
    edit_source,
    events,
    jsonld,
    parse_page,
    parse_warnings,
    schedule_events,
    select,
    select_one,
    symposium_warnings,
    words,
)
from symposium.cli.check import check_site


@pytest.fixture(scope="module")
def posters(built):
    return built("posters", "dirhtml")


def classes(node) -> list[str]:
    return node.get("class", "").split()


def test_the_root_builds_without_a_warning(posters):
    assert parse_warnings(posters) == []
    assert check_site(Path(posters.srcdir)) == []


def test_the_program_lists_the_session_and_its_posters_by_board(posters):
    doc = parse_page(posters, "program/index.html")
    rows = select(doc, '//table[contains(@class, "symposium-program")]/tbody/tr')
    assert [words(tr) for tr in rows] == [
        "9:30–10:15 AM Spotlight Talk Notes on the Analytical Engine Ada Lovelace Aula Magna",
        "10:15–10:45 AM Demo The Difference Engine, Live Charles Babbage Aula Magna",
        "Poster session: engines at work · 11:00 AM–12:30 PM · Foyer Chair: Charles Babbage",
        "11:00 AM–12:30 PM Poster Board 3 · The First Compiler Grace Hopper Foyer",
        "11:00 AM–12:30 PM Poster Board 7 · Gear Tolerances in Practice Charles Babbage Foyer",
        "11:00 AM–12:30 PM Poster Board 12 · Punched Cards as Programs Ada Lovelace Foyer",
        "2:00–5:00 PM Hackathon Build an engine Aula Magna",
    ]
    # each poster row is a poster's, its board a mark of its own
    assert [words(b) for b in select(doc, '//tr[contains(@class, "symposium-row-poster")]//*[@class="symposium-board"]')] == [
        "Board 3", "Board 7", "Board 12"]
    # a type of symposium_types carries its own class and its colour class
    spotlight, demo, hackathon = rows[0], rows[1], rows[-1]
    assert {"symposium-row-spotlight", "symposium-row-keynote"} <= set(classes(spotlight))
    assert "symposium-row-demo" in classes(demo)
    assert {"symposium-row-hackathon", "symposium-row-social"} <= set(classes(hackathon))
    badge = select_one(spotlight, './/*[contains(@class, "symposium-badge")]')
    assert classes(badge) == ["symposium-badge", "symposium-badge-spotlight", "symposium-badge-keynote"]


def test_the_sessions_page_lists_its_posters_with_their_boards(posters):
    doc = parse_page(posters, "program/posters/index.html")
    titles = [words(t) for t in select(doc, '//table//*[contains(@class, "symposium-title")]')]
    assert titles == ["The First Compiler", "Gear Tolerances in Practice", "Punched Cards as Programs"]
    talks = [words(li.xpath('.//*[contains(@class, "symposium-talk-meta")]')[0])
             for li in select(doc, '//li[contains(@class, "symposium-talk")]')]
    assert talks == [f"Poster, board {board} 11:00 AM–12:30 PM CEST" for board in (3, 7, 12)]


def test_the_grid_gives_the_session_one_place_holding_its_posters(posters):
    doc = parse_page(posters, "program/grid/index.html")
    box = select_one(doc, '//div[contains(@class, "symposium-grid-posters")]')
    assert "grid-row" in box.get("style") and "grid-column: 3" in box.get("style")  # the Foyer's column
    assert words(box.xpath('./p[contains(@class, "symposium-grid-session")]')[0]) == "Poster session: engines at work"
    cells = box.xpath('./div[contains(@class, "symposium-grid-item")]')
    assert [words(c.xpath('.//*[contains(@class, "symposium-grid-title")]')[0]) for c in cells] == [
        "Poster Board 3 · The First Compiler", "Poster Board 7 · Gear Tolerances in Practice",
        "Poster Board 12 · Punched Cards as Programs"]
    # each poster keeps its item class and its time (attendee.js's stars and clock read them)
    assert [c.get("style") for c in cells] == [None] * 3
    assert [c.xpath('.//*[contains(@class, "symposium-grid-meta")]//time/@datetime') for c in cells] == [
        ["2026-09-15T11:00+02:00", "2026-09-15T12:30+02:00"]] * 3
    assert "symposium-item-first-compiler" in classes(cells[0])
    # the other items are placed in the grid as ever
    assert len(doc.xpath('//div[@class="symposium-grid"]/div[contains(@class, "symposium-grid-item")]')) == 3


def test_a_posters_page_and_its_presenters_say_the_board(posters):
    doc = parse_page(posters, "talks/punched-cards/index.html")
    header = select_one(doc, '//div[contains(@class, "symposium-talk-header")]')
    assert words(header).startswith("Poster, board 12 Tuesday, September 15, 2026, 11:00 AM–12:30 PM CEST · Foyer")
    assert "Previous: Gear Tolerances in Practice" in words(header)
    roles = words(select_one(parse_page(posters, "speakers/charles-babbage/index.html"), '//ul[contains(@class, "symposium-roles")]'))
    assert roles == ("Speaker: The Difference Engine, Live (10:15 AM CEST) "
                     "Poster, board 7: Gear Tolerances in Practice (11:00 AM CEST) "
                     "Chair: Poster session: engines at work (11:00 AM CEST)")
    data = jsonld(doc)
    assert (data["@type"], data["additionalType"]) == ("Event", "Poster")
    assert data["startDate"] == "2026-09-15T11:00:00+02:00"
    assert "additionalType" not in jsonld(parse_page(posters, "talks/live-engine/index.html"))


def test_the_calendars_and_the_apps_say_poster_and_board(posters):
    found = {str(e["SUMMARY"]): e for e in events(calendar(posters))}
    cards = found["Punched Cards as Programs"]
    assert cards["CATEGORIES"].cats == ["Poster"]
    assert "Board: 12" in str(cards["DESCRIPTION"]).split("\n\n")
    assert cards.decoded("DTSTART").isoformat() == "2026-09-15T11:00:00+02:00"
    assert str(cards["LOCATION"]).startswith("Foyer")
    assert found["Build an engine"]["CATEGORIES"].cats == ["Hackathon"]
    assert "Board" not in str(found["The Difference Engine, Live"]["DESCRIPTION"])
    out = Path(posters.outdir)
    data = json.loads((out / "schedule.json").read_text("utf-8"))
    apps = {e["title"]: e for e in schedule_events(data)}
    assert (apps["Punched Cards as Programs"]["type"], apps["Punched Cards as Programs"]["subtitle"]) == ("poster", "Board 12")
    assert (apps["The Difference Engine, Live"]["type"], apps["The Difference Engine, Live"]["subtitle"]) == ("demo", "")
    assert apps["Build an engine"]["type"] == "hackathon"
    if VALIDATORS.is_dir():
        import jsonschema
        from lxml import etree

        schema = json.loads((VALIDATORS / "c3voc-schedule.schema.json").read_text("utf-8"))
        jsonschema.validators.validator_for(schema)(schema).validate(data)
        xsd = etree.XMLSchema(etree.parse(str(VALIDATORS / "c3voc-schedule.xml.xsd")))
        xml = etree.parse(str(out / "schedule.xml"))
        assert xsd.validate(xml), xsd.error_log
        assert xml.xpath('//event[title="Punched Cards as Programs"]/subtitle/text()') == ["Board 12"]


def test_each_mistake_in_symposium_types_is_one_config_warning_as_in_the_check(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(ROOTS / "test-posters", site)
    with open(site / "conf.py", "a", encoding="utf-8") as conf:
        conf.write('symposium_types["poster"] = {"label": "Poster", "class": "red", "colour": "blue"}\n')
    app = build_app(site, "dirhtml")
    found = [(w.type, w.message) for w in symposium_warnings(app)]
    assert [kind for kind, _ in found] == ["symposium.config"] * 2
    assert "symposium_types['poster']['class'] = 'red': expected one of the colour classes" in found[0][1]
    assert "symposium_types['poster']['colour']: unknown key" in found[1][1]
    assert [f.message for f in check_site(site)] == [message for _, message in found]
    # the rest of the entry stands: the posters are still posters, with their boards
    doc = parse_page(app, "talks/punched-cards/index.html")
    assert words(select_one(doc, '//*[contains(@class, "symposium-when")]')).startswith("Poster, board 12")


GENERATED = ('//*[contains(@class, "symposium-program") or contains(@class, "symposium-header") '
             'or contains(@class, "symposium-talks") or contains(@class, "symposium-grid")]')
PAGES = ["program/index.html", "program/posters/index.html", "program/grid/index.html", "talks/punched-cards/index.html",
         "talks/first-compiler/index.html", "speakers/grace-hopper/index.html", "speakers/charles-babbage/index.html"]


def shown(app, page: str) -> str:
    return " ".join(words(node) for node in parse_page(app, page).xpath(GENERATED))


@pytest.mark.parametrize(("path", "old", "new", "page", "says"), [
    # the session moves: its posters, which give no time, move with it
    ("program/index.md", "start: 11:00, end: 12:30, room: Foyer", "start: 11:30, end: 13:00, room: Foyer",
     "talks/first-compiler/index.html", "Poster, board 3 Tuesday, September 15, 2026, 11:30 AM–1:00 PM CEST"),
    # a poster changes boards: it comes first among the session's posters
    ("talks/punched-cards.md", "board: 12", "board: 1",
     "program/posters/index.html", "Poster Board 1 · Punched Cards as Programs Ada Lovelace Foyer 11:00 AM–12:30 PM Poster Board 3"),
])
def test_an_edit_rebuilt_incrementally_equals_a_fresh_build(build, tmp_path, path, old, new, page, says):
    first = build(testroot="posters", buildername="dirhtml")
    source = Path(first.srcdir) / path
    edit_source(source, source.read_text().replace(old, new))
    again = build(testroot="posters", buildername="dirhtml")
    assert parse_warnings(again) == []
    fresh = build_app(shutil.copytree(first.srcdir, tmp_path / "fresh"), "dirhtml")
    assert says in shown(again, page)
    for each in PAGES:
        assert shown(again, each) == shown(fresh, each), each
