"""Read the Docs builds the site the way `nox -s docs` does, and its config is valid."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from conftest import REPO, SHARED

SCHEMA = SHARED / "validators" / "readthedocs-v2.schema.json"


@pytest.fixture(scope="module")
def config() -> dict:
    return yaml.safe_load((REPO / ".readthedocs.yaml").read_text("utf-8"))


@pytest.mark.skipif(not SCHEMA.exists(), reason="../shared/validators is not beside this clone")
def test_config_validates_against_the_schema(config):
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft7Validator(schema).validate(config)


def test_config_builds_like_nox(config):
    assert config["build"]["tools"]["python"] == "3.13"
    assert config["sphinx"] == {"configuration": "conf.py", "builder": "dirhtml", "fail_on_warning": True}
    assert config["python"]["install"] == [{"requirements": "requirements.txt"}]
    noxfile = (REPO / "noxfile.py").read_text("utf-8")
    assert '"-W"' in noxfile and '"dirhtml"' in noxfile and '"requirements.txt"' in noxfile
