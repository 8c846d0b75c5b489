"""A page deleted between two builds leaves nothing behind: the incremental build's output
holds the same files as a fresh build's (its page, its talk calendar and its source copy gone)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import ROOTS, build_app, copy_site, edit_source

#: what differs between any two builds whatever the extension does: Sphinx's own records, and
#: sitemap.xml, which sphinx-sitemap makes from the pages written by the build that made it
NOT_COMPARED = {".buildinfo", ".buildinfo.bak", "searchindex.js", "sitemap.xml"}


def output_files(outdir: Path) -> dict[str, bytes]:
    return {path.relative_to(outdir).as_posix(): path.read_bytes() for path in sorted(outdir.rglob("*"))
            if path.is_file() and path.name not in NOT_COMPARED and ".doctrees" not in path.parts}


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
@pytest.mark.parametrize("deleted", ["talks/notes.md", "speakers/ada-lovelace.md"])
def test_an_incremental_build_after_a_deletion_holds_what_a_fresh_one_holds(tmp_path, buildername, deleted):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-minimal", srcdir)
    if deleted.startswith("speakers/"):  # nobody may name the speaker any more
        for talk in (srcdir / "talks").glob("*.md"):
            edit_source(talk, talk.read_text("utf-8").replace("ada-lovelace", "charles-babbage")
                        .replace("speakers: [charles-babbage]\n  moderators: [charles-babbage]", "speakers: [charles-babbage]"))
        program = srcdir / "program/index.md"
        edit_source(program, program.read_text("utf-8").replace("ada-lovelace", "charles-babbage"))
    first = build_app(srcdir, buildername)
    outdir = Path(first.outdir)
    page = Path(deleted).with_suffix("")
    written = outdir / (f"{page}/index.html" if buildername == "dirhtml" else f"{page}.html")
    assert written.is_file()
    edit_source(srcdir / deleted, None)
    build_app(srcdir, buildername, fresh=False)
    incremental = output_files(outdir)
    assert not written.exists() and not (outdir / f"{page}.ics").exists()
    fresh_src = tmp_path / "fresh"
    shutil.copytree(srcdir, fresh_src, ignore=shutil.ignore_patterns("_build"))
    fresh = output_files(Path(build_app(fresh_src, buildername).outdir))
    assert sorted(incremental) == sorted(fresh)
    assert [name for name in fresh if incremental[name] != fresh[name]] == []


def test_the_real_site_after_deleting_a_talk_equals_a_fresh_build_sitemap_included(tmp_path):
    """The real site loads sphinx-sitemap: its sitemap.xml lists every page after an incremental build too."""
    srcdir = copy_site(tmp_path / "src")
    first = build_app(srcdir, "dirhtml")
    edit_source(srcdir / "talks/invited-talk-2.md", None)
    build_app(srcdir, "dirhtml", fresh=False)
    fresh = build_app(_copy_without_build(srcdir, tmp_path / "fresh"), "dirhtml")
    incremental, expected = Path(first.outdir), Path(fresh.outdir)
    assert (incremental / "sitemap.xml").read_bytes() == (expected / "sitemap.xml").read_bytes()
    assert b"talks/invited-talk-2/" not in (incremental / "sitemap.xml").read_bytes()
    assert output_files(incremental) == output_files(expected)


def _copy_without_build(srcdir: Path, target: Path) -> Path:
    shutil.copytree(srcdir, target, ignore=shutil.ignore_patterns("_build"))
    return target
