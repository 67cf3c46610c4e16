"""Parsing texts together gives each text the parse it gets on its own."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Span

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


def test_the_networks_multiply_with_numpys_blas() -> None:
    ner = nlp.nlp().get_pipe("ner")
    ops = {
        type(layer.ops).__name__: getattr(layer.ops, "use_blis", None) for layer in ner.model.walk()
    }
    assert ops == {"NumpyOps": False}


def test_parses_equal_those_of_spacys_default_ops() -> None:
    """Numpy's BLAS adds in another order than BLIS; the networks' choices stay the same."""
    import spacy

    stock = spacy.load(nlp.MODEL_PACKAGE)
    stock.add_pipe("entity_fixes", after="ner")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert [_annotations(d) for d in stock.pipe(texts)] == [
        _annotations(d) for d in nlp.parse_many(texts)
    ]


def test_blas_runs_one_thread_while_parsing_and_as_before_after() -> None:
    from threadpoolctl import threadpool_info

    def blas_threads() -> list[int]:
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    before = blas_threads()
    assert before
    with nlp.one_blas_thread():
        assert set(blas_threads()) == {1}
    assert blas_threads() == before


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


def test_entities_stay_within_a_paragraph() -> None:
    doc = nlp.parse("The statement was posted on X.\n\nSouth Korea said it would respond.")
    assert all("\n" not in ent.text for ent in doc.ents)
    assert ("South Korea", "GPE") in [(e.text, e.label_) for e in doc.ents]


def test_a_large_city_is_not_a_person_unless_the_text_names_someone_so() -> None:
    assert {"Vladivostok", "Kyiv", "Austin"} <= nlp.large_cities()
    doc = nlp.parse("Officials from Vladivostok met. Lloyd Austin spoke. Austin said it was bad.")
    doc.ents = [
        Span(doc, 2, 3, label="PERSON"),
        Span(doc, 5, 7, label="PERSON"),
        Span(doc, 9, 10, label="PERSON"),
    ]
    labels = {(e.start, e.text): e.label_ for e in nlp.entity_fixes(doc).ents}
    assert labels[(2, "Vladivostok")] == "GPE"
    assert [v for (_, text), v in labels.items() if text == "Austin"] == ["PERSON"]
