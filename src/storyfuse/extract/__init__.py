"""Stage 3, extract: sentences, entities, quotes, numeric claims and time expressions.

spaCy parses each article once; the finders in this package read that parse. A caller that
parses many articles together (``nlp.parse_many``) passes each article's parse in.
"""

from __future__ import annotations

import functools
import re

import pysbd
from pysbd.languages import LANGUAGE_CODES
from spacy.tokens import Doc

from storyfuse import limits
from storyfuse.extract.claims import find_claims
from storyfuse.extract.nlp import MAX_CHARS, entities_of, parse, sentences_of, words_of
from storyfuse.extract.people import People
from storyfuse.extract.quotes import find_quotes
from storyfuse.extract.times import find_times
from storyfuse.model import Analysis, Article, InputError, Sentence, reads_english


def extract(article: Article, doc: Doc | None = None) -> Analysis:
    """The analysis of one article; ``doc`` is its parse when already made."""
    if len(article.text) > MAX_CHARS:
        raise InputError(
            article.path,
            f"article text is {len(article.text):,} characters; the limit is {MAX_CHARS:,}",
        )
    limits.check()
    if not reads_english(article.language):
        # the English rules and model would only misread it: its sentences, nothing else
        return Analysis(article=article, sentences=tuple(plain_sentences(article)))
    if doc is None:
        doc = parse(article.text)
    limits.check()
    times = find_times(article.text, article.published)
    limits.check()
    people = People.of(doc)  # who the article names, for speakers and claimants alike
    quotes = find_quotes(doc, people)
    limits.check()
    claims = find_claims(
        doc, quotes=quotes, times=times, published=article.published, people=people
    )
    limits.check()
    return Analysis(
        article=article,
        sentences=tuple(sentences_of(doc)),
        entities=tuple(entities_of(doc)),
        quotes=tuple(quotes),
        claims=tuple(claims),
        times=tuple(times),
        words=tuple(words_of(doc)),
    )


def plain_sentences(article: Article) -> list[Sentence]:
    """The sentences of an article the English parse does not read: pysbd's rules for its
    language (English rules for one pysbd does not know), within each paragraph."""
    segmenter = _segmenter(article.language if article.language in LANGUAGE_CODES else "en")
    out = []
    for paragraph in re.finditer(r"[^\n]+", article.text):
        for span in segmenter.segment(paragraph.group()):
            text = span.sent.strip()
            if not text:
                continue
            start = paragraph.start() + span.start + (len(span.sent) - len(span.sent.lstrip()))
            out.append(Sentence(start=start, end=start + len(text), text=text))
    return out


@functools.cache
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=True)
