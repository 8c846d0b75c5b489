"""The site on the venue's Wi-Fi: a web app manifest and a service worker, at the site's root.

Website builds (``html``, ``dirhtml``) write, once every other file is written:

- ``manifest.webmanifest``: the site as an app a phone can add to its home screen (names from
  ``symposium_name`` and ``project``, the favicon as its icon, the site's root as its start
  and scope);
- ``sw.js``: ``templates/symposium/sw.js`` with its settings: the digest of the build, which
  names its cache (any change to the site gives a new worker, which replaces the cache), the
  pages it keeps from the first visit (the home page, the pages that list the whole program,
  ``program.ics``) and the attendee modules no page names in a tag, the words of its note on an
  offline copy, and the names it shares with the pages (``rendering/browser_names.py``).

``modules/offline.js`` registers ``sw.js`` (the page data says where it is), so its scope is
the folder it is served from: the site's root, which on Read the Docs is the version's path
(``/en/latest/``), ``html_baseurl``'s path. What the worker does is said in its own header.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from ..environment.build_records import load_record, save_record
from ..environment.site_values import site_of
from ..environment.store import store_of
from ..exports.addresses import PROGRAM_CALENDAR, builds_website, writes_exports
from ..model.link_targets import is_web_address
from ..model.scopes import ProgramScope
from ..rendering import words
from ..rendering.browser_names import browser_names
from . import module_files

MANIFEST = "manifest.webmanifest"
SERVICE_WORKER = "sw.js"
TEMPLATE = Path(__file__).parent / "templates" / "symposium" / SERVICE_WORKER
#: seconds the network has to answer a page before the device's copy is shown (and the newer
#: page offered once it has come)
NETWORK_TIMEOUT = 5
#: the most pages and files one page asks the worker to keep (a program of 2,000 talks links 5,000 pages)
KEEP_LIMIT = 200
#: what the build's digest leaves out: the worker itself, and the files that differ between an
#: incremental build and a fresh one of the same sources (the order of Sphinx's search index,
#: the pages sphinx-sitemap saw), which the worker does not keep anyway
NOT_IN_DIGEST = frozenset({SERVICE_WORKER, "searchindex.js", "sitemap.xml"})


def add_manifest_link(app: Sphinx, pagename: str, templatename: str, context: dict,
                      doctree: nodes.document | None) -> None:
    """``html-page-context``: ``<link rel="manifest">`` in the head of every page of a website build."""
    if not builds_website(app.builder):
        return
    href = html.escape(context["pathto"](MANIFEST, 1), quote=True)
    context["metatags"] = context.get("metatags", "") + f'\n<link rel="manifest" href="{href}" />'


def write_offline_files(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``, after every other file: the manifest, then the worker named by the
    digest of everything the build wrote (the manifest included)."""
    if exception is not None or not builds_website(app.builder):
        return
    outdir = Path(app.outdir)
    _write(outdir / MANIFEST, (json.dumps(manifest(app), indent=1, ensure_ascii=False) + "\n").encode())
    # what each file's digest was, by its size and time, kept beside the doctrees (not in the
    # output, which must be the same after an incremental build as after a fresh one)
    memo = Path(app.doctreedir) / f"symposium-offline-{app.builder.name}.json"
    _write(outdir / SERVICE_WORKER, service_worker(app, build_digest(outdir, memo)).encode())


def manifest(app: Sphinx) -> dict:
    """The web app manifest; its addresses are relative to it, so to the site's root wherever it is served."""
    config = app.config
    site = site_of(config)
    data = {
        "name": site.name,
        "short_name": site.short_name,
        # BCP 47, as the pages' lang (pt-BR, not Sphinx's pt_BR)
        "lang": site.language,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
    }
    favicon = str(config.html_favicon or "")
    if favicon and not is_web_address(favicon):
        # Sphinx copies the favicon into _static/
        kind = {".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon"}.get(Path(favicon).suffix.lower())
        icon = {"src": f"_static/{Path(favicon).name}", "sizes": "any"}
        data["icons"] = [icon | ({"type": kind} if kind else {})]
    return data


def kept_from_the_start(app: Sphinx) -> list[str]:
    """The pages the worker keeps when it is installed, relative to the site's root: the home
    page, the pages that list the whole program, and program.ics where the build writes it."""
    builder = app.builder
    store = store_of(app.env)
    # not a page made for another site's <iframe> (embed: true): nobody reads it here
    listing = sorted(docname for docname, scopes in store.listings.items()
                     if docname in app.env.found_docs and not store.embeds.get(docname, False)
                     and any(isinstance(scope, ProgramScope) and not scope.selection for scope in scopes))
    docnames = [app.config.root_doc, *(d for d in listing if d != app.config.root_doc)]
    pages = [builder.get_target_uri(docname) for docname in docnames]
    return pages + ([PROGRAM_CALENDAR] if writes_exports(builder) else [])


def service_worker(app: Sphinx, digest: str) -> str:
    precache = kept_from_the_start(app)
    settings = {
        "version": digest[:16],
        "precache": precache,
        # the modules attendee.js imports, kept with the pages: offline, a page without them has no stars
        "modules": module_files.imported_addresses(),
        # the program's page for the note on a page not kept: the first listing, else the home page
        "program": precache[1] if len(precache) > 1 and not precache[1].endswith(".ics") else precache[0],
        # an address ending in "/" is its index.html in an html build (dirhtml's pages end in "/")
        "index": "index.html" if app.builder.name == "html" else "",
        "timeout": NETWORK_TIMEOUT,
        "limit": KEEP_LIMIT,
        # the date of an offline copy's note, as the pages write dates and times
        "language": site_of(app.config).language,
        "hourCycle": site_of(app.config).times.hour_cycle,
        "words": {
            "copy": words.OFFLINE_COPY, "from": words.OFFLINE_FROM, "offline": words.OFFLINE_NO_NETWORK,
            "slow": words.OFFLINE_SLOW, "notSavedTitle": words.NOT_SAVED_TITLE, "notSaved": words.NOT_SAVED,
            "program": words.THE_PROGRAM, "home": words.HOME_PAGE,
        },
        # its note's class and the messages it exchanges with the pages
        "names": browser_names(app.config.symposium_acronym),
    }
    # the page that says a page was not kept speaks the site's language, as its words do
    language = html.escape(site_of(app.config).language)
    return (TEMPLATE.read_text("utf-8").replace("/*CONFIG*/{}", json.dumps(settings, ensure_ascii=False, sort_keys=True), 1)
            .replace("/*LANGUAGE*/", language, 1))


def build_digest(outdir: Path, memo: Path | None = None) -> str:
    """A digest of every file of the build (what the worker keeps), by path and content.

    With ``memo``, a file whose size and time are those it had at the last build is not read
    again: an edit rewrites a few pages of thousands (5,000 pages of 30 KB take 1.5 s to read).
    """
    before: dict = {}
    if memo is not None:
        saved = load_record(memo, {})
        files = saved.get("files") if saved.get("outdir") == str(outdir) else None
        before = files if isinstance(files, dict) else {}
    now: dict[str, list] = {}
    digest = hashlib.sha256()
    for path in sorted(_files(outdir)):
        name = path.relative_to(outdir).as_posix()
        stat = path.stat()
        known = before.get(name)
        if isinstance(known, list) and known[:2] == [stat.st_size, stat.st_mtime_ns]:
            content = known[2]
        else:
            content = hashlib.sha256(path.read_bytes()).hexdigest()
        now[name] = [stat.st_size, stat.st_mtime_ns, content]
        digest.update(name.encode() + b"\0" + content.encode() + b"\n")
    if memo is not None and now != before:
        save_record(memo, {"outdir": str(outdir), "files": now})
    return digest.hexdigest()


def _files(outdir: Path):
    for folder, subfolders, files in os.walk(outdir):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]  # .doctrees
        for name in files:
            if not name.startswith(".") and name not in NOT_IN_DIGEST:  # .buildinfo, the extension's records
                yield Path(folder) / name


def _write(path: Path, content: bytes) -> None:
    """Write only what changed, so that an unchanged file keeps its time for caches."""
    if path.is_file() and path.read_bytes() == content:
        return
    path.write_bytes(content)
