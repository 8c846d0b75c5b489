"""A poster session in a real browser (tests/roots/test-posters): the grid's box of posters,
the room filter and "On now" with posters in it, and axe in light and dark.

Playwright drives Debian's Chromium over the root built with the site's theme, served on the loopback.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import DESKTOP, PHONE, choose_rooms, needs_chromium, serve

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def posters_url(built) -> Iterator[str]:
    yield from serve(Path(built("posters", "dirhtml", html_theme="pydata_sphinx_theme").outdir))


def test_the_grid_keeps_the_poster_sessions_time_and_the_filter_hides_its_box(new_context, posters_url):
    page = new_context(timezone_id="Europe/Rome").new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{posters_url}program/grid/", wait_until="load")
    times = page.locator(".symposium-grid-time:not([hidden])")
    assert [" ".join(t.split()) for t in times.all_inner_texts()] == ["9:30 AM", "10:15 AM", "11:00 AM", "2:00 PM"]
    box = page.locator(".symposium-grid-posters")
    assert box.locator(".symposium-grid-item").count() == 3 and box.locator(".symposium-star").count() == 3
    choose_rooms(page, "Aula Magna")
    assert box.is_hidden()
    assert [" ".join(t.split()) for t in times.all_inner_texts()] == ["9:30 AM", "10:15 AM", "2:00 PM"]
    choose_rooms(page, "Foyer")
    assert box.is_visible()
    assert [" ".join(t.split()) for t in times.all_inner_texts()] == ["11:00 AM"]
    assert errors == []


def test_every_poster_of_the_session_is_on_now_during_it(new_context, posters_url):
    page = new_context(timezone_id="Europe/Rome").new_page()
    page.goto(f"{posters_url}program/?now=2026-09-15T11:30%2B02:00", wait_until="load")
    marked = page.locator("table.symposium-program tr.symposium-is-now .symposium-title")
    assert marked.all_inner_texts() == ["The First Compiler", "Gear Tolerances in Practice", "Punched Cards as Programs"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["program/", "program/grid/", "talks/punched-cards/"])
def test_the_poster_pages_have_no_accessibility_violations(browser, posters_url, path, viewport, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": viewport["width"], "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(f"{posters_url}{path}", wait_until="load")
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()
