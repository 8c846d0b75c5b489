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
#: the theme's stylesheet that only @imports basic.css: basic.css itself, one round trip less
_THEME_CSS = re.compile(r'href="([^"]*)_static/styles/theme\.css[^"]*"')
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


def lean(html: str) -> Markup:
    """The head's markup without fontawesome.js and with the search scripts deferred.

    conf.py's ``default_mode`` (light) is what a page shows without JavaScript; with it,
    the mode is "auto" (the system's) until the visitor picks one, resolved before the first
    paint. The theme would otherwise log "Got invalid theme mode" for an unset mode.
    """
    html = _FONTAWESOME.sub("", str(html))
    html = _THEME_CSS.sub(r'href="\1_static/basic.css"', html)
    html = _MODE.sub(r'\1"auto"', html)
    html = _THEME.sub(lambda match: match[1] + _SYSTEM_THEME, html)
    return Markup(_SEARCH_SCRIPT.sub(r'<script defer src="\1"></script>', html))


_BLOCKING_SCRIPT = re.compile(r'<script src="')
_INLINE_SCRIPT = re.compile(r'<script>')


def lean_scripts(html: str) -> Markup:
    """Sphinx's scripts (``script_files``) deferred: a file with ``defer``, an inline script
    as a module, which runs deferred too, in the same order, after the files before it."""
    html = _BLOCKING_SCRIPT.sub('<script defer src="', str(html))
    return Markup(_INLINE_SCRIPT.sub('<script type="module">', html))


def add_templates(app: Sphinx, config: Any) -> None:
    # a new list: the default value is one list shared by every Config
    if str(TEMPLATES) not in config.templates_path:
        config.templates_path = [*config.templates_path, str(TEMPLATES)]


#: stylesheets and scripts a page loads only when its body uses them: (file, what shows the use)
_ONLY_WHEN_USED = (
    ("pygments.css", 'class="highlight'),
    ("sphinx-design.min.css", "sd-"),
    ("design-tabs.js", "sd-tab"),
)


def _used(asset: Any, body: str) -> bool:
    name = str(getattr(asset, "filename", asset) or "")
    return all(not name.endswith(file) or mark in body for file, mark in _ONLY_WHEN_USED)


def lean_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> str | None:
    """Render every page of pydata-sphinx-theme through ``symposium/lean.html``, without
    the stylesheets and scripts of features its body does not use (code, sphinx-design)."""
    if app.builder.format != "html" or not templatename.endswith(".html") or "pydata" not in str(app.config.html_theme):
        return None
    body = context.get("body", "")
    if body and templatename == "page.html":  # new lists: the builder's are shared by every page
        context["css_files"] = [css for css in context.get("css_files", []) if _used(css, body)]
        context["script_files"] = [js for js in context.get("script_files", []) if _used(js, body)]
    context["symposium_template"] = templatename
    context["symposium_lean"] = lean
    context["symposium_lean_scripts"] = lean_scripts
    return LEAN_TEMPLATE
