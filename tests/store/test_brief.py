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
