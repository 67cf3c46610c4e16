"""What keeps a brief fast: one encoder batch per story, and vectors kept between briefs.

The lexical embedder stands in for the sentence model (see builders.py); the vector cache is
tested with a counting stand-in encoder registered under a model name of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from tests.fuse.builders import lexical_embedder, load

import storyfuse.fuse as fuse_package
from storyfuse import embed as embed_module
from storyfuse.embed import embed
from storyfuse.fuse import fuse
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
