"""The array-based attribute ruler gives every token what spaCy's AttributeRuler gives it."""

from __future__ import annotations

import functools

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from storyfuse.extract import nlp

TEXTS = [
    (
        "WASHINGTON (AP) — The Senate voted 51-49 on Tuesday to confirm the nominee, "
        "officials said. \"We're not going to back down,\" Sen. Mary O'Neill, D-Mass., told reporters."
    ),
    (
        "The company's shares fell 4.5% to $12.30 in early trading; analysts at J.P. Morgan "
        "expect a rebound by Q3 2025."
    ),
    (
        "I'd say it's a well-known fact that they'll never agree. Don't you think so? "
        "He can't, she won't, and we shouldn't."
    ),
    (
        "Read the full report at https://www.example.org/reports/2024/budget.pdf or e-mail "
        "press@example.org before 5 p.m."
    ),
    (
        "BREAKING NEWS: EXPLOSION REPORTED NEAR KYIV CENTRAL STATION.   Three  people   were hurt.\n\n"
        "\n  Officials in Kursk Oblast said 12 drones were shot down."
    ),
    (
        "There is no doubt. There were 3,000 troops. It's gonna rain, y'all, and I ain't "
        "got nothin' to say 'bout it. Let's go! Gotta run, c'mon."
    ),
    (
        "“It was, frankly, a disaster,” the mayor — who has served since 2019 — said in a "
        "statement on Monday. ‘Nobody saw it coming.’"
    ),
    (
        "Had he known, he would have left. Did they do it? Yes, they did; they've done it before "
        "and does anyone care? Being there, having been told, was enough."
    ),
    (
        "The U.N. Security Council's 15 members met at 10:30 a.m. ET (1430 GMT) on Friday, "
        "according to a spokesperson for Secretary-General António Guterres."
    ),
    (
        "Prices rose 0.3 per cent month-on-month in March, the Office for National Statistics (ONS) "
        "said, after a 0.1 per cent fall in February.\tSomething, anything, everything changed."
    ),
    (
        "her book, his idea, its end, our plan, their vote: mine, yours, theirs. Me, myself and I; "
        "that which was, those who were, these that are, whether or not, if and when."
    ),
    "ALL CAPS HEADLINE ABOUT THE SENATE'S VOTE ON THE $1.2 TRILLION BILL",
    "\n",
    "",
    "  ",
    "a",
]


def _annotations(doc: Doc) -> list[tuple]:
    tokens = [
        (t.i, t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.norm_)
        for t in doc
    ]
    return [tokens, [(e.start, e.end, e.label_) for e in doc.ents]]


@functools.cache
def _stock() -> Language:
    """The model as it ships, with spaCy's AttributeRuler, and the same entity fixes."""
    pipeline = spacy.load(nlp.MODEL_PACKAGE)
    pipeline.add_pipe("entity_fixes", after="ner")
    return pipeline


def test_the_pipeline_uses_the_table_ruler_in_the_ruler_s_place() -> None:
    pipeline = nlp.nlp()
    assert pipeline.pipe_names == _stock().pipe_names
    ruler = pipeline.get_pipe("attribute_ruler")
    assert isinstance(ruler, nlp.TableAttributeRuler)
    stock = _stock().get_pipe("attribute_ruler")
    assert isinstance(stock, AttributeRuler)
    assert len(ruler.patterns) == len(stock.patterns)


def test_parses_are_the_stock_pipeline_s() -> None:
    ours = [_annotations(doc) for doc in nlp.nlp().pipe(TEXTS, batch_size=4)]
    assert ours == [_annotations(doc) for doc in _stock().pipe(TEXTS, batch_size=4)]
    assert [_annotations(nlp.parse(text)) for text in TEXTS] == ours


def test_tags_without_the_parser_are_the_stock_pipeline_s() -> None:
    skip = ["parser", "ner", "entity_fixes"]
    ours = [_annotations(doc) for doc in nlp.nlp().pipe(TEXTS, disable=skip)]
    assert ours == [_annotations(doc) for doc in _stock().pipe(TEXTS, disable=skip)]


# Patterns beyond the model's: operators and extension-free fallbacks for the Matcher, negative
# indices, flags, sets, regular expressions, and later patterns overriding earlier ones either
# way between the tag table, the array path and the Matcher.
EXTRA_PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "X", "MORPH": "Foo=Bar"}},
    {"patterns": [[{"LOWER": {"REGEX": "^s"}, "TAG": "NN"}]], "attrs": {"POS": "INTJ"}},
    {"patterns": [[{"TAG": "NN"}], [{"TAG": "NNS"}]], "attrs": {"LEMMA": "thing"}},
    {
        "patterns": [[{"IS_TITLE": True}, {"IS_TITLE": True, "OP": "+"}]],
        "attrs": {"POS": "PROPN", "LEMMA": "Name"},
        "index": -1,
    },
    {"patterns": [[{"TAG": "NNP"}]], "attrs": {"LEMMA": "proper"}},
    {
        "patterns": [[{"TAG": "DT"}, {"TAG": {"NOT_IN": ["NN", "JJ"]}}]],
        "attrs": {"TAG": "XX", "DEP": "odd"},
        "index": -2,
    },
    {
        "patterns": [[{"IS_PUNCT": True}, {"LOWER": {"IN": ["the", "a", "it"]}}]],
        "attrs": {"MORPH": "After=Punct"},
        "index": 1,
    },
    {"patterns": [[{"ORTH": "Senate"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"DEP": "nsubj", "LENGTH": 3}]], "attrs": {"LEMMA": "three"}},
]


def _with_extra_patterns(ruler: AttributeRuler | nlp.TableAttributeRuler) -> None:
    ruler.add_patterns(_stock().get_pipe("attribute_ruler").patterns)
    ruler.add_patterns(EXTRA_PATTERNS)


def test_any_patterns_give_the_attribute_ruler_s_result() -> None:
    pipeline = _stock()
    stock = AttributeRuler(pipeline.vocab)
    table = nlp.TableAttributeRuler(pipeline.vocab)
    _with_extra_patterns(stock)
    _with_extra_patterns(table)
    assert table.matched  # some patterns do need the Matcher
    with pipeline.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = [doc.to_bytes() for doc in pipeline.pipe(TEXTS)]
    for data in parsed:
        expected = stock(Doc(pipeline.vocab).from_bytes(data))
        assert _annotations(table(Doc(pipeline.vocab).from_bytes(data))) == _annotations(expected)


def test_an_index_outside_the_match_is_an_error_as_in_spacy() -> None:
    pipeline = _stock()
    table = nlp.TableAttributeRuler(pipeline.vocab)
    table.add([[{"LOWER": "the"}, {"OP": "?"}]], {"LEMMA": "x"}, index=1)
    with pytest.raises(ValueError):
        table(pipeline("the"))
