"""What the pages show, computed from the brief JSON: citations, diffs, highlights, the matrix.

Everything here works on the contract dicts (``render.jsonout.story_dict`` / ``article_dict``)
so the HTML pages and the JSON API show the same data. Nothing here produces markup: templates
escape every string they print.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from storyfuse.extract.numbers import written

# a cited text matches a sentence of its article when at least this similar (token set ratio)
MIN_CITATION_SCORE = 60.0


def best_sentence(article: Mapping[str, Any], text: str) -> int | None:
    """Index of the article sentence a cited text comes from, or None when none is close.

    A summary sentence is usually copied from its source, so an exact containment wins; the fuzzy
    score covers sentences the fuse stage trimmed or that the sentence splitter cut differently.
    """
    sentences = article.get("sentences") or []
    needle = " ".join(text.split())
    if not needle:
        return None
    for i, sentence in enumerate(sentences):
        hay = " ".join(sentence["text"].split())
        if needle == hay or (len(needle) > 20 and (needle in hay or hay in needle)):
            return i
    best, best_score = None, 0.0
    for i, sentence in enumerate(sentences):
        score = fuzz.token_set_ratio(needle, sentence["text"])
        if score > best_score:
            best, best_score = i, score
    return best if best_score >= MIN_CITATION_SCORE else None


@dataclass
class Citation:
    """A link from a cited text to the sentence of one source article it comes from."""

    article_id: str
    n: int  # the source's number in the story's list of sources
    sentence: int | None
    title: str

    @property
    def fragment(self) -> str:
        return f"s{self.sentence}" if self.sentence is not None else "top"


def cite(
    text: str,
    sources: Iterable[str],
    articles: Mapping[str, Mapping[str, Any]],
    numbers: Mapping[str, int],
) -> list[Citation]:
    out = []
    for aid in dict.fromkeys(sources):
        article = articles.get(aid)
        sentence = best_sentence(article, text) if article else None
        title = (article or {}).get("title") or aid
        out.append(Citation(aid, numbers.get(aid, 0), sentence, title))
    return sorted(out, key=lambda c: c.n)


# --- quote variants -------------------------------------------------------------------------


@dataclass
class Piece:
    text: str
    changed: bool


def word_diff(base: str, other: str) -> list[Piece]:
    """``other`` cut into runs of words, each marked changed or not relative to ``base``.

    Word-level Indel opcodes (rapidfuzz) over case- and punctuation-folded words, so that
    "thing," and "thing" count as the same word while the printed text keeps its punctuation.
    """
    base_words, other_words = base.split(), other.split()
    fold = [_fold(w) for w in base_words], [_fold(w) for w in other_words]
    pieces: list[Piece] = []
    for op in Indel.opcodes(fold[0], fold[1]):
        if op.dest_end == op.dest_start:
            continue
        words = " ".join(other_words[op.dest_start : op.dest_end])
        changed = op.tag != "equal"
        if pieces and pieces[-1].changed == changed:
            pieces[-1].text += " " + words
        else:
            pieces.append(Piece(words, changed))
    return pieces


def highlight(text: str, query: str) -> list[Piece]:
    """``text`` cut into runs, marking the words that match a word of the search query.

    A word matches when it starts with a query word, as the database's stemming search does
    ("troops" for "troop").
    """
    wanted = {_fold(w) for w in query.split() if _fold(w)}
    pieces: list[Piece] = []
    for word in text.split():
        hit = any(_fold(word).startswith(w) for w in wanted)
        if pieces and pieces[-1].changed == hit:
            pieces[-1].text += " " + word
        else:
            pieces.append(Piece(word, hit))
    return pieces


def _fold(word: str) -> str:
    return "".join(ch for ch in word.casefold() if ch.isalnum()) or word


def quote_columns(variants: Sequence[Mapping[str, Any]]) -> list[list[Piece]]:
    """Each variant diffed against the most widely sourced one (the first on ties)."""
    if not variants:
        return []
    base = max(variants, key=lambda v: len(v.get("sources") or ()))["text"]
    return [word_diff(base, v["text"]) for v in variants]


# --- outlet x fact matrix -------------------------------------------------------------------


@dataclass
class Matrix:
    outlets: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)  # {"text", "support", "cells": [bool]}

    @property
    def omissions(self) -> dict[str, int]:
        return {
            outlet: sum(1 for row in self.rows if not row["cells"][i])
            for i, outlet in enumerate(self.outlets)
        }


def outlet_matrix(
    facts: Sequence[Mapping[str, Any]],
    articles: Mapping[str, Mapping[str, Any]],
    numbers: Mapping[str, int] | None = None,
    limit: int = 40,
) -> Matrix:
    """Which outlet reports which fact (facts reported by at least two articles).

    An outlet with several articles covers a fact if any of them does; an article whose outlet is
    unknown is its own column, labelled with its source number.
    """
    numbers = numbers or {}
    column = {aid: source_label(a, numbers.get(aid)) for aid, a in articles.items()}
    outlets = sorted(set(column.values()), key=lambda c: (c.startswith("["), c))
    shared = [f for f in facts if len(set(f.get("sources") or ())) >= 2]
    ranked = sorted(shared, key=lambda f: -len(set(f.get("sources") or ())))[:limit]
    matrix = Matrix(outlets)
    for fact in ranked:
        covering = {column.get(aid, aid) for aid in fact.get("sources") or ()}
        matrix.rows.append(
            {
                "text": fact["text"],
                "support": len(set(fact.get("sources") or ())),
                "cells": [o in covering for o in outlets],
            }
        )
    return matrix


def outlet_name(article: Mapping[str, Any]) -> str | None:
    """The outlet, else the host name of the article's URL; None when neither is known."""
    return article.get("outlet") or _host(article.get("url"))


def source_label(article: Mapping[str, Any], n: int | None = None) -> str:
    """A short name for a source: its outlet, else its number in the story, else its id."""
    return outlet_name(article) or (f"[{n}]" if n else str(article.get("id")))


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain web link; None for javascript:, data: and anything odd.

    Article URLs come from hostile input: only http(s) links are ever printed as links, and the
    app itself never fetches them.
    """
    if not url or any(ch.isspace() or ord(ch) < 32 for ch in url.strip()):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url.strip()


# --- article text with highlights -------------------------------------------------------------


@dataclass
class Segment:
    text: str
    classes: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()  # q{n} / c{n}: a quote or claim starts here (link targets)


@dataclass
class Block:
    """A sentence of the article (anchor ``s{n}``) or the text between sentences (no anchor)."""

    anchor: str | None
    segments: list[Segment]


def _spans(article: Mapping[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, note) for every highlighted thing in an article."""
    out: list[tuple[int, int, str, str]] = []
    for q in article.get("quotes") or ():
        if q.get("span"):
            who = q.get("canonical_speaker") or q.get("speaker") or "unattributed"
            out.append((*q["span"], "quote", f"quote · {who}"))
            if q.get("speaker_span"):
                out.append((*q["speaker_span"], "speaker", f"speaker · {who}"))
            if q.get("cue_span"):
                out.append((*q["cue_span"], "cue", f"cue · {q.get('cue') or ''}".rstrip(" ·")))
    for c in article.get("claims") or ():
        if c.get("span"):
            parts = [c.get("qualifier") or "", written(c["value"]), c.get("unit") or ""]
            note = " ".join(p for p in parts if p)
            if c.get("claimant"):
                note += f" · according to {c['claimant']}"
            out.append((*c["span"], "claim", f"claim · {note}"))
    for t in article.get("times") or ():
        if t.get("span"):
            out.append((*t["span"], "time", f"date · {t.get('value') or 'unresolved'}"))
    for e in article.get("entities") or ():
        if e.get("span"):
            name = e.get("canonical") or e["text"]
            out.append((*e["span"], f"ent ent-{_label_class(e['label'])}", f"{e['label']} · {name}"))
    return out


def _label_class(label: str) -> str:
    return "".join(ch for ch in label.lower() if ch.isalnum()) or "other"


def article_blocks(article: Mapping[str, Any]) -> list[Block]:
    """The clean text cut into sentences and, inside them, into runs with the same highlights."""
    text: str = article.get("text") or ""
    spans = [
        (max(0, s), min(len(text), e), cls, note)
        for s, e, cls, note in _spans(article)
        if 0 <= s < e
    ]
    cuts = {0, len(text)}
    for s, e, _, _ in spans:
        cuts.update((s, e))
    anchors: dict[int, list[str]] = {}
    for kind, key in (("quotes", "q"), ("claims", "c")):
        for n, item in enumerate(article.get(kind) or ()):
            if item.get("span") and 0 <= item["span"][0] < len(text):
                anchors.setdefault(item["span"][0], []).append(f"{key}{n}")
                cuts.add(item["span"][0])
    regions: list[tuple[int, int, str | None]] = []
    pos = 0
    for i, sentence in enumerate(article.get("sentences") or ()):
        start, end = sentence["span"]
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        if start > pos:
            regions.append((pos, start, None))
        regions.append((start, end, f"s{i}"))
        pos = end
    if pos < len(text):
        regions.append((pos, len(text), None))
    blocks = []
    for start, end, anchor in regions:
        points = sorted(c for c in cuts if start < c < end)
        segments = []
        for a, b in zip([start, *points], [*points, end]):
            covering = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
            classes = tuple(dict.fromkeys(c for sp in covering for c in sp[2].split()))
            notes = tuple(dict.fromkeys(sp[3] for sp in covering))
            segments.append(Segment(text[a:b], classes, notes, tuple(anchors.get(a, ()))))
        blocks.append(Block(anchor, segments))
    return blocks
