"""Builders other than the site's own ``dirhtml``: every one a reader may use.

The real site is built with each, turned into the words a reader sees, and searched for
what only the headers say: a talk's day and time with its people's affiliations, a
speaker's position. Builders that assemble one document from many pages (singlehtml,
latex, man) resolve it under the root document's name; the headers must survive that.
The small test root covers what a LaTeX document of part of the site and linkcheck need.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_warnings

# -- builders on the small test root ---------------------------------------------------------

def test_latex_of_part_of_the_site_shows_links_outside_it_as_text(build):
    """A PDF of the program alone: the talks and speakers it names are not in it."""
    app = build(buildername="latex", confoverrides={
        "latex_documents": [("program/index", "program.tex", "Program", "x", "manual")]})
    assert parse_warnings(app) == []
    tex = (Path(app.outdir) / "program.tex").read_text("utf-8")
    assert "Engines of Thought" in tex and "Charles Babbage" in tex
    assert r"\hyperref" not in tex


