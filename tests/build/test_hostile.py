"""Hostile values for every front-matter key and every config value, through a real build.

Whatever a contributor writes, the build ends: each mistake is a located warning of a
``symposium`` type (or MyST's own for YAML it cannot read), never a traceback, and every
page is still written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import build_app, copy_root, parse_warnings
from symposium.model.fields import ITEM_KEYS, SPEAKER_KEYS, TALK_KEYS

HOSTILE = ["~", "''", "0264", "1:05", "30:00", "5000000000", "-1", "9.30", "9:30:60", "yes", ".nan", "[]", "{}",
           "[1, [2]]", "{a: {b: c}}", "2025-11-21", "9999-12-31", "'2025-11-21T09:00+09:00'", "2025-03-09T02:30",
           "https://example.org/x.jpg", "'<script>alert(1)</script>'", "!!binary aGk=", "'../../etc/passwd'"]


def every_key(keys: set[str], value: str, indent: str = "  ") -> str:
    return "".join(f"{indent}{key}: {value}\n" for key in sorted(keys))


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_value_in_every_key_is_warnings_not_a_traceback(build, value):
    app = build({
        "talks/engines.md": f"---\ntalk:\n{every_key(TALK_KEYS, value)}---\n# Engines of Thought\n",
        "speakers/ada-lovelace.md": f"---\nspeaker:\n{every_key(SPEAKER_KEYS, value)}---\n# Ada Lovelace\n",
        "program/index.md": f"---\nprogram:\n  items:\n    - \n{every_key(ITEM_KEYS, value, '      ')}---\n# Program\n\n"
                            "```{program-table}\n```\n",
    })
    log = app.warning.getvalue()
    assert "Traceback" not in log and "Exception occurred" not in log
    found = parse_warnings(app)
    assert found, "a hostile value went through without a word"
    for warning in found:
        assert warning.type.startswith(("symposium.", "myst.topmatter")), warning
        assert warning.line, warning
    written = {p.relative_to(app.outdir).with_suffix("").as_posix() for p in Path(app.outdir).rglob("*.html")}
    assert {"index", "program/index", "talks/engines", "talks/notes", "speakers/ada-lovelace"} <= written


CONFIG = [
    ("symposium_date", "21/11/2025"),
    ("symposium_date", 20251121),
    ("symposium_date", None),
    ("symposium_end_date", "2025-11-20"),
    ("symposium_end_date", "soon"),
    ("symposium_timezone", "Mars/Olympus_Mons"),
    ("symposium_timezone", 5),
    ("symposium_venue", ["a", "b"]),
    ("symposium_room", 264),
    ("symposium_colocated_with", {"url": "https://example.org"}),
    ("symposium_colocated_with", {"name": "SC25", "url": 5}),
    ("symposium_colocated_with", {"name": "SC25", "url": "ftp://example.org"}),
    ("symposium_colocated_with", "SC25"),
    ("symposium_max_gap_minutes", 10**13),
    ("symposium_max_gap_minutes", -1),
    ("symposium_max_gap_minutes", True),
    ("symposium_max_item_minutes", 0),
    ("symposium_max_item_minutes", 10**13),
    ("symposium_max_item_minutes", 24 * 60),  # a day or more: the conference apps cannot show it
    ("symposium_acronym", "AIEx-2025"),
    ("symposium_acronym", 2025),
    ("symposium_rooms", ["Hall A", "Hall A"]),
    ("symposium_rooms", ["Hall A", 5]),
    ("symposium_tracks", [""]),
    ("symposium_day_change", "4 AM"),
    ("symposium_day_change", "18:00"),
    ("symposium_day_change", 4),
]


@pytest.mark.parametrize(("name", "value"), CONFIG, ids=[f"{n}={v!r}" for n, v in CONFIG])
def test_a_hostile_config_value_is_one_config_warning_and_a_default(built, name, value):
    app = built("minimal", "html", **{name: value})
    log = app.warning.getvalue()
    assert "Traceback" not in log and "Exception occurred" not in log
    found = parse_warnings(app)
    config = [w for w in found if w.type == "symposium.config"]
    assert len(config) == 1, found
    assert config[0].message.startswith(f"{name} = ") and "expected" in config[0].message
    assert all(w.type.startswith("symposium.") for w in found), found
    assert (Path(app.outdir) / "program/index.html").is_file()


# -- what a speaker or a submitter types (tests/roots/test-hostile; in a browser: tests/browser/test_hostile_browser.py)

#: the root's titles with markup outside code, each one located warning (the title shown as text)
HOSTILE_TITLES = [("talks/breakout.md", 9), ("talks/dialog.md", 9), ("talks/onerror.md", 12), ("talks/script.md", 9)]


@pytest.mark.parametrize("buildername", ["dirhtml", "html", "singlehtml", "text", "latex", "man", "texinfo", "epub"])
def test_the_hostile_root_builds_with_one_warning_per_hostile_title(built, buildername):
    app = built("hostile", buildername, copyright="2025", version="1")  # what epub asks for
    log = app.warning.getvalue()
    assert "Traceback" not in log and "Exception occurred" not in log
    # (man pages cannot span a session's row over the table's columns: docutils says so, not the extension)
    found = [w for w in parse_warnings(app) if not (buildername == "man" and "table cell spanning" in w.message)]
    assert [(w.type, w.path, w.line) for w in found] == [("symposium.frontmatter", *where) for where in HOSTILE_TITLES]
    assert all("is shown as text" in w.message for w in found)


def test_the_hostile_root_fails_a_w_build(tmp_path):
    app = build_app(copy_root("hostile", tmp_path / "src"), "dirhtml", warningiserror=True)
    assert app.statuscode == 1
