"""Absolute URLs of the site's pages, from ``html_baseurl``.

Calendars, conference apps and link previews are read away from the site, so every link
they carry is absolute. The base comes from ``html_baseurl`` (set from Read the Docs'
``READTHEDOCS_CANONICAL_URL`` in ``conf.py``).
"""

from __future__ import annotations

from urllib.parse import urljoin

from sphinx.application import Sphinx


def site_url(app: Sphinx) -> str:
    """The site's root, always with its trailing slash; ``""`` when ``html_baseurl`` is not set."""
    base = (app.config.html_baseurl or "").strip()
    return base if not base or base.endswith("/") else base + "/"


def page_url(app: Sphinx, docname: str) -> str:
    """The absolute URL of a page, as this builder names it (``talks/x/`` or ``talks/x.html``)."""
    return urljoin(site_url(app), app.builder.get_target_uri(docname))


def file_url(app: Sphinx, path: str) -> str:
    """The absolute URL of a file at the output root (``program.ics``) or a web address as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return urljoin(site_url(app), path)
