"""Every edition knows the others: the theme's version switcher, listing the series' editions from
the ``switcher.json`` each website build writes, and on an edition that is not the newest a banner
naming the current one, in the site's language (``environment/editions.py`` says which editions a
build sees).

The switcher's list is fetched by the theme's script from the series' address
(``<series>/switcher.json``, which ``nox -s series`` writes at the root of the series): an old
edition's menu then lists the editions that came after it. Each build also writes its own copy at its
root, which is the series' one wherever an edition is served alone at the root (``nox -s serve``). The
banner is the theme's announcement, written into every page: no script needed to read it.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from sphinx.application import Sphinx

from ..environment.editions import Edition, editions_seen, series_address, switcher_entries
from ..environment.site_values import site_of
from ..exports.addresses import builds_website
from ..rendering import words

SWITCHER = "switcher.json"
#: where ``builder-inited`` keeps what ``build-finished`` writes
_KEPT_AS = "_symposium_switcher"


def add_switcher(app: Sphinx) -> None:
    """``builder-inited``, before the theme's own (which reads its options there): the switcher in the
    navbar when the series has more than one edition, the banner on an edition that is not the newest."""
    if not builds_website(app.builder):
        return
    site = site_of(app.config)
    series = series_address(str(app.config.html_baseurl or ""), site.edition)
    if series is None:
        return
    current = Edition(site.edition, site.short_name, site.event.date.isoformat())
    editions = editions_seen(Path(app.srcdir), current)
    entries = switcher_entries(editions, series)
    setattr(app, _KEPT_AS, entries)
    if len(editions) < 2:
        return
    options = app.builder.theme_options  # the theme reads these, not html_theme_options, from now on
    options["switcher"] = {"json_url": urlsplit(series).path + SWITCHER, "version_match": site.edition}
    # the file is this build's own output, not a source the theme could read now
    options["check_switcher"] = False
    navbar_end = list(options.get("navbar_end") or [])
    if "version-switcher" not in navbar_end:
        options["navbar_end"] = ["version-switcher", *navbar_end]
    newest = editions[0]
    if newest.id != site.edition:
        link = f'<a href="{escape(entries[0]["url"])}">{escape(newest.name)}</a>'
        options["announcement"] = words.edition_banner(escape(site.short_name), link)


def write_switcher(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: this build's ``switcher.json``, written only when it changed."""
    entries = getattr(app, _KEPT_AS, None)
    if exception is not None or entries is None:
        return
    path = Path(app.outdir) / SWITCHER
    text = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    if not path.is_file() or path.read_text("utf-8") != text:
        path.write_text(text, "utf-8")
