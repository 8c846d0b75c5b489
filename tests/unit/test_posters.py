"""Posters, demos and the site's own types (symposium_types), without Sphinx."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from helpers import CHICAGO, EVENT, frontmatter_of, talk
from symposium.environment.config import _types_problems, item_types
from symposium.model.consistency import check_timetable
from symposium.model.entities import (
    COLOUR_CLASSES,
    DEFAULT_TYPES,
    ItemType,
    board_order,
    sorted_program,
)
from symposium.model.reading import read_program_items, read_sessions
from symposium.model.sessions import check_sessions, join_all, sessions_by_id, unplaced

SESSION = """\
---
program:
  sessions:
    - {id: posters, title: Posters, start: 11:00, end: 12:30, room: Foyer}
---
"""


def posters_session():
    data, where = frontmatter_of(SESSION)
    sessions, problems = read_sessions("program/index", data, where, EVENT)
    assert problems == []
    return sessions_by_id(sessions)


def poster(slug: str, body: str, event=EVENT):
    item, problems = talk(f"type: poster\nsession: posters\n{body}", event=event)
    assert problems == []
    return dataclasses.replace(item, key=f"talks/{slug}", docname=f"talks/{slug}")


def test_poster_and_demo_are_talk_types_and_poster_is_a_colour_of_its_own():
    assert DEFAULT_TYPES["poster"] == ItemType("Poster", "poster", True)
    assert DEFAULT_TYPES["demo"] == ItemType("Demo", "demo", True)
    assert DEFAULT_TYPES["break"] == ItemType("Break", "break", False)
    assert DEFAULT_TYPES["poster"].poster and not DEFAULT_TYPES["demo"].poster
    assert set(COLOUR_CLASSES) == set(DEFAULT_TYPES)


def test_a_poster_in_a_session_takes_its_time_and_room():
    sessions = posters_session()
    item = poster("cards", "board: 12\n")
    assert (item.board, item.own_time, item.poster, item.type_label) == ("12", False, True, "Poster")
    [joined] = join_all([item], sessions, EVENT)
    assert (joined.start, joined.end, joined.room) == (sessions["posters"].start, sessions["posters"].end, "Foyer")
    assert joined.start.isoformat() == "2025-11-21T11:00:00-06:00"


def test_a_poster_that_gives_its_time_keeps_it():
    item = poster("cards", "board: P-3\nstart: 11:30\nend: 12:00\n")
    assert item.own_time
    [joined] = join_all([item], posters_session(), EVENT)
    assert (joined.start.hour, joined.start.minute, joined.board) == (11, 30, "P-3")


def test_a_poster_without_a_time_in_an_unknown_session_is_left_out_and_reported():
    item = poster("cards", "board: 1\n")
    assert join_all([item], {}, EVENT) == []
    assert unplaced([item], {}) == [item]
    [problem] = check_sessions([], [item], EVENT)
    assert (problem.subtype, problem.line) == ("reference", 4)
    assert "names session 'posters', which no page defines" in problem.message
    assert "the poster is left out of the program and the exports: expected the id of a session" in problem.message


def test_posters_of_one_session_share_its_time_and_room_without_an_overlap():
    sessions = posters_session()
    items = join_all([poster(slug, f"board: {board}\n") for slug, board in (("a", 12), ("b", 3), ("c", 7))],
                     sessions, EVENT)
    assert check_timetable(items, EVENT) == []
    assert check_sessions(sessions.values(), items, EVENT) == []
    assert [i.board for i in sorted_program(items)] == ["3", "7", "12"]


def test_anything_else_in_the_room_at_that_time_overlaps():
    sessions = posters_session()
    posters = join_all([poster("a", "board: 1\n"), poster("b", "board: 2\n")], sessions, EVENT)
    keynote, _ = talk("type: keynote\nstart: 11:30\nend: 12:00\nroom: Foyer\n")
    problems = check_timetable([*posters, keynote], EVENT)
    assert len(problems) == 1 and "overlaps" in problems[0].message


def test_two_posters_on_one_board_of_a_session():
    sessions = posters_session()
    items = join_all([poster("a", "board: 5\n"), poster("b", "board: 5\n")], sessions, EVENT)
    [problem] = check_sessions(sessions.values(), items, EVENT)
    assert (problem.subtype, problem.docname, problem.line) == ("schedule", "talks/b", 5)
    assert "is on board 5 of session 'posters', as is" in problem.message


def test_posters_outside_a_session_are_told_to_join_one():
    one, _ = talk("type: poster\nstart: 11:00\nend: 12:00\nroom: Foyer\n", title="One")
    two, _ = talk("type: poster\nstart: 11:00\nend: 12:00\nroom: Foyer\n", title="Two")
    two = dataclasses.replace(two, key="talks/two", docname="talks/two")
    [problem] = check_timetable([one, two], EVENT)
    assert "posters that share a room and a time belong to one session" in problem.message


def test_a_board_is_a_posters_only():
    item, problems = talk("type: invited\nstart: 9:00\nend: 9:30\nboard: 12\n")
    assert item.board == ""
    assert [(p.subtype, p.line) for p in problems] == [("frontmatter", 6)]
    assert "only a poster has a board" in problems[0].message


def test_a_board_is_kept_as_written():
    assert poster("a", "board: 012\n").board == "012"  # not the octal number 10


@pytest.mark.parametrize(("boards", "expected"), [
    (["12", "3", "7"], ["3", "7", "12"]),
    (["P-10", "P-2", "P-1"], ["P-1", "P-2", "P-10"]),
    (["B2", "A10", "A9"], ["A9", "A10", "B2"]),
])
def test_boards_sort_as_people_count(boards, expected):
    assert sorted(boards, key=board_order) == expected


# -- symposium_types ---------------------------------------------------------------------------------


def checked(types: object) -> tuple[dict, list[str]]:
    config = {"symposium_types": types}
    found = _types_problems(config)
    return config["symposium_types"], found


def test_the_sites_types_extend_and_relabel_the_defaults():
    types, found = checked({
        "hackathon": {"label": "Hackathon", "class": "social", "page": False},
        "spotlight": {"class": "keynote"},
        "poster": {"label": "Poster presentation"},
    })
    assert found == []
    assert types == {
        "hackathon": {"label": "Hackathon", "class": "social", "page": False},
        "spotlight": {"label": "Spotlight", "class": "keynote", "page": True},
        "poster": {"label": "Poster presentation", "class": "poster", "page": True},
    }
    # checking the checked value again finds nothing and changes nothing
    assert checked(types) == (types, [])


@pytest.mark.parametrize(("types", "says"), [
    ("poster", "symposium_types = 'poster': expected a dict of types"),
    ({"Poster Session": {}}, "symposium_types['Poster Session']: expected a type's name in lower-case letters"),
    ({"hackathon": "social"}, "symposium_types['hackathon'] = 'social': expected a dict such as"),
    ({"hackathon": {"colour": "social"}}, "symposium_types['hackathon']['colour']: unknown key; expected 'label', 'class' or 'page'"),
    ({"hackathon": {"class": "red"}}, "symposium_types['hackathon']['class'] = 'red': expected one of the colour classes: keynote,"),
    ({"hackathon": {"label": 3}}, "symposium_types['hackathon']['label'] = 3: expected text"),
    ({"hackathon": {"page": "no"}}, "symposium_types['hackathon']['page'] = 'no': expected True (a talk type"),
    ({"break": {"page": True}}, "symposium_types['break']['page'] = True: 'break' is a built-in type of the entries without a page"),
])
def test_each_mistake_in_symposium_types_is_one_problem_and_the_rest_works(types, says):
    kept, found = checked(types)
    assert len(found) == 1 and found[0].startswith(says), found
    assert isinstance(kept, dict)


def test_a_bad_key_leaves_the_rest_of_its_type():
    kept, found = checked({"hackathon": {"label": "Hackathon", "class": "red", "page": False}})
    assert len(found) == 1
    assert kept == {"hackathon": {"label": "Hackathon", "class": "other", "page": False}}


def test_the_configured_types_reach_the_model():
    class Config(dict):
        __getattr__ = dict.__getitem__

    config = Config(symposium_types={"hackathon": {"label": "Hackathon", "class": "social", "page": False},
                                     "spotlight": {"label": "Spotlight Talk", "class": "keynote"}})
    assert _types_problems(config) == []
    event = dataclasses.replace(EVENT, types=item_types(config))
    item, problems = talk("type: spotlight\nstart: 9:00\nend: 9:30\n", event=event)
    assert problems == [] and (item.type_label, item.colour) == ("Spotlight Talk", "keynote")
    item, problems = talk("type: hackathon\nstart: 9:00\nend: 9:30\n", event=event)
    assert "'hackathon' is a type of the program's entries without a page" in problems[0].message
    data, where = frontmatter_of("---\nprogram:\n  items:\n    - {start: 14:00, end: 17:00, title: Build, type: hackathon}\n---\n")
    [entry], problems = read_program_items("program/index", data, where, event)
    assert problems == [] and (entry.type_label, entry.colour, entry.has_page) == ("Hackathon", "social", False)
    # an unknown type names where more come from
    _, problems = talk("type: hackaton\nstart: 9:00\nend: 9:30\n", event=event)
    assert "did you mean 'spotlight'" not in problems[0].message
    assert "(conf.py's symposium_types adds more)" in problems[0].message
    assert "spotlight" in problems[0].message


def test_a_poster_day_moves_with_its_session():
    event = dataclasses.replace(EVENT, end_date=dt.date(2025, 11, 22))
    data, where = frontmatter_of(SESSION.replace("start: 11:00", "date: 2025-11-22, start: 11:00"))
    sessions, _ = read_sessions("program/index", data, where, event)
    [joined] = join_all([poster("a", "board: 1\n", event=event)], sessions_by_id(sessions), event)
    assert joined.start == dt.datetime(2025, 11, 22, 11, 0, tzinfo=CHICAGO)
