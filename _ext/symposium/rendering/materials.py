"""``{materials}``: every talk with its slides and recording, in program order.

A talk's row says when it was and who gave it, links its slides and its video (the player on
its page, in a website), its other material, and says "Not recorded" for a talk that must not
be recorded. Items without a page (a welcome, a closing) are listed when they have material.
"""

from __future__ import annotations

from docutils import nodes

from ..model.entities import ProgramItem
from ..model.selection import ALL, Selection
from . import words
from .browser_names import NAMES
from .page_context import PageContext, joined, type_classes
from .program_parts import announced_soon, table_row, video_link


def render_materials(ctx: PageContext, selection: Selection = ALL) -> list[nodes.Node]:
    items = [item for item in selection.items(ctx.store.program(), ctx.event)
             if item.has_page or item.slides or item.video or item.links]
    if not items:
        return announced_soon(words.TALKS_SOON)
    table = nodes.table(classes=["symposium-materials"], ids=[ctx.unique_id("materials")])
    table += nodes.title(text=words.MATERIALS_CAPTION)
    headers = [words.MATERIALS_TALK, words.MATERIALS_SLIDES, words.MATERIALS_RECORDING]
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in (60, 20, 20):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += table_row([nodes.paragraph(text=text) for text in headers])
    group += head
    body = nodes.tbody()
    for item in items:
        body += _item_row(ctx, item)
    group += body
    return [table]


def _item_row(ctx: PageContext, item: ProgramItem) -> nodes.row:
    talk = nodes.container()
    title = nodes.paragraph("", "", ctx.item_title(item), classes=["symposium-materials-title"])
    if item.cancelled:
        title += nodes.Text(f" ({words.label(item.status_label)})")
    talk += title
    people: list[nodes.Node] = [ctx.start_time(item)]
    if item.speakers:
        people += [nodes.Text(" \u00b7 "), *ctx.people(item.speakers)]
    talk += nodes.paragraph("", "", *people, classes=["symposium-materials-meta"])
    if item.links:
        talk += nodes.paragraph("", "", nodes.Text(words.MORE_MATERIAL),
                                *joined([ctx.external(link) for link in item.links], " \u00b7 "),
                                classes=["symposium-materials-more"])
    slides = (nodes.paragraph("", "", nodes.reference("", words.SLIDES, refuri=ctx.url(item.slides)))
              if item.slides else _none())
    if item.video:
        recording = nodes.paragraph("", "", video_link(ctx, item, words.VIDEO, classes=[]))
    elif not item.recording:
        recording = nodes.paragraph(text=words.NOT_RECORDED, classes=["symposium-not-recorded"])
    else:
        recording = _none()
    row = table_row([talk, slides, recording])
    row["classes"] += type_classes(item, NAMES.row_type)
    return row


def _none() -> nodes.paragraph:
    return nodes.paragraph(text=words.NO_MATERIAL, classes=["symposium-no-material"])
