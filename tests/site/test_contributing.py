"""CONTRIBUTING.md stays true: its walkthrough works (its front-matter reference: tests/unit/test_fields.py)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from icalendar import Calendar

from helpers import (
    CONTRIBUTING,
    REPO,
    build_app,
    contributing_section,
    copy_site,
    nox_session,
    parse_warnings,
    run_nox_command,
    words,
)
from symposium.model.limits import TEXT_LIMIT

# -- the walkthrough -------------------------------------------------------------------------------------

NOX_NEW = ".venv/bin/nox -s new -- "


def walkthrough() -> tuple[str, list[list[str]]]:
    """The walkthrough's text and the commands of its shell blocks, split as a shell splits them."""
    text = contributing_section("Your first talk, step by step")
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
    quoted = re.search(r"```text\n(.*?)\n```", contributing_section("Catch mistakes before you push"), re.S)
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
