"""``symposium check``: every check the build makes on front-matter, in well under a second.

Reads ``conf.py`` as Sphinx reads it (``Config.read``; nothing else of Sphinx is started),
finds the pages the build would read (``include_patterns``, ``exclude_patterns``),
and gives each Markdown page to :func:`symposium.model.sources.read_source`, the function the build's
collector calls, then runs the same checks across pages. Each problem is printed as
the build prints it, ``path:line: message [symposium.subtype]``; warnings that
``suppress_warnings`` silences in the build are left out here too.

After them come notes, ``path:line: note: message``: advice that is no problem, which the build
does not give (a warning would fail ``-W`` for a name that is right as written) and which leaves
the exit status alone, such as when to set ``family_name:`` (:func:`symposium.model.names.family_name_hint`).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util.tags import Tags

from ..environment.config import CONFIG_VALUES, config_problems, event_of
from ..environment.markdown_pages import Directive, Text, first_heading, listing_directives, text_below_heading
from ..environment.store import SymposiumStore, check_across_pages, keep
from ..model.entities import Event, Problem
from ..model.messages import raw_html_in_title, unknown_speaker_in_list
from ..model.names import family_name_hint
from ..model.pages import page_kind
from ..model.selection import Selection
from ..model.sources import SourceEncodingError, decode_source, read_source

#: values the check reads that other parts of Sphinx register (the HTML builder, MyST), with their defaults
OTHER_VALUES: dict[str, Any] = {"html_static_path": [], "html_extra_path": [], "myst_enable_extensions": []}


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
        if self.subtype == NOTE:
            return f"{where}: note: {self.message}"
        return f"{where}: {self.message} [symposium.{self.subtype}]"


#: the subtype of a :class:`Finding` that is a note: advice, not a problem
NOTE = "note"


def read_config(srcdir: Path, overrides: dict[str, object] | None = None) -> tuple[Config, list[Finding]]:
    """``conf.py`` read as Sphinx reads it (``Config.read``), with the extension's values and the
    others the check reads declared as their extensions declare them, after the build's checks.
    ``overrides`` are values as if conf.py said them (``symposium import`` checks with the day
    change it is about to write).

    Raises ``ConfigError`` for a ``conf.py`` that Sphinx cannot read (see :func:`main`).
    """
    config = Config.read(srcdir, overrides={}, tags=Tags())
    for name, (default, rebuild, types) in CONFIG_VALUES.items():
        config.add(name, default, rebuild, types, "")
    for name, default in OTHER_VALUES.items():
        config.add(name, default, "env", (), "")
    for name, value in (overrides or {}).items():
        setattr(config, name, value)
    # myst_parser adds Markdown to the source suffixes (in its setup)
    suffix = config.source_suffix
    suffixes = dict.fromkeys([suffix] if isinstance(suffix, str) else suffix)
    config.source_suffix = {**suffixes, ".md": "markdown"}
    return config, _checked(config)


def _checked(config: Config) -> list[Finding]:
    """The config values as at ``config-inited``: a finding per bad value, good values in place of bad ones."""
    return [Finding("conf.py", None, message, "config") for message in config_problems(config)]


def source_files(srcdir: Path, values: Config) -> dict[str, str]:
    """``docname -> path`` (relative to ``srcdir``) of every page the build reads, in the build's order."""
    from sphinx.project import Project

    project = Project(srcdir, values["source_suffix"])
    excluded = [*values["exclude_patterns"], *values["templates_path"],
                *values["html_static_path"], *values["html_extra_path"]]
    project.discover(excluded, values["include_patterns"])
    return {docname: project.doc2path(docname, absolute=False).as_posix() for docname in sorted(project.docnames)}


def check_site(srcdir: str | os.PathLike[str], extra: dict[str, str] | None = None,
               notes: list[Finding] | None = None, overrides: dict[str, object] | None = None) -> list[Finding]:
    """Every problem the build would report about the site's front-matter, in the build's order.

    ``extra`` maps paths (relative to ``srcdir``) to the text of pages not written yet, read
    as if they were there: ``symposium new`` checks a page before it writes it. ``notes``, when
    given, receives the notes (findings of subtype :data:`NOTE`), which are no problems.
    """
    srcdir = Path(srcdir).resolve()
    extra = extra or {}
    values, findings = read_config(srcdir, overrides)
    event = event_of(values)
    extensions = tuple(values["myst_enable_extensions"] or ())
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
        body = Text("", 1)
        if page_kind(docname) in {"talk", "speaker"}:
            title, title_line, raw_html = first_heading(text, extensions=extensions)
            if raw_html:
                problems.append(Problem("frontmatter", raw_html_in_title(title), title_line))
            # the abstract or biography, for its length: from the same parse as the heading
            body = text_below_heading(text, extensions=extensions)
        lists[path] = listing_directives(text, extensions=extensions)
        found = read_source(
            docname, text, title=title, title_line=title_line, event=event,
            file_exists=lambda name: (srcdir / name).is_file(),
            abstract=body.text, abstract_line=body.line,
        )
        keep(store, docname, found)
        pages += [_finding(problem, path) for problem in problems + found.problems]
    findings += undecodable + pages
    for problem in check_across_pages(store, event, values["symposium_acronym"]):
        findings.append(_finding(problem, files.get(problem.docname or "", f"{problem.docname}.md")))
    findings += _listing_findings(store, event, lists)
    if notes is not None:
        notes += _name_notes(store, files)
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
                messages = [unknown_speaker_in_list(slug, speakers) for slug in directive.options.get("only", "").split()
                            if slug not in speakers]
            else:
                selection = Selection.from_options(directive.options)
                messages = selection.problems(store.program(), store.views.sessions_by_id, event) if selection else []
            found += [Finding(path, directive.line, message, "reference") for message in messages]
    return found


def _name_notes(store: SymposiumStore, files: dict[str, str]) -> list[Finding]:
    """A note at a speaker's ``name`` whose last word is likely not the whole family name."""
    found = []
    for speaker in sorted(store.speakers_by_slug().values(), key=lambda s: s.docname):
        hint = family_name_hint(speaker.name, speaker.family_name)
        if hint:
            found.append(Finding(files.get(speaker.docname, f"{speaker.docname}.md"), speaker.name_line, hint, NOTE))
    return found


def _finding(problem: Problem, path: str) -> Finding:
    return Finding(path, problem.line, problem.message, problem.subtype)


def _suppressed(subtype: str, suppress_warnings: Sequence[str]) -> bool:
    names = set(suppress_warnings)
    return bool(names & {"symposium", "symposium.*", f"symposium.{subtype}"})


def conf_py_failure(err: ConfigError, conf_py: Path) -> Finding:
    """A ``conf.py`` that Sphinx cannot run, as one finding at the line where it stops."""
    cause = err.__cause__
    if isinstance(cause, SyntaxError):
        return Finding("conf.py", cause.lineno, f"invalid Python ({cause.msg}); expected a conf.py that Python can run",
                       "config")
    if cause is not None:
        lines = [line for frame, line in traceback.walk_tb(cause.__traceback__)
                 if Path(frame.f_code.co_filename).resolve() == conf_py]
        return Finding("conf.py", lines[-1] if lines else None,
                       f"conf.py stops with {type(cause).__name__}: {cause}; expected a conf.py that runs", "config")
    return Finding("conf.py", None, str(err).splitlines()[0], "config")


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
    notes: list[Finding] = []
    try:
        findings = check_site(srcdir, notes=notes)
    except ConfigError as err:  # conf.py does not run: where and why, without a traceback
        findings = [conf_py_failure(err, (srcdir / "conf.py").resolve())]
    for finding in findings + ([] if args.quiet else notes):
        print(finding.format(srcdir.resolve()))
    if not findings and not args.quiet:
        print("symposium check: no problems", file=sys.stderr)
    return 1 if findings else 0
