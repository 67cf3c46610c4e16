"""Canonical names for one story: the people, organisations and places, however written.

The story's mentions (entities, quote speakers, claimants) go into
``storyfuse.extract.names.NameIndex``, which decides that "Putin", "Vladimir Putin" and "the
Russian president" are one person. Fuse only asks it: every part that groups by a name (figures by
claimant, quotes by speaker, entities) goes through the same ``Names`` of the story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from storyfuse.fuse.units import StoryArticles
from storyfuse.model import Analysis

Mention = tuple[str, str | None, str]  # text, label or None, the sentence it occurs in

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)|,\s+or\s+([A-Z]{2,10})\b")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def tidy(name: str) -> str:
    """A name as displayed: one line, no leading article, no trailing punctuation."""
    name = " ".join(name.split()).strip(" ,.;:\"'“”‘’")
    return _LEADING.sub("", name)


@dataclass
class Names:
    """The story's name index, with the surface form kept when the index does not know a name."""

    index: Any | None = None

    def canonical(self, name: str | None) -> str | None:
        if not name or not name.strip():
            return None
        found = self.index.canonical(name) if self.index is not None else None
        return tidy(found) if found else tidy(name)

    def aliases(self, canonical: str) -> tuple[str, ...]:
        if self.index is None:
            return ()
        try:
            found = self.index.aliases(canonical)
        except KeyError:
            return ()
        return tuple(sorted({tidy(a) for a in found or () if tidy(a) != canonical}))


def acronyms(name: str) -> set[str]:
    """Short forms a name spells out for itself: "Intelligence Directorate (HUR)", "..., or GUR"."""
    out = set()
    for match in _ACRONYM.finditer(name):
        out.add((match[1] or match[2]).upper())
    stripped = tidy(name)
    if re.fullmatch(r"[A-Z]{2,10}", stripped):
        out.add(stripped)
    return out


def same_party(a: str | None, b: str | None, names: Names) -> bool:
    """Whether two written claimants name the same party.

    The name index decides first; what it leaves apart is joined only on evidence in the names
    themselves: a shared spelled-out short form ("(HUR)") or nearly the same words apart from
    word endings ("Ukrainian Defense Intelligence Directorate" / "Ukraine's Defense Intelligence
    Directorate").
    """
    if a is None or b is None:
        return a is None and b is None
    ca, cb = names.canonical(a), names.canonical(b)
    if ca == cb:
        return True
    if acronyms(a) & acronyms(b):
        return True
    long_a = _ACRONYM.sub("", tidy(a)).strip(" ,")
    long_b = _ACRONYM.sub("", tidy(b)).strip(" ,")
    if min(len(long_a.split()), len(long_b.split())) >= 3:
        return fuzz.token_sort_ratio(_stems(long_a), _stems(long_b)) >= 85
    return False


def _stems(name: str) -> str:
    # crude stems so that "Ukraine's" and "Ukrainian" compare equal in word order-free matching
    return " ".join(w.lower()[:5] for w in re.findall(r"[A-Za-z]+", name) if w.lower() != "s")


def mentions_of(story: StoryArticles) -> list[Mention]:
    """Every name the story's articles use, with its label and sentence."""
    out: list[Mention] = []
    for analysis in story.analyses:
        for entity in analysis.entities:
            out.append((entity.text, entity.label, _sentence_around(analysis, entity.start)))
        for quote in analysis.quotes:
            if quote.speaker:
                out.append((quote.speaker, "PERSON", _sentence_around(analysis, quote.start)))
        for claim in analysis.claims:
            if claim.claimant:
                out.append((claim.claimant, None, claim.text))
    return out


def build_names(story: StoryArticles) -> Names:
    """The story's name index (identity names when the index cannot be built)."""
    return Names(index=_build_index(mentions_of(story)))


def _build_index(mentions: Iterable[Mention]) -> Any | None:
    try:
        from storyfuse.extract.names import NameIndex
    except ImportError:
        return None
    return NameIndex.build(list(mentions))


def _sentence_around(analysis: Analysis, offset: int) -> str:
    for sentence in analysis.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.text
    return ""
