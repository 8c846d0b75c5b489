"""The extension's version, and the version of the environments it saves.

Sphinx discards a pickled environment whose ``env_version`` differs, so a saved
environment made by other code (a change of what a page's front-matter gives, of how it
is read, of the shape of the store, of a translation) is read again from the sources instead
of rendered from stale data. The version is a digest of every Python file and message catalog
of the extension, in every subfolder: no number to remember to bump.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

__version__ = "0.1.0"

#: the ``symposium`` package: this file is ``symposium/environment/versions.py``
PACKAGE = Path(__file__).resolve().parent.parent


def code_digest(package: Path = PACKAGE) -> int:
    """A digest of the names and contents of every ``*.py`` below ``package``, and of every message
    catalog (``locales/*/LC_MESSAGES/*.po``: a changed translation changes every page), as one number."""
    digest = hashlib.sha256()
    for source in sorted([*package.rglob("*.py"), *package.rglob("*.po")]):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    return int(digest.hexdigest()[:15], 16)


#: computed once, at import: the code that runs is the code that was imported
ENV_VERSION = code_digest()
