"""Rebuilding without -E after an edit updates every page that shows the edited data."""

from __future__ import annotations

import os
import time
from pathlib import Path

from lxml import html
from sphinx.util.console import strip_colors

from conftest import parse_warnings


def touch_and_write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    later = time.time() + 5  # newer than the last build, however fast the machine
    os.utime(path, (later, later))


def text_of(app, page: str, xpath: str = "//body") -> str:
    """The text of a built page, or of the parts of it that ``xpath`` selects."""
    root = html.parse(str(Path(app.outdir) / page)).getroot()
    return " ".join(" ".join(node.text_content() for node in root.xpath(xpath)).split())


# What the extension renders from front-matter (not the contributor's own headings).
GENERATED = '//*[contains(@class, "symposium-program") or contains(@class, "symposium-header") or contains(@class, "symposium-speakers") or contains(@class, "symposium-talks")]'



def test_editing_a_talk_time_updates_the_program_and_lists(build):
    first = build()
    assert "9:10\u201310:00 AM" in text_of(first, "index.html")
    talk = Path(first.srcdir) / "talks/engines.md"
    touch_and_write(talk, talk.read_text().replace("start: 9:10", "start: 9:20"))
    second = build()
    assert parse_warnings(second) == []
    for page in ("index.html", "program/index.html", "talks/engines.html"):
        assert "9:20\u201310:00 AM" in text_of(second, page), page
        assert "9:10\u201310:00 AM" not in text_of(second, page), page
    assert "Speaker: Engines of Thought (9:20 AM CST)" in text_of(second, "speakers/charles-babbage.html")


def test_renaming_a_speaker_updates_every_page_that_names_them(build):
    first = build()
    speaker = Path(first.srcdir) / "speakers/ada-lovelace.md"
    touch_and_write(speaker, speaker.read_text().replace("name: Ada Lovelace", "name: Augusta Ada King"))
    second = build()
    for page in ("index.html", "program/index.html", "talks/notes.html"):
        assert "Augusta Ada King" in text_of(second, page, GENERATED), page
        assert "Ada Lovelace" not in text_of(second, page, GENERATED), page


def test_adding_and_removing_a_talk(build):
    first = build()
    srcdir = Path(first.srcdir)
    touch_and_write(srcdir / "talks/late.md", "---\ntalk:\n  type: lightning\n  start: 10:30\n  end: 10:40\n---\n# Late Talk\n")
    second = build()
    assert "Late Talk" in text_of(second, "index.html")
    (srcdir / "talks/late.md").unlink()
    third = build()
    assert "Late Talk" not in text_of(third, "index.html")


def test_unchanged_sources_rebuild_nothing(build):
    build()
    second = build()
    assert "0 added, 0 changed, 0 removed" in second.status.getvalue()
    assert "writing output" not in second.status.getvalue() or "no targets are out of date" in second.status.getvalue()


def test_a_speaker_who_loses_a_role_loses_it_on_their_page(build):
    first = build()
    assert "Speaker: Notes on the Engine" in text_of(first, "speakers/ada-lovelace.html", GENERATED)
    talk = Path(first.srcdir) / "talks/notes.md"
    touch_and_write(talk, talk.read_text().replace("speakers: [ada-lovelace]", "speakers: [charles-babbage]"))
    second = build()
    assert "Notes on the Engine" not in text_of(second, "speakers/ada-lovelace.html", GENERATED)
    assert "Speaker: Notes on the Engine" in text_of(second, "speakers/charles-babbage.html", GENERATED)


def test_an_edit_rewrites_only_the_pages_that_show_it(build):
    first = build()
    talk = Path(first.srcdir) / "talks/engines.md"
    touch_and_write(talk, talk.read_text().replace("start: 9:10", "start: 9:20"))
    second = build()
    status = strip_colors(second.status.getvalue())
    written = {line.split("] ")[-1] for line in status.splitlines() if line.startswith("writing output... [")}
    # the talk, its speaker, and the pages with a program table or list; not Ada's page
    assert written == {"talks/engines", "speakers/charles-babbage", "index", "program/index"}


def test_store_version_follows_the_store_shape():
    """A pickled environment from before a change of shape must be discarded, not loaded."""
    import dataclasses

    from symposium.collector import STORE_VERSION, PageState, SymposiumStore
    from symposium.model import ProgramItem, Speaker

    shape = [tuple(f.name for f in dataclasses.fields(cls)) for cls in (SymposiumStore, PageState, ProgramItem, Speaker)]
    assert (STORE_VERSION, shape) == (3, [
        ("speakers", "items", "listing_docs", "snapshot"),
        ("digest", "defines", "names"),
        ("key", "docname", "has_page", "title", "type", "start", "end", "label", "room", "speakers", "moderators",
         "slides", "video", "links", "start_line", "end_line", "date_line"),
        ("slug", "docname", "name", "affiliations", "honorific", "position", "photo", "email", "links", "line"),
    ]), "the store changed shape: bump STORE_VERSION and update this test"
