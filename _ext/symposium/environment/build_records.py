"""The build's record files, read and written one way.

Every record the extension keeps between builds (``.symposium-state`` and
``.symposium-exports`` in the output directory, ``.symposium-history-shown`` beside them,
the history's cache and the offline worker's file digests beside the doctrees) is a JSON
file that a build may find missing, half-written by an older build, or made by other code.
Such a file says nothing: :func:`load_record` gives the caller's default instead. A record
is written whole or not at all (:func:`save_record`: a temporary file in the same folder,
then ``os.replace``), and not at all when its text is already what it says, so that an
unchanged record keeps its time. Nothing here imports Sphinx.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def load_record(path: str | os.PathLike[str], default: T) -> T:
    """The JSON value saved at ``path``, or ``default`` when the file is missing, unreadable,
    not JSON, or not of ``default``'s type (a record is a dict or a list)."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError):
        return default
    return data if isinstance(data, type(default)) else default


def save_record(path: str | os.PathLike[str], data: Any, *, end: str = "", **dumps: Any) -> bool:
    """Save ``data`` at ``path`` as ``json.dumps(data, **dumps)`` (then ``end``: a record kept in
    git ends its last line), atomically, and only when the file does not say that already;
    whether it was written."""
    path = Path(path)
    text = json.dumps(data, **dumps) + end
    with contextlib.suppress(OSError, ValueError):
        if path.is_file() and path.read_text("utf-8") == text:
            return False
    path.parent.mkdir(parents=True, exist_ok=True)
    # a reader never sees half a file, and an interrupted save leaves the old record
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644)  # as readable as the files beside it (mkstemp makes it 0600)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return True
