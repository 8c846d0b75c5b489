"""The extension's message catalog: the template is what the code gives, the German catalog
translates every message (none fuzzy), the compiled catalog is reproducible, and the words
the model and the browser script use are all in it.

Without a Sphinx build: ``tools/translations.py`` (``nox -s translations``) does the extraction.
"""

from __future__ import annotations

import gettext
import importlib.util
import re
import subprocess
import sys

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from helpers import REPO
from symposium.environment.translations import LOCALES, compile_catalogs
from symposium.model.entities import ITEM_TYPES, STATUSES
from symposium.rendering import words

TOOL = REPO / "tools" / "translations.py"
GERMAN = LOCALES / "de" / "LC_MESSAGES" / "symposium.po"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("translations_tool", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def template(tool) -> Catalog:
    return tool.template()


def _german() -> Catalog:
    with GERMAN.open("rb") as source:
        return read_po(source, locale="de")


def test_the_committed_template_is_what_the_code_gives(tool, template):
    assert tool.TEMPLATE.read_bytes() == tool.text_of(template, template_file=True), \
        "run `nox -s translations` and commit _ext/symposium/locales/"


def test_the_check_command_passes():
    done = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr


def test_every_message_of_the_code_has_its_german_translation(template):
    german = _german()
    missing, fuzzy = [], []
    for message in template:
        if not message.id:
            continue
        translated = german.get(message.id)
        strings = () if translated is None else (
            translated.string if isinstance(translated.string, tuple) else (translated.string,))
        if not strings or not all(strings):
            missing.append(message.id)
        elif translated.fuzzy:
            fuzzy.append(message.id)
    assert len(template) > 100  # the extraction found the words (a broken extraction finds none)
    assert missing == []
    assert fuzzy == []


def test_the_german_catalog_has_no_message_the_code_lost(template):
    german = _german()
    known = {message.id for message in template}
    assert [message.id for message in german if message.id and message.id not in known] == []
    assert not german.obsolete


def test_the_check_fails_for_a_new_message_without_german(tool):
    """What a contributor who adds a word sees: the German catalog, updated, lacks it."""
    template = tool.template()
    template.add("A word added today")
    catalog = _german()
    catalog.update(template, no_fuzzy_matching=True)
    problems = tool.problems(catalog, "de")
    assert problems == ["de: no translation of 'A word added today'"]


def test_a_fuzzy_translation_fails_the_check(tool):
    catalog = _german()
    catalog["Slides"].flags.add("fuzzy")
    assert tool.problems(catalog, "de") == ["de: fuzzy translation of 'Slides'"]


def test_the_german_placeholders_are_those_of_the_english(template):
    """``{zone}`` and ``{count}`` survive translation, or a page says ``{zone}`` (or fails)."""
    names = re.compile(r"\{(\w*)\}")
    german = _german()
    for message in template:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        translated = german.get(ids[0])
        strings = translated.string if isinstance(translated.string, tuple) else (translated.string,)
        for string in strings:
            assert set(names.findall(string)) == set(names.findall(ids[-1])), ids[0]


def test_compiling_is_reproducible_and_gives_the_german_words(tmp_path):
    compile_catalogs(tmp_path / "a")
    compile_catalogs(tmp_path / "b")
    first = (tmp_path / "a/de/LC_MESSAGES/symposium.mo").read_bytes()
    assert first == (tmp_path / "b/de/LC_MESSAGES/symposium.mo").read_bytes()
    german = gettext.translation("symposium", localedir=tmp_path / "a", languages=["de"])
    assert german.gettext("Slides") == "Folien"
    assert german.ngettext("Speaker:", "Speakers:", 2) == "Vortragende:"
    changed = "{count} of your starred items changed since your last visit:"
    assert german.ngettext(changed, changed, 1).endswith("hat sich seit Ihrem letzten Besuch geändert:")
    assert german.ngettext(changed, changed, 3).endswith("haben sich seit Ihrem letzten Besuch geändert:")


def test_the_labels_of_the_model_are_in_the_catalog(template):
    """The model names its types and statuses in English and marks each label where it declares it
    (``N_`` of model/translating.py): the extraction finds each there, and pages show it translated."""
    labels = {label for label in (*ITEM_TYPES.values(), *STATUSES.values()) if label}
    assert len(labels) == 16
    for label in sorted(labels):
        message = template.get(label)
        assert message is not None, f"{label!r} is not in the catalog"
        assert "_ext/symposium/model/entities.py" in {path for path, _ in message.locations}, message.locations


def test_words_are_plain_strings_in_english_without_a_build():
    assert words.PROGRAM_SOON == "The program will be announced soon."
    assert type(words.MODERATED_BY) is str and words.MODERATED_BY == "Moderated by "
    assert words.STATUS_NOTES["cancelled"] == "This talk will not take place."
    assert words.role_label("Speaker", 2) == "Speakers:"
    assert words.times_are("America/Chicago, UTC\u22126", "CST") == "Times are America/Chicago, UTC\u22126 (CST)."
    with pytest.raises(AttributeError):
        words.NO_SUCH_WORD  # noqa: B018


def test_every_word_of_the_browser_script_comes_from_the_build():
    script = "\n".join(path.read_text("utf-8") for path in sorted((REPO / "_ext/symposium/html_page/modules").glob("*.js")))
    used = set(re.findall(r'\bsay\("(\w+)"', script))
    # the keys chosen by a condition: say(kind === "room" ? "allRooms" : "allTracks"), say(kind)
    for first, second in re.findall(r'\bsay\([^(),]*\? "(\w+)" : "(\w+)"', script):
        used |= {first, second}
    used |= {"room", "track"}  # say(kind)
    assert used == set(words.BROWSER)
    # no English sentence left in the script's strings
    code = re.sub(r"^\s*//.*$", "", re.sub(r"/\*.*?\*/", "", script, flags=re.S), flags=re.M)  # without comments
    strings = re.findall(r'"([^"\\]*(?:\\.[^"\\]*)*)"', code)
    assert [s for s in strings if re.search(r"[A-Z][a-z]+ [a-z]+ [a-z]+", s)] == []


def test_words_are_read_in_the_language_registered_now(tmp_path):
    """What a German build sees: the words of the catalog Sphinx registered, read when used."""
    import sphinx.locale

    compile_catalogs(tmp_path)
    sphinx.locale.init([tmp_path], "de", "symposium")
    try:
        assert words.SLIDES == "Folien"
        assert words.MODERATED_BY == "Moderation: "  # the space stays outside the message
        assert words.STATUS_NOTES["cancelled"] == "Dieser Vortrag findet nicht statt."
        assert words.role_label("Chair", 2) == "Vorsitz:"
        assert words.label("Invited Talk") == "Eingeladener Vortrag"
        assert words.label("") == ""  # a type without a label (gettext would give "" the catalog's header)
        assert words.label("Featured Speaker") == "Featured Speaker"  # a site's own label stays
    finally:
        sphinx.locale.translators.pop(("general", "symposium"), None)
    assert words.SLIDES == "Slides"
