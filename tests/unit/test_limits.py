"""The limit on what the site copies of a page's text, without Sphinx: the short form and the warning."""

from __future__ import annotations

import pytest

from helpers import EVENT
from symposium.model.frontmatter import read_frontmatter
from symposium.model.limits import TEXT_LIMIT, shortened, too_long, within_limit
from symposium.model.pages import read_page


@pytest.mark.parametrize(("text", "length", "expected"), [
    ("short", 10, "short"),
    ("exactly10!", 10, "exactly10!"),
    ("one two three four", 12, "one two\u2026"),
    ("one, two, three", 10, "one\u2026"),
    ("abcdefghijkl", 6, "abcde\u2026"),  # no space before the cut: cut inside the word
    # line and paragraph breaks before the cut stay; the break at the cut goes
    ("First line.\nSecond line.\n\nA paragraph that goes on", 33, "First line.\nSecond line.\n\nA\u2026"),
    ("One paragraph.\n\nAnother one here", 20, "One paragraph\u2026"),
])
def test_shortened_cuts_at_a_word_and_keeps_the_breaks_before(text, length, expected):
    assert shortened(text, length) == expected
    assert len(shortened(text, length)) <= length


def test_a_text_within_the_limit_is_copied_as_it_is():
    text = ("word " * TEXT_LIMIT)[:TEXT_LIMIT]
    assert within_limit(text) is text
    assert too_long("abstract", text, "calendars") is None
    longer = text + "s"
    assert len(within_limit(longer)) <= TEXT_LIMIT and within_limit(longer).endswith("word\u2026")
    assert too_long("abstract", longer, "calendars") == (
        "the abstract is 10,001 characters; the page shows it whole, but only its first 10,000, cut at a word with "
        "'\u2026', go into calendars; expected at most 10,000: shorten it, or link a longer text")


PAGES = {
    "talks/long": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n---\n# Long\n",
    "speakers/long": "---\nspeaker:\n  name: Long\n  affiliation: Somewhere\n---\n# Long\n",
}


@pytest.mark.parametrize(("docname", "what"), [("talks/long", "abstract"), ("speakers/long", "biography")])
def test_a_long_text_is_one_warning_at_its_line_and_the_talk_keeps_its_short_form(docname, what):
    text = "word " * 3000  # 15,000 characters
    page = read_page(docname, read_frontmatter(PAGES[docname]), title="Long", event=EVENT, file_exists=lambda _: True,
                     abstract=text, abstract_line=9)
    assert [(p.subtype, p.line, p.message.split(";")[0]) for p in page.problems] == [
        ("export", 9, f"the {what} is 15,000 characters")]
    if what == "abstract":
        (talk,) = page.items
        assert talk.abstract == within_limit(text) and len(talk.abstract) <= TEXT_LIMIT


def test_no_warning_for_a_page_whose_block_is_not_read():
    """A talk without its block is not copied anywhere: only the missing block is reported."""
    page = read_page("talks/long", None, title="Long", event=EVENT, file_exists=lambda _: True,
                     abstract="word " * 3000, abstract_line=9)
    assert [p.subtype for p in page.problems] == ["frontmatter"]
