"""A story id is derived from the story's first article, so regrouping can give a story another
id (an earlier article joins it; two stories merge). A link to the old id still finds the story
that now holds the article it was named after."""

from __future__ import annotations

from tests.store.conftest import earlier_flood_report, migrate_to

from storyfuse.store import Store


def test_an_old_story_id_leads_to_the_story_holding_its_first_article(db_url, flood, bank):
    with Store.open(db_url) as store:
        store.add_analyses([*flood, bank])
        old = store.story_of("flood-1")
        assert old is not None and store.moved(old) is None  # a current id has not moved
        store.add_analyses([earlier_flood_report()])
        new = store.story_of("flood-1")
        assert new != old and store.story(old) is None
        assert store.story(new).article_ids == ("flood-0", "flood-1", "flood-2")
        assert store.moved(old) == new
        assert store.moved(store.story_of("bank-1")) is None
        assert store.moved("s000000000000") is None and store.moved("") is None
        # the article the old id was named after is deleted: nothing to follow
        store.delete_article("flood-1")
        assert store.moved(old) is None


def test_stories_stored_before_the_key_was_kept_are_followed_too(db_url, flood):
    with Store.open(db_url) as store:
        store.add_analyses(flood)
        old = store.story_of("flood-1")
        migrate_to(store, "0004")
    with Store.open(db_url) as store:
        store.add_analyses([earlier_flood_report()])
        assert store.moved(old) == store.story_of("flood-1") != old
