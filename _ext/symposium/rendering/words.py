"""The words the rendered pages say around the contributors' data, in one place.

One copy for the program table, the grid, the lists and the headers, so that a wording
changes everywhere at once (and, one day, is translated in one place).
"""

from __future__ import annotations

PROGRAM_SOON = "The program will be announced soon."
TALKS_SOON = "The talks will be announced soon."
MODERATED_BY = "Moderated by "
#: after the speakers' names, in one line
AND_MODERATED_BY = "; moderated by "
DAYS = "Days: "
IN_THE_PROGRAM = "In the program:"
MATERIAL = "Material:"
CONTACT = "Contact:"
SESSION = "Session:"
PREVIOUS = "Previous:"
NEXT = "Next:"
SLIDES = "Slides"
VIDEO = "Video"
RECORDING = "Recording:"
NOT_RECORDED = "Not recorded"
# {materials}
MATERIALS_CAPTION = "Slides and recordings of the talks, in program order."
MATERIALS_TALK = "Talk"
MATERIALS_SLIDES = "Slides"
MATERIALS_RECORDING = "Recording"
MORE_MATERIAL = "More: "
NO_MATERIAL = "none"
ADD_TO_CALENDAR = "Add to calendar (.ics)"
#: a room's record: on a talk page's header, and above the program of one room
WATCH_STREAM = "Watch the stream"
MAP_AND_DIRECTIONS = "Map and directions"
#: the mark beside a streamed item in the program and the grid
STREAM = "Stream"


def seats(capacity: int) -> str:
    return f"{capacity} seats"
#: under a speaker's list of roles
SPEAKER_CALENDAR = "Add these to your calendar (.ics)"
AT_THE_SAME_TIME = "At the same time:"
# the "Cite" block of a talk page
CITE_THIS_TALK = "Cite this talk"
DOWNLOAD = "Download:"
BIBTEX = "BibTeX"
BIBTEX_FILE = "BibTeX (.bib)"
CSL_JSON = "CSL-JSON"
CSL_JSON_FILE = "CSL-JSON (.json)"
EVENT_DOI = "DOI of the symposium:"
CITE_HELP = ("For LaTeX (BibTeX, biblatex) and for Zotero, Mendeley, Pandoc and other reference managers "
             "(CSL-JSON). Zotero's browser connector also reads this page itself.")
DOWNLOAD_PROGRAM = "Download the program (.ics)"
SUBSCRIBE = "Subscribe in your calendar"
SUBSCRIPTION_DELAY = (
    "A subscribed calendar follows changes to the program, but your calendar app fetches them "
    "on its own schedule, often only every few hours or once a day.")
FOR_APPS = "For conference apps such as Giggity, EventFahrplan and ConfClerk: "
#: under a talk page's title, after its status mark ("Cancelled", "To be announced": the model's
#: ``STATUSES``, which the exports say too)
STATUS_NOTES = {
    "cancelled": "This talk will not take place.",
    "tba": "Its title and speakers may still change.",
}
LINK_NAMES = {"homepage": "Homepage", "orcid": "ORCID", "scholar": "Google Scholar", "github": "GitHub",
              "linkedin": "LinkedIn", "mastodon": "Mastodon", "bluesky": "Bluesky", "dblp": "dblp"}


def times_are(zone_name: str, zone_label: str) -> str:
    """``Times are America/Chicago, UTC−6 (CST).``"""
    return f"Times are {zone_name} ({zone_label})."


def times_change(zones: list[str]) -> str:
    """``Times are Europe/Berlin, UTC+2 (CEST), then Europe/Berlin, UTC+1 (CET): the clocks change that day.``"""
    return f"Times are {', then '.join(zones)}: the clocks change that day, and each time says its zone."


def role_label(role: str, count: int) -> str:
    """``Speaker:``, ``Speakers:``, ``Chair:``, ``Chairs:``..."""
    return f"{role}{'s' if count > 1 else ''}:"


def chairs_label(count: int) -> str:
    """``Chairs: `` before the names of a session's chairs."""
    return role_label("Chair", count) + " "


def photo_of(name: str) -> str:
    return f"Photo of {name}"
# the program's history (program_changes.py, the marks of program_parts.py)
UPDATED = "Updated"
LAST_CHANGED = "Program last changed "
WHAT_CHANGED = "What changed"
CHANGES_FEED = "Feed of changes (Atom)"
NO_CHANGES = "No changes since the program was announced."
NO_CHANGES_SINCE = "No changes since the program was announced on {date}."
CHANGE_NOTE = "Note: "
CHANGES_FROM = "Changes since {date}, newest first."


def status_prefix(label: str) -> str:
    """``Cancelled: `` before a title, where a builder has no badge to show (text, LaTeX, man)."""
    return f"{label}: "
# the copy of a page kept on the visitor's device (html_page/offline.py, the service worker)
OFFLINE_COPY = "Offline copy"
OFFLINE_FROM = "from"
OFFLINE_NO_NETWORK = ("The network did not answer, so this is the copy kept on this device: the page may have "
                      "changed since. It is brought up to date once the network is back.")
OFFLINE_SLOW = ("The network is slow, so this is the copy kept on this device; the newer page is on its way, "
                "and a button here will offer it.")
NOT_SAVED_TITLE = "Offline"
NOT_SAVED = ("You are offline, and this page was not kept on this device. The program, the pages it links to "
             "and every page you have read here are:")
THE_PROGRAM = "The program"
HOME_PAGE = "Home page"
