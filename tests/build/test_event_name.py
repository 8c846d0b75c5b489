"""The event's names come from conf.py (``symposium_name``, ``symposium_short_name``); every export says
the same, and none reads the name from the home page's heading, which may say something else."""

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
    ({}, "Test Symposium 2025"),  # `project`, not the home page's heading ("Test symposium")
    ({"symposium_short_name": "TS 2025"}, "TS 2025"),
    ({"symposium_name": "The Analytical Engine Symposium"}, "The Analytical Engine Symposium"),
])
def test_every_export_names_the_event_alike(built, overrides, expected):
    app = built("minimal", "html", **overrides)
    assert names_in(app) == {"json-ld": expected, "ics": expected, "frab": expected}


def test_the_short_name_and_the_name_are_substitutions_and_the_json_ld_s_alternate_name(built):
    app = built("minimal", "html", symposium_name="The Analytical Engine Symposium", myst_enable_extensions=["substitution"],
                files={"index.md": "# Welcome\n\n{{ short_name }}: {{ name }}\n\n```{toctree}\n:glob:\n\nprogram/*\n"
                                   "speakers/*\ntalks/*\n```\n"})
    page = parse_page(app, "index.html")
    assert "Test Symposium 2025: The Analytical Engine Symposium" in page.text_content()
    data = jsonld(page)
    assert (data["name"], data["alternateName"]) == ("The Analytical Engine Symposium", "Test Symposium 2025")


@pytest.mark.parametrize("name", ["symposium_name", "symposium_short_name"])
def test_a_name_that_is_not_text_is_a_config_warning_and_the_project_serves(built, name):
    app = built("minimal", "html", **{name: "   "})
    warnings = app.warning.getvalue()
    assert f"{name} = '   ': expected the event's" in warnings
    assert "[symposium.config]" in warnings
    assert names_in(app)["frab"] == "Test Symposium 2025"
