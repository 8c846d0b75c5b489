"""The attendee toolbar of a German site speaks German: its words come from the build, in the
page's data (tests/roots/test-words-de, ``language = "de"``, with the site's theme).

A visitor in New York (their clock differs from Berlin's, so the time switch shows) opens the
program during the keynote, stars a talk, filters, opens the share panel and changes the room.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from helpers import PHONE, needs_chromium

pytestmark = needs_chromium

DURING = "2026-06-02T09:40%2B02:00"  # the keynote "Maschinen des Denkens" (9:30–10:15 in Saal 2)


@pytest.fixture(scope="module")
def german_url(built, served) -> str:
    app = built("words-de", "dirhtml", html_theme="pydata_sphinx_theme", html_sidebars={"**": []},
                html_theme_options={"secondary_sidebar_items": []})
    return served(Path(app.outdir))


def _open(new_context, url: str, path: str, **options):
    page = new_context(timezone_id="America/New_York", **options).new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url + path, wait_until="load")
    return page


def test_the_toolbar_speaks_german(new_context, german_url):
    page = _open(new_context, german_url, f"program/?now={DURING}")
    tools = page.get_by_role("group", name="Mein Programm und Zeitzone")
    expect(tools).to_be_visible()
    expect(tools.get_by_role("button", name=re.compile(r"^Auch meine Uhrzeit zeigen \("))).to_be_visible()
    expect(tools.get_by_role("button", name="Zur aktuellen Zeit")).to_be_visible()
    filter_button = tools.get_by_role("button", name=re.compile("^Nur markierte"))
    assert filter_button.is_disabled()
    assert filter_button.get_attribute("title") == "Markieren Sie zuerst Programmpunkte"
    expect(tools.get_by_role("button", name="Kalender (.ics) Ihrer markierten Programmpunkte")).to_be_visible()
    rooms = tools.locator("select.symposium-place-filter[data-kind=room]")
    assert rooms.locator("option").first.text_content() == "Alle Räume"
    assert tools.locator(".symposium-place-label").first.text_content().startswith("Raum")
    assert tools.locator("select[data-kind=track] option").first.text_content() == "Alle Themenreihen"
    # now and next, in the rows and said to screen readers
    keynote = page.locator("table.symposium-program tbody tr", has_text="Maschinen des Denkens")
    expect(keynote.locator(".symposium-now-label")).to_have_text("Läuft gerade")
    following = page.locator("table.symposium-program tbody tr", has_text="Blitzlicht")
    expect(following.locator(".symposium-now-label")).to_have_text("Als Nächstes")
    expect(page.locator(".symposium-live")).to_contain_text("Läuft gerade: Maschinen des Denkens.")
    # a star, then the filter
    page.get_by_role("button", name="Maschinen des Denkens markieren").click()
    expect(page.locator(".symposium-live")).to_contain_text("Zu Ihrem Programm hinzugefügt: Maschinen des Denkens. 1 markiert.")
    filter_button.click()
    expect(page.locator(".symposium-live")).to_contain_text("Nur Ihre 1 markierten Programmpunkte werden gezeigt")
    # the share panel
    page.get_by_text("Mein Programm teilen").click()
    expect(page.get_by_text("Öffnen Sie diesen Link auf einem anderen Gerät")).to_be_visible()
    expect(page.get_by_role("textbox", name="Link zu Ihren markierten Programmpunkten")).to_be_visible()
    expect(page.get_by_role("button", name="Link kopieren")).to_be_visible()
    expect(page.get_by_role("img", name="QR-Code des Links oben")).to_be_visible()
    # the visitor's own time beside each time
    page.get_by_role("button", name=re.compile("^Auch meine Uhrzeit zeigen")).click()
    assert page.locator(".symposium-local").first.get_attribute("title") == "Ihre Uhrzeit (America/New_York)"
    assert page.errors == []


def test_a_talk_page_and_the_cite_block_speak_german(new_context, german_url):
    page = _open(new_context, german_url, "talks/maschinen/")
    expect(page.get_by_role("button", name="Vortrag markieren")).to_be_visible()
    assert page.get_by_role("button", name="Vortrag markieren").get_attribute("title") == "In mein Programm aufnehmen"
    page.get_by_text("Diesen Vortrag zitieren").click()
    expect(page.get_by_role("button", name="BibTeX kopieren")).to_have_text("Kopieren")
    assert page.errors == []


def test_the_toolbar_speaks_german_on_a_phone(new_context, german_url):
    page = _open(new_context, german_url, f"program/?now={DURING}", viewport=PHONE)
    tools = page.get_by_role("group", name="Mein Programm und Zeitzone")
    expect(tools.get_by_role("button", name=re.compile("^Nur markierte"))).to_be_visible()
    page.get_by_role("button", name="Blitzlicht markieren").click()  # the share panel shows once a talk is starred
    expect(tools.get_by_text("Mein Programm teilen")).to_be_visible()
    # nothing of the toolbar is wider than the phone
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.errors == []
