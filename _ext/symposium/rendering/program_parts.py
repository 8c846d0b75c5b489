"""What the program table, the grid and the talk header share in rendering an item:
the days of the program, an item's heading, the classes attendee.js reads, and the slot of
attendee.js's toolbar."""

from __future__ import annotations

import datetime as dt
import json
from itertools import groupby

from docutils import nodes

from ..exports.addresses import CHANGES_FEED, builds_website, writes_exports
from ..model.entities import ProgramItem, Session, slugify
from ..model.media import embed_of
from ..model.rooms import stream_of
from . import words
from .browser_names import NAMES
from .page_context import PageContext, joined


def program_days(ctx: PageContext, program: list[ProgramItem], prefix: str) -> tuple[list, dict, list[nodes.Node]]:
    """The program's days (after ``symposium_day_change``) with their items, an anchor for each
    day (``<prefix>-2026-06-02``), and on an event of several days the "Days:" line that jumps to them."""
    days = [(day, list(items)) for day, items in groupby(program, key=lambda i: ctx.event.program_day(i.start))]
    anchors = {day: ctx.unique_id(f"{prefix}-{day:%Y-%m-%d}") for day, _ in days}
    if len(days) < 2:
        return days, anchors, []
    # each day's link in its own element, the " · " between them in it too: attendee.js hides
    # the day a filter empties, link and separator
    links = [nodes.inline("", "", *([nodes.inline(text=" \u00b7 ", classes=["symposium-day-sep"])] if n else []),
                          nodes.reference("", ctx.long_date(day), refid=anchors[day]), classes=[NAMES.day_link])
             for n, (day, _) in enumerate(days)]
    return days, anchors, [nodes.paragraph("", "", nodes.Text(words.DAYS), *links, classes=[NAMES.days_line])]


def item_heading(ctx: PageContext, item: ProgramItem, **attributes) -> nodes.paragraph:
    """The item's type badge (unless the title says it already), its status mark and its title,
    linked to its page."""
    title = nodes.paragraph(**attributes)
    if item.type_label and item.type_label.casefold() != item.title.casefold():
        title += ctx.badge(item)
        title += nodes.Text(" ")
    title += board_mark(item)
    title += ctx.titled(item)
    return title


def board_mark(item: ProgramItem) -> list[nodes.Node]:
    """"Board 12 · " before a poster's title; nothing for an item without a board."""
    if not item.board:
        return []
    return [nodes.inline(text=words.board_label(item.board), classes=["symposium-board"]), nodes.Text(" \u00b7 ")]


#: the id of a talk page's video player, which a "Video" mark leads to
VIDEO_ANCHOR = "symposium-video"


def material_marks(ctx: PageContext, item: ProgramItem) -> list[nodes.Node]:
    """" Slides · Video" after an item's title: its slides, and its video (the player on the
    talk's page, where it has one, else the video's address); nothing without material."""
    marks: list[nodes.Node] = []
    if item.slides:
        marks.append(nodes.reference("", words.SLIDES, refuri=ctx.url(item.slides), classes=["symposium-mark"]))
    if item.video:
        marks.append(video_link(ctx, item, words.VIDEO, classes=["symposium-mark"]))
    if not marks:
        return []
    return [nodes.Text(" "), nodes.inline("", "", *joined(marks, " "), classes=["symposium-marks"])]


def stream_mark(ctx: PageContext, item: ProgramItem) -> list[nodes.Node]:
    """" Stream" after an item's title, linking to where it is streamed; nothing when it is not."""
    stream = stream_of(item, ctx.event)
    if not stream:
        return []
    mark = nodes.reference("", words.STREAM, refuri=stream, classes=["symposium-mark", "symposium-stream-mark"])
    return [nodes.Text(" "), nodes.inline("", "", mark, classes=["symposium-marks"])]


def room_facts(ctx: PageContext, room: str, stream: str | None = None) -> list[nodes.Node]:
    """What ``symposium_rooms`` says of a room beside its name: "Ground floor, Building 1 ·
    300 seats · Map and directions · Watch the stream", each part only when given; ``stream``
    (a talk's) in place of the room's when given."""
    record = ctx.event.room_record(room)
    stream = record.stream if stream is None and record is not None else stream
    parts: list[nodes.Node] = []
    if record is not None and record.description:
        parts.append(nodes.inline(text=record.description, classes=["symposium-room-description"]))
    if record is not None and record.capacity:
        parts.append(nodes.inline(text=words.seats(record.capacity), classes=["symposium-room-capacity"]))
    if record is not None and record.map:
        parts.append(nodes.reference("", words.MAP_AND_DIRECTIONS, refuri=record.map, classes=["symposium-room-map"]))
    if stream:
        parts.append(nodes.reference("", words.WATCH_STREAM, refuri=stream, classes=["symposium-stream-link"]))
    return joined(parts, " \u00b7 ") if parts else []


def room_card(ctx: PageContext, room: str) -> list[nodes.Node]:
    """Above the program of one room (``:room:``): where the room is, its map and stream."""
    facts = room_facts(ctx, room)
    return [nodes.paragraph("", "", *facts, classes=["symposium-room-facts"])] if facts else []


def video_link(ctx: PageContext, item: ProgramItem, text: str, classes: list[str]) -> nodes.Node:
    """A link to an item's video: to the player on its talk page in a website, else to the video."""
    if item.has_page and embed_of(item.video) is not None and builds_website(ctx.builder):
        return ctx.link_to(item.docname, nodes.Text(text), classes=classes, anchor=VIDEO_ANCHOR)
    return nodes.reference("", text, refuri=ctx.url(item.video), classes=classes)


def updated_mark(ctx: PageContext, item: ProgramItem) -> list[nodes.Node]:
    """" Updated", beside an item the latest version of the program changed (discreet: a word,
    no colour alone); nothing for the others."""
    if item.slug not in ctx.store.history.updated_in_latest:
        return []
    return [nodes.Text(" "), nodes.inline(text=words.UPDATED, classes=["symposium-updated"])]


def program_tools(ctx: PageContext, program: list[ProgramItem], *, toolbar: bool) -> list[nodes.Node]:
    """What a program listing (table or grid) shows above its days for attendee.js.

    The listing that holds the page's toolbar (``PagePlan.toolbar``: the first that shows
    items; one toolbar serves them all) gets the "last changed" line and the toolbar's slot,
    where attendee.js puts its toolbar (stars, filter, calendar, share): empty in the page,
    its height kept for the toolbar (attendee.css) so that the program does not move when the
    toolbar appears. The others give only their rooms and tracks, which attendee.js adds to
    the first's.
    """
    places = _places_data(ctx, program)
    if not toolbar:
        return places
    return [*_last_changed_line(ctx), nodes.container("", *places, *_changes_data(ctx), classes=[NAMES.tools_slot])]


def _places_data(ctx: PageContext, program: list[ProgramItem]) -> list[nodes.Node]:
    """For the toolbar's room and track filter, the rooms and tracks of the items shown, in
    the program's order, with the keys of their rows' classes; nothing where there is
    nothing to choose."""
    shown_rooms = {item.room for item in program}
    shown_tracks = {item.track for item in program}
    places = {
        "rooms": [{"name": r, "key": slugify(r)} for r in ctx.store.views.rooms if r in shown_rooms],
        "tracks": [{"name": t, "key": slugify(t)} for t in ctx.store.views.tracks if t in shown_tracks],
    }
    if not (places["rooms"][1:] or places["tracks"]):
        return []
    data = json.dumps(places, ensure_ascii=False).replace("<", "\\u003c")
    return [nodes.raw("", f'<script type="application/json" class="{NAMES.places}">{data}</script>', format="html")]


def _changes_data(ctx: PageContext) -> list[nodes.Node]:
    """For attendee.js's notice to visitors with stars ("2 of your starred talks changed since
    your last visit"): the versions of the program in order, the versions that changed each
    item, and the change log's address."""
    history = ctx.store.history
    if not history.published:
        return []
    versions = [v.short for v in history.current if v.changes or v is history.current[0]]
    changed: dict[str, list[str]] = {}
    for version in history.published:
        for change in version.changes:
            if change.kind == "item":
                changed.setdefault(change.slug, []).append(version.short)
    titles = {change.slug: change.title for version in history.published for change in version.changes}
    log = ctx.store.change_log_page()
    data = {"versions": versions, "changed": changed, "titles": {slug: titles[slug] for slug in changed},
            "log": ctx.builder.get_relative_uri(ctx.docname, log) if log and ctx.builder.format == "html" else ""}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return [nodes.raw("", f'<script type="application/json" class="{NAMES.changes}">{text}</script>', format="html")]


def _last_changed_line(ctx: PageContext) -> list[nodes.Node]:
    """"Program last changed 18 November 2025 · What changed": above the toolbar, when the
    repository's history is known."""
    when = ctx.store.history.last_changed
    if when is None:
        return []
    line = nodes.paragraph(classes=["symposium-last-changed"])
    line += nodes.Text(words.LAST_CHANGED + ctx.long_date(when.astimezone(ctx.event.timezone).date()))
    log = ctx.store.change_log_page()
    if log is not None and log != ctx.docname:
        line += nodes.Text(" \u00b7 ")
        line += ctx.link_to(log, nodes.Text(words.WHAT_CHANGED))
    if writes_exports(ctx.builder):
        line += nodes.Text(" \u00b7 ")
        line += nodes.reference("", words.CHANGES_FEED, refuri=ctx.url(CHANGES_FEED), classes=["symposium-feed-link"])
    return [line]


def status_classes(item: ProgramItem) -> list[str]:
    """``symposium-status-cancelled``, ``symposium-status-tba`` (none for a scheduled item): on
    rows, grid cells, list entries and talk headers, for symposium.css and attendee.js (a
    cancelled item is never "On now" or "Next")."""
    return [] if item.status == "scheduled" else [NAMES.status + item.status]


def chairs_label(session: Session) -> str:
    return words.chairs_label(len(session.chairs))


def place_classes(room: str, track: str) -> list[str]:
    """``symposium-room-<key>``, ``symposium-track-<key>``: what the room and track filter of
    attendee.js reads (the keys are in the page's data, beside the names)."""
    return [prefix + slugify(value) for prefix, value in ((NAMES.room, room), (NAMES.track, track)) if value]


def session_class(session_id: str) -> str:
    """``symposium-in-session-<key>``, on a session's talks: attendee.js hides a session's
    heading when a filter hides all of its talks."""
    return NAMES.in_session + slugify(session_id)


def day_block(*children: nodes.Node) -> nodes.container:
    """The heading and listing of one day of the program, together: attendee.js hides a
    day whose items a filter hides, heading and all."""
    return nodes.container("", *children, classes=[NAMES.program_day])


def item_class(item: ProgramItem) -> str:
    """``symposium-item-<slug>``: attendee.js reads an item's slug (its calendar UID is
    ``<slug>@<acronym>``) from this class, on program rows and talk headers."""
    return NAMES.item + item.slug


def announced_soon(text: str = "") -> list[nodes.Node]:
    """What a listing shows while it has nothing to show (by default, that the program is to come)."""
    return [nodes.paragraph(text=text or words.PROGRAM_SOON, classes=["symposium-empty"])]


def day_zones(ctx: PageContext, items: list[ProgramItem]) -> tuple[str, str]:
    """What a day's caption says of its times, and the zone its time column names: ``""`` on
    the day the clocks change, where each time says its own zone instead."""
    moments = sorted(moment for item in items for moment in (item.start, item.end))
    first_in_zone: dict[str, dt.datetime] = {}
    for moment in moments:
        first_in_zone.setdefault(ctx.zone_label(moment), moment)
    if len(first_in_zone) == 1:
        first = items[0].start
        return words.times_are(ctx.zone_name(first), ctx.zone_label(first)), ctx.zone_label(first)
    return words.times_change([f"{ctx.zone_name(moment)} ({label})" for label, moment in first_in_zone.items()]), ""


def table_row(cells: list[nodes.Node]) -> nodes.row:
    """A docutils table row, one entry per cell (the program table's and the materials')."""
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += cell
        row += entry
    return row
