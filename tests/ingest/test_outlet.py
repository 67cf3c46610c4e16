"""``--outlet``: the outlet of the inputs whose metadata names none (a folder of one outlet's
text files), never in place of an outlet the input states."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyfuse.cli import main
from storyfuse.ingest import OUTLET_CHARS, given_outlet, read
from storyfuse.model import Document

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ingest"
TEXT = (
    "Harbour bridge reopens\n\n"
    "The harbour bridge reopened on Thursday after eight months of repairs, the mayor said.\n"
)


def _outlets(*paths: Path, outlet: str | None) -> dict[str, str | None]:
    docs = [d for d in read([str(p) for p in paths], outlet=outlet) if isinstance(d, Document)]
    return {d.id: d.outlet for d in docs}


def test_text_files_take_the_outlet_given(tmp_path: Path) -> None:
    (tmp_path / "bridge.txt").write_text(TEXT, encoding="utf-8")
    assert _outlets(tmp_path, outlet=None) == {"bridge": None}
    assert _outlets(tmp_path, outlet="The Herald") == {"bridge": "The Herald"}


def test_an_outlet_the_input_states_wins(tmp_path: Path) -> None:
    """A page's site name and a JSONL record's own outlet stay; the record without one takes
    the outlet given."""
    records = [
        {"id": "own", "text": TEXT, "outlet": "Harbour Gazette"},
        {"id": "none", "text": TEXT},
    ]
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    found = _outlets(FIXTURES / "article.html", jsonl, outlet="The Herald")
    assert found == {"article": "Coastal Courier", "own": "Harbour Gazette", "none": "The Herald"}


def test_an_outlet_name_is_tidied_and_bounded() -> None:
    assert given_outlet("  The   Herald ") == "The Herald"
    with pytest.raises(ValueError, match="empty"):
        given_outlet("   ")
    with pytest.raises(ValueError, match=str(OUTLET_CHARS)):
        given_outlet("x" * (OUTLET_CHARS + 1))


def test_cli_names_the_outlet_of_text_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bridge.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["analyze", str(path), "-f", "json", "--outlet", "The Herald"]) == 0
    brief = json.loads(capsys.readouterr().out)
    assert [a["outlet"] for a in brief["articles"]] == ["The Herald"]
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(path), "--outlet", " "])
    assert exit_.value.code == 2
    assert "outlet's name cannot be empty" in capsys.readouterr().err
