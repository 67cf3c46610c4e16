"""Learned cues: whether a word and one of its complements report what someone said or holds.

``storyfuse.extract.quotes`` finds reported speech with the verb lists of ``quotes_verbs``.
News also attributes beliefs, wishes, stances and findings with a long tail of words those
lists leave out or that only sometimes report ("X backs Y", "his criticism of Y", "the report
found ...", "in a poll released Monday, ..."). For those, every word outside quote marks with a
complement that could carry such content is a *candidate*, described by a few features (the
word's lemma and the kind of complement, the kind of speaker the parse gives it, negation,
passive voice, the length of the complement ...), and a logistic regression decides.

The weights live in ``storyfuse/data/quote_cues.json``, built by ``eval/polnear_cues.py`` from
the train split of PolNeAR (Newell, Margolin and Ruths, "An attribution relations corpus for
political news", LREC 2018; https://github.com/networkdynamics/PolNeAR). PolNeAR's
distribution states no licence for its annotations; the file holds only feature weights
computed from them (no text of the articles or annotations), for research and evaluation use
with attribution to that paper. Scoring is a dot product: no learning library runs here.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from itertools import repeat

from spacy.tokens import Span, Token

from storyfuse.extract.quotes_verbs import CLAUSE_VERBS, OBJECT_VERBS, PREP_VERBS, TO_VERBS

WEIGHTS_FILE = "quote_cues.json"
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
PRONOUNS = frozenset({"he", "she", "they", "it", "who", "you", "him", "her", "them", "which"})
# Dependents of a cue described by the context features.
CONTEXT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "ccomp", "xcomp", "prep", "aux", "neg", "poss"}
)
# Words opening a content that tell what kind of content it is.
OPENING_WORDS = frozenset(
    {"that", "to", "whether", "if", "what", "how", "why", "the", "a", "his", "her"}
)


@dataclass(frozen=True)
class Candidate:
    """A word that may be an attribution cue, the complement that would be its content, and the
    words that would name the speaker."""

    cue: Token
    kind: str  # clause, to, object, passive, prep:<p>, noun-clause, noun-prep:<p>, source-prep:<p>
    content: Span
    speaker: Token | None
    # the cue's sentence, from the finder's list: ``Token.sent`` builds it anew on every read
    sent: Span


def _speaker_kind(speaker: Token | None) -> str:
    if speaker is None:
        return "none"
    low = speaker.lower_
    if low in FIRST_PERSON:
        return "first-person"
    if low in PRONOUNS:
        return "pronoun"
    if speaker.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return speaker.ent_type_
    if speaker.pos_ == "PROPN":
        return "PROPN"
    return "noun:" + speaker.lemma_.lower()


def _bucket(n: int) -> str:
    for limit in (1, 2, 4, 8, 16, 32):
        if n <= limit:
            return str(limit)
    return "more"


def features(c: Candidate) -> list[str]:
    """The names of the binary features that describe a candidate."""
    t = c.cue
    lemma = t.lemma_.lower()
    kind = c.kind
    group = kind.split(":")[0]
    speaker = _speaker_kind(c.speaker)
    words = [w for w in c.content if not (w.is_punct or w.is_space)]
    head = c.content.root
    children = list(t.children)  # listed once: each listing builds new token objects
    negated = any(ch.dep_ == "neg" for ch in children)
    listed = (
        (group == "clause" and lemma in CLAUSE_VERBS)
        or (group == "to" and lemma in TO_VERBS)
        or (group == "object" and lemma in OBJECT_VERBS)
        or (group == "prep" and kind.split(":")[-1] in PREP_VERBS.get(lemma, ()))
    )
    last = _last_word(c.sent)
    out = [
        "bias",
        f"lemma={lemma}",
        f"kind={kind}",
        f"group={group}",
        f"lemma|kind={lemma}|{kind}",
        f"lemma|group={lemma}|{group}",
        f"tag={t.tag_}",
        f"dep={t.dep_}",
        f"kind|dep={kind}|{t.dep_}",
        f"speaker={speaker.split(':')[0]}",
        f"speaker|group={speaker.split(':')[0]}|{group}",
        f"speaker-word={speaker}",
        f"lemma|speaker={lemma}|{speaker.split(':')[0]}",
        f"length={_bucket(len(words))}",
        f"group|length={group}|{_bucket(len(words))}",
        f"content-head={head.pos_}",
        f"group|content-head={group}|{head.pos_}",
        f"listed={listed}",
        f"lemma|dep={lemma}|{t.dep_}",
        f"lemma|tag={lemma}|{t.tag_}",
        f"content-entity={head.ent_type_ or '-'}",
        f"group|content-entity={group}|{head.ent_type_ or '-'}",
        f"lemma|content-entity={lemma}|{head.ent_type_ or '-'}",
        f"content-word={head.lemma_.lower()}",
        f"kind|speaker={kind}|{speaker.split(':')[0]}",
    ]
    if negated:
        out.append("negated")
    if t.pos_ == "NOUN":
        out.append(f"noun-head={t.head.lemma_.lower()}")
        out.append(f"lemma|noun-head={lemma}|{t.head.lemma_.lower()}")
    if last is not None and last.text == "?":
        out.append("question")
    if any(ch.dep_ in ("aux", "auxpass") and ch.lower_ in ("will", "would") for ch in children):
        out.append("future")
    if group == "source-prep":
        out.append(f"source-noun={c.speaker.lemma_.lower() if c.speaker is not None else ''}")
    out.extend(_context_features(c, lemma, group, words, children))
    return out


def _last_word(sent: Span) -> Token | None:
    """The last token of a sentence that is not white space, read from its end."""
    doc = sent.doc
    for i in range(sent.end - 1, sent.start - 1, -1):
        if not doc[i].is_space:
            return doc[i]
    return None


def _context_features(
    c: Candidate, lemma: str, group: str, words: list[Token], children: list[Token]
) -> list[str]:
    """Where the cue sits and what its content is: the word the cue hangs on (a verb it is
    the object or complement of: "tended to support", "made allegations against"), the
    dependents it has, whether the content has a verb of its own and how it opens, and the
    speaker's dependency and entity type; plus the lemma's ending, which carries over to
    words seen too rarely to have a weight of their own ("-ize", "-ism"). ``words``: the
    content's words, without punctuation and white space; ``children``: the cue's."""
    t = c.cue
    governor = t.head.lemma_.lower() if t.head.i != t.i else "-"
    deps = sorted({ch.dep_ for ch in children if ch.dep_ in CONTEXT_DEPS})
    first = words[0].lower_ if words else "-"
    own_verb = any(w.pos_ in ("VERB", "AUX") for w in words)
    out = [
        f"governor={governor}",
        f"group|governor={group}|{governor}",
        f"group|children={group}|{'+'.join(deps)}",
        f"lemma|children={lemma}|{'+'.join(deps)}",
        f"group|own-verb={group}|{own_verb}",
        f"lemma|own-verb={lemma}|{own_verb}",
        f"group|first={group}|{first if first in OPENING_WORDS else '-'}",
        f"suffix={t.pos_}|{lemma[-3:]}",
        f"suffix|group={lemma[-3:]}|{group}",
        f"content-dep={c.content.root.dep_}",
    ]
    if c.speaker is not None:
        out.append(f"speaker-dep={c.speaker.dep_}")
        out.append(f"group|speaker-entity={group}|{c.speaker.ent_type_ or '-'}")
    return out


@dataclass(frozen=True)
class CueModel:
    """A logistic regression over the binary features above."""

    weights: dict[str, float]
    threshold: float

    def probability(self, c: Candidate) -> float:
        return logistic(self.weights, features(c))

    def accepts(self, c: Candidate) -> bool:
        return self.probability(c) >= self.threshold


def logistic(weights: dict[str, float], names: Iterable[str]) -> float:
    """The probability a logistic regression over binary features gives the features present."""
    z = sum(map(weights.get, names, repeat(0.0)))  # a weight of 0 for a feature never seen
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def shipped_weights(file_name: str) -> tuple[dict[str, float], float] | None:
    """(weights, threshold) of a model in ``storyfuse/data``; None when the file is missing."""
    path = resources.files("storyfuse") / "data" / file_name
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["weights"], float(data["threshold"])


@functools.cache
def cue_model() -> CueModel | None:
    """The shipped weights; None when the data file is missing (the verb lists still work)."""
    shipped = shipped_weights(WEIGHTS_FILE)
    return CueModel(*shipped) if shipped is not None else None
