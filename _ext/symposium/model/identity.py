"""What names the event, written once: the words of the link preview, and names that belong to another event.

``conf.py`` derives ``ogp_image_alt`` from the event's values with :func:`card_alt`, and
``symposium init`` draws the same words on the social card; the build's identity check asks
:func:`foreign_names` whether the logo or the card still names another event. Pure Python.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def when(first: str | dt.date, last: str | dt.date | None = None) -> str:
    """``21 November 2025``, ``2–3 June 2026``, ``30 June – 1 July 2026`` (never the locale's month names)."""
    start = first if isinstance(first, dt.date) else dt.date.fromisoformat(str(first))
    end = last if isinstance(last, dt.date) else (dt.date.fromisoformat(str(last)) if last else start)

    def day(d: dt.date, year: bool = True) -> str:
        return f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")
    if end <= start:
        return day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}\u2013{day(end)}"
    return f"{day(start, start.year != end.year)} \u2013 {day(end)}"


def where(venue: str) -> str:
    """The place of ``Hall, St. Louis, Missouri, USA``: ``St. Louis, Missouri`` (the venue's name and
    the country left out); a venue of one or two parts, its first."""
    parts = [part.strip() for part in venue.split(",") if part.strip()]
    return ", ".join(parts[1:-1] or parts[:1])


def card_alt(short_name: str, first: object, last: object = None, venue: object = "", host: object = "") -> str:
    """The social card's alternative text: what it shows, in the order it shows it. ``host`` is a name or
    ``symposium_colocated_with``; a value that is missing or not right is left out (the build warns of it)."""
    try:
        days = ", " + when(str(first), str(last) if last else None)
    except (TypeError, ValueError):
        days = ""
    place = where(venue) if isinstance(venue, str) else ""
    if isinstance(host, dict):
        host = host.get("name", "")
    return (f"{short_name}: a workflow graph of connected compute nodes above the symposium's full name{days}"
            + (f", {place}" if place else "") + (f", co-located with {host}" if isinstance(host, str) and host else ""))


#: a word that looks like an event's acronym: two capitals or more (AIExScale, SC25, BWW)
_ACRONYM_WORD = re.compile(r"\b[A-Za-z]*[A-Z][a-z]*[A-Z][A-Za-z0-9]*\b")


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def foreign_names(text: str, own: Iterable[str]) -> list[str]:
    """The acronym-like words of ``text`` that none of the event's own names (``own``) holds."""
    mine = [_letters(name) for name in own if name]
    words = []
    for word in _ACRONYM_WORD.findall(text):
        letters = _letters(word)
        bare = letters.rstrip("0123456789") or letters
        if not any(bare in name or name.startswith(bare) for name in mine) and word not in words:
            words.append(word)
    return words


def repository_of(url: str) -> tuple[str, str] | None:
    """``(host, owner/name)`` of a repository's address as git and browsers write it
    (``git@github.com:owner/name.git``, ``https://github.com/owner/name``, ``ssh://git@host/owner/name``);
    ``None`` for anything else (a local path, a file URL)."""
    text = url.strip()
    match = (re.fullmatch(r"(?:ssh://)?[\w.-]+@([\w.-]+)[:/](?:\d+/)?([^\s]+?)(?:\.git)?/?", text)
             or re.fullmatch(r"(?:https?|git)://(?:[^@/\s]+@)?([\w.-]+)(?::\d+)?/([^\s]+?)(?:\.git)?/?", text))
    if not match:
        return None
    path = match[2].strip("/")
    if path.count("/") < 1:
        return None
    return match[1].lower(), "/".join(path.split("/")[:2]).lower()


def pages_owner(site_url: str) -> tuple[str, str] | None:
    """``https://owner.github.io/...`` -> ``("github.com", "owner")``: whose pages a site's address is."""
    match = re.match(r"https?://([\w-]+)\.(github|gitlab)\.io(?:[/:]|$)", site_url.strip().lower())
    return (f"{match[2]}.com", match[1]) if match else None


def png_title(data: bytes) -> str | None:
    """The ``Title`` text chunk of a PNG (``symposium init`` writes what its social card shows), or ``None``."""
    position = 8
    while position + 8 <= len(data):
        length = int.from_bytes(data[position:position + 4], "big")
        kind, body = data[position + 4:position + 8], data[position + 8:position + 8 + length]
        if kind == b"tEXt" and body.startswith(b"Title\x00"):
            return body[6:].decode("latin-1")
        if kind == b"IEND":
            break
        position += 12 + length
    return None
