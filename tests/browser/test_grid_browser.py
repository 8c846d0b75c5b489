"""A day of 30 and of 72 rooms in a real browser: the grid's rooms and times in view however it
scrolls, the room chooser kept in the address and across a reload, titles whole, axe in light and
dark, and a page per group of rooms on paper.

Each site (``helpers.many_rooms_site``: one day, a talk per room and slot, titles with long words)
is built once for the module, with the real site's theme, and served on the loopback.
"""

from __future__ import annotations

import math
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from helpers import (
    DESKTOP,
    PHONE,
    build_app,
    grid_rooms,
    many_rooms_site,
    needs_chromium,
    parse_warnings,
    serve,
    write_files,
)

pytestmark = needs_chromium

WIDE = {"width": 1920, "height": 1080}
VIEWPORTS = [DESKTOP, WIDE, PHONE]
VIEWPORT_IDS = ["1280", "1920", "390"]
#: a grid's rooms on a printed page (grid.js ROOMS_ON_PAPER)
ROOMS_ON_PAPER = 4
DAY = "Sunday, February 1, 2026"


@pytest.fixture(scope="module", params=[30, 72], ids=["30-rooms", "72-rooms"])
def many_rooms(request, tmp_path_factory) -> Iterator[types.SimpleNamespace]:
    """The grid page of a day in ``request.param`` rooms, its address and its rooms in order."""
    srcdir = tmp_path_factory.mktemp(f"rooms-{request.param}")
    write_files(srcdir, many_rooms_site(request.param))
    app = build_app(srcdir, "dirhtml")
    assert parse_warnings(app) == []
    server = serve(Path(app.outdir))
    yield types.SimpleNamespace(url=next(server) + "program/grid/", rooms=grid_rooms(request.param))
    server.close()


def open_grid(new_context, url: str, viewport: dict, **options):
    page = new_context(viewport=viewport, timezone_id="Europe/Brussels", **options).new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url, wait_until="load")
    return page


def shown_rooms(page) -> list[str]:
    """The room of each column shown, left to right (its heading's text)."""
    return [" ".join(text.split()) for text in page.evaluate("""() => [...document.querySelectorAll(
        '.symposium-grid > .symposium-grid-room-heading:not([hidden])')]
        .sort((a, b) => a.style.gridColumnStart - b.style.gridColumnStart).map(h => h.textContent)""")]


def rooms_of_cells_shown(page) -> set[str]:
    """The room key of every item the grid shows."""
    return set(page.evaluate("""() => [...document.querySelectorAll('.symposium-grid-item:not([hidden])')]
        .map(cell => [...cell.classList].find(name => name.startsWith('symposium-room-')).slice(15))"""))


# -- in view ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("viewport", [DESKTOP, WIDE], ids=["1280", "1920"])
def test_the_rooms_and_times_stay_in_view_however_the_grid_scrolls(new_context, many_rooms, viewport):
    page = open_grid(new_context, many_rooms.url, viewport)
    grid = page.get_by_role("region", name=DAY)
    # more rooms than the theme's content column (60em) holds: the grid has the page's width
    assert grid.bounding_box()["width"] > viewport["width"] - 100
    # the page scrolled to the grid, whose box then fills the window under the theme's header
    page.evaluate("""() => { const grid = document.querySelector('.symposium-grid');
        const header = document.querySelector('.bd-header').getBoundingClientRect().height;
        window.scrollBy(0, grid.getBoundingClientRect().top - header); }""")
    # the keyboard scrolls it, down and sideways
    grid.focus()
    for key in ["PageDown", "PageDown", *["ArrowRight"] * 25]:
        page.keyboard.press(key)
    page.wait_for_function("""() => { const grid = document.querySelector('.symposium-grid');
        return grid.scrollTop > 1000 && grid.scrollLeft > 600; }""")
    page.wait_for_timeout(300)  # the end of the scroll's animation
    seen = page.evaluate("""() => {
        const grid = document.querySelector('.symposium-grid');
        const box = grid.getBoundingClientRect();
        const header = document.querySelector('.bd-header').getBoundingClientRect();
        const on = (node, x, y) => { const top = document.elementFromPoint(x, y); return !!top && node.contains(top); };
        const mid = (r) => [r.left + r.width / 2, r.top + Math.min(r.height / 2, 12)];
        const inside = (r) => r.right > box.left && r.left < box.right - 20 && r.bottom > box.top && r.top < box.bottom - 20;
        const headings = [...grid.querySelectorAll('.symposium-grid-room-heading')].map(h => h.getBoundingClientRect())
            .filter(inside);
        const times = [...grid.querySelectorAll('.symposium-grid-time')].map(t => [t, t.getBoundingClientRect()])
            .filter(([t, r]) => inside(r) && r.top > headings[0].bottom);
        return {
            headerAbove: header.bottom <= box.top + 1,
            headings: headings.length,
            headingsAtTop: headings.every(r => Math.abs(r.top - box.top) < 2),
            // each heading wholly in view right of the times: not under a cell
            headingsSeen: [...grid.querySelectorAll('.symposium-grid-room-heading')].map(h => [h, h.getBoundingClientRect()])
                .filter(([h, r]) => r.left >= times[0][1].right && r.right <= grid.clientWidth + box.left)
                .map(([h, r]) => on(h, ...mid(r)) || h.textContent),
            times: times.length,
            timesAtLeft: times.every(([t, r]) => Math.abs(r.left - box.left) < 2),
            timesSeen: times.every(([t, r]) => on(t, r.left + 8, r.top + 8)),
        };
    }""")
    assert seen["headerAbove"]
    # a screenful of rooms at the box's top, each heading seen (no cell over it; the name of one that is)
    assert seen["headings"] >= (6 if viewport is DESKTOP else 9) and seen["headingsAtTop"]
    assert seen["headingsSeen"] and set(seen["headingsSeen"]) == {True}
    # the times of the rows in view at its left edge, seen
    assert seen["times"] >= 3 and seen["timesAtLeft"] and seen["timesSeen"]
    assert page.errors == []


def test_on_a_phone_each_item_is_a_card_that_names_its_room(new_context, many_rooms):
    page = open_grid(new_context, many_rooms.url, PHONE)
    cells = page.locator(".symposium-grid-item")
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"] and second["x"] == first["x"]
    assert first["width"] > PHONE["width"] - 60
    assert cells.nth(1).locator(".symposium-grid-room").is_visible()
    assert page.locator(".symposium-grid-room-heading").first.is_hidden()
    assert page.locator(".symposium-grid-time").first.is_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.errors == []


def test_a_grid_of_few_rooms_keeps_the_content_column(new_context, conference_url):
    """Two rooms on a day of the conference root: side by side in the theme's column, as before."""
    page = open_grid(new_context, f"{conference_url}program/grid/", WIDE)
    grid = page.locator(".symposium-grid").first
    assert grid.bounding_box()["width"] < 960
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDE["width"]


# -- the room chooser --------------------------------------------------------------------------------

@pytest.mark.parametrize("viewport", VIEWPORTS, ids=VIEWPORT_IDS)
def test_the_room_chooser_is_kept_in_the_address_and_across_a_reload(new_context, many_rooms, viewport):
    rooms = many_rooms.rooms
    chosen = [rooms[1], rooms[-1]]
    keys = ["auditorium-maximum", rooms[-1].lower().replace(".", "-")]
    page = open_grid(new_context, many_rooms.url, viewport)
    summary = page.locator(".symposium-rooms > summary")
    expect(summary).to_have_text(f"Rooms: {len(rooms)} of {len(rooms)}")
    summary.click()
    page.get_by_role("button", name="No rooms").click()
    assert rooms_of_cells_shown(page) == set()
    for name in chosen:
        page.get_by_role("checkbox", name=name, exact=True).check()
    expect(page.locator(".symposium-live")).to_have_text(f"Showing 2 of {len(rooms)} rooms")

    def shows_the_chosen_rooms() -> None:
        expect(summary).to_have_text(f"Rooms: 2 of {len(rooms)}")
        assert rooms_of_cells_shown(page) == set(keys)
        assert page.url.endswith("?rooms=" + ",".join(keys))
        if viewport is not PHONE:  # in columns 2 and 3, beside the times
            assert shown_rooms(page) == chosen
            assert page.evaluate("""() => [...document.querySelectorAll('.symposium-grid-item:not([hidden])')]
                .every(cell => ['2', '3'].includes(cell.style.gridColumnStart))""")

    shows_the_chosen_rooms()
    page.reload(wait_until="load")
    shows_the_chosen_rooms()
    # the address without the rooms: this browser's choice, written back into the address
    page.goto(many_rooms.url, wait_until="load")
    shows_the_chosen_rooms()
    # the address given to another browser shows the same rooms
    other = open_grid(new_context, page.url, viewport)
    assert rooms_of_cells_shown(other) == set(keys)
    # all the rooms again: the address says nothing of rooms
    summary.click()
    page.get_by_role("button", name="All rooms").click()
    expect(summary).to_have_text(f"Rooms: {len(rooms)} of {len(rooms)}")
    assert page.url == many_rooms.url
    assert len(rooms_of_cells_shown(page)) == len(rooms)
    page.reload(wait_until="load")
    assert len(rooms_of_cells_shown(page)) == len(rooms)
    assert page.errors == other.errors == []


# -- titles whole ------------------------------------------------------------------------------------

#: each piece of text in a cell or heading (a word, or a hyphenated word's part up to its hyphen)
#: with its lines: a piece on two lines was broken inside a word; and the cells whose text runs
#: out of them. ``hyphenates``: whether this browser hyphenates the page's language at all.
WORDS = """() => {
    const broken = [], overflowing = [];
    const boxes = document.querySelectorAll('.symposium-grid-item, .symposium-grid-room-heading');
    for (const box of boxes) {
        if (!box.getClientRects().length) continue;  // not shown
        if (box.scrollWidth > box.clientWidth + 1) overflowing.push(box.textContent.trim().slice(0, 50));
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const piece of node.data.matchAll(/[^\\s-]+-?/g)) {
                const range = document.createRange();
                range.setStart(node, piece.index);
                range.setEnd(node, piece.index + piece[0].length);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.bottom)));
                if (lines.size > 1) broken.push(piece[0]);
            }
        }
    }
    const probe = document.createElement('p');
    probe.style.cssText = 'width: 4em; hyphens: auto; overflow-wrap: normal; position: absolute';
    probe.textContent = 'internationalisation';
    document.querySelector('.symposium-grid').parentNode.appendChild(probe);
    const hyphenates = probe.scrollWidth <= probe.clientWidth;
    probe.remove();
    const style = getComputedStyle(document.querySelector('.symposium-grid-item .symposium-title'));
    return {broken, overflowing, hyphenates, wordBreak: style.wordBreak, hyphens: style.hyphens,
            wrap: style.overflowWrap, words: boxes.length};
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=VIEWPORT_IDS)
def test_no_title_is_broken_inside_a_word(new_context, many_rooms, viewport):
    page = open_grid(new_context, many_rooms.url, viewport)
    assert page.evaluate("document.documentElement.lang") == "en"
    seen = page.evaluate(WORDS)
    assert seen["overflowing"] == []
    # a word breaks only where the browser hyphenates the page's language (drawing the hyphen); on
    # a phone a word longer than the screen's line would break too (none here)
    assert (seen["wordBreak"], seen["hyphens"]) == ("normal", "auto")
    assert seen["wrap"] == ("break-word" if viewport is PHONE else "normal")
    if not seen["hyphenates"]:  # Debian's Chromium has no dictionaries: no word is broken at all
        assert seen["broken"] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


# -- accessible ------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS, ids=VIEWPORT_IDS)
def test_the_grid_and_its_room_chooser_have_no_accessibility_violations(new_context, many_rooms, viewport, scheme):
    from axe_playwright_python.sync_playwright import Axe

    page = open_grid(new_context, many_rooms.url, viewport, color_scheme=scheme)
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    page.locator(".symposium-rooms > summary").click()
    page.get_by_role("checkbox", name=many_rooms.rooms[2], exact=True).uncheck()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


# -- on paper --------------------------------------------------------------------------------------

def pdf_pages(pdf: bytes) -> int:
    import re

    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_the_grid_prints_a_page_per_group_of_rooms(new_context, many_rooms):
    rooms = many_rooms.rooms
    page = open_grid(new_context, many_rooms.url, DESKTOP)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    groups = page.locator(".symposium-grid-print-group")
    assert groups.count() == math.ceil(len(rooms) / ROOMS_ON_PAPER)
    for n in range(groups.count()):
        group = groups.nth(n)
        headings = group.locator(".symposium-grid-room-heading:not([hidden])").all_inner_texts()
        assert [" ".join(h.split()) for h in headings] == rooms[n * ROOMS_ON_PAPER:(n + 1) * ROOMS_ON_PAPER]
        # from a new page each, with its times, and whole: nothing runs off the paper's width
        assert group.evaluate("g => getComputedStyle(g).breakBefore") == ("auto" if n == 0 else "page")
        assert group.locator(".symposium-grid-time:not([hidden])").first.is_visible()
        assert group.evaluate("g => g.scrollWidth <= g.clientWidth")
    assert page.locator(".symposium-grid-in-groups").is_hidden()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert groups.count() == 0
    # Chromium's own printing makes the groups, each from a new page
    pages = pdf_pages(page.pdf(format="A4"))
    assert pages >= groups.count() and pages >= math.ceil(len(rooms) / ROOMS_ON_PAPER)
    assert page.errors == []


def test_the_rooms_chosen_print_as_they_are_shown(new_context, many_rooms):
    page = open_grid(new_context, many_rooms.url + "?rooms=janson,lecture-theatre", DESKTOP)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator(".symposium-grid-print-group").count() == 0
    assert shown_rooms(page) == ["Janson", "Lecture Theatre"]
    assert page.locator(".symposium-grid").evaluate("g => g.scrollWidth <= g.clientWidth")
