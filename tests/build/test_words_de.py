"""A German site (tests/roots/test-words-de, ``language = "de"``) says the extension's words in
German: the pages' headers and listings, the browser script's words in the page's data, the
service worker's note and the exports' human text; no English word of the extension is left in
what the extension writes. An English site built after it in the same process stays English.

(Dates and times in German are another part of the work: this module looks only at words.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
from babel.messages.pofile import read_po
from icalendar import Calendar

from helpers import parse_warnings
from symposium.environment.translations import LOCALES, _, ngettext
from symposium.model.entities import ITEM_TYPES, STATUSES
from symposium.rendering import words


@pytest.fixture(scope="module")
def site(built) -> Path:
    app = built("words-de", "dirhtml")
    assert parse_warnings(app) == []
    return Path(app.outdir)


def _page(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / path / "index.html")).getroot()


def _made_by_the_extension(page: lxml.html.HtmlElement) -> str:
    """The text of what the extension writes into the page: its elements (classes symposium-*),
    without the page data's scripts; the theme's own words are Sphinx's."""
    parts = []
    for element in page.xpath('//*[contains(concat(" ", @class), " symposium-")]'):
        if element.tag == "script" or element.xpath('ancestor::*[contains(concat(" ", @class), " symposium-")]'):
            continue
        for script in element.xpath(".//script"):
            script.getparent().remove(script)
        parts.append(" ".join(element.text_content().split()))
    return "\n".join(parts)


def _german_catalog():
    with (LOCALES / "de/LC_MESSAGES/symposium.po").open("rb") as source:
        return read_po(source)


def _english_words() -> set[str]:
    """Every English phrase of rendering/words.py (and its browser words) that German says otherwise
    ("Keynote", "Video", "Material:" are German too)."""
    german = _german_catalog()
    values = [words.english(name) for name in words.english_names()]
    values += list(words.BROWSER.values()) + [label for label in (*ITEM_TYPES.values(), *STATUSES.values()) if label]
    values += words.ROLES
    messages = []
    for value in values:
        messages += value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else [value]
    found = set()
    for message in messages:
        translated = german.get(message.strip())
        if translated is None:  # not a message: a name such as "BibTeX" or "ORCID"
            continue
        if translated.string:
            strings = translated.string if isinstance(translated.string, tuple) else (translated.string,)
            if message.strip() in strings:
                continue
        for phrase in re.split(r"\{\w+\}", message.strip()):
            phrase = phrase.strip(" .:;,()")
            if len(phrase) > 3 and not phrase.isupper():
                found.add(phrase)
    return found


PAGES = ["", "program", "program/grid", "program/material", "talks/maschinen", "talks/gestrichen", "talks/blitz",
         "speakers/ada-lovelace", "speakers/charles-babbage"]


@pytest.fixture(scope="module")
def german_texts(site) -> dict[str, str]:
    return {path or "index": _made_by_the_extension(_page(site, path)) for path in PAGES}


def test_no_english_word_of_the_extension_is_left(german_texts):
    english = _english_words()
    assert {"Speakers", "Contact", "Cancelled", "On now", "Jump to now", "Not recorded"} <= english
    leftovers = {path: sorted(phrase for phrase in english if re.search(rf"\b{re.escape(phrase)}\b", text))
                 for path, text in german_texts.items()}
    assert {path: found for path, found in leftovers.items() if found} == {}


def test_the_talk_page_reads_in_german(site, german_texts):
    text = german_texts["talks/maschinen"]
    for phrase in ("Vortragende: Charles Babbage", "Moderation: Ada Lovelace", "Material: Folien \u00b7 Video",
                   "Sitzung: Sitzung 1: Daten", "Danach: Notizen zur Maschine", "Zur selben Zeit: Blitzlicht",
                   "In den Kalender eintragen (.ics)", "Diesen Vortrag zitieren", "Herunterladen: BibTeX (.bib)",
                   "Video abspielen (auf YouTube)", "Auf YouTube öffnen"):
        assert phrase in text, phrase
    assert "howpublished = {Keynote beim Testsymposium 2026}" in text


def test_a_cancelled_talk_says_so_in_german(german_texts):
    text = german_texts["talks/gestrichen"]
    assert "Abgesagt Dieser Vortrag findet nicht statt." in text
    assert "Aufzeichnung: Wird nicht aufgezeichnet" in text
    assert "Davor: Begrüßung" in text


def test_the_program_reads_in_german(site, german_texts):
    page = _page(site, "program")
    head = [" ".join(cell.text_content().split()) for cell in page.xpath("//table[contains(@class, 'symposium-program')]//thead//th")]
    assert head == ["Zeit (MESZ)", "Programmpunkt", "Vortragende", "Raum"]
    text = german_texts["program"]
    for phrase in ("Zeiten in Europe/Berlin, UTC+2 (MESZ).", "Eröffnung", "Eingeladener Vortrag", "Kurzvortrag",
                   "Pause", "Abgesagt", "Wird noch bekanntgegeben", "Vorsitz: Ada Lovelace", "Moderation: Ada Lovelace",
                   "Folien", "Programm herunterladen (.ics)", "Im Kalender abonnieren", "Für Konferenz-Apps wie"):
        assert phrase in text, phrase
    # a slot to be announced without a title is titled with its status, in German, once
    assert text.count("Wird noch bekanntgegeben") == 1


def test_the_speaker_page_and_lists_read_in_german(german_texts):
    text = german_texts["speakers/ada-lovelace"]
    for phrase in ("Homepage", "Kontakt: ada at example dot org", "Im Programm:", "Eröffnung: Begrüßung",
                   "Moderation: Maschinen des Denkens", "Vorsitz: Sitzung 1: Daten", "Vortrag: Notizen zur Maschine",
                   "Diese Termine in den Kalender eintragen (.ics)"):
        assert phrase in text, phrase
    assert "Folien und Aufzeichnungen der Vorträge" in german_texts["program/material"]
    assert "Wird nicht aufgezeichnet" in german_texts["program/material"]


def test_the_grid_and_the_photo_read_in_german(site, german_texts):
    assert "Moderation: Ada Lovelace" in german_texts["program/grid"]
    assert "Vorsitz: Ada Lovelace" in german_texts["program/grid"]
    # a speaker with a photo: its alternative text
    page = _page(site, "speakers/grace-hopper")
    assert page.xpath('//img[contains(@class, "symposium-face")]/@alt') == ["Foto von Grace Hopper"]


def test_the_browser_script_gets_its_words_in_german(site):
    page = _page(site, "program")
    data = json.loads(page.xpath('//script[@id="symposium-data"]')[0].text)
    said = data["words"]
    assert set(said) == set(words.BROWSER)
    assert said["alsoShowMyTime"] == "Auch meine Uhrzeit zeigen ({zone})"
    assert said["onNow"] == "Läuft gerade"
    assert said["next"] == "Als Nächstes"
    assert said["starredOnly"] == "Nur markierte"
    assert said["jumpToNow"] == "Zur aktuellen Zeit"
    assert said["shareMyProgram"] == "Mein Programm teilen"
    assert said["changedSince"][0].startswith("{count} Ihrer markierten Programmpunkte hat sich")
    assert said["changedSince"][1].startswith("{count} Ihrer markierten Programmpunkte haben sich")
    english = {text for text in words.BROWSER.values() if isinstance(text, str)}
    assert [key for key, text in said.items() if isinstance(text, str) and text in english] == []


def test_the_offline_words_are_german(site):
    worker = (site / "sw.js").read_text("utf-8")
    config = json.loads(re.search(r"const CONFIG = (\{.*\});", worker)[1])
    assert config["words"]["copy"] == "Offline-Kopie"
    assert config["words"]["home"] == "Startseite"
    assert '<html lang="de">' in worker
    # the date of an offline copy's note is written as the pages write dates: German, 24-hour
    assert (config["language"], config["hourCycle"]) == ("de", "h23")


def test_the_exports_human_text_is_german(site):
    calendar = Calendar.from_ical((site / "program.ics").read_bytes())
    events = {str(event["url"]).rstrip("/").rsplit("/", 1)[-1]: event for event in calendar.walk("VEVENT")}
    assert str(events["gestrichen"]["summary"]) == "Abgesagt: Ein abgesagter Vortrag"
    description = str(events["maschinen"]["description"])
    assert "Vortragende: Charles Babbage" in description
    assert "Moderation: Ada Lovelace" in description
    assert events["maschinen"]["categories"].cats == ["Keynote"]
    assert events["notizen"]["categories"].cats == ["Eingeladener Vortrag"]
    schedule = json.loads((site / "schedule.json").read_text("utf-8"))
    titles = {link["title"] for day in schedule["schedule"]["conference"]["days"] for room in day["rooms"].values()
              for event in room for link in event["links"]}
    assert {"Folien", "Video", "Seite des Vortrags"} <= titles


def test_an_english_site_built_after_a_german_one_stays_english(site, built):
    app = built("minimal", "html")
    text = Path(app.outdir, "talks/notes.html").read_text("utf-8")
    assert "Moderator:" in text and "Speaker:" in text and "Moderation:" not in text
    assert _("Slides") == "Slides"  # no build registered now: the English words
    assert ngettext("Speaker:", "Speakers:", 2) == "Speakers:"
