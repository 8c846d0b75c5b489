"""Reading and writing clock times, the way contributors write them.

Accepted: ``8:35`` (also unquoted, which YAML turns into the integer 515),
``"08:35"``, ``"8:35 AM"``, ``"2:05 p.m."``, ``"8 AM"`` and ISO datetimes such as
``2025-11-21T08:35`` (event-local unless they carry an offset).
Nothing here knows about Sphinx.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

#: what a time and a date must be, as warnings say it (and fields.py, of the keys that hold one)
TIME = "a time"
DATE = "an ISO date"
EXPECTED_TIME = f'{TIME} such as 8:35, "14:05", "2:05 PM" or 2025-11-21T14:05'

_CLOCK = re.compile(
    r"""^\s*(?P<h>\d{1,2})(?::(?P<m>\d{2}))?(?::(?P<s>\d{2}))?\s*
        (?P<ampm>[ap])?\.?\s*(?(ampm)m\.?)\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_time(value: object, raw: str | None = None) -> dt.time | dt.datetime:
    """A clock time, or a datetime when the value names its day.

    ``raw`` is the value's text as written in YAML, when known: messages quote it, and
    numbers that YAML made of a time (``10:50`` -> 650) are read from it.
    Raises ``ValueError`` saying what was expected.
    """
    shown = raw if raw is not None else value
    if value is None:
        raise ValueError(f"is empty; expected {EXPECTED_TIME}")
    if isinstance(value, bool):
        raise ValueError(f"expected {EXPECTED_TIME}, got {shown}")
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        raise ValueError(f"is the date {value.isoformat()} without a time of day; expected {EXPECTED_TIME}")
    if isinstance(value, int):
        # YAML 1.1 reads 10:50 as base 60 (650); read the text as written instead.
        if raw is not None and ":" in raw:
            return parse_time(raw)
        if raw is None and 0 <= value < 24 * 60:
            return dt.time(*divmod(value, 60))
        raise ValueError(f"expected {EXPECTED_TIME}, got the number {shown}")
    if isinstance(value, float):
        raise ValueError(f"expected {EXPECTED_TIME}, got the number {shown} (hours and minutes take ':', as in 9:30)")
    if not isinstance(value, str):
        raise ValueError(f"expected {EXPECTED_TIME}, got {type(value).__name__} {value!r}")
    text = value.strip()
    if _ISO_DAY.match(text):
        return _iso_moment(text)
    match = _CLOCK.match(text)
    if not match:
        raise ValueError(f"expected {EXPECTED_TIME}, got {text!r}")
    hour, minute, second = int(match["h"]), int(match["m"] or 0), int(match["s"] or 0)
    if match["m"] is None and not match["ampm"]:
        raise ValueError(f"expected {EXPECTED_TIME}, got {text!r} (hours and minutes, or AM/PM)")
    if match["ampm"]:
        if not 1 <= hour <= 12:
            raise ValueError(f"expected an hour from 1 to 12 before AM/PM, got {text!r}")
        hour = hour % 12 + (12 if match["ampm"].lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(f"expected {EXPECTED_TIME}, got {text!r}: there is no such time of day")
    return dt.time(hour, minute, second)


_ISO_DAY = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")


def _iso_moment(text: str) -> dt.datetime:
    """An ISO date with its time of day; a date alone is not a moment (it would be midnight)."""
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        raise ValueError(f"is the date {text} without a time of day; expected {EXPECTED_TIME}")
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"expected {EXPECTED_TIME}, got {text!r}") from None


def parse_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"expected {DATE} such as 2025-11-21, got {value!r}")


def long_date(day: dt.date) -> str:
    """``Friday, November 21, 2025``."""
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def clock(moment: dt.datetime | dt.time, *, meridiem: bool = True) -> str:
    """``8:35 AM``, ``12:20 PM``; without the AM/PM when ``meridiem`` is false."""
    hour = moment.hour % 12 or 12
    text = f"{hour}:{moment.minute:02d}"
    return f"{text} {'AM' if moment.hour < 12 else 'PM'}" if meridiem else text


def clock_pair(start: dt.datetime, end: dt.datetime) -> tuple[str, str]:
    """``("8:30", "8:35 AM")``, ``("11:30 AM", "12:20 PM")``: AM/PM once when both share it."""
    same_half = (start.hour < 12) == (end.hour < 12)
    return clock(start, meridiem=not same_half), clock(end)


def clock_range(start: dt.datetime, end: dt.datetime) -> str:
    """``8:30–8:35 AM``, ``11:30 AM–12:20 PM``."""
    return "\u2013".join(clock_pair(start, end))


def duration_text(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{hours} h {minutes:02d} min"
    return f"{hours} h" if hours else f"{minutes} min"


def in_zone(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """The instant on the event's wall clock, carrying that moment's own fixed UTC offset.

    Python compares and subtracts two datetimes that share one ``ZoneInfo`` by their wall
    clocks, which is wrong across a change of daylight saving time. With a fixed offset per
    moment, every comparison and difference is one of instants, and adding minutes is
    arithmetic in UTC. Raises ``OverflowError`` for instants at the ends of the calendar.
    """
    local = moment.astimezone(zone)
    return local.replace(tzinfo=dt.timezone(local.utcoffset() or dt.timedelta(), local.tzname()))


def wall_clock(day: dt.date, time: dt.time, zone: ZoneInfo) -> tuple[dt.datetime | None, str]:
    """A local date and time in ``zone``, and what is odd about it on a day the clocks change.

    A time skipped by the change does not exist (``None``, with the reason); a time that
    happens twice is read as the first of the two, with a note saying so.
    """
    naive = dt.datetime.combine(day, time)
    first, second = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return in_zone(first, zone), ""
    if first.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) != naive:
        return None, (
            f"{clock(time)} does not exist on {day.isoformat()} in {zone.key}: the clocks skip that hour "
            "for daylight saving time"
        )
    return in_zone(first, zone), (
        f"{clock(time)} happens twice on {day.isoformat()} in {zone.key} (the clocks go back); it is read as "
        f"the first, {first.tzname()}; to mean the second, write the time with its offset, "
        f"such as {second.isoformat(timespec='minutes')}"
    )


def is_ambiguous(moment: dt.datetime) -> bool:
    """Whether the wall-clock time of ``moment`` happens twice in its zone (the hour the clocks go
    back): written as a local time with the zone's name, a reader takes the first of the two."""
    return moment.replace(fold=0).utcoffset() != moment.replace(fold=1).utcoffset()
