"""Articles per second per stage, end to end on one and on several processes, and peak memory,
on the bundled seeds repeated to N articles (or on a folder of articles).

    python -m bench.pipeline [--n 500] [--workers 2] [--corpus FOLDER]

All rows come from one run, so they share the machine's load:

- per stage, in this process: ingest, clean, extract (spaCy parse of the texts in batches plus
  the quote, claim and time finders), group; fuse and render for scale;
- baseline: spaCy's pipeline alone over the same cleaned texts, in the same batches as
  extract: the floor under the extract stage; and the same model as spaCy loads it by default
  (BLIS for its matrix products, the model's own attribute ruler), against storyfuse's (numpy's
  BLAS, ``storyfuse.extract.nlp.MODEL_OPS``; the tag map and word-set rules of
  ``nlp._tag_map_apart``);
- end to end, ingest+clean+extract+group: in one process (the sum of the stage rows, which is
  what ``pipeline.analyze_all(workers=1)`` runs), and on ``--workers`` processes: one timed run
  of ingest and ``pipeline.analyze_all`` as ``storyfuse analyze`` runs them (the workers read
  the pages, then analyse them), plus the group row (grouping is one online index over the
  gathered analyses, in this process either way). That run must give the same analyses as the
  stage rows; the benchmark fails otherwise.

Wall-clock rates depend on what else the machine runs; the CPU columns (this process plus the
workers) do less, and the load average after the run is recorded with the results.

Model loading is start-up, not per-article work: the models are loaded before any timing
(the workers fork after it and share them). Peak memory: this process's peak resident set,
and for the multi-process run the peak of the summed proportional set size (PSS: shared pages
split between the processes that share them) of this process and its workers, sampled every
0.2 s.
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from bench.common import peak_rss_mb, print_table, rate, write_results

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
PER_ARTICLE = ("ingest", "clean", "extract", "group")


SOURCES = ("*.txt", "*.html", "*.htm", "*.html.gz")


def make_corpus(folder: Path, n: int, source: Path = SEEDS) -> None:
    """The source articles (plain text, or HTML pages, gzipped or not) copied to n files; each
    copy of a text gets a distinct last line, each copy of a page a distinct closing comment,
    so that ids and hashes differ."""
    files = sorted(p for pattern in SOURCES for p in source.glob(pattern))
    if not files:
        raise SystemExit(f"{source}: no .txt, .html or .html.gz articles to copy")
    for i in range(n):
        original = files[i % len(files)]
        name = original.name
        if name.endswith(".txt"):
            body = original.read_text(encoding="utf-8")
            (folder / f"{i:05d}_{name}").write_text(body + f"\n\nCopy {i}.\n", encoding="utf-8")
            continue
        data = original.read_bytes()
        if name.endswith(".gz"):
            data, name = gzip.decompress(data), name[: -len(".gz")]
        (folder / f"{i:05d}_{name}").write_bytes(data + f"\n<!-- copy {i} -->\n".encode())


# Run in a separate process, so that this one keeps a single thread and the pool may fork.
SAMPLER = """
import sys, time
import psutil
root, every, me = psutil.Process(int(sys.argv[1])), float(sys.argv[2]), psutil.Process()
peak = 0.0

def pss(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return next(int(l.split()[1]) for l in rollup if l.startswith("Pss:")) / 1024
    except (OSError, StopIteration):
        return 0.0

while True:
    pids = [root.pid] + [c.pid for c in root.children(recursive=True) if c.pid != me.pid]
    peak = max(peak, sum(pss(pid) for pid in pids))
    print(peak, flush=True)
    time.sleep(every)
"""


@contextmanager
def tree_memory(out: dict[str, float], every: float = 0.2) -> Iterator[None]:
    """Sample the PSS (Linux ``smaps_rollup``) of this process and its children while the
    block runs; the peak of the sum goes to ``out["peak_pss_mb"]``."""
    sampler = subprocess.Popen(
        [sys.executable, "-c", SAMPLER, str(os.getpid()), str(every)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield
    finally:
        sampler.terminate()
        lines = sampler.communicate()[0].split()
        out["peak_pss_mb"] = float(lines[-1]) if lines else float("nan")


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers)."""
    me, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def run(n: int, workers: int, corpus: Path) -> dict:
    from storyfuse import fuse, group, ingest, pipeline, render
    from storyfuse.embed import embed
    from storyfuse.engines.pool import WorkerPool, load_models
    from storyfuse.extract import extract, nlp
    from storyfuse.model import Article, Brief, Document

    load_models()
    rows: list[dict] = []

    def row(stage: str, articles: int, seconds: float, cpu: float, **extra: object) -> None:
        rows.append(
            {"stage": stage, "articles": articles, "seconds": seconds, "cpu_seconds": cpu,
             "articles_per_s": rate(articles, seconds), "articles_per_cpu_s": rate(articles, cpu),
             **extra, "peak_rss_mb": peak_rss_mb()}
        )  # fmt: skip

    folder = Path(tempfile.mkdtemp())
    try:
        make_corpus(folder, n, corpus)

        t, c = time.perf_counter(), cpu_seconds()
        documents = [d for d in ingest.read([str(folder)]) if isinstance(d, Document)]
        row("ingest", len(documents), time.perf_counter() - t, cpu_seconds() - c)

        t, c = time.perf_counter(), cpu_seconds()
        articles = [pipeline.clean_document(d) for d in documents]
        row("clean", len(articles), time.perf_counter() - t, cpu_seconds() - c)

        texts = [a.text for a in articles]
        t, c = time.perf_counter(), cpu_seconds()
        for start in range(0, len(texts), pipeline.BATCH_SIZE):
            nlp.parse_many(texts[start : start + pipeline.BATCH_SIZE])
        row(
            "baseline: spaCy pipeline alone", len(texts), time.perf_counter() - t, cpu_seconds() - c
        )

        # The same model as spaCy loads it by default (thinc's BLIS products, the model's own
        # attribute ruler), for the gain of storyfuse.extract.nlp.MODEL_OPS and of its faster
        # attribute rules on this machine.
        import spacy

        stock = spacy.load(nlp.MODEL_PACKAGE)
        t, c = time.perf_counter(), cpu_seconds()
        with nlp.one_blas_thread():
            for start in range(0, len(texts), pipeline.BATCH_SIZE):
                list(stock.pipe(texts[start : start + pipeline.BATCH_SIZE]))
        row(
            "baseline: spaCy pipeline as spaCy loads it",
            len(texts),
            time.perf_counter() - t,
            cpu_seconds() - c,
        )
        del stock

        t, c = time.perf_counter(), cpu_seconds()
        analyses = []
        for start in range(0, len(articles), pipeline.BATCH_SIZE):
            batch: list[Article] = articles[start : start + pipeline.BATCH_SIZE]
            docs = nlp.parse_many([a.text for a in batch])
            analyses += [extract(a, doc) for a, doc in zip(batch, docs, strict=True)]
        row("extract", len(analyses), time.perf_counter() - t, cpu_seconds() - c)

        # The pool forks only while this process runs one thread: before the embedder loads
        # (it starts tqdm's monitor thread), as in ``storyfuse analyze``.
        memory: dict[str, float] = {}
        with tree_memory(memory):
            t, c = time.perf_counter(), cpu_seconds()
            # as ``storyfuse analyze`` runs it: the workers read the pages and analyse them
            with WorkerPool(workers) as shared:
                read = ingest.read([str(folder)], read_many=shared.read_files)
                done, problems = pipeline.analyze_all(read, workers, shared)
            pooled, pooled_cpu = time.perf_counter() - t, cpu_seconds() - c
        if done != analyses or problems:
            raise SystemExit("the multi-process run analysed the articles differently")

        embed(["grouping's embedding model is loaded before the timing"])
        t, c = time.perf_counter(), cpu_seconds()
        stories = group.group(analyses)
        row("group", len(analyses), time.perf_counter() - t, cpu_seconds() - c)
        stages = [r for r in rows if r["stage"] in PER_ARTICLE]
        row(
            "ingest+clean+extract+group, 1 process",
            n,
            sum(r["seconds"] for r in stages),
            sum(r["cpu_seconds"] for r in stages),
        )
        # Grouping is one online index: it runs in this process on the gathered analyses.
        grouping = rows[-2]
        row(
            f"ingest+clean+extract+group, {workers} workers",
            n,
            pooled + grouping["seconds"],
            pooled_cpu + grouping["cpu_seconds"],
            **memory,
        )

        # Fuse one story per seed-sized cluster: a 500-copy story is not what fusion is for.
        by_id = {a.id: a for a in analyses}
        t, c = time.perf_counter(), cpu_seconds()
        five = [replace(s, article_ids=s.article_ids[:5]) for s in stories]
        briefs = [fuse.fuse(s, by_id) for s in five]
        fused = sum(len(s.article_ids) for s in five)
        row("fuse (5 articles per story)", fused, time.perf_counter() - t, cpu_seconds() - c)

        t, c = time.perf_counter(), cpu_seconds()
        render.render(Brief(articles=tuple(analyses), stories=tuple(briefs)), "json")
        row("render json", len(analyses), time.perf_counter() - t, cpu_seconds() - c)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    by_stage = {r["stage"]: r for r in rows}
    return {
        "n": n,
        "corpus": str(corpus),
        "workers": workers,
        "batch_size": pipeline.BATCH_SIZE,
        "stages": rows,
        "end_to_end_articles_per_s": {
            "1 process": by_stage["ingest+clean+extract+group, 1 process"]["articles_per_s"],
            f"{workers} workers": by_stage[f"ingest+clean+extract+group, {workers} workers"][
                "articles_per_s"
            ],
        },
        "peak_rss_mb_after_group": by_stage["group"]["peak_rss_mb"],
        "peak_pss_mb_workers_run": memory["peak_pss_mb"],
        "peak_rss_mb": peak_rss_mb(),
        "cpu_load_1min_after": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--corpus", type=Path, default=SEEDS, help="folder of .txt or .html(.gz) articles"
    )
    parser.add_argument(
        "--name", help="results file name (default: pipeline, or pipeline-<corpus folder>)"
    )
    args = parser.parse_args()
    result = run(args.n, args.workers, args.corpus)
    print_table(
        f"pipeline on {args.corpus} ({args.n} articles)",
        result["stages"],
        [
            "stage",
            "articles",
            "seconds",
            "articles_per_s",
            "cpu_seconds",
            "articles_per_cpu_s",
            "peak_rss_mb",
            "peak_pss_mb",
        ],
    )
    print(
        f"peak RSS: {result['peak_rss_mb']:.0f} MB (after group: "
        f"{result['peak_rss_mb_after_group']:.0f} MB); {args.workers}-worker run: "
        f"{result['peak_pss_mb_workers_run']:.0f} MB PSS in all; "
        f"load average after: {result['cpu_load_1min_after']:.1f}"
    )
    # the seeds' run is the reference; another corpus gets its own file
    same = args.corpus.resolve() == SEEDS.resolve()
    write_results(args.name or ("pipeline" if same else f"pipeline-{args.corpus.name}"), result)


if __name__ == "__main__":
    main()
