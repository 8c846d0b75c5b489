"""What a link in front-matter may point at: a web address, or a file of the project.

One copy of the rule for the reader that checks front-matter, the files a page depends on,
the config's host URL, and every place that builds an address (``exports/addresses.py``).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

_WEB_ADDRESS = re.compile(r"^https?://[^\s/]+")
_PROJECT_FILE = re.compile(r"^_static/[\w\-./]+$")


def is_web_address(text: str) -> bool:
    """``http(s)://`` and a host: linked as it is, from any page or export."""
    return _WEB_ADDRESS.match(text) is not None


def file_url(base: str, path: str) -> str:
    """A web address as it is; a file at the output root (``program.ics``, ``_static/...``)
    under the site's root ``base``."""
    return path if is_web_address(path) else urljoin(base, path)


def is_project_file(text: str) -> bool:
    """A file under ``_static/``, which every HTML build copies as it is: linked relative to
    the page, or under the site's address from an export."""
    return _PROJECT_FILE.match(text) is not None and ".." not in text.split("/")


def why_not_a_project_file(text: str) -> str:
    """What keeps ``text`` from being a project file, in the contributor's words."""
    if not text.startswith("_static/"):
        return "it is not under _static/, which every build copies as it is"
    if ".." in text.split("/"):
        return "'..' leads out of _static/"
    bad = next((char for char in text if not (char.isalnum() or char in "_-./")), "")
    if bad:
        name = {" ": "a space", "\t": "a tab"}.get(bad, repr(bad))
        return f"it holds {name}, which a web address cannot carry as it is; rename the file with '-' instead"
    return "it is not a file name"
