"""What pages publish for search engines and link previews, on the minimal root: JSON-LD and OpenGraph.

The real site's are checked in tests/site/test_site_head.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from helpers import ROOTS, edit_source, jsonld, meta, parse_page, parse_warnings

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


# -- JSON-LD on the minimal root ------------------------------------------------------------------


def test_home_page_is_the_symposium_with_its_program(built):
    site = built("minimal", "dirhtml", **EVENT)  # with a base URL, a venue and a host conference
    assert parse_warnings(site) == []
    data = jsonld(parse_page(site, "index.html"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["@id"] == BASE + "#event"
    assert data["url"] == BASE
    assert data["name"] == "Test Symposium 2025"  # conf.py's name (here `project`), never the home page's heading
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
        assert jsonld(parse_page(site, page))["@id"] == ref["@id"]


def test_talk_page_is_an_event_with_its_performers(built):
    site = built("minimal", "dirhtml", **EVENT)  # with a base URL, a venue and a host conference
    data = jsonld(parse_page(site, "talks/engines/index.html"))
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
    notes = jsonld(parse_page(site, "talks/notes/index.html"))
    assert [p["name"] for p in notes["performer"]] == ["Ada Lovelace"]
    assert [p["name"] for p in notes["contributor"]] == ["Charles Babbage"]  # the moderator
    assert notes["endDate"] == "2025-11-21T10:30:00-06:00"


def test_speaker_page_is_a_person(build):
    source = (ROOTS / "test-minimal" / "speakers" / "ada-lovelace.md").read_text("utf-8")
    app = build(
        {"speakers/ada-lovelace.md": source.replace("  email:", "  position: Analyst\n  photo: _static/ada.png\n  email:"),
         "_static/ada.png": "a photo"},
        buildername="dirhtml", confoverrides={**EVENT, "html_static_path": ["_static"]},
    )
    assert parse_warnings(app) == []
    data = jsonld(parse_page(app, "speakers/ada-lovelace/index.html"))
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


def test_pages_that_are_not_a_talk_or_a_speaker_have_no_jsonld(built):
    site = built("minimal", "dirhtml", **EVENT)  # with a base URL, a venue and a host conference
    for path in ("program/index.html", "search/index.html"):
        assert parse_page(site, path).xpath('//script[@type="application/ld+json"]') == []


def test_only_html_and_dirhtml_pages_carry_jsonld(built):
    app = built("minimal", "singlehtml", **EVENT)
    assert parse_warnings(app) == []
    assert parse_page(app, "index.html").xpath('//script[@type="application/ld+json"]') == []


def test_without_a_base_url_the_ids_are_relative_to_the_page(built):
    app = built("minimal", "dirhtml", html_baseurl="")
    home = jsonld(parse_page(app, "index.html"))
    talk = jsonld(parse_page(app, "talks/engines/index.html"))
    assert home["@id"] == "#event"
    assert home["subEvent"][1] == {"@id": "talks/engines/#event"}
    # from talks/engines/, the same two nodes
    assert talk["@id"] == "#event"
    assert talk["superEvent"] == {"@id": "../../#event"}


# -- escaping ---------------------------------------------------------------------------------------


def test_a_title_that_closes_the_script_stays_inside_it(build):
    plain = build(buildername="dirhtml", confoverrides={**EVENT, **OPENGRAPH, "smartquotes": False})
    expected = len(parse_page(plain, "talks/engines/index.html").xpath("//script"))
    source = (Path(plain.srcdir) / "talks" / "engines.md").read_text("utf-8")
    # in code, as a title about markup is written (text that looks like a tag outside code is a warning)
    hostile = source.replace("# Engines of Thought", "# `</script><b>\"x\" & 'y'`")
    app = build({"talks/engines.md": hostile}, buildername="dirhtml",
                confoverrides={**EVENT, **OPENGRAPH, "smartquotes": False}, freshenv=True)
    assert parse_warnings(app) == []
    raw = (Path(app.outdir) / "talks" / "engines" / "index.html").read_text("utf-8")
    block = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert "\\u003c/script\\u003e\\u003cb\\u003e\\\"x\\\" \\u0026 'y'" in block
    doc = parse_page(app, "talks/engines/index.html")
    assert jsonld(doc)["name"] == HOSTILE
    assert len(doc.xpath("//script")) == expected  # nothing injected
    assert doc.xpath("//b") == []
    assert meta(doc, "og:title") == [HOSTILE]
    assert doc.xpath("//h1")[0].text_content().rstrip("#\u00b6") == HOSTILE
    # the home page names the talk only by its @id; the program table shows the title as text
    home = parse_page(app, "index.html")
    assert len(home.xpath("//script")) == len(parse_page(plain, "index.html").xpath("//script"))
    assert HOSTILE in home.xpath('//table[contains(@class, "symposium-program")]')[0].text_content()


# -- descriptions -----------------------------------------------------------------------------------


def test_opengraph_takes_the_abstract_and_the_biography(built):
    app = built("minimal", "dirhtml", **EVENT, **OPENGRAPH)
    assert parse_warnings(app) == []
    talk = parse_page(app, "talks/engines/index.html")
    assert meta(talk, "og:description") == ["The abstract."]  # not "Keynote Friday, November 21..."
    assert meta(talk, "description") == ["The abstract."]
    assert meta(talk, "og:title") == ["Engines of Thought"]
    assert meta(talk, "og:url") == [BASE + "talks/engines/"]
    assert meta(talk, "og:image") == [BASE + "_static/card.png"]
    speaker = parse_page(app, "speakers/charles-babbage/index.html")
    assert meta(speaker, "og:description") == meta(speaker, "description") == ["Designed the engines."]


# -- after an edit -----------------------------------------------------------------------------------


def test_an_edit_reaches_the_home_page_jsonld_without_a_program_table(build):
    # no listing on the home page, and the pages two levels down the navigation: Sphinx
    # rewrites the pages that show an edited page in their toctree, not their parents
    home = "# Test symposium\n\n```{toctree}\nabout\n```\n"
    about = "# About\n\n```{toctree}\n:glob:\n\nprogram/index\nspeakers/*\ntalks/*\n```\n"
    first = build({"index.md": home, "about.md": about}, buildername="dirhtml", confoverrides=EVENT)
    assert parse_warnings(first) == []
    assert jsonld(parse_page(first, "index.html"))["endDate"] == "2025-11-21T10:30:00-06:00"
    talk = Path(first.srcdir) / "talks" / "notes.md"
    edit_source(talk, talk.read_text("utf-8").replace("duration: 30", "duration: 45"))
    second = build(buildername="dirhtml", confoverrides=EVENT)
    assert parse_warnings(second) == []
    assert jsonld(parse_page(second, "index.html"))["endDate"] == "2025-11-21T10:45:00-06:00"
