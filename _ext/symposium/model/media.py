"""Where a talk's video is, and how its page may show it without asking the host for anything first.

A video on a host the site knows (YouTube, Vimeo, the TIB AV-Portal, media.ccc.de) or a video
file under ``_static/`` becomes a click-to-load player on the talk's page: a poster drawn from
the talk's title and a button, and no request to the host until the visitor presses it; then
the host's player, at its privacy-friendly address where it has one (youtube-nocookie.com,
player.vimeo.com with ``dnt=1``). Any other address stays a plain link. Pure Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from .link_targets import is_project_file

#: what the site can show as a player, in the contributor's words
EMBEDDABLE = ("YouTube, Vimeo, the TIB AV-Portal (av.tib.eu) or media.ccc.de, or a video file under _static/ "
              "(.mp4, .webm, .ogv, .m4v)")
#: video files a browser plays itself
VIDEO_FILES = (".mp4", ".webm", ".ogv", ".m4v")

_ID = re.compile(r"^[\w-]+$")
_DIGITS = re.compile(r"^\d+$")


@dataclass(frozen=True)
class Embed:
    """How a talk page shows a video: the host's name, and what the player loads once asked."""

    #: "YouTube", "Vimeo", "the TIB AV-Portal", "media.ccc.de"; "" for a file of the site
    host: str
    #: the address of the host's player (an ``<iframe>``), or the file's path (a ``<video>``)
    player: str

    @property
    def is_file(self) -> bool:
        return not self.host

    @property
    def player_host(self) -> str:
        """Where the player comes from, as its address names it: ``www.youtube-nocookie.com``."""
        return urlsplit(self.player).hostname or ""


def embed_of(url: str) -> Embed | None:
    """The player of a video address, or ``None`` for an address the site shows as a plain link."""
    if is_project_file(url):
        return Embed("", url) if url.lower().endswith(VIDEO_FILES) else None
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    except ValueError:
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query)
    for read in (_youtube, _vimeo, _tib, _ccc):
        embed = read(host, segments, query, parts.fragment)
        if embed is not None:
            return embed
    return None


def _youtube(host: str, segments: list[str], query: dict[str, list[str]], fragment: str) -> Embed | None:
    if host == "youtu.be" and segments:
        video = segments[0]
    elif host in {"youtube.com", "youtube-nocookie.com", "music.youtube.com"}:
        if segments[:1] == ["watch"]:
            video = query.get("v", [""])[0]
        elif len(segments) >= 2 and segments[0] in {"embed", "live", "shorts", "v"}:
            video = segments[1]
        else:
            return None
    else:
        return None
    if not _ID.match(video):
        return None
    start = _seconds(query.get("t", query.get("start", [""]))[0])
    return Embed("YouTube", f"https://www.youtube-nocookie.com/embed/{video}?autoplay=1"
                            + (f"&start={start}" if start else ""))


def _seconds(text: str) -> int:
    """``90``, ``90s``, ``1m30s``, ``1h2m3s`` as seconds; 0 for anything else."""
    match = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?", text)
    if not text or not match:
        return 0
    hours, minutes, seconds = (int(group or 0) for group in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _vimeo(host: str, segments: list[str], query: dict[str, list[str]], fragment: str) -> Embed | None:
    if host == "player.vimeo.com" and segments[:1] == ["video"] and len(segments) >= 2:
        video, private = segments[1], query.get("h", [""])[0]
    elif host == "vimeo.com":
        numbers = [i for i, segment in enumerate(segments) if _DIGITS.match(segment)]
        if not numbers:
            return None
        at = numbers[-1] if segments[:1] in (["channels"], ["showcase"], ["groups"]) else numbers[0]
        video = segments[at]
        # an unlisted video's address carries its hash after the number: vimeo.com/123/abcdef
        following = segments[at + 1] if at + 1 < len(segments) else ""
        private = following if _ID.match(following) and not _DIGITS.match(following) else query.get("h", [""])[0]
    else:
        return None
    if not _DIGITS.match(video):
        return None
    return Embed("Vimeo", f"https://player.vimeo.com/video/{video}?dnt=1&autoplay=1"
                          + (f"&h={private}" if private and _ID.match(private) else ""))


def _tib(host: str, segments: list[str], query: dict[str, list[str]], fragment: str) -> Embed | None:
    """``av.tib.eu/media/12345``, its player, or its DOI ``doi.org/10.5446/12345``."""
    page = host == "av.tib.eu" and segments[:1] in (["media"], ["player"])
    doi = host in {"doi.org", "dx.doi.org"} and segments[:1] == ["10.5446"]
    if not (page or doi) or len(segments) < 2 or not _DIGITS.match(segments[1]):
        return None
    return Embed("the TIB AV-Portal", f"https://av.tib.eu/player/{segments[1]}")


def _ccc(host: str, segments: list[str], query: dict[str, list[str]], fragment: str) -> Embed | None:
    """``media.ccc.de/v/<slug>``: its player is ``/v/<slug>/oembed``."""
    if host != "media.ccc.de" or len(segments) < 2 or segments[0] != "v" or not re.fullmatch(r"[\w.-]+", segments[1]):
        return None
    return Embed("media.ccc.de", f"https://media.ccc.de/v/{segments[1]}/oembed")


def not_embeddable(where: str, url: str) -> str:
    """The warning for a video the talk page can only link to."""
    host = urlsplit(url).hostname if "://" in url else ""
    said = f"is on {host}, which the site cannot show as a player" if host else "is not a video file the browser plays"
    return (f"{where!r} ({url}) {said}: the talk page will give it as a plain link; expected a video on {EMBEDDABLE}, "
            "which the page shows as a player that loads nothing from the host until the visitor asks "
            "(suppress_warnings = ['symposium.media'] keeps plain links without this warning)")
