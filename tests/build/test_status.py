"""A cancelled talk, a cancelled item without a page and slots to be announced, in the pages of
every builder (html, dirhtml, singlehtml, latex, text), the calendars, the JSON-LD and the
conference apps' schedule. The model's side is tests/unit/test_status.py;
the browser's ("On now", axe in light and dark) tests/browser/test_status_browser.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree

from helpers import (
    VALIDATORS,
    calendar,
    events,
    jsonld,
    parse_page,
    parse_warnings,
    schedule_events,
    select,
    select_one,
    words,
)

ENGINES = """\
---
talk:
  type: keynote
  start: 9:10
  end: 10:00
  speakers: [charles-babbage]
  slides: https://example.org/slides.pdf
  status: cancelled
---
# Engines of Thought

The abstract.
"""
PROGRAM = """\
---
program:
  items:
    - {start: 9:00, end: 9:10, title: Welcome, type: opening, speakers: [ada-lovelace]}
    - {start: 10:30, end: 10:45, title: Coffee, type: break, status: cancelled}
    - {start: 10:45, end: 11:00, title: Lightning talks, type: lightning, status: tba}
    - {start: 11:00, end: 11:15, type: other, status: tba}
---
# Program

```{program-table}
```

```{program-grid}
```

```{talk-list}
```

```{program-downloads}
```
"""
#: the minimal root with its keynote cancelled, a cancelled break, a tba slot with a title and one without
FILES = {"talks/engines.md": ENGINES, "program/index.md": PROGRAM}
STRUCK = "Cancelled Engines of Thought"  # the mark, then the title in <s>


def status_build(built, buildername: str):
    app = built("minimal", buildername, files=FILES)
    assert parse_warnings(app) == []
    return app


def struck_titles(node) -> list[str]:
    return [words(s) for s in node.xpath(".//s")]


# -- HTML: every view -------------------------------------------------------------------------------


@pytest.mark.parametrize(("buildername", "page"), [("html", "program/index.html"), ("dirhtml", "program/index.html")])
def test_the_program_table_strikes_a_cancelled_item_and_says_it_in_words(built, buildername, page):
    doc = parse_page(status_build(built, buildername), page)
    table = select(doc, '//table[contains(@class, "symposium-program")]')[0]
    rows = {words(row.xpath("td")[1]): row for row in table.xpath(".//tbody/tr")}
    # the minimal root's keynote has slides: its "Slides" mark stays after the struck title
    assert list(rows) == ["Opening Welcome", f"Keynote {STRUCK} Slides", "Discussion Notes on the Engine",
                          "Break Cancelled Coffee", "Lightning Talk To be announced Lightning talks",
                          "To be announced"]
    keynote, coffee = rows[f"Keynote {STRUCK} Slides"], rows["Break Cancelled Coffee"]
    for row, title in ((keynote, "Engines of Thought"), (coffee, "Coffee")):
        assert "symposium-status-cancelled" in row.get("class").split()
        assert struck_titles(row) == [title]
        assert words(select_one(row, './/*[contains(@class, "symposium-status-mark-cancelled")]')) == "Cancelled"
    # the link to the cancelled talk's page stays, around the struck title
    assert keynote.xpath('.//a[contains(@class, "symposium-title")]/s')
    tba = rows["Lightning Talk To be announced Lightning talks"]
    assert "symposium-status-tba" in tba.get("class").split() and struck_titles(tba) == []
    assert words(select_one(tba, './/*[contains(@class, "symposium-status-mark-tba")]')) == "To be announced"
    # a slot without a title is titled "To be announced": the mark would say it twice
    untitled = rows["To be announced"]
    assert not untitled.xpath('.//*[contains(@class, "symposium-status-mark")]')
    welcome = rows["Opening Welcome"]
    assert "symposium-status" not in welcome.get("class") and struck_titles(welcome) == []


def test_the_grid_and_the_talk_list_mark_a_cancelled_talk(built):
    doc = parse_page(status_build(built, "html"), "program/index.html")
    cell = select_one(doc, '//div[contains(@class, "symposium-grid-item") and contains(@class, "symposium-item-engines")]')
    assert "symposium-status-cancelled" in cell.get("class").split()
    assert struck_titles(cell) == ["Engines of Thought"] and STRUCK in words(cell)
    entry = select_one(doc, '//li[contains(@class, "symposium-talk") and contains(@class, "symposium-status-cancelled")]')
    assert words(select_one(entry, './/*[contains(@class, "symposium-talk-title")]')) == STRUCK
    assert struck_titles(entry) == ["Engines of Thought"]


def test_the_home_page_lists_it_as_the_program_does(built):
    doc = parse_page(status_build(built, "html"), "index.html")
    row = select_one(doc, '//tr[contains(@class, "symposium-item-engines")]')
    assert "symposium-status-cancelled" in row.get("class").split() and struck_titles(row) == ["Engines of Thought"]


def test_the_talk_page_says_it_is_cancelled_under_its_heading(built):
    doc = parse_page(status_build(built, "html"), "talks/engines.html")
    header = select_one(doc, '//div[contains(@class, "symposium-talk-header")]')
    assert "symposium-status-cancelled" in header.get("class").split()  # symposium.css strikes the heading above
    line = select_one(header, './/p[contains(@class, "symposium-status-line")]')
    assert words(line) == "Cancelled This talk will not take place."
    assert header.index(line) == 0
    # the page and its "Add to calendar" link stay: the talk's calendar says it is cancelled
    assert select_one(header, './/a[contains(@class, "symposium-calendar-link")]').get("href") == "engines.ics"
    # what symposium.css strikes through: the heading just before the header, in the same section
    assert header.getparent().tag == "section" and header.getprevious().text == "Engines of Thought"
    assert header.getprevious().tag == "h1" and header.getprevious() is header.getparent()[0]


def test_the_neighbours_and_the_speaker_page_strike_it_too(built):
    app = status_build(built, "html")
    neighbours = select_one(parse_page(app, "talks/notes.html"), '//p[contains(@class, "symposium-neighbours")]')
    assert words(neighbours) == f"Previous: {STRUCK} · Next: Cancelled Coffee"
    roles = select_one(parse_page(app, "speakers/charles-babbage.html"), '//ul[contains(@class, "symposium-roles")]')
    speaking = select_one(roles, './li[contains(@class, "symposium-status-cancelled")]')
    assert words(speaking) == f"Speaker: {STRUCK} (9:10 AM CST)" and struck_titles(speaking) == ["Engines of Thought"]
    assert struck_titles(roles) == ["Engines of Thought"]  # the other role is not struck


def test_a_link_preview_says_cancelled_before_the_abstract(built):
    doc = parse_page(status_build(built, "html"), "talks/engines.html")
    assert doc.xpath('//meta[@name="description"]/@content') == ["Cancelled: The abstract."]


def test_singlehtml_strikes_it_in_the_one_page(built):
    doc = parse_page(status_build(built, "singlehtml"), "index.html")
    rows = doc.xpath('//tr[contains(@class, "symposium-status-cancelled")]')
    # the home page's and the program page's tables
    assert sorted(struck_titles(row)[0] for row in rows) == ["Coffee", "Coffee", "Engines of Thought", "Engines of Thought"]
    header = select_one(doc, '//div[contains(@class, "symposium-talk-header") and contains(@class, "symposium-status-cancelled")]')
    assert words(header).startswith("Cancelled This talk will not take place.")


# -- builders without HTML: the word, in plain text ---------------------------------------------------


def test_text_says_cancelled_before_the_title(built):
    out = Path(status_build(built, "text").outdir)
    program = (out / "program/index.txt").read_text("utf-8").replace("**", "")
    assert "Keynote Cancelled: Engines of Thought" in program and "Break Cancelled: Coffee" in program
    assert "Lightning Talk To be announced: Lightning" in program  # the table's cell wraps there
    assert "To be announced: To be announced" not in program
    talk = (out / "talks/engines.txt").read_text("utf-8")
    assert talk.splitlines()[3] == "Cancelled: This talk will not take place."
    assert "Speaker: Cancelled: Engines of Thought (9:10 AM CST)" in (out / "speakers/charles-babbage.txt").read_text("utf-8")


def test_latex_says_cancelled_before_the_title(built):
    out = Path(status_build(built, "latex").outdir)
    tex = next(out.glob("*.tex")).read_text("utf-8")
    # the title after the word, inside its link (a \hyperref) or bold (a page-less item)
    assert re.search(r"Cancelled: \S*Engines of Thought", tex) and re.search(r"Cancelled: \S*Coffee", tex)
    assert re.search(r"To be announced: \S*Lightning talks", tex)
    assert "Cancelled: This talk will not take place." in tex


# -- the exports --------------------------------------------------------------------------------------


def test_both_calendars_keep_the_cancelled_events_with_their_status(built):
    app = status_build(built, "dirhtml")
    found = {str(e["UID"]): e for e in events(calendar(app))}
    statuses = {uid.split("@")[0]: (str(e["STATUS"]), str(e["SUMMARY"]), str(e["TRANSP"])) for uid, e in found.items()}
    assert statuses == {
        "20251121-0900-welcome-room-1": ("CONFIRMED", "Welcome", "OPAQUE"),
        "engines": ("CANCELLED", "Cancelled: Engines of Thought", "TRANSPARENT"),
        "notes": ("CONFIRMED", "Notes on the Engine", "OPAQUE"),
        "20251121-1030-coffee-room-1": ("CANCELLED", "Cancelled: Coffee", "TRANSPARENT"),
        "20251121-1045-lightning-talks-room-1": ("TENTATIVE", "Lightning talks", "OPAQUE"),
        "20251121-1100-to-be-announced-room-1": ("TENTATIVE", "To be announced", "OPAQUE"),
    }
    (own,) = events(calendar(app, "talks/engines.ics"))
    assert (str(own["UID"]), str(own["STATUS"])) == (str(found["engines@testsymposium2025"]["UID"]), "CANCELLED")
    assert own["DTSTART"].dt == found["engines@testsymposium2025"]["DTSTART"].dt  # the same event, kept where it was


def test_json_ld_says_event_cancelled(built):
    app = status_build(built, "dirhtml")
    assert jsonld(parse_page(app, "talks/engines/index.html"))["eventStatus"] == "https://schema.org/EventCancelled"
    assert jsonld(parse_page(app, "talks/notes/index.html"))["eventStatus"] == "https://schema.org/EventScheduled"
    home = jsonld(parse_page(app, "index.html"))
    assert home["eventStatus"] == "https://schema.org/EventScheduled"
    statuses = {sub.get("name", sub["@id"].rsplit("/", 2)[-2]): sub.get("eventStatus") for sub in home["subEvent"]}
    assert statuses == {"Welcome": "https://schema.org/EventScheduled", "engines": None, "notes": None,
                        "Coffee": "https://schema.org/EventCancelled",
                        "Lightning talks": "https://schema.org/EventScheduled",
                        "To be announced": "https://schema.org/EventScheduled"}


def test_the_apps_schedule_leaves_cancelled_items_out_and_keeps_the_others_ids(built):
    out = Path(status_build(built, "dirhtml").outdir)
    data = json.loads((out / "schedule.json").read_text("utf-8"))
    found = {e["title"]: e for e in schedule_events(data)}
    assert list(found) == ["Welcome", "Notes on the Engine", "Lightning talks", "To be announced"]
    assert found["Lightning talks"]["subtitle"] == "To be announced" and found["To be announced"]["subtitle"] == ""
    xml = etree.parse(str(out / "schedule.xml"))
    assert [e.findtext("title") for e in xml.iter("event")] == list(found)
    # the items that stay keep the identifiers they have without any status
    before = {e["title"]: (e["id"], e["guid"]) for e in schedule_events(json.loads(
        (Path(built("minimal", "dirhtml").outdir) / "schedule.json").read_text("utf-8")))}
    assert {title: (e["id"], e["guid"]) for title, e in found.items() if title in before} == {
        title: ids for title, ids in before.items() if title in found}
    assert set(before) - set(found) == {"Engines of Thought"}


@pytest.mark.skipif(not VALIDATORS.is_dir(), reason=f"no schemas at {VALIDATORS} (CI has them)")
def test_the_apps_schedule_still_validates(built):
    import jsonschema

    out = Path(status_build(built, "dirhtml").outdir)
    schema = json.loads((VALIDATORS / "c3voc-schedule.schema.json").read_text("utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(json.loads((out / "schedule.json").read_text("utf-8")))
    xsd = etree.XMLSchema(etree.parse(str(VALIDATORS / "c3voc-schedule.xml.xsd")))
    assert xsd.validate(etree.parse(str(out / "schedule.xml"))), xsd.error_log


def test_a_program_of_cancelled_items_only_is_a_valid_empty_schedule(build):
    cancelled = "  status: cancelled\n---"
    notes = (Path(__file__).parents[1] / "roots/test-minimal/talks/notes.md").read_text("utf-8")
    app = build({"talks/engines.md": ENGINES, "talks/notes.md": notes.replace("---\n#", cancelled + "\n#", 1),
                 "program/index.md": "---\nprogram:\n  items:\n    - {start: 9:00, end: 9:10, title: Welcome, "
                                     "type: opening, status: cancelled}\n---\n# Program\n\n```{program-table}\n```\n"},
                buildername="dirhtml")
    assert parse_warnings(app) == []
    data = json.loads((Path(app.outdir) / "schedule.json").read_text("utf-8"))
    assert schedule_events(data) == [] and data["schedule"]["conference"]["days"] == []
    assert [str(e["STATUS"]) for e in events(calendar(app))] == ["CANCELLED"] * 3
