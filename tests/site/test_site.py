"""The real site: zero warnings, the program as FACTS.md gives it, the old URLs, -j 2 == -j 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from conftest import copy_site, parse_warnings, words

PROGRAM = [
    # (start, end, title, page or None, speakers, moderators)
    ("08:30", "08:35", "Welcome", None, ["orcun-yildiz", "loic-pottier"], []),
    ("08:35", "09:30", "Trillion-Parameter Foundation Models as Discovery Accelerators: Toward a Scientific Discovery Platform",
     "keynote-tbd", ["ian-foster"], []),
    ("09:30", "10:00", "How Complex AI Workflows Are Driving the Future of HPC Architectures?", "invited-talk-1", ["debbie-bard"], []),
    ("10:00", "10:30", "Break", None, [], []),
    ("10:30", "11:00", "AI-Ready Scientific Workflows at Scale: Bridging Data, Infrastructure, and Automation",
     "invited-talk-2", ["rafael-ferreira-da-silva"], []),
    ("11:00", "11:30", "Intelligent Workflows at Scale: AI-Driven Exploration of Cosmological Simulations",
     "invited-talk-3", ["katrin-heitmann"], []),
    ("11:30", "12:20", "Moderated Discussion", "moderated-discussion",
     ["ian-foster", "debbie-bard", "rafael-ferreira-da-silva", "katrin-heitmann"], ["orcun-yildiz", "loic-pottier"]),
    ("12:20", "12:30", "Closing remarks", None, ["orcun-yildiz", "loic-pottier"], []),
]
SPEAKERS = ["ian-foster", "debbie-bard", "rafael-ferreira-da-silva", "katrin-heitmann", "orcun-yildiz", "loic-pottier"]
TALKS = ["keynote-tbd", "invited-talk-1", "invited-talk-2", "invited-talk-3", "moderated-discussion"]


def build_site(make_app, srcdir: Path, buildername: str = "dirhtml", **kwargs):
    app = make_app(buildername, srcdir=srcdir, freshenv=True, **kwargs)
    app.build()
    app.cleanup()  # unregister its nodes, so that the next build in this test starts clean
    return app


@pytest.fixture
def site(real_site):
    return real_site


def page(app, path: str):
    return html.parse(str(Path(app.outdir) / path)).getroot()


def test_the_site_builds_without_a_single_warning(site):
    assert parse_warnings(site) == []
    assert site.warning.getvalue() == ""


@pytest.mark.parametrize("path", ["program/index.html", "index.html"])
def test_program_table_holds_the_eight_items_in_order(site, path):
    doc = page(site, path)
    rows = doc.xpath('//table[contains(@class, "symposium-program")]/tbody/tr')
    assert len(rows) == len(PROGRAM)
    base = Path(site.outdir) / path
    for row, (start, end, title, slug, speakers, moderators) in zip(rows, PROGRAM, strict=True):
        times = row.xpath(".//time/@datetime")
        assert times == [f"2025-11-21T{start}-06:00", f"2025-11-21T{end}-06:00"]
        cells = row.xpath("./td")
        assert title in cells[1].text_content()
        links = [a.get("href") for a in cells[1].xpath(".//a")]
        if slug:
            assert len(links) == 1
            assert (base.parent / links[0] / "index.html").resolve() == (Path(site.outdir) / "talks" / slug / "index.html")
        else:
            assert links == []
        people = [(base.parent / a.get("href")).resolve().name for a in cells[2].xpath(".//a")]
        assert people == speakers + moderators
        for a in cells[2].xpath(".//a"):
            assert (base.parent / a.get("href") / "index.html").resolve().is_file()
    shown = [row.xpath("./td")[0].text_content() for row in rows]
    assert shown[0] == "8:30\u20138:35 AM"
    assert shown[-1] == "12:20\u201312:30 PM"
    assert shown[-2] == "11:30 AM\u201312:20 PM"
    assert "CST" in doc.xpath('//table[contains(@class, "symposium-program")]//th')[0].text_content()


def test_the_old_urls_answer(site):
    for slug in SPEAKERS:
        assert (Path(site.outdir) / "speakers" / slug / "index.html").is_file()
    for slug in TALKS:
        assert (Path(site.outdir) / "talks" / slug / "index.html").is_file()


def test_talk_page_header(site):
    doc = page(site, "talks/moderated-discussion/index.html")
    header = doc.xpath('//div[contains(@class, "symposium-talk-header")]')[0]
    text = words(header)
    assert "Friday, November 21, 2025, 11:30 AM\u201312:20 PM CST" in text
    assert "Moderators: Orcun Yildiz (Argonne National Laboratory), Loïc Pottier (Lawrence Livermore National Laboratory)" in text
    assert header.xpath(".//abbr/@title") == ["America/Chicago, UTC\u22126"]
    assert "Previous: Intelligent Workflows at Scale" in text and "Next: Closing remarks" in text
    assert len(header.xpath(".//a")) == 8  # six people, the previous talk and the calendar


def test_speaker_page_header_lists_roles_and_hides_the_address(site):
    doc = page(site, "speakers/orcun-yildiz/index.html")
    header = doc.xpath('//div[contains(@class, "symposium-speaker-header")]')[0]
    text = words(header)
    assert "Opening: Welcome (8:30 AM CST)" in text
    assert "Moderator: Moderated Discussion (11:30 AM CST)" in text
    assert "Closing: Closing remarks (12:20 PM CST)" in text
    assert "oyildiz at anl dot gov" in text
    assert header.xpath(".//*[local-name()='svg']//text()") == ["OY"]
    for built in Path(site.outdir).rglob("*"):
        if built.is_file() and built.suffix in {".html", ".js", ".txt", ".json"}:
            content = built.read_text("utf-8", errors="replace")
            assert "oyildiz@anl.gov" not in content and "mailto:" not in content, built


def test_home_page_carries_the_event(site):
    doc = page(site, "index.html")
    text = words(doc)
    for fact in ("First International Symposium on Artificial Intelligence and Extreme-Scale Workflows",
                 "AIExScale 2025", "Friday, November 21, 2025", "St. Louis", "America’s Center Convention Complex",
                 "Large language models (LLMs)", "pottier1 at llnl dot gov"):
        assert fact in text, fact
    assert doc.xpath('//a[@href="https://sc25.supercomputing.org"]')


def test_parallel_build_gives_the_same_pages(make_app, tmp_path):
    serial = build_site(make_app, copy_site(tmp_path / "serial"), parallel=1)
    parallel = build_site(make_app, copy_site(tmp_path / "parallel"), parallel=2)
    assert parse_warnings(parallel) == []
    pages = sorted(p.relative_to(serial.outdir) for p in Path(serial.outdir).rglob("*.html"))
    assert len(pages) > 15
    for rel in pages:
        assert (Path(parallel.outdir) / rel).read_text("utf-8") == (Path(serial.outdir) / rel).read_text("utf-8"), rel


def test_html_builder_works_too(make_app, tmp_path):
    app = build_site(make_app, copy_site(tmp_path / "html"), buildername="html")
    assert parse_warnings(app) == []
    doc = page(app, "program/index.html")
    hrefs = doc.xpath('//table[contains(@class, "symposium-program")]//a/@href')
    assert "../talks/keynote-tbd.html" in hrefs
    assert "../speakers/ian-foster.html" in hrefs
