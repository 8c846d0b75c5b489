"""Each speaker's calendar (``speakers/<slug>.ics``): the items they speak at, moderate or chair,
the same events as ``program.ics``, read back with icalendar and with khal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import calendar, edit_source, events, khal_in, parse_page, parse_warnings, select_one


@pytest.fixture(scope="module")
def conference(tmp_path_factory):
    from helpers import build_app, copy_root

    return build_app(copy_root("conference", tmp_path_factory.mktemp("speaker-calendars")), "dirhtml")


def test_a_speaker_calendar_holds_the_events_of_program_ics(conference):
    assert parse_warnings(conference) == []
    program = {str(event["UID"]): event for event in events(calendar(conference))}
    ada = calendar(conference, "speakers/ada-lovelace.ics")
    assert str(ada["X-WR-CALNAME"]) == "Workflows Conference 2026: Ada Lovelace"
    # she opens the conference, speaks in session 1, and chairs sessions 1 and 4
    assert [str(event["SUMMARY"]) for event in events(ada)] == [
        "Opening", "Learning Graphs of Tasks", "Agents That Tune Workflows", "Provenance Graphs with Learned Queries"]
    for event in events(ada):
        assert event.to_ical() == program[str(event["UID"])].to_ical()  # the same event, the same UID
    assert ada.subcomponents[0].name == "VTIMEZONE"


def test_every_speaker_with_a_part_has_a_calendar_and_their_page_links_it(conference):
    out = Path(conference.outdir)
    for slug in ("ada-lovelace", "alan-turing", "charles-babbage", "grace-hopper"):
        link = select_one(parse_page(conference, f"speakers/{slug}/index.html"), '//a[contains(@class, "symposium-calendar-link")]')
        assert link.text_content() == "Add these to your calendar (.ics)"
        assert link.get("href") == f"../{slug}.ics"
        assert (out / "speakers" / f"{slug}.ics").is_file()


def test_a_speaker_without_a_part_has_neither_the_file_nor_the_link(build):
    app = build({"speakers/new-person.md": "---\nspeaker:\n  name: New Person\n  affiliation: Somewhere\n---\n# New Person\n",
                 "index.md": "# T\n\n```{toctree}\n:glob:\n\nprogram/*\nspeakers/*\ntalks/*\n```\n"},
                buildername="dirhtml")
    assert not (Path(app.outdir) / "speakers/new-person.ics").exists()
    assert parse_page(app, "speakers/new-person/index.html").xpath('//a[contains(@class, "symposium-calendar-link")]') == []
    assert (Path(app.outdir) / "speakers/ada-lovelace.ics").is_file()


def test_a_talk_joining_a_session_reaches_its_chair_and_a_speaker_who_loses_every_part_loses_the_file(build):
    first = build(testroot="conference", buildername="dirhtml")
    src, out = Path(first.srcdir), Path(first.outdir)
    # a new talk in session 2, chaired by Charles Babbage
    edit_source(src / "talks/late.md", "---\ntalk:\n  type: lightning\n  session: s2\n  start: 10:50\n  end: 11:00\n"
                                       "  speakers: [grace-hopper]\n---\n# A Late Addition\n")
    edit_source(src / "talks/compilers-for-workflows.md",
                (src / "talks/compilers-for-workflows.md").read_text("utf-8").replace("end: 11:00", "end: 10:50"))
    build(testroot="conference", buildername="dirhtml")
    assert "A Late Addition" in [str(e["SUMMARY"]) for e in events(calendar(first, "speakers/charles-babbage.ics"))]
    # Alan Turing no longer speaks anywhere
    for talk in ("tuning-agents", "data-lakes"):
        path = src / "talks" / f"{talk}.md"
        edit_source(path, path.read_text("utf-8").replace("speakers: [alan-turing]", "speakers: [grace-hopper]"))
    third = build(testroot="conference", buildername="dirhtml")
    assert not (out / "speakers/alan-turing.ics").exists()
    assert parse_page(third, "speakers/alan-turing/index.html").xpath('//a[contains(@class, "symposium-calendar-link")]') == []


@pytest.mark.skipif(not shutil.which("khal"), reason="khal is not installed (apt-get install khal)")
def test_khal_reads_a_speaker_calendar_and_keeps_its_events_once_beside_program_ics(conference, tmp_path):
    """khal keeps one event per UID: after the speaker's file, program.ics adds only the others."""
    out = Path(conference.outdir)
    khal = khal_in(tmp_path)
    store = tmp_path / "calendar"

    khal("import", "--batch", "-a", "conference", str(out / "speakers/ada-lovelace.ics"))
    listed = khal("list", "--format", "{start-end-time-style} {title}", "2026-06-02", "3d").splitlines()
    assert [line for line in listed if line[:1].isdigit()] == [
        "09:00-09:30 Opening", "09:30-10:15 Learning Graphs of Tasks", "10:15-11:00 Agents That Tune Workflows",
        "09:00-09:45 Provenance Graphs with Learned Queries"]
    assert len(list(store.iterdir())) == 4
    khal("import", "--batch", "-a", "conference", str(out / "program.ics"))
    assert len(list(store.iterdir())) == len(events(calendar(conference)))
