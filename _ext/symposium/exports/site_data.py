"""The site as the exports describe it, from a build: ``export_site(builder)``.

Read by the writer (the files at ``build-finished``) and by the pages that show what a
file holds (a talk's citation), so that both say the same.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

from ..environment.config import event_name, event_of, short_name, site_language
from ..environment.store import store_of
from ..environment.translations import _, ngettext
from .addresses import page_url, site_url
from .site_view import ExportSite

if TYPE_CHECKING:
    from sphinx.builders import Builder


def export_site(builder: Builder) -> ExportSite:
    config = builder.config
    env = builder.env
    store = store_of(env)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    event = event_of(config)
    # A stable DTSTAMP: reproducible builds set SOURCE_DATE_EPOCH; otherwise the first
    # day of the event, so that rebuilding changes no byte of an unchanged program.
    stamp = (dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit()
             else dt.datetime.combine(event.date, dt.time(), dt.UTC))
    return ExportSite(
        title=short_name(config),
        full_name=event_name(config),
        acronym=config.symposium_acronym,
        event=event,
        base_url=site_url(config),
        item_url=lambda item: page_url(builder, item.docname),
        speaker_url=lambda speaker: page_url(builder, speaker.docname),
        speakers=store.speakers_by_slug(),
        sessions=store.views.sessions_by_id,
        stamp=stamp,
        revisions=store.history.revisions,
        version=store.history.version_name(),
        doi=config.symposium_doi or "",
        language=site_language(config),
        say=_,
        say_plural=ngettext,
    )
