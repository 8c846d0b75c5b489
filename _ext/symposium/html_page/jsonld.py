"""schema.org JSON-LD in the ``<head>`` of the home page, each talk page and each speaker page.

The home page is an ``Event`` (the symposium) whose ``subEvent``s are the program's items;
each talk page is an ``Event`` whose ``superEvent`` is the symposium, its video as
``recordedIn`` (a ``VideoObject``) and its slides and further material as ``workFeatured``;
each speaker page is a ``Person``. The data comes from the store; a page's own title and first paragraphs
(``descriptions.prose``) give the names and descriptions that are not front-matter.
Nodes refer to each other by ``@id``: ``<page url>#event`` for the symposium and the talks,
``<page url>#person`` for speakers, ``<page url>#item-<n>`` for items without a page (the
n-th item in that page's ``program: items:``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ..environment.site_values import site_of
from ..environment.store import store_of
from ..exports.addresses import builds_website, file_from_page, file_url, page_url, site_url
from ..model.entities import Event, PersonRef, ProgramItem, Session, Speaker
from ..model.history import History
from ..model.limits import within_limit
from ..model.media import embed_of
from ..model.rooms import stream_of
from .descriptions import prose

SCHEDULED = "https://schema.org/EventScheduled"
#: a cancelled item keeps its name, dates and place (its startDate says which date is cancelled,
#: as schema.org's EventCancelled reads); every other item says EventScheduled, a slot to be
#: announced too: it takes place
CANCELLED = "https://schema.org/EventCancelled"
#: an item the program's history moved in time: its earlier starts in ``previousStartDate``
RESCHEDULED = "https://schema.org/EventRescheduled"
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
#: an item in a room that is also streamed: attended there, or from afar
MIXED = "https://schema.org/MixedEventAttendanceMode"

Node = dict[str, Any]


def add_jsonld(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document | None) -> None:
    """``html-page-context``: one ``<script type="application/ld+json">`` in the page's head."""
    if not builds_website(app.builder) or doctree is None:
        return
    data = page_jsonld(app, pagename, doctree)
    if data is not None:
        context["metatags"] = context.get("metatags", "") + "\n" + script(data)


def script(data: Node) -> str:
    """The element, safe in HTML: no string can close it or open a comment.

    ``<``, ``>`` and ``&`` occur in JSON only inside strings, where ``\\u003c`` and its
    kin mean the same characters to a JSON reader and nothing to an HTML parser.
    """
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def page_jsonld(app: Sphinx, pagename: str, doctree: nodes.document) -> Node | None:
    """The page's JSON-LD, or ``None`` for a page that describes no event or person."""
    store = store_of(app.env)
    urls = _Urls(app, pagename)
    speakers = store.speakers_by_slug()
    site = site_of(app.config)
    writer = _Writer(urls, site.event, speakers, store.views.sessions_by_id, store.history)
    # a copy of the page's text: its short form when it is over the limit (the page warns)
    description = within_limit("\n\n".join(prose(doctree)))
    if pagename == app.config.root_doc:
        node = writer.symposium(
            name=site.name,
            short_name=site.short_name,
            description=description,
            program=list(store.program()),
            host=app.config.symposium_colocated_with or {},
        )
    elif (talk := store.talk(pagename)) is not None:
        # the abstract as written, its lines kept (``talk.abstract`` is its short form already)
        node = writer.item(talk, description=talk.abstract or description)
        node["superEvent"] = {"@id": urls.event_id(app.config.root_doc)}
    elif (speaker := store.speakers.get(pagename)) is not None and speakers.get(speaker.slug) is speaker:
        node = writer.person(speaker, full=True, description=description)
    else:
        return None
    return {"@context": "https://schema.org", **node}


class _Urls:
    """Absolute URLs from ``html_baseurl``; without it, URLs relative to the page."""

    def __init__(self, app: Sphinx, pagename: str) -> None:
        self.app, self.pagename = app, pagename
        self.base = site_url(app.config)

    def page(self, docname: str) -> str:
        if self.base:
            return page_url(self.app.builder, docname)
        return self.app.builder.get_relative_uri(self.pagename, docname)

    def file(self, path: str) -> str:
        if self.base:
            return file_url(self.base, path)
        return file_from_page(self.app.builder, self.pagename, path)

    def event_id(self, docname: str) -> str:
        return f"{self.page(docname)}#event"

    def item_id(self, item: ProgramItem) -> str:
        if item.has_page:
            return self.event_id(item.docname)
        return f"{self.page(item.docname)}#item-{item.slug}"  # its row in the program table

    def session_id(self, session: Session) -> str:
        return f"{self.page(session.docname)}#session-{session.id}"


class _Writer:
    def __init__(self, urls: _Urls, event: Event, speakers: Mapping[str, Speaker],
                 sessions: Mapping[str, Session] | None = None, history: History | None = None) -> None:
        self.urls, self.event, self.speakers, self.sessions = urls, event, speakers, sessions or {}
        self.history = history or History()

    def modified(self, node: Node, when: dt.datetime | None) -> None:
        """When what the node says last changed, from the repository's history: on the page it is
        the main entity of (schema.org gives ``dateModified`` to pages, not to events)."""
        if when is not None and node.get("url"):
            node["mainEntityOfPage"] = {"@type": "WebPage", "@id": node["url"],
                                        "dateModified": when.isoformat(timespec="seconds")}

    def symposium(self, *, name: str, short_name: str, description: str, program: list[ProgramItem],
                  host: dict[str, str]) -> Node:
        url = self.urls.page(self.urls.app.config.root_doc)
        node: Node = {"@type": "Event", "@id": f"{url}#event", "name": name}
        if short_name and short_name != name:
            node["alternateName"] = short_name
        if description:
            node["description"] = description
        node["url"] = url
        if program:
            node["startDate"] = _moment(min(item.start for item in program))
            node["endDate"] = _moment(max(item.end for item in program))
        else:  # the days, until there is a program
            node["startDate"] = self.event.date.isoformat()
            node["endDate"] = (self.event.end_date or self.event.date).isoformat()
        node |= {"eventStatus": SCHEDULED, "eventAttendanceMode": OFFLINE}
        self.modified(node, self.history.last_changed)
        if place := self.place(""):
            node["location"] = place
        # the people who open the symposium are its organisers (its co-chairs)
        organisers = _unique(ref for item in program if item.type == "opening" for ref in item.speakers + item.moderators)
        if people := self.people(organisers):
            node["organizer"] = people
        if host.get("name"):
            node["superEvent"] = {"@type": "Event", "name": host["name"]} | ({"url": host["url"]} if host.get("url") else {})
        if program:
            node["subEvent"] = self.sub_events(program)
        return node

    def sub_events(self, program: list[ProgramItem]) -> list[Node]:
        """The program: a talk by its ``@id`` (its page describes it), an item without a page in
        full, and a session as an ``Event`` whose ``subEvent`` are its talks."""
        events: list[Node] = []
        sessions: dict[str, Node] = {}
        for item in program:
            entry = {"@id": self.urls.item_id(item)} if item.has_page else self.item(item)
            session = self.sessions.get(item.session) if item.session else None
            if session is None:
                events.append(entry)
                continue
            if session.id not in sessions:
                sessions[session.id] = self.session(session)
                events.append(sessions[session.id])
            sessions[session.id]["subEvent"].append(entry)
        return events

    def session(self, session: Session) -> Node:
        node: Node = {"@type": "Event", "@id": self.urls.session_id(session), "name": session.title,
                      "startDate": _moment(session.start), "endDate": _moment(session.end),
                      "eventStatus": SCHEDULED, "eventAttendanceMode": OFFLINE}
        if place := self.place(session.room):
            node["location"] = place
        if stream := stream_of(session, self.event):
            self.streamed(node, place, stream)
        if chairs := self.people(session.chairs):
            node["organizer"] = chairs
        node["subEvent"] = []
        return node

    def item(self, item: ProgramItem, *, description: str = "") -> Node:
        node: Node = {"@type": "Event", "@id": self.urls.item_id(item), "name": item.title}
        if item.poster:  # schema.org has no type of its own for a poster presentation
            node["additionalType"] = item.type_label
        if description:
            node["description"] = description
        if item.language:
            node["inLanguage"] = item.language
        if item.has_page:
            node["url"] = self.urls.page(item.docname)
        moved_from = self.history.previous_starts.get(item.slug)
        node |= {
            "startDate": _moment(item.start),
            # an item whose end cannot be read (after a warning) says only when it starts
            **({"endDate": _moment(item.end)} if item.ends else {}),
            "eventStatus": CANCELLED if item.cancelled else RESCHEDULED if moved_from else SCHEDULED,
            "eventAttendanceMode": OFFLINE,
        }
        if moved_from and not item.cancelled:
            node["previousStartDate"] = [_moment(dt.datetime.fromisoformat(start)) for start in moved_from]
        if item.has_page and (revision := self.history.revisions.get(item.slug)):
            self.modified(node, revision[1])
        if place := self.place(item.room):
            node["location"] = place
        if stream := stream_of(item, self.event):
            self.streamed(node, place, stream)
        if performers := self.people(item.speakers):
            node["performer"] = performers
        if moderators := self.people(item.moderators):
            node["contributor"] = moderators
        if item.video:
            node["recordedIn"] = self.recording(item)
        if works := self.works(item):
            node["workFeatured"] = works
        return node

    def streamed(self, node: Node, place: Node | None, stream: str) -> None:
        """schema.org's way of an event both in a room and online: both places, and the mixed mode."""
        online = {"@type": "VirtualLocation", "url": stream}
        node["location"] = [place, online] if place else online
        node["eventAttendanceMode"] = MIXED

    def recording(self, item: ProgramItem) -> Node:
        """The talk's video, a ``VideoObject``: where it is, and the player a page may embed."""
        node: Node = {"@type": "VideoObject", "name": item.title, "url": self.urls.file(item.video)}
        embed = embed_of(item.video)
        if embed is not None and embed.is_file:
            node["contentUrl"] = self.urls.file(item.video)
        elif embed is not None:
            node["embedUrl"] = embed.player
        return node

    def works(self, item: ProgramItem) -> list[Node]:
        """What the talk presents: its slides, and its further material."""
        works: list[Node] = []
        if item.slides:
            works.append({"@type": "PresentationDigitalDocument", "name": f"{item.title} (slides)",
                          "url": self.urls.file(item.slides)})
        works += [{"@type": "CreativeWork", "name": link.title, "url": self.urls.file(link.url)} for link in item.links]
        return works

    def place(self, room: str) -> Node | None:
        """The room (or the venue, without one) as a ``Place``, with the venue's address."""
        parts = [part.strip() for part in self.event.venue.split(",") if part.strip()]
        venue: Node | None = None
        if parts:
            venue = {"@type": "Place", "name": parts[0]}
            if address := _address(parts[1:]):
                venue["address"] = address
            if self.event.venue_geo is not None:
                latitude, longitude = self.event.venue_geo
                venue["geo"] = {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}
        if not room:
            return venue
        place: Node = {"@type": "Place", "name": room}
        if (record := self.event.room_record(room)) is not None:
            if record.description:
                place["description"] = record.description
            if record.map:
                place["hasMap"] = record.map
            if record.capacity:
                place["maximumAttendeeCapacity"] = record.capacity
        if venue is not None:
            if "address" in venue:
                place["address"] = venue["address"]
            place["containedInPlace"] = venue
        return place

    def people(self, refs: Iterable[PersonRef]) -> list[Node]:
        return [self.person(self.speakers[ref.slug]) for ref in refs if ref.slug in self.speakers]

    def person(self, speaker: Speaker, *, full: bool = False, description: str = "") -> Node:
        url = self.urls.page(speaker.docname)
        node: Node = {"@type": "Person", "@id": f"{url}#person", "name": speaker.name, "url": url}
        if full and speaker.honorific:
            node["honorificPrefix"] = speaker.honorific
        if full and speaker.position:
            node["jobTitle"] = speaker.position
        if speaker.affiliations:
            node["affiliation"] = [{"@type": "Organization", "name": name} for name in speaker.affiliations]
        if full and speaker.links:
            node["sameAs"] = [link.url for link in speaker.links]
        if full and speaker.photo:
            node["image"] = self.urls.file(speaker.photo)
        if description:
            node["description"] = description
        return node


def _address(parts: list[str]) -> Node | None:
    """``St. Louis, Missouri, USA``: the locality first, the country last, the region between.

    Only what the venue's text says: no street or postal code is guessed.
    """
    if not parts:
        return None
    address: Node = {"@type": "PostalAddress", "addressLocality": parts[0]}
    if len(parts) > 2:
        address["addressRegion"] = ", ".join(parts[1:-1])
    if len(parts) > 1:
        address["addressCountry"] = parts[-1]
    return address


def _moment(when: dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


def _unique(refs: Iterable[PersonRef]) -> list[PersonRef]:
    seen: dict[str, PersonRef] = {}
    for ref in refs:
        seen.setdefault(ref.slug, ref)
    return list(seen.values())
