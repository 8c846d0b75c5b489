"""How the extension scales: build a synthetic conference and print the timings.

    python benchmarks/build_benchmark.py [--talks 300] [--rooms 6] [--jobs 1]

It writes a conference of N talks (one speaker each, days of 8 slots per room) into a
temporary folder, then times a fresh build, a rebuild with nothing changed, and a
rebuild after one talk's time changed. Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CONF = """\
import sys
sys.path.insert(0, {ext!r})
extensions = ["myst_parser", "symposium"]
symposium_date = "2026-06-01"
symposium_end_date = "2026-06-{last_day:02d}"
symposium_timezone = "Europe/Berlin"
symposium_room = "Room 1"
"""

INDEX = """\
# Synthetic conference

```{{program-table}}
```

```{{toctree}}
:glob:

talks/*
speakers/*
```
"""


def write_conference(root: Path, talks: int, rooms: int) -> Path:
    slots_per_day = 8 * rooms
    days = -(-talks // slots_per_day)
    (root / "talks").mkdir(parents=True)
    (root / "speakers").mkdir()
    (root / "conf.py").write_text(CONF.format(ext=str(REPO / "_ext"), last_day=days))
    (root / "index.md").write_text(INDEX.format())
    for n in range(talks):
        day, slot = divmod(n, slots_per_day)
        room, hour = divmod(slot, 8)
        (root / "speakers" / f"speaker-{n}.md").write_text(
            f"---\nspeaker:\n  name: Speaker Number{n}\n  affiliation: Institute {n % 17}\n---\n# Speaker {n}\n\nBio.\n")
        (root / "talks" / f"talk-{n}.md").write_text(
            f"---\ntalk:\n  type: contributed\n  date: 2026-06-{day + 1:02d}\n  start: {9 + hour}:00\n"
            f"  duration: 45\n  room: Room {room + 1}\n  speakers: [speaker-{n}]\n---\n# Talk {n}\n\nAbstract.\n")
    return root / "talks" / "talk-0.md"


def timed_build(root: Path, jobs: int, fresh: bool) -> float:
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "dirhtml", "-j", str(jobs), str(root), str(root / "_build")]
    if fresh:
        command.insert(3, "-E")
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    warnings = [line for line in done.stderr.splitlines() if "WARNING" in line]
    if done.returncode or warnings:
        print(done.stderr[-2000:])
        raise SystemExit("the synthetic conference did not build cleanly")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--talks", type=int, default=300)
    parser.add_argument("--rooms", type=int, default=6)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        first_talk = write_conference(root, args.talks, args.rooms)
        pages = 2 * args.talks + 1
        fresh = timed_build(root, args.jobs, fresh=True)
        unchanged = timed_build(root, args.jobs, fresh=False)
        first_talk.write_text(first_talk.read_text().replace("start: 9:00", "start: 9:05"))
        later = time.time() + 5
        os.utime(first_talk, (later, later))
        edited = timed_build(root, args.jobs, fresh=False)
    print(f"{args.talks} talks, {args.talks} speakers, {args.rooms} rooms, {pages} pages, -j {args.jobs}")
    print(f"fresh build          {fresh:7.2f} s   ({1000 * fresh / pages:.1f} ms per page)")
    print(f"rebuild, no change   {unchanged:7.2f} s")
    print(f"rebuild, one edit    {edited:7.2f} s   (the program, the talk and its speaker are rewritten)")


if __name__ == "__main__":
    main()
