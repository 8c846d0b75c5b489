"""A talk's citation, without Sphinx: BibTeX read back by two real parsers (bibtexparser, and
pybtex as BibTeX's own styles format it), CSL-JSON formatted by citeproc-py, the Highwire tags,
names split into family and given names, and the DOI of conf.py."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from helpers import at, frontmatter_of
from symposium.environment.config import doi_of
from symposium.exports.citations import Citation, bibtex, csl_item, csl_json, highwire_tags, latex, place_of
from symposium.model.names import family_and_given
from symposium.model.reading import read_speaker

HOSTILE = Citation(
    key="aiexscale2025:r-and-d",
    title="R&D at 100%: HPC, OpenCosmo & Loïc’s “Workflows” – #1 {draft} $5 ~ ^ \\ _x_",
    authors=(("Pottier", "Loïc"), ("Ferreira da Silva", "Rafael"), ("Ørsted", "Hans Christian")),
    date=dt.date(2025, 11, 21),
    kind="Invited Talk",
    event="First International Symposium on Artificial Intelligence and Extreme-Scale Workflows",
    event_short="AIExScale 2025",
    place="St. Louis, Missouri, USA",
    url="https://aiexscale.github.io/talks/r-and-d/",
    abstract="An abstract & more.",
    pdf_url="https://aiexscale.github.io/_static/slides/r-and-d.pdf",
    doi="10.5281/zenodo.1234567",
)


def bibtexparser_entry(text: str):
    import bibtexparser
    from bibtexparser import middlewares

    # names split before the LaTeX is decoded: the braces of "{Ferreira da Silva}" keep it one family name
    library = bibtexparser.parse_string(text, append_middleware=[
        middlewares.SeparateCoAuthors(), middlewares.SplitNameParts(), middlewares.LatexDecodingMiddleware()])
    assert library.failed_blocks == []
    (entry,) = library.entries
    return entry


def decoded(latex_text: str) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text().latex_to_text(latex_text)


def test_bibtex_is_read_back_by_bibtexparser_with_every_special_and_accent():
    entry = bibtexparser_entry(bibtex(HOSTILE))
    assert (entry.entry_type, entry.key) == ("misc", "aiexscale2025:r-and-d")
    # the title as written: only the apostrophe is LaTeX's own, and \\textasciicircum decodes as a modifier letter
    assert entry["title"] == HOSTILE.title.replace("\u2019", "'").replace("^", "\u02c6")
    names = [(" ".join(decoded(n) for n in name.last), " ".join(decoded(n) for n in name.first))
             for name in entry["author"]]
    assert names == [("Pottier", "Loïc"), ("Ferreira da Silva", "Rafael"), ("Ørsted", "Hans Christian")]
    assert entry["month"] == "nov" and entry["year"] == "2025"
    assert entry["url"] == HOSTILE.url and entry["doi"] == HOSTILE.doi
    assert "AIExScale 2025" in entry["howpublished"] and "St. Louis, Missouri, USA" in entry["howpublished"]


def test_bibtex_escapes_latex_specials_and_is_ascii():
    text = bibtex(HOSTILE)
    assert text.isascii()
    title = next(line for line in text.splitlines() if line.lstrip().startswith("title"))
    for special in ("{\\&}", "{\\%}", "{\\#}", "{\\{}", "{\\}}", "{\\$}", "{\\_}", "{\\textbackslash}"):
        assert special in title, special
    assert "Lo{\\\"\\i}c" in text  # ï as LaTeX writes it, in braces: BibTeX abbreviates it to "L."
    assert "{Ferreira da Silva}, Rafael" in text  # else BibTeX reads "da" as a particle and "Ferreira" as a given name
    assert "{HPC}" in title and "{OpenCosmo}" in title  # kept upper case by styles that lower-case titles
    assert latex("Loïc Pottier") == "Lo{\\\"\\i}c Pottier"


def test_bibtex_as_a_bibtex_style_formats_it():
    """pybtex, the BibTeX-compatible processor, formats the entry with BibTeX's plain style."""
    from pybtex.database import parse_string
    from pybtex.plugin import find_plugin

    data = parse_string(bibtex(HOSTILE), "bibtex")
    entry = data.entries["aiexscale2025:r-and-d"]
    assert [(p.last_names, p.first_names + p.middle_names) for p in entry.persons["author"]] == [
        (["Pottier"], ['Lo{\\"\\i}c']), (["{Ferreira da Silva}"], ["Rafael"]), (["{\\O}rsted"], ["Hans", "Christian"])]
    style = find_plugin("pybtex.style.formatting", "plain")()
    (formatted,) = style.format_bibliography(data).entries
    text = formatted.text.render_as("text")
    # the plain style lower-cases a title but for its braced words; quotes and dashes are LaTeX's ligatures
    assert text.startswith("Loïc Pottier, Rafael Ferreira da Silva, and Hans Christian Ørsted. "
                           "R&D at 100%: HPC, OpenCosmo & loïc's “workflows” – #1 ")
    assert "November 2025" in text and "doi:10.5281/zenodo.1234567" in text


def test_bibtex_of_a_talk_without_speakers_or_doi():
    text = bibtex(Citation(key="x:y", title="Panel", authors=(), date=dt.date(2026, 6, 2), kind="", event="Conf",
                           event_short="Conf", place="", url="https://example.org/talks/y/"))
    entry = bibtexparser_entry(text)
    assert "author" not in entry.fields_dict and "doi" not in entry.fields_dict
    assert entry["howpublished"] == "Conf" and entry["month"] == "jun"


# citeproc-py predates CSL 1.0.2's "event-title" (it reads "event", which the item carries too)
@pytest.mark.filterwarnings("ignore:The following arguments for Reference are unsupported")
def test_csl_json_is_formatted_by_citeproc():
    """citeproc-py reads the CSL-JSON and formats it with a real CSL style."""
    from citeproc import Citation as CslCitation
    from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    data = json.loads(csl_json(HOSTILE))
    assert isinstance(data, list) and len(data) == 1
    item = data[0]
    assert item["type"] == "speech" and item["id"] == HOSTILE.key
    assert item["author"][1] == {"family": "Ferreira da Silva", "given": "Rafael"}
    assert item["issued"] == item["event-date"] == {"date-parts": [[2025, 11, 21]]}
    assert item["event-title"] == item["event"] == f"{HOSTILE.event} (AIExScale 2025)"
    assert item["DOI"] == HOSTILE.doi and item["URL"] == HOSTILE.url
    source = CiteProcJSON(data)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(CslCitation([CitationItem(HOSTILE.key)]))
    (reference,) = [str(entry) for entry in bibliography.bibliography()]
    assert reference.startswith("Pottier, L., Ferreira da Silva, R. and Ørsted, H.C. (2025)")
    assert HOSTILE.title in reference


def test_highwire_tags_name_each_author_family_first_and_in_order():
    tags = highwire_tags(HOSTILE)
    assert [value for name, value in tags if name == "citation_author"] == [
        "Pottier, Loïc", "Ferreira da Silva, Rafael", "Ørsted, Hans Christian"]
    found = dict(tags)
    assert found["citation_title"] == HOSTILE.title
    assert found["citation_publication_date"] == found["citation_date"] == "2025/11/21"
    assert found["citation_conference_title"] == HOSTILE.event
    assert found["citation_pdf_url"] == HOSTILE.pdf_url and found["citation_doi"] == HOSTILE.doi
    bare = Citation(key="k", title="T", authors=(("Madonna", ""),), date=dt.date(2025, 1, 2), kind="Talk",
                    event="E", event_short="E", place="", url="https://e.org/")
    assert dict(highwire_tags(bare)).keys() >= {"citation_title", "citation_author"}
    assert "citation_pdf_url" not in dict(highwire_tags(bare)) and "citation_doi" not in dict(highwire_tags(bare))
    assert [value for name, value in highwire_tags(bare) if name == "citation_author"] == ["Madonna"]
    assert csl_item(bare)["author"] == [{"family": "Madonna"}]


def test_place_is_the_venues_town():
    assert place_of("America's Center Convention Complex, St. Louis, Missouri, USA") == "St. Louis, Missouri, USA"
    assert place_of("Online") == "Online" and place_of("") == ""


@pytest.mark.parametrize(("name", "family_name", "expected"), [
    ("Debbie Bard", "", ("Bard", "Debbie")),
    ("Loïc Pottier", "", ("Pottier", "Loïc")),
    ("Rafael Ferreira da Silva", "Ferreira da Silva", ("Ferreira da Silva", "Rafael")),
    ("Zhang Wei", "Zhang", ("Zhang", "Wei")),
    ("Madonna", "", ("Madonna", "")),
    ("Madonna", "Madonna", ("Madonna", "")),
    ("Rafael Ferreira da Silva", "da Costa", ("da Costa", None)),
])
def test_family_and_given_names(name, family_name, expected):
    assert family_and_given(name, family_name) == expected


def test_a_family_name_that_is_not_part_of_the_name_is_one_located_warning():
    data, where = frontmatter_of("""\
        ---
        speaker:
          name: Rafael Ferreira da Silva
          family_name: Ferreira-da-Silva
          affiliation: ORNL
        ---
        """)
    speaker, problems = read_speaker("rafael-ferreira-da-silva", "speakers/rafael-ferreira-da-silva", data, where)
    assert at(problems) == [("frontmatter", 4)]
    assert "neither begins nor ends the name 'Rafael Ferreira da Silva'" in problems[0].message
    assert speaker.family_and_given == ("Silva", "Rafael Ferreira da")  # the build goes on with the last word


@pytest.mark.parametrize(("value", "expected"), [
    ("10.5281/zenodo.1234567", "10.5281/zenodo.1234567"),
    ("https://doi.org/10.5281/zenodo.1234567", "10.5281/zenodo.1234567"),
    ("http://dx.doi.org/10.1145/3624062.3624179", "10.1145/3624062.3624179"),
    ("doi:10.1000.10/abc(1)", "10.1000.10/abc(1)"),
    ("10.5281", None), ("zenodo.1234567", None), ("10.52/x", None), ("10.5281/with space", None), (1234, None),
])
def test_doi_of_conf_py(value, expected):
    assert doi_of(value) == expected
