"""The program as a table: one per day, sorted by time."""

from __future__ import annotations

from itertools import groupby

from docutils import nodes

from .context import PageContext
from .model import ProgramItem
from .times import long_date


def render_program_table(ctx: PageContext) -> list[nodes.Node]:
    program = ctx.store.program()
    if not program:
        return [nodes.paragraph(text="The program will be announced soon.", classes=["symposium-empty"])]
    rooms = {item.room for item in program}
    return [tools_slot()] + [_day_table(ctx, list(day), show_room=len(rooms) > 1)
                             for _, day in groupby(program, key=lambda i: i.start.date())]


def _day_table(ctx: PageContext, items: list[ProgramItem], *, show_room: bool) -> nodes.table:
    first = items[0].start
    zone = ctx.zone_label(first)
    # HTML writers number captioned tables by id
    table = nodes.table(classes=["symposium-program"], ids=[ctx.unique_id(f"program-{first:%Y-%m-%d}")])
    caption = f"{long_date(first)}. Times are {ctx.zone_name(first)} ({zone})."
    if items[0].room and not show_room:
        caption += f" Room: {items[0].room}."
    table += nodes.title(text=caption)
    headers = [f"Time ({zone})", "Session", "Speakers"] + (["Room"] if show_room else [])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in (22, 50, 28, 12)[: len(headers)]:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += _row([nodes.paragraph(text=h) for h in headers])
    group += head
    body = nodes.tbody()
    for item in items:
        session = nodes.paragraph()
        if item.type_label and item.type_label.casefold() != item.title.casefold():
            session += ctx.badge(item)
            session += nodes.Text(" ")
        session += ctx.item_title(item)
        people = nodes.container()
        if item.speakers:
            people += nodes.paragraph("", "", *ctx.people(item.speakers))
        if item.moderators:
            people += nodes.paragraph("", "Moderated by ", *ctx.people(item.moderators), classes=["symposium-moderators"])
        cells = [nodes.paragraph("", "", ctx.time_range(item)), session, people]
        if show_room:
            cells.append(nodes.paragraph(text=item.room))
        row = _row(cells)
        row["classes"].append(f"symposium-row-{item.type}")
        row["classes"].append(item_class(item))  # hook for attendee.js
        body += row
    group += body
    return table


def tools_slot() -> nodes.container:
    """Where attendee.js puts its toolbar: empty in the page, its height kept for the
    toolbar (attendee.css) so that the program does not move when the toolbar appears."""
    return nodes.container(classes=["symposium-tools-slot"])


def item_class(item: ProgramItem) -> str:
    """``symposium-item-<slug>``: attendee.js reads an item's slug (its calendar UID is
    ``<slug>@<acronym>``) from this class, on program rows and talk headers."""
    return f"symposium-item-{item.slug}"


def _row(cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += cell
        row += entry
    return row
