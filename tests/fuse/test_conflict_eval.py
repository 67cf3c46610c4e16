"""eval/conflicts.py: how a conflict shown is matched to its judgement."""

from __future__ import annotations

from eval.conflicts import score, values_of

from storyfuse.model import Conflict, Variant


def _conflict(kind: str, *values: str) -> Conflict:
    return Conflict(
        about="how many (troop): sent troops",
        variants=tuple(Variant(value=v, text="", sources=("a",)) for v in values),
        kind=kind,
    )


def test_a_number_is_matched_by_its_value_without_qualifier_claimant_or_date():
    conflict = _conflict("number", "3,000 (about; U.S. officials)", "2,500 (2021-09-11)")
    assert values_of(conflict) == ("2,500", "3,000")
    assert values_of(_conflict("number", "10,000–12,000 (HUR)", "1,500")) == (
        "1,500",
        "10,000–12,000",
    )
    assert values_of(_conflict("where", "Sinai", "Egypt")) == ("Egypt", "Sinai")


def test_precision_counts_judged_conflicts_and_keeps_the_unjudged_apart():
    judged = {
        ("train-1", "number", ("2,500", "3,000")): {"real": True},
        ("train-2", "number", ("3", "4")): {"real": False},
    }
    shown = [
        {"story": "train-1", "kind": "number", "values": ["2,500", "3,000"]},
        {"story": "train-2", "kind": "number", "values": ["3", "4"]},
        {"story": "train-3", "kind": "number", "values": ["7", "8"]},
    ]
    row = score(shown, judged)
    assert (row["shown"], row["judged"], row["real"], row["unjudged"]) == (3, 2, 1, 1)
    assert row["precision"] == 0.5
