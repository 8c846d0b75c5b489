"""Pages of pydata-sphinx-theme that load less before their first paint (and the template of
embedded pages, ``embed.py``, with any theme).

Every page is rendered through ``templates/symposium/lean.html``, which drops the theme's
icon font script and, unless search-as-you-type is on, the search scripts the theme loads
on every page (the search page loads its own), defers Sphinx's own scripts, and leaves out
the stylesheets and scripts of features a page's body does not use (code, sphinx-design).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup
from sphinx.application import Sphinx

from .embed import EMBED_TEMPLATE, MODE_SCRIPT, is_embedded

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
_SEARCH_SCRIPT = re.compile(r'\s*<script src="([^"]*(?:searchtools|language_data|searchindex)\.js[^"]*)"></script>')


def lean(html: str, *, search_scripts: bool = False) -> Markup:
    """The head's markup without fontawesome.js and without the search scripts, or with them
    deferred (``search_scripts``: the theme's search-as-you-type runs them on any page).

    Without search-as-you-type (the theme's default), the search scripts and the whole
    site's search index serve nothing outside the search page, which loads its own: 15 KiB
    of every page, compressed. conf.py's ``default_mode`` (light) is what a page shows
    without JavaScript; with it, the mode is "auto" (the system's) until the visitor picks
    one, resolved before the first paint. The theme would otherwise log "Got invalid theme
    mode" for an unset mode.
    """
    html = _FONTAWESOME.sub("", str(html))
    html = _THEME_CSS.sub(r'href="\1_static/basic.css"', html)
    html = _MODE.sub(r'\1"auto"', html)
    html = _THEME.sub(lambda match: match[1] + _SYSTEM_THEME, html)
    if not search_scripts:
        return Markup(_SEARCH_SCRIPT.sub("", html))
    return Markup(_SEARCH_SCRIPT.sub(r'\n<script defer src="\1"></script>', html))


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
    the stylesheets and scripts of features its body does not use (code, sphinx-design); and a
    page with ``embed: true``, with any theme, through ``symposium/embed.html`` (``embed.py``)."""
    if app.builder.format != "html" or not templatename.endswith(".html"):
        return None
    pydata = "pydata" in str(app.config.html_theme)
    embedded = is_embedded(app, pagename)
    if not pydata and not embedded:
        return None
    body = context.get("body", "")
    if pydata and body and templatename == "page.html":  # new lists: the builder's are shared by every page
        context["css_files"] = [css for css in context.get("css_files", []) if _used(css, body)]
        context["script_files"] = [js for js in context.get("script_files", []) if _used(js, body)]
    context["symposium_template"] = templatename
    # the theme's search-as-you-type (off unless html_theme_options turns it on) searches from any page
    as_you_type = str(context.get("theme_search_as_you_type", "")).lower() == "true"
    context["symposium_lean"] = functools.partial(lean, search_scripts=as_you_type) if pydata else Markup
    context["symposium_lean_scripts"] = lean_scripts if pydata else Markup
    if embedded:
        context["symposium_embed_mode"] = Markup(MODE_SCRIPT)
        return EMBED_TEMPLATE
    return LEAN_TEMPLATE
