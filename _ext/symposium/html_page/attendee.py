"""What the attendee features need from Sphinx (HTML builders only): the stylesheets and
scripts, and the page data that ``static/attendee.js`` reads.

The browser side (time zones, now and next, stars, sharing, print) is in ``static/``.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.application import Sphinx

from ..environment.site_values import site_of
from ..exports.addresses import PROGRAM_CALENDAR, builds_website, writes_exports
from ..rendering import words
from .offline import SERVICE_WORKER

STATIC = Path(__file__).parent / "static"

def page_data(app: Sphinx) -> str:
    """The JSON of ``<script type="application/json" id="symposium-data">``."""
    site = site_of(app.config)
    data = {
        "acronym": site.acronym,
        "timezone": app.config.symposium_timezone,
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
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False).replace("<", "\\u003c")


def early_script(app: Sphinx) -> str:
    """Run before the first paint: whether the visitor's clock differs from the event's and
    whether they starred items, so attendee.css keeps the room that attendee.js's toolbar
    will take (the time-zone switch, the share button) and the program does not move."""
    zone = json.dumps(app.config.symposium_timezone)
    stars = json.dumps(f"symposium:{app.config.symposium_acronym}:starred")
    return (
        "try{if((localStorage.getItem(" + stars + ")||'[]').length>2)"
        "document.documentElement.classList.add('symposium-has-stars')}catch(e){}"
        "try{var f=function(z){return new Intl.DateTimeFormat('en-CA',{timeZone:z,hour:'2-digit',"
        "minute:'2-digit',hourCycle:'h23'}).format(new Date(" + json.dumps(f"{app.config.symposium_date}T12:00:00Z")
        + "))};if(f(undefined)!==f(" + zone + "))document.documentElement.classList.add('symposium-zone-differs')}"
        "catch(e){}"
    )


def add_player_script(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """``html-page-context``: ``static/player.js`` on the pages that show a video player
    (``rendering/html_nodes.video_player``), and on no other page."""
    if (app.builder.format == "html" and not app.builder.name.startswith("epub")
            and 'class="symposium-video"' in context.get("body", "")):
        app.builder.add_js_file("player.js", defer="defer")  # this page only, as sphinx.ext.mathjax does


def add_assets(app: Sphinx) -> None:
    """Stylesheets and scripts for HTML builders only; the scripts are deferred."""
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file("symposium.css")
        if app.builder.name.startswith("epub"):
            # an e-book runs no attendee scripts; its manifest knows no licence .txt
            vendor = [f"_static/vendor/{f.name}" for f in sorted((STATIC / "vendor").iterdir())]
            app.config.epub_exclude_files = [*app.config.epub_exclude_files, *vendor]
            return
        app.add_css_file("attendee.css")
        app.add_js_file(None, body=page_data(app), type="application/json", id="symposium-data")
        app.add_js_file(None, body=early_script(app), id="symposium-early")
        app.add_js_file("attendee.js", loading_method="defer")
