"""What happens to a talk or speaker page's doctree while it is read: two transforms.

``RawHtmlInTitleAsText``: the title of a talk or speaker page is plain text; raw HTML in
it is shown as written. The title travels: the program table, the talk list, the speaker
pages, the page's ``<title>``, the navigation and the breadcrumbs all show it, most of them
as text. HTML that ran only in some of those places would show one title in two forms, and
a ``<script>`` in a heading would run on every page that shows it. Markdown inline markup
(emphasis, code) stays: every builder renders it.

``InsertPageHeader``: the header placeholder of each talk and speaker page, put under its
title, and the "Cite" block's at the end of a talk's text. The placeholder carries the page's docname, so the header survives builders that
assemble one document from many pages (singlehtml, latex, texinfo, man): they resolve the
assembled tree under the name of its root document, not of each page in it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ..model.messages import raw_html_in_title
from ..model.pages import page_kind
from .placeholder_nodes import PageHeader, speaker_header, talk_citation, talk_header

logger = logging.getLogger(__name__)


class RawHtmlInTitleAsText(SphinxTransform):
    """Replaces ``raw`` nodes in the page's title by their source, as text."""

    # before SmartQuotes (750), so that the title can keep its quotes as written, and
    # before DoctreeReadEvent (880), whose TitleCollector records the title
    default_priority = 700

    def apply(self, **kwargs: object) -> None:
        if page_kind(self.env.current_document.docname) not in {"talk", "speaker"}:
            return
        section = next(self.document.findall(nodes.section), None)
        if section is None or not section.children or not isinstance(section[0], nodes.title):
            return
        title = section[0]
        raw_nodes = list(title.findall(nodes.raw))
        if not raw_nodes:
            return
        for raw in raw_nodes:
            raw.replace_self(nodes.Text(raw.astext()))
        # Quotes beside HTML shown as text are code, not prose: curling them (SmartQuotes
        # cannot see the markup around them) would turn '"x"' into '”x”'.
        title["support_smartquotes"] = False
        logger.warning(raw_html_in_title(title.astext()), type="symposium", subtype="frontmatter", location=title)


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
