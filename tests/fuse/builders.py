"""Hand-built Analysis records for the fuse tests, and a deterministic lexical embedder."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyfuse.fuse.units import StoryArticles, story_articles
from storyfuse.model import (
    Analysis,
    Article,
    Cited,
    Claim,
    Entity,
    Figure,
    Quote,
    Sentence,
    Story,
    TimeMention,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fuse"
DIMENSIONS = 256


def lexical_embedder(texts: Sequence[str]) -> np.ndarray:
    """Bag of content-word stems hashed into a vector, L2-normalised: paraphrases that share
    words come out close, as with a sentence model, but instantly and the same on every run."""
    rows = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for i, text in enumerate(texts):
        for word in re.findall(r"[a-z0-9]+", text.lower()):
            if word in ENGLISH_STOP_WORDS:
                continue
            digest = hashlib.blake2b(word[:5].encode(), digest_size=4).digest()
            rows[i, int.from_bytes(digest, "big") % DIMENSIONS] += 1.0
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1.0)


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out = [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]
    if not out:
        raise ValueError(f"fixture string {needle!r} not in its article")
    return out


def _sentences(text: str) -> list[Sentence]:
    out = []
    for match in re.finditer(r"[^\n]+", text):
        out.append(Sentence(start=match.start(), end=match.end(), text=match.group()))
    return out


def analysis(spec: dict) -> Analysis:
    text = spec["text"]
    sentences = _sentences(text)

    def sentence_of(start: int) -> str:
        return next(s.text for s in sentences if s.start <= start < s.end)

    entities = [
        Entity(text=name, label=label, start=s, end=e)
        for name, label in spec.get("entities", [])
        for s, e in _spans(text, name)
    ]
    quotes = []
    for quoted, speaker in spec.get("quotes", []):
        s, e = _spans(text, quoted)[0]
        quotes.append(Quote(text=quoted, speaker=speaker, start=s, end=e))
    claims = []
    for number_text, value, unit, qualifier, claimant, date in spec.get("claims", []):
        s, e = _spans(text, number_text)[0]
        claims.append(
            Claim(
                text=sentence_of(s),
                value=float(value),
                unit=unit,
                start=s,
                end=e,
                qualifier=qualifier,
                claimant=claimant,
                date=date,
                number_text=number_text,
            )
        )
    # (mention, value) or, for a range of days, (mention, first day, last day)
    times = [
        TimeMention(text=mention, value=value, start=s, end=e, end_value=last[0] if last else None)
        for mention, value, *last in spec.get("times", [])
        for s, e in _spans(text, mention)[:1]
    ]
    article = Article(
        id=spec["id"],
        path=f"{spec['id']}.txt",
        format="text",
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        title=spec.get("title"),
        published=spec.get("published"),
    )
    return Analysis(
        article=article,
        sentences=tuple(sentences),
        entities=tuple(entities),
        quotes=tuple(quotes),
        claims=tuple(claims),
        times=tuple(times),
    )


def load(name: str) -> tuple[Story, dict[str, Analysis]]:
    """The fixture's articles as one story (copies listed as duplicates)."""
    specs = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))["articles"]
    analyses = {s["id"]: analysis(s) for s in specs}
    duplicates = {s["id"]: s["copy_of"] for s in specs if s.get("copy_of")}
    return Story(id=name, article_ids=tuple(analyses), duplicates=duplicates), analyses


def joined_quote_story(
    text: str, first: str, second: str, speaker: str, cue: str | None = None
) -> StoryArticles:
    """A story of one article whose one quotation is joined from two parts, ``first`` and
    ``second`` as written in ``text`` (“A,” she said. “B.”), with the cue word ``cue`` when
    given: what the fusion tests of a quotation's parts build on."""
    built = analysis({"id": "a", "text": text, "quotes": [[first, speaker]]})
    one = built.quotes[0]
    start = text.index(second)
    end = start + len(second)
    joined = replace(
        one, text=f"{first} … {second}", end=end, parts=((one.start, one.end), (start, end))
    )
    if cue is not None:
        at = text.index(cue)
        joined = replace(joined, cue_start=at, cue_end=at + len(cue))
    built = replace(built, quotes=(joined,))
    return story_articles(Story(id="s", article_ids=("a",)), {"a": built}, lexical_embedder)


def text_story(texts: dict[str, str]) -> StoryArticles:
    """A story of one-sentence-per-line articles given as {id: text}, with the lexical
    embedder: what the fusion tests of single figures and conflicts build on."""
    analyses = {k: analysis({"id": k, "text": t}) for k, t in texts.items()}
    return story_articles(Story(id="s", article_ids=tuple(texts)), analyses, lexical_embedder)


def text_figure(
    texts: dict[str, str],
    aid: str,
    value: float,
    unit: str,
    claimant: str | None = None,
    **fields: Any,
) -> Figure:
    """A figure that article ``aid`` of a ``text_story`` gives, cited with its whole text."""
    return Figure(value, unit, claimant, (aid,), texts=(Cited(texts[aid], (aid,)),), **fields)


def counts(texts: dict[str, str], unit: str) -> Callable[[float, str], Figure]:
    """``figure(value, aid)``: a figure of ``unit`` that article ``aid`` of a ``text_story``
    gives (``text_figure`` with no claimant)."""
    return lambda value, aid: text_figure(texts, aid, value, unit)
