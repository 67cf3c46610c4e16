"""What an engine does, and the in-process one."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, Self

from storyfuse import ingest, pipeline
from storyfuse.engines import pool
from storyfuse.engines.pool import WorkerPool, batches
from storyfuse.group import GroupConfig
from storyfuse.group.runs import group_on_workers
from storyfuse.model import Analysis, Document, Problem, Story

BATCH_SIZE = 32

Analysed = tuple[list[Analysis], list[Problem]]


class Engine(Protocol):
    def analyze(self, documents: Iterable[Document | Problem]) -> Analysed:
        """Clean and extract every document; failures become Problems, input order is kept."""

    def start(self, documents: Iterable[Document | Problem]) -> Callable[[], Analysed]:
        """``analyze`` begun: the workers set to it, and a call that waits for its result.
        The caller may do other work meanwhile (``storyfuse ingest`` stores the window
        before)."""

    def map(self, function: Callable, tasks: Sequence) -> list:
        """``function`` over ``tasks`` on the workers, results in task order."""

    def worker_count(self) -> int:
        """How many workers the engine has now."""

    def group(
        self,
        analyses: Sequence[Analysis],
        config: GroupConfig | None = None,
        runs: int | None = None,
    ) -> list[Story]:
        """Group analysed articles into stories on the workers (``group.runs``): in runs of
        consecutive days, one per worker by default, when the batch is large enough. The
        engines inherit this one implementation."""
        return group_on_workers(analyses, self.worker_count(), self.map, config, runs)

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


def split(
    results: Iterable[list[pipeline.Outcome]], problems: list[Problem]
) -> tuple[list[Analysis], list[Problem]]:
    """Each batch's outcomes (``pipeline.analyze_batch``), in input order, sorted into analyses
    and problems; the problems follow ``problems`` (those found before any analysis)."""
    analyses: list[Analysis] = []
    problems = list(problems)
    for outcomes in results:
        analyses += [o for o in outcomes if isinstance(o, Analysis)]
        problems += [o for o in outcomes if isinstance(o, Problem)]
    return analyses, problems


class LocalEngine(Engine):
    """This machine: this process, or ``workers`` worker processes (``engines.pool``) that
    share each call's documents in batches of ``pipeline.BATCH_SIZE``. By default one per usable
    core (``STORYFUSE_WORKERS`` sets the number), as ``storyfuse analyze`` does; each batch is
    still committed on its own. The pool starts with the first call that has more than one
    batch (a few articles stay in this process) and lasts until ``close``."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = pool.worker_count() if workers is None else workers
        self._pool: WorkerPool | None = None

    def analyze(self, documents: Iterable[Document | Problem]) -> Analysed:
        return self.start(documents)()

    def start(self, documents: Iterable[Document | Problem]) -> Callable[[], Analysed]:
        kept, problems = prepare(documents)
        tasks = batches(kept, pipeline.BATCH_SIZE)
        if self.workers > 1 and len(tasks) > 1:
            results = self._workers().submit(pipeline.analyze_batch, tasks)
            return lambda: split(results(), problems)
        # in this process: the work is done when the result is asked for
        return lambda: split(map(pipeline.analyze_batch, tasks), problems)

    def read_files(
        self, paths: list[str], encoding: str | None = None
    ) -> list[list[Document | Problem]]:
        """``ingest.read_files``, on the workers when there are several chunks of files to read
        (``ingest.read``'s ``read_many``)."""
        if self.workers > 1 and len(paths) > pool.READ_CHUNK:
            return self._workers().read_files(paths, encoding)
        return ingest.read_files(paths, encoding)

    def worker_count(self) -> int:
        return self.workers

    def map(self, function: Callable, tasks: Sequence) -> list:
        if self.workers > 1 and len(tasks) > 1:
            return self._workers().map(function, tasks)
        return [function(task) for task in tasks]

    def _workers(self) -> WorkerPool:
        if self._pool is None:
            self._pool = WorkerPool(self.workers)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
