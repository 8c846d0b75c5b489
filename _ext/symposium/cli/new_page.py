"""``symposium new talk|speaker SLUG``: a new page with its front-matter filled in.

Values come from options (``--title``, ``--start``...) and, for what is missing when
standard input is a terminal, from questions. The page is checked before it is written,
with the check the build makes (:func:`.check.check_site`, over the site as it is plus
the new page): a bad slug, an unknown speaker or a bad time is refused with the
build's own message, and nothing is written. An existing file is never overwritten.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..environment.config import event_of
from ..model.entities import SLUG, TALK_TYPES
from ..model.pages import SPEAKERS_DIR, TALKS_DIR, read_page

PREVIEW = "http://127.0.0.1:8000"


@dataclass(frozen=True)
class Key:
    """A front-matter key as the template writes it: an example and what it is for."""

    example: str
    help: str


#: The optional keys of each block, written as comments in a new page (every key the
#: model reads that the options do not fill in; a test keeps this in step with model/fields.py).
OPTIONAL_TALK_KEYS: dict[str, Key] = {
    "label": Key("Featured Speaker", "shown instead of the type's own label"),
    "date": Key("{date}", "defaults to symposium_date in conf.py"),
    "speakers": Key("[{speaker}]", "speaker slugs: file names of pages in speakers/"),
    "moderators": Key("[{moderator}]", "speaker slugs"),
    "room": Key("{room}", "defaults to symposium_room in conf.py"),
    "slides": Key("https://example.org/slides.pdf", "an http(s) URL or a file under _static/"),
    "video": Key("https://www.youtube.com/watch?v=VIDEO_ID",
                 "YouTube, Vimeo, av.tib.eu, media.ccc.de or a video file under _static/: a player on the page"),
    "recording": Key("false", "for a talk that must not be recorded; default true"),
    "links": Key("\n  #   - {title: Workshop report, url: https://arxiv.org/abs/0000.00000}", "more material"),
    "session": Key("s1", "a conference's session (program: sessions:): its day, room and track"),
    "board": Key("12", "a poster's board in its session (type: poster only)"),
    "track": Key("AI", "a conference's track"),
    "status": Key("cancelled", "scheduled (the default) | cancelled | tba (to be announced)"),
    "language": Key("de", "the language the talk is given in (BCP 47: de, fr, pt-BR); default: the site's"),
    "stream": Key("https://stream.example.org/keynote", "where the talk is streamed, over its room's stream"),
}
OPTIONAL_SPEAKER_KEYS: dict[str, Key] = {
    "family_name": Key("Ferreira da Silva", "for citations, when the family name is not the name's last word"),
    "sort_name": Key("Gogh", "what speaker lists sort by, when not the family name"),
    "honorific": Key("Dr.", "shown before the name"),
    "position": Key("Professor of Computer Science", "the speaker's role"),
    "photo": Key("_static/speakers/{slug}.jpg", "a file under _static/ (never a web address)"),
    "email": Key("someone@example.org", "shown obfuscated, never as a link"),
    "links": Key("\n  #   homepage: https://example.org/\n  #   orcid: https://orcid.org/0000-0000-0000-0000",
                 "name -> http(s) URL"),
}
#: what the examples of a talk's keys name when the site has no speaker or room yet (never another event's)
NEUTRAL_EXAMPLES = {"speaker": "jane-doe", "moderator": "jane-doe", "room": "Hall A", "date": "2026-06-02"}


def site_examples(speakers: Sequence[str], rooms: Sequence[str], room: str, date: str) -> dict[str, str]:
    """The examples of a new talk's keys from this site: its own speakers and rooms, its day."""
    return {"speaker": speakers[0] if speakers else NEUTRAL_EXAMPLES["speaker"],
            "moderator": speakers[-1] if speakers else NEUTRAL_EXAMPLES["moderator"],
            "room": next((name for name in (*rooms, room) if name), NEUTRAL_EXAMPLES["room"]),
            "date": date or NEUTRAL_EXAMPLES["date"]}


class Refused(Exception):
    """The page is not written; says why."""


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML value that reads back as that very text (quoted only when it must be)."""
    plain = text.strip()
    try:
        reads_as = yaml.safe_load(plain)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):  # 2025-11-31 is a date YAML cannot build
        reads_as = None
    if reads_as == plain and "#" not in plain and not plain.startswith(("'", '"')):
        return plain
    return yaml_quoted(plain)


#: what YAML reads as a line break, or refuses in a stream (PyYAML's printable set is narrower than JSON's)
_NOT_IN_YAML = re.compile(r"[^\x09\x0A\x0D\x20-\x7E\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]|[\u2028\u2029\uFEFF]")


def yaml_quoted(text: str) -> str:
    """``text`` in double quotes, which YAML reads back as that very text whatever it holds."""
    return _NOT_IN_YAML.sub(lambda m: f"\\u{ord(m[0]):04x}", json.dumps(text, ensure_ascii=False))


def yaml_list(slugs: Sequence[str]) -> str:
    return "[" + ", ".join(yaml_scalar(slug) for slug in slugs) + "]"


def split_list(text: str | None) -> list[str]:
    """``a, b c`` -> ``["a", "b", "c"]``."""
    return [part for part in (text or "").replace(",", " ").split() if part]


# -- the pages ----------------------------------------------------------------------------------


def talk_page(values: dict[str, str], title: str, *, date: str = "", types: Sequence[str] = tuple(TALK_TYPES),
              examples: dict[str, str] | None = None) -> str:
    """The text of a talk page: given keys filled in, every other key as a comment (its example from
    ``examples``, :func:`site_examples`; neutral ones without)."""
    examples = {**NEUTRAL_EXAMPLES, **(examples or {}), **({"date": date} if date else {})}
    lines = ["---", "talk:"]
    given: dict[str, str] = {"type": values["type"], "start": values["start"]}
    if values.get("duration"):
        given["duration"] = values["duration"]
    else:
        given["end"] = values["end"]
    for key in OPTIONAL_TALK_KEYS:
        if values.get(key):
            given[key] = values[key]
    comments = {"type": " | ".join(types), "start": "event-local: 9:30, \"14:05\" or \"2:05 PM\"",
                "end": "or `duration: 30` (minutes) instead", "duration": "minutes, or an `end` time instead"}
    for key, value in given.items():
        # lists are written as lists; a whole number of minutes as a number
        raw = key in {"speakers", "moderators"} or (key == "duration" and value.strip().isdigit())
        text = value.strip() if raw else yaml_scalar(value)
        note = comments.get(key) or OPTIONAL_TALK_KEYS[key].help
        lines.append(_with_comment(f"  {key}: {text}", note))
    lines += _optional_comments(OPTIONAL_TALK_KEYS, given, slug="", examples=examples)
    lines += ["---", f"# {title}", "", "The abstract, in Markdown: what the talk is about, in a paragraph or two.", ""]
    return "\n".join(lines)


def speaker_page(values: dict[str, str], slug: str) -> str:
    lines = ["---", "speaker:", _with_comment(f"  name: {yaml_scalar(values['name'])}", "as the heading below says it")]
    affiliations = values["affiliation"]
    affiliation = yaml_scalar(affiliations[0]) if len(affiliations) == 1 else yaml_list(affiliations)
    lines.append(_with_comment(f"  affiliation: {affiliation}", "text, or a list [First, Second]"))
    given = {"name": values["name"]}
    for key in OPTIONAL_SPEAKER_KEYS:
        if values.get(key):
            given[key] = values[key]
            lines.append(_with_comment(f"  {key}: {yaml_scalar(values[key])}", OPTIONAL_SPEAKER_KEYS[key].help))
    lines += _optional_comments(OPTIONAL_SPEAKER_KEYS, given, slug=slug)
    lines += ["---", f"# {values['name']}", "", "A short biography in Markdown.", ""]
    return "\n".join(lines)


def _with_comment(line: str, note: str) -> str:
    return f"{line.ljust(40)} # {note}"


def _optional_comments(keys: dict[str, Key], given: dict[str, str], *, slug: str,
                       examples: dict[str, str] | None = None) -> list[str]:
    lines = []
    for key, spec in keys.items():
        if key in given:
            continue
        example = spec.example.replace("{slug}", slug)
        for name, value in (examples or {}).items():
            example = example.replace(f"{{{name}}}", value)
        if example.startswith("\n"):
            lines.append(_with_comment(f"  # {key}:", f"optional: {spec.help}") + example)
        else:
            lines.append(_with_comment(f"  # {key}: {example}", f"optional: {spec.help}"))
    return lines


# -- asking -------------------------------------------------------------------------------------


Ask = Callable[[str], str]


def _ask_missing(kind: str, values: dict, ask: Ask | None, known_speakers: list[str],
                 types: Sequence[str] = tuple(TALK_TYPES)) -> None:
    """Ask for each required value that no option gave; without a terminal, say which options to give."""
    questions: list[tuple[str, str, str]] = []  # (key, option, question)
    if kind == "talk":
        questions = [
            ("title", "--title", "Title of the talk"),
            ("type", "--type", f"Type ({', '.join(types)})"),
            ("start", "--start", 'Start, event-local (9:30, "14:05" or "2:05 PM")'),
            ("end", "--end", "End (10:00), or the length in minutes (30)"),
        ]
        if ask is not None and not values.get("speakers"):
            shown = ", ".join(known_speakers[:12]) + (", ..." if len(known_speakers) > 12 else "")
            questions.append(("speakers", "--speakers", f"Speakers, slugs separated by commas ({shown}); empty for none"))
    else:
        questions = [
            ("name", "--name", "Name, as the site shows it"),
            ("affiliation", "--affiliation", "Affiliation (several: separate them with ';')"),
        ]

    def unanswered() -> list[tuple[str, str, str]]:
        return [q for q in questions if not values.get(q[0]) and not (q[0] == "end" and values.get("duration"))]

    missing = unanswered()
    if not missing:
        return
    if ask is None:
        options = " ".join(f"{option} ..." for key, option, _ in missing if key != "speakers")
        raise Refused(f"missing values: give {options} (or run this in a terminal to be asked)")
    for key, _, question in missing:
        answer = ask(f"{question}: ").strip()
        if key == "end" and answer.isdigit():
            values["duration"] = answer
        elif key == "speakers":
            values[key] = split_list(answer)
        elif key == "affiliation":
            values[key] = [part.strip() for part in answer.split(";") if part.strip()]
        else:
            values[key] = answer
    still = [option for key, option, _ in unanswered() if key != "speakers"]
    if still:
        raise Refused(f"no value for {', '.join(still)}; nothing written")


# -- the command --------------------------------------------------------------------------------


def new_page(kind: str, slug: str, values: dict, *, srcdir: Path = Path("."), ask: Ask | None = None) -> Path:
    """Write ``talks/<slug>.md`` or ``speakers/<slug>.md`` and return its path; raise :class:`Refused`."""
    from .check import check_site, read_config

    folder = TALKS_DIR if kind == "talk" else SPEAKERS_DIR
    relative = f"{folder}{slug}.md"
    target = srcdir / relative
    if target.exists():
        raise Refused(f"{relative} exists already; nothing written (edit it, or choose another slug)")
    if "/" in slug or "\\" in slug or slug.startswith("."):
        raise Refused(f"{slug!r} is not a slug: the slug is a file name, without folders; nothing written")
    config, _ = read_config(srcdir)
    event = event_of(config)
    if not SLUG.match(slug):
        # the build's own words, before any question is asked
        page = read_page(f"{folder}{slug}", None, title="", event=event, file_exists=lambda _: False)
        words = [problem.message for problem in page.problems if "is not a slug" in problem.message]
        raise Refused(f"{relative}:1: {words[0] if words else 'not a slug'} [symposium.frontmatter]; nothing written")
    known = sorted(path.stem for path in (srcdir / SPEAKERS_DIR).glob("*.md") if path.stem != "index")
    # the talk types of this site: the built-in ones and those conf.py's symposium_types adds
    types = [name for name, kind_of in event.types.items() if kind_of.has_page]
    _ask_missing(kind, values, ask, known, types)
    if kind == "talk":
        for key in ("speakers", "moderators"):
            if values.get(key):
                values[key] = yaml_list(values[key])
        examples = site_examples(known, event.rooms, event.room, str(config.symposium_date))
        text = talk_page(values, values["title"].strip(), date=str(config.symposium_date), types=types,
                         examples=examples)
    else:
        if photo := _existing_photo(srcdir, slug):
            values.setdefault("photo", photo)
        text = speaker_page(values, slug)
    before = set(check_site(srcdir))
    new = [finding for finding in check_site(srcdir, extra={relative: text}) if finding not in before]
    if new:
        lines = "\n".join(f"  {finding.format()}" for finding in new)
        raise Refused(f"{relative} would give the build these warnings; nothing written:\n{lines}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as out:  # "x": never overwrite, even if it appeared meanwhile
        out.write(text)
    return target


def _existing_photo(srcdir: Path, slug: str) -> str:
    for suffix in (".jpg", ".jpeg", ".png", ".webp", ".svg"):
        path = f"_static/speakers/{slug}{suffix}"
        if (srcdir / path).is_file():
            return path
    return ""


def next_steps(kind: str, slug: str, relative: str) -> str:
    what = ("write the abstract below the title" if kind == "talk" else "write the biography below the name")
    url = f"{PREVIEW}/{'talks' if kind == 'talk' else 'speakers'}/{slug}/"
    return (
        f"Wrote {relative}.\n"
        "Next:\n"
        f"  1. Edit {relative}: {what}; uncomment any optional key you need.\n"
        "  2. Check it:  .venv/bin/nox -s check    (or: python tools/symposium.py check)\n"
        f"  3. Preview:   .venv/bin/nox -s serve    then open {url}\n"
        "  4. Before the pull request: .venv/bin/nox -s docs (zero warnings)"
    )


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="symposium new",
        description="Write a new talk or speaker page with its front-matter filled in, checked as the build "
                    "checks it. Asks for missing values when run in a terminal.",
    )
    parser.add_argument("kind", choices=["talk", "speaker"])
    parser.add_argument("slug", help="the file name without .md, such as 'jane-doe': lower-case words joined by '-'")
    parser.add_argument("--srcdir", type=Path, default=Path("."), help="the site's source directory (default: .)")
    parser.add_argument("--no-input", action="store_true", help="never ask; refuse when a value is missing")
    talk = parser.add_argument_group("a talk")
    talk.add_argument("--title", help="the talk's title (its page's heading)")
    # no fixed choices: conf.py's symposium_types may add types, and the page is checked as the build would
    talk.add_argument("--type", metavar="TYPE", help=" | ".join(TALK_TYPES) + ", or a talk type of symposium_types")
    talk.add_argument("--start", help='event-local: 9:30, "14:05" or "2:05 PM"')
    length = talk.add_mutually_exclusive_group()
    length.add_argument("--end", help="the end time")
    length.add_argument("--duration", help="the length in minutes, instead of --end")
    talk.add_argument("--speakers", help="speaker slugs, separated by commas")
    talk.add_argument("--moderators", help="speaker slugs, separated by commas")
    for key in ("label", "date", "room", "slides", "video", "session", "track"):
        talk.add_argument(f"--{key}", help=OPTIONAL_TALK_KEYS[key].help)
    speaker = parser.add_argument_group("a speaker")
    speaker.add_argument("--name", help="the speaker's name, as the site shows it")
    speaker.add_argument("--affiliation", action="append", help="repeat for several")
    for key in ("honorific", "position", "photo", "email"):
        speaker.add_argument(f"--{key}", help=OPTIONAL_SPEAKER_KEYS[key].help)
    return parser


TALK_OPTIONS = ("title", "type", "start", "end", "duration", "speakers", "moderators", "label", "date", "room",
                "slides", "video", "session", "track")
SPEAKER_OPTIONS = ("name", "affiliation", "honorific", "position", "photo", "email")


def main(argv: Sequence[str] | None = None, *, ask: Ask | None = None) -> int:
    args = parser().parse_args(argv)
    own, other = (TALK_OPTIONS, SPEAKER_OPTIONS) if args.kind == "talk" else (SPEAKER_OPTIONS, TALK_OPTIONS)
    stray = [f"--{name}" for name in other if name not in own and getattr(args, name) is not None]
    if stray:
        print(f"symposium new: {' '.join(stray)} is for a {'speaker' if args.kind == 'talk' else 'talk'}, "
              f"not a {args.kind}", file=sys.stderr)
        return 2
    values = {name: getattr(args, name) for name in own if getattr(args, name) is not None}
    for key in ("speakers", "moderators"):
        if key in values:
            values[key] = split_list(values[key])
    if ask is None and not args.no_input and sys.stdin.isatty():
        ask = input
    relative = f"{TALKS_DIR if args.kind == 'talk' else SPEAKERS_DIR}{args.slug}.md"
    try:
        new_page(args.kind, args.slug, values, srcdir=args.srcdir, ask=None if args.no_input else ask)
    except Refused as err:
        print(f"symposium new: {err}", file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\nsymposium new: nothing written", file=sys.stderr)
        return 1
    print(next_steps(args.kind, args.slug, relative))
    return 0
