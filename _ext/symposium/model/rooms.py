"""Rooms as records: what ``symposium_rooms`` may say of each room beside its name, and the
venue's coordinates.

``symposium_rooms`` is a list of names (the program's column order), or a mapping from each
name to its record: a short description (floor, building), a map or directions link, a
capacity and a stream. Pure Python: the build's config check and ``symposium check`` both
read it here, and the exports and pages ask :func:`stream_of` where an item is streamed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .hints import closest
from .link_targets import is_web_address

if TYPE_CHECKING:
    from .entities import Event, ProgramItem, Session


@dataclass(frozen=True)
class Room:
    name: str
    #: where it is, in a few words: "Ground floor, Building 1"
    description: str = ""
    #: a map of the venue, or directions to the room (http(s))
    map: str = ""
    #: how many people it seats
    capacity: int | None = None
    #: where its talks are streamed (http(s)); a session or an item may name its own
    stream: str = ""


#: each key of a room's record, and what its value must be
ROOM_KEYS: dict[str, str] = {
    "description": "text, such as 'Ground floor, Building 1'",
    "map": "an http(s) link to a map or directions, such as 'https://www.openstreetmap.org/...'",
    "capacity": "a whole number of seats above 0, such as 300",
    "stream": "an http(s) link to the room's stream, such as 'https://stream.example.org/hall-a'",
}
ROOMS_EXAMPLE = "['Hall A', 'Room 264'], or {'Hall A': {'description': 'Ground floor', 'capacity': 300}, 'Room 264': {}}"
#: items with nothing to watch: a room's stream leaves them out (an item's own ``stream:`` does not)
UNWATCHED_TYPES = frozenset({"break", "meal", "social"})


def room_records(value: object) -> tuple[tuple[Room, ...], list[str]]:
    """The rooms ``symposium_rooms`` gives, and what is wrong with it: one message per bad key
    of a record (that key is left out), or one for a value that is no list or mapping of
    distinct names (then no rooms). Messages start with where the mistake is."""
    if isinstance(value, (list, tuple)):
        if all(isinstance(name, str) and name.strip() for name in value) and len(set(value)) == len(value):
            return tuple(Room(name) for name in value), []
        return (), [f"symposium_rooms = {value!r}: expected a list of distinct names or a mapping of names to "
                    f"their records, such as {ROOMS_EXAMPLE}; using ()"]
    if not isinstance(value, Mapping) or not all(isinstance(name, str) and name.strip() for name in value):
        return (), [f"symposium_rooms = {value!r}: expected a list of distinct names or a mapping of names to "
                    f"their records, such as {ROOMS_EXAMPLE}; using ()"]
    rooms: list[Room] = []
    problems: list[str] = []
    for name, record in value.items():
        if record is None:
            record = {}
        if not isinstance(record, Mapping):
            problems.append(f"symposium_rooms[{name!r}] = {record!r}: expected the room's record, a dict with any of "
                            f"{', '.join(map(repr, ROOM_KEYS))} (or {{}}); using {{}}")
            record = {}
        fields: dict[str, Any] = {}
        for key, given in record.items():
            where = f"symposium_rooms[{name!r}][{key!r}]"
            if key not in ROOM_KEYS:
                match = closest(key, ROOM_KEYS)
                hint = f"did you mean {match!r}? " if match else ""
                problems.append(f"{where}: unknown key; {hint}expected one of: {', '.join(ROOM_KEYS)}; left out")
            elif (why := _bad_value(key, given)) is not None:
                problems.append(f"{where} = {given!r}: {why}expected {ROOM_KEYS[key]}; left out")
            else:
                fields[key] = given.strip() if isinstance(given, str) else given
        rooms.append(Room(name, **fields))
    return tuple(rooms), problems


def _bad_value(key: str, value: object) -> str | None:
    """``None`` when ``value`` is right for ``key``, else what is wrong (``""`` when the
    expectation says it all)."""
    if key == "capacity":
        return None if isinstance(value, int) and not isinstance(value, bool) and value > 0 else ""
    if not isinstance(value, str) or not value.strip():
        return ""
    if key in ("map", "stream") and not is_web_address(value.strip()):
        return "not a web address; "
    return None


def venue_geo(value: object) -> tuple[tuple[float, float] | None, list[str]]:
    """``symposium_venue_geo``: the venue's latitude and longitude, in degrees (WGS 84)."""
    if value is None:
        return None, []
    if (isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
            and -90 <= value[0] <= 90 and -180 <= value[1] <= 180):
        return (float(value[0]), float(value[1])), []
    return None, [f"symposium_venue_geo = {value!r}: expected the venue's latitude and longitude in degrees, "
                  "such as (53.5614, 9.9867) (latitude from -90 to 90 first); using None"]


def stream_of(entry: ProgramItem | Session, event: Event) -> str:
    """Where an item or a session is streamed: its own ``stream:`` (an item's, or its session's),
    else its room's, unless it is cancelled or has nothing to watch (a break, a meal); ``""``
    when it is not."""
    if getattr(entry, "cancelled", False):
        return ""
    if entry.stream:
        return entry.stream
    room = event.room_record(entry.room)
    return room.stream if room is not None and getattr(entry, "type", "") not in UNWATCHED_TYPES else ""
