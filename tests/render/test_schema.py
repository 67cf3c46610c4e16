"""The JSON Schema shipped with the package is the contract, and a valid schema."""

from __future__ import annotations

import json

import jsonschema
from tests.helpers import SHARED

from storyfuse.render.jsonout import SCHEMA_PATH, SCHEMA_VERSION, schema


def test_the_shipped_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema()["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_the_shipped_schema_is_the_contract_where_the_contract_is_at_hand() -> None:
    contract = SHARED / "contract" / "brief.schema.json"
    shipped = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    if contract.exists():
        assert shipped == json.loads(contract.read_text(encoding="utf-8"))
    assert shipped["$id"] == "storyfuse/brief.schema.json"
