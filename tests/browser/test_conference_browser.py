"""The conference root (three days, four rooms, sessions, tracks) in a real browser: the filter and the grid.

Playwright drives Debian's Chromium over tests/roots/test-conference built with the site's
theme and served on the loopback (conftest's ``conference_url``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import DESKTOP, PHONE, choose_rooms, needs_chromium, serve

pytestmark = needs_chromium


def test_the_program_filters_by_room_and_track_without_a_reload(new_context, conference_url):
    page = new_context(timezone_id="Europe/Berlin").new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{conference_url}program/", wait_until="load")
    visible = "table.symposium-program tbody tr:not([hidden])"
    titles_shown = f"{visible} .symposium-title, {visible} .symposium-session-title strong"
    assert page.locator(visible).count() == 14  # 10 items and 4 session rows
    page.get_by_label("Room").select_option(label="Hall B")
    titles = [" ".join(t.split()) for t in page.locator(titles_shown).all_inner_texts()]
    assert titles == ["Session 2: Workflow systems", "Engines at Scale", "Compilers for Workflows", "Night walk",
                      "A Keynote after Midnight"]
    page.wait_for_function("document.querySelector('.symposium-live').textContent.startsWith('Showing Hall B')")
    page.get_by_label("Room").select_option(label="All rooms")
    page.get_by_label("Track").select_option(label="AI")
    titles = [" ".join(t.split()) for t in page.locator(titles_shown).all_inner_texts()]
    # a session's heading stays over its talks shown, whatever the session's own track
    assert titles == ["Session 1: Learning workflows", "Learning Graphs of Tasks", "Agents That Tune Workflows",
                      "Session 4: Provenance", "Provenance Graphs with Learned Queries"]
    assert errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("viewport", "side_by_side"), [(DESKTOP, True), (PHONE, False)], ids=["desktop", "phone"])
def test_the_grid_shows_rooms_side_by_side_on_a_desktop_and_one_column_on_a_phone_accessibly(
        browser, conference_url, viewport, side_by_side, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": viewport["width"], "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(f"{conference_url}program/grid/", wait_until="load")
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        learning = page.locator("#grid-item-learning-graphs").bounding_box()
        engines = page.locator("#grid-item-engines-at-scale").bounding_box()
        if side_by_side:
            assert learning["y"] == engines["y"] and engines["x"] > learning["x"] + learning["width"] - 1
        else:
            assert engines["y"] > learning["y"] + learning["height"] - 1 and engines["x"] == learning["x"]
            assert page.locator("#grid-item-engines-at-scale .symposium-grid-room").is_visible()
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


@pytest.mark.parametrize(("path", "item"), [("program/", "table.symposium-program tr"), ("program/grid/", ".symposium-grid-item")],
                         ids=["table", "grid"])
@pytest.mark.parametrize(("now", "on_now", "next_up"), [
    # after midnight, before symposium_day_change (04:00): still the program of 2 June
    ("2026-06-03T00:10+02:00", "Night walk", "A Keynote after Midnight"),
    ("2026-06-03T00:40+02:00", "A Keynote after Midnight", None),
], ids=["00:10", "00:40"])
def test_now_and_next_reckon_in_days_of_the_program_not_calendar_days(new_context, conference_url, now, on_now, next_up,
                                                                      path, item):
    page = new_context(timezone_id="Europe/Berlin").new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{conference_url}{path}?now={now.replace('+', '%2B')}", wait_until="load")
    marked_now = page.locator(f"{item}.symposium-is-now")
    assert [" ".join(t.split()) for t in marked_now.locator(".symposium-title").all_inner_texts()] == [on_now]
    assert marked_now.locator(".symposium-now-label").inner_text().casefold() == "on now"
    marked_next = page.locator(f"{item}.symposium-is-next")
    expected_next = [next_up] if next_up else []
    assert [" ".join(t.split()) for t in marked_next.locator(".symposium-title").all_inner_texts()] == expected_next
    assert page.get_by_role("button", name="Jump to now").is_visible()
    assert errors == []


def _shown_titles(page, selector: str) -> list[str]:
    return [" ".join(t.split()) for t in page.locator(selector).all_inner_texts()]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_grid_has_the_tables_toolbar_stars_and_filters(new_context, conference_url, viewport):
    """A grid page gets the toolbar; a star set in the grid is the table's star (one list per
    site); "Starred only" and the room filter hide cells, their times and the days left empty."""
    context = new_context(timezone_id="Europe/Berlin", viewport=viewport)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{conference_url}program/grid/", wait_until="load")
    assert page.locator(".symposium-tools").count() == 1
    page.get_by_role("button", name="Star Data Lakes for Simulations").click()
    assert page.get_by_role("button", name="Star Data Lakes for Simulations").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="Starred only").click()
    cells = ".symposium-grid-item:not([hidden]) .symposium-grid-title"
    assert _shown_titles(page, cells) == ["Invited Talk Data Lakes for Simulations Stream"]  # its session is streamed
    days = page.locator(".symposium-program-day:not([hidden]) .symposium-day")
    assert _shown_titles(page, ".symposium-program-day:not([hidden]) .symposium-day") == ["Wednesday, June 3, 2026"]
    assert days.count() == 1
    # the "Days:" line offers only the day left, without a separator before it
    assert " ".join(page.locator(".symposium-days").inner_text().split()) == "Days: Wednesday, June 3, 2026"
    assert page.locator(".symposium-grid-time:not([hidden])").count() == 1
    page.get_by_role("button", name="Starred only").click()
    # the room filter of a page with a grid is its room chooser
    choose_rooms(page, "Room 2")
    assert _shown_titles(page, cells) == ["Contributed Talk Provenance Graphs with Learned Queries"]
    assert _shown_titles(page, ".symposium-program-day:not([hidden]) .symposium-day") == ["Thursday, June 4, 2026"]
    if viewport is DESKTOP:  # the room's column next to the times
        assert page.locator(".symposium-grid-room-heading:not([hidden])").all_inner_texts() == ["Room 2"]
        assert page.locator("#grid-item-provenance-graphs").evaluate("cell => cell.style.gridColumnStart") == "2"
    choose_rooms(page)
    assert page.locator(".symposium-program-day:not([hidden])").count() == 3

    # the table of the same site knows the star, and its days and session headings follow too
    page.goto(f"{conference_url}program/", wait_until="load")
    assert page.locator("tr.symposium-starred .symposium-title").all_inner_texts() == ["Data Lakes for Simulations"]
    page.get_by_role("button", name="Starred only").click()
    visible = "table.symposium-program tbody tr:not([hidden])"
    assert _shown_titles(page, f"{visible} .symposium-title, {visible} .symposium-session-title strong") == [
        "Session 3: Data at scale", "Data Lakes for Simulations"]
    assert _shown_titles(page, ".symposium-program-day:not([hidden]) .symposium-day") == ["Wednesday, June 3, 2026"]
    assert errors == []


@pytest.mark.parametrize(("zone", "night_walk", "keynote"), [
    # London: 00:30 in Berlin is 23:30 on 2 June, the keynote's day in the program: no weekday
    ("Europe/London", "9:30–11:30 PM GMT+1", "11:30 PM – 12:00 AM (Wed) GMT+1"),
    # Moscow: the walk runs past the visitor's midnight; the keynote is on the visitor's 3 June
    ("Europe/Moscow", "11:30 PM – 1:30 AM (Wed) GMT+3", "Wed 1:30–2:00 AM GMT+3"),
    # Sydney, southern winter: both on the visitor's next morning
    ("Australia/Sydney", "Wed 6:30–8:30 AM GMT+10", "Wed 8:30–9:00 AM GMT+10"),
])
def test_the_visitors_time_is_dated_by_the_programs_day_and_reads_across_their_midnight(
        new_context, conference_url, zone, night_walk, keynote):
    page = new_context(timezone_id=zone, viewport=PHONE).new_page()
    page.goto(f"{conference_url}program/grid/", wait_until="load")
    page.get_by_role("button", name=re.compile("Also show my time")).click()
    local = {title: text for title, text in page.evaluate("""() => [...document.querySelectorAll('.symposium-grid-item')]
        .map(cell => [cell.querySelector('.symposium-title').textContent.trim(),
                      cell.querySelector('.symposium-local').textContent])""")}
    assert local["Night walk"] == night_walk
    assert local["A Keynote after Midnight"] == keynote
    # on a phone, the visitor's time is a line of its own under the event's time and room
    meta = page.locator("#grid-item-20260602-2230-night-walk-hall-b .symposium-grid-meta")
    event_time = meta.locator(".symposium-time").bounding_box()
    visitor_time = meta.locator(".symposium-local").bounding_box()
    assert visitor_time["y"] >= event_time["y"] + event_time["height"] - 1
    page.goto(f"{conference_url}program/", wait_until="load")  # the table says the same
    assert page.locator("#item-20260602-2230-night-walk-hall-b .symposium-local").inner_text() == night_walk
    # a session's heading reads "title · time · room · track", then the visitor's time below
    assert page.evaluate("""() => [...document.querySelectorAll('.symposium-session-title')]
        .every(line => line.lastElementChild.classList.contains('symposium-local'))""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize("path", ["program/hall-a/", "talks/learning-graphs/"])
def test_a_room_s_page_and_a_streamed_talk_are_accessible(new_context, conference_url, path, scheme, viewport):
    """The room's record (description, seats, map, stream) above its program, and a streamed talk's
    header with its room's line and "Watch the stream": axe finds nothing, nothing scrolls sideways."""
    from axe_playwright_python.sync_playwright import Axe

    page = new_context(viewport=viewport, color_scheme=scheme).new_page()
    page.goto(conference_url + path, wait_until="load")
    assert page.get_by_role("link", name="Watch the stream").first.is_visible()
    assert page.get_by_role("link", name="Map and directions").first.is_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@pytest.fixture(scope="module")
def night_url(built):
    """The conference with a night's set from 01:00 to 10:00 of 3 June (2 June's program)."""
    files = {"talks/night-set.md": "---\ntalk:\n  type: contributed\n  date: 2026-06-03\n  start: 1:00\n  end: 10:00\n"
                                   "  room: Room 2\n---\n# Night Set\n"}
    yield from serve(Path(built("conference", "dirhtml", files=files, html_theme="pydata_sphinx_theme").outdir))


@pytest.mark.parametrize(("path", "item"), [("program/", "table.symposium-program tr"), ("program/grid/", ".symposium-grid-item")],
                         ids=["table", "grid"])
@pytest.mark.parametrize(("now", "on_now"), [
    ("2026-06-03T01:30+02:00", ["Night Set"]),
    # after the day changes at 04:00, 3 June's program has begun, and the set of 2 June still runs
    ("2026-06-03T05:00+02:00", ["Night Set"]),
    ("2026-06-03T09:59+02:00", ["Night Set"]),
    ("2026-06-03T10:00+02:00", []),
], ids=["01:30", "05:00", "09:59", "10:00"])
def test_a_set_past_the_change_of_day_is_on_now_until_it_ends(new_context, night_url, now, on_now, path, item):
    page = new_context(timezone_id="Europe/Berlin").new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{night_url}{path}?now={now.replace('+', '%2B')}", wait_until="load")
    marked_now = page.locator(f"{item}.symposium-is-now")
    assert [" ".join(t.split()) for t in marked_now.locator(".symposium-title").all_inner_texts()] == on_now
    assert errors == []
