"""The story database: analysed articles, their versions, stories, and text search.

One code path over SQLite (default: a file in the working directory, WAL mode, FTS5) and
PostgreSQL (``postgresql://...`` through psycopg 3, tsvector search), with SQLAlchemy Core and
Alembic migrations run on open. Stories are kept up to date incrementally by the online
``StoryIndex``, rebuilt from the stored grouping features when the store is opened.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Self

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection, Engine

from storyfuse import model
from storyfuse.group import GroupConfig, StoryIndex, features_of, story_id_of
from storyfuse.model import Analysis, Brief, Document, Problem, Story
from storyfuse.store import records, schema
from storyfuse.store.search import SEARCHERS, cjk_terms, row_who

log = logging.getLogger(__name__)

DEFAULT_URL = "sqlite:///storyfuse.db"
MIGRATIONS = Path(__file__).parent / "migrations"
# Consolidation (re-weighting, splits, merges) runs when the articles added since the last one
# reach this share of the archive (every article seen, including those an index keeping only
# recent days has let go): every batch of a small archive, rarely for a large one.
CONSOLIDATE_SHARE = 0.05
# Up to this many articles, consolidation groups the whole archive again from scratch, which
# gives the stories of ingesting everything at once (about 0.5 s for 1,000 articles and 5.5 s
# for 10,000 on one core, against about 4 and 44 s of analysis for the 5 % that trigger it).
REGROUP_LIMIT = 10_000


def repair_due(pending: int, index: StoryIndex) -> bool:
    """Whether ``pending`` articles added since the last repair call for one now. The share is
    of the whole archive, not of the articles the index holds: with ``retain_days`` the held
    articles stay few, and a share of those would regroup them every few windows."""
    return pending >= max(1, CONSOLIDATE_SHARE * index.seen)


def repaired(index: StoryIndex) -> StoryIndex:
    """The index after the periodic repair: an archive of up to ``REGROUP_LIMIT`` articles is
    grouped again from scratch, so its stories do not depend on the order its articles came
    in; a larger one is consolidated in place."""
    if len(index) <= REGROUP_LIMIT:
        return index.regrouped()
    index.consolidate()
    return index


@dataclass(frozen=True)
class AddResult:
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()  # a changed file: a new version of an existing article
    unchanged: tuple[str, ...] = ()
    stories: tuple[str, ...] = ()  # ids of the stories created or changed
    # articles stored under another id than the one they were read with: {stored id: read id}
    # (another file's article already has that id; see ``Store.add_analyses``)
    renamed: dict[str, str] = field(default_factory=dict)
    # unchanged files whose stored analysis an older storyfuse made, analysed anew (``refresh``)
    refreshed: tuple[str, ...] = ()


@dataclass(frozen=True)
class StorySummary:
    id: str
    title: str | None
    articles: int
    sources: int  # articles that are not copies of another
    first_published: str | None
    last_published: str | None
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleRow:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    path: str
    content_hash: str
    version: int
    story_id: str | None
    copy_of: str | None = None


@dataclass(frozen=True)
class VersionRow:
    article_id: str
    version: int
    path: str
    content_hash: str
    added_at: str


@dataclass(frozen=True)
class SearchHit:
    kind: str  # article | quote | claim
    article_id: str
    story_id: str | None
    text: str
    title: str | None = None
    who: str | None = None  # a quote's speaker or a claim's claimant
    n: int = 0  # which quote or claim of the article
    direct: bool | None = None  # a quote: in quote marks (True) or reported speech (False)
    extra: dict[str, Any] = field(default_factory=dict)


def normalise_url(url: str | None) -> str:
    """A SQLAlchemy URL: plain paths become SQLite files; postgresql:// goes through psycopg 3."""
    if not url:
        return DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{url}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _fold(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # SQLite's own lower() folds ASCII letters only ("Žofia" stays "Žofia"); names are matched
    # case-insensitively through lower(), so it folds every letter here, as PostgreSQL's does
    # (about 0.15 s more per million rows scanned)
    dbapi_connection.create_function("lower", 1, _fold, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


# The PostgreSQL advisory lock that serialises writers (any constant unique to storyfuse).
_WRITE_LOCK = 0x53746F7279  # "Story"

# Alembic keeps the running migration context in module state, so two threads migrating at
# once can see each other's (KeyError: 'script'): one migration at a time per process.
_MIGRATE_LOCK = threading.Lock()


def _migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision in one transaction.

    pysqlite commits before every DDL statement of its own accord, so a kill during the first
    migration would leave a half-made schema; on SQLite the driver's own transaction handling
    is switched off for this connection and the whole upgrade runs in one explicit
    ``BEGIN IMMEDIATE`` (which also makes a second process opening a new file wait for it).
    """
    with _MIGRATE_LOCK, engine.connect() as conn:
        raw: Any = conn.connection.dbapi_connection
        sqlite = engine.dialect.name == "sqlite"
        level = raw.isolation_level if sqlite else None
        try:
            if sqlite:
                raw.isolation_level = None
            with conn.begin():
                if sqlite:
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                cfg = Config()
                cfg.set_main_option("script_location", str(MIGRATIONS))
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        finally:
            if sqlite:
                raw.isolation_level = level


# Formats whose file holds one article (``ingest.ONE_ARTICLE_FORMATS``, which the tests check
# this is; not imported from ingest, which takes a while to import, for the reading commands).
ONE_ARTICLE_FORMATS = ("html", "text")


def _older(analysis_version: int | None) -> bool:
    """Whether a stored analysis of this version was made by an older storyfuse (NULL: one
    from before versions were recorded). One made by a newer storyfuse is not older."""
    return analysis_version is None or analysis_version < model.ANALYSIS_VERSION


def _source(path: str, fmt: str) -> str:
    from storyfuse.ingest import source_file

    return source_file(path, fmt)


@dataclass(frozen=True)
class _Incoming:
    """What decides an incoming article's stored id: the id it was read with, its file,
    its content."""

    id: str
    source: str
    content_hash: str
    one_article: bool  # its file holds only it (a .txt or .html file, a fetched page)

    @classmethod
    def of(cls, article_id: str, path: str, fmt: str, content_hash: str) -> _Incoming:
        return cls(article_id, _source(path, fmt), content_hash, fmt in ONE_ARTICLE_FORMATS)

    def candidates(self) -> list[str]:
        """The ids it may be stored under, in order: the id it was read with, then that id
        with longer and longer hashes of its file (the first one is nearly always enough)."""
        digest = hashlib.sha256(self.source.encode("utf-8", "surrogatepass")).hexdigest()
        return [self.id] + [f"{self.id}-{digest[:n]}" for n in (8, 16, 64)]


def _stored_ids(
    incoming: Sequence[_Incoming],
    stored: dict[str, tuple[str, str]],
    by_source: dict[str, str],
) -> list[str]:
    """The id each incoming article is stored under, in order.

    ``stored``: (source, content hash) of the stored articles among the candidates' ids;
    ``by_source``: the stored article of each one-article file among the sources.

    - The file's own article keeps its id: a stored article of the id (or of one of its
      distinct ids) read from the same file is that article (unchanged, or a new version when
      the content changed). The stored article of a .txt or .html file is found by its file,
      whatever id it is read with (``ingest.read`` names the second of two same-named files
      read together after its folder, so one run may read a file under another id than the
      run that stored it).
    - A free id is taken as it is.
    - An id stored from another file with the same content is that article: a file moved,
      or copied unchanged, is the same article.
    - Otherwise (another file, other content) the article gets the first candidate id that
      is free: the id and a short hash of its file. It depends on the file alone, so each
      file keeps its id from run to run, whatever order the files come in.

    A file moved and edited before it is read again cannot be told from another file with the
    same name: it becomes an article of its own, and the one stored from its old place stays
    (``Store.delete_article`` removes it).

    Articles earlier in ``incoming`` count as stored for the later ones (but for the finding
    by file, which is only needed across runs), so one batch is treated as the same files
    added one at a time.
    """
    known = dict(stored)
    out: list[str] = []
    for item in incoming:
        final = by_source.get(item.source) if item.one_article else None
        candidates = item.candidates()
        if final is None:
            final = next((c for c in candidates if known.get(c, ("",))[0] == item.source), None)
        if final is None:
            final = next(
                (c for c in candidates if c not in known or known[c][1] == item.content_hash),
                candidates[-1],
            )
        known[final] = (item.source, item.content_hash)
        out.append(final)
    return out


def _chunks(values: Sequence[str], size: int = 5_000) -> list[Sequence[str]]:
    """``values`` in slices small enough for one IN list of bound parameters."""
    return [values[i : i + size] for i in range(0, len(values), size)]


class Store:
    """Analysed articles and their stories in a database. Open with ``Store.open(url)``."""

    def __init__(self, engine: Engine, config: GroupConfig | None = None) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        if self.dialect not in SEARCHERS:
            raise ValueError(f"unsupported database {self.dialect!r}: use SQLite or PostgreSQL")
        self._config = config
        self._index: StoryIndex | None = None
        self._newest: int | None = None  # the newest stored article's day, as an ordinal
        self._index_revision: int | None = None
        # One writer at a time per Store (a web server shares one across threads); other
        # processes are kept consistent by the database transaction and the revision check.
        self._write_lock = threading.RLock()

    # --- opening --------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None, config: GroupConfig | None = None) -> Store:
        """Open (creating or migrating as needed) the database at ``url``.

        ``url``: ``sqlite:///file.db``, a plain file path, or ``postgresql://user@host/db``;
        default ``sqlite:///storyfuse.db`` in the working directory.
        """
        sa_url = normalise_url(url)
        engine = sa.create_engine(sa_url, future=True)
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        try:
            _migrate(engine)
        except sa.exc.OperationalError as exc:
            engine.dispose()
            raise OSError(f"cannot open database {url or DEFAULT_URL}: {exc.orig}") from exc
        return cls(engine, config)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def snapshot(self) -> Iterator[Connection]:
        """A read of several statements that all see the database as of its first one.

        Without it each statement sees the latest commit, so a story list read while a writer
        regroups could pair a story's row with the members of another moment. PostgreSQL reads
        in one REPEATABLE READ transaction; on SQLite an explicit ``BEGIN`` (pysqlite opens
        none before a SELECT) pins one WAL snapshot. Both end with a rollback: nothing is
        written.
        """
        if self.dialect == "postgresql":
            with (
                self.engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn,
                conn.begin(),
            ):
                yield conn
        else:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("BEGIN")
                yield conn

    @contextmanager
    def _write_tx(self) -> Iterator[Connection]:
        """A transaction that holds the database's write lock from its first statement.

        A write reads the revision, the story index and the memberships before it writes, so a
        second writer (another process, or another ``Store``) must wait for the first one to
        commit before reading: otherwise both build on the same old state and the later commit
        drops the earlier one's story memberships. SQLite takes its write lock at
        ``BEGIN IMMEDIATE``; PostgreSQL's READ COMMITTED reads see every commit made before a
        transaction-scoped advisory lock was granted.
        """
        with self.engine.begin() as conn:
            if self.dialect == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK})
            yield conn

    # --- revision: changes with every write, a cache key for readers -----------------------

    def revision(self) -> int:
        with self.engine.connect() as conn:
            return self._revision(conn)

    @staticmethod
    def _revision(conn: Connection) -> int:
        value = conn.execute(
            sa.select(schema.meta.c.value).where(schema.meta.c.key == "revision")
        ).scalar()
        return int(value) if value is not None else 0

    def _bump_revision(self, conn: Connection) -> int:
        revision = self._revision(conn) + 1
        updated = conn.execute(
            schema.meta.update().where(schema.meta.c.key == "revision").values(value=str(revision))
        )
        if updated.rowcount == 0:
            conn.execute(schema.meta.insert().values(key="revision", value=str(revision)))
        return revision

    # --- the story index ------------------------------------------------------------------

    def _load_index(self, conn: Connection) -> StoryIndex:
        """The in-memory story index, rebuilt from stored features when another writer changed
        the database since it was built."""
        revision = self._revision(conn)
        if self._index is not None and self._index_revision == revision:
            return self._index
        index = StoryIndex(self._config)
        a, m = schema.articles, schema.story_articles
        self._newest = conn.execute(sa.select(sa.func.max(a.c.day))).scalar()
        horizon = self._horizon(index)
        if horizon is not None:
            # the document frequencies of every stored article, read without keeping them
            index.observe_terms(
                (row.id, records.terms_of(row.terms))
                for row in conn.execute(sa.select(a.c.id, a.c.terms))
            )
            # the stories with an article on or after the horizon (or undated), whole
            active = (
                sa.select(m.c.story_id)
                .select_from(m.join(a, a.c.id == m.c.article_id))
                .where(sa.or_(a.c.day >= horizon, a.c.day.is_(None)))
            )
            self._restore(conn, index, m.c.story_id.in_(active))
        else:
            self._restore(conn, index, None)
        index.changes()  # the stories as restored are the stored ones: nothing to write
        self._index, self._index_revision = index, revision
        return index

    def _horizon(self, index: StoryIndex) -> int | None:
        """The day before which the index lets stories go (``GroupConfig.retain_days``)."""
        keep = index.config.retain_days
        if keep is None or self._newest is None:
            return None
        return self._newest - keep

    def _restore(self, conn: Connection, index: StoryIndex, where: Any) -> None:
        """Put the stored articles of the stories ``where`` selects (all: None) back into
        ``index``, with their stories."""
        a, m = schema.articles, schema.story_articles
        query = (
            sa.select(
                a.c.id, a.c.vector, a.c.terms, a.c.day, a.c.signature, m.c.story_id, m.c.copy_of
            )
            .select_from(a.join(m, m.c.article_id == a.c.id))
            .order_by(a.c.day, a.c.id)
        )
        rows = conn.execute(query if where is None else query.where(where))
        restored = [
            (records.features_from_row(row.id, row), row.story_id, row.copy_of) for row in rows
        ]
        # every article's word weights from the whole store's document frequencies, as the index
        # that added them last had them (not from the articles restored before it)
        index.observe(f for f, _, _ in restored)
        for features, story_id, copy_of in restored:
            index.restore(features, story_id, copy_of)

    def _revive(self, conn: Connection, index: StoryIndex, ids: Sequence[str]) -> None:
        """Bring back into ``index`` the stories of stored articles it let go (``retire``),
        before one of them changes or goes: their stories are then written again whole."""
        missing = [x for x in ids if x not in index]
        if not missing:
            return
        m = schema.story_articles
        stories = sorted(
            {
                sid
                for chunk in _chunks(missing)
                for sid in conn.execute(
                    sa.select(m.c.story_id).where(m.c.article_id.in_(chunk))
                ).scalars()
            }
        )
        for chunk in _chunks(stories):
            self._restore(conn, index, m.c.story_id.in_(chunk))
        index.changes()  # as stored: nothing to write yet

    def _retire(self, index: StoryIndex, days: Iterable[int | None]) -> None:
        """Move the horizon to the newest day now stored and let older stories go."""
        known = [d for d in days if d is not None]
        if self._newest is not None:
            known.append(self._newest)
        self._newest = max(known) if known else None
        horizon = self._horizon(index)
        if horizon is not None:
            index.retire(horizon)

    def _pending(self, conn: Connection) -> int:
        value = conn.execute(
            sa.select(schema.meta.c.value).where(schema.meta.c.key == "pending")
        ).scalar()
        return int(value) if value is not None else 0

    def _set_meta(self, conn: Connection, key: str, value: str) -> None:
        updated = conn.execute(
            schema.meta.update().where(schema.meta.c.key == key).values(value=value)
        )
        if updated.rowcount == 0:
            conn.execute(schema.meta.insert().values(key=key, value=value))

    # --- writing --------------------------------------------------------------------------

    def add_analyses(
        self, analyses: Sequence[Analysis], *, refresh: bool = False, repair: bool = True
    ) -> AddResult:
        """Store analysed articles and update the stories, in one transaction.

        Idempotent: an article whose content hash is already its current one changes nothing,
        unless ``refresh`` and its stored analysis was made by an older storyfuse (an older
        ``model.ANALYSIS_VERSION``): then the new analysis takes its place, in the article
        and in its current version (a refresh is no new version of the file).
        An article read again from its own file with new content becomes a new version (the
        old one is kept). An article read from another file under an id already stored, with
        other content (a second folder's index.html, a second export numbering from 1), never
        replaces the stored one: it is stored under an id of its own, the id and a short hash
        of its file (``AddResult.renamed``); see ``_stored_ids`` for the rules.

        Without ``repair``, the periodic repair (``repaired``) waits for ``repair_if_due``: a
        caller storing many batches in a row repairs once, after the last, instead of after
        each batch that brings the articles added since the last repair to their share.
        """
        added: list[str] = []
        updated: list[str] = []
        unchanged: list[str] = []
        refreshed: list[str] = []
        renamed: dict[str, str] = {}
        try:
            with self._write_lock, self._write_tx() as conn:
                incoming = [
                    _Incoming.of(a.id, a.article.path, a.article.format, a.article.content_hash)
                    for a in analyses
                ]
                fresh: dict[str, Analysis] = {}
                for analysis, final in zip(
                    analyses, self._resolve(conn, incoming), strict=True
                ):  # the last of repeated ids in one batch wins
                    if final != analysis.id:
                        renamed[final] = analysis.id
                        analysis = replace(analysis, article=replace(analysis.article, id=final))
                    fresh[final] = analysis
                index = self._load_index(conn)
                current = self._current_hashes(conn, list(fresh))
                todo: list[Analysis] = []
                for article_id, analysis in fresh.items():
                    known = current.get(article_id)
                    if known is None:
                        added.append(article_id)
                    elif known[0] == analysis.article.content_hash:
                        if not (refresh and _older(known[2])):
                            unchanged.append(article_id)
                            continue
                        refreshed.append(article_id)
                    else:
                        updated.append(article_id)
                    todo.append(analysis)
                if not todo:
                    return AddResult(unchanged=tuple(unchanged), renamed=renamed)
                features = {f.id: f for f in features_of(todo)}
                self._revive(conn, index, updated + refreshed)
                for analysis in todo:
                    version = current[analysis.id][1] if analysis.id in current else 0
                    if analysis.id not in refreshed:
                        version += 1
                    self._write_article(
                        conn, analysis, features[analysis.id], version, analysis.id in current
                    )
                for article_id in updated + refreshed:
                    index.remove(article_id)
                ordered = sorted(
                    features.values(), key=lambda f: (f.day if f.day is not None else 10**9, f.id)
                )
                index.observe(ordered)
                for f in ordered:
                    index.add(f)
                self._retire(index, (f.day for f in ordered))
                pending = self._pending(conn) + len(todo)
                if repair and repair_due(pending, index):
                    index = self._consolidated(index)
                    pending = 0
                self._set_meta(conn, "pending", str(pending))
                revision = self._bump_revision(conn)
                changed = self._write_stories(
                    conn, index, revision, rewritten=frozenset(updated + refreshed)
                )
                self._index_revision = revision
        except BaseException:
            self._index = None  # the transaction rolled back: rebuild from the database
            raise
        return AddResult(
            tuple(added),
            tuple(updated),
            tuple(unchanged),
            tuple(changed),
            renamed,
            tuple(refreshed),
        )

    def identify(self, items: Iterable[Document | Problem]) -> list[Document | Problem]:
        """The items with each document under the id the store keeps it under (Problems as
        they are): a document read from another file under an id already stored (or given to
        an earlier document of ``items``), with other content, gets its id of its own, as
        ``add_analyses`` would give it. For callers that look up stored articles by id before
        analysing them (to skip the unchanged ones)."""
        items = list(items)
        documents = [d for d in items if isinstance(d, Document)]
        incoming = [_Incoming.of(d.id, d.path, d.format, d.content_hash) for d in documents]
        with self.engine.connect() as conn:
            ids = dict(zip(map(id, documents), self._resolve(conn, incoming), strict=True))
        return [
            replace(d, id=ids[id(d)]) if isinstance(d, Document) and ids[id(d)] != d.id else d
            for d in items
        ]

    def _resolve(self, conn: Connection, incoming: Sequence[_Incoming]) -> list[str]:
        """The stored id of each incoming article (``_stored_ids``), from the database."""
        a = schema.articles
        candidates = sorted({c for item in incoming for c in item.candidates()})
        stored: dict[str, tuple[str, str]] = {}
        for start in range(0, len(candidates), 500):
            for row in conn.execute(
                sa.select(a.c.id, a.c.source, a.c.path, a.c.format, a.c.content_hash).where(
                    a.c.id.in_(candidates[start : start + 500])
                )
            ):
                source = row.source or _source(row.path, row.format or "")
                stored[row.id] = (source, row.content_hash)
        sources = sorted({item.source for item in incoming if item.one_article})
        by_source: dict[str, str] = {}
        for start in range(0, len(sources), 500):
            for owner in conn.execute(
                sa.select(a.c.id, a.c.source)
                .where(
                    a.c.source.in_(sources[start : start + 500]),
                    a.c.format.in_(ONE_ARTICLE_FORMATS),
                )
                .order_by(a.c.id)
            ):
                by_source.setdefault(owner.source, owner.id)
        return _stored_ids(incoming, stored, by_source)

    def known_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """The current content hash of each stored article among ``ids`` (unknown ids left
        out), so an interrupted ingest can skip what it already stored."""
        with self.engine.connect() as conn:
            return {k: v[0] for k, v in self._current_hashes(conn, list(ids)).items()}

    def outdated(self, ids: Sequence[str]) -> list[str]:
        """The stored articles among ``ids`` whose analysis an older storyfuse made (an older
        ``model.ANALYSIS_VERSION``, or none recorded), in the order given: an unchanged file
        is not analysed again, so these keep the older results until
        ``add_analyses(..., refresh=True)``."""
        with self.engine.connect() as conn:
            current = self._current_hashes(conn, list(ids))
        return [x for x in dict.fromkeys(ids) if x in current and _older(current[x][2])]

    def _current_hashes(
        self, conn: Connection, ids: list[str]
    ) -> dict[str, tuple[str, int, int | None]]:
        """(content hash, version, analysis version) of each stored article among ``ids``."""
        a = schema.articles
        out: dict[str, tuple[str, int, int | None]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in conn.execute(
                sa.select(a.c.id, a.c.content_hash, a.c.version, a.c.analysis_version).where(
                    a.c.id.in_(chunk)
                )
            ):
                out[row.id] = (row.content_hash, row.version, row.analysis_version)
        return out

    def _write_article(
        self, conn: Connection, analysis: Analysis, features: Any, version: int, stored: bool
    ) -> None:
        """Write an article's rows; ``stored``: its id has rows to replace (a new article's
        has none: a deleted article's rows went with it, but for its versions)."""
        art = analysis.article
        plain = records.to_plain(analysis)
        now = _now()
        row = {
            "id": art.id,
            "version": version,
            "path": art.path,
            "source": _source(art.path, art.format),
            "content_hash": art.content_hash,
            "format": art.format,
            "title": art.title,
            "outlet": art.outlet,
            "url": art.url,
            "published": art.published,
            "text": art.text,
            "removed": plain["article"]["removed"],
            "analysis": plain,
            "analysis_version": model.ANALYSIS_VERSION,
            "story_key": story_id_of(art.id),
            "added_at": now,
            **records.features_row(features),
        }
        if stored:
            self._delete_article_rows(conn, art.id)
        v = schema.versions
        # a refreshed analysis takes the place of its version's (a new version has none yet)
        conn.execute(v.delete().where(v.c.article_id == art.id, v.c.version == version))
        conn.execute(schema.articles.insert().values(**row))
        conn.execute(
            schema.versions.insert().values(
                article_id=art.id,
                version=version,
                path=art.path,
                content_hash=art.content_hash,
                analysis=plain,
                analysis_version=row["analysis_version"],
                added_at=now,
            )
        )
        children: dict[sa.Table, list[dict[str, Any]]] = {
            schema.quotes: [
                {
                    "text": q.text,
                    "speaker": q.speaker,
                    "direct": q.direct,
                    "start": q.start,
                    "end": q.end,
                }
                for q in analysis.quotes
            ],
            schema.claims: [
                {
                    "text": c.text,
                    "value": c.value,
                    "unit": c.unit,
                    "qualifier": c.qualifier,
                    "claimant": c.claimant,
                    "date": c.date,
                    "start": c.start,
                    "end": c.end,
                }
                for c in analysis.claims
            ],
            schema.entities: [
                {
                    "text": e.text,
                    "label": e.label,
                    "canonical": e.canonical,
                    "start": e.start,
                    "end": e.end,
                }
                for e in analysis.entities
            ],
            schema.times: [
                {"text": t.text, "value": t.value, "start": t.start, "end": t.end}
                for t in analysis.times
            ],
        }
        for table, rows in children.items():
            if rows:
                conn.execute(
                    table.insert(),
                    [{"article_id": art.id, "n": n, **r} for n, r in enumerate(rows)],
                )
        headed = f"{art.title or ''}\n{art.text}"
        searched = [("article", 0, headed, row_who(art.outlet, art.authors))]
        searched += [("quote", n, q.text, q.speaker) for n, q in enumerate(analysis.quotes)]
        searched += [("claim", n, c.text, c.claimant) for n, c in enumerate(analysis.claims)]
        conn.execute(
            schema.search_rows_of(conn.dialect.name).insert(),
            [
                {
                    "article_id": art.id,
                    "kind": kind,
                    "n": n,
                    "text": text,
                    "terms": cjk_terms(f"{text}\n{who}" if who else text),
                    "who": who,
                }
                for kind, n, text, who in searched
            ],
        )

    def _delete_article_rows(self, conn: Connection, article_id: str) -> None:
        conn.execute(schema.articles.delete().where(schema.articles.c.id == article_id))
        for table in schema.CHILD_TABLES:
            conn.execute(table.delete().where(table.c.article_id == article_id))
        rows = schema.search_rows_of(conn.dialect.name)
        conn.execute(rows.delete().where(rows.c.article_id == article_id))

    def _write_stories(
        self,
        conn: Connection,
        index: StoryIndex,
        revision: int,
        rewritten: frozenset[str] = frozenset(),
        left: Iterable[str] = (),
    ) -> list[str]:
        """Rewrite the stories whose membership or copies changed, or that hold an article of
        ``rewritten`` (a new version: the cached brief is stale); drop the ones gone.

        Only the stories the index changed since the last write are looked at
        (``StoryIndex.changes``), with the stored rows of their articles: a window of new
        articles costs the same in an archive of a thousand or of millions. ``left``: stored
        stories that lost an article whose row is already gone (a deleted article): each is
        rewritten, or dropped when it has no member left."""
        m, s, a = schema.story_articles, schema.stories, schema.articles
        stories = index.changes()
        now_ids = {st.id for st in stories}
        articles = [x for st in stories for x in st.article_ids]
        copies_before: dict[str, str | None] = {}
        left = set(left)
        stored_ids = left | now_ids
        for chunk in _chunks(articles):
            for row in conn.execute(
                sa.select(m.c.article_id, m.c.story_id, m.c.copy_of).where(
                    m.c.article_id.in_(chunk)
                )
            ):
                copies_before[row.article_id] = row.copy_of
                stored_ids.add(row.story_id)
        before: dict[str, set[str]] = {}
        for chunk in _chunks(sorted(stored_ids)):
            for member in conn.execute(
                sa.select(m.c.story_id, m.c.article_id).where(m.c.story_id.in_(chunk))
            ):
                before.setdefault(member.story_id, set()).add(member.article_id)
        # A stored story that held one of these articles is gone unless a changed story now
        # has its id: a story the index left untouched cannot have held them, as an article
        # moving in or out touches both its stories.
        gone = sorted((set(before) | left) - now_ids)
        changed: list[str] = []
        for story in stories:
            members = frozenset(story.article_ids)
            same_copies = all(
                copies_before.get(x) == story.duplicates.get(x) for x in story.article_ids
            )
            if (
                before.get(story.id) == members
                and same_copies
                and not members & rewritten
                and story.id not in left
            ):
                continue
            changed.append(story.id)
        for sid in gone + changed:
            conn.execute(s.delete().where(s.c.id == sid))
            conn.execute(m.delete().where(m.c.story_id == sid))
        by_id = {st.id: st for st in stories}
        for sid in changed:
            story = by_id[sid]
            conn.execute(m.delete().where(m.c.article_id.in_(story.article_ids)))
            conn.execute(
                m.insert(),
                [
                    {"article_id": x, "story_id": sid, "copy_of": story.duplicates.get(x)}
                    for x in story.article_ids
                ],
            )
            rows = conn.execute(
                sa.select(a.c.id, a.c.title, a.c.published).where(a.c.id.in_(story.article_ids))
            ).all()
            info = {r.id: r for r in rows}
            dates = sorted(r.published for r in rows if r.published)
            conn.execute(
                s.insert().values(
                    id=sid,
                    # the first title its members have, until the story's brief gives one
                    title=next(
                        (info[x].title for x in story.article_ids if info[x].title), None
                    ),
                    articles=len(story.article_ids),
                    sources=len(story.article_ids) - len(story.duplicates),
                    first_published=dates[0] if dates else None,
                    last_published=dates[-1] if dates else None,
                    brief=None,
                    revision=revision,
                )
            )
        return sorted(changed)

    def _consolidated(self, index: StoryIndex) -> StoryIndex:
        """The index after the periodic repair (``repaired``), which becomes the store's."""
        self._index = repaired(index)
        return self._index

    def consolidate(self) -> list[str]:
        """Run the index's consolidation now; returns the ids of the stories it changed."""
        return self._repair(only_if_due=False)

    def repair_if_due(self) -> list[str]:
        """The periodic repair, when the articles added since the last one call for it (after
        ``add_analyses`` without ``repair``); the ids of the stories it changed."""
        return self._repair(only_if_due=True)

    def _repair(self, only_if_due: bool) -> list[str]:
        try:
            with self._write_lock, self._write_tx() as conn:
                index = self._load_index(conn)
                if only_if_due and not repair_due(self._pending(conn), index):
                    return []
                index = self._consolidated(index)
                self._set_meta(conn, "pending", "0")
                revision = self._bump_revision(conn)
                changed = self._write_stories(conn, index, revision)
                self._index_revision = revision
        except BaseException:
            self._index = None
            raise
        return changed

    def delete_article(self, article_id: str) -> bool:
        """Remove an article (its versions stay); its story is updated. False when unknown."""
        try:
            with self._write_lock, self._write_tx() as conn:
                index = self._load_index(conn)
                self._revive(conn, index, [article_id])
                if article_id not in index:
                    return False
                m = schema.story_articles
                left = list(
                    conn.execute(
                        sa.select(m.c.story_id).where(m.c.article_id == article_id)
                    ).scalars()
                )
                index.remove(article_id)
                self._delete_article_rows(conn, article_id)
                conn.execute(m.delete().where(m.c.article_id == article_id))
                revision = self._bump_revision(conn)
                self._write_stories(conn, index, revision, left=left)
                self._index_revision = revision
        except BaseException:
            self._index = None
            raise
        return True

    # --- reading --------------------------------------------------------------------------

    def stories(self, limit: int | None = None, offset: int = 0) -> list[StorySummary]:
        """Stories, most recently published first, with their article and source counts."""
        s, m, a = schema.stories, schema.story_articles, schema.articles
        query = sa.select(s).order_by(
            s.c.last_published.desc().nulls_last(), s.c.articles.desc(), s.c.id
        )
        if limit is not None:
            query = query.limit(limit).offset(offset)
        with self.snapshot() as conn:
            rows = conn.execute(query).all()
            outlets: dict[str, set[str]] = {}
            ids = [r.id for r in rows]
            for start in range(0, len(ids), 500):
                for row in conn.execute(
                    sa.select(m.c.story_id, a.c.outlet)
                    .select_from(m.join(a, a.c.id == m.c.article_id))
                    .where(m.c.story_id.in_(ids[start : start + 500]), a.c.outlet.is_not(None))
                ):
                    outlets.setdefault(row.story_id, set()).add(row.outlet)
        return [
            StorySummary(
                id=r.id,
                title=r.title,
                articles=r.articles,
                sources=r.sources,
                first_published=r.first_published,
                last_published=r.last_published,
                outlets=tuple(sorted(outlets.get(r.id, ()))),
            )
            for r in rows
        ]

    def story(self, story_id: str) -> Story | None:
        """The story record: its articles in date order and which are copies of which."""
        with self.engine.connect() as conn:
            return self._story(conn, story_id)

    @staticmethod
    def _story(conn: Connection, story_id: str) -> Story | None:
        m, a = schema.story_articles, schema.articles
        rows = conn.execute(
            sa.select(m.c.article_id, m.c.copy_of, a.c.published)
            .select_from(m.join(a, a.c.id == m.c.article_id))
            .where(m.c.story_id == story_id)
        ).all()
        if not rows:
            return None
        rows = sorted(rows, key=lambda r: (r.published is None, r.published or "", r.article_id))
        return Story(
            id=story_id,
            article_ids=tuple(r.article_id for r in rows),
            duplicates={r.article_id: r.copy_of for r in rows if r.copy_of},
        )

    def moved(self, story_id: str) -> str | None:
        """The story that now holds the article an older story id was named after, when
        regrouping gave that story another id (None: the id is current, or unknown)."""
        a, m = schema.articles, schema.story_articles
        with self.engine.connect() as conn:
            now = conn.execute(
                sa.select(m.c.story_id)
                .select_from(a.join(m, m.c.article_id == a.c.id))
                .where(a.c.story_key == story_id)
                .order_by(a.c.id)
            ).scalar()
        return now if now is not None and now != story_id else None

    def story_of(self, article_id: str) -> str | None:
        m = schema.story_articles
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(m.c.story_id).where(m.c.article_id == article_id)
            ).scalar()

    def analyses(self, ids: Sequence[str]) -> dict[str, Analysis]:
        """The stored analyses (current versions) by id; unknown ids are left out."""
        with self.engine.connect() as conn:
            return self._analyses(conn, ids)

    @staticmethod
    def _analyses(conn: Connection, ids: Sequence[str]) -> dict[str, Analysis]:
        a = schema.articles
        out: dict[str, Analysis] = {}
        for start in range(0, len(ids), 500):
            for row in conn.execute(
                sa.select(a.c.id, a.c.analysis).where(a.c.id.in_(list(ids[start : start + 500])))
            ):
                out[row.id] = records.analysis_from_json(row.analysis)
        return out

    def brief(self, story_id: str) -> Brief:
        """One story fused from its stored analyses, as a ``Brief`` ready for ``render``."""
        from storyfuse import fuse

        with self.snapshot() as conn:  # the members and their analyses of one moment
            story = self._story(conn, story_id)
            if story is None:
                raise KeyError(
                    f"no story {story_id!r} in this database; `storyfuse stories` lists them"
                )
            analyses = self._analyses(conn, story.article_ids)
        fused = fuse.fuse(story, analyses)
        return Brief(articles=tuple(analyses[x] for x in story.article_ids), stories=(fused,))

    def brief_dict(self, story_id: str) -> dict[str, Any]:
        """The brief as the JSON contract dict (``render.to_dict``), cached until the story
        changes, or until a storyfuse that fuses differently (``model.BRIEF_VERSION``) asks."""
        from storyfuse.render import to_dict

        s = schema.stories
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(s.c.brief, s.c.revision, s.c.brief_version).where(s.c.id == story_id)
            ).first()
        if row is None:
            raise KeyError(
                f"no story {story_id!r} in this database; `storyfuse stories` lists them"
            )
        if row.brief is not None and row.brief_version == model.BRIEF_VERSION:
            return dict(row.brief)
        data = to_dict(self.brief(story_id))
        values: dict[str, Any] = {"brief": data, "brief_version": model.BRIEF_VERSION}
        fused_title = (data.get("stories") or [{}])[0].get("title")
        if fused_title:
            # the listing shows the brief's title once there is one (the lead article's before)
            values["title"] = fused_title
        with self._tx() as conn:
            # only fill the cache if the story was not rewritten meanwhile
            conn.execute(
                s.update().where(s.c.id == story_id, s.c.revision == row.revision).values(**values)
            )
        return data

    def search(self, q: str, limit: int = 50) -> list[SearchHit]:
        """Articles, quotes and claims whose text matches all words of ``q``, best first."""
        a, m, qt, cl = schema.articles, schema.story_articles, schema.quotes, schema.claims
        with self.snapshot() as conn:
            rows = SEARCHERS[self.dialect](conn, q, limit)
            ids = sorted({r.article_id for r in rows})
            info = {
                r.id: r
                for r in conn.execute(
                    sa.select(a.c.id, a.c.title, m.c.story_id)
                    .select_from(a.outerjoin(m, m.c.article_id == a.c.id))
                    .where(a.c.id.in_(ids))
                )
            }
            speakers = {
                (r.article_id, r.n): (r.speaker, r.direct)
                for r in conn.execute(
                    sa.select(qt.c.article_id, qt.c.n, qt.c.speaker, qt.c.direct).where(
                        qt.c.article_id.in_(ids)
                    )
                )
            }
            claimants = {
                (r.article_id, r.n): r.claimant
                for r in conn.execute(
                    sa.select(cl.c.article_id, cl.c.n, cl.c.claimant).where(
                        cl.c.article_id.in_(ids)
                    )
                )
            }
        hits = []
        for r in rows:
            article = info.get(r.article_id)
            who, direct = None, None
            if r.kind == "quote":
                who, direct = speakers.get((r.article_id, r.n), (None, None))
            elif r.kind == "claim":
                who = claimants.get((r.article_id, r.n))
            hits.append(
                SearchHit(
                    kind=r.kind,
                    article_id=r.article_id,
                    story_id=article.story_id if article else None,
                    text=r.text,
                    title=article.title if article else None,
                    who=who,
                    n=r.n,
                    direct=direct,
                )
            )
        return hits

    def articles(
        self,
        story_id: str | None = None,
        outlet: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ArticleRow]:
        """Stored articles (optionally of one story or outlet), newest first."""
        a, m = schema.articles, schema.story_articles
        query = (
            sa.select(
                a.c.id,
                a.c.title,
                a.c.outlet,
                a.c.published,
                a.c.url,
                a.c.path,
                a.c.content_hash,
                a.c.version,
                m.c.story_id,
                m.c.copy_of,
            )
            .select_from(a.outerjoin(m, m.c.article_id == a.c.id))
            .order_by(a.c.published.desc().nulls_last(), a.c.id)
        )
        if story_id is not None:
            query = query.where(m.c.story_id == story_id)
        if outlet is not None:
            query = query.where(a.c.outlet == outlet)
        if limit is not None:
            query = query.limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [ArticleRow(**row._mapping) for row in conn.execute(query)]

    def versions(self, article_id: str) -> list[VersionRow]:
        v = schema.versions
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(v.c.article_id, v.c.version, v.c.path, v.c.content_hash, v.c.added_at)
                .where(v.c.article_id == article_id)
                .order_by(v.c.version)
            )
            return [VersionRow(**row._mapping) for row in rows]

    def outlets(self) -> list[str]:
        a = schema.articles
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    sa.select(a.c.outlet)
                    .where(a.c.outlet.is_not(None))
                    .distinct()
                    .order_by(a.c.outlet)
                ).scalars()
            )


def open_store(url: str | None = None) -> Store:
    return Store.open(url)
