"""The attendee features' ES modules (``modules/*.js``) as the build writes them, to
``_static/modules/`` of every HTML build that runs them (not an e-book).

Each is written as it is, but for its imports of the others: ``from "./page.js"`` becomes
``from "./page.js?v=<version>"``, the version a digest of all the modules. The page loads the
entry, ``attendee.js``, with Sphinx's ``?v=`` (a checksum of the file written, so of that
version too); a change to any module changes every address, and neither the browser's HTTP
cache nor the service worker (which keeps assets by their address) serves a module of one
build to another's. Nothing is bundled: each module is its own file, loaded by the browser.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

SOURCE = Path(__file__).parent / "modules"
#: where the build writes them, under ``_static/``
FOLDER = "modules"
#: the module a page loads (``<script type="module">``); it imports the others
ENTRY = "attendee.js"
#: an import of another module, by its path beside the importer (the only imports the modules have)
_IMPORT = re.compile(r'(\bfrom\s*|\bimport\s*)"(\./[\w-]+\.js)"')


def _sources() -> dict[str, str]:
    return {path.name: path.read_text("utf-8") for path in sorted(SOURCE.glob("*.js"))}


def version() -> str:
    """A digest of every module, by name and content."""
    digest = hashlib.sha256()
    for name, text in _sources().items():
        digest.update(name.encode() + b"\0" + text.encode() + b"\0")
    return digest.hexdigest()[:8]


def written() -> dict[str, str]:
    """Each module's name and its text as the build writes it (its imports versioned)."""
    stamp = version()
    return {name: _IMPORT.sub(lambda match: f'{match[1]}"{match[2]}?v={stamp}"', text)
            for name, text in _sources().items()}


def imported_addresses() -> list[str]:
    """The modules the entry brings, by their versioned addresses relative to the site's root:
    no page names them in a tag, so the service worker is told to keep them."""
    stamp = version()
    return [f"_static/{FOLDER}/{name}?v={stamp}" for name in _sources() if name != ENTRY]


def write_modules(static_dir: Path) -> None:
    """The modules into ``static_dir/modules/``, each only when it changed (an unchanged file
    keeps its time for caches), and no other script left there by an earlier build."""
    folder = static_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    modules = written()
    for stale in folder.glob("*.js"):
        if stale.name not in modules:
            stale.unlink()
    for name, text in modules.items():
        path = folder / name
        content = text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != content:
            path.write_bytes(content)
