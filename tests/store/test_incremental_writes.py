"""The store writes only the stories an ingest changed; what it holds must still be exactly
the grouping's stories, through adds, copies, new versions, deletes and repairs."""

from __future__ import annotations

import datetime as dt
import random

import pytest
import sqlalchemy as sa
from tests.store.conftest import analysis

from storyfuse.store import db as store_module
from storyfuse.store import schema
from storyfuse.store.db import Store


def word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))


def event_reports(rng: random.Random, gap_days: int = 5) -> list:
    """Eight events of three reports each, ``gap_days`` apart, each event told in words of its
    own (each report picks and orders its sentences), and some reports copied word for word
    by a later outlet."""
    out = []
    for e in range(8):
        names = [word(rng).capitalize() for _ in range(3)]
        things = [word(rng) for _ in range(8)]
        sentences = [
            f"{names[i % 3]} said the {things[i]} near {names[(i + 1) % 3]} was {things[i - 1]}."
            for i in range(8)
        ]
        day = (dt.date(2024, 5, 1) + dt.timedelta(days=gap_days * e)).isoformat()
        for r in range(3):
            picked = rng.sample(sentences, 6)
            text = " ".join(picked)
            out.append(analysis(f"e{e}-r{r}", day, f"{names[0]} {things[r]}", text))
        if e % 3 == 0:
            copied = out[-3]
            out.append(analysis(f"e{e}-copy", day, copied.article.title, copied.article.text))
    rng.shuffle(out)
    return out


def stored(store: Store) -> dict[str, tuple[frozenset, dict]]:
    m, s = schema.story_articles, schema.stories
    out: dict[str, tuple[set, dict]] = {}
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(m.c.story_id, m.c.article_id, m.c.copy_of)).all()
        counts = dict(conn.execute(sa.select(s.c.id, s.c.articles)).all())
    for row in rows:
        members, copies = out.setdefault(row.story_id, (set(), {}))
        members.add(row.article_id)
        if row.copy_of is not None:
            copies[row.article_id] = row.copy_of
    assert counts == {sid: len(members) for sid, (members, _) in out.items()}
    return {sid: (frozenset(members), copies) for sid, (members, copies) in out.items()}


def expected(store: Store) -> dict[str, tuple[frozenset, dict]]:
    index = store._index
    assert index is not None
    return {st.id: (frozenset(st.article_ids), dict(st.duplicates)) for st in index.stories()}


@pytest.mark.parametrize("regroup_limit", [0, 10_000])
def test_stored_stories_are_the_grouping_after_every_write(
    db_url, monkeypatch: pytest.MonkeyPatch, regroup_limit: int
) -> None:
    monkeypatch.setattr(store_module, "CONSOLIDATE_SHARE", 0.3)  # repairs along the way
    monkeypatch.setattr(store_module, "REGROUP_LIMIT", regroup_limit)  # 0: in place
    rng = random.Random(3)
    reports = event_reports(rng)
    with Store.open(db_url) as store:
        for k in range(0, len(reports), 4):
            store.add_analyses(reports[k : k + 4])
            assert stored(store) == expected(store)
        assert len(stored(store)) >= 6
        assert any(copies for _, copies in stored(store).values())
        for article_id in ("e0-r0", "e3-r1", "e6-copy"):  # an original, a member, a copy
            assert store.delete_article(article_id)
            assert stored(store) == expected(store)
        changed = reports[5]
        text = changed.article.text.replace("stayed closed", "reopened")
        store.add_analyses(
            [analysis(changed.id, changed.article.published, "new", text, content_hash="v2")]
        )
        assert stored(store) == expected(store)
        store.consolidate()
        assert stored(store) == expected(store)


def test_a_store_keeping_recent_stories_stores_what_one_keeping_all_does(
    db_url, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With ``retain_days`` the index lets stories older than the horizon go; fed in date order,
    events far apart end as the same stored stories as with every story kept. A let-go
    article can still be deleted or get a new version (its story comes back whole), and a
    reopened store loads only the recent stories."""
    from storyfuse.group import GroupConfig

    monkeypatch.setattr(store_module, "CONSOLIDATE_SHARE", 0.3)
    # events further apart than the grouping's window, so that joining online cannot err
    reports = sorted(
        event_reports(random.Random(5), gap_days=12), key=lambda a: (a.article.published, a.id)
    )
    keep_all = f"sqlite:///{tmp_path / 'all.db'}"
    recent = GroupConfig(retain_days=13)
    with Store.open(keep_all) as full, Store.open(db_url, recent) as store:
        for k in range(0, len(reports), 4):
            full.add_analyses(reports[k : k + 4])
            store.add_analyses(reports[k : k + 4])
            held = store._index
            assert held is not None and len(held) < len(reports[: k + 4]) or k < 8
        assert stored(store) == stored(full)
        assert len(store._index) <= 8  # the last events' reports only
        for s in (full, store):
            assert s.delete_article("e0-r1")  # let go long ago
        assert stored(store) == stored(full)
        old = next(a for a in reports if a.id == "e1-r0")
        text = old.article.text + " Officials later corrected the figures."
        for s in (full, store):
            s.add_analyses(
                [analysis(old.id, old.article.published, "new", text, content_hash="v2")]
            )
        assert stored(store) == stored(full)
    with Store.open(db_url, recent) as store, store.engine.connect() as conn:
        assert len(store._load_index(conn)) <= 8


def test_a_store_keeping_recent_stories_repairs_as_often_as_one_keeping_all(
    db_url, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Repairs come when the new articles reach a share of every article seen, not of the few
    an index keeping recent days holds, which would repair after every window or two."""
    from storyfuse.group import GroupConfig

    monkeypatch.setattr(store_module, "CONSOLIDATE_SHARE", 0.3)
    reports = sorted(
        event_reports(random.Random(5), gap_days=12), key=lambda a: (a.article.published, a.id)
    )
    repairs: list[int] = []
    real = store_module.repaired

    def counted(index):
        repairs.append(index.seen)
        return real(index)

    monkeypatch.setattr(store_module, "repaired", counted)
    runs = {}
    for name, url, config in [
        ("all", f"sqlite:///{tmp_path / 'all.db'}", None),
        ("recent", db_url, GroupConfig(retain_days=13)),
    ]:
        repairs.clear()
        with Store.open(url, config) as store:
            for k in range(0, len(reports), 4):
                store.add_analyses(reports[k : k + 4])
            assert store._index is not None and store._index.seen == len(reports)
            held = len(store._index)
        runs[name] = (list(repairs), held)
    assert runs["recent"][1] < runs["all"][1]  # it did let articles go
    assert runs["recent"][0] == runs["all"][0]
    assert len(runs["all"][0]) >= 3


def test_an_article_deleted_and_added_again_has_one_set_of_rows(db_url) -> None:
    """A new article's rows are written without first deleting any (it has none): one deleted
    and stored again must hold the rows it held the first time, no more."""
    reports = event_reports(random.Random(5))
    again = reports[3]

    def counts(store: Store) -> list[int]:
        rows = schema.search_rows_of(store.dialect)
        tables = [(schema.articles, schema.articles.c.id), (rows, rows.c.article_id)]
        tables += [(t, t.c.article_id) for t in schema.CHILD_TABLES]
        with store.engine.connect() as conn:
            return [
                conn.execute(
                    sa.select(sa.func.count()).select_from(t).where(key == again.id)
                ).scalar_one()
                for t, key in tables
            ]

    with Store.open(db_url) as store:
        store.add_analyses(reports[:6])
        first = counts(store)
        assert first[0] == 1 and first[1] > 0
        assert store.delete_article(again.id)
        assert counts(store) == [0] * len(first)
        store.add_analyses([again])
        assert counts(store) == first
