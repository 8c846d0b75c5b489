"""Whatever the build warns about, every export it writes is valid: the conference apps and the
calendars read the files, not the warnings."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from helpers import VALIDATORS, calendar, events, parse_warnings, schedule_events

needs_validators = pytest.mark.skipif(not VALIDATORS.is_dir(), reason=f"no {VALIDATORS} beside the repository")

#: each a mistake the build reports, and after which the exports must still validate
MISTAKES = {
    "an item on the day after the event": {
        "program/index.md": "---\nprogram:\n  items:\n    - {start: 9:00, end: 9:10, title: Welcome, type: opening}\n"
                            "    - {date: 2025-11-22, start: 9:00, end: 9:30, title: Excursion, type: social}\n---\n# P\n",
    },
    "items on the days before and after the event": {
        "program/index.md": "---\nprogram:\n  items:\n    - {date: 2025-11-19, start: 9:00, end: 9:10, title: Early, type: opening}\n"
                            "    - {date: 2025-11-23, start: 9:00, end: 9:30, title: Late, type: social}\n---\n# P\n",
    },
    "two items overlapping in one room": {
        "talks/notes.md": "---\ntalk:\n  type: discussion\n  start: 9:30\n  duration: 30\n---\n# Notes on the Engine\n",
    },
}


@needs_validators
@pytest.mark.parametrize("mistake", MISTAKES)
def test_the_exports_validate_even_when_the_build_warned(built, mistake):
    app = built("minimal", "html", files=MISTAKES[mistake])
    assert [w for w in parse_warnings(app) if w.type.startswith("symposium")], "the mistake is reported"
    out = Path(app.outdir)
    data = json.loads((out / "schedule.json").read_text("utf-8"))
    schema = json.loads((VALIDATORS / "c3voc-schedule.schema.json").read_text("utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(data)
    xsd = etree.XMLSchema(etree.parse(str(VALIDATORS / "c3voc-schedule.xml.xsd")))
    doc = etree.parse(str(out / "schedule.xml"))
    assert xsd.validate(doc), xsd.error_log
    indexes = [day.get("index") for day in doc.iter("day")]
    assert len(indexes) == len(set(indexes)), indexes
    assert len(schedule_events(data)) == len(events(calendar(app)))  # every item, in both


def test_the_event_s_days_keep_their_numbers_and_the_days_outside_come_after(built):
    app = built("minimal", "html", files=MISTAKES["items on the days before and after the event"])
    days = json.loads((Path(app.outdir) / "schedule.json").read_text("utf-8"))["schedule"]["conference"]["days"]
    assert [(day["date"], day["index"]) for day in days] == [("2025-11-19", 2), ("2025-11-21", 1), ("2025-11-23", 3)]


def test_tracks_follow_the_order_conf_py_lists_them_in(built):
    app = built("conference", "html", symposium_tracks=["Workflows", "AI"])
    conference = json.loads((Path(app.outdir) / "schedule.json").read_text("utf-8"))["schedule"]["conference"]
    tracks = [track["name"] for track in conference["tracks"]]
    assert tracks[:2] == ["Workflows", "AI"], tracks
