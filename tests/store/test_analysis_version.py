"""Which analysis version made each stored article: older analyses are found, and refreshed
only when asked (``refresh``), since an unchanged file is otherwise never analysed again."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.store.conftest import migrate_to

from storyfuse import model
from storyfuse.store import Store


def _older(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "ANALYSIS_VERSION", model.ANALYSIS_VERSION - 1)


def test_an_older_analysis_is_refreshed_only_when_asked(db_url, flood, monkeypatch) -> None:
    with Store.open(db_url) as store:
        _older(monkeypatch)
        store.add_analyses(flood)
        monkeypatch.undo()
        assert store.outdated(["flood-1", "flood-2", "nope"]) == ["flood-1", "flood-2"]
        # the same files analysed by this version: a better date, the same content hash
        newer = replace(flood[0], article=replace(flood[0].article, published="2024-03-03"))
        revision = store.revision()
        result = store.add_analyses([newer])
        assert result.unchanged == ("flood-1",) and result.refreshed == ()
        assert store.analyses(["flood-1"])["flood-1"] == flood[0]
        assert store.revision() == revision
        result = store.add_analyses([newer, flood[1]], refresh=True)
        assert result.refreshed == ("flood-1", "flood-2") and result.updated == ()
        assert store.analyses(["flood-1"])["flood-1"] == newer
        assert store.outdated(["flood-1", "flood-2"]) == []
        # a refresh is no new version of the file: the version keeps its number, analysed anew
        assert [(v.version, v.content_hash) for v in store.versions("flood-1")] == [
            (1, "hash-flood-1")
        ]
        story = store.story_of("flood-1")
        assert story is not None and store.story(story).article_ids == ("flood-1", "flood-2")
        assert store.brief(story).articles[0].article.published == "2024-03-03"
        # an analysis of the current version is not written again
        revision = store.revision()
        assert store.add_analyses([newer], refresh=True).unchanged == ("flood-1",)
        assert store.revision() == revision


def test_a_database_of_the_schema_before_versions_keeps_its_data(db_url, flood, bank) -> None:
    """Migrating a database made by the schema before analysis versions were recorded keeps
    its articles, stories and briefs; its articles count as analysed by an older storyfuse."""
    with Store.open(db_url) as store:
        store.add_analyses([*flood, bank])
        story = store.story_of("flood-1")
        assert story is not None
        brief = store.brief_dict(story)
        before = (store.articles(), store.stories(), store.versions("flood-1"))
        migrate_to(store, "0003")
    with Store.open(db_url) as store:
        assert (store.articles(), store.stories(), store.versions("flood-1")) == before
        assert store.brief_dict(story) == brief
        assert store.analyses(["flood-1"])["flood-1"] == flood[0]
        assert {h.article_id for h in store.search("Ostland")} == {"bank-1"}
        assert store.outdated(["bank-1", "flood-1", "flood-2"]) == ["bank-1", "flood-1", "flood-2"]
        assert store.add_analyses(flood, refresh=True).refreshed == ("flood-1", "flood-2")
        assert store.outdated(["bank-1", "flood-1", "flood-2"]) == ["bank-1"]
