"""The per-article stages on a dask.distributed cluster.

``DaskEngine(scheduler="tcp://host:8786")`` connects to a running scheduler; without one it
starts a LocalCluster on this machine. Documents travel to the workers in batches (one task per
batch keeps the scheduler's per-task overhead small next to ~50 ms of spaCy per article) and the
results are gathered in input order. Workers need storyfuse installed, with its models.

HTML pages are read (their extraction, ~45 ms a page) on the workers too, in chunks of
``READ_CHUNK`` files, when the workers see the files: always for a cluster started here, and for
a remote one when a worker finds the first file of the call at the same path (a shared file
system). Otherwise this process reads them and sends the text.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any, Self

from storyfuse import ingest, pipeline
from storyfuse.engines.base import BATCH_SIZE, Analysed, Engine, batches, prepare, split
from storyfuse.engines.pool import READ_CHUNK
from storyfuse.model import Document, Problem


class DaskEngine(Engine):
    def __init__(
        self,
        scheduler: str | None = None,
        workers: int = 2,
        processes: bool = True,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        from dask.distributed import Client, LocalCluster

        self.batch_size = batch_size
        self._cluster: Any = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="20s")
            except OSError as exc:
                raise OSError(f"cannot reach the dask scheduler at {scheduler}: {exc}") from exc
        else:
            self._cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,
            )
            self.client = Client(self._cluster)

    def analyze(self, documents: Iterable[Document | Problem]) -> Analysed:
        return self.start(documents)()

    def start(self, documents: Iterable[Document | Problem]) -> Callable[[], Analysed]:
        kept, problems = prepare(documents)
        # one task per batch: the function a single process runs over each of its batches
        tasks = batches(kept, self.batch_size)
        futures = self.client.map(pipeline.analyze_batch, tasks, pure=False)
        return lambda: split(self.client.gather(futures), problems)

    def read_files(
        self, paths: list[str], encoding: str | None = None
    ) -> list[list[Document | Problem]]:
        """``ingest.read_files`` on the workers when they see the files (``ingest.read``'s
        ``read_many``); in this process otherwise, or for a single chunk."""
        chunks = batches([(path, os.path.abspath(path)) for path in paths], READ_CHUNK)
        if len(chunks) < 2 or not self._workers_see(paths[0]):
            return ingest.read_files(paths, encoding)
        futures = self.client.map(read_at, chunks, encoding=encoding, pure=False)
        return [items for chunk in self.client.gather(futures) for items in chunk]

    def worker_count(self) -> int:
        return len(self.client.scheduler_info().get("workers", {})) or 1

    def map(self, function: Callable, tasks: Sequence) -> list:
        return list(self.client.gather(self.client.map(function, list(tasks), pure=False)))

    def _workers_see(self, path: str) -> bool:
        """Whether a worker finds ``path`` where this process does (a cluster started here
        always does)."""
        if self._cluster is not None:
            return True
        found = os.path.exists(os.path.abspath(path))
        return found and bool(self.client.submit(os.path.exists, os.path.abspath(path)).result())

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_at(
    files: list[tuple[str, str]], encoding: str | None = None
) -> list[list[Document | Problem]]:
    """A worker's task: ``ingest.read_files`` over (path as given, absolute path) pairs,
    reading at the absolute path (a remote worker has another working directory) and giving
    each item the path as given, as reading in the client does."""
    read = ingest.read_files([where for _, where in files], encoding)
    return [
        [replace(item, path=given) if item.path == where else item for item in items]
        for (given, where), items in zip(files, read, strict=True)
    ]
