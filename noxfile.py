"""Tasks: `nox -s docs` builds the site, `nox -s tests` runs the tests.

Also `nox -s serve` (live preview), `nox -s lint` (ruff) and `nox -s seo` (Lighthouse).
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import nox

nox.options.sessions = ["lint", "tests", "docs"]
nox.options.reuse_existing_virtualenvs = True

BUILD = "_build/dirhtml"


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
def tests(session: nox.Session) -> None:
    """Run the test suite (pass pytest options after --)."""
    session.install("-r", "requirements-test.txt")
    session.run("pytest", *session.posargs)


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
def lint(session: nox.Session) -> None:
    """Ruff over the extension, the tests and the configuration."""
    session.install("ruff>=0.6")
    session.run("ruff", "check", ".", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Print build timings for a synthetic conference (pass --talks N --rooms R --jobs J)."""
    session.install("-r", "requirements.txt")
    session.run("python", "benchmarks/build_benchmark.py", *session.posargs)


@nox.session
def seo(session: nox.Session) -> None:
    """Lighthouse's SEO audit of the home page, served locally; fails below a score of 1.0.

    Needs npm (Lighthouse is installed into the session's temporary folder) and Chromium
    (CHROME_PATH, /usr/bin/chromium by default). Pass more Lighthouse options after --.
    """
    session.install("-r", "requirements.txt")
    out = "_build/seo"
    shutil.rmtree(out, ignore_errors=True)
    session.run("sphinx-build", "-W", "--keep-going", "-E", "-q", "-b", "dirhtml", "-d", "_build/doctrees-seo", ".", out)
    tools = Path(session.create_tmp()).resolve() / "lighthouse"
    session.run("npm", "install", "--prefix", str(tools), "--no-audit", "--no-fund", "--silent", "lighthouse@12",
                external=True)
    report = tools / "seo.json"
    with socket.socket() as probe:  # a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "-d", out, str(port), "--bind", "127.0.0.1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        session.run(
            str(tools / "node_modules" / ".bin" / "lighthouse"), f"http://127.0.0.1:{port}/",
            "--only-categories=seo", "--chrome-flags=--headless --no-sandbox --disable-gpu",
            "--output=json", f"--output-path={report}", "--quiet", *session.posargs,
            external=True, env={"CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
        )
    finally:
        server.terminate()
        server.wait()
    result = json.loads(report.read_text("utf-8"))
    score = result["categories"]["seo"]["score"]
    for ref in result["categories"]["seo"]["auditRefs"]:
        audit = result["audits"][ref["id"]]
        if audit["score"] is not None and audit["score"] < 1:
            session.warn(f"{ref['id']}: {audit['title']} {audit.get('explanation') or ''}")
    session.log(f"Lighthouse {result['lighthouseVersion']} SEO score: {score} (report: {report})")
    if score is None or score < 1:
        session.error(f"the SEO score is {score}, below 1.0")
