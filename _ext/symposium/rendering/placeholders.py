"""One registry of placeholder kinds: for each node, the directive that leaves it, its
renderer, and the part of the site's data it shows.

Adding a listing is one entry in :data:`PLACEHOLDERS` plus its renderer. The table drives
``setup()`` (the nodes and the directives), the single pass of :func:`resolve_placeholders`
at ``doctree-resolved``, and the scope each listing records while its page is read, so
that an edit rewrites only the listings it reaches (``environment/rebuilds.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx
from sphinx.util import logging

from ..environment.directives import (
    MaterialsDirective,
    ProgramChangesDirective,
    ProgramDownloadsDirective,
    ProgramGridDirective,
    ProgramTableDirective,
    SpeakerListDirective,
    TalkListDirective,
)
from ..environment.placeholder_nodes import (
    SymposiumPlaceholder,
    materials,
    program_changes,
    program_downloads,
    program_grid,
    program_table,
    speaker_header,
    speaker_list,
    talk_citation,
    talk_header,
    talk_list,
)
from ..environment.site_values import site_of
from ..environment.store import store_of
from ..model.messages import unknown_speaker_in_list
from ..model.scopes import EVERYTHING, ProgramScope, Scope, SpeakerScope
from ..model.selection import Selection
from .citation_block import render_citation_block
from .downloads import render_program_downloads
from .listings import render_speaker_list, render_talk_list
from .materials import render_materials
from .page_context import PageContext
from .page_headers import render_speaker_header, render_talk_header, render_talk_video
from .program_changes import render_program_changes
from .program_grid import render_program_grid
from .program_table import render_program_table

logger = logging.getLogger(__name__)

Renderer = Callable[[PageContext, nodes.Element], list[nodes.Node]]


@dataclass(frozen=True)
class PlaceholderKind:
    node: type[SymposiumPlaceholder]
    #: ``(name, class)`` of the directive that leaves the node; ``None`` where a transform
    #: puts it under the page's title (``environment/transforms.py``)
    directive: tuple[str, type[Directive]] | None
    render: Renderer
    #: what part of other pages' data the node shows: a *listing*, rewritten when an edit
    #: reaches its scope and left out of the search index; ``None``: it follows its own page
    scope: Callable[[nodes.Element], Scope] | None = None


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


def _selecting(render: Callable[[PageContext, Selection], list[nodes.Node]]) -> Renderer:
    """A listing of part of the program: a ``:day:``/``:room:``/``:track:``/``:session:`` that
    names nothing is reported where the directive stands."""

    def render_selection(ctx: PageContext, node: nodes.Element) -> list[nodes.Node]:
        selection = Selection.from_node(node)
        if selection:
            for problem in selection.problems(ctx.store.program(), ctx.store.views.sessions_by_id, ctx.event):
                logger.warning(problem, type="symposium", subtype="reference", location=node)
        return render(ctx, selection)

    return render_selection


def _speaker_list(ctx: PageContext, node: nodes.Element) -> list[nodes.Node]:
    cards, unknown = render_speaker_list(ctx, node["only"], node["contact"])
    for slug in unknown:
        logger.warning(unknown_speaker_in_list(slug, ctx.speakers), type="symposium", subtype="reference", location=node)
    return cards


def _program_scope(node: nodes.Element) -> Scope:
    return ProgramScope(Selection.from_node(node))


def _speaker_scope(node: nodes.Element) -> Scope:
    return SpeakerScope(frozenset(node["only"]))


PLACEHOLDERS: tuple[PlaceholderKind, ...] = (
    PlaceholderKind(program_table, ("program-table", ProgramTableDirective), _selecting(render_program_table),
                    _program_scope),
    PlaceholderKind(program_grid, ("program-grid", ProgramGridDirective), _selecting(render_program_grid),
                    _program_scope),
    PlaceholderKind(speaker_list, ("speaker-list", SpeakerListDirective), _speaker_list, _speaker_scope),
    PlaceholderKind(talk_list, ("talk-list", TalkListDirective), _selecting(render_talk_list), _program_scope),
    PlaceholderKind(materials, ("materials", MaterialsDirective), _selecting(render_materials), _program_scope),
    PlaceholderKind(program_downloads, ("program-downloads", ProgramDownloadsDirective),
                    lambda ctx, node: render_program_downloads(ctx)),
    # the history is not the pages' data: it is rewritten when the history changes
    # (environment/collector.py), and with any change to the program, whose titles it links
    PlaceholderKind(program_changes, ("program-changes", ProgramChangesDirective),
                    lambda ctx, node: render_program_changes(ctx), lambda node: EVERYTHING),
    PlaceholderKind(talk_header, None, _talk_header),
    PlaceholderKind(speaker_header, None, _speaker_header),
    PlaceholderKind(talk_citation, None, _talk_citation),
)

_BY_NODE = {kind.node: kind for kind in PLACEHOLDERS}


def record_listing_scopes(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: what the listings of the page show; the home page shows everything
    in its JSON-LD. The store forgets it with the page (``clear_doc``) and merges it from
    parallel readers."""
    docname = app.env.current_document.docname
    scopes: set[Scope] = {EVERYTHING} if docname == app.config.root_doc else set()
    for node in doctree.findall(SymposiumPlaceholder):
        kind = _BY_NODE[type(node)]
        if kind.scope is not None:
            scopes.add(kind.scope(node))
        if isinstance(node, program_changes):
            store_of(app.env).add_change_log(docname)
    if scopes:
        store_of(app.env).add_listing(docname, frozenset(scopes))


def resolve_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: every placeholder becomes its content, in one pass over the tree.

    ``docname`` is the document being written, where links start from; a page header says
    itself which page it shows. The two differ when a builder assembles many pages into one
    document (singlehtml, latex, texinfo, man).
    """
    placeholders = list(doctree.findall(SymposiumPlaceholder))
    if not placeholders:
        return  # most pages of a large site show no symposium data
    ctx = PageContext(app.builder, docname, store_of(app.env), site_of(app.config).event, taken_ids=ids_in(doctree))
    for node in placeholders:
        kind = _BY_NODE[type(node)]
        rendered = kind.render(ctx, node)
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
