"""Which listings a change reaches (pure Python, no Sphinx)."""

from __future__ import annotations

from symposium.model.scopes import EVERYTHING, ProgramScope, SpeakerScope, listings_reached
from symposium.model.selection import ALL, Selection

LISTINGS = {
    "index": frozenset({EVERYTHING, ProgramScope(ALL)}),
    "program/day-2": frozenset({ProgramScope(Selection(day="2026-06-03"))}),
    "program/hall-a": frozenset({ProgramScope(Selection(room="Hall A"))}),
    "program/ai": frozenset({ProgramScope(Selection(track="AI"))}),
    "program/s1-in-hall-a": frozenset({ProgramScope(Selection(room="Hall A", session="s1"))}),
    "speakers/index": frozenset({SpeakerScope()}),
    "keynotes": frozenset({SpeakerScope(frozenset({"ada-lovelace"}))}),
}


def test_a_change_reaches_the_listings_whose_selection_holds_it():
    day_two_in_room_1 = ("2026-06-03", "Room 1", "", "s3")
    assert listings_reached(LISTINGS, {day_two_in_room_1}, set()) == {"index", "program/day-2"}
    first_day_ai_in_hall_a = ("2026-06-02", "Hall A", "AI", "s1")
    assert listings_reached(LISTINGS, {first_day_ai_in_hall_a}, set()) == {
        "index", "program/hall-a", "program/ai", "program/s1-in-hall-a"}


def test_every_field_of_a_selection_must_hold():
    other_session_in_hall_a = ("2026-06-02", "Hall A", "", "s9")
    assert "program/s1-in-hall-a" not in listings_reached(LISTINGS, {other_session_in_hall_a}, set())


def test_a_changed_speaker_reaches_the_speaker_lists_that_show_them():
    assert listings_reached(LISTINGS, set(), {"alan-turing"}) == {"index", "speakers/index"}
    assert listings_reached(LISTINGS, set(), {"ada-lovelace"}) == {"index", "speakers/index", "keynotes"}


def test_no_change_reaches_nothing():
    assert listings_reached(LISTINGS, set(), set()) == set()
