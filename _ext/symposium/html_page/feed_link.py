"""``<link rel="alternate" type="application/atom+xml">`` in every page's head: feed readers
find the program's changes from any page of the site."""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.application import Sphinx

from ..exports.addresses import CHANGES_FEED, writes_exports


def add_feed_link(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document | None) -> None:
    """``html-page-context``: where the build writes the feed (``exports/writer.py``)."""
    if not writes_exports(app.builder):
        return
    href = html.escape(context["pathto"](CHANGES_FEED, 1), quote=True)
    title = html.escape(f"{app.config.project}: changes to the program", quote=True)
    context["metatags"] = (context.get("metatags", "")
                           + f'\n<link rel="alternate" type="application/atom+xml" title="{title}" href="{href}" />')
