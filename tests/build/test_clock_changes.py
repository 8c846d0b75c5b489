"""A talk across a change of the clocks: every output gives the same instants for its start and end.

In both hemispheres and at both changes: where the clocks go back, the wall-clock time of the
repeated hour happens twice, and a calendar's ``TZID`` local time would be read as the first
(so the calendars write it in UTC); where they go forward, the two ends have zones of different
names (CET, then CEST), and the pages say each end's own zone.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from helpers import calendar, events, jsonld, parse_page, parse_warnings, schedule_events, select, select_one, words

#: (zone, day, start, end as written with offsets, minutes, the page's words)
CHANGES = {
    "Berlin, autumn (the clocks go back)": (
        "Europe/Berlin", "2026-10-25", "2026-10-25T02:15+02:00", "2026-10-25T02:45+01:00", 90,
        "2:15 AM CEST–2:45 AM CET"),
    "Berlin, spring (the clocks go forward)": (
        "Europe/Berlin", "2026-03-29", "2026-03-29T01:30+01:00", "2026-03-29T03:30+02:00", 60,
        "1:30 AM CET–3:30 AM CEST"),
    "Sydney, autumn (April: the clocks go back)": (
        "Australia/Sydney", "2026-04-05", "2026-04-05T02:30+11:00", "2026-04-05T02:30+10:00", 60,
        "2:30 AM AEDT–2:30 AM AEST"),
    "Sydney, spring (October: the clocks go forward)": (
        "Australia/Sydney", "2026-10-04", "2026-10-04T01:30+10:00", "2026-10-04T03:30+11:00", 60,
        "1:30 AM AEST–3:30 AM AEDT"),
}


@pytest.fixture(params=list(CHANGES), scope="module")
def change(request):
    return CHANGES[request.param]


@pytest.fixture(scope="module")
def site(built, change):
    zone, day, start, end, _, _ = change
    return built("minimal", "html", files={
        "talks/engines.md": f"---\ntalk:\n  type: keynote\n  start: {start}\n  end: {end}\n"
                            "  speakers: [charles-babbage]\n---\n# Engines of Thought\n",
        "talks/notes.md": None,
        "program/index.md": "# Program\n\n```{program-table}\n```\n\n```{program-grid}\n```\n",
    }, symposium_timezone=zone, symposium_date=day)


def instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).astimezone(dt.UTC)


def test_the_build_is_clean(site):
    assert parse_warnings(site) == []


def test_every_output_gives_the_same_instants(site, change):
    _, _, start, end, minutes, _ = change
    expected = (instant(start), instant(end))
    assert expected[1] - expected[0] == dt.timedelta(minutes=minutes)
    outdir = Path(site.outdir)
    # both calendars, as a calendar app reads them
    for path in ("talks/engines.ics", "program.ics"):
        (event,) = events(calendar(site, path))
        read = (event["DTSTART"].dt.astimezone(dt.UTC), event["DTEND"].dt.astimezone(dt.UTC))
        assert read == expected, path
    # the conference apps' schedule: a start with its offset and a duration
    (frab,) = schedule_events(json.loads((outdir / "schedule.json").read_text("utf-8")))
    hours, mins = map(int, frab["duration"].split(":"))
    assert (instant(frab["date"]), instant(frab["date"]) + dt.timedelta(hours=hours, minutes=mins)) == expected
    # JSON-LD, and the <time> elements of the talk's page, the table and the grid
    page = parse_page(site, "talks/engines.html")
    data = jsonld(page)
    assert (instant(data["startDate"]), instant(data["endDate"])) == expected
    header = select_one(page, '//*[contains(@class, "symposium-talk-header")]')
    assert [instant(t.get("datetime")) for t in select(header, ".//time")] == list(expected)
    program = parse_page(site, "program/index.html")
    for where in ('//table[contains(@class, "symposium-program")]', '//*[contains(@class, "symposium-grid-item")]'):
        assert [instant(t.get("datetime")) for t in select(select_one(program, where), ".//time")] == list(expected)


def test_a_time_in_the_repeated_hour_is_written_in_utc_in_the_calendars(site, change):
    raw = (Path(site.outdir) / "talks/engines.ics").read_text("utf-8")
    lines = [line for line in raw.splitlines() if line.startswith(("DTSTART", "DTEND")) and "VTIMEZONE" not in line]
    ambiguous = {"Europe/Berlin": "2026-10-25", "Australia/Sydney": "2026-04-05"}
    zone, day, *_ = change
    event_lines = lines[-2:]  # the VEVENT's, after the VTIMEZONE's own DTSTARTs
    if ambiguous.get(zone) == day:
        assert all(line.endswith("Z") and "TZID" not in line for line in event_lines), event_lines
    else:
        assert all(f"TZID={zone}:" in line for line in event_lines), event_lines


def test_each_end_of_a_range_says_its_own_zone(site, change):
    *_, says = change
    page = parse_page(site, "talks/engines.html")
    assert says in words(select_one(page, '//*[contains(@class, "symposium-when")]'))
    program = parse_page(site, "program/index.html")
    table = select_one(program, '//table[contains(@class, "symposium-program")]')
    assert says in words(table)
    assert "the clocks change that day" in words(select_one(table, ".//caption"))
    assert words(select(table, ".//thead//th")[0]) == "Time"  # no zone for the column: each time says its own
    assert says in words(select_one(program, '//*[contains(@class, "symposium-grid-item")]'))
