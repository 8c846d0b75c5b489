"""Pages made to be embedded in another site: ``embed: true`` in a page's front-matter.

Such a page is rendered through ``templates/symposium/embed.html``: its text alone (no header,
navigation, sidebars or footer), links that open in the embedding window (``<base
target="_top">``), ``noindex`` for search engines (the site's own page is the one to find), and
``static/embed.js``, which tells the embedding page its height so that the ``<iframe>`` grows and
shrinks with the content. The host's snippet is in CONTRIBUTING.md. Only for the builders that
write a website (``html``, ``dirhtml``); nothing is loaded from another site.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from ..environment.store import store_of
from ..exports.addresses import builds_website

EMBED_TEMPLATE = "symposium/embed.html"

#: run before the first paint: the colour mode the embedding page asks for (?mode=dark, ?mode=auto), else light
MODE_SCRIPT = (
    "(function(){var m=new URLSearchParams(location.search).get('mode');"
    "if(m==='auto')m=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';"
    "if(m!=='dark')m='light';var d=document.documentElement.dataset;d.mode=m;d.theme=m})();"
)


def is_embedded(app: Sphinx, pagename: str) -> bool:
    """Whether the page is rendered for an <iframe> (its front-matter says ``embed: true``)."""
    return builds_website(app.builder) and store_of(app.env).embeds.get(pagename, False)
