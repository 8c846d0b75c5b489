"""Docutils nodes that rendering makes for HTML: a ``<time>``, a generated avatar, a grid box, a ``<bdi>``, an ``<s>``,
a ``<details>`` and a ``<pre>`` of text to copy, a video player that loads nothing until asked.

Other builders get their text (or nothing, for the avatar and the player, whose video the talk's
"Material:" line links).
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from . import words


class grid_box(nodes.General, nodes.Element):
    """A ``<div>`` placed in a CSS grid: ``style`` is a list of (property, value) pairs, and
    ``attributes`` (name, value) pairs of its other attributes."""


class moment(nodes.Inline, nodes.TextElement):
    """A time of day: ``<time datetime="...">`` in HTML, its text elsewhere."""


class avatar(nodes.Inline, nodes.Element):
    """Generated initials for a speaker without a photo (inline SVG in HTML)."""


def visit_moment_html(self: HTML5Translator, node: moment) -> None:
    self.body.append(f'<time datetime="{escape(node["datetime"])}">')


def depart_moment_html(self: HTML5Translator, node: moment) -> None:
    self.body.append("</time>")


# Colours of the site's palette; a speaker keeps one by the hash of their slug.
AVATAR_COLOURS = ("#0b3d91", "#0a7f80", "#6b3fa0", "#a34a00", "#2f6b2f", "#8a1c4a")


def visit_avatar_html(self: HTML5Translator, node: avatar) -> None:
    colour = AVATAR_COLOURS[sum(map(ord, node["slug"])) % len(AVATAR_COLOURS)]
    initials = escape(node["initials"])
    if initials:
        # one character of a script without case (山, ع) is drawn larger than two Latin initials
        size = 46 if len(node["initials"]) == 1 and node["initials"].lower() == node["initials"].upper() else 38
        inside = (f'<text x="50" y="50" dy=".35em" text-anchor="middle" fill="#fff" '
                  f'font-family="system-ui, sans-serif" font-size="{size}" font-weight="600">{initials}</text>')
    else:  # a name without letters: a person's outline, not a "?"
        inside = ('<circle cx="50" cy="38" r="16" fill="#fff"/>'
                  '<path d="M20 82c4-17 16-25 30-25s26 8 30 25z" fill="#fff"/>')
    self.body.append(
        # decorative: the speaker's name is always written next to it
        f'<svg class="symposium-avatar" viewBox="0 0 100 100" aria-hidden="true" focusable="false" '
        f'xmlns="http://www.w3.org/2000/svg"><circle cx="50" cy="50" r="50" fill="{colour}"/>{inside}</svg>'
    )
    raise nodes.SkipNode


def visit_grid_box_html(self: HTML5Translator, node: grid_box) -> None:
    style = "; ".join(f"{name}: {value}" for name, value in node.get("style", []))
    attributes = dict(node.get("attributes", []), **({"style": style} if style else {}))
    self.body.append(self.starttag(node, "div", "", **attributes))


def depart_grid_box_html(self: HTML5Translator, node: grid_box) -> None:
    self.body.append("</div>\n")


class isolated(nodes.Inline, nodes.TextElement):
    """A name or title in its own direction: ``<bdi>`` in HTML, its text elsewhere.

    A speaker's name in Arabic or Hebrew beside Latin names, or a title with an unterminated
    direction override, would otherwise reorder the text around it ("Speakers:" lines, cards).
    """


def visit_isolated_html(self: HTML5Translator, node: isolated) -> None:
    # a title in another language than the page's says so: screen readers switch voice
    self.body.append(f'<bdi lang="{self.attval(node["lang"])}">' if node.get("lang") else "<bdi>")


def depart_isolated_html(self: HTML5Translator, node: isolated) -> None:
    self.body.append("</bdi>")


class struck(nodes.Inline, nodes.TextElement):
    """The title of a cancelled item: ``<s>`` in HTML, its text elsewhere (where the word
    "Cancelled" before it says what HTML shows by striking it through).

    ``<s>``, not ``<del>``: HTML gives ``<del>`` to a removal from the document, an edit with
    its date; a cancelled talk is not removed (it stays listed), it is no longer accurate,
    which is what ``<s>`` means. Neither is read out by screen readers: the visible word
    "Cancelled" beside it is what they say.
    """


def visit_struck_html(self: HTML5Translator, node: struck) -> None:
    self.body.append("<s>")


def depart_struck_html(self: HTML5Translator, node: struck) -> None:
    self.body.append("</s>")


class disclosure(nodes.General, nodes.Element):
    """``<details>`` with its ``summary`` text: closed until the reader opens it (HTML only)."""


def visit_disclosure_html(self: HTML5Translator, node: disclosure) -> None:
    self.body.append(self.starttag(node, "details", ""))
    self.body.append(f'<summary>{escape(node["summary"])}</summary>\n')


def depart_disclosure_html(self: HTML5Translator, node: disclosure) -> None:
    self.body.append("</details>\n")


class verbatim(nodes.General, nodes.FixedTextElement):
    """Text to copy as it is, in a ``<pre>`` that can be selected and scrolled by keyboard
    (``tabindex``), without Pygments' markup; ``label`` names it for screen readers."""


def visit_verbatim_html(self: HTML5Translator, node: verbatim) -> None:
    self.body.append(self.starttag(node, "pre", "", tabindex="0", **{"aria-label": node["label"]})
                     + escape(node.astext(), quote=False) + "</pre>\n")
    raise nodes.SkipNode


class video_player(nodes.General, nodes.Element):
    """A talk's video as a click-to-load player (``static/player.js``).

    Attributes: ``player`` (the address the player loads once asked: the host's privacy-friendly
    player, or a video file of the site relative to the page), ``link`` (the video's own address,
    where the poster leads without JavaScript), ``host`` (its name; "" for a file of the site),
    ``player_host`` (where the player comes from), ``title`` and ``people`` (what the poster says).
    Until the visitor presses play, the page asks the host for nothing: the poster is drawn
    from the title, not fetched.
    """


#: the play button's triangle, drawn in the page (no icon to fetch)
_PLAY_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false" viewBox="0 0 24 24" '
             'width="28" height="28">'
             '<path d="M8 5.5v13l11-6.5z" fill="currentColor"/></svg>')


def visit_video_player_html(self: HTML5Translator, node: video_player) -> None:
    host, title = node["host"], node["title"]
    where = words.video_where(host)
    note = words.video_note(host, node["player_host"]) if host else words.VIDEO_LOADED_ON_PLAY
    self.body.append(
        f'<figure class="symposium-video" id="{escape(node["ids"][0])}" data-player="{escape(node["player"])}"'
        f' data-kind="{"file" if not host else "frame"}">'
        # without JavaScript, the poster leads to the video's own page (or file)
        f'<a class="symposium-video-poster" href="{escape(node["link"])}">'
        f'<span class="symposium-video-title">{escape(title)}</span>'
        + (f'<span class="symposium-video-people">{escape(node["people"])}</span>' if node["people"] else "")
        + f'<span class="symposium-video-play">{_PLAY_SVG}<span>{escape(words.PLAY_THE_VIDEO)} <span class="symposium-video-where">'
        f'({escape(where)})</span></span></span></a>'
        f'<figcaption class="symposium-video-note">{escape(note)} '
        f'<a href="{escape(node["link"])}">{escape(words.open_on(host) if host else words.DOWNLOAD_IT)}</a></figcaption>'
        "</figure>\n"
    )
    raise nodes.SkipNode


def skip(self: object, node: nodes.Node) -> None:
    raise nodes.SkipNode


def passthrough(self: object, node: nodes.Node) -> None:
    pass


def add_html_nodes(app: Sphinx) -> None:
    others = ("latex", "text", "man", "texinfo")
    app.add_node(moment, html=(visit_moment_html, depart_moment_html), **{b: (passthrough, passthrough) for b in others})
    # only HTML gets grids (other builders get the program table); their content, should one be left
    app.add_node(grid_box, html=(visit_grid_box_html, depart_grid_box_html),
                 **{b: (passthrough, passthrough) for b in others})
    app.add_node(avatar, html=(visit_avatar_html, None), **{b: (skip, None) for b in others})
    app.add_node(video_player, html=(visit_video_player_html, None), **{b: (skip, None) for b in others})
    app.add_node(isolated, html=(visit_isolated_html, depart_isolated_html),
                 **{b: (passthrough, passthrough) for b in others})
    app.add_node(struck, html=(visit_struck_html, depart_struck_html), **{b: (passthrough, passthrough) for b in others})
    # the "Cite" block: only HTML builders that write the citation files show it
    app.add_node(disclosure, html=(visit_disclosure_html, depart_disclosure_html), **{b: (skip, None) for b in others})
    app.add_node(verbatim, html=(visit_verbatim_html, None), **{b: (skip, None) for b in others})
