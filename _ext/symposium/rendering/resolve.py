"""``doctree-resolved``: the placeholders of listings and page headers become content.

The docname given to ``doctree-resolved`` is the document being written, where the
links start from; a page header says itself which page it shows. The two differ when
a builder assembles many pages into one document (singlehtml, latex, texinfo, man).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from ..environment import placeholder_nodes
from ..environment.config import event_of
from ..environment.store import store_of
from ..model.selection import Selection
from .downloads import render_program_downloads
from .listings import render_speaker_list, render_talk_list
from .page_context import PageContext
from .page_headers import render_speaker_header, render_talk_header
from .program_grid import render_program_grid
from .program_table import render_program_table

logger = logging.getLogger(__name__)


def _is_symposium_placeholder(node: nodes.Node) -> bool:
    return isinstance(node, (placeholder_nodes.Placeholder, placeholder_nodes.PageHeader, placeholder_nodes.program_downloads))


def resolve_symposium_nodes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not any(doctree.findall(_is_symposium_placeholder)):
        return  # most pages of a large site show no symposium data
    store = store_of(app.env)
    ctx = PageContext(app.builder, docname, store, event_of(app.config), taken_ids=ids_in(doctree))
    for node in list(doctree.findall(placeholder_nodes.talk_header)):
        talk = store.talk(node["docname"])
        node.replace_self(render_talk_header(ctx, talk) if talk else [])
    for node in list(doctree.findall(placeholder_nodes.speaker_header)):
        speaker = store.speakers.get(node["docname"])
        node.replace_self(render_speaker_header(ctx, speaker) if speaker else [])
    for node in list(doctree.findall(placeholder_nodes.program_downloads)):
        node.replace_self(render_program_downloads(ctx))
    for node in list(doctree.findall(placeholder_nodes.program_table)):
        node.replace_self(unsearched(render_program_table(ctx, _selection(ctx, node))))
    for node in list(doctree.findall(placeholder_nodes.program_grid)):
        node.replace_self(unsearched(render_program_grid(ctx, _selection(ctx, node))))
    for node in list(doctree.findall(placeholder_nodes.talk_list)):
        node.replace_self(unsearched(render_talk_list(ctx, _selection(ctx, node))))
    for node in list(doctree.findall(placeholder_nodes.speaker_list)):
        cards, unknown = render_speaker_list(ctx, node["only"], node["contact"])
        for slug in unknown:
            logger.warning(
                "speaker-list ':only:' names %r, which has no page in speakers/; expected a speaker slug",
                slug, type="symposium", subtype="reference", location=node,
            )
        node.replace_self(unsearched(cards))


def unsearched(rendered: list[nodes.Node]) -> list[nodes.Node]:
    """Listings left out of the search index (Sphinx's ``no-search`` class).

    A listing repeats what each talk's and speaker's own page says, and that page is the
    one a search should find; indexed, every name would also lead to the program, the
    talk list, its day's, room's and track's pages. Stemming those words again is also the
    largest cost a big program adds to a build (``IndexBuilder.feed``).
    """
    for node in rendered:
        if isinstance(node, nodes.Element):
            node["classes"].append("no-search")
    return rendered


def _selection(ctx: PageContext, node: nodes.Element) -> Selection:
    """The directive's ``:day:``/``:room:``/``:track:``/``:session:``; each that names nothing is reported."""
    selection = Selection.from_node(node)
    if selection:
        for problem in selection.problems(ctx.store.program(), ctx.store.views.sessions_by_id, ctx.event):
            logger.warning(problem, type="symposium", subtype="reference", location=node)
    return selection


def ids_in(doctree: nodes.document) -> set[str]:
    """Every id in the tree: an assembled document holds its pages' ids, not its ``document.ids``."""
    return {id_ for node in doctree.findall(nodes.Element) for id_ in node["ids"]}
