"""The store under repetition, concurrency and hostile strings (SQLite in WAL mode; the
concurrency test on PostgreSQL too).

- Idempotence: ingesting the same files twice changes nothing, byte for byte; a changed file
  becomes a new version of its article and the old version is kept.
- Concurrency: readers (the Store read API, the web app's JSON API, raw read transactions)
  run while a writer adds, updates and deletes articles; no reader sees an error or a torn
  story (a story whose rows disagree within one read transaction).
- SQL only through bound parameters: injection strings as search queries, ids, outlets and
  article ids leave every table intact.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from tests.robustness.corpus import write_corpus
from tests.robustness.dbcheck import snapshot
from tests.robustness.fuzzkit import fuzzed

from storyfuse import ingest, pipeline
from storyfuse.model import Analysis
from storyfuse.store import Store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[Analysis]]:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, per_topic=4)
    analyses, problems = pipeline.analyze_documents(ingest.read([str(folder)]))
    assert not problems and len(analyses) == 16
    return folder, analyses


def _dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, for byte-level comparisons."""
    with sqlite3.connect(db) as conn:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY 1")
        ]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}


def _ingest(store: Store, folder: Path):
    analyses, problems = pipeline.analyze_documents(ingest.read([str(folder)]))
    assert not problems
    return store.add_analyses(analyses)


# --- idempotence -----------------------------------------------------------------------------


def test_same_files_twice_change_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_corpus(folder, per_topic=2)
    db = tmp_path / "store.db"
    with Store.open(f"sqlite:///{db}") as store:
        first = _ingest(store, folder)
        assert len(first.added) == 8
        revision = store.revision()
    before = _dump(db)
    with Store.open(f"sqlite:///{db}") as store:  # a second run, as a new process would
        again = _ingest(store, folder)
        assert again.added == () and again.updated == ()
        assert sorted(again.unchanged) == sorted(first.added)
        assert store.revision() == revision
    assert _dump(db) == before
    fuzzed("store: idempotent re-ingests")


def test_changed_file_is_a_new_version_and_the_old_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    paths = write_corpus(folder, per_topic=2)
    db = tmp_path / "store.db"
    with Store.open(f"sqlite:///{db}") as store:
        _ingest(store, folder)
        changed = paths[0]
        article_id = changed.stem
        old = store.versions(article_id)
        assert len(old) == 1
        changed.write_text(
            changed.read_text(encoding="utf-8") + "\nThe council will review the work in May.\n",
            encoding="utf-8",
        )
        result = _ingest(store, folder)
        assert result.updated == (article_id,) and result.added == ()
        assert len(result.unchanged) == 7
        versions = store.versions(article_id)
        assert [v.version for v in versions] == [1, 2]
        assert versions[0].content_hash == old[0].content_hash  # the old version is kept
        assert versions[1].content_hash != old[0].content_hash
        assert "review the work in May" in store.analyses([article_id])[article_id].article.text
        assert store.story_of(article_id) is not None
    snap = snapshot(db)
    assert snap.integrity == "ok" and not snap.problems, snap.problems
    assert len(snap.versions) == 9  # 8 articles, one of them twice
    fuzzed("store: idempotent re-ingests")


# --- concurrency -----------------------------------------------------------------------------


def test_readers_while_a_writer_ingests(db_url: str, corpus) -> None:
    """On SQLite (WAL) and on PostgreSQL: raw read transactions, the Store read API and the
    web app's JSON API (stories, briefs, search) while a writer adds, re-versions and deletes."""
    from fastapi.testclient import TestClient

    from storyfuse.web.app import create_app
    from storyfuse.web.queries import StoreCatalog

    _, analyses = corpus
    url = db = db_url
    kind = "PostgreSQL" if db_url.startswith("postgres") else "SQLite"
    # Opened here, one after the other: Store.open runs Alembic, whose module-level state is
    # not thread-safe (two threads opening at once can fail with KeyError: 'script').
    writer_store, reader_store = Store.open(url), Store.open(url)
    catalog = StoreCatalog(Store.open(url))
    errors: list[str] = []
    reads = {"snapshots": 0, "api": 0, "web": 0}
    done = threading.Event()

    def writer() -> None:
        # Start once every reader has read the empty store, and pause between commits, so
        # that reads really interleave with writes.
        started = time.monotonic()
        while min(reads.values()) == 0 and time.monotonic() - started < 60:
            time.sleep(0.01)
        try:
            with writer_store as store:
                for start in range(0, len(analyses), 2):  # eight commits of two articles
                    store.add_analyses(analyses[start : start + 2])
                    time.sleep(0.05)
                for a in analyses[:4]:  # four new versions
                    text = a.article.text + " Officials will give an update on Friday."
                    store.add_analyses(
                        [
                            replace(
                                a, article=replace(a.article, text=text, content_hash="v2" + a.id)
                            )
                        ]
                    )
                    time.sleep(0.05)
                store.delete_article(analyses[-1].id)
                store.consolidate()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(f"writer: {type(exc).__name__}: {exc}")
        finally:
            done.set()

    def raw_reader() -> None:
        while not done.is_set():
            try:
                snap = snapshot(db)
                if snap.integrity != "ok" or snap.problems:
                    errors.append(f"torn read: {snap.integrity} {snap.problems}")
                reads["snapshots"] += 1
            except Exception as exc:  # noqa: BLE001
                errors.append(f"raw reader: {type(exc).__name__}: {exc}")
            time.sleep(0.005)

    def api_reader() -> None:
        with reader_store as store:
            while not done.is_set():
                try:
                    for summary in store.stories():
                        if summary.articles < 1 or summary.sources > summary.articles:
                            errors.append(f"torn story summary: {summary}")
                        story = store.story(summary.id)  # None if it changed since the list
                        if story is not None:
                            assert len(story.article_ids) >= 1
                            assert set(store.analyses(story.article_ids)) <= set(story.article_ids)
                    for hit in store.search("bridge"):
                        if not hit.text or hit.article_id is None:
                            errors.append(f"torn search hit: {hit}")
                    store.articles(limit=5)
                    reads["api"] += 1
                except Exception as exc:  # noqa: BLE001
                    errors.append(f"api reader: {type(exc).__name__}: {exc}")

    def web_reader() -> None:
        with TestClient(create_app(catalog)) as client:
            while not done.is_set():
                listing = client.get("/api/stories")
                if listing.status_code != 200:
                    errors.append(f"web: /api/stories {listing.status_code}: {listing.text[:200]}")
                    continue
                body = listing.json()
                items = (
                    body.get("stories", body.get("items", [])) if isinstance(body, dict) else body
                )
                for item in items[:3]:
                    sid = item.get("id") if isinstance(item, dict) else None
                    if sid:
                        got = client.get(f"/api/stories/{sid}")
                        if got.status_code not in (200, 404):  # 404: regrouped meanwhile
                            errors.append(f"web: story {got.status_code}: {got.text[:200]}")
                        elif got.status_code == 200:
                            errors.extend(_torn_brief(got.json()))
                search = client.get("/api/search", params={"q": "storm power"})
                if search.status_code != 200:
                    errors.append(f"web: search {search.status_code}")
                reads["web"] += 1

    threads = [threading.Thread(target=f) for f in (writer, raw_reader, api_reader, web_reader)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads)
    assert errors == [], (kind, errors[:10])
    assert reads["snapshots"] > 0 and reads["api"] > 0 and reads["web"] > 0, reads
    final = snapshot(db)
    assert final.integrity == "ok" and not final.problems
    assert len(final.articles) == len(analyses) - 1
    for reader, count in reads.items():
        for _ in range(count):
            fuzzed(f"store: concurrent reads on {kind} ({reader})")


def _torn_brief(data: dict) -> list[str]:
    """What is inconsistent in one story's JSON: an article of the story without its source
    entry (its analysis missing from the brief), or a quote citing an article not in it."""
    story = data.get("story") or {}
    ids = set(story.get("article_ids") or ())
    problems = []
    if not ids:
        problems.append(f"story {story.get('id')} served with no articles")
    if len(data.get("sources") or ()) != len(ids):
        problems.append(f"story {story.get('id')}: {len(ids)} articles, sources {data['sources']}")
    for group in story.get("quotes") or ():
        for variant in group.get("variants") or ():
            if set(variant.get("sources") or ()) - ids:
                problems.append(f"story {story.get('id')} quotes articles not in it: {variant}")
    return problems


# --- SQL injection ---------------------------------------------------------------------------

INJECTIONS = [
    "'; DROP TABLE articles; --",
    '"; DROP TABLE stories; --',
    "' OR '1'='1",
    '" OR 1=1 --',
    "bridge) OR (1=1",
    "x' UNION SELECT id, text FROM articles --",
    "1; DELETE FROM story_articles",
    "NEAR(bridge storm)",
    "bridge*",
    "^bridge",
    '"unterminated',
    "articles MATCH '*'",
    "title:bridge",
    "%",
    "_",
    "\\",
    "\x00",
    "'); PRAGMA writable_schema=1; --",
    "ATTACH DATABASE '/tmp/evil.db' AS evil; --",
    "a" * 10_000,
]


def test_injection_strings_leave_the_tables_intact(tmp_path: Path, corpus) -> None:
    _, analyses = corpus
    db = tmp_path / "store.db"
    hostile = replace(
        analyses[0],
        article=replace(
            analyses[0].article, id="x'); DROP TABLE stories; --", content_hash="hostile"
        ),
    )
    with Store.open(f"sqlite:///{db}") as store:
        store.add_analyses([*analyses[:6], hostile])
        before = _dump(db)
        for text in INJECTIONS:
            fuzzed("security: SQL injection strings")
            store.search(text)
            assert store.story(text) is None
            assert store.story_of(text) is None
            assert store.analyses([text]) == {}
            assert store.versions(text) == []
            assert store.articles(story_id=text) == []
            assert store.articles(outlet=text) == []
            with pytest.raises(KeyError):
                store.brief_dict(text)
            assert store.delete_article(text) is False
        # the hostile id was stored as plain data, and can be read back by it
        assert store.story_of(hostile.id) is not None
        assert store.analyses([hostile.id])[hostile.id].article.id == hostile.id
    assert _dump(db) == before
    snap = snapshot(db)
    assert snap.integrity == "ok" and not snap.problems
    assert not Path("/tmp/evil.db").exists()


def test_injection_strings_through_the_web_api(tmp_path: Path, corpus) -> None:
    from fastapi.testclient import TestClient

    from storyfuse.web.app import create_app
    from storyfuse.web.queries import StoreCatalog

    _, analyses = corpus
    db = tmp_path / "web.db"
    with Store.open(f"sqlite:///{db}") as store:
        store.add_analyses(analyses[:4])
    before = _dump(db)
    catalog = StoreCatalog(Store.open(f"sqlite:///{db}"))
    with TestClient(create_app(catalog)) as client:
        for text in INJECTIONS:
            if "\x00" in text:
                continue  # not representable in a URL the client will send
            fuzzed("security: SQL injection strings")
            assert client.get("/api/search", params={"q": text}).status_code in (200, 422)
            assert client.get(f"/api/stories/{text}").status_code in (404, 422)
            assert client.get(f"/api/articles/{text}").status_code in (404, 422)
            assert client.get("/api/stories", params={"outlet": text}).status_code in (200, 422)
    assert _dump(db) == before
