"""Rooms as records, without Sphinx: the forms of ``symposium_rooms``, the venue's coordinates, and
where an item is streamed."""

from __future__ import annotations

import dataclasses

from helpers import EVENT, program, talk
from symposium.model.rooms import Room, room_records, stream_of, venue_geo
from symposium.model.sessions import join_session

HALL = "https://stream.example.org/room-264"
EVENT_WITH_STREAM = dataclasses.replace(EVENT, rooms=("Room 264", "Room 265"), room_records=(
    Room("Room 264", description="Second floor", capacity=80, stream=HALL), Room("Room 265")))


def test_the_list_form_gives_rooms_without_records():
    assert room_records(["Hall A", "Room 264"]) == ((Room("Hall A"), Room("Room 264")), [])


def test_the_mapping_form_keeps_its_order_and_each_good_key():
    rooms, problems = room_records({"Room 264": {"capacity": 80, "capcity": 8}, "Hall A": None, "Hall B": {}})
    assert [room.name for room in rooms] == ["Room 264", "Hall A", "Hall B"]
    assert rooms[0] == Room("Room 264", capacity=80)
    assert problems == ["symposium_rooms['Room 264']['capcity']: unknown key; did you mean 'capacity'? expected one of: "
                        "description, map, capacity, stream; left out"]


def test_a_capacity_that_is_true_is_no_number_of_seats():
    rooms, problems = room_records({"Hall A": {"capacity": True}})
    assert rooms == (Room("Hall A"),) and len(problems) == 1


def test_names_given_twice_or_no_list_leave_no_rooms():
    assert room_records(["Hall A", "Hall A"])[0] == ()
    assert room_records("Hall A")[0] == ()


def test_venue_coordinates():
    assert venue_geo(None) == (None, [])
    assert venue_geo([38, -90.5]) == ((38.0, -90.5), [])
    assert venue_geo((-91, 0))[0] is None
    assert venue_geo((True, 0))[0] is None


def test_an_item_takes_its_own_stream_else_its_sessions_else_its_rooms():
    keynote, problems = talk("type: keynote\nstart: 9:00\nend: 10:00\nroom: Room 264\n", event=EVENT_WITH_STREAM)
    assert problems == []
    assert stream_of(keynote, EVENT_WITH_STREAM) == HALL
    own = dataclasses.replace(keynote, stream="https://video.example.org/keynote")
    assert stream_of(own, EVENT_WITH_STREAM) == "https://video.example.org/keynote"
    assert stream_of(dataclasses.replace(keynote, status="cancelled"), EVENT_WITH_STREAM) == ""
    assert stream_of(dataclasses.replace(keynote, room="Room 265"), EVENT_WITH_STREAM) == ""


def test_a_break_in_a_streamed_room_has_nothing_to_watch_unless_it_says_so():
    items = program("---\nprogram:\n  items:\n    - {start: 10:00, end: 10:30, title: Break, type: break, room: Room 264}\n"
                              "    - {start: 10:30, end: 10:45, title: Poster pitches, type: break, room: Room 264, "
                              "stream: 'https://video.example.org/pitches'}\n---\n", event=EVENT_WITH_STREAM)
    assert [stream_of(item, EVENT_WITH_STREAM) for item in items] == ["", "https://video.example.org/pitches"]


def test_a_talk_takes_its_sessions_stream_unless_it_names_its_own():
    from symposium.model.entities import Session

    keynote, _ = talk("type: keynote\nstart: 9:00\nend: 10:00\nsession: s1\n", event=EVENT_WITH_STREAM)
    session = Session(id="s1", docname="program/index", title="S1", start=keynote.start, end=keynote.end,
                      room="Room 265", stream="https://stream.example.org/s1")
    joined = join_session(keynote, session, EVENT_WITH_STREAM)
    assert (joined.room, stream_of(joined, EVENT_WITH_STREAM)) == ("Room 265", "https://stream.example.org/s1")
    assert stream_of(session, EVENT_WITH_STREAM) == "https://stream.example.org/s1"
    assert stream_of(dataclasses.replace(session, stream=""), EVENT_WITH_STREAM) == ""
