"""The directives that leave a placeholder: ``{program-table}``, ``{program-grid}``,
``{talk-list}``, ``{materials}``, ``{speaker-list}``, ``{program-downloads}`` and ``{program-changes}``.

Which node each leaves, and how it is rendered, is ``symposium.rendering.placeholders``.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.directives.other import TocTree
from sphinx.util.docutils import SphinxDirective

from ..model.pages import SPEAKERS_DIR, TALKS_DIR
from ..model.selection import Selection
from . import placeholder_nodes


class _PlaceholderDirective(SphinxDirective):
    node_class: type[placeholder_nodes.SymposiumPlaceholder]
    has_content = False

    def run(self) -> list[nodes.Node]:
        node = self.node_class()
        self.set_source_info(node)
        node.update_all_atts(self.placeholder_attributes())
        return [node]

    def placeholder_attributes(self) -> dict:
        return {}


class _SelectingDirective(_PlaceholderDirective):
    """Options ``:day:``, ``:room:``, ``:track:`` and ``:session:`` pick part of the program."""

    option_spec: ClassVar[dict] = dict.fromkeys(Selection.OPTIONS, directives.unchanged)

    def placeholder_attributes(self) -> dict:
        return Selection.from_options(self.options).attributes()


class ProgramTableDirective(_SelectingDirective):
    node_class = placeholder_nodes.program_table


class ProgramGridDirective(_SelectingDirective):
    node_class = placeholder_nodes.program_grid


class TalkListDirective(_SelectingDirective):
    node_class = placeholder_nodes.talk_list


class MaterialsDirective(_SelectingDirective):
    """Every talk with its slides and recording (or that it is not recorded)."""

    node_class = placeholder_nodes.materials


class ProgramDownloadsDirective(_PlaceholderDirective):
    """The program's calendar file, its subscription link and the conference-app schedules."""

    node_class = placeholder_nodes.program_downloads


class ProgramChangesDirective(_PlaceholderDirective):
    """The program's change log, newest first, from the repository's history."""

    node_class = placeholder_nodes.program_changes


class SpeakerListDirective(_PlaceholderDirective):
    """Options: ``:only: slug slug`` (in that order), ``:contact:`` (show obfuscated e-mail)."""

    node_class = placeholder_nodes.speaker_list
    option_spec: ClassVar[dict] = {"only": directives.unchanged, "contact": directives.flag}

    def placeholder_attributes(self) -> dict:
        return {"only": self.options.get("only", "").split(), "contact": "contact" in self.options}


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
