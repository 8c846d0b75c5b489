"""What runs at the same time as a talk, in other rooms (the store's view; no Sphinx)."""

from __future__ import annotations

import datetime as dt

from helpers import EVENT
from symposium.environment.store import _parallel
from symposium.model.entities import ProgramItem


def _item(key: str, room: str, start: str, end: str, *, status: str = "scheduled") -> ProgramItem:
    day = dt.date(2026, 6, 2)
    moment = lambda text: dt.datetime.combine(day, dt.time.fromisoformat(text), EVENT.timezone)  # noqa: E731
    return ProgramItem(key=f"talks/{key}", docname=f"talks/{key}", has_page=True, title=key, type="invited",
                       start=moment(start), end=moment(end), room=room, status=status)


def test_what_runs_at_the_same_time_in_other_rooms():
    a = _item("a", "Hall A", "09:30", "10:15")
    b = _item("b", "Hall B", "09:30", "10:15")
    c = _item("c", "Hall B", "10:15", "11:00")  # starts as a ends: not at the same time
    d = _item("d", "Room 1", "10:00", "10:30", status="cancelled")
    e = _item("e", "Hall A", "10:15", "11:00")
    f = _item("f", "Room 1", "09:00", "12:00")
    parallel = _parallel([a, b, c, d, e, f], ("Hall A", "Hall B", "Room 1"))
    names = {key.split("/")[1]: [item.title for item in items] for key, items in parallel.items()}
    assert names["a"] == ["f", "b"]  # by start, then in the rooms' order
    assert names["b"] == ["f", "a"]
    assert names["c"] == ["f", "e"]
    assert names["d"] == ["a", "b", "e", "c"]  # a cancelled talk's page still says what runs in its slot
    assert names["f"] == ["a", "b", "e", "c"]  # never the cancelled one
    assert "d" not in [item.title for items in parallel.values() for item in items]
    assert _parallel([a, e], ("Hall A",)) == {}  # one room: nothing at the same time
