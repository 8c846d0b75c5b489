"""The ``symposium_*`` config values: declared, checked at ``config-inited``, read as an Event."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import MutableMapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from ..model.entities import COLOUR_CLASSES, DEFAULT_TYPES, SLUG, Event, ItemType
from ..model.link_targets import is_web_address
from ..model.local_times import CLOCKS
from ..model.rooms import room_records, venue_geo
from ..model.times import parse_date
from ..model.zones import abbreviation_hint

logger = logging.getLogger(__name__)

#: name -> (default, rebuild, types)
CONFIG_VALUES: dict[str, tuple[Any, str, tuple[type, ...]]] = {
    # the event's full name, for calendars, conference apps and JSON-LD; default: the short name
    "symposium_name": (None, "env", (str,)),
    # the short name ("AIExScale 2025"); conf.py makes `project` of it; default: `project`
    "symposium_short_name": (None, "env", (str,)),
    # the site's address; conf.py makes `html_baseurl` of it (Read the Docs' canonical URL wins)
    "symposium_url": (None, "html", (str,)),
    "symposium_date": (None, "env", (str, dt.date)),
    # the edition's id in a series ("2025"): its site lives at `<symposium_url><edition>/` (conf.py
    # makes `html_baseurl` of both), its git tag and its Read the Docs version are named so;
    # default: the year of symposium_date
    "symposium_edition": (None, "html", (str, int)),
    "symposium_end_date": (None, "env", (str, dt.date)),
    "symposium_timezone": ("UTC", "env", (str,)),
    "symposium_venue": ("", "env", (str,)),
    # the venue's (latitude, longitude), for calendars' GEO
    "symposium_venue_geo": (None, "env", (tuple, list)),
    "symposium_room": ("", "env", (str,)),
    "symposium_colocated_with": (None, "env", (dict,)),
    "symposium_max_gap_minutes": (120, "env", (int,)),
    "symposium_max_item_minutes": (12 * 60, "env", (int,)),
    # the conference apps' short name: lower-case letters, digits and '_', no '-'
    "symposium_acronym": (None, "env", (str,)),
    # for conferences: rooms and tracks in display order (a value not listed is a typo); the
    # rooms may be a dict of each room's record (description, map, capacity, stream): model/rooms.py
    "symposium_rooms": ((), "env", (list, tuple, dict)),
    "symposium_tracks": ((), "env", (list, tuple)),
    # when a day of the program ends, as "04:00": a talk at 00:30 belongs to the day before
    "symposium_day_change": ("00:00", "env", (str,)),
    # the day the program was first announced: its change log and feed start there (before it,
    # drafting is not news); default: the first commit that has a program
    "symposium_changes_since": (None, "html", (str, dt.date)),
    # the event's DOI, such as "10.5281/zenodo.1234567": in every talk's citation (BibTeX, CSL-JSON, meta tags)
    "symposium_doi": (None, "html", (str,)),
    # the values of `type:` the site adds or relabels: {"poster": {"label": "Poster", "class": "poster"}}
    "symposium_types": ({}, "env", (dict,)),
    # "24h" or "12h": the clock of every time pages show; default: the clock of `language`
    "symposium_clock": (None, "env", (str,)),
}

_DAY = 24 * 60
#: the longest value each limit may take: conference apps cannot show an item of a day or more
_MAX_MINUTES = {"symposium_max_gap_minutes": _DAY, "symposium_max_item_minutes": _DAY - 1}
_ACRONYM = re.compile(r"^[a-z0-9_]{4,}$")
#: an edition's id: one path segment, one git tag name and one Read the Docs version slug at once
EDITION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
#: a DOI: "10.", a registrant code of digits (dot-separated parts), "/", a suffix without spaces
_DOI = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/\S+$")
#: how a DOI is often pasted: as a link, or with its "doi:" prefix
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def add_config_values(app: Sphinx) -> None:
    for name, (default, rebuild, types) in CONFIG_VALUES.items():
        app.add_config_value(name, default, rebuild, types=types)


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: a warning for each bad value, a working value in its place."""
    for message in config_problems(config):
        logger.warning(message, type="symposium", subtype="config")


def config_problems(config: Config | MutableMapping[str, Any]) -> list[str]:
    """What is wrong with the ``symposium_*`` values, in the contributor's words; each bad value
    is replaced by one that works. The build and ``symposium check`` both call this."""
    found: list[str] = []

    def bad(name: str, expected: str, fallback: Any) -> None:
        found.append(f"{name} = {config[name]!r}: expected {expected}; using {fallback!r}")
        config[name] = fallback

    try:
        parse_date(config.symposium_date)
    except ValueError:
        # no date is right: today keeps the build going, and the warning says what to fix
        bad("symposium_date", "the symposium's (first) day as an ISO date such as '2025-11-21'", dt.date.today().isoformat())
    if config.symposium_end_date is not None:
        try:
            if parse_date(config.symposium_end_date) < parse_date(config.symposium_date):
                raise ValueError
        except ValueError:
            bad("symposium_end_date", "an ISO date on or after symposium_date", None)
    try:
        ZoneInfo(str(config.symposium_timezone))
    except (ZoneInfoNotFoundError, ValueError):
        # JST -> 'Asia/Tokyo': the abbreviations' table, which `symposium init` reads too
        hint = abbreviation_hint(str(config.symposium_timezone))
        bad("symposium_timezone", "an IANA time zone such as 'America/Chicago'" + (f" ({hint})" if hint else ""), "UTC")
    edition = config.symposium_edition
    if edition is None or edition == "":
        config.symposium_edition = str(parse_date(config.symposium_date).year)
    elif isinstance(edition, bool) or not EDITION.match(str(edition)):
        bad("symposium_edition", "the edition's id in letters, digits, '-' and '_', such as '2026' (the address's "
            "folder, the git tag and the Read the Docs version), or no value (the year of symposium_date)",
            str(parse_date(config.symposium_date).year))
    else:
        config.symposium_edition = str(edition)
    for name, most in _MAX_MINUTES.items():
        minutes = config[name]
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 < minutes <= most:
            bad(name, f"a whole number of minutes from 1 to {most}", CONFIG_VALUES[name][0])
    for name in ("symposium_name", "symposium_short_name"):
        if config[name] is not None and not (isinstance(config[name], str) and config[name].strip()):
            bad(name, "the event's " + ("full" if name == "symposium_name" else "short") + " name as text, or no "
                "value (the short name, `project`)", None)
    url = config.symposium_url
    if url is not None and not (isinstance(url, str) and is_web_address(url)):
        bad("symposium_url", "the site's address, such as 'https://example.org/'", None)
    if config.symposium_acronym is None:
        config.symposium_acronym = acronym_of(short_name(config))
    elif not (isinstance(config.symposium_acronym, str) and _ACRONYM.match(config.symposium_acronym)):
        bad("symposium_acronym", "at least 4 lower-case letters, digits or '_', such as 'bww2026'",
            acronym_of(short_name(config)))
    host = config.symposium_colocated_with
    if host is not None and not (
        isinstance(host, dict) and isinstance(host.get("name"), str) and host["name"].strip()
        and set(host) <= {"name", "url", "long_name"}
        and all(isinstance(host.get(key, ""), str) for key in ("url", "long_name"))
        and (not host.get("url") or is_web_address(host["url"]))
    ):
        bad("symposium_colocated_with",
            "a dict with 'name' and optional 'url' (http(s)) and 'long_name', such as {'name': 'HostConf 2026', 'url': 'https://...'}",
            None)
    for name in ("symposium_venue", "symposium_room"):
        if not isinstance(config[name], str):
            bad(name, "text", "")
    rooms, problems = room_records(config.symposium_rooms)
    if problems:
        found.extend(problems)
        # each bad key left out, or no rooms: the records as they are read
        config.symposium_rooms = ({room.name: _record(room) for room in rooms}
                                  if isinstance(config.symposium_rooms, MutableMapping) else ())
    geo, problems = venue_geo(config.symposium_venue_geo)
    if problems:
        found.extend(problems)
        config.symposium_venue_geo = geo
    tracks = config.symposium_tracks
    if not (isinstance(tracks, (list, tuple)) and all(isinstance(v, str) and v.strip() for v in tracks)
            and len(set(tracks)) == len(tracks)):
        bad("symposium_tracks", "a list of distinct names such as ['AI', 'Workflows']", ())
    if config.symposium_changes_since is not None:
        try:
            parse_date(config.symposium_changes_since)
        except ValueError:
            bad("symposium_changes_since", "the day the program was announced as an ISO date such as '2025-10-01'",
                None)
    if config.symposium_doi is not None:
        doi = doi_of(config.symposium_doi)
        if doi is None:
            bad("symposium_doi", "a DOI such as '10.5281/zenodo.1234567' (or its https://doi.org/ link), or no value",
                None)
        else:
            config.symposium_doi = doi
    found += _types_problems(config)
    change = _day_change(config.symposium_day_change)
    if change is None or change > dt.time(12):
        bad("symposium_day_change", "a time of the night such as '04:00' (at most '12:00')", "00:00")
    if config.symposium_clock is not None and config.symposium_clock not in CLOCKS:
        bad("symposium_clock", "'24h' or '12h', or no value (the clock of `language`)", None)
    return found


_TYPE_EXAMPLE = "{'poster': {'label': 'Poster', 'class': 'poster'}, 'hackathon': {'label': 'Hackathon', 'class': 'social', 'page': False}}"


def _types_problems(config: Config | MutableMapping[str, Any]) -> list[str]:
    """``symposium_types``: a problem for each bad entry or key; what is left is each type in
    full (``label``, ``class``, ``page``), so that checking it again finds nothing."""
    given = config["symposium_types"]
    if not isinstance(given, dict):
        config["symposium_types"] = {}
        return [f"symposium_types = {given!r}: expected a dict of types such as {_TYPE_EXAMPLE}; using {{}}"]
    found: list[str] = []
    types: dict[str, dict[str, Any]] = {}
    for name, entry in given.items():
        where = f"symposium_types[{name!r}]"
        if not isinstance(name, str) or not SLUG.match(name):
            found.append(f"{where}: expected a type's name in lower-case letters and digits, words joined by '-', "
                         "such as 'poster' (it names the type in front-matter and in CSS classes); leaving it out")
            continue
        if not isinstance(entry, dict):
            found.append(f"{where} = {entry!r}: expected a dict such as {{'label': 'Poster', 'class': 'poster'}}; "
                         "leaving it out")
            continue
        default = DEFAULT_TYPES.get(name)
        kind = {"label": default.label if default else name.replace("-", " ").capitalize(),
                "class": default.colour if default else "", "page": default.has_page if default else True}
        for key, value in entry.items():
            if key not in kind:
                found.append(f"{where}[{key!r}]: unknown key; expected 'label', 'class' or 'page'; leaving it out")
            elif key == "label" and not isinstance(value, str):
                found.append(f"{where}['label'] = {value!r}: expected text, such as 'Poster'; using {kind['label']!r}")
            elif key == "class" and value not in COLOUR_CLASSES:
                found.append(f"{where}['class'] = {value!r}: expected one of the colour classes: "
                             f"{', '.join(COLOUR_CLASSES)}; using {kind['class'] or 'the default'!r}")
            elif key == "page" and not isinstance(value, bool):
                found.append(f"{where}['page'] = {value!r}: expected True (a talk type: its talks have a page in "
                             "talks/) or False (an entry of 'program: items:' only); using True")
            elif key == "page" and default is not None and value != default.has_page:
                found.append(f"{where}['page'] = {value!r}: {name!r} is a built-in type "
                             f"{'of talks' if default.has_page else 'of the entries without a page'}, and stays one; "
                             f"expected {default.has_page} or no 'page' (add a type of another name)")
            else:
                kind[key] = value.strip() if isinstance(value, str) else value
        # a new type looks like a talk, or like the entries without a page, unless it says
        kind["class"] = kind["class"] or ("contributed" if kind["page"] else "other")
        types[name] = kind
    config["symposium_types"] = types
    return found


def item_types(config: Config) -> dict[str, ItemType]:
    """Every type: the built-in ones, then the site's (``symposium_types``, checked)."""
    site = {name: ItemType(kind["label"], kind["class"], kind["page"]) for name, kind in config.symposium_types.items()}
    return {**DEFAULT_TYPES, **site}


def _record(room) -> dict[str, Any]:
    """A room's record as ``conf.py`` writes it: the keys it gives."""
    return {key: value for key, value in vars(room).items() if key != "name" and value not in ("", None)}


def _day_change(value: object) -> dt.time | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{1,2}:\d{2}", value.strip()):
        return None
    hours, minutes = map(int, value.split(":"))
    return dt.time(hours, minutes) if hours < 24 and minutes < 60 else None


def doi_of(value: object) -> str | None:
    """``10.5281/zenodo.1234567`` from the DOI, its ``https://doi.org/`` link or ``doi:`` form;
    ``None`` for anything that is not a DOI."""
    if not isinstance(value, str):
        return None
    doi = _DOI_PREFIX.sub("", value.strip())
    return doi if _DOI.match(doi) else None


def acronym_of(project: object) -> str:
    """``AIExScale 2025`` -> ``aiexscale2025``: the project's name as the apps' acronym."""
    text = re.sub(r"[^a-z0-9_]", "", str(project).lower())
    return text if len(text) >= 4 else "symposium"


def event_name(config: Config) -> str:
    """The event's full name: ``symposium_name``, else its short name. Never a page's heading:
    the home page's may say something else."""
    return config.symposium_name or short_name(config)


def short_name(config: Config) -> str:
    """The event's short name: ``symposium_short_name``, else ``project``."""
    return config.symposium_short_name or config.project


def event_of(config: Config) -> Event:
    """The event as the (checked) config describes it."""
    end = config.symposium_end_date
    return Event(
        date=parse_date(config.symposium_date),
        end_date=parse_date(end) if end is not None else None,
        timezone=ZoneInfo(config.symposium_timezone),
        room=config.symposium_room,
        venue=config.symposium_venue,
        max_gap=dt.timedelta(minutes=config.symposium_max_gap_minutes),
        max_item=dt.timedelta(minutes=config.symposium_max_item_minutes),
        rooms=tuple(config.symposium_rooms),
        tracks=tuple(config.symposium_tracks),
        day_change=_day_change(config.symposium_day_change) or dt.time(0),
        types=item_types(config),
        room_records=room_records(config.symposium_rooms)[0],
        venue_geo=venue_geo(getattr(config, "symposium_venue_geo", None))[0],
    )
