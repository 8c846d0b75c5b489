"""What each kind of page may hold, read from its front-matter. No Sphinx here.

``speakers/<slug>.md`` holds ``speaker:``, ``talks/<slug>.md`` holds ``talk:``, and any
page may hold ``program: items:`` for the entries of the program that have no page.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .entities import EXPECTED_SLUG, SLUG, Event, Problem, ProgramItem, Session, Speaker, slugify
from .fields import ITEM_KEYS, SESSION_KEYS, keys_of
from .frontmatter import Frontmatter, Positions
from .hints import closest, did_you_mean
from .limits import ABSTRACT_COPIES, BIOGRAPHY_COPIES, too_long
from .reading import read_program_items, read_sessions, read_speaker, read_talk
from .text import same_words

#: A program of more items than this is too large for one page: a phone on the venue's Wi-Fi would
#: download megabytes to find the next talk. ``symposium import`` gives such a program a page per
#: day and shows it at a glance (``{program-days}``) on the home and program pages.
LARGE_PROGRAM = 150

SPEAKERS_DIR = "speakers/"
TALKS_DIR = "talks/"
PROGRAM_DIR = "program/"

#: top-level front-matter keys that Sphinx and MyST read on any page
READ_BY_SPHINX = ("orphan", "nocomments", "nosearch", "tocdepth", "html_meta", "myst", "mystnb", "substitutions")
#: what the site or Sphinx reads at the top level (talk: and speaker: on another page have their own warning);
#: ``embed: true`` renders the page alone, for an <iframe> on another site
_READ_AT_THE_TOP = frozenset({"talk", "speaker", "program", "embed", *READ_BY_SPHINX})


def page_kind(docname: str) -> str:
    """``speaker``, ``talk``, ``index`` (of a folder) or ``page``."""
    if docname.rsplit("/", 1)[-1] == "index":
        return "index"
    if docname.startswith(SPEAKERS_DIR):
        return "speaker"
    if docname.startswith(TALKS_DIR):
        return "talk"
    return "page"


@dataclass
class PageData:
    speaker: Speaker | None = None
    items: list[ProgramItem] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: ``embed: true``: the page is rendered without the site's navigation, for an <iframe>
    embed: bool = False


def read_page(
    docname: str,
    frontmatter: Frontmatter | None,
    *,
    title: str,
    event: Event,
    file_exists: Callable[[str], bool],
    title_line: int = 1,
    abstract: str = "",
    abstract_line: int = 1,
) -> PageData:
    """The speaker and program items a page defines, and what is wrong with them.

    ``title`` is the page's first heading (at ``title_line``); ``abstract`` is its text below
    the heading, as plain text (a talk's abstract, a speaker's biography), from ``abstract_line``;
    ``file_exists`` tells whether a path from the project root names a file (for speaker photos).
    """
    kind = page_kind(docname)
    data = frontmatter.data if frontmatter else {}
    where = frontmatter.positions if frontmatter else Positions()
    page = PageData()
    for duplicate in frontmatter.duplicates if frontmatter else ():
        key = ".".join(map(str, duplicate.path))
        page.problems.append(Problem(
            "frontmatter",
            f"{key!r} is written twice, on lines {duplicate.first_line} and {duplicate.line}; YAML would keep "
            "only this last one; expected each key once in a block",
            duplicate.line,
        ))
    slug = docname.rsplit("/", 1)[-1]
    if kind in {"speaker", "talk"} and not SLUG.match(slug):
        page.problems.append(Problem(
            "frontmatter",
            f"the file name {slug!r} is not a slug, and the slug is the page's URL and how other pages name it; "
            f"expected {EXPECTED_SLUG}: rename the file to {slugify(slug)}.md",
            1,
        ))
    misspelt: str | None = None  # a top-level key that stands for the page's missing block
    for section, folder in (("speaker", SPEAKERS_DIR), ("talk", TALKS_DIR)):
        if kind == section and section not in data:
            misspelt = closest(section, [str(key) for key in data if str(key) not in _READ_AT_THE_TOP])
            if misspelt is not None:
                page.problems.append(Problem(
                    "frontmatter",
                    f"unknown top-level key {misspelt!r}, which the site does not read; did you mean '{section}'? "
                    f"a page under {folder} needs its '{section}:' block",
                    where.line((misspelt,)),
                ))
                continue
            page.problems.append(Problem(
                "frontmatter",
                f"a page under {folder} needs '{section}:' front-matter (see CONTRIBUTING.md); "
                f"expected a block such as '---\\n{section}:\\n  ...\\n---' at the top of the page",
                1,
            ))
        elif kind != section and section in data:
            page.problems.append(Problem(
                "frontmatter",
                f"'{section}:' front-matter belongs on a page in {folder}; this page is not read as a {section}",
                where.line((section,)),
            ))
    if kind == "speaker" and "speaker" in data:
        page.speaker, found = read_speaker(slug, docname, data, where)
        page.problems += found
        if page.speaker is not None:
            page.problems += _check_heading(page.speaker, title, title_line)
        photo = page.speaker.photo if page.speaker else ""
        if photo and not file_exists(photo):
            page.problems.append(Problem(
                "frontmatter",
                f"'speaker.photo' {photo!r} is not a file in the project; expected "
                + ("the file there: add it, or correct the path" if photo == f"_static/speakers/{page.speaker.slug}.jpg"
                   else f"a path from the project root such as '_static/speakers/{page.speaker.slug}.jpg'"),
                where.line(("speaker", "photo")),
            ))
            page.speaker = dataclasses.replace(page.speaker, photo="")
    if kind == "talk" and "talk" in data:
        talk, found = read_talk(docname, title, data, where, event, abstract)
        page.problems += found
        page.items += [talk] if talk else []
    # a text that other places copy, over the limit: they carry its short form, and say so once
    copied = (("abstract", ABSTRACT_COPIES) if kind == "talk" and page.items
              else ("biography", BIOGRAPHY_COPIES) if kind == "speaker" and page.speaker is not None else None)
    if copied is not None and (message := too_long(copied[0], abstract, copied[1])):
        page.problems.append(Problem("export", message, abstract_line))
    if kind in {"speaker", "talk"} or "program" in data or docname.startswith(PROGRAM_DIR):
        page.problems += _unread_keys(kind, {key: value for key, value in data.items() if key != misspelt}, where)
    if "embed" in data:
        if isinstance(data["embed"], bool):
            page.embed = data["embed"]
        else:
            page.problems.append(Problem(
                "frontmatter",
                f"'embed' is {where.raw(('embed',)) or data['embed']!r}; expected true (the page without the "
                "site's navigation, for an <iframe> on another site) or false",
                where.line(("embed",)),
            ))
    if "program" in data:
        items, found = read_program_items(docname, data, where, event)
        page.items += items
        page.problems += found
        page.sessions, found = read_sessions(docname, data, where, event)
        page.problems += found
    return page


def _unread_keys(kind: str, data: Mapping[str, object], where: Positions) -> list[Problem]:
    """A top-level key the site does not read is dropped without a word by YAML and by MyST:
    each is a problem, and one that belongs inside the page's block says so."""
    own = kind if kind in {"talk", "speaker"} else "program"
    readable = _READ_AT_THE_TOP
    problems = []
    for key in data:
        name = str(key)
        if name in readable or "." in name or ":" in name:  # namespaced: a theme's or an extension's
            continue
        if name in keys_of(own):
            message = f"{name!r} is a {own} key: indent it under '{own}:' (at the top level the site does not read it)"
        elif own == "program" and name in ITEM_KEYS | SESSION_KEYS:
            message = (f"{name!r} is a key of an entry of 'program: items:' or 'program: sessions:': indent it "
                       "under one (at the top level the site does not read it)")
        else:
            message = (f"unknown top-level key {name!r}, which the site does not read; "
                       f"{did_you_mean(name, sorted(readable | keys_of(own)))}"
                       f"expected '{own}:' and its keys indented below it")
        problems.append(Problem("frontmatter", message, where.line((key,))))
    return problems


def _check_heading(speaker: Speaker, title: str, line: int) -> list[Problem]:
    """``name:`` is the speaker's name everywhere; the page's heading must say the same."""
    if not title:
        return [Problem(
            "frontmatter",
            f"the speaker's page has no heading; expected '# {speaker.name}' below the front-matter",
            speaker.line,
        )]
    if not same_words(title, speaker.name):
        return [Problem(
            "frontmatter",
            f"the heading {title!r} is not the speaker's name {speaker.name!r} ('speaker.name', which every other "
            f"page shows); expected the heading '# {speaker.name}', or change 'name' if the heading is right",
            line,
        )]
    return []


def slug_owner_key(docname: str) -> tuple[int, str]:
    """Which of several speaker pages with one slug owns it: the lowest key wins.

    A page directly in ``speakers/`` wins over one in a subfolder (``speakers/old/``
    usually keeps a page that was moved away); among pages at one depth, the first
    by name.
    """
    return docname.count("/"), docname


def owners_by_slug(speaker_pages: Mapping[str, str]) -> dict[str, str]:
    """The docname that owns each slug, from ``docname -> slug`` of every speaker page."""
    owners: dict[str, str] = {}
    for docname in sorted(speaker_pages, key=slug_owner_key):
        owners.setdefault(speaker_pages[docname], docname)
    return owners
