"""What the web app reads and writes, behind one small interface.

``Catalog`` is the app's view of a story database. ``queries.StoreCatalog`` implements it over the
store (SQLite or PostgreSQL); ``MemoryCatalog`` holds one analysed ``Brief`` in memory, which is
what ``storyfuse serve`` shows for a brief JSON file and what fast tests use.
All records cross this boundary as the JSON contract dicts of ``render.jsonout``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from storyfuse.extract.numbers import written
from storyfuse.model import Analysis, Brief
from storyfuse.render.jsonout import to_dict
from storyfuse.store.search import row_who
from storyfuse.web.views import outlet_name


@dataclass
class StoryQuery:
    """Filters of the stories page; all optional."""

    q: str | None = None  # full-text search over articles, quotes and claims
    outlet: str | None = None
    entity: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass
class StoryRow:
    id: str
    title: str
    articles: int
    outlets: int
    first: str | None  # earliest publication date
    last: str | None  # latest publication date
    conflicts: int | None  # None until the story's brief has been computed
    outlet_names: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchHit:
    kind: str  # article | quote | claim
    article_id: str
    story_id: str | None
    title: str | None
    text: str  # the matching text (a quote, a claim's sentence, or an excerpt of the article)
    who: str | None = None  # speaker of a quote, claimant of a claim
    published: str | None = None
    outlet: str | None = None
    fragment: str | None = None  # where in the article page: q3 (quote 3), c0 (claim 0)
    direct: bool | None = None  # a quote: in quote marks (True) or reported speech (False)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class EntityItem:
    kind: str  # quote | claim
    text: str
    article_id: str
    story_id: str | None
    date: str | None
    outlet: str | None
    title: str | None
    detail: str | None = None  # claim: "12,000 troop"; quote: direct/indirect
    fragment: str | None = None  # q{n} or c{n}: the anchor of the quote or claim

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class EntityView:
    name: str
    labels: list[str]
    items: list[EntityItem]  # quotes and claims, oldest first
    mentions: list[dict[str, Any]]  # articles naming the entity: id, title, outlet, published, story_id

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "labels": self.labels,
            "items": [i.as_dict() for i in self.items],
            "mentions": self.mentions,
        }


class Catalog(Protocol):
    """The reads and writes the web app needs from a story database."""

    writable: bool

    def version(self) -> str:
        """Changes whenever the data changes (a cache key)."""

    def stories(self, query: StoryQuery) -> tuple[list[StoryRow], int]:
        """One page of stories, newest first, and the total number matching."""

    def brief(self, story_id: str) -> dict[str, Any] | None:
        """``{"story": story_dict, "articles": [article_dict, ...]}`` for one story, or None."""

    def story_titles(self, ids: Sequence[str]) -> dict[str, str]:
        """Titles of stories by id; unknown ids are left out."""

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article (``article_dict``), or None."""

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to."""

    def moved(self, story_id: str) -> str | None:
        """The story now holding the article an older story id was named after (regrouping
        changed that story's id); None for a current or unknown id."""

    def search(self, q: str, limit: int = 50) -> list[SearchHit]:
        """Articles, quotes and claims matching a full-text query."""

    def entity(self, name: str) -> EntityView | None:
        """Quotes and claims of a speaker or claimant, and articles naming them."""

    def outlets(self) -> list[str]:
        """Every outlet name, for the filter."""

    def add(self, analyses: Sequence[Analysis]) -> list[str]:
        """Store analysed articles, update stories; returns the ids of the stories touched."""

    def delete_article(self, article_id: str) -> bool:
        """Remove one article (and its story when it was the last); False when unknown."""


def date_in(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date (possibly partial) falls within [since, until] (prefix compare)."""
    if not (since or until):
        return True
    if not date:
        return False
    return (not since or date[: len(since)] >= since[: len(date)]) and (
        not until or date[: len(until)] <= until[: len(date)]
    )


def claim_detail(qualifier: str | None, value: float | None, unit: str | None) -> str:
    """ "about 12,000 troop" """
    number = "" if value is None else written(value)
    return " ".join(p for p in (qualifier, number, unit) if p)


def excerpt(text: str, query: str, width: int = 200) -> str:
    """The words of ``text`` around the first of the query's words it contains."""
    folded = text.casefold()
    found = [folded.find(w) for w in re.findall(r"\w+", query.casefold())]
    at = min((i for i in found if i >= 0), default=0)
    start = max(0, at - width // 3)
    end = min(len(text), start + width)
    # cut at spaces, not inside words
    if start > 0:
        space = text.find(" ", start, at)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", max(at, start), end)
        end = space if space > at else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _holds(needle: str, *texts: str | None) -> bool:
    """Whether any of the texts (a passage and who is behind it) holds the casefolded words."""
    return any(needle in t.casefold() for t in texts if t)


class MemoryCatalog:
    """A catalog over one ``Brief`` held in memory; uploads re-group and re-fuse everything."""

    def __init__(self, brief: Brief | None = None, *, writable: bool = True) -> None:
        self.writable = writable
        self._lock = threading.RLock()
        self._analyses: dict[str, Analysis] = {}
        self._data: dict[str, Any] = {"articles": [], "stories": []}
        self._version = 0
        if brief is not None:
            self._load(brief)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MemoryCatalog:
        """A read-only catalog over a brief JSON (what ``analyze --format json`` prints)."""
        catalog = cls(writable=False)
        catalog._index(data)
        return catalog

    def _load(self, brief: Brief) -> None:
        self._analyses = {a.id: a for a in brief.articles}
        self._index(to_dict(brief))

    def _index(self, data: dict[str, Any]) -> None:
        self._data = data
        self._articles = {a["id"]: a for a in data["articles"]}
        self._stories = {s["id"]: s for s in data["stories"]}
        self._story_of = {aid: s["id"] for s in data["stories"] for aid in s["article_ids"]}
        self._version += 1

    def version(self) -> str:
        return f"mem-{self._version}"

    def _row(self, story: dict[str, Any]) -> StoryRow:
        arts = [self._articles[aid] for aid in story["article_ids"] if aid in self._articles]
        dates = sorted(a["published"] for a in arts if a.get("published"))
        outlets = sorted({name for a in arts if (name := outlet_name(a))})
        return StoryRow(
            id=story["id"],
            title=story["title"],
            articles=len(arts),
            outlets=len(outlets),
            first=dates[0] if dates else None,
            last=dates[-1] if dates else None,
            conflicts=len(story.get("conflicts") or ()),
            outlet_names=outlets,
        )

    def stories(self, query: StoryQuery) -> tuple[list[StoryRow], int]:
        with self._lock:
            matching_articles: set[str] | None = None
            if query.q:
                matching_articles = {h.article_id for h in self.search(query.q, limit=10_000)}
            rows = []
            for story in self._stories.values():
                arts = [self._articles[a] for a in story["article_ids"] if a in self._articles]
                if matching_articles is not None and not matching_articles & set(story["article_ids"]):
                    continue
                if query.outlet and not any(a.get("outlet") == query.outlet for a in arts):
                    continue
                if query.entity and not _names_entity(story, arts, query.entity):
                    continue
                if not any(date_in(a.get("published"), query.since, query.until) for a in arts):
                    continue
                rows.append(self._row(story))
            rows.sort(key=lambda r: (r.last or "", r.articles, r.id), reverse=True)
            return rows[query.offset : query.offset + query.limit], len(rows)

    def brief(self, story_id: str) -> dict[str, Any] | None:
        story = self._stories.get(story_id)
        if story is None:
            return None
        ids = story["article_ids"]
        return {"story": story, "articles": [self._articles[i] for i in ids if i in self._articles]}

    def story_titles(self, ids: Sequence[str]) -> dict[str, str]:
        return {i: self._stories[i]["title"] for i in ids if i in self._stories}

    def article(self, article_id: str) -> dict[str, Any] | None:
        return self._articles.get(article_id)

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def moved(self, story_id: str) -> str | None:
        from storyfuse.group import story_id_of

        for article_id in sorted(self._story_of):
            if story_id_of(article_id) == story_id and self._story_of[article_id] != story_id:
                return self._story_of[article_id]
        return None

    def search(self, q: str, limit: int = 50) -> list[SearchHit]:
        needle = q.strip().casefold()
        if not needle:
            return []
        hits: list[SearchHit] = []
        for a in self._articles.values():
            common = {
                "article_id": a["id"],
                "story_id": self._story_of.get(a["id"]),
                "title": a.get("title"),
                "published": a.get("published"),
                "outlet": a.get("outlet"),
            }
            for n, quote in enumerate(a.get("quotes") or ()):
                who = quote.get("canonical_speaker") or quote.get("speaker")
                if _holds(needle, quote["text"], quote.get("speaker"), who):
                    hits.append(
                        SearchHit(
                            "quote", text=quote["text"], who=who, fragment=f"q{n}",
                            direct=quote.get("direct", True), **common,
                        )
                    )
            for n, claim in enumerate(a.get("claims") or ()):
                who = claim.get("claimant")
                if _holds(needle, claim["text"], who):
                    hits.append(
                        SearchHit("claim", text=claim["text"], who=who, fragment=f"c{n}", **common)
                    )
            by = row_who(a.get("outlet"), a.get("authors") or ())
            if _holds(needle, a.get("title"), a["text"], by):
                hits.append(SearchHit("article", text=excerpt(a["text"], q.strip()), **common))
        order = {"quote": 0, "claim": 1, "article": 2}
        hits.sort(key=lambda h: h.published or "", reverse=True)  # newest first within a kind
        hits.sort(key=lambda h: order[h.kind])
        return hits[:limit]

    def entity(self, name: str) -> EntityView | None:
        key = name.casefold()
        items: list[EntityItem] = []
        mentions: list[dict[str, Any]] = []
        labels: set[str] = set()
        for a in self._articles.values():
            base = {
                "article_id": a["id"],
                "story_id": self._story_of.get(a["id"]),
                "date": a.get("published"),
                "outlet": a.get("outlet"),
                "title": a.get("title"),
            }
            for n, quote in enumerate(a.get("quotes") or ()):
                who = quote.get("canonical_speaker") or quote.get("speaker") or ""
                if who.casefold() == key:
                    kind = "direct" if quote.get("direct", True) else "indirect"
                    items.append(
                        EntityItem("quote", quote["text"], detail=kind, fragment=f"q{n}", **base)
                    )
            for n, claim in enumerate(a.get("claims") or ()):
                if (claim.get("claimant") or "").casefold() == key:
                    detail = claim_detail(claim.get("qualifier"), claim["value"], claim["unit"])
                    items.append(
                        EntityItem("claim", claim["text"], detail=detail, fragment=f"c{n}", **base)
                    )
            named = [
                e for e in a.get("entities") or () if (e.get("canonical") or e["text"]).casefold() == key
            ]
            if named:
                labels.update(e["label"] for e in named)
                mentions.append(
                    {
                        "article_id": a["id"],
                        "title": a.get("title"),
                        "outlet": a.get("outlet"),
                        "published": a.get("published"),
                        "story_id": self._story_of.get(a["id"]),
                        "count": len(named),
                    }
                )
        if not items and not mentions:
            return None
        items.sort(key=lambda i: (i.date or "9999", i.article_id))
        mentions.sort(key=lambda m: (m["published"] or "9999", m["article_id"]))
        return EntityView(name=name, labels=sorted(labels), items=items, mentions=mentions)

    def outlets(self) -> list[str]:
        return sorted({a["outlet"] for a in self._articles.values() if a.get("outlet")})

    def add(self, analyses: Sequence[Analysis]) -> list[str]:
        from storyfuse import pipeline

        if not self.writable:
            raise PermissionError("this catalog is read-only")
        with self._lock:
            before = {sid: tuple(s["article_ids"]) for sid, s in self._stories.items()}
            merged = dict(self._analyses)
            merged.update((a.id, a) for a in analyses)
            stories = pipeline.fuse_stories(list(merged.values()))
            self._load(Brief(articles=tuple(merged.values()), stories=tuple(stories)))
            new_ids = {a.id for a in analyses}
            return [
                s["id"]
                for s in self._data["stories"]
                if new_ids & set(s["article_ids"]) or before.get(s["id"]) != tuple(s["article_ids"])
            ]

    def delete_article(self, article_id: str) -> bool:
        from storyfuse import pipeline

        if not self.writable:
            raise PermissionError("this catalog is read-only")
        with self._lock:
            if article_id not in self._analyses:
                return False
            rest = [a for aid, a in self._analyses.items() if aid != article_id]
            stories = pipeline.fuse_stories(rest)
            self._load(Brief(articles=tuple(rest), stories=tuple(stories)))
            return True


def _names_entity(story: dict[str, Any], articles: list[dict[str, Any]], name: str) -> bool:
    key = name.casefold()
    for e in story.get("entities") or ():
        if key == e["name"].casefold() or key in (a.casefold() for a in e.get("aliases") or ()):
            return True
    return any(
        key == (e.get("canonical") or e["text"]).casefold()
        for a in articles
        for e in a.get("entities") or ()
    )


__all__ = [
    "Catalog",
    "EntityItem",
    "EntityView",
    "MemoryCatalog",
    "SearchHit",
    "StoryQuery",
    "StoryRow",
]
