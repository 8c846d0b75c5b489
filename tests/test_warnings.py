"""Each front-matter mistake: one warning of type symposium, at its file and line."""

from __future__ import annotations

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
