"""Timeline: the story's dated events, each with the articles that date it, in date order.

An event is a time mention (day, week or month precision) with its sentence; a sentence is
shown once, at its most precise date. The same event in
several articles is one timeline item: same date value, and sentences or event phrases that mean
the same, and no different numbers (``facts.disagree``: an article giving another count that
day is not cited for the item; the digits of the dates themselves are not counts). Events whose sentence is far from what the other articles of the story say are dropped
(``MIN_RELEVANCE``), and so are dates far outside the story's time: more than ``AFTER_DAYS`` after the
latest publication date (nothing reported can have happened months after it was published; such
items are page leftovers), or more than ``BEFORE_DAYS`` before the earliest (background, not the
story). Without publication dates the story's time is the median of its dates.

An item is *expected* when every article that gives it dates it after its own publication ("to
be deployed on Oct. 27-28" in an Oct. 25 report), or, undated, with a planned verb ("will meet
on June 3"): a forecast, shown as such, not an event reported as done (``events.Dated``).
"""

from __future__ import annotations

import re
import statistics
from datetime import date, timedelta
from typing import Any

import numpy as np

from storyfuse.fuse.events import Dated, dated_events, event_phrase, parse_sentence
from storyfuse.fuse.facts import compared_units
from storyfuse.fuse.names import speaker_named
from storyfuse.fuse.units import (
    StoryArticles,
    Unit,
    cosines,
    counts,
    is_statement,
    leans_on_context,
    source_order,
    without_label,
)
from storyfuse.model import TimelineEvent

AFTER_DAYS = 60
BEFORE_DAYS = 730
# same event on the same date: sentence cosine, or the dated phrase's cosine, at least this
SAME_EVENT_SENTENCE = 0.6
SAME_EVENT_PHRASE = 0.75
# an event sentence this far from what the other articles say is not part of the story (a page
# leftover: a news ticker, a related-stories teaser); MiniLM puts sentences of one news story at
# 0.4-0.8 to its centre and unrelated news below 0.3
MIN_RELEVANCE = 0.3


def story_range(story: StoryArticles, events: list[Dated]) -> tuple[date, date] | None:
    published = story.published()
    if published:
        return min(published), max(published)
    days = [e.day for e in events if e.precision == "day"]
    if not days:
        return None
    middle = date.fromordinal(int(statistics.median(d.toordinal() for d in days)))
    return middle, middle


def in_range(event: Dated, bounds: tuple[date, date] | None) -> bool:
    if bounds is None:
        return True
    first, last = bounds
    return first - timedelta(days=BEFORE_DAYS) <= event.day <= last + timedelta(days=AFTER_DAYS)


# a sentence whose subject is a person's pronoun ("He said the attack started on October 12")
# goes on from the sentence before it
_PERSON_PRONOUN = re.compile(r"^(?:[^,]{0,40},\s*)?(?:he|she|they)\b", re.IGNORECASE)


def _with_context(story: StoryArticles, unit: Unit) -> str | None:
    """The sentence with the one before it in its article, when it goes on from that one."""
    if unit.index == 0 or not _PERSON_PRONOUN.match(unit.text.strip("\"“‘' ")):
        return None
    place = story.once(
        "units by place", lambda: {(u.article_id, u.index): u for u in story.units}
    )
    before = place.get((unit.article_id, unit.index - 1))
    return f"{before.text} {unit.text}" if before is not None else None


def relevance(story: StoryArticles, events: list[Dated]) -> list[float]:
    """Each event sentence's cosine to the centre of the other articles' statements; a sentence
    that goes on from the one before it ("He said ...") is also judged together with that one,
    since on its own it says too little to be placed."""
    units = compared_units(story)
    contexts = [_with_context(story, e.unit) for e in events]
    vectors = story.vectors(
        [u.text for u in units] + [e.unit.text for e in events] + [c for c in contexts if c]
    )
    body, own = vectors[: len(units)], vectors[len(units) : len(units) + len(events)]
    extra = iter(vectors[len(units) + len(events) :])
    out = []
    for event, row, context in zip(events, own, contexts, strict=True):
        rows = [row] + ([next(extra)] if context else [])
        others = [k for k, u in enumerate(units) if u.article_id != event.article_id]
        if not others:
            out.append(1.0)
            continue
        centre = body[others].mean(axis=0)
        norm = np.linalg.norm(centre) or 1.0
        out.append(max(float(r @ centre / norm) for r in rows))
    return out


def _candidate_events(story: StoryArticles) -> list[Dated]:
    """Dated statements inside the story's time range (before the relevance test)."""

    def compute() -> list[Dated]:
        events = [e for e in dated_events(story) if is_statement(e.unit.text)]
        bounds = story_range(story, events)
        return [e for e in events if in_range(e, bounds)]

    return story.once("candidate events", compute)


def story_events(story: StoryArticles) -> list[Dated]:
    """The story's dated events: statements, inside its time range, about the story (computed
    once per story; the timeline and the date conflicts both read them)."""

    def compute() -> list[Dated]:
        events = _candidate_events(story)
        if len(story.analyses) < 2:
            return list(events)
        scores = relevance(story, events)
        return [e for e, score in zip(events, scores, strict=True) if score >= MIN_RELEVANCE]

    return list(story.once("events", compute))


def candidate_events(story: StoryArticles) -> list[Dated]:
    """What ``story_events`` keeps can only be among these (the relevance test needs vectors)."""
    return list(_candidate_events(story))


def event_texts(story: StoryArticles) -> list[str]:
    """The texts the timeline compares: each dated sentence, and the event phrase of those that
    share their date with another sentence."""
    events = _candidate_events(story)
    contexts = [_with_context(story, e.unit) for e in events] if len(story.analyses) > 1 else []
    return (
        [e.unit.text for e in events]
        + [e.phrase for e in _sharing_a_date(events)]
        + [c for c in contexts if c]
    )


def _sharing_a_date(events: list[Dated]) -> list[Dated]:
    """The events whose date another sentence gives too: only they can be one event (merge)."""
    sentences: dict[str, set[Unit]] = {}
    for e in events:
        sentences.setdefault(e.value, set()).add(e.unit)
    return [e for e in events if len(sentences[e.value]) > 1]


def _same_event(story: StoryArticles, a: Dated, b: Dated) -> bool:
    if a.value != b.value:
        return False
    if a.unit == b.unit:
        return True
    if counts_differ(a.unit, b.unit):
        # "pulled 40 people out on June 3" is no source for "pulled 55 people out on June 3"
        return False
    sentences = story.vectors([a.unit.text, b.unit.text])
    if float(sentences[0] @ sentences[1]) >= SAME_EVENT_SENTENCE:
        return True
    phrases = story.vectors([a.phrase, b.phrase])
    return float(phrases[0] @ phrases[1]) >= SAME_EVENT_PHRASE


def counts_differ(a: Unit, b: Unit) -> bool:
    """Both sentences give numbers, and none in common."""
    ca, cb = counts(a), counts(b)
    return bool(ca and cb and not ca & cb)


def merge_events(story: StoryArticles, events: list[Dated]) -> list[list[Dated]]:
    # one batch; phrases are compared only for events of one date
    story.vectors([e.unit.text for e in events] + [e.phrase for e in _sharing_a_date(events)])
    groups: list[list[Dated]] = []
    for event in events:
        for group in groups:
            if _same_event(story, group[0], event) and not any(
                counts_differ(member.unit, event.unit) for member in group if member.unit != event.unit
            ):
                group.append(event)
                break
        else:
            groups.append([event])
    return groups


def _representative(story: StoryArticles, group: list[Dated]) -> Dated:
    if len(group) == 1:
        return group[0]
    # the sentence that dates nothing else reads best on a timeline, then one that names its
    # actor ("On Friday, he told..." needs the sentence before it), then the most central one
    mean = cosines(story.vectors([e.unit.text for e in group])).mean(axis=1)
    best = min(
        range(len(group)),
        key=lambda k: (len(group[k].unit.times), leans_on_context(group[k].unit.text), -float(mean[k]), k),
    )
    return group[best]



_RANK = {"day": 0, "week": 1, "month": 2}


def one_per_sentence(events: list[Dated]) -> list[Dated]:
    """Each sentence once: a sentence shown twice on a timeline ("on Wednesday ... from early
    to mid-October") reads as two events. It goes at the date of what it reports, a date that
    belongs to a verb ("claimed in mid-October"), before one that describes a thing it names
    ("the June 18 defense pact"); among those, at its most precise date."""
    best: dict[Unit, Dated] = {}

    def rank(event: Dated) -> tuple[bool, int]:
        return not event.verbal, _RANK[event.precision]

    for event in events:
        kept = best.get(event.unit)
        if kept is None or rank(event) < rank(kept):
            best[event.unit] = event
    return [e for e in events if best[e.unit] is e]


def _date_tokens(event: Dated) -> Any:
    """The tokens of the event's date in its sentence's parse, or None."""
    unit = event.unit
    mention = next(
        (m for m in unit.times if m.value == event.value and m.text == event.mention), None
    )
    if mention is None:
        return None
    span = parse_sentence(unit.text).char_span(
        mention.start - unit.start, mention.end - unit.start, alignment_mode="expand"
    )
    return span if span is not None and len(span) > 0 else None


def _own_day_unknown(event: Dated) -> bool:
    """Whether the verb over the thing the event's date describes has a day of its own that
    could not be resolved ("signed a treaty on Saturday, ending the long dispute over the March
    3, 2029 floods" in an undated article). A date inside what a verb reports ("reported Monday
    that ... at a wedding in Sept. 2019") is the report's content's own, unless a clause that
    describes a thing holds it ("confirmed Monday that Alles, whom Trump appointed in April
    2017, would be leaving": the appointment's date describes Alles, not the leaving)."""
    unit = event.unit
    unknown = (m for m in unit.times if m.value is None)
    phrases = (event_phrase(unit.text, m.start - unit.start, m.end - unit.start) for m in unknown)
    verbs = {words.verb for words in phrases if words.verb is not None}
    span = _date_tokens(event) if verbs else None
    if span is None:
        return False
    node = span.root
    if event.verbal:
        # a date of a verb counts only in a clause that describes a thing ("the accord,
        # which she signed on March 3")
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        if node.dep_ not in ("relcl", "acl"):
            return False
    described = False
    while node.head.i != node.i:
        described = described or node.dep_ in ("relcl", "acl")
        if node.dep_ in ("ccomp", "parataxis") and not described:
            return False
        node = node.head
        if node.i in verbs:
            return True
    return False


# the prepositions that place a sentence's event against a dated thing, not at its date:
# "after Tuesday's vote", "ahead of the March 1 contests", "in anticipation of the June 7
# primary", "compared with the October debate"
_RELATIVE_PREPOSITIONS = {"before", "after", "until", "till", "since", "into", "about", "despite"}
_RELATIVE_OF = {"ahead", "anticipation", "eve"}
_RELATIVE_VERBS = {"following", "preceding", "compared"}


def _placed_against(event: Dated) -> bool:
    """Whether the date only names a thing the sentence's event is placed against: a date
    before its noun ("Tuesday's primary", "the March 1 contests") whose noun follows "before",
    "after", "ahead of", "until", "heading into", "following", "compared with", ... ("Rubio
    sharpened his attacks ahead of the March 1 contests" did not happen on March 1)."""
    span = None if event.verbal else _date_tokens(event)
    if span is None:
        return False
    noun = span.root.head
    if (
        span.root.dep_ not in ("poss", "nmod", "compound", "amod")
        or noun.pos_ not in ("NOUN", "PROPN")
        or noun.i < span.root.i
    ):
        return False
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "last week's primary and Saturday's caucuses"
    word, over = noun.head.lower_, noun.head.head.lower_
    if noun.dep_ == "dobj":
        return word in _RELATIVE_VERBS  # "following the Sept. 11, 2001, attacks"
    if noun.dep_ != "pobj":
        return False
    return (
        word in _RELATIVE_PREPOSITIONS
        or (word == "of" and over in _RELATIVE_OF)
        or (word in ("with", "to") and over in _RELATIVE_VERBS)
    )


def timeline(story: StoryArticles) -> list[TimelineEvent]:
    order = story.ids
    out = []
    # A sentence dated only through a thing it names, whose verb has a day of its own that is
    # unknown, is not placed: "The United States signed a treaty on Saturday, ... the war that
    # began after the Sept. 11, 2001 attacks" did not happen on 2001-09-11.
    # Nor is one dated only by a thing its event is placed against ("after Tuesday's vote").
    events = [e for e in story_events(story) if not _placed_against(e)]
    events = [e for e in one_per_sentence(events) if not _own_day_unknown(e)]
    for group in merge_events(story, events):
        rep = _representative(story, group)
        sources = source_order([e.article_id for e in group], order)
        # expected when no article reports it as done
        expected = all(e.expected for e in group)
        out.append((rep.day, rep.precision != "day", -len(sources), rep, sources, expected))
    out.sort(key=lambda e: (e[0], e[1], e[2], order.index(e[4][0])))
    return [
        TimelineEvent(
            date=rep.value,
            text=without_label(speaker_named(rep.unit, story)),
            sources=src,
            expected=expected,
            end=rep.end,
        )
        for *_, rep, src, expected in out
    ]
