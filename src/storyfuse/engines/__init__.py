"""Where the per-article stages run, chosen by name: ``local`` (this process) or ``dask``
(a dask.distributed cluster). Every engine gives the same result as a single process: the
documents are analysed in batches by ``pipeline.analyze_documents`` and come back in input
order; grouping then runs where the results are gathered (it is one online index).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from storyfuse.engines.base import Engine, LocalEngine, prepare
from storyfuse.engines.dask_engine import DaskEngine
from storyfuse.group import group
from storyfuse.model import Analysis, Document, Problem, Story

ENGINES: dict[str, Callable[..., Engine]] = {
    "local": LocalEngine,
    "dask": DaskEngine,
}


def get_engine(name: str = "local", **options: object) -> Engine:
    """An engine by name; ``options`` go to its constructor (dask: ``scheduler``, ``workers``)."""
    try:
        factory = ENGINES[name]
    except KeyError:
        raise ValueError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}") from None
    return factory(**options)


def analyze_and_group(
    documents: Iterable[Document | Problem], engine: Engine
) -> tuple[list[Analysis], list[Problem], list[Story]]:
    """Per-article stages on ``engine``, then grouping: what ``analyze`` does, distributed."""
    analyses, problems = engine.analyze(documents)
    return analyses, problems, group(analyses)


__all__ = [
    "ENGINES",
    "DaskEngine",
    "Engine",
    "LocalEngine",
    "analyze_and_group",
    "get_engine",
    "prepare",
]
