"""Docutils nodes that directives and transforms leave where a page shows symposium data.

They are replaced at ``doctree-resolved`` (as ``sphinx.ext.todo`` does), when every page's
front-matter has been read, so the same pickled doctree serves any build. What each kind
shows, which directive leaves it and how it is rendered is one table:
``symposium.rendering.placeholders``.
"""

from __future__ import annotations

from docutils import nodes


class SymposiumPlaceholder(nodes.General, nodes.Element):
    """Base of every node that ``doctree-resolved`` replaces with content."""


class program_table(SymposiumPlaceholder):
    """The program as a table; ``day``, ``room``, ``track``, ``session`` select part of it."""


class program_grid(SymposiumPlaceholder):
    """The program as a grid of rooms side by side (a table where the builder is not HTML)."""


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


def skip(self: object, node: nodes.Node) -> None:
    raise nodes.SkipNode


#: the writers a placeholder is registered for: replaced before any writer sees it, skipped should one be left
SKIPPED_BY_EVERY_WRITER = {name: (skip, None) for name in ("html", "latex", "text", "man", "texinfo")}
