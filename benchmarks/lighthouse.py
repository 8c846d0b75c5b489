"""Lighthouse on a phone: the four category scores, LCP and bytes for the site's main pages.

    python benchmarks/lighthouse.py _build/dirhtml --lighthouse path/to/lighthouse

Serves the built site with gzip (serve_gzip.py) and runs Lighthouse's default mobile
preset (emulated mid-range phone, throttled 4G) on the home, program, a talk and a speaker
page with Debian's Chromium. Figures only: nothing here passes or fails. `nox -s lighthouse`
builds the site, installs Lighthouse from npm and runs this.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from serve_gzip import serve

PAGES = {"home": "", "program": "program/", "talk": "talks/keynote-tbd/", "speaker": "speakers/ian-foster/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"


def measure(lighthouse: str, url: str, chrome: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [lighthouse, url, "--output=json", f"--output-path={report}", "--quiet",
             f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)],
            check=True, env={**os.environ, "CHROME_PATH": chrome},
        )
        return json.loads(report.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, help="the built site (dirhtml)")
    parser.add_argument("--lighthouse", default="lighthouse", help="the lighthouse command")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    args = parser.parse_args()
    server, base = serve(args.directory)
    version = ""
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}, {platform.machine()}, "
          f"{os.cpu_count()} cores; mobile preset")
    print(f"{'page':<9} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'LCP s':>6} {'KiB':>6}  audits that cost points")
    try:
        for name, path in PAGES.items():
            result = measure(args.lighthouse, base + path, args.chrome)
            version = result.get("lighthouseVersion", "")
            scores = [result["categories"][c]["score"] for c in CATEGORIES]
            audits = result["audits"]
            lcp = audits["largest-contentful-paint"]["numericValue"] / 1000
            kib = audits["total-byte-weight"]["numericValue"] / 1024
            # the audits that cost points: weighted in a category and not passed
            weighted = {ref["id"] for c in CATEGORIES for ref in result["categories"][c]["auditRefs"] if ref["weight"]}
            failing = sorted(key for key in weighted if (audits[key].get("score") or 0) < 1
                             and audits[key].get("scoreDisplayMode") not in ("notApplicable", "manual", "informative"))
            print(f"{name:<9} " + " ".join(f"{s:>5.2f}" for s in scores) + f" {lcp:>6.2f} {kib:>6.0f}  "
                  + (", ".join(failing) or "-"))
    finally:
        server.shutdown()
    print(f"Lighthouse {version}, Chromium at {args.chrome}")


if __name__ == "__main__":
    main()
