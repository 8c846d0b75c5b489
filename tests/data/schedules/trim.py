"""How the schedules here were cut from their sources (see SOURCES.md): whole days, rooms and events
are taken out of the text as it is, so what is kept keeps its original bytes.

    python tests/data/schedules/trim.py xml SOURCE TARGET --days 1 [--rooms 'K.3.201,H.1308'] [--events 12]
    python tests/data/schedules/trim.py json SOURCE TARGET --days 2
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from pathlib import Path
from xml.etree import ElementTree


def _blocks(text: str, tag: str) -> list[tuple[int, int]]:
    """Start and end offsets of each ``<tag attributes>`` line to its ``</tag>`` line (``<room>Saal 1</room>``
    in an event is not a room of the day)."""
    spans = []
    for match in re.finditer(rf"^[ \t]*<{tag}\s[^\n]*?(?<!/)>[ \t]*\n.*?^[ \t]*</{tag}>[ \t]*\n", text,
                             re.DOTALL | re.MULTILINE):
        spans.append((match.start(), match.end()))
    return spans


def trim_xml(text: str, days: set[int], rooms: set[str], events: int | None) -> str:
    out, at = [], 0
    for index, (start, end) in enumerate(_blocks(text, "day"), 1):
        out.append(text[at:start])
        at = end
        if index not in days:
            continue
        day = text[start:end]
        kept, day_at = [], 0
        for room_start, room_end in _blocks(day, "room"):
            kept.append(day[day_at:room_start])
            day_at = room_end
            room = day[room_start:room_end]
            name = re.search(r"<room\s+name=(['\"])(.*?)\1", room)[2]
            if rooms and name not in rooms:
                continue
            if events is not None:
                spans = _blocks(room, "event")
                if len(spans) > events:
                    room = room[:spans[events][0]] + room[spans[-1][1]:]
            kept.append(room)
        kept.append(day[day_at:])
        out.append("".join(kept))
    out.append(text[at:])
    result = "".join(out)
    ElementTree.fromstring(result.encode())  # still XML
    return result


def trim_json(text: str, days: set[int]) -> str:
    """A schedule.json indented as pretalx writes it: each day from its ``{`` line to the line before the next."""
    lines = text.split("\n")
    opens = [i for i, line in enumerate(lines) if re.fullmatch(r"\s*\{", line) and i + 1 < len(lines)
             and re.match(r'\s*"index": \d+,', lines[i + 1])]
    close = next(i for i in range(opens[-1], len(lines)) if lines[i] == lines[opens[-1]].replace("{", "}"))
    bounds = [*opens, close + 1]
    kept = []
    for number, (start, end) in enumerate(itertools.pairwise(bounds), 1):
        if number in days:
            kept.append("\n".join(lines[start:end]).rstrip(",").rstrip())
    indent = lines[opens[0]].replace("{", "")
    result = "\n".join(lines[:opens[0]]) + "\n" + ",\n".join(kept) + "\n" + "\n".join(lines[close + 1:])
    json.loads(result)  # still JSON
    assert result.startswith(text[:10]) and indent is not None
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["xml", "json"])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--days", required=True, help="the days kept, by their place (1 is the first)")
    parser.add_argument("--rooms", default="", help="the rooms kept (XML), separated by commas; all if none")
    parser.add_argument("--events", type=int, help="the first so many events of each room kept (XML)")
    args = parser.parse_args()
    text = args.source.read_text("utf-8")
    days = {int(day) for day in args.days.split(",")}
    if args.kind == "xml":
        rooms = {room for room in args.rooms.split(",") if room}
        result = trim_xml(text, days, rooms, args.events)
    else:
        result = trim_json(text, days)
    args.target.write_text(result, "utf-8")


if __name__ == "__main__":
    main()
