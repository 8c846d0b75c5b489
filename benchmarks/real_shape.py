"""A conference of a real one's shape, for ``build_benchmark.py --shape real``.

The synthetic conference of ``build_benchmark.py`` has one day per 400 talks, up to 40 rooms
and short texts. Real ones are not shaped so: an open-source conference of 1,816 pages had two
days in about 30 rooms, a scientific one four days in 72 rooms, abstracts of 150-300 words,
biographies of 60-150 words, sessions with chairs, tracks, speakers with several talks and a
poster session. This module writes that shape three ways and builds them in one interleaved run:

  (a) with the extension, as ``symposium import`` writes a large program (more than
      LARGE_PROGRAM items): a page per day (``{program-grid}`` with ``:day:``), the days at a
      glance (``{program-days}``) on the home and program pages;
  (h) the same site typed by hand: the same files and front-matter, the extension not loaded,
      every listing and header written out as Markdown (headers and tables, links to the
      pages), as the organisers of the seed did before the extension;
  (n) Sphinx with no program: the same files, the directives removed and nothing typed in
      their place (the floor of ``build_benchmark.py``).

Then one talk's edit on (a) (its time, +2 minutes): seconds, and the pages written; and the
largest page of (a) and (h), raw and gzip.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import random
import shutil
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from build_benchmark import (
    BLOCKS,
    FIRST_DAY,
    POSITIONS,
    READING,
    REPO,
    SYMPOSIUM,
    TALK_TYPES,
    THEME,
    UPDATING,
    WRITING,
    Text,
    directive,
    edit,
    hhmm,
    page,
    plus_minutes,
    slugify,
    snapshot,
    sphinx_build,
    toctree,
    y,
)

#: the shapes the issue names: (days, rooms)
SHAPES = {"2x30": (2, 30), "4x72": (4, 72)}
POSTER_SHARE = 0.08  # of the talks, in one poster session on the first day
MAX_TALKS_PER_SPEAKER = 3
VARIANTS = ("a", "h", "n")
NAMES = {"a": "the extension", "h": "typed by hand", "n": "Sphinx, no program"}


@dataclass
class Speaker:
    slug: str
    name: str
    affiliation: str
    position: str
    bio: list[str]
    talks: list[str] = field(default_factory=list)
    chairs: list[str] = field(default_factory=list)


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
    posters: bool = False

    @property
    def start(self) -> dt.time:
        return BLOCKS[self.block][0]

    @property
    def end(self) -> dt.time:
        return BLOCKS[self.block][1]


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
    board: int | None = None


@dataclass
class Conference:
    talks: dict[str, Talk]
    speakers: dict[str, Speaker]
    sessions: dict[str, Session]
    days: int
    rooms: list[str]
    tracks: list[str]
    keynote_speakers: list[str]
    title: str = "Open Workflows Conference 2026"

    def day(self, index: int) -> dt.date:
        return FIRST_DAY + dt.timedelta(days=index)

    def day_page(self, index: int) -> str:
        return f"program/{self.day(index).isoformat()}"  # as symposium import names them

    def track_page(self, track: str) -> str:
        return f"program/track-{self.tracks.index(track) + 1}"

    def listing_pages(self) -> list[str]:
        return (["index", "program/index", "program/posters", "talks/index", "speakers/index"]
                + [self.day_page(d) for d in range(self.days)] + [self.track_page(t) for t in self.tracks])

    @property
    def pages(self) -> int:
        return len(self.talks) + len(self.speakers) + len(self.listing_pages())

    def when(self, talk: Talk) -> str:
        return f"{self.day(self.sessions[talk.session].day):%A %-d %B}, {hhmm(talk.start)}–{hhmm(talk.end)}"


def generate(talk_count: int, days: int, room_count: int, seed: int) -> Conference:
    """``talk_count`` talks over ``days`` days in ``room_count`` rooms; the same seed, the same conference."""
    rng = random.Random(f"{seed}-{talk_count}-real-{days}x{room_count}")
    text = Text(rng)
    rooms = [f"Hall {c}" for c in "ABCD"][:room_count] + [f"Room {101 + i}" for i in range(room_count - 4)]
    tracks: list[str] = []
    while len(tracks) < 12:
        name = " ".join(w.capitalize() for w in text.draw(rng.choice((1, 2)), content=True))
        if name not in tracks:
            tracks.append(name)
    institutions = [f"{text.proper(rng.choice((2, 3)))} {kind}" for kind in
                    ("University", "Institute of Technology", "National Laboratory", "Research Centre") * 40]
    # speakers with one to three talks: about 1.2 speaker slots per person
    speakers: dict[str, Speaker] = {}
    while len(speakers) < round(1.3 * talk_count):
        name = text.person()
        slug = slugify(name)
        if slug and slug not in speakers:
            speakers[slug] = Speaker(slug, name, rng.choice(institutions),
                                     rng.choice(POSITIONS) if rng.random() < 0.5 else "",
                                     text.paragraphs(60, 150, most=2))

    posters = round(POSTER_SHARE * talk_count)
    orals = talk_count - posters
    session_count = round(orals / 5)
    slots = [(d, b, r) for d in range(days) for b in range(len(BLOCKS)) for r in rooms[:-1]]
    poster_slot = (0, 2, rooms[-1])  # the first afternoon, in the last room (the foyer)
    if session_count > len(slots):
        raise SystemExit(f"{talk_count} talks do not fit in {room_count} rooms over {days} days")
    # every block of every day has sessions; the big rooms first
    rng.shuffle(slots)
    slots.sort(key=lambda s: rooms.index(s[2]) // 8)
    taken = sorted(slots[:session_count], key=lambda s: (s[0], s[1], rooms.index(s[2])))
    sessions: dict[str, Session] = {}
    for number, (d, b, room) in enumerate(taken, start=1):
        sid = f"s{number:03d}"
        sessions[sid] = Session(sid, f"Session {number}: {text.title()}", d, b, room, rng.choice(tracks))
    sessions["posters"] = Session("posters", "Poster session", *poster_slot, "", posters=True)

    counts = [orals // session_count + (i < orals % session_count) for i in range(session_count)]
    talks: dict[str, Talk] = {}
    kinds, weights = zip(*TALK_TYPES, strict=True)

    def new_talk(session: Session, kind: str, start: dt.time, end: dt.time, board: int | None = None) -> Talk:
        title = text.title()
        slug = slugify(" ".join(title.split()[:5]))[:60].strip("-")
        while slug in talks or not slug:
            slug = f"{slug}-{rng.randint(2, 99)}"
        talk = Talk(slug, title, kind, session.id, start, end, [], text.paragraphs(150, 300), board)
        talks[slug] = talk
        session.talks.append(slug)
        return talk

    for session, count in zip(list(sessions.values())[:-1], counts, strict=True):
        slot = 90 // count
        for k in range(count):
            start = plus_minutes(session.start, k * slot)
            new_talk(session, rng.choices(kinds, weights)[0], start, plus_minutes(start, slot - 3))
    poster_session = sessions["posters"]
    for board in range(1, posters + 1):
        new_talk(poster_session, "poster", poster_session.start, poster_session.end, board)
    keynote_speakers: list[str] = []
    for d in range(days):
        opener = next(s for s in sessions.values() if s.day == d and s.block == 0)
        talks[opener.talks[0]].type = "keynote"

    # nobody in two places at once, nobody with more than three talks
    booked: dict[str, set[tuple[int, int]]] = {slug: set() for slug in speakers}
    unused = list(speakers)
    rng.shuffle(unused)
    everyone = list(speakers)
    order = list(talks.values())
    rng.shuffle(order)
    for talk in order:
        session = sessions[talk.session]
        wanted = rng.choices((1, 2, 3), (55, 30, 15))[0]
        for _ in range(200):
            if len(talk.speakers) == wanted:
                break
            slug = unused.pop() if unused else rng.choice(everyone)
            person = speakers[slug]
            if (slug not in talk.speakers and (session.day, session.block) not in booked[slug]
                    and len(person.talks) < MAX_TALKS_PER_SPEAKER):
                talk.speakers.append(slug)
                person.talks.append(talk.slug)
                booked[slug].add((session.day, session.block))
        if talk.type == "keynote":
            keynote_speakers += talk.speakers
    # the talks left without a speaker (everyone busy): take anyone free
    for talk in order:
        session = sessions[talk.session]
        while not talk.speakers:
            slug = rng.choice(everyone)
            if (session.day, session.block) not in booked[slug]:
                talk.speakers.append(slug)
                speakers[slug].talks.append(talk.slug)
                booked[slug].add((session.day, session.block))
    for session in sessions.values():
        while len(session.chairs) < rng.choice((1, 1, 2)):
            slug = rng.choice(everyone)
            if (session.day, session.block) not in booked[slug]:
                session.chairs.append(slug)
                speakers[slug].chairs.append(session.id)
                booked[slug].add((session.day, session.block))
    # speakers with no talk and no chair would be pages of nobody on the program
    for slug in [s for s, p in speakers.items() if not p.talks and not p.chairs]:
        del speakers[slug]
    used = [t for t in tracks if any(s.track == t for s in sessions.values())]  # a small run leaves some empty
    return Conference(talks, speakers, sessions, days, rooms, used, keynote_speakers[:12])


# -- the three sites ---------------------------------------------------------------------------------------


def _link(label: str, doc: str, here: str) -> str:
    """A Markdown link from the page ``here`` to the page ``doc``, as a person types it."""
    up = "../" * here.count("/")
    return f"[{label.replace('[', '(').replace(']', ')')}]({up}{doc}.md)"


def _row(*cells: str) -> str:
    return "| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    return "\n".join([_row(*header), _row(*("---" for _ in header)), *(_row(*r) for r in rows)])


def write_site(c: Conference, root: Path, variant: str) -> None:
    """The conference under ``root``: (a) with the extension, (h) typed by hand, (n) no program."""
    ext, hand = variant == "a", variant == "h"

    def use(name: str, *options: str) -> str | None:
        return directive(name, *options) if ext else None

    def typed(text: str) -> str | None:
        return text if hand else None

    def people(slugs: list[str], here: str) -> str:
        return ", ".join(_link(c.speakers[s].name, f"speakers/{s}", here) for s in slugs)

    def talk_rows(slugs: list[str], here: str) -> list[tuple[str, ...]]:
        return [(hhmm(c.talks[t].start) if not c.talks[t].board else f"P{c.talks[t].board}",
                 _link(c.talks[t].title, f"talks/{t}", here), people(c.talks[t].speakers, here)) for t in slugs]

    files: dict[str, str] = {}
    event = SYMPOSIUM.format(ext=str(REPO / "_ext"), first=c.day(0), last=c.day(c.days - 1), rooms=c.rooms,
                             tracks=c.tracks)
    files["conf.py"] = THEME.format(title=c.title) + (event if ext else 'extensions = ["myst_parser"]\n')
    intro = Text(random.Random(len(c.talks))).paragraphs(60, 90, most=1)[0]

    def glance(here: str) -> str:
        rows = []
        for d in range(c.days):
            day_sessions = [s for s in c.sessions.values() if s.day == d]
            count = sum(len(s.talks) for s in day_sessions)
            rows.append((_link(f"{c.day(d):%A %-d %B}", c.day_page(d), here), f"{count} talks",
                         f"{len(day_sessions)} sessions", f"{len({s.room for s in day_sessions})} rooms"))
        return _table(("Day", "Talks", "Sessions", "Rooms"), rows)

    files["index.md"] = page([
        f"# {c.title}", intro,
        use("program-days"), typed("## The program\n\n" + glance("index")),
        "## Keynote speakers",
        use("speaker-list", f":only: {' '.join(c.keynote_speakers)}"),
        typed("\n".join(f"- {people([s], 'index')}, {c.speakers[s].affiliation}" for s in c.keynote_speakers)),
        toctree("program/index", "talks/index", "speakers/index"),
    ])
    items = [f"    - {{date: {c.day(d)}, start: 8:30, end: 9:00, title: {y(f'Opening of day {d + 1}')}, "
             f"type: opening, room: {y(c.rooms[0])}}}" for d in range(c.days)]
    items.append(f"    - {{date: {c.day(0)}, start: 18:00, end: 20:00, title: Reception, type: social, "
                 f"room: {y(c.rooms[0])}}}")
    day_names = [c.day_page(d).removeprefix("program/") for d in range(c.days)]
    files["program/index.md"] = page([
        "---\nprogram:\n  items:\n" + "\n".join(items) + "\n---\n# Program",
        f"{len(c.talks)} talks in {len(c.sessions)} sessions, {len(c.rooms)} rooms and {c.days} days.",
        use("program-days"), typed(glance("program/index")),
        use("program-downloads"),
        toctree(*day_names, "posters", *[c.track_page(t).removeprefix("program/") for t in c.tracks]),
    ])
    for d in range(c.days):
        here = c.day_page(d)
        day_sessions = [s for s in c.sessions.values() if s.day == d]
        lines = []
        for s in day_sessions:
            track = f", track: {y(s.track)}" if s.track else ""
            lines.append(f"    - {{id: {s.id}, title: {y(s.title)}, date: {c.day(d)}, start: {hhmm(s.start)}, "
                         f"end: {hhmm(s.end)}, room: {y(s.room)}, chairs: [{', '.join(s.chairs)}]{track}}}")
        by_hand = [f"## 8:30–9:00 Opening of day {d + 1}\n\n{c.rooms[0]}"]
        for b, (start, end) in enumerate(BLOCKS):
            by_hand.append(f"## {hhmm(start)}–{hhmm(end)}")
            for s in (s for s in day_sessions if s.block == b):
                chairs = f"Chair: {people(s.chairs, here)}" if s.chairs else ""
                track = f" · Track: {_link(s.track, c.track_page(s.track), here)}" if s.track else ""
                by_hand.append(f"### {s.room}: {s.title}\n\n{chairs}{track}\n\n"
                               + _table(("Time", "Talk", "Speakers"), talk_rows(s.talks, here)))
        files[f"{here}.md"] = page([
            "---\nprogram:\n  sessions:\n" + "\n".join(lines) + f"\n---\n# {c.day(d):%A %-d %B %Y}",
            use("program-grid", f":day: {c.day(d)}"), typed("\n\n".join(by_hand)),
        ])
    posters = c.sessions["posters"]
    files["program/posters.md"] = page([
        f"# {posters.title}",
        use("program-table", ":session: posters"),
        typed(f"{c.day(posters.day):%A %-d %B}, {hhmm(posters.start)}–{hhmm(posters.end)}, {posters.room}\n\n"
              + _table(("Board", "Poster", "Authors"), talk_rows(posters.talks, "program/posters"))),
    ])
    for t in c.tracks:
        here = c.track_page(t)
        slugs = [slug for s in c.sessions.values() if s.track == t for slug in s.talks]
        files[f"{here}.md"] = page([
            f"# Track: {t}", use("talk-list", f":track: {t}"),
            typed(_table(("When", "Talk", "Speakers"), [
                (c.when(c.talks[s]), _link(c.talks[s].title, f"talks/{s}", here), people(c.talks[s].speakers, here))
                for s in slugs])),
        ])
    files["talks/index.md"] = page([
        "# Talks", use("talk-list"),
        typed(_table(("When", "Talk", "Speakers"), [
            (c.when(t), _link(t.title, f"talks/{t.slug}", "talks/index"), people(t.speakers, "talks/index"))
            for t in sorted(c.talks.values(), key=lambda t: t.title)])),
        toctree("*"),
    ])
    files["speakers/index.md"] = page([
        "# Speakers", use("speaker-list"),
        typed(_table(("Speaker", "Affiliation"), [
            (people([s.slug], "speakers/index"), s.affiliation)
            for s in sorted(c.speakers.values(), key=lambda s: s.name.split()[-1])])),
        toctree("*"),
    ])
    for talk in c.talks.values():
        here = f"talks/{talk.slug}"
        session = c.sessions[talk.session]
        when = (f"  board: {talk.board}\n" if talk.board else
                f"  start: {hhmm(talk.start)}\n  end: {hhmm(talk.end)}\n")
        files[f"{here}.md"] = page([
            f"---\ntalk:\n  type: {talk.type}\n  session: {talk.session}\n{when}"
            f"  speakers: [{', '.join(talk.speakers)}]\n---\n# {talk.title}",
            typed(f"**{people(talk.speakers, here)}**\n\n{talk.type.capitalize()} · {c.when(talk)} · {session.room}"
                  f" · {_link(session.title, c.day_page(session.day) if not session.posters else 'program/posters', here)}"
                  + (f" · Board {talk.board}" if talk.board else "")),
            *talk.abstract,
        ])
    for s in c.speakers.values():
        here = f"speakers/{s.slug}"
        extra = f"  position: {y(s.position)}\n" if s.position else ""
        listed = [f"- {_link(c.talks[t].title, f'talks/{t}', here)}, {c.when(c.talks[t])}" for t in s.talks]
        listed += [f"- Chair: {c.sessions[x].title}, {c.day(c.sessions[x].day):%A %-d %B}" for x in s.chairs]
        files[f"{here}.md"] = page([
            f"---\nspeaker:\n  name: {y(s.name)}\n  affiliation: {y(s.affiliation)}\n{extra}---\n# {s.name}",
            typed(", ".join(filter(None, (s.position, s.affiliation)))),
            *s.bio,
            typed("## At the conference\n\n" + "\n".join(listed)),
        ])
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


# -- the run ---------------------------------------------------------------------------------------------


def largest_page(html: Path) -> dict:
    """The largest HTML page raw and the largest gzipped (what a server with gzip sends): path and bytes."""
    sizes = {}
    for path in html.rglob("*.html"):
        raw = path.read_bytes()
        sizes[str(path.relative_to(html))] = (len(raw), len(gzip.compress(raw, 6)))
    raw_page = max(sizes, key=lambda p: sizes[p][0])
    gzip_page = max(sizes, key=lambda p: sizes[p][1])
    return {"page": raw_page, "bytes": sizes[raw_page][0], "gzip_bytes": sizes[raw_page][1],
            "largest_gzip_page": gzip_page, "largest_gzip_bytes": sizes[gzip_page][1]}


def talk_edit(c: Conference, src: Path, out: Path) -> dict:
    """One talk's time moved by two minutes, built on the last fresh build of (a)."""
    orals = [s for s in c.sessions.values() if not s.posters]
    session = orals[len(orals) // 2]
    talk = c.talks[session.talks[len(session.talks) // 2]]
    edit(src / f"talks/{talk.slug}.md", f"  start: {hhmm(talk.start)}\n  end: {hhmm(talk.end)}\n",
         f"  start: {hhmm(plus_minutes(talk.start, 2))}\n  end: {hhmm(plus_minutes(talk.end, 2))}\n")
    before = snapshot(out / "html")
    build = sphinx_build(src, out, 1, fresh=False, quiet=False)
    after = snapshot(out / "html")
    counts = UPDATING.search(build.stdout)
    written = WRITING.findall(build.stdout)
    return {
        "edit": f"talks/{talk.slug}: +2 min",
        "seconds": round(build.seconds, 3),
        "reread": int(counts[1]) + int(counts[2]) if counts else len(READING.findall(build.stdout)),
        "written": len(written),
        "written_docs": written,
        "files_changed": sum(1 for p, m in after.items() if before.get(p) != m),
    }


def run(talks: int, shape: str, repeat: int, seed: int, work: Path) -> dict:
    days, rooms = SHAPES[shape]
    c = generate(talks, days, rooms, seed)
    speakers_by_talks = statistics.mean(len(s.talks) for s in c.speakers.values())
    print(f"{len(c.talks)} talks ({len(c.sessions['posters'].talks)} posters), {len(c.speakers)} speakers "
          f"({speakers_by_talks:.2f} talks each), {len(c.sessions)} sessions, {rooms} rooms, {days} days, "
          f"{len(c.tracks)} tracks: {c.pages} pages", flush=True)
    base = work / f"real-{shape}-n{talks}"
    shutil.rmtree(base, ignore_errors=True)
    sources = {v: base / f"src-{v}" for v in VARIANTS}
    for v in VARIANTS:
        write_site(c, sources[v], v)
    seconds: dict[str, list[float]] = {v: [] for v in VARIANTS}
    cpu: dict[str, list[float]] = {v: [] for v in VARIANTS}
    loads: list[float] = []
    for r in range(repeat):
        order = VARIANTS[r % 3:] + VARIANTS[:r % 3]  # each variant first in turn
        for v in order:
            out = base / f"out-{v}"
            shutil.rmtree(out, ignore_errors=True)
            loads.append(os.getloadavg()[0])
            build = sphinx_build(sources[v], out, 1, fresh=True)
            seconds[v].append(round(build.seconds, 3))
            cpu[v].append(round(build.cpu_seconds, 3))
            print(f"    {NAMES[v]:<20} {build.seconds:6.1f} s ({1000 * build.seconds / c.pages:5.1f} ms a page), "
                  f"{build.cpu_seconds:6.1f} s of processor; load {loads[-1]:.1f}", flush=True)
    result = {
        "shape": shape, "talks": len(c.talks), "pages": c.pages, "speakers": len(c.speakers),
        "sessions": len(c.sessions), "rooms": rooms, "days": days, "seconds": seconds,
        "median_s": {v: statistics.median(seconds[v]) for v in VARIANTS},
        "cpu_s": cpu,
        "median_cpu_s": {v: statistics.median(cpu[v]) for v in VARIANTS},
        "load_during": [round(min(loads), 1), round(max(loads), 1)],
        "largest": {v: largest_page(base / f"out-{v}" / "html") for v in ("a", "h")},
    }
    result["ms_per_page"] = {v: round(1000 * s / c.pages, 1) for v, s in result["median_s"].items()}
    result["cpu_ms_per_page"] = {v: round(1000 * s / c.pages, 1) for v, s in result["median_cpu_s"].items()}
    result["ratio_hand"] = round(result["median_s"]["a"] / result["median_s"]["h"], 3)
    result["cpu_ratio_hand"] = round(result["median_cpu_s"]["a"] / result["median_cpu_s"]["h"], 3)
    result["cpu_ratio_none"] = round(result["median_cpu_s"]["a"] / result["median_cpu_s"]["n"], 3)
    result["ratio_none"] = round(result["median_s"]["a"] / result["median_s"]["n"], 3)
    result["pair_ratios_hand"] = [round(a / h, 3) for a, h in zip(seconds["a"], seconds["h"], strict=True)]
    result["edit"] = talk_edit(c, sources["a"], base / "out-a")
    return result


def report(result: dict) -> None:
    m = result
    print(f"\n{m['talks']} talks, {m['days']} days, {m['rooms']} rooms: {m['pages']} pages "
          f"(load {m['load_during'][0]}-{m['load_during'][1]} during the builds)")
    for v in VARIANTS:
        print(f"  {NAMES[v]:<20} {m['median_s'][v]:7.1f} s  {m['ms_per_page'][v]:6.1f} ms a page; processor "
              f"{m['median_cpu_s'][v]:7.1f} s  {m['cpu_ms_per_page'][v]:6.1f} ms a page")
    print(f"  the extension / typed by hand: {m['ratio_hand']:.2f} (pairs {m['pair_ratios_hand']}; processor "
          f"{m['cpu_ratio_hand']:.2f}); / no program: {m['ratio_none']:.2f} (processor {m['cpu_ratio_none']:.2f})")
    e = m["edit"]
    print(f"  one talk's edit ({e['edit']}): {e['seconds']:.1f} s, {e['reread']} re-read, {e['written']} written: "
          f"{', '.join(e['written_docs'])}")
    for v in ("a", "h"):
        big = m["largest"][v]
        print(f"  largest page ({NAMES[v]}): {big['page']}, {big['bytes'] / 1024:.0f} KiB, "
              f"{big['gzip_bytes'] / 1024:.0f} KiB gzip; largest gzipped: {big.get('largest_gzip_page')}, "
              f"{big.get('largest_gzip_bytes', 0) / 1024:.0f} KiB")


def main(talks: list[int], shapes: list[str], repeat: int, seed: int, work: Path, out: Path) -> None:
    results = []
    for shape in shapes:
        for n in talks:
            results.append(run(n, shape, repeat, seed, work))
            report(results[-1])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"real": results}, indent=1) + "\n")
    print(f"\nwritten to {out}")
