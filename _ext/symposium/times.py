"""Reading and writing clock times, the way contributors write them.

Accepted: ``8:35`` (also unquoted, which YAML turns into the integer 515),
``"08:35"``, ``"8:35 AM"``, ``"2:05 p.m."``, ``"8 AM"`` and ISO datetimes such as
``2025-11-21T08:35`` (event-local unless they carry an offset).
Nothing here knows about Sphinx.
"""

from __future__ import annotations

import datetime as dt
import re

EXPECTED_TIME = 'a time such as 8:35, "14:05", "2:05 PM" or 2025-11-21T14:05'

_CLOCK = re.compile(
    r"""^\s*(?P<h>\d{1,2})(?::(?P<m>\d{2}))?(?::(?P<s>\d{2}))?\s*
        (?P<ampm>[ap])?\.?\s*(?(ampm)m\.?)\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_time(value: object, raw: str | None = None) -> dt.time | dt.datetime:
    """A clock time, or a datetime when the value names its day.

    ``raw`` is the value's text as written in YAML, when known.
    Raises ``ValueError`` saying what was expected.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected {EXPECTED_TIME}, got {value!r}")
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, int):
        # YAML 1.1 reads 10:50 as base 60 (650); read the text as written instead.
        if raw is not None and ":" in raw:
            return parse_time(raw)
        if raw is None and 0 <= value < 24 * 60:
            return dt.time(*divmod(value, 60))
        raise ValueError(f"expected {EXPECTED_TIME}, got the number {raw or value}")
    if not isinstance(value, str):
        raise ValueError(f"expected {EXPECTED_TIME}, got {type(value).__name__} {value!r}")
    if "T" in value or "-" in value:
        try:
            return dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"expected {EXPECTED_TIME}, got {value!r}") from None
    match = _CLOCK.match(value)
    if not match:
        raise ValueError(f"expected {EXPECTED_TIME}, got {value!r}")
    hour, minute = int(match["h"]), int(match["m"] or 0)
    if match["m"] is None and not match["ampm"]:
        raise ValueError(f"expected {EXPECTED_TIME}, got {value!r} (hours and minutes, or AM/PM)")
    if match["ampm"]:
        if not 1 <= hour <= 12:
            raise ValueError(f"expected an hour from 1 to 12 before AM/PM, got {value!r}")
        hour = hour % 12 + (12 if match["ampm"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"expected {EXPECTED_TIME}, got {value!r} (no such time of day)")
    return dt.time(hour, minute, int(match["s"] or 0))


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
    raise ValueError(f"expected an ISO date such as 2025-11-21, got {value!r}")


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
