"""The stored JSON form of an analysis."""

from __future__ import annotations

import json

from storyfuse.model import Analysis, Article, Entity, Word
from storyfuse.store.records import analysis_from_json, analysis_json


def _analysis() -> Analysis:
    article = Article(
        id="a1",
        path="a1.txt",
        format="text",
        text="Harbour fees rose sharply.",
        content_hash="h1",
        authors=("Ada Moss",),
    )
    return Analysis(
        article=article,
        entities=(Entity(text="Harbour", label="ORG", start=0, end=7),),
        words=(
            Word(lemma="fee", text="fees", pos="NOUN"),
            Word(lemma="sharply", text="sharply", pos="ADV"),
        ),
    )


def test_analysis_round_trips_and_words_are_stored_as_rows() -> None:
    analysis = _analysis()
    text = analysis_json(analysis)
    assert analysis_from_json(text) == analysis
    plain = json.loads(text)
    assert plain["words"] == [["fee", "fees", "NOUN"], ["sharply", "sharply", "ADV"]]
    assert plain["entities"][0]["label"] == "ORG"  # other records keep their field names


def test_words_stored_with_field_names_still_read() -> None:
    analysis = _analysis()
    plain = json.loads(analysis_json(analysis))
    plain["words"] = [{"lemma": "fee", "text": "fees", "pos": "NOUN"}]
    assert analysis_from_json(plain).words == (Word(lemma="fee", text="fees", pos="NOUN"),)
