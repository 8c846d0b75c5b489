"""Gathers every page's front-matter into the build environment, one docname at a time.

An ``EnvironmentCollector``: ``process_doc`` reads the page's front-matter through the
model, ``clear_doc`` and ``merge_other`` keep the store correct for incremental and
parallel reads, and ``get_updated_docs`` sends to the writer the pages that show data
which changed on other pages.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.util import logging

from .config import event_of
from .frontmatter import FrontmatterSyntaxError, read_frontmatter
from .model import Problem, ProgramItem, Speaker, sorted_program
from .nodes import Placeholder
from .pages import read_page
from .schedule import check_references, check_slugs, check_timetable

logger = logging.getLogger(__name__)

#: Sphinx discards a pickled environment whose ``env_version`` differs: bump this
#: whenever the store, or a model class it holds, changes shape.
STORE_VERSION = 3


@dataclass
class SymposiumStore:
    """What the front-matter of every page says, by docname. Lives in the pickled env."""

    speakers: dict[str, Speaker] = field(default_factory=dict)
    items: dict[str, list[ProgramItem]] = field(default_factory=dict)
    #: pages whose placeholders show other pages' data
    listing_docs: set[str] = field(default_factory=set)
    #: per page, what it said when dependents were last sent to be written
    snapshot: dict[str, PageState] = field(default_factory=dict)

    def forget(self, docname: str) -> None:
        self.speakers.pop(docname, None)
        self.items.pop(docname, None)
        self.listing_docs.discard(docname)

    def merge(self, docnames: set[str], other: SymposiumStore) -> None:
        for docname in docnames:
            if docname in other.speakers:
                self.speakers[docname] = other.speakers[docname]
            if docname in other.items:
                self.items[docname] = other.items[docname]
            if docname in other.listing_docs:
                self.listing_docs.add(docname)

    # -- views ----------------------------------------------------------------------

    def speakers_by_slug(self) -> dict[str, Speaker]:
        return {s.slug: s for _, s in sorted(self.speakers.items())}

    def program(self) -> list[ProgramItem]:
        return sorted_program([item for items in self.items.values() for item in items])

    def talk(self, docname: str) -> ProgramItem | None:
        return next((i for i in self.items.get(docname, ()) if i.has_page), None)

    def roles_of(self, slug: str) -> list[tuple[str, ProgramItem]]:
        """Each item a speaker takes part in, with their role in it."""
        roles = []
        for item in self.program():
            if any(ref.slug == slug for ref in item.speakers):
                roles.append(("Speaker" if item.has_page else item.type_label or "Speaker", item))
            if any(ref.slug == slug for ref in item.moderators):
                roles.append(("Moderator", item))
        return roles

    def page_state(self, docname: str) -> PageState:
        speaker = self.speakers.get(docname)
        items = self.items.get(docname, [])
        return PageState(
            digest=hashlib.sha256(repr((speaker, items)).encode()).hexdigest(),
            defines=frozenset({speaker.slug} if speaker else ()),
            names=frozenset(ref.slug for item in items for ref in item.speakers + item.moderators),
        )

    def pages_showing_changes(self) -> set[str]:
        """Pages that show data which changed since the last call; updates the snapshot.

        A change on any page reaches the listings. A changed speaker reaches the talks
        that name them; a changed item reaches the speakers it names, before and after
        the change (a speaker who lost a role must lose it on their page too).
        """
        now = {docname: self.page_state(docname) for docname in self.speakers.keys() | self.items.keys()}
        changed = [d for d in now.keys() | self.snapshot.keys() if now.get(d) != self.snapshot.get(d)]
        if not changed:
            return set()
        states = [state for d in changed for state in (now.get(d), self.snapshot.get(d)) if state]
        self.snapshot = now
        changed_speakers = frozenset().union(*(state.defines for state in states))
        named_by_changed_items = frozenset().union(*(state.names for state in states))
        return (
            self.listing_docs
            | {d for d, speaker in self.speakers.items() if speaker.slug in named_by_changed_items}
            | {d for d, state in now.items() if state.names & changed_speakers}
        )


@dataclass(frozen=True)
class PageState:
    """What one page contributed: a digest of its data, the slug it defines, the slugs it names."""

    digest: str
    defines: frozenset[str]
    names: frozenset[str]


SOURCE_KEY = "symposium_source"


def keep_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """Keep the text being read (``source-read``), so the collector need not read the file again."""
    app.env.temp_data[SOURCE_KEY] = source[0]


def store_of(env: BuildEnvironment) -> SymposiumStore:
    if not hasattr(env, "symposium"):
        env.symposium = SymposiumStore()
    return env.symposium


def warn(problem: Problem, docname: str | None = None) -> None:
    logger.warning(
        problem.message, type="symposium", subtype=problem.subtype,
        location=(problem.docname or docname, problem.line),
    )


class SymposiumCollector(EnvironmentCollector):
    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        store_of(env).forget(docname)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
        store_of(env).merge(docnames, store_of(other))

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        env = app.env
        docname = env.docname
        store = store_of(env)
        if any(doctree.findall(Placeholder)):
            store.listing_docs.add(docname)
        source = env.temp_data.get(SOURCE_KEY)
        if source is None or not str(env.doc2path(docname)).endswith(".md"):
            return
        try:
            frontmatter = read_frontmatter(source)
        except FrontmatterSyntaxError as err:
            # MyST says "Malformed YAML" at line 1; this says where and why.
            warn(Problem("frontmatter", str(err), err.line), docname)
            return
        title, title_line = _first_title(doctree)
        page = read_page(
            docname, frontmatter,
            title=title, title_line=title_line,
            event=event_of(app.config),
            file_exists=lambda path: (Path(app.srcdir) / path).is_file(),
        )
        if page.speaker is not None:
            store.speakers[docname] = page.speaker
        if page.items:
            store.items[docname] = page.items
        for problem in page.problems:
            warn(problem, docname)

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        return sorted(store_of(env).pages_showing_changes() & env.found_docs)


def _first_title(doctree: nodes.document) -> tuple[str, int]:
    """The text and line of the page's first heading; ``("", 1)`` without one."""
    for section in doctree.findall(nodes.section):
        if section.children and isinstance(section[0], nodes.title):
            return section[0].astext(), section[0].line or 1
        break
    return "", 1


def check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """Checks across pages, once every page has been read (``env-check-consistency``)."""
    store = store_of(env)
    problems: list[Problem] = []
    problems += check_slugs(store.speakers.values())
    program = store.program()
    problems += check_references(program, store.speakers_by_slug())
    problems += check_timetable(program, event_of(app.config))
    for problem in problems:
        warn(problem)
