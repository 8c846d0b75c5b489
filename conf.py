"""Sphinx configuration for the AIExScale 2025 site."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

from symposium.model.identity import card_alt  # the words of the link preview, written once

# -- symposium init: the event (begin) -------------------------------------------------------
# The event: its names, days, place, address and repository. Every page, export, link preview and
# "Edit" link names the event from these values, and nothing else in this file or the pages types
# them again. `python tools/symposium.py init` (`nox -s new -- event`) writes this block for a new
# event and leaves the rest of the file as it is (see CONTRIBUTING.md). The extension checks the
# values and derives the rest.
symposium_name = "First International Symposium on Artificial Intelligence and Extreme-Scale Workflows"
# the short name: logo alt text, page titles, the footer, the link previews
symposium_short_name = "AIExScale 2025"
# the calendars' and the conference apps' identifiers are made from it: never change it once published
symposium_acronym = "aiexscale2025"
symposium_date = "2025-11-21"
# the edition's id in the series: its site is symposium_url + "2025/", its git tag and its Read the
# Docs version are named so (see CONTRIBUTING.md, "Publishing a series")
symposium_edition = "2025"
symposium_end_date = None  # the last day, for an event of several days
symposium_timezone = "America/Chicago"
symposium_venue = "America's Center Convention Complex, St. Louis, Missouri, USA"
# The room was never published; set it when known and every page shows it.
symposium_room = ""
symposium_colocated_with = {
    "name": "SC25",
    "long_name": "the International Conference for High Performance Computing, Networking, Storage, and Analysis",
    "url": "https://sc25.supercomputing.org",
}
symposium_max_gap_minutes = 120
# The program's change log (program/changes.md) and feed start on the day this repository first
# published the program (its first commit); earlier drafting is not news.
symposium_changes_since = "2026-11-27"
# The series' address (each edition's site is in its folder, symposium_url + symposium_edition + "/",
# for calendars, conference apps and link previews; Read the Docs' canonical URL wins when it builds
# the site), and where its sources live: every page's "Edit on GitHub" link opens its Markdown source there.
symposium_url = "https://aiexscale.github.io/"
repository_url = "https://github.com/aiexscale/aiexscale.github.io"
repository_branch = "main"
# -- symposium init: the event (end) ---------------------------------------------------------

# -- Project --------------------------------------------------------------------------------
# from the event's values above
project = symposium_short_name
author = f"The {project} organisers"
# (each value read with globals().get: conf.py only states values, and a missing one is the extension's warning)
_year = str(globals().get("symposium_date") or "")[:4]
copyright = f"{_year}, {author}" if _year else author

extensions = ["myst_parser", "sphinx_design", "sphinxext.opengraph", "sphinx_sitemap", "symposium"]

# Only the site's content is a source; tooling, tests and docs for developers are not.
include_patterns = ["index.md", "program/**", "speakers/**", "talks/**"]
exclude_patterns = ["_build", "**/.*"]

# -- MyST -------------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "substitution", "attrs_inline", "attrs_block"]
myst_heading_anchors = 3
# The extension adds {{ date }}, {{ venue }}, {{ room }}, {{ host }}, {{ host_link }} and
# {{ host_long }} from the symposium_* values above.

# -- HTML -------------------------------------------------------------------------------------
# The edition's address: Read the Docs sets READTHEDOCS_CANONICAL_URL (its version, named by the
# edition's id: /2025/); elsewhere the edition's folder of the series' address. Every canonical URL,
# export, calendar and citation is under it; the series' root is `nox -s series`'s (CONTRIBUTING.md).
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", f"{symposium_url}{symposium_edition}/")
html_theme = "pydata_sphinx_theme"
html_title = project
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_favicon = "_static/favicon.svg"
# Page sources would publish front-matter, e-mail addresses included, as plain text.
html_copy_source = False
html_show_sourcelink = False
# No page has index entries: the general index would be an empty page.
html_use_index = False
html_sidebars = {"**": []}
html_theme_options = {
    "logo": {
        "image_light": "_static/logo.svg",
        "image_dark": "_static/logo-dark.svg",
        "alt_text": f"{project} - home",
    },
    "navbar_align": "left",
    "navbar_end": ["theme-switcher"],
    "secondary_sidebar_items": [],
    "show_prev_next": False,
    "footer_start": ["copyright"],
    "footer_end": [],
    "pygments_light_style": "default",
    "pygments_dark_style": "github-dark",
    # "Edit on GitHub" below every page's text (the secondary sidebar, its usual place, is off)
    "use_edit_page_button": True,
    "article_footer_items": ["edit-this-page"],
}
_github_user, _github_repo = repository_url.removeprefix("https://github.com/").strip("/").split("/")[:2]
html_context = {
    # Light without JavaScript (and no "Got invalid theme mode" from the theme); with it, the
    # extension starts in the visitor's system mode until they pick one (html_page/lean_theme.py).
    "default_mode": "light",
    # the "Edit on GitHub" link of every page
    "github_user": _github_user,
    "github_repo": _github_repo,
    "github_version": repository_branch,
    "doc_path": "",  # the pages sit at the repository's root
}

# -- Link previews and discovery -----------------------------------------------------------
# OpenGraph and Twitter card tags (sphinxext-opengraph). The extension gives each page its
# description (a talk's abstract, a speaker's biography, the home page's description), which
# also becomes <meta name="description">. The schema.org JSON-LD comes from the extension too.
ogp_site_url = html_baseurl
# A workflow graph above the event's names, days and place (`symposium init` draws one; this one
# was made from the banner and the logo: see design/social-card.html); its text from the values above
ogp_image = "_static/social-card.png"
ogp_image_alt = card_alt(project, *(globals().get(name) for name in ("symposium_date", "symposium_end_date",
                                                                 "symposium_venue", "symposium_colocated_with")))
ogp_enable_meta_description = True
ogp_social_cards = {"enable": False}  # no matplotlib cards: the one image above serves every page
ogp_custom_meta_tags = [
    '<meta property="og:image:width" content="1200" />',
    '<meta property="og:image:height" content="630" />',
    '<meta name="twitter:card" content="summary_large_image" />',
]

# sitemap.xml at the output root, with absolute URLs from html_baseurl (sphinx-sitemap)
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search/", "search.html"]
