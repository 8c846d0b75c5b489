"""A Sphinx extension for a symposium's site: talks and speakers from MyST front-matter.

front-matter (YAML) -> model (pure Python) -> env (collector) -> consistency checks
-> rendering (doctree-resolved).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from . import attendee
from .collector import SymposiumCollector, check_consistency, keep_source
from .config import add_config_values, add_substitutions, check_config
from .descriptions import add_description
from .directives import (
    ProgramDownloadsDirective,
    ProgramGridDirective,
    ProgramTableDirective,
    SpeakerListDirective,
    TalkListDirective,
)
from .encoding import leave_out_undecodable
from .exports import check_base_url, write_exports
from .jsonld import add_jsonld
from .linkcheck import FrontmatterLinks
from .nodes import add_nodes
from .page_headers import InsertPageHeader
from .resolve import resolve_symposium_nodes
from .store import STORE_VERSION
from .titles import RawHtmlInTitleAsText

__version__ = "0.1.0"

PACKAGE = Path(__file__).parent
STATIC = PACKAGE / "static"


def env_version(package: Path = PACKAGE) -> int:
    """STORE_VERSION and a digest of the extension's code, as one number.

    Sphinx discards a pickled environment whose version differs, so a saved environment
    made by other code (a change of what a page's front-matter gives, or of how it is
    read) is read again from the sources instead of rendered from stale data.
    """
    digest = hashlib.sha256(str(STORE_VERSION).encode())
    for source in sorted(package.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return int(digest.hexdigest()[:15], 16)


#: computed once, at import: the code that runs is the code that was imported
ENV_VERSION = env_version()


def _add_html_assets(app: Sphinx) -> None:
    """Stylesheets and scripts for HTML builders only; the scripts are deferred."""
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file("symposium.css")
        if app.builder.name.startswith("epub"):
            # an e-book runs no attendee scripts; its manifest knows no licence .txt
            vendor = [f"_static/vendor/{f.name}" for f in sorted((STATIC / "vendor").iterdir())]
            app.config.epub_exclude_files = [*app.config.epub_exclude_files, *vendor]
            return
        app.add_css_file("attendee.css")
        app.add_js_file(None, body=attendee.page_data(app), type="application/json", id="symposium-data")
        app.add_js_file(None, body=attendee.early_script(app), id="symposium-early")
        app.add_js_file("attendee.js", loading_method="defer")


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    add_config_values(app)
    add_nodes(app)
    app.add_directive("program-table", ProgramTableDirective)
    app.add_directive("program-grid", ProgramGridDirective)
    app.add_directive("speaker-list", SpeakerListDirective)
    app.add_directive("talk-list", TalkListDirective)
    app.add_directive("program-downloads", ProgramDownloadsDirective)
    # late, to see the text as other extensions left it
    app.connect("source-read", keep_source, priority=900)
    app.add_env_collector(SymposiumCollector)
    app.connect("config-inited", check_config)
    app.connect("config-inited", add_substitutions, priority=510)  # after the values are checked
    app.connect("builder-inited", _add_html_assets)
    app.connect("config-inited", attendee.add_templates)
    # last: Sphinx stops at the first handler that returns a template, as this one does
    app.connect("html-page-context", attendee.lean_page, priority=999)
    app.connect("builder-inited", check_base_url)
    app.connect("env-check-consistency", check_consistency)
    app.connect("doctree-resolved", resolve_symposium_nodes)
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
