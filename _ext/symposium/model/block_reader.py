"""The block reader: one mapping of front-matter (a ``talk:``, a ``speaker:``, an entry of
``program: items:`` or ``sessions:``) read value by value, each mistake a :class:`Problem` at its
key's line, never an exception.

Each method reads one kind of value (text, an address, a list of speakers, a time...) and says,
when it cannot, what it expected; :mod:`.reading` reads each block with them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .entities import SLUG, Event, ItemType, Link, PersonRef, Problem
from .fields import (
    MINUTES,
    PROJECT_FILE,
    SPEAKER_SLUGS,
    TEXT,
    TEXTS,
    TITLED_LINKS,
    TRUE_OR_FALSE,
    URL_OR_FILE,
    WEB_ADDRESS,
)
from .frontmatter import Path, Positions
from .hints import closest, did_you_mean
from .link_targets import is_project_file, is_web_address, why_not_a_project_file
from .times import EXPECTED_TIME, clock, duration_text, in_zone, parse_date, parse_time, wall_clock


@dataclass
class BlockReader:
    """Reads one mapping of front-matter, collecting problems instead of raising."""

    data: Mapping[str, Any]
    path: Path
    positions: Positions
    problems: list[Problem] = field(default_factory=list)
    #: set by :meth:`timing` after a problem with the time that the item survives: it is
    #: published at the time as best the data gives it, and the checks across pages leave it be
    time_doubted: bool = False

    def line(self, *keys: str | int) -> int:
        return self.positions.line((*self.path, *keys))

    def where(self, *keys: str | int) -> str:
        return ".".join(str(k) for k in (*self.path, *keys))

    def problem(self, subtype: str, message: str, *keys: str | int) -> None:
        self.problems.append(Problem(subtype, message, self.line(*keys)))

    def unknown_keys(self, allowed: frozenset[str]) -> None:
        for key in self.data:
            if key not in allowed:
                match = closest(key, sorted(allowed))
                hint = f"; did you mean {match!r}?" if match else f"; expected one of: {', '.join(sorted(allowed))}"
                self.problem("frontmatter", f"unknown key {self.where(key)!r}{hint}", key)

    def text_as_written(self, value: object, *keys: str | int) -> str:
        """A scalar as text, as the contributor wrote it.

        YAML 1.1 turns ``0264`` into 180 (octal), ``1:05`` into 65 (base 60) and ``yes``
        into true; a text field keeps the characters of the file instead.
        """
        if isinstance(value, str):
            return value.strip()
        raw = self.positions.raw((*self.path, *keys))
        return (raw if raw is not None else str(value)).strip()

    def string(self, key: str, *, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem("frontmatter", f"missing required key {self.where(key)!r}")
            return ""
        if isinstance(value, (dict, list)):
            self.problem("frontmatter", f"{self.where(key)!r} should be {TEXT}, got {kind_of(value)}", key)
            return ""
        text = self.text_as_written(value, key)
        if required and not text:
            self.problem("frontmatter", f"{self.where(key)!r} is empty; expected {TEXT}", key)
        return text

    def strings(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        """A string or a list of strings; an empty one is missing."""
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem("frontmatter", f"missing required key {self.where(key)!r}")
            return ()
        entries = [(value, (key,))] if not isinstance(value, list) else [(v, (key, i)) for i, v in enumerate(value)]
        if any(v is None or isinstance(v, (dict, list)) for v, _ in entries):
            self.problem("frontmatter", f"{self.where(key)!r} should be {TEXTS}, got {kind_of(value)}", key)
            return ()
        texts = tuple(text for v, keys in entries if (text := self.text_as_written(v, *keys)))
        if required and not texts:
            self.problem("frontmatter", f"{self.where(key)!r} is empty; expected {TEXTS}", key)
        return texts

    def url(self, key: str) -> str:
        """An http(s) URL, or a file under ``_static/``."""
        text = self.string(key)
        if text and not is_web_address(text) and not is_project_file(text):
            self.problem("frontmatter", f"{self.where(key)!r} should be {URL_OR_FILE}, got {text!r}", key)
            return ""
        return text

    def web_address(self, key: str, example: str) -> str:
        """An http(s) URL, never a project file (a stream, say)."""
        text = self.string(key)
        if text and not is_web_address(text):
            self.problem("frontmatter", f"{self.where(key)!r} should be {WEB_ADDRESS} such as {example!r}, got {text!r}", key)
            return ""
        return text

    def project_file(self, key: str, example: str) -> str:
        """A file under ``_static/``, never a web address: pages must not make a visitor's
        browser contact another site, and the site must read offline."""
        text = self.string(key)
        if text and is_web_address(text):
            self.problem(
                "frontmatter",
                f"{self.where(key)!r} is a web address ({text}); expected a file in the project such as "
                f"{example!r}: a file from another site makes every visitor's browser contact it, and the "
                "site no longer works offline (save the file, if you may publish it, under _static/)",
                key,
            )
            return ""
        if text and not is_project_file(text):
            self.problem("frontmatter", f"{self.where(key)!r} is {text!r}: {why_not_a_project_file(text)}; expected "
                                        f"{PROJECT_FILE} such as {example!r}", key)
            return ""
        return text

    def people(self, key: str) -> tuple[PersonRef, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):  # a single slug is a list of one
            value, lines = [value], [self.line(key)]
        elif isinstance(value, list):
            lines = [self.line(key, i) for i in range(len(value))]
        else:
            self.problem("frontmatter", f"{self.where(key)!r} should be {SPEAKER_SLUGS} such as [jane-doe], got {kind_of(value)}", key)
            return ()
        refs: dict[str, PersonRef] = {}
        for slug, line in zip(value, lines, strict=True):
            if not isinstance(slug, str) or not SLUG.match(slug):
                self.problems.append(Problem("frontmatter", f"{self.where(key)!r} holds {slug!r}; expected a speaker slug, the file name of a page in speakers/ such as 'jane-doe'", line))
                continue
            if slug in refs:
                self.problems.append(Problem(
                    "frontmatter",
                    f"{self.where(key)!r} names {slug!r} twice (lines {refs[slug].line} and {line}); expected each person once",
                    line,
                ))
                continue
            refs[slug] = PersonRef(slug, line)
        return tuple(refs.values())

    def _optional(self, key: str, kind: type, expected: str) -> Any:
        """The value of an optional key when it is a ``kind``; ``None`` when it is absent, or
        (with a problem saying what was expected) of another type."""
        value = self.data.get(key)
        if value is not None and not isinstance(value, kind):
            self.problem("frontmatter", f"{self.where(key)!r} should {expected}, got {kind_of(value)}", key)
            return None
        return value

    def named_links(self, key: str) -> tuple[Link, ...]:
        """``name: url`` pairs (a speaker's homepage, ORCID...)."""
        value = self._optional(key, dict, "map names to URLs, such as 'homepage: https://example.org/'")
        if value is None:
            return ()
        links = []
        for name, url in value.items():
            if not isinstance(url, str) or not is_web_address(url):
                self.problem("frontmatter", f"{self.where(key, name)!r} should be {WEB_ADDRESS}, got {url!r}", key, name)
                continue
            links.append(Link(str(name), url, self.line(key, name)))
        return tuple(links)

    def titled_links(self, key: str) -> tuple[Link, ...]:
        """A list of ``{title, url}`` (a talk's further material)."""
        value = self._optional(key, list, f"be {TITLED_LINKS}")
        if value is None:
            return ()
        links = []
        for i, entry in enumerate(value):
            if not (isinstance(entry, dict) and isinstance(entry.get("title"), str) and isinstance(entry.get("url"), str)):
                self.problem("frontmatter", f"{self.where(key, i)!r} should be {{title: ..., url: https://...}}, got {entry!r}", key, i)
                continue
            if not (is_web_address(entry["url"]) or is_project_file(entry["url"])):
                self.problem("frontmatter", f"{self.where(key, i, 'url')!r} should be {URL_OR_FILE}, got {entry['url']!r}", key, i, "url")
                continue
            links.append(Link(entry["title"], entry["url"], self.line(key, i, "url")))
        return tuple(links)

    def flag(self, key: str, default: bool, meaning: str) -> bool:
        """``true`` or ``false``; YAML's ``yes``/``no`` are read as such, text such as ``"false"`` is not."""
        value = self._optional(key, bool, f"be {TRUE_OR_FALSE} ({meaning})")
        return default if value is None else value

    def listed(self, key: str, listed: tuple[str, ...], config_name: str) -> str:
        """Text that, when ``conf.py`` lists the values (rooms, tracks), must be one of them."""
        value = self.string(key)
        if value and listed and value not in listed:
            hint = did_you_mean(value, listed, cutoff=0.5)
            self.problem("frontmatter", f"{self.where(key)!r} is {value!r}, which is not in {config_name}; {hint}"
                         f"expected one of: {', '.join(listed)}", key)
        return value  # as written, so that the checks of rooms and times still see it

    def choice(self, key: str, choices: Mapping[str, str]) -> str:
        value = self.string(key, required=True)
        if value and value not in choices:
            hint = did_you_mean(value, choices)
            self.problem("frontmatter", f"unknown {self.where(key)} {value!r}; {hint}expected one of: {', '.join(choices)}", key)
            return ""
        return value

    def type_of(self, types: Mapping[str, ItemType], event: Event) -> str:
        """``type``: one of ``types``. A type of ``program: items:`` on a talk page is told so,
        and any unknown type is told where types are added (``symposium_types``)."""
        value = self.string("type", required=True)
        if not value or value in types:
            return value
        elsewhere = event.types.get(value)
        if elsewhere is not None and not elsewhere.has_page:
            self.problem("frontmatter", f"{self.where('type')} {value!r} is a type of the program's entries without "
                         f"a page (symposium_types gives it 'page': False); expected a talk type: {', '.join(types)}, "
                         "or the entry under 'program: items:'", "type")
            return ""
        hint = did_you_mean(value, types)
        self.problem("frontmatter", f"unknown {self.where('type')} {value!r}; {hint}expected one of: {', '.join(types)} "
                     "(conf.py's symposium_types adds more)", "type")
        return ""

    def board(self, kind: ItemType | None) -> str:
        """A poster's ``board`` (a number or a label such as ``P-12``); on anything else, a problem."""
        if "board" not in self.data:
            return ""
        text = self.string("board", required=True)
        if text and kind is not None and not kind.poster:
            self.problem("frontmatter", f"{self.where('board')!r} is {text!r}, but only a poster has a board and this "
                         f"is {self.where('type')} {self.data.get('type')!r}; expected 'type: poster' (or a type "
                         "whose symposium_types class is 'poster'), or no board", "board")
            return ""
        return text

    def timing(self, event: Event, *, keep_start: bool = False,
               what: str = "the item") -> tuple[dt.datetime, dt.datetime] | None:
        """The start and end (see ``ProgramItem``), or ``None`` after a problem.

        With ``keep_start``, an item whose start can be read stays in the program whatever is
        wrong with its end: at its start, without an end (``end == start``), and the problem says
        so. Warnings explain; they never remove an item. Only an item without a start (or a day)
        is left out, and its problem says that too.
        """
        before = len(self.problems)
        try:
            timing = self._timing(event, keep_start)
        except OverflowError:  # a date such as 9999-12-31 leaves the calendar in UTC
            self.problem("schedule", f"{self.where('date')!r} is too far from the symposium; expected a date of the event", "date")
            timing = None
        if timing is None:
            self.problems[before:] = [dataclasses.replace(p, message=left_out(p.message, what))
                                      for p in self.problems[before:]]
        elif len(self.problems) > before:
            self.time_doubted = True
        return timing

    def _timing(self, event: Event, keep_start: bool) -> tuple[dt.datetime, dt.datetime] | None:
        day = event.date
        if "date" in self.data:
            try:
                day = parse_date(self.data["date"])
            except ValueError as err:
                self.problem("frontmatter", f"{self.where('date')!r}: {err}", "date")
                return None
        before = len(self.problems)
        start = self._moment("start", day, event)
        if start is None:
            return None
        start_doubted, before = len(self.problems) > before, len(self.problems)
        end = self._end(start, event)
        if end is None:
            if not keep_start:
                return None
            found = self.problems[before:]
            del self.problems[before:]
            if start_doubted:  # a wrong start makes the end look wrong too: one mistake, one warning
                found = [p for p in found if p.subtype != "schedule"] or [self.problems.pop()]
            self.problems += [dataclasses.replace(p, message=f"{p.message}; {_WITHOUT_AN_END}") for p in found]
            return start, start
        return start, end

    def _end(self, start: dt.datetime, event: Event) -> dt.datetime | None:
        """The end, after ``start`` and at most ``symposium_max_item_minutes`` later, or ``None``
        after a problem. It may fall after the change of day: an item belongs to the day of the
        program in which it starts (a night's set from 01:00 to 10:00 is the evening's)."""
        if "end" in self.data:
            if "duration" in self.data:
                self.problem("frontmatter", f"give {self.where('end')!r} or {self.where('duration')!r}, not both", "duration")
            end_key = "end"
            end = self._moment("end", start.date(), event)
            if end is not None and end <= start and self._into_the_night(start, end, event):
                end = self._moment("end", start.date() + dt.timedelta(days=1), event)
        elif "duration" in self.data:
            end_key = "duration"
            minutes = self._minutes(event)
            end = None if minutes is None else in_zone(start + dt.timedelta(minutes=minutes), event.timezone)
        else:
            self.problem("frontmatter", f"missing required key {self.where('end')!r} (or 'duration' in minutes)")
            return None
        if end is None:
            return None
        if end <= start:
            self.problem("schedule", self._end_before_start(start, end, event), end_key)
            return None
        if end - start > event.max_item:
            self._too_long(duration_text(end - start), event, end_key)
            return None
        return end

    def _end_before_start(self, start: dt.datetime, end: dt.datetime, event: Event) -> str:
        """Why an end is not after its start: an AM/PM slip, most likely."""
        said = f"{self.where('end')!r} is {clock(end)}, not after the start {clock(start)}"
        return f"{said}; expected an end after the start (a time after noon needs PM or 24-hour form)"

    def _into_the_night(self, start: dt.datetime, end: dt.datetime, event: Event) -> bool:
        """An end written as a time of day that is not after the start, and that is the next
        morning: before the day changes, or an evening item's end after midnight (``23:00`` to
        ``10:00``; a morning's end after the evening start would last over 12 hours)."""
        written = self.data.get("end")
        if isinstance(written, (dt.datetime, dt.date)) or "T" in str(written):
            return False
        return end.time() < event.day_change or (start.hour >= 12 and end.hour < 12)

    def _too_long(self, length: str, event: Event, key: str) -> None:
        self.problem(
            "schedule",
            f"the item lasts {length}; expected at most {duration_text(event.max_item)} "
            "(symposium_max_item_minutes): check its end, or its start",
            key,
        )

    def _minutes(self, event: Event) -> int | None:
        """``duration``, in whole minutes."""
        minutes = self.data["duration"]
        raw = self.positions.raw((*self.path, "duration"))
        if isinstance(minutes, int) and raw is not None and ":" in raw:
            self.problem(
                "frontmatter",
                f"{self.where('duration')!r} is {raw}, which YAML reads as {minutes} minutes; "
                f"expected {MINUTES} such as 30 (or an 'end' time)",
                "duration",
            )
            return None
        if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
            shown = raw if raw is not None else repr(minutes)
            self.problem("frontmatter", f"{self.where('duration')!r} should be {MINUTES} such as 30, got {shown}", "duration")
            return None
        if minutes * 60 > event.max_item.total_seconds():  # before any arithmetic: 10**13 minutes overflow
            self._too_long(f"{minutes} minutes", event, "duration")
            return None
        return minutes

    def _moment(self, key: str, day: dt.date, event: Event) -> dt.datetime | None:
        """``start`` or ``end`` on ``day`` (unless it names its own), or ``None`` after a problem."""
        if key not in self.data:
            self.problem("frontmatter", f"missing required key {self.where(key)!r}; expected {EXPECTED_TIME}")
            return None
        try:
            value = parse_time(self.data[key], self.positions.raw((*self.path, key)))
        except ValueError as err:
            text = str(err)
            self.problem("frontmatter", f"{self.where(key)!r} {text}" if text.startswith("is ") else f"{self.where(key)!r}: {text}", key)
            return None
        zone = event.timezone
        if not isinstance(value, dt.datetime):
            moment, note = wall_clock(day, value, zone)
        elif value.tzinfo is None:
            moment, note = wall_clock(value.date(), value.time(), zone)
        else:
            moment, note = in_zone(value, zone), ""
            offset = value.utcoffset()
            if offset not in (moment.utcoffset(), dt.timedelta()):
                self.problem(
                    "schedule",
                    f"{self.where(key)!r} {value.isoformat(timespec='minutes')} carries the offset UTC{value:%z}, "
                    f"but the symposium's times are in {zone.key} (UTC{moment:%z} then, when it is "
                    f"{clock(moment)} on {moment:%Y-%m-%d}); expected an event-local time such as "
                    f"{clock(value, meridiem=False)}, or the offset {moment.isoformat()[-6:]} "
                    f"(until then it is published at the instant written, {clock(moment)})",
                    key,
                )
        if moment is None:
            # read with the offset of the hour after the change: 2:30 on a night that skips from
            # 2:00 to 3:00 is 1:30 before it, an hour before 3:30 as the clocks meant it
            when = dt.datetime.combine(value.date(), value.time()) if isinstance(value, dt.datetime) else dt.datetime.combine(day, value)
            moment = in_zone(when.replace(tzinfo=zone, fold=1).astimezone(dt.UTC), zone)
            self.problem("schedule", f"{self.where(key)!r}: {note}; expected a time that exists that day "
                                     f"(until then it is read as {clock(moment)})", key)
            note = ""
        if note:
            self.problem("schedule", f"{self.where(key)!r}: {note}", key)
        if key == "start" and "date" in self.data and isinstance(value, dt.datetime) and moment.date() != day:
            self.problem(
                "schedule",
                f"{self.where('date')!r} is {day.isoformat()}, but {self.where(key)!r} names {moment:%Y-%m-%d}; "
                "expected one day (leave 'date' out when the start gives it)",
                "date",
            )
        return moment


#: what becomes of an item whose end cannot be read (the problem says so)
_WITHOUT_AN_END = "until then the item is listed at its start, without an end"


def left_out(message: str, what: str = "the item") -> str:
    """A problem's message, saying that ``what`` is left out of the program and the exports:
    "…; the item is left out of the program and the exports: expected …"."""
    said = f"{what} is left out of the program and the exports"
    head, found, tail = message.partition("expected ")
    return f"{head}{said}: {found}{tail}" if found else f"{message}; {said}"


def kind_of(value: object) -> str:
    """What a value is, as a problem says what it got: ``a list``, ``a number 30``, ``true/false True``."""
    names = {dict: "a mapping", list: "a list", bool: "true/false", int: "a number", float: "a number", str: "text"}
    return names.get(type(value), type(value).__name__) + (f" {value!r}" if not isinstance(value, (dict, list)) else "")
