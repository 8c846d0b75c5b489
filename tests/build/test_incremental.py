"""Rebuilding without -E after an edit updates every page that shows the edited data."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from lxml import html

from helpers import edit_source, parse_page, parse_warnings, read_pages, select, symposium_warnings, written_pages


def text_of(app, page: str, xpath: str = "//body") -> str:
    """The text of a built page, or of the parts of it that ``xpath`` selects (at least one)."""
    return " ".join(" ".join(node.text_content() for node in select(parse_page(app, page), xpath)).split())


def located(app) -> list[tuple[str, str, int | None]]:
    return [(w.type, w.path, w.line) for w in symposium_warnings(app)]


# What the extension renders from front-matter (not the contributor's own headings).
GENERATED = '//*[contains(@class, "symposium-program") or contains(@class, "symposium-header") or contains(@class, "symposium-speakers") or contains(@class, "symposium-talks")]'


def test_editing_a_talk_time_updates_the_program_and_lists(build):
    first = build()
    assert "9:10\u201310:00 AM" in text_of(first, "index.html")
    talk = Path(first.srcdir) / "talks/engines.md"
    edit_source(talk, talk.read_text().replace("start: 9:10", "start: 9:20"))
    second = build()
    assert parse_warnings(second) == []
    for page in ("index.html", "program/index.html", "talks/engines.html"):
        assert "9:20\u201310:00 AM" in text_of(second, page), page
        assert "9:10\u201310:00 AM" not in text_of(second, page), page
    assert "Speaker: Engines of Thought (9:20 AM CST)" in text_of(second, "speakers/charles-babbage.html")


def test_renaming_a_speaker_updates_every_page_that_names_them(build):
    first = build()
    speaker = Path(first.srcdir) / "speakers/ada-lovelace.md"
    edit_source(speaker, speaker.read_text().replace("name: Ada Lovelace", "name: Augusta Ada King"))
    second = build()
    for page in ("index.html", "program/index.html", "talks/notes.html"):
        assert "Augusta Ada King" in text_of(second, page, GENERATED), page
        assert "Ada Lovelace" not in text_of(second, page, GENERATED), page


def test_adding_and_removing_a_talk(build):
    first = build()
    srcdir = Path(first.srcdir)
    edit_source(srcdir / "talks/late.md", "---\ntalk:\n  type: lightning\n  start: 10:30\n  end: 10:40\n---\n# Late Talk\n")
    second = build()
    assert "Late Talk" in text_of(second, "index.html")
    (srcdir / "talks/late.md").unlink()
    third = build()
    assert "Late Talk" not in text_of(third, "index.html")


def test_unchanged_sources_rebuild_nothing(build):
    build()
    second = build()
    assert read_pages(second) == set()
    assert written_pages(second) == set()


def test_a_speaker_who_loses_a_role_loses_it_on_their_page(build):
    first = build()
    assert "Speaker: Notes on the Engine" in text_of(first, "speakers/ada-lovelace.html", GENERATED)
    talk = Path(first.srcdir) / "talks/notes.md"
    edit_source(talk, talk.read_text().replace("speakers: [ada-lovelace]", "speakers: [charles-babbage]"))
    second = build()
    assert "Notes on the Engine" not in text_of(second, "speakers/ada-lovelace.html", GENERATED)
    assert "Speaker: Notes on the Engine" in text_of(second, "speakers/charles-babbage.html", GENERATED)


def test_an_edit_rewrites_only_the_pages_that_show_it(build):
    first = build()
    talk = Path(first.srcdir) / "talks/engines.md"
    edit_source(talk, talk.read_text().replace("start: 9:10", "start: 9:20"))
    second = build()
    # the talk, its speaker, and the pages with a program table or list; not Ada's page
    assert written_pages(second) == {"talks/engines", "speakers/charles-babbage", "index", "program/index"}


def test_cancelling_a_talk_rewrites_the_pages_that_show_it_and_its_neighbours(build):
    first = build()
    talk = Path(first.srcdir) / "talks/engines.md"
    edit_source(talk, talk.read_text().replace("talk:\n", "talk:\n  status: cancelled\n"))
    second = build()
    assert parse_warnings(second) == []
    # the talk after it strikes it in its "Previous:"
    assert written_pages(second) == {"talks/engines", "speakers/charles-babbage", "index", "program/index", "talks/notes"}
    assert "Previous: Cancelled Engines of Thought" in text_of(second, "talks/notes.html", GENERATED)
    assert "STATUS:CANCELLED" in (Path(second.outdir) / "talks/engines.ics").read_text()


def test_env_version_follows_every_source_file_of_the_extension(tmp_path):
    """Editing any of the extension's Python files, in any subfolder, discards a pickled
    environment made by the old code (Sphinx compares ``env_version``)."""
    import shutil

    from symposium.environment.versions import ENV_VERSION, PACKAGE, code_digest

    package = tmp_path / "symposium"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__", "static", "templates"))
    assert code_digest(package) == ENV_VERSION
    seen = {ENV_VERSION}
    for edited in ("__init__.py", "model/entities.py", "rendering/placeholders.py", "environment/store.py",
                   "locales/de/LC_MESSAGES/symposium.po"):  # a translation changes the pages too
        source = package / edited
        source.write_text(source.read_text("utf-8") + "\n# an edit\n", encoding="utf-8")
        version = code_digest(package)
        assert version not in seen, f"an edit to {edited} left the environment version as it was"
        seen.add(version)
    (package / "exports" / "new_format.py").write_text("# a new module\n", encoding="utf-8")
    assert code_digest(package) not in seen, "a new module in a subfolder left the environment version as it was"


# -- what each output directory was written from ---------------------------------------------

NEW_TIME = "9:20\u201310:00 AM"
OLD_TIME = "9:10\u201310:00 AM"


def move_the_engines_talk(srcdir: Path) -> None:
    talk = srcdir / "talks/engines.md"
    edit_source(talk, talk.read_text("utf-8").replace("start: 9:10", "start: 9:20"))


def date_back_to_its_reading(app, docname: str) -> None:
    """Give the source the time ``app`` read it, as if edited just before (not 5 s ahead).

    So the next build does not read it again, and must get what changed from its record.
    """
    read = app.env.all_docs[docname] * 1000  # microseconds
    os.utime(app.env.doc2path(docname), ns=(read, read))


def assert_the_new_time_everywhere(app, pages: list[str], speaker_page: str) -> None:
    """The program, the lists and the talk show the new time range; the speaker page its start."""
    for page in pages:
        shown = text_of(app, page, GENERATED)
        assert NEW_TIME in shown and OLD_TIME not in shown, page
    assert "Speaker: Engines of Thought (9:20 AM CST)" in text_of(app, speaker_page, GENERATED)


def test_another_builder_sharing_the_doctrees_leaves_no_page_stale(build):
    """`-b text` after an edit reads it; the next `-b dirhtml` must still rewrite what shows it."""
    first = build(buildername="dirhtml")
    move_the_engines_talk(Path(first.srcdir))
    text = build(buildername="text")
    assert NEW_TIME in (Path(text.outdir) / "program/index.txt").read_text("utf-8")
    date_back_to_its_reading(text, "talks/engines")
    dirhtml = build(buildername="dirhtml")
    assert Path(dirhtml.doctreedir) == Path(text.doctreedir)
    assert read_pages(dirhtml) == set()  # the text build read it
    assert_the_new_time_everywhere(dirhtml, ["index.html", "program/index.html", "talks/engines/index.html"],
                                   "speakers/charles-babbage/index.html")


def test_without_a_record_every_page_that_shows_other_pages_is_written(build):
    first = build()
    (Path(first.outdir) / ".symposium-state").unlink()
    unknown = build()
    assert read_pages(unknown) == set()
    assert written_pages(unknown) == {"index", "program/index", "speakers/ada-lovelace",
                                      "speakers/charles-babbage", "talks/engines", "talks/notes"}
    assert (Path(first.outdir) / ".symposium-state").is_file()
    assert written_pages(build()) == set()


def test_a_build_interrupted_while_writing_leaves_no_page_stale(build, make_app):
    first = build()
    srcdir = Path(first.srcdir)
    move_the_engines_talk(srcdir)
    interrupted = make_app("html", srcdir=srcdir)
    resolved = []

    def ctrl_c_before_the_second_page(app, doctree, docname):
        resolved.append(docname)
        if len(resolved) == 2:
            raise KeyboardInterrupt

    interrupted.connect("doctree-resolved", ctrl_c_before_the_second_page)
    with pytest.raises(KeyboardInterrupt):
        interrupted.build()
    interrupted.cleanup()
    date_back_to_its_reading(interrupted, "talks/engines")
    assert resolved == ["index", "program/index"]
    assert OLD_TIME in text_of(interrupted, "program/index.html")  # read, pickled, never written
    again = build()
    assert read_pages(again) == set()
    assert_the_new_time_everywhere(again, ["index.html", "program/index.html", "talks/engines.html"],
                                   "speakers/charles-babbage.html")
    assert written_pages(build()) == set()  # and once written, known as written


BABBAGE_WITH_PHOTO = ("---\nspeaker:\n  name: Charles Babbage\n  affiliation: Royal Society\n"
                      "  photo: _static/cb.svg\n---\n# Charles Babbage\n")
PHOTO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'


def faces(app, page: str) -> list[str]:
    """What stands for Charles Babbage on a page: the photo's address, or the avatar's initials."""
    root = html.parse(str(Path(app.outdir) / page)).getroot()
    shown = []
    for face in root.xpath('//*[contains(@class, "symposium-face")]'):
        src = face.get("src") or next(iter(face.xpath(".//img/@src")), None)
        shown.append(src or " ".join(face.text_content().split()))
    return [face for face in shown if "cb.svg" in face or face == "CB"]


def test_a_photo_file_that_appears_or_goes_updates_the_pages_that_show_it(build):
    settings = {"confoverrides": {"html_static_path": ["_static"]}}
    first = build({"speakers/charles-babbage.md": BABBAGE_WITH_PHOTO, "_static/site.css": ""}, **settings)
    assert located(first) == [("symposium.frontmatter", "speakers/charles-babbage.md", 5)]
    assert faces(first, "index.html") == faces(first, "speakers/charles-babbage.html") == ["CB"]

    # while the file is missing, the page is read again and says so again (as Sphinx does for
    # a missing image); its data did not change, so only it and the toctree that lists it are written
    unchanged = build(**settings)
    assert located(unchanged) == [("symposium.frontmatter", "speakers/charles-babbage.md", 5)]
    assert written_pages(unchanged) == {"speakers/charles-babbage", "index"}

    added = build({"_static/cb.svg": PHOTO}, **settings)
    assert located(added) == []
    assert faces(added, "index.html") == ["_static/cb.svg"]
    assert faces(added, "speakers/charles-babbage.html") == ["../_static/cb.svg"]
    assert read_pages(added) == {"speakers/charles-babbage"}  # no -E: the page depends on the file

    assert written_pages(build(**settings)) == set()

    removed = build({"_static/cb.svg": None}, **settings)
    assert located(removed) == [("symposium.frontmatter", "speakers/charles-babbage.md", 5)]
    assert faces(removed, "index.html") == faces(removed, "speakers/charles-babbage.html") == ["CB"]


def test_a_talk_is_read_again_when_its_local_slides_change(build):
    first = build({"_static/engines.pdf": "%PDF-1.4 first", "talks/engines.md": (
        "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n  speakers: [charles-babbage]\n"
        "  slides: _static/engines.pdf\n---\n# Engines of Thought\n")})
    assert parse_warnings(first) == []
    edit_source(Path(first.srcdir) / "_static/engines.pdf", "%PDF-1.4 second")
    second = build()
    assert read_pages(second) == {"talks/engines"}
    assert "talks/engines" in written_pages(second)


# -- one owner per slug; a speaker page with problems ---------------------------------------------


@pytest.mark.parametrize("folder", ["old", "a"])  # "speakers/a/..." sorts before "speakers/ada-..."
def test_the_page_directly_in_speakers_owns_the_slug(build, folder):
    copy = f"speakers/{folder}/ada-lovelace.md"
    app = build({copy: "---\nspeaker:\n  name: Ada Copy\n  affiliation: Elsewhere\n---\n# Ada Copy\n"})
    found = [w for w in parse_warnings(app) if w.type.startswith("symposium")]
    assert [(w.type, w.path, w.line) for w in found] == [("symposium.reference", copy, 2)]
    assert "belongs to speakers/ada-lovelace" in found[0].message
    header = html.parse(str(Path(app.outdir) / "talks/notes.html")).getroot().xpath(
        '//div[contains(@class, "symposium-talk-header")]')[0]
    assert header.xpath('.//a[contains(@class, "symposium-person")]/@href') == [
        "../speakers/ada-lovelace.html", "../speakers/charles-babbage.html"]
    assert "Ada Copy" not in text_of(app, "index.html", GENERATED)
    assert "Ada Lovelace" in text_of(app, "index.html", GENERATED)
    assert "Speaker: Notes on the Engine" in text_of(app, "speakers/ada-lovelace.html", GENERATED)


def test_a_speaker_page_without_a_name_is_one_warning_not_one_per_talk(build):
    app = build({"speakers/charles-babbage.md": "---\nspeaker:\n  affiliation: Royal Society\n---\n# Charles Babbage\n"})
    found = [w for w in parse_warnings(app) if w.type.startswith("symposium")]
    assert [(w.type, w.path, w.line) for w in found] == [("symposium.frontmatter", "speakers/charles-babbage.md", 2)]
    assert "missing required key 'speaker.name'" in found[0].message
    # named by both talks, and shown as the slug, as text
    header = html.parse(str(Path(app.outdir) / "talks/engines.html")).getroot().xpath(
        '//div[contains(@class, "symposium-talk-header")]')[0]
    assert "Speaker: charles-babbage" in " ".join(header.text_content().split())
    assert header.xpath(".//a/@href") == ["https://example.org/slides.pdf", "notes.html", "engines.ics"]
    assert "moderated by charles-babbage" in text_of(app, "index.html", GENERATED)


# -- parallel reads -------------------------------------------------------------------------------


def lightning_talks(count: int) -> dict[str, str]:
    """Enough pages that Sphinx reads them in worker processes, after the minimal root's day."""
    return {
        f"talks/lightning-{n}.md": f"---\ntalk:\n  type: lightning\n  start: '10:{30 + 2 * n}'\n  duration: 2\n---\n"
                                   f"# Lightning {n}\n"
        for n in range(count)
    }


def test_a_listing_page_read_in_a_worker_is_updated_after_an_edit(build):
    first = build(lightning_talks(12), parallel=2)
    assert parse_warnings(first) == []
    assert "Lightning 11" in text_of(first, "program/index.html", GENERATED)
    move_the_engines_talk(Path(first.srcdir))
    second = build(parallel=2)
    assert parse_warnings(second) == []
    assert_the_new_time_everywhere(second, ["program/index.html", "index.html", "talks/engines.html"],
                                   "speakers/charles-babbage.html")
    # the main process kept the record of what the workers wrote
    date_back_to_its_reading(second, "talks/engines")
    assert written_pages(build(parallel=2)) == set()


# -- listings of part of the program ------------------------------------------------------------
# tests/roots/test-conference has a page per day (program/day-2: 3 June), per room
# (program/hall-a) and per track (program/track-ai), beside the whole program (program/index,
# program/grid, and the home page).


def test_an_edit_rewrites_the_listings_of_its_day_room_and_track_only(build):
    first = build(testroot="conference", buildername="dirhtml")
    data_lakes = Path(first.srcdir) / "talks/data-lakes.md"  # 3 June, Room 1, session s3, no track
    edit_source(data_lakes, data_lakes.read_text().replace("start: 14:00", "start: 14:05"))
    second = build(testroot="conference", buildername="dirhtml")
    assert written_pages(second) == {"talks/data-lakes", "speakers/alan-turing", "index", "program/index", "program/grid",
                                     "program/day-2"}
    assert "2:05" in text_of(second, "program/day-2/index.html", GENERATED)


def test_an_edit_on_the_first_day_leaves_the_second_days_page_alone(build):
    first = build(testroot="conference", buildername="dirhtml")
    provenance = Path(first.srcdir) / "talks/provenance-graphs.md"  # 4 June, Room 2, s4, track AI
    edit_source(provenance, provenance.read_text().replace("start: 9:00", "start: 9:05"))
    second = build(testroot="conference", buildername="dirhtml")
    assert written_pages(second) == {"talks/provenance-graphs", "speakers/grace-hopper", "index", "program/index", "program/grid",
                                     "program/track-ai"}


def test_moving_an_item_to_another_room_rewrites_the_pages_of_that_room_and_back(build):
    first = build(testroot="conference", buildername="dirhtml")
    program = Path(first.srcdir) / "program/index.md"
    edit_source(program, program.read_text().replace("title: Night walk, type: social, room: Hall B",
                                                     "title: Night walk, type: social, room: Hall A"))
    second = build(testroot="conference", buildername="dirhtml")
    # 2 June's program: not the second day's page, nor the AI track's; the keynote after
    # midnight in Hall B no longer follows the walk
    assert written_pages(second) == {"program/index", "program/grid", "index", "program/hall-a", "talks/midnight-keynote"}
    assert "Night walk" in text_of(second, "program/hall-a/index.html", GENERATED)
    edit_source(program, program.read_text().replace("title: Night walk, type: social, room: Hall A",
                                                     "title: Night walk, type: social, room: Hall B"))
    third = build(testroot="conference", buildername="dirhtml")
    assert written_pages(third) == {"program/index", "program/grid", "index", "program/hall-a", "talks/midnight-keynote"}
    assert "Night walk" not in text_of(third, "program/hall-a/index.html", GENERATED)


def test_moving_a_session_to_another_room_rewrites_its_talks_people_and_rooms(build):
    first = build(testroot="conference", buildername="dirhtml")
    program = Path(first.srcdir) / "program/index.md"
    edit_source(program, program.read_text().replace(
        "start: 14:00, end: 15:30, room: Room 1", "start: 14:00, end: 15:30, room: Hall A"))
    second = build(testroot="conference", buildername="dirhtml")
    written = written_pages(second)
    # the session's talk takes its room, its speaker and its chair show it, Hall A's page lists it
    assert {"talks/data-lakes", "speakers/alan-turing", "speakers/grace-hopper", "program/hall-a"} <= written
    # the talks of the other sessions, and their people, are as they were
    assert not written & {"talks/engines-at-scale", "talks/learning-graphs", "speakers/charles-babbage"}
    assert "Data Lakes for Simulations" in text_of(second, "program/hall-a/index.html", GENERATED)
    assert "Hall A" in text_of(second, "talks/data-lakes/index.html", GENERATED)


def test_renaming_a_speaker_rewrites_the_listings_that_show_their_items(build):
    first = build(testroot="conference", buildername="dirhtml")
    alan = Path(first.srcdir) / "speakers/alan-turing.md"  # speaks in s1 (Hall A, 2 June, AI) and s3 (3 June)
    edit_source(alan, alan.read_text().replace("Alan Turing", "Alan M. Turing"))
    second = build(testroot="conference", buildername="dirhtml")
    assert written_pages(second) == {"speakers/alan-turing", "talks/tuning-agents", "talks/data-lakes",
                                     "index", "program/index", "program/grid", "program/day-2", "program/hall-a",
                                     "program/track-ai",
                                     # the speakers before and after his page, whose previous/next links name him
                                     "speakers/ada-lovelace", "speakers/charles-babbage"}
    assert "Alan M. Turing" in text_of(second, "program/hall-a/index.html", GENERATED)


def test_an_edit_makes_again_only_the_calendars_it_changes(build):
    first = build(testroot="conference", buildername="dirhtml")
    out = Path(first.outdir)
    calendars = sorted(out.glob("talks/*.ics"))
    times = {path: path.stat().st_mtime_ns for path in calendars}
    data_lakes = Path(first.srcdir) / "talks/data-lakes.md"
    edit_source(data_lakes, data_lakes.read_text().replace("start: 14:00", "start: 14:05"))
    time.sleep(0.01)
    second = build(testroot="conference", buildername="dirhtml")
    remade = {path.name for path in calendars if path.stat().st_mtime_ns != times[path]}
    assert remade == {"data-lakes.ics"}
    assert "DTSTART;TZID=Europe/Berlin:20260603T140500" in (out / "talks/data-lakes.ics").read_text()
    assert "T140500" in (Path(second.outdir) / "program.ics").read_text()
    # a calendar that went missing is made again, though what it is made from did not change
    (out / "talks/engines-at-scale.ics").unlink()
    build(testroot="conference", buildername="dirhtml")
    assert (out / "talks/engines-at-scale.ics").is_file()


def test_a_talk_s_language_marks_it_in_the_listings_after_an_edit(build):
    first = build()
    assert not parse_page(first, "index.html").xpath('//abbr[contains(@class, "symposium-language")]')
    talk = Path(first.srcdir) / "talks/engines.md"
    edit_source(talk, talk.read_text().replace("  speakers: [charles-babbage]", "  speakers: [charles-babbage]\n  language: de"))
    second = build()
    assert parse_warnings(second) == []
    for page in ("index.html", "program/index.html"):
        marks = select(parse_page(second, page), '//abbr[contains(@class, "symposium-language")]')
        assert [(mark.text, mark.get("title")) for mark in marks] == [("DE", "German")] * len(marks) and marks, page
    assert select(parse_page(second, "talks/engines.html"), '//section[@lang="de"]')
