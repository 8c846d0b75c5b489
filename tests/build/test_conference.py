"""A conference of three days in four rooms, with sessions, chairs and tracks (tests/roots/test-conference)."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest
from lxml import html

from conftest import SHARED, parse_warnings, words

VALIDATORS = SHARED / "validators"


def parse(app, page: str):
    return html.parse(str(Path(app.outdir) / page)).getroot()


@pytest.fixture
def conference(build):
    return build(testroot="conference", buildername="dirhtml")


def test_the_conference_builds_without_a_warning(conference):
    assert parse_warnings(conference) == []


def test_the_program_has_a_heading_per_day_and_sessions_above_their_talks(conference):
    doc = parse(conference, "program/index.html")
    days = doc.xpath('//*[contains(concat(" ", @class, " "), " symposium-day ")]')
    assert [(d.get("id"), words(d)) for d in days] == [
        ("program-2026-06-02", "Tuesday, June 2, 2026"),
        ("program-2026-06-03", "Wednesday, June 3, 2026"),
        ("program-2026-06-04", "Thursday, June 4, 2026"),
    ]
    assert doc.xpath('//p[contains(@class, "symposium-days")]//a/@href') == [
        "#program-2026-06-02", "#program-2026-06-03", "#program-2026-06-04"]
    first_day = doc.xpath('//table[contains(@class, "symposium-program")]')[0]
    rows = [words(tr) for tr in first_day.xpath("./tbody/tr")]
    assert rows[1] == "Session 1: Learning workflows · 9:30–11:00 AM · Hall A · AI Chair: Ada Lovelace"
    assert rows[2].startswith("9:30–10:15 AM Contributed Talk Learning Graphs of Tasks Ada Lovelace Hall A")
    assert rows[3].startswith("10:15–11:00 AM Contributed Talk Agents That Tune Workflows Alan Turing Hall A")
    assert rows[4].startswith("Session 2: Workflow systems")
    # after midnight, before symposium_day_change: still the first day
    assert rows[-1] == "12:30–1:00 AM Keynote A Keynote after Midnight Charles Babbage Hall B"
    keynote_times = first_day.xpath("./tbody/tr[last()]//time/@datetime")
    assert keynote_times == ["2026-06-03T00:30+02:00", "2026-06-03T01:00+02:00"]
    assert [words(th) for th in first_day.xpath(".//th")] == ["Time (CEST)", "Session", "Speakers", "Room"]


def test_pages_per_day_room_and_track(conference):
    day = parse(conference, "program/day-2/index.html")
    assert [words(t) for t in day.xpath('//a[contains(@class, "symposium-title")]')] == ["Data Lakes for Simulations"]
    hall = parse(conference, "program/hall-a/index.html")
    titles = [words(t) for t in hall.xpath('//table//*[contains(@class, "symposium-title")]')]
    assert titles == ["Opening", "Learning Graphs of Tasks", "Agents That Tune Workflows", "Lunch"]
    track = parse(conference, "program/track-ai/index.html").xpath('//li[contains(@class, "symposium-talk")]')
    assert [words(li.xpath('.//*[contains(@class, "symposium-talk-title")]')[0]) for li in track] == [
        "Learning Graphs of Tasks", "Agents That Tune Workflows", "Provenance Graphs with Learned Queries"]
    # on an event of several days, a time says its day
    assert words(track[2]).startswith("Contributed Talk Thursday, June 4, 2026, 9:00–9:45 AM CEST")


def test_talks_take_their_sessions_room_and_speakers_list_chairing(conference):
    header = parse(conference, "talks/provenance-graphs/index.html").xpath('//div[contains(@class, "symposium-talk-header")]')[0]
    assert "Thursday, June 4, 2026, 9:00–9:45 AM CEST · Room 2" in words(header)
    roles = words(parse(conference, "speakers/ada-lovelace/index.html").xpath('//ul[contains(@class, "symposium-roles")]')[0])
    assert "Chair: Session 1: Learning workflows (Tue, June 2, 9:30 AM CEST)" in roles
    assert "Chair: Session 4: Provenance (Thu, June 4, 9:00 AM CEST)" in roles


def test_the_exports_carry_days_rooms_and_sessions(conference):
    out = Path(conference.outdir)
    data = json.loads((out / "schedule.json").read_text("utf-8"))
    conference_data = data["schedule"]["conference"]
    assert conference_data["daysCount"] == 3
    days = {day["date"]: day for day in conference_data["days"]}
    assert {date: sorted(day["rooms"]) for date, day in days.items()} == {
        "2026-06-02": ["Hall A", "Hall B"], "2026-06-03": ["Room 1"], "2026-06-04": ["Room 2"]}
    keynote = next(e for e in days["2026-06-02"]["rooms"]["Hall B"] if e["title"] == "A Keynote after Midnight")
    assert keynote["date"] == "2026-06-03T00:30:00+02:00"
    tracks = {e["title"]: e["track"] for day in days.values() for room in day["rooms"].values() for e in room}
    assert tracks["Engines at Scale"] == "Workflows"  # the session's track
    assert tracks["Data Lakes for Simulations"] == "Session 3: Data at scale"  # no track: the session
    assert tracks["Provenance Graphs with Learned Queries"] == "AI"  # its own, over the session's
    if VALIDATORS.is_dir():
        import jsonschema
        from lxml import etree

        schema = json.loads((VALIDATORS / "c3voc-schedule.schema.json").read_text("utf-8"))
        jsonschema.validators.validator_for(schema)(schema).validate(data)
        xsd = etree.XMLSchema(etree.parse(str(VALIDATORS / "c3voc-schedule.xml.xsd")))
        assert xsd.validate(etree.parse(str(out / "schedule.xml"))), xsd.error_log
    events = icalendar.Calendar.from_ical((out / "program.ics").read_bytes()).walk("VEVENT")
    assert len(events) == 10
    assert {str(e["LOCATION"]).split(",")[0] for e in events} == {"Hall A", "Hall B", "Room 1", "Room 2"}


# -- each new key and warning: one located warning --------------------------------------------------

PROGRAM = "program/index.md"


def program_with(old: str, new: str):
    def change(srcdir: Path) -> dict[str, str]:
        return {PROGRAM: (srcdir / PROGRAM).read_text("utf-8").replace(old, new)}
    return change


CASES = {
    "a talk naming an unknown session": (
        {"talks/data-lakes.md": "---\ntalk:\n  type: invited\n  session: s33\n  start: 14:00\n  end: 14:45\n---\n# Data Lakes\n"},
        "symposium.reference", "talks/data-lakes.md", 4, "names session 's33', which no page under program/ defines; did you mean 's3'?",
    ),
    "a talk outside its session's time": (
        {"talks/data-lakes.md": "---\ntalk:\n  type: invited\n  session: s3\n  start: 15:00\n  end: 16:00\n---\n# Data Lakes\n"},
        "symposium.schedule", "talks/data-lakes.md", 5, "is outside its session 's3' (2:00–3:30 PM)",
    ),
    "a talk in another room than its session": (
        {"talks/data-lakes.md": "---\ntalk:\n  type: invited\n  session: s3\n  room: Room 2\n  start: 14:00\n  end: 14:45\n---\n# Data Lakes\n"},
        "symposium.schedule", "talks/data-lakes.md", 5, "is in 'Room 2', but its session 's3' is in 'Room 1'",
    ),
    "a room that is not in symposium_rooms": (
        {"talks/data-lakes.md": "---\ntalk:\n  type: invited\n  room: Hal A\n  date: 2026-06-03\n  start: 16:00\n  end: 16:45\n---\n# Data Lakes\n"},
        "symposium.frontmatter", "talks/data-lakes.md", 4, "'talk.room' is 'Hal A', which is not in symposium_rooms; did you mean 'Hall A'?",
    ),
    "a track that is not in symposium_tracks": (
        {"talks/data-lakes.md": "---\ntalk:\n  type: invited\n  session: s3\n  track: A.I.\n  start: 14:00\n  end: 14:45\n---\n# Data Lakes\n"},
        "symposium.frontmatter", "talks/data-lakes.md", 5, "not in symposium_tracks",
    ),
    "a speaker in two places at once": (
        {"talks/data-lakes.md": "---\ntalk:\n  type: invited\n  date: 2026-06-02\n  room: Room 1\n  start: 10:30\n  end: 11:15\n  speakers: [alan-turing]\n---\n# Data Lakes\n"},
        "symposium.schedule", "talks/data-lakes.md", 8, "'alan-turing' is in two places at once: 'Data Lakes'",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_conference_warning_is_located(build, case):
    files, subtype, path, line, says = CASES[case]
    app = build(files, testroot="conference")
    found = [w for w in parse_warnings(app) if w.type.startswith("symposium")]
    assert len(found) == 1, found
    assert (found[0].type, found[0].path, found[0].line) == (subtype, path, line)
    assert says in found[0].message, found[0].message


def test_a_session_id_given_twice(build, rootdir):
    source = (rootdir / "test-conference" / PROGRAM).read_text("utf-8")
    app = build({PROGRAM: source.replace("{id: s4,", "{id: s3,")}, testroot="conference")
    found = [w for w in parse_warnings(app) if "given twice" in w.message]
    assert [(w.type, w.path, w.line) for w in found] == [("symposium.reference", PROGRAM, 7)]


def test_a_chair_in_two_places_at_once(build, rootdir):
    source = (rootdir / "test-conference" / PROGRAM).read_text("utf-8")
    app = build({PROGRAM: source.replace("chairs: [charles-babbage]", "chairs: [ada-lovelace]")}, testroot="conference")
    found = parse_warnings(app)
    assert [(w.type, w.path, w.line) for w in found] == [("symposium.schedule", PROGRAM, 5)]
    assert "'ada-lovelace' is in two places at once: session 'Session 2: Workflow systems'" in found[0].message


def test_a_selection_that_names_nothing(build):
    app = build({"program/day-2.md": "# Day\n\n```{program-table}\n:day: 2026-06-09\n:room: Hall Z\n```\n"},
                testroot="conference")
    found = parse_warnings(app)
    assert [(w.type, w.path) for w in found] == [("symposium.reference", "program/day-2.md")] * 2
    assert ":day: 2026-06-09 is not a day of the event" in found[0].message
    assert ":room: 'Hall Z' names no room" in found[1].message


def test_the_home_page_json_ld_has_sessions_holding_their_talks(conference):
    script = parse(conference, "index.html").xpath('//script[@type="application/ld+json"]/text()')
    home = json.loads(script[0])
    sessions = [e for e in home["subEvent"] if e["@id"].endswith("#session-s1")]
    assert len(sessions) == 1
    session = sessions[0]
    assert session["name"] == "Session 1: Learning workflows"
    assert session["startDate"] == "2026-06-02T09:30:00+02:00"
    assert session["location"]["name"] == "Hall A"
    assert [p["name"] for p in session["organizer"]] == ["Ada Lovelace"]
    assert [e["@id"] for e in session["subEvent"]] == [
        "https://conference.example.org/talks/learning-graphs/#event", "https://conference.example.org/talks/tuning-agents/#event"]
    program = parse(conference, "program/index.html")
    assert program.xpath('//tr[@id="session-s1"]')  # the @id's anchor is the session's row
    lunch = next(e for e in home["subEvent"] if e.get("name") == "Lunch")
    anchor = lunch["@id"].rsplit("#", 1)[1]
    assert program.xpath(f'//tr[@id="{anchor}"]')


# -- the room and track filter, in a browser ----------------------------------------------------------


@pytest.fixture
def served_conference(build):
    """The conference root with the site's theme, served on the loopback."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    app = build(testroot="conference", buildername="dirhtml", confoverrides={"html_theme": "pydata_sphinx_theme"})

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(app.outdir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_the_program_filters_by_room_and_track_without_a_reload(served_conference):
    from test_browser import CHROMIUM

    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(timezone_id="Europe/Berlin")
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{served_conference}program/", wait_until="networkidle")
        visible = 'table.symposium-program tbody tr:not([hidden])'
        assert page.locator(visible).count() == 14  # 10 items and 4 session rows
        page.get_by_label("Room").select_option(label="Hall B")
        titles = [" ".join(t.split()) for t in page.locator(f"{visible} .symposium-title, {visible} .symposium-session-title strong").all_inner_texts()]
        assert titles == ["Session 2: Workflow systems", "Engines at Scale", "Compilers for Workflows", "Night walk",
                          "A Keynote after Midnight"]
        page.wait_for_function("document.querySelector('.symposium-live').textContent.startsWith('Showing Hall B')")
        page.get_by_label("Room").select_option(label="All rooms")
        page.get_by_label("Track").select_option(label="AI")
        titles = [" ".join(t.split()) for t in page.locator(f"{visible} .symposium-title, {visible} .symposium-session-title strong").all_inner_texts()]
        assert titles == ["Session 1: Learning workflows", "Learning Graphs of Tasks", "Agents That Tune Workflows",
                          "Provenance Graphs with Learned Queries"]
        assert errors == []
        browser.close()


# -- rooms side by side ({program-grid}, tests/roots/test-conference/program/grid.md) ------------------


def grid_cells(page) -> list[tuple[str, str, str]]:
    """(title, grid-row, grid-column) of each item cell, in the page's order."""
    return [(words(cell.xpath('.//*[contains(@class, "symposium-title")]')[0]),
             *(part.split(":")[1].strip() for part in cell.get("style").split(";")))
            for cell in page.xpath('//div[contains(@class, "symposium-grid-item")]')]


def test_the_grid_puts_parallel_rooms_side_by_side_in_time_order(conference):
    page = parse(conference, "program/grid/index.html")
    first_day = page.xpath('//div[contains(@class, "symposium-grid")]')[0]
    assert [words(h) for h in first_day.xpath('./div[contains(@class, "symposium-grid-room-heading")]')] == ["Hall A", "Hall B"]
    cells = grid_cells(page)
    assert cells[:6] == [
        # rows are the intervals between the day's times (9:00, 9:30, 10:15, 11:00, 12:00, 1:00 PM...)
        ("Opening", "2 / 3", "2"),
        ("Learning Graphs of Tasks", "3 / 4", "2"), ("Engines at Scale", "3 / 4", "3"),
        ("Agents That Tune Workflows", "4 / 5", "2"), ("Compilers for Workflows", "4 / 5", "3"),
        ("Lunch", "6 / 7", "2"),
    ]
    # the walk runs past midnight and the keynote after it, both in 2 June's program
    assert [c[0] for c in cells[6:8]] == ["Night walk", "A Keynote after Midnight"]
    assert len(cells) == 10
    # a cell names its room (for a phone and a screen reader), a session's first talk its session and chair
    engines = page.xpath('//div[contains(@class, "symposium-grid-item")]')[2]
    assert "9:30–10:15 AM · Hall B" in words(engines)
    assert "Session 2: Workflow systems · Chair: Charles Babbage" in words(engines)


@pytest.mark.parametrize("buildername", ["text", "latex"])
def test_builders_without_grids_get_the_program_table(build, buildername):
    app = build(testroot="conference", buildername=buildername)
    assert parse_warnings(app) == []
    out = Path(app.outdir)
    text = (out / "program/grid.txt").read_text() if buildername == "text" else next(out.glob("*.tex")).read_text()
    assert "Learning Graphs of Tasks" in text and "Engines at Scale" in text


def test_the_grid_shows_rooms_side_by_side_on_a_desktop_and_one_column_on_a_phone_accessibly(served_conference):
    from test_browser import CHROMIUM

    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        for width, side_by_side in ((1280, True), (390, False)):
            for scheme in ("light", "dark"):
                context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
                page = context.new_page()
                page.goto(f"{served_conference}program/grid/", wait_until="networkidle")
                assert page.evaluate("document.documentElement.dataset.theme") == scheme
                learning = page.locator("#grid-item-learning-graphs").bounding_box()
                engines = page.locator("#grid-item-engines-at-scale").bounding_box()
                if side_by_side:
                    assert learning["y"] == engines["y"] and engines["x"] > learning["x"] + learning["width"] - 1
                else:
                    assert engines["y"] > learning["y"] + learning["height"] - 1 and engines["x"] == learning["x"]
                    assert page.locator("#grid-item-engines-at-scale .symposium-grid-room").is_visible()
                results = Axe().run(page)
                assert results.violations_count == 0, (width, scheme, results.generate_report())
                context.close()
        browser.close()


def _hits(hit) -> list[int]:
    return [hit] if isinstance(hit, int) else list(hit or [])


def test_search_finds_a_talk_on_its_own_page_not_in_every_listing(build):
    app = build(testroot="conference", buildername="html")
    text = (Path(app.outdir) / "searchindex.js").read_text("utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    docnames = index["docnames"]

    def found(term: str) -> set[str]:
        hits = [index[kind].get(term, []) for kind in ("terms", "titleterms")]
        return {docnames[i] for hit in hits for i in ([hit] if isinstance(hit, int) else hit)}

    assert "talks/data-lakes" in found("lake")
    assert "speakers/grace-hopper" in found("hopper")
    listings = {"program/index", "program/day-2", "program/hall-a", "program/track-ai", "program/grid"}
    assert not (found("lake") | found("hopper") | found("provenanc")) & listings
    # a talk's previous and next are other pages' titles: Engines at Scale is next to Compilers for Workflows
    assert "talks/compilers-for-workflows" not in {docnames[i] for i in _hits(index["terms"].get("engin"))}
    assert "talks/engines-at-scale" in {docnames[i] for i in _hits(index["titleterms"].get("engin"))}
