"""What the real site publishes for search engines and link previews: JSON-LD, OpenGraph, sitemap, canonical links."""

from __future__ import annotations

import struct
from pathlib import Path

from lxml import etree, html

from helpers import TALKS, jsonld, meta, parse_page


def html_pages(app) -> list[Path]:
    out = Path(app.outdir)
    return sorted(p for p in out.rglob("*.html") if p.relative_to(out).parts[0] not in {"_static", "_images"})


def url_of(app, page: Path) -> str:
    """The URL a built file answers at, as dirhtml names it."""
    return app.config.html_baseurl + page.relative_to(app.outdir).as_posix().removesuffix("index.html")


def test_real_home_page_event(real_site):
    base = real_site.config.html_baseurl
    data = jsonld(parse_page(real_site, "index.html"))
    assert data["name"] == "First International Symposium on Artificial Intelligence and Extreme-Scale Workflows"
    assert data["alternateName"] == "AIExScale 2025"
    assert data["description"].startswith("Extreme-scale workflows play a crucial role")
    assert (data["startDate"], data["endDate"]) == ("2025-11-21T08:30:00-06:00", "2025-11-21T12:30:00-06:00")
    assert data["location"] == {
        "@type": "Place", "name": "America's Center Convention Complex",
        "address": {"@type": "PostalAddress", "addressLocality": "St. Louis", "addressRegion": "Missouri",
                    "addressCountry": "USA"},
    }
    assert [p["name"] for p in data["organizer"]] == ["Orcun Yildiz", "Loïc Pottier"]
    assert data["superEvent"] == {"@type": "Event", "name": "SC25", "url": "https://sc25.supercomputing.org"}
    talks = [event["@id"] for event in data["subEvent"] if len(event) == 1]
    assert talks == [base + f"talks/{slug}/#event" for slug in TALKS]
    for slug, ref in zip(TALKS, talks, strict=True):
        assert jsonld(parse_page(real_site, f"talks/{slug}/index.html"))["@id"] == ref
    others = [(event["name"], event["startDate"]) for event in data["subEvent"] if len(event) > 1]
    assert others == [("Welcome", "2025-11-21T08:30:00-06:00"), ("Break", "2025-11-21T10:00:00-06:00"),
                      ("Closing remarks", "2025-11-21T12:20:00-06:00")]


def test_real_keynote_event(real_site):
    base = real_site.config.html_baseurl
    data = jsonld(parse_page(real_site, "talks/keynote-tbd/index.html"))
    assert data["name"] == ("Trillion-Parameter Foundation Models as Discovery Accelerators: "
                            "Toward a Scientific Discovery Platform")
    assert data["startDate"] == "2025-11-21T08:35:00-06:00"
    assert data["endDate"] == "2025-11-21T09:30:00-06:00"
    assert data["url"] == base + "talks/keynote-tbd/"
    assert [(p["name"], [a["name"] for a in p["affiliation"]]) for p in data["performer"]] == [
        ("Ian Foster", ["Argonne National Laboratory", "University of Chicago"])]
    assert data["description"].startswith("Foundation models tuned for science")
    assert data["location"]["name"] == "America's Center Convention Complex"  # no room is known
    assert data["superEvent"] == {"@id": base + "#event"}
    discussion = jsonld(parse_page(real_site, "talks/moderated-discussion/index.html"))
    assert [p["name"] for p in discussion["performer"]] == [
        "Ian Foster", "Debbie Bard", "Rafael Ferreira da Silva", "Katrin Heitmann"]
    assert [p["name"] for p in discussion["contributor"]] == ["Orcun Yildiz", "Loïc Pottier"]


def test_real_speaker_person(real_site):
    data = jsonld(parse_page(real_site, "speakers/ian-foster/index.html"))
    assert (data["@type"], data["name"], data["honorificPrefix"]) == ("Person", "Ian Foster", "Dr.")
    assert data["jobTitle"] == "Director, Data Science and Learning Division"
    assert [a["name"] for a in data["affiliation"]] == ["Argonne National Laboratory", "University of Chicago"]
    assert data["url"] == real_site.config.html_baseurl + "speakers/ian-foster/"
    assert "image" not in data  # no photo: the avatar is not a picture of him


def test_real_opengraph(real_site):
    base = real_site.config.html_baseurl
    talk = parse_page(real_site, "talks/keynote-tbd/index.html")
    abstract = jsonld(talk)["description"]
    (description,) = meta(talk, "og:description")
    assert description.startswith("Foundation models tuned for science and trained at the trillion-parameter")
    assert abstract.startswith(description.removesuffix("\u2026"))
    for header_text in ("Featured Speaker", "8:35", "CST", "Speaker:"):
        assert header_text not in description
    assert meta(talk, "description") == [description]
    assert meta(talk, "og:title") == [jsonld(talk)["name"]]
    assert meta(talk, "og:url") == [base + "talks/keynote-tbd/"]
    assert meta(talk, "twitter:card") == ["summary_large_image"]
    (image,) = meta(talk, "og:image")
    assert image == base + "_static/social-card.png"
    png = (Path(real_site.outdir) / "_static" / "social-card.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1200, 630)
    assert meta(talk, "og:image:width") == ["1200"] and meta(talk, "og:image:height") == ["630"]
    speaker = parse_page(real_site, "speakers/debbie-bard/index.html")
    (bio,) = meta(speaker, "og:description")
    assert bio.startswith("Debbie Bard")
    assert "In the program" not in bio and "Contact" not in bio


def test_every_real_page_has_one_description_and_one_canonical_link(real_site):
    pages = html_pages(real_site)
    assert len(pages) > 15
    for page in pages:
        doc = html.parse(str(page)).getroot()
        descriptions = meta(doc, "description")
        assert len(descriptions) == 1 and descriptions[0].strip(), page
        assert doc.xpath('//head/link[@rel="canonical"]/@href') == [url_of(real_site, page)], page


def test_real_sitemap_lists_every_page(real_site):
    base = real_site.config.html_baseurl
    tree = etree.parse(str(Path(real_site.outdir) / "sitemap.xml"))
    locs = tree.xpath("//s:url/s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"})
    assert len(locs) == len(set(locs))
    assert all(loc.startswith(base) for loc in locs)
    # every page but the program made for another site's iframe (program/embed, embed: true, noindex)
    assert set(locs) == {base + real_site.builder.get_target_uri(doc) for doc in real_site.env.found_docs
                         if doc != "program/embed"}
    for loc in locs:  # each one answers
        assert (Path(real_site.outdir) / loc.removeprefix(base) / "index.html").is_file(), loc
    # the search page is not content
    assert not any("search" in loc for loc in locs)
