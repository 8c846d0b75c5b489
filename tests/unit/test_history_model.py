"""The program's history in the model, without git or Sphinx: what a version changed, in words;
which versions are published; each item's revision for the calendars."""

from __future__ import annotations

import datetime as dt
import gettext
import zoneinfo

from symposium.environment.translations import compile_catalogs
from symposium.model.history import History, ItemState, ProgramState, Version, compare, shown
from symposium.model.local_times import TimeFormatter


def state(**items: dict) -> ProgramState:
    base = {"title": "Engines", "docname": "talks/engines", "has_page": True, "start": "2026-06-02T10:30:00+02:00",
            "end": "2026-06-02T11:00:00+02:00", "room": "Hall A"}
    return ProgramState(items={slug: ItemState(slug=slug, **{**base, **fields}) for slug, fields in items.items()},
                        speakers={"ada": "Ada Lovelace", "alan": "Alan Turing"}, sessions={"s1": "Session 1"})


def words(before: ProgramState, after: ProgramState) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.slug, c.words) for c in compare(before, after)]


def test_each_kind_of_change_is_said_in_readers_words():
    before = state(engines={}, notes={"title": "Notes", "docname": "talks/notes"})
    after = state(engines={"start": "2026-06-03T11:00:00+02:00", "end": "2026-06-03T11:30:00+02:00", "room": "Room 1",
                           "session": "s1", "speakers": ("ada",), "title": "Engines of Thought"})
    assert words(before, after) == [
        ("engines", ("Title was \u201cEngines\u201d",
                     "Moved from Tuesday, June 2, 2026, 10:30–11:00 AM to Wednesday, June 3, 2026, 11:00–11:30 AM",
                     "Now in Room 1 (was Hall A)", "Now in the session \u201cSession 1\u201d", "Now with Ada Lovelace")),
        ("notes", ("Removed from the program",)),
    ]
    assert words(state(engines={}), state(engines={"end": "2026-06-02T11:15:00+02:00"})) == [
        ("engines", ("Now ends at 11:15 AM (was 11:00 AM)",))]


def test_the_dates_and_times_of_a_change_are_the_site_s():
    """On a German site the change log's dates and times are German, on the 24-hour clock."""
    before, moved = state(engines={}), state(engines={"start": "2026-06-03T23:30:00+02:00",
                                                      "end": "2026-06-04T00:30:00+02:00"})
    german = TimeFormatter("de")
    assert compare(before, moved, times=german)[0].words == (
        "Moved from Dienstag, 2. Juni 2026, 10:30–11:00 Uhr to Mittwoch, 3. Juni 2026, 23:30–00:30 Uhr",)
    later = state(engines={"end": "2026-06-02T11:15:00+02:00"})
    assert compare(before, later, times=german)[0].words == ("Now ends at 11:15 (was 11:00)",)
    assert compare(before, later, times=TimeFormatter("en", "24h"))[0].words == ("Now ends at 11:15 (was 11:00)",)


def test_the_change_logs_sentences_in_german(tmp_path):
    """The model writes each sentence through ``say`` (the extension's catalog, passed in by the
    build): with the German catalog, the change log reads in German, values where German puts them."""
    compile_catalogs(tmp_path)
    say = gettext.translation("symposium", localedir=tmp_path, languages=["de"]).gettext
    german = TimeFormatter("de")
    before = state(engines={})
    moved = state(engines={"start": "2026-06-02T11:00:00+02:00", "end": "2026-06-02T11:30:00+02:00",
                           "room": "Room 2", "status": "cancelled"})
    assert compare(before, moved, times=german, say=say)[0].words == (
        "Abgesagt", "Verschoben von 10:30–11:00 Uhr auf 11:00–11:30 Uhr", "Jetzt in Room 2 (vorher Hall A)")
    assert compare(before, ProgramState(), times=german, say=say)[0].words == ("Aus dem Programm genommen",)
    renamed = compare(ProgramState(speakers={"ada": "Ada Lovelace"}), ProgramState(speakers={"ada": "Ada King"}),
                      say=say)
    assert renamed[0].words == ("Früher: Ada Lovelace",)


def test_status_changes_and_renamed_speakers():
    cancelled = state(engines={"status": "cancelled"})
    assert words(state(engines={}), cancelled) == [("engines", ("Cancelled",))]
    assert words(cancelled, state(engines={})) == [("engines", ("No longer cancelled",))]
    assert words(state(engines={"status": "tba"}), state(engines={})) == [("engines", ("Announced",))]
    renamed = ProgramState(items={}, speakers={"ada": "Ada King"})
    assert [(c.kind, c.title, c.words) for c in compare(ProgramState(speakers={"ada": "Ada Lovelace"}), renamed)] == [
        ("speaker", "Ada King", ("Renamed from Ada Lovelace",))]


def version(day: int, before: ProgramState, after: ProgramState, *, merge: bool = False) -> Version:
    return Version(f"{day:040d}", dt.datetime(2026, 5, day, 8, tzinfo=dt.UTC).isoformat(), "A", f"change {day}", merge,
                   compare(before, after))


def test_published_versions_revisions_and_marks():
    one, moved, back, renamed = state(engines={}), state(engines={"room": "Room 1"}), state(engines={}), state(engines={})
    renamed = ProgramState(items=renamed.items, speakers={**renamed.speakers, "ada": "Ada King"}, sessions={})
    versions = (version(1, ProgramState(), one), version(2, one, moved), version(3, moved, back),
                version(4, back, renamed, merge=True))
    history = History(versions)
    assert [v.subject for v in history.published] == ["change 2", "change 3", "change 4"]
    assert history.revisions["engines"] == (2, dt.datetime(2026, 5, 3, 8, tzinfo=dt.UTC))  # two moves
    assert history.updated_in_latest == {}  # the latest changed a speaker, no item
    assert history.version_name() == f"2026-05-04 ({'0' * 7})"
    assert versions[3].note == ""  # a merge's subject names a branch
    since = History(versions, since=dt.date(2026, 5, 3))
    assert [v.subject for v in since.published] == ["change 3", "change 4"]
    assert History(versions[:3]).updated_in_latest.keys() == {"engines"}
    # what pages show changes with a new version, for the items it reaches only
    assert shown(History(versions[:3]))["items"].keys() == {"engines"}
    assert shown(History(versions[:3]))["site"] != shown(History(versions))["site"]


def test_a_state_survives_its_cache():
    before = state(engines={"speakers": ("ada", "alan")})
    assert ProgramState.from_json(before.to_json()) == before
    v = version(2, state(engines={}), before)
    assert Version.from_json(v.to_json()) == v


def test_a_program_given_to_an_empty_one_is_announced_not_changed():
    """A new event (``symposium init`` empties the program, an import fills it): the version that
    fills it is the baseline, as the first version with a program is; the news start after it."""
    old, empty, new = state(engines={}), ProgramState(), state(notes={"title": "Notes"}, engines={"room": "Room 1"})
    moved = state(notes={"title": "Notes"}, engines={"room": "Room 2"})
    versions = (version(1, ProgramState(), old), version(2, old, empty),
                Version(f"{3:040d}", dt.datetime(2026, 5, 3, 8, tzinfo=dt.UTC).isoformat(), "A", "change 3", False,
                        compare(empty, new), announces=True))
    history = History(versions)
    assert history.announcement is versions[2]
    assert history.published == ()
    assert history.updated_in_latest == {}
    assert history.news_since == dt.date(2026, 5, 3)
    history = History((*versions, version(4, new, moved)), since=dt.date(2026, 5, 2))
    assert [v.subject for v in history.published] == ["change 4"]
    assert history.updated_in_latest.keys() == {"engines"}
    assert history.news_since == dt.date(2026, 5, 3)  # the announcement, after `since`
    assert Version.from_json(versions[2].to_json()) == versions[2]


def test_since_is_a_day_of_the_event_s_calendar():
    """A change at 08:00 in Tokyo on the day the news starts is 23:00 UTC the day before: news."""
    one, cancelled = state(engines={}), state(engines={"status": "cancelled"})
    dawn = Version("1" * 40, "2026-05-02T23:00:00+00:00", "A", "cancelled", False, compare(one, cancelled))
    versions = (version(1, ProgramState(), one), dawn)
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    assert History(versions, since=dt.date(2026, 5, 3), zone=tokyo).published == (dawn,)
    assert History(versions, since=dt.date(2026, 5, 3), zone=dt.UTC).published == ()
    assert History(versions, zone=tokyo).day_of(dawn) == dt.date(2026, 5, 3)
