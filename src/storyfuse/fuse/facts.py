"""Facts: the same statement made by several articles, with how many articles make it.

Sentences of different articles are aligned when they say the same thing: their embeddings are
close, and their words, numbers and named entities agree. Sentences that give different numbers or
different days never support each other, however alike their wording ("signed on June 18" is
no support for "signed on June 19"): that is a conflict, and ``conflicts`` reports it. Alignment is agglomerative over the
strongest pairs first, with two guards against drift: a group never takes two sentences of one
article, and two groups join only when their sentences are, on average, still alike.

Support counts distinct articles (copies were left out before this step). The fact's text is the
wording closest to all the others, preferring one that names the speaker of the quotation it
carries; ``variants`` keep each article's own wording.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyfuse.clean.clutter import title_cased
from storyfuse.fuse.names import Names, speaker_named
from storyfuse.fuse.units import (
    StoryArticles,
    Unit,
    bounds,
    cosines,
    counts,
    finished,
    is_statement,
    leans_on_context,
    precision,
    source_order,
    stops_mid_sentence,
    unattributed_quotation,
    unbalanced_quotes,
    without_label,
    words,
)
from storyfuse.model import Cited, Claim, Fact

# same statement: cosine (plus agreement adjustments) at least this; MiniLM puts paraphrases of
# one news sentence at 0.75-0.95 and different sentences of the same story at 0.3-0.6
ALIGN_THRESHOLD = 0.7
LEXICAL_WEIGHT, NUMBER_BONUS, ENTITY_WEIGHT = 0.15, 0.05, 0.05
MAX_BONUS = 0.7 * LEXICAL_WEIGHT + NUMBER_BONUS + 0.7 * ENTITY_WEIGHT
# two groups join only if their mean cross similarity stays this high
GROUP_THRESHOLD = 0.65


@dataclass
class Alignment:
    """Statement units of the story, their similarity, and the groups that say the same thing."""

    units: list[Unit]
    similarity: np.ndarray  # unit x unit cosine
    groups: list[list[int]]  # indices into units; singletons included
    # the numbers each unit states (written in figures or words, as the claims read them)
    stated: list[frozenset[float]] = field(default_factory=list)
    # whether each unit carries a quotation without naming its speaker
    unattributed: list[bool] = field(default_factory=list)

    def representative(self, group: list[int]) -> int:
        """The member closest to the rest of its group (ties: the earliest in its article),
        among those that state no number another member leaves out: the fact's wording is what
        all its sources say ("20 workers are trapped", not "22 are trapped, two more than the
        owner's count of 20", which one source says and the others do not), and, when some member
        names the speaker of the quotation it carries, among those: "“We never doubted ...”"
        alone reads as nobody's words where another outlet's "..., Putin said" does not."""
        if len(group) == 1:
            return group[0]
        sub = self.similarity[np.ix_(group, group)]
        mean = (sub.sum(axis=1) - 1.0) / (len(group) - 1)
        pool: list[int] = list(range(len(group)))
        if self.stated:
            shared = [
                k
                for k in pool
                if all(self.stated[group[k]] <= self.stated[o] for o in group if o != group[k])
            ]
            pool = shared or pool
        if self.units:
            # one whose quotation marks pair up: "I want to ... means something.”" (an outlet
            # that left out the opening mark) is someone's words it does not show as theirs
            pool = [k for k in pool if not unbalanced_quotes(self.units[group[k]].text)] or pool
        if self.unattributed:
            pool = [k for k in pool if not self.unattributed[group[k]]] or pool
        # one that reads alone, before one that opens on what went before ("That should be the
        # Senate's response if ...")
        if self.units:
            pool = [k for k in pool if not leans_on_context(self.units[group[k]].text)] or pool
        best = max(pool, key=lambda k: (round(float(mean[k]), 6), -group[k]))
        return group[best]


@functools.lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if len(w) > 2 and w not in ENGLISH_STOP_WORDS)


def _jaccard(a: AbstractSet[str | None], b: AbstractSet[str | None]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


# a year as written: four digits, not part of a longer number ("1,962", "1962.5")
_YEAR = re.compile(r"(?<!\d)(?<!\d[,.])(?:1[89]|20)\d\d(?!\d|[,.]\d)")


def _years(text: str) -> frozenset[str]:
    return frozenset(_YEAR.findall(text))


def disagree(a: Unit, b: Unit) -> bool:
    """Sentences that give different numbers, or different days, do not support each other:
    they are different statements or a conflict (which ``conflicts`` reports). A year both give
    is background ("the bridge, built in 1962, ..."): when it is all they share, their other
    numbers must agree too ("collapsed on May 4" / "carried 9,000 cars")."""
    na, nb = a.numbers, b.numbers
    if na and nb and not na & nb:
        return True
    if na & nb and na & nb <= (_years(a.text) & _years(b.text)):
        rest_a, rest_b = na - nb, nb - na
        if rest_a and rest_b:
            return True
    da = {t.value for t in a.times if precision(t.value) == "day"}
    db = {t.value for t in b.times if precision(t.value) == "day"}
    return bool(da and db and not da & db)


def pair_score(a: Unit, b: Unit, cosine: float, names: Names) -> float:
    """How surely two sentences state the same thing: cosine adjusted by lexical agreement,
    number agreement and named-entity agreement; -inf when they disagree on a number or day."""
    if disagree(a, b):
        return -np.inf
    score = cosine + LEXICAL_WEIGHT * (_jaccard(content_words(a.text), content_words(b.text)) - 0.3)
    if a.numbers and b.numbers:
        score += NUMBER_BONUS
    ea = {names.canonical(e.text) for e in a.entities}
    eb = {names.canonical(e.text) for e in b.entities}
    if ea and eb:
        score += ENTITY_WEIGHT * (_jaccard(ea, eb) - 0.3)
    return score


def compared_units(story: StoryArticles) -> list[Unit]:
    """The statements the parts compare (computed once per story): all of them, but in a story
    of one article, where nothing aligns, only those a summary can take."""

    def compute() -> list[Unit]:
        from storyfuse.fuse.summary import usable

        units = [u for u in story.units if is_statement(u.text)]
        if len({u.article_id for u in units}) > 1:
            return units
        return [u for u in units if usable(u, story, cut_off=True)]

    return story.once("compared units", compute)


def align(story: StoryArticles, names: Names) -> Alignment:
    units = compared_units(story)
    if not units:
        return Alignment(units=[], similarity=np.zeros((0, 0)), groups=[])
    similarity = cosines(story.vectors([u.text for u in units]))
    pairs = []
    # the agreement adjustments add at most MAX_BONUS, so only pairs this close can align
    close = np.argwhere(np.triu(similarity >= ALIGN_THRESHOLD - MAX_BONUS, k=1))
    for i, j in close.tolist():
        if units[i].article_id == units[j].article_id:
            continue
        score = pair_score(units[i], units[j], float(similarity[i, j]), names)
        if score >= ALIGN_THRESHOLD:
            pairs.append((score, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    unit_claims = _unit_claims(story, units)
    sides = _sides(unit_claims)

    group_of = list(range(len(units)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}
    for _, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        articles_i = {units[k].article_id for k in members[gi]}
        articles_j = {units[k].article_id for k in members[gj]}
        if articles_i & articles_j:
            continue
        if any(
            disagree(units[x], units[y]) or _opposite_sides(sides[x], sides[y])
            for x in members[gi]
            for y in members[gj]
        ):
            continue
        cross = similarity[np.ix_(members[gi], members[gj])]
        if float(cross.mean()) < GROUP_THRESHOLD:
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi].extend(members.pop(gj))
    groups = [sorted(m) for m in members.values()]
    return Alignment(
        units=units,
        similarity=similarity,
        groups=groups,
        stated=_stated(units, unit_claims),
        unattributed=[unattributed_quotation(u, story) for u in units],
    )


def _unit_claims(story: StoryArticles, units: list[Unit]) -> list[list[Claim]]:
    """The claims inside each unit."""
    claims = {a.id: a.claims for a in story.analyses}
    return [
        [c for c in claims.get(u.article_id, ()) if u.start <= c.start < u.end] for u in units
    ]


def _sides(unit_claims: list[list[Claim]]) -> list[dict[float, frozenset[str]]]:
    """For each unit, the values its claims give as a floor or a ceiling, with the sides
    (``units.bounds``: "more than 50" is a floor)."""
    out = []
    for claims in unit_claims:
        sides: dict[float, frozenset[str]] = {}
        for c in claims:
            side = bounds(c.qualifier)
            if side:
                sides[c.value] = sides.get(c.value, frozenset()) | side
        out.append(sides)
    return out


def _opposite_sides(a: dict[float, frozenset[str]], b: dict[float, frozenset[str]]) -> bool:
    """Whether two sentences give one value as a floor and as a ceiling: "killed more than 50
    people" is no support for "as many as 50 people were killed"."""
    return any(len(a[v] | b[v]) > 1 for v in a.keys() & b.keys())


def _stated(units: list[Unit], unit_claims: list[list[Claim]]) -> list[frozenset[float]]:
    """The numbers each unit gives: its digits (its dates' aside: days are compared on their
    own, ``disagree``), and the values of the claims inside it (which also read numbers written
    as words: "Twenty-two workers")."""
    out = []
    for unit, claims in zip(units, unit_claims, strict=True):
        values = {float(n) for n in counts(unit) if n.replace(".", "", 1).isdigit()}
        values |= {c.value for c in claims}
        out.append(frozenset(values))
    return out


def facts(story: StoryArticles, alignment: Alignment) -> list[Fact]:
    """Statements made by more than one article, best supported first (a story of one article
    has none: what it says is in its summary)."""
    out: list[tuple[int, float, Fact]] = []
    for group in alignment.groups:
        if len(group) < 2:
            continue
        if all(title_cased(alignment.units[k].text) for k in group):
            continue  # headlines, or a name two leads were cut off at: no statement
        fact = to_fact(story, alignment, group)
        if fact is None:
            continue
        out.append((len(group), _mean_position(alignment, group), fact))
    out.sort(key=lambda f: (-f[0], f[1]))
    return [f for _, _, f in out]


def to_fact(story: StoryArticles, alignment: Alignment, group: list[int]) -> Fact | None:
    """The statement a group makes, in the wording of a whole sentence where a member is one:
    not a headline, a lead cut off inside a name ("Ways and Means Committee Chairman Richard
    Neal (D-Mass.)") or one cut off mid-sentence beside another outlet's whole sentence; where
    every member is cut off so (leads an archive truncated), marked "…" as in the summary. None
    when every member is someone's words whose speaker the wording cannot be given (“I’m not
    going to waste my time with a virtual debate., told after "Trump said"): read alone, they
    would be nobody's; the remark is listed with its speaker among the quotes."""
    units = alignment.units
    whole = [k for k in group if finished(units[k].text) and not title_cased(units[k].text)]
    rep = units[alignment.representative(whole or group)]
    named = speaker_named(rep, story)
    text = without_label(named)
    if stops_mid_sentence(rep, story):
        text = f"{text}…"
    unattributed = alignment.unattributed
    if named == rep.text and unattributed and all(unattributed[k] for k in group):
        return None
    order = story.ids
    by_article = sorted(group, key=lambda k: order.index(units[k].article_id))
    variants = tuple(Cited(text=units[k].text, sources=(units[k].article_id,)) for k in by_article)
    return Fact(
        text=text,
        sources=source_order([units[k].article_id for k in group], order),
        variants=variants,
    )


def _mean_position(alignment: Alignment, group: list[int]) -> float:
    return float(np.mean([alignment.units[k].position for k in group]))
