"""The event's full name: ``symposium_name``, else the home page's title; every export says the same."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest
from lxml import html


def names_in(app) -> dict[str, str]:
    """The name the JSON-LD, the calendar and the conference apps' schedule give the event."""
    outdir = Path(app.outdir)
    home = html.fromstring((outdir / "index.html").read_bytes())
    scripts = home.xpath('//script[@type="application/ld+json"]')
    assert len(scripts) == 1
    calendar = icalendar.Calendar.from_ical((outdir / "program.ics").read_bytes())
    return {
        "json-ld": json.loads(scripts[0].text)["name"],
        "ics": str(calendar["X-WR-CALDESC"]),
        "frab": json.loads((outdir / "schedule.json").read_text("utf-8"))["schedule"]["conference"]["title"],
    }


@pytest.mark.parametrize(("overrides", "expected"), [
    ({}, "Test symposium"),  # the home page's title
    ({"symposium_name": "The Analytical Engine Symposium"}, "The Analytical Engine Symposium"),
])
def test_every_export_names_the_event_alike(build, overrides, expected):
    app = build(confoverrides=overrides)
    assert names_in(app) == {"json-ld": expected, "ics": expected, "frab": expected}


def test_a_name_that_is_not_text_is_a_config_warning_and_the_title_serves(build):
    app = build(confoverrides={"symposium_name": "   "})
    warnings = app.warning.getvalue()
    assert "symposium_name = '   ': expected the event's full name as text" in warnings
    assert "[symposium.config]" in warnings
    assert names_in(app)["frab"] == "Test symposium"
