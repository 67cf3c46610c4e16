"""Reading a storyfuse SQLite database the way a crash-recovery check needs: in one transaction,
with every consistency problem listed (torn stories, doubled rows, missing versions)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Snapshot:
    integrity: str = "ok"
    articles: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (hash, version)
    versions: list[tuple[str, int, str]] = field(default_factory=list)
    stories: set[frozenset[str]] = field(default_factory=set)
    copies: dict[str, str | None] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # torn stories, duplicates


def snapshot(db: Path | str) -> Snapshot:
    """What the database holds, read in one transaction, with its consistency problems.

    ``db``: a SQLite file, or a ``postgresql://`` URL (read in one REPEATABLE READ
    transaction; PostgreSQL has no ``integrity_check``, so ``integrity`` says only that the
    database answered).
    """
    if isinstance(db, str) and db.startswith(("postgresql://", "postgres://")):
        import psycopg

        with psycopg.connect(db) as pg:
            pg.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            pg.read_only = True
            tables = {
                r[0]
                for r in pg.execute(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema()"
                )
            }
            return _read(pg, tables, Snapshot())
    db = Path(db.removeprefix("sqlite:///")) if isinstance(db, str) else db
    snap = Snapshot()
    if not db.exists():
        return snap
    conn = sqlite3.connect(db, timeout=30)
    try:
        snap.integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.execute("BEGIN")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        snap = _read(conn, tables, snap)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return snap


def _read(conn: Any, tables: set[str], snap: Snapshot) -> Snapshot:
    """The rows and their consistency problems, read through ``conn`` in its open transaction."""
    needed = {"articles", "versions", "stories", "story_articles"}
    if not needed <= tables:
        if needed & tables:
            snap.problems.append(f"half-made schema: {sorted(needed - tables)} missing")
        return snap  # no schema yet: an empty database
    for aid, digest, version in conn.execute("SELECT id, content_hash, version FROM articles"):
        if aid in snap.articles:
            snap.problems.append(f"article {aid} stored twice")
        snap.articles[aid] = (digest, version)
    snap.versions = sorted(
        conn.execute("SELECT article_id, version, content_hash FROM versions").fetchall()
    )
    members: dict[str, set[str]] = {}
    for aid, sid, copy_of in conn.execute(
        "SELECT article_id, story_id, copy_of FROM story_articles"
    ):
        if aid in snap.copies:
            snap.problems.append(f"article {aid} in two stories")
        snap.copies[aid] = copy_of
        members.setdefault(sid, set()).add(aid)
    snap.stories = {frozenset(m) for m in members.values()}
    counted = dict(conn.execute("SELECT id, articles FROM stories").fetchall())
    if set(counted) != set(members):
        snap.problems.append(f"stories {set(counted) ^ set(members)} without members or row")
    for sid, ids in members.items():
        if counted.get(sid) != len(ids):
            snap.problems.append(f"story {sid} says {counted.get(sid)} articles, has {len(ids)}")
        missing = ids - set(snap.articles)
        if missing:
            snap.problems.append(f"story {sid} names missing articles {sorted(missing)}")
    unstoried = set(snap.articles) - set(snap.copies)
    if unstoried:
        snap.problems.append(f"articles in no story: {sorted(unstoried)}")
    for aid, (digest, version) in snap.articles.items():
        mine = [v for v in snap.versions if v[0] == aid]
        if (aid, version, digest) not in mine:
            snap.problems.append(f"article {aid} has no version row for its current version")
    return snap
