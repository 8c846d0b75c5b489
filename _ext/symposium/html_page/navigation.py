"""Page titles reach the theme's header navigation as text.

pydata-sphinx-theme builds its header links (and their copy in the phone's sidebar) from
each top-level page's title, ``env.titles[page]``, as ``astext()``, and writes that into
the page's HTML without escaping it (``toctree.py``, ``_generate_nav_info``); so do an
explicit title in the root document's toctree. A title is the contributor's text, and an
imported one a submitter's: ``Compilers <img src=x onerror=...> for AI`` would run its
handler on every page, and a title about ``<dialog open>`` would draw a dialog in the header.

Every other place Sphinx and the theme show a title (the ``<title>``, the breadcrumbs, the
sidebar's toctree, the search results, the previous/next links) renders the title's nodes,
which escapes them. Here the theme's function is given, for the time it runs, titles
whose text is already escaped: what it writes is then the title as text.
"""

from __future__ import annotations

import contextlib
import functools
import html
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

#: the theme's functions, in a page's context, that write titles into HTML unescaped
_THEME_NAVIGATION = ("generate_header_nav_html",)


class _EscapedTitles(Mapping):
    """``env.titles`` as the theme reads it: each title's text escaped for HTML."""

    def __init__(self, titles: Mapping[str, nodes.title]) -> None:
        self._titles = titles

    def __getitem__(self, docname: str) -> nodes.title:
        title = self._titles[docname]
        escaped = nodes.title()
        for child in title.children:
            text = html.escape(child.astext(), quote=False)
            # inline math stays math (the theme writes it for MathJax), its text escaped too
            escaped += nodes.math(text=text) if isinstance(child, nodes.math) else nodes.Text(text)
        return escaped

    def __iter__(self) -> Iterator[str]:
        return iter(self._titles)

    def __len__(self) -> int:
        return len(self._titles)


class _EscapedRootToc(Mapping):
    """``env.tocs`` as the theme reads it: the root document's toctrees with their explicit titles escaped."""

    def __init__(self, tocs: Mapping[str, nodes.Node], root: str) -> None:
        self._tocs = tocs
        self._root = root

    @functools.cached_property
    def _root_toc(self) -> nodes.Node:
        toc = self._tocs[self._root].deepcopy()
        for toctree in toc.findall(lambda node: isinstance(node, nodes.Element) and "entries" in node.attributes):
            toctree["entries"] = [(html.escape(title, quote=False) if title else title, page)
                                  for title, page in toctree["entries"]]
        return toc

    def __getitem__(self, docname: str) -> nodes.Node:
        return self._root_toc if docname == self._root else self._tocs[docname]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tocs)

    def __len__(self) -> int:
        return len(self._tocs)


@contextlib.contextmanager
def _titles_as_text(env: BuildEnvironment, root: str) -> Iterator[None]:
    titles, tocs = env.titles, env.tocs
    env.titles, env.tocs = _EscapedTitles(titles), _EscapedRootToc(tocs, root)  # type: ignore[assignment]
    try:
        yield
    finally:
        env.titles, env.tocs = titles, tocs


def _with_titles_as_text(generate: Callable[..., Any], app: Sphinx) -> Callable[..., Any]:
    @functools.wraps(generate)
    def generate_escaped(*args: Any, **kwargs: Any) -> Any:
        with _titles_as_text(app.env, app.config.root_doc):
            return generate(*args, **kwargs)
    return generate_escaped


def escape_navigation_titles(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """``html-page-context``, after the theme's (500) added its functions to the page's context."""
    for name in _THEME_NAVIGATION:
        if callable(context.get(name)):
            context[name] = _with_titles_as_text(context[name], app)
