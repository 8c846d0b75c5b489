"""Identifiers that calendars and conference apps keep for an item or a person.

Calendar apps match a subscribed event by its UID; EventFahrplan and Giggity key an
attendee's favourites on an event's integer id and guid. Each is derived from the
site's acronym and the item's slug only, so it is the same on every rebuild and does
not move when other items are added or removed. Nothing here knows about Sphinx.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterable

from .entities import Problem, ProgramItem, slugify


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


#: what c3voc's schemas allow of a slug after the acronym and its '-': the XSD's ``voc-slug-new``
#: (``[a-z0-9_]{4,}-[a-z0-9\-_]{4,}``) wants four characters or more, the JSON schema's
#: (``^[a-z0-9_-]+[a-z0-9]$``) a letter or digit at the end
_FRAB_TAIL = re.compile(r"^[a-z0-9_-]{3,}[a-z0-9]$")
#: what lengthens a slug that is too short for the schemas (``abc`` -> ``abc_event``): a page's slug
#: has no '_', so no other item's slug is the lengthened one
_SHORT = "_event"


def frab_slug(acronym: str, item: ProgramItem) -> str:
    """frab's ``acronym-title`` slug: ``aiexscale2025-keynote-tbd``. Valid for c3voc's XSD and
    JSON schema whatever the item's slug (the acronym is checked at ``config-inited``)."""
    return f"{acronym}-{frab_tail(item.slug)}"


def frab_tail(slug: str) -> str:
    """The part of a frab slug after the acronym: the item's slug where the schemas allow it, as
    it always was; a page's slug of fewer than four characters lengthened (``ai`` -> ``ai_event``);
    any other (a file name the build warns about, such as ``My_Talk`` or ``日本``) in ASCII with
    a digest of the original, so that two such files keep two slugs. The same on every rebuild."""
    if _FRAB_TAIL.match(slug):
        return slug
    ascii_slug = slugify(slug)
    if ascii_slug == slug:
        return f"{slug}{_SHORT}"
    return f"{ascii_slug}_{hashlib.sha256(slug.encode()).hexdigest()[:8]}"


def check_identifiers(items: Iterable[ProgramItem], acronym: str) -> list[Problem]:
    """Two items that the exports would give one identifier: the later one is reported.

    Two items without a page share a slug only when they have one title at one start:
    the same item written twice. A clash of the integer ids is all but impossible, and
    reported all the same, since an app would merge the two items' favourites.
    """
    problems = []
    seen_slugs: dict[str, ProgramItem] = {}
    seen_frab_slugs: dict[str, ProgramItem] = {}  # as schedule.xml needs them: unique (frab_slug)
    seen_numbers: dict[int, ProgramItem] = {}
    for item in items:
        first = (seen_slugs.get(item.slug) or seen_frab_slugs.get(frab_slug(acronym, item))
                 or seen_numbers.get(event_number(acronym, item)))
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
        seen_frab_slugs[frab_slug(acronym, item)] = item
        seen_numbers[event_number(acronym, item)] = item
    return problems
