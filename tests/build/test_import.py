"""`symposium import`: CSV variants, frab/pretalx schedules, the round trip of the conference's own schedule,
and importing again after an edit by hand."""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import pytest
import yaml

from helpers import REPO, ROOTS, build_app, parse_warnings, run_nox_command, schedule_events
from symposium.cli import import_pages

PROGRAM = REPO / "tests" / "data" / "program.csv"
EMPTY_HOME = "# An empty event\n\n```{program-table}\n```\n\n```{toctree}\n:glob:\n\nprogram/*\nspeakers/*\ntalks/*\n```\n"


def empty_event(target: Path, conf: str) -> Path:
    """An event with no talk, speaker or program item yet (as `symposium init` leaves it)."""
    target.mkdir(parents=True)
    (target / "conf.py").write_text(conf)
    (target / "index.md").write_text(EMPTY_HOME)
    (target / "program").mkdir()
    (target / "program" / "index.md").write_text("# Program\n\n```{program-table}\n```\n")
    return target


def conference_conf() -> str:
    """The conference root's conf.py, less its rooms and tracks (the import brings them)."""
    text = (ROOTS / "test-conference" / "conf.py").read_text()
    lines = text.splitlines()
    for statement in reversed(ast.parse(text).body):
        if isinstance(statement, ast.Assign) and any(
                getattr(target, "id", "") in ("symposium_rooms", "symposium_tracks") for target in statement.targets):
            del lines[statement.lineno - 1:statement.end_lineno]
    return "\n".join(lines) + "\n"


def run_import(site: Path, *args: str):
    return run_nox_command("import", site, *args)


def comparable(data: dict) -> list[tuple]:
    """Every event of a schedule.json, by what a conference app shows of it."""
    return sorted((e["guid"], e["id"], e["title"], e["date"], e["start"], e["duration"], e["room"], e["track"], e["type"],
                   e["abstract"], e["url"], tuple((p["name"], p["guid"]) for p in e["persons"]),
                   tuple((link["title"], link["url"], link["type"]) for link in e["links"]))
                  for e in schedule_events(data))


@pytest.mark.xdist_group("conference")
@pytest.mark.parametrize("export", ["schedule.xml", "schedule.json"])
def test_the_conference_s_own_schedule_imported_into_an_empty_event_gives_the_same_schedule(built, tmp_path, export):
    source = Path(built("conference", "dirhtml").outdir)
    site = empty_event(tmp_path / "site", conference_conf())
    done = run_import(site, str(source / export))
    assert done.returncode == 0, done.stderr
    assert "7 talks, 3 items without a page, 4 speakers" in done.stdout
    app = build_app(site, "dirhtml")
    assert parse_warnings(app) == []
    before = json.loads((source / "schedule.json").read_text())
    after = json.loads((Path(app.outdir) / "schedule.json").read_text())
    assert comparable(after) == comparable(before)
    conference = lambda data: {k: v for k, v in data["schedule"]["conference"].items() if k not in ("days", "rooms")}  # noqa: E731
    assert conference(after) == conference(before)
    # the rooms, but for what their records in conf.py say (description, capacity), which the import leaves to conf.py
    rooms = lambda data: [(room["name"], room["guid"]) for room in data["schedule"]["conference"]["rooms"]]  # noqa: E731
    assert rooms(after) == rooms(before)
    # the XML too, but for the version (the program's history differs: a repository, or none)
    xml = [(Path(out) / "schedule.xml").read_text().splitlines() for out in (source, app.outdir)]
    assert [line for line in xml[0] if "<version>" not in line] == [line for line in xml[1] if "<version>" not in line]


def plan_texts(tmp_path: Path, name: str, data: bytes, conf: str) -> dict[str, str]:
    site = empty_event(tmp_path / name, conf)
    (site / "program.csv").write_bytes(data)
    done = run_import(site, "program.csv")
    assert done.returncode == 0, done.stderr
    return {path.relative_to(site).as_posix(): path.read_text() for path in sorted(site.rglob("*.md"))}


BERLIN = ("project = 'BWW 2026'\nextensions = ['myst_parser', 'symposium']\nexclude_patterns = ['_build']\n"
          "html_baseurl = 'https://bww.example.org/'\nsymposium_date = '2026-03-12'\nsymposium_end_date = '2026-03-13'\n"
          "symposium_timezone = 'Europe/Berlin'\n")


def test_bom_semicolons_and_crlf_read_as_the_plain_file(tmp_path):
    plain = PROGRAM.read_bytes()
    expected = plan_texts(tmp_path, "plain", plain, BERLIN)
    assert len([path for path in expected if path.startswith("talks/")]) == 20
    import csv
    import io

    rows = list(csv.reader(io.StringIO(plain.decode())))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    excel = b"\xef\xbb\xbf" + out.getvalue().encode()
    assert plan_texts(tmp_path, "excel", excel, BERLIN) == expected


def test_missing_optional_columns_and_a_speaker_with_two_spellings(tmp_path):
    csv_text = ("talk title,Speaker(s),START,duration\n"
                "Engines of Thought,Ada Lovelace (Analytical Society),9:00,30\n"
                "Notes on the Engine,ada lovelace (Analytical  society),9:30,30\n"
                "Break,,10:00,15\n")
    conf = BERLIN.replace("symposium_end_date = '2026-03-13'\n", "")
    texts = plan_texts(tmp_path, "site", csv_text.encode(), conf)
    assert [path for path in texts if path.startswith("speakers/")] == ["speakers/ada-lovelace.md"]
    assert "affiliation: Analytical Society" in texts["speakers/ada-lovelace.md"]
    assert "title: Break, type: break" in texts["program/index.md"]
    assert "type: contributed" in texts["talks/engines-of-thought.md"]


@pytest.mark.parametrize(("rows", "says"), [
    ("Engines,Ada (X),2026-03-12,10:30,10:00\n", "program.csv:3: end 10:00 is before start 10:30"),
    ("Engines,Ada (X),2026-03-12,25:00,10:00\n", "program.csv:3: start '25:00': expected a time such as 8:35"),
    ("Engines,Ada (X),12/03/2026,9:00,10:00\n", "program.csv:3: date '12/03/2026' is not a date the import reads"),
])
def test_a_row_that_cannot_be_read_is_told_at_its_line_and_nothing_is_written(tmp_path, rows, says):
    site = empty_event(tmp_path / "site", BERLIN)
    (site / "program.csv").write_text("Title,Speakers,Date,Start,End\nFirst,Ada (X),2026-03-12,9:00,9:30\n" + rows)
    done = run_import(site, "program.csv")
    assert done.returncode == 1
    assert says in done.stderr, done.stderr
    assert "nothing written" in done.stderr and "Traceback" not in done.stderr
    assert not (site / "talks").exists() and not (site / "speakers").exists()


@pytest.mark.parametrize(("rows", "says"), [
    ("Engines,Ada (X),2026-03-20,9:00,10:00\n", "program.csv:3: 'Engines' is on 2026-03-20, outside the symposium"),
    ("Engines,Ada (X),2026-03-12,9:00,9:45\n", "program.csv:3: 'Engines' (9:00–9:45 AM) runs into 'First'"),
])
def test_what_the_build_would_warn_about_is_imported_and_listed(tmp_path, rows, says):
    site = empty_event(tmp_path / "site", BERLIN)
    (site / "program.csv").write_text("Title,Speakers,Date,Start,End\nFirst,Ada (X),2026-03-12,9:00,9:30\n" + rows)
    done = run_import(site, "program.csv")
    assert done.returncode == 0, done.stderr
    assert says in done.stderr, done.stderr
    assert "the build will warn 1 time" in done.stderr
    assert sorted(path.name for path in (site / "talks").iterdir()) == ["engines.md", "first.md"]


def test_every_problem_comes_in_one_pass(tmp_path):
    """A row that cannot be read, and a double booking among the others: both told, nothing written."""
    site = empty_event(tmp_path / "site", BERLIN)
    (site / "program.csv").write_text("Title,Speakers,Date,Start,End,Room\nFirst,Ada (X),2026-03-12,9:00,9:30,A\n"
                                      "Second,Ada (X),2026-03-12,9:00,9:30,B\nThird,Bob (Y),2026-03-12,25:00,9:30,A\n")
    done = run_import(site, "program.csv")
    assert done.returncode == 1
    assert "program.csv:4: start '25:00'" in done.stderr
    assert "program.csv:3: 'ada' is in two places at once" in done.stderr, done.stderr
    assert "1 row of program.csv cannot be read (and the build would warn 1 time); nothing written" in done.stderr


def test_a_misspelt_or_missing_column_is_told_at_the_header(tmp_path):
    site = empty_event(tmp_path / "site", BERLIN)
    (site / "program.csv").write_text("Title,Speakrs,Start\nFirst,Ada (X),9:00\n")
    done = run_import(site, "program.csv")
    assert done.returncode == 1
    assert "program.csv:1: column 'Speakrs' is not one the import reads; did you mean 'speakers'?" in done.stderr
    assert "program.csv:1: no column for the end (or duration)" in done.stderr


def test_importing_again_keeps_what_was_edited_by_hand(tmp_path):
    site = empty_event(tmp_path / "site", BERLIN)
    shutil.copy(PROGRAM, site / "program.csv")
    assert run_import(site, "program.csv").returncode == 0
    talk = site / "talks" / "surrogate-models-in-the-loop.md"
    speaker = site / "speakers" / "ana-souza.md"
    talk.write_text(talk.read_text().replace("Surrogates replace", "Edited: surrogates replace")
                    .replace("  type: invited\n", "  type: invited\n  slides: https://example.org/s.pdf\n"))
    speaker.write_text(speaker.read_text() + "\nAna's biography.\n")
    # the file changes: a talk moves to another room
    (site / "program.csv").write_text((site / "program.csv").read_text().replace(
        "2026-03-13,12:00,12:30,Room 3", "2026-03-13,12:00,12:30,Hall 2"))
    dry = run_import(site, "program.csv", "--dry-run")
    assert dry.returncode == 0 and "Nothing written (--dry-run)." in dry.stdout
    assert "+  room: Hall 2" in dry.stdout and "Room 3" in (site / "talks" / "workflow-languages-compared.md").read_text()
    done = run_import(site, "program.csv")
    assert done.returncode == 0, done.stderr
    assert "talks/surrogate-models-in-the-loop.md: its text below the title was edited by hand: kept as it is" in done.stdout
    assert "speakers/ana-souza.md: its text below the title was edited by hand: kept as it is" in done.stdout
    assert "Edited: surrogates replace" in talk.read_text() and "slides: https://example.org/s.pdf" in talk.read_text()
    assert "Ana's biography." in speaker.read_text()
    assert "room: Hall 2" in (site / "talks" / "workflow-languages-compared.md").read_text()
    again = run_import(site, "program.csv")
    assert "Unchanged: 33 pages" in again.stdout and "Edited: surrogates replace" in talk.read_text()


def test_a_page_no_import_wrote_is_never_overwritten(tmp_path):
    site = empty_event(tmp_path / "site", BERLIN)
    (site / "talks").mkdir()
    mine = "---\ntalk:\n  type: keynote\n  start: 9:30\n  end: 10:00\n---\n# Engines\n\nMine.\n"
    (site / "talks" / "engines.md").write_text(mine)
    (site / "program.csv").write_text("Title,Start,End\nEngines,9:00,9:30\n")
    assert run_import(site, "program.csv").returncode == 0
    assert (site / "talks" / "engines.md").read_text() == mine
    assert "# Engines" in (site / "talks" / "engines-2.md").read_text()


def test_flow_values_read_back_as_written():
    from symposium.model.frontmatter import read_frontmatter

    for text in ["Plain", "Session 1: AI", "a, b", "[x]", "#hash", "Müller, A.", "0264"]:
        assert read_frontmatter(f"---\nx: {{t: {import_pages.flow_scalar(text)}}}\n---\n").data["x"]["t"] == text


TEMPLATE = REPO / "docs" / "program-template.csv"


def test_the_template_imports_as_written_and_builds(tmp_path):
    from helpers import fresh_event

    site = fresh_event(tmp_path / "site", "2026-03-12", "2026-03-12", "Europe/Berlin")
    shutil.copy(TEMPLATE, site / "program.csv")
    done = run_import(site, "program.csv")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "affiliation: [Lab A, Lab B]" in (site / "speakers" / "john-roe.md").read_text()
    german = (site / "talks" / "workflows-auf-supercomputern.md").read_text()
    assert "language: de" in german and "status: cancelled" in german
    assert "board: P-12" in (site / "talks" / "graphs-on-a-wall.md").read_text()
    app = build_app(site, "dirhtml")
    assert parse_warnings(app) == []
    page = (Path(app.outdir) / "speakers" / "john-roe" / "index.html").read_text()
    assert "Lab A" in page and "Lab B" in page


def test_two_rows_of_one_title_import_and_import_again(tmp_path):
    site = empty_event(tmp_path / "site", BERLIN)
    (site / "program.csv").write_text("Title,Speakers,Date,Start,End\nOffice hours,Ada (X),2026-03-12,9:00,9:30\n"
                                      "Office hours,Ada (X),2026-03-13,9:00,9:30\n")
    assert run_import(site, "program.csv").returncode == 0
    again = run_import(site, "program.csv")
    assert again.returncode == 0 and again.stderr == "", again.stderr
    assert "Unchanged: 3 pages" in again.stdout
    assert sorted(path.name for path in (site / "talks").iterdir()) == ["office-hours-2.md", "office-hours.md"]


def test_a_duplicate_slug_is_told_not_renamed(tmp_path):
    site = empty_event(tmp_path / "site", BERLIN)
    (site / "program.csv").write_text("Title,Start,End,Slug\nOne,9:00,9:30,talk\nTwo,9:30,10:00,talk\n")
    done = run_import(site, "program.csv")
    assert done.returncode == 1
    assert "program.csv:3: slug 'talk' is row 2's too" in done.stderr


def test_a_frab_schedule_s_night_breaks_and_people_without_affiliation(tmp_path):
    """Its day boundaries written to conf.py, a Kaffeepause without a page that keeps its abstract (in the
    apps' schedule.json), and speakers shown without an invented affiliation."""
    from helpers import fresh_event

    site = fresh_event(tmp_path / "site", "2026-03-12", "2026-03-12", "Europe/Berlin")
    event = ('<event guid="{guid}" id="{id}"><date>{date}</date><start>{start}</start><duration>00:30</duration>'
             "<room>Hall</room><title>{title}</title><type>{kind}</type><abstract>{abstract}</abstract>"
             '<persons><person id="{id}">{name}</person></persons></event>')
    rows = [("2026-03-12T22:00:00+01:00", "22:00", "Why?", "devroom", "An evening.", "Kim Lee"),
            ("2026-03-12T22:30:00+01:00", "22:30", "Kaffeepause", "Talk", "Coffee in the foyer.", ""),
            ("2026-03-12T23:00:00+01:00", "23:00", "How? Now.", "lecture", "More.", "Kim Lee"),
            ("2026-03-12T23:30:00+01:00", "23:30", "Is it?", "lecture", "Still.", "Kim Lee"),
            ("2026-03-13T00:00:00+01:00", "00:00", "Midnight?", "lecture", "Late.", "Ana Souza"),
            ("2026-03-13T00:30:00+01:00", "00:30", "Party?", "party", "", "")]
    events = "".join(event.format(guid=f"00000000-0000-0000-0000-00000000000{n}", id=n + 1, date=d, start=s, title=t,
                                  kind=k, abstract=a, name=p) for n, (d, s, t, k, a, p) in enumerate(rows))
    xml = ('<?xml version="1.0"?><schedule><conference><title>T</title><time_zone_name>Europe/Berlin</time_zone_name>'
           '</conference><day index="1" date="2026-03-12" start="2026-03-12T18:00:00+01:00" '
           f'end="2026-03-13T03:00:00+01:00"><room name="Hall">{events}</room></day></schedule>')
    (site / "schedule.xml").write_text(xml)
    done = run_import(site, "schedule.xml")
    assert done.returncode == 0, done.stderr
    assert "conf.py: symposium_day_change = '03:00' written (schedule.xml:1: the file's days end at 03:00)" in done.stdout
    assert "symposium_day_change = '03:00'" in (site / "conf.py").read_text()
    program = (site / "program" / "index.md").read_text()
    assert "title: Kaffeepause, type: break" in program and 'abstract: "Coffee in the foyer."' in program
    assert "affiliation: []" in (site / "speakers" / "kim-lee.md").read_text()
    app = build_app(site, "dirhtml")
    assert parse_warnings(app) == []
    data = json.loads((Path(app.outdir) / "schedule.json").read_text())
    by_title = {event["title"]: event for event in schedule_events(data)}
    assert by_title["Kaffeepause"]["abstract"] == "Coffee in the foyer."
    assert set(by_title) == {"Why?", "Kaffeepause", "How? Now.", "Is it?", "Midnight?", "Party?"}
    # a title ending in '?' in a flow mapping: what `symposium check` reads is what PyYAML (MyST) reads
    from symposium.model.frontmatter import read_frontmatter

    text = (site / "program" / "index.md").read_text()
    assert read_frontmatter(text).data == yaml.safe_load(text.split("---\n")[1])
    assert run_nox_command("check", site).returncode == 0
    talk = (Path(app.outdir) / "talks" / "why" / "index.html").read_text()
    assert "Kim Lee" in talk and "To be announced" not in talk and "Kim Lee ()" not in talk


def test_a_z_date_against_a_local_start_names_the_contradiction(tmp_path):
    from helpers import SCHEDULES, fresh_event

    site = fresh_event(tmp_path / "site", "2019-05-22", "2019-05-22", "Europe/Berlin")
    shutil.copy(SCHEDULES / "lswt2019.xml", site / "schedule.xml")
    done = run_import(site, "schedule.xml")
    assert done.returncode == 1
    (problem,) = [line for line in done.stderr.splitlines() if line.startswith("schedule.xml:")]
    assert problem.startswith("schedule.xml:13: the file says two times for 29 events: <date> 2019-05-22T09:00:00Z is "
                              "11:00 AM in Europe/Berlin, <start> says 9:00 AM"), problem
    assert "set symposium_timezone" not in problem and "Traceback" not in done.stderr
