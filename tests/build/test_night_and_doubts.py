"""Items that run past the change of day, and items whose time the build doubts.

An item belongs to the day of the program in which it starts, and may end after the day changes
(a night's set from 01:00 to 10:00 with ``symposium_day_change = "04:00"``): every view shows it
under that day. Warnings explain; they never remove an item: the program and the exports hold
the same items whether the warnings are shown or suppressed. Only an item without a start is left
out, and its page then claims no time.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from helpers import (
    VALIDATORS,
    calendar,
    events,
    jsonld,
    parse_page,
    parse_warnings,
    schedule_events,
    validate_schedules,
    words,
)

NIGHT_SET = {
    "talks/night-set.md": "---\ntalk:\n  type: contributed\n  date: 2026-06-03\n  start: 1:00\n  end: 10:00\n"
                          "  room: Room 2\n---\n# Night Set\n\nFrom one in the morning to ten.\n",
}


@pytest.fixture(scope="module")
def night(built):
    return built("conference", "dirhtml", files=NIGHT_SET)


def test_a_set_from_1_to_10_builds_without_a_warning(night):
    assert parse_warnings(night) == []


def test_the_program_lists_the_set_under_the_evening_s_day(night):
    doc = parse_page(night, "program/index.html")
    first_day = doc.xpath('//table[contains(@class, "symposium-program")]')[0]
    row = first_day.xpath("./tbody/tr")[-1]
    assert words(row).startswith("1:00–10:00 AM Contributed Talk Night Set")
    assert row.xpath(".//time/@datetime") == ["2026-06-03T01:00+02:00", "2026-06-03T10:00+02:00"]
    second_day = doc.xpath('//table[contains(@class, "symposium-program")]')[1]
    assert "Night Set" not in words(second_day)


def test_the_grid_s_first_day_runs_to_the_end_of_the_set(night):
    page = parse_page(night, "program/grid/index.html")
    first_day = page.xpath('//div[contains(concat(" ", @class, " "), " symposium-grid ")]')[0]
    cells = first_day.xpath('./div[contains(@class, "symposium-grid-item")]')
    last = cells[-1]
    assert "Night Set" in words(last)
    start_row, end_row = (int(n) for n in last.get("style").split("grid-row:")[1].split(";")[0].split("/"))
    # each time's row, where it starts (it runs down to the next time's)
    rows = {int(label.get("style").split("grid-row:")[1].split(";")[0].split("/")[0])
            for label in first_day.xpath('./div[contains(@class, "symposium-grid-time")]')}
    # its row starts at 1:00 and ends on the grid's last line: the day's last end is its end
    assert start_row == max(rows) and end_row == max(rows) + 1
    assert "1:00–10:00 AM" in words(last)


def test_the_exports_carry_the_set_whole_in_the_evening_s_day(night):
    (event,) = [e for e in events(calendar(night)) if str(e["SUMMARY"]) == "Night Set"]
    assert event.decoded("DTSTART").isoformat() == "2026-06-03T01:00:00+02:00"
    assert event.decoded("DTEND").isoformat() == "2026-06-03T10:00:00+02:00"
    data = json.loads((Path(night.outdir) / "schedule.json").read_text("utf-8"))
    days = data["schedule"]["conference"]["days"]
    (day,) = [d for d in days if any(e["title"] == "Night Set" for room in d["rooms"].values() for e in room)]
    assert day["date"] == "2026-06-02"
    assert day["day_end"] == "2026-06-03T10:00:00+02:00"
    (item,) = [e for e in schedule_events(data) if e["title"] == "Night Set"]
    assert (item["date"], item["start"], item["duration"]) == ("2026-06-03T01:00:00+02:00", "01:00", "09:00")
    if VALIDATORS.is_dir():
        schema = json.loads((VALIDATORS / "c3voc-schedule.schema.json").read_text("utf-8"))
        jsonschema.validators.validator_for(schema)(schema).validate(data)


def test_the_set_s_page_and_json_ld(night):
    doc = parse_page(night, "talks/night-set/index.html")
    when = doc.xpath('//*[contains(@class, "symposium-when")]')[0]
    assert "1:00–10:00 AM" in words(when)
    event = jsonld(doc)
    assert (event["startDate"], event["endDate"]) == ("2026-06-03T01:00:00+02:00", "2026-06-03T10:00:00+02:00")


# -- warnings never remove an item --------------------------------------------------------------

def _talk(timing: str, title: str) -> str:
    return f"---\ntalk:\n  type: contributed\n  {timing}\n---\n# {title}\n\nThe abstract.\n"


#: each an item the build warns about (with no warning between two of them)
DOUBTS = {
    "program/index.md": "---\nprogram:\n  items:\n"
                        "    - {start: 9:00, end: 9:10, title: Welcome, type: opening, speakers: [ada-lovelace]}\n"
                        "    - {start: 16:00, end: 16:30, title: Late Coffee, type: break}\n"  # a gap
                        "    - {date: 2025-11-22, start: 9:00, end: 9:30, title: Excursion, type: social}\n"  # off the day
                        "---\n# Program\n\n```{program-table}\n```\n",
    "talks/overlap.md": _talk("start: 9:30\n  duration: 20", "Overlapping Talk"),
    "talks/backwards.md": _talk("start: 11:00\n  end: 10:40", "Backwards Talk"),  # an end before its start
    "talks/all-night.md": _talk("start: 10:40\n  end: 2025-11-22T03:00", "All Night Talk"),  # past the change of day, too long
    "talks/far-away.md": _talk("start: '2025-11-21T19:00:00+09:00'\n  duration: 10", "Far Away Talk"),  # an offset
    "talks/no-end.md": _talk("start: 10:30\n  end: half past", "Endless Talk"),
    "talks/no-start.md": _talk("start: whenever\n  end: 11:30", "Timeless Talk"),
}
KEPT = {"Welcome", "Engines of Thought", "Notes on the Engine", "Late Coffee", "Excursion", "Overlapping Talk",
        "Backwards Talk", "All Night Talk", "Far Away Talk", "Endless Talk"}


def _held(app) -> dict[str, set[str]]:
    """The titles in the program table, program.ics and schedule.json."""
    out = Path(app.outdir)
    table = parse_page(app, "program/index.html").xpath('//table[contains(@class, "symposium-program")]'
                                                        '//*[contains(@class, "symposium-title")]')
    data = json.loads((out / "schedule.json").read_text("utf-8"))
    return {
        "program table": {words(title) for title in table},
        "program.ics": {str(event["SUMMARY"]) for event in events(calendar(app))},
        "schedule.json": {event["title"] for event in schedule_events(data)},
    }


@pytest.fixture(scope="module")
def doubted(built):
    shown = built("minimal", "html", files=DOUBTS)
    quiet = built("minimal", "html", files=DOUBTS, suppress_warnings=["symposium.schedule", "symposium"])
    return shown, quiet


def test_suppressing_the_warnings_removes_no_item(doubted):
    shown, quiet = doubted
    warned = [w for w in parse_warnings(shown) if w.type.startswith("symposium")]
    assert len(warned) >= 7, warned
    assert [w for w in parse_warnings(quiet) if w.type.startswith("symposium")] == []
    assert _held(shown) == _held(quiet) == dict.fromkeys(["program table", "program.ics", "schedule.json"], KEPT)


def test_each_doubt_is_one_located_warning(doubted):
    shown, _ = doubted
    found = sorted((w.path, w.line) for w in parse_warnings(shown) if w.type.startswith("symposium"))
    assert found == sorted([
        ("program/index.md", 5), ("program/index.md", 6),  # the gap, on the later item; the day off
        ("talks/all-night.md", 5), ("talks/backwards.md", 5), ("talks/far-away.md", 4), ("talks/no-end.md", 5),
        ("talks/no-start.md", 4), ("talks/engines.md", 5),  # the overlap, on the talk that holds the other
    ]), found


def test_an_item_without_a_start_is_told_left_out_and_its_page_claims_no_time(doubted):
    shown, _ = doubted
    (warning,) = [w for w in parse_warnings(shown) if w.path == "talks/no-start.md"]
    assert "the item is left out of the program and the exports: expected a time" in warning.message
    page = parse_page(shown, "talks/no-start.html")
    assert page.xpath('//*[contains(@class, "symposium-when")]') == []
    assert page.xpath("//main//time") == []
    assert "Timeless Talk" in words(page.xpath("//h1")[0])


def test_an_item_whose_end_cannot_be_read_is_listed_at_its_start(doubted):
    shown, _ = doubted
    (warning,) = [w for w in parse_warnings(shown) if w.path == "talks/no-end.md"]
    assert warning.message.rstrip().split(" [")[0].endswith("until then the item is listed at its start, without an end")
    row = next(tr for tr in parse_page(shown, "program/index.html").xpath("//table//tbody/tr") if "Endless Talk" in words(tr))
    assert row.xpath(".//time/@datetime") == ["2025-11-21T10:30-06:00"]
    (event,) = [e for e in events(calendar(shown)) if str(e["SUMMARY"]) == "Endless Talk"]
    assert "DTEND" not in event and event.decoded("DTSTART").isoformat() == "2025-11-21T10:30:00-06:00"
    assert event.decoded("DURATION") == dt.timedelta(0)  # RFC 5545: a DTEND must be after DTSTART
    (item,) = [e for e in schedule_events(json.loads((Path(shown.outdir) / "schedule.json").read_text("utf-8")))
               if e["title"] == "Endless Talk"]
    assert item["duration"] == "00:00"
    assert "endDate" not in jsonld(parse_page(shown, "talks/no-end.html"))


@pytest.mark.skipif(not VALIDATORS.is_dir(), reason=f"no {VALIDATORS} beside the repository")
def test_the_exports_of_doubted_items_validate(doubted):
    shown, _ = doubted
    validate_schedules(Path(shown.outdir))
