""""Did you mean ...?": the closest known value to a misspelt one, for every warning that offers it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(value: object, known: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The known value most like ``value``, when one is like it enough."""
    found = difflib.get_close_matches(str(value), list(known), n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(value: object, known: Iterable[str], *, cutoff: float = 0.6) -> str:
    """``"did you mean 'x'? "`` before what the warning expects, or ``""`` when nothing is close."""
    match = closest(value, known, cutoff=cutoff)
    return f"did you mean {match!r}? " if match else ""
