"""Codes that a speaker or a submitter types are checked before anything publishes them: a talk's
``language`` is a language the Unicode CLDR knows, and the apps' slug of every item satisfies c3voc's
schemas whatever its title or file name."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import re

import pytest

from helpers import EVENT, VALIDATORS, at, talk
from symposium.model.entities import ProgramItem, slugify
from symposium.model.identifiers import check_identifiers, event_number, frab_slug, frab_tail, guid
from symposium.model.languages import language_problem

# -- language --------------------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["de", "en", "ja", "pt-BR", "zh-Hant", "sr-Latn", "zh-Hant-TW", "de-CH-1996",
                                 "es-419", "en-GB", "fil", "yue", "DE", "pt-br", "tl"])
def test_tags_of_languages_cldr_knows_are_kept_as_written(tag):
    assert language_problem(tag) is None
    item, problems = talk(f"type: keynote\nstart: 9:00\nend: 9:30\nlanguage: {tag}\n")
    assert problems == [] and item.language == tag


@pytest.mark.parametrize(("tag", "meant", "why"), [
    ("jp", "ja", "'JP' is the code of the region Japan, whose likely language is Japanese"),
    ("jpn", "ja", "'jpn' is an older or longer code of Japanese"),
    ("JP", "ja", "region Japan"),
    ("gr", "el", "region Greece"),
    ("cn", "zh", "region China"),
    ("cz", "cs", "region Czechia"),
    ("deu", "de", "code of German"),
    ("ger", "de", "code of German"),
    ("iw", "he", "code of Hebrew"),
    ("jp-JP", "ja-JP", "whose language 'jp'"),
    ("en-UK", "en-GB", "whose region 'UK'"),
    ("German", "de", "a language's name"),
    ("japanese", "ja", "a language's name"),
    ("de_DE", "de-DE", "written with '-'"),
])
def test_a_code_that_is_no_language_is_one_located_warning_with_what_was_meant(tag, meant, why):
    item, problems = talk(f"type: keynote\nstart: 9:00\nend: 9:30\nlanguage: {tag}\n")
    assert at(problems) == [("frontmatter", 6)]  # the line of `language:`
    message = problems[0].message
    assert message.startswith(f"'talk.language' is {tag!r}, ")
    assert why in message
    assert f"did you mean {meant!r}?" in message or f"written with '-': {meant!r}" in message
    assert "expected a BCP 47 tag" in message
    assert item.language == ""  # published in the site's language, never as written


@pytest.mark.parametrize("tag", ["xx", "qqq", "zz-Latn", "de-XX", "zh-Hanx", "Klingonese", "e", "en-us-x"])
def test_a_code_with_no_guess_says_what_is_expected(tag):
    item, problems = talk(f"type: keynote\nstart: 9:00\nend: 9:30\nlanguage: {tag}\n")
    assert at(problems) == [("frontmatter", 6)]
    assert "did you mean" not in problems[0].message
    assert "such as 'de', 'en', 'ja' or 'pt-BR'" in problems[0].message
    assert item.language == ""


def test_language_jp_asks_for_ja():
    _, problems = talk("type: keynote\nstart: 9:00\nend: 9:30\nlanguage: jp\n")
    assert "did you mean 'ja'?" in problems[0].message


# -- the apps' slugs -------------------------------------------------------------------------------

#: c3voc's schedule.xml.xsd (voc-slug-new) and schedule.schema.json (Event.slug); the XSD's patterns
#: match the whole value
XSD_SLUG = re.compile(r"[a-z0-9_]{4,}-[a-z0-9\-_]{4,}")
JSON_SLUG = re.compile(r"^[a-z0-9_-]+[a-z0-9]$")


def test_the_patterns_are_the_validators():
    if not VALIDATORS.is_dir():
        pytest.skip(f"no {VALIDATORS}")
    xsd = (VALIDATORS / "c3voc-schedule.xml.xsd").read_text("utf-8")
    assert '<xs:pattern value="[a-z0-9_]{4,}-[a-z0-9\\-_]{4,}"/>' in xsd
    schema = json.loads((VALIDATORS / "c3voc-schedule.schema.json").read_text("utf-8"))
    assert schema["definitions"]["Event"]["properties"]["slug"]["pattern"] == JSON_SLUG.pattern


def _valid(slug: str) -> bool:
    return bool(XSD_SLUG.fullmatch(slug) and JSON_SLUG.match(slug))


def item(slug: str = "", title: str = "A talk", room: str = "") -> ProgramItem:
    start = dt.datetime(2025, 11, 21, 9, tzinfo=EVENT.timezone)
    has_page = bool(slug)
    return ProgramItem(key=f"talks/{slug}" if has_page else "program/index#0", docname=f"talks/{slug}" if has_page
                       else "program/index", has_page=has_page, title=title, type="keynote", start=start,
                       end=start + dt.timedelta(minutes=30), room=room)


TITLES = ["AI", "HPC", "Q&A", "Lunch", "…", "!!!", "???", "—", "", "山田の講演", "محاضرة", "Доклад", "Ωμέγα",
          "Café", "x" * 400, "A " * 300, "--a--", "_", "Ünïcödé & ÆØÅ", "🎉", "a_b", "R2", "9"]
PAGE_SLUGS = ["ai", "hpc", "qa", "x", "a1", "abcd", "keynote-tbd", "invited-talk-1", "My_Talk", "日本", "a_b",
              "ab-", "-ab", "über", "a" * 300]


@pytest.mark.parametrize("acronym", ["aiexscale2025", "bww_", "sc25", "a_b_c"])
def test_every_item_s_slug_satisfies_both_schemas(acronym):
    items = [item(title=t) for t in TITLES] + [item(title=t, room=t) for t in TITLES] + [item(s) for s in PAGE_SLUGS]
    rng = random.Random(23)
    alphabet = "abcxyz019-_ .!?&ÄéßЖж山田محمد🎉\u200f\t"
    items += [item(title="".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))) for _ in range(300)]
    items += [item("".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 8)))) for _ in range(300)]
    for one in items:
        slug = frab_slug(acronym, one)
        assert _valid(slug), (one.slug, slug)
        assert frab_slug(acronym, one) == slug  # the same on every build


def test_slugs_that_validate_are_kept_and_short_ones_are_lengthened():
    assert frab_slug("aiexscale2025", item("keynote-tbd")) == "aiexscale2025-keynote-tbd"
    assert frab_slug("aiexscale2025", item("abcd")) == "aiexscale2025-abcd"
    assert frab_slug("aiexscale2025", item(title="Welcome")) == "aiexscale2025-20251121-0900-welcome"
    assert frab_slug("aiexscale2025", item("hpc")) == "aiexscale2025-hpc_event"
    assert frab_slug("aiexscale2025", item("ai")) == "aiexscale2025-ai_event"
    assert re.fullmatch(r"a-b_[0-9a-f]{8}", frab_tail("a_b"))
    assert re.fullmatch(r"my-talk_[0-9a-f]{8}", frab_tail("My_Talk"))
    assert re.fullmatch(r"item_[0-9a-f]{8}", frab_tail("日本"))
    assert frab_tail("日本") != frab_tail("中国")


def test_lengthening_a_slug_leaves_the_other_identifiers_alone():
    """Calendars and apps key on the UID, guid and id: they come from the item's own slug."""
    short = item("hpc")
    assert short.slug == "hpc"
    assert guid("aiexscale2025", "event", short.slug) == guid("aiexscale2025", "event", "hpc")
    assert event_number("aiexscale2025", short) == event_number("aiexscale2025", dataclasses.replace(short))


def test_two_items_that_would_share_a_lengthened_slug_are_reported():
    """A page ``hpc.md`` and a (badly named) ``hpc_event.md`` would give one slug to two events."""
    problems = check_identifiers([item("hpc", "HPC"), item("hpc_event", "HPC too")], "aiexscale2025")
    assert [p.subtype for p in problems] == ["export"]
    assert check_identifiers([item("hpc"), item("hpcs")], "aiexscale2025") == []


def test_slugify_of_anything_is_a_slug():
    for text in TITLES:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slugify(text)), text
