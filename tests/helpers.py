"""Small builders for records, shared by the tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def load_schema() -> dict:
    """The contract as the package ships it (tests/render/test_schema.py checks it)."""
    from storyfuse.render.jsonout import schema

    return schema()
