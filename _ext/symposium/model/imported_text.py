"""Text from an imported file (an abstract, a biography, a description) as safe MyST Markdown.

A frab export's abstracts are HTML (FOSDEM's ``<p>``, ``<ul><li>``), pretalx's are Markdown,
a spreadsheet's cells are plain text; all of it is written by submitters, so none of it is
trusted. :func:`imported_markdown` gives Markdown that shows what they wrote and does
nothing else:

- HTML (a text holding one of the tags an editor writes) is cleaned by nh3 (a small allow-list
  of tags, links only to http, https and mailto) and converted to Markdown by markdownify.
- Markdown or plain text is read by markdown-it with raw HTML off (``<script>`` is text), its
  indentation made even first (a description indented by 20 spaces is not a code block),
  then goes the same way: nh3, markdownify.
- What markdownify writes escapes every character that MyST would read as markup beyond
  CommonMark: ``{`` and ``}`` (roles, substitutions, attributes), ``$`` (maths), ``%`` (a
  comment), ``:::`` (a colon fence); a code block's fence is longer than any backtick run
  inside it and has no language (``{raw}`` would be a directive).
- A heading inside the text becomes a bold line: the page has one heading, its title.
- Control characters and bidirectional overrides are dropped.

Nothing here knows about Sphinx.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from functools import lru_cache
from html import escape as html_escape

from .text import squeeze

#: what an imported text keeps of HTML (everything else goes, its text kept; a script's text too)
TAGS = {"p", "br", "ul", "ol", "li", "em", "strong", "b", "i", "code", "pre", "a", "blockquote",
        "h1", "h2", "h3", "h4", "h5", "h6"}
ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
#: a text holding one of these tags is HTML (``List<T>`` is not)
HTML_TAG = re.compile(r"</?(?:p|br|div|span|ul|ol|li|a|em|strong|b|i|u|s|h[1-6]|pre|code|blockquote|hr|table|tr|td|"
                      r"th|img|sup|sub|dl|dt|dd|font|center|small|big|tt)(?:\s[^<>]*)?/?>", re.IGNORECASE)
BLOCK_TAG = re.compile(r"</?(?:p|br|div|ul|ol|li|h[1-6]|pre|blockquote|hr|table|dl)\b", re.IGNORECASE)
#: bidirectional embeddings, overrides and isolates: one left open turns the rest of a paragraph around
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def clean_characters(text: str) -> str:
    """``text`` without control characters (but tabs and line breaks), its line breaks ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


def clean_line(text: str) -> str:
    """A one-line value (a title, a name, a room): control characters dropped, white space collapsed."""
    return squeeze(clean_characters(text))


def imported_markdown(text: str | None) -> str:
    """``text`` (HTML, Markdown or plain text) as MyST Markdown that builds and shows it as written."""
    if not text:
        return ""
    text = clean_characters(text).translate(BIDI_CONTROLS).strip("\n")
    if not text.strip():
        return ""
    is_html = bool(HTML_TAG.search(text))
    if is_html:
        # inline tags only: its blank lines part paragraphs as they do in Markdown
        html = text if BLOCK_TAG.search(text) else _paragraphs(text)
    else:
        html = _markdown_parser().render(_even_indentation(text))
    try:
        markdown = _to_markdown(_clean_html(html))
    except RecursionError:  # markdownify walks the tree recursively: <b> in <b> a thousand times deep
        markdown = ""
    if not markdown and re.search(r"\w", text):
        # nested too deep to convert (or for markdown-it's limit): its words, as paragraphs of plain text
        import nh3

        plain = nh3.clean(text, tags=set()) if is_html else html_escape(text, quote=False)
        markdown = _to_markdown(_paragraphs(plain))
    return markdown


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{part}</p>" for part in re.split(r"\n[ \t]*\n", text) if part.strip())


def _even_indentation(text: str) -> str:
    """The text with the indentation its lines share taken off, the first line's apart.

    ``<description>First line\\n                    second line</description>`` has its lines after the
    first indented by the XML around it: that is no code block.
    """
    lines = text.expandtabs(4).split("\n")
    first, rest = lines[0], "\n".join(lines[1:])
    if first.strip() and rest.strip():
        rest = textwrap.dedent(rest)
        return first.strip() + "\n" + rest
    return textwrap.dedent(text.expandtabs(4))


@lru_cache(maxsize=1)
def _markdown_parser():
    from markdown_it import MarkdownIt

    # CommonMark, raw HTML off (it is text); no indented code blocks: an imported text's indentation is layout
    return MarkdownIt("commonmark", {"html": False}).disable("code")


def _clean_html(html: str) -> str:
    import nh3

    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
                     strip_comments=True)


# -- HTML to MyST Markdown ---------------------------------------------------------------------------------

#: what is markup wherever it stands: escaped everywhere
_ANYWHERE = re.compile(r"([\\`*_\[\]<>{}$|~])")
#: what is markup at the start of a line (a list, a heading, a quote, a fence, a comment, a target...)
_LINE_START = re.compile(r"(^|\n)([ \t]*)([-+=#%:(]|\d{1,9}(?=[.)]))")
_LINE_START_MID = re.compile(r"(\n)([ \t]*)([-+=#%:(]|\d{1,9}(?=[.)]))")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCKS = {"br", "p", "ul", "ol", "li", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"}
_URL_UNSAFE = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\\": "%5C", "`": "%60"}


@lru_cache(maxsize=1)
def _converter():
    from markdownify import MarkdownConverter

    class MystConverter(MarkdownConverter):
        """markdownify's converter, escaping what MyST reads as markup and writing no heading or raw fence."""

        mid_line = False  # the text being escaped follows text on its line

        def process_text(self, el, parent_tags=None):
            # after a word or an inline element that shows something, a text does not start its line
            previous = el.previous_sibling
            self.mid_line = (previous is not None and getattr(previous, "name", None) not in _BLOCKS
                             and bool(previous.get_text().strip()))
            return super().process_text(el, parent_tags)

        def escape(self, text, parent_tags):
            if not text or "_noformat" in parent_tags:
                return text or ""
            text = _ENTITY.sub(r"\\&", _ANYWHERE.sub(r"\\\1", text))
            return (_LINE_START_MID if self.mid_line else _LINE_START).sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}" if not m[3][0].isdigit() else
                                   f"{m[1]}{m[2]}{m[3]}\\", text)

        def convert_hN(self, n, el, text, parent_tags):
            text = " ".join(text.split())
            if "_inline" in parent_tags or not text:
                return text
            return f"\n\n**{text}**\n\n"

        def convert_pre(self, el, text, parent_tags):
            if not text.strip("\n"):
                return ""
            text = text.strip("\n")
            longest = max((len(run) for run in re.findall(r"`+|~+", text)), default=0)
            fence = "`" * max(3, longest + 1)
            return f"\n\n{fence}\n{text}\n{fence}\n\n"

        def convert_a(self, el, text, parent_tags):
            href = (el.get("href") or "").strip()
            if not re.match(r"(?i)(https?://|mailto:)", href):
                return text  # a relative link points nowhere on this site (and MyST would look it up as a page)
            el["href"] = "".join(_URL_UNSAFE.get(c, c) for c in href)
            return super().convert_a(el, text, parent_tags)

    return MystConverter(bullets="-", heading_style="atx", newline_style="backslash", autolinks=True)


def _to_markdown(html: str) -> str:
    markdown = _converter().convert(html)
    markdown = "\n".join(line.rstrip() for line in markdown.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", markdown).strip()
