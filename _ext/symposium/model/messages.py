"""Warning texts that more than one part reports, as functions: the build and ``symposium check``
say the same words from one copy."""

from __future__ import annotations

from collections.abc import Iterable

from .hints import did_you_mean


def raw_html_in_title(title: str) -> str:
    return (f"raw HTML in the title {title!r} is shown as text; expected plain text, with Markdown "
            "emphasis or code if needed, in the title of a talk or speaker page")


def unknown_speaker_in_list(slug: str, known: Iterable[str]) -> str:
    return (f"speaker-list ':only:' names {slug!r}, which has no page in speakers/; {did_you_mean(slug, known)}"
            "expected a speaker slug")
