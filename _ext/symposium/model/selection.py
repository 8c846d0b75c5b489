"""Which part of the program a directive shows: ``:day:``, ``:room:``, ``:track:``, ``:session:``.

So that a large conference can have a page per day, per room or per track. Pure Python;
a value that selects nothing is reported where the directive stands (by ``rendering/placeholders.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import ClassVar

from .entities import Event, ProgramItem, Session


@dataclass(frozen=True)
class Selection:
    day: str = ""  # an ISO date: a day of the program (after symposium_day_change)
    room: str = ""
    track: str = ""
    session: str = ""  # a session id

    #: the directive options, one per field
    OPTIONS: ClassVar[tuple[str, ...]] = ("day", "room", "track", "session")

    @classmethod
    def from_options(cls, options: Mapping[str, str]) -> Selection:
        return cls(**{name: " ".join(str(options.get(name) or "").split()) for name in cls.OPTIONS})

    @classmethod
    def from_node(cls, node: Mapping[str, object]) -> Selection:
        return cls(**{name: str(node.get(name, "") or "") for name in cls.OPTIONS})

    def attributes(self) -> dict[str, str]:
        return asdict(self)

    def __bool__(self) -> bool:
        return any(asdict(self).values())

    def items(self, program: Iterable[ProgramItem], event: Event) -> list[ProgramItem]:
        return [item for item in program if self._keeps(item, event)]

    def _keeps(self, item: ProgramItem, event: Event) -> bool:
        return ((not self.day or event.program_day(item.start).isoformat() == self.day)
                and (not self.room or item.room == self.room)
                and (not self.track or item.track == self.track)
                and (not self.session or item.session == self.session))

    def problems(self, program: Iterable[ProgramItem], sessions: Mapping[str, Session], event: Event) -> list[str]:
        """What in the selection names nothing, in the contributor's words."""
        program = list(program)
        found = []
        if self.day:
            try:
                day = dt.date.fromisoformat(self.day)
            except ValueError:
                found.append(f":day: {self.day!r} is not a date; expected an ISO date such as {event.date.isoformat()}")
            else:
                if day not in event.dates:
                    found.append(f":day: {self.day} is not a day of the event; expected one of "
                                 f"{', '.join(d.isoformat() for d in event.dates)}")
        for name, known in (("room", {i.room for i in program if i.room}), ("track", {i.track for i in program if i.track}),
                            ("session", set(sessions))):
            value = getattr(self, name)
            if value and value not in known:
                found.append(f":{name}: {value!r} names no {name} of the program; expected one of: "
                             f"{', '.join(sorted(known)) or '(none yet)'}")
        return found


#: the whole program
ALL = Selection()
