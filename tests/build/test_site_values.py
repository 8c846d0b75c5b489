"""The site's values (the event, its names, language, how times are written) and the export
site are made once per build, whatever the number of pages, and every layer reads those."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from symposium.environment import site_values
from symposium.exports import site_data


@pytest.fixture
def counted(monkeypatch):
    """How often a build makes the event and the export site."""
    made = {"event": 0, "export site": 0}
    event_of, made_for = site_values.event_of, site_data._made_for

    def counting_event_of(config):
        made["event"] += 1
        return event_of(config)

    def counting_made_for(builder):
        made["export site"] += 1
        return made_for(builder)

    monkeypatch.setattr(site_values, "event_of", counting_event_of)
    monkeypatch.setattr(site_data, "_made_for", counting_made_for)
    return made


def test_a_conference_of_many_pages_makes_its_event_and_export_site_once(build, counted):
    app = build(testroot="conference", buildername="dirhtml")
    pages = len(app.env.found_docs)
    assert pages > 15  # every page read, resolved and written, talk pages with their citation tags
    assert counted == {"event": 1, "export site": 1}
    # and what they made reached the talk pages' citation tags and the exports
    outdir = Path(app.outdir)
    talk = next(outdir.glob("talks/*/index.html")).read_text("utf-8")
    assert '<meta name="citation_conference_title" content="Workflows Conference 2026"' in talk
    assert (outdir / "program.ics").is_file() and (outdir / "schedule.json").is_file()


def test_an_incremental_build_makes_them_again_once(build, counted):
    build(testroot="conference", buildername="dirhtml")
    build(testroot="conference", buildername="dirhtml")
    assert counted == {"event": 2, "export site": 2}


def test_the_manifest_the_worker_and_the_pages_write_one_language_tag(build):
    """Sphinx's ``pt_BR`` is ``pt-BR`` (BCP 47) wherever the site writes a language."""
    app = build(testroot="conference", buildername="dirhtml", confoverrides={"language": "pt_BR"})
    outdir = Path(app.outdir)
    assert json.loads((outdir / "manifest.webmanifest").read_text("utf-8"))["lang"] == "pt-BR"
    worker = (outdir / "sw.js").read_text("utf-8")
    assert '"language": "pt-BR"' in worker and "pt_BR" not in worker
    assert '<html lang="pt-BR"' in (outdir / "index.html").read_text("utf-8")
