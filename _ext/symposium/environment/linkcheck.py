"""Shows the front-matter URLs of talk and speaker pages to the ``linkcheck`` builder.

The headers that show those URLs are rendered at ``doctree-resolved``, after linkcheck's
``HyperlinkCollector`` post-transform has gathered the page's links. This post-transform
runs just before it and puts one reference per URL into the page's header placeholder,
located at the line of the front-matter that gives it; the placeholder, references
included, is replaced by the header afterwards. Going through reference nodes keeps
``linkcheck_ignore``, ``linkcheck-process-uri`` and the report exactly as for any link.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from docutils import nodes
from sphinx.builders.linkcheck import HyperlinkCollector
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..model.link_targets import is_web_address
from .placeholder_nodes import PageHeader, speaker_header, talk_header
from .store import store_of


class FrontmatterLinks(SphinxPostTransform):
    builders = ("linkcheck",)
    default_priority = HyperlinkCollector.default_priority - 1

    def run(self, **kwargs: object) -> None:
        for header in self.document.findall(PageHeader):
            docname = header["docname"]
            source = str(self.env.doc2path(docname))
            for url, line in self._urls(header, docname):
                reference = nodes.reference("", url, refuri=_checkable(url, docname))
                reference.source, reference.line = source, line
                header += reference

    def _urls(self, header: PageHeader, docname: str) -> Iterator[tuple[str, int]]:
        """Each URL the page's front-matter gives, with the line of its key."""
        store = store_of(self.env)
        if isinstance(header, talk_header) and (talk := store.talk(docname)):
            found = [(talk.slides, talk.slides_line), (talk.video, talk.video_line),
                     *((link.url, link.line) for link in talk.links)]
        elif isinstance(header, speaker_header) and (speaker := store.speakers.get(docname)):
            found = [(speaker.photo, speaker.photo_line), *((link.url, link.line) for link in speaker.links)]
        else:
            found = []
        yield from ((url, line) for url, line in found if url)


def _checkable(url: str, docname: str) -> str:
    """An http(s) URL as is; a project file (``_static/...``, from the project root) as
    linkcheck checks local links: relative to the page's own folder."""
    if is_web_address(url):
        return url
    return posixpath.relpath(url, posixpath.dirname(docname) or ".")
