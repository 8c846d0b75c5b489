"""After a change to ``conf.py``, an incremental build writes what a fresh build writes: the whole
output folder, the exports (calendars, citations, the apps' schedules, the changes feed) and the
service worker included. The exports are made again only when what they are made from changed,
and every setting is part of that (``exports/writer.py``, ``settings_digest``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sphinx.builders.html._assets import _file_checksum_inner

from helpers import ROOTS, build_app, edit_source, outputs, parse_warnings

#: each a line added to the conference's conf.py: the language, the clock, the addresses, the
#: event's names and DOI, its place
SETTINGS = {
    "language": 'language = "de"',
    "clock": 'symposium_clock = "24h"',
    "address": 'html_baseurl = "https://elsewhere.example.org/2026/"',
    "name": 'symposium_name = "The Workflows Conference of 2026"',
    "short name": 'project = "WFC 2026"',
    "doi": 'symposium_doi = "10.5281/zenodo.1234567"',
    "place": "symposium_venue_geo = (53.55, 10.0)",
}


def _build(srcdir: Path, builddir: Path, *, fresh: bool):
    # Sphinx keeps each static file's checksum (the `?v=` of its links) for the life of the
    # process, by path: sphinx-build runs one build per process, these tests several
    _file_checksum_inner.cache_clear()
    return build_app(srcdir, fresh=fresh, builddir=builddir)


@pytest.mark.parametrize("setting", SETTINGS.values(), ids=SETTINGS.keys())
def test_an_incremental_build_after_a_setting_changes_equals_a_fresh_one(tmp_path, setting):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-conference", srcdir)
    _build(srcdir, tmp_path / "incremental", fresh=True)
    conf = srcdir / "conf.py"
    edit_source(conf, conf.read_text("utf-8") + f"\n{setting}\n")
    incremental = _build(srcdir, tmp_path / "incremental", fresh=False)
    fresh = _build(srcdir, tmp_path / "fresh", fresh=True)
    assert parse_warnings(incremental) == parse_warnings(fresh) == []
    left, right = outputs(Path(incremental.outdir)), outputs(Path(fresh.outdir))
    assert sorted(left) == sorted(right)
    assert [name for name in left if left[name] != right[name]] == []


def test_a_changed_language_changes_every_export_s_words(tmp_path):
    """What the issue saw: after `language = "de"`, the talks' and speakers' calendars and the
    feed stayed English. Here they speak German, as the program's calendar does."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-conference", srcdir)
    _build(srcdir, tmp_path / "out", fresh=True)
    conf = srcdir / "conf.py"
    edit_source(conf, conf.read_text("utf-8") + '\nlanguage = "de"\n')
    out = Path(_build(srcdir, tmp_path / "out", fresh=False).outdir)
    for path in ("talks/data-lakes.ics", "speakers/alan-turing.ics", "program.ics"):
        assert "CATEGORIES:Eingeladener Vortrag" in (out / path).read_text("utf-8"), path
    assert "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\">" in (out / "program/changes.atom").read_text("utf-8")
    assert not (out / "_static/english-stemmer.js").exists()  # Sphinx's search stemmer of the former language


def test_an_unchanged_conf_py_makes_no_export_again(tmp_path):
    """The digest of the settings is the same from one build (and process) to the next: an
    unchanged site writes no export again."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-conference", srcdir)
    out = Path(_build(srcdir, tmp_path / "out", fresh=True).outdir)
    record = (out / ".symposium-exports").read_text("utf-8")
    times = {path: path.stat().st_mtime_ns for path in out.rglob("*.ics")}
    conf = srcdir / "conf.py"
    edit_source(conf, conf.read_text("utf-8") + "\n# a comment changes no setting\n")
    _build(srcdir, tmp_path / "out", fresh=False)
    assert (out / ".symposium-exports").read_text("utf-8") == record
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*.ics")} == times
