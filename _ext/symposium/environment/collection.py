"""Python's cyclic garbage collector, kept off what the whole build reads.

Once every page is read (``env-updated``), the environment (every page's data, the store, its
views, the history) stays alive until the pages are written. Each full collection walks every
object that is alive, so on a conference of 1,000 talks every page written paid for walking the
whole program again: the build's time per page grew with the site. ``gc.freeze`` moves what is
alive then out of the collector's sight (what CPython recommends before a long phase that keeps
its data, and before forking the ``-j`` workers, whose pages it leaves unwritten); the
collections while writing walk only what the pages being written make. ``build-finished``
gives them back, so that a process that builds again (``nox -s serve``) collects them as
before. The output is the same bytes either way.
"""

from __future__ import annotations

import gc

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def freeze_read_objects(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``, last: what is alive now is out of the collector's walks until the build ends."""
    gc.freeze()
    return []


def thaw(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``, last: the frozen objects are the collector's again."""
    gc.unfreeze()
