"""The extension's message catalog: the words it writes into pages and exports, in the site's
``language`` (CONTRIBUTING.md, "How to add a translation").

The catalogs are ``locales/<language>/LC_MESSAGES/symposium.po``, beside this package;
``locales/symposium.pot`` is their template (``nox -s translations`` extracts it and updates
them). Sphinx reads compiled ``.mo`` files: the build compiles the ``.po`` into its doctree
folder when it starts, so no compiled file is kept in the repository and none is ever stale.

Warnings are not translated: Sphinx's own are English, and contributors search for them.
"""

from __future__ import annotations

from pathlib import Path

import sphinx.locale
from sphinx.application import Sphinx
from sphinx.locale import get_translation, get_translator

#: the catalog's name: ``symposium.pot``, ``symposium.po``, ``symposium.mo``
CATALOG = "symposium"
LOCALES = Path(__file__).resolve().parents[1] / "locales"
#: where a build keeps the compiled catalogs, under its doctree folder
COMPILED = "symposium-locales"

_translation = get_translation(CATALOG)


def _(message: str) -> str:
    """``message`` in the site's language, now (a ``str``, never Sphinx's lazy proxy: words go
    into JSON, joins and docutils nodes). English where no catalog is registered (the
    ``symposium`` command, unit tests) or the catalog lacks it. ``""`` stays ``""`` (gettext would
    give the catalog's header)."""
    return str(_translation(message)) if message else message


def ngettext(singular: str, plural: str, count: int) -> str:
    """``Speaker:`` or ``Speakers:`` as ``count`` says, in the site's language."""
    return get_translator(CATALOG).ngettext(singular, plural, count)


def compile_catalogs(target: Path) -> None:
    """Every ``.po`` compiled into ``target/<language>/LC_MESSAGES/symposium.mo``, written only
    when its bytes change. Babel's ``.mo`` holds the messages sorted and no time: the same
    ``.po`` always gives the same bytes."""
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in sorted(LOCALES.glob(f"*/LC_MESSAGES/{CATALOG}.po")):
        with po.open("rb") as source:
            catalog = read_po(source)
        compiled = BytesIO()
        write_mo(compiled, catalog)
        mo = target / po.relative_to(LOCALES).with_suffix(".mo")
        if not mo.is_file() or mo.read_bytes() != compiled.getvalue():
            mo.parent.mkdir(parents=True, exist_ok=True)
            mo.write_bytes(compiled.getvalue())


def add_catalog(app: Sphinx) -> None:
    """In ``setup()``: the catalog of the site's language (Sphinx's ``language``), compiled for
    this build. English needs none: the messages are the English words."""
    # this build's language alone: a process may have built a site in another language before
    # (Sphinx's init adds a language to the catalog it already has)
    sphinx.locale.translators.pop(("general", CATALOG), None)
    if (app.config.language or "en") == "en":
        app.add_message_catalog(CATALOG, str(LOCALES))  # no .mo there: the English words
        return
    target = Path(app.doctreedir) / COMPILED
    compile_catalogs(target)
    app.add_message_catalog(CATALOG, str(target))
