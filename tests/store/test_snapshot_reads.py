"""A read of several statements sees one moment of the database, even when a writer commits
between its statements (made to happen here: the writer runs right after the read's first
statement)."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from storyfuse.store import Store


def _write_after_first(reader: Store, needle: str, write: Callable[[], None]) -> list[bool]:
    """Run ``write`` once, right after the reader's first statement containing ``needle``."""
    fired: list[bool] = []

    def hook(conn, cursor, statement, parameters, context, executemany) -> None:
        if not fired and needle in statement:
            fired.append(True)
            write()

    sa.event.listen(reader.engine, "after_cursor_execute", hook)
    return fired


def _delete(url: str, *ids: str) -> Callable[[], None]:
    def write() -> None:
        with Store.open(url) as writer:
            for article_id in ids:
                assert writer.delete_article(article_id)

    return write


def test_story_list_pairs_each_story_with_its_own_outlets(db_url, flood, bank) -> None:
    with Store.open(db_url) as store:
        store.add_analyses([*flood, bank])
    with Store.open(db_url) as reader:
        fired = _write_after_first(reader, "FROM stories", _delete(db_url, "flood-1", "flood-2"))
        summaries = reader.stories()
        assert fired
        [flood_story] = [s for s in summaries if s.articles == 2]
        assert flood_story.outlets == ("Harwick Herald", "Valley News")
        assert [s.articles for s in reader.stories()] == [1]  # the next read sees the delete


def test_search_hits_keep_their_titles_and_stories(db_url, flood, bank) -> None:
    with Store.open(db_url) as store:
        store.add_analyses([*flood, bank])
    with Store.open(db_url) as reader:
        fired = _write_after_first(reader, "search_text", _delete(db_url, "flood-1", "flood-2"))
        hits = [h for h in reader.search("Harwick") if h.kind == "article"]
        assert fired and len(hits) == 2
        assert all(h.title and h.story_id for h in hits), hits


def test_brief_is_built_from_one_moment(db_url, flood) -> None:
    with Store.open(db_url) as store:
        store.add_analyses(flood)
        story_id = store.story_of("flood-1")
    with Store.open(db_url) as reader:
        fired = _write_after_first(reader, "story_articles", _delete(db_url, "flood-2"))
        brief = reader.brief(story_id)  # not a KeyError for the article deleted meanwhile
        assert fired
        assert sorted(a.id for a in brief.articles) == ["flood-1", "flood-2"]


def test_web_story_listing_is_read_in_one_moment(db_url, flood, bank) -> None:
    from storyfuse.web.catalog import StoryQuery
    from storyfuse.web.queries import StoreCatalog

    with Store.open(db_url) as store:
        store.add_analyses([*flood, bank])
    catalog = StoreCatalog.open(db_url)
    try:
        fired = _write_after_first(catalog.store, "FROM stories", _delete(db_url, "flood-1", "flood-2"))
        rows, total = catalog.stories(StoryQuery())
        assert fired and total == 2
        [flood_story] = [r for r in rows if r.articles == 2]
        assert flood_story.outlet_names == ["Harwick Herald", "Valley News"]
        assert catalog.stories(StoryQuery())[1] == 1  # the next read sees the delete
    finally:
        catalog.close()
