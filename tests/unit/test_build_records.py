"""The build's record files: read tolerantly, written whole and only when they change."""

from __future__ import annotations

import json
import os

import pytest

from symposium.environment.build_records import load_record, save_record


@pytest.mark.parametrize("content", [None, b"", b"not json {", b"[1, 2]", b'"text"', b"\xff\xfe\x00"],
                         ids=["missing", "empty", "not-json", "a-list", "a-string", "not-utf8"])
def test_a_record_that_says_nothing_gives_the_default(tmp_path, content):
    path = tmp_path / "record"
    if content is not None:
        path.write_bytes(content)
    default: dict = {}
    assert load_record(path, default) is default


def test_a_record_of_the_right_type_is_read(tmp_path):
    path = tmp_path / "record"
    path.write_text('{"a": [1, 2]}', "utf-8")
    assert load_record(path, {}) == {"a": [1, 2]}
    assert load_record(path, []) == []  # a dict where a list was asked for says nothing
    assert load_record(tmp_path, {}) == {}  # a folder is unreadable


def test_a_record_is_written_as_json_dumps_writes_it(tmp_path):
    path = tmp_path / "deep" / "record"
    data = {"b": 1, "a": [1, "é"]}
    assert save_record(path, data, indent=1, sort_keys=True)
    assert path.read_text("utf-8") == json.dumps(data, indent=1, sort_keys=True)
    assert load_record(path, {}) == data
    assert os.listdir(path.parent) == ["record"]  # no temporary file left
    assert path.stat().st_mode & 0o777 == 0o644


def test_an_unchanged_record_is_not_written_again(tmp_path):
    path = tmp_path / "record"
    assert save_record(path, {"a": 1})
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert not save_record(path, {"a": 1})
    assert path.stat().st_mtime_ns == 1_000_000_000
    assert save_record(path, {"a": 2})
    assert path.stat().st_mtime_ns != 1_000_000_000
    assert json.loads(path.read_text("utf-8")) == {"a": 2}


def test_an_interrupted_write_leaves_the_old_record_and_no_temporary_file(tmp_path):
    path = tmp_path / "record"
    save_record(path, {"a": 1})
    with pytest.raises(TypeError):
        save_record(path, {"a": object()})  # json.dumps fails before anything is written
    with pytest.raises(ValueError):
        save_record(path, {"a": float("nan")}, allow_nan=False)
    assert json.loads(path.read_text("utf-8")) == {"a": 1}
    assert os.listdir(tmp_path) == ["record"]


def test_a_record_that_cannot_be_replaced_leaves_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "record"

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        save_record(path, {"a": 1})
    assert os.listdir(tmp_path) == []
