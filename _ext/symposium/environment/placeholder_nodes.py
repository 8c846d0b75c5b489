"""Every kind of placeholder, declared once: the docutils nodes that directives and transforms
leave where a page shows symposium data, and :data:`PLACEHOLDER_KINDS`, the one table of what
each kind is (its name, node, directive's options and scope).

Nodes are replaced at ``doctree-resolved`` (as ``sphinx.ext.todo`` does), when every page's
front-matter has been read, so the same pickled doctree serves any build. The table drives
``setup()`` (the nodes, and the directives ``directives.placeholder_directive`` makes from
it), the scopes the collector records while a page is read, the directives ``symposium check``
checks (``markdown_pages.LISTING_DIRECTIVES``), and the renderers of ``rendering/placeholders.py``,
one per name (a unit test holds the two to the same kinds).

Adding a listing: its node class here, its row in the table, its renderer in
``rendering/placeholders.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives

from ..model.scopes import EVERYTHING, ProgramScope, Scope, SpeakerScope
from ..model.selection import Selection


class SymposiumPlaceholder(nodes.General, nodes.Element):
    """Base of every node that ``doctree-resolved`` replaces with content."""


class program_table(SymposiumPlaceholder):
    """The program as a table; ``day``, ``room``, ``track``, ``session`` select part of it."""


class program_grid(SymposiumPlaceholder):
    """The program as a grid of rooms side by side (a table where the builder is not HTML)."""


class program_days(SymposiumPlaceholder):
    """The program at a glance: each day with its count of items, rooms and hours, its keynotes,
    and a link to the day's own page (a large program's home and program pages)."""


class talk_list(SymposiumPlaceholder):
    """The talks, in program order."""


class speaker_list(SymposiumPlaceholder):
    """Speaker cards; ``only`` limits them to some slugs, ``contact`` shows e-mail."""


class program_downloads(SymposiumPlaceholder):
    """Links to the exports; resolved where a builder writes them, dropped elsewhere."""


class materials(SymposiumPlaceholder):
    """Every talk with its slides and recording; ``day``, ``room``, ``track``, ``session`` select part of it."""


class program_changes(SymposiumPlaceholder):
    """The change log: what each version of the program changed (from git)."""


class PageHeader(SymposiumPlaceholder):
    """Base of the header placeholders of talk and speaker pages; ``docname`` names the page.

    The docname travels with the node because builders that assemble one document from
    many pages (singlehtml, latex, texinfo, man) resolve the whole tree under one name.
    """


class talk_header(PageHeader):
    """The time, type, people and material of the talk ``docname``."""


class speaker_header(PageHeader):
    """The face, affiliation, links and program roles of the speaker ``docname``."""


class talk_citation(PageHeader):
    """The "Cite this talk" block at the end of the talk ``docname`` (BibTeX and CSL-JSON)."""


# -- the kinds ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DirectiveOptions:
    """A directive's options, and the node's attributes they give."""

    #: docutils' ``option_spec``: each option's name and how its value is read
    spec: Mapping[str, Callable[[str | None], Any]]
    attributes: Callable[[Mapping[str, Any]], dict[str, Any]]


#: a directive without options
NO_OPTIONS = DirectiveOptions({}, lambda options: {})
#: ``:day:``, ``:room:``, ``:track:`` and ``:session:`` pick part of the program
SELECTING = DirectiveOptions(dict.fromkeys(Selection.OPTIONS, directives.unchanged),
                             lambda options: Selection.from_options(options).attributes())
#: ``:only: slug slug`` (in that order), ``:contact:`` (show obfuscated e-mail)
CHOOSING_SPEAKERS = DirectiveOptions(
    {"only": directives.unchanged, "contact": directives.flag},
    lambda options: {"only": options.get("only", "").split(), "contact": "contact" in options})


@dataclass(frozen=True)
class PlaceholderKind:
    #: the directive's name (``program-table``) and the renderer's key in ``rendering/placeholders.py``
    name: str
    node: type[SymposiumPlaceholder]
    #: the options of the directive that leaves the node; ``None``: no directive, a transform
    #: puts the node under the page's title (``transforms.py``)
    options: DirectiveOptions | None
    #: what part of other pages' data the node shows: a *listing*, rewritten when an edit
    #: reaches its scope (``rebuilds.py``) and left out of the search index; ``None``: it
    #: follows its own page
    scope: Callable[[nodes.Element], Scope] | None = None


def _program_scope(node: nodes.Element) -> Scope:
    return ProgramScope(Selection.from_node(node))


def _speaker_scope(node: nodes.Element) -> Scope:
    return SpeakerScope(frozenset(node["only"]))


PLACEHOLDER_KINDS: tuple[PlaceholderKind, ...] = (
    PlaceholderKind("program-table", program_table, SELECTING, _program_scope),
    PlaceholderKind("program-grid", program_grid, SELECTING, _program_scope),
    # the whole program's counts and keynotes; the day pages it links are in the site's digest (rebuilds.py)
    PlaceholderKind("program-days", program_days, NO_OPTIONS, _program_scope),
    PlaceholderKind("talk-list", talk_list, SELECTING, _program_scope),
    PlaceholderKind("materials", materials, SELECTING, _program_scope),
    PlaceholderKind("speaker-list", speaker_list, CHOOSING_SPEAKERS, _speaker_scope),
    PlaceholderKind("program-downloads", program_downloads, NO_OPTIONS),
    # the history is not the pages' data: it is rewritten when the history changes
    # (collector.py), and with any change to the program, whose titles it links
    PlaceholderKind("program-changes", program_changes, NO_OPTIONS, lambda node: EVERYTHING),
    PlaceholderKind("talk-header", talk_header, None),
    PlaceholderKind("speaker-header", speaker_header, None),
    PlaceholderKind("talk-citation", talk_citation, None),
)

KIND_OF_NODE: dict[type[SymposiumPlaceholder], PlaceholderKind] = {kind.node: kind for kind in PLACEHOLDER_KINDS}


def skip(self: object, node: nodes.Node) -> None:
    raise nodes.SkipNode


#: the writers a placeholder is registered for: replaced before any writer sees it, skipped should one be left
SKIPPED_BY_EVERY_WRITER = {name: (skip, None) for name in ("html", "latex", "text", "man", "texinfo")}
