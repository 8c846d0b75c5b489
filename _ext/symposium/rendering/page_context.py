"""What rendering needs on one page: the store, the event, and links from this page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from docutils import nodes
from sphinx.builders import Builder
from sphinx.errors import NoUri

from ..environment.site_values import site_of
from ..environment.store import SymposiumStore
from ..exports.addresses import file_from_page
from ..model.entities import Event, Link, PersonRef, ProgramItem, Session, Speaker
from ..model.link_targets import is_web_address
from . import words
from .browser_names import NAMES
from .html_nodes import avatar, isolated, moment, struck


@dataclass(frozen=True)
class PagePlan:
    """What is decided for the whole page before any of its placeholders is rendered, so
    that no renderer depends on which ran before it."""

    #: the program listing (table or grid) that holds attendee.js's toolbar, one per page
    toolbar: nodes.Element | None = None


@dataclass
class PageContext:
    builder: Builder
    docname: str
    store: SymposiumStore
    event: Event
    #: the ids already in the document being resolved
    taken_ids: set[str] = field(default_factory=set)
    #: what is decided for the page before its placeholders are rendered, and not changed by them
    plan: PagePlan = field(default_factory=PagePlan)

    def __post_init__(self) -> None:
        self.speakers = self.store.speakers_by_slug()
        #: dates and times as the site's readers write them (warnings keep model.times' English)
        self.times = site_of(self.builder.config).times
        self.language = site_of(self.builder.config).language

    def unique_id(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``... when the document has it already (two program
        tables on one page, or the home page and the program in one singlehtml page)."""
        candidate, number = wanted, 1
        while candidate in self.taken_ids:
            number += 1
            candidate = f"{wanted}-{number}"
        self.taken_ids.add(candidate)
        return candidate

    # -- links --------------------------------------------------------------------

    def link_to(self, docname: str, *children: nodes.Node, classes: list[str] | None = None,
                anchor: str = "") -> nodes.Element:
        """A link to a page; only its text where there is nothing to link to: the page is
        not in the LaTeX or Texinfo document being written (``NoUri``), the builder's
        pages have no address (``man`` and ``text`` give ``''``, which ``man`` would
        print as ``<>``), or the link would lead to the page it is on (``''`` too)."""
        try:
            uri = self.builder.get_relative_uri(self.docname, docname)
        except NoUri:
            uri = ""
        if not uri:
            return nodes.inline("", "", *children, classes=classes or [])
        return nodes.reference("", "", *children, internal=True, refuri=f"{uri}#{anchor}" if anchor else uri,
                               classes=classes or [])

    def person(self, ref: PersonRef | Speaker, *, affiliation: bool = False) -> nodes.Node:
        speaker = ref if isinstance(ref, Speaker) else self.speakers.get(ref.slug)
        if speaker is None:  # already reported by the consistency check
            return nodes.inline(text=ref.slug)
        link = self.link_to(speaker.docname, isolated(speaker.name, speaker.name), classes=["symposium-person"])
        if affiliation and speaker.affiliation:
            return nodes.inline("", "", link, nodes.Text(" "),
                                nodes.inline(text=f"({speaker.affiliation})", classes=["symposium-affiliation"]))
        return link

    def people(self, refs: tuple[PersonRef, ...], *, affiliation: bool = False) -> list[nodes.Node]:
        return joined([self.person(ref, affiliation=affiliation) for ref in refs], ", ")

    def item_title(self, item: ProgramItem | Session) -> nodes.Node:
        if isinstance(item, Session):  # its row in the program, which heads its talks
            return self.link_to(item.docname, isolated(item.title, item.title), classes=[NAMES.title],
                                anchor=f"session-{item.id}")
        # a slot to be announced without a title is titled with its status (the model's word)
        title = words.label(item.title) if item.status == "tba" and item.title == item.status_label else item.title
        text: nodes.Node = isolated(title, title)
        if self.foreign_language(item):
            text["lang"] = item.language
        if item.cancelled:  # struck through, inside the link: the page is still there
            text = struck("", "", text)
        if item.has_page and item.docname != self.docname:
            return self.link_to(item.docname, text, classes=[NAMES.title])
        return nodes.strong("", "", text, classes=[NAMES.title])

    def status_mark(self, item: ProgramItem) -> list[nodes.Node]:
        """What goes before an item's title when it is not simply scheduled: a "Cancelled" or
        "To be announced" mark in HTML (words, not a colour: screen readers say it, and it
        prints), ``Cancelled: `` in text elsewhere. Nothing when the title says it already (a
        slot to be announced without a title is titled "To be announced")."""
        if not item.status_label or item.status_label.casefold() == item.title.casefold():
            return []
        label = words.label(item.status_label)
        if self.builder.format != "html":
            return [nodes.Text(words.status_prefix(label))]
        return [nodes.inline(text=label, classes=["symposium-status-mark", f"symposium-status-mark-{item.status}"]),
                nodes.Text(" ")]

    def titled(self, item: ProgramItem | Session) -> list[nodes.Node]:
        """An item's status mark (if any) and its title: how every listing names an item."""
        if isinstance(item, Session):
            return [self.item_title(item)]
        return [*self.status_mark(item), self.item_title(item), *self.language_mark(item)]

    def foreign_language(self, item: ProgramItem) -> bool:
        """Whether a talk is given in another language than the site's (``language: de`` on an
        English site; ``en-GB`` on an ``en`` site is not another language)."""
        return bool(item.language) and primary_language(item.language) != primary_language(self.language)

    def language_mark(self, item: ProgramItem) -> list[nodes.Node]:
        """`` DE`` after the title of a talk in another language than the site's, explained by
        the language's name in the site's language ("German")."""
        if not self.foreign_language(item):
            return []
        mark = primary_language(item.language).upper()
        return [nodes.Text(" "), nodes.abbreviation(mark, mark, explanation=self.times.language_name(item.language),
                                                    classes=["symposium-language"])]

    def url(self, target: str) -> str:
        """An http(s) URL as is; a project file relative to this page."""
        return file_from_page(self.builder, self.docname, target)

    def external(self, link: Link) -> nodes.reference:
        return nodes.reference("", link.title, refuri=self.url(link.url))

    # -- time -----------------------------------------------------------------------

    def zone_label(self, when: dt.datetime) -> str:
        """``CST``; ``MEZ`` on a German site."""
        return self.times.zone_label(when, self.event.timezone)

    def long_date(self, day: dt.date) -> str:
        """``Friday, November 21, 2025``; ``Freitag, 21. November 2025``."""
        return self.times.long_date(day)

    def time_range(self, item: ProgramItem | Session, *, zone: bool = False, day: bool = False) -> nodes.inline:
        start, end = item.start, item.end
        if start == end:  # an item whose end cannot be read (after a warning): its start alone
            alone: list[nodes.Node] = [_moment(start, self.times.clock_time(start))]
            if zone:
                alone += [nodes.Text(" "), self.zone_abbreviation(start)]
            return self._dated(alone, start) if day else nodes.inline("", "", *alone, classes=[NAMES.time_range])
        # across a clock change the two ends are in zones of different names (CEST, then CET): each says its own
        own_zones = start.tzname() != end.tzname()
        if own_zones:
            start_text, separator, end_text = self.times.clock_time(start), "\u2013", self.times.clock_time(end)
        else:
            start_text, separator, end_text = self.times.clock_pair(start, end)
        times: list[nodes.Node] = [_moment(start, start_text)]
        if own_zones:
            times += [nodes.Text(" "), self.zone_abbreviation(start)]
        times += [nodes.Text(separator), _moment(end, end_text)]
        if zone or own_zones:
            times += [nodes.Text(" "), self.zone_abbreviation(end)]
        if day:
            return self._dated(times, start)
        return nodes.inline("", "", *times, classes=[NAMES.time_range])

    def _dated(self, times: list[nodes.Node], start: dt.datetime) -> nodes.inline:
        """The date and the times joined as the locale joins a date and a time ("{1}, {0}")."""
        span = nodes.inline(classes=[NAMES.time_range])
        before, _, after = self.times.day_and_time(self.long_date(start.date()), "\0").partition("\0")
        span += nodes.Text(before)
        span += times
        if after:
            span += nodes.Text(after)
        return span

    def zone_abbreviation(self, when: dt.datetime) -> nodes.abbreviation:
        """``CST``, explained as ``America/Chicago, UTC−6``."""
        return nodes.abbreviation(self.zone_label(when), self.zone_label(when), explanation=self.zone_name(when))

    def start_time(self, item: ProgramItem | Session) -> nodes.Node:
        """``9:30 AM``; on an event of several days, ``Tue, June 2, 9:30 AM``."""
        text = self.times.clock_time(item.start)
        if self.event.several_days:
            text = self.times.day_and_time(self.times.short_date(item.start.date()), text)
        return _moment(item.start, text)

    def clock_at(self, when: dt.datetime) -> nodes.Node:
        """``9:30 AM``, as a ``<time>`` in HTML."""
        return _moment(when, self.times.clock_time(when))

    def zone_name(self, when: dt.datetime) -> str:
        """``America/Chicago, UTC−6``: what the short label stands for."""
        minutes = int((when.utcoffset() or dt.timedelta()).total_seconds()) // 60
        hours, rest = divmod(abs(minutes), 60)
        sign = "\u2212" if minutes < 0 else "+"
        return f"{self.event.timezone.key}, UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")

    # -- people's faces -------------------------------------------------------------------

    def face(self, speaker: Speaker, *, size: str = "small") -> nodes.Node:
        classes = ["symposium-face", f"symposium-face-{size}"]
        if speaker.photo:
            alt = words.photo_of(speaker.name)
            if self.builder.format == "html" or is_web_address(speaker.photo):
                uri = self.url(speaker.photo)
                # '?' marks the URI as final: HTML builders publish _static/ as it is
                return nodes.image(uri=uri, alt=alt, classes=classes, candidates={"?": uri})
            # Other builders (LaTeX, Texinfo) copy the images of the documents they write
            # from the environment's images, where the collector put the photo when it
            # read the speaker's page (as an image directive on that page would).
            return nodes.image(uri=speaker.photo, alt=alt, classes=classes, candidates={"*": speaker.photo})
        return nodes.inline("", "", avatar(slug=speaker.slug, initials=speaker.initials), classes=classes)

    def badge(self, item: ProgramItem, *, board: bool = False) -> nodes.inline:
        """The type's label ("Poster"); with ``board``, a poster's board too ("Poster, board 12")."""
        text = words.label(item.type_label)
        if board and item.board:
            text = words.poster_on_board(text, item.board)
        return nodes.inline(text=text, classes=["symposium-badge", *type_classes(item, "symposium-badge-")])


def type_classes(item: ProgramItem, prefix: str) -> list[str]:
    """``<prefix><type>``, and ``<prefix><colour class>`` when the site's ``symposium_types``
    gives the type another one's colour: symposium.css colours by the second, a site's own CSS
    may style the first. The prefix of rows and grid cells is ``NAMES.row_type`` (attendee's
    modules read ``break`` there), of badges ``symposium-badge-``."""
    return list(dict.fromkeys((prefix + item.type, prefix + item.colour)))


def _moment(when: dt.datetime, text: str) -> moment:
    return moment(text, text, datetime=when.isoformat(timespec="minutes"))


def primary_language(tag: str) -> str:
    """``de`` of ``de-CH``, ``pt`` of ``pt_BR``: the language without its region or script."""
    return tag.replace("_", "-").split("-", 1)[0].casefold()


def joined(parts: list[nodes.Node], separator: str) -> list[nodes.Node]:
    """The parts with ``separator`` text between them."""
    out: list[nodes.Node] = []
    for i, part in enumerate(parts):
        if i:
            out.append(nodes.Text(separator))
        out.append(part)
    return out


def obfuscated_email(address: str) -> nodes.inline:
    """``user at example dot org``: readable by people, not by address harvesters."""
    user, _, domain = address.partition("@")
    return nodes.inline(text=words.email_text(user, domain.split(".")), classes=["symposium-email"])
