"""The program as tables: one per day of the program, sorted by time.

For a conference of several days, a list of the days comes first and each day has a
heading to jump to; a column gives the room when there is more than one; a session's
title, track, room and chairs head its talks. A one-room, one-day symposium reads as
a single plain table.
"""

from __future__ import annotations

from docutils import nodes

from ..model.entities import ProgramItem, board_order
from ..model.selection import ALL, Selection
from . import words
from .browser_names import NAMES
from .html_nodes import isolated
from .page_context import PageContext, joined, type_classes
from .program_parts import (
    announced_soon,
    chairs_label,
    day_block,
    day_zones,
    item_class,
    item_heading,
    material_marks,
    place_classes,
    program_days,
    program_tools,
    room_card,
    session_class,
    status_classes,
    stream_mark,
    table_row,
    updated_mark,
)


def render_program_table(ctx: PageContext, selection: Selection = ALL, *, toolbar: bool) -> list[nodes.Node]:
    """The program's items that ``selection`` keeps; with ``toolbar``, the page's toolbar above them."""
    program = selection.items(ctx.store.program(), ctx.event)
    if not program:
        return announced_soon()
    show_room = len({item.room for item in ctx.store.program()}) > 1 and not selection.room
    days, anchors, jump_list = program_days(ctx, program, "program")
    # a room's program (a room's page) says first where the room is and where it is streamed;
    # then where attendee.js puts its toolbar (stars, filter, calendar, share)
    out: list[nodes.Node] = [*room_card(ctx, selection.room), *program_tools(ctx, program, toolbar=toolbar),
                             *jump_list]
    several = len(days) > 1
    for day, items in days:
        table = _day_table(ctx, day, items, show_room=show_room, anchor="" if several else anchors[day])
        if several:
            heading = nodes.rubric(text=ctx.long_date(day), ids=[anchors[day]], classes=[NAMES.day_heading])
            out.append(day_block(heading, table))
        else:
            out.append(table)
    return out


def _day_table(ctx: PageContext, day, items: list[ProgramItem], *, show_room: bool, anchor: str) -> nodes.table:
    caption, zone = day_zones(ctx, items)
    # HTML writers number captioned tables by id
    table = nodes.table(classes=[NAMES.program_table], ids=[anchor or ctx.unique_id(f"program-table-{day:%Y-%m-%d}")])
    if not ctx.event.several_days:
        caption = f"{ctx.long_date(day)}. {caption}"
    if items[0].room and not show_room and len({item.room for item in items}) == 1:
        caption += words.room_caption(items[0].room)
    table += nodes.title(text=caption)
    headers = [words.time_column(zone), words.SESSION_COLUMN, words.SPEAKERS_COLUMN] + ([words.ROOM_COLUMN] if show_room else [])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in (22, 50, 28, 12)[: len(headers)]:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += table_row([nodes.paragraph(text=h) for h in headers])
    group += head
    body = nodes.tbody()
    headed: set[str] = set()
    for item in sorted(items, key=lambda i: _block(ctx, i)):
        if item.session and item.session not in headed and (
                session_row := _session_row(ctx, item.session, len(headers), zoned=not zone)):
            headed.add(item.session)
            body += session_row
        body += _item_row(ctx, item, show_room=show_room, zoned=not zone)
    group += body
    return table


def _block(ctx: PageContext, item: ProgramItem) -> tuple:
    """Where an item sorts: a session's talks together, under the session's start and room."""
    session = ctx.store.session(item.session) if item.session else None
    if session is not None:
        return (session.start, session.room, session.id, item.start, item.end, board_order(item.board))
    return (item.start, item.room, "", item.start, item.end, board_order(item.board))


def _item_row(ctx: PageContext, item: ProgramItem, *, show_room: bool, zoned: bool) -> nodes.row:
    title = item_heading(ctx, item)
    title += updated_mark(ctx, item)
    title += material_marks(ctx, item)
    title += stream_mark(ctx, item)
    if item.track and not item.session:
        title += nodes.Text(" ")
        title += nodes.inline(text=item.track, classes=["symposium-track"])
    people = nodes.container()
    if item.speakers:
        people += nodes.paragraph("", "", *ctx.people(item.speakers))
    if item.moderators:
        people += nodes.paragraph("", words.MODERATED_BY, *ctx.people(item.moderators), classes=["symposium-moderators"])
    cells = [nodes.paragraph("", "", ctx.time_range(item, zone=zoned)), title, people]
    if show_room:
        cells.append(nodes.paragraph(text=item.room))
    row = table_row(cells)
    row["classes"] += type_classes(item, NAMES.row_type)
    row["classes"].append(item_class(item))  # hook for attendee.js
    row["classes"] += status_classes(item)
    row["classes"] += place_classes(item.room, item.track)
    if item.session:
        row["classes"].append(session_class(item.session))
    row["ids"].append(ctx.unique_id(f"item-{item.slug}"))
    return row


def _session_row(ctx: PageContext, session_id: str, columns: int, *, zoned: bool) -> nodes.row | None:
    """A row across the table that heads a session's talks: title, time, room, track, chairs."""
    session = ctx.store.session(session_id)
    if session is None:  # an unknown id is reported by the checks; the talks still show
        return None
    text = nodes.paragraph(classes=[NAMES.session_title])
    text += nodes.strong("", "", isolated(session.title, session.title))
    details = [ctx.time_range(session, zone=zoned)]
    details += [nodes.Text(session.room)] if session.room else []
    details += [nodes.inline(text=session.track, classes=["symposium-track"])] if session.track else []
    text += nodes.Text(" \u00b7 ")
    text += joined(details, " \u00b7 ")
    cell = nodes.container()
    cell += text
    if session.chairs:
        cell += nodes.paragraph("", "", nodes.Text(chairs_label(session)),
                                *ctx.people(session.chairs), classes=["symposium-chairs"])
    entry = nodes.entry(morecols=columns - 1)
    entry += cell
    row = nodes.row(classes=[NAMES.session_row, NAMES.heads + session_class(session.id),
                             *place_classes(session.room, session.track)],
                    ids=[ctx.unique_id(f"session-{session.id}")])
    row += entry
    return row
