"""Text search over the stored articles, quotes and claims: one query syntax on both databases.

A user's search is read as PostgreSQL's ``websearch_to_tsquery`` reads it; SQLite's FTS5 gets the
same query rewritten in its own syntax (``fts5_query``).

Chinese, Japanese and Korean text is also indexed by character bigrams, as Lucene's and
Elasticsearch's ``cjk`` analyzers do: both databases' word tokenizers take a run of those
characters without spaces (a Chinese sentence, a Korean word with its particle: "류화영의") as
one word, so a search for a word inside it ("俄罗斯", "류화영") found nothing. Each stored row
keeps, beside its text, its runs of such characters as overlapping two-character terms
(``cjk_terms``: "류화영의" -> "류화 화영 영의"), and a search word written in them looks for
its bigrams as a phrase (``_term_phrases``). A one-character search word finds the character only
where it stands alone.

Each row also keeps who is behind it (``row_who``: a quote's speaker, a claim's claimant, an
article's outlet and authors), indexed beside its text: a search for "spokesman" or "Reuters"
finds the quotes of a spokesman and the articles of that outlet, and "Moss rates" the quotes of
Moss about rates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

# The letters of those scripts: Hangul Jamo, Hiragana, Katakana, Hangul compatibility Jamo, CJK
# Unified Ideographs (with extension A), Hangul syllables, CJK compatibility ideographs.
_CJK = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_RUN = re.compile(f"[{_CJK}]+")
_CJK_OR_OTHER = re.compile(f"[{_CJK}]+|[^{_CJK}]+")


def _bigrams(run: str) -> list[str]:
    return [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]


def cjk_terms(text: str) -> str | None:
    """What is indexed beside a text: the bigrams of its runs of Chinese, Japanese or Korean
    characters, in order and space-separated, with the other parts of words that mix scripts
    ("Samsung의" -> "Samsung 의", which the word tokenizers keep as one word); None for a text
    without such characters."""
    if not _CJK_RUN.search(text):  # most text: one scan
        return None
    terms: list[str] = []
    for word in re.findall(r"\w+", text):
        if not _CJK_RUN.search(word):
            continue
        for part in _CJK_OR_OTHER.findall(word):
            terms += _bigrams(part) if _CJK_RUN.fullmatch(part) else [part]
    return " ".join(terms) if terms else None


def row_who(outlet: str | None, authors: Sequence[str] = ()) -> str | None:
    """Who is behind an article's search row: its outlet and authors (a quote's row has its
    speaker, a claim's its claimant), indexed beside the text so that a search for a name finds
    what they wrote or said."""
    return "; ".join(n for n in (outlet, *authors) if n) or None


_SEARCH_TOKEN = re.compile(r'-?"[^"]*"?|\S+')


def _term_phrases(term: str) -> list[str]:
    """The phrases a search term (a word or a quoted phrase) looks for, all required: its
    words; a term with Chinese, Japanese or Korean characters looks for its other words as one
    phrase and for each run of those characters as the phrase of its bigrams."""
    words = re.findall(r"\w+", term)
    if not _CJK_RUN.search(term):
        return [" ".join(words)] if words else []
    other: list[str] = []
    phrases = []
    for part in _CJK_OR_OTHER.findall(" ".join(words)):
        if _CJK_RUN.fullmatch(part):
            phrases.append(" ".join(_bigrams(part)))
        else:
            other += part.split()
    return ([" ".join(other)] if other else []) + phrases


def websearch_query(q: str) -> str:
    """``q`` for ``websearch_to_tsquery`` with its Chinese, Japanese and Korean words turned
    into the phrases of their bigrams, term by term as ``fts5_query`` does (a negated term's
    phrases are each left out); other terms pass unchanged."""
    out = []
    for token in _SEARCH_TOKEN.findall(q):
        if not _CJK_RUN.search(token):
            out.append(token)
            continue
        negated = token.startswith("-") and len(token) > 1
        sign = "-" if negated else ""
        out += [f'{sign}"{p}"' for p in _term_phrases(token[1:] if negated else token)]
    return " ".join(out)


def fts5_query(q: str) -> str:
    """A user's search as an FTS5 query, read as PostgreSQL's ``websearch_to_tsquery`` reads it:
    words are all required; ``"a phrase"`` needs its words together and in order; ``OR`` between
    two terms takes either, and binds more loosely than the implied AND ("a b OR c" is "(a and
    b) or c"); ``-word`` (or ``-"a phrase"``) leaves out the passages that have it. Only words
    reach FTS5, each quoted, so no other FTS5 syntax can be given. With no term to look for but
    exclusions, the query is empty."""
    parts: list[str] = []
    joiner = " AND "
    for token in _SEARCH_TOKEN.findall(q):
        if token.lower() == "or":
            joiner = " OR " if parts else joiner
            continue
        negated = token.startswith("-") and len(token) > 1
        phrases = _term_phrases(token[1:] if negated else token)
        if not phrases:
            continue
        for k, phrase in enumerate(phrases):
            quoted = '"' + phrase + '"'
            if negated:
                if parts:  # FTS5's NOT binds tightest, as "& !" does in a tsquery
                    parts.append(" NOT " + quoted)
            else:
                sep = "" if not parts else joiner if k == 0 else " AND "
                parts.append(sep + quoted)
        joiner = " AND "
    return "".join(parts) if any(not p.startswith(" NOT ") for p in parts) else ""


def _search_sqlite(conn: Connection, q: str, limit: int) -> list[Any]:
    query = fts5_query(q)
    if not query:
        return []
    return list(
        conn.execute(
            sa.text(
                "SELECT kind, article_id, n, text FROM search_text WHERE search_text MATCH :q "
                "ORDER BY rank LIMIT :limit"
            ),
            {"q": query, "limit": limit},
        )
    )


def _search_postgresql(conn: Connection, q: str, limit: int) -> list[Any]:
    if not fts5_query(q):  # only exclusions: nothing to look for, as on SQLite
        return []
    return list(
        conn.execute(
            sa.text(
                "SELECT kind, article_id, n, text FROM search_text, "
                "websearch_to_tsquery('english', :q) AS query WHERE tsv @@ query "
                "ORDER BY ts_rank(tsv, query) DESC, article_id, kind, n LIMIT :limit"
            ),
            {"q": websearch_query(q), "limit": limit},
        )
    )


SEARCHERS = {"sqlite": _search_sqlite, "postgresql": _search_postgresql}
