"""The web app's catalog over the story database (``storyfuse.store.Store``).

The store's public methods do the writing (adding, deleting, fusing briefs) and the full-text
search; the few reads the pages need beyond them (filtered story lists, conflict counts, a
speaker's quotes across stories) are read-only SQLAlchemy Core queries over the store's tables,
with bound parameters, here.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from storyfuse import model
from storyfuse.model import Analysis, Document, Problem
from storyfuse.render.jsonout import article_dict
from storyfuse.store import Store, schema
from storyfuse.web.catalog import (
    EntityItem,
    EntityView,
    SearchHit,
    StoryQuery,
    StoryRow,
    claim_detail,
    excerpt,
)

log = logging.getLogger(__name__)

ENTITY_ITEMS_LIMIT = 1_000
VERSION_TTL = 1.0

# conflicts in a stored brief, counted by the database (the brief JSON can be large)
_CONFLICT_COUNT = {
    "sqlite": "SELECT id, json_array_length(brief, '$.stories[0].conflicts') AS n "
    "FROM stories WHERE brief IS NOT NULL AND id IN ({ids})",
    "postgresql": "SELECT id, json_array_length(brief->'stories'->0->'conflicts') AS n "
    "FROM stories WHERE brief IS NOT NULL AND id IN ({ids})",
}


class StoreCatalog:
    """A ``Catalog`` over a ``Store`` (SQLite or PostgreSQL)."""

    writable = True

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine
        self._warm_lock = threading.Lock()
        self._version: tuple[float, str] | None = None
        self._conflicts: dict[tuple[str, int], int] = {}  # (story id, story revision) -> count

    @classmethod
    def open(cls, url: str | None = None) -> StoreCatalog:
        return cls(Store.open(url))

    def close(self) -> None:
        self.store.close()

    def version(self) -> str:
        """The store's revision, read at most every ``VERSION_TTL`` seconds: a write by another
        process shows within that time, one through this catalog at once."""
        now = time.monotonic()
        if self._version is None or now - self._version[0] > VERSION_TTL:
            self._version = (now, str(self.store.revision()))
        return self._version[1]

    # --- stories --------------------------------------------------------------------------

    def _story_filters(self, query: StoryQuery) -> list[Any] | None:
        """WHERE clauses on ``stories`` for the query; None when nothing can match."""
        s, m, a, e = schema.stories, schema.story_articles, schema.articles, schema.entities
        where: list[Any] = []
        if query.q:
            matching = self._matching_articles(query.q)
            if matching is None:
                return None
            where.append(s.c.id.in_(sa.select(m.c.story_id).where(m.c.article_id.in_(matching))))
        if query.outlet:
            where.append(
                sa.exists(
                    sa.select(1)
                    .select_from(m.join(a, a.c.id == m.c.article_id))
                    .where(m.c.story_id == s.c.id, a.c.outlet == query.outlet)
                )
            )
        if query.entity:
            # folded by the database on both sides, one fold for stored and asked names
            name = sa.func.lower(sa.literal(query.entity.strip()))
            where.append(
                sa.exists(
                    sa.select(1)
                    .select_from(m.join(e, e.c.article_id == m.c.article_id))
                    .where(
                        m.c.story_id == s.c.id,
                        sa.or_(sa.func.lower(e.c.text) == name, sa.func.lower(e.c.canonical) == name),
                    )
                )
            )
        # a story overlaps [since, until] (dates are ISO strings, so they compare as text)
        if query.since:
            where.append(s.c.last_published >= query.since)
        if query.until:
            where.append(s.c.first_published <= query.until + "\uffff")
        return where

    def _matching_articles(self, q: str) -> Any:
        """A subquery of the ids of articles whose text, quotes or claims contain all words of
        ``q`` (the store's full-text table); None when ``q`` has no words."""
        words = re.findall(r"\w+", q)
        if not words:
            return None
        if self.store.dialect == "postgresql":
            sql = "SELECT article_id FROM search_text WHERE tsv @@ plainto_tsquery('english', :q)"
            params = {"q": " ".join(words)}
        else:  # FTS5: each word quoted, so nothing in it is read as an operator
            sql = "SELECT article_id FROM search_text WHERE search_text MATCH :q"
            params = {"q": " ".join(f'"{w}"' for w in words)}
        return sa.select(
            sa.text(sql).bindparams(**params).columns(article_id=sa.String).subquery().c.article_id
        )

    def stories(self, query: StoryQuery) -> tuple[list[StoryRow], int]:
        s = schema.stories
        where = self._story_filters(query)
        if where is None:
            return [], 0
        select = (
            sa.select(s.c.id, s.c.title, s.c.articles, s.c.first_published, s.c.last_published)
            .where(*where)
            .order_by(s.c.last_published.desc().nulls_last(), s.c.articles.desc(), s.c.id)
            .limit(query.limit)
            .offset(query.offset)
        )
        count = sa.select(sa.func.count()).select_from(s).where(*where)
        with self.store.snapshot() as conn:  # rows, counts and outlets of one moment
            rows = conn.execute(select).all()
            total = int(conn.execute(count).scalar() or 0)
            ids = [r.id for r in rows]
            outlets = self._outlets_of(conn, ids)
            conflicts = self._conflicts_of(conn, ids)
            openings = self._openings_of(conn, [r.id for r in rows if not r.title])
        return [
            StoryRow(
                id=r.id,
                title=r.title or openings.get(r.id) or r.id,
                articles=r.articles,
                outlets=len(outlets.get(r.id, ())),
                first=r.first_published,
                last=r.last_published,
                conflicts=conflicts.get(r.id),
                outlet_names=sorted(outlets.get(r.id, ())),
            )
            for r in rows
        ], total

    def _outlets_of(self, conn: sa.Connection, ids: list[str]) -> dict[str, set[str]]:
        m, a = schema.story_articles, schema.articles
        out: dict[str, set[str]] = {}
        if not ids:
            return out
        for row in conn.execute(
            sa.select(m.c.story_id, a.c.outlet)
            .select_from(m.join(a, a.c.id == m.c.article_id))
            .where(m.c.story_id.in_(ids), a.c.outlet.is_not(None))
            .distinct()
        ):
            out.setdefault(row.story_id, set()).add(row.outlet)
        return out

    def _openings_of(self, conn: sa.Connection, ids: list[str]) -> dict[str, str]:
        """For stories whose first article has no title: the start of an article's text."""
        m, a = schema.story_articles, schema.articles
        out: dict[str, str] = {}
        if not ids:
            return out
        rows = conn.execute(
            sa.select(m.c.story_id, sa.func.substr(a.c.text, 1, 120).label("opening"))
            .select_from(m.join(a, a.c.id == m.c.article_id))
            .where(m.c.story_id.in_(ids))
            .order_by(m.c.story_id, a.c.id)
        )
        for r in rows:
            words = " ".join((r.opening or "").split())
            if words and r.story_id not in out:
                cut = words if len(words) < 80 else words[:80].rsplit(" ", 1)[0] + "…"
                out[r.story_id] = f"Untitled: {cut}"
        return out

    def _conflicts_of(self, conn: sa.Connection, ids: list[str]) -> dict[str, int]:
        """Conflicts per story, from the stored briefs; remembered per story revision."""
        s = schema.stories
        sql = _CONFLICT_COUNT.get(self.store.dialect)
        if not ids or sql is None:
            return {}
        revisions = {
            r.id: r.revision
            for r in conn.execute(
                sa.select(s.c.id, s.c.revision).where(s.c.id.in_(ids), s.c.brief.is_not(None))
            )
        }
        unknown = [i for i, rev in revisions.items() if (i, rev) not in self._conflicts]
        if unknown:
            names = [f"id{i}" for i in range(len(unknown))]
            statement = sa.text(sql.format(ids=", ".join(f":{n}" for n in names)))
            for r in conn.execute(statement, dict(zip(names, unknown))):
                self._conflicts[(r.id, revisions[r.id])] = int(r.n or 0)
        return {
            i: self._conflicts[(i, rev)] for i, rev in revisions.items() if (i, rev) in self._conflicts
        }

    def brief(self, story_id: str) -> dict[str, Any] | None:
        try:
            data = self.store.brief_dict(story_id)
        except KeyError:
            return None
        if not data.get("stories"):
            return None
        return {"story": data["stories"][0], "articles": data["articles"]}

    def story_titles(self, ids: Sequence[str]) -> dict[str, str]:
        s = schema.stories
        ids = [i for i in ids if i]
        if not ids:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(s.c.id, s.c.title).where(s.c.id.in_(ids))).all()
            openings = self._openings_of(conn, [r.id for r in rows if not r.title])
        return {r.id: r.title or openings.get(r.id) or r.id for r in rows}

    def warm(self, story_ids: Sequence[str] | None = None, limit: int | None = None) -> int:
        """Fuse and store the briefs not computed yet, or fused by an older storyfuse (newest
        stories first); returns how many.

        Run in the background so that story pages and conflict counts are ready when asked for.
        """
        s = schema.stories
        with self._warm_lock:
            if story_ids is None:
                stale = sa.or_(
                    s.c.brief.is_(None),
                    s.c.brief_version.is_(None),
                    s.c.brief_version != model.BRIEF_VERSION,
                )
                query = (
                    sa.select(s.c.id)
                    .where(stale)
                    .order_by(s.c.last_published.desc().nulls_last(), s.c.id)
                )
                if limit is not None:
                    query = query.limit(limit)
                with self.engine.connect() as conn:
                    story_ids = list(conn.execute(query).scalars())
            done = 0
            for story_id in story_ids:
                try:
                    self.store.brief_dict(story_id)
                    done += 1
                except KeyError:
                    continue  # regrouped meanwhile
            return done

    # --- articles -------------------------------------------------------------------------

    def article(self, article_id: str) -> dict[str, Any] | None:
        found = self.store.analyses([article_id])
        if article_id not in found:
            return None
        return article_dict(found[article_id])

    def story_of(self, article_id: str) -> str | None:
        return self.store.story_of(article_id)

    def moved(self, story_id: str) -> str | None:
        return self.store.moved(story_id)

    def outlets(self) -> list[str]:
        return self.store.outlets()

    def search(self, q: str, limit: int = 50) -> list[SearchHit]:
        hits = self.store.search(q, limit=limit)
        a = schema.articles
        ids = sorted({h.article_id for h in hits})
        info: dict[str, Any] = {}
        if ids:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    sa.select(a.c.id, a.c.outlet, a.c.published).where(a.c.id.in_(ids))
                )
                info = {r.id: r for r in rows}
        out = []
        for h in hits:
            row = info.get(h.article_id)
            text = h.text
            if h.kind == "article":
                # the database searches the headline and the text as one ("headline\ntext")
                if h.title and text.startswith(h.title + "\n"):
                    text = f"{h.title} — {text[len(h.title) + 1 :]}"
                text = excerpt(text, q.strip())
            out.append(
                SearchHit(
                    kind=h.kind,
                    article_id=h.article_id,
                    story_id=h.story_id,
                    title=h.title,
                    text=text,
                    who=h.who,
                    published=row.published if row else None,
                    outlet=row.outlet if row else None,
                    fragment={"quote": f"q{h.n}", "claim": f"c{h.n}"}.get(h.kind),
                    direct=h.direct,
                )
            )
        return out

    # --- entities -------------------------------------------------------------------------

    def entity(self, name: str) -> EntityView | None:
        """A speaker's quotes, a claimant's claims, and the articles naming them.

        The name matches case-insensitively, and so do the surface forms the extractor tied to
        it as their canonical name ("Putin" for "Vladimir Putin").
        """
        e, q, c, a, m = (
            schema.entities,
            schema.quotes,
            schema.claims,
            schema.articles,
            schema.story_articles,
        )
        with self.store.snapshot() as conn:
            # names are folded by the database, the stored ones and this one alike (the store
            # makes SQLite's lower() fold every letter, as PostgreSQL's does)
            key = conn.execute(sa.select(sa.func.lower(sa.literal(name.strip())))).scalar_one()
            forms = set(
                conn.execute(
                    sa.select(sa.func.lower(e.c.text))
                    .where(sa.func.lower(e.c.canonical) == key, e.c.text.is_not(None))
                    .distinct()
                ).scalars()
            )
            forms.add(key)
            labels = sorted(
                set(
                    conn.execute(
                        sa.select(e.c.label)
                        .where(sa.or_(sa.func.lower(e.c.text).in_(forms),
                                      sa.func.lower(e.c.canonical) == key))
                        .distinct()
                    ).scalars()
                )
            )
            meta = (a.c.published, a.c.outlet, a.c.title, m.c.story_id)

            def named(column: Any) -> Any:
                # a speaker or claimant kept with a title ("union secretary Ana Ruiz") ends in
                # one of the forms; only full names are matched that way, as a surname alone
                # ends many other names
                folded = sa.func.lower(column)
                ends = [
                    folded.endswith(" " + form, autoescape=True)
                    for form in sorted(forms)
                    if " " in form
                ]
                return sa.or_(folded.in_(forms), *ends)

            quotes = conn.execute(
                sa.select(q.c.article_id, q.c.n, q.c.text, q.c.direct, *meta)
                .select_from(q.join(a, a.c.id == q.c.article_id).outerjoin(m, m.c.article_id == a.c.id))
                .where(named(q.c.speaker))
                .order_by(a.c.published.nulls_last(), q.c.article_id, q.c.n)
                .limit(ENTITY_ITEMS_LIMIT)
            ).all()
            claims = conn.execute(
                sa.select(
                    c.c.article_id, c.c.n, c.c.text, c.c.value, c.c.unit, c.c.qualifier, *meta
                )
                .select_from(c.join(a, a.c.id == c.c.article_id).outerjoin(m, m.c.article_id == a.c.id))
                .where(named(c.c.claimant))
                .order_by(a.c.published.nulls_last(), c.c.article_id, c.c.n)
                .limit(ENTITY_ITEMS_LIMIT)
            ).all()
            mentions = conn.execute(
                sa.select(e.c.article_id, sa.func.count().label("mentions"), *meta)
                .select_from(e.join(a, a.c.id == e.c.article_id).outerjoin(m, m.c.article_id == a.c.id))
                .where(sa.or_(sa.func.lower(e.c.text).in_(forms), sa.func.lower(e.c.canonical) == key))
                .group_by(e.c.article_id, *meta)
                .order_by(a.c.published.nulls_last(), e.c.article_id)
                .limit(ENTITY_ITEMS_LIMIT)
            ).all()
        if not (quotes or claims or mentions):
            return None
        items = [
            EntityItem(
                "quote", r.text, r.article_id, r.story_id, r.published, r.outlet, r.title,
                detail="direct" if r.direct or r.direct is None else "indirect", fragment=f"q{r.n}",
            )
            for r in quotes
        ] + [
            EntityItem(
                "claim", r.text, r.article_id, r.story_id, r.published, r.outlet, r.title,
                detail=claim_detail(r.qualifier, r.value, r.unit), fragment=f"c{r.n}",
            )
            for r in claims
        ]
        items.sort(key=lambda i: (i.date or "9999", i.article_id))
        return EntityView(
            name=name,
            labels=labels,
            items=items,
            mentions=[
                {
                    "article_id": r.article_id,
                    "title": r.title,
                    "outlet": r.outlet,
                    "published": r.published,
                    "story_id": r.story_id,
                    "count": int(r.mentions),
                }
                for r in mentions
            ],
        )

    # --- writing --------------------------------------------------------------------------

    def add(self, analyses: Sequence[Analysis]) -> list[str]:
        result = self.store.add_analyses(analyses)
        self._version = None
        # fuse the touched stories now, so their pages open at once
        self.warm(list(result.stories))
        return list(result.stories)

    def identify(self, items: Iterable[Document | Problem]) -> list[Document | Problem]:
        """The documents under the ids the store will keep them under (``Store.identify``)."""
        return self.store.identify(items)

    def delete_article(self, article_id: str) -> bool:
        deleted = self.store.delete_article(article_id)
        self._version = None
        return deleted
