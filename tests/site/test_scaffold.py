"""`symposium new talk|speaker SLUG`: a page that builds, or the build's own words and nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import REPO, build_app, copy_site, parse_warnings, run_nox_command, run_tool
from symposium.cli import new_page as scaffold
from symposium.cli.check import check_site
from symposium.model.fields import ITEM_KEYS, SPEAKER, SPEAKER_KEYS, TALK, TALK_KEYS, fields_of
from symposium.model.frontmatter import read_frontmatter


def new(site: Path, *args: str, stdin: str | None = None):
    """What `nox -s new -- ARGS` runs (`python tools/symposium.py new ARGS`), run in ``site``."""
    return run_nox_command("new", site, *args, stdin=stdin)


def test_a_speaker_and_a_talk_that_build_cleanly(site_sources):
    done = new(site_sources, "speaker", "jane-doe", "--name", "Jane Doe", "--affiliation", "Example University",
               "--affiliation", "Room 0264: the lab")
    assert done.returncode == 0, done.stderr
    assert "Wrote speakers/jane-doe.md." in done.stdout
    assert "http://127.0.0.1:8000/speakers/jane-doe/" in done.stdout
    done = new(site_sources, "talk", "jane-on-workflows", "--title", "Workflows: what's next?", "--type", "lightning",
               "--start", "12:30", "--duration", "10", "--speakers", "jane-doe", "--moderators", "orcun-yildiz,ian-foster",
               "--room", "0264")
    assert done.returncode == 0, done.stderr
    assert "Edit talks/jane-on-workflows.md" in done.stdout and "nox -s serve" in done.stdout
    assert check_site(site_sources) == []
    talk = read_frontmatter((site_sources / "talks" / "jane-on-workflows.md").read_text()).data["talk"]
    assert talk["speakers"] == ["jane-doe"] and talk["moderators"] == ["orcun-yildiz", "ian-foster"]
    assert talk["room"] == "0264"  # quoted, not the octal number 180
    speaker = read_frontmatter((site_sources / "speakers" / "jane-doe.md").read_text()).data["speaker"]
    assert speaker["affiliation"] == ["Example University", "Room 0264: the lab"]
    app = build_app(site_sources, "dirhtml")
    assert [w for w in parse_warnings(app) if w.type.startswith("symposium")] == []
    program = (Path(app.outdir) / "program" / "index.html").read_text()
    # listings carry the title as written; SmartQuotes is the typography of the page's own heading
    assert "Workflows: what&#x27;s next?" in program or "Workflows: what's next?" in program
    talk_page = (Path(app.outdir) / "talks" / "jane-on-workflows" / "index.html").read_text()
    assert "Workflows: what’s next?" in talk_page


def test_every_optional_key_is_a_comment_in_the_new_page(site_sources):
    assert new(site_sources, "speaker", "jane-doe", "--name", "Jane Doe", "--affiliation", "X").returncode == 0
    assert new(site_sources, "talk", "t", "--title", "T", "--type", "invited", "--start", "12:30", "--end", "12:40").returncode == 0
    for folder, keys in (("speakers/jane-doe.md", SPEAKER_KEYS), ("talks/t.md", TALK_KEYS - {"duration"})):
        text = (site_sources / folder).read_text()
        for key in keys:
            assert f"  {key}:" in text or f"  # {key}:" in text, (folder, key)
    # uncommenting every optional line gives a page the build reads without a word (but
    # `session`: this one-morning site_sources has no sessions for the example to name; and
    # `board`, which only a poster has)
    text = "\n".join("  " + line[4:] if line.startswith("  # ") and not line.startswith(("  # session:", "  # board:"))
                     else line for line in (site_sources / "talks" / "t.md").read_text().splitlines())
    data = read_frontmatter(text)
    assert data is not None and set(data.data["talk"]) == TALK_KEYS - {"duration", "session", "board"}
    (site_sources / "talks" / "t.md").write_text(text)
    assert check_site(site_sources) == []


def test_the_template_knows_every_key_of_the_model():
    """Each optional key of the model's table is a comment in a new page (``duration``: ``end``'s other form)."""
    optional = {block: {field.key for field in fields_of(block) if not field.required} for block in (TALK, SPEAKER)}
    assert set(scaffold.OPTIONAL_TALK_KEYS) == optional[TALK] - {"duration"}
    assert set(scaffold.OPTIONAL_SPEAKER_KEYS) == optional[SPEAKER]
    assert TALK_KEYS - {"type"} <= ITEM_KEYS


def test_an_existing_page_is_never_overwritten(site_sources):
    page = site_sources / "talks" / "invited-talk-1.md"
    before = page.read_text()
    done = new(site_sources, "talk", "invited-talk-1", "--title", "T", "--type", "invited", "--start", "12:30", "--end", "12:40")
    assert done.returncode == 1
    assert "talks/invited-talk-1.md exists already; nothing written" in done.stderr
    assert page.read_text() == before


def test_an_unknown_speaker_is_refused_with_the_build_s_words(site_sources, tmp_path):
    done = new(site_sources, "talk", "t", "--title", "T", "--type", "invited", "--start", "12:30", "--end", "12:40",
               "--speakers", "debbie-brad")
    assert done.returncode == 1
    assert not (site_sources / "talks" / "t.md").exists()
    refused = [line.strip() for line in done.stderr.splitlines() if line.startswith("  ")]
    assert refused == ["talks/t.md:6: unknown speaker 'debbie-brad': there is no page speakers/debbie-brad.md; "
                       "did you mean 'debbie-bard'? expected the file name of a speaker page [symposium.reference]"]
    # the very page, written by hand, gives the build that warning
    other = copy_site(tmp_path / "other")
    values = {"type": "invited", "start": "12:30", "end": "12:40", "speakers": "[debbie-brad]"}
    (other / "talks" / "t.md").write_text(scaffold.talk_page(values, "T"))
    app = build_app(other, "dirhtml")
    built = [f"{w.path}:{w.line}: {w.message} [{w.type}]" for w in parse_warnings(app) if w.type.startswith("symposium")]
    assert built == refused


@pytest.mark.parametrize(("options", "says"), [
    (["--start", "25:00", "--end", "12:40"], "talks/t.md:4: 'talk.start': the item is left out of the program and the exports: expected a time such as 8:35"),
    (["--start", "12:40", "--end", "12:30"], "talks/t.md:5: 'talk.end' is 12:30 PM, not after the start 12:40 PM"),
    (["--start", "2:30", "--end", "2:40"], "leaves a gap of"),
    (["--start", "9:40", "--end", "9:50"], "runs into 'T'"),
    (["--start", "12:30", "--duration", "30:00"], "'talk.duration' should be a whole number of minutes such as 30"),
    (["--start", "12:30", "--end", "12:40", "--date", "2025-11-31"], "talks/t.md:6: 'talk.date': the item is left out of the program and the exports: expected an ISO date"),
    (["--start", "12:30", "--end", "12:40", "--slides", "ftp://x"], "should be an http(s) URL or a file under _static/"),
])
def test_a_bad_value_is_refused_with_the_build_s_words(site_sources, options, says):
    done = new(site_sources, "talk", "t", "--title", "T", "--type", "invited", *options)
    assert done.returncode == 1, done.stdout
    assert says in done.stderr
    assert "nothing written" in done.stderr
    assert not (site_sources / "talks" / "t.md").exists()


def test_a_bad_slug_is_refused_before_any_question(site_sources):
    done = new(site_sources, "speaker", "Jane_Doe", stdin="")
    assert done.returncode == 1
    assert ("speakers/Jane_Doe.md:1: the file name 'Jane_Doe' is not a slug, and the slug is the page's URL and how "
            "other pages name it; expected lower-case letters and digits, words joined by '-', such as 'jane-doe': "
            "rename the file to jane-doe.md [symposium.frontmatter]") in done.stderr
    assert new(site_sources, "talk", "../escape").returncode == 1
    assert not list(site_sources.glob("speakers/Jane*")) and not (site_sources / "escape.md").exists()


def test_without_a_terminal_a_missing_value_is_named_not_asked(site_sources):
    done = new(site_sources, "talk", "t", "--title", "T", stdin="")
    assert done.returncode == 1
    assert "missing values: give --type ... --start ... --end ..." in done.stderr
    assert not (site_sources / "talks" / "t.md").exists()


def test_in_a_terminal_what_is_missing_is_asked(site_sources, capsys):
    answers = iter(["Jane Doe", "Example University; Second Place"])
    assert scaffold.main(["speaker", "jane-doe", "--srcdir", str(site_sources)], ask=lambda question: next(answers)) == 0
    questions = []
    answers_talk = iter(["A talk about 'things'", "contributed", "12:30", "15", "jane-doe, ian-foster"])

    def ask(question: str) -> str:
        questions.append(question)
        return next(answers_talk)

    assert scaffold.main(["talk", "things", "--srcdir", str(site_sources)], ask=ask) == 0
    assert [q.split(" (")[0].split(",")[0].rstrip(": ") for q in questions] == [
        "Title of the talk", "Type", "Start", "End", "Speakers"]
    talk = read_frontmatter((site_sources / "talks" / "things.md").read_text())
    assert talk.data["talk"]["duration"] == 15
    assert talk.data["talk"]["speakers"] == ["jane-doe", "ian-foster"]
    assert "# A talk about 'things'" in (site_sources / "talks" / "things.md").read_text()
    speaker = read_frontmatter((site_sources / "speakers" / "jane-doe.md").read_text()).data["speaker"]
    assert speaker["affiliation"] == ["Example University", "Second Place"]
    assert check_site(site_sources) == []


def test_the_talk_types_offered_are_the_site_s(site_sources):
    """A type that conf.py's symposium_types adds is offered in the question and named in the new
    page's comment, beside the built-in ones; a type of entries without a page is not."""
    conf = site_sources / "conf.py"
    conf.write_text(conf.read_text() + '\nsymposium_types = {"spotlight": {"label": "Spotlight Talk"}, '
                    '"hackathon": {"label": "Hackathon", "class": "social", "page": False}}\n')
    questions = []
    answers = iter(["A spotlight", "spotlight", "12:30", "10", ""])

    def ask(question: str) -> str:
        questions.append(question)
        return next(answers)

    assert scaffold.main(["talk", "spotlit", "--srcdir", str(site_sources)], ask=ask) == 0
    offered = questions[1]
    assert "poster" in offered and "spotlight" in offered and "hackathon" not in offered
    text = (site_sources / "talks" / "spotlit.md").read_text()
    assert re.search(r"^  type: spotlight +# .*\| spotlight", text, re.M) and "hackathon" not in text
    assert check_site(site_sources) == []


def test_options_of_the_other_kind_are_refused(site_sources):
    done = new(site_sources, "speaker", "jane-doe", "--name", "J", "--affiliation", "X", "--start", "9:00")
    assert done.returncode == 2
    assert "--start is for a talk, not a speaker" in done.stderr


def test_a_photo_already_in_place_is_named(site_sources):
    (site_sources / "_static" / "speakers").mkdir(exist_ok=True)
    (site_sources / "_static" / "speakers" / "jane-doe.jpg").write_bytes(b"\xff\xd8\xff")
    assert new(site_sources, "speaker", "jane-doe", "--name", "Jane Doe", "--affiliation", "X").returncode == 0
    assert "  photo: _static/speakers/jane-doe.jpg" in (site_sources / "speakers" / "jane-doe.md").read_text()


@pytest.mark.parametrize("text", ["Plain", "0264", "yes", "10:50", "a: b", "#hash", "'quoted'", "[x]", "Müller, A."])
def test_values_read_back_as_written(text):
    assert read_frontmatter(f"---\nx: {scaffold.yaml_scalar(text)}\n---\n").data["x"] == text


def test_help_and_usage():
    done = run_tool(REPO)
    assert done.returncode == 2 and "new talk SLUG" in done.stdout
    done = new(REPO)  # no arguments: `nox -s new` alone shows the help
    assert done.returncode == 0 and "--duration" in done.stdout
