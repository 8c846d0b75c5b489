"""``{program-changes}``: the change log, newest first, grouped by the day of the change.

Each version of the program (a commit that changed it, from ``symposium_changes_since``)
lists its changes in words, each linked to the item, with the commit's subject as a note
(a merge's subject names a branch, not a reason: left out). The history is read from git
(``environment/git_history.py``); outside a repository the log says there is nothing.
"""

from __future__ import annotations

from itertools import groupby

from docutils import nodes

from ..exports.addresses import CHANGES_FEED, writes_exports
from ..model.history import Change, Version
from . import words
from .browser_names import NAMES
from .html_nodes import isolated
from .page_context import PageContext


def render_program_changes(ctx: PageContext) -> list[nodes.Node]:
    history = ctx.store.history
    published = list(reversed(history.published))
    out: list[nodes.Node] = []
    intro = nodes.paragraph(classes=["symposium-changes-intro"])
    if history.versions:
        start = history.news_since
        intro += nodes.Text(words.CHANGES_FROM.format(date=ctx.long_date(start)) if published
                            else words.NO_CHANGES_SINCE.format(date=ctx.long_date(start)))
    else:
        intro += nodes.Text(words.NO_CHANGES)
    if writes_exports(ctx.builder):
        intro += nodes.Text(" ")
        intro += nodes.reference("", words.CHANGES_FEED, refuri=ctx.url(CHANGES_FEED), classes=["symposium-feed-link"])
    out.append(intro)
    for day, versions in groupby(published, key=history.day_of):
        section = nodes.container(classes=["symposium-changes-day"])
        section += nodes.rubric(text=ctx.long_date(day), ids=[ctx.unique_id(f"changes-{day:%Y-%m-%d}")])
        for version in versions:
            section += _version(ctx, version)
        out.append(section)
    return out


def _version(ctx: PageContext, version: Version) -> nodes.container:
    box = nodes.container(classes=["symposium-change"], ids=[ctx.unique_id(f"change-{version.short}")])
    if version.note:
        box += nodes.paragraph("", "", nodes.emphasis(text=words.CHANGE_NOTE), nodes.Text(version.note),
                               classes=["symposium-change-note"])
    entries = nodes.bullet_list(classes=["symposium-change-list"])
    for change in version.changes:
        entry = nodes.list_item()
        line = nodes.paragraph()
        line += _subject(ctx, change)
        line += nodes.Text(": " + change.text)
        entry += line
        entries += entry
    box += entries
    return box


def _subject(ctx: PageContext, change: Change) -> nodes.Node:
    """The item (or speaker) by its title, linked where it still is: a talk's or speaker's page,
    an item's row in the program."""
    title = isolated(change.title, change.title)
    if "removed" in change.facets or change.docname not in ctx.builder.env.found_docs:
        return nodes.strong("", "", title)
    anchor = "" if change.has_page else f"item-{change.slug}"
    return ctx.link_to(change.docname, title, classes=[NAMES.title], anchor=anchor)
