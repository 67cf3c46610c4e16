"""Opening a store again: what an interrupted ingest needs to resume, and migrations that are
safe to run from several threads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from tests.store.conftest import migrate_to

from storyfuse.store import Store


def test_known_hashes_gives_the_current_hash_of_stored_articles(db_url, flood) -> None:
    with Store.open(db_url) as store:
        assert store.known_hashes(["flood-1"]) == {}
        store.add_analyses(flood)
        assert store.known_hashes(["flood-1", "flood-2", "nope"]) == {
            "flood-1": "hash-flood-1",
            "flood-2": "hash-flood-2",
        }


def test_a_reopened_store_can_consolidate(db_url, flood, bank) -> None:
    with Store.open(db_url) as store:
        store.add_analyses([*flood, bank])
    with Store.open(db_url) as store:
        store.consolidate()
        assert sorted(sorted(store.story(s.id).article_ids) for s in store.stories()) == [
            ["bank-1"],
            ["flood-1", "flood-2"],
        ]


def test_a_reopened_store_weighs_words_as_the_store_that_wrote_it(db_url, flood, bank) -> None:
    """The story index rebuilt from the database weighs every article's words by the document
    frequencies of the whole store, as the consolidated index that wrote it did; it had weighed
    each by the articles restored before it, so the first one's rarest word counted no more
    than its commonest and new articles were scored against other stories than before."""
    with Store.open(db_url) as store:
        store.add_analyses([*flood, bank])
        store.consolidate()
        with store.engine.connect() as conn:
            written = store._load_index(conn)
        before = {a: dict(written._lex[a]) for a in ("flood-1", "flood-2", "bank-1")}
    with Store.open(db_url) as store:
        with store.engine.connect() as conn:
            reopened = store._load_index(conn)
        for article_id, weights in before.items():
            assert dict(reopened._lex[article_id]) == pytest.approx(weights), article_id


def test_stores_can_be_opened_from_several_threads_at_once(tmp_path: Path) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def open_one(n: int) -> None:
        try:
            start.wait()
            with Store.open(f"sqlite:///{tmp_path / f'{n % 3}.db'}") as store:
                assert store.stories() == []
        except BaseException as exc:  # noqa: BLE001 - collected and reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_one, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors


def test_opening_turns_json_null_briefs_into_sql_null(db_url, flood, bank) -> None:
    """A database written when a brief not computed yet was stored as JSON null is upgraded so
    that "brief IS NULL" finds those stories again."""
    import sqlalchemy as sa

    from storyfuse.store import schema

    stories = schema.stories
    with Store.open(db_url) as store:
        store.add_analyses([*flood, bank])
        migrate_to(store, "0001")
        json_null = "'null'::json" if store.dialect == "postgresql" else "'null'"
        with store.engine.begin() as conn:
            conn.execute(sa.text(f"UPDATE stories SET brief = {json_null}"))
            assert (
                conn.execute(
                    sa.select(sa.func.count()).where(stories.c.brief.is_(None))
                ).scalar_one()
                == 0
            )
    with Store.open(db_url) as store, store.engine.connect() as conn:
        assert (
            conn.execute(sa.select(sa.func.count()).where(stories.c.brief.is_(None))).scalar_one()
            == 2
        )


def test_search_rows_survive_the_move_to_an_indexed_table(db_url, flood, bank) -> None:
    """A database from before revision 0007 (SQLite: the search rows inside the FTS5 table)
    is upgraded with its rows: search finds them, and a deleted article's rows go, found
    through the index on ``article_id`` rather than by reading every row."""
    import sqlalchemy as sa

    with Store.open(db_url) as store:
        store.add_analyses([*flood, bank])
        before = sorted((h.article_id, h.kind) for h in store.search("Tamber"))
        assert before
        migrate_to(store, "0006")
        if store.dialect == "sqlite":
            with store.engine.connect() as conn:
                tables = {r[0] for r in conn.execute(sa.text("SELECT name FROM sqlite_master"))}
            assert "search_rows" not in tables
    with Store.open(db_url) as store:
        assert sorted((h.article_id, h.kind) for h in store.search("Tamber")) == before
        gone = before[0][0]
        assert store.delete_article(gone)
        hits = store.search("Tamber")
        assert hits and gone not in {h.article_id for h in hits}
        if store.dialect == "sqlite":
            with store.engine.connect() as conn:
                plan = " ".join(
                    str(r[-1])
                    for r in conn.execute(
                        sa.text(
                            "EXPLAIN QUERY PLAN DELETE FROM search_rows WHERE article_id = 'x'"
                        )
                    )
                )
                fts = conn.execute(sa.text("SELECT count(*) FROM search_text")).scalar_one()
                rows = conn.execute(sa.text("SELECT count(*) FROM search_rows")).scalar_one()
            assert "search_rows_article" in plan
            assert fts == rows > 0


def test_a_store_from_before_cjk_terms_finds_words_inside_cjk_text(db_url, flood) -> None:
    """Rows stored before revision 0008 get their bigrams when the store is opened."""
    import sqlalchemy as sa
    from tests.store.test_store import korean_and_chinese

    with Store.open(db_url) as store:
        store.add_analyses([*flood, *korean_and_chinese()])
        migrate_to(store, "0007")
        assert store.search("receded")  # searching works at 0007, without the bigrams
    with Store.open(db_url) as store:
        assert {h.article_id for h in store.search("류화영")} == {"ko-1"}
        assert {h.article_id for h in store.search("俄罗斯")} == {"zh-1"}
        assert {h.article_id for h in store.search("receded")} == {"flood-2"}
        table = "search_rows" if store.dialect == "sqlite" else "search_text"
        with store.engine.connect() as conn:
            with_terms = conn.execute(
                sa.text(f"SELECT count(*) FROM {table} WHERE terms IS NOT NULL")
            ).scalar_one()
        assert with_terms >= 2  # the two CJK articles' rows, and no others
        assert store.delete_article("ko-1")
        assert store.search("류화영") == []
        if store.dialect == "sqlite":
            with store.engine.connect() as conn:
                fts = conn.execute(sa.text("SELECT count(*) FROM search_text")).scalar_one()
                rows = conn.execute(sa.text("SELECT count(*) FROM search_rows")).scalar_one()
            assert fts == rows > 0


def test_a_store_from_before_named_rows_finds_quotes_by_their_speaker(db_url) -> None:
    """Rows stored before revision 0009 get their speaker, claimant or outlet and authors when
    the store is opened; going back to 0008 leaves the rows searchable by their text."""
    import sqlalchemy as sa
    from tests.store.test_store import said_by_name

    with Store.open(db_url) as store:
        store.add_analyses(said_by_name())
        migrate_to(store, "0008")
        assert store.search("Okafor") == []
        assert store.search("建国") == []
        assert {h.article_id for h in store.search("levees")} == {"flood-2"}
    with Store.open(db_url) as store:
        hits = {(h.kind, h.article_id) for h in store.search("Stroud")}
        assert ("quote", "flood-1") in hits
        assert {(h.kind, h.article_id) for h in store.search("sheriff")} == {("claim", "flood-2")}
        assert {(h.kind, h.article_id) for h in store.search("Okafor")} == {("article", "flood-1")}
        assert {(h.kind, h.article_id) for h in store.search("建国")} == {("quote", "flood-2")}
        assert store.delete_article("flood-1")
        assert store.search("Okafor") == []
        if store.dialect == "sqlite":
            with store.engine.connect() as conn:
                fts = conn.execute(sa.text("SELECT count(*) FROM search_text")).scalar_one()
                rows = conn.execute(sa.text("SELECT count(*) FROM search_rows")).scalar_one()
            assert fts == rows > 0
