"""``{program-downloads}``: the program for calendars and conference apps, where a build writes it."""

from __future__ import annotations

from docutils import nodes

from ..exports.addresses import PROGRAM_CALENDAR, SCHEDULE_JSON, SCHEDULE_XML, writes_exports
from .page_context import PageContext, joined


def render_program_downloads(ctx: PageContext) -> list[nodes.Node]:
    """The download and subscription links, and what subscribing means; nothing for a builder
    (PDF, text, singlehtml) that writes no exports."""
    if not writes_exports(ctx.builder):
        return []
    calendar_url = ctx.builder.config.html_baseurl.rstrip("/") + "/" + PROGRAM_CALENDAR
    subscribe = "webcal://" + calendar_url.split("://", 1)[1]
    box = nodes.container(classes=["symposium-downloads"])
    box += nodes.paragraph("", "", *joined([
        nodes.reference("", "Download the program (.ics)", refuri=ctx.url(PROGRAM_CALENDAR)),
        nodes.reference("", "Subscribe in your calendar", refuri=subscribe),
    ], " \u00b7 "), classes=["symposium-actions-line"])
    box += nodes.paragraph(text=(
        "A subscribed calendar follows changes to the program, but your calendar app fetches them "
        "on its own schedule, often only every few hours or once a day."))
    box += nodes.paragraph("", "", nodes.Text("For conference apps such as Giggity, EventFahrplan and ConfClerk: "),
                           *joined([nodes.reference("", name, refuri=ctx.url(name))
                                    for name in (SCHEDULE_XML, SCHEDULE_JSON)], " \u00b7 "),
                           classes=["symposium-apps"])
    return [box]
