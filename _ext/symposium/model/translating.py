"""The seam between the words of the pure layers and the extension's message catalog.

The model and the export encoders say their words through functions they are given: ``say``
(a message in the site's language) and ``say_plural`` (a message by count, as gettext's
``ngettext``). The build passes those of ``environment/translations.py`` (the catalog of the
site's ``language``); without a build (unit tests, the ``symposium`` command) they default to
the English words, which are the messages themselves. Nothing here imports Sphinx.

``tools/translations.py`` extracts the calls of ``say`` and ``say_plural`` into the catalog,
whatever object they are called on (``site.say(...)``), and those of the markers :func:`N_` and
:func:`N_plural`: a word kept in a table (the model's labels of types and statuses,
``rendering/words.py``'s words) is marked where it is declared and translated where it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

#: a message in the site's language (``_`` of the extension's catalog)
Say = Callable[[str], str]
#: a message by count (``ngettext`` of the extension's catalog): singular, plural, count
SayPlural = Callable[[str, str, int], str]


def english(message: str) -> str:
    """The message as it is: the English words."""
    return message


def english_plural(singular: str, plural: str, count: int) -> str:
    """The singular for one, else the plural, as gettext does without a catalog."""
    return singular if count == 1 else plural


def N_(message: str) -> str:
    """Marks ``message`` for the catalog without translating it: a word kept in a table (a type's
    label in ``entities.TALK_TYPES``) and translated where it is shown (``rendering/words.label``)."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message by count for the catalog, translated where the count is known."""
    return singular, plural
