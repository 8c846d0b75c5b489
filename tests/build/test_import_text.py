"""What submitters wrote, imported: hostile abstracts, biographies and titles from a CSV, a frab XML and a
pretalx JSON, and four real schedules nobody here wrote (tests/data/schedules/SOURCES.md), each imported into
a fresh event and built with zero warnings; nothing of their text becomes live HTML, and every word of an
abstract is on its talk's page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from helpers import (
    SCHEDULES,
    TITLES,
    build_app,
    fresh_event,
    hostile_csv,
    hostile_json,
    hostile_xml,
    jsonld,
    parse_warnings,
    run_nox_command,
)
from symposium.model.frontmatter import read_frontmatter


def import_and_build(site: Path, name: str, data: bytes):
    (site / name).write_bytes(data)
    done = run_nox_command("import", site, name)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "the build will warn" not in done.stderr, done.stderr
    if not (site / "speakers").exists():  # a schedule without persons: the home page's toctree has no speakers
        (site / "index.md").write_text((site / "index.md").read_text().replace("speakers/*\n", ""))
    app = build_app(site, "dirhtml")
    assert parse_warnings(app) == []
    return app


LIVE = {"script", "style", "iframe", "object", "embed", "dialog", "svg", "math", "img", "form", "input", "textarea",
        "button", "video", "audio", "link", "meta", "base"}


def page_body(app, page: str):
    """A built page's tree and its text below the header (the abstract or biography)."""
    doc = lxml_html.parse(str(Path(app.outdir) / page / "index.html")).getroot()
    (title,) = doc.xpath("//h1")
    body = [child for child in title.getparent() if child is not title
            and not re.search(r"symposium-(?:header|cite|speaker-talks)", child.get("class") or "")]
    return doc, body


def assert_inert(doc, body) -> None:
    """Nothing of the imported text is live: no element that runs or shows something of its own, no handler."""
    for element in body:
        for node in element.iter():
            assert node.tag not in LIVE, lxml_html.tostring(element)
    for node in doc.iter():
        if not isinstance(node.tag, str):
            continue
        assert not [name for name in node.attrib if name.lower().startswith("on")], lxml_html.tostring(node)
        assert not (node.get("href") or "").strip().lower().startswith(("javascript:", "data:")), node.get("href")
        if node.tag == "script" and node.get("type") in ("application/ld+json", "application/json"):
            json.loads(node.text)  # data, whole: no text in it closed the script early
        elif node.tag == "script":
            assert "alert(" not in (node.text or "")


def straight(title: str) -> str:
    """A heading's text as the title was typed: the build's typography (curly quotes) aside."""
    return " ".join(title.replace("¶", "").translate(str.maketrans("‘’“”", "''\"\"")).split())


def words(text: str) -> set[str]:
    return set(re.findall(r"\w{3,}", text.lower()))


def text_words(text: str) -> set[str]:
    """The words a reader sees of an imported text (HTML, or Markdown rendered)."""
    if re.search(r"</?(?:p|br|ul|ol|li|a|em|strong|b|i|h[1-6]|pre|code|div)\b", text, re.IGNORECASE):
        rendered = text
    else:
        rendered = MarkdownIt("commonmark").render(text)
    if not rendered.strip():
        return set()
    return words(lxml_html.fromstring(f"<div>{rendered}</div>").text_content())


@pytest.mark.parametrize(("name", "data"), [("program.csv", hostile_csv()), ("schedule.xml", hostile_xml()),
                                            ("schedule.json", hostile_json())])
def test_hostile_text_imported_builds_and_nothing_of_it_is_live(tmp_path, name, data):
    site = fresh_event(tmp_path / "site", "2026-03-12", "2026-03-12", "Europe/Berlin")
    app = import_and_build(site, name, data)
    talks = sorted(path.stem for path in (site / "talks").glob("*.md"))
    assert len(talks) == len(TITLES)
    titles = set()
    for slug in talks:
        source = (site / "talks" / f"{slug}.md").read_text()
        talk = yaml.safe_load(source.split("---\n")[1])["talk"]  # PyYAML reads what the import wrote
        assert talk["room"] == "Hall: 'A' #1" if name != "program.csv" else talk.get("room") in (None, "Room: 'A' #1")
        doc, body = page_body(app, f"talks/{slug}")
        assert_inert(doc, body)
        titles.add(straight(doc.xpath("//h1")[0].text_content()))
        seen = " ".join(" ".join(element.text_content().split()) for element in body)
        assert "Ordinary words first." in seen
        assert "A heading" in seen and not [h for h in doc.xpath("//h2|//h3|//h4") if "heading" in h.text_content()]
        assert "indented by twenty spaces" in seen and not [e for e in body if e.xpath("(self::pre|.//pre)[contains(., 'twenty')]")]
        assert "\u202e" not in seen and "\x07" not in seen
    assert titles == {straight(title) for title in TITLES}
    for path in (site / "speakers").glob("*.md"):
        matter = read_frontmatter(path.read_text())
        assert matter.data["speaker"]["name"].startswith("Ada Lovelace")
        if name == "schedule.json":
            doc, body = page_body(app, f"speakers/{path.stem}")
            assert_inert(doc, body)
            assert "Ordinary words first." in " ".join(element.text_content() for element in body)
    if name == "program.csv":
        program = read_frontmatter((site / "program" / "index.md").read_text()).data["program"]
        assert [session["title"] for session in program["sessions"]] == ['Session 1: "AI"']


# -- real schedules ---------------------------------------------------------------------------------------

REAL = {
    # file: (first day, last day, time zone, conf.py's extra lines)
    "fosdem-2025-day1.xml": ("2025-02-01", "2025-02-02", "Europe/Brussels", ""),
    # the congress's days end at 04:00 (<day end=...>, pretalx's day_end): the import writes symposium_day_change
    "31c3-day1.xml": ("2014-12-27", "2014-12-30", "Europe/Berlin", ""),
    "rc3-channels-2020-day1.json": ("2020-12-27", "2020-12-30", "Europe/Berlin", ""),
    "rc3-channels-2020-day2.json": ("2020-12-27", "2020-12-30", "Europe/Berlin", ""),
    "lswt2019.xml": ("2019-05-22", "2019-05-22", "UTC", ""),
}


def schedule_texts(path: Path) -> list[tuple[str, list[str]]]:
    """Each event of a frab schedule (XML or JSON): its title, and its abstract and description."""
    if path.suffix == ".json":
        days = json.loads(path.read_text("utf-8"))["schedule"]["conference"]["days"]
        return [(event["title"], [event.get("abstract") or "", event.get("description") or ""])
                for day in days for events in day["rooms"].values() for event in events]
    root = ElementTree.parse(path).getroot()
    return [(event.findtext("title"), [event.findtext("abstract") or "", event.findtext("description") or ""])
            for event in root.iter("event")]


@pytest.mark.parametrize("name", list(REAL))
def test_a_real_schedule_imports_and_builds_with_every_word_of_its_abstracts(tmp_path, name):
    date, end, zone, extra = REAL[name]
    site = fresh_event(tmp_path / "site", date, end, zone, extra)
    app = import_and_build(site, name, (SCHEDULES / name).read_bytes())
    pages: dict[str, list[tuple]] = {}
    for path in sorted((site / "talks").glob("*.md")):
        doc, body = page_body(app, f"talks/{path.stem}")
        assert_inert(doc, body)
        title = " ".join(jsonld(doc)["name"].split())  # as written (the heading's quotes are typeset)
        pages.setdefault(title, []).append(words(" ".join(element.text_content() for element in body)))
    assert len(pages) >= 10
    checked = 0
    for title, texts in schedule_texts(SCHEDULES / name):
        found = pages.get(" ".join(title.split()))
        if found is None:
            continue  # an item without a page (a break, a welcome)
        expected = set().union(*(text_words(text) for text in texts))
        assert any(expected <= seen for seen in found), (title, expected - found[0])
        checked += bool(expected)
    assert checked >= 3  # the workshop gave three abstracts
    assert_every_event_person_and_biography(app, site, SCHEDULES / name)


def source_events(path: Path) -> list[dict]:
    """Each event of a frab schedule: its title, instant, abstract, and persons (name, biography)."""
    from symposium.model.importing.frab import _name_list

    found = []
    if path.suffix == ".json":
        days = json.loads(path.read_text("utf-8"))["schedule"]["conference"]["days"]
        for event in (event for day in days for events in day["rooms"].values() for event in events):
            persons = [(p.get("public_name") or p.get("name"), p.get("biography") or "") for p in event["persons"]]
            found.append({"title": event["title"], "date": event["date"], "abstract": (event.get("abstract") or "") + (event.get("description") or ""),
                          "persons": persons})
        return found
    for event in ElementTree.parse(path).getroot().iter("event"):
        persons = []
        for person in event.iterfind("persons/person"):
            names = [person.text or ""] if person.get("id") else _name_list(person.text or "")
            persons += [(name, "") for name in names if name.strip()]
        found.append({"title": event.findtext("title"), "date": event.findtext("date"),
                      "abstract": (event.findtext("abstract") or "") + (event.findtext("description") or ""),
                      "persons": persons})
    return found


def same(text: str) -> str:
    return " ".join(text.split())


def assert_every_event_person_and_biography(app, site: Path, path: Path) -> None:
    """Every event of the source at its instant in program.ics and schedule.json, with its title and
    abstract; every person; every biography on its speaker's page."""
    import datetime as dt

    import icalendar

    def instant(value: str) -> dt.datetime:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(dt.UTC)

    out = Path(app.outdir)
    ics = icalendar.Calendar.from_ical((out / "program.ics").read_bytes())
    in_ics = {(same(str(e["SUMMARY"])), e.decoded("DTSTART").astimezone(dt.UTC)) for e in ics.walk("VEVENT")}
    exported = [event for day in json.loads((out / "schedule.json").read_text())["schedule"]["conference"]["days"]
                for room in day["rooms"].values() for event in room]
    in_json = {(same(e["title"]), instant(e["date"])): e for e in exported}
    names = {same(p["name"]) for e in exported for p in e["persons"]}
    source = source_events(path)
    for event in source:
        key = (same(event["title"]), instant(event["date"]))
        assert key in in_ics, key
        assert key in in_json, key
        assert bool(in_json[key]["abstract"].strip()) == bool(event["abstract"].strip()), key  # no abstract lost
        for name, _ in event["persons"]:
            assert same(name) in names, (name, event["title"])
    assert len(exported) == len(source)
    biographies = {same(name): biography for event in source for name, biography in event["persons"] if biography}
    pages = {}
    for page in (site / "speakers").glob("*.md"):
        assert "To be announced" not in page.read_text()  # no affiliation invented
        doc, body = page_body(app, f"speakers/{page.stem}")
        pages.setdefault(same(jsonld(doc)["name"]), []).append(words(" ".join(e.text_content() for e in body)))
    for name, biography in biographies.items():
        assert any(text_words(biography) <= seen for seen in pages[name]), name
