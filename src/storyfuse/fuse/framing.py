"""Framing: how each outlet presents the story, as short cues beside its headline.

A cue is a short string ``"<kind>: <words>"``:

- ``headline: <verb>`` — what the headline says happened, as its verbs (lemmatised, with a
  negation kept: "not deny"). "Putin acknowledges ..." and "Putin responds ..." frame one remark
  differently.
- ``distinctive: <term>`` — the words this article uses that the story's other articles do not:
  the top TF-IDF terms of the article, fitted over the story's articles (so that what all outlets
  say scores low), among terms no more than half of the articles use.
- ``loaded: <word>`` — evaluative words the article uses and the other articles do not: adjectives,
  adverbs and nouns with a strong valence in the VADER sentiment lexicon.
"""

from __future__ import annotations

import functools

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from storyfuse.fuse.units import StoryArticles
from storyfuse.model import Framing

DISTINCTIVE_TERMS = 4
LOADED_WORDS = 4
LOADED_VALENCE = 1.5  # |mean valence| in VADER's lexicon (-4 .. 4) for a word to count as loaded


def headline_cues(headline: str) -> list[str]:
    from storyfuse.extract.nlp import parse

    doc = parse(headline)
    out = []
    for token in doc:
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            negated = any(c.dep_ == "neg" for c in token.children)
            out.append(f"headline: {'not ' if negated else ''}{token.lemma_.lower()}")
    return list(dict.fromkeys(out))


def distinctive_terms(story: StoryArticles) -> dict[str, list[str]]:
    texts = [a.article.text for a in story.analyses]
    if len(texts) < 2:
        return {}
    vectorizer = TfidfVectorizer(
        stop_words="english",
        ngram_range=(1, 2),
        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z\-]{2,}\b",
        sublinear_tf=True,
        max_df=0.5 if len(texts) >= 4 else 1,
    )
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # no term left (every term shared by most articles)
        return {}
    terms = np.array(vectorizer.get_feature_names_out())
    out = {}
    for row, analysis in enumerate(story.analyses):
        weights = matrix[row].toarray().ravel()
        top = [terms[k] for k in np.argsort(-weights, kind="stable") if weights[k] > 0]
        chosen: list[str] = []
        for term in top:
            # a bigram and its own words are one cue
            if any(term in c or c in term for c in chosen):
                continue
            chosen.append(term)
            if len(chosen) == DISTINCTIVE_TERMS:
                break
        out[analysis.id] = chosen
    return out


@functools.cache
def _valence() -> dict[str, float]:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return {}
    return dict(SentimentIntensityAnalyzer().lexicon)


def loaded_words(story: StoryArticles) -> dict[str, list[str]]:
    from storyfuse.extract.nlp import parse

    lexicon = _valence()
    if not lexicon:
        return {}
    used: dict[str, list[str]] = {}
    for analysis in story.analyses:
        words = []
        for token in parse(analysis.article.text):
            if token.pos_ not in ("ADJ", "ADV", "NOUN", "VERB"):
                continue
            word = token.lower_
            if abs(lexicon.get(word, 0.0)) >= LOADED_VALENCE:
                words.append(word)
        used[analysis.id] = list(dict.fromkeys(words))
    out = {}
    for aid, words in used.items():
        others = {w for other, ws in used.items() if other != aid for w in ws}
        out[aid] = [w for w in words if w not in others][:LOADED_WORDS]
    return out


def framing(story: StoryArticles) -> list[Framing]:
    distinctive = distinctive_terms(story)
    loaded = loaded_words(story)
    out = []
    for analysis in story.analyses:
        headline = " ".join(analysis.article.title.split()) if analysis.article.title else None
        cues = headline_cues(headline) if headline else []
        cues += [f"distinctive: {t}" for t in distinctive.get(analysis.id, [])]
        cues += [f"loaded: {w}" for w in loaded.get(analysis.id, [])]
        out.append(Framing(article_id=analysis.id, headline=headline, cues=tuple(cues)))
    return out
