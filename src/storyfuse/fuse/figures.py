"""Figures: numeric claims grouped by value, thing counted and claimant.

"nearly 12,000 troops, Ukraine's military intelligence (HUR) said" and "HUR estimated ... around
12,000" are one figure with two sources: the value and the thing counted match, and the two
claimants are the same party (see ``names.same_party``). Qualifiers (nearly, around) do not split
a figure; they are listed, unless one makes the value a floor and another a ceiling ("more than
50" / "as many as 50"). Figures from different claimants, or dated more than
``DATE_WINDOW_DAYS`` apart, stay separate: they are different statements, and whether they
contradict each other is for ``conflicts`` to judge.

Claims whose sentences ``facts`` aligned as one statement are one figure when their values match,
even if one outlet counts "soldiers" and another "troops", provided their claimants do not name
different parties: the same claimant written differently, or one of them unnamed ("local
reports", or none at all). A claim nobody is named for also joins the one attributed figure of
the same value and thing, when there is exactly one: the article repeats a figure someone else is
on record for. A share or a score ("44 percent", "a 5-point lead") is the exception: such values
are few, so two articles' are one figure only when their sentences were aligned as one statement
or both say what it is a share of in the same words ("the unemployment rate").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from storyfuse.extract.names import DESCRIBED_BODIES
from storyfuse.extract.numbers import is_share
from storyfuse.fuse.facts import Alignment
from storyfuse.fuse.names import (
    Names,
    acronyms,
    described_body,
    same_party,
    tidy,
)
from storyfuse.fuse.units import (
    StoryArticles,
    bounds,
    names_somebody,
    parse_day,
    source_order,
)
from storyfuse.model import Analysis, Cited, Claim, Figure

DATE_WINDOW_DAYS = 7


@dataclass(frozen=True)
class Sourced:
    """A claim with the article it comes from and the statement group of its sentence."""

    article_id: str
    claim: Claim
    statement: int | None = None  # index of its sentence's group in the alignment


def story_claims(story: StoryArticles, alignment: Alignment | None = None) -> list[Sourced]:
    group_of: dict[tuple[str, int], int] = {}
    if alignment is not None:
        for g, group in enumerate(alignment.groups):
            for k in group:
                unit = alignment.units[k]
                group_of[(unit.article_id, unit.start)] = g
    out = []
    for analysis in story.analyses:
        for claim in analysis.claims:
            if counts_its_speakers(claim, analysis):
                continue
            statement = None
            for sentence in analysis.sentences:
                if sentence.start <= claim.start < sentence.end:
                    statement = group_of.get((analysis.id, sentence.start))
                    break
            out.append(Sourced(analysis.id, claim, statement))
    return out


# What a count of sources counts ("two people familiar with the matter", "three officials"); not
# members, lawmakers or employees, whose number saying something is the story's ("12 senators
# said they would vote no").
SOURCE_COUNT_UNITS = frozenset({"person", "official", "source", "aide", "diplomat", "insider"})


def counts_its_speakers(claim: Claim, analysis: Analysis) -> bool:
    """Whether a claim counts the unnamed sources who tell what follows, inside their own
    phrase ("two people familiar with the matter said", "according to three officials"): how
    many sources an outlet spoke to is no figure of the story (the numbers they give are)."""
    if claim.unit not in SOURCE_COUNT_UNITS:
        return False
    text = analysis.article.text
    return any(
        q.speaker_start is not None
        and q.speaker_end is not None
        and q.speaker_start <= claim.start < q.speaker_end
        # the count of the phrase's own noun, not one in a clause after a comma ("Republicans,
        # who hold a 54-person majority in the Senate, said")
        and "," not in text[q.speaker_start : claim.start]
        for q in analysis.quotes
    )


def named(claimant: str) -> bool:
    """Whether a claimant names a party ("Dutch intelligence", "HUR"), not only a kind of source
    ("local reports", "officials")."""
    words = tidy(claimant).split()
    if not words:
        return False
    if acronyms(claimant) or len(words) == 1:
        return words[0][:1].isupper()
    return any(w[:1].isupper() for w in words[1:])


def _dates_close(a: str | None, b: str | None) -> bool:
    da, db = parse_day(a), parse_day(b)
    if da is None or db is None:
        return True
    return abs((da - db).days) <= DATE_WINDOW_DAYS


def _same_share(a: Claim, b: Claim) -> bool:
    """Two shares of one thing as written: "the unemployment rate ... 3.5%" in two articles."""
    return bool(a.thing and b.thing and a.thing.lower() == b.thing.lower())


def _same_figure(a: Sourced, b: Sourced, names: Names) -> bool:
    ca, cb = a.claim, b.claim
    if ca.value != cb.value or ca.upper != cb.upper or not _dates_close(ca.date, cb.date):
        return False
    if a.article_id == b.article_id and ca.text == cb.text and ca.start != cb.start:
        # one sentence giving a value twice gives it of two times or things: "dropped to 3.5%
        # in September ..., the lowest since December 1969, when it also logged in at 3.5%"
        return False
    if (
        ca.unit == cb.unit
        and same_party(ca.claimant, cb.claimant, names)
        and (a.article_id == b.article_id or not is_share(ca.unit) or _same_share(ca, cb))
    ):
        return True
    if a.statement is None or a.statement != b.statement or a.article_id == b.article_id:
        return False
    if ca.claimant is None or cb.claimant is None:
        return True
    return same_party(ca.claimant, cb.claimant, names) or not (
        named(ca.claimant) and named(cb.claimant)
    )


def group_claims(claims: list[Sourced], names: Names) -> list[list[Sourced]]:
    """Claims of one figure together (single-linkage: A~B and B~C put A, B, C in one figure).
    A value given as a floor and the same value given as a ceiling are two figures, however
    they are linked: "as many as 50 people were killed" and "killed more than 50 people" say
    different things."""
    parent = list(range(len(claims)))
    bounded = [bounds(c.claim.qualifier) for c in claims]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            root_i, root_j = find(i), find(j)
            if (
                root_i != root_j
                and len(bounded[root_i] | bounded[root_j]) < 2
                and _same_figure(claims[i], claims[j], names)
            ):
                parent[root_j] = root_i
                bounded[root_i] |= bounded[root_j]
    groups: dict[int, list[Sourced]] = {}
    for i, claim in enumerate(claims):
        groups.setdefault(find(i), []).append(claim)
    out = list(groups.values())
    return _attach_unattributed(out)


def _attach_unattributed(groups: list[list[Sourced]]) -> list[list[Sourced]]:
    """A figure no source credits to anyone joins the one credited figure of the same value
    (a share only when both say in the same words what it is a share of: two articles' "10
    percent" may be two things)."""

    def key(group: list[Sourced]) -> tuple:
        c = group[0].claim
        of = (c.thing or "").lower() if is_share(c.unit) else ""
        return (c.value, c.upper, c.unit, of)

    attributed: dict[tuple, list[list[Sourced]]] = {}
    for group in groups:
        if any(s.claim.claimant for s in group):
            attributed.setdefault(key(group), []).append(group)
    out = []
    for group in groups:
        first = group[0].claim
        if not any(s.claim.claimant for s in group) and (
            not is_share(first.unit) or first.thing
        ):
            owners = attributed.get(key(group), [])
            if len(owners) == 1:
                owners[0].extend(group)
                continue
        out.append(group)
    return out


def _claimant(group: list[Sourced], names: Names) -> str | None:
    """The party most of the group's articles name (named parties before kinds of source),
    shown in its fullest written form with the short form the story gives it."""
    written = [tidy(s.claim.claimant) for s in group if s.claim.claimant]
    if not written:
        return None
    if any(named(w) for w in written):
        written = [w for w in written if named(w)]
    counts = Counter(names.canonical(w) or w for w in written)
    best = max(counts, key=lambda w: (counts[w], len(w)))
    if best in names.people:
        return best  # a person by name: "Texas’s Republican Gov. Greg Abbott" is Greg Abbott
    forms = [w for w in written if (names.canonical(w) or w) == best]
    # a name of more than one word, then one that is more than a kind of body ("IMF", not "Fund")
    return names.display(
        max(forms, key=lambda w: (len(w.split()) > 1, w.lower() not in DESCRIBED_BODIES, len(w)))
    )


def to_figure(
    group: list[Sourced],
    names: Names,
    order: list[str],
    published: Mapping[str, date | None] | None = None,
) -> Figure:
    """One figure of a group of claims; ``published``: the articles' publication days, which
    tell a forecast ("10,000 troops by December" in an October report) from a count."""
    first = group[0].claim
    units = Counter(s.claim.unit for s in group)
    qualifiers = list(dict.fromkeys(s.claim.qualifier for s in group if s.claim.qualifier))
    dates = Counter(s.claim.date for s in group if s.claim.date)
    things = Counter(s.claim.thing for s in group if s.claim.thing)
    texts: list[Cited] = []
    for text in dict.fromkeys(" ".join(s.claim.text.split()) for s in group):
        ids = [s.article_id for s in group if " ".join(s.claim.text.split()) == text]
        texts.append(Cited(text=text, sources=source_order(ids, order)))
    texts.sort(key=lambda c: order.index(c.sources[0]))
    qualified = tuple(
        Cited(q, source_order([s.article_id for s in group if s.claim.qualifier == q], order))
        for q in qualifiers
    )
    date_of = min(dates, key=lambda d: (-dates[d], d)) if dates else None
    return Figure(
        value=first.value,
        unit=max(units, key=lambda u: (units[u], u == first.unit)),
        claimant=_claimant(group, names),
        sources=source_order([s.article_id for s in group], order),
        qualifier=" / ".join(qualifiers) if qualifiers else None,
        date=date_of,
        texts=tuple(texts),
        upper=first.upper,
        qualifiers=qualified,
        # the wording most sources use; of two as common, the fuller ("Varnish marines")
        thing=max(things, key=lambda t: (things[t], len(t))) if things else None,
        expected=date_of is not None and _after_publication(group, published or {}),
    )


def _after_publication(group: list[Sourced], published: Mapping[str, date | None]) -> bool:
    """Every dated claim of the group gives a date after its article's publication: what the
    figure counts is expected, not yet there."""
    dated = [s for s in group if s.claim.date]
    for s in dated:
        day, written = parse_day(s.claim.date), published.get(s.article_id)
        if day is None or written is None or day <= written:
            return False
    return bool(dated)


def _with_bodies_named(claims: list[Sourced], story: StoryArticles, names: Names) -> list[Sourced]:
    """Claimants as a reader can tell them apart: "the fund" is the fund the article named
    (``described_body``); "we" in an article's own voice ("we measured a write speed of 2,890
    megabytes per second") is its outlet, and a claimant that names nobody ("you", "some") is
    none."""
    analyses = {a.id: a for a in story.analyses}
    out = []
    for s in claims:
        claimant = s.claim.claimant
        analysis = analyses[s.article_id]
        if claimant and claimant.lower() in ("we", "us"):
            claimant = analysis.article.outlet
        elif claimant and not names_somebody(claimant):
            claimant = None
        else:
            claimant = described_body(claimant, analysis, s.claim.start, names, story) or claimant
        if claimant != s.claim.claimant:
            s = replace(s, claim=replace(s.claim, claimant=claimant))
        out.append(s)
    return out


def figures(story: StoryArticles, names: Names, alignment: Alignment | None = None) -> list[Figure]:
    """The story's figures, the best supported first, then by size, with their claimants as
    ``_with_bodies_named`` names them."""
    claims = _with_bodies_named(story_claims(story, alignment), story, names)
    groups = group_claims(claims, names)
    order = story.ids

    def first_seen(group: list[Sourced]) -> tuple[int, int]:
        return min((order.index(s.article_id), s.claim.start) for s in group)

    groups.sort(key=lambda g: (-len({s.article_id for s in g}), first_seen(g)))
    return [to_figure(g, names, order, story.published_days()) for g in groups]
