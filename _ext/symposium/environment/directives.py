"""The directives that leave a placeholder (``{program-table}``, ``{program-grid}``, ``{talk-list}``,
``{materials}``, ``{speaker-list}``, ``{program-downloads}``, ``{program-changes}``), each made
from its kind's row of ``placeholder_nodes.PLACEHOLDER_KINDS``; and the ``toctree`` of a new
event's folder index.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.directives.other import TocTree
from sphinx.util.docutils import SphinxDirective

from ..model.pages import SPEAKERS_DIR, TALKS_DIR
from .placeholder_nodes import DirectiveOptions, PlaceholderKind


class PlaceholderDirective(SphinxDirective):
    """Leaves its kind's node, with the attributes the directive's options give."""

    node_class: ClassVar[type[nodes.Element]]
    placeholder_options: ClassVar[DirectiveOptions]
    has_content = False

    def run(self) -> list[nodes.Node]:
        node = self.node_class()
        self.set_source_info(node)
        node.update_all_atts(self.placeholder_options.attributes(self.options))
        return [node]


def placeholder_directive(kind: PlaceholderKind) -> type[PlaceholderDirective]:
    """The directive of a kind that has one: ``program-table`` gives ``ProgramTableDirective``."""
    if kind.options is None:
        raise ValueError(f"the placeholder {kind.name!r} is left by a transform, not a directive")
    name = "".join(part.title() for part in kind.name.split("-")) + "Directive"
    return type(name, (PlaceholderDirective,), {
        "__module__": __name__, "__doc__": kind.node.__doc__,
        "node_class": kind.node, "placeholder_options": kind.options, "option_spec": dict(kind.options.spec),
    })


class FolderTocTree(TocTree):
    """Sphinx's ``toctree``, but the glob of ``talks/index`` or ``speakers/index`` (``*``: the folder's pages, as
    ``symposium init`` writes it, so that the header lists the index pages and never every talk) lists nothing,
    without a warning, while the folder has no page yet: a new event, before its first talk or speaker. Sphinx
    re-reads a page with a glob when pages come or go (``glob`` stays set), so the first page joins it."""

    def parse_content(self, toctree: nodes.Element) -> list[nodes.Node]:
        docname = self.env.docname
        folder = next((name for name in (TALKS_DIR, SPEAKERS_DIR) if docname == f"{name}index"), None)
        if folder and "glob" in self.options and not any(
                other.startswith(folder) and other != docname for other in self.env.found_docs):
            self.content = StringList([line for line in self.content if line.strip() != "*"], parent_offset=0)
        return super().parse_content(toctree)
