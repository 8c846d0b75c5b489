"""What people see, in a real browser: Playwright driving Debian's Chromium over the built site.

Accessibility with axe-core (as pydata-sphinx-theme's own tests do), phone-width layout,
and no request leaving the machine. Skipped, with the reason, where no Chromium is installed
(`apt-get install chromium`; `.ci/run` installs it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import DESKTOP, PHONE, needs_chromium

pytestmark = needs_chromium

PAGES = ["", "program/", "talks/", "speakers/", "talks/keynote-tbd/", "talks/moderated-discussion/",
         "speakers/ian-foster/", "speakers/orcun-yildiz/"]


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
    page = open_page(path, DESKTOP, wait_until="networkidle")  # and whatever the scripts fetch after the load
    assert page.requests and all(url.startswith(site_url) for url in page.requests), page.requests


def test_program_on_a_phone_reads_as_a_list(open_page):
    page = open_page("program/", PHONE)
    first = page.locator("table.symposium-program tbody tr").first
    time_box = first.locator("td").nth(0).bounding_box()
    title_box = first.locator("td").nth(1).bounding_box()
    assert title_box["y"] > time_box["y"]  # the time sits above the title, not beside it
    assert first.locator("td").nth(0).inner_text() == "8:30\u20138:35 AM"
    head = page.locator("table.symposium-program thead")
    assert head.count() == 1
    assert not head.is_visible() or head.bounding_box()["height"] <= 1


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


#: of the class lists given, those whose element's ::before draws no glyph (no mask, no image)
_WITHOUT_GLYPH = """(classLists) => classLists.filter(classes => {
  const element = document.createElement('i');
  element.className = classes;
  document.body.appendChild(element);
  const before = getComputedStyle(element, '::before');
  const mask = before.maskImage || before.webkitMaskImage || 'none';
  const drawn = mask !== 'none' || before.backgroundImage.startsWith('url(');
  element.remove();
  return !drawn;
})"""


@pytest.mark.parametrize("site", ["real", "conference"])
def test_every_icon_on_every_page_draws_its_glyph(new_context, built, real_site, site_url, conference_url, site):
    """The theme's icon script is not loaded: each icon class a page uses needs its mask in attendee.css.

    Every page of the built site (the real one, and the conference root, whose pages have the
    theme's previous/next links and the page's outline) is read for the icon classes it uses;
    the browser then draws each one with the site's stylesheets."""
    from lxml import html

    app, url = (real_site, site_url) if site == "real" else (
        built("conference", "dirhtml", html_theme="pydata_sphinx_theme"), conference_url)
    outdir = Path(app.outdir)
    used: dict[str, set[str]] = {}
    for path in sorted(outdir.rglob("*.html")):
        for element in html.parse(str(path)).getroot().xpath('//*[contains(@class, "fa-")]'):
            names = element.get("class").split()
            if any(name.startswith("fa-") and name not in {"fa-solid", "fa-regular", "fa-brands"} for name in names):
                used.setdefault(" ".join(names), set()).add(path.relative_to(outdir).as_posix())
    assert len(used) >= 4  # the menu, search, back to top, the edit link's pencil...
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(url, wait_until="load")
    missing = page.evaluate(_WITHOUT_GLYPH, sorted(used))
    assert {classes: sorted(used[classes]) for classes in missing} == {}


@pytest.mark.parametrize("path", ["", "program/", "program/changes/", "speakers/", "speakers/ian-foster/", "talks/",
                                  "talks/keynote-tbd/", "talks/invited-talk-1/", "search/"])
def test_no_page_fetches_the_icon_font(open_page, path):
    """Every icon is a CSS mask (attendee.css): an icon of the theme's without one, such as the
    download links of a talk's citation, would fetch the 156 KiB icon font on a phone's data."""
    page = open_page(path, PHONE, wait_until="networkidle")
    assert [url for url in page.requests if "webfonts" in url or url.endswith((".woff2", ".woff", ".ttf"))] == []


def test_search_finds_a_talk_and_other_pages_do_not_load_the_search_index(open_page, site_url):
    """Without the theme's search-as-you-type, the search scripts and index load on the search page alone."""
    home = open_page("", DESKTOP, wait_until="networkidle")
    assert not [url for url in home.requests if url.endswith(("searchindex.js", "searchtools.js", "language_data.js"))]
    page = open_page("search/?q=cosmological", DESKTOP)
    results = page.locator("#search-results li a")
    results.first.wait_for()
    assert "Intelligent Workflows at Scale" in " ".join(results.all_inner_texts())
