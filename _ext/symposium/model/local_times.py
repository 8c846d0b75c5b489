"""Dates and times as the site's readers write them: the locale's CLDR patterns, through Babel.

What pages show goes through a :class:`TimeFormatter` made from the site's ``language`` and
``symposium_clock``; warnings keep :mod:`symposium.model.times`' English, which contributors
search for. Nothing here knows about Sphinx.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import (
    PATTERN_CHAR_ORDER,
    DateTimeFormat,
    format_date,
    format_skeleton,
    get_timezone_name,
    match_skeleton,
    parse_pattern,
)

#: the values of ``symposium_clock``; ``None`` is the locale's own clock
CLOCKS = ("24h", "12h")
#: a month's abbreviated name in a CLDR pattern (``MMM``, ``LLL``), which :meth:`TimeFormatter.date_range` writes out
_WIDE_MONTH = re.compile(r"(?<![ML])(MMM|LLL)(?![ML])")
#: what the site's range separator may be surrounded by in CLDR's patterns (thin and plain
#: spaces); the site writes ranges closed up, "8:30–9:15 AM", as it always has
_SPACES = " \u2009\u202f\u00a0"


def locale_of(language: str | None) -> Locale | None:
    """The Babel locale of a Sphinx ``language`` (``de``, ``en_GB``, ``pt-BR``); ``None`` when
    CLDR has no such locale. No language is English, as Sphinx reads it."""
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def locale_clock(locale: Locale) -> str:
    """``"12h"`` or ``"24h"``: the clock of the locale's short time pattern (``h:mm a``, ``HH:mm``)."""
    pattern = locale.time_formats["short"].pattern
    return "12h" if any(field in pattern for field in "hK") else "24h"


class TimeFormatter:
    """Dates, times and ranges of times in one locale, on one clock.

    Spaces are plain and ranges closed up (CLDR 42 puts a narrow no-break space before AM
    and thin spaces around the dash): pages read as they did before locales, and an English
    site is unchanged.
    """

    def __init__(self, language: str | None = "en", clock: str | None = None):
        self.locale = locale_of(language) or Locale.parse("en")
        self.clock = clock if clock in CLOCKS else locale_clock(self.locale)
        self._skeleton = "hm" if self.clock == "12h" else "Hm"
        self._zone_names: dict[tuple[dt.timedelta | None, str | None], str] = {}
        #: each range's text, by its ends' wall-clock times and zones: a program's few slots are
        #: shown on many pages (every listing, every "At the same time"), and CLDR's interval
        #: formatting is the most of a page's time formatting
        self._pairs: dict[tuple[str, str | None, str, str | None], tuple[str, str, str]] = {}

    @property
    def hour_cycle(self) -> str:
        """The clock as the browser's ``Intl.DateTimeFormat`` names it (``hourCycle``), so that
        the visitor's own time and an offline copy's date read like the pages' times."""
        return "h12" if self.clock == "12h" else "h23"

    # -- days ------------------------------------------------------------------------------

    def long_date(self, day: dt.date) -> str:
        """``Friday, November 21, 2025``; ``Freitag, 21. November 2025``."""
        return _plain(format_date(day, "full", locale=self.locale))

    def date_range(self, first: dt.date, last: dt.date | None = None) -> str:
        """The event's days: ``Friday, November 21, 2025`` for one (as :meth:`long_date`); ``March 12–13,
        2027``, ``June 30 – July 1, 2026``; ``12.–13. März 2027``. CLDR's interval of the skeleton
        ``yMMMd``, its months written out where the locale's long dates write them out (not in ``zh``); the
        dash closed up within a month, spaced across months."""
        if last is None or last <= first:
            return self.long_date(first)
        formats = self.locale.interval_formats
        skeleton = "yMMMd" if "yMMMd" in formats else match_skeleton("yMMMd", formats)
        field = "y" if first.year != last.year else "M" if first.month != last.month else "d"
        halves = formats[skeleton].get(field) if skeleton in formats else None
        if not halves:
            return f"{self.long_date(first)} \u2013 {self.long_date(last)}"
        wide = "MMMM" in self.locale.date_formats["long"].pattern
        first_text, last_text = (
            parse_pattern(_WIDE_MONTH.sub("MMMM", pattern) if wide else pattern).apply(day, self.locale)
            for pattern, day in zip(halves, (first, last), strict=True))
        text = _plain(first_text + last_text).replace("\u2009", " ")
        return re.sub(r" ?\u2013 ?", "\u2013" if field == "d" else " \u2013 ", text)

    def short_date(self, day: dt.date) -> str:
        """``Fri, November 21``; ``Fr., 21. November``."""
        return _plain(format_skeleton("MMMMEd", day, locale=self.locale))

    def day_and_time(self, day_text: str, time_text: str) -> str:
        """A date and a time (or range of times) joined as the locale joins them: ``{1}, {0}``."""
        return self.locale.datetime_formats["medium"].replace("{1}", day_text).replace("{0}", time_text)

    # -- times -----------------------------------------------------------------------------

    def clock_time(self, moment: dt.datetime | dt.time) -> str:
        """``8:35 AM``; ``08:35`` on the 24-hour clock."""
        when = moment if isinstance(moment, dt.datetime) else dt.datetime.combine(dt.date(2000, 1, 1), moment)
        return _plain(format_skeleton(self._skeleton, when, locale=self.locale))

    def clock_pair(self, start: dt.datetime, end: dt.datetime) -> tuple[str, str, str]:
        """The start, the separator and the end of a range as CLDR's interval format writes it:
        ``("8:30", "–", "8:35 AM")``, ``("11:30 AM", "–", "12:20 PM")``, ``("08:35", "–", "09:30 Uhr")``.
        What both ends share (AM/PM, the word "Uhr") is written once, where the locale puts it."""
        # isoformat and tzname, not the datetimes: aware datetimes are equal across zones at one instant
        key = (start.isoformat(), start.tzname(), end.isoformat(), end.tzname())
        pair = self._pairs.get(key)
        if pair is None:
            pair = self._pairs[key] = self._clock_pair(start, end)
        return pair

    def _clock_pair(self, start: dt.datetime, end: dt.datetime) -> tuple[str, str, str]:
        pieces = self._interval_pieces(start, end)
        if pieces is None:
            return self.clock_time(start), "\u2013", self.clock_time(end)
        first, last = (_plain(piece) for piece in pieces)
        start_text = first.rstrip(_SPACES)
        separator = ""
        while start_text and not start_text[-1].isalnum() and start_text[-1] not in ".)]":
            separator = start_text[-1] + separator
            start_text = start_text[:-1].rstrip(_SPACES)
        return start_text, separator.strip(_SPACES) or "\u2013", last.lstrip(_SPACES)

    def clock_range(self, start: dt.datetime, end: dt.datetime) -> str:
        """``8:30–8:35 AM``; ``23:30–00:30 Uhr``."""
        return "".join(self.clock_pair(start, end))

    def _interval_pieces(self, start: dt.datetime, end: dt.datetime) -> tuple[str, str] | None:
        """The two halves of the locale's interval pattern for the greatest field that differs
        (as ``babel.dates.format_interval`` picks it), each formatted with its end."""
        formats = self.locale.interval_formats
        skeleton = self._skeleton if self._skeleton in formats else match_skeleton(self._skeleton, formats)
        if not skeleton or skeleton not in formats:
            return None
        start_format, end_format = DateTimeFormat(start, locale=self.locale), DateTimeFormat(end, locale=self.locale)
        for field in PATTERN_CHAR_ORDER:
            if field in formats[skeleton] and start_format.extract(field) != end_format.extract(field):
                first, second = formats[skeleton][field]
                return (parse_pattern(first).apply(start, self.locale),
                        parse_pattern(second).apply(end, self.locale))
        return None

    # -- zones -----------------------------------------------------------------------------

    def zone_label(self, when: dt.datetime, zone: ZoneInfo) -> str:
        """The zone's short name in the locale (``CST``; ``MEZ`` in German), or the zone's own
        abbreviation (``CET``) where the locale has none but an offset or a long name."""
        name = self._zone_names.get((when.utcoffset(), when.tzname()))
        if name is None:
            name = get_timezone_name(when.astimezone(zone), "short", locale=self.locale)
            name = name if name.isalpha() else (when.tzname() or "")
            self._zone_names[(when.utcoffset(), when.tzname())] = name
        return name

    # -- names of languages -----------------------------------------------------------------

    def language_name(self, tag: str) -> str:
        """``Deutsch``... in the site's language: ``German`` on an English site. The tag itself
        when CLDR does not know it."""
        other = locale_of(tag)
        name = other.get_display_name(self.locale) if other else None
        return name or tag


def _plain(text: str) -> str:
    """CLDR's narrow no-break spaces (before AM/PM) as the plain spaces pages always had."""
    return text.replace("\u202f", " ")
