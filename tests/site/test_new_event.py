"""CONTRIBUTING's "Start the next event", word for word: `nox -s new -- event`, `nox -s import`, a -W build
that names nothing of AIExScale; init's refusals; the identity warning."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest

from helpers import REPO, build_app, copy_site, parse_warnings, run_nox_command, schedule_events, symposium_warnings
from symposium.cli.init import BEGIN, END

CONTRIBUTING = REPO / "CONTRIBUTING.md"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
#: what names the old event, in any file of the new site's output
OLD = re.compile(r"aiexscale|AIExScale|St\. Louis|SC25|Argonne|Ian Foster|Extreme-Scale Workflows", re.I)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def clone(tmp_path: Path) -> Path:
    """The site in a repository of its own, committed: as a fresh clone holds it."""
    site = copy_site(tmp_path / "site")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "AIExScale 2025")
    return site


def walkthrough() -> list[list[str]]:
    text = re.search(r"^## Start the next event\n(.*?)(?=^## )", CONTRIBUTING.read_text(), re.S | re.M).group(1)
    block = re.search(r"^```sh\n(.*?)^```", text, re.S | re.M).group(1)
    return [shlex.split(line) for line in block.splitlines() if line.strip()]


def test_the_next_event_in_three_commands_builds_clean_and_names_nothing_of_the_old_one(tmp_path):
    site = clone(tmp_path)
    commands = walkthrough()
    assert [command[:3] for command in commands] == [[".venv/bin/nox", "-s", "new"], [".venv/bin/nox", "-s", "import"],
                                                     [".venv/bin/nox", "-s", "docs"]]
    conf_before = (site / "conf.py").read_text()
    done = run_nox_command("new", site, *commands[0][4:])
    assert done.returncode == 0, done.stderr
    conf_after = (site / "conf.py").read_text()
    # conf.py: the block replaced, the rest of the file as it was
    assert conf_before.split(BEGIN)[0] == conf_after.split(BEGIN)[0]
    assert conf_before.split(END)[1].split("\n", 1)[1] == conf_after.split(END)[1].split("\n", 1)[1]
    (site / "program.csv").write_bytes((REPO / "tests" / "data" / "program.csv").read_bytes())
    done = run_nox_command("import", site, *commands[1][4:])
    assert done.returncode == 0, done.stderr
    assert "program.csv: 20 talks, 6 items without a page, 5 sessions, 12 speakers" in done.stdout
    # the affiliation written two ways: one page, the first spelling, and a note
    assert "'Poznań Supercomputing & Networking Center' differs from 'Poznań Supercomputing and Networking Center'" in done.stdout
    app = build_app(site, "dirhtml")
    assert parse_warnings(app) == []  # `nox -s docs` builds with -W
    out = Path(app.outdir)
    # every file of the output folder (the program history's cache of every version read from git,
    # the old event's commits too, is with Sphinx's doctrees, outside it)
    for path in sorted(out.rglob("*")):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", "replace")
            assert not OLD.search(text), (path.relative_to(out), OLD.search(text).group(0))
    import json

    events = schedule_events(json.loads((out / "schedule.json").read_text()))
    assert len(events) == 26 and sum(event["type"] not in {"opening", "break", "meal", "closing"} for event in events) == 20
    rooms = json.loads((out / "schedule.json").read_text())["schedule"]["conference"]["rooms"]
    assert [room["name"] for room in rooms] == ["Hall 1", "Hall 2", "Room 3"]
    assert (out / "talks" / "surrogate-models-in-the-loop" / "index.html").is_file()
    home = (out / "index.html").read_text()
    assert "Berlin Workshop on Workflows for AI at Scale" in home and "BWW 2026 - home" in home
    assert 'href="https://github.com/example/bww2026/edit/main/index.md"' in home


def test_init_refuses_uncommitted_changes_and_outside_git(tmp_path):
    site = clone(tmp_path)
    (site / "talks" / "keynote-tbd.md").write_text("changed\n")
    options = ["event", "--name", "X Workshop", "--acronym", "XW 2026", "--date", "2026-05-04", "--timezone", "UTC",
               "--url", "https://x.example.org/", "--repository", "https://github.com/x/x"]
    done = run_nox_command("new", site, *options, stdin="")
    assert done.returncode == 1
    assert "1 uncommitted change (talks/keynote-tbd.md): commit or stash them first" in done.stderr
    assert (site / "talks" / "keynote-tbd.md").read_text() == "changed\n"
    plain = copy_site(tmp_path / "plain")
    done = run_nox_command("new", plain, *options, stdin="")
    assert done.returncode == 1 and "not in a git repository" in done.stderr
    assert run_nox_command("new", plain, *options, "--force", stdin="").returncode == 0


@pytest.mark.parametrize(("option", "says"), [
    (["--timezone", "Europe/Berln"], "--timezone 'Europe/Berln' is not an IANA time zone; did you mean 'Europe/Berlin'?"),
    (["--timezone", "Europe/Berlin", "--date", "2027-02-30"],
     "--date '2027-02-30' is not a day of the calendar: February 2027 has 28 days; expected a date such as 2027-02-28"),
    (["--timezone", "JST"], "--timezone 'JST' is an abbreviation, not a place's zone; did you mean 'Asia/Tokyo' (Japan)?"),
    (["--timezone", "IST"], "did you mean 'Asia/Kolkata' (India), 'Europe/Dublin' (Ireland) or 'Asia/Jerusalem' (Israel)?"),
    (["--timezone", "CEST"], "did you mean 'Europe/Berlin' (Germany), 'Europe/Paris' (France)"),
    (["--timezone", "PST"], "did you mean 'America/Los_Angeles' (US Pacific)"),
    (["--timezone", "Europe/Berlin", "--url", "bww.example.org"], "--url 'bww.example.org' is not an http(s) address"),
])
def test_a_bad_value_is_refused_with_what_would_be_right(tmp_path, option, says):
    site = clone(tmp_path)
    options = {"--name": "X Workshop", "--acronym": "XW 2026", "--date": "2026-05-04", "--url": "https://x.example.org/",
               "--repository": "https://github.com/x/x"}
    options.update(dict(zip(option[::2], option[1::2], strict=True)))
    done = run_nox_command("new", site, "event", *[word for pair in options.items() for word in pair], stdin="")
    assert done.returncode == 1 and says in done.stderr, done.stderr
    assert "nothing written" in done.stderr and git(site, "status", "--porcelain") == ""


def test_in_a_terminal_a_bad_time_zone_is_asked_again(tmp_path, capsys):
    from symposium.cli import init

    site = clone(tmp_path)
    answers = iter(["", "Europe/Berln", "Europe/Berlin", ""])  # no last day, the zone twice, no venue
    code = init.main(["--srcdir", str(site), "--name", "X Workshop", "--acronym", "XW 2026", "--date", "2026-05-04",
                      "--url", "https://x.example.org/", "--repository", "https://github.com/x/x"],
                     ask=lambda question: next(answers))
    assert code == 0
    assert "did you mean 'Europe/Berlin'?" in capsys.readouterr().err
    assert 'symposium_timezone = "Europe/Berlin"' in (site / "conf.py").read_text()


def test_the_aiexscale_site_names_itself_and_a_site_of_another_repository_is_told(tmp_path):
    site = clone(tmp_path)
    git(site, "remote", "add", "origin", "git@github.com:aiexscale/aiexscale.github.io.git")
    app = build_app(site, "dirhtml")
    assert symposium_warnings(app) == []
    git(site, "remote", "set-url", "origin", "https://github.com/someone/bww2026.git")
    app = build_app(site, "dirhtml", confoverrides={"symposium_short_name": "BWW 2026", "symposium_acronym": "bww2026",
                                                     "symposium_name": "Berlin Workshop"})
    identity = [w for w in symposium_warnings(app) if w.type == "symposium.identity"]
    assert len(identity) == 1
    assert "https://github.com/aiexscale/aiexscale.github.io (repository_url), but this repository's origin is " \
           "https://github.com/someone/bww2026" in identity[0].message
    assert "https://aiexscale.github.io/ (symposium_url) is aiexscale's pages" in identity[0].message
    assert "_static/logo.svg names AIExScale" in identity[0].message
    app = build_app(site, "dirhtml", confoverrides={"suppress_warnings": ["symposium.identity"]})
    assert symposium_warnings(app) == []
