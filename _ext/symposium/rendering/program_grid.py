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

A day's grid scrolls both ways inside its own box, no taller than the window, with the room
headings and the times sticky at its edges (``symposium.css``), so that a day of 30 rooms keeps
its rooms and times in view; the box is a named region that the keyboard can scroll. Columns are
never narrower than their longest word: titles wrap between words. More rooms than the theme's
content column holds, and the grid takes the page's whole width. The room chooser of the toolbar
(``modules/rooms.js``) shows some of the rooms, and prints the grid a page per group of rooms.
"""

from __future__ import annotations

from docutils import nodes

from ..model.entities import ProgramItem, slugify
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
                             _day_grid(ctx, items, anchors[day], zoned=not zone)))
    return out


#: the rooms a grid shows side by side in the theme's content column (60em), each column as wide
#: as a long word of a title; a day of more rooms takes the page's whole width (``symposium.css``)
ROOMS_IN_COLUMN = 4


def _day_grid(ctx: PageContext, items: list[ProgramItem], heading_id: str, *, zoned: bool) -> grid_box:
    rooms = [room for room in ctx.store.views.rooms if any(item.room == room for item in items)]
    columns = {room: n for n, room in enumerate(rooms, start=2)}  # column 1 holds the times
    boundaries = sorted({moment for item in items for moment in (item.start, item.end)})
    rows = {moment: n for n, moment in enumerate(boundaries, start=2)}  # row 1 holds the rooms
    # the columns' template is the stylesheet's, by the number of rooms (which the room chooser changes)
    grid = grid_box(classes=[NAMES.grid, *(["symposium-grid-wide"] if len(rooms) > ROOMS_IN_COLUMN else [])],
                    style=[("--symposium-rooms", str(max(len(rooms), 1)))],
                    # a box that scrolls: the keyboard reaches it, and it is named by its day
                    attributes=[("role", "region"), ("tabindex", "0"), ("aria-labelledby", heading_id)])
    # what the room headings and the times pass under as they stick to the box's edges
    grid += grid_box(classes=["symposium-grid-corner"], style=[("grid-row", "1"), ("grid-column", "1")])
    for room, column in columns.items():
        heading = grid_box(classes=[NAMES.grid_room_heading, NAMES.room + slugify(room)],
                           style=[("grid-row", "1"), ("grid-column", str(column))])
        heading += nodes.paragraph(text=room)
        grid += heading
    starts = sorted({item.start for item in items})
    for moment, until in zip(starts, [*starts[1:], boundaries[-1]], strict=True):
        # down to the next time: the time column hides what scrolls under it
        label = grid_box(classes=[NAMES.grid_time], style=[("grid-row", f"{rows[moment]} / {rows[until]}"),
                                                            ("grid-column", "1")])
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
