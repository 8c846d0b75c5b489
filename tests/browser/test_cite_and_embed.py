"""In Chromium: a talk page's "Cite this talk" block (copy, accessibility in light and dark), and the
embeddable program in a page of another site, whose iframe takes the height of its content."""

from __future__ import annotations

import re

import pytest

from helpers import DESKTOP, PHONE, REPO, needs_chromium

pytestmark = needs_chromium

TALK = "talks/invited-talk-2/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_cite_block_open_is_accessible(new_context, site_url, scheme, viewport):
    from axe_playwright_python.sync_playwright import Axe

    page = new_context(viewport=viewport, color_scheme=scheme).new_page()
    page.goto(site_url + TALK, wait_until="load")
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    page.get_by_text("Cite this talk").click()
    assert page.locator("details.symposium-cite").get_attribute("open") is not None
    assert page.get_by_role("button", name="Copy the BibTeX").is_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_copy_puts_the_bibtex_on_the_clipboard(new_context, site_url):
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(site_url + TALK, wait_until="load")
    page.get_by_text("Cite this talk").click()
    page.get_by_role("button", name="Copy the BibTeX").click()
    page.get_by_role("button", name="Copy the BibTeX").filter(has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("pre.symposium-cite-text").first.text_content()
    assert copied.startswith("@misc{aiexscale2025:invited-talk-2,")
    # announced to screen readers (the live region is filled a moment later, so that it is read)
    page.wait_for_function("document.querySelector('.symposium-live').textContent === 'BibTeX copied'")


def snippet() -> str:
    """The host page's snippet, as CONTRIBUTING.md gives it."""
    text = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    found = re.search(r"<!-- embed-snippet -->\n```html\n(.*?)```\n<!-- /embed-snippet -->", text, re.S)
    assert found, "CONTRIBUTING.md has no embed snippet"
    return found[1]


def host(site_url: str) -> str:
    embedded = snippet().replace("https://aiexscale.github.io/", site_url)
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Host conference</title>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'></head>"
            f"<body style='margin:0'><main><h1>Workshops</h1>{embedded}<p id='after'>After the program.</p></main>"
            "</body></html>")


def embedded_height(page) -> tuple[int, int]:
    """(the iframe's height, the height of the content of the page in it)."""
    frame = page.frame_locator("#aiexscale-program")
    content = frame.locator("main.symposium-embed").evaluate("m => Math.ceil(m.getBoundingClientRect().bottom)")
    return round(page.locator("#aiexscale-program").bounding_box()["height"]), content


def test_the_embedded_program_takes_the_height_of_its_content(new_context, site_url, host_page):
    url = host_page(host(site_url))
    assert not url.startswith(site_url)  # another origin
    context = new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    frame = page.frame_locator("#aiexscale-program")
    frame.locator("table.symposium-program").wait_for()
    page.wait_for_function("document.getElementById('aiexscale-program').style.height !== ''")
    height, content = embedded_height(page)
    assert abs(height - content) <= 1, (height, content)
    assert frame.locator("html").evaluate("h => h.scrollHeight <= h.clientHeight + 1")  # nothing to scroll inside
    # the program alone: no header, navigation or footer of the site
    assert frame.locator("#pst-header, .bd-footer, .bd-sidebar-primary, nav").count() == 0
    assert frame.locator("h1").text_content().startswith("AIExScale 2025 program")
    # a phone's program is longer: the iframe follows
    page.set_viewport_size(PHONE)
    page.wait_for_function(f"parseInt(document.getElementById('aiexscale-program').style.height) > {height + 100}")
    phone_height, phone_content = embedded_height(page)
    assert abs(phone_height - phone_content) <= 1, (phone_height, phone_content)
    # and back
    page.set_viewport_size(DESKTOP)
    page.wait_for_function(f"parseInt(document.getElementById('aiexscale-program').style.height) < {phone_height}")
    assert abs(embedded_height(page)[0] - height) <= 2
    # links open the site in the host's window
    assert frame.locator("base").get_attribute("target") == "_top"
    # nothing but the two loopback sites
    host_origin = url.split("/", 3)[:3]
    assert all(r.startswith(site_url) or r.split("/", 3)[:3] == host_origin for r in requests), requests
    # the embed is light unless asked (the host page is)
    assert frame.locator("html").get_attribute("data-theme") == "light"


def test_the_embed_is_dark_when_the_host_asks(new_context, site_url):
    page = new_context(color_scheme="light").new_page()
    page.goto(site_url + "program/embed/?mode=dark", wait_until="load")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.goto(site_url + "program/embed/?mode=auto", wait_until="load")
    assert page.evaluate("document.documentElement.dataset.theme") == "light"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_embed_is_accessible(new_context, site_url, host_page, viewport):
    from axe_playwright_python.sync_playwright import Axe

    page = new_context(viewport=viewport).new_page()
    page.goto(site_url + "program/embed/", wait_until="load")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.goto(host_page(host(site_url)), wait_until="load")
    page.frame_locator("#aiexscale-program").locator("table.symposium-program").wait_for()
    results = Axe().run(page)  # axe goes into the iframe
    assert results.violations_count == 0, results.generate_report()
