"""CONTRIBUTING.md stays true: its front-matter reference is the model's, and its walkthrough works."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from icalendar import Calendar

from helpers import REPO, build_app, copy_site, nox_session, parse_warnings, run_nox_command, words
from symposium.cli import new_page as scaffold
from symposium.model import reading as model
from symposium.model.limits import TEXT_LIMIT

CONTRIBUTING = REPO / "CONTRIBUTING.md"

#: the block of the reference (the words in its heading's backquotes) that documents each key set of model.py
TABLE_OF = {
    "SPEAKER_KEYS": "speaker:",
    "TALK_KEYS": "talk:",
    "ITEM_KEYS": "program: items:",
    "PROGRAM_KEYS": "program:",
    "SESSION_KEYS": "program: sessions:",
}
#: key sets that only share keys between blocks, each documented in the blocks that use it
NOT_A_BLOCK = {"TIMING_KEYS"}

MODEL_KEYS = {TABLE_OF[name]: set(value) for name, value in vars(model).items() if name in TABLE_OF}
# read_program_items reads `items` and reports any other key (until model.py names the set)
MODEL_KEYS.setdefault("program:", {"items"})


def test_every_key_set_of_the_model_has_a_table():
    """A new block in model.py (a ``*_KEYS`` set) needs its table here and in CONTRIBUTING.md."""
    sets = {name for name, value in vars(model).items() if name.endswith("_KEYS") and isinstance(value, (set, frozenset))}
    assert sets - NOT_A_BLOCK <= set(TABLE_OF), "map the new key set to its table in TABLE_OF"


def section(text: str, heading: str) -> str:
    """The text under a ``## heading``, up to the next heading of that level."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert match, f"CONTRIBUTING.md has no section '## {heading}'"
    return match.group(1)


def reference_tables() -> dict[str, list[list[str]]]:
    """Rows of each table of the front-matter reference, by block, as lists of cells."""
    reference = section(CONTRIBUTING.read_text(), "Front-matter reference")
    tables: dict[str, list[list[str]]] = {}
    for block in re.split(r"^### ", reference, flags=re.M)[1:]:
        heading, _, body = block.partition("\n")
        names = re.findall(r"`([^`]+)`", heading)
        assert names, heading
        rows = [line for line in body.splitlines() if line.startswith("|")]
        header, _, *data = rows
        assert [c.strip() for c in header.strip("|").split("|")] == ["key", "type", "required", "example", "notes"]
        tables[names[-1]] = [[c.strip() for c in row.strip().strip("|").split(" | ")] for row in data]
    return tables


def test_the_reference_has_a_table_for_each_block():
    assert set(reference_tables()) == set(MODEL_KEYS)


@pytest.mark.parametrize("block", MODEL_KEYS)
def test_the_reference_documents_exactly_the_keys_of_the_model(block):
    rows = reference_tables()[block]
    documented = [re.fullmatch(r"`(\w+)`", row[0]).group(1) for row in rows]
    assert len(documented) == len(set(documented)), "a key documented twice"
    model = MODEL_KEYS[block]
    assert sorted(model - set(documented)) == [], f"keys of the model missing from CONTRIBUTING.md ({block})"
    assert sorted(set(documented) - model) == [], f"keys in CONTRIBUTING.md that the model does not read ({block})"
    for row in rows:
        assert len(row) == 5, row
        _, kind, required, example, _ = row
        assert kind and example, row
        assert re.match(r"(yes|no|instead of `\w+`)", required), row


def test_the_required_column_says_what_the_model_requires():
    """A key the model requires is `yes` in the reference, and the reverse."""
    rows = reference_tables()
    required = {block: {row[0].strip("`") for row in rows[block] if row[2].startswith("yes")} for block in rows}
    assert required["speaker:"] == set(scaffold.REQUIRED_SPEAKER_KEYS)
    assert required["talk:"] == set(scaffold.REQUIRED_TALK_KEYS)
    assert required["program: items:"] == {"title", "type", "start", "end"}


# -- the walkthrough -------------------------------------------------------------------------------------

NOX_NEW = ".venv/bin/nox -s new -- "


def walkthrough() -> tuple[str, list[list[str]]]:
    """The walkthrough's text and the commands of its shell blocks, split as a shell splits them."""
    text = section(CONTRIBUTING.read_text(), "Your first talk, step by step")
    commands = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, re.S | re.M):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if line:
                commands.append(line)
    return text, commands


def test_the_nox_sessions_the_walkthrough_names_are_sessions_of_the_noxfile():
    """`nox -s NAME` in the walkthrough: noxfile.py has each session, and `new` and `check` run the tool."""
    _, commands = walkthrough()
    named = {shlex.split(command)[2] for command in commands if command.startswith(".venv/bin/nox -s ")}
    assert {"new", "check", "docs"} <= named
    for name in sorted(named):
        assert nox_session(name).runs, f"noxfile.py has no session {name!r} that runs something"
    # what the walkthrough test below runs, through these sessions, is the tool
    assert nox_session("new", "talk", "x").runs == [("python", "tools/symposium.py", "new", "talk", "x")]
    assert nox_session("check").runs == [("python", "tools/symposium.py", "check")]


def test_the_walkthrough_adds_a_talk_that_shows_in_the_program_on_the_speakers_page_and_in_the_calendar(tmp_path):
    text, commands = walkthrough()
    site = copy_site(tmp_path / "site")
    assert commands[0].startswith("python3 -m venv .venv")  # setting up: nox is not needed here

    # 1. the scaffold commands, as written, through what `nox -s new` runs
    scaffolds = [command for command in commands if command.startswith(NOX_NEW)]
    assert [shlex.split(c)[4] for c in scaffolds] == ["speaker", "talk"]
    for command in scaffolds:
        done = run_nox_command("new", site, *shlex.split(command.removeprefix(NOX_NEW)), stdin="")
        assert done.returncode == 0, (command, done.stderr)
    speaker_slug = shlex.split(scaffolds[0])[5]
    talk_args = shlex.split(scaffolds[1])
    talk_slug, title = talk_args[5], talk_args[talk_args.index("--title") + 1]

    # 2. the edit: the lines the walkthrough names are the ones the scaffold wrote
    talk_page, speaker_page = site / "talks" / f"{talk_slug}.md", site / "speakers" / f"{speaker_slug}.md"
    placeholder = re.search(r"replace the line\s+`([^`]+)`", text).group(1)
    assert placeholder in talk_page.read_text()
    talk_page.write_text(talk_page.read_text().replace(placeholder, "Agents plan, run and repair workflows."))
    bio = re.search(r"replace `([^`]+)` with the biography", text).group(1)
    assert bio in speaker_page.read_text()
    speaker_page.write_text(speaker_page.read_text().replace(bio, "Jane Doe studies workflows."))

    # 3. check, build, preview
    assert ".venv/bin/nox -s check" in commands and ".venv/bin/nox -s docs" in commands
    assert ".venv/bin/nox -s serve" in commands
    done = run_nox_command("check", site)
    assert done.returncode == 0, done.stdout
    app = build_app(site, "dirhtml")
    assert parse_warnings(app) == []  # `nox -s docs` builds with -W

    from lxml import html

    out = Path(app.outdir)
    program = html.parse(str(out / "program" / "index.html"))
    assert any(words(a) == title for a in program.xpath(f"//a[contains(@href, 'talks/{talk_slug}/')]"))
    speaker = words(html.parse(str(out / "speakers" / speaker_slug / "index.html")).getroot())
    assert title in speaker and "Jane Doe studies workflows." in speaker
    talk = words(html.parse(str(out / "talks" / talk_slug / "index.html")).getroot())
    assert "Agents plan, run and repair workflows." in talk
    calendar = Calendar.from_ical((out / "program.ics").read_bytes())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert title in summaries
    # the preview address the scaffold printed is the page's
    assert (out / "talks" / talk_slug / "index.html").is_file()


def test_the_walkthrough_s_check_output_is_what_the_check_prints(tmp_path):
    """The line quoted under "Catch mistakes before you push" is the check's output, word for word."""
    quoted = re.search(r"```text\n(.*?)\n```", section(CONTRIBUTING.read_text(), "Catch mistakes before you push"), re.S)
    site = copy_site(tmp_path / "site")
    talk = site / "talks" / "invited-talk-1.md"
    talk.write_text(talk.read_text().replace("[debbie-bard]", "[debbie-brad]"))
    done = run_nox_command("check", site)
    assert done.returncode == 1
    assert done.stdout.strip() == quoted.group(1)


def conf_repository_url() -> str:
    """The one value of conf.py that says where the sources live."""
    namespace: dict = {"__file__": str(REPO / "conf.py")}
    exec(compile((REPO / "conf.py").read_text(), "conf.py", "exec"), namespace)
    return namespace["repository_url"].rstrip("/")


def test_the_edit_link_of_every_page_opens_its_markdown_source(real_site):
    """pydata-sphinx-theme's edit button, from repository_url: talks, speakers, the program, the home page."""
    from lxml import html

    repository_url = conf_repository_url()
    assert repository_url == "https://github.com/aiexscale/aiexscale.github.io"
    out = Path(real_site.outdir)
    sources = [*sorted(REPO.glob("talks/*.md")), *sorted(REPO.glob("speakers/*.md")),
               REPO / "program" / "index.md", REPO / "index.md"]
    for source in sources:
        relative = source.relative_to(REPO).as_posix()
        docname = relative.removesuffix(".md")
        page = out / (docname.removesuffix("index") if docname.endswith("index") else f"{docname}/") / "index.html"
        links = html.parse(str(page)).xpath("//*[contains(@class, 'editthispage')]//a")
        assert [a.get("href") for a in links] == [f"{repository_url}/edit/main/{relative}"], relative
        assert words(links[0]) == "Edit on GitHub"


def test_the_limit_on_abstracts_is_the_models():
    """The length the guide gives abstracts and biographies is ``limits.TEXT_LIMIT``, in each place it says it."""
    text = CONTRIBUTING.read_text()
    stated = set(re.findall(r"(?:under|than|at most) ([\d,]+) characters", text))
    assert stated == {f"{TEXT_LIMIT:,}"}
