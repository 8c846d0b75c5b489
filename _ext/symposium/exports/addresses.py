"""Where the exports are, which builders write them, and the absolute URLs of the site's pages.

Rendering and the HTML head link to the exports through this module alone, without
importing the writer (and with it icalendar and the frab encoders).

Calendars, conference apps and link previews are read away from the site, so every link
they carry is absolute. The base comes from ``html_baseurl`` (set from Read the Docs'
``READTHEDOCS_CANONICAL_URL`` in ``conf.py``).
"""

from __future__ import annotations

from urllib.parse import urljoin

from sphinx.application import Sphinx
from sphinx.builders import Builder

from ..model.entities import ProgramItem

#: the builders whose output is a website that calendars and apps can read
EXPORT_BUILDERS = frozenset({"html", "dirhtml"})
PROGRAM_CALENDAR = "program.ics"
SCHEDULE_JSON = "schedule.json"
SCHEDULE_XML = "schedule.xml"


def writes_exports(builder: Builder) -> bool:
    """Whether this build writes the exports (and so its pages may link to them)."""
    return builder.name in EXPORT_BUILDERS and bool((builder.config.html_baseurl or "").strip())


def talk_calendar(item: ProgramItem) -> str:
    """Where a talk's own ``.ics`` is, from the output root: beside its page."""
    return f"{item.docname}.ics"


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
