"""The site's type for an item, from the words spreadsheets, frab (FOSDEM, the congresses) and
pretalx use for it, or from its title (``Kaffeepause`` is a break)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..entities import ITEM_TYPES

#: what spreadsheets, frab (FOSDEM, the congresses) and pretalx call the site's types; conf.py's
#: ``symposium_types`` comes first (a type named there, or by its label, is kept as it is)
TYPE_WORDS: dict[str, str] = {
    # talks
    "talk": "contributed", "talks": "contributed", "paper": "contributed", "presentation": "contributed",
    "lecture": "contributed", "contributed talk": "contributed", "vortrag": "contributed", "short talk": "contributed",
    "long talk": "contributed", "devroom": "contributed", "maintrack": "contributed", "main track": "contributed",
    "junior": "tutorial", "conference talk": "contributed", "session": "contributed", "ponencia": "contributed",
    "charla": "contributed", "exposé": "contributed", "conférence": "contributed", "communication": "contributed",
    "invited talk": "invited", "keynote talk": "keynote", "keynote speech": "keynote", "keynotes": "keynote",
    "plenary": "keynote", "lightning talk": "lightning", "lightningtalk": "lightning", "lightning": "lightning",
    "lightning talks": "lightning", "lightning_talk": "lightning", "kurzvortrag": "lightning",
    "workshop": "tutorial", "hands-on": "tutorial", "training": "tutorial", "tutorial": "tutorial",
    "certification": "tutorial", "atelier": "tutorial", "taller": "tutorial",
    "panel discussion": "panel", "podium": "panel", "podiumsdiskussion": "panel", "mesa redonda": "panel",
    "table ronde": "panel", "bof": "discussion", "birds of a feather": "discussion", "meeting": "discussion",
    "q&a": "discussion", "fishbowl": "discussion", "round table": "discussion",
    # items without a page
    "welcome": "opening", "opening remarks": "opening", "opening ceremony": "opening", "begrüßung": "opening",
    "closing remarks": "closing", "closing ceremony": "closing", "abschluss": "closing",
    "reception": "social", "party": "social", "concert": "social", "djset": "social", "dj set": "social",
    "performance": "social", "social event": "social", "film": "other", "movie": "other", "contest": "other",
    "poster session": "other", "other": "other", "misc": "other", "sonstiges": "other",
}
#: breaks and meals, as programs in the common languages name them (a type or a whole title)
BREAK_WORDS = ("break", "coffee break", "coffee", "tea break", "pause", "short break", "kaffeepause", "kaffee",
               "pause café", "pause-café", "pausa", "pausa café", "pausa caffè", "pausa cafe", "koffiepauze",
               "pauze", "przerwa", "przerwa kawowa", "fika", "kaffepaus", "休憩", "コーヒーブレイク", "茶歇",
               "휴식", "перерыв", "кофе-брейк")
MEAL_WORDS = ("lunch", "lunch break", "dinner", "breakfast", "meal", "mittagspause", "mittagessen", "abendessen",
              "frühstück", "déjeuner", "pause déjeuner", "dîner", "petit-déjeuner", "almuerzo", "comida", "cena",
              "desayuno", "pranzo", "pausa pranzo", "lunchpauze", "obiad", "lunsj", "昼食", "昼休み", "ランチ",
              "午餐", "점심", "обед", "conference dinner", "banquet", "gala dinner")
TYPE_WORDS |= dict.fromkeys(BREAK_WORDS, "break") | dict.fromkeys(MEAL_WORDS, "meal")
#: titles that say what an item is, whatever its type says
TITLE_TYPES = {**dict.fromkeys(BREAK_WORDS, "break"), **dict.fromkeys(MEAL_WORDS, "meal"),
               "welcome": "opening", "opening": "opening", "closing": "closing", "closing remarks": "closing",
               "opening remarks": "opening", "reception": "social"}


def _type_word(text: str) -> str:
    """``Talk 30 min + 10min Q&A`` -> ``talk``: lower case, and a pretalx type's length left out."""
    word = " ".join(text.lower().replace("_", " ").split())
    return re.sub(r"\s*[(\[]?\d[\d\s]*(?:min\w*|h\b|hours?|minuten)?.*$", "", word).strip(" -–:,(") or word


def item_type(text: str, types: Mapping[str, Any] | None = None) -> str | None:
    """The site's type for a type as a spreadsheet, frab or pretalx writes it; ``None`` for an unknown one.

    ``types`` (the event's, with conf.py's ``symposium_types``) come first, by name or label."""
    word = " ".join(text.lower().replace("_", " ").split())
    for name, kind in (types or {}).items():
        if word in (name.lower(), str(getattr(kind, "label", "")).lower()):
            return name
    if word in ITEM_TYPES:
        return word
    if found := TYPE_WORDS.get(word) or TYPE_WORDS.get(word.rstrip("s")):
        return found
    short = _type_word(text)
    return TYPE_WORDS.get(short) or TYPE_WORDS.get(short.rstrip("s")) or (short if short in ITEM_TYPES else None)


def title_type(title: str) -> str | None:
    """``Kaffeepause``, ``Coffee Break ☕``, ``Almuerzo``: what a title alone says an item is."""
    word = " ".join(re.sub(r"[^\w\s&'-]+", " ", title.lower()).split())
    return TITLE_TYPES.get(word)
