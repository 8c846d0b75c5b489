"""The front-matter's one table of keys (model/fields.py) and what is said of it elsewhere:
CONTRIBUTING.md's reference documents each key for its blocks, as required as the model
requires it and of the type the warnings name; the import's template names its columns."""

from __future__ import annotations

import csv
import re

import pytest

from helpers import REPO, contributing_section
from symposium.model.fields import BLOCKS, FIELDS, ITEM, PROGRAM, SESSION, SPEAKER, TALK, fields_of
from symposium.model.importing.spreadsheet import COLUMNS

#: the block each table of the reference documents, by the words in its heading's backquotes
TABLE_OF = {"speaker:": SPEAKER, "talk:": TALK, "program:": PROGRAM, "program: items:": ITEM,
            "program: sessions:": SESSION}


def reference_tables() -> dict[str, dict[str, list[str]]]:
    """Each table of the front-matter reference, by block: each key's cells (type, required, example, notes)."""
    reference = contributing_section("Front-matter reference")
    tables: dict[str, dict[str, list[str]]] = {}
    for part in re.split(r"^### ", reference, flags=re.M)[1:]:
        heading, _, body = part.partition("\n")
        names = re.findall(r"`([^`]+)`", heading)
        assert names and names[-1] in TABLE_OF, heading
        header, _, *rows = [line for line in body.splitlines() if line.startswith("|")]
        assert [c.strip() for c in header.strip("|").split("|")] == ["key", "type", "required", "example", "notes"]
        table: dict[str, list[str]] = {}
        for row in rows:
            cells = [c.strip() for c in row.strip().strip("|").split(" | ")]
            assert len(cells) == 5, row
            key = re.fullmatch(r"`(\w+)`", cells[0])
            assert key, row
            assert key[1] not in table, f"{key[1]!r} documented twice in {names[-1]!r}"
            table[key[1]] = cells[1:]
        tables[TABLE_OF[names[-1]]] = table
    return tables


def test_the_reference_has_a_table_for_each_block():
    assert set(TABLE_OF.values()) == set(BLOCKS)
    assert set(reference_tables()) == set(BLOCKS)


@pytest.mark.parametrize("block", BLOCKS)
def test_the_reference_documents_exactly_the_keys_of_the_block(block):
    documented = set(reference_tables()[block])
    keys = {field.key for field in fields_of(block)}
    assert sorted(keys - documented) == [], f"keys of the model missing from CONTRIBUTING.md ({block})"
    assert sorted(documented - keys) == [], f"keys in CONTRIBUTING.md that the model does not read ({block})"


@pytest.mark.parametrize("block", BLOCKS)
def test_the_reference_says_what_the_model_requires_and_expects(block):
    """`yes` (or `yes, unless ...`) for a required key, `no` or `instead of `...`` for another; the
    type is what the warnings say the value must be (the backquotes aside)."""
    table = reference_tables()[block]
    for field in fields_of(block):
        kind, required, example, _ = table[field.key]
        assert example, (block, field.key)
        if field.required:
            assert required.startswith("yes"), (block, field.key, required)
        else:
            assert re.fullmatch(r"no|instead of `\w+`", required), (block, field.key, required)
        assert kind.replace("`", "") == field.expects, (block, field.key)


def test_each_key_is_one_row_for_each_of_its_blocks():
    rows = [(block, field.key) for field in FIELDS for block in field.blocks]
    assert len(rows) == len(set(rows))


def test_each_header_of_the_import_names_one_column():
    """The CSV columns of the table's keys and the pages' names: none names another's header, or
    takes another's name (a dict would lose one without a word)."""
    columns = [field.csv for field in FIELDS if field.csv] + [COLUMNS["slug"], COLUMNS["speaker_slugs"]]
    headers = [header for column in columns for header in column]
    assert len(headers) == len(set(headers)), "a header names two columns"
    assert len(COLUMNS) == len(columns)


def test_the_template_of_the_import_has_only_columns_it_reads():
    """docs/program-template.csv, which CONTRIBUTING.md offers to start from."""
    with (REPO / "docs" / "program-template.csv").open(encoding="utf-8") as source:
        header = next(csv.reader(source))
    known = {alias for aliases in COLUMNS.values() for alias in aliases}
    assert [cell for cell in header if cell.strip().lower() not in known] == []
