"""What a link in front-matter may point at: a web address, or a file of the project.

One copy of the rule for the reader that checks front-matter, the files a page depends on,
the config's host URL, and every place that builds an address (``exports/addresses.py``).
"""

from __future__ import annotations

import re

_WEB_ADDRESS = re.compile(r"^https?://[^\s/]+")
_PROJECT_FILE = re.compile(r"^_static/[\w\-./]+$")


def is_web_address(text: str) -> bool:
    """``http(s)://`` and a host: linked as it is, from any page or export."""
    return _WEB_ADDRESS.match(text) is not None


def is_project_file(text: str) -> bool:
    """A file under ``_static/``, which every HTML build copies as it is: linked relative to
    the page, or under the site's address from an export."""
    return _PROJECT_FILE.match(text) is not None and ".." not in text.split("/")
