"""People in the order readers look them up: by family name, with the Unicode Collation Algorithm.

Code points put "Murphy" before "Müller" and every accented or non-Latin initial after "Z"; the
UCA (pyuca's default table, the DUCET) sorts "Müller" with "Muller", "Łukasz" with "Lukasz".
Nothing here knows about Sphinx.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from pyuca import Collator

from .entities import Speaker


@cache
def _collator() -> Collator:
    # reading the collation table takes a tenth of a second: once per process
    return Collator()


def collation_key(text: str) -> tuple[int, ...]:
    return _collator().sort_key(text)


def sort_name(speaker: Speaker) -> str:
    """What a speaker is sorted by: ``sort_name:``, else the family name (``family_name:``, else
    the last word of the name)."""
    return speaker.sort_name or speaker.family_and_given[0]


def by_family_name(speakers: Iterable[Speaker]) -> list[Speaker]:
    """Speakers by family name, then by the whole name, in the UCA's order; the slug last, so
    that two equal names keep one order from build to build."""
    return sorted(speakers, key=lambda s: (collation_key(sort_name(s)), collation_key(s.name), s.name, s.slug))
