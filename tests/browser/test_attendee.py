"""Attendee features in a real browser: time zones, now and next, starred program, print.

Playwright drives Debian's Chromium over the real site served on the loopback, as
test_browser.py does; each feature is used as a person would use it. A page is used once it has
loaded (its scripts run before the load event); what the scripts announce later is waited for.
"""

from __future__ import annotations

import re
import urllib.request

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from helpers import PHONE, needs_chromium

pytestmark = needs_chromium

DURING = "2025-11-21T10:40-06:00"
NOW_TALK = "AI-Ready Scientific Workflows at Scale"
NEXT_TALK = "Intelligent Workflows at Scale"
STARS = "symposium:aiexscale2025:starred"


def open_program(context, site_url, query: str = ""):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{site_url}program/{query}", wait_until="load")
    page.errors = errors
    return page


def row(page, title: str):
    return page.locator("table.symposium-program tbody tr", has_text=title)


# -- now and next -----------------------------------------------------------------------------

def test_during_the_event_the_talk_on_now_and_the_next_are_marked(new_context, site_url):
    page = open_program(new_context(), site_url, f"?now={DURING}")
    assert page.locator("tr.symposium-is-now").count() == 1
    assert page.locator("tr.symposium-is-next").count() == 1
    assert row(page, NOW_TALK).locator(".symposium-now-label").text_content() == "On now"
    assert "symposium-is-now" in row(page, NOW_TALK).get_attribute("class")
    assert row(page, NEXT_TALK).locator(".symposium-now-label").text_content() == "Next"
    assert "symposium-is-next" in row(page, NEXT_TALK).get_attribute("class")
    expect(page.locator(".symposium-live")).to_contain_text("On now: " + NOW_TALK)  # announced after a moment
    jump = page.get_by_role("button", name="Jump to now")
    jump.click()
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.startswith(NOW_TALK)
    assert page.errors == []


@pytest.mark.parametrize("now", ["2025-11-21T07:00-06:00", "2025-11-22T10:00-06:00"], ids=["before", "after"])
def test_before_and_after_the_event_nothing_is_marked(new_context, site_url, now):
    page = open_program(new_context(), site_url, f"?now={now}")
    assert page.locator(".symposium-is-now, .symposium-is-next, .symposium-now-label").count() == 0
    jump = page.locator("button.symposium-jump")
    assert jump.count() == 1 and not jump.is_visible()


# -- stars, filter, calendar, share link ------------------------------------------------------------

def star(page, title: str):
    button = page.get_by_role("button", name=f"Star {title}", exact=False)
    button.click()
    return button


def test_stars_are_kept_and_filter_the_program(new_context, site_url):
    context = new_context()
    page = open_program(context, site_url)
    assert page.get_by_role("button", name=re.compile("Starred only")).is_disabled()  # nothing starred yet
    first = star(page, "Trillion-Parameter")
    second = star(page, NOW_TALK)
    assert first.get_attribute("aria-pressed") == second.get_attribute("aria-pressed") == "true"
    page.reload(wait_until="load")
    pressed = page.locator("button.symposium-star[aria-pressed=true]")
    assert pressed.count() == 2
    filter_ = page.get_by_role("button", name=re.compile("Starred only"))
    filter_.click()
    assert filter_.get_attribute("aria-pressed") == "true"
    visible = page.locator("table.symposium-program tbody tr:visible")
    assert visible.count() == 2
    assert NOW_TALK in visible.nth(1).inner_text()
    expect(page.locator(".symposium-live")).to_contain_text("2 starred items only")
    filter_.click()
    assert page.locator("table.symposium-program tbody tr:visible").count() == 8
    # the talk's own page shows the star, and can take it off
    page.goto(f"{site_url}talks/invited-talk-2/", wait_until="load")
    on_talk = page.locator(".symposium-talk-header button.symposium-star")
    assert on_talk.get_attribute("aria-pressed") == "true"
    assert on_talk.inner_text() == "Star this talk"  # the name stays; the pressed state changes
    on_talk.click()
    assert on_talk.get_attribute("aria-pressed") == "false"
    assert page.evaluate(f"localStorage.getItem('{STARS}')") == '["keynote-tbd"]'
    assert page.errors == []


def events_by_uid(text: str) -> dict[str, bytes]:
    calendar = Calendar.from_ical(text)
    return {str(event["UID"]): event.to_ical() for event in calendar.walk("VEVENT")}


def test_the_starred_calendar_holds_exactly_their_events_from_program_ics(new_context, site_url):
    page = open_program(new_context(accept_downloads=True), site_url)
    star(page, "Trillion-Parameter")
    star(page, NEXT_TALK)
    with page.expect_download() as download:
        page.get_by_role("button", name="Calendar (.ics) of your starred items").click()
    mine = download.value.path().read_text(encoding="utf-8")
    program = urllib.request.urlopen(f"{site_url}program.ics").read().decode()
    wanted = {"keynote-tbd@aiexscale2025", "invited-talk-3@aiexscale2025"}
    assert set(events_by_uid(mine)) == wanted
    assert {uid: ical for uid, ical in events_by_uid(program).items() if uid in wanted} == events_by_uid(mine)
    assert len(Calendar.from_ical(mine).walk("VTIMEZONE")) == 1
    assert mine.startswith("BEGIN:VCALENDAR") and mine.rstrip().endswith("END:VCALENDAR")


def test_the_share_link_opens_the_same_stars_in_another_browser(new_context, site_url):
    page = open_program(new_context(), site_url)
    star(page, "How Complex AI Workflows")
    star(page, NOW_TALK)
    page.get_by_text("Share my program").click()
    link = page.get_by_role("textbox", name="Link to your starred items").input_value()
    assert link.endswith("#starred=invited-talk-1,invited-talk-2")
    qr = page.get_by_role("img", name="QR code of the link above")
    qr.wait_for()
    assert page.evaluate("document.querySelector('.symposium-qr img').naturalWidth") > 100
    elsewhere = new_context(viewport=PHONE).new_page()
    elsewhere.goto(link, wait_until="load")
    pressed = elsewhere.locator("button.symposium-star[aria-pressed=true]")
    assert pressed.count() == 2
    assert {b.get_attribute("data-slug") for b in pressed.all()} == {"invited-talk-1", "invited-talk-2"}
    assert "#" not in elsewhere.url  # kept in the browser now; a reload adds nothing again


# -- time zones ----------------------------------------------------------------------------------------

def test_in_berlin_local_time_is_added_beside_the_event_time(new_context, site_url):
    page = open_program(new_context(timezone_id="Europe/Berlin"), site_url)
    keynote = row(page, "Trillion-Parameter").locator("td").first
    assert keynote.inner_text() == "8:35\u20139:30 AM"
    assert "Time (CST)" in page.locator("table.symposium-program thead").inner_text()
    switch = page.get_by_role("button", name=re.compile(r"Also show my time \(Berlin"))
    assert switch.get_attribute("aria-pressed") == "false"
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    assert keynote.inner_text().splitlines() == ["8:35\u20139:30 AM", "3:35\u20134:30 PM GMT+1"]
    assert page.locator(".symposium-local").first.get_attribute("title") == "Your time (Europe/Berlin)"
    page.reload(wait_until="load")  # remembered
    assert "3:35\u20134:30 PM GMT+1" in row(page, "Trillion-Parameter").locator("td").first.inner_text()
    page.goto(f"{site_url}talks/keynote-tbd/", wait_until="load")
    assert "8:35\u20139:30 AM CST" in page.locator(".symposium-when").inner_text()
    assert "3:35\u20134:30 PM GMT+1" in page.locator(".symposium-when").inner_text()


def test_in_the_event_zone_no_switch_is_offered(new_context, site_url):
    page = open_program(new_context(timezone_id="America/Chicago"), site_url)
    assert page.locator(".symposium-tz-switch").count() == 0
    assert page.locator(".symposium-local").count() == 0
    assert row(page, "Trillion-Parameter").locator("td").first.inner_text() == "8:35\u20139:30 AM"


# -- print -------------------------------------------------------------------------------------------

def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_program_prints_on_one_page(new_context, site_url, paper):
    page = open_program(new_context(timezone_id="Europe/Berlin"), site_url, f"?now={DURING}")
    star(page, NOW_TALK)
    pdf = page.pdf(format=paper, print_background=True)
    assert pdf_pages(pdf) == 1
    page.emulate_media(media="print")
    for hidden in (".bd-header", ".symposium-tools", "button.symposium-star", ".symposium-downloads", ".bd-footer"):
        assert page.locator(hidden).count(), f"nothing matches {hidden}"
        assert not page.locator(hidden).first.is_visible(), hidden
    text = page.locator("table.symposium-program").inner_text()
    for shown in ("CST", "8:35", "Trillion-Parameter", "Ian Foster", "Closing remarks"):
        assert shown in text


def test_a_talk_page_prints_its_header_and_abstract(new_context, site_url):
    page = new_context().new_page()
    page.goto(f"{site_url}talks/keynote-tbd/", wait_until="load")
    page.emulate_media(media="print")
    assert page.locator(".symposium-talk-header").is_visible()
    assert page.get_by_text("Foundation models tuned for science").first.is_visible()
    for hidden in (".bd-header", ".symposium-talk-tools"):
        assert page.locator(hidden).count() == 1, hidden
        assert not page.locator(hidden).is_visible(), hidden
    assert pdf_pages(page.pdf(format="A4")) <= 2


# -- accessibility and the phone, with every feature switched on ----------------------------------------

PAGES = ["", "program/", "speakers/", "talks/", "talks/invited-talk-2/", "speakers/katrin-heitmann/"]


def features_on(context) -> None:
    """A star pressed and the local time on, before any page's scripts run."""
    context.add_init_script(
        f"localStorage.setItem('{STARS}', '[\"invited-talk-2\",\"keynote-tbd\"]');"
        "localStorage.setItem('symposium:local-time', 'Europe/Berlin');"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violations_with_the_features_on(new_context, site_url, path, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = new_context(timezone_id="Europe/Berlin", color_scheme=scheme)
    features_on(context)
    page = context.new_page()
    page.goto(f"{site_url}{path}?now={DURING}", wait_until="load")
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    assert page.locator("button.symposium-star[aria-pressed=true]").count() >= (1 if path in ("", "program/", "talks/invited-talk-2/") else 0)
    if path in ("", "program/"):
        assert page.locator(".symposium-is-now").count() == 1
        assert page.locator(".symposium-local").count() > 0
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", PAGES)
def test_phone_width_with_the_features_on_has_no_sideways_scrolling(new_context, site_url, path):
    context = new_context(viewport=PHONE, timezone_id="Asia/Tokyo")
    features_on(context)
    page = context.new_page()
    page.goto(f"{site_url}{path}?now={DURING}", wait_until="load")
    switch = page.locator(".symposium-tz-switch")
    if switch.count():
        switch.first.click()  # Tokyo: the next day, and the longest local labels
        assert page.locator(".symposium-local").count() > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_pages_read_without_javascript(new_context, site_url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{site_url}program/", wait_until="load")
    assert "8:35\u20139:30 AM" in row(page, "Trillion-Parameter").inner_text()
    assert "(CST)" in page.locator("table.symposium-program").inner_text()
    assert page.locator("button").filter(has_text="Starred").count() == 0
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"


def test_the_theme_starts_in_the_system_mode_and_its_switch_still_works(new_context, site_url):
    page = open_program(new_context(color_scheme="dark"), site_url)
    assert page.evaluate("[document.documentElement.dataset.mode, document.documentElement.dataset.theme]") == \
        ["auto", "dark"]
    page.locator(".theme-switch-button").first.click()
    assert page.evaluate("document.documentElement.dataset.mode") != "auto"
    assert page.locator(".theme-switch-button i").first.evaluate("i => getComputedStyle(i, '::before').maskImage") \
        .startswith("url(")
    assert page.errors == []  # no "Got invalid theme mode"


def test_jump_to_now_does_not_animate_for_reduced_motion(new_context, site_url):
    page = open_program(new_context(viewport=PHONE, reduced_motion="reduce"), site_url, f"?now={DURING}")
    page.get_by_role("button", name="Jump to now").click()
    at_once = page.evaluate("window.scrollY")
    # a smooth scroll would go on frame after frame: 30 frames later (counted, not timed), it is where it was
    page.evaluate("new Promise(done => { let n = 0; const next = () => ++n < 30 ? requestAnimationFrame(next) : done();"
                  " requestAnimationFrame(next); })")
    assert at_once > 0 and page.evaluate("window.scrollY") == at_once
