"""The renderer of each placeholder kind, by the kind's name, and the one pass that replaces a
page's placeholders with their content at ``doctree-resolved``.

The kinds themselves (name, node, directive's options, scope) are declared once in
``environment/placeholder_nodes.py``; :data:`RENDERERS` gives each its renderer, and
``tests/unit/test_placeholder_kinds.py`` holds the two to the same kinds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from ..environment.placeholder_nodes import KIND_OF_NODE, SymposiumPlaceholder
from ..environment.site_values import site_of
from ..environment.store import SymposiumStore, store_of
from ..model.entities import Event
from ..model.messages import unknown_speaker_in_list
from ..model.selection import Selection
from .citation_block import render_citation_block
from .downloads import render_program_downloads
from .listings import render_speaker_list, render_talk_list
from .materials import render_materials
from .page_context import PageContext, PagePlan
from .page_headers import render_speaker_header, render_talk_header, render_talk_video
from .program_changes import render_program_changes
from .program_glance import render_program_days
from .program_grid import render_program_grid
from .program_table import render_program_table

logger = logging.getLogger(__name__)

Renderer = Callable[[PageContext, nodes.Element], list[nodes.Node]]


def _talk_header(ctx: PageContext, node: nodes.Element) -> list[nodes.Node]:
    talk = ctx.store.talk(node["docname"])
    if not talk:
        return []
    rendered = [render_talk_header(ctx, talk), *render_talk_video(ctx, talk)]
    section = next((ancestor for ancestor in _ancestors(node) if isinstance(ancestor, nodes.section)), None)
    if section is not None and ctx.foreign_language(talk):
        # the talk's title and abstract are in its language (docutils writes the class as
        # lang="de"), the header's and the player's words and dates in the site's
        section["classes"].append(f"language-{talk.language}")
        for part in rendered:
            if isinstance(part, nodes.Element):
                part["classes"].append(f"language-{ctx.language}")
    return rendered


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def _talk_citation(ctx: PageContext, node: nodes.Element) -> list[nodes.Node]:
    talk = ctx.store.talk(node["docname"])
    return render_citation_block(ctx, talk) if talk else []


def _speaker_header(ctx: PageContext, node: nodes.Element) -> list[nodes.Node]:
    speaker = ctx.store.speakers.get(node["docname"])
    return [render_speaker_header(ctx, speaker)] if speaker else []


def _selection(ctx: PageContext, node: nodes.Element) -> Selection:
    """The part of the program a listing shows: a ``:day:``/``:room:``/``:track:``/``:session:``
    that names nothing is reported where the directive stands."""
    selection = Selection.from_node(node)
    if selection:
        for problem in selection.problems(ctx.store.program(), ctx.store.views.sessions_by_id, ctx.event):
            logger.warning(problem, type="symposium", subtype="reference", location=node)
    return selection


def _selecting(render: Callable[[PageContext, Selection], list[nodes.Node]]) -> Renderer:
    return lambda ctx, node: render(ctx, _selection(ctx, node))


def _program_table(ctx: PageContext, node: nodes.Element) -> list[nodes.Node]:
    return render_program_table(ctx, _selection(ctx, node), toolbar=ctx.plan.toolbar is node)


def _program_grid(ctx: PageContext, node: nodes.Element) -> list[nodes.Node]:
    # only HTML has grids: other builders get the program table
    render = render_program_grid if ctx.builder.format == "html" else render_program_table
    return render(ctx, _selection(ctx, node), toolbar=ctx.plan.toolbar is node)


def _program_days(ctx: PageContext, node: nodes.Element) -> list[nodes.Node]:
    # a day without a page of its own is shown in full, in the builder's kind of listing
    return render_program_days(ctx, node, full_day=lambda selection: render_program_table(ctx, selection, toolbar=False))


def _speaker_list(ctx: PageContext, node: nodes.Element) -> list[nodes.Node]:
    cards, unknown = render_speaker_list(ctx, node["only"], node["contact"])
    for slug in unknown:
        logger.warning(unknown_speaker_in_list(slug, ctx.speakers), type="symposium", subtype="reference", location=node)
    return cards


#: each kind's renderer, by the name ``PLACEHOLDER_KINDS`` gives it
RENDERERS: dict[str, Renderer] = {
    "program-table": _program_table,
    "program-grid": _program_grid,
    "program-days": _program_days,
    "talk-list": _selecting(render_talk_list),
    "materials": _selecting(render_materials),
    "speaker-list": _speaker_list,
    "program-downloads": lambda ctx, node: render_program_downloads(ctx),
    "program-changes": lambda ctx, node: render_program_changes(ctx),
    "talk-header": _talk_header,
    "speaker-header": _speaker_header,
    "talk-citation": _talk_citation,
}

#: the listings that can hold attendee.js's toolbar: the program's rows, which it filters and stars
TOOLBAR_HOLDERS = frozenset({"program-table", "program-grid"})


def page_plan(placeholders: Sequence[nodes.Element], store: SymposiumStore, event: Event) -> PagePlan:
    """Decided before any placeholder of the page is rendered: the first program listing, in
    the document's order, that shows items holds attendee.js's toolbar, which serves them all
    (one that shows none says only that the program is to come)."""
    program = store.program()
    holder = next((node for node in placeholders if KIND_OF_NODE[type(node)].name in TOOLBAR_HOLDERS
                   and Selection.from_node(node).items(program, event)), None)
    return PagePlan(toolbar=holder)


def resolve_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: every placeholder becomes its content, in one pass over the tree.

    ``docname`` is the document being written, where links start from; a page header says
    itself which page it shows. The two differ when a builder assembles many pages into one
    document (singlehtml, latex, texinfo, man).
    """
    placeholders = list(doctree.findall(SymposiumPlaceholder))
    if not placeholders:
        return  # most pages of a large site show no symposium data
    store, event = store_of(app.env), site_of(app.config).event
    ctx = PageContext(app.builder, docname, store, event, taken_ids=ids_in(doctree),
                      plan=page_plan(placeholders, store, event))
    for node in placeholders:
        kind = KIND_OF_NODE[type(node)]
        rendered = RENDERERS[kind.name](ctx, node)
        node.replace_self(unsearched(rendered) if kind.scope is not None else rendered)


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


def ids_in(doctree: nodes.document) -> set[str]:
    """Every id in the tree: an assembled document holds its pages' ids, not its ``document.ids``."""
    return {id_ for node in doctree.findall(nodes.Element) for id_ in node["ids"]}
