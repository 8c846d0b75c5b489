"""The program's history, on the real path: a repository made in a temporary folder with real
commits (the program announced, a talk moved, one cancelled, one added, a speaker renamed on a
branch and merged), built after each commit into one output folder as Read the Docs and
``nox -s serve`` do, and once fresh at the end: the change log, the feed, the calendars'
``SEQUENCE`` and the apps' version are read back with real parsers."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest
from conftest import serve
from lxml import html

from helpers import ROOTS, build_app, calendar, events, khal_in, needs_chromium, parse_warnings

pytestmark = pytest.mark.xdist_group("history")

CHANGES_PAGE = "# Changes to the program\n\n```{program-changes}\n```\n"
NEW_TALK = ("---\ntalk:\n  type: contributed\n  session: s3\n  start: 14:00\n  end: 14:45\n  speakers: [grace-hopper]\n"
            "---\n# Streams of Data\n\nAn abstract.\n")


def git(repo: Path, *args: str, date: str = "2026-05-01", at: str = "10:00:00+02:00") -> str:
    stamp = f"{date}T{at}"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_NAME": "Test Organiser",
           "GIT_AUTHOR_EMAIL": "organiser@example.org", "GIT_COMMITTER_NAME": "Test Organiser",
           "GIT_COMMITTER_EMAIL": "organiser@example.org", "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def edit(repo: Path, path: str, old: str, new: str) -> None:
    file = repo / path
    text = file.read_text("utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), "utf-8")


#: each step: (date, subject, what it does to the sources)
STEPS = [
    ("2026-05-10", "Move Data Lakes after the coffee",
     lambda repo: edit(repo, "talks/data-lakes.md", "start: 14:00\n  end: 14:45", "start: 14:45\n  end: 15:30")),
    ("2026-05-12", "Hopper cannot come",
     lambda repo: edit(repo, "talks/compilers-for-workflows.md", "talk:\n", "talk:\n  status: cancelled\n")),
    ("2026-05-15", "A talk in the free slot", lambda repo: (repo / "talks/streams.md").write_text(NEW_TALK, "utf-8")),
    ("2026-05-20", "merge", None),  # a branch that renames a speaker, merged
]


def _merge_rename(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "rename", date="2026-05-18")
    edit(repo, "speakers/alan-turing.md", "name: Alan Turing", "name: Alan M. Turing")
    edit(repo, "speakers/alan-turing.md", "# Alan Turing", "# Alan M. Turing")
    git(repo, "commit", "-qam", "Alan Turing's full name", date="2026-05-18")
    git(repo, "checkout", "-q", "main", date="2026-05-20")
    git(repo, "merge", "-q", "--no-ff", "rename", "-m", "Merge branch 'rename'", date="2026-05-20")


@pytest.fixture(scope="module")
def history_builds(tmp_path_factory):
    """The repository, its output folder built after each commit (with a copy of it after each
    build, ``snapshots``), and a fresh build of the end."""
    root = tmp_path_factory.mktemp("history")
    repo = root / "site"
    shutil.copytree(ROOTS / "test-conference", repo)
    (repo / "program/changes.md").write_text(CHANGES_PAGE, "utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Announce the program")
    incremental = root / "incremental"
    apps = [build_app(repo, fresh=False, builddir=incremental)]
    snapshots = [shutil.copytree(apps[0].outdir, root / "after-0")]
    for step, (date, subject, change) in enumerate(STEPS, start=1):
        if change is None:
            _merge_rename(repo)
        else:
            change(repo)
            git(repo, "add", "-A", date=date)
            git(repo, "commit", "-qm", subject, date=date)
        apps.append(build_app(repo, fresh=False, builddir=incremental))
        snapshots.append(shutil.copytree(apps[-1].outdir, root / f"after-{step}"))
    fresh = build_app(repo, builddir=root / "fresh")
    return repo, apps, fresh, snapshots


def _change_log(app) -> list[tuple[str, list[str]]]:
    """(note, changes) of each version on the change log page, as readers read them."""
    page = html.parse(str(Path(app.outdir) / "program/changes/index.html")).getroot()
    versions = []
    for box in page.xpath('//div[contains(@class, "symposium-change ")]'):
        note = " ".join(box.xpath('string(.//p[contains(@class, "symposium-change-note")])').split())
        changes = [" ".join(item.text_content().split()) for item in box.xpath(".//li")]
        versions.append((note, changes))
    return versions


def test_the_change_log_says_what_each_version_changed_newest_first(history_builds):
    _, _, fresh, _ = history_builds
    assert parse_warnings(fresh) == []
    assert _change_log(fresh) == [
        ("", ["Alan M. Turing: Renamed from Alan Turing"]),  # a merge: its subject names a branch, no note
        ("Note: A talk in the free slot", ["Streams of Data: New talk: Wednesday, June 3, 2026, 2:00–2:45 PM, Room 1"]),
        ("Note: Hopper cannot come", ["Compilers for Workflows: Cancelled"]),
        ("Note: Move Data Lakes after the coffee",
         ["Data Lakes for Simulations: Moved from 2:00–2:45 PM to 2:45–3:30 PM"]),
    ]
    page = html.parse(str(Path(fresh.outdir) / "program/changes/index.html")).getroot()
    days = [" ".join(t.split()) for t in page.xpath('//p[contains(@class, "rubric")]/text()')]
    assert days == ["Wednesday, May 20, 2026", "Friday, May 15, 2026", "Tuesday, May 12, 2026", "Sunday, May 10, 2026"]
    # each change links to the item where it is
    links = page.xpath('//li//a[contains(@class, "symposium-title")]/@href')
    assert links == ["../../speakers/alan-turing/", "../../talks/streams/", "../../talks/compilers-for-workflows/",
                     "../../talks/data-lakes/"]


def test_the_feed_has_an_entry_per_version_with_ids_that_stay(history_builds):
    _, _apps, fresh, snapshots = history_builds
    feed = feedparser.parse((Path(fresh.outdir) / "program/changes.atom").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.language == "en"  # the site's language
    assert [entry.title for entry in feed.entries] == [
        "Alan M. Turing: Renamed from Alan Turing",
        "Streams of Data: New talk: Wednesday, June 3, 2026, 2:00–2:45 PM, Room 1",
        "Compilers for Workflows: Cancelled",
        "Data Lakes for Simulations: Moved from 2:00–2:45 PM to 2:45–3:30 PM",
    ]
    assert all(entry.link.startswith("https://conference.example.org/program/changes/#change-") for entry in feed.entries)
    assert feed.entries[1].content[0].value.endswith("Note: A talk in the free slot")
    # the ids an earlier build published are the same now
    earlier = feedparser.parse((snapshots[2] / "program/changes.atom").read_bytes())
    assert [e.id for e in feed.entries][-2:] == [e.id for e in earlier.entries]
    # every page names the feed in its head
    page = html.parse(str(Path(fresh.outdir) / "talks/data-lakes/index.html")).getroot()
    assert page.xpath('//head/link[@type="application/atom+xml"]/@href') == ["../../program/changes.atom"]


def test_calendars_count_the_versions_that_changed_each_event(history_builds):
    _, _, fresh, _ = history_builds
    for path in ("program.ics", "talks/data-lakes.ics"):
        found = {str(e["summary"]): e for e in events(calendar(fresh, path))}
        moved = found["Data Lakes for Simulations"]
        assert moved["sequence"] == 1
        assert moved.decoded("last-modified").isoformat() == "2026-05-10T08:00:00+00:00"
        assert moved.decoded("dtstamp") == moved.decoded("last-modified")
    found = {str(e["summary"]): e for e in events(calendar(fresh))}
    assert found["Cancelled: Compilers for Workflows"]["sequence"] == 1
    assert found["Cancelled: Compilers for Workflows"]["status"] == "CANCELLED"
    assert found["Streams of Data"]["sequence"] == 0
    assert found["Opening"]["sequence"] == 0
    assert found["Opening"].decoded("last-modified").isoformat() == "2026-05-01T08:00:00+00:00"


def test_the_apps_schedule_names_the_programs_version(history_builds):
    import json

    repo, _, fresh, _ = history_builds
    merge = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    version = json.loads((Path(fresh.outdir) / "schedule.json").read_text("utf-8"))["schedule"]["version"]
    assert version.startswith(f"2026-05-20 ({merge}), ")


def test_the_program_marks_what_the_latest_version_changed_and_says_when(history_builds):
    _, _apps, fresh, snapshots = history_builds
    # after the cancellation (the third build): the cancelled talk is marked, nothing else
    page = html.parse(str(snapshots[2] / "program/index.html")).getroot()
    marked = page.xpath('//tr[.//span[contains(@class, "symposium-updated")]]//a[contains(@class, "symposium-title")]')
    assert [" ".join(a.text_content().split()) for a in marked] == ["Compilers for Workflows"]
    line = " ".join(page.xpath('string(//p[contains(@class, "symposium-last-changed")])').split())
    assert line == "Program last changed Tuesday, May 12, 2026 · What changed · Feed of changes (Atom)"
    talk = html.parse(str(snapshots[2] / "talks/compilers-for-workflows/index.html")).getroot()
    note = " ".join(talk.xpath('string(//p[contains(@class, "symposium-update-note")])').split())
    assert note == "Updated Tuesday, May 12, 2026: Cancelled · What changed"
    # after the merge, which changed no item: no mark; the date moves on
    page = html.parse(str(Path(fresh.outdir) / "program/index.html")).getroot()
    assert page.xpath('//span[contains(@class, "symposium-updated")]') == []
    assert "Program last changed Wednesday, May 20, 2026" in page.xpath('string(//p[contains(@class, "symposium-last-changed")])')


def test_building_after_each_commit_gives_what_a_fresh_build_gives(history_builds):
    _, apps, fresh, _snapshots = history_builds
    incremental, fresh_dir = Path(apps[-1].outdir), Path(fresh.outdir)
    left = sorted(p.relative_to(incremental).as_posix() for p in incremental.rglob("*") if p.is_file())
    right = sorted(p.relative_to(fresh_dir).as_posix() for p in fresh_dir.rglob("*") if p.is_file())
    assert left == right
    differ = [name for name in left if not name.endswith((".buildinfo", "searchindex.js"))
              and not filecmp.cmp(incremental / name, fresh_dir / name, shallow=False)]
    assert differ == []
    assert all(parse_warnings(app) == [] for app in apps)


def test_a_shallow_clone_is_a_warning_that_says_how_to_fetch_the_history(history_builds, tmp_path, monkeypatch):
    """What most CI checkouts are: its change log would be empty, its feed too, and SEQUENCE 0 on
    events that moved. A warning (so -W stops it) that says how to fetch the history; fetched,
    the build is clean and gives what a full clone gives."""
    repo, _, fresh, _ = history_builds
    monkeypatch.delenv("READTHEDOCS", raising=False)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    app = build_app(shallow)
    [warning] = parse_warnings(app)
    assert warning.type == "symposium.history"
    assert "is a shallow clone" in warning.message and "run `git fetch --unshallow`" in warning.message
    assert build_app(shallow, warningiserror=True, builddir=tmp_path / "strict").statuscode == 1  # -W
    git(shallow, "fetch", "-q", "--unshallow")
    app = build_app(shallow, warningiserror=True)
    assert app.statuscode == 0
    assert parse_warnings(app) == []
    assert _change_log(app) == _change_log(fresh)
    assert (Path(app.outdir) / "program.ics").read_bytes() == (Path(fresh.outdir) / "program.ics").read_bytes()


def test_on_read_the_docs_a_shallow_clone_is_an_info_line(history_builds, tmp_path, monkeypatch):
    """Read the Docs clones shallow, and .readthedocs.yaml fetches the rest (`git fetch --unshallow ||
    true`): if that could not, the info line says where the fetch belongs."""
    repo, _, _, _ = history_builds
    monkeypatch.setenv("READTHEDOCS", "True")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    app = build_app(shallow)
    assert parse_warnings(app) == []
    assert "post_checkout" in app.status.getvalue() and "git fetch --unshallow" in app.status.getvalue()
    assert _change_log(app) == []


def test_a_copy_outside_git_builds_without_warnings(history_builds, tmp_path):
    repo, _, _, _ = history_builds
    outside = tmp_path / "outside"
    shutil.copytree(repo, outside, ignore=shutil.ignore_patterns(".git"))
    app = build_app(outside)
    assert parse_warnings(app) == []
    assert "not in a git repository" in app.status.getvalue()
    page = html.parse(str(Path(app.outdir) / "program/changes/index.html")).getroot()
    assert "No changes since the program was announced." in page.text_content()


def test_readthedocs_and_ci_fetch_the_whole_history():
    """The two places that build the site from a clone fetch its history first."""
    import yaml

    from helpers import REPO

    rtd = yaml.safe_load((REPO / ".readthedocs.yaml").read_text("utf-8"))
    assert "git fetch --unshallow || true" in rtd["build"]["jobs"]["post_checkout"]
    ci = (REPO / ".ci/run").read_text("utf-8")
    assert ci.index("git fetch") < ci.index("nox -s docs")


def test_symposium_changes_since_hides_the_drafting_before_it(history_builds, tmp_path):
    repo, _, _, _ = history_builds
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    with open(clone / "conf.py", "a", encoding="utf-8") as conf:
        conf.write('\nsymposium_changes_since = "2026-05-12"\n')
    app = build_app(clone)
    assert parse_warnings(app) == []
    assert [note for note, _ in _change_log(app)] == ["", "Note: A talk in the free slot", "Note: Hopper cannot come"]
    with open(clone / "conf.py", "a", encoding="utf-8") as conf:
        conf.write('\nsymposium_changes_since = "May 12"\n')
    app = build_app(clone)
    assert [(w.path, w.type) for w in parse_warnings(app)] == [("", "symposium.config")]
    assert "symposium_changes_since = 'May 12': expected the day the program was announced" in parse_warnings(app)[0].message


def test_changes_since_is_a_day_of_the_event_s_calendar(history_builds, tmp_path):
    """A cancellation committed at 01:30 in Hamburg on the day the news starts (23:30 the day
    before in UTC) is news of that day: in the log and the feed."""
    repo, _, _, _ = history_builds
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    edit(clone, "talks/data-lakes.md", "talk:\n", "talk:\n  status: cancelled\n")
    git(clone, "commit", "-qam", "Cancelled at dawn", date="2026-05-21", at="01:30:00+02:00")
    with open(clone / "conf.py", "a", encoding="utf-8") as conf:
        conf.write('\nsymposium_changes_since = "2026-05-21"\n')
    app = build_app(clone)
    assert parse_warnings(app) == []
    assert _change_log(app) == [("Note: Cancelled at dawn", ["Data Lakes for Simulations: Cancelled"])]
    page = html.parse(str(Path(app.outdir) / "program/changes/index.html")).getroot()
    assert [" ".join(t.split()) for t in page.xpath('//p[contains(@class, "rubric")]/text()')] == ["Thursday, May 21, 2026"]
    feed = feedparser.parse((Path(app.outdir) / "program/changes.atom").read_bytes())
    assert [entry.title for entry in feed.entries] == ["Data Lakes for Simulations: Cancelled"]


def test_a_program_given_to_an_empty_one_is_an_announcement_not_a_change(history_builds, tmp_path):
    """After the program was emptied (as `symposium init` does for a new event), the commit that
    brings the new program announces it: nothing is "Updated", nothing listed as new; the change
    log and the feed start there, and the first change after it is their first entry."""
    repo, _, _, _ = history_builds
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    program = (clone / "program/index.md").read_text("utf-8")
    git(clone, "rm", "-q", "talks/*.md")
    (clone / "program/index.md").write_text(program[program.index("# Program"):], "utf-8")
    git(clone, "commit", "-qam", "A new event", date="2026-05-25")
    git(clone, "checkout", "HEAD~1", "--", "talks", "program/index.md", date="2026-05-27")
    git(clone, "commit", "-qm", "The new event's program", date="2026-05-27")
    out = tmp_path / "out"
    app = build_app(clone, fresh=False, builddir=out)
    assert parse_warnings(app) == []
    assert _change_log(app) == []
    page = html.parse(str(Path(app.outdir) / "program/changes/index.html")).getroot()
    assert "No changes since the program was announced on Wednesday, May 27, 2026." in page.text_content()
    program_page = html.parse(str(Path(app.outdir) / "program/index.html")).getroot()
    assert program_page.xpath('//span[contains(@class, "symposium-updated")]') == []
    assert feedparser.parse((Path(app.outdir) / "program/changes.atom").read_bytes()).entries == []
    # the calendars: an event a calendar may still hold (its UID the same) goes on from its sequence
    found = {str(e["summary"]): e for e in events(calendar(app))}
    assert found["Data Lakes for Simulations"]["sequence"] == 2  # moved on 10 May, gone, and back
    edit(clone, "talks/engines-at-scale.md", "talk:\n", "talk:\n  status: cancelled\n")
    git(clone, "commit", "-qam", "Engines cancelled", date="2026-05-29")
    app = build_app(clone, fresh=False, builddir=out)
    assert parse_warnings(app) == []
    assert _change_log(app) == [("Note: Engines cancelled", ["Engines at Scale: Cancelled"])]
    program_page = html.parse(str(Path(app.outdir) / "program/index.html")).getroot()
    marked = program_page.xpath('//tr[.//span[contains(@class, "symposium-updated")]]//a[contains(@class, "symposium-title")]')
    assert [" ".join(a.text_content().split()) for a in marked] == ["Engines at Scale"]
    feed = feedparser.parse((Path(app.outdir) / "program/changes.atom").read_bytes())
    assert [entry.title for entry in feed.entries] == ["Engines at Scale: Cancelled"]


@needs_chromium
def test_a_visitor_with_stars_is_told_which_changed_since_the_last_visit(history_builds, new_context):
    """Seen the program after the move (the second version); since then the starred talk was
    cancelled: the notice names it and links to the change log; "Got it" keeps the version."""
    repo, _, fresh, _ = history_builds
    seen = git(repo, "rev-parse", "--short=7", "HEAD~3").strip()  # "Move Data Lakes after the coffee"
    errors = []
    for url in serve(Path(fresh.outdir)):
        page = new_context(timezone_id="Europe/Berlin").new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{url}program/", wait_until="load")
        assert page.locator(".symposium-change-notice").count() == 0  # a first visit: nothing to say
        page.evaluate("""([seen]) => {
            localStorage.setItem('symposium:workflowsconference2026:starred', '["compilers-for-workflows", "learning-graphs"]');
            localStorage.setItem('symposium:workflowsconference2026:seen-version', seen); }""", [seen])
        page.goto(f"{url}program/", wait_until="load")
        notice = page.locator(".symposium-change-notice")
        assert " ".join(notice.inner_text().split()) == (
            "1 of your starred items changed since your last visit: Compilers for Workflows. What changed Got it")
        assert notice.get_attribute("role") == "status"
        assert notice.get_by_role("link", name="What changed").get_attribute("href") == "changes/"
        notice.get_by_role("button", name="Got it").click()
        assert page.locator(".symposium-change-notice").count() == 0
        page.goto(f"{url}program/", wait_until="load")
        assert page.locator(".symposium-change-notice").count() == 0
        assert errors == []


@pytest.mark.skipif(not shutil.which("khal"), reason="khal is not installed (apt-get install khal)")
def test_a_calendar_program_that_imports_the_later_file_follows_the_move_and_the_cancellation(history_builds, tmp_path):
    """khal keeps one event per UID: importing the file of a later version replaces it, moved
    or cancelled."""
    _, _, _, snapshots = history_builds
    khal = khal_in(tmp_path)
    store = tmp_path / "calendar"

    def listed() -> list[str]:
        return [line for line in khal("list", "--format", "{cancelled}{start-end-time-style} {title}", "2026-06-03",
                                      "1d").splitlines() if "Data Lakes" in line]

    khal("import", "--batch", "-a", "conference", str(snapshots[0] / "talks/data-lakes.ics"))
    assert listed() == ["14:00-14:45 Data Lakes for Simulations"]
    khal("import", "--batch", "-a", "conference", str(snapshots[1] / "talks/data-lakes.ics"))
    assert listed() == ["14:45-15:30 Data Lakes for Simulations"]
    assert len(list(store.iterdir())) == 1
    # the whole program, then its file after the cancellation: the talk is marked, not gone
    khal("import", "--batch", "-a", "conference", str(snapshots[1] / "program.ics"))
    khal("import", "--batch", "-a", "conference", str(snapshots[2] / "program.ics"))
    compilers = [line for line in khal("list", "--format", "{cancelled}{start-end-time-style} {title}", "2026-06-02",
                                       "1d").splitlines() if "Compilers" in line]
    assert compilers == ["CANCELLED 10:15-11:00 Cancelled: Compilers for Workflows"]


@pytest.fixture(scope="module")
def after_cancellation(history_builds, tmp_path_factory) -> Path:
    """The site after the cancellation (its log, the talk marked "Updated"), with the site's
    theme, built once from a worktree of that commit."""
    repo, _, _, _ = history_builds
    checkout = tmp_path_factory.mktemp("after-cancel") / "site"
    git(repo, "worktree", "add", "-q", "--detach", str(checkout), "HEAD~2")
    app = build_app(checkout, confoverrides={"html_theme": "pydata_sphinx_theme"})
    assert parse_warnings(app) == []
    return Path(app.outdir)


@needs_chromium
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_change_log_and_an_updated_item_are_accessible(after_cancellation, browser, scheme, width):
    from axe_playwright_python.sync_playwright import Axe

    for url in serve(after_cancellation):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        try:
            page = context.new_page()
            for path in ("program/changes/", "program/", "talks/compilers-for-workflows/"):
                page.goto(f"{url}{path}", wait_until="load")
                assert page.evaluate("document.documentElement.dataset.theme") == scheme
                results = Axe().run(page)
                assert results.violations_count == 0, (path, results.generate_report())
        finally:
            context.close()


def test_two_clones_built_with_one_source_date_epoch_are_byte_identical(history_builds, tmp_path, monkeypatch):
    """The history's dates are the commits': two clones in other folders give the same bytes."""
    repo, _, _, _ = history_builds
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763000000")
    outputs = []
    for name in ("a", "b"):
        clone = tmp_path / name / "site"
        subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
        app = build_app(clone)
        assert parse_warnings(app) == []
        out = Path(app.outdir)
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
                        if p.is_file() and p.name not in {".buildinfo", "searchindex.js"}})
    assert outputs[0].keys() == outputs[1].keys()
    assert [name for name in outputs[0] if outputs[0][name] != outputs[1][name]] == []
    assert b"SEQUENCE:1" in outputs[0]["program.ics"]


@pytest.mark.parametrize("builder", ["singlehtml", "text", "latex"])
def test_every_builder_writes_the_change_log(history_builds, tmp_path, builder):
    repo, _, _, _ = history_builds
    app = build_app(repo, builder, builddir=tmp_path / builder)
    assert parse_warnings(app) == []
    out = Path(app.outdir)
    text = {"singlehtml": lambda: (out / "index.html").read_text("utf-8"),
            "text": lambda: (out / "program/changes.txt").read_text("utf-8"),
            "latex": lambda: next(out.glob("*.tex")).read_text("utf-8")}[builder]()
    for words in ("Renamed from Alan Turing", "Cancelled", "Hopper cannot come",
                  "Moved from 2:00–2:45 PM to 2:45–3:30 PM" if builder != "latex" else "Moved from 2:00"):
        assert words in text, (builder, words)


def test_json_ld_says_which_items_moved_and_when_pages_changed(history_builds):
    import json

    _, _, fresh, _ = history_builds

    def jsonld(path: str) -> dict:
        page = html.parse(str(Path(fresh.outdir) / path)).getroot()
        return json.loads(page.xpath('//script[@type="application/ld+json"]/text()')[0])

    moved = jsonld("talks/data-lakes/index.html")
    assert moved["eventStatus"] == "https://schema.org/EventRescheduled"
    assert moved["previousStartDate"] == ["2026-06-03T14:00:00+02:00"]
    assert moved["startDate"] == "2026-06-03T14:45:00+02:00"
    assert moved["mainEntityOfPage"] == {"@type": "WebPage", "@id": moved["url"],
                                         "dateModified": "2026-05-10T08:00:00+00:00"}
    cancelled = jsonld("talks/compilers-for-workflows/index.html")
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert "previousStartDate" not in cancelled
    assert jsonld("talks/learning-graphs/index.html")["eventStatus"] == "https://schema.org/EventScheduled"
    home = jsonld("index.html")
    assert home["mainEntityOfPage"]["dateModified"] == "2026-05-20T08:00:00+00:00"
