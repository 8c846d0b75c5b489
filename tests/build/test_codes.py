"""What a speaker or a submitter types is published only when it is right: a talk's language that no
language has is one located warning and is published nowhere, a talk's short slug still gives the
conference apps a valid schedule, and a name in another script gets an avatar that fits it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import VALIDATORS, jsonld, parse_page, parse_warnings, schedule_events, validate_schedules

needs_validators = pytest.mark.skipif(not VALIDATORS.is_dir(), reason=f"no {VALIDATORS} beside the repository")

SHORT = {
    # a talk whose title (and so the page's slug) has three letters
    "talks/hpc.md": "---\ntalk:\n  type: contributed\n  start: 10:30\n  end: 10:50\n  speakers: [yamada-taro]\n"
                    "---\n# HPC\n\nThe abstract.\n",
    "speakers/yamada-taro.md": "---\nspeaker:\n  name: 山田 太郎\n  affiliation: 東京大学\n---\n# 山田 太郎\n",
    "speakers/mohammed-abdullah.md": "---\nspeaker:\n  name: محمد عبد الله\n  affiliation: جامعة القاهرة\n---\n"
                                     "# محمد عبد الله\n",
    "talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n"
                        "  speakers: [charles-babbage, mohammed-abdullah]\n  language: jp\n---\n# Engines of Thought\n",
}


@pytest.fixture(scope="module")
def short(built):
    return built("minimal", "dirhtml", files=SHORT)


@needs_validators
def test_a_talk_with_a_three_letter_title_gives_a_valid_schedule(short):
    data = validate_schedules(Path(short.outdir))
    slugs = {event["title"]: event["slug"] for event in schedule_events(data)}
    assert slugs["HPC"] == "testsymposium2025-hpc_event"
    assert slugs["Engines of Thought"] == "testsymposium2025-engines"  # a slug that validates is kept


def test_a_language_that_is_no_language_is_one_warning_and_published_nowhere(short):
    warnings = [w for w in parse_warnings(short) if w.type == "symposium.frontmatter"]
    assert [(w.path, w.line) for w in warnings] == [("talks/engines.md", 7)]
    assert "did you mean 'ja'?" in warnings[0].message
    out = Path(short.outdir)
    data = json.loads((out / "schedule.json").read_text("utf-8"))
    assert {e["title"]: e["language"] for e in schedule_events(data)}["Engines of Thought"] == "en"
    page = parse_page(short, "talks/engines/index.html")
    assert not page.xpath('//*[@lang="jp"]')
    assert "jp" not in json.dumps(jsonld(page))
    assert "JP" not in [mark.text for mark in parse_page(short, "program/index.html").xpath("//abbr")]


@pytest.mark.parametrize(("slug", "letter"), [("yamada-taro", "山"), ("mohammed-abdullah", "ع")])
def test_the_avatar_of_a_name_in_another_script_shows_one_character(short, slug, letter):
    page = parse_page(short, f"speakers/{slug}/index.html")
    (avatar,) = page.xpath('//*[local-name()="svg"][contains(@class, "symposium-avatar")]')
    (text,) = avatar.xpath('.//*[local-name()="text"]')
    assert text.text == letter


def test_the_speaker_cards_show_one_character_for_them_and_two_initials_for_latin_names(short):
    shown = [t.text for t in parse_page(short, "index.html").xpath(
        '//*[local-name()="svg"][contains(@class, "symposium-avatar")]//*[local-name()="text"]')]
    assert sorted(shown) == sorted(["AL", "CB", "山", "ع"])
