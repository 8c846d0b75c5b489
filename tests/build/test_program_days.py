"""``{program-days}``: a large program's home and program pages show each day at a glance and
link the day's own page; a day without one is shown in full, with one warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import parse_page, parse_warnings, words

DAY_PAGES = {
    "program/day-1.md": "# The first day\n\n```{program-table}\n:day: 2026-06-02\n```\n",
    "program/day-3.md": "# The third day\n\n```{program-grid}\n:day: 2026-06-04\n```\n",
}
GLANCE = "# Workflows Conference 2026\n\n```{program-days}\n```\n\n```{toctree}\n:glob:\n\nprogram/*\nspeakers/*\ntalks/*\n```\n"


@pytest.fixture(scope="module")
def glance_site(tmp_path_factory):
    from helpers import build_app, copy_root, write_files

    srcdir = copy_root("conference", tmp_path_factory.mktemp("days"))
    write_files(srcdir, {**DAY_PAGES, "index.md": GLANCE})
    return build_app(srcdir, "dirhtml")


def test_each_day_at_a_glance_links_its_own_page(glance_site):
    assert parse_warnings(glance_site) == []
    page = parse_page(glance_site, "index.html")
    days = page.xpath('//div[contains(@class, "symposium-glance-day")]')
    assert len(days) == 3
    links = [day.xpath('.//p[contains(@class, "symposium-glance-date")]//a/@href') for day in days]
    assert links == [["program/day-1/"], ["program/day-2/"], ["program/day-3/"]]
    summaries = [words(day.xpath('.//p[contains(@class, "symposium-glance-summary")]')[0]) for day in days]
    assert summaries == ["8 items in 2 rooms, 9:00 AM–1:00 AM CEST", "1 item, 2:00 PM–2:45 PM CEST",
                         "1 item, 9:00 AM–9:45 AM CEST"]
    rooms = [words(line) for line in page.xpath('//p[contains(@class, "symposium-glance-rooms")]')]
    assert rooms == ["Rooms: Hall A · Hall B"]  # the first day's; one room on the others
    assert page.xpath('//p[contains(@class, "symposium-glance-rooms")]//a/@href') == ["program/hall-a/"]  # its page
    highlights = [words(line) for line in page.xpath('//p[contains(@class, "symposium-glance-highlights")]')]
    assert len(highlights) == 1 and highlights[0].startswith("Keynote: ")
    # no program rows on the page: the days' pages hold them
    assert page.xpath('//tr[contains(@class, "symposium-row")]') == []


def test_every_item_is_on_exactly_one_day_page_at_the_calendar_s_instants(glance_site):
    import datetime as dt

    from helpers import calendar

    starts = {str(event["URL"]).rstrip("/").rsplit("/", 1)[-1]: event["DTSTART"].dt
              for event in calendar(glance_site).walk("VEVENT") if "/talks/" in str(event.get("URL", ""))}
    seen: dict[str, str] = {}
    for day_page in ("program/day-1", "program/day-2", "program/day-3"):
        page = parse_page(glance_site, f"{day_page}/index.html")
        for row in page.xpath('//*[contains(@class, "symposium-row-") or contains(@class, "symposium-grid-item")]'):
            for href in row.xpath('.//a[contains(@href, "talks/")]/@href'):
                slug = href.rstrip("/").rsplit("/", 1)[-1]
                assert seen.setdefault(slug, day_page) == day_page, f"{slug} is on {seen[slug]} and {day_page}"
                start = dt.datetime.fromisoformat(row.xpath(".//time/@datetime")[0])
                assert start == starts[slug], slug
    assert set(seen) == set(starts)


def test_a_day_without_its_own_page_is_shown_in_full_with_one_warning(build):
    app = build({"index.md": GLANCE}, testroot="conference", buildername="dirhtml")
    warnings = [w for w in parse_warnings(app) if "program-days" in w.message]
    assert len(warnings) == 1
    assert warnings[0].path == "index.md" and warnings[0].type == "symposium.reference"
    assert warnings[0].message.startswith("{program-days}: 2026-06-02, 2026-06-04 have no pages of their own, so the "
                                          "day's items are shown here in full; expected a page with a listing")
    page = parse_page(app, "index.html")
    days = page.xpath('//div[contains(@class, "symposium-glance-day")]')
    # the first and third days in full, the second linked
    assert [bool(day.xpath('.//tr[contains(@class, "symposium-row")]')) for day in days] == [True, False, True]


@pytest.fixture(scope="module")
def large_import(tmp_path_factory):
    """Two days of FOSDEM 2025 (180 events in six rooms, as fosdem.org published them) imported
    into a fresh event: more than LARGE_PROGRAM items, so a page per day."""
    from helpers import SCHEDULES, build_app, fresh_event, run_nox_command

    site = fresh_event(tmp_path_factory.mktemp("fosdem") / "site", "2025-02-01", "2025-02-02", "Europe/Brussels")
    (site / "fosdem.xml").write_bytes((SCHEDULES / "fosdem-2025-two-days.xml").read_bytes())
    done = run_nox_command("import", site, "fosdem.xml")
    assert done.returncode == 0, done.stderr
    return site, done.stdout, build_app(site, "dirhtml")


def test_a_large_import_gives_each_day_a_page_and_the_home_page_the_days_at_a_glance(large_import):
    from symposium.model.pages import LARGE_PROGRAM

    site, said, app = large_import
    # the one warning is the file's own: a talk's abstract over the length the copies carry
    assert [(w.path, w.type) for w in parse_warnings(app)] == [
        ("talks/effects-everywhere-error-handling-and-design-by.md", "symposium.export")]
    assert (site / "program" / "2025-02-01.md").read_text("utf-8").startswith("# Saturday, February 1, 2025\n")
    assert "```{program-grid}\n:day: 2025-02-02\n```" in (site / "program" / "2025-02-02.md").read_text("utf-8")
    for page in ("index.md", "program/index.md"):
        text = (site / page).read_text("utf-8")
        assert "{program-days}" in text and "{program-table}" not in text, page
    # in the program page's table of contents (the header's navigation)
    assert ":hidden:\n\n2025-02-01\n2025-02-02\n```" in (site / "program" / "index.md").read_text("utf-8")
    assert not (site / "program" / "grid.md").exists()  # the day pages are grids
    assert "program/2025-02-01.md" in said
    events = schedule_events_of(app)
    assert len(events) > LARGE_PROGRAM
    on_day_pages: dict[str, str] = {}
    for day in ("2025-02-01", "2025-02-02"):
        page = parse_page(app, f"program/{day}/index.html")
        for cell in page.xpath('//*[contains(@class, "symposium-grid-item")]'):
            for href in cell.xpath('.//a[contains(@href, "talks/")]/@href'):
                slug = href.rstrip("/").rsplit("/", 1)[-1]
                assert on_day_pages.setdefault(slug, day) == day
                assert cell.xpath(".//time/@datetime")[0].startswith(day)  # on its own day, in the event zone
    talks = {event["url"].rstrip("/").rsplit("/", 1)[-1] for event in events if "/talks/" in event["url"]}
    assert set(on_day_pages) == talks
    # the home page holds the days at a glance, no program rows
    home = parse_page(app, "index.html")
    assert len(home.xpath('//div[contains(@class, "symposium-glance-day")]')) == 2
    assert home.xpath('//*[contains(@class, "symposium-grid-item") or contains(@class, "symposium-row-")]') == []


def schedule_events_of(app) -> list[dict]:
    import json

    from helpers import schedule_events

    return schedule_events(json.loads((Path(app.outdir) / "schedule.json").read_text("utf-8")))
