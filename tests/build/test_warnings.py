"""Each front-matter mistake: one warning of type symposium, at its file and line.

The mistakes are helpers.CASES (tests/site/test_check.py checks that `symposium check` says the same).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CASES, parse_warnings

#: each case is built once, with -W (which, since Sphinx 8.1, only changes the exit status), and
#: its two tests run in the same pytest-xdist worker, which has that build
one_build_per_case = pytest.mark.xdist_group("warning-cases")


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


@one_build_per_case
@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_warning_is_located(built, case):
    files, subtype, path, line, says = CASES[case]
    app = built("minimal", "html", files=files, warningiserror=True)
    found = [w for w in parse_warnings(app) if w.type.startswith("symposium")]
    assert len(found) == 1, found
    warning = found[0]
    assert (warning.type, warning.path, warning.line) == (subtype, path, line)
    assert says in warning.message


def test_the_minimal_root_is_clean(built):
    app = built("minimal", "html")
    assert parse_warnings(app) == []


def test_bad_config_is_one_warning_and_a_working_default(built):
    app = built("minimal", "html", symposium_timezone="Mars/Olympus_Mons")
    found = parse_warnings(app)
    assert [w.type for w in found] == ["symposium.config"]
    assert "IANA time zone" in found[0].message
    assert app.config.symposium_timezone == "UTC"


def test_a_zone_s_abbreviation_is_told_the_place_s_zone(built):
    """The table `symposium init` reads (model/zones.py): JST is Japan's zone, not US mountain time."""
    app = built("minimal", "html", symposium_timezone="JST")
    assert [w.message for w in parse_warnings(app)] == [
        "symposium_timezone = 'JST': expected an IANA time zone such as 'America/Chicago' ('JST' is an abbreviation, "
        "not a place's zone; did you mean 'Asia/Tokyo' (Japan)?); using 'UTC'"]


def test_a_bad_clock_is_one_warning_and_the_language_s_clock(built):
    app = built("minimal", "html", symposium_clock="24")
    found = parse_warnings(app)
    assert [w.type for w in found] == ["symposium.config"]
    assert "symposium_clock = '24': expected '24h' or '12h'" in found[0].message
    assert app.config.symposium_clock is None


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


@one_build_per_case
@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_minus_w_fails_on_each_case_and_builds_every_other_page(built, case):
    """`-W --keep-going`: the warning fails the build, and every page is still written."""
    files, *_ = CASES[case]
    app = built("minimal", "html", files=files, warningiserror=True)
    assert app.statuscode == 1
    sources = {p.relative_to(app.srcdir).with_suffix("") for p in Path(app.srcdir).rglob("*.md")}
    written = {p.relative_to(app.outdir).with_suffix("") for p in Path(app.outdir).rglob("*.html")}
    assert sources <= written, sources - written
