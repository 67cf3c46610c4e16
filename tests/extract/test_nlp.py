"""Parsing texts together gives each text the parse it gets on its own."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from storyfuse.extract import nlp

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def _annotations(doc: Doc) -> list[tuple]:
    return [
        (t.idx, t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_,
         t.is_sent_start)
        for t in doc
    ]  # fmt: skip


def test_batched_parses_equal_single_parses() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts.append("Short one. Officials in Kursk Oblast said 12 drones were shot down.")
    alone = [_annotations(nlp.parse(text)) for text in texts]
    assert [_annotations(d) for d in nlp.parse_many(texts, batch_size=4)] == alone
    assert [_annotations(d) for d in nlp.parse_many(texts[::-1], batch_size=3)][::-1] == alone


def test_text_of_is_the_documents_text() -> None:
    doc = nlp.parse("  Two  spaces.\n\nA new paragraph ")
    assert nlp.text_of(doc) == doc.text == "  Two  spaces.\n\nA new paragraph "
    assert nlp.text_of(doc) is nlp.text_of(doc)  # joined once


def test_sentences_are_the_texts_spans() -> None:
    text = "  First sentence here.  Second one follows!\n\nThird, after a break."
    sentences = nlp.sentences_of(nlp.parse(text))
    assert [s.text for s in sentences] == [
        "First sentence here.", "Second one follows!", "Third, after a break."
    ]  # fmt: skip
    assert all(text[s.start : s.end] == s.text for s in sentences)
