"""What an engine does, and the in-process one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from storyfuse import pipeline
from storyfuse.engines import pool
from storyfuse.engines.pool import WorkerPool, batches
from storyfuse.model import Analysis, Document, Problem

BATCH_SIZE = 32


class Engine(Protocol):
    def analyze(
        self, documents: Iterable[Document | Problem]
    ) -> tuple[list[Analysis], list[Problem]]:
        """Clean and extract every document; failures become Problems, input order is kept."""

    def close(self) -> None: ...


def prepare(
    documents: Iterable[Document | Problem],
) -> tuple[list[Document], list[Problem]]:
    """Split read problems from documents and drop repeated ids (the first one wins), so that
    batches can be analysed independently and still agree with one sequential pass."""
    kept: list[Document] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for item in documents:
        if isinstance(item, Problem):
            problems.append(item)
        elif item.id in seen:
            problems.append(Problem(item.path, f"duplicate article id {item.id!r}; skipped"))
        else:
            seen.add(item.id)
            kept.append(item)
    return kept, problems


class LocalEngine:
    """This machine: this process, or ``workers`` worker processes (``engines.pool``) that
    share each call's documents in batches of ``pipeline.BATCH_SIZE``. By default one process
    (``storyfuse ingest`` commits batch by batch), unless ``STORYFUSE_WORKERS`` asks for more.
    The pool starts with the first call that has more than one batch and lasts until
    ``close``."""

    def __init__(self, batch_size: int = BATCH_SIZE, workers: int | None = None) -> None:
        self.batch_size = batch_size
        self.workers = (pool.requested_workers() or 1) if workers is None else workers
        self._pool: WorkerPool | None = None

    def analyze(
        self, documents: Iterable[Document | Problem]
    ) -> tuple[list[Analysis], list[Problem]]:
        kept, problems = prepare(documents)
        analyses: list[Analysis] = []
        tasks = batches(kept, pipeline.BATCH_SIZE)
        if self.workers > 1 and len(tasks) > 1:
            if self._pool is None:
                self._pool = WorkerPool(self.workers)
            for outcomes in self._pool.map(pipeline.analyze_batch, tasks):
                analyses += [o for o in outcomes if isinstance(o, Analysis)]
                problems += [o for o in outcomes if isinstance(o, Problem)]
            return analyses, problems
        for batch in batches(kept, self.batch_size):
            done, failed = pipeline.analyze_documents(batch)
            analyses += done
            problems += failed
        return analyses, problems

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
