"""A program from a frab schedule, as frab, pretalx and this site write it (``schedule.xml`` or
``schedule.json``): its days, rooms, tracks, persons, biographies and links."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any
from xml.etree import ElementTree
from xml.parsers import expat

from ..entities import SLUG, TALK_TYPES, Event
from ..imported_text import clean_line, imported_markdown
from ..link_targets import is_web_address
from ..times import clock, in_zone
from .item_types import item_type, title_type
from .people import People, page_slugs, title_slug
from .program import ImportedItem, ImportedProgram, ImportProblem, Where


def read_schedule(data: bytes, path: str, event: Event) -> ImportedProgram:
    """A program from a frab schedule as frab, pretalx and this site write it (``schedule.xml`` or
    ``schedule.json``): its days, rooms, tracks, persons and links."""
    text = data.decode("utf-8-sig", errors="replace").lstrip()
    if text.startswith("{"):
        return _FrabReader(path, event).from_json(text)
    return _FrabReader(path, event).from_xml(data)


class _FrabReader:
    def __init__(self, path: str, event: Event) -> None:
        self.path, self.event = path, event
        self.program = ImportedProgram()
        self.people = People(self.program)
        #: biographies (and names) of a ``<persons>`` block, by the person's id
        self.biographies: dict[str, tuple[str, str]] = {}
        #: events whose <date> and <start> say two times: (where, what)
        self.contradictions: list[tuple[Where, str]] = []

    def problem(self, where: Where, message: str) -> None:
        self.program.problems.append(ImportProblem(where, message))

    # -- JSON: {"schedule": {"conference": {"days": [{"rooms": {name: [event...]}}]}}}

    def from_json(self, text: str) -> ImportedProgram:
        try:
            data = json.loads(text)
        except ValueError as err:
            line = getattr(err, "lineno", None)
            self.problem(Where(self.path, line), f"not JSON ({getattr(err, 'msg', err)}); expected a frab schedule.json")
            return self.program
        conference = data.get("schedule", {}).get("conference") if isinstance(data, dict) else None
        if not isinstance(conference, dict) or not isinstance(conference.get("days"), list):
            self.problem(Where(self.path, 1), "no 'schedule': {'conference': {'days': [...]}}; expected a frab "
                         "schedule.json as frab and pretalx export it")
            return self.program
        self.program.timezone = str(conference.get("time_zone_name") or "")
        if not self.same_zone(Where(self.path, None, "schedule.conference.time_zone_name")):
            return self.program
        self.day_boundaries([(day.get("date"), day.get("day_start") or day.get("start"), day.get("day_end") or day.get("end"))
                             for day in conference["days"] if isinstance(day, dict)],
                            conference.get("day_change"), Where(self.path, None, "schedule.conference.days[0].day_end"))
        for d, day in enumerate(conference["days"]):
            rooms = day.get("rooms") if isinstance(day, dict) else None
            for room, events in (rooms or {}).items():
                for e, entry in enumerate(events if isinstance(events, list) else []):
                    where = Where(self.path, None, f"days[{d}].rooms[{room!r}][{e}]")
                    if not isinstance(entry, dict):
                        self.problem(where, "expected an event (a mapping)")
                        continue
                    persons = []
                    for person in entry.get("persons") or []:
                        if isinstance(person, dict):
                            ident = person.get("code") or person.get("guid") or person.get("id")
                            persons.append((str(person.get("public_name") or person.get("name") or ""),
                                            str(person.get("url") or ""), str(person.get("biography") or ""),
                                            f"id:{ident}" if ident not in (None, "") else ""))
                        elif isinstance(person, str):
                            persons += [(name, "", "", "") for name in _name_list(person)]
                    links = [(str(link.get("title") or ""), str(link.get("url") or ""), str(link.get("type") or ""))
                             for link in entry.get("links") or [] if isinstance(link, dict)]
                    self.event_(where, {key: entry.get(key) for key in (
                        "guid", "id", "date", "start", "duration", "title", "type", "track", "abstract",
                        "description", "url", "slug")} | {"room": entry.get("room") or room}, persons, links)
        self.finish()
        return self.program

    # -- XML: <schedule><day><room><event>...

    def from_xml(self, data: bytes) -> ImportedProgram:
        try:
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError as err:
            self.problem(Where(self.path, err.position[0]), f"not XML ({err}); expected a frab schedule.xml")
            return self.program
        if root.tag != "schedule":
            self.problem(Where(self.path, 1), f"the root element is <{root.tag}>; expected <schedule>, as frab and "
                         "pretalx export it")
            return self.program
        conference = root.find("conference")
        if conference is not None:
            self.program.timezone = (conference.findtext("time_zone_name") or "").strip()
        if not self.same_zone(Where(self.path, (_lines_of(data, "time_zone_name") or [1])[0])):
            return self.program
        self.day_boundaries([(day.get("date"), day.get("start"), day.get("end")) for day in root.iter("day")],
                            conference.findtext("day_change") if conference is not None else None,
                            Where(self.path, (_lines_of(data, "day") or [None])[0]))
        for block in root.findall("persons"):  # a <persons> block of the whole schedule: biographies by id
            for person in block.iterfind("person"):
                ident = person.get("id") or person.get("guid") or ""
                name = next((person.findtext(key) for key in ("public_name", "full_public_name", "name")
                             if (person.findtext(key) or "").strip()), "") or (person.text or "")
                biography = next((person.findtext(key) for key in ("biography", "abstract", "description")
                                  if (person.findtext(key) or "").strip()), "")
                if ident:
                    self.biographies[f"id:{ident}"] = (name.strip(), biography or "")
        lines = iter(_lines_of(data, "event"))  # ElementTree keeps no lines: expat's, in document order
        for day in root.iter("day"):
            for room in day.iter("room"):
                for entry in room.iter("event"):
                    where = Where(self.path, next(lines, None))
                    values: dict[str, Any] = {key: entry.findtext(key) for key in (
                        "date", "start", "duration", "title", "type", "track", "abstract", "description", "url",
                        "slug", "room")}
                    values |= {"guid": entry.get("guid"), "id": entry.get("id")}
                    values["room"] = values["room"] or room.get("name") or ""
                    persons = []
                    for p in entry.iterfind("persons/person"):
                        ident = p.get("id") or p.get("guid") or ""
                        name = p.findtext("name") or p.findtext("public_name") or p.text or ""
                        biography = p.findtext("biography") or ""
                        if ident:
                            persons.append((name, "", biography, f"id:{ident}"))
                        else:  # a hand-made file's "A, B": two people
                            persons += [(one, "", biography, "") for one in _name_list(name)]
                    links = [((link.text or ""), link.get("href") or "", link.get("type") or "")
                             for link in entry.iterfind("links/link")]
                    self.event_(where, values, persons, links)
        self.finish()
        return self.program

    def same_zone(self, where: Where) -> bool:
        """A schedule in another zone than the site's would move every time: said once, nothing read."""
        zone = self.program.timezone
        if zone and zone != self.event.timezone.key:
            self.problem(where, f"the schedule's time zone is {zone}, and conf.py's symposium_timezone is "
                         f"{self.event.timezone.key}; expected one zone: set symposium_timezone = {zone!r} (or "
                         f"`symposium init --timezone {zone}`)")
            return False
        return True

    def day_boundaries(self, days: list[tuple[Any, Any, Any]], day_change: Any, where: Where) -> None:
        """When the file's days end (``<day start=... end=...>``, pretalx's ``day_end``, frab's
        ``day_change``): the time of the night that closes a day, as symposium_day_change says it."""
        zone = self.event.timezone
        found: list[dt.time] = []
        starts: list[dt.time] = []
        for date, start, end in days:
            try:
                day = dt.date.fromisoformat(str(date)[:10]) if date else None
                begin = dt.datetime.fromisoformat(str(start)) if start else None
                close = dt.datetime.fromisoformat(str(end)) if end else None
            except ValueError:
                continue
            if close is not None and close.tzinfo is not None:
                close = in_zone(close, zone).replace(tzinfo=None)
            if begin is not None and begin.tzinfo is not None:
                begin = in_zone(begin, zone).replace(tzinfo=None)
            if begin is not None and (day is None or begin.date() == day):
                starts.append(begin.time())
            if close is not None and day is not None and close.date() > day:
                if close.minute == 59:  # 03:59 is the last minute of a day that ends at 04:00
                    close += dt.timedelta(minutes=1)
                found.append(close.time().replace(second=0, microsecond=0))
        if not found and day_change:
            with contextlib.suppress(ValueError):
                found.append(dt.time.fromisoformat(str(day_change).strip()[:5].rjust(5, "0")))
        change = max(found, default=dt.time(0))
        if starts:
            change = min(change, min(starts))
        change = min(change, dt.time(12))
        if change != dt.time(0):
            self.program.day_change, self.program.day_change_where = change, where

    # -- one event, from either

    def event_(self, where: Where, values: Mapping[str, Any], persons: list[tuple[str, str, str, str]],
               links: list[tuple[str, str, str]]) -> None:
        def text(key: str) -> str:
            value = values.get(key)
            return clean_line(str(value)) if value is not None else ""

        title = text("title")
        if not title:
            self.problem(where, "an event without a title; expected <title>")
            return
        when = self._moment(text("date"), text("start"), where, title)
        minutes = self._duration(text("duration"), where, title)
        if when is None or minutes is None:
            return
        type_text = text("type")
        kind = title_type(title) or (item_type(type_text, self.event.types) if type_text else None)
        if kind is None:
            kind = "contributed"
            if type_text:
                self.program.notes.append(ImportProblem(where, f"{title!r}: type {type_text!r} is read as {kind!r} "
                                                        "(symposium_types in conf.py may name it)", "type"))
        speakers = []
        for name, url, biography, ident in persons:
            known_name, known_biography = self.biographies.get(ident, ("", "")) if ident else ("", "")
            name = clean_line(name) or clean_line(known_name)
            if not name:
                continue
            slug = self.people.add(name, [], where, slug=_last_slug(url, "speakers"),
                                   biography=imported_markdown(biography or known_biography),
                                   unknown_affiliation=True, identity=ident)
            if slug in speakers:
                self.program.notes.append(ImportProblem(where, f"{title!r}: {name!r} is listed twice; the talk names "
                                                        "them once", "listed twice"))
            else:
                speakers.append(slug)
        url = text("url")
        item = ImportedItem(
            title=title, type=kind, where=where, start=when.time(), date=when.date(), duration=minutes,
            identity=f"guid:{text('guid')}" if text("guid") else f"title:{title_slug(title)}@{when:%Y%m%d%H%M}",
            room=text("room"), track=text("track"), speakers=speakers,
            abstract=_paragraphs(values.get("abstract"), values.get("description")),
            slug=_last_slug(url, "talks"),
            page=self.event.types[kind].has_page if kind in self.event.types else kind in TALK_TYPES,
        )
        for label, href, kind_of_link in links:
            label = clean_line(label)
            if not href or href == url or (kind_of_link == "web" and label == "Talk page"):
                continue
            if not is_web_address(href):
                self.program.notes.append(ImportProblem(where, f"{title!r}: link {href!r} is not an http(s) URL; left out"))
            elif kind_of_link == "slides" and not item.slides:
                item.slides = href
            elif kind_of_link in {"media", "video"} and not item.video:
                item.video = href
            else:
                item.links.append((label or href, href))
        self.program.items.append(item)

    def _moment(self, date: str, start: str, where: Where, title: str) -> dt.datetime | None:
        """The event's start on the site's clock: frab's ``date`` is an ISO moment with its offset."""
        zone = self.event.timezone
        try:
            moment = dt.datetime.fromisoformat(date)
        except ValueError:
            self.problem(where, f"{title!r}: date {date!r} is not an ISO date and time; expected "
                         "2026-06-02T09:30:00+02:00")
            return None
        if moment.tzinfo is None:
            if start and re.fullmatch(r"\d{1,2}:\d{2}", start) and moment.time() == dt.time(0):
                hours, minutes = map(int, start.split(":"))
                moment = moment.replace(hour=hours, minute=minutes)
            return moment
        local = in_zone(moment, zone)
        own = re.fullmatch(r"(\d{1,2}):(\d{2})(?::00)?", start)
        said = dt.time(int(own[1]), int(own[2])) if own else None
        if (said is not None and said == local.time().replace(second=0)) or local.utcoffset() == moment.utcoffset():
            return local.replace(tzinfo=None)
        if said is not None and said == moment.time().replace(second=0):
            self.contradictions.append((where, f"<date> {date} is {clock(local)} in {zone.key}, <start> says "
                                               f"{clock(said)}"))
            return None
        if local.utcoffset() != moment.utcoffset():
            self.problem(where, f"{title!r} starts at {moment.isoformat()}, which is {clock(local)} on "
                         f"{local:%Y-%m-%d} in {zone.key} (symposium_timezone); expected a schedule of an event in "
                         f"{zone.key} (or set symposium_timezone to the schedule's zone"
                         f"{f', {self.program.timezone}' if self.program.timezone else ''})")
            return None
        return local.replace(tzinfo=None)

    def _duration(self, text: str, where: Where, title: str) -> int | None:
        match = re.fullmatch(r"(?:(\d+):)?(\d{1,2}):(\d{2})", text)
        if not match:
            self.problem(where, f"{title!r}: duration {text!r} is not HH:MM; expected 00:45")
            return None
        days, hours, minutes = int(match[1] or 0), int(match[2]), int(match[3])
        total = days * 24 * 60 + hours * 60 + minutes  # HH:MM, or DD:HH:MM
        if total <= 0:
            self.problem(where, f"{title!r}: duration {text!r}; expected a positive length")
            return None
        return total

    def finish(self) -> None:
        if self.contradictions:
            (first, what), count = self.contradictions[0], len(self.contradictions)
            more = ", ".join(f"line {where.line}" if where.line else where.pointer for where, _ in self.contradictions[1:4])
            self.problem(first, (
                f"the file says two times for {count} event{'s' * (count != 1)}: {what} (the offset of <date> "
                f"and the clock of <start> disagree{f'; also at {more}' if more else ''}"
                f"{', ...' if count > 4 else ''}); expected one instant: if <start> is the local time, give <date> "
                f"the offset of {self.event.timezone.key} (or leave it out); if <date> is right, <start> should say its "
                "local time"))
        page_slugs(self.program)


def _lines_of(data: bytes, tag: str) -> list[int]:
    """The line of each start tag ``tag``, in document order."""
    lines: list[int] = []
    parser = expat.ParserCreate()
    parser.StartElementHandler = lambda name, attrs: lines.append(parser.CurrentLineNumber) if name == tag else None
    with contextlib.suppress(expat.ExpatError):
        parser.Parse(data, True)
    return lines


def _name_list(text: str) -> list[str]:
    """``Dr. Sebastian Tramp, Andreas Heinecke`` (one person element for two, as hand-made files
    write it): each name."""
    return [name.strip() for name in re.split(r"\s*[,;]\s*|\s+(?:and|und|&)\s+", text) if name.strip()]


def _last_slug(url: str, folder: str) -> str:
    """``https://example.org/talks/learning-graphs/`` -> ``learning-graphs`` (this site's own addresses)."""
    match = re.search(rf"/{folder}/([^/?#]+?)(?:\.html)?/?(?:[?#].*)?$", url or "")
    return match[1] if match and SLUG.match(match[1]) else ""


def _paragraphs(*texts: object) -> str:
    """A frab event's abstract and description (each once), as safe Markdown (:mod:`.imported_text`)."""
    found: list[str] = []
    for text in texts:
        markdown = imported_markdown(text) if isinstance(text, str) else ""
        if markdown and markdown not in found:
            found.append(markdown)
    return "\n\n".join(found)
