"""How records become database values and back: the one place the store serialises them.

Analyses are kept as JSON (a generic codec over the frozen dataclasses of ``model.py``, so a new
optional field needs no change here); grouping features as compact binary columns.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

import numpy as np

from storyfuse.group.features import ArticleFeatures
from storyfuse.model import Analysis, Word

T = TypeVar("T")


# Records stored as a list of their fields in order rather than a dict: an article holds
# hundreds of content words, and their field names would take half the space.
AS_ROWS: tuple[type, ...] = (Word,)


def to_plain(record: Any) -> Any:
    """A dataclass (recursively) as JSON-ready dicts and lists (``AS_ROWS`` records as
    lists of their fields)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        values = [(f.name, to_plain(getattr(record, f.name))) for f in dataclasses.fields(record)]
        if isinstance(record, AS_ROWS):
            return [v for _, v in values]
        return dict(values)
    if isinstance(record, (list, tuple)):
        return [to_plain(v) for v in record]
    if isinstance(record, dict):
        return {k: to_plain(v) for k, v in record.items()}
    return record


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = get_args(hint)
        item = args[0] if args else Any
        return tuple(_convert(item, v) for v in value)
    if origin is dict:
        return dict(value)
    if origin is typing.Literal:
        return value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if isinstance(value, list):
            return hint(*value)
        return from_plain(hint, value)
    return value


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a dataclass from ``to_plain`` output; unknown keys are ignored."""
    hints = get_type_hints(cls)
    kwargs = {
        f.name: _convert(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in data
    }
    return cls(**kwargs)


def analysis_json(analysis: Analysis) -> str:
    return json.dumps(to_plain(analysis), ensure_ascii=False, separators=(",", ":"))


def analysis_from_json(text: str | dict[str, Any]) -> Analysis:
    data = json.loads(text) if isinstance(text, str) else text
    return from_plain(Analysis, data)


def features_row(features: ArticleFeatures) -> dict[str, Any]:
    return {
        "vector": features.vector.astype(np.float32).tobytes(),
        "terms": features.terms,
        "day": features.day,
        "signature": features.signature.astype(np.uint64).tobytes(),
    }


def terms_of(value: Any) -> dict[str, int]:
    """A stored ``terms`` column: a JSON object (PostgreSQL) or its text (SQLite)."""
    return value if isinstance(value, dict) else json.loads(value)


def features_from_row(article_id: str, row: Any) -> ArticleFeatures:
    terms = terms_of(row.terms)
    return ArticleFeatures(
        id=article_id,
        vector=np.frombuffer(bytes(row.vector), dtype=np.float32),
        terms={sys.intern(t): c for t, c in terms.items()},  # shared strings, as features_of
        day=row.day,
        signature=np.frombuffer(bytes(row.signature), dtype=np.uint64),
    )
