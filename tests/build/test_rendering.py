"""What the directives and headers render, parsed back from the built HTML."""

from __future__ import annotations

from pathlib import Path

from lxml import html

from helpers import parse_page, parse_warnings, words


def test_talk_list_in_program_order(built):
    app = built("minimal", "html")
    talks = parse_page(app, "index.html").xpath('//ul[contains(@class, "symposium-talks")]/li')
    assert [words(li.xpath('.//*[contains(@class, "symposium-talk-title")]')[0]) for li in talks] == [
        "Engines of Thought", "Notes on the Engine"]
    assert words(talks[1]) == ("Discussion 10:00–10:30 AM CST Notes on the Engine "
                               "Ada Lovelace; moderated by Charles Babbage")
    assert talks[0].xpath(".//time/@datetime") == ["2025-11-21T09:10-06:00", "2025-11-21T10:00-06:00"]


def test_speaker_cards_have_avatars_and_affiliations(built):
    app = built("minimal", "html")
    cards = parse_page(app, "index.html").xpath('//div[contains(@class, "symposium-speaker-card")]')
    assert [words(card) for card in cards] == [
        # initials, name, affiliation; sorted by family name
        "CB Charles Babbage Analytical Engine Society; Royal Society",
        "AL Ada Lovelace Analytical Engine Society",
    ]
    svg = cards[1].xpath(".//*[local-name()='svg']")[0]
    assert svg.get("aria-hidden") == "true"  # decorative: the name is next to it
    assert words(svg) == "AL"
    assert cards[1].xpath(".//a/@href") == ["speakers/ada-lovelace.html"]


def test_speaker_list_only_and_contact(build):
    app = build({"index.md": "# T\n\n```{speaker-list}\n:only: ada-lovelace\n:contact:\n```\n\n"
                             "```{toctree}\n:glob:\n\nprogram/index\nspeakers/*\ntalks/*\n```\n"})
    cards = parse_page(app, "index.html").xpath('//div[contains(@class, "symposium-speaker-card")]')
    assert [words(card) for card in cards] == ["AL Ada Lovelace Analytical Engine Society ada at example dot org"]


def test_talk_header(built):
    app = built("minimal", "html")
    header = parse_page(app, "talks/engines.html").xpath('//div[contains(@class, "symposium-talk-header")]')[0]
    assert words(header) == (
        "Keynote Friday, November 21, 2025, 9:10–10:00 AM CST · Room 1 "
        "Speaker: Charles Babbage (Analytical Engine Society; Royal Society) Material: Slides Previous: Welcome · Next: Notes on the Engine Add to calendar (.ics)"
    )
    assert header.xpath(".//a/@href") == ["../speakers/charles-babbage.html", "https://example.org/slides.pdf", "notes.html",
                                          "engines.ics"]


def test_speaker_header(built):
    app = built("minimal", "html")
    header = parse_page(app, "speakers/ada-lovelace.html").xpath('//div[contains(@class, "symposium-speaker-header")]')[0]
    text = words(header)
    assert text.startswith("AL Dr. Ada Lovelace Analytical Engine Society Homepage Contact: ada at example dot org")
    assert "Opening: Welcome (9:00 AM CST)" in text
    assert "Speaker: Notes on the Engine (10:00 AM CST)" in text
    assert header.xpath('.//a[text()="Homepage"]/@href') == ["https://example.org/ada"]
    assert "ada@example.org" not in html.tostring(header, encoding="unicode")


def test_photo_replaces_the_avatar(build):
    app = build({
        "_static/speakers/cb.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
        "speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: X\n"
                                        "  photo: _static/speakers/cb.svg\n---\n# Charles Babbage\n",
    }, confoverrides={"html_static_path": ["_static"]})
    assert parse_warnings(app) == []
    for page, expected in (("speakers/charles-babbage.html", "../_static/speakers/cb.svg"),
                           ("index.html", "_static/speakers/cb.svg")):
        imgs = parse_page(app, page).xpath('//img[contains(@class, "symposium-face")]')
        assert [img.get("src") for img in imgs] == [expected]
        assert imgs[0].get("alt") == "Photo of Charles Babbage"
        assert (Path(app.outdir) / page).parent.joinpath(expected).resolve().is_file()


def test_rooms_column_appears_when_rooms_differ(build):
    app = build({"talks/notes.md": "---\ntalk:\n  type: panel\n  start: 10:00\n  end: 10:30\n  room: Hall B\n---\n# Notes\n"})
    table = parse_page(app, "program/index.html").xpath('//table[contains(@class, "symposium-program")]')[0]
    assert [words(th) for th in table.xpath(".//th")] == ["Time (CST)", "Session", "Speakers", "Room"]
    assert [words(tr.xpath("./td")[-1]) for tr in table.xpath("./tbody/tr")] == ["Room 1", "Room 1", "Hall B"]


def test_text_builder_renders_the_program(built):
    app = built("minimal", "text")
    text = (Path(app.outdir) / "program/index.txt").read_text("utf-8")
    assert "9:10–10:00 AM" in text and "Engines of Thought" in text


def test_a_room_is_shown_as_written_and_a_speaker_named_twice_once(build):
    app = build({"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n  room: 0264\n"
                                     "  speakers: [charles-babbage, charles-babbage]\n---\n# Engines of Thought\n"})
    header = parse_page(app, "talks/engines.html").xpath('//div[contains(@class, "symposium-talk-header")]')[0]
    assert "· 0264" in words(header)
    assert words(header).count("Charles Babbage") == 1
    rows = parse_page(app, "program/index.html").xpath('//table[contains(@class, "symposium-program")]/tbody/tr')
    assert [words(tr.xpath("./td")[-1]) for tr in rows] == ["Room 1", "0264", "Room 1"]
    assert [w.line for w in parse_warnings(app)] == [7]


def test_without_symposium_room_an_overlap_with_the_one_named_room_is_caught(build):
    app = build({"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:15\n  room: Hall A\n"
                                     "---\n# Engines of Thought\n"},
                confoverrides={"symposium_room": ""})
    found = parse_warnings(app)
    assert [(w.type, w.path, w.line) for w in found] == [("symposium.schedule", "talks/notes.md", 4)]
    assert "starts before the end of 'Engines of Thought' (9:10–10:15 AM) in Hall A" in found[0].message


def test_two_program_tables_on_one_page_have_their_own_ids(build):
    app = build({"program/index.md": "# Program\n\n```{program-table}\n```\n\n## Again\n\n```{program-table}\n```\n"})
    doc = parse_page(app, "program/index.html")
    assert [t.get("id") for t in doc.xpath('//table[contains(@class, "symposium-program")]')] == [
        "program-2025-11-21", "program-2025-11-21-2"]
    ids = [e.get("id") for e in doc.iter() if isinstance(e.tag, str) and e.get("id")]
    assert len(ids) == len(set(ids))


def test_text_builder_keeps_the_space_after_a_bold_label_outside_it(built):
    app = built("minimal", "text")
    text = (Path(app.outdir) / "talks/notes.txt").read_text("utf-8")
    assert "**Speaker:** Ada Lovelace (Analytical Engine Society)" in text
    assert "**Moderator:** Charles Babbage" in text
