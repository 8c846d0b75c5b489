"""How much of a page's text the site copies elsewhere: one limit, and the short form of a longer text.

A talk's abstract and a speaker's biography are the page's body, and the page shows them
whole. Other places copy them: the calendars (``program.ics``, which every subscriber
downloads and the offline copy keeps, and each talk's and speaker's), the conference apps'
``schedule.json`` and ``schedule.xml``, the citations (``citation_abstract``, the CSL-JSON
block and file) and the page's JSON-LD. Each copy of a text longer than the limit is its
short form (:func:`within_limit`), and the page gets one warning (:func:`too_long`), so
that nothing is cut without a word. No Sphinx here.
"""

from __future__ import annotations

import re

#: The longest abstract or biography that the copies outside the page carry whole.
#: 10,000 characters are some 1,500 words: three times the longest abstract conferences ask for
#: (150 to 500 words) and more than any biography, so no real one is cut. A pasted paper or a
#: generated file is: a 5 MB abstract made the talk's page 21 MB (four copies) and every
#: subscriber's ``program.ics`` 5 MB larger.
TEXT_LIMIT = 10_000

#: what ends a short form before its ellipsis: no space, comma or dash, and no full stop
#: (``word.…`` reads as a mistake)
_TRAILING = re.compile(r"[\s,;:.\u2013\u2014-]+$")
#: all of a text before its last whitespace
_BEFORE_LAST_SPACE = re.compile(r"(.*)\s", re.S)


def shortened(text: str, length: int) -> str:
    """``text`` cut at a word to at most ``length`` characters, the ellipsis (``…``) included.

    A text of at most ``length`` characters comes back as it is. Line and paragraph breaks
    before the cut are kept; a text without a space before the cut is cut inside its word.
    """
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if before := _BEFORE_LAST_SPACE.match(cut):
        cut = before.group(1)
    return _TRAILING.sub("", cut) + "\u2026"


def within_limit(text: str) -> str:
    """The text that copies outside the page carry: ``text`` itself, or its first
    :data:`TEXT_LIMIT` characters (the ellipsis included) cut at a word."""
    return shortened(text, TEXT_LIMIT)


def too_long(what: str, text: str, copies: str) -> str | None:
    """The warning for a page's ``what`` (``"abstract"``, ``"biography"``) over the limit, once per
    page; ``copies`` says what carries its short form. ``None`` when it is within the limit."""
    if len(text) <= TEXT_LIMIT:
        return None
    return (
        f"the {what} is {len(text):,} characters; the page shows it whole, but only its first {TEXT_LIMIT:,}, "
        f"cut at a word with '\u2026', go into {copies}; expected at most {TEXT_LIMIT:,}: shorten it, or link a "
        "longer text"
    )


#: what copies a talk's abstract and a speaker's biography (the words of :func:`too_long`)
ABSTRACT_COPIES = "calendars, conference apps, citations and the page's JSON-LD"
BIOGRAPHY_COPIES = "the page's JSON-LD (for search engines)"
