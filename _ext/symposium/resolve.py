"""``doctree-resolved``: placeholders become content, talk and speaker pages get their header."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from . import nodes as symposium_nodes
from .config import event_of
from .context import PageContext
from .headers import speaker_header, talk_header
from .listings import render_speaker_list, render_talk_list
from .pages import page_kind
from .program_table import render_program_table
from .store import store_of

logger = logging.getLogger(__name__)


def resolve_symposium_nodes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    kind = page_kind(docname)
    if kind not in {"talk", "speaker"} and not any(doctree.findall(symposium_nodes.Placeholder)):
        return  # most pages of a large site show no symposium data
    store = store_of(app.env)
    ctx = PageContext(app.builder, docname, store, event_of(app.config))
    for node in list(doctree.findall(symposium_nodes.program_table)):
        node.replace_self(render_program_table(ctx))
    for node in list(doctree.findall(symposium_nodes.talk_list)):
        node.replace_self(render_talk_list(ctx))
    for node in list(doctree.findall(symposium_nodes.speaker_list)):
        cards, unknown = render_speaker_list(ctx, node["only"], node["contact"])
        for slug in unknown:
            logger.warning(
                "speaker-list ':only:' names %r, which has no page in speakers/; expected a speaker slug",
                slug, type="symposium", subtype="reference", location=node,
            )
        node.replace_self(cards)
    if kind == "talk" and (talk := store.talk(docname)):
        _insert_under_title(doctree, talk_header(ctx, talk))
    elif kind == "speaker" and (speaker := store.speakers.get(docname)):
        _insert_under_title(doctree, speaker_header(ctx, speaker))


def _insert_under_title(doctree: nodes.document, header: nodes.Node) -> None:
    section = next(doctree.findall(nodes.section), None)
    if section is None:
        doctree.insert(0, header)
    else:
        section.insert(1, header)
