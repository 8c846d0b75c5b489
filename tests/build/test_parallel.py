"""A talk page in a program of parallel rooms says what runs at the same time elsewhere, and an
edit to one of those items rewrites it (incremental builds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import edit_source, parse_page, parse_warnings, words, written_pages


def parallel_line(app, talk: str) -> str:
    found = parse_page(app, f"talks/{talk}/index.html").xpath('//p[contains(@class, "symposium-parallel")]')
    return words(found[0]) if found else ""


@pytest.fixture(scope="module")
def conference(tmp_path_factory):
    from helpers import build_app, copy_root

    return build_app(copy_root("conference", tmp_path_factory.mktemp("parallel")), "dirhtml")


def test_a_talk_says_what_runs_at_the_same_time_in_the_other_rooms(conference):
    assert parse_warnings(conference) == []
    assert parallel_line(conference, "learning-graphs") == "At the same time: Engines at Scale (Hall B, 9:30–10:15 AM)"
    assert parallel_line(conference, "engines-at-scale") == "At the same time: Learning Graphs of Tasks (Hall A, 9:30–10:15 AM)"
    # one ends as the other starts: not at the same time
    assert parallel_line(conference, "compilers-for-workflows") == \
        "At the same time: Agents That Tune Workflows (Hall A, 10:15–11:00 AM)"
    link = parse_page(conference, "talks/learning-graphs/index.html").xpath(
        '//p[contains(@class, "symposium-parallel")]//a/@href')
    assert link == ["../engines-at-scale/"]
    assert parallel_line(conference, "data-lakes") == ""  # nothing else on 3 June at 2 PM


def test_one_room_has_nothing_at_the_same_time(built):
    app = built("minimal", "html")
    assert parse_page(app, "talks/engines.html").xpath('//p[contains(@class, "symposium-parallel")]') == []


def test_an_edit_to_a_parallel_item_rewrites_the_talks_beside_it(build):
    first = build(testroot="conference", buildername="dirhtml")
    src = Path(first.srcdir)
    compilers = src / "talks/compilers-for-workflows.md"
    edit_source(compilers, compilers.read_text("utf-8").replace("# Compilers for Workflows", "# Compilers, Rewritten"))
    second = build(testroot="conference", buildername="dirhtml")
    assert "talks/tuning-agents" in written_pages(second)
    assert "talks/learning-graphs" not in written_pages(second)  # beside it in time, not in the same slot
    assert parallel_line(second, "tuning-agents") == "At the same time: Compilers, Rewritten (Hall B, 10:15–11:00 AM)"


def test_a_cancelled_item_no_longer_runs_at_the_same_time(build):
    first = build(testroot="conference", buildername="dirhtml")
    engines = Path(first.srcdir) / "talks/engines-at-scale.md"
    edit_source(engines, engines.read_text("utf-8").replace("  session: s2\n", "  session: s2\n  status: cancelled\n"))
    second = build(testroot="conference", buildername="dirhtml")
    assert "talks/learning-graphs" in written_pages(second)
    assert parallel_line(second, "learning-graphs") == ""
    # the cancelled talk's own page still says what runs in its slot
    assert parallel_line(second, "engines-at-scale") == "At the same time: Learning Graphs of Tasks (Hall A, 9:30–10:15 AM)"


def test_a_new_talk_in_another_room_reaches_the_talk_it_overlaps(build):
    first = build(testroot="conference", buildername="dirhtml")
    edit_source(Path(first.srcdir) / "talks/late.md",
                "---\ntalk:\n  type: lightning\n  date: 2026-06-03\n  room: Hall A\n  start: 14:30\n  end: 14:50\n---\n"
                "# A Talk in Hall A\n")
    second = build(testroot="conference", buildername="dirhtml")
    assert "talks/data-lakes" in written_pages(second)
    assert parallel_line(second, "data-lakes") == "At the same time: A Talk in Hall A (Hall A, 2:30–2:50 PM)"


def many_rooms(rooms: int) -> dict[str, str]:
    """One talk in each room at 11:00, the first three rooms' talks in track "AI" (the minimal root's
    own items are in its first room, before)."""
    names = [f"Room {number}" for number in range(1, rooms + 1)]
    files = {"conf.py": (Path(__file__).parent.parent / "roots" / "test-minimal" / "conf.py").read_text("utf-8")
             + f"symposium_rooms = {names!r}\nsymposium_tracks = ['AI', 'Data']\n"}
    for number, room in enumerate(names, start=1):
        track = "AI" if number <= 3 else "Data"
        files[f"talks/t{number}.md"] = (f"---\ntalk:\n  type: contributed\n  start: '11:00'\n  end: '11:30'\n  room: {room}\n"
                                        f"  track: {track}\n  speakers: [speaker-{number}]\n---\n# Talk {number}\n\nThe abstract.\n")
        files[f"speakers/speaker-{number}.md"] = (f"---\nspeaker:\n  name: Speaker {number}\n  affiliation: Lab {number}\n---\n"
                                                  f"# Speaker {number}\n\nA biography.\n")
    return files


def test_many_parallel_items_are_folded_with_the_talk_s_own_track_in_view(build):
    """At a conference of many rooms the list would push the abstract screens down: the header
    says how many, folded, and shows the talk's own track's items; nothing is left out."""
    app = build(many_rooms(8), buildername="dirhtml")
    assert parse_warnings(app) == []
    page = parse_page(app, "talks/t1/index.html")
    track_line = page.xpath('//p[contains(@class, "symposium-parallel-track")]')
    assert [words(line) for line in track_line] == [
        "In this track: Talk 2 (Room 2, 11:00–11:30 AM) · Talk 3 (Room 3, 11:00–11:30 AM)"]
    folded = page.xpath('//details[contains(@class, "symposium-parallel-all")]')
    assert len(folded) == 1 and folded[0].get("open") is None
    assert words(folded[0].find("summary")) == "At the same time: 7 items in other rooms"
    assert [words(li) for li in folded[0].xpath(".//li")] == [
        f"Talk {n} (Room {n}, 11:00–11:30 AM)" for n in range(2, 9)]
    # before the abstract, the header stays short: no inline line of all seven
    assert page.xpath('//p[contains(@class, "symposium-parallel") and not(contains(@class, "track"))]') == []


def test_four_parallel_items_stay_one_line(build):
    app = build(many_rooms(5), buildername="dirhtml")
    assert parallel_line(app, "t5").startswith("At the same time: Talk 1 (Room 1, 11:00–11:30 AM) · Talk 2")
    assert parse_page(app, "talks/t5/index.html").xpath("//details[contains(@class, 'symposium-parallel-all')]") == []


@pytest.mark.parametrize(("buildername", "output"), [("text", "talks/t1.txt"), ("latex", "*.tex")])
def test_builders_without_a_fold_keep_every_parallel_item(build, buildername, output):
    app = build(many_rooms(8), buildername=buildername)
    text = " ".join(next(Path(app.outdir).glob(output)).read_text("utf-8").split())  # lines wrapped
    assert all(f"Talk {n}" in text and f"(Room {n}," in text for n in range(2, 9))
