"""Speaker cards and the talk list, for the index pages."""

from __future__ import annotations

from docutils import nodes

from ..model.collation import by_family_name
from ..model.selection import ALL, Selection
from . import words
from .page_context import PageContext, obfuscated_email
from .program_parts import announced_soon, status_classes


def render_speaker_list(ctx: PageContext, only: list[str], contact: bool) -> tuple[list[nodes.Node], list[str]]:
    """The cards, and the slugs of ``only`` that name no speaker."""
    unknown = [slug for slug in only if slug not in ctx.speakers]
    if only:
        chosen = [ctx.speakers[slug] for slug in only if slug in ctx.speakers]
    else:
        chosen = by_family_name(ctx.speakers.values())
    grid = nodes.container(classes=["symposium-speakers"])
    for speaker in chosen:
        card = nodes.container(classes=["symposium-speaker-card"])
        card += ctx.face(speaker)
        text = nodes.container(classes=["symposium-speaker-text"])
        text += nodes.paragraph("", "", ctx.person(speaker), classes=["symposium-speaker-name"])
        if speaker.affiliation:
            text += nodes.paragraph(text=speaker.affiliation, classes=["symposium-speaker-affiliation"])
        if contact and speaker.email:
            text += nodes.paragraph("", "", obfuscated_email(speaker.email))
        card += text
        grid += card
    return [grid], unknown


def render_talk_list(ctx: PageContext, selection: Selection = ALL) -> list[nodes.Node]:
    talks = [item for item in selection.items(ctx.store.program(), ctx.event) if item.has_page]
    if not talks:
        return announced_soon(words.TALKS_SOON)
    listing = nodes.bullet_list(classes=["symposium-talks"])
    for talk in talks:
        entry = nodes.list_item(classes=["symposium-talk", *status_classes(talk)])
        meta = nodes.paragraph(classes=["symposium-talk-meta"])
        meta += ctx.badge(talk, board=True)
        meta += nodes.Text(" ")
        meta += ctx.time_range(talk, zone=True, day=ctx.event.several_days)
        entry += meta
        entry += nodes.paragraph("", "", *ctx.titled(talk), classes=["symposium-talk-title"])
        people = nodes.paragraph(classes=["symposium-talk-people"])
        people += ctx.people(talk.speakers)
        if talk.moderators:
            people += nodes.Text(words.AND_MODERATED_BY if talk.speakers else words.MODERATED_BY)
            people += ctx.people(talk.moderators)
        entry += people
        listing += entry
    return [listing]
