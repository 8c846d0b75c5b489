"""Builders other than the site's own ``dirhtml``: every one a reader may use.

The real site is built with each, turned into the words a reader sees, and searched for
what only the headers say: a talk's day and time with its people's affiliations, a
speaker's position. Builders that assemble one document from many pages (singlehtml,
latex, texinfo, man) resolve it under the root document's name; the headers must survive that.
The small test root covers what a LaTeX document of part of the site and linkcheck need.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from lxml import html
from sphinx.testing.util import SphinxTestApp

from conftest import copy_site, parse_warnings

BUILDERS = ["html", "dirhtml", "singlehtml", "text", "latex", "texinfo", "man", "epub"]

# What the site's speakers/*.md say: name, affiliation as the talk header shows it, position.
SPEAKERS = {
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
# Each talk of the program (tests/test_site.py's PROGRAM) as its header shows it: time, speakers, moderators.
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


@pytest.fixture(scope="module")
def site_built_with(tmp_path_factory):
    """The real site built with a builder, once per builder for this module."""
    built: dict[str, SphinxTestApp] = {}

    def build(buildername: str) -> SphinxTestApp:
        if buildername not in built:
            srcdir = copy_site(tmp_path_factory.mktemp(buildername))
            # EPUB 3 requires a version, which a website's conf.py has no use for.
            overrides = {"version": "2025"} if buildername == "epub" else {}
            app = SphinxTestApp(buildername, srcdir=srcdir, freshenv=True, confoverrides=overrides,
                                status=StringIO(), warning=StringIO())
            try:
                app.build()
            finally:
                app.cleanup()
            built[buildername] = app
        return built[buildername]

    return build


@pytest.mark.parametrize("buildername", BUILDERS)
def test_builds_without_a_warning(site_built_with, buildername):
    app = site_built_with(buildername)
    assert parse_warnings(app) == []
    assert app.warning.getvalue() == ""


@pytest.mark.parametrize("buildername", BUILDERS)
def test_every_talk_header_is_there(site_built_with, buildername):
    text = output_words(site_built_with(buildername))
    for slug, (time, speakers, moderators) in TALK_HEADERS.items():
        assert f"Friday, November 21, 2025, {time} CST" in text, slug
        for role, people in (("Speaker", speakers), ("Moderator", moderators)):
            if people:
                names = ", ".join(f"{SPEAKERS[p][0]} ({SPEAKERS[p][1]})" for p in people)
                assert f"{role}{'s' if len(people) > 1 else ''}: {names}" in text, (slug, role)


@pytest.mark.parametrize("buildername", BUILDERS)
def test_every_speaker_position_is_there(site_built_with, buildername):
    text = output_words(site_built_with(buildername))
    for slug, (_, _, position) in SPEAKERS.items():
        if position:
            assert position in text, slug


def test_singlehtml_ids_of_the_generated_parts_are_unique(site_built_with):
    """The home page and the program page both hold a program table: one id each."""
    app = site_built_with("singlehtml")
    root = html.parse(str(Path(app.outdir) / "index.html")).getroot()
    tables = root.xpath('//table[contains(@class, "symposium-program")]')
    assert [t.get("id") for t in tables] == ["program-2025-11-21", "program-2025-11-21-2"]
    ids = Counter(e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id"))
    # Sphinx's singlehtml keeps each page's section ids as they are, so the site's own
    # headings are distinct across pages too ("Program at a glance" on the home page).
    assert [i for i, n in ids.items() if n > 1] == []


# -- builders on the small test root ---------------------------------------------------------

PNG_1x1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da6364f8ffbf1e000502027fd0f5a4b40000000049454e44ae426082"
)


def test_latex_of_part_of_the_site_shows_links_outside_it_as_text(build):
    """A PDF of the program alone: the talks and speakers it names are not in it."""
    app = build(buildername="latex", confoverrides={
        "latex_documents": [("program/index", "program.tex", "Program", "x", "manual")]})
    assert parse_warnings(app) == []
    tex = (Path(app.outdir) / "program.tex").read_text("utf-8")
    assert "Engines of Thought" in tex and "Charles Babbage" in tex
    assert r"\hyperref" not in tex


def test_latex_copies_a_local_photo(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-minimal", srcdir)
    (srcdir / "_static/speakers").mkdir(parents=True)
    (srcdir / "_static/speakers/cb.png").write_bytes(PNG_1x1)
    (srcdir / "speakers/charles-babbage.md").write_text(
        "---\nspeaker:\n  name: Charles Babbage\n  affiliation: X\n"
        "  photo: _static/speakers/cb.png\n---\n# Charles Babbage\n", encoding="utf-8")
    app = make_app("latex", srcdir=srcdir)
    app.build()
    assert parse_warnings(app) == []
    assert (Path(app.outdir) / "cb.png").read_bytes() == PNG_1x1
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    # on the speaker's page and in the speaker cards of the home page
    assert tex.count(r"\sphinxincludegraphics{{cb}.png}") == 2


def test_linkcheck_sees_the_urls_of_front_matter(build):
    app = build({
        "talks/engines.md": "---\ntalk:\n  type: keynote\n  start: 9:10\n  end: 10:00\n"
                            "  slides: http://127.0.0.1:9/slides.pdf\n---\n# Engines of Thought\n",
    }, buildername="linkcheck", confoverrides={
        "linkcheck_timeout": 2,
        # the machine has no network: only the closed local port is really checked
        "linkcheck_ignore": [r"https://example\.org/.*"],
    })
    results = [json.loads(line) for line in (Path(app.outdir) / "output.json").read_text().splitlines()]
    by_uri = {r["uri"]: r for r in results}
    slides = by_uri["http://127.0.0.1:9/slides.pdf"]
    assert (slides["status"], slides["filename"], slides["lineno"]) == ("broken", "talks/engines.md", 6)  # its key
    homepage = by_uri["https://example.org/ada"]  # a speaker's link, from speakers/ada-lovelace.md
    assert (homepage["status"], homepage["filename"], homepage["lineno"]) == ("ignored", "speakers/ada-lovelace.md", 8)
