"""Grouping alone at scale: time and peak memory for n = 1k, 10k, 100k synthetic articles.

    python -m bench.grouping                  # 1k, 10k, 100k (each in its own process)
    python -m bench.grouping --sizes 1000 10000

Synthetic articles are built from public data (``$STORYFUSE_DATA``): each event is a NeuS story
(three outlets' titles and leads) or an ECB+ event, given a random date in one year; its
articles are shuffled samples of the event's sentences plus a sentence of other news, dated
within three days of the event. Entities are spaCy's, computed once per pool sentence and
cached. Timed per n: feature computation (static embedding, terms, MinHash) and grouping
(every article through the online StoryIndex, then one consolidation). Growth is checked
against n log n. Goal: 100k articles in < 10 minutes and < 2 GB.

Then grouping on worker processes (``--runs-n N``, 100,000 by default; 0 skips it): the
features in tasks on ``--workers`` processes, the articles cut into one run of consecutive days
per worker, each run grouped on its own worker and the runs stitched (``group.runs``, what
``Engine.group`` does for a large batch), against the one pass in this process over the same
articles: wall time, peak memory (this process; the workers' summed PSS) and the synthetic
B-cubed F1 of each, and the B-cubed agreement of the runs' stories with the one pass's.

Then the cost of a store's repairs while it is fed (``--incremental N``, 10,000 by default; 0
skips it): the N articles arrive in date order in batches of 32, as ``storyfuse ingest``
commits them, and the store's rule repairs the stories whenever the articles added since the
last repair reach 5 % of the archive, once by consolidating in place and once by grouping
everything again from scratch (what a store of up to ``REGROUP_LIMIT`` articles does). Both
are timed in CPU seconds, with the synthetic B-cubed F1 they end with.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from bench.common import data_dir, peak_rss_mb, print_table, write_results

REPO = Path(__file__).resolve().parent.parent
SIZES = (1_000, 10_000, 100_000)
SECONDS_PER_RUN = 1500  # each n runs in a child process that is stopped after this
SEED = 7
INCREMENTAL_N = 10_000
RUNS_N = 100_000  # articles grouped on worker processes in runs (``group.runs``)
BATCH = 32  # articles per commit of ``storyfuse ingest``
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])")


def load_pool() -> list[dict]:
    """Events of the public data: each a title list and sentences with their spaCy entities."""
    from storyfuse.embed import cache_dir

    cache = cache_dir() / "bench-grouping-pool-v1.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    events: list[dict] = []
    for line in (data_dir() / "neus" / "train.source").read_text(encoding="utf-8").splitlines():
        titles, sentences = [], []
        for part in line.split(" [SEP] "):
            m = re.match(r"\s*TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", part, re.DOTALL)
            if m:
                titles.append(m.group(1).strip())
                sentences += [s for s in _SENTENCE_RE.split(m.group(2).strip()) if s]
        if titles and sentences:
            events.append({"titles": titles, "sentences": sentences})
    by_subtopic: dict[str, list[str]] = {}
    for line in (data_dir() / "ecbplus" / "docs.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_subtopic.setdefault(row["subtopic"], []).extend(row["text"].split("\n"))
    for sentences in by_subtopic.values():
        events.append({"titles": sentences[:3], "sentences": sentences})

    from storyfuse.extract.nlp import entities_of, nlp

    flat = [s for e in events for s in e["sentences"]]
    entities = [
        [(x.text, x.label) for x in entities_of(doc)] for doc in nlp().pipe(flat, batch_size=256)
    ]
    at = 0
    for event in events:
        count = len(event["sentences"])
        event["entities"] = entities[at : at + count]
        at += count
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(events))
    return events


def synthetic(n: int, pool: list[dict]) -> tuple[list, dict[str, int]]:
    """n GroupInputs in events of 1-8 articles over one year, and each article's event."""
    import datetime as dt

    from storyfuse.group import GroupInput
    from storyfuse.model import Entity

    rng = random.Random(SEED)
    start = dt.date(2023, 1, 1).toordinal()
    items, event_of = [], {}
    event = 0
    while len(items) < n:
        source = rng.choice(pool)
        day = start + rng.randrange(365)
        for _ in range(min(n - len(items), rng.randint(1, 8))):
            picks = list(range(len(source["sentences"])))
            rng.shuffle(picks)
            picks = picks[: max(2, int(len(picks) * 0.7))]
            other = rng.choice(pool)
            noise = rng.randrange(len(other["sentences"]))
            parts = [(source, i) for i in picks] + [(other, noise)]
            text = " ".join(src["sentences"][i] for src, i in parts)
            names = {name for src, i in parts for name in src["entities"][i]}
            article_id = f"a{len(items):06d}"
            items.append(
                GroupInput(
                    id=article_id,
                    text=text,
                    published=dt.date.fromordinal(day + rng.randrange(3)).isoformat(),
                    title=rng.choice(source["titles"]),
                    entities=tuple(
                        Entity(text=t, label=label, start=0, end=0) for t, label in names
                    ),
                )
            )
            event_of[article_id] = event
        event += 1
    return items, event_of


def run_one(n: int) -> dict:
    """One size, in this process: build, compute features, group; report time and memory."""
    from storyfuse.group import GroupConfig, StoryIndex, features_of

    pool = load_pool()
    items, event_of = synthetic(n, pool)
    row: dict = {"n": n, "events": len(set(event_of.values()))}
    started = time.perf_counter()
    features = features_of(items)
    row["features_s"] = time.perf_counter() - started
    del items
    started = time.perf_counter()
    cpu_started = time.process_time()
    index = StoryIndex(GroupConfig())
    ordered = sorted(features, key=lambda f: (f.day if f.day is not None else 10**9, f.id))
    for f in ordered:
        index.add(f)
    row["online_s"] = time.perf_counter() - started
    started = time.perf_counter()
    index.consolidate()
    row["consolidate_s"] = time.perf_counter() - started
    # CPU time of this process: on a machine shared with other jobs it grows with the work
    # done, where wall time also grows with the neighbours' load.
    row["group_cpu_s"] = time.process_time() - cpu_started
    stories = index.stories()
    row["group_s"] = row["online_s"] + row["consolidate_s"]
    row["total_s"] = row["features_s"] + row["group_s"]
    row["stories"] = len(stories)
    row["peak_rss_mb"] = peak_rss_mb()
    row["us_per_article_online"] = 1e6 * row["online_s"] / n
    # How well the synthetic events come back, as a sanity check (not a quality claim).
    from eval.grouping import b_cubed

    predicted = {a: s.id for s in stories for a in s.article_ids}
    scores = b_cubed(predicted, {a: str(e) for a, e in event_of.items()})
    row["b3_f1_synthetic"] = scores["f1"]
    return row


def run_in_runs(n: int, workers: int) -> dict:
    """n articles grouped in one pass here, then on ``workers`` processes in runs."""
    from eval.grouping import b_cubed

    from storyfuse.engines.pool import WorkerPool
    from storyfuse.group import features_of, group_features
    from storyfuse.group.runs import group_on_workers

    items, event_of = synthetic(n, load_pool())
    gold = {a: str(e) for a, e in event_of.items()}
    started = time.perf_counter()
    one_pass = group_features(features_of(items))
    one_pass_s = time.perf_counter() - started

    def members(stories: list) -> dict[str, str]:
        return {a: s.id for s in stories for a in s.article_ids}

    with WorkerPool(workers) as pool:
        pool.map(len, [[]] * workers)  # the workers started, as an engine's are
        started = time.perf_counter()
        in_runs = group_on_workers(items, workers, pool.map)
        runs_s = time.perf_counter() - started
    return {
        "n": n,
        "workers": workers,
        "one_pass_s": one_pass_s,
        "runs_s": runs_s,
        "speed-up": one_pass_s / runs_s,
        "stories_one_pass": len(one_pass),
        "stories_runs": len(in_runs),
        "b3_f1_synthetic_one_pass": b_cubed(members(one_pass), gold)["f1"],
        "b3_f1_synthetic_runs": b_cubed(members(in_runs), gold)["f1"],
        "b3_f1_runs_vs_one_pass": b_cubed(members(in_runs), members(one_pass))["f1"],
        "peak_rss_mb": peak_rss_mb(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="grouping time and memory vs n")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one size
    parser.add_argument("--incremental", type=int, default=INCREMENTAL_N)
    parser.add_argument("--runs-n", type=int, default=RUNS_N)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--one-runs", type=int, help=argparse.SUPPRESS)  # internal
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.one:
        print(json.dumps(run_one(args.one)))
        return 0
    if args.one_runs:
        print(json.dumps(run_in_runs(args.one_runs, args.workers)))
        return 0
    load_pool()  # build the cache once, outside the timed runs
    rows = []
    for n in args.sizes:
        try:
            done = subprocess.run(
                [sys.executable, "-m", "bench.grouping", "--one", str(n)],
                check=False,
                capture_output=True,
                text=True,
                timeout=SECONDS_PER_RUN,
                cwd=REPO,
            )
        except subprocess.TimeoutExpired:
            rows.append({"n": n, "error": f"stopped after {SECONDS_PER_RUN} s"})
            print(f"n={n}: stopped after {SECONDS_PER_RUN} s", flush=True)
            break
        if done.returncode != 0:
            rows.append({"n": n, "error": done.stderr.strip().splitlines()[-1:]})
            print(done.stderr[-2000:], file=sys.stderr)
            break
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"n={n}: {rows[-1]['total_s']:.1f} s, {rows[-1]['peak_rss_mb']:.0f} MB", flush=True)
    timed = [r for r in rows if "group_s" in r]
    base = timed[0] if timed else None
    for r in timed:
        # grouping CPU time relative to n log n, normalised to the smallest n: ~1 means n log n
        r["vs_n_log_n"] = (r["group_cpu_s"] / (r["n"] * math.log(r["n"]))) / (
            base["group_cpu_s"] / (base["n"] * math.log(base["n"]))
        )
    print_table(
        "Grouping alone (static embedding, online StoryIndex + one consolidation)",
        timed,
        [
            "n",
            "events",
            "stories",
            "features_s",
            "online_s",
            "consolidate_s",
            "total_s",
            "us_per_article_online",
            "group_cpu_s",
            "vs_n_log_n",
            "peak_rss_mb",
            "b3_f1_synthetic",
        ],
    )
    in_runs = []
    if args.runs_n:
        done = subprocess.run(
            [sys.executable, "-m", "bench.grouping", "--one-runs", str(args.runs_n),
             "--workers", str(args.workers)],
            check=False, capture_output=True, text=True, timeout=SECONDS_PER_RUN, cwd=REPO,
        )  # fmt: skip
        if done.returncode == 0:
            in_runs = [json.loads(done.stdout.strip().splitlines()[-1])]
            print_table(
                f"Grouping on {args.workers} worker processes, in runs of consecutive days",
                in_runs,
                [
                    "n",
                    "workers",
                    "one_pass_s",
                    "runs_s",
                    "speed-up",
                    "stories_one_pass",
                    "stories_runs",
                    "b3_f1_synthetic_one_pass",
                    "b3_f1_synthetic_runs",
                    "b3_f1_runs_vs_one_pass",
                ],
            )
        else:
            in_runs = [{"n": args.runs_n, "error": done.stderr.strip().splitlines()[-1:]}]
            print(done.stderr[-2000:], file=sys.stderr)
    incremental = run_incremental(args.incremental) if args.incremental else []
    if incremental:
        print_table(
            f"A store fed {args.incremental:,} articles in batches of {BATCH}: its repairs",
            incremental,
            ["repair", "repairs", "repair_cpu_s", "total_cpu_s", "b3_f1_synthetic"],
        )
    write_results(
        "grouping",
        {
            "runs": rows,
            "in_runs_on_workers": in_runs,
            "incremental": incremental,
            "goal": "100k articles < 600 s and < 2048 MB",
        },
    )
    return 0


def run_incremental(n: int) -> list[dict]:
    """The store's repair rule over n articles fed in batches, in place and from scratch."""
    from eval.grouping import b_cubed

    from storyfuse.group import GroupConfig, StoryIndex, features_of
    from storyfuse.store.db import repair_due

    items, event_of = synthetic(n, load_pool())
    features = sorted(features_of(items), key=lambda f: (f.day, f.id))
    del items
    gold = {a: str(e) for a, e in event_of.items()}
    rows = []
    for repair in ("consolidate in place", "group again from scratch"):
        index, pending, repairs, repair_cpu = StoryIndex(GroupConfig()), 0, 0, 0.0
        started = time.process_time()
        for k in range(0, n, BATCH):
            batch = features[k : k + BATCH]
            index.observe(batch)
            for f in batch:
                index.add(f)
            pending += len(batch)
            if repair_due(pending, index):
                before = time.process_time()
                if repair == "consolidate in place":
                    index.consolidate()
                else:
                    index = index.regrouped()
                repair_cpu += time.process_time() - before
                repairs, pending = repairs + 1, 0
        stories = index.stories()
        predicted = {a: s.id for s in stories for a in s.article_ids}
        rows.append(
            {
                "repair": repair,
                "n": n,
                "repairs": repairs,
                "repair_cpu_s": repair_cpu,
                "total_cpu_s": time.process_time() - started,
                "b3_f1_synthetic": b_cubed(predicted, gold)["f1"],
            }
        )
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
