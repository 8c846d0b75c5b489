"""The garbage collector's freeze (environment/collection.py): what the build reads is frozen
while the pages are written, and given back when the build ends."""

from __future__ import annotations

import gc

from helpers import parse_warnings
from symposium.environment import collection


def test_the_read_objects_are_frozen_while_writing_and_given_back_after(build, monkeypatch):
    frozen_while_writing = []
    freeze = gc.freeze

    def counted() -> None:
        freeze()
        frozen_while_writing.append(gc.get_freeze_count())

    monkeypatch.setattr(collection.gc, "freeze", counted)
    app = build()
    assert parse_warnings(app) == []
    # the environment, Sphinx's and the extension's, was out of the collector's walks
    assert frozen_while_writing and frozen_while_writing[0] > 10_000
    assert gc.get_freeze_count() == 0
