"""Stage 6, fuse: one story's analysed articles turned into one cited view.

    units      the story's articles (copies left out) as sentence units       units.py
    names      canonical names of people, organisations and places           names.py
    facts      statements aligned across articles, with their support        facts.py
    figures    numeric claims by value, thing counted and claimant           figures.py
    conflicts  one question answered differently (date, number, who, where)  conflicts.py
    quotes     one utterance with each outlet's rendering                    quotes.py
    timeline   dated events with sources, in date order                      timeline.py
    entities   the story's entities, canonical names and aliases             entities.py
    framing    headline and framing cues per article                         framing.py
    summary    extractive summary, every sentence citing its sources         summary.py
    title      the most central headline                                     title.py

Every part is a plain function over the same ``StoryArticles`` and ``Names``; sentence
embeddings come from ``storyfuse.embed`` (MiniLM) unless an embedder is passed in. Every text the
parts compare is encoded once per story, in one batch (``prepare``), and the encoder's vectors are
kept between briefs: a brief asked for again, or a story that gained one article, encodes only
what is new.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence

import numpy as np

from storyfuse.fuse.conflicts import conflicts, date_texts, figure_texts, unit_texts
from storyfuse.fuse.entities import entities
from storyfuse.fuse.facts import align, compared_units, facts
from storyfuse.fuse.figures import figures
from storyfuse.fuse.framing import framing
from storyfuse.fuse.names import Names, build_names
from storyfuse.fuse.quotes import quote_texts, quotes
from storyfuse.fuse.summary import summary
from storyfuse.fuse.timeline import event_texts, timeline
from storyfuse.fuse.title import title, title_texts
from storyfuse.fuse.units import Embedder, StoryArticles, story_articles
from storyfuse.model import Analysis, Story, StoryBrief

EMBEDDING_MODEL = "minilm"


def default_embedder(texts: Sequence[str]) -> np.ndarray:
    """MiniLM sentence embeddings: fine alignment of sentences inside one story."""
    from storyfuse.embed import embed

    return embed(list(texts), model=EMBEDDING_MODEL, cache=True)


def prepare(story: StoryArticles, names: Names) -> None:
    """Encode every text the parts below compare in one batch: the statements, the headlines, the
    quotations, the claims' sentences and the dated events' sentences and phrases.

    Only what some part will compare is encoded (the encoder is most of a brief's time): a
    quotation only when another could be the same remark (same speaker, or one unattributed), a
    claim's sentence only when another claim counts the same thing, an event's phrase only when
    another sentence gives its date, its dated thing only when another event is dated
    differently, and in a story of one article only the statements a summary can take."""
    story.vectors(
        [u.text for u in compared_units(story)]
        + title_texts(story)
        + quote_texts(story, names)
        + figure_texts(story)
        + unit_texts(story)
        + event_texts(story)
        + date_texts(story)
    )


def fuse(
    story: Story, analyses: Mapping[str, Analysis], *, embedder: Embedder | None = None
) -> StoryBrief:
    """One story's brief: what its articles say together, who says so, where they differ."""
    missing = [a for a in story.article_ids if a not in analyses]
    if missing:
        raise KeyError(f"story {story.id} names articles that were not analysed: {missing}")
    articles = story_articles(story, analyses, embedder or default_embedder)
    names = build_names(articles)
    prepare(articles, names)
    alignment = align(articles, names)
    summary_ = summary(articles, alignment)
    figures_ = figures(articles, names, alignment)
    return StoryBrief(
        id=story.id,
        title=title(articles, summary_),
        article_ids=tuple(story.article_ids),
        summary=tuple(summary_),
        facts=tuple(facts(articles, alignment)),
        figures=tuple(figures_),
        conflicts=tuple(conflicts(articles, alignment, names, figures_)),
        quotes=tuple(quotes(articles, names)),
        timeline=tuple(timeline(articles)),
        entities=tuple(entities(articles, names)),
        framing=tuple(framing(articles)),
        duplicates=dict(story.duplicates),
    )


def clear_caches() -> None:
    """Forget what is kept between briefs (sentence vectors, parses, article lemmas)."""
    from storyfuse.embed import CACHE

    # the package's names "facts" and "framing" are the parts' functions, not their modules
    module = importlib.import_module
    CACHE.clear()
    module("storyfuse.fuse.events").clear_parses()
    module("storyfuse.fuse.facts").content_words.cache_clear()
    module("storyfuse.fuse.framing").clear_cache()


__all__ = ["clear_caches", "default_embedder", "fuse", "prepare"]
