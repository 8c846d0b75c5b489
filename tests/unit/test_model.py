"""The model without Sphinx: times, front-matter, and the checks across pages."""

from __future__ import annotations

import datetime as dt
import pickle
import random

import pytest

from helpers import CHICAGO, EVENT, at, frontmatter_of, program, talk
from symposium.environment.store import SymposiumStore
from symposium.model.consistency import check_references, check_slugs, check_timetable
from symposium.model.entities import Event, Speaker
from symposium.model.frontmatter import FrontmatterSyntaxError, read_frontmatter
from symposium.model.reading import read_program_items, read_speaker, read_talk
from symposium.model.sources import SourceEncodingError, decode_source
from symposium.model.times import clock, clock_range, parse_time

# -- times --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml_value", "expected"),
    [
        ("8:35", dt.time(8, 35)),  # YAML reads this as the integer 515
        ("10:50", dt.time(10, 50)),  # ... and this as 650
        ("'08:35'", dt.time(8, 35)),
        ("08:35", dt.time(8, 35)),  # a leading zero keeps it a string
        ('"8:35 AM"', dt.time(8, 35)),
        ("12:20 PM", dt.time(12, 20)),
        ("12:05 am", dt.time(0, 5)),
        ("2:05 p.m.", dt.time(14, 5)),
        ("8 AM", dt.time(8, 0)),
        ("14:05", dt.time(14, 5)),
        ("2025-11-21T08:35", dt.time(8, 35)),
        ("2025-11-21T08:35:00", dt.time(8, 35)),  # a YAML timestamp
        ("'2025-11-21T14:35:00+00:00'", dt.time(8, 35)),  # UTC, shown in Chicago
    ],
)
def test_times_in_every_accepted_form(yaml_value, expected):
    item, problems = talk(f"type: invited\nstart: {yaml_value}\nduration: 10\n")
    assert problems == []
    assert item.start == dt.datetime.combine(dt.date(2025, 11, 21), expected, tzinfo=CHICAGO)
    assert item.start.tzname() == "CST"
    assert item.end - item.start == dt.timedelta(minutes=10)


def test_unquoted_time_is_read_as_written_not_as_base_60():
    data, where = frontmatter_of("---\ntalk:\n  start: 10:50\n---\n")
    assert data["talk"]["start"] == 650  # what PyYAML gives
    assert where.raw(("talk", "start")) == "10:50"
    assert parse_time(650, "10:50") == dt.time(10, 50)


@pytest.mark.parametrize("text", ["half past eight", "25:00", "9", "13:00 PM", "8:75", "tomorrow-ish"])
def test_what_is_not_a_time(text):
    with pytest.raises(ValueError, match="expected"):
        parse_time(text)


def test_clock_formats():
    start = dt.datetime(2025, 11, 21, 11, 30, tzinfo=CHICAGO)
    assert clock(start) == "11:30 AM"
    assert clock_range(start, start.replace(hour=12, minute=20)) == "11:30 AM\u201312:20 PM"
    assert clock_range(start.replace(hour=8), start.replace(hour=8, minute=35)) == "8:30\u20138:35 AM"


def test_end_and_duration_and_date():
    item, problems = talk("type: panel\nstart: 13:00\nend: 2:30 PM\ndate: 2025-11-21\nroom: Hall A\n")
    assert problems == []
    assert item.start.isoformat() == "2025-11-21T13:00:00-06:00"
    assert item.end.isoformat() == "2025-11-21T14:30:00-06:00"
    assert item.room == "Hall A"


def test_defaults_come_from_the_event():
    item, _ = talk("type: invited\nstart: 9:00\nend: 9:30\n")
    assert item.room == "Room 264"
    assert item.type_label == "Invited Talk"
    item, _ = talk("type: keynote\nlabel: Featured Speaker\nstart: 9:00\nend: 9:30\n")
    assert item.type_label == "Featured Speaker"


# -- each problem, with its line ------------------------------------------------------------
# Line 1 is the opening '---', line 2 'talk:', line 3 the first key.


@pytest.mark.parametrize(
    ("body", "subtype", "line", "says"),
    [
        ("type: keynot\nstart: 9:00\nend: 9:30\n", "frontmatter", 3, "did you mean 'keynote'"),
        ("type: invited\nend: 9:30\n", "frontmatter", 2, "missing required key 'talk.start'"),
        ("type: invited\nstart: 9:00\n", "frontmatter", 2, "missing required key 'talk.end'"),
        ("start: 9:00\nend: 9:30\n", "frontmatter", 2, "missing required key 'talk.type'"),
        ("type: invited\nstart: half past nine\nend: 9:30\n", "frontmatter", 4, "expected a time"),
        ("type: invited\nstart: 9:30\nend: 9:00\n", "schedule", 5, "not after the start"),
        ("type: invited\nstart: 9:30\nduration: ten\n", "frontmatter", 5, "whole number of minutes"),
        ("type: invited\nstart: 9:30\nend: 10:00\nspeakers: 7\n", "frontmatter", 6, "list of speaker slugs"),
        ("type: invited\nstart: 9:30\nend: 10:00\nspeakers:\n  - ok\n  - Not A Slug\n", "frontmatter", 8, "expected a speaker slug"),
        ("type: invited\nstart: 9:30\nend: 10:00\nspeakrs: [a]\n", "frontmatter", 6, "did you mean 'speakers'"),
        ("type: invited\nstart: 9:30\nend: 10:00\nslides: ftp://x\n", "frontmatter", 6, "http(s) URL"),
        ("type: invited\nstart: 9:30\nend: 10:00\nlinks: {a: b}\n", "frontmatter", 6, "list of {title, url}"),
        ("type: invited\nstart: 9:30\nend: 10:00\ndate: someday\n", "frontmatter", 6, "ISO date"),
        ("type: [keynote]\nstart: 9:30\nend: 10:00\n", "frontmatter", 3, "should be text"),
    ],
)
def test_talk_problems_are_located(body, subtype, line, says):
    _, problems = talk(body)
    assert len(problems) == 1, problems
    assert at(problems) == [(subtype, line)]
    assert says in problems[0].message


def test_talk_without_title():
    _, problems = talk("type: invited\nstart: 9:30\nend: 10:00\n", title="")
    assert "first heading" in problems[0].message


def test_talk_section_of_the_wrong_type():
    data, where = frontmatter_of("---\ntalk: 5\n---\n")
    item, problems = read_talk("talks/x", "X", data, where, EVENT)
    assert item is None
    assert at(problems) == [("frontmatter", 2)]


def test_speaker_is_read_with_its_problems():
    data, where = frontmatter_of("""\
        ---
        speaker:
          name: Grace Hopper
          affiliation: [Navy, Harvard]
          email: not-an-address
          links:
            homepage: https://example.org
            orcid: 0000-0001
        ---
    """)
    speaker, problems = read_speaker("grace-hopper", "speakers/grace-hopper", data, where)
    assert speaker.affiliations == ("Navy", "Harvard")
    assert speaker.initials == "GH"
    assert [link.title for link in speaker.links] == ["homepage"]
    assert at(problems) == [("frontmatter", 5), ("frontmatter", 8)]


def test_speaker_missing_name_and_wrong_affiliation():
    data, where = frontmatter_of("---\nspeaker:\n  affiliation: {a: 1}\n---\n")
    speaker, problems = read_speaker("x", "speakers/x", data, where)
    assert speaker is None
    assert at(problems) == [("frontmatter", 2), ("frontmatter", 3)]


def test_program_items():
    data, where = frontmatter_of("""\
        ---
        program:
          items:
            - {start: 8:30, end: 8:35, title: Welcome, type: opening}
            - {start: 10:00, end: 10:30, title: Break, type: brek}
            - just text
        ---
    """)
    items, problems = read_program_items("program/index", data, where, EVENT)
    # an item whose type is wrong keeps its place, so the checks across pages still see it
    assert [(i.title, i.type) for i in items] == [("Welcome", "opening"), ("Break", "other")]
    assert items[0].key == "program/index#0" and not items[0].has_page
    assert at(problems) == [("frontmatter", 5), ("frontmatter", 6)]


def test_malformed_yaml_is_reported_where_yaml_stopped():
    with pytest.raises(FrontmatterSyntaxError, match="not valid YAML") as caught:
        read_frontmatter("---\ntalk:\n  type: keynote\n  title: a: b\n---\n")
    assert caught.value.line == 4
    with pytest.raises(FrontmatterSyntaxError, match="should be a mapping") as caught:
        read_frontmatter("---\n- a list\n---\n")
    assert caught.value.line == 1


# -- checks across pages --------------------------------------------------------------------


def test_unknown_speaker_reference():
    items = program("---\nprogram:\n  items:\n    - start: 9:00\n      end: 9:10\n      title: Hi\n      type: opening\n      speakers:\n        - ada\n        - bobb\n---\n")
    problems = check_references(items, {"ada": object(), "bob": object()})
    assert at(problems) == [("reference", 10)]
    assert "'bobb'" in problems[0].message and "did you mean 'bob'" in problems[0].message
    assert problems[0].docname == "program/index"


def test_one_rule_owns_a_slug_for_the_links_and_for_the_warning():
    store = SymposiumStore()
    moved = Speaker("ada", "speakers/a/ada", "Ada (moved)", ("X",), line=2)
    ada = Speaker("ada", "speakers/ada", "Ada", ("X",), line=2)
    store.set_speaker(moved.docname, moved)  # sorts first, but sits in a subfolder
    store.set_speaker(ada.docname, ada)
    assert store.speakers_by_slug() == {"ada": ada}
    problems = check_slugs(store.speaker_pages, store.speakers)
    assert [(p.subtype, p.docname, p.line) for p in problems] == [("reference", "speakers/a/ada", 2)]
    assert "belongs to speakers/ada" in problems[0].message


def test_a_speaker_page_with_problems_still_has_its_slug():
    store = SymposiumStore()
    store.add_speaker_page("speakers/ada", "ada")  # its speaker: block gave no speaker
    store.set_items("program/index", program(
        "---\nprogram:\n  items:\n    - {start: 9:00, end: 9:10, title: Hi, type: opening, speakers: [ada, bob]}\n---\n"))
    assert store.speakers_by_slug() == {}
    problems = check_references(store.program(), store.slugs_with_pages())
    assert [p.message.split(":")[0] for p in problems] == ["unknown speaker 'bob'"]


def test_views_are_derived_once_until_the_data_changes():
    store = SymposiumStore()
    store.set_items("program/index", program(
        "---\nprogram:\n  items:\n    - {start: 9:30, end: 9:40, title: Later, type: other, speakers: [ada]}\n---\n"))
    first = store.program()
    assert store.program() is first and store.views is store.views
    store.set_items("talks/early", program(
        "---\nprogram:\n  items:\n    - {start: 9:00, end: 9:10, title: Early, type: opening, speakers: [ada]}\n---\n"))
    assert [item.title for item in store.program()] == ["Early", "Later"]
    # an item of type "other" has no label of its own: its people are its speakers
    assert [(role, item.title) for role, item in store.roles_of("ada")] == [("Opening", "Early"), ("Speaker", "Later")]
    store.forget("talks/early")
    assert [item.title for item in store.program()] == ["Later"]
    reloaded = pickle.loads(pickle.dumps(store))
    assert reloaded == store and reloaded.program() == store.program()


def test_overlap_in_one_room_is_reported_at_the_later_item():
    items = program("""\
        ---
        program:
          items:
            - {start: 9:00, end: 10:00, title: First, type: invited}
            - {start: 9:30, end: 10:30, title: Second, type: invited}
            - {start: 9:30, end: 10:30, title: Elsewhere, type: invited, room: Hall B}
        ---
    """)
    problems = check_timetable(items, EVENT)
    assert at(problems) == [("schedule", 5)]
    assert problems[0].message.startswith("'Second' (9:30–10:30 AM) starts before the end of 'First' (9:00–10:00 AM)")
    # either may be the one just edited: the other's line is named too
    assert problems[0].message.endswith("check its start, or the end of 'First' (program/index, line 4)")


def test_the_seeds_12_20_am_closing_is_caught():
    items = program("""\
        ---
        program:
          items:
            - {start: 8:30, end: 8:35, title: Welcome, type: opening}
            - {start: 8:35, end: 12:20, title: Talks, type: invited}
            - {start: "12:20 AM", end: "12:30 AM", title: Closing remarks, type: closing}
        ---
    """)
    problems = check_timetable(items, EVENT)
    assert at(problems) == [("schedule", 6)]
    assert "gap of 8 h" in problems[0].message
    assert "Did you mean 12:20 PM?" in problems[0].message


def test_item_outside_the_event_days():
    items = program("---\nprogram:\n  items:\n    - start: 9:00\n      end: 9:10\n      date: 2025-11-22\n      title: Hi\n      type: other\n---\n")
    problems = check_timetable(items, EVENT)
    assert at(problems) == [("schedule", 6)]


def test_a_well_formed_day_has_no_problems():
    items = program("""\
        ---
        program:
          items:
            - {start: 8:30, end: 8:35, title: Welcome, type: opening}
            - {start: 8:35, end: 10:00, title: Talks, type: invited}
            - {start: 10:30, end: 12:20, title: More talks, type: invited}
        ---
    """)
    assert check_timetable(items, EVENT) == []


# -- never a traceback ----------------------------------------------------------------------

_LEAVES = [None, True, 0, 650, -1, 3.5, "", "x", "9:00", "2025-13-45", [], {}, dt.date(2025, 1, 1)]
_KEYS = ["type", "start", "end", "duration", "date", "room", "speakers", "moderators", "label",
         "slides", "video", "links", "title", "name", "affiliation", "email", "photo", "honorific", "items"]


def _random_value(rng: random.Random, depth: int = 0):
    roll = rng.random()
    if depth > 2 or roll < 0.5:
        return rng.choice(_LEAVES)
    if roll < 0.75:
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(_KEYS): _random_value(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def test_no_input_raises():
    """Any shape of front-matter gives problems, never an exception."""
    rng = random.Random(2025)
    from symposium.model.frontmatter import Positions

    for _ in range(3000):
        section = _random_value(rng)
        if isinstance(section, dict) and rng.random() < 0.7:
            section.setdefault("type", rng.choice(["keynote", "opening", 5]))
            section.setdefault("start", rng.choice([540, "9:00", "x"]))
        data = {"talk": section, "speaker": section, "program": {"items": [section, _random_value(rng)]}}
        for problems in (
            read_talk("talks/x", "X", data, Positions(), EVENT)[1],
            read_speaker("x", "speakers/x", data, Positions())[1],
            read_program_items("program/index", data, Positions(), EVENT)[1],
        ):
            assert all(p.message and p.line >= 1 for p in problems)


def test_a_12_20_am_closing_is_blamed_even_when_the_sides_are_even():
    items = program("""\
        ---
        program:
          items:
            - {start: 9:00, end: 9:10, title: Welcome, type: opening}
            - {start: "12:20 AM", end: "12:30 AM", title: Closing, type: closing}
        ---
    """)
    problems = check_timetable(items, EVENT)
    assert at(problems) == [("schedule", 5)]
    assert "Did you mean 12:20 PM?" in problems[0].message


# -- sources ----------------------------------------------------------------------------------------


def test_decode_source_names_the_line_of_the_first_bad_byte():
    with pytest.raises(SourceEncodingError) as caught:
        decode_source(b"line one\nline two \xff\n")
    assert caught.value.line == 2
    assert "not UTF-8: byte 0xff at line 2, column 10" in str(caught.value)
    assert decode_source("\ufeffwith a BOM".encode()) == "with a BOM"


# -- items that run past the change of day --------------------------------------------------

#: a congress's night program: its day runs from 04:00 to 04:00
NIGHT = Event(date=dt.date(2014, 12, 27), end_date=dt.date(2014, 12, 30), timezone=CHICAGO, day_change=dt.time(4))


def test_a_set_from_1_to_10_belongs_to_the_night_it_starts_in():
    """A DJ set at 01:00 of 28 December is the program of 27 December, and ends after the day changes."""
    item, problems = talk("type: contributed\ndate: 2014-12-28\nstart: 1:00\nend: 10:00\n", event=NIGHT)
    assert problems == []
    assert (item.start, item.end) == (dt.datetime(2014, 12, 28, 1, tzinfo=CHICAGO), dt.datetime(2014, 12, 28, 10, tzinfo=CHICAGO))
    assert NIGHT.program_day(item.start) == dt.date(2014, 12, 27)
    assert check_timetable([item], NIGHT) == []


@pytest.mark.parametrize(("timing", "ends"), [
    ("date: 2014-12-27\nstart: 23:00\nend: 10:00", dt.datetime(2014, 12, 28, 10)),  # the evening's date, the morning's end
    ("date: 2014-12-27\nstart: 23:30\nend: 4:30", dt.datetime(2014, 12, 28, 4, 30)),
    ("date: 2014-12-27\nstart: 22:00\nduration: 600", dt.datetime(2014, 12, 28, 8)),
    ("start: 2014-12-28T01:00\nend: 2014-12-28T10:00", dt.datetime(2014, 12, 28, 10)),
])
def test_an_item_may_end_after_the_change_of_day(timing, ends):
    item, problems = talk(f"type: contributed\n{timing}\n", event=NIGHT)
    assert problems == []
    assert item.end == ends.replace(tzinfo=CHICAGO)
    assert NIGHT.program_day(item.start) == dt.date(2014, 12, 27)


def test_an_evening_item_may_run_past_midnight_without_a_change_of_day():
    item, problems = talk("type: contributed\nstart: 23:30\nend: 0:30\n")
    assert problems == []
    assert item.end == dt.datetime(2025, 11, 22, 0, 30, tzinfo=CHICAGO)


def test_a_night_item_is_still_at_most_symposium_max_item_minutes_long():
    item, problems = talk("type: contributed\ndate: 2014-12-28\nstart: 1:00\nend: 14:00\n", event=NIGHT)
    assert [(p.subtype, p.line) for p in problems] == [("schedule", 6)]
    assert "lasts 13 h; expected at most 12 h" in problems[0].message
    # it stays in the program, at its start, until its end is fixed
    assert (item.start, item.end) == (dt.datetime(2014, 12, 28, 1, tzinfo=CHICAGO),) * 2
    assert item.time_doubted and not item.ends


def test_a_set_that_runs_into_the_next_day_s_first_item_in_its_room_is_an_overlap():
    items = program("""\
        ---
        program:
          items:
            - {date: 2014-12-28, start: 1:00, end: 10:00, title: Night set, type: social, room: Club}
            - {date: 2014-12-28, start: 9:00, end: 9:30, title: Morning yoga, type: social, room: Club}
        ---
    """, event=NIGHT)
    problems = check_timetable(items, NIGHT)
    assert [(p.subtype, p.line) for p in problems] == [("schedule", 4)]
    assert "'Night set' (1:00–10:00 AM) runs into 'Morning yoga' (9:00–9:30 AM) in Club" in problems[0].message
