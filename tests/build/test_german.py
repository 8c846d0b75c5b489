"""The 31C3 proof: a congress in German (tests/roots/test-german) reads in German, on the 24-hour
clock, everywhere the extension writes a date or a time; its exports' instants are those of the
same program built in English.

The extension's words (headings, labels) are the message catalog's: tests/build/test_words_de.py
checks every one of them on its own root; this module asserts dates and times, and that the
congress's pages and printed program say the catalog's German around them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import calendar, events, jsonld, parse_page, parse_warnings, schedule_events, words

#: a time of day on the 24-hour clock as German writes it, alone or as the end of a range
TIME_24H = re.compile(r"^(?:\d{2}:\d{2})(?: Uhr)?$")
PAGES = ["index.html", "program/index.html", "program/grid/index.html", "program/talks/index.html",
         "talks/mitternacht/index.html", "speakers/frank-rieger/index.html"]


@pytest.fixture(scope="module")
def german(built):
    return built("german", "dirhtml")


@pytest.fixture(scope="module")
def english(built):
    """The same congress with `language = "en"`: the same instants, written as English writes them."""
    return built("german", "dirhtml", language="en")


def test_the_german_congress_builds_without_a_warning(german):
    assert parse_warnings(german) == []


def test_the_days_are_german_dates(german):
    doc = parse_page(german, "program/index.html")
    days = doc.xpath('//*[contains(concat(" ", @class, " "), " symposium-day ")]')
    assert [words(d) for d in days] == ["Samstag, 27. Dezember 2025", "Sonntag, 28. Dezember 2025",
                                        "Montag, 29. Dezember 2025"]
    assert words(doc.xpath('//p[contains(@class, "symposium-days")]')[0]).endswith(
        "Samstag, 27. Dezember 2025 · Sonntag, 28. Dezember 2025 · Montag, 29. Dezember 2025")
    home = parse_page(german, "index.html")
    assert "Am Samstag, 27. Dezember 2025 im Congress Center Hamburg." in words(home)  # {{ date }}


def test_every_time_on_every_page_is_on_the_24_hour_clock(german):
    for page in PAGES:
        doc = parse_page(german, page)
        texts = [words(t) for t in doc.xpath("//time")]
        assert texts, page
        for text in texts:
            clock = text.rsplit(", ", 1)[-1]  # "Sa., 27. Dezember, 23:30" names its day first
            assert TIME_24H.match(clock), (page, text)
        assert not re.search(r"\b[AP]M\b", words(doc)), page


def test_the_night_after_midnight_belongs_to_the_day_before(german):
    doc = parse_page(german, "program/index.html")
    first_day = doc.xpath('//table[contains(@class, "symposium-program")]')[0]
    rows = [words(tr) for tr in first_day.xpath("./tbody/tr")]
    assert rows[0].startswith("11:00–11:30 Uhr")
    assert rows[-2].startswith("23:30–00:30 Uhr") and "Vortrag über Mitternacht" in rows[-2]
    assert rows[-1].startswith("01:00–02:00 Uhr") and "Nachtschicht" in rows[-1]
    assert "(MEZ)" in words(first_day.xpath("./thead")[0])
    assert "Europe/Berlin, UTC+1 (MEZ)" in words(doc)


def test_the_talk_s_header_the_talk_list_and_the_speaker_s_roles(german):
    talk = parse_page(german, "talks/mitternacht/index.html")
    assert "Samstag, 27. Dezember 2025, 23:30–00:30 Uhr MEZ · Saal 1" in words(talk)
    listing = parse_page(german, "program/talks/index.html")
    assert "Sonntag, 28. Dezember 2025, 01:00–02:00 Uhr MEZ Nachtschicht" in words(listing)
    speaker = parse_page(german, "speakers/frank-rieger/index.html")
    roles = words(speaker)
    assert "Vortrag über Mitternacht (Sa., 27. Dezember, 23:30 MEZ)" in roles
    assert "Ganz spät (Mo., 29. Dezember, 02:30 MEZ)" in roles


def test_the_grid_s_hours(german):
    grid = parse_page(german, "program/grid/index.html")
    assert "23:30–00:30 Uhr · Saal 1" in words(grid)


def test_the_printed_program_is_german_on_the_24_hour_clock(built):
    """Builders other than HTML print the program table as text: the same times."""
    text = (Path(built("german", "text").outdir) / "program" / "index.txt").read_text("utf-8")
    assert "Samstag, 27. Dezember 2025" in text and "23:30–00:30 Uhr" in text
    assert not re.search(r"\b[AP]M\b", text)


def test_the_words_around_the_times_are_german_too(german, built):
    program = parse_page(german, "program/index.html")
    text = words(program)
    assert "Zeiten in Europe/Berlin, UTC+1 (MEZ)." in text and "Tage:" in text
    heads = [" ".join(th.text_content().split()) for th in program.xpath("//table//thead//th")][:4]
    assert heads == ["Zeit (MEZ)", "Programmpunkt", "Vortragende", "Raum"]
    for english in ("Times are", "Speakers", "Days:", "Add to calendar", "Also show my time"):
        assert english not in text
    data = json.loads(program.xpath("//script[@id='symposium-data']")[0].text)
    assert (data["language"], data["hourCycle"]) == ("de", "h23")
    assert data["words"]["starredOnly"] == "Nur markierte"
    printed = (Path(built("german", "text").outdir) / "program" / "index.txt").read_text("utf-8")
    assert "Zeiten in Europe/Berlin" in printed and "Times are" not in printed


def test_a_clock_of_twelve_hours_when_the_site_asks_for_it(built):
    doc = parse_page(built("german", "dirhtml", symposium_clock="12h"), "program/index.html")
    assert "11:30 PM–12:30 AM" in words(doc) and "Samstag, 27. Dezember 2025" in words(doc)


def test_the_exports_instants_are_those_of_the_english_build(german, english):
    assert "11:30 PM–12:30 AM" in words(parse_page(english, "program/index.html"))

    def instants(app):
        return sorted((str(e["UID"]), e.decoded("DTSTART").isoformat(), e.decoded("DTEND").isoformat())
                      for e in events(calendar(app)))

    assert instants(german) == instants(english)
    assert any((start, end) == ("2025-12-27T23:30:00+01:00", "2025-12-28T00:30:00+01:00")
               for _, start, end in instants(german))

    def frab(app):
        data = json.loads((Path(app.outdir) / "schedule.json").read_text("utf-8"))
        return sorted((e["guid"], e["date"], e["start"], e["duration"]) for e in schedule_events(data))

    assert frab(german) == frab(english)
    assert any(date.startswith("2025-12-28T01:00:00+01:00") and start == "01:00"
               for _, date, start, _ in frab(german))


def test_a_talk_in_english_at_the_german_congress(german):
    """``language: en``: its title and abstract say lang="en" (screen readers switch voice), its
    header stays German; the listings mark it "EN", explained as "Englisch"."""
    talk = parse_page(german, "talks/reproducible-builds/index.html")
    (section,) = talk.xpath('//section[@id="reproducible-builds"]')
    assert section.get("lang") == "en"
    (header,) = section.xpath('.//*[contains(@class, "symposium-talk-header")]')
    assert header.get("lang") == "de"
    assert jsonld_event(talk, "Reproducible Builds")["inLanguage"] == "en"
    for page in ("program/index.html", "program/grid/index.html", "program/talks/index.html"):
        doc = parse_page(german, page)
        (title,) = doc.xpath('//bdi[text()="Reproducible Builds"]')
        assert title.get("lang") == "en"
        marks = doc.xpath('//abbr[contains(@class, "symposium-language")]')
        assert [(words(mark), mark.get("title")) for mark in marks] == [("EN", "Englisch")], page
    # a talk in the site's language has neither
    assert not parse_page(german, "talks/mitternacht/index.html").xpath('//section[@lang]')
    assert jsonld_event(parse_page(german, "talks/mitternacht/index.html"),
                        "Vortrag über Mitternacht").get("inLanguage") is None


def test_the_apps_schedule_says_each_talk_s_language(german):
    data = json.loads((Path(german.outdir) / "schedule.json").read_text("utf-8"))
    languages = {e["title"]: e["language"] for e in schedule_events(data)}
    assert languages["Reproducible Builds"] == "en"
    assert set(languages.values()) == {"de", "en"} and list(languages.values()).count("en") == 1


def jsonld_event(doc, name: str) -> dict:
    """The JSON-LD node of the event called ``name``, wherever the page's graph puts it."""
    def walk(node):
        if isinstance(node, dict):
            if node.get("@type") == "Event" and node.get("name") == name:
                yield node
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)
    (found, *_) = walk(jsonld(doc))
    return found


def test_the_speakers_sort_by_family_name_as_readers_look_them_up(german):
    """Müller with Muller, before Murphy: the Unicode Collation Algorithm, not code points."""
    doc = parse_page(german, "speakers/index.html")
    cards = doc.xpath('//*[contains(@class, "symposium-speaker-card")]//*[contains(@class, "symposium-speaker-name")]')
    assert [words(card) for card in cards] == ["Jan Muller", "Anna Müller", "Siobhán Murphy", "Tim Pritlove",
                                              "Frank Rieger"]
