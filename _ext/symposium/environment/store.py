"""What the front-matter of every page says, by docname, and the views rendering reads.

The data lives in the pickled build environment, one entry per docname, so that the
collector can forget and merge pages. The views (the sorted program, the speaker who
owns each slug, each speaker's roles, each talk by its page) are derived from all of it
once, on first use after a change, so rendering a page costs the same on a site of ten
pages as on one of a thousand. Nothing here imports Sphinx.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from itertools import groupby
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..model.consistency import check_people, check_references, check_slugs, check_timetable
from ..model.entities import Event, Problem, ProgramItem, Session, Speaker, board_order, sorted_program
from ..model.history import History
from ..model.identifiers import check_identifiers
from ..model.pages import owners_by_slug
from ..model.scopes import ProgramScope, Scope
from ..model.selection import Selection
from ..model.sessions import check_sessions, join_all, sessions_by_id, unplaced
from ..model.sources import SourceData

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

#: a part someone takes: ("Speaker", a talk), ("Moderator", an item), ("Chair", a session)
Role = tuple[str, ProgramItem | Session]


@dataclass(frozen=True)
class Views:
    """Everything rendering looks up, derived from the whole store in one pass."""

    program: tuple[ProgramItem, ...]  # with what each talk takes from its session
    sessions_by_id: Mapping[str, Session]
    speakers_by_slug: Mapping[str, Speaker]
    roles_by_slug: Mapping[str, tuple[Role, ...]]
    talks_by_docname: Mapping[str, ProgramItem]
    #: the rooms and tracks of the program, in the order conf.py lists them, then as they come
    rooms: tuple[str, ...]
    tracks: tuple[str, ...]
    #: by item key: the items before and after it in its session, or else in its day
    neighbours: Mapping[str, tuple[ProgramItem | None, ProgramItem | None]]
    #: by item key: what runs at the same time in other rooms (cancelled items left out), by start and room
    parallel: Mapping[str, tuple[ProgramItem, ...]]
    #: by session id: its items, in program order
    session_items: Mapping[str, tuple[ProgramItem, ...]]


@dataclass
class SymposiumStore:
    """The data per docname. Change it only through its methods, which drop the views."""

    speakers: dict[str, Speaker] = field(default_factory=dict)
    items: dict[str, list[ProgramItem]] = field(default_factory=dict)
    #: pages whose placeholders show other pages' data, with what part of it each shows
    listings: dict[str, frozenset[Scope]] = field(default_factory=dict)
    #: docname -> slug of every Markdown page in ``speakers/``, whether or not its
    #: ``speaker:`` block is valid: the page exists, and its own warnings say what is wrong
    speaker_pages: dict[str, str] = field(default_factory=dict)
    sessions: dict[str, list[Session]] = field(default_factory=dict)
    #: the pages that hold the change log (``{program-changes}``), which the program links to
    change_logs: dict[str, bool] = field(default_factory=dict)
    #: the pages whose front-matter says ``embed: true`` (rendered alone, for an <iframe>)
    embeds: dict[str, bool] = field(default_factory=dict)
    #: the event the views are derived for (set by the collector as each build starts)
    event: Event | None = None

    def __post_init__(self) -> None:
        self._views: Views | None = None
        self._history = History()

    # The views are not pickled: a worker's store and a loaded environment derive them anew;
    # nor is the history, which each build reads from the repository (git_history.py).
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("_views", None)
        state.pop("_history", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._views = None
        self._history = History()

    @property
    def history(self) -> History:
        """The program's versions, from git (empty outside a repository)."""
        return self._history

    def set_history(self, history: History) -> None:
        self._history = history

    def pages_with_program_data(self) -> list[str]:
        """The pages that define items or sessions."""
        return sorted({*(d for d, found in self.items.items() if found), *(d for d, found in self.sessions.items() if found)})

    # -- changes ------------------------------------------------------------------------

    def _per_page(self) -> list[dict[str, Any]]:
        """Every field that maps docnames to what each page contributed."""
        return [getattr(self, f.name) for f in fields(self) if isinstance(getattr(self, f.name), dict)]

    def forget(self, docname: str) -> None:
        for by_page in self._per_page():
            by_page.pop(docname, None)
        self._views = None

    def merge(self, docnames: Iterable[str], other: SymposiumStore) -> None:
        """Take the pages ``docnames`` from ``other`` (a worker's store in a parallel read)."""
        for mine, theirs in zip(self._per_page(), other._per_page(), strict=True):
            mine.update((docname, theirs[docname]) for docname in docnames if docname in theirs)
        self._views = None

    def add_listing(self, docname: str, scopes: frozenset[Scope]) -> None:
        self.listings[docname] = scopes
        self._views = None

    def add_change_log(self, docname: str) -> None:
        self.change_logs[docname] = True

    def change_log_page(self) -> str | None:
        """The first page, by name, that holds the change log."""
        return min(self.change_logs, default=None)

    def room_page(self, room: str) -> str | None:
        """The room's page: the first page, by name, with a listing of that room's program alone
        (``:room:`` and no other option)."""
        wanted = ProgramScope(Selection(room=room))
        return min((docname for docname, scopes in self.listings.items() if wanted in scopes), default=None) if room else None

    def day_page(self, day: str) -> str | None:
        """The day's page (``day`` an ISO date): the first page, by name, with a listing of that
        day's program alone (``:day:`` and no other option)."""
        wanted = ProgramScope(Selection(day=day))
        return min((docname for docname, scopes in self.listings.items() if wanted in scopes), default=None)

    def day_pages(self) -> dict[str, str]:
        """Each day of the program that has a page of its own, and that page."""
        days = {scope.selection.day for scopes in self.listings.values() for scope in scopes
                if isinstance(scope, ProgramScope) and scope.selection == Selection(day=scope.selection.day)}
        return {day: page for day in sorted(days - {""}) if (page := self.day_page(day))}

    def add_speaker_page(self, docname: str, slug: str) -> None:
        self.speaker_pages[docname] = slug
        self._views = None

    def set_speaker(self, docname: str, speaker: Speaker) -> None:
        self.speakers[docname] = speaker
        self.speaker_pages[docname] = speaker.slug
        self._views = None

    def set_items(self, docname: str, items: list[ProgramItem]) -> None:
        self.items[docname] = list(items)
        self._views = None

    def set_sessions(self, docname: str, sessions: list[Session]) -> None:
        self.sessions[docname] = list(sessions)
        self._views = None

    def set_event(self, event: Event) -> None:
        if event != self.event:
            self.event = event
            self._views = None

    # -- views ----------------------------------------------------------------------------

    @property
    def views(self) -> Views:
        if self._views is None:
            self._views = self._derive_views()
        return self._views

    @property
    def listing_docs(self) -> set[str]:
        return set(self.listings)

    def program(self) -> tuple[ProgramItem, ...]:
        return self.views.program

    def speakers_by_slug(self) -> Mapping[str, Speaker]:
        """The speaker of each slug's owning page (see :func:`slug_owner_key`), when valid."""
        return self.views.speakers_by_slug

    def roles_of(self, slug: str) -> tuple[Role, ...]:
        """Each item a speaker takes part in, in program order, with their role in it."""
        return self.views.roles_by_slug.get(slug, ())

    def talk(self, docname: str) -> ProgramItem | None:
        return self.views.talks_by_docname.get(docname)

    def all_sessions(self) -> list[Session]:
        """Every session, as written (an id given twice is in here twice)."""
        return [session for found in self.sessions.values() for session in found]

    def session(self, session_id: str) -> Session | None:
        return self.views.sessions_by_id.get(session_id)

    def slugs_with_pages(self) -> set[str]:
        """Every slug that has a page in ``speakers/``, valid or not."""
        return set(self.speaker_pages.values())

    def _derive_views(self) -> Views:
        sessions = sessions_by_id(self.all_sessions())
        written = [item for items in self.items.values() for item in items]
        program = tuple(sorted_program(join_all(written, sessions, self.event)))
        owners = owners_by_slug(self.speaker_pages)
        speakers = {slug: self.speakers[docname] for slug, docname in owners.items() if docname in self.speakers}
        roles: dict[str, list[Role]] = defaultdict(list)
        for item in program:
            for slug in dict.fromkeys(ref.slug for ref in item.speakers):
                # a poster's presenter is at a board ("Poster, board 12"), not on a stage
                roles[slug].append(("Speaker" if item.has_page and not item.poster else item.type_label or "Speaker", item))
            for slug in dict.fromkeys(ref.slug for ref in item.moderators):
                roles[slug].append(("Moderator", item))
        for session in sorted(sessions.values(), key=lambda s: (s.start, s.room, s.id)):
            for slug in dict.fromkeys(ref.slug for ref in session.chairs):
                roles[slug].append(("Chair", session))
        for found in roles.values():
            found.sort(key=lambda role: role[1].start)
        talks = {item.docname: item for item in program if item.has_page}
        neighbours: dict[str, tuple[ProgramItem | None, ProgramItem | None]] = {}
        for _, block in groupby(sorted(program, key=self._block), key=self._block_of):
            block = list(block)
            for i, item in enumerate(block):
                neighbours[item.key] = (block[i - 1] if i else None, block[i + 1] if i + 1 < len(block) else None)
        listed_rooms, listed_tracks = (self.event.rooms, self.event.tracks) if self.event else ((), ())
        rooms = _in_order(listed_rooms, (item.room for item in program))
        tracks = _in_order(listed_tracks, (item.track for item in program))
        session_items: dict[str, list[ProgramItem]] = defaultdict(list)
        for item in program:
            if item.session:
                session_items[item.session].append(item)
        return Views(
            program=program,
            rooms=rooms,
            tracks=tracks,
            sessions_by_id=MappingProxyType(sessions),
            speakers_by_slug=MappingProxyType(speakers),
            roles_by_slug=MappingProxyType({slug: tuple(found) for slug, found in roles.items()}),
            talks_by_docname=MappingProxyType(talks),
            neighbours=MappingProxyType(neighbours),
            parallel=MappingProxyType(_parallel(program, rooms)),
            session_items=MappingProxyType({key: tuple(found) for key, found in session_items.items()}),
        )

    def _block_of(self, item: ProgramItem) -> tuple:
        """A session, or else a day of the program (and a room): where "next" is what comes next."""
        if item.session:
            return ("session", item.session)
        day = self.event.program_day(item.start) if self.event else item.start.date()
        return ("day", day.isoformat(), item.room)

    def _block(self, item: ProgramItem) -> tuple:
        return (*self._block_of(item), item.start, item.end, board_order(item.board), item.key)

    def neighbours(self, item: ProgramItem) -> tuple[ProgramItem | None, ProgramItem | None]:
        return self.views.neighbours.get(item.key, (None, None))

    def parallel(self, item: ProgramItem) -> tuple[ProgramItem, ...]:
        """What runs at the same time as ``item`` in other rooms, not cancelled: empty unless the
        program has parallel rooms."""
        return self.views.parallel.get(item.key, ())

    def items_of(self, slug: str) -> tuple[ProgramItem, ...]:
        """A speaker's part in the program, for their calendar: the items they speak at or
        moderate and those of the sessions they chair, each once, in the program's order."""
        found: dict[str, ProgramItem] = {}
        for _, part in self.roles_of(slug):
            for item in self.views.session_items.get(part.id, ()) if isinstance(part, Session) else (part,):
                found.setdefault(item.key, item)
        return tuple(sorted(found.values(), key=lambda item: (item.start, item.end, item.key)))


def _parallel(program: Iterable[ProgramItem], rooms: tuple[str, ...]) -> dict[str, tuple[ProgramItem, ...]]:
    """For each item in a room, the items that overlap it in time in other rooms, by start and room.

    Cancelled items run nowhere: they are in no list, but a cancelled talk's page still says what
    runs in its slot. One pass over the items sorted by start, each compared only with those that
    start before it ends.
    """
    placed = sorted((item for item in program if item.room), key=lambda item: (item.start, item.end, item.key))
    found: dict[str, list[ProgramItem]] = defaultdict(list)
    for n, item in enumerate(placed):
        for other in placed[n + 1:]:
            if other.start >= item.end:
                break
            if other.room == item.room:
                continue
            if not other.cancelled:
                found[item.key].append(other)
            if not item.cancelled:
                found[other.key].append(item)
    order = {room: n for n, room in enumerate(rooms)}
    return {key: tuple(sorted(items, key=lambda item: (item.start, order.get(item.room, len(order)), item.key)))
            for key, items in found.items()}


def _in_order(listed: tuple[str, ...], found: Iterable[str]) -> tuple[str, ...]:
    """The values found, those listed first in their order, then the others as they come."""
    present = dict.fromkeys(value for value in found if value)
    return tuple(value for value in dict.fromkeys([*listed, *present]) if value in present)


def store_of(env: BuildEnvironment) -> SymposiumStore:
    """The store of a build environment, which pickles it with everything else."""
    if not hasattr(env, "symposium"):
        env.symposium = SymposiumStore()
    return env.symposium


# -- what the build and ``symposium check`` do with every page's data ---------------------------


def keep(store: SymposiumStore, docname: str, found: SourceData) -> None:
    """What one page contributes, into the store (the build's and the check's)."""
    if found.speaker_slug is not None:
        # the page exists, even when its front-matter is broken
        store.add_speaker_page(docname, found.speaker_slug)
    if found.page.speaker is not None:
        store.set_speaker(docname, found.page.speaker)
    if found.page.items:
        store.set_items(docname, found.page.items)
    if found.page.sessions:
        store.set_sessions(docname, found.page.sessions)
    if found.page.embed:
        store.embeds[docname] = True


def check_across_pages(store: SymposiumStore, event: Event, acronym: str) -> list[Problem]:
    """The checks across pages, once every page is read: slugs, references, timetable,
    sessions, people in two places, identifiers."""
    store.set_event(event)
    problems: list[Problem] = []
    problems += check_slugs(store.speaker_pages, store.speakers)
    program = store.program()
    sessions = store.all_sessions()
    # posters whose session is unknown have no time, but their references and session are checked
    placeless = unplaced((item for items in store.items.values() for item in items), store.views.sessions_by_id)
    problems += check_references([*program, *placeless], store.slugs_with_pages(), sessions)
    problems += check_timetable(program, event)
    problems += check_sessions(sessions, [*program, *placeless], event)
    problems += check_people(program, store.views.sessions_by_id.values())
    problems += check_identifiers(program, acronym)
    return problems
