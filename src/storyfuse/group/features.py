"""What grouping knows about one article: a cheap embedding, its named entities, its date, and a
MinHash signature for near-duplicate detection.

Features are computed once per article (in batches, for the embedding) and are all the online
index needs: the store keeps them so the index can be rebuilt without re-reading any text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyfuse.embed import embed
from storyfuse.extract.names import SUFFIXES, without_legal_forms
from storyfuse.model import Analysis, Entity

# The title and opening of an article name its event; later paragraphs drift into background
# that other stories share (on the mixed archive of eval/grouping.py, reading 1,000 characters
# instead of 400 put twice as many different events together), so grouping reads only those.
LEAD_CHARS = 400
NUM_PERM = 64
MINHASH_SCHEME = "affine32"
SHINGLE_WORDS = 5
# Entity labels that identify an event's participants and place. Dates and numbers are handled by
# the time signal; NORP ("Russian") is kept but weighs little through its document frequency.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"})

ENTITY_PREFIX = "e:"  # entity names among a lead's terms, apart from its words

_WORD_RE = re.compile(r"\w\w+", re.UNICODE)
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS)
_NON_WORD_RE = re.compile(r"[^\w]+", re.UNICODE)
_LEADING_ARTICLE_RE = re.compile(r"^(the|a|an)\s+")


@dataclass(frozen=True)
class ArticleFeatures:
    """The grouping view of an article; ``vector`` has unit length, ``day`` is a date ordinal."""

    id: str
    vector: np.ndarray
    terms: dict[str, int]  # word and entity counts of the lead; entities as "e:<name>"
    day: int | None
    signature: np.ndarray  # MinHash hash values (uint64)


@dataclass(frozen=True)
class GroupInput:
    """The least an article needs to be grouped: for texts that were not fully analysed."""

    id: str
    text: str
    published: str | None = None
    entities: tuple[Entity, ...] = ()
    title: str | None = None


def day_of(published: str | None) -> int | None:
    """The date ordinal of an ISO date or datetime, or None when absent or unreadable."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def entity_key(text: str) -> str:
    """A comparable form of an entity name: lower case, no punctuation, no leading article."""
    key = _NON_WORD_RE.sub(" ", text.lower().replace("'s", " ").replace("\u2019s", " ")).strip()
    return _LEADING_ARTICLE_RE.sub("", key)


def entity_keys(entities: Iterable[Entity]) -> frozenset[str]:
    keys: set[str] = set()
    for entity in entities:
        if entity.label not in ENTITY_LABELS:
            continue
        key = entity_key(entity.canonical or entity.text)
        if len(key) < 2:
            continue
        keys.add(key)
        # A person is often named in full once and by surname afterwards, a company with its
        # legal form once and without it afterwards ("Norton Co.", "Norton").
        parts = key.split()
        if entity.label == "PERSON" and (surname := surname_of(parts)):
            keys.add(surname)
        core = company_core(parts)
        if entity.label == "ORG" and core:
            keys.add(" ".join(core))
    return frozenset(keys)


def surname_of(words: list[str]) -> str | None:
    """The surname key of a person's name key in words: its last word of three letters or
    more, before a suffix ("anthony lacalamita iii" -> "lacalamita"); None for one word."""
    named = words[:-1] if len(words) > 2 and words[-1] in SUFFIXES else words
    return named[-1] if len(named) > 1 and len(named[-1]) > 2 else None


def company_core(words: list[str]) -> list[str]:
    """The words of a company's name before its legal form ("norton co" -> "norton", and
    "montedison s p a", as a key writes "S.p.A.", -> "montedison"); none for a name without
    one."""
    end = len(words)
    while end > 1 and len(words[end - 1]) == 1:
        end -= 1  # the letters of a legal form written with dots
    joined = words[:end] + (["".join(words[end:])] if end < len(words) else [])
    core = without_legal_forms(joined)
    return core if len(core) < len(joined) else []


def terms_of(text: str, entities: Iterable[str]) -> dict[str, int]:
    """Counts of the lead's content words (numbers kept: 23 vs 26 pirates tells events apart)
    and of its entity names, which the lexical similarity weighs by rarity."""
    counts = Counter(w for w in _WORD_RE.findall(text.lower()) if w not in STOP_WORDS)
    counts.update(f"{ENTITY_PREFIX}{key}" for key in entities)
    # One string object per distinct term: an index of 100k articles holds millions of terms.
    return {sys.intern(t): c for t, c in counts.items()}


@functools.cache
def _minhash_template() -> MinHash:
    # CRC-32 is stable across processes (signatures are stored) and much cheaper than SHA-1.
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=MINHASH_SCHEME, hashfunc=zlib.crc32)


def signature_of(text: str) -> np.ndarray:
    """MinHash over word 5-shingles of the text (lower-cased)."""
    words = _WORD_RE.findall(text.lower())
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode()
        for i in range(max(1, len(words) - SHINGLE_WORDS + 1))
    }
    minhash = _minhash_template().copy()  # copying skips drawing the permutations again
    minhash.update_batch(list(shingles))
    return minhash.hashvalues.astype(np.uint64)


def as_input(analysis: Analysis) -> GroupInput:
    article = analysis.article
    return GroupInput(
        id=article.id,
        text=article.text,
        published=article.published,
        entities=analysis.entities,
        title=article.title,
    )


def lead_of(item: GroupInput) -> str:
    text = item.text[:LEAD_CHARS]
    if item.title and not text.startswith(item.title):
        return f"{item.title}\n{text}"
    return text


def features_of(
    items: Sequence[GroupInput | Analysis], model: str = "static"
) -> list[ArticleFeatures]:
    """Features for a batch of articles (one embedding call for all of them)."""
    inputs = [as_input(x) if isinstance(x, Analysis) else x for x in items]
    vectors = embed([lead_of(x) for x in inputs], model=model)
    return [
        ArticleFeatures(
            id=x.id,
            vector=vectors[i],
            terms=terms_of(lead_of(x), entity_keys(x.entities)),
            day=day_of(x.published),
            signature=signature_of(x.text),
        )
        for i, x in enumerate(inputs)
    ]
