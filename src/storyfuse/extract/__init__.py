"""Stage 3, extract: sentences, entities, quotes, numeric claims and time expressions.

spaCy parses each article once; the finders in this package read that parse. A caller that
parses many articles together (``nlp.parse_many``) passes each article's parse in.
"""

from __future__ import annotations

from spacy.tokens import Doc

from storyfuse import limits
from storyfuse.extract.claims import find_claims
from storyfuse.extract.nlp import MAX_CHARS, entities_of, parse, sentences_of, words_of
from storyfuse.extract.people import People
from storyfuse.extract.quotes import find_quotes
from storyfuse.extract.times import find_times
from storyfuse.model import Analysis, Article, InputError


def extract(article: Article, doc: Doc | None = None) -> Analysis:
    """The analysis of one article; ``doc`` is its parse when already made."""
    if len(article.text) > MAX_CHARS:
        raise InputError(
            article.path,
            f"article text is {len(article.text):,} characters; the limit is {MAX_CHARS:,}",
        )
    limits.check()
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
