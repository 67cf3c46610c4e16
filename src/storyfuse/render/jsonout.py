"""The JSON contract: ``SCHEMA_PATH`` (storyfuse/data/brief.schema.json, schema_version 1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storyfuse.model import Analysis, Brief, StoryBrief

SCHEMA_VERSION = 1
# the JSON Schema every brief validates against, shipped with the package
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "data" / "brief.schema.json"


def schema() -> dict[str, Any]:
    """The brief's JSON Schema (draft 2020-12), e.g. for ``jsonschema.validate(brief, schema())``."""
    return dict(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def _span(start: int | None, end: int | None) -> list[int] | None:
    return None if start is None or end is None else [start, end]


def article_dict(analysis: Analysis, canonical: dict[str, str] | None = None) -> dict[str, Any]:
    art = analysis.article
    canonical = canonical or {}
    return {
        "id": art.id,
        "path": art.path,
        "format": art.format,
        "content_hash": art.content_hash,
        "title": art.title,
        "outlet": art.outlet,
        "authors": list(art.authors),
        "url": art.url,
        "published": art.published,
        "published_from": art.published_from,
        # ISO 639 code, from the text (else the page's tag); quotes, claims, times and entities
        # are read in English only, and left empty for another language
        "language": art.language,
        "text": art.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in art.removed],
        "sentences": [{"text": s.text, "span": [s.start, s.end]} for s in analysis.sentences],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "canonical_speaker": canonical.get(q.speaker or "", q.speaker),
                "direct": q.direct,
                "cue": q.cue,
                "span": [q.start, q.end],
                # the quoted words' own spans when the quote is joined from several parts
                **({"parts": [list(p) for p in q.parts]} if q.parts else {}),
                # where the speaker is named and the cue word is, when the text says
                "speaker_span": _span(q.speaker_start, q.speaker_end),
                "cue_span": _span(q.cue_start, q.cue_end),
                # who the article has the words from ("according to CNN"), when it says
                **({"via": q.via, "via_span": _span(q.via_start, q.via_end)} if q.via else {}),
            }
            for q in analysis.quotes
        ],
        "claims": [
            {
                "text": c.text,
                "number_text": c.number_text,
                "value": c.value,
                "upper": c.upper,
                "unit": c.unit,
                "thing": c.thing,
                "qualifier": c.qualifier,
                "claimant": c.claimant,
                "date": c.date,
                "span": [c.start, c.end],
            }
            for c in analysis.claims
        ],
        "times": [
            {"text": t.text, "value": t.value, "span": [t.start, t.end]} for t in analysis.times
        ],
        "entities": [
            {
                "text": e.text,
                "label": e.label,
                "canonical": e.canonical or canonical.get(e.text),
                "span": [e.start, e.end],
            }
            for e in analysis.entities
        ],
    }


def story_dict(story: StoryBrief) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": list(story.article_ids),
        "duplicates": dict(story.duplicates),
        "summary": [{"text": c.text, "sources": list(c.sources)} for c in story.summary],
        "facts": [
            {
                "text": f.text,
                "sources": list(f.sources),
                "support": f.support,
                "variants": [{"text": v.text, "sources": list(v.sources)} for v in f.variants],
            }
            for f in story.facts
        ],
        "figures": [
            {
                "value": f.value,
                # the top of a range ("10,000 to 12,000"); null for a single value
                "upper": f.upper,
                "unit": f.unit,
                # what is counted in the texts' words; null when only the unit is known
                "thing": f.thing,
                "qualifier": f.qualifier,
                # each qualifier with the sources that write it; a source missing from all
                # gives the number plain
                "qualifiers": [{"text": q.text, "sources": list(q.sources)} for q in f.qualifiers],
                "claimant": f.claimant,
                "date": f.date,
                # a forecast: every source dates it after its own publication ("by December")
                "expected": f.expected,
                "sources": list(f.sources),
                "texts": [{"text": t.text, "sources": list(t.sources)} for t in f.texts],
            }
            for f in story.figures
        ],
        "conflicts": [
            {
                "about": c.about,
                "kind": c.kind,
                "variants": [
                    {"value": v.value, "text": v.text, "sources": list(v.sources)}
                    for v in c.variants
                ],
            }
            for c in story.conflicts
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "variants": [
                    {"text": v.text, "sources": list(v.sources), **({"via": v.via} if v.via else {})}
                    for v in q.variants
                ],
            }
            for q in story.quotes
        ],
        "timeline": [
            {
                "date": t.date,
                # the last day of a range of days ("Oct. 27-28"); null for one date
                "end": t.end,
                "text": t.text,
                "sources": list(t.sources),
                "expected": t.expected,
            }
            for t in story.timeline
        ],
        "entities": [
            {
                "name": e.name,
                "label": e.label,
                "aliases": list(e.aliases),
                "sources": list(e.sources),
            }
            for e in story.entities
        ],
        "framing": [
            {"article_id": f.article_id, "headline": f.headline, "cues": list(f.cues)}
            for f in story.framing
        ],
    }


def _canonical_names(story: StoryBrief) -> dict[str, str]:
    names: dict[str, str] = {}
    for entity in story.entities:
        for alias in (entity.name, *entity.aliases):
            names.setdefault(alias, entity.name)
    return names


def to_dict(brief: Brief) -> dict[str, Any]:
    canonical_by_article: dict[str, dict[str, str]] = {}
    for story in brief.stories:
        names = _canonical_names(story)
        for article_id in story.article_ids:
            canonical_by_article[article_id] = names
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [article_dict(a, canonical_by_article.get(a.id)) for a in brief.articles],
        "stories": [story_dict(s) for s in brief.stories],
        "errors": [{"path": p.path, "error": p.error} for p in brief.errors],
    }


def to_json(brief: Brief) -> str:
    return json.dumps(to_dict(brief), ensure_ascii=False, indent=2) + "\n"
