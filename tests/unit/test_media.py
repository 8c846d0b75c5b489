"""Which video addresses a talk page can show as a click-to-load player, and the player's address.

The model alone (``symposium.model.media``): no build.
"""

from __future__ import annotations

import pytest

from helpers import at, talk
from symposium.model.media import embed_of

PLAYERS = {
    # YouTube: always the privacy-enhanced youtube-nocookie.com, with the start time kept
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ": ("YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
    "https://youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s": (
        "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90"),
    "https://youtu.be/dQw4w9WgXcQ?t=42": ("YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=42"),
    "https://m.youtube.com/watch?v=dQw4w9WgXcQ": ("YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
    "https://www.youtube.com/live/dQw4w9WgXcQ": ("YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ": (
        "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
    # Vimeo: player.vimeo.com with dnt=1 (do not track), and an unlisted video's hash
    "https://vimeo.com/76979871": ("Vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"),
    "https://vimeo.com/76979871/8a1b2c3d4e": ("Vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=8a1b2c3d4e"),
    "https://vimeo.com/channels/staffpicks/76979871": ("Vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"),
    "https://player.vimeo.com/video/76979871?h=8a1b2c3d4e": (
        "Vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=8a1b2c3d4e"),
    # the TIB AV-Portal, by its page or its DOI
    "https://av.tib.eu/media/42497": ("the TIB AV-Portal", "https://av.tib.eu/player/42497"),
    "https://doi.org/10.5446/42497": ("the TIB AV-Portal", "https://av.tib.eu/player/42497"),
    # media.ccc.de
    "https://media.ccc.de/v/36c3-10652-bahnmining": ("media.ccc.de", "https://media.ccc.de/v/36c3-10652-bahnmining/oembed"),
    # a video file of the site
    "_static/videos/keynote.mp4": ("", "_static/videos/keynote.mp4"),
    "_static/videos/keynote.webm": ("", "_static/videos/keynote.webm"),
}


@pytest.mark.parametrize("url", PLAYERS)
def test_known_hosts_become_a_player_at_their_privacy_friendly_address(url):
    embed = embed_of(url)
    assert embed is not None
    assert (embed.host, embed.player) == PLAYERS[url]
    assert embed.is_file == (embed.host == "")


@pytest.mark.parametrize("url", [
    "https://example.org/video",  # a host the site does not know
    "https://www.youtube.com/channel/UCxyz",  # a channel, not a video
    "https://www.youtube.com/watch?list=PL123",  # a playlist without a video
    "https://vimeo.com/staff",  # not a video
    "https://doi.org/10.1000/182",  # a DOI, not the TIB's
    "https://media.ccc.de/c/36c3",  # a conference, not a talk
    "_static/slides/keynote.pdf",  # a file, but no video
])
def test_other_addresses_stay_links(url):
    assert embed_of(url) is None


def test_the_player_host_is_where_the_player_comes_from():
    assert embed_of("https://youtu.be/dQw4w9WgXcQ").player_host == "www.youtube-nocookie.com"
    assert embed_of("https://vimeo.com/76979871").player_host == "player.vimeo.com"


def test_a_talks_video_the_page_cannot_play_is_one_warning_at_its_line():
    item, problems = talk("type: invited\nstart: 9:30\nend: 10:00\nvideo: https://example.org/talk\n")
    assert at(problems) == [("media", 6)]
    assert "'talk.video' (https://example.org/talk) is on example.org" in problems[0].message
    assert "plain link" in problems[0].message
    assert item.video == "https://example.org/talk"  # still linked


def test_recording_false_is_read_and_anything_but_true_or_false_is_a_warning():
    item, problems = talk("type: invited\nstart: 9:30\nend: 10:00\nrecording: false\n")
    assert problems == [] and item.recording is False
    item, problems = talk("type: invited\nstart: 9:30\nend: 10:00\n")
    assert item.recording is True
    item, problems = talk("type: invited\nstart: 9:30\nend: 10:00\nrecording: 'no'\n")
    assert at(problems) == [("frontmatter", 6)]
    assert "'talk.recording' should be true or false (false for a talk that must not be recorded), got text 'no'" \
        in problems[0].message
    assert item.recording is True
