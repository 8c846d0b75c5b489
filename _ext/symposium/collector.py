"""Sphinx glue: every page's front-matter into the store, and the pages to write again.

An ``EnvironmentCollector``: ``process_doc`` reads the page's front-matter through the
model into the store, ``clear_doc`` and ``merge_other`` keep the store correct for
incremental and parallel reads, and ``get_updated_docs`` sends to the writer the pages
that show data which changed on other pages.

What changed is measured against what the output directory was last written from, not
against the previous read: several builders may share one environment (``-b text`` then
``-b dirhtml`` with one ``-d``), and Sphinx pickles the environment before it writes, so a
build interrupted while writing must not count as written. The record of each output
directory is saved in that directory once its build has finished writing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.util import logging

from .config import event_of
from .model import Event, Problem, ProgramItem, Session
from .nodes import PageHeader, Placeholder, speaker_list
from .scopes import EVERYTHING, Facet, ProgramScope, Scope, SpeakerScope, listings_reached
from .selection import Selection
from .sources import check_across_pages, keep, read_source
from .store import SymposiumStore, store_of

logger = logging.getLogger(__name__)

SOURCE_KEY = "symposium_source"


def keep_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """Keep the text being read (``source-read``), so the collector need not read the file again."""
    app.env.temp_data[SOURCE_KEY] = source[0]


def warn(problem: Problem, docname: str | None = None) -> None:
    logger.warning(
        problem.message, type="symposium", subtype=problem.subtype,
        location=(problem.docname or docname, problem.line),
    )


# -- what each page contributes, and who shows it ---------------------------------------------


@dataclass(frozen=True)
class PageState:
    """What one page contributed: a digest of its data, the slug it defines, the slugs it names,
    the sessions it defines (with a digest of each) and the sessions its items join."""

    digest: str
    defines: frozenset[str]
    names: frozenset[str]
    sessions: frozenset[tuple[str, str]] = frozenset()
    joins: frozenset[str] = frozenset()
    #: a digest of what a talk page shows of the program around it (before, after, session)
    context: str = ""
    #: each item and session of the page as the program shows it: its facet and a digest
    entries: frozenset[tuple[Facet, str]] = frozenset()
    #: each person named by an item or chairing a session, with that entry's facet and digest
    people: frozenset[tuple[str, Facet, str]] = frozenset()

    def without_context(self) -> PageState:
        return replace(self, context="")

    def to_json(self) -> dict[str, Any]:
        return {"digest": self.digest, "defines": sorted(self.defines), "names": sorted(self.names),
                "sessions": sorted(self.sessions), "joins": sorted(self.joins), "context": self.context,
                "entries": sorted(self.entries), "people": sorted(self.people)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PageState:
        return cls(data["digest"], frozenset(data["defines"]), frozenset(data["names"]),
                   frozenset(tuple(pair) for pair in data["sessions"]), frozenset(data["joins"]), data["context"],
                   frozenset((tuple(facet), digest) for facet, digest in data["entries"]),
                   frozenset((slug, tuple(facet), digest) for slug, facet, digest in data["people"]))


def page_states(store: SymposiumStore) -> dict[str, PageState]:
    """The state of every page that holds symposium data."""
    event = store.event
    shown: dict[str, list[ProgramItem | Session]] = defaultdict(list)  # items as joined to their sessions
    for item in store.program():
        shown[item.docname].append(item)
    states = {}
    for docname in store.speakers.keys() | store.items.keys() | store.speaker_pages.keys() | store.sessions.keys():
        speaker = store.speakers.get(docname)
        items = store.items.get(docname, [])
        sessions = store.sessions.get(docname, [])
        slug = store.speaker_pages.get(docname)
        # an entry's digest holds its place on the page: two equal items are two entries
        entries = [(facet_of(entry, event), _digest((n, entry)), entry)
                   for n, entry in enumerate([*shown.get(docname, ()), *sessions])]
        states[docname] = PageState(
            digest=hashlib.sha256(repr((slug, speaker, items, sessions)).encode()).hexdigest(),
            defines=frozenset({slug} if slug else ()),
            names=frozenset(ref.slug for item in items for ref in item.speakers + item.moderators)
            | frozenset(ref.slug for session in sessions for ref in session.chairs),
            sessions=frozenset((session.id, _digest(session)) for session in sessions),
            joins=frozenset(item.session for item in items if item.session),
            context=_context_digest(store, docname),
            entries=frozenset((facet, digest) for facet, digest, _ in entries),
            people=frozenset((ref.slug, facet, digest) for facet, digest, entry in entries for ref in _people(entry)),
        )
    return states


def facet_of(entry: ProgramItem | Session, event: Event | None) -> Facet:
    day = event.program_day(entry.start) if event else entry.start.date()
    session = entry.id if isinstance(entry, Session) else entry.session
    return (day.isoformat(), entry.room, entry.track, session)


def _people(entry: ProgramItem | Session) -> list:
    return list(entry.chairs) if isinstance(entry, Session) else [*entry.speakers, *entry.moderators]


def _digest(entry: object) -> str:
    return hashlib.sha256(repr(entry).encode()).hexdigest()[:20]


def written_now(store: SymposiumStore) -> Written:
    return Written(page_states(store), site_digest(store))


def site_digest(store: SymposiumStore) -> str:
    """What every program listing shows of the whole site: its rooms and tracks, in order
    (a second room adds a room column everywhere)."""
    return hashlib.sha256(repr((store.views.rooms, store.views.tracks)).encode()).hexdigest()


def _context_digest(store: SymposiumStore, docname: str) -> str:
    """What a talk's header shows of other items: a talk added before it changes its page."""
    talk = store.talk(docname)
    if talk is None:
        return ""
    shown = [(item.title, item.docname, item.has_page) if item else None for item in store.neighbours(talk)]
    session = store.session(talk.session) if talk.session else None
    return hashlib.sha256(repr((shown, session.title if session else "")).encode()).hexdigest()


@dataclass(frozen=True)
class Written:
    """What an output directory's pages were written from."""

    pages: dict[str, PageState]
    site: str


def pages_showing_changes(store: SymposiumStore, written: Written, now: Written) -> set[str]:
    """The pages whose output, written from ``written``, differs from what ``now`` gives.

    A changed page shows its own change; a change only in what a talk shows of its
    neighbours stops there. A changed item or session reaches the listings whose scope
    holds it, before or after the change; a changed speaker reaches the talks that name
    them and the listings that show those talks; a changed item reaches the speakers it
    names, before and after the change (a speaker who lost a role must lose it on their
    page too).
    """
    before, after = written.pages, now.pages
    changed = {d for d in after.keys() | before.keys() if after.get(d) != before.get(d)}
    site_changed = written.site != now.site
    if not changed and not site_changed:
        return set()
    data_changed = {d for d in changed if _without_context(after.get(d)) != _without_context(before.get(d))}
    states = [state for d in data_changed for state in (after.get(d), before.get(d)) if state]
    changed_slugs = frozenset().union(*(state.defines for state in states))
    changed_entries = {entry for d in data_changed for entry in _entries(before.get(d)) ^ _entries(after.get(d))}
    changed_digests = {digest for _, digest in changed_entries}
    named_by_changed_items = {slug for state in states for slug, _, digest in state.people if digest in changed_digests}
    changed_sessions = {session_id for d in data_changed
                        for session_id, _ in _sessions(before.get(d)) ^ _sessions(after.get(d))}
    facets = {facet for facet, _ in changed_entries}
    if changed_slugs:
        facets |= {facet for state in chain(before.values(), after.values())
                   for slug, facet, _ in state.people if slug in changed_slugs}
    listings = store.listing_docs if site_changed else listings_reached(store.listings, facets, set(changed_slugs))
    # a talk shows its session's day and room; a speaker page shows where its person speaks
    joining = {d for d, state in after.items() if state.joins & changed_sessions}
    named_by_joining = frozenset().union(*(after[d].names for d in joining))
    return (
        (changed & after.keys())
        | listings
        | joining
        | {d for d, slug in store.speaker_pages.items() if slug in named_by_changed_items or slug in named_by_joining}
        | {d for d, state in after.items() if state.names & changed_slugs}
    )


def _without_context(state: PageState | None) -> PageState | None:
    return state.without_context() if state else None


def _entries(state: PageState | None) -> frozenset[tuple[Facet, str]]:
    return state.entries if state else frozenset()


def _sessions(state: PageState | None) -> frozenset[tuple[str, str]]:
    return state.sessions if state else frozenset()


def pages_showing_other_pages(store: SymposiumStore) -> set[str]:
    """Every page whose output shows data of another page: all of them, when nothing is known."""
    return store.listing_docs | store.speaker_pages.keys() | store.views.talks_by_docname.keys()


def listing_scopes(doctree: nodes.document, *, home: bool) -> frozenset[Scope]:
    """What the listings of a page show; the home page shows everything in its JSON-LD."""
    scopes: set[Scope] = {EVERYTHING} if home else set()
    for node in doctree.findall(Placeholder):
        if isinstance(node, speaker_list):
            scopes.add(SpeakerScope(frozenset(node["only"])))
        else:
            scopes.add(ProgramScope(Selection.from_node(node)))
    return frozenset(scopes)


# -- the record of each output directory ---------------------------------------------------------

RECORD_FILENAME = ".symposium-state"


class OutputRecord:
    """``<outdir>/.symposium-state``: per builder, the page states its pages were written from.

    Kept in the output directory because it describes that directory, and is saved after
    writing (the environment is pickled before). A record made by other code (another
    environment version) describes nothing.
    """

    def __init__(self, outdir: str | os.PathLike[str], builder: str, env_version: dict[str, Any]) -> None:
        self.path = Path(outdir) / RECORD_FILENAME
        self.builder = builder
        self.env_version = env_version

    def _load_all(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("env_version") != self.env_version:
            return {}
        return data

    def load(self) -> Written | None:
        """What this builder last wrote its pages from, or ``None`` if unknown."""
        written = self._load_all().get("builders", {}).get(self.builder)
        if not isinstance(written, dict):
            return None
        try:
            pages = {docname: PageState.from_json(state) for docname, state in written["pages"].items()}
            return Written(pages, str(written["site"]))
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def save(self, written: Written) -> None:
        data = self._load_all()
        builders = data.get("builders", {})
        builders[self.builder] = {
            "pages": {docname: written.pages[docname].to_json() for docname in sorted(written.pages)},
            "site": written.site,
        }
        text = json.dumps({"env_version": self.env_version, "builders": builders}, indent=1, sort_keys=True)
        if self.path.is_file() and self.path.read_text("utf-8") == text:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # a reader never sees half a file, and an interrupted save leaves the old record
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=RECORD_FILENAME, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.chmod(temporary, 0o644)  # as readable as the pages beside it (mkstemp makes it 0600)
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


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
        docname = env.docname
        store = store_of(env)
        scopes = listing_scopes(doctree, home=docname == app.config.root_doc)
        if scopes:
            store.add_listing(docname, scopes)
        source = env.temp_data.get(SOURCE_KEY)
        if source is None or not str(env.doc2path(docname)).endswith(".md"):
            return
        title, title_line = _first_title(doctree)
        found = read_source(
            docname, source,
            title=title, title_line=title_line, abstract=page_text(doctree),
            event=event_of(app.config),
            file_exists=lambda path: (Path(app.srcdir) / path).is_file(),
        )
        keep(store, docname, found)
        for path in sorted(found.files):
            # Re-read the page when the file appears, changes or goes. A missing file is
            # "changed" at every build, as for Sphinx's own images: the page, and its
            # warning about the file, come back until the file is there.
            env.note_dependency(path)
        for problem in found.problems:
            warn(problem, docname)

    def use_event(self, app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
        """The event's views (what a talk takes from its session, the days) follow the config."""
        store_of(env).set_event(event_of(app.config))

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        store = store_of(env)
        written_from = self._record(app).load()
        if written_from is None:
            pages = pages_showing_other_pages(store)
        else:
            pages = pages_showing_changes(store, written_from, written_now(store))
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
        self._record(app).save(written_now(store_of(app.env)))

    @staticmethod
    def _record(app: Sphinx) -> OutputRecord:
        return OutputRecord(app.builder.outdir, app.builder.name, dict(app.env.version))


def _first_title(doctree: nodes.document) -> tuple[str, int]:
    """The text and line of the page's first heading; ``("", 1)`` without one."""
    for section in doctree.findall(nodes.section):
        if section.children and isinstance(section[0], nodes.title):
            return section[0].astext(), section[0].line or 1
        break
    return "", 1


#: What is not the contributor's text: generated parts, comments, targets, raw markup.
_NOT_TEXT = (nodes.title, nodes.comment, nodes.system_message, nodes.target, nodes.raw,
             nodes.substitution_definition, nodes.Invisible, Placeholder, PageHeader)


def page_text(doctree: nodes.document) -> str:
    """The text of the page below its first heading, as plain paragraphs: a talk's abstract.

    Calendars and conference apps show it where no Markdown is rendered.
    """
    section = next(doctree.findall(nodes.section), None)
    if section is None:
        return ""
    blocks = []
    for child in section.children:
        if isinstance(child, _NOT_TEXT):
            continue
        if isinstance(child, nodes.section):
            break  # the abstract is what comes before the page's first sub-heading
        text = " ".join(child.astext().split())
        if text:
            blocks.append(text)
    return "\n\n".join(blocks)


def check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """Checks across pages, once every page has been read (``env-check-consistency``)."""
    for problem in check_across_pages(store_of(env), event_of(app.config), app.config.symposium_acronym):
        warn(problem)
