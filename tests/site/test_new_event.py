"""CONTRIBUTING's "Start the next event", word for word: `nox -s new -- event`, `nox -s import`, a -W build
that names nothing of AIExScale; init's refusals; the identity warning."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest

from helpers import REPO, build_app, copy_site, parse_warnings, run_nox_command, schedule_events, symposium_warnings
from symposium.cli.check import read_config
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
    assert ("affiliation 'Poznań Supercomputing & Networking Center' is not among "
            "['Poznań Supercomputing and Networking Center']" in done.stdout)
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


#: the navigation the AIExScale site's header gives, and a new event's of several rooms
INDEX_PAGES = ["program/", "program/grid/", "talks/", "speakers/"]


def navigation(out: Path, page: Path) -> list[str]:
    """The header's links of a built page, as paths from the output's root (``#``: the page itself)."""
    from urllib.parse import urljoin

    from lxml import html

    base = "https://site.example/" + page.relative_to(out).as_posix()
    links = []
    for href in html.parse(str(page)).xpath("//header//nav//a/@href"):
        if not href.startswith("#") or href == "#":
            path = urljoin(base, href).split("#")[0].removeprefix("https://site.example/").removesuffix("index.html")
            if path not in links:
                links.append(path)
    return links


def test_init_gives_the_aiexscale_navigation_and_an_incremental_build_equals_a_fresh_one(tmp_path):
    """The header of every page lists the index pages, never a talk; talks/ and speakers/ list their pages
    in their index's hidden glob; `program/embed/` stays and a grid page comes with several rooms; the home and
    program pages name both days. After a speaker's rename and a new talk, an incremental build gives the
    whole output folder of a fresh one."""
    import shutil

    from helpers import edit_source, outputs
    from symposium.cli import init, new_page

    site = clone(tmp_path)
    (site / ".gitignore").write_text("_build/\n")  # the builds' output, in the source folder
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "ignore the output")
    # the AIExScale site's header: its index pages
    built = Path(build_app(site, "dirhtml").outdir)
    assert navigation(built, built / "talks" / "keynote-tbd" / "index.html") == ["program/", "talks/", "speakers/"]
    assert init.main(["--srcdir", str(site), "--no-input", "--name", "Berlin Workshop", "--acronym", "BWW 2027",
                      "--date", "2027-03-12", "--end-date", "2027-03-13", "--timezone", "Europe/Berlin",
                      "--rooms", "Hall 1, Hall 2", "--url", "https://bww.example.org/",
                      "--repository", "https://github.com/example/bww2027"]) == 0
    assert (site / "program" / "embed.md").read_text().startswith("---\nembed: true\norphan: true\n---\n# BWW 2027 program")
    assert "```{program-grid}" in (site / "program" / "grid.md").read_text()
    shutil.rmtree(site / "_build")  # the old event's output (as `nox -s docs` starts from an empty folder)
    # a new event, with no talk or speaker yet, builds without a word (-W)
    app = build_app(site, "dirhtml")
    assert parse_warnings(app) == []
    out = Path(app.outdir)
    assert "BWW 2027 · March 12–13, 2027" in (out / "index.html").read_text()
    assert "(March 12–13, 2027)" in (out / "program" / "index.html").read_text()
    assert (out / "program" / "embed" / "index.html").is_file() and (out / "program" / "grid" / "index.html").is_file()
    # its first speakers and talks, as `new speaker` and `new talk` write them: nothing of the old event
    for slug, name in (("jane-doe", "Jane Doe"), ("john-roe", "John Roe")):
        new_page.new_page("speaker", slug, {"name": name, "affiliation": ["Example University"]}, srcdir=site)
    for slug, start, room in (("agents", "9:00", "Hall 1"), ("graphs", "9:00", "Hall 2")):
        new_page.new_page("talk", slug, {"title": f"On {slug}", "type": "invited", "start": start, "end": "9:30",
                                         "room": room, "speakers": ["jane-doe"] if slug == "agents" else ["john-roe"]},
                          srcdir=site)
        written = (site / "talks" / f"{slug}.md").read_text()
        assert not OLD.search(written), OLD.search(written)
        assert "# speakers: [" not in written and "# room: Hall 1" not in written  # given, not examples
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "BWW 2027")

    def incremental_equals_fresh(step: str) -> dict[str, bytes]:
        incremental = outputs(Path(build_app(site, "dirhtml", fresh=False).outdir))
        copy = tmp_path / f"fresh-{step}"
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns("_build"))
        fresh = outputs(Path(build_app(copy, "dirhtml").outdir))
        assert sorted(incremental) == sorted(fresh), step
        assert [name for name in fresh if incremental[name] != fresh[name]] == [], step
        return fresh

    build_app(site, "dirhtml")
    speaker = site / "speakers" / "jane-doe.md"
    edit_source(speaker, speaker.read_text().replace("Jane Doe", "Jane Q. Doe"))
    files = incremental_equals_fresh("rename")
    assert b"Jane Q. Doe" in files["talks/agents/index.html"] and b"Jane Doe" not in files["talks/agents/index.html"]
    edit_source(site / "talks" / "late.md", "---\ntalk:\n  type: lightning\n  date: 2027-03-13\n  start: 9:00\n"
                "  end: 9:10\n  room: Hall 1\n  speakers: [john-roe]\n---\n# A Late Lightning Talk\n")
    files = incremental_equals_fresh("new talk")
    assert b"A Late Lightning Talk" in files["talks/index.html"]
    out = Path(build_app(site, "dirhtml", fresh=False).outdir)
    pages = sorted(page for page in out.rglob("*.html") if not {"_static", "_sources"} & set(page.parts))
    assert {"index.html", "program/changes/index.html", "talks/late/index.html", "speakers/jane-doe/index.html"} <= {
        page.relative_to(out).as_posix() for page in pages}
    for page in pages:
        if "embed" not in page.parts:  # the embedded program has no header
            assert navigation(out, page) == INDEX_PAGES, page.relative_to(out)
    # the talks' page lists its talks, in its hidden table of contents too (the pages' "next" and "previous")
    assert all(f'href="{slug}/"' in (out / "talks" / "index.html").read_text() for slug in ("agents", "graphs", "late"))


def test_an_import_of_several_rooms_gives_their_order_and_the_grid_page(tmp_path):
    """`init` without `--rooms`, then a schedule of two rooms: conf.py gets the file's room order
    (symposium_rooms), the site its grid page in the header; importing again changes nothing."""
    from symposium.cli import init

    site = clone(tmp_path)
    assert init.main(["--srcdir", str(site), "--no-input", "--name", "Berlin Workshop", "--acronym", "BWW 2027",
                      "--date", "2027-03-12", "--timezone", "Europe/Berlin", "--url", "https://bww.example.org/",
                      "--repository", "https://github.com/example/bww2027"]) == 0
    assert not (site / "program" / "grid.md").exists()
    rows = ["Title,Speakers,Start,End,Room,Type", "Opening,,9:00,9:15,Zeta Hall,opening",
            "Agents,Jane Doe (Example University),9:15,9:45,Zeta Hall,invited",
            "Lakes,John Roe (Lab A; Lab B),9:15,9:45,Alpha Room,contributed"]
    (site / "program.csv").write_text("\n".join(rows) + "\n", "utf-8")
    done = run_nox_command("import", site, "program.csv")
    assert done.returncode == 0, done.stderr
    assert "conf.py: symposium_rooms = ['Zeta Hall', 'Alpha Room'] written (program.csv: its 2 rooms, in its order)" in done.stdout
    assert "program/grid.md" in done.stdout
    config, _ = read_config(site)
    assert config["symposium_rooms"] == ["Zeta Hall", "Alpha Room"]  # the file's order, not the alphabet's
    app = build_app(site, "dirhtml")
    assert parse_warnings(app) == []
    out = Path(app.outdir)
    assert navigation(out, out / "index.html") == ["program/", "program/grid/", "talks/", "speakers/"]
    again = run_nox_command("import", site, "program.csv")
    assert again.returncode == 0 and "symposium_rooms" not in again.stdout and "Updated" not in again.stdout
