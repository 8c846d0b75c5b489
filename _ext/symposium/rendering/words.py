"""The words the rendered pages say around the contributors' data, in one place.

One copy for the program table, the grid, the lists and the headers, so that a wording
changes everywhere at once and is translated in one place: each word is a message of the
extension's catalog (``environment/translations.py``), read in the site's language.

``words.PROGRAM_SOON`` is translated when it is read (this module's ``__getattr__``), not when
the module is imported: the language is the build's, and one process may build sites in several
languages. So read the words where they are used, never into a default argument or a constant.
A word's spaces and punctuation around the phrase stay outside the message.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..environment.translations import _, ngettext
from ..model.translating import N_, N_plural


class _English:
    """The words as written in English, each marked for the catalog; read them as
    ``words.NAME`` (translated)."""

    PROGRAM_SOON = N_("The program will be announced soon.")
    TALKS_SOON = N_("The talks will be announced soon.")
    MODERATED_BY = N_("Moderated by") + " "
    #: after the speakers' names, in one line
    AND_MODERATED_BY = N_("; moderated by") + " "
    DAYS = N_("Days:") + " "
    IN_THE_PROGRAM = N_("In the program:")
    MATERIAL = N_("Material:")
    CONTACT = N_("Contact:")
    SESSION = N_("Session:")
    PREVIOUS = N_("Previous:")
    NEXT = N_("Next:")
    SLIDES = N_("Slides")
    VIDEO = N_("Video")
    RECORDING = N_("Recording:")
    NOT_RECORDED = N_("Not recorded")
    # the program table's head
    SESSION_COLUMN = N_("Session")
    SPEAKERS_COLUMN = N_("Speakers")
    ROOM_COLUMN = N_("Room")
    # {materials}
    MATERIALS_CAPTION = N_("Slides and recordings of the talks, in program order.")
    MATERIALS_TALK = N_("Talk")
    MATERIALS_SLIDES = N_("Slides")
    MATERIALS_RECORDING = N_("Recording")
    MORE_MATERIAL = N_("More:") + " "
    NO_MATERIAL = N_("none")
    ADD_TO_CALENDAR = N_("Add to calendar (.ics)")
    #: a room's record: on a talk page's header, and above the program of one room
    WATCH_STREAM = N_("Watch the stream")
    MAP_AND_DIRECTIONS = N_("Map and directions")
    #: the mark beside a streamed item in the program and the grid
    STREAM = N_("Stream")
    #: under a speaker's list of roles
    SPEAKER_CALENDAR = N_("Add these to your calendar (.ics)")
    AT_THE_SAME_TIME = N_("At the same time:")
    #: before the parallel items of the talk's own track, when the whole list is folded away
    IN_THIS_TRACK = N_("In this track:")
    #: before a day's rooms, at a glance
    ROOMS = N_("Rooms:")
    # the "Cite" block of a talk page
    CITE_THIS_TALK = N_("Cite this talk")
    DOWNLOAD = N_("Download:")
    BIBTEX = "BibTeX"
    BIBTEX_FILE = "BibTeX (.bib)"
    CSL_JSON = "CSL-JSON"
    CSL_JSON_FILE = "CSL-JSON (.json)"
    EVENT_DOI = N_("DOI of the symposium:")
    CITE_HELP = N_("For LaTeX (BibTeX, biblatex) and for Zotero, Mendeley, Pandoc and other reference managers "
                   "(CSL-JSON). Zotero's browser connector also reads this page itself.")
    DOWNLOAD_PROGRAM = N_("Download the program (.ics)")
    SUBSCRIBE = N_("Subscribe in your calendar")
    SUBSCRIPTION_DELAY = N_(
        "A subscribed calendar follows changes to the program, but your calendar app fetches them "
        "on its own schedule, often only every few hours or once a day.")
    FOR_APPS = N_("For conference apps such as Giggity, EventFahrplan and ConfClerk:") + " "
    #: under a talk page's title, after its status mark ("Cancelled", "To be announced": the model's
    #: ``STATUSES``, which the exports say too)
    STATUS_NOTES: ClassVar[dict[str, str]] = {
        "cancelled": N_("This talk will not take place."),
        "tba": N_("Its title and speakers may still change."),
    }
    LINK_NAMES: ClassVar[dict[str, str]] = {"homepage": N_("Homepage"), "orcid": "ORCID", "scholar": "Google Scholar", "github": "GitHub",
                  "linkedin": "LinkedIn", "mastodon": "Mastodon", "bluesky": "Bluesky", "dblp": "dblp"}
    #: a video player's caption (rendering/html_nodes.py)
    VIDEO_LOADED_ON_PLAY = N_("The video is loaded when you press play.")
    DOWNLOAD_IT = N_("Download it")
    PLAY_THE_VIDEO = N_("Play the video")

    # the program's history (program_changes.py, the marks of program_parts.py)
    UPDATED = N_("Updated")
    LAST_CHANGED = N_("Program last changed") + " "
    WHAT_CHANGED = N_("What changed")
    CHANGES_FEED = N_("Feed of changes (Atom)")
    NO_CHANGES = N_("No changes since the program was announced.")
    NO_CHANGES_SINCE = N_("No changes since the program was announced on {date}.")
    CHANGE_NOTE = N_("Note:") + " "
    CHANGES_FROM = N_("Changes since {date}, newest first.")

    # the copy of a page kept on the visitor's device (html_page/offline.py, the service worker)
    OFFLINE_COPY = N_("Offline copy")
    OFFLINE_FROM = N_("from")
    OFFLINE_NO_NETWORK = N_("The network did not answer, so this is the copy kept on this device: the page may "
                            "have changed since. It is brought up to date once the network is back.")
    OFFLINE_SLOW = N_("The network is slow, so this is the copy kept on this device; the newer page is on its "
                      "way, and a button here will offer it.")
    NOT_SAVED_TITLE = N_("Offline")
    NOT_SAVED = N_("You are offline, and this page was not kept on this device. The program, the pages it "
                   "links to and every page you have read here are:")
    THE_PROGRAM = N_("The program")
    HOME_PAGE = N_("Home page")


#: What attendee.js says (buttons, labels, what it announces to screen readers), by the name the
#: script reads from the page's data (html_page/attendee.py): ``{name}`` is a value the script
#: fills in. A pair is a message by count (its singular, then its plural); the script picks the
#: first for a count of one, the second otherwise (as English and German do).
BROWSER: dict[str, str | tuple[str, str]] = {
    # the toolbar
    "toolbar": N_("My program and time zone"),
    "alsoShowMyTime": N_("Also show my time ({zone})"),
    "timesStay": N_("Times stay in the event's zone; yours is added beside them ({zone})"),
    "yourTime": N_("Your time ({zone})"),
    "showingYourTime": N_("Showing your time, {zone}, beside the event's"),
    "showingEventTime": N_("Showing the event's time only"),
    "jumpToNow": N_("Jump to now"),
    "allRooms": N_("All rooms"),
    "allTracks": N_("All tracks"),
    "room": N_("Room"),
    "track": N_("Track"),
    "showingPlace": N_("Showing {place}: {count} items"),
    "showingAllRooms": N_("Showing all rooms"),
    "showingAllTracks": N_("Showing all tracks"),
    # the room chooser of a page with a grid
    "roomsShown": N_("Rooms: {shown} of {count}"),
    "roomsToShow": N_("Rooms to show"),
    "noRooms": N_("No rooms"),
    "showingRooms": N_("Showing {shown} of {count} rooms"),
    "starredOnly": N_("Starred only"),
    "starItemsFirst": N_("Star items first"),
    "showingStarred": N_("Showing your {count} starred items only"),
    "showingWhole": N_("Showing the whole program"),
    "calendar": N_("Calendar (.ics)"),
    "calendarLabel": N_("Calendar (.ics) of your starred items"),
    "calendarTitle": N_("Download your starred items as a calendar file"),
    "downloaded": N_("Downloaded {count} starred items as a calendar file"),
    "downloadFailed": N_("The calendar could not be downloaded; try program.ics instead"),
    # the share panel
    "shareMyProgram": N_("Share my program"),
    "shareHelp": N_("Open this link on another device, or scan the code with your phone, to see the same stars."),
    "shareLink": N_("Link to your starred items"),
    "copyLink": N_("Copy link"),
    "linkCopied": N_("Link copied"),
    "qrAlt": N_("QR code of the link above"),
    "qrFailed": N_("The QR code could not be drawn."),
    "sharedAdded": N_("Added {count} shared items to your starred items"),
    "sharedKnown": N_("The shared items were already starred"),
    # stars
    "starThisTalk": N_("Star this talk"),
    "starTitle": N_("Star {title}"),
    "keepInProgram": N_("Keep in my program"),
    "addedTo": N_("Added to your program: {title}. {count} starred."),
    "removedFrom": N_("Removed from your program: {title}. {count} starred."),
    # now and next
    "onNow": N_("On now"),
    "next": N_("Next"),
    "onNowList": N_("On now: {titles}."),
    "nextList": N_("Next: {titles}."),
    # the notice of changes to starred items
    "changedSince": N_plural("{count} of your starred items changed since your last visit:",
                             "{count} of your starred items changed since your last visit:"),
    "whatChanged": N_("What changed"),
    "gotIt": N_("Got it"),
    # the "Cite this talk" block's buttons
    "copy": N_("Copy"),
    "copied": N_("Copied"),
    "copyThe": N_("Copy the {name}"),
    "nameCopied": N_("{name} copied"),
    "nameSelected": N_("{name} selected: copy it with your keyboard"),
    # an offline copy of the page
    "reload": N_("Reload"),
    "networkBack": N_("The network is back."),
    "newerCopy": N_("A newer copy of this page has arrived."),
}


def browser_words() -> dict[str, str | list[str]]:
    """``BROWSER`` in the site's language, for the page's data."""
    return {key: [ngettext(*text, 1), ngettext(*text, 2)] if isinstance(text, tuple) else _(text)
            for key, text in BROWSER.items()}


_SPACED = re.compile(r"(\s*)(.*?)(\s*)", re.DOTALL)


def _translated(value):
    if isinstance(value, dict):
        return {key: _translated(text) for key, text in value.items()}
    before, message, after = _SPACED.fullmatch(value).groups()
    return before + _(message) + after


def __getattr__(name: str):
    """``words.NAME``: the word in the site's language, read now."""
    try:
        value = _English.__dict__[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    return _translated(value)


def english(name: str):
    """A word as written in English (tests compare the pages of other languages with it)."""
    return _English.__dict__[name]


def english_names() -> list[str]:
    return [name for name in _English.__dict__ if name.isupper()]


def label(text: str) -> str:
    """A type's or status's label in the site's language (the model's, marked for the catalog where
    ``model/entities.py`` declares them; a site's own ``label:`` stays as written, unless the catalog
    happens to know it)."""
    return _(text) if text else text


def times_are(zone_name: str, zone_label: str) -> str:
    """``Times are America/Chicago, UTC−6 (CST).``"""
    return _("Times are {zone} ({label}).").format(zone=zone_name, label=zone_label)


def times_change(zones: list[str]) -> str:
    """``Times are Europe/Berlin, UTC+2 (CEST), then Europe/Berlin, UTC+1 (CET): the clocks change that day.``"""
    return _("Times are {zones}: the clocks change that day, and each time says its zone.").format(
        zones=_(", then ").join(zones))


def seats(capacity: int) -> str:
    """``300 seats``: a room's capacity."""
    return ngettext("{count} seat", "{count} seats", capacity).format(count=capacity)


def at_the_same_time(count: int) -> str:
    """``At the same time: 35 items in other rooms``: the summary of a long list of parallel items."""
    return ngettext("At the same time: {count} item in other rooms", "At the same time: {count} items in other rooms",
                    count).format(count=count)


def day_summary(items: int, rooms: int) -> str:
    """``214 items in 12 rooms, `` (the day's hours follow): a day of the program at a glance."""
    counted = ngettext("{count} item", "{count} items", items).format(count=items)
    if rooms < 2:
        return _("{items}, ").format(items=counted)
    return _("{items} in {rooms}, ").format(items=counted, rooms=ngettext("{count} room", "{count} rooms", rooms).format(count=rooms))


def highlights_label(count: int) -> str:
    """``Keynote:``, ``Keynotes:``: the day's highlights at a glance."""
    return ngettext("Keynote:", "Keynotes:", count)


def board_label(board: str) -> str:
    """``Board 12``: where a poster stands in its session."""
    return _("Board {board}").format(board=board)


def poster_on_board(type_label: str, board: str) -> str:
    """``Poster, board 12``: a poster's type and board, in its page's header and its presenters' roles."""
    return _("{type}, board {board}").format(type=type_label, board=board)


def role_label(role: str, count: int) -> str:
    """``Speaker:``, ``Speakers:``, ``Moderator:``, ``Chair:``, ``Chairs:``..."""
    if role == "Speaker":
        return ngettext("Speaker:", "Speakers:", count)
    if role == "Moderator":
        return ngettext("Moderator:", "Moderators:", count)
    if role == "Chair":
        return ngettext("Chair:", "Chairs:", count)
    return f"{label(role)}:"


#: what a person is in an item, in a speaker page's list (environment/store.py roles_of), marked for
#: the catalog; the other roles are type labels
ROLES = [N_("Speaker"), N_("Moderator"), N_("Chair")]


def role(name: str) -> str:
    """``Speaker``, ``Moderator``, ``Chair`` or a type's label, in the site's language."""
    return label(name)


def chairs_label(count: int) -> str:
    """``Chairs: `` before the names of a session's chairs."""
    return role_label("Chair", count) + " "


def room_caption(room: str) -> str:
    """`` Room: Hall A.``, after a day's caption when all its items are in one room."""
    return " " + _("Room: {room}.").format(room=room)


def time_column(zone: str) -> str:
    """``Time (CST)``, the program table's first column."""
    return _("Time ({zone})").format(zone=zone) if zone else _("Time")


def photo_of(name: str) -> str:
    return _("Photo of {name}").format(name=name)


def open_on(host: str) -> str:
    """``Open it on YouTube``, under a video player."""
    return _("Open it on {host}").format(host=host)


def video_where(host: str) -> str:
    """``(on YouTube)`` or ``(a video file of this site)``, on a video player's poster, in brackets."""
    return _("on {host}").format(host=host) if host else _("a video file of this site")


def video_note(host: str, player_host: str) -> str:
    return _("The video is on {host}: nothing is loaded from {host} until you press play, then from {player}.").format(
        host=host, player=player_host)


def email_text(user: str, domain_parts: list[str]) -> str:
    """``user at example dot org``: readable by people, not by address harvesters."""
    at, dot = _("at"), _("dot")
    return f"{user} {at} {f' {dot} '.join(domain_parts)}"


def status_prefix(label: str) -> str:
    """``Cancelled: `` before a title, where a builder has no badge to show (text, LaTeX, man)."""
    return f"{label}: "


def edition_banner(this: str, current: str) -> str:
    """On an edition that is not the newest: ``This is AIExScale 2025. The current edition is AIExScale
    2026.`` (``current`` may be markup: a link to that edition)."""
    return _("This is {this}. The current edition is {current}.").format(this=this, current=current)
