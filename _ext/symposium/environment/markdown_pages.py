"""What ``symposium check`` reads of a MyST page without Sphinx: its first heading, the text below
it, its speaker lists.

The build has these from the doctree; the check parses the page with MyST's own
markdown-it parser instead (once per page), so it finds what the build finds in well under a second.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import NamedTuple


class Heading(NamedTuple):
    text: str
    line: int
    #: raw HTML in the heading: shown as text, with a warning (see :mod:`symposium.environment.transforms`), and no SmartQuotes
    raw_html: bool = False


def first_heading(source: str, *, extensions: Iterable[str] = (), smartquotes: bool = True,
                  smartquotes_action: str = "qDe") -> Heading:
    """The text and line of a MyST page's first heading, as the build's doctree has it; ``("", 1)``.

    Parsed with MyST's own markdown-it parser (front-matter included, so lines are the
    file's), its text as docutils' ``astext()`` gives it: markup dropped, raw HTML kept as
    written (as :mod:`symposium.environment.transforms` shows it) and, as Sphinx's SmartQuotes does, curly quotes
    and dashes outside code when ``smartquotes`` is on.
    """
    tokens = _tokens(source, frozenset(extensions))
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0:
            children = tokens[index + 1].children or []
            line = token.map[0] + 1 if token.map else 1
            raw_html = any(child.type == "html_inline" for child in _flat(children))
            text = _heading_text(children, smartquotes_action if smartquotes and not raw_html else "")
            return Heading(text, line, raw_html)
    return Heading("", 1)


class Text(NamedTuple):
    text: str
    line: int


#: top-level blocks that are not the contributor's text, as the build's ``page_text`` skips them:
#: raw HTML, targets, comments (directives, such as ``{program-table}``, are fences with ``{name}``)
_NOT_TEXT = {"html_block", "myst_target", "myst_line_comment", "myst_block_break", "front_matter"}


def text_below_heading(source: str, *, extensions: Iterable[str] = ()) -> Text:
    """The text of a MyST page below its first heading, up to the next heading, as plain
    paragraphs (a talk's abstract, a speaker's biography), and the line where it starts.

    What the build's ``collector.page_text`` reads from the doctree, as markdown-it reads the
    Markdown: each top-level block's text with its whitespace collapsed, blocks apart by a blank
    line; what directives write is left out (the build counts an admonition's words too, so the
    two may differ by those). ``("", 1)`` for a page without a heading or text.
    """
    tokens = _tokens(source, frozenset(extensions))
    start = next((index for index, token in enumerate(tokens)
                  if token.type == "heading_open" and token.level == 0), None)
    if start is None:
        return Text("", 1)
    heading_end = next(index for index in range(start, len(tokens)) if tokens[index].type == "heading_close")
    blocks: list[tuple[int, str]] = []  # (line, text) of each block
    pieces: list[str] = []
    line = 1
    for token in tokens[heading_end + 1:]:
        if token.type == "heading_open":
            break  # the text is what comes before the page's next heading
        if token.level == 0 and token.nesting >= 0:  # a block starts
            line, pieces = (token.map[0] + 1 if token.map else line), []
        if token.type == "inline":
            pieces.append("".join(_plain_text(token.children or [])))
        elif token.type in {"fence", "colon_fence", "code_block"} and not token.info.strip().startswith("{"):
            pieces.append(token.content)
        ends = token.level == 0 and token.nesting <= 0 and token.type not in _NOT_TEXT
        if ends and (text := " ".join(" ".join(pieces).split())):
            blocks.append((line, text))
    return Text("\n\n".join(text for _, text in blocks), blocks[0][0]) if blocks else Text("", 1)


def _plain_text(children: list) -> list[str]:
    """The text of an inline token's children as docutils' ``astext()`` gives it, markup dropped."""
    pieces = []
    for child in children:
        if child.type in {"softbreak", "hardbreak"}:
            pieces.append(" ")
        elif child.type == "image":
            continue
        elif child.children:
            pieces += _plain_text(child.children)
        elif child.content:
            pieces.append(child.content)
    return pieces


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


@functools.lru_cache(maxsize=2)
def _tokens(source: str, extensions: frozenset[str]) -> list:
    """The page's tokens: its heading and its text are read from one parse."""
    return _parser(extensions).parse(source)


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


def _heading_text(children: list, smartquotes_action: str) -> str:
    pieces: list[tuple[str, str]] = []
    for child in children:
        if child.type in {"softbreak", "hardbreak"}:
            pieces.append(("plain", "\n"))
        elif child.type in _LITERAL or child.type == "html_inline":
            pieces.append(("literal", child.content))
        elif child.type == "image":
            continue  # an image's alt text is not part of the title's text
        elif child.type == "text" or (child.content and not child.children):
            pieces.append(("plain", child.content))
        elif child.children:
            pieces.append(("plain", _heading_text(child.children, "")))
    if not smartquotes_action:
        return "".join(text for _, text in pieces)
    from docutils.utils.smartquotes import educate_tokens

    return "".join(educate_tokens(iter(pieces), attr=smartquotes_action, language="en"))
