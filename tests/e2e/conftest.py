"""One real analysis of the bundled seeds (plus fixtures), shared by the end-to-end tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storyfuse.cli import main

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "examples" / "seeds"
FIXTURES = REPO / "tests" / "fixtures" / "e2e"


def analyze_json(tmp: Path, *paths: Path) -> dict:
    out = tmp / "brief.json"
    code = main(["analyze", *map(str, paths), "--format", "json", "-o", str(out)])
    assert code == 0
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder holding brief.json and brief.md of the seeds, written as ``make demo`` does."""
    folder = tmp_path_factory.mktemp("seeds")
    code = main(["analyze", str(SEEDS), "-o", str(folder / "brief.json"), "-o", str(folder / "brief.md")])
    assert code == 0
    return folder


@pytest.fixture(scope="session")
def seeds_brief(seeds_outputs: Path) -> dict:
    return json.loads((seeds_outputs / "brief.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_markdown(seeds_outputs: Path) -> str:
    return (seeds_outputs / "brief.md").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def mixed_brief(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The seeds, an unrelated article and every kind of bad input, in one batch."""
    folder = tmp_path_factory.mktemp("mixed")
    shutil.copytree(SEEDS, folder / "seeds")
    for name in ("unrelated_orchard.txt", "truncated.jsonl", "empty.txt", "binary.txt", "invalid_utf8.txt"):
        shutil.copy(FIXTURES / name, folder / name)
    return analyze_json(tmp_path_factory.mktemp("mixed-out"), folder)
