"""Rooms as records (``symposium_rooms`` as a mapping), ``stream:`` on sessions and talks, and
``symposium_venue_geo``: checked at config-inited, shown on talk pages, the program, the grid and
a room's page, and carried by ``.ics`` (LOCATION, CONFERENCE, GEO), JSON-LD and frab.

The conference root gives Hall A a description, map, capacity and stream, Hall B a description
and capacity, Room 1 and Room 2 nothing; session 3 (Room 1) and the keynote after midnight
(Hall B) name their own streams.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import icalendar
import pytest

from helpers import (
    VALIDATORS,
    build_app,
    calendar,
    copy_root,
    edit_source,
    events,
    jsonld,
    khal_in,
    outputs,
    parse_page,
    parse_warnings,
    select_one,
    words,
)
from symposium.environment.config import config_problems

HALL_A = "https://stream.example.org/hall-a"
ROOM_1 = "https://stream.example.org/room-1"
KEYNOTE = "https://video.example.org/live/midnight-keynote"
MAP = "https://maps.example.org/congress-centre/hall-a"


@pytest.fixture(scope="module")
def conference(tmp_path_factory):
    return build_app(copy_root("conference", tmp_path_factory.mktemp("rooms")), "dirhtml")


def test_the_conference_builds_without_warnings(conference):
    assert parse_warnings(conference) == []


# -- config-inited: one symposium.config warning per mistake, saying what was expected -------------

CONFIG = {
    "an unknown key": ({"Hall A": {"capcity": 300}}, "symposium_rooms['Hall A']['capcity']: unknown key; "
                                                     "did you mean 'capacity'?"),
    "a map that is no web address": ({"Hall A": {"map": "www.example.org/hall-a"}},
                                     "symposium_rooms['Hall A']['map'] = 'www.example.org/hall-a': not a web "
                                     "address; expected an http(s) link to a map or directions"),
    "a stream that is no http(s) address": ({"Hall A": {"stream": "rtmp://live.example.org/a"}},
                                            "expected an http(s) link to the room's stream"),
    "a capacity of 0": ({"Hall A": {"capacity": 0}}, "expected a whole number of seats above 0"),
    "a negative capacity": ({"Hall A": {"capacity": -20}}, "expected a whole number of seats above 0"),
    "a capacity as text": ({"Hall A": {"capacity": "300"}}, "expected a whole number of seats above 0"),
    "a description that is not text": ({"Hall A": {"description": ["Ground floor"]}}, "expected text"),
    "a record that is text": ({"Hall A": "Ground floor"}, "symposium_rooms['Hall A'] = 'Ground floor': expected "
                                                          "the room's record"),
    "a name that is not text": ({5: {}}, "expected a list of distinct names or a mapping of names"),
}
GEO = {
    "a latitude out of range": ((190.0, 9.98), "symposium_venue_geo = (190.0, 9.98): expected the venue's latitude"),
    "text": ("53.56, 9.98", "expected the venue's latitude and longitude in degrees"),
    "three numbers": ((53.5, 9.9, 12), "expected the venue's latitude and longitude in degrees"),
}


@pytest.mark.parametrize("case", CONFIG, ids=list(CONFIG))
def test_a_bad_room_record_is_one_config_warning_and_the_rest_stays(built, case):
    rooms, expected = CONFIG[case]
    # beside the mistake, a good key of Hall A and a room without a record
    if isinstance(rooms.get("Hall A"), dict):
        rooms = {"Hall A": {"description": "Ground floor", **rooms["Hall A"]}, "Room 2": {}}
    app = built("minimal", "html", symposium_rooms=rooms)
    log = app.warning.getvalue()
    assert "Traceback" not in log and "Exception occurred" not in log
    found = parse_warnings(app)
    assert [w.type for w in found] == ["symposium.config"], found
    assert expected in found[0].message and "expected" in found[0].message
    # symposium check says the same of conf.py
    values = {"symposium_rooms": rooms, "symposium_venue_geo": None}
    assert [m for m in config_problems(_Values(values)) if m.startswith("symposium_rooms")] == [found[0].message]
    if "description" in rooms.get("Hall A", {}) and case != "a description that is not text":
        assert app.config.symposium_rooms["Hall A"]["description"] == "Ground floor"


@pytest.mark.parametrize("case", GEO, ids=list(GEO))
def test_bad_venue_coordinates_are_one_config_warning(built, case):
    value, expected = GEO[case]
    app = built("minimal", "html", symposium_venue_geo=value)
    found = parse_warnings(app)
    assert [w.type for w in found] == ["symposium.config"], found
    assert expected in found[0].message
    assert app.config.symposium_venue_geo is None


class _Values(dict):
    """The config as ``symposium check`` hands it over: the defaults, then conf.py's values."""

    def __init__(self, values):
        from symposium.environment.config import CONFIG_VALUES

        super().__init__({name: default for name, (default, _, _) in CONFIG_VALUES.items()})
        self.update(symposium_date="2026-06-02", project="Test", **values)

    def __getattr__(self, name):
        return self[name]

    def __setattr__(self, name, value):
        self[name] = value


def test_the_list_form_still_works_unchanged(built):
    app = built("minimal", "html", symposium_rooms=["Room 264"])
    assert parse_warnings(app) == []
    assert list(app.config.symposium_rooms) == ["Room 264"]


# -- the pages ----------------------------------------------------------------------------------------


def test_a_talk_page_says_where_its_room_is_and_links_its_stream(conference):
    header = select_one(parse_page(conference, "talks/learning-graphs/index.html"), '//*[contains(@class, "symposium-where")]')
    assert words(header) == "Ground floor, Building 1 · 300 seats · Map and directions · Watch the stream"
    assert header.xpath(".//a/@href") == [MAP, HALL_A]
    # its own stream, in a room with a description but no map or stream
    keynote = select_one(parse_page(conference, "talks/midnight-keynote/index.html"), '//*[contains(@class, "symposium-where")]')
    assert words(keynote) == "First floor, Building 1 · 120 seats · Watch the stream"
    assert keynote.xpath(".//a/@href") == [KEYNOTE]
    # its session's stream, in a room without a record
    data_lakes = select_one(parse_page(conference, "talks/data-lakes/index.html"), '//*[contains(@class, "symposium-where")]')
    assert data_lakes.xpath(".//a/@href") == [ROOM_1]
    # Hall A has a page (program/hall-a.md: its program alone), which its name links
    doc = parse_page(conference, "talks/learning-graphs/index.html")
    assert doc.xpath('//p[contains(@class, "symposium-when")]//a[contains(@class, "symposium-room")]/@href') == [
        "../../program/hall-a/"]
    # in Room 2, not streamed: nothing to add to its name
    assert not parse_page(conference, "talks/provenance-graphs/index.html").xpath('//*[contains(@class, "symposium-where")]')


def _stream_marks(doc) -> dict[str, str]:
    """Title -> stream link, for each item of a listing that has a "Stream" mark."""
    marks = {}
    for mark in doc.xpath('//a[contains(@class, "symposium-stream-mark")]'):
        row = mark.xpath('ancestor::*[self::tr or contains(@class, "symposium-grid-item")][1]')[0]
        title = row.xpath('.//*[contains(@class, "symposium-title")]')[0]
        assert words(mark) == "Stream"
        marks[words(title)] = mark.get("href")
    return marks


STREAMED = {"Opening": HALL_A, "Learning Graphs of Tasks": HALL_A, "Agents That Tune Workflows": HALL_A,
            "A Keynote after Midnight": KEYNOTE, "Data Lakes for Simulations": ROOM_1}


@pytest.mark.parametrize("page", ["program/index.html", "program/grid/index.html"])
def test_the_program_and_the_grid_mark_the_streamed_items(conference, page):
    # the lunch in Hall A has nothing to watch; Room 2 and the rest of Hall B are not streamed
    assert _stream_marks(parse_page(conference, page)) == STREAMED


def test_a_rooms_page_says_where_the_room_is_above_its_program(conference):
    doc = parse_page(conference, "program/hall-a/index.html")
    facts = select_one(doc, '//p[contains(@class, "symposium-room-facts")]')
    assert words(facts) == "Ground floor, Building 1 · 300 seats · Map and directions · Watch the stream"
    # above the table of the room's program
    assert facts.getnext() is not None and doc.xpath('//p[contains(@class, "symposium-room-facts")]/following::table')
    assert not parse_page(conference, "program/index.html").xpath('//p[contains(@class, "symposium-room-facts")]')


# -- the exports --------------------------------------------------------------------------------------


def _by_title(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["SUMMARY"]): event for event in events(cal)}


def test_the_calendar_has_the_room_and_venue_the_stream_and_the_venues_coordinates(conference):
    program = _by_title(calendar(conference))
    talk = program["Learning Graphs of Tasks"]
    assert str(talk["LOCATION"]) == "Hall A (Ground floor, Building 1), Congress Centre, Hamburg, Germany"
    conference_property = talk["CONFERENCE"]
    assert str(conference_property) == HALL_A
    assert dict(conference_property.params) == {"VALUE": "URI", "FEATURE": "VIDEO", "LABEL": "Live stream (Hall A)"}
    assert (talk["GEO"].latitude, talk["GEO"].longitude) == (53.5614, 9.9867)
    assert str(program["A Keynote after Midnight"]["CONFERENCE"]) == KEYNOTE
    assert str(program["Data Lakes for Simulations"]["CONFERENCE"]) == ROOM_1
    for title in ("Lunch", "Night walk", "Provenance Graphs with Learned Queries", "Engines at Scale"):
        assert "CONFERENCE" not in program[title], title
    # a talk's own file says the same
    own = _by_title(calendar(conference, "talks/learning-graphs.ics"))["Learning Graphs of Tasks"]
    assert own.to_ical() == talk.to_ical()


def test_khal_imports_the_stream_and_coordinates_and_lists_the_location(conference, tmp_path):
    out = Path(conference.outdir)
    khal = khal_in(tmp_path)
    khal("import", "--batch", "-a", "conference", str(out / "program.ics"))
    listed = khal("list", "--format", "{title} | {location}", "2026-06-02", "1d").splitlines()
    assert "Learning Graphs of Tasks | Hall A (Ground floor, Building 1), Congress Centre, Hamburg, Germany" in listed
    # what khal keeps of the event: its vdir file, read back
    kept = {}
    for path in (tmp_path / "calendar").iterdir():
        for event in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            kept[str(event["SUMMARY"])] = event
    talk = kept["Learning Graphs of Tasks"]
    assert str(talk["CONFERENCE"]) == HALL_A and talk["CONFERENCE"].params["FEATURE"] == "VIDEO"
    assert talk["CONFERENCE"].params["LABEL"] == "Live stream (Hall A)"
    assert (talk["GEO"].latitude, talk["GEO"].longitude) == (53.5614, 9.9867)


def test_the_jsonld_has_the_place_with_its_address_and_the_stream_as_a_virtual_location(conference):
    talk = jsonld(parse_page(conference, "talks/learning-graphs/index.html"))
    assert talk["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, online = talk["location"]
    venue = {"@type": "Place", "name": "Congress Centre",
             "address": {"@type": "PostalAddress", "addressLocality": "Hamburg", "addressCountry": "Germany"},
             "geo": {"@type": "GeoCoordinates", "latitude": 53.5614, "longitude": 9.9867}}
    assert place == {"@type": "Place", "name": "Hall A", "description": "Ground floor, Building 1", "hasMap": MAP,
                     "maximumAttendeeCapacity": 300, "address": venue["address"], "containedInPlace": venue}
    assert online == {"@type": "VirtualLocation", "url": HALL_A}
    quiet = jsonld(parse_page(conference, "talks/provenance-graphs/index.html"))
    assert quiet["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert quiet["location"] == {"@type": "Place", "name": "Room 2", "address": venue["address"],
                                 "containedInPlace": venue}
    # an item without a page, on the home page: the lunch has nothing to watch
    sub_events = [event for event in jsonld(parse_page(conference, "index.html"))["subEvent"] if "name" in event]
    lunch = next(event for event in sub_events if event["name"] == "Lunch")
    assert lunch["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    opening = next(event for event in sub_events if event["name"] == "Opening")
    assert opening["location"][1] == {"@type": "VirtualLocation", "url": HALL_A}
    # a session: its own stream, else its room's
    sessions = {event["name"]: event for event in sub_events if event.get("subEvent")}
    assert sessions["Session 1: Learning workflows"]["location"][1]["url"] == HALL_A
    assert sessions["Session 3: Data at scale"]["location"][1]["url"] == ROOM_1
    assert sessions["Session 2: Workflow systems"]["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_frab_rooms_carry_their_description_capacity_and_guid_and_validate(conference):
    out = Path(conference.outdir)
    data = json.loads((out / "schedule.json").read_text("utf-8"))
    rooms = {room["name"]: room for room in data["schedule"]["conference"]["rooms"]}
    assert list(rooms) == ["Hall A", "Hall B", "Room 1", "Room 2"]  # the dict's order
    assert {k: v for k, v in rooms["Hall A"].items() if k != "guid"} == {
        "name": "Hall A", "description": "Ground floor, Building 1", "capacity": 300}
    assert set(rooms["Room 1"]) == {"name", "guid"}
    import jsonschema
    from lxml import etree

    schema = json.loads((VALIDATORS / "c3voc-schedule.schema.json").read_text("utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(data)
    xml = etree.parse(str(out / "schedule.xml"))
    xsd = etree.XMLSchema(etree.parse(str(VALIDATORS / "c3voc-schedule.xml.xsd")))
    assert xsd.validate(xml), xsd.error_log
    assert {room.get("name"): room.get("guid") for room in xml.iter("room")}["Hall A"] == rooms["Hall A"]["guid"]


# -- an edit of a room's record -----------------------------------------------------------------------


def test_editing_a_room_record_or_a_stream_gives_what_a_fresh_build_gives(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-conference", srcdir)

    def build(source: Path, outdir: Path, fresh: bool) -> dict[str, bytes]:
        app = make_app("dirhtml", srcdir=source, builddir=outdir, freshenv=fresh)
        app.build()
        app.cleanup()
        return outputs(Path(app.outdir))

    build(srcdir, tmp_path / "incremental", fresh=True)
    conf, keynote = srcdir / "conf.py", srcdir / "talks" / "midnight-keynote.md"
    edits = [
        (conf, lambda text: text.replace('"Room 1": {},', '"Room 1": {"description": "Basement", "stream": '
                                                          '"https://stream.example.org/basement"},')),
        (conf, lambda text: text.replace("https://stream.example.org/hall-a", "https://stream.example.org/a")),
        (keynote, lambda text: text.replace("  stream: https://video.example.org/live/midnight-keynote\n", "")),
        # Hall A's page becomes Hall B's: the talks of both rooms link (or no longer link) it
        (srcdir / "program" / "hall-a.md", lambda text: text.replace(":room: Hall A", ":room: Hall B")),
    ]
    for number, (path, edit) in enumerate(edits, 1):
        edit_source(path, edit(path.read_text("utf-8")))
        incremental = build(srcdir, tmp_path / "incremental", fresh=False)
        copy = tmp_path / f"fresh-{number}"
        shutil.copytree(srcdir, copy / "src")
        fresh = build(copy / "src", copy / "build", fresh=True)
        assert sorted(incremental) == sorted(fresh)
        assert [name for name in fresh if incremental[name] != fresh[name]] == [], number
    # the last state: Room 1's talk keeps its session's stream, Hall A's has the new address
    page = fresh["talks/learning-graphs/index.html"].decode()
    assert "https://stream.example.org/a" in page and HALL_A not in page
    assert b"Basement" in fresh["talks/data-lakes/index.html"]
    assert KEYNOTE.encode() not in fresh["program.ics"]
    assert b'class="symposium-room reference internal"' not in fresh["talks/learning-graphs/index.html"]
    assert b'class="symposium-room reference internal"' in fresh["talks/midnight-keynote/index.html"]
