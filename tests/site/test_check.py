"""`symposium check`: the build's front-matter checks without a build, word for word.

Also here: a page that is not UTF-8 (one located warning in the build and in the check,
the rest of the site built, no traceback).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import (
    CASES,
    CONFERENCE_CASES,
    REPO,
    ROOTS,
    build_app,
    copy_site,
    parse_warnings,
    run_nox_command,
    symposium_warnings,
    write_files,
)
from symposium.cli.check import check_site
from symposium.environment.markdown_pages import first_heading


def check_run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """What `nox -s check -- ARGS` runs (`python tools/symposium.py check ARGS`), run in ``cwd``."""
    return run_nox_command("check", cwd, *args)


def as_build_says(srcdir: Path) -> list[tuple[str, int | None, str, str]]:
    return [(f.path, f.line, f.message, f"symposium.{f.subtype}") for f in check_site(srcdir)]


def build_says(app) -> list[tuple[str, int | None, str, str]]:
    """The build's own warnings as the check words them (a warning of conf.py has no path in Sphinx's)."""
    return [(w.path or "conf.py", w.line, w.message, w.type) for w in symposium_warnings(app)]


# -- the real site ---------------------------------------------------------------------------------


def test_the_site_is_clean():
    done = check_run(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""


def test_a_misspelt_speaker_is_one_line_with_the_suggestion_and_exit_1(tmp_path):
    site = copy_site(tmp_path / "site")
    talk = site / "talks" / "invited-talk-1.md"
    talk.write_text(talk.read_text().replace("[debbie-bard]", "[debbie-brad]"))
    done = check_run(site)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines == [
        "talks/invited-talk-1.md:6: unknown speaker 'debbie-brad': there is no page speakers/debbie-brad.md; "
        "did you mean 'debbie-bard'? expected the file name of a speaker page [symposium.reference]"
    ]
    # and that is the build's warning, word for word and at the same place
    app = build_app(site, "dirhtml")
    assert build_says(app) == [("talks/invited-talk-1.md", 6, lines[0].split(": ", 1)[1].rsplit(" [", 1)[0],
                                        "symposium.reference")]


def test_paths_are_relative_to_where_it_runs(tmp_path):
    site = copy_site(tmp_path / "site")
    (site / "talks" / "invited-talk-1.md").write_text("---\ntalk: 3\n---\n# T\n")
    done = check_run(tmp_path, "site")
    assert done.returncode == 1
    assert done.stdout.startswith("site/talks/invited-talk-1.md:2: 'talk' should be a mapping")


def test_no_conf_py_is_an_error_not_a_traceback(tmp_path):
    done = check_run(tmp_path)
    assert done.returncode == 2
    assert "no conf.py" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(("conf_py", "expected"), [
    ("project = 'X'\nraise ValueError('oops')\n", "conf.py:2: conf.py stops with ValueError: oops; expected a conf.py that runs"),
    ("project = 'X'\nif True\n", "conf.py:2: invalid Python (expected ':'); expected a conf.py that Python can run"),
])
def test_a_conf_py_that_does_not_run_is_one_located_problem_not_a_traceback(tmp_path, conf_py, expected):
    (tmp_path / "conf.py").write_text(conf_py, encoding="utf-8")
    done = check_run(tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [f"{expected} [symposium.config]"]
    assert "Traceback" not in done.stdout + done.stderr


# -- the same words as the build -------------------------------------------------------------------

NOT_UTF8 = "---\ntalk:\n  type: invited\n  start: 12:40\n  end: 12:50\n---\n# Caf\u00e9 society\n\nText.\n".encode("latin-1")

#: many mistakes on one site, each one the build reports
MISTAKES: dict[str, str | bytes | None] = {
    "talks/invited-talk-1.md": "---\ntalk:\n  type: invited\n  start: 9:30\n  end: 10:00\n  speakers: [debbie-brad]\n---\n"
                               "# How Complex AI Workflows Are Driving the Future of HPC Architectures?\n",
    "talks/bad-time.md": "---\ntalk:\n  type: invited\n  start: 25:00\n  end: 12:50\n---\n# Late\n",
    "talks/quoted.md": "---\ntalk:\n  type: lightning\n  start: 12:30\n  end: 12:45\n---\n"
                       "# \"Quoted\" workflows -- and *the* scientists' `code`...\n",
    "talks/quoted-too.md": "---\ntalk:\n  type: lightning\n  start: 12:40\n  end: 12:50\n---\n"
                           "# A <b>bold</b> \"claim\"\n",
    "talks/no-title.md": "---\ntalk:\n  type: lightning\n  start: 12:55\n  end: 13:00\n  typ: x\n---\nNo heading.\n",
    "talks/Bad_Name.md": "---\ntalk:\n  type: keynot\n  start: 13:00\n  duration: 30:00\n---\n# Bad name\n",
    "talks/dup-key.md": "---\ntalk:\n  type: panel\n  start: 13:00\n  start: 13:05\n  end: 13:10\n---\n# Dup\n",
    "talks/yaml-error.md": "---\ntalk:\n  type: panel\n  label: Keynote: the future\n---\n# Y\n",
    "talks/bad-date.md": "---\ntalk:\n  type: panel\n  date: 2025-11-31\n  start: 13:00\n---\n# D\n",
    "talks/other-day.md": "---\ntalk:\n  type: panel\n  date: 2025-11-22\n  start: 9:00\n  end: 9:30\n---\n# Other day\n",
    "talks/latin1.md": NOT_UTF8,
    "speakers/wrong-heading.md": "---\nspeaker:\n  name: Jane Doe\n  affiliation: X\n  afiliation: Y\n---\n# Jane Do\n",
    "speakers/old/ian-foster.md": "---\nspeaker:\n  name: Ian Foster\n  affiliation: X\n---\n# Ian Foster\n",
    "speakers/no-block.md": "# Nobody\n",
    "speakers/photo.md": "---\nspeaker:\n  name: \"O'Brien\"\n  affiliation: X\n  photo: _static/none.jpg\n---\n# O'Brien\n",
    "speakers/front-matter-late.md": "\n---\nspeaker:\n  name: Late\n---\n# Late\n",
}


def test_the_check_says_what_the_build_says(tmp_path):
    site = copy_site(tmp_path / "site")
    write_files(site, MISTAKES)
    with open(site / "conf.py", "a", encoding="utf-8") as conf:
        conf.write("\nsymposium_max_gap_minutes = 0\nsymposium_acronym = 'a-b'\n")
    app = build_app(site, "dirhtml")
    from_build = build_says(app)
    assert len(from_build) >= 20, from_build  # every mistake above is reported
    assert as_build_says(site) == from_build


def test_directive_options_that_name_nothing_are_checked_as_the_build_checks_them(tmp_path):
    """The build reports these when it writes the listings; the check reports the same, at the same lines."""
    site = tmp_path / "site"
    shutil.copytree(ROOTS / "test-conference", site)
    write_files(site, {"program/wrong.md": (
        "# Wrong\n\n```{program-table}\n:day: 2026-06-09\n```\n\n```{program-grid}\n:room: Hall Z\n```\n\n"
        "```{talk-list}\n:track: Biology\n:session: s99\n```\n\n```{speaker-list}\n:only: ada-lovelace nobody\n```\n"
        "\n```{program-table}\n:day: June 3\n```\n"
    )})
    app = build_app(site, "dirhtml")
    from_build = build_says(app)
    assert [(path, line, message.split(";")[0]) for path, line, message, _ in from_build] == [
        ("program/wrong.md", 3, ":day: 2026-06-09 is not a day of the event"),
        ("program/wrong.md", 7, ":room: 'Hall Z' names no room of the program"),
        ("program/wrong.md", 11, ":track: 'Biology' names no track of the program"),
        ("program/wrong.md", 11, ":session: 's99' names no session of the program"),
        ("program/wrong.md", 16, "speaker-list ':only:' names 'nobody', which has no page in speakers/"),
        ("program/wrong.md", 20, ":day: 'June 3' is not a date"),
    ]
    assert as_build_says(site) == from_build


def test_hostile_front_matter_is_checked_as_the_build_checks_it(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(ROOTS / "test-minimal", site)
    write_files(site, {
        "talks/engines.md": "---\ntalk: [1, 2]\n---\n# E\n",
        "talks/notes.md": "---\ntalk:\n  type: {a: 1}\n  start: [9]\n  end: {x: 1}\n  speakers: {a: b}\n  links: 7\n---\n# N\n",
        "speakers/ada-lovelace.md": "---\nspeaker:\n  name: [Ada]\n  affiliation: [1, 2]\n  links: [x]\n  email: 5\n---\n# A\n",
        "program/index.md": "---\nprogram: 3\n---\n# P\n\n```{program-table}\n```\n",
        "talks/weird.md": "---\ntalk:\n  type: keynote\n  start: 2025-11-21T09:00:00+09:00\n  duration: -5\n---\n# W\n",
    })
    assert as_build_says(site) == build_says(build_app(site, "dirhtml"))


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_located_warning_of_the_build_comes_from_the_check(tmp_path, case):
    """test_warnings.py's cases, each of which the build reports once: the check reports it the same."""
    files, subtype, path, line, says = CASES[case]
    site = tmp_path / "site"
    shutil.copytree(ROOTS / "test-minimal", site)
    write_files(site, files)
    found = check_site(site)
    assert [(f"symposium.{f.subtype}", f.path, f.line) for f in found] == [(subtype, path, line)]
    assert says in found[0].message


def test_suppressed_warnings_are_left_out_as_in_the_build(tmp_path):
    files, *_ = CASES["an end before its start"]
    site = tmp_path / "site"
    shutil.copytree(ROOTS / "test-minimal", site)
    write_files(site, files)
    assert check_site(site)
    with open(site / "conf.py", "a", encoding="utf-8") as conf:
        conf.write("\nsuppress_warnings = ['symposium.schedule']\n")
    assert check_site(site) == []


@pytest.mark.parametrize("heading", [
    "Plain title",
    "A *styled* title with `code` and **bold**",
    "\"Quotes\" -- and dashes --- and 'single' ones... it's",
    "`\"code\" keeps its quotes`",
    "A link to [the site](https://example.org) and {{ date }}",
    "Setext heading\n===",
])
def test_the_title_is_the_doctrees(tmp_path, heading):
    """The first heading as markdown-it reads it is the title the collector takes from the doctree."""
    site = tmp_path / "site"
    shutil.copytree(ROOTS / "test-minimal", site)
    text = (site / "talks" / "engines.md").read_text()
    front, _ = text.split("\n# ", 1)
    page = f"{front}\n\nIntro line.\n\n{heading}\n\nText.\n" if "\n===" in heading else f"{front}\n# {heading}\n\nText.\n"
    (site / "talks" / "engines.md").write_text(page)
    app = SphinxTestApp("html", srcdir=site, freshenv=True, status=StringIO(), warning=StringIO())
    try:
        app.build()
        from symposium.environment.store import store_of
        talk = store_of(app.env).talk("talks/engines")
        doctree = app.env.get_doctree("talks/engines")
    finally:
        app.cleanup()
    from docutils import nodes

    title_node = next(doctree.findall(nodes.title))
    found = first_heading(page, extensions=["colon_fence"])
    assert (found.text, found.line) == (talk.title, title_node.line)


# -- a file that is not UTF-8 ------------------------------------------------------------------------


@pytest.mark.parametrize("parallel", [1, 2])
def test_a_page_that_is_not_utf8_is_one_warning_and_the_rest_of_the_site_is_built(tmp_path, parallel):
    """Without -W: the build goes on; with the talks' toctree glob listing the file, nothing more is said."""
    site = copy_site(tmp_path / "site")
    write_files(site, {"talks/latin1.md": NOT_UTF8})
    app = build_app(site, "dirhtml", parallel=parallel)
    everything = app.warning.getvalue()
    assert "Traceback" not in everything and "UnicodeDecodeError" not in everything
    found = parse_warnings(app)
    assert [(w.path, w.line, w.type) for w in found] == [("talks/latin1.md", 7, "symposium.encoding")]
    assert "the file is not UTF-8: byte 0xe9 at line 7" in found[0].message
    out = Path(app.outdir)
    assert not (out / "talks" / "latin1").exists()
    for page in ("index.html", "program/index.html", "talks/index.html", "talks/invited-talk-1/index.html",
                 "speakers/ian-foster/index.html"):
        assert (out / page).is_file(), page
    assert "latin1" not in (out / "talks" / "index.html").read_text()
    assert "latin1" not in (out / "program.ics").read_text()
    # and the check says the same
    assert as_build_says(site) == build_says(app)


def test_minus_w_fails_on_a_page_that_is_not_utf8_without_a_traceback(tmp_path):
    site = copy_site(tmp_path / "site")
    write_files(site, {"talks/latin1.md": NOT_UTF8})
    app = build_app(site, "dirhtml", warningiserror=True)
    assert app.statuscode == 1
    assert "Traceback" not in app.warning.getvalue()


def test_a_page_that_stops_being_utf8_leaves_the_site_on_the_next_build(tmp_path):
    site = copy_site(tmp_path / "site")
    page = "---\ntalk:\n  type: invited\n  start: 12:40\n  end: 12:50\n---\n# Cafe society\n\nText.\n"
    write_files(site, {"talks/latin1.md": page})
    out = tmp_path / "out"

    def incremental():
        return build_app(site, "dirhtml", fresh=False, builddir=out)

    first = incremental()
    program = Path(first.outdir) / "program" / "index.html"
    assert "Cafe society" in program.read_text()
    os.utime(site / "talks" / "latin1.md")
    write_files(site, {"talks/latin1.md": NOT_UTF8})
    second = incremental()
    assert [w.type for w in parse_warnings(second)] == ["symposium.encoding"]
    assert "Cafe society" not in program.read_text()
    assert "Traceback" not in second.warning.getvalue()


# -- a conference of 2,000 talks -------------------------------------------------------------------------


def test_a_conference_of_2000_talks_is_checked_without_a_problem(tmp_path):
    """How long it takes is the benchmark's business (benchmarks/); here, that it is all read, cleanly."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from build_benchmark import generate, write_site
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    # the benchmark's conference: 5 days, 40 rooms, 400 sessions, 3,000 speakers; it builds without a warning
    write_site(generate(2000, seed=2026), tmp_path, extension=True)
    assert len(list(tmp_path.rglob("*.md"))) > 5000
    assert check_site(tmp_path) == []


# -- the pre-commit hook ---------------------------------------------------------------------------------


def test_the_pre_commit_hooks_are_valid_and_install_what_requirements_txt_pins():
    import re

    import yaml

    config = REPO / ".pre-commit-config.yaml"
    done = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(config)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    hooks = {hook["id"]: hook for repo in yaml.safe_load(config.read_text())["repos"] for hook in repo["hooks"]}
    assert set(hooks) == {"ruff", "symposium-check"}
    check = hooks["symposium-check"]
    assert check["entry"].startswith("python tools/symposium.py check") and check["pass_filenames"] is False
    pinned = {}
    for line in (REPO / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            pinned[re.split(r"[<>=!~ ]", line, maxsplit=1)[0].lower()] = line.replace(" ", "")
    for requirement in check["additional_dependencies"]:
        name = re.split(r"[<>=!~ ]", requirement, maxsplit=1)[0].lower()
        assert pinned[name] == requirement.replace(" ", ""), (requirement, pinned.get(name))


@pytest.mark.parametrize("case", CONFERENCE_CASES, ids=list(CONFERENCE_CASES))
def test_the_conference_warnings_come_from_the_check_as_from_the_build(tmp_path, case):
    """Sessions, rooms, tracks and people in two places: the check says what the build says."""
    files, *_ = CONFERENCE_CASES[case]
    site = tmp_path / "site"
    shutil.copytree(ROOTS / "test-conference", site)
    write_files(site, files)
    assert as_build_says(site) == build_says(build_app(site, "dirhtml"))
    assert as_build_says(site)


def test_a_name_whose_last_word_is_not_the_family_name_gets_a_note_that_fails_nothing(tmp_path):
    """A note, not a warning: the name may be right as written, and `-W` must not fail on it."""
    site = tmp_path / "site"
    shutil.copytree(ROOTS / "test-minimal", site)
    write_files(site, {"speakers/mohammed-abdullah.md": "---\nspeaker:\n  name: محمد عبد الله\n  affiliation: جامعة\n"
                                                        "---\n# محمد عبد الله\n"})
    done = check_run(site)
    assert done.returncode == 0, done.stdout + done.stderr
    (line,) = done.stdout.splitlines()
    assert line.startswith("speakers/mohammed-abdullah.md:3: note: the name 'محمد عبد الله' ends in 'عبد الله'")
    assert "'family_name: عبد الله'" in line
    assert check_run(site, "-q").stdout == ""
    assert check_site(site) == []  # the build says nothing of it
    write_files(site, {"speakers/mohammed-abdullah.md": "---\nspeaker:\n  name: محمد عبد الله\n"
                                                        "  family_name: عبد الله\n  affiliation: جامعة\n---\n"
                                                        "# محمد عبد الله\n"})
    assert check_run(site).stdout == ""
