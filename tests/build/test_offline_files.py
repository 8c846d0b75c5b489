"""What the build writes for the site on the venue's Wi-Fi, on the minimal root: the web app
manifest, the service worker and its settings, and the link and page data that bring them in.

The worker at work, in a browser, is tests/browser/test_offline.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import edit_source, parse_page, parse_warnings
from symposium.html_page import module_files
from symposium.rendering.browser_names import NAMES, browser_names


def settings(app) -> dict:
    """The settings the build wrote into sw.js."""
    text = (Path(app.outdir) / "sw.js").read_text("utf-8")
    assert "/*CONFIG*/" not in text
    return json.loads(re.search(r"^const CONFIG = (\{.*\});$", text, re.M)[1])


def page_data(doc) -> dict:
    return json.loads(doc.xpath('//script[@id="symposium-data"]')[0].text)


@pytest.mark.parametrize(("buildername", "pages"), [
    ("dirhtml", ["", "program/", "program.ics"]),
    ("html", ["index.html", "program/index.html", "program.ics"]),
])
def test_website_builds_write_the_manifest_and_the_worker_at_the_root(built, buildername, pages):
    app = built("minimal", buildername)
    assert parse_warnings(app) == []
    outdir = Path(app.outdir)
    manifest = json.loads((outdir / "manifest.webmanifest").read_text("utf-8"))
    assert manifest == {"name": "Test Symposium 2025", "short_name": "Test Symposium 2025", "lang": "en",
                        "start_url": "./", "scope": "./", "display": "standalone"}  # the root has no favicon
    config = settings(app)
    # the home page, the pages that list the whole program, and program.ics
    assert config["precache"] == pages
    assert config["program"] == pages[1]
    assert config["index"] == ("index.html" if buildername == "html" else "")
    assert re.fullmatch(r"[0-9a-f]{16}", config["version"])
    assert config["words"]["copy"] == "Offline copy"
    # every page links the manifest and tells attendee.js where the worker is, from its own folder
    talk = "talks/engines/index.html" if buildername == "dirhtml" else "talks/engines.html"
    doc = parse_page(app, talk)
    assert doc.xpath('//head/link[@rel="manifest"]/@href') == ["../../manifest.webmanifest" if buildername == "dirhtml"
                                                               else "../manifest.webmanifest"]
    assert page_data(doc)["serviceWorker"] == "sw.js"


@pytest.mark.parametrize("buildername", ["dirhtml", "singlehtml"])
def test_a_page_loads_the_entry_module_and_the_worker_keeps_the_modules_it_imports(built, buildername):
    """The page names attendee.js alone; the others come by its imports, versioned by the build
    (module_files.py): the worker is told their addresses, which no page's tag gives it."""
    app = built("minimal", buildername)
    outdir = Path(app.outdir)
    page = "talks/engines/index.html" if buildername == "dirhtml" else "index.html"
    doc = parse_page(app, page)
    entry = doc.xpath('//head/script[@type="module"][@src]/@src')
    prefix = "../../" if buildername == "dirhtml" else ""
    assert len(entry) == 1 and re.fullmatch(re.escape(f"{prefix}_static/modules/attendee.js") + r"\?v=[0-9a-f]{8}", entry[0])
    written = sorted(path.name for path in (outdir / "_static" / "modules").iterdir())
    assert written == sorted(module_files.written())
    assert not (outdir / "_static" / "attendee.js").exists()
    # the names the modules read, for this site
    assert page_data(doc)["names"] == browser_names("testsymposium2025")
    if buildername == "dirhtml":
        modules = settings(app)["modules"]
        assert modules == module_files.imported_addresses()
        assert sorted([module_files.ENTRY, *(address.split("?")[0].rsplit("/", 1)[1] for address in modules)]) == written
        assert settings(app)["names"]["offline_note"] == NAMES.offline_note


def test_without_a_base_url_the_worker_keeps_no_calendar(built):
    app = built("minimal", "dirhtml", html_baseurl="")
    assert settings(app)["precache"] == ["", "program/"]


@pytest.mark.parametrize("buildername", ["singlehtml", "epub", "text"])
def test_other_builders_write_neither(built, buildername):
    app = built("minimal", buildername, version="1") if buildername == "epub" else built("minimal", buildername)
    outdir = Path(app.outdir)
    assert not (outdir / "sw.js").exists() and not (outdir / "manifest.webmanifest").exists()
    if buildername == "singlehtml":
        doc = parse_page(app, "index.html")
        assert doc.xpath('//link[@rel="manifest"]') == []
        assert page_data(doc)["serviceWorker"] == ""  # so attendee.js registers nothing


def test_the_workers_version_is_a_digest_of_the_build(build):
    """Rebuilt as it is, the worker is the same file; after an edit, a new version replaces the cache."""
    app = build(buildername="dirhtml")
    worker = Path(app.outdir) / "sw.js"
    first = worker.read_bytes()
    build(buildername="dirhtml")
    assert worker.read_bytes() == first
    talk = Path(app.srcdir) / "talks" / "engines.md"
    edit_source(talk, talk.read_text("utf-8").replace("# Engines of Thought", "# Engines of Thought, Revised"))
    build(buildername="dirhtml")
    assert settings(app)["version"] != json.loads(re.search(r"^const CONFIG = (\{.*\});$", first.decode(), re.M)[1])[
        "version"]


def test_the_favicon_is_the_apps_icon(built):
    app = built("site", "dirhtml")
    manifest = json.loads((Path(app.outdir) / "manifest.webmanifest").read_text("utf-8"))
    assert manifest["name"] == ("First International Symposium on Artificial Intelligence and Extreme-Scale "
                                "Workflows")  # symposium_name
    assert manifest["short_name"] == "AIExScale 2025"  # project
    assert manifest["icons"] == [{"src": "_static/favicon.svg", "sizes": "any", "type": "image/svg+xml"}]
    assert (Path(app.outdir) / "_static" / "favicon.svg").is_file()
    assert settings(app)["precache"] == ["", "program/", "talks/", "program.ics"]


def test_the_digest_reads_again_only_the_files_that_changed(tmp_path):
    """With its memo (beside the doctrees), the digest is the one a full reading gives, after any change."""
    from symposium.html_page.offline import build_digest

    out, memo = tmp_path / "out", tmp_path / "doctrees" / "memo.json"
    for name in ("index.html", "talks/a/index.html", "_static/site.css", ".buildinfo", "searchindex.js"):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(name)
    first = build_digest(out, memo)
    assert first == build_digest(out) == build_digest(out, memo)
    assert set(json.loads(memo.read_text())["files"]) == {"index.html", "talks/a/index.html", "_static/site.css"}
    (out / "searchindex.js").write_text("other")  # not part of it, nor the records
    assert build_digest(out, memo) == first
    page = out / "talks" / "a" / "index.html"
    page.write_text("a new text")
    assert build_digest(out, memo) == build_digest(out) != first
