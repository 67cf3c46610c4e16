"""The per-article stages on a dask.distributed cluster.

``DaskEngine(scheduler="tcp://host:8786")`` connects to a running scheduler; without one it
starts a LocalCluster on this machine. Documents travel to the workers in batches (one task per
batch keeps the scheduler's per-task overhead small next to ~50 ms of spaCy per article) and the
results are gathered in input order. Workers need storyfuse installed, with its models.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Self

from storyfuse import pipeline
from storyfuse.engines.base import BATCH_SIZE, Analysed, batches, prepare, split
from storyfuse.model import Document, Problem


class DaskEngine:
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

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
