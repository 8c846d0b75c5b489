"""The program as a frab/c3voc schedule: ``schedule.json`` and ``schedule.xml``.

The format that Giggity, EventFahrplan and ConfClerk read, checked against the schemas
in ``shared/validators``. The JSON is built first; the XML is written from the same
data, so the two cannot disagree. (c3voc-schedule-tools, the format's own library, pins
old icalendar, lxml and pytz, so the site writes the format itself.)

A cancelled item is left out. The format has no word for it: c3voc's JSON schema allows no
property beyond its list on an event (``additionalProperties: false``, and no status among
them), nor does its XSD. The apps read a cancellation from an event that is gone:
EventFahrplan compares each new schedule with the one it had (by the event's id), lists an
event missing from the new one as "canceled" among the schedule's changes and no longer
counts it among the starred ones; Giggity reads an event's id, title, times, room, people
and text, and shows what the file holds. Kept with a "Cancelled:" title, the event would stay
in both apps' grids and starred lists as one that takes place. Its ``id`` and ``guid`` are
never given to another item: they come from its slug (``identifiers.py``), and the build
reports an item that would take the identifiers of any item of the program, cancelled ones
included. A slot to be announced is kept, with "To be announced" as its subtitle when its
title does not say it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from itertools import groupby
from typing import Any
from xml.etree import ElementTree

from ..model.entities import ProgramItem
from ..model.identifiers import event_number, frab_slug, guid
from .site_view import ExportSite

SCHEMA = "https://c3voc.de/schedule/schema.json"
#: the smallest step of the program's times that the apps draw in their grid
TIMESLOT = "00:05"


def schedule(program: Iterable[ProgramItem], site: ExportSite, generator: dict[str, str]) -> dict[str, Any]:
    """The schedule as the JSON format's object."""
    items = [item for item in program if not item.cancelled]
    event = site.event
    # a day of the program ends at symposium_day_change, as frab's day_change
    by_day = [(day, list(day_items)) for day, day_items in groupby(items, key=lambda i: event.program_day(i.start))]
    numbers = _day_numbers([day for day, _ in by_day], event.dates)
    days = [_day(numbers[day], day, day_items, site) for day, day_items in by_day]
    rooms = _in_listed_order((site.room(item) for item in items), event.rooms)
    tracks = _in_listed_order((track for item in items if (track := site.track(item))), event.tracks)
    conference: dict[str, Any] = {
        "acronym": site.acronym,
        "title": site.full_name,
        "start": _moment(items[0].start) if items else site.event.date.isoformat(),
        "end": _moment(max(i.end for i in items)) if items else (site.event.end_date or site.event.date).isoformat(),
        "daysCount": max(len(site.event.dates), max(numbers.values(), default=0)),
        "timeslot_duration": TIMESLOT,
        "time_zone_name": site.event.timezone.key,
        "url": site.base_url,
        "rooms": [_room(room, site) for room in rooms],
        "tracks": [{"name": track} for track in tracks],
        "days": days,
    }
    return {
        "$schema": SCHEMA,
        "generator": generator,
        "schedule": {
            # changes exactly when the schedule does, so apps can tell an update; named after the
            # program's last change in the repository where it has one
            "version": _version(site, hashlib.sha256(json.dumps(conference, sort_keys=True).encode()).hexdigest()[:12]),
            "base_url": site.base_url,
            "conference": conference,
        },
    }


def _room(name: str, site: ExportSite) -> dict[str, Any]:
    """A room with what ``symposium_rooms`` says of it that the format has words for."""
    room: dict[str, Any] = {"name": name, "guid": guid(site.acronym, "room", name)}
    record = site.event.room_record(name)
    if record is not None and record.description:
        room["description"] = record.description
    if record is not None and record.capacity:
        room["capacity"] = record.capacity
    return room


def _version(site: ExportSite, digest: str) -> str:
    """"2025-11-18 (abc1234)", the program's last change; the digest of the schedule after it,
    so that a build with changes not yet committed still names another version."""
    return f"{site.version}, {digest[:8]}" if site.version else digest


def _in_listed_order(used: Iterable[str], listed: tuple[str, ...]) -> list[str]:
    """The names used, in the order ``conf.py`` lists them (``symposium_rooms``, ``symposium_tracks``),
    then the others as they first come."""
    used = list(dict.fromkeys(used))
    return [name for name in listed if name in used] + [name for name in used if name not in listed]


def _day_numbers(days: list[dt.date], event_days: list[dt.date]) -> dict[dt.date, int]:
    """Each day's number: its place in the event (1 for its first day, also when a day has no
    items); a day outside the event, which the build warns about, after the event's days, so
    that no two days share a number and the schedule stays valid."""
    numbers = {day: event_days.index(day) + 1 for day in days if day in event_days}
    for extra, day in enumerate(sorted(day for day in days if day not in numbers), start=len(event_days) + 1):
        numbers[day] = extra
    return numbers


def _day(index: int, day: dt.date, items: list[ProgramItem], site: ExportSite) -> dict[str, Any]:
    rooms: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        rooms.setdefault(site.room(item), []).append(_event(item, site))
    return {
        "index": index,
        "date": day.isoformat(),
        "day_start": _moment(items[0].start),
        "day_end": _moment(max(i.end for i in items)),
        "rooms": rooms,
    }


def _event(item: ProgramItem, site: ExportSite) -> dict[str, Any]:
    url = site.item_url(item)
    links = [{"url": site.file_url(item.slides), "title": site.say("Slides"), "type": "slides"}] if item.slides else []
    links += [{"url": site.file_url(item.video), "title": site.say("Video"), "type": "media"}] if item.video else []
    links += [{"url": site.file_url(link.url), "title": link.title, "type": "related"} for link in item.links]
    if item.has_page:
        links.append({"url": url, "title": site.say("Talk page"), "type": "web"})
    return {
        "guid": guid(site.acronym, "event", item.slug),
        "id": event_number(site.acronym, item),
        "date": _moment(item.start),
        "start": f"{item.start:%H:%M}",
        "duration": _hours_minutes(item.end - item.start),
        "room": site.room(item),
        "slug": frab_slug(site.acronym, item),
        "url": url,
        "title": item.title,
        "subtitle": _subtitle(item, site),
        "track": site.track(item),
        "type": item.type,
        "language": item.language or site.language,
        "abstract": item.abstract,
        "description": None,
        "persons": [
            {"name": speaker.name, "guid": guid(site.acronym, "person", speaker.slug), "url": site.speaker_url(speaker)}
            for speaker in site.people(item)
        ],
        "links": links,
        # `recording: false`: the video team leaves it out (schedule.xml's <recording><optout>)
        "do_not_record": not item.recording,
    }


def _subtitle(item: ProgramItem, site: ExportSite) -> str:
    """What the apps show under the title: "To be announced" for such a slot; a poster's board."""
    if item.status == "tba" and item.title != item.status_label:
        return site.say(item.status_label)
    return site.say("Board {board}").format(board=item.board) if item.board else ""


def _moment(when: dt.datetime) -> str:
    return when.isoformat()  # with the event's offset, as in 2025-11-21T08:35:00-06:00


def _hours_minutes(length: dt.timedelta) -> str:
    """``HH:MM``; items are shorter than a day (the model warns otherwise), as Giggity needs."""
    hours, minutes = divmod(int(length.total_seconds()) // 60, 60)
    return f"{hours:02d}:{minutes:02d}"


# -- the same data as XML ----------------------------------------------------------------------


def schedule_xml(data: dict[str, Any]) -> bytes:
    """``schedule.xml`` from the JSON object, in the element order of the c3voc XSD."""
    conference = data["schedule"]["conference"]
    root = ElementTree.Element("schedule")
    ElementTree.SubElement(root, "generator", {k: str(v) for k, v in data["generator"].items()})
    _text(root, "version", data["schedule"]["version"])
    element = ElementTree.SubElement(root, "conference")
    for key, tag in (("title", "title"), ("acronym", "acronym"), ("start", "start"), ("end", "end"),
                     ("daysCount", "days"), ("timeslot_duration", "timeslot_duration"), ("url", "base_url"),
                     ("url", "url"), ("time_zone_name", "time_zone_name")):
        _text(element, tag, conference[key])
    for track in conference["tracks"]:
        ElementTree.SubElement(element, "track", {"name": track["name"]})
    rooms = {room["name"]: room["guid"] for room in conference["rooms"]}
    for day in conference["days"]:
        day_element = ElementTree.SubElement(root, "day", {
            "index": str(day["index"]), "date": day["date"], "start": day["day_start"], "end": day["day_end"]})
        for room, events in day["rooms"].items():
            room_element = ElementTree.SubElement(day_element, "room", {"name": room, "guid": rooms[room]})
            for event in events:
                _event_xml(room_element, event)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _event_xml(parent: ElementTree.Element, event: dict[str, Any]) -> None:
    element = ElementTree.SubElement(parent, "event", {"id": str(event["id"]), "guid": event["guid"]})
    for key in ("room", "title", "subtitle", "type", "date", "start", "duration", "abstract", "slug", "track"):
        _text(element, key, event[key])
    persons = ElementTree.SubElement(element, "persons")
    for person in event["persons"]:
        _text(persons, "person", person["name"], guid=person["guid"])
    _text(element, "language", event["language"])
    _text(element, "description", event["description"])
    recording = ElementTree.SubElement(element, "recording")
    _text(recording, "license", "")
    _text(recording, "optout", "true" if event["do_not_record"] else "false")
    links = ElementTree.SubElement(element, "links")
    for link in event["links"]:
        _text(links, "link", link["title"], href=link["url"], type=link["type"])
    _text(element, "url", event["url"])


def _text(parent: ElementTree.Element, tag: str, value: object, **attributes: str) -> None:
    """An element holding ``value`` as text; JSON's ``null`` is an empty element."""
    ElementTree.SubElement(parent, tag, attributes).text = "" if value is None else str(value)
