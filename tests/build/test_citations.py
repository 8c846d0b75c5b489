"""How a talk is cited, on small test roots: the citation_* tags read back as Zotero's "Embedded
Metadata" translator reads them, the "Cite this talk" block and the files it offers (the same
text), the PDF of the slides, the event's DOI, and what is not cited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import parse_page, parse_warnings, select, select_one, symposium_warnings, words

#: a talk page with everything a citation can say: two speakers (one with a family name of three
#: words), slides that are a PDF in the repository, an abstract with LaTeX's specials
NOTES = """\
---
talk:
  type: discussion
  start: "10:00 AM"
  duration: 30
  speakers: [ada-lovelace, rafael-ferreira-da-silva]
  moderators: [charles-babbage]
  slides: _static/slides/notes.pdf
---
# Notes on the Engine & 100% of Its Tables

The abstract: R&D at 100%.
"""
RAFAEL = """\
---
speaker:
  name: Rafael Ferreira da Silva
  family_name: Ferreira da Silva
  affiliation: Oak Ridge National Laboratory
---
# Rafael Ferreira da Silva
"""
FILES = {"talks/notes.md": NOTES, "speakers/rafael-ferreira-da-silva.md": RAFAEL,
         "_static/slides/notes.pdf": b"%PDF-1.4\n%%EOF\n"}
DOI = "10.5281/zenodo.1234567"


@pytest.fixture(scope="module")
def cited(tmp_path_factory):
    from helpers import build_app, copy_root, write_files

    srcdir = copy_root("minimal", tmp_path_factory.mktemp("cited"))
    write_files(srcdir, FILES)
    return build_app(srcdir, "dirhtml", confoverrides={"symposium_doi": f"https://doi.org/{DOI}",
                                                       "html_static_path": ["_static"]})


def zotero_item(doc) -> dict:
    """The item Zotero's "Embedded Metadata" translator makes of a page, by its rules for Highwire
    tags: meta tags in the <head> only; citation_conference_title makes a conferencePaper; each
    citation_author with a comma is "last, first" (split on ';', or on ',' only when both sides hold
    a space); citation_date or citation_publication_date the date; citation_pdf_url an attachment."""
    def tag(name: str) -> list[str]:
        return doc.xpath(f'/html/head/meta[@name="{name}"]/@content')

    item: dict = {"itemType": "conferencePaper" if tag("citation_conference_title") else "journalArticle",
                  "creators": [], "attachments": []}
    for name, field in (("citation_title", "title"), ("citation_publication_date", "date"), ("citation_date", "date"),
                        ("citation_conference_title", "conferenceName"), ("citation_doi", "DOI"),
                        ("citation_abstract", "abstractNote")):
        if values := tag(name):
            item[field] = " ".join(values[0].split())
    for value in tag("citation_author"):
        authors = value.split(";")
        by_comma = authors[0].split(",")
        if len(authors) == 1 and len(by_comma) > 1 and " " in by_comma[0].strip() and " " in by_comma[1].strip():
            authors = by_comma
        for author in map(str.strip, authors):
            if "," in author:  # "last, first"
                last, _, first = author.partition(",")
            else:  # "first last"
                first, _, last = author.rpartition(" ")
            item["creators"].append((last.strip(), first.strip()))
    item["attachments"] = [{"title": "Full Text PDF", "url": url} for url in tag("citation_pdf_url")[:1]]
    return item


def test_the_talk_page_carries_the_tags_zotero_and_scholar_read(cited):
    assert parse_warnings(cited) == []
    doc = parse_page(cited, "talks/notes/index.html")
    for meta in select(doc, '//meta[starts-with(@name, "citation_")]'):
        assert meta.getparent().tag == "head"
    item = zotero_item(doc)
    assert item == {
        "itemType": "conferencePaper",
        "title": "Notes on the Engine & 100% of Its Tables",
        "creators": [("Lovelace", "Ada"), ("Ferreira da Silva", "Rafael")],  # the speakers, in order; not the moderator
        "date": "2025/11/21",
        "conferenceName": "Test Symposium 2025",  # the event's full name: without symposium_name, its short name (project)
        "DOI": DOI,  # conf.py's link, as the DOI alone
        "abstractNote": "The abstract: R&D at 100%.",
        "attachments": [{"title": "Full Text PDF",
                         "url": "https://symposium.example.org/_static/slides/notes.pdf"}],
    }
    assert doc.xpath('//head/meta[@name="citation_publication_date"]/@content') == ["2025/11/21"]


def test_slides_elsewhere_than_the_repository_are_no_pdf_of_the_talk(cited):
    # engines.md's slides are https://example.org/slides.pdf: not the site's to offer as the full text
    doc = parse_page(cited, "talks/engines/index.html")
    assert doc.xpath('//meta[@name="citation_pdf_url"]') == []
    assert doc.xpath('//head/meta[@name="citation_author"]/@content') == ["Babbage, Charles"]


def test_the_cite_block_shows_the_files_it_offers(cited):
    out = Path(cited.outdir)
    doc = parse_page(cited, "talks/notes/index.html")
    block = select_one(doc, '//details[contains(@class, "symposium-cite")]')
    assert "open" not in block.attrib  # closed until the reader opens it
    assert words(select_one(block, "summary")) == "Cite this talk"
    assert block.xpath("following-sibling::*") == []  # the last thing of the talk's text
    texts = [pre.text_content() for pre in select(block, ".//pre")]
    links = {a.text_content(): a for a in select(block, ".//a[@download]")}
    assert sorted(links) == ["BibTeX (.bib)", "CSL-JSON (.json)"]
    bib = links["BibTeX (.bib)"].get("href")
    csl = links["CSL-JSON (.json)"].get("href")
    assert (bib, csl) == ("../notes.bib", "../notes.csl.json")
    assert texts == [(out / "talks/notes.bib").read_text("utf-8"), (out / "talks/notes.csl.json").read_text("utf-8")]
    assert f"https://doi.org/{DOI}" in block.xpath(".//a/@href")
    assert "no-search" in block.get("class")  # the search finds the talk by its title, not by its BibTeX


def test_the_files_parse_with_the_doi_and_the_key(cited):
    import bibtexparser
    from bibtexparser import middlewares

    out = Path(cited.outdir)
    library = bibtexparser.parse_string((out / "talks/notes.bib").read_text("utf-8"), append_middleware=[
        middlewares.SeparateCoAuthors(), middlewares.SplitNameParts(), middlewares.LatexDecodingMiddleware()])
    (entry,) = library.entries
    assert entry.key == "testsymposium2025:notes"  # the site's acronym and the talk's slug
    assert entry["doi"] == DOI and entry["url"] == "https://symposium.example.org/talks/notes/"
    assert entry["title"] == "Notes on the Engine & 100% of Its Tables"
    assert [name.last for name in entry["author"]] == [["Lovelace"], ["{Ferreira da Silva}"]]
    (csl,) = json.loads((out / "talks/notes.csl.json").read_text("utf-8"))
    assert csl["id"] == entry.key and csl["DOI"] == DOI and csl["genre"] == "Discussion"
    assert csl["author"] == [{"family": "Lovelace", "given": "Ada"}, {"family": "Ferreira da Silva", "given": "Rafael"}]


def test_a_cancelled_talk_is_not_cited(build):
    app = build({"talks/notes.md": NOTES.replace("  slides:", "  status: cancelled\n  slides:"),
                 "speakers/rafael-ferreira-da-silva.md": RAFAEL}, buildername="dirhtml")
    out = Path(app.outdir)
    doc = parse_page(app, "talks/notes/index.html")
    assert doc.xpath('//meta[starts-with(@name, "citation_")]') == []
    assert doc.xpath('//details[contains(@class, "symposium-cite")]') == []
    assert not (out / "talks/notes.bib").exists() and not (out / "talks/notes.csl.json").exists()
    assert (out / "talks/engines.bib").is_file()


def test_a_malformed_doi_is_one_located_config_warning(build):
    app = build(buildername="dirhtml", confoverrides={"symposium_doi": "10.52/zenodo 1"})
    (warning,) = symposium_warnings(app)
    assert warning.type == "symposium.config"
    assert "symposium_doi = '10.52/zenodo 1': expected a DOI such as '10.5281/zenodo.1234567'" in warning.message
    assert "doi" not in (Path(app.outdir) / "talks/engines.bib").read_text("utf-8")  # and the build goes on without


def test_a_family_name_that_is_not_in_the_name_is_one_located_warning(build):
    app = build({"speakers/rafael-ferreira-da-silva.md": RAFAEL.replace("family_name: Ferreira da Silva",
                                                                        "family_name: da Silva Ferreira")},
                buildername="dirhtml")
    assert [(w.type, w.path, w.line) for w in symposium_warnings(app)] == [
        ("symposium.frontmatter", "speakers/rafael-ferreira-da-silva.md", 4)]


def test_without_the_sites_address_nothing_is_cited(build):
    app = build(buildername="dirhtml", confoverrides={"html_baseurl": ""})
    doc = parse_page(app, "talks/engines/index.html")
    assert doc.xpath('//meta[starts-with(@name, "citation_")]') == []
    assert doc.xpath('//details[contains(@class, "symposium-cite")]') == []


@pytest.mark.parametrize("buildername", ["singlehtml", "text", "latex"])
def test_other_builders_show_no_cite_block(build, buildername):
    app = build(buildername=buildername)
    assert [w for w in parse_warnings(app) if "symposium" in w.type] == []
    text = "\n".join(path.read_text("utf-8", errors="replace") for path in Path(app.outdir).rglob("*")
                     if path.is_file() and path.suffix in {".html", ".txt", ".tex"})
    assert "Cite this talk" not in text and "@misc" not in text
