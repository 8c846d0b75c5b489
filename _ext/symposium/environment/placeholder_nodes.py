"""Docutils nodes that directives and transforms leave for listings and page headers.

Placeholders are replaced at ``doctree-resolved`` (as ``sphinx.ext.todo`` does), when
every page's front-matter has been read, so the same pickled doctree serves any build.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx


class Placeholder(nodes.General, nodes.Element):
    """Base of the nodes that a directive leaves for a listing of every page's data."""


class program_table(Placeholder):
    """The program as a table."""


class speaker_list(Placeholder):
    """Speaker cards; ``only`` limits them to some slugs, ``contact`` shows e-mail."""


class talk_list(Placeholder):
    """The talks, in program order."""


class program_grid(Placeholder):
    """The program as a grid of rooms side by side (a table where the builder is not HTML)."""


class PageHeader(nodes.General, nodes.Element):
    """Base of the header placeholders of talk and speaker pages; ``docname`` names the page.

    Not a :class:`Placeholder`: a listing shows every page's data and is rewritten on any
    change, while a header follows only the pages it names (see ``collector.py``).
    The docname travels with the node because builders that assemble one document from
    many pages (singlehtml, latex, texinfo, man) resolve the whole tree under one name.
    """


class talk_header(PageHeader):
    """The time, type, people and material of the talk ``docname``."""


class speaker_header(PageHeader):
    """The face, affiliation, links and program roles of the speaker ``docname``."""


class program_downloads(nodes.General, nodes.Element):
    """Links to the exports; resolved where a builder writes them, dropped elsewhere.

    Not a ``Placeholder``: it shows no other page's data, so an edit elsewhere need
    not rewrite its page.
    """


def skip(self: object, node: nodes.Node) -> None:
    raise nodes.SkipNode


def add_placeholder_nodes(app: Sphinx) -> None:
    others = ("latex", "text", "man", "texinfo")
    for placeholder in (program_table, program_grid, speaker_list, talk_list, talk_header, speaker_header,
                        program_downloads):
        # replaced before any writer sees them; skipped should one be left
        app.add_node(placeholder, html=(skip, None), **{b: (skip, None) for b in others})
