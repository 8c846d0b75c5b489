"""Slides, videos and recordings on tests/roots/test-material: the marks in the program and the
grid, the talk page's click-to-load player, ``recording: false``, ``{materials}``, and what the
exports and the JSON-LD say of them.

The player at work, with the browser's request log, is tests/browser/test_material_browser.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree

from helpers import (
    VALIDATORS,
    jsonld,
    parse_page,
    parse_warnings,
    schedule_events,
    select,
    select_one,
    symposium_warnings,
    words,
)

BASE = "https://material.example.org/"
needs_validators = pytest.mark.skipif(not VALIDATORS.is_dir(), reason=f"no schemas at {VALIDATORS} (CI has them)")


@pytest.fixture(scope="module")
def site(built):
    app = built("material", "dirhtml")
    assert parse_warnings(app) == []
    return app


def test_the_program_marks_slides_and_videos_and_links_the_video_to_the_talks_player(site):
    doc = parse_page(site, "program/index.html")
    marks = {words(row.xpath('.//*[contains(@class, "symposium-title")]')[0]):
             [(a.text, a.get("href")) for a in row.xpath('.//a[contains(@class, "symposium-mark")]')]
             for row in select(doc, "//table//tbody/tr")}
    assert marks == {
        "Welcome": [("Slides", "../_static/slides/welcome.pdf")],  # an item without a page: a file of the site
        "Engines on Video": [("Slides", "https://example.org/slides/engines.pdf"),
                             ("Video", "../talks/engines-on-video/#symposium-video")],
        "Compilers on Vimeo": [("Video", "../talks/compilers-on-vimeo/#symposium-video")],
        "A Local Recording": [("Video", "../talks/a-local-recording/#symposium-video")],
        "Off the Record": [], "Break": [], "A Later Talk": [],
    }
    grid = parse_page(site, "program/grid/index.html")
    cell = select_one(grid, '//*[@id="grid-item-engines-on-video"]')
    assert [a.text for a in cell.xpath('.//a[contains(@class, "symposium-mark")]')] == ["Slides", "Video"]


@pytest.mark.parametrize(("page", "kind", "player", "link"), [
    ("engines-on-video", "frame", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90",
     "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s"),
    ("compilers-on-vimeo", "frame", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1",
     "https://vimeo.com/76979871"),
    ("a-local-recording", "file", "../../_static/videos/lightning.webm", "../../_static/videos/lightning.webm"),
])
def test_a_talks_video_is_a_poster_that_loads_nothing_until_asked(site, page, kind, player, link):
    doc = parse_page(site, f"talks/{page}/index.html")
    figure = select_one(doc, '//figure[@id="symposium-video"]')
    assert (figure.get("data-kind"), figure.get("data-player")) == (kind, player)
    poster = select_one(figure, './a[@class="symposium-video-poster"]')  # without JavaScript, a link to the video
    assert poster.get("href") == link
    assert words(select_one(poster, './/*[@class="symposium-video-title"]')) == words(select_one(doc, "//h1")).rstrip("#¶")
    # nothing in the page that a browser would load from the host: no frame, no video, no image
    assert doc.xpath("//iframe | //video | //object | //embed") == []
    for element in doc.xpath("//*[@src] | //link[@href]"):
        address = element.get("src") or element.get("href")
        assert urlsplit(address).hostname in {None, "material.example.org"}, address
    # the player's script, on the pages with a player only
    assert [s for s in doc.xpath("//script/@src") if "player.js" in s]
    # after the header, which keeps the link in its "Material:" line for other builders
    header = select_one(doc, '//*[contains(@class, "symposium-talk-header")]')
    assert header.getnext() is figure or figure in header.itersiblings()
    assert "Video" in words(select_one(header, './/*[contains(@class, "symposium-material")]'))


def test_pages_without_a_player_load_no_player_script(site):
    for page in ("talks/off-the-record/index.html", "program/index.html", "index.html"):
        assert not [s for s in parse_page(site, page).xpath("//script/@src") if "player.js" in s], page


def test_a_talk_that_must_not_be_recorded_says_so(site):
    header = select_one(parse_page(site, "talks/off-the-record/index.html"), '//*[contains(@class, "symposium-talk-header")]')
    assert words(select_one(header, './/*[contains(@class, "symposium-recording")]')) == "Recording: Not recorded"


def test_the_materials_page_lists_every_talk_with_its_slides_and_recording(site):
    doc = parse_page(site, "program/materials/index.html")
    table = select_one(doc, '//table[contains(@class, "symposium-materials")]')
    assert [words(th) for th in table.xpath(".//thead//th")] == ["Talk", "Slides", "Recording"]
    rows = [[words(td) for td in row.xpath("./td")] for row in table.xpath(".//tbody/tr")]
    assert rows == [
        ["Welcome 9:00 AM · Ada Lovelace", "Slides", "none"],
        ["Engines on Video 9:10 AM · Ada Lovelace More: The notes", "Slides", "Video"],
        ["Compilers on Vimeo 9:50 AM · Grace Hopper", "none", "Video"],
        ["A Local Recording 10:10 AM · Grace Hopper", "none", "Video"],
        ["Off the Record 10:20 AM", "none", "Not recorded"],
        ["A Later Talk 11:00 AM · Ada Lovelace, Grace Hopper", "none", "none"],  # the break has no material
    ]
    links = {words(a): a.get("href") for a in table.xpath(".//tbody/tr[2]//a")}
    assert links == {"Engines on Video": "../../talks/engines-on-video/", "Ada Lovelace": "../../speakers/ada-lovelace/",
                     "The notes": "https://example.org/notes", "Slides": "https://example.org/slides/engines.pdf",
                     "Video": "../../talks/engines-on-video/#symposium-video"}


def test_other_builders_keep_the_video_as_a_link(built):
    app = built("material", "text")
    assert parse_warnings(app) == []
    text = (Path(app.outdir) / "talks" / "engines-on-video.txt").read_text("utf-8")
    assert "Material: Slides · Video · The notes" in " ".join(text.replace("**", "").split())
    materials = (Path(app.outdir) / "program" / "materials.txt").read_text("utf-8")
    assert "Not recorded" in materials


@needs_validators
def test_the_schedule_says_which_talks_must_not_be_recorded_and_links_the_material(site):
    import jsonschema

    out = Path(site.outdir)
    data = json.loads((out / "schedule.json").read_text("utf-8"))
    schema = json.loads((VALIDATORS / "c3voc-schedule.schema.json").read_text("utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(data)
    events = {event["title"]: event for event in schedule_events(data)}
    assert {title: event["do_not_record"] for title, event in events.items()} == {
        "Welcome": False, "Engines on Video": False, "Compilers on Vimeo": False, "A Local Recording": False,
        "Off the Record": True, "Break": False, "A Later Talk": False}
    assert [(link["type"], link["url"]) for link in events["Engines on Video"]["links"]] == [
        ("slides", "https://example.org/slides/engines.pdf"),
        ("media", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s"),
        ("related", "https://example.org/notes"),
        ("web", BASE + "talks/engines-on-video/")]
    assert ("media", BASE + "_static/videos/lightning.webm") in [
        (link["type"], link["url"]) for link in events["A Local Recording"]["links"]]
    doc = etree.parse(str(out / "schedule.xml"))
    xsd = etree.XMLSchema(etree.parse(str(VALIDATORS / "c3voc-schedule.xml.xsd")))
    assert xsd.validate(doc), xsd.error_log
    assert {e.findtext("title"): e.findtext("recording/optout") for e in doc.iter("event")}["Off the Record"] == "true"
    assert {e.findtext("recording/optout") for e in doc.iter("event") if e.findtext("title") != "Off the Record"} == {"false"}


def test_the_jsonld_has_the_recording_and_the_works_featured(site):
    data = jsonld(parse_page(site, "talks/engines-on-video/index.html"))
    assert data["recordedIn"] == {
        "@type": "VideoObject", "name": "Engines on Video", "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s",
        "embedUrl": "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90"}
    assert data["workFeatured"] == [
        {"@type": "PresentationDigitalDocument", "name": "Engines on Video (slides)",
         "url": "https://example.org/slides/engines.pdf"},
        {"@type": "CreativeWork", "name": "The notes", "url": "https://example.org/notes"}]
    local = jsonld(parse_page(site, "talks/a-local-recording/index.html"))
    assert local["recordedIn"]["contentUrl"] == local["recordedIn"]["url"] == BASE + "_static/videos/lightning.webm"
    assert "recordedIn" not in jsonld(parse_page(site, "talks/off-the-record/index.html"))
    # an item without a page, in the home page's program
    welcome = jsonld(parse_page(site, "index.html"))["subEvent"][0]
    assert welcome["workFeatured"] == [{"@type": "PresentationDigitalDocument", "name": "Welcome (slides)",
                                        "url": BASE + "_static/slides/welcome.pdf"}]


def test_an_e_book_keeps_the_poster_as_a_link_in_well_formed_xhtml(built):
    app = built("material", "epub", version="1")
    assert symposium_warnings(app) == []  # (EPUB's own: no copyright, a PDF and a video it has no type for)
    page = etree.parse(str(Path(app.outdir) / "talks" / "engines-on-video.xhtml"))  # XML: it must be well formed
    xhtml = {"x": "http://www.w3.org/1999/xhtml"}
    poster = page.xpath('//x:a[@class="symposium-video-poster"]', namespaces=xhtml)
    assert [a.get("href") for a in poster] == ["https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s"]
    assert page.xpath("//svg:svg", namespaces={"svg": "http://www.w3.org/2000/svg"})
    assert not page.xpath('//x:script[contains(@src, "player.js")]', namespaces=xhtml)
