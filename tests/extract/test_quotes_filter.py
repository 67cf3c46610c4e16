"""The learned precision filter over found quotations."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from eval.polnear_filter import weights_document
from spacy.tokens import Doc

from storyfuse.extract import quotes_filter
from storyfuse.extract.nlp import parse
from storyfuse.extract.quotes import _Finder, find_quotes
from storyfuse.extract.quotes_filter import QuoteFilter, features, keep_likely, quote_filter
from storyfuse.model import Quote


def unfiltered(text: str) -> tuple[Doc, list[Quote]]:
    """The parse of ``text`` and the extractor's quotations before the filter."""
    doc = parse(text)
    return doc, _Finder(doc).run()


def test_the_shipped_weights_load() -> None:
    model = quote_filter()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    assert "bias" in model.weights
    assert len(model.weights) > 100
    assert all(isinstance(w, float) for w in model.weights.values())


def test_a_reported_clause_with_a_named_speaker_is_kept() -> None:
    text = "“We will rebuild the bridge before the winter comes,” Mayor Lena Ortiz said on Tuesday."
    quotes = find_quotes(parse(text))
    assert [q.text for q in quotes] == ["We will rebuild the bridge before the winter comes,"]
    doc, found = unfiltered(text)
    model = quote_filter()
    assert model is not None
    assert model.probabilities(doc, found)[0] > 0.9


def test_an_editors_note_after_a_colon_is_no_quote() -> None:
    text = (
        "The flood came at night.\n\n"
        "Editor’s note: The mayor is a serial liar who broke her promises."
    )
    _, found = unfiltered(text)
    # a note's noun names nobody, so the extractor does not read the line as "speaker: words"
    assert [q.cue for q in found] == []
    assert find_quotes(parse(text)) == []


def test_a_bare_pronoun_object_scores_below_a_reported_clause() -> None:
    doc, found = unfiltered(
        "The governor wants them. The governor said the bridge will open in May."
    )
    model = quote_filter()
    assert model is not None
    by_text = dict(zip([q.text for q in found], model.probabilities(doc, found), strict=True))
    assert by_text["them"] < by_text["the bridge will open in May"] - 0.2


def test_quotations_below_the_threshold_are_dropped_and_the_order_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "Moss praised the plan to rebuild the old mill. Voters supported them. "
        "Ortiz said the bridge will open in May."
    )
    doc, found = unfiltered(text)
    clause, plan = "the bridge will open in May", "the plan to rebuild the old mill"
    assert [q.text for q in found] == [plan, "them", clause]
    # a filter that believes long contents only
    model = QuoteFilter(weights={"bias": 2.0, "length=1": -4.0, "length=2": -4.0}, threshold=0.5)
    monkeypatch.setattr(quotes_filter, "quote_filter", lambda: model)
    assert [q.text for q in keep_likely(doc, found)] == [plan, clause]


def test_without_the_weights_every_quotation_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    doc, found = unfiltered("Voters supported them. Ortiz said the bridge will open in May.")
    monkeypatch.setattr(quotes_filter, "quote_filter", lambda: None)
    assert keep_likely(doc, found) == found


def test_features_describe_each_quotation_and_its_neighbours() -> None:
    doc, found = unfiltered(
        "Ortiz said the bridge will open in May, and said the budget would grow next year."
    )
    names = features(doc, found)
    assert len(names) == len(found) == 2
    assert "kind=clause-list" in names[0] and "cue=say" in names[0]
    assert "speaker=PERSON" in names[0] or "speaker=PROPN" in names[0]
    # one speaker and one cue for two neighbouring contents
    assert any(n.startswith("same-attribution-after") for n in names[0])
    assert any(n.startswith("same-attribution-before") for n in names[1])
    assert features(doc, []) == []


def test_the_fitting_script_writes_what_the_filter_reads(tmp_path: Path) -> None:
    out = weights_document(
        ["bias", "length=1", "kind=marks", "rare"],
        np.array([0.5, -2.0, 1.25, 0.0001]),
        intercept=0.25,
        threshold=0.4,
        summary={"predictions": 3},
    )
    assert out["threshold"] == 0.4
    assert out["weights"] == {"bias": 0.75, "kind=marks": 1.25, "length=1": -2.0}
    assert "no article or annotation text" in out["about"]
    path = tmp_path / "quote_filter.json"
    path.write_text(json.dumps(out), encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    model = QuoteFilter(weights=data["weights"], threshold=float(data["threshold"]))
    doc, found = unfiltered("Voters supported them. Ortiz said the bridge will open in May.")
    probs = model.probabilities(doc, found)
    # "them" has one word: bias 0.75 - 2.0 < 0; the clause has only the bias
    assert probs[0] < 0.4 < probs[1]
