"""How to cite a talk: a BibTeX entry, CSL-JSON, and the Highwire Press ``citation_*`` tags.

One :class:`Citation` per scheduled talk with a page, made from the store and the config
(``citation_of``), and three ways of writing it: ``bibtex`` (``talks/<slug>.bib``),
``csl_json`` (``talks/<slug>.csl.json``) and ``highwire_tags`` (the ``<meta>`` tags of the
talk's page, which Google Scholar and Zotero read). The page's "Cite" block shows the same
text as the files. Nothing here imports Sphinx.

A talk is cited as what it is, a talk given at an event (BibTeX ``@misc`` with
``howpublished``, CSL ``speech``): the symposium publishes no proceedings. The event's DOI
(``symposium_doi``) is written on every talk's citation, as a chapter without a DOI of its
own carries its book's.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from pylatexenc.latexencode import RULE_DICT, UnicodeToLatexConversionRule, UnicodeToLatexEncoder

from ..model.entities import ProgramItem
from ..model.link_targets import is_project_file
from ..model.translating import Say, english
from .site_view import ExportSite

#: typographic quotes and dashes as LaTeX's own ligatures, which every reader of BibTeX decodes
_LIGATURES = {ord("\u2018"): "`", ord("\u2019"): "'", ord("\u201c"): "``", ord("\u201d"): "''",
              ord("\u2013"): "--", ord("\u2014"): "---"}
#: every character that LaTeX reads as markup (& % $ # _ { } ~ ^ \) and every one beyond ASCII,
#: as LaTeX; each replacement in braces, so that BibTeX sees one letter (``Lo{\"\i}c``); a character
#: LaTeX has no name for (a CJK name) is kept as it is, for BibTeX with UTF-8 (biber) to read
_LATEX = UnicodeToLatexEncoder(
    conversion_rules=[UnicodeToLatexConversionRule(RULE_DICT, _LIGATURES), "defaults"],
    non_ascii_only=False, replacement_latex_protection="braces-all",
    unknown_char_policy="keep", unknown_char_warning=False)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class Citation:
    """Everything a citation of one talk says."""

    key: str  # aiexscale2025:invited-talk-1
    title: str
    #: the speakers in the program's order, each as (family name, given names)
    authors: tuple[tuple[str, str], ...]
    date: dt.date  # the day of the talk
    kind: str  # "Invited Talk", "Keynote"...
    event: str  # the event's full name
    event_short: str  # its short name, such as "AIExScale 2025"
    place: str  # "St. Louis, Missouri, USA"
    url: str  # the talk's page
    abstract: str = ""
    pdf_url: str = ""  # its slides, when they are a PDF in the repository
    doi: str = ""  # the event's

    @property
    def event_title(self) -> str:
        """``First International Symposium on ... (AIExScale 2025)``."""
        if not self.event_short or self.event_short == self.event:
            return self.event
        return f"{self.event} ({self.event_short})"


def citation_key(acronym: str, item: ProgramItem) -> str:
    """``aiexscale2025:invited-talk-1``: stable, from the site's acronym and the talk's slug."""
    return f"{acronym}:{item.slug}"


def citable(item: ProgramItem) -> bool:
    """A talk with a page that is on the program: not cancelled, nor a slot to be announced."""
    return item.has_page and item.status == "scheduled" and bool(item.title)


def citation_of(item: ProgramItem, site: ExportSite) -> Citation | None:
    """The citation of a talk, or ``None`` for an item that is not cited (see :func:`citable`)."""
    if not citable(item):
        return None
    authors = tuple(site.speakers[ref.slug].family_and_given for ref in item.speakers if ref.slug in site.speakers)
    pdf = item.slides if is_project_file(item.slides) and item.slides.lower().endswith(".pdf") else ""
    return Citation(
        key=citation_key(site.acronym, item),
        title=item.title,
        authors=authors,
        date=item.start.date(),
        kind=site.say(item.type_label) if item.type_label else item.type,
        event=site.full_name,
        event_short=site.title,
        place=place_of(site.event.venue),
        url=site.item_url(item),
        abstract=item.abstract,
        pdf_url=site.file_url(pdf) if pdf else "",
        doi=site.doi,
    )


def place_of(venue: str) -> str:
    """The town of the venue: ``St. Louis, Missouri, USA`` from ``America's Center ..., St. Louis,
    Missouri, USA``; the venue itself when it has one part."""
    parts = [part.strip() for part in venue.split(",") if part.strip()]
    return ", ".join(parts[1:] if len(parts) > 1 else parts)


# -- BibTeX ----------------------------------------------------------------------------------------


def latex(text: str) -> str:
    """Text as LaTeX: its specials escaped, its accents as LaTeX accents, inside braces."""
    return _LATEX.unicode_to_latex(" ".join(text.split()))


def _title(text: str) -> str:
    """A title in LaTeX, with the case of acronyms and names kept (``{HPC}``, ``{OpenCosmo}``):
    styles that lower-case titles leave a braced word as it is."""
    words = []
    for word in " ".join(text.split()).split(" "):
        before, core, after = _WORD.match(word).groups()
        letters = [char for char in core if char.isalpha()]
        encoded = latex(core)
        if any(char.isupper() for char in letters[1:]):
            encoded = f"{{{encoded}}}"
        words.append(latex(before) + encoded + latex(after))
    return " ".join(words)


#: a word of a title: the punctuation before it, the word, the punctuation after it
_WORD = re.compile(r"^([^\w]*)(.*?)([^\w]*)$")


def _person(family: str, given: str) -> str:
    """``{Ferreira da Silva}, Rafael``: a family name of several words in braces, or BibTeX would
    read its lower-case word as a particle ("da Silva") and its first as a given name."""
    last = latex(family)
    if " " in family.strip():
        last = f"{{{last}}}"
    return f"{last}, {latex(given)}" if given else last


def bibtex(citation: Citation, say: Say = english) -> str:
    """The talk as a BibTeX ``@misc`` entry, in ASCII (LaTeX accents) but for a character LaTeX has no
    name for: read by BibTeX and biber alike."""
    fields: list[tuple[str, str]] = []
    if citation.authors:
        fields.append(("author", " and ".join(_person(family, given) for family, given in citation.authors)))
    fields.append(("title", _title(citation.title)))
    where = (say("{kind} at the {event}").format(kind=citation.kind, event=citation.event_title) if citation.kind
             else citation.event_title)
    if citation.place:
        where += f", {citation.place}"
    fields.append(("howpublished", latex(where)))
    fields.append(("year", str(citation.date.year)))
    fields.append(("month", _MONTHS[citation.date.month - 1]))
    fields.append(("url", citation.url))
    if citation.doi:
        fields.append(("doi", citation.doi))
    width = max(len(name) for name, _ in fields)
    lines = [f"@misc{{{citation.key},"]
    for name, value in fields:
        # a month is BibTeX's macro (nov), every other value a braced string
        written = value if name == "month" else f"{{{_url(value) if name in {'url', 'doi'} else value}}}"
        lines.append(f"  {name.ljust(width)} = {written},")
    lines.append("}")
    return "\n".join(lines) + "\n"


_URL_SPECIALS = re.compile(r"[{}\\\s]")


def _url(value: str) -> str:
    """A URL or a DOI as it is (biblatex and the url package read it verbatim, ``%`` and ``#``
    too); a brace, a backslash or a space, which would end the value, percent-encoded."""
    return _URL_SPECIALS.sub(lambda match: "%" + "".join(f"{byte:02X}" for byte in match[0].encode()), value)


# -- CSL-JSON ---------------------------------------------------------------------------------------


def csl_item(citation: Citation) -> dict:
    """The talk as one CSL-JSON item (type ``speech``), as Zotero, Pandoc and citeproc read it."""
    day = [[citation.date.year, citation.date.month, citation.date.day]]
    item: dict = {"id": citation.key, "type": "speech", "title": citation.title}
    if citation.authors:
        item["author"] = [{"family": family, "given": given} if given else {"family": family}
                          for family, given in citation.authors]
    item["issued"] = {"date-parts": day}
    if citation.kind:
        item["genre"] = citation.kind
    # CSL 1.0.2 names the event "event-title"; processors of CSL 1.0.1 read "event"
    item["event-title"] = item["event"] = citation.event_title
    item["event-date"] = {"date-parts": day}
    if citation.place:
        item["event-place"] = citation.place
    if citation.abstract:
        item["abstract"] = citation.abstract
    item["URL"] = citation.url
    if citation.doi:
        item["DOI"] = citation.doi
    return item


def csl_json(citation: Citation) -> str:
    """A CSL-JSON file: a list of one item, a short list or object on one line."""
    return _json([csl_item(citation)]) + "\n"


def _json(value: object, indent: str = "") -> str:
    """JSON indented by two spaces, with each list or object that fits in 72 characters on one line."""
    flat = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, (dict, list)) or len(indent) + len(flat) <= 72 or not value:
        return flat
    inner = indent + "  "
    if isinstance(value, dict):
        parts = [f"{inner}{json.dumps(key, ensure_ascii=False)}: {_json(item, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(parts) + f"\n{indent}}}"
    parts = [inner + _json(item, inner) for item in value]
    return "[\n" + ",\n".join(parts) + f"\n{indent}]"


# -- Highwire Press tags ----------------------------------------------------------------------------


def highwire_tags(citation: Citation) -> list[tuple[str, str]]:
    """The ``<meta name="citation_*">`` tags of the talk's page, in order: Google Scholar's
    inclusion guidelines and Zotero's "Embedded Metadata" translator read them (a
    ``citation_conference_title`` makes the page a conference paper to Zotero)."""
    date = f"{citation.date:%Y/%m/%d}"
    tags = [("citation_title", citation.title)]
    tags += [("citation_author", f"{family}, {given}" if given else family) for family, given in citation.authors]
    tags += [("citation_publication_date", date), ("citation_date", date),
             ("citation_conference_title", citation.event)]
    if citation.abstract:
        tags.append(("citation_abstract", citation.abstract))
    if citation.pdf_url:
        tags.append(("citation_pdf_url", citation.pdf_url))
    if citation.doi:
        tags.append(("citation_doi", citation.doi))
    return tags
