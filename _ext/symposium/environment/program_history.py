"""The program's history, read from the repository with ``git``.

Every commit on the first-parent line that touched the content (talk, speaker and program
pages, ``conf.py``) is a candidate version: its pages are read as ``symposium check`` reads
them (front-matter through :func:`symposium.model.sources.read_source`, the first heading),
the program is joined as the build joins it, and :func:`symposium.model.history.compare`
says what changed from the version before. First-parent only: a merged branch is one version
(the merge), so the versions form a line, as readers saw the site.

What was computed per commit is cached in the output directory
(``<outdir>/.symposium-history.json``) with the state of the last commit, so that a build
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
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sphinx.util import logging
from sphinx.util.console import bold

from ..model.entities import Event
from ..model.history import History, ProgramState, Version, compare, program_state
from ..model.sources import SourceEncodingError, decode_source, read_source
from ..model.times import parse_date
from .config import CONFIG_VALUES, event_of
from .markdown_pages import first_heading
from .store import SymposiumStore, keep, store_of
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


@dataclass(frozen=True)
class Reading:
    """How pages are read: what ``conf.py`` says beside the event (titles get SmartQuotes as in the build)."""

    extensions: tuple[str, ...] = ()
    smartquotes: bool = True
    smartquotes_action: str = "qDe"
    source_encoding: str = "utf-8-sig"


def read_history(srcdir: Path, cache_dir: Path, values: Mapping[str, Any], event_of_values,
                 reading: Reading, *, since: dt.date | None = None, extra_pages: Iterable[str] = ()) -> HistoryReading:
    """The program's history as the repository holding ``srcdir`` has it.

    ``values`` are the current config values, ``event_of_values`` makes an :class:`Event`
    from such values (a past ``conf.py`` may change some of them), ``extra_pages`` are the
    pages besides :data:`CONTENT` that hold program data now (sessions may sit on any page).
    """
    git = _Git(srcdir)
    top = git.run("rev-parse", "--show-toplevel")
    if top is None:
        return HistoryReading(History(since=since), "not in a git repository (or git is not installed): "
                              "the program's change log is empty")
    toplevel = Path(top.strip())
    prefix = os.path.relpath(srcdir.resolve(), toplevel.resolve()).replace(os.sep, "/")
    prefix = "" if prefix == "." else prefix + "/"
    paths = sorted({*(prefix + p for p in CONTENT), *(prefix + p for p in extra_pages)})
    log = git.run("log", "--first-parent", "--reverse", "--format=%H%x1f%P%x1f%cI%x1f%an%x1f%s%x1e", "--", *paths,
                  cwd=toplevel)
    if log is None:  # no commit yet
        return HistoryReading(History(since=since), "")
    commits = [record.strip("\n").split("\x1f") for record in log.split("\x1e") if record.strip()]
    shallow = (git.run("rev-parse", "--is-shallow-repository") or "").strip() == "true"
    note = ("a shallow clone: the program's change log starts at the oldest commit fetched "
            "(fetch the whole history, as .readthedocs.yaml does, for all of it)") if shallow else ""

    key = _cache_key(values, reading, paths)
    cache = _Cache(cache_dir / CACHE_FILENAME)
    done, versions, state, tree, event_values = cache.load(key)
    hashes = [c[0] for c in commits]
    if done != hashes[: len(done)]:  # a rebase, or another history: start again
        done, versions, state, tree, event_values = [], [], None, {}, {}
    reader = _Reader(git, toplevel, prefix, values, event_of_values, reading, tree, event_values)
    try:
        for commit, parents, date, author, subject in commits[len(done):]:
            now = reader.state_at(commit)
            if now is None or (state is None and not now.items):
                done.append(commit)
                continue  # no program yet
            changes = compare(state or ProgramState(), now)
            when = dt.datetime.fromisoformat(date).astimezone(dt.UTC).isoformat()
            versions.append(Version(commit, when, author, subject, len(parents.split()) > 1, changes))
            state = now
            done.append(commit)
    finally:
        reader.close()
    cache.save(key, done, versions, state, reader.tree, reader.event_values)
    return HistoryReading(History(tuple(versions), since), note)


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
    """Reads the pages of one commit after another, keeping one store up to date: only the
    files whose blob changed since the commit before are read again."""

    def __init__(self, git: _Git, toplevel: Path, prefix: str, values: Mapping[str, Any], event_of_values,
                 reading: Reading, tree: dict[str, str], event_values: dict[str, Any]) -> None:
        self.git, self.toplevel, self.prefix = git, toplevel, prefix
        self.values, self.event_of_values, self.reading = values, event_of_values, reading
        self.tree = dict(tree)  # path (relative to srcdir) -> blob of the last commit read
        self.event_values = dict(event_values)
        self.store = SymposiumStore()
        self._batch: subprocess.Popen | None = None
        self._loaded = False
        self._events = False
        self.event: Event | None = None

    def state_at(self, commit: str) -> ProgramState | None:
        listing = self.git.run("ls-tree", "-r", "-z", commit, "--", *(self.prefix + p for p in CONTENT),
                               cwd=self.toplevel)
        if listing is None:
            return None
        tree = {}
        for entry in listing.split("\0"):
            if "\t" in entry:
                meta, path = entry.split("\t", 1)
                tree[path[len(self.prefix):]] = meta.split()[2]
        if not self._loaded:
            # the store of the last commit read is not cached: read every page of this one
            self._loaded, previous = True, {}
        else:
            previous = self.tree
        if tree.get("conf.py") != previous.get("conf.py"):
            event_values = _event_values(self._blob(tree["conf.py"])) if "conf.py" in tree else {}
            if event_values != self.event_values or not self._events:
                previous = {}  # the event changed: every page reads anew
            self.event_values = event_values
        self._events = True
        self.event = self._event()
        for path in sorted(set(previous) - set(tree)):
            self.store.forget(_docname(path))
        for path, blob in sorted(tree.items()):
            if path.endswith(".md") and previous.get(path) != blob:
                self._read_page(path, blob, tree)
        self.tree = tree
        self.store.set_event(self.event)
        return program_state(self.store.program(), self.store.speakers_by_slug(), self.store.views.sessions_by_id)

    def _event(self) -> Event:
        merged = {**self.values, **self.event_values}
        try:
            return self.event_of_values(merged)
        except Exception:  # a past conf.py with a value the build would refuse: read it with today's
            return self.event_of_values(self.values)

    def _read_page(self, path: str, blob: str, tree: Mapping[str, str]) -> None:
        docname = _docname(path)
        self.store.forget(docname)
        try:
            text = decode_source(self._blob(blob), self.reading.source_encoding)
        except SourceEncodingError:
            return
        heading = first_heading(_head(text), extensions=self.reading.extensions, smartquotes=self.reading.smartquotes,
                                smartquotes_action=self.reading.smartquotes_action)
        found = read_source(docname, text, title=heading.text, title_line=heading.line, event=self.event,
                            file_exists=lambda name: name in tree)
        keep(self.store, docname, found)

    def _blob(self, blob: str) -> bytes:
        if self._batch is None:
            self._batch = subprocess.Popen(["git", "cat-file", "--batch"], cwd=self.toplevel, stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"})
        assert self._batch.stdin is not None and self._batch.stdout is not None
        self._batch.stdin.write(blob.encode() + b"\n")
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().split()
        if len(header) < 3:
            return b""
        data = self._batch.stdout.read(int(header[2]))
        self._batch.stdout.read(1)  # the newline after the content
        return data

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
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, key: str) -> tuple[list[str], list[Version], ProgramState | None, dict[str, str], dict[str, Any]]:
        empty: tuple = ([], [], None, {}, {})
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if data.get("key") != key:
                return empty
            state = ProgramState.from_json(data["state"]) if data["state"] is not None else None
            return (list(data["commits"]), [Version.from_json(v) for v in data["versions"]], state,
                    dict(data["tree"]), dict(data["event_values"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return empty

    def save(self, key: str, commits: list[str], versions: list[Version], state: ProgramState | None,
             tree: dict[str, str], event_values: dict[str, Any]) -> None:
        data = {"key": key, "commits": commits, "versions": [v.to_json() for v in versions],
                "state": state.to_json() if state is not None else None, "tree": tree,
                "event_values": event_values}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.path.parent, delete=False,
                                         suffix=".tmp") as out:
            json.dump(data, out, sort_keys=True, default=str)
        os.replace(out.name, self.path)


# -- in the build ------------------------------------------------------------------------------

SHOWN_FILENAME = ".symposium-history-shown"


def load_shown(outdir: Path) -> dict[str, Any] | None:
    """What the pages of this output directory show of the history (``model.history.shown``)."""
    try:
        data = json.loads((outdir / SHOWN_FILENAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("code") == ENV_VERSION else None


def save_shown(outdir: Path, shown_now: dict[str, Any]) -> None:
    (outdir / SHOWN_FILENAME).write_text(json.dumps({**shown_now, "code": ENV_VERSION}, sort_keys=True), "utf-8")


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



def read_program_history(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: the history, once per build, before the pages it reaches are chosen
    (``env-get-updated``) and written. Outside a repository, or in a shallow clone, an info line
    says so once; the build goes on with the history it has."""
    config = app.config
    store = store_of(env)
    since = parse_date(config.symposium_changes_since) if config.symposium_changes_since else None
    language = config.language or "en"
    reading = Reading(
        extensions=tuple(getattr(config, "myst_enable_extensions", ()) or ()),
        smartquotes=bool(config.smartquotes) and language not in config.smartquotes_excludes.get("languages", []),
        smartquotes_action=config.smartquotes_action,
        source_encoding=config.source_encoding,
    )
    values = {name: config[name] for name in config_names()}
    extra = sorted(env.doc2path(docname, base=False).as_posix() for docname in store.pages_with_program_data()
                   if not docname.startswith(("talks/", "speakers/", "program/")))
    found = read_history(Path(app.srcdir), Path(app.outdir), values, lambda v: event_of(SimpleNamespace(**v)),
                         reading, since=since, extra_pages=extra)
    if found.note:
        logger.info(bold("symposium: ") + found.note)
    store.set_history(found.history)
