"""The title of a talk or speaker page is plain text: raw HTML in it is shown as written.

The title travels: the program table, the talk list, the speaker pages, the page's
``<title>``, the navigation and the breadcrumbs all show it, most of them as text. HTML
that ran only in some of those places would show one title in two forms, and a
``<script>`` in a heading would run on every page that shows it. Markdown inline markup
(emphasis, code) stays: every builder renders it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ..model.messages import raw_html_in_title
from ..model.pages import page_kind

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
