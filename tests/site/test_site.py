"""The real site: zero warnings, the program as its pages give it (helpers.PROGRAM), the old URLs, -j 2 == -j 1.

Also the real conf.py with values missing, and a hostile title on a real page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html

from helpers import (
    PROGRAM,
    REPO,
    SPEAKERS,
    TALKS,
    build_app,
    copy_site,
    parse_page,
    parse_warnings,
    words,
)


def test_the_site_builds_without_a_single_warning(real_site):
    assert parse_warnings(real_site) == []
    assert real_site.warning.getvalue() == ""


@pytest.mark.parametrize("path", ["program/index.html", "index.html"])
def test_program_table_holds_the_eight_items_in_order(real_site, path):
    doc = parse_page(real_site, path)
    rows = doc.xpath('//table[contains(@class, "symposium-program")]/tbody/tr')
    assert len(rows) == len(PROGRAM)
    base = Path(real_site.outdir) / path
    for row, (start, end, title, slug, speakers, moderators) in zip(rows, PROGRAM, strict=True):
        times = row.xpath(".//time/@datetime")
        assert times == [f"2025-11-21T{start}-06:00", f"2025-11-21T{end}-06:00"]
        cells = row.xpath("./td")
        assert title in cells[1].text_content()
        links = [a.get("href") for a in cells[1].xpath(".//a")]
        if slug:
            assert len(links) == 1
            assert (base.parent / links[0] / "index.html").resolve() == (Path(real_site.outdir) / "talks" / slug / "index.html")
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


def test_the_old_urls_answer(real_site):
    for slug in SPEAKERS:
        assert (Path(real_site.outdir) / "speakers" / slug / "index.html").is_file()
    for slug in TALKS:
        assert (Path(real_site.outdir) / "talks" / slug / "index.html").is_file()


def test_talk_page_header(real_site):
    doc = parse_page(real_site, "talks/moderated-discussion/index.html")
    header = doc.xpath('//div[contains(@class, "symposium-talk-header")]')[0]
    text = words(header)
    assert "Friday, November 21, 2025, 11:30 AM\u201312:20 PM CST" in text
    assert "Moderators: Orcun Yildiz (Argonne National Laboratory), Loïc Pottier (Lawrence Livermore National Laboratory)" in text
    assert header.xpath(".//abbr/@title") == ["America/Chicago, UTC\u22126"]
    assert "Previous: Intelligent Workflows at Scale" in text and "Next: Closing remarks" in text
    assert len(header.xpath(".//a")) == 8  # six people, the previous talk and the calendar


def test_speaker_page_header_lists_roles_and_hides_the_address(real_site):
    doc = parse_page(real_site, "speakers/orcun-yildiz/index.html")
    header = doc.xpath('//div[contains(@class, "symposium-speaker-header")]')[0]
    text = words(header)
    assert "Opening: Welcome (8:30 AM CST)" in text
    assert "Moderator: Moderated Discussion (11:30 AM CST)" in text
    assert "Closing: Closing remarks (12:20 PM CST)" in text
    assert "oyildiz at anl dot gov" in text
    assert header.xpath(".//*[local-name()='svg']//text()") == ["OY"]
    for path in Path(real_site.outdir).rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".txt", ".json"}:
            content = path.read_text("utf-8", errors="replace")
            assert "oyildiz@anl.gov" not in content and "mailto:" not in content, path


def test_home_page_carries_the_event(real_site):
    doc = parse_page(real_site, "index.html")
    text = words(doc)
    for fact in ("First International Symposium on Artificial Intelligence and Extreme-Scale Workflows",
                 "AIExScale 2025", "Friday, November 21, 2025", "St. Louis", "America’s Center Convention Complex",
                 "Large language models (LLMs)", "pottier1 at llnl dot gov"):
        assert fact in text, fact
    assert doc.xpath('//a[@href="https://sc25.supercomputing.org"]')


def test_parallel_build_gives_the_same_pages(real_site, tmp_path):
    serial = real_site  # built with one process
    parallel = build_app(copy_site(tmp_path / "parallel"), "dirhtml", parallel=2)
    assert parse_warnings(parallel) == []
    pages = sorted(p.relative_to(serial.outdir) for p in Path(serial.outdir).rglob("*.html"))
    assert len(pages) > 15
    for rel in pages:
        assert (Path(parallel.outdir) / rel).read_text("utf-8") == (Path(serial.outdir) / rel).read_text("utf-8"), rel


def test_html_builder_works_too(built):
    app = built("site", "html")
    assert parse_warnings(app) == []
    doc = parse_page(app, "program/index.html")
    hrefs = doc.xpath('//table[contains(@class, "symposium-program")]//a/@href')
    assert "../talks/keynote-tbd.html" in hrefs
    assert "../speakers/ian-foster.html" in hrefs


# -- the real conf.py and pages, changed ----------------------------------------------------------


def test_the_real_conf_py_with_missing_and_broken_event_values(tmp_path):
    """conf.py only states values: a missing date or a host without its URL cannot break it."""
    srcdir = copy_site(tmp_path / "site")
    conf = (srcdir / "conf.py").read_text("utf-8")
    conf = conf.replace('symposium_date = "2025-11-21"\n', "")
    conf = conf.replace('    "url": "https://sc25.supercomputing.org",\n', "")
    (srcdir / "conf.py").write_text(conf, "utf-8")
    assert conf != (REPO / "conf.py").read_text("utf-8")
    app = build_app(srcdir, "dirhtml")
    log = app.warning.getvalue()
    assert "Traceback" not in log
    config = [w for w in parse_warnings(app) if w.type == "symposium.config"]
    assert [w.message.split(" = ")[0] for w in config] == ["symposium_date"]
    home = (Path(app.outdir) / "index.html").read_text("utf-8")
    assert "Co-located with SC25," in home  # the host's name, without a link


HOSTILE_TITLE = "<b>x</b> <script>alert(1)</script>"


def test_raw_html_in_a_talk_title_is_shown_as_text(tmp_path):
    """On the real site, whose theme also shows the title in the breadcrumbs."""
    srcdir = copy_site(tmp_path / "site")
    talk = srcdir / "talks/invited-talk-1.md"
    talk.write_text(re.sub(r"(?m)^# .*$", f"# {HOSTILE_TITLE}", talk.read_text("utf-8"), count=1), encoding="utf-8")
    app = build_app(srcdir, "dirhtml")
    found = parse_warnings(app)
    assert [(w.type, w.path, w.line) for w in found] == [("symposium.frontmatter", "talks/invited-talk-1.md", 8)]
    assert "raw HTML" in found[0].message and "shown as text" in found[0].message
    talk_page = parse_page(app, "talks/invited-talk-1/index.html")
    assert words(talk_page.xpath("//h1")[0]) == f"{HOSTILE_TITLE}#"  # and its permalink
    assert talk_page.xpath("//title")[0].text.startswith(HOSTILE_TITLE)
    assert words(talk_page.xpath('//li[contains(@class, "breadcrumb-item active")]')[0]) == HOSTILE_TITLE
    shown = [
        parse_page(app, "program/index.html").xpath('//table[contains(@class, "symposium-program")]//a[contains(@class, "symposium-title")]')[1],
        parse_page(app, "talks/index.html").xpath('//*[contains(@class, "symposium-talk-title")]')[1],
        parse_page(app, "speakers/debbie-bard/index.html").xpath('//ul[contains(@class, "symposium-roles")]//a')[0],
    ]
    assert [words(node) for node in shown] == [HOSTILE_TITLE] * 3
    for page in Path(app.outdir).rglob("*.html"):
        doc = html.parse(str(page)).getroot()
        # the JSON-LD holds the title as escaped data, never as markup
        assert not doc.xpath("//b | //script[not(@type='application/ld+json')][contains(., 'alert')]"), page
        assert all("<" not in block for block in doc.xpath("//script[@type='application/ld+json']/text()")), page
