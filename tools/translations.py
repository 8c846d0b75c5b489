#!/usr/bin/env python3
"""The extension's message catalog: ``python tools/translations.py [--check]`` (``nox -s translations``).

Extracts every message of ``_ext/symposium/`` (the calls of ``_``, ``say`` (the words of ``model/`` and the export encoders, ``site.say(...)`` too), ``N_``, ``ngettext``, ``say_plural`` and ``N_plural``) into
``_ext/symposium/locales/symposium.pot``, then updates each language's
``locales/<language>/LC_MESSAGES/symposium.po`` from it: new messages come in untranslated,
messages no longer in the code go (Babel keeps them as obsolete ``#~`` entries until the next run).
``--init LANGUAGE`` starts the catalog of a new language. ``--check`` writes nothing and fails when
the template is not what the code gives, or a catalog lacks a translation or has a fuzzy one.

The files are reproducible: no dates in their headers, and each message by its text (sorted), its place by file, not line,
so that an edit elsewhere in a file leaves them as they are. The build compiles the ``.po`` files
itself (``symposium/environment/translations.py``).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "_ext" / "symposium"
LOCALES = PACKAGE / "locales"
TEMPLATE = LOCALES / "symposium.pot"
HEADER = "Fixed words of the symposium Sphinx extension (CONTRIBUTING.md, \"How to add a translation\")."
_HEADER_FIELDS = ("POT-Creation-Date", "PO-Revision-Date")


def template() -> Catalog:
    """The messages of the code, in the order of their files and lines."""
    catalog = Catalog(project="symposium", version="", header_comment=f"# {HEADER}", fuzzy=False)
    keywords = {"_": None, "say": None, "N_": None, "ngettext": DEFAULT_KEYWORDS["ngettext"],
                "say_plural": DEFAULT_KEYWORDS["ngettext"], "N_plural": (1, 2)}
    for filename, lineno, message, comments, context in extract_from_dir(
            PACKAGE, method_map=[("**.py", "python")], keywords=keywords, strip_comment_tags=True):
        catalog.add(message, None, [(f"_ext/symposium/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def text_of(catalog: Catalog, *, template_file: bool = False) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, include_lineno=False, omit_header=False, ignore_obsolete=template_file,
             sort_output=True)
    # no dates: the same messages always give the same file
    lines = [line for line in out.getvalue().decode("utf-8").splitlines(keepends=True)
             if not line.startswith(tuple(f'"{field}:' for field in _HEADER_FIELDS))]
    return "".join(lines).encode("utf-8")


def catalogs() -> list[Path]:
    return sorted(LOCALES.glob("*/LC_MESSAGES/symposium.po"))


def updated(po: Path, pot: Catalog) -> Catalog:
    with po.open("rb") as source:
        catalog = read_po(source, locale=po.parts[-3])
    catalog.update(pot, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    return catalog


def problems(catalog: Catalog, name: str) -> list[str]:
    found = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            found.append(f"{name}: no translation of {message.id!r}")
        if message.fuzzy:
            found.append(f"{name}: fuzzy translation of {message.id!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; fail when a file is not current or complete")
    parser.add_argument("--init", metavar="LANGUAGE", help="start the catalog of a new language (e.g. fr, pt_BR)")
    args = parser.parse_args(argv)
    pot = template()
    failures: list[str] = []
    if args.init:
        po = LOCALES / args.init / "LC_MESSAGES" / "symposium.po"
        if po.exists():
            parser.error(f"{po.relative_to(ROOT)} exists already")
        catalog = Catalog(locale=args.init, project="symposium", version="", header_comment=f"# {HEADER}", fuzzy=False)
        catalog.update(pot)
        po.parent.mkdir(parents=True)
        po.write_bytes(text_of(catalog))
        print(f"wrote {po.relative_to(ROOT)}: translate each msgstr, then run this again")
    if args.check:
        if not TEMPLATE.is_file() or TEMPLATE.read_bytes() != text_of(pot, template_file=True):
            failures.append(f"{TEMPLATE.relative_to(ROOT)} is not current: run `nox -s translations`")
    else:
        TEMPLATE.write_bytes(text_of(pot, template_file=True))
    for po in catalogs():
        name = str(po.relative_to(ROOT))
        catalog = updated(po, pot)
        text = text_of(catalog)
        if args.check and po.read_bytes() != text:
            failures.append(f"{name} is not current: run `nox -s translations`")
        elif not args.check:
            po.write_bytes(text)
        failures += problems(catalog, name)
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
