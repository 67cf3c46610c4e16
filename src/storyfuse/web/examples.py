"""Example responses of the JSON API, shown in the OpenAPI document (``/openapi.json``)."""

from __future__ import annotations

from typing import Any

STORIES = {
    "total": 1,
    "limit": 50,
    "offset": 0,
    "stories": [
        {
            "id": "s85d3e0f23f91",
            "title": "Harbour Bridge reopens Monday",
            "articles": 3,
            "outlets": 3,
            "first": "2031-03-04",
            "last": "2031-03-05",
            "conflicts": 1,
            "outlet_names": ["City Wire", "Daily Courier", "Evening Post"],
        }
    ],
}

STORY = {
    "story": {
        "id": "s85d3e0f23f91",
        "title": "Harbour Bridge reopens Monday",
        "article_ids": ["bridge-a", "bridge-b", "bridge-c"],
        "summary": [{"text": "The Harbour Bridge reopens on Monday after repairs.", "sources": ["bridge-a"]}],
        "conflicts": [
            {
                "about": "reopening date",
                "kind": "date",
                "variants": [
                    {"value": "2031-03-06", "text": "The bridge reopens on Monday.", "sources": ["bridge-a"]},
                    {"value": "2031-03-07", "text": "Traffic returns on Tuesday.", "sources": ["bridge-b"]},
                ],
            }
        ],
        "facts": [],
        "figures": [],
        "quotes": [],
        "timeline": [],
    },
    "sources": [
        {"id": "bridge-a", "n": 1, "title": "Harbour Bridge reopens Monday", "outlet": "Daily Courier",
         "outlet_name": "Daily Courier", "published": "2031-03-04", "published_from": "metadata",
         "authors": [], "url": "https://courier.example/bridge", "copy_of": None}
    ],
    "summary": [
        {
            "text": "The Harbour Bridge reopens on Monday after repairs.",
            "sources": ["bridge-a"],
            "cites": [{"article_id": "bridge-a", "n": 1, "sentence": 0, "fragment": "s0",
                       "title": "Harbour Bridge reopens Monday"}],
        }
    ],
    "matrix": {"outlets": ["City Wire", "Daily Courier"], "rows": [
        {"text": "The bridge reopens on Monday.", "support": 2, "cells": [True, True]}],
        "omissions": {"City Wire": 0, "Daily Courier": 0}},
    "charts": {"figures": [], "timeline": None},
}

ARTICLE = {
    "article": {
        "id": "bridge-a",
        "title": "Harbour Bridge reopens Monday",
        "outlet": "Daily Courier",
        "published": "2031-03-04",
        "text": "The Harbour Bridge reopens on Monday after repairs. ...",
        "removed": [{"text": "Subscribe to our newsletter", "reason": "call to action"}],
        "sentences": [{"text": "The Harbour Bridge reopens on Monday after repairs.", "span": [0, 51]}],
        "quotes": [{"text": "We will rebuild every span of this bridge.", "speaker": "Ana Ruiz",
                    "span": [73, 115]}],
        "claims": [],
        "times": [{"text": "Monday", "value": "2031-03-06", "span": [31, 37]}],
        "entities": [{"text": "Ana Ruiz", "label": "PERSON", "canonical": None, "span": [58, 66]}],
    },
    "story": {"id": "s85d3e0f23f91", "title": "Harbour Bridge reopens Monday"},
}

ENTITY = {
    "name": "Ana Ruiz",
    "labels": ["PERSON"],
    "items": [
        {"kind": "quote", "text": "We will rebuild every span of this bridge.", "article_id": "bridge-a",
         "story_id": "s85d3e0f23f91", "date": "2031-03-04", "outlet": "Daily Courier",
         "title": "Harbour Bridge reopens Monday", "detail": "direct", "fragment": "q0"}
    ],
    "mentions": [{"article_id": "bridge-a", "title": "Harbour Bridge reopens Monday",
                  "outlet": "Daily Courier", "published": "2031-03-04",
                  "story_id": "s85d3e0f23f91", "count": 1}],
    "stories": [{"id": "s85d3e0f23f91", "title": "Harbour Bridge reopens Monday"}],
    "chart": None,
}

SEARCH = {
    "q": "rebuild",
    "hits": [
        {"kind": "quote", "article_id": "bridge-a", "story_id": "s85d3e0f23f91",
         "title": "Harbour Bridge reopens Monday", "text": "We will rebuild every span of this bridge.",
         "who": "Ana Ruiz", "published": "2031-03-04", "outlet": "Daily Courier", "fragment": "q0"}
    ],
}

UPLOAD = {
    "id": "3f9c2b7a1d0e4c55",
    "files": ["ferry_strike.txt"],
    "encoding": None,
    "outlet": None,
    "state": "done",
    "analysed": 1,
    "total": 1,
    "story_ids": ["sebe4e1ece58e"],
    "article_ids": ["ferry_strike"],
    "errors": [],
    "message": "1 article(s) analysed, 0 skipped",
    "created": 1700000000.0,
    "finished": 1700000004.2,
    "done": True,
    "stories": [{"id": "sebe4e1ece58e", "title": "Island ferry crews walk out over night-shift rota"}],
}


def example(value: dict[str, Any], status: int = 200) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a FastAPI route: the example shown for its JSON answer."""
    return {status: {"content": {"application/json": {"example": value}}}}
