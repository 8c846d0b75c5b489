"""The site on the venue's Wi-Fi, in a real browser: the service worker keeps the program, the
pages it links to, the assets and program.ics; offline, a kept page says it is a copy; online,
the program is always the newest.

Playwright drives Debian's Chromium over builds served on the loopback (service workers run on
http://127.0.0.1); ``context.set_offline(True)`` cuts the network, the worker's too.

No test waits on the clock for what an event brings: the page's ``online`` event, the worker's
message that a newer copy came, an answer the server holds until the test lets it go. Each is
awaited in the page (``until``), and then the page is read as it is: a loaded machine makes a
test slower, never wrong.
"""

from __future__ import annotations

import re
import shutil
import threading
import time

import pytest
from playwright.sync_api import expect

from helpers import DESKTOP, PHONE, needs_chromium, serve
from symposium.html_page import module_files

pytestmark = needs_chromium

KEYNOTE = "Trillion-Parameter Foundation Models as Discovery Accelerators"

#: true once the page is controlled by the worker and the cache holds every address given
KEPT = """async (paths) => {
  if (!navigator.serviceWorker.controller) return false;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    const found = await Promise.all(paths.map(path => cache.match(new URL(path, document.baseURI).href)));
    if (found.every(Boolean)) return true;
  }
  return false;
}"""


#: the text of the copy kept of an address (relative to the page), "" without one
KEPT_TEXT = """async (path) => {
  const copy = await caches.match(new URL(path, document.baseURI).href);
  return copy ? copy.text() : "";
}"""


#: a flag in the page, ``window.symposiumTest[name]``, set by the next ``event`` of ``target``
#: (``window`` or the worker's container): listened for before what brings the event, awaited after it
LISTEN = """([name, target, event]) => {
  const on = target === "worker" ? navigator.serviceWorker : window;
  window.symposiumTest = window.symposiumTest || {};
  window.symposiumTest[name] = false;
  on.addEventListener(event, () => { window.symposiumTest[name] = true; }, { once: true });
}"""


def listen(page, name: str, target: str, event: str) -> None:
    page.evaluate(LISTEN, [name, target, event])


def until(page, name: str) -> None:
    """Until the event ``listen`` named has come (the page's own handlers, registered when it
    loaded, have run by then: listeners run in the order they were added). The minute is no
    measure of anything: only a bound for a browser that never sends the event."""
    page.wait_for_function("(name) => window.symposiumTest[name]", arg=name, timeout=60_000)


def wait_until_kept(page, paths: list[str], seconds: float = 30) -> None:
    """Until the worker controls the page and has kept ``paths`` (relative to the page)."""
    end = time.monotonic() + seconds
    while not page.evaluate(KEPT, paths):
        assert time.monotonic() < end, f"not kept after {seconds} s: {paths}"
        page.wait_for_timeout(200)


def open_kept(context, url: str, paths: list[str]):
    """A page of the site, once the worker controls it and has kept ``paths``."""
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="load")
    wait_until_kept(page, paths)
    page.errors = errors
    return page


def test_offline_a_talk_linked_from_the_program_and_the_program_again_are_there_with_a_note(new_context, site_url):
    context = new_context()
    # and the modules attendee.js imports, by the versioned addresses it imports them by
    modules = [f"../{address}" for address in module_files.imported_addresses()]
    page = open_kept(context, f"{site_url}program/", ["./", "../talks/keynote-tbd/", "../speakers/ian-foster/",
                                                      "../program.ics", *modules])
    context.set_offline(True)
    page.get_by_role("link", name=KEYNOTE).first.click()
    page.wait_for_load_state()
    assert page.url == f"{site_url}talks/keynote-tbd/"
    assert "8:35\u20139:30 AM" in page.locator(".symposium-talk-header").inner_text()
    note = page.locator(".symposium-offline-note")
    expect(note).to_be_visible()
    assert re.match(r"Offline copy from \w+ \d+, \d{4} at \d+:\d\d [AP]M\. The network did not answer", note.inner_text())
    assert note.locator("time").get_attribute("datetime")
    # styled: the stylesheets were kept too
    assert page.evaluate("getComputedStyle(document.querySelector('.symposium-offline-note')).borderLeftWidth") == "4px"
    page.get_by_role("link", name="Ian Foster").first.click()  # a speaker linked from the program
    page.wait_for_load_state()
    expect(page.locator("h1")).to_contain_text("Ian Foster")
    page.goto(f"{site_url}program/")
    assert page.locator("table.symposium-program tbody tr").count() == 8
    expect(page.locator(".symposium-offline-note")).to_contain_text("Offline copy from")
    # the attendee features still work on the copy
    assert page.get_by_role("button", name=re.compile("Star Trillion")).count() == 1
    calendar = page.evaluate("fetch('../program.ics').then(r => r.text())")
    assert calendar.startswith("BEGIN:VCALENDAR")
    # back online: the note offers the newer page, as soon as the browser says so
    listen(page, "online", "window", "online")
    context.set_offline(False)
    until(page, "online")
    assert page.get_by_role("button", name="Reload").is_visible()
    page.get_by_role("button", name="Reload").click()
    page.wait_for_load_state()
    expect(page.locator(".symposium-offline-note")).to_have_count(0)
    assert page.errors == []


def test_offline_a_page_never_kept_says_so_and_leads_to_the_program(new_context, site_url):
    context = new_context()
    page = open_kept(context, f"{site_url}talks/keynote-tbd/", ["./", "../../program/"])
    context.set_offline(True)
    page.goto(f"{site_url}program/changes/")  # not linked from the program, never visited
    expect(page.locator("h1")).to_have_text("Offline")
    page.get_by_role("link", name="The program").click()
    expect(page.locator("table.symposium-program")).to_be_visible()


@pytest.fixture
def own_site(real_site, tmp_path):
    """A copy of the real site's build, served on its own: a test changes its files."""
    folder = tmp_path / "site"
    shutil.copytree(real_site.outdir, folder)
    server = serve(folder)
    url = next(server)
    yield folder, url
    server.close()


def test_online_the_program_is_always_the_newest(new_context, own_site):
    folder, url = own_site
    context = new_context()
    page = open_kept(context, f"{url}program/", ["./"])
    program = folder / "program" / "index.html"
    program.write_text(program.read_text("utf-8").replace("Closing remarks", "Closing words"), "utf-8")
    page.reload()
    expect(page.locator("table.symposium-program")).to_contain_text("Closing words")
    expect(page.locator(".symposium-offline-note")).to_have_count(0)
    # and the newer copy is the one kept (the worker saves it while the page shows it)
    end = time.monotonic() + 10
    while "Closing words" not in page.evaluate(KEPT_TEXT, "./"):
        assert time.monotonic() < end, "the newer program was not kept"
        page.wait_for_timeout(100)
    context.set_offline(True)
    page.reload()
    expect(page.locator("table.symposium-program")).to_contain_text("Closing words")
    expect(page.locator(".symposium-offline-note")).to_be_visible()


def test_on_a_slow_network_the_kept_copy_comes_first_then_the_newer_page_is_offered(new_context, real_site,
                                                                                   tmp_path):
    """The server holds the program's answer until the test lets it go: the worker's wait for the
    network (shortened here to 0.2 s in a copy of the site) runs out first, however busy the
    machine, so the kept copy comes with its note; once the answer arrives, the page offers it."""
    folder = tmp_path / "site"
    shutil.copytree(real_site.outdir, folder)
    worker = folder / "sw.js"
    text = worker.read_text("utf-8")
    assert '"timeout": 5' in text
    worker.write_text(text.replace('"timeout": 5', '"timeout": 0.2'), "utf-8")
    delays: dict = {}
    server = serve(folder, delays)
    url = next(server)
    answer = threading.Event()
    try:
        page = open_kept(new_context(), f"{url}program/", ["./"])
        delays["/program/"] = answer  # held until the test sets it
        page.reload()
        note = page.locator(".symposium-offline-note")
        expect(note).to_contain_text("Offline copy from")
        expect(note).to_contain_text("The network is slow")
        assert page.get_by_role("button", name="Reload").count() == 0  # nothing newer yet
        listen(page, "fresh", "worker", "message")
        answer.set()
        until(page, "fresh")
        assert page.get_by_role("button", name="Reload").is_visible()
        expect(note).to_contain_text("A newer copy of this page has arrived.")
    finally:
        answer.set()
        server.close()


def test_a_new_build_replaces_the_cache_with_fresh_copies(new_context, own_site):
    folder, url = own_site
    context = new_context()
    page = open_kept(context, f"{url}talks/invited-talk-1/", ["./", "../../program/"])
    names = page.evaluate("caches.keys()")
    assert len(names) == 1
    talk = folder / "talks" / "invited-talk-1" / "index.html"
    talk.write_text(talk.read_text("utf-8").replace("Debbie Bard", "Deborah Bard"), "utf-8")
    worker = folder / "sw.js"
    worker.write_text(re.sub(r'"version": "\w+"', '"version": "a-new-build"', worker.read_text("utf-8")), "utf-8")
    page.evaluate("navigator.serviceWorker.ready.then(registration => registration.update())")
    end = time.monotonic() + 30
    while page.evaluate("caches.keys()") != [names[0].rsplit(":", 1)[0] + ":a-new-build"]:
        assert time.monotonic() < end, page.evaluate("caches.keys()")
        page.wait_for_timeout(200)
    wait_until_kept(page, ["./", "../../program/"])
    # the talk page this device had kept is kept again, fresh, with the program
    context.set_offline(True)
    page.reload()
    expect(page.locator(".symposium-talk-header")).to_contain_text("Deborah Bard")
    page.goto(f"{url}program/")
    expect(page.locator("table.symposium-program")).to_be_visible()


@pytest.fixture
def versioned_site(built, tmp_path):
    """The conference root built for Read the Docs' version path, and served under it."""
    app = built("conference", "dirhtml", html_theme="pydata_sphinx_theme",
                html_baseurl="https://conference.readthedocs.io/en/latest/")
    root = tmp_path / "served"
    (root / "en").mkdir(parents=True)
    shutil.copytree(app.outdir, root / "en" / "latest")
    server = serve(root)
    url = next(server)
    yield url
    server.close()


def test_under_a_version_path_the_scope_is_the_version(new_context, versioned_site):
    url = versioned_site
    context = new_context()
    page = open_kept(context, f"{url}en/latest/program/", ["./", "../", "../program.ics"])
    scope = page.evaluate("navigator.serviceWorker.ready.then(registration => registration.scope)")
    assert scope == f"{url}en/latest/"
    manifest = page.evaluate("fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())")
    assert (manifest["name"], manifest["short_name"]) == ("Workflows Conference 2026", "Workflows Conference 2026")
    assert manifest["start_url"] == manifest["scope"] == "./"
    assert page.evaluate("caches.keys()") == [f"symposium:{url}en/latest/:" + page.evaluate(
        "caches.keys().then(names => names[0].split(':').pop())")]
    # a page outside the version's path is none of this worker's business
    context.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(f"{url}en/stable/program/")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_offline_copy_is_accessible_and_fits_a_phone(new_context, site_url, viewport, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = new_context(viewport=viewport, color_scheme=scheme)
    page = open_kept(context, f"{site_url}program/", ["./"])
    context.set_offline(True)
    page.reload()
    expect(page.locator(".symposium-offline-note")).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
