"""A page's text as plain text that keeps its lines: a talk's abstract as calendars, conference
apps and citations carry it, where no Markdown or HTML is rendered.

Paragraphs are separated by a blank line, list items are lines of their own (``- `` or
``1. ``, nested ones indented), code blocks keep their lines, code spans their characters.
Raw HTML gives its text, never its tags. Read before SmartQuotes (see
:class:`symposium.environment.transforms.KeepSourceText`), so the characters are the
contributor's: typography is the page's, not the data's.
"""

from __future__ import annotations

from docutils import nodes

from ..model.text import html_text, plain_list, plain_quote, squeeze
from .placeholder_nodes import SymposiumPlaceholder

#: what is not the contributor's text: generated parts, comments, targets, markup of other builders
NOT_TEXT = (nodes.title, nodes.comment, nodes.system_message, nodes.target, nodes.substitution_definition,
             nodes.Invisible, SymposiumPlaceholder)
#: blocks whose lines are the text: code, and text laid out by hand
_VERBATIM = (nodes.literal_block, nodes.doctest_block, nodes.math_block, nodes.line_block)


def section_text(section: nodes.Element) -> str:
    """The text of ``section`` before its first sub-section, as plain text with its lines."""
    blocks = []
    for child in section.children:
        if isinstance(child, nodes.section):
            break  # the abstract is what comes before the page's first sub-heading
        if text := _block(child):
            blocks.append(text)
    return "\n\n".join(blocks)


def text_line(section: nodes.Element | None, default: int) -> int:
    """The line where :func:`section_text` starts (its first block with text); ``default`` without one."""
    for child in section.children if section is not None else ():
        if isinstance(child, nodes.section):
            break
        if _block(child):
            return child.line or next((node.line for node in child.findall() if node.line), default)
    return default


def _block(node: nodes.Node) -> str:
    if isinstance(node, nodes.Text):
        return squeeze(node.astext())
    if isinstance(node, NOT_TEXT) or not isinstance(node, nodes.Element):
        return ""
    if isinstance(node, nodes.raw):
        return html_text(node.astext()) if "html" in node.get("format", "").split() else ""
    if isinstance(node, _VERBATIM):
        return node.astext().strip("\n")
    if isinstance(node, (nodes.bullet_list, nodes.enumerated_list)):
        return _list(node)
    if isinstance(node, nodes.definition_list):
        return "\n".join(_block(item) for item in node.children)
    if isinstance(node, nodes.definition_list_item):
        term = " ".join(_inline(child) for child in node.children if isinstance(child, nodes.term))
        body = [_block(child) for child in node.children if isinstance(child, nodes.definition)]
        return "\n".join([term, *("\n".join(f"  {line}" if line else line for line in text.split("\n"))
                                 for text in body if text)])
    if isinstance(node, nodes.block_quote):
        return plain_quote(_blocks(node))
    if isinstance(node, nodes.TextElement):
        return _inline(node)
    return _blocks(node)


def _blocks(node: nodes.Element) -> str:
    return "\n\n".join(text for child in node.children if (text := _block(child)))


def _list(node: nodes.Element) -> str:
    # an item's paragraphs on lines of their own, under the item's first line
    items = ["\n".join(text for child in item.children if (text := _block(child))) for item in node.children]
    if isinstance(node, nodes.enumerated_list):
        return plain_list(items, ordered=True, start=int(node.get("start", 1)))
    return plain_list(items)


#: a hard line break among a paragraph's pieces (``Text.astext()`` never gives this character)
_BREAK = "\x00"


def _inline(node: nodes.Element) -> str:
    """A paragraph's text on one line (a hard line break kept as one), its characters as written."""
    return "\n".join(squeeze(line) for line in _pieces(node).split(_BREAK)).strip("\n")


def _pieces(node: nodes.Element) -> str:
    pieces: list[str] = []
    for child in node.children:
        if isinstance(child, nodes.Text):
            pieces.append(child.astext())
        elif isinstance(child, nodes.raw):
            if "html" in child.get("format", "").split():
                raw = child.astext()
                pieces.append(_BREAK if raw.strip().lower().startswith("<br") else html_text(raw).replace("\n", _BREAK))
        elif isinstance(child, (*NOT_TEXT, nodes.image)):
            continue
        elif isinstance(child, nodes.Element):
            pieces.append(_pieces(child))
    return "".join(pieces)
