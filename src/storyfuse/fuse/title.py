"""The story's title: the headline closest to all the others and to what the articles state (the
most central one)."""

from __future__ import annotations

from storyfuse.fuse.facts import compared_units
from storyfuse.fuse.units import StoryArticles
from storyfuse.model import Cited


def _headlines(story: StoryArticles) -> list[str]:
    return [
        " ".join(a.article.title.split())
        for a in story.analyses
        if a.article.title and a.article.title.strip()
    ]


def title_texts(story: StoryArticles) -> list[str]:
    """The texts ``title`` compares: the headlines, and the compared statements when there are
    several headlines."""
    headlines = _headlines(story)
    return headlines + [u.text for u in compared_units(story)] if len(headlines) > 1 else []


def title(story: StoryArticles, summary: list[Cited]) -> str:
    headlines = _headlines(story)
    if not headlines:
        # the summary's lead, else the first thing an article says (too short to summarise):
        # the story's id only when no article says anything
        if summary:
            return summary[0].text
        return next((u.text for u in story.units), story.story.id)
    if len(headlines) == 1:
        return headlines[0]
    vectors = story.vectors(headlines)
    # the centre of what the articles state
    statements = compared_units(story)
    body = story.vectors([u.text for u in statements]) if statements else None
    score = (vectors @ vectors.T).mean(axis=1)
    if body is not None and len(body):
        centroid = body.mean(axis=0)
        score = score + vectors @ centroid
    best = max(range(len(headlines)), key=lambda k: (float(score[k]), -k))
    return headlines[best]
