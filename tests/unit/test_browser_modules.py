"""The attendee modules (``html_page/modules/*.js``) and the early script, read as text: the names
they share with the build come from its one table (``rendering/browser_names.py``), never from a
literal of their own; every name they read is in it; each module is reached from the entry, and the
build versions every import.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from symposium.html_page import module_files
from symposium.html_page.attendee import EARLY_SCRIPT, early_script
from symposium.rendering.browser_names import NAMES, PAGE_DATA_ID, browser_names

MODULES = {path.name: path.read_text("utf-8") for path in sorted(module_files.SOURCE.glob("*.js"))}
SCRIPTS = {**MODULES, EARLY_SCRIPT.name: EARLY_SCRIPT.read_text("utf-8")}
#: a string of the scripts: "...", '...' or `...`, comments left out first
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`')
_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\"'\\])//[^\n]*", re.S)


def strings_of(script: str) -> list[str]:
    return _STRING.findall(_COMMENT.sub("", script))


def shared_literals(script: str) -> list[str]:
    """Each string of the script that spells a name of the table: a class name whole, any class
    under a prefix of the table (``symposium-item-...``), a piece of a storage key."""
    names = dataclasses.asdict(NAMES).values()
    whole = {name for name in names if "{" not in name and not name.endswith("-")}
    prefixes = [name for name in names if name.endswith("-")]
    pieces = list(dict.fromkeys(piece for name in names if "{" in name for piece in name.split("{acronym}") if piece))
    found = []
    for string in strings_of(script):
        for token in re.findall(r"symposium[\w:-]*", string):
            if token in whole or token.startswith(tuple(prefixes)):
                found.append(token)
        found += [piece for piece in pieces if piece in string]
    return found


def test_the_check_finds_a_name_spelt_in_a_script():
    assert shared_literals('row.classList.contains("symposium-grid-item")') == ["symposium-grid-item"]
    assert shared_literals("x.querySelector(`tr.symposium-heads-${key}`)") == ["symposium-heads-"]
    assert shared_literals('store("symposium:" + data.acronym + ":starred")') == ["symposium:", ":starred"]
    # names of the scripts' own, which no Python writes, and comments
    assert shared_literals('el("div", { "class": "symposium-starred symposium-tools" }); // symposium-grid\n') == []


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_no_script_spells_a_name_it_shares_with_the_build(name):
    script = SCRIPTS[name]
    assert strings_of(script)  # the check reads the script's strings
    assert shared_literals(script) == []


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_every_name_a_script_reads_is_in_the_table(name):
    """``names.grid_itme`` would be undefined, and its selector would find nothing, silently."""
    read = set(re.findall(r"\bnames\.(\w+)", SCRIPTS[name]))
    assert read <= set(browser_names("x"))
    # the toolbar's room and track filter reads a kind's prefix by its name
    if "names[" in SCRIPTS[name]:
        assert re.findall(r"\bnames\[([^\]]+)\]", SCRIPTS[name]) == ['select.getAttribute("data-kind")']
        assert {"room", "track"} <= set(browser_names("x"))


def test_the_page_data_is_found_by_the_id_the_build_gives_it():
    for name in ("page.js", EARLY_SCRIPT.name):
        assert f'getElementById("{PAGE_DATA_ID}")' in SCRIPTS[name]


def test_the_storage_keys_are_the_sites_own():
    names = browser_names("aiexscale2025")
    # what visitors of the AIExScale site have kept: a renamed key would forget their stars
    assert names["stars_key"] == "symposium:aiexscale2025:starred"
    assert names["seen_key"] == "symposium:aiexscale2025:seen-version"
    assert names["local_time_key"] == "symposium:local-time"


def test_every_module_is_reached_from_the_entry():
    imports = {name: re.findall(r'\bfrom\s*"\./([\w-]+\.js)"', text) for name, text in MODULES.items()}
    reached, todo = set(), [module_files.ENTRY]
    while todo:
        name = todo.pop()
        assert name in MODULES, f"an import of a module that is not there: {name}"
        if name not in reached:
            reached.add(name)
            todo += imports[name]
    assert reached == set(MODULES)


def test_the_build_versions_every_import():
    written = module_files.written()
    stamp = module_files.version()
    assert set(written) == set(MODULES)
    for name, text in written.items():
        specifiers = re.findall(r'\b(?:from|import)\s*"([^"]+)"', text)
        assert specifiers == [f"./{module}?v={stamp}" for module in re.findall(r'"\./([\w-]+\.js)"', MODULES[name])]
        # and nothing else of the module changed
        assert text.replace(f"?v={stamp}", "") == MODULES[name]
    assert len(re.findall(r'\bfrom\s*"', written[module_files.ENTRY])) == len(MODULES) - 1  # the entry imports all
    assert module_files.imported_addresses() == [f"_static/modules/{name}?v={stamp}"
                                                 for name in sorted(MODULES) if name != module_files.ENTRY]


def test_the_early_script_goes_into_the_page_without_its_header():
    text = early_script()
    assert text.startswith("(function () {") and text.rstrip().endswith("})();")
    assert "<" not in text  # nothing that could close its <script>
