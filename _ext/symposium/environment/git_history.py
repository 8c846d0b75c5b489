"""The program's history, read from the repository with ``git``.

Every commit on the first-parent line that touched the content (talk, speaker and program
pages, ``conf.py``) is a candidate version: its pages are read as ``symposium check`` reads
them (front-matter through :func:`symposium.model.sources.read_source`, the first heading),
the program is joined as the build joins it, and :func:`symposium.model.history.compare`
says what changed from the version before. First-parent only: a merged branch is one version
(the merge), so the versions form a line, as readers saw the site.

What was computed per commit is cached with Sphinx's own cache, the doctree directory
(``<doctreedir>/.symposium-history.json``), with the state of the last commit, so that a build
reads only the commits that are new since the last; a changed first-parent line (a rebase)
or other code or event settings start again. Only the blobs that changed between two commits
are read, through one ``git cat-file --batch``.
"""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import hashlib
import json
import os
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sphinx.util import logging
from sphinx.util.console import bold

from ..model.entities import Event, ProgramItem, Session, Speaker
from ..model.history import History, ItemState, ProgramState, Version, compare, item_state
from ..model.local_times import TimeFormatter
from ..model.pages import owners_by_slug
from ..model.sessions import join_all, sessions_by_id
from ..model.sources import SourceEncodingError, decode_source, read_source
from .build_records import load_record, save_record
from .config import CONFIG_VALUES, event_of
from .markdown_pages import first_heading
from .site_values import site_of
from .store import SymposiumStore, store_of
from .translations import _
from .versions import ENV_VERSION

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def config_names() -> list[str]:
    return [name for name in CONFIG_VALUES if name != "symposium_changes_since"]


CACHE_FILENAME = ".symposium-history.json"
#: what the program is made of, relative to the source directory
CONTENT = ("talks", "speakers", "program", "conf.py")
#: the config values a past conf.py may have given differently, which change how its pages read
EVENT_VALUES = ("symposium_date", "symposium_end_date", "symposium_timezone", "symposium_day_change",
                "symposium_room", "symposium_rooms", "symposium_tracks", "symposium_venue")


@dataclass(frozen=True)
class HistoryReading:
    history: History
    #: said once, as an info line: why the history is missing or partial ("" when complete)
    note: str = ""
    #: a shallow clone: the history starts at the oldest commit fetched, so the change log, its
    #: feed and the calendars' SEQUENCE would be published wrong
    shallow: bool = False


@dataclass(frozen=True)
class Reading:
    """How pages are read: what ``conf.py`` says beside the event."""

    extensions: tuple[str, ...] = ()
    source_encoding: str = "utf-8-sig"
    #: how the change log writes dates and times: the site's ``language`` and ``symposium_clock``
    language: str = "en"
    clock: str | None = None


def read_history(srcdir: Path, cache_dir: Path, values: Mapping[str, Any], event_of_values,
                 reading: Reading, *, since: dt.date | None = None, zone: dt.tzinfo = dt.UTC,
                 extra_pages: Iterable[str] = ()) -> HistoryReading:
    """The program's history as the repository holding ``srcdir`` has it.

    ``values`` are the current config values, ``event_of_values`` makes an :class:`Event`
    from such values (a past ``conf.py`` may change some of them), ``extra_pages`` are the
    pages besides :data:`CONTENT` that hold program data now (sessions may sit on any page),
    ``zone`` the event's (``since`` is a day of the event's calendar).
    """
    git = _Git(srcdir)
    top = git.run("rev-parse", "--show-toplevel")
    if top is None:
        return HistoryReading(History(since=since, zone=zone), "not in a git repository (or git is not installed): "
                              "the program's change log is empty")
    toplevel = Path(top.strip())
    prefix = os.path.relpath(srcdir.resolve(), toplevel.resolve()).replace(os.sep, "/")
    prefix = "" if prefix == "." else prefix + "/"
    paths = sorted({*(prefix + p for p in CONTENT), *(prefix + p for p in extra_pages)})
    # every first-parent commit that touched the content, each with the blobs it changed (a
    # merge: against its first parent), in one call
    log = git.run("log", "--first-parent", "--reverse", "--raw", "--no-abbrev", "--no-renames",
                  "--diff-merges=first-parent", "--format=%x1e%H%x1f%P%x1f%cI%x1f%an%x1f%s", "--", *paths, cwd=toplevel)
    if log is None:  # no commit yet
        return HistoryReading(History(since=since, zone=zone), "")
    commits = _commits(log, prefix)
    shallow = (git.run("rev-parse", "--is-shallow-repository") or "").strip() == "true"

    key = _cache_key(values, reading, paths)
    cache = _Cache(cache_dir / CACHE_FILENAME)
    done, versions, state, tree, event_values = cache.load(key)
    hashes = [c[0][0] for c in commits]
    if done != hashes[: len(done)]:  # a rebase, or another history: start again
        done, versions, state, tree, event_values = [], [], None, {}, {}
    reader = _Reader(git, toplevel, prefix, values, event_of_values, reading, tree, event_values)
    try:
        for (commit, parents, date, author, subject), blobs in commits[len(done):]:
            now = reader.state_at(blobs)
            if state is None and not now.items:
                done.append(commit)
                continue  # no program yet
            changes = compare(state or ProgramState(), now, reader.touched if state is not None else None,
                              TimeFormatter(reading.language, reading.clock), say=_)
            when = dt.datetime.fromisoformat(date).astimezone(dt.UTC).isoformat()
            versions.append(Version(commit, when, author, subject, len(parents.split()) > 1, changes,
                                    announces=state is None or not state.items))
            state = now
            done.append(commit)
    finally:
        reader.close()
    cache.save(key, done, versions, state, reader.tree, reader.event_values)
    return HistoryReading(History(tuple(versions), since, zone), "", shallow)


def _commits(log: str, prefix: str) -> list[tuple[list[str], list[tuple[str, str, str]]]]:
    """Each commit's fields and its changed files: (status, path relative to the sources, blob)."""
    commits = []
    for record in log.split("\x1e")[1:]:
        head, _, rest = record.partition("\n")
        fields = head.split("\x1f")
        if len(fields) != 5:
            continue
        changed = []
        for line in rest.splitlines():
            if line.startswith(":") and "\t" in line:
                meta, _, path = line.partition("\t")
                parts = meta.split()
                if path.startswith(prefix) and len(parts) >= 5:
                    changed.append((parts[4][:1], path[len(prefix):], parts[3]))
        commits.append((fields, changed))
    return commits


def _cache_key(values: Mapping[str, Any], reading: Reading, paths: list[str]) -> str:
    data = json.dumps([ENV_VERSION, {k: values.get(k) for k in EVENT_VALUES}, reading.__dict__, paths],
                      sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()[:20]


class _Git:
    def __init__(self, srcdir: Path) -> None:
        self.srcdir = srcdir

    def run(self, *args: str, cwd: Path | None = None) -> str | None:
        try:
            done = subprocess.run(["git", *args], cwd=cwd or self.srcdir, capture_output=True, text=True,
                                  encoding="utf-8", errors="replace", check=False,
                                  env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
        except OSError:
            return None
        return done.stdout if done.returncode == 0 else None


class _Reader:
    """Reads the pages of one commit after another: only the files whose blob changed since the
    commit before are read again, and only their items are joined to their sessions again (all
    items of a session whose day, room or track changed). The cost of a commit follows what it
    changed, not the size of the program."""

    def __init__(self, git: _Git, toplevel: Path, prefix: str, values: Mapping[str, Any], event_of_values,
                 reading: Reading, tree: dict[str, str], event_values: dict[str, Any]) -> None:
        self.git, self.toplevel, self.prefix = git, toplevel, prefix
        self.values, self.event_of_values, self.reading = values, event_of_values, reading
        self.tree = dict(tree)  # path (relative to srcdir) -> blob of the last commit read
        self.event_values = dict(event_values)
        self._batch: subprocess.Popen | None = None
        self._loaded = False
        self._events = False
        self.event: Event | None = None
        # per page, as the last commit read has it
        self.items: dict[str, list[ProgramItem]] = {}
        self.sessions: dict[str, list[Session]] = {}
        self.speakers: dict[str, Speaker] = {}  # speaker pages: docname -> speaker
        self.speaker_pages: dict[str, str] = {}  # docname -> slug
        self.states: dict[str, dict[str, ItemState]] = {}  # per page: its items as readers see them
        self.by_id: dict[str, Session] = {}
        self.all_items: dict[str, ItemState] = {}
        self.slugs_of: dict[str, list[str]] = {}
        #: the items the last commit may have changed (their pages were read, or their session changed)
        self.touched: set[str] = set()
        self.names: dict[str, str] | None = None
        self._speakers_changed = True

    def state_at(self, blobs: list[tuple[str, str, str]]) -> ProgramState:
        """The program after a commit that changed ``blobs`` ((status, path, blob) each)."""
        tree = dict(self.tree)
        for status, path, blob in blobs:
            if status == "D":
                tree.pop(path, None)
            else:
                tree[path] = blob
        if not self._loaded:
            # the pages of the last commit read are not cached: read every page of this one
            self._loaded, previous = True, {}
        else:
            previous = self.tree
        if tree.get("conf.py") != previous.get("conf.py"):
            event_values = _event_values(self._blob(tree["conf.py"])) if "conf.py" in tree else {}
            if event_values != self.event_values or not self._events:
                previous = {}  # the event changed: every page reads anew
                self._forget_all()
            self.event_values = event_values
        self._events = True
        self.event = self._event()
        changed = {_docname(path) for path in set(previous) - set(tree) if path.endswith(".md")}
        for docname in changed:
            self._forget(docname)
        to_read = sorted((path, blob) for path, blob in tree.items() if path.endswith(".md") and previous.get(path) != blob)
        contents = self._blobs([blob for _, blob in to_read])
        for path, blob in to_read:
            self._read_page(path, contents[blob], tree)
            changed.add(_docname(path))
        self.tree = tree
        pages = self._join(changed)
        self.touched = set()
        for docname in pages:  # the program's items, kept up to date page by page
            for slug in self.slugs_of.pop(docname, ()):
                self.all_items.pop(slug, None)
                self.touched.add(slug)
            states = self.states.get(docname, {})
            self.all_items.update(states)
            self.slugs_of[docname] = list(states)
            self.touched.update(states)
        if self._speakers_changed or self.names is None:
            owners = owners_by_slug(self.speaker_pages)
            self.names = {slug: self.speakers[d].name for slug, d in owners.items() if d in self.speakers}
        self._speakers_changed = False
        return ProgramState(items=dict(self.all_items), speakers=self.names,
                            sessions={sid: s.title for sid, s in self.by_id.items()})

    def _join(self, changed: set[str]) -> set[str]:
        """Each changed page's items joined to their sessions; with a session changed, every
        item that joins it."""
        by_id = sessions_by_id(session for found in self.sessions.values() for session in found)
        moved = {sid for sid in {*by_id, *self.by_id} if by_id.get(sid) != self.by_id.get(sid)}
        self.by_id = by_id
        pages = set(changed) | {docname for docname, items in self.items.items()
                                if moved and any(item.session in moved for item in items)}
        for docname in pages:
            items = self.items.get(docname)
            if not items:
                self.states.pop(docname, None)
                continue
            self.states[docname] = {item.slug: item_state(item) for item in join_all(items, by_id, self.event)}
        return pages

    def _forget(self, docname: str) -> None:
        if docname in self.speaker_pages or docname in self.speakers:
            self._speakers_changed = True
        for by_page in (self.items, self.sessions, self.speakers, self.speaker_pages, self.states):
            by_page.pop(docname, None)

    def _forget_all(self) -> None:
        for by_page in (self.items, self.sessions, self.speakers, self.speaker_pages, self.states, self.all_items,
                        self.slugs_of):
            by_page.clear()
        self._speakers_changed = True

    def _event(self) -> Event:
        merged = {**self.values, **self.event_values}
        try:
            return self.event_of_values(merged)
        except Exception:  # a past conf.py with a value the build would refuse: read it with today's
            return self.event_of_values(self.values)

    def _read_page(self, path: str, content: bytes, tree: Mapping[str, str]) -> None:
        docname = _docname(path)
        self._forget(docname)
        try:
            text = decode_source(content, self.reading.source_encoding)
        except SourceEncodingError:
            return
        heading = first_heading(_head(text), extensions=self.reading.extensions)
        found = read_source(docname, text, title=heading.text, title_line=heading.line, event=self.event,
                            file_exists=lambda name: name in tree)
        # as the build's store keeps a page (store.keep)
        if found.speaker_slug is not None:
            self.speaker_pages[docname] = found.speaker_slug
            self._speakers_changed = True
        if found.page.speaker is not None:
            self.speakers[docname] = found.page.speaker
        if found.page.items:
            self.items[docname] = found.page.items
        if found.page.sessions:
            self.sessions[docname] = found.page.sessions

    def _blob(self, blob: str) -> bytes:
        return self._blobs([blob])[blob]

    def _blobs(self, blobs: list[str]) -> dict[str, bytes]:
        """The contents of ``blobs``, from one ``git cat-file --batch``, asked for in chunks small
        enough that neither side waits on a full pipe."""
        if self._batch is None:
            self._batch = subprocess.Popen(["git", "cat-file", "--batch"], cwd=self.toplevel, stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"})
        assert self._batch.stdin is not None and self._batch.stdout is not None
        found: dict[str, bytes] = {}
        for start in range(0, len(blobs), 1000):  # 41 bytes each: under a pipe's 64 KiB
            chunk = blobs[start:start + 1000]
            self._batch.stdin.write(b"".join(blob.encode() + b"\n" for blob in chunk))
            self._batch.stdin.flush()
            for blob in chunk:
                header = self._batch.stdout.readline().split()
                if len(header) < 3:  # "<blob> missing"
                    found[blob] = b""
                    continue
                found[blob] = self._batch.stdout.read(int(header[2]))
                self._batch.stdout.read(1)  # the newline after the content
        return found

    def close(self) -> None:
        if self._batch is not None:
            with contextlib.suppress(OSError):
                self._batch.stdin.close()  # type: ignore[union-attr]
            self._batch.wait()
            self._batch.stdout.close()  # type: ignore[union-attr]


def _docname(path: str) -> str:
    return path.rsplit(".", 1)[0]


def _head(text: str) -> str:
    """The page down to its first heading: all that the title needs, parsed much faster."""
    lines = text.splitlines(keepends=True)
    in_frontmatter = bool(lines) and lines[0].strip() == "---"
    for number, line in enumerate(lines):
        if in_frontmatter and number > 0 and line.strip() == "---":
            in_frontmatter = False
        elif not in_frontmatter and line.startswith("#"):
            return "".join(lines[: number + 1])
    return text


def _event_values(source: bytes) -> dict[str, Any]:
    """The event's values that a past ``conf.py`` gives as plain literals (it is not run: code
    from the repository's past is only read)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return {}
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in EVENT_VALUES:
                with contextlib.suppress(ValueError, TypeError, SyntaxError):
                    found[name] = ast.literal_eval(node.value)
    return found


class _Cache:
    """``<doctreedir>/.symposium-history.json``: what was read of each commit, under a key that
    other code, event values or a rewritten history change (``build_records.py`` reads and saves it)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, key: str) -> tuple[list[str], list[Version], ProgramState | None, dict[str, str], dict[str, Any]]:
        empty: tuple = ([], [], None, {}, {})
        data = load_record(self.path, {})
        try:
            if data.get("key") != key:
                return empty
            state = ProgramState.from_json(data["state"]) if data["state"] is not None else None
            return (list(data["commits"]), [Version.from_json(v) for v in data["versions"]], state,
                    dict(data["tree"]), dict(data["event_values"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            return empty

    def save(self, key: str, commits: list[str], versions: list[Version], state: ProgramState | None,
             tree: dict[str, str], event_values: dict[str, Any]) -> None:
        data = {"key": key, "commits": commits, "versions": [v.to_json() for v in versions],
                "state": state.to_json() if state is not None else None, "tree": tree,
                "event_values": event_values}
        save_record(self.path, data, sort_keys=True, default=str)


# -- in the build ------------------------------------------------------------------------------

SHOWN_FILENAME = ".symposium-history-shown"


def load_shown(outdir: Path) -> dict[str, Any] | None:
    """What the pages of this output directory show of the history (``model.history.shown``)."""
    data = load_record(outdir / SHOWN_FILENAME, {})
    return data if data.get("code") == ENV_VERSION else None


def save_shown(outdir: Path, shown_now: dict[str, Any]) -> None:
    save_record(outdir / SHOWN_FILENAME, {**shown_now, "code": ENV_VERSION}, sort_keys=True)


def pages_showing_history(store: SymposiumStore, before: dict[str, Any] | None, now: dict[str, Any]) -> set[str]:
    """The pages whose output a change of the history changes: every listing and the change log
    when what they show changed; the talk pages whose own mark, revision or moves changed."""
    pages: set[str] = set()
    if before is None or before.get("site") != now["site"]:
        pages |= set(store.listings) | set(store.change_logs)
    old_items = (before or {}).get("items", {})
    changed = {slug for slug in {*old_items, *now["items"]} if old_items.get(slug) != now["items"].get(slug)}
    pages |= {item.docname for item in store.program() if item.has_page and item.slug in changed}
    return pages


#: said of a shallow clone, where the change log, its feed and the calendars would be published wrong
SHALLOW = ("{where} is a shallow clone, whose history starts at the oldest commit fetched: the program's change "
           "log and its feed would miss the changes before it, and the calendars' SEQUENCE would not count them")
SHALLOW_FIX = ("; expected the whole history: run `git fetch --unshallow` and build again (in CI, check out "
               "the whole history, such as actions/checkout's `fetch-depth: 0`)")
SHALLOW_ON_READ_THE_DOCS = (" (Read the Docs clones shallow: .readthedocs.yaml's build.jobs.post_checkout should run "
                            "`git fetch --unshallow || true`, as this project's does)")


def on_read_the_docs() -> bool:
    """Read the Docs sets ``READTHEDOCS=True`` in its builds."""
    return os.environ.get("READTHEDOCS", "").lower() in ("true", "1")


def read_program_history(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: the history, once per build, before the pages it reaches are chosen
    (``env-get-updated``) and written. Outside a repository an info line says so; the change
    log is empty. In a shallow clone, a warning (``symposium.history``) says how to fetch the
    whole history, so that ``-W`` does not publish a wrong change log; on Read the Docs, where
    the fetch is .readthedocs.yaml's to do, an info line."""
    config = app.config
    store = store_of(env)
    site = site_of(config)
    reading = Reading(
        extensions=tuple(getattr(config, "myst_enable_extensions", ()) or ()),
        source_encoding=config.source_encoding,
        # the resolved locale and clock, as the pages write dates and times
        language=str(site.times.locale),
        clock=site.times.clock,
    )
    values = {name: config[name] for name in config_names()}
    extra = sorted(env.doc2path(docname, base=False).as_posix() for docname in store.pages_with_program_data()
                   if not docname.startswith(("talks/", "speakers/", "program/")))
    # with Sphinx's cache, not in the published output: it holds every version read from git,
    # an earlier event's too after `symposium init`
    found = read_history(Path(app.srcdir), Path(app.doctreedir), values, lambda v: event_of(SimpleNamespace(**v)),
                         reading, since=site.changes_since, zone=site.event.timezone, extra_pages=extra)
    if found.note:
        logger.info(bold("symposium: ") + found.note)
    if found.shallow and on_read_the_docs():
        logger.info(bold("symposium: ") + SHALLOW.format(where="the repository") + SHALLOW_ON_READ_THE_DOCS)
    elif found.shallow:
        logger.warning(SHALLOW.format(where=f"the repository of {app.srcdir}") + SHALLOW_FIX,
                       type="symposium", subtype="history")
    store.set_history(found.history)
