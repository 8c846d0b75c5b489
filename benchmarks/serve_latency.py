"""How long `nox -s serve` takes to show a change of a talk's front-matter.

    python benchmarks/serve_latency.py [--runs 5] [--port 8011] [--browser /usr/bin/chromium]

Copies the site to a temporary folder, starts sphinx-autobuild on it as `nox -s serve`
does, waits for the first build, then, several times: changes one talk's type in its
front-matter, and measures the time from saving the file to the rebuilt program page
(and the talk's own page) showing the new label: written, served, and (with --browser,
through Playwright) shown in a browser that has the program open and reloads itself as
sphinx-autobuild tells it to. Figures only; it needs sphinx-autobuild.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SITE = ("conf.py", "index.md", "program", "speakers", "talks", "_static", "_ext")
TALK = "talks/invited-talk-1.md"
LABELS = {"invited": "Invited Talk", "keynote": "Keynote"}


def copy_site(target: Path) -> None:
    for name in SITE:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)


def wait_for(condition, timeout: float = 120.0, step: float = 0.02) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise SystemExit("timed out")
        time.sleep(step)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=8011)
    parser.add_argument("--browser", help="a Chromium to open the program in, such as /usr/bin/chromium")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        copy_site(root)
        out = root / "_build" / "dirhtml"
        command = [sys.executable, "-m", "sphinx_autobuild", "-b", "dirhtml", "-d", "_build/doctrees",
                   "--watch", "_ext", "--ignore", "_build", "--port", str(args.port), "--host", "127.0.0.1",
                   ".", str(out)]
        server = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        closing = []
        try:
            program = out / "program" / "index.html"
            talk_page = out / "talks" / "invited-talk-1" / "index.html"
            first = wait_for(program.is_file)
            print(f"first build: {first:.1f} s")

            def served() -> str:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/program/", timeout=1) as page:
                        return page.read().decode()
                except OSError:
                    return ""

            wait_for(lambda: bool(served()))
            if args.browser:
                shown, close_browser = _open_browser(args.browser, f"http://127.0.0.1:{args.port}/program/")
                closing.append(close_browser)
            else:
                shown = None
            talk = root / TALK
            text = talk.read_text()
            kind = "invited"
            times = []
            for _ in range(args.runs):
                time.sleep(1.0)  # let the server settle
                new = "keynote" if kind == "invited" else "invited"
                before_talk = talk_page.read_text()
                text = text.replace(f"type: {kind}", f"type: {new}", 1)
                saved = time.perf_counter()
                talk.write_text(text)
                wait_for(lambda new=new, before=before_talk: LABELS[new] in talk_page.read_text() != before)
                wait_for(lambda new=new: _program_row_shows(program.read_text(), LABELS[new]))
                on_disk = time.perf_counter() - saved
                wait_for(lambda new=new: _program_row_shows(served(), LABELS[new]))
                over_http = time.perf_counter() - saved
                if shown is not None:
                    wait_for(lambda new=new: _program_row_shows(shown(), LABELS[new]))
                times.append((on_disk, over_http, time.perf_counter() - saved if shown else None))
                kind = new
            for on_disk, over_http, in_browser in times:
                print(f"saved -> program and talk page written: {on_disk:.2f} s; served: {over_http:.2f} s"
                      + (f"; shown in the browser: {in_browser:.2f} s" if in_browser is not None else ""))
            print(f"median: {statistics.median(t[0] for t in times):.2f} s written, "
                  f"{statistics.median(t[1] for t in times):.2f} s served"
                  + (f", {statistics.median(t[2] for t in times):.2f} s in the browser" if shown else "")
                  + f" ({os.cpu_count()} cores)")
        finally:
            for close in closing:
                close()
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def _open_browser(executable: str, url: str):
    """A function that returns the HTML of ``url`` as an open browser tab shows it now, and one to close it."""
    from playwright.sync_api import Error, sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
    page = browser.new_page()
    page.goto(url)

    def shown() -> str:
        try:
            return page.content()
        except Error:  # between two documents while it reloads
            return ""

    def close() -> None:
        browser.close()
        playwright.stop()

    return shown, close


def _program_row_shows(html: str, label: str) -> bool:
    """The program's row of the changed talk carries ``label``."""
    start = html.find("talks/invited-talk-1/")
    if start < 0:
        return False
    row_start = html.rfind("<tr", 0, start)
    row_end = html.find("</tr>", start)
    return label in html[row_start:row_end]


if __name__ == "__main__":
    main()
