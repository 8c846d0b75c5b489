"""Slugs and people: the page names the import gives talks and speakers, and one page per
person across the file's rows."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping

from ..entities import SLUG, slugify
from ..text import squeeze
from .program import ImportedProgram, ImportedSpeaker, ImportProblem, Where

#: the longest slug made of a title: the first words up to this many characters
SLUG_LENGTH = 48


def _slug(text: str, fallback: str) -> str:
    """The site's slug of ``text``; for a text without a Latin letter or digit (``王伟``), ``fallback-<digest>``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    if not re.search(r"[A-Za-z0-9]", ascii_text):
        return f"{fallback}-{hashlib.sha256(' '.join(text.split()).encode()).hexdigest()[:8]}"
    return slugify(text)


def title_slug(title: str) -> str:
    """A page's slug from its title: the site's slug rule, cut after whole words."""
    slug = _slug(title, "talk")
    if len(slug) <= SLUG_LENGTH:
        return slug
    cut = slug[:SLUG_LENGTH + 1].rsplit("-", 1)[0]
    return cut or slug[:SLUG_LENGTH]


def person_key(name: str) -> str:
    """What matches one person across rows: the name as a slug (case, accents and spaces aside)."""
    return _slug(name, "speaker")


def _same_text(a: str, b: str) -> bool:
    """One affiliation written two ways (``Analytical Society`` and ``analytical  society``); texts
    without Latin letters (``東京大学``, ``理化学研究所``) are the same only when they are, but for spaces."""
    def norm(text: str) -> str:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]+", "", ascii_text.lower())
    if not norm(a) or not norm(b):
        return "".join(a.casefold().split()) == "".join(b.casefold().split())
    return norm(a) == norm(b)


class People:
    """Speakers across rows: by the file's id for a person when it has one, else by name; one page
    each, the first spelling kept, the others noted."""

    def __init__(self, program: ImportedProgram) -> None:
        self.program = program
        self.by_identity: dict[str, str] = {}  # the file's id -> the speaker's key

    def add(self, name: str, affiliations: list[str], where: Where, *, slug: str = "", honorific: str = "",
            biography: str = "", links: Mapping[str, str] | None = None, unknown_affiliation: bool = False,
            identity: str = "") -> str:
        name = squeeze(name)
        speakers = self.program.speakers
        if identity:
            key = self.by_identity.get(identity)
            if key is None:
                # a person of their own: a name another id has already gets the id in its slug
                base = slug if slug and SLUG.match(slug) else person_key(name)
                key = base
                if key in speakers:
                    suffix = slugify(identity.rsplit(":", 1)[-1]) or "2"
                    key, n = f"{base}-{suffix}", 2
                    while key in speakers:
                        key, n = f"{base}-{suffix}-{n}", n + 1
                    self.program.notes.append(ImportProblem(
                        where, f"{name!r} (id {identity.rsplit(':', 1)[-1]}) is another person than {speakers[base].name!r} "
                        f"of {speakers[base].where} (another id): two pages, speakers/{base}.md and speakers/{key}.md",
                        "same name"))
                self.by_identity[identity] = key
        else:
            key = slug if slug and SLUG.match(slug) else person_key(name)
        speaker = speakers.get(key)
        if speaker is None:
            compact = "".join(name.casefold().split())
            twin = next((s for s in speakers.values() if s.name != name and "".join(s.name.casefold().split()) == compact
                         and person_key(s.name) != person_key(name)), None)
            if twin is not None:
                self.program.notes.append(ImportProblem(
                    where, f"{name!r} and {twin.name!r} (of {twin.where}) differ only in spaces: two speakers; if they "
                    "are one person, write the name one way", "spacing"))
            speaker = speakers[key] = ImportedSpeaker(
                slug=key, name=name, where=where, honorific=honorific, biography=biography,
                links=dict(links or {}), affiliation_unknown=unknown_affiliation, identity=identity)
        elif speaker.name != name:
            self.program.notes.append(ImportProblem(
                where, f"{name!r} is taken for {speaker.name!r} of {speaker.where} (one person, one page: "
                f"speakers/{key}.md); the page keeps the first spelling", "spelling"))
        speaker.honorific = speaker.honorific or honorific
        speaker.biography = speaker.biography or biography
        for label, url in (links or {}).items():
            speaker.links.setdefault(label, url)
        if affiliations and (not speaker.affiliations or speaker.affiliation_unknown):
            kept: list[str] = []
            for affiliation in affiliations:  # all of them (Lab A; Lab B), each once
                if not any(_same_text(a, affiliation) for a in kept):
                    kept.append(affiliation)
            speaker.affiliations, speaker.affiliation_unknown = kept, False
        elif affiliations:
            for affiliation in affiliations:
                known = [a for a in speaker.affiliations if _same_text(a, affiliation)]
                if known and known[0] == affiliation:
                    continue
                if known:
                    self.program.notes.append(ImportProblem(
                        where, f"{name!r}: affiliation {affiliation!r} is {known[0]!r} written another way; kept "
                        f"{known[0]!r} (from {speaker.where})", "affiliation spelling"))
                    continue
                self.program.notes.append(ImportProblem(
                    where, f"{name!r}: affiliation {affiliation!r} is not among {speaker.affiliations!r} (from "
                    f"{speaker.where}); kept those: edit speakers/{key}.md if it is right too", "affiliation"))
        return key


def page_slugs(program: ImportedProgram) -> None:
    """Each talk's slug: the one the file gives, else its title's; a second talk of one title gets ``-2``."""
    taken: set[str] = set()
    for item in program.items:
        if not item.has_page:
            continue
        base = item.slug or title_slug(item.title)
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        item.slug = slug
