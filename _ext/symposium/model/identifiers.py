"""Identifiers that calendars and conference apps keep for an item or a person.

Calendar apps match a subscribed event by its UID; EventFahrplan and Giggity key an
attendee's favourites on an event's integer id and guid. Each is derived from the
site's acronym and the item's slug only, so it is the same on every rebuild and does
not move when other items are added or removed. Nothing here knows about Sphinx.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable

from .entities import Problem, ProgramItem


def event_uid(acronym: str, item: ProgramItem) -> str:
    """The iCalendar UID: ``keynote-tbd@aiexscale2025``."""
    return f"{item.slug}@{acronym}"


def guid(acronym: str, kind: str, slug: str) -> str:
    """A UUID5 of the site and the slug, for frab's ``guid`` (``kind``: event or person)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:{acronym}:{kind}:{slug}"))


def event_number(acronym: str, item: ProgramItem) -> int:
    """A positive 31-bit integer for frab's ``id``, from the same slug as the guid."""
    digest = hashlib.sha256(f"{acronym}:{item.slug}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % (2**31 - 1) + 1


def frab_slug(acronym: str, item: ProgramItem) -> str:
    """frab's ``acronym-title`` slug: ``aiexscale2025-keynote-tbd``."""
    return f"{acronym}-{item.slug}"


def check_identifiers(items: Iterable[ProgramItem], acronym: str) -> list[Problem]:
    """Two items that the exports would give one identifier: the later one is reported.

    Two items without a page share a slug only when they have one title at one start:
    the same item written twice. A clash of the integer ids is all but impossible, and
    reported all the same, since an app would merge the two items' favourites.
    """
    problems = []
    seen_slugs: dict[str, ProgramItem] = {}
    seen_numbers: dict[int, ProgramItem] = {}
    for item in items:
        first = seen_slugs.get(item.slug) or seen_numbers.get(event_number(acronym, item))
        if first is not None:
            problems.append(Problem(
                "export",
                f"{item.title!r} gets the same identifier in the calendar and the conference apps as "
                f"{first.title!r} ({first.docname}, line {first.start_line}); expected items that differ in "
                "title or start time (is this item written twice?)",
                item.start_line, item.docname,
            ))
            continue
        seen_slugs[item.slug] = item
        seen_numbers[event_number(acronym, item)] = item
    return problems
