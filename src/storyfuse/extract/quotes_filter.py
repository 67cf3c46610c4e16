"""A learned precision filter over the quotations ``storyfuse.extract.quotes`` finds.

The extractor's rules and learned cues take some contents that are not attributions: a bare
object ("supported them", "wanted more"), a time phrase parsed as a complement, a headline line
with a colon, a quoted title with a speaker nearby. Each found quotation is described by a few
binary features of what the parse already holds — its cue word and the kind of cue (quote
marks, the verb lists, "according to", a colon, a learned cue), the length and shape of the
content (its own verb and subject, an opening "that"/"to"/"if", its first parts of speech, an
entity or a time phrase as its head), the kind of speaker mention (none, a pronoun, a person,
an organisation), the line it sits on (a short headline-like line) and whether another found
quotation overlaps it — and a logistic regression gives the probability that it is right.
Quotations below the shipped threshold are dropped: leaving out a prediction raises F1 when it
is right with probability below F1 / 2.

The weights live in ``storyfuse/data/quote_filter.json``, built by ``eval/polnear_filter.py``
from the extractor's own predictions on the train split of PolNeAR (Newell, Margolin and Ruths,
"An attribution relations corpus for political news", LREC 2018;
https://github.com/networkdynamics/PolNeAR), each labelled by whether it matches a gold
content. PolNeAR's distribution states no licence for its annotations; the file holds only
feature weights computed from them (no text of the articles or annotations), for research and
evaluation use with attribution to that paper. Scoring is a dot product over the parse the
extractor read: no second parse and no learning library at run time.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyfuse.extract.nlp import text_of
from storyfuse.extract.quotes_cues import logistic, shipped_weights
from storyfuse.extract.quotes_verbs import (
    CLAUSE_VERBS,
    OBJECT_VERBS,
    PREP_VERBS,
    QUOTE_VERBS,
    RELATIVE_PRONOUNS,
    STANCE_ADJECTIVES,
    TO_VERBS,
)
from storyfuse.model import Quote

WEIGHTS_FILE = "quote_filter.json"
QUOTE_MARKS = "“”\"‘’'`"
PRONOUNS = frozenset(
    {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me"}
)
OPENING_WORDS = frozenset({"that", "to", "if", "whether", "how", "what", "why", "when", "for"})
# How far (in tokens) from the content the cue word is looked for.
CUE_REACH = 40
# A line of at most this many words that does not end a sentence reads as a headline.
HEADLINE_WORDS = 14


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32):
        if n <= limit:
            return str(limit)
    return "more"


def _span(doc: Doc, start: int | None, end: int | None) -> Span | None:
    if start is None or end is None or end <= start:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) > 0 else None


def _cue_kind(q: Quote, lemma: str) -> str:
    cue = (q.cue or "").lower()
    if q.direct:
        return "marks" if cue else "marks-no-cue"
    if cue == "according to":
        return "according"
    if cue == ":":
        return "colon"
    if lemma in CLAUSE_VERBS:
        return "clause-list"
    if lemma in TO_VERBS or lemma in OBJECT_VERBS or lemma in PREP_VERBS:
        return "list"
    if lemma in STANCE_ADJECTIVES or (cue.split()[:1] and cue.split()[0] in STANCE_ADJECTIVES):
        return "stance"
    if lemma in QUOTE_VERBS:
        return "quote-verb"
    return "learned"


def _cue_token(
    tokens: Sequence[Token], lowers: Sequence[str], q: Quote, content: Span
) -> Token | None:
    """The word of the quote's cue nearest its content (the extractor keeps only the cue's
    text). ``tokens`` and ``lowers``: the document's tokens and their lower-case forms, made
    once."""
    words = (q.cue or "").lower().split()
    if not words or words == [":"]:
        return None
    head = "according" if words[:2] == ["according", "to"] else None
    lo = max(0, content.start - CUE_REACH)
    hi = min(len(tokens), content.end + CUE_REACH)
    best: Token | None = None
    best_rank: tuple[int, int] | None = None
    for i in range(lo, hi):
        if content.start <= i < content.end or lowers[i] not in words:
            continue
        t = tokens[i]
        if head is not None and t.lower_ != head:
            continue
        distance = content.start - t.i if t.i < content.start else t.i - content.end + 1
        minor = int(t.pos_ in ("ADP", "PART", "AUX") and len(words) > 1)
        rank = (minor, distance)
        if best_rank is None or rank < best_rank:
            best, best_rank = t, rank
    return best


def _speaker_kind(doc: Doc, q: Quote) -> tuple[str, int, str]:
    """The kind of the speaker mention, its length in words and its head word (lowercased
    for pronouns and common nouns, "-" for names)."""
    mention = _span(doc, q.speaker_start, q.speaker_end)
    if mention is None:
        return ("none" if q.speaker is None else "name-only"), 0, "-"
    words = [t for t in mention if not (t.is_punct or t.is_space)]
    root = mention.root
    low = root.lower_
    if low in PRONOUNS:
        kind = "pronoun"
    elif low in RELATIVE_PRONOUNS:
        kind = "relative"
    elif root.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        kind = root.ent_type_
    elif root.pos_ == "PROPN":
        kind = "PROPN"
    else:
        kind = "noun"
    word = root.lemma_.lower() if kind in ("pronoun", "relative", "noun") else "-"
    return kind, len(words), word


def _line(text: str, start: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    return lo, (len(text) if hi < 0 else hi)


def features(doc: Doc, quotes: Sequence[Quote]) -> list[list[str]]:
    """The names of the binary features that describe each quotation found in ``doc``."""
    contents = [_span(doc, q.start, q.end) for q in quotes]
    # made once for the cue searches: ``doc[i]`` builds a new Token on every read
    tokens = list(doc) if quotes else []
    lowers = [t.lower_ for t in tokens]
    cues = [
        _cue_token(tokens, lowers, q, content) if content is not None else None
        for q, content in zip(quotes, contents, strict=True)
    ]
    cue_at = [t.idx if t is not None else None for t in cues]
    return [
        _features(doc, q, content, cue) + _relations(quotes, k, cue_at)
        for k, (q, content, cue) in enumerate(zip(quotes, contents, cues, strict=True))
    ]


def _relations(quotes: Sequence[Quote], k: int, cue_at: list[int | None]) -> list[str]:
    """How a quotation sits among the others found in the document: overlapping one, its cue
    or speaker inside another's content (a report nested in a report), holding another's
    cue, or sharing its attribution with a neighbour."""
    q = quotes[k]
    out = []
    overlaps = sum(
        1 for i, o in enumerate(quotes) if i != k and o.start < q.end and q.start < o.end
    )
    out.append(f"overlaps={min(overlaps, 2)}")
    mine = cue_at[k]
    if mine is not None and any(i != k and o.start <= mine < o.end for i, o in enumerate(quotes)):
        out.append("cue-in-other")
    if q.speaker_start is not None and any(
        i != k and o.start <= q.speaker_start < o.end for i, o in enumerate(quotes)
    ):
        out.append("speaker-in-other")
    if any(i != k and c is not None and q.start <= c < q.end for i, c in enumerate(cue_at)):
        out.append("holds-other-cue")
    for i in (k - 1, k + 1):
        if 0 <= i < len(quotes):
            o = quotes[i]
            same = o.speaker_start == q.speaker_start and o.cue == q.cue
            if same and q.speaker_start is not None:
                out.append(f"same-attribution-{'before' if i < k else 'after'}={o.direct}")
    return out


def _features(doc: Doc, q: Quote, content: Span | None, cue_tok: Token | None) -> list[str]:
    text = text_of(doc)
    if content is None:
        return ["bias", "no-tokens"]
    words = [t for t in content if not (t.is_punct or t.is_space)]
    n = len(words)
    cue = (q.cue or "").lower()
    lemma = cue_tok.lemma_.lower() if cue_tok is not None else (cue or "-")
    kind = _cue_kind(q, lemma)
    root = content.root
    speaker, speaker_words, speaker_word = _speaker_kind(doc, q)
    first = words[0] if words else content[0]
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    has_subject = any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for t in words)
    inside = text[q.start : q.end]
    opens_mark = inside.lstrip()[:1] in QUOTE_MARKS
    pattern = "-".join(t.pos_ for t in words[:3])
    length = _bucket(n)
    shape = "clause" if has_verb and has_subject else ("verb" if has_verb else "phrase")
    line_lo, line_hi = _line(text, q.start)
    line_text = text[line_lo:line_hi].strip()
    line_words = len(line_text.split())
    headline = line_words <= HEADLINE_WORDS and not line_text.endswith((".", "?", "!", "”", '"'))
    out = [
        "bias",
        f"kind={kind}",
        f"cue={lemma}",
        f"kind|cue={kind}|{lemma}",
        f"direct={q.direct}",
        f"length={length}",
        f"kind|length={kind}|{length}",
        f"shape={shape}",
        f"kind|shape={kind}|{shape}",
        f"cue|shape={lemma}|{shape}",
        f"root-pos={root.pos_}",
        f"root-dep={root.dep_}",
        f"kind|root-pos={kind}|{root.pos_}",
        f"root-entity={root.ent_type_ or '-'}",
        f"first-pos={first.pos_}",
        f"pattern={pattern}",
        f"kind|pattern={kind}|{pattern}",
        f"speaker={speaker}",
        f"kind|speaker={kind}|{speaker}",
        f"speaker-words={_bucket(speaker_words)}",
        f"speaker-word={speaker_word}",
        f"kind|speaker-word={kind}|{speaker_word}",
        f"cue|speaker={lemma}|{speaker}",
        f"cue|root-pos={lemma}|{root.pos_}",
        f"opens-mark={opens_mark}",
        f"kind|opens-mark={kind}|{opens_mark}",
    ]
    if first.lower_ in OPENING_WORDS:
        out.append(f"opens={first.lower_}")
        out.append(f"cue|opens={lemma}|{first.lower_}")
    if n <= 4:
        out.append(f"short-word={root.lemma_.lower()}")
        out.append(f"short-pattern={'-'.join(t.pos_ for t in words)}")
    if headline:
        out.append("headline")
        out.append(f"kind|headline={kind}")
    if line_lo == 0:
        out.append("first-line")
    if " … " in q.text:
        out.append("joined")
    if inside.rstrip(" ”\"’'").endswith("?"):
        out.append("content-question")
    if first.lower_ in ("and", "but", "or", "so"):
        out.append("opens-conjunction")
    if any(t.ent_type_ in ("DATE", "TIME") for t in words) and n <= 8:
        out.append("short-time")
    if cue_tok is not None:
        after = cue_tok.i < content.start
        gap = content.start - cue_tok.i - 1 if after else cue_tok.i - content.end
        out.append(f"cue-before={after}")
        out.append(f"kind|cue-before={kind}|{after}")
        out.append(f"gap={_bucket(max(0, gap))}")
        out.append(f"cue-pos={cue_tok.pos_}")
        out.append(f"cue-dep={cue_tok.dep_}")
        out.append(f"cue|cue-dep={lemma}|{cue_tok.dep_}")
        if any(c.dep_ == "neg" for c in cue_tok.children):
            out.append("negated")
        modal = next(
            (c.lower_ for c in cue_tok.children if c.tag_ == "MD" and c.dep_ == "aux"), None
        )
        if modal is not None:
            out.append(f"modal={modal}")
        out.append(f"cue-head-pos={cue_tok.head.pos_}")
        out.append(f"kind|cue-dep={kind}|{cue_tok.dep_}")
        if cue_tok.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass") for c in cue_tok.children
        ):
            out.append("bare-participle")
        sent = cue_tok.sent
        tail = [t for t in sent if not t.is_space][-1:]
        if tail and tail[0].text == "?":
            out.append("question")
    elif kind not in ("marks-no-cue", "colon"):
        out.append("cue-not-found")
    return out


@dataclass(frozen=True)
class QuoteFilter:
    """A logistic regression over the binary features above, and the probability a quotation
    must reach to be kept."""

    weights: dict[str, float]
    threshold: float

    def probabilities(self, doc: Doc, quotes: Sequence[Quote]) -> list[float]:
        """The probability that each quotation found in ``doc`` is right."""
        return [logistic(self.weights, names) for names in features(doc, quotes)]


@functools.cache
def quote_filter() -> QuoteFilter | None:
    """The shipped weights; None when the data file is missing (every quotation is kept)."""
    shipped = shipped_weights(WEIGHTS_FILE)
    return QuoteFilter(*shipped) if shipped is not None else None


def keep_likely(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """The quotations the filter judges likely to be right, in their order."""
    model = quote_filter()
    if model is None or not quotes:
        return quotes
    probs = model.probabilities(doc, quotes)
    return [q for q, p in zip(quotes, probs, strict=True) if p >= model.threshold]
