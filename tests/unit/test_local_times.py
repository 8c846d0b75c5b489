"""Dates and times as each locale writes them (model/local_times.py): CLDR's patterns, through Babel.

English must read exactly as model.times writes it (the AIExScale site does not change), and
every other locale as its CLDR data says, on its own clock unless ``symposium_clock`` says otherwise.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from symposium.model import times
from symposium.model.local_times import TimeFormatter, locale_clock, locale_of

BERLIN = ZoneInfo("Europe/Berlin")
CHICAGO = ZoneInfo("America/Chicago")


def at(hour: int, minute: int, day: int = 21, zone: ZoneInfo = BERLIN) -> dt.datetime:
    return times.in_zone(dt.datetime(2025, 11, day, hour, minute, tzinfo=zone), zone)


#: (start, end): inside one half-day, across noon, across midnight
HALF_DAY, NOON, MIDNIGHT = (at(8, 35), at(9, 30)), (at(11, 30), at(12, 20)), (at(23, 30), at(0, 30, 22))

#: language, clock -> the three ranges, as the locale writes them
RANGES = {
    ("en", None): ["8:35–9:30 AM", "11:30 AM–12:20 PM", "11:30 PM–12:30 AM"],
    ("en_GB", None): ["08:35–09:30", "11:30–12:20", "23:30–00:30"],
    ("de", None): ["08:35–09:30 Uhr", "11:30–12:20 Uhr", "23:30–00:30 Uhr"],
    ("fr", None): ["08:35–09:30", "11:30–12:20", "23:30–00:30"],
    ("ja", None): ["8時35分～9時30分", "11時30分～12時20分", "23時30分～0時30分"],
    # the clock switched both ways
    ("en", "24h"): ["08:35–09:30", "11:30–12:20", "23:30–00:30"],
    ("en_GB", "12h"): ["8:35–9:30 am", "11:30 am–12:20 pm", "11:30 pm–12:30 am"],
    ("de", "12h"): ["8:35–9:30 AM", "11:30 AM–12:20 PM", "11:30 PM–12:30 AM"],
    ("fr", "12h"): ["8:35–9:30 AM", "11:30 AM–12:20 PM", "11:30 PM–12:30 AM"],
    ("ja", "12h"): ["午前8時35分～9時30分", "午前11時30分～午後0時20分", "午後11時30分～午前0時30分"],
}


@pytest.mark.parametrize(("language", "clock"), RANGES, ids=[f"{lang}-{clock or 'own'}" for lang, clock in RANGES])
def test_ranges_within_a_half_day_across_noon_and_across_midnight(language, clock):
    formatter = TimeFormatter(language, clock)
    assert [formatter.clock_range(*pair) for pair in (HALF_DAY, NOON, MIDNIGHT)] == RANGES[language, clock]


@pytest.mark.parametrize(("language", "day"), [
    ("en", "Friday, November 21, 2025"),
    ("en_GB", "Friday, 21 November 2025"),
    ("de", "Freitag, 21. November 2025"),
    ("fr", "vendredi 21 novembre 2025"),
    ("ja", "2025年11月21日金曜日"),
])
def test_long_dates(language, day):
    assert TimeFormatter(language).long_date(dt.date(2025, 11, 21)) == day


def test_a_date_and_a_range_joined_as_the_locale_joins_them():
    fr = TimeFormatter("fr")
    assert fr.day_and_time(fr.long_date(HALF_DAY[0].date()), fr.clock_range(*HALF_DAY)) == \
        "vendredi 21 novembre 2025, 08:35–09:30"
    de = TimeFormatter("de")
    assert de.day_and_time(de.short_date(dt.date(2025, 11, 21)), de.clock_time(at(14, 5))) == "Fr., 21. November, 14:05"


def test_the_clock_of_each_locale_and_the_override():
    assert [locale_clock(locale_of(lang)) for lang in ("en", "en_GB", "de", "fr", "ja", "en_US")] == \
        ["12h", "24h", "24h", "24h", "24h", "12h"]
    assert TimeFormatter("de", "12h").clock_time(at(14, 5)) == "2:05 PM"
    assert TimeFormatter("en", "24h").clock_time(at(14, 5)) == "14:05"
    assert TimeFormatter("en", "25h").clock == "12h"  # config.py warns; the locale's clock stands


def test_the_range_keeps_its_parts_apart_for_the_time_elements():
    """The start and end go into two <time> elements: the separator is given apart."""
    assert TimeFormatter("en").clock_pair(at(8, 30), at(8, 35)) == ("8:30", "–", "8:35 AM")
    assert TimeFormatter("de").clock_pair(at(8, 30), at(8, 35)) == ("08:30", "–", "08:35 Uhr")
    assert TimeFormatter("ja").clock_pair(at(8, 30), at(8, 35)) == ("8時30分", "～", "8時35分")


@pytest.mark.parametrize("pair", [
    (at(8, 30, zone=CHICAGO), at(8, 35, zone=CHICAGO)), (at(11, 30, zone=CHICAGO), at(12, 20, zone=CHICAGO)),
    (at(0, 0, zone=CHICAGO), at(12, 0, zone=CHICAGO)), (at(12, 0, zone=CHICAGO), at(12, 30, zone=CHICAGO)),
    (at(0, 5, zone=CHICAGO), at(0, 30, zone=CHICAGO)), (at(23, 30, zone=CHICAGO), at(0, 30, 22, zone=CHICAGO)),
])
def test_english_reads_as_the_warnings_english(pair):
    """English pages read as before locales: model.times' words, which warnings keep."""
    english = TimeFormatter("en")
    assert english.clock_range(*pair) == times.clock_range(*pair)
    assert english.clock_time(pair[0]) == times.clock(pair[0])
    assert english.long_date(pair[0].date()) == times.long_date(pair[0].date())
    assert english.day_and_time(english.short_date(pair[0].date()), "9:30 AM") == \
        f"{pair[0]:%a}, {pair[0]:%B} {pair[0].day}, 9:30 AM"


def test_zone_labels_in_the_locale_or_the_zone_abbreviation():
    winter, summer = at(9, 0), times.in_zone(dt.datetime(2025, 7, 1, 9, tzinfo=BERLIN), BERLIN)
    assert [TimeFormatter("de").zone_label(w, BERLIN) for w in (winter, summer)] == ["MEZ", "MESZ"]
    # English has no short name for Berlin's zone (CLDR gives "+0100"): the zone's own abbreviation
    assert [TimeFormatter("en").zone_label(w, BERLIN) for w in (winter, summer)] == ["CET", "CEST"]
    assert TimeFormatter("en").zone_label(at(9, 0, zone=CHICAGO), CHICAGO) == "CST"
    # en_GB's "short" name for Chicago is its long name: the abbreviation instead
    assert TimeFormatter("en_GB").zone_label(at(9, 0, zone=CHICAGO), CHICAGO) == "CST"


def test_an_unknown_language_writes_english():
    assert locale_of("xx-nowhere") is None
    assert TimeFormatter("xx-nowhere").long_date(dt.date(2025, 11, 21)) == "Friday, November 21, 2025"
    assert locale_of("pt-BR") == locale_of("pt_BR")


def test_language_names_in_the_site_language():
    assert TimeFormatter("en").language_name("de") == "German"
    assert TimeFormatter("de").language_name("fr") == "Französisch"
    assert TimeFormatter("en").language_name("qq") == "qq"


@pytest.mark.parametrize(("language", "first", "last", "says"), [
    ("en", "2025-11-21", None, "Friday, November 21, 2025"),  # one day: {{ date }}'s words, the AIExScale site's
    ("en", "2027-03-12", "2027-03-13", "March 12–13, 2027"),
    ("en", "2026-06-30", "2026-07-01", "June 30 – July 1, 2026"),
    ("en", "2026-12-31", "2027-01-02", "December 31, 2026 – January 2, 2027"),
    ("en_GB", "2027-03-12", "2027-03-13", "12–13 March 2027"),
    ("de", "2027-03-12", "2027-03-13", "12.–13. März 2027"),
    ("de", "2026-06-30", "2026-07-01", "30. Juni – 1. Juli 2026"),
    ("fr", "2027-03-12", "2027-03-13", "12–13 mars 2027"),
    ("ja", "2027-03-12", "2027-03-13", "2027年3月12日～13日"),
    ("zh", "2026-06-30", "2026-07-01", "2026年6月30日 – 7月1日"),  # months as the locale's long dates write them
])
def test_the_event_s_days_as_a_range(language, first, last, says):
    assert TimeFormatter(language).date_range(dt.date.fromisoformat(first), dt.date.fromisoformat(last) if last else None) == says


def test_every_abbreviation_names_zones_of_the_database():
    import zoneinfo

    from symposium.model.zones import ABBREVIATIONS, zone_of

    known = zoneinfo.available_timezones()
    for abbreviation, places in ABBREVIATIONS.items():
        assert {zone for zone, _ in places} <= known, abbreviation
        zone, says = zone_of(abbreviation.lower())
        assert zone is None and f"did you mean {places[0][0]!r}" in says, abbreviation
    assert zone_of("JST") == (None, "'JST' is an abbreviation, not a place's zone; did you mean 'Asia/Tokyo' (Japan)? "
                                    "expected the IANA name of the event's place, such as 'Europe/Berlin'")
    assert zone_of("europe/berlin") == ("Europe/Berlin", "") and zone_of("UTC") == ("UTC", "")
