"""Timeline: the story's dated events, each with the articles that date it, in date order.

An event is a time mention (day, week or month precision) with its sentence. The same event in
several articles is one timeline item: same date value, and sentences or event phrases that mean
the same. Dates far outside the story's time are dropped: more than ``AFTER_DAYS`` after the
latest publication date (nothing reported can have happened months after it was published; such
items are page leftovers), or more than ``BEFORE_DAYS`` before the earliest (background, not the
story). Without publication dates the story's time is the median of its dates.
"""

from __future__ import annotations

import statistics
from datetime import date, timedelta

import numpy as np

from storyfuse.fuse.events import Dated, dated_events
from storyfuse.fuse.units import StoryArticles, source_order
from storyfuse.model import TimelineEvent

AFTER_DAYS = 60
BEFORE_DAYS = 730
# same event on the same date: sentence cosine, or the dated phrase's cosine, at least this
SAME_EVENT_SENTENCE = 0.6
SAME_EVENT_PHRASE = 0.75


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


def story_events(story: StoryArticles) -> list[Dated]:
    """The story's dated events inside its time range."""
    events = dated_events(story)
    bounds = story_range(story, events)
    return [e for e in events if in_range(e, bounds)]


def _same_event(story: StoryArticles, a: Dated, b: Dated) -> bool:
    if a.value != b.value:
        return False
    if a.unit == b.unit:
        return True
    sentences = story.vectors([a.unit.text, b.unit.text])
    if float(sentences[0] @ sentences[1]) >= SAME_EVENT_SENTENCE:
        return True
    phrases = story.vectors([a.phrase, b.phrase])
    return float(phrases[0] @ phrases[1]) >= SAME_EVENT_PHRASE


def merge_events(story: StoryArticles, events: list[Dated]) -> list[list[Dated]]:
    groups: list[list[Dated]] = []
    for event in events:
        for group in groups:
            if _same_event(story, group[0], event):
                group.append(event)
                break
        else:
            groups.append([event])
    return groups


def _representative(story: StoryArticles, group: list[Dated]) -> Dated:
    if len(group) == 1:
        return group[0]
    vectors = story.vectors([e.unit.text for e in group])
    mean = (vectors @ vectors.T).mean(axis=1)
    return group[int(np.argmax(mean))]


def timeline(story: StoryArticles) -> list[TimelineEvent]:
    order = story.ids
    out = []
    for group in merge_events(story, story_events(story)):
        rep = _representative(story, group)
        sources = source_order([e.article_id for e in group], order)
        out.append((rep.day, rep.precision != "day", -len(sources), rep, sources))
    out.sort(key=lambda e: (e[0], e[1], e[2], order.index(e[4][0])))
    return [TimelineEvent(date=rep.value, text=rep.unit.text, sources=src) for *_, rep, src in out]
