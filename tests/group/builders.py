"""Articles the grouping tests derive from the fixtures of ``conftest``."""

from __future__ import annotations

from dataclasses import replace

from storyfuse.model import Analysis


def syndicated_copy(original: Analysis, article_id: str, published: str) -> Analysis:
    """The same report run by another outlet a day later, with a word changed."""
    article = original.article
    return replace(
        original,
        article=replace(
            article,
            id=article_id,
            published=published,
            text=article.text.replace("on Sunday", "on Sunday, officials said"),
            outlet="Another Paper",
        ),
    )
