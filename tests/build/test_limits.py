"""A very long abstract or biography: one located warning, the whole text once in the page's body,
and its short form (at most ``limits.TEXT_LIMIT`` characters, with "…") in every copy outside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from helpers import calendar, events, jsonld, meta, parse_page, schedule_events, symposium_warnings
from symposium.cli.check import check_site
from symposium.model.limits import TEXT_LIMIT

#: 5 MiB of text, in paragraphs of words, numbered so that the cut can be found
ABSTRACT_SIZE = 5 * 1024 * 1024
BIOGRAPHY_SIZE = 20_000
TALK_FRONTMATTER = """---
talk:
  type: keynote
  start: 9:10
  end: 10:00
  speakers: [charles-babbage]
---
# Engines of Thought

"""
SPEAKER_FRONTMATTER = """---
speaker:
  name: Ada Lovelace
  affiliation: Analytical Engine Society
---
# Ada Lovelace

"""


def paragraphs(size: int, word: str) -> list[str]:
    """Paragraphs of numbered words (``word12 word13 ...``), some 1,000 characters each, ``size`` characters
    in all once joined by blank lines.

    Long words: Sphinx's search index stems every word of a page, and 5 MB of short words take it
    20 seconds; the limit counts characters, not words.
    """
    found: list[str] = []
    total, number = 0, 0
    while total < size:
        words = []
        length = 0
        while length < 1000:
            words.append(f"{word}{number}")
            length += len(words[-1]) + 1
            number += 1
        text = " ".join(words) + "."
        found.append(text)
        total += len(text) + 2
    text = "\n\n".join(found)
    found[-1] = found[-1][: len(found[-1]) - (len(text) - size)]  # exactly `size` characters
    return found


ABSTRACT = paragraphs(ABSTRACT_SIZE, "analyticalenginesweavealgebraicalpatternsasthejacquardloom")
BIOGRAPHY = paragraphs(BIOGRAPHY_SIZE, "loom")


@pytest.fixture(scope="module")
def site(built):
    return built("minimal", "dirhtml", files={
        "talks/engines.md": TALK_FRONTMATTER + "\n\n".join(ABSTRACT) + "\n",
        "speakers/ada-lovelace.md": SPEAKER_FRONTMATTER + "\n\n".join(BIOGRAPHY) + "\n",
    })


def short_form_of(copy: str, paragraphs: list[str]) -> None:
    """``copy`` is the text's beginning, cut at a word, within the limit, with its paragraphs."""
    whole = "\n\n".join(paragraphs)
    assert copy.endswith("\u2026")
    assert len(copy) <= TEXT_LIMIT
    kept = copy.removesuffix("\u2026")
    assert len(kept) > TEXT_LIMIT - 100  # cut near the limit, not far before it
    assert whole.startswith(kept)
    assert whole[len(kept)] in " ."  # at the end of a word
    assert "\n\n" in kept  # paragraphs kept as paragraphs


def test_one_warning_for_each_long_text_at_its_first_line(site):
    warnings = symposium_warnings(site)
    assert [(w.path, w.line, w.type) for w in warnings] == [
        ("speakers/ada-lovelace.md", 8, "symposium.export"),
        ("talks/engines.md", 10, "symposium.export"),
    ]
    biography, abstract = (w.message for w in warnings)
    assert abstract.startswith(f"the abstract is {ABSTRACT_SIZE:,} characters;")
    assert biography.startswith(f"the biography is {BIOGRAPHY_SIZE:,} characters;")
    for message in (abstract, biography):
        assert f"the page shows it whole, but only its first {TEXT_LIMIT:,}, cut at a word" in message
        assert message.endswith(f"expected at most {TEXT_LIMIT:,}: shorten it, or link a longer text")


def test_the_talk_page_carries_the_abstract_once_whole_and_short_elsewhere(site):
    path = Path(site.outdir) / "talks" / "engines" / "index.html"
    assert path.stat().st_size < 6_000_000
    doc = parse_page(site, "talks/engines/index.html")
    # the body: every paragraph, once
    body = [" ".join(p.text_content().split()) for p in doc.xpath('//div[@role="main"]/section/p')]
    assert body[: len(ABSTRACT)] == ABSTRACT[: len(body)] and len(body) >= len(ABSTRACT)
    assert etree.tostring(doc, encoding="unicode").count(ABSTRACT[-1]) == 1
    # the head and the citation block: short forms
    short_form_of(jsonld(doc)["description"], ABSTRACT)
    (abstract,) = meta(doc, "citation_abstract")
    short_form_of(abstract, ABSTRACT)
    assert len(meta(doc, "description")[0]) <= 200
    blocks = [json.loads(pre.text_content()) for pre in doc.xpath("//pre") if pre.text_content().lstrip().startswith("[")]
    assert len(blocks) == 1
    short_form_of(blocks[0][0]["abstract"], ABSTRACT)


def test_the_exports_carry_the_short_form(site):
    outdir = Path(site.outdir)
    (item,) = json.loads((outdir / "talks" / "engines.csl.json").read_text("utf-8"))
    short_form_of(item["abstract"], ABSTRACT)
    assert len((outdir / "talks" / "engines.bib").read_bytes()) < 2000  # BibTeX carries no abstract
    for path in ("program.ics", "talks/engines.ics", "speakers/charles-babbage.ics"):
        (talk,) = [event for event in events(calendar(site, path)) if event["SUMMARY"] == "Engines of Thought"]
        description = str(talk["DESCRIPTION"])
        short_form_of(description[: description.index("\u2026") + 1], ABSTRACT)
        assert (outdir / path).stat().st_size < TEXT_LIMIT * 2, path
    (talk,) = [e for e in schedule_events(json.loads((outdir / "schedule.json").read_text("utf-8")))
               if e["title"] == "Engines of Thought"]
    short_form_of(talk["abstract"], ABSTRACT)
    xml = etree.parse(str(outdir / "schedule.xml"))
    (abstract,) = xml.xpath('//event[title="Engines of Thought"]/abstract/text()')
    short_form_of(abstract, ABSTRACT)
    assert (outdir / "schedule.xml").stat().st_size < TEXT_LIMIT * 3


def test_the_speaker_page_carries_the_biography_whole_and_short_in_its_json_ld(site):
    doc = parse_page(site, "speakers/ada-lovelace/index.html")
    body = [" ".join(p.text_content().split()) for p in doc.xpath('//div[@role="main"]/section/p')]
    assert [p for p in body if p.startswith("loom")] == BIOGRAPHY
    short_form_of(jsonld(doc)["description"], BIOGRAPHY)


def test_symposium_check_says_what_the_build_says(site):
    found = check_site(site.srcdir)
    assert [(f.path, f.line, f.message, f"symposium.{f.subtype}") for f in found] == [
        (w.path, w.line, w.message, w.type) for w in symposium_warnings(site)]
