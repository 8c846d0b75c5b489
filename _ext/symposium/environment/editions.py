"""The editions of a series this build can see: its git tags named by an edition's id, and itself.

An edition is tagged by its id (``git tag 2025``, what ``symposium init --next`` does): a tag is
taken for an edition when its name is the id its own ``conf.py`` gives (``symposium_edition``,
else the year of ``symposium_date``), so a release tag such as ``v1.0`` is not one. Each
edition's site lives at ``<series' address><id>/``; the series' address is the build's
``html_baseurl`` less the edition's folder, so that Read the Docs' canonical URL
(``https://example.readthedocs.io/2025/``) gives its own series' address.

``nox -s series`` builds each edition from its tag, where the later editions are not tags yet
(the current one is the working tree): it hands every build the series' list in the file that
``SYMPOSIUM_SERIES`` names (``switcher.json``'s format), which then stands for the tags.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model.times import parse_date
from .config import EDITION

#: the environment variable naming the series' list of editions (``nox -s series`` sets it)
SERIES_VARIABLE = "SYMPOSIUM_SERIES"


@dataclass(frozen=True)
class Edition:
    #: its id: the folder of its site, its tag, its Read the Docs version
    id: str
    #: its short name ("AIExScale 2025")
    name: str
    #: its first day, as an ISO date: the order of the series
    date: str = ""


def series_address(html_baseurl: str, edition: str) -> str | None:
    """The series' address of an edition whose site is at ``html_baseurl``; ``None`` when the site
    is not in its edition's folder (a site that is not laid out as a series)."""
    base = (html_baseurl or "").strip()
    base = base if base.endswith("/") else base + "/"
    folder = f"/{edition}/"
    return base[: -len(folder) + 1] if base.endswith(folder) else None


def conf_values(text: str) -> dict[str, Any]:
    """The literal values a ``conf.py`` assigns at its top level (the rest of the file is not run)."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return {}
    values: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                values[node.targets[0].id] = ast.literal_eval(node.value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                continue
    return values


def edition_of(values: dict[str, Any]) -> Edition | None:
    """The edition a ``conf.py``'s values describe, or ``None`` without a valid first day."""
    try:
        first = parse_date(values.get("symposium_date"))
    except (ValueError, TypeError):
        return None
    edition = str(values.get("symposium_edition") or first.year)
    name = values.get("symposium_short_name") or values.get("project") or edition
    return Edition(edition, str(name), first.isoformat())


def _git(srcdir: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=srcdir, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def tagged_editions(srcdir: Path) -> list[Edition]:
    """The editions among the repository's tags, each read from its own ``conf.py``."""
    found = []
    for tag in (_git(srcdir, "tag", "--list") or "").split():
        if not EDITION.match(tag):
            continue
        text = _git(srcdir, "show", f"refs/tags/{tag}:./conf.py")
        edition = edition_of(conf_values(text)) if text else None
        if edition is not None and edition.id == tag:
            found.append(edition)
    return found


def series_list(path: str) -> list[dict[str, Any]] | None:
    """The series' list that ``SYMPOSIUM_SERIES`` names, or ``None`` when unreadable."""
    try:
        entries = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not (isinstance(entries, list)
            and all(isinstance(e, dict) and isinstance(e.get("version"), str) and isinstance(e.get("name"), str)
                    for e in entries)):
        return None
    return entries


def editions_seen(srcdir: Path, current: Edition) -> list[Edition]:
    """Every edition this build can see, the newest first: the series' list when ``nox -s series``
    gives one, else the edition tags; this build's own edition as it stands in the working tree."""
    given = series_list(os.environ[SERIES_VARIABLE]) if os.environ.get(SERIES_VARIABLE) else None
    if given is not None:
        # already in the series' order: taken as it is, this edition's entry from this build
        seen = [current if e["version"] == current.id else Edition(e["version"], e["name"], e.get("date", ""))
                for e in given]
        return seen if current in seen else [current, *seen]
    others = [edition for edition in tagged_editions(srcdir) if edition.id != current.id]
    return sorted([current, *others], key=lambda e: (e.date, e.id), reverse=True)


def switcher_entries(editions: list[Edition], series_url: str) -> list[dict[str, Any]]:
    """pydata-sphinx-theme's ``switcher.json``: each edition's name, id and address, the newest preferred
    (the first of ``editions``); the first day too, for the series' order."""
    return [{"name": e.name, "version": e.id, "url": f"{series_url}{e.id}/", "date": e.date,
             **({"preferred": True} if i == 0 else {})} for i, e in enumerate(editions)]
