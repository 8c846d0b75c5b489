"""The front-matter's keys, in one table.

Each key of the blocks a page may hold (a speaker page's ``speaker:``, a talk page's ``talk:``,
the program's ``program:`` and each entry of its ``items:`` and ``sessions:``) is one
:class:`Field`: the blocks it belongs to, whether it is required, what its value must be (in the
words the warnings use, and CONTRIBUTING.md's reference in its "type" column), and the CSV
headers that give it to ``symposium import``.

From this table come the reader's key sets (:mod:`.reading`; a key of none of them is an
"unknown key", with the nearest known one suggested), the keys a top-level key is told to belong
to (:mod:`.pages`) and the CSV columns of the import (:mod:`.importing.spreadsheet`);
``tests/unit/test_fields.py`` holds CONTRIBUTING.md's front-matter reference to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .entities import ITEM_TYPES, STATUSES, TALK_TYPES
from .times import DATE, TIME

#: the blocks of front-matter: ``speaker:`` (``speakers/<slug>.md``), ``talk:`` (``talks/<slug>.md``),
#: ``program:`` (any page, usually ``program/index.md``), and each entry of its ``items:`` and ``sessions:``
SPEAKER, TALK, PROGRAM, ITEM, SESSION = "speaker", "talk", "program", "item", "session"
BLOCKS = (SPEAKER, TALK, PROGRAM, ITEM, SESSION)

# What a value must be, as the warnings say it: "'talk.slides' should be an http(s) URL or a file
# under _static/, got ..." (block_reader.py says them; times.py a time's and a date's).
TEXT = "text"
TEXTS = "text or a list of texts"
URL_OR_FILE = "an http(s) URL or a file under _static/"
WEB_ADDRESS = "an http(s) URL"
PROJECT_FILE = "a file under _static/"
SPEAKER_SLUGS = "a list of speaker slugs"
TITLED_LINKS = "a list of {title, url}"
TRUE_OR_FALSE = "true or false"
MINUTES = "a whole number of minutes"


@dataclass(frozen=True)
class Field:
    """A key of front-matter in the blocks it belongs to."""

    key: str
    blocks: tuple[str, ...]
    #: what its value must be, in the words of the warnings
    expects: str
    required: bool = False
    #: the headers of the CSV column of ``symposium import`` that gives it (matched in lower case);
    #: the first is the column's name in the import's messages. A row of the file is a talk or an
    #: entry of ``program: items:``: the columns are on the rows of entries (and the speaker's and
    #: the session's own)
    csv: tuple[str, ...] = ()


#: the blocks that place something in time
_TIMED = (TALK, ITEM, SESSION)
#: a talk, or an entry of the program without a page
_ENTRY = (TALK, ITEM)

#: every key, in the order CONTRIBUTING.md's tables give each block's
FIELDS: tuple[Field, ...] = (
    # a talk, an item and a session
    Field("title", (ITEM,), TEXT, required=True, csv=("title", "talk", "talk title", "paper title", "item")),
    Field("id", (SESSION,), TEXT, required=True),
    Field("title", (SESSION,), TEXT, required=True),
    Field("type", (TALK,), f"one of {', '.join(TALK_TYPES)}, or a talk type of symposium_types", required=True),
    Field("type", (ITEM,), f"a talk type, or {', '.join(kind for kind in ITEM_TYPES if kind not in TALK_TYPES)}, "
          "or a type of symposium_types", required=True, csv=("type", "kind", "format", "category")),
    Field("label", _ENTRY, TEXT),
    Field("abstract", (ITEM,), TEXT, csv=("abstract", "description", "summary")),
    Field("board", _ENTRY, "text or a number", csv=("board", "poster board", "board number")),
    Field("start", _TIMED, TIME, required=True, csv=("start", "start time", "begin", "from", "time")),
    Field("end", _TIMED, TIME, required=True, csv=("end", "end time", "until", "to")),
    Field("duration", _TIMED, MINUTES, csv=("duration", "duration (min)", "duration (minutes)", "length", "minutes",
                                             "min")),
    Field("date", _TIMED, DATE, csv=("date", "day")),
    Field("room", _TIMED, TEXT, csv=("room", "location", "hall")),
    Field("speakers", _ENTRY, SPEAKER_SLUGS, csv=("speakers", "speaker", "speaker(s)", "presenter", "presenters",
                                                  "authors", "author")),
    Field("moderators", _ENTRY, SPEAKER_SLUGS, csv=("moderators", "moderator")),
    Field("chairs", (SESSION,), SPEAKER_SLUGS, csv=("chairs", "chair", "session chair", "session chairs")),
    Field("slides", _ENTRY, URL_OR_FILE, csv=("slides",)),
    Field("video", _ENTRY, URL_OR_FILE, csv=("video", "recording")),
    Field("recording", _ENTRY, TRUE_OR_FALSE),
    Field("links", _ENTRY, TITLED_LINKS),
    # the CSV's session column names a session: the import makes its id, and the session of its rows
    Field("session", _ENTRY, "a session id", csv=("session", "session title")),
    Field("track", _TIMED, TEXT, csv=("track",)),
    Field("status", _ENTRY, f"one of {', '.join(STATUSES)}", csv=("status",)),
    Field("language", _ENTRY, "a BCP 47 language tag", csv=("language", "lang", "sprache", "langue", "idioma")),
    Field("stream", _TIMED, WEB_ADDRESS),
    # a speaker
    Field("name", (SPEAKER,), TEXT, required=True),
    Field("family_name", (SPEAKER,), TEXT),
    Field("sort_name", (SPEAKER,), TEXT),
    Field("honorific", (SPEAKER,), TEXT),
    Field("affiliation", (SPEAKER,), TEXTS, required=True, csv=(
        "affiliations", "affiliation", "affiliation(s)", "institution", "institutions", "organisation", "organization")),
    Field("position", (SPEAKER,), TEXT),
    Field("photo", (SPEAKER,), PROJECT_FILE),
    Field("email", (SPEAKER,), "an e-mail address"),
    Field("links", (SPEAKER,), "a mapping of names to http(s) URLs"),
    # the program
    Field("items", (PROGRAM,), "a list of entries"),
    Field("sessions", (PROGRAM,), "a list of sessions"),
)


def fields_of(block: str) -> tuple[Field, ...]:
    """The fields of ``block`` (one of :data:`BLOCKS`), in the table's order."""
    return tuple(field for field in FIELDS if block in field.blocks)


def keys_of(block: str) -> frozenset[str]:
    """The keys ``block`` may hold: any other is an unknown key."""
    return frozenset(field.key for field in fields_of(block))


SPEAKER_KEYS = keys_of(SPEAKER)
TALK_KEYS = keys_of(TALK)
PROGRAM_KEYS = keys_of(PROGRAM)
ITEM_KEYS = keys_of(ITEM)
SESSION_KEYS = keys_of(SESSION)
