"""A Sphinx extension for a symposium's site: talks and speakers from MyST front-matter.

Data flows one way, one subpackage per layer (CONTRIBUTING.md, "Architecture"):

    model/        front-matter -> validated entities and cross-page checks (pure Python)
    environment/  Sphinx glue: config, the store in the environment, collector, directives, nodes
    exports/      program.ics, talk calendars, schedule.json/.xml (build-finished)
    rendering/    placeholders -> content at doctree-resolved
    html_page/    each HTML page's head (JSON-LD, description) and browser side (static/, templates/)
    cli/          `symposium check` and `symposium new`

``setup()`` below holds every ``app.connect``, with the event and why its priority.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .environment.collector import SymposiumCollector, check_consistency, keep_source
from .environment.config import add_config_values, add_substitutions, check_config
from .environment.encoding import leave_out_undecodable
from .environment.linkcheck import FrontmatterLinks
from .environment.page_header_slots import InsertPageHeader
from .environment.page_titles import RawHtmlInTitleAsText
from .environment.placeholder_nodes import SKIPPED_BY_EVERY_WRITER
from .environment.versions import ENV_VERSION, __version__
from .exports.writer import check_base_url, write_exports
from .html_page import attendee, lean_theme
from .html_page.descriptions import add_description
from .html_page.jsonld import add_jsonld
from .rendering.html_nodes import add_html_nodes
from .rendering.placeholders import PLACEHOLDERS, record_listing_scopes, resolve_placeholders

__all__ = ["__version__", "setup"]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("myst_parser")
    add_config_values(app)
    for kind in PLACEHOLDERS:
        app.add_node(kind.node, **SKIPPED_BY_EVERY_WRITER)
        if kind.directive:
            app.add_directive(*kind.directive)
    add_html_nodes(app)
    # late, to see the text as other extensions left it
    app.connect("source-read", keep_source, priority=900)
    app.add_env_collector(SymposiumCollector)
    app.connect("config-inited", check_config)
    app.connect("config-inited", add_substitutions, priority=510)  # after the values are checked
    app.connect("builder-inited", attendee.add_assets)
    app.connect("config-inited", lean_theme.add_templates)
    # last: Sphinx stops at the first handler that returns a template, as this one does
    app.connect("html-page-context", lean_theme.lean_page, priority=999)
    app.connect("builder-inited", check_base_url)
    app.connect("env-check-consistency", check_consistency)
    app.connect("doctree-read", record_listing_scopes)
    app.connect("doctree-resolved", resolve_placeholders)
    app.connect("build-finished", write_exports)
    app.add_transform(RawHtmlInTitleAsText)
    app.add_transform(InsertPageHeader)
    app.add_post_transform(FrontmatterLinks)
    # before sphinxext-opengraph (500), which then takes the page's description from here
    app.connect("html-page-context", add_description, priority=400)
    app.connect("html-page-context", add_jsonld)
    app.connect("env-before-read-docs", leave_out_undecodable)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        # Each page's data is stored by docname and merged by the collector;
        # rendering only reads the environment.
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
