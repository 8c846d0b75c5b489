"""Each front-matter mistake: one warning of type symposium, at its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import parse_warnings

ADA_TALK = """\
---
talk:
  type: invited
  start: 9:10
  end: 10:00
  speakers:
    - ada-lovelace
    - ada-lovelance
---
# Engines of Thought
"""



def talk_page(timing: str) -> str:
    """The minimal root's keynote, with its timing keys as given (indented by two spaces)."""
    return f"---\ntalk:\n  type: keynote\n  {timing}\n---\n# Engines of Thought\n"


CASES = {
    "unknown speaker slug": (
        {"talks/engines.md": ADA_TALK},
        "symposium.reference", "talks/engines.md", 8, "did you mean 'ada-lovelace'",
    ),
    "unknown moderator slug": (
        {"talks/notes.md": "---\ntalk:\n  type: discussion\n  start: 10:00\n  end: 10:30\n  moderators: [nobody]\n---\n# Notes\n"},
        "symposium.reference", "talks/notes.md", 6, "unknown moderator 'nobody'",
    ),
    "unknown talk type": (
        {"talks/engines.md": "---\ntalk:\n  type: keynot\n  start: 9:10\n  end: 10:00\n---\n# Engines\n"},
        "symposium.frontmatter", "talks/engines.md", 3, "did you mean 'keynote'",
    ),
    "missing required key": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  end: 10:00\n---\n# Engines\n"},
        "symposium.frontmatter", "talks/engines.md", 2, "missing required key 'talk.start'",
    ),
    "a time that is not a time": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: ten past nine\n  end: 10:00\n---\n# Engines\n"},
        "symposium.frontmatter", "talks/engines.md", 4, "expected a time such as 8:35",
    ),
    "an end before its start": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 9:00\n---\n# Engines\n"},
        "symposium.schedule", "talks/engines.md", 5, "not after the start",
    ),
    "overlapping items in one room": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:15\n---\n# Engines\n"},
        "symposium.schedule", "talks/notes.md", 4, "overlaps 'Engines'",
    ),
    "a page under talks/ without talk front-matter": (
        {"talks/stray.md": "# A stray page\n"},
        "symposium.frontmatter", "talks/stray.md", 1, "needs 'talk:' front-matter",
    ),
    "a page under speakers/ without speaker front-matter": (
        {"speakers/stray.md": "---\nspeakr:\n  name: X\n---\n# X\n"},
        "symposium.frontmatter", "speakers/stray.md", 1, "needs 'speaker:' front-matter",
    ),
    "a gap in the day that cannot be meant (12:20 AM)": (
        {"program/index.md": (
            "---\nprogram:\n  items:\n"
            "    - {start: 9:00, end: 9:10, title: Welcome, type: opening}\n"
            "    - {start: '12:20 AM', end: '12:30 AM', title: Closing remarks, type: closing}\n"
            "---\n# Program\n"
        )},
        "symposium.schedule", "program/index.md", 5, "Did you mean 12:20 PM?",
    ),
    "a value of the wrong type": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: {where: Society}\n---\n# Charles Babbage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 4, "should be text or a list of texts",
    ),
    "an unknown key": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n  speaker: [ada-lovelace]\n---\n# Engines\n"},
        "symposium.frontmatter", "talks/engines.md", 6, "did you mean 'speakers'",
    ),
    "a talk without a title": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n---\nJust text.\n"},
        "symposium.frontmatter", "talks/engines.md", 2, "expected a first heading",
    ),
    "an item outside the event's day": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  date: 2025-11-20\n  start: 9:10\n  end: 10:00\n---\n# Engines\n"},
        "symposium.schedule", "talks/engines.md", 4, "outside the symposium",
    ),
    "a speaker photo that is not there": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: Society\n  photo: _static/cb.jpg\n---\n# Charles Babbage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 5, "not a file in the project",
    ),
    "a slug used twice": (
        {"speakers/old/ada-lovelace.md": "---\nspeaker:\n  name: Ada\n  affiliation: X\n---\n# Ada\n"},
        "symposium.reference", "speakers/old/ada-lovelace.md", 2, "one page per slug",
    ),
    "speaker-list naming an unknown slug": (
        {"index.md": "# T\n\n```{speaker-list}\n:only: ada-lovelace grace-hopper\n```\n\n```{toctree}\n:glob:\n\nprogram/index\nspeakers/*\ntalks/*\n```\n"},
        "symposium.reference", "index.md", 3, "'grace-hopper'",
    ),
    # -- silent wrong data: each now one located warning on the item that is wrong --------------
    "a key written twice": (
        {"talks/engines.md": talk_page("start: 9:10\n  start: 9:20\n  end: 10:00")},
        "symposium.frontmatter", "talks/engines.md", 5, "'talk.start' is written twice, on lines 4 and 5",
    ),
    "a second talk: block": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n---\n# Engines of Thought\n"},
        "symposium.frontmatter", "talks/engines.md", 6, "'talk' is written twice, on lines 2 and 6",
    ),
    "duration: 30:00 (1800 minutes to YAML)": (
        {"talks/engines.md": talk_page("start: 9:10\n  duration: 30:00")},
        "symposium.frontmatter", "talks/engines.md", 5, "reads as 1800 minutes",
    ),
    "a duration far beyond a day": (
        {"talks/engines.md": talk_page("start: 9:10\n  duration: 5000000000")},
        "symposium.schedule", "talks/engines.md", 5, "lasts 5000000000 minutes; expected at most 12 h",
    ),
    "an end on the wrong side of the day (10:00 PM)": (
        {"talks/engines.md": talk_page("start: 9:10\n  end: 10:00 PM")},
        "symposium.schedule", "talks/engines.md", 5, "lasts 12 h 50 min",
    ),
    "an end that runs past midnight": (
        {"talks/engines.md": talk_page("start: 23:30\n  duration: 60")},
        "symposium.schedule", "talks/engines.md", 5, "ends on 2025-11-22 at 12:30 AM; expected an end on the day it starts",
    ),
    "a date at the end of the calendar (9999-12-31)": (
        {"talks/engines.md": talk_page("date: 9999-12-31\n  start: 23:30\n  duration: 60")},
        "symposium.schedule", "talks/engines.md", 4, "too far from the symposium",
    ),
    "an end that overlaps the rest of the morning is blamed once, on its end": (
        {"talks/engines.md": talk_page("start: 9:10\n  end: 8:00 PM"),
         "talks/late.md": "---\ntalk:\n  type: lightning\n  start: 10:30\n  end: 10:40\n---\n# Late\n"},
        "symposium.schedule", "talks/engines.md", 5, "overlaps 'Notes on the Engine' (10:00–10:30 AM), 'Late' (10:30–10:40 AM)",
    ),
    "the same speaker twice on one item": (
        {"talks/engines.md": talk_page("start: 9:10\n  end: 10:00\n  speakers:\n    - charles-babbage\n    - charles-babbage")},
        "symposium.frontmatter", "talks/engines.md", 8, "names 'charles-babbage' twice (lines 7 and 8)",
    ),
    "a speaker heading that is not the name": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: Society\n---\n# Charles Babage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 6, "is not the speaker's name 'Charles Babbage'",
    ),
    "an empty affiliation": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: ''\n---\n# Charles Babbage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 4, "'speaker.affiliation' is empty",
    ),
    "an empty list of affiliations": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: []\n---\n# Charles Babbage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 4, "'speaker.affiliation' is empty",
    ),
    "a talk file name that is not a slug": (
        {"talks/Late-Talk.md": "---\ntalk:\n  type: lightning\n  start: 10:30\n  end: 10:40\n---\n# Late\n"},
        "symposium.frontmatter", "talks/Late-Talk.md", 1, "rename the file to late-talk.md",
    ),
    "a speaker file name with a space": (
        {"speakers/grace hopper.md": "---\nspeaker:\n  name: Grace Hopper\n  affiliation: Navy\n---\n# Grace Hopper\n"},
        "symposium.frontmatter", "speakers/grace hopper.md", 1, "rename the file to grace-hopper.md",
    ),
    "a photo from another site": (
        {"speakers/charles-babbage.md": "---\nspeaker:\n  name: Charles Babbage\n  affiliation: Society\n  photo: https://example.org/cb.jpg\n---\n# Charles Babbage\n"},
        "symposium.frontmatter", "speakers/charles-babbage.md", 5, "is a web address",
    ),
    "a start that is a date without a time": (
        {"talks/engines.md": talk_page('start: "2025-11-21"\n  end: 10:00')},
        "symposium.frontmatter", "talks/engines.md", 4, "is the date 2025-11-21 without a time of day",
    ),
    "a date that contradicts an ISO start": (
        {"talks/engines.md": talk_page("date: 2025-11-20\n  start: 2025-11-21T09:10\n  end: 10:00")},
        "symposium.schedule", "talks/engines.md", 4, "'talk.date' is 2025-11-20, but 'talk.start' names 2025-11-21",
    ),
    "an offset that contradicts the event's zone": (
        {"talks/engines.md": talk_page("start: 2025-11-21T09:10:00+09:00\n  end: 10:00")},
        "symposium.schedule", "talks/engines.md", 4, "carries the offset UTC+0900, but the symposium's times are in America/Chicago",
    ),
    # -- messages in the contributor's words ------------------------------------------------------
    "front-matter below a blank line": (
        {"talks/engines.md": "\n" + talk_page("start: 9:10\n  end: 10:00")},
        "symposium.frontmatter", "talks/engines.md", 2, "expected its opening '---' on the very first line",
    ),
    "front-matter without its closing ---": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n# Engines of Thought\n"},
        "symposium.frontmatter", "talks/engines.md", 1, "has no closing '---'",
    ),
    "a time with a dot (9.30)": (
        {"talks/engines.md": talk_page("start: 9.10\n  end: 10:00")},
        "symposium.frontmatter", "talks/engines.md", 4, "got the number 9.10 (hours and minutes take ':'",
    ),
    "a time with 60 seconds": (
        {"talks/engines.md": talk_page("start: 9:10:60\n  end: 10:00")},
        "symposium.frontmatter", "talks/engines.md", 4, "'9:10:60': there is no such time of day",
    ),
    "an empty start": (
        {"talks/engines.md": talk_page("start:\n  end: 10:00")},
        "symposium.frontmatter", "talks/engines.md", 4, "'talk.start' is empty; expected a time",
    ),
    "a tab in the indentation": (
        {"talks/engines.md": "---\ntalk:\n  type: keynote\n\tstart: 9:10\n  end: 10:00\n---\n# Engines of Thought\n"},
        "symposium.frontmatter", "talks/engines.md", 4, "indented with a tab; expected spaces",
    ),
    "program items of the wrong shape": (
        {"program/index.md": "---\nprogram:\n  items:\n    - Welcome at 9\n---\n# Program\n"},
        "symposium.frontmatter", "program/index.md", 4, "should be a mapping",
    ),
}


def test_yaml_that_does_not_parse(build):
    """MyST's own warning says only "Malformed YAML"; ours says where and why."""
    app = build({"talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  label: Keynote: the future\n---\n# E\n"})
    found = parse_warnings(app)
    assert [(w.type, w.path, w.line) for w in found] == [
        ("myst.topmatter", "talks/engines.md", 1),
        ("symposium.frontmatter", "talks/engines.md", 5),
    ]
    assert "not valid YAML: mapping values are not allowed here" in found[1].message
    assert "quote values" in found[1].message


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_warning_is_located(build, case):
    files, subtype, path, line, says = CASES[case]
    app = build(files)
    found = [w for w in parse_warnings(app) if w.type.startswith("symposium")]
    assert len(found) == 1, found
    warning = found[0]
    assert (warning.type, warning.path, warning.line) == (subtype, path, line)
    assert says in warning.message


def test_the_minimal_root_is_clean(build):
    app = build()
    assert parse_warnings(app) == []


def test_bad_config_is_one_warning_and_a_working_default(build):
    app = build(confoverrides={"symposium_timezone": "Mars/Olympus_Mons"})
    found = parse_warnings(app)
    assert [w.type for w in found] == ["symposium.config"]
    assert "IANA time zone" in found[0].message
    assert app.config.symposium_timezone == "UTC"


def test_a_subtype_can_be_suppressed(build):
    files, *_ = CASES["an end before its start"]
    app = build(files, confoverrides={"suppress_warnings": ["symposium.schedule"]})
    assert parse_warnings(app) == []


def test_hostile_front_matter_never_raises(build):
    """Shapes no contributor means: the build goes on, with warnings and no traceback."""
    app = build({
        "talks/engines.md": "---\ntalk: [1, 2]\n---\n# E\n",
        "talks/notes.md": "---\ntalk:\n  type: {a: 1}\n  start: [9]\n  end: {x: 1}\n  speakers: {a: b}\n  links: 7\n---\n# N\n",
        "speakers/ada-lovelace.md": "---\nspeaker:\n  name: [Ada]\n  affiliation: [1, 2]\n  links: [x]\n  email: 5\n---\n# A\n",
        "program/index.md": "---\nprogram: 3\n---\n# P\n\n```{program-table}\n```\n",
        "talks/weird.md": "---\ntalk:\n  type: keynote\n  start: 2025-11-21T09:00:00+09:00\n  duration: -5\n---\n# W\n",
    })
    found = parse_warnings(app)
    assert found and all(w.type.startswith("symposium.") for w in found)
    assert all(w.line for w in found)
    assert "Traceback" not in app.warning.getvalue()


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_minus_w_fails_on_each_case_and_builds_every_other_page(build, case):
    """`-W --keep-going`: the warning fails the build, and every page is still written."""
    files, *_ = CASES[case]
    app = build(files, warningiserror=True)
    assert app.statuscode == 1
    sources = {p.relative_to(app.srcdir).with_suffix("") for p in Path(app.srcdir).rglob("*.md")}
    written = {p.relative_to(app.outdir).with_suffix("") for p in Path(app.outdir).rglob("*.html")}
    assert sources <= written, sources - written
