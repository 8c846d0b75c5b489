"""The header under the title of each talk page and each speaker page."""

from __future__ import annotations

from docutils import nodes

from ..exports.addresses import speaker_calendar, talk_calendar, writes_exports
from ..model.entities import Link, ProgramItem, Speaker
from ..model.media import embed_of
from ..model.rooms import stream_of
from . import words
from .browser_names import NAMES
from .html_nodes import disclosure, video_player
from .page_context import PageContext, joined, obfuscated_email
from .program_parts import VIDEO_ANCHOR, item_class, room_facts, status_classes


def bold_label(text: str) -> list[nodes.Node]:
    """``Speakers:`` in bold, then a space outside the bold: text writers mark bold as
    ``**...**``, which would otherwise read ``**Speakers: **``."""
    return [nodes.strong(text=text), nodes.Text(" ")]


def render_talk_header(ctx: PageContext, talk: ProgramItem) -> nodes.container:
    header = nodes.container(classes=["symposium-header", NAMES.talk_header, item_class(talk),
                                      *status_classes(talk)])
    if mark := ctx.status_mark(talk):
        header += nodes.paragraph("", "", *mark, nodes.Text(words.STATUS_NOTES[talk.status]),
                                  classes=["symposium-status-line"])
    when = nodes.paragraph(classes=["symposium-when"])
    when += ctx.badge(talk, board=True)
    when += nodes.Text(" ")
    when += ctx.time_range(talk, zone=True, day=True)
    if talk.room:
        when += nodes.Text(" \u00b7 ")
        room_page = ctx.store.room_page(talk.room)
        when += (ctx.link_to(room_page, nodes.Text(talk.room), classes=["symposium-room"]) if room_page
                 else nodes.inline(text=talk.room, classes=["symposium-room"]))
    header += when
    # where the room is (its record in symposium_rooms), and where the talk is streamed
    if where := room_facts(ctx, talk.room, stream_of(talk, ctx.event)):
        header += nodes.paragraph("", "", *where, classes=["symposium-where"])
    header += _updated(ctx, talk)
    for role, refs in (("Speaker", talk.speakers), ("Moderator", talk.moderators)):
        if not refs:
            continue
        line = nodes.paragraph(classes=["symposium-people"])
        line += bold_label(words.role_label(role, len(refs)))
        line += ctx.people(refs, affiliation=True)
        header += line
    material = [Link(words.SLIDES, talk.slides)] if talk.slides else []
    material += [Link(words.VIDEO, talk.video)] if talk.video else []
    material += list(talk.links)
    if material:
        line = nodes.paragraph(classes=["symposium-material"])
        line += bold_label(words.MATERIAL)
        line += joined([ctx.external(link) for link in material], " \u00b7 ")
        header += line
    if not talk.recording:
        header += nodes.paragraph("", "", *bold_label(words.RECORDING), nodes.Text(words.NOT_RECORDED),
                                  classes=["symposium-recording"])
    header += _neighbours(ctx, talk)
    header += _parallel(ctx, talk)
    if writes_exports(ctx.builder):
        calendar = nodes.reference("", words.ADD_TO_CALENDAR, refuri=ctx.url(talk_calendar(talk)),
                                   classes=["symposium-calendar-link"])
        header += nodes.paragraph("", "", calendar, classes=["symposium-actions-line", "no-search"])
    return header


def render_talk_video(ctx: PageContext, talk: ProgramItem) -> list[nodes.Node]:
    """The talk's video as a click-to-load player, below the header (HTML only: other builders
    have the video's link in the header's "Material:" line)."""
    embed = embed_of(talk.video) if talk.video else None
    if embed is None or ctx.builder.format != "html":
        return []
    names = [speaker.name for ref in talk.speakers if (speaker := ctx.speakers.get(ref.slug))]
    return [video_player(player=ctx.url(embed.player), link=ctx.url(talk.video), host=embed.host,
                         player_host=embed.player_host, title=talk.title, people=", ".join(names),
                         ids=[ctx.unique_id(VIDEO_ANCHOR)])]


def _updated(ctx: PageContext, talk: ProgramItem) -> list[nodes.Node]:
    """"Updated 18 November 2025: Moved from ... · What changed", when the latest version of
    the program changed this talk."""
    change = ctx.store.history.updated_in_latest.get(talk.slug)
    latest = ctx.store.history.latest
    if change is None or latest is None:
        return []
    line = nodes.paragraph(classes=["symposium-update-note"])
    line += nodes.inline(text=words.UPDATED, classes=["symposium-updated"])
    line += nodes.Text(f" {ctx.long_date(latest.when.astimezone(ctx.event.timezone).date())}: {change.text}")
    log = ctx.store.change_log_page()
    if log is not None:
        line += nodes.Text(" \u00b7 ")
        line += ctx.link_to(log, nodes.Text(words.WHAT_CHANGED), anchor=f"change-{latest.short}")
    return [line]


def _neighbours(ctx: PageContext, talk: ProgramItem) -> list[nodes.Node]:
    """Where the talk sits: its session (or day), and the items before and after it there.

    The site has no site-wide navigation tree (it costs every page the whole site); this
    line moves a reader through the program instead.
    """
    before, after = ctx.store.neighbours(talk)
    session = ctx.store.session(talk.session) if talk.session else None
    parts: list[nodes.Node] = []
    if session is not None:
        parts.append(nodes.inline("", "", *bold_label(words.SESSION), ctx.item_title(session)))
    for label, item in ((words.PREVIOUS, before), (words.NEXT, after)):
        if item is not None:
            parts.append(nodes.inline("", "", *bold_label(label), *ctx.titled(item)))
    if not parts:
        return []
    # not in the search index: the titles are those of other pages, which a search finds there
    return [nodes.paragraph("", "", *joined(parts, " \u00b7 "), classes=["symposium-neighbours", "no-search"])]


#: Up to this many parallel items are one line of the header; more (a conference of many rooms
#: runs 30 or 40 at once) would push the abstract screens down on a phone, so the list is folded.
PARALLEL_IN_A_LINE = 4


def _parallel(ctx: PageContext, talk: ProgramItem) -> list[nodes.Node]:
    """"At the same time: <title> (Hall B, 9:30–10:15 AM) · ...": what runs in the other rooms
    while the talk does (cancelled items left out); nothing in a program of one room.

    A long list is folded into a closed ``<details>`` ("At the same time: 35 items in other
    rooms") with the items of the talk's own track in the line above it. Builders without
    ``<details>`` (LaTeX, text, man) keep the whole line: no item is left out anywhere.
    """
    parallel = ctx.store.parallel(talk)
    if not parallel:
        return []
    parts = [_parallel_item(ctx, item) for item in parallel]
    if len(parallel) <= PARALLEL_IN_A_LINE or ctx.builder.format != "html":
        return [nodes.paragraph("", "", *bold_label(words.AT_THE_SAME_TIME), *joined(parts, " \u00b7 "),
                                classes=["symposium-parallel", "no-search"])]
    found: list[nodes.Node] = []
    same_track = [_parallel_item(ctx, item) for item in parallel if talk.track and item.track == talk.track]
    if same_track:
        found.append(nodes.paragraph("", "", *bold_label(words.IN_THIS_TRACK), *joined(same_track, " \u00b7 "),
                                     classes=["symposium-parallel", "symposium-parallel-track", "no-search"]))
    folded = disclosure(summary=words.at_the_same_time(len(parallel)),
                        classes=["symposium-parallel", "symposium-parallel-all", "no-search"])
    folded += nodes.bullet_list("", *(nodes.list_item("", nodes.paragraph("", "", part)) for part in parts))
    found.append(folded)
    return found


def _parallel_item(ctx: PageContext, item: ProgramItem) -> nodes.inline:
    """``<title> (Hall B, 9:30–10:15 AM)``"""
    part = nodes.inline()
    part += ctx.item_title(item)
    part += nodes.Text(f" ({item.room}, ")
    part += ctx.time_range(item)
    part += nodes.Text(")")
    return part


def render_speaker_header(ctx: PageContext, speaker: Speaker) -> nodes.container:
    header = nodes.container(classes=["symposium-header", "symposium-speaker-header"])
    header += ctx.face(speaker, size="large")
    facts = nodes.container(classes=["symposium-speaker-facts"])
    if speaker.honorific:  # the page's heading already gives the name
        facts += nodes.paragraph(text=f"{speaker.honorific} {speaker.name}", classes=["symposium-speaker-fullname"])
    if speaker.position:
        facts += nodes.paragraph(text=speaker.position, classes=["symposium-position"])
    for affiliation in speaker.affiliations:
        facts += nodes.paragraph(text=affiliation, classes=["symposium-affiliation"])
    if speaker.links:
        links = [ctx.external(Link(words.LINK_NAMES.get(link.title.lower(), link.title), link.url)) for link in speaker.links]
        facts += nodes.paragraph("", "", *joined(links, " \u00b7 "), classes=["symposium-links"])
    if speaker.email:
        line = nodes.paragraph(classes=["symposium-contact"])
        line += bold_label(words.CONTACT)
        line += obfuscated_email(speaker.email)
        facts += line
    roles = ctx.store.roles_of(speaker.slug)
    if roles:
        facts += nodes.paragraph("", "", nodes.strong(text=words.IN_THE_PROGRAM))
        listing = nodes.bullet_list(classes=["symposium-roles"])
        for role, item in roles:
            entry = nodes.paragraph()
            if isinstance(item, ProgramItem) and item.board:
                role = words.poster_on_board(words.role(role), item.board)
            else:
                role = words.role(role)
            entry += nodes.inline(text=f"{role}:", classes=["symposium-role"])
            entry += nodes.Text(" ")
            entry += ctx.titled(item)
            entry += nodes.Text(" (")
            entry += ctx.start_time(item)
            entry += nodes.Text(f" {ctx.zone_label(item.start)})")
            listing += nodes.list_item("", entry, classes=status_classes(item) if isinstance(item, ProgramItem) else [])
        facts += listing
    if writes_exports(ctx.builder) and ctx.store.items_of(speaker.slug):
        calendar = nodes.reference("", words.SPEAKER_CALENDAR, refuri=ctx.url(speaker_calendar(speaker)),
                                   classes=["symposium-calendar-link"])
        facts += nodes.paragraph("", "", calendar, classes=["symposium-actions-line", "no-search"])
    header += facts
    return header
