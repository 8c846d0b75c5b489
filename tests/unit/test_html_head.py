"""The HTML head without Sphinx: the JSON-LD script's escaping, and descriptions from a doctree's prose."""

from __future__ import annotations

import json

import pytest

from symposium.html_page.descriptions import prose, shortened
from symposium.html_page.jsonld import script


def test_script_escapes_every_character_html_reads():
    data = {"name": "</script><!-- & -->", "x": "\u2028"}
    text = script(data)
    body = text.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not {"<", ">", "&"} & set(body)
    assert json.loads(body) == data


def test_description_is_the_prose_not_the_header():
    from docutils.core import publish_doctree

    doctree = publish_doctree(
        "Title\n=====\n\n.. container:: symposium-header\n\n   Keynote, 9:10 AM\n\n"
        "First paragraph of the abstract.\n\nSecond paragraph.\n\n- a list ends it\n\nLater text.\n",
        settings_overrides={"report_level": 5},
    )
    assert prose(doctree) == ["First paragraph of the abstract.", "Second paragraph."]


@pytest.mark.parametrize(("text", "length", "expected"), [
    ("short", 10, "short"),
    ("one two three four", 12, "one two\u2026"),
    ("one, two, three", 10, "one\u2026"),
    ("abcdefghijkl", 6, "abcde\u2026"),
])
def test_shortened_cuts_at_a_word(text, length, expected):
    assert shortened(text, length) == expected
    assert len(shortened(text, length)) <= length
