"""What ``symposium check`` reads of a MyST page without Sphinx: its first heading, the text below
it, its speaker lists.

The build has these from the doctree; the check parses the page with MyST's own
markdown-it parser instead (once per page), so it finds what the build finds in well under a second.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import NamedTuple

from ..model.text import html_text, looks_like_html, plain_list, plain_quote, squeeze
from .placeholder_nodes import PLACEHOLDER_KINDS


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
    tokens = _tokens(source, frozenset(extensions))
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0:
            children = tokens[index + 1].children or []
            line = token.map[0] + 1 if token.map else 1
            raw_html = (any(child.type == "html_inline" for child in _flat(children))
                        or looks_like_html("".join(child.content for child in _flat(children) if child.type == "text")))
            text = _heading_text(children)
            return Heading(text, line, raw_html)
    return Heading("", 1)


class Text(NamedTuple):
    text: str
    line: int


#: blocks that are not the contributor's text, as :mod:`.plain_text` skips their doctree nodes
_NOT_TEXT = {"myst_target", "myst_line_comment", "myst_block_break", "front_matter"}


def text_below_heading(source: str, *, extensions: Iterable[str] = ()) -> Text:
    """The text of a MyST page below its first heading, up to the next heading, and the line where
    it starts: a talk's abstract, a speaker's biography.

    What the build's :func:`~.plain_text.section_text` reads from the doctree, as markdown-it
    reads the Markdown, in the same form: paragraphs apart by a blank line, list items on lines
    of their own, code as written, raw HTML's text. What directives write is left out (the build
    counts an admonition's words too, so the two may differ by those). ``("", 1)`` for a page
    without a heading or text.
    """
    from markdown_it.tree import SyntaxTreeNode

    blocks: list[tuple[int, str]] = []  # (line, text) of each block
    below = False
    for node in SyntaxTreeNode(_tokens(source, frozenset(extensions))).children:
        if node.type == "heading":
            if below:
                break  # the text is what comes before the page's next heading
            below = True
        elif below and (text := _block_text(node)):
            blocks.append((node.map[0] + 1 if node.map else 1, text))
    return Text("\n\n".join(text for _, text in blocks), blocks[0][0]) if blocks else Text("", 1)


def _block_text(node) -> str:
    if node.type in _NOT_TEXT:
        return ""
    if node.type == "paragraph":
        return _inline_text(node.children[0].children if node.children else [])
    if node.type in {"bullet_list", "ordered_list"}:
        items = ["\n".join(text for child in item.children if (text := _block_text(child))) for item in node.children]
        if node.type == "ordered_list":
            return plain_list(items, ordered=True, start=int(node.attrs.get("start", 1)))
        return plain_list(items)
    if node.type in {"fence", "colon_fence", "code_block"}:
        return "" if node.info.strip().startswith("{") else node.content.strip("\n")  # a directive's is not text
    if node.type == "html_block":
        return html_text(node.content)
    if node.type == "blockquote":
        return plain_quote("\n\n".join(text for child in node.children if (text := _block_text(child))))
    return "\n\n".join(text for child in node.children if (text := _block_text(child)))


def _inline_text(children: list) -> str:
    """A paragraph's text on one line (a hard line break kept as one), markup dropped."""
    return "\n".join(squeeze(line) for line in "".join(_pieces(children)).split("\x00")).strip("\n")


def _pieces(children: list) -> list[str]:
    pieces = []
    for child in children:
        if child.type == "softbreak":
            pieces.append(" ")
        elif child.type == "hardbreak":
            pieces.append("\x00")
        elif child.type == "html_inline":
            pieces.append("\x00" if child.content.strip().lower().startswith("<br")
                          else html_text(child.content).replace("\n", "\x00"))
        elif child.type == "image":
            continue
        elif child.children:
            pieces += _pieces(child.children)
        elif child.content:
            pieces.append(child.content)
    return pieces


def _flat(tokens: list) -> Iterable:
    for token in tokens:
        yield token
        yield from _flat(token.children or [])


#: the directives whose options ``symposium check`` checks as the build does when it writes them: those with options
LISTING_DIRECTIVES = tuple(kind.name for kind in PLACEHOLDER_KINDS if kind.options and kind.options.spec)


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
