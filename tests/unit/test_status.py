"""``status:`` of talks and items, in the model: the words, their warnings, and the checks that a
cancelled item no longer takes part in (its room's time and its people's are free)."""

from __future__ import annotations

from helpers import EVENT, at, frontmatter_of, program, talk
from symposium.model.consistency import check_people, check_timetable
from symposium.model.reading import read_program_items


def test_a_talk_is_scheduled_unless_it_says_otherwise():
    item, problems = talk("type: invited\nstart: 9:00\nend: 9:30\n")
    assert problems == [] and item.status == "scheduled" and not item.cancelled and item.status_label == ""
    item, problems = talk("type: invited\nstatus: cancelled\nstart: 9:00\nend: 9:30\n")
    assert problems == [] and item.cancelled and item.status_label == "Cancelled" and item.status_line == 4


def test_an_unknown_status_is_told_the_words_with_a_guess():
    item, problems = talk("type: invited\nstatus: canceled\nstart: 9:00\nend: 9:30\n")
    assert at(problems) == [("frontmatter", 4)]
    assert problems[0].message == ("unknown talk.status 'canceled'; did you mean 'cancelled'? "
                                   "expected one of: scheduled, cancelled, tba")
    assert item.status == "scheduled"  # the talk stays in the program as it was


def test_a_slot_to_be_announced_may_have_no_title_but_a_cancelled_item_needs_one():
    items = program("""\
        ---
        program:
          items:
            - {start: 9:00, end: 9:30, type: keynote, status: tba}
        ---
    """)
    assert [(i.title, i.status, i.status_label) for i in items] == [("To be announced", "tba", "To be announced")]
    data, where = frontmatter_of("---\nprogram:\n  items:\n    - {start: 9:00, end: 9:30, type: break, status: cancelled}\n---\n")
    items, problems = read_program_items("program/index", data, where, EVENT)
    assert at(problems) == [("frontmatter", 4)]
    assert "missing on a cancelled item; expected the title it had" in problems[0].message
    assert items[0].cancelled


def test_a_cancelled_item_frees_its_room_and_its_people():
    items = program("""\
        ---
        program:
          items:
            - {start: 9:00, end: 10:00, title: Old slot, type: invited, status: cancelled, speakers: [ada]}
            - {start: 9:00, end: 9:30, title: New slot, type: invited, speakers: [ada], room: Hall B}
            - {start: 9:30, end: 10:00, title: Next, type: invited}
        ---
    """)
    assert check_timetable(items, EVENT) == []
    assert check_people(items, []) == []
