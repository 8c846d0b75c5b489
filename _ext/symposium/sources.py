"""What one page's source gives the site, the same for the build and for the fast check.

The collector (at build time, with the doctree Sphinx made) and ``symposium check``
(without Sphinx, from the file alone) both call :func:`read_source`: one copy of
"what a page contributes and what is wrong with it". Also here, without Sphinx:
decoding a page's bytes the way the build must (:func:`decode_source`) and the first
heading of a MyST page (:func:`first_heading`), for callers that have no doctree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from .frontmatter import Frontmatter, FrontmatterSyntaxError, read_frontmatter
from .identity import check_identifiers
from .model import Event, Problem
from .pages import PageData, page_kind, read_page
from .schedule import check_people, check_references, check_slugs, check_timetable
from .sessions import check_sessions
from .store import SymposiumStore


@dataclass
class SourceData:
    """What a page contributes: its data, the files it names, and what is wrong with it."""

    page: PageData = field(default_factory=PageData)
    #: the slug of a page in ``speakers/``, known even when its front-matter is broken
    speaker_slug: str | None = None
    #: project files the front-matter names (a photo, local slides): a change to one changes the page
    files: set[str] = field(default_factory=set)
    #: every problem, in the order the build reports them
    problems: list[Problem] = field(default_factory=list)


def read_source(
    docname: str,
    source: str,
    *,
    title: str,
    title_line: int,
    event: Event,
    file_exists: Callable[[str], bool],
    abstract: str = "",
) -> SourceData:
    """Read a Markdown page's front-matter through the model: what the collector stores per page."""
    result = SourceData()
    if page_kind(docname) == "speaker":
        # the page exists even when its front-matter is broken
        result.speaker_slug = docname.rsplit("/", 1)[-1]
    try:
        frontmatter = read_frontmatter(source)
    except FrontmatterSyntaxError as err:
        # MyST says "Malformed YAML" at line 1; this says where and why.
        result.problems.append(Problem("frontmatter", str(err), err.line))
        return result
    result.page = read_page(
        docname, frontmatter,
        title=title, title_line=title_line, abstract=abstract,
        event=event, file_exists=file_exists,
    )
    result.files = files_named(frontmatter, result.page)
    result.problems += result.page.problems
    return result


def files_named(frontmatter: Frontmatter | None, page: PageData) -> set[str]:
    """Project files that the front-matter names: a speaker's photo; slides, video and links of items.

    The photo comes from the front-matter as written, since the model drops a photo
    whose file is missing.
    """
    named: list[object] = []
    speaker = frontmatter.data.get("speaker") if frontmatter else None
    if isinstance(speaker, dict):
        named.append(speaker.get("photo"))
    for item in page.items:
        named += [item.slides, item.video, *(link.url for link in item.links)]
    return {path for path in named
            if isinstance(path, str) and path and not path.startswith(("http://", "https://"))}


def keep(store: SymposiumStore, docname: str, found: SourceData) -> None:
    """What one page contributes, into the store (the build's and the check's)."""
    if found.speaker_slug is not None:
        # the page exists, even when its front-matter is broken
        store.add_speaker_page(docname, found.speaker_slug)
    if found.page.speaker is not None:
        store.set_speaker(docname, found.page.speaker)
    if found.page.items:
        store.set_items(docname, found.page.items)
    if found.page.sessions:
        store.set_sessions(docname, found.page.sessions)


def check_across_pages(store: SymposiumStore, event: Event, acronym: str) -> list[Problem]:
    """The checks across pages, once every page is read: slugs, references, timetable,
    sessions, people in two places, identifiers."""
    store.set_event(event)
    problems: list[Problem] = []
    problems += check_slugs(store.speaker_pages, store.speakers)
    program = store.program()
    sessions = store.all_sessions()
    problems += check_references(program, store.slugs_with_pages(), sessions)
    problems += check_timetable(program, event)
    problems += check_sessions(sessions, program, event)
    problems += check_people(program, store.views.sessions_by_id.values())
    problems += check_identifiers(program, acronym)
    return problems


# -- bytes that are not text ---------------------------------------------------------------------


class SourceEncodingError(ValueError):
    """The file is not in the encoding the build reads; says where the first bad byte is."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def decode_source(data: bytes, encoding: str = "utf-8-sig") -> str:
    """The text of a page as Sphinx reads it (``source_encoding``, UTF-8 by default).

    Raises :class:`SourceEncodingError` at the line of the first byte that does not
    decode, instead of the ``UnicodeDecodeError`` that would stop the build.
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        line_start = data.rfind(b"\n", 0, err.start) + 1
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - line_start + 1
        shown = "utf-8" if encoding.lower().replace("_", "-") in {"utf-8-sig", "utf8", "utf-8"} else encoding
        raise SourceEncodingError(
            f"the file is not {shown.upper()}: byte 0x{data[err.start]:02x} at line {line}, column {column} "
            f"cannot be read, so the page is left out of the site; expected a file saved as {shown.upper()} "
            "(re-save it with that encoding in your editor)",
            line,
        ) from None


# -- the page's title, without Sphinx -------------------------------------------------------------


class Heading(NamedTuple):
    text: str
    line: int
    #: raw HTML in the heading: shown as text, with a warning (see :mod:`.titles`), and no SmartQuotes
    raw_html: bool = False


def first_heading(source: str, *, extensions: Iterable[str] = (), smartquotes: bool = True,
                  smartquotes_action: str = "qDe") -> Heading:
    """The text and line of a MyST page's first heading, as the build's doctree has it; ``("", 1)``.

    Parsed with MyST's own markdown-it parser (front-matter included, so lines are the
    file's), its text as docutils' ``astext()`` gives it: markup dropped, raw HTML kept as
    written (as :mod:`.titles` shows it) and, as Sphinx's SmartQuotes does, curly quotes
    and dashes outside code when ``smartquotes`` is on.
    """
    tokens = _parser(frozenset(extensions)).parse(source)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0:
            children = tokens[index + 1].children or []
            line = token.map[0] + 1 if token.map else 1
            raw_html = any(child.type == "html_inline" for child in _flat(children))
            text = _heading_text(children, smartquotes_action if smartquotes and not raw_html else "")
            return Heading(text, line, raw_html)
    return Heading("", 1)


def _flat(tokens: list) -> Iterable:
    for token in tokens:
        yield token
        yield from _flat(token.children or [])


def speaker_lists(source: str, *, extensions: Iterable[str] = ()) -> list[tuple[list[str], int]]:
    """The ``:only:`` slugs and line of each ``{speaker-list}`` directive of a MyST page."""
    if "{speaker-list}" not in source:
        return []
    found = []
    for token in _parser(frozenset(extensions)).parse(source):
        if token.type not in {"fence", "colon_fence"} or token.info.strip() != "{speaker-list}":
            continue
        only: list[str] = []
        for line in token.content.splitlines():
            if not line.startswith(":"):
                break
            key, _, value = line[1:].partition(":")
            if key.strip() == "only":
                only = value.split()
        found.append((only, token.map[0] + 1 if token.map else 1))
    return found


_PARSERS: dict[frozenset[str], object] = {}


def _parser(extensions: frozenset[str]):
    if extensions not in _PARSERS:
        from markdown_it.renderer import RendererHTML
        from myst_parser.config.main import MdParserConfig
        from myst_parser.parsers.mdit import create_md_parser

        try:
            config = MdParserConfig(enable_extensions=set(extensions))
        except (TypeError, ValueError):  # an extension this MyST does not know: the build says so
            config = MdParserConfig()
        _PARSERS[extensions] = create_md_parser(config, RendererHTML)
    return _PARSERS[extensions]


_LITERAL = {"code_inline", "math_inline", "math_single", "math_double"}


def _heading_text(children: list, smartquotes_action: str) -> str:
    pieces: list[tuple[str, str]] = []
    for child in children:
        if child.type in {"softbreak", "hardbreak"}:
            pieces.append(("plain", "\n"))
        elif child.type in _LITERAL or child.type == "html_inline":
            pieces.append(("literal", child.content))
        elif child.type == "image":
            continue  # an image's alt text is not part of the title's text
        elif child.type == "text" or (child.content and not child.children):
            pieces.append(("plain", child.content))
        elif child.children:
            pieces.append(("plain", _heading_text(child.children, "")))
    if not smartquotes_action:
        return "".join(text for _, text in pieces)
    from docutils.utils.smartquotes import educate_tokens

    return "".join(educate_tokens(iter(pieces), attr=smartquotes_action, language="en"))
