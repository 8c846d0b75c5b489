"""The header placeholder of each talk and speaker page, put under its title while the page is read.

The placeholder carries the page's docname, so the header survives builders that
assemble one document from many pages (singlehtml, latex, texinfo, man): they resolve
the assembled tree under the name of its root document, not of each page in it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..model.pages import page_kind
from .placeholder_nodes import PageHeader, speaker_header, talk_header

HEADERS: dict[str, type[PageHeader]] = {"talk": talk_header, "speaker": speaker_header}


class InsertPageHeader(SphinxTransform):
    """Leaves a header placeholder under the first heading of a talk or speaker page.

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
