"""Time zones as people write them: the IANA name of a place for a common abbreviation (``JST``, ``CEST``).

An abbreviation is not a zone a site can publish: ``EST`` and ``MST`` are in the IANA database, but as
fixed offsets without summer time, and ``CST`` or ``IST`` name zones on different continents. One
table, read by ``symposium init`` when it is given one and by the build's warning for
``symposium_timezone``: what it suggests is the place's zone. Pure Python.
"""

from __future__ import annotations

import zoneinfo
from functools import cache

from .hints import closest

#: a common abbreviation -> the IANA zones it may stand for, each with the place that uses it, the most
#: likely first (standard and summer names alike: an event is in both, as its season has it)
ABBREVIATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "GMT": (("Europe/London", "the United Kingdom"), ("UTC", "no summer time")),
    "BST": (("Europe/London", "the United Kingdom"),),
    "WET": (("Europe/Lisbon", "Portugal"),),
    "WEST": (("Europe/Lisbon", "Portugal"),),
    "CET": (("Europe/Berlin", "Germany"), ("Europe/Paris", "France"), ("Europe/Madrid", "Spain"),
            ("Europe/Rome", "Italy")),
    "CEST": (("Europe/Berlin", "Germany"), ("Europe/Paris", "France"), ("Europe/Madrid", "Spain"),
             ("Europe/Rome", "Italy")),
    "MET": (("Europe/Berlin", "Germany"), ("Europe/Paris", "France")),
    "MEZ": (("Europe/Berlin", "Germany"),),
    "MESZ": (("Europe/Berlin", "Germany"),),
    "EET": (("Europe/Helsinki", "Finland"), ("Europe/Athens", "Greece"), ("Europe/Bucharest", "Romania")),
    "EEST": (("Europe/Helsinki", "Finland"), ("Europe/Athens", "Greece"), ("Europe/Bucharest", "Romania")),
    "MSK": (("Europe/Moscow", "Moscow"),),
    "IST": (("Asia/Kolkata", "India"), ("Europe/Dublin", "Ireland"), ("Asia/Jerusalem", "Israel")),
    "IDT": (("Asia/Jerusalem", "Israel"),),
    "PKT": (("Asia/Karachi", "Pakistan"),),
    "ICT": (("Asia/Bangkok", "Thailand"), ("Asia/Ho_Chi_Minh", "Vietnam")),
    "WIB": (("Asia/Jakarta", "Indonesia"),),
    "SGT": (("Asia/Singapore", "Singapore"),),
    "HKT": (("Asia/Hong_Kong", "Hong Kong"),),
    "JST": (("Asia/Tokyo", "Japan"),),
    "KST": (("Asia/Seoul", "South Korea"),),
    "AWST": (("Australia/Perth", "Western Australia"),),
    "ACST": (("Australia/Adelaide", "South Australia"), ("Australia/Darwin", "Northern Territory")),
    "ACDT": (("Australia/Adelaide", "South Australia"),),
    "AEST": (("Australia/Sydney", "New South Wales"), ("Australia/Melbourne", "Victoria"),
             ("Australia/Brisbane", "Queensland")),
    "AEDT": (("Australia/Sydney", "New South Wales"), ("Australia/Melbourne", "Victoria")),
    "NZST": (("Pacific/Auckland", "New Zealand"),),
    "NZDT": (("Pacific/Auckland", "New Zealand"),),
    "HST": (("Pacific/Honolulu", "Hawaii"),),
    "AKST": (("America/Anchorage", "Alaska"),),
    "AKDT": (("America/Anchorage", "Alaska"),),
    "PST": (("America/Los_Angeles", "US Pacific"), ("America/Vancouver", "Canada Pacific")),
    "PDT": (("America/Los_Angeles", "US Pacific"), ("America/Vancouver", "Canada Pacific")),
    "PT": (("America/Los_Angeles", "US Pacific"),),
    "MST": (("America/Denver", "US Mountain"), ("America/Phoenix", "Arizona, no summer time"),
            ("America/Edmonton", "Canada Mountain")),
    "MDT": (("America/Denver", "US Mountain"), ("America/Edmonton", "Canada Mountain")),
    "MT": (("America/Denver", "US Mountain"),),
    "CST": (("America/Chicago", "US Central"), ("Asia/Shanghai", "China"), ("America/Mexico_City", "Mexico")),
    "CDT": (("America/Chicago", "US Central"),),
    "CT": (("America/Chicago", "US Central"),),
    "EST": (("America/New_York", "US Eastern"), ("America/Toronto", "Canada Eastern")),
    "EDT": (("America/New_York", "US Eastern"), ("America/Toronto", "Canada Eastern")),
    "ET": (("America/New_York", "US Eastern"),),
    "AST": (("America/Halifax", "Atlantic Canada"), ("Asia/Riyadh", "Arabia")),
    "BRT": (("America/Sao_Paulo", "Brazil"),),
    "ART": (("America/Argentina/Buenos_Aires", "Argentina"),),
    "SAST": (("Africa/Johannesburg", "South Africa"),),
    "WAT": (("Africa/Lagos", "West Africa"),),
    "CAT": (("Africa/Maputo", "Central Africa"),),
    "EAT": (("Africa/Nairobi", "East Africa"),),
    "GST": (("Asia/Dubai", "the Gulf"),),
}


@cache
def _zones() -> tuple[frozenset[str], dict[str, str]]:
    zones = frozenset(zoneinfo.available_timezones())
    return zones, {zone.lower(): zone for zone in zones}


def abbreviation_hint(name: str) -> str:
    """``"'JST' is an abbreviation, not a place's zone; did you mean 'Asia/Tokyo' (Japan)?"``, or ``""`` for no abbreviation;
    several zones are named, the most likely first: ``'Asia/Kolkata' (India), 'Europe/Dublin' (Ireland) or ...``."""
    places = ABBREVIATIONS.get(name.strip().upper())
    if not places:
        return ""
    named = [f"{zone!r} ({place})" for zone, place in places]
    choice = named[0] if len(named) == 1 else ", ".join(named[:-1]) + f" or {named[-1]}"
    return f"{name.strip()!r} is an abbreviation, not a place's zone; did you mean {choice}?"


def zone_of(text: str) -> tuple[str | None, str]:
    """``(the IANA zone, "")`` for a zone's name in any case (``europe/berlin``); else ``(None, what is wrong)``,
    with the zone an abbreviation stands for (``JST`` -> ``Asia/Tokyo``), or the closest name. An abbreviation
    the database also holds as a fixed offset (``EST``, ``MST``, ``CET``) is refused too: its events would be
    an hour off in summer, or it names several places. ``UTC`` is a zone."""
    name = text.strip()
    zones, by_case = _zones()
    if name.upper() in {"UTC", "ETC/UTC"}:
        return ("UTC" if name.upper() == "UTC" else "Etc/UTC"), ""
    hint = abbreviation_hint(name)
    if not hint:
        if name in zones:
            return name, ""
        if name.lower() in by_case:
            return by_case[name.lower()], ""
        match = closest(name, sorted(zones), cutoff=0.5) or closest(name.lower(), sorted(by_case), cutoff=0.5)
        hint = f"did you mean {by_case.get(match, match)!r}? " if match else ""
        return None, f"{name!r} is not an IANA time zone; {hint}expected a name such as 'Europe/Berlin'"
    return None, f"{hint} expected the IANA name of the event's place, such as 'Europe/Berlin'"
