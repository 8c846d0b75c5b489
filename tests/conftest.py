"""Shared fixtures: Sphinx's own test fixtures, tiny test roots, and the real site."""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
# The extension lives in the repository, not in an installed package.
sys.path.insert(0, str(REPO / "_ext"))

pytest_plugins = ("sphinx.testing.fixtures",)

#: what the real site is made of (everything else in the repository is tooling)
SITE_CONTENT = ("conf.py", "index.md", "program", "speakers", "talks", "_static", "_ext")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"


@dataclass(frozen=True)
class BuildWarning:
    path: str  # relative to the source directory
    line: int | None
    message: str
    type: str  # "symposium.frontmatter", ...


_WARNING = re.compile(r"^(?:(?P<where>.*?): )?WARNING: (?P<message>.*?)(?: \[(?P<type>[\w.]+)\])?$")


def parse_warnings(app: SphinxTestApp) -> list[BuildWarning]:
    found = []
    for text in strip_colors(app.warning.getvalue()).splitlines():
        match = _WARNING.match(text)
        if not match:
            continue
        path, line = match["where"] or "", None
        if re.search(r":\d+$", path):
            path, number = path.rsplit(":", 1)
            line = int(number)
        path = path.removeprefix(str(app.srcdir)).lstrip("/")
        found.append(BuildWarning(path, line, match["message"], match["type"] or ""))
    return found


def words(node) -> str:
    """The text of an lxml element, whitespace collapsed, as a reader sees it."""
    return " ".join(node.text_content().split())


def copy_site(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_CONTENT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The real site, built once for the session with dirhtml, as `nox -s docs` builds it."""
    srcdir = copy_site(tmp_path_factory.mktemp("site"))
    app = SphinxTestApp("dirhtml", srcdir=srcdir, freshenv=True, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app


@pytest.fixture
def build(make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path):
    """Copy a test root, change some of its files, build it, and return the app.

    ``files`` maps paths to new contents; ``None`` deletes the file.
    """

    def run(files: dict[str, str | None] | None = None, *, testroot: str = "minimal",
            buildername: str = "html", **kwargs) -> SphinxTestApp:
        srcdir = tmp_path / "src"
        if not srcdir.exists():
            shutil.copytree(rootdir / f"test-{testroot}", srcdir)
        for name, text in (files or {}).items():
            path = srcdir / name
            if text is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        app = make_app(buildername, srcdir=srcdir, **kwargs)
        app.build()
        app.cleanup()  # unregister its nodes, so that the next build in this test starts clean
        return app

    return run
