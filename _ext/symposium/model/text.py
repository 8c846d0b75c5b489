"""Text as the contributor wrote it: the two rules every reader of titles, names and abstracts shares.

Titles, names, tracks, rooms and abstracts are data: the exports carry their characters as
written. Typography (curly quotes, dashes) is the page's business, and a no-break space,
a thin space or a narrow no-break space (French "« Bonjour »", "10 000") is a character the
writer chose: only the whitespace of the file's layout (spaces, tabs, line breaks) is folded.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: the whitespace of a file's layout; Python's ``str.split()`` would also fold U+00A0, U+2009, U+202F ...
_LAYOUT_SPACE = re.compile(r"[ \t\n\r\f\v]+")

#: quotation marks as SmartQuotes may curl them, folded to the straight ones a keyboard types
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'})


#: what a browser would read as an element or a comment: ``<img src=x onerror=...>``, ``</script>``, ``<!--``
_TAG = re.compile(r"<(?:[A-Za-z][^<>]*|/[A-Za-z][^<>]*|!--[^<>]*)>")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds something a browser would take for a tag, were it pasted as HTML."""
    return "<" in text and _TAG.search(text) is not None


def squeeze(text: str) -> str:
    """``text`` on one line: each run of layout whitespace one space, none at either end; every
    other character, no-break spaces included, as written."""
    return _LAYOUT_SPACE.sub(" ", text).strip(" ")


def same_words(a: str, b: str) -> bool:
    """Whether two texts say the same, whatever their layout and however their quotes are typeset
    (``Amy O'Donnell`` and ``Amy O’Donnell``)."""
    return squeeze(a).translate(_QUOTES) == squeeze(b).translate(_QUOTES)


# -- an abstract as plain text, with its lines: the form of plain_text (the build) and markdown_pages (the check)


def plain_list(items: list[str], *, ordered: bool = False, start: int = 1) -> str:
    """List items as plain text: ``- `` or ``1. `` before each, an item's further lines under its first."""
    lines = []
    for number, text in enumerate(items, start):
        marker = f"{number}. " if ordered else "- "
        lines.append(marker + "\n".join(" " * len(marker) + line if line else line for line in text.split("\n")).lstrip(" "))
    return "\n".join(lines)


def plain_quote(text: str) -> str:
    """A quotation as plain text: each line after ``> ``."""
    return "\n".join(f"> {line}".rstrip() for line in text.split("\n"))


class _HtmlText(HTMLParser):
    """The text of an HTML fragment: blocks on lines of their own, list items as ``- ``; no script."""

    BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre",
                        "blockquote", "section", "article", "table", "dl", "dt", "dd", "hr"})
    SILENT = frozenset({"script", "style", "template", "noscript", "iframe", "object"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.silent = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SILENT:
            self.silent += 1
        elif tag in self.BLOCKS:
            self.pieces.append("\n- " if tag == "li" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SILENT:
            self.silent = max(0, self.silent - 1)
        elif tag in self.BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.silent:
            self.pieces.append(data)


def html_text(fragment: str) -> str:
    """The text an HTML fragment shows, without its tags: one line per block, none empty."""
    parser = _HtmlText()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.pieces).replace("\x00", "")
    return "\n".join(line for line in (squeeze(line) for line in text.split("\n")) if line)
