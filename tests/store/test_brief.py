from pathlib import Path

from storyfuse.render import render
from storyfuse.store import Store


def test_brief_is_fused_from_stored_analyses_and_cached(tmp_path: Path, flood, bank) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'briefs.db'}") as store:
        store.add_analyses([*flood, bank])
        story_id = store.story_of("flood-1")
        brief = store.brief(story_id)
        assert [s.id for s in brief.stories] == [story_id]
        assert [a.id for a in brief.articles] == ["flood-1", "flood-2"]
        assert "Harwick" in render(brief, "md")
        data = store.brief_dict(story_id)
        assert data["stories"][0]["id"] == story_id
        assert store.brief_dict(story_id) == data  # the cached copy


def test_listing_takes_the_brief_title_once_the_brief_is_made(tmp_path: Path, flood) -> None:
    from dataclasses import replace

    untitled = replace(flood[0], article=replace(flood[0].article, title=None))
    with Store.open(f"sqlite:///{tmp_path / 'titles.db'}") as store:
        store.add_analyses([untitled, flood[1]])
        story_id = store.story_of("flood-1")
        # the lead article has no title: the listing gives the next one's until the brief
        assert [s.title for s in store.stories()] == [flood[1].article.title]
        assert flood[1].article.title
        data = store.brief_dict(story_id)
        title = data["stories"][0]["title"]
        assert title == "Harwick counts the cost as Tamber River recedes"
        assert [s.title for s in store.stories()] == [title]


def test_a_brief_an_older_storyfuse_fused_is_fused_again(tmp_path: Path, flood, bank) -> None:
    """The cache serves a brief until its story changes, or until a storyfuse that fuses
    differently (``model.BRIEF_VERSION``) asks for it."""
    import sqlalchemy as sa

    from storyfuse import model
    from storyfuse.store import schema
    from storyfuse.web.queries import StoreCatalog

    with Store.open(f"sqlite:///{tmp_path / 'old.db'}") as store:
        store.add_analyses([*flood, bank])
        story_id = store.story_of("flood-1")
        catalog = StoreCatalog(store)
        assert catalog.warm() == 2  # both stories' briefs, fused and cached
        fresh = store.brief_dict(story_id)
        stories = schema.stories
        with store.engine.begin() as conn:  # as an older storyfuse left it
            conn.execute(
                stories.update()
                .where(stories.c.id == story_id)
                .values(brief={"articles": [], "stories": []}, brief_version=None)
            )
        assert catalog.warm() == 1  # the background pass finds the old brief
        with store.engine.connect() as conn:
            version = conn.execute(
                sa.select(stories.c.brief_version).where(stories.c.id == story_id)
            ).scalar_one()
        assert version == model.BRIEF_VERSION
        assert store.brief_dict(story_id) == fresh
        with store.engine.begin() as conn:
            conn.execute(
                stories.update()
                .where(stories.c.id == story_id)
                .values(brief={"articles": [], "stories": []}, brief_version=model.BRIEF_VERSION - 1)
            )
        assert store.brief_dict(story_id) == fresh  # asked for directly
