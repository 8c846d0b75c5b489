"""What the attendee features need from Sphinx (HTML builders only): the stylesheets and
scripts, and the page data the browser side reads.

The browser side (time zones, now and next, stars, sharing, print) is the ES modules of
``modules/`` (written by ``module_files.py``; the page loads ``attendee.js``, which imports the
others), the early script ``templates/symposium/early.js`` (inlined in the head) and ``static/``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from ..environment.site_values import site_of
from ..exports.addresses import PROGRAM_CALENDAR, builds_website, writes_exports
from ..rendering import words
from ..rendering.browser_names import PAGE_DATA_ID, browser_names
from . import module_files
from .offline import SERVICE_WORKER

STATIC = Path(__file__).parent / "static"
EARLY_SCRIPT = Path(__file__).parent / "templates" / "symposium" / "early.js"
#: the early script's first comment, for its readers, not for every page
_HEADER_COMMENT = re.compile(r"\A/\*.*?\*/\n", re.DOTALL)


def page_data(app: Sphinx) -> str:
    """The JSON of ``<script type="application/json" id="symposium-data">``."""
    site = site_of(app.config)
    data = {
        "acronym": site.acronym,
        "timezone": app.config.symposium_timezone,
        # the event's first day: the early script asks whether the visitor's clock differs then
        "date": site.event.date.isoformat(),
        # when a day of the program ends: attendee.js reckons days as the build does
        "dayChange": site.event.day_change.strftime("%H:%M"),
        # the visitor's own time is written in the site's language, on the clock of the event's
        # times beside it (symposium_clock, else the language's): Intl's hourCycle
        "language": site.language,
        "hourCycle": site.times.hour_cycle,
        # program.ics, relative to the site's root, where this build writes it
        "calendar": PROGRAM_CALENDAR if writes_exports(app.builder) else "",
        # the service worker, relative to the site's root, where the build writes one (html_page/offline.py)
        "serviceWorker": SERVICE_WORKER if builds_website(app.builder) else "",
        # what the script says, in the site's language (rendering/words.py BROWSER)
        "words": words.browser_words(),
        # the class names and storage keys the build and the browser share (rendering/browser_names.py)
        "names": browser_names(app.config.symposium_acronym),
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False).replace("<", "\\u003c")


def early_script() -> str:
    """``templates/symposium/early.js``, for the head of every page: it reads the page's data."""
    return _HEADER_COMMENT.sub("", EARLY_SCRIPT.read_text("utf-8"), count=1)


def add_player_script(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """``html-page-context``: ``static/player.js`` on the pages that show a video player
    (``rendering/html_nodes.video_player``), and on no other page."""
    if (app.builder.format == "html" and not app.builder.name.startswith("epub")
            and 'class="symposium-video"' in context.get("body", "")):
        app.builder.add_js_file("player.js", defer="defer")  # this page only, as sphinx.ext.mathjax does


def add_static_path(app: Sphinx, config: Config) -> None:
    """``config-inited``: the folder of the stylesheets and scripts, in ``html_static_path``, which
    only the HTML builders read (the builder is not known yet).

    Before Sphinx compares the settings with the last build's (as the environment is loaded), so
    that this folder is in both: added at ``builder-inited``, it made ``html_static_path`` one of
    the settings said to have changed at every incremental build (sphinx-design still adds its
    folder there, in the output directory)."""
    if str(STATIC) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(STATIC)]


def add_assets(app: Sphinx) -> None:
    """Stylesheets and scripts for HTML builders only (``add_static_path`` has their folder): the
    page's data, then the early script, which reads it as the head is parsed; the modules, written
    now, run deferred."""
    if app.builder.format == "html":
        app.add_css_file("symposium.css")
        if app.builder.name.startswith("epub"):
            # an e-book runs no attendee scripts; its manifest knows no licence .txt
            vendor = [f"_static/vendor/{f.name}" for f in sorted((STATIC / "vendor").iterdir())]
            app.config.epub_exclude_files = [*app.config.epub_exclude_files, *vendor]
            return
        app.add_css_file("attendee.css")
        app.add_js_file(None, body=page_data(app), type="application/json", id=PAGE_DATA_ID)
        app.add_js_file(None, body=early_script(), id="symposium-early")
        module_files.write_modules(Path(app.outdir) / "_static")
        app.add_js_file(f"{module_files.FOLDER}/{module_files.ENTRY}", type="module")
