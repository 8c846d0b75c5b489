"""Every address the site's outputs carry: where the exports are, which builders write a
website (and so the exports and JSON-LD), and the URL of a page or a file, absolute or
relative to the page it is written on.

Rendering and the HTML head link to the exports through this module alone, without
importing the writer (and with it icalendar and the frab encoders). Calendars, conference
apps and link previews are read away from the site, so every link they carry is absolute;
the base comes from ``html_baseurl`` (set from Read the Docs' ``READTHEDOCS_CANONICAL_URL``
in ``conf.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin

from sphinx.util.osutil import relative_uri

from ..model.entities import ProgramItem, Speaker

# file_url lives in the model, for the encoders, which import no Sphinx (this module does)
from ..model.link_targets import file_url as file_url
from ..model.link_targets import is_web_address

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.config import Config

#: the builders whose output is a website: they get the exports and JSON-LD
WEBSITE_BUILDERS = frozenset({"html", "dirhtml"})
PROGRAM_CALENDAR = "program.ics"
SCHEDULE_JSON = "schedule.json"
SCHEDULE_XML = "schedule.xml"
#: the Atom feed of the program's changes, beside the change log's usual page
CHANGES_FEED = "program/changes.atom"


def builds_website(builder: Builder) -> bool:
    """Whether this builder writes a website that calendars, apps and search engines read."""
    return builder.name in WEBSITE_BUILDERS


def writes_exports(builder: Builder) -> bool:
    """Whether this build writes the exports (and so its pages may link to them): a website
    with its address (the exports hold absolute links)."""
    return builds_website(builder) and bool(site_url(builder.config))


def talk_calendar(item: ProgramItem) -> str:
    """Where a talk's own ``.ics`` is, from the output root: beside its page."""
    return f"{item.docname}.ics"


def talk_bibtex(item: ProgramItem) -> str:
    """Where a talk's BibTeX entry is, from the output root: beside its page."""
    return f"{item.docname}.bib"


def talk_csl_json(item: ProgramItem) -> str:
    """Where a talk's CSL-JSON is, from the output root (``.csl.json``: not another ``.json`` of the site)."""
    return f"{item.docname}.csl.json"


def speaker_calendar(speaker: Speaker) -> str:
    """Where the calendar of a speaker's part in the program is, from the output root: beside their page."""
    return f"{speaker.docname}.ics"


def site_url(config: Config) -> str:
    """The site's root, always with its trailing slash; ``""`` when ``html_baseurl`` is not set."""
    base = (config.html_baseurl or "").strip()
    return base if not base or base.endswith("/") else base + "/"


def page_url(builder: Builder, docname: str) -> str:
    """The absolute URL of a page, as this builder names it (``talks/x/`` or ``talks/x.html``)."""
    return urljoin(site_url(builder.config), builder.get_target_uri(docname))


def file_from_page(builder: Builder, docname: str, path: str) -> str:
    """A web address as it is; a file at the output root, relative to the page ``docname``."""
    return path if is_web_address(path) else relative_uri(builder.get_target_uri(docname), path)


def subscription_url(url: str) -> str:
    """``webcal://...``: the address that makes a calendar app subscribe instead of import."""
    return "webcal://" + url.split("://", 1)[1]
