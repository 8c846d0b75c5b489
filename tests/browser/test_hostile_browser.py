"""What a speaker or a submitter types never runs, in a real browser (tests/roots/test-hostile).

Every title, name, affiliation, label, room, track, session and link title of the root holds
markup meant to run or to show: ``<img onerror>``, ``<script>``, ``<dialog open>``, ``"><svg
onload>``. Each payload would set ``data-pwned`` on the document and each element it would add
carries a ``data-pwned`` attribute, so one query finds both. The root's toctree lists every talk,
as ``symposium init`` writes it: the theme's header shows every title on every page.

Beside it, the hostile spreadsheet, frab XML and pretalx JSON of tests/build/test_import_text.py
(``<script>``, ``<img onerror>``, ``javascript:`` links and MyST's ``{raw}`` in abstracts and
biographies), each imported into a new event with the site's theme: what an import writes.

Every HTML page of every HTML builder is loaded in Chromium, the dirhtml sites in light and dark
at 1280 and 390 px (where the header's links move into the sidebar).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import (
    DESKTOP,
    PHONE,
    build_app,
    fresh_event,
    hostile_csv,
    hostile_json,
    hostile_xml,
    needs_chromium,
    parse_warnings,
    run_nox_command,
    serve,
)

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


IMPORTS = {"program.csv": hostile_csv, "schedule.xml": hostile_xml, "schedule.json": hostile_json}


def _imported(folder: Path, name: str) -> Path:
    """A new event with the site's theme, its pages imported from a hostile file, built."""
    site = fresh_event(folder, "2026-03-12", "2026-03-12", "Europe/Berlin", "html_theme = 'pydata_sphinx_theme'\n")
    (site / name).write_bytes(IMPORTS[name]())
    done = run_nox_command("import", site, name)
    assert done.returncode == 0, done.stderr
    app = build_app(site, "dirhtml")
    assert parse_warnings(app) == []
    return Path(app.outdir)


@pytest.fixture(scope="module")
def hostile_sites(built, tmp_path_factory) -> Iterator[dict[str, tuple[str, list[str]]]]:
    outdirs = {builder: Path(built("hostile", builder).outdir) for builder in ("dirhtml", "html", "singlehtml")}
    for name in IMPORTS:
        outdirs[name] = _imported(tmp_path_factory.mktemp("imported") / "site", name)
    servers, sites = [], {}
    for key, outdir in outdirs.items():
        server = serve(outdir)
        servers.append(server)
        sites[key] = (next(server), _pages(outdir))
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


# the imported sites' pages, on a desktop in light and a phone in dark (the header's links in its sidebar)
@pytest.mark.parametrize(("scheme", "viewport"), [("light", DESKTOP), ("dark", PHONE)], ids=["desktop-light", "phone-dark"])
@pytest.mark.parametrize("site", list(IMPORTS))
def test_nothing_imported_runs_or_shows_as_an_element_on_any_page(new_context, hostile_sites, site, scheme, viewport):
    base, pages = hostile_sites[site]
    assert len(pages) >= 10
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


@pytest.mark.parametrize("query", ["Compilers", "pwned", "dialog"])
def test_search_results_show_the_titles_as_text(new_context, hostile_sites, query):
    base, _ = hostile_sites["dirhtml"]
    page = new_context().new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base}search/?q={query}", wait_until="load")
    page.wait_for_selector("#search-results li", timeout=20_000)
    page.wait_for_function("() => !document.querySelector('#search-progress')?.textContent.includes('Preparing')")
    assert page.locator("#search-results li").count() >= 1
    if query == "Compilers":  # the titles are there, as text
        assert "Compilers <img src=x onerror" in page.locator("#search-results").inner_text()
    result = page.evaluate(INJECTED)
    assert (result["pwned"], result["elements"], result["handlers"], dialogs) == (None, [], [], [])
