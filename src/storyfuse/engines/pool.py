"""Worker processes on this machine for the per-article stages, each with the models loaded
once.

spaCy holds the GIL while it parses, so threads do not help; processes do. Where it is safe
(Linux, and no other thread running in this process) the workers are forked after the models
are loaded here, so they start at once and share the model's memory pages with this process;
elsewhere they start fresh (``forkserver`` or ``spawn``) and each loads the models itself.

A task is one batch of documents (``pipeline.analyze_batch``); batches come back in input
order. The result equals that of one process: each batch is analysed by the same function,
and a parse does not depend on the other texts of its batch (tests/engines).
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Self, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def usable_cpus() -> int:
    """The cores this process may run on (its affinity mask, not the machine's total)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def requested_workers() -> int | None:
    """``STORYFUSE_WORKERS``: how many worker processes the user asks for (None: not set)."""
    value = os.environ.get("STORYFUSE_WORKERS", "").strip()
    if not value:
        return None
    try:
        return max(1, int(value))
    except ValueError:
        raise ValueError(
            f"STORYFUSE_WORKERS must be a whole number of processes, not {value!r}"
        ) from None


# Memory one more worker may take: the parse of a batch and the copy-on-write pages of the
# models it touches (the two workers of bench/pipeline.py held about 0.7 GB each, PSS).
WORKER_MEMORY = 1_000_000_000


def worker_count() -> int:
    """How many worker processes to use: ``STORYFUSE_WORKERS`` if set, else the usable cores,
    as many as the memory available now can hold (``WORKER_MEMORY`` each)."""
    requested = requested_workers()
    if requested is not None:
        return requested
    import psutil

    fits = int(psutil.virtual_memory().available // WORKER_MEMORY)
    return max(1, min(usable_cpus(), fits))


# Files read together by one worker (``WorkerPool.read_files``).
READ_CHUNK = 8


def batches(items: Sequence[T], size: int) -> list[list[T]]:
    """``items`` cut into consecutive lists of ``size`` (the last may be shorter)."""
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def load_models() -> None:
    """Load what the per-article stages need, once per process, and fill their caches."""
    from storyfuse.clean.language import identifier
    from storyfuse.extract.nlp import nlp

    nlp()
    identifier()
    warm_up()


# A made-up article, as a text file and as a page, that reaches the stages' lazily built tables.
_SAMPLE = (
    "Harbour bridge reopens after repairs\n"
    "By Ana Ruiz\n"
    "March 4, 2024\n\n"
    "The Harbour Bridge in Varnia reopens on Monday after three months of repairs costing "
    "$12 million, the city said on Tuesday. \"We will rebuild every span,\" Mayor Ana Ruiz "
    "told reporters. About 1,500 workers took part, according to the union.\n\n"
    "Subscribe to our newsletter.\n"
)
_SAMPLE_PAGE = (
    "<html><head><title>Harbour bridge reopens after repairs</title>"
    '<meta property="article:published_time" content="2024-03-04T09:00:00Z"></head>'
    "<body><article><h1>Harbour bridge reopens after repairs</h1>"
    + "".join(f"<p>{line}</p>" for line in _SAMPLE.split("\n\n")[1:])
    + "</article></body></html>"
)


@functools.cache
def warm_up() -> tuple:
    """Read and analyse the sample article once. The stages build some tables on first use
    (the time finder's prefix filter, the stop lists, dateparser's time zones, the place
    gazetteer): about 1.8 s that the first batch would otherwise pay in each worker. Built
    here, before the workers fork, they are built once and shared. Gives the sample's
    outcomes."""
    from storyfuse import pipeline
    from storyfuse.ingest.readers import read_html, read_text

    documents = [
        *read_text("sample.txt", _SAMPLE.encode()),
        *read_html("sample.html", _SAMPLE_PAGE.encode()),
    ]
    return tuple(pipeline.analyze_batch([d for d in documents if isinstance(d, pipeline.Document)]))


# prctl(2) option: the signal this process gets when the process that started it dies
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """A worker ends when the process that started it ends, however that ended: after a
    kill -9 of ``storyfuse ingest`` its workers would otherwise wait for batches forever, each
    holding a model in memory (and the output pipes of the killed command open)."""
    parent = os.getppid()
    if sys.platform == "linux":
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    else:

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, name="storyfuse-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # it died before the signal was asked for
        os._exit(1)


def _start_worker() -> None:
    _die_with_parent()
    load_models()


def _can_fork() -> bool:
    # Forking a process that runs other threads can copy a lock another thread holds.
    return sys.platform == "linux" and threading.active_count() == 1


class WorkerPool:
    """``workers`` processes; use as a context manager, or call ``close``.

    Forked workers share this process's memory pages until they write to them, and Python's
    cyclic garbage collector writes to every object it examines. The objects alive when the
    pool starts (the loaded models, mostly) are therefore frozen out of the collector's reach
    while the pool runs (``gc.freeze``, as Python's documentation advises before a fork): on
    bench/pipeline.py's two workers this took about a tenth off the CPU time. ``close`` gives
    them back to the collector."""

    def __init__(self, workers: int) -> None:
        self._frozen = False
        if _can_fork():
            load_models()  # before the fork: the workers inherit the loaded models
            gc.collect()
            gc.freeze()
            self._frozen = True
            context: multiprocessing.context.BaseContext = multiprocessing.get_context("fork")
        else:
            method = (
                "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            )
            context = multiprocessing.get_context(method)
        self.workers = workers
        self._executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_start_worker
        )

    def map(
        self,
        function: Callable[[T], R],
        tasks: Sequence[T],
        done: Callable[[int], None] | None = None,
    ) -> list[R]:
        """``function`` over ``tasks`` on the workers, results in task order. A task's
        exception is raised here; a worker that dies (killed, out of memory) raises
        ``concurrent.futures.process.BrokenProcessPool``. ``done(k)`` is called as task ``k``'s
        result is taken, in task order (for a progress display)."""
        return self.submit(function, tasks, done)()

    def submit(
        self,
        function: Callable[[T], R],
        tasks: Sequence[T],
        done: Callable[[int], None] | None = None,
    ) -> Callable[[], list[R]]:
        """``map`` begun: the tasks are handed to the workers now, and the call returned waits
        for their results, in task order."""
        futures = [self._executor.submit(function, task) for task in tasks]

        def results() -> list[R]:
            out = []
            for k, future in enumerate(futures):
                out.append(future.result())
                if done is not None:
                    done(k)
            return out

        return results

    def read_files(self, paths: list[str], encoding: str | None = None) -> list[list]:
        """``ingest.read_files`` on the workers, in chunks of ``READ_CHUNK`` files: reading
        an HTML page (its extraction) costs about half as much as analysing it. A single
        chunk is read here, and starts no worker."""
        from storyfuse import ingest

        chunks = batches(paths, READ_CHUNK)
        if len(chunks) < 2:
            return ingest.read_files(paths, encoding)
        read = functools.partial(ingest.read_files, encoding=encoding)
        return [items for chunk in self.map(read, chunks) for items in chunk]

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
