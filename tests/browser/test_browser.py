"""What people see, in a real browser: Playwright driving Debian's Chromium over the built site.

Accessibility with axe-core (as pydata-sphinx-theme's own tests do), phone-width layout,
and no request leaving the machine. Skipped, with the reason, where no Chromium is installed
(`apt-get install chromium`; `.ci/run` installs it).
"""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")

PAGES = ["", "program/", "talks/", "speakers/", "talks/keynote-tbd/", "talks/moderated-discussion/",
         "speakers/ian-foster/", "speakers/orcun-yildiz/"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site_url(real_site):
    """The real site, served on the loopback."""
    handler = functools.partial(_QuietHandler, directory=str(real_site.outdir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, site_url):
    pages = []

    def open_(path: str, viewport: dict):
        page = browser.new_page(viewport=viewport)
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.goto(site_url + path, wait_until="networkidle")
        pages.append(page)
        return page

    yield open_
    for page in pages:
        page.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violations(open_page, path, viewport):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(path, viewport)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", PAGES)
def test_phone_width_has_no_sideways_scrolling(open_page, path):
    page = open_page(path, PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("path", PAGES)
def test_no_request_leaves_the_site(open_page, site_url, path):
    page = open_page(path, DESKTOP)
    assert page.requests and all(url.startswith(site_url) for url in page.requests), page.requests


def test_program_on_a_phone_reads_as_a_list(open_page):
    page = open_page("program/", PHONE)
    first = page.locator("table.symposium-program tbody tr").first
    time_box = first.locator("td").nth(0).bounding_box()
    title_box = first.locator("td").nth(1).bounding_box()
    assert title_box["y"] > time_box["y"]  # the time sits above the title, not beside it
    assert first.locator("td").nth(0).inner_text() == "8:30\u20138:35 AM"
    assert not page.locator("table.symposium-program thead").is_visible() or \
        page.locator("table.symposium-program thead").bounding_box()["height"] <= 1


def test_program_on_a_desktop_is_a_table(open_page):
    page = open_page("program/", DESKTOP)
    row = page.locator("table.symposium-program tbody tr").nth(1)
    boxes = [row.locator("td").nth(i).bounding_box() for i in range(3)]
    assert boxes[0]["y"] == boxes[1]["y"] == boxes[2]["y"]
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
    link = row.locator("a", has_text="Trillion-Parameter")
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("/talks/keynote-tbd/")
    assert "8:35\u20139:30 AM" in page.locator(".symposium-talk-header").inner_text()
