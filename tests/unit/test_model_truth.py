"""The model tells the truth: no silent wrong times, text kept as written, problems on the item at fault.

Pure Python, through the real front-matter reader (so lines are the file's), without Sphinx.
"""

from __future__ import annotations

import datetime as dt
import random
import string
from textwrap import dedent

import pytest
import yaml

from helpers import CHICAGO, EVENT, at, frontmatter_of, program, talk
from symposium.model.consistency import check_timetable
from symposium.model.entities import Event, slugify
from symposium.model.frontmatter import FrontmatterSyntaxError, read_frontmatter
from symposium.model.pages import read_page
from symposium.model.reading import read_program_items, read_speaker
from symposium.model.times import clock

UTC = dt.UTC


# -- time on days the clocks change ----------------------------------------------------------

SPRING = Event(date=dt.date(2026, 3, 8), timezone=CHICAGO)  # 2:00 CST -> 3:00 CDT
AUTUMN = Event(date=dt.date(2026, 11, 1), timezone=CHICAGO)  # 2:00 CDT -> 1:00 CST


def test_a_duration_across_a_clock_change_is_counted_in_real_minutes():
    item, problems = talk("type: invited\nstart: 1:30\nduration: 60\n", event=SPRING)
    assert problems == []
    assert item.start.astimezone(UTC) == dt.datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    assert item.end.astimezone(UTC) == dt.datetime(2026, 3, 8, 8, 30, tzinfo=UTC)
    assert (item.start.isoformat(), item.end.isoformat()) == ("2026-03-08T01:30:00-06:00", "2026-03-08T03:30:00-05:00")
    assert (item.start.tzname(), item.end.tzname()) == ("CST", "CDT")


def test_an_end_across_a_clock_change_gives_the_real_length():
    item, _ = talk("type: invited\nstart: 0:30\nend: 3:30\n", event=SPRING)
    assert item.end - item.start == dt.timedelta(hours=2)
    item, _ = talk("type: invited\nstart: 0:30\nduration: 120\n", event=AUTUMN)
    assert item.end.isoformat() == "2026-11-01T01:30:00-06:00"  # the second 1:30, in CST


def test_a_time_the_clocks_skip_is_a_warning_and_the_item_stays_an_hour_before_the_change():
    item, problems = talk("type: invited\nstart: 2:30\nend: 3:30\n", event=SPRING)
    assert at(problems) == [("schedule", 4)]
    assert "2:30 AM does not exist on 2026-03-08 in America/Chicago" in problems[0].message
    assert "until then it is read as 1:30 AM" in problems[0].message
    assert (item.start.isoformat(), item.end.isoformat()) == ("2026-03-08T01:30:00-06:00", "2026-03-08T03:30:00-05:00")
    assert item.time_doubted


def test_a_time_that_happens_twice_is_read_as_the_first_with_a_warning():
    item, problems = talk("type: invited\nstart: 1:30\nend: 4:00\n", event=AUTUMN)
    assert at(problems) == [("schedule", 4)]
    assert "happens twice" in problems[0].message and "2026-11-01T01:30-06:00" in problems[0].message
    assert item.start.isoformat() == "2026-11-01T01:30:00-05:00"
    # the second one, chosen with its offset, is accepted silently
    item, problems = talk("type: invited\nstart: 2026-11-01T01:30:00-06:00\nend: 4:00\n", event=AUTUMN)
    assert problems == [] and item.start.tzname() == "CST"


def test_items_compare_as_instants_on_a_clock_change_day():
    items = program("""\
        ---
        program:
          items:
            - {start: "2026-11-01T01:10:00-05:00", end: "2026-11-01T01:50:00-05:00", title: First, type: invited}
            - {start: "2026-11-01T01:20:00-06:00", end: "2026-11-01T01:40:00-06:00", title: Second, type: invited}
        ---
    """)
    problems = check_timetable(items, AUTUMN)
    assert problems == []  # the second runs an hour after the first, though its clock reads earlier


# -- dates and offsets ---------------------------------------------------------------------------


#: each a time the model doubts: a located warning, and the item is left out only when it has no
#: start (and says so); otherwise it stays, at its start without an end when the end is doubted
@pytest.mark.parametrize(("body", "line", "says", "kept"), [
    ('start: "2025-11-21"\nend: 10:00', 4, "is the date 2025-11-21 without a time of day", None),
    ("start: 2025-11-21\nend: 10:00", 4, "is the date 2025-11-21 without a time of day", None),
    ("date: 2025-11-20\nstart: 2025-11-21T09:00\nend: 10:00", 4, "'talk.date' is 2025-11-20, but 'talk.start' names 2025-11-21",
     ("9:00 AM", "10:00 AM")),
    ("start: 2025-11-21T09:00:00+09:00\nend: 10:00", 4, "carries the offset UTC+0900", ("6:00 PM", "6:00 PM")),
    ("start: 9.30\nend: 10:00", 4, "got the number 9.30", None),
    ("start: 9:30:60\nend: 10:00", 4, "'9:30:60': there is no such time of day", None),
    ("start:\nend: 10:00", 4, "'talk.start' is empty", None),
    ("start: 9:00\nduration: 30:00", 5, "'talk.duration' is 30:00, which YAML reads as 1800 minutes", ("9:00 AM", "9:00 AM")),
    ("start: 9:00\nduration: 5000000000", 5, "lasts 5000000000 minutes", ("9:00 AM", "9:00 AM")),
    ("start: 9:00\nend: 10:00 PM", 5, "lasts 13 h", ("9:00 AM", "9:00 AM")),
    ("start: 9:00\nend: 2025-11-22T10:00", 5, "lasts 25 h", ("9:00 AM", "9:00 AM")),
    ("start: 10:00\nend: 9:00", 5, "'talk.end' is 9:00 AM, not after the start 10:00 AM", ("10:00 AM", "10:00 AM")),
    ("start: 9:00\nend: 9:61", 5, "'talk.end': expected a time", ("9:00 AM", "9:00 AM")),
    ("start: 9:00", 2, "missing required key 'talk.end'", ("9:00 AM", "9:00 AM")),
    ("date: 9999-12-31\nstart: 23:30\nduration: 60", 4, "too far from the symposium", None),
])
def test_suspicious_times_are_located_warnings(body, line, says, kept):
    item, problems = talk("type: invited\n" + body + "\n")
    assert len(problems) == 1, problems
    assert problems[0].line == line
    assert says in problems[0].message
    if kept is None:
        assert item is None
        assert "the item is left out of the program and the exports: expected" in problems[0].message
        return
    assert (clock(item.start), clock(item.end)) == kept
    assert item.time_doubted
    if item.end == item.start:
        assert problems[0].message.endswith("; until then the item is listed at its start, without an end")


def test_a_utc_time_is_an_instant_shown_on_the_event_clock():
    item, problems = talk("type: invited\nstart: '2025-11-21T15:00:00Z'\nduration: 30\n")
    assert problems == []
    assert item.start.isoformat() == "2025-11-21T09:00:00-06:00"


def test_a_configured_maximum_length():
    short = Event(date=EVENT.date, timezone=CHICAGO, max_item=dt.timedelta(minutes=90))
    _, problems = talk("type: invited\nstart: 9:00\nend: 11:00\n", event=short)
    assert "expected at most 1 h 30 min" in problems[0].message


# -- text as written, and empty is missing ----------------------------------------------------------


def test_text_fields_keep_the_text_as_written():
    item, problems = talk("type: invited\nstart: 9:00\nend: 9:30\nroom: 0264\nlabel: 1:05\n")
    assert problems == []
    assert (item.room, item.label) == ("0264", "1:05")
    data, where = frontmatter_of("---\nspeaker:\n  name: Ada\n  position: yes\n  affiliation: [0777, Lab]\n---\n")
    speaker, problems = read_speaker("ada", "speakers/ada", data, where)
    assert problems == []
    assert speaker.position == "yes"
    assert speaker.affiliations == ("0777", "Lab")


@pytest.mark.parametrize("affiliation", ["''", "['  ']", "~"])
def test_an_empty_affiliation_is_missing(affiliation):
    # (``affiliation: []`` says "none to give": what the import writes when its file gives none)
    data, where = frontmatter_of(f"---\nspeaker:\n  name: Ada\n  affiliation: {affiliation}\n---\n")
    _, problems = read_speaker("ada", "speakers/ada", data, where)
    assert len(problems) == 1
    assert "affiliation" in problems[0].message and problems[0].line in (2, 4)


def test_the_same_speaker_twice_is_one_warning_and_shows_once():
    item, problems = talk("type: panel\nstart: 9:00\nend: 9:30\nspeakers: [ada, bob, ada]\nmoderators: [cy, cy]\n")
    assert [ref.slug for ref in item.speakers] == ["ada", "bob"]
    assert [ref.slug for ref in item.moderators] == ["cy"]
    assert at(problems) == [("frontmatter", 6), ("frontmatter", 7)]
    assert "names 'ada' twice" in problems[0].message


def test_a_speaker_who_also_moderates_the_item_is_one_warning_at_the_moderator():
    item, problems = talk("type: panel\nstart: 9:00\nend: 9:30\nspeakers: [ada, bob]\nmoderators:\n  - cy\n  - bob\n")
    assert at(problems) == [("frontmatter", 9)]  # the moderator's line
    assert [ref.slug for ref in item.moderators] == ["cy", "bob"]  # warned, not dropped: the page shows what it says
    assert "'bob' is both a speaker (line 6) and a moderator of 'A talk'" in problems[0].message


def test_a_photo_must_be_a_file_of_the_project():
    data, where = frontmatter_of("---\nspeaker:\n  name: Ada\n  affiliation: X\n  photo: https://example.org/a.jpg\n---\n")
    speaker, problems = read_speaker("ada", "speakers/ada", data, where)
    assert speaker.photo == ""
    assert at(problems) == [("frontmatter", 5)]
    assert "_static/speakers/ada.jpg" in problems[0].message and "offline" in problems[0].message


# -- the page as a whole ------------------------------------------------------------------------------


def read(docname: str, source: str, title: str = "Ada", title_line: int = 7, event: Event = EVENT):
    return read_page(docname, read_frontmatter(dedent(source)), title=title, title_line=title_line,
                     event=event, file_exists=lambda path: False)


def test_a_key_written_twice_is_reported_at_the_second_naming_the_first():
    result = read("talks/x", "---\ntalk:\n  type: invited\n  start: 9:00\n  end: 9:30\n  start: 9:10\n---\n")
    assert at(result.problems) == [("frontmatter", 6)]
    assert "'talk.start' is written twice, on lines 4 and 6" in result.problems[0].message
    nested = read("program/index", "---\nprogram:\n  items:\n    - {start: 9:00, end: 9:30, title: A, type: other, title: B}\n---\n")
    assert at(nested.problems) == [("frontmatter", 4)]
    assert "'program.items.0.title'" in nested.problems[0].message


@pytest.mark.parametrize(("name", "slug"), [("Jane-Doe", "jane-doe"), ("jane doe", "jane-doe"),
                                            ("Loïc_Pottier", "loic-pottier"), ("talk--2", "talk-2")])
def test_a_file_name_that_is_not_a_slug(name, slug):
    result = read(f"speakers/{name}", "---\nspeaker:\n  name: Ada\n  affiliation: X\n---\n")
    assert at(result.problems) == [("frontmatter", 1)]
    assert f"rename the file to {slug}.md" in result.problems[0].message
    assert slugify(name) == slug


def test_the_speaker_heading_must_be_the_name():
    source = "---\nspeaker:\n  name: Ada Lovelace\n  affiliation: X\n---\n"
    assert read("speakers/ada", source, title="Ada  Lovelace").problems == []
    wrong = read("speakers/ada", source, title="Ada King", title_line=6)
    assert at(wrong.problems) == [("frontmatter", 6)]
    assert "'Ada King' is not the speaker's name 'Ada Lovelace'" in wrong.problems[0].message
    missing = read("speakers/ada", source, title="")
    assert "has no heading; expected '# Ada Lovelace'" in missing.problems[0].message


@pytest.mark.parametrize(("source", "line", "says"), [
    ("\n\n---\ntalk:\n  type: invited\n---\n# T\n", 3, "on the very first line"),
    ("---\ntalk:\n  type: invited\n# T\n", 1, "no closing '---'"),
    ("---\ntalk:\n\ttype: invited\n---\n", 3, "indented with a tab"),
])
def test_front_matter_that_myst_would_not_read_as_such(source, line, says):
    with pytest.raises(FrontmatterSyntaxError) as caught:
        read_frontmatter(source)
    assert caught.value.line == line
    assert says in str(caught.value)


# -- overlaps: on the item at fault, once -------------------------------------------------------------


def test_one_end_that_runs_on_is_blamed_once_not_on_each_neighbour():
    items = program("""\
        ---
        program:
          items:
            - {start: 8:30, end: 8:35, title: Welcome, type: opening}
            - {start: 8:35, end: 9:30, title: Keynote, type: keynote}
            - start: 9:30
              end: 8:00 PM
              title: Invited 1
              type: invited
            - {start: 10:00, end: 10:30, title: Break, type: break}
            - {start: 10:30, end: 11:00, title: Invited 2, type: invited}
            - {start: 11:00, end: 11:30, title: Invited 3, type: invited}
            - {start: 11:30, end: 12:20, title: Discussion, type: discussion}
            - {start: 12:20, end: 12:30, title: Closing, type: closing}
        ---
    """)
    problems = check_timetable(items, EVENT)
    assert at(problems) == [("schedule", 7)]  # the line of its 'end'
    assert problems[0].message.startswith("'Invited 1' (9:30 AM–8:00 PM) overlaps 'Break'")
    assert "and 2 more" in problems[0].message


def test_an_item_that_holds_another_is_blamed_for_its_end():
    items = program("""\
        ---
        program:
          items:
            - {start: 9:00, end: 11:00, title: Long, type: invited}
            - {start: 9:30, end: 10:00, title: Inside, type: invited}
        ---
    """)
    assert at(check_timetable(items, EVENT)) == [("schedule", 4)]


def test_items_without_a_room_beside_one_named_room_are_in_it():
    no_room = Event(date=EVENT.date, timezone=CHICAGO)
    data, where = frontmatter_of("""\
        ---
        program:
          items:
            - {start: 9:00, end: 10:00, title: First, type: invited, room: Hall A}
            - {start: 9:30, end: 10:30, title: Second, type: invited}
        ---
    """)
    items, _ = read_program_items("program/index", data, where, no_room)
    problems = check_timetable(items, no_room)
    assert at(problems) == [("schedule", 5)]
    assert "in Hall A" in problems[0].message


def test_items_without_a_room_beside_several_rooms_ask_for_the_room_once():
    no_room = Event(date=EVENT.date, timezone=CHICAGO)
    data, where = frontmatter_of("""\
        ---
        program:
          items:
            - {start: 9:00, end: 10:00, title: First, type: invited, room: Hall A}
            - {start: 9:00, end: 10:00, title: Second, type: invited, room: Hall B}
            - {start: 9:30, end: 10:30, title: Third, type: invited}
            - {start: 10:30, end: 11:00, title: Fourth, type: invited}
        ---
    """)
    items, _ = read_program_items("program/index", data, where, no_room)
    problems = check_timetable(items, no_room)
    assert at(problems) == [("schedule", 6)]
    assert "'Third' and 1 other item name no room" in problems[0].message
    assert "(Hall A, Hall B)" in problems[0].message


# -- never a traceback, through the real reader ----------------------------------------------------

_SCALARS = ["9:00", "8:35", "10:50", "'9:00 AM'", "2025-11-21", "2025-11-21T09:00", "'2025-11-21T09:00+09:00'",
            "9.30", "9:30:60", "30:00", "5000000000", "-5", "0", "0264", "yes", "~", "''", "[]", "{}", "x y",
            "9999-12-31", "0001-01-01", "https://example.org/a.jpg", "_static/a.jpg", "[a, a]", "[ada-lovelace, X]",
            "{title: t, url: 'https://e.org'}", "2:30", "1:30", "'12:20 AM'", "keynote", "opening", "\"\""]
_KEYS = ["type", "start", "end", "duration", "date", "room", "speakers", "moderators", "label", "slides",
         "video", "links", "title", "name", "affiliation", "email", "photo", "honorific", "position", "items"]


def _random_block(rng: random.Random, depth: int = 0) -> list[str]:
    """Lines of YAML, as a hurried organiser might write them (duplicate keys, tabs, odd scalars)."""
    lines = []
    for _ in range(rng.randint(0, 6)):
        key = rng.choice(_KEYS)
        roll = rng.random()
        if depth < 2 and roll < 0.15:
            lines += [f"{key}:", *("  " + line for line in _random_block(rng, depth + 1))]
        elif depth < 2 and roll < 0.25:
            lines.append(f"{key}:")
            for _ in range(rng.randint(0, 3)):
                lines.append(f"  - {rng.choice(_SCALARS)}")
        else:
            lines.append(f"{key}: {rng.choice(_SCALARS)}")
    if rng.random() < 0.05:
        lines.insert(rng.randint(0, len(lines)), "\t" + rng.choice(_KEYS) + ": 1")
    if rng.random() < 0.05:
        lines.insert(rng.randint(0, len(lines)), rng.choice(string.printable))
    return lines


@pytest.mark.parametrize("event", [EVENT, SPRING, AUTUMN], ids=["nov", "spring", "autumn"])
def test_no_front_matter_raises_through_the_real_reader(event):
    """Random front-matter, read as a build reads it: problems on lines of the file, never an exception."""
    rng = random.Random(2025)
    for _ in range(600):
        section = rng.choice(["talk", "speaker", "program"])
        body = [f"{section}:", *("  " + line for line in _random_block(rng))]
        if rng.random() < 0.5:
            body += ["  start: " + rng.choice(_SCALARS), "  type: keynote"]
        source = "\n" * (rng.random() < 0.05) + "---\n" + "\n".join(body) + "\n---\n# Title\n"
        try:
            matter = read_frontmatter(source)
        except FrontmatterSyntaxError as err:
            assert 1 <= err.line <= source.count("\n") + 1
            continue
        kind = {"talk": "talks/x", "speaker": "speakers/x", "program": "program/index"}[section]
        result = read_page(kind, matter, title="Title", title_line=len(body) + 3, event=event,
                           file_exists=lambda path: path.endswith("a.jpg"))
        last = source.count("\n") + 1
        assert all(p.message and 1 <= p.line <= last for p in result.problems), (source, result.problems)
        for item in result.items:
            # an end that cannot be read leaves the item at its start, without an end, after a warning
            assert item.start < item.end or (item.start == item.end and item.time_doubted)
            assert item.end - item.start <= event.max_item
            assert item.start.utcoffset() == item.start.astimezone(event.timezone).utcoffset()


def test_the_yaml_library_still_reads_times_as_base_60():
    """What the reader works around; if YAML ever stops doing this, the workaround can go."""
    assert yaml.safe_load("a: 10:50\nb: 0264") == {"a": 650, "b": 180}


def test_front_matter_is_read_as_myst_reads_it_with_the_same_lines_from_either_parser():
    """One parse gives the values and the lines, by libyaml where PyYAML has it: the values must
    be MyST's (``read_topmatter``), the lines and raw texts those of PyYAML's own parser, and a
    block MyST's renderer cannot read (a tab where PyYAML allows none) an error."""
    from myst_parser.config.main import TopmatterReadError, read_topmatter

    from symposium.model import frontmatter

    rng = random.Random(7)
    compared = 0
    for _ in range(500):
        body = ["talk:", *("  " + line for line in _random_block(rng))]
        source = "---\n" + "\n".join(body) + "\n---\n# Title\n"
        try:
            expected = read_topmatter(source)
            # MyST's renderer reads the lines as written (read_topmatter strips their ends): a tab at
            # the end of a value is an error there, and the page loses its front-matter in the build
            yaml.safe_load("\n".join(body) + "\n")
        except (TopmatterReadError, yaml.YAMLError):
            expected = FrontmatterSyntaxError
        results = []
        for composer in (yaml.SafeLoader, frontmatter._COMPOSER):
            saved, frontmatter._COMPOSER = frontmatter._COMPOSER, composer
            try:
                results.append(read_frontmatter(source))
            except FrontmatterSyntaxError as err:
                results.append((FrontmatterSyntaxError, str(err), err.line))
            finally:
                frontmatter._COMPOSER = saved
        pure, fast = results
        assert fast == pure, source
        if expected is FrontmatterSyntaxError:
            assert isinstance(fast, tuple), source
        else:
            assert fast.data == expected, source
            compared += 1
    assert compared > 100


def test_reading_front_matter_keeps_no_yaml_nodes():
    """A build reads thousands of pages: the YAML constructor must not keep each page's nodes."""
    from symposium.model import frontmatter

    for number in range(50):
        read_frontmatter(f"---\ntalk:\n  type: keynote\n  start: 9:{number:02d}\n  1: one\n---\n# T\n")
    assert frontmatter._CONSTRUCTOR.constructed_objects == {}


def test_a_session_on_another_date_shows_the_dates_where_the_times_alone_look_right():
    import dataclasses

    from symposium.model.entities import Session
    from symposium.model.sessions import check_sessions

    item, _ = talk("type: keynote\nstart: 9:00\nend: 9:30\nsession: s4\n")
    # the session written with last year's date: the same times on another day
    session = Session("s4", "program/index", "Session 4", start=item.start.replace(year=2024),
                      end=item.start.replace(year=2024) + dt.timedelta(minutes=90))
    problems = check_sessions([session], [dataclasses.replace(item, session="s4")], EVENT)
    (outside,) = [p for p in problems if "outside its session" in p.message]
    assert "(2025-11-21, 9:00–9:30 AM) is outside its session 's4' (2024-11-21, 9:00–10:30 AM)" in outside.message
