"""A conference of three days in four rooms, with sessions, chairs and tracks (tests/roots/test-conference)."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest

from helpers import CONFERENCE_CASES, VALIDATORS, parse_page, parse_warnings, words

PROGRAM = "program/index.md"


def test_the_conference_builds_without_a_warning(built):
    conference = built("conference", "dirhtml")
    assert parse_warnings(conference) == []


def test_the_program_has_a_heading_per_day_and_sessions_above_their_talks(built):
    conference = built("conference", "dirhtml")
    doc = parse_page(conference, "program/index.html")
    days = doc.xpath('//*[contains(concat(" ", @class, " "), " symposium-day ")]')
    assert [(d.get("id"), words(d)) for d in days] == [
        ("program-2026-06-02", "Tuesday, June 2, 2026"),
        ("program-2026-06-03", "Wednesday, June 3, 2026"),
        ("program-2026-06-04", "Thursday, June 4, 2026"),
    ]
    assert doc.xpath('//p[contains(@class, "symposium-days")]//a/@href') == [
        "#program-2026-06-02", "#program-2026-06-03", "#program-2026-06-04"]
    first_day = doc.xpath('//table[contains(@class, "symposium-program")]')[0]
    rows = [words(tr) for tr in first_day.xpath("./tbody/tr")]
    assert rows[1] == "Session 1: Learning workflows · 9:30–11:00 AM · Hall A · AI Chair: Ada Lovelace"
    # Hall A is streamed (symposium_rooms): its talks carry a "Stream" mark
    assert rows[2].startswith("9:30–10:15 AM Contributed Talk Learning Graphs of Tasks Stream Ada Lovelace Hall A")
    assert rows[3].startswith("10:15–11:00 AM Contributed Talk Agents That Tune Workflows Stream Alan Turing Hall A")
    assert rows[4].startswith("Session 2: Workflow systems")
    # after midnight, before symposium_day_change: still the first day
    assert rows[-1] == "12:30–1:00 AM Keynote A Keynote after Midnight Stream Charles Babbage Hall B"  # its own stream
    keynote_times = first_day.xpath("./tbody/tr[last()]//time/@datetime")
    assert keynote_times == ["2026-06-03T00:30+02:00", "2026-06-03T01:00+02:00"]
    assert [words(th) for th in first_day.xpath(".//th")] == ["Time (CEST)", "Session", "Speakers", "Room"]


def test_pages_per_day_room_and_track(built):
    conference = built("conference", "dirhtml")
    day = parse_page(conference, "program/day-2/index.html")
    assert [words(t) for t in day.xpath('//a[contains(@class, "symposium-title")]')] == ["Data Lakes for Simulations"]
    hall = parse_page(conference, "program/hall-a/index.html")
    titles = [words(t) for t in hall.xpath('//table//*[contains(@class, "symposium-title")]')]
    assert titles == ["Opening", "Learning Graphs of Tasks", "Agents That Tune Workflows", "Lunch"]
    track = parse_page(conference, "program/track-ai/index.html").xpath('//li[contains(@class, "symposium-talk")]')
    assert [words(li.xpath('.//*[contains(@class, "symposium-talk-title")]')[0]) for li in track] == [
        "Learning Graphs of Tasks", "Agents That Tune Workflows", "Provenance Graphs with Learned Queries"]
    # on an event of several days, a time says its day
    assert words(track[2]).startswith("Contributed Talk Thursday, June 4, 2026, 9:00–9:45 AM CEST")


def test_talks_take_their_sessions_room_and_speakers_list_chairing(built):
    conference = built("conference", "dirhtml")
    header = parse_page(conference, "talks/provenance-graphs/index.html").xpath('//div[contains(@class, "symposium-talk-header")]')[0]
    assert "Thursday, June 4, 2026, 9:00–9:45 AM CEST · Room 2" in words(header)
    roles = words(parse_page(conference, "speakers/ada-lovelace/index.html").xpath('//ul[contains(@class, "symposium-roles")]')[0])
    assert "Chair: Session 1: Learning workflows (Tue, June 2, 9:30 AM CEST)" in roles
    assert "Chair: Session 4: Provenance (Thu, June 4, 9:00 AM CEST)" in roles


def test_the_exports_carry_days_rooms_and_sessions(built):
    conference = built("conference", "dirhtml")
    out = Path(conference.outdir)
    data = json.loads((out / "schedule.json").read_text("utf-8"))
    conference_data = data["schedule"]["conference"]
    assert conference_data["daysCount"] == 3
    days = {day["date"]: day for day in conference_data["days"]}
    assert {date: sorted(day["rooms"]) for date, day in days.items()} == {
        "2026-06-02": ["Hall A", "Hall B"], "2026-06-03": ["Room 1"], "2026-06-04": ["Room 2"]}
    keynote = next(e for e in days["2026-06-02"]["rooms"]["Hall B"] if e["title"] == "A Keynote after Midnight")
    assert keynote["date"] == "2026-06-03T00:30:00+02:00"
    tracks = {e["title"]: e["track"] for day in days.values() for room in day["rooms"].values() for e in room}
    assert tracks["Engines at Scale"] == "Workflows"  # the session's track
    assert tracks["Data Lakes for Simulations"] == "Session 3: Data at scale"  # no track: the session
    assert tracks["Provenance Graphs with Learned Queries"] == "AI"  # its own, over the session's
    if VALIDATORS.is_dir():
        import jsonschema
        from lxml import etree

        schema = json.loads((VALIDATORS / "c3voc-schedule.schema.json").read_text("utf-8"))
        jsonschema.validators.validator_for(schema)(schema).validate(data)
        xsd = etree.XMLSchema(etree.parse(str(VALIDATORS / "c3voc-schedule.xml.xsd")))
        assert xsd.validate(etree.parse(str(out / "schedule.xml"))), xsd.error_log
    events = icalendar.Calendar.from_ical((out / "program.ics").read_bytes()).walk("VEVENT")
    assert len(events) == 10
    # each room with its description (symposium_rooms), then the venue
    assert {str(e["LOCATION"]) for e in events} == {
        f"{room}, Congress Centre, Hamburg, Germany"
        for room in ("Hall A (Ground floor, Building 1)", "Hall B (First floor, Building 1)", "Room 1", "Room 2")}


# -- each new key and warning: one located warning (helpers.CONFERENCE_CASES) ------------------------

@pytest.mark.parametrize("case", CONFERENCE_CASES, ids=list(CONFERENCE_CASES))
def test_conference_warning_is_located(build, case):
    files, subtype, path, line, says = CONFERENCE_CASES[case]
    app = build(files, testroot="conference")
    found = [w for w in parse_warnings(app) if w.type.startswith("symposium")]
    assert len(found) == 1, found
    assert (found[0].type, found[0].path, found[0].line) == (subtype, path, line)
    assert says in found[0].message, found[0].message


def test_a_session_id_given_twice(build, rootdir):
    source = (rootdir / "test-conference" / PROGRAM).read_text("utf-8")
    app = build({PROGRAM: source.replace("{id: s4,", "{id: s3,")}, testroot="conference")
    found = [w for w in parse_warnings(app) if "given twice" in w.message]
    assert [(w.type, w.path, w.line) for w in found] == [("symposium.reference", PROGRAM, 7)]


def test_a_chair_in_two_places_at_once(build, rootdir):
    source = (rootdir / "test-conference" / PROGRAM).read_text("utf-8")
    app = build({PROGRAM: source.replace("chairs: [charles-babbage]", "chairs: [ada-lovelace]")}, testroot="conference")
    found = parse_warnings(app)
    assert [(w.type, w.path, w.line) for w in found] == [("symposium.schedule", PROGRAM, 5)]
    assert "'ada-lovelace' is in two places at once: session 'Session 2: Workflow systems'" in found[0].message


def test_a_selection_that_names_nothing(build):
    app = build({"program/day-2.md": "# Day\n\n```{program-table}\n:day: 2026-06-09\n:room: Hall Z\n```\n"},
                testroot="conference")
    found = parse_warnings(app)
    assert [(w.type, w.path) for w in found] == [("symposium.reference", "program/day-2.md")] * 2
    assert ":day: 2026-06-09 is not a day of the event" in found[0].message
    assert ":room: 'Hall Z' names no room" in found[1].message


def test_the_home_page_json_ld_has_sessions_holding_their_talks(built):
    conference = built("conference", "dirhtml")
    script = parse_page(conference, "index.html").xpath('//script[@type="application/ld+json"]/text()')
    home = json.loads(script[0])
    sessions = [e for e in home["subEvent"] if e["@id"].endswith("#session-s1")]
    assert len(sessions) == 1
    session = sessions[0]
    assert session["name"] == "Session 1: Learning workflows"
    assert session["startDate"] == "2026-06-02T09:30:00+02:00"
    place, online = session["location"]  # Hall A is streamed: in the room, and online
    assert place["name"] == "Hall A" and online["@type"] == "VirtualLocation"
    assert [p["name"] for p in session["organizer"]] == ["Ada Lovelace"]
    assert [e["@id"] for e in session["subEvent"]] == [
        "https://conference.example.org/talks/learning-graphs/#event", "https://conference.example.org/talks/tuning-agents/#event"]
    program = parse_page(conference, "program/index.html")
    assert program.xpath('//tr[@id="session-s1"]')  # the @id's anchor is the session's row
    lunch = next(e for e in home["subEvent"] if e.get("name") == "Lunch")
    anchor = lunch["@id"].rsplit("#", 1)[1]
    assert program.xpath(f'//tr[@id="{anchor}"]')


# -- rooms side by side ({program-grid}, tests/roots/test-conference/program/grid.md) ------------------


def grid_cells(page) -> list[tuple[str, str, str]]:
    """(title, grid-row, grid-column) of each item cell, in the page's order."""
    return [(words(cell.xpath('.//*[contains(@class, "symposium-title")]')[0]),
             *(part.split(":")[1].strip() for part in cell.get("style").split(";")))
            for cell in page.xpath('//div[contains(@class, "symposium-grid-item")]')]


def test_the_grid_puts_parallel_rooms_side_by_side_in_time_order(built):
    conference = built("conference", "dirhtml")
    page = parse_page(conference, "program/grid/index.html")
    first_day = page.xpath('//div[contains(@class, "symposium-grid")]')[0]
    assert [words(h) for h in first_day.xpath('./div[contains(@class, "symposium-grid-room-heading")]')] == ["Hall A", "Hall B"]
    cells = grid_cells(page)
    assert cells[:6] == [
        # rows are the intervals between the day's times (9:00, 9:30, 10:15, 11:00, 12:00, 1:00 PM...)
        ("Opening", "2 / 3", "2"),
        ("Learning Graphs of Tasks", "3 / 4", "2"), ("Engines at Scale", "3 / 4", "3"),
        ("Agents That Tune Workflows", "4 / 5", "2"), ("Compilers for Workflows", "4 / 5", "3"),
        ("Lunch", "6 / 7", "2"),
    ]
    # the walk runs past midnight and the keynote after it, both in 2 June's program
    assert [c[0] for c in cells[6:8]] == ["Night walk", "A Keynote after Midnight"]
    assert len(cells) == 10
    # a cell names its room (for a phone and a screen reader), a session's first talk its session and chair
    engines = page.xpath('//div[contains(@class, "symposium-grid-item")]')[2]
    assert "9:30–10:15 AM · Hall B" in words(engines)
    assert "Session 2: Workflow systems · Chair: Charles Babbage" in words(engines)


@pytest.mark.parametrize("buildername", ["text", "latex"])
def test_builders_without_grids_get_the_program_table(built, buildername):
    app = built("conference", buildername)
    assert parse_warnings(app) == []
    out = Path(app.outdir)
    text = (out / "program/grid.txt").read_text() if buildername == "text" else next(out.glob("*.tex")).read_text()
    assert "Learning Graphs of Tasks" in text and "Engines at Scale" in text


def _hits(hit) -> list[int]:
    return [hit] if isinstance(hit, int) else list(hit or [])


def test_search_finds_a_talk_on_its_own_page_not_in_every_listing(built):
    app = built("conference", "html")
    text = (Path(app.outdir) / "searchindex.js").read_text("utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    docnames = index["docnames"]

    def found(term: str) -> set[str]:
        hits = [index[kind].get(term, []) for kind in ("terms", "titleterms")]
        return {docnames[i] for hit in hits for i in ([hit] if isinstance(hit, int) else hit)}

    assert "talks/data-lakes" in found("lake")
    assert "speakers/grace-hopper" in found("hopper")
    listings = {"program/index", "program/day-2", "program/hall-a", "program/track-ai", "program/grid"}
    assert not (found("lake") | found("hopper") | found("provenanc")) & listings
    # a talk's previous and next are other pages' titles: Engines at Scale is next to Compilers for Workflows
    assert "talks/compilers-for-workflows" not in {docnames[i] for i in _hits(index["terms"].get("engin"))}
    assert "talks/engines-at-scale" in {docnames[i] for i in _hits(index["titleterms"].get("engin"))}


def test_the_first_program_listing_that_shows_items_holds_the_toolbar(built):
    """One toolbar per page, its place decided before any listing is rendered: a listing that
    shows nothing leaves it to the next, table or grid; a later one gives only its rooms."""
    toolbar_page = ("# Toolbar\n\n```{program-table}\n:room: Hall B\n:day: 2026-06-04\n```\n\n"
                    "```{program-grid}\n:day: 2026-06-02\n```\n\n```{program-table}\n```\n")
    conference = built("conference", "dirhtml", files={"program/toolbar.md": toolbar_page})
    assert parse_warnings(conference) == []
    page = parse_page(conference, "program/toolbar/index.html")
    slot = page.xpath('//div[contains(@class, "symposium-tools-slot")]')
    assert len(slot) == 1
    assert slot[0].xpath('preceding::p[contains(@class, "symposium-empty")]')
    assert slot[0].xpath('following::div[contains(@class, "symposium-grid")]')
    assert not slot[0].xpath('preceding::div[contains(@class, "symposium-grid")]')
    places = page.xpath('//script[contains(@class, "symposium-places")]')
    assert [bool(script.xpath('ancestor::div[contains(@class, "symposium-tools-slot")]')) for script in places] == [
        True, False]
