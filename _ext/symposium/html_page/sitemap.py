"""``sitemap.xml`` lists every page, however few an incremental build wrote.

sphinx-sitemap collects the address of each page as it is written (``html-page-context``)
and writes them at ``build-finished``: after an edit, Read the Docs-style incremental builds
would publish a sitemap of the few pages written again. Just before it writes, every page of
the site is queued through its own ``add_html_link`` (so the addresses are its own), once,
in a stable order (a parallel build queues them in any order). Pages with ``embed: true``
(for another site's <iframe>) are left out, as their ``noindex`` asks.
"""

from __future__ import annotations

import queue
import warnings

from sphinx.application import Sphinx

from ..environment.store import store_of
from ..exports.addresses import builds_website


def complete_sitemap(app: Sphinx, exception: Exception | None) -> None:
    links = getattr(app, "sitemap_links", None)
    if exception is not None or links is None or "sphinx_sitemap" not in app.extensions:
        return
    if not builds_website(app.builder):  # only a website has a sitemap; others queued nothing
        return
    from sphinx_sitemap import add_html_link

    queued = _drained(links)  # what this build wrote, special pages (search, index) included
    with warnings.catch_warnings():  # its own use of env.app, which Sphinx 9 deprecates: not ours to fix
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        for docname in app.env.found_docs:
            add_html_link(app, docname, None, None, None)
    queued += _drained(links)
    # a page made for another site's <iframe> (embed: true) is not a page of the site to find
    embedded = {_sitemap_link(app, docname) for docname in store_of(app.env).embeds}
    for link in sorted(dict.fromkeys(queued), key=lambda entry: (entry[0], entry[1] or "")):
        if link[0] not in embedded:
            links.put(link)


def _sitemap_link(app: Sphinx, docname: str) -> str:
    """The address sphinx-sitemap gives a page: its target URI (``program/embed/``), ``""`` for the home page."""
    return "" if docname == app.config.root_doc else app.builder.get_target_uri(docname)


def _drained(links: queue.Queue) -> list:
    """Every entry of the queue, which is left empty."""
    found = []
    while True:
        try:
            found.append(links.get_nowait())
        except queue.Empty:
            return found
