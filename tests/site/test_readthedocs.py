"""Read the Docs builds the site the way `nox -s docs` does, and its config is valid."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from helpers import REPO, VALIDATORS, nox_session

SCHEMA = VALIDATORS / "readthedocs-v2.schema.json"


def config() -> dict:
    return yaml.safe_load((REPO / ".readthedocs.yaml").read_text("utf-8"))


@pytest.mark.skipif(not SCHEMA.exists(), reason="../shared/validators is not beside this clone")
def test_config_validates_against_the_schema():
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft7Validator(schema).validate(config())


def test_config_builds_like_nox():
    """What Read the Docs installs and runs is what noxfile.py's docs session installs and runs."""
    rtd = config()
    assert rtd["build"]["tools"]["python"] == "3.13"
    assert rtd["sphinx"] == {"configuration": "conf.py", "builder": "dirhtml", "fail_on_warning": True}
    docs = nox_session("docs")
    assert docs.installs == [("-r", "requirements.txt")]
    assert rtd["python"]["install"] == [{"requirements": "requirements.txt"}]
    (command,) = docs.runs
    assert command[0] == "sphinx-build"
    assert command[command.index("-b") + 1] == rtd["sphinx"]["builder"]
    assert "-W" in command  # fail_on_warning
    assert command[-2] == "."  # the source directory: the repository, where conf.py is
