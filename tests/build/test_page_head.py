"""What the site publishes for search engines and link previews: JSON-LD, OpenGraph, sitemap, canonical links."""

from __future__ import annotations

import json
import os
import struct
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree, html

from conftest import parse_warnings
from symposium.html_page.descriptions import prose, shortened
from symposium.html_page.jsonld import script

BASE = "https://example.org/symposium/"
#: the minimal test root, with a venue, a host conference and an address for its pages
EVENT = {
    "html_baseurl": BASE,
    "symposium_venue": "Hall of Engines, London, England, UK",
    "symposium_colocated_with": {"name": "SC25", "url": "https://sc25.supercomputing.org"},
}
OPENGRAPH = {"extensions": ["myst_parser", "sphinxext.opengraph", "symposium"], "ogp_site_url": BASE,
             "ogp_image": "_static/card.png", "ogp_social_cards": {"enable": False}}
HOSTILE = "</script><b>\"x\" & 'y'"


def parse(app, path: str):
    return html.parse(str(Path(app.outdir) / path)).getroot()


def jsonld(doc) -> dict:
    """The page's one JSON-LD block, which must sit in the head."""
    blocks = doc.xpath('//script[@type="application/ld+json"]')
    assert len(blocks) == 1
    assert blocks[0].getparent().tag == "head"
    return json.loads(blocks[0].text)


def meta(doc, key: str) -> list[str]:
    return doc.xpath(f'//head/meta[@property="{key}" or @name="{key}"]/@content')


def html_pages(app) -> list[Path]:
    out = Path(app.outdir)
    return sorted(p for p in out.rglob("*.html") if p.relative_to(out).parts[0] not in {"_static", "_images"})


def url_of(app, page: Path) -> str:
    """The URL a built file answers at, as dirhtml names it."""
    return app.config.html_baseurl + page.relative_to(app.outdir).as_posix().removesuffix("index.html")


# -- JSON-LD on the minimal root ------------------------------------------------------------------


@pytest.fixture
def site(build):
    """The minimal root with dirhtml, a base URL, a venue and a host conference."""
    return build(buildername="dirhtml", confoverrides=EVENT)


def test_home_page_is_the_symposium_with_its_program(site):
    assert parse_warnings(site) == []
    data = jsonld(parse(site, "index.html"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["@id"] == BASE + "#event"
    assert data["url"] == BASE
    assert data["name"] == "Test symposium"  # the home page's title
    # the first item's start and the last item's end, with the offset of the day
    assert data["startDate"] == "2025-11-21T09:00:00-06:00"
    assert data["endDate"] == "2025-11-21T10:30:00-06:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place", "name": "Hall of Engines",
        "address": {"@type": "PostalAddress", "addressLocality": "London", "addressRegion": "England",
                    "addressCountry": "UK"},
    }
    # the people who open it organise it
    assert [(p["@type"], p["name"], p["@id"]) for p in data["organizer"]] == [
        ("Person", "Ada Lovelace", BASE + "speakers/ada-lovelace/#person")]
    assert data["superEvent"] == {"@type": "Event", "name": "SC25", "url": "https://sc25.supercomputing.org"}
    welcome, engines, notes = data["subEvent"]
    assert welcome["@id"] == BASE + "program/#item-20251121-0900-welcome-room-1"  # its row in the program table
    assert (welcome["name"], welcome["startDate"], welcome["endDate"]) == (
        "Welcome", "2025-11-21T09:00:00-06:00", "2025-11-21T09:10:00-06:00")
    assert [p["name"] for p in welcome["performer"]] == ["Ada Lovelace"]
    # talks by reference: each is described on its own page, under the same @id
    assert engines == {"@id": BASE + "talks/engines/#event"}
    assert notes == {"@id": BASE + "talks/notes/#event"}
    for ref, page in ((engines, "talks/engines/index.html"), (notes, "talks/notes/index.html")):
        assert jsonld(parse(site, page))["@id"] == ref["@id"]


def test_talk_page_is_an_event_with_its_performers(site):
    data = jsonld(parse(site, "talks/engines/index.html"))
    assert data["@type"] == "Event"
    assert data["@id"] == BASE + "talks/engines/#event"
    assert data["url"] == BASE + "talks/engines/"
    assert data["name"] == "Engines of Thought"
    assert data["description"] == "The abstract."
    assert (data["startDate"], data["endDate"]) == ("2025-11-21T09:10:00-06:00", "2025-11-21T10:00:00-06:00")
    # the room is the place, inside the venue, with the venue's address
    assert data["location"]["@type"] == "Place"
    assert data["location"]["name"] == "Room 1"
    assert data["location"]["address"]["addressLocality"] == "London"
    assert data["location"]["containedInPlace"]["name"] == "Hall of Engines"
    assert data["performer"] == [{
        "@type": "Person", "@id": BASE + "speakers/charles-babbage/#person", "name": "Charles Babbage",
        "url": BASE + "speakers/charles-babbage/",
        "affiliation": [{"@type": "Organization", "name": "Analytical Engine Society"},
                        {"@type": "Organization", "name": "Royal Society"}],
    }]
    assert data["superEvent"] == {"@id": BASE + "#event"}
    notes = jsonld(parse(site, "talks/notes/index.html"))
    assert [p["name"] for p in notes["performer"]] == ["Ada Lovelace"]
    assert [p["name"] for p in notes["contributor"]] == ["Charles Babbage"]  # the moderator
    assert notes["endDate"] == "2025-11-21T10:30:00-06:00"


def test_speaker_page_is_a_person(build):
    source = (Path(__file__).parent / "roots" / "test-minimal" / "speakers" / "ada-lovelace.md").read_text("utf-8")
    app = build(
        {"speakers/ada-lovelace.md": source.replace("  email:", "  position: Analyst\n  photo: _static/ada.png\n  email:"),
         "_static/ada.png": "a photo"},
        buildername="dirhtml", confoverrides={**EVENT, "html_static_path": ["_static"]},
    )
    assert parse_warnings(app) == []
    data = jsonld(parse(app, "speakers/ada-lovelace/index.html"))
    assert data == {
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": BASE + "speakers/ada-lovelace/#person",
        "name": "Ada Lovelace",
        "url": BASE + "speakers/ada-lovelace/",
        "honorificPrefix": "Dr.",
        "jobTitle": "Analyst",
        "affiliation": [{"@type": "Organization", "name": "Analytical Engine Society"}],
        "sameAs": ["https://example.org/ada"],
        "image": BASE + "_static/ada.png",
        "description": "Wrote the first published program.",
    }
    # the image is where its URL says
    assert (Path(app.outdir) / urlsplit(data["image"]).path.removeprefix(urlsplit(BASE).path)).read_text() == "a photo"
    # the address is never published, here either
    assert "ada@example.org" not in json.dumps(data)


def test_pages_that_are_not_a_talk_or_a_speaker_have_no_jsonld(site):
    for path in ("program/index.html", "search/index.html"):
        assert parse(site, path).xpath('//script[@type="application/ld+json"]') == []


def test_only_html_and_dirhtml_pages_carry_jsonld(build):
    app = build(buildername="singlehtml", confoverrides=EVENT)
    assert parse_warnings(app) == []
    assert parse(app, "index.html").xpath('//script[@type="application/ld+json"]') == []


def test_without_a_base_url_the_ids_are_relative_to_the_page(build):
    app = build(buildername="dirhtml", confoverrides={"html_baseurl": ""})
    home = jsonld(parse(app, "index.html"))
    talk = jsonld(parse(app, "talks/engines/index.html"))
    assert home["@id"] == "#event"
    assert home["subEvent"][1] == {"@id": "talks/engines/#event"}
    # from talks/engines/, the same two nodes
    assert talk["@id"] == "#event"
    assert talk["superEvent"] == {"@id": "../../#event"}


# -- escaping ---------------------------------------------------------------------------------------


def test_a_title_that_closes_the_script_stays_inside_it(build):
    plain = build(buildername="dirhtml", confoverrides={**EVENT, **OPENGRAPH, "smartquotes": False})
    expected = len(parse(plain, "talks/engines/index.html").xpath("//script"))
    source = (Path(plain.srcdir) / "talks" / "engines.md").read_text("utf-8")
    # the backslashes keep Markdown from reading the title as HTML
    hostile = source.replace("# Engines of Thought", "# \\</script\\>\\<b\\>\"x\" & 'y'")
    app = build({"talks/engines.md": hostile}, buildername="dirhtml",
                confoverrides={**EVENT, **OPENGRAPH, "smartquotes": False}, freshenv=True)
    assert parse_warnings(app) == []
    raw = (Path(app.outdir) / "talks" / "engines" / "index.html").read_text("utf-8")
    block = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert "\\u003c/script\\u003e\\u003cb\\u003e\\\"x\\\" \\u0026 'y'" in block
    doc = parse(app, "talks/engines/index.html")
    assert jsonld(doc)["name"] == HOSTILE
    assert len(doc.xpath("//script")) == expected  # nothing injected
    assert doc.xpath("//b") == []
    assert meta(doc, "og:title") == [HOSTILE]
    assert doc.xpath("//h1")[0].text_content().rstrip("#\u00b6") == HOSTILE
    # the home page names the talk only by its @id; the program table shows the title as text
    home = parse(app, "index.html")
    assert len(home.xpath("//script")) == len(parse(plain, "index.html").xpath("//script"))
    assert HOSTILE in home.xpath('//table[contains(@class, "symposium-program")]')[0].text_content()


def test_script_escapes_every_character_html_reads():
    data = {"name": "</script><!-- & -->", "x": "\u2028"}
    text = script(data)
    body = text.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not {"<", ">", "&"} & set(body)
    assert json.loads(body) == data


# -- descriptions -----------------------------------------------------------------------------------


def test_description_is_the_prose_not_the_header():
    from docutils.core import publish_doctree

    doctree = publish_doctree(
        "Title\n=====\n\n.. container:: symposium-header\n\n   Keynote, 9:10 AM\n\n"
        "First paragraph of the abstract.\n\nSecond paragraph.\n\n- a list ends it\n\nLater text.\n",
        settings_overrides={"report_level": 5},
    )
    assert prose(doctree) == ["First paragraph of the abstract.", "Second paragraph."]


@pytest.mark.parametrize(("text", "length", "expected"), [
    ("short", 10, "short"),
    ("one two three four", 12, "one two\u2026"),
    ("one, two, three", 10, "one\u2026"),
    ("abcdefghijkl", 6, "abcde\u2026"),
])
def test_shortened_cuts_at_a_word(text, length, expected):
    assert shortened(text, length) == expected
    assert len(shortened(text, length)) <= length


def test_opengraph_takes_the_abstract_and_the_biography(build):
    app = build(buildername="dirhtml", confoverrides={**EVENT, **OPENGRAPH})
    assert parse_warnings(app) == []
    talk = parse(app, "talks/engines/index.html")
    assert meta(talk, "og:description") == ["The abstract."]  # not "Keynote Friday, November 21..."
    assert meta(talk, "description") == ["The abstract."]
    assert meta(talk, "og:title") == ["Engines of Thought"]
    assert meta(talk, "og:url") == [BASE + "talks/engines/"]
    assert meta(talk, "og:image") == [BASE + "_static/card.png"]
    speaker = parse(app, "speakers/charles-babbage/index.html")
    assert meta(speaker, "og:description") == meta(speaker, "description") == ["Designed the engines."]


# -- the real site -----------------------------------------------------------------------------------

TALK_PAGES = ["keynote-tbd", "invited-talk-1", "invited-talk-2", "invited-talk-3", "moderated-discussion"]


def test_real_home_page_event(real_site):
    base = real_site.config.html_baseurl
    data = jsonld(parse(real_site, "index.html"))
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
    assert talks == [base + f"talks/{slug}/#event" for slug in TALK_PAGES]
    for slug, ref in zip(TALK_PAGES, talks, strict=True):
        assert jsonld(parse(real_site, f"talks/{slug}/index.html"))["@id"] == ref
    others = [(event["name"], event["startDate"]) for event in data["subEvent"] if len(event) > 1]
    assert others == [("Welcome", "2025-11-21T08:30:00-06:00"), ("Break", "2025-11-21T10:00:00-06:00"),
                      ("Closing remarks", "2025-11-21T12:20:00-06:00")]


def test_real_keynote_event(real_site):
    base = real_site.config.html_baseurl
    data = jsonld(parse(real_site, "talks/keynote-tbd/index.html"))
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
    discussion = jsonld(parse(real_site, "talks/moderated-discussion/index.html"))
    assert [p["name"] for p in discussion["performer"]] == [
        "Ian Foster", "Debbie Bard", "Rafael Ferreira da Silva", "Katrin Heitmann"]
    assert [p["name"] for p in discussion["contributor"]] == ["Orcun Yildiz", "Loïc Pottier"]


def test_real_speaker_person(real_site):
    data = jsonld(parse(real_site, "speakers/ian-foster/index.html"))
    assert (data["@type"], data["name"], data["honorificPrefix"]) == ("Person", "Ian Foster", "Dr.")
    assert data["jobTitle"] == "Director, Data Science and Learning Division"
    assert [a["name"] for a in data["affiliation"]] == ["Argonne National Laboratory", "University of Chicago"]
    assert data["url"] == real_site.config.html_baseurl + "speakers/ian-foster/"
    assert "image" not in data  # no photo: the avatar is not a picture of him


def test_real_opengraph(real_site):
    base = real_site.config.html_baseurl
    talk = parse(real_site, "talks/keynote-tbd/index.html")
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
    speaker = parse(real_site, "speakers/debbie-bard/index.html")
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
    assert set(locs) == {base + real_site.builder.get_target_uri(doc) for doc in real_site.env.found_docs}
    for loc in locs:  # each one answers
        assert (Path(real_site.outdir) / loc.removeprefix(base) / "index.html").is_file(), loc
    # the search page is not content
    assert not any("search" in loc for loc in locs)


def test_an_edit_reaches_the_home_page_jsonld_without_a_program_table(build):
    # no listing on the home page, and the pages two levels down the navigation: Sphinx
    # rewrites the pages that show an edited page in their toctree, not their parents
    home = "# Test symposium\n\n```{toctree}\nabout\n```\n"
    about = "# About\n\n```{toctree}\n:glob:\n\nprogram/index\nspeakers/*\ntalks/*\n```\n"
    first = build({"index.md": home, "about.md": about}, buildername="dirhtml", confoverrides=EVENT)
    assert parse_warnings(first) == []
    assert jsonld(parse(first, "index.html"))["endDate"] == "2025-11-21T10:30:00-06:00"
    talk = Path(first.srcdir) / "talks" / "notes.md"
    talk.write_text(talk.read_text("utf-8").replace("duration: 30", "duration: 45"), encoding="utf-8")
    later = time.time() + 5  # newer than the last build, however fast the machine
    os.utime(talk, (later, later))
    second = build(buildername="dirhtml", confoverrides=EVENT)
    assert parse_warnings(second) == []
    assert jsonld(parse(second, "index.html"))["endDate"] == "2025-11-21T10:45:00-06:00"
