"""What the attendee features need from Sphinx (HTML builders only): the page data that
``static/attendee.js`` reads, and pages that load less before their first paint.

The browser side (time zones, now and next, stars, sharing, print) is in ``static/``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup
from sphinx.application import Sphinx

from .exports import PROGRAM_CALENDAR, writes_exports

TEMPLATES = Path(__file__).parent / "templates"
LEAN_TEMPLATE = "symposium/lean.html"

#: pydata-sphinx-theme's icon script: 1.5 MiB for the handful of icons attendee.css draws
_FONTAWESOME = re.compile(r'\s*<script[^>]*/fontawesome\.js[^>]*>\s*</script>')
#: the theme's first script picks the colour mode: the visitor's system setting unless they chose
_MODE = re.compile(r'(localStorage\.getItem\("mode"\) \|\| )"[a-z]*"')
_THEME = re.compile(r'(localStorage\.getItem\("theme"\) \|\| )"[a-z]*"')
_SYSTEM_THEME = '(matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light")'
#: the search scripts the theme loads in the head of every page, blocking its first paint
_SEARCH_SCRIPT = re.compile(r'<script src="([^"]*(?:searchtools|language_data|searchindex)\.js[^"]*)"></script>')


def page_data(app: Sphinx) -> str:
    """The JSON of ``<script type="application/json" id="symposium-data">``."""
    data = {
        "acronym": app.config.symposium_acronym,
        "timezone": app.config.symposium_timezone,
        # program.ics, relative to the site's root, where this build writes it
        "calendar": PROGRAM_CALENDAR if writes_exports(app.builder) else "",
    }
    return json.dumps(data, sort_keys=True).replace("<", "\\u003c")


def lean(html: str) -> Markup:
    """The head's markup without fontawesome.js and with the search scripts deferred.

    conf.py's ``default_mode`` (light) is what a page shows without JavaScript; with it,
    the mode is "auto" (the system's) until the visitor picks one, resolved before the first
    paint. The theme would otherwise log "Got invalid theme mode" for an unset mode.
    """
    html = _FONTAWESOME.sub("", str(html))
    html = _MODE.sub(r'\1"auto"', html)
    html = _THEME.sub(lambda match: match[1] + _SYSTEM_THEME, html)
    return Markup(_SEARCH_SCRIPT.sub(r'<script defer src="\1"></script>', html))


def add_templates(app: Sphinx, config: Any) -> None:
    # a new list: the default value is one list shared by every Config
    if str(TEMPLATES) not in config.templates_path:
        config.templates_path = [*config.templates_path, str(TEMPLATES)]


def lean_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> str | None:
    """Render every page of pydata-sphinx-theme through ``symposium/lean.html``."""
    if app.builder.format != "html" or not templatename.endswith(".html") or "pydata" not in str(app.config.html_theme):
        return None
    context["symposium_template"] = templatename
    context["symposium_lean"] = lean
    return LEAN_TEMPLATE
