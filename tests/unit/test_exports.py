"""The export encoders without Sphinx: iCalendar and the frab/c3voc schedule, from the model's items.

Each encoder gets items read by the model and an ``ExportSite``, as the writer gives them in a
build; what a build writes is checked in tests/build/test_exports.py and tests/site/test_site_exports.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from zoneinfo import ZoneInfo

import icalendar
import pytest
from lxml import etree

from helpers import VALIDATORS, program
from symposium.exports.frab import schedule, schedule_xml
from symposium.exports.ics import item_calendar, program_calendar
from symposium.exports.site_view import ExportSite
from symposium.model.entities import Event, Speaker

BERLIN = ZoneInfo("Europe/Berlin")
#: two days in two rooms; a day of the program ends at 4 AM
EVENT = Event(date=dt.date(2026, 6, 2), end_date=dt.date(2026, 6, 3), timezone=BERLIN, venue="Hall of Engines, London",
              rooms=("Hall A", "Hall B"), day_change=dt.time(4))
HOSTILE = "</title><b>\"x\" & 'y'"
ITEMS = program(f"""\
    ---
    program:
      items:
        - {{start: 9:00, end: 9:10, title: Welcome, type: opening, room: Hall B, speakers: [ada]}}
        - {{start: 9:10, end: 10:00, title: '{HOSTILE.replace("'", "''")}', type: keynote, room: Hall A,
            speakers: [ada, bob, nobody], moderators: [cy]}}
        - {{date: 2026-06-03, start: 0:30, end: 1:00, title: After midnight, type: social, room: Hall B}}
    ---
""", EVENT)
SPEAKERS = {
    "ada": Speaker("ada", "speakers/ada", "Ada Lovelace", ("Analytical Engine Society",)),
    "bob": Speaker("bob", "speakers/bob", "Bob", ()),
    "cy": Speaker("cy", "speakers/cy", "Cy", ()),
}
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
GENERATOR = {"name": "symposium (Sphinx extension)", "version": "test"}


def site(**changes) -> ExportSite:
    """The site as the writer describes it to the encoders, with ``changes``."""
    return ExportSite(**{
        "title": "Engines 2026", "full_name": "The Analytical Engine Symposium", "acronym": "engines2026",
        "event": EVENT, "base_url": "https://example.org/",
        "item_url": lambda item: f"https://example.org/program/#{item.slug}",
        "speaker_url": lambda speaker: f"https://example.org/speakers/{speaker.slug}/",
        "speakers": SPEAKERS, "sessions": {}, "stamp": STAMP, **changes})


def read_calendar(raw: bytes) -> icalendar.Calendar:
    assert b"\n" not in raw.replace(b"\r\n", b""), "RFC 5545 lines end in CRLF"
    return icalendar.Calendar.from_ical(raw)


# -- iCalendar ----------------------------------------------------------------------------------------


def test_the_program_calendar_holds_each_item_at_its_instant_in_the_event_zone():
    calendar = read_calendar(program_calendar(ITEMS, site()))
    found = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in found] == ["Welcome", HOSTILE, "After midnight"]
    for event, item in zip(found, ITEMS, strict=True):
        assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert (event["DTSTART"].dt, event["DTEND"].dt) == (item.start, item.end)  # the same instants
        assert event["DTSTAMP"].dt == STAMP
        assert str(event["UID"]) == f"{item.slug}@engines2026"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert str(calendar["X-WR-CALDESC"]) == "The Analytical Engine Symposium"
    for name in ("METHOD", "ORGANIZER", "ATTENDEE"):  # a published calendar, not an invitation
        assert name not in calendar and all(name not in e for e in found), name


def test_an_item_calendar_holds_the_same_event_as_the_program():
    program_events = {str(e["UID"]): e.to_ical() for e in read_calendar(program_calendar(ITEMS, site())).walk("VEVENT")}
    for item in ITEMS:
        calendar = read_calendar(item_calendar(item, site()))
        (event,) = calendar.walk("VEVENT")
        assert event.to_ical() == program_events[str(event["UID"])]
        assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_the_description_names_the_known_people_with_their_affiliations_then_the_page():
    keynote = read_calendar(item_calendar(ITEMS[1], site())).walk("VEVENT")[0]
    assert str(keynote["DESCRIPTION"]).split("\n\n") == [
        "Speakers: Ada Lovelace (Analytical Engine Society); Bob",  # "nobody" has no page: left out
        "Moderator: Cy",
        f"https://example.org/program/#{ITEMS[1].slug}",
    ]
    assert str(keynote["LOCATION"]) == "Hall A, Hall of Engines, London"


# -- frab / c3voc -------------------------------------------------------------------------------------


def test_the_schedule_groups_the_items_by_day_of_the_program_and_room():
    conference = schedule(ITEMS, site(), GENERATOR)["schedule"]["conference"]
    assert conference["daysCount"] == 2
    assert [room["name"] for room in conference["rooms"]] == ["Hall A", "Hall B"]  # symposium_rooms' order
    # 0:30 on 3 June is before the day changes at 4 AM: the program of 2 June
    (day,) = conference["days"]
    assert (day["index"], day["date"], day["day_end"]) == (1, "2026-06-02", "2026-06-03T01:00:00+02:00")
    assert {room: [e["title"] for e in events] for room, events in day["rooms"].items()} == {
        "Hall B": ["Welcome", "After midnight"], "Hall A": [HOSTILE]}
    keynote = day["rooms"]["Hall A"][0]
    assert (keynote["date"], keynote["start"], keynote["duration"]) == ("2026-06-02T09:10:00+02:00", "09:10", "00:50")
    assert [(p["name"], p["url"]) for p in keynote["persons"]] == [
        ("Ada Lovelace", "https://example.org/speakers/ada/"), ("Bob", "https://example.org/speakers/bob/"),
        ("Cy", "https://example.org/speakers/cy/")]
    assert keynote["links"] == []  # an item without a page of its own has no "Talk page" link


def test_the_schedule_xml_says_what_the_json_says_and_both_validate():
    data = schedule(ITEMS, site(), GENERATOR)
    doc = etree.fromstring(schedule_xml(data))
    events = [e for day in data["schedule"]["conference"]["days"] for room in day["rooms"].values() for e in room]
    assert [(e.get("guid"), e.findtext("title"), e.findtext("duration"), e.findtext("room"))
            for e in doc.iter("event")] == [(e["guid"], e["title"], e["duration"], e["room"]) for e in events]
    assert HOSTILE in [e.findtext("title") for e in doc.iter("event")]  # escaped, and read back whole
    if not VALIDATORS.is_dir():
        pytest.skip(f"no schemas at {VALIDATORS} (CI has them)")
    import jsonschema

    schema = json.loads((VALIDATORS / "c3voc-schedule.schema.json").read_text("utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(json.loads(json.dumps(data)))
    xsd = etree.XMLSchema(etree.parse(str(VALIDATORS / "c3voc-schedule.xml.xsd")))
    assert xsd.validate(doc), xsd.error_log


def test_the_schedule_version_changes_exactly_when_the_schedule_does():
    version = schedule(ITEMS, site(), GENERATOR)["schedule"]["version"]
    assert schedule(ITEMS, site(), {"name": "another", "version": "2"})["schedule"]["version"] == version
    moved = [ITEMS[0], dataclasses.replace(ITEMS[1], title="Engines of Thought"), ITEMS[2]]
    assert schedule(moved, site(), GENERATOR)["schedule"]["version"] != version
    assert schedule(ITEMS, site(full_name="Another name"), GENERATOR)["schedule"]["version"] != version
