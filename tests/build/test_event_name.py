"""The event's full name: ``symposium_name``, else the home page's title; every export says the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import calendar, jsonld, parse_page


def names_in(app) -> dict[str, str]:
    """The name the JSON-LD, the calendar and the conference apps' schedule give the event."""
    outdir = Path(app.outdir)
    return {
        "json-ld": jsonld(parse_page(app, "index.html"))["name"],
        "ics": str(calendar(app)["X-WR-CALDESC"]),
        "frab": json.loads((outdir / "schedule.json").read_text("utf-8"))["schedule"]["conference"]["title"],
    }


@pytest.mark.parametrize(("overrides", "expected"), [
    ({}, "Test symposium"),  # the home page's title
    ({"symposium_name": "The Analytical Engine Symposium"}, "The Analytical Engine Symposium"),
])
def test_every_export_names_the_event_alike(built, overrides, expected):
    app = built("minimal", "html", **overrides)
    assert names_in(app) == {"json-ld": expected, "ics": expected, "frab": expected}


def test_a_name_that_is_not_text_is_a_config_warning_and_the_title_serves(built):
    app = built("minimal", "html", symposium_name="   ")
    warnings = app.warning.getvalue()
    assert "symposium_name = '   ': expected the event's full name as text" in warnings
    assert "[symposium.config]" in warnings
    assert names_in(app)["frab"] == "Test symposium"
