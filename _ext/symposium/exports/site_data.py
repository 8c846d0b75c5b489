"""The site as the exports describe it: ``export_site(builder)``, made once per build.

Made at ``env-updated``, once every page is read and the program's history is known, and read by
the writer (the files at ``build-finished``) and by the pages that show what a file holds (a
talk's citation), so that both say the same. It is kept on the builder, which lives for one
build and is never pickled (its page addresses are functions of the builder).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

from ..environment.site_values import site_of
from ..environment.store import store_of
from ..environment.translations import _, ngettext
from .addresses import page_url, site_url
from .site_view import ExportSite

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: where the build keeps it on its builder
_KEPT_AS = "_symposium_export_site"


def keep_export_site(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``, after the history is read: the export site of this build."""
    setattr(app.builder, _KEPT_AS, _made_for(app.builder))


def export_site(builder: Builder) -> ExportSite:
    """The site as this build's exports describe it (``keep_export_site`` made it)."""
    return getattr(builder, _KEPT_AS)


def _made_for(builder: Builder) -> ExportSite:
    site = site_of(builder.config)
    store = store_of(builder.env)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    event = site.event
    # A stable DTSTAMP: reproducible builds set SOURCE_DATE_EPOCH; otherwise the first
    # day of the event, so that rebuilding changes no byte of an unchanged program.
    stamp = (dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit()
             else dt.datetime.combine(event.date, dt.time(), dt.UTC))
    return ExportSite(
        title=site.short_name,
        full_name=site.name,
        acronym=site.acronym,
        event=event,
        base_url=site_url(builder.config),
        item_url=lambda item: page_url(builder, item.docname),
        speaker_url=lambda speaker: page_url(builder, speaker.docname),
        speakers=store.speakers_by_slug(),
        sessions=store.views.sessions_by_id,
        stamp=stamp,
        revisions=store.history.revisions,
        version=store.history.version_name(),
        doi=site.doi,
        language=site.language,
        say=_,
        say_plural=ngettext,
    )
