"""The exports, read back with real parsers: iCalendar, the frab/c3voc schedule (JSON and XML).

Against the real site (the eight items of FACTS.md) and small test roots; validated with
the public schemas in ../shared/validators.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest
from lxml import etree, html
from test_site import PROGRAM, TALKS

from conftest import SHARED, copy_site, parse_warnings, words

UTC = dt.UTC
VALIDATORS = SHARED / "validators"
needs_validators = pytest.mark.skipif(not VALIDATORS.is_dir(), reason=f"no schemas at {VALIDATORS} (CI has them)")
EXPORTS = ("program.ics", "schedule.json", "schedule.xml", *(f"talks/{slug}.ics" for slug in TALKS))


def calendar(app, path: str = "program.ics") -> icalendar.Calendar:
    raw = (Path(app.outdir) / path).read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b""), "RFC 5545 lines end in CRLF"
    return icalendar.Calendar.from_ical(raw)


def events(cal: icalendar.Calendar) -> list[icalendar.Event]:
    return list(cal.walk("VEVENT"))


def schedule_events(data: dict) -> list[dict]:
    return [event for day in data["schedule"]["conference"]["days"] for room in day["rooms"].values() for event in room]


def local(hh_mm: str) -> dt.datetime:
    """A time of FACTS.md, in St. Louis on the day, as an instant."""
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
        assert str(event["URL"]).startswith("https://aiexscale.github.io/")
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
        assert str(event["URL"]) == f"https://aiexscale.github.io/talks/{slug}/"
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
    assert hrefs["Subscribe in your calendar"] == "webcal://aiexscale.github.io/program.ics"
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
            assert event["url"] == f"https://aiexscale.github.io/talks/{slug}/"
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


# -- stable and reproducible ------------------------------------------------------------------------


LATE_TALK = "---\ntalk:\n  type: lightning\n  start: 10:30\n  end: 10:40\n  speakers: [ada-lovelace]\n---\n# Late\n"


def identifiers(app) -> dict[str, tuple[str, str, int]]:
    """title -> (UID, guid, id)."""
    uids = {str(e["SUMMARY"]): str(e["UID"]) for e in events(calendar(app))}
    data = json.loads((Path(app.outdir) / "schedule.json").read_text("utf-8"))
    return {e["title"]: (uids[e["title"]], e["guid"], e["id"]) for e in schedule_events(data)}


def test_identifiers_survive_rebuilds_and_new_items(make_app, rootdir, tmp_path):
    import shutil

    first_src, second_src = tmp_path / "one", tmp_path / "two"
    shutil.copytree(rootdir / "test-minimal", first_src)
    shutil.copytree(rootdir / "test-minimal", second_src)
    (second_src / "talks/late.md").write_text(LATE_TALK, "utf-8")
    (second_src / "program/index.md").write_text(
        (second_src / "program/index.md").read_text("utf-8").replace(
            "speakers: [ada-lovelace]}", "speakers: [ada-lovelace]}\n    - {start: 10:40, end: 11:00, title: Break, type: break}"),
        "utf-8")
    builds = []
    for srcdir in (first_src, first_src, second_src):
        app = make_app("dirhtml", srcdir=srcdir, freshenv=True)
        app.build()
        app.cleanup()
        assert parse_warnings(app) == []
        builds.append(identifiers(app))
    assert builds[0] == builds[1]
    assert set(builds[2]) == {*builds[0], "Late", "Break"}
    assert {title: builds[2][title] for title in builds[0]} == builds[0]


def test_same_source_date_epoch_gives_byte_identical_exports(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763000000")
    outputs = []
    for name in ("a", "b"):
        app = make_app("dirhtml", srcdir=copy_site(tmp_path / name), freshenv=True)
        app.build()
        app.cleanup()
        outputs.append({path: (Path(app.outdir) / path).read_bytes() for path in EXPORTS})
    assert outputs[0] == outputs[1]
    stamp = events(icalendar.Calendar.from_ical(outputs[0]["program.ics"]))[0]["DTSTAMP"].dt
    assert stamp == dt.datetime.fromtimestamp(1763000000, UTC)


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
def test_builders_without_exports_write_none_and_link_none(build, buildername):
    app = build(buildername=buildername)
    out = Path(app.outdir)
    assert not (out / "program.ics").exists() and not (out / "schedule.json").exists()
    text = "".join(p.read_text("utf-8") for p in out.rglob("*") if p.suffix in {".html", ".txt"})
    assert "Add to calendar" not in text and "Download the program" not in text


def test_without_html_baseurl_one_warning_and_no_exports(build):
    app = build(confoverrides={"html_baseurl": ""})
    found = parse_warnings(app)
    assert [w.type for w in found] == ["symposium.config"] and "html_baseurl" in found[0].message
    assert not (Path(app.outdir) / "program.ics").exists()
    assert "Add to calendar" not in (Path(app.outdir) / "talks/engines.html").read_text("utf-8")


def test_the_html_builder_names_calendars_beside_its_pages(build):
    app = build()
    out = Path(app.outdir)
    link = html.parse(str(out / "talks/engines.html")).getroot().xpath('//a[contains(@class, "symposium-calendar-link")]')[0]
    assert link.get("href") == "engines.ics" and (out / "talks/engines.ics").is_file()
    assert str(events(calendar(app, "talks/engines.ics"))[0]["URL"]) == "https://symposium.example.org/talks/engines.html"
