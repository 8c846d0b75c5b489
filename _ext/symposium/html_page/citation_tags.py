"""The Highwire Press ``<meta name="citation_*">`` tags of each talk page, which Google Scholar
and Zotero's "Embedded Metadata" translator read: the same citation as the page's "Cite" block
and the talk's ``.bib`` and ``.csl.json`` (``exports/citations.py``).

Only where the citation files are written (``html``/``dirhtml`` with ``html_baseurl``), and only
for a talk that is on the program (not cancelled, nor to be announced).
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.application import Sphinx

from ..environment.store import store_of
from ..exports.addresses import writes_exports
from ..exports.citations import citation_of, highwire_tags
from ..exports.site_data import export_site


def add_citation_tags(app: Sphinx, pagename: str, templatename: str, context: dict,
                      doctree: nodes.document | None) -> None:
    """``html-page-context``: the tags, one per line, in the page's ``<head>``."""
    if doctree is None or not writes_exports(app.builder):
        return
    talk = store_of(app.env).talk(pagename)
    citation = citation_of(talk, export_site(app.builder)) if talk is not None else None
    if citation is None:
        return
    tags = "".join(f'\n<meta name="{name}" content="{html.escape(value, quote=True)}" />'
                   for name, value in highwire_tags(citation))
    context["metatags"] = context.get("metatags", "") + tags
