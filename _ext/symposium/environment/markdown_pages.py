"""What ``symposium check`` reads of a MyST page without Sphinx: its first heading, its speaker lists.

The build has these from the doctree; the check parses the page with MyST's own
markdown-it parser instead, so it finds what the build finds in well under a second.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ..model.text import looks_like_html


class Heading(NamedTuple):
    text: str
    line: int
    #: raw HTML in the heading: shown as text, with a warning (see :mod:`symposium.environment.transforms`), and no SmartQuotes
    raw_html: bool = False


def first_heading(source: str, *, extensions: Iterable[str] = ()) -> Heading:
    """The text and line of a MyST page's first heading, as the build reads it; ``("", 1)``.

    Parsed with MyST's own markdown-it parser (front-matter included, so lines are the
    file's), its text as docutils' ``astext()`` gives it before SmartQuotes (the build's
    :class:`~symposium.environment.transforms.KeepSourceText`): markup dropped, raw HTML kept as
    written (as :mod:`symposium.environment.transforms` shows it), quotes and dashes as typed.
    """
    tokens = _parser(frozenset(extensions)).parse(source)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0:
            children = tokens[index + 1].children or []
            line = token.map[0] + 1 if token.map else 1
            raw_html = (any(child.type == "html_inline" for child in _flat(children))
                        or looks_like_html("".join(child.content for child in _flat(children) if child.type == "text")))
            text = _heading_text(children)
            return Heading(text, line, raw_html)
    return Heading("", 1)


def _flat(tokens: list) -> Iterable:
    for token in tokens:
        yield token
        yield from _flat(token.children or [])


#: the directives whose options ``symposium check`` checks as the build does when it writes them
LISTING_DIRECTIVES = ("program-table", "program-grid", "talk-list", "materials", "speaker-list")


class Directive(NamedTuple):
    name: str
    options: dict[str, str]
    line: int


def listing_directives(source: str, *, extensions: Iterable[str] = ()) -> list[Directive]:
    """Each ``{program-table}``, ``{program-grid}``, ``{talk-list}``, ``{materials}`` and ``{speaker-list}`` of a
    MyST page, with its options and its line."""
    if not any(f"{{{name}}}" in source for name in LISTING_DIRECTIVES):
        return []
    found = []
    for token in _parser(frozenset(extensions)).parse(source):
        name = token.info.strip()[1:-1] if token.type in {"fence", "colon_fence"} else ""
        if name not in LISTING_DIRECTIVES or token.info.strip() != f"{{{name}}}":
            continue
        options: dict[str, str] = {}
        for line in token.content.splitlines():
            if not line.startswith(":"):
                break
            key, _, value = line[1:].partition(":")
            options[key.strip()] = value.strip()
        found.append(Directive(name, options, token.map[0] + 1 if token.map else 1))
    return found


_PARSERS: dict[frozenset[str], object] = {}


def _parser(extensions: frozenset[str]):
    if extensions not in _PARSERS:
        from markdown_it.renderer import RendererHTML
        from myst_parser.config.main import MdParserConfig
        from myst_parser.parsers.mdit import create_md_parser

        try:
            config = MdParserConfig(enable_extensions=set(extensions))
        except (TypeError, ValueError):  # an extension this MyST does not know: the build says so
            config = MdParserConfig()
        _PARSERS[extensions] = create_md_parser(config, RendererHTML)
    return _PARSERS[extensions]


_LITERAL = {"code_inline", "math_inline", "math_single", "math_double"}


def _heading_text(children: list) -> str:
    pieces: list[str] = []
    for child in children:
        if child.type in {"softbreak", "hardbreak"}:
            pieces.append("\n")
        elif child.type in _LITERAL or child.type == "html_inline":
            pieces.append(child.content)
        elif child.type == "image":
            continue  # an image's alt text is not part of the title's text
        elif child.type == "text" or (child.content and not child.children):
            pieces.append(child.content)
        elif child.children:
            pieces.append(_heading_text(child.children))
    return "".join(pieces)
