"""Sphinx glue: every page's front-matter into the store, and the pages to write again.

An ``EnvironmentCollector``: ``process_doc`` reads the page's front-matter through the
model into the store, with what the page's listings show, ``clear_doc`` and ``merge_other`` keep the store correct for
incremental and parallel reads, and ``get_updated_docs`` sends to the writer the pages
that show data which changed on other pages.

What changed is measured against what the output directory was last written from, not
against the previous read: several builders may share one environment (``-b text`` then
``-b dirhtml`` with one ``-d``), and Sphinx pickles the environment before it writes, so a
build interrupted while writing must not count as written. The record of each output
directory is saved in that directory once its build has finished writing; what it holds,
and which pages a change reaches, is ``rebuilds.py``.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.util import logging

from ..model.entities import Problem
from ..model.history import shown
from ..model.link_targets import is_web_address
from ..model.scopes import EVERYTHING, Scope
from ..model.sources import read_source
from .git_history import load_shown, pages_showing_history, save_shown
from .placeholder_nodes import KIND_OF_NODE, SymposiumPlaceholder, program_changes
from .plain_text import text_line
from .rebuilds import (
    OutputRecord,
    page_relations,
    pages_showing_changes,
    pages_showing_other_pages,
    pages_with_other_relations,
    remove_pages,
    written_now,
)
from .site_values import site_of
from .store import SymposiumStore, check_across_pages, keep, store_of
from .transforms import ABSTRACT_KEY, TITLE_KEY, first_title

logger = logging.getLogger(__name__)

SOURCE_KEY = "symposium_source"


def keep_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """Keep the text being read (``source-read``), so the collector need not read the file again."""
    app.env.current_document[SOURCE_KEY] = source[0]


def warn(problem: Problem, docname: str | None = None) -> None:
    logger.warning(
        problem.message, type="symposium", subtype=problem.subtype,
        location=(problem.docname or docname, problem.line),
    )


# -- the collector ---------------------------------------------------------------------------------


class SymposiumCollector(EnvironmentCollector):
    def __init__(self) -> None:
        #: pages sent to be written by this build and not written yet (main process only)
        self.unwritten: set[str] = set()

    def enable(self, app: Sphinx) -> None:
        super().enable(app)
        assert self.listener_ids is not None
        self.listener_ids["doctree-resolved"] = app.connect("doctree-resolved", self.note_written)
        self.listener_ids["build-finished"] = app.connect("build-finished", self.save_record)
        self.listener_ids["env-before-read-docs"] = app.connect("env-before-read-docs", self.use_event)

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        store_of(env).forget(docname)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
        store_of(env).merge(docnames, store_of(other))

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        env = app.env
        docname = env.current_document.docname
        store = store_of(env)
        record_listings(store, docname, doctree, home=docname == app.config.root_doc)
        source = env.current_document.get(SOURCE_KEY)
        if source is None or not str(env.doc2path(docname)).endswith(".md"):
            return
        title_node = first_title(doctree)
        title_line = (title_node.line or 1) if title_node is not None else 1
        found = read_source(
            docname, source,
            # as written: KeepSourceText read them before SmartQuotes
            title=env.current_document.get(TITLE_KEY, ""), title_line=title_line,
            abstract=env.current_document.get(ABSTRACT_KEY, ""), abstract_line=text_line(title_node.parent if title_node is not None else None, title_line),
            event=site_of(app.config).event,
            file_exists=lambda path: (Path(app.srcdir) / path).is_file(),
        )
        keep(store, docname, found)
        speaker = found.page.speaker
        if speaker is not None and speaker.photo and not is_web_address(speaker.photo):
            # The photo is an image of this page, as an image directive would make it:
            # builders that copy the images of what they write (LaTeX, Texinfo, epub) find
            # it wherever the speaker's face is shown.
            env.images.add_file(docname, speaker.photo)
        for path in sorted(found.files):
            # Re-read the page when the file appears, changes or goes. A missing file is
            # "changed" at every build, as for Sphinx's own images: the page, and its
            # warning about the file, come back until the file is there.
            env.note_dependency(path)
        for problem in found.problems:
            warn(problem, docname)

    def use_event(self, app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
        """The event's views (what a talk takes from its session, the days) follow the config."""
        store_of(env).set_event(site_of(app.config).event)

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        store = store_of(env)
        written_from = self._record(app).load()
        if written_from is None:
            pages = pages_showing_other_pages(store)
        else:
            pages = pages_showing_changes(store, written_from, written_now(store))
        pages |= pages_with_other_relations(self._record(app).relations(), page_relations(env))
        # the history, read from git at env-updated: a new commit changes the change log, the
        # marks and the revisions, with no page of the sources changed
        pages |= pages_showing_history(store, load_shown(Path(app.outdir)), shown(store.history))
        pages &= env.found_docs
        self.unwritten = set(pages)
        return sorted(pages)

    def note_written(self, app: Sphinx, doctree: nodes.document, docname: str) -> None:
        # Builders resolve each page in the main process just before writing it, in
        # serial and in parallel writes alike.
        self.unwritten.discard(docname)

    def save_record(self, app: Sphinx, exception: Exception | None) -> None:
        """Once writing has finished, record what this output directory was written from.

        Not after a failure (nor after Ctrl-C, which skips this event), and not while a
        page sent to be written was not written (``sphinx-build`` given file names, or a
        builder that joins pages into one document): the next build sends them again.
        """
        if exception is not None or self.unwritten:
            return
        record = self._record(app)
        remove_pages(app.builder, record.docs() - app.env.found_docs)
        record.save(written_now(store_of(app.env)), docs=app.env.found_docs, relations=page_relations(app.env))
        save_shown(Path(app.outdir), shown(store_of(app.env).history))

    @staticmethod
    def _record(app: Sphinx) -> OutputRecord:
        return OutputRecord(app.builder.outdir, app.builder.name, dict(app.env.version))


def record_listings(store: SymposiumStore, docname: str, doctree: nodes.document, *, home: bool) -> None:
    """What the listings of a page (of any source format) show, for the pages an edit reaches;
    the home page shows everything in its JSON-LD. The store forgets it with the page
    (``clear_doc``) and merges it from parallel readers."""
    scopes: set[Scope] = {EVERYTHING} if home else set()
    for node in doctree.findall(SymposiumPlaceholder):
        scope = KIND_OF_NODE[type(node)].scope
        if scope is not None:
            scopes.add(scope(node))
        if isinstance(node, program_changes):
            store.add_change_log(docname)
    if scopes:
        store.add_listing(docname, frozenset(scopes))


def check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """Checks across pages, once every page has been read (``env-check-consistency``)."""
    for problem in check_across_pages(store_of(env), site_of(app.config).event, site_of(app.config).acronym):
        warn(problem)
