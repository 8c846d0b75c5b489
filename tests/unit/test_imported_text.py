"""An imported abstract or biography (HTML, Markdown or plain text, written by a submitter) as safe MyST
Markdown: nothing in it becomes live HTML or a MyST directive, role or substitution; it reads as written."""

from __future__ import annotations

import random

import pytest
import yaml
from markdown_it import MarkdownIt

from symposium.cli.import_pages import flow_scalar
from symposium.cli.new_page import yaml_scalar
from symposium.model.imported_text import clean_line, imported_markdown

HOSTILE = {
    "script": "Before <script>alert('x')</script> after",
    "img": '<img src=x onerror="alert(1)"> picture',
    "dialog": "<dialog open>Open dialog</dialog>",
    "breakout": '"><svg onload=alert(1)><p>x',
    "javascript link": "[click](javascript:alert(1)) and <a href=\"javascript:alert(1)\">js</a>",
    "raw fence": "Text\n\n```{raw} html\n<script>alert(2)</script>\n```\n",
    "eval-rst": "```{eval-rst}\n.. raw:: html\n\n   <script>alert(3)</script>\n```",
    "include": "```{include} /etc/passwd\n```",
    "colon fence": ":::{raw} html\n<b>bold</b>\n:::",
    "roles": "{raw}`<b>x</b>` and {doc}`index`",
    "substitution": "{{ project }} and {{ 'x' * 3 }}",
    "maths": "$x^2$ and $$y$$",
    "comment and target": "% a comment\n(target)=\n+++\n: definition\n:field: value",
}


def myst_tokens(markdown: str) -> list:
    """The tokens MyST's own parser makes of ``markdown`` (with the extensions the site enables)."""
    from myst_parser.config.main import MdParserConfig
    from myst_parser.mdit_to_docutils.base import DocutilsRenderer
    from myst_parser.parsers.mdit import create_md_parser

    config = MdParserConfig(enable_extensions={"colon_fence", "substitution", "attrs_inline", "attrs_block",
                                               "dollarmath", "deflist", "fieldlist"})
    parser = create_md_parser(config, DocutilsRenderer)
    return list(parser.parse(markdown))


def flat(tokens) -> list:
    for token in tokens:
        yield token
        yield from flat(token.children or [])


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_hostile_text_is_inert_markdown(text):
    markdown = imported_markdown(text)
    types = {token.type for token in flat(myst_tokens(markdown))}
    assert not types & {"html_block", "html_inline", "colon_fence", "substitution_block", "substitution_inline",
                        "myst_role", "math_inline", "math_block", "myst_line_comment", "myst_target",
                        "myst_block_break", "dl_open", "field_list_open", "attrs_block"}, (markdown, types)
    for token in flat(myst_tokens(markdown)):
        if token.type == "fence":
            assert not token.info.strip(), markdown  # no language: ```{raw} would be a directive
        if token.type == "link_open":
            assert token.attrs["href"].startswith(("http:", "https:", "mailto:")), markdown
    html = MarkdownIt("commonmark").render(markdown)  # with raw HTML on: nothing of it comes through
    for live in ("<script", "<img", "<dialog", "<svg", "onerror", "onload", "javascript:"):
        assert live not in html.replace("&lt;", "<").replace("<code>", "") or live in markdown_text(html), html


def markdown_text(html: str) -> str:
    """What a reader sees of ``html``: the text in it."""
    from lxml import html as lxml_html

    return lxml_html.fromstring(f"<div>{html}</div>").text_content()


def test_a_script_in_plain_text_is_shown_as_text():
    markdown = imported_markdown("Use <script>alert(1)</script> tags")
    assert markdown == r"Use \<script\>alert(1)\</script\> tags"
    assert markdown_text(MarkdownIt("commonmark").render(markdown)).strip() == "Use <script>alert(1)</script> tags"


def test_control_characters_and_an_open_override_are_dropped():
    assert imported_markdown("Reversed \u202eword\x00\x07 and\x1b more") == "Reversed word and more"
    assert clean_line(" A\x00 title\u0085 \t here ") == "A title here"


def test_html_paragraphs_and_lists_become_markdown():
    html = ("<p>First <b>bold</b> and <em>em</em> and <code>x = {a}</code>.</p>\n<ul><li>one</li><li>two<ul>"
            "<li>two a</li></ul></li></ul><ol><li>first</li><li>second</li></ol><p>See <a href='https://fosdem.org/'>"
            "FOSDEM</a>.</p>")
    assert imported_markdown(html) == (
        "First **bold** and *em* and `x = {a}`.\n\n- one\n- two\n  - two a\n\n1. first\n2. second\n\n"
        "See [FOSDEM](https://fosdem.org/).")


def test_headings_become_bold_lines():
    assert imported_markdown("Intro\n\n### Details\n\nMore\n\nSetext\n------\n") == (
        "Intro\n\n**Details**\n\nMore\n\n**Setext**")
    assert imported_markdown("<h2>Outline</h2><p>Text</p>") == "**Outline**\n\nText"


def test_a_description_indented_by_twenty_spaces_is_no_code_block():
    indent = " " * 20
    text = f"First line\n{indent}second line\n\n{indent}- item one\n{indent}- item two\n{indent}  - nested"
    assert imported_markdown(text) == "First line\nsecond line\n\n- item one\n- item two\n  - nested"
    assert imported_markdown(f"{indent}<p>indented</p>\n{indent}<ul><li>html</li></ul>") == "indented\n\n- html"


def test_a_two_level_markdown_list_and_code_stay():
    text = "- a\n  - b\n- c\n\nCall `f(x)`:\n\n```python\nprint('{x}')\n```"
    assert imported_markdown(text) == "- a\n  - b\n- c\n\nCall `f(x)`:\n\n```\nprint('{x}')\n```"


def test_a_code_block_holding_a_fence_gets_a_longer_one():
    markdown = imported_markdown("<pre><code>```{raw} html\n<script>x</script>\n```</code></pre>")
    assert markdown.startswith("````\n```{raw} html") and markdown.endswith("```\n````")


def test_inline_html_with_blank_lines_keeps_its_paragraphs():
    assert imported_markdown("One <b>bold</b>\n\nTwo") == "One **bold**\n\nTwo"


def test_a_plain_text_reads_back_as_written():
    text = "Plain words, (parens) 50% & more: a_b 2*3 #tag 1. List<T> {x} $5 ~ | a - b"
    rendered = markdown_text(MarkdownIt("commonmark").render(imported_markdown(text)))
    assert " ".join(rendered.split()) == text


NASTY = ["a", " ", ":", ": ", "#", " #", "'", '"', "-", "- ", "!", "&", "*", "%", "@", "`", "\t", "?", "? ", "|",
         ">", "{", "}", "[", "]", ",", "~", "null", "yes", "1", "0x1", "1e3", ".inf", "2025-01-01", "\\", "\u202e",
         "é", "😀", "\u0085", "\u2028", "\ufeff", "=", "<<", "---", "...", "%TAG", "\ufffe", "\n", "Session 1: AI"]


def test_every_value_the_import_writes_reads_back_as_itself_in_yaml():
    rng = random.Random(23)
    for _ in range(3000):
        text = " ".join("".join(rng.choice(NASTY) for _ in range(rng.randint(1, 5))).split())
        if not text:
            continue
        assert yaml.safe_load(f"x: {yaml_scalar(text)}\n")["x"] == text
        assert yaml.safe_load(f"x: {{t: {flow_scalar(text)}, u: v}}\n")["x"] == {"t": text, "u": "v"}
        assert yaml.safe_load(f"x: [{flow_scalar(text)}, v]\n")["x"] == [text, "v"]


@pytest.mark.parametrize("text", ["<b>" * 3000 + "deep words" + "</b>" * 3000, "<ul><li>" * 3000 + "deep words",
                                  "> " * 200 + "deep words"])
def test_a_text_nested_too_deep_keeps_its_words_as_plain_text(text):
    assert "deep words" in imported_markdown(text)
