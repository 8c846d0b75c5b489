"""What a speaker or a submitter types never runs, in a real browser (tests/roots/test-hostile).

Every title, name, affiliation, label, room, track, session and link title of the root holds
markup meant to run or to show: ``<img onerror>``, ``<script>``, ``<dialog open>``, ``"><svg
onload>``. Each payload would set ``data-pwned`` on the document and each element it would add
carries a ``data-pwned`` attribute, so one query finds both. The root's toctree lists every talk,
as ``symposium init`` writes it: the theme's header shows every title on every page.

Every HTML page of every HTML builder is loaded in Chromium, the dirhtml site in light and dark
at 1280 and 390 px (where the header's links move into the sidebar).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import DESKTOP, PHONE, needs_chromium, serve

pytestmark = [needs_chromium, pytest.mark.xdist_group("hostile")]

#: what a payload would leave: an element it added, an attribute it set, a dialog it opened
INJECTED = """() => ({
    pwned: document.documentElement.dataset.pwned || null,
    elements: [...document.querySelectorAll('[data-pwned], dialog[open], img[src="x"], svg[onload]')]
        .map(e => e.outerHTML.slice(0, 120)),
    handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes])
        .filter(a => a.name.startsWith('on')).map(a => `${a.ownerElement.tagName} ${a.name}`),
})"""


def _pages(outdir: Path) -> list[str]:
    return sorted(path.relative_to(outdir).as_posix() for path in outdir.rglob("*.html")
                  if not path.relative_to(outdir).parts[0].startswith(("_", ".")))


@pytest.fixture(scope="module")
def hostile_sites(built) -> Iterator[dict[str, tuple[str, list[str]]]]:
    servers, sites = [], {}
    for builder in ("dirhtml", "html", "singlehtml"):
        outdir = Path(built("hostile", builder).outdir)
        server = serve(outdir)
        servers.append(server)
        sites[builder] = (next(server), _pages(outdir))
    yield sites
    for server in servers:
        server.close()


def _visit(context, base: str, pages: list[str]) -> dict[str, object]:
    found: dict[str, object] = {}
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in pages:
        page.goto(base + path, wait_until="load")
        result = page.evaluate(INJECTED)
        if result["pwned"] or result["elements"] or result["handlers"] or dialogs:
            found[path] = {**result, "dialogs": list(dialogs)}
            dialogs.clear()
    page.close()
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_nothing_typed_runs_or_shows_as_an_element_on_any_page(new_context, hostile_sites, scheme, viewport):
    base, pages = hostile_sites["dirhtml"]
    assert len(pages) >= 12
    context = new_context(viewport=viewport, color_scheme=scheme)
    assert _visit(context, base, pages) == {}


@pytest.mark.parametrize("builder", ["html", "singlehtml"])
def test_nor_with_the_other_html_builders(new_context, hostile_sites, builder):
    base, pages = hostile_sites[builder]
    assert pages
    assert _visit(new_context(), base, pages) == {}


def test_the_titles_are_in_the_header_as_text(new_context, hostile_sites):
    """The theme's header really does show the titles (else the test above proves nothing)."""
    base, _ = hostile_sites["dirhtml"]
    page = new_context().new_page()
    page.goto(base + "program/", wait_until="load")
    links = page.locator(".bd-header .navbar-nav a.nav-link").all_inner_texts()
    dropdown = page.locator(".bd-header .navbar-nav .dropdown-menu a").evaluate_all("els => els.map(e => e.textContent)")
    shown = " ".join(" ".join(text.split()) for text in [*links, *dropdown])
    assert "Compilers <img src=x onerror=document.documentElement.dataset.pwned=1> for AI" in shown
    assert "Dialogs <dialog open data-pwned>in HPC</dialog> for everyone" in shown
    assert "Compilers for <dialog open> and Vector<T>" in shown
