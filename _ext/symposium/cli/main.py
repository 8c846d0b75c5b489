"""The extension's commands for contributors: ``new`` (a page from a template) and ``check``."""

from __future__ import annotations

import sys
from collections.abc import Sequence

USAGE = """usage: symposium {new,check} ...

  new talk SLUG [options]      write talks/SLUG.md with its front-matter filled in
  new speaker SLUG [options]   write speakers/SLUG.md
  check [SRCDIR]               check every page's front-matter as the build does

'symposium new --help' and 'symposium check --help' say more."""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        print(USAGE)
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if command == "check":
        from .check import main as check

        return check(rest)
    if command == "new":
        from .new_page import main as new

        return new(rest)
    print(f"symposium: unknown command {command!r}\n\n{USAGE}", file=sys.stderr)
    return 2
