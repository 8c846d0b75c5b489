"""The "Cite this talk" block at the end of a talk page: its BibTeX entry and CSL-JSON, to copy
or download (the files ``exports/writer.py`` writes beside the page, with the same text).

Shown only by builds that write those files (``html`` and ``dirhtml`` with ``html_baseurl``):
a citation names the talk's address. ``attendee.js`` adds a "Copy" button to each text; without
JavaScript, each ``<pre>`` can be selected.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

from ..exports.addresses import talk_bibtex, talk_csl_json, writes_exports
from ..exports.citations import bibtex, citation_of, csl_json
from ..exports.site_data import export_site
from ..model.entities import ProgramItem
from . import words
from .browser_names import NAMES
from .html_nodes import disclosure, verbatim
from .page_context import PageContext, joined


def render_citation_block(ctx: PageContext, talk: ProgramItem) -> list[nodes.Node]:
    if not writes_exports(ctx.builder):
        return []
    site = export_site(ctx.builder)
    citation = citation_of(talk, site)
    if citation is None:  # cancelled, or to be announced
        return []
    block = disclosure(summary=words.CITE_THIS_TALK, classes=["symposium-cite", "no-search"],
                       ids=[ctx.unique_id("cite")])
    block += nodes.paragraph(text=words.CITE_HELP)
    downloads = [addnodes.download_reference("", text, refuri=ctx.url(path))
                 for text, path in ((words.BIBTEX_FILE, talk_bibtex(talk)), (words.CSL_JSON_FILE, talk_csl_json(talk)))]
    block += nodes.paragraph("", "", nodes.strong(text=words.DOWNLOAD), nodes.Text(" "), *joined(downloads, " \u00b7 "),
                             classes=["symposium-cite-downloads"])
    if citation.doi:
        link = nodes.reference("", citation.doi, refuri=f"https://doi.org/{citation.doi}")
        block += nodes.paragraph("", "", nodes.strong(text=words.EVENT_DOI), nodes.Text(" "), link)
    for label, text in ((words.BIBTEX, bibtex(citation, site.say)), (words.CSL_JSON, csl_json(citation))):
        part = nodes.container(classes=[NAMES.cite_format])
        part += nodes.paragraph(text=label, classes=[NAMES.cite_label])
        part += verbatim(text, text, label=f"{label} of this talk",
                         classes=[NAMES.cite_text])
        block += part
    return [block]
