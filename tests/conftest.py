"""Fixtures: Sphinx's own test fixtures, builds of the test roots and of the real site, and a browser.

Builds that tests only read are made once per session (once per pytest-xdist worker) by
``built``; a test that changes sources or builds again uses ``build``, in its own directory.
Shared functions are in helpers.py.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import CHROMIUM, DESKTOP, ROOTS, build_app, copy_root, copy_site, record_pages, serve, write_files

pytest_plugins = ("sphinx.testing.fixtures",)


def pytest_configure(config: pytest.Config) -> None:
    # sphinx-sitemap starts a multiprocessing Manager in each build of the real site, which lives as
    # long as the build's app; forked from this process, it would hold the browser driver's pipes open
    # and Playwright would wait for them forever when it stops. From a fork server, it holds nothing.
    # (Sphinx's own parallel builds ask for "fork" themselves.)
    multiprocessing.set_start_method("forkserver", force=True)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing's ``make_app`` finds the test roots."""
    return ROOTS


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., SphinxTestApp]:
    """A test root built once per session, for tests that only read what it wrote.

    ``built("minimal", "html", html_baseurl="")``: the root ``tests/roots/test-minimal`` (or the
    real site for ``"site"``) with a builder and configuration overrides, built from scratch the
    first time it is asked for; ``files`` changes some of its files first (as ``build`` does) and
    ``warningiserror`` is sphinx-build's -W. Its sources and output must not be changed.
    """
    apps: dict[str, SphinxTestApp] = {}

    def get(testroot: str = "minimal", buildername: str = "html", *, files: dict[str, str | bytes | None] | None = None,
            warningiserror: bool = False, **confoverrides) -> SphinxTestApp:
        key = repr((testroot, buildername, sorted((files or {}).items()), warningiserror, sorted(confoverrides.items())))
        if key not in apps:
            srcdir = copy_root(testroot, tmp_path_factory.mktemp(f"{testroot}-{buildername}"))
            write_files(srcdir, files or {})
            apps[key] = build_app(srcdir, buildername, warningiserror=warningiserror, confoverrides=confoverrides)
        return apps[key]

    return get


@pytest.fixture(scope="session")
def real_site(built) -> SphinxTestApp:
    """The real site, built once for the session with dirhtml, as `nox -s docs` builds it."""
    return built("site", "dirhtml")


@pytest.fixture
def build(make_app: Callable[..., SphinxTestApp], tmp_path: Path):
    """Copy a test root, change some of its files, build it, and return the app.

    ``files`` maps paths to new contents; ``None`` deletes the file. Called again in the same
    test, it builds the same sources again (incrementally, unless ``freshenv=True``).
    """

    def run(files: dict[str, str | bytes | None] | None = None, *, testroot: str = "minimal",
            buildername: str = "html", **kwargs) -> SphinxTestApp:
        srcdir = tmp_path / "src"
        if not srcdir.exists():
            copy_root(testroot, srcdir)
        write_files(srcdir, files or {})
        app = make_app(buildername, srcdir=srcdir, **kwargs)
        record_pages(app)
        app.build()
        app.cleanup()  # unregister its nodes, so that the next build in this test starts clean
        return app

    return run


@pytest.fixture
def site_sources(tmp_path: Path) -> Path:
    """A copy of the real site's sources, for a test to change."""
    return copy_site(tmp_path / "site")


# -- served on the loopback (helpers.serve), and a browser -----------------------------------------


@pytest.fixture(scope="session")
def site_url(real_site) -> Iterator[str]:
    """The real site, served on the loopback."""
    yield from serve(Path(real_site.outdir))


@pytest.fixture(scope="session")
def conference_url(built) -> Iterator[str]:
    """The conference root with the site's theme, served on the loopback."""
    yield from serve(Path(built("conference", "dirhtml", html_theme="pydata_sphinx_theme").outdir))


@pytest.fixture
def host_page(tmp_path: Path) -> Iterator:
    """Another site on another port of the loopback (another origin): ``host_page(html)`` serves the
    page and gives its URL, for a page that embeds the site's pages."""
    folder = tmp_path / "host"
    folder.mkdir()
    server = serve(folder)
    base = next(server)

    def put(text: str, name: str = "index.html") -> str:
        (folder / name).write_text(text, "utf-8")
        return base + name

    yield put
    server.close()


@pytest.fixture(scope="session")
def served() -> Iterator[Callable[[Path], str]]:
    """``served(directory)``: any output folder, served on the loopback until the session ends, by its URL."""
    servers: list[Iterator[str]] = []

    def start(directory: Path) -> str:
        server = serve(directory)
        servers.append(server)
        return next(server)

    yield start
    for server in servers:
        server.close()  # runs its ``finally``: the server stops


@pytest.fixture(scope="session")
def material_url(built) -> Iterator[str]:
    """The material root (slides, videos, recordings) with the site's theme, served on the loopback."""
    # as the real site sets the theme: no sidebars, whose toggles would not fit a phone's navbar
    app = built("material", "dirhtml", html_theme="pydata_sphinx_theme", html_sidebars={"**": []},
                html_theme_options={"secondary_sidebar_items": []})
    yield from serve(Path(app.outdir))


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (its own browsers are not used), once per session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser):
    """A fresh browser profile, closed after the test: a desktop in the real site's time zone unless told."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", DESKTOP)
        options.setdefault("timezone_id", "America/Chicago")
        context = browser.new_context(**options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def open_page(browser, site_url):
    """Open a page of the real site in a viewport; ``page.requests`` holds every URL it requested."""
    pages = []

    def open_(path: str, viewport: dict, wait_until: str = "load"):
        page = browser.new_page(viewport=viewport)
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.goto(site_url + path, wait_until=wait_until)
        pages.append(page)
        return page

    yield open_
    for page in pages:
        page.close()
