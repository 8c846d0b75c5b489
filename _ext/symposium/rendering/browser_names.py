"""The names the pages and the browser side agree on, declared once.

The renderers write these classes on what the attendee modules look for (``html_page/modules/``);
the build gives the whole table to the browser in each page's data (``names``, written by
``html_page/attendee.py``), where the modules and the early script read it, and to the service
worker in its settings (``html_page/offline.py``). No script spells one of these names itself
(``tests/unit/test_browser_modules.py`` looks). The stylesheets (``static/*.css``) style some of
them by name: a class renamed here is renamed there too.

The storage keys are where a visitor's browser keeps their stars and choices from one visit to the
next, whatever build they visit: changing one forgets what every visitor kept under the old one.

A name ending in ``-`` is a prefix: the rest of the class is a slug, a key or a value of the model.
Names the scripts give to what they add themselves (``symposium-starred``, ``symposium-ready``...)
are not here: no Python writes them; the scripts and ``attendee.css`` share them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

#: the id of the page's data (``<script type="application/json">``): the one name the scripts
#: must know before they can read the others
PAGE_DATA_ID = "symposium-data"


@dataclass(frozen=True)
class BrowserNames:
    # -- the listings: what the toolbar filters and "now and next" marks
    #: a program table (one per day of the program)
    program_table: str = "symposium-program"
    #: a day's heading and listing together, hidden whole when a filter empties the day
    program_day: str = "symposium-program-day"
    #: a day's heading in a listing of several days
    day_heading: str = "symposium-day"
    #: the "Days:" line, and each day's link in it
    days_line: str = "symposium-days"
    day_link: str = "symposium-day-link"
    #: a program grid, its items, the line of time and room under an item's session, a poster
    #: session's box of posters, a time of its first column and a room's heading over its column
    grid: str = "symposium-grid"
    grid_item: str = "symposium-grid-item"
    grid_meta: str = "symposium-grid-meta"
    grid_posters: str = "symposium-grid-posters"
    grid_time: str = "symposium-grid-time"
    grid_room_heading: str = "symposium-grid-room-heading"
    #: a program row that heads a session's talks, and its title
    session_row: str = "symposium-session-row"
    session_title: str = "symposium-session-title"
    #: + the class of the session's talks (``in_session``), on the session's row
    heads: str = "symposium-heads-"
    #: + the session's key, on its talks
    in_session: str = "symposium-in-session-"
    #: + the item's slug, on its row, grid cell and talk header: its calendar UID is ``<slug>@<acronym>``
    item: str = "symposium-item-"
    #: + the item's type (``break``: no star), on rows and grid cells
    row_type: str = "symposium-row-"
    #: + the item's status (``cancelled``: never on now, nor next)
    status: str = "symposium-status-"
    #: + the key of the item's room, of its track (the toolbar's room and track filter)
    room: str = "symposium-room-"
    track: str = "symposium-track-"
    #: an item's title (a link to its page, or bold)
    title: str = "symposium-title"
    #: an item's or session's times (the visitor's time goes after it)
    time_range: str = "symposium-time"
    #: a talk page's header (its star and the time-zone switch go in it)
    talk_header: str = "symposium-talk-header"
    # -- what the build leaves for the toolbar
    #: where the toolbar goes, its room kept before it comes (attendee.css)
    tools_slot: str = "symposium-tools-slot"
    #: JSON: the rooms and tracks of a listing, with their keys
    places: str = "symposium-places"
    #: JSON: the program's versions and what changed in each (the notice to visitors with stars)
    changes: str = "symposium-changes"
    # -- a talk's "Cite this talk": each format's block, its name, its text ("Copy" goes by the name)
    cite_format: str = "symposium-cite-format"
    cite_label: str = "symposium-cite-label"
    cite_text: str = "symposium-cite-text"
    # -- the service worker (templates/symposium/sw.js)
    #: its note first in an offline copy (the page adds a Reload button to it)
    offline_note: str = "symposium-offline-note"
    #: a page asks it to keep pages; it tells a page that the newer copy has come
    keep_message: str = "symposium-keep"
    fresh_message: str = "symposium-fresh"
    # -- the visitor's browser (localStorage): stars and the last version seen are the site's own
    stars_key: str = "symposium:{acronym}:starred"
    #: the rooms a visitor took out of the grids with the room chooser (the others are shown)
    hidden_rooms_key: str = "symposium:{acronym}:hidden-rooms"
    seen_key: str = "symposium:{acronym}:seen-version"
    #: the visitor's time beside the event's: a choice for every site
    local_time_key: str = "symposium:local-time"


NAMES = BrowserNames()


def browser_names(acronym: str) -> dict[str, str]:
    """The table as the page's data gives it: the storage keys of this site (``symposium_acronym``)."""
    return {field: value.format(acronym=acronym) for field, value in dataclasses.asdict(NAMES).items()}
