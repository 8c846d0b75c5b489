"""The extension's commands: ``new`` (a page from a template), ``check``, ``init`` (a new event) and ``import``."""

from __future__ import annotations

import sys
from collections.abc import Sequence

USAGE = """usage: symposium {new,check,init,import} ...

  new talk SLUG [options]      write talks/SLUG.md with its front-matter filled in
  new speaker SLUG [options]   write speakers/SLUG.md
  new event [options]          the same as init
  init [options]               start a new event in this repository: conf.py's event, empty pages, a social card
  import FILE [--dry-run]      talk, speaker and program pages from a CSV or a frab/pretalx schedule.xml/.json
  check [SRCDIR]               check every page's front-matter as the build does

'symposium COMMAND --help' says more."""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        print(USAGE)
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if command == "check":
        from .check import main as check

        return check(rest)
    if command == "init" or (command == "new" and rest[:1] == ["event"]):
        from .init import main as init

        return init(rest[1:] if command == "new" else rest)
    if command == "new":
        from .new_page import main as new

        return new(rest)
    if command == "import":
        from .importing import main as import_

        return import_(rest)
    print(f"symposium: unknown command {command!r}\n\n{USAGE}", file=sys.stderr)
    return 2
