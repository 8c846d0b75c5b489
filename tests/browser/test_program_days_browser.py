"""The days at a glance (``{program-days}``) in a real browser: every day shown, on a desktop and a
phone, with the toolbar's scripts running (they hide a program day whose rows a filter empties,
which a day at a glance, having no rows, must not be taken for)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import DESKTOP, PHONE, needs_chromium

pytestmark = needs_chromium

DAY_PAGES = {
    "program/day-1.md": "# The first day\n\n```{program-table}\n:day: 2026-06-02\n```\n",
    "program/day-3.md": "# The third day\n\n```{program-grid}\n:day: 2026-06-04\n```\n",
    "index.md": "# Workflows Conference 2026\n\n```{program-days}\n```\n\n```{toctree}\n:glob:\n\nprogram/*\n"
                "speakers/*\ntalks/*\n```\n",
}


@pytest.fixture(scope="module")
def glance_url(built, served) -> str:
    app = built("conference", "dirhtml", files=DAY_PAGES, html_theme="pydata_sphinx_theme")
    return served(Path(app.outdir))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_day_at_a_glance_is_shown_and_leads_to_its_page(new_context, glance_url, viewport):
    page = new_context(viewport=viewport, timezone_id="Europe/Berlin").new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(glance_url, wait_until="load")
    page.wait_for_function("document.documentElement.classList.contains('symposium-ready')"
                           " || document.readyState === 'complete'")
    days = page.locator(".symposium-glance-day")
    assert days.count() == 3
    for index in range(3):
        assert days.nth(index).is_visible()
    assert page.locator(".symposium-glance-date a").first.get_attribute("href") == "program/day-1/"
    page.locator(".symposium-glance-date a").first.click()
    page.wait_for_url("**/program/day-1/")
    assert page.locator("table.symposium-program tbody tr:not([hidden])").count() > 0
    assert errors == []
