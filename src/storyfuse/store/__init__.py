"""The story database (SQLite by default, PostgreSQL by URL): ``Store.open(url)``.

    store = Store.open("sqlite:///storyfuse.db")      # or "postgresql://user@host/db", or a path
    store.add_analyses(analyses, refresh=False)
                                   -> AddResult(added, updated, unchanged, stories changed,
                                       renamed, refreshed); an article read from another file
                                       under a stored id gets an id of its own, never replaces
                                       it; ``refresh``: an unchanged article an older storyfuse
                                       analysed takes the new analysis
    store.outdated(ids)            -> the ids among these analysed by an older storyfuse
                                       (model.ANALYSIS_VERSION is recorded with each article)
    store.identify(documents)      -> the documents under the ids the store keeps them under
    store.stories(limit, offset)   -> [StorySummary(id, title, articles, sources, first/last
                                       published, outlets)], most recent first
    store.story(id)                -> Story (article ids in date order, duplicates) or None
    store.story_of(article_id)     -> story id or None
    store.analyses(ids)            -> {id: Analysis} (current versions)
    store.brief(id)                -> Brief with one fused StoryBrief (for render.render)
    store.brief_dict(id)           -> render.to_dict of that Brief, cached until the story changes
    store.search(q, limit)         -> [SearchHit(kind article|quote|claim, article_id, story_id,
                                       text, title, who)]
    store.articles(story_id=, outlet=, limit=, offset=) -> [ArticleRow]
    store.versions(article_id)     -> [VersionRow]; store.outlets() -> [str]
    store.delete_article(id)       -> bool; store.consolidate() -> changed story ids
    store.repair_if_due()          -> changed story ids (after add_analyses(..., repair=False))
    store.revision()               -> int that changes with every write (a cache key)
"""

from __future__ import annotations

from storyfuse.store.db import (
    DEFAULT_URL,
    AddResult,
    ArticleRow,
    SearchHit,
    Store,
    StorySummary,
    VersionRow,
    normalise_url,
    open_store,
)

__all__ = [
    "DEFAULT_URL",
    "AddResult",
    "ArticleRow",
    "SearchHit",
    "Store",
    "StorySummary",
    "VersionRow",
    "normalise_url",
    "open_store",
]
