"""What a page is about, in plain text: its first paragraphs of prose.

A talk's abstract, a speaker's biography, the home page's description. Link previews
(OpenGraph), search engines (``<meta name="description">``) and the JSON-LD read it.
Left alone, sphinxext-opengraph would describe a talk by the generated header under its
title (the time, the badge, the speakers' names); here the header is not prose and is
skipped, as are the home page's kicker and facts lines (paragraphs with a class) and
anything inside a container (cards, buttons, tables). A talk or speaker page without such
prose (an abstract in raw HTML, or none yet) is described by its abstract's text, else by
its title and the event: never by its header.
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.application import Sphinx

from ..environment.store import store_of
from ..model.limits import shortened
from ..model.pages import page_kind
from ..model.text import squeeze
from ..rendering import words

#: sphinxext-opengraph's own default, when it is not loaded
DEFAULT_LENGTH = 200


def prose(doctree: nodes.document) -> list[str]:
    """The page's first run of plain paragraphs, each as one line of text.

    A plain paragraph sits directly in a section (or the document) and carries no class;
    the run ends at the first sibling that is not one.
    """
    for paragraph in doctree.findall(nodes.paragraph):
        if not _plain(paragraph):
            continue
        run = []
        node: nodes.Node | None = paragraph
        while isinstance(node, nodes.paragraph) and _plain(node):
            if text := " ".join(node.astext().split()):
                run.append(text)
            node = node.next_node(descend=False, siblings=True)
        if run:
            return run
    return []


def _abstract(app: Sphinx, pagename: str) -> list[str]:
    talk = store_of(app.env).talk(pagename)
    return [squeeze(block) for block in talk.abstract.split("\n\n")] if talk is not None and talk.abstract else []


def _plain(paragraph: nodes.paragraph) -> bool:
    return isinstance(paragraph.parent, (nodes.section, nodes.document)) and not paragraph["classes"]


def add_description(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document | None) -> None:
    """``html-page-context``: the page's description for search engines and link previews.

    Adds ``<meta name="description">`` to ``metatags`` and gives sphinxext-opengraph the same
    text as ``og:description`` through the page's metadata (a copy of it: the environment's
    own dict stays as it was read). sphinxext-opengraph, connected later, then adds no
    description of its own. A page without prose, other than a talk's or a speaker's, keeps
    whatever sphinxext-opengraph finds.
    """
    if app.builder.format != "html" or app.builder.name == "epub":
        return
    if doctree is not None and (paragraphs := prose(doctree) or _abstract(app, pagename)):
        text = " ".join(paragraphs)
        talk = store_of(app.env).talk(pagename)
        if talk is not None and talk.cancelled:  # a link preview says it before the abstract
            text = f"{words.label(talk.status_label)}: {text}"
    elif doctree is not None and page_kind(pagename) not in {"talk", "speaker"}:
        return  # sphinxext-opengraph describes the page
    else:  # a page made from a template alone (search), or a talk or speaker without text: what it is, and the site's name
        title = squeeze(html.unescape(context.get("title") or "")) or pagename.rsplit("/", 1)[-1].capitalize()
        text = f"{title} \u2013 {app.config.project}"
    length = getattr(app.config, "ogp_description_length", DEFAULT_LENGTH)
    description = shortened(text, length)
    # sphinxext-opengraph writes fields as they are, escaping only '"'
    context["meta"] = {**(context.get("meta") or {}), "og:description": html.escape(description, quote=False)}
    context["metatags"] = (
        context.get("metatags", "")
        + f'\n<meta name="description" content="{html.escape(description, quote=True)}" />'
    )
