"""Language tags (``language: de``) checked against what the Unicode CLDR knows, through Babel.

A tag of the right shape is not yet a language: ``jp`` (Japan's country code), ``jpn`` (ISO 639-2's
code for Japanese) and ``xx`` (nothing) would be published as ``lang="jp"``, ``inLanguage: jp`` and
the apps' ``language``, which browsers, screen readers and search engines do not read as Japanese.
:func:`language_problem` says what is wrong with a tag and, where CLDR's data allow a guess, what
was meant (``did you mean 'ja'?``). Nothing here knows about Sphinx.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale
from babel.core import get_global

#: the shape of a BCP 47 language tag: a language, then an optional script, region and variants
#: (``de``, ``pt-BR``, ``zh-Hant-TW``, ``de-CH-1996``); RFC 5646, section 2.1, without extensions
BCP47 = re.compile(r"^(?P<language>[A-Za-z]{2,3})(?:-(?P<script>[A-Za-z]{4}))?(?:-(?P<region>[A-Za-z]{2}|\d{3}))?"
                    r"(?P<variants>(?:-(?:[A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*)$")
#: what every message about a tag expects
EXPECTED = ("expected a BCP 47 tag of a language that the Unicode CLDR knows, such as 'de', 'en', 'ja' or 'pt-BR' "
            "(a language, then optionally a script and a region: 'zh-Hant', 'sr-Latn', 'en-GB')")


@cache
def _english() -> Locale:
    return Locale.parse("en")


@cache
def known_languages() -> frozenset[str]:
    """The language codes CLDR names (``de``, ``ja``, ``fil``, ``yue``...) or has likely subtags for."""
    named = {code for code in _english().languages if "_" not in code}
    likely = {code for code in get_global("likely_subtags") if "_" not in code and code != "und"}
    # an older code that CLDR only keeps as an alias (``iw`` for ``he``) is told what to write
    replaced = set(get_global("language_aliases")) - named
    return frozenset((named | likely) - replaced)


@cache
def _language_names() -> dict[str, str]:
    """English names of languages (casefolded) -> their code: ``japanese`` -> ``ja``."""
    names: dict[str, str] = {}
    for code, name in sorted(_english().languages.items()):
        if "_" not in code:
            names.setdefault(name.casefold(), code)
    return names


def language_problem(tag: str) -> str | None:
    """What is wrong with ``tag`` as the language of an item, from "which is ..." on, with a
    did-you-mean where one can be guessed and what was expected; ``None`` for a tag of a language
    CLDR knows (``de``, ``pt-BR``, ``zh-Hant``, ``sr-Latn``, ``de-CH-1996``)."""
    parts = BCP47.match(tag)
    if parts is None:
        return _not_a_tag(tag)
    language, script, region = parts["language"], parts["script"], parts["region"]
    said: list[str] = []
    meant: dict[str, str] = {}
    if language.lower() not in known_languages():
        why, guess = _guess_language(language)
        said.append(f"which is not a language that the Unicode CLDR knows{why}" if language == tag
                    else f"whose language {language!r} is not one that the Unicode CLDR knows{why}")
        if guess:
            meant["language"] = guess
    if script and script.title() not in _english().scripts:
        said.append(f"whose script {script!r} is not one that CLDR knows")
        if alias := get_global("script_aliases").get(script.title()):
            meant["script"] = alias
    if region and region.upper() not in _english().territories:
        said.append(f"whose region {region!r} is not one that CLDR knows")
        if alias := _territory_alias(region.upper()):
            meant["region"] = alias
    if not said:
        return None
    hint = ""
    if len(meant) == len(said):
        pieces = {"language": language, "script": script, "region": region, **meant}
        guess = "-".join(p for p in (pieces["language"], pieces["script"], pieces["region"]) if p) + parts["variants"]
        hint = f"did you mean {guess!r}? "
    return f"{' and '.join(said)}; {hint}{EXPECTED}"


def _not_a_tag(tag: str) -> str:
    """A value that has not even the shape of a tag: ``de_DE``, ``German``, ``en-us-x``."""
    fixed = tag.replace("_", "-")
    if fixed != tag and BCP47.match(fixed) and language_problem(fixed) is None:
        return f"which is not a language tag (written with '-': {fixed!r}); {EXPECTED}"
    code = _language_names().get(" ".join(tag.split()).casefold())
    if code:
        return f"which is not a language tag but a language's name; did you mean {code!r}? {EXPECTED}"
    return f"which is not a language tag; {EXPECTED}"


def _guess_language(code: str) -> tuple[str, str | None]:
    """Why ``code`` may have been written, and the language tag it stands for, if any: an older
    or three-letter code (``jpn``, ``iw``) is its CLDR alias; a country's code (``jp``, ``gr``)
    the language of that country that CLDR gives as likely."""
    alias = get_global("language_aliases").get(code.lower())
    if alias:
        primary = alias.split("_")[0]
        if primary in known_languages():
            return f" ({code!r} is an older or longer code of {_name(primary)})", alias.replace("_", "-")
    if len(code) == 2:
        region = code.upper()
        likely = get_global("likely_subtags").get(f"und_{region}")
        if region in _english().territories and likely:
            language = likely.split("_")[0]
            country = _english().territories[region]
            return f" ({region!r} is the code of the region {country}, whose likely language is {_name(language)})", language
    return "", None


def _territory_alias(region: str) -> str | None:
    alias = get_global("territory_aliases").get(region)
    if isinstance(alias, (list, tuple)):
        alias = alias[0] if alias else None
    return alias if alias and alias in _english().territories else None


def _name(code: str) -> str:
    return _english().languages.get(code, code)
