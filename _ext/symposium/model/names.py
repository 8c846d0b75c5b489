"""People's names in any script: which words are the family name, the letters of an avatar, and when
to ask for ``family_name:``.

One copy of the rules that citations ("Family, Given"), the order of speaker lists and the generated
avatars follow:

- A name in Chinese, Japanese or Korean script (山田 太郎, 김 민준) writes the family name first; any
  other name is taken to end with it, unless ``family_name:`` says which words it is. An Arabic name
  ending in a word that is no name alone (عبد الله, "servant of God": ``عبد`` is never a name by
  itself) ends with both words.
- An avatar shows two initials only in scripts whose letters have case (Latin, Greek, Cyrillic,
  Armenian...): a reader takes "GH" as two letters. In other scripts two characters read as a word
  (山太 is no one's initials; Arabic letters join), so the avatar shows the family name's first
  character, and a name without letters gets an icon (``""``).
- :func:`family_name_hint` is the note ``symposium check`` gives for a name whose last word is likely
  not the whole family name (a particle before it: ``da Silva``, ``Ortega y Gasset``, ``bin Laden``),
  so that its speaker may say so with ``family_name:``.

Nothing here knows about Sphinx.
"""

from __future__ import annotations

import re
import unicodedata

#: scripts (the first word of the Unicode names of their letters) that write the family name first
FAMILY_FIRST_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC"})
#: Arabic words that are no name alone, but join the next word into one (عبد الله, أبو بكر)
ARABIC_JOINING = frozenset({"عبد", "أبو", "ابو", "أبي", "ابي"})
#: words that, before a name's last word, say that the family name is likely more than that word:
#: particles of family names (``da Silva``, ``van Gogh``, ``von Neumann``), patronyms (``bin``,
#: ``ibn``, ``بن``) and the parts of Arabic names that join the next word (``Abd``, ``عبد``)
PARTICLES = frozenset({
    "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "la", "le", "van", "von", "den", "ter",
    "ten", "zu", "al", "el", "bin", "ibn", "bint", "ben", "abu", "abd", "ould", "ap", "af", "av",
    "بن", "ابن", "بنت", "آل", "ال", *ARABIC_JOINING,
})
#: conjunctions that join two family names into one (``Ortega y Gasset``, ``Sousa e Silva``)
CONJUNCTIONS = frozenset({"y", "e", "i"})
#: Thai and Lao vowels written before the consonant they follow in speech: no initial alone
_LEADING_VOWELS = re.compile(r"[\u0e40-\u0e44\u0ec0-\u0ec4]")


def script_of(char: str) -> str:
    """``LATIN``, ``CJK``, ``ARABIC``...: the first word of the character's Unicode name."""
    return unicodedata.name(char, "").split(" ", 1)[0]


def _letters(text: str) -> list[str]:
    return [char for char in text if char.isalpha()]


def is_cased(char: str) -> bool:
    """A letter of a script with capitals and small letters (Latin, Greek, Cyrillic, Armenian...)."""
    return char.lower() != char.upper()


def family_first(name: str) -> bool:
    """A name written in Chinese, Japanese or Korean script: its family name comes first."""
    letters = _letters(name)
    return bool(letters) and all(script_of(char) in FAMILY_FIRST_SCRIPTS for char in letters)


def family_and_given(name: str, family_name: str = "") -> tuple[str, str | None]:
    """The family name and the given names of ``name``; the given names are ``None`` when
    ``family_name`` is neither the first nor the last words of ``name`` (nor all of it).

    Without ``family_name``: the first word of a name in CJK script, the last two of an Arabic
    name that ends with ``عبد الله``, else the last word."""
    words = name.split()
    family = family_name.split()
    if not family:
        if not words:
            return "", ""
        if len(words) > 1 and family_first(name):
            return words[0], " ".join(words[1:])
        last = 2 if words[-2:-1] and words[-2] in ARABIC_JOINING else 1
        return " ".join(words[-last:]), " ".join(words[:-last])
    if words == family:
        return " ".join(family), ""
    if words[-len(family):] == family:
        return " ".join(family), " ".join(words[: -len(family)])
    if words[: len(family)] == family:  # a family name written first (Zhang Wei)
        return " ".join(family), " ".join(words[len(family):])
    return " ".join(family), None


def initials(name: str, family_name: str = "") -> str:
    """What a generated avatar shows: ``GH`` for Grace Hopper, ``RF`` for Rafael Ferreira da Silva
    (``family_name: Ferreira da Silva``), ``ВП`` for Владимир Петров; one character for a name in a
    script without case (``山`` for 山田 太郎, ``ع`` for محمد عبد الله); ``""`` (an icon) for a name
    without letters."""
    family, given = family_and_given(name, family_name)
    if given is None:  # a family_name that is not in the name (the build warns): as without it
        family, given = family_and_given(name)
    last = _initial(family, capital=True)
    first = _initial(given or "")
    if not last:
        last, first = first, ""
    if not last:
        return ""
    if first and is_cased(first[0]) and is_cased(last[0]):
        # in the order the name is written: ZW for Zhang Wei (family_name: Zhang)
        family_written_first = bool(given) and name.split()[0] == family.split()[0]
        return (last + first if family_written_first else first + last).upper()
    return last.upper() if is_cased(last[0]) else last


def _initial(words: str, *, capital: bool = False) -> str:
    """The first letter of ``words`` (of the first word with a capital, for a family name such as
    ``da Silva`` or ``van Gogh``), with the marks that belong to it; ``""`` without letters."""
    pieces = [piece for piece in re.split(r"[\s\-\u2010\u2011]+", words) if _letters(piece)]
    if capital:
        pieces = [piece for piece in pieces if _letters(piece)[0].isupper()] or pieces
    if not pieces:
        return ""
    text = unicodedata.normalize("NFC", pieces[0])
    text = _LEADING_VOWELS.sub("", text) or text
    if capital and text.startswith("ال") and len(text) > 3:  # the article: الزهراء under ز, as al-Zahra under Z
        text = text[2:]
    start = next(i for i, char in enumerate(text) if char.isalpha())
    letter = text[start]
    for char in text[start + 1:]:  # vowel signs and accents written apart (Devanagari, Thai)
        if not unicodedata.combining(char) and unicodedata.category(char) not in {"Mn", "Mc"}:
            break
        if "VIRAMA" not in unicodedata.name(char, ""):  # a consonant without its vowel is no initial
            letter += char
    return letter


def family_name_hint(name: str, family_name: str = "") -> str | None:
    """A note for a name whose last word is likely not its whole family name (``Rafael Ferreira da
    Silva``, ``José Ortega y Gasset``, ``محمد عبد الله``, ``Ludwig van Beethoven``), with the
    ``family_name:`` to consider; ``None`` when ``family_name`` is given or nothing suggests it."""
    words = name.split()
    family, given = family_and_given(name)
    if family_name.strip() or not given or family_first(name):
        return None
    start = len(words) - 1  # the first word of the family name, as far as particles tell
    while start > 1 and _particle(words[start - 1]):
        start -= 1
    if start == len(words) - 1:
        return None
    if words[start].casefold() in CONJUNCTIONS or words[start - 1].casefold() in CONJUNCTIONS:
        start -= 1  # Ortega y Gasset: the word before the conjunction too
    options = [" ".join(words[start:])]
    if start > 1 and words[start].casefold() in IBERIAN:  # Ferreira da Silva: two family names
        options.append(" ".join(words[start - 1:]))
    suggested = " or ".join(f"'family_name: {option}'" for option in options)
    return (f"the name {name!r} ends in {' '.join(words[-2:])!r}: the site takes {family!r} as the family name "
            "(in citations, the order of speaker lists and the avatar's letter); if the family name is more or "
            f"other words of the name, say which with 'family_name:', such as {suggested} (and 'sort_name:' to "
            "sort by another word); a 'family_name:' also silences this note")


#: particles of Portuguese names, whose family name is often two names (Ferreira da Silva)
IBERIAN = frozenset({"da", "das", "do", "dos"})


def _particle(word: str) -> bool:
    word = word.casefold().rstrip(".")
    return word in PARTICLES or word in CONJUNCTIONS or word.removesuffix("-") in PARTICLES
