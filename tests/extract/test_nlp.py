"""Parsing texts together gives each text the parse it gets on its own."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Span

from storyfuse.extract import nlp

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def _annotations(doc: Doc) -> list[tuple]:
    return [
        (t.idx, t.text, t.tag_, t.pos_, str(t.morph), t.dep_, t.head.i, t.lemma_, t.ent_iob_,
         t.ent_type_, t.is_sent_start)
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

    stock = spacy.load(nlp.MODEL_PACKAGE, config={"nlp": {"pipeline": list(nlp.COMPONENTS)}})
    stock.add_pipe("paragraph_starts", before="parser")
    stock.add_pipe("entity_fixes", after="lemmatizer")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert [_annotations(d) for d in stock.pipe(texts)] == [
        _annotations(d) for d in nlp.parse_many(texts)
    ]


# Words the attribute ruler's exceptions are about: contractions, pronouns, "there is",
# auxiliaries used as main verbs, determiners used as pronouns, whitespace tokens.
RULE_CASES = (
    "I ain't going, y'all. There is nothin' left, and there were two of them.\n\n"
    "We don't have to do it; she did her homework and he has his. That is what I'd said, "
    "whether or not it's raining 'til Monday.  They gave it to me and you, not us.\n"
    "Both were gonna come. Which one? This, because those who'd seen it shall never "
    "forget. Ours is better than theirs; its cost is mine to bear, themselves aside."
)


def test_the_attribute_rules_give_the_models_own_annotations() -> None:
    """The tag map as an array operation and the rules with word sets split into one rule per
    word (``nlp._tag_map_apart``) annotate exactly as the model's own attribute ruler, and the
    lemmatizer's word lists as sets (``nlp._word_index_as_sets``) give its own lemmas."""
    import spacy

    stock = spacy.load(nlp.MODEL_PACKAGE, config={"nlp": {"pipeline": list(nlp.COMPONENTS)}})
    stock.add_pipe("paragraph_starts", before="parser")
    texts = [RULE_CASES] + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    ours = nlp.nlp()
    assert ours.pipe_names.index("tag_map") + 1 == ours.pipe_names.index("attribute_ruler")
    rules = ours.get_pipe("attribute_ruler").patterns
    assert not any(
        isinstance(value, dict) and "IN" in value
        for rule in rules
        for pattern in rule["patterns"]
        for token in pattern
        for value in token.values()
    )
    index = ours.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert isinstance(index.get("noun"), frozenset)
    assert isinstance(stock.get_pipe("lemmatizer").lookups.get_table("lemma_index").get("noun"), list)
    with ours.select_pipes(disable=["entity_fixes"]):
        assert [_annotations(d) for d in ours.pipe(texts)] == [
            _annotations(d) for d in stock.pipe(texts)
        ]


def test_the_tagging_components_alone_give_words_their_parts_of_speech() -> None:
    """``nlp.TAGGING`` (for callers that need words only, as framing does) names every
    component that sets a part of speech or a lemma. Without the parser, the few rules that
    read dependencies do not fire ("ai" in "ain't" stays a verb); nearly all words agree."""
    pipeline = nlp.nlp()
    text = (SEEDS / "000_dc1cff9249af5a37.txt").read_text(encoding="utf-8")
    full = [(t.text, t.pos_, t.lemma_) for t in pipeline(text)]
    skip = [name for name in pipeline.pipe_names if name not in nlp.TAGGING]
    with pipeline.select_pipes(disable=skip):
        tagged = [(t.text, t.pos_, t.lemma_) for t in pipeline(text)]
    assert all(pos for _, pos, _ in tagged)
    assert sum(a == b for a, b in zip(tagged, full, strict=True)) >= 0.98 * len(full)


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


def test_a_paragraph_starts_a_sentence() -> None:
    # without the boundary the parser runs the quotation's paragraph into the next one, which
    # ends without a full stop after the closing mark or starts in lower case
    text = (
        "“We will not accept this,” she wrote, “and neither will they”\n\n"
        "About 9.9 million people live there, according to federal statistics.\n \n"
        "meanwhile, the vote on the\nbudget was delayed."
    )
    sentences = [s.text for s in nlp.sentences_of(nlp.parse(text))]
    assert "About 9.9 million people live there, according to federal statistics." in sentences
    # a single line break, as in text wrapped at a fixed width, is left to the parser
    assert "meanwhile, the vote on the\nbudget was delayed." in sentences
    assert all("\n\n" not in s and "\n \n" not in s for s in sentences)


def test_no_sentence_ends_at_an_abbreviated_title_before_a_name() -> None:
    text = (
        "Former Army Sgt. Bowe Vik will plead guilty on Monday. The order was signed by Sgt. "
        "Ann Lee and Cpl. Bo Brenn, and read out by Pres. Ola Moss.\n\n"
        "“Mr. Vik regrets it,” his lawyer said."
    )
    sentences = [s.text for s in nlp.sentences_of(nlp.parse(text))]
    assert sentences == [
        "Former Army Sgt. Bowe Vik will plead guilty on Monday.",
        "The order was signed by Sgt. Ann Lee and Cpl. Bo Brenn, and read out by Pres. Ola Moss.",
        "“Mr. Vik regrets it,” his lawyer said.",
    ]
    text = "The chief left with Harbour Police Dep. Chief Ada Lee and Dep. Chief Bo Lund, it said."
    assert [s.text for s in nlp.sentences_of(nlp.parse(text))] == [text]


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


def test_a_us_state_is_not_a_person_unless_the_text_names_someone_so() -> None:
    doc = nlp.parse("Rain flooded southwestern Louisiana. Ada Georgia spoke. Georgia said so.")
    doc.ents = [
        Span(doc, 3, 4, label="PERSON"),
        Span(doc, 5, 7, label="PERSON"),
        Span(doc, 9, 10, label="PERSON"),
    ]
    labels = {(e.start, e.text): e.label_ for e in nlp.entity_fixes(doc).ents}
    assert labels[(3, "Louisiana")] == "GPE"
    assert [v for (_, text), v in labels.items() if text == "Georgia"] == ["PERSON"]


def test_a_dash_between_a_word_and_a_number_sets_them_apart() -> None:
    """ "by about 20,000 votes—0.7 percent of the ballots": "votes" counts the 20,000; a dash
    inside a number's range stays ("2–3")."""
    from storyfuse.extract.nlp import nlp

    words = [t.text for t in nlp().make_doc("by 20,000 votes—0.7 percent, on Feb. 2–3")]
    assert words == ["by", "20,000", "votes", "—", "0.7", "percent", ",", "on", "Feb.", "2–3"]


def test_a_quote_mark_against_the_word_before_it_is_a_token_of_its_own() -> None:
    """ 'Moss said,“Look, ...' (no space after the comma) had been one word "said,“Look": no
    verb of saying for the quote. An abbreviation keeps its stop; apostrophes stay in words."""
    from storyfuse.extract.nlp import nlp

    def words(text: str) -> list[str]:
        return [t.text for t in nlp().make_doc(text)]

    assert words("Moss said,“Look here.”") == ["Moss", "said", ",", "“", "Look", "here", ".", "”"]
    assert words('Moss said:"We win."') == ["Moss", "said", ":", '"', "We", "win", ".", '"']
    assert words('audiences,"Ada Moss said') == ["audiences", ",", '"', "Ada", "Moss", "said"]
    assert words("the U.S.“Big” plan") == ["the", "U.S.", "“", "Big", "”", "plan"]
    assert words("rock’n’roll, don’t") == ["rock’n’roll", ",", "do", "n’t"]


def test_a_quote_after_a_comma_without_a_space_has_its_speaker() -> None:
    from storyfuse.extract.nlp import parse
    from storyfuse.extract.quotes import find_quotes

    text = "The post was deleted on Monday.\n\nMoss said,“Look, these images have no place here.”"
    (q,) = find_quotes(parse(text))
    assert q.speaker == "Moss" and q.cue == "said"
