"""Builders other than html on the small test root: a LaTeX document of part of the site, photos, linkcheck.

The real site with every builder is checked in tests/site/test_site_builders.py.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers import ROOTS, build_app, parse_warnings

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


def test_latex_copies_a_local_photo(tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-minimal", srcdir)
    (srcdir / "_static/speakers").mkdir(parents=True)
    (srcdir / "_static/speakers/cb.png").write_bytes(PNG_1x1)
    (srcdir / "speakers/charles-babbage.md").write_text(
        "---\nspeaker:\n  name: Charles Babbage\n  affiliation: X\n"
        "  photo: _static/speakers/cb.png\n---\n# Charles Babbage\n", encoding="utf-8")
    app = build_app(srcdir, "latex")
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
