"""The real site's exports, read back with real parsers: iCalendar, the frab/c3voc schedule (JSON and XML).

The eight items of the real program (helpers.PROGRAM) at their instants; validated with the
public schemas in ../shared/validators.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest
from lxml import etree, html

from helpers import PROGRAM, TALKS, VALIDATORS, build_app, calendar, copy_site, events, schedule_events, words

UTC = dt.UTC
needs_validators = pytest.mark.skipif(not VALIDATORS.is_dir(), reason=f"no schemas at {VALIDATORS} (CI has them)")
EXPORTS = ("program.ics", "schedule.json", "schedule.xml", *(f"talks/{slug}.ics" for slug in TALKS))


def local(hh_mm: str) -> dt.datetime:
    """A time of the program, in St. Louis on the day, as an instant."""
    return dt.datetime.fromisoformat(f"2025-11-21T{hh_mm}:00-06:00")


# -- iCalendar ---------------------------------------------------------------------------------------


def test_program_ics_holds_the_eight_items_at_their_instants(real_site):
    cal = calendar(real_site)
    found = events(cal)
    assert [str(e["SUMMARY"]) for e in found] == [title for _, _, title, *_ in PROGRAM]
    for event, (start, end, *_) in zip(found, PROGRAM, strict=True):
        assert event["DTSTART"].dt.astimezone(UTC) == local(start).astimezone(UTC)
        assert event["DTEND"].dt.astimezone(UTC) == local(end).astimezone(UTC)
        assert event["DTSTART"].params["TZID"] == "America/Chicago"
        assert "America's Center Convention Complex" in str(event["LOCATION"])
        assert str(event["URL"]).startswith("https://aiexscale.github.io/2025/")
        assert event["CATEGORIES"].cats
    keynote = found[1]
    assert keynote["DTSTART"].dt.astimezone(UTC) == dt.datetime(2025, 11, 21, 14, 35, tzinfo=UTC)
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["America/Chicago"]
    assert str(cal["X-WR-TIMEZONE"]) == "America/Chicago" and "AIExScale 2025" in str(cal["X-WR-CALNAME"])
    for name in ("METHOD", "ORGANIZER", "ATTENDEE"):
        assert name not in cal and all(name not in e for e in found), name


def test_each_talk_has_its_own_calendar_with_the_same_event(real_site):
    program = {str(e["UID"]): e for e in events(calendar(real_site))}
    for slug in TALKS:
        (event,) = events(calendar(real_site, f"talks/{slug}.ics"))
        same = program[str(event["UID"])]
        assert (event["DTSTART"].dt, event["DTEND"].dt, str(event["SUMMARY"])) == \
            (same["DTSTART"].dt, same["DTEND"].dt, str(same["SUMMARY"]))
        assert str(event["URL"]) == f"https://aiexscale.github.io/2025/talks/{slug}/"
        description = str(event["DESCRIPTION"])
        assert description.endswith(str(event["URL"]))
    discussion = events(calendar(real_site, "talks/moderated-discussion.ics"))[0]
    assert "Moderators: Orcun Yildiz (Argonne National Laboratory); Loïc Pottier" in str(discussion["DESCRIPTION"])
    keynote = events(calendar(real_site, "talks/keynote-tbd.ics"))[0]
    assert "Speaker: Ian Foster (Argonne National Laboratory; University of Chicago)" in str(keynote["DESCRIPTION"])
    assert str(keynote["DESCRIPTION"]).startswith("Foundation models")  # the abstract, as plain text


def test_pages_link_the_calendars(real_site):
    out = Path(real_site.outdir)
    for slug in TALKS:
        page = out / "talks" / slug / "index.html"
        links = html.parse(str(page)).getroot().xpath('//a[contains(@class, "symposium-calendar-link")]')
        assert [words(a) for a in links] == ["Add to calendar (.ics)"]
        assert (page.parent / links[0].get("href")).resolve() == out / "talks" / f"{slug}.ics"
    program = html.parse(str(out / "program/index.html")).getroot()
    box = program.xpath('//div[contains(@class, "symposium-downloads")]')[0]
    hrefs = {words(a): a.get("href") for a in box.xpath(".//a")}
    assert (out / "program" / hrefs["Download the program (.ics)"]).resolve() == out / "program.ics"
    assert hrefs["Subscribe in your calendar"] == "webcal://aiexscale.github.io/2025/program.ics"
    assert "on its own schedule" in words(box)
    for name in ("schedule.xml", "schedule.json"):
        assert (out / "program" / hrefs[name]).resolve() == out / name


# -- frab / c3voc --------------------------------------------------------------------------------------


@needs_validators
def test_schedule_json_validates_and_holds_the_program(real_site):
    import jsonschema

    data = json.loads((Path(real_site.outdir) / "schedule.json").read_text("utf-8"))
    schema = json.loads((VALIDATORS / "c3voc-schedule.schema.json").read_text("utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(data)
    conference = data["schedule"]["conference"]
    assert conference["acronym"] == "aiexscale2025" and "-" not in conference["acronym"]
    assert conference["time_zone_name"] == "America/Chicago"
    found = schedule_events(data)
    assert [e["title"] for e in found] == [title for _, _, title, *_ in PROGRAM]
    for event, (start, end, _, slug, speakers, moderators) in zip(found, PROGRAM, strict=True):
        assert dt.datetime.fromisoformat(event["date"]) == local(start)
        assert event["date"].endswith("-06:00") and event["start"] == start
        length = local(end) - local(start)
        assert event["duration"] == f"{length.seconds // 3600:02d}:{length.seconds % 3600 // 60:02d}"
        assert all(set(p) == {"name", "guid", "url"} for p in event["persons"])
        assert [p["url"].rstrip("/").rsplit("/", 1)[-1] for p in event["persons"]] == speakers + moderators
        assert event["slug"].startswith("aiexscale2025-")
        if slug:
            assert event["url"] == f"https://aiexscale.github.io/2025/talks/{slug}/"
            assert {"url": event["url"], "title": "Talk page", "type": "web"} in event["links"]
    assert len({e["id"] for e in found}) == len({e["guid"] for e in found}) == 8


@needs_validators
def test_schedule_xml_validates_and_says_what_the_json_says(real_site):
    out = Path(real_site.outdir)
    doc = etree.parse(str(out / "schedule.xml"))
    xsd = etree.XMLSchema(etree.parse(str(VALIDATORS / "c3voc-schedule.xml.xsd")))
    assert xsd.validate(doc), xsd.error_log
    data = json.loads((out / "schedule.json").read_text("utf-8"))
    from_json = [
        (e["id"], e["guid"], e["room"], e["title"], e["type"], e["date"], e["start"], e["duration"], e["abstract"],
         e["slug"], [(p["name"], p["guid"]) for p in e["persons"]], [(link["title"], link["url"], link["type"]) for link in e["links"]],
         e["url"])
        for e in schedule_events(data)
    ]
    from_xml = [
        (int(e.get("id")), e.get("guid"), e.findtext("room"), e.findtext("title"), e.findtext("type"), e.findtext("date"),
         e.findtext("start"), e.findtext("duration"), e.findtext("abstract"), e.findtext("slug"),
         [(p.text, p.get("guid")) for p in e.find("persons")],
         [(link.text, link.get("href"), link.get("type")) for link in e.find("links")], e.findtext("url"))
        for e in doc.iter("event")
    ]
    assert from_xml == from_json
    assert doc.findtext("conference/acronym") == data["schedule"]["conference"]["acronym"]


# -- reproducible ----------------------------------------------------------------------------------


def test_same_source_date_epoch_gives_byte_identical_exports(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763000000")
    outputs = []
    for name in ("a", "b"):
        app = build_app(copy_site(tmp_path / name), "dirhtml")
        outputs.append({path: (Path(app.outdir) / path).read_bytes() for path in EXPORTS})
    assert outputs[0] == outputs[1]
    stamp = events(icalendar.Calendar.from_ical(outputs[0]["program.ics"]))[0]["DTSTAMP"].dt
    assert stamp == dt.datetime.fromtimestamp(1763000000, UTC)
