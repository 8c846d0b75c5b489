"""An edit of one talk's time writes the pages that show that time, and no other (issue 25).

A talk's time is on its own page, its speakers' pages, the listings whose scope holds it (its
day, room, track, the whole program) and the talk pages whose "At the same time" lists it,
before or after the edit. Each incremental build here must equal a fresh build of the same
sources, byte for byte, and a build after no change writes nothing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from helpers import (
    copy_root,
    edit_source,
    outputs,
    parse_warnings,
    read_pages,
    record_pages,
    write_files,
    written_pages,
)

#: in Hall A on 3 June, after Room 1's data-lakes (14:00-14:45): at the same time only once that ends later
HALL_A_AFTERNOON = ("---\ntalk:\n  type: lightning\n  date: 2026-06-03\n  room: Hall A\n  start: 14:50\n  end: 15:10\n"
                    "  speakers: [ada-lovelace]\n---\n# Afternoon in Hall A\n\nThe abstract.\n")


class Builds:
    """A copy of a test root built incrementally into one folder, and each of its states fresh into another."""

    def __init__(self, make_app, tmp_path: Path, testroot: str = "conference",
                 files: dict[str, str | None] | None = None) -> None:
        self.make_app, self.tmp_path = make_app, tmp_path
        self.src = copy_root(testroot, tmp_path / "src")
        write_files(self.src, files or {})
        self.fresh_builds = 0

    def incremental(self, *, fresh: bool = False):
        app = self.make_app("dirhtml", srcdir=self.src, builddir=self.tmp_path / "incremental", freshenv=fresh)
        record_pages(app)
        app.build()
        app.cleanup()
        assert parse_warnings(app) == []
        # edit_source dates an edit 5 s ahead, which would make the next build read the page again:
        # each page read is given the time it was read, so a build after no change has nothing to do
        for docname in read_pages(app):
            read = app.env.all_docs[docname] * 1000  # microseconds
            os.utime(app.env.doc2path(docname), ns=(read, read))
        return app

    def equals_a_fresh_build(self, app) -> None:
        self.fresh_builds += 1
        copy = self.tmp_path / f"fresh-{self.fresh_builds}"
        shutil.copytree(self.src, copy / "src")
        fresh = self.make_app("dirhtml", srcdir=copy / "src", builddir=copy / "build", freshenv=True)
        fresh.build()
        fresh.cleanup()
        incremental, expected = outputs(Path(app.outdir)), outputs(Path(fresh.outdir))
        assert sorted(incremental) == sorted(expected)
        differ = [name for name in expected if incremental[name] != expected[name]]
        assert differ == [], differ

    def edit(self, page: str, old: str, new: str) -> None:
        path = self.src / page
        text = path.read_text("utf-8")
        assert text.count(old) == 1, (page, old)
        edit_source(path, text.replace(old, new))


def test_a_talk_s_end_time_writes_the_pages_that_show_it(make_app, tmp_path):
    builds = Builds(make_app, tmp_path)
    builds.incremental(fresh=True)
    unchanged = builds.incremental()
    assert read_pages(unchanged) == set() and written_pages(unchanged) == set()

    # s1 in Hall A, track AI, 2 June: Hall B's engines-at-scale (9:30-10:15) lists it at the same
    # time before and after; compilers-for-workflows (10:15) does not; tuning-agents after it names
    # it without its time
    builds.edit("talks/learning-graphs.md", "  end: 10:15\n", "  end: 10:05\n")
    app = builds.incremental()
    assert read_pages(app) == {"talks/learning-graphs"}
    assert written_pages(app) == {
        "talks/learning-graphs", "speakers/ada-lovelace",
        "index", "program/index", "program/grid", "program/hall-a", "program/track-ai",
        "talks/engines-at-scale",
    }
    builds.equals_a_fresh_build(app)
    assert written_pages(builds.incremental()) == set()


def test_an_end_time_that_comes_to_overlap_a_talk_writes_it_and_back(make_app, tmp_path):
    builds = Builds(make_app, tmp_path, files={"talks/afternoon.md": HALL_A_AFTERNOON})
    builds.incremental(fresh=True)
    # data-lakes (s3, Room 1, 3 June, no track) comes to run at the same time as Hall A's talk:
    # that talk's page lists it now; Hall A's listing does not show data-lakes
    shown = {"talks/data-lakes", "speakers/alan-turing", "index", "program/index", "program/grid", "program/day-2"}
    builds.edit("talks/data-lakes.md", "  end: 14:45\n", "  end: 14:55\n")
    app = builds.incremental()
    assert written_pages(app) == shown | {"talks/afternoon"}
    builds.equals_a_fresh_build(app)
    # and leaves it again
    builds.edit("talks/data-lakes.md", "  end: 14:55\n", "  end: 14:45\n")
    app = builds.incremental()
    assert written_pages(app) == shown | {"talks/afternoon"}
    builds.equals_a_fresh_build(app)
    assert written_pages(builds.incremental()) == set()


# -- what a talk's header shows of the items beside it and at the same time ------------------------


def test_a_talk_s_language_reaches_the_talks_that_name_it(make_app, tmp_path):
    """The talks before, after and at the same time name it with its language (``lang``)."""
    builds = Builds(make_app, tmp_path)
    builds.incremental(fresh=True)
    builds.edit("talks/learning-graphs.md", "  session: s1\n", "  session: s1\n  language: de\n")
    app = builds.incremental()
    # tuning-agents comes next in s1, engines-at-scale runs at the same time in Hall B
    assert {"talks/tuning-agents", "talks/engines-at-scale"} <= written_pages(app)
    builds.equals_a_fresh_build(app)


def many_rooms(rooms: int) -> dict[str, str]:
    """One talk in each room at 11:00, the first three in track "AI", the others in "Data" (the
    minimal root's own items are in its first room, before)."""
    names = [f"Room {number}" for number in range(1, rooms + 1)]
    files = {"conf.py": (Path(__file__).parent.parent / "roots" / "test-minimal" / "conf.py").read_text("utf-8")
             + f"symposium_rooms = {names!r}\nsymposium_tracks = ['AI', 'Data']\n"}
    for number, room in enumerate(names, start=1):
        files[f"talks/t{number}.md"] = (f"---\ntalk:\n  type: contributed\n  start: '11:00'\n  end: '11:30'\n"
                                        f"  room: {room}\n  track: {'AI' if number <= 3 else 'Data'}\n---\n"
                                        f"# Talk {number}\n\nThe abstract.\n")
    return files


def test_a_track_edit_reaches_the_folded_lists_that_show_the_talk_s_own_track(make_app, tmp_path):
    """Eight rooms: each header folds the seven other talks and shows those of its own track in a
    line apart. Talk 5 joining "AI" enters that line on the pages of Talks 1 to 3."""
    builds = Builds(make_app, tmp_path, "minimal", many_rooms(8))
    builds.incremental(fresh=True)
    builds.edit("talks/t5.md", "  track: Data\n", "  track: AI\n")
    app = builds.incremental()
    assert {"talks/t1", "talks/t2", "talks/t3", "talks/t5"} <= written_pages(app)
    builds.equals_a_fresh_build(app)
