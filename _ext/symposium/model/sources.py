"""What one page's source gives the site, the same for the build and for the fast check.

The collector (at build time, with the doctree Sphinx made) and ``symposium check``
(without Sphinx, from the file alone) both call :func:`read_source`: one copy of
"what a page contributes and what is wrong with it". Also here, without Sphinx:
decoding a page's bytes the way the build must (:func:`decode_source`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .entities import Event, Problem
from .frontmatter import Frontmatter, FrontmatterSyntaxError, read_frontmatter
from .link_targets import is_web_address
from .pages import PageData, page_kind, read_page


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
    abstract_line: int = 1,
) -> SourceData:
    """Read a Markdown page's front-matter through the model: what the collector stores per page.

    ``abstract`` is the page's text below its first heading, as plain text, from ``abstract_line``.
    """
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
        title=title, title_line=title_line, abstract=abstract, abstract_line=abstract_line,
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
            if isinstance(path, str) and path and not is_web_address(path)}


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
