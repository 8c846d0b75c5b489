"""What happens to a talk or speaker page's doctree while it is read: two transforms.

``RawHtmlInTitleAsText``: the title of a talk or speaker page is plain text; raw HTML in
it is shown as written. The title travels: the program table, the talk list, the speaker
pages, the page's ``<title>``, the navigation and the breadcrumbs all show it, most of them
as text. HTML that ran only in some of those places would show one title in two forms, and
a ``<script>`` in a heading would run on every page that shows it. Markdown inline markup
(emphasis, code) stays: every builder renders it.

``KeepSourceText``: the title and abstract of a talk or speaker page as written, before
SmartQuotes curls their quotes and makes dashes of ``--``: the model's title, the name the
heading is checked against and every export's text are the contributor's characters.

``KeepArrowsAsWritten``: ``-->`` and ``<--`` stay arrows on every page. SmartQuotes would
make ``A-->B`` into ``A–>B``, which says something else.

``InsertPageHeader``: the header placeholder of each talk and speaker page, put under its
title, and the "Cite" block's at the end of a talk's text. The placeholder carries the page's docname, so the header survives builders that
assemble one document from many pages (singlehtml, latex, texinfo, man): they resolve the
assembled tree under the name of its root document, not of each page in it.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ..model.messages import raw_html_in_title
from ..model.pages import page_kind
from ..model.text import looks_like_html
from .placeholder_nodes import PageHeader, speaker_header, talk_citation, talk_header
from .plain_text import section_text

logger = logging.getLogger(__name__)


class RawHtmlInTitleAsText(SphinxTransform):
    """Replaces ``raw`` nodes in the page's title by their source, as text, and warns of any
    markup in the title's text (outside code), which shows as text too."""

    # before SmartQuotes (750), so that the title can keep its quotes as written, and
    # before DoctreeReadEvent (880), whose TitleCollector records the title
    default_priority = 700

    def apply(self, **kwargs: object) -> None:
        if page_kind(self.env.current_document.docname) not in {"talk", "speaker"}:
            return
        title = first_title(self.document)
        if title is None:
            return
        raw_nodes = list(title.findall(nodes.raw))
        for raw in raw_nodes:
            raw.replace_self(nodes.Text(raw.astext()))
        # MyST reads `<img src=x onerror=a=b>` as text, not HTML: a tag all the same, to a
        # browser that would be given the title as HTML
        if not raw_nodes and not looks_like_html(_prose(title)):
            return
        # Quotes beside HTML shown as text are code, not prose: curling them (SmartQuotes
        # cannot see the markup around them) would turn '"x"' into '”x”'.
        title["support_smartquotes"] = False
        logger.warning(raw_html_in_title(title.astext()), type="symposium", subtype="frontmatter", location=title)


def _prose(title: nodes.title) -> str:
    """The title's text outside code, where markup is no one's intent."""
    return "".join(text.astext() for text in title.findall(nodes.Text)
                   if not any(isinstance(parent, (nodes.literal, nodes.math)) for parent in _parents(text)))


def _parents(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


#: where the collector finds what :class:`KeepSourceText` read (``env.current_document``)
TITLE_KEY = "symposium_title"
ABSTRACT_KEY = "symposium_abstract"


def first_title(document: nodes.document) -> nodes.title | None:
    section = next(document.findall(nodes.section), None)
    if section is None or not section.children or not isinstance(section[0], nodes.title):
        return None
    return section[0]


class KeepSourceText(SphinxTransform):
    """Keeps the title's and the abstract's text of a talk or speaker page as written."""

    # after RawHtmlInTitleAsText (700), whose text is the title's; before SmartQuotes (750)
    default_priority = 705

    def apply(self, **kwargs: object) -> None:
        if page_kind(self.env.current_document.docname) not in {"talk", "speaker"}:
            return
        title = first_title(self.document)
        if title is not None:
            self.env.current_document[TITLE_KEY] = title.astext()
            self.env.current_document[ABSTRACT_KEY] = section_text(title.parent)


#: ``-->``, ``--->``, ``<--``: arrows, not dashes
_ARROW = re.compile(r"-{2,}>|<-{2,}")


class KeepArrowsAsWritten(SphinxTransform):
    """Keeps SmartQuotes from turning the dashes of ``-->`` and ``<--`` into an en or em dash.

    Each of their hyphens is null-escaped, as docutils marks a backslash-escaped character:
    Sphinx's SmartQuotes leaves such a character as it is, and ``astext()``, which every
    writer reads, drops the mark.
    """

    default_priority = 740  # before SmartQuotes (750)

    def apply(self, **kwargs: object) -> None:
        for text in list(self.document.findall(nodes.Text)):
            if "--" not in text or not _ARROW.search(text):
                continue
            escaped = _ARROW.sub(lambda arrow: arrow[0].replace("-", "\x00-"), str(text))
            text.parent.replace(text, nodes.Text(escaped))


HEADERS: dict[str, type[PageHeader]] = {"talk": talk_header, "speaker": speaker_header}
#: what closes the page's first section, below its text
FOOTERS: dict[str, type[PageHeader]] = {"talk": talk_citation}


class InsertPageHeader(SphinxTransform):
    """Leaves a header placeholder under the first heading of a talk or speaker page, and on a
    talk page the placeholder of its "Cite" block at the end of that section (after its subsections).

    Whether the page's front-matter describes a talk or a speaker is known only once
    every page is read; a placeholder without data is dropped at ``doctree-resolved``.
    """

    # before DoctreeReadEvent (880), so that the pickled doctree holds the placeholder
    default_priority = 810

    def apply(self, **kwargs: object) -> None:
        docname = self.env.current_document.docname
        header_class = HEADERS.get(page_kind(docname))
        if header_class is None:
            return
        header = header_class(docname=docname)
        section = next(self.document.findall(nodes.section), None)
        if section is None:  # a page without a heading: the header opens the page
            header.source, header.line = self.document["source"], 1
            self.document.insert(0, header)
        else:
            header.source, header.line = section.source, section.line
            section.insert(1, header)
        footer_class = FOOTERS.get(page_kind(docname))
        if footer_class is not None:
            footer = footer_class(docname=docname)
            footer.source, footer.line = header.source, header.line
            (section if section is not None else self.document).append(footer)
