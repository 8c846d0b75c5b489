"""A Sphinx extension for a symposium's site: talks and speakers from MyST front-matter.

front-matter (YAML) -> model (pure Python) -> env (collector) -> consistency checks
-> rendering (doctree-resolved).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from .collector import STORE_VERSION, SymposiumCollector, check_consistency, keep_source
from .config import add_config_values, add_substitutions, check_config
from .descriptions import add_description
from .directives import ProgramTableDirective, SpeakerListDirective, TalkListDirective
from .jsonld import add_jsonld, home_page_if_changed
from .nodes import add_nodes
from .resolve import resolve_symposium_nodes

__version__ = "0.1.0"

STATIC = Path(__file__).parent / "static"


def _add_html_assets(app: Sphinx) -> None:
    """Stylesheet for HTML builders only."""
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file("symposium.css")


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    add_config_values(app)
    add_nodes(app)
    app.add_directive("program-table", ProgramTableDirective)
    app.add_directive("speaker-list", SpeakerListDirective)
    app.add_directive("talk-list", TalkListDirective)
    # late, to see the text as other extensions left it
    app.connect("source-read", keep_source, priority=900)
    app.add_env_collector(SymposiumCollector)
    app.connect("config-inited", check_config)
    app.connect("config-inited", add_substitutions, priority=510)  # after the values are checked
    app.connect("builder-inited", _add_html_assets)
    app.connect("env-check-consistency", check_consistency)
    app.connect("doctree-resolved", resolve_symposium_nodes)
    # before sphinxext-opengraph (500), which then takes the page's description from here
    app.connect("html-page-context", add_description, priority=400)
    app.connect("html-page-context", add_jsonld)
    app.connect("env-get-updated", home_page_if_changed)
    return {
        "version": __version__,
        "env_version": STORE_VERSION,
        # Each page's data is stored by docname and merged by the collector;
        # rendering only reads the environment.
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
