"""The import's readers (model/importing/), without Sphinx: people by the file's ids, day boundaries,
types, page-less items' abstracts, a spreadsheet's people, dates and new columns, and notes by kind."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from symposium.cli.importing import summarised
from symposium.model.entities import Event
from symposium.model.importing.frab import read_schedule
from symposium.model.importing.item_types import item_type, title_type
from symposium.model.importing.spreadsheet import read_csv

BERLIN = Event(date=dt.date(2026, 3, 12), timezone=ZoneInfo("Europe/Berlin"), end_date=dt.date(2026, 3, 13))


def frab(events: str, *, persons: str = "", day: str = 'date="2026-03-12" start="2026-03-12T10:00:00+01:00" '
         'end="2026-03-13T04:00:00+01:00"') -> bytes:
    return (f'<?xml version="1.0"?>\n<schedule><conference><title>T</title><time_zone_name>Europe/Berlin'
            f'</time_zone_name></conference>{persons}\n<day index="1" {day}>\n<room name="Hall">\n{events}'
            '</room></day></schedule>').encode()


def event(title: str, start: str = "10:00", persons: str = "", *, date: str = "", kind: str = "lecture",
          abstract: str = "") -> str:
    date = date or f"2026-03-12T{start}:00+01:00"
    return (f'<event guid="{abs(hash(title))}" id="{abs(hash(title)) % 9999}"><date>{date}</date><start>{start}</start>'
            f"<duration>00:30</duration><room>Hall</room><title>{title}</title><type>{kind}</type>"
            f"<abstract>{abstract}</abstract><persons>{persons}</persons></event>\n")


@pytest.mark.parametrize(("written", "kind"), [
    ("devroom", "contributed"), ("maintrack", "contributed"), ("lecture", "contributed"), ("keynote", "keynote"),
    ("lightningtalk", "lightning"), ("Workshop 60 Min", "tutorial"), ("Talk 30 min + 10min Q&A", "contributed"),
    ("podium", "panel"), ("bof", "discussion"), ("film", "other"), ("djset", "social"), ("Kaffeepause", "break"),
])
def test_a_table_of_frab_and_pretalx_types(written, kind):
    assert item_type(written) == kind


def test_symposium_types_come_first():
    from symposium.model.entities import DEFAULT_TYPES, ItemType

    types = {**DEFAULT_TYPES, "devroom": ItemType("Devroom talk", "contributed", True)}
    assert item_type("devroom", types) == "devroom" and item_type("Devroom talk", types) == "devroom"


@pytest.mark.parametrize("title", ["Kaffeepause", "Mittagspause", "Coffee break", "Coffee Break ☕", "Pause café",
                                   "Almuerzo", "Pausa pranzo", "昼食", "Lunch"])
def test_breaks_and_meals_in_the_common_languages(title):
    assert title_type(title) in ("break", "meal")
    program = read_schedule(frab(event(title, kind="Talk")), "s.xml", BERLIN)
    (item,) = program.items
    assert not item.has_page and item.type in ("break", "meal")


def test_persons_by_their_ids_a_comma_list_and_a_person_listed_twice():
    program = read_schedule(frab(
        event("One", "10:00", '<person id="1">Kim Lee</person><person id="1">Kim Lee</person>')
        + event("Two", "10:30", '<person id="2">Kim Lee</person>')
        + event("Three", "11:00", "<person>Dr. Ada Byron, Alan Turing</person>")), "s.xml", BERLIN)
    one, two, three = program.items
    assert one.speakers == ["kim-lee"] and two.speakers == ["kim-lee-2"]  # two people, two pages
    assert [program.speakers[s].name for s in three.speakers] == ["Dr. Ada Byron", "Alan Turing"]
    notes = [str(note) for note in program.notes]
    assert any("'One': 'Kim Lee' is listed twice" in note for note in notes), notes
    assert any("'Kim Lee' (id 2) is another person than 'Kim Lee'" in note for note in notes), notes
    assert not program.problems


def test_a_persons_block_gives_the_biographies():
    persons = ('<persons><person id="7"><public_name>Kim Lee</public_name><biography>&lt;p&gt;Kim builds '
               "compilers.&lt;/p&gt;</biography></person></persons>")
    program = read_schedule(frab(event("One", persons='<person id="7">Kim Lee</person>'), persons=persons),
                            "s.xml", BERLIN)
    (speaker,) = program.speakers.values()
    assert speaker.biography == "Kim builds compilers." and speaker.affiliations == [] and speaker.affiliation_unknown


def test_the_day_boundaries_are_read():
    program = read_schedule(frab(event("Night", "00:30", date="2026-03-13T00:30:00+01:00")), "s.xml", BERLIN)
    assert program.day_change == dt.time(4) and str(program.day_change_where) == "s.xml:3"
    (item,) = program.items
    assert (item.date, item.start) == (dt.date(2026, 3, 13), dt.time(0, 30))
    # pretalx's day_end 03:59 is a day that ends at 04:00
    pretalx = ('{"schedule": {"conference": {"time_zone_name": "Europe/Berlin", "days": [{"index": 1, "date": '
               '"2026-03-12", "day_start": "2026-03-12T04:00:00+01:00", "day_end": "2026-03-13T03:59:00+01:00", '
               '"rooms": {}}]}}}')
    assert read_schedule(pretalx.encode(), "s.json", BERLIN).day_change == dt.time(4)


def test_a_z_date_that_contradicts_a_local_start_is_named():
    program = read_schedule(frab(event("A", "09:00", date="2026-03-12T09:00:00Z")
                                 + event("B", "09:30", date="2026-03-12T09:30:00Z")), "s.xml", BERLIN)
    (problem,) = program.problems
    assert "the file says two times for 2 events: <date> 2026-03-12T09:00:00Z is 10:00 AM in Europe/Berlin, " \
           "<start> says 9:00 AM" in str(problem)
    assert "UTC" not in str(problem).split("expected")[1]  # no advice to publish the event two hours off


def test_an_item_without_a_page_keeps_its_abstract():
    program = read_schedule(frab(event("Kaffeepause", abstract="Coffee in the foyer.")), "s.xml", BERLIN)
    (item,) = program.items
    assert not item.has_page and item.abstract == "Coffee in the foyer."


def csv(text: str):
    return read_csv(text.encode(), "p.csv", BERLIN)


def test_a_spreadsheet_s_people():
    program = csv("Title,Speakers,Start,End\n"
                  "A,John Roe (Lab A; Lab B),9:00,9:30\n"
                  "B,山田太郎 (東京大学; 理化学研究所),9:30,10:00\n"
                  "C,山田 太郎 (東京大学),10:00,10:30\n"
                  "D,,10:30,11:00\n")
    assert program.speakers["john-roe"].affiliations == ["Lab A", "Lab B"]
    yamada = next(s for s in program.speakers.values() if s.name == "山田太郎")
    assert yamada.affiliations == ["東京大学", "理化学研究所"]
    notes = [str(note) for note in program.notes]
    assert any("p.csv:4: '山田 太郎' and '山田太郎' (of p.csv:3) differ only in spaces" in n for n in notes), notes
    assert any("p.csv:5: 'D': the speakers cell is empty" in n for n in notes), notes
    assert not program.problems


def test_a_spreadsheet_s_dates_slugs_and_new_columns():
    program = csv("Title,Speakers,Speaker slug,Date,Start,End,Type,Language,Status,Board,Slug\n"
                  "A,Ana (X),ana-x,2026/03/12,9:00,9:30,talk,de,cancelled,,\n"
                  "A,Ana (X),ana-x,2026/03/13,9:00,9:30,poster,,,P-1,\n"
                  "B,Bo (Y),,2026-03-12,10:00,10:30,talk,,,,b\n"
                  "C,Bo (Y),,2026-03-12,11:00,11:30,talk,,,,b\n")
    first, second, b, _ = program.items
    assert (first.date, first.language, first.status, first.speakers) == (dt.date(2026, 3, 12), "de", "cancelled", ["ana-x"])
    assert (second.type, second.board) == ("poster", "P-1")
    assert first.identity != second.identity  # two talks of one title: two pages, the same ones next time
    assert [str(p) for p in program.problems] == [
        "p.csv:5: slug 'b' is row 4's too; expected one slug per talk (or none: the title makes one)"]
    assert b.slug == "b"


def test_notes_of_one_kind_are_one_line():
    program = read_schedule(frab("".join(event(f"T{n}", f"1{n}:00", kind="strange") for n in range(6))), "s.xml", BERLIN)
    lines = summarised(program.notes)
    assert len(lines) == 1 and lines[0].startswith("6 notes of one kind (type), the first: s.xml:")


def test_a_speaker_with_no_affiliation_to_give_says_so():
    from helpers import frontmatter_of
    from symposium.model.reading import read_speaker

    data, positions = frontmatter_of("---\nspeaker:\n  name: Kim Lee\n  affiliation: []\n---\n")
    speaker, problems = read_speaker("kim-lee", "speakers/kim-lee", data, positions)
    assert problems == [] and speaker.affiliations == ()
    data, positions = frontmatter_of("---\nspeaker:\n  name: Kim Lee\n---\n")
    assert "missing required key 'speaker.affiliation'" in read_speaker("kim-lee", "x", data, positions)[1][0].message
