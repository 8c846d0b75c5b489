"""Names and titles in right-to-left scripts, or with a direction override left open, stay in
their own direction: each is isolated (``<bdi>``) wherever the site lists it."""

from __future__ import annotations

from pathlib import Path

from helpers import parse_page, parse_warnings, select

ARABIC = "\u0645\u062d\u0645\u062f \u0639\u0644\u064a"  # a speaker's name in Arabic script
OVERRIDE = "Reversed \u202eword"  # a title with a right-to-left override never closed

FILES = {
    "speakers/ada-lovelace.md": f"---\nspeaker:\n  name: {ARABIC}\n  affiliation: Analytical Engine Society\n---\n# {ARABIC}\n",
    "talks/notes.md": "---\ntalk:\n  type: panel\n  start: \"10:00 AM\"\n  duration: 30\n"
                      "  speakers: [ada-lovelace, charles-babbage]\n---\n# " + OVERRIDE + "\n",
}


def isolated_texts(doc) -> list[str]:
    return [element.text_content() for element in doc.iter("bdi")]


def test_a_right_to_left_name_and_an_open_override_are_isolated_in_every_listing(built):
    app = built("minimal", "html", files=FILES)
    assert parse_warnings(app) == []
    program = parse_page(app, "program/index.html")
    (row,) = select(program, f'//table[contains(@class, "symposium-program")]//tr[.//bdi[text()="{OVERRIDE}"]]')
    assert [text for text in isolated_texts(row) if text in (ARABIC, "Charles Babbage", OVERRIDE)] == [
        OVERRIDE, ARABIC, "Charles Babbage"]
    talk = parse_page(app, "talks/notes.html")
    people = select(talk, '//*[contains(@class, "symposium-talk-header")]//*[contains(@class, "symposium-people")]')
    assert ARABIC in isolated_texts(people[0])
    speaker = parse_page(app, "speakers/ada-lovelace.html")
    roles = select(speaker, '//*[contains(@class, "symposium-roles")]')
    assert OVERRIDE in isolated_texts(roles[0])  # the title in the speaker's list of roles


def test_other_builders_get_the_text_alone(built):
    app = built("minimal", "text", files=FILES)
    text = (Path(app.outdir) / "program" / "index.txt").read_text("utf-8")
    assert ARABIC in text and "bdi" not in text


HEBREW = "\u05e0\u05d5\u05e2\u05d4 \u05db\u05d4\u05df"  # Noa Cohen, in Hebrew
#: a panel of three: an Arabic name, a Latin one and a Hebrew one, each with an affiliation
PANEL = {
    "speakers/ada-lovelace.md": f"---\nspeaker:\n  name: {ARABIC}\n  affiliation: Analytical Engine Society\n---\n# {ARABIC}\n",
    "speakers/noa-cohen.md": f"---\nspeaker:\n  name: {HEBREW}\n  affiliation: Weizmann Institute\n---\n# {HEBREW}\n",
    "talks/notes.md": "---\ntalk:\n  type: panel\n  start: \"10:00 AM\"\n  duration: 30\n"
                      "  speakers: [ada-lovelace, charles-babbage, noa-cohen]\n---\n# Notes on the Engine\n",
}


def test_a_panel_of_arabic_hebrew_and_latin_names_keeps_each_name_apart(built):
    """The panel's speaker line and the speaker cards: each name in its own <bdi>, so that the
    comma and the affiliation after a right-to-left name stay where the reader expects them."""
    app = built("minimal", "html", files=PANEL)
    assert parse_warnings(app) == []
    talk = parse_page(app, "talks/notes.html")
    (line,) = select(talk, '//*[contains(@class, "symposium-talk-header")]//*[contains(@class, "symposium-people")]')
    assert isolated_texts(line) == [ARABIC, "Charles Babbage", HEBREW]
    assert " ".join(line.text_content().split()) == (
        f"Speakers: {ARABIC} (Analytical Engine Society), Charles Babbage (Analytical Engine Society; Royal Society), "
        f"{HEBREW} (Weizmann Institute)")
    home = parse_page(app, "index.html")
    cards = select(home, '//*[contains(@class, "symposium-speaker-card")]')
    names = [isolated_texts(card) for card in cards]
    # by family name in the Unicode Collation Algorithm's order: its scripts in turn, Latin, Hebrew, Arabic
    assert names == [["Charles Babbage"], [HEBREW], [ARABIC]]
