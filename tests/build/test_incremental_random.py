"""After any sequence of edits, an incremental build equals a fresh build of the same sources.

A seeded random walk over the conference root: change a time, rename a speaker, add,
delete, rename, retitle and cancel a talk (and restore it), move a talk to another session, delete
a speaker page and restore it. After every step the whole output folder of the incremental build (its file list and
every byte, Sphinx's .buildinfo and search index aside) is compared with a fresh build's.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from helpers import edit_source, outputs


class Edits:
    """The edits, each on the current sources; ``restore`` keeps what was deleted."""

    def __init__(self, srcdir: Path, rng: random.Random) -> None:
        self.src, self.rng, self.deleted = srcdir, rng, {}

    def talks(self) -> list[Path]:
        return sorted((self.src / "talks").glob("*.md"))

    def change_a_time(self) -> None:
        talk = self.rng.choice(self.talks())
        text = talk.read_text("utf-8")
        edit_source(talk, re.sub(r"end: (\d+):(\d\d)", lambda m: f"end: {m[1]}:{int(m[2]) // 2:02d}"
                                 if int(m[2]) >= 30 else m[0], text, count=1) + "\n")

    def rename_a_speaker(self) -> None:
        page = self.rng.choice(sorted((self.src / "speakers").glob("*.md")))
        text = page.read_text("utf-8")
        name = re.search(r"name: (.*)", text)[1]
        edit_source(page, text.replace(name, f"{name} Jr"))

    def add_a_talk(self) -> None:
        edit_source(self.src / "talks" / f"late-{self.rng.randrange(1000)}.md",
                    "---\ntalk:\n  type: lightning\n  date: 2026-06-04\n  room: Hall A\n  start: 16:00\n  end: 16:10\n"
                    "  speakers: [ada-lovelace]\n---\n# A Late Lightning Talk\n")

    def delete_a_talk(self) -> None:
        talk = self.rng.choice(self.talks())
        self.deleted[talk] = talk.read_text("utf-8")
        edit_source(talk, None)

    def move_a_talk(self) -> None:
        talk = self.src / "talks" / "learning-graphs.md"
        if talk.is_file():
            text = talk.read_text("utf-8")
            edit_source(talk, text.replace("session: s1", "session: s2").replace("start: 9:30\n  end: 10:15", "start: 9:30\n  end: 9:50")
                        if "session: s1" in text else text.replace("session: s2", "session: s1"))

    def move_a_session(self) -> None:
        program = self.src / "program" / "index.md"
        text = program.read_text("utf-8")
        moved = "room: Room 2, chairs: [grace-hopper]"
        edit_source(program, text.replace("room: Room 1, chairs: [grace-hopper]", moved) if moved not in text
                    else text.replace(moved, "room: Room 1, chairs: [grace-hopper]"))

    def change_a_track(self) -> None:
        """A talk joins or leaves the AI track (the track's page lists it, or no longer)."""
        talk = self.src / "talks" / "data-lakes.md"
        if talk.is_file():
            text = talk.read_text("utf-8")
            edit_source(talk, text.replace("  track: AI\n", "") if "track: AI" in text
                        else text.replace("  speakers:", "  track: AI\n  speakers:"))

    def move_a_talk_to_another_day(self) -> None:
        """The keynote after midnight moves a day later, onto the page of 3 June (program/day-2), and back."""
        talk = self.src / "talks" / "midnight-keynote.md"
        if talk.is_file():
            text = talk.read_text("utf-8")
            edit_source(talk, text.replace("date: 2026-06-03", "date: 2026-06-04") if "2026-06-03" in text
                        else text.replace("date: 2026-06-04", "date: 2026-06-03"))

    def rename_a_talk(self) -> None:
        """A talk's file renamed: its old page and calendar go, a page under the new slug comes."""
        talk = self.rng.choice(self.talks())
        edit_source(talk.with_name(f"renamed-{self.rng.randrange(1000)}-{talk.name}"), talk.read_text("utf-8"))
        edit_source(talk, None)

    def retitle_a_talk(self) -> None:
        """A talk's heading changes: the talks beside it, and those at the same time in other rooms, name it."""
        talk = self.rng.choice(self.talks())
        text = talk.read_text("utf-8")
        edit_source(talk, re.sub(r"^# (.*)$", lambda m: f"# {m[1]} (revised)", text, count=1, flags=re.M))

    def cancel_a_talk(self) -> None:
        """A talk is cancelled, or no longer: it leaves, or joins again, what runs at the same time elsewhere."""
        talk = self.rng.choice(self.talks())
        text = talk.read_text("utf-8")
        edit_source(talk, text.replace("  status: cancelled\n", "") if "status: cancelled" in text
                    else text.replace("talk:\n", "talk:\n  status: cancelled\n", 1))

    def delete_a_speaker(self) -> None:
        page = self.src / "speakers" / "grace-hopper.md"
        if page.is_file():
            self.deleted[page] = page.read_text("utf-8")
            edit_source(page, None)

    def restore(self) -> None:
        for path, text in self.deleted.items():
            edit_source(path, text)
        self.deleted.clear()

    STEPS = ("change_a_time", "rename_a_speaker", "add_a_talk", "delete_a_talk", "move_a_talk",
             "move_a_session", "change_a_track", "move_a_talk_to_another_day", "rename_a_talk", "delete_a_speaker",
             "retitle_a_talk", "cancel_a_talk", "restore")


@pytest.mark.parametrize("seed", [2025, 7, 11, 42])
def test_incremental_builds_equal_fresh_builds_after_random_edits(make_app, rootdir, tmp_path, seed):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-conference", srcdir)
    edits = Edits(srcdir, random.Random(seed))
    incremental = tmp_path / "incremental"

    def build(source: Path, outdir: Path, fresh: bool):
        app = make_app("dirhtml", srcdir=source, builddir=outdir, freshenv=fresh)
        app.build()
        app.cleanup()
        return outputs(Path(app.outdir))

    build(srcdir, incremental, fresh=True)
    steps = [edits.rng.choice(Edits.STEPS) for _ in range(12)]
    for number, step in enumerate(steps, 1):
        getattr(edits, step)()
        after_edit = build(srcdir, incremental, fresh=False)
        copy = tmp_path / f"fresh-{number}"
        shutil.copytree(srcdir, copy / "src")
        expected = build(copy / "src", copy / "build", fresh=True)
        assert sorted(after_edit) == sorted(expected), f"step {number} ({step}): not the files of a fresh build"
        differ = [name for name in expected if after_edit[name] != expected[name]]
        assert differ == [], f"step {number} ({step}): these differ from a fresh build"


def test_cancelling_and_restoring_a_talk_gives_what_a_fresh_build_gives(make_app, rootdir, tmp_path):
    """The status is part of an item: its page, its speaker's, its neighbours' (their "Previous" and
    "Next" strike it), the listings and every export follow it, and follow it back."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-conference", srcdir)
    talk = srcdir / "talks" / "engines-at-scale.md"  # s2, between nothing and compilers-for-workflows
    scheduled = talk.read_text("utf-8")

    def build(source: Path, outdir: Path, fresh: bool) -> dict[str, bytes]:
        app = make_app("dirhtml", srcdir=source, builddir=outdir, freshenv=fresh)
        app.build()
        app.cleanup()
        return outputs(Path(app.outdir))

    first = build(srcdir, tmp_path / "incremental", fresh=True)
    for number, text in enumerate([scheduled.replace("talk:\n", "talk:\n  status: cancelled\n"), scheduled], 1):
        edit_source(talk, text)
        incremental = build(srcdir, tmp_path / "incremental", fresh=False)
        copy = tmp_path / f"fresh-{number}"
        shutil.copytree(srcdir, copy / "src")
        fresh = build(copy / "src", copy / "build", fresh=True)
        assert sorted(incremental) == sorted(fresh)
        assert [name for name in fresh if incremental[name] != fresh[name]] == []
        assert (b"symposium-status-mark-cancelled" in fresh["talks/compilers-for-workflows/index.html"]) == (number == 1)
    assert incremental == first
