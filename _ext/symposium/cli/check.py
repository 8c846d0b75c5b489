"""``symposium check``: every check the build makes on front-matter, in well under a second.

Reads ``conf.py`` (executed as Sphinx executes it, nothing else of Sphinx is started),
finds the pages the build would read (``include_patterns``, ``exclude_patterns``),
and gives each Markdown page to :func:`.sources.read_source`, the function the build's
collector calls, then runs the same checks across pages. Each problem is printed as
the build prints it, ``path:line: message [symposium.subtype]``; warnings that
``suppress_warnings`` silences in the build are left out here too.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..environment.config import CONFIG_VALUES, config_problems, event_of
from ..environment.store import SymposiumStore, check_across_pages, keep
from ..model.entities import Event, Problem
from ..model.messages import raw_html_in_title, unknown_speaker_in_list
from ..model.pages import page_kind
from ..model.selection import Selection
from ..model.sources import SourceEncodingError, decode_source, read_source
from .markdown_pages import Directive, first_heading, listing_directives

#: The Sphinx defaults of the core values the check reads, where ``conf.py`` does not set them.
SPHINX_DEFAULTS: dict[str, Any] = {
    "project": "Project name not set",
    "include_patterns": ["**"],
    "exclude_patterns": [],
    "templates_path": [],
    "html_static_path": [],
    "html_extra_path": [],
    "suppress_warnings": [],
    "source_suffix": {".rst": "restructuredtext"},
    "source_encoding": "utf-8-sig",
    "smartquotes": True,
    "smartquotes_action": "qDe",
    "smartquotes_excludes": {"languages": ["ja", "zh_CN", "zh_TW"], "builders": ["man", "text"]},
    "language": "en",
    "myst_enable_extensions": [],
}


@dataclass(frozen=True)
class Finding:
    """A problem as the build reports it: in a file (relative to the source directory) or in conf.py."""

    path: str
    line: int | None
    message: str
    subtype: str

    def format(self, srcdir: Path | None = None) -> str:
        path = self.path
        if srcdir is not None:
            path = os.path.relpath(srcdir / self.path)
        where = f"{path}:{self.line}" if self.line is not None else path
        return f"{where}: {self.message} [symposium.{self.subtype}]"


class Values(dict):
    """Config values by name, readable as attributes, as ``check_config`` and ``event_of`` read a Config."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


def read_config(srcdir: Path) -> tuple[Values, list[Finding]]:
    """The values of ``conf.py`` with Sphinx's and the extension's defaults, after the build's checks."""
    from sphinx.config import eval_config_file
    from sphinx.util.tags import Tags

    namespace = eval_config_file(srcdir / "conf.py", Tags())
    values = Values({**SPHINX_DEFAULTS, **{name: spec[0] for name, spec in CONFIG_VALUES.items()}})
    values.update({key: value for key, value in namespace.items() if not key.startswith("__")})
    # myst_parser adds Markdown to the source suffixes (in its setup)
    suffix = values["source_suffix"]
    suffixes = dict.fromkeys([suffix] if isinstance(suffix, str) else suffix)
    values["source_suffix"] = {**suffixes, ".md": "markdown"}
    return values, _checked(values)


def _checked(values: Values) -> list[Finding]:
    """The config values as at ``config-inited``: a finding per bad value, good values in place of bad ones."""
    return [Finding("conf.py", None, message, "config") for message in config_problems(values)]


def source_files(srcdir: Path, values: Values) -> dict[str, str]:
    """``docname -> path`` (relative to ``srcdir``) of every page the build reads, in the build's order."""
    from sphinx.project import Project

    project = Project(srcdir, values["source_suffix"])
    excluded = [*values["exclude_patterns"], *values["templates_path"],
                *values["html_static_path"], *values["html_extra_path"]]
    project.discover(excluded, values["include_patterns"])
    return {docname: project.doc2path(docname, absolute=False).as_posix() for docname in sorted(project.docnames)}


def check_site(srcdir: str | os.PathLike[str], extra: dict[str, str] | None = None) -> list[Finding]:
    """Every problem the build would report about the site's front-matter, in the build's order.

    ``extra`` maps paths (relative to ``srcdir``) to the text of pages not written yet, read
    as if they were there: ``symposium new`` checks a page before it writes it.
    """
    srcdir = Path(srcdir).resolve()
    extra = extra or {}
    values, findings = read_config(srcdir)
    event = event_of(values)
    extensions = tuple(values["myst_enable_extensions"] or ())
    language = values["language"] or "en"
    smartquotes = bool(values["smartquotes"]) and language not in values["smartquotes_excludes"].get("languages", [])
    store = SymposiumStore()
    # as in the build: the pages that do not decode are reported before any page is read
    undecodable: list[Finding] = []
    pages: list[Finding] = []
    lists: dict[str, list[Directive]] = {}
    files = source_files(srcdir, values)
    files = dict(sorted({**files, **{path.rsplit(".", 1)[0]: path for path in extra}}.items()))
    for docname, path in files.items():
        try:
            text = extra[path] if path in extra else decode_source((srcdir / path).read_bytes(), values["source_encoding"])
        except SourceEncodingError as err:
            undecodable.append(Finding(path, err.line, str(err), "encoding"))
            continue
        if not path.endswith(".md"):
            continue
        problems: list[Problem] = []
        title, title_line = "", 1
        if page_kind(docname) in {"talk", "speaker"}:
            title, title_line, raw_html = first_heading(text, extensions=extensions, smartquotes=smartquotes,
                                                        smartquotes_action=values["smartquotes_action"])
            if raw_html:
                problems.append(Problem("frontmatter", raw_html_in_title(title), title_line))
        lists[path] = listing_directives(text, extensions=extensions)
        found = read_source(
            docname, text, title=title, title_line=title_line, event=event,
            file_exists=lambda name: (srcdir / name).is_file(),
        )
        keep(store, docname, found)
        pages += [_finding(problem, path) for problem in problems + found.problems]
    findings += undecodable + pages
    for problem in check_across_pages(store, event, values["symposium_acronym"]):
        findings.append(_finding(problem, files.get(problem.docname or "", f"{problem.docname}.md")))
    findings += _listing_findings(store, event, lists)
    suppressed = values["suppress_warnings"] or []
    return [finding for finding in findings if not _suppressed(finding.subtype, suppressed)]


def _listing_findings(store: SymposiumStore, event: Event, lists: dict[str, list[Directive]]) -> list[Finding]:
    """What the build reports when it writes the listings: a ``:day:``, ``:room:``, ``:track:`` or
    ``:session:`` that names nothing, an ``:only:`` slug without a speaker page."""
    found = []
    speakers = store.speakers_by_slug()
    for path, directives in lists.items():
        for directive in directives:
            if directive.name == "speaker-list":
                messages = [unknown_speaker_in_list(slug) for slug in directive.options.get("only", "").split()
                            if slug not in speakers]
            else:
                selection = Selection.from_options(directive.options)
                messages = selection.problems(store.program(), store.views.sessions_by_id, event) if selection else []
            found += [Finding(path, directive.line, message, "reference") for message in messages]
    return found


def _finding(problem: Problem, path: str) -> Finding:
    return Finding(path, problem.line, problem.message, problem.subtype)


def _suppressed(subtype: str, suppress_warnings: Sequence[str]) -> bool:
    names = set(suppress_warnings)
    return bool(names & {"symposium", "symposium.*", f"symposium.{subtype}"})


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="symposium check",
        description="Check every page's front-matter as the build does, without a build. "
                    "Exit status 1 when there is a problem.",
    )
    parser.add_argument("srcdir", nargs="?", default=".", help="the site's source directory (default: .)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing when all is well")
    args = parser.parse_args(argv)
    srcdir = Path(args.srcdir)
    if not (srcdir / "conf.py").is_file():
        print(f"symposium check: no conf.py in {srcdir.resolve()}", file=sys.stderr)
        return 2
    findings = check_site(srcdir)
    for finding in findings:
        print(finding.format(srcdir.resolve()))
    if not findings and not args.quiet:
        print("symposium check: no problems", file=sys.stderr)
    return 1 if findings else 0
