"""``{program-days}``: the program at a glance, for a conference too large for one page.

A program of hundreds of items in one table is megabytes that a phone on the venue's Wi-Fi
downloads to find the next talk. A large site gives each day its own page (a page whose
listing selects that day alone: ``{program-table}`` with ``:day:``), and its home and program
pages show each day at a glance instead: the date, linked to the day's page, how many items
in how many rooms and from when to when, and the day's keynotes. ``symposium import`` writes
that shape for a program of more than :data:`~symposium.model.pages.LARGE_PROGRAM` items.

A day without a page of its own is not left out: the listing says so where it stands (one
warning) and shows that day's items in full.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from sphinx.util import logging

from ..model.entities import ProgramItem
from ..model.selection import Selection
from . import words
from .page_context import PageContext, joined
from .program_parts import announced_soon, program_days

logger = logging.getLogger(__name__)

#: the item types a day's summary names: what people plan a conference day around
HIGHLIGHTED_TYPES = frozenset({"keynote"})


def render_program_days(ctx: PageContext, node: nodes.Element, *,
                        full_day: Callable[[Selection], list[nodes.Node]]) -> list[nodes.Node]:
    """Each day at a glance; ``full_day(day)`` renders a day that has no page of its own."""
    program = list(ctx.store.program())
    if not program:
        return announced_soon()
    days, anchors, _ = program_days(ctx, program, "days")
    pages = ctx.store.day_pages()
    out: list[nodes.Node] = []
    missing = [day.isoformat() for day, _ in days if day.isoformat() not in pages]
    if missing:
        logger.warning(
            f"{{program-days}}: {', '.join(missing)} "
            f"{'has no page of its own' if len(missing) == 1 else 'have no pages of their own'}, "
            f"so the day's items are shown here in full; expected a page with a listing of that day alone, "
            f"such as ```{{program-table}}\\n:day: {missing[0]}\\n```", type="symposium", subtype="reference", location=node)
    for day, items in days:
        iso = day.isoformat()
        # not a program day's classes: attendee.js hides a program day whose rows a filter empties,
        # and a day at a glance has no rows
        heading = nodes.rubric(classes=["symposium-glance-date"], ids=[anchors[day]])
        date = nodes.Text(ctx.long_date(day))
        heading += ctx.link_to(pages[iso], date) if iso in pages else date
        block = nodes.container("", heading, _summary(ctx, items), *_rooms(ctx, items), *_highlights(ctx, items),
                                classes=["symposium-glance-day"])
        if iso not in pages:
            block += full_day(Selection(day=iso))
        out.append(block)
    return [nodes.container("", *out, classes=["symposium-glance"])]


def _summary(ctx: PageContext, items: list[ProgramItem]) -> nodes.paragraph:
    """``214 items in 12 rooms, 9:00 AM–7:00 PM``"""
    rooms = {item.room for item in items if item.room}
    first = min(item.start for item in items)
    last = max(item.end for item in items)
    hours = nodes.inline("", "", ctx.clock_at(first), nodes.Text("\u2013"), ctx.clock_at(last),
                         classes=["symposium-time"])
    text = words.day_summary(len(items), len(rooms))
    return nodes.paragraph("", "", nodes.Text(text), hours, nodes.Text(f" {ctx.zone_label(first)}"),
                           classes=["symposium-glance-summary"])


def _rooms(ctx: PageContext, items: list[ProgramItem]) -> list[nodes.Node]:
    """``Rooms: Hall A · Hall B``, in the program's order, each linking its room's page where it has one."""
    used = {item.room for item in items}
    rooms = [room for room in ctx.store.views.rooms if room in used]
    if len(rooms) < 2:
        return []
    names = [ctx.link_to(page, nodes.Text(room)) if (page := ctx.store.room_page(room)) else nodes.Text(room)
             for room in rooms]
    return [nodes.paragraph("", "", nodes.strong(text=words.ROOMS), nodes.Text(" "), *joined(names, " \u00b7 "),
                            classes=["symposium-glance-rooms"])]


def _highlights(ctx: PageContext, items: list[ProgramItem]) -> list[nodes.Node]:
    """``Keynotes: <title> (Hall A, 9:00 AM) · ...``"""
    found = [item for item in items if item.type in HIGHLIGHTED_TYPES and not item.cancelled]
    if not found:
        return []
    parts = []
    for item in found:
        part = nodes.inline("", "", *ctx.titled(item))
        part += nodes.Text(" (" + (f"{item.room}, " if item.room else ""))
        part += ctx.start_time(item)
        part += nodes.Text(")")
        parts.append(part)
    return [nodes.paragraph("", "", nodes.strong(text=words.highlights_label(len(found))), nodes.Text(" "),
                            *joined(parts, " \u00b7 "), classes=["symposium-glance-highlights"])]
