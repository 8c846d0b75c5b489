"""How the extension scales: a synthetic conference built with it, and the same pages without it.

    python benchmarks/build_benchmark.py [--sizes 250,500,1000,2000] [--jobs 1,2] [--repeat 3]
                                         [--quick] [--json _build/bench.json] [--seed 2026]
    python benchmarks/build_benchmark.py --write 1000 DIR     # only write the conference

For each size N (talks), a seeded generator writes a conference in the contract's format
(DESIGN.md section 1): N talks with 1-3 speakers each, 1.5 N speakers, N/5 sessions with
chairs and tracks, up to 40 rooms and 5 days, titles and abstracts of realistic length from
a vocabulary made up in code, and listing pages (the program, one page per day and per track,
the talk index, the speaker index, the home page). It is written twice:

  (a) with the extension: the directives in place, ``symposium`` loaded;
  (b) the floor: the same files, front-matter kept (MyST still parses it), the directives
      removed and the extension not loaded, so talks and speakers are plain pages.

Both use pydata-sphinx-theme as the site does. Each build is ``sphinx-build -E -b dirhtml``
into a fresh output directory, a and b alternating (a b, b a, ...), at every ``-j``; the
table gives the medians, the ratio a/b, milliseconds per page and peak memory. Then, on the
last fresh build with the extension (-j 1), incremental builds after editing one talk's
time, one speaker's name and one session's room: seconds, documents re-read and pages
written. Finally the exports of the largest N are validated against ../shared/validators/.

Figures, not a test: the targets are printed beside them. The run fails (exit 1) only
when a build is not clean (any warning), or an export does not validate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from itertools import accumulate, pairwise
from pathlib import Path
from typing import ClassVar

REPO = Path(__file__).resolve().parent.parent
VALIDATORS = REPO.parent / "shared" / "validators"

#: the targets from the issue
MAX_RATIO = 1.15  # full build with the extension / the floor, at every N
MAX_PER_PAGE_GROWTH = 1.2  # time per page at the largest N / at the smallest
RATIO_GROWTH_TOLERANCE = 1.05  # "not growing with N", within the noise of a few runs

FIRST_DAY = dt.date(2026, 6, 1)
#: the session blocks of a day
BLOCKS = (
    (dt.time(9, 0), dt.time(10, 30)),
    (dt.time(11, 0), dt.time(12, 30)),
    (dt.time(14, 0), dt.time(15, 30)),
    (dt.time(16, 0), dt.time(17, 30)),
)
SESSION_MINUTES = 90
#: talk types and how often they occur
TALK_TYPES = (("contributed", 75), ("invited", 14), ("lightning", 6), ("tutorial", 3), ("panel", 2))
POSITIONS = (
    "Professor",
    "Associate Professor",
    "Assistant Professor",
    "Research Scientist",
    "Senior Engineer",
    "Postdoctoral Researcher",
    "PhD Student",
    "Group Leader",
    "Staff Scientist",
)


# -- text: a vocabulary made up from syllables, words drawn by Zipf's law ----------------------------


class Text:
    """Words, titles, sentences and names from one seeded generator; no prose from anywhere."""

    ONSETS = (
        "b",
        "c",
        "d",
        "f",
        "g",
        "h",
        "k",
        "l",
        "m",
        "n",
        "p",
        "r",
        "s",
        "t",
        "v",
        "z",
        "br",
        "tr",
        "st",
        "pl",
        "gr",
        "kl",
        "sh",
        "th",
        "ch",
        "",
    )
    VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ou", "ea", "io")
    CODAS = ("", "", "", "n", "r", "s", "t", "l", "m", "x", "nd", "st")
    ACCENTS: ClassVar[dict[str, str]] = {"e": "é", "u": "ü", "o": "ø", "a": "å"}

    def __init__(self, rng: random.Random, size: int = 4000) -> None:
        self.rng = rng
        words: list[str] = []
        seen: set[str] = set()
        while len(words) < size:
            # the frequent words are short, as in any language
            rank = len(words)
            syllables = 1 if rank < 60 else rng.choices((1, 2, 3, 4), (2, 5, 4, 1))[0]
            word = self.word(syllables)
            if word not in seen and len(word) > 1:
                seen.add(word)
                words.append(word)
        self.words = words
        self.cumulative = list(accumulate(1 / (rank + 1) for rank in range(size)))

    def word(self, syllables: int) -> str:
        rng = self.rng
        text = "".join(rng.choice(self.ONSETS) + rng.choice(self.VOWELS) for _ in range(syllables))
        return text + rng.choice(self.CODAS)

    def draw(self, count: int, *, content: bool = False) -> list[str]:
        """``count`` words by frequency; ``content`` words leave out the 60 most frequent."""
        low = self.cumulative[59] if content else 0.0
        total = self.cumulative[-1]
        return [self.words[bisect(self.cumulative, low + self.rng.random() * (total - low))] for _ in range(count)]

    def sentence(self) -> str:
        words = self.draw(self.rng.randint(8, 24))
        if len(words) > 12 and self.rng.random() < 0.4:
            words[self.rng.randint(4, len(words) - 5)] += ","
        return " ".join(words).capitalize() + "."

    def paragraphs(self, low: int, high: int, most: int = 3) -> list[str]:
        """Between ``low`` and ``high`` words, in one to ``most`` paragraphs."""
        target = self.rng.randint(low, high)
        sentences, count = [], 0
        while count < target:
            sentences.append(self.sentence())
            count += len(sentences[-1].split())
        parts = min(most, max(1, len(sentences) // 4), self.rng.randint(1, most))
        cuts = sorted(self.rng.sample(range(1, len(sentences)), parts - 1)) if parts > 1 else []
        bounds = [0, *cuts, len(sentences)]
        return [" ".join(sentences[a:b]) for a, b in pairwise(bounds)]

    def title(self) -> str:
        words = [w.capitalize() if len(w) > 3 else w for w in self.draw(self.rng.randint(5, 12), content=True)]
        words[0] = words[0].capitalize()
        if self.rng.random() < 0.25:
            cut = self.rng.randint(2, 4)
            words[cut - 1] += ":"
            words[cut] = words[cut].capitalize()
        return " ".join(words)

    def proper(self, syllables: int) -> str:
        return self.word(syllables).capitalize()

    def person(self) -> str:
        first = self.proper(self.rng.choice((1, 2, 2, 3)))
        last = self.proper(self.rng.choice((2, 2, 3)))
        if self.rng.random() < 0.06:  # some names are not ASCII
            vowel = next((v for v in self.ACCENTS if v in last[1:]), None)
            if vowel:
                last = last[0] + last[1:].replace(vowel, self.ACCENTS[vowel], 1)
        return f"{first} {last}"


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name.replace("ø", "o")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


# -- the conference --------------------------------------------------------------------------------


@dataclass
class Speaker:
    slug: str
    name: str
    affiliation: str
    position: str
    homepage: bool
    bio: list[str]


@dataclass
class Session:
    id: str
    title: str
    day: int
    block: int
    room: str
    track: str
    chairs: list[str] = field(default_factory=list)
    talks: list[str] = field(default_factory=list)

    @property
    def start(self) -> dt.time:
        return BLOCKS[self.block][0]


@dataclass
class Talk:
    slug: str
    title: str
    type: str
    session: str
    start: dt.time
    end: dt.time
    speakers: list[str]
    abstract: list[str]


@dataclass
class Conference:
    talks: dict[str, Talk]
    speakers: dict[str, Speaker]
    sessions: dict[str, Session]
    days: int
    rooms: list[str]
    tracks: list[str]
    #: the people who open each day (program items without a page)
    hosts: list[str]
    keynote_speakers: list[str]
    #: free (day, block) -> rooms, for moving a session
    free_rooms: dict[tuple[int, int], list[str]]
    title: str = "Synthetic Workflows Conference 2026"

    @property
    def pages(self) -> int:
        return len(self.talks) + len(self.speakers) + len(self.listing_pages())

    def day(self, index: int) -> dt.date:
        return FIRST_DAY + dt.timedelta(days=index)

    def day_page(self, index: int) -> str:
        return f"program/day-{index + 1}"

    def track_page(self, track: str) -> str:
        return f"program/track-{self.tracks.index(track) + 1}"

    def listing_pages(self) -> list[str]:
        return (
            ["index", "program/index", "talks/index", "speakers/index"]
            + [self.day_page(d) for d in range(self.days)]
            + [self.track_page(t) for t in self.tracks]
        )


def plus_minutes(time_: dt.time, minutes: int) -> dt.time:
    return (dt.datetime.combine(FIRST_DAY, time_) + dt.timedelta(minutes=minutes)).time()


def generate(talk_count: int, seed: int) -> Conference:
    """A conference of ``talk_count`` talks; the same seed gives the same conference."""
    rng = random.Random(f"{seed}-{talk_count}")
    text = Text(rng)
    session_count = max(1, round(talk_count / 5))
    speaker_count = max(2, round(1.5 * talk_count))
    days = min(5, max(1, math.ceil(talk_count / 400)))
    # about two sessions per room and day, in four blocks: rooms are often free
    room_count = min(40, max(2, math.ceil(session_count / (2 * days))))
    if session_count > room_count * days * len(BLOCKS):
        raise SystemExit(f"{talk_count} talks do not fit in {room_count} rooms over {days} days")
    rooms = [f"Hall {c}" for c in "ABCD"][:room_count] + [f"Room {101 + i}" for i in range(room_count - 4)]
    tracks: list[str] = []
    while len(tracks) < min(8, max(2, session_count // 8)):
        name = " ".join(w.capitalize() for w in text.draw(rng.choice((1, 2)), content=True))
        if name not in tracks:
            tracks.append(name)

    speakers: dict[str, Speaker] = {}
    names: set[str] = set()
    institutions = [
        rng.choice(
            (
                "University of {}",
                "{} Institute of Technology",
                "{} National Laboratory",
                "{} Research Centre",
                "{} University",
            )
        ).format(text.proper(rng.choice((2, 3))))
        for _ in range(max(10, speaker_count // 8))
    ]
    while len(speakers) < speaker_count:
        name = text.person()
        slug = slugify(name)
        if name in names or slug in speakers or not slug:
            continue
        names.add(name)
        speakers[slug] = Speaker(
            slug,
            name,
            rng.choice(institutions),
            rng.choice(POSITIONS) if rng.random() < 0.4 else "",
            rng.random() < 0.3,
            text.paragraphs(40, 120, most=2),
        )

    # sessions: every block of every day has one (a day has no gap longer than 90 minutes), the
    # rest spread over the free (day, block, room) slots
    slots = [(d, b, r) for d in range(days) for b in range(len(BLOCKS)) for r in rooms]
    first = [(d, b, rooms[(d + b) % room_count]) for d in range(days) for b in range(len(BLOCKS))]
    rest = [s for s in slots if s not in set(first)]
    rng.shuffle(rest)
    taken = sorted((first + rest)[:session_count], key=lambda s: (s[0], s[1], rooms.index(s[2])))
    free_rooms: dict[tuple[int, int], list[str]] = {}
    for d, b, r in set(slots) - set(taken):
        free_rooms.setdefault((d, b), []).append(r)
    sessions: dict[str, Session] = {}
    for number, (d, b, room) in enumerate(taken, start=1):
        sid = f"s{number:03d}"
        track = rng.choice(tracks) if rng.random() < 0.9 else ""
        sessions[sid] = Session(sid, f"Session {number}: {text.title()}", d, b, room, track)

    # talks per session: five on average, four to six
    counts = [talk_count // session_count + (i < talk_count % session_count) for i in range(session_count)]
    for _ in range(session_count // 2):
        i, j = rng.randrange(session_count), rng.randrange(session_count)
        if counts[i] > 4 and counts[j] < 6 and i != j:
            counts[i] -= 1
            counts[j] += 1

    talks: dict[str, Talk] = {}
    kinds, weights = zip(*TALK_TYPES, strict=True)
    for session, count in zip(sessions.values(), counts, strict=True):
        slot = SESSION_MINUTES // count
        for k in range(count):
            title = text.title()
            slug = slugify(" ".join(title.split()[:5]))[:60].strip("-")
            while slug in talks or not slug:
                slug = f"{slug}-{rng.randint(2, 99)}"
            start = plus_minutes(session.start, k * slot)
            talks[slug] = Talk(
                slug,
                title,
                rng.choices(kinds, weights)[0],
                session.id,
                start,
                plus_minutes(start, slot - 3),
                [],
                text.paragraphs(120, 250),
            )
            session.talks.append(slug)
    # one keynote a day: the first talk of a session in the day's first block
    keynote_speakers: list[str] = []
    for d in range(days):
        opener = next(s for s in sessions.values() if s.day == d and s.block == 0)
        talks[opener.talks[0]].type = "keynote"

    # speakers, nobody in two places at once: one session per person and (day, block)
    booked: dict[str, dict[tuple[int, int], str]] = {slug: {} for slug in speakers}
    unused = list(speakers)
    rng.shuffle(unused)

    def free(slug: str, session: Session) -> bool:
        return booked[slug].get((session.day, session.block), session.id) == session.id

    def book(slug: str, session: Session) -> None:
        booked[slug][(session.day, session.block)] = session.id

    order = list(talks.values())
    rng.shuffle(order)
    for talk in order:
        session = sessions[talk.session]
        wanted = rng.choices((1, 2, 3), (55, 30, 15))[0]
        for _ in range(100):
            if len(talk.speakers) == wanted:
                break
            slug = unused.pop() if unused else rng.choice(list(speakers))
            if slug not in talk.speakers and free(slug, session):
                talk.speakers.append(slug)
                book(slug, session)
        if talk.type == "keynote":
            keynote_speakers += talk.speakers
    everyone = list(speakers)
    for session in sessions.values():
        while len(session.chairs) < rng.choice((1, 1, 1, 2)):
            slug = rng.choice(everyone)
            if slug not in session.chairs and free(slug, session):
                session.chairs.append(slug)
                book(slug, session)
    # the people who open each day: nobody else is booked before 9:00
    hosts = everyone[:2]
    return Conference(talks, speakers, sessions, days, rooms, tracks, hosts, keynote_speakers[:12], free_rooms)


# -- the pages -------------------------------------------------------------------------------------

#: the site's own theme and layout choices (conf.py), for both builds
THEME = """\
project = {title!r}
author = "The organisers"
copyright = "2026, The organisers"
exclude_patterns = ["_build"]
html_baseurl = "https://conference.example.org/"
html_theme = "pydata_sphinx_theme"
html_title = project
html_copy_source = False
html_show_sourcelink = False
html_use_index = False
html_sidebars = {{"**": []}}
html_context = {{"default_mode": "light"}}
html_theme_options = {{
    "navbar_align": "left",
    "navbar_end": ["theme-switcher"],
    "secondary_sidebar_items": [],
    "show_prev_next": False,
    "footer_start": ["copyright"],
    "footer_end": [],
}}
myst_enable_extensions = ["colon_fence"]
"""

SYMPOSIUM = """\
import sys
sys.path.insert(0, {ext!r})
extensions = ["myst_parser", "symposium"]
symposium_date = "{first}"
symposium_end_date = "{last}"
symposium_timezone = "Europe/Berlin"
symposium_venue = "Congress Centre, Hamburg, Germany"
symposium_rooms = {rooms!r}
symposium_tracks = {tracks!r}
symposium_day_change = "04:00"
"""

FLOOR = """\
extensions = ["myst_parser"]
"""


def y(value: str) -> str:
    """A YAML scalar: JSON's double-quoted string is YAML too."""
    return json.dumps(value, ensure_ascii=False)


def hhmm(time_: dt.time) -> str:
    return f"{time_.hour}:{time_.minute:02d}"


def directive(name: str, *options: str) -> str:
    return "\n".join([f"```{{{name}}}", *options, "```"])


def toctree(*entries: str) -> str:
    return "\n".join(["```{toctree}", ":hidden:", *([":glob:"] if entries == ("*",) else []), "", *entries, "```"])


def page(body: list[str | None]) -> str:
    return "\n\n".join(part for part in body if part is not None) + "\n"


def write_site(conference: Conference, root: Path, extension: bool) -> None:
    """The conference's pages under ``root``; without ``extension``, the floor."""
    c = conference

    def use(name: str, *options: str) -> str | None:
        return directive(name, *options) if extension else None

    files: dict[str, str] = {}
    event = SYMPOSIUM.format(
        ext=str(REPO / "_ext"), first=c.day(0), last=c.day(c.days - 1), rooms=c.rooms, tracks=c.tracks
    )
    files["conf.py"] = THEME.format(title=c.title) + (event if extension else FLOOR)
    intro = Text(random.Random(len(c.talks))).paragraphs(60, 90, most=1)[0]
    files["index.md"] = page(
        [
            f"# {c.title}",
            intro,
            "## Keynote speakers",
            use("speaker-list", f":only: {' '.join(c.keynote_speakers)}"),
            toctree("program/index", "talks/index", "speakers/index"),
        ]
    )
    items = [
        f"    - {{date: {c.day(d)}, start: 8:30, end: 9:00, title: {y(f'Opening of day {d + 1}')}, type: opening, "
        f"room: {y(c.rooms[0])}, speakers: [{', '.join(c.hosts)}]}}"
        for d in range(c.days)
    ]
    items.append(
        f"    - {{date: {c.day(0)}, start: 18:00, end: 20:00, title: Reception, type: social, room: {y(c.rooms[0])}}}"
    )
    files["program/index.md"] = page(
        [
            "---\nprogram:\n  items:\n" + "\n".join(items) + "\n---\n# Program",
            f"{len(c.talks)} talks in {len(c.sessions)} sessions, {len(c.rooms)} rooms and {c.days} days.",
            use("program-table"),
            use("program-downloads"),
            toctree(
                *[c.day_page(d).removeprefix("program/") for d in range(c.days)],
                *[c.track_page(t).removeprefix("program/") for t in c.tracks],
            ),
        ]
    )
    for d in range(c.days):
        lines = []
        for s in (s for s in c.sessions.values() if s.day == d):
            start, end = BLOCKS[s.block]
            track = f", track: {y(s.track)}" if s.track else ""
            lines.append(
                f"    - {{id: {s.id}, title: {y(s.title)}, date: {c.day(d)}, start: {hhmm(start)}, "
                f"end: {hhmm(end)}, room: {y(s.room)}, chairs: [{', '.join(s.chairs)}]{track}}}"
            )
        files[f"{c.day_page(d)}.md"] = page(
            [
                "---\nprogram:\n  sessions:\n" + "\n".join(lines) + f"\n---\n# Day {d + 1}: {c.day(d):%A %-d %B %Y}",
                use("program-table", f":day: {c.day(d)}"),
            ]
        )
    for t in c.tracks:
        files[f"{c.track_page(t)}.md"] = page([f"# Track: {t}", use("talk-list", f":track: {t}")])
    files["talks/index.md"] = page(["# Talks", use("talk-list"), toctree("*")])
    files["speakers/index.md"] = page(["# Speakers", use("speaker-list"), toctree("*")])
    for talk in c.talks.values():
        files[f"talks/{talk.slug}.md"] = page(
            [
                f"---\ntalk:\n  type: {talk.type}\n  session: {talk.session}\n  start: {hhmm(talk.start)}\n"
                f"  end: {hhmm(talk.end)}\n  speakers: [{', '.join(talk.speakers)}]\n---\n# {talk.title}",
                *talk.abstract,
            ]
        )
    for s in c.speakers.values():
        extra = f"  position: {y(s.position)}\n" if s.position else ""
        if s.homepage:
            extra += f"  links:\n    homepage: https://example.org/people/{s.slug}/\n"
        files[f"speakers/{s.slug}.md"] = page(
            [
                f"---\nspeaker:\n  name: {y(s.name)}\n  affiliation: {y(s.affiliation)}\n{extra}---\n# {s.name}",
                *s.bio,
            ]
        )
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


# -- one build -------------------------------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    return children


def tree_pss_kib(root: int) -> int:
    """The proportional set size of a process and its descendants (shared pages counted once)."""
    children, todo, total = _children(), [root], 0
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)
    return total


class TreeMemory(threading.Thread):
    """Samples a process tree's memory: ``sphinx-build -j 2`` forks workers."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kib = pid, interval, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            self.peak_kib = max(self.peak_kib, tree_pss_kib(self.pid))


@dataclass
class Build:
    seconds: float
    max_rss_mib: float  # of the largest process (ru_maxrss: the build, or one of its workers)
    tree_mib: float | None  # peak of the whole tree, sampled (-j > 1 only)
    stdout: str
    stderr: str
    #: the build's processor time (user and system, its waited-for children included): on a shared
    #: machine, steadier than the wall clock
    cpu_seconds: float = 0.0


def sphinx_build(src: Path, out: Path, jobs: int, *, fresh: bool, quiet: bool = True) -> Build:
    """``sphinx-build -b dirhtml`` in its own process; fails on any warning or error."""
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "dirhtml",
        "-j",
        str(jobs),
        "-d",
        str(out / "doctrees"),
        str(src),
        str(out / "html"),
    ]
    if fresh:
        command.insert(3, "-E")
    if quiet:
        command.insert(3, "-q")
    out.mkdir(parents=True, exist_ok=True)
    log_out, log_err = out / "stdout.txt", out / "stderr.txt"
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    with log_out.open("w") as stdout, log_err.open("w") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env)
        sampler = TreeMemory(process.pid) if jobs > 1 else None
        if sampler:
            sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if sampler:
            sampler.done.set()
            sampler.join()
    build = Build(
        seconds,
        usage.ru_maxrss / 1024,
        sampler.peak_kib / 1024 if sampler else None,
        log_out.read_text(),
        log_err.read_text(),
        usage.ru_utime + usage.ru_stime,
    )
    problems = [line for line in build.stderr.splitlines() if re.search(r"WARNING|ERROR|CRITICAL|Traceback", line)]
    if process.returncode or problems:
        print(f"\n$ {' '.join(command)}\n... {build.stderr[-4000:]}", file=sys.stderr)
        raise SystemExit(
            f"the synthetic conference did not build cleanly (exit {process.returncode}, "
            f"{len(problems)} warnings or errors)"
        )
    return build


# -- fresh builds, a and b alternating -------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values)


def time_fresh(work: Path, sources: dict[str, Path], jobs: int, repeat: int, keep: Path | None) -> dict:
    """``repeat`` fresh builds of each variant, alternating; the last build with the extension is
    moved to ``keep`` (for the incremental builds and the exports)."""
    runs: dict[str, list[Build]] = {"a": [], "b": []}
    for r in range(repeat):
        for variant in ("a", "b") if r % 2 == 0 else ("b", "a"):
            out = work / f"out-{variant}"
            shutil.rmtree(out, ignore_errors=True)
            build = sphinx_build(sources[variant], out, jobs, fresh=True)
            runs[variant].append(build)
            print(f"    -j {jobs} {variant}: {build.seconds:6.1f} s, {build.max_rss_mib:5.0f} MiB", flush=True)
    if keep is not None:
        shutil.rmtree(keep, ignore_errors=True)
        (work / "out-a").rename(keep)
    for variant in "ab":
        shutil.rmtree(work / f"out-{variant}", ignore_errors=True)

    def summary(builds: list[Build]) -> dict:
        trees = [b.tree_mib for b in builds if b.tree_mib is not None]
        return {
            "seconds": [round(b.seconds, 3) for b in builds],
            "median_s": round(median([b.seconds for b in builds]), 3),
            "max_rss_mib": round(max(b.max_rss_mib for b in builds), 1),
            "tree_pss_mib": round(max(trees), 1) if trees else None,
        }

    return {"jobs": jobs, "a": summary(runs["a"]), "b": summary(runs["b"])}


# -- incremental builds ----------------------------------------------------------------------------

READING = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (.+)$", re.M)
WRITING = re.compile(r"^writing output\.\.\. \[\s*\d+%\] (.+)$", re.M)
UPDATING = re.compile(r"updating environment: (?:\[[^]]*\] )?(\d+) added, (\d+) changed, (\d+) removed")


def snapshot(html: Path) -> dict[str, int]:
    return {
        str(p.relative_to(html)): p.stat().st_mtime_ns
        for p in html.rglob("*")
        if p.is_file() and not p.relative_to(html).parts[0].startswith(("_static", ".doctrees"))
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if text.count(old) != 1:
        raise SystemExit(f"cannot edit {path}: {old!r} occurs {text.count(old)} times")
    path.write_text(text.replace(old, new), encoding="utf-8")


def edited_talk(c: Conference) -> tuple[Session, Talk]:
    """The talk whose time the incremental run edits: the middle talk of the middle session."""
    sessions = list(c.sessions.values())
    session = sessions[len(sessions) // 2]
    return session, c.talks[session.talks[len(session.talks) // 2]]


#: how far the incremental run moves the edited talk (its start and its end)
MOVED_MINUTES = 2


def talk_time_target(c: Conference) -> set[str]:
    """What the issue allows an edit of a talk's time to write: the talk, its speakers' pages,
    its session's listings (its day's page and its track's page), the pages that list
    everything (the program, the talk index, the home page), and the talks in other rooms whose
    "At the same time" lists it, before or after the move."""
    session, talk = edited_talk(c)
    moved = (plus_minutes(talk.start, MOVED_MINUTES), plus_minutes(talk.end, MOVED_MINUTES))
    return {
        f"talks/{talk.slug}",
        *(f"speakers/{s}" for s in talk.speakers),
        c.day_page(session.day),
        *([c.track_page(session.track)] if session.track else []),
        "program/index",
        "talks/index",
        "index",
        *(f"talks/{other.slug}" for other in at_the_same_time(c, session, (talk.start, talk.end), moved)),
    }


def at_the_same_time(c: Conference, session: Session, *spans: tuple[dt.time, dt.time]) -> list[Talk]:
    """The talks in other rooms on the session's day that overlap any of ``spans``."""
    return [
        other
        for other in c.talks.values()
        if (where := c.sessions[other.session]).day == session.day
        and where.room != session.room
        and any(other.start < end and start < other.end for start, end in spans)
    ]


def toctree_parents(docs: list[str]) -> set[str]:
    """The pages Sphinx itself writes beside ``docs``: each page whose toctree lists one of them
    (``Builder.write``: "add all toctree-containing files that may have changed", whatever the
    extension says). Here every page under talks/, speakers/ and program/ is in its folder's
    index's toctree, and the indexes are in the home page's."""
    parents = set()
    for doc in docs:
        folder, _, name = doc.partition("/")
        if folder in ("talks", "speakers", "program") and name != "index":
            parents.add(f"{folder}/index")
        elif name == "index":
            parents.add("index")
    return parents


def classify(row: dict, target: set[str]) -> None:
    """Which of the pages written the target allows, and which Sphinx adds by its toctree rule."""
    written = set(row["written_docs"])
    by_sphinx = (toctree_parents(row["written_docs"]) & written) - target
    row["target_docs"] = sorted(target)
    row["toctree_parents"] = sorted(by_sphinx)
    row["beyond_target"] = sorted(written - target - by_sphinx)
    row["meets_target"] = row["reread_docs"] == [row["edited"]] and not row["beyond_target"]


def edits(c: Conference, src: Path) -> Iterator[tuple[str, str, set[str] | None]]:
    """Each edit in turn: (what, the edited page, the pages the target allows to be written)."""
    yield "nothing changed", "", None

    sessions = list(c.sessions.values())
    session, talk = edited_talk(c)
    old = f"  start: {hhmm(talk.start)}\n  end: {hhmm(talk.end)}\n"
    new = (f"  start: {hhmm(plus_minutes(talk.start, MOVED_MINUTES))}\n"
           f"  end: {hhmm(plus_minutes(talk.end, MOVED_MINUTES))}\n")
    edit(src / f"talks/{talk.slug}.md", old, new)
    yield f"one talk's time (talks/{talk.slug}, +{MOVED_MINUTES} min)", f"talks/{talk.slug}", talk_time_target(c)

    chairs = {slug for s in sessions for slug in s.chairs}
    speaker = next(
        c.speakers[slug]
        for t in c.talks.values()
        for slug in t.speakers
        if slug in chairs and slug not in talk.speakers
    )
    first, _, last = speaker.name.partition(" ")
    renamed = f"{first} Q. {last}"
    edit(src / f"speakers/{speaker.slug}.md", f"  name: {y(speaker.name)}\n", f"  name: {y(renamed)}\n")
    edit(src / f"speakers/{speaker.slug}.md", f"\n# {speaker.name}\n", f"\n# {renamed}\n")
    yield f"one speaker's name (speakers/{speaker.slug})", f"speakers/{speaker.slug}", None

    moved = next(s for s in sessions[len(sessions) // 3 :] if c.free_rooms.get((s.day, s.block)) and s is not session)
    room = sorted(c.free_rooms[(moved.day, moved.block)], key=c.rooms.index)[0]
    edit(
        src / f"{c.day_page(moved.day)}.md",
        f"room: {y(moved.room)}, chairs: [{', '.join(moved.chairs)}]",
        f"room: {y(room)}, chairs: [{', '.join(moved.chairs)}]",
    )
    yield (
        f"one session's room ({moved.id}, {len(moved.talks)} talks, {moved.room} -> {room})",
        c.day_page(moved.day),
        None,
    )


def time_incremental(c: Conference, src: Path, out: Path) -> list[dict]:
    rows = []
    for what, edited, target in edits(c, src):
        before = snapshot(out / "html")
        build = sphinx_build(src, out, 1, fresh=False, quiet=False)
        after = snapshot(out / "html")
        changed = sorted(p for p, mtime in after.items() if before.get(p) != mtime)
        pages = [p for p in changed if p.endswith(".html")]
        others = [p for p in changed if not p.endswith(".html")]
        counts = UPDATING.search(build.stdout)
        reread = READING.findall(build.stdout)
        written = WRITING.findall(build.stdout)
        row = {
            "edit": what,
            "edited": edited,
            "seconds": round(build.seconds, 3),
            "reread": int(counts[1]) + int(counts[2]) if counts else len(reread),
            "reread_docs": reread,
            "written": len(written),
            "written_docs": written,
            # what changed in the output directory: pages (Sphinx's own search page among them) and
            # the exports (program.ics, the talk's .ics, schedule.json/.xml), objects.inv, ...
            "html_files_changed": len(pages),
            "html_files": pages[:50],
            "other_files_changed": len(others),
            "other_files": others[:20],
        }
        if target is not None:
            classify(row, target)
        rows.append(row)
        print(f"    {what}: {build.seconds:.1f} s, {row['reread']} re-read, {len(written)} written", flush=True)
    return rows


# -- the exports -----------------------------------------------------------------------------------


def validate_exports(html: Path, c: Conference) -> dict:
    """schedule.json against the JSON schema, schedule.xml against the XSD, every .ics parsed."""
    import icalendar
    import jsonschema
    from lxml import etree

    found: dict = {}
    schema = json.loads((VALIDATORS / "c3voc-schedule.schema.json").read_text())
    data = json.loads((html / "schedule.json").read_text())
    errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(data))
    events = sum(len(rooms) for day in data["schedule"]["conference"]["days"] for rooms in day["rooms"].values())
    found["schedule.json"] = {"valid": not errors, "events": events, "errors": [e.message for e in errors[:5]]}
    xsd = etree.XMLSchema(etree.parse(str(VALIDATORS / "c3voc-schedule.xml.xsd")))
    xml = etree.parse(str(html / "schedule.xml"))
    found["schedule.xml"] = {
        "valid": xsd.validate(xml),
        "events": len(xml.findall(".//event")),
        "errors": [str(e) for e in list(xsd.error_log)[:5]],
    }
    program = icalendar.Calendar.from_ical((html / "program.ics").read_bytes())
    talk_files = sorted((html / "talks").glob("*.ics"))
    bad = []
    for path in talk_files:
        try:
            icalendar.Calendar.from_ical(path.read_bytes())
        except ValueError as error:
            bad.append(f"{path.name}: {error}")
    program_events = len(program.walk("VEVENT"))
    found["program.ics"] = {"valid": program_events == len(c.talks) + c.days + 1, "events": program_events}
    found["talks/*.ics"] = {
        "valid": not bad and len(talk_files) == len(c.talks),
        "files": len(talk_files),
        "errors": bad[:5],
    }
    found["valid"] = all(v["valid"] for v in found.values())
    return found


# -- the report ------------------------------------------------------------------------------------


def machine() -> dict:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "-"

    cpu, mem = "", 0
    with Path("/proc/cpuinfo").open() as info:
        cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), "")
    with Path("/proc/meminfo").open() as info:
        mem = next((int(line.split()[1]) for line in info if line.startswith("MemTotal")), 0)
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(mem / 2**20, 1),
        "system": platform.platform(),
        "python": platform.python_version(),
        "sphinx": version("sphinx"),
        "myst-parser": version("myst-parser"),
        "pydata-sphinx-theme": version("pydata-sphinx-theme"),
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def pair_ratios(run: dict) -> list[float]:
    """a/b of each pair of builds run one after the other: the spread shows the machine's noise."""
    return [round(a / b, 3) for a, b in zip(run["a"]["seconds"], run["b"]["seconds"], strict=True)]


def report(result: dict) -> None:
    m = result["machine"]
    print(f"\n{m['cpus']} CPUs ({m['cpu']}), {m['memory_gib']} GiB, {m['system']}")
    print(
        f"Python {m['python']}, Sphinx {m['sphinx']}, myst-parser {m['myst-parser']}, "
        f"pydata-sphinx-theme {m['pydata-sphinx-theme']}; {m['date']}; seed {result['seed']}, "
        f"{result['repeat']} runs of each\n"
    )
    print(
        "Fresh builds (-E, dirhtml): (a) with the extension, (b) the same pages without it; medians, and a/b\n"
        "of each pair of builds run one after the other; peak memory of the largest process (and of all\n"
        "the processes of -j 2 together, sampled)"
    )
    header = (
        f"{'talks':>6} {'pages':>6} {'-j':>3} {'a s':>8} {'b s':>8} {'a/b':>6} {'a/b of pairs':>13} "
        f"{'ms/page a':>10} {'max RSS a/b MiB':>16} {'tree PSS a/b MiB':>17}"
    )
    print(header)
    print("-" * len(header))
    for size in result["sizes"]:
        for run in size["fresh"]:
            a, b = run["a"], run["b"]
            tree = f"{a['tree_pss_mib']:.0f}/{b['tree_pss_mib']:.0f}" if a["tree_pss_mib"] is not None else "-"
            pairs = pair_ratios(run)
            spread = f"{min(pairs):.2f}-{max(pairs):.2f}" if len(pairs) > 1 else "-"
            print(
                f"{size['talks']:>6} {size['pages']:>6} {run['jobs']:>3} {a['median_s']:>8.1f} {b['median_s']:>8.1f} "
                f"{run['ratio']:>6.2f} {spread:>13} {run['ms_per_page_a']:>10.1f} "
                f"{a['max_rss_mib']:>7.0f}/{b['max_rss_mib']:<8.0f} {tree:>17}"
            )
    print("\nIncremental builds with the extension (-j 1), one after another on the same output")
    header = f"{'talks':>6}  {'edit':<58} {'s':>6} {'re-read':>8} {'written':>8} {'other files':>12}"
    print(header)
    print("-" * len(header))
    for size in result["sizes"]:
        for row in size["incremental"]:
            print(
                f"{size['talks']:>6}  {row['edit'][:58]:<58} {row['seconds']:>6.1f} {row['reread']:>8} "
                f"{row['written']:>8} {row['other_files_changed']:>12}"
            )
            if 0 < row["written"] <= 15:
                print(f"{'':>8}written: {', '.join(row['written_docs'])}")
            if row.get("toctree_parents"):
                print(f"{'':>8}written by Sphinx, as toctree parents of written pages: {', '.join(row['toctree_parents'])}")
            if row.get("beyond_target"):
                print(f"{'':>8}beyond the target: {', '.join(row['beyond_target'])}")
    exports = result.get("exports")
    if exports:
        parts = [
            f"{name} {'valid' if v['valid'] else 'INVALID'}"
            + (f" ({v['events']} events)" if "events" in v else f" ({v['files']} files)")
            for name, v in exports.items()
            if isinstance(v, dict)
        ]
        print(f"\nExports at {result['exports_talks']} talks: " + "; ".join(parts))
    print("\nTargets")
    for line in result["targets"]:
        print(f"  {line}")


def targets(result: dict) -> list[str]:
    lines = []
    sizes = result["sizes"]
    for jobs in result["jobs"]:
        runs = [(s["talks"], next(r for r in s["fresh"] if r["jobs"] == jobs)) for s in sizes]
        ratios = [(n, r["ratio"]) for n, r in runs]
        worst = max(r for _, r in ratios)
        text = ", ".join(f"{r:.2f}" for _, r in ratios)
        lines.append(
            f"-j {jobs}: a/b at most {MAX_RATIO} at every N: {'met' if worst <= MAX_RATIO else 'MISSED'} "
            f"({text} at N = {', '.join(str(n) for n, _ in ratios)})"
        )
        if len(runs) > 1:
            growth = ratios[-1][1] / ratios[0][1]
            lines.append(
                f"-j {jobs}: a/b not growing with N: {'met' if growth <= RATIO_GROWTH_TOLERANCE else 'MISSED'} "
                f"({growth:.2f}x from N = {ratios[0][0]} to {ratios[-1][0]})"
            )
            per_page = runs[-1][1]["ms_per_page_a"] / runs[0][1]["ms_per_page_a"]
            # the floor's own growth: what Sphinx costs per page more on a bigger site
            floor = [r["b"]["median_s"] / s["pages"] for s, (_, r) in zip(sizes, runs, strict=True)]
            lines.append(
                f"-j {jobs}: time per page at N = {runs[-1][0]} within {MAX_PER_PAGE_GROWTH}x of N = {runs[0][0]}: "
                f"{'met' if per_page <= MAX_PER_PAGE_GROWTH else 'MISSED'} ({per_page:.2f}x; the floor's "
                f"{floor[-1] / floor[0]:.2f}x)"
            )
    for s in sizes:
        row = next((r for r in s["incremental"] if "meets_target" in r), None)
        if row:
            lines.append(
                f"N = {s['talks']}: a talk's time re-reads one document and writes only the pages that "
                f"show it: {'met' if row['meets_target'] else 'MISSED'} ({row['reread']} re-read, "
                f"{row['written']} written: {len(set(row['written_docs']) & set(row['target_docs']))} allowed, "
                f"{len(row.get('toctree_parents', []))} by Sphinx's toctree rule, "
                f"{len(row['beyond_target'])} beyond)"
            )
    if result.get("exports"):
        lines.append(
            f"exports at N = {result['exports_talks']} validate: {'met' if result['exports']['valid'] else 'MISSED'}"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="250,500,1000,2000", help="talk counts, comma-separated")
    parser.add_argument("--jobs", default="1,2", help="sphinx-build -j values, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="fresh builds of each variant per size and -j")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 100 talks, one build of each")
    parser.add_argument("--json", default="_build/bench.json", help="where to write the results")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workdir", help="keep the conferences and builds here (default: a temporary folder)")
    parser.add_argument(
        "--write", nargs=2, metavar=("TALKS", "DIR"), help="only write the conference: DIR/with-extension and DIR/floor"
    )
    parser.add_argument("--report", metavar="JSON", help="only print the tables of an earlier run's JSON")
    parser.add_argument(
        "--shape",
        choices=("synthetic", "real"),
        default="synthetic",
        help="real: a real conference's shape (real_shape.py): the extension, the same site typed by hand and "
        "Sphinx with no program in one interleaved run (-j 1; --sizes, default 1000; --rooms)",
    )
    parser.add_argument("--rooms", default="2x30,4x72", help="with --shape real: DAYSxROOMS, comma-separated")
    args = parser.parse_args()
    if args.shape == "real":
        import real_shape

        quick = args.quick
        sizes = [200] if quick else [int(n) for n in (args.sizes if args.sizes != "250,500,1000,2000" else "1000").split(",")]
        shapes = ["2x30"] if quick else args.rooms.split(",")
        with tempfile.TemporaryDirectory(prefix="symposium-bench-") as temporary:
            real_shape.main(sizes, shapes, 1 if quick else args.repeat, args.seed, Path(args.workdir or temporary),
                            Path(args.json.replace("bench.json", "bench-real.json")))
        return
    if args.report:
        result = json.loads(Path(args.report).read_text())
        for size in result["sizes"]:  # the target as this script defines it now
            for row in size["incremental"]:
                if "target_docs" in row:
                    classify(row, talk_time_target(generate(size["talks"], result["seed"])))
        result["targets"] = targets(result)
        report(result)
        return
    if args.write:
        conference = generate(int(args.write[0]), args.seed)
        for name, extension in (("with-extension", True), ("floor", False)):
            write_site(conference, Path(args.write[1]) / name, extension)
        print(f"{conference.pages} pages in {args.write[1]}/with-extension and {args.write[1]}/floor")
        return
    if args.quick:
        args.sizes, args.repeat = "100", 1
    sizes = [int(n) for n in args.sizes.split(",")]
    jobs = [int(j) for j in args.jobs.split(",")]
    result: dict = {"machine": machine(), "seed": args.seed, "repeat": args.repeat, "jobs": jobs, "sizes": []}
    print(
        f"{result['machine']['cpus']} CPUs, Python {result['machine']['python']}, Sphinx {result['machine']['sphinx']}"
    )
    with tempfile.TemporaryDirectory(prefix="symposium-bench-") as temporary:
        work = Path(args.workdir or temporary)
        for n in sizes:
            conference = generate(n, args.seed)
            c = conference
            print(
                f"{n} talks, {len(c.speakers)} speakers, {len(c.sessions)} sessions, {len(c.rooms)} rooms, "
                f"{c.days} days, {len(c.tracks)} tracks: {c.pages} pages",
                flush=True,
            )
            base = work / f"n{n}"
            shutil.rmtree(base, ignore_errors=True)
            sources = {"a": base / "src-a", "b": base / "src-b"}
            write_site(c, sources["a"], extension=True)
            write_site(c, sources["b"], extension=False)
            kept = base / "kept-a"
            fresh = []
            for j in jobs:
                run = time_fresh(base, sources, j, args.repeat, keep=kept if j == jobs[0] else None)
                run["ratio"] = round(run["a"]["median_s"] / run["b"]["median_s"], 3)
                run["pair_ratios"] = pair_ratios(run)
                run["ms_per_page_a"] = round(1000 * run["a"]["median_s"] / c.pages, 2)
                fresh.append(run)
            if jobs[0] != 1:  # the incremental builds start from a fresh -j 1 build
                shutil.rmtree(kept, ignore_errors=True)
                sphinx_build(sources["a"], kept, 1, fresh=True)
            if n == max(sizes):
                result["exports"] = validate_exports(kept / "html", c)
                result["exports_talks"] = n
            incremental = time_incremental(c, sources["a"], kept)
            result["sizes"].append(
                {
                    "talks": n,
                    "pages": c.pages,
                    "speakers": len(c.speakers),
                    "sessions": len(c.sessions),
                    "rooms": len(c.rooms),
                    "days": c.days,
                    "tracks": len(c.tracks),
                    "fresh": fresh,
                    "incremental": incremental,
                }
            )
            if not args.workdir:
                shutil.rmtree(base, ignore_errors=True)
    result["targets"] = targets(result)
    report(result)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n")
    print(f"\nwritten to {out}")
    if not result.get("exports", {}).get("valid", True):
        raise SystemExit("the exports do not validate")


if __name__ == "__main__":
    main()
