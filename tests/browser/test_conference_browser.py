"""The conference root (three days, four rooms, sessions, tracks) in a real browser: the filter and the grid.

Playwright drives Debian's Chromium over tests/roots/test-conference built with the site's
theme and served on the loopback (conftest's ``conference_url``).
"""

from __future__ import annotations

import pytest

from helpers import DESKTOP, PHONE, needs_chromium

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
    assert titles == ["Session 1: Learning workflows", "Learning Graphs of Tasks", "Agents That Tune Workflows",
                      "Provenance Graphs with Learned Queries"]
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


@pytest.mark.parametrize(("now", "on_now", "next_up"), [
    # after midnight, before symposium_day_change (04:00): still the program of 2 June
    ("2026-06-03T00:10+02:00", "Night walk", "A Keynote after Midnight"),
    ("2026-06-03T00:40+02:00", "A Keynote after Midnight", None),
], ids=["00:10", "00:40"])
def test_now_and_next_reckon_in_days_of_the_program_not_calendar_days(new_context, conference_url, now, on_now, next_up):
    page = new_context(timezone_id="Europe/Berlin").new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{conference_url}program/?now={now.replace('+', '%2B')}", wait_until="load")
    marked_now = page.locator("table.symposium-program tr.symposium-is-now")
    assert [" ".join(t.split()) for t in marked_now.locator(".symposium-title").all_inner_texts()] == [on_now]
    marked_next = page.locator("table.symposium-program tr.symposium-is-next")
    expected_next = [next_up] if next_up else []
    assert [" ".join(t.split()) for t in marked_next.locator(".symposium-title").all_inner_texts()] == expected_next
    assert page.get_by_role("button", name="Jump to now").is_visible()
    assert errors == []
