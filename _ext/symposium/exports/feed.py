"""The Atom feed of the program's changes (RFC 4287), made with ``feedgen``.

One entry per published version of the program (``model.history``), newest first, with
what it changed in words and the commit's subject as the reason. Ids are tag URIs
(RFC 4151) of the site's host and the commit, so an entry keeps its id for good; dates are
the commits' dates, so the feed is the same bytes from one build to the next.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from ..model.history import History, Version
from .site_view import ExportSite


def changes_feed(history: History, site: ExportSite, *, feed_url: str, log_url: str) -> bytes:
    from feedgen.feed import FeedGenerator  # only where a build writes exports

    host = urlsplit(site.base_url).hostname or "localhost"
    published = list(history.published)
    # the program's announcement: the feed of a new event (after `symposium init`) is another feed
    first = history.announcement.when if history.announcement else site.stamp
    generator = FeedGenerator()
    generator.id(_tag(host, first, "program-changes"))
    generator.title(site.say("{event}: changes to the program").format(event=site.title))
    generator.subtitle(site.say("What changed in the program of {event}, from the site's repository.").format(
        event=site.full_name))
    generator.link(href=log_url, rel="alternate")
    generator.link(href=feed_url, rel="self")
    generator.author({"name": site.title})
    generator.language(site.language)
    generator.generator("symposium (Sphinx extension)")
    generator.updated(published[-1].when if published else first)
    for version in published:  # feedgen writes the newest first
        entry = generator.add_entry(order="prepend")
        entry.id(_tag(host, version.when, f"change-{version.commit}"))
        entry.title(_title(version, site))
        entry.link(href=f"{log_url}#change-{version.short}")
        entry.published(version.when)
        entry.updated(version.when)
        entry.author({"name": version.author or site.title})
        entry.content(_content(version, site), type="text")
    return generator.atom_str(pretty=True)


def _tag(host: str, when: dt.datetime, name: str) -> str:
    return f"tag:{host},{when:%Y-%m-%d}:{name}"


def _title(version: Version, site: ExportSite) -> str:
    items = [c for c in version.changes if c.kind == "item"]
    first = items[0] if items else version.changes[0]
    more = len(version.changes) - 1
    more_text = " " + site.say_plural("(and {count} more change)", "(and {count} more changes)", more).format(count=more)
    return f"{first.title}: {first.words[0]}" + (more_text if more else "")


def _content(version: Version, site: ExportSite) -> str:
    lines = [f"{change.title}: {change.text}" for change in version.changes]
    if version.note:
        # not inside an f-string: Python 3.12+ tokenizes f-strings, and Babel then extracts what
        # 3.11 cannot see, so the two would write different templates
        lines += ["", site.say("Note:") + f" {version.note}"]
    return "\n".join(lines)
