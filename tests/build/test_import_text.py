"""What submitters wrote, imported: hostile abstracts, biographies and titles from a CSV, a frab XML and a
pretalx JSON, and four real schedules nobody here wrote (tests/data/schedules/SOURCES.md), each imported into
a fresh event and built with zero warnings; nothing of their text becomes live HTML, and every word of an
abstract is on its talk's page."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from helpers import REPO, build_app, jsonld, parse_warnings, run_nox_command
from symposium.model.frontmatter import read_frontmatter

SCHEDULES = REPO / "tests" / "data" / "schedules"
CONF = ("project = 'Imported'\nextensions = ['myst_parser', 'symposium']\nexclude_patterns = ['_build']\n"
        "html_baseurl = 'https://imported.example.org/'\nsymposium_date = '{date}'\nsymposium_end_date = '{end}'\n"
        "symposium_timezone = '{zone}'\n{extra}")
#: the site's own MyST extensions: what an abstract could reach for
MYST = "myst_enable_extensions = ['colon_fence', 'substitution', 'attrs_inline', 'attrs_block', 'dollarmath']\n"


def fresh_event(target: Path, date: str, end: str, zone: str, extra: str = "") -> Path:
    """An event with no talk, speaker or program item yet (as `symposium init` leaves it)."""
    (target / "program").mkdir(parents=True)
    (target / "conf.py").write_text(CONF.format(date=date, end=end, zone=zone, extra=MYST + extra))
    (target / "index.md").write_text("# An empty event\n\n```{program-table}\n```\n\n```{toctree}\n:glob:\n\n"
                                     "program/*\nspeakers/*\ntalks/*\n```\n")
    (target / "program" / "index.md").write_text("# Program\n\n```{program-table}\n```\n")
    return target


def import_and_build(site: Path, name: str, data: bytes):
    (site / name).write_bytes(data)
    done = run_nox_command("import", site, name)
    assert done.returncode == 0, done.stderr
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


# -- hostile text ----------------------------------------------------------------------------------------

HOSTILE_ABSTRACT = (
    "Ordinary words first.\n\n<script>alert('abstract')</script>\n\n<img src=x onerror=alert(1)> "
    "<dialog open>Dialogue stays as text</dialog> \"><svg onload=alert(2)>\n\n"
    "[click](javascript:alert(3)) <a href=\"javascript:alert(4)\">jslink</a>\n\n"
    "```{raw} html\n<script>alert(5)</script>\n```\n\n```{eval-rst}\n.. raw:: html\n\n   <b>rst</b>\n```\n\n"
    "```{include} /etc/passwd\n```\n\n:::{raw} html\n<script>alert(6)</script>\n:::\n\n"
    "{raw}`<b>x</b>` {doc}`index` {{ project }} $x^2$\n\n### A heading\n\n# Another\n\n"
    "% a comment\n(target)=\n+++\n\n                    indented by twenty spaces\n\x00\x07 control \u202eoverride"
)
HOSTILE_MARKDOWN = ("Ordinary words first.\n\n<script>alert('abstract')</script>\n\n```{raw} html\n<script>alert(5)</script>\n"
                    "```\n\n:::{raw} html\n<script>alert(6)</script>\n:::\n\n{raw}`x` {doc}`index` {{ project }} $x^2$\n\n"
                    "### A heading\n\n- one\n  - two\n\n% a comment\n(target)=\n+++\n\n"
                    "                    indented by twenty spaces\n\x00\x07 control \u202eoverride")
#: titles and names YAML could misread (the heading's comparison of names with quotes is not tested here)
TITLES = ["Session: a talk #1", "'Quoted' and \"double\"", "- leading dash", "!important & *star* %percent @at",
          "`backticks` {braces} $dollar", "Tab\there and a: colon", "? question", "[bracket] | pipe > more"]


def hostile_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Title", "Speakers", "Start", "End", "Room", "Track", "Session", "Abstract"])
    for n, title in enumerate(TITLES):
        abstract = HOSTILE_ABSTRACT if n % 2 == 0 else HOSTILE_MARKDOWN
        writer.writerow([title, f"Ada Lovelace{n} (Lab #{n}: 'x')", f"{9 + n}:00", f"{9 + n}:30",
                         "Room: 'A' #1", "Track & *one*", "Session 1: \"AI\"", abstract])
    return out.getvalue().encode()


def hostile_xml() -> bytes:
    schedule = ElementTree.Element("schedule")
    conference = ElementTree.SubElement(schedule, "conference")
    ElementTree.SubElement(conference, "time_zone_name").text = "Europe/Berlin"
    day = ElementTree.SubElement(schedule, "day", index="1", date="2026-03-12")
    room = ElementTree.SubElement(day, "room", name="Hall: 'A' #1")
    for n, title in enumerate(TITLES):
        event = ElementTree.SubElement(room, "event", guid=f"0000000{n}-0000-4000-8000-000000000000", id=str(n + 1))
        for key, value in (("date", f"2026-03-12T{9 + n:02d}:00:00+01:00"), ("start", f"{9 + n:02d}:00"),
                           ("duration", "00:30"), ("room", "Hall: 'A' #1"), ("title", title), ("type", "talk"),
                           ("track", "Track & *one*"), ("abstract", HOSTILE_ABSTRACT), ("description", HOSTILE_MARKDOWN)):
            ElementTree.SubElement(event, key).text = re.sub("[\x00-\x08]", "", value)  # what XML 1.0 allows
        persons = ElementTree.SubElement(event, "persons")
        ElementTree.SubElement(persons, "person", id=str(n)).text = f"Ada Lovelace{n}"
    return ElementTree.tostring(schedule, encoding="utf-8", xml_declaration=True)


def hostile_json() -> bytes:
    events = [{"guid": f"0000000{n}-0000-4000-8000-000000000000", "id": n + 1, "date": f"2026-03-12T{9 + n:02d}:00:00+01:00",
               "start": f"{9 + n:02d}:00", "duration": "00:30", "room": "Hall: 'A' #1", "title": title, "type": "Talk",
               "track": "Track & *one*", "abstract": HOSTILE_MARKDOWN, "description": HOSTILE_ABSTRACT,
               "persons": [{"public_name": f"Ada Lovelace{n}", "biography": HOSTILE_ABSTRACT}]}
              for n, title in enumerate(TITLES)]
    data = {"schedule": {"conference": {"time_zone_name": "Europe/Berlin",
                                        "days": [{"date": "2026-03-12", "rooms": {"Hall: 'A' #1": events}}]}}}
    return json.dumps(data).encode()


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
    "31c3-day1.xml": ("2014-12-27", "2014-12-30", "Europe/Berlin", "symposium_day_change = '04:00'\n"),
    "rc3-channels-2020-day1.json": ("2020-12-27", "2020-12-30", "Europe/Berlin", "symposium_day_change = '04:00'\n"),
    "rc3-channels-2020-day2.json": ("2020-12-27", "2020-12-30", "Europe/Berlin", "symposium_day_change = '04:00'\n"),
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
