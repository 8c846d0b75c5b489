"""A talk's video in a real browser: a poster and a button, no request to the video's host until
the visitor asks, then the host's privacy-friendly player; the materials page.

Playwright drives Debian's Chromium over tests/roots/test-material built with the site's theme
and served on the loopback (conftest's ``material_url``). Every address off the loopback is
answered by a local stub (``route``), so no real network is needed, and none is used.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from helpers import DESKTOP, PHONE, needs_chromium

pytestmark = needs_chromium

OFF_THE_LOOPBACK = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")
STUB = "<!doctype html><html lang='en'><title>A stand-in for the host's player</title><p>The host's player</p></html>"


def open_talk(context, url: str):
    """A talk page, every request it makes logged in ``page.requests``; hosts off the loopback are stubs."""
    context.route(OFF_THE_LOOPBACK, lambda route: route.fulfill(status=200, content_type="text/html", body=STUB))
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    page.goto(url, wait_until="networkidle")
    return page


def off_site(page, site: str) -> list[str]:
    return [url for url in page.requests if not url.startswith(site)]


@pytest.mark.parametrize(("talk", "player"), [
    ("engines-on-video", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90"),
    ("compilers-on-vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"),
], ids=["youtube", "vimeo"])
def test_nothing_is_asked_of_the_host_until_play_then_its_privacy_friendly_player(new_context, material_url,
                                                                                   talk, player):
    page = open_talk(new_context(), f"{material_url}talks/{talk}/")
    assert page.requests and off_site(page, material_url) == []
    button = page.get_by_role("button", name=re.compile("Play the video"))
    expect(button).to_be_visible()
    button.click()
    frame = page.locator("iframe.symposium-video-player")
    expect(frame).to_have_attribute("src", player)
    expect(frame).to_be_visible()
    page.frame_locator("iframe.symposium-video-player").get_by_text("The host's player").wait_for()
    assert off_site(page, material_url) == [player]
    assert frame.get_attribute("title").startswith("Video: ")
    assert page.errors == []


def test_a_video_file_of_the_site_is_fetched_only_once_asked(new_context, material_url):
    page = open_talk(new_context(), f"{material_url}talks/a-local-recording/")
    video = f"{material_url}_static/videos/lightning.webm"
    assert video not in page.requests
    with page.expect_request(video):
        page.get_by_role("button", name=re.compile("Play the video")).click()
    assert page.locator("video.symposium-video-player").get_attribute("aria-label") == "Video: A Local Recording"
    assert off_site(page, material_url) == []


def test_the_play_button_works_from_the_keyboard_and_hands_over_the_focus(new_context, material_url):
    page = open_talk(new_context(), f"{material_url}talks/engines-on-video/")
    button = page.get_by_role("button", name=re.compile("Play the video"))
    button.focus()
    assert "loaded from YouTube" in page.evaluate(
        "document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent")
    page.keyboard.press("Enter")
    expect(page.locator("iframe.symposium-video-player")).to_be_visible()
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"


def test_without_javascript_the_poster_is_a_link_to_the_video(new_context, material_url):
    page = open_talk(new_context(java_script_enabled=False), f"{material_url}talks/engines-on-video/")
    poster = page.locator("a.symposium-video-poster")
    assert poster.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s"
    assert off_site(page, material_url) == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_talk_with_a_player_is_accessible_before_and_after_play(browser, material_url, viewport, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    try:
        page = open_talk(context, f"{material_url}talks/engines-on-video/")
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        page.get_by_role("button", name=re.compile("Play the video")).click()
        expect(page.locator("iframe.symposium-video-player")).to_be_visible()
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["program/materials/", "program/", "program/grid/"])
def test_the_materials_page_and_the_marks_are_accessible_and_fit(new_context, material_url, viewport, path):
    from axe_playwright_python.sync_playwright import Axe

    page = open_talk(new_context(viewport=viewport), f"{material_url}{path}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert off_site(page, material_url) == []
