"""Figures: numeric claims grouped by value, thing counted and claimant.

"nearly 12,000 troops, Ukraine's military intelligence (HUR) said" and "HUR estimated ... around
12,000" are one figure with two sources: the value and the thing counted match, and the two
claimants are the same party (see ``names.same_party``). Qualifiers (nearly, around) do not split
a figure; they are listed. Figures from different claimants, or dated more than
``DATE_WINDOW_DAYS`` apart, stay separate: they are different statements, and whether they
contradict each other is for ``conflicts`` to judge.

A claim nobody is named for joins the one attributed figure of the same value and thing, when
there is exactly one: the article repeats a figure someone else is on record for.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from storyfuse.fuse.names import Names, same_party
from storyfuse.fuse.units import StoryArticles, parse_day, source_order
from storyfuse.model import Cited, Claim, Figure

DATE_WINDOW_DAYS = 7


@dataclass(frozen=True)
class Sourced:
    """A claim with the article it comes from."""

    article_id: str
    claim: Claim


def story_claims(story: StoryArticles) -> list[Sourced]:
    return [Sourced(a.id, c) for a in story.analyses for c in a.claims]


def _dates_close(a: str | None, b: str | None) -> bool:
    da, db = parse_day(a), parse_day(b)
    if da is None or db is None:
        return True
    return abs((da - db).days) <= DATE_WINDOW_DAYS


def _same_figure(a: Sourced, b: Sourced, names: Names) -> bool:
    ca, cb = a.claim, b.claim
    return (
        ca.value == cb.value
        and ca.upper == cb.upper
        and ca.unit == cb.unit
        and same_party(ca.claimant, cb.claimant, names)
        and _dates_close(ca.date, cb.date)
    )


def group_claims(claims: list[Sourced], names: Names) -> list[list[Sourced]]:
    """Claims of one figure together (single-linkage: A~B and B~C put A, B, C in one figure)."""
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if find(i) != find(j) and _same_figure(claims[i], claims[j], names):
                parent[find(j)] = find(i)
    groups: dict[int, list[Sourced]] = {}
    for i, claim in enumerate(claims):
        groups.setdefault(find(i), []).append(claim)
    out = list(groups.values())
    return _attach_unattributed(out)


def _attach_unattributed(groups: list[list[Sourced]]) -> list[list[Sourced]]:
    def key(group: list[Sourced]) -> tuple:
        c = group[0].claim
        return (c.value, c.upper, c.unit)

    attributed: dict[tuple, list[list[Sourced]]] = {}
    for group in groups:
        if any(s.claim.claimant for s in group):
            attributed.setdefault(key(group), []).append(group)
    out = []
    for group in groups:
        if not any(s.claim.claimant for s in group):
            owners = attributed.get(key(group), [])
            if len(owners) == 1:
                owners[0].extend(group)
                continue
        out.append(group)
    return out


def _claimant(group: list[Sourced], names: Names) -> str | None:
    written = [names.canonical(s.claim.claimant) for s in group if s.claim.claimant]
    if not written:
        return None
    counts = Counter(w for w in written if w)
    return max(counts, key=lambda w: (counts[w], len(w)))


def to_figure(group: list[Sourced], names: Names, order: list[str]) -> Figure:
    first = group[0].claim
    qualifiers = list(dict.fromkeys(s.claim.qualifier for s in group if s.claim.qualifier))
    dates = Counter(s.claim.date for s in group if s.claim.date)
    texts: list[Cited] = []
    for text in dict.fromkeys(" ".join(s.claim.text.split()) for s in group):
        ids = [s.article_id for s in group if " ".join(s.claim.text.split()) == text]
        texts.append(Cited(text=text, sources=source_order(ids, order)))
    texts.sort(key=lambda c: order.index(c.sources[0]))
    return Figure(
        value=first.value,
        unit=first.unit,
        claimant=_claimant(group, names),
        sources=source_order([s.article_id for s in group], order),
        qualifier=" / ".join(qualifiers) if qualifiers else None,
        date=min(dates, key=lambda d: (-dates[d], d)) if dates else None,
        texts=tuple(texts),
        upper=first.upper,
    )


def figures(story: StoryArticles, names: Names) -> list[Figure]:
    """The story's figures, the best supported first, then by size."""
    groups = group_claims(story_claims(story), names)
    out = [to_figure(g, names, story.ids) for g in groups]
    out.sort(key=lambda f: (-len(f.sources), f.unit, -f.value))
    return out
