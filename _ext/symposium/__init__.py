"""A Sphinx extension for a symposium's site: talks and speakers from MyST front-matter.

Data flows one way, one subpackage per layer (CONTRIBUTING.md, "Architecture"):

    model/        front-matter -> validated entities and cross-page checks (pure Python)
    environment/  Sphinx glue: config, the store in the environment, collector, directives, nodes,
                  incremental rebuilds, the history read from git, the build's record files
    exports/      calendars, citations, schedule.json/.xml, the change log's feed (build-finished)
    rendering/    placeholders -> content at doctree-resolved
    html_page/    each HTML page's head (JSON-LD, description), browser side (static/, templates/), offline copy
    cli/          `symposium check`, `new`, `init` and `import`

``setup()`` below holds every ``app.connect``, with the event and why its priority.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .environment.collection import freeze_read_objects, thaw
from .environment.collector import SymposiumCollector, check_consistency, keep_source
from .environment.config import add_config_values, check_config
from .environment.directives import FolderTocTree, placeholder_directive
from .environment.encoding import leave_out_undecodable
from .environment.git_history import read_program_history
from .environment.identity import check_identity
from .environment.linkcheck import FrontmatterLinks
from .environment.placeholder_nodes import PLACEHOLDER_KINDS, SKIPPED_BY_EVERY_WRITER
from .environment.rebuilds import remove_other_stemmers
from .environment.site_values import add_substitutions, keep_site_values
from .environment.transforms import InsertPageHeader, KeepArrowsAsWritten, KeepSourceText, RawHtmlInTitleAsText
from .environment.translations import add_catalog
from .environment.versions import ENV_VERSION, __version__
from .exports.site_data import keep_export_site
from .exports.writer import check_base_url, write_exports
from .html_page import attendee, editions, lean_theme, offline
from .html_page.citation_tags import add_citation_tags
from .html_page.descriptions import add_description
from .html_page.feed_link import add_feed_link
from .html_page.jsonld import add_jsonld
from .html_page.navigation import escape_navigation_titles
from .html_page.sitemap import complete_sitemap
from .rendering.html_nodes import add_html_nodes
from .rendering.placeholders import resolve_placeholders

__all__ = ["__version__", "setup"]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("myst_parser")
    add_config_values(app)
    # the extension's words in the site's language (Sphinx has read `language` by now)
    add_catalog(app)
    # the placeholders and their directives, from the one table of kinds
    for kind in PLACEHOLDER_KINDS:
        app.add_node(kind.node, **SKIPPED_BY_EVERY_WRITER)
        if kind.options is not None:
            app.add_directive(kind.name, placeholder_directive(kind))
    # `toctree`, with a folder index's glob that matches no page yet (a new event) quiet
    app.add_directive("toctree", FolderTocTree, override=True)
    add_html_nodes(app)
    # Sphinx's collector API connects, in SymposiumCollector.enable: doctree-read (process_doc:
    # the page's front-matter, and what its listings show, for the pages an edit reaches),
    # env-purge-doc, env-merge-info, env-get-updated; and its own env-before-read-docs (the
    # event's views), doctree-resolved (pages written) and build-finished (the output's record).
    app.add_env_collector(SymposiumCollector)
    app.add_transform(RawHtmlInTitleAsText)  # priority 700: before SmartQuotes and the title collector
    app.add_transform(KeepSourceText)  # 705: the title and abstract as written, before SmartQuotes (750)
    app.add_transform(KeepArrowsAsWritten)  # 740: "-->" stays an arrow, not "–>"
    app.add_transform(InsertPageHeader)  # priority 810: before doctree-read, so the pickled doctree keeps it
    app.add_post_transform(FrontmatterLinks)  # linkcheck only: the front-matter's URLs as links to check

    # -- the configuration (config-inited) --------------------------------------------------------
    # default priority (500): the symposium_* values checked, a working value for each bad one
    app.connect("config-inited", check_config)
    # 505: once checked, the site's values (the event, its names, language, times) for the whole build
    app.connect("config-inited", keep_site_values, priority=505)
    # 510: the MyST substitutions derived from them
    app.connect("config-inited", add_substitutions, priority=510)
    app.connect("config-inited", lean_theme.add_templates)
    app.connect("config-inited", attendee.add_static_path)
    app.connect("builder-inited", attendee.add_assets)  # HTML builders only
    app.connect("builder-inited", check_base_url)  # the exports need html_baseurl
    # the site's address, repository, logo and social card name this event (one warning if not)
    app.connect("builder-inited", check_identity)
    # 400, before pydata-sphinx-theme's (500) reads its options: the editions' switcher and banner
    app.connect("builder-inited", editions.add_switcher, priority=400)

    # -- reading (each page, in any worker of a parallel read) ------------------------------------
    # before any page is read: pages that do not decode are one warning each, and left out
    app.connect("env-before-read-docs", leave_out_undecodable)
    # 900, late: the page's text as other extensions left it, kept for the collector
    app.connect("source-read", keep_source, priority=900)
    # once every page is read: the checks across pages
    app.connect("env-check-consistency", check_consistency)
    # once every page is read, before the pages to write are chosen (env-get-updated): the
    # program's history from git, which the change log, the marks and the calendars show
    app.connect("env-updated", read_program_history)
    # 600, once the history is read: the site as the exports (and the pages that show them) describe it
    app.connect("env-updated", keep_export_site, priority=600)
    # 950, last: what the whole build reads is kept out of the garbage collector's walks (collection.py)
    app.connect("env-updated", freeze_read_objects, priority=950)

    # -- writing ------------------------------------------------------------------------------------
    # every placeholder replaced by its content, in the main process, before the page is written
    app.connect("doctree-resolved", resolve_placeholders)
    # 400: the page's description before sphinxext-opengraph (500) reads it
    app.connect("html-page-context", add_description, priority=400)
    app.connect("html-page-context", add_jsonld)
    app.connect("html-page-context", add_citation_tags)  # a talk's citation_* tags, for Scholar and Zotero
    app.connect("html-page-context", add_feed_link)  # where the build writes the change feed
    app.connect("html-page-context", offline.add_manifest_link)  # the web app manifest, website builds only
    app.connect("html-page-context", attendee.add_player_script)  # player.js where a page shows a video player
    # 600, after pydata-sphinx-theme's functions (500): its header navigation writes titles as text
    app.connect("html-page-context", escape_navigation_titles, priority=600)
    # 999, last: Sphinx takes the template of the first handler that returns one, as this one does
    app.connect("html-page-context", lean_theme.lean_page, priority=999)
    # once every page is written: the calendars and the conference apps' schedules
    app.connect("build-finished", write_exports)
    app.connect("build-finished", editions.write_switcher)  # the series' editions this build sees
    # 400: before sphinx-sitemap (500) writes sitemap.xml, every page queued, not only those written now
    app.connect("build-finished", complete_sitemap, priority=400)
    # 800: the search stemmers of a former `language`, which Sphinx leaves, gone before the worker's digest
    app.connect("build-finished", remove_other_stemmers, priority=800)
    # 900, after every other file is written (the exports at 500, sitemap.xml at 500): the web app
    # manifest, and the service worker named by the digest of the whole build
    app.connect("build-finished", offline.write_offline_files, priority=900)
    # 999, last: the objects frozen at env-updated given back to the collector
    app.connect("build-finished", thaw, priority=999)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        # Each page's data is stored by docname and merged by the collector;
        # rendering only reads the environment.
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
