"""Builders other than the site's own ``dirhtml``: every one a reader may use.

The real site is built with each, turned into the words a reader sees, and searched for
what only the headers say: a talk's day and time with its people's affiliations, a
speaker's position. Builders that assemble one document from many pages (singlehtml,
latex, texinfo, man) resolve it under the root document's name; the headers must survive that.
The small test root covers what a LaTeX document of part of the site and linkcheck need
(tests/build/test_builders.py).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import html
from sphinx.testing.util import SphinxTestApp

from helpers import parse_warnings

BUILDERS = ["html", "dirhtml", "singlehtml", "text", "latex", "texinfo", "man", "epub"]
#: the tests of one builder read one build: in one pytest-xdist worker, each builder builds once
pytestmark = pytest.mark.xdist_group("site-builders")

# What the site's speakers/*.md say: name, affiliation as the talk header shows it, position.
PEOPLE = {
    "ian-foster": ("Ian Foster", "Argonne National Laboratory; University of Chicago",
                   "Director, Data Science and Learning Division"),
    "debbie-bard": ("Debbie Bard", "Lawrence Berkeley National Laboratory",
                    "Head, Science Engagement and Workflows Department, NERSC"),
    "rafael-ferreira-da-silva": ("Rafael Ferreira da Silva", "Oak Ridge National Laboratory",
                                 "Group Leader, Workflow and Ecosystem Services"),
    "katrin-heitmann": ("Katrin Heitmann", "Argonne National Laboratory",
                        "Deputy Division Director, High Energy Physics"),
    "orcun-yildiz": ("Orcun Yildiz", "Argonne National Laboratory", ""),
    "loic-pottier": ("Loïc Pottier", "Lawrence Livermore National Laboratory", ""),
}
# Each talk of the program (helpers.PROGRAM) as its header shows it: time, speakers, moderators.
TALK_HEADERS = {
    "keynote-tbd": ("8:35\u20139:30 AM", ["ian-foster"], []),
    "invited-talk-1": ("9:30\u201310:00 AM", ["debbie-bard"], []),
    "invited-talk-2": ("10:30\u201311:00 AM", ["rafael-ferreira-da-silva"], []),
    "invited-talk-3": ("11:00\u201311:30 AM", ["katrin-heitmann"], []),
    "moderated-discussion": ("11:30 AM\u201312:20 PM",
                             ["ian-foster", "debbie-bard", "rafael-ferreira-da-silva", "katrin-heitmann"],
                             ["orcun-yildiz", "loic-pottier"]),
}


def html_words(path: Path) -> str:
    root = html.parse(str(path)).getroot()
    return " ".join(root.body.text_content().split())


def latex_words(path: Path) -> str:
    tex = path.read_text("utf-8")
    tex = tex.replace(r"\textendash{}", "\u2013").replace(r"\sphinxhyphen{}", "-")
    tex = re.sub(r"\\(?:DUrole|begin|end)\{[^}]*\}(?:\{sphinxuseclass\})?", " ", tex)  # class names
    tex = re.sub(r"\[\\detokenize\{[^}]*\}\]", "", tex)  # link targets
    tex = re.sub(r"\\[A-Za-z@]+", "", tex)
    return " ".join(tex.replace("{", "").replace("}", "").split())


def texinfo_words(path: Path) -> str:
    texi = re.sub(r"@ref\{[^,}]*,,([^}]*)\}", r"\1", path.read_text("utf-8"))  # links: their text
    texi = re.sub(r"@abbr\{([^,}]*)(?:,[^}]*)?\}", r"\1", texi)
    texi = re.sub(r"`([^'`]*)'", r"\1", texi)  # strong text is `quoted'
    return " ".join(texi.split())


def man_words(path: Path) -> str:
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith(".")]
    roff = "\n".join(lines).replace(r"\%", "").replace(r"\-", "-").replace(r"\(aq", "'")
    roff = re.sub(r"\\f[BIRP]", "", roff)
    return " ".join(roff.split())


def output_words(app: SphinxTestApp) -> str:
    """All the text the builder wrote, as a reader sees it."""
    outdir = Path(app.outdir)
    if app.builder.name == "text":  # strong text is **marked**
        return " ".join(" ".join(p.read_text("utf-8").replace("**", "").split()) for p in sorted(outdir.rglob("*.txt")))
    if app.builder.name == "latex":
        return latex_words(outdir / "aiexscale2025.tex")
    if app.builder.name == "texinfo":
        return texinfo_words(outdir / "aiexscale2025.texi")
    if app.builder.name == "man":
        return man_words(outdir / "aiexscale2025.1")
    suffix = ".xhtml" if app.builder.name == "epub" else ".html"
    return " ".join(html_words(p) for p in sorted(outdir.rglob(f"*{suffix}")))


def site_built_with(built, buildername: str) -> SphinxTestApp:
    """The real site built with a builder, once per session."""
    # EPUB 3 requires a version, which a website's conf.py has no use for.
    return built("site", buildername, version="2025") if buildername == "epub" else built("site", buildername)


@pytest.mark.parametrize("buildername", BUILDERS)
def test_builds_without_a_warning(built, buildername):
    app = site_built_with(built, buildername)
    assert parse_warnings(app) == []
    assert app.warning.getvalue() == ""


@pytest.mark.parametrize("buildername", BUILDERS)
def test_every_talk_header_is_there(built, buildername):
    text = output_words(site_built_with(built, buildername))
    for slug, (time, speakers, moderators) in TALK_HEADERS.items():
        assert f"Friday, November 21, 2025, {time} CST" in text, slug
        for role, people in (("Speaker", speakers), ("Moderator", moderators)):
            if people:
                names = ", ".join(f"{PEOPLE[p][0]} ({PEOPLE[p][1]})" for p in people)
                assert f"{role}{'s' if len(people) > 1 else ''}: {names}" in text, (slug, role)


@pytest.mark.parametrize("buildername", BUILDERS)
def test_every_speaker_position_is_there(built, buildername):
    text = output_words(site_built_with(built, buildername))
    for slug, (_, _, position) in PEOPLE.items():
        if position:
            assert position in text, slug


def test_singlehtml_ids_of_the_generated_parts_are_unique(built):
    """The home page and the program page both hold a program table: one id each."""
    app = site_built_with(built, "singlehtml")
    root = html.parse(str(Path(app.outdir) / "index.html")).getroot()
    tables = root.xpath('//table[contains(@class, "symposium-program")]')
    assert [t.get("id") for t in tables] == ["program-2025-11-21", "program-2025-11-21-2"]
    ids = Counter(e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id"))
    # Sphinx's singlehtml keeps each page's section ids as they are, so the site's own
    # headings are distinct across pages too ("Program at a glance" on the home page).
    assert [i for i, n in ids.items() if n > 1] == []
