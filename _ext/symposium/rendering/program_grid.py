"""``{program-grid}``: each day as a grid of rooms side by side and time running down.

Where several rooms run at once, the table of ``{program-table}`` lists parallel talks one
after another; a grid shows what runs at the same time next to each other, as printed
conference programs do. Rows are the intervals between the day's start and end times (so
a short talk is not squeezed into a fixed scale), columns are the rooms of the day in the
order ``symposium_rooms`` gives, and an item without a room, such as a break, spans them
all. The cells come in program order, so that on a phone, where the grid becomes one
block per item (``symposium.css``), and for a screen reader, the day reads in time order;
each cell says its room. Only HTML has grids: other builders get the program table
(``placeholders.py`` chooses).
"""

from __future__ import annotations

from docutils import nodes

from ..model.entities import ProgramItem
from ..model.selection import ALL, Selection
from . import words
from .browser_names import NAMES
from .html_nodes import grid_box, isolated
from .page_context import PageContext, type_classes
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
    status_classes,
    stream_mark,
    updated_mark,
)


def render_program_grid(ctx: PageContext, selection: Selection = ALL, *, toolbar: bool) -> list[nodes.Node]:
    """The program's items that ``selection`` keeps; with ``toolbar``, the page's toolbar (stars,
    filters, the visitor's time) above them."""
    program = selection.items(ctx.store.program(), ctx.event)
    if not program:
        return announced_soon()
    days, anchors, jump_list = program_days(ctx, program, "grid")
    out = [*room_card(ctx, selection.room), *program_tools(ctx, program, toolbar=toolbar), *jump_list]
    for day, items in days:
        caption, zone = day_zones(ctx, items)
        out.append(day_block(nodes.rubric(text=ctx.long_date(day), ids=[anchors[day]], classes=[NAMES.day_heading]),
                             nodes.paragraph(text=caption, classes=["symposium-grid-caption"]),
                             _day_grid(ctx, items, zoned=not zone)))
    return out


def _day_grid(ctx: PageContext, items: list[ProgramItem], *, zoned: bool) -> grid_box:
    rooms = [room for room in ctx.store.views.rooms if any(item.room == room for item in items)]
    columns = {room: n for n, room in enumerate(rooms, start=2)}  # column 1 holds the times
    boundaries = sorted({moment for item in items for moment in (item.start, item.end)})
    rows = {moment: n for n, moment in enumerate(boundaries, start=2)}  # row 1 holds the rooms
    grid = grid_box(classes=[NAMES.grid],
                    style=[("grid-template-columns", f"auto repeat({max(len(rooms), 1)}, minmax(9rem, 1fr))")])
    for room, column in columns.items():
        heading = grid_box(classes=["symposium-grid-room-heading"], style=[("grid-row", "1"), ("grid-column", str(column))])
        heading += nodes.paragraph(text=room)
        grid += heading
    for moment in sorted({item.start for item in items}):
        label = grid_box(classes=[NAMES.grid_time], style=[("grid-row", str(rows[moment])), ("grid-column", "1")])
        label += nodes.paragraph("", "", ctx.clock_at(moment))
        grid += label
    # the posters of a session share its slot: one place in the grid holds them all, by board
    boards: dict[tuple, grid_box] = {}
    for item in sorted(items, key=lambda i: (i.start, columns.get(i.room, 1), i.end)):
        if not (item.poster and item.session):
            grid += _cell(ctx, item, _place(item, rows, columns), zoned=zoned)
            continue
        slot = (item.session, item.start, item.end, item.room)
        if slot not in boards:
            boards[slot] = _poster_boards(ctx, item, _place(item, rows, columns), zoned=zoned)
            grid += boards[slot]
        boards[slot] += _cell(ctx, item, [], zoned=zoned, on_board=True)
    return grid


def _place(item: ProgramItem, rows: dict, columns: dict[str, int]) -> list[tuple[str, str]]:
    """Where an item sits: its rows of time, and its room's column (all of them without a room)."""
    column = str(columns[item.room]) if item.room in columns else "2 / -1"
    return [("grid-row", f"{rows[item.start]} / {rows[item.end]}"), ("grid-column", column)]


def _poster_boards(ctx: PageContext, first: ProgramItem, place: list[tuple[str, str]], *, zoned: bool) -> grid_box:
    """The place of a poster session's posters: its title and time once, then each poster."""
    boards = grid_box(classes=[NAMES.grid_posters, *place_classes(first.room, first.track)], style=place)
    session = ctx.store.session(first.session)
    if session is not None:
        boards += nodes.paragraph("", "", nodes.strong(text=session.title), classes=["symposium-grid-session"])
    meta = nodes.paragraph(classes=[NAMES.grid_meta])
    meta += ctx.time_range(first, zone=zoned)
    if first.room:  # as in a cell: for a phone's single column and screen readers
        meta += nodes.inline(text=f" \u00b7 {first.room}", classes=["symposium-grid-room"])
    boards += meta
    return boards


def _cell(ctx: PageContext, item: ProgramItem, place: list[tuple[str, str]], *, zoned: bool,
          on_board: bool = False) -> grid_box:
    cell = grid_box(classes=[NAMES.grid_item, *type_classes(item, NAMES.row_type), item_class(item),
                             *status_classes(item), *place_classes(item.room, item.track)], style=place)
    cell["ids"].append(ctx.unique_id(f"grid-item-{item.slug}"))
    session = ctx.store.session(item.session) if item.session else None
    if session is not None and not on_board and _first_of_session(ctx, item):
        line = nodes.paragraph(classes=["symposium-grid-session"])
        line += nodes.strong("", "", isolated(session.title, session.title))
        if session.chairs:
            line += nodes.Text(f" \u00b7 {chairs_label(session)}")
            line += ctx.people(session.chairs)
        cell += line
    meta = nodes.paragraph(classes=[NAMES.grid_meta])
    meta += ctx.time_range(item, zone=zoned)
    if item.room:
        # the column says it on a wide screen; a phone's single column, and a screen reader, need it here
        meta += nodes.inline(text=f" \u00b7 {item.room}", classes=["symposium-grid-room"])
    cell += meta
    heading = item_heading(ctx, item, classes=["symposium-grid-title"])
    heading += updated_mark(ctx, item)
    heading += material_marks(ctx, item)
    heading += stream_mark(ctx, item)
    cell += heading
    if item.speakers:
        cell += nodes.paragraph("", "", *ctx.people(item.speakers), classes=["symposium-grid-people"])
    if item.moderators:
        cell += nodes.paragraph("", words.MODERATED_BY, *ctx.people(item.moderators), classes=["symposium-grid-people"])
    return cell


def _first_of_session(ctx: PageContext, item: ProgramItem) -> bool:
    before, _ = ctx.store.neighbours(item)
    return before is None or before.session != item.session
