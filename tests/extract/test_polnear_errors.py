"""The PolNeAR evaluation's error listing (``eval/polnear_quotes.py --errors``)."""

from __future__ import annotations

from pathlib import Path

from eval.polnear_quotes import GoldAttribution, errors, match, write_errors

from storyfuse.model import Quote

TEXT = (
    "Ada Moss said Jo Lund had claimed the piers would close. "
    "The council met on Monday. "
    "Lund said nothing."
)


def _at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def _quote(words: str, speaker: str) -> Quote:
    start, end = _at(words)
    return Quote(text=words, speaker=speaker, start=start, end=end, direct=False, cue="said")


def test_errors_say_how_each_lies_against_the_matched_ones() -> None:
    gold = [
        # Moss's report, and Lund's claim nested inside it
        GoldAttribution([_at("Jo Lund had claimed the piers would close")], [_at("Ada Moss")]),
        GoldAttribution([_at("the piers would close")], [_at("Jo Lund")]),
        GoldAttribution([_at("nothing")], [_at("Lund")]),
    ]
    preds = [
        _quote("Jo Lund had claimed the piers would close", "Ada Moss"),
        _quote("The council met on Monday", "Ada Moss"),
    ]
    pairs = match(TEXT, preds, gold)
    assert pairs == [(0, 0)]
    rows = errors(TEXT, preds, gold, pairs)
    by_error = {(r["error"], r["content"]): r["where"] for r in rows}
    assert by_error == {
        ("missed", "the piers would close"): "inside",
        ("missed", "nothing"): "alone",
        ("false", "The council met on Monday"): "alone",
    }
    nested = next(r for r in rows if r["content"] == "the piers would close")
    assert nested["speaker"] == "Jo Lund"


def test_a_false_prediction_inside_a_matched_content_overlaps_it() -> None:
    gold = [GoldAttribution([_at("Jo Lund had claimed the piers would close")], [_at("Ada Moss")])]
    preds = [
        _quote("Jo Lund had claimed the piers would close", "Ada Moss"),
        _quote("the piers would close", "Jo Lund"),
    ]
    rows = errors(TEXT, preds, gold, match(TEXT, preds, gold))
    assert [(r["error"], r["where"], r["speaker"]) for r in rows] == [
        ("false", "overlaps", "Jo Lund")
    ]


def test_errors_file_is_one_line_an_error(tmp_path: Path) -> None:
    rows = [
        {
            "split": "dev",
            "article": "a_1",
            "error": "false",
            "where": "alone",
            "cue": "said",
            "speaker": "Ada Moss",
            "content": "two\tlines\nof text",
        }
    ]
    path = tmp_path / "errors.tsv"
    write_errors(path, rows)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[:3] == ["split", "article", "error"]
    assert lines[1].split("\t") == [
        "dev", "a_1", "false", "alone", "said", "Ada Moss", "two lines of text"
    ]
