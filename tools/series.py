#!/usr/bin/env python3
"""The whole series, built as it is served: ``python tools/series.py`` (``nox -s series``).

Each edition tag (a tag named by the id its own ``conf.py`` gives, ``git tag 2025``) is built at its
own commit, with its own code and content (a ``git worktree`` of the tag, built with this Python's
Sphinx), into ``_build/series/<edition>/``; then the working tree, the current edition. Every build
is given the series' list of editions (``SYMPOSIUM_SERIES``), so an old edition's switcher and banner
name the editions after it. At the root of the series:

- ``index.html``: goes to the newest edition (a meta refresh and a link, no script);
- ``sitemap.xml``: a sitemap index of the editions' sitemaps;
- ``switcher.json``: the series' editions, which every edition's switcher reads;
- the addresses the first edition published at the root, before the series moved each edition into its
  folder (AIExScale 2025's ``/talks/invited-talk-1/``, which the Jekyll site's ``/speakers/ian-foster``
  reaches too): each page a redirect page to the same page of that edition, each calendar, schedule and
  citation file a copy of that edition's (a subscribed calendar cannot follow a redirect page).

The result is what a static host (GitHub Pages) serves at the series' address.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

from symposium.environment.editions import (  # noqa: E402
    SERIES_VARIABLE,
    Edition,
    conf_values,
    edition_of,
    switcher_entries,
    tagged_editions,
)

#: the files a site publishes besides its pages, which a redirect page cannot stand for
EXPORT_SUFFIXES = (".ics", ".bib", ".csl.json", ".atom", "schedule.json", "schedule.xml")
#: what the root of the series holds itself
ROOT_FILES = {"index.html", "sitemap.xml", "switcher.json"}


def redirect_page(target: str, canonical: str, name: str) -> str:
    """A page that sends the reader to ``target`` (relative), without a script."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
        f"<title>{escape(name)}</title>\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={escape(target)}\" />\n"
        f"<link rel=\"canonical\" href=\"{escape(canonical)}\" />\n"
        "<meta name=\"robots\" content=\"noindex\" />\n</head>\n<body>\n"
        f"<p><a href=\"{escape(target)}\">{escape(name)}</a></p>\n</body>\n</html>\n"
    )


def sitemap_index(entries: list[dict]) -> str:
    maps = "".join(f"<sitemap><loc>{escape(e['url'])}sitemap.xml</loc></sitemap>" for e in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>\n')


def root_addresses(edition_dir: Path, edition: str, series_url: str, name: str, root: Path) -> int:
    """The first edition's addresses at the root: redirect pages and copies of its exports."""
    written = 0
    for path in sorted(edition_dir.rglob("*")):
        relative = path.relative_to(edition_dir).as_posix()
        if not path.is_file() or relative in ROOT_FILES or relative.startswith(("_", ".")) or "/_" in relative:
            continue
        target = root / relative
        if path.name == "index.html":
            folder = relative.removesuffix("index.html")
            depth = folder.count("/")
            page = f"{series_url}{edition}/{folder}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(redirect_page("../" * depth + f"{edition}/{folder}", page, name), "utf-8")
            written += 1
        elif relative.endswith(EXPORT_SUFFIXES):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            written += 1
    return written


def build(source: Path, out: Path, series_file: Path, doctrees: Path) -> None:
    env = {**os.environ, SERIES_VARIABLE: str(series_file)}
    subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-E", "-q", "-b", "dirhtml",
                    "-d", str(doctrees), str(source), str(out)], check=True, env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="series", description=__doc__.split("\n\n")[0])
    parser.add_argument("--srcdir", type=Path, default=ROOT, help="the repository (default: this one)")
    parser.add_argument("--out", type=Path, help="the series' output (default: SRCDIR/_build/series)")
    parser.add_argument("--root-edition", help="the edition whose addresses were published at the root "
                                               "(default: the first edition)")
    args = parser.parse_args(argv)
    srcdir = args.srcdir.resolve()
    out = (args.out or srcdir / "_build" / "series").resolve()
    values = conf_values((srcdir / "conf.py").read_text("utf-8"))
    current = edition_of(values)
    series_url = values.get("symposium_url")
    if current is None or not isinstance(series_url, str):
        print("series: conf.py has no symposium_date or symposium_url", file=sys.stderr)
        return 2
    series_url = series_url if series_url.endswith("/") else series_url + "/"
    tagged = {e.id: e for e in tagged_editions(srcdir) if e.id != current.id}
    editions: list[Edition] = sorted([current, *tagged.values()], key=lambda e: (e.date, e.id), reverse=True)
    entries = switcher_entries(editions, series_url)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    series_file = out / "switcher.json"
    series_file.write_text(json.dumps(entries, indent=1, ensure_ascii=False) + "\n", "utf-8")
    with tempfile.TemporaryDirectory(prefix="series-") as temp:
        for edition in tagged.values():
            tree = Path(temp) / edition.id
            subprocess.run(["git", "-C", str(srcdir), "worktree", "add", "--detach", "-q", str(tree),
                            f"refs/tags/{edition.id}"], check=True)
            try:
                print(f"series: {edition.name} from its tag {edition.id}", file=sys.stderr)
                build(tree, out / edition.id, series_file, Path(temp) / f"{edition.id}.doctrees")
            finally:
                subprocess.run(["git", "-C", str(srcdir), "worktree", "remove", "--force", str(tree)], check=True)
        print(f"series: {current.name}, the working tree", file=sys.stderr)
        build(srcdir, out / current.id, series_file, Path(temp) / "current.doctrees")
    newest = entries[0]
    (out / "index.html").write_text(redirect_page(f"{newest['version']}/", newest["url"], newest["name"]), "utf-8")
    (out / "sitemap.xml").write_text(sitemap_index(entries), "utf-8")
    first = args.root_edition or editions[-1].id
    kept = root_addresses(out / first, first, series_url, next(e.name for e in editions if e.id == first), out)
    print(f"series: {len(editions)} edition(s) in {out}; {kept} address(es) of {first} kept at the root",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
