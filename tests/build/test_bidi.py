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
