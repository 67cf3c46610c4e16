"""Quotes: one utterance, with each outlet's rendering of it.

Outlets translate and trim the same remark differently ("Images are a serious thing" / "Satellite
images are a serious matter"). Quotes of the story are grouped when their speakers are the same
person (by canonical name) and their wordings mean the same (embedding cosine) or one wording is
contained in the other (an outlet quoting only part of the remark); speakers one role describes
("a WeWork spokesperson" / "a company spokesperson") only when one wording holds the other.
Identical renderings (up to spacing, quote marks and case) are one variant with all their
sources.

Only direct quotations are utterances here: reported speech ("Putin said that ...") is each
outlet's own paraphrase, and ``facts`` aligns it. Quoted fragments of fewer than ``MIN_WORDS``
words ("groundless rumors") are scare quotes or terms, and quoted titles ("Meet the Press") are
names; neither is an utterance, and both are left to the article view.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from storyfuse.clean.lines import TITLE_SMALL_WORDS
from storyfuse.extract.names import PARTY_WORDS
from storyfuse.extract.quotes import SOURCE_PREPOSITIONS
from storyfuse.fuse.names import Names, described_body
from storyfuse.fuse.units import StoryArticles, names_somebody, source_order
from storyfuse.model import Analysis, Quote, QuoteGroup, Rendering

MIN_WORDS = 4
# same utterance, same speaker: 0.6 is the usual MiniLM paraphrase cut-off; a short quote shares
# few words with anything, so its cosine says less and it must be closer
SAME_SPEAKER_THRESHOLD = 0.6
# just over it, two remarks of one speaker on one theme score alike too ("Since January,
# America's brilliant doctors ..." / "Hundreds of millions of doses will be available ..."):
# below this, two renderings of one remark must also share a run of this many words
UNSURE_BELOW = 0.65
SHARED_RUN = 4
SHORT_QUOTE_WORDS = 8
SHORT_QUOTE_THRESHOLD = 0.72
# a quote without a known speaker joins a group only when it is nearly the same wording
NO_SPEAKER_THRESHOLD = 0.85
# one rendering contains the other: token-set ratio this high, the shorter one long enough
CONTAINED_RATIO = 90
CONTAINED_MIN_WORDS = 6
# what one rendering holding the other scores (``_similarity``)
SAME_REMARK = 0.95


@dataclass(frozen=True)
class Said:
    article_id: str
    quote: Quote
    text: str  # tidied wording
    speaker: str | None  # canonical


def tidy_quote(text: str) -> str:
    text = " ".join(text.split())
    # the comma before "he said" belongs to the reporting sentence, not to the words said
    return text.strip(" \"'“”‘’«»").rstrip(",;:").strip()


def _key(text: str) -> str:
    """Renderings that differ only in case, quote marks, spacing or punctuation are one."""
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def _utterances(story: StoryArticles) -> Iterator[tuple[Analysis, Quote, str]]:
    """Each direct quotation long enough to be an utterance: its article, the quote, the tidied
    wording."""
    for analysis in story.analyses:
        for quote in analysis.quotes:
            if not quote.direct:
                continue
            text = tidy_quote(quote.text)
            if len(text.split()) >= MIN_WORDS and not is_title(text):
                yield analysis, quote, text


TITLE_WORDS = 10


def is_title(text: str) -> bool:
    """Whether quoted words are a title or a name, not something said: a few words, every one
    capitalised except the small words titles leave in lower case, none ending a sentence
    ("Meet the Press", "The Art of the Deal", "Make America Great Again"; not "It's not new in
    Virginia")."""
    words = [w.strip("\"'“”‘’,:;()…") for w in text.split()]
    words = [w for w in words if w]
    if len(words) > TITLE_WORDS or text.endswith((".", "!", "?")):
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w in TITLE_SMALL_WORDS for w in words)


def story_quotes(story: StoryArticles, names: Names) -> list[Said]:
    """The story's utterances, each with its speaker's canonical name, shown as the figures and
    the entities show it (with its short forms); a speaker written as the kind of body ("the
    ministry said") is the body the article named (``described_body``). A speaker that names
    nobody ("they", "some", ``NAMES_NOBODY``) is no speaker: two articles' "they" are not one
    person, and a reader learns nothing from it."""
    out = []
    for analysis, quote, text in _utterances(story):
        if not names_somebody(quote.speaker):
            out.append(Said(analysis.id, quote, text, None))
            continue
        speaker = described_body(
            quote.speaker, analysis, quote.start, names, story
        ) or names.canonical(quote.speaker)
        out.append(Said(analysis.id, quote, text, names.display(speaker) if speaker else None))
    return out


def quote_texts(story: StoryArticles, names: Names) -> list[str]:
    """The wordings ``quotes`` compares: of each utterance that another could join."""
    said = story_quotes(story, names)
    return [said[k].text for k in _joinable_somewhere(said)]


def _compatible(a: Said, b: Said) -> bool:
    """Two utterances of one speaker, or one of them unattributed, may be one remark; so may
    two of speakers described by one role, or one described and one named (``_one_speaker``),
    when one rendering holds the other word for word or nearly (``_holds``)."""
    return (
        a.speaker is None
        or b.speaker is None
        or a.speaker == b.speaker
        or (_one_speaker(a.speaker, b.speaker) and _holds(a, b))
    )


def _one_speaker(a: str, b: str) -> bool:
    """Two speakers that may be one, were their words the same: one role (``_one_role``), or a
    description and a name ("the pharmaceutical giant" and "Pfizer", "top US law enforcement
    agent" and "William Barr": an outlet that quotes the same words word for word describes
    the speaker another names)."""
    return _one_role(a, b) or _a_name(a) != _a_name(b)


def _described_as_several(said: list[Said]) -> set[int]:
    """The described speakers' utterances whose words two named speakers say too: whose they
    are, the words do not tell."""
    out = set()
    for i, a in enumerate(said):
        if a.speaker is None or _a_name(a.speaker):
            continue
        named = {
            b.speaker for b in said if b.speaker is not None and _a_name(b.speaker) and _holds(a, b)
        }
        if len(named) > 1:
            out.add(i)
    return out


# Words that open the phrase of a participle after a source's noun ("briefed on the talks",
# "speaking to Fox News", "involved in the talks").
PARTICLES = frozenset({"on", "in", "with", "to", "at", "about", "by", "for", "from", "of"})


def _role_word(speaker: str) -> str:
    """The word a speaker's phrase ends on before what says which one it is: "spokesperson" in
    "a spokesperson for the company" and "a Tarnby spokesperson", "people" in "two people
    briefed on the plan" (``extract.quotes._source_description``); the last word otherwise."""
    words = speaker.split()
    for k in range(1, len(words)):
        word, after = words[k], words[k + 1] if k + 1 < len(words) else ""
        # a participle with a phrase of its own ("briefed on"), not one before a noun ("a
        # retired teacher", "the acting director")
        participle = word.islower() and word.endswith(("ed", "ing")) and after in PARTICLES
        if word in SOURCE_PREPOSITIONS or participle:
            return words[k - 1]
    return words[-1]


def _a_name(speaker: str) -> bool:
    """A speaker written as a name, not as a description: its last word (before what says
    which one: ``_role_word``) capitalised, and not a party's ("the New York Democrat", "a
    California Republican" describe a member)."""
    last = _role_word(speaker)
    return last[:1].isupper() and last.lower() not in PARTY_WORDS


def _one_role(a: str, b: str) -> bool:
    """Two speakers written as one role, one outlet naming more of it than the other: "a WeWork
    spokesperson", "a company spokesperson" and "a spokesperson for the company" (the role's
    word alike and in lower case, so no name)."""
    last_a, last_b = _role_word(a), _role_word(b)
    return last_a == last_b and last_a.islower()


def _holds(a: Said, b: Said) -> bool:
    """One rendering holds the other (``_contained``), and the shorter is long enough to say
    so."""
    shorter = min(len(a.text.split()), len(b.text.split()))
    return shorter >= CONTAINED_MIN_WORDS and _contained(a, b)


def _word_for_word(outer: str, inner: str) -> bool:
    """Whether one rendering's key holds another's word for word."""
    return bool(outer and inner) and f" {inner} " in f" {outer} "


def _contained(a: Said, b: Said) -> bool:
    """One rendering holds the other word for word, or nearly so when both are long enough
    ("We received an inquiry ..." / "we have received an inquiry ...")."""
    ka, kb = _key(a.text), _key(b.text)
    if _word_for_word(kb, ka) or _word_for_word(ka, kb):
        return True
    shorter = min(len(a.text.split()), len(b.text.split()))
    return shorter >= CONTAINED_MIN_WORDS and fuzz.token_set_ratio(ka, kb) >= CONTAINED_RATIO


def _joinable_somewhere(said: list[Said]) -> list[int]:
    """The utterances that have a compatible other: only they are ever compared."""
    speakers = Counter(s.speaker for s in said)
    roles = Counter(_role_word(s.speaker) for s in said if s.speaker)

    def has_other(s: Said) -> bool:
        if s.speaker is None:
            return len(said) > 1
        return (
            speakers[s.speaker] > 1
            or speakers[None] > 0
            or roles[_role_word(s.speaker)] > 1
            or any(_a_name(other) != _a_name(s.speaker) for other in speakers if other)
        )

    return [k for k, s in enumerate(said) if has_other(s)]


def _similarity(a: Said, b: Said, cosine: float) -> float:
    # part of the other rendering: an outlet quoting the remark in part
    return max(cosine, SAME_REMARK) if _contained(a, b) else cosine


def _threshold(a: Said, b: Said) -> float:
    if a.speaker is None or b.speaker is None:
        return NO_SPEAKER_THRESHOLD
    if min(len(a.text.split()), len(b.text.split())) < SHORT_QUOTE_WORDS:
        return SHORT_QUOTE_THRESHOLD
    return SAME_SPEAKER_THRESHOLD


def _joinable(a: Said, b: Said, score: float) -> bool:
    threshold = _threshold(a, b)
    if not _compatible(a, b) or score < threshold:
        return False
    return threshold != SAME_SPEAKER_THRESHOLD or score >= UNSURE_BELOW or _share_a_run(a, b)


def _share_a_run(a: Said, b: Said) -> bool:
    """Whether two renderings share a run of ``SHARED_RUN`` words ("that is exactly what they
    are")."""

    def runs(text: str) -> set[tuple[str, ...]]:
        words = _key(text).split()
        return {tuple(words[k : k + SHARED_RUN]) for k in range(len(words) - SHARED_RUN + 1)}

    return bool(runs(a.text) & runs(b.text))


def _closeness(a: list[int], b: list[int], said: list[Said], score: np.ndarray) -> float:
    """How well two groups fit together: for each quote, its best margin over the threshold to
    the other group, averaged. A part-quote ("There is article 4") is close to the rendering that
    contains it and far from the others, and must not keep the two groups apart."""
    margins = []
    for mine, other in ((a, b), (b, a)):
        for x in mine:
            margins.append(max(score[x, y] - _threshold(said[x], said[y]) for y in other))
    return float(np.mean(margins))


def _two_remarks_of_one_article(group: list[int], said: list[Said]) -> bool:
    """Whether a group would hold two remarks of one article. Two quotes of one article are two
    things said, however alike, unless one holds the other word for word (a pull quote) or
    another article's rendering holds both (an outlet quoting one remark in two parts: "There
    is article 4" and "We have never doubted ...", where another outlet quotes the whole)."""
    keys = {k: f" {_key(said[k].text)} " for k in group}
    for x in group:
        for y in group:
            if x >= y or said[x].article_id != said[y].article_id:
                continue
            if keys[x] in keys[y] or keys[y] in keys[x]:
                continue
            others = [z for z in group if said[z].article_id != said[x].article_id]
            if not any(keys[x] in keys[z] and keys[y] in keys[z] for z in others):
                return True
    return False


def group_quotes(story: StoryArticles, said: list[Said]) -> list[list[int]]:
    """Grouping over the best pairs first; groups join when they fit as a whole (``_closeness``)."""
    if not said:
        return []
    n = len(said)
    compared = _joinable_somewhere(said)
    vectors = story.vectors([said[k].text for k in compared])
    cosine = np.zeros((n, n))
    cosine[np.ix_(compared, compared)] = vectors @ vectors.T
    # pairs of different speakers are never joined nor weighed together (``_closeness`` looks
    # only at groups of one speaker, of one role, or of one name and its descriptions): their
    # score stays 0
    score = np.eye(n)
    pairs = []
    unsure = _described_as_several(said)
    for i in range(n):
        for j in range(i + 1, n):
            if not _compatible(said[i], said[j]):
                continue
            if (i in unsure or j in unsure) and said[i].speaker != said[j].speaker:
                continue
            score[i, j] = score[j, i] = _similarity(said[i], said[j], float(cosine[i, j]))
            if _joinable(said[i], said[j], score[i, j]):
                pairs.append((score[i, j], i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        speakers = {s for k in members[gi] + members[gj] if (s := said[k].speaker) is not None}
        if any(not _one_speaker(x, y) for x in speakers for y in speakers if x != y):
            continue
        if len({x for x in speakers if _a_name(x)}) > 1:
            continue  # two people's words, however alike
        if _closeness(members[gi], members[gj], said, score) < 0:
            continue
        if _two_remarks_of_one_article(members[gi] + members[gj], said):
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi].extend(members.pop(gj))
    return [sorted(m) for m in members.values()]


def to_group(said: list[Said], order: list[str]) -> QuoteGroup:
    speakers = Counter(s.speaker for s in said if s.speaker)
    # a name before a description of the speaker ("Pfizer", not "pharmaceutical giant"); then
    # the most frequent; then one naming whose role it is ("WeWork spokesperson", not "company
    # spokesperson"); then the longest
    speaker = (
        max(speakers, key=lambda w: (_a_name(w), speakers[w], w[:1].isupper(), len(w)))
        if speakers
        else None
    )
    variants: dict[str, tuple[str, list[str]]] = {}
    vias: dict[str, set[str | None]] = {}  # who each wording's articles have it from
    for s in said:
        _, ids = variants.setdefault(_key(s.text), (s.text, []))
        ids.append(s.article_id)
        vias.setdefault(_key(s.text), set()).add(s.quote.via)
    # a rendering that another holds word for word, from the same articles, adds nothing (a
    # headline or pull quote of the remark the article quotes in full): it is no other
    # outlet's rendering
    for key in sorted(variants, key=len):
        if any(
            other != key and _word_for_word(other, key) and set(variants[key][1]) <= set(ids)
            for other, (_, ids) in variants.items()
        ):
            del variants[key]
    # a wording is had "via" a source when every article giving it names that one source
    cited = [
        Rendering(
            text=text,
            sources=source_order(ids, order),
            via=next(iter(vias[key])) if len(vias[key]) == 1 else None,
        )
        for key, (text, ids) in variants.items()
    ]
    cited.sort(key=lambda c: (-len(c.sources), order.index(c.sources[0])))
    return QuoteGroup(speaker=speaker, variants=tuple(cited))


def quotes(story: StoryArticles, names: Names) -> list[QuoteGroup]:
    """The story's utterances: most widely reported first, unattributed ones last."""
    said = story_quotes(story, names)
    groups = [[said[k] for k in g] for g in group_quotes(story, said)]
    order = story.ids

    def rank(group: list[Said]) -> tuple:
        first = min((order.index(s.article_id), s.quote.start) for s in group)
        has_speaker = any(s.speaker for s in group)
        return (not has_speaker, -len({s.article_id for s in group}), first)

    groups.sort(key=rank)
    return [to_group(g, order) for g in groups]
