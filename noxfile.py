"""Tasks: `nox -s docs` builds the site, `nox -s tests` runs the tests.

Also `nox -s new -- talk SLUG` (a new page), `nox -s new -- event --name ...` (a new event),
`nox -s import -- program.csv` (pages from a spreadsheet or a schedule), `nox -s check` (front-matter, without a build),
`nox -s serve` (live preview), `nox -s translations` (the extension's message catalogs), `nox -s lint` (ruff), `nox -s bench` and `nox -s lighthouse` (figures, not tests).
"""

import shutil

import nox

nox.options.sessions = ["lint", "tests", "docs"]
nox.options.reuse_existing_virtualenvs = True

BUILD = "_build/dirhtml"
#: `new event` draws the social card with Pillow (as in requirements-test.txt; the build does not need it)
PILLOW = "pillow>=10.1,<14"


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site from scratch into _build/dirhtml; any warning fails the build."""
    session.install("-r", "requirements.txt")
    # from an empty directory, so no page of a deleted talk or speaker is left behind
    shutil.rmtree(BUILD, ignore_errors=True)
    session.run(
        "sphinx-build", "-W", "--keep-going", "-E", "-b", "dirhtml",
        "-d", "_build/doctrees", ".", BUILD, *session.posargs,
    )
    session.log(f"The site is in {BUILD}/; preview it with `nox -s serve`.")


@nox.session
def series(session: nox.Session) -> None:
    """Build every edition of the series (each edition tag with its own code, and the working tree) into
    _build/series/<edition>/, with the series' root: index.html, sitemap.xml, switcher.json and the
    first edition's old root addresses (tools/series.py; CONTRIBUTING.md, "Publishing a series")."""
    session.install("-r", "requirements.txt")
    session.run("python", "tools/series.py", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite, in parallel (pytest options after --; `-- -n 0` runs it in one process)."""
    session.install("-r", "requirements-test.txt")
    session.run("pytest", *session.posargs)


@nox.session
def new(session: nox.Session) -> None:
    """A new page or event: `nox -s new -- talk SLUG --title ...`, `-- speaker SLUG --name ...`, `-- event --name ...`."""
    session.install("-r", "requirements.txt", PILLOW)
    # tools/symposium.py is `python -m symposium` with _ext/ on the path
    session.run("python", "tools/symposium.py", "new", *(session.posargs or ["--help"]))


@nox.session(name="import")
def import_(session: nox.Session) -> None:
    """Talk, speaker and program pages from a CSV or a frab/pretalx schedule: `nox -s import -- program.csv [--dry-run]`."""
    session.install("-r", "requirements.txt")
    session.run("python", "tools/symposium.py", "import", *(session.posargs or ["--help"]))


@nox.session
def check(session: nox.Session) -> None:
    """Every page's front-matter checked as the build checks it, without a build (`nox -R -s check`: faster)."""
    session.install("-r", "requirements.txt")
    session.run("python", "tools/symposium.py", "check", *session.posargs)


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview at http://127.0.0.1:8000, rebuilt on every save."""
    session.install("-r", "requirements.txt", "sphinx-autobuild>=2024.4")
    session.run(
        "sphinx-autobuild", "-b", "dirhtml", "-d", "_build/doctrees",
        "--watch", "_ext", "--ignore", "_build",
        ".", BUILD, *session.posargs,
    )


@nox.session
def translations(session: nox.Session) -> None:
    """The extension's words: extract _ext/symposium/locales/symposium.pot from the code and update
    every language's .po from it (`-- --check`: change nothing, fail when a file is not current or a
    translation is missing or fuzzy; `-- --init fr`: start a new language). The build compiles the .po."""
    session.install("-r", "requirements.txt")  # Babel comes with Sphinx
    session.run("python", "tools/translations.py", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff over the extension, the tests and the configuration."""
    session.install("ruff>=0.6")
    session.run("ruff", "check", ".", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """The extension's cost at scale (a benchmark, not a test; 30-60 min on 2 cores, `-- --quick`: 1 min).

    A seeded synthetic conference of 250, 500, 1,000 and 2,000 talks built fresh with the extension
    and as the same pages without it (the floor), at -j 1 and -j 2: medians, the ratio, time per
    page, peak memory; then incremental builds after editing a talk's time, a speaker's name and a
    session's room; then the exports of the largest size checked against ../shared/validators/.
    Prints the tables and writes _build/bench.json. Options after --: --sizes, --jobs, --repeat,
    --quick, --json, --seed (see benchmarks/build_benchmark.py --help). `-- --shape real`: a
    conference of a real one's shape (2 days/30 rooms and 4 days/72 rooms at 1,000 talks) built
    with the extension, typed by hand and with no program, in one interleaved run (_build/bench-real.json).
    """
    # jsonschema and lxml validate the exports, as in requirements-test.txt
    session.install("-r", "requirements.txt", "jsonschema>=4.20,<5", "lxml>=5,<7")
    session.run("python", "benchmarks/build_benchmark.py", *session.posargs)


@nox.session(name="bench-history")
def bench_history(session: nox.Session) -> None:
    """What the program's history costs (a benchmark, not a test; about 5 min on 2 cores).

    A conference of 1,000 talks in a git repository of 300 content commits: the history read
    fresh and after one more commit, and the site built fresh in the repository and outside git,
    then after one more commit. Options after --: --talks, --commits, --repeat, --workdir.
    """
    session.install("-r", "requirements.txt")
    session.run("python", "benchmarks/history_benchmark.py", *session.posargs)


@nox.session
def lighthouse(session: nox.Session) -> None:
    """Lighthouse's phone scores, LCP and bytes for four pages of a fresh build (a benchmark).

    Needs Node's npm (Lighthouse is installed into .nox/) and Chromium at CHROME_PATH
    (default /usr/bin/chromium). Pass other options to benchmarks/lighthouse.py after --.
    """
    session.install("-r", "requirements.txt")
    site = "_build/lighthouse"
    shutil.rmtree(site, ignore_errors=True)
    session.run("sphinx-build", "-q", "-W", "--keep-going", "-E", "-b", "dirhtml", "-d", "_build/doctrees-lighthouse",
                ".", site)
    node = ".nox/lighthouse-node"  # npm packages, kept between runs
    session.run("npm", "install", "--silent", "--no-fund", "--no-audit", "--prefix", node, "lighthouse@^12.8",
                external=True)
    session.run("python", "benchmarks/lighthouse.py", site, "--lighthouse", f"{node}/node_modules/.bin/lighthouse",
                *session.posargs)
