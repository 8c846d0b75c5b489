"""The German congress (tests/roots/test-german) in a real browser: the visitor's own time beside
the event's reads as German writes it, on the 24-hour clock (or on the clock the site asks for)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import needs_chromium, serve

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def german_url(built):
    yield from serve(Path(built("german", "dirhtml", html_theme="pydata_sphinx_theme").outdir))


@pytest.fixture(scope="module")
def twelve_hour_url(built):
    yield from serve(Path(built("german", "dirhtml", html_theme="pydata_sphinx_theme", symposium_clock="12h").outdir))


def local_times(context, url: str) -> list[tuple[str, str]]:
    """Each row's event time and the visitor's time added under it, once the switch is on."""
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{url}program/", wait_until="load")
    page.locator(".symposium-tz-switch").first.click()
    cells = page.locator("table.symposium-program tbody tr td:first-child").all()
    assert not errors
    return [tuple(cell.inner_text().splitlines()) for cell in cells]


def test_in_new_york_the_visitor_s_time_is_german_at_24_hours(new_context, german_url):
    rows = local_times(new_context(timezone_id="America/New_York"), german_url)
    assert rows[0] == ("11:00–11:30 Uhr", "05:00–05:30 Uhr GMT-5")
    # the keynote over midnight in Hamburg is the afternoon before in New York
    assert ("23:30–00:30 Uhr", "17:30–18:30 Uhr GMT-5") in rows
    assert all(" AM" not in local and " PM" not in local for _, local in rows)


def test_in_tokyo_the_next_morning_says_its_weekday_in_german(new_context, german_url):
    rows = local_times(new_context(timezone_id="Asia/Tokyo"), german_url)
    assert ("23:30–00:30 Uhr", "So 07:30–08:30 Uhr GMT+9") in rows


def test_a_site_on_the_12_hour_clock_gives_the_visitor_the_same_clock(new_context, twelve_hour_url):
    rows = local_times(new_context(timezone_id="America/New_York"), twelve_hour_url)
    event, local = rows[0]
    assert event == "11:00–11:30 AM"
    assert local.startswith("5:00–5:30") and "AM" in local
