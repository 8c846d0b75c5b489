"""iCalendar (RFC 5545) files of the program, made with the ``icalendar`` library.

``program.ics`` holds every item; each talk has a file of its own with the same event
(same UID), so adding one talk and subscribing to the program never give a duplicate.
Times carry the event's IANA zone (TZID) and a VTIMEZONE built from zoneinfo, never a
floating time or a fixed offset (Outlook for Mac shifts those by an hour); a time in the
hour the clocks go back, which a zone's local time cannot pin down, is written in UTC. This is a
published calendar, not an invitation: no METHOD, ORGANIZER or ATTENDEE.

A cancelled item keeps its event, with ``STATUS:CANCELLED``: a calendar subscribed to
``program.ics`` (or holding a talk's file, imported again) matches it by its UID and shows the
cancellation, where an event left out would only vanish, or stay in a calendar that imported it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from ..model.entities import ProgramItem, Speaker
from ..model.identifiers import event_uid
from ..model.times import is_ambiguous
from .site_view import ExportSite


def program_calendar(program: Iterable[ProgramItem], site: ExportSite) -> bytes:
    """The whole program, for download and for subscription (``webcal://``)."""
    calendar = _calendar(site)
    calendar.add("x-wr-calname", f"{site.title} program")
    calendar.add("x-wr-caldesc", site.full_name)
    calendar.add("x-wr-timezone", site.event.timezone.key)
    return _finish(calendar, site, program)


def item_calendar(item: ProgramItem, site: ExportSite) -> bytes:
    """One talk, for the "Add to calendar" link of its page."""
    return _finish(_calendar(site), site, [item])


def person_calendar(speaker: Speaker, items: Iterable[ProgramItem], site: ExportSite) -> bytes:
    """A speaker's part in the program (the link on their page): the same events as ``program.ics``."""
    calendar = _calendar(site)
    calendar.add("x-wr-calname", f"{site.title}: {speaker.name}")
    calendar.add("x-wr-timezone", site.event.timezone.key)
    return _finish(calendar, site, items)


def _calendar(site: ExportSite) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{site.title}//symposium site//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return calendar


#: RFC 5545's STATUS of a VEVENT (3.8.1.11) for each ``status:``. Every event says it, so that an
#: item cancelled and then restored reads CONFIRMED again rather than relying on what a calendar
#: assumes of an event without one. A slot to be announced will happen, but what it holds is not
#: known yet: TENTATIVE ("tentative" in RFC 5545's words), not CONFIRMED.
ICS_STATUS = {"scheduled": "CONFIRMED", "tba": "TENTATIVE", "cancelled": "CANCELLED"}


def _event(item: ProgramItem, site: ExportSite) -> Event:
    zone = site.event.timezone
    url = site.item_url(item)
    event = Event()
    event.add("uid", event_uid(site.acronym, item))
    revision = site.revisions.get(item.slug)
    # From the repository's history: SEQUENCE counts the versions that changed the event's
    # time, place, title or status, so that a calendar importing the file again takes the
    # change; DTSTAMP and LAST-MODIFIED are the date of the last such change (reproducible:
    # a commit's date). Without a history, DTSTAMP is the build's stamp.
    event.add("dtstamp", revision[1] if revision else site.stamp)
    if revision:
        event.add("last-modified", revision[1])
        event.add("sequence", revision[0])
    event.add("dtstart", _calendar_time(item.start, zone))
    if item.ends:
        event.add("dtend", _calendar_time(item.end, zone))
    else:  # an item whose end cannot be read (after a warning) is a moment: DTEND must be after DTSTART
        event.add("duration", dt.timedelta(0))
    # many calendar apps ignore STATUS in a subscribed calendar: the title says it in words too
    event.add("summary", f"{site.say(item.status_label)}: {item.title}" if item.cancelled else item.title)
    event.add("status", ICS_STATUS[item.status])
    event.add("description", _description(item, site, url))
    event.add("location", site.location(item))
    if site.event.venue_geo is not None:
        event.add("geo", site.event.venue_geo)
    if stream := site.stream(item):
        # RFC 7986's CONFERENCE: how to take part from afar, which calendar apps offer as a link
        event.add("conference", stream, parameters={"VALUE": "URI", "FEATURE": "VIDEO", "LABEL": stream_label(item, site)})
    event.add("url", url)
    event.add("categories", [site.say(item.type_label) if item.type_label else item.type])
    # a cancelled item no longer takes the attendee's time (free/busy)
    event.add("transp", "TRANSPARENT" if item.cancelled else "OPAQUE")
    return event


def stream_label(item: ProgramItem, site: ExportSite) -> str:
    """What a calendar shows on the stream's link: "Live stream (Hall A)"."""
    return site.say("Live stream ({room})").format(room=item.room) if item.room else site.say("Live stream")


def _calendar_time(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """The moment in the event's zone; in UTC when its wall-clock time happens twice there (the
    hour the clocks go back), which a TZID time cannot tell apart: readers take the first."""
    local = moment.astimezone(zone)
    return local.astimezone(dt.UTC) if is_ambiguous(local) else local


def _description(item: ProgramItem, site: ExportSite, url: str) -> str:
    """The abstract as plain text, then who speaks and moderates, then the page."""
    parts = [item.abstract] if item.abstract else []
    for role, refs in ((("Speaker:", "Speakers:"), item.speakers), (("Moderator:", "Moderators:"), item.moderators)):
        names = [_person(site.speakers[ref.slug]) for ref in refs if ref.slug in site.speakers]
        if names:
            parts.append(f"{site.say_plural(*role, len(names))} {'; '.join(names)}")
    if item.board:  # the room is the LOCATION; the board is where in it
        parts.append(site.say("Board: {board}").format(board=item.board))
    parts.append(url)
    return "\n\n".join(parts)


def _person(speaker) -> str:
    return f"{speaker.name} ({speaker.affiliation})" if speaker.affiliation else speaker.name


def _finish(calendar: Calendar, site: ExportSite, items: Iterable[ProgramItem]) -> bytes:
    """The calendar with the items' events, and a VTIMEZONE for each zone they use, with its rules
    for a year either side of the event.

    As ``Calendar.add_missing_timezones`` does, but each zone is built once, not once per
    talk's file: it is the same in all of them. Each event is serialized once per build
    (``site.calendar_events``): icalendar writes a component's lines one after another, so an
    event's bytes are the same alone as inside a calendar, and a talk's event is in program.ics,
    its own file and each of its speakers' calendars.
    """
    events = [_event_ical(item, site) for item in items]
    first = site.event.date - dt.timedelta(days=366)
    last = (site.event.end_date or site.event.date) + dt.timedelta(days=366)
    for position, tzid in enumerate(sorted({tzid for _, tzids in events for tzid in tzids})):
        calendar.subcomponents.insert(position, _timezone(tzid, first, last))
    head = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    return head.removesuffix(end) + b"".join(ical for ical, _ in events) + end


def _event_ical(item: ProgramItem, site: ExportSite) -> tuple[bytes, frozenset[str]]:
    """The item's VEVENT as bytes, and the zones (TZIDs) its times name."""
    known = site.calendar_events.get(item.key)
    if known is None:
        event = _event(item, site)
        holder = Calendar()  # what get_missing_tzids reads: the zones a calendar's events name
        holder.add_component(event)
        known = site.calendar_events[item.key] = (event.to_ical(), frozenset(holder.get_missing_tzids()))
    return known


@functools.lru_cache(maxsize=16)
def _timezone(tzid: str, first: dt.date, last: dt.date) -> Timezone:
    return Timezone.from_tzid(tzid, first_date=first, last_date=last)
