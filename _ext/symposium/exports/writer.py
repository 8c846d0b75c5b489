"""Writes the program where people keep a schedule, once every page is written.

At ``build-finished``, for the ``html`` and ``dirhtml`` builders: ``program.ics``, one
``.ics`` per talk (beside its page: ``talks/<slug>.ics``) and per speaker with a part in
the program (``speakers/<slug>.ics``), each talk's citation (``talks/<slug>.bib`` and
``talks/<slug>.csl.json``), and the frab schedule ``schedule.json`` and ``schedule.xml``,
from the store alone, so they say what the pages say. Nothing is written into the source tree.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from ..environment.build_records import load_record, save_record
from ..environment.store import store_of
from ..environment.versions import ENV_VERSION, __version__
from .addresses import (
    CHANGES_FEED,
    PROGRAM_CALENDAR,
    SCHEDULE_JSON,
    SCHEDULE_XML,
    builds_website,
    file_url,
    page_url,
    site_url,
    speaker_calendar,
    talk_bibtex,
    talk_calendar,
    talk_csl_json,
    writes_exports,
)
from .citations import bibtex, citation_of, csl_json
from .feed import changes_feed
from .frab import schedule, schedule_xml
from .ics import item_calendar, person_calendar, program_calendar
from .site_data import export_site

logger = logging.getLogger(__name__)


def check_base_url(app: Sphinx) -> None:
    """The exports hold absolute links: without the site's address they are not written."""
    if builds_website(app.builder) and not site_url(app.config):
        logger.warning(
            "html_baseurl is not set, so program.ics and schedule.json/.xml are not written; expected the "
            "site's address in conf.py, such as html_baseurl = 'https://example.org/'",
            type="symposium", subtype="config",
        )


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not writes_exports(app.builder):
        return
    site = export_site(app.builder)
    program = store_of(app.env).program()
    # the code that makes the files, and every setting they could read, are part of what they are made from
    made_from = MadeFrom(Path(app.outdir), code=(ENV_VERSION, settings_digest(app)))
    # what every file says of the site, whatever its events
    about = (site.title, site.full_name, site.acronym, site.event, site.base_url, site.stamp)
    # what each item's event is made from
    made_of = {item.key: (item, site.item_url(item), [(person, site.speaker_url(person)) for person in site.people(item)],
                          site.sessions.get(item.session or ""), site.revisions.get(item.slug)) for item in program}
    for item in program:
        if item.has_page:
            made_from.write(talk_calendar(item), made_from.digest(about, made_of[item.key]),
                            lambda item=item: item_calendar(item, site))
            citation = citation_of(item, site)
            if citation is not None:
                cited = made_from.digest(citation)
                made_from.write(talk_bibtex(item), cited, lambda citation=citation: bibtex(citation, site.say).encode())
                made_from.write(talk_csl_json(item), cited, lambda citation=citation: csl_json(citation).encode())
    for speaker in site.speakers.values():
        # the speaker's part in the program, where they have one (their page links it then)
        if items := store_of(app.env).items_of(speaker.slug):
            made_from.write(speaker_calendar(speaker), made_from.digest(about, speaker, [made_of[i.key] for i in items]),
                            lambda speaker=speaker, items=items: person_calendar(speaker, items, site))
    everything = made_from.digest(
        about, program, [site.item_url(item) for item in program],
        sorted((slug, speaker, site.speaker_url(speaker)) for slug, speaker in site.speakers.items()),
        sorted(site.sessions.items()), sorted(site.revisions.items()), site.version, __version__)
    made_from.write(PROGRAM_CALENDAR, everything, lambda: program_calendar(program, site))
    if made_from.needs(SCHEDULE_JSON, everything) or made_from.needs(SCHEDULE_XML, everything):
        generator = {"name": "symposium (Sphinx extension)", "version": __version__}
        data = schedule(program, site, generator)
        made_from.write(SCHEDULE_JSON, everything,
                        lambda: (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())
        made_from.write(SCHEDULE_XML, everything, lambda: schedule_xml(data))
    else:  # both as they are: still made from this, and kept
        made_from.keep(SCHEDULE_JSON, everything)
        made_from.keep(SCHEDULE_XML, everything)
    history = store_of(app.env).history
    log = store_of(app.env).change_log_page()
    log_url = page_url(app.builder, log) if log else site.base_url
    feed_url = file_url(site.base_url, CHANGES_FEED)
    made_from.write(CHANGES_FEED, made_from.digest(about, [v.to_json() for v in history.published], log_url),
                    lambda: changes_feed(history, site, feed_url=feed_url, log_url=log_url))
    made_from.save()


def settings_digest(app: Sphinx) -> str:
    """Every setting an export could read, as one digest: every config value of ``conf.py`` (the
    extension's, ``language``, ``html_baseurl``, ``project``, the suffixes of the pages' addresses,
    ...) and the builder. No list of the values each file reads, which would fall behind the
    code: a change of any setting makes every export again once (as Sphinx writes every page
    again when an ``html`` value changes), so an incremental build after a change to
    ``conf.py`` writes what a fresh one writes."""
    values = repr((app.builder.name, sorted((value.name, _stable(value.value)) for value in app.config)))
    # the folders of the sources, where some values point (templates, static files): not the
    # sources, so that the site built in another folder has the same record
    for folder, name in ((app.confdir, "<confdir>"), (app.srcdir, "<srcdir>")):
        values = values.replace(str(Path(folder).resolve()), name).replace(str(folder), name)
    return hashlib.sha256(values.encode()).hexdigest()


def _stable(value: Any) -> object:
    """``value`` as the same text in every process: mappings and sets in order, objects whose
    ``repr`` holds a memory address by their type."""
    if isinstance(value, Mapping):
        return sorted((repr(_stable(k)), _stable(v)) for k, v in value.items())
    if isinstance(value, (set, frozenset)):
        return sorted(repr(_stable(v)) for v in value)
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if value is None or isinstance(value, (str, bytes, int, float, bool, dt.date, dt.time, Path)):
        return repr(value)
    text = repr(value)
    return f"{type(value).__module__}.{type(value).__qualname__}" if " at 0x" in text else text


class MadeFrom:
    """``<outdir>/.symposium-exports``: a digest of what each export was last made from.

    An edit to one talk changes one talk's calendar: the others, made from what they
    were made from before, are neither made again nor read (2,000 calendars cost seconds
    to serialise, on every build of ``nox -s serve``). A file that is not there is made.
    """

    FILENAME = ".symposium-exports"
    #: the files made per page, which go when nothing makes them any more
    REMOVABLE = (".ics", ".bib", ".csl.json")

    def __init__(self, outdir: Path, code: object) -> None:
        self.outdir, self.code = outdir, code
        self.record = outdir / self.FILENAME
        self.before: dict[str, str] = load_record(self.record, {})
        self.now: dict[str, str] = {}

    def digest(self, *inputs: object) -> str:
        """What a file is made from, as one digest; the code that makes it is part of it."""
        return hashlib.sha256(repr((self.code, inputs)).encode()).hexdigest()

    def needs(self, path: str, digest: str) -> bool:
        return self.before.get(path) != digest or not (self.outdir / path).is_file()

    def write(self, path: str, digest: str, make: Callable[[], bytes]) -> None:
        if self.needs(path, digest):
            _write(self.outdir / path, make())
        self.now[path] = digest

    def keep(self, path: str, digest: str) -> None:
        """A file that is already what ``digest`` makes: kept, and recorded."""
        self.now[path] = digest

    def save(self) -> None:
        # what this record made last time and nothing makes now: a deleted talk's calendar
        for path in sorted(set(self.before) - set(self.now)):
            if path.endswith(self.REMOVABLE) and ".." not in path.split("/"):
                with contextlib.suppress(FileNotFoundError):
                    (self.outdir / path).unlink()
        if self.now != self.before:
            save_record(self.record, self.now, indent=0, sort_keys=True)


def _write(path: Path, content: bytes) -> None:
    """Write only what changed, so that an unchanged file keeps its time for caches and rsync."""
    if path.is_file() and path.read_bytes() == content:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
