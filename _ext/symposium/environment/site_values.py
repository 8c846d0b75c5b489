"""The site's values, built once per build from the checked config (``config-inited``).

The event, its names, the site's language and how pages write dates and times are facts of the
whole build: every layer reads them here (``site_of(config)``) instead of rebuilding them from
``conf.py`` for each page. They are kept on the config object under a private name, so that the
parallel readers (forked from the main process) see them too, and Sphinx neither pickles them
with the environment nor counts them among the settings it compares between builds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from ..model.entities import Event
from ..model.local_times import TimeFormatter
from ..model.times import parse_date
from .config import event_name, event_of, short_name

#: where the build keeps them on ``app.config``
_KEPT_AS = "_symposium_site_values"


@dataclass(frozen=True)
class SiteValues:
    """What the whole site says of its event and in which language, from ``conf.py``."""

    event: Event
    #: the event's full name (``symposium_name``, else the short name)
    name: str
    #: ``symposium_short_name``, else ``project``
    short_name: str
    #: the conference apps' short name
    acronym: str
    #: the site's language as a BCP 47 tag (``pt-BR``), as HTML's ``lang``, the manifest and the
    #: exports write it; Sphinx's ``language`` is the gettext form (``pt_BR``)
    language: str
    #: dates and times in the site's language, on ``symposium_clock``
    times: TimeFormatter
    #: the event's DOI, or ""
    doi: str
    #: the first day of the change log, when ``conf.py`` sets one
    changes_since: dt.date | None
    #: the edition's id in its series (``symposium_edition``, else the year of the first day)
    edition: str

    @classmethod
    def of(cls, config: Config | Any) -> SiteValues:
        """From checked config values (``check_config`` has replaced each bad one)."""
        since = config.symposium_changes_since
        return cls(
            event=event_of(config),
            name=event_name(config),
            short_name=short_name(config),
            acronym=config.symposium_acronym,
            language=bcp47(config.language),
            times=TimeFormatter(config.language, config.symposium_clock),
            doi=config.symposium_doi or "",
            changes_since=parse_date(since) if since else None,
            edition=config.symposium_edition,
        )


def bcp47(language: str | None) -> str:
    """Sphinx's ``language`` (``en_GB``) as a BCP 47 tag (``en-GB``); English when none is set."""
    return (language or "en").replace("_", "-")


def keep_site_values(app: Sphinx, config: Config) -> None:
    """``config-inited``, once the values are checked: the site's values for the whole build."""
    setattr(config, _KEPT_AS, SiteValues.of(config))


def site_of(config: Config) -> SiteValues:
    """The site's values of this build (``keep_site_values`` made them at ``config-inited``)."""
    return getattr(config, _KEPT_AS)


def add_substitutions(app: Sphinx, config: Config) -> None:
    """``config-inited``, after ``keep_site_values``: the event's facts as MyST substitutions
    (``{{ name }}``, ``{{ short_name }}``, ``{{ date }}`` (the first day), ``{{ dates }}`` (the
    event's days), ``{{ venue }}``, ``{{ host_link }}``...).

    Derived here, after the values are checked, so that ``conf.py`` only states values and a
    bad one is a warning, not a traceback in ``conf.py``. A substitution that ``conf.py`` sets
    itself wins.
    """
    site = site_of(config)
    host = config.symposium_colocated_with or {}
    name, url = host.get("name", ""), host.get("url", "")
    derived = {
        "name": site.name,
        "short_name": site.short_name,
        "date": site.times.long_date(site.event.date),
        # the event's days: the one day as `date` writes it, or the range of an event of several days
        "dates": site.times.date_range(site.event.date, site.event.end_date),
        "venue": config.symposium_venue,
        "room": config.symposium_room,
        "host": name,
        # substitutions are Markdown: a link works here, not inside a link's target
        "host_link": f"[{name}]({url})" if url else name,
        "host_long": host.get("long_name", name),
    }
    config.myst_substitutions = {**derived, **(config.myst_substitutions or {})}
