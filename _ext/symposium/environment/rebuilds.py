"""Incremental rebuilds: what each output directory was written from, and the pages an edit reaches.

Each page that holds symposium data has a :class:`PageState`: a digest of its data, the
slug it defines and the slugs it names, its sessions, what a talk shows of its
neighbours, and the facet (day, room, track, session) and digest of each item and
session as the program shows it. :func:`pages_showing_changes` compares the states an
output directory was written from (its :class:`OutputRecord`) with the states now, and
names the pages whose output differs: the changed pages, the speakers and talks that
show them, and the listings whose scope (``scopes.py``) holds a change. The states and their
comparison are pure Python, which the collector calls from Sphinx; the record
(:class:`OutputRecord`, saved through ``build_records.py``), the pages' relations and the removal of
what a fresh build would not write (a deleted page's files, a former language's stemmers) work on
Sphinx's builder and output directory.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model.entities import Event, ProgramItem, Session
from ..model.scopes import Facet, listings_reached
from .build_records import load_record, save_record
from .store import SymposiumStore

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

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
        return {f.name: sorted(value) if isinstance(value := getattr(self, f.name), frozenset) else value
                for f in fields(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PageState:
        return cls(**{f.name: frozenset(map(_tuples, data[f.name])) if str(f.type).startswith("frozenset")
                      else data[f.name] for f in fields(cls)})


def _tuples(value: Any) -> Any:
    """JSON's lists as the tuples they were (facets, pairs), all the way down."""
    return tuple(map(_tuples, value)) if isinstance(value, list) else value


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
    (a second room adds a room column everywhere), and the days' own pages, which the program
    at a glance links (a new day page is rare: every listing is written again)."""
    return hashlib.sha256(repr((store.views.rooms, store.views.tracks, store.day_pages())).encode()).hexdigest()


def _context_digest(store: SymposiumStore, docname: str) -> str:
    """What a talk's header shows of other pages: a talk added before it, a talk in another room
    that comes to overlap it, or a page for its room changes its page."""
    talk = store.talk(docname)
    if talk is None:
        return ""
    # each other item as the header names it: its status mark, its title (a talk in another
    # language carries its lang), its link
    shown = [(item.title, item.docname, item.has_page, item.status, item.language) if item else None
             for item in store.neighbours(talk)]
    session = store.session(talk.session) if talk.session else None
    # what runs at the same time in other rooms, with its room and times: an edit to one of those
    # items rewrites this page; a long list puts the items of the talk's own track in a line apart
    parallel = [(item.title, item.docname, item.has_page, item.status, item.language, item.room, item.start, item.end,
                 bool(talk.track) and item.track == talk.track)
                for item in store.parallel(talk)]
    # its room's name links the room's page, when there is one
    room_page = store.room_page(talk.room)
    return hashlib.sha256(repr((shown, session.title if session else "", parallel, room_page)).encode()).hexdigest()


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
    # a chair's page links the calendar of their sessions' items, which it has once a session has one:
    # an item that joins or leaves a session reaches its chairs
    joined_or_left = {session_id for d in data_changed
                      for session_id in _sessions_joined(before.get(d)) ^ _sessions_joined(after.get(d))}
    chairs = {ref.slug for session_id in joined_or_left if (session := store.session(session_id))
              for ref in session.chairs}
    return (
        (changed & after.keys())
        | listings
        | joining
        | {d for d, slug in store.speaker_pages.items()
           if slug in named_by_changed_items or slug in named_by_joining or slug in chairs}
        | {d for d, state in after.items() if state.names & changed_slugs}
    )


def _without_context(state: PageState | None) -> PageState | None:
    return state.without_context() if state else None


def _entries(state: PageState | None) -> frozenset[tuple[Facet, str]]:
    return state.entries if state else frozenset()


def _sessions_joined(state: PageState | None) -> set[str]:
    """The sessions the page's items are in (a session's own entry is in itself)."""
    return {facet[3] for facet, _ in _entries(state) if facet[3]}


def _sessions(state: PageState | None) -> frozenset[tuple[str, str]]:
    return state.sessions if state else frozenset()


def pages_showing_other_pages(store: SymposiumStore) -> set[str]:
    """Every page whose output shows data of another page: all of them, when nothing is known."""
    return store.listing_docs | store.speaker_pages.keys() | store.views.talks_by_docname.keys()


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
        data = load_record(self.path, {})
        return data if data.get("env_version") == self.env_version else {}

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

    def docs(self) -> set[str]:
        """Every page this builder last wrote here (pages with data or not)."""
        docs = self._load_all().get("builders", {}).get(self.builder, {}).get("docs", [])
        return {docname for docname in docs if isinstance(docname, str)} if isinstance(docs, list) else set()

    def relations(self) -> dict[str, list] | None:
        """Each page's parent, previous and next page (Sphinx's ``collect_relations``) when this
        builder last wrote here, or ``None`` if unknown."""
        relations = self._load_all().get("builders", {}).get(self.builder, {}).get("relations")
        return relations if isinstance(relations, dict) else None

    def save(self, written: Written, docs: Iterable[str] = (),
             relations: dict[str, list] | None = None) -> None:
        data = self._load_all()
        builders = data.get("builders", {})
        builders[self.builder] = {
            "pages": {docname: written.pages[docname].to_json() for docname in sorted(written.pages)},
            "site": written.site,
            "docs": sorted(docs),
            "relations": relations or {},
        }
        save_record(self.path, {"env_version": self.env_version, "builders": builders}, indent=1, sort_keys=True)


def page_relations(env: BuildEnvironment) -> dict[str, list[list[str] | None]]:
    """Each page's parent, previous and next page with their titles, as the HTML builders link them
    (a renamed speaker's page changes the title in its neighbours' links)."""
    def titled(docname: str | None) -> list[str] | None:
        title = env.titles.get(docname) if docname else None
        return [docname, title.astext() if title is not None else ""] if docname else None

    return {docname: [titled(other) for other in related] for docname, related in sorted(env.collect_relations().items())}


def pages_with_other_relations(written: dict[str, list] | None, now: dict[str, list]) -> set[str]:
    """The pages whose previous, next or parent page is not the one they were written with: a
    deleted or added page changes its neighbours' links, which Sphinx does not write again."""
    if written is None:
        return set()
    return {docname for docname, related in now.items() if written.get(docname) != related}


def remove_pages(builder: Builder, docnames: Iterable[str]) -> None:
    """The output files of pages whose sources are gone, which Sphinx leaves behind: a fresh build
    would not write them, so an incremental one must not keep them (a deleted talk's page)."""
    outfilename = getattr(builder, "get_outfilename", None)
    if outfilename is None:  # builders that join every page into one document
        return
    outdir = Path(builder.outdir)
    for docname in sorted(docnames):
        page = Path(outfilename(docname))
        sources = [outdir / "_sources" / f"{docname}{suffix}{builder.config.html_sourcelink_suffix}"
                   for suffix in builder.config.source_suffix]
        for path in (page, *sources):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        # dirhtml's talks/x/index.html leaves talks/x/ empty
        with contextlib.suppress(OSError):
            if page.parent != outdir and page.name == "index.html" and not any(page.parent.iterdir()):
                page.parent.rmdir()


def remove_other_stemmers(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the search stemmers of a former ``language`` (``_static/english-stemmer.js``
    after ``language = "de"``), which Sphinx copies for the language and never removes: a fresh
    build would not write them. Only Sphinx's own stemmer files that this language does not use go;
    a file of the project's ``html_static_path`` stays."""
    indexer = getattr(app.builder, "indexer", None)
    if exception is not None or indexer is None or not hasattr(indexer, "get_js_stemmer_rawcodes"):
        return
    import sphinx.search

    shipped = {path.name for folder in ("minified-js", "non-minified-js")
               for path in (Path(sphinx.search.__file__).parent / folder).glob("*-stemmer.js")}
    used = {Path(path).name for path in indexer.get_js_stemmer_rawcodes()}
    confdir = Path(app.confdir)
    own = {path.name for folder in app.config.html_static_path for path in (confdir / folder).glob("*-stemmer.js")}
    static = Path(app.outdir) / "_static"
    for name in sorted(shipped - used - own):
        with contextlib.suppress(FileNotFoundError):
            (static / name).unlink()
