"""A cancelled talk and a cancelled item in a real browser: never "On now" or "Next", still starred,
and axe-core finds nothing on the pages that show them, in light and dark.

The conference root (tests/roots/test-conference) with the site's theme and colours (its
_static/site.css), its talk "Learning Graphs of Tasks" (Hall A, 9:30–10:15 on 2 June, beside
"Engines at Scale" in Hall B) and its lunch cancelled, and a slot to be announced after the lunch.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import DESKTOP, PHONE, REPO, ROOTS, needs_chromium

pytestmark = needs_chromium

LUNCH = "{date: 2026-06-02, start: 12:00, end: 13:00, title: Lunch, type: meal, room: Hall A}"
FILES = {
    "talks/learning-graphs.md": (ROOTS / "test-conference/talks/learning-graphs.md").read_text("utf-8").replace(
        "  speakers: [ada-lovelace]\n", "  speakers: [ada-lovelace]\n  status: cancelled\n"),
    "program/index.md": (ROOTS / "test-conference/program/index.md").read_text("utf-8").replace(
        LUNCH, LUNCH.replace("room: Hall A}", "room: Hall A, status: cancelled}")
        + "\n    - {date: 2026-06-02, start: 13:00, end: 13:30, type: invited, room: Hall A, status: tba}"),
    "_static/site.css": (REPO / "_static/site.css").read_text("utf-8"),
}


@pytest.fixture(scope="module")
def cancelled_url(built, served) -> str:
    app = built("conference", "dirhtml", files=FILES, html_theme="pydata_sphinx_theme",
                html_static_path=["_static"], html_css_files=["site.css"])
    text = Path(app.outdir, "program/index.html").read_text("utf-8")
    assert text.count("symposium-status-cancelled") >= 2, "the edits above no longer apply to the root"
    return served(Path(app.outdir))


def _titles(locator) -> list[str]:
    return [" ".join(t.split()) for t in locator.locator(".symposium-title").all_inner_texts()]


@pytest.mark.parametrize(("path", "item"), [("program/", "table.symposium-program tr"), ("program/grid/", ".symposium-grid-item")],
                         ids=["table", "grid"])
@pytest.mark.parametrize(("now", "on_now", "next_up"), [
    # the cancelled talk's time: only the talk beside it is on; the next two are next
    ("2026-06-02T09:40+02:00", ["Engines at Scale"], ["Agents That Tune Workflows", "Compilers for Workflows"]),
    # before the cancelled lunch: what comes next is the slot after it
    ("2026-06-02T11:30+02:00", [], ["To be announced"]),
    # during the cancelled lunch: nothing is on
    ("2026-06-02T12:30+02:00", [], ["To be announced"]),
], ids=["09:40", "11:30", "12:30"])
def test_a_cancelled_item_is_never_on_now_or_next(new_context, cancelled_url, path, item, now, on_now, next_up):
    page = new_context(timezone_id="Europe/Berlin").new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{cancelled_url}{path}?now={now.replace('+', '%2B')}", wait_until="load")
    assert sorted(_titles(page.locator(f"{item}.symposium-is-now"))) == on_now
    assert sorted(_titles(page.locator(f"{item}.symposium-is-next"))) == next_up
    cancelled = page.locator(f"{item}.symposium-status-cancelled")
    assert cancelled.count() == 2
    assert page.locator(f"{item}.symposium-status-cancelled .symposium-now-label").count() == 0
    if on_now:  # announced as it is marked: the cancelled talk is not in the words
        page.wait_for_function("document.querySelector('.symposium-live').textContent.startsWith('On now')")
        assert "Learning Graphs" not in page.locator(".symposium-live").text_content()
    assert errors == []


def test_a_cancelled_talk_can_still_be_starred(new_context, cancelled_url):
    page = new_context(timezone_id="Europe/Berlin").new_page()
    page.goto(f"{cancelled_url}program/", wait_until="load")
    star = page.get_by_role("button", name="Star Learning Graphs of Tasks")
    star.click()
    assert star.get_attribute("aria-pressed") == "true"
    page.goto(f"{cancelled_url}talks/learning-graphs/", wait_until="load")
    assert page.get_by_role("button", name="Star this talk").get_attribute("aria-pressed") == "true"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("path", "viewport"), [
    ("program/", DESKTOP), ("program/grid/", DESKTOP), ("program/grid/", PHONE), ("talks/learning-graphs/", DESKTOP),
    ("speakers/ada-lovelace/", DESKTOP),
], ids=["table", "grid", "grid-phone", "talk", "speaker"])
def test_pages_with_a_cancelled_item_pass_axe_and_say_cancelled_in_words(browser, cancelled_url, path, viewport, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=viewport, color_scheme=scheme, timezone_id="Europe/Berlin")
    try:
        page = context.new_page()
        # during the cancelled talk: "On now" is shown beside it, as a visitor would see it
        page.goto(f"{cancelled_url}{path}?now=2026-06-02T09:40%2B02:00", wait_until="load")
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        mark = page.locator(".symposium-status-mark-cancelled").first
        assert mark.is_visible() and mark.inner_text().casefold() == "cancelled"
        # struck through: the title in <s>, or, on the talk's page, its heading by symposium.css
        struck = page.locator("h1").first if path.startswith("talks/") else page.locator(".symposium-status-cancelled s").first
        assert "line-through" in struck.evaluate("node => getComputedStyle(node).textDecorationLine")
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
