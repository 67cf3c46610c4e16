"""Entities: who and what the story names, by canonical name, with label, sources and aliases."""

from __future__ import annotations

import re
from collections import Counter

from storyfuse.extract.names import (
    COMPANY_WORDS,
    LEGAL_FORMS,
    ORG_HEADS,
    ROLE_WORDS,
    an_entourage,
    looks_personal,
)
from storyfuse.extract.nlp import place_names
from storyfuse.fuse.names import Names, tidy
from storyfuse.fuse.units import StoryArticles, source_order
from storyfuse.model import Analysis, StoryEntity


def _fuller_in_article(analysis: Analysis, names: Names) -> dict[str, str]:
    """A surname the story leaves as written because two people of the story share it
    ("Clinton" with Hillary and Bill Clinton) is, in an article that names one person of that
    surname in full, that person; the quote finder reads speakers so within their article too.
    A surname the story keeps apart from the one full name it has ("President Biden" beside
    "first lady Jill Biden") stays apart."""
    shared = Counter(person.split()[-1] for person in names.people)
    full: dict[str, set[str]] = {}
    for entity in analysis.entities:
        if entity.label != "PERSON":
            continue
        name = names.canonical(entity.text)
        if name and len(name.split()) >= 2:
            full.setdefault(name.split()[-1], set()).add(name)
    return {
        surname: next(iter(ns))
        for surname, ns in full.items()
        if len(ns) == 1 and shared[surname] > 1
    }


# The office a government post is named after, written before the post's title.
_PORTFOLIO_TITLE = re.compile(r"[^\S\n]+(?:Secretary|Minister)\b")


def entities(story: StoryArticles, names: Names) -> list[StoryEntity]:
    """Every named entity of the story once, the most widely mentioned first."""
    labels: dict[str, Counter] = {}
    # the labels of the mentions written as the canonical name itself
    as_named: dict[str, Counter] = {}
    written: dict[str, set[str]] = {}
    sources: dict[str, list[str]] = {}
    mentions: Counter = Counter()
    for analysis in story.analyses:
        fuller = _fuller_in_article(analysis, names)
        text = analysis.article.text
        for entity in analysis.entities:
            name = names.canonical(entity.text)
            if entity.label == "PERSON" and name in fuller:
                name = fuller[name]
            if not name or not any(ch.isalpha() for ch in name):
                continue
            if (entity.label != "PERSON" and name.lower() in ROLE_WORDS) or (
                entity.label == "ORG" and _PORTFOLIO_TITLE.match(text, entity.end)
            ):
                # a piece of a title the tagger took for a name: "Defense" Secretary, "Energy"
                # Minister, "Homeland Security" Secretary (the department itself is kept where
                # a sentence names it; a country is kept: "U.S. Secretary of State")
                continue
            if entity.label != "PERSON" and name.lower() in ORG_HEADS:
                continue  # an organisation's bare head word: "Agency director Ola Brenn"
            labels.setdefault(name, Counter())[entity.label] += 1
            if tidy(entity.text) == name:
                as_named.setdefault(name, Counter())[entity.label] += 1
            written.setdefault(name, set()).add(tidy(entity.text))
            sources.setdefault(name, []).append(analysis.id)
            mentions[name] += 1
    places = place_names()
    out = []
    for name, counts in labels.items():
        if all(w.islower() for w in written[name]):
            continue  # a common noun, never written as a name ("the national air force")
        # "North Korea" is a place even where "North Korean" (a nationality) is written more;
        # a tie there goes to the label of more mentions ("Politico" a person and an
        # organisation once each as written, "POLITICO" an organisation)
        named = as_named.get(name, Counter())
        label = max(counts, key=lambda label: (named[label], counts[label]))
        if label in ("PERSON", "PRODUCT", "WORK_OF_ART") and name.split()[-1].lower() in COMPANY_WORDS:
            label = "ORG"  # "Purdue Pharma" (PRODUCT, PERSON)
        if label != "ORG" and any(
            form.split()[-1].lower().replace(".", "") in LEGAL_FORMS for form in written[name]
        ):
            label = "ORG"  # "Jayark" (GPE), written "Jayark Corp." elsewhere in the story
        if label == "PERSON" and an_entourage(name):
            label = "ORG"  # "Team Obama": the people around Obama
        if (
            label not in ("PERSON", "NORP", "EVENT")
            and names.is_person(name)
            and (label not in ("GPE", "LOC") or (looks_personal(name) and name not in places))
        ):
            # a speaker the tagger took for an organisation: "Ruben Brekelmans said"; a group
            # named by party or nationality speaks as a group ("Georgia Republicans will decide");
            # a storm, or a place tagged so in most of its mentions, is no person ("southwestern
            # Louisiana", where one headline tagged "Wary Louisiana" a person), unless the name
            # reads as a person's and no gazetteer knows it ("Morgan Burnett", tagged GPE)
            label = "PERSON"
        aliases = (written[name] | set(names.aliases(name))) - {name}
        out.append(
            StoryEntity(
                # with every short form the story gives it, as the figures show it
                name=names.display(name),
                label=label,
                sources=source_order(sources[name], story.ids),
                aliases=tuple(sorted(aliases)),
            )
        )
    out.sort(key=lambda e: (-len(e.sources), -mentions[e.name], e.name))
    return out
