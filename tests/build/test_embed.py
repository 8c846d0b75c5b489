"""A page with ``embed: true``: rendered alone for another site's <iframe>, with any theme, left out of
the sitemap; a value that is not true or false is one located warning. (Its height in a host page is
tested in Chromium: tests/browser/test_cite_and_embed.py.)"""

from __future__ import annotations

import pytest

from helpers import parse_page, parse_warnings, select_one, symposium_warnings

EMBED = "---\nembed: true\norphan: true\n---\n# The program\n\n```{program-table}\n```\n"


def test_an_embedded_page_has_its_text_alone(build):
    app = build({"program/embed.md": EMBED}, buildername="dirhtml")
    assert parse_warnings(app) == []
    doc = parse_page(app, "program/embed/index.html")
    main = select_one(doc, '//main[contains(@class, "symposium-embed")]')
    assert main.xpath('.//table[contains(@class, "symposium-program")]')
    # Sphinx's own theme: no related bar, no sidebar, no footer
    assert doc.xpath('//div[contains(@class, "related") or contains(@class, "sphinxsidebar") or contains(@class, "footer")]') == []
    assert doc.xpath("//head/base/@target") == ["_top"]
    assert doc.xpath('//head/meta[@name="robots"]/@content') == ["noindex"]
    assert doc.xpath('//head/script[contains(@src, "_static/embed.js")]')
    # the other pages are as they were
    assert parse_page(app, "program/index.html").xpath('//main[contains(@class, "symposium-embed")]') == []
    assert parse_page(app, "program/index.html").xpath('//div[contains(@class, "sphinxsidebar")]')


def test_the_real_sites_embed_has_no_navigation_and_no_sitemap_entry(real_site):
    from pathlib import Path

    doc = parse_page(real_site, "program/embed/index.html")
    assert doc.xpath('//*[@id="pst-header" or contains(@class, "bd-footer") or contains(@class, "bd-sidebar")]') == []
    assert doc.xpath("//nav") == []
    assert select_one(doc, "//main//h1").text_content().startswith("AIExScale 2025 program")
    assert "program/embed" not in (Path(real_site.outdir) / "sitemap.xml").read_text("utf-8")
    assert "/program/</loc>" in (Path(real_site.outdir) / "sitemap.xml").read_text("utf-8")


@pytest.mark.parametrize("value", ['"yes please"', "1", "[true]"])
def test_an_embed_that_is_not_true_or_false_is_one_located_warning(build, value):
    app = build({"program/embed.md": EMBED.replace("embed: true", f"embed: {value}")}, buildername="dirhtml")
    assert [(w.type, w.path, w.line) for w in symposium_warnings(app)] == [("symposium.frontmatter", "program/embed.md", 2)]
    assert "expected true" in symposium_warnings(app)[0].message
    assert parse_page(app, "program/embed/index.html").xpath('//main[contains(@class, "symposium-embed")]') == []


def test_other_builders_ignore_embed(build):
    app = build({"program/embed.md": EMBED}, buildername="singlehtml")
    assert parse_warnings(app) == []
