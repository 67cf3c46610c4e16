"""Where the per-article stages run, chosen by name: ``local`` (this process, or a pool of
worker processes on this machine: ``engines.pool``) or ``dask`` (a dask.distributed cluster).
Every engine gives the same result as a single process: the documents are analysed in
batches and come back in input order. ``Engine.group`` groups them on the same workers when the
batch is large: one run of consecutive days per worker, each of at least ``RUN_ARTICLES``
articles, stitched where the runs meet (``group.runs``); a smaller batch is grouped in one pass
(the online index, then one consolidation) in the process that gathered the results.
``storyfuse ingest`` groups online into its store's index, in the process that writes.

The local pool forks its workers after the models are loaded, so they start at once and share
the models' memory. Two workers spend about the same CPU time as one process (4 % more), so on
two free cores they take less wall time: bench/pipeline.py, 500 articles on an idle machine,
on two workers 19.5 articles/s for the seeds repeated (12.1 on one process), 15.7 for 500
distinct news articles (9.3), 13.1 for real HTML pages, whose reading (trafilatura) the
workers also do (6.4).

Measured (idle 2-core machine; ``storyfuse ingest`` of 88 news pages + 5 seeds, HTML through
clean and extract, into SQLite, model loading included): local, one process 20 s; local, two
workers 15 s (they read the pages too; 93 articles are only a few batches); dask, LocalCluster
of 2 worker processes, 22 s, including starting the workers, each loading spaCy; its workers
read the pages too (23 s when the client read them, same run). All three give the same 80
stories.
Grouping alone: 100k articles in 107 s at 1.7 GB peak in one pass (bench/grouping.py).

Estimate for 10 million articles on 10 nodes of 8 cores (80 worker processes):
- ingest + clean + extract is ~0.11 s of one core per distinct news article of ~5,000
  characters (9.3 articles/s per process in bench/pipeline.py; the spaCy parse alone ~0.07 s)
  and ~0.16 s per HTML page (6.4/s: trafilatura's extraction on top), so ~10M / 80 / 6.4 per s
  = 5.4 hours for pages; it is embarrassingly parallel and dominates.
- grouping a batch (``Engine.group``) in runs: bench/grouping.py, 100,000 synthetic articles
  over a year on 2 worker processes, 82-88 s against 106-114 s in one pass (features 27 s,
  the two runs 44.5 s side by side, the stitch 2.7 s), the B-cubed agreement with the one pass 0.989
  (synthetic events: 0.862 against 0.867); 40,000: 26 s against 36 s, agreement 0.996. The
  features barely gain on 2 cores (the one pass's embedding already uses both); the runs
  scale with the workers, and the stitch holds only the stories within ``window_days`` of a
  cut. With 80 runs of 125,000 articles each (~2.5 minutes a run at the rate measured) the
  grouping of 10M would take minutes, but this process holds every article's features
  (3.4 KB each in memory, 2 KB pickled, measured on 10,000: ~34 GB at 10M) and the stitch's
  stories, so a batch grouped this way must fit one machine's memory.
- grouping into a store is one sequential online index: ~1.1 ms per article measured at 100k,
  so ~3 hours for 10M in one process, which overlaps with the analysis as batches arrive. Its
  memory (~20 KB per article in Python objects) would reach ~200 GB, so at that scale the index must
  keep only the recent stories in memory (an article can only join stories within
  ``window_days`` of its date): ``ingest --keep-days N`` (``GroupConfig.retain_days``) holds
  the stories active in the last N days and lets older ones go, stored as they are; a store
  opened with it loads only those (plus every article's terms, for the word weights).
  bench/store_writes.py, 20,000 articles over a year with 30 days kept: 1,917 held at the end,
  376 MB peak against 625 MB, 126 ms per window of 32 at the end (254 articles/s), as the
  index searched stays small. Opening a store that holds everything rebuilds the whole index:
  measured 4.5 s and ~300 MB for 20,000 articles on SQLite (about 40 minutes and 150 GB at
  10M). Not done: the store's online grouping on several machines.
- the database holds per article the cleaned text and analysis JSON (~20-40 KB), grouping
  features (~2 KB), extracted rows and the search index: roughly 300-500 GB for 10M in
  PostgreSQL; the workers never touch it, the driver writes in batched transactions. A
  window's write costs the same at any size: only the stories it changed are rewritten
  (bench/store_writes.py: ~170 ms per 32 articles on SQLite from 12,000 to 20,000 articles,
  most of it the grouping, against 594-676 ms and growing when every story was rewritten).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from storyfuse.engines.base import Engine, LocalEngine, prepare
from storyfuse.engines.dask_engine import DaskEngine
from storyfuse.group.runs import RUN_ARTICLES
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
    documents: Iterable[Document | Problem], engine: Engine, runs: int | None = None
) -> tuple[list[Analysis], list[Problem], list[Story]]:
    """Per-article stages on ``engine``, then grouping on it too (``Engine.group``; ``runs``:
    how many runs of consecutive days, by default one per worker for a large batch): what
    ``analyze`` does, distributed."""
    analyses, problems = engine.analyze(documents)
    return analyses, problems, engine.group(analyses, runs=runs)


__all__ = [
    "ENGINES",
    "RUN_ARTICLES",
    "DaskEngine",
    "Engine",
    "LocalEngine",
    "analyze_and_group",
    "get_engine",
    "prepare",
]
