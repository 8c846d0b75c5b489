"""``{program-downloads}``: the program for calendars and conference apps, where a build writes it."""

from __future__ import annotations

from docutils import nodes

from ..exports.addresses import (
    PROGRAM_CALENDAR,
    SCHEDULE_JSON,
    SCHEDULE_XML,
    file_url,
    site_url,
    subscription_url,
    writes_exports,
)
from . import words
from .page_context import PageContext, joined


def render_program_downloads(ctx: PageContext) -> list[nodes.Node]:
    """The download and subscription links, and what subscribing means; nothing for a builder
    (PDF, text, singlehtml) that writes no exports."""
    if not writes_exports(ctx.builder):
        return []
    subscribe = subscription_url(file_url(site_url(ctx.builder.config), PROGRAM_CALENDAR))
    box = nodes.container(classes=["symposium-downloads"])
    box += nodes.paragraph("", "", *joined([
        nodes.reference("", words.DOWNLOAD_PROGRAM, refuri=ctx.url(PROGRAM_CALENDAR)),
        nodes.reference("", words.SUBSCRIBE, refuri=subscribe),
    ], " \u00b7 "), classes=["symposium-actions-line"])
    box += nodes.paragraph(text=words.SUBSCRIPTION_DELAY)
    box += nodes.paragraph("", "", nodes.Text(words.FOR_APPS),
                           *joined([nodes.reference("", name, refuri=ctx.url(name))
                                    for name in (SCHEDULE_XML, SCHEDULE_JSON)], " \u00b7 "),
                           classes=["symposium-apps"])
    return [box]
